"""Is a sentence supported by the passage it cites? Clause by clause, word by word, then what changes meaning.

Sharing words is not support: "surgery is not recommended" shares nearly every word with "surgery is
recommended", and "ticagrelor in preference to prasugrel" shares every word with its opposite. The check
cuts the sentence into clauses and each clause must be supported on its own. A clause is aligned with the
smallest passage unit (clause, sentence or pair of sentences) that holds its words. Its specific words
(after a small synonym, acronym and word-ending table, assistant/vocabulary.py) must be found there,
bar two the passage never uses and five it uses elsewhere; a drug, drug class, group or word outside
everyday English must be found in that unit, not anywhere in the passage. On the unit it then compares
numbers, units and thresholds ("or more" against "or less"), doses of a dose list, negation scope,
direction (increase/reduce, before/after), the order of a comparison ("A over B") and overclaims.
Measured on tests/data/citation_pairs.jsonl by benchmarks/citations.py; the rules were written on the
dev split only, and fitted it far better than the held-out splits. So the rules no longer decide alone:
`read` runs every check on every clause, `features` turns the outcomes (each failure a feature, not a
veto), mismatch counts and MiniLM cosines into one row, and the learned layer (assistant/support_model.py,
fitted on hand-written training pairs plus dev) weighs them. A sentence quoted from its passage is
always supported, without the model.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.question import QUALIFIER_RE
from assistant.support_model import SupportModel
from assistant.vocabulary import (
    CONTRASTS,
    DRUG_CLASSES,
    GENERIC_CLAIM_TERMS,
    MARKER_GROUPS,
    POPULATION_TERMS,
    find_names,
    normalise_phrases,
)
from knowledge.embeddings import TOKENIZER_PATH
from knowledge.text import NEGATIONS, STOPWORDS, _stem, split_sentences, words
from knowledge.vectors import cached_embedder

MAX_NEW = 2  # specific words a clause may add that the passage never uses (a synonym the table misses)
MAX_ELSEWHERE = 5  # specific words a clause takes from elsewhere in the passage than its aligned unit
_NUMBER_WORDS = dict(
    pair.split("=")
    for pair in (
        "two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 fifteen=15 "
        "twenty=20 thirty=30 forty=40 fifty=50 sixty=60 hundred=100 twice=2"
    ).split()
)
_NUMBER_WORD = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b")
_NUMBER = re.compile(r"(?<![a-z]-)(?<![\w.])(\d+(?:\.\d+)?)(?![\w.]*\d)")
_UNIT = re.compile(
    r"^\s*(?:(?:working|consecutive|separate|further|additional|more)\s+)?"
    r"(%|percent|per cent|mg/kg|mg/g|mg/mmol|mg/dl|mmol/mol|mmol/l|mmol|micromol/l|µmol/l|mu/l|miu/l|"
    r"ml/kg|ml/min|ml/hour|ml/minute|ml/h|units?/kg/h\w*|units?/kg|units?|mmhg|kg/m2|kg|micrograms?|mcg|µg|"
    r"mg|ml|g|l|ng/ml|ng/l|µg/l|cells/µl|hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?|"
    r"times|tablets?|doses?|points?)\b",
    re.I,
)
_UNIT_CANON = {
    "percent": "%", "per cent": "%", "microgram": "mcg", "micrograms": "mcg", "µg": "mcg", "hour": "h",
    "hours": "h", "hr": "h", "hrs": "h", "minute": "min", "minutes": "min", "mins": "min", "day": "d",
    "days": "d", "week": "w", "weeks": "w", "month": "mo", "months": "mo", "year": "y", "years": "y",
    "unit": "units", "µmol/l": "micromol/l", "miu/l": "mu/l", "ml/minute": "ml/min", "ml/h": "ml/hour",
    "tablet": "tablets", "dose": "doses", "point": "points",
}  # fmt: skip
_UP = re.compile(r"(or (more|over|higher|above|older|greater|longer)|\+|and over|and above)$")
_UP_BEFORE = re.compile(r"\b(over|above|more than|greater than|at least|exceed\w*|older than|longer than|>|≥)\s*$")
_DOWN = re.compile(r"(or (less|under|lower|below|younger|fewer|shorter)|and under|and below)$")
_DOWN_BEFORE = re.compile(r"\b(under|below|less than|fewer than|up to|younger than|at most|within|<|≤)\s*$")
_COMPARE = re.compile(
    r"\b(than|over|versus|vs|rather than|in preference to|instead of|compared with|compared to|ahead of|"
    r"outperform\w*|outweigh\w*|better than|more effective than|followed by|then|most effective|best)\b",
    re.I,
)
_SUPERIOR = re.compile(r"\b(better|wors[et]|superior|inferior|outperform\w*|more effective|less effective)\b")
_ALIKE = re.compile(r"\b(equally|similar|non-?inferior|as effective as|no (significant )?difference|comparable)\b")
_OVERCLAIM = re.compile(
    r"\b(cure[sd]?|always|guarantee\w*|eliminat\w*|every (single|case|patient|person|one)|everyone|"
    r"all (patients|people|cases|adults|women|men|children)|completely|100 ?%|entirely|proven|definitely|"
    r"no risk|never fails?|without exception|any age|whatever|only|all (?!-)|permanent\w*|prove[dn]?)\b",
    re.I,
)
_DRUG = re.compile(
    r"\b\w+(pril|sartan|olol|alol|dipine|statin|mab|nib|parin|xaban|gatran|floxacin|cillin|mycin|cycline|azole|"
    r"gliflozin|gliptin|glutide|atide|vir|virine|formin|lukast|sone|olone|azepam|zolam|oxetine|aline|pram|"
    r"triptan|gepant|umab|ximab|zumab|platin|taxel|rubicin|fungin|conazole|tidine|prazole|dronate|semide|"
    r"thiazide|sterone|setron|caine|profen|fenac|coxib|barbital|peridol|apine|idone|phylline|zepine|tiapine|"
    r"etine|afaxine|acetamol|parinux|lukast|asvir|previr|uximab|ecoxib|dopa|mide|zide|azine)\b",
    re.I,
)
_CLAUSE_CUT = re.compile(
    r";\s+|\s+[-–—]\s+|,\s+(?=(?:and|but|while|whereas|although|though|so|then|yet|with)\b)|"
    r"\s+(?=(?:but|whereas|although|though)\b)|(?<=[a-z)]):\s+|\.\s+(?=[A-Z])"
)
_NEGATION_WORD = re.compile(
    r"not|no|never|none|neither|nor|without|cannot|\w+n't|against|avoid\w*|contraindicated|unlikely|insufficient|"
    r"non|little|lack\w*|fail|fails|failed|failing|unnecessary|unable|unwilling|unsuitable|unsafe|ineffective|"
    r"inappropriate|nothing|absent|withh[eo]ld\w*|refrain|except\w*|"
    r"unless"
)
_THRESHOLD_WORDS = re.compile(
    r"\b(or (more|less|over|under|higher|lower|older|younger|above|below|greater|fewer)|at least|"
    r"(more|less|fewer|greater) than(?=\s*\d)|up to|and over|and above|and under|at most)\b"
)
_MARKER = {
    word: (group, sign)
    for group, ups, downs in MARKER_GROUPS
    for sign, members in ((1, ups), (-1, downs))
    for word in members.split()
}
_MARKER_STEMS = frozenset(_MARKER)
_AFTER_ONLY = frozenset({"order"})  # 'before X': what comes before is X, not the words ahead of it
_WORD_ENDINGS = frozenset(
    "|s|e|t|y|i|ed|es|er|ic|al|ly|ing|ion|ent|ant|pt|ment|ation|atic|ity|ive|ist|is|iz|isat|izat".split("|")
)
_ENDINGS = ("s", "es", "ing", "ed", "ic", "atic", "ly", "ation", "ations", "al", "ive", "ment")
_SHORT_SCOPE = frozenset({"few"})  # 'no other illnesses': a determiner negates the next words only
_SCOPE_END = re.compile(r"[,;:()\[\]]|\b(?:and|but|while|whereas|although|though|because|so)\b")
_NOT_TERMS = STOPWORDS | NEGATIONS | {"one", "once", "rather", "than", "non"}
_PASSAGE_CUT = re.compile(
    _CLAUSE_CUT.pattern.replace("|(?<=[a-z)]):\\s+", "")
    + r"|,\s+(?=\d+(?:\.\d+)?\s*(?:mg|micrograms?|mcg|g|ml|units?|mmol|tablets?)\b)"
)
_LEAD = re.compile(r"^(and|but|while|whereas|although|though|so|then|yet|with)\s+", re.I)


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check, with the reason a reader (or a test) can see."""

    supported: bool
    reason: str = ""


