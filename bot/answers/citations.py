"""How documents and sources are named to users."""
from __future__ import annotations

from typing import Optional

from index.records import DocumentCard
from index.search import Hit
from knowledge.facts.model import Fact
from knowledge.language.provinces import province_now_label

QUOTE_MAX = 700


def document_label(doc: Optional[DocumentCard], with_date: bool = True) -> str:
    """"Kế hoạch số 144/KH-UBND ngày 24/11/2025 của Ủy ban nhân dân tỉnh Bắc Ninh" — only what
    the metadata states."""
    if doc is None:
        return "Văn bản"
    label = doc.label or "Văn bản"
    if doc.number:
        label += f" số {doc.number}"
    if doc.issued and with_date:
        label += f" ngày {vn_date(doc.issued.isoformat())}"
    if doc.issuing_body:
        label += f" của {doc.issuing_body}"
    elif doc.province:
        label += f" ({doc.province_label or doc.province})"
    return label


def vn_date(iso: str) -> str:
    """"2016-06-15" → "15/6/2016"."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d}/{m}/{y}"


def short_doc(doc: Optional[DocumentCard]) -> str:
    """"KH 144/KH-UBND", "Dự thảo NQ": a document in a list line."""
    if doc is None:
        return "VB"
    return f"{doc.short} {doc.number}" if doc.number else doc.short


def path_label(section: str) -> str:
    """"I.2.6[2]" → "mục I.2.6[2]"; "Điều 5, khoản 2" and "Phụ lục I, dòng 3" read as they are."""
    if not section:
        return "phần mở đầu"
    if section.startswith(("Điều", "Chương", "Phần", "Phụ lục", "Mục", "dòng", "bảng")) or ", " in section:
        return section
    return f"mục {section}"


def section_label(hit: Hit) -> str:
    return {"signature": "phần chữ ký", "recipients": "phần nơi nhận", "card": "thông tin văn bản",
            "header": "phần đầu văn bản"}.get(hit.role) or path_label(hit.section)


def source(hit: Hit, doc: Optional[DocumentCard]) -> dict:
    """The source object the API returns: document, section and the quoted passage."""
    quote = hit.text if len(hit.text) <= QUOTE_MAX else hit.text[:QUOTE_MAX].rsplit(" ", 1)[0] + " …"
    return {"doc_id": hit.doc_id, "title": doc.title if doc else None, "province": hit.province,
            "number": doc.number if doc else None, "kind": hit.kind, "section": hit.section or None,
            "section_label": section_label(hit), "heading": hit.heading, "quote": quote}


def fact_source(fact: Fact, doc: Optional[DocumentCard]) -> dict:
    """A fact as a source: its document, section and verbatim quote."""
    return {"doc_id": fact.doc_id, "title": doc.title if doc else None, "province": fact.province,
            "number": doc.number if doc else None, "kind": doc.kind if doc else None, "section": fact.section or None,
            "section_label": path_label(fact.section or ""), "heading": list(fact.heading), "quote": fact.quote,
            "fact_id": fact.fact_id}


def citation_line(hit: Hit, doc: Optional[DocumentCard], province_note: bool = False) -> str:
    """"Nguồn: <document>, <section>." — with "(Bắc Kạn, nay thuộc tỉnh Thái Nguyên)" when the
    question named the unit a merged province now belongs to."""
    named = document_label(doc) if doc else f"Văn bản ({hit.province})" if hit.province else "Văn bản"
    line = f"Nguồn: {named}, {section_label(hit)}"
    if province_note and hit.province:
        line += f" ({province_now_label(hit.province)})"
    return line + "."
