"""50 conversations at once, about different provinces and topics, with follow-ups: no
conversation ever answers from another's context (its province, its last question).

Every turn of every conversation is sent at the same moment as the same turn of the 49
others, so the server interleaves them as much as it can.
"""
import uuid
from concurrent.futures import ThreadPoolExecutor

from knowledge.language.normalize import fold

PROVINCES = ["Bắc Giang", "Bắc Kạn", "Lai Châu", "Quảng Ninh"]
# (message, which province the answer must come from: 0 = the conversation's, 1 = the next one)
TEMPLATES = [
    [("{p} đặt mục tiêu gì về cải cách thủ tục hành chính?", 0), ("Còn ứng dụng công nghệ thông tin thì sao?", 0),
     ("Còn đội ngũ cán bộ, công chức?", 0)],
    [("{p} đặt chỉ tiêu gì về dịch vụ công trực tuyến?", 0), ("Còn cải cách tài chính công?", 0)],
    [("Nghị quyết của {p} giao nhiệm vụ gì cho cấp ủy?", 0), ("Còn cải cách tổ chức bộ máy thì sao?", 0)],
    [("{p} đặt mục tiêu gì về cải cách thủ tục hành chính?", 0), ("Còn {q}?", 1),
     ("Còn ứng dụng công nghệ thông tin thì sao?", 1)],
    [("nghi quyet cua {p_plain} dat muc tieu gi ve cai cach hanh chinh", 0), ("con chinh quyen dien tu thi sao", 0)],
    [("Ai ký nghị quyết của {p}?", 0), ("Còn ngày ban hành?", 0)],
]
CONVERSATIONS = 50


def _conversation(i: int) -> list[tuple[str, str]]:
    """(message, expected province) for each turn of conversation i."""
    p, q = PROVINCES[i % 4], PROVINCES[(i + 1) % 4]
    return [(text.format(p=p, q=q, p_plain=fold(p)), (p, q)[which])
            for text, which in TEMPLATES[(i // 4) % len(TEMPLATES)]]


def test_parallel_conversations_never_share_context(ask):
    conversations = [(f"iso-{i}-{uuid.uuid4().hex[:8]}", _conversation(i)) for i in range(CONVERSATIONS)]
    leaks, follow_ups, cited = [], 0, 0
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        for turn in range(max(len(turns) for _, turns in conversations)):
            due = [(sender, turns[turn]) for sender, turns in conversations if turn < len(turns)]
            replies = list(pool.map(lambda item: ask(item[1][0], sender=item[0]), due))
            for (sender, (message, expected)), reply in zip(due, replies):
                provinces = {s["province"] for s in reply["sources"]}
                if provinces - {expected}:
                    leaks.append(f"{sender} turn {turn + 1} {message!r}: expected {expected}, "
                                 f"got {sorted(provinces)}: {reply['text'][:120]!r}")
                if turn:
                    follow_ups += 1
                    cited += bool(provinces)
    assert not leaks, "answers from another conversation's context:\n" + "\n".join(leaks)
    # Declines cite nothing and so prove nothing: most follow-ups must cite their province.
    assert cited >= 0.9 * follow_ups, f"only {cited} of {follow_ups} follow-ups cited a source"
