"""Words every stage shares: section names, which part of a reply a passage belongs to, an article's topic."""

from __future__ import annotations

import re

from assistant.models import PartKind
from knowledge.schema import EvidenceType, Hit

PLAIN_SECTION = "Plain-language summary"
RESEARCH_SECTION = "Research evidence"
GUIDELINE_SECTION = "Guideline recommendations"
RESEARCH_TYPES = frozenset(
    {EvidenceType.TRIAL, EvidenceType.SYSTEMATIC_REVIEW, EvidenceType.OBSERVATIONAL, EvidenceType.RESEARCH}
)


def passage_kind(hit: Hit) -> PartKind:
    """Which part of a reply a passage belongs to.

    Only a 'Guideline recommendations' section states what a guideline says (each of its sentences names
    the guideline); an overview or treatment section of a guideline-type article is the article's own
    summary, so it is 'other'. Research sections and research articles are research.
    """
    section = hit.section.strip().lower()
    if section == GUIDELINE_SECTION.lower():
        return PartKind.GUIDELINES
    if section == RESEARCH_SECTION.lower() or hit.evidence_type in RESEARCH_TYPES:
        return PartKind.RESEARCH
    return PartKind.OTHER


def topic_of(title: str) -> str:
    """A readable topic from an article title: 'COPD: diagnosis and management' -> 'COPD'."""
    topic = title.split(":")[0].strip()
    return topic[0].lower() + topic[1:] if topic[:2].istitle() and not topic[:2].isupper() else topic


# Support check (assistant/support.py): words that change a claim's meaning, and words that do not.
def _alternation(names: str) -> dict[str, re.Pattern[str]]:
    table = {}
    for entry in names.split(";"):
        name, _, pattern = entry.strip().partition("=")
        table[name.strip()] = re.compile(rf"\b({pattern.strip()})\b", re.I)
    return table


# Drug classes and named treatments a suffix does not catch; a claim naming one its passage unit lacks fails.
DRUG_CLASSES = _alternation(
    "ace inhibitor=ace inhibitors?|acei; arb=arbs?|angiotensin receptor blockers?; beta-blocker=beta[- ]blockers?;"
    "ccb=calcium[- ]channel blockers?|ccbs?; diuretic=\\w*diuretics?; ssri=ssris?; snri=snris?;"
    "benzodiazepine=benzodiazepines?; corticosteroid=corticosteroids?|steroids?|glucocorticoids?|ics; nsaid=nsaids?;"
    "ppi=ppis?|proton pump inhibitors?; h2ra=h2ras?|h2 receptor antagonists?; doac=doacs?;"
    "lmwh=lmwh|low molecular weight heparin; heparin=heparin; vka=vkas?|warfarin|vitamin k antagonists?;"
    "insulin=insulin; sglt2=sglt2 inhibitors?|sglt2; glp1=glp-1|glp-1 ras?; opioid=opioids?|morphine|codeine|tramadol;"
    "antiemetic=antiemetics?; antihistamine=antihistamines?; bisphosphonate=bisphosphonates?;"
    "macrolide=macrolides?; fluoroquinolone=fluoroquinolones?|quinolones?; cephalosporin=cephalosporins?;"
    "penicillin=penicillins?|amoxicillin; aspirin=aspirin; paracetamol=paracetamol|acetaminophen;"
    "p2y12=p2y12 inhibitors?|clopidogrel|ticagrelor|prasugrel; thrombolysis=thrombolysis|alteplase|tenecteplase;"
    "magnesium=magnesium; potassium=potassium; iron=iron; bicarbonate=bicarbonate; levothyroxine=levothyroxine;"
    "allopurinol=allopurinol; colchicine=colchicine; varenicline=varenicline; bupropion=bupropion;"
    "nrt=nicotine replacement|nrt|nicotine patch; cytisine=cytisine; ergot=ergots?; antibiotic=antibiotics?;"
    "antidepressant=antidepressants?; antipsychotic=antipsychotics?; antiepileptic=antiepileptics?;"
    "anticoagulant=anticoagulants?|anticoagulation; antiplatelet=antiplatelets?; vasopressor=vasopressors?;"
    "saline=saline; crystalloid=crystalloids?; transfusion=transfusions?; dialysis=dialysis|rrt;"
    "surgery=surgery|surgical|resection|fundoplication; radiotherapy=radiotherapy; chemotherapy=chemotherapy;"
    "cbt=cbt|cognitive behavioural therapy; mri=mri; ct=ct|computed tomography; ultrasound=ultrasound;"
    "endoscopy=endoscopy|colonoscopy|sigmoidoscopy; biopsy=biopsy; compression=compression|stockings?"
)
# Who a statement is about; a claim naming a group its passage unit does not name fails.
POPULATION_TERMS = _alternation(
    "p:children=children|child|paediatric|pediatric|infants?|adolescents?|young people|teenagers?;"
    "p:women=women|woman|female; p:men=men|man|male; p:pregnant=pregnan\\w*; p:older=older|elderly|frail\\w*;"
    "p:black=black; p:white=white; p:asian=asian|chinese|korean|thai; p:european=european; p:african=african;"
    "p:mild=mild; p:moderate=moderate; p:severe=severe; p:high-risk=high[- ]risk|high \\w+ risk;"
    "p:very-high-risk=veryhigh[- ]risk|veryhigh \\w+ risk; p:low-risk=low[- ]risk|low \\w+ risk;"
    "p:cirrhosis=cirrho\\w*; p:decompensated=decompensated;"
    "p:outpatient=outpatients?|at home; p:inpatient=inpatients?|in hospital|admitted"
)
# Direction words as stems, by group: (group, one way, the other way). A claim saying one way where its
# passage says the other way about the same words reverses the meaning.
MARKER_GROUPS = [
    (
        "amount",
        "increas rais higher more greater larger bigger rise rose gain",
        "reduc decreas lower less fewer smaller fall fell drop",
    ),
    ("time", "longer prolong slower delay", "shorter shorten faster quicker"),
    ("quality", "better improv superior benefit", "wors worsen inferior harm"),
    ("order", "before earli earlier sooner", "after late later"),
    ("course", "start continu", "stop paus withdraw"),
    ("position", "above exceed", "below under"),
    ("frequency", "common frequent", "rare uncommon infrequ"),
]
# Words of one group that exclude each other: a claim with one where its passage has only another fails.
CONTRASTS = [
    tuple(group.strip().split("/"))
    for group in (
        "acute/chronic; adults/children; men/women; mild/moderate/severe; black/white; primary/secondary;"
        "first-line/second-line; inpatients?/outpatients?; anterior/posterior; focal/generalised;"
        "systolic/diastolic; type 1/type 2; oral/iv/im/sc; daily/weekly/monthly/annual; episodic/chronic;"
        "intermediate-risk/high-risk/low-risk; unstable/stable; provoked/unprovoked; young/younger/older;"
        "once daily/twice daily/three times daily/four times daily"
    ).split(";")
]
# Words a paraphrase adds without adding a claim: who said it, hedges, generic verbs and nouns (as stems).
GENERIC_CLAIM_TERMS = frozenset(
    "patient peopl person adult individu treatment treat therapi given give use usual often typic general may "
    "can also includ consid option need requir help take whether overal main mainli key import well recommend "
    "advis suggest say state note found find show report trial studi guidelin guidanc around roughli approxim "
    "exampl instanc case like such way one thing done make made gets get per cent percent altogeth total "
    "clinician doctor team someon anyon anyth someth dose daili regular routin part accord mean within repeat "
    "nearli almost certain".split()
)


