"""The app's shared, thread-safe services, built once per process and per configuration."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sys
import threading
import time

import streamlit as st

from assistant.config import ROOT, Settings, SettingsError, load_settings
from assistant.errors import report
from assistant.records import FeedbackLog
from assistant.wiring import Services, build_index, build_services
from knowledge.db import DatabaseConfigError
from knowledge.editorial import EditorialError, Reconciler
from knowledge.libraries import LibraryConfigError

log = logging.getLogger(__name__)
_index_lock = threading.Lock()
_synced: set[int] = set()
_settings_lock = threading.Lock()
_settings: dict[tuple, tuple[Settings, str]] = {}
# Settings are read again at least this often even when nothing they come from changed, so a setting
# that stops validating (ARTICLE_DIRS pointing at a folder that went away) still shows as an error.
SETTINGS_RECHECK_SECONDS = 10.0


def settings_key(settings: Settings) -> str:
    """A cache key that changes when any setting, secrets included, changes."""
    values = (settings.openai_api_key, settings.reviewer_access_code, settings.chroma_token, settings.database_url)
    secrets = "\x00".join(s.get_secret_value() if s else "" for s in values)
    return settings.model_dump_json() + hashlib.sha256(secrets.encode()).hexdigest()


@st.cache_resource(show_spinner="Opening the approved knowledge base…")
def _services(key: str, _settings: Settings) -> Services:  # noqa: ARG001 - key is the cache key
    return build_services(_settings, ensure_index=False)


def progress_text(done: int, total: int) -> str:
    return f"Preparing the knowledge base: {done:,} of {total:,} passages embedded"


def _ensure_index(services: Services) -> None:
    """Once per process: sync the configured libraries (cheap when unchanged), apply pending decisions.

    Shipped vectors make a first start a load; passages the file does not hold are embedded, and only
    then is there a progress bar, with counts in the page and the terminal. Other sessions arriving
    meanwhile wait for the same build.
    """
    if id(services) in _synced or not services.settings.sync_at_start and services.store.count():
        return
    with st.spinner("Preparing the knowledge base…"), _index_lock:
        if id(services) in _synced:
            return
        bar = st.empty()
        print("Syncing the article libraries…", file=sys.stderr, flush=True)

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=progress_text(done, total))
            if done == total or done % 160 < 32:
                print(f"  {progress_text(done, total)}", file=sys.stderr, flush=True)

        embedder = services.store.embedder
        before = embedder.texts_embedded
        result = build_index(services.settings, services.store, services.board, progress)
        computed = embedder.texts_embedded - before
        services.first_build = result
        report = result.report
        print(
            f"Indexed {report.articles} articles: {report.chunks_added} passages, {computed} embedded now, "
            f"{report.embedded - computed} from the shipped vectors.",
            file=sys.stderr,
            flush=True,
        )
        bar.empty()
        services.reconciler = Reconciler(services.board, services.settings.reconcile_seconds).start()
        _synced.add(id(services))
        # The model, the index and the imported packages live as long as the process: moved out of the
        # collector's reach, so the collections Python still runs scan only what sessions create.
        gc.collect()
        gc.freeze()


def _env_file_state() -> tuple[int, int] | None:
    try:
        stat = (ROOT / ".env").stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def current_settings() -> tuple[Settings, str]:
    """The settings and their cache key, read again only when the environment or .env changed.

    Reading them (pydantic-settings, the .env file, resolving the library folders) cost more CPU than
    anything else in a chat page's script run except the answer itself. Settings come from the process
    environment and ROOT/.env only, so both are in the key; a bad value raises SettingsError every time.
    """
    key = (
        tuple(sorted(os.environ.items())),
        _env_file_state(),
        int(time.monotonic() // SETTINGS_RECHECK_SECONDS),
    )
    with _settings_lock:
        cached = _settings.get(key)
    if cached is None:
        settings = load_settings()
        cached = (settings, settings_key(settings))
        with _settings_lock:
            _settings.clear()  # only the current environment is worth keeping
            _settings[key] = cached
    return cached


def get_services() -> Services:
    settings, key = current_settings()
    services = _services(key, settings)
    _ensure_index(services)
    return services


def services_or_stop() -> Services:
    """The services, or a plain message saying what to fix (a setting, or the store) and a stopped page."""
    try:
        return get_services()
    except (SettingsError, DatabaseConfigError, LibraryConfigError) as exc:
        st.error(f"A setting is not valid: {exc}. Fix it in the environment or .env, then restart the app.")
    except EditorialError as exc:
        st.error(f"The editorial database cannot be used: {exc}. The administrator can check DATA_DIR.")
    except Exception as exc:
        error_id = report("startup failed", exc, log)
        st.error(
            "The knowledge base could not be opened. Check STORE_DIR, or CHROMA_HOST, CHROMA_PORT and "
            f"CHROMA_TOKEN if you use a Chroma server, then reload the page. (error id {error_id})"
        )
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")


def feedback_log(services: Services) -> FeedbackLog:
    """Ratings go to the shared database, so every replica's board sees them."""
    assert services.feedback is not None
    return services.feedback
