"""How an Answer looks on the page: notices first, the evidence, checkable citations, follow-ups.

Every text the code did not write goes through assistant/render.py's `plain`, so titles, passages,
model sentences and questions show as text on the page, whatever Markdown or directives they hold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import streamlit as st
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


def show_question(question: str) -> None:
    """The user's own words, as text."""
    st.markdown(plain_lines(question))


def render_notices(answer: Answer) -> None:
    """Urgent care first, then anything else the reader must know before the evidence."""
    for notice in sorted(answer.notices, key=lambda n: n.kind is not NoticeKind.URGENT):
        text = plain(notice.text)
        if notice.kind is NoticeKind.URGENT:
            st.error(text, icon="🚨")
        elif notice.kind in (NoticeKind.NO_EVIDENCE, NoticeKind.INPUT):
            st.warning(text)
        elif notice.kind is NoticeKind.SAMPLE:
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
    answer: Answer, review_path: ReviewPath | None = None, policy: StreamlitPage | None = None
) -> None:
    """Each reference: source, year, link, review status and date with the policy beside it, the passage cited."""
    if not answer.references:
        return
    st.markdown("**References**")
    for ref in answer.references:
        link = f" {link_md(ref.url)}" if ref.url else ""
        st.markdown(
            f"[{ref.number}] **{plain(ref.title)}**. {plain(ref.publisher)}, {ref.year}.{link}  \n"
            f"{status_badge(ref.review_status.value, ref.sample)} last updated {ref.last_updated.isoformat()}"
        )
        with st.container(horizontal=True, gap="small"):
            if policy is not None:
                st.page_link(policy, label=POLICY_NAME, icon=":material/policy:")
            if review_path is not None:
                with st.popover("Review path", key=f"path-{answer.id}-{ref.number}"):
                    st.markdown(review_path_md(ref, review_path(ref.article_id)))
        for source in ref.sources:
            st.caption(
                f"Based on: {plain(source.title)}. {plain(source.publisher)}, {source.year}. {link_md(source.url)}"
            )
        for passage in ref.passages:
            label = passage.label or str(ref.number)
            with st.expander(f"Cited passage {passage_md(label, passage.section, passage.supports)}"):
                st.markdown(plain(passage.text))


def render_answer(
    answer: Answer,
    ask: Callable[[str], None] | None = None,
    on_feedback: Callable[[Answer, int], None] | None = None,
    current_feedback: int | None = None,
    review_path: ReviewPath | None = None,
    policy: StreamlitPage | None = None,
) -> None:
    """A whole reply. Buttons and feedback only where the reply is part of the live conversation."""
    render_notices(answer)
    body = answer_body_md(answer)
    if body:
        st.markdown(body)
    if answer.not_supported:
        with st.expander(f"Not supported by the approved articles ({len(answer.not_supported)})"):
            st.markdown(not_supported_md(answer).split("\n\n", 1)[1])
    render_references(answer, review_path, policy)
    if ask and answer.follow_ups:
        st.markdown("**You could also ask**")
        for number, question in enumerate(answer.follow_ups):
            st.button(plain(question), key=f"follow-{answer.id}-{number}", on_click=ask, args=(question,))
    if on_feedback and answer.status == "answered":
        value = st.feedback("thumbs", key=f"feedback-{answer.id}")
        if value is not None and value != current_feedback:
            on_feedback(answer, value)
    st.caption(f"_{answer.disclaimer}_")