@dataclass(frozen=True)
class _Text:
    """A piece of text read once: its specific terms, numbers, polarity and critical names."""

    raw: str
    low: str
    terms: frozenset[str]
    numbers: tuple[tuple[str, str, int], ...]  # (number, unit, threshold sign)
    negated: tuple[frozenset[str], ...]  # the words around each negation
    markers: tuple[tuple[str, int, str, frozenset[str]], ...]  # (direction group, sign, next word, words around)
    critical: frozenset[str]
    critical_stems: frozenset[str]
    topics: frozenset[str]


@lru_cache(maxsize=4096)
def _stem_words(text: str) -> tuple[str, ...]:
    """Every word's stem, stopwords included, by the one stemmer every overlap measure uses."""
    return tuple(_stem(w) for w in words(text))


def _number_items(low: str) -> tuple[tuple[str, str, int], ...]:
    """Numbers with the unit after them and a threshold sign (+1 'or more', -1 'or less', 0 none)."""
    low = re.sub(r"(?<=\d),(?=\d{3}\b)", "", low)
    items = []
    for match in _NUMBER.finditer(low):
        value = match.group(1)
        value = value.rstrip("0").rstrip(".") if "." in value else value
        after, before = low[match.end() : match.end() + 30], low[max(0, match.start() - 25) : match.start()]
        unit_match = _UNIT.match(re.sub(r"^\s*(?:[-–]|to)\s*\d+(?:\.\d+)?", "", after))
        unit = unit_match.group(1).lower() if unit_match else ""
        unit = _UNIT_CANON.get(unit, unit)
        rest = after[unit_match.end() :] if unit_match else after
        head = re.match(r"\s*(or \w+|and \w+|\+)", rest)
        sign = 0
        if (head and _UP.search(head.group(1))) or _UP_BEFORE.search(before):
            sign = 1
        elif (head and _DOWN.search(head.group(1))) or _DOWN_BEFORE.search(before):
            sign = -1
        items.append((value, unit, sign))
    for match in _NUMBER_WORD.finditer(low):
        word = match.group(1)
        unit_match = _UNIT.match(low[match.end() : match.end() + 20])
        unit = _UNIT_CANON.get(unit_match.group(1).lower(), unit_match.group(1).lower()) if unit_match else ""
        items.append((_NUMBER_WORDS[word], unit, 0))
    return tuple(items)


