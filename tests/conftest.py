"""Shared fixtures. Tests reach nothing but this machine: the guard below fails any other connection."""

from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from knowledge.db import Database, connect, sqlite_url  # noqa: E402
from knowledge.embeddings import MiniLMEmbedder, shared_embedder  # noqa: E402
from knowledge.ingest import sync_articles  # noqa: E402
from knowledge.retrieval import HybridRetriever  # noqa: E402
from knowledge.store import KnowledgeStore, make_client  # noqa: E402
from knowledge.vectors import CACHE_PATH, CachedEmbedder, VectorCache  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
_real_connect = socket.socket.connect


class NetworkBlocked(OSError):
    """Raised when a test tries to leave the machine."""


def _loopback(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # unix sockets
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _loopback(address):
        raise NetworkBlocked(f"tests may not reach {address!r}: no network here, nor in many hospitals")
    _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Every test runs with outbound connections refused."""
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbedder:
    return shared_embedder()


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory: pytest.TempPathFactory, embedder: MiniLMEmbedder) -> KnowledgeStore:
    """The bundled sample articles indexed once for the session (from the shipped vectors); tests must not modify it."""
    cached = CachedEmbedder(embedder, VectorCache.load(CACHE_PATH, embedder.model_id))
    store = KnowledgeStore(make_client(tmp_path_factory.mktemp("bundled")), cached)  # type: ignore[arg-type]
    result = sync_articles(store)
    assert not result.errors, result.errors
    return store


@pytest.fixture(scope="session")
def bundled_retriever(bundled_store: KnowledgeStore) -> HybridRetriever:
    return HybridRetriever(bundled_store)


@pytest.fixture
def fresh_store(tmp_path: Path, embedder: MiniLMEmbedder) -> KnowledgeStore:
    """An empty embedded store of the test's own."""
    return KnowledgeStore(make_client(tmp_path / "store"), embedder)


def data_path(variable: str) -> Path:
    """A shared dataset path from the environment, or a skip that says how to set it."""
    value = os.environ.get(variable)
    if not value:
        pytest.skip(f"{variable} is not set: point it at ../shared/data (.ci/run does this)")
    path = Path(value)
    if not path.exists():
        pytest.skip(f"{variable}={value} does not exist")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The shared-state database on both backends: an SQLite file, and a fresh schema in a real PostgreSQL."""
    if request.param == "sqlite":
        yield connect(sqlite_url(tmp_path / "state.sqlite3"))
        return
    url = os.environ.get("POSTGRES_TEST_URL")
    if not url:
        pytest.skip("POSTGRES_TEST_URL is not set: run .ci/postgres (.ci/run does) to start a throwaway PostgreSQL")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield connect(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}")
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
