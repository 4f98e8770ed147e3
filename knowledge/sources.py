"""Source files in the knowledge folders: which files are documents, how each is read,
and how a file holding several documents is cut.

Any file of a supported type in a sources folder is a document; a ``.meta.yaml`` beside
it is optional (it corrects fields, or lists the documents of a file that holds several).
A file that cannot be read is reported with its reason and skipped: the others build.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from knowledge.documents import meta_path, read_overrides
from knowledge.language.normalize import fold
from knowledge.readers import SOURCE_SUFFIXES, Block, RawDocument, UnreadableSourceError, read

log = logging.getLogger(__name__)
# Files that describe a folder rather than being one of its documents.
_NOT_DOCUMENTS = re.compile(r"^(readme|license|licence|changelog|manifest)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SourcePart:
    """One document's share of a source file, as read, with the fields its metadata file gives."""

    raw: RawDocument
    overrides: dict
    default_id: str
    source_file: str
    source_sha256: str
    origin: Optional[str] = None


@dataclass
class SkippedSource:
    path: str
    reason: str


@dataclass
class SourceScan:
    """The documents found in the folders, and the files that could not be read."""

    parts: list[SourcePart] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)


def source_files(folders: list[Path]) -> list[Path]:
    """Every source document in the folders, in a stable order."""
    files: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        files += sorted(p for p in folder.iterdir()
                        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith(".")
                        and not _NOT_DOCUMENTS.match(p.stem))
    return files


def slug(text: str) -> str:
    """A lower-case ascii id from a file name: "Kế hoạch 617.pdf" → "ke-hoach-617"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "van-ban"


def _split(raw: RawDocument, markers: list[str]) -> list[RawDocument]:
    """Cut the blocks where each later document starts (the first line holding its marker)."""
    if not markers:
        return [raw]
    parts: list[list[Block]] = [[]]
    pending = list(markers)
    for block in raw.blocks:
        if block.is_table or not pending:
            parts[-1].append(block)
            continue
        lines = list(block.lines)
        start = 0
        for i, line in enumerate(lines):
            if pending and pending[0] in line:
                if i > start:
                    parts[-1].append(Block(lines=tuple(lines[start:i]), wrapped=block.wrapped, page=block.page))
                parts.append([])
                start = i
                pending.pop(0)
        parts[-1].append(Block(lines=tuple(lines[start:]), wrapped=block.wrapped, page=block.page))
    if pending:
        raise ValueError(f"starts_at {pending[0]!r} not found in the text")
    return [RawDocument(blocks=p, source_format=raw.source_format, pages=raw.pages, notes=raw.notes) for p in parts]


def read_source(path: Path) -> list[SourcePart]:
    """The documents of one source file; UnreadableSourceError/ValueError say why not."""
    origin, overrides = read_overrides(path)
    data = path.read_bytes()
    extra = meta_path(path).read_bytes() if meta_path(path).exists() else b""
    digest = hashlib.sha256(data + extra).hexdigest()
    raw = read(path)
    markers = [o.get("starts_at") for o in overrides[1:]]
    if any(not m for m in markers):
        raise ValueError(f"{path.name}: a second document in one file needs starts_at")
    pieces = _split(raw, markers)
    overrides = overrides or [{}]
    base = slug(path.stem)
    return [SourcePart(raw=piece, overrides=fields, default_id=base if n == 0 else f"{base}-{n + 1}",
                       source_file=path.name, source_sha256=digest, origin=origin)
            for n, (piece, fields) in enumerate(zip(pieces, overrides))]


def scan(folders: list[Path]) -> SourceScan:
    """Read every source file of the folders; unreadable ones are listed, not fatal."""
    result = SourceScan()
    for path in source_files(folders):
        try:
            result.parts += read_source(path)
        except (UnreadableSourceError, ValueError, OSError) as exc:
            log.warning("skipped %s: %s", path, exc)
            result.skipped.append(SkippedSource(path=str(path), reason=str(exc)))
    return result
