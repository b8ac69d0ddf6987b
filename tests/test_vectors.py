"""The shipped vectors of the bundled articles: current, used on first start, and progress when they are not enough."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from assistant.models import Persona
from assistant.pipeline import Pipeline
from assistant.triage import Triage
from knowledge.embeddings import MiniLMEmbedder
from knowledge.ingest import sync_articles
from knowledge.loaders import BUNDLED_DIR
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore, make_client
from knowledge.vectors import (
    CACHE_PATH,
    CachedEmbedder,
    VectorCache,
    bundled_texts,
    shipped_texts,
    stale_keys,
    text_key,
)
from tests.conftest import ROOT
from tests.helpers import write_article


def test_the_shipped_vectors_match_the_bundled_articles(embedder: MiniLMEmbedder) -> None:
    missing, unused = stale_keys(VectorCache.load(CACHE_PATH), embedder.model_id, shipped_texts())
    assert not missing and not unused, (
        f"knowledge/model/bundled-vectors.npz is stale ({len(missing)} texts missing, {len(unused)} unused): "
        "run `python -m knowledge.vectors` and commit the file"
    )


def test_shipped_vectors_are_the_models_own(embedder: MiniLMEmbedder) -> None:
    cache = VectorCache.load(CACHE_PATH, embedder.model_id)
    texts = bundled_texts()[:3]
    fresh = embedder.embed(texts)
    shipped = np.stack([cache.vectors[text_key(embedder.model_id, t)] for t in texts])
    assert np.allclose(fresh, shipped, atol=1e-4)


def test_a_first_index_of_the_bundled_articles_embeds_nothing(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    cached = CachedEmbedder(embedder, VectorCache.load(CACHE_PATH, embedder.model_id))
    store = KnowledgeStore(make_client(tmp_path / "store"), cached)  # type: ignore[arg-type]
    before = embedder.texts_embedded
    seen: list[tuple[int, int]] = []
    with cached.reporting(lambda done, total: seen.append((done, total))):
        report = sync_articles(store, [BUNDLED_DIR]).report
    assert report.chunks_added == len(bundled_texts()) and report.embedded == report.chunks_added
    assert embedder.texts_embedded == before and seen == [], "every vector came from the shipped file"


def test_changed_articles_are_embedded_with_progress_in_counts(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    for number in range(4):
        write_article(tmp_path / "articles", f"zentoria-{number}", title=f"Zentoria variant {number} of the elbow")
    cached = CachedEmbedder(embedder, VectorCache.load(CACHE_PATH, embedder.model_id), batch=3)
    store = KnowledgeStore(make_client(tmp_path / "store"), cached)  # type: ignore[arg-type]
    seen: list[tuple[int, int]] = []
    with cached.reporting(lambda done, total: seen.append((done, total))):
        report = sync_articles(store, [tmp_path / "articles"]).report
    total = report.chunks_added
    assert total > 3 and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted({d for d, _ in seen}) and {t for _, t in seen} == {total}
    assert len(seen) == -(-total // 3), "one report per batch"


def test_a_model_change_ignores_the_shipped_file(embedder: MiniLMEmbedder) -> None:
    cache = VectorCache.load(CACHE_PATH, "another-model")
    assert cache.vectors == {}
    assert CachedEmbedder(embedder, VectorCache("another-model", {"x": np.zeros(384)})).cache.vectors == {}


def test_the_app_first_start_loads_the_shipped_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORE_DIR", str(tmp_path / "empty-store"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHROMA_COLLECTION", "first-start")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    store = KnowledgeStore(
        make_client(tmp_path / "empty-store"), CachedEmbedder(MiniLMEmbedder(), VectorCache("", {})), "first-start"
    )  # type: ignore[arg-type]
    assert store.count() == len(bundled_texts())
    assert "Which best describes you?" in [h.value for h in at.subheader]


def test_passages_missing_from_the_file_are_embedded_with_counts_in_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], embedder: MiniLMEmbedder
) -> None:
    from knowledge import vectors

    shipped = VectorCache.load(CACHE_PATH, embedder.model_id)
    edited = {text_key(embedder.model_id, t) for t in sorted(bundled_texts())[:40]}
    partial = {k: v for k, v in shipped.vectors.items() if k not in edited}  # 40 passages as if just edited
    monkeypatch.setattr(vectors, "_shared", CachedEmbedder(embedder, VectorCache(embedder.model_id, partial)))
    monkeypatch.setenv("STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    before = embedder.texts_embedded
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    terminal = capfd.readouterr().err
    assert embedder.texts_embedded - before == 40
    assert "Preparing the knowledge base: 40 of 40 passages embedded" in terminal
    assert f"40 embedded now, {len(bundled_texts()) - 40} from the shipped vectors" in terminal


def test_a_turn_on_the_bundled_articles_embeds_only_the_question_once(bundled_store: KnowledgeStore) -> None:
    """Triage, retrieval and the evidence stage share one vector of the question; sentences come shipped. The
    one other text embedded is what the question asks without its subject ("which foods ... cut down on"), a
    signal of the sentence ranker."""
    embed = bundled_store.embedder.embed
    pipeline = Pipeline(
        retriever=HybridRetriever(bundled_store), articles=bundled_store, embed=embed, triage=Triage(embed)
    )
    inner = bundled_store.embedder.inner  # type: ignore[attr-defined]
    before = inner.texts_embedded
    answer = pipeline.run("Which foods should someone with gout cut down on?", persona=Persona.PATIENT)
    assert answer.status == "answered" and answer.direct
    assert inner.texts_embedded - before == 2, "only the question and what it asks go through the model"
    pipeline.run("Which foods should someone with gout cut down on?", persona=Persona.PHYSICIAN)
    assert inner.texts_embedded - before == 2, "the same question again is remembered"
