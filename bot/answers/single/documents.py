"""A document's own fields (signer, date, number, title, issuer), from its metadata card; a
document the held ones only cite, from what their text says of it.

A question that describes a document ("nghị quyết chuyển đổi số của Bắc Kạn") is answered
only from a held document that the description fits; otherwise the reply says what the
documents hold, and never lends one document's number or date to another.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.answers.citations import citation_line, document_label, source
from bot.answers.replies import Reply
from bot.answers.single.answering import decline, unknown_provinces
from bot.answers.single.leads import units
from index.lexical import lexical_tokens
from index.question import Question
from index.question.references import FULL_NUMBER, number_key
from index.records import DocumentCard
from index.search import Hit, Searcher
from knowledge.language.normalize import fold, strip_diacritics

# Phrases and words that ask for a field: not a description of the document.
_ASKING_PHRASES = re.compile(
    r"\b(ban hanh|hieu luc|thi sao|so hieu|ky hieu|ngay nao|ra doi|ten day du|trich yeu|tieu de|ten goi|co quan"
    r"|don vi|the nao|bao nhieu|la gi|la ai|cho biet|the con|vay con)\b")
_ASKING = frozenset("ai ky nguoi boi do la da ngay nao thang nam khi de so may gi cua tinh thanh pho huyen xa va "
                    "tu ve duoc cho biet hoi the vay a nhe con toi minh muon nay kia ay den thuoc trong voi hay hoac "
                    "o tai".split())
# Words that name a document's type: they choose among documents, but say nothing of its subject.
_TYPE_WORDS = re.compile(r"\b(van ban|nghi quyet|cong van|quyet dinh|ke hoach|chi thi|chuong trinh|thong bao|ket luan"
                         r"|de an|bai viet|ban sao luc|ban sao|du thao)\b")
FIELD_NAMES = {"signer": "người ký", "date": "ngày ban hành", "number": "số hiệu", "title": "tên",
               "issuer": "cơ quan ban hành"}


FITS = 0.5


def _card_text(card: DocumentCard) -> str:
    parts = [card.title, card.subject, card.label, card.issuing_body, card.period, card.number, card.province,
             *card.areas, card.signer, card.signer_role, card.place]
    return " ".join(p for p in parts if p)


def _description(question: Question, with_type: bool) -> str:
    """The question's words that describe the document (with or without its type), not the field asked."""
    text = _ASKING_PHRASES.sub(" ", fold(question.own_topic))
    if not with_type:
        text = _TYPE_WORDS.sub(" ", text)
    return " ".join(w for w in re.findall(r"[a-z0-9]+", text) if w not in _ASKING and not w.isdigit())


def _fit(searcher: Searcher, card: DocumentCard, described: str) -> float:
    """How much of the description the card's title and header carry, each word weighted by
    how telling it is in the corpus (never zero: a common word still has to be there)."""
    terms = set(lexical_tokens(described, accented=False))
    if not terms:
        return 1.0
    weights = {t: max(searcher.lexical.idf(t), 0.2) for t in terms}
    present = set(lexical_tokens(_card_text(card), accented=False))
    return sum(w for t, w in weights.items() if t in present) / sum(weights.values())


def _fact_line(card: DocumentCard, wanted: str) -> str:
    name = document_label(card, with_date=False)
    if wanted == "signer":
        if not card.signer:
            return f"{name} không ghi người ký."
        return f"{name} do {card.signer} ký" + (f" ({card.signer_role})" if card.signer_role else "") + "."
    if wanted == "date":
        if not card.issued:
            return f"{name} không ghi ngày ban hành."
        d = card.issued
        return f"{name} được ban hành ngày {d.day}/{d.month}/{d.year} ({d.day} tháng {d.month} năm {d.year})."
    if wanted == "number":
        return f"Số hiệu: {card.number} — {document_label(card)}." if card.number else f"{name} không ghi số."
    if wanted == "title":
        return f"{document_label(card)}: {card.title}." if card.title else f"{name} không có trích yếu."
    if card.issuing_body:
        return f"{document_label(card)}. Cơ quan ban hành: {card.issuing_body}."
    return f"{name}: văn bản không ghi cơ quan ban hành."


def _passage_with(searcher: Searcher, doc_id: str, role: str, value: Optional[str]) -> Optional[Hit]:
    """The passage of a document holding a metadata value, to cite it verbatim."""
    if not value:
        return None
    for p in searcher.passages:
        if p.doc_id == doc_id and p.role == role and fold(value) in fold(p.text):
            return Hit.from_passage(p)
    return None


def _card_hit(searcher: Searcher, doc_id: str, role: str = "card") -> Optional[Hit]:
    p = next((p for p in searcher.passages if p.doc_id == doc_id and p.role == role), None)
    return Hit.from_passage(p) if p else None


