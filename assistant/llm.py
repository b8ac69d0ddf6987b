"""Any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp): streaming, bounded retries.

Retries live in one layer: the openai client is built with max_retries=0 and tenacity retries only
transient failures (connection errors, timeouts, 429 honouring Retry-After, 5xx), bounded in attempts
and in total time. A stream is retried only before its first token; once text has reached the reader,
a failure ends the call and the pipeline falls back to the offline composer.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Generator, Iterator

import openai
from openai import OpenAI
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_after_delay

from assistant import prompts
from assistant.citations import Draft, parse_statement
from assistant.config import Settings
from assistant.models import PartKind, Persona, Statement, Turn
from knowledge.schema import Hit


class LLMError(RuntimeError):
    """The LLM could not produce a complete reply within the retry bounds."""


class StreamIncomplete(LLMError):
    """The stream ended without a finish reason: the server or the network cut it."""


def is_transient(exc: BaseException) -> bool:
    """Worth another attempt: the next one may well succeed."""
    if isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError)):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500


def _retry_after(exc: BaseException | None) -> float | None:
    if isinstance(exc, openai.APIStatusError):
        value = exc.response.headers.get("retry-after")
        try:
            return max(0.0, float(value)) if value is not None else None
        except ValueError:
            return None
    return None


def failure_kind(exc: BaseException) -> str:
    """What went wrong, in our words: the type and HTTP status, never the server's text (it may quote input)."""
    status = f" {exc.status_code}" if isinstance(exc, openai.APIStatusError) else ""
    return f"{type(exc).__name__}{status}"


def build_client(settings: Settings) -> OpenAI:
    """The openai client for the configured server; built only when LLM mode is on."""
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
    return OpenAI(api_key=key, base_url=settings.openai_base_url, max_retries=0, timeout=settings.llm_timeout)


class LLMClient:
    """Chat completions with bounded retries; the sleep is injectable so tests need not wait."""

    def __init__(
        self,
        client: OpenAI,
        model: str,
        max_attempts: int = 3,
        max_wait: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.model = model
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.sleep = sleep
        self.attempts = 0

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = _retry_after(exc)
        backoff = min(8.0, 0.5 * 2 ** (state.attempt_number - 1))
        elapsed = time.monotonic() - state.start_time
        return max(0.0, min(hinted if hinted is not None else backoff, self.max_wait - elapsed))

    def _retrying(self) -> Retrying:
        return Retrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(self.max_attempts) | stop_after_delay(self.max_wait),
            wait=self._wait,
            sleep=self.sleep,
            reraise=True,
        )

    def complete(self, messages: list[dict[str, str]]) -> str:
        """A whole reply, for short calls such as condensing a follow-up."""
        try:
            for attempt in self._retrying():
                with attempt:
                    self.attempts += 1
                    reply = self.client.chat.completions.create(model=self.model, messages=messages, temperature=0)
        except openai.OpenAIError as exc:
            raise LLMError(f"the LLM server failed ({failure_kind(exc)})") from exc
        return (reply.choices[0].message.content or "").strip()

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        """Text deltas as they arrive; raises LLMError on failure, StreamIncomplete on a cut stream."""
        try:
            for attempt in self._retrying():
                with attempt:
                    self.attempts += 1
                    chunks = iter(
                        self.client.chat.completions.create(
                            model=self.model, messages=messages, temperature=0, stream=True
                        )
                    )
                    first = next(chunks, None)
        except openai.OpenAIError as exc:
            raise LLMError(f"the LLM server failed ({failure_kind(exc)})") from exc
        finish = None
        try:
            for chunk in itertools.chain([first] if first is not None else [], chunks):
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                if choice.delta and choice.delta.content:
                    yield choice.delta.content
                finish = choice.finish_reason or finish
        except (openai.OpenAIError, OSError) as exc:
            raise StreamIncomplete(f"the LLM stream broke off ({failure_kind(exc)})") from exc
        except Exception as exc:  # httpx protocol errors surface as their own types mid-stream
            raise StreamIncomplete(f"the LLM stream broke off ({failure_kind(exc)})") from exc
        if finish is None:
            raise StreamIncomplete("the LLM stream ended before the reply was complete")


