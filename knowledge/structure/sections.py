"""The section tree of a document, for every usual numbering of Vietnamese documents.

Legal style: Phần / Chương / Mục / Điều / khoản (1.) / điểm (a)). Outline style: I., II-;
1., 2.1., 2.2.1.; (1) items; "-", "+" bullets. Appendices (PHỤ LỤC I) and documents
attached after the signature (a QUY CHẾ "ban hành kèm theo") are containers with their
own numbering; tables are nodes whose rows become passages. Every paragraph lands in
exactly one node, so every passage knows its path ("Điều 5, khoản 2, điểm b",
"I.2.6[2]", "Phụ lục I, dòng 3") and its heading chain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from knowledge.layout.markers import (APPENDIX, ARTICLE, BULLET, CHAPTER, ITEM, PART, ROMAN, SUBPART,
                                      is_appendix_heading, match_letter, match_numbered)

TITLE_MAX = 200
CONTAINERS = ("attachment", "appendix", "phan")


@dataclass
class Section:
    """A node of the tree. ``kind`` is one of RANK's keys."""

    kind: str
    label: str
    title: str
    path: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    parent: Optional["Section"] = field(default=None, repr=False, compare=False)
    header: Optional[tuple[str, ...]] = None          # a table's column headers
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def heading_chain(self) -> list[str]:
        """Titles from the top container down to this node (root, bullets and tables excluded):
        "Chương II. …", "Điều 9. …", "3. …", "a) …"."""
        chain, node = [], self
        while node is not None and node.kind != "root":
            if node.kind not in ("bullet", "table") and node.title:
                chain.append(node.numbered_title())
            node = node.parent
        return chain[::-1]

    def numbered_title(self) -> str:
        if not self.label or self.title.startswith(self.label) or self.kind == "attachment":
            return self.title
        prefix = {"dieu": "Điều ", "chuong": "Chương ", "phan": "Phần ", "muc": "Mục ", "appendix": "Phụ lục "}
        if self.kind in ("diem", "point"):
            return f"{self.label}) {self.title}"
        if self.kind == "item":
            return f"({self.label}) {self.title}"
        return f"{prefix.get(self.kind, '')}{self.label}. {self.title}"

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, path: str) -> Optional["Section"]:
        return next((s for s in self.walk() if s.path == path), None)

    def ancestor(self, *kinds: str) -> Optional["Section"]:
        node = self.parent
        while node is not None:
            if node.kind in kinds:
                return node
            node = node.parent
        return None


def split_heading(rest: str) -> tuple[str, str]:
    """(title, inline body) of a numbered paragraph such as "2.4. Về X: 100% cơ quan …"."""
    first_line = rest.split("\n", 1)[0]
    colon = first_line.find(":")
    if 0 < colon <= TITLE_MAX:
        return first_line[:colon].strip(), rest[colon + 1:].strip()
    if len(rest) <= TITLE_MAX:
        return rest.strip(), ""
    words = rest.split()
    return " ".join(words[:12]) + " …", rest


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def classify(para: str, inside_article: bool) -> Optional[Section]:
    """A new node for a heading, article, item or bullet paragraph; None for running text."""
    def node(kind: str, label: str, title: str, body: list[str]) -> Section:
        return Section(kind=kind, label=label, title=title, path="", level=0, paragraphs=body)

    m = ARTICLE.match(para)
    if m:
        title, body = split_heading(m["rest"])
        return node("dieu", m["label"], title, [para] if body or len(m["rest"]) > TITLE_MAX else [])
    m = CHAPTER.match(para)
    if m and (not m["rest"] or _is_upper(m["rest"][:60]) or m["rest"][:1].isupper()):
        return node("chuong", m["label"], m["rest"].strip(), [])
    m = SUBPART.match(para)
    if m and inside_article is False and (m["rest"] is None or m["rest"][:1].isupper()):
        return node("muc", m["label"], (m["rest"] or "").strip(), [])
    m = PART.match(para)
    if m and (m["rest"] == "" or _is_upper(m["rest"][:60])) and not para.lower().startswith("phần mềm"):
        return node("phan", m["label"], m["rest"].strip(), [])
    if is_appendix_heading(para):
        m = APPENDIX.match(para)
        return node("appendix", (m["label"] or "") if m else "", ((m["rest"] or "") if m else "").strip(), [])
    m = ROMAN.match(para)
    if m and m["rest"] and (m["rest"].split("\n", 1)[0].isupper() or _is_upper(m["rest"][:80])
                            or len(m["rest"]) <= 120 and not m["rest"].rstrip().endswith((".", ";"))):
        return node("part", m["label"], m["rest"].strip(), [])
    numbered = match_numbered(para)
    if numbered:
        label, rest = numbered
        title, body = split_heading(rest)
        # A numbered sentence ("3. Ban cán sự đảng … chỉ đạo …, theo dõi.") is content too.
        sentence = para.rstrip().endswith((".", ";", "./."))
        kind = "khoan" if inside_article and "." not in label else "section"
        return node(kind, label, title, [para] if body or sentence else [])
    m = ITEM.match(para)
    if m:
        title, _ = split_heading(m["rest"])
        return node("item", m["label"], title, [para])
    letter = match_letter(para)
    if letter:
        label, rest = letter
        title, _ = split_heading(rest) if rest else ("", "")
        return node("diem" if inside_article else "point", label, title, [para])
    m = BULLET.match(para)
    if m:
        return node("bullet", "", "", [para])
    return None


