"""The real Streamlit app through AppTest: turns, follow-ups, personas, export, feedback, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import safety
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
    return at


def assistant_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def test_first_screen_explains_and_warns_about_sample_content(app: AppTest) -> None:
    assert "approved articles" in assistant_text(app)
    assert any("demonstration content" in w.value for w in app.warning)
    assert GNET_Q in [b.label for b in app.button]
    assert app.radio(key="persona").label == "Which best describes you?"


def test_a_turn_shows_cited_answer_references_and_disclaimer(app: AppTest) -> None:
    app.chat_input(key="question").set_value(GNET_Q).run()
    assert not app.exception
    assert [m.name for m in app.chat_message] == ["user", "assistant"]
    text = assistant_text(app)
    assert "**From the guidelines**" in text and "[1]" in text
    assert "Gastrointestinal neuroectodermal tumour (GNET)" in text
    assert ":green-badge[Approved]" in text and "last updated 2026-" in text
    assert safety.disclaimer(Persona.PHYSICIAN) in text
    assert any(e.label.startswith("Cited passage [1]") for e in app.expander)


def test_example_and_follow_up_buttons_ask_their_question(app: AppTest) -> None:
    app.button(key="example-0").click().run()
    transcript: Transcript = app.session_state.transcript
    assert [t.question for t in transcript.turns] == [GNET_Q]
    follow = next(b for b in app.button if b.key and b.key.startswith("follow-"))
    follow.click().run()
    assert len(transcript.turns) == 2 and transcript.turns[1].question == follow.label
    assert transcript.turns[1].answer.references[0].article_id == "gnet"


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
    exports = app.session_state.exports
    disclaimer = safety.disclaimer(Persona.PHYSICIAN)
    markdown = exports["md"].decode()
    assert disclaimer in markdown and "**References**" in markdown and "[1]" in markdown
    assert "Articles cited (audit trail)" in markdown and "Approved, last updated" in markdown
    data = Transcript.model_validate_json(exports["json"])
    assert data.turns[0].answer.disclaimer == disclaimer and data.turns[0].answer.references
    assert exports["pdf"].startswith(b"%PDF") and len(exports["pdf"]) > 5000
    assert json.loads(exports["json"])["persona"] == "physician"


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
        assert any("LLM · fake-model" in m.value for m in at.markdown)
        at.chat_input(key="question").set_value(GNET_Q).run()
    assert not at.exception
    answer = at.session_state.transcript.turns[0].answer
    assert answer.mode == "fake-model" and server.requests[0]["body"]["stream"] is True
    text = assistant_text(at)
    assert "DIRECT:" not in text, "the raw stream is replaced by the rendered Answer"
    assert "**From the guidelines**" in text and safety.disclaimer(Persona.PHYSICIAN) in text
