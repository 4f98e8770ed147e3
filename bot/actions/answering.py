"""Answer one question from the documents: the sentence that answers first, then the source.

Pure Python over the index (no Rasa types), so the dialogue action stays thin and the
logic is testable on its own. It never states what the cited passage does not say: the
lead is a verbatim unit of the passage, or a document's own metadata.
"""
from __future__ import annotations

from typing import Optional

from bot.actions.citations import citation_line, document_label, source
from bot.actions.evidence import Evidence
from bot.actions.extract import Lead, best_lead
from bot.actions.replies import Focus, Reply
from bot.actions.resources import documents_by_id, get_searcher
from bot.actions.special import special_reply
from bot.actions.listing import asks_for_list, list_section
from index.query import analyse, is_follow_up, metadata_field, number_spans, points_back, with_context
from index.search import Hit
from knowledge.language.normalize import fold

TOPIC_MAX = 300


def _decline(text: str, hits: list[Hit] = (), province: Optional[str] = None) -> Reply:
    """No sources; related questions from the nearest passages' headings, as buttons."""
    buttons, seen = [], set()
    for hit in hits[:6]:
        title = hit.heading[-1] if hit.heading and hit.role == "body" else None
        if not title or title in seen:
            continue
        seen.add(title)
        where = f" của {hit.province}" if hit.province else ""
        title = title.split(". ", 1)[-1].rstrip(":")
        buttons.append({"title": title[:80], "payload": f"Nghị quyết{where} nêu gì về {title[:120].lower()}?"})
        if len(buttons) == 3:
            break
    if buttons:
        text += " Bạn có thể hỏi về các nội dung gần nhất bên dưới."
    return Reply(text=text, buttons=buttons, slots={"province": province} if province else {})


def _metadata_reply(hits: list[Hit], wanted: str, docs: dict[str, dict]) -> Optional[Reply]:
    """Who signed / when / which number / which body: from the document's own metadata."""
    hit = next((h for h in hits if h.role in ("card", "signature")), None)
    if hit is None:
        return None
    doc = docs.get(hit.doc_id, {})
    name = document_label({**doc, "date": None})
    if wanted == "signer":
        lead = (f"{name} do {doc['signer']} ký" + (f" ({doc['signer_role']})" if doc.get("signer_role") else "") + "."
                if doc.get("signer") else f"{name} không ghi người ký.")
        cited = _passage_with(hit.doc_id, "signature", doc.get("signer")) or hit
    elif wanted == "date":
        if doc.get("date"):
            y, m, d = (int(x) for x in doc["date"].split("-"))
            lead = f"{name} được ban hành ngày {d}/{m}/{y} ({d} tháng {m} năm {y})."
        else:
            lead = f"{name} không ghi ngày ban hành."
        cited = hit
    elif wanted == "number":
        lead = f"Số hiệu: {doc['number']} — {document_label(doc)}." if doc.get("number") else f"{name} không ghi số."
        cited = _passage_with(hit.doc_id, "body", doc.get("number")) or hit
    else:
        lead = (f"{document_label(doc)}. Cơ quan ban hành: {doc['issuing_body']}." if doc.get("issuing_body")
                else f"{name}: văn bản không ghi cơ quan ban hành.")
        cited = hit
    return Reply(text=f"{lead}\n\n{citation_line(cited, doc)}", sources=[source(cited, doc)],
                 slots={"province": hit.province, "doc_id": hit.doc_id})


def _passage_with(doc_id: str, role: str, value: Optional[str]) -> Optional[Hit]:
    """The passage of a document holding a metadata value, to cite it verbatim."""
    if not value:
        return None
    searcher = get_searcher()
    for p in searcher.passages:
        if p["doc_id"] == doc_id and p["role"] == role and fold(value) in fold(p["text"]):
            return Hit.from_passage(p)
    return None


def _leads_by_province(hits: list[Hit], evidence: Evidence, intent: Optional[str],
                       question: str = "") -> list[tuple[str, Lead]]:
    """The best lead of each province among the hits, best first."""
    provinces = list(dict.fromkeys(h.province for h in hits if h.province))
    leads = []
    for province in provinces:
        lead = best_lead([h for h in hits if h.province == province], evidence, intent, question)
        if lead:
            leads.append((province, lead))
    return sorted(leads, key=lambda pl: -pl[1].score)


