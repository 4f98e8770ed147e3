"""Commitments as lists: targets, deadlines and responsibilities from the extracted facts,
side-by-side comparisons, a deadline timeline, and paging ("xem thêm") of long lists.

Every item is a fact with its own source (document, section), so a list never states
anything its citation does not.
"""
from __future__ import annotations

import json
import re
from typing import Optional

from bot.actions.citations import document_label, path_label
from knowledge.header.doctypes import doc_type
from bot.actions.evidence import Evidence
from bot.actions.resources import documents_by_id, get_searcher
from index.query import analyse
from knowledge.language.normalize import fold

PAGE = 8
MORE_BUTTON = {"title": "Xem thêm", "payload": "/more"}
# Phrases and words that say what kind of list is asked for, not what it is about
# (folded; phrases first, so "so sánh" goes but "chuyển đổi số" keeps its "số").
_LIST_PHRASES = ("liet ke", "ke het", "ke ra", "danh sach", "chi tieu", "muc tieu", "cu the", "nhiem vu",
                 "duoc giao", "trach nhiem", "thoi han", "so sanh", "nghi quyet", "de ra", "dat ra", "khac nhau",
                 "cao hon", "thap hon", "hoan thanh", "phai xong", "nhung viec", "the nao", "dinh huong")
_LIST_SINGLE = frozenset("cac nhung viec phai nam den trong truoc va voi ve cua tinh gi nao nhu xong giua hay "
                         "hoac la".split())
_ASKS_DEADLINES = re.compile(r"\b(viec phai|phai hoan thanh|phai xong|thoi han|han chot|moc|hoan thanh)\b")
_ASKS_DUTIES = re.compile(r"\b(duoc giao|nhiem vu|trach nhiem|chu tri|phoi hop|lam gi|phai lam)\b")


def fact_label(fact: dict, docs: dict[str, dict], with_doc: bool) -> str:
    """One list line: what the fact says, then where it says it."""
    where = path_label(fact.get("section") or "")
    if with_doc:
        doc = docs.get(fact["doc_id"], {})
        where = f"{doc.get('province') or ''}, {short_doc(doc)}, {where}".lstrip(", ")
    if fact["type"] == "target":
        value = f"{fact.get('comparator') if fact.get('comparator') not in (None, '=') else ''}{fact['value']}"
        unit = fact["unit"] if fact["unit"] == "%" else f" {fact['unit']}"
        year = f" (năm {fact['year']})" if fact.get("year") else ""
        return f"{fact.get('indicator') or fact['quote'][:120]}: {value}{unit}{year} — {where}"
    if fact["type"] == "deadline":
        return f"{fact['due']}: {fact.get('item') or fact['quote'][:160]} — {where}"
    return f"{fact['actor']} ({fact['role']}): {(fact.get('task') or '')[:160]} — {where}"


def short_doc(doc: dict) -> str:
    """"KH 144/KH-UBND", "Dự thảo NQ": a document in a list line."""
    kind = doc_type(doc["kind"]).short if doc.get("kind") and doc["kind"] != "van-ban" else "VB"
    kind = f"Dự thảo {kind}" if doc.get("draft") else kind
    return f"{kind} {doc['number']}" if doc.get("number") else kind


def fact_source(fact: dict, docs: dict[str, dict]) -> dict:
    doc = docs.get(fact["doc_id"], {})
    return {"doc_id": fact["doc_id"], "title": doc.get("title"), "province": fact.get("province"),
            "number": doc.get("number"), "kind": doc.get("kind"), "section": fact.get("section") or None,
            "section_label": path_label(fact.get("section") or ""),
            "heading": list(fact.get("heading") or []), "quote": fact["quote"]}


def _topic(question: str, documents: list[dict]) -> str:
    """The question's subject in the user's own words, without list words, provinces,
    document numbers or years."""
    words = analyse(question, documents).ranking_text.split()
    folded = [fold(w).strip("?.,!:;“”\"") for w in words]
    drop = [f in _LIST_SINGLE or not f or f.isdigit() for f in folded]
    for phrase in _LIST_PHRASES:
        parts = phrase.split()
        for i in range(len(folded) - len(parts) + 1):
            if folded[i:i + len(parts)] == parts:
                drop[i:i + len(parts)] = [True] * len(parts)
    return " ".join(w.strip("?.,!:;") for w, d in zip(words, drop) if not d)


