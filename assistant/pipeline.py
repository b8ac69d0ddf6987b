"""One turn, in the order of the data flow: triage, condense, retrieve, decide, compose, cite, finish.

This is the only place that knows the order of the steps. Every collaborator (retriever, composers,
clock, gap log) is passed in, so tests run the real thing or a real local substitute.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Protocol

from assistant import safety
from assistant.citations import Draft, content_terms, finalize
from assistant.conversation import condense_offline
from assistant.errors import report
from assistant.llm import LLMComposer, LLMError
from assistant.models import Answer, Notice, NoticeKind, PartKind, Persona, Statement, Turn
from assistant.offline import (
    GENERIC_TERMS,
    PLAIN_SECTION,
    RESEARCH_SECTION,
    OfflineComposer,
    follow_ups,
    passage_kind,
)
from assistant.records import GapRecord, JsonlLog
from assistant.review_due import overdue_notices
from knowledge.schema import Chunk, Hit, ReviewStatus

log = logging.getLogger(__name__)

SAMPLE_NOTICE = (
    "The cited articles are sample demonstration content written for this project, not clinically reviewed. "
    "Do not use them for patient care."
)


class Retriever(Protocol):
    def search(self, question: str, k: int = 10) -> list[Hit]: ...

    def term_weights(self, terms: set[str]) -> dict[str, float]: ...


class ArticleSource(Protocol):
    def article_chunks(self, article_id: str, section: str | None = None) -> list[Chunk]: ...


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Pipeline:
    """Runs turns; stateless between calls (the conversation is passed in as history)."""

    retriever: Retriever
    articles: ArticleSource | None = None
    llm: LLMComposer | None = None
    offline: OfflineComposer = field(default_factory=OfflineComposer)
    clock: Callable[[], dt.datetime] = utc_now
    gaps: JsonlLog | None = None
    k: int = 8
    abstain_threshold: float = 0.40
    log_questions: bool = False

    @property
    def mode(self) -> str:
        return self.llm.name if self.llm else "offline"

    def run(
        self,
        question: str,
        history: list[Turn] | None = None,
        persona: Persona = Persona.PHYSICIAN,
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """A whole turn; streamed text, if any, goes to on_token as it arrives."""
        events = self.events(question, history or [], persona)
        while True:
            try:
                token = next(events)
            except StopIteration as done:
                return done.value
            if on_token:
                on_token(token)

    def events(self, question: str, history: list[Turn], persona: Persona) -> Generator[str, None, Answer]:
        """Yields streamed text (LLM mode only) and returns the finished Answer."""
        timings: dict[str, float] = {}
        started = time.perf_counter()

        def lap(name: str, since: float) -> float:
            now = time.perf_counter()
            timings[name] = round((now - since) * 1000, 1)
            return now

        notices: list[Notice] = []
        base = {"question": question, "persona": persona, "disclaimer": safety.disclaimer(persona)}
        question = safety.clean_question(question)
        base["question"] = question
        problem = safety.check_input(question)
        if problem:
            base["question"] = safety.clip(question)
            return Answer(
                **base,
                standalone_question="",
                status="rejected",
                mode=self.mode,
                created_at=self.clock(),
                notices=[Notice(kind=NoticeKind.INPUT, text=problem)],
            )
        question = question.strip()
        base["question"] = question
        urgent = safety.triage(question, persona)
        if urgent:
            notices.append(urgent)

        mark = time.perf_counter()
        standalone = self._condense(question, history, notices)
        mark = lap("condense", mark)
        hits = self.retriever.search(standalone, k=self.k)
        mark = lap("retrieve", mark)

        def abstain() -> Answer:
            self._record_gap(question, persona, hits)
            notices.append(Notice(kind=NoticeKind.NO_EVIDENCE, text=safety.no_evidence_message(persona)))
            lap("total", started)
            return Answer(
                **base,
                standalone_question=standalone,
                status="abstained",
                mode=self.mode,
                created_at=self.clock(),
                notices=notices,
                timings_ms=timings,
            )

        if not self._covered(standalone, hits):
            return abstain()

        hits = on_topic(standalone, hits, self.retriever.term_weights)
        if persona.lay:
            hits = self._with_section(hits, PLAIN_SECTION, articles=2)
        elif not any(passage_kind(h) is PartKind.RESEARCH for h in hits):
            hits = self._with_section(hits, RESEARCH_SECTION, articles=1)
        draft, mode = yield from self._compose(standalone, hits, persona, history, notices)
        mark = lap("compose", mark)
        direct, parts, references, unsupported = finalize(draft, hits)
        if not direct and parts:
            direct, parts[0].statements = parts[0].statements[:1], parts[0].statements[1:]
            parts = [p for p in parts if p.statements]
        if not direct:
            return abstain()
        if unsupported:
            notices.append(
                Notice(
                    kind=NoticeKind.UNSUPPORTED,
                    text=f"{unsupported} sentence(s) share little wording with the passage they cite; "
                    "they are marked for checking.",
                )
            )
        if any(r.sample for r in references):
            notices.append(Notice(kind=NoticeKind.SAMPLE, text=SAMPLE_NOTICE))
        notices += overdue_notices(references, hits, self.clock().date())
        lap("cite", mark)
        lap("total", started)
        return Answer(
            **base,
            standalone_question=standalone,
            direct=direct,
            parts=parts,
            references=references,
            follow_ups=draft.follow_ups or follow_ups(standalone, hits),
            notices=notices,
            mode=mode,
            unsupported_count=unsupported,
            dropped_markers=draft.dropped_markers,
            created_at=self.clock(),
            timings_ms=timings,
        )

    def _condense(self, question: str, history: list[Turn], notices: list[Notice]) -> str:
        if not history:
            return question
        if self.llm:
            try:
                return self.llm.condense(question, history)
            except LLMError as exc:
                error_id = report("LLM condense failed", exc, log)
                notices.append(
                    Notice(
                        kind=NoticeKind.FALLBACK,
                        text="The language model could not be reached to read the "
                        f"follow-up (error id {error_id}); the topic of the previous answer was used instead.",
                    )
                )
        return condense_offline(question, history)

    def _covered(self, question: str, hits: list[Hit]) -> bool:
        """Enough approved evidence: close enough in meaning, and sharing the question's topic words."""
        if not hits:
            return False
        best = max((h.similarity or 0.0) for h in hits[:5])
        if best < self.abstain_threshold:
            return False
        topic = content_terms(question) - GENERIC_TERMS
        if not topic:
            return True
        found = set().union(*(content_terms(f"{h.title} {h.text}") for h in hits[:5]))
        return bool(topic & found) or best >= self.abstain_threshold + 0.2

    def _record_gap(self, question: str, persona: Persona, hits: list[Hit]) -> None:
        if self.gaps is None:
            return
        best = max((h.similarity or 0.0 for h in hits), default=None)
        self.gaps.append(
            GapRecord(
                at=self.clock(),
                persona=persona,
                best_similarity=best,
                nearest_article=max(hits, key=lambda h: h.similarity or 0.0).article_id if hits else None,
                question=question if self.log_questions else None,
            )
        )

    def _with_section(self, hits: list[Hit], section: str, articles: int) -> list[Hit]:
        """Add a section of the top articles as sources: plain language for lay readers, research for others."""
        if self.articles is None:
            return hits
        seen = {h.chunk_id for h in hits}
        extra: list[Hit] = []
        for article_id in list(dict.fromkeys(h.article_id for h in hits))[:articles]:
            for chunk in self.articles.article_chunks(article_id, section):
                if chunk.chunk_id not in seen and chunk.review_status is ReviewStatus.APPROVED:
                    top = next(h for h in hits if h.article_id == article_id)
                    extra.append(
                        Hit(
                            **chunk.model_dump(),
                            rank=len(hits) + len(extra) + 1,
                            score=top.score,
                            similarity=top.similarity,
                        )
                    )
        return hits + extra

    def _compose(
        self, question: str, hits: list[Hit], persona: Persona, history: list[Turn], notices: list[Notice]
    ) -> Generator[str, None, tuple[Draft, str]]:
        if self.llm:
            try:
                draft = yield from self.llm.stream(question, hits, persona, history)
                draft = _regroup(draft, hits)
                if draft.direct or any(draft.parts.values()):
                    return draft, self.llm.name
                reason = "its reply cited none of the approved sources"
            except LLMError as exc:  # our own words and an id; the server's text goes nowhere
                reason = f"{exc}; error id {report('LLM answer failed', exc, log)}"
            notices.append(
                Notice(
                    kind=NoticeKind.FALLBACK,
                    text=f"The language model did not give a usable answer ({reason}); this answer was composed "
                    "offline from the approved articles instead.",
                )
            )
        draft = self.offline.compose(question, hits, persona)
        return draft, "offline"


