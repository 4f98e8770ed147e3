"""The deadlines of the documents in scope, earliest first."""
from __future__ import annotations

from bot.answers.facts.lists import paged
from bot.answers.facts.select import select
from bot.answers.replies import Reply
from index.question import Question
from index.search import Searcher


def timeline(searcher: Searcher, question: Question) -> Reply:
    """Full dates before bare years of the same year; documents in their order."""
    scope = question.provinces
    facts = select(searcher, "deadline", scope, doc_ids=question.named_documents)
    order = {f.fact_id: n for n, f in enumerate(searcher.facts)}
    facts.sort(key=lambda f: (f.year or "9999", f.date or "9999-99-99", f.doc_id, order[f.fact_id]))
    title = "Các mốc thời hạn" + (f" — {', '.join(scope)}" if scope else " trong các văn bản")
    return paged(searcher, title, facts, "Các văn bản hiện có không nêu mốc thời hạn nào cho phạm vi này.")