def _held_reply(searcher: Searcher, card: DocumentCard, wanted: str) -> Reply:
    cited = None
    if wanted == "signer":
        cited = _passage_with(searcher, card.id, "signature", card.signer)
    elif wanted == "number":
        cited = _passage_with(searcher, card.id, "body", card.number)
    cited = cited or _card_hit(searcher, card.id) or _card_hit(searcher, card.id, "header")
    text = _fact_line(card, wanted)
    if cited is None:
        return Reply(text=text, slots={"province": card.province, "doc_id": card.id})
    return Reply(text=f"{text}\n\n{citation_line(cited, card)}", sources=[source(cited, card)],
                 slots={"province": card.province, "doc_id": card.id})


def _mentions(searcher: Searcher, question: Question, key: str) -> list[Hit]:
    """Passages in scope whose text names the document number ``key``."""
    found = []
    for p in searcher.passages:
        if question.scope and not set(p.areas) & set(question.scope):
            continue
        folded = strip_diacritics(p.text).lower()
        if any(number_key(m.group(0)) == key for m in FULL_NUMBER.finditer(folded)):
            found.append(Hit.from_passage(p))
    return found


def _cited_reply(searcher: Searcher, question: Question, wanted: str) -> Reply:
    """What the held documents' text says of a document they only cite."""
    ref = question.cited[0]
    key = number_key(ref.written)
    for hit in _mentions(searcher, question, key):
        for unit in units(hit.text):
            if any(number_key(m.group(0)) == key for m in FULL_NUMBER.finditer(strip_diacritics(unit).lower())):
                card = searcher.cards.get(hit.doc_id)
                note = (f"Các văn bản hiện có không có toàn văn {ref.written}; "
                        f"{document_label(card, with_date=False)} nhắc đến nó như sau:")
                text = f"{unit.lstrip('-–• ').strip()}\n\n({note} {citation_line(hit, card)[7:]})"
                return Reply(text=text, sources=[source(hit, card)],
                             slots={"province": hit.province, "doc_id": hit.doc_id})
    return decline(f"Các văn bản hiện có không nêu {FIELD_NAMES.get(wanted, 'thông tin')} của {ref.written}.")


def document_info(searcher: Searcher, question: Question, focus_doc: Optional[str]) -> Reply:
    """The field asked of the document the question names, describes or last talked about."""
    unknown = unknown_provinces(searcher, question)
    if unknown:
        return unknown
    wanted = question.doc_field or "title"
    named = question.named_documents
    if question.cited and not named:
        return _cited_reply(searcher, question, wanted)
    own: set[str] = set()
    if named:
        candidates = [searcher.cards[d] for d in named]
        keys = {number_key(r.written) for r in question.references if r.by == "number"}
        own = {c.id for c in candidates if c.number and number_key(c.number) in keys}
    else:
        scope = question.scope
        candidates = [c for c in searcher.documents if not scope or set(c.areas) & set(scope)]
        if not scope and focus_doc in searcher.cards:
            candidates = [searcher.cards[focus_doc]]
        subject = _description(question, with_type=False)
        fitting = [c for c in candidates if _fit(searcher, c, subject) >= FITS]
        if not fitting:
            where = f" của {', '.join(scope)}" if scope else ""
            held = "; ".join(document_label(c) for c in candidates[:4])
            return decline(f"Các văn bản hiện có{where} không có văn bản như bạn mô tả, nên không thể cho biết "
                           f"{FIELD_NAMES.get(wanted, 'thông tin này')}."
                           + (f" Các văn bản hiện có{where}: {held}." if held else ""))
        candidates = fitting
    described = _description(question, with_type=True)
    best = min(candidates, key=lambda c: (-round(_fit(searcher, c, described), 2), c.id not in own, c.secondary,
                                          c.kind == "ban-sao", c.draft, not c.number))
    return _held_reply(searcher, best, wanted)


def list_documents(searcher: Searcher) -> Reply:
    """The documents the assistant knows, by province."""
    documents = sorted(searcher.documents, key=lambda d: (d.province or "", d.id))
    lines = [f"- {d.province or 'Không rõ tỉnh'}: {document_label(d)} — {d.title or ''}".rstrip(" —")
             for d in documents]
    sources = [{"doc_id": d.id, "title": d.title, "province": d.province, "number": d.number, "kind": d.kind,
                "section": None, "section_label": "thông tin văn bản", "heading": [], "quote": d.title or ""}
               for d in documents]
    return Reply(text=f"Hiện có {len(documents)} văn bản:\n" + "\n".join(lines), sources=sources)

