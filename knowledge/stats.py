"""What is in the index: counts by status, evidence type, source and library; model; when it last changed."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from knowledge.store import KnowledgeStore


class IndexStats(BaseModel):
    """Article-level counts (an article counts once however many chunks it has)."""

    collection: str
    embedding_model: str
    chunks: int
    articles: int
    by_status: dict[str, int]
    by_evidence_type: dict[str, int]
    by_source: dict[str, int]
    by_library: dict[str, int]
    last_ingested: str | None


def index_stats(store: KnowledgeStore) -> IndexStats:
    page = store.get_all(include=["metadatas"])
    metas = page["metadatas"]
    articles = {str(m["article_id"]): m for m in metas}
    stamps = [str(m["ingested_at"]) for m in metas if m.get("ingested_at")]
    return IndexStats(
        collection=store.name,
        embedding_model=store.model_id,
        chunks=len(metas),
        articles=len(articles),
        by_status=dict(Counter(str(m["review_status"]) for m in articles.values())),
        by_evidence_type=dict(Counter(str(m["evidence_type"]) for m in articles.values())),
        by_source=dict(Counter(str(m.get("source", "")) for m in articles.values())),
        by_library=dict(Counter(str(m.get("library", "")) for m in articles.values())),
        last_ingested=max(stamps) if stamps else None,
    )
