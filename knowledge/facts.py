"""Targets, responsibilities and deadlines as data, extracted from the parsed sections.

Every fact keeps its quote: a clause copied verbatim from the document's clean text, so
anyone can check it. Rules, not guesses: a value, a body or a date is only recorded when
the clause itself states it (a target's year may come from its section's heading or
lead-in, e.g. "Phấn đấu đến năm 2025 đạt được các mục tiêu sau:").
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterator, Optional

from knowledge.corpus import Document
from knowledge.entities import find_bodies
from knowledge.normalize import fold
from knowledge.passages import Passage

# --- targets -------------------------------------------------------------------------
_VALUE = re.compile(
    r"(?P<pre>(?:tối thiểu|ít nhất|trên|hơn|dưới|tối đa|khoảng|từ|đạt)\s+)?"
    r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*"
    r"(?P<unit>%|điểm|bậc|tỷ USD|triệu USD|doanh nghiệp)"
    r"(?P<post>\s+trở lên|\s+trở xuống)?", re.IGNORECASE)
_RANK = re.compile(r"(?:vị trí|nhóm|thứ)\s+(?:thứ\s+)?(?P<num>\d{1,2}\s*[-–]\s*\d{1,2}|\d{1,2})", re.IGNORECASE)
_VALUE_LAST = re.compile(r"(đạt|là|tăng|giảm|đưa .* vào|ở)(\s+(bình quân|tỷ lệ|được))?\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(\(\d+\)\.?|\d+(\.\d+)*\.|-)\s*|^\s*Về [^:]{3,80}:\s*", re.IGNORECASE)
_LEVEL = re.compile(r"cấp (tỉnh|huyện|xã)", re.IGNORECASE)
_YEAR_IN = re.compile(r"(?:đến|vào|trong|tới|hết)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\s*[-–])", re.IGNORECASE)
QUALIFIERS = {"tối thiểu": "≥", "ít nhất": "≥", "từ": "≥", "trở lên": "≥", "trên": ">", "hơn": ">",
              "dưới": "<", "tối đa": "≤", "trở xuống": "≤", "khoảng": "≈", "đạt": "="}

# --- responsibilities ------------------------------------------------------------------
ROLES = (("chủ trì", "chủ trì"), ("phối hợp", "phối hợp"), ("chỉ đạo", "chỉ đạo"),
         ("kiểm tra", "kiểm tra/giám sát"), ("giám sát", "kiểm tra/giám sát"), ("theo dõi", "kiểm tra/giám sát"),
         ("đôn đốc", "kiểm tra/giám sát"), ("tuyên truyền", "tuyên truyền"), ("quán triệt", "tuyên truyền"))
_ROLE = re.compile("|".join(re.escape(r) for r, _ in ROLES), re.IGNORECASE)
# How an implementing body is named when it is not in the known list.
_ACTOR_START = re.compile(r"^(các|ban|văn phòng|ủy ban|uỷ ban|sở|đảng|cấp ủy|cấp uỷ|mặt trận|hội đồng|ubnd|hđnd"
                          r"|huyện ủy|thành ủy|tỉnh ủy|thường trực|đồng chí|người đứng đầu)\b", re.IGNORECASE)
# Verbs that end a raw actor phrase ("Các cấp ủy đảng … tổ chức nghiên cứu, quán triệt").
_TRAILING_VERBS = re.compile(r"(\s+(tổ chức|nghiên cứu|thực hiện|xây dựng|có trách nhiệm|chịu trách nhiệm))+$",
                             re.IGNORECASE)
_COOPERATE = re.compile(r"phối hợp(?: chặt chẽ)? với (?P<who>[^;.:]+?)(?= để | thường xuyên| hướng dẫn| tổ chức| theo dõi"
                        r"| xây dựng| làm| tham mưu| đôn đốc|,? kiểm tra|[;.:]|$)", re.IGNORECASE)

# --- deadlines -------------------------------------------------------------------------
_DUE = re.compile(
    r"(?P<due>(?:trước|đến|trong|vào|chậm nhất|cuối)(?: hết)?(?: ngày| tháng| năm)?\s+"
    r"(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})|(?P<year>(?:19|20)\d{2})(?:\s+và\s+(?:19|20)\d{2})?)(?!\s*[-–]))",
    re.IGNORECASE)
_CLAUSE = re.compile(r"(?<=[;.])\s+(?=\S)")
_SKIP_PARTS = ("tình hình",)  # past results are not commitments


@dataclass(frozen=True)
class Fact:
    """One commitment of a document; which fields are set depends on ``type``."""

    type: str                      # target | responsibility | deadline
    doc_id: str
    province: Optional[str]
    section: str
    quote: str                     # verbatim clause of the clean text
    indicator: Optional[str] = None
    value: Optional[str] = None    # "90", "10.000", "20 - 25"
    unit: Optional[str] = None     # %, điểm, bậc, tỷ USD, doanh nghiệp, vị trí
    qualifier: Optional[str] = None  # the words: "trở lên", "tối thiểu", "trên" …
    comparator: Optional[str] = None  # ≥ > ≤ < ≈ =
    year: Optional[str] = None
    level: Optional[str] = None    # cấp tỉnh / cấp huyện / cấp xã
    actor: Optional[str] = None
    role: Optional[str] = None
    task: Optional[str] = None
    due: Optional[str] = None      # "trước ngày 15/6/2016", "trong năm 2022"
    date: Optional[str] = None     # ISO date when the clause gives a full date
    item: Optional[str] = None
    heading: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return asdict(self)


def _clauses(text: str) -> Iterator[str]:
    """Verbatim clauses: each line cut at sentence ends and semicolons."""
    for line in text.split("\n"):
        for clause in _CLAUSE.split(line):
            clause = clause.strip()
            if len(clause.split()) >= 3:
                yield clause


def _in_skipped_part(passage: Passage) -> bool:
    return bool(passage.heading) and any(fold(s) in fold(passage.heading[0]) for s in _SKIP_PARTS)


def _context_year(doc: Document, passage: Passage) -> Optional[str]:
    """A year stated by the headings above the passage or by its section's lead-in."""
    for title in reversed(passage.heading):
        m = _YEAR_IN.search(title)
        if m:
            return m.group(1)
    path = passage.section
    while path:
        path = re.sub(r"(\[\d+\]|\(\d+\)|\.\d+)$", "", path)
        for p in doc.passages:
            if p.section == path and p.role == "body" and p.text.rstrip().endswith(":"):
                m = _YEAR_IN.search(p.text)
                if m:
                    return m.group(1)
        if "." not in path and "[" not in path and "(" not in path:
            break
    return None


