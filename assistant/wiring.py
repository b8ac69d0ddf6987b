"""Assemble the real collaborators from Settings: used by the CLI and the Streamlit app (the edges)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import Settings
from assistant.llm import LLMClient, LLMComposer, build_client
from assistant.pipeline import Pipeline
from assistant.records import JsonlLog
from assistant.triage import Triage
from knowledge.editorial import EditorialBoard
from knowledge.embeddings import shared_embedder
from knowledge.ingest import SyncResult, sync_articles
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore, make_client
from knowledge.vectors import CachedEmbedder, Progress, VectorCache, cached_embedder


@dataclass
class Services:
    """What a running assistant holds on to between turns."""

    settings: Settings
    store: KnowledgeStore
    retriever: HybridRetriever
    pipeline: Pipeline
    board: EditorialBoard
    first_build: SyncResult | None = None


def open_store(settings: Settings) -> KnowledgeStore:
    """The configured store: a Chroma server when CHROMA_HOST is set, else the embedded one.

    Its embedder takes the bundled articles' vectors from the shipped file (knowledge/vectors.py).
    """
    client = make_client(settings.store_dir, settings.chroma_host, settings.chroma_port, settings.chroma_ssl)
    if settings.shipped_vectors:
        embedder = cached_embedder()
    else:  # every passage through the model, still with progress counts
        embedder = CachedEmbedder(shared_embedder(), VectorCache(shared_embedder().model_id, {}))
    return KnowledgeStore(client, embedder, settings.chroma_collection)  # type: ignore[arg-type]


def build_index(store: KnowledgeStore, board: EditorialBoard, progress: Progress | None = None) -> SyncResult:
    """Index the bundled articles; progress gets (done, total) of the passages the model must embed."""
    embedder = store.embedder
    if progress is None or not isinstance(embedder, CachedEmbedder):
        return sync_articles(store, status_overrides=board.statuses())
    with embedder.reporting(progress):
        return sync_articles(store, status_overrides=board.statuses())


def build_services(settings: Settings, ensure_index: bool = True) -> Services:
    """Open the store (building the bundled index when it is empty) and wire the pipeline."""
    store = open_store(settings)
    board = EditorialBoard(settings.data_dir / "editorial.sqlite3", store)
    first_build = build_index(store, board) if ensure_index and store.count() == 0 else None
    retriever = HybridRetriever(store)
    llm = None
    if settings.llm_enabled:
        client = LLMClient(
            build_client(settings), settings.openai_model, settings.llm_max_attempts, settings.llm_max_wait
        )
        llm = LLMComposer(client)
    pipeline = Pipeline(
        retriever=retriever,
        articles=store,
        llm=llm,
        gaps=JsonlLog(settings.data_dir / "gaps.jsonl"),
        k=settings.retrieval_k,
        abstain_threshold=settings.abstain_threshold,
        log_questions=settings.log_questions,
        triage=Triage(embed=store.embedder.embed),
        embed=store.embedder.embed,
        emergency_number=settings.emergency_number,
        crisis_line=settings.crisis_line,
    )
    return Services(settings, store, retriever, pipeline, board, first_build)
