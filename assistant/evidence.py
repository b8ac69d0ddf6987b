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
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import textstat

from assistant.models import PartKind, Persona
from assistant.question import (
    ANSWER_SHAPE,
    ASKING_TERMS,
    EVERYDAY_TERMS,
    EXCEPTION,
    NOT_PREGNANT,
    OF_PREGNANCY,
    QUALIFIER_RE,
    RESTRICTIVE,
    QuestionProfile,
    qualifiers_of,
)
from assistant.ranker import FEATURES, INDEX, SHAPED_INTENTS, RankerModel
from assistant.ranker import shipped as shipped_ranker
from assistant.vocabulary import PLAIN_SECTION, passage_kind
from knowledge.embeddings import vocabulary_words
from knowledge.intent import query_intents, section_intent
from knowledge.schema import Hit
from knowledge.text import LIST_MARK, content_terms, similar_form, split_sentences, statements, tokens


# Passages come from a fixed store and are read on every turn that retrieves them: their sentences and
# terms are memoised (immutable results), which cut the evidence stage's CPU per turn by about half.
# Bounded so a large imported store costs tens of MB at most (the bundled one fits whole).
@functools.lru_cache(maxsize=2048)
def _statements(text: str) -> tuple[str, ...]:
    return tuple(statements(text))


@functools.lru_cache(maxsize=8192)
def _lead_ins(text: str) -> tuple[str, ...]:
    """For each of a passage's statements, the sentence that introduces it when it is a list item ("AKI is defined
    by KDIGO as any of:" before "- urine output below 0.5 mL/kg/hour for 6 hours or more"), else "". An item read
    alone says neither what it is a criterion of nor for what."""
    out: list[str] = []
    lead = ""
    for raw in split_sentences(text):  # one per statement: statements() is these without their marks
        item = bool(LIST_MARK.match(raw))
        if not item:
            lead = raw if raw.rstrip().endswith(":") else ""
        out.append(lead if item else "")
    return tuple(out)


@functools.lru_cache(maxsize=8192)
def _paragraphs(text: str) -> tuple[int, ...]:
    """The paragraph of each of a passage's statements (blank lines part them), or -1 for each when the split
    by paragraph does not give the same statements."""
    numbered = [(i, s) for i, block in enumerate(re.split(r"\n\s*\n", text)) for s in statements(block)]
    if [s for _, s in numbered] != list(_statements(text)):
        return (-1,) * len(_statements(text))
    return tuple(i for i, _ in numbered)


@functools.lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


Weigh = Callable[[set[str]], dict[str, float]]
Holding = Callable[[set[str]], dict[str, frozenset[str]]]

DANGLING = re.compile(
    r"^(it|its|this|that|these|those|they|them|such|both|common ones|then|also|however|"
    r"(?:when|if) the (?:result|test|score|reading)s?)\b",  # "When the result is 'unlikely', a D-dimer..."
    re.I,
)
_NOT_A_STATEMENT = re.compile(
    r"(\?\s*$)|sample demonstration content|not clinically reviewed|^(see|read|ask|talk to) |questions? to ask", re.I
)
_NUMBER = re.compile(r"\d")
# Candidates embedded for the MiniLM similarity signal, chosen by the other signals first.
SIMILARITY_HEAD = 24
_DEFINITION = re.compile(
    # Never a judgement said of it: "Stopping smoking is the best thing you can do" answers, it does not define.
    r"^[\w ,()/-]{2,60}\b(?:(is|are|means|refers to)\b (a|an|the(?! (?:best|single best|safest|"
    r"most (?:important|useful|effective|helpful))\b)|when|low|high|too|damage|your|that|you)\b|"
    r"(happens|occurs) when\b)",  # "Reflux happens when acid...", "Osteoporosis means your bones..."
    re.I,
)


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
    features: np.ndarray | None = None  # the ranker's signals, kept for fitting and inspection
    focus: int = 0  # which part of a two-part question it answers
    defines: bool = False  # reads as a definition ("Gout is a type of arthritis")
    # Other (position, order) places of the same sentence: overlapping passages repeat it, and its neighbours
    # may be in the later copy only ("These can be signs..." opens one passage and ends a paragraph in another).
    aliases: tuple[tuple[int, int], ...] = ()
    paragraph: int = -1  # its paragraph in the passage (-1: unknown), so a lay answer can read on in it
    # For a lay reader: the chance it states the fact asked had a clinician asked (the lay signals read as a
    # clinician's), so a lay answer can tell when the professionals' text holds a fact the plain text lacks.
    fact_score: float = 0.0
    article_id: str = ""  # whose sentence it is: a short answer leads from the article the evidence put first
    article_named: bool = False  # the question names its article's subject (a word of its title or keywords)


@dataclass
class Evidence:
    """What the composers may use, and what to tell the reader about it."""

    action: Literal["answer", "decline"]
    hits: list[Hit]
    candidates: list[Candidate] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    technical_only: bool = False
    coverage: float = 0.0


# What an everyday word weighs, against its rarity, when judging coverage.
EVERYDAY_WEIGHT = 0.25
# When the question names an article's subject whole ("how is dementia diagnosed?"), the everyday words around it
# ("keeps forgetting whether he locked the door") tell the story, and count less again.
NAMED_EVERYDAY_WEIGHT = 0.1


