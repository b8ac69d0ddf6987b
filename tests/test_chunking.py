"""Chunks follow sections and sentence boundaries."""

from __future__ import annotations

from knowledge.chunking import MAX_WORDS, chunk_article, split_section, split_sentences
from knowledge.loaders import parse_article
from tests.helpers import article_text


def _long_section(sentences: int) -> str:
    return " ".join(f"Sentence number {i} talks about the elbow and its careful treatment." for i in range(sentences))


def test_a_chunk_never_spans_two_sections() -> None:
    article = parse_article(
        article_text(
            sections={
                "Overview": _long_section(40),
                "Guideline recommendations": "Splint it. Rest it.",
                "Research evidence": "One trial.",
                "Plain-language summary": "Rest.",
            }
        )
    )
    chunks = chunk_article(article)
    by_section = {c.section for c in chunks}
    assert by_section == {"Overview", "Guideline recommendations", "Research evidence", "Plain-language summary"}
    for chunk in chunks:
        section_text = article.section(chunk.section).text
        for sentence in split_sentences(chunk.text):
            assert sentence in section_text


def test_long_sections_split_at_sentence_boundaries_with_overlap() -> None:
    pieces = split_section(_long_section(40))
    assert len(pieces) >= 3
    assert all(len(p.split()) <= MAX_WORDS for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    for first, second in zip(pieces, pieces[1:], strict=False):
        assert split_sentences(first)[-1] == split_sentences(second)[0]


def test_chunk_metadata_carries_what_a_citation_needs() -> None:
    chunk = chunk_article(parse_article(article_text()))[1]
    meta = chunk.metadata()
    for key in (
        "article_id",
        "title",
        "section",
        "evidence_type",
        "review_status",
        "last_updated",
        "url",
        "source_ref",
    ):
        assert key in meta
    assert meta["article_id"] == "zentoria" and meta["section"] == "Guideline recommendations"
    assert meta["review_status"] == "approved" and meta["last_updated"] == "2026-01-15"


def test_abbreviations_do_not_end_sentences() -> None:
    assert split_sentences("Use a DOAC, e.g. apixaban. Then review.") == ["Use a DOAC, e.g. apixaban.", "Then review."]


def test_the_text_after_a_list_stays_out_of_its_last_item_when_a_section_is_split() -> None:
    """A long section cut into passages rejoins its sentences; the paragraph after a list must not run into the
    last item (it did: "...for 6 hours or more KDIGO staging: stage 1 is...", one 90-word "sentence" the evidence
    stage then dropped, so the criterion was never answered)."""
    from knowledge.text import statements

    filler = " ".join(f"Background sentence number {n} adds words to the section." for n in range(20))
    section = (
        f"{filler}\n\nThe condition is defined as any of:\n\n- a first criterion of 10 units\n"
        "- urine output below 0.5 mL/kg/hour for 6 hours or more\n\nStaging: stage 1 is mild; stage 2 is worse."
    )
    pieces = split_section(section, max_words=60)
    assert len(pieces) > 1
    joined = [s for piece in pieces for s in statements(piece)]
    assert "urine output below 0.5 mL/kg/hour for 6 hours or more" in joined
    assert "Staging: stage 1 is mild; stage 2 is worse." in joined
