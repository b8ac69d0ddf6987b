"""Review due dates in answers: an answer citing an article past its review date says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.models import Notice, NoticeKind, Reference
from knowledge.schema import Hit


def overdue_notices(references: Sequence[Reference], hits: Sequence[Hit], today: dt.date) -> list[Notice]:
    """One notice naming every cited article whose review date has passed (none when all are current)."""
    due = {h.article_id: h.next_review for h in hits if h.next_review}
    late = [
        (r.title, due[r.article_id])
        for r in references
        if r.article_id in due and dt.date.fromisoformat(due[r.article_id]) < today
    ]
    if not late:
        return []
    named = "; ".join(f"{title} (review was due {when})" for title, when in late)
    noun = "article is" if len(late) == 1 else "articles are"
    return [
        Notice(
            kind=NoticeKind.OVERDUE,
            text=f"{len(late)} cited {noun} overdue for editorial review: {named}. "
            "Check them against current guidance before relying on them.",
        )
    ]
