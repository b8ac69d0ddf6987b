"""Several people at once on one `streamlit run`: nobody errors, nobody sees another's conversation.

A small, quick round of benchmarks/load.py's simulated users (Streamlit's own websocket protocol), so
a regression like the page objects once shared between sessions (ui/pages.py) fails a test, not only
the benchmark. Every question carries its session's tag; `round_of` counts a session that sees another
tag, and one that does not see its own, so the check cannot pass vacuously. Timing-dependent races
may not show in a round this small; tests/test_app.py checks that the page objects are per session.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from benchmarks.load import _free_port, round_of, start_server
from knowledge.store import KnowledgeStore


def test_concurrent_sessions_each_see_only_their_own_conversation(
    bundled_store: KnowledgeStore, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(bundled_store.client.get_settings().persist_directory, store)
    port = _free_port()
    server = start_server(store, tmp_path / "data", port, tmp_path / "server.log")
    try:
        result = asyncio.run(round_of(f"ws://127.0.0.1:{port}/_stcore/stream", server.pid, 10, 2, 90.0, 0.0))
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert result["errors"] == 0, result["error_kinds"]
    assert result["answers"] == 20
    assert result["sessions_seeing_another_conversation"] == 0
