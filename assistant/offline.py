"""The offline composer: an extractive, deterministic answer built from approved sentences.

It never writes a clinical sentence of its own. The evidence stage has already ranked every candidate
sentence for how well it answers the question; this composer picks the direct answer (the best sentence
that states the fact asked, one to three of them), then fills "From the guidelines", "From the research"
and other approved text with the next best, skipping near-duplicates and keeping each sentence's passage.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.citations import Draft
from assistant.evidence import DANGLING, UK_BODIES, Candidate, Evidence, bodies_named
from assistant.models import PartKind, Persona, Statement
from assistant.question import ANSWER_SHAPE, QuestionProfile
from assistant.vocabulary import topic_of
from knowledge.intent import query_intents
from knowledge.schema import Hit
from knowledge.text import tokens


@dataclass(frozen=True)
class Style:
    """How much of each part a reader gets."""

    direct: int
    guidelines: int
    research: int
    other: int


STYLES = {
    Persona.PHYSICIAN: Style(direct=2, guidelines=4, research=3, other=2),
    Persona.NURSE: Style(direct=2, guidelines=4, research=2, other=2),
    Persona.STUDENT: Style(direct=2, guidelines=4, research=3, other=2),
    Persona.PATIENT: Style(direct=3, guidelines=1, research=1, other=2),
    Persona.CAREGIVER: Style(direct=3, guidelines=1, research=1, other=2),
}
# A sentence joins the evidence parts only when it scores at least this share of the best one (the ranker's
# probabilities; on dev, 0.45 -> 0.2 put the key fact somewhere in the reply more often at the same grade).
MIN_SHARE = 0.2
# Patients and caregivers: sentences above this reading grade join the evidence parts only when nothing
# plainer does; in the direct answer each grade above it discounts a sentence's score by LAY_DISCOUNT
# (exp(-0.2) = 0.82 per grade), so a plain sentence that answers leads a technical one that answers a
# little better. Measured on the dev split: reply grade against key fact in the direct answer.
LAY_GRADE = 8.0
LAY_DISCOUNT = 0.2
# A lay reader's short answer also takes a sentence written for professionals: among the PROFESSIONAL_DEPTH best
# by the ranker's score read as a clinician's (Candidate.fact_score), the first not chosen that scores at least
# PROFESSIONAL_MARGIN of the best and reads at grade PROFESSIONAL_GRADE or below. It is shown apart, labelled as
# written for professionals. Measured on the read splits (session 11): cap 15 -> 18 moved lay key facts in the
# direct answer fresh3 0.717 -> 0.761 and fresh4 0.68 -> 0.74 (dev, fresh2 unchanged); the plain text's median
# grade stays 4.7-5.0, the whole reply's, professionals' sentences included, 7.9-9.5 (7.0-8.2 at cap 15).
PROFESSIONAL_MARGIN = 0.8
PROFESSIONAL_DEPTH = 2
# When nothing chosen states the specific fact asked, a professionals' sentence that states it may come from the
# SHAPED_DEPTH best by fact score, at SHAPED_MARGIN of the best.
SHAPED_DEPTH = 6
SHAPED_MARGIN = 0.4
PROFESSIONAL_GRADE = 18.0
# A sentence of the shape asked may lead over a better-scored one when it scores at least this share of it.
SHAPE_SHARE = 0.5
# A further sentence joins the direct answer when it scores at least this share of the first.
DIRECT_SHARE = 0.3


# A clinician's short answer leads with a plain-language sentence only when no professionals' sentence scores at
# least this share of it.
CLINICIAN_PLAIN_SHARE = 0.5
# Sentences about the article rather than the condition: an editor's note on which guideline version a section
# follows.
_ABOUT_THE_TEXT = re.compile(
    r"\b(?:points|sections?|recommendations|statements|figures) (?:below|above)\b|\bthis (?:article|page|summary)\b|"
    r"\bre-?checked against\b",
    re.IGNORECASE,
)


# A sentence that agrees with whom the question is about (what it says is absent, "no comorbidities"; an age
# inside the sentence's age band) may lead over a better-scored one when it scores at least this share of the best.
AGREEMENT_SHARE = 0.25
# ...and one that speaks to a number a lay reader gives, at this share (session 23: 2 read questions gained, none lost).
READING_SHARE = 0.1
_NEGATED = re.compile(r"\b(?:no|without|non)[- ]([a-z][a-z-]{3,})", re.IGNORECASE)
_AGE = re.compile(
    r"\b(\d{1,2}) ?(?:-| )?(?:years?|yrs?|yo|y/o)(?:[- ]old)?\b|\baged (\d{1,2})\b|"
    # Said of oneself or a relative: "im 82", "my mum is 84", "she's 79 now".
    r"\b(?:i'?m|i am|he'?s|she'?s|he is|she is|(?:mum|mom|dad|mother|father|husband|wife|partner|gran|granny|grandad|"
    r"grandma|grandpa|nan|nana) is) (\d{2})\b(?! ?(?:weeks|wks|kg|kgs|stone|st|lbs?|cm|%|mg|/|\.\d|mmol))",
    re.IGNORECASE,
)
_BAND = re.compile(
    r"\b(?:aged |ages )?(\d{1,2}) ?(?:to|-|–) ?(\d{1,2})(?: years)?\b(?! ?(?:months|weeks|days|hours|mg|%))|"
    # "aged 80 and over", "75 or older": that age included.
    r"\b(\d{1,2}) (?:years )?(?:and|or) (?:over|above|older)\b|"
    r"\b(?:over|above|older than) (\d{1,2})\b(?! ?(?:months|weeks|mg|%))|"
    r"\b(?:under|below|younger than) (\d{1,2})\b(?! ?(?:months|weeks|mg|%))",
    re.IGNORECASE,
)


def _absent(text: str) -> frozenset[str]:
    """Stems of what the question says is absent: "no comorbidities", "without diabetes", "non-smoker"."""
    return frozenset(t for m in _NEGATED.finditer(text) for t in tokens(m.group(1))[:1])


def _age(text: str) -> int | None:
    """The age in years a question gives ("a 9 yr old", "aged 70"), if one."""
    match = _AGE.search(text)
    return int(next(group for group in match.groups() if group)) if match else None


def _in_band(text: str, age: int) -> bool:
    """Whether an age band the sentence states ("aged 6 to 12", "over 65") holds the age."""
    for match in _BAND.finditer(text):
        low, high, least, over, under = match.groups()
        if low is not None and int(low) <= age <= int(high):
            return True
        if least is not None and age >= int(least):
            return True
        if (over is not None and age > int(over)) or (under is not None and age < int(under)):
            return True
    return False


# A number the question gives, with its unit if one follows: "my HbA1c came back as 45", "aspirin 300mg", "2 weeks".
_UNITS = (r"(mg|mcg|micrograms?|g/l|g/dl|mmol/l|mmol/mol|mmol|micromol/l|umol/l|ng/ml|mg/dl|mmhg|bpm|%|ml|"
          r"kg|units?|iu|cm|mm|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)\b")
_GIVEN = re.compile(rf"(?<![\w.,/(])(\d+(?:\.\d+)?)(?![\d/)])\s?(?:{_UNITS})?", re.IGNORECASE)
_TIME_UNITS = {"minute": "min", "min": "min", "hour": "hour", "hr": "hour", "day": "day", "week": "week", "wk": "week",
               "month": "month", "year": "year", "yr": "year"}
# What a sentence says of numbers: one, a range ("42 to 47 mmol/mol"), or a limit ("below 105 g/L", "at least 300").
_RANGE = re.compile(
    rf"(?<![\d.])(\d+(?:\.\d+)?)\s?(?:{_UNITS}\s?)?(?:to|-|–)\s?(\d+(?:\.\d+)?)(?![\d.])\s?(?:{_UNITS})?",
    re.IGNORECASE,
)
_LIMIT = re.compile(
    rf"\b(below|under|less than|lower than|above|over|more than|higher than|at least)\s(\d+(?:\.\d+)?)(?![\d.])\s?"
    rf"(?:{_UNITS})?|(\d+(?:\.\d+)?)\s?(?:{_UNITS})?\)?\s(or (?:more|above|higher|over)|or (?:less|below|lower))\b",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s*(?:from\s*|between\s*)?$", re.IGNORECASE)
# A limit speaks to a number near it ("Hb 102" and "below 105 g/L"), not to any number on its side.
LIMIT_NEAR = 1.5


def _readings(text: str) -> list[tuple[float, str]]:
    """The numbers a question gives (not an age, a year or a code's digit), each with the unit after it or ""."""
    ages = {m.span() for m in _AGE.finditer(text)}
    found = []
    for match in _GIVEN.finditer(text):
        if any(start <= match.start() < end for start, end in ages):
            continue
        value, unit = float(match.group(1)), (match.group(2) or "").lower()
        if re.match(r"[mf]\b|yo\b|y/o", text[match.end():match.end() + 3], re.IGNORECASE):
            continue  # "62M", "70yo": an age in a clinician's shorthand
        if re.match(r"\s*(?:weeks?|wks?)\s+(?:pregnant|gestation)", text[match.end(1):], re.IGNORECASE):
            continue  # "22 weeks pregnant": whom the question is about, not what it asks
        if 1900 <= value <= 2100 or (value < 10 and not unit):
            continue  # a year; a bare small number ("stage 3", "type 2") is a code, not a reading
        found.append((value, unit))
    return found


def _time_unit(unit: str) -> str | None:
    return next((name for prefix, name in _TIME_UNITS.items() if unit.startswith(prefix)), None)


def _same_kind(asked: str, stated: str | None) -> bool:
    """Whether two numbers' units may be the same quantity: a time only as the same time unit ("2 weeks" is not
    "2 days", nor a bare "45" "45 years"); other units are not told apart (a question rarely gives one)."""
    stated = (stated or "").lower()
    if _time_unit(asked) or _time_unit(stated):
        return _time_unit(asked) == _time_unit(stated)
    return True


def _states_reading(text: str, readings: list[tuple[float, str]]) -> bool:
    """Whether the sentence speaks to a number the question gives: the same number, or a range or limit holding it
    ("my HbA1c is 45" and "42 to 47 mmol/mol is prediabetes"; "Hb 102 in pregnancy" and "below 105 g/L")."""
    for value, unit in readings:
        # "screened from age 45 to 75" is an age band, not an HbA1c of 45 (unless years were asked)
        skip_age_bands = _time_unit(unit) != "year"
        for match in _GIVEN.finditer(text):
            if skip_age_bands and _AGE_BEFORE.search(text[: match.start()]):
                continue
            if float(match.group(1)) == value and _same_kind(unit, match.group(2)):
                return True
        for match in _RANGE.finditer(text):
            if skip_age_bands and _AGE_BEFORE.search(text[: match.start()]):
                continue
            if float(match.group(1)) <= value <= float(match.group(3)) and _same_kind(unit, match.group(4)):
                return True
        for match in _LIMIT.finditer(text):
            word, limit, stated = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
                match.group(6), match.group(4), match.group(5))
            if not _same_kind(unit, stated) or not float(limit) / LIMIT_NEAR <= value <= float(limit) * LIMIT_NEAR:
                continue
            below = bool(re.search(r"below|under|less|lower", word, re.IGNORECASE))
            if (below and value < float(limit)) or (not below and value >= float(limit)):
                return True
    return False


