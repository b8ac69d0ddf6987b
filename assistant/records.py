"""Append-only records (evidence gaps, feedback) in the shared database; question text only if allowed.

Several app replicas write to the same DATABASE_URL; the tables refuse UPDATE and DELETE like the audit
log. JsonlLog remains for callers that want a local file (tests, one-off scripts).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from assistant.models import Feedback, Persona
from knowledge.db import Database, append_only, table_with_id

log = logging.getLogger(__name__)


class GapRecord(BaseModel):
    """A question no approved article covered: what the editorial board should write next."""

    at: dt.datetime
    persona: Persona
    best_similarity: float | None
    nearest_article: str | None = None
    question: str | None = None


MIGRATIONS = [
    table_with_id(
        "evidence_gaps",
        "at TEXT NOT NULL, persona TEXT NOT NULL, best_similarity REAL, nearest_article TEXT, question TEXT",
    ),
    append_only("evidence_gaps"),
    table_with_id(
        "feedback",
        "at TEXT NOT NULL, answer_id TEXT NOT NULL, score INTEGER NOT NULL, persona TEXT NOT NULL, "
        "mode TEXT NOT NULL, article_ids TEXT NOT NULL, question TEXT",
    ),
    append_only("feedback"),
]


def migrate(db: Database) -> None:
    """Create the records' tables once."""
    db.migrate("records", MIGRATIONS)


class GapLog:
    """Evidence gaps in the shared database; drops question text unless question logging is on."""

    def __init__(self, db: Database, keep_questions: bool = False) -> None:
        self.db = db
        self.keep_questions = keep_questions
        migrate(db)

    def append(self, record: GapRecord) -> None:
        with self.db.transaction() as tx:
            tx.insert(
                "INSERT INTO evidence_gaps (at, persona, best_similarity, nearest_article, question) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    record.at.isoformat(),
                    record.persona.value,
                    record.best_similarity,
                    record.nearest_article,
                    record.question if self.keep_questions else None,
                ),
            )

    def read(self, since: dt.datetime | None = None) -> list[GapRecord]:
        rows = self.db.query(
            "SELECT at, persona, best_similarity, nearest_article, question FROM evidence_gaps "
            "WHERE at >= ? ORDER BY id",
            ((since or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)).isoformat(),),
        )
        keys = ("at", "persona", "best_similarity", "nearest_article", "question")
        records = []
        for row in rows:
            try:
                records.append(GapRecord.model_validate(dict(zip(keys, row, strict=True))))
            except ValueError:  # a damaged row is skipped, not fatal to the board's page
                log.warning("evidence gaps: an unreadable row was skipped")
        return records


class GapSummary(BaseModel):
    """Evidence gaps counted three ways, for the board."""

    total: int
    by_day: dict[str, int]
    by_persona: dict[str, int]
    by_nearest_article: dict[str, int]
    questions: list[str]


def summarise_gaps(records: list[GapRecord]) -> GapSummary:
    """Counts by day, persona and nearest article; question texts only where they were stored."""
    return GapSummary(
        total=len(records),
        by_day=dict(sorted(Counter(r.at.date().isoformat() for r in records).items(), reverse=True)),
        by_persona=dict(Counter(r.persona.value for r in records).most_common()),
        by_nearest_article=dict(Counter(r.nearest_article or "" for r in records).most_common()),
        questions=[r.question for r in records if r.question],
    )


class FeedbackLog:
    """Thumbs ratings in the shared database; drops question text unless question logging is on."""

    def __init__(self, db: Database, keep_questions: bool = False) -> None:
        self.db = db
        self.keep_questions = keep_questions
        migrate(db)

    def append(self, record: Feedback) -> None:
        with self.db.transaction() as tx:
            tx.insert(
                "INSERT INTO feedback (at, answer_id, score, persona, mode, article_ids, question) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.at.isoformat(),
                    record.answer_id,
                    record.score,
                    record.persona.value,
                    record.mode,
                    json.dumps(record.article_ids),
                    record.question if self.keep_questions else None,
                ),
            )

    def read(self) -> list[dict]:
        """Every readable rating as a plain record (the shape JsonlLog.read gives)."""
        return self.read_checked()[0]

    def read_checked(self) -> tuple[list[dict], list[int]]:
        """The readable ratings, and the ids of rows that cannot be read (a damaged row is skipped, not fatal)."""
        rows = self.db.query(
            "SELECT id, at, answer_id, score, persona, mode, article_ids, question FROM feedback ORDER BY id"
        )
        records: list[dict] = []
        bad: list[int] = []
        for row_id, at, answer_id, score, persona, mode, article_ids, question in rows:
            try:
                records.append(
                    Feedback(
                        at=dt.datetime.fromisoformat(at),
                        answer_id=answer_id,
                        score=score,
                        persona=Persona(persona),
                        mode=mode,
                        article_ids=json.loads(article_ids),
                        question=question,
                    ).model_dump(mode="json")
                )
            except (ValueError, TypeError, RecursionError):  # ValidationError and JSONDecodeError are ValueErrors
                bad.append(row_id)
        if bad:
            log.warning("feedback: %d unreadable rows skipped (first: id %d)", len(bad), bad[0])
        return records, bad


class JsonlLog:
    """One JSON object per line in a local file; safe for the threads of one process."""

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
