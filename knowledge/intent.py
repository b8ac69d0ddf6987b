"""What a question asks about (treatment, diagnosis, causes...) and which sections answer that.

A question about treatment is best answered by a treatment section even when an overview section
shares more words with it; retrieval gives matching sections a small bonus.
"""

from __future__ import annotations

import re

# intent -> (pattern in a question, pattern in a section title)
INTENTS: dict[str, tuple[str, str]] = {
    "treatment": (
        r"\b(treat\w*|therap\w*|manag\w*|medicat\w*|drugs?|first[- ]line|second[- ]line|dos(e|ing)|"
        r"cure[sd]?|surgery|resect\w*|regimen|antibiotic\w*|anticoagula\w*|prescrib\w*|start(ing)?|"
        r"choice|choose|which (drug|medicine)|what to (take|use)|target)\b",
        r"^(treatment|treatments|management|therapy|guideline recommendations|key points for clinicians)\b",
    ),
    "symptoms": (r"\b(symptom\w*|signs?|present\w*|feel like|look like)\b", r"^(symptoms|signs|clinical features)"),
    "exams and tests": (
        r"\b(diagnos\w*|tests?|testing|screen\w*|work[- ]?up|imaging|scan|biopsy|confirm\w*|detect\w*|"
        r"how do you know)\b",
        r"^(exams and tests|diagnosis|screening|investigations|tests)",
    ),
    "causes": (r"\b(caus\w*|why do|etiolog\w*|aetiolog\w*|trigger\w*)\b", r"^(causes|risk factors|aetiology|etiology)"),
    "outlook": (
        r"\b(outlook|prognos\w*|survival|life expectancy|recover\w*|chance)\b",
        r"^(outlook|prognosis)",
    ),
    "inheritance": (r"\b(inherit\w*|hereditary|passed (down|on)|run in (the )?famil\w*)\b", r"^inheritance"),
    "genetic changes": (
        r"\b(genetic change\w*|mutation\w*|genes?|fusion\w*|molecular|variant\w*)\b",
        r"^(genetic changes|molecular)",
    ),
    "frequency": (r"\b(how many|how common|prevalen\w*|incidence|affected by)\b", r"^(frequency|epidemiology)"),
    "susceptibility": (r"\b(at risk|risk factors?|who gets|who is likely)\b", r"^(susceptibility|risk factors)"),
    "prevention": (r"\b(prevent\w*|avoid\w*|prophyla\w*|reduce (the|my) risk)\b", r"^(prevention|prophylaxis)"),
    "follow-up": (
        r"\b(follow[- ]?up|monitor\w*|surveillance|check[- ]?ups?|how often)\b",
        r"^(follow-up|monitoring)",
    ),
    "research": (r"\b(research|clinical trials?|studies|study|evidence)\b", r"^(research|research evidence)"),
    "stages": (r"\b(stag(e|es|ing))\b", r"^(stages|staging)"),
    "complications": (r"\b(complication\w*)\b", r"^complications"),
    "considerations": (r"\b(what to do|diet|eat|lifestyle|self[- ]care)\b", r"^(considerations|self-care|lifestyle)"),
    "information": (
        r"^\s*(what (is|are)|what's|define|explain|tell me about|overview)\b",
        r"^(information|overview|plain-language summary|what is)",
    ),
}

_QUERY = {name: re.compile(q, re.IGNORECASE) for name, (q, _) in INTENTS.items()}
_SECTION = {name: re.compile(s, re.IGNORECASE) for name, (_, s) in INTENTS.items()}
_SPECIFIC = re.compile(r"^\s*what (is|are)( \(are\))? (the )?(symptoms?|treatments?|causes?|outlook|stages?)", re.I)


def query_intents(question: str) -> set[str]:
    """Intents a question expresses; 'information' only when nothing more specific is asked."""
    found = {name for name, pattern in _QUERY.items() if pattern.search(question)}
    if len(found) > 1 or _SPECIFIC.search(question):
        found.discard("information")
    return found


def section_intent(section: str) -> str | None:
    """The intent a section title answers, if any."""
    return next((name for name, pattern in _SECTION.items() if pattern.search(section.strip())), None)
