"""Responsibilities and deadlines from every usual layout of a task."""
from knowledge.corpus import parse_text
from knowledge.facts import extract_facts

HEADER = "ỦY BAN NHÂN DÂN\n\nTỈNH YÊN BÁI\n\nSố: 45/KH-UBND\n\nYên Bái, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\n\nCẢI CÁCH HÀNH CHÍNH NĂM 2025\n\n"


def facts_of(body: str):
    return extract_facts(parse_text(HEADER + body))


def roles(facts) -> set[tuple[str, str]]:
    return {(f.actor, f.role) for f in facts if f.type == "responsibility"}


def dues(facts) -> set[str]:
    return {f.due for f in facts if f.type == "deadline"}


def test_assignments_in_sentences():
    found = facts_of("I. TỔ CHỨC THỰC HIỆN\n\n1. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh tổng hợp "
                     "kết quả, báo cáo trước ngày 15/12 hằng năm.\n\n2. Công an tỉnh có trách nhiệm bảo đảm an ninh "
                     "mạng cho hệ thống.")
    assert {("Sở Nội vụ", "chủ trì"), ("Văn phòng UBND tỉnh", "phối hợp"), ("Công an tỉnh", "thực hiện")} <= roles(found)
    (due,) = [f for f in found if f.type == "deadline"]
    assert (due.due, due.recurring) == ("trước ngày 15/12 hằng năm", "hằng năm")


def test_an_article_on_a_bodys_duties():
    found = facts_of("Điều 5. Trách nhiệm của Sở Khoa học và Công nghệ\n\n1. Quản lý, vận hành Cổng dịch vụ công của tỉnh."
                     "\n\n2. Định kỳ 6 tháng báo cáo UBND tỉnh kết quả thực hiện.")
    assert ("Sở Khoa học và Công nghệ", "thực hiện") in roles(found)
    assert any(f.section == "Điều 5, khoản 1" for f in found if f.type == "responsibility")
    assert "Định kỳ 6 tháng" in dues(found)


def test_a_task_stated_field_by_field():
    found = facts_of("II. NHIỆM VỤ\n\n1. Về số hóa hồ sơ\n\na) Nhiệm vụ: Số hóa kết quả giải quyết thủ tục hành chính.\n\n"
                     "b) Cơ quan thực hiện:\n\n- Đơn vị chủ trì: Sở Nội vụ.\n\n- Đơn vị phối hợp: UBND các xã, phường.\n\n"
                     "c) Thời gian thực hiện: Quý II/2026.")
    assert {("Sở Nội vụ", "chủ trì"), ("UBND các xã, phường", "phối hợp")} <= roles(found)
    (due,) = [f for f in found if f.type == "deadline"]
    assert due.due == "Quý II/2026" and due.year == "2026" and "Số hóa kết quả" in due.item


def test_a_task_table():
    found = facts_of("PHỤ LỤC\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
                     "|---|---|---|---|---|\n| 1 | Rà soát quy trình nội bộ | Sở Nội vụ | Sở Tư pháp; Công an tỉnh | "
                     "Trước ngày 30/6/2025 |\n| 2 | Tập huấn cán bộ một cửa | Văn phòng UBND tỉnh | Sở Nội vụ | Hằng năm |")
    assert {("Sở Nội vụ", "chủ trì"), ("Sở Tư pháp", "phối hợp"), ("Công an tỉnh", "phối hợp"),
            ("Văn phòng UBND tỉnh", "chủ trì")} <= roles(found)
    by_due = {f.due: f for f in found if f.type == "deadline"}
    assert by_due["Trước ngày 30/6/2025"].date == "2025-06-30"
    assert by_due["Hằng năm"].recurring == "hằng năm" and by_due["Hằng năm"].item == "Tập huấn cán bộ một cửa"
    assert all(f.section.startswith("Phụ lục, dòng ") for f in found)


def test_a_procedures_duration_is_not_a_deadline():
    found = facts_of("PHỤ LỤC\n\n| STT | Tên thủ tục | Thời hạn giải quyết |\n|---|---|---|\n"
                     "| 1 | Cấp giấy phép | 15 ngày làm việc |")
    assert not [f for f in found if f.type == "deadline"]


def test_fact_ids_are_stable_and_distinct():
    body = "I. TỔ CHỨC THỰC HIỆN\n\n1. Giao Sở Nội vụ chủ trì tổng hợp kết quả trong năm 2025."
    first, again = facts_of(body), facts_of(body)
    assert [f.fact_id for f in first] == [f.fact_id for f in again]
    assert len({f.fact_id for f in first}) == len(first)
