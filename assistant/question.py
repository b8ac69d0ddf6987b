"""What a question asks: its answer intents, its qualifiers and its topic words.

The offline composer used to pick sentences by the topic words they share with the question, so a
sentence about an exception (left atrial appendage occlusion when anticoagulation is impossible) could
lead an answer about the first-line anticoagulant. Here a question is read for what kind of fact would
answer it (a dose, a duration, a threshold, a first-line choice...) and for whom (CKD stage 3, pregnancy,
children), so the evidence stage can prefer the sentences that state that fact for that population.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.text import STOPWORDS, _stem, content_terms, split_sentences

# intent -> (how a question asks it, what an answering sentence looks like)
ANSWER_INTENTS: dict[str, tuple[str, str]] = {
    "dose": (
        r"\b(dose|doses|dosing|dosage|how much(?! (more|less|longer|shorter|better|worse|higher|lower|difference|"
        r"of a difference|does it (help|matter)))|how many (mg|milligrams|tablets|units|puffs)|mg|mcg|strength|"
        r"(what|which|at what) (infusion )?rate|infusion rate|how fast (do|should|to) (we |i )?(give|run|infuse)|"
        # a fluid's amount: "initial crystalloid volume per SSC?", "bolus size?"
        r"(fluid|crystalloid|bolus|initial|resuscitation) volumes?|bolus size|how many (ml|mls|litres|liters))\b",
        r"\b\d+(\.\d+)?\s?(mg|mcg|micrograms?|milligrams?|g|grams?|units?|ml|mg/kg|iu|mmol)\b|\btwice daily\b|"
        r"\bonce (a )?da(y|ily)\b",
    ),
    "duration": (
        r"\b(how long|duration|how many (days|weeks|months|years)|for how long|when (can|should|do) (i|we|they|you) "
        r"stop|length of|until when|lifelong|continue for|"
        # how long a medicine takes to work, asked as doubt that it works: "has it failed?", "not kicked in yet"
        r"kick(ed|s|ing)? in|takes? (long )?to work|(is|isn'?t) (it|this|that|the \w+) (not |still not )?working|"
        r"(has|have|hasn'?t|haven'?t) (it|they|this|the \w+) (failed|worked|started working)|not working yet)\b",
        r"\b\d+\s?(-|to|–|or)?\s?\d*\s?(minutes?|hours?|days?|weeks?|months?|years?)\b|\b(lifelong|for life|"
        r"indefinite\w*|"
        r"long[- ]term|at least (one|two|three|six|twelve) (weeks?|months?|years?)|"
        r"for (about |around |up to |at least )?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|"
        r"several) (days?|weeks?|months?|years?)|(two|three|four|five|six|seven|eight|nine|ten|twelve) (days|weeks|"
        r"months|years)|(within|in|after|over) (a|an|one) (day|week|month|year) or (two|so)|"
        r"(a few|some|several|many) (days|weeks|months|years))\b",
    ),
    "threshold": (
        r"\b(target|targets|goal|goals|threshold|cut[- ]?offs?|level|levels|reading|how (low|high)|normal range|"
        r"aim(?:ing)? for|aiming at|below|above|at what|when to start|what number|what value|what bp|what ldl|"
        r"what hba1c|what range|range of numbers|"
        r"(upper|lower|safe) limits?|limits? (of|for)|keep (it|them|him|her|the \w+|\w+) under)\b",
        r"[<>≤≥%]|\b(below|above|under|less than|more than|at least|or more|or less|or lower|or higher|"
        r"\d+/\d+|mmol|mg/dl|mmhg|percent|ppb|ml/min|mg/l|iu/l|units?/l|g/l|kg/m2|ng/ml|µg/l|ug/l|mcg/l|"
        r"pmol/l|nmol/l|kpa|cut-?off of)\b",
    ),
    "first_line": (
        r"\b((?:first|1st)[- ]line|first (?:\w+ )?choice|drug of choice|initial (treatment|therapy|drug)|preferred|"
        # a guideline's first step: "NICE step 1 drug class?"
        r"step (?:1|one) (?:drug|treatment|medicine|medication|class|choice|agent)|"
        r"best (drug|medicine|treatment|option)|which (drug|medicine|medication|anticoagulant|antibiotic|treatment|"
        r"agent)|what (drug|medicine|medication|antibiotic|anticoagulant) (should|is|do)|start with|go-to|"
        # ...in everyday words (fresh26): "what rescue medicine is usually given first", "what antibiotic tablets
        # would they give instead", "which medicine is usually added".
        r"what (?:\w+ ){0,2}(?:drugs?|medicines?|medications?|antibiotics?|tablets?|pills?|inhalers?|injections?) "
        r"(?:should|would|will|do|does|is|are|might|could)\b(?: \w+){0,3} (?:give|given|use|used|add|added|start|"
        r"started|prescribe|prescribed|try|tried|offer|offered)|"
        r"(?:given|used|tried|offered) first|(?:give|use|try|prescribe|offer|take) (?:\w+ )?instead|"
        r"usually (?:given|added|prescribed|used|tried)|(?:added|add) next)\b",
        r"\b(first[- ]line|initial|preferred|recommend\w*|offer|drug of choice|start\w*|choice|mainstay|standard)\b",
    ),
    "staging": (
        # (a stage or grade given, "new stage 2 HTN - step 1 drug?", is the case, not the question)
        r"\b(stag(e|es|ed|ing)(?! (?:[1-5]|iv|i{1,3}|one|two|three|four|five)\b)|classif\w*|"
        r"grad(e|es|ed|ing)(?! (?:[1-4]|one|two|three|four)\b)|categor\w*|bands?|score|scoring)\b",
        r"\b(stage|stages|g[1-5]a?b?|a[1-3]|categor\w*|class\w*|score|grade|band|low|intermediate|high)\b",
    ),
    "side_effects": (
        r"\b(side[- ]?effects?|adverse|harms?|risks? of (taking|using|the)|safe|safety|problems? with|"
        r"bad for|downsides?|reactions?)\b",
        r"\b(side[- ]effects?|adverse|nausea|diarrh\w*|upset|bleed\w*|hypoglyc\w*|infection\w*|rash|cause\w*|"
        r"risk|lactic|ketoacidosis|dizz\w*|cough|weight|muscle|stomach)\b",
    ),
    "diagnosis": (
        r"\b(diagnos\w*|tests?|testing|confirm\w*|how do (you|i|we) know|work[- ]?up|investigat\w*|detect\w*|"
        r"check for|find out)\b",
        r"\b(diagnos\w*|test\w*|confirm\w*|imaging|biopsy|measur\w*|scan|blood|serolog\w*|criteria|ecg|"
        r"x-ray|ultrasound|ct|mri|antibod\w*)\b",
    ),
    "monitoring": (
        r"\b(monitor\w*|follow[- ]?up|how often|check(ed|s)? (again|up)|review|surveillance|recheck|"
        r"what (tests|bloods|blood tests|checks|scans) will|(tests|checks) (do|does|will) \w+ need|"
        r"when (is|will|should|do) (i|my|his|her|their|the|we) (\w+ ){0,2}next|next (\w+ )?(test|check|review|scan|"
        r"appointment|bloods)|(tested|seen|looked at) again|see (me|him|her|them|us) again)\b",
        r"\b(monitor\w*|every \d|every (few|three|six|twelve)|check\w*|review\w*|annual\w*|yearly|recheck\w*|"
        r"surveillance|follow-up)\b",
    ),
    "lifestyle": (
        r"\b(lifestyle|diet|eat|eating|foods?|exercise|alcohol|drink|weight|smok\w*|activity|sleep|cut down|"
        r"without (tablets|pills|medicines?|drugs)|naturally|at home|keep \w+ \w+ strong|stop it coming back|"
        # self-care: "anything I can do myself so it clears up quicker?", "what can we do to help him?"
        r"(anything|something|what|things) (else )?(i|we|you|he|she|they) (can|could|should) do|(what|anything) "
        r"(can|could|should) (i|we) do (to help|myself|ourselves|at home|for (him|her|them))|(do|help) "
        r"(it |this )?(myself|ourselves|himself|herself)|self[- ]care|(clear|heal|settle)s? (up )?(quicker|faster|"
        r"sooner)|speed (it|things|up))\b",
        r"\b(diet|eat\w*|food|exercise|alcohol|weight|smok\w*|activity|active|sleep|salt|walk\w*|cut down|"
        r"avoid|limit\w*|lose|healthy|move more|drink less|rais(e|ing) (the|your|his|her) \w+|elevat\w*|rest\b)\b",
    ),
    "prognosis": (
        r"\b(prognos\w*|outlook|surviv\w*|life expectancy|cur(e|ed|able)|go away|recover\w*|chance|"
        r"how (much|many times) (more|less) likely|(more|less) likely to (succeed|quit|work|recover|survive)|odds|"
        r"(go|get|be) back to normal|get better|how long (till|until|before) \w+ (is |are |feels? )?better|"
        r"end up (on|with|in))\b",
        r"\b(surviv\w*|prognos\w*|\d+%|per ?cent|recurr\w*|outlook|cur\w*|recover\w*|mortality|get better|"
        r"back to normal|well again|most people|times (more|less|higher|as)|(more|less) likely|twice as|"
        r"(double|halve)s? the)\b",
    ),
    "definition": (
        r"^\s*(what (is|are)|what's|whats|define|meaning of|explain)\b(?!.*\b(dose|target|treatment|first|"
        r"side|stage|test|how long)\b)",
        r"\b(is an?|are an?|refers to|means|is the|describes)\b",
    ),
    "contraindication": (
        r"\b(contraindicat\w*|avoid\w*|should not|shouldn't|must not|can('t| not) (take|use|have)|who should not|"
        r"not (be )?(used|given)|unsafe)\b",
        r"\b(contraindicat\w*|avoid\w*|not (be )?(used|recommended|given)|should not|must not|do not)\b",
    ),
    "cause": (
        r"\b(caus\w*|why (do|does|did|would|is|am|are)|risk factors?|trigger\w*|what makes|catch\w*|spread\w*|"
        r"passed on|how (do|does|did) (you|people|i|he|she|someone) get)\b",
        r"\b(caus\w*|due to|risk|because|trigger\w*|result\w* from|shar\w*|spread\w*|passed on|catch\w*|"
        r"infected)\b",
    ),
    "screening": (r"\b(screen\w*)\b", r"\b(screen\w*|every \d|from age|aged|between the ages)\b"),
    "symptoms": (
        r"\b(symptoms?|signs?|present\w*|feel like|look like|warning signs|look(ing)? out for|watch (out )?for|"
        r"how (do|would|will|can) (i|we|you) (know|tell)|what to look for|spot(ting)?|recogni[sz]\w*|"
        r"tell if|tell whether)\b",
        r"\b(symptoms?|signs?|present\w*|pain|fever|cough|breath\w*|tired\w*|swell\w*|drooping|slurred|"
        r"think fast)\b",
    ),
    "timing": (
        r"\b(when (should|do|to|can|is)|what time|how soon|how quickly|before or after|with food|empty stomach|"
        r"time of day|bedtime|relative to (meals?|food|eating|breakfast)|"
        # the time to leave between two medicines: "minimum gap after the last ACEi dose?"
        r"(minimum|min|shortest|safe|how long an?|what) (gap|interval|washout|wash-out)|washout|wash-out|"
        # "how am I meant to take it?": for a tablet, when and with what is the answer
        r"how (should|do|am|are|is|must|to|does|would) ((i|we|you|he|she|they|mum|dad) )?((\w+ ){0,2}(meant|supposed) "
        r"to )?(take|have|use) (it|this|them|these|my|his|her|the)\b)\b",
        r"\b(early|before|after|within|at the start|first sign|morning|night|bedtime|with food|empty stomach|"
        r"as soon as|at least \d+ (minutes|hours)|from (age|week)|\d+ weeks?)\b",
    ),
    "treatment": (
        r"\b(treat\w*|therap\w*|manag\w*|medicat\w*|medicines?|drugs?|cure|surgery|options|help with)\b",
        r"\b(recommend\w*|treat\w*|therap\w*|offer|drug|medicine\w*|surg\w*|resect\w*|start\w*|inhibitor\w*|"
        r"antibiotic\w*|anticoag\w*)\b",
    ),
}
_Q = {name: re.compile(q, re.I) for name, (q, _) in ANSWER_INTENTS.items()}
ANSWER_SHAPE = {name: re.compile(s, re.I) for name, (_, s) in ANSWER_INTENTS.items()}
# Intents that name a kind of fact: when asked, a sentence without that shape rarely answers.
SPECIFIC = frozenset({"dose", "duration", "threshold", "first_line", "staging", "screening", "timing"})

# Qualifier groups: who or what situation the question is about.
QUALIFIERS: dict[str, str] = {
    # (and a gestation in the obstetric shorthand "14/40")
    # (and the weeks after the birth: "if her blood pressure stays high after the delivery", "woman, 32 weeks, BP
    # 152/100")
    "pregnancy": r"\b(pregnan\w*|antenatal|gestation\w*|breastfeed\w*|postpartum|post-?natal|trimester|"
    r"after (?:the |her |my )?(?:delivery|birth)|after giving birth|after (?:the |her |my )?baby (?:is|was|'s) born|"
    r"(?:woman|lady|female|\d{2} ?f),? (?:is |at )?(?:2\d|3\d|4[0-2]) ?(?:weeks|wks)|"
    r"(?:[4-9]|[1-3]\d|4[0-2])/40)\b",
    "children": r"\b((?:[1-9]|1[0-5])[- ]?(?:years?|yrs?)[- ]?olds?|(?:[1-9]|1[0-5]) ?yo|aged (?:[1-9]|1[0-5])\b|"
    r"child\w*|kids?|paediatric|pediatric|infants?|bab(y|ies)|toddlers?|adolescen\w*|teen\w*|"
    r"newborns?|under (5|five|16|18))\b",
    "older": r"\b((?:[7-9]\d)[- ]?(?:years?|yrs?)[- ]?old|[7-9]\d ?yo|elderly|older (adults?|people|patients)|"
    r"aged (65|70|75|80)|over (65|70|75|80)|frail\w*|"
    r"80 (or|and) over)\b",
    "kidney": r"\b(ckd|kidney|renal|egfr|crcl|creatinine clearance|nephropath\w*)\b",
    "dialysis": r"\b(dialysis|end[- ]stage (kidney|renal)|eskd|esrd|crcl (below|under|<) ?15)\b",
    "liver": r"\b(liver|hepatic|cirrho\w*)\b",
    "heart_failure": r"\b(heart failure|hfref|hfpef|lvef|ejection fraction)\b",
    "diabetes": r"\b(diabet\w*|t2dm?|t1dm?)\b",
    "acs": r"\b(nstemi|stemi|acs|acute coronary|myocardial infarction|heart attack|\bmi\b)\b",
    "stroke_history": r"\b(after (a )?stroke|prior stroke|previous stroke|post[- ]stroke|tia)\b",
    "valve": r"\b(mechanical (heart )?valve|mitral stenosis|valv\w*)\b",
    "unable": r"\b(cannot (take|be|tolerate|have)|can't (take|tolerate)|unable to (take|tolerate)|intoleran\w*|"
    r"contraindication to|unsuitable for)\b",
    "severe": r"\b(severe|critical\w*|icu|intensive care|shock|life[- ]threatening)\b",
    "mild": r"\b(mild|low[- ]risk|low[- ]severity|uncomplicated)\b",
    "hospital": r"\b((?<!outside )(?<!out of )(?<!outside of )(?<!outside the )hospital\w*|inpatient|admitted|"
    r"admission)\b",
    "community": r"\b(at home|community|primary care|outpatient|gp|general practice|out of hospital|"
    r"outside (?:of )?(?:the )?hospital|at school)\b",
    "women": r"\b(women|woman|female|menopaus\w*)\b",
    "men": r"\b(men|male)\b",
    "recurrent": r"\b(recurr\w*|relaps\w*|refractory|second[- ]line|failed|not working|doesn't work|does not work|"
    r"didn't work|resistant|still (?:too |very |quite )?high|despite)\b",
    "metastatic": r"\b(metasta\w*|advanced|unresectable|stage (iv|4))\b",
    # A medicine given on top of another ("adding memantine to a cholinesterase inhibitor", "the add-on drug").
    "add_on": r"\b(add[- ]?on|adding|added (?:to|next|in|on)|add (?:in|on|another|a second|a third)|in addition to|"
    r"alongside|on top of)\b",
    # An allergy that rules out the usual choice ("clarithromycin for penicillin allergy").
    "allergy": r"\b(allerg\w*)\b",
    # A low body weight that changes a dose ("5 mg for patients under 60 kg").
    "low_weight": r"\b((?:under|below|less than|<) ?60 ?kg|(?:[3-5]\d) ?(?:kg|kgs|kilos?|kilograms)|"
    r"low (?:body )?weight|weigh(?:s|ing)? (?:under|less than|below))\b",
}
QUALIFIER_RE = {name: re.compile(p, re.I) for name, p in QUALIFIERS.items()}
# A condition only a pregnancy has tells of a pregnancy too ("how does BP management differ in pre-eclampsia?"); being
# the question's subject, it is not stripped as a qualifier (`subject_terms`), only read as one (`qualifiers_of`).
OF_PREGNANCY = re.compile(r"\b(?:pre-?eclamp\w*|eclamp\w*|hellp)\b", re.I)
# A group said not to be pregnant ("for non-pregnant women", "not and have not recently been pregnant"): its own
# group, not a pregnancy (`qualifiers_of`).
NOT_PREGNANT = re.compile(
    r"\b(?:non-?pregnant|not (?:and (?:have|has) not (?:recently )?been )?pregnant|not currently pregnant)\b", re.I)


def subject_terms(question: str) -> set[str]:
    """The question's terms without the words that only say whom or what situation it is about ("in a 65yo
    diabetic", "in CKD", "in pregnancy"): what it is asking about."""
    for pattern in QUALIFIER_RE.values():
        question = pattern.sub(" ", question)
    return content_terms(question)


