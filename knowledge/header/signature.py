"""Signature blocks and the distribution list ("Nơi nhận") at the end of a document.

A signature block is a run of role lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
"PHÓ CHỦ TỊCH", "T/M TỈNH ỦY", "BÍ THƯ"), sometimes "(Đã ký)", then the signer's name.
The reflow may have joined role lines set in capitals; they are read as one role chain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from knowledge.layout.markers import RECIPIENTS, SIGN_ROLE

# Titles that sign documents (set in capitals in the block).
_TITLE = re.compile(r"^(PHÓ\s+)?(CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|TRƯỞNG PHÒNG|CHỦ NHIỆM"
                    r"|THỦ TRƯỞNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|CHI CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|BỘ TRƯỞNG"
                    r"|THỨ TRƯỞNG|CHÁNH THANH TRA|TRƯỞNG ĐOÀN|TỔ TRƯỞNG|THƯ KÝ|ỦY VIÊN|CHÁNH ÁN|VIỆN TRƯỞNG"
                    r"|GIÁM ĐỐC SỞ|PHÓ GIÁM ĐỐC|PHÓ TRƯỞNG BAN|PHÓ CHÁNH VĂN PHÒNG)\b", re.IGNORECASE)
# Where joined role lines part: before a title or a TM./KT. marker, not inside "KT. CHỦ TỊCH".
_ROLE_BREAK = re.compile(r"(?<!KT\.)(?<!TM\.)(?<!TL\.)(?<!Q\.)(?<!PHÓ)(?<!T/M)(?<!K/T)(?<!T/L)(?<!TUQ\.)\s+"
                         r"(?=(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)\b"
                         r"|(?:TM|KT|TL|Q|TUQ)\.\s|(?:T/M|K/T|T/L)\s)")
_SIGNED = re.compile(r"^\(?\s*(đã ký|đã ký và đóng dấu|ký bởi|ký số)[^)]*\)?\.?$", re.IGNORECASE)
_RECIPIENT_LINE = re.compile(r"^([-–+•]|bản |gửi |lưu\b)", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


@dataclass
class SignatureBlock:
    role: Optional[str]    # "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"
    name: Optional[str]
    text: str              # the block's lines, verbatim


def is_person_name(line: str) -> bool:
    """2–5 capitalised words and nothing else: how a signer's name stands alone."""
    words = line.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words)


def is_role_line(text: str) -> bool:
    """"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BÍ THƯ" …"""
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return bool(SIGN_ROLE.match(text)) or (upper and bool(_TITLE.match(text)) and len(text) <= 80)


def is_recipients_start(text: str) -> bool:
    return bool(RECIPIENTS.match(text))


def is_recipient_line(text: str) -> bool:
    return bool(_RECIPIENT_LINE.match(text))


def role_chain(lines: list[str]) -> str:
    """The role lines as one chain, each part on its own: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    (two lines joined by the reflow) → "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"."""
    parts: list[str] = []
    for line in lines:
        for piece in _ROLE_BREAK.split(line.strip()):
            if piece.strip():
                parts.append(piece.strip())
    return ", ".join(parts)


def signed(text: str) -> bool:
    return bool(_SIGNED.match(text))
