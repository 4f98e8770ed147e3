"""Passages sized for answering: a whole paragraph, item or table row, with its context.

A passage's ``text`` is verbatim clean text of the document (it is quoted to users);
``heading`` is the chain of section titles above it, given to the search channels as
context. A table row is written with its column headers ("Nhiệm vụ: …; Cơ quan chủ
trì: …"), as the document's clean text renders the table. Passage ids hash the
document, the section and the text, so a rebuild keeps the id of every unchanged passage.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Iterator, Optional, Sequence

from knowledge.documents import DocumentMeta
from knowledge.structure.parse import ParsedStructure
from knowledge.structure.sections import Section

MERGE_SHORT = 160   # paragraphs shorter than this are merged with their short neighbours
MERGE_LIMIT = 600   # … up to this many characters
SPLIT_OVER = 900    # longer paragraphs are cut at sentence ends into windows
WINDOW = 600
CELL_MAX = 400      # a longer cell is cut (at a sentence end) in a row passage

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=\S)")
_SEMICOLON = re.compile(r"(?<=;)\s+")       # a sentence longer than SPLIT_OVER: at its semicolons
_CLAUSE_BREAK = re.compile(r"(?<=,)\s+")    # … and one longer than SENTENCE_MAX at its commas
SENTENCE_MAX = 1000
# The preamble's recitals and enacting formula ("Căn cứ Luật …", "Theo đề nghị của …",
# "Ủy ban nhân dân tỉnh … ban hành Quyết định …"): the legal basis, not the content.
RECITAL = re.compile(r"^(Căn cứ (Luật|Bộ luật|Hiến pháp|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Công văn"
                     r"|Văn bản|Thông báo|Kết luận|Chương trình|Pháp lệnh|Hướng dẫn|Đề án|Tờ trình|Quy chế|Quy định)"
                     r"|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Thực hiện (Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Thông báo"
                     r"|Công văn|Kết luận|Chương trình)|(Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Chủ tịch)[^.;]{0,80}"
                     r" ban hành (Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Quy chế|Quy định))")
_INDEX_HEADER = re.compile(r"^\W*(s\W*tt|tt|số\s*tt|số\s*thứ\s*tự|stt)\W*$", re.IGNORECASE)


def context_text(heading: Sequence[str], text: str) -> str:
    """Heading chain then text: what the search channels see of a passage."""
    return "\n".join([*heading, text])


@dataclass(frozen=True)
class Passage:
    """One retrievable, quotable unit of a document."""

    passage_id: str
    doc_id: str
    province: Optional[str]
    kind: str
    role: str               # body, row, recital, header, card, signature or recipients
    section: str            # path such as "I.2.6[2]", "Điều 5, khoản 2", "Phụ lục I, dòng 3"; "" for the preamble
    heading: tuple[str, ...]
    text: str
    doc_number: Optional[str] = None
    refers_to: tuple[str, ...] = field(default_factory=tuple)
    areas: tuple[str, ...] = field(default_factory=tuple)  # province names a question may use for it
    doc_title: Optional[str] = None  # the document's title: the words a question may name it by

    def context_text(self) -> str:
        return context_text(self.heading, self.text)

    def to_dict(self) -> dict:
        return asdict(self)


def sentences(text: str) -> list[str]:
    """Sentences: cut after "." or ";" where the next one starts with a capital, a digit, a
    bracket, a quote or a list mark (never before a word in lower case)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if out and not (piece[:1].isupper() or piece[:1].isdigit() or piece[:1] in "“\"(+-–•"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _split_long(sentence: str) -> list[str]:
    """A sentence too long for one passage, at its semicolons; only one that is far too
    long (a whole list in one sentence) also at its commas."""
    if len(sentence) <= SPLIT_OVER:
        return [sentence]
    parts = _SEMICOLON.split(sentence)
    return [c for p in parts for c in (_CLAUSE_BREAK.split(p) if len(p) > SENTENCE_MAX else [p])]


def _windows(paragraph: str) -> list[str]:
    """Cut a long paragraph at sentence ends into pieces of about WINDOW characters."""
    if len(paragraph) <= SPLIT_OVER:
        return [paragraph]
    pieces, current = [], ""
    sentences_ = [part for sentence in sentences(paragraph) for part in _split_long(sentence)]
    for sentence in sentences_:
        if current and len(current) + len(sentence) + 1 > WINDOW:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def _group(paragraphs: list[str]) -> list[str]:
    """Merge runs of short paragraphs (title blocks, place-and-date lines) into one."""
    groups: list[str] = []
    for para in paragraphs:
        if (groups and len(para) < MERGE_SHORT and len(groups[-1]) < MERGE_LIMIT
                and len(groups[-1].rsplit("\n", 1)[-1]) < MERGE_SHORT):
            groups[-1] = f"{groups[-1]}\n{para}"
        else:
            groups.append(para)
    return [piece for group in groups for piece in _windows(group)]


def _cell(text: str) -> str:
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    text = text if text.endswith(("...", "…", "./.")) else text.rstrip(" .;")
    if len(text) <= CELL_MAX:
        return text
    cut = text[:CELL_MAX]
    end = max(cut.rfind(". "), cut.rfind("; "))
    return (cut[:end + 1] if end > CELL_MAX // 2 else cut.rsplit(" ", 1)[0]) + " …"


def row_text(header: Optional[tuple[str, ...]], row: tuple[str, ...]) -> str:
    """A table row as a sentence of "column: value" pairs (the number column left out)."""
    parts = []
    for i, cell in enumerate(row):
        value = _cell(cell)
        if not value:
            continue
        name = _cell(header[i]) if header and i < len(header) else ""
        if name and _INDEX_HEADER.match(name):
            continue
        parts.append(f"{name}: {value}" if name else value)
    return "; ".join(parts)


def _is_group_row(header: Optional[tuple[str, ...]], row: tuple[str, ...]) -> bool:
    """"I | Kinh tế số |  |": a row that heads the rows below it, not data."""
    filled = [c for c in row if c.strip()]
    columns = len(header) if header else len(row)
    if columns < 3 or not filled or len(filled) > 2:
        return False
    return len(filled) == 1 or bool(re.match(r"^\W*([IVX]{1,5}|[A-ZĐ])\W*$", filled[0]))


def table_rows(node: Section) -> Iterator[tuple[str, list[str], str, tuple[str, ...]]]:
    """(path, extra headings, text, cells) of each data row of a table node."""
    owner = node.parent
    tables = [c for c in owner.children if c.kind == "table"] if owner else [node]
    prefix = owner.path if owner and owner.path else ""
    if len(tables) > 1:
        prefix = f"{prefix}, bảng {node.label}" if prefix else f"bảng {node.label}"
    group: list[str] = []
    line = 0
    for row in node.rows:
        if _is_group_row(node.header, row):
            group = [" ".join(c.strip() for c in row if c.strip())]
            continue
        text = row_text(node.header, row)
        if not text:
            continue
        line += 1
        yield (f"{prefix}, dòng {line}" if prefix else f"dòng {line}"), group, text, row


def card_text(meta: DocumentMeta) -> str:
    """A sentence stating what the metadata says about the document, for search and citation."""
    parts = [meta.label]
    if meta.number:
        parts.append(f"số {meta.number}")
    if meta.date:
        parts.append(f"ngày {meta.date_text} ({meta.date.day} tháng {meta.date.month} năm {meta.date.year})")
    if meta.issuing_body:
        parts.append(f"của {meta.issuing_body}")
    text = " ".join(parts)
    if meta.title:
        text += f": {meta.title}"
    details = []
    if meta.province:
        details.append(f"Tỉnh: {meta.province_label}")
    if meta.period:
        details.append(f"Giai đoạn: {meta.period}")
    if not meta.number:
        details.append("Văn bản không ghi số")
    if not meta.date:
        details.append("Văn bản không ghi ngày ban hành")
    if meta.signer:
        details.append(f"Người ký: {meta.signer}" + (f" ({meta.signer_role})" if meta.signer_role else ""))
    return ". ".join([text, *details]) + "."


def passage_id(doc_id: str, section: str, text: str, taken: set[str]) -> str:
    """A content hash: the same text at the same place keeps its id across rebuilds."""
    digest = hashlib.sha1(f"{section}\n{text}".encode("utf-8")).hexdigest()[:12]
    pid, n = f"{doc_id}#{digest}", 1
    while pid in taken:
        n += 1
        pid = f"{doc_id}#{digest}-{n}"
    taken.add(pid)
    return pid


def build_passages(meta: DocumentMeta, structure: ParsedStructure, header_lines: Sequence[str] = ()) -> list[Passage]:
    """All passages of one document: card, header, body (section by section, table rows),
    recipients, signatures."""
    out: list[Passage] = []
    taken: set[str] = set()
    areas = tuple(meta.areas)

    def add(role: str, section: str, heading: Sequence[str], text: str) -> None:
        out.append(Passage(
            passage_id=passage_id(meta.id, section, text, taken), doc_id=meta.id, province=meta.province,
            kind=meta.kind, role=role, section=section, heading=tuple(heading), text=text,
            doc_number=meta.number, refers_to=tuple(meta.refers_to), areas=areas, doc_title=meta.title,
        ))

    add("card", "", ["Thông tin văn bản"], card_text(meta))
    if header_lines:
        add("header", "", [meta.title or meta.label], "\n".join(header_lines))
    for node in structure.root.walk():
        heading = node.heading_chain()
        if node.kind == "root" and meta.title:
            heading = [meta.title]
        if node.kind == "table":
            for path, group, text, _cells in table_rows(node):
                add("row", path, [*heading, *group], text)
            continue
        for text in _group(node.paragraphs):
            add("recital" if node.kind == "root" and RECITAL.match(text) else "body", node.path, heading, text)
    if structure.recipients:
        add("recipients", "", ["Nơi nhận"], "\n".join(structure.recipients))
    for block in structure.signatures:
        add("signature", "", [f"Người ký {meta.label.lower()}" + (f" số {meta.number}" if meta.number else "")],
            block.text)
    return out
