"""Readers: a source file of any published form → the blocks of text and tables it holds.

.txt/.md (hard-wrapped or not, pipe tables), .docx (paragraphs and tables), .pdf (the
text layer; scanned pages through OCR) and saved .html pages.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from knowledge.readers.base import Block, RawDocument, UnreadableSourceError
from knowledge.readers.docx import read_docx
from knowledge.readers.html import read_html
from knowledge.readers.pdf import read_pdf
from knowledge.readers.text import read_text

READERS: dict[str, Callable[[Path], RawDocument]] = {
    ".txt": read_text, ".md": read_text, ".docx": read_docx, ".pdf": read_pdf, ".html": read_html, ".htm": read_html,
}
SOURCE_SUFFIXES = tuple(READERS)

__all__ = ["Block", "RawDocument", "UnreadableSourceError", "SOURCE_SUFFIXES", "read"]


def read(path: Path) -> RawDocument:
    """The file's blocks; UnreadableSourceError (with the reason) when it cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableSourceError(f"{path.name}: unsupported file type (use {', '.join(SOURCE_SUFFIXES)})")
    return reader(path)
