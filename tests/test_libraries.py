"""An organisation's own library: its own folder, its own provenance, pruned on its own, due for review."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.export import transcript_markdown
from assistant.models import NoticeKind, Persona, Transcript, Turn
from assistant.pipeline import Pipeline
from assistant.records import FeedbackLog, GapLog, summarise_gaps
from knowledge.db import DB_ERRORS, Database
from knowledge.editorial import Action, EditorialBoard
from knowledge.ingest import sync_articles, sync_libraries
from knowledge.libraries import Library
from knowledge.loaders import ImportReview, read_medquad
from knowledge.retrieval import HybridRetriever
from knowledge.schema import ReviewStatus
from knowledge.store import KnowledgeStore
from tests.conftest import ROOT, data_path
from tests.helpers import article_text, write_article

TODAY = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
ORG = (
    'sample: false\nreviewed_on: 2026-02-01\npublisher: "Northfield Trust Cardiology"\n'
    "source: northfield-guidelines\n"
)


def org_article(folder: Path, article_id: str = "zentoria", extra: str = "") -> Path:
    """An approved article of the organisation's own, not sample content, with its provenance in front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article_id}.md"
    text = article_text(article_id).replace("sample: true\n", ORG + extra)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_organisation_article_survives_other_libraries_syncs_and_keeps_its_provenance(
    tmp_path: Path, fresh_store: KnowledgeStore
) -> None:
    org_article(tmp_path / "northfield")
    write_article(tmp_path / "demo", "quorblast", title="Quorblast of the knee")
    sync_articles(fresh_store, [tmp_path / "northfield"])
    demo = sync_articles(fresh_store, [tmp_path / "demo"])
    assert demo.report.articles_removed == 0
    assert fresh_store.article_ids(library="northfield") == {"zentoria"}
    assert fresh_store.article_ids(library="demo") == {"quorblast"}

    chunk = fresh_store.article_chunks("zentoria")[0]
    assert (chunk.library, chunk.source, chunk.publisher, chunk.sample) == (
        "northfield",
        "northfield-guidelines",
        "Northfield Trust Cardiology",
        False,
    )
    answer = Pipeline(retriever=HybridRetriever(fresh_store), clock=lambda: TODAY).run(
        "How is zentoria of the elbow treated?"
    )
    assert answer.status == "answered"
    assert {r.article_id for r in answer.references} == {"zentoria"}
    assert all(not r.sample and "Sample" not in r.publisher for r in answer.references)
    assert NoticeKind.SAMPLE not in {n.kind for n in answer.notices}

    # Deleting the file prunes it from its own library only.
    (tmp_path / "northfield" / "zentoria.md").unlink()
    assert sync_articles(fresh_store, [tmp_path / "northfield"]).report.articles_removed == 1
    assert fresh_store.article_ids() == {"quorblast"}


def test_an_id_taken_by_another_library_is_refused_not_overwritten(tmp_path: Path, fresh_store: KnowledgeStore) -> None:
    org_article(tmp_path / "northfield")
    write_article(tmp_path / "other", "zentoria", title="Another zentoria")
    sync_articles(fresh_store, [tmp_path / "northfield"])
    result = sync_articles(fresh_store, [tmp_path / "other"])
    assert [(e.field, "already indexed from library 'northfield'" in e.message) for e in result.errors] == [
        ("id", True)
    ]
    assert fresh_store.article_chunks("zentoria")[0].library == "northfield"


def test_an_answer_citing_an_overdue_article_says_so_in_notices_and_exports(
    tmp_path: Path, fresh_store: KnowledgeStore
) -> None:
    org_article(tmp_path / "northfield", extra="next_review: 2026-06-30\n")
    sync_libraries(fresh_store, [Library(name="northfield", path=tmp_path / "northfield")])
    assert fresh_store.article_chunks("zentoria")[0].next_review == "2026-06-30"
    pipeline = Pipeline(retriever=HybridRetriever(fresh_store), clock=lambda: TODAY)
    answer = pipeline.run("How is zentoria of the elbow treated?", persona=Persona.NURSE)
    overdue = [n.text for n in answer.notices if n.kind is NoticeKind.OVERDUE]
    assert len(overdue) == 1 and "Zentoria of the elbow (review was due 2026-06-30)" in overdue[0]
    transcript = Transcript(created_at=TODAY, persona=Persona.NURSE, turns=[Turn(question="q", answer=answer)])
    assert "overdue for editorial review" in transcript_markdown(transcript, exported_at=TODAY)

    # Without its own date, last_updated (2026-01-15) plus the interval decides.
    org_article(tmp_path / "northfield")
    sync_libraries(fresh_store, [Library(name="northfield", path=tmp_path / "northfield")], review_interval_days=400)
    assert fresh_store.article_chunks("zentoria")[0].next_review == "2027-02-19"
    assert not [n for n in pipeline.run("How is zentoria treated?").notices if n.kind is NoticeKind.OVERDUE]


def test_the_board_lists_every_library_and_overdue_articles(
    tmp_path: Path, fresh_store: KnowledgeStore, database: Database
) -> None:
    org_article(tmp_path / "northfield", extra="next_review: 2026-06-30\n")
    write_article(tmp_path / "drafts", "quorblast", title="Quorblast of the knee", status="submitted")
    libraries = [Library(name=n, path=tmp_path / n) for n in ("northfield", "drafts")]
    sync_libraries(fresh_store, libraries)
    board = EditorialBoard(database, fresh_store, libraries, clock=lambda: TODAY)
    assert {(e.id, e.library, e.status) for e in board.entries()} == {
        ("zentoria", "northfield", ReviewStatus.APPROVED),
        ("quorblast", "drafts", ReviewStatus.SUBMITTED),
    }
    assert [e.id for e in board.overdue()] == ["zentoria"]


