"""Shared reading of passages for fact extraction: clauses, labels, skipped parts, years."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from knowledge.language.normalize import fold
from knowledge.structure.passages import Passage

_CLAUSE = re.compile(r"(?<=[;.])\s+(?=\S)")
# Parts that report the past or argue, not commit: no facts from there.
_SKIPPED_PARTS = ("tinh hinh", "ket qua dat duoc", "danh gia ket qua", "thuc trang", "can cu", "su can thiet")
LABEL = re.compile(r"^\s*(\(\d+\)\.?|\d+(\.\d+)*\.|[a-zđ]\)|-|\+|•)\s*|^\s*Về [^:]{3,80}:\s*", re.IGNORECASE)
YEAR_IN = re.compile(r"(?:đến|vào|trong|tới|hết)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\s*[-–])", re.IGNORECASE)


def clauses(text: str) -> Iterator[str]:
    """Verbatim clauses: each line cut at sentence ends and semicolons."""
    for line in text.split("\n"):
        for clause in _CLAUSE.split(line):
            clause = clause.strip()
            if len(clause.split()) >= 3:
                yield clause


def in_skipped_part(passage: Passage) -> bool:
    return bool(passage.heading) and any(
        fold(title).split(". ", 1)[-1].startswith(part) or f" {part}" in fold(title)[:40]
        for title in passage.heading[:2] for part in _SKIPPED_PARTS)


def item_text(text: str) -> str:
    """A clause piece as a name: no list labels, no edge punctuation."""
    text = text.strip(" ,;.:/-–•")
    while LABEL.match(text):
        text = LABEL.sub("", text, count=1).strip(" ,;.:/-–•")
    text = re.sub(r"^(trong đó|phấn đấu|và)\s*,?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(đạt|là|ở mức)$", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ,;.:/")


def heading_year(heading: tuple[str, ...]) -> Optional[str]:
    """A year the headings above a passage set ("Mục tiêu đến năm 2030")."""
    for title in reversed(heading):
        m = YEAR_IN.search(title)
        if m:
            return m.group(1)
    return None


def parent_path(path: str) -> str:
    """"I.2.6[2]" → "I.2.6"; "Điều 5, khoản 2, điểm b" → "Điều 5, khoản 2"; "I.2" → "I"."""
    stripped = re.sub(r"(\[\d+\]|\(\w+\)|\.[\da-zđ]+|, (khoản|điểm|dòng|bảng) \w+)$", "", path)
    return stripped if stripped != path else ""
