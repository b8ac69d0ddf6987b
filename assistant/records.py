"""Local, append-only records (evidence gaps, feedback). Question text only if an administrator allows it."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

from pydantic import BaseModel

from assistant.models import Persona


class GapRecord(BaseModel):
    """A question no approved article covered: what the editorial board should write next."""

    at: dt.datetime
    persona: Persona
    best_similarity: float | None
    question: str | None = None


class JsonlLog:
    """One JSON object per line; safe for the threads of one Streamlit server."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, record: BaseModel) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = record.model_dump_json()
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def read(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]
