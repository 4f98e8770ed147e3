"""What surrounds a document without being part of it.

- A web page wraps the document in its site's furniture: notices, a metadata box,
  related-documents lists, contact details. A Vietnamese official document starts with
  its issuer block, set beside the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
  or the Party's ("ĐẢNG CỘNG SẢN VIỆT NAM"): what comes before that block is furniture.
  The page after the document is recognised by the phrases such pages use.
- A PDF repeats a header or footer on every page and numbers its pages.
"""
from __future__ import annotations

import re
from collections import Counter

from knowledge.language.normalize import fold
from knowledge.readers.base import Block

HEADER_WINDOW = 400  # the motto of a real header sits within the first lines
_MOTTO = re.compile(r"cong\W+hoa\W+xa\W+hoi\W+chu\W+nghia\W+viet\W+nam|dang\W+cong\W+san\W+viet\W+nam")
# Phrases with which web pages start what follows a document (folded, any line wrap).
_TRAILER = re.compile(
    r"van ban nay chua cap nhat noi dung tieng anh|^#+\s*van ban lien quan|file duoc dinh\W+kem theo van ban"
    r"|^\W*chia se\s*:|^\W*bai viet cung chuyen muc|^\W*bai viet moi\W*$|^\W*view counter|^\W*skip to content"
    r"|^\W*tin lien quan\W*$|^\W*cac tin khac\W*$|^\W*luoc do\W*$",
    re.MULTILINE)
# A page's caption restating the document ("Quyết định 89/2025/QĐ-UBND phân cấp …").
_CAPTION = re.compile(r"^\W*(quyet dinh|nghi quyet|ke hoach|chi thi|cong van|thong bao|huong dan|bao cao|ket luan"
                      r"|chuong trinh|de an|quy che|quy dinh|thong tu|nghi dinh|luat)\s+\d+[^\s]*/")
_PIPE_OR_RULE = re.compile(r"^[\s|*_\-=#]*$")
_PAGE_NUMBER = re.compile(r"^\W*(trang\s*)?\d{1,3}(\s*/\s*\d{1,3})?\W*$", re.IGNORECASE)


def _joined(lines: list[str]) -> tuple[str, list[int]]:
    """The folded lines joined by newlines, and where each line starts in it."""
    starts, parts, at = [], [], 0
    for line in lines:
        starts.append(at)
        folded = fold(line.replace("*", " "))
        parts.append(folded)
        at += len(folded) + 1
    return "\n".join(parts), starts


def _line_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _is_upper_text(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _header_start(lines: list[str], motto_line: int) -> int:
    """The first line of the issuer block that stands beside the motto at ``motto_line``."""
    i = motto_line - 1
    while i >= 0 and _PIPE_OR_RULE.match(lines[i]) and "|" in lines[i]:
        i -= 1  # the pipe between the issuer's cell and the motto's
    seen_text = False
    while i >= 0:
        line = lines[i]
        if not line.strip():
            if seen_text:
                break
        elif _PIPE_OR_RULE.match(line):
            if "|" in line and seen_text:
                return i  # the pipe that opens the header table's row
        elif _is_upper_text(line.replace("*", "")):
            seen_text = True
        else:
            break
        i -= 1
    return i + 1


def strip_web_furniture(lines: list[str]) -> list[str]:
    """The document's own lines: from its issuer block to where the page's trailer starts."""
    text, starts = _joined(lines[:HEADER_WINDOW])
    start = 0
    motto = _MOTTO.search(text)
    if motto:
        motto_line = _line_at(starts, motto.start())
        start = _header_start(lines, motto_line)
        # the issuer may share the motto's line (a PDF laid out in two columns)
        if start > motto_line:
            start = motto_line
    end = len(lines)
    text, starts = _joined(lines[start:])
    trailer = _TRAILER.search(text)
    if trailer:
        end = start + _line_at(starts, trailer.start())
        while end > start and ((_PIPE_OR_RULE.match(lines[end - 1]) and "|" not in lines[end - 1])
                               or _CAPTION.match(fold(lines[end - 1]))):
            end -= 1
    return lines[start:end]


def _furniture_key(line: str, page: int) -> str:
    """The line as it repeats from page to page: its page number (if it prints one) masked."""
    return re.sub(rf"(?<!\d){page}(?!\d)", "#", fold(line))


def strip_page_furniture(pages: list[Block]) -> list[Block]:
    """PDF pages without their repeated headers and footers and their page numbers.

    A line counts as a running header or footer when, digits aside, it recurs among the
    first or last three lines of at least half the pages (and on at least two).
    """
    if len(pages) < 2:
        return [Block(lines=tuple(l for l in p.lines if not _PAGE_NUMBER.match(l)), page=p.page)
                for p in pages]
    edges: Counter[str] = Counter()
    for n, page in enumerate(pages, start=1):
        edges.update({_furniture_key(l, n) for l in (*page.lines[:3], *page.lines[-3:]) if l.strip()})
    repeated = {k for k, count in edges.items() if count >= max(2, len(pages) // 2)}
    out = []
    for n, page in enumerate(pages, start=1):
        lines = list(page.lines)
        edge = set(range(min(3, len(lines)))) | set(range(max(0, len(lines) - 3), len(lines)))
        kept = [l for i, l in enumerate(lines)
                if not (i in edge and (_furniture_key(l, n) in repeated or _PAGE_NUMBER.match(l)))]
        out.append(Block(lines=tuple(kept), page=page.page))
    return out
