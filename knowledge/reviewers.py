"""Who may review: local reviewer accounts, their roles, and an append-only log of every access event.

Without an identity provider, administrators create accounts from the command line
(`python -m knowledge reviewers add NAME --role reviewer`). Passwords are stored as salted scrypt
hashes and checked in constant time; repeated failures lock the account with a doubling wait (kept in
the database, so every replica honours it) and slow the whole process down when many accounts are
tried at once. Every failed attempt, lockout and account change is written to the access log, which
the database refuses to update or delete. With OIDC (`st.login`), `allowed_role` maps the provider's
identity to a role through allow-lists of emails and groups.
"""

from __future__ import annotations

import base64
import collections
import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from enum import StrEnum

from pydantic import BaseModel

from knowledge.db import Database, Step, append_only, table_with_id

MIN_PASSWORD_LENGTH = 12
ACCOUNT_FAILURES_BEFORE_LOCK = 5  # consecutive failures of one account
ACCOUNT_LOCK_SECONDS = 60.0  # first lock; doubles with every further failure
MAX_LOCK_SECONDS = 3600.0
PROCESS_WINDOW_SECONDS = 300.0  # failures of all accounts in this process, over this window...
PROCESS_FAILURES_BEFORE_SLOWDOWN = 20  # ...beyond which every login in the process waits
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # about 16 MB and 50 ms per check: slow for guessing, fine for a login

MIGRATIONS = [
    Step.same(
        "CREATE TABLE IF NOT EXISTS reviewers ("
        "name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, active INTEGER NOT NULL, "
        "created_at TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT NOT NULL DEFAULT '');"
    ),
    table_with_id(
        "access_log",
        "at TEXT NOT NULL, event TEXT NOT NULL, account TEXT NOT NULL, actor TEXT NOT NULL, "
        "detail TEXT NOT NULL DEFAULT ''",
    ),
    append_only("access_log"),
]


class Role(StrEnum):
    REVIEWER = "reviewer"
    ADMIN = "admin"


class AccountError(ValueError):
    """An account change that cannot be made as asked; the message says why."""


class LoginRefused(Exception):  # noqa: N818 - a refusal, not a program error
    """The login did not succeed; the message is safe to show (it never says whether the name exists)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Account(BaseModel):
    name: str
    role: Role
    active: bool
    created_at: str
    failures: int
    locked_until: str


class Identity(BaseModel):
    """Who is acting on the review page: the audit log's "who", never a typed name."""

    name: str
    role: Role
    via: str  # "account", "oidc" or "demo-code"

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


class AccessEvent(BaseModel):
    id: int
    at: str
    event: str
    account: str
    actor: str
    detail: str


def hash_password(password: str) -> str:
    """A salted scrypt hash with its parameters, so they can be raised later without breaking old hashes."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **_SCRYPT)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    """Constant-time comparison of the password's hash with the stored one."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        given = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=64 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(given, expected)


_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))  # unknown names cost as much as known ones


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"a password needs at least {MIN_PASSWORD_LENGTH} characters"
    if len(set(password)) < 5:
        return "a password needs more than a few different characters"
    return None


