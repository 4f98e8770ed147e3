"""Vietnamese text normalisation, the one place every layer uses.

Users type without diacritics, in NFD, with the old tone placement (uỷ, hoà) and with
abbreviations (CCHC, TTHC, PCI …). The documents themselves mix tone styles. Every
comparison in the project goes through these functions so that all forms meet.
"""
from __future__ import annotations

import re
import unicodedata

# Combining tone marks (the five Vietnamese tones). Other combining marks (circumflex,
# breve, horn) belong to the vowel letter and are not moved.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_MARKS = "\u0300-\u036f"
# Old style puts the tone on the second vowel of an open "oa", "oe", "uy" syllable
# (hoà, khoẻ, uỷ); the style used here puts it on the first (hòa, khỏe, ủy). "quý" keeps its
# tone: there "u" belongs to the consonant "qu".
_OLD_OA_OE = re.compile(rf"([oO])([aAeE])([{_TONES}])(?![^\W_]|[{_MARKS}])")
_OLD_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{_TONES}])(?![^\W_]|[{_MARKS}])")
_SPACES = re.compile(r"\s+")

# Abbreviations users and documents use, with their long form. Used symmetrically for
# search: whichever form a text uses, both forms become searchable.
ABBREVIATIONS: dict[str, str] = {
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "PAR Index": "chỉ số cải cách hành chính",
    "SIPAS": "chỉ số hài lòng về sự phục vụ hành chính",
    "PAPI": "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
    "DDCI": "chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương",
    "ICT Index": "chỉ số sẵn sàng ứng dụng công nghệ thông tin",
    "HĐND": "hội đồng nhân dân",
    "UBND": "ủy ban nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "BCH": "ban chấp hành",
    "BTV": "ban thường vụ",
    "UBKT": "ủy ban kiểm tra",
    "CNTT": "công nghệ thông tin",
    "DVC": "dịch vụ công",
    "DVCTT": "dịch vụ công trực tuyến",
    "FDI": "đầu tư trực tiếp nước ngoài",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "TCCSĐ": "tổ chức cơ sở đảng",
    "VPTU": "văn phòng tỉnh ủy",
    "CT-XH": "chính trị - xã hội",
    "LGSP": "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh",
    "KT-XH": "kinh tế - xã hội",
}

# Phrases the documents and users use for the same thing; searchable both ways like
# the abbreviations.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("mục tiêu chung", "mục tiêu tổng quát"),
    ("định hướng", "tầm nhìn"),
    ("bảo đảm", "đảm bảo"),
    ("góp ý", "tham gia ý kiến"),
    ("hạn chót", "thời hạn"),
)

_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*%?|[a-z0-9]+")


def nfc(text: str) -> str:
    """Compose to NFC and normalise the tone placement (uỷ → ủy, hoà → hòa)."""
    decomposed = unicodedata.normalize("NFD", text or "")
    decomposed = _OLD_OA_OE.sub(r"\1\3\2", decomposed)
    decomposed = _OLD_UY.sub(r"\1\3\2", decomposed)
    return unicodedata.normalize("NFC", decomposed)


def strip_diacritics(text: str) -> str:
    """Remove every diacritic (đ → d) but keep case and spacing."""
    decomposed = unicodedata.normalize("NFD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """The lexical key: no diacritics, lower case, single spaces."""
    return _SPACES.sub(" ", strip_diacritics(text).lower()).strip()


def canonical(text: str) -> str:
    """Display-safe normal form: NFC, new tone placement, single spaces."""
    return _SPACES.sub(" ", nfc(text)).strip()


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (or đ)."""
    return strip_diacritics(text) != unicodedata.normalize("NFC", text or "")


def tokens(text: str) -> list[str]:
    """Folded word tokens; numbers keep their separators and a trailing %, without leading
    zeros ("05 ngày" and "5 ngày" meet)."""
    return [_LEADING_ZEROS.sub("", t) or t for t in _TOKEN.findall(fold(text))]


def _abbreviation_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str], str, str]]:
    """(short pattern, long pattern, short key, long key) over folded text."""
    out = []
    for short, long in [*ABBREVIATIONS.items(), *SYNONYMS]:
        fs, fl = fold(short), fold(long)
        out.append((
            re.compile(rf"(?<![a-z0-9]){re.escape(fs)}(?![a-z0-9])"),
            re.compile(rf"(?<![a-z0-9]){re.escape(fl)}(?![a-z0-9])"),
            fs,
            fl,
        ))
    return out


_ABBR = _abbreviation_patterns()


def expand_abbreviations(text: str) -> str:
    """Add the long form after each abbreviation, for the semantic channel.

    "Chỉ số PCI" → "Chỉ số PCI (chỉ số năng lực cạnh tranh cấp tỉnh)". The original
    stays, so nothing the user wrote is lost.
    """
    out = nfc(text)
    for short, long in ABBREVIATIONS.items():
        pattern = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])", re.IGNORECASE)
        out = pattern.sub(lambda m, long=long: f"{m.group(0)} ({long})", out)
    return out


def other_forms(text: str) -> list[str]:
    """The other form (folded) of every abbreviation, long form or synonym the text holds."""
    folded = fold(text)
    extra: list[str] = []
    for short_re, long_re, short, long in _ABBR:
        if short_re.search(folded):
            extra.append(long)
        if long_re.search(folded):
            extra.append(short)
    return extra


def search_keys(text: str) -> str:
    """Folded text plus the other form of every abbreviation, long form or synonym it holds.

    Applied to documents and queries alike, so "TTHC" finds "thủ tục hành chính" and back.
    """
    return " ".join([fold(text), *other_forms(text)])
