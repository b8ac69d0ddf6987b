"""What the assistant says around an answer: the urgent-care notice, input limits, disclaimers, declining.

Deciding whether a message is urgent is `assistant/triage.py`'s job; this module words the notice.
"""

from __future__ import annotations

import unicodedata

from assistant.models import Notice, NoticeKind, Persona
from assistant.triage import Decision, Level

MAX_QUESTION_CHARS = 4000

_REASONS = {
    "chest_pain": "Chest pain or pressure, especially with sweating, breathlessness or pain spreading to the arm, "
    "jaw or back, can be a heart attack.",
    "stroke": "Face drooping, arm or leg weakness, or slurred or muddled speech can be a stroke: "
    "every minute matters.",
    "anaphylaxis": "Swelling of the throat, lips or tongue, or trouble breathing after an allergen, can be "
    "anaphylaxis: use an adrenaline auto-injector if one has been prescribed.",
    "breathing": "Trouble breathing, blue lips or choking need emergency help.",
    "unconscious": "Someone who has collapsed, cannot be woken or is not responding needs emergency help.",
    "seizure": "A seizure that lasts more than five minutes, repeats, or is a first seizure needs emergency help.",
    "bleeding": "Heavy bleeding that will not stop, or vomiting blood, needs emergency help.",
    "overdose": "An overdose or a swallowed poison, battery, magnet or chemical needs emergency advice now, "
    "even if the person seems well.",
    "suicide": "If you are thinking about suicide or harming yourself, or someone else is, "
    "you deserve support right now.",
    "sepsis": "Fever with confusion, drowsiness, mottled skin, fast breathing or a rash that does not fade can be "
    "sepsis or meningitis.",
    "pregnancy": "Bleeding, severe pain, a severe headache with vision changes, fluid leaking or a baby moving less "
    "in pregnancy needs urgent maternity care.",
    "other_urgent": "This needs to be seen by a doctor today.",
}
# What an approved article would say to do now, per red-flag category: added to the message for retrieval only.
WHAT_TO_DO_NOW = {
    "chest_pain": "suspected heart attack chest pain what to do now call emergency ambulance",
    "stroke": "stroke warning signs face arm speech act fast emergency",
    "anaphylaxis": "anaphylaxis adrenaline auto-injector what to do now",
    "breathing": "severe breathing difficulty asthma attack what to do now",
    "unconscious": "collapse unconscious what to do now",
    "seizure": "seizure lasting more than five minutes what to do",
    "bleeding": "heavy bleeding what to do now",
    "overdose": "overdose poisoning what to do now",
    "suicide": "suicidal thoughts crisis support help now",
    "sepsis": "sepsis warning signs emergency",
    "pregnancy": "pregnancy warning signs bleeding severe headache urgent",
}


def urgent_query(message: str, categories: list[str]) -> str:
    """The retrieval query for an urgent message: its own words plus what-to-do-now wording for its category."""
    hints = [WHAT_TO_DO_NOW[c] for c in categories if c in WHAT_TO_DO_NOW][:2]
    return " ".join([message, *hints])


DEFAULT_EMERGENCY_NUMBER = "your local emergency number (999 in the UK, 911 in the US and Canada, 112 in the EU)"
DEFAULT_CRISIS_LINE = "988 in the US (call or text), Samaritans on 116 123 in the UK and Ireland"


def urgent_notice(
    decision: Decision,
    persona: Persona,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
    crisis_line: str = DEFAULT_CRISIS_LINE,
) -> Notice:
    """The urgent-care notice shown before anything else, worded for the reader and the level."""
    reasons = " ".join(_REASONS[c] for c in decision.categories if c in _REASONS and c != "other_urgent")
    if decision.level is Level.CRISIS:
        text = (
            f"Please reach out for support now. {_REASONS['suicide']} Call or text a crisis line: {crisis_line}. "
            f"If someone is in immediate danger, call {emergency_number} now."
        )
    elif decision.level is Level.URGENT:
        text = (
            "This may need medical care today. Contact your doctor's surgery, an urgent care service or an "
            f"out-of-hours line now. If it gets worse, call {emergency_number}."
            if persona.lay
            else "This may need same-day assessment: arrange it now, and escalate if the person deteriorates."
        )
    elif persona.lay:
        text = (
            f"This may be an emergency. Call {emergency_number} now, or go to the nearest emergency department. "
            f"Do not wait for an answer here. {reasons}"
        ).strip()
        # Many crises are told without a crisis word and fire as emergencies (dev18: 44 of 120, 37 of them with no
        # red flag named or an overdose): the crisis line goes with those, so nobody in crisis misses it.
        if not decision.categories or {"overdose", "suicide"} & set(decision.categories):
            text += f" If this is about ending a life or self-harm, a crisis line can help too: {crisis_line}."
    else:
        text = (
            "This describes a possible emergency: follow your local emergency pathway now (call for help, "
            f"escalate, or call {emergency_number}) before reading further. {reasons}"
        ).strip()
    return Notice(kind=NoticeKind.URGENT, text=text)