def _agrees(text: str, absent: frozenset[str], age: int | None, readings: list[tuple[float, str]]) -> int:
    """How well the sentence fits whom the question is about: one point each for saying absent what the question
    says is absent, for an age band that holds its age, and for speaking to a number it gives. (Naming it is no
    misfit: "doxycycline for penicillin allergy" follows the first-line drug for people without one.)"""
    return (int(bool(absent & _absent(text))) + int(age is not None and _in_band(text, age))
            + int(bool(readings) and _states_reading(text, readings)))


def _for_reader(
    question: QuestionProfile, pool: list[Candidate], persona: Persona, readings: list[tuple[float, str]]
) -> list[Candidate]:
    """The ranked sentences in the order the short answer may take them, for this reader and this question."""
    if persona.lay:
        pool.sort(key=lambda c: -c.score * math.exp(-LAY_DISCOUNT * max(0.0, _lay_grade(c) - LAY_GRADE)))
    else:
        # A clinician is answered from the professionals' text when it answers nearly as well: "urine test for
        # carcinoid syndrome" is the 24-hour urinary 5-HIAA, not "a urine test can check for extra hormones".
        technical = next((c for c in pool if not c.plain), None)
        if pool[0].plain and technical and technical.score >= CLINICIAN_PLAIN_SHARE * pool[0].score:
            pool.sort(key=lambda c: c.plain)  # stable: each group keeps its order
    # "CAP, no comorbidities": the sentence for people without them answers, the one for people with them does
    # not; "a 9 year old": the sentence whose age band holds 9 does. Only among those scoring near the best.
    # A number a lay reader gives is usually what they ask about ("my HbA1c came back as 45"); a clinician's case
    # gives many as context ("Hb 98, MCV 76, ferritin 60, CRP 85"), and preferring them lost more than it found.
    absent, age = _absent(question.text), _age(question.text)
    if absent or age is not None or readings:
        cut = (READING_SHARE if readings else AGREEMENT_SHARE) * pool[0].score
        pool.sort(key=lambda c: (0, -_agrees(c.text, absent, age, readings)) if c.score >= cut else (1, 0))
    # A note about the text itself ("the points below come from its 2024 update") is never the answer.
    pool.sort(key=lambda c: bool(_ABOUT_THE_TEXT.search(c.text)))
    return pool


