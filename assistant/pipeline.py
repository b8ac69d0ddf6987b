"""One turn, in the order of the data flow: triage, condense, retrieve, evidence, compose, cite, finish.

This is the only place that knows the order of the steps. Every collaborator (retriever, composers,
clock, gap log) is passed in, so tests run the real thing or a real local substitute.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from assistant import safety
from assistant.citations import Draft, finalize
from assistant.conversation import (
    MOVES_ON_TERMS,
    Condensed,
    condense_offline,
    everyday_terms,
    last_article,
    last_topic,
    points_back,
    unknown_condition,
    valid_condensed,
    variant_named,
)
from assistant.errors import report
from assistant.evidence import Evidence, decide, merge, passages_filling
from assistant.llm import LLMComposer, LLMError
from assistant.models import Answer, Notice, NoticeKind, PartKind, Persona, Statement, Turn
from assistant.offline import OfflineComposer, follow_ups
from assistant.question import (
    ASKING_TERMS,
    MEDICINE_ACTIONS,
    MEDICINE_FORMS,
    SITUATION_TERMS,
    QuestionProfile,
    profile,
    qualifiers_of,
    split_foci,
    subject_terms,
)
from assistant.ranker import RankerModel
from assistant.records import GapRecord, JsonlLog
from assistant.review_due import overdue_notices
from assistant.triage import Triage
from assistant.vocabulary import PLAIN_SECTION, RESEARCH_SECTION, passage_kind, topic_of
from knowledge.retrieval import FOR_GROUP
from knowledge.schema import Chunk, Hit, ReviewStatus
from knowledge.synonyms import explained_terms, lay_terms, rewrite
from knowledge.text import content_terms, tokens

log = logging.getLogger(__name__)

SAMPLE_NOTICE = (
    "The cited articles are sample demonstration content written for this project, not clinically reviewed. "
    "Do not use them for patient care."
)


# How many of a follow-up's closest passages must come from one article for it to be answered from that article
# whatever words of its own the article lacks.
FOLLOW_UP_LEAD = 5
_HAS = re.compile(
    r"\b(?:has|have|got|diagnosed with|suffers? from|suffering from|(?:come|came|broken|broke) out in|asking about)\s+"
    r"((?:[a-z0-9'-]+\s+){0,2}[a-z0-9'-]+)",
    re.I,
)


# What a medicine is wanted for, said after it: "can I take nurofen for my back pain?", "is ibuprofen ok for his
# knees?".
_FOR_COMPLAINT = re.compile(
    r"\b(?:take|taking|have|use|using|give|ok|okay|fine|safe|alright)\b(?: \S+){0,4}"
    r"(?P<what> (?:for|with) (?:my|his|her|their|the|a|mum'?s|dad'?s) (?:\w+ ){0,2}(?:pain|ache|aches|back|knee|knees|"
    r"hip|hips|shoulder|neck|joints?|headaches?|migraines?|toothache|period pains?|cold|flu|cough)\b)"
)


# A condition put as a question, or turned to: "could she be depressed?", "might he have sepsis?", "what about her
# depression though?".
_HYPOTHESIS = re.compile(
    r"\b(?:(?:could|might|may|can|is|does|do)\s+(?:it|this|that|these|she|he|they|i|you|we)\s+(?:\w+\s+)?"
    r"(?:be|have|mean)|(?:what|how) about)\b",
    re.I,
)
# A condition someone has, said before the question: "I have stage 3 kidney disease", "dad has heart failure".
_HAVING = re.compile(r"\b(?:have|has|'ve got|'s got|got|with|diagnosed with) ((?:[a-z0-9'-]+ ){0,4}[a-z0-9'-]+)", re.I)


class Retriever(Protocol):
    def search(self, question: str, k: int = 10) -> list[Hit]: ...

    def term_weights(self, terms: set[str]) -> dict[str, float]: ...

    def library_terms(self, terms: set[str]) -> set[str]: ...

    def names_library_topic(self, terms: set[str]) -> bool: ...

    def names_together(self, terms: set[str]) -> bool: ...

    def indexed_terms(self, terms: set[str]) -> set[str]: ...


class ArticleSource(Protocol):
    def article_chunks(self, article_id: str, section: str | None = None) -> list[Chunk]: ...


PARTIAL_COVERAGE = 0.85
# A follow-up that inherited its topic without pointing back at it ("and if wt under 60kg", "can I still have a couple
# of pints?") is answered from the one close article only when this share of its words is there: "and how do we get
# rid of his head lice?" after asthma shares almost none.
UNPOINTED_COVERAGE = 0.2

_EXPANSION = re.compile(r"\(([^()]*)\)")


def shared_by_expansions(query: str, weights: dict[str, float]) -> dict[str, float]:
    """One concept, one weight: the words the rewrite added in brackets after a name ("omeprazole (proton pump
    inhibitor)") share the weight of one word, so that a drug named in passing ("how long before the H. pylori
    breath test do I stop my omeprazole?") does not outweigh the question's subject three to one."""
    outside = content_terms(_EXPANSION.sub(" ", query))
    out = dict(weights)
    for group in _EXPANSION.findall(query):
        added = [t for t in content_terms(group) if t in out and t not in outside]
        for term in added:
            out[term] = weights[term] / len(added)
    return out

