"""Hybrid search: dense (Chroma) and lexical (BM25) rankings fused, then clinical preferences.

Local Chroma has no ranked full-text search, so BM25 runs in the process over the same chunks.
Reciprocal rank fusion needs no score calibration between the two; after it, sections that match the
question's intent and guideline sources get small bonuses, enough to reorder results of comparable
relevance and never enough to lift an unrelated passage over a relevant one.
"""

from __future__ import annotations

import threading
from collections.abc import Collection as Coll
from dataclasses import dataclass, field

import bm25s
import numpy as np
import Stemmer

from knowledge.intent import query_intents, section_intent
from knowledge.schema import Chunk, EvidenceType, Hit, ReviewStatus
from knowledge.store import KnowledgeStore

RRF_K = 60
GUIDELINE_TYPES = frozenset({EvidenceType.GUIDELINE})


@dataclass(frozen=True)
class RetrievalWeights:
    """Fusion knobs, measured in benchmarks/retrieval.py."""

    dense: float = 1.0
    lexical: float = 1.0
    intent_bonus: float = 0.3
    guideline_bonus: float = 0.15
    candidates: int = 60


@dataclass
class _LexicalIndex:
    version: tuple[int, int]
    chunks: list[Chunk]
    retriever: bm25s.BM25
    statuses: np.ndarray
    intents: list[str | None] = field(default_factory=list)


class HybridRetriever:
    """Search over a KnowledgeStore; only approved chunks unless a caller asks otherwise."""

    def __init__(self, store: KnowledgeStore, weights: RetrievalWeights | None = None) -> None:
        self.store = store
        self.weights = weights or RetrievalWeights()
        self._stemmer = Stemmer.Stemmer("english")
        self._lock = threading.Lock()
        self._index: _LexicalIndex | None = None

    def _tokenize(self, texts: list[str]) -> list[list[str]]:
        return bm25s.tokenize(texts, stopwords="en", stemmer=self._stemmer, return_ids=False, show_progress=False)

    def lexical_index(self) -> _LexicalIndex:
        """BM25 over every indexed chunk, rebuilt when the store changed since it was built."""
        version = (self.store.version, self.store.count())
        with self._lock:
            if self._index is None or self._index.version != version:
                chunks = self.store.all_chunks()
                retriever = bm25s.BM25()
                if chunks:
                    retriever.index(self._tokenize([c.index_text() for c in chunks]), show_progress=False)
                statuses = np.array([c.review_status.value for c in chunks], dtype=object)
                intents = [section_intent(c.section) for c in chunks]
                self._index = _LexicalIndex(version, chunks, retriever, statuses, intents)
            return self._index

    def term_weights(self, terms: Coll[str]) -> dict[str, float]:
        """Inverse document frequency of stemmed terms over the indexed chunks: rare words weigh more."""
        index = self.lexical_index()
        n = max(len(index.chunks), 1)
        vocab = index.retriever.vocab_dict if index.chunks else {}
        indptr = index.retriever.scores["indptr"] if index.chunks else None
        weights = {}
        for term in terms:
            position = vocab.get(term)
            df = int(indptr[position + 1] - indptr[position]) if position is not None and indptr is not None else 0
            weights[term] = float(np.log((n + 1) / (df + 0.5)))
        return weights

    def _lexical(self, question: str, statuses: Coll[str], n: int) -> list[Chunk]:
        index = self.lexical_index()
        if not index.chunks:
            return []
        tokens = self._tokenize([question])[0]
        if not tokens:
            return []
        scores = index.retriever.get_scores(tokens)
        scores = np.where(np.isin(index.statuses, list(statuses)), scores, 0.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        return [index.chunks[i] for i in top if scores[i] > 0]

    def _dense(self, vector: np.ndarray, statuses: Coll[str], n: int) -> list[Chunk]:
        """Nearest chunks of the wanted statuses.

        Chroma's metadata pre-filter costs several times the vector search itself here, and nearly
        every indexed chunk is approved, so the search runs unfiltered with headroom and filters after;
        only when too few survive does it ask Chroma to filter.
        """
        if self.store.count() == 0:
            return []
        include = ["metadatas", "documents"]
        result = self.store.collection.query(query_embeddings=vector, n_results=n * 2, include=include)
        chunks = self._chunks(result, statuses)
        if len(chunks) < n and len(result["ids"][0]) == n * 2:
            where = {"review_status": {"$in": list(statuses)}}
            result = self.store.collection.query(query_embeddings=vector, n_results=n, where=where, include=include)
            chunks = self._chunks(result, statuses)
        return chunks[:n]

    @staticmethod
    def _chunks(result: dict, statuses: Coll[str]) -> list[Chunk]:
        return [
            Chunk.from_stored(i, t, m)
            for i, t, m in zip(result["ids"][0], result["documents"][0], result["metadatas"][0], strict=True)
            if m.get("review_status") in statuses
        ]

    def search(
        self,
        question: str,
        k: int = 10,
        statuses: Coll[ReviewStatus | str] = (ReviewStatus.APPROVED,),
        mode: str = "hybrid",
    ) -> list[Hit]:
        """Best chunks first. mode: hybrid, dense or lexical (the last two for measurement)."""
        wanted = {ReviewStatus(s).value for s in statuses}
        n = max(self.weights.candidates, k)
        vector = self.store.embedder.embed([question]) if mode != "lexical" else None
        dense = self._dense(vector, wanted, n) if vector is not None else []
        lexical = self._lexical(question, wanted, n) if mode in ("hybrid", "lexical") else []
        scores: dict[str, float] = {}
        chunks: dict[str, Chunk] = {}
        for weight, ranking in ((self.weights.dense, dense), (self.weights.lexical, lexical)):
            for rank, chunk in enumerate(ranking):
                scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + weight / (RRF_K + rank + 1)
                chunks[chunk.chunk_id] = chunk
        if mode == "hybrid":
            self._prefer(question, scores, chunks)
        ordered = sorted(scores, key=lambda cid: -scores[cid])
        # The store has the last word on status: an editor may have changed it since indexing.
        current = self.store.chunks_by_id(ordered[: k * 2], with_vectors=vector is not None)
        hits: list[Hit] = []
        for chunk_id in ordered[: k * 2]:
            chunk, stored_vector = current.get(chunk_id, (None, None))
            if chunk is None or chunk.review_status.value not in wanted:
                continue
            similarity = None
            if vector is not None and stored_vector is not None:
                similarity = float(np.asarray(stored_vector) @ vector[0])
            hits.append(
                Hit(
                    **chunk.model_dump(),
                    rank=len(hits) + 1,
                    score=round(scores[chunk_id], 6),
                    similarity=None if similarity is None else round(similarity, 4),
                )
            )
            if len(hits) == k:
                break
        return hits

    def _prefer(self, question: str, scores: dict[str, float], chunks: dict[str, Chunk]) -> None:
        """Intent-matching sections and guideline sources first, at comparable relevance."""
        unit = 1.0 / (RRF_K + 1)
        intents = query_intents(question)
        for chunk_id, chunk in chunks.items():
            if intents and section_intent(chunk.section) in intents:
                scores[chunk_id] += self.weights.intent_bonus * unit
            if chunk.evidence_type in GUIDELINE_TYPES and chunk.section.lower() != "research evidence":
                scores[chunk_id] += self.weights.guideline_bonus * unit
