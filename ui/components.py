"""How an Answer looks on the page: notices first, the evidence, checkable citations, follow-ups.

Every text the code did not write goes through assistant/render.py's `plain`, so titles, passages,
model sentences and questions show as text on the page, whatever Markdown or directives they hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.navigation.page import StreamlitPage

from assistant.models import Answer, NoticeKind, Reference
from assistant.render import (
    DEMO_LABEL,
    POLICY_NAME,
    answer_body_md,
    link_md,
    not_supported_md,
    passage_md,
    plain,
    plain_lines,
    status_label,
)
from knowledge.schema import ReviewStatus

BADGE_COLOURS = {"approved": "green", "under_review": "orange", "submitted": "gray", "retired": "red"}


class ReviewStep(Protocol):
    """One audit-log entry as the answer shows it (knowledge.editorial.AuditEntry fits)."""

    at: object
    from_status: ReviewStatus
    to_status: ReviewStatus
    actor: str


ReviewPath = Callable[[str], Sequence[ReviewStep]]


def status_badge(status: str, sample: bool = False) -> str:
    """A coloured Markdown badge for a review status; sample content gets the demo label, never Approved."""
    label = status_label(status, sample)
    colour = "gray" if label == DEMO_LABEL else BADGE_COLOURS.get(status, "gray")
    return f":{colour}-badge[{label}]"


def show_question(question: str, answer: Answer | None = None) -> None:
    """The user's own words, as text (escaped once per session when the answer to them is known)."""
    if answer is not None and answer.question == question:
        st.markdown(answer_view(answer).question)
    else:
        st.markdown(plain_lines(question))


@dataclass(frozen=True)
class ReferenceView:
    """One reference's Markdown, built once: the text the page shows for it never changes."""

    reference: Reference
    heading: str
    sources: tuple[str, ...]
    passages: tuple[tuple[str, str], ...]  # (expander label, passage text)


@dataclass(frozen=True)
class AnswerView:
    """Everything of an Answer that is text on the page, escaped once.

    An Answer never changes after its turn, yet the chat page shows every past turn on every script run;
    escaping its text (`plain`) again each time was a fifth of a rerun's CPU. Kept per browser session
    (answer_view), never shared between sessions.
    """

    question: str  # the question as the user's own words (answer.question is the turn's question)
    notices: tuple[tuple[NoticeKind, str], ...]
    body: str
    not_supported: tuple[str, str] | None  # (expander label, Markdown)
    references: tuple[ReferenceView, ...]
    follow_ups: tuple[tuple[str, str], ...]  # (button label, question)


def build_view(answer: Answer) -> AnswerView:
    notices = sorted(answer.notices, key=lambda n: n.kind is not NoticeKind.URGENT)
    removed = None
    if answer.not_supported:
        removed = (
            f"Not supported by the approved articles ({len(answer.not_supported)})",
            not_supported_md(answer).split("\n\n", 1)[1],
        )
    references = []
    for ref in answer.references:
        link = f" {link_md(ref.url)}" if ref.url else ""
        heading = (
            f"[{ref.number}] **{plain(ref.title)}**. {plain(ref.publisher)}, {ref.year}.{link}  \n"
            f"{status_badge(ref.review_status.value, ref.sample)} last updated {ref.last_updated.isoformat()}"
        )
        sources = tuple(
            f"Based on: {plain(source.title)}. {plain(source.publisher)}, {source.year}. {link_md(source.url)}"
            for source in ref.sources
        )
        passages = tuple(
            (
                f"Cited passage {passage_md(passage.label or str(ref.number), passage.section, passage.supports)}",
                plain(passage.text),
            )
            for passage in ref.passages
        )
        references.append(ReferenceView(ref, heading, sources, passages))
    return AnswerView(
        question=plain_lines(answer.question),
        notices=tuple((n.kind, plain(n.text)) for n in notices),
        body=answer_body_md(answer),
        not_supported=removed,
        references=tuple(references),
        follow_ups=tuple((plain(q), q) for q in answer.follow_ups),
    )


_VIEWS = "_answer_views"


