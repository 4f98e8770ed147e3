"""Who does a task: the body or office named at the start of a clause, before its verb.

Bodies are named by a head word (Sở, Ban, Ủy ban, Công an, Trung tâm, Chủ tịch, Giám đốc,
các cơ quan …) followed by their own name ("Sở Khoa học và Công nghệ", "UBND các xã,
phường"); the name ends where the verb of the task starts ("chủ trì", "có trách nhiệm",
"tham mưu", "tổ chức triển khai" …). Party bodies with fixed names (Ủy ban Kiểm tra
Tỉnh ủy, Ban cán sự đảng UBND tỉnh) are given their canonical name.
"""
from __future__ import annotations

import re
from typing import Optional

from knowledge.language.entities import find_bodies

_HEAD = re.compile(
    r"^(?:các\s+|mỗi\s+|từng\s+)?(sở|ban|văn phòng|ủy ban|uỷ ban|ubnd|hđnd|hội đồng|công an|trung tâm|cục|chi cục"
    r"|bộ(?!\s+(?:máy|hồ sơ|tiêu chí|chỉ số|công cụ|dữ liệu|thủ tục|mặt))|thanh tra|kho bạc|ngân hàng|bảo hiểm xã hội"
    r"|đài|báo(?!\s+cáo)|tỉnh đoàn|đoàn(?!\s+kết)|hội(?!\s+(?:nghị|thảo|nhập|viên))|liên đoàn|liên minh|mặt trận"
    r"|ubmttq|mttq|đảng ủy|đảng uỷ|đảng đoàn|đảng bộ|tỉnh ủy|tỉnh uỷ|huyện ủy|huyện uỷ|thành ủy|thành uỷ"
    r"|chủ tịch|phó chủ tịch|giám đốc|thủ trưởng|chánh văn phòng|chánh thanh tra|người đứng đầu|cơ quan|đơn vị"
    r"|cấp ủy|cấp uỷ|ban thường vụ|ban cán sự|viện|trường(?!\s+hợp)|bệnh viện|bộ chỉ huy|thuế|hải quan|quỹ"
    r"|tổ công tác|ban chỉ đạo|phòng(?!\s+(?:chống|ngừa))|chi nhánh|doanh nghiệp|thường trực|đồng chí|ủy viên|uỷ viên"
    r"|thủ tướng|chính phủ|tập đoàn|tổng công ty|công ty|bưu điện|cảng vụ|cán bộ|công chức|viên chức|bộ phận"
    r"|văn thư|chuyên viên|kế toán|ủy ban nhân dân|uỷ ban nhân dân)\b",
    re.IGNORECASE)
# Verbs that start the task after the actor's name.
TASK_VERBS = re.compile(
    r"\s(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|tham mưu|hướng dẫn|theo dõi|kiểm tra|tổ chức"
    r"|triển khai|xây dựng|ban hành|rà soát|cập nhật|chỉ đạo|đôn đốc|giám sát|tuyên truyền|quán triệt|nghiên cứu"
    r"|đề xuất|bố trí|bảo đảm|đảm bảo|quản lý|cung cấp|tiếp nhận|là đầu mối|là cơ quan|được giao|căn cứ|chủ động"
    r"|tập trung|khẩn trương|thường xuyên|định kỳ|báo cáo|trình|phê duyệt|lập|thẩm định|giải quyết|công bố"
    r"|vận hành|sử dụng|khai thác|thúc đẩy|đẩy mạnh|nâng cao|tăng cường|hỗ trợ|bổ sung|sửa đổi|thống nhất|ưu tiên"
    r"|làm đầu mối|chịu sự|phải|cần|có nhiệm vụ|quyết định|xem xét|phân công|duy trì|thu thập|số hóa|kết nối"
    r"|chuẩn hóa|tích hợp|đánh giá|tổng hợp|gửi|kịp thời|nghiêm túc|tiếp tục|trực tiếp)\b",
    re.IGNORECASE)
# Organisation nouns whose name may start with a verb ("Ban chỉ đạo", "Tổ kiểm tra").
_NAME_NOUN = re.compile(r"(?:^|\s)(ban|tổ|hội đồng|trung tâm|bộ phận|văn phòng|phòng|cục|chi cục|viện|ủy ban|uỷ ban"
                        r"|đoàn|nhóm)$", re.IGNORECASE)
_NOUN_ORGANISATION = re.compile(r"^(\s+(có liên quan|liên quan|chính trị|xã hội|đoàn thể|hội|kinh tế|tín dụng)|,\s*cá nhân)",
                                re.IGNORECASE)
