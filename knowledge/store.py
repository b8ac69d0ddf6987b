"""The Chroma collection of chunks: what is indexed, how it is kept in step with the articles.

Upserts are by content hash, so an unchanged corpus computes no embedding; the collection records
the embedding model that built it, and a different model rebuilds it rather than mixing vectors.
Retired articles are removed from the index; submitted and under-review ones stay in it, filtered out
of search unless a caller asks for them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings
from pydantic import BaseModel

from knowledge.chunking import chunk_article
from knowledge.embeddings import MiniLMEmbedder, OfflineMiniLM
from knowledge.schema import Article, Chunk, ReviewStatus

SCHEMA_VERSION = "1"
_PAGE = 2000


class IngestReport(BaseModel):
    """What an ingest changed; `embedded` counts the texts that went through the model."""

    articles: int = 0
    chunks_added: int = 0
    chunks_updated: int = 0
    chunks_unchanged: int = 0
    chunks_removed: int = 0
    articles_removed: int = 0
    embedded: int = 0
    retired_names: int = 0  # retired articles' names recorded or forgotten (knowledge/store.py, _RETIRED)


def make_client(
    path: Path | None = None,
    host: str | None = None,
    port: int = 8000,
    ssl: bool = False,
    headers: dict[str, str] | None = None,
) -> ClientAPI:
    """Embedded PersistentClient by default, HttpClient for a `chroma run` server; telemetry off."""
    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, ssl=ssl, headers=headers or {}, settings=settings)
    if path is None:
        return chromadb.EphemeralClient(settings=settings)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def content_hash(chunk: Chunk, model_id: str) -> str:
    """What decides whether a chunk must be embedded again."""
    return hashlib.sha256(f"{model_id}\x00{chunk.index_text()}".encode()).hexdigest()[:32]


class KnowledgeStore:
    """One collection of chunks, its embedder, and the writes that keep it true to the articles."""

    def __init__(
        self,
        client: ClientAPI,
        embedder: MiniLMEmbedder,
        collection: str = "knowledge",
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.client = client
        self.clock = clock
        self.embedder = embedder
        self.name = collection
        self.rebuilt = False
        self.version = 0
        self.collection = self._open()
        self._stamps = self.client.get_or_create_collection(f"{collection}-stamp", metadata={"hnsw:space": "cosine"})

    def stamp(self) -> str:
        """The index's version stamp, shared by every process using this collection (changes on every write)."""
        page = self._stamps.get(ids=["stamp"], include=["metadatas"])
        return str(page["metadatas"][0].get("stamp", "")) if page["ids"] else ""

    def _touch(self) -> None:
        """Record a write: this process's counter, and the shared stamp other processes compare."""
        self.version += 1
        self._stamps.upsert(
            ids=["stamp"],
            embeddings=[[1.0]],
            metadatas=[{"stamp": uuid.uuid4().hex, "at": self.clock().isoformat(timespec="seconds")}],
        )

    def _metadata(self) -> dict[str, Any]:
        return {
            "embedding_model": self.embedder.model_id,
            "schema_version": SCHEMA_VERSION,
            "hnsw:space": "cosine",
        }

    def _open(self) -> Collection:
        function = OfflineMiniLM(self.embedder)
        existing = {c.name for c in self.client.list_collections()}
        if self.name in existing:
            collection = self.client.get_collection(self.name, embedding_function=function)
            meta = collection.metadata or {}
            if meta.get("embedding_model") == self.embedder.model_id and meta.get("schema_version") == SCHEMA_VERSION:
                return collection
            self.client.delete_collection(self.name)
            self.rebuilt = True
        return self.client.create_collection(self.name, embedding_function=function, metadata=self._metadata())

    @property
    def model_id(self) -> str:
        """The embedding model recorded on the collection."""
        return str((self.collection.metadata or {}).get("embedding_model", ""))

    def count(self) -> int:
        """Chunks in the index, all statuses."""
        return self.collection.count()

    def get_all(self, **kwargs: Any) -> dict[str, Any]:
        """collection.get in pages: Chroma caps how much one call may return."""
        out: dict[str, list] = {"ids": [], "metadatas": [], "documents": []}
        include = kwargs.pop("include", ["metadatas"])
        offset = 0
        while True:
            page = self.collection.get(include=include, limit=_PAGE, offset=offset, **kwargs)
            out["ids"].extend(page["ids"])
            for key in ("metadatas", "documents"):
                if key in include:
                    out[key].extend(page[key] or [])
            if len(page["ids"]) < _PAGE:
                return out
            offset += _PAGE

    @staticmethod
    def _chunks(page: dict[str, Any]) -> list[Chunk]:
        """A page of collection.get (ids, documents, metadatas) as Chunks, in page order."""
        return [
            Chunk.from_stored(i, t, m)
            for i, t, m in zip(page["ids"], page["documents"], page["metadatas"], strict=True)
        ]

    def all_chunks(self) -> list[Chunk]:
        """Every indexed chunk, for the lexical index."""
        return self._chunks(self.get_all(include=["metadatas", "documents"]))

    def chunks_by_id(self, ids: Sequence[str], with_vectors: bool = False) -> dict[str, tuple[Chunk, Any]]:
        """Current stored state of these chunks (the last word on review status), with vectors if asked."""
        if not ids:
            return {}
        include = ["metadatas", "documents", "embeddings"] if with_vectors else ["metadatas", "documents"]
        page = self.collection.get(ids=list(ids), include=include)
        vectors = page["embeddings"] if with_vectors else [None] * len(page["ids"])
        return {c.chunk_id: (c, v) for c, v in zip(self._chunks(page), vectors, strict=True)}

    def article_chunks(self, article_id: str, section: str | None = None) -> list[Chunk]:
        """An article's chunks in reading order, optionally of one section (e.g. the plain-language summary)."""
        where: dict[str, Any] = {"article_id": article_id}
        if section:
            where = {"$and": [where, {"section": section}]}
        page = self.collection.get(where=where, include=["metadatas", "documents"])
        return sorted(self._chunks(page), key=lambda c: c.position)

    def _stored_hashes(self, article_ids: Iterable[str]) -> dict[str, tuple[str, dict]]:
        ids = list(article_ids)
        found: dict[str, tuple[str, dict]] = {}
        for start in range(0, len(ids), 500):
            page = self.get_all(where={"article_id": {"$in": ids[start : start + 500]}})
            for chunk_id, meta in zip(page["ids"], page["metadatas"], strict=True):
                found[chunk_id] = (str(meta.get("content_hash", "")), meta)
        return found

    def ingest(
        self,
        articles: Sequence[Article],
        progress: Callable[[int], None] | None = None,
        batch_articles: int = 64,
    ) -> IngestReport:
        """Upsert articles; unchanged chunks are not embedded again, stale ones are deleted."""
        report = IngestReport()
        for start in range(0, len(articles), batch_articles):
            batch = articles[start : start + batch_articles]
            self._ingest_batch(batch, report)
            if progress:
                progress(len(batch))
        if report.chunks_added or report.chunks_updated or report.chunks_removed or report.retired_names:
            self._touch()
        return report

    def _ingest_batch(self, batch: Sequence[Article], report: IngestReport) -> None:
        report.articles += len(batch)
        stored = self._stored_hashes(a.id for a in batch)
        fresh: dict[str, tuple[Chunk, str]] = {}
        for article in batch:
            if article.review_status is ReviewStatus.RETIRED:
                continue
            for chunk in chunk_article(article):
                fresh[chunk.chunk_id] = (chunk, content_hash(chunk, self.embedder.model_id))
        report.retired_names += self._keep_retired_names(batch)
        stale = [chunk_id for chunk_id in stored if chunk_id not in fresh]
        to_embed = [(c, h) for cid, (c, h) in fresh.items() if stored.get(cid, ("",))[0] != h]
        meta_only = [
            (c, h)
            for cid, (c, h) in fresh.items()
            if cid in stored
            and stored[cid][0] == h
            and {k: v for k, v in stored[cid][1].items() if k != "ingested_at"} != {**c.metadata(), "content_hash": h}
        ]
        stamp = self.clock().isoformat(timespec="seconds")
        if stale:
            self.collection.delete(ids=stale)
            report.chunks_removed += len(stale)
            gone = {stored[c][1]["article_id"] for c in stale} - {c.article_id for c, _ in fresh.values()}
            report.articles_removed += len(gone)
        if to_embed:
            vectors = self.embedder.embed([c.index_text() for c, _ in to_embed])
            self.collection.upsert(
                ids=[c.chunk_id for c, _ in to_embed],
                embeddings=vectors,
                documents=[c.text for c, _ in to_embed],
                metadatas=[{**c.metadata(), "content_hash": h, "ingested_at": stamp} for c, h in to_embed],
            )
            report.embedded += len(to_embed)
            report.chunks_added += sum(1 for c, _ in to_embed if c.chunk_id not in stored)
            report.chunks_updated += sum(1 for c, _ in to_embed if c.chunk_id in stored)
        if meta_only:
            self.collection.update(
                ids=[c.chunk_id for c, _ in meta_only],
                metadatas=[{**c.metadata(), "content_hash": h, "ingested_at": stamp} for c, h in meta_only],
            )
            report.chunks_updated += len(meta_only)
        report.chunks_unchanged += len(fresh) - len(to_embed) - len(meta_only)

    # Retired articles leave the index, but their names stay, in the stamp collection beside the shared stamp: a
    # question naming a retired subject ("aspirin for primary prevention") is then declined with the reason,
    # not answered from another article's passing mention. Only the title and keywords are kept, never text.
    _RETIRED = "retired:"

    def _retired_of(self, record_id: str) -> str | None:
        """The article id a kept-name record is for; None for the stamp itself."""
        return record_id[len(self._RETIRED) :] if record_id.startswith(self._RETIRED) else None

    def _write_retired_names(self, names: dict[str, dict[str, str]]) -> None:
        """Keep these retired articles' names: article id -> its title, keywords and library."""
        if names:
            self._stamps.upsert(
                ids=[f"{self._RETIRED}{article_id}" for article_id in names],
                embeddings=[[1.0]] * len(names),
                metadatas=list(names.values()),
            )

    def _keep_retired_names(self, batch: Sequence[Article]) -> int:
        """Record the names of the batch's retired articles, forget those no longer retired; how many changed."""
        names = {
            a.id: {"title": a.title, "keywords": "; ".join(a.keywords), "library": a.library}
            for a in batch
            if a.review_status is ReviewStatus.RETIRED
        }
        known = self._stamps.get(ids=[f"{self._RETIRED}{a.id}" for a in batch], include=["metadatas"])
        held = {self._retired_of(i): m for i, m in zip(known["ids"], known["metadatas"], strict=True)}
        gone = [article_id for article_id in held if article_id not in names]
        if gone:
            self._stamps.delete(ids=[f"{self._RETIRED}{article_id}" for article_id in gone])
        new = {article_id: m for article_id, m in names.items() if held.get(article_id) != m}
        self._write_retired_names(new)
        return len(gone) + len(new)

    def forget_retired_names(self, library: str, keep: set[str]) -> int:
        """Forget the kept names of a library's retired articles whose files are gone."""
        page = self._stamps.get(where={"library": library}, include=["metadatas"])
        kept = keep | {None}  # None: the stamp record itself
        gone = [i for i in page["ids"] if self._retired_of(i) not in kept]
        if gone:
            self._stamps.delete(ids=gone)
            self._touch()
        return len(gone)

    def retired_names(self) -> list[tuple[str, str, str]]:
        """(article id, title, keywords) of every retired article whose name is kept."""
        page = self._stamps.get(include=["metadatas"])
        return [
            (article_id, str(m.get("title", "")), str(m.get("keywords", "")))
            for i, m in zip(page["ids"], page["metadatas"], strict=True)
            if (article_id := self._retired_of(i)) is not None
        ]

    def remove_articles(self, article_ids: Iterable[str]) -> int:
        """Delete these articles' chunks; returns how many chunks left the index."""
        ids = list(article_ids)
        return self._delete(self._stored_hashes(ids)) if ids else 0

    def _delete(self, stored: dict[str, tuple[str, dict]]) -> int:
        """Delete these stored chunks (as `_stored_hashes` returns them); how many left the index."""
        if stored:
            self.collection.delete(ids=list(stored))
            self._touch()
        return len(stored)

    def article_ids(self, library: str | None = None) -> set[str]:
        """Ids of indexed articles, optionally of one library (bundled, an organisation's folder, medquad...)."""
        page = self.get_all(where={"library": library}) if library else self.get_all()
        return {str(m["article_id"]) for m in page["metadatas"]}

    def libraries_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The library each of these articles is indexed under (absent when not indexed)."""
        return {str(m["article_id"]): str(m.get("library", "")) for _, m in self._stored_hashes(article_ids).values()}

    def article_summaries(self, library: str | None = None) -> list[dict[str, Any]]:
        """One metadata record per indexed article (its first chunk's), optionally of one library."""
        page = self.get_all(where={"library": library}) if library else self.get_all()
        first: dict[str, dict[str, Any]] = {}
        for meta in page["metadatas"]:
            article_id = str(meta["article_id"])
            if article_id not in first or int(meta.get("position", 0)) < int(first[article_id].get("position", 0)):
                first[article_id] = meta
        return list(first.values())

    def set_status(self, article_id: str, status: ReviewStatus, last_updated: dt.date | None = None) -> int:
        """Change an indexed article's review status without re-embedding; retiring removes it."""
        stored = self._stored_hashes([article_id])
        if status is ReviewStatus.RETIRED:
            if stored:  # every chunk carries the article's title, keywords and library
                meta = next(iter(stored.values()))[1]
                name = {k: str(meta.get(k, "")) for k in ("title", "keywords", "library")}
                self._write_retired_names({article_id: name})
            return self._delete(stored)
        if not stored:
            return 0
        updates = {"review_status": status.value}
        if last_updated:
            updates["last_updated"] = last_updated.isoformat()
        self.collection.update(ids=list(stored), metadatas=[{**m, **updates} for _, m in stored.values()])
        self._touch()
        return len(stored)
