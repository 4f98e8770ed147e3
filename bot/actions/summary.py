"""A document's summary for a study session: its general goal, how many targets and the
main ones, the main groups of tasks, and who implements it — each part from the text."""
from __future__ import annotations

import re
from typing import Optional

from bot.actions.citations import document_label, source
from bot.actions.commitments import fact_label, fact_source
from bot.actions.extract import units
from bot.actions.resources import documents_by_id, get_searcher
from index.search import Hit
from knowledge.language.normalize import fold

# Which document of a province a summary is about when none is named: a resolution first.
PRIMARY_KINDS = ("nghi-quyet", "ke-hoach", "chi-thi", "chuong-trinh", "de-an", "quyet-dinh", "cong-van")
_LABEL = re.compile(r"^[IVX]+\.\s*|^\d+(\.\d+)*\.\s*")


def primary_document(provinces: list[str], doc_ids: list[str], focus_doc: Optional[str]) -> Optional[str]:
    """The document a summary is about: one named by number, else the province's main one."""
    docs = documents_by_id()
    candidates = [docs[d] for d in doc_ids if d in docs] or \
        [d for d in docs.values() if provinces and set(d.get("areas") or [d.get("province")]) & set(provinces)]
    if not candidates and focus_doc in docs:
        candidates = [docs[focus_doc]]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (d.get("secondary", False),
                                          PRIMARY_KINDS.index(d["kind"]) if d["kind"] in PRIMARY_KINDS else 9,
                                          d.get("draft", False)))["id"]


def _task_groups(passages: list[dict]) -> list[str]:
    """Titles just below the heading that announces the tasks ("NHIỆM VỤ …")."""
    groups: list[str] = []
    for p in passages:
        heading = p["heading"]
        at = next((j for j, h in enumerate(heading) if "nhiem vu" in fold(h)), None)
        if at is not None and len(heading) > at + 1:
            title = _LABEL.sub("", heading[at + 1]).rstrip(" :…")
            if title not in groups:
                groups.append(title)
    return groups


def summarize(doc_id: str) -> tuple[str, list[dict]]:
    """(text, sources) of a document's summary."""
    searcher, docs = get_searcher(), documents_by_id()
    doc = docs[doc_id]
    passages = [p for p in searcher.passages if p["doc_id"] == doc_id and p["role"] == "body"]
    goal = next((p for p in passages if any(k in fold(" ".join(p["heading"])) for k in ("muc tieu chung", "muc tieu tong quat"))), None)
    targets = [f for f in searcher.facts if f["doc_id"] == doc_id and f["type"] == "target"]
    actors = list(dict.fromkeys(f["actor"] for f in searcher.facts if f["doc_id"] == doc_id and f["type"] == "responsibility"))
    lines = [f"Tóm tắt {document_label(doc)}:"]
    sources = []
    if goal:
        lines.append(f"- Mục tiêu chung: {units(goal['text'])[0] if units(goal['text']) else goal['text'][:300]}")
        sources.append(source(Hit.from_passage(goal), doc))
    if targets:
        main, seen = [], set()
        for fact in targets:
            if fact["section"] not in seen:
                seen.add(fact["section"])
                main.append(fact)
        lines.append(f"- {len(targets)} chỉ tiêu cụ thể, nổi bật:")
        lines += [f"  • {fact_label(f, docs, with_doc=False)}" for f in main[:4]]
        sources += [fact_source(f, docs) for f in main[:2]]
    groups = _task_groups(passages)
    if groups:
        lines.append(f"- {len(groups)} nhóm nhiệm vụ, giải pháp: " + "; ".join(groups[:8]) + ".")
    if actors:
        lines.append("- Tổ chức thực hiện: " + ", ".join(actors[:7]) + ".")
    if len(lines) == 1:
        lines.append("- Văn bản này không nêu mục tiêu, chỉ tiêu hay nhiệm vụ để tóm tắt.")
    return "\n".join(lines), sources
