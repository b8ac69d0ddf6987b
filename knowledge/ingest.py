"""Bring the index in step with article files: load, validate, upsert, prune what was deleted."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel

from knowledge.loaders import BUNDLED_DIR, ArticleError, load_articles
from knowledge.store import IngestReport, KnowledgeStore


class SyncResult(BaseModel):
    """The ingest report plus the files that were skipped and why."""

    report: IngestReport
    errors: list[ArticleError]


def sync_articles(
    store: KnowledgeStore,
    paths: Sequence[Path] = (BUNDLED_DIR,),
    prune: bool = True,
    progress: Callable[[int], None] | None = None,
    status_overrides: Mapping[str, str] | None = None,
) -> SyncResult:
    """Ingest article files; with prune, articles whose file is gone leave the index.

    A file that fails validation keeps whatever version of it is already indexed, so a typo never
    silently removes approved content. status_overrides carries editorial decisions made after the
    file was written (the review board's database wins over the file's front matter).
    """
    loaded = load_articles(paths)
    articles = loaded.articles
    if status_overrides:
        articles = [
            a.model_copy(update={"review_status": status_overrides[a.id]}) if a.id in status_overrides else a
            for a in articles
        ]
    report = store.ingest(articles, progress=progress)
    if prune:
        keep = {a.id for a in articles} | {Path(e.file).stem for e in loaded.errors}
        gone = store.article_ids(source="bundled") - keep
        removed = store.remove_articles(gone)
        report.chunks_removed += removed
        report.articles_removed += len(gone)
    return SyncResult(report=report, errors=loaded.errors)
