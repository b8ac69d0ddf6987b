"""Direct answers that state what was asked, follow-ups on the right topic, patients never refused.

Runs the labelled sets' untouched test splits through the real offline pipeline over the bundled
articles. The thresholds sit below the figures in docs/benchmarks.md (benchmarks/answers.py) so a
regression fails here; the issue's goals are higher and the benchmark reports how far they are.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.evidence import Candidate, bodies_named, decide, neighbour_marks
from assistant.models import Answer, NoticeKind, PartKind, Persona, Turn
from assistant.offline import _direct, _in_context, _professional, _reading_order, _readings, _states_reading
from assistant.pipeline import Pipeline
from assistant.question import profile, split_foci
from assistant.ranker import RankerModel
from assistant.render import PROFESSIONAL_LABEL, answer_body_md
from assistant.triage import Triage
from knowledge.retrieval import HybridRetriever
from knowledge.schema import EvidenceType, Hit, ReviewStatus
from knowledge.store import KnowledgeStore
from knowledge.text import similar_form, split_sentences

DATA = Path(__file__).parent / "data"


def test_lay_words_and_shorthand_are_read_in_the_library_s_words(pipeline: Pipeline) -> None:
    """ "epi pens" (the library also says "pen" of insulin pens), a qualifier named before "that" ("has CKD, does
    that mean..."), and lay phrases whose own words the library knows in other articles ("a clot in the calf")."""
    for question, persona, article, fact in (
        ("does my son need to carry two epi pens or is one enough", Persona.CAREGIVER, "anaphylaxis", r"two"),
        (
            "my mum has ckd, does that mean she will need dialysis one day",
            Persona.CAREGIVER,
            "chronic-kidney-disease",
            r"never need dialysis",
        ),
        (
            "how many months do people stay on blood thinners after a clot in the calf",
            Persona.PATIENT,
            "venous-thromboembolism",
            r"3 months",
        ),
    ):
        answer = pipeline.run(question, persona=persona)
        assert answer.status == "answered", question
        assert answer.references[0].article_id == article, question
        assert re.search(fact, " ".join(s.text for s in answer.direct)), question


def test_one_article_must_hold_the_topic_in_any_form_of_its_words(pipeline: Pipeline) -> None:
    """ "anaemic" is stemmed apart from "anaemia", so the bowel-screening article (the FIT test) used to lead;
    eczema is named once in the cellulitis article among conditions to treat, and "cream" in another part of it,
    which does not make cellulitis an answer about eczema creams."""
    question = "im anaemic and my bowel FIT test came back clear, could it be low iron?"
    answer = pipeline.run(question, persona=Persona.PATIENT)
    assert answer.status == "answered"
    assert answer.references[0].article_id == "iron-deficiency-anaemia"
    assert pipeline.run("what cream should i use on eczema", persona=Persona.PATIENT).status == "abstained"


def test_people_are_not_a_topic_to_inherit_and_a_comparison_names_the_new_one(pipeline: Pipeline) -> None:
    """ "They also told me" is the doctors, not the drugs of the answer before; "how does that differ from
    asthma" asks about asthma. And "heart attack" names the coronary article, "brain attack" does not."""
    for persona, turns in (
        (
            Persona.PATIENT,
            [
                ("after my heart attack how long do i stay on aspirin and the other one", "acute-coronary-syndrome"),
                ("they also told me my cholesterol has to come down, to what number", "lipid-management"),
            ],
        ),
        (
            Persona.STUDENT,
            [
                ("how is COPD confirmed on spirometry", "copd"),
                ("how does that differ from diagnosing asthma", "asthma"),
            ],
        ),
    ):
        history: list[Turn] = []
        for question, article in turns:
            answer = pipeline.run(question, history, persona)
            assert answer.status == "answered", question
            assert answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))


@pytest.mark.parametrize(
    ("term", "other", "same"),
    [
        ("anaem", "anaemia", True),  # "anaemic" and "anaemia"
        ("migran", "migrain", True),  # "migranes" typed for "migraines"
        ("statin", "status", False),
        ("dialysi", "analysi", False),
        ("fit", "fits", False),  # short stems only ever match themselves
        ("pnuemonia", "pneumonia", True),  # two letters swapped
        ("celul", "cellul", True),  # "celulitis": one letter missing
        ("heart", "heard", False),  # one letter wrong counts only in stems of six letters or more
        ("statin", "sattin", False),  # the first two letters must agree
        ("heart", "heartburn", False),  # a compound is not a form of the word it begins with
        ("hypertens", "hypertension", True),  # an ending is
        ("benzo", "benzodiazepin", True),  # and so is a clinician's clipping
    ],
)
def test_forms_of_one_word(term: str, other: str, same: bool) -> None:
    assert similar_form(term, other) is same


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
    # test + fresh pooled, session 12: 0.902 / 0.807 (docs/benchmarks.md); the bars sit about five questions below.
    assert clinician >= 0.87 and lay >= 0.77, (clinician, lay)


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
    assert right / total >= 0.88, right / total  # measured 0.935 (session 6; 0.87 before)
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


def test_a_lay_reader_gets_the_fact_only_the_professionals_text_states_and_is_told_so(pipeline: Pipeline) -> None:
    """The plain-language text says only that the doctor will review; the clinical text says when. A carer is
    given the clinical sentence in the short answer, with the notice that it is written for professionals."""
    answer = pipeline.run("my son just started an antidepressant, how soon should his doctor review him",
                          persona=Persona.CAREGIVER)
    assert answer.status == "answered"
    assert re.search(r"\b1 week\b", " ".join(s.text for s in answer.direct))
    assert any(n.kind is NoticeKind.TECHNICAL and "health professionals" in n.text for n in answer.notices)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("when is my next kidney blood test after the injury?", "monitoring"),
        ("my doctor wants to see me again, when?", "monitoring"),
        ("how long will I be on it", "duration"),
        ("what's the dose for a child", "dose"),
    ],
)
def test_what_a_lay_question_asks_is_read(question: str, intent: str) -> None:
    assert intent in profile(question).intents


def test_a_sentence_of_the_shape_asked_leads_only_when_it_is_on_the_question_s_focus() -> None:
    """"Recheck lipids 4-8 weeks after starting" is a duration, but not how long two blood thinners are taken:
    a sentence of the shape asked leads over a better one only when it is on the question's focus and scores
    near it."""
    asked = profile("how long will I take the two blood thinners after my stent?")
    answer = replace(_sentence(1, "You will take two blood thinners after the stent, as your team advises."),
                     score=0.6)
    off_focus = replace(_sentence(2, "Recheck lipids 4-8 weeks after starting a statin."), shape=True,
                        relevance=0.0, score=0.3)
    assert "duration" in asked.specific
    assert _direct(asked, [answer, off_focus], Persona.PHYSICIAN)[0] is answer
    on_focus = replace(off_focus, text="Take two blood thinners for 12 months after a stent.", relevance=1.0)
    assert _direct(asked, [answer, on_focus], Persona.PHYSICIAN)[0] is on_focus


@pytest.mark.parametrize(
    "opener", ["What is the recommended treatment?", "What's the first-line agent?", "How long should it continue?"]
)
def test_a_topicless_opener_gets_a_clarifying_question_and_no_gap(pipeline: Pipeline, opener: str) -> None:
    answer = pipeline.run(opener)
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


def _sentence(order: int, text: str, position: int = 1) -> Candidate:
    return Candidate(position, order, text, PartKind.OTHER, True, frozenset(), 0.5, 1.0, False, 5.0)


def test_a_lead_sentence_comes_with_the_neighbour_it_leans_on() -> None:
    """Plain summaries are paragraphs: a short topic sentence's facts follow it, and "These are..." needs
    what came before. The unit replaces the weakest other sentence, so the answer stays the same length."""
    topic = _sentence(4, "A stomach ulcer can be serious.")
    facts = _sentence(5, "Warning signs are black stools and vomiting blood.")
    other, weakest = _sentence(1, "Ulcers are common in older adults."), _sentence(9, "Most heal within weeks.")
    ranked = [topic, other, weakest, facts]
    assert _in_context([topic, other, weakest], ranked, 3) == [topic, facts, other]
    listing = _sentence(2, "Chest pain, fainting and breathlessness need a doctor the same day.")
    these = _sentence(3, "These can be signs that the valve is narrowing, even without a murmur.")
    assert _in_context([these], [these, listing], 3) == [listing, these]
    long_lead = _sentence(7, "Taking the tablets every day at the same time keeps the level steady in the blood.")
    unrelated = _sentence(8, "Your nurse will check your weight at each visit.")
    assert _in_context([long_lead], [long_lead, unrelated], 3) == [long_lead]
    assert _in_context([facts], [facts, _sentence(5, "Another passage.", position=2)], 3) == [facts]


def test_a_lead_repeated_by_overlapping_passages_finds_its_neighbour_in_either_copy() -> None:
    """A passage that opens with "These can be signs..." lacks the list before it; a later passage repeating
    the sentence holds it. The pair is found there, and a lay reader gets it in the article's order."""
    signs = _sentence(8, "Get help at once if you have a bad headache or blurred vision.", position=3)
    these = replace(_sentence(0, "These can be signs of pre-eclampsia, even after birth."), aliases=((3, 9),))
    unit = _in_context([these], [these, signs], 3)
    assert unit == [signs, these]
    assert _reading_order(list(reversed(unit))) == [signs, these]


def test_a_lay_short_answer_reads_on_in_the_lead_s_paragraph() -> None:
    """A plain summary lists what to do as short sentences: the lead alone ("keep your skin clean") is half
    of the answer. The short answer reads on in the same paragraph while it has room, and stops at its end."""
    lead = replace(_sentence(10, "To stop it coming back, keep your skin clean and moist."), score=0.6, paragraph=3)
    foot = replace(_sentence(11, "Treat athlete's foot between your toes."), score=0.01, paragraph=3)
    socks = replace(_sentence(12, "Wear compression stockings if your nurse advises them."), score=0.01, paragraph=3)
    other = replace(_sentence(13, "Most people get better within a week."), score=0.01, paragraph=4)
    asked = profile("how do we stop my mum's cellulitis coming back")
    direct = _direct(asked, [lead, other, foot, socks], Persona.CAREGIVER)
    assert direct == [lead, foot, socks]
    assert _direct(asked, [lead, other, foot, socks], Persona.PHYSICIAN) == [lead]


