"""MedQuAD and PubMedQA importers on the shared data (paths from MEDQUAD_PATH / PUBMEDQA_PATH)."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.loaders import ArticleError, read_medquad, read_pubmedqa
from knowledge.retrieval import HybridRetriever
from knowledge.schema import EvidenceType, ReviewStatus
from knowledge.store import KnowledgeStore
from tests.conftest import data_path


def test_medquad_import_maps_documents_and_qa_pairs(fresh_store: KnowledgeStore) -> None:
    path = data_path("MEDQUAD_PATH") / "documents.jsonl"
    articles = list(read_medquad(path, limit=6))
    first = json.loads(path.open().readline())
    article = articles[0]
    assert article.id == first["doc_id"] and article.title == first["focus"]
    assert article.evidence_type is EvidenceType.PATIENT_INFO and article.review_status is ReviewStatus.APPROVED
    assert str(article.url) == first["url"]
    assert [s.ref for s in article.sections] == [qa["qid"] for qa in first["qa"]]
    assert [s.title for s in article.sections] == [qa["qtype"] for qa in first["qa"]]
    questions = {qa["question"] for qa in first["qa"]}
    assert not any(q in s.text for s in article.sections for q in questions), "template questions must not be indexed"

    fresh_store.ingest(articles)
    hits = HybridRetriever(fresh_store).search(f"What are the treatments for {first['focus']}?", k=5)
    assert hits[0].article_id == first["doc_id"]
    assert hits[0].source_ref.startswith(first["doc_id"] + "-")
    assert hits[0].url == first["url"]


def test_pubmedqa_import_keeps_pmid_year_and_conclusion(fresh_store: KnowledgeStore) -> None:
    path = data_path("PUBMEDQA_PATH") / "ori_pqal.json"
    raw = json.loads(path.read_text())
    articles = list(read_pubmedqa(path, limit=20))
    pmid, item = next(iter(raw.items()))
    article = articles[0]
    assert article.id == pmid and article.evidence_type is EvidenceType.RESEARCH
    assert str(article.url) == f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    assert article.last_updated.year == int(item["YEAR"])
    assert article.section("Conclusion").text == item["LONG_ANSWER"].strip()

    fresh_store.ingest(articles)
    chunks = [c for c in fresh_store.all_chunks() if c.article_id == pmid]
    assert chunks and {c.source_ref for c in chunks} == {pmid}
    assert "Conclusion" in {c.section for c in chunks}


def test_a_bad_record_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    good = {
        "doc_id": "X_1",
        "source": "X",
        "url": "https://example.org/x",
        "focus": "thing",
        "qa": [{"qid": "X_1-1", "qtype": "information", "question": "What is thing ?", "answer": "A thing."}],
    }
    bad = {
        "doc_id": "X_2",
        "source": "X",
        "url": "not a url",
        "focus": "other",
        "qa": [{"qid": "X_2-1", "qtype": "information", "question": "?", "answer": "Other."}],
    }
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n")
    errors: list[ArticleError] = []
    assert [a.id for a in read_medquad(path, errors=errors)] == ["X_1"]
    assert errors[0].field == "url" and errors[0].file.endswith("docs.jsonl:1")
