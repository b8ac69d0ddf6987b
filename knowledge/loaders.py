"""Turn article files and the shared datasets into validated Articles.

Bad input never aborts a load: each problem becomes an ArticleError naming the file and the field,
and the remaining articles still load.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from knowledge.schema import Article, EvidenceType, ReviewStatus, Section

BUNDLED_DIR = Path(__file__).parent / "articles"
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
MAX_ARTICLE_BYTES = 2_000_000  # the longest bundled article is about 10 kB; MedQuAD documents under 100 kB
MAX_FRONT_MATTER_CHARS = 20_000


class ArticleError(BaseModel):
    """A problem with one article file, precise enough to fix without reading code."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class LoadResult(BaseModel):
    """Articles that validated, and the errors of those that did not."""

    articles: list[Article]
    errors: list[ArticleError]


def split_front_matter(text: str) -> tuple[str, str]:
    """Split '---' YAML front matter from the Markdown body; later '---' lines belong to the body."""
    text = text.removeprefix("\ufeff")
    if not text.startswith("---"):
        raise ValueError("the file must start with '---' YAML front matter")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError("the front matter has no closing '---'")
    head = match.group(1)
    if len(head) > MAX_FRONT_MATTER_CHARS:
        raise ValueError(f"the front matter is {len(head):,} characters long; the limit is {MAX_FRONT_MATTER_CHARS:,}")
    return head, text[match.end() :]


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: metadata never needs them, and they are how YAML bombs work."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases (*name) are not allowed in front matter")
        return super().compose_node(parent, index)  # type: ignore[misc]


def parse_sections(body: str) -> list[Section]:
    """Level-2 headings delimit sections; text before the first heading is ignored."""
    matches = list(_HEADING.finditer(body))
    sections = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        text = body[match.end() : end].strip()
        if text:
            sections.append(Section(title=match.group(1).strip(), text=text))
    return sections


def parse_article(text: str) -> Article:
    """One article file's text to an Article; raises ValueError or ValidationError."""
    head, body = split_front_matter(text)
    meta = yaml.load(head, Loader=_FrontMatterLoader)  # a SafeLoader that refuses aliases
    if not isinstance(meta, dict):
        raise ValueError("the front matter is not a YAML mapping")
    return Article.model_validate({**meta, "sections": parse_sections(body)})


def _field_of(error: ValidationError) -> tuple[str, str]:
    return _fields_of(error)[0]


def _fields_of(error: ValidationError) -> list[tuple[str, str]]:
    """Every (field, message) of a validation error, model-level messages split at 'field: '."""
    found = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "article"
        message = item["msg"]
        if field == "article" and ":" in message:
            field, _, message = message.removeprefix("Value error, ").partition(": ")
        found.append((field, message))
    return found


def _cross_field(meta: dict, sections: list[Section]) -> list[tuple[str, str]]:
    """The whole-article rules, checked on the raw front matter so they show beside field errors."""
    found = []
    approved = str(meta.get("review_status", "")) == ReviewStatus.APPROVED.value
    if approved and not str(meta.get("reviewed_by") or "").strip():
        found.append(("reviewed_by", "an approved article must name who approved it"))
    if approved and meta.get("sample") is not True and not meta.get("reviewed_on"):
        found.append(("reviewed_on", "an approved article that is not sample content needs its review date"))
    if not sections:
        found.append(("body", "the article has no '## ' sections"))
    return found


def check_article_file(path: Path) -> tuple[Article | None, list[ArticleError]]:
    """The article in a file and every problem with it, not only the first (for editors and their CI)."""

    def error(field: str, message: str) -> ArticleError:
        return ArticleError(file=str(path), field=field, message=message)

    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return None, [error("file", f"{size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,} per article")]
        head, body = split_front_matter(path.read_text(encoding="utf-8"))
        meta = yaml.load(head, Loader=_FrontMatterLoader)  # a SafeLoader that refuses aliases
    except (ValueError, yaml.YAMLError, UnicodeDecodeError, OSError, RecursionError) as exc:
        return None, [error("file", (str(exc).splitlines() or [type(exc).__name__])[0])]
    if not isinstance(meta, dict):
        return None, [error("file", "the front matter is not a YAML mapping")]
    sections = parse_sections(body)
    problems: list[ArticleError] = []
    article = None
    try:
        article = Article.model_validate({**meta, "sections": sections})
    except ValidationError as exc:
        found = _fields_of(exc)
        found += [item for item in _cross_field(meta, sections) if item[0] not in {f for f, _ in found}]
        problems.extend(error(field, message) for field, message in found)
    article_id = str(meta.get("id", ""))
    if article_id and article_id != path.stem:
        problems.append(error("id", f"'{article_id}' must equal the file name '{path.stem}'"))
    return (article if not problems else None), problems


def load_article_file(path: Path) -> Article | ArticleError:
    """Load one file, turning every failure into an ArticleError (the first problem found)."""
    article, problems = check_article_file(path)
    return problems[0] if problems else article  # type: ignore[return-value]


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to their .md files, sorted so that loads are deterministic."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.md")) if path.is_dir() else [path])
    return files


