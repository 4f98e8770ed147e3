"""Entities in a user's message: province, document number, year, issuing body.

Rule-based on folded text, so "bac kan", "Bắc Kạn" and NFD input give the same
entities; the Rasa pipeline wraps these functions in a component.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.language.normalize import nfc, strip_diacritics
from knowledge.language.provinces import find_province_spans

# Party and State bodies that resolutions name, most specific first.
BODIES: dict[str, tuple[str, ...]] = {
    "Ủy viên Ban Chấp hành Đảng bộ tỉnh": ("cac dong chi uy vien ban chap hanh dang bo tinh",
                                          "uy vien ban chap hanh dang bo tinh", "tinh uy vien"),
    "Ủy viên Ban Chấp hành Đảng bộ Khối": ("cac dong chi uy vien ban chap hanh dang bo khoi",
                                          "uy vien ban chap hanh dang bo khoi"),
    "Ban Thường vụ Tỉnh ủy": ("ban thuong vu tinh uy", "btv tinh uy", "thuong vu tinh uy"),
    "Ban Chấp hành Đảng bộ tỉnh": ("ban chap hanh dang bo tinh", "bch dang bo tinh"),
    "Văn phòng Tỉnh ủy": ("van phong tinh uy", "vptu"),
    "Ban Tuyên giáo Tỉnh ủy": ("ban tuyen giao tinh uy", "ban tuyen giao"),
    "Ủy ban Kiểm tra Tỉnh ủy": ("uy ban kiem tra tinh uy", "ubkt tinh uy", "uy ban kiem tra"),
    "Ban cán sự đảng UBND tỉnh": ("ban can su dang ubnd tinh", "ban can su dang uy ban nhan dan tinh",
                                  "ban can su dang ubnd", "ban can su dang"),
    "Đảng đoàn HĐND tỉnh": ("dang doan hdnd tinh", "dang doan hoi dong nhan dan tinh", "dang doan hdnd"),
    "Các Ban xây dựng Đảng": ("cac ban xay dung dang", "ban xay dung dang"),
    "Ban Thường vụ Đảng ủy Khối": ("ban thuong vu dang uy khoi",),
    "Đảng ủy Khối": ("dang uy khoi", "dang bo khoi"),
    "Mặt trận Tổ quốc": ("mat tran to quoc", "mttq", "ubmttq"),
    "Sở Nội vụ": ("so noi vu",),
    "UBND tỉnh": ("ubnd tinh", "uy ban nhan dan tinh"),
    "HĐND tỉnh": ("hdnd tinh", "hoi dong nhan dan tinh"),
    "Huyện ủy": ("huyen uy",),
    "Tỉnh ủy": ("tinh uy",),
}
_NUMBER = re.compile(r"(?<![\w/])\d{1,4}[a-z]?(?:\s*[-/]\s*[a-z]{1,8})+(?![\w/])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class Entity:
    type: str
    value: str
    start: int
    end: int


def _key(text: str) -> str:
    """Lower-case, diacritic-free, same length as ``nfc(text)``."""
    return strip_diacritics(nfc(text)).lower()


def _body_patterns() -> list[tuple[re.Pattern[str], str]]:
    pairs = [(spelling, name) for name, spellings in BODIES.items() for spelling in spellings]
    pairs.sort(key=lambda p: -len(p[0]))
    spaced = [(re.escape(s).replace(r"\ ", r"\s+"), n) for s, n in pairs]
    return [(re.compile(rf"(?<![a-z0-9]){s}(?![a-z0-9])"), n) for s, n in spaced]


_BODIES = _body_patterns()


def find_bodies(text: str) -> list[Entity]:
    """Issuing or responsible bodies named in the text (longest spelling wins)."""
    key = _key(text)
    found: list[Entity] = []
    for pattern, name in _BODIES:
        for m in pattern.finditer(key):
            if not any(e.start < m.end() and m.start() < e.end for e in found):
                found.append(Entity("issuing_body", name, m.start(), m.end()))
    return sorted(found, key=lambda e: e.start)


def extract(text: str) -> list[Entity]:
    """Every entity in the message; positions refer to ``nfc(text)``."""
    original, key = nfc(text), _key(text)
    entities = [Entity("province", name, a, b) for a, b, name in find_province_spans(text)]
    entities += [Entity("doc_number", original[m.start():m.end()].upper().replace(" ", ""), m.start(), m.end())
                 for m in _NUMBER.finditer(key)]
    entities += [Entity("year", m.group(0), m.start(), m.end()) for m in _YEAR.finditer(key)]
    entities += find_bodies(text)
    return sorted(entities, key=lambda e: (e.start, e.type))
