"""Answer one question from the documents: the sentence that answers first, then the source.

It never states what the cited passage does not say: the lead is a verbatim unit of the
passage. When the evidence is absent the reply says so, with related questions as buttons.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from bot.answers.citations import citation_line, document_label, source
from bot.answers.replies import Reply
from bot.answers.single.leads import Lead, best_lead
from bot.answers.single.policy import premise_verdict
from bot.answers.single.sections import list_section
from bot.answers.text.evidence import Evidence
from index.question import Previous, Question
from index.question.years import single_years
from index.records import DocumentCard
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


def out_of_scope_period(searcher: Searcher, question: Question) -> Optional[Reply]:
    """A period no document in scope covers, or a province named as the issuer of documents
    it did not issue (its documents came with a province merged into it): say what there is."""
    where = f" của {', '.join(question.scope)}" if question.scope else ""
    if question.uncovered:
        asked = question.years.period
        held = ", ".join(f"{a} – {b}" for a, b in question.uncovered)
        return decline(f"Các văn bản hiện có{where} không đặt ra nội dung cho giai đoạn {asked[0]} – {asked[1]}; "
                       f"chúng nói về giai đoạn {held}.", province=question.province)
    for name in question.issuers:
        if any(c.province == name for c in searcher.documents):
            continue
        merged = sorted({c.province for c in searcher.documents if c.province and name in c.areas})
        own = [c for c in searcher.documents if c.province in merged]
        text = (f"Hiện chưa có văn bản nào do {name} ban hành. Các văn bản hiện có là của "
                f"{', '.join(f'tỉnh {p} (nay thuộc {name})' for p in merged)}: "
                + "; ".join(document_label(c) for c in own[:3]) + ".")
        return Reply(text=text, buttons=[{"title": f"Hỏi về văn bản của {p}", "payload": f"Nghị quyết của {p} "
                                          f"đặt ra mục tiêu gì?"} for p in merged])
    return None


def _no_lead(question: Question, hits: list[Hit]) -> Reply:
    """The decline when no sentence answers: for a year asked, which years the text gives."""
    where = f" của {question.province}" if question.province else ""
    if question.years.years:
        asked = ", ".join(str(y) for y in question.years.years)
        given = sorted({y for h in hits[:3] for y in single_years(h.text) if y not in question.years.years})
        also = f" (các văn bản nêu số liệu của các năm {', '.join(map(str, given))})" if given else ""
        return decline(f"Các văn bản hiện có{where} không nêu thông tin này cho năm {asked}{also}.", hits,
                       question.province)
    return decline(f"Các văn bản hiện có{where} không nêu thông tin này.", hits, question.province)


def _leads_by_province(hits: list[Hit], evidence: Evidence, intent: Optional[str], question: Question,
                       cards: dict[str, DocumentCard]) -> list[tuple[str, Lead]]:
    """The best lead of each province among the hits, best first."""
    provinces = list(dict.fromkeys(h.province for h in hits if h.province))
    leads = []
    for province in provinces:
        lead = best_lead([h for h in hits if h.province == province], evidence, intent, question, cards)
        if lead:
            leads.append((province, lead))
    return sorted(leads, key=lambda pl: -pl[1].score)


def _around(searcher: Searcher, question: Question) -> Question:
    """The question over the provinces of the documents it names, instead of those documents."""
    provinces = tuple(dict.fromkeys(searcher.cards[d].province for d in question.named_documents
                                    if searcher.cards[d].province))
    return replace(question, doc_ids=(), references=(), provinces=provinces,
                   province=provinces[0] if len(provinces) == 1 else None)


def answer(searcher: Searcher, question: Question, intent: Optional[str], previous: Previous) -> Reply:
    """The reply to one question about the documents' content, and the slots it sets."""
    unknown = unknown_provinces(searcher, question)
    if unknown:
        return unknown
    unavailable = out_of_scope_period(searcher, question)
    if unavailable:
        return unavailable
    if not (question.search_text or "").strip():
        return Reply(text="Bạn muốn hỏi gì về các văn bản? Ví dụ: chỉ tiêu, nhiệm vụ, cơ quan chủ trì hay thời hạn.")
    mode = previous.intent if intent == "follow_up" and previous.intent else intent
    result = searcher.search(question, k=10)
    hits = result.hits
    remembered = {"last_topic": question.search_text if question.text else previous.topic, "last_intent": mode}
    province = question.province
    if not hits:
        return decline("Các văn bản hiện có không nêu thông tin này.", province=province)

    # A follow-up's own words count fully and the last question's half ("Còn hộ gia đình?");
    # one that points back ("tỷ lệ đó", "việc đó") is about the last question's topic itself.
    if question.points_back:
        evidence = Evidence(question.search_text, searcher.lexical)
    elif question.follow_up:
        evidence = Evidence(question.own_topic, searcher.lexical, context=previous.topic or "")
    else:
        evidence = Evidence(question.own_topic, searcher.lexical)
    if question.wants.items:
        listed = list_section(searcher, hits, evidence)
        if listed:
            listed.slots.update(remembered)
            return listed
    leads = _leads_by_province(hits, evidence, mode, question, searcher.cards)
    if not leads and question.named_documents:
        # The document named does not say it; one sent with it or of its province may
        # ("bản dự thảo gửi kèm công văn ngày …"): the province's documents, the named first.
        around = _around(searcher, question)
        wider = searcher.search(around, k=10).hits
        leads = _leads_by_province(wider, evidence, mode, around, searcher.cards)
        hits = hits or wider
    if not leads:
        return _no_lead(question, hits)
    if province or len(leads) == 1 or leads[0][1].score - leads[1][1].score > 0.25:
        chosen, lead = leads[0]
        doc = searcher.cards.get(lead.hit.doc_id)
        merged = province is not None and chosen != province  # asked by the new unit's name
        verdict = premise_verdict(question, lead.text)
        return Reply(text=f"{verdict}{lead.text}\n\n{citation_line(lead.hit, doc, province_note=merged)}",
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
