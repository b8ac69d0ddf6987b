"""The Medical Advisory Board's decisions: durable statuses and an append-only audit log in SQLite.

The article file says what was submitted; this database says what the board decided since, and it wins
over the file on every ingest. Each change is one transaction that checks the status the reviewer saw,
so two reviewers acting at once cannot both move an article or interleave their log entries: the second
gets a ConflictError and sees the new state. The index is updated right after the decision.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ValidationError

from knowledge.loaders import BUNDLED_DIR, load_article_file, load_articles
from knowledge.schema import ARTICLE_ID, Article, ReviewStatus
from knowledge.store import KnowledgeStore

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS article_status (
    article_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    reviewed_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


class Action(StrEnum):
    START_REVIEW = "start_review"
    APPROVE = "approve"
    RETURN = "return_to_author"
    RETIRE = "retire"


ACTION_LABELS = {
    Action.START_REVIEW: "Start review",
    Action.APPROVE: "Approve",
    Action.RETURN: "Return to author",
    Action.RETIRE: "Retire",
}

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[Action, tuple[frozenset[ReviewStatus], ReviewStatus]] = {
    Action.START_REVIEW: (frozenset({ReviewStatus.SUBMITTED}), ReviewStatus.UNDER_REVIEW),
    Action.APPROVE: (frozenset({ReviewStatus.UNDER_REVIEW}), ReviewStatus.APPROVED),
    Action.RETURN: (frozenset({ReviewStatus.UNDER_REVIEW, ReviewStatus.APPROVED}), ReviewStatus.SUBMITTED),
    Action.RETIRE: (
        frozenset({ReviewStatus.SUBMITTED, ReviewStatus.UNDER_REVIEW, ReviewStatus.APPROVED}),
        ReviewStatus.RETIRED,
    ),
}


class EditorialError(ValueError):
    """A decision that cannot be made as asked; the message says why."""


class ConflictError(EditorialError):
    """Someone else changed the article since the reviewer looked at it."""


class AuditEntry(BaseModel):
    id: int
    article_id: str
    actor: str
    at: dt.datetime
    action: Action
    from_status: ReviewStatus
    to_status: ReviewStatus
    note: str


def allowed_actions(status: ReviewStatus) -> list[Action]:
    return [action for action, (sources, _) in TRANSITIONS.items() if status in sources]


class EditorialBoard:
    """Statuses, decisions and their log; keeps the index in step with every decision."""

    def __init__(
        self,
        db_path: Path,
        store: KnowledgeStore | None = None,
        articles_dir: Path = BUNDLED_DIR,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.db_path = db_path
        self.store = store
        self.articles_dir = articles_dir
        self.clock = clock
        self._lock = threading.Lock()
        db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._connect() as db:
                db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise EditorialError(f"{db_path} is not a usable SQLite database ({exc}); restore a backup") from None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=30000")
            yield db
        finally:
            db.close()

    def decisions(self) -> dict[str, tuple[ReviewStatus, str]]:
        """Every decision on record: article id -> (status, who approved it)."""
        with self._connect() as db:
            rows = db.execute("SELECT article_id, status, reviewed_by FROM article_status").fetchall()
        decided: dict[str, tuple[ReviewStatus, str]] = {}
        for article_id, status, reviewer in rows:
            if status in ReviewStatus._value2member_map_ and isinstance(article_id, str):
                decided[article_id] = (ReviewStatus(status), str(reviewer or ""))
            else:  # a damaged row must not take the app down; the file's own status applies
                log.warning("editorial database: unreadable status row for %r skipped", article_id)
        return decided

    def statuses(self) -> dict[str, ReviewStatus]:
        """What the ingest applies over the files' front matter."""
        return {article_id: status for article_id, (status, _) in self.decisions().items()}

    def apply(self, article: Article, decisions: dict[str, tuple[ReviewStatus, str]] | None = None) -> Article:
        """The article as the board left it: the file, with the recorded status and reviewer."""
        decided = (self.decisions() if decisions is None else decisions).get(article.id)
        if decided is None:
            return article
        return article.model_copy(update={"review_status": decided[0], "reviewed_by": decided[1]})

    def articles(self) -> list[Article]:
        """Every readable article file in the board's folder, with the board's decisions applied."""
        decisions = self.decisions()
        return [self.apply(a, decisions) for a in load_articles([self.articles_dir]).articles]

    def load(self, article_id: str) -> Article:
        """One article file with the board's decision applied."""
        if not ARTICLE_ID.match(article_id):
            raise EditorialError(f"{article_id!r} is not an article id")
        result = load_article_file(self.articles_dir / f"{article_id}.md")
        if not isinstance(result, Article):
            raise EditorialError(f"the article file cannot be read: {result}")
        return self.apply(result)

    def history(self, article_id: str | None = None) -> list[AuditEntry]:
        query = "SELECT id, article_id, actor, at, action, from_status, to_status, note FROM audit_log"
        params: tuple = ()
        if article_id:
            query += " WHERE article_id = ?"
            params = (article_id,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY id", params).fetchall()
        keys = ("id", "article_id", "actor", "at", "action", "from_status", "to_status", "note")
        entries = []
        for row in rows:
            try:
                entries.append(AuditEntry.model_validate(dict(zip(keys, row, strict=True))))
            except ValidationError:
                log.warning("editorial database: audit log row %s cannot be read and is not shown", row[0])
        return entries

    def decide(self, article_id: str, action: Action, actor: str, expected: ReviewStatus, note: str = "") -> Article:
        """Record one decision atomically, then update the index; returns the article as it now stands."""
        actor = actor.strip()
        if not actor:
            raise EditorialError("say who is making this decision (reviewer name)")
        if action is Action.RETURN and not note.strip():
            raise EditorialError("returning an article to its author needs a note saying what to change")
        sources, target = TRANSITIONS[action]
        article = self.load(article_id)
        at = self.clock()
        with self._lock, self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute("SELECT status FROM article_status WHERE article_id = ?", (article_id,)).fetchone()
                current = ReviewStatus(row[0]) if row else article.review_status
                if current is not expected:
                    raise ConflictError(
                        f"{article_id} is now '{current.value}', not '{expected.value}': someone else changed it; "
                        "reload and decide again"
                    )
                if current not in sources:
                    raise EditorialError(f"cannot {ACTION_LABELS[action].lower()} an article that is '{current.value}'")
                reviewer = actor if target is ReviewStatus.APPROVED else article.reviewed_by
                db.execute(
                    "INSERT INTO article_status (article_id, status, reviewed_by, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(article_id) DO UPDATE SET status = excluded.status, "
                    "reviewed_by = excluded.reviewed_by, updated_at = excluded.updated_at",
                    (article_id, target.value, reviewer, at.isoformat()),
                )
                db.execute(
                    "INSERT INTO audit_log (article_id, actor, at, action, from_status, to_status, note) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (article_id, actor, at.isoformat(), action.value, current.value, target.value, note.strip()),
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        decided = article.model_copy(update={"review_status": target, "reviewed_by": reviewer})
        if self.store is not None:
            self.store.ingest([decided])
        return decided
