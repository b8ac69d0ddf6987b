"""Editorial review: durable decisions, an append-only log, safe concurrency, and the page itself."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import Settings
from assistant.wiring import build_services
from knowledge.db import DB_ERRORS, Database, connect, sqlite_url
from knowledge.editorial import (
    Action,
    ConflictError,
    EditorialBoard,
    EditorialError,
    IndexPendingError,
    IndexWriteError,
    Reconciler,
)
from knowledge.ingest import sync_articles
from knowledge.retrieval import HybridRetriever
from knowledge.reviewers import Reviewers, Role
from knowledge.schema import ReviewStatus
from knowledge.store import KnowledgeStore
from tests.conftest import ROOT
from tests.helpers import write_article

VITAMIN_Q = "Should healthy adults take vitamin D supplements, and at what daily dose?"


@pytest.fixture
def board(tmp_path: Path, fresh_store: KnowledgeStore, database: Database) -> EditorialBoard:
    """A board on both backends (SQLite file, real PostgreSQL) over a folder with one submitted article."""
    articles = tmp_path / "articles"
    write_article(articles, "zentoria", status="submitted")
    sync_articles(fresh_store, [articles])
    return EditorialBoard(database, fresh_store, articles)


def test_a_decision_updates_the_index_at_once_and_survives_restart_and_reingest(
    board: EditorialBoard, fresh_store: KnowledgeStore, tmp_path: Path
) -> None:
    retriever = HybridRetriever(fresh_store)
    assert not retriever.search("zentoria elbow splint")
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    assert retriever.search("zentoria elbow splint")[0].article_id == "zentoria"

    restarted = EditorialBoard(connect(board.db.url), fresh_store, board.libraries)
    assert restarted.statuses() == {"zentoria": ReviewStatus.APPROVED}
    decided = restarted.decisions()["zentoria"]
    assert decided.reviewed_by == "Dr Ada" and decided.reviewed_on is not None and not decided.index_pending
    sync_articles(fresh_store, [board.libraries[0].path], overlay=restarted.apply)
    assert retriever.search("zentoria elbow splint")[0].review_status is ReviewStatus.APPROVED

    restarted.decide("zentoria", Action.RETIRE, "Dr Bo", ReviewStatus.APPROVED, note="superseded")
    assert "zentoria" not in fresh_store.article_ids()
    log = [(h.actor, h.action, h.from_status, h.to_status) for h in restarted.history("zentoria")]
    assert log == [
        ("Dr Ada", Action.START_REVIEW, ReviewStatus.SUBMITTED, ReviewStatus.UNDER_REVIEW),
        ("Dr Ada", Action.APPROVE, ReviewStatus.UNDER_REVIEW, ReviewStatus.APPROVED),
        ("Dr Bo", Action.RETIRE, ReviewStatus.APPROVED, ReviewStatus.RETIRED),
    ]


def test_invalid_decisions_are_refused_and_leave_no_trace(board: EditorialBoard) -> None:
    with pytest.raises(EditorialError, match="cannot approve"):
        board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.SUBMITTED)
    with pytest.raises(EditorialError, match="who is making"):
        board.decide("zentoria", Action.START_REVIEW, "  ", ReviewStatus.SUBMITTED)
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    with pytest.raises(EditorialError, match="needs a note"):
        board.decide("zentoria", Action.RETURN, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    with pytest.raises(ConflictError):
        board.decide("zentoria", Action.START_REVIEW, "Dr Bo", ReviewStatus.SUBMITTED)
    assert len(board.history()) == 1


def test_the_audit_log_is_append_only(board: EditorialBoard) -> None:
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DB_ERRORS, match="append-only"), board.db.transaction() as tx:
            tx.execute(statement)
    if board.db.dialect == "postgresql":
        with pytest.raises(DB_ERRORS, match="append-only"), board.db.transaction() as tx:
            tx.execute("TRUNCATE audit_log")
    assert [h.actor for h in board.history()] == ["Dr Ada"]


def test_several_articles_audit_logs_in_one_query_match_each_ones_history(board: EditorialBoard) -> None:
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    board.decide("zentoria", Action.APPROVE, "Dr Grace", ReviewStatus.UNDER_REVIEW)
    paths = board.histories(["zentoria", "never-reviewed", "zentoria"])
    assert paths == {"zentoria": board.history("zentoria"), "never-reviewed": []}
    assert [h.actor for h in paths["zentoria"]] == ["Dr Ada", "Dr Grace"]
    assert board.histories([]) == {}


def test_two_reviewers_at_once_cannot_corrupt_state_or_log(board: EditorialBoard) -> None:
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    # Separate board objects share nothing but the database file, like two app processes.
    boards = [EditorialBoard(connect(board.db.url), board.store, board.libraries) for _ in range(8)]
    start = threading.Barrier(len(boards))
    outcomes: list[str] = []

    def act(index: int, reviewer: EditorialBoard) -> None:
        action = Action.APPROVE if index % 2 else Action.RETIRE
        start.wait()
        try:
            reviewer.decide("zentoria", action, f"Reviewer {index}", ReviewStatus.UNDER_REVIEW, note="race")
            outcomes.append(action.value)
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=act, args=(i, b)) for i, b in enumerate(boards)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [o for o in outcomes if o != "conflict"]
    assert len(winners) == 1 and outcomes.count("conflict") == len(boards) - 1
    history = board.history("zentoria")
    assert len(history) == 2 and history[1].from_status is ReviewStatus.UNDER_REVIEW
    assert board.statuses()["zentoria"] is history[1].to_status
    indexed = board.store.article_ids()
    assert ("zentoria" in indexed) == (history[1].to_status is ReviewStatus.APPROVED)


class FlakyCollection:
    """The real Chroma collection, except that writes fail while `broken` is set (an index outage)."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.broken = False

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.real, name)
        if name in ("update", "upsert", "delete", "add") and self.broken:

            def fail(*args: Any, **kwargs: Any) -> None:
                raise ConnectionError("index unavailable")

            return fail
        return attribute


