"""Pick the sentence or bullet that states the answer, verbatim, at most 300 characters."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.actions.evidence import MIN_SUPPORT, Evidence
from index.search import Hit

LEAD_MAX = 300
_UNIT_BREAK = re.compile(r"(?<=[.;:])\s+(?=\S)|\n+")
_CLAUSE_BREAK = re.compile(r"(?<=[,;])\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*%|\d")
# A deadline: a full date, or a year introduced as one ("đến năm 2025", "trong năm 2022");
# a period ("giai đoạn 2016 – 2020") is not a deadline.
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày \d{1,2} tháng \d{1,2}"
                   r"|(?:trước|đến|trong|vào|hết|chậm nhất|cuối|từ)(?: hết)?(?: ngày| tháng| năm)? (?:19|20)\d{2}(?!\s*[-–])"
                   r"|năm (?:19|20)\d{2}(?!\s*[-–])", re.IGNORECASE)
_ROLE = re.compile(r"chủ trì|phối hợp|kiểm tra|giám sát|chỉ đạo|theo dõi|đôn đốc|chịu trách nhiệm|có trách nhiệm"
                   r"|tuyên truyền|quán triệt|giao |tham mưu|tổ chức thực hiện", re.IGNORECASE)
# What an answer to each kind of question must show, and how much that counts: a target
# without a number or a deadline without a date does not answer at all.
INTENT_SIGNAL = {"ask_target": (_NUMBER, 0.5), "ask_deadline": (_DATE, 0.5), "ask_responsibility": (_ROLE, 0.15)}


@dataclass
class Lead:
    """The answering text and the passage it comes from."""

    text: str
    hit: Hit
    support: float      # of the whole passage with its headings
    score: float


def _pieces(text: str) -> list[str]:
    """Sentences and list lines; a lead-in ending with ":" stays with what follows it."""
    pieces: list[str] = []
    for piece in (p.strip() for p in _UNIT_BREAK.split(text)):
        if pieces and pieces[-1].endswith(":"):
            pieces[-1] = f"{pieces[-1]} {piece}"
        elif piece:
            pieces.append(piece)
    return pieces


def units(text: str) -> list[str]:
    """Sentences and list lines; long ones as windows of clauses."""
    out: list[str] = []
    for unit in _pieces(text):
        if len(unit.split()) < 3:
            continue
        if len(unit) <= LEAD_MAX:
            out.append(unit)
            continue
        clauses = _CLAUSE_BREAK.split(unit)
        for i in range(len(clauses)):
            window = clauses[i]
            for clause in clauses[i + 1:]:
                if len(window) + 1 + len(clause) > LEAD_MAX:
                    break
                window = f"{window} {clause}"
            out.append(window[:LEAD_MAX])
    return out


def best_lead(hits: list[Hit], evidence: Evidence, intent: Optional[str]) -> Optional[Lead]:
    """The best unit over the first hits whose passage supports the question: coverage of
    the question, the intent's signal (a number for targets, a date for deadlines, a role
    verb for responsibilities) and the passage's search rank."""
    signal, bonus = INTENT_SIGNAL.get(intent or "", (None, 0.0))
    best: Optional[Lead] = None
    for rank, hit in enumerate(hits[:5]):
        context = "\n".join([*hit.heading, hit.text])
        passage_support = evidence.support(context)
        if passage_support < MIN_SUPPORT:
            continue
        for unit in units(hit.text):
            score = (evidence.support(unit) + 0.35 * passage_support + 0.15 / (1 + rank)
                     + (bonus if signal and signal.search(unit) else 0.0))
            if best is None or score > best.score:
                best = Lead(text=unit.lstrip("-–• ").strip(), hit=hit, support=passage_support, score=score)
    return best
