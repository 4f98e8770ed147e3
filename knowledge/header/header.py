"""The header of a Vietnamese party or state document, read off its first paragraphs.

Every usual layout sets the same parts in the same order: the issuer (one or two levels,
"UBND THÀNH PHỐ HÀ NỘI / TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG") beside the national or the
Party's motto, "Số: 144/KH-UBND" beside "<place>, ngày 24 tháng 11 năm 2025", then the
type line (KẾ HOẠCH, QUYẾT ĐỊNH …, a letter's "V/v …"), the title, and for decisions
the enacting authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"). Parts are found by
what they say, not where they stand, so a two-column PDF line ("Số: 010/CT-UBND Đắk Lắk,
ngày 17 …") reads as well as a table. A part the text does not give stays empty.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from knowledge.header.doctypes import DocType, type_from_line
from knowledge.header.signature import is_recipients_start, is_role_line
from knowledge.language.normalize import fold
from knowledge.language.provinces import find_province_spans

MAX_HEADER_UNITS = 40
_PROSE = 150  # a mixed-case paragraph this long is running text, not a header part
_MOTTO = re.compile(r"C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
                    r"|Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc",
                    re.IGNORECASE)
_NUMBER = re.compile(r"(?:^|\s)Số\s*:?\s*(?P<number>[0-9][\w./\-–]*[/\-–][\w./\-–]*\w)", re.IGNORECASE)
_NUMBER_BLANK = re.compile(r"(?:^|\s)Số\s*:?\s*[.…_\s]*(?:/\S*|$)", re.IGNORECASE)
_DATE = re.compile(r"(?:(?P<place>[^\d,;:]{2,40}?)\s*,\s*)?ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|/\s*)(?P<m>\d{1,2})"
                   r"\s*(?:năm\s+|/\s*)(?P<y>\d{4})", re.IGNORECASE)
_DATE_BLANK = re.compile(r"ngày\s*[.…_ ]*\s*tháng\s*[.…_ ]*\s*năm\s*\d{0,4}", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(V/v|Về việc)\s*:?\s*(?P<subject>.+)$", re.IGNORECASE)
_DRAFT = re.compile(r"^\W*dự\s+thảo\b", re.IGNORECASE)
_BODY_START = re.compile(r"^(Căn cứ|Thực hiện|Xét |Theo đề nghị|Kính gửi|Trên cơ sở|Thời gian qua|Nhằm|Để |Sau |I\s*[.\-–]"
                         r"|1\.|Điều 1|Chương I\b|CHƯƠNG I\b|Phần I\b|PHẦN I\b|PHỤ LỤC|Ngày \d)", re.IGNORECASE)
# Heads of the bodies that enact a decision, written above its recitals.
_AUTHORITY = re.compile(r"^(CHỦ TỊCH|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|GIÁM ĐỐC|BAN CHẤP HÀNH"
                        r"|BAN THƯỜNG VỤ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|BỘ TRƯỞNG|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN"
                        r"|HIỆU TRƯỞNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|THƯỜNG TRỰC)\b")
# Words that open an issuing body; a second one after a place name opens a second level.
_ORG_HEAD = re.compile(r"\b(ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|SỞ|BAN|VĂN PHÒNG|TRUNG TÂM|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ"
                       r"|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|HUYỆN ỦY|CHI CỤC|CỤC|PHÒNG|THANH TRA|CÔNG AN|KHO BẠC|BẢO HIỂM"
                       r"|ĐOÀN|HỘI|LIÊN ĐOÀN|MẶT TRẬN|CHỦ TỊCH|BỘ)\b")


@dataclass
class Header:
    """What the header states; ``end`` is the index of the first unit of the body."""

    issuer_levels: list[str] = field(default_factory=list)   # as written, top level first
    number: Optional[str] = None
    place: Optional[str] = None
    date: Optional[dt.date] = None
    doc_type: Optional[DocType] = None
    type_words: Optional[str] = None      # the type line as written ("QUYẾT ĐỊNH")
    draft: bool = False
    title: Optional[str] = None           # as written (often in capitals)
    subject: Optional[str] = None         # a letter's "V/v …"
    authority: Optional[str] = None
    province: Optional[str] = None
    lines: list[str] = field(default_factory=list)
    end: int = 0


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _strip_motto(line: str) -> str:
    return re.sub(r"\s{2,}", " ", _MOTTO.sub(" ", line)).strip(" -–*")


def read_header(paragraphs: list[str]) -> Header:
    """The header parts among the first paragraphs (tables already flattened)."""
    header = Header()
    issuer_lines: list[str] = []
    title_lines: list[str] = []
    state = "issuer"          # issuer → (number/date) → title → done
    i = 0
    limit = min(len(paragraphs), MAX_HEADER_UNITS)
    while i < limit:
        text = paragraphs[i].strip()
        line = _strip_motto(text)
        if is_recipients_start(line) or (is_role_line(line) and i > 0):
            break  # the end of a short letter or copy note: no more header
        if state == "title":
            if _ends_title(line, title_lines):
                break
        elif _BODY_START.match(line) and state != "issuer" or (
                _BODY_START.match(line) and not _is_upper(line) and i > 0):
            break
        elif len(line) > _PROSE and not _is_upper(line):
            break  # running text: the document has no (more) header
        header.lines.append(text)
        i += 1
        if not line:
            continue
        if _DRAFT.match(line) and not type_from_line(line):
            header.draft = True
            continue
        number = _NUMBER.search(line)
        if number and header.number is None and state != "title":
            header.number = number.group("number").replace("–", "-").rstrip(".")
            before = line[:number.start()].strip()
            if state == "issuer" and before and _is_upper(before) and not header.date:
                issuer_lines.append(before)  # a PDF line holding the issuer's last words, then "Số: …"
            line = line[number.end():].strip()
        elif _NUMBER_BLANK.search(line) and state != "title":
            if re.fullmatch(r"Số\s*:?", line.strip(), re.IGNORECASE) and i < limit:
                following = paragraphs[i].strip()
                m = re.match(r"^(?P<number>[0-9][\w./\-–]*[/\-–][\w./\-–]*\w)", following)
                if m and header.number is None:
                    header.number = m.group("number")
                    header.lines.append(following)
                    i += 1
            line = _NUMBER_BLANK.sub(" ", line).strip()
        date = _DATE.search(line)
        if date and header.date is None and state != "title":
            header.date = _valid_date(date)
            place = (date.group("place") or "").strip(" *,")
            header.place = place or None
            line = (line[:date.start()] + line[date.end():]).strip()
        elif _DATE_BLANK.search(line) and state != "title":
            line = _DATE_BLANK.sub(" ", line).strip(" ,")
        subject = _SUBJECT.match(line)
        if subject and state != "title":
            header.subject = subject.group("subject").strip()
            state = "done" if header.doc_type else state
            continue
        doc_type = type_from_line(line) if state != "title" else None
        if doc_type and header.doc_type is None:
            header.doc_type = doc_type
            header.type_words = line
            if _DRAFT.match(line):
                header.draft = True
            rest = _after_type(line, doc_type)
            title_lines = [rest] if rest else []
            state = "title"
            continue
        if state == "title":
            if _AUTHORITY.match(line) and _is_upper(line) and title_lines:
                header.authority = line
                state = "done"
                continue
            title_lines.append(line)
            continue
        if state == "issuer" and line and _is_upper(line) and not header.number and not header.date:
            issuer_lines.append(line)
    if state == "title" and i < len(paragraphs) and _AUTHORITY.match(paragraphs[i].strip()) and \
            _is_upper(paragraphs[i]) and title_lines:
        header.authority = paragraphs[i].strip()
        header.lines.append(paragraphs[i].strip())
        i += 1
    header.end = i
    if not (header.number or header.date or header.doc_type or header.subject or issuer_lines):
        header.end, header.lines = 0, []  # nothing of a header: the text starts at once
    header.title = " ".join(t for t in title_lines if t).strip() or None
    header.issuer_levels = issuer_levels(" ".join(issuer_lines))
    header.province = _province(header)
    return header


def _ends_title(line: str, title_lines: list[str]) -> bool:
    """The title runs in capitals (or as its "về …" continuation) until the body starts."""
    if not line or not any(c.isalpha() for c in line):
        return False  # "2026 - 2030" on a line of its own
    if _BODY_START.match(line):
        return True
    if _is_upper(line) or not title_lines:
        return False
    # a lower-case continuation of a title set in one paragraph ("về đẩy mạnh …") stays
    return not line[:1].islower() and not line.lower().startswith(("về ", "v/v"))


def _after_type(line: str, doc_type: DocType) -> str:
    """What follows the type words on the type line ("NGHỊ QUYẾT CỦA BAN CHẤP HÀNH …")."""
    words = line.split()
    n = len(doc_type.label.split())
    start = 2 if _DRAFT.match(line) else 0
    return " ".join(words[start + n:]).strip(" :")


def _valid_date(m: re.Match[str]) -> Optional[dt.date]:
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return date if 1945 <= date.year <= 2100 else None


def issuer_levels(text: str) -> list[str]:
    """"UBND THÀNH PHỐ HÀ NỘI TRUNG TÂM PHỤC VỤ …" → its two levels; one level otherwise.

    A second body starts where an organisation's head word follows a place name.
    """
    text = re.sub(r"\s+", " ", text).strip(" -–*")
    if not text:
        return []
    cuts = [0]
    places_end = {end for _, end, _ in find_province_spans(text)}
    for m in _ORG_HEAD.finditer(text):
        if m.start() == 0:
            continue
        before = text[:m.start()].rstrip()
        if len(before) in places_end:
            cuts.append(m.start())
    cuts.append(len(text))
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _province(header: Header) -> Optional[str]:
    """The issuer's province: named in the issuer, else the place of issue."""
    for text in (*header.issuer_levels, header.place or "", header.authority or ""):
        spans = find_province_spans(text)
        if spans:
            return spans[0][2]
    return None


def fold_key(text: Optional[str]) -> str:
    """A comparison key for metadata values (case, diacritics, spacing, dashes)."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text or "")).strip()