def _ranked(ids: list[int], topic: str) -> list[int]:
    """Facts about the topic, best first; all of them (in document order) without a topic."""
    searcher = get_searcher()
    if len(topic.split()) < 1:
        return ids
    evidence = Evidence(topic, searcher.lexical)
    if not evidence.total:
        return ids
    facts = searcher.facts
    scored = [(evidence.support(" ".join([*(facts[i].get("heading") or []), facts[i]["quote"]])), i) for i in ids]
    kept = [(s, i) for s, i in scored if s >= 0.3]
    return [i for _, i in sorted(kept, key=lambda si: -si[0])]


def page_reply(title: str, ids: list[int], offset: int) -> tuple[str, list[dict], list[dict], Optional[str]]:
    """(text, sources, buttons, paging state) for one page of a fact list."""
    searcher, docs = get_searcher(), documents_by_id()
    chunk = ids[offset:offset + PAGE]
    with_doc = len({searcher.facts[i]["doc_id"] for i in ids}) > 1
    lines = [f"{offset + n}. {fact_label(searcher.facts[i], docs, with_doc)}" for n, i in enumerate(chunk, start=1)]
    rest = len(ids) - offset - len(chunk)
    text = f"{title} — {len(ids)} mục:\n" + "\n".join(lines) if offset == 0 else f"{title} (tiếp):\n" + "\n".join(lines)
    state = None
    buttons: list[dict] = []
    if rest > 0:
        text += f"\n(Còn {rest} mục: gõ “xem thêm” để xem tiếp.)"
        buttons = [MORE_BUTTON]
        state = json.dumps({"title": title, "ids": ids, "offset": offset + len(chunk)})
    sources = [fact_source(searcher.facts[i], docs) for i in chunk]
    return text, sources, buttons, state


def select_facts(kind: str, provinces: list[str], year: Optional[str], actor: Optional[str],
                 doc_ids: list[str]) -> list[int]:
    """Positions of the facts of this kind under the filters, in document order."""
    out = []
    for i, fact in enumerate(get_searcher().facts):
        if fact["type"] != kind or (provinces and not set(fact.get("areas") or [fact.get("province")]) & set(provinces)):
            continue
        if year and fact.get("year") != year or doc_ids and fact["doc_id"] not in doc_ids:
            continue
        if actor and fold(actor) not in fold(fact.get("actor") or ""):
            continue
        out.append(i)
    return out


def list_kind(question: str, actor: Optional[str]) -> str:
    folded = fold(question)
    if actor or _ASKS_DUTIES.search(folded):
        return "responsibility"
    if _ASKS_DEADLINES.search(folded):
        return "deadline"
    return "target"


KIND_TITLES = {"target": "Chỉ tiêu", "deadline": "Thời hạn", "responsibility": "Nhiệm vụ được giao"}


def list_title(kind: str, provinces: list[str], year: Optional[str], actor: Optional[str], topic: str) -> str:
    parts = [KIND_TITLES[kind]]
    if actor:
        parts.append(f"của {actor}")
    if topic:
        parts.append(f"về “{topic}”")
    if provinces:
        parts.append(f"— {', '.join(provinces)}")
    if year:
        parts.append(f"(năm {year})")
    return " ".join(parts)


def compare_lines(provinces: list[str], topic: str) -> tuple[list[str], list[dict]]:
    """For each province, its targets about the topic (at most three), with sources."""
    searcher, docs = get_searcher(), documents_by_id()
    lines, sources = [], []
    for province in provinces:
        ids = _ranked(select_facts("target", [province], None, None, []), topic)[:3]
        lines.append(f"{province}:")
        if not ids:
            lines.append("- Nghị quyết hiện có không đặt chỉ tiêu về nội dung này.")
        for i in ids:
            fact = searcher.facts[i]
            lines.append(f"- {fact_label(fact, docs, with_doc=False)} ({short_doc(docs.get(fact['doc_id'], {}))})")
            sources.append(fact_source(fact, docs))
    return lines, sources


def timeline(provinces: list[str]) -> list[int]:
    """Deadlines across documents, earliest first (full dates before bare years of the same year)."""
    facts = get_searcher().facts
    ids = select_facts("deadline", provinces, None, None, [])
    return sorted(ids, key=lambda i: (facts[i].get("year") or "9999", facts[i].get("date") or "9999-99-99",
                                      facts[i]["doc_id"], i))


def document_label_for(doc_id: str) -> str:
    return document_label(documents_by_id().get(doc_id, {}))
