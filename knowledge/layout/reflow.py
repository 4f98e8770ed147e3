"""Paragraphs rebuilt from hard-wrapped lines.

Text from a PDF or a converted web page is cut into lines of a fixed width. A line
continues the previous one unless one of these says otherwise:
- the previous line ends a sentence (. ; : ! ?) and the new one does not start in lower case;
- the new line starts a unit: an article, an item, a point, a bullet, a signature role;
- an emphasis span that opened the paragraph closes at the end of the previous line
  (a bold heading wrapped over two lines ends there);
- the case changes between a title in capitals and running text;
- a heading's title ends and running text starts on the next line: the previous line
  ends without punctuation, the new one starts with a capital, and the two words around
  the break never stand side by side inside a line of the document.
A line that ends with a function word ("của", "tại", "khoản") or a comma always continues.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from knowledge.language.normalize import fold, nfc
from knowledge.layout.markers import (ARTICLE, BULLET, CHAPTER, PART, ROMAN, SUBPART, is_appendix_heading, is_bare_marker,
                                      match_numbered, starts_unit)
from knowledge.layout.residue import clean_line

_SENTENCE_END = (".", ";", ":", "!", "?", "…", "./.")
# Words that cannot end a paragraph (compared with their diacritics: "số" dangles, "sơ" does not).
_DANGLING = frozenset(
    "và của các những với cho tại theo về trong trên từ đến để được là có do bởi khoản điểm điều số ngày tháng "
    "năm hoặc hay như thuộc gồm nhằm một cũng thì mà nếu khi giữa ở vào sau trước cấp tỉnh huyện xã ban sở "
    "quan người việc phải".split())
_DANGLING_STRICT = frozenset("và của các những với cho tại theo về trong trên từ đến để được là do bởi hoặc hay "
                             "như thuộc gồm nhằm giữa vào".split())
# Words that dangle only before a number ("khoản\n3 Điều 6", "ngày\n15 tháng 12"):
# "tài khoản", "chuyển đổi số", "hằng năm" end paragraphs.
_BEFORE_NUMBER = frozenset("khoản điểm điều số ngày tháng năm quý".split())
_NUMBER_START = re.compile(r"^[\dIVX]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Paragraph:
    """A rebuilt paragraph: clean text, and whether the whole of it was emphasised."""

    text: str
    emphasised: bool = False


class WrapModel:
    """Word pairs that stand side by side inside lines of this document: a line break
    between two such words is a wrap, not the end of a heading."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()
        for line in lines:
            words = [fold(w) for w in _WORD.findall(clean_line(line))]
            self.pairs.update(zip(words, words[1:]))

    def joined_inline(self, left: str, right: str) -> bool:
        a, b = _WORD.findall(left), _WORD.findall(right)
        return bool(a and b) and self.pairs[(fold(a[-1]), fold(b[0]))] > 0


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and len(line.split()) >= 2 and all(c.isupper() for c in letters)


def _last_word(line: str) -> str:
    words = _WORD.findall(line)
    return nfc(words[-1]).lower() if words else ""


def dangling(line: str, following: str = "") -> bool:
    """The line cannot end a paragraph: a comma, a dash, an open bracket or a function word
    (or "khoản", "ngày" … when the next line starts with the number they announce)."""
    stripped = line.rstrip()
    if stripped.endswith((",", "-", "–", "(", "&")):
        return True
    if stripped.endswith((".", ";", ":", "!", "?", ")", "”", "\"", "/")):
        return False
    last = _last_word(stripped)
    return last in _DANGLING_STRICT or (last in _BEFORE_NUMBER and bool(_NUMBER_START.match(following)))


def _is_heading_start(text: str) -> bool:
    return bool(ARTICLE.match(text) or CHAPTER.match(text) or SUBPART.match(text) or PART.match(text)
                or is_appendix_heading(text) or ROMAN.match(text) or match_numbered(text))


