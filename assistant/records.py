"""Local, append-only records (evidence gaps, feedback). Question text only if an administrator allows it."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from pathlib import Path

from pydantic import BaseModel

from assistant.models import Persona

log = logging.getLogger(__name__)


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
        """Every readable record; a damaged line (cut write, edited file) is skipped, never fatal."""
        return self.read_checked()[0]

    def read_checked(self) -> tuple[list[dict], list[int]]:
        """The readable records and the numbers of the lines that are not a JSON object."""
        if not self.path.exists():
            return [], []
        records: list[dict] = []
        bad: list[int] = []
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, RecursionError):
                    record = None
                if isinstance(record, dict):
                    records.append(record)
                else:
                    bad.append(number)
        if bad:
            log.warning("%s: %d unreadable lines skipped (first: line %d)", self.path.name, len(bad), bad[0])
        return records, bad
