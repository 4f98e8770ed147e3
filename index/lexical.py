"""The lexical channel: BM25 (bm25s) over diacritic-folded syllables and syllable pairs.

Folding lets "bac kan" match "Bắc Kạn"; syllable pairs stand in for Vietnamese words
(most are two syllables), so "cap quang" outranks texts that merely hold "cap" and "quang".
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Callable, Optional

import bm25s
import numpy as np

from knowledge.language.normalize import fold, has_diacritics, nfc, other_forms, tokens
from knowledge.language.words import word_pairs

_WORD = re.compile(r"[^\W\d_]+")
# A pair of syllables the segmenter does not join still counts as a word when the corpus
# mostly writes its rarer syllable in this pair ("một cửa": "cửa" is mostly "một cửa").
COLLOCATION = 0.3
# Question words and particles: they say what is asked, not what to find.
QUERY_STOPWORDS = frozenset(
    "ai gi nao bao nhieu may sao the nhu khong co la thi duoc cua va nhung cac o tai ve voi "
    "cho den hay hoac oi a nhe vay nhi con ra lam phan tram".split())


def accented_tokens(text: str) -> list[str]:
    """Written words that carry diacritics ("~ký"), to tell ký from kỳ and kỷ."""
    return [f"~{w}" for w in _WORD.findall(nfc(text).lower()) if has_diacritics(w)]


def lexical_tokens(text: str, drop: frozenset[str] = frozenset(), accented: bool = True,
                   keep_pair: Optional[Callable[[str], bool]] = None) -> list[str]:
    """Folded unigrams (minus ``drop``), folded adjacent pairs, and accented unigrams.

    Documents always get the accented tokens; a question only when it was typed with
    diacritics, so a plain-typed question is scored on folded forms alone. ``keep_pair``
    chooses which pairs of the text itself count (a question's: those inside a word); the
    pairs of an abbreviation's long form always do.
    """
    own = tokens(text)
    forms = [tokens(form) for form in other_forms(text)]
    words = [w for phrase in (own, *forms) for w in phrase]
    pairs = [p for p in (f"{a}_{b}" for a, b in zip(own, own[1:])) if keep_pair is None or keep_pair(p)]
    pairs += [f"{a}_{b}" for phrase in forms for a, b in zip(phrase, phrase[1:])]  # never across phrases
    marked = [t for t in accented_tokens(text) if t[1:] and fold(t[1:]) not in drop] if accented else []
    return [w for w in words if w not in drop] + pairs + marked


class LexicalIndex:
    """BM25 over passages' context text; scores every passage for a question."""

    def __init__(self, texts: list[str], restore: Optional[Callable[[str], str]] = None) -> None:
        """``restore`` puts diacritics back on a plain-typed question, for word segmentation."""
        self.restore = restore or (lambda text: text)
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

    def is_word(self, pair: str, inside: frozenset[str]) -> bool:
        """A question's syllable pair that is a word: joined by the segmenter, or a collocation
        of the corpus."""
        if pair in inside:
            return True
        a, b = pair.split("_", 1)
        together = self.df.get(pair, 0)
        return together > 1 and together >= COLLOCATION * min(self.df.get(a, 1), self.df.get(b, 1))

    def words_of(self, question: str) -> Callable[[str], bool]:
        """Which of a question's syllable pairs are words (see ``is_word``)."""
        inside = word_pairs(question if has_diacritics(question) else self.restore(question))
        return lambda pair: self.is_word(pair, inside)

    def scores(self, question: str, mask: Optional[np.ndarray] = None) -> np.ndarray:
        """BM25 score per passage (zero where ``mask`` is False)."""
        query = [t for t in lexical_tokens(question, QUERY_STOPWORDS, has_diacritics(question))
                 if t in self.vocab]
        if not query or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        scores = self.bm25.get_scores(query)
        return scores if mask is None else np.where(mask, scores, 0.0)
