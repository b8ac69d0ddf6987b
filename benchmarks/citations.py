"""The per-sentence support check on the labelled pairs: what it lets through and what it removes.

    python benchmarks/citations.py               # the untouched test split
    python benchmarks/citations.py --split dev   # the split used while writing the rules
    python benchmarks/citations.py --split fresh # pairs written before the rules were revised, never tuned on

"Shown as supported" = contradicted or unsupported pairs the check accepts (goal <= 2%);
"supported removed" = supported pairs the check rejects (goal <= 10%). Precision and recall are for
detecting a bad sentence. The old word-overlap rule (share of content words >= 0.5) runs beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.support import check  # noqa: E402
from knowledge.loaders import load_articles  # noqa: E402
from knowledge.text import content_terms  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "citation_pairs.jsonl"


def overlap_rule(sentence: str, passage: str) -> bool:
    words = content_terms(sentence)
    return not words or len(words & content_terms(passage)) / len(words) >= 0.5


def measure(rows: list[dict], accept, examples: bool = False) -> dict:
    bad = [r for r in rows if r["label"] != "supported"]
    good = [r for r in rows if r["label"] == "supported"]
    let_through = [r for r in bad if accept(r)]
    removed = [r for r in good if not accept(r)]
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        per_kind[r["kind"]][0] += 1
        per_kind[r["kind"]][1] += accept(r) == (r["label"] == "supported")
    caught = len(bad) - len(let_through)
    flagged = caught + len(removed)
    figures = {
        "pairs": len(rows),
        "bad_shown_as_supported": round(len(let_through) / len(bad), 3),
        "supported_removed": round(len(removed) / len(good), 3),
        "precision_of_rejection": round(caught / flagged, 3) if flagged else None,
        "recall_of_rejection": round(caught / len(bad), 3),
        "correct_by_kind": {k: f"{v[1]}/{v[0]}" for k, v in sorted(per_kind.items())},
    }
    if examples:  # only for the dev split: the held-out splits are counted, never read
        figures["examples_let_through"] = [f"[{r['kind']}] {r['sentence']}" for r in let_through[:15]]
        figures["examples_removed"] = [f"[{r['kind']}] {r['sentence']}" for r in removed[:15]]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", choices=["dev", "test", "fresh"])
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["split"] == args.split]
    titles = {a.id: a.title for a in load_articles().articles}  # shown beside a passage, as in the app
    check("warm up", ["load the vocabulary once"])
    started = time.perf_counter()
    support = measure(
        rows,
        lambda r: check(r["sentence"], [r["passage"]], titles[r["article_id"]]).supported,
        examples=args.split == "dev",
    )
    check_ms = (time.perf_counter() - started) * 1000 / len(rows)
    started = time.perf_counter()
    overlap = measure(rows, lambda r: overlap_rule(r["sentence"], r["passage"]))
    overlap_ms = (time.perf_counter() - started) * 1000 / len(rows)
    figures = {
        "split": args.split,
        "support_check": support,
        "word_overlap_baseline": overlap,
        # measure() calls each rule twice per pair; the first call reads each passage, the second hits the cache
        "ms_per_pair": {"support_check": round(check_ms, 2), "word_overlap": round(overlap_ms, 2)},
        "support_check_time_over_word_overlap": round(check_ms / overlap_ms, 1),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