@lru_cache(maxsize=8192)
def _read(text: str) -> _Text:
    low = normalise_phrases(text.lower().replace("’", "'"))
    stems = _stem_words(low)
    raw_words = words(low)
    terms = frozenset(
        s
        for w, s in zip(raw_words, stems, strict=True)
        if w not in _NOT_TERMS and len(w) > 1 and not w.isdigit() and w not in _NUMBER_WORDS
    )
    plain = _THRESHOLD_WORDS.sub(" ", low)  # '75 or older' is a threshold, not the group 'older people'
    found = [(m.group(0), m.group(0)) for m in _DRUG.finditer(low)]
    found += find_names(DRUG_CLASSES, low) + find_names(POPULATION_TERMS, plain)
    critical = {name for name, _ in found}
    named = [text for _, text in found]
    spaced = low.replace("-", " ")
    topics = {name for name, pattern in QUALIFIER_RE.items() if pattern.search(spaced)}
    return _Text(
        raw=text,
        low=low,
        terms=terms,
        numbers=_number_items(low),
        negated=_negated(low),
        markers=_markers(low),
        critical=frozenset(critical),
        critical_stems=frozenset(st for name in named for st in _stem_words(name)),
        topics=frozenset(topics),
    )


def _windows(
    low: str,
    hit,
    drop: frozenset[str] = frozenset(),
    after_only: frozenset[str] = frozenset(),
    stop_at_next: bool = False,
) -> list[tuple[str, str, frozenset[str]]]:
    """For each token `hit` picks out, its label, the next content stem and the content stems near it
    (2 before, up to 6 after) inside its own stretch of text: a comma, bracket or 'and' ends what a negation
    or direction word is about, and so does the next word of the same kind ('cannot take or do not tolerate')."""
    found = []
    for segment in _SCOPE_END.split(_THRESHOLD_WORDS.sub(" ", low)):
        tokens = words(segment)
        stems = _stem_words(segment)
        labels = [hit(word, stem) for word, stem in zip(tokens, stems, strict=True)]
        content = [
            i
            for i, w in enumerate(tokens)
            if w not in _NOT_TERMS and len(w) > 1 and w not in _NUMBER_WORDS and not w.isdigit()
        ]
        hits = [i for i, label in enumerate(labels) if label is not None]
        for number, i in enumerate(hits):
            label = labels[i]
            end = hits[number + 1] if stop_at_next and number + 1 < len(hits) else len(tokens)
            start = hits[number - 1] if stop_at_next and number > 0 else -1
            short = label in _SHORT_SCOPE or label[0] in after_only
            before = [] if short else [stems[j] for j in content if start < j < i][-2:]
            after = [stems[j] for j in content if i < j < end][: 2 if short else 6]
            found.append((label, after[0] if after else "", frozenset(before + after) - drop))
    return found


def _negated(low: str) -> tuple[frozenset[str], ...]:
    def hit(word: str, _stem: str) -> str | None:
        if not _NEGATION_WORD.fullmatch(word):
            return None
        return "few" if word in {"no", "without", "non", "none", "little", "lack", "lacks", "lacking"} else "neg"

    return tuple(w for _, _, w in _windows(low, hit, stop_at_next=True))


def _markers(low: str) -> tuple[tuple[str, int, str, frozenset[str]], ...]:
    hits = _windows(low, lambda word, stem: _MARKER.get(stem) or _MARKER.get(word), _MARKER_STEMS, _AFTER_ONLY)
    return tuple((g, sign, head, w) for (g, sign), head, w in hits)


def _negation_differs(claim: _Text, unit: _Text) -> bool:
    """A negation on one side about words the other side shares (one of the claim's, or two of the
    passage's, since the passage unit may say more), with no negation near those words on that side; or a
    word both sides negate, an odd number of times on one side and an even number on the other."""
    for mine, theirs, other, enough in (
        (claim.negated, unit.negated, unit, 1),
        (unit.negated, claim.negated, claim, 2),
    ):
        for window in mine:
            about = window & other.terms
            if len(about) >= min(enough, len(window)) and about and not any(window & w for w in theirs):
                return True
    for term in _specific(claim.terms & unit.terms):
        mine = sum(term in w for w in claim.negated)
        theirs = sum(term in w for w in unit.negated)
        if mine and theirs and mine % 2 != theirs % 2:
            return True
    return False


def _direction_differs(claim: _Text, unit: _Text) -> bool:
    """A direction word (more, reduce, before, start) whose opposite stands by the same words in the passage:
    the same next word ('smaller benefit' against 'larger benefit') settles it, else the words around it."""
    for group, sign, head, window in claim.markers:
        ours = [(h, w) for g, s, h, w in unit.markers if g == group and s == sign]
        theirs = [(h, w) for g, s, h, w in unit.markers if g == group and s == -sign]
        if head and any(h == head for h, _ in theirs) and not any(h == head for h, _ in ours):
            return True
        if any(w & window for _, w in theirs) and not any(w & window for _, w in ours):
            return True
    return False


def _parity_differs(claim: _Text, unit: _Text) -> bool:
    """'A worked better than B' where the passage found them alike ('equally effective', 'similar')."""
    if not _SUPERIOR.search(claim.low) or _SUPERIOR.search(unit.low) or not _ALIKE.search(unit.low):
        return False
    return len(_specific(claim.terms) & unit.terms) >= 2


