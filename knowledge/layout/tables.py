"""Tables drawn with pipes in text, made into rows of cells.

Two pipe styles arrive in practice. Markdown tables put a row on one line
(``| Nhiệm vụ | Chủ trì |`` with a ``|---|---|`` rule). Converters of web pages write
each cell on its own lines and close it with a lone ``|`` line, a row being ``|``,
then its cells, each followed by ``|``: between two rows sits an empty gap. The number
of columns is read from the first row (a header row has no empty cell) and checked
against every gap, so a table ends where text that is not a cell begins.
"""
from __future__ import annotations

import re
from typing import Optional

from knowledge.layout.residue import clean_line
from knowledge.readers.base import Block

_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PIPE = re.compile(r"^\s*\|\s*$")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_EMPTY_CELL = re.compile(r"^[\s*_]*$")
_INDEX_HEADER = re.compile(r"^\W*(s\W*tt|tt|số\s*tt|số\s*thứ\s*tự|stt)\W*$", re.IGNORECASE)
_INDEX = re.compile(r"^\W*(\d{1,3}|[IVX]{1,5}|[A-ZĐ]|[A-ZĐ]\d{1,2}|Bước\s*\d{1,2})\W*$")
_NOT_HEADER = re.compile(r"^\s*[-+•]\s|nơi nhận|^\W*(TM|KT|TL|T/M|K/T)[.\s]", re.IGNORECASE | re.MULTILINE)


def split_drawn_tables(lines: list[str]) -> list[Block]:
    """Text blocks (runs between blank lines) and tables, in order."""
    blocks: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            blocks.append(Block(lines=tuple(run)))
            run.clear()

    i = 0
    while i < len(lines):
        if _MD_ROW.match(lines[i]) and not _PIPE.match(lines[i]):
            j = i
            while j < len(lines) and (_MD_ROW.match(lines[j]) or _MD_RULE.match(lines[j])) and not _PIPE.match(lines[j]):
                j += 1
            rows = _markdown_rows(lines[i:j])
            if rows:
                flush()
                blocks.append(Block(rows=rows))
                i = j
                continue
        if _PIPE.match(lines[i]):
            prefix, table, used = _pipe_table(lines, i)
            if table:
                flush()
                blocks.extend(Block(lines=tuple(text.split("\n"))) for text in prefix)
                blocks.append(Block(rows=table))
                i += used
                continue
            i += 1  # a lone pipe that draws nothing: a border
            flush()
            continue
        if lines[i].strip():
            run.append(lines[i])
        else:
            flush()
        i += 1
    flush()
    return blocks


