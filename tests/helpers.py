"""Small builders for article files used across tests."""

from __future__ import annotations

from pathlib import Path

DEFAULT_SECTIONS = {
    "Overview": "Zentoria is an invented condition used only in tests. It affects the left elbow.",
    "Guideline recommendations": (
        "The 2024 Test Society guideline recommends splinting the elbow for zentoria. "
        "It also recommends rest for two weeks."
    ),
    "Research evidence": "The ELBOW trial (2020) found splinting shortened zentoria recovery.",
    "Plain-language summary": "Zentoria hurts the elbow. A splint and rest help it heal.",
}


def article_text(
    article_id: str = "zentoria",
    title: str = "Zentoria of the elbow",
    status: str = "approved",
    evidence: str = "guideline",
    sections: dict[str, str] | None = None,
    extra: str = "",
) -> str:
    reviewer = "Test Board" if status == "approved" else ""
    body = "\n\n".join(f"## {name}\n{text}" for name, text in (sections or DEFAULT_SECTIONS).items())
    return (
        f'---\nid: {article_id}\ntitle: "{title}"\nevidence_type: {evidence}\nreview_status: {status}\n'
        f'reviewed_by: "{reviewer}"\nlast_updated: 2026-01-15\nspecialty: testing\nsample: true\n{extra}'
        'references:\n  - title: "Test Society guideline on zentoria"\n    publisher: "Test Society"\n'
        '    year: 2024\n    url: "https://example.org/zentoria"\n'
        f"---\n{body}\n"
    )


def write_article(folder: Path, article_id: str = "zentoria", **kwargs: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article_id}.md"
    path.write_text(article_text(article_id, **kwargs), encoding="utf-8")  # type: ignore[arg-type]
    return path
