"""Read a question once: provinces, document references, years, the field or figure asked,
a premise to check, and the follow-up resolved against the conversation's focus."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from index.question.asks import claimed_spans, metadata_field, premise_spans, states_premise, wants
from index.question.follow_up import elliptical, is_follow_up, own_topic_enough, points_back
from index.question.model import Previous, Question
from index.question.references import find_references
from index.records import DocumentCard
from index.question.years import Years, find_years, period_of
from knowledge.language.entities import find_bodies
from knowledge.language.normalize import has_diacritics, nfc, strip_diacritics
from knowledge.language.provinces import canonical_province, find_province_spans

TOPIC_MAX = 300
# "nghị quyết … của tỉnh X": the province is named as the document's issuer.
_ISSUED_BY = re.compile(r"\b(nghi quyet|van ban|ke hoach|quyet dinh|chi thi|cong van|chuong trinh|de an)\b[^?.!]{0,60}"
                        r"\b(cua|do)\s+(tinh uy\s+|ubnd\s+|hdnd\s+)?(tinh|thanh pho|tp\.?)?\s*$")


def typed_without_diacritics(question: str) -> bool:
    """True for "bac kan dat muc tieu gi": the dense model reads such text poorly."""
    letters = [c for c in question if c.isalpha()]
    return len(letters) >= 8 and not has_diacritics(question)


def _without(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the spans blanked out (overlapping spans merged first)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + " " + text[end:]
    return re.sub(r"\s+", " ", text).strip()


def _field_roles(field: Optional[str]) -> tuple[str, ...]:
    if field == "signer":
        return ("signature", "card")
    return ("card",) if field else ()


def _period_scope(years: Years, cards: Sequence[DocumentCard], scope: Sequence[str]
                  ) -> tuple[list[str], tuple[tuple[int, int], ...]]:
    """For a question about a period ("giai đoạn 2021 - 2025"): the documents in scope whose
    period overlaps it, or, when none does, the periods they cover (to say so)."""
    asked = years.period
    if asked is None:
        return [], ()
    spans = [(c.id, period_of(c.period or c.title or "")) for c in cards if not scope or set(c.areas) & set(scope)]
    known = [(d, p) for d, p in spans if p]
    fitting = [d for d, p in known if p[0] <= asked[1] and asked[0] <= p[1]]
    if fitting or not known:
        return fitting, ()
    return [], tuple(sorted({p for _, p in known}))


def understand(text: str, cards: Sequence[DocumentCard], previous: Optional[Previous] = None,
               province: Optional[str] = None, doc_id: Optional[str] = None, kind: Optional[str] = None,
               cited_numbers: frozenset[str] = frozenset(), auto: bool = True) -> Question:
    """The question's reading. Explicit ``province``/``doc_id``/``kind`` (API filters, buttons)
    win over what the text names; with ``auto`` off the text names nothing."""
    text = "" if text.startswith("/") else nfc(text)   # a button payload carries no words
    previous = previous or Previous()
    known = {area for c in cards for area in (c.areas or (c.province,)) if area}
    spans = find_province_spans(text) if auto else []
    named = list(dict.fromkeys(name for *_, name in spans))
    held = [p for p in named if p in known]
    unknown = [p for p in named if p not in known]
    explicit = canonical_province(province) or province if province else None
    folded = strip_diacritics(text).lower()
    issuers = [name for a, _, name in spans if name in held and _ISSUED_BY.search(folded[:a])]
    refs = find_references(text, cards, cited_numbers) if auto and not doc_id else []
    years = find_years(text, [(r.start, r.end) for r in refs])
    used = [(a, b) for a, b, name in spans if name in held] + [(r.start, r.end) for r in refs if r.held or r.cited]
    # The figures a premise claims ("… 15.000 doanh nghiệp, đúng không?") are checked, not
    # searched for; years and document numbers are not claims.
    claims = [(a, b, v) for a, b, v in claimed_spans(text)
              if not any(r.start <= a < r.end for r in refs) and not re.fullmatch(r"(19|20)\d{2}", v)]
    claimed = tuple(v for *_, v in claims)
    used += [(a, b) for a, b, _ in claims] + premise_spans(text)
    own_topic = (_without(text, used) or text)[:TOPIC_MAX]

    follow = bool(previous.topic) and is_follow_up(text) if text else bool(previous.topic)
    back = follow and (points_back(text) or elliptical(own_topic))
    leans = follow and (back or not own_topic_enough(own_topic, previous.topic or ""))
    search_text = f"{own_topic} {previous.topic}".strip() if leans else own_topic
    provinces = [explicit] if explicit else held
    in_scope = provinces[0] if len(provinces) == 1 else None
    if not provinces and not unknown and not refs and previous.province and not explicit:
        in_scope = previous.province
    doc_ids = [doc_id] if doc_id else list(dict.fromkeys(d for r in refs for d in r.held))
    if not doc_ids and back and not held and previous.doc_id in {c.id for c in cards}:
        doc_ids = [previous.doc_id]   # "việc đó": the document of the last answer
    uncovered: tuple[tuple[int, int], ...] = ()
    if not doc_ids:
        scope = provinces or ([in_scope] if in_scope else [])
        doc_ids, uncovered = _period_scope(years, cards, scope)
    asked = wants(text)
    field = (metadata_field(text) or (metadata_field(previous.topic or "") if follow else None)) if auto else None
    return Question(
        text=text, own_topic=own_topic, search_text=search_text[:2 * TOPIC_MAX], plain=typed_without_diacritics(text),
        provinces=tuple(provinces), unknown_provinces=tuple(unknown), province=in_scope, references=tuple(refs),
        doc_ids=tuple(doc_ids), kinds=(kind,) if kind else (),
        bodies=tuple(dict.fromkeys(b.value for b in find_bodies(text))), years=years, uncovered=uncovered, doc_field=field, roles=_field_roles(field),
        wants=replace(asked, amount=True) if claimed else asked, premise=states_premise(text), claimed=claimed,
        issuers=tuple(dict.fromkeys(issuers)), follow_up=follow,
        points_back=back)
