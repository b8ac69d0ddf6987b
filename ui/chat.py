"""The chat page: a typed transcript in st.session_state, replayed on every rerun."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assistant import safety
from assistant.errors import report
from assistant.export import export_stem, transcript_json, transcript_markdown, transcript_pdf
from assistant.models import PERSONA_LABELS, Answer, Feedback, Persona, Transcript, Turn
from assistant.pipeline import utc_now
from assistant.render import plain_lines
from assistant.wiring import Services
from knowledge.editorial import AuditEntry
from knowledge.stats import index_stats
from ui.components import forget_views, render_answer, show_question
from ui.pages import policy_entry
from ui.services import feedback_log, services_or_stop

log = logging.getLogger(__name__)

EXAMPLES = (
    "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?",
    "DOAC choice in atrial fibrillation with CKD?",
    "What are the four pillars of HFrEF therapy?",
    "First-line antibiotics for community-acquired pneumonia?",
)


def _transcript() -> Transcript:
    if "transcript" not in st.session_state:
        st.session_state.transcript = Transcript(created_at=utc_now(), persona=Persona.PHYSICIAN)
    return st.session_state.transcript


def _choose_persona(persona: Persona) -> None:
    """The first screen's persona buttons: from now on the sidebar keeps the choice."""
    st.session_state.persona = persona
    st.session_state.persona_chosen = True
    _transcript().persona = persona


def _persona_prompt() -> None:
    """Asked in the main area before the first answer, so nobody is answered as a physician by default."""
    st.subheader("Which best describes you?")
    st.caption("Answers are written for you: plainer language for patients and families, more detail for clinicians.")
    for persona in Persona:
        st.button(
            PERSONA_LABELS[persona],
            key=f"choose-{persona.value}",
            on_click=_choose_persona,
            args=(persona,),
            width="stretch",
        )


def _ask(question: str) -> None:
    """Buttons queue a question; the next run answers it as if typed."""
    st.session_state.pending = question


def _new_conversation() -> None:
    persona = _transcript().persona
    st.session_state.transcript = Transcript(created_at=utc_now(), persona=persona)
    st.session_state.pop("pending", None)


def _record_feedback(services: Services, answer: Answer, value: int) -> None:
    """Thumbs are stored with ids and cited articles; the question only if logging is on."""
    transcript = _transcript()
    turn = next(t for t in transcript.turns if t.answer.id == answer.id)
    turn.feedback = 1 if value else 0
    feedback_log(services).append(
        Feedback(
            answer_id=answer.id,
            score=turn.feedback,
            article_ids=[r.article_id for r in answer.references],
            persona=answer.persona,
            mode=answer.mode,
            at=utc_now(),
            question=turn.question if services.settings.log_questions else None,
        )
    )
    st.toast("Thanks, your feedback was recorded.")


STATS_TTL_SECONDS = 60.0
_stats_lock = threading.Lock()
_stats_cache: dict[int, tuple[tuple[int, int, str], float, dict]] = {}


def _stats(services: Services) -> dict:
    """The knowledge base summary (process-wide, read only), read again when any process changed the index.

    Keyed on the retriever's view of the index (write counter, size and shared stamp, which it asks the
    store for at most every couple of seconds) rather than on a count asked of Chroma on every run, and
    kept in a plain dict: st.cache_data's key hashing cost more than the lookup it saved.
    """
    state = services.retriever.index_state()
    now = time.monotonic()
    with _stats_lock:
        cached = _stats_cache.get(id(services))
    if cached and cached[0] == state and now - cached[1] < STATS_TTL_SECONDS:
        return cached[2]
    stats = index_stats(services.store).model_dump()
    with _stats_lock:
        _stats_cache[id(services)] = (state, now, stats)
    return stats


