"""The years and periods a question is about: "năm 2017", "đến 2030", "giai đoạn 2021 - 2025".

Years inside a document's number or date of issue ("89/2025/QĐ-UBND", "ngày 22/4/2021")
name the document, not the time asked about, and are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from knowledge.language.normalize import nfc, strip_diacritics

_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")
_PERIOD = re.compile(r"(?<![\d/])((?:19|20)\d{2})\s*(?:-|–|—|den|toi)\s*((?:19|20)\d{2})(?![\d/])")
_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}")
# A year reached by ("đến năm 2025", "mốc 2030", "tới 2030"): a horizon, not a year's result.
_BY = re.compile(r"(den|toi|moc|dinh huong|truoc|het|cuoi|vao)\s+(nam\s+)?$")


@dataclass(frozen=True)
class Years:
    years: tuple[int, ...] = ()            # single years asked about
    period: Optional[tuple[int, int]] = None
    horizon: bool = False                  # "đến năm 2025": the year a target is for

    def __bool__(self) -> bool:
        return bool(self.years or self.period)


def find_years(question: str, taken: Sequence[tuple[int, int]] = ()) -> Years:
    """Years and the period of the question, outside the spans ``taken`` (document references)."""
    folded = strip_diacritics(nfc(question)).lower()
    blocked = list(taken) + [(m.start(), m.end()) for m in _DATE.finditer(folded)]
    free = lambda a, b: not any(s < b and a < e for s, e in blocked)  # noqa: E731
    period = None
    for m in _PERIOD.finditer(folded):
        if free(m.start(), m.end()) and int(m.group(1)) < int(m.group(2)):
            period = (int(m.group(1)), int(m.group(2)))
            blocked.append((m.start(), m.end()))
            break
    years, horizon = [], False
    for m in _YEAR.finditer(folded):
        if free(m.start(), m.end()):
            years.append(int(m.group(1)))
            horizon = horizon or bool(_BY.search(folded[max(0, m.start() - 20):m.start()]))
    return Years(tuple(dict.fromkeys(years)), period, horizon)


def years_in(text: str) -> set[int]:
    """Every year a text mentions, periods' ends included (dates of issue too)."""
    folded = strip_diacritics(nfc(text)).lower()
    found = {int(y) for y in _YEAR.findall(folded)}
    for a, b in _PERIOD.findall(folded):
        found |= {int(a), int(b)}
    return found


def period_of(text: str) -> Optional[tuple[int, int]]:
    """The first period a text names ("2021-2025, định hướng đến năm 2030" → 2021–2030)."""
    folded = strip_diacritics(nfc(text or "")).lower()
    m = _PERIOD.search(folded)
    if not m:
        return None
    end = max([int(m.group(2)), *(int(y) for y in _YEAR.findall(folded[m.end():]))])
    return int(m.group(1)), end


def periods_in(text: str) -> list[tuple[int, int]]:
    """Every period a text names ("giai đoạn 2016 - 2020" → (2016, 2020))."""
    folded = strip_diacritics(nfc(text)).lower()
    return [(int(a), int(b)) for a, b in _PERIOD.findall(folded) if int(a) < int(b)]


def single_years(text: str) -> set[int]:
    """Years a text names on their own ("năm 2017", "(năm 2020)"), not as the ends of a period."""
    folded = strip_diacritics(nfc(text)).lower()
    spans = [(m.start(), m.end()) for m in _PERIOD.finditer(folded)]
    return {int(m.group(1)) for m in _YEAR.finditer(folded)
            if not any(a <= m.start() < b for a, b in spans)}
