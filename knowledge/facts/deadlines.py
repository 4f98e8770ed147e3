"""Deadlines: when a task is due, as the document writes it.

"trước ngày 15/6/2016", "trước ngày 15/11 hằng năm", "Quý II/2026", "tháng 6/2026",
"trong năm 2025", "đến năm 2030", "hằng năm", "định kỳ 6 tháng", "thường xuyên". In running
text a bare year counts only after a preposition of time and never inside another
document's name ("Chương trình chuyển đổi số Quốc gia đến năm 2025"); in a field or
column that holds the time ("Thời gian thực hiện: …") any of these is the deadline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from knowledge.facts.fields import labelled_field
from knowledge.facts.text import clauses, item_text

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FULL_DATE = r"(?P<d>\d{1,2})\s*(?:/|-|\s+tháng\s+)(?P<m>\d{1,2})\s*(?:/|-|\s+năm\s+)(?P<y>(?:19|20)\d{2})"
_DAY_MONTH = r"(?P<d2>\d{1,2})\s*(?:/|\s+tháng\s+)(?P<m2>\d{1,2})(?![\d/])"
_QUARTER = r"quý\s+(?P<q>IV|III|II|I|[1-4])\s*(?:/|\s+năm\s+|\s*-\s*)(?P<qy>(?:19|20)\d{2})"
_MONTH = r"tháng\s+(?P<mo>\d{1,2})\s*(?:/|\s+năm\s+)(?P<my>(?:19|20)\d{2})"
_RECURRING = (r"(?P<rec>hằng năm|hàng năm|hằng tháng|hàng tháng|hằng quý|hàng quý|định kỳ(?:\s+(?:hằng|hàng)\s+"
              r"(?:năm|tháng|quý|tuần)|\s+\d{1,2}\s+tháng(?:\s*/\s*lần)?|\s+\d{1,2}\s+tháng\s+một\s+lần)?)")


def _due_pattern(prepositions_required: bool) -> re.Pattern[str]:
    """Due expressions; in running text a quarter or a month needs its preposition ("trong
    Quý II/2026"), in a field of time it stands alone ("Quý II/2026")."""
    prep = "" if prepositions_required else "?"
    return re.compile(
        r"(?P<due>"
        r"(?:trước|chậm nhất|không muộn hơn|hạn chót)(?:\s+(?:là|vào))?\s+ngày\s+(?:" + _FULL_DATE + "|" + _DAY_MONTH + ")"
        r"(?:\s+(?:hằng|hàng)\s+(?:năm|tháng))?"
        r"|(?:trước|chậm nhất)\s+ngày\s+(?P<dom>\d{1,2})\s+(?:hằng|hàng)\s+(?:tháng|quý)"
        r"|(?:(?:trong|trước|đến|cuối|vào|hoàn thành trong|hoàn thành|xong trong)\s+)" + prep + _QUARTER +
        r"|(?:(?:trong|trước|đến|cuối|vào|hoàn thành trong|hoàn thành)\s+)" + prep + _MONTH +
        r"|(?:trước|đến|trong|vào|chậm nhất|cuối|hoàn thành)(?:\s+hết)?(?:\s+ngày|\s+tháng|\s+năm)?\s+"
        + _FULL_DATE.replace("?P<d>", "?P<d3>").replace("?P<m>", "?P<m3>").replace("?P<y>", "?P<y3>") +
        r"|(?:trước|đến|trong|vào|chậm nhất|cuối|hoàn thành|trong cả)(?:\s+hết)?(?:\s+năm)?\s+"
        r"(?P<year>(?:19|20)\d{2})(?:\s+và\s+(?:19|20)\d{2})?(?!\s*[-–]\s*(?:19|20)?\d{2})(?![\d/])"
        r")", re.IGNORECASE)


DUE = _due_pattern(prepositions_required=True)
FIELD_DUE_EXPRESSION = _due_pattern(prepositions_required=False)
RECURRING = re.compile(_RECURRING, re.IGNORECASE)
# In a field of time, also: a bare year, a period, "thường xuyên".
FIELD_DUE = re.compile(r"(?P<period>(?:giai đoạn\s+)?(?P<from>(?:19|20)\d{2})\s*[-–]\s*(?P<to>(?:19|20)\d{2}))"
                       r"|(?P<bare>năm\s+(?P<by>(?:19|20)\d{2})|(?<![\d/])(?P<yb>(?:19|20)\d{2})(?![\d/]))"
                       r"|(?P<always>thường xuyên|hằng ngày|liên tục)", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"\b(Nghị quyết|Chương trình|Đề án|Kế hoạch|Chiến lược|Quy hoạch|Quyết định|Chỉ thị)\b"
                           r"[^;.]{0,90}$")
_REPORTING = re.compile(r"báo cáo|gửi|tổng hợp|cập nhật|đánh giá|sơ kết|tổng kết|kiểm tra", re.IGNORECASE)


@dataclass(frozen=True)
class Due:
    """A due expression found in a text."""

    text: str
    start: int
    end: int
    date: Optional[str] = None     # ISO date
    year: Optional[str] = None
    recurring: Optional[str] = None


def _due_of(m: re.Match[str], text: str) -> Due:
    g = m.groupdict()
    date = year = None
    for d, mo, y in (("d", "m", "y"), ("d3", "m3", "y3")):
        if g.get(y):
            date = f"{int(g[y]):04d}-{int(g[mo]):02d}-{int(g[d]):02d}"
            year = g[y]
    if year:
        pass
    elif g.get("qy"):
        year = g["qy"]
    elif g.get("my"):
        year = g["my"]
    elif g.get("year"):
        year = g["year"]
    due = m.group("due")
    rec = RECURRING.search(due)
    return Due(text=due.strip(), start=m.start("due"), end=m.end("due"), date=date, year=year,
               recurring=rec.group(0).lower() if rec else None)


def names_a_document(text: str, at: int) -> bool:
    """"“Chương trình chuyển đổi số Quốc gia đến năm 2025…”", "Nghị quyết … đến năm 2025": the
    year is part of another document's name, not a deadline."""
    quoted = text.count("“", 0, at) > text.count("”", 0, at)
    return quoted or bool(_TITLE_BEFORE.search(text[:at]))


def find_dues(text: str) -> list[Due]:
    """Due expressions in running text."""
    found = []
    for m in DUE.finditer(text):
        if names_a_document(text, m.start()) or re.search(r"tầm nhìn\s*$", text[:m.start()], re.IGNORECASE):
            continue
        found.append(_due_of(m, text))
    if not found:
        for m in RECURRING.finditer(text):
            if m.group(0).lower() != "định kỳ" and _REPORTING.search(text):
                found.append(Due(text=m.group(0), start=m.start(), end=m.end(), recurring=m.group(0).lower()))
                break
    return found


def field_due(value: str) -> Optional[Due]:
    """The due time a time field or column states ("Quý II/2026", "Năm 2025", "2026-2030",
    "Thường xuyên", "Hằng năm"); None when it states none (e.g. a duration in days)."""
    dues = [_due_of(m, value) for m in FIELD_DUE_EXPRESSION.finditer(value)]
    if dues:
        return dues[0]
    rec = RECURRING.search(value)
    if rec:
        return Due(text=value.strip(" .;"), start=0, end=len(value), recurring=rec.group(0).lower())
    m = FIELD_DUE.search(value)
    if not m:
        return None
    if m.group("period"):
        return Due(text=value.strip(" .;"), start=0, end=len(value), year=m.group("to"))
    if m.group("bare"):
        return Due(text=value.strip(" .;"), start=0, end=len(value), year=m.group("by") or m.group("yb"))
    return Due(text=value.strip(" .;"), start=0, end=len(value), recurring=m.group("always").lower())


def clause_deadlines(text: str) -> Iterator[tuple[str, Due, str]]:
    """(clause, due, item) for each due expression in the clauses of a passage."""
    for clause in clauses(text):
        if clause.endswith(":") or labelled_field(clause):
            continue  # a lead-in (its year belongs to the targets that follow), or a record's field
        for due in find_dues(clause):
            item = item_text(clause[:due.start] + " " + clause[due.end:])
            yield clause, due, item
