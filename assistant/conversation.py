"""Follow-ups: keep the conversation's topic for an elliptical question, start a new one when a message names its own.

"And what dose?" or "what about in pregnancy?" inherit the topic of the last answer. "Which drugs treat
gout and what are their side effects?" names its own condition, so it starts a new topic even though
"their" could point back. A message with no topic and nothing to inherit gets a clarifying question.
Condensing never invents a topic: it only carries the title of an article the previous answer cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.models import Turn
from assistant.question import ASKING_TERMS, READING, profile, qualifier_terms, qualifiers_of
from assistant.vocabulary import topic_of
from knowledge.embeddings import vocabulary_words
from knowledge.retrieval import FOR_GROUP
from knowledge.text import content_terms, tokens

# "Is it ok if...", "is it safe to...": in an opener, an "it" that stands for what follows points back at
# nothing (in a follow-up, "is it ok with my depression?" still means the medicine just discussed).
_EXPLETIVE = (
    r"(?! (?:ok|okay|safe|normal|possible|worth|true|bad|better|best|wise|fine|alright|dangerous|common|likely|"
    r"important|necessary|advisable|too late|too early)\b)"
)
_POINTING = (
    r"this|that|these|those|"
    r"they(?! (?:also |just |then )?(?:said|say|says|told|tell|think|thought|"
    r"want|wanted|reckon|asked|recommended|suggested|put|gave|started|prescribed|did|found|checked|test|diagnose|"
    r"scan|measure|decide|usually|normally|routinely|use|give|offer|prescribe|recommend|do|run|order|look)\b)|them|"
    r"their|"
    # "there" points back ("is it common there?"), but "is there", "are there any" and "there is" only say
    # something exists.
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )there(?! (?:is|are|was|were|any)\b)(?!'s)|"
    r"the (?:condition|disease|illness|tumou?r|cancer|"
    r"drug|medicine|medication|infection|disorder|treatment|same|dose|tablets?|pills?)|"
    # "once resolved, restart SGLT2i when?": resolved is what was just discussed.
    r"once (?:it'?s |it has |that'?s |this is )?(?:resolved|settled|cleared|treated|over|better)"
)
_ANAPHORA = re.compile(rf"\b(?:it|its|it's|{_POINTING})\b", re.IGNORECASE)


def points_back(question: str) -> bool:
    """Whether a message points back at what was said before ("is that alright?", "is it the tablet?")."""
    return bool(_ANAPHORA.search(question))


_OPENER_ANAPHORA = re.compile(rf"\b(?:it{_EXPLETIVE}|its|it's{_EXPLETIVE}|{_POINTING})\b", re.IGNORECASE)
# A message that says it starts afresh: "separate q:", "separately,", "unrelated, but", "different question".
_FRESH_START = re.compile(
    r"^\W*(?:(?:ok|okay|thanks|thank you|also|and|oh|right|so)\W+)*(?:(?:a |one )?(?:separate|different|unrelated|"
    r"new|another|other) (?:q|qu|ques|question|thing|topic|issue|matter)\b|separately\b|unrelated\b|"
    r"(?:on )?(?:a |an )?(?:different|separate|unrelated|other) note\b|changing (?:the )?(?:subject|topic)\b)",
    re.IGNORECASE,
)
# "How does that differ from asthma?": what follows the comparison is the new topic.
_COMPARED = re.compile(r"\b(differ\w* (from|to)|compared? (to|with)|versus|vs\.?|rather than|instead of)\b", re.I)
# "My dad has that too, but what about his gout?": what follows "what about" is the new topic.
_WHAT_ABOUT = re.compile(r"\b(?:what|how) about\b", re.I)
_IT_IS = re.compile(r"\s*(?:it'?s|it is|its|it was|they (?:said|say|think) it'?s)\s+(?!(?:a|an|the|ok|okay|fine|safe|"
                    r"normal|bad|serious|true|worth|possible|likely|better|worse)\b)", re.I)
# "could it be generalised anxiety disorder?": "it" is the trouble told, and what follows names the new topic.
_COULD_IT_BE = re.compile(r"\b(?:could|might|may|can) (?:it|this|that|these) (?:\w+ )?(?:be|mean)\b", re.I)
NamesTopic = Callable[[set[str]], set[str]]
NamesWholeTopic = Callable[[set[str]], bool]
# Whether an article covers a follow-up's new words and no other article is named (by title or keyword) for
# what it asks about: (article id, the follow-up's named terms, all its terms).
StaysOn = Callable[[str, set[str], set[str]], bool]
# Whether a follow-up that names no article tells of another covered condition instead (its symptoms, results or
# care): (the follow-up, the conversation's article id).
MovesOn = Callable[[str, str], bool]


@dataclass(frozen=True)
class Condensed:
    """The stand-alone question and how it was formed."""

    question: str
    kind: Literal["own", "inherited", "no_topic"]
    topic: str | None = None
    article: str | None = None  # the article inherited, when not the last answer's ("back to the first one")


def last_topic(history: list[Turn]) -> str | None:
    """The topic of the most recent answered turn: the title of the first article it cited."""
    for turn in reversed(history):
        if turn.answer.references:
            return topic_of(turn.answer.references[0].title)
    return None


def last_article(history: list[Turn]) -> str | None:
    """The article the most recent answered turn cited first."""
    for turn in reversed(history):
        if turn.answer.references:
            return turn.answer.references[0].article_id
    return None


def _first_position(question: str, terms: set[str]) -> int | None:
    """Character offset of the first word whose stem is in terms."""
    for match in re.finditer(r"[A-Za-z0-9][\w'-]*", question):
        if set(tokens(match.group(0))) & terms:
            return match.start()
    return None


def everyday_terms(question: str, inflected: bool = False) -> frozenset[str]:
    """Stems of the question's everyday English words (whole words of the embedder's vocabulary): "forever"
    in "will he have to take tablets forever?" names no new topic, "endometriosis" does. With `inflected`, also
    words the vocabulary holds only uninflected ("pints", "calms", "faller"); never for choosing a topic, where
    "shingles" and "hives" name conditions."""
    common = vocabulary_words()
    words = [w for w in re.findall(r"[a-z]+", question.lower()) if w in common or (inflected and _inflected(w, common))]
    return frozenset(term for word in words for term in content_terms(word))


_ENDINGS = ("ers", "er", "es", "s", "ed", "ing")


def _inflected(word: str, common: frozenset[str] | set[str]) -> bool:
    """Whether the vocabulary holds the word with its ending taken off."""
    return any(word.endswith(end) and len(word) - len(end) >= 3 and word[: -len(end)] in common for end in _ENDINGS)


# Words shaped like the name of a condition: "endometriosis", "psoriasis", "sarcoidosis", "vasculitis".
_CONDITION_SHAPE = re.compile(r"\b[a-z]{3,}(?:osis|oses|itis|omas?|aemia|emia|opathy|plasia|algia|iasis)\b", re.I)


# A condition named by the organ or kind before its noun: "prostate cancer", "Crohn's disease", "an ear infection".
_NAMED_CONDITION = re.compile(
    r"\b([a-z]{4,})(?:'s)? (?:cancers?|carcinomas?|diseases?|syndromes?|tumou?rs?|lymphomas?|leuka?emias?|palsy|"
    r"infections?)\b",
    re.I,
)
# Words that say what kind or how bad, never which condition: "a severe infection", "some other cancer".
_KIND_WORDS = content_terms(
    "severe mild serious bacterial viral fungal secondary another similar rare common genetic inherited terminal "
    "advanced early late chronic acute recurrent other same any some worse nasty"
)


def unknown_condition(question: str, names_topic: NamesTopic) -> bool:
    """A condition the library never names: a word shaped like a condition's name ("endometriosis"), or a named
    cancer, disease, syndrome or infection whose naming word no article's title or keyword has."""
    for match in _CONDITION_SHAPE.finditer(question):
        terms = content_terms(match.group(0))
        if terms and not names_topic(terms):
            return True
    for match in _NAMED_CONDITION.finditer(question):
        terms = content_terms(match.group(1)) - _KIND_WORDS - ASKING_TERMS
        if terms and not names_topic(terms):
            return True
    return False