def answer_view(answer: Answer) -> AnswerView:
    """The answer's view from this browser session's cache (st.session_state), built on first use."""
    views: dict[str, AnswerView] = st.session_state.setdefault(_VIEWS, {})
    view = views.get(answer.id)
    if view is None:
        view = views[answer.id] = build_view(answer)
    return view


def forget_views(keep: Iterable[str]) -> None:
    """Drop the cached views of answers no longer in the conversation (a new conversation was started)."""
    views: dict[str, AnswerView] = st.session_state.get(_VIEWS, {})
    wanted = set(keep)
    for answer_id in [a for a in views if a not in wanted]:
        del views[answer_id]


def render_notices(view: AnswerView) -> None:
    """Urgent care first, then anything else the reader must know before the evidence."""
    for kind, text in view.notices:
        if kind is NoticeKind.URGENT:
            st.error(text, icon="🚨")
        elif kind in (NoticeKind.NO_EVIDENCE, NoticeKind.INPUT):
            st.warning(text)
        elif kind is NoticeKind.SAMPLE:
            st.caption(f"⚠️ {text}")
        else:
            st.info(text)


def review_path_md(reference: Reference, steps: Sequence[ReviewStep]) -> str:
    """The article's way through review, with dates from the audit log."""
    if reference.sample:
        return (
            f"**{DEMO_LABEL}.** This sample article was written for the project and has not been through "
            "clinical review; no review decision is recorded for it."
        )
    if not steps:
        return (
            f"No review decision is recorded in the audit log for this article. Its status, "
            f"{status_label(reference.review_status)}, comes from the article file "
            f"(last updated {reference.last_updated.isoformat()})."
        )
    lines = [
        f"- {_day(step.at)}: {status_label(step.from_status)} → **{status_label(step.to_status)}** "
        f"({plain(step.actor)})"
        for step in steps
    ]
    return "**Review path** (from the audit log)\n\n" + "\n".join(lines)


def _day(value: object) -> str:
    return value.date().isoformat() if hasattr(value, "date") else plain(str(value))


def render_references(
    answer: Answer,
    review_path: ReviewPath | None = None,
    policy: StreamlitPage | None = None,
    view: AnswerView | None = None,
) -> None:
    """Each reference: source, year, link, review status and date with the policy beside it, the passage cited."""
    if not answer.references:
        return
    view = view or answer_view(answer)
    st.markdown("**References**")
    for ref_view in view.references:
        ref = ref_view.reference
        st.markdown(ref_view.heading)
        with st.container(horizontal=True, gap="small"):
            if policy is not None:
                st.page_link(policy, label=POLICY_NAME, icon=":material/policy:")
            if review_path is not None:
                with st.popover("Review path", key=f"path-{answer.id}-{ref.number}"):
                    st.markdown(review_path_md(ref, () if ref.sample else review_path(ref.article_id)))
        for caption in ref_view.sources:
            st.caption(caption)
        for label, text in ref_view.passages:
            with st.expander(label):
                st.markdown(text)


def render_answer(
    answer: Answer,
    ask: Callable[[str], None] | None = None,
    on_feedback: Callable[[Answer, int], None] | None = None,
    current_feedback: int | None = None,
    review_path: ReviewPath | None = None,
    policy: StreamlitPage | None = None,
) -> DeltaGenerator | None:
    """A whole reply. Buttons and feedback only where the reply is part of the live conversation.

    Returns the placeholder holding the follow-up buttons (None when there are none), so the page can
    take them away once a newer answer is the live one.
    """
    view = answer_view(answer)
    render_notices(view)
    if view.body:
        st.markdown(view.body)
    if view.not_supported:
        label, removed = view.not_supported
        with st.expander(label):
            st.markdown(removed)
    render_references(answer, review_path, policy, view)
    follow_ups = None
    if ask and view.follow_ups:
        follow_ups = st.empty()
        with follow_ups.container():
            st.markdown("**You could also ask**")
            for number, (label, question) in enumerate(view.follow_ups):
                st.button(label, key=f"follow-{answer.id}-{number}", on_click=ask, args=(question,))
    if on_feedback and answer.status == "answered":
        value = st.feedback("thumbs", key=f"feedback-{answer.id}")
        if value is not None and value != current_feedback:
            on_feedback(answer, value)
    st.caption(f"_{answer.disclaimer}_")
    return follow_ups
