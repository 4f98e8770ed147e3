"""Parsing the real documents: metadata, clean text, section paths, signers, passages."""
import re

import pytest

from knowledge.corpus import load_corpus, parse_text
from knowledge.language.normalize import fold


@pytest.fixture(scope="module")
def docs():
    return {d.doc_id: d for d in load_corpus()}


def test_every_source_becomes_documents_with_metadata(docs):
    assert set(docs) == {
        "bac-kan-08-nq-tu-2021", "bac-kan-55-bs-hu-2021", "quang-ninh-nq-cchc-2021-2025",
        "bac-kan-tin-nq-08-2021", "lai-chau-01-nq-duk-2020", "bac-giang-479-snv-cchc-2016",
        "bac-giang-du-thao-nq-cchc-2016-2020"}
    labels = {d.meta.label for d in docs.values()}
    assert labels == {"Nghị quyết", "Dự thảo nghị quyết", "Bài viết", "Công văn", "Bản sao lục"}
    lai_chau = docs["lai-chau-01-nq-duk-2020"].meta
    assert (lai_chau.number, lai_chau.date_text, lai_chau.province) == ("01-NQ/ĐUK", "31/12/2020", "Lai Châu")


def test_quang_ninh_has_no_number_or_date_and_says_so(docs):
    qn = docs["quang-ninh-nq-cchc-2021-2025"]
    assert qn.meta.number is None and qn.meta.date is None
    card = next(p for p in qn.passages if p.role == "card")
    assert "không ghi số" in card.text and "không ghi ngày" in card.text


def test_metadata_numbers_and_dates_are_stated_in_the_text(docs):
    """Grounding: each number and date is written in the same source file (08-NQ/TU's
    own date is given by the copy note that follows it)."""
    by_file: dict[str, str] = {}
    for doc in docs.values():
        by_file[doc.source_file] = by_file.get(doc.source_file, "") + doc.clean_text
    for doc in docs.values():
        folded = fold(by_file[doc.source_file]).replace(" ", "")
        if doc.meta.number:
            assert fold(doc.meta.number).replace(" ", "") in folded, doc.doc_id
        if doc.meta.date:
            d = doc.meta.date
            written = [f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}/{d.month}/{d.year}",
                       f"ngay{d.day}thang{d.month}nam{d.year}", f"ngay{d.day:02d}thang{d.month}nam{d.year}"]
            assert any(w in folded for w in written), doc.doc_id


@pytest.mark.parametrize("doc_id, signer, role", [
    ("bac-kan-08-nq-tu-2021", "Hoàng Duy Chinh", "T/M TỈNH ỦY, BÍ THƯ"),
    ("bac-kan-55-bs-hu-2021", "Hoàng Hữu Khôi", "T/L BAN THƯỜNG VỤ, CHÁNH VĂN PHÒNG"),
    ("quang-ninh-nq-cchc-2021-2025", "Nguyễn Xuân Ký", "T/M TỈNH ỦY, BÍ THƯ"),
    ("lai-chau-01-nq-duk-2020", "Vũ Văn Lương", "T/M ĐẢNG ỦY, BÍ THƯ"),
    ("bac-giang-479-snv-cchc-2016", "Bùi Ngọc Sơn", None),
    ("bac-giang-du-thao-nq-cchc-2016-2020", "Bùi Văn Hải", "T/M BTV TỈNH ỦY, BÍ THƯ"),
    ("bac-kan-tin-nq-08-2021", None, None),
])
def test_signers_are_found(docs, doc_id, signer, role):
    assert (docs[doc_id].meta.signer, docs[doc_id].meta.signer_role) == (signer, role)


def test_bac_kan_specific_targets_are_sections_2_1_to_2_7(docs):
    root = docs["bac-kan-08-nq-tu-2021"].sections
    paths = [s.path for s in root.find("I.2").children if s.kind == "section"]
    assert paths == [f"I.2.{i}" for i in range(1, 8)]
    e_gov = root.find("I.2.6")
    assert e_gov.heading_chain() == [
        "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
        "2.6. Về xây dựng và phát triển chính quyền điện tử, hướng tới chính quyền số"]
    bullets = [c for c in e_gov.children if c.kind == "bullet"]
    assert [b.path for b in bullets] == ["I.2.6[1]", "I.2.6[2]", "I.2.6[3]"]
    assert "trên 80% hộ gia đình" in bullets[1].paragraphs[0]


