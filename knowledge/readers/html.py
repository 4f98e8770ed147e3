"""Saved web pages (.html, .htm): the page's text blocks and tables, scripts and menus left out.

lxml parses the page; block elements (p, div, li, h1–h6, td …) end paragraphs, <br>
ends a line, and whitespace inside an element is collapsed as a browser does. Where the
page marks its main content (<main>, <article>, an element whose id or class says
content), only that part is read.
"""
from __future__ import annotations

import re
from pathlib import Path

from knowledge.readers.base import Block, RawDocument, UnreadableSourceError
from knowledge.readers.text import decode

_BLOCK_TAGS = frozenset("p div li h1 h2 h3 h4 h5 h6 section article header footer blockquote pre dt dd tr ul ol "
                        "center".split())
_SKIP_TAGS = frozenset("script style noscript nav form button select option iframe svg head template".split())
_CONTENT_HINT = re.compile(r"content|noidung|noi-dung|vanban|van-ban|toanvan|detail|main|article", re.I)
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def read_html(path: Path) -> RawDocument:
    import lxml.html

    text = decode(path.read_bytes(), path.name)
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise UnreadableSourceError(f"{path.name}: not a readable HTML page ({exc})") from exc
    main = _main_content(root)
    blocks: list[Block] = []
    lines: list[str] = [""]
    _walk(main, blocks, lines)
    _flush(blocks, lines)
    return RawDocument(blocks=blocks, source_format="html")


def _main_content(root):
    for xpath in ("//main", "//article"):
        found = root.xpath(xpath)
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    candidates = [e for e in root.iter() if isinstance(e.tag, str) and _CONTENT_HINT.search(
        f"{e.get('id', '')} {e.get('class', '')}")]
    body = root.find("body") if root.find("body") is not None else root
    total = len(body.text_content())
    good = [e for e in candidates if len(e.text_content()) >= 0.5 * total]
    return min(good, key=lambda e: len(e.text_content())) if good else body


def _flush(blocks: list[Block], lines: list[str]) -> None:
    kept = [_SPACES.sub(" ", l).strip() for l in lines]
    kept = [l for l in kept if l]
    if kept:
        blocks.append(Block(lines=tuple(kept), wrapped=False))
    lines.clear()
    lines.append("")


def _walk(element, blocks: list[Block], lines: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP_TAGS:
        _tail(element, lines)
        return
    if tag == "table":
        _flush(blocks, lines)
        rows = []
        for tr in element.iter("tr"):
            cells = tuple("\n".join(_cell_lines(td)) for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th"))
            if cells:
                rows.append(cells)
        if rows:
            blocks.append(Block(rows=tuple(rows)))
        _tail(element, lines)
        return
    if tag == "br":
        lines.append("")
        _tail(element, lines)
        return
    block = tag in _BLOCK_TAGS
    if block:
        _flush(blocks, lines)
    if element.text:
        lines[-1] += element.text
    for child in element:
        _walk(child, blocks, lines)
    if block:
        _flush(blocks, lines)
    _tail(element, lines)


def _tail(element, lines: list[str]) -> None:
    if element.tail:
        lines[-1] += element.tail


def _cell_lines(cell) -> list[str]:
    """A cell's paragraphs (its <p>, <br> and <div> breaks), whitespace collapsed."""
    blocks: list[Block] = []
    lines: list[str] = [""]
    _walk(cell, blocks, lines)
    _flush(blocks, lines)
    return [line for block in blocks for line in block.lines]
