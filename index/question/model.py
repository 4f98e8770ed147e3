"""The typed reading of one question, and what it leans on from the conversation."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from index.question.asks import Wants
from index.question.references import Reference
from index.question.years import Years


@dataclass(frozen=True)
class Previous:
    """What the conversation was about before this turn (the bot's slots)."""

    province: Optional[str] = None
    doc_id: Optional[str] = None
    topic: Optional[str] = None        # the last question's words, without province and references
    intent: Optional[str] = None


@dataclass(frozen=True)
class Question:
    """Everything a turn's handlers need to know about the question; parsed once."""

    text: str                                    # as typed (NFC); "" for a button payload
    own_topic: str                               # the question's words without provinces and references
    search_text: str                             # what search ranks by (with the last topic on a follow-up)
    plain: bool = False                          # typed without diacritics
    provinces: tuple[str, ...] = ()              # held provinces named (old or new names), in order
    unknown_provinces: tuple[str, ...] = ()      # named provinces no document is about
    issuers: tuple[str, ...] = ()                # provinces named as a document's issuer ("nghị quyết của tỉnh X")
    province: Optional[str] = None               # the one province in scope (named, or the focus)
    references: tuple[Reference, ...] = ()
    doc_ids: tuple[str, ...] = ()                # documents in scope (named, or the focus on "việc đó")
    kinds: tuple[str, ...] = ()                  # document types in scope
    bodies: tuple[str, ...] = ()                 # Party and State bodies named ("Văn phòng Tỉnh ủy")
    years: Years = field(default_factory=Years)
    uncovered: tuple[tuple[int, int], ...] = ()  # the periods the scope's documents cover, when none is the one asked
    doc_field: Optional[str] = None              # signer, date, number or issuer of a document
    roles: tuple[str, ...] = ()                  # passage roles that hold such a field
    wants: Wants = field(default_factory=Wants)
    premise: bool = False                        # "… đúng không?": the question states a claim
    claimed: tuple[str, ...] = ()                # the figures claimed
    follow_up: bool = False
    points_back: bool = False

    @property
    def scope(self) -> tuple[str, ...]:
        """The provinces search keeps to: those named, else the one in focus."""
        return self.provinces or ((self.province,) if self.province else ())

    @property
    def cited(self) -> tuple[Reference, ...]:
        """Documents the question names that the held documents only cite."""
        return tuple(r for r in self.references if r.cited)

    @property
    def named_documents(self) -> tuple[str, ...]:
        """Held documents the question itself names."""
        return tuple(dict.fromkeys(d for r in self.references for d in r.held))