def coverage(
    weights: dict[str, float],
    hits: list[Hit],
    lenient: frozenset[str] | set[str] = frozenset(),
    holding: Holding | None = None,
    everyday_weight: float = EVERYDAY_WEIGHT,
    given: frozenset[str] | set[str] = frozenset(),
) -> tuple[float, list[str]]:
    """Share of the question's topic (rare words weigh more) that one article of the best passages holds, and
    what that article is missing.

    A `lenient` term (an everyday word) that is missing counts EVERYDAY_WEIGHT of its rarity against the share:
    "enjoy" or "killers" are rare in a medical library because it does not talk that way, not because the
    question is about something else. Found, it counts in full. A `given` term counts as held by every article."""
    if not weights:
        return 1.0, []
    topic = set(weights)
    # One article must hold the topic: "units" from the ketoacidosis article and "vitamin" from the osteoporosis
    # one do not answer "how many units of vitamin D a day?". With `holding` (the library's index) the whole
    # article counts, not only its passages retrieved.
    by_article: dict[str, set[str]] = {}
    for h in hits[:8]:
        by_article.setdefault(h.article_id, set()).update(_terms(f"{h.title} {h.keywords} {h.text}"))
    held = holding(topic) if holding else {}
    best: tuple[float, list[str]] = (0.0, sorted(topic, key=lambda t: -weights[t]))
    for article, found in by_article.items():
        present = {t for t in topic if t in given or _holds(found, t) or article in held.get(t, ())}
        covered = sum(weights[t] for t in present)
        absent = sum(w * (everyday_weight if t in lenient else 1.0) for t, w in weights.items() if t not in present)
        share = covered / ((covered + absent) or 1.0)
        if share > best[0]:
            best = share, sorted(topic - present, key=lambda t: -weights[t])
    return best


def passages_filling(weights: dict[str, float], kept: list[Hit], chunks: list[Hit]) -> list[Hit]:
    """An article's passages that hold a word of the question its retrieved passages lack.

    Search returns a handful of passages; the one that answers can rank below passages that share the common
    words: "ACS, give oxygen below what saturation?" retrieves the statin and troponin passages, and the
    treatment passage that says "oxygen only when saturation is below 90%" is never read."""
    held = _terms(" ".join(h.text for h in kept))
    lacking = {t for t in weights if not _holds(held, t)}
    if not lacking:
        return []
    return [c for c in chunks if any(_holds(_terms(c.text), t) for t in lacking)]  # _terms is cached


def _holds(terms: frozenset[str] | set[str], term: str) -> bool:
    """The term, or another form of it (knowledge.text.similar_form)."""
    return term in terms or (len(term) >= 5 and any(similar_form(term, other) for other in terms))


# Who an article is for, when its title says so; a question about one group is not answered from another's.
_GROUPS = {
    "children": re.compile(r"\b(?:child|children|childhood|paediatric|pediatric|infants?|juvenile)\b"),
    "adults": re.compile(r"\b(?:adults?|adulthood)\b"),
}
_GROUP_STEM = re.compile(r"^(?:child|adult|paediatr|pediatr|infant|juvenil)")
# A name followed by a number or type ("dystonia 6", "spastic paraplegia type 3A", "type 1 diabetes").
_VARIANT = re.compile(r"\b([a-z][a-z-]{2,})\s+(?:type\s+)?(\d+[a-z]?|[ivx]{1,4})\b")
# The part of a title that names the condition: before a subtitle or an aside, without who it is for.
_TITLE_NAME = re.compile(r"^[^:(]*")
_FOR_GROUP = re.compile(r"\b(?:(?:in|for) (?:adults?|children|adults and children|children and adults)|and other)\b.*$")
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
# Head words of tumour names: one kind's article is a neighbour of another's, not an answer to it.
_TUMOUR_HEADS = frozenset(
    tokens("leukemia leukaemia lymphoma carcinoma sarcoma melanoma myeloma glioma cancer tumor tumour neoplasm")
)
_SITUATION = ("severe", "mild", "recurrent", "hospital", "community", "metastatic")
# Words that name a tumour's kind by its course or form: one kind's article is a sibling of another's.
_KIND_STEMS = frozenset(tokens("acute chronic juvenile atypical"))


# A word shaped like a condition's name (see conversation._CONDITION_SHAPE).
_CONDITION_WORD = re.compile(
    r"\b(?!(?:prognosis|diagnosis|diagnoses|prognoses)\b)[a-z]{4,}(?:osis|oses|itis|omas?|aemia|emia|opathy|plasia|"
    r"iasis)\b"
)


# A name completed by a letter or number: a vitamin, a hepatitis virus, a clotting factor.
_LETTERED = re.compile(
    r"\b(vitamin|hepatitis|hep|factor)[\s-]+([a-ek](?:\d{1,2})?|\d{1,2}|[ivx]{1,4})\b(?![\s-]?(?:mg|mcg|iu|units?))",
    re.I)


