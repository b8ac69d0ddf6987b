"""Hostile input across the whole path: each gets a clear error or is shown as text; nothing is lost; the app
keeps serving.

Markdown/HTML typed by users or written in articles must be shown as text: the escaping itself is the rendering's
(assistant/render.py `plain`, assistant/export.py, ui/; issue 15); these tests hold it to that.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import safety
from assistant.__main__ import main as assistant_cli
from assistant.config import Settings
from assistant.export import transcript_json, transcript_markdown, transcript_pdf
from assistant.llm import LLMClient, LLMComposer, build_client
from assistant.models import Answer, Feedback, Persona, Transcript, Turn
from assistant.pipeline import Pipeline, utc_now
from assistant.records import FeedbackLog, GapLog, GapRecord, JsonlLog
from assistant.render import answer_to_markdown
from knowledge.db import connect, sqlite_url
from knowledge.editorial import Action, EditorialBoard, EditorialError
from knowledge.embeddings import MiniLMEmbedder
from knowledge.ingest import sync_articles
from knowledge.loaders import MAX_ARTICLE_BYTES, load_article_file, load_articles, parse_article
from knowledge.retrieval import HybridRetriever
from knowledge.reviewers import Reviewers, Role
from knowledge.schema import ReviewStatus
from knowledge.store import KnowledgeStore, make_client
from tests.conftest import ROOT
from tests.fake_openai import FakeOpenAI, Reply
from tests.helpers import DEFAULT_SECTIONS, article_text, write_article

GNET_Q = "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?"
MARKUP = (
    "**bold** <script>alert('x')</script> <img src=x onerror=alert(1)> "
    "[click me](javascript:alert(1)) # heading | table | $x^2$"
)
# Fragments that would turn into formatting, HTML or a link if the text were rendered as Markdown
ACTIVE = ("**bold**", "<script>", "<img src", "](javascript:", "$x^2$")


def shown_as_text(rendered: str, original: str) -> bool:
    """Markdown `rendered` displays `original` literally: no active fragment survives, and unescaping (backslash
    escapes, entities, the zero-width spaces that stop autolinks) gives it back."""
    if any(re.search(r"(?<!\\)" + re.escape(f), rendered) for f in ACTIVE if f in original):  # unescaped
        return False
    unescaped = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", rendered)).replace("\u200b", "")
    return original in unescaped


def chat_pipeline(retriever: HybridRetriever, store: KnowledgeStore) -> Pipeline:
    return Pipeline(retriever=retriever, articles=store)


def exports(transcript: Transcript) -> tuple[str, str, bytes]:
    at = utc_now()
    return transcript_markdown(transcript, at), transcript_json(transcript), transcript_pdf(transcript, at)


def transcript_of(*turns: tuple[str, Answer]) -> Transcript:
    return Transcript(
        created_at=utc_now(), persona=Persona.PHYSICIAN, turns=[Turn(question=q, answer=a) for q, a in turns]
    )


@pytest.fixture
def app(bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("STORE_DIR", bundled_store.client.get_settings().persist_directory)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    at.button(key="choose-physician").click().run()  # the first screen asks who is asking
    return at


def still_serving(at: AppTest) -> None:
    """After whatever came before, an ordinary question still gets a cited answer."""
    before = len(at.session_state.transcript.turns)
    at.chat_input(key="question").set_value(GNET_Q).run()
    assert not at.exception
    turns = at.session_state.transcript.turns
    assert len(turns) == before + 1 and turns[-1].answer.status == "answered"
    assert "gnet" in [r.article_id for r in turns[-1].answer.references]


# --- questions -----------------------------------------------------------------------------------------------


def test_a_1mb_question_is_refused_clearly_and_not_kept_whole(
    bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore
) -> None:
    answer = chat_pipeline(bundled_retriever, bundled_store).run("why " * 250_000)
    assert answer.status == "rejected"
    assert "1,000,000 characters long; the limit is 4,000" in answer.notices[0].text
    assert len(answer.question) < safety.MAX_QUESTION_CHARS + 100 and "characters not kept" in answer.question


def test_a_1mb_question_in_the_app_gets_the_message_and_the_app_keeps_serving(app: AppTest) -> None:
    app.chat_input(key="question").set_value("x" * 1_000_000).run()
    assert not app.exception
    assert any("the limit is 4,000" in w.value for w in app.warning)
    kept = app.session_state.transcript.turns[0].question
    assert len(kept) < 5000, "the transcript (and every export of it) does not carry the megabyte"
    still_serving(app)


def test_control_and_zero_width_characters_are_dropped_and_the_question_still_found(
    bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore
) -> None:
    question = (
        "What is the treatment for gastro\u200bintestinal neuro\u200dectodermal tumour (GN\u200bET)?"
        "\x00\x07\u202e\ufeff"
    )
    answer = chat_pipeline(bundled_retriever, bundled_store).run(question)
    assert answer.status == "answered" and answer.references[0].article_id == "gnet"
    assert not [ch for ch in answer.question if unicodedata.category(ch) in ("Cc", "Cf")]
    markdown, data, pdf = exports(transcript_of((answer.question, answer)))
    assert "\x00" not in markdown and "\u202e" not in markdown and pdf.startswith(b"%PDF")
    assert Transcript.model_validate_json(data).turns[0].question == answer.question


@pytest.mark.parametrize("junk", ["<!--", "\\" * 50, "?!?!", "```", "<>"])
def test_punctuation_alone_is_not_answered(junk: str) -> None:
    answer = Pipeline(retriever=None).run(junk)  # type: ignore[arg-type]
    assert answer.status == "rejected" and "question in words" in answer.notices[0].text


def test_only_invisible_characters_is_an_empty_question() -> None:
    answer = Pipeline(retriever=None).run("\u200b\u200c\x00\u2066 \t")  # type: ignore[arg-type]
    assert answer.status == "rejected" and "Please type a question" in answer.notices[0].text


@pytest.mark.parametrize(
    "question",
    [
        "ما هو علاج الورم العصبي الأديمي الظاهر المعدي المعوي (GNET)؟",
        "מהו הטיפול ב-GNET?",
        "What is GNET? \u202bمرحبا\u202c and \u2067שלום\u2069",
    ],
)
def test_right_to_left_text_is_answered_or_declined_and_exports(
    bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore, question: str
) -> None:
    answer = chat_pipeline(bundled_retriever, bundled_store).run(question)
    assert answer.status in ("answered", "abstained")
    assert answer.disclaimer
    markdown, data, pdf = exports(transcript_of((answer.question, answer)))
    assert safety.clean_question(question).strip() in markdown
    assert pdf.startswith(b"%PDF") and json.loads(data)["turns"][0]["question"] == answer.question


def test_rtl_and_markup_questions_in_the_app_do_not_break_it(app: AppTest) -> None:
    for question in ("ما هو علاج GNET؟", MARKUP, "```\nunclosed code fence", "<!--", "\\" * 50):
        app.chat_input(key="question").set_value(question).run()
        assert not app.exception, question
    assert len(app.session_state.transcript.turns) == 5
    assert transcript_pdf(app.session_state.transcript, utc_now()).startswith(b"%PDF")
    still_serving(app)


def test_markup_in_a_question_is_shown_as_text_in_the_app(app: AppTest) -> None:
    app.chat_input(key="question").set_value(MARKUP).run()
    user = app.chat_message[0]
    shown = [m.value for m in user.markdown] + [t.value for t in user.text] + [c.value for c in user.code]
    assert any(shown_as_text(value, MARKUP) for value in shown), shown


def test_markup_in_a_question_is_text_in_the_markdown_export(
    bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore
) -> None:
    answer = chat_pipeline(bundled_retriever, bundled_store).run(MARKUP)
    markdown, data, _ = exports(transcript_of((answer.question, answer)))
    assert shown_as_text(markdown, MARKUP)
    assert json.loads(data)["turns"][0]["question"] == MARKUP, "JSON keeps the exact text"


# --- articles ------------------------------------------------------------------------------------------------

HOSTILE_TITLE = "Zentoria <img src=x onerror=alert(1)> **bold** of the elbow"
HOSTILE_SECTIONS = {
    **DEFAULT_SECTIONS,
    "Guideline recommendations": (
        "The 2024 Test Society guideline recommends splinting the elbow for zentoria "
        "<script>alert('x')</script> [click me](javascript:alert(1)). It also recommends rest for two weeks."
    ),
}


@pytest.fixture
def hostile_store(tmp_path: Path, embedder: MiniLMEmbedder) -> tuple[Path, KnowledgeStore]:
    folder = tmp_path / "articles"
    write_article(folder, "zentoria", title=HOSTILE_TITLE.replace('"', "'"), sections=HOSTILE_SECTIONS)
    store_dir = tmp_path / "store"
    store = KnowledgeStore(make_client(store_dir), embedder)
    assert sync_articles(store, [folder]).report.articles == 1
    return store_dir, store


def test_markup_in_titles_and_bodies_is_stored_and_cited_unchanged(hostile_store: tuple[Path, KnowledgeStore]) -> None:
    _, store = hostile_store
    answer = Pipeline(retriever=HybridRetriever(store), articles=store).run("How is zentoria of the elbow treated?")
    assert answer.status == "answered" and answer.references[0].title == HOSTILE_TITLE
    assert any("<script>" in p.text for r in answer.references for p in r.passages), "kept, to be shown as text"


def test_markup_in_titles_and_bodies_is_text_in_answers_and_exports(
    hostile_store: tuple[Path, KnowledgeStore],
) -> None:
    _, store = hostile_store
    answer = Pipeline(retriever=HybridRetriever(store), articles=store).run("How is zentoria of the elbow treated?")
    rendered = answer_to_markdown(answer)
    assert shown_as_text(rendered, HOSTILE_TITLE)
    assert "<script>" not in rendered and "](javascript:" not in rendered
    markdown, _, pdf = exports(transcript_of(("How is zentoria treated?", answer)))
    assert shown_as_text(markdown, HOSTILE_TITLE) and "<script>" not in markdown
    assert pdf.startswith(b"%PDF")


def test_markup_in_titles_and_bodies_is_text_in_the_app(
    hostile_store: tuple[Path, KnowledgeStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_dir, _ = hostile_store
    monkeypatch.setenv("STORE_DIR", str(store_dir))
    monkeypatch.setenv("ARTICLE_DIRS", str(store_dir.parent / "articles"))  # the app's library: only this article
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    at.button(key="choose-physician").click().run()
    at.chat_input(key="question").set_value("How is zentoria of the elbow treated?").run()
    assert not at.exception
    assistant = at.chat_message[1]
    values = [m.value for m in assistant.markdown] + [e.label for e in assistant.expander]
    values += [m.value for e in assistant.expander for m in e.markdown]
    assert all("<script>" not in v and "](javascript:" not in v for v in values), values
    assert any(shown_as_text(v, HOSTILE_TITLE) for v in values)


def test_a_yaml_bomb_is_refused_and_the_other_articles_still_load(tmp_path: Path) -> None:
    write_article(tmp_path, "zentoria")
    levels = "\n".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10))
    bomb = article_text("bomb").replace("specialty: testing\n", f'specialty: testing\nl0: &l0 "lol"\n{levels}\n')
    (tmp_path / "bomb.md").write_text(bomb, encoding="utf-8")
    result = load_articles([tmp_path])
    assert [a.id for a in result.articles] == ["zentoria"]
    assert len(result.errors) == 1 and "aliases" in result.errors[0].message
    assert result.errors[0].file.endswith("bomb.md")


def test_very_large_article_files_are_refused_with_the_limit(tmp_path: Path) -> None:
    big = article_text("big", sections={"Overview": "Zentoria is long. " * (MAX_ARTICLE_BYTES // 18 + 10)})
    (tmp_path / "big.md").write_text(big, encoding="utf-8")
    error = load_article_file(tmp_path / "big.md")
    assert not hasattr(error, "sections") and "limit is 2,000,000" in str(error)

    head = "---\n" + "".join(f"k{i}: v\n" for i in range(5000)) + "---\n## A\ntext\n"
    (tmp_path / "head.md").write_text(head, encoding="utf-8")
    assert "front matter is" in str(load_article_file(tmp_path / "head.md"))


def test_many_sections_within_the_limit_load_whole(tmp_path: Path) -> None:
    sections = {f"Part {i}": f"Zentoria fact number {i}." for i in range(2000)}
    write_article(tmp_path, "zentoria", sections=sections)
    article = load_article_file(tmp_path / "zentoria.md")
    assert len(article.sections) == 2000 and article.sections[-1].text == "Zentoria fact number 1999."


def test_dash_lines_inside_the_body_keep_everything_after_them() -> None:
    text = article_text(
        sections={
            "Overview": "Before the rule.\n\n---\n\nAfter the rule, same section.",
            "Guideline recommendations": "The guideline recommends splinting.\n---\nStill the guideline section.",
            "Research evidence": "A trial.",
            "Plain-language summary": "Rest helps.\n\n---",
        }
    )
    article = parse_article(text)
    assert [s.title for s in article.sections] == [
        "Overview",
        "Guideline recommendations",
        "Research evidence",
        "Plain-language summary",
    ]
    assert "After the rule, same section." in article.sections[0].text
    assert article.sections[1].text.endswith("Still the guideline section.")


def test_crlf_and_byte_order_mark_files_load(tmp_path: Path) -> None:
    text = "\ufeff" + article_text().replace("\n", "\r\n")
    (tmp_path / "zentoria.md").write_bytes(text.encode("utf-8"))
    article = load_article_file(tmp_path / "zentoria.md")
    assert article.id == "zentoria" and len(article.sections) == 4


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "..", "/etc/passwd", "a/b", "..\\windows", "~root", ".hidden"])
def test_ids_that_look_like_paths_are_refused(tmp_path: Path, bad_id: str) -> None:
    path = tmp_path / "zentoria.md"
    path.write_text(article_text().replace("id: zentoria", f"id: '{bad_id}'"), encoding="utf-8")
    error = load_article_file(path)
    assert getattr(error, "field", None) == "id"
    board = EditorialBoard(connect(sqlite_url(tmp_path / "editorial.sqlite3")), None, tmp_path)
    with pytest.raises(EditorialError, match="not an article id"):
        board.decide(bad_id, Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    assert board.history() == []


# --- transcripts, logs and the database ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json at all", "is not JSON (line 1"),
        (b"42", "expected a JSON object or a list of turns"),
        (b'{"persona": "physician"}', "is not an exported transcript (created_at"),
        (b'[{"question": "hi"}]', "is not an exported transcript (0.answer"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
        (b"", "is not JSON"),
    ],
)
def test_malformed_history_files_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(content)
    assert assistant_cli(["ask", "How is it treated?", "--history", str(path), "--store", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --history ") and str(path) in err and expected in err, err
    assert "Traceback" not in err


def test_a_missing_history_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert assistant_cli(["ask", "q?", "--history", str(tmp_path / "nope.json"), "--store", str(tmp_path)]) == 2
    assert "cannot be read (No such file or directory)" in capsys.readouterr().err


def test_an_exported_history_still_works(
    bundled_store: KnowledgeStore,
    bundled_retriever: HybridRetriever,
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    first = chat_pipeline(bundled_retriever, bundled_store).run("What is GNET?")
    path = tmp_path / "history.json"
    path.write_text(transcript_json(transcript_of(("What is GNET?", first))), encoding="utf-8")
    store = bundled_store.client.get_settings().persist_directory
    assert assistant_cli(["ask", "How is it treated?", "--history", str(path), "--store", store, "--json"]) == 0
    answer = Answer.model_validate_json(capsys.readouterr().out)
    assert "GNET" in answer.standalone_question


def test_corrupt_jsonl_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    log = JsonlLog(tmp_path / "feedback.jsonl")
    log.path.write_bytes(
        b'{"answer_id": "a", "score": 0, "article_ids": ["gnet"]}\n'
        b'{"answer_id": "b", "sco\n'  # a write cut short
        b"[1, 2, 3]\n"
        b"\xff\xfe binary \x00\n"
        b"\n"
        + b"[" * 50_000
        + b"\n"
        b'{"answer_id": "c", "score": 1, "article_ids": []}\n'
    )
    records, bad = log.read_checked()
    assert [r["answer_id"] for r in records] == ["a", "c"]
    assert bad == [2, 3, 4, 6]


def test_corrupt_database_rows_do_not_stop_the_board(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    folder = tmp_path / "articles"
    write_article(folder, "zentoria", status="submitted")
    sync_articles(fresh_store, [folder])
    path = tmp_path / "editorial.sqlite3"
    board = EditorialBoard(connect(sqlite_url(path)), fresh_store, folder)
    board.decide("zentoria", Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO article_status (article_id, status, reviewed_by, updated_at, reviewed_on) "
            "VALUES ('other', 'bogus', 'x', 'now', 'not a date')"
        )
        db.execute(
            "INSERT INTO audit_log (article_id, actor, at, action, from_status, to_status) "
            "VALUES ('zentoria', 'x', 'yesterday', 'explode', 'submitted', 'nowhere')"
        )
    assert board.statuses() == {"zentoria": ReviewStatus.UNDER_REVIEW}
    assert [h.actor for h in board.history("zentoria")] == ["Dr Ada"], "the damaged row is skipped, not fatal"
    board.decide("zentoria", Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    assert board.statuses()["zentoria"] is ReviewStatus.APPROVED


def test_corrupt_feedback_and_gap_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = connect(sqlite_url(path))
    feedback, gaps = FeedbackLog(db), GapLog(db)
    good = Feedback(answer_id="a", score=0, article_ids=["gnet"], persona=Persona.NURSE, mode="offline", at=utc_now())
    feedback.append(good)
    gaps.append(GapRecord(at=utc_now(), persona=Persona.PATIENT, best_similarity=0.1))
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO feedback (at, answer_id, score, persona, mode, article_ids) "
            "VALUES ('not a time', 'b', 0, 'physician', 'offline', '[]')"
        )
        raw.execute(
            "INSERT INTO feedback (at, answer_id, score, persona, mode, article_ids) "
            f"VALUES ('{utc_now().isoformat()}', 'c', 0, 'alien', 'offline', '{{not json')"
        )
        raw.execute("INSERT INTO evidence_gaps (at, persona, best_similarity) VALUES ('x', 'nobody', 'high')")
    records, bad = feedback.read_checked()
    assert [r["answer_id"] for r in records] == ["a"] and len(bad) == 2
    assert len(gaps.read()) == 1


def test_a_database_file_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "editorial.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(EditorialError, match="cannot be used .*DatabaseError"):
        EditorialBoard(connect(sqlite_url(tmp_path / "editorial.sqlite3")))


def test_the_app_with_a_corrupt_database_says_so_instead_of_a_traceback(
    bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "editorial.sqlite3").write_bytes(b"garbage" * 500)
    monkeypatch.setenv("STORE_DIR", bundled_store.client.get_settings().persist_directory)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    assert at.error and "editorial database cannot be used" in at.error[0].value


# --- settings and failures -----------------------------------------------------------------------------------


def test_a_bad_setting_names_the_variable_in_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LLM_TIMEOUT", "-1")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    message = at.error[0].value
    assert "LLM_TIMEOUT" in message and "greater than 0" in message and "could not be opened" not in message


def test_a_secret_setting_is_named_but_its_value_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.config import SettingsError, load_settings

    monkeypatch.setenv("CHROMA_AUTH_HEADER", "bad header\r\nX-Injected: 1")
    monkeypatch.setenv("CHROMA_TOKEN", "tok-123")
    with pytest.raises(SettingsError, match="CHROMA_AUTH_HEADER") as raised:
        load_settings(_env_file=None)
    assert "tok-123" not in str(raised.value)


def test_a_failing_turn_shows_an_error_id_and_logs_no_question_text(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    secret_question = "does my neighbour Jane Doe have HIV?"

    def explode(*args: object, **kwargs: object) -> Answer:
        raise ValueError(f"something broke while handling {args[1] if len(args) > 1 else ''!r}")

    monkeypatch.setattr(Pipeline, "run", explode)
    with caplog.at_level("INFO"):
        app.chat_input(key="question").set_value(secret_question).run()
    assert not app.exception
    message = app.error[0].value
    found = re.search(r"error id ([0-9a-f]{8})", message)
    assert found and "Traceback" not in message and "ValueError" not in message
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert found.group(1) in logged and "ValueError" in logged
    assert "Jane Doe" not in logged
    monkeypatch.undo()
    assert app.session_state.transcript.turns == [], "the failed turn is not half-recorded"


def test_an_llm_error_text_reaches_neither_the_reader_nor_the_log(
    bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore, caplog: pytest.LogCaptureFixture
) -> None:
    upstream = "Upstream says: your prompt 'Jane Doe HIV status' violates policy; key sk-live-123"
    with FakeOpenAI([Reply(status=400, error_message=upstream)]) as server:
        settings = Settings(_env_file=None, openai_base_url=server.base_url, openai_model="fake-model")
        llm = LLMComposer(LLMClient(build_client(settings), "fake-model", 1, 2.0))
        with caplog.at_level("INFO"):
            answer = Pipeline(retriever=bundled_retriever, articles=bundled_store, llm=llm).run(GNET_Q)
    assert answer.mode == "offline" and answer.references
    notice = next(n.text for n in answer.notices if n.kind.value == "fallback")
    assert re.search(r"error id [0-9a-f]{8}", notice) and "BadRequestError 400" in notice
    markdown, data, _ = exports(transcript_of((GNET_Q, answer)))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for text in (notice, markdown, data, logged):
        assert "Jane Doe" not in text and "sk-live" not in text and "Upstream says" not in text


def test_the_review_page_shows_the_readable_feedback_and_says_what_it_left_out(
    bundled_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORE_DIR", bundled_store.client.get_settings().persist_directory)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "editorial.sqlite3"
    db = connect(sqlite_url(path))
    Reviewers(db).add("bo", Role.REVIEWER, "a long enough passphrase", "test")
    FeedbackLog(db).append(
        Feedback(answer_id="a", score=0, article_ids=["gnet"], persona=Persona.NURSE, mode="offline", at=utc_now())
    )
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO feedback (at, answer_id, score, persona, mode, article_ids) "
            "VALUES ('garbage', 'b', 0, 'robot', 'offline', '{{{')"
        )
    at = AppTest.from_file(str(ROOT / "ui" / "review_app.py"), default_timeout=180)
    at.run()
    at.text_input(key="login_name").set_value("bo")
    at.text_input(key="login_password").set_value("a long enough passphrase")
    next(b for b in at.button if b.label == "Log in").click().run()
    assert not at.exception
    assert any("1 feedback record cannot be read (id 2)" in w.value for w in at.warning)
    assert any("Thumbs down" in str(d.value.columns) for d in at.dataframe), "the readable record is still listed"
