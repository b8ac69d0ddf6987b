"""The suite runs with no network, and the embedding model works under that guard."""

from __future__ import annotations

import socket

import pytest

from knowledge.embeddings import MiniLMEmbedder
from tests.conftest import NetworkBlocked


def test_outbound_connections_are_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkBlocked):
        sock.connect(("93.184.215.14", 443))


def test_embedding_model_loads_from_the_installed_package(embedder: MiniLMEmbedder) -> None:
    vectors = embedder.embed(["atrial fibrillation anticoagulation", "DOAC for AF stroke prevention", "gout diet"])
    assert vectors.shape == (3, 384)
    similar, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert similar > unrelated + 0.2
