"""python -m knowledge ingest | import | validate | search | stats — the knowledge base from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from assistant.config import Settings, SettingsError, load_settings
from assistant.wiring import open_board, open_store
from knowledge import reviewers_cli
from knowledge.db import connect
from knowledge.ingest import prepare, sync_libraries
from knowledge.libraries import Library, LibraryConfigError, parse_libraries
from knowledge.loaders import ImportReview, article_files, check_article_file, read_medquad, read_pubmedqa
from knowledge.retrieval import HybridRetriever
from knowledge.schema import ReviewStatus
from knowledge.stats import index_stats
from knowledge.store import KnowledgeStore

HIT_FIELDS = (
    "rank score article_id chunk_id title section evidence_type review_status last_updated url source_ref text"
).split()


def _hit_json(hit: object) -> dict:
    data = hit.model_dump(mode="json")  # type: ignore[attr-defined]
    return {key: data[key] for key in HIT_FIELDS}


def _libraries(paths: list[str], settings: Settings) -> list[Library]:
    """Folders given on the command line as libraries; a configured folder keeps its configured name."""
    if not paths:
        return settings.libraries
    configured = {lib.path: lib for lib in settings.libraries}
    given = parse_libraries(paths)
    chosen = []
    for library in given:
        if library.path in configured:
            chosen.append(configured[library.path])
            continue
        clash = next((c for c in settings.libraries if c.name == library.name), None)
        if clash is not None:
            raise LibraryConfigError(
                f"'{library.name}' is already the library at {clash.path}; name this folder, e.g. "
                f"other-{library.name}={library.path}"
            )
        chosen.append(library)
    return chosen


def cmd_ingest(store: KnowledgeStore, args: argparse.Namespace, settings: Settings) -> int:
    """Each folder is a library, pruned on its own; the board's decisions win over the files' front matter."""
    try:
        libraries = _libraries(args.paths, settings)
    except LibraryConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    board = open_board(settings, store)
    decisions = board.decisions()
    files = len(article_files([lib.path for lib in libraries if lib.path is not None]))
    with tqdm(total=files, unit="article", desc="ingest", disable=args.quiet) as bar:
        result = sync_libraries(
            store,
            libraries,
            prune=args.prune,
            progress=bar.update,
            overlay=lambda article: board.apply(article, decisions),
            review_interval_days=settings.review_interval_days,
        )
    board.reconcile()
    for error in result.errors:
        print(f"skipped {error}", file=sys.stderr)
    print(result.report.model_dump_json())
    return 1 if result.errors and not result.report.articles else 0


def cmd_import(store: KnowledgeStore, args: argparse.Namespace, settings: Settings) -> int:
    """An imported dataset is a library of its own; IMPORTS_NEED_REVIEW decides whether it enters approved."""
    reader = {"medquad": read_medquad, "pubmedqa": read_pubmedqa}[args.dataset]
    path = Path(args.path)
    if not path.exists():
        print(f"error: {path} does not exist; see README 'Importing MedQuAD and PubMedQA'", file=sys.stderr)
        return 2
    if path.is_dir():  # the dataset's folder: use its data file when it has the usual one
        data_file = path / {"medquad": "documents.jsonl", "pubmedqa": "ori_pqal.json"}[args.dataset]
        if not data_file.is_file():
            print(f"error: {path} is a folder without {data_file.name}; give the dataset file", file=sys.stderr)
            return 2
        path = data_file
    review = ImportReview(needs_review=settings.imports_need_review)
    board = open_board(settings, store)
    decisions = board.decisions()
    articles = prepare(
        list(reader(path, args.limit, review=review)),
        overlay=lambda article: board.apply(article, decisions),
        review_interval_days=settings.review_interval_days,
    )
    with tqdm(total=len(articles), unit="article", desc=f"import {args.dataset}", disable=args.quiet) as bar:
        report = store.ingest(articles, progress=bar.update)
    print(report.model_dump_json())
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Every problem of every file, one line each, for editors and their CI; exit 1 when any."""
    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: file: does not exist", file=sys.stderr)
    files = article_files([p for p in paths if p.exists()])
    seen: dict[str, Path] = {}
    problems = 0
    for file in files:
        article, found = check_article_file(file)
        for problem in found:
            print(problem)
        problems += len(found)
        if article is not None:
            if article.id in seen:
                print(f"{file}: id: '{article.id}' is also the id of {seen[article.id]}")
                problems += 1
            seen[article.id] = file
    print(f"{len(files)} files, {problems} problems", file=sys.stderr)
    return 1 if problems or missing or not files else 0


