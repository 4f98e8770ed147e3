"""Word documents (.docx): paragraphs and tables in the order the body holds them.

python-docx reads the body; a table's cells keep their paragraphs (a cell may hold a
header's two lines, "ỦY BAN NHÂN DÂN" over "TỈNH ĐẮK LẮK"). A merged cell is read
once per row it covers, so its text is kept only where it starts.
"""
from __future__ import annotations

from pathlib import Path

from knowledge.readers.base import Block, RawDocument, UnreadableSourceError


def read_docx(path: Path) -> RawDocument:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableSourceError(f"{path.name}: not a readable .docx file ({exc})") from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for row in item.rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a cell merged across columns appears once per column
                    seen.add(id(cell._tc))
                    cells.append("\n".join(p.text for p in cell.paragraphs))
                rows.append(tuple(cells))
            if rows:
                blocks.append(Block(rows=tuple(rows)))
        elif item.text.strip():
            blocks.append(Block(lines=tuple(item.text.split("\n")), wrapped=False))
    return RawDocument(blocks=blocks, source_format="docx")
