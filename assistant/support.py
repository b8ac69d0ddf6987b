"""Is a sentence supported by the passage it cites? Words, numbers, negation, drugs, populations, direction.

Sharing words is not support: "surgery is not recommended" shares nearly every word with "surgery is
recommended". The check aligns the sentence with the passage's closest sentence and then looks for what
changes meaning: a number or unit the passage does not state, a negation one side has and the other
lacks, a drug or population the passage does not name, an opposite direction, or a claim stronger than
the passage makes. Measured on tests/data/citation_pairs.jsonl by benchmarks/citations.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.question import QUALIFIER_RE
from knowledge.text import content_terms, split_sentences

MIN_OVERLAP = 0.6
MAX_NOVEL = 0.34
_NUMBER_WORDS = dict(
    pair.split("=")
    for pair in (
        "one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 fifteen=15 "
        "twenty=20 thirty=30 forty=40 fifty=50 sixty=60 hundred=100 half=50 once=1 twice=2"
    ).split()
)
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?")
_NEGATION = re.compile(
    r"\b(not|no|never|none|neither|nor|without|cannot|can't|don't|doesn't|didn't|isn't|aren't|won't|shouldn't|"
    r"against|avoid\w*|contraindicated|stop(ped)?|unlikely|lack\w*|fail\w*|rather than|instead of|"
    r"non-inferior|no longer|discourag\w*|advises against|recommends against)\b",
    re.I,
)
_DIRECTION = [
    ("increas", "decreas"), ("rais", "lower"), ("higher", "lower"), ("more", "less"), ("superior", "inferior"),
    ("improv", "worsen"), ("rise", "fall"), ("above", "below"), ("over", "under"), ("longer", "shorter"),
    ("reduc", "increas"), ("benefit", "harm"), ("more", "fewer"), ("fewer", "greater"), ("lower", "raise"),
    ("common", "rare"), ("before", "after"), ("first", "last"),
]  # fmt: skip
_OVERCLAIM = re.compile(
    r"\b(cure[sd]?|always|guarantee\w*|eliminat\w*|every (case|patient|person)|all (patients|people|cases)|"
    r"completely|100 ?%|entirely|proven|definitely|no risk|never fails?|without exception)\b",
    re.I,
)
_DRUG = re.compile(
    r"\b\w+(pril|sartan|olol|dipine|statin|mab|nib|parin|xaban|gatran|floxacin|cillin|mycin|cycline|azole|"
    r"gliflozin|gliptin|glutide|tide|vir|virine|formin|lukast|sone|olone|azepam|zolam|oxetine|aline|pram|"
    r"triptan|gepant|umab|ximab|zumab|platin|taxel|rubicin|fungin|conazole|tidine|prazole|dronate|semide|"
    r"thiazide|sterone|setron|caine|profen|fenac|coxib|barbital|peridol|apine|idone)\b",
    re.I,
)


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check, with the reason a reader (or a test) can see."""

    supported: bool
    reason: str = ""


def _numbers(text: str, words: bool = False) -> set[str]:
    """Numbers written as digits (and, for the passage side, as words too)."""
    lowered = text.lower()
    found = set()
    for match in _NUMBER.finditer(lowered):
        found.update(g.rstrip("0").rstrip(".") if "." in g else g for g in match.groups() if g)
    if words:
        for word, digit in _NUMBER_WORDS.items():
            if re.search(rf"\b{word}\b", lowered):
                found.add(digit.rstrip("%"))
    return found


def _closest(sentence_terms: set[str], passage: str) -> str:
    """The passage sentence (or pair of neighbours) that shares most words with the sentence."""
    parts = split_sentences(passage) or [passage]
    windows = parts + [f"{a} {b}" for a, b in zip(parts, parts[1:], strict=False)]
    return max(windows, key=lambda w: len(sentence_terms & content_terms(w)) / (len(content_terms(w)) ** 0.25 or 1))


def _polarity(text: str) -> int:
    return len(_NEGATION.findall(text)) % 2


def check(sentence: str, passages: list[str]) -> Verdict:
    """Whether the cited passages support the sentence, and if not, why."""
    if not passages:
        return Verdict(False, "cites no approved passage")
    if any(sentence.strip() in p for p in passages):
        return Verdict(True)  # quoted word for word
    terms = content_terms(sentence)
    if not terms:
        return Verdict(True)
    source = " ".join(passages)
    source_terms = content_terms(source)
    overlap = len(terms & source_terms) / len(terms)
    if overlap < MIN_OVERLAP:
        return Verdict(False, "the cited passage does not say this")
    aligned = max((_closest(terms, p) for p in passages), key=lambda w: len(terms & content_terms(w)))
    novel = terms - content_terms(aligned)
    if len(novel) / len(terms) > MAX_NOVEL:
        return Verdict(False, "the closest passage sentence does not say this")
    missing_numbers = _numbers(sentence) - _numbers(source, words=True)
    if missing_numbers:
        return Verdict(False, f"the passage does not state {', '.join(sorted(missing_numbers))}")
    if _polarity(sentence) != _polarity(aligned):
        return Verdict(False, "negation differs from the passage")
    # A drug or population must be named where the passage makes the claim, not anywhere in it.
    named = {m.group(0).lower() for m in _DRUG.finditer(aligned)}
    drugs = {m.group(0).lower() for m in _DRUG.finditer(sentence)} - named
    if drugs:
        return Verdict(False, f"the passage does not say this of {', '.join(sorted(drugs))}")
    for name, pattern in QUALIFIER_RE.items():
        if pattern.search(sentence) and not pattern.search(aligned):
            return Verdict(False, f"the passage says nothing about this population ({name.replace('_', ' ')})")
    lowered, aligned_lower = sentence.lower(), aligned.lower()
    for a, b in _DIRECTION:
        if (a in lowered and b in aligned_lower and a not in aligned_lower) or (
            b in lowered and a in aligned_lower and b not in aligned_lower
        ):
            return Verdict(False, "the direction differs from the passage")
    if _OVERCLAIM.search(sentence) and not _OVERCLAIM.search(source):
        return Verdict(False, "claims more than the passage")
    return Verdict(True)
