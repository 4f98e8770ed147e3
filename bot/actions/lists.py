"""Lists of commitments (targets, deadlines, duties), the timeline, and paging through them."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.turn import read, say
from bot.answers.facts.lists import list_facts, more
from bot.answers.facts.timeline import timeline


class ActionListFacts(Action):
    """"Liệt kê các chỉ tiêu …", "Văn phòng Tỉnh ủy được giao những việc gì?"."""

    def name(self) -> Text:
        return "action_list_facts"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        reply = list_facts(turn.searcher, turn.question)
        reply.slots.update(last_topic=turn.question.search_text, last_intent="list_facts")
        return say(dispatcher, reply, "list")


class ActionTimeline(Action):
    """The deadlines in scope, earliest first."""

    def name(self) -> Text:
        return "action_timeline"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        return say(dispatcher, timeline(turn.searcher, turn.question), "timeline")


class ActionMore(Action):
    """The next page of the list being shown."""

    def name(self) -> Text:
        return "action_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        return say(dispatcher, more(turn.searcher, turn.list_state), tracker.get_slot("feature") or "list")
