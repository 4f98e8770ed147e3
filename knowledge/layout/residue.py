"""Conversion residue: marks that drew the page and are not words of the document.

Cleaning keeps every word and its spelling (quotes must stay verbatim); it only removes
emphasis marks (``**bold**``, ``*italic*``, ``__underline__``), strike-through kept as
its text (``~~31~~`` → 31), rules (``-----``), table borders and spaces doubled by
the conversion.
"""
from __future__ import annotations

import re

_STRIKE = re.compile(r"~~\s*(.*?)\s*~~")
_BOLD_BETWEEN_WORDS = re.compile(r"(?<=\w)\*\*(?=\w)")
_EMPHASIS = re.compile(r"\*{1,3}")
_UNDERLINE = re.compile(r"(?<![\w/])__+|__+(?![\w/])")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_NUMBER_SLASH = re.compile(r"(\d) +/(?=\s*[\dA-ZĐ])")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.](?:\s|$))")
_RULE = re.compile(r"^[\s\-–—_=*~.|+#·•]*$")
_SPACES = re.compile(r"[ \t\u00a0\u200b\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_line(line: str) -> str:
    """One line without its markup; "" when nothing of the document is left."""
    line = _CONTROL.sub("", line)
    line = _STRIKE.sub(r"\1", line)
    line = _HEADING_MARK.sub("", line.strip())
    line = _BOLD_BETWEEN_WORDS.sub(" ", line)
    line = _EMPHASIS.sub("", line)
    line = _UNDERLINE.sub("", line)
    line = _NUMBER_SLASH.sub(r"\1/", line)
    line = _SPACES.sub(" ", line).strip()
    line = _SPACE_BEFORE_PUNCT.sub(r"\1", line)
    return "" if is_rule(line) else line


def is_rule(line: str) -> bool:
    """A line that only draws: dashes, underscores, stars, pipes."""
    return bool(_RULE.match(line))


def clean_paragraph(text: str) -> str:
    """A paragraph's lines cleaned and joined by single spaces."""
    return " ".join(part for part in (clean_line(l) for l in text.split("\n")) if part)