def answer(question: str, intent: Optional[str], entities: list[dict], focus: Focus) -> Reply:
    """The reply to one user message, and the slots it sets."""
    searcher = get_searcher()
    docs = documents_by_id()
    known = {area for d in docs.values() for area in (d.get("areas") or [d.get("province")]) if area}
    named = list(dict.fromkeys(e["value"] for e in entities if e.get("entity") == "province"))
    in_corpus = [p for p in named if p in known]
    if named and not in_corpus:
        have = ", ".join(sorted({d["province"] for d in docs.values() if d.get("province")}))
        return _decline(f"Hiện chưa có văn bản nào của {', '.join(named)} trong cơ sở dữ liệu. "
                        f"Các văn bản hiện có thuộc: {have}.")

    special = special_reply(question, intent, entities, focus)
    if special:
        return special

    typed = "" if question.startswith("/") else question  # a button payload carries no words
    follow = bool(focus.last_topic) and (intent == "follow_up" or is_follow_up(typed))
    query = with_context(typed, focus.last_topic) if follow else typed
    if follow and not typed:
        query = focus.last_topic or ""
    mode = focus.last_intent if intent == "follow_up" and focus.last_intent else intent
    if not query.strip():
        return Reply(text="Bạn muốn hỏi gì về các nghị quyết? Ví dụ: chỉ tiêu, nhiệm vụ, cơ quan chủ trì hay thời hạn.")

    provinces = in_corpus or ([focus.province] if focus.province else [])
    province = provinces[0] if len(provinces) == 1 else None
    # A follow-up that points back ("Việc đó phải xong khi nào?") and names no province or
    # document stays in the document of the last answer.
    stay = focus.doc_id if follow and points_back(typed) and focus.doc_id in docs and not in_corpus and \
        not number_spans(typed, searcher.documents) else None
    result = searcher.search(query, k=10, province=province, doc_id=stay)
    hits = [h for h in result.hits if not provinces or set(h.areas) & set(provinces)]
    topic = result.filters.ranking_text[:TOPIC_MAX]
    remembered = {"last_topic": topic, "last_intent": mode}
    if not hits:
        return _decline("Các văn bản hiện có không nêu thông tin này.", province=province)

    wanted = metadata_field(query) if (mode == "ask_document" or result.filters.roles) else None
    if wanted:
        reply = _metadata_reply(hits, wanted, docs)
        if reply:
            reply.slots.update(remembered)
            return reply

    own = analyse(typed, searcher.documents, province).ranking_text if typed else ""
    evidence = Evidence(own, searcher.lexical, context=focus.last_topic or "") if follow else \
        Evidence(result.filters.ranking_text, searcher.lexical)
    if asks_for_list(typed):
        listed = list_section(hits, evidence, docs)
        if listed:
            listed.slots.update(remembered)
            return listed
    leads = _leads_by_province(hits, evidence, mode, typed or query)
    if not leads:
        where = f" của {province}" if province else ""
        return _decline(f"Các văn bản hiện có{where} không nêu thông tin này.", hits, province)
    if province or len(leads) == 1 or leads[0][1].score - leads[1][1].score > 0.25:
        chosen, lead = leads[0]
        doc = docs.get(lead.hit.doc_id)
        merged = province is not None and chosen != province  # asked by the new unit's name
        return Reply(text=f"{lead.text}\n\n{citation_line(lead.hit, doc, province_note=merged)}",
                     sources=[source(lead.hit, doc)], support=lead.support,
                     slots={"province": province or chosen, "doc_id": lead.hit.doc_id, **remembered})
    # Several provinces answer and nothing says which: a short answer for each.
    shown = leads[:3]
    lines = [f"- {p}: {lead.text}" for p, lead in shown]
    text = "Các nghị quyết của nhiều tỉnh đều nêu nội dung này:\n" + "\n".join(lines)
    return Reply(text=text, sources=[source(lead.hit, docs.get(lead.hit.doc_id)) for _, lead in shown],
                 buttons=[{"title": f"Chỉ xem {p}", "payload": f'/follow_up{{"province": "{p}"}}'} for p, _ in shown],
                 slots={"province": None, **remembered})


# A question NLU took for out of scope is answered only when the documents clearly hold it.
STRICT_SUPPORT = 0.6


def answer_if_in_documents(question: str, entities: list[dict], focus: Focus) -> Optional[Reply]:
    """The answer to a question NLU thought out of scope, when it names a province or a
    document the assistant holds and a passage covers it well; else None (decline)."""
    docs = documents_by_id()
    known = {area for d in docs.values() for area in (d.get("areas") or [d.get("province")]) if area}
    named = [e["value"] for e in entities if e.get("entity") == "province" and e["value"] in known]
    numbered = number_spans(question, get_searcher().documents)
    if not (named or numbered):
        return None
    reply = answer(question, "ask_fact", entities, focus)
    return reply if reply.sources and reply.support >= STRICT_SUPPORT else None
