"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations

import json
from pathlib import Path


def jsonl(path: Path) -> list[dict]:
    """The rows of a JSON-lines file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by nearest rank, rounded for reporting."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def report(figures: dict, out: Path | None) -> None:
    """Print the figures as JSON, and keep them in a file when asked."""
    text = json.dumps(figures, indent=2)
    print(text)
    if out:
        out.write_text(text + "\n")
