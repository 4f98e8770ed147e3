"""What the answering code gets from the conversation and gives back to it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Focus:
    """What the conversation is about so far (the bot's slots)."""

    province: Optional[str] = None
    doc_id: Optional[str] = None
    last_topic: Optional[str] = None
    last_intent: Optional[str] = None
    list_state: Optional[str] = None   # JSON of the list being paged ("xem thêm")


@dataclass
class Reply:
    text: str
    sources: list[dict] = field(default_factory=list)
    buttons: list[dict] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    support: float = 0.0   # how much of the question the cited passage covers (0 … 1)
