"""The lexical channel: BM25 (bm25s) over diacritic-folded syllables and syllable pairs.

Folding lets "bac kan" match "Bắc Kạn"; syllable pairs stand in for Vietnamese words
(most are two syllables), so "cap quang" outranks texts that merely hold "cap" and "quang".
"""
from __future__ import annotations

from typing import Optional

import bm25s
import numpy as np

from knowledge.normalize import search_keys, tokens

# Question words and particles: they say what is asked, not what to find.
QUERY_STOPWORDS = frozenset(
    "ai gi nao bao nhieu may sao the nhu khong co la thi duoc cua va nhung cac o tai ve voi "
    "cho den hay hoac oi a nhe vay nhi con ra lam".split())


def lexical_tokens(text: str, drop: frozenset[str] = frozenset()) -> list[str]:
    """Unigrams (minus ``drop``) and adjacent pairs of the folded search keys."""
    words = tokens(search_keys(text))
    pairs = [f"{a}_{b}" for a, b in zip(words, words[1:])]
    return [w for w in words if w not in drop] + pairs


class LexicalIndex:
    """BM25 over passages' context text; scores every passage for a question."""

    def __init__(self, texts: list[str]) -> None:
        self.size = len(texts)
        self.bm25 = bm25s.BM25()
        corpus = [lexical_tokens(t) or ["∅"] for t in texts]
        self.bm25.index(corpus, show_progress=False)
        self.vocab = self.bm25.vocab_dict

    def scores(self, question: str, mask: Optional[np.ndarray] = None) -> np.ndarray:
        """BM25 score per passage (zero where ``mask`` is False)."""
        query = [t for t in lexical_tokens(question, QUERY_STOPWORDS) if t in self.vocab]
        if not query or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        scores = self.bm25.get_scores(query)
        return scores if mask is None else np.where(mask, scores, 0.0)