def test_imported_datasets_are_libraries_the_board_reviews(fresh_store: KnowledgeStore, database: Database) -> None:
    path = data_path("MEDQUAD_PATH") / "documents.jsonl"
    articles = list(read_medquad(path, limit=3, review=ImportReview(needs_review=True)))
    assert all(a.review_status is ReviewStatus.SUBMITTED and a.library == "medquad" for a in articles)
    fresh_store.ingest(articles)
    retriever = HybridRetriever(fresh_store)
    first = articles[0]
    assert not retriever.search(f"What are the treatments for {first.title}?", k=5)

    board = EditorialBoard(database, fresh_store, [], imported=["medquad"])
    listed = {e.id: e for e in board.entries()}
    assert set(listed) == {a.id for a in articles} and listed[first.id].library == "medquad"
    assert board.load(first.id).sections, "the reviewer can read an imported article's text"
    board.decide(first.id, Action.START_REVIEW, "Dr Ada", ReviewStatus.SUBMITTED)
    board.decide(first.id, Action.APPROVE, "Dr Ada", ReviewStatus.UNDER_REVIEW)
    assert retriever.search(f"What are the treatments for {first.title}?", k=5)[0].article_id == first.id

    approved = next(read_medquad(path, limit=1, review=ImportReview(imported_on=dt.date(2026, 12, 1))))
    assert approved.review_status is ReviewStatus.APPROVED and approved.reviewed_on == dt.date(2026, 12, 1)
    assert "not reviewed by the board" in approved.reviewed_by


def test_gaps_and_feedback_are_shared_append_only_and_keep_questions_only_when_allowed(database: Database) -> None:
    from assistant.models import Feedback
    from assistant.records import GapRecord

    private, logging_on = GapLog(database), GapLog(database, keep_questions=True)
    day1, day2 = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC), dt.datetime(2026, 12, 2, 8, tzinfo=dt.UTC)
    private.append(
        GapRecord(at=day1, persona=Persona.PATIENT, best_similarity=0.2, nearest_article="gout", question="a?")
    )
    private.append(GapRecord(at=day2, persona=Persona.PATIENT, best_similarity=0.3, nearest_article="gout"))
    logging_on.append(GapRecord(at=day2, persona=Persona.NURSE, best_similarity=None, question="What about x?"))
    summary = summarise_gaps(private.read())
    assert summary.total == 3
    assert summary.by_day == {"2026-12-02": 2, "2026-12-01": 1}
    assert summary.by_persona == {"patient": 2, "nurse": 1}
    assert summary.by_nearest_article == {"gout": 2, "": 1}
    assert summary.questions == ["What about x?"]

    feedback = FeedbackLog(database)
    feedback.append(
        Feedback(answer_id="a1", score=0, article_ids=["gout"], persona=Persona.NURSE, mode="offline", at=day1)
    )
    assert [(r["answer_id"], r["article_ids"], r["question"]) for r in feedback.read()] == [("a1", ["gout"], None)]
    for table in ("evidence_gaps", "feedback"):
        for statement in (f"UPDATE {table} SET persona = 'x'", f"DELETE FROM {table}"):
            try:
                with database.transaction() as tx:
                    tx.execute(statement)
            except DB_ERRORS as exc:
                assert "append-only" in str(exc)
            else:
                raise AssertionError(f"{statement} was allowed")


def test_the_pipeline_records_the_nearest_article_of_a_gap(
    bundled_retriever: HybridRetriever, database: Database
) -> None:
    gaps = GapLog(database)
    answer = Pipeline(retriever=bundled_retriever, gaps=gaps, clock=lambda: TODAY).run(
        "What is the best tyre pressure for a mountain bike on gout?"
    )
    assert answer.status == "abstained"
    (record,) = gaps.read()
    assert record.nearest_article and record.question is None


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "CHROMA_HOST": "", **env},
    )


def test_validate_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    org_article(folder)
    (folder / "wrong-name.md").write_text(
        article_text("right-name")
        .replace("evidence_type: guideline", "evidence_type: rumour")
        .replace("specialty: testing", "specialty: x")
        .replace("sample: true\n", ""),
        encoding="utf-8",
    )
    (folder / "no-front-matter.md").write_text("## Overview\ntext\n", encoding="utf-8")
    done = run_cli("validate", str(folder), env={})
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert {line.split(": ")[1] for line in lines if "wrong-name.md" in line} == {
        "evidence_type",
        "specialty",
        "reviewed_on",
        "id",
    }
    assert any("no-front-matter.md: file:" in line for line in lines)
    assert not any("zentoria.md" in line for line in lines)
    assert "3 files, 5 problems" in done.stderr

    (folder / "wrong-name.md").unlink()
    (folder / "no-front-matter.md").unlink()
    assert run_cli("validate", str(folder), env={}).returncode == 0


def test_plain_ingest_syncs_article_dirs_and_leaves_other_libraries_alone(tmp_path: Path) -> None:
    org_article(tmp_path / "northfield")
    write_article(tmp_path / "demo", "quorblast", title="Quorblast of the knee")
    env = {"DATA_DIR": str(tmp_path / "data"), "STORE_DIR": str(tmp_path / "store")}
    first = run_cli("ingest", str(tmp_path / "northfield"), "--quiet", env=env)
    assert first.returncode == 0, first.stderr
    plain = run_cli("ingest", "--quiet", env={**env, "ARTICLE_DIRS": str(tmp_path / "demo")})
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["articles_removed"] == 0
    stats = json.loads(run_cli("stats", env=env).stdout)
    assert stats["by_source"] == {"northfield-guidelines": 1, "demo": 1}