def _lettered_names(text: str) -> frozenset[str]:
    """The lettered names a text holds, as "vitamin d", "hepatitis c" ("hep C" read as hepatitis)."""
    return frozenset(f"{'hepatitis' if m.group(1).lower() == 'hep' else m.group(1).lower()} {m.group(2).lower()}"
                     for m in _LETTERED.finditer(text))


def _names_another_topic(question: str, lettered: frozenset[str], hits: list[Hit]) -> bool:
    """Whether the question names the title or a keyword of a found article besides the lettered names (whose letter
    the tokens drop: "vitamin D" reads as "vitamin")."""
    heads = {term for name in lettered for term in content_terms(name)}
    asked = content_terms(question) - heads
    for hit in hits[:8]:
        for phrase in (hit.title, *re.split(r"[;,]", hit.keywords)):
            terms = content_terms(phrase) - heads
            if terms and terms <= asked and not _lettered_names(phrase) - lettered:
                return True
    return False


def _rare_condition_names(question: str) -> frozenset[str]:
    """The stems of the condition-shaped words of a question that the shipped embedder's vocabulary lacks: the
    specialised name of one condition ("thrombocythemia", "ependymoma", "histiocytosis"), not "pneumonia"."""
    common = vocabulary_words()
    return frozenset(t for w in _CONDITION_WORD.findall(question.lower()) if w not in common for t in content_terms(w))


def neighbour_marks(question: str, title: str, keywords: str = "") -> frozenset[str]:
    """What the question names that this article, a neighbour of the thing asked about, does not; empty when
    the article is not a neighbour.

    At library scale the documents next to a missing one share nearly all its words: "adult acute
    lymphoblastic leukaemia" was answered from "childhood acute myeloid leukaemia", "gallbladder cancer" from
    "pancreatic cancer", "extragonadal germ cell tumours" from "extracranial germ cell tumours". Three signs:
    another numbered variant ("dystonia 11" for "dystonia 6"), marked "variant:<name> <number>"; a title for
    another group of people, marked "group:<who>"; or a title ending in the asked name's last word that names
    something the question does not, while a word of the asked name ("gallbladder") is in neither the title
    nor the keywords, marked by that word's stem. Only specialised words (ones the shipped embedder splits into
    pieces) mark a name: "leg infection" is not a neighbour of "urinary tract infection" by this rule.
    """
    asked, named = question.lower(), title.lower()
    marks = set()
    titled = {m.group(1): m.group(2) for m in _VARIANT.finditer(named)}
    for m in _VARIANT.finditer(asked):
        if m.group(1) in titled and titled[m.group(1)] != m.group(2):
            marks.add(f"variant:{m.group(1)} {m.group(2)}")
    groups_asked = sorted(g for g, pattern in _GROUPS.items() if pattern.search(asked))
    groups_named = {g for g, pattern in _GROUPS.items() if pattern.search(named)}
    if groups_asked and groups_named and not groups_named & set(groups_asked):
        marks.add(f"group:{groups_asked[0]}")
    if _keyword_named(asked, keywords):
        # "Spindle cell gut tumour, CD117 negative: which marker points to GIST?" describes the tumour and then
        # names the article: it is what was asked, not a neighbour.
        return frozenset(marks)
    name = tuple(tokens(_FOR_GROUP.sub("", _TITLE_NAME.match(named).group(0))))
    words, stems, asked_terms = _asked_words(asked)
    heads = [i for i, stem in enumerate(stems) if stem == name[-1:]]
    same_head = bool(heads)
    if not heads and name[-1:] and name[-1] in _TUMOUR_HEADS:
        # Another kind of tumour: "adult non-Hodgkin lymphoma" for "adult acute lymphoblastic leukaemia". The asked
        # kind's own name is read back from its head word, as for a title sharing it.
        heads = [i for i, stem in enumerate(stems) if stem and stem[0] in _TUMOUR_HEADS and stem[0] not in name]
    if not heads and name[-1:] and name[-1] not in _TUMOUR_HEADS:
        # Another kind of condition sharing the word before the asked tumour's head: "congenital laryngeal palsy"
        # for "laryngeal cancer", "bare lymphocyte syndrome" for "chronic lymphocytic leukemia". Only an article
        # named for both words answers.
        tumour = next((i for i, stem in enumerate(stems) if stem and stem[0] in _TUMOUR_HEADS), None)
        if tumour and stems[tumour - 1] and stems[tumour - 1][0] in name and stems[tumour][0] not in name:
            marks.update({stems[tumour][0], stems[tumour - 1][0]})
    if len(name) < 2 or not heads:
        return frozenset(marks)
    if "non" in name and not {"non", "no", "not"} & asked_terms:
        # "Adult Non-Hodgkin Lymphoma" is the other kind of "Adult Hodgkin Lymphoma".
        after = name.index("non") + 1
        marks.update(f"not:{word}" for word in name[after : after + 1] if word in asked_terms)
    if all(word in asked_terms for word in name[:-1]):
        return frozenset(marks)
    described = _terms(f"{title} {keywords}")
    common = vocabulary_words()
    asked_name: set[str] = set()  # the words of the asked name before its head, read backwards
    for typed, stem in zip(reversed(words[: heads[0]]), reversed(stems[: heads[0]]), strict=True):
        if typed == "and" and asked_name:
            continue  # "lip and oral cavity cancer", "brain and spinal cord tumours"
        word = stem[0] if len(stem) == 1 else ""
        situation = any(QUALIFIER_RE[q].fullmatch(typed) for q in _SITUATION)
        # A size or an amount ends the name: "a 6mm neuroendocrine tumour" names no other kind of tumour.
        little = not word or word in ASKING_TERMS or word in EVERYDAY_TERMS or _GROUP_STEM.match(word)
        if typed[:1].isdigit() or little or situation:
            break  # the asked name ends here: a little word, a question, person or situation word
        if typed not in common and not _names(word, described):
            marks.add(word)  # a specialised word of the asked name ("gallbladder"), not an everyday one ("water")
            break
        asked_name.add(word)
    if not marks and same_head and name[-1] in _TUMOUR_HEADS:
        # Sibling tumours: each name has a word the other lacks, and the title's is specialised ("Oral Cavity and
        # Oropharyngeal Cancer" for "Lip and Oral Cavity Cancer", "Extracranial Germ Cell Tumors" for "Central
        # Nervous System Germ Cell Tumors").
        own = {word for word in name[:-1] if word not in asked_terms and not _GROUP_STEM.match(word)}
        title_words = {w: t for t in _WORD.findall(named) for w in tokens(t)}
        specialised = {w for w in own if title_words.get(w, w) not in common}
        unshared = {w for w in asked_name - set(name) if len(w) > 2 and w.isalpha() and not _names(w, described)}
        # ...or each has a word of its kind in the same place ("Juvenile Myelomonocytic Leukemia" for "Chronic
        # Myelomonocytic Leukemia", "Chronic Myeloid Leukemia" for "Adult Acute Myeloid Leukemia"), or the title
        # names the atypical form of what was asked ("Atypical Chronic Myelogenous Leukemia").
        kinds = {word for word in name[:-1] if word not in asked_terms and word in _KIND_STEMS}
        if (specialised or kinds) and unshared & (_KIND_STEMS if kinds and not specialised else unshared):
            marks.add(sorted(unshared)[0])
        elif "atyp" in kinds:
            marks.add("atypical")
    return frozenset(marks)