def _group_letters(match: re.Match[str]) -> str:
    """'groups B and E' -> 'groupb and groupe': a one-letter group is a word of its own."""
    letters = [g for g in match.groups() if g]
    return " and ".join(f"group{letter}" for letter in letters)


def _roman(match: re.Match[str]) -> str:
    """'class ii-iii' -> 'classii classiii': a class in roman numerals is a word of its own."""
    return " ".join(f"{match.group(1)}{n}" for n in match.groups()[1:] if n)


_GROUP_LETTERS = _group_letters
_ROMAN = _roman
_PHRASES = [
    (r"\bpain relief\b|\banalgesics?\b|\bpainkillers?\b", "analgesia"),
    (r"\bepinephrine\b", "adrenaline"),
    (r"\bintramuscular(ly)?\b", "im"),
    (r"\bintravenous(ly)?\b|\bthrough a drip\b|\bby drip\b", "iv"),
    (r"\bsubcutaneous(ly)?\b", "sc"),
    (r"\brenal\b", "kidney"),
    (r"\bheart attacks?\b", "myocardial infarction"),
    (r"\bmedicines?\b|\bmedications?\b|\bdrugs?\b", "drug"),
    (r"\bpills?\b|\btablets?\b", "tablet"),
    (r"\b(once a day|once daily|each day|every day|a day|per day|a dose daily|each morning)\b", "daily"),
    (r"\b(twice a day|two times a day|two times daily)\b", "twice daily"),
    (r"\b(three times a day)\b", "three times daily"),
    (r"\b(every other day|on alternate days|alternate days|alternate-day)\b", "alternate days"),
    (r"\b(yearly|annually|every year|each year|once a year)\b", "annual"),
    (r"\b(begin|begins|began|begun|beginning|initiat\w*|commenc\w*)\b", "start"),
    (r"\b(discontinu\w*|ceas\w*|halt\w*)\b", "stop"),
    (r"\b(ahead of|prior to)\b", "before"),
    (r"\b(afterwards|following)\b", "after"),
    (r"\b(straight away|right away|at once|without delay|promptly)\b", "immediately"),
    (r"\b(rapidly|swiftly|fast)\b", "quickly"),
    (r"\b(cut|cuts|lowered|lowers|decreased|decreases|shrank|shrinks)\b", "reduced"),
    (r"\b(raised|raises|boosted|boosts)\b", "increased"),
    (r"\b(paediatric|pediatric)\b", "children"),
    (r"\b(elderly|older adults|older people)\b", "older"),
    (r"\bbeneath\b", "below"),
    (r"\b(?:has |have |had |did |does |do )?not responded to\b|\bunresponsive to\b", "refractory to"),
    (r"\bvery high\b", "veryhigh"),
    (r"\btype 2 diabetes( mellitus)?\b", "t2dm"),
    (r"\btype 1 diabetes( mellitus)?\b", "t1dm"),
    (r"\binhaled corticosteroids?\b|\binhaled steroids?\b", "ics"),
    (r"\blong-acting beta-?2? agonists?\b", "laba"),
    (r"\blong-acting muscarinic antagonists?\b", "lama"),
    (r"\bshort-acting beta-?2? agonists?\b", "saba"),
    (r"\bagainst (?=(?:about |around |roughly )?\d|placebo|control|usual|standard)", "versus "),
    (r"\bhalved\b", "reduced by half"),
    (r"\b(?:a|one) quarter\b", "25%"),
    (r"\b(?:a|one) third\b", "33%"),
    (r"\btwo[- ]thirds\b", "67%"),
    (r"\bhalf\b", "50%"),
    (r"\blifelong\b|\bfor life\b", "permanently"),
    (r"\b(class|stage|grade|type) (i{1,3}|iv|v)(?:[-–](i{1,3}|iv|v))?\b", _ROMAN),
    (r"\bgroups? ([a-e])(?: (?:and|or) ([a-e]))?\b", _GROUP_LETTERS),
    (r"\bmore effective\b|\bmore effectively\b", "better"),
    (r"\bless effective\b|\bless effectively\b", "worse"),
    (r"\b(goes|go|went|gone) up\b", "increased"),
    (r"\b(goes|go|went|gone) down\b", "reduced"),
    (r"\bexaminations?\b|\bexams?\b", "test"),
    (r"\bdelayed\b", "late"),
    (r"\bcorticosteroids?\b|\bglucocorticoids?\b", "steroids"),
    (r"\bother (illnesses|conditions|diseases)\b|\bcomorbid conditions\b", "comorbidities"),
    (r"\bexceed(s|ing)?\b", "above"),
    (r"\b(gain|gains)\b", "benefit"),
    (r"\b(high blood pressure)\b", "hypertension"),
    (r"\b(stool)\b", "faecal"),
    (r"\b(in preference to|instead of|ahead of)\b", "rather than"),
    (r"\b(healthcare professional|clinician|physician|gp)\b", "doctor"),
    (r"\bshould not\b|\bmust not\b|\bdo not\b|\bdoes not\b", "not"),
]


