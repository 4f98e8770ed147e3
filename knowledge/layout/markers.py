"""How a line that starts a new unit begins: article, chapter, appendix, numbered item,
lettered point, bullet, signature role, "Nơi nhận".

Shared by the reflow (a marker starts a paragraph) and the section tree (a marker says
what kind of node the paragraph is), so both read a document the same way.
"""
from __future__ import annotations

import re
from typing import Optional

ARTICLE = re.compile(r"^Điều\s+(?P<label>\d{1,3}[a-zđ]?)\s*[.:]\s*(?P<rest>.*)$", re.S)
CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<label>[IVXLC]{1,6}|\d{1,2})\b\s*[.:\-–]?\s*(?P<rest>.*)$", re.S)
SUBPART = re.compile(r"^(?:Mục|MỤC)\s+(?P<label>\d{1,2}|[IVX]{1,4})\s*(?:[.:\-–]\s*(?P<rest>.*)|$)", re.S)
PART = re.compile(r"^(?:Phần|PHẦN)\s+(?P<label>thứ\s+\w+|THỨ\s+\w+|[IVX]{1,5}|\d{1,2}|[A-Z])\b\s*[.:\-–]?\s*(?P<rest>.*)$",
                  re.S)
APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục|PHỤ\s+LỤC)(?:\s+(?:số\s+|SỐ\s+)?(?P<label>[IVX]{1,5}|\d{1,2}[a-z]?)\b)?"
                      r"\s*[.:\-–]?\s*(?P<rest>.*)$", re.S)
ROMAN = re.compile(r"^(?P<label>[IVX]{1,5})\s*[.\-–)]\s*(?P<rest>\S.*)?$", re.S)
NUMBERED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)](?:\s+(?P<rest>\D.*)|\s*$)"
                      r"|^(?P<label2>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?P<rest2>[^\d\s].*)$", re.S)
LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<rest>\S.*)?$|^(?P<label2>[a-zđ])\.\s+(?P<rest2>[A-ZĐÀ-Ỹ].*)$", re.S)
ITEM = re.compile(r"^\((?P<label>\d{1,2}|[a-zđ])\)\.?\s*(?P<rest>\S.*)$", re.S)
BULLET = re.compile(r"^[-–—•+]\s*(?P<rest>\S.*)$", re.S)
SIGN_ROLE = re.compile(r"^(T/M|T/L|K/T|TM\.|KT\.|TL\.|Q\.|TUQ\.|TM |KT )\s*", re.I)
RECIPIENTS = re.compile(r"^nơi nhận\s*:", re.I)


def _label_and_rest(pattern: re.Pattern[str], text: str) -> Optional[tuple[str, str]]:
    """(label, rest) from a pattern with two alternatives (label/rest, label2/rest2)."""
    m = pattern.match(text)
    if not m:
        return None
    if m.group("label"):
        return m.group("label"), (m.group("rest") or "").strip()
    return m.group("label2"), (m.group("rest2") or "").strip()


def match_numbered(text: str) -> Optional[tuple[str, str]]:
    """(label, rest) of "2.1. Title" / "3) Text" / "2.1 Title"; None otherwise."""
    return _label_and_rest(NUMBERED, text)


def match_letter(text: str) -> Optional[tuple[str, str]]:
    """(label, rest) of "a) Text" / "b. Text"; None otherwise."""
    return _label_and_rest(LETTER, text)


def starts_unit(line: str) -> bool:
    """Whether a (clean) line opens a new unit by its first characters."""
    if any(p.match(line) for p in (ARTICLE, CHAPTER, SUBPART, ROMAN, ITEM, SIGN_ROLE, RECIPIENTS)):
        return True
    part = PART.match(line)
    if part and (not part["rest"] or part["rest"][:1] in ".:-–" or _mostly_upper(part["rest"][:40])):
        return True
    if is_appendix_heading(line) or match_numbered(line) or match_letter(line):
        return True
    m = BULLET.match(line)
    return bool(m and (m.group("rest")[:1].isupper() or m.group("rest")[:1].isdigit() or m.group("rest")[:1] in "“\"("))


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def is_appendix_heading(line: str) -> bool:
    """"PHỤ LỤC II", "Phụ lục 1: …" — not a mention such as "Phụ lục II kèm theo"."""
    m = APPENDIX.match(line)
    if not m:
        return False
    rest = (m.group("rest") or "").strip()
    if line.startswith(("PHỤ LỤC", "PHỤ")):
        return not rest or _mostly_upper(rest[:60]) or rest.startswith("(")
    return bool(m.group("label")) and (not rest or rest[:1].isupper()) and not rest.lower().startswith("kèm")


def is_bare_marker(text: str) -> bool:
    """"1.", "I.", "Điều 3.", "a)": a marker whose words are on the next line."""
    return bool(SIGN_ROLE.fullmatch(text.strip() + " ")) or bool(re.fullmatch(r"(Điều\s+\d{1,3}[a-zđ]?|Chương\s+[IVXLC\d]+|CHƯƠNG\s+[IVXLC\d]+|Mục\s+\d+|[IVX]{1,5}|"
                             r"\d{1,2}(\.\d{1,2}){0,3}|[a-zđ])\s*[.):\-–]?", text.strip()))
