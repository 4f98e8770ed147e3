"""What a reader hands on: the file's text as blocks of lines and tables, nothing decided yet.

Readers differ in what they know. A text file or a PDF page gives hard-wrapped lines
(``wrapped``: the layout step rebuilds paragraphs); a .docx or HTML paragraph is whole
already. Tables keep their rows and cells, whatever the format drew them with.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Block:
    """A run of lines that belong together on the page, or a table."""

    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    wrapped: bool = True          # lines may be cut mid-sentence (text, PDF, OCR)
    page: Optional[int] = None    # 1-based page of a PDF

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


@dataclass
class RawDocument:
    """A file as read: its blocks in reading order and how they were obtained."""

    blocks: list[Block]
    source_format: str            # txt, md, docx, pdf, pdf-ocr, html
    pages: int = 0
    notes: list[str] = field(default_factory=list)  # e.g. "page 3: no text layer, read by OCR"


class UnreadableSourceError(ValueError):
    """The file cannot be read as a document; the message says why and what to do."""
