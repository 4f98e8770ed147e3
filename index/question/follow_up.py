"""Whether a question leans on the one before it ("Còn Quảng Ninh?", "Việc đó phải xong khi nào?")."""
from __future__ import annotations

import re

from knowledge.language.normalize import fold

_FOLLOW_UP = re.compile(r"^(con|vay|the con|vay con|the|the thi|con ve)\b|thi sao\W*$|\b(ho|nguoi do|don vi do)\b")
# Words that point back at what the last answer was about ("việc đó", "chỉ tiêu này").
_POINTS_BACK = re.compile(r"\b(viec|chi tieu|muc tieu|nhiem vu|van ban|ke hoach|quyet dinh|nghi quyet|chi thi|thu tuc"
                          r"|quy dinh|noi dung|dieu|co quan|don vi|ty le|muc|con so|so lieu|mo hinh|chinh quyen dien tu"
                          r"|chuong trinh|de an)( [a-z]+){0,3} (do|nay|ay|tren)\b|^(ho|nguoi do)\b|\bho (phai|co|duoc|se|lam)\b")


def is_follow_up(question: str) -> bool:
    """"Còn Quảng Ninh?", "Còn định hướng đến 2030 thì sao?": it leans on the last question."""
    folded = fold(question)
    return bool(_FOLLOW_UP.search(folded) or _POINTS_BACK.search(folded)) or len(folded.split()) <= 3


def points_back(question: str) -> bool:
    """"Việc đó phải xong khi nào?", "Định kỳ họ phải làm gì?": about what the last answer cited."""
    return bool(_POINTS_BACK.search(fold(question)))
