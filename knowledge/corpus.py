"""Parse every source into documents: layout, header metadata, section tree, passages.

    file ─ readers ─► blocks ─ layout ─► paragraphs + tables ─┬─ header ─► metadata (+ .meta.yaml overrides)
                                                               └─ structure ─► section tree ─► passages
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from knowledge.documents import DocumentMeta
from knowledge.header.casing import CaseModel
from knowledge.header.doctypes import doc_type, type_from_number
from knowledge.header.header import Header, read_header
from knowledge.layout import Table, assemble
from knowledge.layout.reflow import Paragraph
from knowledge.sources import SkippedSource, SourcePart, scan
from knowledge.structure.parse import ParsedStructure, parse_structure
from knowledge.structure.passages import Passage, build_passages, row_text
from knowledge.structure.sections import Section

DEFAULT_SOURCES = Path(__file__).resolve().parent / "sources"
# Bump when parsing changes, so stored indexes know their passages are stale.
PARSER_VERSION = "8"
_PERIOD = re.compile(r"(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})", re.IGNORECASE)
_HORIZON = re.compile(r"(?:đến năm|tầm nhìn đến năm|định hướng đến năm)\s+((?:19|20)\d{2})", re.IGNORECASE)
_CITED_NUMBER = re.compile(r"\b\d{1,4}[a-z]?/(?:\d{4}/)?[A-ZĐ][\w\-/Đđ]*[A-ZĐ]\b|\b\d{1,4}-[A-ZĐ]{1,5}/[A-ZĐ]{1,6}\b")


@dataclass
class Document:
    """One parsed document, ready to index and to cite."""

    meta: DocumentMeta
    clean_text: str
    structure: ParsedStructure
    passages: list[Passage]
    source_file: str
    content_hash: str
    source_format: str = "txt"
    notes: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.meta.id

    @property
    def sections(self) -> Section:
        return self.structure.root


def _header_paragraphs(units: list) -> list[str]:
    """The paragraphs before the first table of data: where the header is."""
    out = []
    for unit in units:
        if isinstance(unit, Table):
            break
        out.append(unit.text)
    return out


def _sentence_case(case: CaseModel, text: str) -> str:
    restored = case.restore(text)
    return restored[:1].lower() + restored[1:] if restored[:1].isupper() and not restored[:2].isupper() else restored


def extracted_meta(header: Header, structure: ParsedStructure, body_texts: Sequence[str], default_id: str) -> dict:
    """The metadata fields the document itself gives."""
    case = CaseModel(body_texts)
    number = header.number
    dtype = header.doc_type or (type_from_number(number) if number else None)
    if dtype is None and header.subject:
        dtype = doc_type("cong-van")
    fields: dict = {"id": default_id, "number": number, "date": header.date, "place": header.place,
                    "draft": header.draft, "province": header.province}
    if dtype:
        fields.update(kind=dtype.kind, type_label=dtype.label)
    if header.issuer_levels:
        fields["issuing_body"] = " – ".join(case.restore(level) for level in header.issuer_levels)
    if header.title:
        label = dtype.label if dtype else "Văn bản"
        fields["title"] = f"{label} {_sentence_case(case, header.title)}".strip()
    elif header.subject:
        fields["title"] = f"Công văn về việc {_sentence_case(case, header.subject)}"
        fields["subject"] = header.subject
    title = fields.get("title") or ""
    period, horizon = _PERIOD.search(title), _HORIZON.search(title)
    if period:
        fields["period"] = f"{period.group(1)}-{period.group(2)}" + (f", định hướng đến năm {horizon.group(1)}"
                                                                     if horizon else "")
    elif horizon:
        fields["period"] = f"đến năm {horizon.group(1)}"
    cited = [n for n in _CITED_NUMBER.findall(header.title or header.subject or "") if n != number]
    fields["refers_to"] = list(dict.fromkeys(n.upper() if n.isascii() else n for n in cited))
    named = [s for s in structure.signatures if s.name]
    if named:
        fields.update(signer=named[0].name, signer_role=named[0].role)
    return fields


def _clean_text(header_lines: list[str], structure: ParsedStructure, units: list) -> str:
    """The document's clean text: its paragraphs, and its tables row by row as passages render them."""
    parts = list(header_lines)
    for unit in units:
        if isinstance(unit, Table):
            parts += [row_text(unit.header, row) for row in unit.rows]
        else:
            parts.append(unit.text)
    return "\n\n".join(p for p in parts if p)


def parse_part(part: SourcePart) -> Document:
    """Lay out, read the header, structure and cut one document."""
    units = assemble(part.raw)
    header = read_header(_header_paragraphs(units))
    body = units[header.end:]
    structure = parse_structure(body)
    fields = extracted_meta(header, structure, [u.text for u in body if isinstance(u, Paragraph)],
                            part.default_id)
    if "kind" in part.overrides and "type_label" not in part.overrides:
        fields.pop("type_label", None)  # the file names the type: its label follows
    fields.update({k: v for k, v in part.overrides.items() if k != "starts_at"})
    if part.overrides.get("starts_at"):
        fields["starts_at"] = part.overrides["starts_at"]
    meta = DocumentMeta.parse_obj(fields)
    return Document(
        meta=meta,
        clean_text=_clean_text(header.lines, structure, body),
        structure=structure,
        passages=build_passages(meta, structure, header.lines),
        source_file=part.source_file,
        content_hash=f"{part.source_sha256}:{meta.id}:p{PARSER_VERSION}",
        source_format=part.raw.source_format,
        notes=list(part.raw.notes),
    )


def parse_text(text: str, doc_id: str = "van-ban", source_format: str = "txt") -> Document:
    """A document from text in memory (as a .txt file would hold it)."""
    from knowledge.readers.base import Block, RawDocument

    raw = RawDocument(blocks=[Block(lines=tuple(text.replace("\r\n", "\n").split("\n")))], source_format=source_format)
    return parse_part(SourcePart(raw=raw, overrides={}, default_id=doc_id, source_file=f"{doc_id}.{source_format}",
                                 source_sha256=""))


@dataclass
class Corpus:
    documents: list[Document]
    skipped: list[SkippedSource]


def load(folders: Optional[Sequence[Path]] = None) -> Corpus:
    """Every document of every source file in the folders, and the files skipped (with why)."""
    result = scan(list(folders or [DEFAULT_SOURCES]))
    return Corpus(documents=[parse_part(part) for part in result.parts], skipped=result.skipped)


def load_corpus(folders: Path | Sequence[Path] = DEFAULT_SOURCES) -> list[Document]:
    """Every readable document of the folders, in a stable order."""
    return load([folders] if isinstance(folders, Path) else folders).documents
