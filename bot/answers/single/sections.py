"""Questions that ask for a list ("những mục tiêu cụ thể nào?"): the items of a section."""
from __future__ import annotations

import re
from typing import Optional

from bot.answers.citations import citation_line, source
from bot.answers.replies import Reply
from bot.answers.text.evidence import Evidence
from index.search import Hit, Searcher
from knowledge.language.normalize import fold
from knowledge.structure.passages import Passage

ITEM_MAX = 200
LIST_MAX = 8
_ASKS_LIST = re.compile(r"\b(nhung|cac)\b.{0,40}\bnao\b|\bgom (nhung )?(gi|nao)\b|\bliet ke\b|\bbao gom\b"
                        r"|\bco (nhung|bao nhieu) (muc tieu|chi tieu|nhiem vu|giai phap)\b")


def asks_for_list(question: str) -> bool:
    return bool(_ASKS_LIST.search(fold(question)))


def _child_of(parent: str, section: str) -> Optional[str]:
    """The path one level below ``parent`` that contains ``section`` ("I.2", "I.2.6[2]" → "I.2.6")."""
    if not parent or section == parent or not section.startswith(parent):
        return None
    m = re.match(r"(\.\d+|\[\d+\]|\(\d+\))", section[len(parent):])
    return parent + m.group(1) if m else None


def _parent(path: str) -> str:
    """"II.2.2(3)" → "II.2.2"; "I.2.6[2]" → "I.2.6"; "I.2.6" → "I.2"."""
    for sep in ("[", "("):
        if path.endswith(("]", ")")) and sep in path:
            return path.rsplit(sep, 1)[0]
    return path.rsplit(".", 1)[0] if "." in path else ""


def _short(text: str) -> str:
    text = text.lstrip("-–• ").strip()
    return text if len(text) <= ITEM_MAX else text[:ITEM_MAX].rsplit(" ", 1)[0] + " …"


def _children(passages: list[Passage], doc_id: str, path: str) -> dict[str, list[Passage]]:
    """Each child section of ``path`` with the passages under it, in document order."""
    children: dict[str, list[Passage]] = {}
    for p in passages:
        if p.doc_id == doc_id and p.role == "body":
            child = _child_of(path, p.section)
            if child:
                children.setdefault(child, []).append(p)
    return children


def _item_text(child: str, under: list[Passage]) -> str:
    """A child's own text, or for a heading-only child its title (from a descendant's headings)."""
    own = next((p for p in under if p.section == child), None)
    if own:
        return own.text
    label = re.split(r"[.\[(]", child.split(".", 1)[-1])[0] if "." in child else child
    return next((h for h in under[0].heading if h.startswith(f"{child.split('.', 1)[-1]}.")), label)


def _common_heading(items: list[Passage]) -> str:
    """The title of the section the items share (the last heading all their chains have)."""
    shared = ""
    for level in zip(*(p.heading for p in items)):
        if len(set(level)) > 1:
            break
        shared = level[0]
    return shared


def list_section(searcher: Searcher, hits: list[Hit], evidence: Evidence) -> Optional[Reply]:
    """The items under the section the question names, with the best hit's source."""
    passages = searcher.passages
    best: Optional[tuple[float, Hit, str, list[str]]] = None
    for hit in hits[:5]:
        path = hit.section
        while path:
            path = _parent(path)
            if not path:
                break
            children = _children(passages, hit.doc_id, path)
            heading = _common_heading([under[0] for under in children.values()])
            if len(children) >= 2 and heading:
                score = evidence.support(heading)
                if best is None or score > best[0]:
                    best = (score, hit, heading, [_item_text(c, under) for c, under in children.items()])
    if best is None or best[0] < 0.3:
        return None
    _, hit, heading, items = best
    doc = searcher.cards.get(hit.doc_id)
    lines = [f"- {_short(text)}" for text in items[:LIST_MAX]]
    more = f"\n(còn {len(items) - LIST_MAX} mục nữa)" if len(items) > LIST_MAX else ""
    text = f"{heading} — {len(items)} mục:\n" + "\n".join(lines) + more + f"\n\n{citation_line(hit, doc)}"
    return Reply(text=text, sources=[source(hit, doc)], slots={"province": hit.province, "doc_id": hit.doc_id})
