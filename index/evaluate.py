"""Retrieval quality on a question file (the format of shared/eval/dev_questions.yaml).

A hit is a passage from the expected province whose text with its headings holds every
"all" key and at least one "any" key (a body named by the heading above its tasks answers
"who"), compared without case, diacritics or extra spaces. Follow-up turns
keep the province, document and topic of the earlier turns in focus, as the dialogue does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from index.question import Previous
from index.search import Hit, Searcher
from knowledge.language.normalize import fold


def is_hit(hit: Hit, turn: dict) -> bool:
    """Does this passage answer the turn?"""
    if turn.get("doc") and fold(turn["doc"]) not in fold(hit.province or ""):
        return False
    text = fold("\n".join([*hit.heading, hit.text]))
    if any(fold(key) not in text for key in turn.get("all", [])):
        return False
    anyk = turn.get("any")
    return not anyk or any(fold(key) in text for key in anyk)


@dataclass
class EvalResult:
    """Recall@1, recall@k and MRR over the answerable turns, overall and per question type."""

    k: int
    ranks: list[tuple[str, str, Optional[int]]] = field(default_factory=list)  # (case id, type, rank)

    def _metrics(self, rows: list[tuple[str, str, Optional[int]]]) -> tuple[int, float, float, float]:
        n = len(rows)
        if not n:
            return 0, 0.0, 0.0, 0.0
        r1 = sum(1 for *_, r in rows if r == 1) / n
        rk = sum(1 for *_, r in rows if r is not None and r <= self.k) / n
        mrr = sum(1 / r for *_, r in rows if r) / n
        return n, r1, rk, mrr

    def overall(self) -> tuple[int, float, float, float]:
        return self._metrics(self.ranks)

    def by_type(self) -> dict[str, tuple[int, float, float, float]]:
        types = sorted({t for _, t, _ in self.ranks})
        return {t: self._metrics([r for r in self.ranks if r[1] == t]) for t in types}


def evaluate(searcher: Searcher, questions: Path, k: int = 5, depth: int = 20) -> EvalResult:
    """Run every answerable turn through the searcher and record the first hit's rank."""
    cases = yaml.safe_load(questions.read_text(encoding="utf-8"))
    result = EvalResult(k=k)
    for case in cases:
        previous = Previous()
        for n, turn in enumerate(case["turns"], start=1):
            question = searcher.understand(turn["q"], previous)
            hits = searcher.search(question, k=depth).hits
            previous = Previous(province=question.provinces[0] if question.provinces else previous.province,
                                doc_id=hits[0].doc_id if hits else None, topic=question.search_text)
            if turn.get("none") or not (turn.get("all") or turn.get("any")):
                continue
            rank = next((i for i, h in enumerate(hits, start=1) if is_hit(h, turn)), None)
            label = case["id"] if len(case["turns"]) == 1 else f"{case['id']}.{n}"
            result.ranks.append((label, case.get("type", "?"), rank))
    return result
