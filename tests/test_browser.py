"""The app in headless Chromium against `streamlit run` on 127.0.0.1 (Debian's chromium, via Playwright)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import safety
from assistant.models import Persona
from knowledge.store import KnowledgeStore
from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed (.ci/run installs it)"),
]
GNET_Q = "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(bundled_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run` on a copy of the session's bundled index, so two processes never share a store."""
    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(bundled_store.client.get_settings().persist_directory, store)
    port = _free_port()
    env = {
        **os.environ,
        "STORE_DIR": str(store),
        "DATA_DIR": str(store.parent / "data"),
        "HF_HUB_OFFLINE": "1",
        "OPENAI_API_KEY": "",
        "OPENAI_BASE_URL": "",
        "CHROMA_HOST": "",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "streamlit_app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def ask(page: object, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def test_gnet_question_end_to_end(server: str, browser: object, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1800}, accept_downloads=True)
    page = context.new_page()
    page.goto(server)
    page.get_by_text("Which best describes you?").wait_for(timeout=120_000)
    ask(page, GNET_Q)
    page.get_by_text("From the guidelines").wait_for(timeout=120_000)
    page.get_by_text("References", exact=True).wait_for()
    disclaimer = safety.disclaimer(Persona.PHYSICIAN)
    assert disclaimer.split(". ")[0] in page.get_by_test_id("stChatMessage").last.inner_text()
    expander = page.get_by_text("Cited passage [1]").first
    expander.click()
    passage = page.get_by_test_id("stExpanderDetails").first
    passage.wait_for()
    assert "GNET" in passage.inner_text() or "sarcoma" in passage.inner_text()
    if os.environ.get("SCREENSHOT_PATH"):
        page.get_by_test_id("stChatMessage").first.scroll_into_view_if_needed()
        page.screenshot(path=os.environ["SCREENSHOT_PATH"], full_page=False)

    with page.expect_download() as download_info:
        page.get_by_test_id("stDownloadButton").filter(has_text="Markdown").click()
    saved = tmp_path / "transcript.md"
    download_info.value.save_as(saved)
    text = saved.read_text()
    assert GNET_Q in text and "**References**" in text and "[1]" in text
    assert safety.disclaimer(Persona.PHYSICIAN) in text and "Articles cited (audit trail)" in text

    other = browser.new_context(viewport={"width": 375, "height": 812})
    stranger = other.new_page()
    stranger.goto(server)
    stranger.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
    time.sleep(1.0)
    assert stranger.get_by_text("From the guidelines").count() == 0, "another browser sees a private conversation"
    assert stranger.get_by_test_id("stChatMessage").count() == 0
    assert stranger.get_by_test_id("stChatInputTextArea").is_visible()
    other.close()
    context.close()
