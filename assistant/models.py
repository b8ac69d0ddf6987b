"""The assistant's boundary models: what a turn produces, what a conversation keeps, what is exported."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from knowledge.schema import EvidenceType, ReviewStatus


class Persona(StrEnum):
    """Who is asking: decides reading level, tone and disclaimer."""

    PATIENT = "patient"
    CAREGIVER = "caregiver"
    STUDENT = "student"
    NURSE = "nurse"
    PHYSICIAN = "physician"

    @property
    def lay(self) -> bool:
        """Patients and caregivers get plain language and urgent-care wording."""
        return self in (Persona.PATIENT, Persona.CAREGIVER)


PERSONA_LABELS = {
    Persona.PATIENT: "A patient",
    Persona.CAREGIVER: "A family member or caregiver",
    Persona.STUDENT: "A health sciences student",
    Persona.NURSE: "A nurse or allied health professional",
    Persona.PHYSICIAN: "A physician",
}


class PartKind(StrEnum):
    """The sections of a reply, in the order they are shown."""

    GUIDELINES = "guidelines"
    RESEARCH = "research"
    OTHER = "other"


PART_HEADINGS = {
    PartKind.GUIDELINES: "From the guidelines",
    PartKind.RESEARCH: "From the research",
    PartKind.OTHER: "From other approved sources",
}


class Statement(BaseModel):
    """One sentence of a reply and the reference numbers that support it."""

    text: str
    citations: list[int] = Field(default_factory=list)
    anchors: list[str] = Field(
        default_factory=list, description="The exact passages it rests on: '2.1' = reference 2, its first cited passage"
    )
    professional: bool = Field(
        default=False, description="Written for health professionals, in a lay reader's answer (shown as such)"
    )


class AnswerPart(BaseModel):
    kind: PartKind
    statements: list[Statement]

    @property
    def heading(self) -> str:
        return PART_HEADINGS[self.kind]


class CitedPassage(BaseModel):
    """The exact stored text a citation points at, so a reader can check it."""

    chunk_id: str
    section: str
    text: str
    label: str = Field("", description="Its anchor, e.g. '2.1': reference 2, first cited passage")
    supports: list[str] = Field(default_factory=list, description="The reply's sentences that rest on it")


class SourceDocument(BaseModel):
    """A document the cited article itself rests on (guideline, paper)."""

    title: str
    publisher: str
    year: int
    url: str
    pmid: str | None = None
    doi: str | None = None


class Reference(BaseModel):
    """A numbered reference: built from stored metadata, never from model text."""

    number: int
    article_id: str
    title: str
    publisher: str
    year: int
    url: str = ""
    evidence_type: EvidenceType
    review_status: ReviewStatus
    last_updated: dt.date
    sample: bool = False
    passages: list[CitedPassage] = Field(default_factory=list)
    sources: list[SourceDocument] = Field(default_factory=list)


class NotSupported(BaseModel):
    """A sentence a composer wrote that the approved passages do not support: shown apart, with no number."""

    text: str
    reason: str


class NoticeKind(StrEnum):
    URGENT = "urgent"
    FALLBACK = "fallback"
    SAMPLE = "sample"
    NO_EVIDENCE = "no_evidence"
    INPUT = "input"
    UNSUPPORTED = "unsupported"
    OVERDUE = "overdue_review"
    CLARIFY = "clarify"
    PARTIAL = "partial"
    TECHNICAL = "technical"


class Notice(BaseModel):
    kind: NoticeKind
    text: str


AnswerStatus = Literal["answered", "abstained", "rejected", "urgent", "clarify"]


class Answer(BaseModel):
    """One reply. Rendering (assistant/render.py) always appends references and the disclaimer."""

    id: Annotated[str, Field(default_factory=lambda: uuid.uuid4().hex[:12])]
    question: str
    standalone_question: str = Field(description="The question as understood, after condensing a follow-up")
    persona: Persona
    status: AnswerStatus = "answered"
    triage: str = Field("none", description="Triage level of the message: emergency, crisis, urgent or none")
    direct: list[Statement] = Field(default_factory=list)
    parts: list[AnswerPart] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)
    disclaimer: str
    mode: str = Field(description="'offline' or the LLM's model name")
    unsupported_count: int = 0
    not_supported: list[NotSupported] = Field(default_factory=list)
    dropped_markers: int = 0
    created_at: dt.datetime
    timings_ms: dict[str, float] = Field(default_factory=dict)

    def body_text(self) -> str:
        """The answer's own sentences, without markers, references or disclaimer (for readability)."""
        sentences = [s.text for s in self.direct] + [s.text for p in self.parts for s in p.statements]
        return " ".join(sentences)


class Feedback(BaseModel):
    """A thumbs rating, stored with ids only unless an administrator turned question logging on."""

    answer_id: str
    score: Literal[0, 1]
    article_ids: list[str]
    persona: Persona
    mode: str
    at: dt.datetime
    question: str | None = None


class Turn(BaseModel):
    question: str
    answer: Answer
    feedback: Literal[0, 1] | None = None


class Transcript(BaseModel):
    """A conversation as kept in the session and exported."""

    id: Annotated[str, Field(default_factory=lambda: uuid.uuid4().hex[:12])]
    created_at: dt.datetime
    persona: Persona = Persona.PHYSICIAN
    turns: list[Turn] = Field(default_factory=list)

    def history(self, last: int = 3) -> list[Turn]:
        """The turns a follow-up may refer to."""
        return self.turns[-last:]