@functools.lru_cache(maxsize=4096)
def _keyword_named(asked: str, keywords: str) -> bool:
    """Whether the question names one of the article's specialised one-word keywords whole ("GIST", "CD117"). Not a
    phrase: "myeloid leukemia", a keyword of the chronic myeloid leukaemia document, sits inside "childhood acute
    myeloid leukemia", another disease."""
    common = vocabulary_words()
    for keyword in keywords.lower().split("; "):
        typed = keyword.strip()
        if len(typed) < 3 or " " in typed or typed in common:
            continue
        if re.search(rf"(?<![\w-]){re.escape(typed)}(?![\w-])", asked):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _asked_words(question: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], frozenset[str]]:
    """A question's words as typed, each one's stems, and all its stems: read once per question, not per hit."""
    words = tuple(_WORD.findall(question))
    stems = tuple(tuple(tokens(word)) for word in words)
    return words, stems, frozenset(term for stem in stems for term in stem)


def _names(stem: str, terms: frozenset[str]) -> bool:
    """Whether `terms` hold this stem, allowing a two-letter difference in its ending ("thrombolys" and
    "thrombolysi" meet; "lymphoblast" and "lymphocyt" do not, though they share six letters)."""
    size = max(6, len(stem) - 2)
    return any(term[:size] == stem[:size] for term in terms)


def carries(hit: Hit, mark: str) -> bool:
    """Whether an article is named for what a neighbour's mark says the question asked about."""
    kind, _, value = mark.partition(":")
    if kind == "group":
        return bool(_GROUPS[value].search(hit.title.lower()))
    if kind == "not":  # the kind itself, not its "non-" other
        named = tokens(hit.title)
        return value in named and "non" not in named
    return _names(mark, _terms(f"{hit.title} {hit.keywords}"))


# Words that qualify a keyword without naming another thing: "low-dose aspirin" names aspirin.
_MODIFIERS = ASKING_TERMS | EVERYDAY_TERMS | frozenset(tokens("low high acute chronic daily oral"))


def _share(weights: dict[str, float], text: str) -> float:
    """The share of the question's topic (rare words weigh more) a text holds, in any form of its words."""
    held = _terms(text)
    return sum(w for t, w in weights.items() if _holds(held, t)) / (sum(weights.values()) or 1.0)


# The share of the question's topic a title or keyword must name for the naming to decide the articles.
NAMED_FLOOR = 0.25