def test_a_description_joined_by_and_is_not_a_second_question() -> None:
    """ "...and can't sleep" goes on describing: splitting there answered a depression question from back pain."""

    def names(terms: set[str]) -> set[str]:
        return terms

    def knows_none(terms: set[str]) -> set[str]:
        return set()

    def names_none_whole(terms: set[str]) -> bool:
        return False

    question = "i've been feeling awful for days and can't sleep at all, what helps insomnia?"
    assert split_foci(question, names, names_none_whole, knows_none) == [question]
    two = split_foci("how is gout treated and what about psoriasis?", names, names_none_whole, knows_none)
    assert len(two) == 2


def test_follow_ups_keep_the_topic_through_shared_and_everyday_words_and_change_it_on_a_whole_name(
    pipeline: Pipeline,
) -> None:
    """Session 6: "blood" (a word of "high blood pressure") moved a thyroid conversation to hypertension, and
    "forever" (rare in the library) made an epilepsy follow-up look uncovered. A whole name still switches,
    and a condition the library lacks is still declined."""
    for turns in (
        [
            ("what is the treatment for an underactive thyroid?", "hypothyroidism"),
            ("how often are blood checks needed?", "hypothyroidism"),
            ("what about gout?", "gout"),
        ],
        [
            ("my daughter has epilepsy, what medicines are used?", "epilepsy"),
            ("does she have to stay on them for life?", "epilepsy"),
            ("and what about endometriosis?", None),
        ],
    ):
        history: list[Turn] = []
        for question, article in turns:
            answer = pipeline.run(question, history, Persona.CAREGIVER)
            if article is None:
                assert answer.status == "abstained", question
            else:
                assert answer.references and answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))


def test_a_follow_up_naming_what_the_conversations_article_holds_stays_and_a_named_subject_switches(
    pipeline: Pipeline,
) -> None:
    """Session 11: a follow-up naming a supplement or a test that the conversation's article covers ("folic
    acid" in an epilepsy-and-pregnancy conversation) was read as a new topic and declined; a subject another
    article is named for (by its title or a keyword: "cholesterol") still switches."""
    for turns in (
        [
            ("my sister has epilepsy and wants to get pregnant, is lamotrigine ok?", "epilepsy"),
            ("should she be taking folic acid as well?", "epilepsy"),
        ],
        [
            ("how long do you stay on two antiplatelets after a stent for a heart attack?", "acute-coronary-syndrome"),
            ("my cholesterol is still high, what level should it be?", "lipid-management"),
        ],
        [
            ("does my dad with hep c need treatment even if he feels fine?", "hepatitis-c"),
            ("will he need blood tests once it's done?", "hepatitis-c"),
        ],
    ):
        history: list[Turn] = []
        for question, article in turns:
            answer = pipeline.run(question, history, Persona.CAREGIVER)
            assert answer.references and answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))


def test_a_subject_whose_article_is_not_approved_is_declined_and_says_why(pipeline: Pipeline) -> None:
    """Session 11: "which sleeping tablets are safest?" was answered from a passing mention in another article,
    though the library's insomnia article is under review. A subject an approved article is named for is still
    answered even when it meets an unapproved one ("vitamin D with my osteoporosis tablets")."""
    for question in (
        "which sleeping tablets are the safest to take for a few nights?",
        "what is a gluten-free diet",
        "my daughter was just diagnosed with coeliac, what can she eat",  # the name without "disease" (session 12)
    ):
        answer = pipeline.run(question, [], Persona.PATIENT)
        assert answer.status == "abstained" and not answer.references, question
        said = " ".join(n.text for n in answer.notices if n.kind is NoticeKind.NO_EVIDENCE)
        assert "once a clinician approves it" in said and ("Insomnia" in said or "Coeliac" in said), said
    answer = pipeline.run("I have osteoporosis, should I take vitamin D with my alendronate?", [], Persona.PATIENT)
    assert answer.status == "answered" and answer.references[0].article_id == "osteoporosis"
    # Session 12: a retired article is not indexed, but its name is kept; "aspirin" names the coronary article
    # and "primary prevention" the lipid one, and the retired aspirin article is named for both.
    answer = pipeline.run("is low-dose aspirin still advised for primary prevention in a 60 yo with no CVD?")
    said = " ".join(n.text for n in answer.notices if n.kind is NoticeKind.NO_EVIDENCE)
    assert answer.status == "abstained" and "retired by its reviewers" in said, said
    assert pipeline.run("aspirin dose after a STEMI").status == "answered"
    # Whom it is about is not its subject: the diabetes article does not own "aspirin ... in a 65yo diabetic".
    answer = pipeline.run("worth starting aspirin 75 for primary prevention in a 65yo diabetic?")
    assert answer.status == "abstained", [r.article_id for r in answer.references]
    assert pipeline.run("statin for primary prevention in a diabetic").status == "answered"


def test_a_lay_answer_marks_the_professionals_sentence_that_states_the_fact(pipeline: Pipeline) -> None:
    """Session 11: the plain text says only "you will need a blood test"; the professionals' text says when.
    A patient gets both, and the technical sentence is shown apart, labelled as written for professionals."""
    question = "after an acute kidney injury, when do I get my kidneys checked again for long-term damage?"
    answer = pipeline.run(question, [], Persona.PATIENT)
    professional = [s for s in answer.direct if s.professional]
    assert professional and re.search(r"\b3 months\b", " ".join(s.text for s in professional))
    assert any(not s.professional for s in answer.direct)
    body = answer_body_md(answer)
    assert 0 < body.index(PROFESSIONAL_LABEL) < body.index("3 months")
    physician = pipeline.run(question, [], Persona.PHYSICIAN)
    assert physician.direct and not any(s.professional for s in physician.direct)


def test_an_opener_whose_it_points_at_nothing_named_gets_a_question_and_a_dummy_it_does_not(
    pipeline: Pipeline,
) -> None:
    """Session 11: "can I give it with food?" as a first message was answered from an anaemia article, since
    "food" is a word of some keyword; only a subject an article is named for, or a library word before the
    "it", gives "it" something to point at. "Is it ok to..." points at what follows."""
    for question in ("should she take it with meals?", "does this have to be stopped before an operation?"):
        assert pipeline.run(question, [], Persona.CAREGIVER).status == "clarify", question
    for question in (
        "is it ok to use my blue inhaler only when I need it?",
        "my blood pressure is 160/100 and they want to start amlodipine, is that the usual first tablet?",
        "what tablets do they use for a clot in the leg?",
    ):
        assert pipeline.run(question, [], Persona.PATIENT).status == "answered", question


def test_a_neighbour_of_what_was_asked_is_marked_by_what_it_lacks() -> None:
    """At library scale "dystonia 11", "childhood AML" and "pancreatic cancer" share nearly every word with
    questions on "dystonia 6", "adult ALL" and "gallbladder cancer"."""
    assert neighbour_marks("symptoms of myotonic dystrophy type 2?", "Myotonic dystrophy type 1") == {
        "variant:dystrophy 2"
    }
    assert not neighbour_marks("how is ring chromosome 14 syndrome inherited?", "Ring chromosome 14 syndrome")
    assert neighbour_marks("treatments for adult acute lymphoblastic leukemia", "Childhood Acute Myeloid Leukemia") == {
        "group:adults",
        "lymphoblast",
    }
    assert neighbour_marks("what are the treatments for gallbladder cancer?", "Pancreatic Cancer") == {"gallbladd"}
    assert neighbour_marks("stages of extragonadal germ cell tumors", "Childhood Extracranial Germ Cell Tumors")
    assert neighbour_marks("can children take melatonin?", "Insomnia in adults: CBT-I and sleeping medicines")
    # Not neighbours: the same thing, another wording, an everyday or situation word, the keywords naming it.
    assert not neighbour_marks("metformin dose in type 2 diabetes with CKD", "Type 2 diabetes (T2DM) in adults")
    assert not neighbour_marks("asthma in my child", "Asthma in adults and children: diagnosis and management")
    assert not neighbour_marks("anything for mum's water infections?", "Urinary tract infection (UTI) in adults")
    assert not neighbour_marks("how severe stroke is it?", "Acute ischaemic stroke: thrombolysis")
    assert not neighbour_marks("bladder infection antibiotics", "Urinary tract infection", "UTI; bladder infection")
    # A size is no name: "a 6mm neuroendocrine tumour" was declined as a neighbour of the GI NET article.
    assert not neighbour_marks("they found a 6mm neuroendocrine tumour", "GI neuroendocrine tumours (NETs)")


def _hit(rank: int, title: str, text: str) -> Hit:
    return Hit(
        chunk_id=f"{title}-{rank}",
        article_id=title.lower().replace(" ", "-"),
        title=title,
        section="Overview",
        text=text,
        evidence_type=EvidenceType.GUIDELINE,
        review_status=ReviewStatus.APPROVED,
        last_updated=dt.date(2026, 1, 1),
        rank=rank,
        score=1.0 / rank,
        similarity=0.7,
    )


def test_a_question_whose_article_is_missing_is_not_answered_from_its_neighbours() -> None:
    """Its words scattered over neighbouring documents ("gallbladder" in the pancreatic and bile duct cancer
    articles) are not an answer; the article named for it is."""
    question = profile("What are the treatments for gallbladder cancer?")
    neighbours = [
        _hit(1, "Pancreatic Cancer", "Treatments for pancreatic cancer include surgery; the gallbladder may go too."),
        _hit(2, "Bile Duct Cancer", "Bile duct cancer treatments are surgery and chemotherapy, near the gallbladder."),
        _hit(3, "Cancer Pain", "Treatments for cancer pain, gallbladder cancer among them, include opioids."),
    ]
    assert decide(question, neighbours, Persona.PHYSICIAN).action == "decline"
    named = _hit(4, "Gallbladder Cancer", "Treatments for gallbladder cancer are surgery, radiation and chemotherapy.")
    evidence = decide(question, [*neighbours, named], Persona.PHYSICIAN)
    assert evidence.action == "answer"
    assert {h.title for h in evidence.hits} == {"Gallbladder Cancer"}


