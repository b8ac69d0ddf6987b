"""Split articles into passages that follow the author's sections.

A chunk never spans two sections, so a citation always points at one heading. A long section is cut
at sentence boundaries, with one sentence of overlap so that a statement split across the cut keeps
its context. The size keeps a chunk inside the embedding model's 256-token window.
"""

from __future__ import annotations

import json
import re

from knowledge.schema import Article, Chunk
from knowledge.text import LIST_MARK, split_sentences

MAX_WORDS = 160
SAMPLE_PUBLISHER = "Sample knowledge base (demonstration content)"
_DEFAULT_PUBLISHER = {
    "medquad": "U.S. National Institutes of Health (via MedQuAD)",
    "pubmedqa": "PubMed abstract (via PubMedQA)",
}


def publisher_of(article: Article) -> str:
    """Who issued the article: its front matter; for sample content, say so; else its source."""
    if article.publisher:
        return article.publisher
    if article.sample:
        return SAMPLE_PUBLISHER
    return _DEFAULT_PUBLISHER.get(article.source, article.source or article.library)
OVERLAP_SENTENCES = 1
def _words(text: str) -> int:
    return len(text.split())


def _join(sentences: list[str]) -> str:
    """Sentences back into text; list items keep their own line so they still read as a list, and the text after
    a list starts a new paragraph, as it did in the article: joined to the last item by a space it read as part of
    that item ("- urine output below 0.5 mL/kg/hour for 6 hours or more KDIGO staging: stage 1 is...")."""
    text = ""
    in_list = False
    for sentence in sentences:
        item = bool(LIST_MARK.match(sentence))
        separator = "\n" if item else ("\n\n" if in_list else " ")
        text = f"{text}{separator}{sentence}" if text else sentence
        in_list = item
    return text


def split_section(text: str, max_words: int = MAX_WORDS, overlap: int = OVERLAP_SENTENCES) -> list[str]:
    """Greedy packing of whole sentences; a sentence longer than the limit stands alone."""
    sentences = split_sentences(text)
    if _words(text) <= max_words:
        return [text.strip()]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        if current and _words(" ".join(current + [sentence])) > max_words:
            pieces.append(_join(current))
            current = current[-overlap:] if overlap else []
            if current and _words(" ".join(current + [sentence])) > max_words:
                current = []
        current.append(sentence)
    if current:
        tail = _join(current)
        if not pieces or tail != pieces[-1]:
            pieces.append(tail)
    return pieces


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48] or "section"


def chunk_article(article: Article, max_words: int = MAX_WORDS) -> list[Chunk]:
    """Every section to one or more chunks with the metadata a citation needs."""
    references = json.dumps([r.model_dump(mode="json", exclude_none=True) for r in article.references])
    chunks: list[Chunk] = []
    for s_index, section in enumerate(article.sections):
        for p_index, text in enumerate(split_section(section.text, max_words)):
            chunks.append(
                Chunk(
                    chunk_id=f"{article.id}::{s_index:02d}-{_slug(section.title)}::{p_index}",
                    article_id=article.id,
                    title=article.title,
                    section=section.title,
                    text=text,
                    evidence_type=article.evidence_type,
                    review_status=article.review_status,
                    last_updated=article.last_updated,
                    url=str(article.url) if article.url else "",
                    source_ref=section.ref or article.id,
                    source=article.source or article.library,
                    library=article.library,
                    next_review=article.next_review.isoformat() if article.next_review else "",
                    position=len(chunks),
                    publisher=publisher_of(article),
                    sample=article.sample,
                    references=references if article.references else "",
                    keywords="; ".join(article.keywords),
                )
            )
    return chunks
