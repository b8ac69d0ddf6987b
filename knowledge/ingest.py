"""Bring the index in step with article files: load, validate, upsert, prune what was deleted, per library."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel

from knowledge.libraries import Library, library_for
from knowledge.loaders import BUNDLED_DIR, ArticleError, load_articles
from knowledge.schema import Article, ReviewStatus
from knowledge.store import IngestReport, KnowledgeStore

DEFAULT_REVIEW_INTERVAL_DAYS = 365
Overlay = Callable[[Article], Article]


class SyncResult(BaseModel):
    """The ingest report plus the files that were skipped and why."""

    report: IngestReport
    errors: list[ArticleError]


def with_due_date(article: Article, interval_days: int) -> Article:
    """The article with its review due date filled in (its own, else last_updated plus the interval)."""
    return article.model_copy(update={"next_review": article.due(interval_days)})


def prepare(
    articles: Sequence[Article],
    overlay: Overlay | None = None,
    status_overrides: Mapping[str, str] | None = None,
    review_interval_days: int = DEFAULT_REVIEW_INTERVAL_DAYS,
) -> list[Article]:
    """Articles as they should be indexed: the board's decisions over the files, due dates filled in."""
    ready = []
    for article in articles:
        if overlay is not None:
            article = overlay(article)
        if status_overrides and article.id in status_overrides:
            article = article.model_copy(update={"review_status": ReviewStatus(status_overrides[article.id])})
        ready.append(with_due_date(article, review_interval_days))
    return ready


def sync_library(
    store: KnowledgeStore,
    library: Library,
    prune: bool = True,
    progress: Callable[[int], None] | None = None,
    overlay: Overlay | None = None,
    status_overrides: Mapping[str, str] | None = None,
    review_interval_days: int = DEFAULT_REVIEW_INTERVAL_DAYS,
) -> SyncResult:
    """Ingest one library's files; with prune, its articles whose file is gone leave the index.

    Only this library's articles are ever pruned. A file that fails validation keeps whatever version
    of it is already indexed, so a typo never silently removes approved content. An id already indexed
    under another library is refused rather than overwriting that library's article.
    """
    if library.path is None:
        raise ValueError(f"library '{library.name}' is an imported dataset: re-import it instead")
    loaded = load_articles([library.path], library=library.name)
    errors = list(loaded.errors)
    owners = store.libraries_of(a.id for a in loaded.articles)
    articles = []
    for article in loaded.articles:
        owner = owners.get(article.id, "")
        if owner and owner != library.name:
            errors.append(
                ArticleError(
                    file=str(library.path / f"{article.id}.md"),
                    field="id",
                    message=f"'{article.id}' is already indexed from library '{owner}'; article ids must be unique",
                )
            )
        else:
            articles.append(article)
    report = store.ingest(prepare(articles, overlay, status_overrides, review_interval_days), progress=progress)
    if prune and library.path.is_dir():
        keep = {a.id for a in loaded.articles} | {Path(e.file).stem for e in loaded.errors}
        gone = (store.article_ids(library=library.name) | _unlabelled(store, library.name)) - keep
        report.chunks_removed += store.remove_articles(gone)
        report.articles_removed += len(gone)
        report.retired_names += store.forget_retired_names(library.name, keep)
    return SyncResult(report=report, errors=errors)


def _unlabelled(store: KnowledgeStore, name: str) -> set[str]:
    """Articles indexed before libraries were recorded, whose source names this library."""
    page = store.get_all(where={"source": name})
    return {str(m["article_id"]) for m in page["metadatas"] if not m.get("library")}


def sync_libraries(
    store: KnowledgeStore,
    libraries: Sequence[Library],
    prune: bool = True,
    progress: Callable[[int], None] | None = None,
    overlay: Overlay | None = None,
    status_overrides: Mapping[str, str] | None = None,
    review_interval_days: int = DEFAULT_REVIEW_INTERVAL_DAYS,
) -> SyncResult:
    """Sync several file libraries; one report and every skipped file."""
    total = IngestReport()
    errors: list[ArticleError] = []
    for library in libraries:
        if library.imported:
            continue
        result = sync_library(store, library, prune, progress, overlay, status_overrides, review_interval_days)
        for key, value in result.report.model_dump().items():
            setattr(total, key, getattr(total, key) + value)
        errors.extend(result.errors)
    return SyncResult(report=total, errors=errors)


def sync_articles(
    store: KnowledgeStore,
    paths: Sequence[Path] = (BUNDLED_DIR,),
    prune: bool = True,
    progress: Callable[[int], None] | None = None,
    status_overrides: Mapping[str, str] | None = None,
    overlay: Overlay | None = None,
    review_interval_days: int = DEFAULT_REVIEW_INTERVAL_DAYS,
) -> SyncResult:
    """Sync folders, each its own library (named after the folder; the bundled one is 'bundled')."""
    return sync_libraries(
        store, [library_for(p) for p in paths], prune, progress, overlay, status_overrides, review_interval_days
    )