def _sidebar(services: Services, transcript: Transcript) -> DeltaGenerator:
    """The sidebar; returns the slot where the export buttons go, filled at the end of the run.

    The exports come last so that a turn answered in this run is in them without another script run.
    """
    with st.sidebar:
        if st.session_state.get("persona_chosen"):
            st.radio(
                "Which best describes you?",
                options=list(Persona),
                format_func=lambda p: PERSONA_LABELS[p],
                key="persona",
                help="Changes the reading level and tone of the next answers.",
            )
            transcript.persona = st.session_state.persona
        st.button("New conversation", on_click=_new_conversation, width="stretch", key="new_conversation")
        st.page_link(policy_entry(), label="Editorial policy: what “Approved” means")

        st.subheader("Knowledge base")
        stats = _stats(services)
        statuses = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(stats["by_status"].items()))
        st.markdown(f"**{stats['articles']} articles** ({statuses})")
        st.caption("Sources: " + ", ".join(f"{s} ({n})" for s, n in sorted(stats["by_source"].items())))
        if stats["last_ingested"]:
            st.caption(f"Last ingested: {stats['last_ingested'].replace('T', ' ')}")
        st.caption(f"Embedding model: {stats['embedding_model']}")
        mode = services.pipeline.mode
        st.markdown(f"**Mode:** {'offline (extractive, no network)' if mode == 'offline' else f'LLM · {mode}'}")
        return st.container()


def _snapshot(transcript: Transcript) -> Transcript:
    """The conversation as it stands, for a download built later on another thread.

    Answers never change once made, so the copy shares them; the turns are copied (their feedback
    can change) and so is the list (turns are added). A deep copy cost more than the rest of the sidebar.
    """
    return transcript.model_copy(update={"turns": [turn.model_copy() for turn in transcript.turns]})


@st.fragment(run_every=30)
def _exports(transcript: Transcript) -> None:
    """Built when the button is clicked, so the file's time and name are the download's, not the page's.

    The fragment re-runs every half minute only to keep the file names' clock current.
    """
    st.subheader("Export conversation")
    frozen = _snapshot(transcript)
    stem = export_stem(dt.datetime.now(dt.UTC))

    def markdown() -> bytes:
        return transcript_markdown(frozen, dt.datetime.now(dt.UTC)).encode()

    def pdf() -> bytes:
        return transcript_pdf(frozen, dt.datetime.now(dt.UTC))

    def json() -> bytes:
        return transcript_json(frozen).encode()

    for label, build, suffix, mime in (
        ("Markdown", markdown, "md", "text/markdown"),
        ("JSON", json, "json", "application/json"),
        ("PDF", pdf, "pdf", "application/pdf"),
    ):
        st.download_button(label, build, f"{stem}.{suffix}", mime, key=f"export_{suffix}", on_click="ignore")


def _first_screen(services: Services) -> None:
    """Who is asking comes first, alone, so it fits a phone's screen; then what the assistant does."""
    if not st.session_state.get("persona_chosen"):
        _persona_prompt()
        return
    st.markdown(
        "Ask a clinical question and get an answer drawn **only from the organisation's approved articles**: "
        "guideline evidence first, every statement cited, with the review status and date of what was cited. "
        "If no approved article covers your question, the assistant says so instead of guessing."
    )
    stats = _stats(services)
    if stats["by_source"].get("bundled"):
        st.warning(
            "The bundled sample articles are **demonstration content**, written for this project and not "
            "clinically reviewed. Do not use them for patient care.",
            icon="⚠️",
        )
    st.markdown("**Try an example**")
    for number, example in enumerate(EXAMPLES):
        st.button(example, key=f"example-{number}", on_click=_ask, args=(example,))


class ReviewPaths:
    """The audit log of the articles a page cites, read in one query per script run.

    One query per cited reference on every run (each opening the database) cost as much CPU as drawing
    the rest of the page. Sample articles have no review path and are never looked up.
    """

    def __init__(self, services: Services, turns: list[Turn]) -> None:
        self.board = services.board
        self.paths = self.board.histories(
            r.article_id for turn in turns for r in turn.answer.references if not r.sample
        )

    def __call__(self, article_id: str) -> list[AuditEntry]:
        if article_id not in self.paths:  # an article first cited by the answer made in this run
            self.paths.update(self.board.histories([article_id]))
        return self.paths[article_id]


