"""Direct answers that state what was asked, follow-ups on the right topic, patients never refused.

Runs the labelled sets' untouched test splits through the real offline pipeline over the bundled
articles. The thresholds sit below the figures in docs/benchmarks.md (benchmarks/answers.py) so a
regression fails here; the issue's goals are higher and the benchmark reports how far they are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.models import NoticeKind, Persona, Turn
from assistant.pipeline import Pipeline
from assistant.ranker import RankerModel
from assistant.triage import Triage
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore
from knowledge.text import split_sentences

DATA = Path(__file__).parent / "data"


# Never tuned on: "test" (session 2) and "fresh" (written blind in session 4, after the ranker's training set).
HELD_OUT = ("test", "fresh")


def _rows(name: str, splits: tuple[str, ...] = HELD_OUT) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] in splits]


@pytest.fixture(scope="module")
def pipeline(bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore) -> Pipeline:
    embed = bundled_store.embedder.embed
    return Pipeline(retriever=bundled_retriever, articles=bundled_store, triage=Triage(embed=embed), embed=embed)


def test_the_key_fact_is_in_the_direct_answer(pipeline: Pipeline) -> None:
    found = {True: [], False: []}
    for row in _rows("answer_keyfacts.jsonl"):
        persona = Persona(row["persona"])
        direct = " ".join(s.text for s in pipeline.run(row["question"], persona=persona).direct)
        found[persona.lay].append(all(re.search(k, direct, re.I) for k in row["keyfacts"]))
    clinician, lay = sum(found[False]) / len(found[False]), sum(found[True]) / len(found[True])
    assert clinician >= 0.85 and lay >= 0.50, (clinician, lay)  # measured 0.90 / 0.54 (docs/benchmarks.md)


def test_follow_ups_keep_or_change_the_topic_and_topicless_openers_get_a_question(pipeline: Pipeline) -> None:
    right, total, clarified, clarify_total = 0, 0, 0, 0
    for row in _rows("conversations.jsonl"):
        history: list[Turn] = []
        for turn in row["turns"]:
            answer = pipeline.run(turn["question"], history, Persona(row["persona"]))
            if "article_id" in turn["expect"]:
                total += 1
                right += bool(answer.references) and answer.references[0].article_id == turn["expect"]["article_id"]
            elif turn["expect"].get("clarify"):
                clarify_total += 1
                clarified += answer.status == "clarify"
            history.append(Turn(question=turn["question"], answer=answer))
    assert right / total >= 0.82, right / total  # measured 0.87
    assert clarified / clarify_total >= 0.5, clarified / clarify_total  # measured 0.60


def test_the_shipped_sentence_ranker_was_fitted_on_the_current_training_questions() -> None:
    """Fails when the training questions or the ranker's signals changed and `--fit` was not run."""
    train = (Path(__file__).parents[1] / "assistant" / "data" / "answer_train.jsonl").read_text(encoding="utf-8")
    dev = _rows("answer_keyfacts.jsonl", ("dev",))
    assert RankerModel.load() is not None, "assistant/data/ranker.json is stale: python benchmarks/answers.py --fit"
    assert RankerModel.about()["questions"] == len(train.splitlines()) + len(dev)


def test_patients_are_not_refused_what_a_physician_is_answered(pipeline: Pipeline) -> None:
    refused = []
    for row in _rows("answer_keyfacts.jsonl")[::3]:
        if pipeline.run(row["question"], persona=Persona.PHYSICIAN).status == "answered":
            if pipeline.run(row["question"], persona=Persona.PATIENT).status != "answered":
                refused.append(row["question"])
    assert not refused


def test_a_topicless_opener_gets_a_clarifying_question_and_no_gap(pipeline: Pipeline) -> None:
    answer = pipeline.run("What is the recommended treatment?")
    assert answer.status == "clarify" and not answer.references and answer.follow_ups


def test_a_new_condition_in_a_follow_up_starts_a_new_topic(pipeline: Pipeline) -> None:
    first = pipeline.run("What is GNET?")
    answer = pipeline.run(
        "Which drugs treat gout and what are their side effects?", [Turn(question="What is GNET?", answer=first)]
    )
    assert answer.references[0].article_id == "gout"
    follow = pipeline.run(
        "and what dose?",
        [Turn(question="first-line anticoagulant for AF", answer=pipeline.run("first-line anticoagulant for AF"))],
    )
    assert follow.status == "answered" and follow.references[0].article_id == "af-anticoagulation"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("In the U.S. screening starts at 45. St. John's wort interacts, e.g. with warfarin.", 2),
        ("Give 1 g i.v. every 8 hours vs. placebo. Then review.", 2),
    ],
)
def test_abbreviations_never_split_a_sentence(text: str, sentences: int) -> None:
    assert len(split_sentences(text)) == sentences


def test_a_question_with_two_foci_is_answered_on_both(pipeline: Pipeline) -> None:
    answer = pipeline.run("how is gout treated and what about high blood pressure?", persona=Persona.PATIENT)
    assert answer.status == "answered"
    cited = [r.article_id for r in answer.references]
    assert "gout" in cited and "hypertension" in cited, cited
    assert {s.citations[0] for s in answer.direct} >= {1, 2}  # the direct answer speaks to each part


def test_the_part_no_approved_article_covers_is_named(pipeline: Pipeline) -> None:
    answer = pipeline.run("how is gout treated and how do I get rid of warts?", persona=Persona.PATIENT)
    assert answer.status == "answered" and answer.references[0].article_id == "gout"
    assert any(n.kind is NoticeKind.PARTIAL and "warts" in n.text for n in answer.notices), answer.notices


def test_a_definition_does_not_lead_the_answer_to_another_question(pipeline: Pipeline) -> None:
    answer = pipeline.run("how is gout treated", persona=Persona.PATIENT)
    assert not re.match(r"^gout is (a|the)\b", answer.direct[0].text, re.I), answer.direct[0].text