# Another disease under a covered condition's head word: "rheumatoid arthritis" beside gout's "gouty arthritis",
# "Ewing sarcoma" beside clear cell sarcoma, "cluster headache" beside migraine's "headache". Any naming word before
# these heads, unless a title or keyword holds it with the head or it names a library topic itself ("gouty
# arthritis"). Not headaches: "throbbing", "rebound" and "awful" describe a migraine's...
_VARIANT_HEAD = re.compile(
    r"\b([a-z][a-z'-]{2,})(?:'s)? (arthritis|sarcomas?|carcinomas?|lymphomas?)\b", re.I
)
# ...and for heads whose naming words mostly say which stage, type or control ("stage 2 hypertension", "poorly
# controlled diabetes"), only the words that make another disease: pulmonary hypertension, gestational diabetes,
# a haemorrhagic stroke, an overactive thyroid, heart failure with a preserved ejection fraction, osteoarthritis,
# cluster headaches. Not hepatitis B: the hepatitis C article covers testing for it before treatment.
_OTHER_DISEASE = re.compile(
    r"\b(?:(?:pulmonary|pulmonary arterial|portal|intracranial) hypertension|gestational diabetes|diabetes insipidus|"
    r"ha?emorrhagic strokes?|overactive thyroid|hyperthyroid\w*|graves'? disease|hfpef|hfmref|"
    r"(?:preserved|mildly reduced) (?:ejection fraction|ef)|osteo-?arthritis|cluster headaches?|"
    r"(?:ventilator|hospital)[- ]acquired pneumonia|ventilator[- ]associated pneumonia|"
    # Anaemias other than iron deficiency, mood disorders other than depression, and a hepatitis B or an HIV
    # infection asked about for its own treatment (the hepatitis C and PrEP articles name both only in passing).
    r"(?:pernicious|aplastic|ha?emolytic|sickle[- ]cell|megaloblastic|b12[- ]deficiency) ana?emia|"
    r"sickle[- ]cell (?:disease|crisis)|thalassa?emia|bipolar(?: (?:affective )?disorder)?|manic depression|"
    r"(?:chronic|treat\w*|antivirals?|manag\w*|first[- ]line)\b(?:\W+\w+){0,4}\W+(?:hepatitis|hep\.?) ?b\b|"
    r"(?:hepatitis|hep\.?) ?b\b(?:\W+(?!(?:hep\w*|c|hcv)\b)\w+){0,6}\W+(?:treat\w*|antivirals?|tenofovir|entecavir)|"
    r"(?:treat\w*|antiretroviral\w*|\bart\b) (?:\w+ ){0,3}for (?:his |her |my |their )?hiv\b|"
    r"hiv (?:treatment|medication|meds)|hiv[- ]positive\b"
    r"(?!(?:\W+\w+){0,14}\W+(?:prep|prevent\w*|avoid\w*|catch\w*|protect\w*))(?:\W+\w+){0,8}\W+(?:treat\w*|medication|"
    r"antiretroviral\w*))",
    re.I,
)


