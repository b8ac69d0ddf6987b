"""First start, as a new user meets it: `streamlit run` on an empty store, a phone-sized browser, one question.

Measured in one run for the shipped vectors (default) and, as the baseline, with SHIPPED_VECTORS=false
(every passage embedded on first start, the previous behaviour). Figures are seconds from launching
`streamlit run` and their ratio to the baseline.

    python -m benchmarks.first_start [--chromium /usr/bin/chromium] [--out first_start.json]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.common import report

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_start(chromium: str, shipped: bool) -> dict[str, float | int | str]:
    """Seconds from `streamlit run` to: server up, persona question shown, first answer shown."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="first-start-"))
    port = _port()
    env = {
        **os.environ,
        "STORE_DIR": str(folder / "store"),
        "DATA_DIR": str(folder / "data"),
        "SHIPPED_VECTORS": "true" if shipped else "false",
        "OPENAI_API_KEY": "",
        "OPENAI_BASE_URL": "",
        "CHROMA_HOST": "",
    }
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = folder / "terminal.log"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 812})
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            server_up = time.perf_counter() - started
            page.goto(f"http://127.0.0.1:{port}")
            page.get_by_role("button", name="A physician").wait_for(timeout=600_000)
            persona_shown = time.perf_counter() - started
            page.get_by_role("button", name="A physician").click()
            box = page.get_by_test_id("stChatInputTextArea")
            box.fill(QUESTION)
            box.press("Enter")
            page.get_by_text("References", exact=True).wait_for(timeout=600_000)
            answered = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(timeout=30)
            browser.close()
    terminal = log.read_text()
    indexed = re.search(r"Indexed .*", terminal)
    return {
        "server_up_s": round(server_up, 1),
        "persona_question_shown_s": round(persona_shown, 1),
        "first_answer_shown_s": round(answered, 1),
        "terminal": indexed.group(0) if indexed else "",
        "progress_lines": len(re.findall(r"passages embedded", terminal)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    shipped = first_start(args.chromium, shipped=True)
    baseline = first_start(args.chromium, shipped=False)
    ratios = {
        key: round(shipped[key] / baseline[key], 2)
        for key in ("persona_question_shown_s", "first_answer_shown_s")
    }
    report({"shipped_vectors": shipped, "baseline_embed_everything": baseline, "ratio_to_baseline": ratios}, args.out)


if __name__ == "__main__":
    main()
