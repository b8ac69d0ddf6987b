"""Reviewer identities and roles: local accounts with slow salted hashes, lockout, the access log, OIDC
allow-lists, the demo-only shared code, and the review page driven through AppTest."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.render import plain
from knowledge.__main__ import main as knowledge_cli
from knowledge.db import Database, connect, sqlite_url
from knowledge.reviewers import (
    ACCOUNT_FAILURES_BEFORE_LOCK,
    PROCESS_FAILURES_BEFORE_SLOWDOWN,
    AccountError,
    LoginRefused,
    ProcessThrottle,
    Reviewers,
    Role,
    allowed_role,
    check_password,
    hash_password,
)
from knowledge.store import KnowledgeStore
from tests.conftest import ROOT

PASSWORD = "correct horse battery staple"
T0 = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand, for both the database's timestamps and the process throttle."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def seconds(self) -> float:
        return (self.now - T0).total_seconds()

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reviewers(database: Database, clock: Clock) -> Reviewers:
    """Accounts on both backends: an SQLite file and a real PostgreSQL schema (conftest's `database`)."""
    accounts = Reviewers(database, clock, ProcessThrottle(clock.seconds))
    accounts.add("ada", Role.ADMIN, PASSWORD, "test")
    accounts.add("bo", Role.REVIEWER, PASSWORD + " bo", "test")
    return accounts


def test_passwords_are_salted_slow_hashes_checked_exactly() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$16384$8$1$") and PASSWORD not in first
    assert check_password(PASSWORD, first) and check_password(PASSWORD, second)
    assert not check_password(PASSWORD + " ", first) and not check_password("", first)
    assert not check_password(PASSWORD, "plain:" + PASSWORD) and not check_password(PASSWORD, "scrypt$x$y$z$a$b")


def test_accounts_need_a_real_name_and_a_long_password(reviewers: Reviewers) -> None:
    with pytest.raises(AccountError, match="at least 12 characters"):
        reviewers.add("cy", Role.REVIEWER, "short", "test")
    with pytest.raises(AccountError, match="different characters"):
        reviewers.add("cy", Role.REVIEWER, "aaaaaaaaaaaaaaaa", "test")
    with pytest.raises(AccountError, match="reviewer name"):
        reviewers.add("../etc", Role.REVIEWER, PASSWORD, "test")
    with pytest.raises(AccountError, match="already exists"):
        reviewers.add("ada", Role.REVIEWER, PASSWORD, "test")
    stored = reviewers.db.query("SELECT password_hash FROM reviewers WHERE name = 'ada'")[0][0]
    assert PASSWORD not in stored


def test_login_gives_the_identity_and_role(reviewers: Reviewers) -> None:
    ada = reviewers.login("ada", PASSWORD)
    assert (ada.name, ada.role, ada.via, ada.is_admin) == ("ada", Role.ADMIN, "account", True)
    assert reviewers.login(" bo ", PASSWORD + " bo").role is Role.REVIEWER
    assert [e.event for e in reviewers.events()][:2] == ["login", "login"]


def test_every_failed_attempt_is_in_the_access_log_and_unknown_names_only_as_a_fingerprint(
    reviewers: Reviewers,
) -> None:
    for attempt in ("wrong one", "wrong two"):
        with pytest.raises(LoginRefused, match="do not match"):
            reviewers.login("bo", attempt)
    with pytest.raises(LoginRefused, match="do not match") as unknown:
        reviewers.login("my-secret-password-typed-as-name", PASSWORD)
    assert "exist" not in str(unknown.value), "the message does not say whether the name exists"
    failed = reviewers.events(event="login_failed")
    assert len(failed) == 3
    assert [e.account for e in failed[1:]] == ["bo", "bo"] and failed[0].account.startswith("unknown:")
    assert all("my-secret" not in e.account + e.detail for e in reviewers.events())
    with pytest.raises(Exception, match="append-only"):
        with reviewers.db.transaction() as tx:
            tx.execute("DELETE FROM access_log")


def test_repeated_failures_lock_the_account_with_a_doubling_wait(reviewers: Reviewers, clock: Clock) -> None:
    for _ in range(ACCOUNT_FAILURES_BEFORE_LOCK):
        with pytest.raises(LoginRefused):
            reviewers.login("bo", "not the password")
    with pytest.raises(LoginRefused, match="locked") as locked:
        reviewers.login("bo", PASSWORD + " bo")
    assert locked.value.retry_after == pytest.approx(60, abs=1)
    assert reviewers.login("ada", PASSWORD).name == "ada", "other accounts are not affected"

    clock.advance(61)
    with pytest.raises(LoginRefused, match="do not match"):
        reviewers.login("bo", "still not it")
    with pytest.raises(LoginRefused, match="locked") as longer:
        reviewers.login("bo", PASSWORD + " bo")
    assert longer.value.retry_after == pytest.approx(120, abs=1)
    clock.advance(121)
    assert reviewers.login("bo", PASSWORD + " bo").name == "bo"
    assert reviewers.get("bo").failures == 0 and reviewers.get("bo").locked_until == ""
    events = [e.event for e in reviewers.events()]
    assert events.count("login_refused") == 2 and events.count("login_failed") == ACCOUNT_FAILURES_BEFORE_LOCK + 1


def test_many_failures_across_accounts_slow_the_whole_process(reviewers: Reviewers, clock: Clock) -> None:
    for number in range(PROCESS_FAILURES_BEFORE_SLOWDOWN):
        with pytest.raises(LoginRefused):
            reviewers.login(f"guess{number}", "password-spraying")
    with pytest.raises(LoginRefused, match="Too many failed logins on this server"):
        reviewers.login("ada", PASSWORD)
    clock.advance(2)
    assert reviewers.login("ada", PASSWORD).name == "ada"


def test_retired_accounts_cannot_log_in_and_lose_their_session(reviewers: Reviewers) -> None:
    bo = reviewers.login("bo", PASSWORD + " bo")
    reviewers.set_active("bo", False, "ada")
    assert reviewers.still_valid(bo) is None
    with pytest.raises(LoginRefused):
        reviewers.login("bo", PASSWORD + " bo")
    assert reviewers.events(event="login_failed")[0].detail == "retired account"
    reviewers.set_active("bo", True, "ada")
    assert reviewers.still_valid(bo) == bo
    reviewers.set_role("bo", Role.ADMIN, "ada")
    assert reviewers.still_valid(bo).role is Role.ADMIN, "role changes apply to open sessions"


def test_there_is_always_an_active_administrator(reviewers: Reviewers) -> None:
    with pytest.raises(AccountError, match="their own account"):
        reviewers.set_active("ada", False, "ada")
    with pytest.raises(AccountError, match="last active administrator"):
        reviewers.set_active("ada", False, "cli:root")
    with pytest.raises(AccountError, match="last active administrator"):
        reviewers.set_role("ada", Role.REVIEWER, "cli:root")
    with pytest.raises(AccountError, match="no reviewer named"):
        reviewers.unlock("nobody", "ada")


def test_oidc_allow_lists_map_identities_to_roles() -> None:
    lists = {
        "reviewer_emails": ["Reviewer@Hospital.org"],
        "admin_emails": ["chief@hospital.org"],
        "reviewer_groups": ["mab-reviewers"],
        "admin_groups": ["mab-admins"],
    }
    assert allowed_role("reviewer@hospital.org", [], **lists) is Role.REVIEWER
    assert allowed_role("chief@hospital.org", ["mab-reviewers"], **lists) is Role.ADMIN
    assert allowed_role("someone@hospital.org", ["MAB-Reviewers"], **lists) is Role.REVIEWER
    assert allowed_role("someone@hospital.org", ["mab-admins"], **lists) is Role.ADMIN
    assert allowed_role("someone@hospital.org", ["nurses"], **lists) is None, "known to the provider is not enough"
    assert allowed_role(None, [], **lists) is None and allowed_role("", [], **lists) is None


def test_the_command_line_manages_accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return knowledge_cli(["reviewers", *argv])

    assert run("add", "ada", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert run("add", "bo", "--password-stdin", stdin="too short\n") == 2
    assert "at least 12" in capsys.readouterr().err
    assert run("add", "bo", "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert run("retire", "bo") == 0 and run("list") == 0
    listing = capsys.readouterr().out
    assert "ada\tadmin\tactive" in listing and "bo\treviewer\tretired" in listing
    assert run("restore", "bo") == 0 and run("set-role", "bo", "--role", "admin") == 0
    assert run("set-password", "bo", "--password-stdin", stdin="another long passphrase\n") == 0
    reviewers = Reviewers(connect(sqlite_url(tmp_path / "editorial.sqlite3")))
    assert reviewers.login("bo", "another long passphrase").role is Role.ADMIN
    assert run("log") == 0
    log = capsys.readouterr().out
    assert "account_added\tbo\tcli:" in log and "password_set\tbo" in log


# --- the review page -----------------------------------------------------------------------------------------


@pytest.fixture
def page(bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The review page on the bundled index, with one admin and one reviewer account."""
    monkeypatch.setenv("STORE_DIR", bundled_store.client.get_settings().persist_directory)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "DATABASE_URL", "REVIEWER_ACCESS_CODE"):
        monkeypatch.delenv(name, raising=False)
    accounts = Reviewers(connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3")))
    accounts.add("ada", Role.ADMIN, PASSWORD, "test")
    accounts.add("bo", Role.REVIEWER, PASSWORD + " bo", "test")
    at = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def log_in(at: AppTest, name: str, password: str) -> None:
    at.text_input(key="login_name").set_value(name)
    at.text_input(key="login_password").set_value(password)
    next(b for b in at.button if b.label == "Log in").click().run()
    assert not at.exception


def decision_buttons(at: AppTest) -> list[str]:
    return [b.key for b in at.button if b.key and b.key.startswith(("approve-", "retire-", "start_review-"))]


def page_text(at: AppTest) -> str:
    return "\n".join(e.value for kind in (at.markdown, at.caption, at.subheader) for e in kind)


def test_a_reviewer_logs_in_and_may_decide_but_not_administer(page: AppTest) -> None:
    assert not decision_buttons(page) and any("reviewer account" in i.value for i in page.info)
    log_in(page, "bo", PASSWORD + " bo")
    assert decision_buttons(page)
    assert "Logged in as **bo** (reviewer, account)" in page_text(page)
    assert "Reviewers and access" not in page_text(page)


def test_a_wrong_password_is_refused_and_logged(page: AppTest, tmp_path: Path) -> None:
    log_in(page, "bo", "not my password")
    assert any("do not match an active reviewer account" in e.value for e in page.error)
    assert not decision_buttons(page)
    reviewers = Reviewers(connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3")))
    assert [(e.event, e.account) for e in reviewers.events(event="login_failed")] == [("login_failed", "bo")]


def test_repeated_wrong_passwords_lock_the_account_on_the_page(page: AppTest) -> None:
    for _ in range(ACCOUNT_FAILURES_BEFORE_LOCK):
        log_in(page, "bo", "guessing again")
    log_in(page, "bo", PASSWORD + " bo")
    assert any("locked after repeated failed logins" in e.value for e in page.error)
    assert not decision_buttons(page)


def test_an_admin_manages_reviewers_and_a_retired_reviewer_is_logged_out(
    page: AppTest, bundled_store: KnowledgeStore, tmp_path: Path
) -> None:
    reviewer = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    reviewer.run()
    log_in(reviewer, "bo", PASSWORD + " bo")
    assert decision_buttons(reviewer)

    log_in(page, "ada", PASSWORD)
    assert "Reviewers and access (administrators)" in page_text(page)
    page.selectbox(key="admin_account").set_value("bo").run()
    page.button(key="admin_retire").click().run()
    assert not page.exception and any("bo retired" in s.value for s in page.success)

    reviewer.run()
    assert any("has been retired" in e.value for e in reviewer.error) and not decision_buttons(reviewer)
    events = Reviewers(connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3"))).events()
    assert ("account_retired", "bo", "ada") in [(e.event, e.account, e.actor) for e in events]


def test_the_shared_code_alone_no_longer_opens_the_page(
    page: AppTest, monkeypatch: pytest.MonkeyPatch, bundled_store: KnowledgeStore
) -> None:
    monkeypatch.setenv("REVIEWER_ACCESS_CODE", "board-2026-demo-code")
    at = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    at.run()
    assert not [t for t in at.text_input if t.key == "demo_code"]

    monkeypatch.setenv("REVIEWER_DEMO_ACCESS", "true")
    at = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    at.run()
    at.text_input(key="demo_name").set_value("Dr Demo")
    at.text_input(key="demo_code").set_value("board-2026-demo-code")
    next(b for b in at.button if b.label == "Enter").click().run()
    assert not at.exception and decision_buttons(at)
    assert "Logged in as **Dr Demo (demo code)** (reviewer, demo-code)" in page_text(at)


def _oidc_page(monkeypatch: pytest.MonkeyPatch, user: dict) -> AppTest:
    monkeypatch.setenv("REVIEWER_EMAILS", "reviewer@hospital.org")
    monkeypatch.setenv("ADMIN_GROUPS", "mab-admins")
    at = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32}
    at.user = user
    at.run()
    assert not at.exception
    return at


def test_oidc_without_login_offers_the_provider(page: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _oidc_page(monkeypatch, {"is_logged_in": False})
    assert [b.label for b in at.button] == ["Log in"] and not decision_buttons(at)


def test_oidc_identities_need_to_be_on_the_allow_list(
    page: AppTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stranger = _oidc_page(monkeypatch, {"is_logged_in": True, "email": "visitor@hospital.org", "groups": ["staff"]})
    assert any("not on the Medical Advisory Board's reviewer list" in e.value for e in stranger.error)
    assert not decision_buttons(stranger)

    listed = _oidc_page(monkeypatch, {"is_logged_in": True, "email": "Reviewer@hospital.org"})
    assert decision_buttons(listed) and "Reviewers and access" not in page_text(listed)
    assert f"Logged in as **{plain('Reviewer@hospital.org')}** (reviewer, oidc)" in page_text(listed)

    chief = _oidc_page(monkeypatch, {"is_logged_in": True, "email": "chief@hospital.org", "groups": ["mab-admins"]})
    assert "Reviewers and access (administrators)" in page_text(chief)
    events = Reviewers(connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3"))).events()
    assert ("login_refused", "visitor@hospital.org") in [(e.event, e.account) for e in events]