def on_topic(weights: dict[str, float], hits: list[Hit], keep: float = 0.6) -> list[Hit]:
    """Passages whose article is about the question's topic (title and whole keywords first, text if none names
    it)."""
    if not weights or not hits:
        return hits
    topic = set(weights)

    def named(hit: Hit) -> str:
        """The title, and each keyword phrase the question names whole, but for modifiers: "brain attack" does
        not name "attack" for "after my heart attack"; "heart attack" does, and "low-dose aspirin" names aspirin."""
        phrases = [
            k
            for k in hit.keywords.split("; ")
            if (words := _terms(k)) & topic and all(_holds(topic, w) or w in _MODIFIERS for w in words)
        ]
        return " ".join([hit.title, *phrases])

    scores = [_share(weights, named(h)) for h in hits]
    best = max(scores)
    if best >= NAMED_FLOOR:
        return [h for h, c in zip(hits, scores, strict=True) if c >= keep * best]
    # Named for little of the question ("injecting drug use" in the hepatitis C keywords, for "mum has cancer and a
    # blood clot, injections or tablets?"), or for none of it, the passages' text decides: the article whose
    # passages together hold most of the question leads ("lips swelled after peanuts, wheezy" is the anaphylaxis
    # article's, not the H. pylori one's single line on an antibiotic allergy that came first by a hair), an
    # article holding much less than the best one is dropped, and each kept article's passages are judged together
    # (no one passage of the clot article held "cancer", "clot" and "injections").
    texts: dict[str, list[str]] = {}
    for h in hits:
        texts.setdefault(h.article_id, [h.title]).append(h.text)
    whole = {article: _share(weights, " ".join(parts)) for article, parts in texts.items()}
    most = max(whole.values())
    if most == 0:
        return hits
    return sorted((h for h in hits if whole[h.article_id] >= keep * most), key=lambda h: -whole[h.article_id])


_PREGNANCY = QUALIFIER_RE["pregnancy"]
_PREGNANCY_TERMS = frozenset(content_terms("pregnancy pregnant"))


def for_pregnancy(question: str, kept: list[Hit], hits: list[Hit], weights: dict[str, float]) -> list[Hit]:
    """A question about pregnancy leads with the retrieved passages of an article whose title is for pregnancy,
    and one that is not about pregnancy ("non-pregnant 55-year-old, first line?") with one whose title is not:
    "severe range BP in pregnancy?" was answered from the adult hypertension article, whose title names blood
    pressure, while "Hypertension in pregnancy" led the search. (Pregnancy is a qualifier, not a topic word, so
    the topic alone cannot tell the two apart.)"""
    asked = bool(_PREGNANCY.search(question) or OF_PREGNANCY.search(question)) and not NOT_PREGNANT.search(question)
    if asked and weights:
        # Its passages must hold the question's topic as well as the kept ones do ("metformin in pregnancy" is
        # not a hypertension-in-pregnancy question because search put that article near the top).
        pregnancy = [h for h in hits if h not in kept and _PREGNANCY.search(h.title)]
        # ...or it is the pregnancy article of the kept article's own subject ("Hypertension in pregnancy" for a
        # hypertension question: "chronic HTN on lisinopril, now 8/40 pregnant, switch to what?" though only the
        # adult article names lisinopril).
        kept_titles = frozenset().union(*(_terms(h.title) for h in kept)) - _PREGNANCY_TERMS
        same_subject = any(_terms(h.title) & kept_titles for h in pregnancy)
        if pregnancy and (same_subject or _share(weights, " ".join(h.text for h in pregnancy)) >= _share(
            weights, " ".join(h.text for h in kept)
        )):
            kept = kept + pregnancy
    titled = [h for h in kept if _PREGNANCY.search(h.title)]
    if not titled or len(titled) == len(kept):
        return kept
    first = [h for h in kept if (h in titled) == asked]
    return first + [h for h in kept if h not in first]


@functools.lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[tuple[str, str]]:
    terms = tokens(text)
    return frozenset(zip(terms, terms[1:], strict=False))


