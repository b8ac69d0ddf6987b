"""Article files: validation errors name the file and the field; the rest still load."""

from __future__ import annotations

from pathlib import Path

from knowledge.loaders import load_articles, parse_article
from knowledge.schema import EvidenceType, ReviewStatus
from tests.helpers import article_text, write_article


def test_valid_article_parses_front_matter_and_sections() -> None:
    article = parse_article(article_text())
    assert article.id == "zentoria"
    assert article.evidence_type is EvidenceType.GUIDELINE
    assert article.review_status is ReviewStatus.APPROVED
    assert [s.title for s in article.sections][:2] == ["Overview", "Guideline recommendations"]
    assert article.references[0].publisher == "Test Society"


def test_invalid_articles_are_reported_with_file_and_field_and_skipped(tmp_path: Path) -> None:
    write_article(tmp_path, "good-one")
    bad_status = write_article(tmp_path, "bad-status", status="published")
    bad_date = tmp_path / "bad-date.md"
    bad_date.write_text(article_text("bad-date").replace("2026-01-15", "last tuesday"))
    no_ref_year = tmp_path / "no-ref-year.md"
    no_ref_year.write_text(article_text("no-ref-year").replace("    year: 2024\n", ""))
    no_front = tmp_path / "no-front.md"
    no_front.write_text("## Overview\nNo front matter here.\n")
    wrong_id = tmp_path / "wrong-id.md"
    wrong_id.write_text(article_text("other-id"))
    unreviewed = tmp_path / "unreviewed.md"
    unreviewed.write_text(article_text("unreviewed").replace('reviewed_by: "Test Board"', 'reviewed_by: ""'))

    result = load_articles([tmp_path])

    assert [a.id for a in result.articles] == ["good-one"]
    found = {Path(e.file).name: e.field for e in result.errors}
    assert found == {
        bad_status.name: "review_status",
        bad_date.name: "last_updated",
        no_ref_year.name: "references.0.year",
        no_front.name: "file",
        wrong_id.name: "id",
        unreviewed.name: "reviewed_by",
    }
    assert all(str(tmp_path) in str(e) for e in result.errors)


def test_invented_identifier_formats_are_rejected() -> None:
    text = article_text().replace("    year: 2024\n", '    year: 2024\n    pmid: "PMID-12"\n')
    try:
        parse_article(text)
    except ValueError as exc:
        assert "pmid" in str(exc)
    else:
        raise AssertionError("a malformed PMID must not validate")
