"""Requests that are not one question about one passage: lists of commitments, paging,
comparisons, summaries and the deadline timeline. Chosen by intent, or by the words of
the request when NLU put it elsewhere ("so sánh …" classified as ask_target)."""
from __future__ import annotations

import json
import re
from typing import Optional

from bot.actions.commitments import (KIND_TITLES, compare_lines, list_kind, list_title, page_reply, select_facts,
                                     timeline, _ranked, _topic)
from bot.actions.replies import Focus, Reply
from bot.actions.resources import documents_by_id, get_searcher
from bot.actions.summary import primary_document, summarize
from index.query import number_spans
from knowledge.language.normalize import fold

_MORE = re.compile(r"^(xem them|xem tiep|tiep( di| tuc)?|hien them|con nua( khong)?|next|more)\W*$")
_SUMMARY = re.compile(r"\b(tom tat|tom luoc|noi dung chinh|y chinh)\b")
# "… nói về gì / nói gì / có gì": the words of asking for a summary, without a topic.
_ABOUT = re.compile(r"\b(noi ve|noi|co|de cap|ban ve|gom|bao gom|la|ve)\b")
_TIMELINE = re.compile(r"\b(cac moc|moc thoi (gian|han)|lo trinh|timeline|lich trinh)\b")
_COMPARE = re.compile(r"\bso sanh\b|\bkhac nhau\b")
_LIST = re.compile(r"\b(liet ke|ke het|danh sach|nhung viec|nhung nhiem vu|duoc giao nhung)\b")


def _values(entities: list[dict], kind: str) -> list[str]:
    return list(dict.fromkeys(e["value"] for e in entities if e.get("entity") == kind))


def _paged(title: str, ids: list[int], empty: str, extra: Optional[dict] = None) -> Reply:
    if not ids:
        return Reply(text=empty, slots={"list_state": None, **(extra or {})})
    text, sources, buttons, state = page_reply(title, ids, 0)
    return Reply(text=text, sources=sources, buttons=buttons, slots={"list_state": state, **(extra or {})})


def _more(focus: Focus) -> Reply:
    if not focus.list_state:
        return Reply(text="Không còn danh sách nào để xem tiếp. Bạn muốn liệt kê chỉ tiêu, nhiệm vụ hay thời hạn nào?")
    state = json.loads(focus.list_state)
    text, sources, buttons, next_state = page_reply(state["title"], state["ids"], state["offset"])
    return Reply(text=text, sources=sources, buttons=buttons, slots={"list_state": next_state})


def special_reply(question: str, intent: Optional[str], entities: list[dict], focus: Focus) -> Optional[Reply]:
    """The reply for a list, paging, comparison, summary or timeline request; else None."""
    folded = fold(question)
    if intent == "more" or question.strip() == "/more" or _MORE.match(folded):
        return _more(focus)
    searcher, docs = get_searcher(), documents_by_id()
    known = {area for d in docs.values() for area in (d.get("areas") or [d.get("province")]) if area}
    issuing = sorted({d["province"] for d in docs.values() if d.get("province")})
    provinces = [p for p in _values(entities, "province") if p in known]
    doc_ids = sorted({d for *_, ids in number_spans(question, searcher.documents) for d in ids})
    if _SUMMARY.search(folded) or (intent == "summarize" and not _topic(_ABOUT.sub(" ", folded), searcher.documents)):
        doc_id = primary_document(provinces or ([focus.province] if focus.province else []), doc_ids, focus.doc_id)
        if doc_id is None:
            names = ", ".join(issuing)
            return Reply(text=f"Bạn muốn tóm tắt nghị quyết của tỉnh nào? Hiện có: {names}.",
                         buttons=[{"title": p, "payload": f"Tóm tắt nghị quyết của {p}"} for p in issuing])
        text, sources = summarize(doc_id)
        return Reply(text=text, sources=sources, slots={"doc_id": doc_id, "province": docs[doc_id].get("province")})
    if intent == "timeline" or _TIMELINE.search(folded):
        scope = provinces or ([focus.province] if focus.province and intent != "timeline" else [])
        return _paged("Các mốc thời hạn" + (f" — {', '.join(scope)}" if scope else " trong các văn bản"),
                      timeline(scope), "Các văn bản hiện có không nêu mốc thời hạn nào cho phạm vi này.")
    if _COMPARE.search(folded) or (intent == "compare" and len(provinces) >= 2):
        chosen = provinces if len(provinces) >= 2 else (
            [focus.province, *provinces] if focus.province and provinces and focus.province not in provinces else provinces)
        if len(chosen) < 2:
            return Reply(text="Bạn muốn so sánh những tỉnh nào? Hiện có: " + ", ".join(issuing) + ".")
        topic = _topic(question, searcher.documents)
        lines, sources = compare_lines(chosen, topic)
        head = f"So sánh chỉ tiêu{f' về “{topic}”' if topic else ''}:"
        return Reply(text="\n".join([head, *lines]), sources=sources, slots={"province": None, "list_state": None})
    actors = _values(entities, "issuing_body")
    if intent == "list_facts" or _LIST.search(folded) or (intent == "ask_responsibility" and actors
                                                           and re.search(r"\bnhung\b", folded)):
        years = _values(entities, "year")
        kind = list_kind(question, actors[0] if actors else None)
        scope = provinces or ([focus.province] if focus.province and not years else [])
        topic = "" if actors else _topic(question, searcher.documents)
        ids = _ranked(select_facts(kind, scope, years[0] if years else None, actors[0] if actors else None, doc_ids),
                      topic)
        title = list_title(kind, scope, years[0] if years else None, actors[0] if actors else None, topic)
        return _paged(title, ids, f"Các văn bản hiện có không nêu {KIND_TITLES[kind].lower()} nào phù hợp.",
                      {"province": scope[0] if len(scope) == 1 else focus.province})
    return None