def test_a_failed_index_write_never_leaves_retired_content_retrievable(board: EditorialBoard) -> None:
    store = board.store
    assert store is not None
    flaky = FlakyCollection(store.collection)
    store.collection = flaky  # type: ignore[assignment]
    retriever = HybridRetriever(store)
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    assert retriever.search("zentoria elbow splint")[0].article_id == "zentoria"

    flaky.broken = True
    with pytest.raises(IndexWriteError, match="nothing was recorded"):
        board.decide("zentoria", Action.RETIRE, "Dr Bo", ReviewStatus.APPROVED, note="superseded")
    # Nothing recorded: the database and the index agree the article is still approved, and a retry is no conflict.
    assert board.statuses()["zentoria"] is ReviewStatus.APPROVED
    assert [h.action for h in board.history("zentoria")] == [Action.START_REVIEW, Action.APPROVE]

    flaky.broken = False
    board.decide("zentoria", Action.RETIRE, "Dr Bo", ReviewStatus.APPROVED, note="superseded")
    assert not retriever.search("zentoria elbow splint", statuses=list(ReviewStatus))
    assert board.statuses()["zentoria"] is ReviewStatus.RETIRED


def test_an_approval_the_index_missed_is_surfaced_and_applied_later(board: EditorialBoard) -> None:
    store = board.store
    assert store is not None
    flaky = FlakyCollection(store.collection)
    store.collection = flaky  # type: ignore[assignment]
    retriever = HybridRetriever(store)
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)

    flaky.broken = True
    with pytest.raises(IndexPendingError, match="retried automatically"):
        board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    decided = board.decisions()["zentoria"]
    assert decided.status is ReviewStatus.APPROVED and decided.index_pending
    assert "ConnectionError" in decided.index_error
    assert [e.index_pending for e in board.entries()] == [True]
    assert not retriever.search("zentoria elbow splint")
    assert board.reconcile() == {"zentoria": "ConnectionError"}

    flaky.broken = False
    # A new process (another board on the same database) applies what is pending when it starts.
    restarted = EditorialBoard(connect(board.db.url), store, board.libraries)
    assert restarted.reconcile() == {"zentoria": ""}
    assert not restarted.decisions()["zentoria"].index_pending
    assert retriever.search("zentoria elbow splint")[0].article_id == "zentoria"
    assert restarted.reconcile() == {}


