"""Libraries: the folders of article files an organisation keeps, and the datasets it imported.

Every indexed article belongs to one library, recorded in the index, so that ingesting or pruning one
library never touches another (an organisation's folder is not pruned by a sync of the bundled one).
A file library is named by ARTICLE_DIRS (`name=path`, or the folder's own name); an imported dataset's
library is the dataset's name and its articles live only in the index.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from knowledge.loaders import BUNDLED_DIR

BUNDLED = "bundled"
IMPORTED = ("medquad", "pubmedqa")


class Library(BaseModel):
    """One source of articles: a folder of Markdown files, or an imported dataset (path None)."""

    name: str
    path: Path | None = None

    @property
    def imported(self) -> bool:
        return self.path is None


class LibraryConfigError(ValueError):
    """ARTICLE_DIRS cannot be read; the message says how to write it."""


def library_for(path: Path, name: str | None = None) -> Library:
    """The library of a folder: the bundled one is 'bundled', others take their folder's name."""
    resolved = path.resolve()
    if name:
        return Library(name=name, path=resolved)
    if resolved == BUNDLED_DIR.resolve():
        return Library(name=BUNDLED, path=resolved)
    folder = resolved if resolved.is_dir() or not resolved.suffix else resolved.parent
    return Library(name=folder.name, path=resolved)


def parse_libraries(entries: Iterable[str]) -> list[Library]:
    """ARTICLE_DIRS entries (`path` or `name=path`) to libraries; names and paths must be unique."""
    libraries: list[Library] = []
    for raw in entries:
        entry = raw.strip()
        if not entry:
            continue
        name, _, path = entry.rpartition("=") if "=" in entry else ("", "", entry)
        library = library_for(Path(path).expanduser(), name.strip() or None)
        if library.name in IMPORTED:
            raise LibraryConfigError(f"ARTICLE_DIRS: '{library.name}' is the name of an imported dataset; rename it")
        for other in libraries:
            if other.name == library.name:
                raise LibraryConfigError(
                    f"ARTICLE_DIRS: two folders are both called '{library.name}' ({other.path} and {library.path}); "
                    f"name one, e.g. cardiology={library.path}"
                )
            if other.path == library.path:
                raise LibraryConfigError(f"ARTICLE_DIRS: {library.path} is listed twice")
        libraries.append(library)
    return libraries or [library_for(BUNDLED_DIR)]


def imported_library(dataset: str) -> Library:
    """The library an imported dataset's articles belong to."""
    return Library(name=dataset)