def test_an_everyday_word_the_library_never_uses_does_not_refuse_a_lay_question(pipeline: Pipeline) -> None:
    """ "stab", "operation" and "exhausted" are rare in the articles because they do not talk that way; a
    question that is close in meaning to a passage is answered. One with nothing medical in it is not."""
    for question, article in (
        ("where exactly do you stab the epipen", "anaphylaxis"),
        ("is there an operation for acid reflux", "gerd"),
    ):
        answer = pipeline.run(question, persona=Persona.PATIENT)
        assert answer.status == "answered", question
        assert answer.references[0].article_id == article, question
    for question in ("What is compound interest?", "How do solar panels generate electricity?"):
        assert pipeline.run(question, persona=Persona.PATIENT).status == "abstained", question


def test_a_second_part_without_a_subject_of_its_own_is_not_searched_alone(pipeline: Pipeline) -> None:
    """Session 12: "...leg cellulitis? uk first choice and course length" was split, and the second part, searched
    alone, put the bowel-screening programme's sentence into a cellulitis answer. A second part that names a
    topic, or a subject the library lacks, is still its own question."""
    retriever = pipeline.retriever

    def split(question: str) -> list[str]:
        return split_foci(question, retriever.library_terms, retriever.names_library_topic, retriever.indexed_terms)

    question = "abx for uncomplicated leg cellulitis in adults? uk first choice and course length"
    assert split(question) == [question]
    assert len(split("how is gout treated and what about high blood pressure?")) == 2
    assert len(split("how is gout treated and how are warts treated?")) == 2
    answer = pipeline.run(question, [], Persona.NURSE)
    direct = " ".join(s.text for s in answer.direct)
    assert "flucloxacillin" in direct and "bowel" not in direct.lower()


def test_shorthand_and_lay_words_are_read_without_changing_what_was_asked(pipeline: Pipeline) -> None:
    """Session 12: "FRIII" lost an I to the repeated-letter fix and was declined; "my first fit" met the FIT
    bowel-screening test; "I keep forgetting the rules" (for a tablet) was read as dementia; "meds" and "am"
    were read as rare topic words that cost the question its coverage."""
    for question, persona, article, fact in (
        ("FRIII rate in DKA", Persona.PHYSICIAN, "diabetic-ketoacidosis", r"0\.1 units/kg"),
        ("after my first fit how soon should i see a specialist", Persona.PATIENT, "epilepsy", r"two weeks"),
        (
            "alendronic acid tabs, how do i take them properly? i keep forgetting the rules",
            Persona.PATIENT,
            "osteoporosis",
            r"30 minutes",
        ),
        ("how much more likely am i to quit with meds and support", Persona.PATIENT, "smoking-cessation", r"three"),
    ):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered", question
        assert answer.references[0].article_id == article, question
        direct = " ".join(s.text for s in answer.direct)
        assert re.search(fact, direct), (question, direct)
        assert "dementia" not in direct.lower(), question


def test_the_article_holding_most_of_the_question_leads_when_no_title_names_it() -> None:
    """Session 12: "lips swelled after peanuts, wheezy" was answered from one H. pylori line on antibiotic allergy
    ("swelling of your lips"), the first passage by a hair; the anaphylaxis passages hold peanut and wheeze too."""
    question = profile("my son's lips swelled up after peanuts and he was wheezy, what do we do if it happens again")
    allergy_line = _hit(1, "Stomach Germ", "Stop and get help if you get swelling of your lips after the antibiotic.")
    reaction = [
        _hit(2, "Severe Reactions", "Foods such as peanut are common triggers; swelling of the lips can follow."),
        _hit(3, "Severe Reactions", "Wheeze and throat swelling mean the reaction is severe: use the pen."),
    ]
    evidence = decide(question, [allergy_line, *reaction], Persona.CAREGIVER)
    assert evidence.action == "answer"
    assert {h.title for h in evidence.hits} == {"Severe Reactions"}


def test_the_passage_holding_the_asked_word_is_read_though_search_ranked_it_low(pipeline: Pipeline) -> None:
    """Session 12: "ACS: oxygen below what saturation?" retrieved the statin and troponin passages; the
    treatment passage ("oxygen only when saturation is below 90%") was never read. The leading article's
    passages that hold a word no retrieved passage holds are read too."""
    answer = pipeline.run("suspected ACS - give O2 only below what sat?", [], Persona.NURSE)
    first = answer.direct[0].text
    assert "saturation is below 90%" in first, first


def test_the_short_answer_leads_from_the_article_the_evidence_put_first() -> None:
    """Session 12: "on sertraline for my depression, can I stop?" opened with the anxiety article's sentence on
    stopping, which the ranker scored a little higher. The lead comes from the first passage's article; another
    article's sentence may follow it."""
    asked = profile("been on sertraline for my depression and feel loads better, can i stop")
    depression = replace(_sentence(2, "Keep taking it for at least 6 months after you feel better."), score=0.4)
    depression = replace(depression, article_id="major-depression")
    anxiety = replace(_sentence(5, "Do not stop it suddenly.", position=3), score=0.5, article_id="anxiety")
    direct = _direct(asked, [anxiety, depression], Persona.PHYSICIAN)
    assert direct[0] is depression and anxiety in direct


def test_a_question_about_pregnancy_is_answered_from_the_pregnancy_article(pipeline: Pipeline) -> None:
    """Session 12: "severe range BP in pregnancy?" was answered from the adult hypertension article, whose title
    names blood pressure; "Hypertension in pregnancy" led the search but was dropped. "Non-pregnant" is not
    pregnancy, and a pregnancy question on another subject keeps its own article."""
    for question, article in (
        ("severe range BP in pregnancy?", "hypertension-in-pregnancy"),
        ("bp 160/110 at 30 weeks, labetalol first line?", "hypertension-in-pregnancy"),
        ("a non-pregnant 55 year old with newly diagnosed primary hypertension, first line?", "hypertension"),
        ("is metformin safe in pregnancy", "type-2-diabetes"),
        ("apixaban in pregnancy?", "venous-thromboembolism"),
    ):
        answer = pipeline.run(question, [], Persona.PHYSICIAN)
        assert answer.status == "answered" and answer.references[0].article_id == article, question


def test_the_body_named_leads_and_a_thin_naming_does_not_decide_the_article(pipeline: Pipeline) -> None:
    """Session 12: "AGA ferritin cut-off" opened with the WHO threshold; "mum has cancer and a blood clot,
    injections or tablets?" was answered from hepatitis C, whose keyword "injecting drug use" was named by
    "injections" alone; "my back pain isnt getting better" was declined on the word "isnt"."""
    answer = pipeline.run("AGA ferritin cutoff for iron def in anaemic pt", [], Persona.PHYSICIAN)
    assert "AGA" in answer.direct[0].text and "45 ng/mL" in answer.direct[0].text, answer.direct[0].text
    for question, article in (
        ("mum has cancer and a blood clot, is it injections or tablets now", "venous-thromboembolism"),
        ("my back pain isnt getting better when should i go back to the gp", "low-back-pain"),
    ):
        answer = pipeline.run(question, [], Persona.CAREGIVER)
        assert answer.status == "answered" and answer.references[0].article_id == article, question


def test_lay_and_shorthand_words_name_the_article_a_follow_up_is_about(pipeline: Pipeline) -> None:
    """Session 15 (fresh12's misses, reworded): lay words name the library's article ("beating irregularly" is
    atrial fibrillation, "the fags" smoking, "put my back out" back pain); "trying for a baby" asks about
    planning a pregnancy within the conversation's topic; a clinician's "temp", "NEWS", "post-op" and
    "priorities" are no topic of their own."""
    for persona, turns, articles in (
        (
            Persona.PATIENT,
            ["my migraines are getting more frequent, is there a daily tablet to prevent them",
             "we're trying for a baby next year, does that change anything"],
            ["migraine", "migraine"],
        ),
    ):
        history: list[Turn] = []
        for question, article in zip(turns, articles, strict=True):
            answer = pipeline.run(question, history, persona)
            assert answer.status == "answered" and answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))
    for question, persona, article in (
        ("my mum's heart keeps beating irregularly, will she need a blood thinner", Persona.CAREGIVER,
         "af-anticoagulation"),
        ("best way to finally quit the fags?", Persona.PATIENT, "smoking-cessation"),
        ("put my back out moving furniture yesterday, should i rest in bed", Persona.PATIENT, "low-back-pain"),
        ("post-op day 3, temp 38.7, lactate 4.2, NEWS 7 - first hour priorities?", Persona.PHYSICIAN, "sepsis"),
    ):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered" and answer.references[0].article_id == article, question



def test_how_to_take_a_tablet_self_care_and_a_condition_named_amid_a_description(pipeline: Pipeline) -> None:
    """Session 17 (fresh13 and fresh14's misses, reworded): "how am I supposed to take it?" asks when and with
    what; "anything I can do myself?" asks for self-care, not the antibiotic course; "the GP thinks it's COPD"
    names the article though a smoker's cough is described around it (what someone "thinks" is no topic); a
    clot said near the calf it is in is the thrombosis article, not cellulitis; "pre-eclampsia prophylaxis" is
    not pre-exposure prophylaxis."""
    for question, persona, article, fact in (
        ("the doctor started me on levothyroxine last week, how am I supposed to take it?", Persona.PATIENT,
         "hypothyroidism", r"empty stomach"),
        ("just been given weekly alendronic acid, how do I take it?", Persona.PATIENT, "osteoporosis",
         r"30 minutes"),
        ("I have cellulitis on my shin and started tablets, anything I can do myself so it clears up quicker?",
         Persona.PATIENT, "cellulitis", r"Raise the leg"),
        ("my husband has always had a smoker's cough and now the GP thinks it's COPD, which test will confirm it?",
         Persona.CAREGIVER, "copd", r"spirometry"),
        ("my calf has been swollen and hot since the flight home and the GP thinks it's a blood clot, what tests "
         "are next?", Persona.PATIENT, "venous-thromboembolism", r"blood test and a scan"),
        # "pre" of pre-eclampsia named the pre-exposure prophylaxis article; numbers in words and "seen straight
        # away" were read as rare topic words
        ("aspirin for pre-eclampsia prophylaxis in a high-risk pregnancy: USPSTF dose vs NICE?", Persona.PHYSICIAN,
         "hypertension-in-pregnancy", r"81 mg"),
        ("I'm thirty-one weeks with my second and my sister had pre-eclampsia twice. which symptoms mean I need to "
         "be seen straight away?", Persona.PATIENT, "hypertension-in-pregnancy", r"headache"),
    ):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered" and answer.references[0].article_id == article, question
        direct = " ".join(s.text for s in answer.direct)
        assert re.search(fact, direct), (question, direct)


