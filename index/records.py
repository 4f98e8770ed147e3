"""The typed records the index stores and hands on: passages, facts and document cards.

Passages and facts are the knowledge layer's own records (``Passage``, ``Fact``), read back
from JSON lines; a document card is what the index keeps of a document. Every record has
a stable id (content hashes for passages and facts, the document id for cards), so a
conversation can hold ids across rebuilds.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

from knowledge.corpus import Document
from knowledge.facts.model import Fact
from knowledge.header.doctypes import doc_type
from knowledge.structure.passages import Passage

_TUPLES = {"heading", "refers_to", "areas"}


def _record(cls, row: dict[str, Any]):
    """A dataclass from its JSON form: known fields only, lists back to tuples."""
    names = {f.name for f in fields(cls)}
    values = {k: (tuple(v) if k in _TUPLES and isinstance(v, list) else v) for k, v in row.items() if k in names}
    return cls(**values)


def passage_from(row: dict[str, Any]) -> Passage:
    return _record(Passage, row)


def fact_from(row: dict[str, Any]) -> Fact:
    return _record(Fact, row)


@dataclass(frozen=True)
class DocumentCard:
    """What the index keeps of a document: its metadata as its header and signature state."""

    id: str
    kind: str
    label: str                         # "Kế hoạch", "Dự thảo nghị quyết": how answers name its type
    draft: bool = False
    secondary: bool = False            # a news article or copy note repeats another document
    province: Optional[str] = None
    province_now: Optional[str] = None
    province_label: Optional[str] = None
    areas: tuple[str, ...] = ()
    issuing_body: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None         # ISO date
    place: Optional[str] = None
    title: Optional[str] = None
    subject: Optional[str] = None
    period: Optional[str] = None
    signer: Optional[str] = None
    signer_role: Optional[str] = None
    refers_to: tuple[str, ...] = ()
    source_file: str = ""
    source_format: str = "txt"
    notes: tuple[str, ...] = field(default_factory=tuple)
    passages: int = 0
    content_hash: str = ""

    @property
    def short(self) -> str:
        """The type's abbreviation, "KH", "Dự thảo NQ": a document in a list line."""
        short = doc_type(self.kind).short if self.kind != "van-ban" else "VB"
        return f"Dự thảo {short}" if self.draft else short

    @property
    def issued(self) -> Optional[dt.date]:
        return dt.date.fromisoformat(self.date) if self.date else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "DocumentCard":
        row = {**row, "notes": tuple(row.get("notes") or ())}
        return _record(cls, row)

    @classmethod
    def of(cls, doc: Document) -> "DocumentCard":
        meta = json.loads(doc.meta.json(exclude={"starts_at"}))
        meta.update(label=doc.meta.label, secondary=doc.meta.secondary, province_now=doc.meta.province_now,
                    province_label=doc.meta.province_label, areas=doc.meta.areas, source_file=doc.source_file,
                    source_format=doc.source_format, notes=doc.notes, passages=len(doc.passages),
                    content_hash=doc.content_hash)
        return cls.from_dict(meta)