def _literals(pattern: str) -> tuple[str, ...]:
    """Plain text each alternative of a pattern starts with: a cheap test before running the pattern."""
    found = []
    for alternative in pattern.replace("\\b", "").replace("(?:", "").split("|"):
        alternative = alternative.lstrip("(").replace("\\s", " ").replace("[- ]", " ")
        head = re.match(r"[a-z0-9 '-]*", alternative).group(0)
        if alternative[len(head) : len(head) + 1] in {"?", "*"}:
            head = head[:-1]
        head = head.strip().split(" ")[0]
        if len(head) < 2:
            return ()  # no usable literal: always run it
        found.append(head)
    return tuple(found)


_PHRASE_RE = [(re.compile(p), _literals(p), r) for p, r in _PHRASES]  # texts are lowercased first


def normalise_phrases(text: str) -> str:
    """Lowercase text with common synonyms mapped to one form, so a paraphrase keeps its words' meaning."""
    for pattern, literals, replacement in _PHRASE_RE:
        if not literals or any(literal in text for literal in literals):
            text = pattern.sub(replacement, text)
    return text


def find_names(table: dict[str, re.Pattern[str]], text: str) -> list[tuple[str, str]]:
    """(name, matched text) for every entry of a table found in a lowercase text."""
    found = []
    for name, pattern in table.items():
        literals = _table_literals(name, pattern.pattern)
        if not literals or any(literal in text for literal in literals):
            found.extend((name, m.group(0)) for m in pattern.finditer(text))
    return found


_LITERALS: dict[tuple[str, str], tuple[str, ...]] = {}


def _table_literals(name: str, pattern: str) -> tuple[str, ...]:
    if (name, pattern) not in _LITERALS:
        _LITERALS[(name, pattern)] = _literals(pattern)
    return _LITERALS[(name, pattern)]