def candidates(
    question: QuestionProfile,
    hits: list[Hit],
    persona: Persona,
    ranker: RankerModel,
    weigh: Weigh | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Candidate]:
    """Every usable sentence of the passages, scored for how well it answers this question.

    The score is the fitted ranker's probability that the sentence states the fact asked, from the signals
    below (assistant/ranker.py; each signal's worth is measured in benchmarks/answers.py).
    """
    # Inside on-topic passages the article's subject is given; what distinguishes the answer is the rest of
    # the question ("foods" in "what foods should I cut down on with gout"), weighted by rarity.
    subject = set().union(*(_terms(f"{h.title} {h.keywords}") for h in hits)) if hits else set()
    focus = set(question.terms) - subject - EVERYDAY_TERMS
    topic = set(question.topic) & subject
    rarity = weigh(focus | topic) if (weigh and (focus | topic)) else dict.fromkeys(focus | topic, 1.0)
    focus_total = sum(rarity[t] for t in focus) or 1.0
    subject_text = " ".join(dict.fromkeys(f"{h.title} {h.keywords}" for h in hits))
    # A qualifier that names the article's own subject (diabetes in the diabetes article) distinguishes nothing.
    wanted_qualifiers = question.qualifiers - qualifiers_of(subject_text)
    topic_total = sum(rarity[t] for t in topic) or 1.0
    section_intents = query_intents(question.text)
    question_bigrams = _bigrams(question.text)
    shaped_asked = [i for i in SHAPED_INTENTS if i in question.intents]
    seen_texts: dict[str, int] = {}
    top = max((h.score for h in hits), default=1.0) or 1.0
    found: list[Candidate] = []
    rows: list[np.ndarray] = []
    asked_terms = set(question.terms) - EVERYDAY_TERMS
    for position, hit in enumerate(hits, start=1):
        plain = hit.section == PLAIN_SECTION
        article_named = bool(asked_terms & _terms(f"{hit.title} {hit.keywords}"))
        prior = hit.score / top
        kind = passage_kind(hit)
        paragraphs = _paragraphs(hit.text)
        lead_ins = _lead_ins(hit.text)
        for order, text in enumerate(_statements(hit.text)):
            n_words = len(text.split())
            if n_words < 5 or n_words > 80 or text.endswith(":") or _NOT_A_STATEMENT.search(text):
                continue
            if text in seen_texts:  # overlapping chunks repeat a sentence: keep its first passage, note the others
                first = found[seen_texts[text]]
                first.aliases = (*first.aliases, (position, order))
                continue
            seen_texts[text] = len(found)
            terms = _terms(text)
            read = _terms(f"{lead_ins[order]} {text}") if lead_ins[order] else terms  # an item with its lead-in
            topic_share = sum(rarity[t] for t in topic & terms) / topic_total if topic else 0.0
            focus_share = sum(rarity[t] for t in focus & read) / focus_total if focus else 0.0
            relevance = focus_share + 0.5 * topic_share
            off_focus = bool(focus) and focus_share == 0
            bigrams = len(question_bigrams & _bigrams(text))
            defines = bool(_DEFINITION.match(text))
            definition_unasked = "definition" not in question.intents and defines
            section_match = bool(section_intents) and section_intent(hit.section) in section_intents
            shapes = [i for i in question.intents if ANSWER_SHAPE[i].search(text)]
            shape = bool(shapes)
            shape_specific = bool(set(shapes) & question.specific)
            sentence_qualifiers = qualifiers_of(text)
            qualifier_match = len(sentence_qualifiers & wanted_qualifiers)
            other_subgroup = len((sentence_qualifiers & RESTRICTIVE) - question.qualifiers) + (
                "not_pregnant" in sentence_qualifiers and "pregnancy" in question.qualifiers)
            exception = bool(EXCEPTION.search(text)) and not ({"unable", "recurrent"} & question.qualifiers)
            dangling = bool(DANGLING.match(text))
            grade = textstat.flesch_kincaid_grade(text) if persona.lay else 0.0
            hard_for_lay = max(0.0, grade - 8) if persona.lay else 0.0
            row = np.zeros(len(FEATURES))
            values = {
                "prior": prior,
                "topic_share": topic_share,
                "focus_share": focus_share,
                "off_focus": off_focus,
                "no_focus": not focus,
                "bigrams": min(bigrams, 3) / 3,
                "definition_unasked": definition_unasked,
                "section_match": section_match,
                "shape_specific": shape_specific,
                "shape_general": shape and not shape_specific,
                "no_shape_specific": bool(question.specific) and not shape,
                "qualifier_match": qualifier_match,
                "other_subgroup": other_subgroup,
                "exception": exception,
                "dangling": dangling,
                "plain_lay": plain and persona.lay,
                "plain_clinical": plain and not persona.lay,
                "hard_for_lay": hard_for_lay / 4,
                "guideline": kind is PartKind.GUIDELINES,
                "research": kind is PartKind.RESEARCH,
                "first_in_passage": order == 0,
                "length": min(n_words, 60) / 30,
                "has_number": bool(_NUMBER.search(text)),
                "lay_focus": focus_share if persona.lay else 0.0,
            }
            for intent in shaped_asked:
                values[f"shape_{intent}"] = intent in shapes
            for name, value in values.items():
                row[INDEX[name]] = float(value)
            rows.append(row)
            found.append(
                Candidate(
                    position,
                    order,
                    text,
                    kind,
                    plain,
                    terms,
                    0.0,
                    relevance,
                    shape,
                    grade,
                    defines=defines,
                    paragraph=paragraphs[order],
                    article_id=hit.article_id,
                    article_named=article_named,
                )
            )
    if not found:
        return found
    table = np.vstack(rows)
    if embed is not None:
        # The shipped embedder reads meaning the word signals miss ("how long does the cough hang around" and
        # "a cough can last some weeks"). Only the leading candidates by the other signals are embedded: an
        # imported library's sentences have no shipped vectors, and embedding all of them cost ~290 ms a turn
        # at MedQuAD scale. The rest take the lowest similarity measured, so they cannot overtake on it.
        head = np.argsort(-ranker.logits(table), kind="stable")[:SIMILARITY_HEAD]
        # What is asked without what it is about: "how do people usually catch" against "it spreads through
        # blood, most often by sharing needles", where the article's subject would dominate the whole question.
        aspect = [w for w in re.findall(r"[A-Za-z0-9']+", question.text) if not set(tokens(w)) & subject]
        aspect_text = " ".join(aspect) if tokens(" ".join(aspect)) else question.text
        vectors = embed([question.text, aspect_text] + [found[i].text for i in head])
        measured = vectors[2:] @ vectors[0]
        aspect_measured = vectors[2:] @ vectors[1]
        similarity = np.full(len(found), measured.min())
        similarity[head] = measured
        aspect_similarity = np.full(len(found), aspect_measured.min())
        aspect_similarity[head] = aspect_measured
        table[:, INDEX["aspect_similarity"]] = aspect_similarity
        table[:, INDEX["similarity"]] = similarity
        table[:, INDEX["similarity_gap"]] = similarity - similarity.max()
        table[:, INDEX["lay_similarity"]] = similarity if persona.lay else 0.0
    scores = ranker.probability(table)
    facts = ranker.probability(_as_clinician(table)) if persona.lay else scores
    bodies = bodies_named(question.text)
    for candidate, row, probability, fact in zip(found, table, scores, facts, strict=True):
        # A question that names whose guidance it wants ("per NICE", "AGA ferritin cut-off", "UK first line")
        # is answered from that body's recommendation first; the article's sentences say whose each one is.
        named = BODY_BONUS if bodies and candidate.relevance > 0 and bodies & bodies_named(candidate.text) else 1.0
        candidate.score = float(probability) * named
        candidate.fact_score = float(fact) * named
        candidate.features = row
    found.sort(key=lambda c: (-c.score, c.position, c.order))
    return found


