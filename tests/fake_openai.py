"""A fake OpenAI-compatible server: real HTTP on 127.0.0.1, scripted replies, streaming SSE.

Each request takes the next scripted behaviour (the last one repeats), so a test can say
"429 with Retry-After, then a streamed answer" and let the real `openai` client meet it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted response."""

    text: str | Callable[[dict], str] = ""  # or a function of the request body
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the response starts
    cut_after: int | None = None  # close the stream after this many chunks, without [DONE]
    chunk_size: int = 12
    chunk_delay: float = 0.0
    error_message: str = ""  # the error body's message for status != 200 (default "scripted NNN")


class FakeOpenAI:
    """Start with `with FakeOpenAI([...]) as server:`; `server.base_url` goes to the client."""

    def __init__(self, script: list[Reply]) -> None:
        self.script = list(script)
        self.requests: list[dict] = []
        self.first_byte_at: list[float] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                return

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with fake._lock:
                    fake.requests.append(
                        {"path": self.path, "body": body, "headers": dict(self.headers), "at": time.perf_counter()}
                    )
                    reply = fake.script.pop(0) if len(fake.script) > 1 else fake.script[0]
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status != 200:
                    message = reply.error_message or f"scripted {reply.status}"
                    payload = json.dumps({"error": {"message": message, "type": "test"}}).encode()
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                if callable(reply.text):
                    reply = Reply(**{**reply.__dict__, "text": reply.text(body)})
                if body.get("stream"):
                    self._stream(reply, body.get("model", "fake"))
                else:
                    self._whole(reply, body.get("model", "fake"))

            def _whole(self, reply: Reply, model: str) -> None:
                payload = json.dumps(
                    {
                        "id": "cmpl-1",
                        "object": "chat.completion",
                        "created": 0,
                        "model": model,
                        "choices": [
                            {
                                "index": 0,
                                "finish_reason": "stop",
                                "message": {"role": "assistant", "content": reply.text},
                            }
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _stream(self, reply: Reply, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                pieces = [reply.text[i : i + reply.chunk_size] for i in range(0, len(reply.text), reply.chunk_size)]
                for number, piece in enumerate(pieces):
                    if reply.cut_after is not None and number >= reply.cut_after:
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    self._event(model, {"content": piece}, None)
                    if number == 0:
                        fake.first_byte_at.append(time.perf_counter())
                    if reply.chunk_delay:
                        time.sleep(reply.chunk_delay)
                self._event(model, {}, "stop")
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _event(self, model: str, delta: dict, finish: str | None) -> None:
                chunk = {
                    "id": "chunk-1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
