"""Answer one question from the documents: the sentence that answers first, then the source.

It never states what the cited passage does not say: the lead is a verbatim unit of the
passage. When the evidence is absent the reply says so, with related questions as buttons.
"""
from __future__ import annotations

from typing import Optional, Sequence

from bot.answers.citations import citation_line, source
from bot.answers.replies import Reply
from bot.answers.single.leads import Lead, best_lead
from bot.answers.single.sections import list_section
from bot.answers.text.evidence import Evidence
from index.question import Previous, Question
from index.search import Hit, Searcher

# A question NLU took for out of scope is answered only when the documents clearly hold it.
STRICT_SUPPORT = 0.6


def decline(text: str, hits: Sequence[Hit] = (), province: Optional[str] = None) -> Reply:
    """No sources; related questions from the nearest passages' headings, as buttons."""
    buttons, seen = [], set()
    for hit in hits[:6]:
        title = hit.heading[-1] if hit.heading and hit.role == "body" else None
        if not title or title in seen:
            continue
        seen.add(title)
        where = f" của {hit.province}" if hit.province else ""
        title = title.split(". ", 1)[-1].rstrip(":")
        buttons.append({"title": title[:80], "payload": f"Văn bản{where} nêu gì về {title[:120].lower()}?"})
        if len(buttons) == 3:
            break
    if buttons:
        text += " Bạn có thể hỏi về các nội dung gần nhất bên dưới."
    return Reply(text=text, buttons=buttons, slots={"province": province} if province else {})


def unknown_provinces(searcher: Searcher, question: Question) -> Optional[Reply]:
    """A question only about provinces no document is about: say which provinces there are."""
    if not question.unknown_provinces or question.provinces:
        return None
    have = ", ".join(sorted({d.province for d in searcher.documents if d.province}))
    return decline(f"Hiện chưa có văn bản nào của {', '.join(question.unknown_provinces)} trong cơ sở dữ liệu. "
                   f"Các văn bản hiện có thuộc: {have}.")


def _leads_by_province(hits: list[Hit], evidence: Evidence, intent: Optional[str],
                       question: Question) -> list[tuple[str, Lead]]:
    """The best lead of each province among the hits, best first."""
    provinces = list(dict.fromkeys(h.province for h in hits if h.province))
    leads = []
    for province in provinces:
        lead = best_lead([h for h in hits if h.province == province], evidence, intent, question)
        if lead:
            leads.append((province, lead))
    return sorted(leads, key=lambda pl: -pl[1].score)


def answer(searcher: Searcher, question: Question, intent: Optional[str], previous: Previous) -> Reply:
    """The reply to one question about the documents' content, and the slots it sets."""
    unknown = unknown_provinces(searcher, question)
    if unknown:
        return unknown
    if not (question.search_text or "").strip():
        return Reply(text="Bạn muốn hỏi gì về các văn bản? Ví dụ: chỉ tiêu, nhiệm vụ, cơ quan chủ trì hay thời hạn.")
    mode = previous.intent if intent == "follow_up" and previous.intent else intent
    result = searcher.search(question, k=10)
    hits = result.hits
    remembered = {"last_topic": question.own_topic if question.text else previous.topic, "last_intent": mode}
    province = question.province
    if not hits:
        return decline("Các văn bản hiện có không nêu thông tin này.", province=province)

    evidence = Evidence(question.own_topic, searcher.lexical, context=previous.topic or "") if question.follow_up \
        else Evidence(question.own_topic, searcher.lexical)
    if question.wants.items:
        listed = list_section(searcher, hits, evidence)
        if listed:
            listed.slots.update(remembered)
            return listed
    leads = _leads_by_province(hits, evidence, mode, question)
    if not leads:
        where = f" của {province}" if province else ""
        return decline(f"Các văn bản hiện có{where} không nêu thông tin này.", hits, province)
    if province or len(leads) == 1 or leads[0][1].score - leads[1][1].score > 0.25:
        chosen, lead = leads[0]
        doc = searcher.cards.get(lead.hit.doc_id)
        merged = province is not None and chosen != province  # asked by the new unit's name
        return Reply(text=f"{lead.text}\n\n{citation_line(lead.hit, doc, province_note=merged)}",
                     sources=[source(lead.hit, doc)], support=lead.support,
                     slots={"province": province or chosen, "doc_id": lead.hit.doc_id, **remembered})
    # Several provinces answer and nothing says which: a short answer for each.
    shown = leads[:3]
    lines = [f"- {p}: {lead.text}" for p, lead in shown]
    text = "Các văn bản của nhiều tỉnh đều nêu nội dung này:\n" + "\n".join(lines)
    return Reply(text=text, sources=[source(lead.hit, searcher.cards.get(lead.hit.doc_id)) for _, lead in shown],
                 buttons=[{"title": f"Chỉ xem {p}", "payload": f'/follow_up{{"province": "{p}"}}'} for p, _ in shown],
                 slots={"province": None, **remembered})


def answer_if_in_documents(searcher: Searcher, question: Question, previous: Previous) -> Optional[Reply]:
    """The answer to a question NLU thought out of scope, when it names a province or a
    document the assistant holds and a passage covers it well; else None (decline)."""
    if not (question.provinces or question.named_documents):
        return None
    reply = answer(searcher, question, "ask_fact", previous)
    return reply if reply.sources and reply.support >= STRICT_SUPPORT else None