def test_a_reading_given_mid_conversation_keeps_the_topic(pipeline: Pipeline) -> None:
    """Session 17 (fresh14's conversations, reworded): "glucose now 13.5" after a DKA question was read as a new
    topic (the type 2 diabetes article) and fired the emergency notice; a bare reading or age answers the
    conversation's question."""
    for persona, turns, article in (
        (Persona.PHYSICIAN, ["adult T1DM in DKA on the FRIII, when do we add glucose to the fluids?",
                             "ketones now 1.8", "criteria for stopping the infusion?"], "diabetic-ketoacidosis"),
        (Persona.CAREGIVER, ["dad has just been diagnosed with AF, which blood thinner is usual?",
                             "his eGFR came back 40"], "af-anticoagulation"),
    ):
        history: list[Turn] = []
        for question in turns:
            answer = pipeline.run(question, history, persona)
            assert answer.triage == "none", question
            assert answer.status == "answered" and answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))


def test_each_specific_fact_asked_and_shorthand_and_a_number_before_that(pipeline: Pipeline) -> None:
    """Session 18 (fresh15 and fresh16's misses, reworded): a question asking two specific facts is answered on
    each ("how much and from when"); a sentence of a general shape the question also reads as ("caused by a
    clot" said as background) does not lead a dose question; "ACS", "1st line", "calculate" and "cut-off" are
    read; "is that too young" points at the age said before it, not at nothing."""
    for question, persona, article, facts in (
        ("my wife had pre-eclampsia last time and is expecting again, how much aspirin should she take and from "
         "what week?", Persona.CAREGIVER, "hypertension-in-pregnancy", (r"12 weeks", r"75|150|81")),
        ("mum had a clot stroke on monday and the nurses say she is on strong aspirin for now, what dose is that "
         "and for how long?", Persona.CAREGIVER, "acute-ischaemic-stroke", (r"300 mg",)),
        ("ACS suspected, SpO2 95% breathing room air - oxygen or not?", Persona.NURSE, "acute-coronary-syndrome",
         (r"90\s*%",)),
        ("how is the age-adjusted D-dimer cut-off calculated?", Persona.STUDENT, "venous-thromboembolism",
         (r"10",)),
        ("I'm 47 and in the USA, is that too early to begin bowel cancer screening?", Persona.PATIENT,
         "colorectal-cancer-screening", (r"45",)),
    ):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered" and answer.references[0].article_id == article, question
        direct = " ".join(s.text for s in answer.direct)
        for fact in facts:
            assert re.search(fact, direct), (question, fact, direct)
    assert "first_line" in profile("1st line abx for a cellulitis flare?").intents


def test_a_lower_back_and_text_speak_are_read(pipeline: Pipeline) -> None:
    """Session 18 (fresh13-16 conversations, reworded): "lower back" is the library's "low back" (questions with
    "MRI" went to GIST and pregnancy), and text-speak ("shld", "abt") names no topic the library lacks."""
    answer = pipeline.run("strained my lower back gardening yesterday, will i need a scan?", [], Persona.PATIENT)
    assert answer.status == "answered" and answer.references[0].article_id == "low-back-pain"
    history: list[Turn] = []
    for question in ("just been told i have gout in my toe and need allopurinol", "wht side effects shld i know abt"):
        answer = pipeline.run(question, history, Persona.PATIENT)
        assert answer.status == "answered" and answer.references[0].article_id == "gout", question
        history.append(Turn(question=question, answer=answer))


def test_an_age_said_of_oneself_or_a_relative_picks_the_sentence_for_that_age_band(pipeline: Pipeline) -> None:
    """Session 18 (fresh15/16, reworded): "I'm 83" and "my dad is 81" are ages, and "aged 80 and over" holds them:
    the target for that age band leads, not the one for younger adults."""
    for question, persona in (("I'm 83 and take bp tablets, what reading should I stay under?", Persona.PATIENT),
                              ("my dad is 81 and on amlodipine, what bp should he aim for?", Persona.CAREGIVER)):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered" and answer.references[0].article_id == "hypertension", question
        assert re.search(r"150/90", " ".join(s.text for s in answer.direct)), question


def test_asking_words_typos_grade_codes_and_a_keyword_both_articles_share(pipeline: Pipeline) -> None:
    """Session 19 (fresh17, read; reworded): "is it true", "does it apply" and a grade code ("G3") say what is
    asked, not a topic the library lacks; "and should take" goes on with the same subject (it is no second
    question for the coronary article to answer); a follow-up with swapped letters ("shuold") or naming a keyword
    the conversation's article shares with another ("ICS" after COPD) keeps the topic; "a1c" is HbA1c; "how
    fast" is a speed, not the FAST stroke test; "could it be <condition>?" names the new topic."""
    for question, persona, article in (
        ("is it true the valproate rules now apply to men as well?", Persona.PATIENT, "epilepsy"),
        ("Ki-67 cut-off between G2 and G3 in GI NETs?", Persona.PHYSICIAN, "gi-neuroendocrine-tumours"),
        ("12 weeks pregnant, the midwife says I have risk factors for pre-eclampsia and should start a small dose "
         "of aspirin. how much and from when?", Persona.PATIENT, "hypertension-in-pregnancy"),
    ):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered", question
        assert {r.article_id for r in answer.references} == {article}, (question, answer.references)
    assert not profile("woudl that be ok becuase of my kidneys").topic - {"kidney"}
    for turns in (
        (("copd inhalers under GOLD, where do you start?", "copd"), ("at what point does an ICS get added?", "copd")),
        (("my daughter started sertraline for depression last week", "major-depression"),
         ("what side effects shuold we watch for", "major-depression")),
        (("new type 2 diabetes on metformin, what HbA1c target?", "type-2-diabetes"),
         ("how often to recheck the a1c", "type-2-diabetes")),
        (("allopurinol for gout, what dose to start?", "gout"), ("and how fast is it increased?", "gout")),
        (("on sertraline for depression", "major-depression"),
         ("i worry about everything constantly. could it be generalised anxiety disorder?", "generalised-anxiety")),
    ):
        history: list[Turn] = []
        for question, article in turns:
            answer = pipeline.run(question, history, Persona.NURSE)
            assert answer.status == "answered" and answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))


def test_a_lay_answer_takes_the_professionals_sentence_stating_the_fact_asked() -> None:
    """Session 19: when nothing a lay reader is given states the specific fact asked ("how long do I keep taking
    it?"), the professionals' sentence that states it is looked for a little deeper than the best two by fact
    score; when a chosen sentence states it already, nothing more is added."""
    question = profile("how long do I keep taking it once I feel better?")
    plain = replace(_sentence(1, "Tablets often take a while to work."), fact_score=0.2)
    judged = replace(_sentence(2, "Response is judged at review."), plain=False, fact_score=0.9, grade=12.0)
    other = replace(_sentence(3, "Side effects are usually mild."), plain=False, fact_score=0.85, grade=12.0)
    shaped = replace(_sentence(4, "Continue it for at least 6 months after remission."), plain=False,
                     fact_score=0.5, grade=12.0)
    ranked = [plain, judged, other, shaped]
    assert _professional(question, ranked, [plain]) == [shaped]
    stated = replace(_sentence(5, "Most people stay on it for 6 months."), fact_score=0.3)
    assert _professional(question, ranked + [stated], [plain, stated]) == [judged]


def test_a_medicine_named_only_by_an_unapproved_article_is_declined_with_the_reason(pipeline: Pipeline) -> None:
    """Session 19 (fresh17, reworded): a one-word keyword of an article not approved yet ("zolpidem", of the
    insomnia article under review) names the subject when no approved article's text holds it; sleep words
    matched elsewhere are no answer."""
    answer = pipeline.run("zolpidem for an older patient with poor sleep, ok for a couple of weeks?", [],
                          Persona.PHYSICIAN)
    assert answer.status == "abstained"
    assert any("Insomnia" in n.text or "insomnia" in n.text for n in answer.notices), answer.notices


def _converse(pipeline: Pipeline, turns: tuple, persona: Persona, unanswered: str) -> None:
    """Run the turns as one conversation: each expected article answers, None expects `unanswered`."""
    history: list[Turn] = []
    for question, article in turns:
        answer = pipeline.run(question, history, persona)
        if article is None:
            assert answer.status == unanswered, question
        else:
            assert answer.status == "answered" and answer.references[0].article_id == article, question
        history.append(Turn(question=question, answer=answer))


def test_a_follow_up_on_the_article_s_subject_in_words_the_article_lacks_is_answered(pipeline: Pipeline) -> None:
    """Session 19 (fresh18, read; reworded): a follow-up that inherits the topic and whose closest passages all come
    from that article is answered from it, whatever everyday words the article never uses ("a brew", "weird
    dreams"); one that says someone has something the library never names ("she's also got a bunion") is still
    declined."""
    for turns, persona in (
        ((("dad was started on levothyroxine for an underactive thyroid", "hypothyroidism"),
          ("he has it with his morning brew and toast, does that matter?", "hypothyroidism")), Persona.CAREGIVER),
        ((("mum has alzheimers and just started donepezil", "dementia"),
          ("she's been getting weird dreams and an upset stomach since, is it the tablets?", "dementia")),
         Persona.CAREGIVER),
        ((("my wife takes rivaroxaban for her AF", "af-anticoagulation"),
          ("she's also got a bunion now, what helps with the pain of it?", None)), Persona.CAREGIVER),
    ):
        _converse(pipeline, turns, persona, unanswered="abstained")


