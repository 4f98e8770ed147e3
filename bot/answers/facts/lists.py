"""A list of commitments, one page at a time ("xem thêm" shows the next page).

The paging state a conversation keeps is the list's title, its fact ids and the offset.
"""
from __future__ import annotations

import json
from typing import Optional, Sequence

from bot.answers.citations import fact_source
from bot.answers.facts.select import KIND_TITLES, fact_label, list_kind, list_title, ranked, select, topic
from bot.answers.replies import Reply
from index.question import Question
from index.search import Searcher
from knowledge.facts.model import Fact

PAGE = 8
MORE_BUTTON = {"title": "Xem thêm", "payload": "/more"}


def page(searcher: Searcher, title: str, ids: Sequence[str], offset: int, extra: Optional[dict] = None) -> Reply:
    """One page of a fact list, with the state for the next page (None when it is the last)."""
    facts = [searcher.fact_by_id[i] for i in ids if i in searcher.fact_by_id]
    chunk = facts[offset:offset + PAGE]
    with_doc = len({f.doc_id for f in facts}) > 1
    lines = [f"{offset + n}. {fact_label(f, searcher, with_doc)}" for n, f in enumerate(chunk, start=1)]
    head = f"{title} — {len(facts)} mục:" if offset == 0 else f"{title} (tiếp):"
    text = "\n".join([head, *lines])
    rest = len(facts) - offset - len(chunk)
    state, buttons = None, []
    if rest > 0:
        text += f"\n(Còn {rest} mục: gõ “xem thêm” để xem tiếp.)"
        buttons = [MORE_BUTTON]
        state = json.dumps({"title": title, "ids": [f.fact_id for f in facts], "offset": offset + len(chunk)})
    sources = [fact_source(f, searcher.cards.get(f.doc_id)) for f in chunk]
    return Reply(text=text, sources=sources, buttons=buttons, slots={"list_state": state, **(extra or {})})


def paged(searcher: Searcher, title: str, facts: list[Fact], empty: str, extra: Optional[dict] = None) -> Reply:
    if not facts:
        return Reply(text=empty, slots={"list_state": None, **(extra or {})})
    return page(searcher, title, [f.fact_id for f in facts], 0, extra)


def more(searcher: Searcher, list_state: Optional[str]) -> Reply:
    """The next page of the list being shown."""
    if not list_state:
        return Reply(text="Không còn danh sách nào để xem tiếp. Bạn muốn liệt kê chỉ tiêu, nhiệm vụ hay thời hạn nào?")
    state = json.loads(list_state)
    return page(searcher, state["title"], state["ids"], state["offset"])


def list_facts(searcher: Searcher, question: Question) -> Reply:
    """The targets, deadlines or duties the question asks to list, about its topic."""
    kind = list_kind(question)
    actor = question.bodies[0] if question.bodies and kind == "responsibility" and not question.wants.who else None
    year = question.years.years[0] if len(question.years.years) == 1 else None
    scope = question.scope if not year else question.provinces
    about = "" if actor else topic(question)
    chosen = ranked(searcher, select(searcher, kind, scope, year, actor, question.named_documents), about)
    title = list_title(kind, scope, year, actor, about)
    return paged(searcher, title, chosen, f"Các văn bản hiện có không nêu {KIND_TITLES[kind].lower()} nào phù hợp.",
                 {"province": scope[0] if len(scope) == 1 else question.province})