class _Span:
    """Emphasis marks of the paragraph being built: did a span open it, is it open now."""

    def __init__(self) -> None:
        self.opened_paragraph = False
        self.bold = 0
        self.italic = 0

    def start(self, raw: str) -> None:
        stripped = raw.strip()
        self.opened_paragraph = stripped.startswith(("*", "__"))
        self.bold = self.italic = 0
        self.feed(raw)

    def feed(self, raw: str) -> None:
        bold = raw.count("**")
        self.bold += bold
        self.italic += raw.replace("**", "").count("*")

    @property
    def open(self) -> bool:
        return self.bold % 2 == 1 or self.italic % 2 == 1

    def closes_at_end(self, raw: str) -> bool:
        return self.opened_paragraph and not self.open and raw.rstrip().endswith(("*", "__"))


def reflow(lines: list[str], wraps: WrapModel) -> list[Paragraph]:
    """The paragraphs of one block of hard-wrapped lines."""
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    raw_current: list[str] = []
    span = _Span()
    closed = False

    def flush() -> None:
        if current:
            text = " ".join(current)
            emphasised = span.opened_paragraph and raw_current[-1].rstrip().endswith(("*", "__"))
            paragraphs.append(Paragraph(text=text, emphasised=emphasised))
        current.clear()
        raw_current.clear()

    for raw in lines:
        line = clean_line(raw)
        if not line:
            if raw.strip() and raw.strip().strip("*_") == "" and current:
                span.feed(raw)  # a lone "**" closing a bold span: the paragraph ends here
                if not span.open:
                    closed = True
            continue
        inside_span = span.opened_paragraph and span.open and len(current) < 4
        if current and (closed or (not inside_span and _breaks(" ".join(current), current[-1], line, raw, wraps,
                                                                span.opened_paragraph))):
            flush()
            closed = False
        if not current:
            span.start(raw)
        else:
            span.feed(raw)
        current.append(line)
        raw_current.append(raw)
        if span.closes_at_end(raw) and not dangling(line):
            closed = True
    flush()
    return paragraphs


def _breaks(paragraph: str, previous: str, line: str, raw: str, wraps: WrapModel,
            span_opened_paragraph: bool = False) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous`` (the paragraph so far)."""
    if is_bare_marker(paragraph):
        return False
    starts_lower = line[:1].islower()
    if dangling(previous, line) and (previous.rstrip().endswith((",", "-", "–", "(", "/", "&"))
                                     or not starts_unit(line) or BULLET.match(line)):
        return False
    if starts_unit(line) and not (starts_lower and not _marker_lower_ok(line)):
        return True
    if previous.rstrip().endswith(_SENTENCE_END) and not starts_lower:
        return True
    if starts_lower:
        return False
    if raw.lstrip().startswith("**") and not span_opened_paragraph:
        return True  # emphasis starts anew: a heading or title line after plain text
    if _is_upper(previous) != _is_upper(line):
        return True
    if (_is_heading_start(paragraph) and len(paragraph) < 200 and not _is_upper(line)
            and _last_word(previous) not in _DANGLING and not wraps.joined_inline(previous, line)):
        return True
    return False


def _marker_lower_ok(line: str) -> bool:
    """Lettered points ("a) …") start in lower case by their label and still start a unit."""
    return bool(re.match(r"^[a-zđ][).]", line)) or bool(re.match(r"^\([a-zđ\d]", line))


def join_page_breaks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A blank line or a page break cut a sentence: no closing punctuation, next part in lower case."""
    out: list[Paragraph] = []
    for para in paragraphs:
        if out and _continues(out[-1].text, para.text):
            out[-1] = Paragraph(text=f"{out[-1].text} {para.text}", emphasised=out[-1].emphasised)
        else:
            out.append(para)
    return out


def _continues(previous: str, following: str) -> bool:
    return (not previous.endswith((*_SENTENCE_END, ")", "”", "\""))
            and following[:1].islower()
            and not _is_upper(previous)
            and not re.match(r"^[a-zđ][).]\s", following))