def clean_question(text: str) -> str:
    """Drop control and invisible format characters (NUL, zero-width, bidi overrides), keep line breaks.

    They carry no meaning in a question, split words so that search misses them ("GN\u200bET"), and
    bidi overrides can make the text shown differ from the text stored ("Trojan source").
    """
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf"))


def clip(question: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """What is kept of an over-long message: its start and how much was left out (1 MB stays out of transcripts)."""
    if len(question) <= limit:
        return question
    return f"{question[:limit]} … [{len(question) - limit:,} more characters not kept]"


def check_input(question: str) -> str | None:
    """A message for the user when the input cannot be answered as given; None when it is fine."""
    if not question or not question.strip():
        return "Please type a question, for example: What is the treatment for GNET?"
    if len(question) > MAX_QUESTION_CHARS:
        return (
            f"That message is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. "
            "Please ask one focused question, without pasting whole documents or records."
        )
    if not any(ch.isalnum() for ch in question):  # "<!--", a row of backslashes: nothing to search for
        return "Please type a question in words, for example: What is the treatment for GNET?"
    return None


DISCLAIMERS = {
    "clinical": (
        "This content supports, and does not replace, clinical judgment. It is drawn only from the "
        "organisation's approved articles, which may be incomplete or out of date: check recommendations "
        "against the primary sources and local policy before acting."
    ),
    "student": (
        "For education only. This summary is drawn from the organisation's approved articles and does not "
        "replace clinical supervision, primary sources or local policy."
    ),
    "lay": (
        "This information is for education only and is not medical advice. Talk to your doctor, nurse or "
        "pharmacist about your own situation before making any change. If you think it is an emergency, call "
        "your local emergency number now."
    ),
}


def disclaimer(persona: Persona) -> str:
    """The persona's disclaimer; appended by code to every reply."""
    if persona.lay:
        return DISCLAIMERS["lay"]
    if persona is Persona.STUDENT:
        return DISCLAIMERS["student"]
    return DISCLAIMERS["clinical"]


_STATUS_WORDS = {"submitted": "waiting for review", "under_review": "being reviewed"}


def withheld_message(withheld: list[tuple[str, str]]) -> str:
    """Why a subject the library has an article on is not answered: the article is not approved yet, or it was
    retired (its advice withdrawn by the library's reviewers)."""
    approval = "will be used only once a clinician approves it"
    said = []
    for titles, one, many in (
        (
            [f"“{t}” ({_STATUS_WORDS.get(st, st.replace('_', ' '))})" for t, st in withheld if st != "retired"],
            approval,
            approval,
        ),
        (
            [f"“{t}”" for t, st in withheld if st == "retired"],
            "was retired by its reviewers and is no longer used",
            "were retired by its reviewers and are no longer used",
        ),
    ):
        if titles:
            single = len(titles) == 1
            article, outcome = ("article", one) if single else ("articles", many)
            said.append(f"The library's {article} on this subject, {'; '.join(titles)}, {outcome}.")
    return " ".join(said)


def not_covered_message(conditions: list[str]) -> str:
    """Which condition asked about no approved article covers, named as the reader wrote it."""
    said = ", ".join(f"“{c}”" for c in conditions)
    return f"The approved articles do not cover {said}; an article on a condition with a similar name is no answer."


def no_evidence_message(persona: Persona) -> str:
    """What to say when no approved article covers the question: plainly, with no guess."""
    if persona.lay:
        return (
            "No approved article in this knowledge base covers that question, so I can't answer it. "
            "Please ask your doctor, nurse or pharmacist."
        )
    return (
        "No approved article in the knowledge base covers this question, so no answer is given. "
        "Consult primary sources or a specialist; the gap has been recorded for the editorial board."
    )


def clarify_message(persona: Persona) -> str:
    """What to say when a message names no condition, medicine or test and there is no conversation yet."""
    if persona.lay:
        return (
            "Which condition, medicine or test do you mean? Please name it, for example: "
            "\"What is the treatment for gout?\" Some questions you could ask are below."
        )
    return (
        "Which condition, drug or test is this about? The question names none and there is no earlier "
        "answer to refer to. Some questions that would name one are below."
    )


def partial_message(words: list[str]) -> str:
    """Say which part of a two-part question no approved article covers."""
    named = ", ".join(f"\"{w}\"" for w in words)
    return (
        f"No approved article covers {named}: the answer below comes from articles on the rest of the "
        "question and says nothing about that part."
    )


TECHNICAL_NOTICE = (
    "The approved articles answer this only in text written for health professionals, so some words may be "
    "technical. Your doctor, nurse or pharmacist can explain what it means for you."
)


PROFESSIONAL_NOTICE = (
    "Part of the short answer comes from text written for health professionals, because the plain-language "
    "text does not say it; some words may be technical. Your doctor, nurse or pharmacist can explain it."
)


LLM_UNSUPPORTED_FALLBACK = (
    "Nothing the language model wrote was supported by the approved passages it cited, so this answer was "
    "composed offline from the approved articles instead."
)
