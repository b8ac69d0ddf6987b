"""The one settings object: read from the environment at the edges (CLI, app), passed inward."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge.db import sqlite_url
from knowledge.libraries import Library, parse_libraries

ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Every field maps to an environment variable of the same name in upper case."""

    model_config = SettingsConfigDict(env_file=ROOT / ".env", env_file_encoding="utf-8", extra="ignore")

    store_dir: Path = Field(
        ROOT / ".data" / "store", description="Folder of the embedded Chroma store (ignored when CHROMA_HOST is set)"
    )
    data_dir: Path = Field(
        ROOT / ".data", description="Folder for local state: feedback, evidence gaps, editorial database"
    )
    chroma_host: str | None = Field(None, description="Host of a Chroma server (`chroma run`); unset = embedded")
    chroma_port: int = Field(8000, description="Port of the Chroma server")
    chroma_ssl: bool = Field(False, description="Use HTTPS to reach the Chroma server")
    chroma_collection: str = Field("knowledge", description="Collection name, so stores can share a server")
    chroma_token: SecretStr | None = Field(
        None, description="Token sent to the Chroma server (or the authenticating proxy in front of it)"
    )
    chroma_auth_header: str = Field(
        "Authorization",
        pattern=r"^[A-Za-z0-9-]+$",
        description="Header that carries CHROMA_TOKEN: 'Authorization' sends 'Bearer TOKEN', any other the token",
    )
    openai_api_key: SecretStr | None = Field(None, description="Key of an OpenAI-compatible API; enables LLM mode")
    openai_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp); enables LLM mode"
    )
    openai_model: str = Field("gpt-4o-mini", description="Model name sent to the LLM server")
    llm_timeout: float = Field(30.0, gt=0, description="Seconds before one LLM request is abandoned")
    llm_max_attempts: int = Field(3, ge=1, le=10, description="Attempts per LLM call for transient failures")
    llm_max_wait: float = Field(20.0, gt=0, description="Upper bound in seconds on all retries of one LLM call")
    retrieval_k: int = Field(8, ge=1, le=50, description="Passages retrieved per question")
    abstain_threshold: float = Field(
        0.40, ge=0, le=1, description="Minimum relevance of the best passage; below it the assistant abstains"
    )
    log_questions: bool = Field(
        False, description="Administrator switch: store question text with feedback and evidence gaps"
    )
    emergency_number: str = Field(
        "your local emergency number (999 in the UK, 911 in the US and Canada, 112 in the EU)",
        min_length=2,
        max_length=200,
        description="What the urgent-care notice tells people to call, e.g. '999' or '911'",
    )
    crisis_line: str = Field(
        "988 in the US (call or text), Samaritans on 116 123 in the UK and Ireland",
        min_length=2,
        max_length=300,
        description="The mental-health crisis line the crisis notice gives, e.g. 'Samaritans on 116 123'",
    )
    reviewer_access_code: SecretStr | None = Field(
        None,
        min_length=12,
        description="Shared code of the review page: only with REVIEWER_DEMO_ACCESS=true (demonstrations)",
    )
    reviewer_demo_access: bool = Field(
        False, description="Demonstration opt-in: accept REVIEWER_ACCESS_CODE plus a typed name on the review page"
    )
    reviewer_emails: str = Field("", description="OIDC: comma-separated emails allowed to review")
    admin_emails: str = Field("", description="OIDC: comma-separated emails allowed to review and administer")
    reviewer_groups: str = Field("", description="OIDC: comma-separated groups (in OIDC_GROUPS_CLAIM) that review")
    admin_groups: str = Field("", description="OIDC: comma-separated groups that review and administer")
    oidc_groups_claim: str = Field("groups", description="OIDC: the claim of st.user that lists the person's groups")
    shipped_vectors: bool = Field(
        True, description="Take the bundled articles' embeddings from the shipped file instead of computing them"
    )
    database_url: SecretStr | None = Field(
        None,
        description="Shared state (decisions, audit log, feedback, gaps): sqlite:///path/file.sqlite3 or "
        "postgresql://user:password@host:5432/db; unset = DATA_DIR/editorial.sqlite3",
    )
    article_dirs: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Article folders (libraries), comma-separated, each `path` or `name=path`; unset = bundled",
    )
    imports_need_review: bool = Field(
        False, description="Imported datasets (MedQuAD, PubMedQA) enter as submitted for the board, not approved"
    )
    review_interval_days: int = Field(
        365, ge=1, le=3650, description="Days after last_updated an article is due for review (unless next_review)"
    )
    reconcile_seconds: float = Field(
        30.0, gt=0, description="How often pending index updates of recorded decisions are retried"
    )
    sync_at_start: bool = Field(
        True, description="Sync the configured libraries into the index at start (unchanged files cost nothing)"
    )

    @field_validator("article_dirs", mode="before")
    @classmethod
    def _split_dirs(cls, value: object) -> object:
        if isinstance(value, str):
            return [part for part in value.split(",") if part.strip()]
        return value

    @field_validator("article_dirs")
    @classmethod
    def _libraries_readable(cls, value: list[str]) -> list[str]:
        parse_libraries(value)  # raises with a message saying how to fix ARTICLE_DIRS
        return value

    @field_validator("chroma_host", "openai_base_url", "database_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    def allow_list(self, name: str) -> list[str]:
        """One of the comma-separated OIDC allow-lists (reviewer_emails, admin_emails, ...) as a list."""
        return [item.strip() for item in str(getattr(self, name)).split(",") if item.strip()]

    def chroma_headers(self) -> dict[str, str]:
        """The headers every request to the Chroma server carries (none without a token)."""
        if not self.chroma_token:
            return {}
        token = self.chroma_token.get_secret_value()
        if self.chroma_auth_header.lower() == "authorization":
            return {"Authorization": f"Bearer {token}"}
        return {self.chroma_auth_header: token}

    @property
    def libraries(self) -> list[Library]:
        """The configured article libraries (the bundled one when ARTICLE_DIRS is unset)."""
        return parse_libraries(self.article_dirs)

    @property
    def database(self) -> str:
        """The DATABASE_URL in effect (a secret: it may hold the database password)."""
        if self.database_url:
            return self.database_url.get_secret_value()
        return sqlite_url(self.data_dir / "editorial.sqlite3")

    @property
    def llm_enabled(self) -> bool:
        """LLM mode when a key or a base URL is configured; otherwise the offline composer."""
        return bool(self.openai_api_key or self.openai_base_url)


class SettingsError(ValueError):
    """A setting whose value cannot work; the message names the variable, so it can be fixed."""


def describe(error: ValidationError) -> str:
    """One line per bad setting: its variable name, what is wrong, and the value unless it is a secret."""
    lines = []
    for item in error.errors():
        name = str(item["loc"][0]) if item["loc"] else "settings"
        field = Settings.model_fields.get(name)
        secret = field is not None and "SecretStr" in str(field.annotation)
        value = "" if secret or "input" not in item else f" (it is {str(item['input'])[:60]!r})"
        lines.append(f"{name.upper()}: {item['msg']}{value}")
    return "; ".join(lines)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment and the project's .env; a bad value raises SettingsError naming it."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(describe(exc)) from None
