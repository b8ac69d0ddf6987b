"""The answer pipeline offline: guideline-first, cited, disclaimed, honest when it cannot answer."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from pathlib import Path

import pytest
import textstat

from assistant import safety
from assistant.models import Answer, NoticeKind, PartKind, Persona, Turn
from assistant.pipeline import Pipeline
from assistant.records import JsonlLog
from assistant.render import answer_to_markdown
from assistant.triage import Triage
from knowledge.retrieval import HybridRetriever
from knowledge.store import KnowledgeStore

FIXED = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)
GNET_Q = "What is the treatment for gastrointestinal neuroectodermal tumour (GNET)?"
QUESTIONS = [json.loads(line) for line in (Path(__file__).parent / "data" / "sample_questions.jsonl").open()]
OUT_OF_SCOPE = [json.loads(line) for line in (Path(__file__).parent / "data" / "out_of_scope.jsonl").open()]


@pytest.fixture
def pipeline(bundled_retriever: HybridRetriever, bundled_store: KnowledgeStore, tmp_path: Path) -> Pipeline:
    return Pipeline(
        retriever=bundled_retriever,
        articles=bundled_store,
        clock=lambda: FIXED,
        gaps=JsonlLog(tmp_path / "gaps.jsonl"),
        triage=Triage(embed=bundled_store.embedder.embed),
    )


def all_statements(answer: Answer) -> list:
    return answer.direct + [s for p in answer.parts for s in p.statements]


def test_gnet_answer_is_guideline_first_cited_and_disclaimed(pipeline: Pipeline) -> None:
    answer = pipeline.run(GNET_Q)
    assert answer.status == "answered" and answer.mode == "offline" and answer.created_at == FIXED
    assert answer.parts[0].kind is PartKind.GUIDELINES
    kinds = [p.kind for p in answer.parts]
    assert kinds == sorted(kinds, key=list(PartKind).index)
    assert PartKind.RESEARCH in kinds
    assert answer.references[0].article_id == "gnet"
    assert answer.references[0].review_status.value == "approved"
    markdown = answer_to_markdown(answer)
    assert "**From the guidelines**" in markdown and "**From the research**" in markdown
    assert markdown.index("From the guidelines") < markdown.index("From the research")
    assert "last updated 2026-" in markdown and "Demo content — not clinically reviewed" in markdown
    assert "Approved" not in markdown, "sample content never shows as Approved"
    assert markdown.rstrip().endswith(f"*{safety.disclaimer(Persona.PHYSICIAN)}*")
    assert any(n.kind is NoticeKind.SAMPLE for n in answer.notices)


def test_citations_resolve_and_are_numbered_by_first_use(pipeline: Pipeline) -> None:
    for question in (GNET_Q, "DOAC choice in AF with CKD?", "How should HFrEF be treated?"):
        answer = pipeline.run(question)
        seen: list[int] = []
        for statement in all_statements(answer):
            assert statement.citations, statement
            for number in statement.citations:
                if number not in seen:
                    seen.append(number)
        assert seen == list(range(1, len(seen) + 1))
        assert [r.number for r in answer.references] == seen


def test_offline_composer_writes_no_sentence_of_its_own(pipeline: Pipeline) -> None:
    for persona in (Persona.PHYSICIAN, Persona.PATIENT):
        answer = pipeline.run("What is the first-line treatment for community-acquired pneumonia?", persona=persona)
        for statement in all_statements(answer):
            cited = [p.text for n in statement.citations for p in answer.references[n - 1].passages]
            assert any(statement.text in passage.replace("\n", " ") for passage in cited), statement.text


def test_follow_up_carries_the_topic(pipeline: Pipeline) -> None:
    first = pipeline.run("What is GNET?")
    assert first.references[0].article_id == "gnet"
    follow = pipeline.run("How is it treated?", history=[Turn(question="What is GNET?", answer=first)])
    assert "GNET" in follow.standalone_question
    assert follow.references[0].article_id == "gnet"


def test_no_approved_evidence_means_no_answer(pipeline: Pipeline, tmp_path: Path) -> None:
    answer = pipeline.run("How do I change a flat tyre on a bicycle?")
    assert answer.status == "abstained"
    assert not answer.references and not answer.parts and not answer.direct
    assert any(n.kind is NoticeKind.NO_EVIDENCE for n in answer.notices)
    assert answer_to_markdown(answer).rstrip().endswith(f"*{safety.disclaimer(Persona.PHYSICIAN)}*")
    gaps = JsonlLog(tmp_path / "gaps.jsonl").read()
    assert len(gaps) == 1 and gaps[0]["question"] is None


def test_gap_keeps_the_question_only_when_logging_is_on(pipeline: Pipeline, tmp_path: Path) -> None:
    pipeline.log_questions = True
    pipeline.run("What is the capital of Australia?")
    assert JsonlLog(tmp_path / "gaps.jsonl").read()[0]["question"] == "What is the capital of Australia?"


def test_abstention_error_rates_on_the_bundled_set(pipeline: Pipeline) -> None:
    false_abstain = [q["query"] for q in QUESTIONS if pipeline.run(q["query"]).status == "abstained"]
    false_answer = [q["query"] for q in OUT_OF_SCOPE if pipeline.run(q["query"]).status != "abstained"]
    assert len(false_abstain) <= 0.05 * len(QUESTIONS), false_abstain
    assert len(false_answer) <= 0.15 * len(OUT_OF_SCOPE), false_answer


def _turn(pipeline: Pipeline, question: str, persona: Persona = Persona.PATIENT) -> Turn:
    return Turn(question=question, answer=pipeline.run(question, persona=persona))


def test_an_emergency_mid_conversation_is_triaged_on_its_own_words(pipeline: Pipeline) -> None:
    history = [_turn(pipeline, "How is type 2 diabetes treated?")]
    answer = pipeline.run("my husband just collapsed in the garden and wont wake up", history, Persona.CAREGIVER)
    assert answer.triage == "emergency" and answer.notices[0].kind is NoticeKind.URGENT
    assert answer.standalone_question == "my husband just collapsed in the garden and wont wake up"
    assert all(n.kind is not NoticeKind.NO_EVIDENCE for n in answer.notices)
    assert answer_to_markdown(answer).lstrip().startswith("> **URGENT:**")
    assert "diabetes" not in answer_to_markdown(answer).split("References")[0].lower()


def test_asking_to_stand_down_after_an_emergency_keeps_the_notice(pipeline: Pipeline) -> None:
    """The conversation never lowers a level: after an allergic emergency, "so we don't need to go to hospital now?"
    keeps the urgent notice first (anaphylaxis can come back hours later)."""
    history = [_turn(pipeline, "his lips and tongue swelled up after a peanut and we used his epipen")]
    assert history[0].answer.triage == "emergency"
    answer = pipeline.run("he seems fine now, so we don't need to go to hospital do we?", history, Persona.CAREGIVER)
    assert answer.triage == "emergency" and answer.notices[0].kind is NoticeKind.URGENT


def test_crisis_notice_gives_the_configured_crisis_line_and_emergency_number(pipeline: Pipeline) -> None:
    pipeline.crisis_line = "the Test Crisis Line on 0800 000 000"
    pipeline.emergency_number = "000"
    history = [_turn(pipeline, "What helps with long-term low mood?")]
    answer = pipeline.run("honestly i dont want to be here anymore, ive been saving up my tablets", history)
    assert answer.triage == "crisis"
    assert "0800 000 000" in answer.notices[0].text and "000" in answer.notices[0].text


def test_a_reference_question_about_an_emergency_gets_a_cited_answer_and_no_banner(pipeline: Pipeline) -> None:
    answer = pipeline.run("IM adrenaline dose for anaphylaxis in adults", persona=Persona.PHYSICIAN)
    assert answer.triage == "none" and answer.status == "answered"
    assert all(n.kind is not NoticeKind.URGENT for n in answer.notices)
    assert "500 micrograms" in " ".join(s.text for s in all_statements(answer))


def test_an_emergency_covered_by_an_article_gets_its_cited_what_to_do_now(pipeline: Pipeline) -> None:
    answer = pipeline.run("my son ate peanuts and his throat is closing, he has an epipen", persona=Persona.CAREGIVER)
    assert answer.notices[0].kind is NoticeKind.URGENT and answer.status == "answered"
    assert any(r.article_id == "anaphylaxis" for r in answer.references)


@pytest.mark.parametrize("question", ["", "   \n\t", "x" * 4001])
def test_bad_input_gets_a_clear_message(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.run(question)
    assert answer.status == "rejected" and answer.notices[0].kind is NoticeKind.INPUT
    assert re.search(r"type a question|limit is 4,000", answer.notices[0].text)
    assert safety.disclaimer(Persona.PHYSICIAN) in answer_to_markdown(answer)


def test_persona_changes_reading_level_and_disclaimer(pipeline: Pipeline) -> None:
    sample = QUESTIONS[::3]
    patient, physician = [], []
    for item in sample:
        lay = pipeline.run(item["query"], persona=Persona.PATIENT)
        pro = pipeline.run(item["query"], persona=Persona.PHYSICIAN)
        # A reply no plain-language text covers is answered from the professionals' text and says so (issue 14:
        # never refuse a patient what a physician is answered): "LT4 starting dose in elderly pt with IHD?".
        technical_only = any(n.text == safety.TECHNICAL_NOTICE for n in lay.notices)
        if lay.status == "answered" and not technical_only:
            patient.append(textstat.flesch_kincaid_grade(lay.body_text()))
        if pro.status == "answered":
            physician.append(textstat.flesch_kincaid_grade(pro.body_text()))
    assert len(patient) >= 0.6 * len(physician)
    assert statistics.median(patient) <= 8, statistics.median(patient)
    assert statistics.median(physician) > statistics.median(patient) + 3
    lay = pipeline.run(GNET_Q, persona=Persona.CAREGIVER)
    assert "not medical advice" in lay.disclaimer and "emergency" in lay.disclaimer
    assert "clinical judgment" in pipeline.run(GNET_Q).disclaimer


def test_answer_markdown_is_deterministic(pipeline: Pipeline) -> None:
    first, second = pipeline.run(GNET_Q), pipeline.run(GNET_Q)
    assert answer_to_markdown(first) == answer_to_markdown(second)


def test_an_emergency_with_no_red_flag_named_or_an_overdose_also_gives_the_crisis_line(pipeline: Pipeline) -> None:
    """Crises told without a crisis word often fire as emergencies: the lay emergency notice then carries the
    crisis line too; a named physical emergency (chest pain) does not."""
    pipeline.crisis_line = "the Test Crisis Line on 0800 000 000"
    answer = pipeline.run("my mum took a whole box of her tablets an hour ago and is very sleepy", [],
                          Persona.CAREGIVER)
    assert answer.triage == "emergency" and "0800 000 000" in answer.notices[0].text
    answer = pipeline.run("crushing pain in my chest going down my left arm and I'm sweating", [], Persona.PATIENT)
    assert answer.triage == "emergency" and "0800 000 000" not in answer.notices[0].text


def test_a_lay_reader_is_also_given_the_specific_fact_a_clinician_would_be_told(pipeline: Pipeline) -> None:
    """Session 25: when a lay question asks a specific fact (how many weeks) that only the professionals' text
    states (the plain text says "some weeks"), the clinician's lead sentence joins the lay answer, marked as written
    for professionals; the plain sentences stay first."""
    question = "got over pneumonia but still have a cough, how many weeks until the cough should be gone?"
    answer = pipeline.run(question, persona=Persona.PATIENT)
    holding = [s for s in answer.direct if "6 weeks" in s.text]
    assert holding and all(s.professional for s in holding), [s.text for s in answer.direct]
    assert not answer.direct[0].professional


def test_a_lead_that_only_rules_something_out_brings_what_to_do_instead(pipeline: Pipeline) -> None:
    """Session 25: "should I stay in bed?" is answered by "Bed rest can make it worse"; the sentence before it in
    its paragraph says what to do instead ("Keep moving..."), and leads with it."""
    answer = pipeline.run("strained my back gardening, should i stay in bed and rest it?", persona=Persona.PATIENT)
    text = " ".join(s.text for s in answer.direct)
    assert "Keep moving" in text and "Bed rest can make it worse" in text, text
    assert text.index("Keep moving") < text.index("Bed rest")