def variant_named(question: str, library_terms: NamesTopic, names_together: NamesWholeTopic) -> list[str]:
    """The diseases named that share only a head word with what the library covers (see _VARIANT_HEAD): the
    question's subject is not the covered condition, whatever words the two share."""
    found = [m.group(0) for m in _OTHER_DISEASE.finditer(question)]
    for match in _VARIANT_HEAD.finditer(question):
        naming = content_terms(match.group(1)) - _KIND_WORDS - ASKING_TERMS
        if naming and not library_terms(naming) and not names_together(naming | content_terms(match.group(2))):
            found.append(match.group(0))
    return found


# A greeting, and the announcement of questions to come: "good morning :) can I ask a few questions".
_GREETING = re.compile(r"\bgood (?:morning|afternoon|evening|day)\b|\ba few (?:questions?|qs|things)\b", re.I)
# A message that only announces a question, or asks for an explanation of something it does not name, names no topic
# (fresh33): "quick q re a pt in clinic", "can I run a patient question by you?", "quick question please", "can you
# explain my blood test results?", "can you summarise the key guideline recommendations for me?".
_ANNOUNCES = re.compile(
    r"\b(?:hi|hiya|hey|hello|please|pls|thanks|thank you|cheers)\b|"
    r"\b(?:a )?quick (?:q|qu|ques|question|query|one|check)\b|"
    r"\b(?:can|could|may) i (?:ask|run|check|bounce) (?:you )?(?:a |an |something|one )?(?:\w+ )?(?:question|query|q|"
    r"thing)?(?: (?:by|past|with) you)?\b|"
    r"\b(?:re|about|regarding|concerning) (?:a|my|one of my|an?) (?:\w+ )?(?:pt|patient|client|resident|case)\b"
    r"(?: (?:in|on|at) (?:the |my )?(?:\w+ ){0,2}(?:clinic|ward|surgery|practice|home|today))?|"
    r"\b(?:can|could|would) you (?:please )?(?:explain|go through|look at|help me (?:understand|with)|interpret) "
    r"(?:my|his|her|their|the|these|some) (?:recent )?(?:blood |lab )?(?:test )?(?:results?|numbers|report|letter)\b|"
    r"\b(?:can|could|would) you (?:please )?(?:summari[sz]e|list|give me|tell me) (?:the |all the )?(?:key |main )?"
    r"(?:guideline |latest )?(?:recommendations|guidance|points|guidelines)(?: for me)?\b",
    re.I,
)
# Who is writing and where they work names no topic: "I'm a nurse on a renal ward", "diabetes nurse here".
_INTRODUCTION = re.compile(
    r"\b(?:i'?m|i am|im) (?:a|an) (?:\w+ ){0,2}(?:nurse|doctor|gp|student|pharmacist|physio\w*|carer|caregiver|midwife|"
    r"consultant|registrar|paramedic|hca|healthcare assistant)\b(?: (?:on|in|at|for|with) (?:a |an |the )?"
    r"(?:\w+ ){0,2}(?:ward|unit|team|clinic|practice|department|service|icu|ed|surgery|home))?|"
    r"\b(?:\w+ ){0,2}(?:nurse|doctor|gp|student|pharmacist|midwife|registrar) here\b",
    re.I,
)


