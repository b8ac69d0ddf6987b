"""Retrieval quality, latency and ingestion throughput on MedQuAD (plus PubMedQA for scale).

Question -> document retrieval over an index of the answers (never the template questions), scored
for BM25 alone, dense alone and the hybrid in one run, on MedQuAD's DEV questions. Ingestion throughput
is reported beside the raw throughput of the same embedding model on the same texts, so the figure is a
ratio that holds on other machines.

    python benchmarks/retrieval.py --medquad ../shared/data/medquad --pubmedqa ../shared/data/pubmedqa \
        --store /tmp/bench-store --questions 2000

Run with --docs N for a quick slice (the questions are then those of the first N documents).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import percentile, report  # noqa: E402
from knowledge.chunking import chunk_article  # noqa: E402
from knowledge.embeddings import MiniLMEmbedder  # noqa: E402
from knowledge.loaders import read_medquad, read_pubmedqa  # noqa: E402
from knowledge.retrieval import HybridRetriever, RetrievalWeights  # noqa: E402
from knowledge.store import KnowledgeStore, make_client  # noqa: E402


def score(ranked_docs: list[str], top_ref: str, doc_id: str, qid: str) -> dict[str, float]:
    rank = ranked_docs.index(doc_id) + 1 if doc_id in ranked_docs else None
    return {
        "R@1": float(rank == 1),
        "R@5": float(rank is not None and rank <= 5),
        "R@10": float(rank is not None and rank <= 10),
        "MRR@10": 1.0 / rank if rank and rank <= 10 else 0.0,
        "pair R@1": float(top_ref == qid),
    }


def evaluate(retriever: HybridRetriever, questions: list[dict], mode: str) -> tuple[dict[str, float], list[float]]:
    totals: dict[str, float] = {}
    latencies = []
    for item in questions:
        start = time.perf_counter()
        hits = retriever.search(item["question"], k=30, mode=mode)
        latencies.append((time.perf_counter() - start) * 1000)
        docs: list[str] = []
        for hit in hits:
            if hit.article_id not in docs:
                docs.append(hit.article_id)
        result = score(docs[:10], hits[0].source_ref if hits else "", item["doc_id"], item["qid"])
        for key, value in result.items():
            totals[key] = totals.get(key, 0.0) + value
    return {k: v / len(questions) for k, v in totals.items()}, latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--medquad", type=Path, required=True, help="folder with documents.jsonl, dev_questions.jsonl")
    parser.add_argument("--pubmedqa", type=Path, help="folder with ori_pqal.json (added to the index for scale)")
    parser.add_argument("--store", type=Path, required=True, help="store folder (reused: unchanged chunks are kept)")
    parser.add_argument("--docs", type=int, default=None, help="only the first N MedQuAD documents")
    parser.add_argument("--questions", type=int, default=2000, help="DEV questions sampled (seed 7)")
    parser.add_argument("--throughput-sample", type=int, default=300, help="chunks for the raw embedding figure")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument("--skip-ingest", action="store_true", help="evaluate the store as it is (no ingestion figures)")
    args = parser.parse_args()

    embedder = MiniLMEmbedder()
    store = KnowledgeStore(make_client(args.store), embedder, "medquad-bench")
    articles = list(read_medquad(args.medquad / "documents.jsonl", args.docs))
    if args.pubmedqa:
        articles += list(read_pubmedqa(args.pubmedqa / "ori_pqal.json"))

    sample = [c.index_text() for a in articles[:200] for c in chunk_article(a)][: args.throughput_sample]

    def raw_rate() -> float:
        start = time.perf_counter()
        embedder.embed(sample)
        return len(sample) / (time.perf_counter() - start)

    # The raw baseline is measured before and after the ingest, so a machine busy with something else
    # during one of them shows up as a gap between the two instead of a silently wrong ratio.
    raw_before = raw_rate()
    start = time.perf_counter()
    ingested = store.ingest([]) if args.skip_ingest else store.ingest(articles)
    ingest_seconds = time.perf_counter() - start
    raw_after = raw_rate()
    raw = (raw_before + raw_after) / 2
    ingest_rate = ingested.embedded / ingest_seconds if ingested.embedded else 0.0
    print(f"ingest: {ingested.model_dump_json()} in {ingest_seconds:.1f}s", file=sys.stderr)

    doc_ids = {a.id for a in articles}
    questions = [
        q
        for q in map(json.loads, (args.medquad / "dev_questions.jsonl").read_text().splitlines())
        if q["doc_id"] in doc_ids
    ]
    random.Random(7).shuffle(questions)
    questions = questions[: args.questions]

    retriever = HybridRetriever(store, RetrievalWeights())
    retriever.search("warm up the lexical index", k=5)
    figures: dict[str, object] = {
        "documents": len(articles),
        "chunks": store.count(),
        "questions": len(questions),
        "raw_embedding_chunks_per_s": {"before": round(raw_before, 1), "after": round(raw_after, 1)},
        "ingest_chunks_per_s": round(ingest_rate, 1) if ingested.embedded else None,
        "ingest_over_raw": round(ingest_rate / raw, 3) if ingested.embedded else None,
    }
    for mode in ("lexical", "dense", "hybrid"):
        metrics, latencies = evaluate(retriever, questions, mode)
        figures[mode] = {k: round(v, 4) for k, v in metrics.items()} | {
            "p50_ms": percentile(latencies, 0.5),
            "p95_ms": percentile(latencies, 0.95),
        }
        print(mode, figures[mode], file=sys.stderr)
    report(figures, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
