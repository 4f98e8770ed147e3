"""Plain text and Markdown (.txt, .md): the lines as they are, in one block.

Everything the characters draw (pipe tables, rules, emphasis marks) is read by the
layout step, which sees the same lines from every text-like source.
"""
from __future__ import annotations

from pathlib import Path

from knowledge.readers.base import Block, RawDocument, UnreadableSourceError


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1258 as older Vietnamese files use."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableSourceError(f"{name}: not UTF-8 text; save it as UTF-8 and add it again")


def read_text(path: Path) -> RawDocument:
    text = decode(path.read_bytes(), path.name).replace("\r\n", "\n").replace("\r", "\n")
    return RawDocument(blocks=[Block(lines=tuple(text.split("\n")))], source_format=path.suffix.lstrip(".").lower())
