"""What a question itself says about where to look: province, document number.

A question that names a province is answered from that province's documents only; one
that names a known document number (08-NQ/TU) from that document and those about it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from knowledge.language.normalize import fold, has_diacritics, nfc, strip_diacritics
from knowledge.language.provinces import canonical_province, find_province_spans

# A full number as written: "08-NQ/TU", "01-NQ/ĐUK", "479/SNV-CCHC", "89/2025/QĐ-UBND" (folded).
_FULL_NUMBER = re.compile(r"\b\d{1,5}[a-z]?(?:\s*[-/]\s*(?:[a-z]{1,8}|(?:19|20)\d{2}))*(?:\s*[-/]\s*[a-z]{1,8})\b")
# A short reference: "nghị quyết 08", "công văn số 479", "quyết định 89/2025", "kế hoạch 144".
_SHORT_NUMBER = re.compile(r"\b(?:nghi quyet|cong van|van ban|quyet dinh|ke hoach|chi thi|chuong trinh|thong bao|ket luan"
                           r"|de an|huong dan|bao cao|quy che|quy dinh|to trinh|so)\s+(?:so\s+)?(\d{1,5}[a-z]?)"
                           r"(?:\s*/\s*((?:19|20)\d{2}))?\b")


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
    # The question without the mentions already used as filters: they would only pull
    # up passages that repeat the province's or the document's name.
    ranking_text: str = ""
    # Passage roles the question asks about ("ai ký" → card and signature); a preference:
    # search falls back to every role when none of these match the other filters.
    roles: list[str] = field(default_factory=list)

    def matches(self, passage: dict) -> bool:
        areas = passage.get("areas") or [passage.get("province")]
        return ((not self.provinces or any(p in areas for p in self.provinces))
                and (not self.doc_ids or passage["doc_id"] in self.doc_ids)
                and (not self.kinds or passage["kind"] in self.kinds))

    @property
    def active(self) -> bool:
        return bool(self.provinces or self.doc_ids or self.kinds)


def _number_keys(documents: list[dict]) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for doc in documents:
        for number in [doc.get("number"), *doc.get("refers_to", [])]:
            if number:
                keys.setdefault(number_key(number), set()).add(doc["id"])
    return keys


def number_spans(question: str, documents: list[dict]) -> list[tuple[int, int, set[str]]]:
    """(start, end, doc ids) of each known document number the question names.

    Positions are in ``nfc(question)``; "08-NQ/TU" matches exactly, "nghị quyết 08" by
    its leading number.
    """
    keys = _number_keys(documents)
    folded = strip_diacritics(nfc(question)).lower()
    spans = []
    for m in _FULL_NUMBER.finditer(folded):
        if number_key(m.group(0)) in keys:
            spans.append((m.start(), m.end(), keys[number_key(m.group(0))]))
    for m in _SHORT_NUMBER.finditer(folded):
        lead, year = m.group(1).lstrip("0"), m.group(2)
        ids = {d["id"] for d in documents for number in [d.get("number"), *d.get("refers_to", [])]
               if number and _leading(number) == lead and (not year or year in number)}
        if ids:
            spans.append((m.start(1), m.end(2) if year else m.end(1), ids))
    return spans


def _leading(number: str) -> str:
    """The number a document number starts with: "08-NQ/TU" → "8", "30c/NQ-CP" → "30c"."""
    m = re.match(r"\d+[a-z]?(?![a-z])|\d+", fold(number))
    return m.group(0).lstrip("0") if m else ""


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans blanked out (overlapping spans merged first)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + " " + text[end:]
    return re.sub(r"\s+", " ", text).strip()


def analyse(question: str, documents: list[dict], province: Optional[str] = None,
            doc_id: Optional[str] = None, kind: Optional[str] = None,
            auto: bool = True) -> QueryFilters:
    """Explicit filters win; otherwise, with ``auto``, read them from the question."""
    known = {area for d in documents for area in (d.get("areas") or [d.get("province")]) if area}
    filters = QueryFilters(kinds=[kind] if kind else [])
    province_spans = find_province_spans(question)
    named = list(dict.fromkeys(name for *_, name in province_spans))
    if province:
        filters.provinces = [canonical_province(province) or province]
    elif auto:
        filters.provinces = [p for p in named if p in known]
        filters.unknown_provinces = [p for p in named if p not in known]
    found_numbers = number_spans(question, documents) if auto and not doc_id else []
    if doc_id:
        filters.doc_ids = [doc_id]
    elif found_numbers:
        filters.doc_ids = sorted(set().union(*(ids for *_, ids in found_numbers)))
    used = [(a, b) for a, b, name in province_spans if name in filters.provinces]
    used += [(a, b) for a, b, _ in found_numbers]
    filters.ranking_text = _without(nfc(question), used) or nfc(question)
    filters.roles = metadata_roles(question) if auto else []
    return filters


# Questions about a document's own metadata: who signed it, when it was issued, its number.
_ASKS = {
    "signer": re.compile(r"\b(ai ky|nguoi ky|ky boi|do ai ky|ai la nguoi ky|ai da ky)\b"),
    "date": re.compile(r"\b(ban hanh (vao )?(ngay|khi|luc|nam) nao|ngay ban hanh|de ngay|ky ngay nao|ky khi nao"
                       r"|ngay thang nao|ban hanh (vao )?ngay bao nhieu)\b"),
    "number": re.compile(r"\b(so hieu|so ky hieu|(nghi quyet|cong van|van ban)\b.{0,60}\bso (may|bao nhieu|nao|gi))\b"),
    "issuer": re.compile(r"\b((co quan|don vi|ai) nao ban hanh|ban hanh boi|do (co quan|ai) nao ban hanh"
                         r"|ai ban hanh|cua co quan nao)\b"),
}


def metadata_field(question: str) -> Optional[str]:
    """signer, date, number or issuer when the question asks for that, else None."""
    folded = fold(question)
    return next((field for field, pattern in _ASKS.items() if pattern.search(folded)), None)


def metadata_roles(question: str) -> list[str]:
    """The passage roles that hold the answer to a metadata question, else []."""
    field = metadata_field(question)
    if field == "signer":
        return ["signature", "card"]
    return ["card"] if field else []


_FOLLOW_UP = re.compile(r"^(con|vay|the con|vay con|the)\b|thi sao\W*$")
# Words that point back at what the last answer was about ("việc đó", "chỉ tiêu này").
_POINTS_BACK = re.compile(r"\b(viec|chi tieu|muc tieu|nhiem vu|van ban|ke hoach|quyet dinh|nghi quyet|chi thi|thu tuc"
                          r"|quy dinh|noi dung|dieu|co quan|don vi) (do|nay|ay|tren)\b")


def is_follow_up(question: str) -> bool:
    """"Còn Quảng Ninh?", "Còn định hướng đến 2030 thì sao?": it leans on the last question."""
    folded = fold(question)
    return bool(_FOLLOW_UP.search(folded) or _POINTS_BACK.search(folded)) or len(folded.split()) <= 3


def points_back(question: str) -> bool:
    """"Việc đó phải xong khi nào?": about the very thing the last answer cited."""
    return bool(_POINTS_BACK.search(fold(question)))


def with_context(question: str, previous: Optional[str]) -> str:
    """A follow-up searched together with the question it follows."""
    return f"{question} {previous}" if previous and is_follow_up(question) else question


def typed_without_diacritics(question: str) -> bool:
    """True for "bac kan dat muc tieu gi": the dense model reads such text poorly."""
    letters = [c for c in question if c.isalpha()]
    return len(letters) >= 8 and not has_diacritics(question)
