"""Hybrid search: dense (Chroma) and lexical (BM25) rankings fused, then clinical preferences.

Local Chroma has no ranked full-text search, so BM25 runs in the process over the same chunks.
Reciprocal rank fusion needs no score calibration between the two; after it, sections that match the
question's intent and guideline sources get small bonuses, enough to reorder results of comparable
relevance and never enough to lift an unrelated passage over a relevant one.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Collection as Coll
from dataclasses import dataclass, field

import bm25s
import numpy as np

from knowledge.intent import query_intents, section_intent
from knowledge.schema import Chunk, EvidenceType, Hit, ReviewStatus
from knowledge.store import KnowledgeStore
from knowledge.text import similar_form, tokens

RRF_K = 60
GUIDELINE_TYPES = frozenset({EvidenceType.GUIDELINE})


@dataclass(frozen=True)
class RetrievalWeights:
    """Fusion knobs, measured in benchmarks/retrieval.py."""

    dense: float = 1.0
    lexical: float = 1.0
    intent_bonus: float = 0.3
    guideline_bonus: float = 0.15
    title_bonus: float = 0.5
    candidates: int = 40


@dataclass(frozen=True)
class _Candidate:
    """What fusion and the preferences need to know of a passage, before its text is fetched."""

    title: str
    section: str
    evidence_type: str


# Whom a title's condition is for ("Asthma in adults and children"): not part of its name (also read by
# assistant/conversation.py, which drops it from an inherited topic).
_GROUP = r"(?:adults?|children|young people)"
# Head nouns a condition's name can drop: "coeliac" for coeliac disease, "Cushing's" for Cushing's syndrome.
_HEAD_NOUNS = frozenset(tokens("disease diseases syndrome disorder"))
FOR_GROUP = re.compile(rf"\s+(?:in|for) {_GROUP}(?: and {_GROUP})?\s*$", re.I)


@dataclass(frozen=True)
class _Names:
    """An indexed article's status and title, and the stemmed phrases that name its subject: `strong` (the
    title's name, bracketed abbreviations, keywords of two words or more) within `phrases` (every keyword)."""

    status: str
    title: str
    strong: frozenset[frozenset[str]]
    phrases: frozenset[frozenset[str]]
    # Keywords whose every word is a term: not "hep C", whose letter tokens drop, leaving "hep" (also "hep A").
    whole: frozenset[frozenset[str]] = frozenset()


def _whole(keyword: str) -> bool:
    """Whether every word of a keyword is a term: "hep C" and "vitamin D" lose a letter when tokenised (then "hep A"
    would name it too); "door-to-balloon" and "CHA2DS2-VASc" lose only a joining word or nothing."""
    if len(tokens(keyword)) == len(keyword.split()):
        return True
    return "-" in keyword and all(len(re.sub(r"\W", "", piece)) > 1 for piece in re.split(r"[\s-]+", keyword.strip()))


def _names_of(status: str, title: str, keywords: str) -> _Names:
    """What names an article: its title's name (without whom it is for, and without a generic head noun too:
    "coeliac" names "Coeliac disease"), the abbreviations its title gives in brackets, and its keywords."""
    head = title.split(":")[0]
    brackets = re.split(r",|/|\band\b", "".join(re.findall(r"\(([^)]*)\)", head)))
    titled = {frozenset(tokens(p)) for p in [FOR_GROUP.sub("", head.split("(")[0]), *brackets]}
    titled |= {t - _HEAD_NOUNS for t in titled if t & _HEAD_NOUNS and t - _HEAD_NOUNS}
    keyed = {frozenset(tokens(k)) for k in keywords.split(";")}
    whole = {frozenset(tokens(k)) for k in keywords.split(";") if _whole(k)}
    strong = titled | {k for k in keyed if len(k) > 1}
    return _Names(
        status,
        title,
        frozenset(strong - {frozenset()}),
        frozenset((titled | keyed) - {frozenset()}),
        frozenset(whole - {frozenset()}),
    )


def _asked_in(phrases: Coll[frozenset[str]], asked: set[str]) -> set[str]:
    """The terms of the name phrases that the asked terms hold whole."""
    return {t for part in phrases if part <= asked for t in part}


