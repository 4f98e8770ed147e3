"""Vietnamese words in a question: which adjacent syllables belong to one word.

Most Vietnamese words are two syllables ("giao dịch", "định danh"); matching syllable
pairs stands in for matching words. In a question, a pair formed across two words ("tỷ lệ
đó" → "lệ đó", "bằng định danh" → "bằng định") is noise that a rare pair makes loud, so a
question keeps only the pairs pyvi (MIT, CRF word segmentation) joins into one word; the
index still holds every pair of the documents, so each word of the question is found.
pyvi reads written Vietnamese: a question typed without diacritics gets them back first.
"""
from __future__ import annotations

from functools import lru_cache

from pyvi import ViTokenizer

from knowledge.language.normalize import nfc, tokens


@lru_cache(maxsize=4096)
def word_pairs(text: str) -> frozenset[str]:
    """Folded "a_b" pairs of adjacent syllables inside one word of the text."""
    pairs: set[str] = set()
    for word in ViTokenizer.tokenize(nfc(text)).split():
        if "_" not in word:
            continue
        syllables = [t for part in word.split("_") for t in tokens(part)]
        pairs |= {f"{a}_{b}" for a, b in zip(syllables, syllables[1:])}
    return frozenset(pairs)