def _technical(candidate: Candidate) -> bool:
    """Written for professionals: not from a plain-language section, and past a lay reader's grade."""
    return not candidate.plain and candidate.grade > LAY_GRADE


def _lay_grade(candidate: Candidate) -> float:
    """The grade a lay reader's discount uses: an article's own plain-language sentence counts as plain, because
    a long list of warning signs written for patients scores a high grade on length alone."""
    return min(candidate.grade, LAY_GRADE) if candidate.plain else candidate.grade


def _near_duplicate(candidate: Candidate, chosen: list[Candidate]) -> bool:
    for other in chosen:
        union = candidate.terms | other.terms
        if union and len(candidate.terms & other.terms) / len(union) > 0.6:
            return True
    return False


def _direct(question: QuestionProfile, ranked: list[Candidate], persona: Persona) -> list[Candidate]:
    """The sentences that state the answer: the fact asked, for the population asked about."""
    style = STYLES[persona]
    readings = _readings(question.text) if persona.lay else []  # the numbers a lay reader gives (see _for_reader)
    pool = _for_reader(question, list(ranked), persona, readings)
    # "Gout is a type of arthritis" answers only "what is gout?": a definition never leads another question.
    # A definition that states the kind of fact asked may lead: "septic shock is... lactate above 2 mmol/L
    # despite fluids" answers "lactate threshold for septic shock".
    defining = [
        c for c in pool if c.defines and "definition" not in question.intents and not (question.specific and c.shape)
    ]
    if defining and len(defining) < len(pool):
        pool = [c for c in pool if c not in defining] + defining
    if question.specific:
        # A sentence of the shape asked (a duration for "how long") leads, but only one on the question's focus
        # that scores near the best: "recheck lipids 4-8 weeks after starting" is a duration, not the answer to
        # "how long will I be on the two blood thinners".
        # A sentence holding the number a lay reader gives ("my eGFR is 38": "G3b 30 to 44") is on the focus asked
        # whatever its words.
        shaped = [c for c in pool[:6] if _states(question, c)
                  and (c.relevance > 0 or (readings and _states_reading(c.text, readings)))
                  and c.score >= SHAPE_SHARE * pool[0].score]
        if shaped:
            pool = shaped + [c for c in pool if c not in shaped]
    foci = sorted({c.focus for c in ranked})
    if len(foci) == 1:
        # The answer leads from the article the evidence stage put first (named by the question, or holding most
        # of it): "on sertraline for my depression, can I stop?" opens with the depression article, not with
        # the anxiety article's sentence on stopping. Sentences from other articles may follow.
        lead = min(ranked, key=lambda c: c.position).article_id
        # ...unless the question does not name that article and another article's sentence on what was asked
        # answers far better than any of its own (fresh26 read back: "type 1, stomach bug, can't keep food down, do I
        # still take my long-acting insulin?" found the reflux article first; the ketoacidosis article's "never stop
        # your long-acting insulin, even if you are not eating" scored several times its best).
        own = next(c for c in ranked if c.article_id == lead)  # its best sentence (ranked is best first)
        top = ranked[0]
        if top.article_id != lead and top.relevance > 0 and (top.article_named or not own.article_named) \
                and top.score >= OTHER_ARTICLE_LEADS * own.score:
            lead = top.article_id
        pool = [c for c in pool if c.article_id == lead] + [c for c in pool if c.article_id != lead]
    first = pool[0]
    chosen = [first]
    if len(foci) > 1:  # a two-part question: the best sentence for each part, in the order asked
        leads = [next(c for c in pool if c.focus == focus) for focus in foci]
        chosen = leads[: max(style.direct, len(leads))]
        chosen += _each_intent(question, chosen, pool)
        return chosen + _the_maximum(question, chosen, pool)
    for candidate in pool[1:]:
        if len(chosen) >= style.direct:
            break
        if candidate.score < DIRECT_SHARE * first.score or _near_duplicate(candidate, chosen):
            continue
        if question.specific and not candidate.shape:
            continue
        if persona.lay and _lay_grade(candidate) > LAY_GRADE + 3:
            continue
        chosen.append(candidate)
    chosen = _in_context(chosen, ranked, style.direct, question.text)
    chosen += _each_body(question, chosen, pool)
    chosen += _each_intent(question, chosen, pool)
    chosen += _the_maximum(question, chosen, pool)
    if persona.lay:  # plain language reads best in its own order
        chosen = _reading_order(chosen + _read_on(chosen, ranked, style.direct))
        chosen += _professional(question, ranked, chosen) if not question.specific \
            else _clinicians_lead(question, ranked, chosen)
    return chosen


