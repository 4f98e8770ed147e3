"""Responsibilities: which body does what, in which role.

Read from every usual layout: "Giao Sở X chủ trì …", "Sở X có trách nhiệm …", "Sở X chủ
trì, phối hợp với Y …" in a part about carrying out the document; a heading that names a
body ("a) Sở Xây dựng", "Điều 8. Trách nhiệm của Sở Nội vụ") over the tasks below it;
"phối hợp với …" makes the bodies named there partners of the task.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from knowledge.facts.actors import actor_at_start, canonical_actor, is_actor_phrase, names_a_body, split_actors
from knowledge.facts.fields import labelled_field
from knowledge.facts.model import Fact
from knowledge.facts.text import clauses
from knowledge.language.entities import find_bodies
from knowledge.language.normalize import fold
from knowledge.structure.passages import Passage

ROLES = (("chủ trì", "chủ trì"), ("phối hợp", "phối hợp"), ("chỉ đạo", "chỉ đạo"),
         ("kiểm tra", "kiểm tra/giám sát"), ("giám sát", "kiểm tra/giám sát"), ("theo dõi", "kiểm tra/giám sát"),
         ("đôn đốc", "kiểm tra/giám sát"), ("tuyên truyền", "tuyên truyền"), ("quán triệt", "tuyên truyền"))
_ROLE = re.compile("|".join(re.escape(r) for r, _ in ROLES), re.IGNORECASE)
_DUTY = re.compile(r"có trách nhiệm|chịu trách nhiệm|được giao|là cơ quan đầu mối|làm đầu mối|là đầu mối",
                   re.IGNORECASE)
_GIVEN = re.compile(r"^(\(?[\da-zđ]{1,3}[.)]\s*|[-–+•]\s*)*(giao|đề nghị|yêu cầu)\b", re.IGNORECASE)
# Parts of a document whose items assign work.
_DUTY_PART = ("to chuc thuc hien", "trach nhiem", "phan cong", "nhiem vu", "giai phap", "phoi hop", "thuc hien")
_DUTY_OF = re.compile(r"^(?:\W*[\dIVXa-zđ.)]+\s*)?(?:trách nhiệm|nhiệm vụ(?:, quyền hạn)?)\s+(?:của|đối với)\s+(?P<who>.+)$",
                      re.IGNORECASE)
_COOPERATE = re.compile(r"phối hợp(?: chặt chẽ)?(?: với)? (?P<who>[^;.:]+?)(?= để | thường xuyên| hướng dẫn| tổ chức"
                        r"| trong | về | nhằm | khi | theo "
                        r"| theo dõi| xây dựng| làm| tham mưu| đôn đốc|,? kiểm tra| triển khai| thực hiện|[;.:]|$)",
                        re.IGNORECASE)
_OLD_ACTOR_START = re.compile(r"^(các|ban|văn phòng|ủy ban|uỷ ban|sở|đảng|cấp ủy|cấp uỷ|mặt trận|hội đồng|ubnd|hđnd"
                              r"|huyện ủy|thành ủy|tỉnh ủy|thường trực|đồng chí|người đứng đầu)\b", re.IGNORECASE)
_TRAILING_VERBS = re.compile(r"(\s+(tổ chức|nghiên cứu|thực hiện|xây dựng|có trách nhiệm|chịu trách nhiệm))+$",
                             re.IGNORECASE)


def role_of(task: str) -> str:
    """The role a task's first verbs give: chủ trì, phối hợp, chỉ đạo, kiểm tra/giám sát,
    tuyên truyền; else thực hiện."""
    m = _ROLE.search(task[:90])
    return next(label for verb, label in ROLES if verb == m.group(0).lower()) if m else "thực hiện"


def in_duty_part(heading: tuple[str, ...]) -> bool:
    return any(part in fold(title) for title in heading for part in _DUTY_PART)


def heading_actor(heading: tuple[str, ...]) -> Optional[str]:
    """The body a heading names over its tasks: "a) Sở Xây dựng", "Điều 8. Trách nhiệm của Sở
    Nội vụ" (looked for in the nearest three headings: a clause's own title comes first)."""
    for title in reversed(heading[-3:]):
        title = re.sub(r"^(Điều\s+\d+[a-zđ]?|[\dIVXa-zđ]{1,4}(\.\d+)*)[.)]\s*", "", title).strip(" :")
        m = _DUTY_OF.match(title)
        if m:
            actors = split_actors(m.group("who"))
            return actors[0] if actors else None
        if is_actor_phrase(title):
            return canonical_actor(title)
    return None


def _role_after_actor(clause: str) -> Optional[re.Match[str]]:
    """The first role verb that is not part of a body's name ("Ủy ban Kiểm tra")."""
    names = find_bodies(clause)
    for match in _ROLE.finditer(clause):
        if not any(b.start <= match.start() < b.end for b in names):
            return match
    return None


def _party_actor(phrase: str) -> Optional[str]:
    """A known body's canonical name when the phrase starts with it; else the phrase itself
    when it reads like a body ("Các huyện ủy, thị ủy, …", "Văn phòng và các ban …")."""
    phrase = re.sub(r"^(\d+\.\s*|giao\s+|-\s*)", "", phrase, flags=re.IGNORECASE).strip(" ,:…")
    phrase = _TRAILING_VERBS.sub("", phrase).strip(" ,:…")
    bodies = find_bodies(phrase)
    if bodies and bodies[0].start == 0:
        return bodies[0].value
    if _OLD_ACTOR_START.match(phrase) and 2 <= len(phrase.split()) <= 30:
        return phrase
    return None


def _fact(passage: Passage, clause: str, actor: str, role: str, task: str) -> Fact:
    """One responsibility (the caller has checked that the actor names a body)."""
    return Fact(type="responsibility", doc_id=passage.doc_id, province=passage.province, section=passage.section,
                quote=clause, actor=actor, role=role, task=task.strip()[:300], heading=passage.heading)


def passage_responsibilities(passage: Passage) -> Iterator[Fact]:
    """Who does what in one body passage."""
    duty_part = in_duty_part(passage.heading)
    over = heading_actor(passage.heading) if duty_part else None
    for clause in clauses(passage.text):
        if labelled_field(clause) or (over and is_actor_phrase(clause)):
            continue  # a record's field (records.py), or the heading that names the body
        given = bool(_GIVEN.match(clause))
        found = actor_at_start(clause)
        actor, task = (found[0], clause[found[1]:]) if found else (None, "")
        if actor and (duty_part or given or _DUTY.search(clause) or _ROLE.match(task.strip())):
            role = role_of(task)
            yield _fact(passage, clause, actor, role, task)
        elif over and not actor:
            actor = over
            task = re.sub(rf"^\W*{re.escape(over)}\s*:?\s*", "", clause, flags=re.IGNORECASE)
            yield _fact(passage, clause, actor, role_of(task), task)
        else:
            role_match = _role_after_actor(clause)
            if not role_match or not (duty_part or given):
                continue
            actor = _party_actor(clause[:role_match.start()]) or (
                _party_actor(passage.heading[-1]) if passage.heading and not (
                    "thuc hien" in fold(passage.heading[-1]) and not find_bodies(passage.heading[-1])) else None)
            if not actor or not names_a_body(actor):
                continue
            task = clause[role_match.start():]
            yield _fact(passage, clause, actor, role_of(task), task)
        for co in _COOPERATE.finditer(clause):
            for body in split_actors(co.group("who")) or [b.value for b in find_bodies(co.group("who"))]:
                if body != actor and names_a_body(body):
                    yield _fact(passage, clause, body, "phối hợp", task)
