"""Which documents a question names, and how: by number, by signer or by date of issue.

A number may be a held document's own ("08-NQ/TU": the question is about that document)
or one the held documents only cite ("Nghị quyết 17-NQ/TW … mà văn bản của Lai Châu nhắc
tới"): then the question is about what the citing text says of it, never about the
citing document's own date or signer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from index.records import DocumentCard
from knowledge.language.normalize import fold, nfc, strip_diacritics

# A full number as written: "08-NQ/TU", "01-NQ/ĐUK", "479/SNV-CCHC", "89/2025/QĐ-UBND" (folded).
FULL_NUMBER = re.compile(r"\b\d{1,5}[a-z]?(?:\s*[-/]\s*(?:[a-z]{1,8}|(?:19|20)\d{2}))*(?:\s*[-/]\s*[a-z]{1,8})\b")
# A short reference: "nghị quyết 08", "công văn số 479", "quyết định 89/2025", "kế hoạch 144".
_SHORT_NUMBER = re.compile(r"\b(?:nghi quyet|cong van|van ban|quyet dinh|ke hoach|chi thi|chuong trinh|thong bao|ket luan"
                           r"|de an|huong dan|bao cao|quy che|quy dinh|to trinh|so)\s+(?:so\s+)?(\d{1,5}[a-z]?)"
                           r"(?:\s*/\s*((?:19|20)\d{2}))?\b")
_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b"
                   r"|\bngay (\d{1,2}) thang (\d{1,2}) nam ((?:19|20)\d{2})\b")


# The words around a signer or a date that only say how the document is named: "văn bản do
# ông … ký thay mặt Tỉnh ủy", "được Huyện ủy … sao lục ngày …", "gửi kèm công văn ngày …".
_BEFORE_SIGNER = re.compile(r"(?:(?:van ban|nghi quyet|cong van|ke hoach|quyet dinh|ban)\s+)?(?:duoc\s+)?(?:do|cua|ma)\s+"
                            r"(?:ong|ba|dong chi|dc)?\s*$")
_AFTER_SIGNER = re.compile(r"^\s*(?:da\s+)?ky(?:\s+(?:thay mat|t/m|tm|thua lenh|kt|ban hanh))?"
                           r"(?:\s+(?:tinh uy|huyen uy|thanh uy|dang uy khoi|ubnd tinh|uy ban nhan dan tinh|hdnd tinh"
                           r"|so noi vu|ban thuong vu tinh uy))?")
_BEFORE_DATE = re.compile(r"(?:(?:ban hanh|sao luc|ky|gui kem|dat|de)\s+)?(?:vao\s+)?(?:ngay\s+)?$")


def _widened(folded: str, start: int, end: int, by: str) -> tuple[int, int]:
    """The reference span with the words that only introduce it."""
    if by == "signer":
        before = _BEFORE_SIGNER.search(folded[:start])
        after = _AFTER_SIGNER.match(folded[end:])
        return (before.start() if before else start), end + (after.end() if after else 0)
    if by == "date":
        before = _BEFORE_DATE.search(folded[:start])
        return (before.start() if before else start), end
    return start, end


@dataclass(frozen=True)
class Reference:
    """One mention of a document in a question; positions are in ``nfc(question)``."""

    start: int
    end: int
    written: str                 # as the question writes it: "17-NQ/TW", "ngày 31/5/2016"
    by: str                      # number, signer or date
    held: tuple[str, ...]        # held documents it names (with those a copy or article reproduces)
    cited: bool = False          # a number only cited inside the held documents


def number_key(number: str) -> str:
    """Compare document numbers without case, diacritics, spaces or separators."""
    return re.sub(r"[^a-z0-9]", "", fold(number))


def leading(number: str) -> str:
    """The number a document number starts with: "08-NQ/TU" → "8", "30c/NQ-CP" → "30c"."""
    m = re.match(r"\d+[a-z]?(?![a-z])|\d+", fold(number))
    return m.group(0).lstrip("0") if m else ""


def _with_reproduced(ids: Iterable[str], cards: Sequence[DocumentCard]) -> tuple[str, ...]:
    """A copy note or an article about a document brings the document itself along."""
    ids = set(ids)
    own = {number_key(c.number): c.id for c in cards if c.number}
    for card in cards:
        if card.id in ids:
            ids |= {own[number_key(n)] for n in card.refers_to if number_key(n) in own}
    return tuple(sorted(ids))


def _own_numbers(cards: Sequence[DocumentCard]) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for card in cards:
        for number in [card.number, *card.refers_to]:
            if number:
                keys.setdefault(number_key(number), set()).add(card.id)
    return keys


def find_references(question: str, cards: Sequence[DocumentCard], cited_numbers: frozenset[str] = frozenset()
                    ) -> list[Reference]:
    """Every document the question names. ``cited_numbers`` holds the number keys that the
    held documents' texts mention (so "17-NQ/TW" is known as cited, not unknown)."""
    text = nfc(question)
    folded = strip_diacritics(text).lower()
    own = _own_numbers(cards)
    refs: list[Reference] = []
    for m in FULL_NUMBER.finditer(folded):
        key = number_key(m.group(0))
        if key in own:
            refs.append(Reference(m.start(), m.end(), text[m.start():m.end()], "number",
                                  _with_reproduced(own[key], cards)))
        elif key in cited_numbers:
            refs.append(Reference(m.start(), m.end(), text[m.start():m.end()], "number", (), cited=True))
    taken = [(r.start, r.end) for r in refs]
    for m in _SHORT_NUMBER.finditer(folded):
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        lead, year = m.group(1).lstrip("0"), m.group(2)
        ids = {c.id for c in cards for number in [c.number, *c.refers_to]
               if number and leading(number) == lead and (not year or year in number)}
        if ids:
            end = m.end(2) if year else m.end(1)
            refs.append(Reference(m.start(1), end, text[m.start(1):end], "number", _with_reproduced(ids, cards)))
    for card in cards:
        if card.signer and len(card.signer.split()) >= 2:
            at = folded.find(fold(card.signer))
            if at >= 0:
                a, b = _widened(folded, at, at + len(card.signer), "signer")
                refs.append(Reference(a, b, text[at:at + len(card.signer)], "signer",
                                      _with_reproduced([card.id], cards)))
    for m in _DATE.finditer(folded):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        iso = f"{y}-{int(mo):02d}-{int(d):02d}"
        ids = [c.id for c in cards if c.date == iso]
        if ids:
            a, b = _widened(folded, m.start(), m.end(), "date")
            refs.append(Reference(a, b, text[m.start():m.end()], "date", _with_reproduced(ids, cards)))
    return _merged(refs)


def _merged(refs: list[Reference]) -> list[Reference]:
    """Mentions of one document by number and date ("08-NQ/TU ngày 22/4/2021") narrow each
    other: documents named by every kind of mention, when some are."""
    held = [r for r in refs if r.held]
    if len(held) > 1:
        common = set.intersection(*(set(r.held) for r in held))
        if common:
            refs = [Reference(r.start, r.end, r.written, r.by, tuple(sorted(common)), r.cited) if r.held else r
                    for r in refs]
    return sorted(refs, key=lambda r: r.start)


def cited_number_keys(texts: Iterable[str]) -> frozenset[str]:
    """Number keys of every document number the texts mention ("17-NQ/TW" in a recital)."""
    keys = set()
    for text in texts:
        for m in FULL_NUMBER.finditer(strip_diacritics(text).lower()):
            if re.search(r"[a-z]", m.group(0)):
                keys.add(number_key(m.group(0)))
    return frozenset(keys)
