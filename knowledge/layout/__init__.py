"""From what a reader saw to the document's units: whole paragraphs and tables.

The steps: web or page furniture off, tables drawn with pipes made into rows, wrapped
lines reflowed into paragraphs, residue cleaned. Tables that only lay out the page (the
issuer beside the motto, "Nơi nhận" beside the signature) become paragraphs; tables of
data keep their header and rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Union

from knowledge.layout.furniture import strip_page_furniture, strip_web_furniture
from knowledge.layout.markers import RECIPIENTS, SIGN_ROLE
from knowledge.layout.reflow import Paragraph, WrapModel, join_page_breaks, reflow
from knowledge.layout.tables import split_drawn_tables
from knowledge.language.normalize import fold
from knowledge.readers.base import Block, RawDocument

TEXT_FORMATS = ("txt", "md", "pdf", "pdf-ocr")
_LAYOUT_CUES = re.compile(r"cong hoa xa hoi|doc lap - tu do|dang cong san viet nam|^so\s*:?\s*\S*\d|noi nhan"
                          r"|ngay\s+\d{0,2}\s*thang|^(tm|kt|tl|q|t/m|k/t|t/l)[.\s]|^(uy ban|hoi dong|so |ban |tinh uy|dang uy)",
                          re.MULTILINE)
_NUMERIC = re.compile(r"^[\d\s.,/()%-]*$")


@dataclass
class Table:
    """A table of data: its column headers (when the first row is one) and its rows."""

    header: Optional[tuple[str, ...]]
    rows: list[tuple[str, ...]] = field(default_factory=list)


Unit = Union[Paragraph, Table]


def assemble(raw: RawDocument) -> list[Unit]:
    """The document's paragraphs and tables, in reading order."""
    blocks = raw.blocks
    if raw.source_format in ("txt", "md"):
        lines = [line for block in blocks for line in block.lines]
        blocks = split_drawn_tables(strip_web_furniture(lines))
    elif raw.source_format in ("pdf", "pdf-ocr"):
        pages = strip_page_furniture(blocks)
        lines = [line for page in pages for line in (*page.lines, "")]
        blocks = split_drawn_tables(strip_web_furniture(lines))
    wraps = WrapModel(line for block in blocks for line in block.lines)
    units: list[Unit] = []
    run: list[Paragraph] = []

    def flush() -> None:
        units.extend(join_page_breaks(run) if raw.source_format in TEXT_FORMATS else run)
        run.clear()

    for block in blocks:
        if block.is_table:
            cells = [[_cell_paragraphs(c, wraps) for c in row] for row in block.rows]
            if _is_layout_table(cells):
                for row in cells:
                    for cell in row:
                        run.extend(cell)
                continue
            flush()
            units.append(_data_table(cells))
        else:
            run.extend(reflow(list(block.lines), wraps))
            if raw.source_format not in TEXT_FORMATS:
                flush()
    flush()
    return [u for u in units if not isinstance(u, Table) or u.rows]


def _cell_paragraphs(cell: str, wraps: WrapModel) -> list[Paragraph]:
    return reflow(cell.split("\n"), wraps) if cell.strip() else []


def _is_layout_table(cells: list[list[list[Paragraph]]]) -> bool:
    """A table that places a header or a signature, or a one-column frame around text."""
    columns = max((len(r) for r in cells), default=0)
    if columns <= 1:
        return True
    if len(cells) > 3 or columns > 3:
        return False
    text = "\n".join(fold(p.text) for row in cells for cell in row for p in cell)
    return bool(_LAYOUT_CUES.search(text)) or any(
        SIGN_ROLE.match(p.text) or RECIPIENTS.match(p.text) for row in cells for cell in row for p in cell)


def _data_table(cells: list[list[list[Paragraph]]]) -> Table:
    rows = [tuple("\n".join(p.text for p in cell) for cell in row) for row in cells]
    rows = [r for r in rows if any(c.strip() and c.strip() not in ("…", "...") for c in r)]
    if not rows:
        return Table(header=None, rows=[])
    first = rows[0]
    is_header = all(c.strip() for c in first) and not any(_NUMERIC.match(c) for c in first) and \
        max(len(c) for c in first) <= 80
    return Table(header=first if is_header else None, rows=rows[1:] if is_header else rows)
