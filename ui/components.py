"""How an Answer looks on the page: notices first, the evidence, checkable citations, follow-ups."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from assistant.models import Answer, NoticeKind
from assistant.render import STATUS_LABELS, answer_body_md

BADGE_COLOURS = {"approved": "green", "under_review": "orange", "submitted": "gray", "retired": "red"}


def status_badge(status: str) -> str:
    """A coloured Markdown badge for a review status."""
    return f":{BADGE_COLOURS.get(status, 'gray')}-badge[{STATUS_LABELS.get(status, status)}]"


def render_notices(answer: Answer) -> None:
    """Urgent care first, then anything else the reader must know before the evidence."""
    for notice in sorted(answer.notices, key=lambda n: n.kind is not NoticeKind.URGENT):
        if notice.kind is NoticeKind.URGENT:
            st.error(notice.text, icon="🚨")
        elif notice.kind in (NoticeKind.NO_EVIDENCE, NoticeKind.INPUT):
            st.warning(notice.text)
        elif notice.kind is NoticeKind.SAMPLE:
            st.caption(f"⚠️ {notice.text}")
        else:
            st.info(notice.text)


def render_references(answer: Answer) -> None:
    """Each reference with its source, year, link, review status and date, and the exact passage cited."""
    if not answer.references:
        return
    st.markdown("**References**")
    for ref in answer.references:
        link = f" [{ref.url}]({ref.url})" if ref.url else ""
        st.markdown(
            f"[{ref.number}] **{ref.title}**. {ref.publisher}, {ref.year}.{link}  \n"
            f"{status_badge(ref.review_status.value)} last updated {ref.last_updated.isoformat()}"
            + (" · sample demonstration content" if ref.sample else "")
        )
        for source in ref.sources:
            st.caption(f"Based on: {source.title}. {source.publisher}, {source.year}. {source.url}")
        for passage in ref.passages:
            with st.expander(f"Cited passage [{ref.number}] — {passage.section}"):
                st.markdown(passage.text)


def render_answer(
    answer: Answer,
    ask: Callable[[str], None] | None = None,
    on_feedback: Callable[[Answer, int], None] | None = None,
    current_feedback: int | None = None,
) -> None:
    """A whole reply. Buttons and feedback only where the reply is part of the live conversation."""
    render_notices(answer)
    body = answer_body_md(answer)
    if body:
        st.markdown(body)
    render_references(answer)
    if ask and answer.follow_ups:
        st.markdown("**You could also ask**")
        for number, question in enumerate(answer.follow_ups):
            st.button(question, key=f"follow-{answer.id}-{number}", on_click=ask, args=(question,))
    if on_feedback and answer.status == "answered":
        value = st.feedback("thumbs", key=f"feedback-{answer.id}")
        if value is not None and value != current_feedback:
            on_feedback(answer, value)
    st.caption(f"_{answer.disclaimer}_")
