"""One plan in every form it is published in reads the same: Markdown (wrapped or not),
.docx, a saved web page, a PDF with a text layer and a scanned PDF (through OCR).

The files are built at test time from the plan in ``sample_plan.py``. The PDFs carry
no task table (a PDF keeps no table structure): they are compared on everything else.
"""
from __future__ import annotations

import shutil

import pytest

import sample_plan as plan
from knowledge.corpus import Document, parse_part
from knowledge.facts import extract_facts
from knowledge.readers import UnreadableSourceError
from knowledge.sources import read_source


def parse(path) -> Document:
    (part,) = read_source(path)
    return parse_part(part)


def metadata(doc: Document) -> dict:
    m = doc.meta
    return {"number": m.number, "date": m.date, "type": m.type_label, "issuer": m.issuing_body,
            "province": m.province, "signer": m.signer}


def sections(doc: Document, rows: bool = True) -> set[str]:
    return {p.section for p in doc.passages if p.role == "body" or (rows and p.role == "row")}


def facts(doc: Document, rows: bool = True) -> set[tuple]:
    table = {p.text for p in doc.passages if p.role == "row"}
    return {(f.type, f.indicator or f.actor or f.item, f.value or f.role or f.due) for f in extract_facts(doc)
            if rows or f.quote not in table}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Document:
    return parse(plan.write_markdown(tmp_path_factory.mktemp("md") / "ke-hoach-617.md"))


def test_the_plan_reads_as_written(reference):
    assert metadata(reference) == {"number": "617/KH-UBND", "date": reference.meta.date, "type": "Kế hoạch",
                                   "issuer": "Ủy ban nhân dân tỉnh Hà Giang", "province": "Hà Giang",
                                   "signer": "Nguyễn Văn Sơn"}
    assert str(reference.meta.date) == "2025-03-12"
    assert {"I.1", "I.2[1]", "II.1", "III.2", "Phụ lục, dòng 1", "Phụ lục, dòng 2"} <= sections(reference)
    found = facts(reference)
    assert ("target", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", "98") in found
    assert ("responsibility", "Sở Nội vụ", "chủ trì") in found
    assert ("responsibility", "Văn phòng UBND tỉnh", "phối hợp") in found
    assert ("deadline", "Tập huấn kỹ năng số cho công chức bộ phận một cửa", "Quý III/2025") in found
    row = next(p for p in reference.passages if p.section == "Phụ lục, dòng 2")
    assert row.text == ("Nhiệm vụ: Tập huấn kỹ năng số cho công chức bộ phận một cửa; Cơ quan chủ trì: Sở Khoa học "
                        "và Công nghệ; Cơ quan phối hợp: Sở Nội vụ; Thời gian hoàn thành: Quý III/2025")


@pytest.mark.parametrize("write", [
    lambda d: plan.write_markdown(d / "wrapped.md", wrap=60),
    lambda d: plan.write_docx(d / "ke-hoach.docx"),
    lambda d: plan.write_html(d / "ke-hoach.html"),
], ids=["hard-wrapped markdown", "docx", "html"])
def test_every_format_gives_the_same_document(reference, tmp_path, write):
    doc = parse(write(tmp_path))
    assert metadata(doc) == metadata(reference)
    assert sections(doc) == sections(reference)
    assert facts(doc) == facts(reference)
    assert "Trang chủ" not in doc.clean_text and "Bản quyền" not in doc.clean_text  # the page's menus


def test_a_text_pdf_gives_the_same_document(reference, tmp_path):
    doc = parse(plan.write_text_pdf(tmp_path / "ke-hoach.pdf"))
    assert doc.source_format == "pdf"
    assert metadata(doc) == metadata(reference)
    assert sections(doc) == sections(reference, rows=False)
    assert facts(doc) == facts(reference, rows=False)
    assert "Cổng thông tin điện tử tỉnh Hà Giang" not in doc.clean_text  # the running footer


@pytest.fixture(scope="module")
def tesseract():
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed here (`make ocr` installs it)")


def test_a_scanned_pdf_is_read_by_ocr(reference, tmp_path, tesseract):
    """OCR tolerance: at least 5 of the 6 metadata fields, 90% of the sections and of the
    facts as from the text (on this clean scan all of them are found)."""
    doc = parse(plan.write_scanned_pdf(tmp_path / "ke-hoach-scan.pdf"))
    assert doc.source_format == "pdf-ocr" and any("OCR" in note for note in doc.notes)
    got, want = metadata(doc), metadata(reference)
    assert sum(got[k] == want[k] for k in want) >= 5, got
    want_sections = sections(reference, rows=False)
    assert len(sections(doc) & want_sections) >= 0.9 * len(want_sections)
    want_facts = facts(reference, rows=False)
    assert len(facts(doc) & want_facts) >= 0.9 * len(want_facts)


def test_unreadable_files_say_why(tmp_path):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(UnreadableSourceError, match="hong.pdf: not a readable PDF"):
        read_source(bad)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 broken zip")
    with pytest.raises(UnreadableSourceError, match="hong.docx"):
        read_source(broken)
