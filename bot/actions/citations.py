"""How documents and sources are named to users."""
from __future__ import annotations

from typing import Optional

from index.search import Hit
from knowledge.header.doctypes import doc_type
from knowledge.language.provinces import province_now_label

QUOTE_MAX = 700


def document_label(doc: dict) -> str:
    """"Kế hoạch số 144/KH-UBND ngày 24/11/2025 của Ủy ban nhân dân tỉnh Bắc Ninh" — only what
    the metadata states."""
    label = doc.get("label") or (doc_type(doc["kind"]).label if doc.get("kind") else "Văn bản")
    if doc.get("number"):
        label += f" số {doc['number']}"
    if doc.get("date"):
        y, m, d = (int(x) for x in doc["date"].split("-"))
        label += f" ngày {d}/{m}/{y}"
    if doc.get("issuing_body"):
        label += f" của {doc['issuing_body']}"
    elif doc.get("province"):
        label += f" ({doc.get('province_label') or doc['province']})"
    return label


def path_label(section: str) -> str:
    """"I.2.6[2]" → "mục I.2.6[2]"; "Điều 5, khoản 2" and "Phụ lục I, dòng 3" read as they are."""
    if not section:
        return "phần mở đầu"
    if section.startswith(("Điều", "Chương", "Phần", "Phụ lục", "Mục", "dòng", "bảng")) or ", " in section:
        return section
    return f"mục {section}"


def section_label(hit: Hit) -> str:
    if hit.role == "signature":
        return "phần chữ ký"
    if hit.role == "recipients":
        return "phần nơi nhận"
    if hit.role == "card":
        return "thông tin văn bản"
    if hit.role == "header":
        return "phần đầu văn bản"
    return path_label(hit.section)


def source(hit: Hit, doc: Optional[dict]) -> dict:
    """The source object the API returns: document, section and the quoted passage."""
    doc = doc or {}
    quote = hit.text if len(hit.text) <= QUOTE_MAX else hit.text[:QUOTE_MAX].rsplit(" ", 1)[0] + " …"
    return {"doc_id": hit.doc_id, "title": doc.get("title"), "province": hit.province,
            "number": doc.get("number"), "kind": hit.kind, "section": hit.section or None,
            "section_label": section_label(hit), "heading": hit.heading, "quote": quote}


def citation_line(hit: Hit, doc: Optional[dict], province_note: bool = False) -> str:
    """"Nguồn: <document>, <section>." — with "(Bắc Kạn, nay thuộc tỉnh Thái Nguyên)" when the
    question named the unit a merged province now belongs to."""
    line = f"Nguồn: {document_label(doc or {'kind': hit.kind, 'province': hit.province})}, {section_label(hit)}"
    if province_note and hit.province:
        line += f" ({province_now_label(hit.province)})"
    return line + "."
