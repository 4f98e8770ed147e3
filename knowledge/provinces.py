"""The 63 provinces and centrally-run cities, and finding them in free text.

Questions name a province in many ways ("Bắc Kạn", "bac kan", "tỉnh BK" is too vague and
is not guessed); matching is done on folded text with word boundaries.
"""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.normalize import fold, nfc, strip_diacritics

# Official name → extra spellings people use (folded matching covers case/diacritics).
PROVINCES: dict[str, tuple[str, ...]] = {
    "An Giang": (), "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "Vũng Tàu", "BR-VT"),
    "Bạc Liêu": (), "Bắc Giang": (), "Bắc Kạn": ("Bắc Cạn",), "Bắc Ninh": (),
    "Bến Tre": (), "Bình Dương": (), "Bình Định": (), "Bình Phước": (),
    "Bình Thuận": (), "Cà Mau": (), "Cao Bằng": (), "Cần Thơ": ("TP Cần Thơ",),
    "Đà Nẵng": ("TP Đà Nẵng",), "Đắk Lắk": ("Đắc Lắc", "Dak Lak", "Daklak"),
    "Đắk Nông": ("Đắc Nông", "Dak Nong"), "Điện Biên": (), "Đồng Nai": (),
    "Đồng Tháp": (), "Gia Lai": (), "Hà Giang": (), "Hà Nam": (), "Hà Nội": ("Ha Noi",),
    "Hà Tĩnh": (), "Hải Dương": (), "Hải Phòng": ("TP Hải Phòng",), "Hậu Giang": (),
    "Hòa Bình": (), "Hưng Yên": (), "Khánh Hòa": (), "Kiên Giang": (), "Kon Tum": (),
    "Lai Châu": (), "Lâm Đồng": (), "Lạng Sơn": (), "Lào Cai": (), "Long An": (),
    "Nam Định": (), "Nghệ An": (), "Ninh Bình": (), "Ninh Thuận": (), "Phú Thọ": (),
    "Phú Yên": (), "Quảng Bình": (), "Quảng Nam": (), "Quảng Ngãi": (),
    "Quảng Ninh": (), "Quảng Trị": (), "Sóc Trăng": (), "Sơn La": (), "Tây Ninh": (),
    "Thái Bình": (), "Thái Nguyên": (), "Thanh Hóa": (),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "Huế"), "Tiền Giang": (),
    "TP. Hồ Chí Minh": ("Thành phố Hồ Chí Minh", "TPHCM", "TP HCM", "Sài Gòn"),
    "Trà Vinh": (), "Tuyên Quang": (), "Vĩnh Long": (), "Vĩnh Phúc": (), "Yên Bái": (),
}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Longest spelling first, so "Bà Rịa - Vũng Tàu" wins over "Vũng Tàu"."""
    pairs = []
    for name, aliases in PROVINCES.items():
        for spelling in (name, *aliases):
            key = re.sub(r"[^a-z0-9]+", " ", fold(spelling)).strip()
            pairs.append((key.replace(" ", " +"), name))
    pairs.sort(key=lambda p: -len(p[0]))
    return [(re.compile(rf"(?<![a-z0-9]){k}(?![a-z0-9])"), n) for k, n in pairs]


def _key(text: str) -> str:
    """Folded, lower-case, every other character a space: same length as the NFC text."""
    return re.sub(r"[^a-z0-9]", " ", strip_diacritics(nfc(text)).lower())


def find_province_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, official name) of each mention, positions in ``nfc(text)``."""
    haystack = _key(text)
    found: list[tuple[int, int, str]] = []
    for pattern, name in _patterns():
        for match in pattern.finditer(haystack):
            found.append((match.start(), match.end(), name))
            haystack = haystack[: match.start()] + " " * len(match.group(0)) + haystack[match.end():]
    return sorted(found)


def find_provinces(text: str) -> list[str]:
    """Official names of the provinces the text mentions, in order of first mention."""
    seen: list[str] = []
    for _, _, name in find_province_spans(text):
        if name not in seen:
            seen.append(name)
    return seen


def canonical_province(name: str) -> str | None:
    """The official name for any spelling of one province, else None."""
    hits = find_provinces(name)
    return hits[0] if hits else None
