"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations

import json
from pathlib import Path


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
