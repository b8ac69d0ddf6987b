"""The Medical Advisory Board's page: review articles, decide, see the audit trail and user feedback."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from assistant.wiring import Services
from knowledge.editorial import ACTION_LABELS, EditorialBoard, EditorialError, allowed_actions
from knowledge.schema import Article, ReviewStatus
from ui.components import status_badge
from ui.services import feedback_log, services_or_stop


def _secret(name: str) -> str | None:
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets file at all
        return None
    return str(value) if value else None


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def reviewer_identity(services: Services) -> str | None:
    """Who is reviewing, or None (with the reason on the page) when this person may not change anything."""
    if _oidc_configured():
        if not st.user.is_logged_in:
            st.info("The review page is for the Medical Advisory Board. Log in with your organisation account.")
            st.button("Log in", on_click=st.login)
            return None
        return str(st.user.get("name") or st.user.get("email") or "reviewer")
    code = services.settings.reviewer_access_code
    expected = code.get_secret_value() if code else _secret("reviewer_access_code")
    if not expected:
        st.warning(
            "Reviewer access is not configured, so this page cannot change anything. An administrator sets "
            "REVIEWER_ACCESS_CODE (or `reviewer_access_code` in .streamlit/secrets.toml, or an OIDC provider)."
        )
        return None
    entered = st.text_input("Reviewer access code", type="password", key="review_code")
    if entered != expected:
        if entered:
            st.error("That access code is not right. Nothing can be changed without it.")
        else:
            st.info("The review page is for the Medical Advisory Board. Enter the reviewer access code.")
        return None
    name = st.text_input("Your name, as it will appear in the audit log", key="reviewer_name")
    if not name.strip():
        st.info("Enter your name to review articles: every decision records who made it.")
        return None
    return name.strip()


def _article_view(board: EditorialBoard, article: Article, reviewer: str) -> None:
    st.subheader(article.title)
    st.markdown(
        f"{status_badge(article.review_status.value)} · {article.evidence_type.value} · "
        f"last updated {article.last_updated.isoformat()} · reviewer: {article.reviewed_by or '—'}"
    )
    actions = allowed_actions(article.review_status)
    if actions:
        note = st.text_area("Note (required when returning to the author)", key=f"note-{article.id}")
        columns = st.columns(len(actions))
        for column, action in zip(columns, actions, strict=True):
            if column.button(ACTION_LABELS[action], key=f"{action.value}-{article.id}", use_container_width=True):
                try:
                    board.decide(article.id, action, reviewer, expected=article.review_status, note=note)
                except EditorialError as exc:
                    st.error(str(exc))
                else:
                    st.session_state.review_message = f"{article.title}: {ACTION_LABELS[action].lower()} recorded."
                    st.rerun()
    else:
        st.caption("Retired articles stay retired; submit a new version to bring the topic back.")

    history = board.history(article.id)
    st.markdown("**History of status changes**")
    if history:
        st.dataframe(
            [
                {
                    "when": h.at.strftime("%Y-%m-%d %H:%M"),
                    "who": h.actor,
                    "from": h.from_status.value,
                    "to": h.to_status.value,
                    "note": h.note,
                }
                for h in history
            ],
            hide_index=True,
            use_container_width=True,
        )
    else:
        st.caption("No decisions recorded yet: the status comes from the article file.")

    st.markdown("**References**")
    for ref in article.references:
        ids = (f" PMID {ref.pmid}." if ref.pmid else "") + (f" doi:{ref.doi}" if ref.doi else "")
        st.markdown(f"- {ref.title}. {ref.publisher}, {ref.year}. {ref.url}{ids}")
    with st.expander("Article text", expanded=False):
        for section in article.sections:
            st.markdown(f"#### {section.title}\n\n{section.text}")


def _feedback_view(services: Services, articles: list[Article]) -> None:
    st.subheader("Answers users marked down")
    readable, bad = feedback_log(services).read_checked()
    if bad:
        st.warning(
            f"{len(bad)} lines of the feedback file cannot be read (line {', '.join(map(str, bad[:5]))}"
            f"{' …' if len(bad) > 5 else ''}) and are left out; the others are shown."
        )
    records = [r for r in readable if r.get("score") == 0]
    if not records:
        st.caption("No thumbs-down feedback yet.")
        return
    titles = {a.id: a.title for a in articles}
    counts = Counter(
        str(article)
        for record in records
        if isinstance(record.get("article_ids"), list)
        for article in record["article_ids"]
    )
    st.dataframe(
        [{"article": titles.get(a, a), "id": a, "thumbs down": n} for a, n in counts.most_common()],
        hide_index=True,
        use_container_width=True,
    )
    st.caption(
        f"{len(records)} answers marked down. Question text is stored only when an administrator turns "
        "LOG_QUESTIONS on."
    )


def review_page() -> None:
    st.title("Editorial review")
    services = services_or_stop()
    reviewer = reviewer_identity(services)
    if reviewer is None:
        return
    board = services.board
    if message := st.session_state.pop("review_message", None):
        st.success(message)
    articles = board.articles()
    left, right = st.columns([1, 2])
    statuses = left.multiselect(
        "Status", options=[s.value for s in ReviewStatus], default=[s.value for s in ReviewStatus], key="review_status"
    )
    query = right.text_input("Search titles and ids", key="review_search").strip().lower()
    shown = [
        a
        for a in articles
        if a.review_status.value in statuses and (not query or query in a.title.lower() or query in a.id)
    ]
    order = {s: i for i, s in enumerate(ReviewStatus)}
    shown.sort(key=lambda a: (order[a.review_status], a.title))
    st.dataframe(
        [
            {
                "status": a.review_status.value,
                "title": a.title,
                "id": a.id,
                "evidence": a.evidence_type.value,
                "last updated": a.last_updated.isoformat(),
                "reviewer": a.reviewed_by,
            }
            for a in shown
        ],
        hide_index=True,
        use_container_width=True,
    )
    if shown:
        chosen = st.selectbox(
            "Open an article",
            [a.id for a in shown],
            key="review_article",
            format_func=lambda i: next(f"{a.title} ({a.review_status.value})" for a in shown if a.id == i),
        )
        _article_view(board, next(a for a in shown if a.id == chosen), reviewer)
    _feedback_view(services, articles)
