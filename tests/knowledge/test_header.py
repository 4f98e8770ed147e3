"""Header metadata in the usual layouts of party and state documents."""
import datetime as dt

import pytest

from knowledge.corpus import parse_text
from knowledge.header.header import issuer_levels, read_header


@pytest.mark.parametrize("lines, issuer, number, date, label", [
    (["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc",
      "Số: 15/CT-UBND Lai Châu, ngày 3 tháng 6 năm 2025", "CHỈ THỊ", "VỀ TĂNG CƯỜNG KỶ LUẬT, KỶ CƯƠNG HÀNH CHÍNH"],
     ["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"], "15/CT-UBND", dt.date(2025, 6, 3), "Chỉ thị"),
    (["TỈNH ỦY ĐIỆN BIÊN", "*", "Số 09-NQ/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Điện Biên, ngày 20 tháng 10 năm 2021",
      "NGHỊ QUYẾT", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "về chuyển đổi số giai đoạn 2021 - 2025"],
     ["TỈNH ỦY ĐIỆN BIÊN"], "09-NQ/TU", dt.date(2021, 10, 20), "Nghị quyết"),
    (["UBND TỈNH NAM ĐỊNH", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 321/SNV-CCHC",
      "Nam Định, ngày 05/4/2024", "V/v báo cáo kết quả cải cách hành chính quý I"],
     ["UBND TỈNH NAM ĐỊNH", "SỞ NỘI VỤ"], "321/SNV-CCHC", dt.date(2024, 4, 5), "Công văn"),
    (["HỘI ĐỒNG NHÂN DÂN", "TỈNH NINH BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: /NQ-HĐND",
      "Ninh Bình, ngày tháng năm 2025", "DỰ THẢO", "NGHỊ QUYẾT", "QUY ĐỊNH MỨC CHI HỖ TRỢ CÔNG CHỨC MỘT CỬA"],
     ["HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH"], None, None, "Dự thảo nghị quyết"),
])
def test_header_layouts(lines, issuer, number, date, label):
    header = read_header(lines)
    assert header.issuer_levels == issuer
    assert (header.number, header.date) == (number, date)
    doc = parse_text("\n\n".join([*lines, "Căn cứ Luật Tổ chức chính quyền địa phương;", "I. MỤC TIÊU"]))
    assert doc.meta.label == label


def test_two_levels_of_issuer_are_told_apart():
    assert issuer_levels("UBND THÀNH PHỐ HÀ NỘI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG") == [
        "UBND THÀNH PHỐ HÀ NỘI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"]
    assert issuer_levels("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP") == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"]


def test_issuer_and_title_take_the_case_of_the_documents_own_text():
    doc = parse_text("\n\n".join([
        "UBND THÀNH PHỐ HÀ NỘI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 16/QĐ-TTPVHCC", "Hà Nội, ngày 2 tháng 5 năm 2025",
        "QUYẾT ĐỊNH", "VỀ VIỆC CÔNG BỐ QUY TRÌNH TIẾP NHẬN HỒ SƠ TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        "Điều 1. Công bố quy trình tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công thành phố Hà Nội.",
        "GIÁM ĐỐC", "Trần Văn Minh"]))
    assert doc.meta.issuing_body == "UBND thành phố Hà Nội – Trung tâm Phục vụ hành chính công"
    assert doc.meta.title == ("Quyết định về việc công bố quy trình tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính "
                              "công")
    assert (doc.meta.signer, doc.meta.signer_role) == ("Trần Văn Minh", "GIÁM ĐỐC")
    assert doc.meta.province == "Hà Nội"


def test_a_field_the_text_does_not_give_stays_empty():
    doc = parse_text("NGHỊ QUYẾT\n\nVỀ CẢI CÁCH HÀNH CHÍNH\n\nI. MỤC TIÊU\n\n1. Mục tiêu: 90% hồ sơ trực tuyến.")
    assert (doc.meta.number, doc.meta.date, doc.meta.issuing_body, doc.meta.signer) == (None, None, None, None)
    card = next(p for p in doc.passages if p.role == "card")
    assert "Văn bản không ghi số" in card.text and "không ghi ngày ban hành" in card.text
