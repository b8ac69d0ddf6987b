"""Answer quality on the labelled sets, and at MedQuAD scale: does the direct answer state what was asked?

    python benchmarks/answers.py                                   # bundled articles, untouched test split
    python benchmarks/answers.py --split dev                       # the split used while tuning
    python benchmarks/answers.py --medquad-store /tmp/mq --medquad ../shared/data/medquad

- key fact in the direct answer / anywhere in the reply (tests/data/answer_keyfacts.jsonl), per group;
- follow-ups on the right article, clarifications and declines (tests/data/conversations.jsonl);
- patient refusals where a physician is answered (every key-fact question asked as both);
- the patient's reading grade over the whole reply body; offline latency p50/p95;
- with --medquad-store (a store holding a MedQuAD import, collection "knowledge"): the share of direct
  answers drawn from the gold QA pair, and false answers when documents are removed from the index (their
  questions must be declined or answered from a document on the same focus) while questions whose
  documents stay are still answered. Removal works on a copy of the store.
- ablations: each evidence signal switched off in turn (key fact in the direct answer, dev split).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import assistant.pipeline as pipeline_module  # noqa: E402
from assistant.evidence import Weights  # noqa: E402
from assistant.models import Answer, Persona, Turn  # noqa: E402
from assistant.pipeline import Pipeline  # noqa: E402
from assistant.render import answer_body_md  # noqa: E402
from assistant.triage import Triage  # noqa: E402
from benchmarks.common import percentile  # noqa: E402
from knowledge.ingest import sync_articles  # noqa: E402
from knowledge.retrieval import HybridRetriever  # noqa: E402
from knowledge.store import KnowledgeStore, make_client  # noqa: E402
from knowledge.vectors import cached_embedder  # noqa: E402

DATA = ROOT / "tests" / "data"


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_pipeline(store: KnowledgeStore) -> Pipeline:
    embed = store.embedder.embed
    return Pipeline(retriever=HybridRetriever(store), articles=store, triage=Triage(embed=embed), embed=embed)


def has(patterns: list[str], text: str) -> bool:
    return all(re.search(p, text, re.I) for p in patterns)


def keyfacts(pipeline: Pipeline, rows: list[dict]) -> dict:
    groups: dict[str, list[int]] = {"clinician": [0, 0, 0], "patient_caregiver": [0, 0, 0]}
    misses = []
    for row in rows:
        persona = Persona(row["persona"])
        answer = pipeline.run(row["question"], persona=persona)
        direct = " ".join(s.text for s in answer.direct)
        cell = groups["patient_caregiver" if persona.lay else "clinician"]
        cell[0] += 1
        cell[1] += has(row["keyfacts"], direct)
        everything = " ".join(s.text for s in answer.direct + [s for p in answer.parts for s in p.statements])
        cell[2] += has(row["keyfacts"], everything)
        if not has(row["keyfacts"], direct):
            misses.append(f"[{row['persona']}] {row['question']}")
    return {
        g: {"questions": n, "in_direct_answer": round(d / n, 3), "anywhere": round(a / n, 3)}
        for g, (n, d, a) in groups.items()
        if n
    } | {"misses": misses[:25]}


def article_of(answer: Answer) -> str | None:
    return answer.references[0].article_id if answer.references else None


def conversations(pipeline: Pipeline, rows: list[dict]) -> dict:
    counts = {"article": [0, 0], "clarify": [0, 0], "decline": [0, 0]}
    wrong = []
    for row in rows:
        persona = Persona(row["persona"])
        history: list[Turn] = []
        for turn in row["turns"]:
            answer = pipeline.run(turn["question"], history, persona)
            expect = turn["expect"]
            if "article_id" in expect:
                key, ok = "article", answer.status == "answered" and article_of(answer) == expect["article_id"]
            elif expect.get("clarify"):
                key, ok = "clarify", answer.status == "clarify"
            else:
                key, ok = "decline", answer.status == "abstained"
            counts[key][0] += 1
            counts[key][1] += ok
            if not ok:
                wrong.append(f"{row['id']}: {turn['question']} -> {answer.status} {article_of(answer)} want {expect}")
            history.append(Turn(question=turn["question"], answer=answer))
    return {k: {"turns": n, "right": round(r / n, 3)} for k, (n, r) in counts.items() if n} | {"wrong": wrong[:25]}


def refusals_and_grades(pipeline: Pipeline, rows: list[dict]) -> dict:
    refused, grades, latencies = [], [], []
    for row in rows:
        start = time.perf_counter()
        lay = pipeline.run(row["question"], persona=Persona.PATIENT)
        latencies.append((time.perf_counter() - start) * 1000)
        pro = pipeline.run(row["question"], persona=Persona.PHYSICIAN)
        if pro.status == "answered" and lay.status != "answered":
            refused.append(row["question"])
        if lay.status == "answered":
            grades.append(textstat.flesch_kincaid_grade(answer_body_md(lay)))
    return {
        "patient_refused_where_physician_answered": len(refused),
        "refused": refused[:10],
        "patient_reply_body_fkgl_median": round(statistics.median(grades), 1) if grades else None,
        "offline_answer_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)},
    }


def ablations(store: KnowledgeStore, rows: list[dict]) -> dict:
    """Key fact in the direct answer with each evidence signal switched off, one at a time."""
    original = pipeline_module.decide
    base = Weights()
    results = {}
    switches = {
        "all signals": {},
        "no answer shape": {"shape": 0.0, "no_shape": 0.0},
        "no qualifiers": {"qualifier": 0.0, "other_subgroup": 0.0},
        "no exception penalty": {"exception": 0.0},
        "no section match": {"section": 0.0},
        "no MiniLM sentence rerank": {"meaning": 0.0},
        "no focus (topic words only)": {"asked": 0.0, "off_focus": 0.0, "topic": 1.6},
    }
    for name, change in switches.items():
        weights = dataclasses.replace(base, **change)
        pipeline_module.decide = lambda *a, _w=weights, **k: original(*a, **{**k, "weights": _w})
        pipeline = make_pipeline(store)
        hits = 0
        for r in rows:
            answer = pipeline.run(r["question"], persona=Persona(r["persona"]))
            hits += has(r["keyfacts"], " ".join(s.text for s in answer.direct))
        results[name] = round(hits / len(rows), 3)
    pipeline_module.decide = original
    return results


def medquad_scale(store_dir: Path, medquad: Path, questions: int) -> dict:
    """Gold-pair share and false answers at library scale, on a copy of a store holding a MedQuAD import."""
    work = Path(tempfile.mkdtemp()) / "store"
    shutil.copytree(store_dir, work)
    store = KnowledgeStore(make_client(work), cached_embedder(), "knowledge")
    indexed = {c.article_id for c in store.all_chunks()}
    dev = [q for q in jsonl(medquad / "dev_questions.jsonl") if q["doc_id"] in indexed]
    random.Random(7).shuffle(dev)
    asked = dev[:questions]
    pipeline = make_pipeline(store)
    gold, answered, latencies = 0, 0, []
    for item in asked:
        start = time.perf_counter()
        answer = pipeline.run(item["question"])
        latencies.append((time.perf_counter() - start) * 1000)
        if answer.status != "answered":
            continue
        answered += 1
        anchors = {a for s in answer.direct for a in s.anchors}
        chunk_ids = [p.chunk_id for r in answer.references for p in r.passages if p.label in anchors]
        refs = {chunk.source_ref for chunk, _ in store.chunks_by_id(chunk_ids).values()}
        gold += item["qid"] in refs
    focus = {c.article_id: c.title.lower() for c in store.all_chunks()}
    removed_docs = sorted({q["doc_id"] for q in dev[questions : questions * 3]})[: max(10, questions // 4)]
    store.remove_articles(removed_docs)
    pipeline = make_pipeline(store)
    removed_questions = [q for q in dev if q["doc_id"] in removed_docs][:questions]
    safe = 0
    for item in removed_questions:
        answer = pipeline.run(item["question"])
        same_focus = any(focus.get(r.article_id, "") == item["focus"].lower() for r in answer.references)
        safe += answer.status != "answered" or same_focus
    kept = [q for q in asked if q["doc_id"] not in removed_docs]
    still = sum(pipeline.run(q["question"]).status == "answered" for q in kept)
    return {
        "indexed_documents": len(indexed),
        "indexed_passages": store.count(),
        "questions": len(asked),
        "answered": round(answered / len(asked), 3),
        "direct_answer_from_gold_pair": round(gold / max(answered, 1), 3),
        "removed_documents": len(removed_docs),
        "removed_questions": len(removed_questions),
        "removed_declined_or_same_focus": round(safe / max(len(removed_questions), 1), 3),
        "kept_questions_still_answered": round(still / max(len(kept), 1), 3),
        "offline_answer_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--medquad-store", type=Path, help="a store holding a MedQuAD import")
    parser.add_argument("--medquad", type=Path, help="../shared/data/medquad")
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--skip-ablations", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    store = KnowledgeStore(make_client(Path(tempfile.mkdtemp()) / "bundled"), cached_embedder())
    sync_articles(store)
    pipeline = make_pipeline(store)
    pipeline.run("warm up")
    facts = [r for r in jsonl(DATA / "answer_keyfacts.jsonl") if r["split"] == args.split]
    talks = [r for r in jsonl(DATA / "conversations.jsonl") if r["split"] == args.split]
    figures: dict[str, object] = {"split": args.split}
    figures["key_facts"] = keyfacts(pipeline, facts)
    figures["conversations"] = conversations(pipeline, talks)
    figures["personas"] = refusals_and_grades(pipeline, facts)
    if not args.skip_ablations:
        dev = [r for r in jsonl(DATA / "answer_keyfacts.jsonl") if r["split"] == "dev"]
        figures["ablations_dev_key_fact_in_direct"] = ablations(store, dev)
    if args.medquad_store and args.medquad:
        figures["medquad"] = medquad_scale(args.medquad_store, args.medquad, args.questions)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
