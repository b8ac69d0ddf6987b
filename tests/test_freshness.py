"""Freshness across processes: a decision made in one app process is retrievable in another within 5 s.

Two processes share a real `chroma run` server (CHROMA_TEST_HOST/PORT, started by .ci/run). The other
process has already built its lexical index; a status change leaves the collection's size alone, so only
the shared version stamp can tell it to look again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from knowledge.db import connect, sqlite_url
from knowledge.editorial import Action, EditorialBoard
from knowledge.embeddings import MiniLMEmbedder
from knowledge.ingest import sync_articles
from knowledge.schema import ReviewStatus
from knowledge.store import KnowledgeStore, make_client
from tests.conftest import ROOT
from tests.helpers import write_article

HOST = os.environ.get("CHROMA_TEST_HOST")
PORT = int(os.environ.get("CHROMA_TEST_PORT", "8765"))
pytestmark = pytest.mark.skipif(
    not HOST, reason="CHROMA_TEST_HOST is not set: start `chroma run --host 127.0.0.1 --port 8765` (.ci/run does)"
)
QUESTION = "How is zentoria of the elbow treated?"

# The other process: warm its indexes, say "ready", then on each "look" poll both sides for up to 5 s.
OTHER = r"""
import json, sys, time
from knowledge.embeddings import shared_embedder
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore, make_client
host, port, name, question = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
retriever = HybridRetriever(KnowledgeStore(make_client(host=host, port=port), shared_embedder(), name))
def found(mode):
    return any(h.article_id == "zentoria" for h in retriever.search(question, k=5, mode=mode))
print(json.dumps({"lexical": found("lexical"), "dense": found("dense")}), flush=True)
for line in sys.stdin:
    want = line.strip() == "present"
    start = time.monotonic()
    while True:
        seen = {"lexical": found("lexical"), "dense": found("dense")}
        if all(v == want for v in seen.values()) or time.monotonic() - start > 5.0:
            break
        time.sleep(0.1)
    print(json.dumps(seen), flush=True)
"""


def test_a_decision_in_one_process_reaches_another_within_five_seconds(
    tmp_path: Path, embedder: MiniLMEmbedder
) -> None:
    name = f"fresh-{uuid.uuid4().hex[:8]}"
    client = make_client(host=HOST, port=PORT)
    store = KnowledgeStore(client, embedder, name)
    other = None
    try:
        write_article(tmp_path / "articles", "zentoria", status="submitted")
        sync_articles(store, [tmp_path / "articles"])
        board = EditorialBoard(connect(sqlite_url(tmp_path / "state.sqlite3")), store, tmp_path / "articles")
        other = subprocess.Popen(
            [sys.executable, "-c", OTHER, str(HOST), str(PORT), name, QUESTION],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        assert other.stdin is not None and other.stdout is not None
        assert json.loads(other.stdout.readline()) == {"lexical": False, "dense": False}

        board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
        board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
        other.stdin.write("present\n")
        other.stdin.flush()
        assert json.loads(other.stdout.readline()) == {"lexical": True, "dense": True}

        board.decide("zentoria", Action.RETURN, "Dr Bo", ReviewStatus.APPROVED, note="check the dose")
        other.stdin.write("absent\n")
        other.stdin.flush()
        assert json.loads(other.stdout.readline()) == {"lexical": False, "dense": False}
    finally:
        if other is not None:
            other.kill()
            other.wait()
        client.delete_collection(name)
        client.delete_collection(f"{name}-stamp")
