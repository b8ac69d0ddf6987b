"""Words every stage shares: section names, which part of a reply a passage belongs to, an article's topic."""

from __future__ import annotations

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
