"""The app's shared, thread-safe services, built once per process and per configuration."""

from __future__ import annotations

import hashlib

import streamlit as st

from assistant.config import Settings
from assistant.records import FeedbackLog
from assistant.wiring import Services, build_services


def settings_key(settings: Settings) -> str:
    """A cache key that changes when any setting, secrets included, changes."""
    secrets = "".join(
        s.get_secret_value()
        for s in (settings.openai_api_key, settings.reviewer_access_code, settings.database_url)
        if s
    )
    return settings.model_dump_json() + hashlib.sha256(secrets.encode()).hexdigest()


@st.cache_resource(show_spinner="Preparing the approved knowledge base (first start builds the index)…")
def _services(key: str, _settings: Settings) -> Services:  # noqa: ARG001 - key is the cache key
    return build_services(_settings)


def get_services() -> Services:
    settings = Settings()
    return _services(settings_key(settings), settings)


def feedback_log(services: Services) -> FeedbackLog:
    """Ratings go to the shared database, so every replica's board sees them."""
    assert services.feedback is not None
    return services.feedback