def test_an_inherited_follow_up_is_one_question_and_it_is_names_the_subject(pipeline: Pipeline) -> None:
    """Session 19 (fresh18, read; reworded): a follow-up that inherits the topic and names no other article's
    subject is not split into parts (the topic's title is appended to its end, so its first part was answered
    from another article); "it's heart failure" after a topic-less opener names the subject."""
    for turns, persona in (
        ((("adult pt stridor and BP 72/40 after IV cefuroxime, IM adrenaline dose?", "anaphylaxis"),
          ("once he's settled, how long is he observed, and is a tryptase sent?", "anaphylaxis")), Persona.NURSE),
        ((("my mum has been diagnosed with something and i'm scared, can you help?", None),
          ("it's heart failure, her ejection fraction is 30%", "hfref"),
          ("is that number bad? what does it mean for her", "hfref")), Persona.CAREGIVER),
    ):
        _converse(pipeline, turns, persona, unanswered="clarify")


def test_lay_names_of_tests_and_conditions_and_a_condition_the_library_never_names(pipeline: Pipeline) -> None:
    """Session 20 (fresh19, read; reworded): "FIT" and a "poo test" are the bowel-screening test, not a fit;
    "noradrenaline" is the norepinephrine the sepsis article names; "thrush" is a genital infection; thinning bones
    are osteoporosis; a score is a kind of fact asked, not a subject ("T-score" made "score" name osteoporosis);
    "whether" and a month name no topic; a cancer or disease the library never names ("prostate cancer") is the
    follow-up's own subject and is declined."""
    for turns, persona in (
        ((("the nhs sent me a FIT test, is it worth bothering with at 61?", "colorectal-cancer-screening"),
          ("and how often will they post me the poo test?", "colorectal-cancer-screening"),
          ("my uncle had prostate cancer, do I need a PSA check too?", None)), Persona.PATIENT),
        ((("septic shock, MAP 58 after 30 ml/kg of fluid", "sepsis"),
          ("what dose of noradrenaline do we start at?", "sepsis")), Persona.NURSE),
        ((("my GP wants me on dapagliflozin for my type 2 diabetes", "type-2-diabetes"),
          ("my friend got thrush on it, is that common?", "type-2-diabetes")), Persona.PATIENT),
        ((("mum is on levothyroxine for her thyroid", "hypothyroidism"),
          ("her scan says her bones are thinning too, what tablets are there for that?", "osteoporosis")),
         Persona.CAREGIVER),
        ((("CURB-65 in pneumonia, how is it scored?", "community-acquired-pneumonia"),
          ("which antibiotic if the score is 2?", "community-acquired-pneumonia")), Persona.STUDENT),
        ((("dad keeps forgetting whether he has locked the door, how is dementia diagnosed?", "dementia"),),
         Persona.CAREGIVER),
    ):
        _converse(pipeline, turns, persona, unanswered="abstained")
    assert not profile("she was diagnosed in march, whether that matters").topic - {"diagnos"}


def test_a_number_a_lay_reader_gives_picks_the_sentence_that_speaks_to_it(pipeline: Pipeline) -> None:
    """Session 20 (fresh19, read; reworded): a lay reader quoting a dose, a time or a result asks about it; among the
    sentences scoring near the best, one stating that number, or a range holding it, leads. (Before: "most people
    then take aspirin or other pills" and "treat progression" led.) A clinician's case numbers are context."""
    for question, persona, fact in (
        ("the hospital said my mum should have aspirin 300mg daily for 2 weeks after her stroke, is that normal",
         Persona.PATIENT, r"300 mg[^.]*2 weeks"),
        ("my GP says my mums kidney number is 50 and it's stage 3a, what does 3a mean", Persona.CAREGIVER,
         r"G3a 45 to 59"),
    ):
        answer = pipeline.run(question, [], persona)
        assert re.search(fact, " ".join(s.text for s in answer.direct)), (question, answer.direct)
    assert _readings("62M, eGFR 28, 22 weeks pregnant, HbA1c 48 in 2023") == [(28.0, ""), (48.0, "")]
    assert _states_reading("anaemia in pregnancy is Hb below 105 g/L", [(102.0, "")])
    assert not _states_reading("bowel screening is offered from age 45 to 75", [(52.0, "")])


def test_an_opener_naming_only_words_every_article_uses_gets_a_question(pipeline: Pipeline) -> None:
    """Session 20 (fresh19, read; reworded): "antibiotics" or "the scoring system" alone, words many articles use and
    no title or keyword has, name no subject: the reply asks which condition. Naming one is answered."""
    for question in ("how many days should the antibiotics be for?",
                     "could you go through how the scoring system works"):
        assert pipeline.run(question, [], Persona.NURSE).status == "clarify", question
    answer = pipeline.run("how many days of antibiotics for community-acquired pneumonia?", [], Persona.NURSE)
    assert answer.status == "answered" and answer.references[0].article_id == "community-acquired-pneumonia"


def test_where_a_lay_reader_lives_picks_that_country_s_guidance(pipeline: Pipeline) -> None:
    """Session 20 (read sets; reworded): "in the us" in lower case (the library's "US" is matched only in capitals,
    as "tell us" is no country) and "live in England" name whose guidance is asked, as "per NICE" does."""
    answer = pipeline.run("i'm 48 and in the us, can i get bowel cancer screening yet?", [], Persona.PATIENT)
    assert re.search(r"\b45\b", " ".join(s.text for s in answer.direct)), answer.direct
    assert bodies_named("we live in england") == {"uk"} and bodies_named("tell us more") == frozenset()


def test_a_medicine_for_a_complaint_is_answered_from_the_condition_the_reader_has(pipeline: Pipeline) -> None:
    """The back-pain article names ibuprofen as a treatment; the kidney article says to avoid it. Someone with
    kidney disease asking about it for their back is told what their condition's article says (read in five sets)."""
    question = "I have stage 3 kidney disease. can I take nurofen for my back pain?"
    answer = pipeline.run(question, persona=Persona.PATIENT)
    assert answer.references[0].article_id == "chronic-kidney-disease"
    assert re.search(r"avoid[^.]*ibuprofen", " ".join(s.text for s in answer.direct), re.I)
    # No condition said: the complaint's own article answers.
    plain = pipeline.run("can I take nurofen for my back pain?", persona=Persona.PATIENT)
    assert plain.references[0].article_id == "low-back-pain"


def test_an_urgent_follow_up_keeps_the_notice_and_takes_its_evidence_from_the_conversation(pipeline: Pipeline) -> None:
    """A headache and flashing lights after pre-eclampsia are that article's warning signs, not migraine's; the
    notice comes first. A follow-up that asks about another condition keeps its own subject."""
    first = "my wife is 32 weeks pregnant and they said her blood pressure and urine mean pre-eclampsia"
    opened = pipeline.run(first, persona=Persona.CAREGIVER)
    assert opened.references[0].article_id == "hypertension-in-pregnancy"
    history = [Turn(question=first, answer=opened)]
    urgent = pipeline.run("now she has a thumping headache and keeps seeing flashing zigzags", history,
                          Persona.CAREGIVER)
    assert urgent.notices[0].kind is NoticeKind.URGENT
    assert urgent.references and urgent.references[0].article_id == "hypertension-in-pregnancy"
    # Nothing of the conversation's article: the notice alone, never gout text under it.
    gout = "my dad's big toe is red hot and swollen, GP says gout. what helps?"
    gout_history = [Turn(question=gout, answer=pipeline.run(gout, persona=Persona.CAREGIVER))]
    collapse = pipeline.run("he's just collapsed and isn't breathing", gout_history, Persona.CAREGIVER)
    assert collapse.notices[0].kind is NoticeKind.URGENT
    assert all(r.article_id != "gout" for r in collapse.references)


def test_a_follow_up_telling_of_something_the_library_never_names_is_declined(pipeline: Pipeline) -> None:
    """"Now he's come out in shingles" after a heart attack is a new subject the library lacks, not a detail of the
    coronary article; "he's got a stomach bug" after diabetes is everyday English and stays on it."""
    first = "my husband had a heart attack last week and had 2 stents put in"
    history = [Turn(question=first, answer=pipeline.run(first, persona=Persona.CAREGIVER))]
    shingles = pipeline.run("now hes come out in shingles across his chest, what do we do?", history, Persona.CAREGIVER)
    assert shingles.status == "abstained"
    first = "my dad's type 2, on metformin and dapagliflozin, sugars still in the teens"
    history = [Turn(question=first, answer=pipeline.run(first, persona=Persona.CAREGIVER))]
    bug = pipeline.run("he's got a stomach bug and cant keep food down, should he stop them?", history,
                       Persona.CAREGIVER)
    assert bug.status == "answered" and bug.references[0].article_id == "type-2-diabetes"


def test_each_fact_of_a_two_part_question_is_in_the_direct_answer(pipeline: Pipeline) -> None:
    """"First-line vasopressor and MAP target?" names a drug as well as the target; "mg/kg and max dose?" states
    the maximum as well as the dose per kilogram."""
    pressor = pipeline.run("septic shock despite fluids: which vasopressor first line, and what MAP target?",
                           persona=Persona.PHYSICIAN)
    direct = " ".join(s.text for s in pressor.direct)
    assert re.search(r"norepinephrine|noradrenaline", direct, re.I) and re.search(r"65\s*mm\s*Hg", direct), direct
    lytic = pipeline.run("tenecteplase for ischaemic stroke: dose per kg and the max dose?", persona=Persona.STUDENT)
    direct = " ".join(s.text for s in lytic.direct)
    assert re.search(r"maximum 25 mg", direct), direct


