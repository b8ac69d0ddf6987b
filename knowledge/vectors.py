"""Shipped embeddings of the bundled articles, so a first start loads vectors instead of computing them.

The file maps each chunk's content hash (model id + indexed text, as knowledge/store.py computes it) to
its vector, and holds the vectors of every sentence of those chunks too, which the evidence stage compares
with the question on every turn. Only texts whose hash is in the file are taken from it; anything changed
or new goes through the model, with progress reported in counts, and stays in a bounded in-memory cache
(by hash, never by text), so a question embedded by triage is not embedded again by retrieval and a
library's sentences are embedded once per process. Regenerate after editing bundled articles:

    python -m knowledge.vectors          # rewrite knowledge/model/bundled-vectors.npz
    python -m knowledge.vectors --check  # exit 1 when the file is stale (tests/test_vectors.py does the same)
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from knowledge.chunking import chunk_article
from knowledge.embeddings import DIMENSIONS, MiniLMEmbedder, shared_embedder
from knowledge.loaders import BUNDLED_DIR, load_articles
from knowledge.schema import Chunk, ReviewStatus
from knowledge.text import statements

CACHE_PATH = Path(__file__).parent / "model" / "bundled-vectors.npz"
Progress = Callable[[int, int], None]


def text_key(model_id: str, text: str) -> str:
    """The content hash of an indexed text (the same formula as knowledge.store.content_hash)."""
    return hashlib.sha256(f"{model_id}\x00{text}".encode()).hexdigest()[:32]


class VectorCache:
    """Vectors by content hash, for one embedding model."""

    def __init__(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        self.model_id = model_id
        self.vectors = vectors

    @classmethod
    def load(cls, path: Path = CACHE_PATH, model_id: str | None = None) -> VectorCache:
        """The file's vectors, or none when it is missing or was made by another model."""
        if not path.exists():
            return cls(model_id or "", {})
        with np.load(path, allow_pickle=False) as data:
            stored_model = str(data["model_id"])
            if model_id and stored_model != model_id:
                return cls(model_id, {})
            keys = [str(k) for k in data["keys"]]
            return cls(stored_model, dict(zip(keys, data["vectors"], strict=True)))

    def save(self, path: Path = CACHE_PATH) -> None:
        keys = sorted(self.vectors)
        matrix = np.stack([self.vectors[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, DIMENSIONS))
        with path.open("wb") as handle:
            np.savez_compressed(handle, model_id=np.array(self.model_id), keys=np.array(keys), vectors=matrix)


class CachedEmbedder:
    """The embedder behind the store: shipped vectors first, the model for the rest, progress in counts."""

    def __init__(self, inner: MiniLMEmbedder, cache: VectorCache, batch: int = 32, recent: int = 20_000) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.cache = cache if cache.model_id == inner.model_id else VectorCache(inner.model_id, {})
        self.batch = batch
        self.from_cache = 0
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._recent_limit = recent
        self._progress: Progress | None = None
        self._lock = threading.Lock()

    @property
    def calls(self) -> int:
        return self.inner.calls

    @property
    def texts_embedded(self) -> int:
        return self.inner.texts_embedded

    @contextmanager
    def reporting(self, progress: Progress) -> Iterator[None]:
        """Report (done, total) of texts that need the model while the block runs."""
        with self._lock:
            self._progress = progress
        try:
            yield
        finally:
            with self._lock:
                self._progress = None

    def _known(self, key: str) -> np.ndarray | None:
        vector = self.cache.vectors.get(key)
        if vector is None:
            with self._lock:
                vector = self._recent.get(key)
                if vector is not None:
                    self._recent.move_to_end(key)
        return vector

    def _remember(self, keys: list[str], vectors: np.ndarray) -> None:
        with self._lock:
            for key, vector in zip(keys, vectors, strict=True):
                self._recent[key] = vector
            while len(self._recent) > self._recent_limit:
                self._recent.popitem(last=False)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors in input order; only texts neither shipped nor recently embedded are computed."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        keys = [text_key(self.model_id, t) for t in texts]
        missing: list[int] = []
        for row, key in enumerate(keys):
            vector = self._known(key)
            if vector is None:
                missing.append(row)
            else:
                out[row] = vector
        self.from_cache += len(texts) - len(missing)
        progress = self._progress
        step = self.batch if progress else max(len(missing), 1)
        for start in range(0, len(missing), step):
            rows = missing[start : start + step]
            out[rows] = self.inner.embed([texts[r] for r in rows])
            self._remember([keys[r] for r in rows], out[rows])
            if progress:
                progress(start + len(rows), len(missing))
        return out


_shared: CachedEmbedder | None = None
_shared_lock = threading.Lock()


def cached_embedder() -> CachedEmbedder:
    """One cached embedder per process, over the shared model."""
    global _shared
    with _shared_lock:
        if _shared is None:
            inner = shared_embedder()
            _shared = CachedEmbedder(inner, VectorCache.load(CACHE_PATH, inner.model_id))
        return _shared


def _bundled_chunks(paths: Sequence[Path]) -> list[Chunk]:
    articles = [a for a in load_articles(paths).articles if a.review_status is not ReviewStatus.RETIRED]
    return [c for a in articles for c in chunk_article(a)]


def bundled_texts(paths: Sequence[Path] = (BUNDLED_DIR,)) -> list[str]:
    """The indexed text of every chunk of the bundled articles, as the store embeds it (retired ones are not)."""
    return [c.index_text() for c in _bundled_chunks(paths)]


def shipped_texts(paths: Sequence[Path] = (BUNDLED_DIR,)) -> list[str]:
    """Everything the shipped file holds: each chunk's indexed text and each of its sentences."""
    chunks = _bundled_chunks(paths)
    sentences = {s for c in chunks for s in statements(c.text)}
    return sorted({c.index_text() for c in chunks} | sentences)


def stale_keys(cache: VectorCache, model_id: str, texts: Sequence[str]) -> tuple[set[str], set[str]]:
    """(missing, unused): hashes the file lacks for these texts, and hashes it holds that no text has."""
    wanted = {text_key(model_id, t) for t in texts}
    have = set(cache.vectors) if cache.model_id == model_id else set()
    return wanted - have, have - wanted


def regenerate(path: Path = CACHE_PATH, embedder: MiniLMEmbedder | None = None) -> int:
    """Embed every bundled chunk and sentence and write the file; returns how many vectors it holds."""
    embedder = embedder or shared_embedder()
    texts = shipped_texts()
    vectors = embedder.embed(texts)
    keyed = {text_key(embedder.model_id, t): v for t, v in zip(texts, vectors, strict=True)}
    VectorCache(embedder.model_id, keyed).save(path)
    return len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.vectors", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file is stale")
    args = parser.parse_args(argv)
    if args.check:
        embedder = shared_embedder()
        missing, unused = stale_keys(VectorCache.load(CACHE_PATH), embedder.model_id, shipped_texts())
        if missing or unused:
            print(f"{CACHE_PATH} is stale: {len(missing)} texts missing, {len(unused)} unused. "
                  "Run: python -m knowledge.vectors", file=sys.stderr)
            return 1
        print(f"{CACHE_PATH} is current.")
        return 0
    count = regenerate()
    print(f"wrote {count} vectors to {CACHE_PATH} ({CACHE_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
