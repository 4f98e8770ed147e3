"""How well a piece of text supports a question: IDF-weighted coverage of its terms.

A question whose distinctive words ("thuế thu nhập cá nhân") no passage holds is not
answered from a passage that merely shares the province and the word "nghị quyết".
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from index.lexical import QUERY_STOPWORDS, LexicalIndex, lexical_tokens

# Below this coverage the best passage does not answer the question: decline.
MIN_SUPPORT = 0.33
ACROSS_WORDS = 0.35
# Words of asking ("muốn", "cho biết", "ở đâu") carry no evidence either way.
EVIDENCE_STOPWORDS = QUERY_STOPWORDS | frozenset(
    "muon nho biet hoi xin vui long lam on toi minh hay phai can dau khi luc dang hien".split())


class Evidence:
    """Terms of one question with their weights, to score candidate texts."""

    def __init__(self, question: str, lexical: LexicalIndex, context: str = "") -> None:
        """Terms of ``question`` count fully; those only in ``context`` (the question a
        follow-up leans on) together count half as much, so "Còn hộ gia đình?" looks for
        households rather than for what the previous question asked."""
        own = _terms(question)
        is_word = lexical.words_of(f"{question} {context}".strip())
        self.weights = {t: _weight(t, lexical, is_word) for t in own}
        leaned = {t: _weight(t, lexical, is_word) for t in _terms(context) - own}
        if leaned and self.weights:  # the context together weighs half the question
            scale = 0.5 * sum(self.weights.values()) / sum(leaned.values())
            self.weights.update({t: w * scale for t, w in leaned.items()})
        else:
            self.weights.update(leaned)
        self.total = sum(self.weights.values())

    def support(self, text: str) -> float:
        """Share of the question's weight that the text covers (0 … 1)."""
        if not self.total:
            return 0.0
        present = _token_set(text)
        return sum(w for t, w in self.weights.items() if t in present) / self.total


def _weight(term: str, lexical: LexicalIndex, is_word: Callable[[str], bool]) -> float:
    """A term's IDF; a pair of syllables never weighs more than its two syllables together,
    and one formed across two words ("tỷ lệ đó" → "lệ đó") weighs a third: it is rare in any
    text, and says little (inside a name, "Ban xây dựng Đảng", it still helps)."""
    idf = lexical.idf(term)
    if "_" in term:
        a, b = term.split("_", 1)
        idf = min(idf, lexical.idf(a) + lexical.idf(b)) * (1.0 if is_word(term) else ACROSS_WORDS)
    return idf


def _terms(text: str) -> set[str]:
    tokens = lexical_tokens(text, EVIDENCE_STOPWORDS, accented=False)
    return {t for t in tokens if "_" not in t or not any(w in EVIDENCE_STOPWORDS for w in t.split("_"))}


@lru_cache(maxsize=4096)
def _token_set(text: str) -> frozenset[str]:
    return frozenset(lexical_tokens(text, accented=False))