def _markdown_rows(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    rows = []
    for line in lines:
        if _MD_RULE.match(line):
            continue
        cells = [_BR.sub("\n", c).strip() for c in line.strip().strip("|").split("|")]
        rows.append(tuple(cells))
    return tuple(rows) if len(rows) >= 1 and max(len(r) for r in rows) >= 2 else ()


def _segments(lines: list[str], start: int) -> tuple[list[list[str]], list[int]]:
    """Cell texts between consecutive pipe lines from ``start`` (a pipe line) on, and the
    index just after each segment's closing pipe. Stops at a blank-line gap of two."""
    segments: list[list[str]] = []
    ends: list[int] = []
    current: list[str] = []
    blanks = 0
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if _PIPE.match(line):
            segments.append(current)
            ends.append(i + 1)
            current = []
            blanks = 0
        elif not line.strip():
            blanks += 1
            if blanks >= 2 and not current:
                break
        else:
            current.append(line)
        i += 1
    return segments, ends


def _is_empty(segment: list[str]) -> bool:
    return all(_EMPTY_CELL.match(line) for line in segment)


def _plausible_header(row: tuple[str, ...]) -> bool:
    """Column headers are short labels, not lists, recipients or signatures."""
    return all(len(cell) <= 80 and not _NOT_HEADER.search(cell) for cell in row)


def _rows_from(segments: list[list[str]], ends: list[int], first: int, columns: int) -> tuple[list[tuple[str, ...]], int]:
    """Rows of ``columns`` cells from segment ``first`` on, while every gap between rows is
    empty; and the index of the last segment used (its closing pipe)."""
    rows: list[tuple[str, ...]] = []
    last = first - 1
    i = first
    while i + columns <= len(segments):
        rows.append(tuple("\n".join(c) for c in segments[i:i + columns]))
        last = i + columns - 1
        gap = i + columns
        if gap >= len(segments) or not _is_empty(segments[gap]):
            break  # text after the row's closing pipe: the table ends here
        last = gap
        i = gap + 1
    return rows, last


def _indexed_rows(segments: list[list[str]], start: int, columns: int) -> tuple[list[tuple[str, ...]], int]:
    """Rows of a table whose first column numbers them (TT, STT), from segment ``start``.

    A row starts with its number after an empty segment; it may hold fewer cells than the
    header (a cell merged down from the row above) but never more. Segments before the
    first number are a second header row and are skipped.
    """
    i = start
    sub_header = 0
    while i < len(segments) and not _INDEX.match(clean_line(" ".join(segments[i]))):
        if not _is_empty(segments[i]):
            sub_header += 1
            if i - start > 2 * columns:
                return [], start - 1
        i += 1
    columns += max(0, sub_header - 1)  # a header cell split in two below it
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    last = i - 1
    previous_number: Optional[int] = None
    while i < len(segments):
        text = "\n".join(segments[i])
        empty = _is_empty(segments[i])
        if not empty and _INDEX.match(clean_line(text.replace("\n", " "))) and (not row or _is_empty_text(row[-1])) and \
                (not row or len(row) >= columns or _follows(previous_number, text)):
            if row:
                rows.append(_trimmed(row))
            row = [text]
            previous_number = _number(text) if _number(text) is not None else previous_number
        elif row and _is_empty_text(row[-1]) and _continues_row(row, text, segments, i, columns, previous_number):
            rows.append(_trimmed(row))  # a row under the same number (its number cell merged down)
            row = ["", text]
        elif empty or len(row) < columns:
            row.append(text)
        else:
            break  # more cells than the header has: text after the table
        last = i
        i += 1
    if row:
        rows.append(_trimmed(row))
    while last >= start and _is_empty(segments[last]) and last + 1 < len(segments) and \
            not _is_empty(segments[last + 1]):
        last -= 1
    return rows, last


def _continues_row(row: list[str], text: str, segments: list[list[str]], i: int, columns: int,
                   previous: Optional[int]) -> bool:
    """A row with no number of its own (its number cell is merged down from the row above):
    after a full row, or after a row of several cells when a long text (a task, not a mark
    such as "x") starts anew."""
    filled = sum(1 for c in row if not _is_empty_text(c))
    if len(row) > columns:
        return _numbering_goes_on(segments, i, columns, previous)
    return filled >= 3 and len(clean_line(text.replace("\n", " "))) >= 40


def _numbering_goes_on(segments: list[list[str]], i: int, columns: int, previous: Optional[int]) -> bool:
    """Whether the next numbered row, within one row's reach of segment ``i``, continues the count."""
    for j in range(i + 1, min(len(segments), i + 2 * columns + 2)):
        text = clean_line(" ".join(segments[j]))
        if _is_empty(segments[j - 1]) and _INDEX.match(text):
            number = _number(text)
            return previous is not None and number == previous + 1
    return False


def _is_empty_text(text: str) -> bool:
    return all(_EMPTY_CELL.match(line) for line in text.split("\n"))


def _trimmed(row: list[str]) -> tuple[str, ...]:
    while row and _is_empty_text(row[-1]):
        row = row[:-1]
    return tuple(row)


def _number(text: str) -> Optional[int]:
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else None


def _follows(previous: Optional[int], text: str) -> bool:
    """The next number of the count, or a group label (I, II, A, B) that restarts it."""
    number = _number(text)
    return number is None or previous is None or number in (previous + 1, 1)


def _pipe_table(lines: list[str], start: int) -> tuple[list[str], tuple[tuple[str, ...], ...], int]:
    """A cell-per-line table starting at the pipe line ``start``: the text segments that
    precede its first row (another table's last row run into it, or text between two
    tables), its rows, and the number of lines used.

    The first run of non-empty segments ends with the header row; how many of them are
    the header is the choice under which the most rows that follow parse with empty gaps.
    """
    segments, ends = _segments(lines, start)
    lead = 0
    while lead < len(segments) and _is_empty(segments[lead]):
        lead += 1
    run = 0
    while lead + run < len(segments) and not _is_empty(segments[lead + run]):
        run += 1
    if run == 0:
        return [], (), (ends[lead - 1] - start) if lead else 0
    best: Optional[tuple[tuple[bool, int, int], list[tuple[str, ...]], int]] = None
    for columns in range(run, 0, -1):
        first = lead + run - columns
        rows, last = _rows_from(segments, ends, first, columns)
        if _INDEX_HEADER.match(clean_line(rows[0][0])) and columns > 1:
            data, index_last = _indexed_rows(segments, first + columns + 1, columns)
            if len(data) + 1 > len(rows):
                rows, last = [rows[0], *data], index_last
        key = (_plausible_header(rows[0]), len(rows), columns)
        if best is None or key > best[0]:
            best = (key, rows, last)
    (_, _, columns), rows, last = best
    first = lead + run - columns
    prefix = ["\n".join(s) for s in segments[lead:first]]
    rows = [r for r in rows if any(c.strip() for c in r)]
    return prefix, tuple(rows), ends[last] - start
