"""The body's units (after the header) into the section tree, signatures and recipients.

Besides numbering, the end of a document has its own parts: "Nơi nhận" and its list,
the signature blocks, then what the document attaches (an appendix, or a QUY CHẾ
"ban hành kèm theo" the decision), each with its own title and numbering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Union

from knowledge.header.doctypes import type_from_line
from knowledge.header.signature import (SignatureBlock, is_person_name, is_recipient_line, is_recipients_start,
                                        is_role_line, role_chain, signed)
from knowledge.layout import Table
from knowledge.layout.reflow import Paragraph
from knowledge.structure.sections import Section, add_bullet, add_table, attach, classify

_ATTACHED = re.compile(r"^\(?\s*(ban hành |được ban hành )?kèm theo\b", re.IGNORECASE)


@dataclass
class ParsedStructure:
    root: Section
    recipients: list[str]
    signatures: list[SignatureBlock]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def parse_structure(units: list[Union[Paragraph, Table, str]]) -> ParsedStructure:
    """Build the tree; pull out recipients and signature blocks."""
    root = Section(kind="root", label="", title="", path="", level=0)
    stack: list[Section] = [root]
    recipients: list[str] = []
    signatures: list[SignatureBlock] = []
    in_recipients = False
    ended = False                      # the main document's signature has been seen
    role_lines: list[str] = []
    titling: Optional[Section] = None  # a container whose title lines follow its heading
    for unit in units:
        if isinstance(unit, Table):
            titling = None
            add_table(stack[-1], unit.header, unit.rows)
            continue
        para = unit.text if isinstance(unit, Paragraph) else unit
        first = para.split("\n", 1)[0]
        if titling is not None:
            if _is_upper(para) or _ATTACHED.match(para):
                titling.title = f"{titling.title} {para}".strip()
                continue
            titling = None
        if is_recipients_start(first):
            in_recipients = True
            recipients.append(para)
            continue
        if in_recipients and is_recipient_line(first):
            recipients.append(para)
            continue
        in_recipients = False
        if is_role_line(para) and len(para) <= 120:
            role_lines.append(para)
            continue
        if signed(para) and role_lines:
            continue
        if is_person_name(para) and (role_lines or recipients):
            role = role_chain(role_lines) if role_lines else None
            signatures.append(SignatureBlock(role=role, name=para,
                                             text="\n".join([*role_lines, para])))
            role_lines = []
            ended = True
            continue
        if role_lines:
            signatures.append(SignatureBlock(role=role_chain(role_lines), name=None, text="\n".join(role_lines)))
            role_lines = []
            ended = True
        doc_type = type_from_line(para) if (ended or recipients) and _is_upper(para) else None
        if doc_type is not None:
            del stack[1:]
            node = Section(kind="attachment", label=doc_type.label, title=para, path="", level=0)
            attach(stack, node)
            titling = node
            continue
        inside_article = any(n.kind == "dieu" for n in stack)
        node = classify(para, inside_article)
        if node is None:
            stack[-1].paragraphs.append(para)
            continue
        if node.kind == "bullet":
            add_bullet(stack[-1], para)
            continue
        if node.kind == "appendix":
            del stack[1:]
        attach(stack, node)
        if node.kind in ("appendix", "attachment", "phan", "chuong") and not node.paragraphs:
            titling = node
    if role_lines:
        signatures.append(SignatureBlock(role=role_chain(role_lines), name=None, text="\n".join(role_lines)))
    return ParsedStructure(root=root, recipients=recipients, signatures=signatures)
