"""Checkable references: each points at the document itself, and every guideline the text names is listed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from knowledge.loaders import BUNDLED_DIR, load_articles
from knowledge.schema import Article, Reference

ARTICLES = {a.id: a for a in load_articles([BUNDLED_DIR]).articles}

# Last path segments that name an index or a journal, not one document: a URL ending in one is a home page.
INDEX_SEGMENTS = {
    "",
    "guidelines",
    "guideline",
    "guidance",
    "publications",
    "publication",
    "care",
    "hiv",
    "ajsp",
    "practice-guidelines",
    "clinical-guidelines",
    "guidelines-and-statements",
    "journals",
    "news",
    "clinical-information",
    "recommendations",
    "index.html",
    "home",
}


def document_level_problem(url: str) -> str | None:
    """Why a reference URL is not a document's own https page, or None when it is."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "not https"
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return "bare site root"
    if segments[-1].lower() in INDEX_SEGMENTS and not parts.query:
        return f"index page '/{'/'.join(segments)}'"
    return None


@dataclass(frozen=True)
class Issuer:
    """A guideline-issuing body: how the text names it, and how a reference shows it."""

    mention: str  # regex for the name in running text
    listed: str  # regex matched against a reference's publisher, title and URL
    dated: bool = True  # a year next to the name must match the listed document's year


# Maintained list: add a body here when an article starts citing it.
ISSUERS = (
    Issuer(r"\bNICE\b", r"National Institute for Health and Care Excellence|nice\.org\.uk", dated=False),
    Issuer(r"\bESC(?:/EAS)?\b(?!-)", r"European Society of Cardiology|escardio|eurheartj"),
    Issuer(
        r"\b(?:AHA|ACC)(?:/(?:AHA|ACC|ASA|HFSA|ACCP|HRS|ACEP))+\b",
        r"American Heart Association|American College of Cardiology",
    ),
    Issuer(r"\bGOLD\b", r"Global Initiative for Chronic Obstructive Lung Disease"),
    Issuer(r"\bGINA\b", r"Global Initiative for Asthma"),
    Issuer(r"\bWHO\b(?! Classification)", r"World Health Organization"),
    Issuer(r"\bIDSA\b", r"Infectious Diseases Society of America"),
    Issuer(r"\bADA\b", r"American Diabetes Association"),
    Issuer(r"\bKDIGO\b", r"Kidney Disease: Improving Global Outcomes|kdigo"),
    Issuer(r"\bESMO\b", r"European Society for Medical Oncology"),
    Issuer(r"\bNCCN\b", r"National Comprehensive Cancer Network"),
    Issuer(r"\bUSPSTF\b|Preventive Services Task Force", r"Preventive Services Task Force"),
    Issuer(r"\bSIGN\b", r"Scottish Intercollegiate|\bSIGN\b"),
    Issuer(r"\bSurviving Sepsis Campaign\b|\bSSC\b", r"Surviving Sepsis|Society of Critical Care Medicine"),
    Issuer(r"\bEASL\b", r"European Association for the Study of the Liver"),
    Issuer(r"\bAASLD\b", r"American Association for the Study of Liver Diseases"),
    Issuer(r"\bACG\b", r"American College of Gastroenterology"),
    Issuer(r"\bAGA\b", r"American Gastroenterological Association"),
    # "ACR" alone is usually the albumin-to-creatinine ratio; only a dated or explicit ACR guideline counts.
    Issuer(
        r"\b(?:19|20)\d{2} ACR\b|\bACR guideline|American College of Rheumatology",
        r"American College of Rheumatology",
    ),
    Issuer(r"\bEULAR\b", r"EULAR|European Alliance of Associations for Rheumatology|European League Against"),
    Issuer(r"\bACP\b", r"American College of Physicians"),
    Issuer(r"\bAASM\b", r"American Academy of Sleep Medicine"),
    Issuer(r"\bAAN\b", r"American Academy of Neurology"),
    Issuer(r"\bACOG\b", r"American College of Obstetricians and Gynecologists"),
    Issuer(r"\bATS\b", r"American Thoracic Society"),
    Issuer(r"\bBHIVA\b", r"British HIV Association"),
    Issuer(r"\bCDC\b", r"Centers for Disease Control"),
    Issuer(r"\bESO\b", r"European Stroke Organisation"),
    Issuer(r"\bESPGHAN\b", r"ESPGHAN|European Society (?:for )?Paediatric Gastroenterology"),
    Issuer(r"\bBSG\b", r"British Society of Gastroenterology"),
    Issuer(r"\bNOGG\b", r"National Osteoporosis Guideline Group"),
    Issuer(r"\bASH\b", r"American Society of Hematology"),
    Issuer(r"\bCHEST\b", r"American College of Chest Physicians|chestnet"),
    Issuer(r"\bATA\b", r"American Thyroid Association"),
    Issuer(r"\bISPAD\b", r"International Society for Pediatric and Adolescent Diabetes"),
    Issuer(r"\bJBDS\b", r"Joint British Diabetes Societies"),
    Issuer(r"\bAHS\b|American Headache Society", r"American Headache Society"),
    Issuer(r"\bSACN\b", r"Scientific Advisory Committee on Nutrition"),
    Issuer(r"\bEndocrine Society\b", r"Endocrine Society"),
    Issuer(r"\bMHRA\b", r"Medicines and Healthcare products Regulatory Agency"),
    Issuer(r"\bILAE\b", r"International League Against Epilepsy"),
    Issuer(r"\bBTS\b", r"British Thoracic Society|\bBTS\b"),
)
NICE_CODE = re.compile(r"\b(NG|CG|TA|PH|QS|DG|NICE guideline )\s?(\d{1,4})\b")
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")