# Issuing bodies a question may name; "UK" stands for the UK's bodies and national guidelines.
_BODY = re.compile(
    r"\b(nice|sign|bts|jbds(?:-ip)?|bsg|bsh|rcog|esc|eas|easl|esmo|ers|ilae|eular|kdigo|gina|gold|ada|aha|acc|"
    r"acog|acg|aga|idsa|ats|uspstf|cdc|ssc|uk)\b",
    re.I,
)
_CAPITAL_BODY = re.compile(r"\b(US|WHO)\b")  # only in capitals: "tell us", "who should" are not bodies
# Where a lay reader lives, said in their words: "im 46 and in the us", "live in england".
_US_PLACE = re.compile(
    r"\b(?:in|from|live in|living in|based in) the (?:us|usa|states)\b|\b(?:usa|america|american|united states)\b",
    re.I,
)
_UK_PLACE = re.compile(r"\b(?:england|scotland|wales|northern ireland|britain|british)\b", re.I)
UK_BODIES = frozenset({"nice", "sign", "bts", "jbds", "jbds-ip", "bsg", "bsh", "rcog", "uk"})
US_BODIES = frozenset({"uspstf", "acc", "aha", "ada", "cdc", "idsa", "acog", "acg", "aga", "ats", "us"})
# How much a sentence of the named body's outranks the others (scores are the ranker's probabilities): enough
# that the body asked for leads unless its sentences are far weaker; within the body the ranker's order stands.
BODY_BONUS = 4.0


def bodies_named(text: str) -> frozenset[str]:
    """The issuing bodies a text names (any UK body also counts as \"uk\", any US body as \"us\"), and the country a
    reader says they live in."""
    found = {m.lower() for m in _BODY.findall(text) + _CAPITAL_BODY.findall(text)}
    if _US_PLACE.search(text):
        found.add("us")
    if _UK_PLACE.search(text):
        found.add("uk")
    return frozenset(found | ({"uk"} if found & UK_BODIES else set()) | ({"us"} if found & US_BODIES else set()))


def _as_clinician(table: np.ndarray) -> np.ndarray:
    """A lay reader's signals as a clinician's: plain counts as the clinicians' plain, no grade penalty, and the
    lay-only copies of focus and similarity are off."""
    clinical = table.copy()
    clinical[:, INDEX["plain_clinical"]] = table[:, INDEX["plain_lay"]]
    for name in ("plain_lay", "hard_for_lay", "lay_focus", "lay_similarity"):
        clinical[:, INDEX[name]] = 0.0
    return clinical


