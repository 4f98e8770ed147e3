"""What a handler gives back to the dialogue: the text, its sources, buttons and slot values."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    text: str
    sources: list[dict] = field(default_factory=list)
    buttons: list[dict] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    support: float = 0.0   # how much of the question the cited passage covers (0 … 1)
