"""Citation markers: parsed, checked against the retrieved passages, renumbered, turned into references.

Our code owns the numbers. A composer (offline or LLM) cites sources by their position in the list of
retrieved passages; markers pointing anywhere else are dropped; the survivors are renumbered by first
use, one number per article; the reference list comes from stored metadata only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from assistant.models import AnswerPart, CitedPassage, PartKind, Reference, SourceDocument, Statement
from knowledge.schema import Hit
from knowledge.text import content_terms

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;–-]\s*\d+)*)\]")
SUPPORT_THRESHOLD = 0.5
@dataclass
class Draft:
    """A composer's output before citation processing; citations are 1-based source positions."""

    direct: list[Statement] = field(default_factory=list)
    parts: dict[PartKind, list[Statement]] = field(default_factory=dict)
    follow_ups: list[str] = field(default_factory=list)
    dropped_markers: int = 0


def _expand(group: str) -> list[int]:
    numbers: list[int] = []
    for piece in re.split(r"\s*[,;]\s*", group):
        if re.search(r"[–-]", piece):
            low, high = (int(x) for x in re.split(r"\s*[–-]\s*", piece)[:2])
            numbers.extend(range(low, min(high, low + 20) + 1))
        elif piece.strip():
            numbers.append(int(piece))
    return numbers


def parse_statement(text: str, n_sources: int) -> tuple[Statement, int]:
    """Strip markers from a sentence; keep those naming a retrieved source. Returns (statement, dropped)."""
    cited: list[int] = []
    dropped = 0
    for match in MARKER.finditer(text):
        for number in _expand(match.group(1)):
            if 1 <= number <= n_sources:
                if number not in cited:
                    cited.append(number)
            else:
                dropped += 1
    clean = MARKER.sub("", text).strip()
    clean = re.sub(r"\s+([.,;:])", r"\1", clean)
    return Statement(text=clean, citations=cited), dropped


def supported(statement: Statement, passages: list[str]) -> bool:
    """Enough of the sentence's content words occur in the passages it cites."""
    words = content_terms(statement.text)
    if not words:
        return True
    if not passages:
        return False
    source = set().union(*(content_terms(p) for p in passages))
    return len(words & source) / len(words) >= SUPPORT_THRESHOLD


def _sources(hit: Hit) -> list[SourceDocument]:
    if not hit.references:
        return []
    return [SourceDocument.model_validate(r) for r in json.loads(hit.references)]


def finalize(draft: Draft, hits: list[Hit]) -> tuple[list[Statement], list[AnswerPart], list[Reference], int]:
    """Renumber by first use (one number per article), build references, flag unsupported sentences.

    Returns direct statements, parts, references and the count of unsupported statements.
    """
    number_of: dict[str, int] = {}
    references: dict[str, Reference] = {}
    unsupported = 0

    def convert(statement: Statement) -> Statement:
        nonlocal unsupported
        numbers: list[int] = []
        passages: list[str] = []
        for position in statement.citations:
            hit = hits[position - 1]
            if hit.article_id not in number_of:
                number_of[hit.article_id] = len(number_of) + 1
                references[hit.article_id] = Reference(
                    number=number_of[hit.article_id],
                    article_id=hit.article_id,
                    title=hit.title,
                    publisher=hit.publisher or hit.source,
                    year=hit.last_updated.year,
                    url=hit.url,
                    evidence_type=hit.evidence_type,
                    review_status=hit.review_status,
                    last_updated=hit.last_updated,
                    sample=hit.sample,
                    sources=_sources(hit),
                )
            reference = references[hit.article_id]
            if all(p.chunk_id != hit.chunk_id for p in reference.passages):
                reference.passages.append(CitedPassage(chunk_id=hit.chunk_id, section=hit.section, text=hit.text))
            if number_of[hit.article_id] not in numbers:
                numbers.append(number_of[hit.article_id])
            passages.append(hit.text)
        ok = supported(statement, passages)
        unsupported += 0 if ok else 1
        return Statement(text=statement.text, citations=numbers, supported=ok)

    direct = [convert(s) for s in draft.direct if s.citations]
    parts = []
    for kind in PartKind:
        statements = [convert(s) for s in draft.parts.get(kind, []) if s.citations]
        if statements:
            parts.append(AnswerPart(kind=kind, statements=statements))
    return direct, parts, sorted(references.values(), key=lambda r: r.number), unsupported