def test_the_reconciler_retries_in_the_background_and_the_app_applies_pending_decisions_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = tmp_path / "articles"
    write_article(articles, "zentoria", status="submitted")
    monkeypatch.setenv("STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ARTICLE_DIRS", f"clinic={articles}")
    for name in ("CHROMA_HOST", "DATABASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    first = build_services(Settings(), ensure_index=True)
    assert first.first_build is not None and first.first_build.report.articles == 1
    assert first.store.article_chunks("zentoria")[0].library == "clinic"
    board = first.board
    flaky = FlakyCollection(first.store.collection)
    first.store.collection = flaky  # type: ignore[assignment]
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    flaky.broken = True
    with pytest.raises(IndexPendingError):
        board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    assert first.reconciler is not None
    first.reconciler.stop()

    # The next start applies it (before any question is answered).
    restarted = build_services(Settings(), ensure_index=True)
    try:
        assert not restarted.board.decisions()["zentoria"].index_pending
        assert restarted.retriever.search("zentoria elbow splint")[0].article_id == "zentoria"
    finally:
        assert restarted.reconciler is not None
        restarted.reconciler.stop()

    # While running, the background retry applies it without a restart.
    flaky.broken = False
    board.decide("zentoria", Action.RETURN, "Dr Bo", ReviewStatus.APPROVED, note="recheck")
    board.decide("zentoria", Action.START_REVIEW, "Dr Bo", ReviewStatus.SUBMITTED)
    flaky.broken = True
    with pytest.raises(IndexPendingError):
        board.decide("zentoria", Action.APPROVE, "Dr Bo", ReviewStatus.UNDER_REVIEW)
    flaky.broken = False
    reconciler = Reconciler(board, interval=0.05).start()
    try:
        for _ in range(200):
            if not board.decisions()["zentoria"].index_pending:
                break
            threading.Event().wait(0.05)
        assert not board.decisions()["zentoria"].index_pending
        assert first.store.article_chunks("zentoria")[0].review_status is ReviewStatus.APPROVED
    finally:
        reconciler.stop()


def test_a_database_from_before_the_migrations_keeps_its_decisions(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    path = tmp_path / "editorial.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE article_status (article_id TEXT PRIMARY KEY, status TEXT NOT NULL, "
            "reviewed_by TEXT NOT NULL, updated_at TEXT NOT NULL);"
            "CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL, "
            "actor TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, from_status TEXT NOT NULL, "
            "to_status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');"
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
            "INSERT INTO article_status VALUES ('zentoria', 'under_review', '', '2026-11-01T10:00:00+00:00');"
            "INSERT INTO audit_log (article_id, actor, at, action, from_status, to_status) VALUES "
            "('zentoria', 'Dr Ada', '2026-11-01T10:00:00+00:00', 'start_review', 'submitted', 'under_review');"
        )
    articles = tmp_path / "articles"
    write_article(articles, "zentoria", status="submitted")
    board = EditorialBoard(connect(sqlite_url(path)), fresh_store, articles)
    assert board.statuses() == {"zentoria": ReviewStatus.UNDER_REVIEW}
    board.decide("zentoria", Action.APPROVE, "Dr Bo", ReviewStatus.UNDER_REVIEW)
    assert [h.actor for h in board.history("zentoria")] == ["Dr Ada", "Dr Bo"]
    with pytest.raises(DB_ERRORS, match="append-only"), board.db.transaction() as tx:
        tx.execute("DELETE FROM audit_log")


@pytest.fixture
def apps(bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[AppTest, AppTest]:
    """The chat app and the review page on a private copy of the bundled index."""
    store = tmp_path / "store"
    shutil.copytree(bundled_store.client.get_settings().persist_directory, store)
    monkeypatch.setenv("STORE_DIR", str(store))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    Reviewers(connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3"))).add(
        "ada.lovelace", Role.REVIEWER, "analytical-engine-1843", "test"
    )
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    chat = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    review = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    chat.run()
    chat.button(key="choose-physician").click().run()
    review.run()
    assert not chat.exception and not review.exception
    return chat, review


def log_in(review: AppTest, name: str, password: str) -> None:
    """Fill in and submit the review page's login form."""
    review.text_input(key="login_name").set_value(name)
    review.text_input(key="login_password").set_value(password)
    next(b for b in review.button if b.label == "Log in").click().run()


def cited(chat: AppTest, question: str) -> list[str]:
    chat.chat_input(key="question").set_value(question).run()
    return [r.article_id for r in chat.session_state.transcript.turns[-1].answer.references]


def test_review_flow_moves_an_article_into_and_out_of_the_chat(apps: tuple[AppTest, AppTest], tmp_path: Path) -> None:
    chat, review = apps
    assert "vitamin-d-supplementation" not in cited(chat, VITAMIN_Q)
    assert not cited(chat, "How do I change a flat tyre on a bicycle?")

    log_in(review, "ada.lovelace", "analytical-engine-1843")
    board = review.dataframe[0].value
    statuses = dict(zip(board["Id"], board["Status"], strict=True))
    assert statuses["vitamin-d-supplementation"] == "Submitted"
    assert statuses["gnet"] == "Demo content — not clinically reviewed"
    assert set(board["Library"]) == {"bundled"}
    abstained = sum(t.answer.status == "abstained" for t in chat.session_state.transcript.turns)
    expected = f"{abstained} unanswered question{'s' if abstained != 1 else ''} in the last 90 days."
    assert abstained >= 1 and any(c.value == expected for c in review.caption)
    assert any(c.value.startswith("Question text is not stored") for c in review.caption)
    review.selectbox(key="review_article").set_value("vitamin-d-supplementation").run()
    review.button(key="start_review-vitamin-d-supplementation").click().run()
    picker = review.selectbox(key="review_article")
    assert picker.value == "vitamin-d-supplementation"
    label = picker.options[picker.index]
    assert label.startswith("Vitamin D") and "— Under review (bundled)" in label
    review.button(key="approve-vitamin-d-supplementation").click().run()
    assert not review.exception
    assert any("approve recorded" in s.value for s in review.success)
    assert "vitamin-d-supplementation" in cited(chat, VITAMIN_Q)

    review.button(key="retire-vitamin-d-supplementation").click().run()
    assert "vitamin-d-supplementation" not in cited(chat, VITAMIN_Q)

    history = EditorialBoard(connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3"))).history(
        "vitamin-d-supplementation"
    )
    assert [(h.action, h.actor) for h in history] == [
        (Action.START_REVIEW, "ada.lovelace"),
        (Action.APPROVE, "ada.lovelace"),
        (Action.RETIRE, "ada.lovelace"),
    ]


def test_without_access_nothing_can_change(apps: tuple[AppTest, AppTest]) -> None:
    _, review = apps
    assert not [b for b in review.button if b.key and b.key.startswith(("approve-", "retire-", "start_review-"))]
    log_in(review, "ada.lovelace", "a wrong password")
    assert any("do not match" in e.value for e in review.error)
    actions = ("approve-", "retire-", "start_review-", "return_to_author-")
    assert not review.selectbox and not [b for b in review.button if b.key and b.key.startswith(actions)]
