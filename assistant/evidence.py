"""The evidence stage, between retrieval and composition: answer, clarify or decline, and with what.

Retrieval finds the right articles; this stage decides whether they cover what was asked, keeps the
passages about the question's topic, and ranks each candidate sentence by how well it answers *this*
question: the kind of fact asked (a dose, a duration, a threshold...), the population or situation
asked about, and its relevance, more than shared topic words. A sentence about an exception or another
subgroup does not lead. Both composers work from what this stage returns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import textstat

from assistant.models import PartKind, Persona
from assistant.question import (
    ANSWER_SHAPE,
    EXCEPTION,
    RESTRICTIVE,
    QuestionProfile,
    qualifiers_of,
)
from assistant.vocabulary import PLAIN_SECTION, passage_kind
from knowledge.intent import query_intents, section_intent
from knowledge.schema import Hit
from knowledge.text import content_terms, statements, tokens


# Passages come from a fixed store and are read on every turn that retrieves them: their sentences and
# terms are memoised (immutable results), which cut the evidence stage's CPU per turn by about half.
# Bounded so a large imported store costs tens of MB at most (the bundled one fits whole).
@functools.lru_cache(maxsize=2048)
def _statements(text: str) -> tuple[str, ...]:
    return tuple(statements(text))


@functools.lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


Weigh = Callable[[set[str]], dict[str, float]]

_DANGLING = re.compile(r"^(it|its|this|that|these|those|they|them|such|both|common ones|then|also|however)\b", re.I)
_NOT_A_STATEMENT = re.compile(
    r"(\?\s*$)|sample demonstration content|not clinically reviewed|^(see|read|ask|talk to) |questions? to ask", re.I
)
_DEFINITION = re.compile(r"^[\w ,()/-]{2,60}\b(is|are|means|refers to)\b (a|an|the|when|low|high|too|damage)\b", re.I)


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; measured one at a time in benchmarks/answers.py."""

    prior: float = 0.6
    topic: float = 0.4
    asked: float = 1.6
    off_focus: float = 0.5
    section: float = 0.3
    shape: float = 1.0
    no_shape: float = 0.8
    bigram: float = 0.0
    meaning: float = 3.0
    rerank: int = 12
    definition: float = 0.4
    qualifier: float = 0.7
    other_subgroup: float = 0.6
    exception: float = 0.5
    dangling: float = 0.5
    plain_lay: float = 0.5
    plain_clinical: float = 0.5
    guideline: float = 0.15
    hard_for_lay: float = 0.12


@dataclass
class Candidate:
    """One sentence that might go into the reply."""

    position: int  # 1-based place of its passage in Evidence.hits
    order: int  # its place in the passage, to keep reading order
    text: str
    kind: PartKind
    plain: bool
    terms: frozenset[str]
    score: float
    relevance: float
    shape: bool
    grade: float


@dataclass
class Evidence:
    """What the composers may use, and what to tell the reader about it."""

    action: Literal["answer", "decline"]
    hits: list[Hit]
    candidates: list[Candidate] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    technical_only: bool = False
    coverage: float = 0.0


def coverage(weights: dict[str, float], hits: list[Hit]) -> tuple[float, list[str]]:
    """Share of the question's topic (rare words weigh more) found in the best passages, and what is missing."""
    if not weights:
        return 1.0, []
    topic = set(weights)
    found = set().union(*(_terms(f"{h.title} {h.keywords} {h.text}") for h in hits[:8])) if hits else set()
    total = sum(weights.values()) or 1.0
    share = sum(w for t, w in weights.items() if t in found) / total
    missing = sorted((t for t in topic if t not in found), key=lambda t: -weights[t])
    return share, missing


def on_topic(weights: dict[str, float], hits: list[Hit], keep: float = 0.6) -> list[Hit]:
    """Passages whose article is about the question's topic (title and keywords first, text if none names it)."""
    if not weights or not hits:
        return hits
    topic = set(weights)
    total = sum(weights.values()) or 1.0

    def cover(text: str) -> float:
        return sum(weights[t] for t in topic & _terms(text)) / total

    scores = [cover(f"{h.title} {h.keywords}") for h in hits]
    if max(scores) == 0:
        scores = [cover(f"{h.title} {h.text}") for h in hits]
    best = max(scores)
    if best == 0:
        return hits
    return [h for h, c in zip(hits, scores, strict=True) if c >= keep * best]


@functools.lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[tuple[str, str]]:
    terms = tokens(text)
    return frozenset(zip(terms, terms[1:], strict=False))


