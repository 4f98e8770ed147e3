"""From text as received to clean paragraphs.

The sources were converted from PDF/Word and web pages: they carry markdown residue
(``**bold**``, ``~~31~~``), page-break joins in the middle of a sentence and, for web
articles, page furniture after the article. Cleaning keeps every word of the document
and its own spelling (quotes must stay verbatim); it only removes that residue.
"""
from __future__ import annotations

import re

_STRIKE = re.compile(r"~~\s*(.*?)\s*~~")
_BOLD_BETWEEN_WORDS = re.compile(r"(?<=\w)\*\*(?=\w)")
_EMPHASIS = re.compile(r"\*{1,2}")
_NUMBER_SLASH = re.compile(r"(\d) +/(?=\s*[\dA-ZĐ])")
_ONLY_PUNCT = re.compile(r"^[\W_]*$")
_BLANK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")
_SENTENCE_END = tuple(".:;!?)”\"…")
# Web-page furniture: from one of these lines on, nothing belongs to the article.
_FURNITURE_START = re.compile(
    r"^(chia sẻ\s*:|bài viết cùng chuyên mục|bài viết mới|view counter|skip to content)",
    re.IGNORECASE,
)
# Lines that are links to files, not content.
_DOWNLOAD_LINE = re.compile(r"\(tải về\)\s*\.?$", re.IGNORECASE)


def _clean_line(line: str) -> str:
    line = _STRIKE.sub(r"\1", line)
    line = _BOLD_BETWEEN_WORDS.sub(" ", line)
    line = _EMPHASIS.sub("", line)
    line = _NUMBER_SLASH.sub(r"\1/", line)
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


def _drop_furniture(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if _FURNITURE_START.match(line.strip()):
            return lines[:i]
    return lines


def _continues(previous: str, following: str) -> bool:
    """A page break cut a sentence: no closing punctuation, next part starts lower-case."""
    last_line = previous.rsplit("\n", 1)[-1]
    return (
        not last_line.endswith(_SENTENCE_END)
        and following[:1].islower()
        and not last_line.isupper()
    )


def clean_paragraphs(text: str) -> list[str]:
    """Clean paragraphs (blank-line separated blocks; lines inside a block kept)."""
    lines = _drop_furniture(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    paragraphs: list[str] = []
    for block in _BLANK_SPLIT.split("\n".join(lines)):
        kept = [_clean_line(l) for l in block.split("\n")]
        kept = [l for l in kept if l and not _ONLY_PUNCT.match(l) and not _DOWNLOAD_LINE.search(l)]
        if not kept:
            continue
        paragraph = "\n".join(kept)
        if paragraphs and _continues(paragraphs[-1], paragraph):
            paragraphs[-1] = f"{paragraphs[-1]} {paragraph}"
        else:
            paragraphs.append(paragraph)
    return paragraphs


def clean_text(text: str) -> str:
    """The document's clean text: its paragraphs separated by blank lines."""
    return "\n\n".join(clean_paragraphs(text))
