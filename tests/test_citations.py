"""Statement-level support in LLM mode, against the fake OpenAI-compatible server, as the reader sees it.

An invented marker never borrows a real number; a sentence that contradicts its passage leaves the body
and is listed apart, unnumbered; each kept statement points at the exact passage it rests on; a bad
condensed follow-up from the model is not used.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.models import Persona, Turn
from assistant.render import answer_body_md, answer_to_markdown
from assistant.support import check
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore
from tests.fake_openai import FakeOpenAI, Reply
from tests.test_llm_mode import GNET_Q, grounded_reply, make_pipeline, sources_in

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "data" / "citation_pairs.jsonl").open()]


@pytest.fixture
def parts(bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore) -> tuple:
    return bundled_retriever, bundled_store


def _guideline(body: dict) -> tuple[int, str]:
    sources = sources_in(body)
    number = next(n for n, s in sources.items() if s["kind"] == "guideline")
    return number, re.split(r"(?<=\.)\s", sources[number]["text"].lstrip("- "))[0].rstrip(".")


def test_an_invented_marker_never_gets_a_real_number(parts: tuple) -> None:
    def reply(body: dict) -> str:
        number, sentence = _guideline(body)
        return (
            f"DIRECT:\n{sentence} [{number}]. Imatinib cures every case [77].\nGUIDELINES:\n- none\nRESEARCH:\n- none\n"
        )

    with FakeOpenAI([Reply(text=reply)]) as server:
        answer = make_pipeline(server, *parts).run(GNET_Q)
    body = answer_body_md(answer)
    assert "Imatinib cures every case" not in body
    assert [n.text for n in answer.not_supported] == ["Imatinib cures every case."]
    markdown = answer_to_markdown(answer)
    removed = markdown.split("**Not supported by the approved articles**")[1].split("**References**")[0]
    assert "Imatinib cures every case" in removed and not re.search(r"\[\d", removed)


def test_a_contradicting_sentence_is_removed_even_though_it_shares_the_words(parts: tuple) -> None:
    def reply(body: dict) -> str:
        number, sentence = _guideline(body)
        return (
            f"DIRECT:\n{sentence} [{number}].\nGUIDELINES:\n- Complete surgical resection is not recommended for "
            f"GNET; chemotherapy alone is the treatment [{number}].\nRESEARCH:\n- none\n"
        )

    with FakeOpenAI([Reply(text=reply)]) as server:
        answer = make_pipeline(server, *parts).run(GNET_Q)
    assert "not recommended" not in answer_body_md(answer)
    assert any("not recommended" in n.text for n in answer.not_supported)


def test_each_statement_points_at_its_exact_passage_and_passages_say_what_they_support(parts: tuple) -> None:
    with FakeOpenAI([Reply(text=grounded_reply)]) as server:
        answer = make_pipeline(server, *parts).run(GNET_Q)
    statements = answer.direct + [s for p in answer.parts for s in p.statements]
    labels = {p.label: p for r in answer.references for p in r.passages}
    assert statements and all(s.anchors for s in statements)
    for statement in statements:
        for anchor in statement.anchors:
            assert statement.text in labels[anchor].supports
    assert len(labels) == sum(len(r.passages) for r in answer.references), "each passage listed once"
    assert re.search(r"\[\d+\.\d+\]", answer_to_markdown(answer))


def test_a_rambling_condensed_follow_up_is_not_used(parts: tuple) -> None:
    with FakeOpenAI([Reply(text=grounded_reply)]) as server:
        first = make_pipeline(server, *parts).run(GNET_Q)
    history = [Turn(question=GNET_Q, answer=first)]
    preamble = "Sure! Here is the question: what is the dose of imatinib for gout"
    with FakeOpenAI([Reply(text=preamble), Reply(text=grounded_reply)]) as server:
        answer = make_pipeline(server, *parts).run("and how is it followed up?", history, Persona.PHYSICIAN)
    assert answer.standalone_question.startswith("and how is it followed up?")
    assert "gout" not in answer.standalone_question.lower() and "gnet" in answer.standalone_question.lower()


def test_offline_sentences_are_quoted_so_always_supported() -> None:
    for pair in PAIRS:
        if pair["kind"] == "verbatim":
            assert check(pair["sentence"], [pair["passage"]]).supported, pair["id"]


def test_the_support_check_on_the_untouched_split_beats_word_overlap() -> None:
    """Figures are in docs/benchmarks.md (benchmarks/citations.py); this guards against regressions."""
    test = [p for p in PAIRS if p["split"] == "test"]
    bad = [p for p in test if p["label"] != "supported"]
    good = [p for p in test if p["label"] == "supported"]
    let_through = sum(check(p["sentence"], [p["passage"]]).supported for p in bad) / len(bad)
    removed = sum(not check(p["sentence"], [p["passage"]]).supported for p in good) / len(good)
    assert let_through <= 0.40 and removed <= 0.35, (let_through, removed)
