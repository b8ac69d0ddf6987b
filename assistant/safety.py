"""Triage before anything else, input limits, disclaimers, and when to decline to answer.

The urgent-care notice is shown first for red-flag presentations described as happening to someone,
not for questions that merely mention a condition ("what are the signs of a stroke?" is education).
"""

from __future__ import annotations

import re
import unicodedata

from assistant.models import Notice, NoticeKind, Persona

MAX_QUESTION_CHARS = 4000

_SUBJECT = "|".join(
    [
        r"\bi\b",
        r"\bi'm\b",
        r"\bim\b",
        r"\bmy\b",
        r"\bme\b",
        r"\bhe\b",
        r"\bshe\b",
        r"\bhis\b",
        r"\bher\b",
        r"\bthey\b",
        r"\bpatient\b",
        r"\bnow\b",
        r"\bsuddenly\b",
        r"\bcurrently\b",
    ]
)

# name: (alternatives, one of which must be present; why it is urgent)
_RED_FLAGS: dict[str, tuple[list[str], str]] = {
    "chest_pain": (
        [r"chest (pain|pressure|tightness)", r"crushing chest", r"pain (in|across) (my|his|her) chest"],
        "Chest pain with sweating, breathlessness, or pain spreading to the arm, jaw or back can be a heart attack.",
    ),
    "stroke": (
        [
            r"face (is )?(droop|drooping|drooped)",
            r"drooping face",
            r"slurred speech",
            r"speech (is )?slurred",
            r"can'?t (speak|lift (my|his|her) arm)",
            r"one side of (my|his|her) (body|face)",
            r"sudden(ly)? (weakness|numbness|confusion|vision loss|loss of vision)",
        ],
        "Face drooping, arm weakness or slurred speech can be a stroke: every minute matters.",
    ),
    "suicide": (
        [
            r"kill (myself|himself|herself)",
            r"end (my|his|her) life",
            r"suicidal",
            r"wants? to die",
            r"take (my|his|her) own life",
            r"hurt(ing)? (myself|himself|herself)",
            r"self[- ]harm",
        ],
        "If you are thinking about suicide or harming yourself, you deserve support right now.",
    ),
    "anaphylaxis": (
        [
            r"throat (is )?(closing|swelling|tight)",
            r"(lips|tongue|face) (is |are )?swell",
            r"can'?t breathe",
            r"cannot breathe",
            r"struggling to breathe",
            r"anaphyla",
        ],
        "Swelling of the throat, lips or tongue, or trouble breathing after an allergen, can be anaphylaxis.",
    ),
    "collapse": (
        [
            r"unconscious",
            r"unresponsive",
            r"not breathing",
            r"stopped breathing",
            r"overdos",
            r"seizure (that )?(won'?t|will not) stop",
            r"fitting for",
            r"severe bleeding",
            r"won'?t stop bleeding",
        ],
        "Unconsciousness, trouble breathing, a seizure that does not stop or heavy bleeding need emergency help.",
    ),
    "sepsis": (
        [r"(mottled|blue|grey) skin", r"very confused and (hot|feverish)", r"fever and (confus|drowsy)"],
        "Fever with confusion, mottled skin or fast breathing can be sepsis.",
    ),
}
_COMPILED = {name: re.compile("|".join(patterns), re.IGNORECASE) for name, (patterns, _) in _RED_FLAGS.items()}
_SUBJECT_RE = re.compile(_SUBJECT, re.IGNORECASE)
_EDUCATIONAL = re.compile(
    r"^\s*(what|which|how (is|are|do|does|should)|when (is|are|should)|is there|are there|define|explain|list)\b"
    r"(?!.*\b(i|my|me|he|she|his|her)\b)",
    re.IGNORECASE,
)

_URGENT_LAY = (
    "Call your local emergency number now (for example 999, 911 or 112), or go to the nearest emergency "
    "department. Do not wait for an answer here."
)
_URGENT_CLINICAL = (
    "This describes a possible emergency: follow your local emergency pathway now (call for help, "
    "escalate, or direct the person to emergency services) before reading further."
)
_CRISIS = (
    " In the US call or text 988; in the UK and Ireland call Samaritans on 116 123; elsewhere call your "
    "local emergency number. If someone is in immediate danger, call emergency services now."
)


def triage(question: str, persona: Persona) -> Notice | None:
    """An urgent-care notice for red flags described as happening now; None otherwise."""
    matched = [name for name, pattern in _COMPILED.items() if pattern.search(question)]
    if not matched:
        return None
    first_person = bool(_SUBJECT_RE.search(question))
    if "suicide" not in matched and (not first_person or _EDUCATIONAL.search(question)):
        return None
    if "suicide" in matched and _EDUCATIONAL.search(question) and not first_person:
        return None
    reasons = " ".join(_RED_FLAGS[name][1] for name in matched)
    action = _URGENT_LAY if persona.lay else _URGENT_CLINICAL
    crisis = _CRISIS if "suicide" in matched else ""
    return Notice(kind=NoticeKind.URGENT, text=f"Seek urgent care now. {reasons} {action}{crisis}")


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