def test_openers_that_only_say_who_is_asking_get_a_question_and_a_hyphenated_keyword_names_its_article(
    pipeline: Pipeline,
) -> None:
    """Session 22 (fresh21, read; reworded): who is writing ("I'm a pharmacist on a cardiology ward") or a request in
    everyday words names no subject, and an urgent opener naming none gets the notice alone, with no article under
    it. A keyword joined by hyphens names its article whole ("door-to-needle" style shorthand after ACS), and
    "components" of a score is what is asked, not a subject."""
    for question, persona in (
        ("I'm a pharmacist on a cardiology ward", Persona.NURSE),
        ("hi, student nurse here", Persona.STUDENT),
        ("good afternoon, hoping you can help with something about my daughter", Persona.CAREGIVER),
    ):
        assert pipeline.run(question, [], persona).status == "clarify", question
    scared = pipeline.run("my wife just got told she has something and I'm so scared", [], Persona.CAREGIVER)
    if scared.status != "clarify":  # the notice fires on fear alone for carers (safety first): then nothing under it
        assert scared.status == "urgent" and not scared.references and not scared.direct
    named = pipeline.run("what are the components of the CURB-65 score", [], Persona.STUDENT)
    assert named.status == "answered" and named.references[0].article_id == "community-acquired-pneumonia"
    first = "how is an NSTEMI told apart from unstable angina?"
    history = [Turn(question=first, answer=pipeline.run(first, persona=Persona.STUDENT))]
    target = pipeline.run("and the door-to-balloon target?", history, Persona.STUDENT)
    assert target.status == "answered" and target.references[0].article_id == "acute-coronary-syndrome"
    # Naming a title's word or a keyword is a subject, in everyday words or not.
    bp = pipeline.run("my bp was 150/95 at the doctors, do i need pills", [], Persona.PATIENT)
    assert bp.status == "answered" and bp.references[0].article_id == "hypertension"


def test_a_lay_readers_own_number_finds_the_band_that_holds_it(pipeline: Pipeline) -> None:
    """Session 23 (read sets, reworded): a patient who gives their own result and asks its stage is answered by the
    sentence whose band holds the number, even when its words ("GFR category") are not the question's ("stage")."""
    for question in (
        "my bloods came back with an eGFR of 41 and the GP says its chronic kidney disease. what stage is it?",
        "the doctor told me i have chronic kidney disease and my latest eGFR is 36. what stage is that?",
    ):
        answer = pipeline.run(question, [], Persona.PATIENT)
        direct = " ".join(s.text for s in answer.direct)
        assert answer.status == "answered" and re.search(r"G3b 30 to 44", direct), direct


def test_a_lead_that_only_rules_something_out_brings_what_to_use_instead(pipeline: Pipeline) -> None:
    """Session 23 (read sets, reworded): "A blue inhaler on its own is no longer the best plan" answers "is my
    reliever enough?" only half; the sentence before it in its paragraph that speaks of the same thing (the steroid
    inhaler) comes with it."""
    for question, persona in (
        ("is ventolin by itself alright for my asthma or do i need another inhaler?", Persona.PATIENT),
        ("my son only has the blue inhaler for his asthma, is that enough?", Persona.CAREGIVER),
    ):
        answer = pipeline.run(question, [], persona)
        direct = " ".join(s.text for s in answer.direct)
        assert answer.status == "answered" and re.search(r"steroid", direct), direct


def test_a_greeting_a_request_to_be_quizzed_or_blood_results_alone_get_a_question_back(pipeline: Pipeline) -> None:
    """Session 23 (fresh22, read; reworded): "hiya, hoping you can help", "test me, exams next month" and "can you
    explain my blood test results" name no condition: a clarifying question, not a decline. "did my back in" is the
    back pain it says."""
    for question, persona in (
        ("hiya, hoping you can help", Persona.PATIENT),
        ("can you quiz me please, exams next month", Persona.STUDENT),
        ("can you help me understand my blood test results", Persona.CAREGIVER),
    ):
        assert pipeline.run(question, [], persona).status == "clarify", question
    back = pipeline.run("did my back in moving a sofa yesterday, is bed rest best?", [], Persona.PATIENT)
    assert back.status == "answered" and back.references[0].article_id == "low-back-pain"


def _follow(pipeline: Pipeline, opener: str, follow_up: str, persona: Persona) -> Answer:
    """The answer to a follow-up asked after an opener."""
    first = pipeline.run(opener, [], persona)
    return pipeline.run(follow_up, [Turn(question=opener, answer=first)], persona)


def test_a_follow_up_telling_of_another_condition_in_its_own_words_moves_to_it(pipeline: Pipeline) -> None:
    """Session 24: a follow-up that names no title but tells a new situation, a test or a diagnosis in everyday
    words moves to the article that situation is about, when the search on its own words finds that article's
    passage first and close in meaning (the stomach bug that causes ulcers after reflux; a kidney result after
    gout). A short follow-up, or one asking whether the conversation's treatment still holds, keeps the topic."""
    moved = _follow(pipeline, "omeprazole for reflux, how long can I stay on it?",
                    "the GP wants to check me for the stomach bug that gives you ulcers, what is the test?",
                    Persona.PATIENT)
    assert moved.status == "answered" and moved.references[0].article_id == "h-pylori"
    moved = _follow(pipeline, "what can I take for a gout flare in my toe?",
                    "the GP also says my kidney function is stage 3 now, what can i do to stop it getting worse",
                    Persona.PATIENT)
    assert moved.status == "answered" and moved.references[0].article_id == "chronic-kidney-disease"
    kept = _follow(pipeline, "apixaban dose for AF in an 80 year old?",
                   "his kidneys are not great either, does that change the dose?", Persona.CAREGIVER)
    assert kept.status == "answered" and kept.references[0].article_id == "af-anticoagulation"


def test_a_drug_or_mutation_only_one_article_names_is_answered_from_it(pipeline: Pipeline) -> None:
    """Session 24 (fresh23, read; reworded): "when would you add finerenone?", "where does inclisiran come in?" and
    "PDGFRA D842V?" name a drug or a mutation only one article names; the search alone put other articles first
    or the evidence stage found too little of the question in it, and the question was declined."""
    for question, article in (
        ("when would you add finerenone?", "chronic-kidney-disease"),
        ("where does inclisiran come in?", "lipid-management"),
        ("what about PDGFRA D842V?", "gist"),
    ):
        answer = pipeline.run(question, [], Persona.PHYSICIAN)
        assert answer.status == "answered" and answer.references[0].article_id == article, question


def test_stopping_smoking_low_mood_told_by_a_carer_and_results_with_no_condition(pipeline: Pipeline) -> None:
    """Session 24 (fresh23, read; reworded): "want to pack it in" after years of smoking is stopping smoking, not
    COPD's pack-years; "has been really low for months and doesn't enjoy anything" is low mood; results told only by
    how the numbers moved, and an appointment to prepare for, name no condition and are asked back."""
    for question, persona, article in (
        ("smoked 15 a day since I was 17, really want to pack it in this time, what helps most?", Persona.PATIENT,
         "smoking-cessation"),
        ("my wife has been really low for months and doesn't enjoy anything, the GP mentioned tablets",
         Persona.CAREGIVER, "major-depression"),
    ):
        answer = pipeline.run(question, [], persona)
        assert answer.status == "answered" and answer.references[0].article_id == article, question
    for question in (
        "could you explain my dad's results, the numbers went down since last time",
        "my daughter has an appointment on friday to talk about her treatment, what should we ask?",
    ):
        assert pipeline.run(question, [], Persona.CAREGIVER).status == "clarify", question


@pytest.mark.parametrize(
    ("question", "intent", "qualifier"),
    [
        ("he's allergic to penicillin, what antibiotic would they give instead?", "first_line", "allergy"),
        ("which tablet is usually added on top of the other two?", "first_line", "add_on"),
        ("she only weighs 52 kilos, is her dose lower?", "dose", "low_weight"),
        ("what rescue medicine is given first for a long fit outside hospital?", "first_line", "community"),
        ("blood pressure still too high on three tablets, what next?", None, "recurrent"),
    ],
)
def test_a_situation_told_in_everyday_words_is_read_as_its_qualifier(
    question: str, intent: str | None, qualifier: str
) -> None:
    """Session 26 (fresh26 read): an allergy, a medicine added to another, a low body weight, "outside hospital"
    (never read as "hospital"), a pressure still too high despite treatment."""
    asked = profile(question)
    assert qualifier in asked.qualifiers, asked.qualifiers
    assert intent is None or intent in asked.intents, asked.intents
    assert "hospital" not in profile("given outside hospital by a parent").qualifiers


def test_a_judgement_is_not_a_definition_and_a_far_better_sentence_elsewhere_leads(pipeline: Pipeline) -> None:
    """Session 26 (read splits): "Stopping smoking is the best thing you can do" answers, it does not define, so it
    is not set aside as a definition; and when the article retrieval put first is not named and another article's
    sentence answers far better, that one leads ("keep taking your long-acting insulin when you are not eating")."""
    answer = pipeline.run("i have copd and still smoke 20 a day, what's the one thing that would help most?",
                          persona=Persona.PATIENT)
    assert re.search(r"stop(ping)? smoking", " ".join(s.text for s in answer.direct), re.I), answer.direct
    answer = pipeline.run("type 1 diabetic with a tummy bug and can't eat, do I keep my long acting insulin going?",
                          persona=Persona.PATIENT)
    assert re.search(r"never stop your long-acting insulin", " ".join(s.text for s in answer.direct), re.I), [
        s.text for s in answer.direct]


def test_what_a_story_tells_is_not_what_its_question_asks() -> None:
    """Session 26 (read splits): a dose or a stage told in the story before the question is not the fact asked
    ("needed two doses of adrenaline... how long do we observe?"), while a question pointing back ("what does that
    mean?") is asked of the sentence before it, and other kinds of fact named in the story still count ("too young
    for screening. At what age do you start?")."""
    assert "dose" not in profile("She needed 2 doses of IM adrenaline and is settled now. How long should we observe "
                                 "her before she goes home?").intents
    assert "staging" not in profile("I have stage 3 kidney disease. I take naproxen for my hips, is that ok?").intents
    assert "staging" in profile("The nurse said my kidney disease is stage 3b. What does that mean?").intents
    assert "screening" in profile("My sister says I'm too young for bowel screening. When do you start?").intents
    assert "dose" in profile("What dose of apixaban for a 72 year old with an eGFR of 28?").intents


