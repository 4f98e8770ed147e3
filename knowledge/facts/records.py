"""Tasks written as records: a table row under "Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
hợp | Thời gian hoàn thành", or a section that states its fields one by one
("a) Nhiệm vụ: …", "- Đơn vị chủ trì: Công an Thành phố.", "c) Thời gian thực hiện: Quý II/2026").

Each field is known by its label, whatever the layout; a record with a lead body gives
responsibilities, one with a time gives a deadline, a "Chỉ tiêu" with a value a target.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from typing import Iterator, Optional

from knowledge.facts.actors import split_actors
from knowledge.facts.deadlines import field_due
from knowledge.facts.fields import field_kind, labelled_field
from knowledge.facts.model import Fact
from knowledge.facts.targets import clause_targets
from knowledge.facts.text import heading_year
from knowledge.language.normalize import fold
from knowledge.structure.passages import Passage


def _facts(record: dict[str, str], quote: str, passage: Passage, lead_is_chair: bool) -> Iterator[Fact]:
    task = record.get("task") or record.get("product") or ""
    common = dict(doc_id=passage.doc_id, province=passage.province, section=passage.section, quote=quote,
                  heading=passage.heading)
    for actor in split_actors(record.get("lead", "")):
        yield Fact(type="responsibility", actor=actor, role="chủ trì" if lead_is_chair else "thực hiện",
                   task=task[:300] or None, **common)
    for actor in split_actors(record.get("partners", "")):
        yield Fact(type="responsibility", actor=actor, role="phối hợp", task=task[:300] or None, **common)
    if record.get("time"):
        due = field_due(record["time"])
        if due:
            yield Fact(type="deadline", due=due.text, date=due.date, year=due.year, recurring=due.recurring,
                       item=(task or passage.heading[-1] if passage.heading else task)[:300] or None, **common)


def row_facts(passage: Passage, header: Optional[tuple[str, ...]], row: tuple[str, ...]) -> Iterator[Fact]:
    """The facts of one table row (the passage holds the row as the clean text renders it)."""
    if not header:
        return
    record: dict[str, str] = {}
    chair = False
    for label, cell in zip(header, row):
        kind = field_kind(label)
        if kind and cell.strip() and kind not in record:
            record[kind] = re.sub(r"\s+", " ", cell).strip()
            chair = chair or (kind == "lead" and "chu tri" in fold(label))
    yield from _facts(record, passage.text, passage, chair or "lead" in record and "partners" in record)
    if "task" in record and any("chi tieu" in fold(h) or "muc tieu" in fold(h) for h in header):
        year = heading_year(passage.heading)
        yield from clause_targets(record["task"], passage, lambda: year, goal=True)


def _heading_field(title: str) -> Optional[str]:
    """"b. Cơ quan thực hiện" → lead: a heading that is itself a field label."""
    bare = re.sub(r"^[\da-zđIVX]{1,4}(\.\d+)*[.)]\s*", "", title).strip(" :")
    return field_kind(bare)


def field_records(passages: list[Passage]) -> Iterator[Fact]:
    """Records spread over a section's items: fields are gathered under the nearest heading
    that is not itself a field label, and read together."""
    groups: "OrderedDict[tuple[str, ...], list[tuple[str, str, Passage, str]]]" = OrderedDict()
    for passage in passages:
        if passage.role != "body":
            continue
        heading = list(passage.heading)
        owner_field = None
        while heading and _heading_field(heading[-1]):
            owner_field = owner_field or _heading_field(heading[-1])
            heading.pop()
        for line in passage.text.split("\n"):
            found = labelled_field(line)
            if found:
                groups.setdefault(tuple(heading), []).append((found[0], found[1], passage, line))
            elif owner_field:
                groups.setdefault(tuple(heading), []).append((owner_field, line, passage, line))
    for owner, fields in groups.items():
        kinds = {k for k, *_ in fields}
        if not ({"lead", "partners", "time"} & kinds) or not ({"task"} & kinds or owner):
            continue
        task = next((v for k, v, *_ in fields if k == "task" and v), "")
        title = owner[-1].split(". ", 1)[-1] if owner else ""
        task = f"{title}: {task}" if title and task and len(task) < 200 else (task or title)
        for kind, value, passage, quote in fields:
            if kind in ("lead", "partners", "time") and value:
                yield from _facts({"task": task, kind: value}, quote, passage, lead_is_chair="chu tri" in fold(quote))
