"""A fact: one commitment of a document (a target, a responsibility or a deadline).

Every fact keeps its quote, copied verbatim from the document's clean text, so anyone
can check it; its id hashes what it says and where, so a rebuild keeps the ids of
unchanged facts and a conversation that holds an id never lands on another fact.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, replace
from typing import Optional

_ORDINALS = re.compile(r"\[\d+\]|\(\d+\)|(, )?dòng \d+")


@dataclass(frozen=True)
class Fact:
    """Which fields are set depends on ``type``."""

    type: str                      # target | responsibility | deadline
    doc_id: str
    province: Optional[str]
    section: str
    quote: str                     # verbatim clause (or table row) of the clean text
    indicator: Optional[str] = None
    value: Optional[str] = None    # "90", "10.000", "20 - 25"
    unit: Optional[str] = None     # %, điểm, bậc, tỷ USD, doanh nghiệp, vị trí …
    qualifier: Optional[str] = None  # the words: "trở lên", "tối thiểu", "trên" …
    comparator: Optional[str] = None  # ≥ > ≤ < ≈ =
    year: Optional[str] = None
    level: Optional[str] = None    # cấp tỉnh / cấp huyện / cấp xã
    actor: Optional[str] = None
    role: Optional[str] = None     # chủ trì, phối hợp, thực hiện, chỉ đạo, kiểm tra/giám sát, tuyên truyền
    task: Optional[str] = None
    due: Optional[str] = None      # as written: "trước ngày 15/6/2016", "Quý II/2026", "hằng năm"
    date: Optional[str] = None     # ISO date when the text gives a full date
    recurring: Optional[str] = None  # "hằng năm", "hằng tháng", "định kỳ 6 tháng" …
    item: Optional[str] = None
    heading: tuple[str, ...] = field(default_factory=tuple)
    fact_id: str = ""
    areas: tuple[str, ...] = field(default_factory=tuple)

    def with_id(self) -> "Fact":
        """The id hashes what the fact says and the section it is in, without the ordinals of
        items ("I.2.6[3]" → "I.2.6"): a line added above it in the same list keeps its id."""
        section = _ORDINALS.sub("", self.section)
        key = "\n".join(str(v) for v in (self.type, self.doc_id, section, self.quote, self.indicator,
                                          self.value, self.actor, self.role, self.due))
        return replace(self, fact_id=f"{self.type[0]}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}")

    def to_dict(self) -> dict:
        return asdict(self)
