"""Targets, responsibilities and deadlines as data, extracted from the parsed documents.

Every fact keeps its quote (a clause or table row copied verbatim from the document's
clean text), so anyone can check it. News articles and copy notes repeat a primary
document, so they yield no facts of their own.
"""
from __future__ import annotations

from typing import Optional

from knowledge.corpus import Document
from knowledge.facts.deadlines import clause_deadlines
from knowledge.facts.model import Fact
from knowledge.facts.records import field_records, row_facts
from knowledge.facts.responsibilities import passage_responsibilities
from knowledge.facts.targets import passage_targets
from knowledge.facts.text import YEAR_IN, in_skipped_part, parent_path
from knowledge.structure.passages import Passage, table_rows

__all__ = ["Fact", "extract_facts"]


def _lead_in_year(doc: Document, passage: Passage) -> Optional[str]:
    """A year stated by the lead-in of the passage's section or one above it
    ("Phấn đấu đến năm 2025 đạt được các mục tiêu sau:")."""
    path = passage.section
    while path:
        path = parent_path(path)
        for p in doc.passages:
            if p.section == path and p.role == "body" and p.text.rstrip().endswith(":"):
                m = YEAR_IN.search(p.text)
                if m:
                    return m.group(1)
    return None


def _table_facts(doc: Document) -> list[Fact]:
    """Facts of table rows, matched to their row passages."""
    rows = {(p.section, p.text): p for p in doc.passages if p.role == "row"}
    out: list[Fact] = []
    for node in doc.sections.walk():
        if node.kind != "table":
            continue
        for path, _group, text, cells in table_rows(node):
            passage = rows.get((path, text))
            if passage is not None:
                out += row_facts(passage, node.header, cells)
    return out


def extract_facts(doc: Document) -> list[Fact]:
    """All facts of one document, each with its stable id."""
    if doc.meta.secondary:
        return []
    facts: list[Fact] = []
    body = [p for p in doc.passages if p.role == "body" and not in_skipped_part(p)]
    for passage in body:
        if not passage.section and doc.meta.kind != "cong-van":
            continue  # the preamble (recitals, context) commits to nothing
        facts += passage_targets(passage, lambda p=passage: _lead_in_year(doc, p))
        facts += passage_responsibilities(passage)
        for clause, due, item in clause_deadlines(passage.text):
            facts.append(Fact(type="deadline", doc_id=doc.doc_id, province=doc.meta.province, section=passage.section,
                              quote=clause, due=due.text, date=due.date, year=due.year, recurring=due.recurring,
                              item=item[:300], heading=passage.heading))
    facts += field_records(body)
    facts += _table_facts(doc)
    seen: set[tuple] = set()
    out = []
    areas = tuple(doc.meta.areas)
    for fact in facts:
        key = (fact.type, fact.quote, fact.actor, fact.role, fact.indicator, fact.value, fact.due)
        if key in seen:
            continue
        seen.add(key)
        out.append(Fact(**{**fact.to_dict(), "heading": tuple(fact.heading), "areas": areas}).with_id())
    return out