def on_topic(
    question: str,
    hits: list[Hit],
    weigh: Callable[[set[str]], dict[str, float]] | None = None,
    keep: float = 0.6,
) -> list[Hit]:
    """Drop passages from articles about something else.

    Fused retrieval always returns k passages, and for a narrow question the tail is about other
    conditions (a COPD treatment passage for a GNET treatment question, a neuroendocrine tumour passage
    for a neuroectodermal one). Title and keywords say what an article is about, so a passage stays
    when they cover at least `keep` of the best coverage of the question's topic words, each word
    weighted by its rarity in the index; when none names the topic, passage text is used instead.
    """
    topic = content_terms(question) - GENERIC_TERMS
    if not topic or not hits:
        return hits
    weights = weigh(topic) if weigh else dict.fromkeys(topic, 1.0)
    total = sum(weights.values()) or 1.0

    def coverage(text: str) -> float:
        return sum(weights[t] for t in topic & content_terms(text)) / total

    scores = [coverage(f"{h.title} {h.keywords}") for h in hits]
    if max(scores) == 0:
        scores = [coverage(f"{h.title} {h.text}") for h in hits]
    best = max(scores)
    if best == 0:
        return hits
    return [h for h, c in zip(hits, scores, strict=True) if c >= keep * best]


def _regroup(draft: Draft, hits: list[Hit]) -> Draft:
    """A statement belongs to the guideline part only when it cites a guideline passage."""
    regrouped: dict[PartKind, list[Statement]] = {}
    for statements in draft.parts.values():
        for statement in statements:
            if not statement.citations:
                continue
            kinds = {passage_kind(hits[c - 1]) for c in statement.citations}
            kind = next(k for k in PartKind if k in kinds)
            regrouped.setdefault(kind, []).append(statement)
    draft.parts = regrouped
    draft.direct = [s for s in draft.direct if s.citations]
    return draft
