"""Whether a question leans on the one before it ("Còn Quảng Ninh?", "Việc đó phải xong khi nào?")."""
from __future__ import annotations

import re

from knowledge.language.normalize import fold

_FOLLOW_UP = re.compile(r"^(con|vay|the con|vay con|the|the thi|con ve)\b|thi sao\W*$|\b(ho|nguoi do|don vi do)\b")
# Words that point back at what the last answer was about ("việc đó", "chỉ tiêu này").
_POINTS_BACK = re.compile(r"\b(viec|chi tieu|muc tieu|nhiem vu|van ban|ke hoach|quyet dinh|nghi quyet|chi thi|thu tuc"
                          r"|quy dinh|noi dung|dieu|co quan|don vi|ty le|muc|con so|so lieu|mo hinh|chinh quyen dien tu"
                          r"|chuong trinh|de an)( [a-z]+){0,3} (do|nay|ay)\b|^(ho|nguoi do)\b|\bho (phai|co|duoc|se|lam)\b")


def is_follow_up(question: str) -> bool:
    """"Còn Quảng Ninh?", "Còn định hướng đến 2030 thì sao?": it leans on the last question."""
    folded = fold(question)
    return bool(_FOLLOW_UP.search(folded) or _POINTS_BACK.search(folded)) or len(folded.split()) <= 3


def points_back(question: str) -> bool:
    """"Việc đó phải xong khi nào?", "Định kỳ họ phải làm gì?": about what the last answer cited."""
    return bool(_POINTS_BACK.search(fold(question)))


# Words that ask, point or connect: what remains are the words that name a topic.
_FUNCTION = frozenset(
    "con the thi sao vay va voi cua cho ve o tai trong den toi nam nao gi ai bao nhieu may khi luc nhu the nao "
    "la co khong duoc phai lam nhung cac mot do nay ay kia tren ho nguoi viec muc so ty le chi tieu muc tieu "
    "nhiem vu dat ra thuc hien chu tri phoi hop giao han thoi gian hoan thanh dinh ky hang hay hoac a nhe nhi "
    "oi ban minh toi xin hoi cho biet moc tinh thanh pho".split())


def topic_words(text: str) -> set[str]:
    """The words of a question that name its topic (not asking, pointing or role words)."""
    return {w for w in fold(text).split() if w.isalpha() and len(w) > 1 and w not in _FUNCTION}


def elliptical(question: str) -> bool:
    """"Phối hợp với những ai?", "Định kỳ họ phải làm gì?": no topic of its own."""
    return not topic_words(question)


def own_topic_enough(question: str, previous_topic: str) -> bool:
    """"Còn mô hình đô thị thông minh ở các thành phố, thị xã thì hạn khi nào?": a topic of its
    own, so the last question's words would only pull search back to the last answer."""
    return len(topic_words(question) - topic_words(previous_topic)) >= 4