class ProcessThrottle:
    """Failed logins of all accounts in this process: beyond a threshold, every login waits, doubling."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._failures: collections.deque[float] = collections.deque()
        self._lock = threading.Lock()

    def _trim(self, now: float) -> None:
        while self._failures and now - self._failures[0] > PROCESS_WINDOW_SECONDS:
            self._failures.popleft()

    def wait(self) -> float:
        """Seconds until this process accepts another login attempt (0 when it does now)."""
        with self._lock:
            now = self.clock()
            self._trim(now)
            excess = len(self._failures) - PROCESS_FAILURES_BEFORE_SLOWDOWN
            if excess < 0:
                return 0.0
            until = self._failures[-1] + min(MAX_LOCK_SECONDS, 2.0 ** min(excess, 12))
            return max(0.0, until - now)

    def failed(self) -> None:
        with self._lock:
            self._failures.append(self.clock())
            self._trim(self._failures[-1])


_PROCESS = ProcessThrottle()


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


class Reviewers:
    """Reviewer accounts and the access log in the shared database."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        throttle: ProcessThrottle = _PROCESS,
    ) -> None:
        self.db = db
        self.clock = clock
        self.throttle = throttle
        db.migrate("reviewers", MIGRATIONS)

    # ---- the log -------------------------------------------------------------------------------------

    def _log(self, tx: object, event: str, account: str, actor: str, detail: str = "") -> None:
        tx.insert(  # type: ignore[attr-defined]
            "INSERT INTO access_log (at, event, account, actor, detail) VALUES (?, ?, ?, ?, ?)",
            (_iso(self.clock()), event, account[:80], actor[:120], detail[:200]),
        )

    def record(self, event: str, account: str, actor: str, detail: str = "") -> None:
        """Write one access event (OIDC logins and refusals, demo-code attempts)."""
        with self.db.transaction() as tx:
            self._log(tx, event, account, actor, detail)

    def events(self, limit: int = 200, event: str | None = None) -> list[AccessEvent]:
        query = "SELECT id, at, event, account, actor, detail FROM access_log"
        params: tuple = ()
        if event:
            query += " WHERE event = ?"
            params = (event,)
        rows = self.db.query(query + " ORDER BY id DESC LIMIT ?", (*params, limit))
        keys = ("id", "at", "event", "account", "actor", "detail")
        return [AccessEvent.model_validate(dict(zip(keys, row, strict=True))) for row in rows]

    # ---- accounts ------------------------------------------------------------------------------------

    def get(self, name: str) -> Account | None:
        rows = self.db.query(
            "SELECT name, role, active, created_at, failures, locked_until FROM reviewers WHERE name = ?", (name,)
        )
        if not rows:
            return None
        name, role, active, created, failures, locked = rows[0]
        return Account(
            name=name, role=Role(role), active=bool(active), created_at=created, failures=failures, locked_until=locked
        )

    def accounts(self) -> list[Account]:
        rows = self.db.query("SELECT name FROM reviewers ORDER BY name")
        return [a for (name,) in rows if (a := self.get(name))]

    def add(self, name: str, role: Role, password: str, actor: str) -> Account:
        if not NAME.match(name):
            raise AccountError("a reviewer name is 2-64 letters, digits, '.', '_', '@' or '-', starting with one")
        if problem := password_problem(password):
            raise AccountError(problem)
        hashed = hash_password(password)
        with self.db.transaction() as tx:
            tx.lock(f"reviewer:{name}")
            if tx.execute("SELECT 1 FROM reviewers WHERE name = ?", (name,)).fetchone():
                raise AccountError(f"a reviewer named {name!r} already exists")
            tx.execute(
                "INSERT INTO reviewers (name, role, password_hash, active, created_at) VALUES (?, ?, ?, 1, ?)",
                (name, role.value, hashed, _iso(self.clock())),
            )
            self._log(tx, "account_added", name, actor, f"role {role.value}")
        account = self.get(name)
        assert account is not None
        return account

    def _change(self, name: str, actor: str, event: str, sql: str, params: tuple, detail: str = "") -> None:
        with self.db.transaction() as tx:
            tx.lock(f"reviewer:{name}")
            if not tx.execute("SELECT 1 FROM reviewers WHERE name = ?", (name,)).fetchone():
                raise AccountError(f"there is no reviewer named {name!r}")
            tx.execute(sql, (*params, name))
            self._log(tx, event, name, actor, detail)

    def set_active(self, name: str, active: bool, actor: str) -> None:
        """Retire (disable) or restore an account; a retired account cannot log in, and loses its session."""
        if not active and actor == name:
            raise AccountError("administrators cannot retire their own account")
        if not active:
            self._keep_an_admin(name)
        event = "account_restored" if active else "account_retired"
        self._change(name, actor, event, "UPDATE reviewers SET active = ? WHERE name = ?", (int(active),))

    def set_role(self, name: str, role: Role, actor: str) -> None:
        if role is Role.REVIEWER:
            self._keep_an_admin(name)
        self._change(name, actor, "role_set", "UPDATE reviewers SET role = ? WHERE name = ?", (role.value,), role.value)

    def set_password(self, name: str, password: str, actor: str) -> None:
        """A new password also lifts a lock."""
        if problem := password_problem(password):
            raise AccountError(problem)
        self._change(
            name,
            actor,
            "password_set",
            "UPDATE reviewers SET password_hash = ?, failures = 0, locked_until = '' WHERE name = ?",
            (hash_password(password),),
        )

    def unlock(self, name: str, actor: str) -> None:
        self._change(name, actor, "unlocked", "UPDATE reviewers SET failures = 0, locked_until = '' WHERE name = ?", ())

    def _keep_an_admin(self, name: str) -> None:
        admins = [a.name for a in self.accounts() if a.role is Role.ADMIN and a.active]
        if admins == [name]:
            raise AccountError(f"{name} is the last active administrator; make another one first")

    # ---- logging in ----------------------------------------------------------------------------------

    def login(self, name: str, password: str, source: str = "review page") -> Identity:
        """The account's identity, or LoginRefused; every refusal is logged, locks are enforced first."""
        name = name.strip()
        wait = self.throttle.wait()
        if wait > 0:
            self.record("login_refused", name or "?", source, f"process slowed down for {wait:.0f} s")
            raise LoginRefused(
                f"Too many failed logins on this server. Try again in {wait:.0f} seconds.", retry_after=wait
            )
        now = self.clock()
        stored = self.db.query(
            "SELECT password_hash, role, active, failures, locked_until FROM reviewers WHERE name = ?", (name,)
        )
        if stored and stored[0][4] and dt.datetime.fromisoformat(stored[0][4]) > now:
            left = (dt.datetime.fromisoformat(stored[0][4]) - now).total_seconds()
            self.record("login_refused", name, source, f"account locked for {left:.0f} s more")
            raise LoginRefused(
                f"This account is locked after repeated failed logins. Try again in {left:.0f} seconds.",
                retry_after=left,
            )
        ok = check_password(password, stored[0][0] if stored else _DUMMY_HASH) and bool(stored)
        if ok and stored[0][2]:
            with self.db.transaction() as tx:
                tx.execute("UPDATE reviewers SET failures = 0, locked_until = '' WHERE name = ?", (name,))
                self._log(tx, "login", name, source)
            return Identity(name=name, role=Role(stored[0][1]), via="account")
        self.throttle.failed()
        reason = "retired account" if ok else ("wrong password" if stored else "unknown name")
        with self.db.transaction() as tx:
            detail = reason
            if stored:
                row = tx.execute("SELECT failures FROM reviewers WHERE name = ?", (name,)).fetchone()
                failures = (row[0] if row else 0) + 1
                locked = ""
                if failures >= ACCOUNT_FAILURES_BEFORE_LOCK:
                    seconds = min(
                        MAX_LOCK_SECONDS, ACCOUNT_LOCK_SECONDS * 2 ** (failures - ACCOUNT_FAILURES_BEFORE_LOCK)
                    )
                    locked = _iso(now + dt.timedelta(seconds=seconds))
                    detail += f"; locked for {seconds:.0f} s after {failures} failures"
                tx.execute(
                    "UPDATE reviewers SET failures = ?, locked_until = ? WHERE name = ?", (failures, locked, name)
                )
            # an unknown name may be a password typed in the wrong field: only its fingerprint is kept
            shown = name if stored else f"unknown:{hashlib.sha256(name.encode()).hexdigest()[:8]}"
            self._log(tx, "login_failed", shown, source, detail)
        raise LoginRefused("That name and password do not match an active reviewer account.")

    def still_valid(self, identity: Identity) -> Identity | None:
        """The identity as the database now has it (role changes apply at once), or None once retired."""
        if identity.via != "account":
            return identity
        account = self.get(identity.name)
        if account is None or not account.active:
            return None
        return identity.model_copy(update={"role": account.role})


def allowed_role(
    email: str | None,
    groups: Iterable[str],
    reviewer_emails: Iterable[str],
    admin_emails: Iterable[str],
    reviewer_groups: Iterable[str],
    admin_groups: Iterable[str],
) -> Role | None:
    """The role an OIDC identity has on the allow-lists (admin wins), or None: being known to the provider is
    not enough."""
    mail = (email or "").strip().casefold()
    member = {g.strip().casefold() for g in groups}

    def listed(emails: Iterable[str], wanted_groups: Iterable[str]) -> bool:
        return bool(mail and mail in {e.strip().casefold() for e in emails}) or bool(
            member & {g.strip().casefold() for g in wanted_groups}
        )

    if listed(admin_emails, admin_groups):
        return Role.ADMIN
    if listed(reviewer_emails, reviewer_groups):
        return Role.REVIEWER
    return None
