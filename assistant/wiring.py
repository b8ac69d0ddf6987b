"""Assemble the real collaborators from Settings: used by the CLI and the Streamlit app (the edges)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import Settings
from assistant.llm import LLMClient, LLMComposer, build_client
from assistant.pipeline import Pipeline
from assistant.records import FeedbackLog, GapLog
from assistant.triage import Triage
from knowledge.db import Database, connect
from knowledge.editorial import EditorialBoard, Reconciler
from knowledge.embeddings import shared_embedder
from knowledge.ingest import SyncResult, sync_libraries
from knowledge.libraries import IMPORTED
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
    db: Database | None = None
    feedback: FeedbackLog | None = None
    gaps: GapLog | None = None
    reconciler: Reconciler | None = None


def open_store(settings: Settings) -> KnowledgeStore:
    """The configured store: a Chroma server when CHROMA_HOST is set, else the embedded one.

    Its embedder takes the bundled articles' vectors from the shipped file (knowledge/vectors.py).
    """
    client = make_client(
        settings.store_dir,
        settings.chroma_host,
        settings.chroma_port,
        settings.chroma_ssl,
        headers=settings.chroma_headers(),
    )
    if settings.shipped_vectors:
        embedder = cached_embedder()
    else:  # every passage through the model, still with progress counts
        embedder = CachedEmbedder(shared_embedder(), VectorCache(shared_embedder().model_id, {}))
    return KnowledgeStore(client, embedder, settings.chroma_collection)  # type: ignore[arg-type]


def open_board(settings: Settings, store: KnowledgeStore | None, db: Database | None = None) -> EditorialBoard:
    """The editorial board over the configured libraries and the imported datasets, on DATABASE_URL."""
    return EditorialBoard(
        db or connect(settings.database),
        store,
        settings.libraries,
        imported=IMPORTED,
        review_interval_days=settings.review_interval_days,
    )


def sync_configured(settings: Settings, store: KnowledgeStore, board: EditorialBoard) -> SyncResult:
    """Bring the index in step with the configured libraries and the board's decisions (cheap when unchanged)."""
    decisions = board.decisions()
    result = sync_libraries(
        store,
        settings.libraries,
        overlay=lambda article: board.apply(article, decisions),
        review_interval_days=settings.review_interval_days,
    )
    board.reconcile()
    return result


def build_index(
    settings: Settings, store: KnowledgeStore, board: EditorialBoard, progress: Progress | None = None
) -> SyncResult:
    """Sync the libraries; progress gets (done, total) of the passages the model must embed."""
    embedder = store.embedder
    if progress is None or not isinstance(embedder, CachedEmbedder):
        return sync_configured(settings, store, board)
    with embedder.reporting(progress):
        return sync_configured(settings, store, board)


def build_services(settings: Settings, ensure_index: bool = True) -> Services:
    """Open the store and the database, sync the libraries and apply pending decisions, wire the pipeline."""
    store = open_store(settings)
    db = connect(settings.database)
    board = open_board(settings, store, db)
    first_build = None
    reconciler = None
    if ensure_index:
        if settings.sync_at_start or store.count() == 0:
            first_build = build_index(settings, store, board)
        reconciler = Reconciler(board, settings.reconcile_seconds).start()
    gaps = GapLog(db, keep_questions=settings.log_questions)
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
        gaps=gaps,
        k=settings.retrieval_k,
        abstain_threshold=settings.abstain_threshold,
        log_questions=settings.log_questions,
        triage=Triage(embed=store.embedder.embed),
        embed=store.embedder.embed,
        emergency_number=settings.emergency_number,
        crisis_line=settings.crisis_line,
    )
    feedback = FeedbackLog(db, keep_questions=settings.log_questions)
    return Services(settings, store, retriever, pipeline, board, first_build, db, feedback, gaps, reconciler)
