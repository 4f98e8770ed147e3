"""Hybrid search: the semantic and lexical rankings, filtered, fused by reciprocal rank."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

import numpy as np

from index import dense, store
from index.diacritics import DiacriticRestorer
from index.embedder import Embedder
from index.fusion import rrf
from index.lexical import LexicalIndex
from index.question import Previous, Question, understand
from index.question.references import cited_number_keys
from index.records import DocumentCard
from index.settings import IndexSettings
from knowledge.facts.model import Fact
from knowledge.header.doctypes import ALIASES
from knowledge.language.normalize import canonical, expand_abbreviations
from knowledge.structure.passages import Passage, context_text

CANDIDATES = 50  # per channel, before fusion


@dataclass
class Hit:
    """One passage found for a question, with the evidence of each channel."""

    passage_id: str
    doc_id: str
    province: Optional[str]
    kind: str
    role: str
    section: str
    heading: list[str]
    text: str
    doc_number: Optional[str]
    score: float
    dense_score: float
    lexical_score: float
    dense_rank: Optional[int]
    lexical_rank: Optional[int]
    areas: list[str] = field(default_factory=list)
    doc_title: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_passage(cls, p: Passage, score: float = 0.0, dense_score: float = 0.0, lexical_score: float = 0.0,
                     dense_rank: Optional[int] = None, lexical_rank: Optional[int] = None) -> "Hit":
        """A stored passage as a hit (scores default to zero when it was not searched for)."""
        return cls(passage_id=p.passage_id, doc_id=p.doc_id, province=p.province, kind=p.kind, role=p.role,
                   section=p.section, heading=list(p.heading), text=p.text, doc_number=p.doc_number, score=score,
                   dense_score=dense_score, lexical_score=lexical_score, dense_rank=dense_rank,
                   lexical_rank=lexical_rank, areas=list(p.areas or ([p.province] if p.province else [])),
                   doc_title=p.doc_title)


@dataclass
class SearchResult:
    hits: list[Hit]
    question: Question


class Searcher:
    """Loads a built index once; answers many searches. Records are typed and found by id."""

    def __init__(self, settings: IndexSettings, embedder: Optional[Embedder] = None) -> None:
        self.settings = settings
        self.stored = store.read(settings.path(settings.index_dir))
        self.embedder = embedder or Embedder(settings)
        if self.stored.manifest.get("model") != self.embedder.fingerprint:
            raise store.IndexMissingError(
                "index was built with another embedding model: rebuild it with `python -m index build`")
        self.passages: list[Passage] = self.stored.passages
        self.documents: list[DocumentCard] = self.stored.documents
        self.facts: list[Fact] = self.stored.facts
        self.cards = {d.id: d for d in self.documents}
        self.fact_by_id = {f.fact_id: f for f in self.facts}
        self.passage_by_id = {p.passage_id: p for p in self.passages}
        # Numbers the texts cite ("17-NQ/TW"): a question naming one is about what they say of it.
        self.cited_numbers = cited_number_keys(p.text for p in self.passages)
        # The lexical channel also sees each passage's document title, so words that name the
        # document ("kế hoạch thi đua chi trả không dùng tiền mặt") find its passages.
        self.restorer = DiacriticRestorer(p.text for p in self.passages)
        self.lexical = LexicalIndex([context_text([p.doc_title or "", *p.heading], p.text) for p in self.passages],
                                    restore=self.restorer.restore)
        self._areas: dict[str, np.ndarray] = {}
        for i, p in enumerate(self.passages):
            for area in p.areas or ((p.province,) if p.province else ()):
                self._areas.setdefault(area, np.zeros(len(self.passages), dtype=bool))[i] = True
        self._doc = np.array([p.doc_id for p in self.passages])
        self._kind = np.array([p.kind for p in self.passages])
        self._role = np.array([p.role for p in self.passages])

    def understand(self, text: str, previous: Optional[Previous] = None, province: Optional[str] = None,
                   doc_id: Optional[str] = None, kind: Optional[str] = None, auto: bool = True) -> Question:
        """The question read against the documents this index holds."""
        return understand(text, self.documents, previous, province, doc_id,
                          ALIASES.get(kind, kind) if kind else None, self.cited_numbers, auto)

    def _mask(self, question: Question) -> Optional[np.ndarray]:
        scope, docs, kinds = question.scope, question.doc_ids, question.kinds
        if not (scope or docs or kinds):
            return None
        mask = np.ones(len(self.passages), dtype=bool)
        if scope:
            in_area = np.zeros(len(self.passages), dtype=bool)
            for province in scope:
                if province in self._areas:
                    in_area |= self._areas[province]
            mask &= in_area
        if docs:
            mask &= np.isin(self._doc, list(docs))
        if kinds:
            mask &= np.isin(self._kind, list(kinds))
        return mask

    def search(self, question: Question | str, k: int = 5, **filters) -> SearchResult:
        """The k best passages for the question, within its provinces, documents and kinds.

        A plain string is read first (``filters`` as for ``understand``). For a metadata
        question the card and signature passages come first, then the rest.
        """
        if isinstance(question, str):
            question = self.understand(question, **filters)
        if question.unknown_provinces and not question.scope:
            return SearchResult(hits=[], question=question)  # only provinces we hold no document for
        text = question.search_text or question.text
        query_vec = self.embedder.encode_query(
            expand_abbreviations(self.restorer.restore(text) if question.plain else canonical(text)))
        mask = self._mask(question)
        hits: list[Hit] = []
        if question.roles:
            preferred = np.isin(self._role, list(question.roles)) & (True if mask is None else mask)
            hits = self._ranked(text, question.plain, query_vec, preferred, k)
        seen = {h.passage_id for h in hits}
        hits += [h for h in self._ranked(text, question.plain, query_vec, mask, k) if h.passage_id not in seen]
        return SearchResult(hits=hits[:k], question=question)

    def _ranked(self, text: str, plain: bool, query_vec: np.ndarray,
                mask: Optional[np.ndarray], k: int) -> list[Hit]:
        """Both channels over the passages in ``mask``, fused."""
        allowed = None if mask is None else np.flatnonzero(mask)
        dense_ids, _ = dense.search(self.stored.dense, query_vec, CANDIDATES, allowed)
        lexical_all = self.lexical.scores(text, mask)
        lexical_ids = [i for i in np.argsort(-lexical_all, kind="stable")[:CANDIDATES] if lexical_all[i] > 0]
        s = self.settings
        dense_weight = s.dense_weight_no_diacritics if plain else s.dense_weight
        fused = rrf([(dense_ids, dense_weight), (lexical_ids, s.lexical_weight)], k=s.rrf_k)[:k]
        dense_rank = {int(i): r for r, i in enumerate(dense_ids, start=1)}
        lexical_rank = {int(i): r for r, i in enumerate(lexical_ids, start=1)}
        hits = []
        for pid, score in fused:
            p = self.passages[pid]
            hits.append(Hit.from_passage(
                p, score=round(score, 6), dense_score=round(float(np.dot(self.stored.vectors[pid], query_vec)), 4),
                lexical_score=round(float(lexical_all[pid]), 4),
                dense_rank=dense_rank.get(pid), lexical_rank=lexical_rank.get(pid)))
        return hits