def test_a_follow_up_going_back_returns_to_the_earlier_topic_but_back_to_work_does_not(pipeline: Pipeline) -> None:
    """Session 26 (fresh25/26 read): "back to the first patient", "going back to her memory" return to the topic
    before the last answer's; "back to work" is back to living, and stays on the last one."""
    history: list[Turn] = []
    for question in ("my mum has alzheimer's, will donepezil help?",
                     "different thing, she has a water infection, does she need antibiotics?"):
        history.append(Turn(question=question, answer=pipeline.run(question, history, Persona.CAREGIVER)))
    assert [t.answer.references[0].article_id for t in history] == ["dementia", "urinary-tract-infection"]
    back = pipeline.run("going back to her memory, is there anything besides tablets that helps?", history,
                        Persona.CAREGIVER)
    assert back.references and back.references[0].article_id == "dementia", back.standalone_question
    first = pipeline.run("back to the first question - how is it diagnosed?", history, Persona.CAREGIVER)
    assert first.references and first.references[0].article_id == "dementia", first.standalone_question
    work = pipeline.run("when can she go back to work after the antibiotics?", history, Persona.CAREGIVER)
    assert "(dementia" not in work.standalone_question.lower()


def test_a_disease_sharing_only_a_head_word_with_a_covered_one_is_declined(pipeline: Pipeline) -> None:
    """Session 27: "rheumatoid arthritis" was answered from the gout or osteoporosis article, "Ewing sarcoma" from
    the clear cell sarcoma or GNET one, "pulmonary hypertension" from the hypertension one, "HFpEF" from HFrEF; as an
    opener and as a follow-up. The library names none of them. A question that also names a covered condition is
    still answered from it, and a covered variant ("gouty arthritis", "clear cell sarcoma") is answered."""
    for question, persona in (
        ("my wife has psoriatic arthritis in her knees, which injection works best?", Persona.CAREGIVER),
        ("Kaposi sarcoma on the leg - first-line systemic therapy?", Persona.PHYSICIAN),
        ("diagnosed with pulmonary arterial hypertension, what tablets will I be on?", Persona.PATIENT),
        ("HFpEF, EF 60%, any role for spironolactone?", Persona.PHYSICIAN),
        ("knee osteoarthritis in a 70 year old, what analgesia first?", Persona.NURSE),
    ):
        answer = pipeline.run(question, persona=persona)
        assert answer.status == "abstained", question
        assert any("do not cover" in n.text for n in answer.notices), question
    history: list[Turn] = []
    for question, status in (
        ("what is the first-line anticoagulant for atrial fibrillation?", "answered"),
        ("and for a different patient with gestational diabetes at 28 weeks, metformin or diet first?", "abstained"),
    ):
        answer = pipeline.run(question, history, Persona.PHYSICIAN)
        assert answer.status == status, question
        history.append(Turn(question=question, answer=answer))
    for question, article in (
        ("I have rheumatoid arthritis and atrial fibrillation, which blood thinner is usually used?",
         "af-anticoagulation"),
        ("what is the treatment for gouty arthritis in the big toe?", "gout"),
        ("clear cell sarcoma of soft tissue - which gene fusion defines it?", "clear-cell-sarcoma-soft-tissue"),
    ):
        answer = pipeline.run(question, persona=Persona.PHYSICIAN)
        assert answer.status == "answered", question
        assert answer.references[0].article_id == article, question


def test_a_follow_up_that_does_not_point_back_is_answered_from_its_close_article_when_it_shares_enough(
    pipeline: Pipeline,
) -> None:
    """Session 27: "she's 84 btw - what target are we aiming for" after blood pressure targets, "can I still have a
    couple of pints?" after gout, were declined: their everyday words are not in the articles and nothing in them
    points back. A follow-up whose passages all come from one close article and that shares a fifth of its words
    with it is answered from it; one that shares almost nothing ("head lice" after asthma) is not."""
    for turns, persona in (
        ([("my dad has high blood pressure, what should his blood pressure be?", "hypertension"),
          ("he's 87 btw, so what target are we aiming at?", "hypertension")], Persona.CAREGIVER),
        ([("my son has asthma, he's 10, which inhaler should he be on?", "asthma"),
          ("and how do we get rid of his head lice?", None)], Persona.CAREGIVER),
    ):
        history: list[Turn] = []
        for question, article in turns:
            answer = pipeline.run(question, history, persona)
            if article is None:
                assert answer.status == "abstained", question
            else:
                assert answer.status == "answered" and answer.references[0].article_id == article, question
            history.append(Turn(question=question, answer=answer))


def test_a_condition_named_by_a_specialised_word_no_article_is_titled_for_is_declined(pipeline: Pipeline) -> None:
    """Session 27 (MedQuAD at library scale: "essential thrombocythemia" answered from "essential tremor", a
    childhood ependymoma from a drug syndrome's page): a question naming a condition by a word the everyday
    vocabulary lacks, and no library topic besides, is declined when no article found is titled or keyed by that word.
    Over the bundled library: sarcoidosis was answered from the asthma article. A library topic named whole keeps the
    question ("AKI with suspected pyonephrosis"), and "prognosis" is not a condition's name."""
    answer = pipeline.run("sarcoidosis with lung involvement - when to start steroids?", persona=Persona.PHYSICIAN)
    assert answer.status == "abstained"
    answer = pipeline.run("AKI with suspected pyonephrosis - how soon should the renal ultrasound be done?",
                          persona=Persona.PHYSICIAN)
    assert answer.status == "answered" and answer.references[0].article_id == "acute-kidney-injury"
    answer = pipeline.run("clear cell sarcoma of soft tissue - what is the prognosis?", persona=Persona.STUDENT)
    assert answer.status == "answered" and answer.references[0].article_id == "clear-cell-sarcoma-soft-tissue"


def test_a_tumour_of_another_course_or_form_is_a_neighbour_not_an_answer() -> None:
    """Session 27 (MedQuAD at library scale): "chronic myelomonocytic leukemia" was answered from the juvenile
    form's document, "adult acute myeloid leukemia" from the chronic one's, "chronic myelogenous leukemia" from the
    atypical form's. A title whose course or form word (acute, chronic, juvenile, atypical) the question lacks, while
    the question has its own, or that names the atypical form, marks a neighbour; the asked disease's own title does
    not."""
    assert neighbour_marks("What are the treatments for Chronic Myelomonocytic Leukemia ?",
                           "Juvenile Myelomonocytic Leukemia") == {"chronic"}
    assert neighbour_marks("What are the symptoms of Adult Acute Myeloid Leukemia ?", "Chronic myeloid leukemia")
    assert neighbour_marks("What are the stages of Chronic Myelogenous Leukemia ?",
                           "Atypical Chronic Myelogenous Leukemia") == {"atypical"}
    assert not neighbour_marks("What are the stages of Chronic Myelogenous Leukemia ?", "Chronic Myelogenous Leukemia")
    assert not neighbour_marks("How is juvenile myelomonocytic leukemia treated?", "Juvenile Myelomonocytic Leukemia")
    # Another kind of condition sharing the word before the asked tumour's head ("laryngeal cancer" and "congenital
    # laryngeal palsy"): only an article named for both words answers. A title holding the head is not one.
    assert neighbour_marks("What are the symptoms of Laryngeal Cancer ?", "Congenital laryngeal palsy") == {
        "cancer", "laryng"}
    assert neighbour_marks("How to diagnose Chronic Lymphocytic Leukemia ?", "Bare lymphocyte syndrome")
    assert not neighbour_marks("clear cell sarcoma - prognosis?", "Clear cell sarcoma of soft tissue (CCS)")


def test_session28_follow_ups_after_a_decline_a_return_and_the_words_that_name_a_pregnancy(pipeline: Pipeline) -> None:
    """Session 28 (fresh29 and fresh30 read; reworded): "it" just after a declined question asks about what was
    declined; "back to my nephew" after a declined turn returns to the last article answered; "at the midwife"
    tells of a pregnancy; a kind of shellfish named is shellfish, "though" is no topic, "DM" is diabetes."""
    def converse(turns: list[tuple[str, str | None]], persona: Persona) -> None:
        history: list[Turn] = []
        for question, article in turns:
            answer = pipeline.run(question, history, persona)
            if article is None:
                assert answer.status == "abstained", (question, answer.status, answer.standalone_question)
            else:
                got = answer.references[0].article_id if answer.references else None
                assert answer.status == "answered" and got == article, (question, answer.status, got)
            history.append(Turn(question=question, answer=answer))

    converse([("my dad was just diagnosed with psoriatic arthritis in his knees, what is the treatment?", None),
              ("which painkillers are ok for it?", None)], Persona.CAREGIVER)
    converse([("my niece is 20 and has clear cell sarcoma in her foot, how is it treated?",
               "clear-cell-sarcoma-soft-tissue"),
              ("someone in her ward has Kaposi sarcoma, is that the same treatment?", None),
              ("back to my niece, why do they keep scanning her lymph nodes?", "clear-cell-sarcoma-soft-tissue")],
             Persona.CAREGIVER)
    converse([("my blood pressure was 146/95 at the midwife today and she wants to check it again, what does it "
               "mean?", "hypertension-in-pregnancy")], Persona.PATIENT)
    converse([("I have rheumatoid arthritis, is methotrexate the best first drug?", None),
              ("ok. my dad has gout though, is he allowed crab and lobster?", "gout")], Persona.PATIENT)
    converse([("AF, 79F, 60 kg, creatinine normal. Which apixaban dose?", "af-anticoagulation"),
              ("CHA2DS2-VA if she also has HTN and DM?", "af-anticoagulation")], Persona.PHYSICIAN)


def test_the_gap_between_two_medicines_is_asked_as_a_time(pipeline: Pipeline) -> None:
    """Session 28 (fresh29 read): "minimum gap after the last ACEi dose?" was read as a dose question only, and
    the target doses led; a gap, an interval or a washout between two medicines is a time."""
    assert "timing" in profile("what washout is needed between stopping lisinopril and starting Entresto?").intents
    answer = pipeline.run("HFrEF on lisinopril, moving to sacubitril/valsartan - minimum gap after the last dose?",
                          persona=Persona.PHYSICIAN)
    assert re.search(r"36\s*hours?", " ".join(s.text for s in answer.direct)), answer.direct


