"""The 63 provinces and centrally-run cities, their 34 successors, and finding them in text.

Since 1 July 2025 (Resolution 202/2025/QH15) 34 provincial units replace the 63: Bắc Kạn
is now part of Thái Nguyên, Hà Giang of Tuyên Quang, and so on. A document keeps the
province that issued it; questions may name either the old or the new unit, so every
province knows the unit it belongs to now, and every new unit the old ones it absorbed.

Questions name a province in many ways ("Bắc Kạn", "bac kan"; "tỉnh BK" is too vague and
is not guessed); matching is done on folded text with word boundaries.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from knowledge.language.normalize import fold, nfc, strip_diacritics

# The day the 34 new provincial units started (Resolution 202/2025/QH15).
MERGER_DATE = dt.date(2025, 7, 1)

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
    # Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025.
    "Huế": ("Thừa Thiên Huế", "Thừa Thiên - Huế", "TP Huế"), "Tiền Giang": (),
    "TP. Hồ Chí Minh": ("Thành phố Hồ Chí Minh", "TPHCM", "TP HCM", "Sài Gòn", "Hồ Chí Minh"),
    "Trà Vinh": (), "Tuyên Quang": (), "Vĩnh Long": (), "Vĩnh Phúc": (), "Yên Bái": (),
}

# Old unit → the unit it belongs to since 1 July 2025 (the 11 unchanged map to themselves).
MERGED_INTO: dict[str, str] = {
    "Hà Nội": "Hà Nội", "Huế": "Huế", "Lai Châu": "Lai Châu", "Điện Biên": "Điện Biên",
    "Sơn La": "Sơn La", "Lạng Sơn": "Lạng Sơn", "Quảng Ninh": "Quảng Ninh", "Thanh Hóa": "Thanh Hóa",
    "Nghệ An": "Nghệ An", "Hà Tĩnh": "Hà Tĩnh", "Cao Bằng": "Cao Bằng",
    "Hà Giang": "Tuyên Quang", "Tuyên Quang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Lào Cai": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên", "Thái Nguyên": "Thái Nguyên", "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ",
    "Phú Thọ": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Bắc Ninh": "Bắc Ninh", "Thái Bình": "Hưng Yên",
    "Hưng Yên": "Hưng Yên", "Hải Dương": "Hải Phòng", "Hải Phòng": "Hải Phòng", "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình", "Ninh Bình": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Trị": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng", "Đà Nẵng": "Đà Nẵng", "Kon Tum": "Quảng Ngãi", "Quảng Ngãi": "Quảng Ngãi",
    "Gia Lai": "Gia Lai", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa", "Khánh Hòa": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Lâm Đồng": "Lâm Đồng", "Phú Yên": "Đắk Lắk",
    "Đắk Lắk": "Đắk Lắk", "Bà Rịa - Vũng Tàu": "TP. Hồ Chí Minh", "Bình Dương": "TP. Hồ Chí Minh",
    "TP. Hồ Chí Minh": "TP. Hồ Chí Minh", "Bình Phước": "Đồng Nai", "Đồng Nai": "Đồng Nai",
    "Long An": "Tây Ninh", "Tây Ninh": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
    "Cần Thơ": "Cần Thơ", "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Vĩnh Long": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp", "Đồng Tháp": "Đồng Tháp", "Bạc Liêu": "Cà Mau", "Cà Mau": "Cà Mau",
    "Kiên Giang": "An Giang", "An Giang": "An Giang",
}
# The six centrally-run cities among the 34; the rest are provinces (tỉnh).
CITIES = frozenset({"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"})
# Words before a bare "Hồ Chí Minh" that make it the person, not the city.
_PERSON_CONTEXT = re.compile(r"(tu tuong|chu tich|bac|dao duc|phong cach|tam guong|lang|lam theo|chu nghia mac"
                             r"|lenin va|doan thanh nien cong san|doan tncs|doan)\s+$")


def now_unit(province: str) -> str:
    """The unit an old province belongs to since 1 July 2025 (itself when unchanged)."""
    return MERGED_INTO.get(province, province)


def absorbed(unit: str) -> list[str]:
    """The old provinces that make up a new unit, itself first."""
    return [unit, *sorted(p for p, n in MERGED_INTO.items() if n == unit and p != unit)]


def unit_label(unit: str) -> str:
    """"tỉnh Thái Nguyên", "thành phố Hà Nội": how an answer names a unit."""
    if unit.startswith("TP. "):
        return f"thành phố {unit[4:]}"
    return f"thành phố {unit}" if unit in CITIES else f"tỉnh {unit}"


def province_now_label(province: str) -> str:
    """"Bắc Kạn, nay thuộc tỉnh Thái Nguyên" for a merged province, else the name itself."""
    unit = now_unit(province)
    return province if unit == province else f"{province}, nay thuộc {unit_label(unit)}"


def areas(province: Optional[str], issued: Optional[dt.date]) -> list[str]:
    """Every province name a question may use to mean the area a document covers.

    A document keeps its issuing province and also answers for the unit that province
    belongs to now; a document of a new unit issued after the merger also answers for
    each old province the unit absorbed.
    """
    if not province:
        return []
    unit = now_unit(province)
    names = [province, unit]
    if unit == province and issued is not None and issued >= MERGER_DATE:
        names += absorbed(unit)
    return list(dict.fromkeys(names))


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
            if name == "TP. Hồ Chí Minh" and _PERSON_CONTEXT.search(haystack[:match.start()]):
                continue
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