def path_of(parent: Section, node: Section) -> str:
    """The node's path from its parent's: legal numbering in words, outline numbering dotted."""
    base = parent.path
    joined = (lambda part: f"{base}, {part}" if base else part)
    if node.kind == "appendix":
        return f"Phụ lục {node.label}".strip()
    if node.kind == "attachment":
        return node.label
    if node.kind == "phan":
        return f"Phần {node.label}"
    if node.kind == "chuong":
        container = parent.path if parent.kind in CONTAINERS else ""
        return f"{container}, Chương {node.label}" if container else f"Chương {node.label}"
    if node.kind == "muc":
        return joined(f"Mục {node.label}")
    if node.kind == "dieu":
        container = next((a for a in _ancestors(parent) if a.kind in ("attachment", "appendix")), None)
        return f"{container.path}, Điều {node.label}" if container else f"Điều {node.label}"
    if node.kind == "khoan":
        return joined(f"khoản {node.label}")
    if node.kind == "diem":
        return joined(f"điểm {node.label}")
    if node.kind == "part":
        return joined(node.label) if parent.kind in CONTAINERS else node.label
    if node.kind == "section":
        part = next((a for a in _ancestors(parent) if a.kind == "part"), None)
        if part:
            return f"{part.path}.{node.label}"
        return joined(node.label) if parent.kind in CONTAINERS or parent.kind in ("chuong", "muc") else (
            f"{base}.{node.label}" if base and parent.kind == "section" else node.label)
    if node.kind == "point":
        return f"{base}.{node.label}" if base else node.label
    if node.kind == "item":
        return f"{base}({node.label})" if base else f"({node.label})"
    return base


def _ancestors(node: Optional[Section]) -> Iterator[Section]:
    while node is not None:
        yield node
        node = node.parent


# Which open nodes a new node of each kind may sit under (the stack is popped until one is on top).
_TOP = ("root", "attachment", "appendix")
PARENTS = {
    "attachment": ("root",), "appendix": ("root",),
    "phan": _TOP, "chuong": (*_TOP, "phan"), "muc": (*_TOP, "phan", "chuong"),
    "dieu": (*_TOP, "phan", "chuong", "muc"),
    "part": (*_TOP, "phan", "chuong", "muc"),
    "section": (*_TOP, "phan", "chuong", "muc", "part", "dieu"),
    "khoan": ("dieu",), "diem": ("khoan", "dieu"),
    "point": (*_TOP, "phan", "part", "section", "khoan", "dieu", "item"),
    "item": (*_TOP, "part", "section", "point", "khoan", "diem", "dieu"),
}


def attach(stack: list[Section], node: Section) -> None:
    """Put a node under its nearest possible ancestor and open it (a numbered section goes
    under the section its label extends: 2.1 under 2)."""
    allowed = PARENTS[node.kind]
    while len(stack) > 1:
        top = stack[-1]
        if node.kind == "section" and top.kind == "section":
            if node.label.startswith(top.label + "."):
                break
        elif top.kind in allowed:
            break
        stack.pop()
    parent = stack[-1]
    node.parent = parent
    node.level = parent.level + 1
    node.path = path_of(parent, node)
    parent.children.append(node)
    stack.append(node)


def add_bullet(owner: Section, para: str) -> None:
    """A bullet belongs to the open node; its path numbers it among its siblings."""
    ordinal = sum(1 for c in owner.children if c.kind == "bullet") + 1
    owner.children.append(Section(kind="bullet", label=str(ordinal), title="", level=owner.level + 1,
                                  path=f"{owner.path}[{ordinal}]" if owner.path else f"[{ordinal}]",
                                  paragraphs=[para], parent=owner))


def add_table(owner: Section, header: Optional[tuple[str, ...]], rows: list[tuple[str, ...]]) -> Section:
    ordinal = sum(1 for c in owner.children if c.kind == "table") + 1
    node = Section(kind="table", label=str(ordinal), title="", level=owner.level + 1, path=owner.path,
                   parent=owner, header=header, rows=rows)
    owner.children.append(node)
    return node


def container_title(lines: list[str]) -> str:
    """An appendix's or attachment's title from its heading lines."""
    return re.sub(r"\s+", " ", " ".join(lines)).strip()