def _states(question: QuestionProfile, candidate: Candidate) -> bool:
    """Whether the sentence has the shape of a specific fact asked (a dose for "how much"), not only of a
    general intent the question also reads as ("caused by a clot" told as background is not what is asked)."""
    return any(ANSWER_SHAPE[intent].search(candidate.text) for intent in question.specific)


# How many times the best sentence of the article retrieval put first another article's sentence must score to lead.
OTHER_ARTICLE_LEADS = 2.0
# How far down the ranking a part of the question may find its sentence, and how near the best it must score.
INTENT_DEPTH = 8
INTENT_SHARE = 0.05


# Beside another fact asked, a first-line choice is stated only in these words: "recommends an initial MAP target
# of 65" has the broad shape of a first-line answer ("recommends", "initial") but names no first-line drug.
_EACH_SHAPE = {
    "first_line": re.compile(r"\b(?:first[- ]line|drug of choice|agent of choice|preferred|mainstay)\b", re.I),
}


def _each_intent(question: QuestionProfile, chosen: list[Candidate], pool: list[Candidate]) -> list[Candidate]:
    """A question asking two specific facts ("how much aspirin and when do I start", "what dose is he on and for
    how long") is answered on each: for a fact no chosen sentence states, the best-ranked sentence near the top
    that states it, on the question's topic."""
    if len(question.specific) < 2:
        return []
    added: list[Candidate] = []
    for intent in sorted(question.specific):
        shape = _EACH_SHAPE.get(intent, ANSWER_SHAPE[intent])
        if any(shape.search(c.text) for c in chosen + added):
            continue
        pick = _best_stating(shape, chosen + added, pool)
        if pick is not None:
            added.append(pick)
    return added


