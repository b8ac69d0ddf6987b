"""The real Streamlit app through AppTest: turns, follow-ups, personas, export, feedback, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import safety
from assistant.export import transcript_json, transcript_markdown, transcript_pdf
from assistant.models import Persona, Transcript
from assistant.records import FeedbackLog
from knowledge.db import connect, sqlite_url
from knowledge.store import KnowledgeStore
from tests.conftest import ROOT

GNET_Q = "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?"


@pytest.fixture
def app(bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app on the session's bundled index (already built), with its own data folder."""
    store_path = bundled_store.client.get_settings().persist_directory
    monkeypatch.setenv("STORE_DIR", store_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("CHROMA_HOST", raising=False)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    at.button(key="choose-physician").click().run()
    return at


def visible(at: AppTest) -> list[str]:
    """What the page shows, in order: each element's kind and content, without empty placeholders and
    the containers they sit in (which lay nothing out), and without per-run ids (download URLs)."""
    shown: list[str] = []

    def walk(node: object) -> None:
        children = getattr(node, "children", None)
        kind = getattr(node, "type", "")
        if children:
            if kind not in ("vertical", "flex_container", "container"):
                label = getattr(getattr(node, "proto", None), "label", "")
                shown.append(f"{kind} {label}".strip())
            for index in sorted(children):
                walk(children[index])
            return
        proto = getattr(node, "proto", None)
        if kind == "empty" or proto is None:
            return
        if kind == "download_button":
            shown.append(f"download_button {proto.label}")
        else:
            shown.append(f"{kind} " + " ".join(str(proto).split()))

    walk(at._tree)
    return shown


def assistant_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def test_first_screen_explains_and_warns_about_sample_content(app: AppTest) -> None:
    assert "approved articles" in assistant_text(app)
    assert any("demonstration content" in w.value for w in app.warning)
    assert GNET_Q in [b.label for b in app.button]
    assert app.radio(key="persona").label == "Which best describes you?"


@pytest.fixture
def fresh_app(bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app before anyone chose a persona."""
    monkeypatch.setenv("STORE_DIR", bundled_store.client.get_settings().persist_directory)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("CHROMA_HOST", raising=False)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def test_each_browser_session_has_its_own_page_objects(app: AppTest, fresh_app: AppTest) -> None:
    """st.navigation flips a flag on the page object it runs: one object shared by sessions raced."""
    mine, theirs = app.session_state["_app_pages"], fresh_app.session_state["_app_pages"]
    assert set(mine) == set(theirs) == {"chat", "review", "policy"}
    assert all(mine[name] is not theirs[name] for name in mine)


def test_review_paths_are_read_once_per_page_and_never_for_sample_articles() -> None:
    """One audit-log query per script run for every cited article; an article cited later is looked up then."""
    from types import SimpleNamespace

    from ui.chat import ReviewPaths

    asked: list[list[str]] = []

    class Board:
        def histories(self, ids: object) -> dict[str, list[str]]:
            wanted = sorted(set(ids))  # type: ignore[call-overload]
            asked.append(wanted)
            return {i: [f"step of {i}"] for i in wanted}

    def turn(*refs: tuple[str, bool]) -> SimpleNamespace:
        references = [SimpleNamespace(article_id=a, sample=s) for a, s in refs]
        return SimpleNamespace(answer=SimpleNamespace(references=references))

    turns = [turn(("afib", False), ("gnet", True)), turn(("afib", False), ("gout", False))]
    paths = ReviewPaths(SimpleNamespace(board=Board()), turns)  # type: ignore[arg-type]
    assert asked == [["afib", "gout"]]
    assert paths("gout") == ["step of gout"] and asked == [["afib", "gout"]]
    assert paths("copd") == ["step of copd"] and asked[-1] == ["copd"]


def test_the_first_screen_asks_who_you_are_before_answering(fresh_app: AppTest) -> None:
    at = fresh_app
    assert "Which best describes you?" in [h.value for h in at.subheader]
    assert not at.warning and not [b for b in at.button if b.key and b.key.startswith("example-")], "nothing else yet"
    assert {b.key for b in at.button} >= {f"choose-{p.value}" for p in Persona}
    assert not [r for r in at.radio if r.key == "persona"], "the sidebar takes over only after the choice"
    at.chat_input(key="question").set_value("How is atrial fibrillation anticoagulation decided?").run()
    assert at.session_state.transcript.turns == [], "nobody is answered as a physician by default"
    assert any("Choose who you are" in i.value for i in at.info)
    at.button(key="choose-patient").click().run()
    (turn,) = at.session_state.transcript.turns
    assert turn.answer.persona is Persona.PATIENT and "not medical advice" in turn.answer.disclaimer
    assert at.radio(key="persona").value is Persona.PATIENT
    assert "Which best describes you?" not in [h.value for h in at.subheader]


def test_a_turn_shows_cited_answer_references_and_disclaimer(app: AppTest) -> None:
    app.chat_input(key="question").set_value(GNET_Q).run()
    assert not app.exception
    assert [m.name for m in app.chat_message] == ["user", "assistant"]
    text = assistant_text(app)
    assert "**From the guidelines**" in text and "[1]" in text
    assert "Gastrointestinal neuroectodermal tumour (GNET)" in text
    assert ":gray-badge[Demo content — not clinically reviewed]" in text and "last updated 2026-" in text
    assert "Approved" not in text.replace("approved articles", ""), "sample content never shows as Approved"
    links = [e for e in app.get("page_link") if e.proto.label == "Editorial policy"]
    assert len(links) == len(app.session_state.transcript.turns[0].answer.references) >= 1
    assert safety.disclaimer(Persona.PHYSICIAN) in text
    assert any(e.label.startswith("Cited passage [1.1]") for e in app.expander)
    assert "[1.1]" in text, "each statement points at its exact passage"


def test_example_and_follow_up_buttons_ask_their_question(app: AppTest) -> None:
    app.button(key="example-0").click().run()
    transcript: Transcript = app.session_state.transcript
    assert [t.question for t in transcript.turns] == [GNET_Q]
    follow = next(b for b in app.button if b.key and b.key.startswith("follow-"))
    follow.click().run()
    assert len(transcript.turns) == 2 and transcript.turns[1].question == follow.label
    assert transcript.turns[1].answer.references[0].article_id == "gnet"


def test_a_turn_is_shown_in_its_own_run_exactly_as_the_next_run_shows_it(app: AppTest) -> None:
    """The answer is drawn in the run that makes it (no second run of the page): the first screen goes,
    the exports appear, and only the newest answer keeps follow-up buttons, as after a plain rerun."""
    app.button(key="example-0").click().run()
    shown = visible(app)
    assert any(line.startswith("download_button") for line in shown)
    app.run()
    assert visible(app) == shown
    first = app.session_state.transcript.turns[0].answer.id
    next(b for b in app.button if b.key and b.key.startswith("follow-")).click().run()
    shown = visible(app)
    second = app.session_state.transcript.turns[1].answer.id
    follow_ups = {b.key.rsplit("-", 1)[0] for b in app.button if b.key and b.key.startswith("follow-")}
    assert follow_ups == {f"follow-{second}"} and first != second
    app.run()
    assert visible(app) == shown


def test_a_follow_up_understands_what_came_before(app: AppTest) -> None:
    app.chat_input(key="question").set_value("What is GNET?").run()
    app.chat_input(key="question").set_value("How is it treated?").run()
    turns = app.session_state.transcript.turns
    assert "GNET" in turns[1].answer.standalone_question
    assert turns[1].answer.references[0].article_id == "gnet"


def test_persona_switch_changes_the_next_reply(app: AppTest) -> None:
    question = "How is atrial fibrillation anticoagulation decided?"
    app.chat_input(key="question").set_value(question).run()
    app.radio(key="persona").set_value(Persona.PATIENT).run()
    app.chat_input(key="question").set_value(question).run()
    first, second = app.session_state.transcript.turns
    assert first.answer.persona is Persona.PHYSICIAN and second.answer.persona is Persona.PATIENT
    assert first.answer.body_text() != second.answer.body_text()
    assert "not medical advice" in second.answer.disclaimer


def test_new_conversation_clears(app: AppTest) -> None:
    app.chat_input(key="question").set_value(GNET_Q).run()
    app.button(key="new_conversation").click().run()
    assert app.session_state.transcript.turns == []
    assert not app.chat_message


def test_exports_keep_citations_references_and_disclaimer(app: AppTest) -> None:
    app.chat_input(key="question").set_value(GNET_Q).run()
    assert [d.label for d in app.download_button] == ["Markdown", "JSON", "PDF"]
    transcript: Transcript = app.session_state.transcript
    disclaimer = safety.disclaimer(Persona.PHYSICIAN)
    markdown = transcript_markdown(transcript)
    assert disclaimer in markdown and "**References**" in markdown and "[1]" in markdown
    assert "Articles cited (audit trail)" in markdown
    assert "Demo content — not clinically reviewed, last updated" in markdown and "Approved" not in markdown
    data = Transcript.model_validate_json(transcript_json(transcript))
    assert data.turns[0].answer.disclaimer == disclaimer and data.turns[0].answer.references
    pdf = transcript_pdf(transcript)
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    assert json.loads(transcript_json(transcript))["persona"] == "physician"


def test_feedback_is_stored_without_question_text(app: AppTest, tmp_path: Path) -> None:
    app.chat_input(key="question").set_value(GNET_Q).run()
    answer = app.session_state.transcript.turns[0].answer
    app.feedback(key=f"feedback-{answer.id}").set_value(0).run()
    database = connect(sqlite_url(tmp_path / "data" / "editorial.sqlite3"))
    records = FeedbackLog(database).read()
    assert records == [
        {
            "answer_id": answer.id,
            "score": 0,
            "article_ids": [r.article_id for r in answer.references],
            "persona": "physician",
            "mode": "offline",
            "at": records[0]["at"],
            "question": None,
        }
    ]
    assert app.session_state.transcript.turns[0].feedback == 0


def test_bad_input_gets_a_clear_message_and_keeps_the_conversation(app: AppTest) -> None:
    app.chat_input(key="question").set_value(GNET_Q).run()
    app.chat_input(key="question").set_value("x" * 4500).run()
    assert not app.exception
    assert any("limit is 4,000" in w.value for w in app.warning)
    assert len(app.session_state.transcript.turns) == 2


def test_an_unreachable_chroma_server_is_an_error_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", "9")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert at.error and "could not be opened" in at.error[0].value and "CHROMA_HOST" in at.error[0].value


def test_llm_mode_streams_and_the_finished_answer_replaces_the_stream(
    bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fake_openai import FakeOpenAI, Reply
    from tests.test_llm_mode import grounded_reply

    with FakeOpenAI([Reply(text=grounded_reply, chunk_delay=0.01)]) as server:
        monkeypatch.setenv("STORE_DIR", bundled_store.client.get_settings().persist_directory)
        monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_MODEL", "fake-model")
        monkeypatch.delenv("CHROMA_HOST", raising=False)
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
        at.run()
        at.button(key="choose-physician").click().run()
        assert any("LLM · fake-model" in m.value for m in at.markdown)
        at.chat_input(key="question").set_value(GNET_Q).run()
    assert not at.exception
    answer = at.session_state.transcript.turns[0].answer
    assert answer.mode == "fake-model" and server.requests[0]["body"]["stream"] is True
    text = assistant_text(at)
    assert "DIRECT:" not in text, "the raw stream is replaced by the rendered Answer"
    assert "**From the guidelines**" in text and safety.disclaimer(Persona.PHYSICIAN) in text
