"""python -m knowledge as a user runs it: a real subprocess, a store folder of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import write_article


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "DATA_DIR": str(data), "CHROMA_HOST": ""},
    )


def test_ingest_search_batch_and_stats(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    articles = tmp_path / "articles"
    write_article(articles, "zentoria")
    (articles / "broken.md").write_text("---\nid: broken\n---\n## Overview\nno title\n")

    done = run("ingest", str(articles), "--store", store, "--quiet", data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "broken.md: title: Field required" in done.stderr
    assert json.loads(done.stdout)["articles"] == 1

    found = run("search", "elbow splint zentoria", "--k", "3", "--json", "--store", store, data=tmp_path)
    hits = json.loads(found.stdout)
    assert hits[0]["article_id"] == "zentoria" and hits[0]["rank"] == 1
    assert set(hits[0]) == {
        "rank",
        "score",
        "article_id",
        "chunk_id",
        "title",
        "section",
        "evidence_type",
        "review_status",
        "last_updated",
        "url",
        "source_ref",
        "text",
    }

    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "query": "zentoria treatment"}\n{"id": "b", "query": "elbow rest"}\n')
    batch = [
        json.loads(line)
        for line in run(
            "search", "--queries", str(queries), "--k", "2", "--store", store, data=tmp_path
        ).stdout.splitlines()
    ]
    assert [b["id"] for b in batch] == ["a", "b"] and all(b["hits"] for b in batch)

    stats = json.loads(run("stats", "--store", store, data=tmp_path).stdout)
    assert stats["by_status"] == {"approved": 1} and stats["embedding_model"].startswith("all-MiniLM-L6-v2")
    assert stats["store"] == store


def test_import_from_a_folder_uses_its_data_file_or_says_what_is_missing(tmp_path: Path) -> None:
    """A dataset folder is a common thing to pass: it is read when it holds the usual file, refused clearly if not."""
    empty = tmp_path / "medquad"
    empty.mkdir()
    refused = run("import", "medquad", str(empty), "--store", str(tmp_path / "store"), "--quiet", data=tmp_path)
    assert refused.returncode == 2
    assert "is a folder without documents.jsonl" in refused.stderr and "Traceback" not in refused.stderr
