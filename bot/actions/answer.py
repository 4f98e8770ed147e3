"""The question about the documents' content: the sentence that answers, then its source."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.turn import read, say
from bot.answers.single.answering import answer, answer_if_in_documents


class ActionAnswerQuestion(Action):
    """Targets, responsibilities, deadlines and other facts; follow-ups of them."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        return say(dispatcher, answer(turn.searcher, turn.question, turn.intent, turn.previous), "answer")


class ActionOutOfScope(Action):
    """A question NLU took for out of scope: answered from the documents when it names a
    province or document they hold and a passage clearly covers it, else declined."""

    def name(self) -> Text:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        reply = answer_if_in_documents(turn.searcher, turn.question, turn.previous)
        if reply is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        return say(dispatcher, reply, "answer")
