"""Labels of a task's fields, as column headers or "Label: value" lines use them.

"Nhiệm vụ", "Nội dung công việc" (the task); "Cơ quan chủ trì", "Đơn vị thực hiện" (who
leads); "Cơ quan phối hợp" (partners); "Thời gian hoàn thành", "Tiến độ" (when);
"Sản phẩm" (the output). "Thời hạn giải quyết" is a procedure's duration, not a deadline.
"""
from __future__ import annotations

import re
from typing import Optional

from knowledge.language.normalize import fold

_FIELDS = (
    ("time", r"thoi gian( thuc hien| hoan thanh)?|thoi han( hoan thanh| thuc hien)?|tien do( thuc hien| hoan thanh)?"
             r"|thoi diem( hoan thanh)?|moc thoi gian|nam thuc hien|lo trinh( thuc hien)?|thoi gian trien khai"),
    ("partners", r"(co quan|don vi|co quan, don vi|bo phan)\s+phoi hop|phoi hop( thuc hien)?"),
    ("lead", r"(co quan|don vi|co quan, don vi|bo phan)\s+(chu tri|thuc hien|dau moi|chiu trach nhiem|duoc giao)"
             r"|chu tri( thuc hien)?|trach nhiem( thuc hien)?|nguoi thuc hien|don vi|co quan|co quan thuc hien"),
    ("task", r"nhiem vu|noi dung( cong viec| nhiem vu| thuc hien)?|ten nhiem vu|cong viec|hoat dong|giai phap"
             r"|nhiem vu, giai phap|ten chi tieu|chi tieu|trinh tu thuc hien|muc tieu|ten (de an|du an|chuong trinh)"),
    ("product", r"san pham|ket qua( dau ra)?|san pham dau ra"),
)
_KINDS = [(kind, re.compile(rf"^({pattern})$")) for kind, pattern in _FIELDS]
_LABELLED = re.compile(r"^(?:\(?[\da-zđ]{1,2}[.)]\s*|[-–+•]\s*)?(?P<label>[^:;]{3,45}):\s*(?P<value>.*)$", re.S)
_NOT_DEADLINE = re.compile(r"giai quyet", re.IGNORECASE)  # "Thời hạn giải quyết": a procedure's duration


def field_kind(label: str) -> Optional[str]:
    """task, lead, partners, time or product for a field label or column header; else None."""
    key = re.sub(r"\(.*?\)", " ", fold(label))
    key = re.sub(r"[^a-z, ]+", " ", key)
    key = re.sub(r"\s+", " ", key).strip(" ,")
    if _NOT_DEADLINE.search(key):
        return None
    return next((kind for kind, pattern in _KINDS if pattern.match(key)), None)


def labelled_field(text: str) -> Optional[tuple[str, str]]:
    """(kind, value) of a "Label: value" line whose label is a field's; else None."""
    m = _LABELLED.match(text.split("\n", 1)[0])
    if not m:
        return None
    kind = field_kind(m.group("label"))
    return (kind, m.group("value").strip()) if kind else None
