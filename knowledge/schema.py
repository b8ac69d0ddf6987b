"""The knowledge layer's boundary models: articles as written, chunks as indexed, hits as returned."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator


class ReviewStatus(StrEnum):
    """Editorial workflow; only APPROVED text may reach a user."""

    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    RETIRED = "retired"


class EvidenceType(StrEnum):
    """What kind of source an article is; guidelines are preferred at comparable relevance.

    RESEARCH is primary research whose design the source does not state (PubMed abstracts).
    """

    GUIDELINE = "guideline"
    SYSTEMATIC_REVIEW = "systematic_review"
    TRIAL = "trial"
    OBSERVATIONAL = "observational"
    REVIEW = "review"
    RESEARCH = "research"
    PATIENT_INFO = "patient_info"


REQUIRED_SECTIONS = ("Guideline recommendations", "Research evidence", "Plain-language summary")
ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class Reference(BaseModel):
    """A real document an article rests on; pmid/doi only when known to be right."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, Field(min_length=3)]
    publisher: Annotated[str, Field(min_length=2, description="Issuing body, or the journal of a paper")]
    year: Annotated[int, Field(ge=1900, le=2100)]
    url: HttpUrl
    pmid: Annotated[str | None, Field(pattern=r"^\d{1,9}$")] = None
    doi: Annotated[str | None, Field(pattern=r"^10\.\d{4,9}/\S+$")] = None


class Section(BaseModel):
    """One level-2 section of an article body."""

    title: str
    text: str
    ref: Annotated[str, Field(description="The source's own passage id (MedQuAD qid); empty for bundled")] = ""


class Article(BaseModel):
    """One knowledge-base article: front matter plus the sections of its body."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=ARTICLE_ID.pattern, max_length=120)]
    title: Annotated[str, Field(min_length=3)]
    evidence_type: EvidenceType
    review_status: ReviewStatus
    reviewed_by: str = ""
    reviewed_on: Annotated[dt.date | None, Field(description="When the approving reviewer signed it off")] = None
    last_updated: dt.date
    next_review: Annotated[
        dt.date | None, Field(description="When the article is due for review; default last_updated + interval")
    ] = None
    specialty: Annotated[str, Field(min_length=2)]
    sample: bool = False
    summary: str = ""
    keywords: list[str] = Field(default_factory=list)
    url: HttpUrl | None = None
    source: Annotated[
        str, Field(description="Where the article came from (front matter; else its library's name)")
    ] = ""
    library: Annotated[
        str, Field(description="The library (article folder or imported dataset) it belongs to; set by the loader")
    ] = ""
    publisher: Annotated[str, Field(description="Who issued the article, shown in reference lists")] = ""
    references: list[Reference] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    @field_validator("keywords", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value

    @model_validator(mode="after")
    def _approved_needs_reviewer(self) -> Article:
        if self.review_status is ReviewStatus.APPROVED and not self.reviewed_by.strip():
            raise ValueError("reviewed_by: an approved article must name who approved it")
        if self.review_status is ReviewStatus.APPROVED and not self.sample and self.reviewed_on is None:
            raise ValueError("reviewed_on: an approved article that is not sample content needs its review date")
        if not self.sections:
            raise ValueError("body: the article has no '## ' sections")
        return self

    def due(self, interval_days: int) -> dt.date:
        """When the article is due for review: its own next_review, else last_updated plus the interval."""
        return self.next_review or self.last_updated + dt.timedelta(days=interval_days)

    def section(self, title: str) -> Section | None:
        """The section with this title, case-insensitively."""
        wanted = title.casefold()
        return next((s for s in self.sections if s.title.casefold() == wanted), None)


class Chunk(BaseModel):
    """A retrievable passage: never spans two sections, carries the metadata a citation needs."""

    chunk_id: str
    article_id: str
    title: str
    section: str
    text: str
    evidence_type: EvidenceType
    review_status: ReviewStatus
    last_updated: dt.date
    url: str = ""
    source_ref: str = ""
    source: str = ""
    library: str = ""
    next_review: str = Field("", description="ISO date the article is due for review; empty when unknown")
    position: int = 0
    publisher: str = ""
    sample: bool = False
    references: str = Field("", description="The article's references as JSON (Chroma metadata is scalar)")
    keywords: str = Field("", description="The article's keywords joined by '; ': what the article is about")

    def index_text(self) -> str:
        """What the embedding model and BM25 see: title and section give a passage its topic."""
        return f"{self.title}. {self.section}. {self.text}"

    def metadata(self) -> dict[str, str | int]:
        """Chroma metadata: scalar values only."""
        return {
            "article_id": self.article_id,
            "title": self.title,
            "section": self.section,
            "evidence_type": self.evidence_type.value,
            "review_status": self.review_status.value,
            "last_updated": self.last_updated.isoformat(),
            "url": self.url,
            "source_ref": self.source_ref,
            "source": self.source,
            "library": self.library,
            "next_review": self.next_review,
            "position": self.position,
            "publisher": self.publisher,
            "sample": self.sample,
            "references": self.references,
            "keywords": self.keywords,
        }

    @classmethod
    def from_stored(cls, chunk_id: str, text: str, meta: dict) -> Chunk:
        """Rebuild a chunk from what Chroma returns."""
        return cls(chunk_id=chunk_id, text=text, **{k: v for k, v in meta.items() if k in cls.model_fields})


class Hit(Chunk):
    """A search result, best first: the design's search output."""

    rank: int
    score: float
    similarity: float | None = Field(None, description="Cosine similarity of question and passage (calibrated use)")
