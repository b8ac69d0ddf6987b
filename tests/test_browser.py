"""The app in headless Chromium against `streamlit run` on 127.0.0.1 (Debian's chromium, via Playwright)."""

from __future__ import annotations

import datetime as dt
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
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


def _streamlit(store: Path, log: Path, **extra: str) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on 127.0.0.1 with this store; its terminal output goes to `log`."""
    port = _free_port()
    env = {
        **os.environ,
        "STORE_DIR": str(store),
        "DATA_DIR": str(store.parent / "data"),
        "HF_HUB_OFFLINE": "1",
        "OPENAI_API_KEY": "",
        "OPENAI_BASE_URL": "",
        "CHROMA_HOST": "",
        **extra,
    }
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("streamlit did not start: " + log.read_text()[-2000:])


@pytest.fixture(scope="module")
def server(bundled_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run` on a copy of the session's bundled index, so two processes never share a store."""
    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(bundled_store.client.get_settings().persist_directory, store)
    process, url = _streamlit(store, store.parent / "streamlit.log")
    try:
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
    page.get_by_role("button", name="A physician").click()
    page.get_by_role("radio", name="A physician").wait_for(state="attached")
    ask(page, GNET_Q)
    page.get_by_text("From the guidelines").wait_for(timeout=120_000)
    page.get_by_text("References", exact=True).wait_for()
    disclaimer = safety.disclaimer(Persona.PHYSICIAN).split(". ")[0]
    page.get_by_test_id("stChatMessage").filter(has_text=disclaimer).wait_for(timeout=60_000)
    expander = page.get_by_text("Cited passage [1.1]").first
    expander.click()
    passage = page.get_by_test_id("stExpanderDetails").first
    passage.wait_for()
    assert "GNET" in passage.inner_text() or "sarcoma" in passage.inner_text()
    if os.environ.get("SCREENSHOT_PATH"):
        page.get_by_test_id("stChatMessage").first.scroll_into_view_if_needed()
        page.screenshot(path=os.environ["SCREENSHOT_PATH"], full_page=False)

    clicked = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with page.expect_download() as download_info:
        page.get_by_test_id("stDownloadButton").filter(has_text="Markdown").click()
    saved = tmp_path / "transcript.md"
    download_info.value.save_as(saved)
    text = saved.read_text()
    assert re.fullmatch(r"transcript-\d{8}-\d{6}\.md", download_info.value.suggested_filename)
    exported = re.search(r"Exported: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC", text)
    assert exported and dt.datetime.fromisoformat(exported.group(1) + "+00:00") >= clicked, "made at the click"
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


@pytest.fixture(scope="module")
def first_start(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A first start: `streamlit run` on an empty store, as after a fresh clone."""
    folder = tmp_path_factory.mktemp("first-start")
    process, url = _streamlit(folder / "store", folder / "streamlit.log")
    try:
        yield url, folder / "streamlit.log"
    finally:
        process.terminate()
        process.wait(timeout=20)


class _Leak(http.server.BaseHTTPRequestHandler):
    """Counts every request: hostile markup must never make the browser fetch anything from here."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        _Leak.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_first_start_to_first_answer_at_phone_width(first_start: tuple[str, Path], browser: object) -> None:
    url, log = first_start
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url)
    prompt = page.get_by_test_id("stMainBlockContainer").get_by_text("Which best describes you?")
    prompt.wait_for(timeout=180_000)
    assert prompt.is_visible(), "on a phone the persona question is on the first screen, not in the sidebar"
    patient = page.get_by_role("button", name="A patient", exact=True)
    patient.wait_for(state="visible", timeout=60_000)  # the buttons can arrive a frame after the question's text
    assert patient.is_visible() and patient.bounding_box()["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "nothing wider than the phone"
    assert patient.bounding_box()["y"] + patient.bounding_box()["height"] <= 812, "on the first screen, no scrolling"
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["SCREENSHOT_DIR"]) / "phone-first-screen.png"))
    patient.click()
    ask(page, "How is atrial fibrillation anticoagulation decided?")
    disclaimer = safety.disclaimer(Persona.PATIENT).split(". ")[0]
    page.get_by_text(disclaimer).wait_for(timeout=180_000)
    reply = page.get_by_test_id("stChatMessage").filter(has_text=disclaimer).inner_text()
    assert "References" in reply
    assert "Demo content — not clinically reviewed" in reply and "Approved" not in reply
    page.get_by_role("button", name="Review path").first.click()
    page.get_by_text("has not been through clinical review").wait_for()
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_test_id("stChatMessage").get_by_role("link", name="Editorial policy").first.click()
    page.get_by_role("heading", name="Who reviews").wait_for(timeout=60_000)
    page.get_by_role("link", name="Back to the conversation").click()
    page.get_by_text(disclaimer).wait_for(timeout=60_000), "the conversation survives a look at the policy"
    terminal = log.read_text()
    assert "Indexed 45 articles" in terminal or re.search(r"Indexed \d+ articles", terminal)
    assert re.search(r", 0 embedded now, \d+ from the shipped vectors", terminal), terminal[-1500:]
    assert "deprecat" not in terminal.lower(), "no deprecated Streamlit API at run time"
    direct = context.new_page()
    direct.goto(f"{url}/editorial-policy")
    direct.get_by_role("heading", name="Who reviews").wait_for(timeout=60_000)
    context.close()


