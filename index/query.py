"""What a question itself says about where to look: province, document number.

A question that names a province is answered from that province's documents only; one
that names a known document number (08-NQ/TU) from that document and those about it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from knowledge.normalize import fold, has_diacritics
from knowledge.provinces import find_provinces

# A full number as written: "08-NQ/TU", "01-NQ/ĐUK", "479/SNV-CCHC" (folded).
_FULL_NUMBER = re.compile(r"\b\d{1,4}[a-z]?(?:\s*[-/]\s*[a-z]{1,8})+\b")
# A short reference: "nghị quyết 08", "công văn số 479".
_SHORT_NUMBER = re.compile(r"\b(?:nghi quyet|cong van|van ban|so)\s+(?:so\s+)?(\d{1,4}[a-z]?)\b")


def number_key(number: str) -> str:
    """Compare document numbers without case, diacritics, spaces or separators."""
    return re.sub(r"[^a-z0-9]", "", fold(number))


@dataclass
class QueryFilters:
    """Filters in force for one search, and why."""

    provinces: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    unknown_provinces: list[str] = field(default_factory=list)

    def matches(self, passage: dict) -> bool:
        return ((not self.provinces or passage["province"] in self.provinces)
                and (not self.doc_ids or passage["doc_id"] in self.doc_ids)
                and (not self.kinds or passage["kind"] in self.kinds))

    @property
    def active(self) -> bool:
        return bool(self.provinces or self.doc_ids or self.kinds)


def numbers_in(question: str, documents: list[dict]) -> list[str]:
    """Doc ids whose number (or the number they are about) the question names."""
    keys: dict[str, set[str]] = {}
    for doc in documents:
        for number in [doc.get("number"), *doc.get("refers_to", [])]:
            if number:
                keys.setdefault(number_key(number), set()).add(doc["id"])
    folded = fold(question)
    wanted = {number_key(m.group(0)) for m in _FULL_NUMBER.finditer(folded)}
    leading = {m.group(1).lstrip("0") for m in _SHORT_NUMBER.finditer(folded)}
    found: set[str] = set()
    for key, doc_ids in keys.items():
        if key in wanted or re.match(r"\d+[a-z]?", key).group(0).lstrip("0") in leading:
            found |= doc_ids
    return sorted(found)


def analyse(question: str, documents: list[dict], province: Optional[str] = None,
            doc_id: Optional[str] = None, kind: Optional[str] = None,
            auto: bool = True) -> QueryFilters:
    """Explicit filters win; otherwise, with ``auto``, read them from the question."""
    known = {d["province"] for d in documents if d.get("province")}
    filters = QueryFilters(kinds=[kind] if kind else [])
    if province:
        filters.provinces = [province]
    elif auto:
        named = find_provinces(question)
        filters.provinces = [p for p in named if p in known]
        filters.unknown_provinces = [p for p in named if p not in known]
    if doc_id:
        filters.doc_ids = [doc_id]
    elif auto:
        filters.doc_ids = numbers_in(question, documents)
    return filters


def typed_without_diacritics(question: str) -> bool:
    """True for "bac kan dat muc tieu gi": the dense model reads such text poorly."""
    letters = [c for c in question if c.isalpha()]
    return len(letters) >= 8 and not has_diacritics(question)
