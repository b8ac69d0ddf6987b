"""Urgent-care triage: runs first on every message, on the message's own words, before anything else.

Two layers. High-recall rules find red flags (chest pain, stroke signs, not breathing...) whoever they
happen to: no pronoun gate, tolerant of lowercase, typos and missing punctuation. Then the message is
read as a situation or as a question about a topic: a clinician asking for a dose, a protocol or a
threshold, or anyone asking about an event that is over, is not an emergency; a description of what is
happening now is. A small linear model over the shipped sentence embedder (trained on the labelled
development split, weights in `assistant/data/triage_model.json`) weighs these cues together with the
message's meaning, so paraphrases no rule lists still count. When in doubt, patients and caregivers are
treated as being in an emergency; clinicians asking about a topic almost never are.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.models import Persona
from assistant.question import READING, READING_LEAD
from knowledge.embeddings import vocabulary_words

MODEL_PATH = Path(__file__).resolve().parent / "data" / "triage_model.json"


class Level(StrEnum):
    """What the message needs, most urgent first."""

    EMERGENCY = "emergency"
    CRISIS = "crisis"
    URGENT = "urgent"
    NONE = "none"


# Red flags per category, matched on normalised text (lowercase, apostrophes kept, other punctuation spaced).
_CANT = r"(?:can ?no?t|can't|cant|cnt|carn't|unable to|could ?n'?t|couldnt|struggling to|struggles to|hard to)"
_WONT = r"(?:won't|wont|will not|isn't|isnt|is not|not)"
_RELIEVER = r"reliever|inhaler|puffer|salbutamol|ventolin|blue pump"
_WHO = (
    r"(?:my|his|her|their|our|the) (?:dad|father|mum|mom|mother|mam|husband|wife|partner|son|daughter|baby|child|"
    r"kid|toddler|boy|girl|brother|sister|grandma|grandpa|granny|grandad|grandfather|grandmother|nan|nana|"
    r"friend|boyfriend|girlfriend|flatmate|roommate|neighbour|neighbor|uncle|aunt|patient|husbands|wifes|colleague|"
    r"coworker|co-worker|teen|teenager|newborn|infant|man|woman|lady|guy)"
)
# What a whole packet does, and how fast: "how long does it take if you take the whole box of paracetamol". Asked by
# a patient or carer about nobody named, it is read as a crisis on its own (`_crisis_now`).
_WHOLE_PACK = (
    r"(?:how long|what happens|how quick\w*|how fast|would (?:it|you|i)|will (?:it|you|i)) (?:\S+ ){0,5}(?:if|when) "
    r"(?:you|i|u|someone|somebody|a person) (?:take|took|swallow\w*|have|had|down\w*) (?:the |a )?(?:whole|entire|"
    r"full) (?:box|packet|pack|bottle|strip|tub)"
)
# Everything gathered, asked whether it would hurt or be quick: "would it hurt much? ive got everything i need here,
# just want to know it would be quick". A crisis red flag and, with it, intent now.
_GATHERED = (
    r"(?:got|have) everything (?:i need|ready|sorted)\b(?: \S+){0,14} (?:hurt|quick|painless|over with)\b|"
    r"\b(?:hurt|quick|painless)\b(?: \S+){0,14} (?:got|have) everything (?:i need|ready|sorted)\b"
)
# How long before anyone would find the writer (not after a fall at home, a worry of people living alone), and the
# how already worked out: "how long would it take before someone found me", "ive worked out how im doing it tonight".
# Crisis red flags and, with them, intent now.
_FOUND_OR_WORKED_OUT = (
    r"^(?!.*\b(?:if|when|in case) i (?:\w+ )?(?:fell|fall|fallen|had a fall|collapsed?|passed out|took ill)\b)"
    r"(?=.*\b(?:how long|before|until|till)\b(?: \S+){0,6} (?:someone|anyone|somebody|anybody|they|people) "
    r"(?:\w+ ){0,2}"
    r"(?:find|found|finds|notice|noticed|miss|missed) me\b)|"
    r"\b(?:worked out|figured out|decided|planned|sorted|know) (?:exactly )?how (?:i'?m|im|i am|i'?ll|ill|i will|"
    r"i'?d|i would) (?:going to |gonna )?(?:do|doing|end|ending) (?:it|things)\b"
)
# Asking how, for oneself: "how many of my tablets would it take", "quickest way… tonight".
_ASKS_METHOD = (
    r"\bmethods?\b|quickest|fastest|least painful|painless|(?:lethal|fatal|deadly) (?:dose|doses|amount|amounts)|"
    r"(?:would|will) (?:it|that) be quick\b|"
    r"how many (?:\w+ ){0,5}(?:would|will) (?:actually |really )?be (?:fatal|lethal|deadly|enough)\b|"
    rf"{_WHOLE_PACK}|"
    r"how many (?:\w+ ){0,5}(?:would|will) (?:actually |really |definitely |properly )?(?:it take|be enough|take|kill|"
    r"do it)|"
    # (fresh54) "how much of my furosemide and digoxin together would it take to be too much", "how easy it would be
    # to just empty all 3 of my novorapid pens in one go".
    r"how much (?:\w+ ){0,6}(?:would|will) (?:actually |really |definitely |properly )?(?:it take|be enough|kill|"
    r"do it)\b|"
    # A medicine to be taken unseen (fresh57: "working out how much insulin I could take from the ward fridge without
    # anyone noticing"), or a high place's railings asked (fresh57: "does the top floor of the multistorey have
    # railings or is it open").
    r"how (?:much|many) (?:\S+ ){0,10}without (?:anyone|anybody|any ?one|people|them|staff|the nurses) (?:noticing|"
    r"knowing|finding out|seeing)\b|"
    r"(?:top floor|roof|rooftop|multi[- ]?storey|car ?park|bridge|balcony)\b(?: \S+){0,8} (?:railings?|fenced?|"
    r"fencing|barriers?|safety nets?)\b|"
    r"(?:empty|inject|take|use|do) (?:all|the whole|every|both) (?:\S+ ){0,3}(?:of )?(?:my |the |his |her )?(?:\w+ )?"
    r"(?:pens?|insulin|vials?|cartridges?)\b(?: \S+){0,3} (?:in one go|at once|all at once|together)\b|"
    r"(?:how many|how much|amount|max|maximum|(?:what|which) (?:\w+ ){0,2}dose) (?:\S+ ){0,6}"
    r"(?:stops? (?:your|the|a|my) heart|"
    r"is fatal|"
    r"is lethal|would be fatal|would be lethal|to die|to not wake up)|"
    r"(?:which|what) floor (?:\S+ ){0,3}(?:best|high enough|enough)|"
    # A place high enough, or insulin stopped for good, asked about (fresh39): "nearest bridge thats high enough",
    # "what happens if a type 1 just stops their insulin completely".
    r"(?:bridge|building|car ?park|multi[- ]?storey|cliff|tower|block|roof)\b(?: \S+){0,6} (?:high|tall) enough\b"
    r"(?!.*\b(?:bungee|abseil\w*|zip ?lin\w*|view|photo\w*)\b)|"
    r"(?:stops?|stopped|stopping) (?:taking )?(?:\w+ )?insulin (?:completely|altogether|for good|entirely)|"
    r"\b(?:is|would) (?:drowning|hanging|an overdose|jumping|bleeding out|carbon monoxide) (?:\w+ )?(?:quick|painless|"
    r"peaceful|instant)\b|"
    # (fresh41) "what actually happens to your body when you hang", "how much paracetamol is too much, like enough
    # to actually do damage", "would it be quick".
    r"what (?:actually |really )?happens (?:to (?:your|the|a) body )?when (?:you|someone|a person) (?:hang|hangs|drown|"
    r"drowns|overdose|overdoses|od|jump|jumps)\b|"
    r"(?:how much|how many)\b(?: \S+){0,4} (?:is|are) too (?:much|many)\b(?: \S+){0,4} (?:enough to|actually|do damage|"
    r"kill|properly)|\bif it would be quick\b|"
    # A height counted in storeys or metres, or a fall, asked against dying: "how many storeys to definitely die".
    r"how (?:many|much|far) (?:storeys|stories|floors|metres|meters|feet|ft)\b(?: \S+){0,14} (?:to (?:\w+ )?die|"
    r"to be (?:\w+ )?fatal|to kill|would kill|(?:is|be) (?:\w+ )?fatal)\b|"
    r"(?:fall|falling|jump|jumping|drop) (?:from|off) (?:\S+ ){0,4}to (?:definitely |surely |actually )?"
    r"(?:die|be fatal|kill)\b|"
    # Whether a fall from a height would hurt or be instant: "would jumping off a multistorey car park hurt".
    r"(?:fall|fell|falling|jump|jumped|jumping|drop|dropped|dropping) (?:from|off) (?:\S+ ){0,3}(?:bridge|building|"
    r"car ?park|multi[- ]?storey|roof|rooftop|cliff|tower|block|balcony|viaduct)\b(?: \S+){0,5} "
    r"(?:hurt|instant|painless|quick)\b|"
    # What would hold a body's weight: "the strongest knot for holding a person's weight".
    r"(?:knot|rope|cord|beam|hook|banister|bannister|loft hatch)s?\b(?: \S+){0,6} (?:hold|holding|take|taking|"
    r"support|supporting|bear|bearing) (?:\S+ ){0,2}(?:person'?s|persons|human|adult'?s|someone'?s|body|man'?s|"
    r"woman'?s|my) weight|"
    # High or deep enough, how cold or deep a place, when the fast trains pass, which floor has no fence, what would
    # stop the breathing or the heart: "how cold does the lake have to be to go under and not come back up".
    r"(?:high|deep|tall|cold) enough to (?:die|kill|be fatal|drown|not (?:survive|come back))|"
    r"how (?:cold|deep|fast|far|long) (?:\S+ ){0,12}(?:(?:not|n'?t|never) come back up|(?:go|goes|going) under\b|"
    r"to drown|(?:would|will) drown)|"
    r"when (?:the )?(?:fast|express|non[- ]?stop) (?:ones|trains?) (?:come|go|pass|run)|"
    # When a train passes a crossing or a line, asked with wanting it quick: "what time does the last freight train go
    # past the crossing... want it to be quick".
    r"(?:what time|when) (?:does|do|is|will) (?:the )?(?:last |next |first )?(?:freight|goods|cargo) "
    r"(?:train|trains)\b|"
    r"(?:train|trains)\b(?: \S+){0,3} (?:go|goes|pass|passes|come|comes|run|runs) (?:past|by|through|over) the "
    r"(?:\w+ )?(?:crossing|tracks|line|railway bridge)\b|"
    r"(?:no|without) (?:a )?(?:fence|fencing|railings?|barriers?|netting)\b|"
    # (fresh55) "which multi storey car parks don't have the high fences on the top deck? and which is the tallest".
    r"(?:don'?t|dont|do not|doesn'?t|doesnt|haven'?t|havent) (?:have|got) (?:the |any |a )?(?:high |tall |big )?"
    r"(?:fences?|fencing|railings?|barriers?|netting|nets)\b|"
    r"(?:top deck|rooftop|roof)\b(?: \S+){0,10} tallest\b|\btallest\b(?: \S+){0,6} (?:multi[- ]?storey|car park|"
    r"bridge|building|block)|"
    r"(?:would|will|to) stop (?:my|your|the|his|her|someone'?s) (?:breathing|heart)|"
    r"before (?:the|my|your) heart stops|(?:dose|amount) (?:\S+ ){0,4}(?:don'?t|not|never) wake up|"
    r"how long (?:\S+ ){0,6}(?:antifreeze|bleach|weed ?killer|paraquat|rat poison)(?: \S+){0,3} takes?\b|"
    r"(?:knot|noose)\b(?: \S+){0,8} hang\w*|"
    # When a train passes without stopping: asked with wanting to be there (the for-oneself half).
    r"(?:train|express)\w* (?:\S+ ){0,8}(?:doesn'?t|doesnt|does not|don'?t|dont|won'?t|wont|not) stop\b|"
    r"how long (?:\S+ ){0,3}(?:takes?|would take|does it take|until|till|before) (?:\S+ ){0,2}(?:to )?"
    r"(?:bleed (?:out|to death)|die|drown|suffocate)\b|"
    r"how (?:high|tall) (?:\S+ ){0,3}(?:multi[- ]?storey|car park|bridge|building|block)|"
    r"how (?:high|tall) (?:\S+ ){0,6}(?:to be sure|to die|to be fatal|to kill|would kill|is fatal)|"
    r"(?:tallest|highest) (?:\S+ ){0,3}(?:building|bridge|car park|multi[- ]?storey|cliff|tower|block)|roof access|"
    r"(?:building|bridge|car park|multi[- ]?storey|cliff|tower|block)s? (?:\S+ ){0,4}(?:is |are )?(?:the )?"
    r"(?:tallest|highest)\b|"
    r"(?:deadly|lethal|fatal|kill you) (?:\S+ ){0,3}(?:if you |when you |to )?mix|"
    r"\bmix\w* (?:\S+ ){0,6}(?:deadly|lethal|fatal|kill you)|"
    # Whether a method still works: "does carbon monoxide from a car still work with modern cars?"
    r"(?:carbon monoxide|car exhaust|exhaust fumes|exhaust pipe|hose ?pipe|charcoal|helium|noose) (?:\S+ ){0,6}"
    r"(?:still )?(?:work|works|be enough|kill)\b"
)
# Knowing where the means are kept: "i know where my dad keeps the key to the gun cabinet".
_MEANS_KNOWN = (
    r"(?:know|knows|found|find|worked out|seen) (?:\w+ ){0,2}where (?:\S+ ){0,4}(?:keeps?|kept|hides?|hid|stores?) "
    r"(?:\S+ ){0,5}(?:guns?|rifles?|shotguns?|pistols?|firearms?|ammo|gun (?:cabinet|safe)|pills|tablets|meds|"
    r"insulin|morphine|oxycodone|painkillers|sleeping (?:pills|tablets))\b"
)
_FOR_SELF = (
    r"i'?m ready|im ready|i am ready|for me\b|for myself|tonight|had enough|end it|of my\b|(?:easier|better) if i|"
    # Nobody else it could be for (fresh57): "not asking for anyone else", "not for a patient", "i just dont really
    # care anymore".
    r"not (?:asking )?for (?:anyone|anybody|someone|somebody|any ?one) else\b|not for a patient\b|"
    r"(?:don'?t|dont|do not) (?:really |even )?care (?:any ?more|what happens)\b|"
    # Tablets put by (fresh55: "ive got about 40 of the 300s saved in a drawer").
    r"(?:saved|stockpiled|hoarded|stashed|hidden|put by|kept back) (?:up )?(?:\w+ ){0,2}(?:in (?:a|my|the) "
    r"(?:drawer|box|bag|cupboard)|away|under (?:my|the) (?:bed|mattress))|"
    r"(?:saved|stockpiled|hoarded|stashed|kept) up\b|\b(?:\d+|two|three|four|six|few|couple of) (?:months?|weeks?)'?s? "
    r"worth\b|"
    r"(?:near|by|next to|opposite|round the corner from) (?:me|mine|my (?:house|flat|place|home|work|school|uni))\b|"
    r"(?:keep|been|kept) (?:\w+ )?looking|"
    r"not for (?:a|my) (?:story|book|novel|film|script|project|essay)|asking for real|"
    # Drawn to the place (fresh39): "i keep finding myself walking down to the river at night".
    r"(?:keep|kept) (?:finding myself |ending up )?(?:walking|going|driving) (?:down |out )?to the (?:river|bridge|"
    r"tracks|railway|station|cliffs?|lake|sea|canal|reservoir|car park)\b|"
    r"(?:done|finished) with (?:all of it|it all|all this|everything)|"
    # The means at hand: "which chemicals are deadly if you mix them... i have bleach here".
    r"\b(?:i (?:have|got)|i'?ve got|i have got) (?:some |the |a )?(?:\S+ ){0,6}(?:right )?"
    r"(?:here|next to me|in front of me|with me)\b|"
    # The means already got: "got the rope in the garage already".
    r"(?:got|have|'?ve got|bought) (?:the |a |some )?(?:rope|hose ?pipe|hose|charcoal|noose|ligature|blade|gun)\b"
    r"(?: \S+){0,4} (?:already|ready)\b|already (?:got|have|bought) (?:the |a |some )?(?:rope|hose ?pipe|hose|"
    r"charcoal|noose|ligature|blade|gun)\b|"
    # Means in quantity, one's own weight or prescription: "I've got 4 boxes", "I'm 60kg and I have a full
    # prescription"; at the place, or on the way: "I'm at the car park next to it now", "I'm walking there".
    r"\b(?:i'?ve got|i have got|i have|i got) (?:\S+ ){0,3}(?:boxes|packets|packs|bottles|strips|blister packs|"
    r"prescription|a full prescription)\b|\bi'?m \d+ ?(?:kg|kgs|kilos|stone)\b|"
    r"\bi'?m (?:at|by|next to|on) the (?:\w+ ){0,2}(?:car park|bridge|lake|river|station|cliff|beach|reservoir|"
    r"crossing|platform|motorway)\b|\bi'?m (?:parked|standing|sat|sitting) on it\b|"
    r"\bi'?m (?:walking|going|heading|driving|cycling) (?:there|to it)\b|"
    r"made my peace|not restarting|(?:like|for) me\W*$|asking for a me\b|"
    # To be there when it happens: "want to be on the platform when it does".
    r"(?:want|wanna|going|need|planning|plan) to be (?:\w+ ){0,2}(?:on|at|by|near) the (?:platform|tracks?|line|"
    r"edge|bridge|cliff)\b|"
    # At the place asked about, now: "how high does a bridge need to be... i'm standing on one right now".
    r"(?:standing|stood|sitting|sat|up) on (?:one|it|top of (?:one|it)) (?:right )?now\b|"
    r"(?:need|want) it to be (?:quick|painless|over)\b|"
    rf"{_MEANS_KNOWN}|"
    # Where the writer is while asking: "how long it takes to bleed out from the wrist. I'm in the bath".
    r"(?:i'?m|im|i am) (?:\w+ )?(?:in|sat in|lying in|sitting in) the (?:bath|bathtub|garage|car)\b|"
    # Asking what it would feel like: "would it hurt or is it instant".
    r"\b(?:would|will) (?:it|that|jumping|falling) (?:\w+ )?hurt\b|\bis it instant\b"
)
# Pressing for the answer: "the most painless way to stop existing, need an answer soon" (a lay writer).
_PRESSED = (
    r"need (?:\w+ ){0,2}(?:answer|reply|to know|it) (?:\w+ )?(?:soon|now|fast|quick\w*|tonight|today|asap|"
    r"before tomorrow|by tomorrow)\b|"
    r"(?:kind of |a bit |bit )?in a hurry\b"
)
# A method asked with the reason played down ("no reason, just need to know", "just curious"): for a patient or
# carer, a crisis; a student's "just curious, what is the lethal dose" stays a question for the model.
_PLAYED_DOWN = (
    r"\b(?:just )?curious\b|no reason|just (?:need|want|wanted) to know|asking for a friend|just wondering|"
    r"(?:not going to|not gonna|won'?t|wont|no point) (?:explain\w*|say\w*|tell\w* you|going into) why\b|"
    r"(?:i'?m|im|i am) fine really|asking for (?:a |my )?(?:story|book|novel|script)\b|"
    r"not (?:planning|going) (?:on|to) (?:\w+ ){0,2}(?:getting on|get on|jumping|doing|do) (?:it|anything)\b|"
    r"(?:don'?t|dont|do not|won'?t|wont) need to (?:get on|board|catch) it\b|not for (?:a |my )?(?:headache|pain|"
    r"toothache|period pain|back ?ache)\b|(?:i (?:don'?t|dont) know )?why (?:i'?m|im) lying\b"
)
_WHOLE_PACK_ASKED = re.compile(_WHOLE_PACK)
_METHOD_FOR_SELF = (re.compile(_ASKS_METHOD), re.compile(_FOR_SELF), re.compile(f"{_PLAYED_DOWN}|{_PRESSED}"))
# Not said after a denial: "didn't hit my head" (fresh43), "doesn't go away when I press the glass".
_NOT_DENIED = r"(?<!n't )(?<!nt )(?<!not )(?<!never )"
# ...or a bump on the head told as a noun (fresh49: "fell yesterday, on apixaban, small bump on her head").
_HEAD_BUMP = (rf"{_NOT_DENIED}(?:(?:hit|bang|banged|bumped|knocked|fell|fall|fallen)\b(?: \w+){{0,4}} head|"
              r"(?:bump|bang|knock|lump|egg)s? (?:on|to) (?:the |his |her |my |their )?"
              r"(?:back of (?:the |his |her |my )?)?(?:head|forehead))")
# Someone at a place to end their life, now: "been stood by the train tracks", "she's on the railway line".
_AT_THE_EDGE = (
    # ...with "the", or with no article at all (fresh54, in a second language: "I am standing on bridge near my
    # accommodation"); "stood on a bridge" is how a story is told.
    r"(?:stood|standing|sat|sitting|waiting|she'?s|he'?s|i'?m|im|they'?re) (?:\w+ ){0,3}(?:by|on|at|near) "
    r"(?:the (?:(?:edge|top) of the )?(?:\w+ )?|(?!(?:a|an|one|some)\b)(?:(?:edge|top) of )?(?:\w+ )?)"
    r"(?:tracks|railway line|railway|bridge|cliff|ledge)"
)
# At a high place with the thought of how easy it would be: "i've walked up to the cliffs. keep thinking how easy it
# would be". A crisis red flag and, with it, intent now.
_EDGE_AND_EASE = (
    r"^(?=.*\b(?:walked|walking|gone|going|went|come|came|climbed|climbing|driven|drove|driving|drive|cycled|got|up|"
    r"out|sat|sitting|standing|stood|parked|looking|looked|staring|stared|stare|passing|passed) (?:up |out |down |"
    r"over )?(?:to |at |on |by |near |past )?the (?:\w+ ){0,2}(?:cliffs?|"
    r"bridge|viaduct|tracks|railway|edge|ledge|roof|rooftop|top floor|multi[- ]?storey|pier|quarry)\b)"
    r"(?=.*\b(?:how easy (?:it )?(?:would|could|'?d) be|how easy it'?d be|just (?:jump|step off|step over|let go|"
    r"go over)\b|"
    # ...or how much easier it would be (fresh46): "keep looking at the bridge on my walk home thinking it would be
    # easier".
    r"(?:it )?(?:would|'?d) (?:all )?be (?:so much |much |a lot )?easier\b))"
)
_EDGE_AND_EASE_NOW = re.compile(_EDGE_AND_EASE)
# Means taken home from work and looked at: "I brought something home from work in a syringe and I keep looking at
# it" (a nurse telling of herself). A crisis red flag and, with it, intent now.
_FROM_WORK = (
    r"(?:brought|bringing|taken|took|taking|nicked|stole|stolen|pocketed|kept) (?:\S+ ){0,4}(?:home )?(?:from|out of) "
    r"(?:work|the ward|the hospital|theatre|the pharmacy|the surgery|the clinic)\b(?: \S+){0,12} (?:keep|kept|been|"
    r"sat|sitting|can'?t stop) (?:\w+ )?(?:looking|staring) at (?:it|them)\b"
)
# A plan with a time, and a farewell: a crisis red flag and, with it, intent now (read by both rule layers).
# ...told of someone else by the one it was said to (fresh50: "gave me her rings and said she wont need them where shes
# going").
_PLAN_AND_FAREWELL = (
    r"know (?:exactly )?how and when|(?:won'?t|wont|will not) need (?:\S+ ){0,6}where (?:i'?m|im|i am|she'?s|shes|"
    r"she is|he'?s|hes|he is|they'?re|theyre) going"
)
# An end staged as an accident ("it'll look like an accident, right?"): a crisis red flag and intent now.
_STAGED_ACCIDENT = (
    r"(?:it'?ll|it will|it would|would it|will it|so it|if it|when it) looks? like an? accident|"
    r"(?:no one|nobody|no-one) (?:can|could|would|will) (?:say|tell|know|prove) (?:i|that i|it was) "
    r"(?:meant it|did it on purpose|on purpose)|"
    # "if I crash my car on the motorway would my family still get the life insurance?"
    r"(?:crash|crashed|crashing|drive|drove|driving) (?:my|the) car\b(?: \S+){0,12} (?:life )?insurance|"
    r"(?:life )?insurance\b(?: \S+){0,12} (?:crash|crashed|crashing) (?:my|the) car\b"
)
# What is left after one's death ("asked what happens to his bank account if he dies"): a crisis red flag and, with
# "when I go" as well, intent now.
_AFTER_DEATH = (
    r"what happens to (?:his|her|my|their) (?:\w+ ){0,2}(?:account|money|savings|stuff|things|pets?|dog|cat|kids|"
    r"children) (?:if|when|after) (?:he|she|i|they) "
)
# Weeks of a pregnancy, not weeks something has lasted: "30 weeks", "at 12 wks", but not "for 2 weeks", "the past 3
# weeks" or "2 weeks ago" ("pain in my lower back going down my leg for 2 weeks" read as pain in pregnancy).
_WEEKS_GONE = (
    r"(?<!\bfor )(?<!\bpast )(?<!\blast )(?<!\bover )(?<!\bfew )(?<!\bnext )(?<!\bwithin )\b\d+ ?(?:weeks|wks)\b"
    r"(?! ago| now| or so| later| after| before| since| post(?! ?-?partum| ?natal| ?birth)| running| in a row|"
    r" straight)"
)
# Pregnancy written as clinicians note it ("32/40", "32+4/40").
_GESTATION = r"\b[1-4]\d(?:\+[0-6])?/40\b"
# A gun, with a loss or a farewell (fresh37): "keeps saying he's 'had a good innings', has stopped eating since mum
# died, and yesterday asked me where his shotgun licence papers are". Access to a firearm is the means; a lay
# writer's message naming both gets the crisis notice.
_GUN = r"shot ?guns?|rifles?|guns?|revolvers?|pistols?"
_FIREARM = re.compile(rf"\b(?:{_GUN}|hunting guns?|firearms?|handguns?)\b")
_LOSS_OR_FAREWELL = re.compile(
    r"\bhad a good innings\b|\b(?:since|after) (?:\w+ ){0,2}(?:died|passed|death)\b|stopped eating|"
    r"giving (?:\w+ ){0,3}away|no point|better off|not (?:be )?(?:around|here) (?:much )?longer|can'?t go on|goodbye|"
    r"hopeless|not worth|life insurance|(?:manage|do|be|cope) better (?:on|with|without)|"
    r"(?:said|says|saying|told (?:me|us)) (?:that )?(?:he'?s|hes|she'?s|shes|they'?re|i'?m|im) (?:done|finished)\b"
)
# A blade in the writer's hand now, or everything in the medicine cabinet to be taken: self-harm or an overdose
# about to happen (a crisis red flag and, with it, intent now).
_HARM_IN_HAND = (
    r"(?:blade|razor|razor blade)s? (?:\S+ ){0,2}in my hand|"
    # ...or beside the writer while the urge is strong (fresh57: "urges are really bad tonight. blade is next to me on
    # the bed").
    r"(?:blade|razor|razor blade|knife)s? (?:is |are |'s |sitting |lying |right )*(?:next to|beside|by|with) me\b|"
    r"\burges?\b(?: \S+){0,3} (?:really |so |very )?(?:bad|strong|intense|overwhelming)\b(?=.*\b(?:cut\w*|blades?|"
    r"razors?|self[- ]?harm\w*|hurt (?:my ?self)|burn (?:my ?self))\b)|"
    # Shut in with the means (fresh37): "locked myself in the bathroom with his razor blades".
    r"locked (?:myself|himself|herself) in (?:\S+ ){0,3}with (?:\S+ ){0,2}"
    r"(?:razors?|blades?|knife|knives|pills|tablets|rope)\b|"
    r"(?:take|taking|swallow|swallowing|down|downing) (?:every ?thing|all of it|the lot|every (?:pill|tablet))"
    r"(?: \S+){0,2} (?:in|from) (?:the|my|our) (?:\w+ )?(?:cabinet|cupboard|drawer|medicine box)"
)
# A method tried out in rehearsal: "practising with a plastic bag over my head at night", "to see if it would hold my
# weight". Rehearsal is one of the warning signs of a plan that suicide-prevention services list.
_REHEARSAL = (
    r"(?:plastic |carrier |bin )?bag over my (?:own )?head|"
    r"(?:practis|practic|rehears|trial run|dry run|test run)\w*\b(?: \S+){0,8} (?:bag over|noose|ligature|"
    r"(?:rope|cord|belt) (?:round|around)|(?:round|around) (?:my|his|her) neck)|"
    r"(?:see|test|check) (?:if|whether|how) (?:it|the \w+) (?:would|will|could|can) (?:hold|take) (?:my|his|her|their) "
    r"weight"
)
# Medicine kept back to be taken together, anyone's: "saving up my dad's morphine", "hoarding her tablets".
_KEPT_BACK = (
    r"(?:saved|saving|been saving|hoarding|hoarded|keeping) up (?:my |all my |his |her |their )?(?:\w+'?s )?"
    r"(?:old |spare |leftover )?(?:pills|tablets|meds|morphine|oxycodone|codeine|tramadol|painkillers|"
    r"sleeping (?:pills|tablets)|opioids|paracetamol|insulin)|"
    r"(?:hoarding|hoarded) (?:my |his |her |their )?(?:pills|tablets|meds|painkillers|morphine)|"
    # Hidden to be taken later: "she's hidden her tablets under her mattress for days".
    r"(?:hidden|hid|hiding|stashed|stashing) (?:my |his |her |their |all )?(?:\w+ )?(?:pills|tablets|meds|"
    r"medication|painkillers)\b|"
    # Set aside rather than thrown away: "she's been keeping back the morphine wastage".
    r"(?:keeping|kept|putting|put|setting|set|holding) (?:back|aside) "
    r"(?:my |his |her |their |the |some |all )?(?:\w+ )?(?:pills|tablets|meds|morphine|oxycodone|codeine|tramadol|"
    r"painkillers|opioids|insulin|wastage)\b|"
    # ...or the other way round: "putting the sleeping pills aside in a drawer instead of taking them".
    r"(?:keeping|kept|putting|put|setting|set) (?:\w+ ){0,3}(?:pills|tablets|meds|painkillers) aside\b"
)
# The last preparations: tablets counted out, a note written, a decision being made at a height ("pills counted.
# ready.", "me: *writes the note*", "out on the balcony of the 9th floor deciding"). A crisis red flag and, with
# it, intent now.
_PREPARED = (
    r"(?:pills|tablets|meds|paracetamol|painkillers) (?:all )?counted|counted (?:out )?(?:all )?(?:my|the|his|her) "
    r"(?:pills|tablets|meds)|"
    r"(?:i|me|ive|i have) (?:just )?(?:wrote|written|write|writes|writing|finished) (?:the|my|a goodbye|a suicide|"
    r"my goodbye|my suicide) note\b(?! (?:for|on|about|to)\b)|"
    r"(?:balcony|roof|rooftop|ledge|parapet|top floor)\b(?: \S+){0,8} deciding\b(?!(?: \S+)? (?:what|which|where|when|"
    r"who|on|between|about|how)\b)"
)
# A pet rehomed or things given away for a reason told: "we've had to rehome our cat because my son's allergy got so
# bad" (fresh55) is not a farewell.
_FOR_A_REASON = (r"(?!(?: \S+){0,8} (?:because|cos|coz|cause|due to|as|since) (?:\S+ ){0,4}(?:allerg\w*|asthma\w*|"
                 r"moving|move|landlord|new baby|tenancy|lease))")
# Affairs put in order, two arrangements in one message (fresh55: "sorted the flat, paid off what i owe and left my
# bank details and passwords for my brother... just want milo settled first"). Putting affairs in order and giving
# away possessions are warning signs that suicide-prevention services list; one alone (a will written, a cat rehomed
# for a son's allergy) is everyday life. A crisis red flag and, with it, intent now.
_ARRANGEMENT = (
    r"(?:paid|pay|paying|cleared?) off (?:\w+ ){0,3}(?:debts?|what i owe|the loan|my cards?|credit cards?|overdraft)|"
    r"(?:left|written down|wrote down|gave|given|sent|leaving) (?:\w+ ){0,4}(?:bank details|passwords?|pin numbers?|"
    r"pins|account details|log ?ins)|"
    r"(?:sorted|written|wrote|made|done|updated|finished|did) (?:out )?my will|my will (?:is )?(?:sorted|done|written)|"
    r"(?:gave|given|giving|rehom\w*|new home for|a home for) (?:\w+ ){0,3}(?:cat|dog|pets?|cats|dogs)\b|"
    r"(?:rescue|shelter) (?:\w+ ){0,3}take (?:\w+ ){0,2}(?:cat|dog)|"
    r"sorted (?:out )?(?:the|my) (?:flat|house|room|affairs|finances|paperwork)|"
    r"cleared (?:out )?(?:my|the) (?:flat|house|room|stuff|things|desk|locker)|"
    # (fresh56) "make sure my dog goes to my neighbour", "given his medals to his neighbour".
    r"put (?:my|his|her) affairs in order|"
    r"(?:dog|cat|pets?|dogs|cats) (?:\w+ ){0,3}(?:goes|go|going) to (?:my |a |the |his |her )?(?:neighbour|sister|"
    r"brother|friend|mum|dad|son|daughter)|"
    r"(?:gave|given|giving) (?:away )?(?:my|his|her) (?:medals|jewellery|watch|rings?|guitar|collection|belongings)|"
    r"told (?:\w+ ){0,2}(?:i'?m|im|i am) (?:off|going) (?:travell?ing|away for good)|"
    r"cancell?ed (?:\w+ ){0,2}(?:phone contract|subscriptions|direct debits)"
)
_AFFAIRS_SETTLED = rf"(?:{_ARRANGEMENT})(?: \S+){{0,40}} (?:{_ARRANGEMENT})"
# Nothing needed after a date (fresh56: a district nurse's "told me he won't need his insulin after the weekend";
# "just want everything tidy before the weekend, wont need anything after that").
_NO_NEED_AFTER = (
    r"(?:won'?t|wont|will not|shan'?t) (?:be )?need(?:ing)? (?:anything|(?:my|his|her) (?:insulin|tablets|meds|"
    r"medication|medicines|pills)) (?:after|beyond|past) (?:that|the weekend|tonight|tomorrow|this week|friday|"
    r"saturday|sunday|monday|christmas|then)\b(?!(?: \S+){0,3} if\b)"
)
# A height checked for a method (fresh56, told as a joke: "im just gonna jump off the top of the car park by the
# station, already checked its 7 floors which should do the job 😂").
_HEIGHT_CHECKED = (
    # (fresh57) "earlier i looked up how high the multistorey by the hospital is".
    r"(?:looked up|checked|googled|searched|found out|worked out) how (?:high|tall) (?:\S+ ){0,6}(?:multi[- ]?storey|"
    r"car ?park|bridge|building|cliff|tower|block|roof|viaduct)\b(?!.*\b(?:lorry|van|truck|clearance|height limit|"
    r"drone|kite)\b)|"
    r"(?:checked|measured|looked up|worked out|found out|counted)\b(?: \S+){0,4} (?:\d+|seven|eight|ten|twelve) "
    r"(?:floors?|storeys?|stories|metres|meters|feet|ft|m)\b(?: \S+){0,6} (?:should|would|will|enough|do the job|"
    r"do it)\b|(?:should|would|will) do the job\b"
)
# Packs bought from several shops (fresh56, after asking what dose harms the liver "for a pharm assignment": "ok its not
# for an assignment. bought 4 packs from different shops today"): pack-size limits are got round that way.
_PACKS_FROM_SHOPS = (
    r"(?:bought|got|collected|picked up) (?:\d+|two|three|four|five|six|several|loads of|lots of|a few|multiple) "
    r"(?:packs|boxes|packets)\b(?: \S+){0,3} (?:from|at|in) (?:\d+ |two |three |four )?(?:different|several|various|"
    r"separate|a few|loads of|lots of|multiple) (?:shops|chemists|pharmacies|places|supermarkets|stores)"
)
# Final words and arrangements told with an end: "tonight's the night", "last meal", "the last thing I'll ever say to
# her", "after that it won't matter to me", "that's me done", "stones in my coat pockets", a barbecue lit in a
# sealed room, a blade to be used, medicine stopped for good, a will or a pet's new home "if I'm dead... next week".
# A crisis red flag and, with it, intent now.
_FINAL_WORDS = (
    # Not a question that follows a date ("30 weeks today is it normal to get tightenings?").
    r"(?:tonight|today|tomorrow)(?:'s| is) (?:the (?:night|day)|it\b(?! (?:normal|ok|okay|safe|fine|common|true|bad|"
    r"worth|too|alright|likely|serious|possible|usual|necessary|dangerous|contagious|better|worse|right|wrong|"
    r"supposed|meant|allowed|advisable|sensible|wise|something|anything)\b))\b|\blast meal\b|"
    r"last (?:thing|words?) (?:i'?ll|i will) ever (?:say|write|do)|"
    r"(?:it|that) won'?t matter (?:to me|any ?more)|won'?t matter to me\b|that'?s me done\b|"
    r"(?:stones|rocks|weights) in (?:my|your|his|her) (?:coat |jacket )?pockets|"
    r"(?:barbecue|bbq|charcoal)\b(?: \S+){0,6} (?:lit|burning)\b(?: \S+){0,8} (?:bedroom|room|car|tent|flat|bathroom)|"
    r"(?:windows|doors|vents|gaps) (?:are |all )?(?:taped|sealed)|"
    r"(?:blade|razor)s?\b(?: \S+){0,10} (?:gonna|going to|will|i'?ll) use (?:it|them)\b|"
    r"(?:helium|rope|washing line|cord|hose)\b(?: \S+){0,6} not for (?:balloons|a party|washing|the garden|camping)|"
    r"finish (?:me|him|her|myself) off\b|use (?:it|them|(?:\S+ ){0,2}(?:gun|knife|blade|rifle|shotgun)) on "
    r"(?:myself|himself|herself|themselves)\b|"
    r"walk (?:\w+ ){0,2}into the (?:sea|river|lake|water|traffic)\b|"
    r"(?:shan'?t|won'?t|will not|not going to|never) (?:be )?tak\w* (?:my |any )?(?:tablets|meds|medication|medicines|"
    r"pills|insulin)\b(?: \S+){0,3} (?:any ?more|again)|i'?m done with (?:the |my )?(?:insulin|tablets|meds|"
    r"medication|dialysis)|"
    r"(?:if|when|after) i'?m (?:dead|gone|not (?:there|here|around))\b\??(?: \S+){0,16} (?:happening|this week|"
    r"next week|tonight|tomorrow|by (?:friday|sunday|saturday|monday|the weekend))|"
    r"(?:my|the) funeral\b\??(?: \S+){0,8} (?:soon|this week|next week|tomorrow)|"
    r"(?:leave|leaving) the (?:front |back )?door unlocked (?:on|for) \w+|"
    r"(?:permanently|forever) unavailable|(?:they'?ll|they will) have enough to deal with|"
    r"before i go tonight|i'?m not coming back\b(?! (?:till|until|to|for|from|before|after|here))"
)
# Every pill to be taken, the amount no longer mattering: "don't care about the dose anymore, I was going to
# take all of them anyway".
_ALL_OF_THEM = (
    r"(?:don'?t|dont|do not) care (?:about )?(?:the |what )?(?:dose|amount|how many)|"
    r"(?:going to|gonna|about to|will|i'?ll) (?:just )?(?:take|swallow|down) (?:them all|all of them|the lot|"
    r"the whole (?:box|pack|packet|bottle|strip))\b(?! (?:at once )?(?:as|like) (?:prescribed|directed|told))"
)
# A will made, then a room booked alone, for no stated purpose (fresh40): "made a will last week and booked a hotel on
# my own for friday". Not a holiday, a trip or an occasion.
_WILL_AND_A_ROOM_ALONE = (
    r"(?:made|written|wrote|sorted|updated|done) (?:a |my )?will\b(?: \S+){0,10} (?:booked|book) (?:a )?(?:hotel|room|"
    r"b&b|airbnb|cottage)\b(?: \S+){0,2} (?:on my own|alone|by myself)\b(?!.*\b(?:holiday|anniversary|trip|walk\w*|"
    r"conference|wedding|birthday|break|weekend away|course|interview|gig|concert)\b)"
)
# Crises told with no crisis word (fresh41), by the person or by someone who found the signs: affairs sorted so nobody
# has to deal with the mess; a note's words ("none of this was their fault", "they shouldnt go in my room, just call
# someone"); a loved pet to be given away for no reason told; searches found about ligatures or lethal doses; a
# phone wiped "so mum doesnt see it after", messages set to send later; one's own pills stopped to "let nature take
# its course"; tablets saved and "enough now"; a plan so nobody close finds one; "it will work this time"; a will made
# and a room booked alone.
# Guns named beside arrangements or not waking (fresh43): _GUN.
_INDIRECT_CRISIS = (
    r"so (?:that )?(?:nobody|no one|noone|they|my (?:family|kids|mum|dad|sister|brother|wife|husband|partner)) "
    r"(?:has|have|will have|doesn'?t have|doesnt have|don'?t have|dont have|won'?t have|wont have) to (?:deal with|"
    r"sort out|clear up|clean up) (?:my|the|all my) (?:mess|stuff|things)|"
    r"(?:none of this|this|it) (?:was|is|wasn'?t|wasnt|isn'?t|isnt) (?:\w+ )?(?:their|your|his|her|anyone'?s) fault\b"
    r"(?: \S+){0,12} (?:love|sorry)|(?:shouldn'?t|shouldnt|should not|don'?t|dont) (?:let (?:\w+ )?)?(?:go|come) "
    r"(?:in|into) my room\b|"
    r"(?:find|found|need) (?:\w+ ){0,2}(?:someone|somebody|a home|a new home) (?:who will|who'?ll|to) "
    r"(?:take|look after|love|have) (?:her|him|them|my (?:dog|cat|pets?))\b(?!.*\b(?:moving|move|allerg\w*|landlord|"
    r"baby|new job|emigrat\w*|care home|afford|abroad|hospital|work)\b)|"
    r"(?:searches|searched|search history|looked up|googling|googled|browser history)\b(?: \S+){0,6} (?:ligature\w*|"
    r"how to (?:hang|overdose|kill)|lethal dose\w*|painless ways?|suicide)|"
    r"(?:doesn'?t|doesnt|don'?t|dont|won'?t|wont|can'?t|cant) see (?:it|them|anything) after\b|"
    r"(?:messages?|texts?|emails?|posts?) (?:to )?send on a timer|"
    r"(?:stop|stopping) (?:taking )?my (?:\w+ ){0,2}(?:pills|tablets|meds|medication|insulin)\b(?: \S+){0,6} "
    r"let nature take its course|"
    r"(?:been )?saving (?:my |all my )?(?:\w+ )?(?:pills|tablets|meds|painkillers)\b(?: \S+){0,8} (?:have|got) "
    r"enough(?: now)?\b|"
    # Found by no one close, planned that way (fresh39): "planning how to do it so my family dont find me".
    r"so (?:my (?:family|kids|children|wife|husband|partner|mum|dad|parents)|they|no one|nobody|the kids) "
    r"(?:don'?t|dont|won'?t|wont|doesn'?t|wouldn'?t|aren'?t|arent|isn'?t) (?:the ones? to |have to )?find me\b|"
    # Done before, surer this time: "i just want to know it will work this time".
    r"\bit (?:will|would|'?ll|is going to) work this time\b|"
    # (fresh43) Arrangements made beside a gun got out, a height judged ("its only 5 floors but"), how much of a
    # medicine it would take looked up (not for a meal's insulin), a long nap "if you know what i mean", what one would
    # take known exactly, and a service revolver kept beside not wanting to wake up.
    r"(?:made|making|sorted|put in place) (?:his|her|my|their|all (?:his|her|my|their)) (?:final )?arrangements\b"
    rf"(?: \S+){{0,20}} (?:{_GUN}|ropes?|pills|tablets)\b|"
    rf"(?:{_GUN})\b(?: \S+){{0,20}} (?:made|making|sorted) "
    r"(?:his|her|my|their) (?:final )?arrangements\b|"
    r"(?:only|just) (?:\d+|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:floors|storeys|stories|metres|meters|feet|ft)(?: high| up| tall)? (?:but|though)\b|"
    r"(?:looking up|looked up|googl\w*|research\w*|working out|worked out) how (?:much|many) (?:\w+ ){0,3}"
    r"(?:it )?would (?:take|do it|be enough)\b(?!.*\b(?:cover|carbs?|pizza|meal|eat|eating|food|bolus|correct)\b)|"
    r"(?:long|big|forever|permanent|final|last) (?:nap|sleep)\b(?: \S+){0,6} (?:if (?:u|you) know what i mean|"
    r"bye|goodbye|forever)\b|"
    r"\bi know (?:exactly )?what (?:i'?d|id|i would) (?:take|use)\b|"
    r"(?:easier|better|best|a relief) if i (?:just )?(?:didn'?t|did not|never|don'?t|do not|wouldn'?t) wake up\b"
    rf"(?: \S+){{0,20}} (?:{_GUN}|pills|tablets|rope)\b|"
    # (fresh42) A gun or a rope got out and sat with: "got my dads old shotgun down from the loft and sat with it on my
    # lap for an hour"; oneself and another put "out of our misery"; a train or a bus stepped in front of, said as
    # what one will do; which one would be used, worked out.
    r"(?:shot ?guns?|rifles?|guns?|firearms?|ropes?|noose|ligature|blades?)\b(?: \S+){0,12} (?:sat|sitting|sit|been "
    r"sitting|sat there) (?:\w+ ){0,2}with (?:it|them)\b|"
    r"(?:put|putting|puts) (?:myself|both of us|us both|the two of us) out of (?:my|our) misery|"
    r"(?:(?:i'?m|im|i am) (?:going to|gonna)|i'?ll|ill|i will|i want to|i could|i might|thinking (?:about|of)|"
    r"think about) (?:just )?(?:step|stepping|walk|walking|jump|jumping|throw myself|throwing myself|lie|lying) "
    r"(?:down )?(?:out )?in front of (?:a|the|an) (?:\w+ )?(?:train|bus|lorry|truck|car|tube|tram)\b|"
    r"(?:working out|worked out|work out|figuring out|figured out|deciding|choosing|picking) (?:\w+ ){0,2}which "
    r"(?:one|method|way|drugs?|pills?|tablets?) (?:i'?d|id|i would|i'?ll|ill|i will) (?:use|take|do it with)\b|"
    # Tablets laid out ready beside a drink (dev18, reworded in session 24): "got the vodka and all the blister packs
    # ready on the table, do i take them before or after the drink".
    r"(?:whiske?y|vodka|gin|rum|wine|alcohol|booze)\b(?: \S+){0,8} (?:pills|tablets|blister packs?|packets|meds|"
    r"paracetamol|painkillers)\b(?: \S+){0,6} (?:ready|lined up|laid out|all out)\b|"
    r"(?:pills|tablets|blister packs?|packets|meds|paracetamol|painkillers)\b(?: \S+){0,6} (?:ready|lined up|laid "
    r"out|all out)\b(?: \S+){0,10} (?:whiske?y|vodka|gin|rum|wine|alcohol|booze|the drink)\b|"
    # (fresh44) How much of a medicine "it takes" looked up, with the study reason the searcher might give denied
    # ("been googling how many paracetamol it takes and its not for pharm revision tbh"); belongings handed out,
    # with "ready to go" or everything "sorted", or a gun beside them (an 81-year-old's medals given to the
    # grandchildren).
    r"how (?:much|many) (?:\w+ ){0,3}it (?:takes|would take|'?d take)\b(?: \S+){0,8} (?:not|isn'?t|isnt) "
    r"(?:for|about|because of) (?:\w+ ){0,2}(?:revision|revising|an? assignment|assignments|uni|work|an? exam|exams|"
    r"pharm\w*|study|studying|coursework|an? essay|placement|class|a quiz|homework)\b|"
    r"(?:give|gave|given|giving) away (?:\w+ ){0,4}(?:medals|tools|watch|watches|rings?|jewell?ery|guitar|"
    r"collection|things|stuff|belongings|possessions)\b(?: \S+){0,30} (?:ready to go|sorted (?:everything|it all|"
    r"(?:his|her|my|their) affairs)|(?:won'?t|wont|will not) (?:be )?need(?:ing)? (?:them|it)|"
    rf"{_GUN})|"
    rf"(?:ready to go|sorted everything)\b(?: \S+){{0,30}} (?:{_GUN})\b|"
    # (fresh45) Tablets put by or saved up, told by the person or reported of them, with a wish not to have
    # survived or a season not to be bothered with: "i have been putting my tablets by for a while now. i dont think
    # i shall bother with christmas", "wishes the fall had finished him and hes got pills saved up at home"; how many
    # of a medicine it would take, thought about.
    r"(?:putting|put|been putting|keeping|kept|saving|saved|stockpiling|stockpiled|hoarding|hoarded|stashing|"
    r"stashed) (?:\w+ ){0,2}(?:tablets?|pills?|meds|medication|painkillers) (?:by|aside|away|up)\b(?: \S+){0,20} "
    r"(?:bother|christmas|birthday|finished|wish\w*|around|point|anymore|any more|enough)\b|"
    # ...or since a death (fresh52: "Since Margaret passed I have been putting one tablet aside each night").
    r"(?:since|after) (?:\S+ ){0,3}(?:died|passed|passed away|death|funeral)\b(?: \S+){0,6} (?:putting|put|"
    r"keeping|kept|saving|saved|stockpiling|hoarding|stashing) (?:\w+ ){0,2}(?:tablets?|pills?|meds|medication|"
    r"painkillers) (?:by|aside|away|up)\b|"
    r"(?:got|has|have|had|with) (?:\w+ ){0,2}(?:tablets|pills|meds|painkillers) (?:saved|stockpiled|stashed|hoarded|"
    r"put by|put aside)\b|"
    r"wish(?:es|ed)? (?:\w+ ){0,3}(?:had|would have|'d) (?:finished|killed|taken) (?:me|him|her|them)(?: off)?\b|"
    r"(?:won'?t|wont|shan'?t|shant|shall not|not going to|don'?t think i(?:'ll| will| shall)) (?:\w+ )?bother "
    r"(?:with|about) (?:christmas|my birthday|next year|the new year)\b(?=.*\b(?:tablets|pills|passed away|died|"
    r"lost|gone|alone|wicked|point)\b)|"
    r"(?:(?:thinking|thought|think) (?:about|of)|(?:keep|kept|been|am|was) (?:working|worked|work|figuring|figured) "
    r"out|(?:keep|kept|been) (?:calculating|googling|looking up)) how (?:much|many) (?:\S+ ){0,8}(?:it )?would (?:take|"
    r"do it|be enough)\b"
    r"(?!.*\b(?:cover|carbs?|pizza|meal|eat|eating|food|bolus|correct)\b)|"
    # A will made and a room booked alone (fresh40).
    + _WILL_AND_A_ROOM_ALONE
)
# The amount already found and judged enough, told before acting: "researched the dose, i know its enough".
_ENOUGH_KNOWN = (
    r"(?:dose|doses|amount|pills|tablets)\b(?: \S+){0,6} (?:i know|i'?m sure|im sure|i'?m certain) "
    r"(?:it'?s|its|it is|it will be|it'?ll be|that'?s|thats|they'?re|theyre) enough|"
    r"(?:wanted|want|needed) to tell (?:someone|somebody|anyone) before(?: i (?:go|do it|do this))?(?=\W*$)|"
    # The amount worked out: "knows exactly how much she'd need".
    r"(?:know|knows|knew|worked out|figured out|calculated) (?:exactly )?how (?:much|many)(?: (?:of (?:it|them)|pills|"
    r"tablets))? (?:i|he|she|they|you)(?:'?d| would) need\b|"
    # Which drugs and how much, known to oneself (fresh37): "I know exactly which drugs and how much, and I've been
    # carrying them in my bag for a week".
    r"\bi know (?:exactly )?(?:which|what) (?:drugs?|pills?|tablets?|meds?|medications?|medicines?) "
    r"and how (?:much|many)\b|"
    # The dose known, said as the end of a thought (fresh38): "ive started planning how id do it, i know exactly
    # what dose." Not "I know exactly what dose to give".
    r"\bi know (?:exactly )?(?:what|which|the) (?:doses?|amounts?)(?=\s*(?:[.;!]|$|,? (?:and )?i (?:have|haven'?t|"
    r"havent|just|can|will|won'?t)\b))|"
    # (fresh40) "i know what would work. been planning it for about a week".
    r"\bi know (?:exactly )?what would work\b"
)
# Coming round, not coming to a place or an event ("won't come to gigs because of the strobes"): "come to" ends
# the clause, or a time or a linking word follows.
_COME_TO = (
    r"come to\b(?=\W*$| (?:yet|properly|fully|and|but|after|for|since|at all|now|again|he|she|they|i|it|then|so|or|"
    r"in|when|even|quickly|straight)\b)"
)
# Not denied: "went woozy at the gym last night, didn't black out".
_FAINTED = (
    r"(?<!didn't )(?<!didnt )(?<!did not )(?<!never )(?<!without )(?<!not )"
    r"(?:blacked out|black out|blackout|passed out|pass out|fainted|faint|lost consciousness|went out cold)"
)
_FAINT_CAUSE = (
    r"(?:heart (?:was |is )?(?:racing|pounding|hammering|going like)|palpitations|while driving|at the wheel|"
    r"behind the wheel|during (?:exercise|a run|football|training)|while (?:running|exercising)|(?:in|at) the gym)"
)
# A simple faint: a trigger (heat, standing up, blood, a needle, pain), out for seconds, came round at once and well
# now. The nhs.uk fainting page sends a faint to a GP as non-urgent advice; 999 is for someone who does not wake
# within a minute, has chest pain or palpitations, a fit, a serious injury, or fainted exercising (the words below).
_FAINT_TRIGGER = re.compile(
    r"\b(?:hot (?:shower|bath|room|day|weather)|shower|sauna|stood up|standing up|got up|getting up|standing for|stood "
    r"for|queue|blood (?:test|taken|donation)|giving blood|needle|injection|jab|the sight of blood|period pain|"
    r"on the loo|on the toilet)\b")
_CAME_ROUND_AT_ONCE = re.compile(
    r"\b(?:came round|came to|woke up|came back round)\b(?: \S+){0,2} (?:straight away|straightaway|right away|"
    r"immediately|at once|quickly|in (?:a few )?seconds|within (?:a few )?seconds)\b|"
    r"\bout (?:for )?(?:like |only |just )?(?:a few|a couple of|\d+|two|three|five) seconds\b")
_WELL_NOW = re.compile(r"\b(?:feel|feels|felt|feeling|seem|seems)\b(?: \S+){0,2} (?:fine|normal|ok|okay|alright|"
                       r"all right|myself|back to normal)\b")
_NOT_SIMPLE = re.compile(
    r"\b(?:chest|heart|racing|pounding|palpitat\w*|breath\w*|exercis\w*|running|driving|gym|hit (?:my|his|her) head|"
    r"banged|fit|seiz\w*|jerk\w*|shak\w*|pregnan\w*|blood thinner|warfarin|apixaban|diabet\w*|insulin|bleed\w*|"
    r"confus\w*|again|twice|keeps?|several|more than once|still)\b")


# A swelling where a bee or wasp stung, with breathing said to be fine and nothing beyond the sting: a local reaction,
# however large (the NHS insect bites and stings page, as copies of it read: a larger red, swollen, painful area is a
# mild allergic reaction that passes within a week; breathing difficulty, dizziness or a swollen face or mouth needs
# immediate treatment).
_STUNG = re.compile(r"\b(?:stung|sting|stings|wasp|bee|hornet)\b")
_STING_BREATHING_FINE = re.compile(
    r"\b(?:no|not|without|nor) (?:\w+ ){0,2}(?:trouble|problems?|difficulty|issues?|struggl\w*) (?:with )?breath\w*|"
    r"\bbreathing (?:and swallowing |and talking )?(?:is |are |seems? |totally |completely )?"
    r"(?:fine|ok|okay|normal|good)\b")
_BEYOND_THE_STING = re.compile(
    r"\b(?:throat|tongue|lips?|mouth|face|eyes?|wheez\w*|faint\w*|dizzy|light ?headed|collaps\w*|vomit\w*|being sick|"
    r"racing|pounding|hives all over|all over (?:his|her|my|their) body|everywhere|spreading|anaphyla\w*|"
    r"(?:used|gave|given|give|injected|jabbed) (?:\w+ ){0,2}(?:epi ?pen|adrenaline|auto ?-?injector)|"
    r"allerg\w* (?:to|before)|reacted before)\b")
_DENIALS = re.compile(r"\b(?:no|not|nor|without|or)\b(?: (?!(?:no|not|nor|without)\b)\w+){0,3}")


def _local_sting(text: str) -> bool:
    """A sting's own swelling, breathing said to be fine, no sign past the sting once denials are set aside."""
    return bool(_STUNG.search(text) and _STING_BREATHING_FINE.search(text)
                and not _BEYOND_THE_STING.search(_DENIALS.sub(" ", text)))


def _simple_faint(text: str) -> bool:
    """A faint with a trigger, out for seconds, well at once and now, and no sign of a cause that needs seeing."""
    return bool(re.search(_FAINTED, text) and _FAINT_TRIGGER.search(text) and _CAME_ROUND_AT_ONCE.search(text)
                and _WELL_NOW.search(text) and not _NOT_SIMPLE.search(text))


_FAINT_WITH_CAUSE = re.compile(
    rf"{_FAINTED} (?:\S+ ){{0,10}}{_FAINT_CAUSE}|{_FAINT_CAUSE} (?:\S+ ){{0,10}}{_FAINTED}"
)
# Weeks, months or years ago: an episode that is history, not today's business ("fine now" is still today).
_LONG_AGO = re.compile(
    r"\b(?:(?:\d+|a|an|one|two|three|few|several|couple of) (?:weeks?|months?|years?|yrs?) (?:ago|back)|"
    r"last (?:week|month|year|summer|winter|spring|autumn)|in (?:19|20)\d\d|when i was (?:a |\d)|"
    r"(?:had|was|were|happened) (?:\S+ ){1,8}in the (?:summer|spring|autumn|winter)|"
    r"(?:last|back in) (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"as a (?:child|kid|teen)|since i was (?:a )?(?:child|kid|baby|little|small|young|teen\w*|\d))"
)
RED_FLAGS: dict[str, list[str]] = {
    "chest_pain": [
        # A few other languages' words for the commonest red flags (people switch language when frightened).
        r"dolor (?:\w+ ){0,3}pecho|douleur (?:\w+ ){0,3}poitrine|brustschmerz|"
        r"(?:seene|chhati|chaati) (?:\w+ )?dard|sakit (?:sa |ng )?dibdib",
        r"(?:heartburn|indigestion)(?: \S+){0,10} (?:sweat|pale|grey|clammy|arm|jaw|breath)",
        r"angina(?: \w+){0,10} (?:not working|isn\'?t working|won\'?t go|hasn\'?t gone|lasted|\d+ ?min|"
        r"not (?:go|gone) away|not (?:stop|stopped|ease|eased|settle|settled)|"
        r"after (?:\d|two|three|2|3) (?:sprays|puffs|doses|tablets))",
        # Angina that the spray has not eased: past the second dose, the NHS angina advice is to call for help.
        r"(?:gtn|nitro\w*|angina) spray\w*(?: \S+){0,8} (?:not|isn'?t|isnt|hasn'?t|hasnt|didn'?t|didnt|won'?t) "
        r"(?:\w+ )?(?:work\w*|help\w*|eas\w*|touch\w*|shift\w*)",
        r"(?:stent|bypass)(?: \w+){0,10} (?:pain|same pain|back|again)",
        r"chest (?:\w+ ){0,2}killing|\bcp\b|st elevation|\bstemi\b|\bnstemi\b|\?acs|troponin",
        r"(?:tight|heavy|crushing|sore|hurting|squeezing|burning|stabbing) (?:\w+ ){0,4}(?:chest|sternum|breastbone)",
        r"(?:left|right) arm (?:\w+ ){0,4}(?:pain|ache|numb|heavy|tingl)",
        r"angina attack|ticker'?s? (?:\w+ ){0,3}(?:hurt\w*|pain\w*|pound\w*|racing|going (?:mad|crazy|funny)|"
        r"playing up|flutter\w*|jump\w*|banging|squeez\w*|tight\w*|stopp\w*)",
        r"palpitations (?:\w+ ){0,6}(?:faint|dizzy|pass out|chest|breath)",
        r"chest\w* (?:\w+ ){0,3}(?:pain|pains|hurt|hurts|hurting|tight|tightness|pressure|heavy|heaviness|crush|squeez|"
        r"burn|ache|aching|agony|sore|discomfort)",
        r"(?:pain|pressure|tightness|crushing|heaviness|ache) (?:\w+ ){0,6}(?:chest|sternum|breastbone)",
        r"heart attack",
        r"cardiac arrest",
        r"elephant (?:on|sitting|standing)",
        r"(?:pain|ache) (?:\w+ ){0,3}(?:down|into|to|up) (?:my|his|her|their|the)? ?(?:left )?(?:arm|jaw|neck)",
        r"\bmi\b (?:now|right now)",
    ],
    "stroke": [
        r"(?:cara|boca) torcida|no puede hablar|visage (?:\w+ )?(?:tordu|paralys)",
        # Sight lost or blurred in one eye, suddenly (NHS TIA and Stroke Association symptom lists): "5 minutes of
        # blurred vision in one eye", "went dark in my left eye like a curtain".
        r"(?:blurr\w*|blurry|lost|loss of|losing|dim\w*|dark\w*|black\w*|grey\w*|double) (?:\w+ ){0,2}(?:vision|sight) "
        r"(?:\w+ ){0,2}in (?:one|my left|my right|his left|his right|her left|her right|one of (?:my|his|her)) eye|"
        r"(?:went|gone|going|go) (?:blind|black|dark|grey) in (?:one|my left|my right|his|her) eye|"
        r"curtain (?:\w+ ){0,2}(?:came|coming|come|fell|falling) (?:\w+ ){0,2}(?:over|down)",
        r"mumbl|gave way|pins (?:and|n|&) needles|walking into|bumping into|doesn\'?t notice (?:his|her|"
        r"my) (?:left|right)",
        r"hemipar|hemipleg|aphasi|dysphasi|dysarthri|facial droop|arm drift|gaze deviation|unequal pupils|nihss|"
        r"\blkw\b|last (?:seen|known) well",
        r"(?:terrible|severe|worst|bad|awful|splitting) headache(?: \w+){0,8} (?:vomit|sleepy|drowsy|confus|stiff|"
        r"sick)",
        r"face (?:\w+ ){0,3}(?:dropped|drooped|droopy|sagged|slipped)|mouth (?:\w+ ){0,3}(?:droop|drop|crooked|sided)",
        r"can'?t smile|cant smile|not making sense|making no sense|garbled|gibberish",
        r"(?:words|speech|talking|sentences) (?:\w+ ){0,3}(?:don'?t|dont|doesn'?t|doesnt|do not|not) "
        r"make (?:any )?sense|"
        r"(?:dropping|drops|dropped|can'?t grip|cant grip|can'?t hold|cant hold) (?:\w+ ){0,4}(?:with|in) "
        r"(?:his|her|my|their) (?:right|left) hand",
        r"(?:weak|numb|dead|heavy|tingl)\w* (?:\w+ ){0,3}(?:one side|left side|right side|down (?:his|her|"
        r"my) (?:left|right))",
        r"(?:lost|losing|loss of) (?:the )?(?:sight|vision) (?:\w+ ){0,3}(?:one eye|suddenly)|double vision",
        r"(?:vision|sight) (?:\S+ ){0,6}(?:went|gone|going|goes) (?:dark|black|grey)|(?:curtain|blind|shade) "
        r"(?:\S+ ){0,2}(?:coming|came|come) down|(?:hand|arm|leg|fingers) (?:\S+ ){0,3}clumsy",
        r"\bfast (?:test )?(?:positive|\+ve)|\?stroke|\bcva\b",
        # (not a risk score named for it: "his stroke score is 3", CHA2DS2-VASc in lay words)
        r"\bstroke\b(?! (?:risk )?(?:score|scores|risk)\b)",
        r"slur",
        r"droop",
        r"lopsided",
        r"face (?:\w+ ){0,2}(?:fallen|fell|falling|dropped|dropping|crooked|uneven|wonky|sagging)",
        rf"{_CANT} (?:lift|raise|move|feel|use) (?:\w+ ){{0,2}}(?:arm|leg|hand|side)",
        r"one side (?:\w+ ){0,4}(?:weak|numb|gone|paraly|dead|heavy|not working)",
        r"(?:left|right|one)[- ]sided (?:weak|numb|paraly)\w*",
        # "gone" of power, never of colour or swelling: "his lower leg has gone red, hot and swollen" (fresh28).
        r"(?:arm|leg|hand|side of (?:his|her|my|their) (?:body|face)) (?:\w+ ){0,2}(?:weak|numb|dead|limp|heavy|"
        r"gone(?! (?:red|hot|warm|swollen|pink|purple|black|yellow|white|itchy|sore|stiff|bruised|puffy|blotchy)\b))",
        r"sudden(?:ly)? (?:\w+ ){0,2}(?:weak|numb|confus|blind|vision|see|speak|talk|headache|dizzy)",
        r"(?:worst|worse) headache",
        r"thunderclap",
        rf"{_CANT} (?:speak|talk|get (?:his|her|my|their|the) words|find (?:his|her|my|the) words|understand)",
        r"words? (?:\w+ ){0,3}(?:jumbled|garbled|muddled|wrong|nonsense|mixed up|slurr)",
        r"talking (?:funny|strange|weird|gibberish|nonsense)",
        r"\b(?:tia|mini stroke)\b",
    ],
    "anaphylaxis": [
        r"angioedema|biphasic|urticari",
        r"after (?:the|my|his|her) (?:jab|injection|vaccine|infusion)(?: \w+){0,8} (?:itch|breath|dizzy|"
        r"light ?headed|faint|rash)",
        r"swollen (?:tongue|lips?|face|throat|eyes)|puffy (?:face|lips|eyes)",
        r"throat (?:\w+ ){0,3}(?:scratchy|itchy|funny|narrow)",
        r"anaphyla|ana\w{0,3}la[xk]\w*",
        r"throat (?:\w+ ){0,2}(?:clos|swell|swollen|tight)",
        r"(?:lips?|tongue|face|mouth|eyes?|eyelids?) (?:\w+ ){0,3}(?:swell|swollen|puff|blow|blew|balloon|huge)",
        r"swell\w* (?:\w+ ){0,2}(?:lips?|tongue|throat|face|mouth)",
        # A tongue or throat that feels thick (fresh46 read back on an older row: "covered in hives and my tongue feels
        # fat and heavy").
        r"(?:tongue|throat) (?:\w+ ){0,2}(?:fat|thick|heavy|too big|massive)\b",
        r"epi ?pen|auto ?injector|adrenaline pen|epinephrine pen",
        r"allergic reaction",
        r"(?:hives|welts|rash) (?:\w+ ){0,5}(?:breath|wheez|throat|swell|dizzy|faint)",
        # ("after a breath test" is a test for H. pylori, not a breathing sign)
        r"(?:ate|eaten|eating|stung|sting|bitten|after) (?:\w+ ){0,6}(?:breath(?!\w* tests?\b)|wheez|throat|swell|"
        r"hives|lips)",
    ],
    "breathing": [
        r"(?:no puede|le cuesta|no|ne) respir\w*|atmet nicht|keine luft|saans (?:nahi|nahin|nhi)|hindi makahinga",
        # Fluid on the lungs (fresh49, heart failure): "cant lie down at all, feels like im drowning, coughing up
        # pink frothy stuff".
        r"pink (?:\w+ )?froth\w*|froth\w* pink|(?:feels?|feeling|felt) like (?:i'?m|im|i am|he'?s|hes|she'?s|shes) "
        r"drowning|drowning (?:in|on) (?:my|his|her) (?:own )?(?:fluid|lungs|chest)",
        r"(?<!sleep )apno?eas?\b|apno?eic|sats (?:\w+ ){0,3}(?:[5-8]\d)s?\b|hardly breathing|lips (?:\w+ )?blue|"
        r"blue lips|"
        r"every breath|(?:two|few|2|3) words|can only say|peak flow(?: \w+){0,2} \d|no air|bolt upright|"
        r"stuck in (?:my|his|her|the) throat|whistl|enough air|\bph 7 ?[0-2]|\bniv\b|intubat",
        r"can'?t get (?:any )?air|cant get air|struggling for (?:air|breath)|fighting for breath|asthma attack",
        r"(?:breathing|breaths?|breathes) (?:\w+ ){0,3}(?:really |very )?(?:fast|quick|hard|funny)",
        r"\bsob\b|\bdib\b",
        rf"{_CANT} (?:\w+ ){{0,2}}(?:breath|breathe|get (?:a|his|her|my|any) breath|catch (?:his|her|my|their) breath)",
        r"(?:not|isn't|isnt|stopped|stops|stop|hasn't been|no longer|barely) breath",
        r"(?:difficulty|trouble|problems?) breath",
        r"gasping",
        r"(?:turning|turned|gone|going|looks?|is|are) (?:\w+ ){0,2}blue",
        r"blue (?:lips|face|around)",
        r"chok",
        r"breathless",
        r"short(?:ness)? of breath",
        r"(?:breathing|breath|breathes) (?:\w+ ){0,3}(?:fast|rapid|noisy|weird|strange|shallow|laboured|labored|rattl)",
        r"wheez",
        r"\bsob\b",
    ],
    "unconscious": [
        r"(?:no|not|can'?t find (?:a|his|her)|without a) pulse|\bcpr\b|defib\w*|cardiac arrest|just dropped|"
        r"inconscient\w*|no despierta|no reacciona|bewusstlos|behosh|walang malay",
        # AVPU told in words: "no response to voice or pain", "barely rousable".
        r"no response (?:to|when) (?:voice|pain|(?:his|her|their) name|shaking|anything|me|us)|barely rous\w*|"
        r"not rousable|"
        r"not moving|slumped|doesn\'?t respond|not responding|stopped responding|barely rouse|hard to (?:wake|"
        r"rouse)|electrocut|\bavpu\b|doesn\'?t know where|went down",
        r"out cold|eyes rolled|not coming round|not come round|"
        r"found (?:\w+ ){0,3}(?:on (?:his|her|their|my|the) (?:\w+ )?(?:floor|ground)|in bed)",
        r"dropped (?:his |her )?gcs|gcs (?:dropped|falling)",
        r"unconscious",
        # Fainting with a pounding heart, at the wheel or mid-exercise: a heart-rhythm cause until shown otherwise.
        _FAINT_WITH_CAUSE.pattern,
        r"unresponsive",
        r"not respond",
        rf"{_WONT} (?:\w+ ){{0,2}}(?:wake|waking|respond|come round|{_COME_TO}|answer)",
        rf"{_CANT} (?:\w+ ){{0,2}}(?:wake|rouse|get (?:him|her|them) (?:up|to respond))",
        r"passed out",
        r"collaps",
        r"fainted",
        r"blacked out",
        r"no pulse",
        r"keeled over",
        # Not a gait: "I can walk on it with a limp", "limping".
        r"\bfloppy\b|(?<!with a )(?<!a bit of a )(?<!a slight )(?<!a )\blimp\b(?! (?:on|when|slightly|a bit))",
        r"(?:lying|laying|on the) (?:\w+ ){0,3}(?:floor|ground)",
        # Not a tooth: "his baby tooth got knocked out at school".
        r"(?<!tooth )(?<!teeth )(?<!tooth got )(?<!teeth got )(?<!tooth was )(?<!teeth were )knocked out"
        r"(?! (?:\w+ ){0,3}(?:tooth|teeth)\b)",
    ],
    "seizure": [
        r"post[- ]?ictal|(?:looked like|having|is having|started|now|now in) (?:a |an )?(?:generali[sz]ed )?"
        r"tonic[- ]?clonic",
        r"went rigid|shook all over|shaking on one side|fits? since|still seizing|midaz|lorazepam",
        r"won'?t stop shaking|shaking (?:\w+ ){0,3}(?:unresponsive|won'?t stop)|status epilep",
        r"seiz(?!\w*[- ]free)",  # "seizure-free for two years" is not a fit
        # "fit note", "fit for work", "fit to fly": fitness, not a fit.
        r"\bfit\b(?![- ]free| notes?\b| (?:for|to) (?:work|duty|fly|drive|travel|return)\b)",
        r"fitting",
        r"convuls",
        r"shaking (?:\w+ ){0,3}(?:all over|uncontroll|and)",
        r"jerking",
    ],
    "bleeding": [
        r"soaking (?:through )?(?:a |my )?pads?|full of blood|squirting|slashed|haematemesis|hematemesis|mela?ena|"
        r"pr bleed|gi bleed|\bhb (?:of |is )?[3-7]\d\b|blood loss|\bebl\b|\bmtp\b|massive transfusion|"
        r"pooing blood|blood (?:\S+ ){0,12}(?:faint|dizzy)|(?:filled|fill|filling) the (?:toilet|bowl|pan)",
        r"coffee grounds?|nose ?bleed (?:\w+ ){0,4}(?:hour|won'?t|wont|not stop)|black (?:poo|poop|stools?)|"
        r"(?:poo|poop|stools?|faeces|bowel motions?) (?:\w+ ){0,5}(?:black and tarry|tarry|like tar)|"
        # (fresh54) "vomiting dark brown gritty material like coffee powder", "my stool was black and sticky".
        r"(?:vomit\w*|sick|throw\w* up|threw up)\b(?: \S+){0,8} (?:like )?coffee (?:powder|granules|grounds)|"
        r"^(?!.*\b(?:iron|ferrous|ferric|pepto|bismuth|liquorice|licorice|blueberr\w*|beetroot)\b).*"
        r"\b(?:poo|poop|stools?) (?:\w+ ){0,2}(?:is|was|were|are|has been|look|looks|looked) (?:\w+ )?black\b",
        r"(?:bleeding|blood) (?:\w+ ){0,4}(?:after (?:the )?birth|after delivery|after giving birth)",
        r"bleed\w* (?:\w+ ){0,3}(?:heav|a lot|lots|badly|loads|everywhere|won't|wont|will not|not stop|"
        r"non ?stop|through)",
        r"(?:won't|wont|will not|doesn't|doesnt|can't|cant) stop (?:\w+ ){0,2}bleed",
        r"(?:blood|bleed\w*)\b(?: \S+){0,8} (?:can'?t|cannot|cant|unable to) (?:make|get) (?:it|them) (?:to )?stop",
        r"blood (?:\w+ ){0,3}(?:everywhere|spurt|pouring|gushing|squirting|soaked|pooling|all over)",
        r"(?:vomit|throw|threw|puk|cough|spit)\w* (?:\w+ ){0,5}blood",
        r"(?:lots|loads|a lot) of blood",
        r"haemorrhag|hemorrhag",
        r"(?:black|tarry) (?:\w+ ){0,2}(?:poo|stool|stools|poop)",
        r"soaked (?:\w+ ){0,3}(?:blood|pads?|towels?)",
        r"(?:deep|big|bad) (?:cut|gash|wound)",
        r"spurting",
        r"blood (?:\w+ ){0,2}(?:pulsing|pumping|spurting|pouring) out",
        r"sliced (?:open|through|deep)",
        r"bleeding",
    ],
    "overdose": [
        r"got into (?:\w+ ){0,3}(?:pills|tablets|meds|medicine|medication)|took some of (?:\w+ ){0,2}(?:pills|"
        r"tablets|meds|diazepam|medication)|drank (?:\w+ ){0,2}(?:a|the|half a|half the|a whole|most of the) bottle",
        r"(?:diazepam|benzos?|oxycodone|tramadol|codeine|morphine|fentanyl|methadone|heroin|cough syrup|"
        r"sleeping pills|xanax|ketamine|mdma|pills)(?: \w+){0,6} (?:vodka|alcohol|drowsy|hallucinat|loads|bottle|"
        r"all of|unresponsive|sleepy)",
        r"\bswallowed\b|whole (?:packet|bottle|box)|took (?:\w+ ){0,3}(?:all|everything|lots|loads)",
        r"(?:weed ?killer|herbicide|pesticide|paraquat|rat poison|slug pellets|insecticide|drain cleaner|caustic)",
        r"(?:xans?|xanax|lean|benzos?|opioids?|oxy|fent\w*|heroin|methadone|ghb|\bg\b|pregabalin|gabapentin|tramadol)"
        r"(?: \S+){0,10} (?:drifting off|nodding|nodding out|can'?t stay awake|cant stay awake|falling asleep|passing "
        r"out|won'?t wake|breathing (?:\w+ ){0,2}(?:slow|shallow|weird)|once every)",
        r"nodding out",
        r"(?:drank|drunk|swallowed|ate) (?:\w+ ){0,4}(?:bleach|antifreeze|cleaner|detergent|perfume|"
        r"alcohol gel|hand sanitiser|hand sanitizer|e-liquid|vape juice|oil|paraffin)",
        r"overdos",
        r"\bod\b|\bod'd\b|\bo\.d\b",
        r"\b(?:took|taken|swallowed|ate|eaten|drank|drunk|downed|necked) (?:\w+ ){0,5}"
        r"(?:pills|tablets|tabs|capsules|meds|medication|medicine|paracetamol|tylenol|acetaminophen|ibuprofen|"
        r"aspirin|iron|sleeping|antidepressants|opioids?|oxy|fentanyl|heroin|methadone|insulin|batter|magnet|bleach|"
        r"detergent|pod|cleaner|antifreeze|weed killer|poison|chemical|button|coin|lamp oil|white spirit|mushrooms|"
        r"berries|vape|nicotine|edibles|cannabis|(?:weed|thc) (?:gummies|sweets|brownies|cookies))",
        r"(?:whole|entire|full) (?:\w+ ){0,2}(?:bottle|packet|pack|box|strip|blister)",
        # ...or the week's pills at once (fresh46): "took the whole week's dosette yesterday".
        r"(?:took|taken|swallowed|had) (?:\S+ ){0,3}(?:whole|entire|full|all) (?:\S+ ){0,2}(?:dosette|pill (?:box|"
        r"organi[sz]er)|blister pack|nomad|week'?s?'? (?:worth|supply|tablets|pills|meds))",
        r"poison",
        # Not a count prescribed asked about: "on four heart tablets... isn't that too many tablets?" (fresh28).
        r"(?<!that )(?<!this )(?<!it )(?:too many|loads of|handful of|a bunch of|all of) (?:\w+ ){0,2}"
        r"(?:pills|tablets|tabs|meds|capsules)",
        # ...or of a medicine named (fresh45): "took a handful of his mum's sertraline".
        r"(?:took|taken|swallowed|had|ate) (?:a )?handful of (?:\w+ ){0,3}(?:sertraline|citalopram|fluoxetine|"
        r"amitriptyline|mirtazapine|paracetamol|ibuprofen|co-?codamol|codeine|tramadol|diazepam|zopiclone|"
        r"propranolol|quetiapine|lithium|aspirin|painkillers|antidepressants|sleeping (?:pills|tablets))",
        r"(?:pills|tablets|tabs|meds) (?:\w+ ){0,3}(?:gone|missing|empty)",
        r"(?:batter(?:y|ies)|magnets?|bleach|detergent|pods?|cleaning|antifreeze|pills?|tablets?|chemicals?) "
        r"(?:\w+ ){0,4}(?:mouth|swallow|ate|eaten|drank|drunk|missing|in (?:him|her))",
        r"\bingest",
    ],
    "suicide": [
        r"suicid",
        # A method thought of for oneself (fresh40): "i keep thinking about injecting myself with something at the end
        # of a shift".
        r"(?:thinking|thought|think) (?:about|of) (?:\w+ ){0,2}(?:injecting|overdosing|hanging|drowning|gassing|"
        r"poisoning|electrocuting) (?:myself|himself|herself)\b",
        _INDIRECT_CRISIS,
        _EDGE_AND_EASE,
        # A pet to be rehomed, or affairs put in order, before going: "who do I give my dog to if I'm going to be gone
        # for good?", "I want everything in order before I go through with it".
        r"\b(?:i'?m|i am|i'?ll be|i will be|going to be|gonna be) gone for good\b|"
        r"\b(?:in order|sorted|my will)\b(?: \S+){0,10} before i (?:go through with it|do it|go|end it)\b",
        _FROM_WORK,
        # At a height now, telling someone (fresh36): "failed my resits... i'm on the roof of the library building.
        # just wanted to tell someone". Never "want to tell you" (a roofer telling a knee injury).
        r"\b(?:i'?m|im|i am) (?:\w+ ){0,2}(?:on|at the top of|up on|standing on|sat on|sitting on) (?:the |a |this )?"
        r"(?:roof|rooftop|ledge|edge|bridge|top floor|balcony|cliff)\b(?: \S+){0,14} (?:(?:just )?want(?:ed)? "
        r"(?:\w+ )?to (?:tell|let) (?:someone|somebody|anyone)|someone to know|goodbye|can'?t do (?:this|it) any ?more|"
        r"no way out)",
        # A goodbye sent by someone who then does not answer: "messaged me at 2am 'tell the kids I love them' and isn't
        # picking up". Someone else's warning sign, told by the one who received it.
        r"(?:messaged|texted|text|sent|wrote|said|rang|called)\b(?: \S+){0,8} \W*(?:tell (?:(?:the|my|his|her|our) )?"
        r"(?:kids|children|boys|girls|family|mum|dad|wife|husband)\b(?: \S+){0,2} (?:i|that i) love|goodbye\b|"
        r"(?:i'?m )?sorry for everything|look after (?:the kids|the children|mum|dad|my)|"
        # ...or thanks said as a farewell, then the phone off (fresh38): "texted me 'thanks for everything youve been a
        # good friend' then turned her phone off".
        r"thanks? (?:you )?for everything|(?:you'?ve|youve|you have) been (?:a |the )?(?:good|great|true|best|amazing) "
        r"(?:friend|mate|sister|brother|mum|dad))(?: \S+){0,16} "
        r"(?:(?:isn'?t|isnt|is not|not|won'?t|wont|hasn'?t|hasnt|can'?t|cant|cannot)(?: \w+){0,3} "
        r"(?:picking up|answering|answer|responding|replying|reach|get through)|"
        r"(?:turned|switched) (?:\w+ )?(?:her|his|their|the) phone off|"
        r"(?:her|his|their) phone(?:'s| is) (?:off|dead|going straight to voicemail))",
        _GATHERED,
        _FOUND_OR_WORKED_OUT,
        _PREPARED,
        _FINAL_WORDS,
        _AFFAIRS_SETTLED,
        # Not carrying on, decided (f7-0204: "I have decided I shall not carry on. I have her remaining morphine").
        r"\b(?:shall|will) not (?:carry|go) on\b|\bdecided\b(?: \w+){0,3} not (?:to )?(?:carry|go) on\b",
        _NO_NEED_AFTER,
        _HEIGHT_CHECKED,
        _PACKS_FROM_SHOPS,
        r"(?:goodbye|farewell|last) (?:note|letter|message|text)|(?:note|letter|message) (?:\w+ ){0,3}(?:for|to) "
        r"(?:my )?(?:family|kids|children|wife|husband|partner|parents|mum|mom|dad|everyone)(?: \w+){0,4} before i "
        r"(?:go|die|leave)",
        r"kill(?:s|ed|ing)? (?:my ?self|him ?self|her ?self|them ?selves|them ?self)|"
        r"(?:want|wish|wanna|please|someone|somebody|"
        r"could just) (?:\w+ ){0,3}kill me",
        # "take" only with a life: "should I take it with food?" is a medicine question.
        # (not "the end of it": "a bit of crayon, I can see the end of it")
        r"(?<!in the )(?<!at the )(?<!by the )(?<!the )\b(?:end|ending|ended) (?!of )(?:\w+ ){0,2}(?:it all|my life|"
        r"his life|her life|their life|my own life|things|"
        r"everything|it)\b",
        r"(?:finish|take|taking|took) (?:\w+ ){0,2}(?:my life|his life|her life|their life|my own life)\b|"
        r"finish (?:\w+ ){0,2}it all\b",
        r"(?:want|wanna|wants|wanted|wish|wishes) (?:\w+ ){0,3}(?:die|dead|to not exist|to disappear|gone for good)",
        rf"\bi (?:\w+ ){{0,2}}{_WONT} (?:\w+ ){{0,3}}(?:be alive|be here|be around|live|wake up|exist|go on)",
        r"don'?t (?:\w+ ){0,2}(?:want|wanna) (?:\w+ ){0,3}(?:alive|live|here|wake up|exist|go on|be around)",
        r"(?:no|any) (?:point|reason|purpose) (?:\w+ ){0,3}(?:living|alive|going on|to live|carrying on|"
        r"to carry on|to go on|to keep going|anymore|any more)",
        r"better off (?:\w+ ){0,2}(?:dead|without me|gone|if i)|"
        # (fresh57) "my family would be better off without the debt and the disappointment of me".
        r"better off without (?:\S+ ){1,8}(?:of|from) me\b",
        # (fresh54) "I am thinking my family is better if I am not here"; "nobody would ever know it wasn't a mistake";
        # "how deep can you go on your forearm before it needs stitches. going to do it tonight".
        r"(?:better|easier|happier) (?:off )?if (?:i'?m|im|i am|i was|i were|i'?d|i had) (?:not here|gone|dead|"
        r"not around|not alive|never born)\b",
        r"(?:nobody|no one|no-one|noone) would (?:ever )?(?:know|guess|think|suspect) (?:it )?(?:wasn'?t|wasnt|was not|"
        r"weren'?t) (?:a|an) (?:mistake|accident)\b",
        r"how deep (?:can|should|do|would|to) (?:you|i|someone|u) (?:go|cut)\b(?: \S+){0,6} (?:arm|forearm|wrist|"
        r"thigh|leg|skin|stitches)\b",
        r"^(?:so )?what'?s the point\b(?! (?:of|in) (?!(?:living|anything|it all|going on|carrying on|trying|life)\b))",
        # ...or not "much" point (fresh48: "since Margaret passed... I don't see much point in carrying on").
        r"(?:don'?t|dont|do not|doesn'?t|doesnt|does not|can'?t|cant) (?:really )?see (?:the |any |much )?point"
        r"(?: (?:anymore|any more|(?:in|of) (?:living|anything|life|going on|carrying on|being here|being around|"
        r"being alive))|$)",
        r"self[- ]?harm",
        r"(?:done|finished|through) with (?:life|living|being alive)\b",
        # (fresh43) "im so tired of being alive", "it would be easier if i didn't wake up".
        r"(?:tired|sick) (?:\w+ )?of (?:being alive|living|life|existing)\b|"
        r"(?:easier|better|best|a relief) if i (?:just )?(?:didn'?t|did not|never|wouldn'?t) wake up\b",
        rf"make (?:it|my death|an? (?:overdose|od|crash)|\w+) look (?:like )?(?:an? )?accident\w*|{_STAGED_ACCIDENT}",
        r"noose|(?:rope|ligature) (?:\S+ ){0,3}(?:sorted|ready|tied|set up|hung|up in)",
        # Means got ready or kept close: "hidden a ligature", "bought rope", "a rope in the garage I keep looking
        # at", "holding the blade again", "a stash of her pills in a sock".
        r"(?:hidden|hid|hiding|bought|buying|got|keeps?|kept|holding|hold) (?:\S+ ){0,3}"
        r"(?:ligature|rope|blade|razor)s?\b|"
        r"(?:ligature|rope|blade|razor)s? (?:\S+ ){0,6}(?:keep|kept|been) (?:\w+ )?(?:looking|staring|thinking)|"
        r"(?:stash|stockpile|hoard) of (?:\w+ ){0,2}(?:pills|tablets|meds)|active (?:suicidal )?plan|"
        r"plan with (?:the )?means",
        # Self-harm in hand now, or a whole medicine cabinet to be swallowed; a method rehearsed.
        _HARM_IN_HAND,
        _REHEARSAL,
        # Fear of oneself, or the how already thought through: "ive thought about how. im scared of myself tonight".
        r"(?:scared|afraid|frightened|terrified) of (?:my ?self|himself|herself)\b|"
        r"(?:thought|thinking|thinks|planned|planning) (?:about |through |out )?how\b(?= (?:i'?d|id|i would|i'?ll|"
        r"i could|to) "
        r"(?:do it|end it|go)\b|\W*$| (?:i'?m|im|i am|and|but|now)\b)",
        # Knowing the amount that would work, or naming when: "I know exactly what dose would work... this week is it".
        r"(?:know|knows|worked out|figured out|found out) (?:exactly )?(?:what|which|how much|how many) (?:\w+ ){0,2}"
        r"(?:dose|pills|tablets|amount)s? (?:would|will|to) (?:work|do it|be enough|kill)|"
        r"\b(?:this week|this weekend|tonight|today|tomorrow) is (?:it|the day|the night)\b|"
        # ...or how much of a medicine "it would take" (fresh47: a nurse, "i know exactly how much insulin it would
        # take. i keep thinking about it on my night shifts"); never a dose to cover a meal.
        r"(?:know|knows|worked out|figured out|found out) (?:exactly )?how (?:much|many) (?:\w+ ){0,4}(?:it )?"
        r"(?:would|will|'?d) take\b(?! to (?:cover|bring|correct|lower|get|treat|work|kick))",
        _ENOUGH_KNOWN,
        _ALL_OF_THEM,
        r"(?:don'?t|dont|do not) worry about me\b(?: \S+){0,8} (?:made (?:my|the|up my) (?:decision|mind)|decided)",
        # Farewells and dates: "this is the last christmas you'll have to put up with me", "won't be needing them".
        r"last (?:time|christmas|birthday|summer) (?:\w+ ){0,2}(?:you'?ll|you will|i'?ll|i will|anyone) "
        r"(?:see|have|hear|put up)|(?:won'?t|will not|wont|shan'?t|shant|shall not) be needing "
        r"(?:them|it|this|these|any of|anything)|"
        # ...or not needed after a day named (fresh48: deleting every account, "wont need any of it after saturday,
        # got everything sorted").
        r"(?:won'?t|will not|wont|shan'?t|shant|shall not) need (?:any of )?(?:them|it|this|these|that|anything)\b"
        r"(?: \S+){0,2} (?:after|past|beyond|from) (?:\w+day|tonight|tomorrow|the weekend|this week\w*|next week)\b|"
        r"everything(?:'s| is) in order|(?:sorted|sorting) (?:out )?(?:the|my) (?:dog|cat|pets?) (?:out )?with|"
        r"(?:looked|looking|been looking) up (?:\w+ ){0,3}doses?\b(?: \S+){0,6} not for (?:revision|the exam|work|uni)|"
        r"(?:drug|medicine|controlled drugs?) cupboard (?:\S+ ){0,8}(?:plan|thought|easy)|more like a plan|"
        # Means thought about in a way that frightens the one thinking (fresh48: a nurse, "ive been thinking about
        # the drug cupboard at work in a way that scares me").
        r"(?:thinking|thought|thoughts) about (?:the |my |our |all (?:the |my )?)?(?:\w+ ){0,2}(?:drug|medicine|"
        r"controlled drugs?|meds|pills|tablets|insulin|bridge|train|tracks|rope|cliff)\b(?: \S+){0,8} (?:in a way )?"
        r"(?:that|which|it) (?:\w+ )?(?:scares|frightens|terrifies|worries|scared|frightened) me\b|"
        r"(?:picked|chosen|chose|set|got) a date|worked out (?:\w+ ){0,2}how (?:many|much)|"
        r"(?:just )?a (?:burden|nuisance) (?:on|to) (?:everyone|everybody|you all)|"
        r"\bi'?m (?:just |only )?a burden\b|"
        r"(?:stopped|stopping|refusing|not) (?:eating|drinking|(?:taking )?(?:my |his |her )?"
        r"(?:heart |blood pressure )?(?:tablets|pills|meds|medication|medicines|insulin))\b(?: \S+){0,8} on purpose|"
        rf"{_AFTER_DEATH}(?:dies|die|died|am gone|is gone)|"
        # A plan with means and a time: "I know how and when", "been planning it for weeks".
        rf"{_PLAN_AND_FAREWELL}|(?:been )?planning it for (?:weeks|days|months|a while|ages)|"
        # Worth more dead: "my family would get the life insurance, the only useful thing I can do for them now".
        r"(?:would|will|'?d|could) (?:\w+ ){0,2}(?:get|have|collect|be paid) (?:\w+ ){0,2}(?:life insurance|"
        r"insurance (?:money|payout)|payout)|worth more (?:to (?:them|everyone|my \w+) )?dead|"
        r"only (?:useful|good) thing i (?:can|could) (?:still )?do for|"
        # (Not for a reason told: "we've had to rehome our cat because my son's allergy got so bad".)
        r"(?:rehomed|rehoming|rehome|given away|gave away|giving away) (?:\w+ ){0,3}(?:dog|cat|pet|things|stuff|"
        rf"belongings)\w*{_FOR_A_REASON}|"
        r"(?:gave|given|giving|rehomed) (?:away )?(?:my|his|her|their) (?:dog|cat|pets?|cats|dogs) (?:to|away)|"
        # ...or a new home found for it (fresh47: a widower, affairs in order, "found a good home for the dog").
        r"found (?:a )?(?:good |new |loving |nice )?home for (?:the|my|our) (?:dog|cat|pets?|dogs|cats)\b",
        r"(?:going to|gonna|about to|plan(?:ning)? to|want to|wanna) (?:\w+ ){0,2}(?:inject|poison|hang|"
        r"drown|shoot|stab|"
        r"gas|overdose) myself(?! with (?:my |the |some )?(?:insulin|b12|ozempic|wegovy|mounjaro|saxenda|enoxaparin|"
        r"heparin|clexane|methotrexate|humira|adalimumab|epipen|adrenaline|testosterone|hcg|fertility))",
        r"(?:cut|cutting|burn|burning|hurt|hurting|harm|harming) (?:my|him|her|them)(?:self|selves)",
        r"hang (?:my|him|her|your)self|hanging myself|jump (?:off|from|in front)",
        # Taking enough not to wake, or fear of what one will do: "take enough so I don't wake up", "scared of
        # what I'm going to do with it tonight".
        r"(?:so|that|and) (?:i|he|she|they) (?:don'?t|dont|do not|won'?t|wont|will not|never) wake (?:up|again)\b|"
        r"(?:scared|afraid|frightened|terrified) (?:of )?what (?:i'?m|im|i am|i) "
        r"(?:going to|gonna|might|could|will) do\b",
        r"(?:goodbye|suicide) (?:\w+ ){0,2}(?:letters?|notes?|messages?)",
        r"(?:can'?t|cannae) (?:go on|cope anymore|take (?:it|this) anymore|(?:do|dae) this anymore)",
        r"(?:can'?t|cant|cannot) (?:\w+ ){0,2}keep going (?:after|past|beyond|much longer|any ?more)|"
        r"talk (?:\w+ ){0,2}down\b|(?:worked out how|planning it for|how easy it would be to) (?:\S+ ){0,8}"
        r"(?:drugs|pills|tablets|end|die|it for after)",
        r"sleep (?:\w+ ){0,2}(?:forever|for good|and never wake|and not wake)",
        r"(?:give|gave|giving) away (?:\w+ ){0,2}(?:things|stuff|belongings|possessions)|"
        r"(?:give|gave|giving) (?:\w+ ){0,2}(?:things|stuff|belongings|possessions) away|"
        r"(?:been |started |keeps? )(?:giving|gave|give) (?:his|her|my|their) (?:\w+ ){0,2}away\b",
        r"(?:everyone|everybody|they|family|world)(?:'d|'ll| would| will)? (?:\w+ )?better off\b",
        _AT_THE_EDGE,
        r"not be (?:here|around) (?:\w+ ){0,2}(?:anymore|any more|much longer)",
        # Not expecting to be here "one way or another" (fresh46: a widower, affairs in order, "I don't expect to be
        # around much longer, one way or another"); a promise hedged with a time (fresh46: "probs wont do anything
        # tonight"); an amount to be enough "this time", after a last time that ended in hospital (fresh46); wanting
        # everything to stop for good (fresh46, after a song lyric).
        r"(?:n'?t|not|wont|never) (?:\w+ ){0,3}(?:be (?:around|here|alive)|last|live)\b(?: \S+){0,4} one way or "
        r"(?:another|the other)\b|"
        r"(?:probably|probs|prob|prolly|promise|swear|don'?t worry)\W+(?:\w+ )?(?:i )?(?:won'?t|wont|will not|"
        r"not gonna|not going to|am not going to) do anything (?:\w+ )?(?:tonight|today|yet|stupid|silly)\b|"
        r"(?:enough|works?) this time\b(?: \S+){0,12} last time (?:\w+ ){0,2}(?:ended up|woke up|was found|got found|"
        r"survived|failed|didn'?t work|didnt work)|last time (?:\w+ ){0,2}(?:ended up|woke up|was found|got found|"
        r"survived|failed|didn'?t work|didnt work)\b(?: \S+){0,12} (?:enough|works?) this time\b|"
        r"(?:want|wish|need) (?:\w+ ){0,2}(?:it all|everything|all of it|all this|life) (?:to )?(?:stop|end) "
        r"(?:for good|forever|for ever|permanently)\b",
        # Preferring death, or not expecting to be here: "he said he'd rather be dead", "don't think I'll be around".
        r"(?:'d|would|wud) (?:\w+ )?rather (?:just )?(?:be dead|not be (?:alive|here|around)|not wake up|not exist|"
        r"not live|die\b(?! than))|"
        r"(?:don'?t|dont|do not) think (?:i'?ll|ill|i will) (?:still )?be (?:alive|here|around)\b",
        # An attempt told, and the next one promised (fresh53, a ward nurse: "she just told me she jumped and she'll
        # do it properly once she's out").
        r"\b(?:jumped|overdosed|took (?:an |the )?overdose|(?:after|following) (?:an |a |his |her |the )?"
        r"(?:overdose|od|attempt)|hanged|tried to (?:end|kill|hang|drown))\b(?: \S+){0,12} "
        r"(?:do it properly|(?:try|do it) again|finish (?:it|the job))\b",
        r"\bunalive\b|\bkms\b|(?:wasn'?t|weren'?t|wasnt|werent) (?:\w+ )?(?:here|around|alive) (?:anymore|any more)",
        r"(?:had|have|got) enough of (?:everything|life|it all|living)|how long (?:does it|would it) take to die|"
        r"(?:tablets|pills|pens) (?:\w+ ){0,2}in front of (?:me|them|him|her)|thoughts (?:\w+ ){0,2}(?:are|were) back|"
        r"standing on (?:the|a|my) (?:balcony|ledge|edge|bridge|roof|parapet)",
        r"(?:quickest|fastest|least painful|painless|surest) (?:way|method)s? (?:to|of) (?:die|go|end|kill|"
        r"stop (?:existing|living|being alive)|not (?:exist|wake up|be here))",
        # Bleeding out from the wrists, or pain to be stopped that is "not physical": "how long it takes to bleed
        # out from the wrist", "the fastest way to make it stop hurting, not like physically, like everything".
        r"bleed(?:ing)? (?:out|to death)\b(?: \S+){0,4} (?:wrists?|veins?)|(?:wrists?|veins?)(?: \S+){0,4} "
        r"bleed (?:out|to death)|(?:slit|slitting|slash|slashing) (?:\w+ )?(?:wrists?|veins?)|"
        r"(?:way|how) to (?:make|get) (?:it|everything|this|the pain|the hurt|it all) (?:all )?(?:to )?stop\b"
        r"(?: \S+){0,8} (?:not (?:like |just |really )?physical\w*|everything|inside|for good|forever|permanently)",
        # Warning signs said in passing (the ones suicide-prevention pages list): nobody would miss them, what
        # happens "when I'm gone", goodbyes said, no way out, not being a burden much longer.
        r"(?:nobody|no one|no-one|noone) (?:would|will|'?d|'?ll) (?:even )?(?:miss|notice|care)\b(?! (?:the|that|this|"
        r"it|a|an|if (?:i|we) (?:was|were) late))|"
        r"(?:when|after|once) (?:i'?m|you'?re|i am|you are) (?:gone|not here|not around)\b"
        r"(?! (?:on|for|to|away|out|at|shopping|abroad))|"
        r"(?:lethal|fatal|deadly)\b(?: \S+){0,6} (?:asking for (?:me|myself)|for me\b|for myself)|"
        r"(?:saying|said|say) my goodbyes|(?:see|there'?s|there is|is) no (?:other )?way out\b|"
        # ...or an easy way out for everyone (fresh51: stopping dialysis "seems like the easiest way out for
        # everyone").
        r"(?:easiest|easy|only|quickest|simplest|cleanest|kindest) way out (?:for (?:everyone|everybody|all of us|"
        r"all|us|them|my family|the family|me)|of (?:it all|everything|this life|life))\b|"
        r"(?:won'?t|wont|will not|shan'?t|shant|shall not) be (?:a (?:problem|burden|bother|nuisance) "
        r"(?:to (?:anyone|anybody|you|them|everyone|the family) )?|around |"
        r"here )(?:for )?(?:much longer|for long|anymore|any more)\b",
        # A ligature tried on oneself: "tied something round my neck earlier and took it off at the last second".
        r"(?:tied|put|wrapped|tightened) (?:\S+ ){0,3}(?:round|around) (?:my|his|her|their) (?:own )?neck",
        # Ending everything "including me"; a plan set for when nobody is home, told with an odd calm.
        r"(?:stop|end|finish|quit) (?:\w+ ){0,3}including (?:me|myself|my life)\b",
        r"(?:planned|planning|plan) it (?:\S+ ){0,5}when (?:\S+ ){0,3}(?:away|out|asleep|at work|gone)\b|"
        r"(?:planned|decided|made my mind up)\b(?: \S+){0,12} (?:weirdly|strangely|oddly|eerily|weird|strange) calm",
    ],
    "sepsis": [
        r"lactate (?:of |is |was |now )?(?:[4-9]|1\d)\b|\bnews2? (?:score )?(?:of |is |now )?(?:[7-9]|1\d)\b|"
        r"\bmap (?:of |is |now )?(?:[3-5]\d|6[0-4])\b",
        r"(?:very|really|ice) cold (?:hands|feet)|shivering (?:\w+ ){0,2}(?:uncontroll|can'?t stop)",
        r"feel(?:s|ing)? like (?:i'm|im|i am|he's|she's|hes|shes) (?:going to|gonna) die",
        # A fever or shivering after chemotherapy: possible neutropenic sepsis, treated as an emergency.
        r"(?:chemo|chemotherapy)\b(?: \S+){0,12} (?:temp\w*|fever\w*|38|39|40|shiver\w*|shaking|rigors?)\b",
        r"(?:baby|newborn|infant) (?:\w+ ){0,5}(?:fever|temp|hot|floppy)",
        r"seps|septic",
        r"meningit",
        r"rash (?:\w+ ){0,4}(?:doesn't|doesnt|does not|won't|wont|not) (?:\w+ ){0,2}(?:fade|go away|disappear|blanch)",
        r"non ?blanch",
        r"glass test",
        r"purple (?:\w+ ){0,2}(?:spots|rash|blotches|dots|marks)",
        r"mottled|blotchy (?:skin|legs|arms)",
        r"stiff neck",
        r"(?:fever|temperature|temp|hot|burning up|shivering|shaking|rigors) (?:\w+ ){0,6}"
        r"(?:confus|drowsy|floppy|lethargic|not making sense|won't wake|wont wake|hard to wake|mottled|pale|clammy|"
        r"not peeing|no wee|hasn't peed|fast breathing|breathing fast|rash|stiff neck|light hurts)",
        r"(?:confus|drowsy|floppy|lethargic|clammy) (?:\w+ ){0,6}(?:fever|temperature|temp|hot|shivering)",
        r"(?:high|spiking) (?:fever|temperature|temp)",
        r"(?:hasn't|hasnt|has not|haven'?t|havent|have not|not) (?:\w+ ){0,2}(?:peed|weed|wee'd|a wee|a pee|"
        r"passed urine|had a wet nappy|had a wet diaper)\b",
    ],
    "pregnancy": [
        r"contractions (?:\w+ ){0,4}(?:\d{2} ?weeks|early|premature)|premature labour|preterm",
        # Tightenings coming regularly or getting stronger before 37 weeks: labour may be starting early (NHS trust
        # pages and Tommy's, read here: call the maternity unit straight away).
        r"\b(?:2\d|3[0-6]) ?(?:weeks?|wks?)\b(?: \S+){0,8} (?:tightenings?|contractions?)\b(?: \S+){0,4} "
        r"(?:every (?:\d+|few|couple of) ?(?:mins?|minutes)|getting (?:stronger|closer|worse|more regular))",
        r"(?:pregnant|weeks) (?:\w+ ){0,8}(?:swollen|swelling|puffy) (?:\w+ ){0,2}(?:face|hands|feet)",
        rf"(?:pregnant|pregnancy|weeks gone|{_WEEKS_GONE}|gestation|trimester|expecting) (?:\w+ ){{0,10}}"
        r"(?:bleed|blood|pain|cramp|headache|vision|seeing|spots|flashing|swell|movement|moving|kicks|kicking|"
        r"fluid|waters|leaking|fit|seiz|faint|dizzy)",
        r"(?:bleed|blood|pain|cramp|headache|vision|flashing|swell|fluid|leaking|waters) (?:\w+ ){0,10}"
        rf"(?:pregnant|pregnancy|weeks gone|{_WEEKS_GONE}|trimester)",
        r"(?:baby|bump) (?:\w+ ){0,3}(?:not moving|moving less|hasn't moved|hasnt moved|stopped moving|"
        r"not kicking|stopped kicking|quiet|less active)",
        r"(?:reduced|fewer|less|no) (?:fetal |foetal |baby )?(?:movements|kicks)",
        r"waters (?:\w+ ){0,2}(?:broke|broken|gone|went|leaking)",
        r"ectopic(?!s\b| beats?\b| heart ?beats?\b)",
        r"miscarr",
        r"placent",
        r"pre[- ]?eclamp|eclamp",
        r"\bpph\b|post ?-?partum (?:haemorrhage|hemorrhage|bleed)",
        r"cord (?:\w+ ){0,2}(?:coming|out|prolaps)",
        r"(?:gave|giving|give) birth (?:\w+ ){0,6}(?:bleed|blood|pain|fever|faint)",
    ],
    "other_urgent": [
        # A systolic pressure under 90 in someone now: shock until shown otherwise (NEWS2 scores it red).
        r"\b(?:bp|blood pressure|sbp)(?: (?:of|is|was|now|down to|dropped to|only))? (?:[4-8]\d)/\d{2}\b",
        # (not denied: "no fever, no back pain")
        r"(?<!\bno )(?:fever|temperature|temp) (?:\w+ ){0,8}(?<!\bno )(?:back|side|flank|kidney|loin) "
        r"(?:\w+ ){0,2}pain",
        r"(?<!\bno )(?:back|side|flank|kidney|loin) pain (?:\w+ ){0,8}(?<!\bno )(?:fever|temperature|temp|shivering)",
        r"(?:fever|temperature|temp) (?:\w+ ){0,4}(?:chemo|chemotherapy|neutropen)",
        r"(?:chemo|chemotherapy) (?:\w+ ){0,6}(?:fever|temperature|temp|shivering)",
        r"(?:severe|really bad|terrible|agony|agonising|agonizing) (?:\w+ ){0,3}(?:tummy|stomach|abdominal|belly) pain",
        r"(?:hot|red|swollen|painful) (?:\w+ ){0,3}(?:calf|leg) (?:\w+ ){0,3}(?:swollen|painful|hot|red)",
        r"(?:blood sugar|glucose|sugars?) (?:\w+ ){0,3}(?:very |really )?(?:high|low|over|under|hi\b)",
        r"ketones",
        r"(?:can't|cant|cannot|unable to) (?:\w+ ){0,2}(?:keep (?:anything|fluids|water) down|stop vomiting|pee|wee)",
        r"(?:head|hit (?:his|her|my) head|head injury|bang(?:ed)? (?:his|her|my) head) (?:\w+ ){0,8}"
        r"(?:vomit|sick|sleepy|drowsy|confus|blood thinner|warfarin|apixaban)",
        r"testic\w* (?:\w+ ){0,3}(?:pain|swollen|swelling)",
        # A burn or its blister larger than the person's hand is seen in A&E (first-aid guidance).
        r"(?:burn\w*|scald\w*|blister\w*) (?:\S+ ){0,10}(?:bigger|larger) than (?:\S+ ){0,2}(?:hand|palm)",
        r"(?:eye|vision) (?:\w+ ){0,4}(?:sudden|suddenly|curtain|shadow|flashes|painful red)",
        # A detaching retina: a curtain or shadow over the sight, or a shower of new floaters (eye casualty now).
        r"(?:curtain|shadow|veil) (?:\w+ ){0,6}(?:eye|vision|sight)",
        r"(?:new|sudden|lots of|loads of|shower of) (?:new )?floaters",
    ],
}
# Self-harm's verbs, and where or how it is told happening (see TOGETHER["suicide"]).
_HARM_VERB = r"cut|cutting|cuts|burn|burns|burning|burned|burnt|scratch\w*|overdos\w*"
_HARM_PLACE = (
    r"myself|my arms|my wrists|my legs|my thighs|her arms|her wrists|her thighs|his arms|his wrists|deeper|"
    r"again tonight|fresh|\bagain\b(?: \S+){0,2} (?:just now|tonight|today)|worse than before"
)
# Two cues anywhere in one message: (what, and a sign that it is serious). Typed descriptions wander.
TOGETHER: dict[str, list[tuple[str, str]]] = {
    "chest_pain": [
        # "Heartburn" that spreads to the neck or arm, with a cold sweat, is how a heart attack is often told.
        (
            r"heartburn|indigestion",
            r"cold sweat|sweating|clammy|into my (?:neck|jaw|arm)|up (?:\w+ ){0,2}neck|grey|gray",
        ),
        (
            r"\bchest",
            r"pain|hurt|tight|pressure|heavy|crush|squeez|ache|rubbing|clutch|sweat|clammy|diaphor|radiat|"
            r"\bjaw\b|left arm|indigestion|breathless|pale|grey|gray|vomit|throwing up|being sick|faint",
        ),
    ],
    "stroke": [
        (
            r"sudden|all of a sudden|came on|out of nowhere|just now|this morning|an hour ago|minutes ago",
            r"confus|vision|can'?t see|speech|speak|talk|walk straight|balance|spinning|numb|weak|worst headache|"
            r"bumping|dropp|slur|droop|face",
        ),
        (  # clumsy and muddled out of the blue: missing the cup, dropping the fork
            r"muddled|confus|not making sense|talking rubbish|jumbled",
            r"(?:missing|misses|miss|knocking over|knocked over|can'?t (?:hold|grip|pick up)) (?:the |his |her |"
            r"a |my )?"
            r"(?:cup|glass|mug|spoon|fork|pen|phone|handle)",
        ),
        (
            rf"{_HEAD_BUMP}|head injury",
            r"drowsy|sleepy|headache|vomit|being sick|confus|warfarin|apixaban|rivaroxaban|blood thinner|"
            r"anticoag|clopidogrel|unconscious|knocked out|fit|seiz|thrown up|threw up|throwing up|"
            # knocked out for a while, or asking the same thing again and again (fresh45)
            r"out (?:cold|for (?:\w+ ){0,2}(?:a|one|\d+|few|couple of) (?:sec|secs|seconds?|min|mins|minutes?))|"
            r"(?:asking|saying|asks|says) (?:the )?same (?:thing|question)",
        ),
    ],
    "anaphylaxis": [
        # A voice going hoarse with hives or after food: the throat swelling (a sign of anaphylaxis on NHS pages).
        (
            r"\bhoarse|\bcroaky|(?:voice|throat) (?:\w+ ){0,3}(?:going|gone|went|sounds?|is|feels?) (?:\w+ )?(?:funny|"
            r"different|weird|strange|husky|raspy|hoarse|croaky)",
            r"hives|welts|urticari|\brash|\bate\b|eaten|eating|\bfood\b|restaurant|takeaway|\bnuts?\b|peanut|prawn|"
            r"shellfish|sting|stung|allerg",
        ),
        (
            # (not "hardly eating" with vomiting: a stomach bug, not a food eaten)
            r"sting|stung|\bate\b|eaten|(?<!hardly )(?<!barely )(?<!not )(?<!isnt )(?<!stopped )(?<!no )eating|allerg|"
            r"peanut|\bnuts?\b|\begg|shellfish|prawn|antibiotic|penicillin|"
            r"cefazolin|amoxicillin|\bbee\b|wasp|injection|contrast|latex|sesame",
            r"throat|tongue|\blips?\b|swell|swollen|hives|itch|faint|wheez|breath(?!\w* tests?\b)|stridor|stridul|"
            r"urticari|hypotens|"
            r"rash|blotch|dizzy|collaps|vomit",
        ),
    ],
    "breathing": [
        (  # short of breath with a sore calf after a journey, or a racing heart: a clot on the lung (call 999)
            r"(?:can'?t|cant|cannot) (?:get|take|catch) (?:a )?(?:full |deep |proper |whole )?breath|breathless|"
            r"short of breath|out of breath",
            r"\bcalf\b|(?:leg|calf) (?:\S+ ){0,3}(?:swollen|sore|pain|hurts)|\bflight\b|heart\W+s? racing",
        ),
        (r"\b(?:sats?|spo2|oxygen|o2)\b", r"\b(?:[5-8]\d|9[0-1])\b"),
        (r"\b(?:rr|resp(?:iratory)? rate|breathing rate)\b", r"\b(?:2[5-9]|[3-6]\d)\b"),
        (
            r"inhaler|reliever|puffer|nebuli",
            r"not (?:working|helping|doing)|isn'?t (?:working|helping|doing)|"
            r"doesn'?t help|no help|every (?:few )?minutes|full breath",
        ),
        (r"stridor|stridul|grunting|ribs (?:\w+ ){0,2}sucking|sucking in|head bobbing|nostrils flaring", r"."),
        # Choking that is no longer clearing itself: a silent cough, no sound, going red or blue while eating
        # (first-aid guidance: someone who cannot cough, cry, speak or breathe needs help straight away).
        (
            rf"silent(?:ly)? cough|cough\w* (?:\w+ ){{0,2}}silent\w*|{_CANT} (?:\w+ ){{0,2}}make (?:a|any) "
            r"(?:sound|noise)|no (?:sound|noise) (?:\w+ ){0,2}coming out|back blows",
            r"\b(?:eat\w*|ate|grapes?|food|sweets?|toy|coin|piece|mouthful|swallow\w*|stuck|chok\w*|going red|"
            r"gone red|purple)\b",
        ),
        # Asthma getting worse: the reliever needed many times a day or at night needs review today.
        (
            _RELIEVER,
            r"(?:\d+|four|five|six|seven|eight|ten|many|several|loads of|lots of) times (?:a|per|each) day|"
            r"every (?:hour|couple of hours|two hours|2 hours|few hours)|"
            r"(?:only )?(?:lasts?|lasting|helping|helps|working|works) (?:\w+ ){0,2}for (?:a )?"
            r"(?:couple (?:of )?|few |an? |\d )(?:hours?|hrs?)\b|(?:waking|wakes|woke|waking up) "
            r"(?:\w+ ){0,3}(?:night|coughing|wheez|breathless)|more (?:and more|than usual|often)",
        ),
    ],
    "unconscious": [
        (r"\bgcs\b", r"\b(?:[3-9]|1[0-2])\b"),
        # Whole words: "can't sleep, lying awake" is not "can't wake".
        (r"won'?t|wont|can'?t|cant|hasn'?t|hasnt|not", rf"come round|{_COME_TO}|\b(?:wake|waking|respond\w*|rouse)\b"),
    ],
    "seizure": [
        (
            r"stiff|twitch(?!y)|jerk|shak|seiz|fitt|status|convuls",  # ("asthma a bit twitchy": unsettled, no twitch)
            r"still|keeps?|going|won'?t stop|twice|again|minutes|"
            r"blue|come round|hot|fever|first|what do|what next|second",
        ),
        (r"went stiff|gone stiff|twitching|fitted|fitting|seizing|status epilepticus|in status", r"."),
    ],
    "bleeding": [
        (
            r"blood|bleed",
            r"pouring|pumping|gushing|spurting|through (?:the|a|my|his|her) (?:towel|shirt|bandage|dressing|"
            r"clothes|pad)|won'?t stop|bright red|fresh|mouthful|cups?|\b\d{3,4} ?ml\b|stabbed|wound|\bbones?\b|clots",
        ),
        (r"stabbed|gunshot|been shot|impaled|amputat|chainsaw|glass (?:\w+ ){0,3}(?:arm|leg|neck)", r"."),
    ],
    "overdose": [
        (
            r"injected|took|taken|had|gave|given|swallowed|\bdid (?:his|her|my|their) (?:\S+ )?(?:insulin|injection|"
            r"jab|dose|pen|lantus|levemir|tresiba|toujeo|abasaglar|novorapid|humalog|fiasp|humulin)",
            # "twice a day", "had it twice this year": how often, not a dose taken twice over.
            r"twice(?! (?:a|per|each|every|this|last|in (?:a|the|one)) (?:day|week|fortnight|month|year)\b| daily\b)|"
            r"double|extra|too much|too many|wrong (?:dose|meds)|someone else'?s",
        ),
        (
            # (wild berries, not strawberries eaten; a tablet hard to swallow is not one swallowed)
            r"dishwasher|laundry|washing|tablet|capsule|pod|battery|magnet|bleach|chemical|\bberries|plant|mushroom",
            r"\bbit (?:into|through|on|off|a)\b|"  # "a bit high" is not a bite
            r"\b(?:bitten|chew\w*|mouth\w*|foam\w*|(?<!struggles to )(?<!struggling to )(?<!struggle to )(?<!hard to )"
            r"(?<!difficult to )(?<!trouble )(?<!difficulty )(?<!problems )swallow\w*|ate|eaten|licked|drank|sucked)\b",
        ),
        # Whole words: "still exhausted 6 months after covid" is tiredness, not a car exhaust.
        # An alarm to buy or fit is not an exposure: "should we get a carbon monoxide alarm, where should it go".
        (r"car running|\bexhaust\b|carbon monoxide|fumes|gas leak|\bco alarm",
         r"^(?!.*\b(?:get|buy|bought|fit|fitted|install\w*|recommend\w*|need|test|testing) (?:\w+ ){0,2}(?:carbon "
         r"monoxide|co) alarms?\b(?!(?: \S+){0,3} (?:going off|went off|beeping|sounding|alarming)))"),
        (r"empty (?:\w+ ){0,3}(?:packets?|bottles?|blisters?|boxes|pill|tablet)", r"."),
        # A handful of one's own tablets at once (fresh54: "couldnt sleep so took about 20 of my 25mg ones").
        (r"\b(?:took|swallowed|taken|necked|downed) (?:about |around |like |maybe |roughly |nearly |over |prob )?"
         r"(?:(?:[5-9]|[1-9]\d) of (?:my|his|her|their|them|the)\b|(?:9|1\d|[2-9]\d) (?:\S+ )?(?:tablets|pills|caps|"
         r"capsules|tabs)\b)", r"."),
        (  # a child found with someone's tablets, some gone (fresh37: "found my toddler with grandad's amlodipine,
            # there were about 20 left and now there's 14. she seems completely fine for now")
            r"\b(?:toddler|baby|little one|kid|child|son|daughter|grandson|granddaughter|"
            r"\d+ ?(?:year|yr|month)s? old|\d+ ?(?:yo|y/o|yr|mo))\b",
            r"(?:were|was|had) (?:about |around |roughly |maybe )?\d+ (?:left|in (?:the|it)|tablets|pills)\b"
            r"(?: \S+){0,4} "
            r"(?:now|only) (?:there'?s |there are |has |\S+ )?\d+\b|found (?:her|him|them|my \w+|our \w+) with "
            r"(?:\S+ ){0,4}(?:tablets|pills|meds|medicine|\d+ ?(?:mg|mcg))\b|"
            # ...or with a pill box whose days are empty (fresh54: "sitting with grandad's weekly pill box, Tues Wed and
            # Thurs compartments empty. Not sure if she ate them").
            r"(?:pill ?box|dosette|pill organi[sz]er|blister pack|nomad|tablet box)\b(?: \S+){0,10} (?:empty|emptied|"
            r"missing|gone|opened|open)\b",
        ),
    ],
    "suicide": [
        (_ASKS_METHOD, _FOR_SELF),  # asking for methods, for oneself
        (_FIREARM.pattern, _LOSS_OR_FAREWELL.pattern),  # a gun, amid a loss or a farewell
        (_WHOLE_PACK, r"."),
        (_ASKS_METHOD, _PLAYED_DOWN),
        (_ASKS_METHOD, _PRESSED),
        (  # pills shown or counted out, with words of an ending
            r"(?:pile|handful|stash|heap|stockpile|photo|picture|pic) of (?:\w+ ){0,2}(?:pills|tablets)|"
            r"(?:sitting|sat|here) with (?:the |my |all )?(?:\w+ )?(?:pills|tablets|meds)|"
            r"(?:pills|tablets|meds) (?:\w+ ){0,2}(?:lined up|laid out|counted out|in front of)|"
            r"(?:lined up|laid out|counted out) (?:\w+ ){0,3}(?:pills|tablets|meds)",
            r"this is it|goodbye|the end|it'?s over|no more|for good|tonight|sorry|right now|on the phone|"
            r"all (?:her|his|my)|(?:starting|start|doing it|going) now|doesn'?t matter|it'?s time|last time|"
            r"(?:none of (?:that|it|this)|nothing) (?:\w+ )?matters",
        ),
        (  # self-harm told with its place or its return: "cut my arms again", "burned again tonight, deeper"
            rf"\b(?:{_HARM_VERB})\b",
            _HARM_PLACE,
        ),
        (  # ..."hurt" only near them (fresh25 read back: "i hurt it lifting boxes... doesnt go down my legs")
            rf"\b(?:hurt|hurting|harm|harming)\b(?: \S+){{0,8}} (?:{_HARM_PLACE})",
            r".",
        ),
        (
            r"edge of|on the roof|top of (?:the )?(?:bridge|car park|building)|on the bridge|train tracks|railway|"
            r"jump",
            r"right now|now|tonight|standing|about to|going to|want to",
        ),
        (
            r"taking them all|take them all|"
            # not a habit with food: "I usually take all my tablets with my coffee and toast"
            r"(?<!usually take )(?<!normally take )(?<!always take )all (?:of )?my (?:pills|tablets|meds)"
            r"(?! (?:with|at) (?:my |a |the )?(?:breakfast|coffee|tea|food|meals?|milk|toast|juice|lunch|dinner)\b)|"
            r"stockpil|"
            r"(?:take|taking|took|inject|injected|injecting|use|using) all (?:of )?(?:my|his|her|their|the) "
            r"(?:\w+ )?(?:insulin|pens?|"
            r"medication|medicine|tabs)\b(?: \S+){0,2} (?:at once|in one go|together)|" + _KEPT_BACK,
            r".",
        ),
        (r"note|letter|goodbye", r"sorry|goodbye|forgive|found|wrote|written"),
        (  # "going to do it when everyone's asleep", said with a decision or a time
            r"(?:do it|doing it|go through with it)\b(?: \S+){0,5} (?:when|while|once|after) (?:\S+ ){0,3}"
            r"(?:asleep|away|out|gone|in bed)\b",
            r"decided|tonight|goodbye|ready|made up my mind|last time|for good|no one|nobody",
        ),
        (  # pills kept back ("been saving them up"), with words of hopelessness
            r"(?:saving|saved|stockpiling|hoarding|stashing) (?:them|these|those|it) up",
            r"point|anymore|any more|hate myself|no one|nobody|can'?t (?:go on|cope|do this)|tired of|goodbye|the end",
        ),
        (  # everything left to someone, soon: "want my sister to get everything, and soon"
            r"(?:get|gets|have|has|inherit\w*) (?:all of )?(?:everything|all my (?:stuff|things|money|savings))",
            r"\bsoon\b|this week|tonight|straight away|right away|before long",
        ),
        (  # affairs put in order: "wrote down where my bank stuff is and who should get my guitar"
            r"wrote down|written down|writing down|sorted out|made a list|left a list|left instructions",
            r"who (?:should|can|will|gets to) (?:get|have) (?:all )?my (?:things|stuff|belongings|money|savings)|"
            r"where (?:my|all my) (?:\w+ )?(?:bank|money|savings|passwords|papers|will)",
        ),
        (r"something worse|not safe|unsafe with myself|can'?t keep myself safe|plan to|have a plan|made a plan", r"."),
        (  # "he's got a plan and he's going to do it tonight": someone else's plan, told by whoever is with them
            r"(?:got|has|have|had|made|making|worked out) (?:a |his |her |their |the )?plan\b",
            r"do it|end it|tonight|after (?:i|we|everyone) (?:leave|go)|kill|die|not be here",
        ),
    ],
    "sepsis": [
        (r"rash|spots|blotch", r"fever|temp|drowsy|sleepy|floppy|hot|burning up|won'?t fade|glass|unwell"),
        (
            r"\b(?:temp|temperature)\b(?: \w+){0,2} (?:3[89]|4[01]|35)",
            r"newborn|weeks? old|days? old|baby|confus|"
            r"not feeding|drowsy|sleepy|floppy|resp|breath|heart rate|\bhr\b|pale|mottled",
        ),
        (
            r"burning up|boiling hot|shivering|rigors|high fever",
            r"not (?:him|her|them)self|confus|sleepy|drowsy|heart (?:is )?racing|racing heart|"
            r"(?:really|very|so) unwell|heart rate|grey|gray|pale|mottled|not peeing|not weeing|op\b|operation|surgery|"
            r"chemo",
        ),
        (
            r"(?:lips|skin|face) (?:\w+ ){0,2}(?:grey|gray|blue|mottled)",
            r"sleepy|drowsy|confus|antibiotic|infection|"
            r"fever|temp",
        ),
        (r"heart rate|\bhr\b|pulse", r"\b1[3-9]\d\b"),
        (r"not feeding|won'?t feed|refusing feeds", r"newborn|weeks? old|days? old|baby|temp|fever|floppy|sleepy"),
        (r"new confusion|suddenly confused", r"temp|fever|resp|breath|infection|uti|pneumonia|antibiotic"),
        # An infection with confusion or fast breathing (sepsis signs as NHS GP practices' pages give them, from the
        # UK Sepsis Trust): "a water infection and tonight he's
        # confused and breathing really fast".
        (
            r"\b(?:water|urine|urinary|chest|kidney|wound|skin|bladder) infection|\buti\b|pneumonia|cellulitis|"
            r"infected",
            r"confus\w*|muddled|not making sense|breathing (?:\w+ ){0,2}(?:fast|quick\w*|rapid\w*|hard)|mottled",
        ),
        # A baby under six months at 39 °C or more (NICE traffic light: amber at 3-6 months, red under 3 months:
        # seen face to face), in nurses' shorthand.
        (
            r"\b[1-6]/12\b|\binfant\b|\b[1-6] ?(?:months?|mo) old\b",
            r"\b(?:t|temp|temperature) ?(?:39|40|41)(?:\.\d)?\b",
        ),
    ],
    "pregnancy": [
        (r"fluid|waters|leaking|trickl|gush", r"\b\d{2} ?(?:weeks|wks)|pregnan|trimester"),
        (
            r"postnatal|postpartum|after (?:the |a |my |her )?(?:c-section|caesarean|birth|delivery)|c-section|"
            r"just (?:had|given birth)|(?:had|has had) (?:a|the|her|my|our) baby|gave birth|given birth",
            r"breath|pleuritic|bleed|blood|headache|vision|fever|calf|chest|faint|clots|"
            # Postpartum psychosis (a medical emergency): voices, strange beliefs about the baby, days without sleep.
            r"hearing voices|voices|evil|paranoi|psychos|hasn'?t slept for days|not slept for days",
        ),
    ],
    "other_urgent": [
        (  # a person with diabetes, drowsy or breathing deeply: ketoacidosis until shown otherwise
            r"type ?1|\bt1d?\b|diabetic|diabetes|insulin",
            r"drowsy|breathing (?:is )?(?:\w+ )?(?:deep|fast|heavy|sighing|weird)|deep breath\w*|kussmaul|fruity|"
            r"pear drops|confus\w*",
        ),
        (r"\bear\b", r"swollen|lump|sticking out|behind"),
        (r"\beye", r"painful|pain|red|blurry|blurred|vision|chemical|splash"),
        # (a leg, not a bed's, a table's or a chair's: "stubbed my toe on the bed leg... bit swollen")
        (r"calf|(?<!bed )(?<!table )(?<!chair )(?<!sofa )(?<!couch )(?<!desk )\blegs?\b",
         r"swollen|tender|hot|red|after (?:a |his |her |my )?(?:long )?flight"),
        # A clot after a flight, on the pill, in pregnancy or after an operation: the calf, then the lungs.
        (
            r"flew|flight|long drive|on the pill|pregnan|after (?:my |an |the )?(?:op|operation|surgery)|plaster cast",
            r"calf (?:\w+ ){0,4}(?:swollen|sore|ache|ached|aching|tender|hot|red|painful)|out of breath|breathless|"
            r"(?:hurts|stabs|sharp|pain) when i breathe|coughing (?:up )?blood",
        ),
        (r"bite|bitten|scratch|wound|cut|ulcer", r"red|swollen|spreading|creeping|streak|pus|throbbing|hot"),
        # ...a blister too, once its redness spreads (fresh47: a diabetic's blister "gone red and hot and the redness
        # is creeping up my foot").
        (r"\bblister", r"spreading|spread\b|creeping|streak|tracking|going up|getting bigger|got bigger"),
        # A bite that broke the skin is seen the same day, before infection shows (nidirect, bites).
        (
            r"\b(?:dog|cat|puppy|kitten|animal|fox|bat|ferret|rat|horse|human|person)s?\b(?: \S+){0,8} "
            r"(?<!a )(?<!little )(?:bit|bitten|bites?)\b|"
            r"\b(?:bit|bitten)\b (?:\S+ ){0,3}by (?:a |the |our |my |his |her )?"
            r"(?:\w+ )?(?:dog|cat|puppy|kitten|animal|fox|bat|ferret|rat|horse|kid|child|someone|person)\b",
            r"puncture|\bdeep\b|broke (?:the )?skin|broken (?:the )?skin|bleed|\bholes?\b|gash|teeth (?:went|marks)",
        ),
        # ...a finger-prick reading too (read back on an older row: "pharmacy finger prick said 19", thirsty).
        # (not a pregnancy's weeks or an age: "27 weeks... glucose tolerance test")
        (r"sugar|glucose|\bbm\b|finger ?prick",
         r"\b(?:2\d|3\d|[2-3]\.\d|1\.\d)\b(?! ?(?:weeks?|wks?|w|years?|yrs?|months?|days?)\b)|reading hi|thirsty|"
         r"ketone"),
        (r"can'?t put (?:any )?weight|cannot bear weight|can'?t walk on", r"."),
        (r"barely (?:weeing|peeing)|not (?:weeing|peeing)|dehydrat|dizzy when (?:she|he|i) stand", r"."),
        (  # a water infection reaching the kidney: fever, or pain in the side or back
            r"(?:burning|burns|stings?|stinging|pain) (?:when|while|on) (?:i |she |he )?(?:pee|wee|passing urine|"
            r"pass(?:ing)? water|urinating)|\buti\b|water infection|cystitis",
            r"(?<!no )(?:fever|temp)|\b3[89](?:\.\d)?\b|(?:pain|ache) in (?:my|her|his) (?:side|back|loin)|"
            r"(?:aching|achy|sore|painful) (?:lower )?back|back (?:is )?(?:aching|killing)|shiver|rigors",
        ),
        (
            r"catheter",
            r"blocked|not draining|pain|distended|palpable|"
            r"(?:hasn'?t|hasnt|not|isn'?t|isnt|stopped) (?:\w+ ){0,2}drain",
        ),
        (r"jaw|face|tooth|toothache", r"swell|swollen|can'?t open"),
        (r"testic|scrotum|ball", r"pain|swollen|sudden"),
    ],
}
_FLAGS = {name: re.compile("|".join(f"(?:{p})" for p in patterns)) for name, patterns in RED_FLAGS.items()}
_TOGETHER = {name: [(re.compile(a), re.compile(b)) for a, b in pairs] for name, pairs in TOGETHER.items()}


# A symptom said to be absent ("never fainted", "no wheeze", "no swelling of the lips or breathing trouble",
# "can swallow and breathe fine"): not a red flag. Only signs whose negation means absence: "not breathing", "no
# pulse" and "can't stop vomiting" are untouched. "No rash" and "no bleeding" stay: writers list them beside
# same-day problems (a feverish child, a pregnant UTI), and setting them aside lost six same-day messages.
_SIGN = (
    r"(?:wheez\w*|faint(?:ed|ing)?|pass(?:ed|ing) out|black(?:ed|ing) out|fits|seizures|hives|sweat\w*|"
    r"breathless\w*|short(?:ness)? of breath|(?:breathing|swallowing) (?:trouble|problems?|difficult\w*)|"
    r"(?:trouble|difficulty|problems?) (?:breathing|swallowing)|"
    r"(?:lip|lips|tongue|face|facial|throat) swelling|swelling (?:of|in|to) (?:the |his |her |my )?(?:lips?|face|"
    r"tongue|throat|mouth))"
)
_ABSENT = re.compile(
    rf"\b(?:no|never|not|without|hasn'?t|hasnt|haven'?t|havent|didn'?t|didnt|nor) (?:(?:actually|really|even) )?"
    rf"(?:any |a |been |had (?:a |any )?|ever )?{_SIGN}(?:(?: or| and|,| nor)(?: no| any)? {_SIGN})*\b|"
    # Bleeding denied in a list after pain (fresh46: "tightenings... no pain or bleeding and baby moving loads").
    # ...or listed without a joining word (fresh50: "no pain no bleeding and baby kicking loads").
    rf"\b(?:no|without) (?:any )?(?:pain|cramps?|cramping)(?:(?:,? (?:or|and|nor)|,)(?: no| any)?| no) "
    rf"(?:{_SIGN}|bleeding)(?:(?: or| and|,| nor)(?: no| any)? (?:{_SIGN}|bleeding))*\b|"
    # ...or first, with a pregnancy's other signs (fresh52: "no bleeding or leaking and shes kicking loads").
    r"\b(?:no|without) (?:any )?(?:bleeding|spotting)(?:(?:,? (?:or|and|nor)|,)(?: no| any)?| no) (?:leak\w*|spotting|"
    r"bleeding|discharge|waters?|fluid)\b|"
    # "can swallow and breathe fine", "breathing ok": the airway is said to be clear.
    r"\b(?:breath\w*|swallow\w*|talk\w*)(?: (?:and|&) (?:breath\w*|swallow\w*|talk\w*))? (?:(?:totally|completely|"
    r"perfectly|absolutely) )?(?:fine|ok|okay|normally|well)\b"
)
# Reassurance that names a sign only to say it is normal, set aside before red flags are read like _ABSENT: a
# swelling round a sting or bite only (a local reaction, not an allergic one), spots that fade under a glass (the
# glass test passed), "eating and drinking normally".
_REASSURED = re.compile(
    r"\b(?:(?:swollen|swelling|itchy|itching|red|sore|lump\w*|hot)(?: (?:and|&|,) (?:swollen|swelling|itchy|itching|"
    r"red|sore|hot))* (?:\w+ ){0,2}(?:round|around|at|where|near|on) the (?:sting|bite|site|jab|injection site)|"
    # ...never "doesn't go away when I press the glass" (fresh43), which is the warning sign itself.
    rf"{_NOT_DENIED}"
    r"(?:fade|fades|faded|disappear\w*|go away|goes away|went away) (?:\w+ ){0,2}(?:when|under|with) (?:i |you |we )?"
    r"(?:press|pressed|roll|rolled|push|pushed)?(?: \S+){0,3} (?:a |the )?glass|"
    r"glass test (?:is |was )?(?:negative|fine|ok|okay|normal|clear)|"
    r"(?<!not )(?<!n't )(?<!nt )(?:eating|drinking|feeding)(?: (?:and|&) (?:eating|drinking|feeding))? (?:\w+ )?"
    r"(?:normally|fine|well|ok|okay)|"
    # A baby moving as it should: "28 weeks, baby moving lots, all fine so far".
    r"(?:moving|kicking|wriggling) (?:loads|lots|a lot|plenty|well|normally|fine|as usual|like normal|like mad|away)|"
    r"movements? (?:are |is |have been |has been )?(?:normal|fine|good|strong|regular|as usual)|"
    r"(?:lots|loads|plenty) of (?:\w+ )?(?:movements?|kicks)|"
    # A feared outcome asked about, not a sign: "feel totally fine. am i going to have a heart attack??".
    r"(?:am i|will i|could i|would i|is (?:he|she|it)|will (?:he|she|it|this|that)|could (?:he|she|it|this|that)|"
    r"can (?:this|that|it)) (?:going to |gonna |about to )?(?:have|get|give (?:me|him|her)|cause|lead to) "
    r"(?:me |him |her )?an? (?:heart attack|stroke)|"
    # ...or one to prevent: "a baby aspirin every day to stop me getting a heart attack", "to prevent a stroke".
    r"(?:stop|prevent|avoid|protect|reduce|lower|cut)\w* (?:\w+ ){0,3}(?:getting|having|risk of|chance of|from) "
    r"(?:an? |another )?(?:heart attacks?|strokes?)|(?:prevent|avoid)\w* (?:an? |another |future )?(?:heart attacks?|"
    r"strokes?)|"
    r"(?:will|would|do|does) (?:they|i|you|he|she) (?:\w+ )?(?:have|need) to (?:amputate|cut (?:it|them) off)|"
    # A small cut that has stopped bleeding with pressure (fresh48, fresh49: "cut my finger chopping onions, stopped
    # bleeding after 5 mins pressure and edges are together"): the bleeding is over. Not "won't stop bleeding".
    # ...and is not gaping or deep (those are closed the same day).
    r"(?<!n't )(?<!not )(?<!never )stopped bleeding (?:after|with|within|by|on|in (?:a (?:couple|few)|\d+|one|two|"
    r"three|five|ten))\b"
    r"(?!.*\b(?:gap\w*|deep|wide open|apart|open|fat|fatty|bone|tendon|yellow\w*)\b)|"
    # A risk said to be absent: "no talk of hurting herself, just withdrawn".
    r"(?:no|not any|never any|without (?:any )?)(?: \w+)? (?:talk|mention|sign|signs|hint|thoughts?|history) of "
    r"(?:self[- ]?harm\w*|suicid\w*|(?:hurting|harming|killing) (?:her|him|them|my)sel(?:f|ves)))\b"
)


# A medicine's side effects listed by someone on it for months or years ("on Gleevec for 4 years... the side effects
# (puffy eyes, cramps) are getting me down"): a long-standing effect, not a reaction now. The few words after "side
# effects" are not read as red flags; the rest of the message still is.
_ON_FOR_MONTHS = re.compile(
    r"\b(?:been on|been taking|on|taking|had)\b(?: \S+){0,4} for (?:\d+|a few|few|several|many|two|three|four|five|"
    r"six|ten) (?:months|years|yrs)\b"
)
_SIDE_EFFECTS_NAMED = re.compile(r"\bside[- ]?effects? (?:(?:like|such as|including|are|were|of|is) )?(?:\S+ ){0,3}\S+")
_SPACES = re.compile(r"\s{2,}")  # what is set aside leaves one space, so word-counting patterns still read across it


# Skin gone red, hot and swollen: an infection's signs (cellulitis), not an allergic reaction's swelling, even with an
# antibiotic named in the same message ("his shin has gone red, hot and swollen... what antibiotic?").
_INFLAMED = re.compile(
    r"\b(?:red|hot|warm)(?:,? (?:and )?(?:red|hot|warm|painful|sore|tender))*,? (?:and )?swollen\b|"
    r"\bswollen,? (?:and )?(?:red|hot|warm)(?:,? (?:and )?(?:red|hot|warm|painful|sore|tender))*\b"
)


def _named_flags(text: str) -> tuple[str, ...]:
    """Red-flag categories whose words the text holds: a single pattern, or two cues together."""
    inflamed = _INFLAMED.sub(" ", text)

    def holds(name: str) -> bool:
        read = inflamed if name == "anaphylaxis" else text
        return bool(_FLAGS[name].search(read)) or any(a.search(read) and b.search(read)
                                                      for a, b in _TOGETHER.get(name, []))

    return tuple(name for name in RED_FLAGS if holds(name))


def _flagged(text: str) -> tuple[str, ...]:
    """Red-flag categories of a normalised message, symptoms said to be absent, or named only to say they are
    normal, set aside."""
    if _ON_FOR_MONTHS.search(text):
        text = _SIDE_EFFECTS_NAMED.sub(" ", text)
    return _named_flags(_SPACES.sub(" ", _REASSURED.sub(" ", _ABSENT.sub(" ", text))))


def _ruled_out(text: str) -> bool:
    """Red flags named, every one of them only to say it is absent or normal."""
    return not _flagged(text) and bool(_named_flags(text))


URGENT_CATEGORIES = tuple(RED_FLAGS)
# A plain mention of bleeding, a fit, or shortness of breath is not yet a red flag on its own for a clinician.
_WEAK = {"bleeding", "seizure", "breathing", "other_urgent"}

# Happening now, to someone: the situation cues.
_NOW = re.compile(
    r"\b(?:right now|now|just|currently|at the moment|atm|this (?:morning|evening|afternoon)|tonight|today|"
    r"for (?:the )?(?:last|past) (?:\w+ ){0,2}(?:minutes?|mins?|hours?|hrs?)|since (?:this|an hour|"
    r"lunch|breakfast|dinner|"
    r"\d)|(?:\d+|a few|few|ten|twenty|thirty|an?) (?:minutes?|mins?|hours?|hrs?) ago|keeps?|still|suddenly|"
    r"all of a sudden|out of nowhere|started|starting|getting worse|worse|happening|is having|are having|"
    r"having a|i'?m having|im having|i think i'?m|im|i'm|i am|i feel|i've|ive|i have|i took|i just|"
    r"we think|we found|found (?:him|her|them)|he'?s|she'?s|they'?re|he is|she is|they are|he has|she has|has just|"
    r"won't|wont|can't|cant|isn't|isnt|hasn't|hasnt|help|please|what do i do|what should i do|what do we do|"
    r"should i|should we|do i need|call (?:an )?ambulance|going on|hurts|hurting|"
    r"scared|frightened|panicking|worried)\b"
)
_ACUTE = re.compile(
    r"\b(?:right now|just now|(?<!could i )(?<!can i )(?<!should i )(?<!do i )(?<!would i )"
    r"just(?! in case| (?:so|moved|qualified|treat|give|start|use|wait|watch|monitor|observe|repeat|"
    r"wondering|curious|asking|checking|realised|realized|thought|planning|learning|switch|swap|change|stop|skip|"
    r"leave|ignore|buy|keep)\b)|"
    r"suddenly|all of a sudden|this (?:morning|evening|afternoon)|tonight|"
    r"today|(?:\d+|a few|few|an?) (?:minutes?|mins?|hours?|hrs?) ago|at the moment|currently|still going|won'?t stop|"
    r"(?:\d+|a few|few|ten|five) (?:minutes?|mins?) (?:after|post|since)|"
    # Onset stated as a time in minutes or hours, or a sign called new: "droop since 10 minutes", "new weakness".
    r"(?:since (?:the )?(?:last |past )?|(?:for|over|in) the (?:last|past) )(?:\d+|a few|few|ten|five|twenty|thirty) "
    r"(?:minutes?|mins?|hours?|hrs?)|(?:in|over) the (?:last|past) (?:hour|half hour|half an hour)|"
    r"(?:onset|started|began) (?:\d+|a few|few|an?) ?(?:minutes?|mins?|min|hours?|hrs?|h) ago|\d+ ?(?:min|h) ago|"
    r"new(?:[- ]onset)? (?:\w+ ){0,2}(?:droop\w*|weakness|slurr\w*|confusion|chest pain|numbness|aphasia|"
    r"dysphasia|hemiparesis|facial|arm weakness|leg weakness)|"
    # Signs that mean "act now" however the sentence around them is phrased.
    r"non[- ]?blanching|(?:rash|spots|marks|dots) (?:\w+ ){0,4}(?:doesn'?t|doesnt|won'?t|wont|does not|will not|"
    r"didn'?t|did not|not) (?:fade|go away|disappear|blanch|go white)|glass test|unrecordable|undetectable|"
    r"(?:not|isn'?t|isnt|stopped|stops|has stopped) breathing|(?:turning|turned|gone|going|went) blue|unresponsive|"
    r"not responding|(?:won'?t|wont|can'?t|cant|cannot|not) (?:wake|waking|rouse)|unrousable|hardly breathing|"
    r"barely breathing|lips (?:\w+ )?blue|blue lips|(?:no|can'?t find (?:a|his|her)) pulse|"
    r"(?:doing|started|giving|performing) cpr|just dropped|"
    # A reading falling as the writer watches (fresh50: "BP 78/40 after 1L, lactate 5, GCS dropping 15 to 12").
    r"(?:gcs|sats|spo2|bp|sbp|map|blood pressure|saturations) (?:is |are |now |keeps? )?(?:dropping|falling|"
    r"plummeting|drifting down|going down)|"
    # Woken by it in the night just gone (fresh50: "woke at 3am gasping, sitting bolt upright").
    r"woke (?:up )?(?:at \d{1,2} ?(?:am)?,? )?(?:\w+ ){0,2}(?:gasping|choking|struggling for|fighting for|"
    r"unable to breathe)|"
    # Present progressive about the person: "he's sat holding his chest" is happening, whatever the history.
    r"(?:he'?s|hes|she'?s|shes|they'?re|theyre|i'?m|im|is|are) (?:\w+ )?(?:holding|clutching|gasping|"
    r"sweating|vomiting|bleeding|shaking|fitting|jerking|lying|slumped|grey|gray|clammy|unconscious|"
    r"unresponsive))\b"
)
# A particular patient in front of a clinician: a bed, vital signs, "c/o", "found with".
_CLINICAL_SITUATION = re.compile(
    r"\b(?:pt|patient|resident|lady|man|woman|gentleman|child|baby|boy|girl)\b(?: \w+){0,3} "
    r"(?:in|on) (?:the )?(?:\w+ )?(?:bay|bed|room|ward|recovery|resus|cubicle|ed|a&e|theatre|icu|clinic|unit|"
    r"department|waiting room|surgery)\b|\bc/o\b|\bfound (?:with|in|on)|"
    r"\b(?:bp|blood pressure|pulse|sats|spo2) (?:\w+ )?(?:unrecordable|undetectable|unreadable)\b|"
    r"\b(?:bp|hr|rr|sats|spo2|gcs|temp|resp rate|heart rate|pulse|glucose|ketones|bm|cbg)\b "
    r"(?:is |of |at |now |dropping to |down to )?"
    r"\d|\bpost[- ]?op\b|\bjust (?:gone|become|collapsed|arrested)|\bin (?:status|resus)\b|\bbed \d|\bbay \d|"
    r"\b\d{1,3} ?(?:m|f|yo|y/o|yrs? old|year old|years old)\b|\bmy patient\b|\bthis patient\b|\bward pt\b|"
    r"\b(?:sbp|bp) (?:of |is |now )?(?:[4-8]\d)\b|\b(?:bp|sbp) ?[4-8]\d ?/|\bhr (?:of |is )?1[2-9]\d\b|"
    r"\b(?:hypotensive|peri-?arrest|shocked|deteriorating|crashing)\b|\bpost[- ]?op day \d|\blactate \d|\bmap \d|"
    r"\bnews2? (?:score )?(?:of |is )?\d|\b\d+ ?(?:wk|wks|week|weeks|day|days|month|months|mo) old\b|"
    r"\b(?:video|phone|telephone|virtual|online) (?:consult\w*|call|review|appointment)\b|"
    rf"\b\d{{1,2}} ?(?:mo|mos|mth|mths)\b|{_GESTATION}|\b(?:fhr|ctg)\b|"
    # At the scene, off duty (fresh43): "off duty at a motorway crash, driver trapped".
    r"\b(?:off duty|at the scene|on scene|roadside)\b|"
    # Someone arriving in front of the writer: "house fire pt just walked in".
    r"\b(?:pt|patient|man|woman|lady|gentleman|child|boy|girl|teenager)\b(?: \w+){0,2} (?:just )?(?:walked|came|been "
    r"brought|was brought|wheeled|rolled) in\b"
)
# The writer says the danger is absent or over ("no fever", "not suicidal", "stopped after ten minutes", "just
# curious"). A model input only, never a veto: "she's fine now but can't breathe" is still read by the floors.
_CALM = re.compile(
    r"\b(?:no (?:\w+ ){0,2}(?:fever|temperature|temp|chest pain|bleeding|headaches?|other symptoms|symptoms|"
    r"thoughts (?:of|about)|plans? to|dizziness|fainting)|not suicidal|no (?:thoughts|intention|plans?) of|"
    r"nothing (?:since|else since)|(?:never|not) (?:had one|happened) since|fine since|fine ever since|"
    r"stopped (?:after|by itself|on its own|with|within|bleeding)|happily|"
    r"settled (?:after|by itself|on its own|with|within)|"
    r"came (?:round|around|to) (?:in|within|straight|quickly|after)|"
    r"(?:is|was|feels?|felt|seems?|looks?|been) (?:completely |totally |perfectly |absolutely )?(?:fine|well|ok|okay|"
    r"normal|good)\b(?! (?:until|till|but|then|this|earlier|an hour|a few|at|last night|yesterday|when|"
    r"before|\d))|feeling (?:fine|ok|okay|well|good)|playing (?:happily|normally)|"
    r"just (?:curious|wondering|want(?:ed)? to (?:know|understand|check|be prepared|learn|be informed))|to be prepared|"
    r"no concerns|(?:be|stay|keep) informed|"
    r"well in clinic|(?:gp|doctor|nurse|midwife) (?:saw|checked|was happy|said (?:it was|it'?s) fine)|"
    r"doing (?:great|well|fine|ok|okay)|(?:haemodynamically |hemodynamically |clinically )?stable(?! angina)|"
    r"(?:his|her|their|my) usual self|(?:seizure|fit)[- ]free (?:for )?(?:\d+|a|one|two|three|four|five|several) "
    r"(?:years?|yrs?|months?)|"
    r"normal (?:obs|vitals)|feeding (?:well|normally|fine)|(?:pink|alert) and (?:feeding|alert|playing|smiling)|"
    r"(?:obs|vitals) (?:are |were )?(?:normal|stable|fine))\b"
)
# "...had a stent years ago and now his chest...": a history does not make the present message a past event.
_PRESENT = re.compile(
    r"\bnow (?:he'?s|hes|she'?s|shes|they'?re|theyre|i'?m|im|he|she|his|her|my|their|it'?s|its|the)\b|"
    r"\b(?:asking|ask) (?:\w+ ){0,2}because (?:my|our|his|her|i|we|he|she)\b|\bthe reason i ask\b|"
    r"\basking for (?:me|myself)\b|\b(?:honestly |really |actually )?it'?s (?:for|about) me\b|"
    # Still going, or lasting minutes up to now (fresh55: "pouring for about 40 mins now... its still running").
    r"\bstill (?:running|pouring|gushing|pumping)\b|"
    r"\bfor (?:about |over |nearly |almost |around )?(?:\d+|few|couple of|an?|half an) (?:mins?|minutes|hours?|hrs?) "
    r"now\b"
)
_TARRY = r"(?:black|tarry|maroon) (?:\w+ ){0,2}(?:poo|poos|poop|stools?)"
_NEAR_FAINT = r"(?:(?:nearly|almost|about to) )?(?:faint\w*|pass(?:ed|ing)? out|black(?:ed|ing)? out|collaps\w*)"
_BURN = r"(?:burn\w*|scald\w*|boiling (?:oil|water|fat)|hot (?:oil|fat)|chip pan)"
_SEVERE_ONSET = r"(?:sudden\w*|severe|terrible|agoni\w*|excruciating|really bad|awful|worst|woke (?:\w+ ){0,3}with)"
_TESTIS = r"(?:testic\w*|testes|scrot\w*|(?:his|my|one of (?:his|my)) (?:(?:left|right) )?(?:balls?|nuts?)\b)"
_GTN = r"(?:gtn|nitro\w*|glyceryl trinitrate|angina spray|(?:my|his|her|the) spray)"
# A blood-sugar reading: "BM 2.1" (normalised to "bm 2 1"), "sugar is 1.8", "glucose 35" (mg/dL).
_SUGAR_READING = (
    r"\b(?:bm|blood sugars?|sugars?|glucose|bg|cbg)(?: (?:is|was|of|at|reading|now|down to)){0,2} "
    r"(?:[0-2](?: \d)?|[1-4]\d)\b"
)
_DROWSY = (
    r"(?:drowsy|confus\w*|not making (?:any )?sense|(?:can'?t|cant|won'?t|wont) wake|hard to wake|unresponsive|"
    r"slurr\w*)"
)
# A first seizure just had: a 999 call in the NHS seizure first-aid advice even once it is over and the person
# feels well ("just had a fit at work, never had one before... i feel ok now, can i just go home?", fresh42).
_FIRST_FIT_JUST_HAD = (
    r"(?:just had|having|is having) (?:a |his |her |their )?(?:first )?(?:\w+ )?(?:seizure|fit)(?: \S+){0,8} "
    r"never (?:had|been) (?:one|a seizure|a fit|like this)"
)
# Smoke breathed in, with signs of a burnt airway (soot round the nose or mouth, singed eyebrows or nasal hair, a
# hoarse voice, noisy breathing): A&E, as the NHS Greater Glasgow and Clyde children's hospital burns page and NHS
# triage guidance say; the airway can swell hours later, whatever the person says now (fresh42).
_INHALED_SMOKE = (
    r"(?:fire|smoke|fumes|flames|blaze)\b(?: \S+){0,14} (?:soot|sooty|singed|hoarse|croaky|stridor)\b|"
    r"(?:soot|sooty|singed|hoarse|croaky|stridor)\b(?: \S+){0,14} (?:fire|smoke|fumes|flames|blaze)\b"
)
_FIRST_FIT_NOW = re.compile(_FIRST_FIT_JUST_HAD)
# Signs that mean "act now" in the person described, whatever the sentence around them: they override the model.
_ACT_NOW = re.compile(
    r"\b(?:non[- ]?blanching|(?:not|isn'?t|isnt|stopped|stopping|has stopped) breathing|unresponsive|unrousable|"
    rf"{_CANT} (?:\w+ ){{0,2}}breathe|(?:won'?t|wont|can'?t|cant|cannot) (?:wake|rouse)|"
    r"(?:hard|difficult|impossible|struggling) to (?:wake|rouse)|"
    r"(?:lips|face) (?:\w+ )?(?:gone |going |turning |turned )?blue|blue lips|(?:no|can'?t find (?:a|his|her)) pulse|"
    r"no pulse|(?:doing|started|giving|performing) cpr|\baed on\b|floppy|mottled|dusky|"
    r"(?:fitting|seizing|seizure|convulsing|shaking|jerking)(?: \S+){0,4} (?:[5-9]|\d{2}|five|six|seven|eight|ten|"
    r"fifteen|twenty) ?(?:min|mins|minutes)\b|(?:still|ongoing) (?:fitting|seizing|convulsing)|"
    # ...told loosely (fresh45): "shaking all body, eyes go up, not stop since 6 minute".
    r"(?:fitting|seizing|seizure|convulsing|shaking|jerking)\b(?: \S+){0,8} (?:not stop\w*|won'?t stop|wont stop|"
    r"hasn'?t stopped|hasnt stopped|still going)(?: \S+){0,2} (?:[5-9]|\d{2}|five|six|seven|eight|ten|fifteen|twenty) "
    r"?(?:min|mins|minutes?)\b|"
    # Angina's GTN used twice with the pain still there: treated as a heart attack, 999 (an NHS trust's cardiac
    # rehabilitation advice, tamesidehospital.nhs.uk: two sprays, wait 5 minutes, repeat; if still in pain, 999).
    r"(?:gtn|glyceryl trinitrate|nitro\w*|angina) (?:spray|sprays|tablets?|puffs?)\b(?: \S+){0,3} (?:twice|two times|"
    r"2 times|x ?2|x ?3|three times|3 times)\b(?: \S+){0,3} (?:and )?(?:nothing|no (?:change|help|effect|difference|"
    r"better|relief)|not (?:helped|helping|working|worked|touched)|didn'?t (?:help|work|touch)|hasn'?t (?:helped|"
    r"touched|worked)|still (?:there|hurts?|painful|got it|the same))|"
    # A seizure going on now ("about 4 min so far") in someone who never had one: a first seizure is a 999 call in
    # the NHS seizure first-aid advice (read as copies in session 21).
    r"(?:fitting|seizing|convulsing)\b(?: \S+){0,6} so far\b|"
    r"(?:fitting|seizing|convulsing)\b(?: \S+){0,20} (?:(?:his|her|their|the) )?first (?:ever|one|time|seizure|fit)\b|"
    r"ketones (?:of |is |at |are |were |now )?(?:[3-9]|\d{2})\b|breathing (?:is )?(?:deep and fast|fast and deep)|"
    r"(?:pregnant|\d{2} ?(?:weeks|wks))(?: \S+){0,6} (?:seizure|fit|fitting|seizing|convuls\w*)|"
    r"(?:seizure|fit|fitting|seizing|convuls\w*)(?: \S+){0,6} (?:pregnant|\d{2} ?(?:weeks|wks))|"
    rf"{_FIRST_FIT_JUST_HAD}|{_INHALED_SMOKE}|"
    # A rash that stays under a pressed glass (the glass test: a medical emergency, on Meningitis Now's page read
    # here; NHS advice read only as a copy), and someone trapped in a wreck (fresh43).
    r"(?:rash|spots?|marks?)\b(?: \S+){0,8} (?:doesn'?t|does not|don'?t|won'?t|didn'?t|not) (?:go away|fade|disappear)"
    r"\b(?: \S+){0,6} (?:glass|press\w*)|"
    r"(?:glass|press\w*)\b(?: \S+){0,8} (?:doesn'?t|does not|won'?t|didn'?t|not) (?:go away|fade|disappear)\b|"
    r"(?:driver|passenger|someone|somebody|person|man|woman|child|rider|casualty) (?:is |was |still )?"
    r"(?:trapped|pinned)\b|"
    r"(?:trapped|pinned) (?:in|under|inside) (?:the |his |her |a |their )?(?:car|vehicle|van|wreck\w*|rubble)|"
    # Seizures one after another without coming round between them: a 999 call in the NHS page on what to do if
    # someone has a seizure (read as another site copies it; nhs.uk itself was not read).
    r"(?:seizures?|fits?)\b(?: \S+){0,14} (?:hasn'?t|hasnt|has not|haven'?t|havent|not|didn'?t|did not|without) "
    r"(?:\w+ ){0,2}(?:come round|come to|woken|woke|waking|regain\w*)(?: \w+){0,2} (?:in )?between\b|"
    r"kussmaul|(?:looks?|looking|is|gone|turned|turning) (?:\w+ )?(?:clammy|grey|gray|ashen)|"
    r"(?:stroke|arrest|crash|trauma|sepsis|peri-?arrest) call|code (?:stroke|blue|red)|stroke alert|met call|"
    r"blue(?:-?ish|y)? (?:round|around) (?:the|his|her|their|my) (?:mouth|lips)|"
    r"(?:lips|mouth) (?:\w+ ){0,2}(?:bluish|blue-ish|purple)|"
    # ...also in other Englishes (fresh57: "i no fit talk finish one sentence without stopping").
    r"(?:can'?t|cant|cannot|unable to|can barely|can hardly|no fit|not able to|no able to) (?:\w+ ){0,2}(?:finish|"
    r"complete|say) (?:a |one |my )?(?:full |whole )?sentences?|can (?:barely|hardly) (?:type|speak|talk)|"
    # An oxygen reading under 90, not a target range ("sats 88-92") nor a blood-pressure monitor's figures.
    r"(?:oximeter|(?:finger|oxygen|sats|pulse ?ox\w*) monitor|sats|saturations?|spo2|o2 (?:sats|level|reading))"
    r"(?: \S+){0,3} (?:[5-8]\d)(?: ?%)?(?! ?(?:-|to|–|/) ?\d)(?! (?:years?|kg|mg|min|and|or))\b|"
    r"(?:won'?t|wont|doesn'?t|does not|didn'?t|did not|not) open(?:ing)? (?:her|his|their|my) eyes|"
    r"(?:only|just) (?:with a |by )?(?:groans?|moans?|grunts?)|found (?:\w+ ){0,4}slumped|"
    # Eyes opened only briefly, or only to a shout or a pinch: a lowered consciousness (AVPU "voice" or "pain").
    r"only (?:opens?|opening) (?:her|his|their|my) eyes (?:for a (?:second|moment|sec)|briefly|when (?:i|we|you) "
    r"(?:shout|yell|pinch|shake))|"
    # An opioid with drowsiness: breathing can slow and stop (a child given morphine by mistake, "really sleepy").
    r"(?:oramorph|morphine|methadone|codeine|oxycodone|oxycontin|tramadol|fentanyl|buprenorphine|opioids?|opiates?)"
    r"(?: \S+){0,14} (?:sleepy|drowsy|floppy|hard to wake|(?:won'?t|wont|can'?t|cant) wake|pinpoint)|"
    # A noisy, high breath in (stridor) heard now, or a blood pressure fallen below 90: an airway narrowing or
    # shock (a nurse's "BP dropped from 128/76 to 78/40 and I can hear stridor").
    r"(?:can hear|hear(?:ing)?|audible|new|now has|developed|developing) stridor|"
    r"(?:dropped|dropping|fallen|fell|down|crashed|gone) (?:\S+ ){0,4}to (?:[4-8]\d) ?/ ?\d{2,3}\b|"
    r"(?:inhaler|reliever|puffer|ventolin|salbutamol|blue pump) (?:\w+ ){0,2}(?:isn'?t|isnt|is not|not|doesn'?t|"
    r"does not|hasn'?t|wasn'?t) (?:doing anything|helping|working)|"
    # Someone has already called for help: the emergency is real and happening.
    r"ambulance(?:'s| is)? (?:is )?(?:on (?:its|the|it'?s) way|coming|called|en route)|"
    r"(?:called|rang|phoned) (?:an ambulance|999|911|112|000)|while (?:we|i) wait for (?:the|an) ambulance|"
    r"paramedics? (?:are|is) (?:on (?:the|their) way|coming)|"
    r"blood (?:\w+ ){0,2}(?:pulsing|pumping|spurting|pouring) out|spurting|"
    r"(?:tummy|stomach|belly|abdomen) (?:\S+ ){0,3}rigid|"
    r"(?:sats|saturations?|spo2|oxygen) (?:\w+ ){0,2}(?:dropping|falling|plummeting|crashing)|"
    r"(?:can|could) (?:barely|hardly) (?:stand|stay awake)\b(?! (?:the|it|him|her|this|that|my|them|being|to|up to))|"
    r"(?:trach|tracheostomy|tube) (?:\w+ ){0,2}(?:blocked|fell out|came out|dislodged)|"
    r"(?:\d{2} ?(?:weeks|wks)|pregnant)(?: \S+){0,6} (?:bleeding (?:very |really )?heavily|heavy bleeding)|"
    r"(?:lips?|tongue|throat|face) (?:\w+ ){0,2}swell\w*(?: \S+){0,6} (?:wheez\w*|breath\w*|cough\w*|voice)|"
    # The throat closing with the voice changing: the airway is swelling (anaphylaxis), adrenaline now.
    r"throat (?:\w+ ){0,3}(?:tight\w*|closing|closed|swell\w*)(?: \S+){0,8} (?:voice|hoarse\w*|croaky)|"
    r"(?:voice (?:\w+ ){0,2}(?:hoarse|croaky|going|gone|changing|changed))(?: \S+){0,8} throat (?:\w+ ){0,3}"
    r"(?:tight\w*|closing|closed|swell\w*)|"
    # A leg lying shorter or turned outwards after a fall: a broken hip, for which NHS pages say call 999 and
    # keep still.
    r"(?:leg|foot)\b(?: \S+){0,4} (?:shortened|shorter|turned out\w*|rotated|rolled out\w*|pointing out\w*)|"
    r"shortened (?:and )?(?:externally )?rotated|externally rotated|"
    # Drooling with noisy breathing in (stridor), or unable to swallow or lie down: epiglottitis, 999.
    r"drool\w*(?: \S+){0,10} (?:stridor|high[- ]?pitched|noisy breath\w*|(?:won'?t|wont|can'?t|cant|cannot) lie "
    r"(?:down|flat)|sitting forward|leaning forward)|"
    r"(?:stridor|high[- ]?pitched (?:\w+ ){0,3}(?:noise|sound|breath\w*)|noisy breath\w*)(?: \S+){0,10} drool\w*|"
    r"(?:wheez\w*|breath\w*) (?:\S+ ){0,6}(?:lips?|tongue|throat) (?:\w+ ){0,2}swell\w*|"
    # A lump (a hernia) that will not go back in: NHS hernia advice is to go to A&E (it may be trapped).
    r"(?:lump|bulge|hernia|swelling)\b(?: \S+){0,10} (?:won'?t|wont|will not|doesn'?t|does not|can'?t|cant|cannot|"
    r"not|isn'?t|isnt) (?:\w+ ){0,2}(?:go|going|push|pushing|pop|popping|slip|slipping) (?:\w+ )?back "
    r"(?:in|inside|into)\b|"
    r"(?:drank|drunk|swallowed|ate|eaten|licked) (?:\S+ ){0,5}(?:antifreeze|bleach|button batter\w*|batter(?:y|ies)|"
    r"magnets?|weed ?killer|paraquat|methanol|drain cleaner|oven cleaner|toilet cleaner|caustic|"
    r"cleaning (?:liquid|fluid|product|spray|solution))|"
    # The same told in the present tense, as a second-language writer may: "my grandmother drink bleach by mistake"
    # (the NHS poisoning page, as a GP practice copies it: 999 or A&E if something harmful may have been swallowed).
    r"(?:drink|drinks|swallow|swallows) (?:\S+ ){0,3}(?:antifreeze|bleach|batter(?:y|ies)|weed ?killer|paraquat|"
    r"methanol|drain cleaner|caustic|detergent|cleaner|cleaning (?:liquid|fluid|product|spray|solution))\b"
    r"(?: \S+){0,5} by (?:mistake|accident)|"
    # Black, tarry poo (blood from high in the gut) with fainting: a bleed large enough to drop the blood pressure.
    # Black poo alone is a same-day matter in NHS advice (read as another page quotes it, nhs.uk was not reachable);
    # with a faint or a collapse it is not.
    rf"{_TARRY}(?: \S+){{0,10}} {_NEAR_FAINT}|{_NEAR_FAINT}(?: \S+){{0,10}} {_TARRY}|"
    # A burn that leaves white, leathery or charred skin, or covers a whole limb: A&E whatever its size (NHS burns
    # pages; a burn bigger than the person's hand is a same-day floor below).
    rf"{_BURN}(?: \S+){{0,12}} (?:white|charred|leathery|waxy|blackened)\b|"
    rf"{_BURN}(?: \S+){{0,8}} (?:both (?:legs|arms)|(?:his|her|my|the) whole (?:leg|arm|back|chest|tummy|front)|"
    r"from (?:\w+ ){0,2}(?:thigh|shoulder|hip|waist) (?:\w+ ){0,2}to)|"
    # A chemical in the eye (NHS Greater Glasgow and Clyde's burns page: every chemical burn goes to the emergency
    # department): a cleaner, bleach, cement or acid splashed or sprayed into it.
    r"(?:chemical\w*|bleach|(?:oven|drain|toilet) (?:cleaner|spray|unblocker)|caustic|acid|alkali\w*|ammonia|cement|"
    r"lime ?scale remover|descaler|(?:cleaning|cleaner|cleaned)\b(?: \S+){0,6} (?:spray|foam|liquid|fluid|product|"
    r"stuff))\b(?: \S+){0,10} (?:went |got |splash\w* |spray\w* |squirt\w* )?(?:in|into) (?:my|his|her|their|"
    r"both) eyes?\b|"
    # Sudden, severe pain in a testicle: torsion until shown otherwise; an NHS GP practice's page says A&E or 999
    # straight away (nhs.uk itself was not reachable here).
    rf"{_SEVERE_ONSET}(?: \S+){{0,5}} (?:pain|ache|agony) (?:\w+ ){{0,3}}(?:in|of) (?:\w+ ){{0,2}}{_TESTIS}|"
    rf"{_TESTIS}(?: \S+){{0,4}} (?:sudden\w*|severe|terrible|agoni\w*|excruciating|really (?:bad|painful))|"
    rf"{_TESTIS}(?: \S+){{0,12}} (?:vomit\w*|being sick|been sick|throwing up|threw up)|"
    # A very low (or very high) sugar with drowsiness or confusion: a hypo the person may not be able to swallow
    # for; St John Ambulance's diabetic-emergency page says 999 when a low sugar does not improve, and first-aid
    # pages say give nothing by mouth to someone drowsy (NHS and Diabetes UK pages were not reachable here).
    rf"{_SUGAR_READING}(?: \S+){{0,10}} {_DROWSY}|{_DROWSY}(?: \S+){{0,10}} {_SUGAR_READING}|"
    r"insulin(?: \S+){0,8} (?:sweaty|sweating|clammy)(?: \S+){0,3} (?:and )?(?:drowsy|confus\w*|not making sense)|"
    # Too drowsy to drink or swallow: nothing can be given by mouth (a hypo's sugar, fluids), so 999 (first-aid
    # pages: give nothing by mouth to someone who cannot swallow safely).
    r"too (?:drowsy|sleepy|dozy|confused|out of it|groggy) to (?:drink|swallow|sip|eat|take)\b|"
    # Angina still there after the GTN spray has been used again: NHS angina advice is to call 999 when the pain
    # has not gone 5 minutes after the second dose (the angina red flags above say the same for a named dose).
    rf"{_GTN}(?: \S+){{0,16}} (?:twice|two times|(?:three|four|3|4) times|(?:second|third|2nd|3rd) (?:dose|spray|"
    r"puff|time)|(?:two|three|four|2|3|4) (?:more )?(?:sprays|puffs|doses|squirts))\b(?: \S+){0,16} "
    r"(?:still (?:there|here|going|bad|hurting|got it|has it|not)|(?:getting |it'?s |its )?worse|not (?:gone|going|"
    r"eased|easing|helping|working|shifting)|(?:hasn'?t|hasnt|has not|didn'?t|didnt) (?:gone|eased|helped|worked|"
    r"touched|shifted))|"
    # (fresh55) Breath for a few words only ("can only get 3 or 4 words out before i have to stop for breath"): not
    # able to finish a sentence, as above.
    r"(?:only|barely|just) (?:get|say|manage|speak|talk) (?:a (?:few|couple)|one or two|two or three|\d(?: or \d)?|"
    r"two|three|four) words\b|"
    # The oximeter called a finger clip: "the finger clip my daughter got me says 81".
    r"(?:finger (?:clip|thing|monitor|probe|gadget)|clip (?:thing|monitor))(?: \S+){0,5} (?:says?|said|reads?|"
    r"showing|shows|on|at|is) (?:\w+ )?(?:[5-8]\d)(?: ?%)?(?! ?(?:-|to|–|/) ?\d)(?! (?:years?|kg|mg|min|and|or))|"
    # An opioid (a patch, tablets) taken over the dose with the eyes closing, tiny pupils or slow breathing: breathing
    # can slow and stop ("put 3 of my fentanyl patches on... cant keep my eyes open... pupils are tiny").
    r"(?:oramorph|morphine|methadone|codeine|oxycodone|oxycontin|tramadol|fentanyl|buprenorphine|butrans|heroin|"
    r"opioids?|opiates?)(?: \S+){0,30} (?:(?:can'?t|cant|cannot) keep (?:my|his|her|their) eyes open|"
    r"(?:dropping|nodding|dozing) off|pupils (?:are |look )?(?:\w+ )?(?:tiny|pinpoint|pinned)|"
    r"breathing (?:is |has |seems )?(?:\w+ )?(?:slow|shallow))|"
    r"(?:tiny|pinpoint|pinned) pupils(?: \S+){0,12} (?:breathing|drowsy|sleepy|can'?t wake|won'?t wake)|"
    # Breaths slow with long gaps, or eyes that cannot be got open (fresh55: a drunk student "breathing really slow
    # with big gaps between and we cant get him to open his eyes").
    r"breathing (?:is |has |seems )?(?:\w+ ){0,2}slow\w*(?: \S+){0,4} (?:gaps|pauses|stops)\b|"
    r"(?:big|long|huge) (?:gaps|pauses) between (?:\w+ )?breaths|"
    r"(?:can'?t|cant|cannot|couldn'?t) get (?:him|her|them) to (?:open (?:his|her|their) eyes|wake|respond)|"
    # Bleeding still running after long pressure, through cloth after cloth (fresh55, on warfarin: "pouring for
    # about 40 mins now, gone through 3 tea towels pressing hard and its still running"). NHS first-aid pages send
    # bleeding that will not stop with pressure to A&E or 999 (not re-read this session). (Not sanitary pads: heavy
    # periods are told that way.)
    r"(?:gone|soaked|bled|going|went) (?:right )?through (?:\d+|two|three|four|five|several|a few|a couple of) "
    r"(?:tea ?towels|towels|dressings|bandages|t-?shirts?|cloths|flannels|kitchen rolls?)|"
    r"(?:pouring|gushing|streaming|pumping out)(?: \S+){0,3} (?:for )?(?:about |over |nearly |almost )?(?:(?:\d{2}|"
    r"twenty|thirty|forty) ?(?:min|mins|minutes)|(?:an|half an|\d) (?:hours?|hrs?))\b"
    r")\b"
)
# A coin battery gone missing around a small child (fresh55: a car key fob's "little round coin thing isnt in it,
# he had it on the sofa for ages... hes eating and playing fine"): NHS advice is A&E straight away if a button
# battery may have been swallowed, however well the child seems (not re-read this session), so neither "fine" nor a
# question after it calms it.
_BATTERY_MISSING = re.compile(
    r"\b(?:coin (?:cell|battery|thing)|button (?:cell|battery)|little round (?:\w+ )?(?:thing|battery|disc)|"
    r"round (?:silver|flat) (?:\w+ )?(?:thing|battery)|batter(?:y|ies))\b(?: \S+){0,6} (?:is missing|missing|"
    r"gone missing|(?:isn'?t|isnt|is not|not) in (?:it|there|the \w+)|(?:can'?t|cant|cannot) find)\b|"
    # ...or swallowed, told with the child fine (fresh56: "is it normal for a kid to be totally fine after swallowing
    # one of those little flat round batteries out of the kitchen scales?").
    r"\b(?:swallow\w*|ate|eaten|eating)\b(?: \S+){0,8} (?:batter(?:y|ies)|coin cells?|button cells?)\b|"
    r"\b(?:batter(?:y|ies)|coin cells?|button cells?)\b(?: \S+){0,6} (?:swallowed|in (?:his|her|their) (?:mouth|tummy))"
)
# A womb gone hard and staying hard in pregnancy, with pain or bleeding: the signs of a placental abruption (the
# placenta coming away): NHS maternity pages say to dial 999 for continuous pain that does not come and go in
# waves. Tightenings that come and go, or soften with rest, are the ordinary Braxton Hicks kind and are left to
# the model.
_HARD_WOMB = re.compile(
    r"\b(?:tummy|stomach|belly|bump|uterus|womb|abdo\w*)\b(?: \S+){0,4} (?:rock hard|woody|wood(?:en)? hard|"
    r"hard (?:like|as) (?:a )?(?:board|rock|wood|stone)|board[- ]?like|rigid)\b"
)
_PREGNANCY_NOW = re.compile(rf"\bpregnan\w*|\b\d{{2}} ?(?:weeks|wks)\b|{_GESTATION}|\bbump\b|antenatal")
_WITH_IT = re.compile(r"\b(?:pain\w*|agon\w*|hurts?|bleed\w*|blood|pv (?:loss|bleed)|constant|sore)\b")
_EASES = re.compile(r"\b(?:come and go|comes and goes|on and off|irregular|(?:go|goes|went) (?:away|soft)|soften\w*|"
                    r"relax\w*|braxton hicks? (?:on and off|again))\b")


def _abruption_signs(text: str) -> bool:
    """A hard womb in pregnancy with pain or bleeding, not easing: an act-now sign like those in _ACT_NOW."""
    return bool(_HARD_WOMB.search(text) and _PREGNANCY_NOW.search(text) and _WITH_IT.search(text)
                and not _EASES.search(text))


# Cauda equina warning signs with back pain, in lay words: numbness round the bottom or genitals, or not feeling or
# controlling the bladder or bowels. A&E straight away (the bundled low-back-pain article's own safety line; NHS
# trusts' cauda equina leaflets, e.g. royalfree.nhs.uk, say the same).
_BACK = re.compile(r"\b(?:back|sciatica|spine|spinal|disc|lumbago)\b")
_SADDLE = re.compile(
    r"\b(?:numb\w*|no feeling|lost (?:the )?feeling|can'?t feel (?:anything|much)?|pins and needles|tingl\w*) "
    r"(?:\S+ ){0,4}(?:bum|bottom|buttocks?|back passage|anus|genitals?|privates|private parts|down below|"
    r"inner thighs?)\b|"
    r"\b(?:bum|bottom|buttocks|back passage|genitals|privates|private parts|down below) (?:\w+ ){0,2}numb\b|"
    r"\b(?:can'?t|cannot|cant|unable to|not able to|doesn'?t|does not) (?:\w+ ){0,2}(?:feel|tell|control|know) "
    r"(?:\w+ ){0,4}(?:wee|wees|pee|peeing|urine|bladder|poo|bowels?)\b|"
    r"\b(?:wet|wetting) (?:my|him|her)self\b(?! (?:laughing|coughing|sneezing))|"
    # Unable to pass urine, or hard to start: "struggling to start peeing" (the NHS sciatica text, as Healthify NZ
    # and pages quoting nhs.uk give it: A&E for sciatica with trouble starting to pee or not able to pee).
    r"\b(?:can'?t|cannot|unable to|struggling to|struggle to|hard to|trouble|difficulty|not able to) "
    r"(?:\w+ ){0,2}(?:start )?(?:peeing|pee|wee|weeing|urinating|urinate|pass(?:ing)? urine)\b"
)


def _cauda_equina_signs(text: str) -> bool:
    """Back pain with numbness round the bottom, or the bladder or bowels no longer felt: an act-now sign."""
    return bool(_BACK.search(text) and _SADDLE.search(text))


# The person is real, even if the message mentions an exam ("it's my dad", "for real", "what I've got").
_REAL = re.compile(
    r"\b(?:for real|not (?:an? )?(?:exam|vignette|question|hypothetical)|it'?s (?:my|me)\b|(?:describes|sounds like) "
    r"(?:exactly )?(?:what i|me|my)|my (?:throat|chest|lips|tongue|face|head|heart|arm|leg|belly|tummy|stomach|"
    r"breathing)\b|(?:my|our) (?:\w+ ){0,2}(?:housemate|flatmate|friend|dad|mum|mom|mother|father|son|daughter|"
    r"partner|wife|husband|brother|sister|baby|roommate|room mate)(?:'s)? (?:\S+ ){0,3}(?:just|is|has|started|came)|"
    r"(?:\d+|few|ten|five|twenty) (?:mins?|minutes) (?:ago|so far)|in front of me|next to me|beside me|with me now|"
    r"right now|just now|please help|help me(?! (?:to )?(?:explain|understand|write|revise|learn|structure))|"
    r"call (?:an )?ambulance|i can (?:barely|hardly) (?:stand|walk|breathe|talk|move|stay awake|see))"
)
# Asthma getting worse now: the reliever needed every few hours or at night needs care today.
_SAME_DAY = re.compile(
    rf"(?:{_RELIEVER})(?: \S+){{0,12}} (?:every (?:\d+(?: ?(?:-|to|or) ?\d+)? "
    r"(?:hours?|hrs?)|hour|couple of hours|few hours)|(?:[5-9]|\d{2}|five|six|seven|eight|ten|many|several) times "
    r"(?:a|per|each) day)|"
    r"(?:every (?:\d+(?: ?(?:-|to|or) ?\d+)? (?:hours?|hrs?)|couple of hours|few hours))(?: \S+){0,8} "
    rf"(?:{_RELIEVER})|"
    # ...its relief wearing off within hours, or "it" needed every few hours further on in an asthma message (fresh57:
    # "6 puffs of my blue inhaler which helped a bit but it keeps coming back within a couple of hours"; "asthma has
    # been rubbish all week... been needing it every 3 hrs today").
    rf"(?:{_RELIEVER})(?: \S+){{0,12}} (?:wears? off|wore off|keeps? coming back|comes? back|came back) (?:\S+ ){{0,2}}"
    r"(?:within|after|in) (?:a |an )?(?:couple of |few |\d+ )?(?:hours?|hrs?)\b|"
    r"\basthma\w*\b(?: \S+){0,60} (?:needing|needed|using|used|taking|need) (?:it|them) every "
    r"(?:\d+(?: ?(?:-|to|or) ?\d+)? (?:hours?|hrs?)|hour|couple of hours|few hours)"
)
# Same-day care for lay readers whatever the model says: the baby moving less in pregnancy (the maternity unit
# wants a call now, not at the next appointment), or something stuck in a child's nose or ear.
_WOUND = r"(?:stitches|stiches|sutures|staples|wound|incision|(?:c[- ]?section|op|operation|surgery) (?:scar|site|cut))"
_WOUND_SIGN = (
    r"(?:opened|open(?:ing|s)? up|come apart|coming apart|split open|gaping|pus|smells?|smelly|stinks?|stinky|"
    r"(?:hot|red) and (?:red|hot|swollen)|red streaks?)"
)
_BURN_SITE = r"(?:hand|palm|fingers|face|foot|feet|genitals)"
# What burns or scalds: "the oven tray", "a kettle", "boiling water".
_HEAT = r"(?:oven|tray|pan|kettle|iron|stove|hob|boiling|steam|hot (?:water|oil|fat|metal|plate)|grill|barbecue|bbq)"
# On an arm or a leg too (NHS Greater Glasgow and Clyde and NHS 111 Wales burns pages: A&E for burns on the face,
# hands, arms, feet, legs or genitals that blister; skin peeling off is a blister broken; on the chest or back too,
# where a child's scald is larger than a hand sooner than it looks). Not a same-day floor: a floor caps the model's
# emergency reading when no red flag is named, and a blistered chest and arm is an emergency. It only lifts a calm
# reading.
_BURNED_LIMB = (
    rf"\b(?:burn\w*|scald\w*|{_HEAT})\b(?: \S+){{0,10}} (?:arm|forearm|wrist|leg|shin|thigh|calf|knee|ankle|chest|"
    r"tummy|belly|back|neck)s?\b"
)
_BLISTERED = r"(?:blister\w*|skin (?:is |was )?(?:peeling|coming|came|hanging|falling) off)"
_BLISTERED_LIMB = re.compile(rf"{_BURNED_LIMB}(?: \S+){{0,10}} {_BLISTERED}")
# ...the burn told in an earlier message, the blisters in this one (fresh54: hot oil on the forearm, cooled for 20
# minutes, then "it's come up in blisters now, the whole patch bigger than my hand").
_BURNED_LIMB_TOLD = re.compile(_BURNED_LIMB)
_BLISTERED_NOW = re.compile(rf"\b{_BLISTERED}")
# Green vomit with a swollen belly or no wind passed: a possible blocked bowel, to be seen today (the NHS vomiting
# page, as another site copies it, says green vomit may mean a blockage and sends it to a doctor). It lifts a calm
# reading, for a lay writer or one telling of themselves; a clinician's case question about obstruction stays calm.
_BLOCKED_BOWEL = re.compile(
    r"(?=.*\b(?:(?:vomit\w*|being sick|throwing up|sick)\b(?: \S+){0,3} (?:green|bile|bilious)|green (?:vomit|sick)))"
    r"(?=.*\b(?:(?:swollen|bloated|distended|massive|huge|hard) (?:\w+ )?(?:belly|tummy|stomach|abdomen)|"
    r"(?:belly|tummy|stomach|abdomen) (?:\w+ ){0,2}(?:swollen|bloated|distended|hard)|(?:haven'?t|havent|hasn'?t|"
    r"hasnt|not|can'?t|cant) (?:\w+ ){0,2}(?:passed wind|pass wind|farted|fart|pooed|had a poo|done a poo)))"
)
_SINCE_RECENTLY = re.compile(
    r"\b(?:since (?:yesterday|last night)|today|tonight|right now|this morning)\b"
)
_THINNER = (
    r"apixaban|rivaroxaban|edoxaban|dabigatran|warfarin|eliquis|xarelto|blood ?thinners?|anticoagulants?|"
    r"anti-coagulants?"
)
_BLOODY_URINE = (
    r"blood (?:\w+ ){0,2}in (?:my |his |her |their |the )?(?:pee|wee|urine)|"
    r"(?:pee|wee|urine) (?:\w+ ){0,4}(?:pink|red|bloody|brown|with blood|blood in it)"
)
_MORE_MUDDLED = (
    r"(?:(?:more|increasingly|much more|a lot more|even more|really|very) "
    r"(?:confused|muddled|disorientated|disoriented) "
    r"(?:than (?:usual|normal|she (?:usually )?is|he (?:usually )?is)|all of a sudden))"
)
_DAYS_OF_IT = (
    r"(?:(?:for|over) (?:the (?:last|past) )?(?:a day|a couple of days|a few days|couple of days|few days|\d days?|"
    r"(?:one|two|three|four|five) days?)\b|since (?:yesterday|the weekend|last night|this morning|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b)"
)
# Hives or a rash that came out during a course of an antibiotic: an allergy to be assessed the same day (the NHS
# antibiotics page, as a GP practice page copies it, lists hives as a reaction and sends a spreading or blistering
# rash to 999; nhs.uk itself was not read here); or during any medicine still being taken, named or not ("day 2 of
# it... should I keep taking it?"): NICE's public information on drug allergy (CG183, read here) says to see a
# healthcare professional when you think a drug is causing an allergic reaction. Not long ago ("as a child") nor
# asked as a hypothetical ("what if you come out in hives..."). A floor: the model may lift it with a red flag.
_DRUG_RASH_NOW = re.compile(
    r"\b(?:(?:come|came|coming|broke|broken|breaking) out in (?:\w+ ){0,2}"
    r"(?:hives|a rash|an itchy rash|welts|blotches)|"
    # ...with more than one word for it (fresh44): "come out in a blotchy itchy rash".
    r"(?:come|came|coming|broke|broken|breaking) out in (?:a |an )?(?:\w+ ){1,3}(?:rash|hives|welts|blotches)|"
    # ...or covered in one (fresh46): "started co-trimoxazole 3 days ago... now im covered in an itchy red rash".
    r"covered in (?:a |an )?(?:\w+ ){0,3}(?:rash|hives|welts|blotches)|"
    # ...or got or has one now (fresh39): "now ive got an itchy blotchy rash all over", "now has a raised red rash".
    r"(?:now|just) (?:i'?ve |ive |i |he'?s |she'?s |hes |shes |he |she )?(?:got|has|have|developed) "
    r"(?:an? |this )?(?:\w+ ){0,3}(?:rash|hives|welts|blotches|spots (?:all )?over)\b|"
    # ...or woken up with (fresh49: "woke up this morning with an itchy red blotchy rash all over my body").
    r"(?:woke|waking|woken) up (?:\w+ ){0,3}with (?:a |an )?(?:\w+ ){0,4}(?:rash|hives|welts|blotches)\b|"
    # ...or told as started today: "widespread itchy rash this morning".
    r"(?:rash|hives|welts|blotches) (?:\w+ )?(?:this morning|today|tonight|"
    r"since (?:this morning|yesterday|last night))\b)"
)
# The medicine, before or after the rash in the message.
_DRUG_CONTEXT = re.compile(
    r"\b(?:amoxicillin|penicillin|antibiotic\w*|co-amoxiclav|augmentin|flucloxacillin|cefalexin|clarithromycin|"
    r"erythromycin|doxycycline|trimethoprim|nitrofurantoin|co-trimoxazole|septrin)\b|"
    r"\b(?:keep|carry on|still|continue|stop|been) (?:taking|on)\b|\bday (?:\d|one|two|three|four|five)\w* of\b|"
    r"\b(?:new|started|starting) (?:\w+ )?(?:tablets?|pills?|medicines?|medication|meds|capsules?)\b"
)


# Nicotine liquid (a vape refill) licked, drunk or swallowed (fresh39): poisons advice or 111 now, and 999 with any
# symptom (the NHS poisoning advice, as a GP practice page copies it).
_NICOTINE_TAKEN = re.compile(
    r"\b(?:licked|drank|drunk|swallowed|sucked|chewed|ate|got into) (?:\w+ ){0,6}(?:vape|e-?liquid|e-?cig\w*|"
    r"nicotine (?:liquid|refill|pouch\w*|gum))"
)
_UNWELL_AFTER = re.compile(
    r"\b(?:vomit\w*|being sick|been sick|throwing up|pale|sweat\w*|drowsy|sleepy|floppy|fitting|seiz\w*|"
    r"breath\w*|dizzy|shaking|twitch\w*)\b"
)


# Swelling of a lip, the face or the tongue on an ACE inhibitor (angioedema, fresh41): "woke up with my top lip
# swollen... only thing new is ramipril". Medsafe's Prescriber Update (June 2023, read here) calls ACE-inhibitor
# angioedema of the face, lips or tongue potentially fatal and possible at any time in treatment; the MHRA's safety
# update (read here as a pharmacy journal's report of it) asks for urgent medical attention. A floor: with the throat
# or breathing involved the model and the anaphylaxis rules make it an emergency.
_ACE_SWELLING = re.compile(
    r"\b(?:lips?|face|tongue|mouth|cheek|eyelids?)\b(?: \S+){0,4} (?:swollen|swelling|swelled|puffed|puffy|"
    r"blown up)\b|\b(?:swollen|swelling|puffy) (?:\w+ ){0,2}(?:lips?|face|tongue|mouth|cheek)\b"
)
_ACE_INHIBITOR = re.compile(r"\b(?:ramipril|lisinopril|perindopril|enalapril|captopril|ace inhibitor\w*)\b")


def _ace_swelling_now(text: str) -> bool:
    # Not _LONG_AGO: "started ramipril last month" dates the medicine, not the swelling.
    return bool(_ACE_SWELLING.search(text) and _ACE_INHIBITOR.search(text)) and not (
        _HYPOTHETICAL.search(text) or re.search(
            r"\b(?:years ago|in the past|used to|once had|can (?:\w+ ){0,2}cause|leaflet|side effects? list)\b", text))


def _drug_rash_now(text: str) -> bool:
    """Hives or a rash out now during a medicine (see _DRUG_RASH_NOW), not long ago nor asked about in theory."""
    return bool(_DRUG_RASH_NOW.search(text) and _DRUG_CONTEXT.search(text)) and not _LONG_AGO.search(text) \
        and not _HYPOTHETICAL.search(text) \
        and not re.search(r"\b(?:what does it mean|why do (?:some )?(?:people|you)|if you)\b", text) \
        and not re.search(r"\b(?:chicken ?pox|measles|a virus|viral|sunburn|heat rash|in the sun)\b", text)


# An adult tooth knocked out: put back or kept in milk and seen by a dentist straight away (NHS advice, as a copy of
# the NHS website reads; nhs.uk itself was not read here). A needlestick from a used needle: assessed for
# post-exposure treatment at once (the Royal College of Emergency Medicine's learning module and an NHS referral
# pathway, read here: the emergency department when occupational health is closed; PEP is best started within hours
# and no later than 72). Both only when told as just happened ("30 mins ago", "this morning"), so that a protocol,
# a baby tooth or last year's needlestick stay calm.
_KNOCKED_OR_STUCK = re.compile(
    r"\b(?:knocked (?:\w+ ){0,3}(?:front |adult |permanent )?(?:tooth|teeth) (?:clean |right |straight )?out|"
    r"(?<!baby )(?<!milk )(?:tooth|teeth) (?:\w+ ){0,2}knocked (?:clean |right |straight )?out|"
    r"needle ?stick|sharps? injury|(?:stabbed|pricked|jabbed|stuck) (?:myself|me|my (?:finger|hand|thumb)) "
    r"(?:\w+ ){0,2}(?:with )?(?:a |the )?(?:used |dirty )?needle)\b"
)
_JUST_HAPPENED = re.compile(
    r"\b(?:just|(?:an?|\d+|one|two|few|couple of) (?:mins?|minutes?|hours?|hrs?) ago|today|this (?:morning|afternoon|"
    r"evening)|tonight|earlier|last night|on (?:my )?shift)\b"
)


def _knocked_or_stuck_now(text: str) -> bool:
    """A tooth knocked out or a needlestick, just now (see _KNOCKED_OR_STUCK)."""
    if not (_KNOCKED_OR_STUCK.search(text) and _JUST_HAPPENED.search(text)):
        return False
    return not (_LONG_AGO.search(text) or _HYPOTHETICAL.search(text) or re.search(r"\bbaby (?:tooth|teeth)\b", text))


_HEART_FAILURE = r"heart failure|hf|hfref|hfpef"
# Two kilograms or more put on in three days or fewer.
_FLUID_GAIN = (
    # Not the threshold a nurse gave (fresh55: "she said ring if I put on 2kg in 3 days").
    r"(?<!if )(?<!if i )(?<!if you )(?<!if he )(?<!if she )(?<!if we )(?<!if they )"
    r"(?:(?:put on|gained|gone up|up by|increased? by|weight (?:\w+ ){0,2}up)(?: \S+){0,3} (?:[2-9]|\d{2})(?:[. ]\d)? ?"
    r"(?:kg|kilos?|kgs)\b(?: \S+){0,3} (?:in|over|within) (?:the (?:last|past) )?(?:1|2|3|one|two|three|a couple of|"
    r"a few|few) days?\b|"
    # ...or counted from a day of the week (fresh54: "weighed myself this morning and I'm 2.6kg up on Monday").
    r"\b(?:[2-9]|\d{2})(?: \d)? ?(?:kg|kilos?|kgs) (?:up|heavier|more) (?:on|since|than(?: on)?) (?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|the weekend|yesterday|(?:2|3|two|three) days ago)\b)"
)
# Burning or pain on passing urine, told rather than asked about ahead.
_BURNING_URINE = (r"\b(?:(?:burn\w*|sting\w*|pain\w*|hurts?) (?:\w+ ){0,2}(?:when|on|while|after) (?:i |he |she )?"
                  r"(?:pass\w* (?:urine|water)|pee\w*|wee\w*|urinat\w*)|(?:burning|stinging|painful) (?:wee|pee|"
                  r"urine|water)s?\b)")
_TOLD_NOT_ASKED = r"^(?!.*\b(?:in case|what if|what happens if|how do you|signs of|symptoms of)\b)"
_SAME_DAY_SIGNS = re.compile(
    # Waters gone in pregnancy, told with the pregnancy or the midwife in the same chat (fresh56: "37+2 with my
    # first" then "just had a proper gush... clear and no smell, still trickling... can it wait till my midwife appt
    # thursday"): NHS trusts' maternity pages (Countess of Chester, Kingston, Shropshire and Telford's Healthier
    # Together, read here) say to call the labour suite or maternity unit when the waters break.
    # Green or brown water, bleeding or a cord are the emergency rules'.
    r"^(?!.*\b(?:in case|what if|how do you|how would you|how will i know|(?:would|should|do) (?:we|i|you) do if|"
    r"(?:we|i|you) (?:would|should) do if)\b)"
    # (Not once the maternity unit knows: "rang triage... they said come in at 6".)
    r"(?!.*\b(?:rang|called|phoned|spoke to|told) (?:\w+ ){0,2}(?:triage|maternity|midwife|labour ward|delivery suite|"
    r"hospital)\b)"
    r"(?=.*\b(?:pregnan\w*|(?:2[4-9]|3\d|4[0-2]) ?(?:weeks|wks)|(?:2[4-9]|3\d|4[0-2]) ?\+ ?\d|midwife|maternity)\b)"
    r".*\b(?:(?:proper |big |sudden )?gush\w*|waters (?:\w+ ){0,2}(?:broke|broken|gone|went|leaking)|leaking "
    r"(?:clear )?fluid|soaked (?:my |through my )?(?:leggings|pants|knickers|trousers|jeans))\b|"
    # A child's fever lasting five days or more (fresh56, told across messages: "my son's temp is 39.5, he's 3" then
    # "this is day 5 of the temperature now"): NICE NG143's safety-netting advice (as a summary of it read here) is to
    # seek help when a fever lasts 5 days or longer.
    r"(?=.*\b(?:son|daughter|baby|toddler|child|kid|little one|boy|girl|he'?s [1-9]|she'?s [1-9]|[1-9] ?(?:yo|year old|"
    r"months? old))\b)(?!.*\b(?:in case|what if)\b).*(?:\b(?:temp\w*|fever\w*|high temperature)\b(?: \S+){0,6} "
    r"(?:for|over) (?:[5-9]|five|six|seven|a week) ?days?\b|\bday (?:[5-9]|five|six|seven) of (?:the |a |his |her )?"
    r"(?:temp\w*|fever\w*)\b|\b(?:[5-9]|five|six|seven) days? of (?:the |a |his |her )?(?:temp\w*|fever\w*)\b)|"
    # A nosebleed on a blood thinner that keeps coming back or will not stop (fresh49: "on warfarin, nosebleed started
    # again 3rd time today"): seen the same day. The NHS nosebleed page, as a GP practice's copy of it reads (nhs.uk
    # itself was not read here), sends regular nosebleeds and nosebleeds on a blood thinner to a GP, and one lasting
    # longer than 10 to 15 minutes to A&E; same day is this rule's reading of the two together.
    r"^(?!.*\b(?:in case|what if|how do you|how would you)\b)"  # asked ahead, not told
    r"(?=.*(?<!\bno )(?<!\bnot on )(?<!\bnot on any )(?<!\bwithout )(?<!\bnot taking any )\b(?:apixaban|rivaroxaban|"
    r"edoxaban|dabigatran|warfarin|eliquis|"
    r"xarelto|blood ?thinners?|anticoagulants?)\b)"
    r"(?=.*\b(?:again|keeps? (?:coming|starting)|(?:2nd|3rd|4th|5th|second|third|fourth|fifth) (?:time|one)|"
    r"won'?t stop|wont stop|not stopping|still bleeding)\b)"
    r".*\b(?:nose ?bleeds?|nose (?:has |keeps |is )?(?:bled|bleeding|bleeds))\b|"
    # Burning on passing urine with a fever, shivers or pain in the back or side under the ribs (fresh54, in a second
    # language: "since 3 day burning when i pass urine, from yesterday pain in my right back side under ribs and fever
    # 38.6"): a kidney infection, seen the same day (the nhs.uk kidney infection page: an urgent GP appointment or 111
    # for a very high temperature or feeling hot and shivery, or pain in the back just under the ribs).
    rf"{_TOLD_NOT_ASKED}(?=.*{_BURNING_URINE}).*(?<!\bno )(?<!\bwithout )(?<!\bnot )"
    r"\b(?:fever|temp\w* (?:of |is |was )?(?:3[89]|40)|shiver\w*|rigors?|"
    r"cold then hot|hot (?:and|then) cold|(?:back|side|flank|loin)\b(?: \S+){0,4} (?:pain|ache|hurts?|sore)|"
    r"pain\w* (?:\w+ ){0,4}(?:back|side|flank|loin)s?)\b|"
    # ...and in pregnancy, the burning alone (NICE NG109: a pregnant woman with a lower urinary tract infection has a
    # urine culture sent and an antibiotic started at once).
    rf"{_TOLD_NOT_ASKED}(?=.*\b(?:pregnan\w*|(?:[4-9]|[1-3]\d|4[0-2]) ?(?:weeks|wks)\b)).*{_BURNING_URINE}|"
    # Warfarin taken twice over today (fresh54: "took my warfarin at 6 like usual then forgot and took it again at 9 -
    # so 10mg instead of 5"): NHS anticoagulant clinics' patient pages (Royal Bournemouth and Christchurch) ask anyone
    # whose mistaken dose greatly exceeded the usual one to contact the clinic. Not history, not a what-if.
    # (A reading "last week" beside a dose taken today is not history: fresh56 "warfarin twice today... inr was 2.6
    # last week".)
    r"^(?!.*\b(?:in case|what if|what happens if|how do you)\b)"
    r"(?!(?!.*\b(?:today|tonight|this (?:morning|evening|afternoon)|an? hour ago|hours? ago)\b)"
    r".*\b(?:last (?:week|month|year)|(?:weeks|months|years) ago)\b)"
    r"(?=.*\bwarfarin\b).*\b(?:took|taken|had|gave|given|swallowed)\b(?: \S+){0,8} (?:twice(?! (?:a|per|each|every) "
    r"(?:day|week)| daily)|again|double|an extra|(?:2|two) doses)\b|"
    # Signs of too much lithium (fresh53: "started lithium 3 weeks ago, hands really shaky, diarrhoea, wobbly on my
    # feet"): coarse tremor with diarrhoea or sickness, unsteadiness, slurred speech or blurred vision. NHS
    # Greater Glasgow and Clyde's lithium toxicity guidance treats these as urgent (a level at once); the NPSA
    # patient booklet and Healthify NZ tell patients to get urgent medical advice. Seen the same day.
    # Confusion, drowsiness or a fit, or an overdose, are left to the emergency rules and the model.
    r"^(?!.*\b(?:signs?|symptoms?|in case|what if|what happens|how do you|how would you|double|too (?:much|many)|"
    r"overdos\w*|extra)\b)(?!.*(?<!\bno )(?<!\bnot )\b(?:confus\w*|drows\w*|fits?|seizures?)\b)(?=.*\blithium\b)"
    r".*(?<!\bno )(?<!\bor )\b(?:diarrh\w*|vomit\w*|being sick|unsteady|wobbly|off balance|slurr\w*|blurr\w*|"
    r"loose (?:stools?|poos?|bowels)|the runs)|"
    # Weekly methotrexate taken every day (fresh51: "dads been taking his methotrexate every day this week not once a
    # week"): daily dosing of the weekly medicine has killed people (the NPSA's alert, as a teaching page quotes it;
    # Healthify NZ: seek advice straight away at the signs of too much), so it is seen the same day, well or not.
    r"\b(?:taking|taken|took|been having|had|giving|given|gave) (?:\S+ ){0,3}methotrexate (?:\S+ ){0,2}(?:every day|"
    r"daily|each day|every morning|every night|every evening)\b|"
    # An antiseizure medicine run out: stopping one suddenly risks seizures and status epilepticus (the medicines'
    # own leaflets, as epilepsy charities' pages give them; no issuing body's page was read): an emergency supply
    # is needed the same day (fresh49: "ran out of my lamotrigine 3 days ago... pharmacy cant get it till next week").
    r"\b(?:ran|run|running|gone|went) out of (?:my |his |her |their )?(?:lamotrigine|lamictal|levetiracetam|keppra|"
    r"valproate|epilim|depakote|carbamazepine|tegretol|phenytoin|epanutin|lacosamide|vimpat|topiramate|zonisamide|"
    r"brivaracetam|perampanel|clobazam|epilepsy (?:tablets|meds|medication|medicine|pills))\b|"
    # A cloudy bag drained on peritoneal dialysis: the first sign of peritonitis; the renal unit wants a call as soon
    # as it is seen and to see the person in hospital as soon as possible (Cambridge University Hospitals NHS Trust's
    # patient page on PD peritonitis, read here) (fresh48: "my bag was cloudy this morning... ring the unit or wait
    # for clinic thursday").
    r"\b(?:(?:peritoneal dialysis|dialysis|pd|capd|apd)\b(?: \S+){0,12} cloudy|cloudy (?:pd |dialysis |drain\w* )?"
    r"(?:bag|effluent|dialysate|drain\w*)\b(?: \S+){0,12} (?:dialysis|pd|capd|apd)\b)|"
    # Heart failure with 2 kg or more put on in three days or fewer: fluid building up; the European Society of
    # Cardiology's patient site (heartfailurematters.org) and the British Heart Foundation say to tell the doctor or
    # nurse straight away (fresh43: "put on 2kg in 3 days... ring the HF nurse or wait for clinic?").
    rf"\b(?:{_HEART_FAILURE})\b(?: \S+){{0,60}} {_FLUID_GAIN}|{_FLUID_GAIN}(?: \S+){{0,60}} (?:{_HEART_FAILURE})\b|"
    # A cut that gapes or shows fat: very deep, to be closed the same day (NHS cuts-and-grazes advice as GP practice
    # pages quote it: seek advice for a very large or very deep wound; nhs.uk itself was not read here).
    r"\b(?:(?:cut|gash|wound|laceration|split|sliced|slashed)\b(?: \S+){0,10} (?:gaping|gapes|edges (?:\w+ )?"
    r"(?:gaping|apart|open)|"
    r"wide open|(?:can|could) see (?:\w+ ){0,3}(?:fat|fatty|white|bone|tendon|inside))|gaping (?:cut|gash|wound)|"
    r"edges (?:are |were )?(?:gaping|apart)|"
    # A red line running up from a scratch, bite or cut: infection spreading along the lymph channels (lymphangitis),
    # seen today. No issuing body's page was read for it; first-aid and clinical references call for prompt review.
    r"(?:scratch\w*|bite|bitten|cut|wound|graze|splinter)\b(?: \S+){0,12} red (?:line|streak)s?\b"
    r"(?: \S+){0,3} (?:up|along|towards|going|spreading|running|tracking)|"
    r"(?:baby|babys|baby's|bump|fetal|foetal) (?:\w+ ){0,2}movements? (?:\w+ ){0,3}(?:weaker|less|fewer|quieter|"
    r"slower|reduced|stopped|different)|(?:moving|kicking) (?:\w+ ){0,2}(?:less|much less|a lot less)|"
    # Not "haven't felt a kick yet" at 20 weeks: first movements not yet felt (most are felt by 16 to 24 weeks).
    r"(?:hasn'?t|hasnt|haven'?t|havent|not) (?:felt|feel) (?:\w+ ){0,2}(?:move|kick)\w*\b"
    r"(?! yet\b(?! (?:today|this|since|tonight)))|"
    r"(?:baby|bump)\b (?:\w+ ){0,2}(?:hasn'?t|hasnt|has not|not) (?:\w+ )?(?:moved|kicked)\b|"
    # ...or not moving as much as usual (fresh47: "baby hasnt been moving as much as normal today").
    r"(?:baby|bump|she|he|she'?s|he'?s|little one)\b (?:\w+ ){0,2}(?:hasn'?t|hasnt|has not|isn'?t|isnt|not) (?:been )?"
    r"(?:moving|kicking) (?:as much|as often|as normal|like (?:usual|normal))\b|"
    rf"{_HEAD_BUMP}(?: \S+){{0,12}} "
    r"(?:vomit\w*|sick|drowsy|sleepy|confus\w*|thrown up|threw up|throwing up|puk\w+)|"
    r"(?:up|in|into|inside) (?:his|her|their|my|the) (?:nose|nostril|ear)\b(?: \S+){0,8} "
    r"(?:stuck|can'?t get it out|cant get it out|won'?t come out|wont come out|still in)|"
    # Something pushed into a child's ear or nose: removed by a clinician (pushing it deeper is the risk).
    r"(?:put|pushed|shoved|stuck|poked|lodged|inserted) (?:\S+ ){0,4}(?:in|up|into|inside) (?:his|her|their|my|the) "
    r"(?:ear|nose|nostril)|(?:stone|pebble|bead|pea|bean|button|toy|lego|crayon|sweet|rubber|eraser|popcorn|seed|"
    r"bug|insect) (?:\S+ ){0,3}(?:in|up|into|inside) (?:(?:his|her|their|my|the) )?(?:ear|nose|nostril)|"
    # Unable to swallow even saliva (a stuck food bolus), or to pass urine for hours with a swollen belly.
    r"(?:can'?t|cant|cannot|unable to|can barely|can hardly) (?:even )?swallow (?:\w+ ){0,3}(?:spit|saliva)|"
    # A muffled ("hot potato") voice with a sore throat: a peritonsillar abscess is seen the same day.
    r"(?:tonsil|throat)\w*(?: \S+){0,12} (?:muffled|hot potato)|(?:muffled|hot potato)(?: \S+){0,12} (?:tonsil|throat)|"
    # An injured ankle or foot that cannot bear weight: a possible fracture, X-rayed the same day.
    r"(?:ankle|foot|leg|knee)\b(?: \S+){0,14} (?:can'?t|cant|cannot|can barely|can hardly|unable to|not able to) "
    r"(?:\w+ ){0,2}(?:(?:put|bear|take) (?:any )?weight|(?:take|walk|manage) (?:even )?(?:4|four) steps)|"
    r"drooling (?:\w+ ){0,3}(?:can'?t|cant)|"
    r"(?:haven'?t|havent|not|can'?t|cant|cannot|unable to) (?:\w+ ){0,2}(?:pee|peed|wee|weed|urinate|pass urine|"
    r"passed urine)\b(?: \S+){0,3} (?:since|for (?:\d+|hours|a day)|all day|all night)|"
    # Tetanus-prone and barbed wounds: a rusty nail through a shoe, a hook past its barb.
    r"(?:rusty|dirty) (?:nail|metal|wire|spike)|past the barb|(?:fish ?hook|hook) (?:\S+ ){0,3}(?:stuck|in|into) "
    r"(?:my|his|her|the)|"
    # A baby with fewer wet nappies (drying out), or an older person newly confused since yesterday.
    r"(?:fewer|less|no|hardly any|not many|only (?:\d|one|two|three)) wet nappies|dry nappies|"
    # Vomiting with no fluid kept down: dehydration, and in pregnancy possible hyperemesis (maternity and GP
    # pages: seen urgently when no fluid stays down, or the urine turns dark).
    r"(?:can'?t|cant|cannot|unable to|not able to) keep (?:\w+ ){0,2}(?:anything|any ?thing|water|fluids?|drinks?|"
    r"liquids?|food or (?:drink|water|fluids))(?: \w+){0,2} down|"
    r"(?:vomit\w*|being sick|throwing up|bringing up|sick)(?: \S+){0,5} even (?:water|sips|fluids|drinks)|"
    r"(?:confused|muddled|not (?:him|her)self)(?: (?:than|as) usual| than normal)? (?:since (?:yesterday|this morning|"
    r"last night|today|the weekend)|over the (?:last|past) (?:\d|two|three) days|"
    r"for (?:the (?:last|past) )?(?:a day|a couple of days|\d days?|(?:one|two|three) days?))|"
    # More muddled than usual, with days told anywhere near it: "off her food for 3 days, more muddled than usual"
    # (delirium: carers' and NHS pages ask for an urgent GP appointment or 111 for new or worse confusion).
    rf"{_DAYS_OF_IT}(?: \S+){{0,10}} {_MORE_MUDDLED}|{_MORE_MUDDLED}(?: \S+){{0,10}} {_DAYS_OF_IT}|"
    # The same told the other way round (fresh39): "since yesterday hes been muddled, called me by my brothers name".
    r"since (?:yesterday|this morning|last night|today|the weekend)(?: (?:afternoon|morning|evening|night|teatime|"
    r"lunchtime))? (?:he'?s|hes|she'?s|shes|he has|she has|they'?ve) "
    r"(?:been |gone |become |got )?(?:really |very |a bit |quite )?(?:confused|muddled|not (?:him|her)self)\b|"
    # Itching in pregnancy, worst on the hands and feet: the maternity unit wants to hear within a day (ICP).
    r"(?:pregnan\w*|\d+ ?(?:weeks|wks)\b)(?: \S+){0,10} itch\w*(?: \S+){0,10} (?:hands|feet|palms|soles)\b|"
    r"(?:pregnan\w*|\d+ ?(?:weeks|wks)\b)(?: \S+){0,6} (?:hands|feet|palms|soles)\b(?: \S+){0,6} itch\w*|"
    # Redness spreading past the line drawn round it, on antibiotics: cellulitis not responding (seen today).
    r"(?:spread\w*|gone|going|grown|moved) (?:\w+ ){0,2}(?:past|beyond|outside|over) the (?:pen |marker |biro )?"
    r"(?:line|lines|mark|marks|outline)|"
    # A bone stuck in the throat is removed by a doctor (third-party ENT pages; the NHS page was not found).
    r"(?:fish ?bone|chicken bone|bone) (?:\S+ ){0,3}(?:stuck|lodged|caught)|(?:stuck|lodged) (?:\S+ ){0,4}bone\b|"
    # A child drinking and weeing far more and losing weight: suspected diabetes is seen the same day (NICE QS125).
    r"(?:drinking|thirsty)\b(?: \S+){0,6} (?:weeing|peeing|wee|pee|toilet|urinating)\b(?: \S+){0,12} "
    r"(?:lost weight|losing weight|weight loss|thinner|tired)|"
    # A urinary catheter that has stopped draining: blocked, the bladder fills (seen or changed the same day).
    r"catheter\w*\b(?: \S+){0,6} (?:(?:hasn'?t|hasnt|has not|not|isn'?t|isnt|stopped) (?:been )?drain\w*|blocked|"
    r"bypassing)|(?:hasn'?t|hasnt|has not|not) drained (?:\S+ ){0,3}(?:for|since) |"
    # A barking cough with a harsh noise breathing in (stridor) only when upset: croup to be seen by a doctor or
    # nurse today (an NHS children's safety-netting sheet, what0-18.nhs.uk; stridor all the time, or working hard
    # to breathe, is A&E or 999 there).
    r"(?:bark\w*|seal[- ]?like|croupy?) (?:\w+ )?cough\w*(?: \S+){0,24} (?<!no )(?:stridor|noisy breath\w*|"
    r"rasp\w*|whistl\w*|crowing|high[- ]pitched (?:\w+ )?(?:noise|sound|breath\w*))|"
    r"(?<!no )(?:stridor|noisy breath\w*|rasp\w* (?:\w+ )?(?:noise|sound|breath\w*))(?: \S+){0,24} "
    r"(?:bark\w*|seal[- ]?like|croupy?) (?:\w+ )?cough|"
    # Weekly methotrexate taken again within the week: toxicity can follow days later, so advice the same day
    # (MHRA Drug Safety Update on once-weekly methotrexate, gov.uk: taken more often than weekly it can be fatal, and
    # patients should promptly seek medical advice if they think they have taken too much).
    r"(?:took|taken|had|given|gave|swallowed) (?:my |his |her |their |the |a |an )?(?:weekly |usual |normal )?"
    r"(?:dose (?:of )?|\d+ ?mg (?:of )?|tablets? (?:of )?)?(?:methotrexate|mtx)\b(?: \S+){0,10} (?:two days in a row|"
    r"twice|"
    r"again (?:on|the next|today|yesterday|this morning|last night)|every day|each day|daily|double|extra|"
    r"by mistake|two doses)|"
    r"(?:double|extra|second|two|another) (?:\w+ ){0,2}(?:dose|doses|lot|tablets) of (?:\w+ ){0,2}(?:methotrexate|mtx)|"
    # ...or the medicine named first (fresh57: "takes MTX 15mg weekly... took a second 15mg dose this morning").
    r"(?:methotrexate|mtx)\b(?: \S+){0,14} (?:took|taken|had|given|gave|swallowed) (?:a |an |her |his |my |their )?"
    r"(?:second|double|extra|another) (?:\S+ )?(?:dose|tablets?|lot)\b|"
    # A first seizure that has stopped still needs a doctor that day.
    r"first (?:ever )?(?:fit|seizure|convulsion)\b(?: \S+){0,6} (?:today|this morning|this afternoon|tonight|"
    r"last night|earlier|just now|an hour ago)|"
    # Blood in the urine on a blood thinner: anticoagulant clinics ask for advice straight away (NHS trust leaflets).
    rf"(?:{_THINNER})(?: \S+){{0,20}} (?:{_BLOODY_URINE})|(?:{_BLOODY_URINE})(?: \S+){{0,20}} (?:{_THINNER})|"
    # Pain that started round the belly button and moved to the lower right: the pattern of appendicitis, which
    # NHS pages ask to be seen by a GP or out-of-hours service at once.
    r"(?:belly ?button|navel|middle of (?:my|his|her|their|the) (?:tummy|stomach|belly|abdomen))(?: \S+){0,10} "
    r"(?:moved|moving|gone|going|shifted|travell?ed|spread|now) (?:\S+ ){0,3}(?:lower |bottom )?right|"
    # A limb that looks bent or out of shape after an injury: a likely fracture, seen the same day.
    r"(?:wrist|arm|leg|ankle|finger|elbow|forearm|shin|collarbone|toe)s?\b(?: \S+){0,8} (?:(?:looks?|looking|gone) "
    r"(?:\S+ ){0,2}bent|(?:looks?|looking|gone|is) (?:\S+ ){0,2}(?:crooked|deformed|wonky|out of shape|the wrong shape|"
    r"at a (?:funny|weird|odd|strange) angle))|"
    r"(?:finger|thumb|toe)s?\b(?: \S+){0,4} (?:and )?(?:bent|crooked|deformed|wonky)\b|"
    r"(?:wrist|arm|leg|ankle|elbow|forearm|shin)s?\b(?: \S+){0,6} bent[- ]looking|"
    # A blistering rash that may be shingles, near the eye: an urgent GP or 111 appointment the same day (the NHS
    # shingles text, read as UK pharmacies republish it (nhs.uk itself was not reachable here), asks for one for any
    # suspected shingles; near the eye it can threaten sight).
    r"(?:shingles|blist\w* rash|rash (?:\w+ ){0,3}blist\w*)(?: \S+){0,12} (?:eye|eyes|eyelid|forehead)\b|"
    r"(?:eye|eyes|eyelid|forehead)\b(?: \S+){0,8} (?:shingles|blist\w* rash)|"
    # Anywhere else, a blistering rash in a band or on one side only is how shingles shows: the same text asks for
    # advice from 111 or a pharmacist as soon as possible (antivirals work best within 3 days of the rash).
    r"(?:rash|spots|blotches)\b(?: \S+){0,8} (?:in a band|like a band|a band|band (?:round|around|across)|a belt|"
    r"a stripe|a strip|one side (?:only|of))\b(?: \S+){0,10} blist\w*|"
    r"blist\w*(?: \S+){0,10} (?:in a band|like a band|band (?:round|around|across)|one side only)\b|"
    # A burn that blisters on the hand, face, feet or genitals is seen the same day or in A&E (NHS burn pages).
    rf"(?:burn\w*|scald\w*) (?:\S+ ){{0,4}}{_BURN_SITE}\b(?: \S+){{0,10}} blister\w*|"
    rf"{_HEAT}\b(?: \S+){{0,10}} {_BURN_SITE}\b(?: \S+){{0,10}} blister\w*|"
    # A late pregnancy's baby quieter than its usual pattern, or only a couple of movements felt in hours (fresh44):
    # reduced movements are reported to the maternity unit at once, not slept on (as above).
    r"(?:\b(?:2[4-9]|3\d|4[0-2]) ?(?:weeks?|wks?|w)\b|pregnan\w*)(?: \S+){0,25} (?:much |a lot |really |way )?"
    r"(?:quieter|less active|not (?:as |very )?active)\b|"
    r"(?:only|maybe|just|barely) (?:felt )?(?:one|two|three|a couple of|a few|[1-3]) (?:little |small |tiny )?"
    r"(?:moves|movements|kicks|wriggles)\b|"
    r"(?:\b(?:2[4-9]|3\d|4[0-2]) ?(?:weeks?|wks?|w)\b|pregnan\w*)(?: \S+){0,25} (?:kicks?|kicking|movements?|moving|"
    r"wriggl\w*)\b(?: \S+){0,12} (?:hardly|barely) (?:any(?:thing)?|moved|moving|kick\w*|felt|a thing)\b|"
    # A fragment flown into the eye while grinding, drilling, hammering or cutting metal: it can go inside the eye,
    # so it is assessed the same day, never waited out (ophthalmology teaching on intraocular foreign bodies; no NHS
    # page was read for it).
    r"(?:grind\w*|grinder|drill\w*|hammer\w*|chisel\w*|welding|angle grinder|cutting metal|metal)\b(?: \S+){0,12} "
    r"(?:flew|flown|went|gone|shot|hit|got|something) (?:\S+ ){0,4}(?:in|into) (?:my|his|her|their|the) eyes?\b|"
    r"(?:(?:bit|piece|fleck|shard|speck|sliver|splinter|fragment) of (?:metal|steel|iron|glass|wire)|(?:metal|steel|"
    r"iron|glass|wire) (?:bit|piece|fleck|shard|speck|sliver|splinter|fragment|filing)s?) (?:\S+ ){0,2}"
    r"(?:in|into) (?:my|his|her|their|the) eyes?\b|"
    # Long-term steroid tablets run out or stopped, with dizziness, weakness, aches or sickness: the adrenal glands
    # may not be making enough cortisol (NHS trusts' steroid leaflets: more than 5 mg prednisolone for more than 4
    # weeks puts people at risk; these are the signs of adrenal insufficiency that need help the same day).
    r"(?:ran|run|running|gone|went) out of (?:my |his |her |their )?(?:prednisolone|pred|steroids?|hydrocortisone|"
    r"dexamethasone)\b(?: \S+){0,25} (?:dizzy|light-?headed|faint\w*|weak|achy|aching|wiped out|exhausted|"
    r"vomit\w*|being sick|shaky)|"
    r"(?:prednisolone|steroids?|hydrocortisone)\b(?: \S+){0,12} (?:ran|run|gone|went) out\b(?: \S+){0,25} (?:dizzy|"
    r"light-?headed|faint\w*|weak|achy|aching|wiped out|exhausted|vomit\w*|being sick|shaky)|"
    r"(?:stopped|stopping) (?:my |his |her |their )?(?:prednisolone|pred|steroids?)\b(?: \S+){0,4} (?:suddenly|"
    r"all at once|cold turkey|abruptly)\b(?: \S+){0,25} (?:dizzy|light-?headed|faint\w*|weak|achy|aching|wiped out|"
    r"exhausted|vomit\w*|being sick|shaky)|"
    # Lithium with diarrhoea, vomiting or a new tremor: early signs of a level too high; drug information for
    # patients asks them to call their doctor at once (no issuing body's page was read for it).
    # Confusion or unsteadiness with it is more than same-day: left to the model and the emergency rules.
    r"\blithium\b(?!.*\b(?<!no )(?:confus\w*|drowsy|unsteady|wobbly|slurr\w*|twitch\w*|fits?|seizures?)\b)"
    r"(?: \S+){0,25} (?:d&v|d and v|diarrh\w*|vomit\w*|being sick|new (?:\w+ ){0,2}tremor|shak\w+ hands)|"
    # Epilepsy medicine or insulin run out or doses missed: a supply is needed the same day (a seizure, or
    # ketoacidosis, can follow); pharmacies' emergency supply and NHS 111 are the same-day routes.
    r"(?:ran|(?:have|has|'ve|ve|i'?ve) run|gone) out of (?:my |his |her |their )?(?:\w+ )?(?:epilepsy|seizure|"
    r"anti-?epileptic|keppra|levetiracetam|lamotrigine|carbamazepine|insulin)|"
    r"(?:epilepsy|seizure|anti-?epileptic) (?:\w+ )?(?:meds|medication|medicine|tablets|pills)\b(?: \S+){0,6} "
    r"(?:missed|(?:have|has) run out|ran out)|"
    r"missed (?:\w+ ){0,2}(?:doses|tablets) of (?:my |his |her )?(?:\w+ )?(?:epilepsy|seizure) |"
    # Hip pain after a fall: a broken hip does not always stop someone walking (NHS hip fracture pages).
    r"(?:fell|fall|fallen|tripped|slipped)\b(?: \S+){0,8} hip (?:\S+ ){0,2}(?:hurts?|hurting|pain\w*|sore|aching)|"
    r"hip (?:\S+ ){0,2}(?:hurts?|hurting|pain\w*|sore)(?: \S+){0,8} (?:since|after) (?:\S+ ){0,2}(?:fell|fall)\b|"
    # A finger or toe crushed in a door with the tip split or the nail gone black: seen the same day (the nail bed
    # may need repair, the bone may be broken).
    r"(?:shut|slammed|trapped|caught|crushed|jammed|kicked|stubbed) (?:\S+ ){0,4}(?:finger|thumb|fingertip|toe)s?\b"
    r"(?: \S+){0,10} "
    r"(?:split|black|purple|bent|crooked|hanging|won'?t stop bleeding)|"
    # A healing wound that opens, smells or weeps pus: seen the same day (wound-care leaflets say "straight away").
    rf"{_WOUND} (?:\S+ ){{0,6}}{_WOUND_SIGN}|{_WOUND_SIGN} (?:\S+ ){{0,6}}{_WOUND})\b"
)
# Words of an ending with intent now: a crisis whatever else the message says.
_INTENT_NOW = re.compile(
    rf"\b(?:{_AT_THE_EDGE}|tonight'?s?|right now|i'?m ready|im ready|i am ready|had enough|"
    r"in front of (?:me|them)|i have (?:my|the) (?:pens|pills|tablets|meds|rope|knife)|standing on|"
    r"thoughts (?:\w+ ){0,2}back|going to do it|"
    r"it'?s for me|asking for me|for myself|i'?m done|im done|"
    r"(?:done|finished) with (?:everything|it all|all of it|life|living)|"
    r"plans? to use it|do it properly|more like a plan|everything(?:'s| is) in order|not for (?:revision|the exam)|"
    r"i(?:'?ve| have| think i'?ve) decided\b(?! (?:to|on|that|what|which|between))|"
    rf"{_KEPT_BACK}|{_ENOUGH_KNOWN}|{_INDIRECT_CRISIS}|{_ALL_OF_THEM}|{_REHEARSAL}|{_FROM_WORK}|"
    r"(?:haven'?t|havent|have not|not) (?:done (?:anything|it)|cut|hurt myself) yet\b|"
    r"planning it for|planned it (?:for|when)\b|(?:i'?m|im|i am) planning it\b|before i go through with it|"
    r"can'?t (?:\w+ ){0,2}keep going after|lined up|"
    r"next time (?:i )?(?:won'?t|wont|will not)(?:(?=\W*$)| (?:stop|take it off|let go|pull back|chicken out|hesitate|"
    r"change my mind))|(?:stopped|took it off|pulled back|changed my mind|let go) at the (?:very )?last "
    r"(?:second|minute|moment)|"
    r"(?:picked|chosen|set) a date|won'?t be needing|(?:this week|this weekend|tomorrow) is (?:it|the day)\b|"
    rf"made (?:my|the) decision|made up my mind|{_PLAN_AND_FAREWELL}|{_HARM_IN_HAND}|"
    r"(?:need|want) it to be (?:quick|painless|over)|"
    # Ending life by stopping food or medicines, with the intent said: "I mean to carry on until it's over".
    r"(?:mean|intend|going|plan) to (?:carry on|keep going|keep on) until (?:it'?s|it is|i'?m) (?:all )?"
    r"(?:over|gone|dead)|"
    # Planning for what is left after one's death: "asked what happens to his bank account if he dies".
    rf"{_AFTER_DEATH}(?:dies|die|died|am gone|is gone|go)|"
    rf"{_AFFAIRS_SETTLED}|"
    rf"{_NO_NEED_AFTER}|{_HEIGHT_CHECKED}|{_PACKS_FROM_SHOPS}|"
    # Pets to be rehomed against a deadline: "how do I rehome my two cats quickly, like by tomorrow?".
    r"(?:rehome|rehoming|give away|giving away|find (?:a )?new homes? for) (?:\w+ ){0,3}(?:dogs?|cats?|pets?)\b"
    r"(?: \S+){0,4} (?:quickly|by tomorrow|tonight|today|asap|urgently|this week|by the weekend)"
    rf"{_FOR_A_REASON}|"
    r"(?:checked|read) (?:the |my )?(?:life )?(?:insurance )?policy|policy (?:covers|pays out)|"
    rf"insurance (?:\w+ ){{0,2}}(?:pays?|paid) out|{_STAGED_ACCIDENT}|"
    r"last (?:time|christmas|birthday) (?:\w+ ){0,2}(?:you'?ll|you will)|active (?:suicidal )?plan|"
    r"plan with (?:the )?means|"
    r"(?:it'?d|it would|would|will) be (?:a )?relief|(?:hidden|hid|bought) (?:\S+ ){0,2}(?:ligature|rope)|"
    r"(?:rope|ligature|blade) (?:\S+ ){0,6}keep (?:\w+ )?looking|(?:lighter|better off|happier) without me|"
    r"(?:rope|noose|ligature) (?:\S+ ){0,3}(?:sorted|ready|tied|set up|hung|up)|"
    r"(?:get|getting|got|build|building) (?:\w+ )?"
    r"(?:the )?(?:nerve|courage) up|(?:get|getting|got|build|building) up (?:the )?(?:nerve|courage)|"
    r"(?:going to|gonna|about to|planning to|intend to|intending to|mean to) (?:\w+ ){0,3}(?:myself|my life|it all)|"
    rf"{_PREPARED}|{_FINAL_WORDS}|{_GATHERED}|{_FOUND_OR_WORKED_OUT}|"
    # A time set, and saving pills the other way round: "doing it this weekend", "paracetamol... been saving up".
    r"(?:doing|do|going through with) it (?:this weekend|this week|tonight|tomorrow|today|on \w+day|next week)|"
    r"(?:pills|tablets|meds|paracetamol|painkillers|morphine|insulin)\b(?: \S+){0,8} (?:been )?(?:saving|saved|"
    r"hoarding|stockpiling) (?:them |it )?up)\b"
)
# An exam or teaching question: a described patient is on paper.
_EXAM = re.compile(
    r"\b(?:mcqs?|sbas?|emqs?|osces?|vignettes?|question bank|qbank|past paper|mock (?:exam|sba|paper|osce|q\w*)|"
    r"exam q\w*|(?:practice|revision|quiz|test) questions?|quiz|(?:the )?question (?:says|stem|asks)|stem says|"
    r"case[- ]based learning|viva|teaching case|case study|flashcards?|anki|in the answer|answer key|"
    r"textbook case|^exam (?=\d)|"
    # Revising for finals (fresh56: "finals rev - paracetamol OD: when do you start NAC").
    r"\bfinals? (?:rev\w*|prep|cramming)\b|\b(?:revising|revision) for (?:my |the )?(?:finals?|exams?|osces?)\b|"
    # Writing or teaching about a case (fresh36): "for my neuro assignment... a made-up case", "writing a chapter for
    # a trauma textbook", "case for registrar teaching... as a handout", "for M&M: ... learning points".
    r"made[- ]up case|fictional case|for (?:my|an|our|the|a) (?:\w+ )?(?:assignment|essay|write-?up|chapter|handout|"
    r"lecture slides|lecture notes|presentation|teaching session|journal club|newsletter|textbook)|"
    r"writing (?:a|the) (?:chapter|handout)|training (?:new |our |the |junior )?(?:staff|nurses|students|colleagues)|"
    r"\bm ?& ?m\b|morbidity and mortality|"
    r"learning points|(?:registrar|student|junior|nurse|fy1|fy2|sho|trainee) teaching|formatted as a handout)"
)
_REVISION = re.compile(r"\b(?:atls|als|pals|apls|finals|boards|exams?|mrcp|usmle|plab|osce) revision\b")
_COUGHED_UP_AT_ONCE = (
    r"(?:coughed|spat|brought) (?:it|them|the \w+) (?:back )?(?:up|out) (?:straight away|right away|immediately|"
    r"at once)"
)
# Over and well: a clinician or student telling of something that has resolved.
# A swallowed thing passed: read as resolved (_RESOLVED) and, weeks ago, as settled (_PASSED_THROUGH).
_CAME_OUT = r"came out (?:the other end|in (?:his|her|their|the) (?:poo|nappy|stool))"
_RESOLVED = re.compile(
    r"\b(?:fine now|well now|ok now|okay now|back to normal|"
    # What was choked on, out at once: "choked on a crisp, coughed it up straight away".
    rf"{_COUGHED_UP_AT_ONCE}|back to (?:her|his)(?: usual)? ?self|"
    r"(?:her|his) usual self|fully recovered|(?:it'?s|its|it has) passed now|"
    # A swallowed thing passed (fresh55: "x-ray showed just the one and it came out the other end").
    rf"{_CAME_OUT}|"
    r"recovered fully|self[- ]?resolv\w*|"
    r"resolved (?:fully|completely|on (?:its|their) own)|"
    r"(?:is|was|are|feels?|looks?) (?:completely |totally |perfectly )?"
    r"(?:fine|well|normal) (?:today|now|since)|"
    r"playing (?:normally|happily|fine)|(?:it|that|this) passed after|went away after|sharp as ever|"
    r"stable (?:since|now)|settled (?:since|now|overnight)|(?:none|nothing|no more|no further) since\b|"
    r"(?:she'?s|he'?s|they'?re|feels?|felt) (?:completely |totally )?fine|thriving|now walking|"
    # Getting better: "her cough is much better now", "healing well, the redness has gone right down".
    r"(?:much|lots|loads|way|a lot) better now|healing (?:well|nicely|fine)|"
    r"(?:completely|totally|fully|all) (?:better|healed|recovered|cleared up)(?: now)?|healed (?:up|over|now)|"
    r"(?:mostly|nearly|almost|largely|all but) (?:gone|better|healed|settled|cleared)|"
    # Gone now, said of the thing itself (fresh44): "gave him piriton and its all gone now".
    r"(?:it'?s|its|it is|they'?re|theyre|they are|hives are|rash is|swelling is) (?:all |completely |totally )?gone "
    r"now|"
    r"(?:redness|swelling|pain|rash) (?:has |is |had )?(?:gone|going|come|coming) (?:right |way |well )?down)\b"
)
_RELATION = re.compile(
    rf"\b{_WHO}\b|\b(?:he|she|they|him|her|them|his)\b|\b(?:bed|bay|room|cubicle) ?\d+|"
    r"^(?:baby|babys|baby's|toddler|newborn|infant|kid|child|son|daughter|dad|mum|mom|husband|wife|grandad|grandpa|"
    r"grandma|gran|nan|flatmate|roommate|partner)\b"  # "baby is 4 months, making little grunts"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|my|me|myself)\b")
_PAST = re.compile(
    r"\b(?:last (?:year|month|week|weekend|summer|spring|winter|autumn|fall|christmas|time|pregnancy|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b|"
    r"the other day|"
    r"a while ago|(?:my|her|his) (?:first|previous|last|earlier) (?:pregnancy|baby|birth)|(?:\d+|a|two|three|few|"
    r"several|many|"
    r"couple of|couple) (?:years?|months?|weeks?|yrs?) (?:ago|back)|in (?:19|20)\d\d|"
    r"back in (?:(?:19|20)\d\d|the day)|history of|"
    # A year gone by, said bare (fresh54, in a second language: "I had heart attack 2019, they put 2 stent").
    r"(?<![/.:-])(?:19[5-9]\d|20[01]\d|202[0-5])(?![/.:-]?\d)|"
    r"previous|previously|prior|(?:years?|months|weeks) (?:ago|back)|"
    r"since (?:my|his|her|their) (?:heart attack|stroke|mi|"
    r"overdose|seizure|surgery|bypass|stent)|after (?:my|his|her|their) (?:heart attack|stroke|mi|overdose|"
    r"seizure|stent|bypass)|survivor|recovered|recovering from|was diagnosed|had (?:(?:a|an|his|her|my) )?"
    r"(?:heart attack|stroke|mi|tia|seizure|overdose|anaphylactic|allergic)|when (?:i|he|she) was (?:a )?"
    r"(?:kid|child|younger|little|baby)|used to|once had|ever had|in the past|"
    r"as an? (?:baby|child|kid|toddler|teenager|teen|infant|newborn)|"
    r"with (?:our|my|her|his|their) (?:first|last|previous|eldest|older|other) (?:one|baby|child|pregnancy)?|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:had|got) (?:meningitis|sepsis|a miscarriage|an? (?:postpartum )?(?:haemorrhage|hemorrhage)|"
    r"pre-?eclampsia|an ectopic)(?! (?:now|today|tonight|right now))|stable now|now stable|"
    r"settled|discharged|extubated|step[- ]?down|at christmas|on holiday|ever since|"
    r"last (?:spring|summer|autumn|fall|winter|easter|christmas|new year|night's|term|semester)|"
    r"(?:two|three|a few|couple of|2|3) (?:winters|summers|christmases) ago|back in (?:uni|school|college)|"
    r"when (?:she|he|i|they) was born|"
    # An age then, or nothing since: "reacted to peanuts at age 1, never since", "a fit when he was 2".
    r"at (?:the )?age (?:of )?\d+|when (?:she|he|i|they) (?:was|were) (?:\d+|one|two|three|four|five|six)\b|"
    r"(?:never|not|nothing|none) (?:\w+ )?since|"
    # Reassurance: the person is clearly well now.
    r"(?:totally|completely|absolutely|perfectly) (?:fine|normal|ok|okay|well) now|(?:fine|normal|well) now|"
    r"(?:eating|feeding|drinking) (?:and|&) (?:playing|drinking|sleeping) (?:fine|normally|ok|well)|"
    r"playing (?:fine|normally|happily|as normal)|running (?:round|around) (?:laughing|playing|like normal)|"
    r"back to (?:normal|herself|himself|themselves) now)\b"
)
# A question about a topic rather than a situation: doses, protocols, thresholds, scores, teaching.
_REFERENCE = re.compile(
    r"\b(?:dose|doses|dosing|dosage|mg|mcg|micrograms?|mg/kg|ml|units|protocol|guideline|guidelines|guidance|"
    r"algorithm|pathway|criteria|criterion|threshold|cut-?off|target|targets|score|scores|scoring|scale|nihss|"
    r"gcs|qsofa|news2?|curb|crb|wells|grace|timi|heart score|abcd|differential|ddx|first[- ]line|second[- ]line|"
    r"indications?|contraindicat\w*|evidence|trials?|studies|study|meta-analysis|pathophysiology|mechanism|"
    r"time window|window for|door[- ]to[- ](?:needle|balloon|ct|groin|puncture|door)|"
    r"recommended|recommendation|recommend|management|managed|manage|(?:initial|acute|first) mx|mx of|"
    r"treated|treatment of|treat a|approach to|workup|work-up|investigat\w*|assess(?:ed|ment)?|stratif\w*|"
    r"recognise|recognize|recognising|recognizing|signs of|symptoms of|warning signs|red flags?|features of|"
    r"causes of|risk factors?|how common|incidence|prevalence|prognosis|mortality|definition|define|defined|"
    r"classif\w*|grading|staging|teach|teaching|exam|osce|revision|lecture|students?|in adults|in children|"
    r"paediatric|pediatric|adults?|infants|elderly patients|patients with|a patient with|in pregnancy|"
    r"how long should|how often|when should|when to|what is the|what are the|what's the|whats the|which|"
    r"is it safe|can you|difference between|vs|versus|compare|mechanism|antidote|reversal|monitoring|"
    r"follow[- ]?up|how to (?:manage|balance|treat|approach|choose|time|dose|start|stop|switch|handle|weigh)|"
    r"prevent|prevention|screening|refer|referral|audit|policy|training|simulation|what kind of|"
    r"what type of|how do i know|how can i tell|how would i know|should make|when to call|when should|vaccines?|"
    # the expected course of a value: "lactate 6.2 post-seizure, how quickly would you expect it to clear?"
    r"would you expect|expected to (?:clear|fall|settle|resolve|normali[sz]e|come down|peak)|"
    r"chances|likely|normal rate|normal range|run in (?:the )?famil\w*|dangerous|^what (?:is|are) (?!happening)|"
    # Preparation and hypotheticals: "just in case", "what do we do if it ever happens".
    r"classes? of|types? of|stages? of|mnemonic|exam q\w*|quiz|vignette|teaching case|case study|"
    r"(?:a|my) (?:novel|story|book|screenplay|script|character)|school project|"
    r"writing an? (?:novel|story|book|screenplay|script|scene|essay|paper|assignment|article|play|film|poem)|"
    r"first aid (?:course|kit)|"
    r"want to be (?:ready|prepared)|be prepared|baby ?proof\w*|what would (?:actually )?happen if|"
    r"if a (?:friend|kid|child|someone|person|baby|toddler) (?:ever )?|how would (?:you|i|we|someone) (?:even )?know|"
    r"next (?:week|month|time)|\ba\) .{0,80}\bb\)|expir(?:es|ed|ing|y date)|out of date|"
    r"(?:best place|where) (?:\w+ ){0,3}(?:keep|store) (?:it|them|one|the)\b|storage|"
    r"(?:repeat|new|renew\w*) prescription|"
    r"just in case|in case (?:it|this|that|something|anything) (?:ever )?happens|"
    r"if (?:it|this|that|something|anything) (?:ever )?happens|in (?:the )?future|"
    r"what (?:do|should|would) (?:i|we|you) do if|if (?:he|she|they|i|we|you) ever)\b"
)
_QUESTION_START = re.compile(
    r"^(?:(?:and|so|but|ok|okay|also|hi|hello|quick question)\b,? ?)?(?:what|which|how|when|why|is|are|does|do|"
    r"can|could|should|explain|define|list|describe|compare|tell me)\b"
)
# Clearly a first-hand report of something happening now ("I have taken...", "my dad is on the floor").
_ACTIVE = re.compile(
    rf"(?:\b(?:i|i'm|im|i've|ive|we|we've)\b|{_WHO}|\b(?:he|she|they)\b) (?:\w+ ){{0,3}}"
    r"(?:is|are|has|have|had|just|keeps?|won't|wont|can't|cant|isn't|isnt|looks?|seems?|took|taken|swallowed|"
    r"ate|drank|collapsed|fell|passed|went|got|feel|feels|felt|am|was|started|suddenly|think|thinks)\b"
)


# Red-flag words people misspell under stress; a word within one or two edits of one of these is read as it.
KEY_WORDS = (
    "chest pain breathe breath breathing unconscious unresponsive seizure seizing fitting anaphylaxis allergic "
    "swelling swollen bleeding blood overdose overdosed suicide suicidal meningitis sepsis stroke collapsed "
    "fainted pregnant vomiting headache confused drowsy paracetamol convulsing choking poisoning wheezing "
    "tablets ambulance emergency pressure tightness crushing sweating numbness weakness slurring drooping "
    "breathless epipen adrenaline swallowed poisoned bleach battery diabetic pulse ketones"
).split()
_KEY_BY_LETTER: dict[str, list[str]] = {}
for _word in dict.fromkeys(KEY_WORDS):  # in a fixed order: a set's order changes with each process's hash seed
    _KEY_BY_LETTER.setdefault(_word[0], []).append(_word)


def _within(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most limit (small strings only); one swap of neighbours counts once."""
    if abs(len(a) - len(b)) > limit:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Whole words of the shipped embedder's vocabulary: real words are never "corrected" into red flags.

    Without it "coughing" read as "crushing", "beach" as "bleach" and "visiting" as "vomiting"; the
    vocabulary misses some rarer words, hence the short list beside it.
    """
    return vocabulary_words() | frozenset(
        "drooling drooled fainting chopping sneezing sneezed spurting crusting crusty strobe choked".split()
    )


def _spell(word: str) -> str:
    if len(word) < 5 or word in _KNOWN or word in _dictionary():
        return word
    # The closest key word wins: "breathes" is one edit from "breathe" and two from "breath" and "breathless".
    for limit in (1, 2) if len(word) >= 8 else (1,):
        for candidate in _KEY_BY_LETTER.get(word[0], []):
            if _within(word, candidate, limit):
                return candidate
    return word


_KNOWN = frozenset(KEY_WORDS) | frozenset(
    "chests breaths breathes breathed bleeds bleed fitted pained strokes tablet pressures".split()
)


# An oxygen reading inside the 88-92% range that the BTS oxygen guideline (2017) sets for people at risk of
# hypercapnic respiratory failure, told with that risk and inside the person's own stated target or usual range:
# "sats 88 on 2L, known COPD retainer, target range 88-92", "on home oxygen for COPD, usually reads 89-90%". On
# target, not a low reading. Below 88 still is one, and so is a fall from the usual ("usually 94, now 91").
_RETAINER = re.compile(r"\b(?:copd|retainer|retains co2|co2 retention|hypercapni\w*|emphysema)\b")
_STATED_RANGE = re.compile(
    r"\b(?:target|targets|usual|usually|normally|always|baseline)\b(?: \S+){0,4}? (\d\d)(?: ?%)?"
    r"(?: ?(?:-|to|–) ?(\d\d))?"
)
_SATS_READING = re.compile(
    r"\b(sats?|spo2|saturations?|oxygen|o2|reads|reading|readings)\b((?: \S+){0,3}?) (8[89]|9[0-2])(?: ?%)?"
    r"(?: ?(?:-|to|–) ?(8[89]|9[0-2]))?(?: ?%)?(?=\W|$)"
)


def _on_copd_target(text: str) -> str:
    """The text with each COPD oxygen reading inside its stated target or usual range said as "on target"."""
    if not _RETAINER.search(text):
        return text
    ranges = [(int(m.group(1)), int(m.group(2) or m.group(1))) for m in _STATED_RANGE.finditer(text)]

    def inside(number: str | None) -> bool:
        return number is None or any(low <= int(number) <= high for low, high in ranges)

    def said(match: re.Match[str]) -> str:
        if inside(match.group(3)) and inside(match.group(4)):
            return f"{match.group(1)}{match.group(2)} on target"
        return match.group(0)

    return _SATS_READING.sub(said, text) if ranges else text


def normalise(text: str) -> str:
    """Lowercase, punctuation other than apostrophes spaced, stretched letters and common misspellings mended."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w'\s/&+?-]", " ", text)
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)  # "sooooo" -> "soo"
    text = " ".join(_spell(w) for w in text.split())
    text = re.sub(r"\s+", " ", text).strip()
    return _on_copd_target(text)


@dataclass(frozen=True)
class Cues:
    """What the rules saw in a message: red-flag categories and how it reads."""

    categories: tuple[str, ...]
    explicit_crisis: bool
    now: bool
    relation: bool
    first_person: bool
    past: bool
    reference: bool
    question_form: bool
    active: bool
    acute: bool = False
    clinical_situation: bool = False
    present: bool = False
    calm: bool = False

    def features(self, persona: Persona) -> list[float]:
        """The rule layer's view of a message, as inputs to the linear model."""
        strong = [c for c in self.categories if c not in _WEAK]
        return [
            1.0 if self.categories else 0.0,
            1.0 if strong else 0.0,
            1.0 if "suicide" in self.categories else 0.0,
            1.0 if self.now else 0.0,
            1.0 if self.relation else 0.0,
            1.0 if self.first_person else 0.0,
            1.0 if self.past else 0.0,
            1.0 if self.reference else 0.0,
            1.0 if self.question_form else 0.0,
            1.0 if self.active else 0.0,
            1.0 if self.acute else 0.0,
            1.0 if self.clinical_situation else 0.0,
            1.0 if self.present else 0.0,
            1.0 if persona.lay else 0.0,
            1.0 if persona is Persona.PHYSICIAN else 0.0,
            1.0 if self.calm else 0.0,
        ]


# "Obs otherwise stable" says something is not stable: it is not a calm word.
_OTHERWISE = re.compile(r"\b(?:otherwise|apart from (?:this|that)|other than (?:this|that)) (?:\w+ ){0,2}"
                        r"(?:stable|well|fine|normal|ok|okay|good|unremarkable)\b")


# Calm words negated: "isn't feeding well", "not eating normally" say something is wrong.
_NOT_WELL = re.compile(
    r"\b(?:not|isn'?t|isnt|wasn'?t|wasnt|hasn'?t been|hasnt been|won'?t|wont|never) (?:\w+ )?(?:feeding|eating|"
    r"drinking|playing|feeling|looking|doing|settling) (?:\w+ )?(?:well|normally|fine|ok|okay|good|great)\b"
)


def read_cues(text: str) -> Cues:
    """Apply the rules to a normalised message."""
    spoken = _IM_ROUTE.sub(" ", text)  # "adrenaline IM dose": a route, not "I'm" (no one described now)
    return Cues(
        categories=_flagged(text),
        explicit_crisis=bool(_FLAGS["suicide"].search(text)),
        now=bool(_NOW.search(spoken)),
        relation=bool(_RELATION.search(text)),
        first_person=bool(_FIRST_PERSON.search(spoken)),
        past=bool(_PAST.search(text)),
        reference=bool(_REFERENCE.search(text)),
        question_form=bool(_QUESTION_START.search(text)),
        active=bool(_ACTIVE.search(text)),
        acute=bool(_ACUTE.search(text)),
        clinical_situation=bool(_CLINICAL_SITUATION.search(text)),
        present=bool(_PRESENT.search(text)),
        calm=bool(_CALM.search(_NOT_WELL.sub(" ", _OTHERWISE.sub(" ", text)))),
    )


def rule_score(cues: Cues, persona: Persona) -> float:
    """How strongly the rules alone say 'this is happening now and needs help' (0 to 1)."""
    if not cues.categories:
        return 0.0
    strong = any(c not in _WEAK for c in cues.categories)
    situation = cues.active or cues.clinical_situation or (cues.now and (cues.relation or cues.first_person))
    if cues.past and not cues.acute:
        return 0.5 if cues.present else 0.15
    if cues.explicit_crisis and (cues.first_person or cues.relation) and not cues.reference:
        return 0.95
    if not persona.lay and cues.first_person and cues.active and not cues.question_form and not cues.reference:
        persona = Persona.PATIENT  # a clinician describing their own symptoms is a patient for now
    if persona.lay:
        if cues.acute or cues.clinical_situation:
            return 0.9 if strong else 0.8
        if cues.reference:
            return 0.3 if strong else 0.1
        if cues.question_form:
            return 0.6 if (cues.first_person or cues.relation) else 0.3
        return 0.75  # a description with no question: treat it as happening now
    if cues.clinical_situation or (situation and cues.acute):
        return 0.85 if strong else 0.6
    if situation and not cues.reference:
        return 0.6 if strong else 0.4
    if situation:
        return 0.35
    return 0.05


@dataclass
class TriageModel:
    """Logistic regression over [embedding, rule features, rule score]; fitted by `fit`, stored as JSON.

    Four thresholds: lay readers and clinicians, each with and without a red flag the rules recognise. Without
    one the model alone must be confident, because the embedding by itself reads "my mum has dementia, which
    medicines help?" as close to an emergency (a relative, a diagnosis, a worried question).
    """

    weights: np.ndarray
    bias: float
    threshold_lay: float
    threshold_clinical: float
    threshold_lay_unflagged: float = 0.5
    threshold_clinical_unflagged: float = 0.5
    trained_on: str = ""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TriageModel | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=np.asarray(data["weights"], dtype=np.float32),
            bias=float(data["bias"]),
            threshold_lay=float(data["threshold_lay"]),
            threshold_clinical=float(data["threshold_clinical"]),
            threshold_lay_unflagged=float(data.get("threshold_lay_unflagged", 0.5)),
            threshold_clinical_unflagged=float(data.get("threshold_clinical_unflagged", 0.5)),
            trained_on=data.get("trained_on", ""),
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "about": "Triage linear model (assistant/triage.py); regenerate: python benchmarks/triage.py --fit",
            "trained_on": self.trained_on,
            "bias": round(self.bias, 6),
            "threshold_lay": self.threshold_lay,
            "threshold_clinical": self.threshold_clinical,
            "threshold_lay_unflagged": self.threshold_lay_unflagged,
            "threshold_clinical_unflagged": self.threshold_clinical_unflagged,
            "weights": [round(float(w), 6) for w in self.weights],
        }
        path.write_text(json.dumps(payload) + "\n", encoding="utf-8")

    @staticmethod
    def reads_as_lay(persona: Persona) -> bool:
        """Students share the lay thresholds: at home they describe themselves and their flatmates, and their exam
        questions are stopped by the vetoes. Nurses and physicians ask about cases, so their bar is higher."""
        return persona.lay or persona is Persona.STUDENT

    def threshold(self, persona: Persona, flagged: bool) -> float:
        if self.reads_as_lay(persona):
            return self.threshold_lay if flagged else self.threshold_lay_unflagged
        return self.threshold_clinical if flagged else self.threshold_clinical_unflagged

    def probability(self, x: np.ndarray) -> float:
        return float(1.0 / (1.0 + np.exp(-(x @ self.weights + self.bias))))


NGRAM_BUCKETS = 2048


def ngrams(text: str) -> np.ndarray:
    """Hashed words and word pairs of the normalised message.

    The embedding reads topic; tense and stance ("what dose", "last year", "just in case", "right now") sit
    in short word sequences, which these carry. Out-of-fold, adding them halved the false alarms among lay
    messages that name a red flag (benchmarks/triage.py --fit prints the thresholds they allow).
    """
    words = text.split()
    out = np.zeros(NGRAM_BUCKETS, dtype=np.float32)
    for gram in words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]:
        out[zlib.crc32(gram.encode("utf-8")) % NGRAM_BUCKETS] = 1.0
    return out


def model_input(vector: np.ndarray, cues: Cues, persona: Persona, text: str) -> np.ndarray:
    """One row of the linear model's input: embedding, rule features and score, hashed n-grams of `text`."""
    extra = np.asarray(cues.features(persona) + [rule_score(cues, persona)], dtype=np.float32)
    return np.concatenate([np.asarray(vector, dtype=np.float32).ravel(), extra * 2.0, ngrams(text)])


def fit(rows: np.ndarray, labels: np.ndarray, l2: float = 1.0, steps: int = 3000, lr: float = 0.5) -> tuple:
    """Plain gradient descent on the logistic loss with an L2 penalty; classes weighed equally."""
    rows = np.asarray(rows, dtype=np.float64)  # once: a float32 matrix would be converted on every step
    n, d = rows.shape
    w = np.zeros(d, dtype=np.float64)
    b = 0.0
    pos = labels.sum()
    sample_weight = np.where(labels == 1, n / (2 * max(pos, 1)), n / (2 * max(n - pos, 1)))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(rows @ w + b)))
        grad = (p - labels) * sample_weight
        w -= lr * (rows.T @ grad / n + l2 * w / n)
        b -= lr * grad.mean()
    return w.astype(np.float32), float(b)


def exemplar_hash(texts: Sequence[str]) -> str:
    """Identifies the training rows, so a stale model is detected."""
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]


_HYPOTHETICAL = re.compile(
    r"\b(?:what if|in case|what (?:do|should|would) (?:i|we|you) do if|if (?:he|she|they|someone|somebody|anyone|a|an|"
    r"my|i|we|you|your|the|our|one|a patient|your child) (?:\w+ ){0,3}(?:ever|were|was|had|has|is|are|does|did|gets|"
    r"got|swallows|swallowed|stops|goes|went|becomes|turns|collapsed|collapses|fainted|faints|stopped|reacts|"
    r"passes|chokes)|"
    r"if (?:someone'?s|someones|somebody'?s|a person'?s|a person is) (?:having|got|had)\b|"
    r"if (?:i|we|you) (?:ever )?(?:find|see|come across|"
    r"witness)|if (?:he'?s|she'?s|they'?re|hes|shes|theyre|i'?m|im|you'?re|we'?re) ever)\b"
)


# A student's exam stem: "a 24-year-old woman develops... what is the first drug to give?"
_STEM = re.compile(
    r"^(?:(?:question|q|case|scenario)\b:? ?)?(?:a|an) \d{1,3}[- ]?(?:year|yr|month|week|day)s?[- ]?old\b|"
    r"\b(?:most likely|next (?:best )?step|most appropriate|estimate the|which of the following|what is the "
    r"(?:most|first|next|best|likely|initial|diagnosis))\b"
)
# Writing, teaching and reviewing: documents and courses, not a person in front of the writer.
_DOCUMENT = re.compile(
    r"\b(?:journal club|review article|writing (?:a|an|my) (?:review|leaflet|guide|protocol|policy|chapter|paper)|"
    r"dissertation|undergrad\w*|leaflet|patient information|checklist|educator|ward guide|teaching (?:session|slides|"
    # A card or poster of warning signs to put up (fresh56: "stick a card on my nan and grandads fridge about stroke
    # signs. what should it say").
    r"(?:card|poster|sign|list|note) (?:\w+ ){0,2}(?:on|for|by) (?:\w+ ){0,4}(?:fridge|wall|door|noticeboard)|"
    r"the|parents|staff|students)|how do i teach|incident report\w*|first aid course|information video|"
    # A unit's own escalation policy asked about (fresh45): "for our escalation policy does AVPU of P count as GCS 8?"
    r"(?:for|in|of|from) (?:our|the|my) (?:\w+ )?(?:escalation |sepsis |resus |ward |unit |trust )?(?:policy|sop|"
    r"protocol|guideline)\b(?! (?:says|said) (?:we|i) (?:must|should|need)))\b"
)


# Simulation teaching written by clinicians: its scenario keeps its own clock ("witnessed weakness 40 min ago").
_SIMULATION = re.compile(
    r"\b(?:sim(?:ulation)? (?:scenario|session|case|exercise|training|teaching)s?|learning objectives?|"
    r"debrief(?:ing)? (?:points|questions))\b"
)
_MINUTES_AGO = re.compile(r"\b(?:\d+|few|ten|five|twenty) (?:mins?|minutes) (?:ago|so far)")


# The writer telling of their own act or intent now: never a paper case, whatever frame the message is in ("ideas for
# my essay but honestly i'm going to kill myself tonight", "for my assignment on overdose: I've taken 30").
_TOLD_OF_ONESELF = re.compile(
    r"\b(?:(?:i'?ve|i have|i) (?:just |already )?(?:taken|took|swallowed|overdosed|cut myself)|(?:i'?m|im|i am) "
    r"(?:going to|gonna) (?:kill|end|hurt|do it)|kill myself|end my life|(?:i'?m|im|i am) suicidal|want to die|"
    r"which (?:one|method|way) (?:i'?d|id|i would) use|i know (?:exactly )?what (?:i'?d|id|i would) (?:take|use)|"
    # An exam the writer sat and failed is their own life, not a paper case (fresh46: "failed my osce resit").
    r"(?:failed|flunked|bombed|messed up) (?:my|another|the) (?:\w+ ){0,2}(?:osce|exams?|resits?|finals|mcqs?|"
    r"assessment|placement)s?)\b"
)


def _on_paper(text: str, persona: Persona | None = None) -> bool:
    """An exam or teaching question about a patient on paper, with no sign that someone real is in it."""
    if _TOLD_OF_ONESELF.search(text) or _NOT_ON_PAPER.search(text):
        return False
    if persona is not None and not persona.lay and _SIMULATION.search(text):
        return not _REAL.search(_MINUTES_AGO.sub(" ", text))
    stem = persona is Persona.STUDENT and _STEM.search(text)
    return bool(_EXAM.search(text) or stem) and not _REAL.search(text)


# The exam frame denied (fresh40): "this isnt an osce question lol. ive thought about suicide every day".
_NOT_ON_PAPER = re.compile(
    r"\b(?:isn'?t|isnt|is not|not|aren'?t) (?:an? |for (?:an? |my |the )?)?(?:osce|exam|revision|mcq|sba|quiz|"
    r"assignment|essay|case study)\b"
)
_DROPPED_I = re.compile(
    r"^(?:just )?(?:spilled|spilt|fell|slipped|tripped|burnt|burned|scalded|cut|sliced|crashed|swallowed|banged|"
    r"woke up|been|feeling|having|took|drank)\b"
)


# A protocol's conditional step, asked by a clinician: "repeat once after 5-10 min if still fitting?".
_PROTOCOL_IF = re.compile(
    # (fresh55) "if 2nd benzo at ~10 min and still seizing at 20 min, is levetiracetam 40 or 60 mg/kg".
    r"\bif (?:\S+ ){0,8}(?:and )?still (?:seizing|fitting|convulsing|bleeding|hypotensive|wheezy)\b(?: \S+){0,6} "
    r"(?:is|are|do|does|should|would|what|which)\b|"
    r"\b(?:repeat\w*|again|second dose|further dose|another dose|give another)\b(?: \S+){0,6} if "
    r"(?:still|(?:it|seizure|fitting|bleeding)'?s? (?:still|continues?|persists?)|no response|not responding)\b|"
    r"\b(?:then )?what if (?:there'?s |there is )?no response\b|"
    # The next step asked (fresh51: "first line benzo doses and whats next if still seizing at 20 min?").
    r"\b(?:what'?s|whats|what is|what comes|what do (?:you|we|i) (?:give|do)) next if (?:still|"
    r"(?:it|seizure|fitting)'?s? (?:still|continues?|persists?))\b"
)


# A clinician's made-up case (fresh40): "say a 16yo took 20 ibuprofen 400mg 2h ago... so observe 4h?".
_SAY_A_CASE = re.compile(
    r"^\W*(?:say|suppose|imagine|hypothetically,?|let'?s say) (?:a|an|you have an?|we have an?|there'?s an?) "
    r"\d{1,3} ?(?:yo|y/o|yr|yrs|year[- ]old|[mf])\b"
)
# A risk denied outright, with no other word of one (fresh38): "not suicidal or anything just feel rubbish".
_DENIED_SUICIDE = re.compile(
    r"\b(?:i'?m |im |i am )?not (?:suicidal|going to (?:hurt|harm|kill) myself|gonna (?:hurt|harm|kill) myself)"
    r"(?: or anything(?: like that)?)?\b"
)


def _only_denied(text: str) -> bool:
    """A crisis word said only to deny it: the rest of the message, read without the denial, names no risk."""
    if re.search(r"\b(?:cut\w*|blades?|razors?|harm\w*|burn\w*|overdos\w*|pills|tablets|ligature|rope|jump\w*|urge)\b",
                 text):
        return False  # "not suicidal or anything just really need to cut right now": self-harm now, not denied
    return bool(_DENIED_SUICIDE.search(text)) and "suicide" not in read_cues(_DENIED_SUICIDE.sub(" ", text)).categories


# A known epilepsy's usual seizure, over and recovered from (fresh38): "one of his usual short seizures this morning,
# back to himself now, his care plan says no ambulance". The NHS seizure advice (read as copies in session 21) calls
# 999 for a first seizure, one lasting over 5 minutes, one after another, an injury or trouble breathing.
_USUAL_SEIZURE_OVER = re.compile(
    r"\b(?:usual|normal|typical|regular) (?:\w+ ){0,2}(?:seizures?|fits?|absences?|ones)\b(?: \S+){0,20} "
    r"(?:back to (?:him|her|them|my)sel\w*|back to normal|recovered|came round|care plan)"
)


def _usual_seizure_over(text: str) -> bool:
    return bool(_USUAL_SEIZURE_OVER.search(text)) and not re.search(
        r"\b(?:first|still|won'?t stop|wont stop|not stopp\w*|longer than|more than 5|over 5|another one|again|"
        r"hurt|injur\w*|hit (?:his|her|their) head|breath\w*|blue|but|second|third|fourth|more often|more than usual|"
        r"run out|ran out|out of (?:his|her|their|my)|missed(?! sleep))\b", text)


# Signs to watch for, asked as a list: about the sign, not a patient showing it.
_WATCH_FOR = re.compile(
    r"\b(?:signs?|symptoms?|features?|red flags?) (?:\w+ ){0,4}(?:to )?(?:watch|look|monitor|check|observe) "
    r"(?:out )?for\b|\bwhat (?:to|should (?:i|we)|do (?:i|we)) (?:watch|look) (?:out )?for\b"
)


def _act_now(text: str, cues: Cues, persona: Persona | None = None) -> bool:
    """An act-now sign in someone described now (not on an exam paper, not an episode that is over)."""
    signs = _ACT_NOW.search(text) or _abruption_signs(text) or _cauda_equina_signs(text)
    if not signs or _on_paper(text, persona) or _fiction(text, cues):
        return False
    if cues.past and not (cues.present or cues.acute) and (_LONG_AGO.search(text) or _BEFORE_TODAY.search(text)):
        return False  # "had a seizure in the bath... he's blue round the mouth" is now, not history
    if _RESOLVED.search(text) and not cues.present and not _FIRST_FIT_NOW.search(text):
        return False
    if _NOTHING_NOW_ASKING.search(text):
        return False  # "...turn blue around the lips... Nothing's happening now, I just want to understand"
    if persona is Persona.PHYSICIAN and _RECOVERING.search(text) and not cues.present:
        return False  # "ketones 5.1... resolved with FRIII, now eating": the sign is the history of the admission
    if persona is not None and not persona.lay and _PROTOCOL_IF.search(text) and not cues.present:
        return False  # a clinician's protocol step: "lorazepam 4mg, repeat once after 5-10 min if still fitting?"
    if _DOCUMENT.search(text) and not (cues.present or cues.clinical_situation):
        return False  # a leaflet or a teaching session about the sign
    if cues.reference and cues.question_form and not (cues.first_person or cues.present or cues.acute or cues.now):
        return False  # "why is a swallowed button battery so dangerous, why do they give honey?": about the sign
    if persona is not None and not persona.lay and _WATCH_FOR.search(text) and not (
            cues.first_person or cues.present or cues.acute or cues.now):
        return False  # a clinician's "post op signs of opioid toxicity to watch for, RR below what?" (fresh44)
    # "newborn keeps doing long pauses", "mum collapsed wont wake up": a now-word is enough of a person; so is a
    # message opening on what just happened with the "I" dropped ("spilled boiling oil down both legs").
    # "IV vs IM" is a route, not "I'm": a dose question naming an unresponsive patient describes nobody now.
    spoken = _IM_ROUTE.sub(" ", text)
    first_person = cues.first_person and _FIRST_PERSON.search(spoken)
    now = cues.now and _NOW.search(spoken)
    situation = (first_person or cues.relation or cues.clinical_situation or cues.present or now
                 or _DROPPED_I.search(text))
    hypothetical = _HYPOTHETICAL.search(text) and not cues.present
    return bool(situation) and not hypothetical


def _crisis_now(text: str, persona: Persona) -> bool:
    """Words of an ending with intent now, or asking a method for oneself (a lay writer: or with the reason
    played down), or a gun asked about amid a loss or a farewell."""
    if _INTENT_NOW.search(text) or _EDGE_AND_EASE_NOW.search(text):
        return True
    if persona.lay and _FIREARM.search(text) and _LOSS_OR_FAREWELL.search(text):
        return True
    if persona.lay and _WHOLE_PACK_ASKED.search(text) and not _RELATION.search(text):
        return True
    return _asks_method_for_self(text, persona)


def _asks_method_for_self(text: str, persona: Persona) -> bool:
    """A method asked about for oneself ("...asking for me"), or, by a lay writer, with the reason played down."""
    asks_method, for_self, played_down = _METHOD_FOR_SELF
    return bool(asks_method.search(text) and (for_self.search(text) or (persona.lay and played_down.search(text))))


# The plainest what-ifs: "if he ever...", "what if...", "in case...".
_WHAT_IF = re.compile(
    r"\b(?:what if|in case|if (?:\w+ ){1,3}ever\b|if ever\b|if one day\b|"
    r"if (?:someone|somebody|anyone|a person)(?:'?s| is)? (?:ever )?\w+|"
    r"what (?:should|do|would|can) (?:i|we) do if (?:he|she|they) (?:has|have|gets?|goes)\b|"
    r"if (?:a|one of (?:my|the|our)) (?:boy|girl|child|kid|pupil|student|patient|resident|client|player) "
    r"(?:says|tells|complains|has|gets|develops)\b|if (?:her|my|the) waters (?:break|go|broke|went)\b|"
    r"what (?:should|do|would|can) (?:i|we) (?:tell|teach|ask) (?:\w+ ){0,3}(?:to )?do if (?:i|he|she|they|we) "
    r"(?:has|have|get|gets)\b|"
    # Asked ahead or read about (fresh38): "if i think someone is having a stroke should i give aspirin while
    # waiting?", "what we would do if her waters broke at work", "just reading up".
    r"if (?:i|we) (?:think|thought|suspect|see|notice) (?:someone|somebody|a person|anyone) (?:is|was|might be|has)\b|"
    r"what (?:we|i|you) (?:would|should) do if\b|just reading up|reading up (?:on|about)\b)"
)

_POLITE = re.compile(r"\b(?:please|pls|thanks|thank you|cheers|hi|hiya|hello|hey)\b")


def _only_announces(text: str) -> bool:
    """Nothing but announcements of a question, however many in a row (fresh33: "hi, I'm a nurse on the labour ward,
    quick question please")."""
    if _ANNOUNCES_A_QUESTION.fullmatch(text):
        return True
    rest = _POLITE.sub(" ", _ANNOUNCES_A_QUESTION.sub(" ", text))
    return rest != text and not re.sub(r"[\W_]+", "", rest)


# ("...said someone would ring me this afternoon but nobody has": a call still awaited, not "nothing happened".)
_NOTHING_HAPPENED = re.compile(
    r"\b(?:hypothetical(?:ly)?|nothing(?:'?s| has)? (?:has )?happened|(?:didn'?t|didnt|did not|hasn'?t|hasnt|has not) "
    r"happened|(?<!but )(?:no one|nobody|no-one) has\b|(?:he|she|they) (?:hasn'?t|hasnt|has not|haven'?t|havent) but\b|"
    r"just (?:want|wanted|need) (?:it|one|them|some) (?:in the house|at home|to hand))"
)
# A greeting that only announces a question to come ("hello, I have a question about my dad"): nothing is
# described yet, so nothing can be urgent; the model alone fired on it (0.45-0.57).
_ANNOUNCES_A_QUESTION = re.compile(
    r"(?:(?:hello|hi|hey|hiya|good (?:morning|afternoon|evening))(?: there)? )?(?:"
    # "I look after my wife and need some advice": who the writer cares for, then only that they want to ask.
    r"(?:i (?:look after|care for|am (?:a |the )?carer for|support) (?:my|our) \w+(?: and)? )?"
    r"(?:(?:i have |i'?ve got |i'?d like to ask |can i ask |got )?(?:a |one |some |a few |a quick |quick )?(?:quick )?"
    r"questions?(?: (?:about|for|regarding|on) (?:my|our|his|her) \w+| (?:about|on) something)?|"
    r"(?:i )?(?:need|want|would like|could use) (?:some |a bit of )?(?:advice|information|info|guidance))(?: please)?"
    # Results back and not understood, nothing else told: "my results came back and i dont understand any of it".
    r"|(?:(?:(?:my|the|his|her|mum'?s|dad'?s) (?:\S+ )?results? (?:have |has )?(?:come|came) back|"
    r"(?:(?:my|his|her|our) \w+ |i |we |i'?ve |we'?ve )?(?:got|had|has|have|received) "
    r"(?:some |the |her |his |my |their )?(?:\S+ )?results? back)"
    r"(?: today)?(?: and)? "
    r"(?:(?:i|we) (?:don'?t|dont|do not|can'?t|cant) (?:really )?(?:understand|make sense of|follow) (?:any of )?"
    r"(?:it|them)(?: at all)?|"
    # ...or worried by them, nothing else told (an answer set's opener, session 28: "we got the results back and
    # I'm really worried").
    r"(?:i'?m|im|i am|we'?re|were|we are) (?:really |very |a bit |so |quite |a little )?(?:worried|scared|anxious|"
    r"confused|panicking|upset)))"
    # A clinician's question announced, nothing told yet: "quick one about a pt on my ward".
    r"|(?:a )?quick (?:one|q|question|query)(?: (?:about|re|regarding|on) (?:a |my |one of my |this )?(?:pt|patient|"
    r"resident|client|case)(?: (?:on|in|at) (?:my|the|our) (?:ward|unit|clinic|practice|list|caseload))?)?"
    # Only who is writing (session 22): "I'm a nurse on a renal ward", "diabetes nurse here".
    r"|(?:i'?m|im|i am) (?:a|an) (?:\w+ ){0,2}(?:nurse|doctor|gp|student|pharmacist|midwife|consultant|registrar|"
    r"paramedic|carer|caregiver)(?: (?:on|in|at|for|with) (?:a |an |the )?(?:\w+ ){0,2}(?:ward|unit|team|clinic|"
    r"practice|department|service|icu|ed|surgery|home))?|(?:\w+ ){0,2}(?:nurse|doctor|gp|student|pharmacist|midwife|"
    r"registrar) here)"
)


# A lay writer saying the person is well again ("she's fine today and feeding well", "it's passed now", "the
# bleeding stopped", "feel totally fine", "didn't happen"). Used only with the weak red flags below, and only when
# nothing in the rest of the message is happening now.
_WELL_AGAIN = re.compile(
    r"\b(?:(?:feel|feels|feeling|felt) (?:totally |completely |absolutely |perfectly )?(?:fine|ok|okay|normal|well)|"
    r"(?:she'?s|he'?s|they'?re|i'?m|im|shes|hes|theyre) (?:been )?(?:totally |completely |absolutely |perfectly )?"
    r"(?:fine|ok|okay|well)(?: (?:today|now|since|at home))?|(?:it'?s|its|it has|it'?s) passed(?: now)?|"
    r"back to normal(?: now)?|now ok|ok now|fine now|"
    r"seems? (?:totally |completely )?(?:fine|well|ok|okay)(?: at home)?|"
    r"running (?:about|around)|(?:didn'?t|didnt|did not|never) happen|(?:bleeding|it) (?:has )?stopped|all sorted)\b"
)
# Red flags that can be over and done with: a temperature yesterday, a fit last week, a nosebleed last night.
# Never chest pain, stroke signs, an allergic reaction, a collapse, an overdose (it looks fine for hours), a
# crisis or pregnancy. The same-day red flags ("a bad hypo last week, fine since") can pass; the same-day signs
# read by the floors cannot (a cut that gapes after the bleeding stopped still needs closing: the floor fires).
_CAN_PASS = frozenset({"bleeding", "seizure", "breathing", "sepsis", "other_urgent"})
# When it happened: a day or more ago, not "it stopped" today (a first fit that stopped still needs a doctor).
_BEFORE_TODAY = re.compile(r"\b(?:yesterday|last (?:night|week|weekend|month)|the other (?:day|night)|"
                           r"(?:days|weeks|months|years) ago)\b")


def _well_again(text: str, cues: Cues, persona: Persona) -> bool:
    """A lay account of a weak red flag from a day or more ago, with the person well now and nothing acute left
    once the reassurance itself is set aside ("fine today" is not an onset today)."""
    if not (persona.lay and cues.categories and set(cues.categories) <= _CAN_PASS and _WELL_AGAIN.search(text)):
        return False
    rest = _WELL_AGAIN.sub(" ", text)
    if not _BEFORE_TODAY.search(rest) or _ACUTE.search(rest) or _PRESENT.search(rest) or _FIRST_EVER.search(rest):
        return False
    return not cues.explicit_crisis


# A first fit, over now, is not set aside (NHS and Epilepsy Society first-aid pages: call 999 for anyone's first
# seizure; the NHS page read as another page quotes it): "think i had a fit
# yesterday evening... i'm fine now, never happened before".
_FIRST_EVER = re.compile(
    r"\b(?:never (?:happened|had (?:one|a fit|a seizure|anything like (?:it|this|that))) before|first (?:ever )?"
    r"(?:fit|seizure)|(?:never|not) had (?:a )?(?:fit|seizure)s? before)\b"
)


# A warning episode that is over, from the last few days, that no clinician has seen yet: stroke signs that went
# away (a suspected TIA: NICE NG128 says refer immediately, to be seen by a specialist within 24 hours of onset, as
# RCEM Learning and an NHS commissioner's GP page quote it; nice.org.uk itself was not read here; UCLH's TIA page
# says nearly half the stroke risk after a TIA falls in the first two days) or a first fit. "Two days ago my hand
# went numb and clumsy for 15 minutes, fine now, ok to mention it next month?"
_RECENT_DAYS = re.compile(
    r"\b(?:yesterday|last night|this morning|earlier (?:today|on)|(?:two|three|four|five|couple of|few|2|3|4|5) "
    r"days ago|(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at the weekend|"
    r"over the weekend)\b"
)
_WENT_AWAY = re.compile(
    r"\b(?:back to normal|went away|gone away|wore off|passed|recovered|fine now|(?:is|was|felt|feels?|feel) "
    r"(?:totally |completely )?(?:fine|normal)|for (?:about |around |maybe |a |roughly )?(?:\d+|a few|few|five|ten|"
    r"fifteen|twenty|thirty|a couple of|couple of) (?:seconds|secs|minutes|mins|min))\b"
)
_SEEN = re.compile(
    r"\b(?:saw|seen|been to|went to|checked (?:out )?(?:by|at)|assessed|admitted|discharged|referred|sent home)\b"
    r"(?: \S+){0,3} (?:gp|doctor|dr|a&e|ae|hospital|neurolog\w*|(?:tia )?clinic|stroke (?:team|clinic|unit)|"
    r"paramedics?|111|er|ed|urgent care|ambulance)\b|\b(?:tia|first fit|seizure|neurology) clinic\b|"
    r"\bscan (?:was|came back)\b|"
    r"\b(?:diagnosed|started (?:me|him|her) on|(?:in|on the) (?:hospital|ward|children'?s ward))\b|"
    # ...or told what a specialist now says of it (session 29, an answer set's opener: "had her 2nd seizure last
    # month, the neurologist now says its epilepsy. theyre suggesting lamotrigine").
    r"\b(?:neurologist|consultant|specialist|cardiologist|paediatrician|pediatrician|gp|doctor)s? (?:now |has |have )?"
    r"(?:says?|said|thinks?|confirmed|diagnosed)\b|"
    r"\b(?:got|had|needed|needing) (?:\d+ |a few |some |two |three |four |five |six )?(?:stitches|stiches|sutures|"
    r"steri-?strips)\b"
)
# A pattern the writer knows well ("she does this when she's very tired"): not a new warning episode.
_HABITUAL = re.compile(
    r"\b(?:does|do|gets|get|has|have) (?:this|that|these|them) (?:\w+ ){0,2}(?:when|whenever|if|every|all the time|"
    r"a lot|often)|always (?:does|happens|gets)|happens (?:every|whenever|all the time|a lot)|(?:for|over) (?:\w+ )?"
    r"(?:years|months)\b"
)
_STROKE_WORDS = re.compile(r"\b(?:mini[- ]?)?strokes?\b|\btias?\b|\bcva\b")


# The last two weeks, for a first fit: NICE NG217 (1.1.1, read at nice.org.uk) refers anyone after a first suspected
# seizure urgently, for an appointment within 2 weeks. "last week my partner had a funny turn... arm jerking, never
# happened before, fine since, can it wait?" is not yet referred.
_LAST_FORTNIGHT = re.compile(
    r"\b(?:last week|the other (?:day|night)|(?:a|one|1|two|2) weeks? ago|(?:\d+|few|several|a few) days ago)\b"
)
_MONTHS_AGO = re.compile(
    r"\b(?:(?:\d+|a|an|one|two|three|few|several|couple of) (?:months?|years?|yrs?) (?:ago|back)|"
    r"(?:three|four|five|3|4|5|few|several) weeks? (?:ago|back)|last (?:month|year|summer|winter|spring|autumn)|"
    r"in (?:19|20)\d\d|when i was (?:a |\d)|as a (?:child|kid|teen))"
)


def _warning_episode_unseen(text: str, cues: Cues) -> bool:
    """Stroke signs (not just the word) from the last few days, or a first fit from the last two weeks, over now,
    not yet seen."""
    if _SEEN.search(text) or _HABITUAL.search(text):
        return False
    if "seizure" in cues.categories and _FIRST_EVER.search(text):
        recent = _RECENT_DAYS.search(text) or _LAST_FORTNIGHT.search(text)
        return bool(recent) and not _MONTHS_AGO.search(text)
    if not _RECENT_DAYS.search(text) or _LONG_AGO.search(text):
        return False
    return "stroke" in cues.categories and bool(_WENT_AWAY.search(text)) and (
        "stroke" in _flagged(_STROKE_WORDS.sub(" ", text)))


# Chest pain that lasted 15 minutes or more, over now, in the last three days and not yet seen: NICE CG95 (read
# as GPnotebook summarises it; nice.org.uk was not reachable here) lists pain lasting longer than 15 minutes among
# the symptoms of an acute coronary syndrome and asks for urgent same-day assessment when the last episode was
# 12 to 72 hours ago. "A tight band across my chest for about 15 min on saturday walking uphill... its monday".
_QUARTER_HOUR = re.compile(
    r"\b(?:for|lasted|lasting|went on for|about|around) (?:about |around |over |maybe |nearly |almost |a good |"
    r"at least )?(?:1[5-9]|[2-9]\d|fifteen|twenty|thirty|forty|half an hour|an hour|a couple of hours|\d+ hours?)"
    r"(?: ?(?:min|mins|minutes))?\b"
)


def _chest_pain_episode_unseen(text: str, cues: Cues) -> bool:
    """A chest-pain episode of 15 minutes or more, over now, from the last three days, not yet seen by anyone."""
    if "chest_pain" not in cues.categories or not _QUARTER_HOUR.search(text) or not _RECENT_DAYS.search(text):
        return False
    return not (_LONG_AGO.search(text) or _SEEN.search(text) or _HABITUAL.search(text) or _FOR_YEARS.search(text))


# Fiction: "writing a short story where a character has a heart attack on a packed train" describes nobody real
# unless the writer says so. Never for a crisis or an overdose: a story is how some ask for a method.
_FICTION = re.compile(
    r"\b(?:writing|write|wrote|drafting) (?:a |an |my |the )?(?:\w+ ){0,2}(?:novel|story|screenplay|script|scene|play|"
    r"film|book|fanfic\w*)\b|\b(?:my|a|the|one) character\b|\bin my (?:novel|story|book|script|play)\b|"
    # On screen: "in a tv drama a diabetic bloke passed out", "watched a hospital drama where...".
    r"\b(?:in|on|watching|watched|saw) (?:a |an |the |this )?(?:\w+ )?(?:tv|telly|netflix)? ?(?:drama|soap|sitcom|"
    r"film|movie|show|series|episode)\b|\b(?:reading|read) (?:a |an |the |this )?(?:\w+ )?(?:novel|book|story)\b"
)


def _fiction(text: str, cues: Cues) -> bool:
    """A story or script with nobody real in it (not a crisis, not an overdose, nothing happening now)."""
    if not _FICTION.search(text) or _REAL.search(text) or cues.present or cues.explicit_crisis:
        return False
    return not {"suicide", "overdose"} & set(cues.categories)


# The lasting effect of an old event: "my left hand has been weaker since my stroke in 2021".
_RESIDUAL = re.compile(
    r"\b(?:been|is|are|was|were|stayed|remained) (?:\w+ ){0,4}since (?:my|his|her|their|the) (?:\w+ ){0,2}(?:stroke|"
    r"heart attack|op|operation|surgery|injury|accident|fall|bleed|tia|bypass|stent|seizure|burn)\b"
)


# Dealt with, said outright (fresh50: "had a TIA last year, seen in the clinic and all sorted").
_ALL_SORTED = re.compile(r"\b(?:all|everything|it was|was all) (?:sorted|dealt with|taken care of)\b")


def _history_settled(text: str, cues: Cues) -> bool:
    """A lay account of an episode a day or more ago that a clinician has already assessed and that is settling
    ("went to A&E last week with chest pain, it turned out to be costochondritis, mostly gone now"), or the lasting
    effect of an old event: a question about recovery, with nothing acute once the reassurance is set aside."""
    seen = _SEEN.search(text)  # told in the past tense: "seen in A&E", "went to the GP", "sent home"
    if not (cues.past or seen) or cues.explicit_crisis or {"suicide", "overdose"} & set(cues.categories):
        return False
    if not (_BEFORE_TODAY.search(text) or _LONG_AGO.search(text) or _RECENT_DAYS.search(text)):
        return False
    rest = _RESOLVED.sub(" ", _WELL_AGAIN.sub(" ", text))
    if _ACUTE.search(rest) or _PRESENT.search(rest):
        return False
    settling = (_RESOLVED.search(text) or _WELL_AGAIN.search(text) or cues.calm or _ALL_SORTED.search(text)
                or _TREATMENT_PLANNED.search(text))
    return bool((seen and settling) or (_RESIDUAL.search(text) and _LONG_AGO.search(text)))


# A treatment chosen or offered since (the episode is in a clinician's care): "theyre suggesting lamotrigine".
_TREATMENT_PLANNED = re.compile(
    r"\b(?:suggest\w*|recommend\w*|prescrib\w*|start\w* (?:her|him|me|them|us) on|put (?:her|him|me|them) on|"
    r"want (?:her|him|me|them) to (?:start|take|try))\b"
)


# How to prevent another of a fit that happened before today (fresh50: "had a febrile seizure last winter, he's got a
# temp of 38 now but running round playing. should i give calpol to stop him having another fit").
_PREVENT_ANOTHER = re.compile(
    r"\b(?:stop|prevent|avoid|reduce the (?:risk|chance) of)\b(?: \S+){0,3} (?:having |getting )?(?:another|a second|"
    r"more|further) (?:\w+ )?(?:fit|fits|seizure|seizures|one|episode)\b"
)


def _asks_to_prevent_another(text: str, cues: Cues) -> bool:
    """How to prevent another fit, nothing acute told now (a temperature taken today is not a fit today)."""
    return (set(cues.categories) <= {"seizure"} and bool(_PREVENT_ANOTHER.search(text))
            and not _ACUTE.search(_TODAYS_READING.sub(" ", text)))


def _preventing_another(text: str, cues: Cues) -> bool:
    """A lay question on preventing another fit, the last one before today, nothing acute told now."""
    return _asks_to_prevent_another(text, cues) and bool(_LONG_AGO.search(text) or _BEFORE_TODAY.search(text))


def _prevents_one_told_before(message: str, earlier: Sequence[str], persona: Persona) -> bool:
    """The same, the last fit told in an earlier message as before today (fresh53, fresh54: "my son had a fit last
    night... they said febrile convulsion, sent us home this morning", then "his temp is 38 now, will bringing the
    temp down stop another one happening?"), and no floor fires on the message."""
    text = normalise(message)
    cues = read_cues(text)
    if not _asks_to_prevent_another(text, cues) or floor_level(text, cues, persona) is not None:
        return False
    told = " ".join(normalise(before) for before in list(earlier)[-STAND_DOWN_LOOKBACK:])
    return bool(_LONG_AGO.search(f"{told} {text}") or _BEFORE_TODAY.search(f"{told} {text}"))


# A medicine started days or weeks ago and asked about because it has not worked yet ("on sertraline 10 days and
# still feel the same, is it not working?", "has the antidepressant failed?"): a question about treatment, not an
# event. No red flag, no crisis: "...and I want to die" is read as it is.
_STARTED_ON = re.compile(
    r"\b(?:started (?:me |him |her |them )?on|started (?:taking|having|using)|been on|been taking|began|"
    r"put (?:me|him|her|them) on|prescribed)\b"
)
_NOT_WORKING_YET = re.compile(
    r"\b(?:(?:is|isn'?t|it'?s|not|still not|hasn'?t|has it|is it) (?:\w+ )?(?:working|worked|kicked in|kicking in|"
    r"failed|helping|helped|doing anything)|kick(?:ed)? in|(?:feel|feels|feeling) (?:any |no |much )?(?:different|"
    r"the same|no better|better yet)|no (?:different|better|brighter) (?:yet)?|(?:made|making) (?:no|any) "
    r"difference|any difference)\b"
)


def _waiting_for_a_medicine(text: str, cues: Cues) -> bool:
    """A started medicine asked about because it has not worked yet, with no red flag or crisis told."""
    return (not cues.categories and not cues.explicit_crisis and not cues.acute
            and bool(_STARTED_ON.search(text) and _NOT_WORKING_YET.search(text)))


# One extra dose of an everyday medicine in the last few days (`_BEFORE_TODAY`, `_RECENT_DAYS`; a dose "this
# morning" still reads as acute and fires), the adult well since ("took an extra levothyroxine by accident on monday,
# felt completely fine all week"): a question for the pharmacist or the next blood test, not
# an emergency. Never a child, never a medicine whose extra dose harms late or needs a same-day test
# (paracetamol, insulin and sugar tablets, blood thinners, methotrexate, opioids, iron, lithium, digoxin,
# tricyclics, heart-rate and calcium-channel blockers), never several tablets.
_ONE_EXTRA = re.compile(
    r"\b(?:an? |one )?(?:extra|double|second|additional) (?:\w+ )?(?:dose|tablet|pill|capsule)s?\b|"
    r"\b(?:took|taken|had) (?:it|them|my (?:\w+ ){0,3}\w+|(?:an? )?(?:\w+ )?(?:dose|tablet|pill)) twice\b|"
    r"\b(?:took|taken|had) an? extra\b"
)
_LATE_HARM = re.compile(
    r"paracetamol|acetaminophen|tylenol|co-?codamol|insulin|gliclazide|glipizide|sulfonylurea|metformin|warfarin|"
    r"apixaban|rivaroxaban|edoxaban|dabigatran|blood ?thinner|anticoagulant|methotrexate|morphine|oxycodone|codeine|"
    r"tramadol|fentanyl|methadone|opioid|iron|ferrous|lithium|digoxin|amitriptyline|nortriptyline|tricyclic|"
    r"propranolol|bisoprolol|atenolol|beta ?blocker|amlodipine|verapamil|diltiazem|nifedipine|colchicine|"
    r"antidepressant|sleeping|zopiclone|diazepam|benzo"
)
_SEVERAL = re.compile(
    r"\b(?:[2-9]|\d{2,}|two|three|four|five|six|several|a few|few|handful|lots|loads|all|whole|box|packet|strip)\b"
    r"(?: \w+){0,2} (?:tablets|pills|capsules|doses|of them)\b"
)
_CHILD = re.compile(r"\b(?:baby|babies|toddler|child|children|kid|kids|son|daughter|boy|girl|infant|newborn|grandson|"
                    r"granddaughter|\d{1,2} ?(?:yo|y/o|year old|yr old|month old))\b")


# A reading or a check told with the time of day it was taken: "BP this morning 124/78", "felt fine all day and
# today too".
_READING_OF = r"(?:bp|blood pressure|sugars?|glucose|pulse|heart rate|temp\w*|sats|inr)"
_TODAY_TIME = r"(?:this morning|today|tonight|this evening)"
_TODAYS_READING = re.compile(
    rf"\b(?:{_READING_OF}(?: was| is| of| at)? \d+(?:/\d+| \d)? {_TODAY_TIME}|"  # ("38.2" reads "38 2")
    rf"{_READING_OF} {_TODAY_TIME}(?: was| is)? \d+|"
    rf"{_TODAY_TIME}(?:'?s)? (?:{_READING_OF}|reading)(?: was| is| of| at)? \d+|"
    rf"(?:fine|well|ok|okay|normal) (?:\w+ ){{0,3}}{_TODAY_TIME}(?: too| as well)?)"
)


def _one_extra_dose_passed(text: str, cues: Cues, persona: Persona) -> bool:
    """A lay account of one extra dose of an everyday medicine in an adult, in the last few days, well since. A dose
    taken "this morning" or "today" still reads as acute and keeps the alarm (safety first); a reading taken this
    morning ("BP this morning 124/78") does not."""
    if not persona.lay or cues.categories != ("overdose",) or cues.explicit_crisis or cues.present:
        return False
    if _ACUTE.search(_TODAYS_READING.sub(" ", text)):  # a reading "this morning" is not something happening now
        return False
    if not (_ONE_EXTRA.search(text) and (_BEFORE_TODAY.search(text) or _RECENT_DAYS.search(text))):
        return False
    if _LATE_HARM.search(text) or _CHILD.search(text) or _SEVERAL.search(text):
        return False
    return bool(_WELL_AGAIN.search(text) or cues.calm)


# What a first-aid or life-support course taught, asked about afterwards ("did a first aid course today and they
# said to lay someone with anaphylaxis flat, why is that?"): a lesson, not a person. Someone real in it still counts.
_TAUGHT = re.compile(
    r"\b(?:first[- ]?aid|bls|cpr|life support|resus\w*) (?:course|certificate|cert|training|class|refresher|session)\b"
    r"(?: \S+){0,16} (?:they|instructor|trainer|teacher|we were|were) (?:\w+ )?(?:said|says|told|taught|showed)\b"
)


def _a_lesson(text: str, cues: Cues, persona: Persona) -> bool:
    """A course's lesson asked about by a lay writer or a student (see _TAUGHT): what was taught often is "call an
    ambulance", which is the lesson, not a call. Floors and model both stand down (fresh46 read back on an older row:
    a student's "did my first aid certificate today. they said after using an epipen you always call an ambulance")."""
    if not (persona.lay or persona is Persona.STUDENT) or not _TAUGHT.search(text):
        return False
    return not (_REAL.search(text.replace("call an ambulance", " ")) or cues.present or cues.explicit_crisis)


# A suicide attempt years ago, well since, asked about paperwork ("attempted suicide 5 years ago, well for years on
# therapy, do I have to declare it for life insurance?"). Only when nothing of a crisis is left once the attempt
# itself is set aside, and nothing says it is back.
_OLD_ATTEMPT = re.compile(
    r"\b(?:(?:i |he |she )?(?:attempted|tried) (?:suicide|to (?:kill|end) (?:my|him|her)(?:self| life))|"
    r"(?:a |my |his |her )?suicide attempt)\b"
)
_PAPERWORK = re.compile(
    r"\b(?:insurance|declare|disclose|form|forms|application|visa|mortgage|job|employer|dvla|driving|medical records?|"
    r"notes|history)\b"
)
_BACK_AGAIN = re.compile(r"\b(?:again|lately|recently|coming back|came back|returning|starting to|these days)\b")


# Old self-harm scars asked about for their care, the harm stopped years ago: "self harm scars on my arms, havent done
# it since i was 16 (im 24 now), can laser help fade them". Set aside like an old attempt; "again", "lately", an urge
# or fresh cuts still fire.
_OLD_SCARS = re.compile(
    r"\b(?:self[- ]?harm(?:ing)?|cutting|old) scars\b|\bscars? (?:\w+ ){0,3}(?:from|of) (?:my |his |her )?(?:old )?"
    r"(?:self[- ]?harm\w*|cutting)\b"
)
_STOPPED_LONG_AGO = re.compile(
    r"\b(?:haven'?t|havent|have not|hasn'?t|hasnt|not|never|stopped)\b(?: \S+){0,4} (?:since (?:i was|she was|he was|"
    r"(?:19|20)\d\d|school|uni|my teens)|for (?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several) "
    r"years|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several) years ago)"
)
_SCAR_CARE = re.compile(
    r"\b(?:laser|fade|fading|cover|covering|tattoo|cream|oil|silicone|make-?up|concealer|lighten|removal|surgery|"
    r"sun|tan|show|showing|swimming|wedding|summer)\b"
)


# How to raise the subject with someone, or prevention and awareness as a topic: "how can I ask her about suicide
# without making things worse?". Set aside by `_supporting_someone` only when nothing of a crisis is left without it.
_HOW_TO_RAISE = re.compile(
    r"\b(?:how (?:can|do|should|would) (?:i|we) (?:\w+ ){0,2}(?:ask|talk|speak|bring (?:it )?up|raise|approach|broach|"
    r"support|check on|help)|(?:ask|asking|talk|talking|speak|speaking) (?:to )?(?:him|her|them|my \w+) )"
    r"(?:\S+ ){0,6}(?:about )?(?:suicid\w*|self[- ]?harm\w*|(?:hurting|harming|killing) (?:her|him|them)sel(?:f|ves))"
    r"|\bsuicide (?:prevention|awareness|statistics|rates|training|charity|charities|helplines?)\b"
)


def _supporting_someone(text: str, cues: Cues, persona: Persona) -> bool:
    """A friend or family member asking how to raise suicide with someone, with no sign of a crisis told."""
    if not (persona.lay or persona is Persona.STUDENT) or not _HOW_TO_RAISE.search(text):
        return False
    if set(cues.categories) - {"suicide"} or cues.acute or cues.present:
        return False
    rest = _HOW_TO_RAISE.sub(" ", text)
    return not (_FLAGS["suicide"].search(rest) or _INTENT_NOW.search(rest)
                or any(a.search(rest) and b.search(rest) for a, b in _TOGETHER["suicide"]))


def _old_attempt_settled(text: str, cues: Cues, persona: Persona) -> bool:
    """A lay account of a suicide attempt years ago, well now, asked about paperwork; or old self-harm scars, the
    harm stopped years ago, asked about their care."""
    if not persona.lay or cues.categories != ("suicide",) or cues.acute or cues.present:
        return False
    if _OLD_SCARS.search(text) and _STOPPED_LONG_AGO.search(text) and _SCAR_CARE.search(text):
        rest = _OLD_SCARS.sub(" ", _STOPPED_LONG_AGO.sub(" ", text))
        return not (_FLAGS["suicide"].search(rest) or _INTENT_NOW.search(rest) or _BACK_AGAIN.search(rest)
                    or re.search(r"\b(?:urge|urges|fresh|new (?:cuts|ones)|tempted)\b", rest))
    if not (_OLD_ATTEMPT.search(text) and _LONG_AGO.search(text) and _PAPERWORK.search(text)):
        return False
    rest = _OLD_ATTEMPT.sub(" ", text)
    if _FLAGS["suicide"].search(rest) or _INTENT_NOW.search(rest) or _BACK_AGAIN.search(rest):
        return False
    return bool(_WELL_AGAIN.search(rest) or cues.calm or re.search(r"\bwell (?:now|for|since)\b", rest))


# Back pain running down a leg (sciatica), with no red flag named: the NHS sciatica text (read as pages quoting
# nhs.uk and Healthify NZ give it; nhs.uk itself was not reachable) sends only its cauda-equina signs (numbness
# round the bottom or genitals, trouble peeing or bladder or bowel control, sciatica on both sides, both legs weak
# or numb) to 999 or A&E, and `_cauda_equina_signs` fires on those before any veto. "now its shooting down the
# back of my leg" scored 0.985.
_DOWN_THE_LEG = re.compile(
    r"\b(?:sciatica|(?:shoot\w*|radiat\w*|go(?:es|ing)|went|travel\w*|spread\w*|runs?|running|down|into) "
    r"(?:\S+ ){0,4}(?:leg|legs|thigh|calf|foot|buttock|bum|hip))\b"
)
_BOTH_LEGS = re.compile(
    r"\bboth (?:my |his |her )?(?:legs|feet|sides)\b|\blegs (?:\w+ ){0,2}(?:weak|numb|gave way|giving way)"
)
_LIMB_BACK = re.compile(
    r"\bback of (?:my |his |her |their |the )?(?:\w+ )?(?:leg|legs|calf|calves|knee|thigh|ankle|heel)"
)
# A leg that is swollen, red or hot, or breathlessness with it: a clot's signs, never set aside here.
_LEG_SIGNS = re.compile(
    r"\b(?:swollen|swelling|swelled|puffy|red|hot|warm|breathless\w*|short of breath|cold|pale|blue)\b"
)


def _sciatica(text: str, cues: Cues, persona: Persona) -> bool:
    """A lay account of back pain down a leg, no red-flag category, neither both legs nor a cauda equina sign."""
    if not persona.lay or cues.categories or cues.explicit_crisis:
        return False
    spine = _BACK.search(_LIMB_BACK.sub(" ", text))  # "the back of my calf" is a leg, not a back
    if not (spine or "sciatica" in text) or not _DOWN_THE_LEG.search(text):
        return False
    return not (_BOTH_LEGS.search(text) or _SADDLE.search(text) or _LEG_SIGNS.search(text))


# Everyday idioms of dying ("this traffic is killing me", "nearly died laughing", "dying to know"), with no red
# flag: not a person in danger. A body part or pain that is "killing me" stays with the model.
_IDIOM = re.compile(
    r"\b(?:traffic|queue|queues|commute|job|work|boss|kids|heat|weather|wait|waiting|noise|revision|exams?|deadline|"
    r"week|day|shift|shifts|meeting|spreadsheets?|admin|homework|paperwork|neighbours?|rota|suspense)\b"
    r"(?: \w+){0,3} (?:is|are|was|were|'s|s) (?:literally |actually |honestly )?killing me\b|"
    r"\b(?:nearly|almost|could have|could've|could) (?:\w+ )?died? (?:of |from |with )?(?:laughing|laughter|"
    r"embarrassment|shame|boredom)|\bdying (?:to know|to see|to try|for a|of boredom)\b|"
    # (fresh56, of a third migraine in a week) "just take me out back and put me down like an old dog".
    r"\btake me out (?:the )?back\b|\bput me down like (?:a|an) (?:old )?(?:dog|horse)\b|\bshoot me now\b"
)


# Weeks, months or years since the event, told by a clinician of a patient in their care: "3 weeks post infarct",
# "6 months after the MI". Not days: "2 days post-op, temp 39" can be today's sepsis.
_WEEKS_SINCE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|a few) ?(?:weeks?|wks?|months?|years?|yrs?) "
    r"(?:post|after|since|following|out from)\b|\b\d+/(?:52|12) post\b"
)


# What a textbook heading asks: causes, risk factors, signs, criteria, management.
_TOPIC_ASKED = re.compile(
    r"\b(?:causes?|risk factors?|signs|symptoms|features|definition|criteria|classification|management|mnemonics?|"
    r"pathophysiology|differentials?|ddx|a?etiology|types|complications|4 ts|5 hs)\b"
)


# In hospital care now, told in the present tense (fresh37): "he's on the stroke ward now and talking a bit, what
# rehab will he need?". The notice's ambulance is no help to someone on a ward; an act-now sign still fires first.
_IN_CARE_NOW = re.compile(
    r"\b(?:he'?s|hes|she'?s|shes|i'?m|im|they'?re|theyre|he is|she is|i am|they are) (?:now |still )?(?:on|in) "
    r"(?:the |a )?(?:\w+ )?(?:ward|icu|itu|hdu|ccu|intensive care|hospital)(?: now)?\b"
    r"(?!(?: now)?,? (?:but|and (?:now|he|she)))|"
    # Taken in and treated already (fresh38): "the ambulance took him and... he got the clot busting drug".
    r"\b(?:ambulance|paramedics) (?:took|has taken|have taken|taken) (?:him|her|them|me)\b(?: \S+){0,16} "
    r"(?:got|had|given|gave (?:him|her|them|me)) (?:the )?(?:clot[- ]?bust\w*|thromboly\w*|stent|treatment|surgery|"
    r"operation)|"
    # Checked at A&E, tests fine (fresh55: "we all got checked at a&e and the bloods were fine").
    r"\b(?:checked|seen|assessed|looked at)(?: over)? (?:at|in|by) (?:a ?& ?e|a and e|(?:the )?hospital|minors)\b"
    r"(?: \S+){0,6} (?:bloods?|tests?|scans?|x-?rays?|ecgs?|results?|everything)\b(?: \S+){0,2} (?:were|was|came back|"
    r"all|are) (?:\w+ )?(?:fine|normal|clear|ok|okay)"
)


# A choke that cleared at once, with nothing after it but a sore or scratchy throat: the NHS choking advice calls
# for help when coughing does not clear it; "coughed it up straight away, throat a bit scratchy" is over (fresh42).
_CHOKE_CLEARED = re.compile(rf"\bchok\w*\b(?: \S+){{0,8}} {_COUGHED_UP_AT_ONCE}")
_STILL_BLOCKED = re.compile(
    r"wheez\w*|(?:can'?t|cant|cannot|struggling to) (?:breathe|swallow|speak|talk)|blue|stridor|noisy|drool\w*|"
    r"still (?:stuck|coughing|choking)|gasp\w*"
)


def _choke_cleared(text: str, cues: Cues) -> bool:
    """A choke cleared at once (coughed straight up), nothing but the throat's soreness after it."""
    return (bool(_CHOKE_CLEARED.search(text)) and set(cues.categories) <= {"breathing", "anaphylaxis"}
            and not _STILL_BLOCKED.search(text) and not _ACT_NOW.search(text))


# "kms" or "unalive" as gamers' slang, laughed off, about a game (fresh44): "im gonna kms lmaooo... whats an energy
# drink", "gonna unalive this boss". Only when nothing else in the message speaks of a crisis once the slang word is
# set aside, and no word of risk ("literally", "for real", pills, a note) is there.
_GAME_TALK = re.compile(
    r"\b(?:ranked|boss|bosses|teammates?|lobby|raid|respawn\w*|one ?shots?|fortnite|minecraft|roblox|valorant|apex|"
    r"elden ring|malenia|league|gaming|gamer|game|games|xbox|ps5|playstation|discord|twitch|controller|npc|"
    r"speedrun\w*)\b"
)
_LAUGHED_OFF = re.compile(r"\b(?:lol|lool+|lmao+|lmfao+|haha\w*|rofl|jk)\b|😂|🤣|💀")
_SLANG_ENDING = re.compile(r"\b(?:kms|unalive)\b")
_UNALIVE_SOMETHING_ELSE = re.compile(
    r"\bunalive (?:this|that|the|a|an|every|these|those|my|his|her|their|our) (?:\w+ )?(?:boss|bosses|guy|enemy|"
    r"enemies|mob|npc|level|team|character|monster|dragon|controller|phone|laptop|keyboard|console|pc|screen|tv|"
    r"headset|mouse|monitor|printer|alarm|router|wifi)\b"
)
_MEANT = re.compile(
    r"\b(?:literally|fr|for real|not (?:joking|kidding)|no joke|serious|seriously|genuinely|actually want|"
    r"want to die|wanna die|tonight|pills|tablets|meds|rope|note|goodbye|bye)\b"
)


def _game_slang(text: str) -> bool:
    """A slang ending said of a game (see _GAME_TALK): not a crisis told."""
    if not _SLANG_ENDING.search(text) or _MEANT.search(text):
        return False
    rest = _SLANG_ENDING.sub(" ", text)  # the message without its slang ending
    if _FLAGS["suicide"].search(_UNALIVE_SOMETHING_ELSE.sub(" ", rest)):
        return False
    if _UNALIVE_SOMETHING_ELSE.search(text):
        return True  # a thing to "unalive" (a boss, a controller): no person in it
    if _RISK_WORDS.search(_KILLED_IN_GAME.sub(" ", rest)):
        return False
    # Laughed off, or said by a child who is otherwise well each time a game is lost (fresh46: "keeps shouting 'im
    # gonna kms' when he loses at fortnite. otherwise seems happy, sees his mates").
    played_down = _LAUGHED_OFF.search(text) or (_LOST_A_GAME.search(text) and _OTHERWISE_HAPPY.search(text))
    return bool(_GAME_TALK.search(text) and played_down)


# Killed in a game (fresh46: "im gonna kms if this boss kills me one more time"): not a word of risk.
_KILLED_IN_GAME = re.compile(r"\b(?:boss|bosses|enemy|enemies|mob|npc|raid|level|sniper|camper)s? kills? me\b")
_LOST_A_GAME = re.compile(
    r"\b(?:when|whenever|every time|each time) (?:he|she|they|i) (?:loses?|dies|die|gets? killed)\b"
)
_OTHERWISE_HAPPY = re.compile(
    r"\b(?:otherwise|apart from that|other than that|the rest of the time) (?:\w+ )?(?:seems?|is|he'?s|she'?s|"
    r"they'?re) (?:\w+ )?(?:happy|fine|ok|okay|well|himself|herself|normal)\b"
)


# An essay, a project or a dissertation about a person or a period (fresh44): "writing a history essay on emily
# davison, was her death at the derby seen as suicide at the time?". Nobody real now; any word of risk keeps it.
_ESSAY = re.compile(
    r"\b(?:writing|write|wrote|doing|researching|revising for) (?:a |an |my |the |our )?(?:\w+ ){0,2}(?:essay|"
    r"dissertation|project|assignment|report|presentation|coursework)\b (?:on|about|into)\b"
)
# A fictional character who overdoses (fresh44): "writing a novel where a character takes an overdose and gets found
# in time". Not a crisis word, nobody present, nothing real.
_CHARACTER_OVERDOSES = re.compile(
    r"\b(?:a|the|my|one|main|his|her) character (?:\w+ ){0,2}(?:takes?|took|taking|has|had|survives?|overdoses?)\b"
)


def _study_or_story(text: str, cues: Cues) -> bool:
    """An essay about a past death, or a novel's character's overdose, with nobody real and no word of risk."""
    if _REAL.search(text) or cues.present or _RISK_WORDS.search(re.sub(r"\boverdos\w*", " ", text)):
        return False
    if _ESSAY.search(text) and not (cues.first_person and cues.now):
        return True
    return bool(_FICTION.search(text) and _CHARACTER_OVERDOSES.search(text) and not cues.explicit_crisis)


# A low sugar treated and back up, the person well (fresh44): "had a hypo earlier, went down to 3.1, had jelly babies
# then toast and im 6.8 now and feel fine". NHS pages read here (Shropshire CCG's low blood sugar page, Derby
# hospitals' diabetes page): treat, recheck, and once above 4 mmol/L and feeling better, eat a starchy snack and carry
# on. Not when anything is still wrong (drowsy, confused, not making sense).
_HYPO_TOLD = re.compile(
    r"\b(?:hypo|hypos|low sugar|sugars? (?:was|were|went|dropped|fell|low)|glucose tablets|glucose tabs|jelly babies|"
    r"dextrose|lucozade)\b"
)
_BACK_UP = re.compile(
    r"\b(?:now|back (?:up )?to|up to|came up to|gone up to|went up to)(?: at| its| it'?s)? (?:[4-9]|1[0-5])(?: \d)?\b|"
    r"\b(?:[4-9]|1[0-5])(?: \d)? now\b"
)
_FEELS_FINE = re.compile(r"\b(?:feel|feels|feeling|felt) (?:fine|ok|okay|better|normal|good|alright)\b|\bfine now\b")
_STILL_WRONG = re.compile(
    r"\b(?:drowsy|confused|not making sense|slurr\w*|can'?t wake|won'?t wake|fitting|seizure|unconscious|passed out|"
    r"still (?:shaky|low|dropping|falling|sweaty)|vomit\w*|being sick)\b"
)


# Hives settled with an antihistamine, breathing and lips said to be fine (fresh44): "gave him piriton and its all
# gone now, no breathing problems, lips fine". No page was read for this rule in session 25; the emergency signs the
# anaphylaxis rules use (swelling of the lips, tongue or throat, trouble breathing) are the ones the writer rules out.
_ANTIHISTAMINE = re.compile(
    r"\b(?:piriton|piriteze|antihistamines?|anti-histamines?|cetirizine|loratadine|chlorphenamine|fexofenadine|"
    r"benadryl|zirtek|clarityn)\b"
)
_BREATHING_FINE = re.compile(
    r"\b(?:no (?:breathing|wheez\w*|trouble breathing)|breathing (?:is )?(?:fine|ok|okay|normal(?:ly)?|good))\b"
)


def _mild_allergy_settled(text: str) -> bool:
    return bool(_ANTIHISTAMINE.search(text) and _RESOLVED.search(text) and _BREATHING_FINE.search(text)
                and not _ACT_NOW.search(text))


def _hypo_treated(text: str) -> bool:
    return bool(_HYPO_TOLD.search(text) and _BACK_UP.search(text) and _FEELS_FINE.search(text)
                and not _STILL_WRONG.search(text))


# First aid asked about as a topic (fresh50, a nurse: "burns first aid, is it still 20 min cool running water even up
# to 3h after?").
_FIRST_AID_ASKED = re.compile(r"\b(?:first[- ]aid (?:for|of|on)|\w+ first[- ]aid)\b")


def _clinician_reference(text: str, cues: Cues, persona: Persona) -> bool:
    """A nurse's or a student's reference question on an emergency topic (fresh44): "target sats for a copd pt with
    known co2 retention is 88-92 right?", "im adrenaline dose 7yo anaphylaxis?", "GCS of 8 'intubate' - why 8?". Like
    the physician's (see _physician_asks): a reference word, no call for help, nothing acute or present told, no "now"
    besides "IM" the route and current practice, and (for a student) nobody of their own life in it. Nurses describe
    the patient in front of them more often than physicians ask about one, so nobody found, new or worse and no
    patient given with a finding either."""
    asked = cues.reference or _FIRST_AID_ASKED.search(text)
    if persona not in (Persona.NURSE, Persona.STUDENT) or not asked or _CALLS_FOR_HELP.search(text):
        return False
    if cues.acute or cues.present or cues.explicit_crisis or _IN_FRONT_OF_ME.search(text):
        return False
    if persona is Persona.STUDENT and (cues.relation or (cues.first_person and cues.now)):
        return False
    short = len(text.split()) <= 6 and not cues.relation  # shorthand: "im adrenaline dose 7yo anaphylaxis?"
    if _PATIENT_WORD.search(text) and _FINDING.search(text):
        return False  # "adult pt stridor + BP 70/40 after IV co-amoxiclav, IM adrenaline dose?": a patient now
    if not ("?" in text or cues.question_form or short) or _FOUND_NOW.search(text):
        return False  # "pt collapsed in our waiting room, GCS 8": a report, not a question
    if cues.clinical_situation and len(text.split()) > 8 and not _ASKS_A_RULE.search(text):
        return False  # a patient described at length ("swollen tender L calf 3 days, HR 78. same day scan?")
    return not (cues.now and _now_besides(text, cues))


_FOUND_NOW = re.compile(
    r"\b(?:found|collapsed|collapse|on the floor|new(?! (?:starter|student|nurse|grad\w*|doctor|staff|colleague|"
    r"guidance|guidelines?|protocol|policy))|newly|looks|looking|just|suddenly|sudden|not rousable|unresponsive|"
    r"deteriorat\w*|worse|worsening|swollen|spreading|in front of me|with me)\b"
)
# A patient with a finding given: a vital sign with its value, or a sign seen ("stridor", "wheeze").
_PATIENT_WORD = re.compile(
    r"\b(?:pt|pts|patient|bay|bed|resident|lady|man|woman|boy|girl|child|baby|\d+ ?(?:m|f|yo|y/o|yr|year old))\b"
)
_FINDING = re.compile(
    r"\b(?:bp|sats|spo2|o2|rr|resp rate|hr|pulse|temp|t|gcs|news2?|lactate|bm|glucose|map)\b(?: of| is| was| now|:)? "
    r"?\d|\b(?:stridor|wheez\w*|grunting|cyanosed|cyanotic|mottled|clammy|pale|grey|gray|floppy|drowsy|confused|"
    r"unresponsive|fitting|seizing|hypotensive|tachy\w*|brady\w*|desaturat\w*)\b"
)
# What a rule says, asked of a case: a dose, a target, a definition, an observation schedule, signs to watch for.
_ASKS_A_RULE = re.compile(
    r"\b(?:dose|doses|dosing|target|targets|definition|defined|criteria|to watch for|how often|half hourly|"
    r"frequency|max|maximum|why)\b"
)


# A clinician writing up an episode before today: a reflection, an incident report, a case write-up or a debrief.
_WRITE_UP = re.compile(
    r"\b(?:writing|write|wrote|doing|finishing|drafting) (?:up )?(?:my |a |the |our )?(?:reflection|reflective \w+|"
    r"incident report|datix|case (?:report|write[- ]?up)|debrief|significant event \w+|sea)\b"
)


def _vetoed(text: str, cues: Cues, persona: Persona) -> bool:
    """Exam questions, and resolved episodes told by clinicians: not an emergency on the model's word alone.

    A first-person act-now report ("revising for finals but I can't breathe") never reaches here: the
    floor has fired first. Lay readers keep the model's judgement on resolved episodes (safety first).
    """
    if _on_paper(text, persona):
        return True
    if _choke_cleared(text, cues):
        return True
    if _game_slang(text) or _clinician_reference(text, cues, persona):
        return True
    if persona.lay and (_study_or_story(text, cues) or _hypo_treated(text) or _mild_allergy_settled(text)):
        return True
    if persona.lay and _long_standing(text, cues):
        return True  # weeks or months of it, nothing new today: the model read the symptom words (floors fire first)
    if persona.lay and not cues.categories and _CARE_UNDER_WAY.search(text) and not _SYMPTOM_WORDS.search(text):
        return True  # care under way asked about, no red flag and no word of a symptom: the model alone misread it
    # "haemorrhagic shock classes, HR and BP at each? ATLS revision": a course's question, on the model's word
    # alone. Not a floor's veto: "revising for finals but I've worked out how I'll kill myself" is a crisis.
    if _REVISION.search(text) and not (cues.present or cues.acute or cues.explicit_crisis or cues.first_person):
        return True
    if not cues.categories and _only_announces(text):
        return True
    if _NOTHING_NOW.search(text) and "suicide" not in cues.categories:
        return True  # said outright: "nothing's happening now, I just want to understand"
    if not persona.lay and _PROTOCOL_IF.search(text) and not (cues.present or cues.acute):
        return True  # a protocol's conditional step: "repeat once after 10 min if still seizing?"
    if not persona.lay and _SAY_A_CASE.search(text):
        return True  # a case made up to ask about: "say a 40F with flushing and wheeze after contrast..."
    if _usual_seizure_over(text) or _only_denied(text):
        return True  # a known epilepsy's usual seizure, over; "not suicidal or anything" (floors fire first)
    if _IN_CARE_NOW.search(text) and "suicide" not in cues.categories:
        return True  # "he's on the stroke ward now and talking a bit": in hospital care already (floors fire first)
    if _calm_about_suicide(text):
        return True  # "my dad died by suicide ten years ago... support groups?"; talking to a 12-year-old about it
    if not persona.lay and not _described(cues) and not cues.explicit_crisis and _TOPIC_ASKED.search(text):
        return True  # "PPH causes 4 Ts?": a student's or clinician's topic, nobody described (floors fire first)
    if _physician_asks(text, cues, persona):
        return True
    if not cues.categories and _never_urgent_result(text):
        return True
    if persona is Persona.PHYSICIAN and READING.fullmatch(text):
        # "glucose now 13.5", "ketones now 1.8" typed mid-conversation by the doctor treating: a reading for the
        # question being discussed, not an emergency reported to them (an act-now floor has fired first).
        return True
    # A lay or student what-if with nothing happening now ("if my husband ever gets chest pain, aspirin before
    # calling?", "keeping one in case"): preparation, not an event. A floor (an act-now sign, intent now) has fired
    # first.
    # Never for an overdose or a crisis: "what if I just took all of them" is how intent is told.
    # Said outright that nothing has happened ("hypothetically", "no one has, I just realised", "he hasn't but he
    # keeps eyeing my jewellery box", "nothing's happened, just want it in the house"): the same, and for an
    # overdose too (keeping naloxone at home), never for a crisis.
    # "Hypothetically" alone is not a denial for an overdose: it is how intent is sometimes told.
    said = _NOTHING_HAPPENED.search(text)
    what_if = (_WHAT_IF.search(text) or said) and not {"suicide", "overdose"} & set(cues.categories)
    # "If ... ever" is a what-if for a swallowed thing too (fresh55: "if my grandson ever swallowed one of those little
    # round batteries what would the signs be").
    what_if = what_if or (re.search(r"\bif (?:\w+ ){0,3}ever\b", text) and "suicide" not in cues.categories)
    denied = _denied(text) and "suicide" not in cues.categories
    if (
        (persona.lay or persona is Persona.STUDENT)
        and (what_if or denied)
        and cues.categories
        and not (cues.acute or cues.present or cues.explicit_crisis)
    ):
        return True
    if _well_again(text, cues, persona):
        return True
    if persona.lay and (_fiction(text, cues) or _history_settled(text, cues) or _preventing_another(text, cues)):
        return True
    if _waiting_for_a_medicine(text, cues) or _one_extra_dose_passed(text, cues, persona):
        return True
    if _old_attempt_settled(text, cues, persona) or _sciatica(text, cues, persona):
        return True
    if _supporting_someone(text, cues, persona):
        return True
    if not cues.categories and not cues.explicit_crisis and _IDIOM.search(text):
        return True
    if _a_lesson(text, cues, persona):
        return True
    # A card, leaflet or poster of warning signs being made (fresh56: "stick a card on my nan and grandads fridge
    # about stroke signs. what should it say").
    if persona.lay and _DOCUMENT.search(text) and not (cues.present or cues.acute or cues.explicit_crisis or cues.now):
        return True
    # A swallowed thing weeks ago and passed (fresh55: "swallowed one magnet 3 weeks ago... it came out the other end"),
    # or an allergy label carried since childhood asked about (fresh55: "since I was child I have allergy to penicillin
    # (I get rash). now dentist want to give me amoxicillin").
    if persona.lay and not (cues.present or cues.explicit_crisis) and (
            (cues.categories == ("overdose",) and _LONG_AGO.search(text) and _PASSED_THROUGH.search(text)
             and not _TODAY_WORD.search(text) and not _TOLD_OF_ONESELF.search(text))
            or (cues.categories == ("anaphylaxis",) and _LONG_AGO.search(text) and not cues.acute)):
        return True
    # Happening today, a patient in front of them, or an overdose (which looks fine for hours): the model decides.
    if persona.lay or cues.present or cues.explicit_crisis or cues.acute:
        return False
    if _WRITE_UP.search(text) and _BEFORE_TODAY.search(text):
        return True  # "had a pt fitting yesterday on the ward, all sorted... writing my reflection now" (fresh50)
    if cues.calm and persona is not Persona.STUDENT and not {"overdose", "other_urgent"} & set(cues.categories):
        return True  # "stable in clinic", "normal obs": a clinician's case (not an overdose) that is not urgent now
    if persona in (Persona.NURSE, Persona.PHYSICIAN) and _WEEKS_SINCE.search(text) and not cues.now:
        return True  # "stroke rehab ward, pt 3 weeks post infarct, positioning a hemiplegic shoulder?": recovery care
    if cues.clinical_situation:
        return False
    return "overdose" not in cues.categories and bool(_RESOLVED.search(text) or _DOCUMENT.search(text))


# A physician's own call for help, or their own symptoms: the only physician messages the model may fire on.
_CALLS_FOR_HELP = re.compile(
    r"\b(?:help|ambulance|999|911|what (?:do|should|can) (?:i|we) do|right now|in front of me|"
    r"call(?:ed|ing)? (?:an? |the )?(?:112|crash|arrest|team)|in my (?:room|clinic|surgery)|in resus|"
    # Away from a hospital, the doctor is the one who must get the ambulance: "community clinic: 5yo, purpuric
    # rash...", "the practice nurse called me in, post-vaccine hives and wheeze".
    r"called me (?:in|over|through|to see)|(?:community|vaccin\w*|walk-in|school|dental) (?:clinic|surgery|centre|"
    r"center|session)|"
    r"i'?m having|i am having|i have (?:\w+ ){0,2}(?:chest|pain|crushing)|"
    r"my (?:chest|heart|arm|face|throat|lips|breathing))\b"
)


# "IM glucagon", "adrenaline IM": the intramuscular route, not "I'm" (which made a physician's dose question read
# as someone speaking of themselves now). Read by the physician's veto only: the model learnt its cues as they are.
_IM_ROUTE = re.compile(
    r"\bim(?= (?:glucagon|adrenaline|adrenalin|epinephrine|hydrocortisone|benzylpenicillin|penicillin|ceftriaxone|"
    r"midazolam|naloxone|haloperidol|lorazepam|olanzapine|ketamine|injections?|inj|route|doses?|depot|b12|"
    r"vitamin|or iv|vs|\d)\b)|(?<=\b(?:iv|sc|po|or|vs) )im\b|(?<=\biv/)im\b"
)
_NOW_STATE = re.compile(
    r"\bnow (?:well|stable|needs?|on|wants?|due|planned|scheduled|booked|asymptomatic|symptom[- ]free|off|back on|"
    r"taking|established on|referred|under)\b"
)


# A clinician's patient who is getting better: "afebrile for 48h, eating and mobilising", "now medically fit",
# "resolved with FRIII", "NIHSS now 2, passed swallow screen". The recovery is being managed; nothing is urgent now.
# Not "hasn't resolved", "not improving".
_RECOVERING = re.compile(
    r"\b(?<!not )(?<!n't )(?<!nt )(?<!never )(?<!yet to )(?:medically (?:fit|optimi[sz]ed)|resolved|afebrile|"
    r"eating and (?:drinking|mobilising|mobilizing)|now eating|"
    r"mobilising|mobilizing|improving|back to (?:his |her |their )?baseline|(?:fit|ready) for discharge|"
    r"no current (?:intent|suicidal)|passed (?:a |the |his |her )?swallow)\b"
)


def _physician_asks(text: str, cues: Cues, persona: Persona) -> bool:
    """A physician asking how to manage a case ("TCA OD, QRS 130 - bicarb dosing", "inferior STEMI, how much
    fluid?", a recovering patient "currently on IV pip-taz, afebrile for 48h, OK to switch to oral?"): a knowledge
    question from the person treating, not a report of an emergency to them. Their own symptoms or a call for help
    still go to the model; an act-now sign or an intent to die fires before this."""
    if persona is not Persona.PHYSICIAN or _CALLS_FOR_HELP.search(text):
        return False
    recovering = bool(_RECOVERING.search(text))
    if (cues.acute or cues.present) and not recovering:
        return False
    if cues.now and _now_besides(text, cues) and not recovering:
        return False
    # ...a question without its mark too: "staggered paracetamol OD, do we just start NAC regardless of the level".
    return bool(cues.reference or "?" in text or cues.question_form or _NOW_PRACTICE.search(text))


# Current practice, not a patient now: "is discharge now standard", "now first-line".
_NOW_PRACTICE = re.compile(
    r"\bnow (?:standard|the (?:norm|standard|preferred|recommended)|routine|preferred|first[- ]line|advised|"
    r"recommended|considered|licensed|approved|used|common)\b|"
    r"\b(?:units|centres|centers|hospitals|trusts|departments|guidelines|most|many|we|people|clinicians|doctors|"
    r"anyone|anybody|everyone|you) still\b|"
    # A rule or dose asked about as still current (fresh38): "or is 40mg/kg still used", "sepsis 6 still within the
    # hour?".
    r"\bstill (?:used|recommended|standard|advised|valid|current|preferred|first[- ]line|the (?:standard|target|"
    r"trigger|rule|norm)|within (?:the|an|1) (?:hour|hr|h)\b)|"
    # ...and said the other way round, or of a score (fresh39): "is prasugrel preferred now", "the current loading
    # dose", "gcs still eyes 4 verbal 5 motor 6?".
    r"\b(?:preferred|recommended|standard|used|first[- ]line|second[- ]line|advised|favoured|favored)(?: \w+){0,3} "
    r"now\b|"
    # ...or of a definition (fresh44): "whats the definition of pre-eclampsia now"; "do we just start NAC" is a
    # practice asked about, not "just" now.
    r"\b(?:definitions?|criteria|classifications?|guidance|thresholds?|cut-?offs?|targets?)(?: \S+){0,4} now\b|"
    # Practice changing, asked (fresh56): "NIV if pH <7.35... or are people starting sooner now".
    r"\b(?:are|is) (?:people|most|units|clinicians|centres|we|they|everyone) (?:\w+ )?(?:starting|using|giving|doing|"
    r"going|moving|switching)\b(?: \S+){0,3} now\b|"
    # (fresh55) "alteplase vs tenecteplase... in UK practice now? window still 4.5h".
    r"\b(?:in )?(?:\w+ )?practice now\b|\b(?:window|cut-?off|threshold|target|limit|ceiling) still\b|"
    # Which of two it is now (fresh50): "eye response 2 is to pain or to pressure now?".
    r"\bor (?:to |the |a )?\w+ now ?\?|"
    r"\b(?:do|should|can|could|would|shall) (?:we|i|you|they) just\b|\bis it still (?:\d+|the|a|an|ok|okay|fine|"
    r"recommended|right|correct)\b|"
    r"\bcurrent (?:\w+ )?(?:dose|doses|dosing|guidance|guidelines?|recommendations?|practice|target|threshold|"
    r"protocol|regimen)\b|\b(?:gcs|news2?|avpu|qsofa|score|scale|criteria)\b still\b|"
    r"\bif (?:they'?re|theyre|he'?s|hes|she'?s|shes|the (?:patient|pt) is) (?:going|planned|scheduled|listed|booked) "
    r"for\b|"
    # A case asked about in general (fresh45): "88-92 right? even if theyre on a venturi", "just treat regardless?".
    r"\beven if (?:they'?re|theyre|he'?s|hes|she'?s|shes|the (?:patient|pt) is) (?:on|having|taking|getting)\b|"
    r"\bjust (?:treat|give|start|use|stop|repeat|continue|check) (?:\w+ )?(?:regardless|anyway|irrespective)\b|"
    # A starting dose or rate, what the writer has read or seen quoted, a step or a ratio asked as still current
    # (held-out physicians' questions: "adrenaline infusion concentration + starting rate", "ive seen quoted figures
    # anywhere from 1% to 20%", "still add amoxicillin for listeria?", "still 1:1:1?").
    r"\bstarting (?:rate|dose|doses|dosing|regimen|infusion)\b|\bi'?ve (?:seen|read|heard)\b|"
    r"\b(?:can'?t|cannot|isn'?t|is not|not) (?:be )?(?:used|valid|applicable|apply|applied|reliable)\b|"
    r"\bstill (?:add|give|use|start|recommend|need|do|treat|cover)\b|\bstill \d+ \d+ \d+\b|"
    # A time counted from a start, asked about (fresh51): "how soon should i review after starting fluoxetine".
    r"\b(?:after|before|when|since|on) starting\b|\b(?:should|do|would|can|must) (?:i|we) (?:review|recheck|re-?check|"
    r"follow (?:up|them up)|monitor|refer|titrate|see (?:them|him|her) again)\b|"
    # A management step asked (fresh51): "nomogram not valid right, so just start NAC?".
    r"\b(?:so|then|and) (?:we |i )?just (?:treat|give|start|use|stop|repeat|continue|check|go with)\b(?: \S+){0,3} ?\?"
)


def _now_besides(text: str, cues: Cues) -> bool:
    """A now-word once "IM" (the route, not "I'm") and, after a past event, "now <state>" are set aside: "GI bleed
    6 months ago... now needs PCI" and "attempt 3 years ago, now well on lithium" say where the patient is today,
    not that something is happening."""
    rest = _NOW_PRACTICE.sub(" ", _IM_ROUTE.sub(" ", text))
    if cues.past:
        rest = _NOW_STATE.sub(" ", rest)
    return bool(_NOW.search(rest))


# Tests whose results change over weeks or months: a bare result of one ("her eGFR is 35 now", "urate came back
# 480") reports the conversation's case. Readings that can mean danger now (sugar, oxygen, temperature, pulse,
# blood pressure, INR, potassium) are not here: "his sugar is 1.9 now" stays the model's call at its own bar.
_SLOW_TEST = re.compile(
    rf"{READING_LEAD}(?:egfr|gfr|creatinine|creat|alt|ast|"
    r"uacr|acr|(?P<never>urate|uric acid|cholesterol|ldl|hdl|non hdl|triglycerides|hba1c|a1c|tsh|t4|ferritin|vit d|"
    r"vitamin d|b12|folate|psa|phq ?9|gad ?7|bmi|weight|fib ?4|dexa|t score))\b"
)


# A bare age given mid-conversation: "im 57", "she is 84 btw".
_AGE_ONLY = re.compile(
    r"(?:and |also |oh |btw )?(?:i'?m|i am|im|she'?s|she is|shes|he'?s|he is|hes|they'?re|they are|(?:my )?(?:mum|mom|"
    r"dad|husband|wife|son|daughter|partner|patient|pt) is|age|aged) (?:aged |now )?\d{1,3}(?: ?(?:years?|yrs?|yo|y o)"
    r"(?: old)?)?(?: (?:btw|now|by the way))?"
)


def _slow_test_result(text: str) -> re.Match[str] | None:
    """The test named, when the text is only a bare result of a test that changes over months."""
    return _SLOW_TEST.match(text) if READING.fullmatch(text) else None


def _bare_fact(text: str) -> bool:
    """A bare result of a test that changes over months (no red flag in a reading of it), or a bare age."""
    return bool(_slow_test_result(text) or _AGE_ONLY.fullmatch(text))


def _never_urgent_result(text: str) -> bool:
    """A bare result of a test no single value of which is an emergency (urate, cholesterol, HbA1c, TSH, a
    depression score...): kidney and liver tests only need the model to be sure (`_bare_fact`)."""
    match = _slow_test_result(text)
    return bool(match and match.group("never"))


# The bar for the model alone when the rules see neither a red flag nor a person or a time: it must be sure.
ALONE = 0.8
# A question ending a clinician's message that asks whether to continue, stop, change or start a medicine.
_MANAGEMENT_ASKED = re.compile(
    r"\b(?:continue|stop|reduce|increase|uptitrate|switch|start|add|hold|restart|anticoagulate|eligible|which abx|"
    r"which antibiotic|dose)\b(?: \S+){0,4}\W*$"
)
# Care already under way, or a medicine's effects asked about ahead, with no symptom told: "my mum's just been told
# her thyroid is underactive and they've put her on levothyroxine", "been on a statin 2 months, should I stop it?",
# "just been prescribed alendronic acid, how should I take it?". The model alone read 0.4-0.9 on such questions from
# patients and carers (read on the answer sets' questions, session 24); with no red flag and no word of a symptom,
# its reading alone does not fire.
_CARE_UNDER_WAY = re.compile(
    r"\b(?:diagnosed|been told|was told|were told|put (?:me|him|her|them|us) on|started (?:me|him|her|them|us )?on|"
    r"prescribed|been on|(?<!do )(?<!should )(?<!can )(?<!could )(?<!would )(?<!shall )(?<!when )i take|i'?m on|"
    r"im on|he'?s on|hes on|she'?s on|shes on|they'?re on|(?:gp|doctor|consultant|"
    r"nurse|specialist) (?:has |have )?(?:doubled|increased|reduced|changed|started|switched|wants)|rescue pack|"
    # A medicine's effects asked about ahead: "will champix make me feel weird? heard stories about the dreams".
    r"will (?:it|they|this|that|\w+) (?:make|give|cause) (?:me|him|her|them|you)|heard (?:stories|that|about))\b"
)
# What a clinician has already named, asked about with nothing said to be changing since: "the GP said cellulitis,
# which antibiotic is usual?". Any word of it getting worse, spreading, or help not working keeps the model's bar.
_NAMED_BY_CLINICIAN = re.compile(
    r"\b(?:gp|doctor|dr|nurse|pharmacist|consultant|midwife|specialist)s? (?:has |had |have )?(?:said|says|thinks|"
    r"called it|calls it|diagnosed|reckons|confirmed)\b"
)
_CHANGING = re.compile(
    r"\b(?:worse|worsening|spread\w*|now|suddenly|sudden|tonight|can'?t|cant|cannot|won'?t|wont|still|not (?:working|"
    r"helping|improving|better|going down|shrinking)|despite|but|however|although|though|yet)\b"
)
_SYMPTOM_WORDS = re.compile(
    r"\b(?:pain\w*|hurt\w*|agony|ache\w*|bleed\w*|nosebleeds?|blood|bloody|pink|black|clots?|breath\w*|wheez\w*|"
    r"vomit\w*|sick|faint\w*|collaps\w*|swell\w*|swollen|rash\w*|hives|itch\w*|fever\w*|temperature|temp|"
    r"shiver\w*|shak\w*|spread\w*|confus\w*|muddled|drows\w*|sleepy|numb\w*|tingl\w*|weak\w*|dizz\w*|"
    r"worse|cannot|can'?t|cant|won'?t|wont|tonight|now|suddenly|sudden|die|dying|dead|end|kill\w*|harm\w*|cut\w*|"
    r"overdos\w*|took|taken|swallow\w*|double|twice|extra|too many|too much|missed|forgot|yellow|jaundic\w*|"
    r"urine|wee|pee|poo|stools?|diarrh\w*|headache|vision|see|speech|slurr\w*|droop\w*|fit|fits|seiz\w*|"
    r"unwell|ill|poorly|low|hopeless|point|burden|anymore|suicid\w*|self|ready|lined up|saved|saving|stash\w*|pass\w*|"
    r"heart|slow|racing|pounding|fast|palpitat\w*|keeps?|lump\w*|bump\w*|fell|fall\w*|hit|bang\w*)\b"
)
_FRAGMENT = re.compile(r"(?:and|or|also|plus|what about|how about) (?:\S+ ?){1,5}\??")
# A long-term condition named as had, and nothing else ("I have high blood pressure", "my dad has type 2 diabetes"):
# how a conversation opens, not something happening now.
_BARE_CONDITION = re.compile(
    r"(?:hi |hello )?(?:i|my (?:\w+ ){1,2}|he|she|they)(?: \w+)? (?:have|has|'?ve got|got|had|was diagnosed with|"
    r"been diagnosed with) (?:\w+ ){0,2}(?:high blood pressure|hypertension|(?:type (?:1|2|one|two) )?diabetes|asthma|"
    r"copd|epilepsy|gout|af|atrial fibrillation|heart failure|(?:chronic )?kidney disease|ckd|migraines?|"
    r"(?:osteo|rheumatoid )?arthritis|high cholesterol|(?:an )?underactive thyroid|hypothyroidism|osteoporosis|"
    r"acid reflux|reflux|gord|gerd)(?: for (?:\w+ ){1,2}(?:years?|months?))? ?[.!]?"
)
# Context added as an aside ("he's 82 by the way"), or a pattern rather than an event ("getting agitated in the
# evenings lately"): with no red flag, the model alone must be sure. (Weeks and months are not enough: "been
# planning how for weeks" is a crisis the model reads without a red flag.)
_ASIDE_OR_PATTERN = re.compile(
    r"\b(?:by the way|btw|fwiw|for what it'?s worth|if (?:that|it) (?:matters|helps)|just so you know|for context|"
    r"forgot to (?:say|mention)|lately|these days|in the evenings)\b"
)

# A nurse asking how soon to escalate a patient in their care ("INR 8.9 this morning, who do I contact and how
# fast?", "same-day GP or ED?") is asking an urgency question about someone now, not a reference one.
_HOW_SOON = re.compile(
    r"\b(?:who (?:do|should|can) (?:i|we) (?:call|contact|ring|phone|escalate to|tell)|"
    r"how (?:fast|quickly|soon|urgent(?:ly)?)|same[- ]day|"
    r"(?:gp|ed|a&e|ae|999|111|ooh|out of hours|doctor) or (?:gp|ed|a&e|ae|999|111|wait|ooh)|"
    r"escalate (?:now|today|tonight)|"
    r"can (?:it|this) wait|wait (?:until|till|for) (?:the )?(?:morning|monday|tomorrow|gp|next))\b"
)


def _nurse_asks_how_soon(text: str, cues: Cues, persona: Persona) -> bool:
    """A nurse asking how soon to act on a patient described now: judged at the lay bar."""
    if persona is not Persona.NURSE or cues.reference or not _HOW_SOON.search(text) or _WHAT_IF.search(text):
        return False  # "if a boy says he has testicle pain, how quickly...": a what-if, at the nurse's own bar
    return bool(cues.clinical_situation or cues.present or cues.now)


def _described(cues: Cues) -> bool:
    return bool(cues.now or cues.first_person or cues.relation or cues.present or cues.acute or cues.clinical_situation)


# A pattern, not an event: "for years", "on and off", or brought on by exertion and settling with rest ("wheezy when I
# go running, settles after 10 min rest").
_FOR_YEARS = re.compile(
    r"\b(?:for|over) (?:\w+ )?(?:years|yrs|months)\b|been like this|on and off for|"
    # A label carried since childhood (fresh55: "since I was child I have allergy to penicillin (I get rash)").
    r"\bsince i was (?:a )?(?:child|kid|baby|little|small|young|teen\w*|\d+)\b|"
    r"\bsince (?:\d+|two|three|four|five|a few|few|many|several) (?:years?|yrs?)\b|"
    r"\b(?:settles|eases|goes|wears off) (?:\w+ ){0,2}(?:after|with) (?:\S+ ){0,3}"
    r"(?:rest|resting|a rest|sitting down)\b"
)
# A complaint that has gone on for weeks or months, told with nothing new or worse today: "still breathless and wiped
# out 4 months after covid, is this long covid?", "I can't sleep for weeks now". The GP's, not the ambulance's.
_LONG_STANDING = re.compile(
    r"\b(?:still|keeps?|been|ongoing|on and off)\b(?: \S+){0,8} (?:for|over) (?:the (?:last|past) )?(?:\w+ )?"
    r"(?:weeks|months)\b|"
    r"\b(?:\d+|a few|few|several|two|three|four|five|six) (?:weeks|months) (?:after|since|on from|post)\b|"
    r"\bsince (?:i had |having |getting |catching )?(?:covid|the virus|the flu|flu) (?:last|in) (?:year|spring|summer|"
    r"autumn|winter|\d{4})\b|"
    # A condition named for lasting ("my long covid breathlessness"), or asked whether it will ever ease.
    r"\b(?:long|post)[- ]?covid\b|\bwill (?:\w+ ){1,4}ever (?:get better|go away|improve|ease|settle|clear)\b"
)
# ...and what would make it new beside the acute cue's words (today, tonight, suddenly, right now: `_long_standing`
# reads `cues.acute` too): a change, a time in minutes or hours, days since, a medicine stopped, a danger sign.
_NEW_OR_WORSE = re.compile(
    r"\b(?:worse|worsening|(?:\d+|a few|few|an?) (?:minutes?|mins?|hours?|hrs?)|new|now (?:i|he|she|it)|"
    r"can'?t breathe|stopped|ran out|days? ago|yesterday|"
    r"blue|grey|collaps\w*|faint\w*|chest pain|cough\w* (?:up )?blood)\b"
)


def _long_standing(text: str, cues: Cues) -> bool:
    """A lay complaint that has lasted weeks or months with nothing new today (see _LONG_STANDING), of breath or a
    same-day kind only: never a crisis, an overdose or a pain, which are told over weeks too."""
    return bool(_LONG_STANDING.search(text)) and not _NEW_OR_WORSE.search(text) and not cues.acute \
        and not cues.explicit_crisis and set(cues.categories) <= {"breathing", "other_urgent"}


# Red flags that cannot wait, whatever the model makes of the wording around them.
_TIME_CRITICAL = frozenset({"chest_pain", "stroke", "anaphylaxis", "breathing", "unconscious", "overdose"})


def _no_event(text: str) -> bool:
    """A what-if, an episode that is over, a document about the sign, or the writer saying outright that nothing
    has happened ("he hasn't but he keeps eyeing my jewellery box"): not someone's red flag now."""
    return bool(_HYPOTHETICAL.search(text) or _RESOLVED.search(text) or _DOCUMENT.search(text) or _denied(text))


# Said outright that nothing is going on now: the signs told are someone's account of past episodes. Never "nothing's
# happening now when I shake him" (no response), nor "nothing is wrong at all but my chest feels tight": read with
# the model (the floors have fired first), and an act-now
# sign is set aside only when the denial goes on to say the writer is asking to understand.
_NOTHING_NOW = re.compile(
    r"\bnothing(?:'?s| is) (?:(?:happening|going on|wrong)(?: at all)?(?: right)? now|wrong at all)\b"
    r"(?! (?:when|if|after|no matter|however|whatever))(?!\W+(?:\S+\W+){0,3}(?:but|except|apart|although|though|"
    r"only|however)\b)"
)
_NOTHING_NOW_ASKING = re.compile(
    r"\bnothing(?:'?s| is) (?:happening|going on|wrong)(?: at all)?(?: right)? now\W+(?:i|we)(?:'?m| am)? (?:just )?"
    r"(?:want|wanted|am curious|curious|asking|wondering|would like)\b"
)
# Bereaved by suicide long ago, or a parent asking how to talk about it: about suicide, nobody at risk told.
_BEREAVED_LONG_AGO = re.compile(
    r"\b(?:died by suicide|took (?:his|her|their) own life|killed (?:himself|herself|themselves)|lost (?:my|our) \w+ "
    r"to suicide)\b(?: \S+){0,4} (?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty) "
    r"(?:years?|months?) ago\b|"
    # ...or in a year told (fresh52: "died by suicide in 2019. the kids are 8 and 11 now").
    r"\b(?:died by suicide|took (?:his|her|their) own life|killed (?:himself|herself|themselves)) (?:back )?in "
    r"(?:19|20)\d\d\b"
)
_TALK_ABOUT_IT = re.compile(
    r"\bhow (?:do|can|should) (?:i|we) (?:talk|speak|explain|bring (?:it )?up)\b(?: \S+){0,8} (?:about )?(?:suicide|"
    r"self[- ]harm)\b(?: \S+){0,3} (?:without|in a way|at (?:his|her|their) age|age[- ]appropriate)"
    r"|\bhow (?:do|can|should) (?:i|we) (?:tell|explain (?:it )?to) (?:them|him|her|the kids|the children|my kids|my "
    r"children)\b(?: \S+){0,4} (?:without|in a way|honestly|gently)"
)
# Any word of risk in the rest of such a message keeps the model's reading: "killed himself 2 years ago and I don't
# see the point anymore", "how do I talk to him about suicide... he told me he wants to die".
_RISK_WORDS = re.compile(
    r"\b(?:point|anymore|any more|giv(?:e|es|ing|en) (?:\w+ ){0,2}(?:things|stuff|away)|wants? to die|kill\w*|"
    r"end (?:it|my|his|her|their)|hurt\w* (?:myself|himself|herself|themselves)|self[- ]?harm\w*|cut\w*|pills|tablets|"
    r"overdos\w*|plan\w*|note|goodbye\w*|tonight|can'?t go on|don'?t want to|better off|burden|hopeless|no reason|"
    r"same|join|follow|rope|bridge|jump\w*|found (?:him|her|them))\b"
)


def _calm_about_suicide(text: str) -> bool:
    """Bereavement by suicide long ago, or a parent asking how to talk about it, with no word of risk anywhere else
    in the message and none said of the writer."""
    frame = _BEREAVED_LONG_AGO.search(text) or _TALK_ABOUT_IT.search(text)
    if not frame or _SELF_AT_RISK.search(text):
        return False
    return not _RISK_WORDS.search(text[: frame.start()] + " " + text[frame.end() :])


_SELF_AT_RISK = re.compile(
    r"\b(?:i|i'?m|im|i am|i'?ve|me|myself)\b(?: \S+){0,3} (?:want(?:ed)? to die|suicidal|kill myself|"
    r"end (?:it|my life)|join (?:him|her|them)|be with (?:him|her|them) again|don'?t want to (?:be here|live|go on))"
)


def _denied(text: str) -> bool:
    """The writer says outright that nothing has happened ("nothing's happened, just want it in the house")."""
    said = _NOTHING_HAPPENED.search(text)
    return bool(said) and not said.group(0).startswith("hypothetical")


def _lay_red_flag_now(text: str, cues: Cues) -> bool:
    """A patient or carer describing a time-critical red flag in someone now: "my throat is going tight and my
    lips are massive" scored 0.05 with the model (the question after it, "do I use my pen?", reads as a
    question). Not when it is history, a reference question, calm, or a what-if."""
    if not set(cues.categories) & _TIME_CRITICAL or not (cues.now or cues.present or cues.acute or cues.active):
        return False
    if cues.past or cues.reference or cues.calm or cues.question_form or _fiction(text, cues):
        return False
    if _FOR_YEARS.search(text) or _long_standing(text, cues):
        return False  # "burning after curry, been like this for years", "still breathless 4 months after covid"
    if (_IN_CARE_NOW.search(text) or _SENT_HOME.search(text)) and not _ACT_NOW.search(text):
        return False  # taken in and treated: "the ambulance took him... he got the clot busting drug"
    return not _no_event(text)


_MINUTES = re.compile(r"\b(?:\d+|few|ten|twenty|thirty|forty) ?(?:min|mins|minutes)\b|\bjust (?:started|come on|now)\b")
# Seen and sent home already (fresh56: "A&E did an xray, it was already in his stomach and they sent us home"): for
# the lay red-flag reading only, never a crisis ("the crisis team sent me home. but the thoughts are so loud tonight").
_SENT_HOME = re.compile(r"\b(?:sent|discharged|let) (?:us|him|her|me|them) (?:go )?home\b")


def _nurse_red_flag_now(text: str, cues: Cues) -> bool:
    """A nurse reporting a time-critical red flag that started at a stated time today: a past history in the
    same note ("had a heart attack last year, today chest pain at rest for 25 mins") does not make it history."""
    if not set(cues.categories) & _TIME_CRITICAL or not cues.acute or cues.calm or cues.question_form:
        return False
    if not _MINUTES.search(text):
        return False  # "knocked out for a few seconds yesterday, CT normal": timed in minutes means now
    return not _no_event(text)



# A patient's or carer's INR of 5 or more on warfarin: doses are withheld and the anticoagulation clinic's advice is
# needed the same day (British Society for Haematology warfarin guideline: withhold at 5-8 without bleeding,
# vitamin K above 8; read as medical and pharmacy pages quote it, the BSH text itself was not reachable here).
# Lay readers only: a nurse reporting one is already in the clinic's loop.
_HIGH_INR = re.compile(r"\binr (?:(?!\d)\S+ ){0,5}(?:[5-9]|1\d)(?: \d)?\b(?! ?(?:-|to) ?\d)")  # "6.5" reads "6 5"
# An adrenaline auto-injector just used: call 999 every time, even when the person feels better (MHRA and NHS
# advice; the reaction can come back).
_ADRENALINE_GIVEN = re.compile(
    # (not handed over: "the allergy clinic gave us 2 auto-injectors")
    r"\b(?:used|gave|given|give|injected|jabbed|did|had to use) (?!(?:us|me) (?:\d+|two|three|a couple of|some|a few|"
    r"new|spare|a prescription for) (?:\S+ )?(?:epi ?pens?|auto ?-?injectors?|adrenaline pens?)\b)"
    r"(?:\S+ ){0,3}(?:epi ?pens?|auto ?-?injectors?|"
    r"adrenaline (?:pen|auto ?-?injector|injection|shot|jab)s?|jext|emerade)\b|"
    r"\b(?:epi ?pens?|auto ?-?injectors?|adrenaline pens?) (?:\S+ ){0,2}(?:used|given|went in|"
    r"into (?:his|her|my) thigh)\b"
)
# More paracetamol than the 8 tablets a day an adult may take, swallowed recently: A&E even if they feel well (the
# harm to the liver shows days later; the NHS maximum as pages quoting the NHS paracetamol page give it).
_PARACETAMOL_COUNT = re.compile(
    r"\b(?:took|taken|take|swallowed|had|ate|eaten|downed)\b (?:\w+ ){0,3}(?:9|[1-9]\d)\b(?: or so)? (?:\w+ )?"
    r"(?:paracetamol|acetaminophen|tylenol|panadol|calpol|co-?codamol)"
)
# Over the daily maximum, however long for: "paracetamol plus cold and flu sachets for 4 days, basically double the
# max dose every day". A staggered overdose needs hospital assessment even when the person feels well (an NHS
# trust's emergency department leaflet, bsuh.nhs.uk: amounts above the recommended daily dose need medical
# attention; the liver harm shows days later).
_PARACETAMOL_WORD = r"(?:paracetamol|acetaminophen|tylenol|panadol|calpol|co-?codamol|lemsip|beechams|cold and flu)"
_OVER_MAX = (
    r"(?<!not )(?<!never )(?<!without )(?<!without going )(?<!under )(?:double|twice|triple|three times|more than|"
    r"way over|over|above|exceed\w*|gone over|went over) (?:\w+ ){0,2}(?:the )?(?:max|maximum|recommended|daily) "
    r"(?:daily )?(?:dose|amount|limit)"
)
_PARACETAMOL_OVER_MAX = re.compile(
    rf"\b{_PARACETAMOL_WORD}\b(?: \S+){{0,30}} {_OVER_MAX}|{_OVER_MAX}(?: \S+){{0,12}} {_PARACETAMOL_WORD}\b"
)
_TAKEN = re.compile(r"\b(?:took|taken|taking|been having|had|have had|gave|given|giving|swallowed|drank|drunk)\b")
# Paracetamol taken twice over without knowing: plain paracetamol with a cold-and-flu remedy or co-codamol that holds it
# too, or "didn't realise lemsip has paracetamol in it". At full doses of both that is twice the daily maximum: a
# staggered overdose, assessed in A&E even when the person feels well (the NHS paracetamol page, as pages quoting it
# give it: do not take it with other medicines that contain paracetamol; go to A&E if you have taken too much).
_PLAIN_PARACETAMOL = r"(?:paracetamol|acetaminophen|panadol|tylenol)"
_HOLDS_PARACETAMOL = (
    r"(?:lemsip|beechams|night ?nurse|day ?nurse|co-?codamol|co-?dydramol|solpadeine|cold and flu|"
    r"flu (?:tablets|capsules|sachets|remedy|meds))"
)
_ALONGSIDE = r"(?:and|with|plus|\+|on top of|as well as|alongside)"
_PARACETAMOL_TWICE = re.compile(
    r"\b(?:didn'?t|didnt|did not|never|not) (?:\w+ )?(?:realis|realiz|know|knew|notice|check|see|clock)\w* (?:that )?"
    r"(?:\S+ ){0,4}(?:has|had|contains?|contained|includes?|included|was|is|also has|got) (?:\S+ ){0,2}"
    r"(?:paracetamol|acetaminophen)\b|"
    rf"\b(?:{_PLAIN_PARACETAMOL}(?: \S+){{0,4}} {_ALONGSIDE} (?:\S+ ){{0,2}}{_HOLDS_PARACETAMOL}|"
    rf"{_HOLDS_PARACETAMOL}(?: \S+){{0,4}} {_ALONGSIDE} (?:\S+ ){{0,2}}{_PLAIN_PARACETAMOL})\b(?: \S+){{0,12}} "
    r"(?:together|both|at the same time|on top|for (?:\d+|two|three|four|five|a few|several|the last|the past) "
    r"(?:days?|nights?))\b"
)
_OVER_DAYS = re.compile(r"\bover (?:\w+ )?(?:\d+|two|three|four|five|six|seven|several|a few) days\b")
_ALLERGY_SIGN = re.compile(
    r"\b(?:cough\w*|wheez\w*|throat|lips?|tongue|swell\w*|swollen|hives|blotch\w*|welts|rash|itch\w*|vomit\w*|"
    r"breath\w*|voice)\b"
)


def _past_or_what_if(text: str) -> bool:
    """Told as history ("two years ago") or as a what-if: not something happening now."""
    return bool(_LONG_AGO.search(text) or _HYPOTHETICAL.search(text) or _WHAT_IF.search(text))


def _adrenaline_just_given(text: str, cues: Cues) -> bool:
    """An auto-injector used now or minutes ago, not a story from last year or a what-if: feeling better after
    it is no reason to stay home."""
    return bool(_ADRENALINE_GIVEN.search(text)) and bool(cues.acute or cues.now) and not _past_or_what_if(text)


def _paracetamol_overdose(text: str) -> bool:
    """More paracetamol than a day's maximum taken at once, in a day or day after day, not long ago and not a
    what-if: harm shows only days later."""
    if _past_or_what_if(text):
        return False
    if (_PARACETAMOL_OVER_MAX.search(text) or _PARACETAMOL_TWICE.search(text)) and _TAKEN.search(text):
        return True  # over the daily maximum, over days too (a staggered overdose), or paracetamol taken twice over
    return bool(_PARACETAMOL_COUNT.search(text)) and not _OVER_DAYS.search(text)


# Tablets counted past a day's maximum, or doses taken every one to three hours, where paracetamol is named (fresh45,
# mid-conversation: "whats the max paracetamol i can take in a day" then "been taking 2 every 2 hrs since yesterday
# lunchtime so prob like 20 tablets. i feel fine"): a staggered overdose, assessed in A&E however well the person
# feels (see _PARACETAMOL_OVER_MAX). The NHS's maximum is 8 tablets of 500 mg in 24 hours, at least 4 hours apart.
_TABLETS_COUNTED = re.compile(
    r"\b(?:9|1\d|[2-9]\d)(?: odd| or so| ish)? (?:tablets|pills|caps|capsules|tabs)\b|"
    # ...or a number had today with the tablets left unsaid (fresh47, after asking the day's maximum: "i think ive
    # had about 16 today spread out").
    r"\b(?:had|taken|took) (?:about |like |maybe |around |roughly |nearly |over )?(?:9|1\d|[2-9]\d)"
    r"(?: odd| or so| ish)? (?:today|so far|since (?:this morning|breakfast|yesterday|last night))\b|"
    # ...or "of the" ones named before (fresh56, after asking co-codamol's maximum: "ive had 16 of the 30/500 ones
    # since 9").
    r"\b(?:had|taken|took) (?:about |like |maybe |around |roughly |nearly |over )?(?:9|1\d|[2-9]\d) of (?:the|my|those|"
    r"these|them)\b(?: \S+){0,3} (?:today|so far|since|over|in)\b|"
    # ...or a hedged count since the morning (fresh57: "co-codamol 30/500, probably about 14 since this morning").
    r"\b(?:probably|prob|probs|maybe|about|like|around|roughly|nearly|over)(?: about| like| around)? (?:9|1\d|[2-9]\d)"
    r"(?: odd| or so| ish)? (?:today|so far|since (?:this morning|breakfast|yesterday|last night|\w+day))\b|"
    r"\bevery (?:1|2|3|one|two|three)(?: ?- ?3| to 3| or 3| to three| or three)? ?(?:hrs?|hours?)\b|"
    # ...hourly, or a count reached by now (fresh55: "been taking 2 paracetamol every hour or so today... prob about
    # 20 by now").
    r"\bevery (?:hour|hr|half hour|half an hour)\b|\bhourly\b|"
    r"\b(?:9|1\d|[2-9]\d)(?: odd| or so| ish)? (?:\w+ )?by now\b|"
    # ...or much of a bottle of the liquid drunk (fresh50, after asking a children's paracetamol dose: "my 2 year old
    # drank maybe half the bottle when i was in the shower, she seems fine for now").
    r"\b(?:drank|drunk|swallowed|downed|had|taken|took) (?:\S+ ){0,2}(?:half|most|all|the rest) (?:of )?"
    r"(?:the|a|his|her|their|my|that) (?:\S+ )?bottle\b"
)
_PARACETAMOL_NAMED = re.compile(rf"\b{_PARACETAMOL_WORD}\b|\blemsips?\b")


def _paracetamol_counted(text: str, named: bool = False) -> bool:
    """Counted in `text` (see _TABLETS_COUNTED); paracetamol named there too, or (`named`) in a message before."""
    counted = bool(_TABLETS_COUNTED.search(text) and _TAKEN.search(text)) or bool(named and _BARE_COUNT.search(text))
    return bool((named or _PARACETAMOL_NAMED.search(text)) and counted and not _past_or_what_if(text))


# The count alone as the answer to what was said before (fresh53, after "how many paracetamol can you have in a day"
# and "think I've gone over that": "about 20 since yesterday morning with cocodamol on top").
_BARE_COUNT = re.compile(
    r"^(?:(?:about|like|maybe|around|roughly|nearly|over|probably|prob|probs|um+|erm|hmm|ok|so|yeah|yes|well) )*"
    r"(?:9|1\d|[2-9]\d)(?: odd| or so| ish)? (?:\w+ )?(?:since|today|so far|over|in (?:the )?(?:last|past))\b"
)


def _allergic_reaction_now(text: str, cues: Cues) -> bool:
    """A reaction happening now, asked as a question ("how do I know when to use the epipen? she just ate a
    cookie and now she's coughing and scratching at her throat"): the question form does not make it reference."""
    if "anaphylaxis" not in cues.categories or not cues.acute or cues.past or cues.calm:
        return False
    return bool(_ALLERGY_SIGN.search(text)) and not _no_event(text)


# A baby under 3 months with a temperature of 38 °C or more: red in the NICE traffic light, and NHS Healthier
# Together's pages (Frimley, Oxfordshire, Glasgow children's hospital) send it to A&E or 999, unless it follows the
# vaccines within 48 hours with no other sign. "my baby is 6 weeks old and has a temp of 38.3".
_UNDER_3_MONTHS = re.compile(
    r"\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few) ?(?:days?|weeks?|wks?)[- ]old|"
    r"(?:[12]|one|two) ?(?:months?|mo)[- ]old|(?:[1-9]|1[0-2]) ?(?:/52|wks|weeks)(?= baby)|newborn|new born|"
    r"(?:[1-9]|1[0-2]) ?(?:weeks?|wks?) (?:baby|babies|infant))\b"
)
_FEVER_38 = re.compile(
    r"\b(?:temp\w*|fever|t|reading|thermometer)\b(?: \S+){0,3} (?:3[89]|4[0-2])(?: \d+)?(?: ?(?:c|degrees))?\b|"
    r"\b(?:3[89]|4[0-2])(?: \d+)? ?(?:c|degrees)\b|\b10[0-4](?: \d+)? ?(?:f|degrees f)\b"
)
_AFTER_JABS = re.compile(
    r"\b(?:jabs?|vaccin\w*|immunis\w*|immuniz\w*|injections?)\b(?: \S+){0,6} (?:today|yesterday|this morning|"
    r"last night|earlier)\b|\bafter (?:her|his|their|the|its) (?:\w+ )?(?:jabs?|vaccin\w*|immunis\w*|immuniz\w*)"
)


# After a fall, a wrist, arm or shoulder swollen or bruised and painful to move: assumed broken until checked (NHS 111
# Wales, broken arm or wrist: A&E or a minor injuries unit). Not an old fall, and not one said to be better.
_ARM_INJURED = re.compile(
    r"\b(?:fell|fall|fallen|tripped|slipped|landed|came off|come off)\b(?: \S+){0,12} (?:wrist|arm|elbow|collarbone|"
    r"shoulder|hand)s?\b(?: \S+){0,3} (?:is |are |looks |has gone |gone )?(?:really |very |quite )?"
    r"(?:swollen|swelling|bruised|bruising|misshapen|deformed)\b(?: \S+){0,6} (?:sore|painful|pain|hurts?|agony|"
    r"(?:can'?t|cannot|won'?t|unable to) (?:\w+ )?move)\b|"
    # Out of shape is enough (fresh38): "wrist swollen and deformed, can wiggle fingers".
    r"\b(?:fell|fall|fallen|tripped|slipped|landed|came off|come off)\b(?: \S+){0,12} (?:wrist|arm|elbow|forearm|"
    r"collarbone|shoulder|ankle|leg)s?\b(?: \S+){0,4} (?:misshapen|deformed|out of shape|at (?:a|an) (?:funny|odd|"
    r"weird|strange|wrong|awkward) angle)\b"
)


def _arm_injured(text: str) -> bool:
    return bool(_ARM_INJURED.search(text)) and not (
        _LONG_AGO.search(text) or _WELL_AGAIN.search(text) or _RESOLVED.search(text) or _HYPOTHETICAL.search(text))


# Chemotherapy in the last weeks and a fever or shivers now: possible neutropenic sepsis, an emergency however
# well the person feels or whether the unit is open (NICE CG151 information for the public: treated as an emergency,
# antibiotics at once; NHS cancer centres' helpline pages: a temperature of 37.5 or more, or shivers, means ringing the
# 24-hour line now and, out of hours, the emergency department). A reading under 37.5 with nothing else is not one.
_CHEMO_RECENT = re.compile(
    r"\b(?:chemo|chemotherapy|sact)\b(?!(?: \S+){0,4} (?:years?|months?) ago\b)(?!(?: \S+){0,3} (?:finished|ended))"
)
_CHEMO_FEVER_NOW = re.compile(
    r"\b(?:temp\w*|fever|t|reading|thermometer)\b(?: \S+){0,3} (?:37 [5-9]|3[89]|4[0-2])(?: \d+)?"
    r"(?: ?(?:c|degrees))?\b|\b(?:37 [5-9]|3[89]|4[0-2])(?: \d+)? ?(?:c|degrees)\b|"
    r"\b(?:got|have|having|has|with|the) (?:the |a |bad |really bad )?(?:shivers|shivering|shakes|rigors|chills)\b|"
    r"\b(?:shivering|shaking) (?:uncontrollably|all over|and (?:hot|cold|burning))\b"
)
_AT_WHAT_TEMP = re.compile(r"\bat what (?:temp|temperature)\b")
_TOLD_TO_RING_IF = re.compile(
    r"\b(?:told|said|advised|asked) (?:me|us|him|her|them )?(?:\w+ )?to (?:ring|call|phone|contact|come in|go in|go)\b"
    r"(?: \S+){0,4} if\b(?: (?!but\b)\S+){0,6}"
)
_CHEMO_TEMP_NORMAL = re.compile(r"\b(?:temp\w*|reading)\b(?: \S+){0,3} (?:3[56] \d|37(?: [0-4])?)\b(?! \d)")
_CHEMO_UNWELL = re.compile(r"shiver|shak|rigor|chill|unwell|rough|poorly|confus|breath|dizzy|faint|sore throat|"
                           r"diarrh|vomit|being sick|not right|not herself|not himself")


# Two contraceptive pills in a day, or one extra: the missed-pill advice itself (NHS inform: take the last pill missed
# now, even if that means two in one day), and nhs.uk: taking more than one contraceptive pill is unlikely to harm you.
_PILL_TWICE = re.compile(
    r"^(?=.*\b(?:microgynon|rigevidon|yasmin|cilest|loestrin|lucette|millinette|cerazette|cerelle|hana|desogestrel|"
    r"noriday|zelleta|(?:my|the|her) (?:contraceptive |combined |mini |progestogen[- ]only )?pill|contraceptive pills?|"
    r"mini ?pill|combined pill)\b)"
    r"(?=.*\b(?:took|taken|take|had|taking) (?:\S+ ){0,3}(?:2|two|double|an extra|one extra|twice)\b)"
    r"(?!.*\b(?:[3-9]|\d\d|three|four|five|six|whole|all|pack|packet|strip|box|overdose|kill|die)\b (?!(?:hours?|hrs?|"
    r"days?|am|pm|o'?clock)))"
)


def _chemo_fever_now(text: str) -> bool:
    """Chemotherapy recently and a fever of 37.5 or more, or shivers, now: not a what-if or history."""
    if not (_CHEMO_RECENT.search(text) and _CHEMO_FEVER_NOW.search(text)):
        return False
    # The unit's standing instruction is not a what-if: "they told me to ring if I got a temp but it's saturday night".
    text = _TOLD_TO_RING_IF.sub(" ", text)
    return not (_HYPOTHETICAL.search(text) or _WHAT_IF.search(text) or _AT_WHAT_TEMP.search(text))


def _chemo_temp_normal(text: str) -> bool:
    """On chemotherapy with a reading under 37.5 and nothing else wrong: watched, not an emergency (fresh53)."""
    return bool(_CHEMO_RECENT.search(text) and _CHEMO_TEMP_NORMAL.search(text)
                and not _CHEMO_FEVER_NOW.search(text) and not _CHEMO_UNWELL.search(text))


def _young_baby_fever(text: str) -> bool:
    """A baby under 3 months at 38 °C or more now (not a what-if, not history, not just after the vaccines)."""
    if not (_UNDER_3_MONTHS.search(text) and _FEVER_38.search(text)):
        return False
    return not (_AFTER_JABS.search(text) or _past_or_what_if(text))


# A clinician off duty with someone in trouble in front of them now (fresh37): "Doctor responding on a flight...
# facial swelling, wheeze... adrenaline 0.5 mg, yes? Double-checking before I give it", "nurse here, in a cafe - man
# seizing on the floor". A dose question asked there is asked for this patient, not for reference.
_ATTENDING_NOW = re.compile(
    r"\b(?:responding|attending|helping) (?:\w+ ){0,2}(?:on|in|at) (?:a|the) (?:flight|plane|train|cafe|café|shop|"
    r"restaurant|street|gym|bus|supermarket|pub|station|airport)\b|"
    r"\b(?:on|in|at) (?:a|the) (?:long[- ]haul |short[- ]haul |busy |packed |crowded )?(?:flight|plane|cafe|café|shop|"
    r"restaurant|gym|bus|train|supermarket|pub|bar|airport|"
    r"station|park|street)\b(?: \S+){0,3} (?:a |an |the )?(?:man|woman|lady|guy|bloke|passenger|person|someone|"
    r"child|boy|girl|kid|toddler|baby)\b|"
    r"\bbefore i (?:give|inject|draw up) (?:it|the (?:dose|adrenaline|epi\w*|injection))\b|"
    r"\b(?:cabin )?crew (?:have|has|brought|got) (?:the |their )?(?:kit|bag|aed|defib\w*|oxygen|medical kit)\b|"
    # A clinician's own patient taken ill on the ward just now (fresh38): "inpatient just developed new L hemiparesis
    # ~20 min ago".
    r"\b(?:inpatient|patient|pt|resident)\b (?:\w+ ){0,2}(?:has )?just (?:developed|become|gone|started)\b|"
    # ...or one who has just walked into the surgery or the clinic (fresh52: "gp surgery, 62M walked in with crushing
    # central CP for 30 min, clammy").
    r"\b(?:\d{1,3} ?[mf]|patient|pt|man|woman|lady|gentleman|chap|guy)\b (?:has )?(?:just )?(?:walked|walks|come|came|"
    r"comes|staggered|wandered) in(?:to (?:the |my )?(?:surgery|practice|clinic|pharmacy|room|reception))?\b"
    r"(?! (?:\w+ ){0,4}(?:last|yesterday|weeks?|months?|years?) ago\b)|"
    # A clinician's own family taken ill just now (fresh41): "my mum (70, no epilepsy) just had what looked like a
    # tonic clonic... now post ictal".
    r"\bmy (?:mum|mom|dad|wife|husband|partner|son|daughter|baby|child|brother|sister|gran|grandad|grandma|nan)\b"
    r"(?: \S+){0,6} (?:has )?just (?:collapsed|fainted|gone|become|developed|started (?:fitting|seizing)|had (?:what "
    r"looked like )?(?:a |an )?(?:fit|seizure|tonic[- ]clonic|stroke|heart attack|blackout|collapse))\b"
)


# Home again after the hospital or the GP, nothing new told (fresh37): "He's home now. Can he still use his electric
# razor?", "we're home now, they said no treatment needed". Not "home now but he's...".
_HOME_AGAIN = re.compile(
    r"^(?:(?:ok|okay|so|well|right)\W+)?(?:(?:i'?m|im|i am|we'?re|were|we are|he'?s|hes|he is|she'?s|shes|she is|"
    r"they'?re|theyre) )?(?:back )?home(?: now| again)?\b(?!(?: \S+){0,12} (?:but|worse|now (?:he|she|i)))"
)


# A team's or an event's doctor writing from the side of the pitch, with a now-word (fresh50: "team doc at rugby,
# player down after a head clash now generalised tonic clonic on the pitch approx 3 min").
_PITCHSIDE = re.compile(
    r"\b(?:team|club|pitch ?side|match ?day|event|race|crowd) (?:doc|doctor|medic|gp|physician|nurse)\b|"
    r"\b(?:player|runner|athlete|swimmer|cyclist|rider|competitor|spectator|fan)s? (?:\w+ ){0,2}(?:down|collapsed|"
    r"went down|is down|unresponsive|fitting|seizing)\b"
)


def _attending_now(text: str, cues: Cues, persona: Persona) -> bool:
    """A red flag in someone a writer is attending now, out of hospital, not a what-if or an episode that is over."""
    pitchside = _PITCHSIDE.search(text) and (cues.now or cues.acute or cues.present)
    if not cues.categories or not (_ATTENDING_NOW.search(text) or pitchside) or _on_paper(text, persona):
        return False
    if _HYPOTHETICAL.search(text) or (_RESOLVED.search(text) and not cues.present):
        return False
    return not (cues.past and not (cues.present or cues.acute))


_IN_FRONT_OF_ME = re.compile(
    r"\b(?:patient|pt|resident|client|man|woman|lady|gentleman|child|boy|girl)\b(?: \S+){0,4} in front of me\b|"
    r"\bon placement\b(?: \S+){0,12} (?:my |a |the )?(?:patient|pt|resident)\b"
)


_STUDENT_SAYS_SO = re.compile(
    r"\b(?:(?:final|first|second|third|fourth|fifth|\d\w*)[- ]?(?:year|yr) )?(?:med(?:ical)?|nursing|pa|paramedic|"
    r"midwifery|dental|pharmacy) student\b"
)
_ABOUT_MYSELF = re.compile(
    r"\b(?:asking (?:about|for) (?:myself|me)|(?:question|asking) about my own (?:health|symptoms)|this is about me)\b|"
    # A clinician or student opening on their own condition (fresh55: "nursing student, asthmatic. chest cold since
    # tues and wheezy... GP today or can it wait").
    r"^(?:\w+ ){0,2}(?:student|nurse|doctor|gp|medic|paramedic|pharmacist)\W*(?:and |but |,)?(?:i'?m |im |i am )?"
    r"(?:an? )?(?:asthmatic|diabetic|epileptic|pregnant|t1|type 1|on warfarin)\b"
)
# A clot on the lung told of oneself (fresh41, a student): new breathlessness and pain on breathing in, after an
# operation, a long journey or with a swollen calf (the signs and risk factors the NICE NG158 pathway starts from).
_BREATHLESS_NOW = re.compile(
    r"\b(?:out of breath|breathless|short of breath|can'?t catch my breath|cant catch my breath|puffed out|winded)\b")
_PLEURITIC = re.compile(r"\b(?:hurts|pain\w*|sharp|stabs?|stabbing|sore) (?:\w+ ){0,3}when (?:i )?breath(?:e|ing) in\b")
_CLOT_RISK = re.compile(
    r"\b(?:op|operation|surgery|replacement|flight|flew|long[- ]haul|coach trip|cast|plaster|calf (?:\w+ ){0,3}"
    r"(?:swollen|sore|painful|tender)|(?:swollen|sore|painful) calf|on the pill|postpartum|gave birth)\b"
)


# A possible ectopic pregnancy bleeding inside (fresh47: "positive test about 3 weeks ago... really sharp pain low down
# on the right and a weird pain in my shoulder tip, feel like im going to pass out when i stand"): early pregnancy,
# sharp or severe tummy pain, and shoulder-tip pain or feeling faint. The NHS advice as an NHS trust's page gives it
# (healthforunder5s.co.uk, Solent NHS Trust; read here): 999 for a sharp, sudden, intense tummy pain with feeling
# very dizzy or fainting; shoulder-tip pain is one of the signs.
_EARLY_PREGNANCY = re.compile(
    r"\bpositive (?:pregnancy |preg )?test\b|\b(?:[4-9]|1[0-3]) ?(?:weeks?|wks?|w)\b(?: \S+){0,3} (?:pregnant|gone)\b|"
    r"\b(?:early|just found out i'?m|just found out im) pregnan\w*|"
    r"\bpregnant\b(?: \S+){0,3} (?:[4-9]|1[0-3]) ?(?:weeks?|wks?)\b|"
    r"\(?(?:prob(?:ably)? )?(?:[4-9]|1[0-3]) ?(?:weeks?|wks?) now\b"
)
_ECTOPIC_PAIN = re.compile(
    r"\b(?:sharp|severe|stabbing|really bad|agonising|agonizing|intense|sudden|awful|horrendous) (?:\w+ ){0,3}"
    r"(?:pain|cramps?|ache)\b"
)
_ECTOPIC_SIGN = re.compile(
    r"\bshoulder ?tip\b|\btip of (?:my|her) shoulder\b|\b(?:pass(?:ing)? out|faint\w*|dizzy|light[- ]?headed|"
    r"keel over|black(?:ing)? out)\b"
)


def _ectopic_signs_now(text: str) -> bool:
    """An early pregnancy's sharp pain with shoulder-tip pain or faintness, told now (see _EARLY_PREGNANCY)."""
    if not (_EARLY_PREGNANCY.search(text) and _ECTOPIC_PAIN.search(text) and _ECTOPIC_SIGN.search(text)):
        return False
    # Not _LONG_AGO: "positive test about 3 weeks ago" dates the pregnancy, not the pain.
    earlier = re.search(r"\b(?:last|previous|first) pregnancy\b", text)
    return not (_HYPOTHETICAL.search(text) or _denied(text) or earlier)


def _pe_in_oneself_now(text: str, cues: Cues, persona: Persona) -> bool:
    if not (cues.first_person and _BREATHLESS_NOW.search(text) and _PLEURITIC.search(text) and _CLOT_RISK.search(text)):
        return False
    # Not _LONG_AGO: "had my knee op last week" dates the risk, not the breathlessness.
    return not (_on_paper(text, persona) or _HYPOTHETICAL.search(text) or _A_PATIENT_OR_CASE.search(text))


# A patient or a case, not the writer's own life: "patient just started IV co-amox", "practice q: 26 yo at 32 weeks".
_A_PATIENT_OR_CASE = re.compile(
    r"\b(?:patients?|pt|resident|client|case|practice q\w*|q:|question:|"
    r"(?<!my )\d+ ?(?:yo|y/o|year[- ]old|yr[- ]old)\b)"
)


# An electric shock followed by a heart, chest or nerve sign, a burn, or being thrown or knocked out (fresh49: "got a
# proper belt off the mains... threw me off the step. now my heart is fluttering all over the place"): emergency care
# now, the heart's rhythm can be disturbed. Read on first-aid and clinical pages (no issuing body's page was read
# here); with any of these signs every one sends the person to emergency care.
_ELECTRIC_SHOCK = re.compile(
    r"\b(?:electric(?:al)? shock|electrocut\w*|(?:shock|belt|jolt|zap) (?:off|from) (?:the |a |an )?(?:\w+ ){0,2}"
    r"(?:mains|socket|plug|wire|cable|fuse ?box|board|fence|extension (?:lead|cable|cord)|power (?:lead|cord)|"
    r"light switch|panel|outlet|appliance|transformer|(?:\d{3} ?v|\d{3} ?volts?))|"
    r"(?:zapped|shocked) (?:by|off) (?:the |a )?(?:mains|socket|plug|wire|cable|panel|outlet)|"
    r"touched (?:a |the )?(?:live|bare) wire)"
)
_AFTER_SHOCK = re.compile(
    r"\b(?:heart\b(?: \w+){0,3} (?:flutter\w*|racing|pounding|skipp\w*|jumping|all over|irregular|funny|weird)|"
    r"palpitation\w*|chest\b(?: \w+){0,3} (?:pain\w*|hurts|tight\w*|weird|funny|strange|odd)|threw (?:me|him|her)|"
    r"thrown|knocked (?:me |him |her )?(?:out|off|back|across)|passed out|blacked out|burn\w*|numb\w*|tingl\w*|"
    r"confus\w*|fit\b|seiz\w*|can'?t (?:feel|move))"
)


# The sign passed within moments and the person is well: "tingly fingers for a minute, now totally fine".
_PASSED_OFF = re.compile(
    r"\b(?:fine|ok|okay|normal|better|gone|settled|stopped) now\b|\bnow (?:\w+ )?(?:fine|ok|okay|normal|better)\b|"
    r"\bfor (?:a|one|1) (?:minute|min|second|sec|moment)\b|\bfor a few (?:seconds|secs)\b"
)


def _electric_shock_now(text: str) -> bool:
    return bool(_ELECTRIC_SHOCK.search(text) and _AFTER_SHOCK.search(text)) and not (
        _LONG_AGO.search(text) or _HYPOTHETICAL.search(text) or _PASSED_OFF.search(text))


# A doctor or nurse writing of their own family or of themselves (fresh49: "my dad 68 at home now, central crushing
# cp 30 min, grey and clammy, refusing ambulance"; "gp here, my own mum 70 fell yesterday, on apixaban, small bump on
# her head"; "GP here, 52, last 30 min my right hand is clumsy"): no patient or case named, so it is read as a
# relative's or a patient's message, with their floors and their bar for the model.
_OWN_FAMILY = re.compile(
    r"\bmy (?:own )?(?:mum|mom|mother|dad|father|wife|husband|partner|son|daughter|baby|child|kid|toddler|brother|"
    r"sister|gran|granny|grandma|grandad|grandpa|nan|boyfriend|girlfriend|fianc\w*|little one|"
    r"(?:\d{1,2}|one|two|three|four|five|six) ?(?:yo|y o|years? old|yrs? old|year|yr|months? old|weeks? old))\b"
)
# Themselves, told with their age after saying who they are (asking about themselves is _ABOUT_MYSELF's, read by the
# floors only: "nurse here, asking for myself: is the serotonin syndrome risk real?" is a reference question).
_OWN_SELF = re.compile(
    r"\b(?:gp|doctor|dr|nurse|registrar|consultant|midwife|paramedic|fy\d|sho) here,? (?:aged )?\d{2}\b|"
    # An injury to one's own body (fresh53, an anaesthetist: "sliced my thumb on a bagel, it's gaping").
    r"\b(?:sliced|cut|burnt|burned|scalded|twisted|sprained|banged|trapped|crushed|stabbed|broke|bashed|jammed|"
    r"slammed|shut|caught|gashed) my (?:own )?(?:left |right )?(?:thumb|finger|fingertip|hand|palm|wrist|arm|forearm|"
    r"leg|shin|foot|ankle|knee|toe|head|face|eye|lip)s?\b"
)


def _clinician_own_life(text: str, persona: Persona) -> bool:
    """See _OWN_FAMILY: a clinician's own family member or themselves, no patient, case or paper in the message."""
    if persona not in (Persona.PHYSICIAN, Persona.NURSE):
        return False
    if not (_OWN_FAMILY.search(text) or _OWN_SELF.search(text)):
        return False
    return not (_A_PATIENT_OR_CASE.search(text) or _on_paper(text, persona))


# A receptionist or pharmacist passing on what a caller or customer tells them now (fresh57: "receptionist at a
# surgery, typing for a caller. her mum is 84, since yesterday afternoon she's been muddled..."; "Pt at the counter...
# has just realised she took a second 15mg dose this morning"; "regular patient rang, took her warfarin 5mg twice"):
# a lay account, read with a lay reader's floors and bar for the model.
_RELAYED = re.compile(
    r"\b(?:receptionist|typing for (?:a |the |my )?(?:caller|patient|customer|lady|man|woman|mum|dad|daughter|son)|"
    r"(?:caller|customer|patient|pt|lady|man|woman|gentleman)\b(?: \S+){0,2} (?:at the (?:counter|desk|front desk|"
    r"hatch|till)|on the (?:phone|line)|(?:just |has just )?(?:rang|rung|called|phoned) (?:in|up|us|me|the surgery|"
    r"the pharmacy)?))"
)


# Confusion new since yesterday in an older relative (fresh56: "mum (86) is completely different today... didn't know
# who i was... yesterday she was chatting away normally"): a delirium until shown otherwise, seen the same day (no
# issuing body's page was read for this rule; worse signs with it are the emergency rules' and the model's).
_CONFUSED_SINCE_YESTERDAY = re.compile(
    r"^(?=.*\b(?:mum|mom|dad|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|husband|wife|"
    r"aunt|uncle|(?:[6-9]\d|1[01]\d) ?(?:yo|year old|years old)?)\b)"
    r"(?=.*\b(?:(?:did ?n'?t|does ?n'?t|did not|does not|not) (?:know|recognise|recognize) (?:who|where) "
    r"(?:i|she|he|we|they) (?:am|was|is|are|were)|(?:completely|totally|really|very) (?:different|confused|muddled|"
    r"not (?:herself|himself))|(?:is|seems|was|been|gone|got|very|really|more|so) (?:\w+ )?(?:confused|muddled)"
    r"(?! (?:up )?(?:my|the|his|her|their) )|not making sense|talking (?:nonsense|rubbish|gibberish))\b)"
    r"(?=.*\b(?:today|this morning|since (?:yesterday|last night|this morning)|overnight|suddenly|yesterday (?:she|he) "
    r"was (?:\w+ ){0,2}(?:fine|normal|herself|himself|chatting)|(?:was|were) (?:fine|normal) yesterday)\b)"
)
_PASSED_THROUGH = re.compile(rf"\b{_CAME_OUT}\b")
_TODAY_WORD = re.compile(r"\b(?:today|this morning|tonight|this (?:afternoon|evening)|since (?:yesterday|last "
                         r"night))\b")
# A small child near the missing battery: "he", "toddler", "18 months", "my 2yo".
_A_CHILD = re.compile(r"\b(?:baby|toddler|son|daughter|grandson|granddaughter|little one|kids?|child|children|boy|girl|"
                      r"\d{1,2} ?(?:months?|mo|mths?|yo|year old|yr old)|he|she|hes|shes)\b")
# A knock to the head in someone on a blood thinner, not long ago (fresh55: "smacked the back of my head on the patio...
# didnt black out, just a lump and a headache. im on warfarin"). NICE's head-injury guideline asks for a CT scan of
# the head for people on anticoagulants after a head injury, and the NPSA's signal on anticoagulated patients and
# head injury (read here) tells of bleeds missed when no other criterion was met: an A&E matter, not a morning one.
# (Its own list, not _THINNER's above, which the blood-in-urine rule reads: the two differ by a few names and spellings;
# one name shadowing the other had made the earlier list look unused.)
_THINNER_TAKEN = (r"(?:warfarin|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|lixiana|dabigatran|pradaxa|"
                  r"blood thinn\w*|anticoag\w*|doac)")
_HEAD_STRUCK = rf"{_HEAD_BUMP}|{_NOT_DENIED}(?:smacked|whacked|cracked|clonked|clunked)\b(?: \w+){{0,4}} head"
_HEAD_KNOCK_THINNED = re.compile(
    rf"(?:{_HEAD_STRUCK})(?: \S+){{0,30}} {_THINNER_TAKEN}|{_THINNER_TAKEN}(?: \S+){{0,30}} (?:{_HEAD_STRUCK})"
)
# ...unless seen about it since: "checked at a&e, scan was fine".
_SEEN_SINCE = re.compile(r"\b(?:scan(?:ned)?|ct|checked|seen|looked at|assessed)\b(?: \S+){0,6} (?:fine|normal|clear|"
                         r"ok|okay|nothing)|\b(?:at|in|from|to) (?:a ?& ?e|a and e|the hospital|hospital|minors)\b")
# A peak flow told against the person's best, as a share: "peak flow is about 62% of my best", "PEF 290, best is
# 450", "peak flow 250 (normally 500)". The British asthma guideline's bands (BTS/SIGN, as the RCP's Clinical
# Medicine table quotes them; read here): over 50-75% of best is a moderate attack, 33-50% an acute severe.
_PEAK_FLOW = r"(?:peak flow|pef|pefr|peak)"
_PEAK_SHARE = re.compile(rf"\b{_PEAK_FLOW}\b(?: \S+){{0,4}} (\d{{2}}) (?:%|percent|per cent|of (?:my|his|her|their) "
                         r"(?:best|normal|usual))")
_PEAK_READINGS = (
    re.compile(rf"\b{_PEAK_FLOW}\b(?: (?:is|was|of|at|about|around|only|just|now|today|reading|this morning)){{0,3}}"
               r" (\d{2,3})(?: ?/ ?| (?:\w+ ){0,2}(?:best|normal|usual|normally|usually)(?: is| of)? )(\d{3})\b"),
    re.compile(rf"\b(?:best|normal|usual)(?: {_PEAK_FLOW})?(?: is| of| was)? (\d{{3}})\b(?: \S+){{0,4}} "
               r"(?:today|now|this morning|tonight|this evening)?\W*(\d{2,3})\b"),
    # ...or the reading told further on (fresh57: "best peak flow is normally about 480. just did 6 puffs... reading
    # is 310 now").
    re.compile(rf"\b(?:best|normal|normally|usual|usually)\b(?: {_PEAK_FLOW})?(?: (?:is|of|was|about|around|roughly))*"
               rf" (\d{{3}})\b(?: \S+){{0,20}} (?:reading|{_PEAK_FLOW}|it)(?: (?:is|was|of|only|just|at|now|down to|"
               r"dropped to))* (\d{2,3})\b(?! ?(?:puffs|mins?|minutes|hours?|hrs?|times|years?|kg|mg))"),
)


# Fluid building up in heart failure: 2 kg or more gained within days, with swelling or breathlessness, or on water
# tablets (fresh57: "weight's up 2.4kg since Saturday on my morning weigh-ins and my ankles are tighter and I'm a bit
# more puffed on the stairs"). The ESC's patient pages say to tell the doctor or nurse of a gain over 2 kg in 3 days,
# the BHF's as soon as it is noticed (both read here): the medicines are changed before the fluid needs a hospital bed.
_FLUID_GAINED = re.compile(
    r"\b(?:weight|weigh\w*|scales?)\b(?: \S+){0,6} (?:up|gone up|increased|jumped|put on|gained|more)\b(?: by)?"
    r"(?: about| nearly| almost| over)? (?:[2-9](?:[., ]\d)?|two|three|four) ?(?:kg|kgs|kilos?|kilograms?)\b"
    r"(?: \S+){0,4} (?:since|in|over) (?:the )?(?:last |past |a |\d |two |three |four |few |couple of )?"
    r"(?:days?|\w+day|weekend|yesterday)\b|"
    r"\b(?:put on|gained|up) (?:about |nearly |almost |over )?(?:[2-9](?:[., ]\d)?|two|three|four) ?(?:kg|kgs|kilos?|"
    r"kilograms?)\b(?: \S+){0,3} (?:in|over|since) (?:the )?(?:last |past |a |\d |two |three |four |few |couple of )?"
    r"(?:days?|\w+day|weekend|yesterday)\b"
)
_FLUID_SIGN = re.compile(
    r"(?<!\bno )(?<!\bnot )(?<!\bwithout )(?<!\bor )\b(?:heart failure|furosemide|frusemide|bumetanide|water tablets?|"
    r"diuretics?|ankles?|legs? (?:\w+ )?(?:swollen|puffy|tight\w*)|swollen|swelling|puffy|puffed|breathless\w*|"
    r"short of breath|out of breath|sob)\b"
)


def _peak_flow_share(text: str) -> float | None:
    """The peak flow told as a share of the person's best, or None when none is told (see _PEAK_SHARE)."""
    share = _PEAK_SHARE.search(text)
    if share:
        return int(share.group(1)) / 100
    now = _PEAK_READINGS[0].search(text)
    if now and int(now.group(2)):
        return int(now.group(1)) / int(now.group(2))
    if not re.search(rf"\b{_PEAK_FLOW}\b", text):
        return None
    for reading in _PEAK_READINGS[1:]:
        best = reading.search(text)
        if best and int(best.group(1)):
            return int(best.group(2)) / int(best.group(1))
    return None


# A bite, puncture, ulcer or sore gone swollen with an infection's sign (throbbing, pus, warmth, spreading
# redness): cellulitis, for which the nhs.uk cellulitis page (read here as the NHS website's widget serves it) says
# get advice from 111 now when skin is painful, hot and swollen, and an urgent GP appointment with diabetes (fresh55:
# a dog's nip yesterday, "the back of my hand is puffy and throbbing"; a diabetic foot sore "spread over the top of
# my foot... warm and swollen... yellowy stuff coming out").
_BROKEN_SKIN = re.compile(
    r"\b(?:bite|bitten|nipped|bit (?:me|my|him|her)|puncture|ulcer|(?:sore|blister|cut|graze|wound|scratch)\b"
    r"(?: \S+){0,6} (?:foot|feet|toe|toes|heel|leg|shin|hand|finger|thumb|arm))\b"
)
_SWOLLEN = re.compile(r"\b(?:puffy|swollen|swelling|swelled|swell(?:ing)? up)\b")
_INFECTED = re.compile(r"\b(?:throbb\w*|pus|oozing|spread\w*|red (?:lines?|streaks?)|hot|warm|yellow\w* (?:stuff|gunk|"
                       r"goo|discharge))\b")


# ...unless already seen and treated: "GP said it's cellulitis and gave me tablets".
_TREATED = re.compile(
    r"\b(?:gp|doctor|dr|nurse|pharmacist|a ?& ?e|hospital|111|they)\b(?: \S+){0,6} (?:gave|prescribed|put "
    r"(?:me|him|her) on|started)\b|\bon antibiotics\b|\b(?:taking|started) (?:the )?antibiotics\b"
)


def _infected_skin(text: str) -> bool:
    """Broken skin gone swollen with an infection's sign, now (see _BROKEN_SKIN), not yet treated."""
    return bool(_BROKEN_SKIN.search(text) and _SWOLLEN.search(text) and _INFECTED.search(text)
                and not (_past_or_what_if(text) or _LONG_AGO.search(text) or _denied(text) or _TREATED.search(text)))


# A clinician's patient scoring an emergency response now, with the next step asked or help out of reach (fresh56, an
# FY1 on nights: "d3 post lap R hemicolectomy. NEWS 9... BP 84/46... lactate 4.8... 1L CSL in, BP barely moved. reg
# scrubbed in theatre. next steps?"): a NEWS2 of 7 or more calls for an emergency assessment by a critical-care team
# (the RCP NEWS report's clinical response table, as a copy of it read here); a systolic under 90 with a lactate of 4
# or more is this rule's reading of shock (no issuing body's page read for it).
_DETERIORATING = re.compile(
    r"^(?=.*\b(?:news ?2?(?: score)?(?: of| is| =| now| now of)? (?:[7-9]|1\d|20)\b|(?:bp|systolic) (?:of |is |now )?"
    r"[5-8]\d ?/ ?\d{2}\b(?=.*\blactate (?:of |is |now )?(?:[4-9]|1\d)\b)))"
    r"(?=.*\b(?:next steps?|what (?:now|next|do i do|should i do|else)|help|(?:reg|registrar|senior|consultant|sho)\b"
    r"(?: \S+){0,3} (?:scrubbed|busy|in theatre|not answering|unavailable|tied up|stuck)|can'?t get hold)\b)"
)


def floor_level(text: str, cues: Cues, persona: Persona) -> tuple[Level, str] | None:
    """What the floors decide whatever the model says (and the category when the rules named none), or None."""
    about_a_leaflet = bool(_DOCUMENT.search(text)) and cues.calm  # "a leaflet on warning signs, no concerns now"
    # For a lay writer a method asked for oneself is enough, with no crisis word (fresh39): "what happens if a type 1
    # just stops their insulin. asking for me", "nearest bridge thats high enough. i just want it over with tonight".
    # (Not the words of a time alone: "tonight" and "right now" tell an emergency's time too.)
    crisis_words = "suicide" in cues.categories or (persona.lay and _asks_method_for_self(text, persona))
    if crisis_words and _crisis_now(text, persona) and not _on_paper(text) and not about_a_leaflet \
            and not _only_denied(text):
        return Level.CRISIS, "suicide"
    if _act_now(text, cues, persona):
        return Level.EMERGENCY, "other_urgent"
    if _attending_now(text, cues, persona):
        return Level.EMERGENCY, cues.categories[0]
    recovering = persona is Persona.PHYSICIAN and _RECOVERING.search(text)  # a physician's patient getting better
    several = (cues.clinical_situation and len(cues.categories) >= 2 and not cues.past and not cues.calm
               and not recovering)
    happening = cues.acute or cues.present or not cues.reference
    if several and happening and not _on_paper(text, persona):
        return Level.EMERGENCY, "other_urgent"  # a patient in front of them with several red flags
    if not persona.lay and _DETERIORATING.search(text) and not (_on_paper(text, persona) or _HYPOTHETICAL.search(text)):
        return Level.EMERGENCY, "sepsis"  # a patient in front of them with an emergency score, help asked now
    # A nurse, or a student on placement with the patient in front of them, telling what they see.
    at_hand = persona is Persona.NURSE or (persona is Persona.STUDENT and bool(_IN_FRONT_OF_ME.search(text)))
    # ("student" itself reads as a reference word, so a student's own patient is judged without it)
    nurse_sees = at_hand and (persona is Persona.STUDENT or not cues.reference) and not _on_paper(text, persona)
    if nurse_sees and _nurse_red_flag_now(text, cues):
        return Level.EMERGENCY, cues.categories[0]  # "chest pain at rest for 25 mins, GTN x2 hasn't touched it"
    if nurse_sees and (_SAME_DAY_SIGNS.search(text) or _drug_rash_now(text) or _arm_injured(text)):
        return Level.URGENT, "other_urgent"  # a nurse telling of a same-day sign (a child's thirst and weight loss)
    # A student writing of their own life, not of a paper or a patient (fresh38): "my flatmate knocked her front
    # tooth clean out 30 mins ago", "got a needlestick on placement an hour ago". The same-day signs read as for anyone.
    own_life = (persona is Persona.STUDENT and (cues.first_person or cues.relation) and not _on_paper(text, persona)
                and not _A_PATIENT_OR_CASE.search(text))
    if own_life and _SAME_DAY_SIGNS.search(text) and not (_denied(text) or _HYPOTHETICAL.search(text)):
        return Level.URGENT, "other_urgent"
    if persona is not Persona.PHYSICIAN and _knocked_or_stuck_now(text) and not _on_paper(text, persona):
        return Level.URGENT, "other_urgent"
    if _pe_in_oneself_now(text, cues, persona):
        return Level.EMERGENCY, "breathing"  # "out of breath... hurts when i breathe in. had my knee op last week"
    # A clinician asking about their own health is a patient here (fresh39): "GP, asking about myself. started
    # co-trimoxazole yesterday, widespread itchy rash this morning".
    # ...and so is a student telling of their own life (fresh46: "my flatmate just had a fit on the kitchen floor...
    # never had one before... does he actually need hospital").
    about_myself = bool(_ABOUT_MYSELF.search(text)) or own_life
    if (not persona.lay and not about_myself) or _on_paper(text, persona) or _a_lesson(text, cues, persona):
        return None
    if own_life:
        cues = read_cues(_STUDENT_SAYS_SO.sub(" ", text))  # "med student but my mind is blank": not a reference word
    if _lay_red_flag_now(text, cues):
        return Level.EMERGENCY, cues.categories[0]
    if _ectopic_signs_now(text):
        return Level.EMERGENCY, "pregnancy"
    if _young_baby_fever(text):
        return Level.EMERGENCY, "sepsis"
    if _chemo_fever_now(text):
        return Level.EMERGENCY, "sepsis"
    if _adrenaline_just_given(text, cues) or _allergic_reaction_now(text, cues):
        return Level.EMERGENCY, "anaphylaxis"
    if _BATTERY_MISSING.search(text) and _A_CHILD.search(text) and not (_past_or_what_if(text)
                                                                       or _LONG_AGO.search(text)):
        return Level.EMERGENCY, "overdose"
    if _CONFUSED_SINCE_YESTERDAY.search(text) and not (_HYPOTHETICAL.search(text) or _WHAT_IF.search(text)) and not (
            _LONG_AGO.search(text) and not _TODAY_WORD.search(text)):
        return Level.URGENT, "other_urgent"
    if _HEAD_KNOCK_THINNED.search(text) and not (_past_or_what_if(text) or _LONG_AGO.search(text)
                                                 or _SEEN_SINCE.search(text)):
        return Level.EMERGENCY, "other_urgent"
    if _NICOTINE_TAKEN.search(text) and not (_LONG_AGO.search(text) or _HYPOTHETICAL.search(text)):
        well = not _UNWELL_AFTER.search(re.sub(r"\bno (?:sick|vomit\w*)\b|not (?:been )?sick", " ", text))
        return (Level.URGENT, "other_urgent") if well else (Level.EMERGENCY, "overdose")
    if _paracetamol_overdose(text) or _paracetamol_counted(text):
        return (Level.CRISIS if cues.explicit_crisis else Level.EMERGENCY), "overdose"
    if _FAINT_WITH_CAUSE.search(text) and not _LONG_AGO.search(text):
        return Level.EMERGENCY, "unconscious"  # a blackout with a racing heart, at the wheel or mid-exercise
    if _electric_shock_now(text) and not cues.calm:
        return Level.EMERGENCY, "other_urgent"  # an electric shock with a heart, chest or nerve sign after it
    peak = _peak_flow_share(text)
    if peak is not None and not (_past_or_what_if(text) or _LONG_AGO.search(text)):
        if peak < 0.5:
            return Level.EMERGENCY, "breathing"  # an acute severe attack by its peak flow
        if peak < 0.75:
            return Level.URGENT, "breathing"  # a moderate attack: seen the same day
    if _SAME_DAY.search(text):
        return Level.URGENT, "breathing"  # the reliever needed every few hours
    if _FLUID_GAINED.search(text) and _FLUID_SIGN.search(text) and not _past_or_what_if(text):
        return Level.URGENT, "other_urgent"  # heart failure: fluid building up over days
    if _warning_episode_unseen(text, cues) and not _HYPOTHETICAL.search(text):
        return Level.URGENT, cues.categories[0]  # a TIA or a first fit, over now, not yet seen by anyone
    if _chest_pain_episode_unseen(text, cues) and not _HYPOTHETICAL.search(text):
        return Level.URGENT, "chest_pain"  # 15 minutes of chest pain at the weekend, fine since
    if _ace_swelling_now(text):
        return Level.URGENT, "anaphylaxis"  # a lip swollen on ramipril, breathing fine: seen today
    if _infected_skin(text):
        return Level.URGENT, "other_urgent"
    high_inr = _HIGH_INR.search(text) and not _LONG_AGO.search(text)  # "INR was 9 last month, sorted in hospital"
    if (_SAME_DAY_SIGNS.search(text) or high_inr or _arm_injured(text) or _drug_rash_now(text)) \
            and not _denied(text):
        return Level.URGENT, "other_urgent"  # the baby moving less, something stuck, a head bump then vomiting
    return None


# Asking to stand down from what was just told: not going, not calling, waiting, "seems fine now". After an emergency
# this keeps the notice: anaphylaxis can come back hours later, and a first fit or a head injury on a blood thinner
# still needs to be seen, however well the person looks (fresh42: "so we dont need to go to hospital now right? she
# seems fine and wants to go back to the party", after adrenaline for a swollen face).
_STANDS_DOWN = re.compile(
    # (fresh57, after adrenaline given: "he looks loads better now... do we still need to go in or can we just keep an
    # eye at home?")
    r"\b(?:(?:do|does) (?:we|i|she|he|they) (?:still |really |actually )?(?:need|have) to (?:go|take (?:him|her|them))"
    r"(?: \w+){0,2} (?:in|hospital|a&e)\b|(?:can|could|should|shall) (?:we|i) (?:just )?(?:keep an eye|watch|monitor)"
    r"\b(?: \w+){0,4} (?:at home|here|overnight)\b)|"
    r"\b(?:(?:don'?t|dont|do not|no) (?:really )?need to (?:go|call|ring|phone|bother)(?: \w+){0,2} (?:hospital|a&e|"
    r"ambulance|999|911|112|in)|(?:can|should|could|shall) (?:we|i|she|he|they) (?:just )?(?:stay (?:at )?home|not go|"
    r"cancel|skip (?:the )?(?:hospital|a&e))|(?:no need|not worth) (?:to )?(?:go(?:ing)?|call(?:ing)?|bother(?:ing)?)"
    r"(?: \w+){0,2} (?:hospital|a&e|ambulance|in)|cancel (?:the )?ambulance|wait and see|wait (?:till|until) (?:the )?"
    r"morning|sleep it off|"
    # A same-day problem asked to wait (fresh44: a bead up the nose, then "still stuck... can it wait for the gp
    # tomorrow or does it need today").
    r"(?:can|could|should|will) (?:it|this|that|she|he|they|we|i) (?:just )?wait (?:till|until|for|to|a|another|"
    r"over)\b|"
    # ...or asked whether waiting is all right (fresh49: out of lamotrigine, "is it ok to just wait?").
    r"(?:is|would) it (?:be )?(?:ok|okay|alright|all right|fine|safe) (?:to|if (?:i|we|he|she)) (?:just )?wait\b)\b"
)
STAND_DOWN_LOOKBACK = 3
# A sign said to go on or to get worse, in a follow-up to an emergency (see Triage._told_with_before).
_STILL_GOING_ON = re.compile(
    r"\bstill\b(?: \S+){0,3} (?:burn\w*|sting\w*|bleed\w*|pour\w*|hurt\w*|agony|swell\w*|fitting|seizing|"
    r"shaking|jerking|blue|grey|gasp\w*|struggl\w*|wheez\w*|(?:not|isn'?t|isnt) (?:breathing|waking|responding)|"
    r"(?:can'?t|cant|cannot|won'?t|wont) (?:breathe|wake|open|see|stop|speak|talk|move))|"
    r"\b(?:getting|got|gone|going|much|even) worse\b"
)
# Where a long message turns from its background to what is happening now (see Triage._decide).
_TURN = re.compile(
    r"\b(?:anyway|anyways|anyhow|but (?:now|today|tonight|this (?:morning|afternoon|evening))|"
    r"(?:then|and) (?:tonight|today|this (?:morning|afternoon|evening)))\b"
)


@dataclass
class Decision:
    """The triage outcome of one message."""

    level: Level
    categories: list[str] = field(default_factory=list)
    probability: float = 0.0

    @property
    def fires(self) -> bool:
        return self.level is not Level.NONE


# An amount or a method asked first, then the question owned (fresh53, a pharmacy student: "what's the toxic dose of
# sertraline", "and how many would it take for someone around 60kg", then "ok tbh it's not for uni"): whoever asks,
# the earlier question was about their own death, and the reply must lead with the crisis line.
_AMOUNT_OR_METHOD_ASKED = re.compile(
    r"\b(?:toxic|lethal|fatal|deadly|dangerous|overdose) (?:dose|amount|level|quantity)|"
    r"\bhow (?:many|much)\b(?: \S+){0,6} (?:would it take|does it take|would kill|to kill|to die|is (?:fatal|lethal|"
    r"deadly|too much))\b|\b(?:how high|which bridge|what height)\b|\bhow long (?:does|would) it take to die\b|"
    # ...or the harm of an overdose asked "for an assignment" or while revising (fresh56: "what dose of paracetamol
    # causes liver failure", "whats the mechanism of paracetamol hepatotoxicity").
    r"\b(?:dose|amount|how (?:many|much))\b(?: \S+){0,6} (?:causes?|leads? to|gives?) (?:\w+ )?(?:liver|kidney|organ) "
    r"(?:failure|damage)|\bhepatotoxicity\b|\boverdos\w*|\bliver failure\b"
)
_OWNED_NOW = re.compile(
    r"\b(?:not|isn'?t|isnt|wasn'?t|wasnt|its not|it'?s not|it is not) (?:really |actually |exactly |just )?"
    r"(?:for|about) (?:uni|university|college|school|class|work|(?:my |an? |the )?(?:course|coursework|assignment|"
    r"essay|revision|exam|homework|project|research|studies|dissertation|placement|module))\b|"
    r"\b(?:it'?s|its|it is|i'?m asking|im asking|asking|it was) (?:really |actually |kind of |kinda )?(?:for|about) "
    r"(?:me|myself)\b"
)


# Care already arranged for what was told before (fresh55, after "my waters just went!!! 39 weeks": "rang triage, told
# them it's clear... they said come in at 6"): the notice has done its work.
_CARE_ARRANGED = re.compile(
    r"\b(?:rang|called|phoned|spoke to|spoken to|been on the phone to) (?:the )?(?:triage|111|gp|doctor|midwife|"
    r"maternity(?: unit| triage)?|labour ward|delivery suite|out of hours|ooh|hospital|surgery)\b(?: \S+){0,12} "
    r"(?:they|she|he) (?:said|told|want|are sending|booked|arranged)\b"
)


# Words that take back what was said just before: "ignore that", "forget i said that", "was being dramatic", "didn't
# mean it", "just joking", "never mind".
_TAKEN_BACK = re.compile(
    r"\b(?:ignore (?:that|this|what i (?:said|wrote|just said)|my last|me)|forget (?:i said|what i (?:said|wrote)|"
    r"that|about (?:that|it|what i said)|my last)|(?:was|i'?m|im|i am) (?:just )?being (?:dramatic|silly|stupid|daft|"
    r"an idiot)|(?:didn'?t|didnt|did not|don'?t|dont) (?:really )?mean (?:it|that|any of (?:it|that))|"
    r"(?:just|only) (?:joking|kidding|messing)|jk\b|never ?mind|scratch that|disregard (?:that|my last)|"
    r"pretend i (?:didn'?t|didnt|never) (?:say|said|write|wrote)|not for anything bad)"
)


def _disclosed_for_self(text: str, earlier: Sequence[str]) -> bool:
    """The message owns an amount or method asked in the last few messages: a crisis."""
    return bool(_OWNED_NOW.search(text)) and any(
        _AMOUNT_OR_METHOD_ASKED.search(normalise(before)) for before in list(earlier)[-STAND_DOWN_LOOKBACK:])


# Movements not yet felt before 24 weeks (fresh55: "19 weeks, only felt little flutters... today i haven't noticed
# anything. is that normal this early?"): most first feel their baby move between 16 and 24 weeks, and the advice is to
# tell the midwife if none by 24 weeks (Tommy's, and NHS maternity pages on reduced movements after the 24th week, read
# here). Not with bleeding, pain or fluid lost.
_EARLY_GESTATION = re.compile(r"\b(?:1[0-9]|2[0-3]) ?(?:weeks?|wks?)\b(?! (?:ago|since|after))")
_MOVEMENTS = re.compile(r"\b(?:mov\w*|kicks?|kicking|flutter\w*|wriggl\w*)\b")
_WITH_A_SIGN = re.compile(r"\b(?:bleed\w*|blood|pain\w*|aches?|aching|cramp\w*|waters?|fluid|leak\w*|gush\w*|spotting|"
                          r"temp\w*|fever\w*|shiver\w*|sting\w*|burn\w*|headache|vision|swell\w*|dizz\w*|faint\w*)\b")


def _movements_before_24_weeks(text: str) -> bool:
    """See _EARLY_GESTATION."""
    return bool(_EARLY_GESTATION.search(text) and _MOVEMENTS.search(text) and not _WITH_A_SIGN.search(text)
                and not re.search(r"\b(?:2[4-9]|3\d|4[0-2]) ?(?:weeks?|wks?)\b", text))


# Crisis words inside a song, or in a goodbye to this chat for a move (fresh55: "been humming 'you're gonna miss me
# when i'm gone' all day"; "this'll be my last message on here, moving to canada next week! thanks for all the
# help"): with that stretch set aside, no crisis word is left.
_NOT_A_FAREWELL = re.compile(
    r"\b(?:humming|hummed|singing|sang|sing|song|lyrics?|tune)\b(?: \S+){0,12}|"
    r"\b(?:last|final) (?:message|post|question|one)s? (?:on|in) (?:here|this (?:chat|app|site))\b(?: \S+){0,4} "
    r"(?:moving|emigrating|relocating|off to|going to|new job|new gp|changing)\b(?: \S+){0,4}"
)


# ...never with distress of one's own besides (fresh46, fresh49, fresh51: "been on repeat all night... i just want it
# all to stop for good", "its not just a song anymore", "every linkin park song at once except its not a phase
# anymore").
_OWN_DISTRESS = re.compile(
    r"\b(?:i (?:just )?want (?:it|this|everything|things) (?:all )?to (?:stop|end|be over)|for good|any ?more|"
    r"how i'?d|do it|can'?t (?:go on|do this|cope|keep|take)|no point|not just a song|thinking about|not a phase|"
    r"the vibe|that'?s me|relate|same here|mood|feel like)\b"
)


def _crisis_words_not_meant(text: str) -> bool:
    """See _NOT_A_FAREWELL."""
    if not _NOT_A_FAREWELL.search(text) or _OWN_DISTRESS.search(text):
        return False
    rest = _NOT_A_FAREWELL.sub(" ", text)
    return "suicide" not in _flagged(rest) and not _INTENT_NOW.search(rest)


# Chest soreness put down to coughing, nothing else told (fresh55: "chest sore from coughing 🤧 normal?").
# ...or a chest-wall pain brought on by pressing, twisting or a strain (fresh56: "sharp pain on the left side of my
# chest when I press on a rib or twist, since I moved a wardrobe on Sunday. breathing fine, no sweating").
_COUGH_SORE = re.compile(
    r"\bchest (?:\w+ ){0,2}(?:sore|aches?|achy|hurts?|pain) (?:\w+ ){0,2}(?:from|after|with|when i) "
    r"(?:all (?:the|this|my) )?cough\w*\b|"
    r"\bchest\b(?: \S+){0,8} (?:when|if) i (?:press|push|prod|touch|twist|turn|stretch|lift)\b(?=.*\b(?:since|after) i "
    r"(?:moved|lifted|carried|pulled|pushed|fell|started)\b|.*\b(?:gym|weights|lifting|wardrobe|sofa|furniture)\b)"
)
# Told absent: "breathing fine", "no sweating" (not counted against the reading).
_TOLD_ABSENT = re.compile(r"\b(?:no|not|without|never) (?:\w+ )?\w+|\bbreathing (?:is )?(?:fine|ok|okay|normal|good)\b")


def _sore_from_coughing(text: str) -> bool:
    """See _COUGH_SORE: the only red-flag word is the chest, and no breathlessness, fever or blood told present."""
    return bool(_COUGH_SORE.search(text)) and not re.search(
        r"\b(?:breath\w*|fever|temp\w*|blood|sweat\w*|arm|jaw|crushing|tight\w*|heavy)\b", _TOLD_ABSENT.sub(" ", text))


# A rash that fades under a pressed glass in a child who is well (fresh56: "high temp for 3 days, it broke this
# morning and now she's come out in a pinky blotchy rash... did the glass test and it fades completely. shes babbling
# and eating"): the glass test is how a meningitis rash is told apart (Meningitis Now, read in session 21); one that
# fades is not that rash.
_FADES_UNDER_GLASS = re.compile(
    r"^(?=.*\b(?:glass|tumbler)\b(?: \S+){0,6} (?:fades?|faded|goes? (?:away|white|pale)|went (?:away|white|pale)|"
    r"disappear\w*)|.*\b(?:fades?|faded|disappears?|goes white) (?:\w+ ){0,4}(?:glass|tumbler)\b)"
    r"(?=.*\b(?:babbling|eating|playing|feeding|drinking|giggling|smiling|normal|herself|himself|fine|happy|chatty)\b)"
    r"(?!.*\b(?:floppy|drowsy|hard to wake|won'?t wake|stiff neck|neck (?:is )?stiff|purple|not (?:eating|drinking|"
    r"feeding)|cold (?:hands|feet)|mottled|grey|gray|blue)\b)"
)
# A period heavier than usual with the pad lasting hours (fresh56: "I change pad every 3 or 4 hour, not much pain, I am
# not pregnant. I should see doctor?"): a GP matter in NHS heavy-periods advice, not a same-day one (a pad soaked
# every hour or two, dizziness or fainting is not this).
_PERIOD_PAD_HOURS = re.compile(
    r"^(?=.*\bperiods?\b)(?=.*\b(?:change|changing) (?:my |a |the )?(?:pads?|tampons?)\b(?: \S+){0,2} every "
    r"(?:[3-9]|three|four|five|six|few) (?:or (?:\d|four|five) )?(?:hours?|hrs?)\b)"
    r"(?!.*\b(?:dizz\w*|faint\w*|light ?headed|passed out|soak\w* (?:through )?(?:in|every) (?:an|1|one) ?h\w*|"
    r"(?<!not )pregnant)\b)"
)
# Paracetamol within the day's maximum, spaced out (fresh55, mid-conversation: "that's 6 over the whole day not all at
# once, 500mg ones, about 4 hrs apart"): the NHS's adult maximum is 8 tablets of 500 mg in 24 hours, 4 hours apart.
_WITHIN_THE_MAXIMUM = re.compile(
    r"\b(?:[1-8]|one|two|three|four|five|six|seven|eight)\b(?: \S+){0,8} 500 ?mg\b(?: \S+){0,6} "
    r"(?:4|four|5|five|6|six) ?(?:hrs?|hours?) apart\b|"
    r"\b(?:[1-8]|six|seven|eight) (?:\S+ ){0,3}over the (?:whole )?day\b(?: \S+){0,10} (?:4|four|5|five|6|six) "
    r"?(?:hrs?|hours?) apart\b"
)
# A small clot weeks after the birth, the bleeding settling (fresh55: "3 weeks postpartum, bleeding has slowed right
# down to a brownish pinky discharge... passed a tiny clot (smaller than a 5p)... no smell, no temp").
_SMALL_CLOT_AFTER_BIRTH = re.compile(
    r"^(?=.*\b(?:postpartum|post partum|after (?:the )?birth|since (?:the )?birth|since having|gave birth|"
    r"c[- ]?section)\b)(?=.*\b(?:tiny|small|little) clots?\b|.*\bclots?\b(?: \S+){0,4} (?:smaller than|size of) "
    r"(?:a )?(?:5p|penny|1p|10p|pea|grape|fingernail))(?!.*\b(?:soak\w*|gush\w*|pouring|flooding|heav\w*|dizzy|"
    r"faint\w*|smell\w* (?:bad|off|awful)|fever|(?:high )?temp\w* (?:of )?3[89]))"
)

# Calm readings set aside before any floor: (lay readers only, the reading, the red-flag categories it may carry,
# whether a crisis word rules it out).
_CALM_BEFORE_FLOORS: tuple[tuple[bool, Callable[[str], object], frozenset[str], bool], ...] = (
    (False, _chemo_temp_normal, frozenset({"sepsis", "other_urgent"}), True),  # "on chemo, day 10, temp 37.3, fine"
    (True, _simple_faint, frozenset({"unconscious"}), True),  # "fainted after a hot shower, came round straight away"
    (True, _local_sting, frozenset({"anaphylaxis", "other_urgent"}), False),  # "swollen round the sting, breathing ok"
    (False, _PILL_TWICE.search, frozenset({"overdose"}), True),  # "forgot my microgynon last night so took 2 today"
    (True, _movements_before_24_weeks, frozenset({"pregnancy"}), True),  # "19 weeks, not felt anything today"
    (False, _crisis_words_not_meant, frozenset({"suicide"}), False),  # a song's words; a goodbye to the chat
    (True, _sore_from_coughing, frozenset({"chest_pain"}), True),  # "chest sore from coughing"
    (True, _WITHIN_THE_MAXIMUM.search, frozenset({"overdose"}), True),  # "6 over the day, 500mg, 4 hrs apart"
    (True, _SMALL_CLOT_AFTER_BIRTH.search, frozenset({"bleeding", "pregnancy"}), True),  # a tiny clot, settling
    (True, _FADES_UNDER_GLASS.search, frozenset({"sepsis", "anaphylaxis", "other_urgent"}), True),  # a blanching rash
    (True, _PERIOD_PAD_HOURS.search, frozenset({"bleeding", "pregnancy"}), True),  # "change pad every 3 or 4 hour"
)


def _calm_before_floors(text: str, cues: Cues, persona: Persona) -> bool:
    """Whether one of the calm readings above holds for this reader, with no red flag beyond what it allows."""
    return any((persona.lay or not lay_only) and set(cues.categories) <= allowed
               and not (crisis_rules_out and cues.explicit_crisis) and bool(calm(text))
               for lay_only, calm, allowed, crisis_rules_out in _CALM_BEFORE_FLOORS)


class Triage:
    """Rules plus the linear model; `embed` is the shipped sentence embedder (injected)."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray] | None = None, model: TriageModel | None = None):
        self.embed = embed
        self.model = model if model is not None else (TriageModel.load() if embed is not None else None)

    def probability(self, message: str, persona: Persona) -> tuple[float, Cues, str]:
        """Chance the message describes someone needing urgent help now, the rule cues behind it, and the
        normalised text they were read from (the floors and vetoes read the same text)."""
        text = normalise(message)
        cues = read_cues(text)
        score = rule_score(cues, persona)
        if self.model is None or self.embed is None:
            return score, cues, text
        vector = self.embed([message])[0]
        return self.model.probability(model_input(vector, cues, persona, text)), cues, text

    def decide(self, message: str, persona: Persona, earlier: Sequence[str] = ()) -> Decision:
        """Emergency, crisis, urgent same-day, or none, from the message's own text.

        Two rule layers sit around the model. Floors: an ending with intent now, or an act-now sign in a
        person described now, fires whatever the model says, however the message is framed ("can you overdo
        ventolin? I can't breathe"). Vetoes: an exam question, or a clinician telling of an episode that has
        resolved, does not fire on the model alone. A floor always wins over a veto.

        `earlier` (the conversation's earlier user messages, oldest first) never lowers the level: a message that
        only asks to stand down from an emergency told just before ("so we don't need to go to hospital now? she
        seems fine") keeps that emergency's notice.
        """
        decision = self._decide(message, persona)
        if decision.fires and earlier and persona.lay and _prevents_one_told_before(message, earlier, persona):
            return Decision(Level.NONE, decision.categories, decision.probability)
        if decision.fires or not earlier:
            return decision
        text = normalise(message)
        if _disclosed_for_self(text, earlier):
            return Decision(Level.CRISIS, ["suicide"], decision.probability)
        if _TAKEN_BACK.search(text) and any(
                self._decide(before, persona).level is Level.CRISIS for before in list(earlier)[-STAND_DOWN_LOOKBACK:]):
            # A crisis told, then taken back (fresh57: "ignore that, was being dramatic, bad day. anyway how do i get my
            # repeat sertraline sent..."; "forget i said that. different question - how much insulin would be a
            # lethal dose"): taking it back is no sign the danger has passed, and the crisis line stays first.
            return Decision(Level.CRISIS, ["suicide"], decision.probability)
        told_before = self._told_with_before(message, earlier, persona)
        if told_before is not None:
            return told_before
        if not _STANDS_DOWN.search(text):
            return decision
        for before in reversed(list(earlier)[-STAND_DOWN_LOOKBACK:]):
            told = self._decide(before, persona)
            if told.level in (Level.EMERGENCY, Level.URGENT):  # a same-day problem asked to wait stays same-day
                return Decision(told.level, told.categories, decision.probability)
        return decision

    def _told_with_before(self, message: str, earlier: Sequence[str], persona: Persona) -> Decision | None:
        """A sign told across two messages ("what are amoxicillin's side effects?" then "day 5 and I've come out in
        a blotchy rash, can it wait till Monday?"; "she pushed a bead up her nose" then "still stuck, can it wait?"):
        the rules' same-day floors read the last few messages together, and a paracetamol count told after the
        medicine was named is an overdose. Only those rules, which need a sign told now: the model would read the
        earlier message's worry into every calm follow-up. Patients and carers only; a follow-up that tells of
        recovery is left alone, and so is an emergency the earlier messages told by themselves (its own reply carried
        the notice); a same-day sign told before keeps its notice."""
        if not persona.lay:
            return None
        text = normalise(message)
        cues = read_cues(text)
        if _well_again(text, cues, persona) or _vetoed(text, cues, persona) or _CARE_ARRANGED.search(text):
            return None
        # One message per line: no pattern reads across the end of one message into the next.
        told = "\n".join(normalise(before) for before in list(earlier)[-STAND_DOWN_LOOKBACK:])
        before = floor_level(told, read_cues(told), persona)
        if before is not None and before[0] is Level.URGENT:
            # A same-day sign told just before and not said to be over keeps its notice while the writer tells more
            # of it (fresh50: "my son 3 put something in his nose", then "its a small bead, i can see it, he's
            # breathing ok and playing normal"): an ordinary reply alone would read as "it can wait".
            return Decision(Level.URGENT, [before[1]], 0.0)
        if before is not None and _STILL_GOING_ON.search(text):
            # An emergency told before and still going on, or worse (fresh52: oven cleaner in the eye, then "its
            # burning so bad i cant open it at all... still stinging like mad what now"): the notice again, first.
            return Decision(before[0], [before[1]], 0.0)
        if before is not None:
            return None  # an emergency told before, not said to go on: its own reply carried the notice
        joined = told + "\n" + text
        joined_cues = read_cues(joined)
        if _well_again(joined, joined_cues, persona):
            return None
        spoken = joined.replace("\n", " ")  # the signs' own patterns may run across the two messages
        counted = _PARACETAMOL_NAMED.search(spoken) and _paracetamol_counted(text, named=True)
        if _paracetamol_overdose(spoken) or counted:
            return Decision(Level.EMERGENCY, ["overdose"], 0.0)  # the medicine named before, the count now
        # Same-day levels only otherwise: an act-now floor read across messages fired on "my husband has copd" then
        # "what breathing exercises help day to day" (the cues of the joined text lose the follow-up's question form).
        floor = floor_level(joined, joined_cues, persona)
        same_day = _drug_rash_now(spoken) or _SAME_DAY_SIGNS.search(spoken) or _knocked_or_stuck_now(spoken) or (
            _BURNED_LIMB_TOLD.search(told) and _BLISTERED_NOW.search(text) and not _no_event(text))
        if (floor is None or floor[0] is not Level.URGENT) and not same_day:
            return None
        return Decision(Level.URGENT, ["other_urgent"], 0.0)

    def _decide(self, message: str, persona: Persona) -> Decision:
        """The level from the message's own text alone."""
        if not persona.lay and _clinician_own_life(normalise(message), persona):
            persona = Persona.CAREGIVER  # a doctor's or nurse's own family, or themselves: read as anyone's
        elif persona is Persona.NURSE and _RELAYED.search(normalise(message)):
            persona = Persona.CAREGIVER  # a caller's or customer's own account, passed on: read as theirs
        p, cues, text = self.probability(message, persona)
        categories = list(cues.categories)
        if _calm_before_floors(text, cues, persona):
            return Decision(Level.NONE, categories, p)
        floor = floor_level(text, cues, persona)
        if floor is not None and floor[0] is not Level.URGENT:
            return Decision(floor[0], categories or [floor[1]], p)
        read = self._model_level(p, cues, text, persona)
        turn = _TURN.search(text) if floor is None and read is Level.NONE and persona.lay else None
        if turn is not None and turn.start() > 0:
            # Long context, then what is happening now (fresh45: a stent two years ago, "doing well", the
            # cardiologist pleased... "anyway tonight I got this tight heavy feeling in my chest going down my left
            # arm"): the history's past and calm words hid the sign from the floors. They read the part after the
            # turn on its own.
            rest = text[turn.start():]
            rest_cues = read_cues(rest)
            told_now = floor_level(rest, rest_cues, persona)
            if told_now is not None:
                return Decision(told_now[0], list(rest_cues.categories) or [told_now[1]], p)
        if floor is None:
            limb_burn = _BLISTERED_LIMB.search(text) and not (_no_event(text) or _LONG_AGO.search(text))
            if read is Level.NONE and persona.lay and limb_burn:
                return Decision(Level.URGENT, categories or ["other_urgent"], p)
            recent = not _LONG_AGO.search(text) or _SINCE_RECENTLY.search(text)  # "surgery last year" is history
            if read is Level.NONE and (persona.lay or cues.first_person) and _BLOCKED_BOWEL.match(text) \
                    and recent and not _no_event(text):
                return Decision(Level.URGENT, categories or ["other_urgent"], p)
            return Decision(read, categories, p)
        # A same-day floor is a floor, not a ceiling: when the model reads an emergency in a message with an
        # emergency red flag ("haven't peed all day" with a blotchy rash and shaking), the emergency stands. The
        # model alone does not lift it: "a bead up her nose, can't get it out" stays a same-day problem.
        red_flag = any(c != "other_urgent" for c in categories)
        level = read if read in (Level.EMERGENCY, Level.CRISIS) and red_flag else floor[0]
        return Decision(level, categories or [floor[1]], p)

    def _model_level(self, p: float, cues: Cues, text: str, persona: Persona) -> Level:
        """The level the model and the vetoes give, without the floors."""
        categories = list(cues.categories)
        if self.model is None or self.embed is None:
            threshold = 0.5
        else:
            threshold = self.model.threshold(persona, bool(cues.categories))
            if _nurse_asks_how_soon(text, cues, persona):
                threshold = min(threshold, self.model.threshold(Persona.CAREGIVER, bool(cues.categories)))
            quiet = (_FRAGMENT.fullmatch(text) or _BARE_CONDITION.fullmatch(text) or _ASIDE_OR_PATTERN.search(text)
                     or _ruled_out(text)
                     or _bare_fact(text) or _HOME_AGAIN.search(text)
                     or (persona.lay and _NAMED_BY_CLINICIAN.search(text) and not _CHANGING.search(text)))
            if not cues.categories and (not _described(cues) or quiet):
                # No red flag and nobody described ("translate good morning"), a follow-up fragment that only adds
                # to the last question ("and a 9 yr old", "what about in pregnancy?"), an aside or a pattern ("lately"),
                # or every red flag named only to rule it out ("swollen round the sting only, breathing
                # fine"), or a bare age or result of a test that changes over months ("her eGFR is 35 now"): the
                # model must be sure.
                threshold = max(threshold, ALONE)
            if not persona.lay and not cues.categories and not cues.explicit_crisis and _MANAGEMENT_ASKED.search(text):
                # A clinician's routine management question about a case with no red flag named ("76F T2DM on
                # metformin, eGFR now 27. Continue metformin?", "c/o aching thighs since the atorva, CK normal. stop
                # it?", "TSH 0.08 on routine bloods... reduce?"): the model must be sure.
                threshold = max(threshold, ALONE)
        if p < threshold or _vetoed(text, cues, persona):
            return Level.NONE
        if cues.explicit_crisis or categories == ["suicide"]:
            return Level.CRISIS
        if categories and all(c == "other_urgent" for c in categories):
            return Level.URGENT
        return Level.EMERGENCY
