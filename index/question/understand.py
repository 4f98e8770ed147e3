"""Read a question once: provinces, document references, years, the field or figure asked,
a premise to check, and the follow-up resolved against the conversation's focus."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from index.question.asks import claimed_values, metadata_field, states_premise, wants
from index.question.follow_up import is_follow_up, points_back
from index.question.model import Previous, Question
from index.question.references import Card, find_references
from index.question.years import find_years
from knowledge.language.entities import find_bodies
from knowledge.language.normalize import has_diacritics, nfc
from knowledge.language.provinces import canonical_province, find_province_spans

TOPIC_MAX = 300


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


def understand(text: str, cards: Sequence[Card], previous: Optional[Previous] = None,
               province: Optional[str] = None, doc_id: Optional[str] = None, kind: Optional[str] = None,
               cited_numbers: frozenset[str] = frozenset(), auto: bool = True) -> Question:
    """The question's reading. Explicit ``province``/``doc_id``/``kind`` (API filters, buttons)
    win over what the text names; with ``auto`` off the text names nothing."""
    text = "" if text.startswith("/") else nfc(text)   # a button payload carries no words
    previous = previous or Previous()
    known = {area for c in cards for area in (getattr(c, "areas", None) or [c.province]) if area}
    spans = find_province_spans(text) if auto else []
    named = list(dict.fromkeys(name for *_, name in spans))
    held = [p for p in named if p in known]
    unknown = [p for p in named if p not in known]
    explicit = canonical_province(province) or province if province else None
    refs = find_references(text, cards, cited_numbers) if auto and not doc_id else []
    years = find_years(text, [(r.start, r.end) for r in refs])
    used = [(a, b) for a, b, name in spans if name in held] + [(r.start, r.end) for r in refs if r.held or r.cited]
    own_topic = (_without(text, used) or text)[:TOPIC_MAX]

    follow = bool(previous.topic) and is_follow_up(text) if text else bool(previous.topic)
    back = follow and points_back(text)
    search_text = f"{own_topic} {previous.topic}".strip() if follow else own_topic
    provinces = [explicit] if explicit else held
    in_scope = provinces[0] if len(provinces) == 1 else None
    if not provinces and not unknown and not refs and previous.province and not explicit:
        in_scope = previous.province
    doc_ids = [doc_id] if doc_id else list(dict.fromkeys(d for r in refs for d in r.held))
    if not doc_ids and back and not held and previous.doc_id in {c.id for c in cards}:
        doc_ids = [previous.doc_id]   # "việc đó": the document of the last answer
    field = (metadata_field(text) or (metadata_field(previous.topic or "") if follow else None)) if auto else None
    return Question(
        text=text, own_topic=own_topic, search_text=search_text[:2 * TOPIC_MAX], plain=typed_without_diacritics(text),
        provinces=tuple(provinces), unknown_provinces=tuple(unknown), province=in_scope, references=tuple(refs),
        doc_ids=tuple(doc_ids), kinds=(kind,) if kind else (),
        bodies=tuple(dict.fromkeys(b.value for b in find_bodies(text))), years=years, doc_field=field, roles=_field_roles(field),
        wants=wants(text), premise=states_premise(text), claimed=claimed_values(text), follow_up=follow,
        points_back=back)