def candidates(
    question: QuestionProfile,
    hits: list[Hit],
    persona: Persona,
    weights: Weights = Weights(),
    weigh: Weigh | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Candidate]:
    """Every usable sentence of the passages, scored for how well it answers this question."""
    # Inside on-topic passages the article's subject is given; what distinguishes the answer is the rest of
    # the question ("foods" in "what foods should I cut down on with gout"), weighted by rarity.
    subject = set().union(*(_terms(f"{h.title} {h.keywords}") for h in hits)) if hits else set()
    focus = set(question.terms) - subject
    topic = set(question.topic) & subject
    rarity = weigh(focus | topic) if (weigh and (focus | topic)) else dict.fromkeys(focus | topic, 1.0)
    focus_total = sum(rarity[t] for t in focus) or 1.0
    subject_text = " ".join(dict.fromkeys(f"{h.title} {h.keywords}" for h in hits))
    # A qualifier that names the article's own subject (diabetes in the diabetes article) distinguishes nothing.
    wanted_qualifiers = question.qualifiers - qualifiers_of(subject_text)
    topic_total = sum(rarity[t] for t in topic) or 1.0
    section_intents = query_intents(question.text)
    question_bigrams = _bigrams(question.text)
    seen_texts: set[str] = set()
    top = max((h.score for h in hits), default=1.0) or 1.0
    found: list[Candidate] = []
    for position, hit in enumerate(hits, start=1):
        plain = hit.section == PLAIN_SECTION
        prior = hit.score / top
        kind = passage_kind(hit)
        for order, text in enumerate(_statements(hit.text)):
            n_words = len(text.split())
            if n_words < 5 or n_words > 80 or text.endswith(":") or _NOT_A_STATEMENT.search(text):
                continue
            if text in seen_texts:  # overlapping chunks repeat a sentence: keep its first passage
                continue
            seen_texts.add(text)
            terms = _terms(text)
            topic_share = sum(rarity[t] for t in topic & terms) / topic_total if topic else 0.0
            focus_share = sum(rarity[t] for t in focus & terms) / focus_total if focus else 0.0
            relevance = focus_share + 0.5 * topic_share
            score = weights.prior * prior + weights.topic * topic_share + weights.asked * focus_share
            if focus and focus_share == 0:
                score -= weights.off_focus
            if question_bigrams & _bigrams(text):
                score += weights.bigram
            if "definition" not in question.intents and _DEFINITION.match(text):
                score -= weights.definition  # "Gout is a type of arthritis" answers only "what is gout?"
            if section_intents and section_intent(hit.section) in section_intents:
                score += weights.section
            shapes = [i for i in question.intents if ANSWER_SHAPE[i].search(text)]
            shape = bool(shapes)
            if shapes:
                score += weights.shape * (1.0 if set(shapes) & question.specific else 0.5)
            elif question.specific:
                score -= weights.no_shape
            sentence_qualifiers = qualifiers_of(text)
            score += weights.qualifier * len(sentence_qualifiers & wanted_qualifiers)
            score -= weights.other_subgroup * len((sentence_qualifiers & RESTRICTIVE) - question.qualifiers)
            if EXCEPTION.search(text) and not ({"unable", "recurrent"} & question.qualifiers):
                score -= weights.exception
            if _DANGLING.match(text):
                score -= weights.dangling
            grade = textstat.flesch_kincaid_grade(text) if persona.lay else 0.0
            if persona.lay:
                score += weights.plain_lay if plain else -weights.hard_for_lay * max(0.0, grade - 8)
            else:
                score -= weights.plain_clinical if plain else 0.0
                score += weights.guideline if kind is PartKind.GUIDELINES else 0.0
            found.append(Candidate(position, order, text, kind, plain, terms, score, relevance, shape, grade))
    found.sort(key=lambda c: (-c.score, c.position, c.order))
    if embed is not None and found and weights.meaning:
        # The shipped embedder reads meaning the word signals miss ("how long does the cough hang around" and
        # "a cough can last some weeks"); it reranks only the leading candidates, to keep a turn fast.
        head = found[: int(weights.rerank)]
        vectors = embed([question.text] + [c.text for c in head])
        for candidate, similarity in zip(head, vectors[1:] @ vectors[0], strict=True):
            candidate.score += weights.meaning * float(similarity)
        found.sort(key=lambda c: (-c.score, c.position, c.order))
    return found


def decide(
    question: QuestionProfile,
    hits: list[Hit],
    persona: Persona,
    weigh: Weigh | None = None,
    threshold: float = 0.40,
    min_coverage: float = 0.5,
    lexical_coverage: float = 0.75,
    weights: Weights = Weights(),
    expand: Callable[[list[Hit]], list[Hit]] | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> Evidence:
    """Answer or decline; when answering, the on-topic passages (plus `expand`'s) and their ranked sentences."""
    if not hits:
        return Evidence("decline", [])
    best = max((h.similarity or 0.0) for h in hits[:5])
    topic = set(question.topic)
    topic_weights = (weigh(topic) if weigh else dict.fromkeys(topic, 1.0)) if topic else {}
    share, missing = coverage(topic_weights, hits)
    # Close in meaning and sharing the topic, or naming nearly all of it (shorthand the embedder reads poorly),
    # or very close in meaning.
    covered = (best >= threshold and share >= min_coverage) or share >= lexical_coverage or best >= threshold + 0.2
    if not covered:
        return Evidence("decline", hits, uncovered=missing, coverage=share)
    kept = on_topic(topic_weights, hits)
    if expand:
        kept = expand(kept)
    ranked = candidates(question, kept, persona, weights, weigh, embed)
    if not ranked:
        return Evidence("decline", kept, uncovered=missing, coverage=share)
    technical_only = False
    if persona.lay:
        best_relevance = max(c.relevance for c in ranked)
        plain_relevant = [c for c in ranked if c.plain and c.relevance >= 0.5 * best_relevance]
        technical_only = not plain_relevant and not any(c.grade <= 10 for c in ranked[:3])
    return Evidence("answer", kept, ranked, uncovered=missing, technical_only=technical_only, coverage=share)
