"""Shorthand, brand names and lay words a question uses that the library may not: rewritten before search.

Clinicians type "pred dose for AECOPD" and "risk tool for new LBP"; patients write "my blood thinner", "a
clot in his leg" and "I'm on ramipril" where the article says "anticoagulant", "deep vein thrombosis" and
"ACE inhibitors". The words the library lacks then count as an uncovered topic, and a question the library
answers is declined. `rewrite` puts the library's own wording in place of a phrase only when the library
does not already use the phrase itself, so an article that does say "ramipril" is still found by it.

The table is deliberately conservative: expansions are names, not clinical claims, and shorthand that is
ambiguous in lower case ("CAP", "PE", "GAD", "MS") is matched only as typed in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from knowledge.text import content_terms

# phrase (regex, case-insensitive unless the key is all capitals) -> the library's wording
_TABLE: dict[str, str] = {
    # clinical shorthand
    r"lbp": "low back pain",
    r"a?ecopd": "copd exacerbation",
    r"pred": "prednisolone",
    r"abx": "antibiotics",
    r"htn": "hypertension",
    r"abpm": "ambulatory blood pressure monitoring",
    r"hbpm": "home blood pressure monitoring",
    r"bp": "blood pressure",
    r"temp": "temperature",
    r"NEWS": "NEWS2",
    r"ida": "iron deficiency anaemia",
    r"ais": "acute ischaemic stroke",
    r"c?hf": "heart failure",
    r"t2dm?|dm2|t2 diabetes": "type 2 diabetes",
    r"t1dm?|dm1": "type 1 diabetes",
    "DM": "diabetes",
    r"uti'?s?": "urinary tract infection",
    "CAP": "community-acquired pneumonia",
    "PE": "pulmonary embolism",
    "GAD": "generalised anxiety disorder",
    "MDD": "major depression",
    "AD": "alzheimer's disease",
    "MCI": "mild cognitive impairment",
    "CRC": "colorectal cancer",
    "ACS": "acute coronary syndrome",
    "FMC": "first medical contact",
    r"(?:thrombo)?lytics?|lys(?:e|ed|ing|is)": "thrombolysis",
    r"cath(?:eter)? labs?": "primary PCI",
    r"dvt": "deep vein thrombosis",
    r"vte": "venous thromboembolism",
    r"gord|gerd": "gastro-oesophageal reflux",
    r"hcv|hep\.? ?c": "hepatitis c",
    r"hbv|hep\.? ?b": "hepatitis b",
    r"sti'?s?|std'?s?": "sexually transmitted infection",
    r"osa": "obstructive sleep apnoea",
    r"r?tpa": "alteplase",
    r"tnk": "tenecteplase",
    r"evt": "thrombectomy",
    r"ich": "intracerebral haemorrhage",
    r"noacs?": "doac",
    r"ace-?is?|acei": "ace inhibitor",
    r"sglt-?2is?": "sglt2 inhibitor",
    r"glp-?1 ?(ras?)?": "glp-1 receptor agonist",
    r"bb": "beta-blocker",
    r"bd|bid": "twice daily",
    r"tds|tid": "three times daily",
    r"qds|qid": "four times daily",
    r"prn": "as needed",
    r"wks?": "weeks",
    r"yrs?": "years",
    r"pts?": "patient",
    r"hx": "history",
    r"dx": "diagnosis",
    r"tx": "treatment",
    r"sx": "symptoms",
    r"rx": "treatment",
    r"o2": "oxygen",
    r"hosp": "hospital",
    r"outpts?|out-pts?": "outpatient",
    r"inpts?|in-pts?": "inpatient",
    r"ihc": "immunohistochemistry",
    r"neg|-ve": "negative",
    r"re-?check(?:s|ed|ing)?": "check",
    r"upp(?:ing|ed)|up-?titrat(?:e|ed|ing|ion)": "increasing",
    r"sp ?o2|(?:o2|oxygen) sats?|sats|sat(?= ?(?:[<>≤≥]|\d|of\b|\?))": "oxygen saturation",
    r"cutoffs?": "threshold",
    r"docs?": "doctor",
    r"coz|cos|cuz": "because",
    r"post[- ]?mi": "after myocardial infarction",
    "SOB": "shortness of breath",
    r"sats? levels?": "oxygen saturation",
    "EF": "ejection fraction",
    r"gdmt": "guideline-directed medical therapy",
    r"co-?morbs?|co-?morbids?": "comorbidities",
    r"well[- ]diff(?:'?d)?": "well-differentiated",
    r"poorly[- ]diff(?:'?d)?": "poorly differentiated",
    r"trops?|hs-?trop": "troponin",
    r"eos|eosin": "eosinophils",
    r"curb ?65": "CURB-65",
    r"crb ?65": "CRB-65",
    r"levo": "levothyroxine",
    r"atorva": "atorvastatin",
    r"rosuva": "rosuvastatin",
    r"simva": "simvastatin",
    r"kcl|k\+": "potassium",
    r"crcl": "creatinine clearance",
    "MI": "myocardial infarction",
    r"resp": "respiratory",
    r"icu|itu": "intensive care",
    r"fx": "fracture",
    r"ix": "investigations",
    r"mx": "management",
    r"bx": "biopsy",
    r"ddx": "differential diagnosis",
    r"f/u": "follow-up",
    r"cxr": "chest x-ray",
    r"ekg": "ecg",
    r"echo": "echocardiography",
    r"lfts?": "liver function tests",
    r"u&es?|u\+e": "urea and electrolytes",
    r"fbc|cbc": "full blood count",
    # brand names -> generic names
    r"eliquis": "apixaban",
    r"xarelto": "rivaroxaban",
    r"pradaxa": "dabigatran",
    r"lipitor": "atorvastatin",
    r"crestor": "rosuvastatin",
    r"zoloft|lustral": "sertraline",
    r"prozac": "fluoxetine",
    r"nexium": "esomeprazole",
    r"losec|prilosec": "omeprazole",
    r"ozempic|wegovy|rybelsus": "semaglutide",
    r"mounjaro|zepbound": "tirzepatide",
    r"jardiance": "empagliflozin",
    r"farxiga|forxiga": "dapagliflozin",
    r"ventolin": "salbutamol",
    r"glucophage": "metformin",
    r"synthroid|eltroxin": "levothyroxine",
    r"aricept": "donepezil",
    r"plavix": "clopidogrel",
    r"brilinta|brilique": "ticagrelor",
    r"tylenol": "paracetamol",
    r"advil|nurofen|motrin": "ibuprofen",
    r"coumadin": "warfarin",
    r"lasix": "furosemide",
    r"entresto": "sacubitril valsartan",
    r"zyban": "bupropion",
    r"truvada": "emtricitabine tenofovir",
    r"gleevec|glivec": "imatinib",
    # single drugs -> the class an article may name instead
    r"ramipril|lisinopril|enalapril|perindopril|captopril": "ace inhibitor",
    r"losartan|candesartan|valsartan|irbesartan|telmisartan|olmesartan": "angiotensin receptor blocker",
    r"amlodipine|felodipine|lercanidipine": "calcium channel blocker",
    r"bisoprolol|atenolol|metoprolol|carvedilol|nebivolol": "beta-blocker",
    r"bendroflumethiazide|hydrochlorothiazide": "thiazide diuretic",
    r"atorvastatin|simvastatin|rosuvastatin|pravastatin": "statin",
    r"citalopram|escitalopram|fluoxetine|paroxetine": "ssri",
    r"omeprazole|lansoprazole|esomeprazole|pantoprazole": "proton pump inhibitor",
    r"ibuprofen|naproxen|diclofenac": "nsaid",
    r"empagliflozin|dapagliflozin|canagliflozin": "sglt2 inhibitor",
    r"liraglutide|dulaglutide": "glp-1 receptor agonist",
    r"alendronate|alendronic acid|risedronate": "bisphosphonate",
    r"diazepam|lorazepam|midazolam": "benzodiazepine",
    r"cetirizine|loratadine|fexofenadine|chlorphenamine|chlorpheniramine|piriton|promethazine": "antihistamine",
    r"furosemide|frusemide|bumetanide": "loop diuretic",
    # more brand names -> generic names
    r"prolia": "denosumab",
    r"fosamax": "alendronate",
    r"lixiana|savaysa": "edoxaban",
    r"champix|chantix": "varenicline",
    r"keppra": "levetiracetam",
    r"lamictal": "lamotrigine",
    r"tegretol": "carbamazepine",
    r"zyloprim|zyloric": "allopurinol",
    r"lantus|levemir|tresiba|toujeo|abasaglar|semglee|glargine|detemir|degludec": "long-acting insulin",
    r"ileal": "ileum",
    r"noradrenalin(?:e)?|norad": "norepinephrine",
}
# Phrases rewritten even though the library knows their words in another sense: "FIT" is a bowel-screening
# test, and "pen" is also an insulin pen.
_ALWAYS: dict[str, str] = {
    # A condition said to be absent names no topic: "SGLT2i in HFrEF even w/o diabetes?", "still indicated if he's not
    # diabetic?" ask about heart failure, not diabetes.
    r"(?:(?:he|she|they|the (?:patient|pt)|patient|pt)(?:'?s|'?re| is| are) )?(?:not|isn'?t|aren'?t|without|w/o|"
    r"non-?|no) (?:a |any |having )?(?:diabet\w*|t2dm?|type 2 diabetes)\b": "",
    # ...and told as a likeness: "had what looked like a fit", "something like a fit".
    r"(?:having|had|has|have|having had|like) an? (?:\w+ )?fit|fitting|seizing": "having a seizure",
    r"(?:(?<=first )|(?<=second )|(?<=another )|(?<=last )|(?<=latest )|(?<=next )|(?<=third ))fit": "seizure",
    r"epi[- ]?pens?|jext|emerade": "adrenaline auto-injector",
    # "got a FIT kit in the post": the bowel-screening test, never a seizure (after "had a fit" above)
    "FIT": "faecal immunochemical test",
    r"fit (?:kits?|tests?)": "faecal immunochemical test",
    # "how fast do they put it up": a speed (the library's "FAST" is the stroke test)
    r"how fast": "how quickly",
    # "smoked 20 a day for 30 years and want to pack it in": stopping smoking, never COPD's pack-years.
    r"((?:smok\w*|cig\w*|fags?|tobacco)\b(?: \S+){0,12}) (?:pack|packing) (?:it|them|it all) in": r"\1 stop smoking",
    r"(?:pack|packing) in (?:the )?(?:smoking|smokes|fags|cigs|ciggies|cigarettes)": "stop smoking",
}


def _compile(table: dict[str, str]) -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for phrase, wording in table.items():
        flags = 0 if phrase.isupper() else re.IGNORECASE
        compiled.append((re.compile(rf"(?<![\w-])(?:{phrase})(?![\w-])", flags), wording))
    return compiled


# Lay words -> the article's words, added after the phrase rather than put in its place: "a clot in my leg"
# keeps its own words (the library knows "clot" and "leg", from other articles too) and gains "deep vein
# thrombosis", which names the article that answers it.
_LAY: dict[str, str] = {
    # Kidney disease by its stage is the chronic one (an acute injury is staged as "AKI stage 2"): "I have stage 3
    # kidney disease, can I take nurofen?".
    r"stage (?:[1-5][ab]?|g[1-5][ab]?|iv|i{1,3}) kidney disease|kidney disease,? (?:stage|g) ?[1-5][ab]?":
        "chronic kidney disease",
    # A bone broken in a fall from standing height (NICE's fragility fracture): "broke her wrist tripping on a kerb".
    r"(?:broke|broken|fractured?|cracked) (?:her|his|my|their|a) (?:wrist|hip)\b(?:\W+\w+){0,6}\W+"
    r"(?:trip\w*|fell|fall\w*|slipp\w*|stumbl\w*)|(?:trip\w*|fell|fall\w*|slipp\w*|stumbl\w*)\b(?:\W+\w+){0,8}\W+"
    r"(?:broke|broken|fractured?|cracked) (?:her|his|my|their|a) (?:wrist|hip)": "fragility fracture",
    # The bacterium by its first name, and its breath test by its everyday one: "test me for helicobacter", "a breath
    # test for the stomach bug that causes ulcers".
    r"helicobacter(?! pylori)|(?:stomach |tummy )?bug that causes (?:stomach )?ulcers": "Helicobacter pylori",
    # (not an asthma one: "a breath test for asthma at the clinic, it came back 38" is FeNO)
    r"(?<!urea )(?<!feno )breath tests?(?!\W+(?:\w+\W+){0,3}(?:asthma|feno|nitric|alcohol))": "urea breath test",
    # A creatinine or eGFR that moved within hours or days is an acute kidney injury (KDIGO defines it by a rise
    # within 48 hours or 7 days): "Cr 90 -> 190 umol/L in 48h", "eGFR went from 58 to 34 in a week". (Not a rise
    # in per cent over weeks: "creat up 20% two weeks after starting ramipril" is the expected change in CKD.)
    r"(?:creatinine|creat|cr|egfr)\b(?:\W+\w+){0,8}\W+(?:in|over|within) (?:(?:the )?(?:last |past )?\d+ ?(?:h|hrs?|"
    r"hours?|d|days?)|(?:a|one|1) (?:day|week)|a few days|48h|24h)\b|"
    r"(?:creatinine|creat|cr)\b(?: \w+){0,2} (?:up|rose|risen|increased|gone up|jumped) (?:by )?\d+ ?%\W+(?:in |over |"
    r"within )?\d+ ?(?:h|hrs?|hours?|d|days?)\b": "acute kidney injury",
    # A medicine given inside the cheek: "something you squirt in the cheek" is a buccal medicine.
    r"(?:squirt\w*|put|puts|give|given|spray\w*|syringe\w*) (?:\w+ ){0,3}(?:in|into|inside) "
    r"(?:the|his|her|their|my|your) cheeks?|(?:cheek|gum) (?:medicine|spray|syringe|liquid)": "buccal",
    # How long to stay on a medicine that has worked: "it's working and I feel better, how long should I keep taking
    # it?" asks about continuing it after a response.
    r"(?:keep|carry on|go on) (?:on )?taking|how long (?:\w+ ){0,3}stay on": "continue",
    r"(?:it'?s|is|has been|have been|'?s been|are) (?:really )?(?:working|helping)|"
    r"(?:feel|feeling|felt) (?:much |a lot |loads )?better (?:now|on it|since)|"
    r"(?:feel|feeling) back to normal": "responded",
    r"blood[- ]thinners?|blood[- ]thinning (tablets?|pills?|medicines?)": "anticoagulant or antiplatelet",
    r"water (tablets?|pills?)": "diuretic",
    # kinds of shellfish, by name: "can he still eat prawns?"
    r"prawns?|shrimps?|crabs?|lobsters?|mussels|oysters|scallops|crayfish|langoustines?": "shellfish",
    r"(?:metal|mechanical|artificial|replacement|new) (?:heart )?valves?|valve replacement": "mechanical heart valve",
    r"clots? in (?:(?:my|his|her|the|their|your) )?(legs?|calf)|"
    # "my calf is swollen and sore, GP thinks it might be a clot": a clot said near the leg it is in
    r"(?:calf|calves|legs?)\b(?:\W+\w+){0,12}\W+(?:a |the )?(?:blood )?clot\b|"
    r"clot\b(?:\W+\w+){0,8}\W+(?:calf|calves|legs?)\b": "deep vein thrombosis",
    r"clots? in (?:(?:my|his|her|the|their|your) )?lungs?": "pulmonary embolism",
    r"(germs|bacteria|bugs) in (?:(?:my|his|her|the|their) )?(urine|wee|pee)": "bacteriuria",
    # A urine sample sent away: "keeps sending my dad's wee off to the lab".
    r"send\w* (?:\w+ ){0,3}(?:wee|pee|urine|water)\b(?: \w+){0,2} (?:off|away|to the lab)|(?:wee|pee|urine) "
    r"(?:sample )?(?:\w+ ){0,2}(?:off )?to the lab": "urine culture",
    r"water infections?|bladder infections?": "urinary tract infection",
    r"camera test|scope": "endoscopy",
    r"fits": "seizures",
    r"throwing up|throw(?:n|s)? up|puking|being sick": "vomiting",
    r"(?:feel|feels|feeling|felt|make (?:me|him|her|them)) (?:\w+ )?(?:sick|queasy|nauseous)|nauseous|queasy": "nausea",
    r"mini[- ]strokes?": "transient ischaemic attack",
    r"piles": "haemorrhoids",
    # "my lower back", "lower back pain": the library says "low back pain" (a lay question on it went to GIST on
    # the word "MRI" alone)
    r"lower back": "low back",
    # "recheck the a1c": the library writes HbA1c
    r"(?<!hb)a1c": "HbA1c",
    r"back ?aches?|aching back|(?:put|thrown?|threw|hurt|pulled|strained|ricked|did|done|does) (?:my|his|her|their|"
    r"your) back(?: out| in)?\b|"
    # "his back is sore after a fall", "a bad back" (fresh37: the first went to the osteoporosis article)
    r"(?:sore|bad|painful|stiff|dodgy) back\b|(?:my|his|her|their|your) back(?:'s| is| has| was)(?: been)? (?:\w+ )?"
    r"(?:sore|aching|painful|hurting|killing|stiff|agony|playing up)\b": "back pain",
    r"(?:to|can'?t|cannot|trouble|difficulty|problems?|when (?:i|he|she|they)) wee(?:ing)?\b": "peeing",
    r"achy|achey": "aches",
    r"mri(?: scans?)?|ct scans?|cat scans?|x-?rays?": "scan",
    r"heartburn|acid reflux": "reflux",
    r"(?:anxious|worry|worrying|worried|on edge) (?:\w+ ){0,3}(?:all the time|(?:about|over) (?:\w+ ){0,2}everything|"
    r"constantly|non-?stop)|"
    r"constant(?:ly)? (?:\w+ ){0,2}(?:worry|worrying|anxious)|can'?t (?:stop|switch off) (?:the )?worry\w*": "anxiety",
    # A gestation: "BP 160/110 at 30 weeks", "32 weeks pregnant", "34/40".
    r"(?<!review )(?<!recheck )(?<!repeat )(?<!check )at (?:2\d|3\d|4[0-2]) ?(?:weeks|wks)(?! (?:of|after|post))|"
    r"(?:2\d|3\d|4[0-2]) ?(?:weeks|wks) (?:pregnant|gestation)|(?:2\d|3\d|4[0-2]) ?/ ?40": "pregnancy",
    # ...or the care that only a pregnancy brings: "my blood pressure was 144/94 at the midwife today".
    r"(?:at|by|from|with|saw|seen by|told by|said by|my|the) (?:the |my )?(?:community )?midwi(?:fe|ves|fery)|"
    r"antenatal (?:appointment|check|clinic|visit|scan)": "pregnancy",
    r"flu jabs?|flu shots?": "influenza vaccine",
    r"dark thoughts?|thoughts of (?:ending it|not being here|ending my life)": "suicidal thoughts",
    r"baby aspirin|(?:a |one )?daily aspirin|aspirin (?:every ?day|daily|once a day|a day)": "low-dose aspirin",
    # Preventing a first heart attack or stroke in someone healthy is what "primary prevention" names.
    r"(?:healthy|never had (?:a |any )?(?:heart|stroke)\w*|no (?:heart|cardiac) (?:problems?|disease|history|issues?))"
    r"\b(?:\W+\w+){0,16}\W+(?:prevent|stop|avoid)\w* "
    r"(?:\w+ ){0,3}(?:heart attacks?|strokes?)|(?:prevent|stop|avoid)\w* (?:\w+ ){0,3}(?:heart attacks?|strokes?)"
    r"(?:\W+\w+){0,12}\W+(?:healthy|never had)\b|"
    r"(?:prevent|avoid)\w* (?:a |my |your |their )?first (?:heart attack|stroke)|"
    # "a baby aspirin every day? I'm 60, never had any heart problems": aspirin with no heart disease to treat.
    r"(?:baby|daily|low[- ]dose) aspirin(?:\W+\w+){0,15}\W+(?:never had (?:a |any )?(?:heart|stroke)\w*|"
    r"no (?:heart|cardiac) (?:problems?|disease|history|issues?))|"
    # ...said the other way round: "no heart problems at all. Should I take a baby aspirin every day?"
    r"(?:never had (?:a |any )?(?:heart|stroke)\w*|no (?:heart|cardiac) (?:problems?|disease|history|issues?))"
    r"(?:\W+\w+){0,15}\W+(?:baby|daily|low[- ]dose) aspirin": "primary prevention",
    r"sugar levels?|blood sugars?": "blood glucose",
    r"blue inhaler": "salbutamol reliever inhaler",
    r"brown inhaler|steroid inhaler": "inhaled corticosteroid",
    r"stomach bug": "gastroenteritis",
    r"pins and needles": "tingling",
    # "a poo test kit", "the stool sample": the library's home stool tests
    r"poo (?:tests?|samples?|kits?)|stool samples?": "stool test",
    # "any side effects down below? heard about thrush": a genital yeast infection, not thrush of the mouth
    r"(?<!oral )thrush(?! (?:in|on) (?:my|his|her|their|the) (?:mouth|tongue))": "genital infection",
    # "my bones are thinning", "brittle bones", "thin bones"
    # "could her bones be thin?"
    r"(?:bones? (?:are |is |have |has |be |could be |might be )?(?:thinning|getting thin(?:ner)?|thin|brittle|"
    r"weak(?:er)?))|"
    r"(?:thin(?:ning)?|brittle|weak) bones?|bone thinning": "osteoporosis",
    r"toxa?emia": "pre-eclampsia",
    r"(?:going |gone |getting )?senile|senility": "dementia",
    r"loose motions?|runny (?:poo|tummy)|the runs": "diarrhoea",
    r"jabs?": "injection",
    r"irregular (?:heart ?beats?|heart rhythm|rhythm|pulse)|(?:heart|heart ?beat|pulse|rhythm) (?:is |was |keeps |has "
    r"been |seems )?(?:beating |going )?(?:a bit |really |very )?irregular(?:ly)?": "atrial fibrillation",
    r"\bcigs?\b|\bciggies\b|\bciggy\b|\bfags\b": "smoking",
    r"(?:feel|feels|feeling|felt) (?:so |really |very |pretty )?(?:low|down|hopeless)(?: and (?:low|down|hopeless))?|"
    r"(?:can'?t|cannot|don'?t|doesn'?t|does not|do not|won'?t) enjoy (?:anything|things|life)|"
    r"lost interest in (?:everything|things|life)|"
    # "my husband has been really low for months": how someone has been, told by who lives with them
    r"(?:has|have|'s|'ve|is|was) been (?:so |really |very |pretty |quite )?(?:low|down|flat)(?= for| since| lately| "
    r"all| most| and|\W*$|[.,])|"
    r"(?:feel|feels|feeling|felt) (?:so |really |very |pretty |a bit )?flat|"
    r"(?:no|zero|lost all) interest in (?:anything|everything|things|life|stuff)|"
    r"(?:can'?t|cannot|can barely|can hardly|struggl\w* to) (?:even )?get out of bed": "low mood",
    # "a pounding headache and keeps seeing sparkly spots": the warning signs as the articles word them
    r"(?:pounding|thumping|splitting|banging|blinding) (?:head|headache)": "bad headache",
    # Not spots seen on the skin: "I've seen spots on his arm".
    r"(?:seeing|see|sees|seen) (?:\w+ ){0,2}(?:spots|stars|sparkles|sparkly \w+|flashes|flashing \w+|zig-?zags?)"
    r"(?! (?:on|in|around|all|near|over|under|across)\b)": "flashing lights",
    # "a couple of pints at the weekend", "can I drink on these?": alcohol, however it is said
    r"pints?|beers?|booze|boozing|lager|(?:a|few|couple of|couple) drinks|drink (?:on|with) (?:the|these|those|them|it|"
    r"my|his|her|this|that)\b": "alcohol",
    # Planning a pregnancy, however it is said: "trying for a baby next year", "TTC", "planning IVF".
    r"trying (?:for (?:a |another )?(?:baby|babies)|to (?:get pregnant|conceive|have (?:a |another )?baby))|"
    r"\bttc\b|\bivf\b|planning (?:a |another )?(?:baby|family)": "planning pregnancy",
    r"sleeping (?:tablets?|meds|medicines?)|sleep(?:ing)? aids?|"
    r"(?:tablets?|pills?|something) to (?:help me )?sleep": "sleeping pills",
    # "keeps forgetting things" is memory; "I keep forgetting the rules" (for taking a tablet) is not.
    r"(?:keeps?|always|been) forgetting(?: things| stuff| names| words| people| everything)?(?! (?:the|to|my|his|"
    r"her|its?|which|when|how|about|whether|if|them|these|those|that|this|your|our|their)\b)|"
    r"forgetful(?:ness)?|memory (?:loss|problems?)|"
    r"los(?:ing|t) (?:his|her|their|my) "
    r"memory": "dementia",
}

_RULES = _compile(_TABLE)
_LAY_RULES = _compile(_LAY)
_ALWAYS_RULES = _compile(_ALWAYS)
Known = Callable[[Collection[str]], set[str]]


def rewrite(question: str, known: Known) -> str:
    """The question with each phrase the library never uses replaced by the library's wording for it, and
    each lay phrase followed by the library's wording.

    `known` returns which stemmed terms occur in the library. Shorthand and brands are replaced when some of
    their own terms are unknown and every term of the replacement is known: a rewrite never makes a question
    less answerable. When the library uses the shorthand too (one article says "CrCl", another "creatinine
    clearance"), the expansion follows it. Lay phrases keep their words.
    """
    # "bloood" -> "blood", "soooo" -> "soo"; never a roman numeral ("FRIII", "NYHA class III", "stage iii").
    text = re.sub(r"([^\WiI\d])\1{2,}", r"\1\1", question)
    for pattern, wording in _ALWAYS_RULES:
        if content_terms(wording) <= known(content_terms(wording)):
            text = pattern.sub(wording, text)
    for pattern, wording in _RULES:
        if not pattern.search(text):
            continue
        replacement = content_terms(wording)

        def swap(
            match: re.Match[str], replacement: set[str] = replacement, wording: str = wording, current: str = text
        ) -> str:
            if not replacement <= known(replacement):
                return match.group(0)
            own = content_terms(match.group(0))
            if own and own <= known(own):  # one article abbreviates, another spells it out: keep both
                return match.group(0) if replacement <= content_terms(current) else f"{match.group(0)} ({wording})"
            return wording

        text = pattern.sub(swap, text)
    for pattern, wording in _LAY_RULES:
        replacement = content_terms(wording)
        if pattern.search(text) and replacement <= known(replacement) and not replacement <= content_terms(text):
            text = pattern.sub(lambda match, wording=wording: f"{match.group(0)} ({wording})", text, count=1)
    return text


def _lay_phrases(text: str) -> Iterator[tuple[str, str]]:
    """Each lay phrase of the text with the library's wording for it."""
    for pattern, wording in _LAY_RULES:
        for match in pattern.finditer(text):
            yield match.group(0), wording


def explained_terms(query: str) -> frozenset[str]:
    """Stems of a rewritten query's lay words whose library wording the query also holds ("crab (shellfish) and
    lobster"): judged by that wording, never as a gap of their own."""
    held = content_terms(query)
    found: set[str] = set()
    for phrase, wording in _lay_phrases(query):
        if content_terms(wording) <= held:
            found |= content_terms(phrase) - content_terms(wording)
    return frozenset(found)


def lay_terms(question: str) -> frozenset[str]:
    """Stems of the question's lay phrases ("forgetful", "water infection"): the library says these in its own
    words, which the rewrite adds, so an article lacking the lay word itself does not leave a gap."""
    return frozenset(t for phrase, _ in _lay_phrases(question) for t in content_terms(phrase))
