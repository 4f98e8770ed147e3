"""Which facts a list is made of, best first, and how one fact reads as a list line.

Facts are held by id (content hashes), so a list being paged keeps pointing at the same
commitments after the index is rebuilt; a fact that no longer exists is dropped.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from bot.answers.citations import path_label, short_doc
from bot.answers.text.evidence import Evidence
from index.question import Question
from index.search import Searcher
from knowledge.facts.model import Fact
from knowledge.language.normalize import fold

# Phrases and words that say what kind of list is asked for, not what it is about
# (folded; phrases first, so "so sánh" goes but "chuyển đổi số" keeps its "số").
_LIST_PHRASES = ("liet ke", "ke het", "ke ra", "ke ten", "danh sach", "chi tieu", "muc tieu", "cu the", "nhiem vu",
                 "duoc giao", "trach nhiem", "thoi han", "so sanh", "nghi quyet", "de ra", "dat ra", "khac nhau",
                 "cao hon", "thap hon", "hoan thanh", "phai xong", "nhung viec", "the nao", "dinh huong",
                 "giup minh", "giup toi", "cho minh", "cho toi", "to chuc thuc hien", "co quan", "don vi")
_LIST_SINGLE = frozenset("cac nhung viec phai nam den trong truoc va voi ve cua tinh gi nao nhu xong giua hay "
                         "hoac la ai giao cho".split())
_ASKS_DEADLINES = re.compile(r"\b(viec phai|phai hoan thanh|phai xong|thoi han|han chot|moc|hoan thanh)\b")
_ASKS_DUTIES = re.compile(r"\b(duoc giao|giao cho|nhiem vu|trach nhiem|chu tri|phoi hop|lam gi|phai lam"
                          r"|to chuc thuc hien|co quan nao|don vi nao)\b")
RELEVANT = 0.3

KIND_TITLES = {"target": "Chỉ tiêu", "deadline": "Thời hạn", "responsibility": "Nhiệm vụ được giao"}


def topic(question: Question) -> str:
    """The question's subject in the user's own words, without list words, provinces,
    document numbers or years."""
    words = (question.search_text if question.follow_up else question.own_topic).split()
    folded = [fold(w).strip("?.,!:;“”\"") for w in words]
    drop = [f in _LIST_SINGLE or not f or f.isdigit() for f in folded]
    for phrase in _LIST_PHRASES:
        parts = phrase.split()
        for i in range(len(folded) - len(parts) + 1):
            if folded[i:i + len(parts)] == parts:
                drop[i:i + len(parts)] = [True] * len(parts)
    return " ".join(w.strip("?.,!:;") for w, d in zip(words, drop) if not d)


def list_kind(question: Question) -> str:
    """target, deadline or responsibility: what the list is of."""
    folded = fold(question.search_text if question.follow_up else question.text)
    if question.bodies or question.wants.who or _ASKS_DUTIES.search(folded):
        return "responsibility"
    if question.wants.when or _ASKS_DEADLINES.search(folded):
        return "deadline"
    return "target"


def select(searcher: Searcher, kind: str, provinces: Sequence[str] = (), year: Optional[int] = None,
           actor: Optional[str] = None, doc_ids: Sequence[str] = ()) -> list[Fact]:
    """The facts of this kind under the filters, in document order."""
    out = []
    for fact in searcher.facts:
        if fact.type != kind or (provinces and not set(fact.areas or (fact.province,)) & set(provinces)):
            continue
        if year and fact.year != str(year) or doc_ids and fact.doc_id not in doc_ids:
            continue
        if actor and fold(actor) not in fold(fact.actor or ""):
            continue
        out.append(fact)
    return out


def ranked(searcher: Searcher, facts: list[Fact], about: str) -> list[Fact]:
    """Facts about the topic, best first; all of them (in document order) without a topic."""
    if not about.split():
        return facts
    evidence = Evidence(about, searcher.lexical)
    if not evidence.total:
        return facts
    scored = [(evidence.support(" ".join([*fact.heading, fact.quote])), n, fact) for n, fact in enumerate(facts)]
    return [fact for s, _, fact in sorted(scored, key=lambda t: (-t[0], t[1])) if s >= RELEVANT]


def fact_label(fact: Fact, searcher: Searcher, with_doc: bool) -> str:
    """One list line: what the fact says, then where it says it."""
    where = path_label(fact.section or "")
    if with_doc:
        doc = searcher.cards.get(fact.doc_id)
        where = f"{(doc.province if doc else None) or ''}, {short_doc(doc)}, {where}".lstrip(", ")
    if fact.type == "target":
        value = f"{fact.comparator if fact.comparator not in (None, '=') else ''}{fact.value}"
        unit = fact.unit if fact.unit == "%" else f" {fact.unit}"
        year = f" (năm {fact.year})" if fact.year else ""
        return f"{fact.indicator or fact.quote[:120]}: {value}{unit}{year} — {where}"
    if fact.type == "deadline":
        return f"{fact.due}: {fact.item or fact.quote[:160]} — {where}"
    return f"{fact.actor} ({fact.role}): {(fact.task or '')[:160]} — {where}"


def list_title(kind: str, provinces: Sequence[str], year: Optional[int], actor: Optional[str], about: str) -> str:
    parts = [KIND_TITLES[kind]]
    if actor:
        parts.append(f"của {actor}")
    if about:
        parts.append(f"về “{about}”")
    if provinces:
        parts.append(f"— {', '.join(provinces)}")
    if year:
        parts.append(f"(năm {year})")
    return " ".join(parts)
