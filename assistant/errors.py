"""Errors users can act on: a plain message and an error id; the details go to the server log only.

The log gets the exception type and where it was raised, never its message: messages of parsing and
HTTP errors can quote the question or the LLM server's reply, and question text is not logged.
"""

from __future__ import annotations

import logging
import secrets
import traceback

log = logging.getLogger("assistant.errors")


def new_error_id() -> str:
    """Short enough to read over the phone, random enough to find one line in a log."""
    return secrets.token_hex(4)


def where(exc: BaseException) -> str:
    """The frames of the traceback (file, line, function) without any message or source text."""
    frames = traceback.extract_tb(exc.__traceback__)[-6:]
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames))


def report(context: str, exc: BaseException, logger: logging.Logger = log) -> str:
    """Log one failure by type and location under a new id; returns the id to show the user."""
    error_id = new_error_id()
    cause = exc.__cause__
    caused = f" (caused by {type(cause).__name__})" if cause is not None else ""
    logger.error("%s [error %s]: %s%s at %s", context, error_id, type(exc).__name__, caused, where(exc))
    return error_id
