"""The user's comment on an answer, kept (JSON lines) so the team can review it."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]


class ActionRecordFeedback(Action):
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
