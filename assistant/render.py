"""Markdown of an Answer: the one rendering used by the CLI, the UI and the export.

The references and the disclaimer are appended here, by code, for every answer whatever produced it.
Text the code did not write (model sentences, article titles and passages, the user's question) goes
through `plain` or `plain_lines`, so it reaches the reader as text: no link, image, HTML, heading or
Streamlit directive can come out of it. Links come only from reference metadata, through `safe_url`.
"""

from __future__ import annotations

import re

from assistant.models import Answer, Notice, NoticeKind, Reference, Statement
from knowledge.schema import ReviewStatus

STATUS_LABELS = {
    "approved": "Approved",
    "under_review": "Under review",
    "submitted": "Submitted",
    "retired": "Retired",
}
DEMO_LABEL = "Demo content — not clinically reviewed"
POLICY_NAME = "Editorial policy"

# Characters that open or close inline Markdown, HTML, entities, autolinks or Streamlit directives
# (`:red[...]`, `:material/x:`, emoji shortcodes, `$` maths); escaped wherever they stand. A colon only
# opens a directive or shortcode when text follows it directly, so "Note: ..." stays as written.
_INLINE = re.compile(r"([\\`*_\[\]<>&~$|@]|:(?=\S))")
# GFM renderers (Streamlit's among them) link bare URLs, "www." hosts and e-mail addresses even when
# their characters are escaped, and emoji and icon shortcodes (`:smile:`, `:material/check:`) are read
# from text after escapes are resolved: a zero-width space after the scheme, "www" or a colon, or before
# "@", stops them.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp|www)(?=[:.])|(?=@)|(:)(?=[A-Za-z/+-])")
ZERO_WIDTH = "\u200b"
# What starts a block (heading, quote, list, rule) when it opens a line or a list item's text.
_BLOCK = re.compile(r"^([#>+\-=])|^(\d+)([.)])(?=\s|$)")
_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`\\]+$")


def _unblock(match: re.Match[str]) -> str:
    return f"\\{match.group(1)}" if match.group(1) else f"{match.group(2)}\\{match.group(3)}"


def plain(text: str) -> str:
    """Untrusted text as one line of literal Markdown text (line breaks become spaces)."""
    line = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2) or "") + ZERO_WIDTH, " ".join(text.split()))
    return _BLOCK.sub(_unblock, _INLINE.sub(r"\\\1", line))


def plain_lines(text: str) -> str:
    """Untrusted multi-line text (a question) as literal text, line breaks kept as hard breaks."""
    lines = [plain(line) for line in text.strip().splitlines()]
    return "  \n".join(line for line in lines if line) or "(empty)"


def safe_url(url: str) -> str:
    """An http(s) URL fit to be a link, or '' (anything else is not linked)."""
    return url if _URL.match(url or "") else ""


def status_label(status: str | ReviewStatus, sample: bool = False) -> str:
    """What a reader is told about review: sample content never shows as Approved."""
    value = status.value if isinstance(status, ReviewStatus) else status
    if sample and value == ReviewStatus.APPROVED.value:
        return DEMO_LABEL
    return STATUS_LABELS.get(value, value.replace("_", " ").capitalize())


def markers(numbers: list[int]) -> str:
    """Code-made markers: a bare [n] links nowhere, as no untrusted text can define a link target."""
    return "".join(f"[{n}]" for n in numbers)


def anchors_md(anchors: list[str]) -> str:
    """Code-made passage markers: [1.2] is reference 1, its second cited passage."""
    return "".join(f"[{a}]" for a in anchors)


def statement_md(statement: Statement) -> str:
    cite = anchors_md(statement.anchors) if statement.anchors else markers(statement.citations)
    return f"{plain(statement.text)} {cite}".strip()


def passage_md(label: str, section: str, supports: list[str]) -> str:
    """How a cited passage is introduced: its anchor, its section, and the statements resting on it."""
    what = "; ".join(f"“{plain(s)}”" for s in supports[:3])
    return f"[{label}] {plain(section)}" + (f" — supports {what}" if what else "")


def not_supported_md(answer: Answer) -> str:
    """Sentences removed from the answer, listed apart with no number."""
    if not answer.not_supported:
        return ""
    items = "\n".join(f"- {plain(n.text)} *({plain(n.reason)})*" for n in answer.not_supported)
    return f"**Not supported by the approved articles** (removed from the answer, unnumbered)\n\n{items}"


def link_md(url: str) -> str:
    """An autolink for a safe URL; an unsafe one is shown as text, not linked."""
    safe = safe_url(url)
    return f"<{safe}>" if safe else plain(url)


def reference_md(reference: Reference) -> str:
    """Title, issuer, year, link, review status and last-updated date: what a reader needs to check it.

    A list item, with the documents the article rests on as a nested list (two-space indent).
    """
    link = f" {link_md(reference.url)}" if reference.url else ""
    status = status_label(reference.review_status, reference.sample)
    line = (
        f"- [{reference.number}] {plain(reference.title)}. {plain(reference.publisher)}, {reference.year}.{link} "
        f"— {status}, last updated {reference.last_updated.isoformat()}."
    )
    for source in reference.sources:
        ids = "".join(
            f" PMID {plain(source.pmid)}." if key == "pmid" else f" doi\\:{plain(source.doi)}."
            for key in ("pmid", "doi")
            if getattr(source, key)
        )
        line += (
            f"\n  - Based on: {plain(source.title)}. {plain(source.publisher)}, {source.year}. "
            f"{link_md(source.url)}{ids}"
        )
    for passage in reference.passages:
        if passage.label:
            line += f"\n  - Cited passage {passage_md(passage.label, passage.section, passage.supports)}"
    return line


NOTICE_LABELS = {NoticeKind.URGENT: "**URGENT:**", NoticeKind.NO_EVIDENCE: "**No answer:**"}


def notice_md(notice: Notice) -> str:
    return f"> {NOTICE_LABELS.get(notice.kind, '**Note:**')} {plain(notice.text)}"


def notices_md(answer: Answer) -> list[str]:
    """Urgent care first, each notice its own quoted paragraph."""
    ordered = sorted(answer.notices, key=lambda n: n.kind is not NoticeKind.URGENT)
    return [notice_md(n) for n in ordered]


PROFESSIONAL_LABEL = "Written for health professionals:"


def answer_body_md(answer: Answer) -> str:
    """Direct answer and the evidence parts, without notices, references or disclaimer."""
    lines: list[str] = []
    plain = [s for s in answer.direct if not s.professional]
    professional = [s for s in answer.direct if s.professional]
    if plain:
        lines.append(" ".join(statement_md(s) for s in plain))
    if professional:  # a lay reader's answer: the fact only the professionals' text states, marked as such
        lines += ["", "*" + PROFESSIONAL_LABEL + "* " + " ".join(statement_md(s) for s in professional)]
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
    blocks = ["\n>\n".join(notices_md(answer))] if answer.notices else []
    body = answer_body_md(answer)
    if body:
        blocks.append(body)
    removed = not_supported_md(answer)
    if removed:
        blocks.append(removed)
    refs = references_md(answer)
    if refs:
        blocks.append(refs)
    if include_follow_ups and answer.follow_ups:
        blocks.append("**You could also ask**\n\n" + "\n".join(f"- {plain(q)}" for q in answer.follow_ups))
    blocks.append(f"---\n*{answer.disclaimer}*")  # written by code (assistant/safety.py)
    return "\n\n".join(blocks) + "\n"
