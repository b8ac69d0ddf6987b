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
from assistant.support import check, shipped_model
from benchmarks.citations import training_hash
from knowledge.chunking import chunk_article
from knowledge.loaders import load_articles
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore
from tests.fake_openai import FakeOpenAI, Reply
from tests.test_llm_mode import GNET_Q, grounded_reply, make_pipeline, sources_in

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "data" / "citation_pairs.jsonl").open()]
LET_THROUGH_AT_MOST, REMOVED_AT_MOST = 0.05, 0.28  # measured 0.045 and 0.264 (docs/benchmarks.md), plus a margin
ARTICLES = {a.id: a for a in load_articles().articles}
TITLES = {article_id: a.title for article_id, a in ARTICLES.items()}


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


def _passage(chunk_id: str) -> str:
    article = ARTICLES[chunk_id.split("::")[0]]
    return next(c.text for c in chunk_article(article) if c.chunk_id == chunk_id)


# Sentences written for these tests (none is in the labelled pairs), each against a bundled passage.
CASES = [
    ("gout::00-overview::0", "Gout affects men more often than women, and it becomes commoner with age.", ""),
    ("gout::00-overview::0", "Urate begins to crystallise once serum urate rises above roughly 405 micromol/L.", ""),
    ("gout::00-overview::0", "Gout affects women more often than men.", "the comparison is the other way round"),
    ("gout::00-overview::0", "Urate starts to crystallise above about 405 mg/dL.", "in another unit"),
    ("gout::00-overview::0", "Urate starts to crystallise above about 450 micromol/L.", "does not state 450"),
    ("gout::00-overview::0", "Gout always leads to kidney stones.", "claims more than the passage"),
    (
        "gout::03-guideline-recommendations::1",
        "For gout flares, the 2020 ACR guideline favours low-dose colchicine rather than high-dose colchicine.",
        "",
    ),
    (
        "gout::03-guideline-recommendations::1",
        "The 2020 ACR guideline strongly prefers high-dose over low-dose colchicine for gout flares.",
        "the comparison is the other way round",
    ),
    (
        "gout::03-guideline-recommendations::1",
        "When ULT is started, the 2020 ACR guideline recommends prophylaxis with febuxostat for 3 to 6 months.",
        "febuxostat",
    ),
    (
        "anaphylaxis::03-guideline-recommendations::0",
        "The Resuscitation Council UK 2021 guideline gives 300 micrograms of IM adrenaline to children aged 6 to 12.",
        "",
    ),
    (
        "anaphylaxis::03-guideline-recommendations::0",
        "The Resuscitation Council UK 2021 guideline gives 150 micrograms of IM adrenaline to children aged 6 to 12.",
        "for another group",
    ),
    (
        "anaphylaxis::03-guideline-recommendations::1",
        "Antihistamines are not part of the first emergency treatment of anaphylaxis, according to the "
        "Resuscitation Council UK 2021 guideline.",
        "",
    ),
    (
        "anaphylaxis::03-guideline-recommendations::1",
        "The Resuscitation Council UK 2021 guideline says corticosteroids are routinely advised for the emergency "
        "treatment of anaphylaxis.",
        "negation differs",
    ),
]


@pytest.mark.parametrize(("chunk_id", "sentence", "reason"), CASES)
def test_the_support_check_reads_what_changes_meaning(chunk_id: str, sentence: str, reason: str) -> None:
    """The rules read each change of meaning; with the learned layer on, a bad sentence still goes, for the
    rule's reason. (The layer removes more honest paraphrases than the rules: docs/benchmarks.md.)"""
    passages, title = [_passage(chunk_id)], TITLES[chunk_id.split("::")[0]]
    rules = check(sentence, passages, title, model=False)
    assert rules.supported == (not reason), rules
    assert reason in rules.reason
    if reason:
        verdict = check(sentence, passages, title)
        assert not verdict.supported and reason in verdict.reason, verdict


def test_the_shipped_learned_layer_is_fitted_on_the_current_pairs() -> None:
    """A stale weights file (pairs added or features changed since the fit) must be refitted, not shipped."""
    model = shipped_model()
    assert model is not None, "python benchmarks/citations.py --fit"
    assert model.trained_on == training_hash(), "python benchmarks/citations.py --fit"


def test_each_clause_must_be_supported_on_its_own() -> None:
    passage = _passage("gout::00-overview::0")
    good = "Gout is the most common inflammatory arthritis"
    assert check(f"{good}.", [passage]).supported
    assert not check(f"{good}, and it is cured by a single dose of colchicine.", [passage]).supported


def test_offline_sentences_are_quoted_so_always_supported() -> None:
    for pair in PAIRS:
        if pair["kind"] == "verbatim":
            assert check(pair["sentence"], [pair["passage"]]).supported, pair["id"]


def test_the_support_check_on_the_untouched_split_beats_word_overlap() -> None:
    """Figures are in docs/benchmarks.md (benchmarks/citations.py); this guards against regressions."""
    test = [p for p in PAIRS if p["split"] == "test"]
    bad = [p for p in test if p["label"] != "supported"]
    good = [p for p in test if p["label"] == "supported"]

    def supported(pair: dict) -> bool:
        return check(pair["sentence"], [pair["passage"]], TITLES[pair["article_id"]]).supported

    let_through = sum(supported(p) for p in bad) / len(bad)
    removed = sum(not supported(p) for p in good) / len(good)
    assert let_through <= LET_THROUGH_AT_MOST and removed <= REMOVED_AT_MOST, (let_through, removed)
