"""A document's summary for a study session."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.turn import read, say
from bot.answers.summary import summary_reply


class ActionSummarize(Action):
    """The general goal, the main targets, the task groups and who implements it."""

    def name(self) -> Text:
        return "action_summarize"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        return say(dispatcher, summary_reply(turn.searcher, turn.question, turn.previous.doc_id), "summary")
