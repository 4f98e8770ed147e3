"""Document types: an open list, each with the Vietnamese label every answer uses.

The type line of a document ("KẾ HOẠCH", "CHỈ THỊ", "QUY CHẾ" …) names its type; a
letter has none and is known by its "V/v" subject line. A type met for the first time
keeps its own words as its label ("BẢN CAM KẾT" → "Bản cam kết"), so nothing is forced
into a neighbouring type. ``kind`` is the type's stable id (folded, dashed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from knowledge.language.normalize import fold


@dataclass(frozen=True)
class DocType:
    kind: str                 # stable id: "ke-hoach"
    label: str                # "Kế hoạch": used in answers and sources
    short: str                # "KH": the abbreviation in document numbers and short lists
    secondary: bool = False   # repeats another document (news article, copy note)


_KNOWN = (
    DocType("nghi-quyet", "Nghị quyết", "NQ"),
    DocType("quyet-dinh", "Quyết định", "QĐ"),
    DocType("ke-hoach", "Kế hoạch", "KH"),
    DocType("chi-thi", "Chỉ thị", "CT"),
    DocType("chuong-trinh", "Chương trình", "CTr"),
    DocType("quy-che", "Quy chế", "QC"),
    DocType("quy-dinh", "Quy định", "QyĐ"),
    DocType("ket-luan", "Kết luận", "KL"),
    DocType("bao-cao", "Báo cáo", "BC"),
    DocType("huong-dan", "Hướng dẫn", "HD"),
    DocType("de-an", "Đề án", "ĐA"),
    DocType("cong-van", "Công văn", "CV"),
    DocType("thong-bao", "Thông báo", "TB"),
    DocType("to-trinh", "Tờ trình", "TTr"),
    DocType("chi-dan", "Chỉ dẫn", "CD"),
    DocType("quy-trinh", "Quy trình", "QT"),
    DocType("phuong-an", "Phương án", "PA"),
    DocType("cong-dien", "Công điện", "CĐ"),
    DocType("danh-muc", "Danh mục", "DM"),
    DocType("bai-viet", "Bài viết", "Tin", secondary=True),
    DocType("ban-sao", "Bản sao lục", "BS", secondary=True),
)
BY_KIND = {t.kind: t for t in _KNOWN}
# Earlier names of kinds, as metadata files written before the open list used them.
ALIASES = {"resolution": "nghi-quyet", "draft resolution": "nghi-quyet", "news article": "bai-viet",
           "cover letter": "cong-van", "copy note": "ban-sao", "decision": "quyet-dinh", "plan": "ke-hoach",
           "directive": "chi-thi"}
# Abbreviation in a document number → kind ("144/KH-UBND" → ke-hoach; "01-NQ/ĐUK" → nghi-quyet).
_BY_SHORT = {fold(t.short): t.kind for t in _KNOWN if not t.secondary}
_BY_SHORT.update({"qd": "quyet-dinh", "ctr": "chuong-trinh", "qdi": "quy-dinh", "qyd": "quy-dinh", "sl": "ban-sao",
                  "bs": "ban-sao"})


def kind_of(label: str) -> str:
    """The stable id of a type's label: "KẾ HOẠCH" → "ke-hoach"; any other words slugged."""
    return re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-")


def doc_type(kind: str, label: Optional[str] = None) -> DocType:
    """The type for a kind id (or an old alias); an unknown kind keeps its own label."""
    kind = ALIASES.get(kind, kind)
    if kind in BY_KIND:
        return BY_KIND[kind]
    words = label or kind.replace("-", " ")
    return DocType(kind=kind, label=words[:1].upper() + words[1:].lower(), short=words[:3].upper())


def type_from_line(line: str) -> Optional[DocType]:
    """The type a type line names ("KẾ HOẠCH", "QUYẾT ĐỊNH:", "DỰ THẢO NGHỊ QUYẾT"); None if none."""
    folded = fold(line).strip(" :.*")
    folded = re.sub(r"^(du thao\s+)", "", folded)
    for t in sorted(_KNOWN, key=lambda t: -len(t.label)):
        if folded == fold(t.label) or folded.startswith(fold(t.label) + " "):
            return t
    return None


def type_from_number(number: str) -> Optional[DocType]:
    """The type an abbreviation inside a document number names: "144/KH-UBND" → Kế hoạch."""
    for part in re.split(r"[/\-]", fold(number)):
        kind = _BY_SHORT.get(part.strip())
        if kind:
            return BY_KIND[kind]
    return None