def _listing(ref: Reference) -> str:
    return f"{ref.publisher} | {ref.title} | {ref.url}"


def _year_beside(text: str, start: int, end: int) -> int | None:
    """A year written right before the name ("2024 ESC") or within the next three words ("GOLD 2025")."""
    before = re.search(r"\b((?:19|20)\d{2})\s*$", text[max(0, start - 6) : start])
    if before:
        return int(before.group(1))
    words = []
    for word in text[end:].split()[:3]:
        if word.lower() in {"and", "or", "with", "versus"}:
            break
        words.append(word)
        if word.endswith((",", ";", ".")):
            break
    found = YEAR.search(" ".join(words))
    return int(found.group(1)) if found else None


def unlisted_guidelines(article: Article) -> list[str]:
    """Guidelines named in the Guideline recommendations section that the reference list does not hold."""
    section = article.section("Guideline recommendations")
    if section is None:
        return []
    text, refs, missing = section.text, article.references, []
    for match in NICE_CODE.finditer(text):
        code = f"{'NG' if match.group(1).startswith('NICE') else match.group(1)}{match.group(2)}"
        pattern = re.compile(rf"\b{code[:2]}\s?{code[2:]}\b|/{code.lower()}\b", re.I)
        if not any(pattern.search(_listing(r)) for r in refs):
            missing.append(f"NICE {code}")
    for issuer in ISSUERS:
        listed = [r for r in refs if re.search(issuer.listed, _listing(r), re.I)]
        for match in re.finditer(issuer.mention, text):
            name = match.group(0)
            if not listed:
                missing.append(name)
                continue
            year = _year_beside(text, match.start(), match.end()) if issuer.dated else None
            if year and not any(r.year == year or str(year) in r.title for r in listed):
                missing.append(f"{name} {year}")
    return sorted(set(missing))


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_every_reference_has_a_document_level_url(article_id: str) -> None:
    problems = [
        f"{ref.title[:60]}: {ref.url} ({why})"
        for ref in ARTICLES[article_id].references
        if (why := document_level_problem(str(ref.url)))
    ]
    assert not problems, f"{article_id}: {problems}"


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_every_named_guideline_is_in_the_references(article_id: str) -> None:
    missing = unlisted_guidelines(ARTICLES[article_id])
    assert not missing, f"{article_id}: named in Guideline recommendations but not referenced: {missing}"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.nice.org.uk/guidance/ng136", True),
        ("https://doi.org/10.1016/j.annonc.2021.07.006", True),
        ("https://publications.iarc.fr/588", True),
        ("https://www.nice.org.uk/guidance", False),
        ("https://www.escardio.org/Guidelines", False),
        ("https://goldcopd.org/", False),
        ("https://www.ahajournals.org", False),
        ("http://www.nice.org.uk/guidance/ng136", False),
        ("https://www.aan.com/practice/guidelines", False),
    ],
)
def test_the_url_rule_tells_documents_from_home_pages(url: str, ok: bool) -> None:
    assert (document_level_problem(url) is None) is ok


def test_the_guideline_check_catches_an_unlisted_guideline() -> None:
    article = ARTICLES["gnet"].model_copy(deep=True)
    section = article.section("Guideline recommendations")
    assert section is not None
    section.text += "\n- For staging, the GOLD 2026 report and NICE NG999 say nothing; the 2019 ESC guideline neither."
    missing = unlisted_guidelines(article)
    assert "GOLD" in missing and "NICE NG999" in missing and "ESC" in missing
    assert unlisted_guidelines(ARTICLES["gnet"]) == []
