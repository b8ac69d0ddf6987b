"""The app's shared, thread-safe services, built once per process and per configuration."""

from __future__ import annotations

import hashlib
import logging

import streamlit as st

from assistant.config import Settings, SettingsError, load_settings
from assistant.errors import report
from assistant.records import FeedbackLog
from assistant.wiring import Services, build_services
from knowledge.db import DatabaseConfigError
from knowledge.editorial import EditorialError
from knowledge.libraries import LibraryConfigError

log = logging.getLogger(__name__)


def settings_key(settings: Settings) -> str:
    """A cache key that changes when any setting, secrets included, changes."""
    values = (settings.openai_api_key, settings.reviewer_access_code, settings.chroma_token)
    secrets = "\x00".join(s.get_secret_value() if s else "" for s in values)
    return settings.model_dump_json() + hashlib.sha256(secrets.encode()).hexdigest()


@st.cache_resource(show_spinner="Preparing the approved knowledge base (first start builds the index)…")
def _services(key: str, _settings: Settings) -> Services:  # noqa: ARG001 - key is the cache key
    return build_services(_settings)


def get_services() -> Services:
    settings = load_settings()
    return _services(settings_key(settings), settings)


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
