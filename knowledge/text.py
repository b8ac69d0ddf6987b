"""The one text module: words, stems and sentences, shared by retrieval, evidence, composition and citations.

Retrieval and the citation check used to tokenise differently, so a word could count in one and not
the other. Everything that compares words now goes through `tokens` / `content_terms`, and everything
that cuts text into sentences through `split_sentences`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_STEM = Stemmer.Stemmer("english")
# Words, with hyphenated compounds cut into their parts ("mild-moderate", "first-line") and clitics dropped.
_WORD = re.compile(r"[a-z0-9]+")
_CLITIC = re.compile(r"'(?:s|t|re|ve|ll|d|m)\b")
STOPWORDS = frozenset(
    "a an and are as at be been being by can could do does did doing done for from had has have having how i if "
    "in into is it its itself may might more most must of on or should so such than that the their theirs them "
    "themselves then there these they this those to was were what when where which while who whom whose why "
    "will with would you your yours yourself our ours we us also about after all any both each other only over "
    "same some under up very me my mine myself he him his himself she her hers herself isn aren wasn weren don "
    "doesn didn hasn haven hadn won wouldn shouldn couldn mustn im ive id ill youre hes shes theyre thats whats "
    "just but because until against between through during before above below down out off again further here "
    "once own too s t re ve ll d m yes ok okay please hi hello thanks thank get got".split()
)
# Negation words carry meaning for support checks, so they are not stopwords, but they are not topic words.
NEGATIONS = frozenset({"no", "not", "never", "without", "nor", "none", "neither", "cannot"})


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Snowball's stem, with a few adjectives joined to their noun, which Snowball keeps apart: "urinary 5-HIAA"
    answers "urine test", "dietary advice" answers "diet"."""
    stem = _STEM.stemWord(word)
    return _ADJECTIVE_NOUN.get(stem, stem)


_ADJECTIVE_NOUN = {"urinari": "urin", "dietari": "diet", "salivari": "saliva"}


def words(text: str) -> list[str]:
    """Lowercase word forms; "isn't" -> "isn", "first-line" -> "first", "line"."""
    return _WORD.findall(_CLITIC.sub("", text.lower().replace("’", "'")))


def tokens(text: str) -> list[str]:
    """Stemmed content words in order (with repeats): the unit of BM25 and of every overlap measure."""
    return [_stem(w) for w in words(text) if w not in STOPWORDS and w not in NEGATIONS and len(w) > 1]


def _is_word(tail: str) -> bool:
    """A tail of four letters or more that is an everyday word by itself ("burn", "less")."""
    from knowledge.embeddings import vocabulary_words  # the embedder's whole words; imported late: it loads ONNX

    return len(tail) >= 4 and tail in vocabulary_words()


def similar_form(term: str, other: str) -> bool:
    """Two stems of one word: a longer or shorter form ("anaem" from "anaemic", "anaemia" whole), or a typing
    slip: two letters swapped ("pnuemonia") or one letter missing or added ("celulitis"), and, for stems of six
    letters or more, one letter wrong ("migran" typed for "migrain"). Stems under five letters never are, nor
    stems whose first two letters differ, nor a stem and a compound it begins ("heart", "heartburn")."""
    if len(term) < 5 or len(other) < 5:
        return term == other
    if other.startswith(term) or term.startswith(other):
        # An ending ("anaem", "anaemic", "anaemia") or a clinician's clipping ("benzo", "creat"), but not a compound
        # whose tail is a word of its own: "heart" is no form of "heartburn".
        short, long = sorted((term, other), key=len)
        return not _is_word(long[len(short) :])
    if other[:2] != term[:2] or abs(len(other) - len(term)) > 1:
        return False
    a, b = (term, other) if len(term) <= len(other) else (other, term)
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) != len(b):
        return a[i:] == b[i + 1 :]
    swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    return swapped or (len(a) >= 6 and a[i + 1 :] == b[i + 1 :])


def content_terms(text: str) -> set[str]:
    """The set of stemmed content words of a text."""
    return set(tokens(text))


# Abbreviations whose full stop does not end a sentence (lowercased, without the final dot).
ABBREVIATIONS = frozenset(
    "e.g i.e vs approx dr mr mrs ms prof st al fig figs u.s u.k u.n e.u i.v i.m s.c p.o b.d t.d.s q.d b.i.d "
    "t.i.d q.i.d p.r.n o.d cf incl jr sr vol dept univ ie eg".split()
)
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|(?<=[.!?:])\s+(?=[-*] )|\n+(?=\s*(?:- |\* |\d+\. ))|\n{2,}"
)
_LAST_TOKEN = re.compile(r"(\S+)\.[\"')\]]*$")
# "No.", "Nos.", "p.", "pp.", "Ref." before a number: a numbering, not the end of a sentence.
_NUMBERED = re.compile(r"\b(?:No|Nos|no|nos|p|pp|Ref|ref|Vol|vol)\.$")


def _ends_with_abbreviation(piece: str) -> bool:
    match = _LAST_TOKEN.search(piece)
    if not match:
        return False
    token = match.group(1).lower().lstrip("([\"'")
    return token in ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def split_sentences(text: str) -> list[str]:
    """Sentences and list items, in order; 'U.S.', 'St.', 'e.g.', 'i.v.', 'vs.' never end one."""
    parts = [p.strip() for p in _BOUNDARY.split(text) if p and p.strip()]
    merged: list[str] = []
    for part in parts:
        numbered = merged and _NUMBERED.search(merged[-1]) and part[:1].isdigit()  # "Practice Bulletin No. 222"
        if merged and (_ends_with_abbreviation(merged[-1]) or numbered) and not part.startswith(("- ", "* ")):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


LIST_MARK = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")  # a list item's mark: "- ", "* ", "1. "


def statements(text: str) -> list[str]:
    """The sentences of a passage without list marks: the units the evidence stage ranks and the vectors cache."""
    return [LIST_MARK.sub("", s).strip() for s in split_sentences(text)]
