"""Source documents and their metadata files.

A source is a text file (.txt, .md or .docx) in the sources folder with a small
``<name>.meta.yaml`` beside it. One file may hold several documents (a resolution and
the copy note that follows it, a cover letter and the draft it encloses): the metadata
lists them in order and each later one names the line it ``starts_at``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, validator

SOURCE_SUFFIXES = (".txt", ".md", ".docx")
KINDS = ("resolution", "draft resolution", "news article", "cover letter", "copy note")


class DocumentMeta(BaseModel):
    """What the text states about one document; a field it does not give stays None."""

    id: str
    kind: str
    province: Optional[str]
    issuing_body: Optional[str] = None
    number: Optional[str] = None
    date: Optional[dt.date] = None
    title: Optional[str] = None
    period: Optional[str] = None
    signer: Optional[str] = None
    signer_role: Optional[str] = None
    refers_to: list[str] = []
    starts_at: Optional[str] = None

    @validator("kind")
    def _known_kind(cls, value: str) -> str:  # noqa: N805 (pydantic v1 signature)
        if value not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {value!r}")
        return value

    @validator("id")
    def _slug(cls, value: str) -> str:  # noqa: N805
        if not value or not all(c.isascii() and (c.isalnum() or c == "-") for c in value):
            raise ValueError(f"id must be a lower-case ascii slug, not {value!r}")
        return value

    @property
    def date_text(self) -> Optional[str]:
        """The date as Vietnamese documents write it: 22/4/2021."""
        return f"{self.date.day}/{self.date.month}/{self.date.year}" if self.date else None


class SourceMeta(BaseModel):
    """The whole metadata file of one source."""

    origin: Optional[str] = None
    documents: list[DocumentMeta]


@dataclass(frozen=True)
class SourcePart:
    """One document's slice of a source file, still exactly as received."""

    meta: DocumentMeta
    raw_text: str
    source_file: str
    source_sha256: str


def read_source_text(path: Path) -> str:
    """The text of a source file; .docx paragraphs become blank-line separated text."""
    if path.suffix == ".docx":
        import docx  # python-docx, only needed for .docx sources

        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


def meta_path(source: Path) -> Path:
    return source.with_name(source.stem + ".meta.yaml")


def load_meta(source: Path) -> SourceMeta:
    path = meta_path(source)
    if not path.exists():
        raise FileNotFoundError(f"{source.name} has no metadata file {path.name}")
    return SourceMeta.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")))


def split_parts(text: str, metas: list[DocumentMeta]) -> list[str]:
    """Cut the text where each later document starts (its ``starts_at`` line)."""
    cuts = [0]
    for meta in metas[1:]:
        if not meta.starts_at:
            raise ValueError(f"{meta.id}: a second document in one file needs starts_at")
        at = text.find(meta.starts_at, cuts[-1])
        if at < 0:
            raise ValueError(f"{meta.id}: starts_at {meta.starts_at!r} not found in the text")
        cuts.append(at)
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def source_files(sources_dir: Path) -> list[Path]:
    """Every source document in the folder, in a stable order."""
    return sorted(p for p in sources_dir.iterdir() if p.suffix in SOURCE_SUFFIXES and p.is_file())


def load_parts(source: Path) -> list[SourcePart]:
    """The documents of one source file with their metadata."""
    meta = load_meta(source)
    data = source.read_bytes()
    digest = hashlib.sha256(data + meta_path(source).read_bytes()).hexdigest()
    text = read_source_text(source)
    return [
        SourcePart(meta=m, raw_text=part, source_file=source.name, source_sha256=digest)
        for m, part in zip(meta.documents, split_parts(text, meta.documents))
    ]
