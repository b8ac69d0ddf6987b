"""How many people one server serves: concurrent chat sessions against one `streamlit run` on 127.0.0.1.

Each simulated user speaks Streamlit's own browser protocol over the websocket (/_stcore/stream): it
loads the page, types questions into the chat input as the browser would (a BackMsg with the widget's
value), and waits until the page shows the finished answer (its disclaimer) at the end of a script run.
Reported per session count: p50/p95/max time from sending a question to the complete answer on the
page, errors (timeouts, st.error, uncaught exceptions), the server's memory (RSS of the process), and
whether any session ever saw text of another session's conversation (every question carries its
session's tag).

    python -m benchmarks.load --sessions 1 10 30 --turns 3 --out .benchmarks/load.json

The one-session round is the baseline measured in the same run: each round's p95 is also given as a
multiple of the one-session p50, which carries over to other machines better than seconds do.

Bounded: at most --max-sessions sessions, each turn gives up after --turn-timeout seconds, the whole
run after --deadline seconds. Not a test: results depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from assistant import safety
from assistant.models import Persona
from benchmarks.common import percentile, report

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = (
    "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?",
    "DOAC choice in atrial fibrillation with CKD?",
    "What are the four pillars of HFrEF therapy?",
    "First-line antibiotics for community-acquired pneumonia?",
    "How is gout treated during a flare?",
    "What is the first-line treatment for migraine attacks?",
)
DISCLAIMER = safety.disclaimer(Persona.PHYSICIAN)
TAG = re.compile(r"\(session (\d+)\)")


@dataclass
class SessionResult:
    """What one simulated user saw."""

    number: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    foreign_tags: set[int] = field(default_factory=set)


def _texts(msg: ForwardMsg) -> list[tuple[str, str]]:
    """(kind, text) of the elements a delta shows that matter here."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return []
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "markdown":
        return [("markdown", element.markdown.body)]
    if kind == "alert" and element.alert.format == Alert.ERROR:
        return [("error", element.alert.body)]
    if kind == "exception":
        return [("exception", element.exception.type)]
    if kind == "chat_input":
        return [("chat_input", element.chat_input.id)]
    if kind == "button":
        return [("button", element.button.id)]
    return []


class Browser:
    """One user's websocket session, replaying what the browser sends and keeping what the page shows."""

    def __init__(self, url: str, number: int, turn_timeout: float) -> None:
        self.url = url
        self.number = number
        self.turn_timeout = turn_timeout
        self.cache: dict[str, ForwardMsg] = {}
        self.chat_id: str | None = None
        self.page_hash = ""
        self.ws: websockets.ClientConnection | None = None

    async def __aenter__(self) -> Browser:
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=60)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _send(self, widgets: list[WidgetState] | None = None) -> None:
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.page_script_hash = self.page_hash
        for widget in widgets or []:
            back.rerun_script.widget_states.widgets.append(widget)
        assert self.ws is not None
        await self.ws.send(back.SerializeToString())

    async def run(self, widgets: list[WidgetState] | None = None) -> list[tuple[str, str]]:
        """Send one rerun and collect what the page shows until a script run finishes normally."""
        await self._send(widgets)
        shown: list[tuple[str, str]] = []
        deadline = time.monotonic() + self.turn_timeout
        assert self.ws is not None
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=max(0.1, deadline - time.monotonic()))
            msg = ForwardMsg.FromString(raw)
            if msg.hash:
                self.cache[msg.hash] = msg
            if msg.WhichOneof("type") == "ref_hash" and msg.ref_hash in self.cache:
                msg = self.cache[msg.ref_hash]
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                shown = []  # a new script run starts a new page
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return shown
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RuntimeError("the app failed to compile")
            for item in _texts(msg):
                if item[0] == "chat_input":
                    self.chat_id = item[1]
                shown.append(item)

    async def ask(self, question: str, answers_expected: int) -> tuple[float, list[tuple[str, str]]]:
        """Type a question; returns the seconds until the page shows the finished answer, and the page."""
        widget = WidgetState(id=self.chat_id or "")
        widget.chat_input_value.data = question
        started = time.perf_counter()
        shown = await self.run([widget])
        while sum(DISCLAIMER in text for kind, text in shown if kind == "markdown") < answers_expected:
            if any(kind in ("error", "exception") for kind, _ in shown):
                break
            shown = await self.run()  # the answer run ends in st.rerun(); the next run shows it
        return time.perf_counter() - started, shown