def test_items_and_deep_sections(docs):
    lai_chau = docs["lai-chau-01-nq-duk-2020"].sections
    assert [c.path for c in lai_chau.find("II.2.2").children] == [f"II.2.2({i})" for i in range(1, 6)]
    qn = docs["quang-ninh-nq-cchc-2021-2025"].sections
    assert qn.find("II.2.2.2").title == "Định hướng đến năm 2030"


def test_clean_text_drops_markdown_residue_and_furniture(docs):
    for doc in docs.values():
        assert "**" not in doc.clean_text and "~~" not in doc.clean_text
    letter = docs["bac-giang-479-snv-cchc-2016"].clean_text
    assert "Số: 479/SNV-CCHC" in letter and "ngày 31 tháng 5 năm 2016" in letter
    news = docs["bac-kan-tin-nq-08-2021"].clean_text
    assert "View Counter" not in news and "Views Today" not in news and "Chia sẻ" not in news
    assert "02 mục tiêu chung" in news


def test_page_break_joins_are_mended():
    text = "I. MỤC TIÊU\n\nChỉ số cải cách hành\n\nchính (PAR Index) tăng.\n\nĐoạn mới."
    assert parse_text(text).clean_text.endswith("Chỉ số cải cách hành chính (PAR Index) tăng.\n\nĐoạn mới.")
    qn_text = next(d for d in load_corpus() if d.doc_id.startswith("quang-ninh")).clean_text
    assert re.search(r"Chỉ số cải cách hành chính \(PAR Index\)", qn_text)


def test_passages_are_verbatim_and_know_their_place(docs):
    for doc in docs.values():
        for p in doc.passages:
            if p.role == "body":
                for line in p.text.split("\n"):
                    assert line in doc.clean_text, (doc.doc_id, line[:60])
    bk = docs["bac-kan-08-nq-tu-2021"]
    target = next(p for p in bk.passages if "cáp quang" in p.text and p.role == "body")
    assert target.section == "I.2.6[2]" and target.heading[-1].startswith("2.6.")
    roles = {p.role for p in bk.passages}
    assert roles == {"card", "header", "body", "recipients", "signature"}
    assert all(len(p.text) <= 1000 for d in docs.values() for p in d.passages)


def test_a_new_source_with_metadata_is_picked_up(tmp_path):
    (tmp_path / "ha-giang-demo.md").write_text(
        "NGHỊ QUYẾT\n\nI. MỤC TIÊU\n\n1. Mục tiêu cụ thể: 95% hồ sơ trực tuyến.\n\nT/M TỈNH ỦY\nBÍ THƯ\n\nNguyễn Văn A\n",
        encoding="utf-8")
    (tmp_path / "ha-giang-demo.meta.yaml").write_text(
        "documents:\n  - id: ha-giang-demo\n    kind: resolution\n    province: Hà Giang\n", encoding="utf-8")
    (doc,) = load_corpus(tmp_path)
    assert doc.meta.signer == "Nguyễn Văn A" and doc.meta.number is None
    assert any(p.section == "I.1" and "95%" in p.text for p in doc.passages)


def test_a_docx_source_is_read(tmp_path):
    import docx

    document = docx.Document()
    for para in ["NGHỊ QUYẾT", "I. MỤC TIÊU", "1. Mục tiêu: 70% hồ sơ trực tuyến.", "T/M TỈNH ỦY\nBÍ THƯ", "Trần Văn B"]:
        document.add_paragraph(para)
    document.save(str(tmp_path / "demo.docx"))
    (tmp_path / "demo.meta.yaml").write_text(
        "documents:\n  - id: demo\n    kind: draft resolution\n    province: Hà Giang\n", encoding="utf-8")
    (doc,) = load_corpus(tmp_path)
    assert doc.meta.signer == "Trần Văn B"
    assert any(p.section == "I.1" and "70% hồ sơ" in p.text for p in doc.passages)


def test_every_numbered_sentence_becomes_a_passage(docs):
    """Short numbered items that are whole sentences are content, not only headings."""
    qn = docs["quang-ninh-nq-cchc-2021-2025"]
    sections = {p.section for p in qn.passages if p.role == "body"}
    assert {f"IV.{i}" for i in range(1, 10)} <= sections
    text = next(p.text for p in qn.passages if p.section == "IV.5")
    assert text.startswith("5. Ban Tuyên giáo Tỉnh ủy chủ trì")
    assert not any(p.section == "I.2.2" for p in docs["bac-kan-08-nq-tu-2021"].passages if p.role == "body"
                   and p.text == "2.2. Về cải cách thủ tục hành chính")
