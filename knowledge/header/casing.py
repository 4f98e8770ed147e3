"""Words set in capitals (issuer, title) given back their ordinary case.

"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" is written "Trung tâm Phục vụ hành chính công"
in the running text of the same document; so is a place or an abbreviation. Each word
takes the case it has most often inside the document's own sentences (not at their
start); a word the text never uses keeps lower case, and the first word a capital.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from knowledge.language.normalize import ABBREVIATIONS, nfc
from knowledge.language.provinces import find_province_spans

_WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*", re.UNICODE)
# Abbreviations stay in capitals even where the text never writes them mid-sentence.
_ABBREVIATIONS = frozenset({*(a for a in ABBREVIATIONS if " " not in a), "UBND", "HĐND", "TTHC", "KT-XH"})


class CaseModel:
    """How often each word appears capitalised, in capitals, or in lower case mid-sentence."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for sentence in re.split(r"(?<=[.;:!?])\s+|\n", nfc(text)):
                words = _WORD.findall(sentence)
                if sum(1 for w in words if w.isupper() and len(w) > 1) > len(words) / 2:
                    continue  # a line in capitals tells nothing about case
                for word in words[1:]:
                    self.forms[word.lower()][_shape(word)] += 1

    def word(self, word: str) -> str:
        forms = self.forms.get(word.lower())
        lower = word.lower()
        if not forms:
            return word.upper() if word.upper() in _ABBREVIATIONS else lower
        shape, _ = forms.most_common(1)[0]
        if shape == "upper":
            return word.upper()
        if shape == "title":
            return lower[:1].upper() + lower[1:]
        return lower

    def restore(self, text: str) -> str:
        """The capitalised text in ordinary case; place names always capitalised."""
        text = nfc(text)
        if not _mostly_upper(text):
            return text
        out = _WORD.sub(lambda m: self.word(m.group(0)), text)
        for start, end, _name in find_province_spans(out):
            out = out[:start] + _title(out[start:end]) + out[end:]
        return out[:1].upper() + out[1:]


def _shape(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def _title(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isalpha() else w for w in words.split(" "))


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
