"""The custom actions (rasa-sdk): thin adapters between the tracker and the answering code."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.answering import answer, answer_if_in_documents
from bot.actions.replies import Focus
from bot.actions.citations import document_label
from bot.actions.resources import get_searcher

ROOT = Path(__file__).resolve().parents[2]


def _focus(tracker: Tracker) -> Focus:
    return Focus(province=tracker.get_slot("province"), doc_id=tracker.get_slot("doc_id"),
                 last_topic=tracker.get_slot("last_topic"), last_intent=tracker.get_slot("last_intent"),
                 list_state=tracker.get_slot("list_state"))


class ActionAnswerQuestion(Action):
    """Searches the documents and answers with the sentence that states it, then the source."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        reply = answer(message.get("text") or "", (message.get("intent") or {}).get("name"),
                       message.get("entities") or [], _focus(tracker))
        dispatcher.utter_message(text=reply.text, buttons=reply.buttons, json_message={"sources": reply.sources})
        return [SlotSet(name, value) for name, value in reply.slots.items()]


class ActionOutOfScope(Action):
    """A question NLU took for out of scope: answered from the documents when it names a
    province or document they hold and a passage clearly covers it, else declined."""

    def name(self) -> Text:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        reply = answer_if_in_documents(message.get("text") or "", message.get("entities") or [], _focus(tracker))
        if reply is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        dispatcher.utter_message(text=reply.text, buttons=reply.buttons, json_message={"sources": reply.sources})
        return [SlotSet(name, value) for name, value in reply.slots.items()]


class ActionListDocuments(Action):
    """The documents the assistant knows, by province."""

    def name(self) -> Text:
        return "action_list_documents"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        documents = sorted(get_searcher().documents, key=lambda d: (d.get("province") or "", d["id"]))
        lines = [f"- {d.get('province') or 'Không rõ tỉnh'}: {document_label(d)} — {d.get('title') or ''}".rstrip(" —")
                 for d in documents]
        sources = [{"doc_id": d["id"], "title": d.get("title"), "province": d.get("province"),
                    "number": d.get("number"), "kind": d.get("kind"), "section": None,
                    "section_label": "thông tin văn bản", "heading": [], "quote": d.get("title") or ""}
                   for d in documents]
        dispatcher.utter_message(text=f"Hiện có {len(documents)} văn bản:\n" + "\n".join(lines),
                                 json_message={"sources": sources})
        return []


class ActionRecordFeedback(Action):
    """Keeps the user's comment on an answer (JSON lines) so the team can review it."""

    def name(self) -> Text:
        return "action_record_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        path = Path(os.environ.get("ASSISTANT_FEEDBACK_FILE", ROOT / "var" / "feedback.jsonl"))
        path.parent.mkdir(parents=True, exist_ok=True)
        last_answer = next((e.get("text") for e in reversed(tracker.events) if e.get("event") == "bot"), None)
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "sender": tracker.sender_id,
                  "feedback": (tracker.latest_message or {}).get("text"), "answer": last_answer}
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        dispatcher.utter_message(text="Cảm ơn góp ý của bạn. Ý kiến đã được ghi lại để cải thiện câu trả lời.")
        return []
