"""The same store code against a real `chroma run` server (started by .ci/run)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from knowledge.embeddings import MiniLMEmbedder
from knowledge.ingest import sync_articles
from knowledge.retrieval import HybridRetriever
from knowledge.schema import ReviewStatus
from knowledge.store import KnowledgeStore, make_client
from tests.helpers import write_article

HOST = os.environ.get("CHROMA_TEST_HOST")
PORT = int(os.environ.get("CHROMA_TEST_PORT", "8765"))
pytestmark = pytest.mark.skipif(
    not HOST, reason="CHROMA_TEST_HOST is not set: start `chroma run --host 127.0.0.1 --port 8765` (.ci/run does)"
)


def test_ingest_search_and_status_changes_through_the_server(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    client = make_client(host=HOST, port=PORT)
    assert client.heartbeat() > 0
    name = f"test-{uuid.uuid4().hex[:8]}"
    store = KnowledgeStore(client, embedder, name)
    try:
        write_article(tmp_path, "zentoria")
        write_article(tmp_path, "hidden-one", title="Hidden zentoria draft", status="submitted")
        first = sync_articles(store, [tmp_path])
        assert first.report.embedded == store.count() > 0
        assert sync_articles(store, [tmp_path]).report.embedded == 0

        retriever = HybridRetriever(store)
        hits = retriever.search("How is zentoria of the elbow treated?", k=5)
        assert hits[0].article_id == "zentoria"
        assert all(h.article_id != "hidden-one" for h in hits)

        store.set_status("zentoria", ReviewStatus.RETIRED)
        assert "zentoria" not in store.article_ids()
        assert all(h.article_id != "zentoria" for h in retriever.search("zentoria elbow", k=5))

        reopened = KnowledgeStore(make_client(host=HOST, port=PORT), embedder, name)
        assert not reopened.rebuilt and reopened.count() == store.count()
    finally:
        client.delete_collection(name)
        client.delete_collection(f"{name}-stamp")