def decide(
    question: QuestionProfile,
    hits: list[Hit],
    persona: Persona,
    weigh: Weigh | None = None,
    threshold: float = 0.40,
    min_coverage: float = 0.5,
    lexical_coverage: float = 0.75,
    expand: Callable[[list[Hit], dict[str, float]], list[Hit]] | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    ranker: RankerModel | None = None,
    everyday: frozenset[str] | set[str] = frozenset(),
    lenient: frozenset[str] | set[str] = frozenset(),
    holding: Holding | None = None,
    named_whole: bool = False,
    explained: frozenset[str] | set[str] = frozenset(),
) -> Evidence:
    """Answer or decline; when answering, the on-topic passages (plus `expand`'s) and their ranked sentences.

    `everyday` terms (a follow-up's everyday words) weigh EVERYDAY_WEIGHT of their rarity in the coverage
    decision only; `lenient` terms (any question's everyday words) weigh that much against it when missing,
    where the passages are also close in meaning; `explained` terms (lay words the rewrite followed with the
    library's wording) count as held wherever the passages are."""
    marks = {h.chunk_id: neighbour_marks(question.text, h.title, h.keywords) for h in hits}
    # What the leading neighbours say was asked; another numbered variant is only dropped ("type 1" asked,
    # the type 2 article gone, the ketoacidosis article may still answer).
    named = {m for h in hits[:5] for m in marks[h.chunk_id] if not m.startswith("variant:")}
    if any(not marks[h.chunk_id] and _keyword_named(question.text.lower(), h.keywords) for h in hits[:5]):
        named = set()  # a leading article is named whole ("...point towards GIST?"): what was asked is here
    hits = [h for h in hits if not marks[h.chunk_id]]
    if not hits:
        return Evidence("decline", [])
    lettered = _lettered_names(question.text)
    if lettered and not _names_another_topic(question.text, lettered, hits):
        # A vitamin, hepatitis or clotting factor is named by its letter: "vitamin C" in the gout article is not an
        # answer to "how much vitamin D a day?" (fresh34), whatever else the two share, and a passing mention of
        # vitamin D in the osteoporosis article is not either: only an article titled or keyed by the name answers.
        # Not when an article's subject is named too ("vitamin D with my osteoporosis treatment?", "on sertraline for
        # my anxiety, also on the pill and vitamin D").
        # (One of two is enough: "check hep B status before starting hep C treatment" is the hepatitis C article's.)
        naming = {h.article_id for h in hits if lettered & _lettered_names(f"{h.title} {h.keywords}")}
        hits = [h for h in hits if h.article_id in naming]
        if not hits:
            return Evidence("decline", [])
    rare_names = frozenset() if named_whole else _rare_condition_names(question.text)
    if rare_names and not any(all(_holds(_terms(f"{h.title} {h.keywords}"), t) for t in rare_names) for h in hits[:8]):
        # The question names a condition by a word the everyday vocabulary lacks ("essential thrombocythaemia",
        # "childhood ependymoma"), and no library topic besides, and no article found is titled or keyed by it: a
        # passing mention in another article ("essential tremor", an overview of myeloproliferative neoplasms) is
        # not its answer. Not when a library topic is named whole ("AKI with suspected pyonephrosis").
        return Evidence("decline", hits)
    best = max((h.similarity or 0.0) for h in hits[:5])
    topic = set(question.topic)
    topic_weights = (weigh(topic) if weigh else dict.fromkeys(topic, 1.0)) if topic else {}
    judged = {t: w * (EVERYDAY_WEIGHT if t in everyday else 1.0) for t, w in topic_weights.items()}
    # A lay word the question's rewrite followed with the library's wording ("crab (shellfish)") is judged by that
    # wording, which is in the question too: the lay word itself leaves no gap.
    share, missing = coverage(judged, hits, holding=holding, given=explained)
    # Missing everyday words count less only where the meaning is close too: "what is compound interest?"
    # shares "interest" with the depression article and nothing else, and is not close in meaning.
    weight = NAMED_EVERYDAY_WEIGHT if named_whole else EVERYDAY_WEIGHT
    share_leniently = coverage(judged, hits, lenient, holding, weight, explained)[0] if lenient else share
    if named and not any(all(carries(h, mark) for mark in named) for h in hits[:8]):
        # Neighbours of what was asked lead the search and no article is named for it: its words scattered
        # over other documents are not an answer ("adult AML" from the childhood AML and CML documents).
        return Evidence("decline", hits, uncovered=missing, coverage=share)
    # Close in meaning and sharing the topic, or naming nearly all of it (shorthand the embedder reads poorly),
    # or very close in meaning.
    close = best >= threshold and share_leniently >= min_coverage
    covered = close or share >= lexical_coverage or best >= threshold + 0.2
    if not covered:
        return Evidence("decline", hits, uncovered=missing, coverage=share)
    kept = for_pregnancy(question.text, on_topic(topic_weights, hits), hits, topic_weights)
    if expand:
        kept = expand(kept, topic_weights)
    ranked = candidates(question, kept, persona, ranker or shipped_ranker(), weigh, embed)
    if not ranked:
        return Evidence("decline", kept, uncovered=missing, coverage=share)
    technical_only = False
    if persona.lay:
        best_relevance = max(c.relevance for c in ranked)
        plain_relevant = [c for c in ranked if c.plain and c.relevance >= 0.5 * best_relevance]
        technical_only = not plain_relevant and not any(c.grade <= 10 for c in ranked[:3])
    return Evidence("answer", kept, ranked, uncovered=missing, technical_only=technical_only, coverage=share)


def merge(parts: list[Evidence]) -> Evidence:
    """One body of evidence for a question with several foci: passages once each, every part's candidates.

    Positions are renumbered into the merged passage list, and each candidate remembers which part it
    answers, so the composer can lead with the best sentence for each.
    """
    hits: list[Hit] = []
    index: dict[str, int] = {}
    found: list[Candidate] = []
    seen: set[str] = set()
    for focus, part in enumerate(parts):
        moved: dict[int, int] = {}
        for position, hit in enumerate(part.hits, start=1):
            if hit.chunk_id not in index:
                hits.append(hit)
                index[hit.chunk_id] = len(hits)
            moved[position] = index[hit.chunk_id]
        for candidate in part.candidates:
            if candidate.text in seen:
                continue
            seen.add(candidate.text)
            aliases = tuple((moved[p], o) for p, o in candidate.aliases)
            found.append(replace(candidate, position=moved[candidate.position], focus=focus, aliases=aliases))
    found.sort(key=lambda c: (-c.score, c.position, c.order))
    technical = all(p.technical_only for p in parts)
    return Evidence("answer", hits, found, technical_only=technical, coverage=1.0)