def condense_offline(
    question: str,
    history: list[Turn],
    names_topic: NamesTopic | None = None,
    names_whole_topic: NamesWholeTopic | None = None,
    stays_on: StaysOn | None = None,
    names_subject: NamesWholeTopic | None = None,
    broad: NamesWholeTopic | None = None,
    moves_on: MovesOn | None = None,
    names_together: NamesWholeTopic | None = None,
) -> Condensed:
    """A question that names its topic: its own, the conversation's, or none (then ask which).

    In a conversation, a follow-up changes topic only by naming a whole title or keyword of an article
    (`names_whole_topic`): "how often will he need blood tests?" after an answer on an underactive thyroid
    shares the word "blood" with "high blood pressure", but it asks about the thyroid. Nor does a follow-up
    whose new words the conversation's article holds, while no other article is named for them (`stays_on`):
    "does she need extra folic acid?" after epilepsy in pregnancy, "what is 5-HIAA used for there?" after
    carcinoid tumours.
    """
    topic = set(profile(_GREETING.sub(" ", question)).topic)
    previous = last_topic(history)
    if previous is None:
        if not set(profile(_ANNOUNCES.sub(" ", _INTRODUCTION.sub(" ", _GREETING.sub(" ", question)))).topic):
            return Condensed(question, "no_topic")  # only who is asking: "I'm a nurse on a renal ward"
        if not topic or (broad is not None and broad(topic)):
            # "how long for the antibiotics?", "can you explain the scoring system": words many articles use (`broad`),
            # none named for them; which condition is asked about decides the answer.
            return Condensed(question, "no_topic")
        # "Is it serious?" as an opener: "it" points at nothing, and no word names a library topic. In "I'm on
        # ramipril, should I stop it?" it points at a specialised word said before it.
        # Just after the assistant asked which condition or medicine, "it" is what the reader is now telling:
        # "it's the Prolia one every 6 months for thinning bones" (fresh33, once "stop my injection?" was asked back).
        anaphora = None if history and history[-1].answer.status == "clarify" else _OPENER_ANAPHORA.search(question)
        # "it's heart failure, they said the EF was 25%": what "it" is, said outright, names the subject even when
        # its words are another question's qualifier ("...in heart failure?").
        own = topic if _IT_IS.match(question) else topic - qualifier_terms(question)
        named = names_subject(own) if names_subject else bool(names_topic and names_topic(own))
        if anaphora and (names_topic or names_subject) and not named:
            # The antecedent may be a qualifier too: "he has CKD, does that mean dialysis?", or a word of the
            # library's names ("my blood pressure is 150/95... they want to start amlodipine").
            library = names_topic(topic) if names_topic else set()
            antecedent = _first_position(question, (topic - everyday_terms(question)) | library)
            # A number said before it is what it points at: "I'm 46, is that too young to start bowel cancer
            # screening?", "my reading was 150/95, is that high for my age?"
            counted = re.search(r"\d", question[: anaphora.start()])
            if (antecedent is None or antecedent > anaphora.start()) and not counted:
                return Condensed(question, "no_topic")
        return Condensed(question, "own")
    if _FRESH_START.search(question):
        # "Separate question: ...", "unrelated, but...": the writer says the conversation's topic is not this one's.
        return Condensed(question, "own") if topic else Condensed(question, "no_topic")
    if names_topic is not None and (unknown_condition(question, names_topic) or (
            names_together is not None and variant_named(question, names_topic, names_together))):
        # "also query endometriosis - first line hormonal tx?", "what about HFpEF?": a condition the library never
        # names is the follow-up's own subject (and is declined), not a question about the conversation's topic.
        return Condensed(question, "own")
    returned = _returned_to(question, history, stays_on)
    if returned is not None:
        return returned
    if READING.fullmatch(question.strip()):
        # "glucose now 13.5", "her eGFR is 35 now", "urate came back 480": a reading given to the conversation's
        # question, not a new subject, though the analyte is another article's keyword too.
        return Condensed(f"{question.strip()} ({previous})", "inherited", previous)
    # In a follow-up, "in CKD" or "in pregnancy" qualifies the conversation's topic rather than replacing it.
    own = topic - qualifier_terms(question)
    named = names_topic(own) if (names_topic and own) else own
    if named and names_whole_topic is not None and not (own - named - everyday_terms(question)):
        # Only library words and everyday ones ("forever"): a new topic only if they make a whole title or keyword.
        if not names_whole_topic(content_terms(question)):
            named = set()
    article = last_article(history)
    if named and article and stays_on is not None and stays_on(article, named, content_terms(question)):
        named = set()
    if named:
        anaphora = _ANAPHORA.search(question)
        first_named = _first_position(question, named)
        if anaphora is None or (first_named is not None and first_named < anaphora.start()):
            return Condensed(question, "own")
        compared = _COMPARED.search(question) or _WHAT_ABOUT.search(question) or _COULD_IT_BE.search(question)
        if compared and first_named is not None and first_named > compared.start():
            return Condensed(question, "own")
    if article and moves_on is not None and _substantial(question) and moves_on(question, article):
        # "now he's got a fever of 39 and rusty phlegm" after asthma, "I worry about everything, all the time" after
        # depression: a new situation told in its own words, another covered condition's, names no title.
        return Condensed(question, "own")
    if qualifiers_of(question) & {"pregnancy", "children", "older"}:
        # "What about in pregnancy?" after "Hypertension in adults": "in adults" would pull the search back.
        previous = FOR_GROUP.sub("", previous) or previous
    return Condensed(f"{question.strip()} ({previous})", "inherited", previous)


