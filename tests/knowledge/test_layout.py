"""Layout: wrapped lines into paragraphs, tables drawn with pipes, furniture removed."""
from knowledge.layout import Table, assemble
from knowledge.layout.tables import split_drawn_tables
from knowledge.readers.base import Block, RawDocument


def units(text: str, fmt: str = "md"):
    return assemble(RawDocument(blocks=[Block(lines=tuple(text.split("\n")))], source_format=fmt))


def texts(text: str) -> list[str]:
    return [u.text for u in units(text) if not isinstance(u, Table)]


def test_wrapped_lines_become_whole_paragraphs():
    text = ("**Điều 4. Bổ sung, điều\nchỉnh**\nTrong quá trình thực\nhiện, nếu có vướng mắc UBND các xã, phường kịp thời"
            "\nphản ánh về Sở Nội vụ.\n1. Chủ tịch UBND cấp xã\ntổ chức triển khai Quyết định này.\n"
            "2. Giám đốc Sở Nội vụ tham mưu UBND tỉnh hướng dẫn, kiểm tra việc thực hiện theo quy định tại khoản\n"
            "3 Điều 6 Nghị định số 31/2021/NĐ-CP.")
    assert texts(text) == [
        "Điều 4. Bổ sung, điều chỉnh",
        "Trong quá trình thực hiện, nếu có vướng mắc UBND các xã, phường kịp thời phản ánh về Sở Nội vụ.",
        "1. Chủ tịch UBND cấp xã tổ chức triển khai Quyết định này.",
        "2. Giám đốc Sở Nội vụ tham mưu UBND tỉnh hướng dẫn, kiểm tra việc thực hiện theo quy định tại khoản "
        "3 Điều 6 Nghị định số 31/2021/NĐ-CP."]


def test_a_heading_without_marks_ends_where_running_text_starts():
    text = "Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định về phân cấp tuyển dụng viên chức."
    assert texts(text) == ["Điều 1. Phạm vi điều chỉnh", "Quyết định này quy định về phân cấp tuyển dụng viên chức."]


def test_a_dash_inside_a_wrapped_sentence_is_not_a_bullet():
    text = "Phát triển kinh tế\n- xã hội của tỉnh nhanh và bền vững.\n- Nâng cao năng lực cạnh tranh."
    assert texts(text) == ["Phát triển kinh tế - xã hội của tỉnh nhanh và bền vững.", "- Nâng cao năng lực cạnh tranh."]


def test_markdown_tables_and_cell_per_line_tables():
    markdown = split_drawn_tables(["| Nhiệm vụ | Cơ quan chủ trì |", "|---|---|", "| Rà soát TTHC | Sở Nội vụ |"])
    assert markdown[0].rows == (("Nhiệm vụ", "Cơ quan chủ trì"), ("Rà soát TTHC", "Sở Nội vụ"))
    lines = ["|", "**TT**", "|", "**Nhiệm vụ**", "|", "**Chủ trì**", "|", "|",
             "1", "|", "Rà soát quy trình", "nội bộ", "|", "Sở Nội vụ", "|", "|",
             "2", "|", "Số hóa hồ sơ", "|", "Văn phòng UBND tỉnh", "|",
             "Đoạn văn sau bảng."]
    blocks = split_drawn_tables(lines)
    assert blocks[0].rows == (("**TT**", "**Nhiệm vụ**", "**Chủ trì**"), ("1", "Rà soát quy trình\nnội bộ", "Sở Nội vụ"),
                              ("2", "Số hóa hồ sơ", "Văn phòng UBND tỉnh"))
    assert blocks[1].lines == ("Đoạn văn sau bảng.",)


def test_a_table_of_data_keeps_its_header_and_a_layout_table_becomes_text():
    text = "\n".join(["|", "**ỦY BAN NHÂN DÂN**", "TỈNH HÀ GIANG", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "|", "|",
                      "Số: 12/KH-UBND", "|", "*Hà Giang, ngày 2 tháng 3 năm 2025*", "|", "",
                      "| TT | Nhiệm vụ | Thời gian hoàn thành |", "|---|---|---|", "| 1 | Rà soát | Quý II/2026 |"])
    found = units(text)
    assert [u.text for u in found[:3] if not isinstance(u, Table)][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]
    table = next(u for u in found if isinstance(u, Table))
    assert table.header == ("TT", "Nhiệm vụ", "Thời gian hoàn thành") and table.rows == [("1", "Rà soát", "Quý II/2026")]


def test_web_page_furniture_is_left_out():
    text = "\n".join(["Bản dịch này thuộc quyền sở hữu của trang.", "Số hiệu: 12/KH-UBND", "|", "**ỦY BAN NHÂN DÂN**",
                      "TỈNH HÀ GIANG", "|", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "|", "",
                      "Nội dung kế hoạch.", "", "Kế hoạch 12/KH-UBND năm 2025 về cải cách hành chính",
                      "Văn bản này chưa cập nhật nội dung Tiếng Anh", "Liên hệ quảng cáo"])
    joined = " ".join(u.text for u in units(text) if not isinstance(u, Table))
    assert joined.startswith("ỦY BAN NHÂN DÂN") and joined.endswith("Nội dung kế hoạch.")


def test_pdf_running_headers_footers_and_page_numbers_are_left_out():
    body = ["Mở đầu kế hoạch.", "Nhiệm vụ và giải pháp.", "Tổ chức thực hiện."]
    pages = [Block(lines=("CÔNG BÁO TỈNH HÀ GIANG", text, f"Trang {n}/3"), page=n) for n, text in enumerate(body, start=1)]
    found = assemble(RawDocument(blocks=pages, source_format="pdf", pages=3))
    assert [u.text for u in found] == body
