"""The section tree of a document: I./II- parts, 1./2.1./2.2.1. sections, (1) items, bullets.

Every paragraph lands in exactly one node, so every passage knows its path ("I.2.6")
and its heading chain. Signature and "Nơi nhận" (distribution list) blocks are
recognised here too, since they sit outside the numbered structure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

_ROMAN = re.compile(r"^(?P<label>[IVX]{1,4})\s*[.\-–]\s*(?P<rest>\S.*)$", re.S)
_NUMBERED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*)\s*[.\-–]\s*(?P<rest>\D.*)$", re.S)
_ITEM = re.compile(r"^\((?P<label>\d{1,2})\)\.?\s*(?P<rest>\S.*)$", re.S)
_BULLET = re.compile(r"^[-–•+]\s*(?P<rest>\S.*)$", re.S)
_SIGN_ROLE = re.compile(r"^(T/M|T/L|K/T|TM\.|KT\.|TL\.|Q\.)\s", re.I)
_RECIPIENTS = re.compile(r"^nơi nhận\s*:", re.I)
_RECIPIENT_LINE = re.compile(r"^([-–+]|bản |gửi )", re.I)
TITLE_MAX = 200


@dataclass
class Section:
    """A node of the tree. ``kind`` is root, part, section, item or bullet."""

    kind: str
    label: str
    title: str
    path: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    parent: Optional["Section"] = field(default=None, repr=False, compare=False)

    def heading_chain(self) -> list[str]:
        """Titles from the top part down to this node (root and bullets excluded)."""
        chain, node = [], self
        while node is not None and node.kind != "root":
            if node.kind != "bullet" and node.title:
                chain.append(f"{node.label}. {node.title}" if node.label else node.title)
            node = node.parent
        return chain[::-1]

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, path: str) -> Optional["Section"]:
        return next((s for s in self.walk() if s.path == path), None)


@dataclass
class SignatureBlock:
    role: Optional[str]
    name: Optional[str]
    text: str


@dataclass
class ParsedStructure:
    root: Section
    recipients: list[str]
    signatures: list[SignatureBlock]


def is_person_name(line: str) -> bool:
    """2–5 capitalised words and nothing else: how a signer's name stands alone."""
    words = line.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and (len(w) == 1 or w[1:].islower()) and w.isalpha() for w in words)


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


def _attach(stack: list[Section], node: Section) -> None:
    """Put a numbered node under its nearest ancestor (its label prefix, else the part)."""
    while len(stack) > 1:
        top = stack[-1]
        if node.kind == "section" and top.kind == "section" and node.label.startswith(top.label + "."):
            break
        if node.kind == "section" and top.kind == "part":
            break
        if node.kind == "item" and top.kind == "section":
            break
        stack.pop()
    parent = stack[-1]
    node.parent = parent
    node.level = parent.level + 1
    node.path = _path(parent, node)
    parent.children.append(node)
    stack.append(node)


def _path(parent: Section, node: Section) -> str:
    if node.kind == "part":
        return node.label
    if node.kind == "section":
        part = next((a for a in _ancestors(parent) if a.kind == "part"), None)
        return f"{part.label}.{node.label}" if part else node.label
    return f"{parent.path}({node.label})" if parent.path else f"({node.label})"


def _ancestors(node: Section) -> Iterator[Section]:
    while node is not None:
        yield node
        node = node.parent


def parse_structure(paragraphs: list[str]) -> ParsedStructure:
    """Build the section tree, and pull out recipients and signature blocks."""
    root = Section(kind="root", label="", title="", path="", level=0)
    stack: list[Section] = [root]
    recipients: list[str] = []
    signatures: list[SignatureBlock] = []
    in_recipients = False
    pending_role: Optional[str] = None
    for para in paragraphs:
        first = para.split("\n", 1)[0]
        if _RECIPIENTS.match(first):
            in_recipients = True
            recipients.append(para)
            continue
        if in_recipients and _RECIPIENT_LINE.match(first):
            recipients.append(para)
            continue
        in_recipients = False
        if _SIGN_ROLE.match(first):
            pending_role = ", ".join(line.strip() for line in para.split("\n"))
            continue
        if is_person_name(para) and (pending_role or recipients):
            signatures.append(SignatureBlock(role=pending_role, name=para,
                                             text=f"{pending_role}\n{para}" if pending_role else para))
            pending_role = None
            continue
        node = _classify(para)
        if node is None:
            stack[-1].paragraphs.append(para)
            continue
        if node.kind == "part":
            del stack[1:]
        if node.kind == "bullet":
            owner = stack[-1]
            node.parent, node.level = owner, owner.level + 1
            ordinal = sum(1 for c in owner.children if c.kind == "bullet") + 1
            node.label = str(ordinal)
            node.path = f"{owner.path}[{ordinal}]" if owner.path else f"[{ordinal}]"
            owner.children.append(node)
            continue
        _attach(stack, node)
    if pending_role:
        signatures.append(SignatureBlock(role=pending_role, name=None, text=pending_role))
    return ParsedStructure(root=root, recipients=recipients, signatures=signatures)


def _classify(para: str) -> Optional[Section]:
    """A new node for a heading, item or bullet paragraph; None for running text."""
    m = _ROMAN.match(para)
    if m and m["rest"].split("\n", 1)[0].isupper():
        return Section(kind="part", label=m["label"], title=m["rest"].strip(), path="", level=1,
                       paragraphs=[])
    m = _NUMBERED.match(para)
    if m:
        title, body = split_heading(m["rest"])
        # A numbered sentence ("3. Ban cán sự đảng … chỉ đạo …, theo dõi.") is content too.
        sentence = para.rstrip().endswith((".", ";", "./."))
        return Section(kind="section", label=m["label"], title=title, path="", level=0,
                       paragraphs=[para] if body or sentence else [])
    m = _ITEM.match(para)
    if m:
        title, _ = split_heading(m["rest"])
        return Section(kind="item", label=m["label"], title=title, path="", level=0, paragraphs=[para])
    m = _BULLET.match(para)
    if m:
        return Section(kind="bullet", label="", title="", path="", level=0, paragraphs=[para])
    return None
