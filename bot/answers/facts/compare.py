"""Two or more provinces side by side: their targets, duties or deadlines on one topic."""
from __future__ import annotations

from bot.answers.citations import fact_source, short_doc
from bot.answers.facts.select import fact_label, list_kind, ranked, select, topic
from bot.answers.replies import Reply
from index.question import Question
from index.search import Searcher

PER_SIDE = 3
_WHAT = {"target": ("chỉ tiêu", "không đặt chỉ tiêu về nội dung này"),
         "responsibility": ("nhiệm vụ, trách nhiệm", "không giao nhiệm vụ về nội dung này"),
         "deadline": ("thời hạn", "không nêu thời hạn về nội dung này")}


def compare(searcher: Searcher, question: Question, focus_province: str | None) -> Reply:
    chosen = list(question.provinces)
    if len(chosen) == 1 and focus_province and focus_province not in chosen:
        chosen = [focus_province, *chosen]
    if len(chosen) < 2:
        have = sorted({d.province for d in searcher.documents if d.province})
        return Reply(text="Bạn muốn so sánh những tỉnh nào? Hiện có: " + ", ".join(have) + ".")
    kind = list_kind(question)
    about = topic(question)
    what, none = _WHAT[kind]
    lines = [f"So sánh {what}{f' về “{about}”' if about else ''}:"]
    sources = []
    for province in chosen:
        facts = ranked(searcher, select(searcher, kind, [province]), about)[:PER_SIDE]
        lines.append(f"{province}:")
        if not facts:
            lines.append(f"- Văn bản hiện có {none}.")
        for fact in facts:
            doc = searcher.cards.get(fact.doc_id)
            lines.append(f"- {fact_label(fact, searcher, with_doc=False)} ({short_doc(doc)})")
            sources.append(fact_source(fact, doc))
    return Reply(text="\n".join(lines), sources=sources, slots={"province": None, "list_state": None})
