"""Citation markers: parsed, checked against the retrieved passages, renumbered, turned into references.

Our code owns the numbers. A composer (offline or LLM) cites sources by their position in the list of
retrieved passages; markers pointing anywhere else are dropped, and a sentence left citing nothing is
not shown as an answer; the survivors are renumbered by first use, one number per article, each
anchored to its exact passage; the reference list comes from stored metadata only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from assistant.models import AnswerPart, CitedPassage, NotSupported, PartKind, Reference, SourceDocument, Statement
from assistant.support import check
from knowledge.schema import Hit

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;–-]\s*\d+)*)\]")
@dataclass
class Draft:
    """A composer's output before citation processing; citations are 1-based source positions."""

    direct: list[Statement] = field(default_factory=list)
    parts: dict[PartKind, list[Statement]] = field(default_factory=dict)
    follow_ups: list[str] = field(default_factory=list)
    dropped_markers: int = 0
    uncited: list[Statement] = field(default_factory=list)
    # A lay reader's short answer holds a sentence written for professionals (the reader is told so).
    professional: bool = False


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


def _sources(hit: Hit) -> list[SourceDocument]:
    if not hit.references:
        return []
    return [SourceDocument.model_validate(r) for r in json.loads(hit.references)]


@dataclass
class Finalized:
    """A draft after citation processing: what is shown, and what was removed and why."""

    direct: list[Statement]
    parts: list[AnswerPart]
    references: list[Reference]
    not_supported: list[NotSupported]


def finalize(draft: Draft, hits: list[Hit]) -> Finalized:
    """Check each sentence against the passages it cites; number references by first use, anchor passages.

    A sentence that cites nothing valid, or that its passages do not support (assistant/support.py), leaves
    the body and is listed apart with no number. Survivors cite their article by number and the exact
    passage by anchor ('1.2': reference 1, its second cited passage); each passage lists what it supports.
    """
    number_of: dict[str, int] = {}
    references: dict[str, Reference] = {}
    removed: list[NotSupported] = [
        NotSupported(text=s.text, reason="cites no approved passage") for s in draft.uncited if s.text
    ]

    def reference_for(hit: Hit) -> Reference:
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
        return references[hit.article_id]

    def convert(statement: Statement) -> Statement | None:
        cited = [hits[p - 1] for p in statement.citations if 1 <= p <= len(hits)]
        verdict = check(statement.text, [h.text for h in cited], " ".join(dict.fromkeys(h.title for h in cited)))
        if not verdict.supported:
            removed.append(NotSupported(text=statement.text, reason=verdict.reason))
            return None
        numbers: list[int] = []
        anchors: list[str] = []
        for hit in cited:
            reference = reference_for(hit)
            passage = next((p for p in reference.passages if p.chunk_id == hit.chunk_id), None)
            if passage is None:
                passage = CitedPassage(
                    chunk_id=hit.chunk_id,
                    section=hit.section,
                    text=hit.text,
                    label=f"{reference.number}.{len(reference.passages) + 1}",
                )
                reference.passages.append(passage)
            passage.supports.append(statement.text)
            if reference.number not in numbers:
                numbers.append(reference.number)
            if passage.label not in anchors:
                anchors.append(passage.label)
        return Statement(
            text=statement.text, citations=numbers, anchors=anchors, professional=statement.professional
        )

    direct = [s for s in (convert(s) for s in draft.direct) if s]
    parts = []
    for kind in PartKind:
        statements = [s for s in (convert(s) for s in draft.parts.get(kind, [])) if s]
        if statements:
            parts.append(AnswerPart(kind=kind, statements=statements))
    return Finalized(direct, parts, sorted(references.values(), key=lambda r: r.number), removed)
