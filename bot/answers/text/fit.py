"""Whether a unit of text gives what the question wants: a body in a role, or a time.

A unit gives a body when it is a record's field ("Đơn vị chủ trì: Công an Thành phố.",
a table row with a "Cơ quan chủ trì" column) or a clause that opens with a body and its
role verb ("Sở Nội vụ chủ trì, …"); it gives a time when it is a field of time
("Thời gian thực hiện: Quý II/2026").
"""
from __future__ import annotations

from index.question import Wants
from knowledge.facts.actors import actor_at_start, names_a_body
from knowledge.facts.fields import labelled_field
from knowledge.facts.responsibilities import role_of


def answers(unit: str, wants: Wants) -> bool:
    """Whether the unit gives what the question wants."""
    if not (wants.who or wants.when):
        return False
    fields = [labelled_field(part) for part in unit.split("; ")]
    kinds = {f[0] for f in fields if f and f[1]}
    if wants.when and "time" in kinds:
        return True
    if not wants.who:
        return False
    if "lead" in kinds and wants.role != "phối hợp":
        return True
    if "partners" in kinds and wants.role == "phối hợp":
        return True
    if any(f and f[1] and names_a_body(f[1]) for f in fields):
        return True  # "Đối tượng được phân cấp: Chủ tịch UBND cấp xã."
    found = actor_at_start(unit)
    return bool(found) and (wants.role is None or role_of(unit[found[1]:]) == wants.role)


def body_named(unit: str) -> bool:
    """Whether the unit itself names a body (so a who-answer needs no heading's help)."""
    if actor_at_start(unit):
        return True
    fields = [labelled_field(part) for part in unit.split("; ")]
    return any(f and f[1] and names_a_body(f[1]) for f in fields)
