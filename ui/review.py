"""The Medical Advisory Board's page: review articles, decide, see the audit trail and user feedback."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import streamlit as st

from assistant.records import summarise_gaps
from assistant.render import STATUS_LABELS, plain
from assistant.wiring import Services
from knowledge.editorial import (
    ACTION_LABELS,
    EditorialBoard,
    EditorialError,
    Entry,
    IndexPendingError,
    allowed_actions,
)
from knowledge.schema import Article, ReviewStatus
from ui.access import admin_view, reviewer_identity
from ui.components import status_badge
from ui.services import feedback_log, services_or_stop


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 article', '2 articles', '0 articles'."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def status_words(status: ReviewStatus | str) -> str:
    """A status as reviewers say it ('Under review', not 'under_review')."""
    value = status.value if isinstance(status, ReviewStatus) else status
    return STATUS_LABELS.get(value, value.replace("_", " ").capitalize())


def _decide(board: EditorialBoard, article: Article, action, reviewer: str, note: str) -> None:
    """One decision, with what happened said in words; the page reloads so every list shows the new state."""
    try:
        board.decide(article.id, action, reviewer, expected=article.review_status, note=note)
    except IndexPendingError as exc:
        st.session_state.review_message = ("warning", f"{plain(article.title)}: {plain(str(exc))}.")
    except EditorialError as exc:
        st.error(str(exc))
        return
    else:
        done = ACTION_LABELS[action].lower()
        st.session_state.review_message = ("success", f"{plain(article.title)}: {done} recorded.")
    st.rerun()


def _article_view(board: EditorialBoard, article: Article, entry: Entry, reviewer: str) -> None:
    st.subheader(plain(article.title))
    reviewed = f" on {article.reviewed_on.isoformat()}" if article.reviewed_on else ""
    badge = f":gray-badge[{DEMO_LABEL}]" if entry_status(entry) == DEMO_LABEL else status_badge(entry.status.value)
    st.markdown(
        f"{badge} · library **{entry.library}** · "
        f"{article.evidence_type.value.replace('_', ' ')} · last updated {article.last_updated.isoformat()} · "
        f"review due {entry.next_review.isoformat()} · reviewer: {article.reviewed_by or '—'}{reviewed}"
    )
    if entry.index_pending:
        st.warning(
            "The board's last decision on this article is not in the search index yet"
            + (f" ({entry.index_error})" if entry.index_error else "")
            + "; it is retried automatically."
        )
    actions = allowed_actions(article.review_status)
    if actions:
        note = st.text_area("Note (required when returning to the author)", key=f"note-{article.id}")
        columns = st.columns(len(actions))
        for column, action in zip(columns, actions, strict=True):
            if column.button(ACTION_LABELS[action], key=f"{action.value}-{article.id}", width="stretch"):
                _decide(board, article, action, reviewer, note)
    else:
        st.caption("Retired articles stay retired; submit a new version to bring the topic back.")

    history = board.history(article.id)
    st.markdown("**History of status changes**")
    if history:
        st.dataframe(
            [
                {
                    "When (UTC)": h.at.strftime("%Y-%m-%d %H:%M"),
                    "Who": h.actor,
                    "From": status_words(h.from_status),
                    "To": status_words(h.to_status),
                    "Note": h.note,
                }
                for h in history
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No decisions recorded yet: the status comes from the article file.")

    if article.references:
        st.markdown("**References**")
        for ref in article.references:
            ids = (f" PMID {ref.pmid}." if ref.pmid else "") + (f" doi:{ref.doi}" if ref.doi else "")
            st.markdown(f"- {ref.title}. {ref.publisher}, {ref.year}. {ref.url}{ids}")
    with st.expander("Article text", expanded=False):
        for section in article.sections:
            st.markdown(f"#### {section.title}\n\n{section.text}")


DEMO_LABEL = "Demo content — not clinically reviewed"


def entry_status(entry: Entry) -> str:
    """The status as listed: sample content never shows as Approved."""
    if entry.sample and entry.status is ReviewStatus.APPROVED:
        return DEMO_LABEL
    return status_words(entry.status)


def _board_table(entries: list[Entry], today: dt.date) -> None:
    st.dataframe(
        [
            {
                "Status": entry_status(e),
                "Title": e.title,
                "Library": e.library,
                "Evidence": e.evidence_type.value.replace("_", " "),
                "Last updated": e.last_updated.isoformat(),
                "Review due": e.next_review.isoformat() + (" (overdue)" if e.overdue(today) else ""),
                "Reviewer": e.reviewed_by,
                "Id": e.id,
            }
            for e in entries
        ],
        hide_index=True,
        width="stretch",
        column_config={"Title": st.column_config.TextColumn(width="large")},
    )


def _overdue_view(entries: list[Entry], today: dt.date) -> None:
    overdue = sorted((e for e in entries if e.overdue(today)), key=lambda e: e.next_review)
    st.subheader("Overdue for review")
    if not overdue:
        st.caption("No approved article is past its review date.")
        return
    st.caption(
        f"{plural(len(overdue), 'approved article')} past the review date. Answers citing them say so."
    )
    st.dataframe(
        [
            {
                "Title": e.title,
                "Library": e.library,
                "Review was due": e.next_review.isoformat(),
                "Days overdue": (today - e.next_review).days,
                "Id": e.id,
            }
            for e in overdue
        ],
        hide_index=True,
        width="stretch",
    )


def _gaps_view(services: Services, titles: dict[str, str]) -> None:
    st.subheader("Evidence gaps: questions no approved article answered")
    if services.gaps is None:
        st.caption("Evidence gaps are not recorded in this configuration.")
        return
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=90)
    summary = summarise_gaps(services.gaps.read(since=since))
    if not summary.total:
        st.caption("No evidence gaps in the last 90 days.")
        return
    st.caption(f"{plural(summary.total, 'unanswered question')} in the last 90 days.")
    by_day, by_persona, by_article = st.columns(3)
    by_day.markdown("**By day**")
    by_day.dataframe([{"Day": d, "Questions": n} for d, n in summary.by_day.items()], hide_index=True)
    by_persona.markdown("**By persona**")
    by_persona.dataframe(
        [{"Persona": p.capitalize(), "Questions": n} for p, n in summary.by_persona.items()], hide_index=True
    )
    by_article.markdown("**Nearest article**")
    by_article.dataframe(
        [
            {"Nearest article": titles.get(a, a) if a else "(none found)", "Questions": n}
            for a, n in summary.by_nearest_article.items()
        ],
        hide_index=True,
    )
    if services.settings.log_questions:
        with st.expander(f"Question text ({plural(len(summary.questions), 'question')}, LOG_QUESTIONS is on)"):
            for question in summary.questions[-200:]:
                st.text(question)
    else:
        st.caption("Question text is not stored; an administrator can turn LOG_QUESTIONS on to keep it.")


def _feedback_view(services: Services, titles: dict[str, str]) -> None:
    st.subheader("Answers users marked down")
    readable, bad = feedback_log(services).read_checked()
    if bad:
        st.warning(
            f"{plural(len(bad), 'feedback record')} cannot be read (id {', '.join(map(str, bad[:5]))}"
            f"{' …' if len(bad) > 5 else ''}) and are left out; the others are shown."
        )
    records = [r for r in readable if r.get("score") == 0]
    if not records:
        st.caption("No thumbs-down feedback yet.")
        return
    counts = Counter(article for record in records for article in record.get("article_ids", []))
    st.dataframe(
        [{"Article": titles.get(a, a), "Id": a, "Thumbs down": n} for a, n in counts.most_common()],
        hide_index=True,
        width="stretch",
    )
    st.caption(
        f"{plural(len(records), 'answer')} marked down. Question text is stored only when an administrator "
        "turns LOG_QUESTIONS on."
    )


def review_page() -> None:
    st.title("Editorial review")
    services = services_or_stop()
    identity = reviewer_identity(services)
    if identity is None:
        return
    reviewer = identity.name  # the audit log's "who": the authenticated identity, never a typed name
    board = services.board
    if message := st.session_state.pop("review_message", None):
        kind, text = message if isinstance(message, tuple) else ("success", message)
        (st.warning if kind == "warning" else st.success)(text)
    today = dt.datetime.now(dt.UTC).date()
    entries = board.entries()
    pending = [e for e in entries if e.index_pending]
    if pending:
        st.warning(
            f"{plural(len(pending), 'decision')} not yet in the search index (retried automatically): "
            + ", ".join(e.title for e in pending)
        )
    libraries = sorted({e.library for e in entries})
    left, middle, right = st.columns([1, 1, 2])
    statuses = left.multiselect(
        "Status",
        options=[s.value for s in ReviewStatus],
        default=[s.value for s in ReviewStatus],
        format_func=status_words,
        key="review_status",
    )
    chosen_libraries = middle.multiselect("Library", options=libraries, default=libraries, key="review_library")
    query = right.text_input("Search titles and ids", key="review_search").strip().lower()
    shown = [
        e
        for e in entries
        if e.status.value in statuses
        and e.library in chosen_libraries
        and (not query or query in e.title.lower() or query in e.id.lower())
    ]
    order = {s: i for i, s in enumerate(ReviewStatus)}
    shown.sort(key=lambda e: (order[e.status], e.title.lower()))
    counts = Counter(e.status for e in shown)
    st.caption(
        f"{plural(len(shown), 'article')} shown: "
        + ", ".join(f"{counts[s]} {status_words(s).lower()}" for s in ReviewStatus if counts[s])
    )
    _board_table(shown, today)
    if shown:
        by_id = {e.id: e for e in shown}
        chosen = st.selectbox(
            "Open an article",
            list(by_id),
            key="review_article",
            format_func=lambda i: f"{by_id[i].title} — {entry_status(by_id[i])} ({by_id[i].library})",
        )
        try:
            article = board.load(chosen)
        except EditorialError as exc:
            st.error(str(exc))
        else:
            _article_view(board, article, by_id[chosen], reviewer)
    titles = {e.id: e.title for e in entries}
    _overdue_view(entries, today)
    _gaps_view(services, titles)
    _feedback_view(services, titles)
    if identity.is_admin:
        admin_view(services, identity)