_LEAD_IN = re.compile(r"^(\(?[\da-zđ]{1,3}[.)]\s*|[-–+•]\s*|giao\s+|đề nghị\s+|yêu cầu\s+|đối với\s+)+", re.IGNORECASE)
_TRAILING = re.compile(r"(\s*[,;:(–-]\s*|\s+(và|với|cùng)\s*)+$", re.IGNORECASE)
MAX_WORDS = 25


def actor_at_start(clause: str) -> Optional[tuple[str, int]]:
    """(actor name, index where the task's verb starts) when the clause opens with a body."""
    text = _LEAD_IN.sub("", clause.strip())
    offset = len(clause.strip()) - len(text) + (len(clause) - len(clause.lstrip()))
    head = _HEAD.match(text)
    if not head:
        return None
    verb = _task_verb(text, head.end())
    if verb is None:
        return None
    phrase = _TRAILING.sub("", text[:verb]).strip()
    if not phrase or len(phrase.split()) > MAX_WORDS or ":" in phrase or phrase.endswith(")") and "(" not in phrase:
        return None
    return canonical_actor(phrase), offset + verb + 1


def _task_verb(text: str, after_head: int) -> Optional[int]:
    """Where the task's verb starts: the first verb that is not part of the body's name
    (a capitalised "Quản lý" in "Ban Quản lý …", or a word right after the head: "Ban chỉ đạo")."""
    for m in TASK_VERBS.finditer(text):
        word = text[m.start() + 1:m.end()]
        if word[:1].isupper() or _NAME_NOUN.search(text[:m.start()]):
            continue  # "Ban Quản lý …", "Ban chỉ đạo …", "Trung tâm Giám sát …": part of a name
        if word.lower() == "tổ chức" and (_NOUN_ORGANISATION.match(text[m.end():])
                                          or text[:m.start()].rstrip().endswith((",", "các", "và"))):
            continue  # "các cơ quan, tổ chức có liên quan": organisations, not "organise"
        return m.start()
    return None


def canonical_actor(phrase: str) -> str:
    """A known party body's canonical name when the phrase is it; else the phrase as written."""
    phrase = _LEAD_IN.sub("", phrase.strip()).strip(" ,.;:")
    bodies = find_bodies(phrase)
    if bodies and bodies[0].start == 0 and bodies[0].end >= len(phrase) - 6:
        return bodies[0].value
    return phrase[:1].upper() + phrase[1:]


# A named body anywhere in a sentence ("Gửi kết quả về Sở Nội vụ"): a head word in capitals
# followed by a capitalised name, or a fixed Party or State body.
_NAMED_BODY = re.compile(r"\b(Sở|Ban|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Trung tâm|Công an|Cục|Chi cục|Thanh tra"
                         r"|Bộ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Mặt trận|Đảng ủy|Đảng uỷ|Kho bạc"
                         r"|Bảo hiểm xã hội|Đài|Báo|Tỉnh đoàn|Liên đoàn|Hội)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]")


def mentions_body(text: str) -> bool:
    """Whether a sentence names a body anywhere in it, not only as the actor at its start."""
    return bool(_NAMED_BODY.search(text) or find_bodies(text))


def names_a_body(text: str) -> bool:
    """Whether a name starts with a body's head word ("Sở …", "Các cơ quan …", "Chủ tịch …")."""
    return bool(_HEAD.match(_LEAD_IN.sub("", text.strip())))


def is_actor_phrase(text: str) -> bool:
    """A heading or cell that only names a body ("a) Sở Xây dựng", "Công an tỉnh")."""
    text = _LEAD_IN.sub("", text.strip()).strip(" :.;")
    head = _HEAD.match(text)
    return bool(head) and 1 <= len(text.split()) <= 15 and _task_verb(" " + text, head.end() + 1) is None


def split_actors(text: str) -> list[str]:
    """The bodies of a cell or field value: "Sở Tài chính; Sở Nội vụ, Công an tỉnh" → three."""
    text = re.sub(r"\s+", " ", text).strip(" .;")
    if not text:
        return []
    parts = [p.strip(" .,") for p in re.split(r";|\n|,\s*(?=(?:các\s+)?(?:Sở|Ban|Văn phòng|Ủy ban|UBND|Công an|Trung tâm"
                                             r"|Cục|Bộ|Thanh tra|Kho bạc|Ngân hàng|Bảo hiểm|Đài|Báo|Tỉnh đoàn|Hội"
                                             r"|Liên đoàn|Mặt trận|Ủy ban|Chủ tịch|Giám đốc)\b)", text) if p.strip(" .,")]
    out = []
    for part in parts:
        bare = _LEAD_IN.sub("", part)
        head = _HEAD.match(bare)
        if not head:
            continue
        verb = _task_verb(" " + bare, head.end() + 1)
        name = bare[:verb].strip(" ,") if verb else bare
        if name:
            out.append(canonical_actor(name))
    return list(dict.fromkeys(out))