def _best_stating(shape: re.Pattern[str], chosen: list[Candidate], pool: list[Candidate]) -> Candidate | None:
    """The best-ranked sentence near the top that has the shape, is on the question's topic, scores near the best,
    and neither is nor repeats a chosen one."""
    top = pool[0].score if pool else 0.0
    return next((c for c in pool[:INTENT_DEPTH] if c not in chosen and c.relevance > 0 and c.score >= INTENT_SHARE * top
                 and shape.search(c.text) and not _near_duplicate(c, chosen)), None)


_ASKS_MAXIMUM = re.compile(r"\b(?:max|maximum|upper limit|most (?:you|i|he|she|they) can)\b", re.I)
_STATES_MAXIMUM = re.compile(r"\b(?:max|maximum|up to|no more than|not (?:to )?exceed\w*)\b", re.I)


def _the_maximum(question: QuestionProfile, chosen: list[Candidate], pool: list[Candidate]) -> list[Candidate]:
    """A question asking the maximum ("mg/kg and max dose?") is answered with a sentence that states one, when the
    chosen ones do not: the best-ranked near the top, on the question's topic."""
    if not _ASKS_MAXIMUM.search(question.text) or any(_STATES_MAXIMUM.search(c.text) for c in chosen):
        return []
    pick = _best_stating(_STATES_MAXIMUM, chosen, pool)
    return [pick] if pick is not None else []


