"""Chroma server credentials: the app sends CHROMA_TOKEN; a token-checking proxy in front of `chroma run` admits
it and refuses a wrong or missing one. (Chroma 1.5's Rust server has no auth of its own: README, "Running
against a Chroma server".)"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.wiring import open_store
from knowledge.ingest import sync_articles
from tests.helpers import write_article
from tests.token_proxy import TokenProxy

TOKEN = "s3cret-token-for-tests"


def _chroma_executable() -> str | None:
    beside = Path(sys.executable).with_name("chroma")
    return str(beside) if beside.exists() else shutil.which("chroma")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A real `chroma run` on 127.0.0.1 for this module."""
    executable = _chroma_executable()
    if executable is None:
        pytest.skip("the `chroma` command (installed with chromadb) is not on PATH")
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    with (folder / "server.log").open("wb") as logfile:
        server = subprocess.Popen(
            [executable, "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=logfile,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"chroma run did not start: {(folder / 'server.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _settings(port: int, token: str | None, header: str = "Authorization") -> Settings:
    return Settings(
        _env_file=None,
        chroma_host="127.0.0.1",
        chroma_port=port,
        chroma_token=token,
        chroma_auth_header=header,
        chroma_collection=f"auth-{uuid.uuid4().hex[:8]}",
    )


def test_the_token_is_sent_and_the_store_works_through_the_proxy(chroma_port: int, tmp_path: Path) -> None:
    with TokenProxy(chroma_port, f"Bearer {TOKEN}") as proxy:
        store = open_store(_settings(proxy.port, TOKEN))
        write_article(tmp_path, "zentoria")
        assert sync_articles(store, [tmp_path]).report.articles == 1
        assert store.count() > 0
    assert proxy.seen and all(value == f"Bearer {TOKEN}" for value in proxy.seen)
    assert proxy.refused == 0


def test_a_custom_header_carries_the_bare_token(chroma_port: int) -> None:
    with TokenProxy(chroma_port, TOKEN, header="X-Chroma-Token") as proxy:
        store = open_store(_settings(proxy.port, TOKEN, header="X-Chroma-Token"))
        assert store.count() == 0
    assert proxy.seen and set(proxy.seen) == {TOKEN}


@pytest.mark.parametrize("token", ["wrong-token", None])
def test_a_wrong_or_missing_token_is_refused(chroma_port: int, token: str | None) -> None:
    with TokenProxy(chroma_port, f"Bearer {TOKEN}") as proxy:
        with pytest.raises(Exception) as refused:
            open_store(_settings(proxy.port, token))
    assert proxy.refused >= 1
    assert TOKEN not in str(refused.value)