async def user(url: str, number: int, turns: int, turn_timeout: float, think: float) -> SessionResult:
    """One person: opens the page, asks `turns` questions in a row, reading for `think` seconds between."""
    result = SessionResult(number)
    try:
        async with Browser(url, number, turn_timeout) as browser:
            first = await browser.run()
            persona = next((i for k, i in first if k == "button" and i.endswith("choose-physician")), None)
            if persona:  # the first screen asks who is asking
                await browser.run([WidgetState(id=persona, trigger_value=True)])
            if browser.chat_id is None:
                result.errors.append("no chat input on the page")
                return result
            for turn in range(turns):
                question = f"{QUESTIONS[(number + turn) % len(QUESTIONS)]} (session {number})"
                seconds, shown = await browser.ask(question, turn + 1)
                texts = [text for _, text in shown]
                tags = {int(t) for text in texts for t in TAG.findall(text)}
                result.foreign_tags |= tags - {number}
                if number not in tags:  # the check below is only worth something if the page shows our own turns
                    result.errors.append("the session's own conversation is not on its page")
                errors = [t for k, t in shown if k in ("error", "exception")]
                answered = sum(DISCLAIMER in t for t in texts) >= turn + 1
                if errors or not answered:
                    result.errors.append(errors[0] if errors else "no finished answer on the page")
                else:
                    result.latencies.append(seconds)
                if think:
                    await asyncio.sleep(think)
    except (TimeoutError, OSError, websockets.WebSocketException, RuntimeError) as exc:
        result.errors.append(type(exc).__name__)
    return result


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def round_of(url: str, pid: int, sessions: int, turns: int, turn_timeout: float, think: float) -> dict:
    """`sessions` users at once; the server's memory sampled while they talk."""
    peak = rss_mb(pid)
    before = peak
    cpu_before = cpu_seconds(pid)
    started = time.perf_counter()
    tasks = [asyncio.create_task(user(url, n, turns, turn_timeout, think)) for n in range(sessions)]
    while not all(t.done() for t in tasks):
        peak = max(peak, rss_mb(pid))
        await asyncio.sleep(0.2)
    results = [t.result() for t in tasks]
    latencies = [s for r in results for s in r.latencies]
    return {
        "sessions": sessions,
        "turns_per_session": turns,
        "answers": len(latencies),
        "p50_s": percentile(latencies, 0.5) if latencies else None,
        "p95_s": percentile(latencies, 0.95) if latencies else None,
        "max_s": round(max(latencies), 1) if latencies else None,
        "errors": sum(len(r.errors) for r in results),
        "error_kinds": sorted({e[:80] for r in results for e in r.errors}),
        "sessions_seeing_another_conversation": sum(bool(r.foreign_tags) for r in results),
        "server_rss_mb_before": round(before),
        "server_rss_mb_peak": round(max(peak, rss_mb(pid))),
        "wall_s": round(time.perf_counter() - started, 1),
        "server_cpu_s_per_answer": round((cpu_seconds(pid) - cpu_before) / len(latencies), 2) if latencies else None,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: Path, data: Path, port: int, log: Path) -> subprocess.Popen:
    """One `streamlit run` on 127.0.0.1, offline mode, on a prepared store."""
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST")}
    env.update(STORE_DIR=str(store), DATA_DIR=str(data), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with log.open("wb") as handle:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    server.kill()
    raise SystemExit(f"streamlit did not start; see {log}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sessions", type=int, nargs="+", default=[1, 10, 30], help="concurrent sessions per round (1 = baseline)"
    )
    parser.add_argument("--turns", type=int, default=3, help="questions each session asks")
    parser.add_argument("--think", type=float, default=0.0, help="seconds a user reads before the next question")
    parser.add_argument("--turn-timeout", type=float, default=60.0)
    parser.add_argument("--deadline", type=float, default=900.0, help="seconds for the whole run")
    parser.add_argument("--max-sessions", type=int, default=60)
    parser.add_argument("--store", help="an ingested store folder (default: a fresh one, ingested first)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if max(args.sessions) > args.max_sessions:
        parser.error(f"at most {args.max_sessions} sessions")

    work = Path(tempfile.mkdtemp(prefix="load-"))
    store = Path(args.store) if args.store else work / "store"
    if not args.store:
        subprocess.run(
            [sys.executable, "-m", "knowledge", "ingest", "--store", str(store), "--quiet"],
            cwd=ROOT,
            env={**os.environ, "DATA_DIR": str(work / "data")},
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = _free_port()
    server = start_server(store, work / "data", port, work / "server.log")
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    figures: dict = {"cpus": os.cpu_count(), "load_average_at_start": [round(x, 1) for x in os.getloadavg()]}
    try:
        warm = asyncio.run(round_of(url, server.pid, 1, 1, args.turn_timeout * 3, 0))  # loads model and index
        figures["warm_up"] = {"p50_s": warm["p50_s"], "errors": warm["errors"], "rss_mb": warm["server_rss_mb_peak"]}
        rounds = []
        started = time.monotonic()
        for sessions in args.sessions:
            if time.monotonic() - started > args.deadline:
                rounds.append({"sessions": sessions, "skipped": "deadline reached"})
                continue
            rounds.append(
                asyncio.run(round_of(url, server.pid, sessions, args.turns, args.turn_timeout, args.think))
            )
        baseline = next((r["p50_s"] for r in rounds if r.get("sessions") == 1 and r.get("p50_s")), None)
        for r in rounds:
            if baseline and r.get("p95_s"):
                r["p95_vs_one_session_p50"] = round(r["p95_s"] / baseline, 1)
        figures["rounds"] = rounds
        figures["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    report(figures, args.out)
    bad = any(r.get("errors") or r.get("sessions_seeing_another_conversation") for r in figures["rounds"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