def test_a_hostile_question_is_shown_as_text_and_fetches_nothing(server: str, browser: object) -> None:
    leak = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Leak)
    threading.Thread(target=leak.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{leak.server_address[1]}"
    question = (
        f"{GNET_Q} ![x]({host}/md.png) <img src='{host}/html.png'> :green-badge[Approved] :smile: :material/check:\n"
        "## Articles cited (audit trail)\n"
        f"[click]({host}/link) {host}/bare"
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    page.goto(server)
    page.get_by_role("button", name="A physician").click()
    page.get_by_role("radio", name="A physician").wait_for(state="attached")
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.get_by_test_id("stChatMessage").nth(1).wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    asked = page.get_by_test_id("stChatMessage").first
    shown = asked.inner_text().replace("\u200b", "")  # zero-width spaces that break autolinks
    assert "![x](" in shown and ":green-badge[Approved]" in shown and "## Articles cited" in shown
    assert "smile:" in shown and "😄" not in shown
    assert asked.get_by_test_id("stChatMessageContent").get_by_test_id("stIconMaterial").count() == 0
    forged = asked.locator("img, h1, h2, h3, a, script, .stMarkdownBadge, .stMarkdownColoredText")
    assert forged.count() == 0, [forged.nth(i).evaluate("e => e.outerHTML") for i in range(forged.count())]
    page.get_by_text("Demo content — not clinically reviewed").first.wait_for(timeout=120_000)
    badges = page.get_by_test_id("stChatMessage").nth(1).locator(".stMarkdownBadge")
    assert badges.count() >= 1, "the selector finds a real badge, so its absence above means something"
    time.sleep(1.0)
    leak.shutdown()
    assert _Leak.hits == [], "the page fetched something a question asked for"
    context.close()


def test_llm_stream_shows_model_markup_as_text(bundled_store: KnowledgeStore, tmp_path: Path, browser: object) -> None:
    from tests.fake_openai import FakeOpenAI, Reply
    from tests.test_llm_mode import grounded_reply

    leak = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Leak)
    threading.Thread(target=leak.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{leak.server_address[1]}"
    _Leak.hits.clear()

    def hostile(body: dict) -> str:
        marks = f"![p]({host}/stream.png) <img src='{host}/html.png'> [go]({host}/link) :red[x] ## Not a heading"
        return grounded_reply(body).replace("GUIDELINES:\n", f"GUIDELINES:\n- Resection is the mainstay {marks} [1].\n")

    store = tmp_path / "store"
    shutil.copytree(bundled_store.client.get_settings().persist_directory, store)
    with FakeOpenAI([Reply(text=hostile, chunk_size=8, chunk_delay=0.08)]) as fake:
        process, url = _streamlit(
            store,
            tmp_path / "streamlit.log",
            OPENAI_BASE_URL=fake.base_url,
            OPENAI_MODEL="fake-model",
            OPENAI_API_KEY="test",
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.goto(url)
            page.get_by_role("button", name="A physician").click()
            page.get_by_role("radio", name="A physician").wait_for(state="attached")
            ask(page, GNET_Q)
            forged: list[str] = []
            saw_stream = False
            deadline = time.time() + 180
            while time.time() < deadline and not page.get_by_text("References", exact=True).count():
                reply = page.get_by_test_id("stChatMessage").nth(1)
                if reply.count():
                    saw_stream = saw_stream or "mainstay" in reply.inner_text()
                    # Code-made links (the editorial-policy page link, a reference's DOI or PubMed link from its
                    # metadata, drawn in the same run since the answer no longer waits for a rerun) are not
                    # model text: a forged link is one pointing where the model's text pointed.
                    model_text = "img, h2, .stMarkdownColoredText, a:not([data-testid='stPageLink-NavLink'])"
                    forged += [
                        html
                        for html in reply.locator(model_text).evaluate_all("els => els.map(e => e.outerHTML)")
                        if not html.startswith("<a") or host in html
                    ]
                time.sleep(0.05)
            page.get_by_text("References", exact=True).wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
        finally:
            process.terminate()
            process.wait(timeout=20)
    leak.shutdown()
    assert saw_stream, "the stream was seen while it generated"
    assert forged == [], forged
    assert _Leak.hits == [], "the stream made the browser fetch what the model wrote"
