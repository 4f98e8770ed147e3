"""Realistic multi-turn conversations for the chat benchmark (not the evaluation set).

Each conversation is what one portal user asks in a row: a first question, then
follow-ups that lean on it ("Còn Quảng Ninh?", "Còn cáp quang thì sao?"), some typed
without diacritics, a greeting or an out-of-scope question now and then.
"""
from __future__ import annotations

CONVERSATIONS: list[list[str]] = [
    ["Bắc Kạn phấn đấu bao nhiêu phần trăm hộ gia đình được phủ cáp quang?",
     "Còn Quảng Ninh?",
     "Ai ký nghị quyết đó?"],
    ["Tỷ lệ hồ sơ công việc cấp xã xử lý trên môi trường mạng ở Bắc Kạn là bao nhiêu?",
     "Còn cáp quang thì sao?",
     "Còn điện thoại thông minh?"],
    ["quang ninh muon thu hut bao nhieu von FDI den 2025",
     "con dinh huong den 2030 thi sao"],
    ["Lai Châu đặt chỉ tiêu bao nhiêu phần trăm văn bản được trao đổi trên môi trường mạng?",
     "Còn Bắc Kạn thì sao?"],
    ["xin chào",
     "Nghị quyết của Bắc Giang giao Sở Nội vụ làm gì?",
     "Hạn góp ý dự thảo là ngày nào?"],
    ["Mức độ hài lòng của người dân với thủ tục hành chính ở Quảng Ninh phải đạt bao nhiêu?",
     "Còn Bắc Giang?",
     "cam on"],
    ["bac giang dat muc tieu gi ve trung tam hanh chinh cong",
     "Còn bộ phận một cửa cấp huyện?"],
    ["Ban Tuyên giáo Tỉnh ủy Quảng Ninh có nhiệm vụ gì?",
     "Còn Văn phòng Tỉnh ủy?"],
    ["Nghị quyết của Đảng ủy Khối Lai Châu ban hành ngày nào?",
     "Do ai ký?",
     "Còn Quảng Ninh?"],
    ["Tỷ lệ dịch vụ công trực tuyến mức độ 4 của Quảng Ninh đến năm 2025?",
     "Còn năm 2030 thì sao?",
     "Giá vàng hôm nay bao nhiêu?"],
    ["ty le can bo cap xa co trinh do dai hoc o bac kan",
     "Còn cán bộ cấp huyện?"],
    ["Các tổ chức cơ sở đảng ở Lai Châu phải làm gì về cải cách hành chính?",
     "Còn cấp ủy trong Khối?"],
]


def turn_count() -> int:
    return sum(len(c) for c in CONVERSATIONS)