@dataclass
class _LexicalIndex:
    version: int
    chunks: list[Chunk]
    retriever: bm25s.BM25
    statuses: np.ndarray
    title_terms: dict[str, frozenset[str]] = field(default_factory=dict)
    topic_vocabulary: frozenset[str] = frozenset()
    topic_phrases: frozenset[frozenset[str]] = frozenset()  # each title and each keyword, as its stemmed terms
    masks: dict[frozenset[str], np.ndarray] = field(default_factory=dict)
    articles: np.ndarray | None = None  # each chunk's article id, "" when not approved (built on first use)
    buckets: dict[str, list[str]] = field(default_factory=dict)  # vocabulary by first two letters
    names: dict[str, _Names] | None = None  # article id -> what names it (built on first use)
    name_forms: dict[str, set[str]] = field(default_factory=dict)  # the names' terms by first two letters


class HybridRetriever:
    """Search over a KnowledgeStore; only approved chunks unless a caller asks otherwise."""

    def __init__(
        self, store: KnowledgeStore, weights: RetrievalWeights | None = None, recheck_seconds: float = 2.0
    ) -> None:
        self.store = store
        self.weights = weights or RetrievalWeights()
        self.recheck_seconds = recheck_seconds
        self._lock = threading.Lock()
        self._index: _LexicalIndex | None = None
        self._checked: tuple[int, float, int, str] = (-1, 0.0, 0, "")  # (version, when, count, stamp) last seen

    @staticmethod
    def _tokenize(texts: list[str]) -> list[list[str]]:
        return [tokens(t) for t in texts]

    def _look(self) -> tuple[int, float, int, str]:
        """The collection's size and shared version stamp: asked again after this process writes, else
        every recheck_seconds.

        Asking costs milliseconds per call. Every write by any process changes the stamp (a status change
        leaves the size alone), so other processes' writes show within recheck_seconds; the final status
        check in search() never relies on this.
        """
        version, when, _, _ = self._checked
        now = time.monotonic()
        if version != self.store.version or now - when > self.recheck_seconds:
            self._checked = (self.store.version, now, self.store.count(), self.store.stamp())
        return self._checked

    def index_state(self) -> tuple[int, int, str]:
        """(this process's write counter, chunk count, shared stamp): changes when any process writes.

        As cheap as _look: the chat page keys its knowledge-base summary on it on every script run.
        """
        version, _, count, stamp = self._look()
        return version, count, stamp

    def _store_count(self) -> int:
        return self._look()[2]

    def lexical_index(self) -> _LexicalIndex:
        """BM25 over every indexed chunk, rebuilt when any process changed the index (its stamp changed)."""
        version, _, count, stamp = self._look()
        version = hash((version, count, stamp))
        with self._lock:
            if self._index is None or self._index.version != version:
                chunks = self.store.all_chunks()
                retriever = bm25s.BM25()
                if chunks:
                    retriever.index(self._tokenize([c.index_text() for c in chunks]), show_progress=False)
                statuses = np.array([c.review_status.value for c in chunks], dtype=object)
                titles = sorted({c.title for c in chunks})
                title_terms = {t: frozenset(terms) for t, terms in zip(titles, self._tokenize(titles), strict=True)}
                keywords = {c.keywords for c in chunks if c.keywords}
                vocabulary = frozenset().union(*title_terms.values(), *(tokens(k) for k in keywords))
                phrases = {frozenset(tokens(k)) for ks in keywords for k in ks.split("; ")} | set(title_terms.values())
                self._index = _LexicalIndex(
                    version, chunks, retriever, statuses, title_terms, vocabulary, frozenset(p for p in phrases if p)
                )
            return self._index

    def library_terms(self, terms: Coll[str]) -> set[str]:
        """The terms that name something the library has an article on (a title or keyword word)."""
        return set(terms) & self.lexical_index().topic_vocabulary

    def names_library_topic(self, terms: Coll[str]) -> bool:
        """Whether the terms hold a whole title or keyword of some article ("gout", "high blood pressure"),
        not just one of its words ("blood" in "blood tests")."""
        asked = set(terms)
        return any(phrase <= asked for phrase in self.lexical_index().topic_phrases)

    def names_together(self, terms: Coll[str]) -> bool:
        """Whether one title or keyword holds every one of the terms ("clear cell" + "sarcoma", "type 2" +
        "diabetes"): the library names that variant of a condition, not only its head word."""
        asked = set(terms)
        return any(asked <= phrase for phrase in self.lexical_index().topic_phrases)

    def _named(self, terms: Coll[str]) -> tuple[dict[str, _Names], set[str]]:
        """What names each indexed article (built once per index version), and the terms of those names that
        the asked terms are, or are another form of ("anaemic" for "anaemia"): looked up by their first two
        letters, so the library's size barely matters. Both come from one index snapshot."""
        index = self.lexical_index()
        if index.names is None:
            names: dict[str, _Names] = {}
            for chunk in index.chunks:
                if chunk.article_id not in names:
                    names[chunk.article_id] = _names_of(chunk.review_status.value, chunk.title, chunk.keywords)
            # Retired articles are not indexed, but their names are kept (KnowledgeStore.retired_names).
            for article_id, title, keywords in self.store.retired_names():
                names.setdefault(article_id, _names_of(ReviewStatus.RETIRED.value, title, keywords))
            forms: dict[str, set[str]] = {}
            for named in names.values():  # `strong` is within `phrases`
                for term in {t for phrase in named.phrases for t in phrase}:
                    forms.setdefault(term[:2], set()).add(term)
            index.name_forms, index.names = forms, names
        asked = {
            term
            for word in terms
            for term in index.name_forms.get(word[:2], ())
            if term == word or similar_form(word, term)
        }
        return index.names, asked

    @staticmethod
    def _owners(names: dict[str, _Names], asked: set[str], strong: bool = False) -> set[str]:
        """The approved articles one of whose name phrases (with `strong`, only the strong ones) the asked terms hold
        whole."""
        return {
            article
            for article, named in names.items()
            if named.status == ReviewStatus.APPROVED.value
            and any(part <= asked for part in (named.strong if strong else named.phrases))
        }

    def topic_owners(self, terms: Coll[str]) -> set[str]:
        """The approved articles named for what the terms name: by a keyword ("cholesterol", "stroke"), by the
        name before the title's colon, without whom it is for ("Iron deficiency anaemia" of "... in adults"),
        or by an abbreviation the title gives in brackets ("DVT", "GERD"). A follow-up naming one of these asks
        about that article's subject, not the conversation's."""
        return self._owners(*self._named(terms))

    def named_owners(self, terms: Coll[str]) -> set[str]:
        """The approved articles the terms name by a title's name, a bracketed abbreviation or a keyword of two
        words or more ("atrial fibrillation", "heart failure"), not by a one-word keyword ("biologic", "flare"):
        what a question is about, not a medicine or sign it mentions."""
        return self._owners(*self._named(terms), strong=True)

    def owners_beyond(self, article_id: str, terms: Coll[str]) -> set[str]:
        """The approved articles named for something in the terms that `article_id` is not named for too: after
        COPD, "when would you add an ICS?" names asthma by "ICS", but COPD is named by it as well, so it names
        nothing beyond the conversation's article; "and spirometry for asthma?" names asthma beyond it."""
        names, asked = self._named(terms)
        own = names.get(article_id)
        mine = _asked_in(own.phrases, asked) if own else set()
        return {
            article
            for article in self._owners(names, asked) - {article_id}
            if any(part <= asked and not part <= mine for part in names[article].phrases)
        }

    def rarely_named(self, terms: Coll[str], min_weight: float) -> tuple[str, str] | None:
        """(article id, title) of the one approved article named by a keyword word the passages rarely hold
        (inverse document frequency `min_weight` or more: a drug, a test, a mutation such as "finerenone",
        "inclisiran", "D842V"), when no other approved article is named by a word as rare. "Where does
        inclisiran fit in?" also names the epilepsy and bowel screening articles by "fit", a common one-word keyword;
        an article named by its title's name or a longer keyword is never set aside for it."""
        names, asked = self._named(terms)
        weights = self.term_weights(asked)
        rare: dict[str, float] = {}
        for article in self._owners(names, asked):
            words = _asked_in(names[article].whole, asked)
            best = max((weights[t] for t in words), default=0.0)
            if best >= min_weight:
                rare[article] = best
        if len(rare) != 1:
            return None
        article = next(iter(rare))
        # Another article named by its title's name, an abbreviation or a longer keyword is the subject
        # ("haemorrhagic stroke, BP target?"): the rare word is then a detail of the question, not its topic.
        if any(part <= asked for other in self._owners(names, asked) - {article} for part in names[other].strong):
            return None
        return article, names[article].title

    def named_for(self, article_id: str, terms: Coll[str]) -> set[str]:
        """The terms that make up a keyword of `article_id` whole: "mri" for the back pain article; not "hep" from
        "hep C" (its letter is no term, so "hep A" would match it)."""
        names, asked = self._named(terms)
        own = names.get(article_id)
        return _asked_in(own.whole, asked) if own else set()

    def withheld_topics(self, terms: Coll[str]) -> list[tuple[str, str]]:
        """(title, review status) of the articles not approved (submitted, under review, or retired: their names
        are kept) that are named for what the terms ask about (by their title's name or a keyword of two words
        or more: "insomnia", "sleeping pills"), when no approved article is named for anything they are not.
        Their subject is in the library, but not approved: a passing mention in another article is no answer."""
        names, asked = self._named(terms)

        def named_by(named: _Names) -> set[str]:
            return _asked_in(named.phrases, asked)

        # An approved article named for part of it answers ("vitamin D with my osteoporosis tablets"), unless the
        # unapproved article is named for more than each approved one: "low-dose aspirin for primary prevention"
        # names the coronary article (aspirin) and the lipid one (primary prevention), and the retired aspirin
        # article (both); "pregnant, when do I start low-dose aspirin" names the pregnancy article just as well.
        owners = [named_by(names[article]) for article in self._owners(names, asked)]
        # A one-word keyword names the subject too when no approved article's text holds it: "is zopiclone ok short
        # term?" asks about the sleeping-pill article under review, whatever "sleep" and "short term" match elsewhere.
        single = {t for named in names.values() if named.status != ReviewStatus.APPROVED.value
                  for part in named.phrases - named.strong if len(part) == 1 and part <= asked for t in part}
        held = self.articles_holding(single) if single else {}
        unheld = {t for t in single if not held.get(t)}
        return sorted(
            (named.title, named.status)
            for named in names.values()
            if named.status != ReviewStatus.APPROVED.value
            and any(part <= asked and (part in named.strong or part <= unheld) for part in named.phrases)
            and all(owned < named_by(named) for owned in owners)
        )

    def indexed_terms(self, terms: Coll[str]) -> set[str]:
        """The stemmed terms that occur anywhere in the indexed passages."""
        index = self.lexical_index()
        vocab = index.retriever.vocab_dict if index.chunks else {}
        return {t for t in terms if t in vocab}

    def articles_holding(self, terms: Coll[str]) -> dict[str, frozenset[str]]:
        """For each stemmed term, the approved articles whose passages hold it, or a longer or shorter form of
        it ("anaem" and "anaemia"), or, for a long word, one letter off ("migran" and "migrain"). The evidence
        stage asks whether one article holds a question's whole topic, not just the passages retrieved."""
        index = self.lexical_index()
        if not index.chunks:
            return {t: frozenset() for t in terms}
        vocab = index.retriever.vocab_dict
        indptr, indices = index.retriever.scores["indptr"], index.retriever.scores["indices"]
        if index.articles is None:
            approved = index.statuses == ReviewStatus.APPROVED.value
            ids = [c.article_id if ok else "" for c, ok in zip(index.chunks, approved, strict=True)]
            index.articles = np.array(ids)
            buckets: dict[str, list[str]] = {}
            for word in vocab:
                buckets.setdefault(word[:2], []).append(word)
            index.buckets = buckets
        held = {}
        for term in terms:
            forms = [term] if term in vocab or len(term) < 5 else []
            if len(term) >= 5:
                forms += [w for w in index.buckets.get(term[:2], ()) if w != term and similar_form(term, w)]
            chunks = [indices[indptr[vocab[w]] : indptr[vocab[w] + 1]] for w in forms if w in vocab]
            ids = set(index.articles[np.concatenate(chunks)]) if chunks else set()
            held[term] = frozenset(ids - {""})
        return held

    def term_weights(self, terms: Coll[str]) -> dict[str, float]:
        """Inverse document frequency of stemmed terms over the indexed chunks: rare words weigh more."""
        index = self.lexical_index()
        n = max(len(index.chunks), 1)
        vocab = index.retriever.vocab_dict if index.chunks else {}
        indptr = index.retriever.scores["indptr"] if index.chunks else None
        weights = {}
        for term in terms:
            position = vocab.get(term)
            df = int(indptr[position + 1] - indptr[position]) if position is not None and indptr is not None else 0
            weights[term] = float(np.log((n + 1) / (df + 0.5)))
        return weights

    def _lexical(self, tokens: list[str], statuses: frozenset[str], n: int) -> list[tuple[str, _Candidate]]:
        index = self.lexical_index()
        if not index.chunks or not tokens:
            return []
        mask = index.masks.get(statuses)
        if mask is None:
            mask = index.masks[statuses] = np.isin(index.statuses, list(statuses))
        scores = np.where(mask, index.retriever.get_scores(tokens), 0.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        return [
            (c.chunk_id, _Candidate(c.title, c.section, c.evidence_type.value))
            for c in (index.chunks[i] for i in top if scores[i] > 0)
        ]

    def _dense(
        self, vector: np.ndarray, statuses: frozenset[str], n: int
    ) -> tuple[list[tuple[str, _Candidate]], dict[str, float]]:
        """Nearest chunks of the wanted statuses, and their cosine similarity to the question.

        Chroma's metadata pre-filter costs several times the vector search itself here, and nearly
        every indexed chunk is approved, so the search runs unfiltered with headroom and filters after;
        only when too few survive does it ask Chroma to filter.
        """
        if self._store_count() == 0:
            return [], {}
        include = ["metadatas", "distances"]
        result = self.store.collection.query(query_embeddings=vector, n_results=n * 2, include=include)
        found = self._ranked(result, statuses)
        if len(found[0]) < n and len(result["ids"][0]) == n * 2:
            where = {"review_status": {"$in": sorted(statuses)}}
            result = self.store.collection.query(query_embeddings=vector, n_results=n, where=where, include=include)
            found = self._ranked(result, statuses)
        return found[0][:n], found[1]

    @staticmethod
    def _ranked(result: dict, statuses: frozenset[str]) -> tuple[list[tuple[str, _Candidate]], dict[str, float]]:
        ranking, similarity = [], {}
        for chunk_id, meta, distance in zip(
            result["ids"][0], result["metadatas"][0], result["distances"][0], strict=True
        ):
            if meta.get("review_status") in statuses:
                ranking.append(
                    (chunk_id, _Candidate(str(meta["title"]), str(meta["section"]), str(meta["evidence_type"])))
                )
                similarity[chunk_id] = 1.0 - float(distance)
        return ranking, similarity

    def search(
        self,
        question: str,
        k: int = 10,
        statuses: Coll[ReviewStatus | str] = (ReviewStatus.APPROVED,),
        mode: str = "hybrid",
    ) -> list[Hit]:
        """Best chunks first. mode: hybrid, dense or lexical (the last two for measurement)."""
        wanted = frozenset(ReviewStatus(s).value for s in statuses)
        n = max(self.weights.candidates, k)
        tokens = self._tokenize([question])[0]
        vector = self.store.embedder.embed([question]) if mode != "lexical" else None
        dense, similarity = self._dense(vector, wanted, n) if vector is not None else ([], {})
        lexical = self._lexical(tokens, wanted, n) if mode in ("hybrid", "lexical") else []
        scores: dict[str, float] = {}
        candidates: dict[str, _Candidate] = {}
        for weight, ranking in ((self.weights.dense, dense), (self.weights.lexical, lexical)):
            for rank, (chunk_id, candidate) in enumerate(ranking):
                scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (RRF_K + rank + 1)
                candidates[chunk_id] = candidate
        if mode == "hybrid":
            self._prefer(question, set(tokens), scores, candidates)
        ordered = sorted(scores, key=lambda cid: -scores[cid])[: k * 2]
        # The store has the last word on status and text: an editor may have changed them since indexing.
        current = self.store.chunks_by_id(ordered)
        missing = [cid for cid in ordered if cid in current and cid not in similarity]
        if vector is not None and missing:
            for cid, (_, stored) in self.store.chunks_by_id(missing, with_vectors=True).items():
                similarity[cid] = float(np.asarray(stored) @ vector[0])
        hits: list[Hit] = []
        for chunk_id in ordered:
            chunk = current.get(chunk_id, (None, None))[0]
            if chunk is None or chunk.review_status.value not in wanted:
                continue
            sim = similarity.get(chunk_id)
            hits.append(
                Hit(
                    **chunk.model_dump(),
                    rank=len(hits) + 1,
                    score=round(scores[chunk_id], 6),
                    similarity=None if sim is None else round(sim, 4),
                )
            )
            if len(hits) == k:
                break
        return hits

    def _prefer(
        self, question: str, tokens: set[str], scores: dict[str, float], candidates: dict[str, _Candidate]
    ) -> None:
        """Passages of an article the question names, intent-matching sections and guideline sources first.

        The title bonus goes to passages whose article title the question contains in full ('muscular
        dystrophy' over 'facioscapulohumeral muscular dystrophy' when only the former was asked about).
        """
        unit = 1.0 / (RRF_K + 1)
        intents = query_intents(question)
        titles = self.lexical_index().title_terms
        for chunk_id, candidate in candidates.items():
            if intents and section_intent(candidate.section) in intents:
                scores[chunk_id] += self.weights.intent_bonus * unit
            if candidate.evidence_type in GUIDELINE_TYPES and candidate.section.lower() != "research evidence":
                scores[chunk_id] += self.weights.guideline_bonus * unit
            terms = titles.get(candidate.title)
            if terms and terms <= tokens:
                scores[chunk_id] += self.weights.title_bonus * unit