_LABEL = re.compile(r"^\s*\**\s*(DIRECT|GUIDELINES|RESEARCH|FOLLOWUPS|FOLLOW-UPS)\s*\**\s*:\s*(.*)$", re.I)
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|(?<=\])\s+(?=[A-Z])")


def parse_reply(text: str, n_sources: int) -> Draft:
    """The model's labelled reply to a Draft; unlabelled text counts as the direct answer."""
    draft = Draft()
    section = "DIRECT"
    bodies: dict[str, list[str]] = {"DIRECT": [], "GUIDELINES": [], "RESEARCH": [], "FOLLOWUPS": []}
    for line in text.splitlines():
        match = _LABEL.match(line)
        if match:
            section = match.group(1).upper().replace("FOLLOW-UPS", "FOLLOWUPS")
            line = match.group(2)
        if line.strip():
            bodies[section].append(line.strip())
    for section, lines in bodies.items():
        if section == "FOLLOWUPS":
            draft.follow_ups = [re.sub(r"^[-*\d.)\s]+", "", q).strip() for q in lines if q.strip("-* ")][:3]
            continue
        statements: list[Statement] = []
        for line in lines:
            line = re.sub(r"^\s*[-*]\s+", "", line)
            if line.lower().strip(" .") in ("none", "n/a"):
                continue
            for sentence in _SPLIT.split(line):
                statement, dropped = parse_statement(sentence, n_sources)
                draft.dropped_markers += dropped
                if statement.text:
                    statements.append(statement)
        if section == "DIRECT":
            draft.direct = statements
        else:
            draft.parts[PartKind.GUIDELINES if section == "GUIDELINES" else PartKind.RESEARCH] = statements
    return draft


def format_sources(hits: list[Hit]) -> str:
    """Numbered passages with the metadata the model needs to put guidelines first."""
    blocks = []
    for number, hit in enumerate(hits, start=1):
        kind = "guideline" if hit.section.lower() == "guideline recommendations" else hit.evidence_type.value
        blocks.append(f"[{number}] {hit.title} — {hit.section} (type: {kind}; updated {hit.last_updated})\n{hit.text}")
    return "\n\n".join(blocks)


def format_history(history: list[Turn]) -> str:
    if not history:
        return "(none)"
    return "\n".join(f"User: {t.question}\nAssistant: {' '.join(s.text for s in t.answer.direct)}" for t in history)


class LLMComposer:
    """Composes through the LLM; the caller falls back to the offline composer on LLMError."""

    def __init__(self, llm: LLMClient) -> None:
        self.llm = llm
        self.name = llm.model

    def condense(self, question: str, history: list[Turn]) -> str:
        """A stand-alone version of a follow-up question."""
        prompt = prompts.render("condense.md", history=format_history(history), question=question)
        condensed = self.llm.complete([{"role": "user", "content": prompt}])
        return condensed.splitlines()[0].strip() if condensed.strip() else question

    def stream(
        self, question: str, hits: list[Hit], persona: Persona, history: list[Turn]
    ) -> Generator[str, None, Draft]:
        """Yields text as it arrives; returns the parsed Draft."""
        messages = [
            {"role": "system", "content": prompts.render("system.md")},
            {
                "role": "user",
                "content": prompts.render(
                    "answer.md",
                    question=question,
                    persona_notes=prompts.persona_notes(persona),
                    history=format_history(history),
                    sources=format_sources(hits),
                ),
            },
        ]
        pieces: list[str] = []
        for delta in self.llm.stream(messages):
            pieces.append(delta)
            yield delta
        return parse_reply("".join(pieces), len(hits))