# A return to an earlier topic: "back to the first pt", "going back to the apixaban for his heart rhythm", "and back to
# her memory".
_BACK_TO = re.compile(r"\b(?:going|go|coming|come|getting|get|and|ok|okay|now|just)? ?back to\b\W*([^,.?;:-]*)", re.I)
_DAILY_LIFE = re.compile(
    r"^(?:the |my |his |her |their |our )?(?:work|school|college|uni|university|the office|normal|sleep|bed|the gym|"
    r"gym|running|driving|exercise|sport|football|training|nursery|the day job|my job|life|everyday life)\b",
    re.I,
)
_FIRST_ONE = re.compile(r"^(?:the |my |our |his |her )?(?:first|original|earlier|previous|other)\b", re.I)


def _returned_to(question: str, history: list[Turn], stays_on: StaysOn | None) -> Condensed | None:
    """A follow-up returning to a topic before the last answer's: the first one ("back to the first pt"), or the
    earlier one whose article holds what it names ("back to her memory" after dementia, then a water infection)."""
    back = _BACK_TO.search(question)
    if back is None:
        return None
    answered = [t.answer.references[0] for t in history if t.answer.references]
    # Without the last turn's article; when the last turn was declined ("a lad in his group has Ewing sarcoma..."),
    # "back to my nephew" returns to the last article answered.
    last = history[-1].answer.references[0].article_id if history and history[-1].answer.references else None
    earlier: dict[str, str] = {}  # article -> topic, first told first
    for reference in answered:
        if reference.article_id != last:
            earlier.setdefault(reference.article_id, topic_of(reference.title))
    if not earlier:
        return None
    said = back.group(1).strip()
    if _DAILY_LIFE.match(said):
        return None  # "when can he go back to work?": back to living, not to a topic
    named = content_terms(said) - qualifier_terms(said)
    chosen = next(iter(earlier))  # the first topic, unless the words name a later one
    if not _FIRST_ONE.match(said) and named and stays_on is not None:
        chosen = next((a for a in reversed(earlier) if stays_on(a, set(named), set(named))), chosen)
    return Condensed(f"{question.strip()} ({earlier[chosen]})", "inherited", earlier[chosen], chosen)


