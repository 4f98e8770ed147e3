"""Targets: an indicator, a value with its unit and qualifier, a year, a level.

Rules, not guesses: a value is recorded only where the clause states it, in a part about
goals ("Mục tiêu", "Định hướng", a column of "Chỉ tiêu") or in a clause that says it is
one ("phấn đấu", "chỉ tiêu"). The year may come from the clause, its headings or its
section's lead-in ("Phấn đấu đến năm 2025 đạt được các mục tiêu sau:").
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional

from knowledge.facts.model import Fact
from knowledge.facts.text import YEAR_IN, clauses, heading_year, item_text
from knowledge.language.normalize import fold
from knowledge.structure.passages import Passage

VALUE = re.compile(
    r"(?P<pre>(?:tối thiểu|ít nhất|trên|hơn|dưới|tối đa|khoảng|từ|đạt)\s+)?"
    r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*"
    r"(?P<unit>%|điểm|bậc|tỷ USD|triệu USD|tỷ đồng|triệu đồng|doanh nghiệp|bộ dữ liệu|tập dữ liệu|hợp tác xã"
    r"|dịch vụ công|thủ tục|nền tảng)"
    r"(?P<post>\s+trở lên|\s+trở xuống)?", re.IGNORECASE)
RANK = re.compile(r"(?:vị trí|nhóm|thứ)\s+(?:thứ\s+)?(?P<num>\d{1,2}\s*[-–]\s*\d{1,2}|\d{1,2})", re.IGNORECASE)
_VALUE_LAST = re.compile(r"(đạt|là|tăng|giảm|đưa .* vào|ở|chiếm)(\s+(bình quân|tỷ lệ|được))?\s*$", re.IGNORECASE)
_LEVEL = re.compile(r"cấp (tỉnh|huyện|xã)", re.IGNORECASE)
_SAYS_TARGET = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu", re.IGNORECASE)
QUALIFIERS = {"tối thiểu": "≥", "ít nhất": "≥", "từ": "≥", "trở lên": "≥", "trên": ">", "hơn": ">",
              "dưới": "<", "tối đa": "≤", "trở xuống": "≤", "khoảng": "≈", "đạt": "="}


def is_goal(heading: tuple[str, ...]) -> bool:
    return any("muc tieu" in fold(h) or "dinh huong" in fold(h) or "chi tieu" in fold(h) for h in heading)


def clause_targets(clause: str, passage: Passage, context_year: Callable[[], Optional[str]],
                   goal: bool) -> Iterator[Fact]:
    """The targets one clause states."""
    if not goal and not _SAYS_TARGET.search(clause):
        return
    values = list(VALUE.finditer(clause)) or list(RANK.finditer(clause))
    if not values:
        return
    clause_year = YEAR_IN.search(clause)
    subject = item_text(clause[:values[0].start()])
    for i, m in enumerate(values):
        start = values[i - 1].end() if i else 0
        end = values[i + 1].start() if i + 1 < len(values) else len(clause)
        before = item_text(clause[start:m.start()])
        after = item_text(re.sub(r"^\s*(trở lên|trở xuống)", "", clause[m.end():end]))
        introduced = (m.groupdict().get("pre") or "").strip().lower() == "đạt"  # "X đạt 80%": X is the indicator
        value_last = introduced or bool(_VALUE_LAST.search(clause[start:m.start()])) or len(after.split()) < 2
        indicator = before if value_last and before else after
        if re.search(r"(tăng|giảm|phủ)$", before, re.IGNORECASE):  # "Giảm 30% tổng thời gian …"
            indicator = f"{before} {after}".strip()
        if i and not value_last and subject and subject != indicator:
            indicator = f"{subject} — {indicator}"
        words = [(m.groupdict().get("pre") or "").strip().lower(), (m.groupdict().get("post") or "").strip().lower()]
        qualifier = " ".join(w for w in words if w and w != "đạt") or None
        comparator = next((QUALIFIERS[w] for w in words if w in QUALIFIERS and w != "đạt"), None)
        unit = m.groupdict().get("unit") or "vị trí"
        level = _LEVEL.search(clause[start:end])
        yield Fact(type="target", doc_id=passage.doc_id, province=passage.province, section=passage.section,
                   quote=clause, indicator=indicator[:200] or None,
                   value=re.sub(r"\s+", " ", m.group("num")), unit=unit, qualifier=qualifier,
                   comparator=comparator or "=", year=clause_year.group(1) if clause_year else context_year(),
                   level=level.group(0).lower() if level else None, heading=passage.heading)


def passage_targets(passage: Passage, lead_in_year: Callable[[], Optional[str]]) -> Iterator[Fact]:
    """The targets of a body passage."""
    goal = is_goal(passage.heading)
    cache: dict[str, Optional[str]] = {}

    def context_year() -> Optional[str]:
        if "y" not in cache:
            cache["y"] = heading_year(passage.heading) or lead_in_year()
        return cache["y"]

    for clause in clauses(passage.text):
        yield from clause_targets(clause, passage, context_year, goal)
