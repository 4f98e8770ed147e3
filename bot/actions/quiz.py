"""The study quiz as a Rasa form: start, ask, check each answer, finish with the score."""
from __future__ import annotations

import random
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.turn import read
from bot.answers.citations import document_label, fact_source, path_label
from bot.answers.quiz import SKIP, STOP, is_right, make_quiz, requested_count
from bot.answers.summary import primary_document
from index.runtime import get_searcher
from knowledge.language.normalize import fold


def _scope(tracker: Tracker) -> list[str]:
    """The documents the quiz is about: named by number, by province, or all resolutions."""
    turn = read(tracker)
    question, searcher = turn.question, turn.searcher
    if question.named_documents or question.provinces:
        chosen = primary_document(searcher, question.provinces, question.named_documents, None)
        return [chosen] if chosen else []
    return [d.id for d in searcher.documents if d.kind == "nghi-quyet" and not d.secondary]


class ActionStartQuiz(Action):
    def name(self) -> Text:
        return "action_start_quiz"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        doc_ids = _scope(tracker)
        searcher = get_searcher()
        n = requested_count((tracker.latest_message or {}).get("text") or "")
        questions = make_quiz(searcher.facts, searcher.cards, doc_ids, n, random.Random())
        if not questions:
            dispatcher.utter_message(text="Chưa có đủ chỉ tiêu, thời hạn hay nhiệm vụ trong văn bản này để ra câu hỏi.")
            return [SlotSet("quiz", None), SlotSet("quiz_answer", "done")]
        about = document_label(searcher.cards[doc_ids[0]]) if len(doc_ids) == 1 else "các nghị quyết hiện có"
        dispatcher.utter_message(text=f"Bắt đầu ôn tập {about}: {len(questions)} câu hỏi. "
                                      "Gõ câu trả lời (ví dụ “90%”, “năm 2022”, tên cơ quan); "
                                      "“bỏ qua” để sang câu khác, “dừng” để kết thúc.")
        state = {"questions": questions, "i": 0, "results": []}
        return [SlotSet("quiz", state), SlotSet("quiz_answer", None)]


class ActionAskQuizAnswer(Action):
    """Asks the current question (the form calls it whenever it needs quiz_answer)."""

    def name(self) -> Text:
        return "action_ask_quiz_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        state = tracker.get_slot("quiz") or {}
        questions = state.get("questions") or []
        if state.get("i", 0) < len(questions):
            question = questions[state["i"]]
            dispatcher.utter_message(text=f"Câu {state['i'] + 1}/{len(questions)}: {question['prompt']}",
                                     buttons=[{"title": "Bỏ qua", "payload": "bỏ qua"},
                                              {"title": "Dừng", "payload": "dừng"}])
        return []


class ValidateQuizForm(FormValidationAction):
    """Checks each answer, says right or wrong with the source, moves to the next question."""

    def name(self) -> Text:
        return "validate_quiz_form"

    def validate_quiz_answer(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: Dict[Text, Any]) -> Dict[Text, Any]:
        if slot_value is None:  # the slot was only reset (form start): nothing was answered
            return {"quiz_answer": None}
        state = dict(tracker.get_slot("quiz") or {})
        questions = state.get("questions") or []
        if not questions or str(slot_value) == "done":
            return {"quiz_answer": "done"}
        text = fold(str(slot_value or ""))
        if STOP.match(text):
            state["stopped"] = True
            return {"quiz_answer": "done", "quiz": state}
        question = questions[state["i"]]
        searcher = get_searcher()
        fact = searcher.fact_by_id.get(question["fact"])
        if SKIP.match(text):
            verdict, result = "Bỏ qua.", "skipped"
        elif is_right(question, str(slot_value)):
            verdict, result = "Đúng!", "right"
        else:
            verdict, result = "Chưa đúng.", "wrong"
        if fact is None:  # the index was rebuilt without this fact: the answer still stands, unsourced
            dispatcher.utter_message(text=f"{verdict} Đáp án: {question['answer']}. (Văn bản nguồn đã được cập nhật.)")
        else:
            doc = searcher.cards.get(fact.doc_id)
            dispatcher.utter_message(
                text=f"{verdict} Đáp án: {question['answer']}.\nNguồn: {document_label(doc)}, "
                     f"{path_label(fact.section)}: “{fact.quote[:300]}”",
                json_message={"sources": [fact_source(fact, doc)]})
        state["results"] = [*state.get("results", []), result]
        state["i"] = state["i"] + 1
        done = state["i"] >= len(questions)
        return {"quiz_answer": "done" if done else None, "quiz": state}


def _review(state: dict) -> Optional[str]:
    facts = get_searcher().fact_by_id
    missed = [q for q, r in zip(state.get("questions", []), state.get("results", [])) if r != "right"]
    if not missed:
        return None
    lines = [f"- {path_label(facts[q['fact']].section) if q['fact'] in facts else 'Văn bản'}: {q['topic']} → {q['answer']}"
             for q in missed]
    return "Nên ôn lại:\n" + "\n".join(lines)


class ActionEndQuiz(Action):
    """The score and what to review; clears the quiz."""

    def name(self) -> Text:
        return "action_end_quiz"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        state = tracker.get_slot("quiz")
        if state and state.get("questions"):
            results = state.get("results", [])
            score = results.count("right")
            head = "Đã dừng ôn tập. " if state.get("stopped") else "Hoàn thành bài ôn tập! "
            text = f"{head}Kết quả: {score}/{len(state['questions'])} câu đúng ({len(results)} câu đã trả lời)."
            review = _review(state)
            dispatcher.utter_message(text=f"{text}\n{review}" if review else text + " Xuất sắc!")
        return [SlotSet("quiz", None), SlotSet("quiz_answer", None)]