def test_session29_a_fit_told_as_a_likeness_the_pregnancy_article_of_the_same_subject_and_other_variants(
    pipeline: Pipeline,
) -> None:
    """Session 29 (fresh31 and fresh32 read; reworded): "had what looked like a fit" is a seizure (not the bowel
    test FIT); a pregnancy, also in the "14/40" shorthand, leads with the pregnancy article of the question's own
    subject even when only the adult article names the drug; an anaemia other than iron deficiency, bipolar disorder,
    hepatitis B's or HIV's own treatment are not covered; staying on a medicine that has worked asks about continuing
    it; a check of hepatitis B before hepatitis C treatment is still the hepatitis C article's."""
    for question, persona, article in (
        ("my 14 year old had something like a fit at football yesterday, never before. how soon should a specialist "
         "see him?", Persona.CAREGIVER, "epilepsy"),
        ("Known essential HTN, now 12/40 - which antihypertensive does NICE recommend first?", Persona.PHYSICIAN,
         "hypertension-in-pregnancy"),
        ("on ramipril for blood pressure and just found out I'm 6 weeks pregnant, do I need a different tablet?",
         Persona.PATIENT, "hypertension-in-pregnancy"),
        ("is hep B serology needed before starting DAAs for hep C?", Persona.PHYSICIAN, "hepatitis-c"),
    ):
        answer = pipeline.run(question, persona=persona)
        got = answer.references[0].article_id if answer.references else None
        assert answer.status == "answered" and got == article, (question, answer.status, got)
    for question, persona in (
        ("my husband has sickle cell anaemia, how often should he have a transfusion?", Persona.CAREGIVER),
        ("bipolar affective disorder on lithium - target level?", Persona.PHYSICIAN),
        ("what tablets are used to treat chronic hepatitis B?", Persona.PATIENT),
        ("my daughter is HIV positive, what treatment will she start?", Persona.CAREGIVER),
    ):
        assert pipeline.run(question, persona=persona).status == "abstained", question
    answer = pipeline.run(
        "my antidepressant is really helping and I feel much better now, how long do I keep taking it?",
        persona=Persona.PATIENT,
    )
    assert re.search(r"6\s*months|six months", " ".join(s.text for s in answer.direct)), answer.direct


def test_session29_words_that_name_the_article_a_follow_up_means(pipeline: Pipeline) -> None:
    """Session 29 (read splits; reworded): a breath test or "helicobacter" is the H. pylori article's (an asthma
    breath test is not); a condition said to be absent names no topic ("even if he isn't diabetic"); a creatinine
    that doubled within days is an acute kidney injury; after the delivery, in pre-eclampsia or "woman, 30 weeks" is
    a pregnancy; something squirted in the cheek is a buccal medicine."""
    for question, persona, article in (
        ("I'm on lansoprazole and the GP has booked me a breath test, how long before it should I stop?",
         Persona.PATIENT, "h-pylori"),
        ("the doctor says I might have helicobacter, how do they check for it?", Persona.PATIENT, "h-pylori"),
        ("empagliflozin in HFrEF - still worth it if the patient isn't diabetic?", Persona.PHYSICIAN, "hfref"),
        ("creatinine 80 -> 170 over 48h after a bout of D&V, on lisinopril. which KDIGO stage?", Persona.PHYSICIAN,
         "acute-kidney-injury"),
        ("woman, 34 weeks, BP 150/100 twice, no protein in the urine. which antihypertensive first?",
         Persona.PHYSICIAN, "hypertension-in-pregnancy"),
        ("her blood pressure is still high two weeks after the delivery, what happens now?", Persona.CAREGIVER,
         "hypertension-in-pregnancy"),
        # a wrist broken tripping on a step is a fragility fracture; a sample sent to the lab is a urine culture
        ("grandma fractured her wrist when she tripped on the step, and now she's been sent for a bone scan. why?",
         Persona.CAREGIVER, "osteoporosis"),
        ("the nursing home keep sending mum's wee off to the lab, they found bacteria but she's fine. antibiotics?",
         Persona.CAREGIVER, "urinary-tract-infection"),
    ):
        answer = pipeline.run(question, persona=persona)
        got = answer.references[0].article_id if answer.references else None
        assert answer.status == "answered" and got == article, (question, answer.status, got)
    asthma = pipeline.run("my son had a breath test for his asthma and it was 40, is that high?",
                          persona=Persona.CAREGIVER)
    assert asthma.references and asthma.references[0].article_id == "asthma", asthma.references
    history: list[Turn] = []
    for question in ("my son has epilepsy and starts secondary school next month",
                     "if a seizure goes on for ages at school, is there something they squirt into his cheek?"):
        answer = pipeline.run(question, history, Persona.CAREGIVER)
        history.append(Turn(question=question, answer=answer))
    assert history[-1].answer.status == "answered", history[-1].answer.status
    assert history[-1].answer.references[0].article_id == "epilepsy"


def test_session30_lettered_names_non_pregnant_groups_and_announced_questions(pipeline: Pipeline) -> None:
    """Session 30 (fresh33 and fresh34, read; reworded): a vitamin named by its letter is not answered from another
    vitamin's article, nor from a passing mention, unless an article's subject is named too; one of two hepatitis
    letters is enough; a sentence for non-pregnant women does not answer a pregnant one; a message that only
    announces a question, or asks to explain results it does not name, gets a clarifying question."""
    declined = pipeline.run("what's the daily vitamin D dose for a healthy adult?", persona=Persona.STUDENT)
    assert declined.status == "abstained", (declined.status, [r.article_id for r in declined.references])
    for question, persona, article in (
        ("does long-term metformin cause low vitamin B12?", Persona.PHYSICIAN, "type-2-diabetes"),
        ("on sertraline for my anxiety plus vitamin D and the pill. how long do I stay on the sertraline?",
         Persona.PATIENT, "generalised-anxiety"),
        ("why check hep B serology before starting hep C treatment?", Persona.STUDENT, "hepatitis-c"),
    ):
        answer = pipeline.run(question, persona=persona)
        got = answer.references[0].article_id if answer.references else None
        assert answer.status == "answered" and got == article, (question, answer.status, got)
    pregnant = pipeline.run("I'm 24 weeks pregnant with a water infection, how many days of antibiotics?",
                            persona=Persona.PATIENT)
    assert any(re.search(r"(?:7|seven) days", s.text) for s in pregnant.direct), [s.text for s in pregnant.direct]
    for opener in ("quick q about a pt on my ward", "hello, can I run a question by you please?",
                   "could you explain my blood test results?", "can you summarise the main guideline points for me?"):
        answer = pipeline.run(opener, persona=Persona.NURSE)
        assert answer.status == "clarify", (opener, answer.status)


def test_session31_an_opener_naming_only_tests_or_a_medicine_s_form_is_asked_which_condition(
        pipeline: Pipeline) -> None:
    """Session 31 (fresh35, read; reworded): a first message whose only subject is the blood tests, or a medicine named
    by its form alone, gets a clarifying question; naming the condition or the medicine answers."""
    for opener in ("how often do i need bloods?", "how often do they check bloods?",
                   "are the tablets better than the injection?", "what dose of the cream should i use?"):
        answer = pipeline.run(opener, persona=Persona.PATIENT)
        assert answer.status == "clarify", (opener, answer.status)
    for question, article in (
        ("how often should bloods be checked on tenofovir PrEP?", "hiv-prep"),
        ("is it ok to just stop my insulin glargine injections when I'm ill with type 1?", None),
    ):
        answer = pipeline.run(question, persona=Persona.PATIENT)
        assert answer.status != "clarify", (question, answer.status)
        if article:
            got = answer.references[0].article_id if answer.references else None
            assert got == article, (question, answer.status, got)


def test_session32_openers_naming_only_what_is_done_with_a_test_or_medicine_are_asked_which_condition(
        pipeline: Pipeline) -> None:
    """Session 32 (fresh37, read; reworded): what is done with an unnamed test or medicine ("recheck", "repeating") or
    a medicine's form in the plural names no subject; the same asked with the medicine or condition named answers."""
    for opener in ("when should we redo the bloods after we started it?", "how often do bloods want repeating?",
                   "how often does he need his injections?"):
        answer = pipeline.run(opener, persona=Persona.NURSE)
        assert answer.status == "clarify", (opener, answer.status)
    for question in ("when do we recheck potassium after starting finerenone?",
                     "how often does she need her hep C bloods repeating?"):
        answer = pipeline.run(question, persona=Persona.NURSE)
        assert answer.status != "clarify", (question, answer.status)


def test_session32_a_sore_back_is_back_pain(pipeline: Pipeline) -> None:
    """Session 32 (fresh37, read; reworded): "his back is sore after a fall" went to the osteoporosis article. A sore or
    bad back is back pain (knowledge/synonyms.py). Not fixed: "my back's been sore ... after digging, do i need a
    scan?" still leads with the cellulitis article's "starts in a small cut, crack or sore" (see the closing note)."""
    for question in ("his back is sore after a fall at work, does he need an x-ray?",
                     "bad back for a fortnight after lifting boxes, should i rest in bed?"):
        answer = pipeline.run(question, persona=Persona.PATIENT)
        got = answer.references[0].article_id if answer.references else None
        assert got == "low-back-pain", (question, answer.status, got)


def test_session32_the_reply_to_a_clarifying_question_is_read_as_its_answer(pipeline: Pipeline) -> None:
    """Session 32 (fresh33 once its opener clarified; reworded): after "which one?", "it's the ... one for my bones"
    says what "it" is; it is not another opener whose "it" points at nothing."""
    opener = "can i just stop my jab?"
    first = pipeline.run(opener, persona=Persona.PATIENT)
    assert first.status == "clarify", first.status
    history = [Turn(question=opener, answer=first)]
    reply = pipeline.run("it's the denosumab one i get twice a year for my bones", history, Persona.PATIENT)
    got = reply.references[0].article_id if reply.references else None
    assert reply.status == "answered" and got == "osteoporosis", (reply.status, got)
    again = pipeline.run("is it bad?", history, Persona.PATIENT)
    assert again.status == "clarify", again.status
