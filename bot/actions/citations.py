"""How documents and sources are named to users."""
from __future__ import annotations

from typing import Optional

from index.search import Hit
from knowledge.passages import KIND_LABELS

QUOTE_MAX = 700


def document_label(doc: dict) -> str:
    """"Nghị quyết số 08-NQ/TU ngày 22/4/2021 (Bắc Kạn)" — only what the metadata states."""
    label = KIND_LABELS.get(doc.get("kind", ""), "Văn bản")
    if doc.get("number"):
        label += f" số {doc['number']}"
    if doc.get("date"):
        y, m, d = (int(x) for x in doc["date"].split("-"))
        label += f" ngày {d}/{m}/{y}"
    if doc.get("issuing_body"):
        label += f" của {doc['issuing_body']}"
    elif doc.get("province"):
        label += f" ({doc['province']})"
    return label


def section_label(hit: Hit) -> str:
    if hit.role == "signature":
        return "phần chữ ký"
    if hit.role == "recipients":
        return "phần nơi nhận"
    if hit.role == "card":
        return "thông tin văn bản"
    return f"mục {hit.section}" if hit.section else "phần mở đầu"


def source(hit: Hit, doc: Optional[dict]) -> dict:
    """The source object the API returns: document, section and the quoted passage."""
    doc = doc or {}
    quote = hit.text if len(hit.text) <= QUOTE_MAX else hit.text[:QUOTE_MAX].rsplit(" ", 1)[0] + " …"
    return {"doc_id": hit.doc_id, "title": doc.get("title"), "province": hit.province,
            "number": doc.get("number"), "kind": hit.kind, "section": hit.section or None,
            "section_label": section_label(hit), "heading": hit.heading, "quote": quote}


def citation_line(hit: Hit, doc: Optional[dict]) -> str:
    return f"Nguồn: {document_label(doc or {'kind': hit.kind, 'province': hit.province})}, {section_label(hit)}."