def _clauses(text: str, passage: bool = False) -> list[str]:
    """A sentence cut where one statement ends and the next begins (in a passage, also before a number
    that starts a new item of a dose list: '500 micrograms for adults, 300 micrograms for children')."""
    parts = [_LEAD.sub("", p.strip(" ,.")) for p in (_PASSAGE_CUT if passage else _CLAUSE_CUT).split(text)]
    merged: list[str] = []
    for part in parts:
        if merged and len(words(part)) < 3:
            merged[-1] = f"{merged[-1]}, {part}"  # 'but not in children' is too short to stand alone
        elif part:
            merged.append(part)
    if len(merged) > 1 and len(words(merged[0])) < 3:
        first = merged.pop(0)
        merged[0] = f"{first}, {merged[0]}"
    return merged or [text]


@lru_cache(maxsize=512)
def _sentences(passage: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A passage's sentences (list items count as sentences), each with its clauses."""
    sentences = [s.lstrip("-* ").strip() for s in (split_sentences(passage) or [passage])]
    return tuple((s, tuple(_clauses(s, passage=True))) for s in sentences if s)


def _specific(terms: frozenset[str]) -> frozenset[str]:
    return terms - GENERIC_CLAIM_TERMS


@lru_cache(maxsize=8192)
def _light(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Only the words and numbers of a text: enough to align, and cheap for every clause of a passage."""
    low = normalise_phrases(text.lower().replace("’", "'"))
    terms = frozenset(
        s
        for w, s in zip(words(low), _stem_words(low), strict=True)
        if w not in _NOT_TERMS and len(w) > 1 and not w.isdigit() and w not in _NUMBER_WORDS
    )
    numbers = {m.group(1).rstrip("0").rstrip(".") if "." in m.group(1) else m.group(1) for m in _NUMBER.finditer(low)}
    numbers |= {_NUMBER_WORDS[m.group(1)] for m in _NUMBER_WORD.finditer(low)}
    return terms, frozenset(numbers)


def _items(claim: _Text, text: str, names: bool = True) -> int:
    """How many of the claim's specific words and numbers a text holds (without names: drugs, groups)."""
    terms, numbers = _light(text)
    wanted = _specific(claim.terms) if names else _specific(claim.terms) - claim.critical_stems
    return len(wanted & terms) + len({n for n, _, _ in claim.numbers} & numbers)


def _align(claim: _Text, passages: list[str]) -> tuple[_Text, float]:
    """The smallest unit that holds the claim: its best clause, grown to the sentence or the neighbouring
    sentence only when that adds at least two of the claim's words, so a word borrowed from the next
    clause or list item ("ticagrelor" for "prasugrel") does not count as support."""
    sentences = [s for p in passages for s in _sentences(p)]
    best_key, best = None, ("", 0, 0)
    for index, (_sentence, clauses) in enumerate(sentences):
        for clause in clauses:
            key = (_items(claim, clause), -len(clause))
            if best_key is None or key > best_key:
                best_key, best = key, (clause, index, key[0])
    text, index, have = best
    if sentences:
        # Growing the unit counts words other than names: a drug or group found only in the next clause or
        # list item is the one a swapped claim borrows.
        have = _items(claim, text, names=False)
        sentence = sentences[index][0]
        whole = _items(claim, sentence, names=False)
        if whole >= have + 2 or _items(claim, sentence) >= _items(claim, text) + 3:  # or a list of names
            text, have = sentence, whole
        pairs = []
        if index > 0:
            pairs.append(f"{sentences[index - 1][0]} {sentence}")
        if index + 1 < len(sentences):
            pairs.append(f"{sentence} {sentences[index + 1][0]}")
        for pair in pairs:
            count = _items(claim, pair, names=False)
            if count >= max(have, whole) + 2:
                text = pair
                break
        have = _items(claim, text)
    total = len(_specific(claim.terms)) + len({n for n, _, _ in claim.numbers})
    return _read(text), (have / total if total else 1.0)


def _content_stems(text: str) -> list[str]:
    return [
        stem
        for word, stem in zip(words(text), _stem_words(text), strict=True)
        if word not in _NOT_TERMS and len(word) > 1 and not word.isdigit() and word not in _NUMBER_WORDS
    ]


def _compared_entity(text: str) -> list[str]:
    """The noun phrase a comparison word points at: 'than LABA/ICS in COPD' -> laba, ics."""
    entity: list[str] = []
    for word, stem in zip(words(text), _stem_words(text), strict=True):
        if word in _NOT_TERMS or word in {"either", "neither"} or word.isdigit() or len(word) < 2:
            if entity:
                break
            continue
        entity.append(stem)
    return [stem for stem in entity[:3] if stem not in GENERIC_CLAIM_TERMS]


def _compared(read: _Text) -> list[tuple[frozenset[str], frozenset[str]]]:
    """For each comparison ('A over B', 'A rather than B'): (words just ahead of it, words just after it)."""
    low = _THRESHOLD_WORDS.sub(" ", read.low)
    found = []
    for match in _COMPARE.finditer(low):
        ahead = _content_stems(low[: match.start()])
        behind = _compared_entity(re.split(r"[,;:()]", low[match.end() :])[0])
        found.append((frozenset(ahead), frozenset(behind)))
    return found


def _reversed(claim: _Text, unit: _Text) -> bool:
    """The thing the claim compares against ('over B') stands on the winning side in the passage ('B over')."""
    theirs = _compared(unit)
    mine = _compared(claim)
    for _, behind in mine:
        for term in behind & unit.terms:
            if any(term in b for _, b in theirs):
                continue
            if any(term in a for a, _ in theirs):
                return True
    # A name the claim puts on the winning side that the passage only ever compares against.
    claimed_behind = {t for _, b in mine for t in b}
    for ahead, _ in mine:
        for term in ahead & claim.critical_stems:
            if term in claimed_behind:
                continue
            if any(term in b for _, b in theirs) and not any(term in b for _, b in mine):
                return True
    return False


def _overclaim_key(phrase: str) -> str:
    """One key per kind of overclaim: 'everyone', 'every patient' and 'all adults' are one claim."""
    key = _stem_words(phrase)[0]
    return "all" if key in {"all", "everi", "everyon"} else key


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Whole words of the embedding model's vocabulary: everyday English. A drug or a rare term is cut into
    pieces there, so a new word outside it names something the passage does not ("trazodone")."""
    vocab = json.loads(TOKENIZER_PATH.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha())


@lru_cache(maxsize=1)
def _sorted_common() -> list[str]:
    return sorted(_common_words())


def _prefix_of_common(stem: str) -> bool:
    """'diagnos' starts 'diagnosis': a stem of six letters or more that begins an everyday word."""
    if len(stem) < 6:
        return False
    ordered = _sorted_common()
    index = bisect.bisect_left(ordered, stem)
    return index < len(ordered) and ordered[index].startswith(stem)


def _rare(claim: _Text, stems: frozenset[str]) -> list[str]:
    """The claim's new words that are not everyday English, even without an ending ('symptomatic')."""
    common = _common_words()
    found = []
    for word in words(claim.low):
        if _stem_words(word)[0] not in stems:
            continue
        bases = {word, _stem_words(word)[0]} | {word[: -len(end)] for end in _ENDINGS if word.endswith(end)}
        bases |= {b[len(start) :] for b in bases for start in ("re", "un", "non", "pre") if b.startswith(start)}
        if not (bases | {f"{b}s" for b in bases}) & common and not _prefix_of_common(_stem_words(word)[0]):
            found.append(word)
    return found


_CONTRAST_RE = [[(w, re.compile(rf"\b{w}\b")) for w in group] for group in CONTRASTS]


def _contrasted(claim: _Text, unit: _Text) -> str:
    """A group word in the claim where the passage names another of the same group (acute for chronic)."""
    for group in _CONTRAST_RE:
        mine = {w for w, pattern in group if pattern.search(claim.low)}
        theirs = {w for w, pattern in group if pattern.search(unit.low)}
        if mine and theirs and not mine & theirs:
            return f"{', '.join(sorted(mine))} (the passage says {', '.join(sorted(theirs))})"
    return ""


def _same_word(a: str, b: str) -> bool:
    """Two stems of one word ('weigh', 'weight'; 'absorb', 'absorpt'): a long shared start."""
    shared = len(os.path.commonprefix([a, b]))
    endings = {a[shared:], b[shared:]}
    return shared >= 5 and shared >= 0.8 * min(len(a), len(b)) and endings <= _WORD_ENDINGS


def _unmatched(terms: frozenset[str], found: frozenset[str]) -> frozenset[str]:
    missing = terms - found
    return frozenset(
        t
        for t in missing
        if t.removesuffix("s") not in found  # an acronym's plural ('ppis'), which the stemmer leaves alone
        and not any(_same_word(t, f) for f in found if f[:2] == t[:2])
    )


_DOSE_UNITS = frozenset({"mg", "mcg", "g", "ml", "units", "mg/kg", "units/kg", "ml/kg", "tablets"})


def _dose_of_another_item(claim: _Text, unit: _Text) -> str:
    """In a dose list ('500 micrograms for adults, 300 micrograms for children aged 6 to 12') a claimed dose
    must come with the numbers of its own item, not another item's."""
    items = [_number_items(piece) for piece in _PASSAGE_CUT.split(unit.low)]
    if len(items) < 2:
        return ""
    for segment in re.split(r"[,;]\s+", claim.low):
        found = _dose_in_segment(_number_items(segment), items)
        if found:
            return found
    return ""


def _dose_in_segment(numbers: tuple[tuple[str, str, int], ...], items: list) -> str:
    others = {n for n, u, _ in numbers if u not in _DOSE_UNITS and not re.fullmatch(r"(19|20)\d\d", n)}
    for value, kind, _ in numbers:
        if kind not in _DOSE_UNITS:
            continue
        mine = [i for i, item in enumerate(items) if (value, kind) in {(n, u) for n, u, _ in item}]
        if not mine:
            continue
        for other in others - {value}:
            in_mine = any(other in {n for n, _, _ in items[i]} for i in mine)
            elsewhere = any(other in {n for n, _, _ in item} for i, item in enumerate(items) if i not in mine)
            if elsewhere and not in_mine:
                return f"{value} {kind}"
    return ""


# The rule checks, in the order a reader is told the first that fails. The learned layer
# (assistant/support_model.py) sees each outcome as a feature instead of a veto.
CHECKS = (
    "coverage", "new_words", "elsewhere", "rare", "contrast", "topic", "critical", "number", "unit",
    "threshold", "dose_item", "negation", "direction", "parity", "reversed", "overclaim",
)  # fmt: skip


@dataclass(frozen=True)
class ClauseOutcome:
    """Every rule check on one clause: the failures (check, reason) in CHECKS order, and raw measures."""

    failures: tuple[tuple[str, str], ...]
    measures: dict[str, float]
    unit: str  # the passage text the clause was aligned with


def clause_outcome(clause: str, passages: list[str], context: _Text, topic: _Text) -> ClauseOutcome | None:
    """Run every check on a clause (None when it has no specific word or number to check)."""
    claim = _read(clause)
    if not _specific(claim.terms) and not claim.numbers:
        return None
    unit, coverage = _align(claim, passages)
    failures: list[tuple[str, str]] = []
    novel = _unmatched(_specific(claim.terms), unit.terms)
    new = _unmatched(novel, context.terms)
    if coverage < 0.5:
        failures.append(("coverage", "the cited passage does not say this"))
    if len(new) > MAX_NEW:
        failures.append(("new_words", f"the passage does not say this ({', '.join(sorted(new)[:4])})"))
    if len(novel) > MAX_ELSEWHERE:
        failures.append(("elsewhere", f"the passage does not say this ({', '.join(sorted(new or novel)[:4])})"))
    # A rare word (a trial or drug name) must be in the unit's own sentence, not only the clause: "In NordICC,
    # only 42% attended" aligns with the clause on 42%. Named drugs and classes stay bound to the clause.
    enclosing = next((s for p in passages for s, _ in _sentences(p) if unit.raw in s), unit.raw)
    outside = _unmatched(novel, _read(enclosing).terms) - topic.terms  # the topic may be named as 'it'
    rare = _rare(claim, outside)
    if rare:
        failures.append(("rare", f"the passage does not mention {', '.join(rare)}"))
    contrast = _contrasted(claim, unit)
    if contrast:
        failures.append(("contrast", f"the passage says this of another group: {contrast}"))
    missing_topics = claim.topics - context.topics
    if missing_topics:
        names = ", ".join(sorted(n.replace("_", " ") for n in missing_topics))
        failures.append(("topic", f"the passage says nothing about this population ({names})"))
    missing_critical = claim.critical - unit.critical
    if missing_critical:
        names = ", ".join(sorted(n.removeprefix("q:").replace("_", " ") for n in missing_critical))
        failures.append(("critical", f"the passage does not say this of {names}"))
    unit_numbers = {n for n, _, _ in unit.numbers}
    missing_numbers = {n for n, _, _ in claim.numbers} - unit_numbers
    if missing_numbers:
        failures.append(("number", f"the passage does not state {', '.join(sorted(missing_numbers))}"))
    other_unit = other_sign = ""
    for value, kind, sign in claim.numbers:
        same = [(u, s) for n, u, s in unit.numbers if n == value]
        if kind and same and all(u and u != kind for u, _ in same) and not other_unit:
            other_unit = f"the passage gives {value} in another unit"
        if sign and same and all(s == -sign for _, s in same) and not other_sign:
            other_sign = f"the threshold at {value} points the other way"
    if other_unit:
        failures.append(("unit", other_unit))
    if other_sign:
        failures.append(("threshold", other_sign))
    wrong_item = _dose_of_another_item(claim, unit)
    if wrong_item:
        failures.append(("dose_item", f"the passage gives {wrong_item} for another group"))
    if _negation_differs(claim, unit):
        failures.append(("negation", "negation differs from the passage"))
    if _direction_differs(claim, unit):
        failures.append(("direction", "the direction differs from the passage"))
    if _parity_differs(claim, unit):
        failures.append(("parity", "the passage found no difference"))
    if _reversed(claim, unit):
        failures.append(("reversed", "the comparison is the other way round"))
    theirs = {_overclaim_key(m.group(0)) for m in _OVERCLAIM.finditer(unit.low)}
    stronger = {_overclaim_key(m.group(0)) for m in _OVERCLAIM.finditer(claim.low)} - theirs
    if stronger:
        failures.append(("overclaim", f"claims more than the passage ({', '.join(sorted(stronger))})"))
    measures = {
        "coverage": coverage,
        "new": float(len(new)),
        "novel": float(len(novel)),
        "rare": float(len(rare)),
        "critical": float(len(missing_critical)),
        "numbers": float(len(missing_numbers)),
        "claim_numbers": float(len(claim.numbers)),
        "overclaim": float(len(stronger)),
        "claim_negations": float(len(claim.negated)),
        "unit_negations": float(len(unit.negated)),
        "specific": float(len(_specific(claim.terms))),
        **_best_clause_mismatch(claim, passages),
    }
    return ClauseOutcome(tuple(failures), measures, unit.raw)


def _best_clause_mismatch(claim: _Text, passages: list[str]) -> dict[str, float]:
    """Numbers and names of the claim missing from the one passage clause that holds most of its words.

    The unit the rules check may grow to a whole list item or sentence pair, where a number or group of a
    neighbouring item ("300 micrograms for children aged 6 to 12") then counts as found; this counts it
    against the tightest clause instead, as evidence for the learned layer rather than a veto.
    """
    clauses = [c for p in passages for _, cs in _sentences(p) for c in cs]
    best = max(clauses, key=lambda c: (_items(claim, c), -len(c)), default="")
    read = _read(best)
    numbers = {n for n, _, _ in claim.numbers} - {n for n, _, _ in read.numbers}
    return {
        "clause_numbers": float(len(numbers)),
        "clause_critical": float(len(claim.critical - read.critical)),
        "clause_terms": float(len(_unmatched(_specific(claim.terms), read.terms))),
    }


def _check_clause(clause: str, passages: list[str], context: _Text, topic: _Text) -> Verdict:
    outcome = clause_outcome(clause, passages, context, topic)
    if outcome is None or not outcome.failures:
        return Verdict(True)
    return Verdict(False, outcome.failures[0][1])


def _acronyms(source: str) -> tuple[str, ...]:
    """Acronyms of three to six letters a passage uses (ICS, BQT, ULT)."""
    found = re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", source)
    return tuple(a for a in dict.fromkeys(found) if 3 <= len(a) <= 6 and a.isalpha())


@lru_cache(maxsize=2048)
def _spell_acronyms(text: str, acronyms: tuple[str, ...], keep: bool = False) -> str:
    """'urate-lowering therapy' -> 'ULT', so spelling an acronym out is not a new word; with `keep` (for
    passages) the acronym is added after the words instead, so both forms are found."""
    for acronym in acronyms:
        pattern = r"\b" + r"[\s-]+".join(rf"{c}[a-z]{{2,}}" for c in acronym.lower()) + r"\b"

        def spelled(match: re.Match[str], acronym: str = acronym) -> str:
            if set(words(match.group(0))) & STOPWORDS:
                return match.group(0)
            return f"{match.group(0)} {acronym}" if keep else acronym

        text = re.sub(pattern, spelled, text, flags=re.I)
    return text


@dataclass(frozen=True)
class Reading:
    """A sentence read against its passages by every rule: what the rules say, and what the model weighs."""

    verdict: Verdict  # the rules alone: the first failing check of the first failing clause
    outcomes: tuple[ClauseOutcome | None, ...]
    text: str  # the sentence, acronyms spelled as the passages spell them
    passages: tuple[str, ...]


def read(sentence: str, passages: list[str], context: str = "") -> Reading | None:
    """Every clause through every check; None when the sentence is quoted from a passage word for word."""
    text = sentence.strip()
    if any(text in p for p in passages):
        return None
    source = " ".join([*passages, context])
    acronyms = _acronyms(source)
    text = _spell_acronyms(text, acronyms)
    spelled = [_spell_acronyms(p, acronyms, keep=True) for p in passages]
    known = _read(" ".join([*spelled, context]))
    topic = _read(context)
    outcomes = tuple(clause_outcome(clause, spelled, known, topic) for clause in _clauses(text))
    first = next((o.failures[0][1] for o in outcomes if o is not None and o.failures), "")
    return Reading(Verdict(not first, first), outcomes, text, tuple(spelled))


_MEASURES = (
    "coverage", "new", "novel", "rare", "critical", "numbers", "claim_numbers", "overclaim", "claim_negations",
    "unit_negations", "clause_numbers", "clause_critical", "clause_terms",
)  # fmt: skip
FEATURE_NAMES = (
    [f"fails_{c}" for c in CHECKS]
    + [f"max_{m}" for m in _MEASURES]
    + ["min_coverage", "mean_coverage", "failed_clauses", "rules_reject"]
    + ["passage_share", "passage_number_share", "negations_minus_passage"]
    + ["cos_best_sentence", "cos_min_unit"]
    + ["cos_best_window", "cos_min_clause_window", "cos_mean_clause_window", "window_share"]
    + ["window_specific_share", "prefix_share", "numbers_not_in_passage", "cos_best_window_sentence"]
    + ["hedges_dropped"]
)
# Words that soften a claim; a sentence with fewer of them than the passage words it restates claims more.
_HEDGE = re.compile(
    r"\b(may|might|can|could|some|sometimes|often|usually|most|many|about|around|roughly|approximately|"
    r"consider\w*|reasonable|suggest\w*|likely|rarely|rare|possible|possibly|selected|conditional\w*|weak)\b"
)


def _vectors(texts: list[str]) -> np.ndarray:
    """Vectors for texts through the project's cached embedder (knowledge/vectors.py): bundled passage
    sentences ship, and the rest are embedded once per process, so a passage's sentences recurring across
    statements cost nothing after the first."""
    if not texts:
        return np.zeros((0, 0))
    return cached_embedder().embed(list(texts))


def features(reading: Reading, embeddings: bool = True) -> np.ndarray:
    """One row of the learned layer's input (FEATURE_NAMES): rule outcomes, mismatch counts, overlap, cosines."""
    checked = [o for o in reading.outcomes if o is not None]
    fails = [1.0 if any(c == name for o in checked for c, _ in o.failures) else 0.0 for name in CHECKS]
    maxima = [max((o.measures[m] for o in checked), default=0.0) for m in _MEASURES]
    coverages = [o.measures["coverage"] for o in checked] or [1.0]
    # No length feature: short sentences are bad ones more often in the hand-written pairs (a contradiction
    # is often a short edit), which says nothing about an answer's sentences; with one, the model leaned on it.
    counts = [
        float(sum(bool(o.failures) for o in checked)),
        0.0 if reading.verdict.supported else 1.0,
    ]
    low = normalise_phrases(reading.text.lower().replace("’", "'"))
    passage_low = normalise_phrases(" ".join(reading.passages).lower().replace("’", "'"))
    claim_terms, claim_numbers = _light(low)
    passage_terms, passage_numbers = _light(passage_low)
    lexical = [
        len(claim_terms & passage_terms) / max(1, len(claim_terms)),
        len(claim_numbers & passage_numbers) / max(1, len(claim_numbers)) if claim_numbers else 1.0,
        float(len(_read(low).negated) - min(len(_read(low).negated), len(_read(passage_low).negated))),
    ]
    if embeddings:
        sentences = _passage_sentences(reading)
        vectors = _vectors([reading.text, *sentences])
        similarity = vectors[1:] @ vectors[0]
        # Each clause against the passage sentence(s) its unit lies in: already embedded for any statement
        # citing that passage, so a statement costs one short embedding.
        per_unit = [
            max((float(c) for s, c in zip(sentences, similarity, strict=True) if o.unit in s or s in o.unit),
                default=float(similarity.max()))
            for o in checked
        ]  # fmt: skip
        cosines = [float(similarity.max()), min(per_unit, default=float(similarity.max()))]
    else:
        cosines = [0.0, 0.0]
    return np.asarray(
        fails + maxima + [min(coverages), sum(coverages) / len(coverages)] + counts + lexical + cosines
        + _window_features(reading, claim_terms, claim_numbers, embeddings)
    )  # fmt: skip


def _window_features(
    reading: Reading, claim_terms: frozenset[str], claim_numbers: frozenset[str], embeddings: bool
) -> list[float]:
    """The claim against passage windows of one or two sentences, for answers that reword heavily.

    An answer written for a reader merges, reorders and rewords, so it shares few words with any one
    passage clause: the rules then see a claim the passage "does not say". Here each clause of the claim is
    compared by MiniLM with its closest window (the weakest clause counts), and the claim's words with the
    window holding most of them, also by a four-letter prefix ("reduce"/"reduction" ~ "reduc"), so a
    rewording is told from a claim that adds something. Hedges the closest window has and the claim drops
    ("may", "about", "consider") mark an overclaim written in plain words.
    """
    windows = _passage_windows(reading)
    sentences = len(_passage_sentences(reading))
    if embeddings:
        clauses = _clauses(reading.text) or [reading.text]
        vectors = _vectors([reading.text, *clauses, *windows])
        claim, parts, spans = vectors[0], vectors[1 : 1 + len(clauses)], vectors[1 + len(clauses) :]
        similarity = spans @ claim
        per_clause = (spans @ parts.T).max(axis=0)
        closest = windows[int(np.argmax(similarity))]
        cosines = [float(similarity.max()), float(per_clause.min()), float(per_clause.mean())]
        cos_sentence = float(similarity[:sentences].max())
    else:
        closest, cosines, cos_sentence = windows[0], [0.0, 0.0, 0.0], 0.0
    specific = _specific(claim_terms)
    share = specific_share = 0.0
    passage_terms: set[str] = set()
    passage_numbers: set[str] = set()
    for window in windows:
        terms, numbers = _light(window)
        passage_terms |= terms
        passage_numbers |= numbers
        share = max(share, (len(claim_terms & terms) + len(claim_numbers & numbers))
                    / max(1, len(claim_terms) + len(claim_numbers)))  # fmt: skip
        specific_share = max(specific_share, len(specific & terms) / max(1, len(specific)))
    prefixes = {t[:4] for t in passage_terms}
    prefix_share = sum(t in passage_terms or t[:4] in prefixes for t in claim_terms) / max(1, len(claim_terms))
    dropped = max(0, len(_HEDGE.findall(closest.lower())) - len(_HEDGE.findall(reading.text.lower())))
    return [
        *cosines, share, specific_share, prefix_share,
        float(len(claim_numbers - passage_numbers)), cos_sentence, float(dropped),
    ]  # fmt: skip


def _passage_sentences(reading: Reading) -> list[str]:
    return [s for p in reading.passages for s, _ in _sentences(p)] or list(reading.passages)


def _passage_windows(reading: Reading) -> list[str]:
    """Each passage sentence, then each pair of neighbouring sentences (a merged answer sentence)."""
    sentences = _passage_sentences(reading)
    return sentences + [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]


def prime_vectors(readings: list[Reading | None]) -> None:
    """Embed every text many readings need in one batched call (a benchmark or a fit, not a single answer)."""
    _vectors([
        t for r in readings if r is not None
        for t in [r.text, *_passage_sentences(r), *(_clauses(r.text) or [r.text]), *_passage_windows(r)]
    ])  # fmt: skip


@lru_cache(maxsize=1)
def shipped_model() -> SupportModel | None:
    """The fitted learned layer, if its weights file is present and matches these features."""
    model = SupportModel.load()
    if model is None or model.names != list(FEATURE_NAMES):
        return None
    return model


NOT_CLEARLY_SAID = "the passage does not clearly say this"


def check(sentence: str, passages: list[str], context: str = "", model: SupportModel | None | bool = True) -> Verdict:
    """Whether the cited passages support the sentence, and if not, why.

    `context` is what a reader sees beside a passage (its article title): words of the topic a sentence
    may name although the passage itself does not repeat them. A sentence quoted word for word is always
    supported (the offline composer only quotes). Otherwise the learned layer decides when its weights are
    shipped (`model=False` gives the rules alone, as before it existed); the reason shown is the first rule
    that failed, if any did.
    """
    if not passages:
        return Verdict(False, "cites no approved passage")
    reading = read(sentence, passages, context)
    if reading is None:
        return Verdict(True)  # quoted word for word
    layer = shipped_model() if model is True else (model or None)
    if layer is None:
        return reading.verdict
    p = layer.probability(features(reading, layer.uses_embeddings))
    if p < layer.threshold:
        return Verdict(True)
    return Verdict(False, reading.verdict.reason or NOT_CLEARLY_SAID)
