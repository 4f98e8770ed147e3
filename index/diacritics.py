"""Put diacritics back on a question typed without them, from the corpus's own words.

"bac kan dat muc tieu ho gia dinh co cap quang" means little to the dense model; the
documents say "Bắc Kạn", "mục tiêu", "hộ gia đình", "cáp quang". Every folded n-gram (up
to three syllables) seen in the corpus maps to its most frequent written form, and the
n-grams covering a syllable vote on it, longer ones with more weight. Words the corpus
never uses (mostly question words) come from a small list; anything else stays as typed.
It only feeds the dense channel: the lexical channel matches folded text anyway.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from knowledge.language.normalize import fold, nfc

MAX_N = 3
_WORD = re.compile(r"\w+", re.UNICODE)

# Question words and common chat words the resolutions themselves rarely contain.
QUESTION_WORDS = {
    "bao nhieu": "bao nhiêu", "gi": "gì", "nao": "nào", "the nao": "thế nào",
    "nhu the nao": "như thế nào", "khi nao": "khi nào", "o dau": "ở đâu", "la gi": "là gì",
    "ai ky": "ai ký", "ky": "ký", "muc do": "mức độ", "bao gio": "bao giờ", "thi sao": "thì sao",
    "phan tram": "phần trăm", "may": "mấy", "thu may": "thứ mấy", "duoc giao": "được giao",
}


class DiacriticRestorer:
    """Folded n-gram → most frequent written form, learned from passages."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            words = [w.lower() for w in _WORD.findall(nfc(text))]
            for n in range(1, MAX_N + 1):
                for i in range(len(words) - n + 1):
                    written = " ".join(words[i:i + n])
                    counts[fold(written)][written] += 1
        self.table = {key: forms.most_common(1)[0][0] for key, forms in counts.items()}
        for key, written in QUESTION_WORDS.items():
            self.table.setdefault(key, written)
            if key.count(" ") >= 1:
                self.table[key] = written  # the phrase beats a chance corpus match

    def restore(self, question: str) -> str:
        """The question with the corpus's diacritics on every syllable it knows.

        Every known n-gram covering a syllable votes for its written form, longer n-grams
        with more weight, so "ty le ho gia dinh" gives "tỷ lệ hộ gia đình" even though
        "tỷ lệ hồ (sơ)" is also a corpus trigram.
        """
        words = _WORD.findall(question)
        votes: list[Counter[str]] = [Counter() for _ in words]
        for n in range(1, MAX_N + 1):
            for i in range(len(words) - n + 1):
                written = self.table.get(fold(" ".join(words[i:i + n])))
                if written:
                    for j, form in enumerate(written.split()):
                        votes[i + j][form] += n
        return " ".join(v.most_common(1)[0][0] if v else w for w, v in zip(words, votes))