def _show_turn(services: Services, turn: Turn, live: bool, paths: ReviewPaths) -> DeltaGenerator | None:
    """One past or new turn as the page shows it; returns the slot of its follow-up buttons, if any."""
    return render_answer(
        turn.answer,
        ask=_ask if live else None,
        on_feedback=lambda answer, value: _record_feedback(services, answer, value),
        current_feedback=turn.feedback,
        review_path=paths,
        policy=policy_entry(),
    )


def _answer(services: Services, question: str, transcript: Transcript, paths: ReviewPaths) -> bool:
    """Run one turn and show it in place; in LLM mode the reply streams (as text), then the finished
    Answer replaces it. Returns whether the turn was answered.

    The answer is drawn in this same script run, as the page's next run would draw it, instead of asking
    Streamlit for another run of the whole page: that second run was half of a turn's rendering CPU.
    """
    pipeline = services.pipeline
    with st.chat_message("user"):
        show_question(safety.clip(question))
    with st.chat_message("assistant"):
        box = st.empty()
        try:
            if pipeline.llm:
                events = pipeline.events(question, transcript.history(), transcript.persona)
                streamed = ""
                while True:
                    try:
                        streamed += next(events)
                    except StopIteration as done:
                        answer = done.value
                        break
                    box.markdown(plain_lines(streamed))
            else:
                with st.spinner("Searching the approved articles…"):
                    answer = pipeline.run(question, transcript.history(), transcript.persona)
        except Exception as exc:  # the user sees what to do, never a traceback
            error_id = report("turn failed", exc, log)
            st.error(
                "The assistant could not answer just now. Your conversation is kept; please try again, "
                f"and tell the administrator if this keeps happening (error id {error_id})."
            )
            return False
        turn = Turn(question=answer.question, answer=answer)  # cleaned, and clipped if refused
        transcript.turns.append(turn)
        with box.container():
            _show_turn(services, turn, True, paths)
    return True


def chat_page() -> None:
    st.title("Clinical evidence assistant")
    services = services_or_stop()
    transcript = _transcript()
    st.session_state.setdefault("persona", transcript.persona)
    # Pinned to the bottom of the page wherever it is called; read first so the page knows whether a
    # question is answered in this run.
    typed = st.chat_input("Ask a clinical question", key="question", max_chars=8000)
    if typed is not None:
        st.session_state.pending = typed
    exports = _sidebar(services, transcript)

    first_screen = None
    if not transcript.turns:
        first_screen = st.empty()
        with first_screen.container():
            _first_screen(services)
    elif not st.session_state.get("persona_chosen"):
        st.session_state.persona_chosen = True  # a conversation under way keeps its persona
    forget_views(turn.answer.id for turn in transcript.turns)
    paths = ReviewPaths(services, transcript.turns)
    live = len(transcript.turns) - 1
    follow_ups = None
    for index, turn in enumerate(transcript.turns):
        with st.chat_message("user"):
            show_question(turn.question, turn.answer)
        with st.chat_message("assistant"):
            follow_ups = _show_turn(services, turn, index == live, paths)

    if not st.session_state.get("persona_chosen"):
        if st.session_state.get("pending") is not None:
            st.info("Choose who you are above, and your question will be answered for you.")
        return
    question = st.session_state.pop("pending", None)
    if question is not None and _answer(services, question, transcript, paths):
        # What the next run would show: no first screen, and only the newest answer offers follow-ups.
        if first_screen is not None:
            first_screen.empty()
        if follow_ups is not None:
            follow_ups.empty()
    if transcript.turns:
        with exports:
            _exports(transcript)
