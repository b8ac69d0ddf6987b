"""Upsert by content hash, status filtering, retire and delete, model change."""

from __future__ import annotations

from pathlib import Path

from knowledge.embeddings import MiniLMEmbedder
from knowledge.ingest import sync_articles
from knowledge.retrieval import HybridRetriever
from knowledge.schema import ReviewStatus
from knowledge.store import KnowledgeStore, make_client
from knowledge.text import content_terms
from tests.helpers import article_text, write_article

OTHER = {
    "Overview": "Quorblast is an invented rash of the knee used only in tests.",
    "Guideline recommendations": "The 2023 Knee Society guideline recommends a cool compress for quorblast.",
    "Research evidence": "The KNEE study (2021) found compresses helped quorblast.",
    "Plain-language summary": "Quorblast is a knee rash. A cool cloth helps.",
}


def test_unchanged_corpus_computes_no_embedding(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    write_article(tmp_path / "a", "zentoria")
    write_article(tmp_path / "a", "quorblast", title="Quorblast of the knee", sections=OTHER)
    first = sync_articles(fresh_store, [tmp_path / "a"])
    assert first.report.embedded == fresh_store.count() > 0

    before = fresh_store.embedder.texts_embedded
    again = sync_articles(fresh_store, [tmp_path / "a"])
    assert again.report.embedded == 0
    assert fresh_store.embedder.texts_embedded == before
    assert again.report.chunks_unchanged == fresh_store.count()


def test_an_edited_article_replaces_only_its_changed_chunks(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    folder = tmp_path / "a"
    write_article(folder, "zentoria")
    write_article(folder, "quorblast", title="Quorblast of the knee", sections=OTHER)
    sync_articles(fresh_store, [folder])
    count = fresh_store.count()

    edited = dict(OTHER, **{"Research evidence": "The KNEE-2 trial (2025) found no benefit of compresses."})
    write_article(folder, "quorblast", title="Quorblast of the knee", sections=edited)
    before = fresh_store.embedder.texts_embedded
    result = sync_articles(fresh_store, [folder])

    assert result.report.embedded == 1
    assert fresh_store.embedder.texts_embedded - before == 1
    assert fresh_store.count() == count
    texts = [c.text for c in fresh_store.all_chunks() if c.article_id == "quorblast"]
    assert any("KNEE-2" in t for t in texts) and not any("KNEE study (2021)" in t for t in texts)


def test_removed_sections_and_deleted_files_leave_the_index(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    folder = tmp_path / "a"
    write_article(folder, "zentoria")
    path = write_article(folder, "quorblast", title="Quorblast of the knee", sections=OTHER)
    sync_articles(fresh_store, [folder])
    assert fresh_store.article_ids() == {"zentoria", "quorblast"}

    path.unlink()
    result = sync_articles(fresh_store, [folder])
    assert result.report.articles_removed == 1
    assert fresh_store.article_ids() == {"zentoria"}


def test_a_broken_edit_keeps_the_indexed_version(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    folder = tmp_path / "a"
    path = write_article(folder, "zentoria")
    sync_articles(fresh_store, [folder])
    path.write_text(article_text().replace("evidence_type: guideline", "evidence_type: rumour"))
    result = sync_articles(fresh_store, [folder])
    assert [e.field for e in result.errors] == ["evidence_type"]
    assert fresh_store.article_ids() == {"zentoria"}


def test_retiring_removes_and_only_approved_is_searchable(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    folder = tmp_path / "a"
    write_article(folder, "zentoria", status="submitted")
    write_article(folder, "quorblast", title="Quorblast of the knee", sections=OTHER)
    sync_articles(fresh_store, [folder])
    retriever = HybridRetriever(fresh_store)

    hits = retriever.search("zentoria elbow splint", k=10)
    assert hits and {h.article_id for h in hits} == {"quorblast"}
    explicit = retriever.search("zentoria elbow splint", k=10, statuses=["submitted", "approved"])
    assert explicit[0].article_id == "zentoria" and explicit[0].review_status is ReviewStatus.SUBMITTED

    fresh_store.set_status("zentoria", ReviewStatus.APPROVED)
    assert retriever.search("zentoria elbow splint", k=3)[0].article_id == "zentoria"

    write_article(folder, "quorblast", title="Quorblast of the knee", sections=OTHER, status="retired")
    sync_articles(fresh_store, [folder])
    assert "quorblast" not in fresh_store.article_ids()
    assert all(
        h.article_id != "quorblast"
        for h in retriever.search("quorblast knee compress", k=10, statuses=list(ReviewStatus))
    )
    # Its name is kept, never its text: a question naming it is declined with the reason, not answered elsewhere.
    assert ("quorblast", "Quorblast of the knee") in [(i, t) for i, t, _ in fresh_store.retired_names()]
    asked = content_terms("how is quorblast of the knee treated?")
    assert retriever.withheld_topics(asked) == [("Quorblast of the knee", "retired")]
    fresh_store.set_status("zentoria", ReviewStatus.RETIRED)
    assert "zentoria" in {i for i, _, _ in fresh_store.retired_names()}
    (folder / "quorblast.md").unlink()
    sync_articles(fresh_store, [folder])
    assert "quorblast" not in {i for i, _, _ in fresh_store.retired_names()}


def test_a_different_embedding_model_rebuilds_instead_of_mixing(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    client = make_client(tmp_path / "s")
    store = KnowledgeStore(client, embedder)
    write_article(tmp_path / "a", "zentoria")
    sync_articles(store, [tmp_path / "a"])
    assert store.count() > 0 and store.model_id == embedder.model_id

    class OtherModel(MiniLMEmbedder):
        model_id = "some-other-model"

    reopened = KnowledgeStore(make_client(tmp_path / "s"), OtherModel())
    assert reopened.rebuilt and reopened.count() == 0 and reopened.model_id == "some-other-model"


def test_guideline_sources_rank_ahead_of_research_at_comparable_relevance(
    tmp_path: Path, fresh_store: KnowledgeStore
) -> None:
    text = {
        "Overview": "Plimbitis is an invented ankle swelling used only in tests.",
        "Guideline recommendations": "Plimbitis is treated with ankle elevation and ice for three days.",
        "Research evidence": "None.",
        "Plain-language summary": "Raise the ankle and use ice.",
    }
    write_article(tmp_path / "a", "plimbitis-research", title="Plimbitis", evidence="observational", sections=text)
    write_article(tmp_path / "a", "plimbitis-guideline", title="Plimbitis", evidence="guideline", sections=text)
    sync_articles(fresh_store, [tmp_path / "a"])
    hits = HybridRetriever(fresh_store).search("How is plimbitis treated?", k=4)
    assert hits[0].article_id == "plimbitis-guideline"
