"""The lexical channel: BM25 (bm25s) over diacritic-folded syllables and syllable pairs.

Folding lets "bac kan" match "Bắc Kạn"; syllable pairs stand in for Vietnamese words
(most are two syllables), so "cap quang" outranks texts that merely hold "cap" and "quang".
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Optional

import bm25s
import numpy as np

from knowledge.language.normalize import fold, has_diacritics, nfc, other_forms, tokens

_WORD = re.compile(r"[^\W\d_]+")
# Question words and particles: they say what is asked, not what to find.
QUERY_STOPWORDS = frozenset(
    "ai gi nao bao nhieu may sao the nhu khong co la thi duoc cua va nhung cac o tai ve voi "
    "cho den hay hoac oi a nhe vay nhi con ra lam phan tram".split())


def accented_tokens(text: str) -> list[str]:
    """Written words that carry diacritics ("~ký"), to tell ký from kỳ and kỷ."""
    return [f"~{w}" for w in _WORD.findall(nfc(text).lower()) if has_diacritics(w)]


def lexical_tokens(text: str, drop: frozenset[str] = frozenset(), accented: bool = True) -> list[str]:
    """Folded unigrams (minus ``drop``), folded adjacent pairs, and accented unigrams.

    Documents always get the accented tokens; a question only when it was typed with
    diacritics, so a plain-typed question is scored on folded forms alone.
    """
    phrases = [tokens(text), *(tokens(form) for form in other_forms(text))]
    words = [w for phrase in phrases for w in phrase]
    pairs = [f"{a}_{b}" for phrase in phrases for a, b in zip(phrase, phrase[1:])]  # never across phrases
    marked = [t for t in accented_tokens(text) if t[1:] and fold(t[1:]) not in drop] if accented else []
    return [w for w in words if w not in drop] + pairs + marked


class LexicalIndex:
    """BM25 over passages' context text; scores every passage for a question."""

    def __init__(self, texts: list[str]) -> None:
        self.size = len(texts)
        self.bm25 = bm25s.BM25()
        corpus = [lexical_tokens(t) or ["∅"] for t in texts]
        self.bm25.index(corpus, show_progress=False)
        self.vocab = self.bm25.vocab_dict
        self.df = Counter(token for doc in corpus for token in set(doc))

    def idf(self, token: str) -> float:
        """How much finding this token says (a token no passage holds says the most)."""
        df = self.df.get(token, 0)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def scores(self, question: str, mask: Optional[np.ndarray] = None) -> np.ndarray:
        """BM25 score per passage (zero where ``mask`` is False)."""
        query = [t for t in lexical_tokens(question, QUERY_STOPWORDS, has_diacritics(question))
                 if t in self.vocab]
        if not query or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        scores = self.bm25.get_scores(query)
        return scores if mask is None else np.where(mask, scores, 0.0)