def _each_body(question: QuestionProfile, chosen: list[Candidate], pool: list[Candidate]) -> list[Candidate]:
    """A question that compares what two issuers say ("ACG 2022 vs NICE CG184", "USPSTF and the UK programmes")
    is answered with each one's sentence: the best sentence of each named issuer the direct answer lacks (one of
    the shape asked when there is one)."""
    asked = bodies_named(question.text)
    issuers = asked - {"uk"} if len(asked & UK_BODIES) > 1 else asked
    if len(issuers) < 2:
        return []
    added: list[Candidate] = []
    for body in sorted(issuers):
        if any(body in bodies_named(c.text) for c in chosen + added):
            continue
        theirs = [c for c in pool if c.relevance > 0 and body in bodies_named(c.text) and c not in chosen + added]
        shaped = [c for c in theirs if c.shape] if question.specific else []
        pick = next((c for c in shaped or theirs if not _near_duplicate(c, chosen + added)), None)
        if pick is not None:
            added.append(pick)
    return added


def _read_on(chosen: list[Candidate], ranked: list[Candidate], limit: int) -> list[Candidate]:
    """For a lay reader, the plain sentences that follow the lead in its paragraph, while the short answer has
    room: a plain summary lists what to do as short sentences ("To stop it coming back, keep your skin clean.
    Treat athlete's foot between your toes. Wear compression stockings if..."), and the lead alone is half of it."""
    lead = chosen[0]
    if not lead.plain or lead.paragraph < 0:
        return []
    following = sorted(
        (c for c in ranked if c.position == lead.position and c.paragraph == lead.paragraph and c.order > lead.order),
        key=lambda c: c.order,
    )
    taken: list[Candidate] = []
    last = lead.order
    for candidate in following:
        if len(chosen) + len(taken) >= limit or candidate.order != last + 1:
            break
        last = candidate.order
        if candidate in chosen:
            continue
        if not candidate.plain or _near_duplicate(candidate, chosen + taken):
            break
        taken.append(candidate)
    return taken


def _reading_order(chosen: list[Candidate]) -> list[Candidate]:
    """The sentences in the order the article has them; a sentence that stands next to another chosen one in
    some passage is placed by that spot, so a pair read together stays in its order."""
    spots = {id(c): {(c.position, c.order), *c.aliases} for c in chosen}

    def place(candidate: Candidate) -> tuple[int, int]:
        for other in chosen:
            if other is not candidate:
                for p, o in sorted(spots[id(candidate)]):
                    if (p, o - 1) in spots[id(other)] or (p, o + 1) in spots[id(other)]:
                        return p, o
        return candidate.position, candidate.order

    return sorted(chosen, key=place)


