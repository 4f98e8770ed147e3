"""Provinces side by side on one topic."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.turn import read, say
from bot.answers.facts.compare import compare


class ActionCompare(Action):
    """"So sánh …", "… khác nhau thế nào?": targets, duties or deadlines of each province."""

    def name(self) -> Text:
        return "action_compare"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        reply = compare(turn.searcher, turn.question, turn.previous.province)
        reply.slots.update(last_topic=turn.question.search_text, last_intent="compare")
        return say(dispatcher, reply, "compare")
