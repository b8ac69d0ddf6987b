"""Markdown of an Answer: the one rendering used by the CLI, the UI and the export.

The references and the disclaimer are appended here, by code, for every answer whatever produced it.
"""

from __future__ import annotations

from assistant.models import Answer, NoticeKind, Reference, Statement

STATUS_LABELS = {
    "approved": "Approved",
    "under_review": "Under review",
    "submitted": "Submitted",
    "retired": "Retired",
}


def markers(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def statement_md(statement: Statement) -> str:
    flag = " *(check: weak match with the cited passage)*" if not statement.supported else ""
    return f"{statement.text} {markers(statement.citations)}{flag}".strip()


def reference_md(reference: Reference) -> str:
    """Title, issuer, year, link, review status and last-updated date: what a reader needs to check it."""
    link = f" <{reference.url}>" if reference.url else ""
    status = STATUS_LABELS.get(reference.review_status.value, reference.review_status.value)
    line = (
        f"[{reference.number}] {reference.title}. {reference.publisher}, {reference.year}.{link} "
        f"— {status}, last updated {reference.last_updated.isoformat()}."
    )
    if reference.sample:
        line += " *Sample demonstration content.*"
    for source in reference.sources:
        ids = "".join(
            f" PMID {source.pmid}." if key == "pmid" else f" doi:{source.doi}."
            for key in ("pmid", "doi")
            if getattr(source, key)
        )
        line += f"\n    - Based on: {source.title}. {source.publisher}, {source.year}. <{source.url}>{ids}"
    return line


def notices_md(answer: Answer) -> list[str]:
    labels = {NoticeKind.URGENT: "**URGENT:**", NoticeKind.NO_EVIDENCE: "**No answer:**"}
    return [f"> {labels.get(n.kind, '**Note:**')} {n.text}" for n in answer.notices]


def answer_body_md(answer: Answer) -> str:
    """Direct answer and the evidence parts, without notices, references or disclaimer."""
    lines: list[str] = []
    if answer.direct:
        lines.append(" ".join(statement_md(s) for s in answer.direct))
    for part in answer.parts:
        lines += ["", f"**{part.heading}**", ""]
        lines += [f"- {statement_md(s)}" for s in part.statements]
    return "\n".join(lines).strip()


def references_md(answer: Answer) -> str:
    if not answer.references:
        return ""
    return "**References**\n\n" + "\n".join(reference_md(r) for r in answer.references)


def answer_to_markdown(answer: Answer, include_follow_ups: bool = True) -> str:
    """The complete reply; the disclaimer closes it on every path."""
    blocks = ["\n".join(notices_md(answer))] if answer.notices else []
    body = answer_body_md(answer)
    if body:
        blocks.append(body)
    refs = references_md(answer)
    if refs:
        blocks.append(refs)
    if include_follow_ups and answer.follow_ups:
        blocks.append("**You could also ask**\n\n" + "\n".join(f"- {q}" for q in answer.follow_ups))
    blocks.append(f"---\n*{answer.disclaimer}*")
    return "\n\n".join(blocks) + "\n"