def qualifier_terms(question: str) -> set[str]:
    """The stemmed words of the question's qualifiers ("in CKD", "in pregnancy", "a previous MI")."""
    spans = [m.group(0) for pattern in QUALIFIER_RE.values() for m in pattern.finditer(question)]
    return content_terms(" ".join(spans))
# Qualifiers that restrict a sentence to a subgroup: a sentence carrying one the question lacks is an exception.
RESTRICTIVE = frozenset(
    {"pregnancy", "children", "dialysis", "liver", "valve", "unable", "severe", "recurrent", "metastatic", "older"}
)
EXCEPTION = re.compile(
    r"\b(unless|except\w*|instead|alternative\w*|if .{0,40}(cannot|can't|contraindicat|not tolerated|fails?)|"
    r"who cannot|for (people|patients) (who|with) .{0,30}contraindication|when .{0,30} not possible|"
    r"rather than|not recommended|avoid\w*)\b",
    re.I,
)
# Words of the question that say what is asked, not what about: they do not make a topic.
# People and everyday words: who is asking and how, never what about ("my mum", "till he's better"). They are
# no sentence's focus either: rare in articles, they would otherwise weigh most in a sentence's focus share.
EVERYDAY_TERMS = content_terms(
    "mum mom mother mam mummy dad daddy father son sons daughter daughters wife husband partner boyfriend "
    "girlfriend gran granny grandma nan nana grandad grandpa grandfather grandmother grandson granddaughter "
    "brother sister uncle aunt auntie friend friends family yo yr yrs mo mos wk wks till want wants wanted find "
    "found like likely "
    "different total overall length watch look fine feel feels felt worth alright sure worried worry scared "
    "heard read told say says said keep keeps lot lots bit little wonder wondering possible able actually "
    "still ever always soon later now today currently recently already home hospital year years old usually "
    "usual people person ago hour hours minute minutes yesterday tomorrow tonight faster quicker quickly sooner "
    "myself every lately nowadays parent parents pretty since christmas xmas ready prepared spot spotting "
    "comfortable inpatient inpatients admission admitted ward post room ccu hdu toward towards point points "
    "monday tuesday wednesday thursday friday saturday sunday weekend wait waiting see struggling struggle "
    "stairs stair upstairs hill hills walk walking "
    # how hard something is for the family: "getting her to the surgery is really hard, so we'd let it lapse"
    "hard easy let lets "
    # where someone is sent, never what about: "now they're sending her for a bone scan"
    "send sends sending sent "
    # what a test or scan did, never what about: "echo shows EF 32%"
    "show shows showed shown "
    # how a writer opens: "can I ask something about my medication? well my husband's", "I'm a carer for my mum", "my
    # results came back and I can't make sense of them"
    "well carer carers sense result results "
    # the setting of a clinician's case: "day 2 post-op bowel pt", "pre-op"
    "op ops postop preop "
    # Scottish, Nigerian and Australian everyday words ("he cannae mind", "whit happens", "my oga at work", "the
    # missus is flat as a tack"): in the fresh11 conversations they were read as topics the library lacks
    "cannae canny dinnae didnae wouldnae couldnae isnae wasnae whit tae gie gies telt aboot wid ma da ye yer ah oot "
    "awfy ken aye naw fae wi noo mind oga don abi sha sef dey wahala una missus mate arvo reckon heaps flat tack shot "
    # text-speak: "any side effects i shld know abt"
    "shld shd wld wud cld cud abt wat wht bc cos coz b4 ppl tho thru pls plz thx ty ur tmrw tmw tomoz "
    # how a message turns, never what about: "my husband has gout though"
    "though although anyway anyways allowed allow "
    # why a student asks: "quick q for my exam tmrw"
    "exam exams revision revising "
    # when, never what about: "diagnosed in march", "whether she has eaten"
    "january february march april june july august september october november december whether"
)
# Words that tell who is asking, the request, and everyday activities asked about, never a subject of their own:
# an opener made only of them ("im 56 and got a letter from my GP", "hoping you can help with something about my
# son", "can I still drive?") leaves the condition unknown. An opener with any other word has a subject, in or out of
# the library ("what is compound interest?" is declined, not asked back).
SITUATION_TERMS = content_terms(
    "letter letters result results hope hoping morning afternoon evening help far drive driving drove fly flying "
    "travel travelling holiday swim swimming work working job school nursery sport sports play playing worried "
    "worry worrying scared frightened confused unsure wondering wonder son daughter husband wife partner mum mom "
    "mother dad father grandson granddaughter grandad grandma nan brother sister friend family year years old "
    # greetings and requests about asking, and being quizzed: "hiya, hope you can help me", "can you quiz me?"
    "hiya hello hey understand quiz finals exam exams revision revising "
    # results told by how they moved, and an appointment to prepare for (fresh23): "the numbers have gone down since
    # last time", "my levels are borderline", "an appointment next week to talk about his treatment"
    "number numbers reading readings borderline last time gone appointment talk talking"
)
# A medicine named only by its form ("is it safe to just stop my injection?", "is the injection better than the
# tablets?", "what rate do we run it at?"): which medicine, for what, decides the answer.
MEDICINE_FORMS = content_terms(
    "injection injections jab jabs tablet tablets pill pills capsule capsules medicine medicines medication meds dose "
    "doses rate drip infusion patch patches inhaler inhalers cream creams run"
)
# What is done with a medicine or a test, which says no more which one it is: "how soon do we recheck bloods after
# starting it?", "how often do the bloods need repeating?".
MEDICINE_ACTIONS = content_terms(
    "recheck rechecking rechecked repeat repeating repeated adjust adjusting adjustment adjustments redo redoing "
    "retest retesting"
)
ASKING_TERMS = content_terms(
    "treatment treat treated treating therapy therapies manage managed management symptom symptoms sign signs "
    "cause causes caused diagnose diagnosed diagnosis test tests testing patient patients recommend "
    "recommended recommendation guideline guidelines best first line option options use used using tell know "
    "disease condition dose doses dosing dosage much many long duration target goal level levels threshold "
    "stage stages staging staged side effect effects adverse safe safety risk risks drug drugs medicine "
    "medicines medication medications med meds take taking taken give given start started prevent prevention monitor "
    "monitoring follow often check screen screening diet lifestyle exercise outlook prognosis cure cured "
    "recommend help work works need needs get gets getting should could would mean means why happen happens type types "
    "common normal good bad worse better next new month months week weeks day days "
    "doctor nurse gp clinician physician explain please thanks thank ok okay also else instead again further "
    "more less about anything something someone typical typically mostly really much often start stop "
    "choice preferred initial approach plan way ways thing things kind kinds sort work-up workup what's whats "
    "pregnancy pregnant child children kid kids baby babies adult adults elderly older young age aged woman "
    "women man men male female "
    # judgements and kinds of fact, not subjects: "is it serious?", "what are the diagnostic criteria?"
    "serious seriously dangerous curable treatable fixable fatal deadly permanent painful criteria "
    "criterion diagnostic component components element elements "
    # question filler and shorthand: "any role for...", "and max?", "per KDIGO", "can't eat", "bring it down"
    "role max maximum per cant wont dont bring titration titrate titrating uptitrate uptitrating uptitration "
    # whom and what is asked about, with nothing named yet: "quick one about a pt on my ward", "my numbers are high"
    "pt pts number numbers "
    "schedule regimen course escalate escalation escalating ambulance call calling "
    # greetings and words about asking, and a medicine named only by its role: "What's the first-line agent?"
    "hello hi hey question questions asking continue continued continuing agent agents am "
    # contractions typed without an apostrophe, and going: "my back pain isnt getting better, should I go back?"
    "isnt arent doesnt didnt wasnt werent havent hasnt wont wouldnt shouldnt couldnt go going goes went "
    # how a question compares or asks for a different way: "GNET vs melanoma", "can I take them differently?"
    "vs versus profile make makes making differently "
    # what any condition has: "when to refer?", "what are the red flags?", "whats the target range?", "check ups",
    # "what does the latest evidence say"
    "refer referred referral referrals flag flags range ranges checkup checkups ups latest evidence say says "
    # what is current, and asking for advice: "what's current first-line tx?", "any update to guidance?", "I look
    # after my wife and need some advice", "in what order?"; clinical shorthand for kinds of fact
    "current currently update updates updated guidance advice advise sequence sequencing order tx rx mx dx ix "
    "maintenance indicated indication put marker markers priority priorities prioritise prioritize "
    # what someone thinks or calls a problem, and plans coming up: "the GP thinks it's COPD", "is that a problem?",
    # "a breath test coming up", "her kidneys picked up"
    "think thinks thinking reckon reckons reckoned problem problems issue issues come comes coming came pick picked "
    "supposed meant fail failed failing fortnight fortnights yet matter matters "
    # how a number is found or where its line is drawn: "how do you calculate the cut-off?", "BP ceiling"
    "calculate calculated calculating calculation cut off cutoff cutoffs ceiling "
    # whether a claim holds or where it reaches: "is it true that...?", "from what age does it apply?"
    "true apply applies applied "
    # a score, like a stage, is a kind of fact asked: "abx if the score is 1?" names no subject
    "score scores scoring "
    # a grade or category code names which band is asked, as "stage" does: "Ki-67 range for G2?", "CKD G3a"
    "g1 g2 g3 g3a g3b g4 g5 a1 a2 a3 "
    # the prefix of a hyphenated name, which says nothing alone: "pre-eclampsia" is not "pre-exposure"
    "pre "
    # numbers in words ("twenty-nine weeks", "the last two checks"), and getting seen straight away: how and when,
    # never what about
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred seen straight away"
) | EVERYDAY_TERMS


