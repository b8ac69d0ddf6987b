"""The shared database named by DATABASE_URL: an SQLite file by default, PostgreSQL for several replicas.

One small surface for every module that keeps shared state (editorial decisions, audit log, feedback,
evidence gaps, reviewer accounts): `connect(url)` gives a Database; a module declares its tables as
numbered migration steps (`db.migrate("editorial", [Step(...), ...])`, applied once, in order, under a
lock) and works inside `with db.transaction() as tx:` using `?` placeholders on both backends.
`tx.lock(key)` serialises writers on one key (SQLite's write transaction already does; PostgreSQL takes
a transaction-scoped advisory lock), which is what conflict detection builds on.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import psycopg

Dialect = Literal["sqlite", "postgresql"]
# What a refused statement raises on either backend (append-only triggers, constraint violations).
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, psycopg.Error)


class DatabaseConfigError(ValueError):
    """DATABASE_URL names something this program cannot open; the message says what to write instead."""


@dataclass(frozen=True)
class Step:
    """One migration step: the same change written for each backend (a script of several statements)."""

    sqlite: str
    postgresql: str

    @classmethod
    def same(cls, sql: str) -> Step:
        """A step whose SQL is identical on both backends."""
        return cls(sql, sql)


class Rows:
    """The result of one statement: rows as tuples, and how many rows it changed."""

    def __init__(self, rows: list[tuple], rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount

    def fetchone(self) -> tuple | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple]:
        return list(self._rows)


class Transaction:
    """Statements inside one transaction; committed when the `with` block ends without an exception."""

    def __init__(self, raw: Any, dialect: Dialect) -> None:
        self._raw = raw
        self.dialect = dialect

    def _sql(self, sql: str, has_params: bool) -> str:
        if self.dialect == "postgresql" and has_params:
            return sql.replace("%", "%%").replace("?", "%s")
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """Run one statement with `?` placeholders."""
        if self.dialect == "sqlite":
            cursor = self._raw.execute(sql, tuple(params))
            return Rows(cursor.fetchall() if cursor.description else [], cursor.rowcount)
        with self._raw.cursor() as cursor:
            cursor.execute(self._sql(sql, bool(params)), tuple(params) if params else None)
            return Rows(cursor.fetchall() if cursor.description else [], cursor.rowcount)

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT into a table with an `id` column; returns the new row's id."""
        if self.dialect == "sqlite":
            return int(self._raw.execute(sql, tuple(params)).lastrowid)
        row = self.execute(f"{sql} RETURNING id", params).fetchone()
        assert row is not None
        return int(row[0])

    def lock(self, key: str) -> None:
        """Serialise writers that take the same key until this transaction ends."""
        if self.dialect == "postgresql":
            self.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (key,))
        # SQLite: the transaction began with BEGIN IMMEDIATE, so it already is the only writer.

    def script(self, sql: str) -> None:
        """Several statements without parameters (migrations); SQLite triggers keep their inner ';'."""
        if self.dialect == "postgresql":
            self.execute(sql)
            return
        statement = ""
        for piece in sql.split(";"):
            statement += piece + ";"
            if sqlite3.complete_statement(statement):
                self._raw.execute(statement)
                statement = ""
        if statement.strip(" \n\t;"):
            self._raw.execute(statement)


class Database:
    """Connections to one database; safe to share between the threads of one process."""

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urlsplit(url)
        if parts.scheme == "sqlite":
            rest = url.split("://", 1)[1]
            if not rest.startswith("/") or not rest[1:]:
                raise DatabaseConfigError(
                    f"DATABASE_URL={url!r}: write an SQLite file as sqlite:////absolute/path/state.sqlite3 "
                    "(or sqlite:///relative/path.sqlite3)"
                )
            self.dialect: Dialect = "sqlite"
            self.path: Path | None = Path(rest[1:])
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif parts.scheme in ("postgresql", "postgres"):
            self.dialect = "postgresql"
            self.path = None
        else:
            raise DatabaseConfigError(
                f"DATABASE_URL scheme {parts.scheme!r} is not supported: use sqlite:///path/to/file.sqlite3 "
                "or postgresql://user:password@host:5432/database"
            )
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"Database({self.redacted()!r})"

    def redacted(self) -> str:
        """The URL without its password, for messages and logs."""
        parts = urlsplit(self.url)
        if parts.password:
            return self.url.replace(f":{parts.password}@", ":***@", 1)
        return self.url

    def _pg(self) -> psycopg.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed or conn.broken:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Transaction]:
        """One transaction; a write transaction in SQLite takes the write lock at once (BEGIN IMMEDIATE)."""
        if self.dialect == "sqlite":
            assert self.path is not None
            raw = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            try:
                raw.execute("PRAGMA journal_mode=WAL")
                raw.execute("PRAGMA busy_timeout=30000")
                raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield Transaction(raw, "sqlite")
                except BaseException:
                    raw.execute("ROLLBACK")
                    raise
                raw.execute("COMMIT")
            finally:
                raw.close()
            return
        conn = self._pg()
        with conn.transaction():
            yield Transaction(conn, "postgresql")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of one read-only statement."""
        with self.transaction(write=False) as tx:
            return tx.execute(sql, params).fetchall()

    def migrate(self, component: str, steps: Sequence[Step]) -> int:
        """Apply this component's steps not yet applied, in order, once across all processes; returns how many."""
        with self.transaction() as tx:
            tx.lock("migrations")
            tx.script(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "component TEXT NOT NULL, step INTEGER NOT NULL, applied_at TEXT NOT NULL, "
                "PRIMARY KEY (component, step))"
            )
            row = tx.execute("SELECT MAX(step) FROM schema_migrations WHERE component = ?", (component,)).fetchone()
            done = int(row[0]) if row and row[0] is not None else 0
            for number, step in enumerate(steps, start=1):
                if number <= done:
                    continue
                tx.script(step.sqlite if self.dialect == "sqlite" else step.postgresql)
                tx.execute(
                    "INSERT INTO schema_migrations (component, step, applied_at) VALUES (?, ?, ?)",
                    (component, number, dt.datetime.now(dt.UTC).isoformat()),
                )
            return max(len(steps) - done, 0)


def connect(url: str) -> Database:
    """The database a DATABASE_URL names (sqlite:///file or postgresql://...)."""
    return Database(url)


def sqlite_url(path: Path) -> str:
    """The DATABASE_URL of an SQLite file."""
    return f"sqlite:///{path.resolve()}"


def append_only(table: str) -> Step:
    """Triggers that refuse UPDATE and DELETE (and, in PostgreSQL, TRUNCATE) of a log table's rows."""
    message = f"the {table} is append-only"
    return Step(
        sqlite=(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}\n"
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;\n"
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}\n"
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;\n"
        ),
        postgresql=(
            f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN RAISE EXCEPTION '{message}'; END $$;\n"
            f"DROP TRIGGER IF EXISTS {table}_no_change ON {table};\n"
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}\n"
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only();\n"
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};\n"
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}\n"
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();\n"
        ),
    )


ID_COLUMN = {
    "sqlite": "id INTEGER PRIMARY KEY AUTOINCREMENT",
    "postgresql": "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}


def table_with_id(name: str, columns: str) -> Step:
    """CREATE TABLE with an auto-numbered `id` first, written for each backend."""
    return Step(
        sqlite=f"CREATE TABLE IF NOT EXISTS {name} ({ID_COLUMN['sqlite']}, {columns});",
        postgresql=f"CREATE TABLE IF NOT EXISTS {name} ({ID_COLUMN['postgresql']}, {columns});",
    )
