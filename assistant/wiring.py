"""Assemble the real collaborators from Settings: used by the CLI and the Streamlit app (the edges)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import Settings
from assistant.llm import LLMClient, LLMComposer, build_client
from assistant.pipeline import Pipeline
from assistant.records import JsonlLog
from knowledge.editorial import EditorialBoard
from knowledge.embeddings import shared_embedder
from knowledge.ingest import SyncResult, sync_articles
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore, make_client


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
    """The configured store: a Chroma server when CHROMA_HOST is set, else the embedded one."""
    client = make_client(
        settings.store_dir,
        settings.chroma_host,
        settings.chroma_port,
        settings.chroma_ssl,
        headers=settings.chroma_headers(),
    )
    return KnowledgeStore(client, shared_embedder(), settings.chroma_collection)


def build_services(settings: Settings, ensure_index: bool = True) -> Services:
    """Open the store (building the bundled index when it is empty) and wire the pipeline."""
    store = open_store(settings)
    board = EditorialBoard(settings.data_dir / "editorial.sqlite3", store)
    first_build = None
    if ensure_index and store.count() == 0:
        first_build = sync_articles(store, status_overrides=board.statuses())
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
    )
    return Services(settings, store, retriever, pipeline, board, first_build)