def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# A word held by this many approved articles, and naming none, names no subject on its own.
BROAD_ARTICLES = 5
# How close in meaning (cosine) a follow-up's own best passage must be to move it to that passage's article.
MOVES_ON_SIMILARITY = 0.4
# A name's word as rare in the passages as a drug's or a mutation's (inverse document frequency).
RARE_NAME_WEIGHT = 4.5


# A greeting typed before the question, in words the embedder's vocabulary may not hold ("hiya").
_HELLO = re.compile(r"^\W*(?:hiya|heya|hi|hello|hey)(?: there)?\b", re.IGNORECASE)
# "my blood results" say nothing of which condition they are about.
_BLOOD_RESULTS = re.compile(r"\bblood (?:test )?(?:results?|tests?)\b|\bbloods\b", re.IGNORECASE)


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
    triage: Triage = field(default_factory=Triage)
    ranker: RankerModel | None = None  # None: the shipped one
    embed: Callable[[list[str]], np.ndarray] | None = None
    emergency_number: str = safety.DEFAULT_EMERGENCY_NUMBER
    crisis_line: str = safety.DEFAULT_CRISIS_LINE

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
        question = safety.clean_question(question)
        base: dict = {"question": question, "persona": persona, "disclaimer": safety.disclaimer(persona)}
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

        def reply(status: str, standalone: str, **fields: object) -> Answer:
            lap("total", started)
            mode = fields.pop("mode", self.mode)
            return Answer(
                **base,
                **fields,
                standalone_question=standalone,
                status=status,
                mode=mode,
                created_at=self.clock(),
                notices=notices,
                timings_ms=timings,
            )

        # 1. Triage, on the message's own words, before anything else.
        mark = time.perf_counter()
        decision = self.triage.decide(question, persona, [turn.question for turn in history])
        mark = lap("triage", mark)
        if decision.fires:
            notices.append(safety.urgent_notice(decision, persona, self.emergency_number, self.crisis_line))
        base["triage"] = decision.level.value
        # 2. Condense. An emergency is answered on its own words: a follow-up's context never reshapes it.
        condensed = Condensed(question, "own") if decision.fires else self._condense(question, history, notices)
        no_topic = decision.fires and not history and condense_offline(question, [], self.retriever.library_terms)
        if no_topic and no_topic.kind == "no_topic":
            # An urgent opener naming no topic ("my husband just got diagnosed with something and I'm really
            # scared"): the notice is the whole reply; an article found by its other words would put unrelated text
            # under it. In a conversation, the conversation's article may answer (below).
            return reply("urgent", question)
        standalone = condensed.question
        query = safety.urgent_query(question, decision.categories) if decision.fires else standalone
        query = rewrite(query, self.retriever.indexed_terms)  # the library's words for shorthand and brands
        mark = lap("condense", mark)
        if condensed.kind == "own" and not history and not decision.fires and self._names_nothing(query):
            condensed = Condensed(question, "no_topic")
        returned = condensed.kind == "inherited" and condensed.article is not None  # "back to my niece, ..."
        if not decision.fires and not returned and self._about_the_declined(question, history):
            # "what painkillers are ok for it?" just after "my mum has psoriatic arthritis" was declined: "it" is the
            # subject no approved article covers, not whatever article the painkillers are in.
            self._record_gap(question, persona, [])
            notices.append(Notice(kind=NoticeKind.NO_EVIDENCE, text=safety.no_evidence_message(persona)))
            return reply("abstained", standalone)
        if condensed.kind == "no_topic":
            notices.append(Notice(kind=NoticeKind.CLARIFY, text=safety.clarify_message(persona)))
            return reply("clarify", standalone, follow_ups=self._suggestions(question))
        # 3. Retrieve, 4. weigh the evidence: for each part of a question with two foci.
        # A follow-up that inherited the conversation's topic and names no other article's subject is one question
        # about it: the topic's title is appended to its end, so a split would leave the first part with no topic
        # ("...keep him on the ward, and do we send a tryptase? (anaphylaxis)" answered the ward stay from the
        # pneumonia article).
        article = (condensed.article or last_article(history)) if condensed.kind == "inherited" else None
        one_question = article is not None and not self.retriever.owners_beyond(article, content_terms(question))
        foci = (
            [query]
            if decision.fires or one_question
            else split_foci(
                query,
                self.retriever.library_terms,
                self.retriever.names_library_topic,
                self.retriever.indexed_terms,
            )
        )
        if len(foci) > 1:
            hits, asked, evidence = self._weigh_foci(query, foci, persona, notices)
            mark = lap("retrieve", mark)
        else:
            query = self._for_condition(query)
            hits = self.retriever.search(query, k=self.k)
            mark = lap("retrieve", mark)
            asked, evidence = self.weigh(query, hits, persona, follow_up=condensed.kind == "inherited",
                                         pointing=points_back(question))
            if evidence.action == "decline" and condensed.kind == "own" and not decision.fires:
                query, hits, asked, evidence = self._toward_rare_name(query, hits, asked, evidence, persona)
        mark = lap("evidence", mark)

        def abstain(why: str = "") -> Answer:
            if decision.fires:  # the urgent notice is the reply: no refusal box under it, no evidence gap
                return reply("urgent", standalone)
            self._record_gap(question, persona, hits)
            text = f"{safety.no_evidence_message(persona)} {why}".strip()
            notices.append(Notice(kind=NoticeKind.NO_EVIDENCE, text=text))
            return reply("abstained", standalone)

        # A new question about a subject whose article is not approved yet ("insomnia", "coeliac disease"):
        # another article's passing mention of it is no answer, and the reader is told why.
        new_topic = condensed.kind == "own" and not decision.fires
        # Whom it is about does not make an approved article its subject: "aspirin for primary prevention in a
        # diabetic" is the retired aspirin article's subject, not the diabetes article's. A follow-up is judged on
        # its own words: "for long covid: still breathless 5 months on" names an article not approved yet, whatever
        # the conversation was about.
        own_words = subject_terms(query) if new_topic else None
        if condensed.kind == "inherited" and not decision.fires:
            own_words = subject_terms(rewrite(question, self.retriever.indexed_terms))
        # A bare number is an age or a reading, never a subject: "my son (22) was just diagnosed coeliac" would
        # otherwise be named by "t(12;22)", a keyword of a sarcoma article.
        own_words = {t for t in own_words if not t.isdigit()} if own_words else None
        withheld = self.retriever.withheld_topics(own_words) if own_words else []
        if withheld:
            return abstain(safety.withheld_message(withheld))
        beyond = self._beyond_library(question) if condensed.kind == "own" and not decision.fires else []
        if beyond:
            return abstain(safety.not_covered_message(beyond))
        if decision.fires and history:
            # An urgent message that names no other subject is read with what the conversation was about: "now
            # she's got a pounding headache and sees sparkly spots" after pre-eclampsia is the pregnancy article's
            # warning sign, not migraine. Its own words answer when it asks about another condition ("could she be
            # depressed?" after dementia) or the conversation's article does not cover it ("collapsed and not
            # breathing" after gout). The notice above is unchanged: context only chooses the evidence.
            inherited = self._urgent_in_context(question, history)
            if inherited:
                context = safety.urgent_query(inherited, decision.categories)
                context = rewrite(context, self.retriever.indexed_terms)
                context_hits = self.retriever.search(context, k=self.k)
                context_asked, context_evidence = self.weigh(context, context_hits, persona, follow_up=True,
                                                             relax=False)
                if context_evidence.action != "decline":
                    query, hits, asked, evidence = context, context_hits, context_asked, context_evidence
        if evidence.action == "decline":
            return abstain()
        # 5. Compose, 6. cite.
        draft, mode = yield from self._compose(asked, evidence, persona, history, notices)
        mark = lap("compose", mark)
        cited = finalize(draft, evidence.hits)
        if mode != "offline" and not cited.direct and not cited.parts:
            notices.append(Notice(kind=NoticeKind.FALLBACK, text=safety.LLM_UNSUPPORTED_FALLBACK))
            draft, mode = self.offline.compose(asked, evidence, persona), "offline"
            removed = cited.not_supported  # what the model wrote stays listed under the offline answer
            cited = finalize(draft, evidence.hits)
            cited.not_supported = removed + cited.not_supported
        direct, parts, references = cited.direct, cited.parts, cited.references
        if not direct and parts:
            direct, parts[0].statements = parts[0].statements[:1], parts[0].statements[1:]
            parts = [p for p in parts if p.statements]
        if not direct:
            return abstain()
        # 7. Finish: what the reader must know about this answer.
        explained = lay_terms(question)
        uncovered = [term for term in evidence.uncovered if term not in explained]
        if uncovered and evidence.coverage < PARTIAL_COVERAGE:
            words = _words_for(question, uncovered)
            if words:
                notices.append(Notice(kind=NoticeKind.PARTIAL, text=safety.partial_message(words)))
        if evidence.technical_only:
            notices.append(Notice(kind=NoticeKind.TECHNICAL, text=safety.TECHNICAL_NOTICE))
        elif draft.professional and mode == "offline":
            notices.append(Notice(kind=NoticeKind.TECHNICAL, text=safety.PROFESSIONAL_NOTICE))
        if cited.not_supported:
            count = len(cited.not_supported)
            notices.append(
                Notice(
                    kind=NoticeKind.UNSUPPORTED,
                    text=f"{count} sentence{'s' if count != 1 else ''} the language model wrote "
                    f"{'are' if count != 1 else 'is'} not supported by the approved articles and "
                    f"{'were' if count != 1 else 'was'} removed from the answer; "
                    f"{'they are' if count != 1 else 'it is'} listed apart, unnumbered.",
                )
            )
        if any(r.sample for r in references):
            notices.append(Notice(kind=NoticeKind.SAMPLE, text=SAMPLE_NOTICE))
        notices += overdue_notices(references, evidence.hits, self.clock().date())
        lap("cite", mark)
        return reply(
            "answered",
            standalone,
            direct=direct,
            parts=parts,
            references=references,
            follow_ups=draft.follow_ups or follow_ups(standalone, evidence.hits),
            mode=mode,
            unsupported_count=len(cited.not_supported),
            not_supported=cited.not_supported,
            dropped_markers=draft.dropped_markers,
        )

    def weigh(
        self,
        query: str,
        hits: list[Hit],
        persona: Persona,
        follow_up: bool = False,
        pointing: bool = False,
        relax: bool = True,
    ) -> tuple[QuestionProfile, Evidence]:
        """Step 4 on its own: how the query is read and what evidence answers it (the ranker is fitted on it).

        A follow-up that inherited the conversation's topic is judged covered without its everyday words
        ("will he have to take tablets forever?" after epilepsy: "forever" is rare in the library); one that also
        points back at it (`pointing`), or shares enough of its words with it, is answered from the article all its
        closest passages come from, unless `relax` is off (an urgent follow-up read with the conversation's topic:
        only evidence the judgement accepts outright replaces the message's own)."""
        asked = profile(query)
        everyday = everyday_terms(query)
        # An inflected everyday word ("pints", "calms", "faller") is everyday too, unless it is a word of the
        # library's titles and keywords ("kidneys", "bloods"): those keep their full weight.
        inflected = everyday_terms(query, inflected=True) - everyday
        everyday |= inflected - self.retriever.library_terms(inflected)
        named_whole = self.retriever.names_library_topic(content_terms(query))

        def judge(min_coverage: float = 0.5) -> Evidence:
            return decide(
                asked,
                hits,
                persona,
                weigh=lambda terms: shared_by_expansions(query, self.retriever.term_weights(terms)),
                holding=self.retriever.articles_holding,
                everyday=everyday if follow_up else frozenset(),
                lenient=everyday | lay_terms(query),
                explained=explained_terms(query),
                named_whole=named_whole,
                threshold=self.abstain_threshold,
                min_coverage=min_coverage,
                expand=lambda kept, weights: self._with_sections(kept, persona, weights),
                embed=self.embed,
                ranker=self.ranker,
            )

        evidence = judge()
        if relax and follow_up and evidence.action == "decline" and self._one_close_article(hits) \
                and (pointing or evidence.coverage >= UNPOINTED_COVERAGE) and not self._has_new(query):
            # A follow-up that inherited the conversation's topic (condensing found no other subject named in it),
            # points back at it ("is that alright?", "is it the tablet?") and whose closest passages all come from
            # one article, close in meaning, asks about that article's subject in its own words: "she takes it at
            # breakfast with her calcium and a cuppa, is that alright?" after levothyroxine. Words the article never
            # uses ("cuppa", "vivid dreams") do not decline it.
            evidence = judge(min_coverage=0.0)
        if follow_up and evidence.action == "answer" and self._has_new(query, head=True):
            # "now he's come out in shingles", "he's asking about viagra too": something the library never names,
            # said to be had or asked about, is the follow-up's own subject, not a detail of the conversation's.
            evidence = Evidence("decline", evidence.hits, uncovered=evidence.uncovered, coverage=evidence.coverage)
        return asked, evidence

    def _beyond_library(self, question: str) -> list[str]:
        """The conditions a question is about that no approved article covers, though a covered one shares their
        words ("rheumatoid arthritis" and gout's "gouty arthritis", "HFpEF" and the HFrEF article, "knee
        osteoarthritis"; conversation.variant_named): a neighbour's passages would answer another disease. Not when the
        rest of the question names an article the condition's words do not ("I have rheumatoid arthritis and AF, which
        anticoagulant?")."""
        retriever = self.retriever
        named = variant_named(question, retriever.library_terms, retriever.names_together)
        if not named:
            return []
        theirs = content_terms(" ".join(named))
        rest = subject_terms(question) - theirs
        if retriever.named_owners(rest) - retriever.named_owners(theirs):
            return []
        return list(dict.fromkeys(named))

    def _for_condition(self, query: str) -> str:
        """A medicine asked about for a complaint by someone with a condition the library names ("I have stage 3
        kidney disease, can I take nurofen for my back pain?"): the question is asked without the complaint. The
        complaint's article names the medicine as a treatment; whether it is safe is the condition's article's."""
        complaint = _FOR_COMPLAINT.search(query)
        had = _HAVING.search(query[: complaint.start()]) if complaint else None
        if not had or not self.retriever.library_terms(content_terms(had.group(1)) - ASKING_TERMS):
            return query
        return (query[: complaint.end() - len(complaint.group("what"))] + query[complaint.end() :]).strip()

    def _about_the_declined(self, question: str, history: list[Turn]) -> bool:
        """A follow-up pointing back ("it", "that") just after a declined question, naming no word of any
        article's title or keywords ("what painkillers are ok for it?"): it asks about what was declined. One
        that names a library subject ("what about my anxiety?", "my iron is low too") asks about that."""
        if not history or history[-1].answer.status != "abstained" or not points_back(question):
            return False
        if len(content_terms(question)) >= MOVES_ON_TERMS:
            return False  # long enough to tell a situation of its own ("she also asked about ibuprofen for...")
        told = rewrite(question, self.retriever.indexed_terms)  # "Lipitor" is the library's "atorvastatin"
        return not self.retriever.library_terms(set(profile(told).topic))

    def _urgent_in_context(self, question: str, history: list[Turn]) -> str:
        """An urgent follow-up with the conversation's topic, when it names nothing the conversation's article does
        not hold: a headache and flashing lights after pre-eclampsia are its warning signs, though "headache" is
        also the migraine article's keyword. Empty when it names another subject."""
        article, topic = last_article(history), last_topic(history)
        if not article or not topic:
            return ""
        offline = self._condense_offline(question, history)
        if offline.kind == "inherited" and offline.article:
            # a return to an earlier topic: "back to my husband - his stroke score..."
            return self._condense(question, history, [], offline).question
        named = self.retriever.library_terms(content_terms(question))
        held = self.retriever.articles_holding(named) if named else {}
        described = not _HYPOTHESIS.search(question) and not unknown_condition(question, self.retriever.library_terms)
        if described and all(article in held.get(term, ()) for term in named):
            if qualifiers_of(question) & {"pregnancy", "children", "older"}:
                # "30 weeks pregnant and her bp was 145/92" after high blood pressure "in adults": the group said
                # now, not the conversation's, decides which article's signs these are (as condensing does).
                topic = FOR_GROUP.sub("", topic) or topic
            return f"{question.strip()} ({topic})"
        condensed = self._condense(question, history, [], offline)
        return condensed.question if condensed.kind == "inherited" else ""

    def _one_close_article(self, hits: list[Hit]) -> bool:
        """The closest passages all come from one article, and are close in meaning."""
        lead = hits[:FOLLOW_UP_LEAD]
        one = len({h.article_id for h in lead}) == 1
        return one and max(h.similarity or 0.0 for h in lead) >= self.abstain_threshold

    def _has_new(self, query: str, head: bool = False) -> bool:
        """Someone said to have something the library never names ("mum has pernicious anaemia", "he's also got
        warts"): a new subject, not a detail of the conversation's article. With `head`, only when the first word
        said is a specialised one the library lacks ("come out in shingles"; not "got a stomach bug", "a pounding
        headache" or "ankles have puffed up", which are everyday English, nor a lay word the rewrite gives the
        library's wording: "got thrush")."""
        for match in _HAS.finditer(query):
            terms = content_terms(match.group(1)) - ASKING_TERMS
            if head:
                # The first word said, if specialised: "pounding", "wedding" and "puffed" are everyday English.
                first = next((w for w in re.findall(r"[a-z]+", match.group(1).lower()) if content_terms(w) & terms), "")
                terms = content_terms(first) - everyday_terms(first, inflected=True) - lay_terms(query)
            if terms - self.retriever.indexed_terms(terms):
                return True
        return False

    def _weigh_foci(
        self, query: str, foci: list[str], persona: Persona, notices: list[Notice]
    ) -> tuple[list[Hit], QuestionProfile, Evidence]:
        """Each part searched and weighed on its own; the parts with evidence merged, the others named."""
        weighed = []
        for focus in foci:
            hits = self.retriever.search(focus, k=self.k)
            weighed.append((focus, hits, self.weigh(focus, hits, persona)[1]))
        covered = [evidence for _, _, evidence in weighed if evidence.action == "answer"]
        missing = [focus for focus, _, evidence in weighed if evidence.action != "answer"]
        if not covered:
            return weighed[0][1], profile(query), weighed[0][2]
        for focus in missing:
            words = _words_for(focus, sorted(profile(focus).topic))
            if words:
                notices.append(Notice(kind=NoticeKind.PARTIAL, text=safety.partial_message(words)))
        hits = [h for _, found, _ in weighed for h in found]
        return hits, profile(query), merge(covered)

    def _condense(
        self, question: str, history: list[Turn], notices: list[Notice], offline: Condensed | None = None
    ) -> Condensed:
        """Offline rules decide whether a follow-up inherits (`offline`, when already read); an LLM may reword it,
        checked before use."""
        offline = offline or self._condense_offline(question, history)
        if not history or offline.kind != "inherited" or not self.llm:
            return offline
        try:
            rewritten = self.llm.condense(question, history)
        except LLMError as exc:
            error_id = report("LLM condense failed", exc, log)
            notices.append(
                Notice(
                    kind=NoticeKind.FALLBACK,
                    text="The language model could not be reached to read the "
                    f"follow-up (error id {error_id}); the topic of the previous answer was used instead.",
                )
            )
            return offline
        checked = valid_condensed(rewritten, offline)
        return Condensed(checked, "inherited", offline.topic, offline.article) if checked else offline

    def _condense_offline(self, question: str, history: list[Turn]) -> Condensed:
        """The offline rules' reading of a follow-up, with the library's names (no LLM)."""
        return condense_offline(
            question,
            history,
            self.retriever.library_terms,
            self.retriever.names_library_topic,
            self._stays_on,
            lambda terms: bool(self.retriever.topic_owners(terms)),
            self._broad,
            self._moves_on,
            self.retriever.names_together,
        )

    def _names_nothing(self, query: str) -> bool:
        """An opener that only tells who is asking and what about in situation words (SITUATION_TERMS), none of
        them a word of any title or keyword: "I'm 56 and got a letter from my GP", "good morning, hoping you can
        help with something about my son". Which condition it is about decides the answer, so it is asked. Not "my
        bp was 150/95" nor "my lower back": a title's or keyword's word names a topic (measured: clarifying any
        everyday opener lost 79 labelled turns, and asked "what is compound interest?" back instead of declining)."""
        said = set(profile(query).topic)
        query = _BLOOD_RESULTS.sub(" results ", _HELLO.sub(" ", query))  # "my blood results": which condition?
        topic = set(profile(query).topic)
        # What is done with a medicine or a test ("recheck", "repeating", "adjust") says no more which one it is
        # (fresh37 read: "how soon do we recheck bloods after starting it?").
        rest = topic - MEDICINE_ACTIONS
        if said and not rest and said != topic:
            return True  # "how often do the bloods need doing?": only the tests were named
        # A medicine named only by its form ("is it safe to just stop my injection?", "how often does she need the
        # injections?") names no subject either (session 31, every labelled conversation: 2 clarifications gained, no
        # turn lost), even where a keyword holds the form's word ("epidural steroid injection") or it is a plural.
        everyday = everyday_terms(query, inflected=True)  # with the plain everyday words: "injections" too
        if not rest or not rest <= everyday | MEDICINE_FORMS or not rest <= SITUATION_TERMS | MEDICINE_FORMS:
            return False
        retriever = self.retriever
        if retriever.library_terms(rest - MEDICINE_FORMS):
            return False  # "my bp was 150/95", "my lower back": a word of a title or keyword
        return not retriever.names_library_topic(content_terms(query)) and not retriever.topic_owners(rest)

    def _broad(self, terms: set[str]) -> bool:
        """Words many articles use and no title or keyword has ("antibiotics", "scoring system"): no subject."""
        retriever = self.retriever
        if not terms or retriever.library_terms(terms) or retriever.topic_owners(terms):
            return False
        held = retriever.articles_holding(terms)
        return all(len(held.get(term, ())) >= BROAD_ARTICLES for term in terms)

    def _toward_rare_name(
        self, query: str, hits: list[Hit], asked: QuestionProfile, evidence: Evidence, persona: Persona
    ) -> tuple[str, list[Hit], QuestionProfile, Evidence]:
        """A declined question naming a drug, test or mutation that only one article names ("criteria for adding
        finerenone?", "and PDGFRA D842V specifically?"), but not that article's topic: asked again with the topic,
        as a follow-up carries its conversation's. The search had put other articles first, or the evidence stage
        found too few of the question's words in that article's passages. Only a decline is asked again: done for
        every question, it pulled "stop omeprazole before the H. pylori breath test" to the reflux article."""
        if unknown_condition(query, self.retriever.library_terms):
            return query, hits, asked, evidence  # "biologics for plaque psoriasis?": the subject is not in the library
        named = self.retriever.rarely_named(content_terms(query), RARE_NAME_WEIGHT)
        if named is None or content_terms(topic_of(named[1])) <= content_terms(query):
            return query, hits, asked, evidence
        again = f"{query} ({topic_of(named[1])})"
        found = self.retriever.search(again, k=self.k)
        weighed = self.weigh(again, found, persona)
        if weighed[1].action == "decline":
            return query, hits, asked, evidence
        return again, found, *weighed

    def _moves_on(self, question: str, article_id: str) -> bool:
        """Whether a follow-up's best passage, found on its own words, is another article's, close in meaning
        (MOVES_ON_SIMILARITY) and closer than any passage of the conversation's article found with it: a switch
        told by a symptom, a result or a diagnosis in everyday words (measured on every labelled conversation,
        docs/benchmarks.md)."""
        hits = self.retriever.search(question, k=self.k)
        if not hits or hits[0].article_id == article_id or (hits[0].similarity or 0.0) < MOVES_ON_SIMILARITY:
            return False
        own = [h.similarity or 0.0 for h in hits if h.article_id == article_id]
        return not own or max(own) < (hits[0].similarity or 0.0)

    def _stays_on(self, article_id: str, named: set[str], asked: set[str]) -> bool:
        """The conversation's article holds every new word of the follow-up (in its passages, or as one of its own
        keywords named whole: "should I push for an MRI?" after back pain), and no other article is named (by its
        title or a keyword) for what it asks about that the conversation's article is not named for too."""
        held = self.retriever.articles_holding(named)
        own_names = self.retriever.named_for(article_id, named)
        if not all(article_id in held.get(term, ()) or term in own_names for term in named):
            return False
        return not self.retriever.owners_beyond(article_id, asked)

    def _suggestions(self, question: str) -> list[str]:
        """Questions that name a topic, for a message that names none."""
        hits = self.retriever.search(question, k=self.k)
        topics = list(dict.fromkeys(topic_of(h.title) for h in hits))[:3]
        wanted = question.strip().rstrip("?.! ").strip()
        return [f"{wanted} for {topic}?" for topic in topics] if wanted else []

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

    def _with_sections(self, hits: list[Hit], persona: Persona, weights: dict[str, float]) -> list[Hit]:
        """Plain-language summaries of the top articles for lay readers. For clinicians, the leading article's
        other passages that hold a word of the question no passage found holds (`passages_filling`), and its
        research section when no research passage is there yet; the article is read once. (Filling is not done
        for lay readers: technical passages added that way outranked the plain answer on the read splits.)"""
        if self.articles is None or not hits:
            return hits
        if persona.lay:
            return self._with_section(hits, PLAIN_SECTION, articles=2)
        lead = hits[0].article_id
        unseen = self._unseen(hits, lead, self.articles.article_chunks(lead))
        hits = hits + passages_filling(weights, [h for h in hits if h.article_id == lead], unseen)
        if any(passage_kind(h) is PartKind.RESEARCH for h in hits):
            return hits
        added = {h.chunk_id for h in hits}
        return hits + [h for h in unseen if h.section == RESEARCH_SECTION and h.chunk_id not in added]

    def _with_section(self, hits: list[Hit], section: str, articles: int) -> list[Hit]:
        """Add a section of the top articles as sources."""
        extra: list[Hit] = []
        for article_id in list(dict.fromkeys(h.article_id for h in hits))[:articles]:
            extra += self._unseen(hits + extra, article_id, self.articles.article_chunks(article_id, section))
        return hits + extra

    @staticmethod
    def _unseen(hits: list[Hit], article_id: str, chunks: list[Chunk]) -> list[Hit]:
        """An article's approved chunks not among the hits, as hits scored like the article's best one."""
        top = next(h for h in hits if h.article_id == article_id)
        seen = {h.chunk_id for h in hits}
        fresh = [c for c in chunks if c.chunk_id not in seen and c.review_status is ReviewStatus.APPROVED]
        return [
            Hit(**c.model_dump(), rank=len(hits) + n, score=top.score, similarity=top.similarity)
            for n, c in enumerate(fresh, start=1)
        ]

    def _compose(
        self,
        question: QuestionProfile,
        evidence: Evidence,
        persona: Persona,
        history: list[Turn],
        notices: list[Notice],
    ) -> Generator[str, None, tuple[Draft, str]]:
        hits = evidence.hits
        if self.llm:
            try:
                draft = yield from self.llm.stream(question.text, hits, persona, history)
                draft = _regroup(draft, hits)
                if draft.direct or any(draft.parts.values()):
                    return draft, self.llm.name
                reason = "its reply cited none of the approved sources"
            except LLMError as exc:  # our own words and an id; the server's text goes nowhere
                error_id = report("LLM answer failed", exc, log)
                reason = f"{exc}; error id {error_id}"  # LLMError texts are ours: kind and status, no server text
            notices.append(
                Notice(
                    kind=NoticeKind.FALLBACK,
                    text=f"The language model did not give a usable answer ({reason}); this answer was composed "
                    "offline from the approved articles instead.",
                )
            )
        draft = self.offline.compose(question, evidence, persona)
        return draft, "offline"


def _words_for(question: str, stems: list[str]) -> list[str]:
    """The question's own words behind the stems no approved passage covers."""
    found: list[str] = []
    for word in re.findall(r"[\w'-]+", question):
        if set(tokens(word)) & set(stems) and word.lower() not in (w.lower() for w in found):
            found.append(word)
    return found[:3]


def _regroup(draft: Draft, hits: list[Hit]) -> Draft:
    """A statement joins the guideline part only when it cites a guideline passage; one citing nothing is set apart."""
    regrouped: dict[PartKind, list[Statement]] = {}
    for statements in draft.parts.values():
        for statement in statements:
            if not statement.citations:
                draft.uncited.append(statement)
                continue
            kinds = {passage_kind(hits[c - 1]) for c in statement.citations}
            kind = next(k for k in PartKind if k in kinds)
            regrouped.setdefault(kind, []).append(statement)
    draft.parts = regrouped
    draft.uncited += [s for s in draft.direct if not s.citations]
    draft.direct = [s for s in draft.direct if s.citations]
    return draft
