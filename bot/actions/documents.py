"""Questions about the documents themselves: their signer, date, number, title, issuer; the list."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.turn import read, say
from bot.answers.single.documents import document_info, list_documents
from index.runtime import get_searcher


class ActionDocumentInfo(Action):
    """A document's own field, from its metadata; a cited document, from what the text says."""

    def name(self) -> Text:
        return "action_document_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = read(tracker)
        reply = document_info(turn.searcher, turn.question, turn.previous.doc_id)
        reply.slots.setdefault("last_topic", turn.question.search_text)
        reply.slots.setdefault("last_intent", "ask_document")
        return say(dispatcher, reply, "document")


class ActionListDocuments(Action):
    """The documents the assistant knows, by province."""

    def name(self) -> Text:
        return "action_list_documents"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return say(dispatcher, list_documents(get_searcher()), "documents")
