"""Answer pipeline figures: offline latency, LLM overhead, abstention error rates, reading grades.

    python benchmarks/answers.py --store /tmp/bench-store --medquad ../shared/data/medquad

--store is a store that already holds the MedQuAD import (benchmarks/retrieval.py builds one; its
collection is "medquad-bench"). The bundled sample articles are indexed into a temporary store here.
Every figure comes from this one process and run, so ratios between them hold on other machines.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.llm import LLMClient, LLMComposer  # noqa: E402
from assistant.models import Persona  # noqa: E402
from assistant.pipeline import Pipeline  # noqa: E402
from benchmarks.common import percentile, report  # noqa: E402
from knowledge.embeddings import MiniLMEmbedder  # noqa: E402
from knowledge.ingest import sync_articles  # noqa: E402
from knowledge.retrieval import HybridRetriever  # noqa: E402
from knowledge.store import KnowledgeStore, make_client  # noqa: E402
from tests.fake_openai import FakeOpenAI, Reply  # noqa: E402


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def sweep(pipeline: Pipeline, inside: list[str], outside: list[str]) -> list[dict[str, float]]:
    """Both error rates across thresholds, from one retrieval per question (the decision is cheap)."""
    retrieved = [(q, pipeline.retriever.search(q, k=pipeline.k), True) for q in inside] + [
        (q, pipeline.retriever.search(q, k=pipeline.k), False) for q in outside
    ]
    chosen = pipeline.abstain_threshold
    rows = []
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        pipeline.abstain_threshold = threshold
        decided = [(pipeline._covered(q, hits), in_scope) for q, hits, in_scope in retrieved]
        rows.append(
            {
                "threshold": threshold,
                "false_abstention_rate": round(sum(not c for c, i in decided if i) / len(inside), 3),
                "false_answer_rate": round(sum(c for c, i in decided if not i) / len(outside), 3),
            }
        )
    pipeline.abstain_threshold = chosen
    return rows


def abstention(pipeline: Pipeline, inside: list[str], outside: list[str]) -> dict[str, float]:
    false_abstain = sum(pipeline.run(q).status == "abstained" for q in inside)
    false_answer = sum(pipeline.run(q).status != "abstained" for q in outside)
    return {
        "in_scope_questions": len(inside),
        "out_of_scope_questions": len(outside),
        "false_abstention_rate": round(false_abstain / len(inside), 3),
        "false_answer_rate": round(false_answer / len(outside), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="store holding the MedQuAD import")
    parser.add_argument("--collection", default="medquad-bench")
    parser.add_argument("--medquad", type=Path, required=True)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    embedder = MiniLMEmbedder()
    medquad = KnowledgeStore(make_client(args.store), embedder, args.collection)
    medquad_pipeline = Pipeline(retriever=HybridRetriever(medquad), articles=medquad)
    bundled = KnowledgeStore(make_client(Path(tempfile.mkdtemp()) / "bundled"), embedder)
    sync_articles(bundled)
    retriever = HybridRetriever(bundled)
    pipeline = Pipeline(retriever=retriever, articles=bundled)

    dev = jsonl(args.medquad / "dev_questions.jsonl")
    random.Random(11).shuffle(dev)
    dev = dev[: args.questions]
    medquad_pipeline.run("warm up")
    latencies = []
    for item in dev:
        start = time.perf_counter()
        medquad_pipeline.run(item["question"])
        latencies.append((time.perf_counter() - start) * 1000)
    figures: dict[str, object] = {
        "offline_answer_ms": {
            "questions": len(dev),
            "p50": percentile(latencies, 0.5),
            "p95": percentile(latencies, 0.95),
        }
    }

    samples = jsonl(ROOT / "tests" / "data" / "sample_questions.jsonl")
    out_of_scope = jsonl(ROOT / "tests" / "data" / "out_of_scope.jsonl")
    outside = [q["query"] for q in out_of_scope]
    figures["abstention_bundled"] = abstention(pipeline, [q["query"] for q in samples], outside)
    # MedQuAD covers most medical topics, so only the non-medical questions are out of its scope.
    non_medical = [q["query"] for q in out_of_scope if q["kind"] == "non-medical"]
    figures["abstention_medquad"] = abstention(medquad_pipeline, [q["question"] for q in dev], non_medical)
    figures["abstention_sweep_bundled"] = sweep(pipeline, [q["query"] for q in samples], outside)
    figures["abstention_sweep_medquad"] = sweep(medquad_pipeline, [q["question"] for q in dev], non_medical)

    grades: dict[str, list[float]] = {p.value: [] for p in Persona}
    for item in samples:
        for persona in (Persona.PATIENT, Persona.CAREGIVER, Persona.NURSE, Persona.PHYSICIAN):
            answer = pipeline.run(item["query"], persona=persona)
            if answer.status == "answered":
                grades[persona.value].append(textstat.flesch_kincaid_grade(answer.body_text()))
    figures["reading_grade_median"] = {p: round(statistics.median(g), 1) for p, g in grades.items() if g}

    # LLM overhead: time to the first streamed token beyond the fake server's own delay.
    delay = 0.2
    overheads, offline_ms = [], []
    with FakeOpenAI([Reply(text="DIRECT:\nA sentence [1].\n", delay=delay)]) as server:
        from openai import OpenAI

        client = LLMClient(OpenAI(api_key="x", base_url=server.base_url, max_retries=0), "bench-model")
        llm_pipeline = Pipeline(retriever=retriever, articles=bundled, llm=LLMComposer(client))
        for item in samples[:40]:
            start = time.perf_counter()
            first: list[float] = []

            def note(_token: str, first: list[float] = first) -> None:
                if not first:
                    first.append(time.perf_counter())

            llm_pipeline.run(item["query"], on_token=note)
            if first:
                overheads.append((first[0] - start - delay) * 1000)
            start = time.perf_counter()
            pipeline.run(item["query"])
            offline_ms.append((time.perf_counter() - start) * 1000)
    figures["llm_first_token_overhead_ms"] = {
        "server_delay_ms": delay * 1000,
        "questions": len(overheads),
        "p50": percentile(overheads, 0.5),
        "p95": percentile(overheads, 0.95),
    }
    figures["offline_answer_bundled_ms"] = {"p50": percentile(offline_ms, 0.5), "p95": percentile(offline_ms, 0.95)}
    report(figures, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
