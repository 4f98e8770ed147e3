"""Reciprocal-rank fusion of the semantic and lexical rankings."""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence


def rrf(rankings: Sequence[tuple[Sequence[int], float]], k: int = 60) -> list[tuple[int, float]]:
    """Fuse ranked id lists, each with a weight: score = Σ weight / (k + rank)."""
    fused: dict[int, float] = defaultdict(float)
    for ids, weight in rankings:
        for rank, pid in enumerate(ids, start=1):
            fused[int(pid)] += weight / (k + rank)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