MOVES_ON_TERMS = 6
# Whether what was said still holds, given something new: "is that safe with my kidneys?", "does that change the
# dose?", "what would you use for them instead?": a question about the conversation's treatment.
_STILL_HOLDS = re.compile(r"\b(?:safe|ok|okay|alright|change|changes|dose|doses|dosing|instead|still|aim|affects?)\b",
                          re.IGNORECASE)


def _substantial(question: str) -> bool:
    """A follow-up long enough to tell a situation of its own (a few words, "and in kids?", never do), and not a
    question about whether the conversation's answer still holds."""
    if len(content_terms(question)) < MOVES_ON_TERMS:
        return False
    return not (points_back(question) and _STILL_HOLDS.search(question))


MAX_CONDENSED_CHARS = 300
_PREAMBLE = re.compile(
    r"^\s*(sure|certainly|of course|okay|ok|here('s| is)|the (stand-?alone|rewritten|condensed) question|"
    r"standalone question|question:|rewritten:)",
    re.IGNORECASE,
)


def valid_condensed(rewritten: str, offline: Condensed) -> str | None:
    """An LLM's stand-alone question, or None when it is not one short question on the conversation's topic."""
    text = " ".join(rewritten.split()).strip().strip('"').strip()
    if not text or len(text) > MAX_CONDENSED_CHARS or "\n" in rewritten.strip():
        return None
    if _PREAMBLE.search(text) or text.count("?") > 1 or re.search(r"[\[\]<>{}`*#|]", text):
        return None
    if offline.topic and not content_terms(offline.topic) <= content_terms(text):
        return None  # the rewrite lost the topic the conversation is about
    return text