def _statuses(value: str) -> list[ReviewStatus]:
    return list(ReviewStatus) if value == "any" else [ReviewStatus(s) for s in value.split(",")]


def cmd_search(store: KnowledgeStore, args: argparse.Namespace) -> int:
    retriever = HybridRetriever(store)
    statuses = _statuses(args.status)
    if args.queries:
        with open(args.queries, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    hits = retriever.search(item["query"], k=args.k, statuses=statuses, mode=args.mode)
                    print(json.dumps({"id": item["id"], "hits": [_hit_json(h) for h in hits]}), flush=True)
        return 0
    if not args.question:
        print("error: give a question, or --queries FILE", file=sys.stderr)
        return 2
    hits = retriever.search(args.question, k=args.k, statuses=statuses, mode=args.mode)
    if args.json:
        print(json.dumps([_hit_json(h) for h in hits], indent=2))
    else:
        for hit in hits:
            print(
                f"{hit.rank:>2}. [{hit.score:.4f}] {hit.title} — {hit.section} "
                f"({hit.evidence_type}, {hit.review_status})"
            )
            print(f"    {hit.text[:160]}")
    return 0


def cmd_stats(store: KnowledgeStore, settings: Settings) -> int:
    stats = index_stats(store).model_dump()
    location = (
        f"http://{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else str(settings.store_dir)
    )
    print(json.dumps({"store": location, **stats}, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help="store folder (default: STORE_DIR setting)")
    common.add_argument("--quiet", action="store_true", help="no progress bar")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", parents=[common], help="index article folders (default: ARTICLE_DIRS)")
    ingest.add_argument("paths", nargs="*", help="folders, each `path` or `name=path` (a library)")
    ingest.add_argument(
        "--prune",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="remove this library's indexed articles whose file is gone (default: on)",
    )
    validate = sub.add_parser("validate", help="check article files; every problem of every file, exit 1 if any")
    validate.add_argument("paths", nargs="+")
    imp = sub.add_parser("import", parents=[common], help="import MedQuAD or PubMedQA")
    imp.add_argument("dataset", choices=["medquad", "pubmedqa"])
    imp.add_argument("path")
    imp.add_argument("--limit", type=int, default=None, help="only the first N documents")
    search = sub.add_parser("search", parents=[common], help="hybrid search")
    search.add_argument("question", nargs="?")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--json", action="store_true")
    search.add_argument("--status", default="approved", help="comma-separated statuses, or 'any'")
    search.add_argument("--queries", help="JSONL file of {id, query}; prints one JSON line per query")
    search.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    sub.add_parser("stats", parents=[common], help="counts, embedding model, store location")
    reviewers_cli.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        return cmd_validate(args)
    overrides = {"store_dir": Path(args.store)} if getattr(args, "store", None) else {}
    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:
        print(f"error: a setting is not valid: {exc}", file=sys.stderr)
        return 2
    if args.command == "reviewers":
        return reviewers_cli.run(connect(settings.database), args)
    store = open_store(settings)
    if store.rebuilt:
        print(
            "note: the index was built by another embedding model and has been emptied; ingest again", file=sys.stderr
        )
    if args.command == "ingest":
        return cmd_ingest(store, args, settings)
    if args.command == "import":
        return cmd_import(store, args, settings)
    if args.command == "search":
        return cmd_search(store, args)
    return cmd_stats(store, settings)


if __name__ == "__main__":
    sys.exit(main())