def _is_goal(passage: Passage) -> bool:
    return any("muc tieu" in fold(h) or "dinh huong" in fold(h) for h in passage.heading)


def _indicator_text(text: str) -> str:
    """A clause piece as an indicator name: no list labels, no edge punctuation."""
    text = text.strip(" ,;.:/-–•")
    while _LABEL.match(text):
        text = _LABEL.sub("", text, count=1).strip(" ,;.:/-–•")
    text = re.sub(r"^(trong đó|phấn đấu|và)\s*,?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(đạt|là|ở mức)$", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ,;.:/")


def _targets(doc: Document, passage: Passage) -> Iterator[Fact]:
    goal = _is_goal(passage)
    context_year = None
    for clause in _clauses(passage.text):
        if not goal and not re.search(r"phấn đấu|mục tiêu|chỉ tiêu", clause, re.IGNORECASE):
            continue
        values = list(_VALUE.finditer(clause)) or list(_RANK.finditer(clause))
        if not values:
            continue
        if context_year is None:
            context_year = _context_year(doc, passage) or ""
        clause_year = _YEAR_IN.search(clause)
        subject = _indicator_text(clause[:values[0].start()])
        for i, m in enumerate(values):
            start = values[i - 1].end() if i else 0
            end = values[i + 1].start() if i + 1 < len(values) else len(clause)
            before = _indicator_text(clause[start:m.start()])
            after = _indicator_text(re.sub(r"^\s*(trở lên|trở xuống)", "", clause[m.end():end]))
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
            yield Fact(type="target", doc_id=doc.doc_id, province=doc.meta.province, section=passage.section,
                       quote=clause, indicator=indicator[:200] or None,
                       value=re.sub(r"\s+", " ", m.group("num")), unit=unit, qualifier=qualifier,
                       comparator=comparator or "=", year=clause_year.group(1) if clause_year else (context_year or None),
                       level=level.group(0).lower() if level else None, heading=passage.heading)


def _role_after_actor(clause: str) -> Optional[re.Match[str]]:
    """The first role verb that is not part of a body's name ("Ủy ban Kiểm tra")."""
    names = find_bodies(clause)
    for match in _ROLE.finditer(clause):
        if not any(b.start <= match.start() < b.end for b in names):
            return match
    return None


def _actor_name(phrase: str) -> Optional[str]:
    """A known body's canonical name when the phrase starts with it; else the phrase itself
    when it reads like a body ("Các huyện ủy, thị ủy, …", "Văn phòng và các ban …")."""
    phrase = re.sub(r"^(\d+\.\s*|giao\s+|-\s*)", "", phrase, flags=re.IGNORECASE).strip(" ,:…")
    phrase = _TRAILING_VERBS.sub("", phrase).strip(" ,:…")
    bodies = find_bodies(phrase)
    if bodies and bodies[0].start == 0:
        return bodies[0].value
    if _ACTOR_START.match(phrase) and 2 <= len(phrase.split()) <= 30:
        return phrase
    return None


def _actor_of(clause: str, role: re.Match[str], passage: Passage) -> Optional[str]:
    """The body that does the task: named before the role verb, else the item's heading."""
    actor = _actor_name(clause[:role.start()])
    if actor or not passage.heading:
        return actor
    title = passage.heading[-1]
    return None if "thuc hien" in fold(title) and not find_bodies(title) else _actor_name(title)


def _responsibilities(doc: Document, passage: Passage) -> Iterator[Fact]:
    in_charge_part = bool(passage.heading) and "to chuc thuc hien" in fold(passage.heading[0])
    for clause in _clauses(passage.text):
        role_match = _role_after_actor(clause)
        if not role_match or not (in_charge_part or re.match(r"^(\d+\.\s*)?giao\b", clause, re.IGNORECASE)):
            continue
        actor = _actor_of(clause, role_match, passage)
        if not actor:
            continue
        role = next(label for verb, label in ROLES if verb == role_match.group(0).lower())
        task = clause[role_match.start():].strip()
        yield Fact(type="responsibility", doc_id=doc.doc_id, province=doc.meta.province, section=passage.section,
                   quote=clause, actor=actor, role=role, task=task[:300], heading=passage.heading)
        for co in _COOPERATE.finditer(clause):
            for body in find_bodies(co.group("who")):
                if body.value != actor:
                    yield Fact(type="responsibility", doc_id=doc.doc_id, province=doc.meta.province,
                               section=passage.section, quote=clause, actor=body.value, role="phối hợp",
                               task=task[:300], heading=passage.heading)


_TITLE_BEFORE = re.compile(r"\b(Nghị quyết|Chương trình|Đề án|Kế hoạch|Chiến lược|Quy hoạch)\b[^;.]{0,90}$")


def _names_a_document(text: str, at: int) -> bool:
    """"“Chương trình chuyển đổi số Quốc gia đến năm 2025…”", "Nghị quyết chuyển đổi số tỉnh
    Bắc Kạn đến năm 2025": the year is part of another document's name, not a deadline."""
    quoted = text.count("“", 0, at) > text.count("”", 0, at)
    return quoted or bool(_TITLE_BEFORE.search(text[:at]))


def _deadlines(doc: Document, passage: Passage) -> Iterator[Fact]:
    for clause in _clauses(passage.text):
        if clause.endswith(":"):
            continue  # a lead-in: its year belongs to the targets that follow
        for m in _DUE.finditer(clause):
            if _names_a_document(clause, m.start()) or re.search(r"tầm nhìn\s*$", clause[:m.start()], re.IGNORECASE):
                continue
            date = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}" if m["y"] else None
            item = _indicator_text(clause[:m.start()] + " " + clause[m.end():])
            yield Fact(type="deadline", doc_id=doc.doc_id, province=doc.meta.province, section=passage.section,
                       quote=clause, due=m.group("due"), date=date, year=m["y"] or m["year"],
                       item=item[:300], heading=passage.heading)


def extract_facts(doc: Document) -> list[Fact]:
    """All facts of one document. News articles and copy notes repeat a primary
    document, so only resolutions, drafts and letters yield facts."""
    if doc.meta.kind not in ("resolution", "draft resolution", "cover letter"):
        return []
    facts: list[Fact] = []
    for passage in doc.passages:
        if passage.role != "body" or _in_skipped_part(passage):
            continue
        if passage.section or doc.meta.kind == "cover letter":
            facts += _targets(doc, passage)
            facts += _responsibilities(doc, passage)
            facts += _deadlines(doc, passage)
    return facts
