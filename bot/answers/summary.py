"""A document's summary for a study session: its general goal, how many targets and the
main ones, the main groups of tasks, and who implements it — each part from the text."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from bot.answers.citations import document_label, fact_source, source
from bot.answers.facts.select import fact_label
from bot.answers.replies import Reply
from bot.answers.single.leads import units
from index.question import Question
from index.search import Hit, Searcher
from knowledge.language.normalize import fold
from knowledge.structure.passages import Passage

# Which document of a province a summary is about when none is named: a resolution first.
PRIMARY_KINDS = ("nghi-quyet", "ke-hoach", "chi-thi", "chuong-trinh", "de-an", "quyet-dinh", "cong-van")
_LABEL = re.compile(r"^[IVX]+\.\s*|^\d+(\.\d+)*\.\s*")
_GOAL = ("muc tieu chung", "muc tieu tong quat")


def primary_document(searcher: Searcher, provinces: Sequence[str], doc_ids: Sequence[str],
                     focus_doc: Optional[str]) -> Optional[str]:
    """The document a summary is about: one named by number, else the province's main one."""
    cards = searcher.cards
    candidates = [cards[d] for d in doc_ids if d in cards] or \
        [d for d in cards.values() if provinces and set(d.areas or (d.province,)) & set(provinces)]
    if not candidates and focus_doc in cards:
        candidates = [cards[focus_doc]]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (d.secondary, PRIMARY_KINDS.index(d.kind) if d.kind in PRIMARY_KINDS else 9,
                                          d.draft)).id


def _task_groups(passages: list[Passage]) -> list[str]:
    """Titles just below the heading that announces the tasks ("NHIỆM VỤ …")."""
    groups: list[str] = []
    for p in passages:
        at = next((j for j, h in enumerate(p.heading) if "nhiem vu" in fold(h)), None)
        if at is not None and len(p.heading) > at + 1:
            title = _LABEL.sub("", p.heading[at + 1]).rstrip(" :…")
            if title not in groups:
                groups.append(title)
    return groups


def summarize(searcher: Searcher, doc_id: str) -> Reply:
    """The summary of one document, with its sources."""
    doc = searcher.cards[doc_id]
    passages = [p for p in searcher.passages if p.doc_id == doc_id and p.role == "body"]
    goal = next((p for p in passages if any(k in fold(" ".join(p.heading)) for k in _GOAL)), None)
    facts = [f for f in searcher.facts if f.doc_id == doc_id]
    targets = [f for f in facts if f.type == "target"]
    actors = list(dict.fromkeys(f.actor for f in facts if f.type == "responsibility"))
    lines = [f"Tóm tắt {document_label(doc)}:"]
    sources = []
    if goal:
        first = units(goal.text)
        lines.append(f"- Mục tiêu chung: {first[0] if first else goal.text[:300]}")
        sources.append(source(Hit.from_passage(goal), doc))
    if targets:
        main, seen = [], set()
        for fact in targets:
            if fact.section not in seen:
                seen.add(fact.section)
                main.append(fact)
        lines.append(f"- {len(targets)} chỉ tiêu cụ thể, nổi bật:")
        lines += [f"  • {fact_label(f, searcher, with_doc=False)}" for f in main[:4]]
        sources += [fact_source(f, doc) for f in main[:2]]
    groups = _task_groups(passages)
    if groups:
        lines.append(f"- {len(groups)} nhóm nhiệm vụ, giải pháp: " + "; ".join(groups[:8]) + ".")
    if actors:
        lines.append("- Tổ chức thực hiện: " + ", ".join(actors[:7]) + ".")
    if len(lines) == 1:
        lines.append("- Văn bản này không nêu mục tiêu, chỉ tiêu hay nhiệm vụ để tóm tắt.")
    return Reply(text="\n".join(lines), sources=sources, slots={"doc_id": doc_id, "province": doc.province})


def summary_reply(searcher: Searcher, question: Question, focus_doc: Optional[str]) -> Reply:
    """The summary the question asks for, or which province's document to summarise."""
    doc_id = primary_document(searcher, question.scope, question.named_documents, focus_doc)
    if doc_id is None:
        issuing = sorted({d.province for d in searcher.documents if d.province})
        return Reply(text=f"Bạn muốn tóm tắt văn bản của tỉnh nào? Hiện có: {', '.join(issuing)}.",
                     buttons=[{"title": p, "payload": f"Tóm tắt nghị quyết của {p}"} for p in issuing])
    return summarize(searcher, doc_id)
