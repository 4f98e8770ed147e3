"""When an answer may be given: the year or period asked, and a premise the question states.

A figure for 2017 answers a question about 2017, never one about 2019; a target "đến năm
2030" answers for 2030, not for 2025. A year before the document was issued asks for a
result, which the sentence itself must name; a later year asks for a target, which its
sentence or the headings above it may name. A claimed figure ("… 15.000, đúng không?") is
checked against the figure the documents state.
"""
from __future__ import annotations

import re
from typing import Optional

from index.question import Question
from index.question.years import period_of, periods_in, single_years
from index.records import DocumentCard
from index.search import Hit
from knowledge.language.normalize import fold

# How much naming the year asked adds to a candidate sentence's score.
YEAR_IN_UNIT = 0.3
YEAR_IN_HEADING = 0.3
YEAR_AT_PERIOD_END = 0.15
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?:\s*/\s*\d+)?")


def doc_year(card: Optional[DocumentCard]) -> Optional[int]:
    """The year a document speaks from: its date of issue, else the start of its period."""
    if card is None:
        return None
    if card.issued:
        return card.issued.year
    period = period_of(card.period or card.title or "")
    return period[0] if period else None


def year_fit(unit: str, hit: Hit, question: Question, card: Optional[DocumentCard]) -> Optional[float]:
    """A bonus for naming the year asked; None when the sentence answers for another year
    (or, for a past year, does not name it); 0.0 when the question names no year."""
    asked = set(question.years.years)
    if not asked or question.premise:
        return 0.0   # a premise's year is part of the claim to check, not a filter
    named = single_years(unit)
    if asked & named:
        return YEAR_IN_UNIT
    if question.years.horizon and any(b in asked for _, b in periods_in(unit)):
        return YEAR_AT_PERIOD_END
    if named:
        return None
    now = doc_year(card)
    if not question.years.horizon and now is not None and min(asked) < now:
        return None   # a past year's result: only a sentence that names the year gives it
    heading = " ".join(hit.heading)
    if asked & single_years(heading) or any(b in asked for _, b in periods_in(heading)):
        return YEAR_IN_HEADING
    if single_years(heading):
        return None
    period = period_of((card.period if card else None) or (card.title if card else "") or "")
    if period and period[1] in asked:
        return YEAR_AT_PERIOD_END
    return None


def premise_verdict(question: Question, lead: str) -> str:
    """"Đúng." or "Không đúng." before the lead when the question asks whether a figure (or a
    year) holds and the lead states one of the same kind; "" when the lead cannot settle it."""
    if not question.premise:
        return ""
    claimed = {_norm(c) for c in question.claimed if _FIGURE.search(c)}
    stated = {_norm(f) for f in _FIGURE.findall(fold(lead))} - {str(y) for y in single_years(lead)}
    years = set(question.years.years)
    if claimed and stated:
        return "Đúng như vậy. " if claimed & stated else "Không đúng như vậy. Theo văn bản: "
    if years and single_years(lead):
        return "Đúng như vậy. " if years & single_years(lead) else "Không đúng như vậy. Theo văn bản: "
    return ""


def year_heading(hit: Hit) -> str:
    """The nearest heading above a passage that names a year ("Định hướng đến năm 2030"), bare."""
    for title in reversed(hit.heading):
        if single_years(title) or periods_in(title):
            return re.sub(r"^[\dIVX.]+\s*", "", title).rstrip(" :")
    return ""


def _norm(figure: str) -> str:
    return re.sub(r"\s+", "", figure).replace(",", ".").lstrip("0") or "0"
