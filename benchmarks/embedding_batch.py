"""The embedder's batch size: answer-time sentences and imported passages, as ratios to one batch of 32.

At answer time the evidence stage embeds up to 25 texts (the question and the leading candidate sentences of an
imported library, which ship no vectors); an import embeds passages. Both are measured for each batch size,
interleaved over three rounds so a busy machine slows every size alike, on text from a MedQuAD import.

    python benchmarks/embedding_batch.py --medquad ../shared/data/medquad [--out batch.json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import report  # noqa: E402
from knowledge.embeddings import MiniLMEmbedder  # noqa: E402
from knowledge.text import statements  # noqa: E402

BASELINE = 32
SIZES = (4, 8, 16, BASELINE)


def texts(medquad: Path, documents: int = 300) -> tuple[list[list[str]], list[str]]:
    """Groups of 25 answer sentences, and passages cut as an import cuts them (about 1,500 characters)."""
    answers = []
    with (medquad / "documents.jsonl").open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(documents), strict=False):
            answers += [qa["answer"] for qa in json.loads(line)["qa"]]
    sentences = [s for a in answers for s in statements(a) if 5 <= len(s.split()) <= 80]
    random.Random(0).shuffle(sentences)
    groups = [sentences[i * 25 : (i + 1) * 25] for i in range(20)]
    return groups, [a[:1500] for a in answers][:160]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--medquad", type=Path, required=True, help="../shared/data/medquad")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    groups, passages = texts(args.medquad)
    embedders = {size: MiniLMEmbedder(batch_size=size) for size in SIZES}
    answer_ms: dict[int, list[float]] = {size: [] for size in SIZES}
    passage_ms: dict[int, list[float]] = {size: [] for size in SIZES}
    for embedder in embedders.values():
        embedder.embed(["warm up"])
    for _ in range(3):
        for size, embedder in embedders.items():
            start = time.perf_counter()
            for group in groups:
                embedder.embed(group)
            answer_ms[size].append((time.perf_counter() - start) * 1000 / len(groups))
            start = time.perf_counter()
            embedder.embed(passages)
            passage_ms[size].append((time.perf_counter() - start) * 1000 / len(passages))
    answer = {size: statistics.median(v) for size, v in answer_ms.items()}
    passage = {size: statistics.median(v) for size, v in passage_ms.items()}
    report(
        {
            "answer_time_25_sentences_ms": {str(s): round(v, 1) for s, v in answer.items()},
            "answer_time_ratio_to_32": {str(s): round(v / answer[BASELINE], 2) for s, v in answer.items()},
            "import_ms_per_passage": {str(s): round(v, 1) for s, v in passage.items()},
            "import_ratio_to_32": {str(s): round(v / passage[BASELINE], 2) for s, v in passage.items()},
        },
        args.out,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
