"""Transcript export: Markdown, JSON and PDF, each keeping citations, references and disclaimers.

Each export opens with an audit header (date, persona, mode, and every article cited with its review
status and last-updated date) so a record of the conversation shows what evidence stood behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fpdf import FPDF

from assistant.models import PERSONA_LABELS, Reference, Transcript
from assistant.render import STATUS_LABELS, answer_to_markdown

FONTS = Path(__file__).parent / "fonts"


def cited_articles(transcript: Transcript) -> list[Reference]:
    """Every article cited in the conversation, once, in order of first citation."""
    seen: dict[str, Reference] = {}
    for turn in transcript.turns:
        for reference in turn.answer.references:
            seen.setdefault(reference.article_id, reference)
    return list(seen.values())


def transcript_markdown(transcript: Transcript, exported_at: dt.datetime | None = None) -> str:
    """The conversation as Markdown: audit header, then each question and its full answer."""
    exported_at = exported_at or dt.datetime.now(dt.UTC)
    modes = sorted({t.answer.mode for t in transcript.turns}) or ["none"]
    lines = [
        "# Clinical evidence assistant — conversation transcript",
        "",
        f"- Exported: {exported_at.strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Conversation started: {transcript.created_at.strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Persona: {PERSONA_LABELS[transcript.persona]} ({transcript.persona.value})",
        f"- Mode: {', '.join(modes)}",
        f"- Turns: {len(transcript.turns)}",
        "",
        "## Articles cited (audit trail)",
        "",
    ]
    articles = cited_articles(transcript)
    lines += [
        f"- {r.title} ({r.article_id}): {STATUS_LABELS.get(r.review_status.value, r.review_status.value)}, "
        f"last updated {r.last_updated.isoformat()}{' — sample demonstration content' if r.sample else ''}"
        for r in articles
    ] or ["- none"]
    for number, turn in enumerate(transcript.turns, start=1):
        lines += [
            "",
            f"## Question {number}",
            "",
            turn.question.strip() or "(empty)",
            "",
            f"### Answer {number} ({turn.answer.persona.value}, {turn.answer.mode})",
            "",
            answer_to_markdown(turn.answer, include_follow_ups=False).strip(),
        ]
    return "\n".join(lines) + "\n"


def transcript_json(transcript: Transcript) -> str:
    """The transcript model itself: lossless, re-loadable with Transcript.model_validate_json."""
    return transcript.model_dump_json(indent=2)


def _inline(text: str) -> str:
    """Markdown inline marks to fpdf2's: **bold** stays, *italic* becomes __italic__, <url> loses brackets."""
    text = re.sub(r"(?<!\*)\*(?!\*)([^*]+?)(?<!\*)\*(?!\*)", r"__\1__", text)
    return re.sub(r"<(https?://[^>]+)>", r"\1", text)


class _PDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 8, f"Page {self.page_no()}", align="C")


def transcript_pdf(transcript: Transcript, exported_at: dt.datetime | None = None) -> bytes:
    """A PDF that renders the Markdown's structure, with an embedded Unicode font (≥, µg, β, é)."""
    pdf = _PDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
    pdf.set_title("Clinical evidence assistant — transcript")
    pdf.add_page()
    width = pdf.epw
    for raw in transcript_markdown(transcript, exported_at).splitlines():
        line = raw.rstrip()
        pdf.set_x(pdf.l_margin)
        if not line:
            pdf.ln(2)
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            pdf.set_font("DejaVu", "B", {1: 15, 2: 12.5, 3: 11}.get(level, 11))
            pdf.ln(2)
            pdf.multi_cell(width, 7, line.lstrip("# ").strip())
        elif line == "---":
            pdf.set_draw_color(160, 160, 160)
            pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.l_margin + width, pdf.get_y() + 1)
            pdf.ln(3)
        elif line.startswith("> "):
            pdf.set_font("DejaVu", "", 9.5)
            pdf.set_fill_color(245, 240, 225)
            pdf.multi_cell(width, 5.5, _inline(line[2:]), markdown=True, fill=True)
        elif re.match(r"^\s*- ", line):
            indent = 5 + (len(line) - len(line.lstrip())) * 1.5
            pdf.set_font("DejaVu", "", 9.5)
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(width - indent, 5.2, "• " + _inline(line.strip()[2:]), markdown=True)
        else:
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(width, 5.5, _inline(line), markdown=True)
    return bytes(pdf.output())