def in_library(article: Article, library: str) -> Article:
    """The article as a member of a library: provenance from its front matter, else the library's name."""
    return article.model_copy(update={"library": library, "source": article.source or library})


def load_articles(paths: Iterable[Path] = (BUNDLED_DIR,), library: str | None = None) -> LoadResult:
    """Load every article; duplicate ids are an error on the later file.

    Each article is marked with its library: the one given, else its folder's (see knowledge/libraries.py).
    """
    from knowledge.libraries import library_for

    articles: list[Article] = []
    errors: list[ArticleError] = []
    seen: dict[str, str] = {}
    for root in paths:
        name = library or library_for(root).name
        for path in article_files([root]):
            result = load_article_file(path)
            if isinstance(result, ArticleError):
                errors.append(result)
            elif result.id in seen:
                errors.append(ArticleError(file=str(path), field="id", message=f"duplicate of {seen[result.id]}"))
            else:
                seen[result.id] = str(path)
                articles.append(in_library(result, name))
    return LoadResult(articles=articles, errors=errors)


def _validated(make: Callable[[], Article], where: str, errors: list[ArticleError] | None) -> Article | None:
    """Build one imported article; a bad record is reported and skipped, never fatal."""
    try:
        return make()
    except (ValidationError, KeyError, TypeError, ValueError) as exc:
        field, message = _field_of(exc) if isinstance(exc, ValidationError) else ("record", repr(exc))
        if errors is not None:
            errors.append(ArticleError(file=where, field=field, message=message))
        return None


class ImportReview(BaseModel):
    """How imported articles enter: approved on import (IMPORTS_NEED_REVIEW=false), or submitted to the board."""

    needs_review: bool = False
    imported_on: dt.date = Field(default_factory=dt.date.today)

    def fields(self, publisher: str) -> dict:
        """Status and provenance of an imported article: who vouches for it, and that the board did not."""
        if self.needs_review:
            return {"review_status": ReviewStatus.SUBMITTED, "reviewed_by": ""}
        return {
            "review_status": ReviewStatus.APPROVED,
            "reviewed_by": f"Accepted on import as published by {publisher}; not reviewed by the board",
            "reviewed_on": self.imported_on,
        }


def read_medquad(
    path: Path,
    limit: int | None = None,
    errors: list[ArticleError] | None = None,
    review: ImportReview | None = None,
) -> Iterator[Article]:
    """MedQuAD documents: one article each, one section per QA pair named by its qtype.

    The question string is left out on purpose: MedQuAD questions are templates, and indexing them
    would make question-to-document retrieval trivially easy and meaningless.
    """
    with path.open(encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            doc = json.loads(line)
            article = _validated(
                lambda doc=doc: _medquad_article(doc, review or ImportReview()), f"{path}:{count + 1}", errors
            )
            if article:
                yield article


def _medquad_article(doc: dict, review: ImportReview) -> Article:
    sections = [
        Section(title=qa["qtype"], text=qa["answer"].strip(), ref=qa["qid"]) for qa in doc["qa"] if qa["answer"].strip()
    ]
    return Article(
        id=doc["doc_id"],
        title=doc["focus"] or doc["doc_id"],
        evidence_type=EvidenceType.PATIENT_INFO,
        **review.fields(f"NIH ({doc['source']})"),
        last_updated=dt.date(2019, 1, 1),
        specialty=(doc.get("semantic_group") or "general").lower(),
        keywords=doc.get("synonyms") or [],
        url=doc.get("url") or None,
        source="medquad",
        library="medquad",
        sections=sections,
    )


def read_pubmedqa(
    path: Path,
    limit: int | None = None,
    errors: list[ArticleError] | None = None,
    review: ImportReview | None = None,
) -> Iterator[Article]:
    """PubMedQA PQA-L: one research article per PMID, its conclusion kept as a section of its own."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for count, (pmid, item) in enumerate(data.items()):
        if limit is not None and count >= limit:
            return
        article = _validated(
            lambda p=pmid, i=item: _pubmedqa_article(p, i, review or ImportReview()), f"{path}:{pmid}", errors
        )
        if article:
            yield article


def _pubmedqa_article(pmid: str, item: dict, review: ImportReview) -> Article:
    sections = [
        Section(title=(label or "Abstract").capitalize(), text=context.strip(), ref=pmid)
        for label, context in zip(item.get("LABELS", []), item["CONTEXTS"], strict=False)
        if context.strip()
    ]
    sections.append(Section(title="Conclusion", text=item["LONG_ANSWER"].strip(), ref=pmid))
    year = int(item["YEAR"]) if str(item.get("YEAR", "")).isdigit() else 2000
    return Article(
        id=pmid,
        title=item["QUESTION"].strip(),
        evidence_type=EvidenceType.RESEARCH,
        **review.fields("a peer-reviewed journal (PubMed)"),
        last_updated=dt.date(year, 1, 1),
        specialty="research",
        keywords=item.get("MESHES", [])[:12],
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
        source="pubmedqa",
        library="pubmedqa",
        sections=sections,
    )
