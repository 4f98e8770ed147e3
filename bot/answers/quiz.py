"""A study quiz generated from the extracted facts: values, deadlines, responsible bodies.

Answers are typed naturally: "90", "90%", "chín mươi phần trăm", "năm 2022", "Văn phòng
Tỉnh ủy", with or without diacritics. Each question keeps the id of the fact it came from
(a content hash), so the verdict cites the document, section and quote, and a quiz in
progress survives a rebuild of the index.
"""
from __future__ import annotations

import random
import re
from typing import Optional

from bot.answers.citations import short_doc
from index.records import DocumentCard
from knowledge.facts.model import Fact
from knowledge.language.entities import find_bodies
from knowledge.language.normalize import fold

DEFAULT_QUESTIONS = 5
MAX_QUESTIONS = 10
SKIP = re.compile(r"^(bo qua|skip|qua|cau khac|cau tiep|khong biet|chiu)\W*$")
STOP = re.compile(r"^(dung|dung lai|thoi|ket thuc|stop|huy|thoat|khong choi nua)\W*$")

_UNITS = {"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6,
          "bay": 7, "tam": 8, "chin": 9}
_SCALES = {"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9}
_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?")


def _word_numbers(tokens: list[str]) -> list[float]:
    """Numbers written in words: "chín mươi lăm" → 95, "mười nghìn" → 10000."""
    out: list[float] = []
    total = hundreds = tens = 0.0
    pending: Optional[float] = None
    active = False

    def flush() -> None:
        nonlocal total, hundreds, tens, pending, active
        if active:
            out.append(total + hundreds + tens + (pending or 0))
        total = hundreds = tens = 0.0
        pending, active = None, False

    for i, tok in enumerate(tokens):
        if tok == "nam" and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            flush()  # "năm 2022": the word for year, not five
        elif tok in _UNITS:
            if pending is not None:
                flush()
            pending, active = float(_UNITS[tok]), True
        elif tok == "muoi":
            tens, pending, active = (pending if pending is not None else 1) * 10, None, True
        elif tok == "tram":
            hundreds, pending, active = (pending if pending is not None else 1) * 100, None, True
        elif tok in ("linh", "le") and active:
            continue
        elif tok in _SCALES and active:
            total += (hundreds + tens + (pending or 0)) * _SCALES[tok]
            hundreds = tens = 0.0
            pending = None
        else:
            flush()
    flush()
    return out


def numbers_in(text: str) -> list[float]:
    """Every number in an answer, written in digits ("10.000", "78,59") or in words."""
    folded = fold(text)
    found = [float(m.group(0).replace(".", "").replace(",", ".")) for m in _DIGITS.finditer(folded)]
    words = re.findall(r"[a-z]+|\d+", re.sub(r"\bphan tram\b", " ", folded))  # "phần trăm" is %, not 100
    return found + _word_numbers(words)


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6 * max(1.0, abs(b))


def is_right(question: dict, answer: str) -> bool:
    """Does the typed answer give the expected value, year or body?"""
    if question["kind"] == "responsibility":
        expected = question["expected"]
        named = {b.value for b in find_bodies(answer)}
        if expected in named:
            return True
        want = set(fold(expected).split()) - {"cac", "tinh", "ban"}
        return bool(want) and len(want & set(fold(answer).split())) / len(want) >= 0.6
    numbers = numbers_in(answer)
    wanted = [float(x.replace(".", "").replace(",", ".")) for x in re.findall(r"\d[\d.,]*", question["expected"])]
    scale = 1e9 if question.get("unit", "").startswith("tỷ") else 1.0
    return bool(wanted) and all(any(_same(n, w) or _same(n, w * scale) for n in numbers) for w in wanted)


def _target_question(fact: Fact, doc: Optional[DocumentCard]) -> Optional[dict]:
    indicator = fact.indicator or ""
    if len(indicator.split()) < 3 or fact.unit == "vị trí":
        return None
    year = f" đến năm {fact.year}" if fact.year else ""
    qualifier = f"{fact.qualifier} " if fact.qualifier in ("tối thiểu", "ít nhất", "trên") else ""
    unit = fact.unit if fact.unit == "%" else f" {fact.unit}"
    answer = f"{qualifier}{fact.value}{unit}" + (" trở lên" if fact.qualifier == "trở lên" else "")
    where = f"Theo {short_doc(doc)} ({fact.province})"
    prompt = (f"{where}, bao nhiêu doanh nghiệp “{indicator}”{year}?" if fact.unit == "doanh nghiệp"
              else f"{where}, chỉ tiêu “{indicator}”{year} là bao nhiêu?")
    return {"kind": "target", "prompt": prompt, "topic": indicator,
            "expected": fact.value, "answer": answer, "unit": fact.unit}


def _deadline_question(fact: Fact, doc: Optional[DocumentCard]) -> Optional[dict]:
    item = (fact.item or "")[:160].rstrip(" ,;")
    if len(item.split()) < 5:
        return None
    expected = f"{fact.date[8:].lstrip('0')}/{fact.date[5:7].lstrip('0')}/{fact.year}" if fact.date else fact.year
    return {"kind": "deadline", "prompt": f"Theo {short_doc(doc)} ({fact.province}), việc “{item}” có thời hạn khi nào?",
            "topic": item, "expected": expected, "answer": fact.due}


def _responsibility_question(fact: Fact, doc: Optional[DocumentCard]) -> Optional[dict]:
    if fact.role not in ("chủ trì", "chỉ đạo", "kiểm tra/giám sát") or not find_bodies(fact.actor or ""):
        return None
    task = re.sub(rf"^{re.escape(fact.role.split('/')[0])}\W*", "", fact.task or "", flags=re.IGNORECASE)
    return {"kind": "responsibility",
            "prompt": f"Theo {short_doc(doc)} ({fact.province}), cơ quan nào được giao {fact.role}: “{task[:160]}”?",
            "topic": f"{fact.role}: {task[:120]}", "expected": fact.actor, "answer": fact.actor}


BUILDERS = {"target": _target_question, "deadline": _deadline_question, "responsibility": _responsibility_question}


def make_quiz(facts: list[Fact], cards: dict[str, DocumentCard], doc_ids: list[str], n: int,
              rng: Optional[random.Random] = None) -> list[dict]:
    """n questions drawn from the facts of the documents, mixing kinds, different each run.
    Each question holds its fact's id under "fact"."""
    rng = rng or random.Random()
    pool: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for fact in facts:
        if fact.doc_id not in doc_ids:
            continue
        question = BUILDERS[fact.type](fact, cards.get(fact.doc_id))
        if question and question["prompt"] not in seen:
            seen.add(question["prompt"])
            pool.setdefault(fact.type, []).append({**question, "fact": fact.fact_id})
    for questions in pool.values():
        rng.shuffle(questions)
    chosen: list[dict] = []
    kinds = [k for k in ("target", "deadline", "responsibility") if pool.get(k)]
    while len(chosen) < n and any(pool.get(k) for k in kinds):
        for kind in kinds:
            if pool[kind] and len(chosen) < n:
                chosen.append(pool[kind].pop())
    rng.shuffle(chosen)
    return chosen


def requested_count(text: str) -> int:
    """"đố tôi 8 câu" → 8 (at most MAX_QUESTIONS); else the default."""
    m = re.search(r"(\d{1,2})\s*cau", fold(text))
    return max(1, min(MAX_QUESTIONS, int(m.group(1)))) if m else DEFAULT_QUESTIONS
