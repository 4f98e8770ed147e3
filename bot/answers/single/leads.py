"""Pick the sentence or bullet that states the answer, verbatim, at most 300 characters."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.answers.single.policy import YEAR_IN_HEADING, year_fit, year_heading
from bot.answers.text.evidence import MIN_SUPPORT, Evidence
from bot.answers.text.fit import answers, body_named
from index.question import Question, Wants
from index.question.years import single_years
from index.records import DocumentCard
from index.search import Hit
from knowledge.facts.actors import mentions_body
from knowledge.facts.responsibilities import heading_actor
from knowledge.language.entities import find_bodies
from knowledge.structure.passages import RECITAL

LEAD_MAX = 300
LEAD_HITS = 8      # passages whose sentences compete for the lead
RECITAL_PENALTY = 0.3
# Recitals and closing formulas: rarely what a question about the content asks.
# Closing formulas: rarely what a question about the content asks (recitals are passages of their own).
_BOILERPLATE = re.compile(r"^(Trên đây là|Trong quá trình (tổ chức )?(triển khai )?thực hiện)")
_AMOUNT = re.compile(r"\d|\b(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|triệu|tỷ)\b", re.IGNORECASE)
ROW_CELL_MAX = 160
WANT_BONUS = 0.4
# A news article or copy repeats a document: when both say it, the document itself is cited.
SECONDARY_PENALTY = 0.15
# A body the question names ("Các Ban xây dựng Đảng có trách nhiệm gì?") is what it is about.
BODY_BONUS = 0.3
LEAD_IN_GAIN = 0.2
SAME_PASSAGE = 0.8
_LABEL = re.compile(r"^(Điều\s+\d+[a-zđ]?|Chương\s+\w+|Phụ lục\s+\w+|\(?[\dIVXa-zđ]{1,4}(\.\d+)*)[.)]?\s*[-–]?\s*")
_UNIT_BREAK = re.compile(r"(?<=[.;:])\s+(?=\S)|\n+")
_CLAUSE_BREAK = re.compile(r"(?<=[,;])\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*%|\d")
# A deadline: a full date, or a year introduced as one ("đến năm 2025", "trong năm 2022");
# a period ("giai đoạn 2016 – 2020") is not a deadline.
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày \d{1,2} tháng \d{1,2}"
                   r"|(?:trước|đến|trong|vào|hết|chậm nhất|cuối|từ)(?: hết)?(?: ngày| tháng| năm)? (?:19|20)\d{2}(?!\s*[-–])"
                   r"|năm (?:19|20)\d{2}(?!\s*[-–])", re.IGNORECASE)
_TIME = re.compile(_DATE.pattern + r"|quý\s+[IV\d]|tháng\s+\d|(?:19|20)\d{2}|hằng (năm|tháng|quý|tuần|ngày)"
                   r"|hàng (năm|tháng|quý)|định kỳ|thường xuyên|kể từ ngày|ngày làm việc", re.IGNORECASE)
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


def _lead_in(hit: Hit) -> str:
    """The title above an item or bullet, without its number ("Các trường hợp hộp thư … bị tạm
    khóa"): the nearest heading that is not the item's own title."""
    if hit.role != "body" or not re.search(r"[\[\].]|điểm|khoản", hit.section or ""):
        return ""
    own = _LABEL.sub("", hit.text)[:40]
    for title in reversed(hit.heading):
        bare = _LABEL.sub("", title).rstrip(" :…")
        if bare and not own.startswith(bare[:40]):
            return bare
    return ""


def row_unit(text: str) -> str:
    """A table row as one answer: every "column: value", long values cut at a word."""
    parts = []
    for part in text.split("; "):
        if len(part) > ROW_CELL_MAX:
            part = part[:ROW_CELL_MAX].rsplit(" ", 1)[0] + " …"
        parts.append(part)
    return "; ".join(parts)


def best_lead(hits: list[Hit], evidence: Evidence, intent: Optional[str], question: Question,
              cards: dict[str, DocumentCard]) -> Optional[Lead]:
    """The best unit over the first hits whose passage supports the question: coverage of
    the question, the intent's signal (a number for targets, a date for deadlines, a role
    verb for responsibilities) and the passage's search rank. A question asking who (or
    when) prefers a unit that names a body in the role asked (or a time) — such a unit,
    "Đơn vị chủ trì: Công an Thành phố.", takes its topic from its headings."""
    signal, bonus = INTENT_SIGNAL.get(intent or "", (None, 0.0))
    wants = question.wants
    asks_basis = wants.basis
    aside = ("card", "header") if asks_basis else ("card", "header", "recital")
    content = [h for h in hits if h.role not in aside][:LEAD_HITS]
    # The card, header and recitals only when no content passage supports the question.
    lead = _best(content, evidence, signal, bonus, question, cards) or _best(
        [h for h in hits[:LEAD_HITS] if h.role in aside], evidence, signal, bonus, question, cards)
    return lead


def _sentence_lead_in(text: str, unit: str) -> str:
    """The opening of the sentence a continuation unit belongs to, up to its colon ("Chỉ số
    CCHC của tỉnh được cải thiện khá rõ nét:" for "đến năm 2019 đạt 79,02 điểm"), else ""."""
    if not unit[:1].islower():
        return ""
    at = text.find(unit)
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1 if at > 0 else 0
    opening = text[start:at]
    return opening[:opening.find(":") + 1].strip() if ":" in opening else ""


def _best(hits: list[Hit], evidence: Evidence, signal: Optional[re.Pattern[str]], bonus: float,
          question: Question, cards: dict[str, DocumentCard]) -> Optional[Lead]:
    wants, asks_basis = question.wants, question.wants.basis
    # A figure, or a year's figure, must be about what was asked: its own sentence (with the
    # headings above it) has to cover the question, not only the passage around it.
    figure_asked = wants.amount or bool(question.years.years)
    best: Optional[Lead] = None
    for rank, hit in enumerate(hits):
        # The passage with its headings; where that falls short, its document's title (the words
        # that name the document: "quyết định phân cấp tuyển dụng viên chức") counts half.
        context = "\n".join([*hit.heading, hit.text])
        passage_support = evidence.support(context)
        if passage_support < MIN_SUPPORT and hit.doc_title:
            passage_support = (passage_support + evidence.support(f"{hit.doc_title}\n{context}")) / 2
        if passage_support < MIN_SUPPORT:
            continue
        over = heading_actor(tuple(hit.heading)) if wants.who else None
        recital = not asks_basis and bool(RECITAL.match(hit.text.lstrip("-–• ")))
        for unit in ([row_unit(hit.text)] if hit.role == "row" else units(hit.text)):
            if wants.amount and not _AMOUNT.search(unit) or wants.when and not _TIME.search(unit):
                continue  # "bao nhiêu?", "khi nào?": only a sentence that states a figure, a time answers
            card = cards.get(hit.doc_id)
            in_year = year_fit(unit, hit, question, card)
            if in_year is None:
                continue  # it answers for another year
            opening = _sentence_lead_in(hit.text, unit)
            if opening and len(opening) + len(unit) < LEAD_MAX + 100:
                unit = f"{opening} … {unit}"
            if figure_asked and evidence.support("\n".join([*hit.heading, unit])) < MIN_SUPPORT:
                continue
            support = evidence.support(unit)
            # An item under a lead-in ("… bị tạm khóa trong các trường hợp sau: a) …") answers
            # together with it: the nearest heading counts with the unit.
            lead_in = _lead_in(hit)
            with_lead_in = 0.9 * evidence.support(f"{lead_in} {unit}") if lead_in else 0.0
            if with_lead_in > support + LEAD_IN_GAIN:
                support, unit = with_lead_in, f"{lead_in}: {unit.lstrip('-–• ')}"
            fit = answers(unit, wants) or bool(over)
            if fit and hit.role != "row":
                support = max(support, passage_support)
            elif wants.when or wants.amount:
                # the time or figure asked for, in a passage that covers the question
                support = max(support, SAME_PASSAGE * passage_support)
            dated = wants.when and bool(_DATE.search(unit))
            met = (wants.who and (fit or mentions_body(unit))) + dated + (wants.amount and bool(_NUMBER.search(unit)))
            named = bool(question.bodies) and bool(
                set(question.bodies) & {b.value for b in find_bodies(f"{over or ''} {unit}")})
            score = (support + 0.35 * passage_support + 0.15 / (1 + rank) + in_year + (BODY_BONUS if named else 0.0)
                     + (bonus if signal and signal.search(unit) else 0.0)
                     + (WANT_BONUS if fit or dated else 0.0) + (0.2 * (met - 1) if met > 1 else 0.0)
                     - (RECITAL_PENALTY if recital or _BOILERPLATE.match(unit.lstrip("-–• ")) else 0.0)
                     - (SECONDARY_PENALTY if card is not None and card.secondary else 0.0))
            if best is None or score > best.score:
                text = unit.lstrip("-–• ").strip()
                dated_by = year_heading(hit) if (in_year == YEAR_IN_HEADING or question.premise
                                                 and question.years.years and not single_years(unit)) else ""
                if dated_by and not single_years(text):
                    text = f"{dated_by}: {text}"   # the year the target is for is in the heading above
                if over and not body_named(text):
                    text = f"{over}: {text[:1].lower()}{text[1:]}"  # who does it: the heading above names the body
                best = Lead(text=text, hit=hit, support=passage_support, score=score)
    return best
