"""The Medical Advisory Board's decisions: durable statuses and an append-only audit log in the shared database.

The article file (or the import) says what was submitted; the database says what the board decided since,
and it wins over the file on every ingest. Each decision is one transaction that checks the status the
reviewer saw, so two reviewers acting at once cannot both move an article: the second gets a ConflictError.

Decisions and the index converge. A decision that takes an article out of answers writes the index first,
inside the transaction, and is recorded only if that write succeeded: a failed write never leaves retired
content retrievable, and the reviewer may simply try again. An approval is recorded first and marked
pending; the index update follows, and if it fails the reviewer is told and `reconcile()` (at start and
periodically) applies it later.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ValidationError

from knowledge.db import DB_ERRORS, Database, Step, append_only, table_with_id
from knowledge.ingest import DEFAULT_REVIEW_INTERVAL_DAYS, with_due_date
from knowledge.libraries import Library, library_for
from knowledge.loaders import BUNDLED_DIR, check_article_file, in_library, load_articles
from knowledge.schema import ARTICLE_ID, Article, EvidenceType, ReviewStatus, Section
from knowledge.store import KnowledgeStore

log = logging.getLogger(__name__)

MIGRATIONS = [
    Step.same(
        "CREATE TABLE IF NOT EXISTS article_status ("
        "article_id TEXT PRIMARY KEY, status TEXT NOT NULL, reviewed_by TEXT NOT NULL, updated_at TEXT NOT NULL);"
    ),
    table_with_id(
        "audit_log",
        "article_id TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, "
        "from_status TEXT NOT NULL, to_status TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''",
    ),
    append_only("audit_log"),
    Step.same(
        "ALTER TABLE article_status ADD COLUMN library TEXT NOT NULL DEFAULT '';\n"
        "ALTER TABLE article_status ADD COLUMN reviewed_on TEXT NOT NULL DEFAULT '';\n"
        "ALTER TABLE article_status ADD COLUMN index_pending INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE article_status ADD COLUMN index_error TEXT NOT NULL DEFAULT '';\n"
        "CREATE INDEX IF NOT EXISTS audit_log_article ON audit_log (article_id);"
    ),
]


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


class IndexWriteError(EditorialError):
    """The index could not be changed, so the decision was not recorded; trying again is safe."""


class IndexPendingError(EditorialError):
    """The decision is recorded but the index does not show it yet; it is retried automatically."""


class AuditEntry(BaseModel):
    id: int
    article_id: str
    actor: str
    at: dt.datetime
    action: Action
    from_status: ReviewStatus
    to_status: ReviewStatus
    note: str


class Decision(BaseModel):
    """What the board recorded for one article, and whether the index shows it yet."""

    status: ReviewStatus
    reviewed_by: str
    reviewed_on: dt.date | None = None
    updated_at: str
    library: str = ""
    index_pending: bool = False
    index_error: str = ""


class Entry(BaseModel):
    """One article as the board lists it."""

    id: str
    title: str
    library: str
    status: ReviewStatus
    evidence_type: EvidenceType
    last_updated: dt.date
    next_review: dt.date
    reviewed_by: str = ""
    sample: bool = False
    index_pending: bool = False
    index_error: str = ""

    def overdue(self, today: dt.date) -> bool:
        """Approved and past its review date."""
        return self.status is ReviewStatus.APPROVED and self.next_review < today


def allowed_actions(status: ReviewStatus) -> list[Action]:
    return [action for action, (sources, _) in TRANSITIONS.items() if status in sources]


class EditorialBoard:
    """Statuses, decisions and their log across every library; keeps the index in step with each decision."""

    def __init__(
        self,
        db: Database,
        store: KnowledgeStore | None = None,
        libraries: Sequence[Library] | Path = BUNDLED_DIR,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        imported: Sequence[str] = (),
        review_interval_days: int = DEFAULT_REVIEW_INTERVAL_DAYS,
    ) -> None:
        self.db = db
        self.store = store
        if isinstance(libraries, Path):
            libraries = [library_for(libraries)]
        self.libraries = [*libraries, *(Library(name=name) for name in imported)]
        self.clock = clock
        self.review_interval_days = review_interval_days
        self._lock = threading.Lock()
        self._summaries: dict[str, tuple[str, list[dict]]] = {}
        try:
            db.migrate("editorial", MIGRATIONS)
        except DB_ERRORS as exc:
            raise EditorialError(
                f"the editorial database {db.redacted()} cannot be used ({type(exc).__name__}: "
                f"{(str(exc).splitlines() or [''])[0]}); check that it is reachable and intact"
            ) from None

    # ---- reading -------------------------------------------------------------------------------------

    def decisions(self) -> dict[str, Decision]:
        """Every decision on record, by article id."""
        rows = self.db.query(
            "SELECT article_id, status, reviewed_by, reviewed_on, updated_at, library, index_pending, index_error "
            "FROM article_status"
        )
        decided: dict[str, Decision] = {}
        for r in rows:
            try:
                decided[r[0]] = Decision(
                    status=ReviewStatus(r[1]),
                    reviewed_by=r[2],
                    reviewed_on=dt.date.fromisoformat(r[3]) if r[3] else None,
                    updated_at=r[4],
                    library=r[5],
                    index_pending=bool(r[6]),
                    index_error=r[7],
                )
            except (ValueError, TypeError):  # a damaged row must not take the app down; the file's status applies
                log.warning("editorial database: unreadable status row for %r skipped", r[0])
        return decided

    def statuses(self) -> dict[str, ReviewStatus]:
        """What the ingest applies over the files' front matter."""
        return {article_id: d.status for article_id, d in self.decisions().items()}

    def apply(self, article: Article, decisions: dict[str, Decision] | None = None) -> Article:
        """The article as the board left it: the file, with the recorded status, reviewer and review date."""
        decided = (self.decisions() if decisions is None else decisions).get(article.id)
        if decided is None:
            return article
        update: dict = {"review_status": decided.status, "reviewed_by": decided.reviewed_by}
        if decided.reviewed_on:
            update["reviewed_on"] = decided.reviewed_on
        return article.model_copy(update=update)

    def _file_libraries(self) -> list[Library]:
        return [lib for lib in self.libraries if not lib.imported]

    def articles(self) -> list[Article]:
        """Every readable article file of the board's file libraries, with the board's decisions applied."""
        decisions = self.decisions()
        found: list[Article] = []
        for library in self._file_libraries():
            assert library.path is not None
            found += [self.apply(a, decisions) for a in load_articles([library.path], library=library.name).articles]
        return found

    def entries(self) -> list[Entry]:
        """What the board lists: every file library's articles and every imported library's indexed articles."""
        decisions = self.decisions()
        listed: list[Entry] = []
        for article in self.articles():
            decided = decisions.get(article.id)
            listed.append(
                Entry(
                    id=article.id,
                    title=article.title,
                    library=article.library,
                    status=article.review_status,
                    evidence_type=article.evidence_type,
                    last_updated=article.last_updated,
                    next_review=article.due(self.review_interval_days),
                    reviewed_by=article.reviewed_by,
                    sample=article.sample,
                    index_pending=bool(decided and decided.index_pending),
                    index_error=decided.index_error if decided else "",
                )
            )
        if self.store is not None:
            for library in (lib for lib in self.libraries if lib.imported):
                for meta in self._indexed(library.name):
                    decided = decisions.get(str(meta["article_id"]))
                    last = dt.date.fromisoformat(str(meta["last_updated"]))
                    due = str(meta.get("next_review") or "")
                    listed.append(
                        Entry(
                            id=str(meta["article_id"]),
                            title=str(meta["title"]),
                            library=library.name,
                            status=decided.status if decided else ReviewStatus(str(meta["review_status"])),
                            evidence_type=EvidenceType(str(meta["evidence_type"])),
                            last_updated=last,
                            next_review=dt.date.fromisoformat(due)
                            if due
                            else last + dt.timedelta(days=self.review_interval_days),
                            reviewed_by=decided.reviewed_by if decided else "",
                            index_pending=bool(decided and decided.index_pending),
                            index_error=decided.index_error if decided else "",
                        )
                    )
        return listed

    def _indexed(self, library: str) -> list[dict]:
        """An imported library's articles as indexed, read again only when the index's stamp changed."""
        assert self.store is not None
        stamp = self.store.stamp()
        cached = self._summaries.get(library)
        if cached is None or cached[0] != stamp or not stamp:
            cached = self._summaries[library] = (stamp, self.store.article_summaries(library))
        return cached[1]

    def overdue(self, today: dt.date | None = None) -> list[Entry]:
        """Approved articles past their review date, most overdue first."""
        day = today or self.clock().date()
        return sorted((e for e in self.entries() if e.overdue(day)), key=lambda e: e.next_review)

    def _library(self, article_id: str) -> Library | None:
        if not ARTICLE_ID.match(article_id):
            raise EditorialError(f"{article_id!r} is not an article id")
        for library in self._file_libraries():
            assert library.path is not None
            if (library.path / f"{article_id}.md").exists():
                return library
        if self.store is not None:
            owner = self.store.libraries_of([article_id]).get(article_id)
            return next((lib for lib in self.libraries if lib.name == owner), None)
        return None

    def load(self, article_id: str) -> Article:
        """One article (its file, or for an import what the index holds) with the board's decision applied."""
        library = self._library(article_id)
        if library is None:
            raise EditorialError(f"no library holds an article '{article_id}'")
        if library.path is not None:
            article, problems = check_article_file(library.path / f"{article_id}.md")
            if article is None:
                raise EditorialError(f"the article file cannot be read: {problems[0]}")
            return self.apply(in_library(article, library.name))
        return self.apply(self._from_index(article_id, library.name))

    def _from_index(self, article_id: str, library: str) -> Article:
        assert self.store is not None
        chunks = self.store.article_chunks(article_id)
        if not chunks:
            raise EditorialError(f"'{article_id}' is no longer in the index")
        first = chunks[0]
        sections: dict[str, list[str]] = {}
        for chunk in chunks:
            sections.setdefault(chunk.section, []).append(chunk.text)
        return Article.model_construct(
            id=article_id,
            title=first.title,
            evidence_type=first.evidence_type,
            review_status=first.review_status,
            reviewed_by="",
            reviewed_on=None,
            last_updated=first.last_updated,
            next_review=dt.date.fromisoformat(first.next_review) if first.next_review else None,
            specialty="",
            sample=first.sample,
            summary="",
            keywords=[k for k in first.keywords.split("; ") if k],
            url=first.url or None,
            source=first.source,
            library=library,
            publisher=first.publisher,
            references=[],
            sections=[Section(title=t, text="\n\n".join(texts), ref="") for t, texts in sections.items()],
        )

    def _audit_entries(self, where: str = "", params: Sequence = ()) -> list[AuditEntry]:
        """Audit log rows in order; a row that cannot be read is logged and left out, never a traceback."""
        query = "SELECT id, article_id, actor, at, action, from_status, to_status, note FROM audit_log"
        rows = self.db.query(f"{query}{where} ORDER BY id", tuple(params))
        keys = ("id", "article_id", "actor", "at", "action", "from_status", "to_status", "note")
        entries = []
        for row in rows:
            try:
                entries.append(AuditEntry.model_validate(dict(zip(keys, row, strict=True))))
            except ValidationError:
                log.warning("editorial database: audit log row %s cannot be read and is not shown", row[0])
        return entries

    def history(self, article_id: str | None = None) -> list[AuditEntry]:
        return self._audit_entries(" WHERE article_id = ?", (article_id,)) if article_id else self._audit_entries()

    def histories(self, article_ids: Iterable[str]) -> dict[str, list[AuditEntry]]:
        """The audit log of several articles in one query: a chat page cites many, and shows each one's path."""
        ids = sorted(set(article_ids))
        found: dict[str, list[AuditEntry]] = {article_id: [] for article_id in ids}
        if ids:
            for entry in self._audit_entries(f" WHERE article_id IN ({', '.join('?' * len(ids))})", ids):
                found[entry.article_id].append(entry)
        return found

    # ---- deciding ------------------------------------------------------------------------------------

    def decide(self, article_id: str, action: Action, actor: str, expected: ReviewStatus, note: str = "") -> Article:
        """Record one decision atomically with the index kept safe; returns the article as it now stands.

        Raises ConflictError when the article changed since the reviewer saw it, IndexWriteError when a
        decision that removes content could not reach the index (nothing recorded), IndexPendingError
        when an approval is recorded but not yet in the index (retried automatically).
        """
        actor = actor.strip()
        if not actor:
            raise EditorialError("say who is making this decision (reviewer name)")
        if action is Action.RETURN and not note.strip():
            raise EditorialError("returning an article to its author needs a note saying what to change")
        sources, target = TRANSITIONS[action]
        article = self.load(article_id)
        at = self.clock()
        approving = target is ReviewStatus.APPROVED
        with self._lock, self.db.transaction() as tx:
            tx.lock(f"article:{article_id}")
            row = tx.execute("SELECT status FROM article_status WHERE article_id = ?", (article_id,)).fetchone()
            current = ReviewStatus(row[0]) if row else article.review_status
            if current is not expected:
                raise ConflictError(
                    f"{article_id} is now '{current.value}', not '{expected.value}': someone else changed it; "
                    "reload and decide again"
                )
            if current not in sources:
                raise EditorialError(f"cannot {ACTION_LABELS[action].lower()} an article that is '{current.value}'")
            reviewer = actor if approving else article.reviewed_by
            reviewed_on = at.date() if approving else article.reviewed_on
            decided = article.model_copy(
                update={"review_status": target, "reviewed_by": reviewer, "reviewed_on": reviewed_on}
            )
            if not approving and self.store is not None:
                try:
                    self.store.set_status(article_id, target)
                except Exception as exc:
                    log.warning("index write failed for %s: %s", article_id, type(exc).__name__)
                    raise IndexWriteError(
                        f"the search index could not be updated ({type(exc).__name__}), so nothing was recorded "
                        f"and {article_id} is unchanged; try again, and if it keeps failing tell the administrator"
                    ) from exc
            tx.execute(
                "INSERT INTO article_status (article_id, status, reviewed_by, updated_at, library, reviewed_on, "
                "index_pending, index_error) VALUES (?, ?, ?, ?, ?, ?, ?, '') "
                "ON CONFLICT(article_id) DO UPDATE SET status = excluded.status, "
                "reviewed_by = excluded.reviewed_by, updated_at = excluded.updated_at, library = excluded.library, "
                "reviewed_on = excluded.reviewed_on, index_pending = excluded.index_pending, index_error = ''",
                (
                    article_id,
                    target.value,
                    reviewer,
                    at.isoformat(),
                    article.library,
                    reviewed_on.isoformat() if reviewed_on else "",
                    int(approving and self.store is not None),
                ),
            )
            tx.insert(
                "INSERT INTO audit_log (article_id, actor, at, action, from_status, to_status, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, actor, at.isoformat(), action.value, current.value, target.value, note.strip()),
            )
        if approving and self.store is not None:
            error = self._index_approval(decided, at.isoformat())
            if error:
                raise IndexPendingError(
                    f"the approval of {article_id} is recorded, but the search index could not be updated "
                    f"({error}); it is not in answers yet and will be retried automatically"
                )
        return decided

    def _index_approval(self, article: Article, updated_at: str) -> str:
        """Put an approved article into the index; '' on success, else the error, recorded for the board."""
        assert self.store is not None
        try:
            library = next((lib for lib in self.libraries if lib.name == article.library), None)
            if library is not None and library.path is not None:
                self.store.ingest([with_due_date(article, self.review_interval_days)])
            else:
                self.store.set_status(article.id, article.review_status)
        except Exception as exc:
            error = type(exc).__name__
            log.warning("index write failed for %s: %s", article.id, error)
            with self.db.transaction() as tx:
                tx.execute(
                    "UPDATE article_status SET index_error = ? WHERE article_id = ? AND updated_at = ?",
                    (f"{error} at {self.clock().isoformat(timespec='seconds')}", article.id, updated_at),
                )
            return error
        with self.db.transaction() as tx:
            tx.execute(
                "UPDATE article_status SET index_pending = 0, index_error = '' WHERE article_id = ? AND updated_at = ?",
                (article.id, updated_at),
            )
        return ""

    def reconcile(self) -> dict[str, str]:
        """Apply every recorded decision the index does not show yet; returns article id -> error ('' = done)."""
        if self.store is None:
            return {}
        outcome: dict[str, str] = {}
        for article_id, decided in self.decisions().items():
            if not decided.index_pending:
                continue
            try:
                article = self.load(article_id)
            except EditorialError as exc:
                outcome[article_id] = str(exc)
                continue
            outcome[article_id] = self._index_approval(article, decided.updated_at)
        return outcome


class Reconciler:
    """Retries pending index updates every `interval` seconds in a daemon thread, until stopped."""

    def __init__(self, board: EditorialBoard, interval: float) -> None:
        self.board = board
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="editorial-reconcile", daemon=True)

    def start(self) -> Reconciler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.board.reconcile()
            except Exception as exc:  # a database or index outage: try again next time
                log.warning("reconcile failed: %s", type(exc).__name__)