# A message that only reports a reading: an analyte (a word or two, "his", "the" before it), a link word ("is",
# "now", "came back", ":") and a number with its unit, perhaps "now" or "today" after it. Triage reads it in
# normalised text, where "13.5" is "13 5".
# The words that may lead a reading before its analyte ("and his", "latest"): triage reads the analyte after them.
READING_LEAD = r"(?:(?:and|her|his|my|the|their|so|also|btw|ok|okay|latest|repeat)\s+)*"
READING = re.compile(
    rf"\W*{READING_LEAD}[a-z][\w/-]*(?:\s+[a-z][\w/-]*)?\s*"
    r"(?:(?:is|was|now|came back|come back|back at|of|at|=|:|has gone up to|has gone down to|went up to|"
    r"dropped to|rose to)\s*)*\d+(?:[./ ]\d+)?\s*(?:%|[a-z/µ]+(?:/[a-z0-9.]+)?)?(?:\s+(?:now|today|this morning|"
    r"yesterday|btw))?\W*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QuestionProfile:
    """How a question is read by the evidence stage."""

    text: str
    intents: frozenset[str]
    qualifiers: frozenset[str]
    terms: frozenset[str]
    topic: frozenset[str]

    @property
    def specific(self) -> frozenset[str]:
        return self.intents & SPECIFIC


@functools.lru_cache(maxsize=8192)
def qualifiers_of(text: str) -> frozenset[str]:
    """The qualifier groups a text mentions.

    Memoised: the evidence stage asks it of every sentence of every retrieved passage on every turn, the
    same few thousand sentences again and again (a sixth of a server's CPU per answer under load).
    """
    denied = NOT_PREGNANT.sub(" ", text)
    found = {name for name, pattern in QUALIFIER_RE.items() if pattern.search(denied)}
    if OF_PREGNANCY.search(denied):
        found.add("pregnancy")
    if denied != text:
        # "For non-pregnant women with lower UTI, NICE recommends 3 days": the group that is not pregnant, never a
        # match for a question about pregnancy ("20 weeks pregnant, how long will the antibiotics be for?").
        found.add("not_pregnant")
    return frozenset(found)



# "Back" after a verb of coming or going is where, not the back: "his eGFR came back 40", "go back to work".
_BACK_ADVERB = re.compile(
    r"\b(came|come|comes|coming|got|get|gets|went|go|goes|going|bring|brought|be|results?|bloods?|scans?|reports?) "
    r"back\b",
    re.I,
)
# "How fast" asks how quickly, whatever "fast" names elsewhere (FAST, the stroke test; fasting before a blood test).
_HOW_FAST = re.compile(r"\bhow fast\b", re.I)


def _swapped(term: str) -> set[str]:
    return {term[:i] + term[i + 1] + term[i] + term[i + 2:] for i in range(len(term) - 1)}


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    stems = {_stem(w) for w in STOPWORDS}  # terms are stemmed: "becuase" is read as "becuas"
    return frozenset(w for w in STOPWORDS | stems | ASKING_TERMS | EVERYDAY_TERMS if len(w) >= 5)


def _typo_of_a_common_word(term: str) -> bool:
    """Two letters swapped in a common word ("shuold", "woudl", "becuase"): a slip of typing, never a topic."""
    return len(term) >= 5 and term not in _common_words() and bool(_swapped(term) & _common_words())


def _asking_part(question: str) -> str:
    """The sentences that ask, when a message also tells its story: "I'm 77 and my GP says I have stage 3 kidney
    disease. I take ibuprofen most days for my knees, is that a problem?" asks about ibuprofen, not a stage. A
    message with no sentence in question form is read whole ("72M, eGFR 28, AF. Apixaban dose")."""
    parts = split_sentences(question)
    if len(parts) < 2:
        return question
    asking = [i for i, p in enumerate(parts) if p.rstrip().endswith("?") or _ASKS.match(p.strip())]
    if not asking:
        return question
    # A question pointing back ("what does that actually mean?") is asked of the sentence before it.
    read = {j for i in asking for j in ((i - 1, i) if _POINTS_BACK.match(parts[i].strip()) else (i,)) if j >= 0}
    return " ".join(parts[j] for j in sorted(read))


_POINTS_BACK = re.compile(r"^(?:so |and |but )?(?:what|how|is|does|do|why)\b(?: \w+){0,2} (?:that|this|it)\b", re.I)


# What a story tells as often as a question asks: "needed 2 doses of IM adrenaline... minimum obs period?", "I have
# stage 3 kidney disease... is ibuprofen a problem?". Read from the asking sentences only; other kinds of fact asked
# are read from the whole message ("my friend said I'm too young for screening. At what age do you start?").
_TOLD_IN_A_STORY = frozenset({"dose", "staging"})


def profile(question: str) -> QuestionProfile:
    """Read a question once; every later stage uses the same reading."""
    asking = _asking_part(question)
    intents = {name for name, pattern in _Q.items()
               if pattern.search(asking) or (name not in _TOLD_IN_A_STORY and pattern.search(question))}
    if len(intents) > 1:
        intents.discard("definition")
    if intents & {"dose", "duration", "first_line", "side_effects"}:
        intents.discard("treatment")
    if "lifestyle" in intents and not re.search(r"\b(mg|dose|dosing|tablets?|pills?)\b", question, re.I):
        intents.discard("dose")  # "how much exercise" asks about living, not a drug dose
    terms = content_terms(_HOW_FAST.sub("how quickly", _BACK_ADVERB.sub(r"\1", question)))
    return QuestionProfile(
        text=question,
        intents=frozenset(intents),
        qualifiers=qualifiers_of(question),
        terms=frozenset(terms),
        # "4.5h", "24h": times, not topics; "shuold": a typing slip
        topic=frozenset(t for t in terms - ASKING_TERMS if not t[0].isdigit() and not _typo_of_a_common_word(t)),
    )


# Where a message turns to a second question: "how is gout treated and what about high blood pressure?"
_SECOND_QUESTION = re.compile(
    r"\?\s+(?=\w)|;\s*|\s+(?:and also|and|also|plus|as well as)\s+"
    r"(?=(?:what|how|which|when|why|about|for|any)\b(?!['’])|"
    # "and can't enjoy anything" goes on describing; "my midwife says... and should take baby aspirin" goes on with
    # the same subject: a second question puts its subject after the verb ("and should I...", "and is it...").
    r"(?:is|are|does|do|can|should)\s+(?:i|we|you|he|she|it|they|my|his|her|their|the|a|an|this|that|there|these|"
    r"those|\w+'s)\b)",
    re.IGNORECASE,
)


_ASKS = re.compile(
    r"(?:and |also |so |but |plus )?(?:what|how|is|are|does|do|did|can|could|should|would|will|which|when|why|who|"
    r"where|any|about|for)\b",
    re.IGNORECASE,
)


def split_foci(
    question: str,
    names_topic: Callable[[set[str]], set[str]],
    names_whole: Callable[[set[str]], bool],
    known: Callable[[set[str]], set[str]],
) -> list[str]:
    """The question's parts when it asks about two library topics, else the question alone.

    Only a second question with a topic of its own counts ("...and how long for?" stays one question), and
    one part must name a library topic the other does not: "diabetes and kidney disease, which metformin
    dose?" stays whole; "how is gout treated and what about high blood pressure?" splits, and so does
    "...and how are warts treated?", so the reply can say which part no approved article covers. The second
    part must also name a topic whole (`names_whole`) or hold a word the library lacks (`known`).
    """
    pieces = [p.strip(" ,.;") for p in _SECOND_QUESTION.split(question) if p and p.strip(" ,.;?")]
    if len(pieces) > 1 and not question.rstrip().endswith("?") and not _ASKS.match(pieces[-1]):
        # What follows the last question mark tells why, not what, is asked: "what tests find kidney disease? my
        # GP wants to check me because of my diabetes" is one question.
        pieces[-2:] = [f"{pieces[-2]}? {pieces[-1]}"]
    if len(pieces) < 2:
        return [question]
    first, rest = set(profile(pieces[0]).topic), set(profile(" ".join(pieces[1:])).topic)
    if not first or not rest or first <= rest or rest <= first:
        return [question]
    if not (names_topic(first) - rest) and not (names_topic(rest) - first):
        return [question]  # neither part names a library topic of its own
    if not names_whole(rest - first) and not rest - known(rest):
        # The second part has no subject of its own ("abx for leg cellulitis? uk first choice and course length"):
        # its words are the library's, but name none of its topics. It asks more about the first part.
        return [question]
    return [pieces[0], " ".join(pieces[1:])]
