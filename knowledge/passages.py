"""Passages sized for answering: a target bullet or a short paragraph, with its context.

A passage's ``text`` is verbatim clean text (it is quoted to users); ``heading`` is the
chain of section titles above it, given to the search channels as context.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Optional, Sequence

from knowledge.documents import DocumentMeta
from knowledge.sections import ParsedStructure, Section

MERGE_SHORT = 160   # paragraphs shorter than this are merged with their short neighbours
MERGE_LIMIT = 600   # … up to this many characters
SPLIT_OVER = 900    # longer paragraphs are cut at sentence ends into windows
WINDOW = 600

KIND_LABELS = {
    "resolution": "Nghị quyết",
    "draft resolution": "Dự thảo nghị quyết",
    "news article": "Bài viết",
    "cover letter": "Công văn",
    "copy note": "Bản sao lục",
}
_SENTENCE_BREAK = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ“\"(])")
_CLAUSE_BREAK = re.compile(r"(?<=,)\s+")  # for a single sentence longer than SPLIT_OVER


def context_text(heading: Sequence[str], text: str) -> str:
    """Heading chain then text: what the search channels see of a passage."""
    return "\n".join([*heading, text])


@dataclass(frozen=True)
class Passage:
    """One retrievable, quotable unit of a document."""

    passage_id: str
    doc_id: str
    province: Optional[str]
    kind: str
    role: str               # body, card, signature or recipients
    section: str            # path such as "I.2.6[2]"; "" for the preamble
    heading: tuple[str, ...]
    text: str
    doc_number: Optional[str] = None
    refers_to: tuple[str, ...] = field(default_factory=tuple)

    def context_text(self) -> str:
        return context_text(self.heading, self.text)

    def to_dict(self) -> dict:
        return asdict(self)


def _windows(paragraph: str) -> list[str]:
    """Cut a long paragraph at sentence ends into pieces of about WINDOW characters."""
    if len(paragraph) <= SPLIT_OVER:
        return [paragraph]
    pieces, current = [], ""
    sentences = [part for sentence in _SENTENCE_BREAK.split(paragraph)
                 for part in (_CLAUSE_BREAK.split(sentence) if len(sentence) > SPLIT_OVER else [sentence])]
    for sentence in sentences:
        if current and len(current) + len(sentence) + 1 > WINDOW:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def _group(paragraphs: list[str]) -> list[str]:
    """Merge runs of short paragraphs (title blocks, place-and-date lines) into one."""
    groups: list[str] = []
    for para in paragraphs:
        if (groups and len(para) < MERGE_SHORT and len(groups[-1]) < MERGE_LIMIT
                and len(groups[-1].rsplit("\n", 1)[-1]) < MERGE_SHORT):
            groups[-1] = f"{groups[-1]}\n{para}"
        else:
            groups.append(para)
    return [piece for group in groups for piece in _windows(group)]


def card_text(meta: DocumentMeta) -> str:
    """A sentence stating what the metadata says about the document, for search and citation."""
    parts = [KIND_LABELS[meta.kind]]
    if meta.number:
        parts.append(f"số {meta.number}")
    if meta.date:
        parts.append(f"ngày {meta.date_text} ({meta.date.day} tháng {meta.date.month} năm {meta.date.year})")
    if meta.issuing_body:
        parts.append(f"của {meta.issuing_body}")
    text = " ".join(parts)
    if meta.title:
        text += f": {meta.title}"
    details = []
    if meta.province:
        details.append(f"Tỉnh: {meta.province}")
    if meta.period:
        details.append(f"Giai đoạn: {meta.period}")
    if not meta.number:
        details.append("Văn bản không ghi số")
    if not meta.date:
        details.append("Văn bản không ghi ngày ban hành")
    if meta.signer:
        details.append(f"Người ký: {meta.signer}" + (f" ({meta.signer_role})" if meta.signer_role else ""))
    return ". ".join([text, *details]) + "."


def build_passages(meta: DocumentMeta, structure: ParsedStructure) -> list[Passage]:
    """All passages of one document: card, body (section by section), recipients, signature."""
    out: list[Passage] = []

    def add(role: str, section: str, heading: list[str], text: str) -> None:
        out.append(Passage(
            passage_id=f"{meta.id}#{len(out)}", doc_id=meta.id, province=meta.province,
            kind=meta.kind, role=role, section=section, heading=tuple(heading), text=text,
            doc_number=meta.number, refers_to=tuple(meta.refers_to),
        ))

    add("card", "", ["Thông tin văn bản"], card_text(meta))
    node: Section
    for node in structure.root.walk():
        heading = node.heading_chain()
        if node.kind == "root" and meta.title:
            heading = [meta.title]
        for text in _group(node.paragraphs):
            add("body", node.path, heading, text)
    if structure.recipients:
        add("recipients", "", ["Nơi nhận"], "\n".join(structure.recipients))
    for block in structure.signatures:
        add("signature", "", [f"Người ký {KIND_LABELS[meta.kind].lower()}" + (f" số {meta.number}" if meta.number else "")],
            block.text)
    return out