def _clinicians_lead(question: QuestionProfile, ranked: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """For a lay question asking a specific fact (how long, how much, what level, which first), the sentence the
    clinician's selection (`_direct` as a physician, over the same candidates) leads with, when the lay answer has
    not chosen it already: "how long until the cough
    eases after pneumonia?" gets NICE's "cough and breathlessness reduce by 6 weeks" beside the plain "a cough can
    last for some weeks". It takes the place of the professionals' sentence `_professional` would add, unless that
    one has the shape asked and the lead has not; one professionals' sentence at most, so the reply's grade rises
    little. Measured on every read split (session 25): lay key facts in the direct answer 1,105 -> 1,126 of 1,381,
    none lost, clinicians' unchanged. Adding it for every question, beside `_professional`'s, gained 20 more but
    lifted the suite's lay reading grade from 7.4 to 9.2 (goal 8); for specific questions beside it, no more facts
    and 8.4."""
    extra = _professional(question, ranked, chosen)
    lead = _direct(question, ranked, Persona.PHYSICIAN)[0]
    if lead in chosen + extra or lead.plain or lead.relevance <= 0 or _near_duplicate(lead, chosen + extra):
        return extra
    if extra and _states(question, extra[0]) and not _states(question, lead):
        return extra
    return [lead]


def _professional(question: QuestionProfile, ranked: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """The professionals' sentence a lay reader's short answer also needs: the one a clinician asking the same
    question would be given first ("about 3 months after AKI" for when kidneys are checked again, where the
    plain text says only "you will need a blood test"). Never refuse a patient what a physician is told; but a
    sentence past PROFESSIONAL_GRADE stays in the professionals' text.

    When the question asks a specific fact (how long, how much, what level, which first) and nothing chosen states
    one, the professionals' sentence that states it is looked for a little deeper: "what inhaler is recommended
    now?" gets the guideline's as-needed ICS-formoterol, where the plain text says only that a blue inhaler on its
    own is no longer the best plan."""
    by_fact = sorted(ranked, key=lambda c: -c.fact_score)
    top = by_fact[0].fact_score
    if question.specific and not any(_states(question, c) for c in chosen):
        for best in by_fact[:SHAPED_DEPTH]:
            if best in chosen or best.plain or not _states(question, best) or best.fact_score < SHAPED_MARGIN * top:
                continue
            if best.relevance <= 0 or best.grade > PROFESSIONAL_GRADE or _near_duplicate(best, chosen):
                continue
            return [best]
    for best in by_fact[:PROFESSIONAL_DEPTH]:
        if best in chosen or best.plain or best.fact_score < PROFESSIONAL_MARGIN * top:
            continue
        if best.relevance <= 0 or best.grade > PROFESSIONAL_GRADE or _near_duplicate(best, chosen):
            continue
        return [best]
    return []


# A lead this short is a paragraph's topic sentence ("A kidney infection is more serious."): its facts follow.
SHORT_LEAD = 8


# A lead that only rules something out ("A blue inhaler on its own is no longer the best plan"), for a question asking
# what to use instead ("is that enough or should I be on something else?"): what is recommended is told earlier in
# its paragraph ("Many people now use one inhaler that has a steroid and a fast helper medicine in it").
_RULED_OUT = re.compile(
    r"\b(?:no longer|not (?:the best|enough|recommended|advised|needed)|isn'?t (?:enough|the best|recommended)|"
    r"on (?:its|their) own is not|(?:can|may|will|could) make (?:it|things|them|this|the \w+) worse|"
    r"(?:does|do) not help|(?:doesn'?t|don'?t) help)\b", re.IGNORECASE
)
_ASKS_INSTEAD = re.compile(
    r"\b(?:(?:something|anything) else|what else|instead|alternatives?|replace\w*|other options?|enough|fine|ok|okay|"
    r"alright|should (?:i|we|he|she|they) (?:just )?(?:stay|rest|keep|stop|avoid|use|take|lie))\b",
    re.IGNORECASE,
)


def _said_instead(question: str, lead: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """The nearest sentence before the lead in its paragraph that speaks of the same thing, when the lead only rules
    something out and the question asks what to use instead (see _RULED_OUT)."""
    if lead.paragraph < 0 or not (_RULED_OUT.search(lead.text) and _ASKS_INSTEAD.search(question)):
        return None
    before = [c for c in ranked if c.position == lead.position and c.paragraph == lead.paragraph
              and c.order < lead.order and not c.defines and not _RULED_OUT.search(c.text)]
    mates = [c for c in before if c.terms & lead.terms]
    if mates:
        return max(mates, key=lambda c: c.order)  # the nearest that speaks of the same thing
    # Or the sentence just before, which says what to do instead in other words: "Keep moving and carry on with
    # daily life as much as you can. Bed rest can make it worse."
    return next((c for c in before if c.order == lead.order - 1), None)


def _in_context(chosen: list[Candidate], ranked: list[Candidate], limit: int, question_text: str = "") \
        -> list[Candidate]:
    """The lead sentence with the neighbour it leans on, from the same passage.

    Articles write in paragraphs: "These can be signs of pre-eclampsia" needs the sentence before it, and
    "Your doctor may want to look inside your gut with a camera" is answered by the next ("This checks for
    bleeding or a growth"). A lead that refers back takes the sentence before it; a short lead, or one the
    next sentence refers back to, takes the sentence after it. The pair replaces the weakest other sentence.
    """
    lead = chosen[0]
    place = {(c.position, c.order): c for c in ranked}
    place |= {alias: c for c in ranked for alias in c.aliases if alias not in place}
    # The lead's neighbours wherever it stands: a passage may open with it, and another hold what came before.
    spots = [(lead.position, lead.order), *lead.aliases]
    before = next((place[(p, o - 1)] for p, o in spots if (p, o - 1) in place), None)
    after = next((place[(p, o + 1)] for p, o in spots if (p, o + 1) in place), None)
    instead = _said_instead(question_text, lead, ranked)
    if instead is not None:
        unit = [instead, lead]
    elif DANGLING.match(lead.text) and before is not None:
        unit = [before, lead]
    elif after is not None and (DANGLING.match(after.text) or len(lead.text.split()) <= SHORT_LEAD):
        unit = [lead, after]
    else:
        return chosen
    rest = [c for c in chosen[1:] if c not in unit]
    return unit + rest[: max(0, limit - len(unit))]


class OfflineComposer:
    """Deterministic extractive composition; the default, and the fallback when an LLM fails."""

    name = "offline"

    def compose(self, question: QuestionProfile, evidence: Evidence, persona: Persona) -> Draft:
        """Direct answer first, then the evidence parts; every statement carries its passage's position."""
        ranked = evidence.candidates
        draft = Draft()
        if not ranked:
            return draft
        style = STYLES[persona]
        chosen = _direct(question, ranked, persona)
        draft.direct = [
            Statement(text=c.text, citations=[c.position], professional=persona.lay and _technical(c)) for c in chosen
        ]
        draft.professional = any(s.professional for s in draft.direct)
        floor = MIN_SHARE * ranked[0].score if ranked[0].score > 0 else ranked[0].score - 1.0
        limits = {PartKind.GUIDELINES: style.guidelines, PartKind.RESEARCH: style.research, PartKind.OTHER: style.other}
        for kind, limit in limits.items():
            if kind is PartKind.OTHER and (draft.parts.get(PartKind.GUIDELINES) or draft.parts.get(PartKind.RESEARCH)):
                limit = min(limit, 1)
            statements = []
            for candidate in ranked:
                if len(statements) >= limit:
                    break
                if candidate.kind is not kind or candidate.score < floor or candidate.relevance <= 0:
                    continue
                if persona.lay and _lay_grade(candidate) > LAY_GRADE:
                    continue
                if (candidate.plain and not persona.lay) or candidate in chosen or _near_duplicate(candidate, chosen):
                    continue
                chosen.append(candidate)
                statements.append(Statement(text=candidate.text, citations=[candidate.position]))
            if statements:
                draft.parts[kind] = statements
        return draft


FOLLOW_UP_TEMPLATES = (
    ("treatment", "What is the recommended treatment for {topic}?"),
    ("exams and tests", "How is {topic} diagnosed?"),
    ("follow-up", "What follow-up and monitoring is recommended for {topic}?"),
    ("research", "What does the research show about {topic}?"),
    ("outlook", "What is the outlook for {topic}?"),
)


def follow_ups(question: str, hits: list[Hit], limit: int = 3) -> list[str]:
    """Questions about the same topic that this one did not ask."""
    if not hits:
        return []
    asked = query_intents(question)
    topic = topic_of(hits[0].title)
    return [t.format(topic=topic) for intent, t in FOLLOW_UP_TEMPLATES if intent not in asked][:limit]
