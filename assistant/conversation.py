"""Follow-ups without an LLM: carry the topic of the earlier turn into a question that refers to it."""

from __future__ import annotations

import re

from assistant.citations import content_terms
from assistant.models import Turn
from assistant.offline import GENERIC_TERMS, topic_of

_ANAPHORA = re.compile(
    r"\b(it|its|it's|this|that|these|those|they|them|their|the (condition|disease|illness|tumou?r|cancer|"
    r"drug|medicine|medication|infection|disorder|treatment|same))\b",
    re.IGNORECASE,
)


def last_topic(history: list[Turn]) -> str | None:
    """The topic of the most recent answered turn: its first reference, else its question."""
    for turn in reversed(history):
        if turn.answer.references:
            return topic_of(turn.answer.references[0].title)
        if turn.answer.status == "answered":
            return turn.answer.standalone_question
    return None


def condense_offline(question: str, history: list[Turn]) -> str:
    """A question that names its topic, or the question unchanged when it already does."""
    topic = last_topic(history)
    if not topic:
        return question
    own_topic = content_terms(question) - GENERIC_TERMS
    if _ANAPHORA.search(question) or not own_topic:
        return f"{question.strip()} ({topic})"
    return question
