"""Transcript export: Markdown, JSON and PDF, each keeping citations, references and disclaimers.

Each export opens with an audit header (date, persona, mode, and every article cited with its review
status and last-updated date) so a record of the conversation shows what evidence stood behind it.
The question, the model's sentences and article text are escaped (assistant/render.py), so a question
cannot forge a section of the record nor carry HTML into a Markdown viewer; the PDF writes that text
as text, never through a markup parser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from fpdf import FPDF

from assistant.models import PERSONA_LABELS, Reference, Transcript
from assistant.render import POLICY_NAME, ZERO_WIDTH, answer_to_markdown, plain, plain_lines, status_label

FONTS = Path(__file__).parent / "fonts"
URGENT_LABEL = "**URGENT:**"


def cited_articles(transcript: Transcript) -> list[Reference]:
    """Every article cited in the conversation, once, in order of first citation."""
    seen: dict[str, Reference] = {}
    for turn in transcript.turns:
        for reference in turn.answer.references:
            seen.setdefault(reference.article_id, reference)
    return list(seen.values())


def export_stem(exported_at: dt.datetime) -> str:
    """File name (without extension) of an export made at this moment."""
    return f"transcript-{exported_at.astimezone(dt.UTC):%Y%m%d-%H%M%S}"


def transcript_markdown(transcript: Transcript, exported_at: dt.datetime | None = None) -> str:
    """The conversation as Markdown: audit header, then each question and its full answer."""
    exported_at = exported_at or dt.datetime.now(dt.UTC)
    modes = sorted({t.answer.mode for t in transcript.turns}) or ["none"]
    lines = [
        "# Clinical evidence assistant — conversation transcript",
        "",
        f"- Exported: {exported_at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC",
        f"- Conversation started: {transcript.created_at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Persona: {PERSONA_LABELS[transcript.persona]} ({transcript.persona.value})",
        f"- Mode: {plain(', '.join(modes))}",
        f"- Turns: {len(transcript.turns)}",
        f"- What a review status means: the organisation's {POLICY_NAME.lower()} (in the app, beside each reference)",
        "",
        "## Articles cited (audit trail)",
        "",
    ]
    articles = cited_articles(transcript)
    lines += [
        f"- {plain(r.title)} ({plain(r.article_id)}): {status_label(r.review_status, r.sample)}, "
        f"last updated {r.last_updated.isoformat()}"
        for r in articles
    ] or ["- none"]
    for number, turn in enumerate(transcript.turns, start=1):
        lines += [
            "",
            f"## Question {number}",
            "",
            plain_lines(turn.question),
            "",
            f"### Answer {number} ({turn.answer.persona.value}, {plain(turn.answer.mode)})",
            "",
            answer_to_markdown(turn.answer, include_follow_ups=False).strip(),
        ]
    return "\n".join(lines) + "\n"


def transcript_json(transcript: Transcript) -> str:
    """The transcript model itself: lossless, re-loadable with Transcript.model_validate_json.

    JSON is data: every text is a JSON string, exactly as asked or answered, never markup.
    """
    return transcript.model_dump_json(indent=2)


_TOKEN = re.compile(r"\\(.)|(\*\*)|(\*)|<(https?://[^>\s]+)>|(.)", re.DOTALL)


def runs(line: str) -> Iterator[tuple[str, str, str]]:
    """Our Markdown line as (style, text, link) runs: escapes become literal text, only our marks style.

    Every mark in untrusted text was escaped by assistant/render.py, so an unescaped ** or * here was
    written by code; nothing else is interpreted.
    """
    bold = italic = False
    buffer: list[str] = []

    def style() -> str:
        return ("B" if bold else "") + ("I" if italic else "")

    for match in _TOKEN.finditer(line):
        escaped, strong, emphasis, url, char = match.groups()
        if escaped is not None or char is not None:
            buffer.append((escaped if escaped is not None else char).replace(ZERO_WIDTH, ""))
            continue
        if buffer:
            yield style(), "".join(buffer), ""
            buffer = []
        if strong:
            bold = not bold
        elif emphasis:
            italic = not italic
        elif url:
            yield style(), url, url
    if buffer:
        yield style(), "".join(buffer), ""


class _PDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _write(pdf: FPDF, line: str, size: float, height: float, indent: float = 0.0) -> None:
    """One paragraph of runs, wrapped at the indent; text is written as text."""
    margin = pdf.l_margin
    pdf.set_left_margin(margin + indent)
    pdf.set_x(margin + indent)
    for style, text, link in runs(line):
        pdf.set_font("DejaVu", style.replace("BI", "B"), size)
        pdf.write(height, text, link=link)
    pdf.ln(height)
    pdf.set_left_margin(margin)


def _notice(pdf: FPDF, line: str, width: float) -> None:
    """A notice box: urgent care in red with its own label, every other notice in a quiet grey."""
    urgent = line.startswith(URGENT_LABEL)
    label, _, text = line.partition(":**")
    pdf.set_fill_color(*((253, 226, 226) if urgent else (240, 240, 236)))
    pdf.set_text_color(*((160, 0, 0) if urgent else (40, 40, 40)))
    pdf.set_font("DejaVu", "B", 10.5 if urgent else 9.5)
    pdf.multi_cell(width, 6, ("⚠ URGENT — seek care now" if urgent else label.strip("*")), fill=True)
    pdf.set_font("DejaVu", "", 10 if urgent else 9.5)
    body = "".join(t for _, t, _ in runs(text.strip()))
    pdf.multi_cell(width, 5.5, body, fill=True)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


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
            pdf.multi_cell(width, 7, "".join(t for _, t, _ in runs(line.lstrip("# ").strip())))
        elif line == "---":
            pdf.set_draw_color(160, 160, 160)
            pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.l_margin + width, pdf.get_y() + 1)
            pdf.ln(3)
        elif line == ">":
            continue
        elif line.startswith("> "):
            _notice(pdf, line[2:], width)
        elif re.match(r"^\s*- ", line):
            depth = (len(line) - len(line.lstrip())) // 2
            _write(pdf, "• " + line.strip()[2:], 9.5, 5.2, indent=4 + 6 * depth)
        else:
            _write(pdf, line, 10, 5.5)
    return bytes(pdf.output())
