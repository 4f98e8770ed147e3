"""A document's metadata: what its header and signature state, overridden where a
``<name>.meta.yaml`` beside the source says otherwise.

The metadata file is optional. It may hold only the fields to correct, or list several
documents held by one file (a resolution and the copy note that follows it): each
later one names the line it ``starts_at``. A field the text does not give stays None.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, validator

from knowledge.header.doctypes import ALIASES, doc_type
from knowledge.language.provinces import areas, now_unit, province_now_label


class DocumentMeta(BaseModel):
    """What the text states about one document."""

    id: str
    kind: str = "van-ban"            # open list: nghi-quyet, ke-hoach, chi-thi, quyet-dinh, quy-che …
    type_label: Optional[str] = None  # the type's Vietnamese label as the document writes it
    draft: bool = False
    province: Optional[str] = None
    issuing_body: Optional[str] = None
    number: Optional[str] = None
    date: Optional[dt.date] = None
    place: Optional[str] = None
    title: Optional[str] = None
    subject: Optional[str] = None     # a letter's "V/v …"
    period: Optional[str] = None
    signer: Optional[str] = None
    signer_role: Optional[str] = None
    refers_to: list[str] = []
    starts_at: Optional[str] = None

    @validator("kind", pre=True)
    def _open_kind(cls, value: str, values: dict) -> str:  # noqa: N805 (pydantic v1 signature)
        value = str(value or "van-ban").strip()
        return ALIASES.get(value, re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "van-ban")

    @validator("id")
    def _slug(cls, value: str) -> str:  # noqa: N805
        if not value or not all(c.isascii() and (c.isalnum() or c == "-") for c in value):
            raise ValueError(f"id must be a lower-case ascii slug, not {value!r}")
        return value

    @property
    def date_text(self) -> Optional[str]:
        """The date as Vietnamese documents write it: 22/4/2021."""
        return f"{self.date.day}/{self.date.month}/{self.date.year}" if self.date else None

    @property
    def label(self) -> str:
        """"Kế hoạch", "Dự thảo nghị quyết", "Văn bản": how answers name the document's type."""
        base = self.type_label or (doc_type(self.kind).label if self.kind != "van-ban" else "Văn bản")
        return f"Dự thảo {base[:1].lower()}{base[1:]}" if self.draft else base

    @property
    def secondary(self) -> bool:
        """A news article or a copy note repeats another document's commitments."""
        return doc_type(self.kind).secondary

    @property
    def province_now(self) -> Optional[str]:
        return now_unit(self.province) if self.province else None

    @property
    def province_label(self) -> Optional[str]:
        """"Bắc Kạn, nay thuộc tỉnh Thái Nguyên" for a province merged in 2025."""
        return province_now_label(self.province) if self.province else None

    @property
    def areas(self) -> list[str]:
        return areas(self.province, self.date)


# Old metadata files said "kind: draft resolution"; the draft flag is now separate.
_DRAFT_KINDS = {"draft resolution"}


def meta_path(source: Path) -> Path:
    return source.with_name(source.stem + ".meta.yaml")


def read_overrides(source: Path) -> tuple[Optional[str], list[dict]]:
    """(origin, one dict of given fields per document) from the source's metadata file;
    (None, []) when there is none. Only the keys written in the file override."""
    path = meta_path(source)
    if not path.exists():
        return None, []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    documents = data.get("documents") or []
    if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
        raise ValueError(f"{path.name}: 'documents' must be a list of fields per document")
    out = []
    for fields in documents:
        fields = dict(fields)
        if fields.get("kind") in _DRAFT_KINDS:
            fields.setdefault("draft", True)
        out.append(fields)
    return data.get("origin"), out
