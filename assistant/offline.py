"""The offline composer: an extractive, deterministic answer built from approved sentences.

It never writes a clinical sentence of its own. It picks sentences from the retrieved passages by
relevance to the question, drops near-duplicates, puts guideline sentences first, groups them into the
guideline and research parts, and keeps each sentence's citation. For patients and caregivers it
draws on the articles' plain-language summaries and prefers easy sentences.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import textstat

from assistant.citations import Draft, content_terms
from assistant.models import PartKind, Persona, Statement
from knowledge.chunking import split_sentences
from knowledge.intent import query_intents, section_intent
from knowledge.schema import EvidenceType, Hit

PLAIN_SECTION = "Plain-language summary"
RESEARCH_SECTION = "Research evidence"
RESEARCH_TYPES = frozenset(
    {EvidenceType.TRIAL, EvidenceType.SYSTEMATIC_REVIEW, EvidenceType.OBSERVATIONAL, EvidenceType.RESEARCH}
)
GENERIC_TERMS = content_terms(
    "treatment treat treated therapy manage management symptom symptoms sign signs cause causes diagnose "
    "diagnosis test tests people patient patients recommend recommended guideline guidelines best first line "
    "option options use used tell know disease condition"
)


# Words that mark a sentence as answering an intent, whatever its section is called.
SENTENCE_CUES = {
    "treatment": r"recommend|treat|therap|resect|surg|excision|dose|first[- ]line|chemotherap|drug|offer|start|"
    r"prescri|mainstay|standard|inhibitor|antibiotic|anticoag|medicine|medication",
    "exams and tests": r"diagnos|test|confirm|imaging|biopsy|histolog|immunohisto|fish|sequencing|\bct\b|mri|screen|"
    r"measure|stag",
    "follow-up": r"follow|surveillance|monitor|every \d|review|recheck|check",
    "outlook": r"prognos|surviv|recurren|metasta|outcome|aggressive|mortality",
    "causes": r"caus|risk|due to|trigger|because",
    "symptoms": r"symptom|sign|present|pain|bleed|fever|cough|breath",
    "prevention": r"prevent|reduc|vaccin|avoid|lower the risk",
}
_CUES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in SENTENCE_CUES.items()}


def passage_kind(hit: Hit) -> PartKind:
    """Which part of a reply a passage belongs to.

    A 'Guideline recommendations' section summarises guidelines whatever the article's overall type
    (a review of a rare tumour applies sarcoma guidelines by analogy); research sections and research
    articles are research; plain-language and patient-information text is 'other'.
    """
    section = hit.section.strip().lower()
    if section == "guideline recommendations":
        return PartKind.GUIDELINES
    if section == RESEARCH_SECTION.lower() or hit.evidence_type in RESEARCH_TYPES:
        return PartKind.RESEARCH
    if hit.evidence_type is EvidenceType.GUIDELINE and section != PLAIN_SECTION.lower():
        return PartKind.GUIDELINES
    return PartKind.OTHER


@dataclass(frozen=True)
class Style:
    """How much of each part a reader gets, and how hard the sentences may be."""

    direct: int
    guidelines: int
    research: int
    other: int
    max_grade: float | None = None


STYLES = {
    Persona.PHYSICIAN: Style(direct=2, guidelines=5, research=3, other=2),
    Persona.NURSE: Style(direct=2, guidelines=4, research=2, other=2),
    Persona.STUDENT: Style(direct=2, guidelines=4, research=3, other=2),
    Persona.PATIENT: Style(direct=4, guidelines=2, research=1, other=2, max_grade=9.0),
    Persona.CAREGIVER: Style(direct=4, guidelines=2, research=1, other=2, max_grade=9.0),
}


_DANGLING = re.compile(r"^(it|its|this|that|these|those|they|them|such|both|common ones|then|also)\b", re.IGNORECASE)


@dataclass
class _Candidate:
    position: int  # 1-based position of its passage in the hits list
    order: int  # the sentence's place in its passage, to keep reading order
    text: str
    kind: PartKind
    score: float
    terms: set[str]
    plain: bool


def _clean(sentence: str) -> str:
    return re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", sentence).strip()


def _candidates(question: str, hits: list[Hit], persona: Persona) -> list[_Candidate]:
    asked = content_terms(question)
    topic = asked - GENERIC_TERMS
    intents = query_intents(question)
    top = max((h.score for h in hits), default=1.0) or 1.0
    style = STYLES[persona]
    found: list[_Candidate] = []
    for position, hit in enumerate(hits, start=1):
        plain = hit.section == PLAIN_SECTION
        prior = hit.score / top
        for order, raw in enumerate(split_sentences(hit.text)):
            text = _clean(raw)
            words = len(text.split())
            if words < 6 or words > 70 or text.endswith(":"):
                continue
            terms = content_terms(text)
            # The passages are already on topic, so naming the subject again counts for less than
            # answering what was asked about it ("treatment" in a treatment question).
            asked_about = asked - topic
            overlap = len(asked_about & terms) / math.sqrt(len(asked_about) or 1)
            score = prior + overlap + 0.6 * len(topic & terms) / (len(topic) or 1)
            if intents and section_intent(hit.section) in intents:
                score += 0.3
            if _DANGLING.match(text):
                score -= 0.5  # leans on a sentence that may not be shown
            if any(_CUES[i].search(text) for i in intents if i in _CUES):
                score += 0.4
            if style.max_grade is not None:
                grade = textstat.flesch_kincaid_grade(text)
                if grade > style.max_grade and not plain:
                    continue
                score += 0.6 if plain else 0.0
            elif plain:
                score -= 0.5
            found.append(_Candidate(position, order, text, passage_kind(hit), score, terms, plain))
    return found


def _near_duplicate(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    for other in chosen:
        union = candidate.terms | other.terms
        if union and len(candidate.terms & other.terms) / len(union) > 0.6:
            return True
    return False


class OfflineComposer:
    """Deterministic extractive composition; the default, and the fallback when an LLM fails."""

    name = "offline"

    def compose(self, question: str, hits: list[Hit], persona: Persona) -> Draft:
        """Choose and group sentences; every statement carries the position of its passage."""
        style = STYLES[persona]
        ranked = sorted(_candidates(question, hits, persona), key=lambda c: (-c.score, c.position, c.text))
        chosen: list[_Candidate] = []
        draft = Draft()

        def take(pool: list[_Candidate], limit: int) -> list[Statement]:
            out = []
            for candidate in pool:
                if len(out) >= limit:
                    break
                if candidate in chosen or _near_duplicate(candidate, chosen):
                    continue
                chosen.append(candidate)
                out.append(Statement(text=candidate.text, citations=[candidate.position]))
            return out

        if persona.lay:
            direct_pool = [c for c in ranked if c.plain] or ranked
        else:
            # Guideline sentences lead at comparable relevance; a clearly better answer from elsewhere still wins.
            direct_pool = sorted(
                ranked, key=lambda c: (-(c.score + (0.3 if c.kind is PartKind.GUIDELINES else 0.0)), c.position)
            )
        draft.direct = take(direct_pool, style.direct)
        if persona.lay:  # a plain-language answer reads best in the summary's own order
            placed = {(c.position, c.order): c.text for c in chosen}
            draft.direct.sort(key=lambda s: next(k for k, t in placed.items() if t == s.text))
        limits = {PartKind.GUIDELINES: style.guidelines, PartKind.RESEARCH: style.research, PartKind.OTHER: style.other}
        for kind, limit in limits.items():
            pool = [c for c in ranked if c.kind is kind and not c.plain]
            if kind is PartKind.OTHER and (draft.parts.get(PartKind.GUIDELINES) or draft.parts.get(PartKind.RESEARCH)):
                limit = min(limit, 1)
            statements = take(pool, limit)
            if statements:
                draft.parts[kind] = statements
        return draft


FOLLOW_UP_TEMPLATES = (
    ("treatment", "What is the recommended treatment for {topic}?"),
    ("exams and tests", "How is {topic} diagnosed?"),
    ("follow-up", "What follow-up and monitoring is recommended for {topic}?"),
    ("research", "What does the research show about {topic}?"),
    ("outlook", "What is the outlook for {topic}?"),
)


def topic_of(title: str) -> str:
    """A readable topic from an article title: 'COPD: diagnosis and management' -> 'COPD'."""
    topic = title.split(":")[0].strip()
    return topic[0].lower() + topic[1:] if topic[:2].istitle() and not topic[:2].isupper() else topic


def follow_ups(question: str, hits: list[Hit], limit: int = 3) -> list[str]:
    """Questions about the same topic that this one did not ask."""
    if not hits:
        return []
    asked = query_intents(question)
    topic = topic_of(hits[0].title)
    return [t.format(topic=topic) for intent, t in FOLLOW_UP_TEMPLATES if intent not in asked][:limit]
