"""The first and last step of every action: read the turn once, and say the reply.

``read`` turns the tracker into the question's one reading (index.question.Question),
with what the conversation was about before; ``say`` sends a Reply and returns the slot
events, recording which feature answered so a follow-up goes back to it (data/rules).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answers.replies import Reply
from index.question import Previous, Question
from index.runtime import get_searcher
from index.search import Searcher

TOPIC_MAX = 300


@dataclass(frozen=True)
class Turn:
    searcher: Searcher
    question: Question
    intent: Optional[str]
    previous: Previous
    list_state: Optional[str]


def read(tracker: Tracker) -> Turn:
    """The question of this turn, read once against the index and the conversation's focus."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    previous = Previous(province=tracker.get_slot("province"), doc_id=tracker.get_slot("doc_id"),
                        topic=tracker.get_slot("last_topic"), intent=tracker.get_slot("last_intent"))
    # A button payload ("/follow_up{"province": "Quảng Ninh"}") carries its filter as an entity.
    payload_province = next((e.get("value") for e in message.get("entities") or []
                             if e.get("entity") == "province"), None) if text.startswith("/") else None
    searcher = get_searcher()
    question = searcher.understand(text, previous, province=payload_province)
    return Turn(searcher=searcher, question=question, intent=(message.get("intent") or {}).get("name"),
                previous=previous, list_state=tracker.get_slot("list_state"))


def say(dispatcher: CollectingDispatcher, reply: Reply, feature: str) -> list[dict[str, Any]]:
    """Send the reply; the slots it sets, and the feature that answered."""
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons, json_message={"sources": reply.sources})
    slots = {**reply.slots, "feature": feature}
    if isinstance(slots.get("last_topic"), str):
        slots["last_topic"] = slots["last_topic"][:TOPIC_MAX]
    return [SlotSet(name, value) for name, value in slots.items()]
