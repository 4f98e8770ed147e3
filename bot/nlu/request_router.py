"""The words that settle which feature a message asks for, applied after the classifier.

DIET learns intents from a few hundred examples; some requests are fixed by their words
("so sánh …", "tóm tắt …", "ai ký …") whatever else the message says. This table is the
one place where words override the classifier, so no action has to decide the intent
again. Each route says when it applies; the first that applies wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from index.question.asks import metadata_field
from knowledge.language.normalize import fold

_MORE = re.compile(r"^(xem them|xem tiep|tiep( di| tuc)?|hien them|con nua( khong)?|next|more)\W*$")
_SUMMARY = re.compile(r"\b(tom tat|tom luoc|noi dung chinh|y chinh|khai quat)\b")
_TIMELINE = re.compile(r"\b(cac moc|moc thoi (gian|han)|lo trinh|timeline|lich trinh)\b")
_COMPARE = re.compile(r"\b(so sanh|khac nhau|giong nhau)\b")
_WHICH_MORE = re.compile(r"\b(cao hon|thap hon|nhieu hon|it hon|hay)\b")
_LIST = re.compile(r"\b(liet ke|ke het|ke ten|ke ra|danh sach|nhung viec|nhung nhiem vu|duoc giao nhung)\b")
# What a summary request says besides asking for one: the rest is a topic, so a topic
# question that DIET took for a summary ("nghị quyết nói gì về chuyển đổi số?") is a question.
_ABOUT = re.compile(r"\b(nghi quyet|van ban|ke hoach|quyet dinh|chi thi|cong van|nay|do|ay|noi ve|noi|co|de cap"
                    r"|ban ve|gom|bao gom|la|ve|gi|nhung|cua|tinh|cho|toi|minh|biet|hoi|xin|dung|khong|\d\S*)\b")


@dataclass(frozen=True)
class Route:
    intent: str
    applies: Callable[[str, str, list[dict]], bool]   # (folded text, classified intent, entities)
    why: str


def _provinces(entities: list[dict]) -> int:
    return len({e.get("value") for e in entities if e.get("entity") == "province"})


def _topic_words(folded: str, entities: list[dict]) -> str:
    text = folded
    for e in entities:
        if e.get("entity") == "province":
            text = text.replace(fold(str(e.get("value"))), " ")
    return re.sub(r"\W+", " ", _ABOUT.sub(" ", text)).strip()


ROUTES: tuple[Route, ...] = (
    Route("more", lambda t, i, e: bool(_MORE.match(t)), "“xem thêm”: the next page of a list"),
    Route("summarize", lambda t, i, e: bool(_SUMMARY.search(t)), "“tóm tắt”, “nội dung chính”"),
    Route("ask_fact", lambda t, i, e: i == "summarize" and bool(_topic_words(t, e)),
          "a summary request that names a topic asks about that topic"),
    Route("timeline", lambda t, i, e: bool(_TIMELINE.search(t)), "“các mốc thời hạn”, “lộ trình”"),
    Route("compare", lambda t, i, e: bool(_COMPARE.search(t)) or _provinces(e) >= 2 and bool(_WHICH_MORE.search(t)),
          "“so sánh”, “khác nhau”; or two provinces and “cao hơn”/“hay”"),
    Route("ask_fact", lambda t, i, e: i == "compare" and _provinces(e) < 2,
          "a comparison needs two sides: with one province it is a question"),
    Route("ask_document", lambda t, i, e: metadata_field(t) is not None, "a document's signer, date, number, title"),
    Route("ask_fact", lambda t, i, e: i == "ask_document", "about a document, but not one of its fields: its content"),
    Route("list_facts", lambda t, i, e: bool(_LIST.search(t)), "“liệt kê”, “kể tên”, “những việc …”"),
)


def route(text: str, intent: Optional[str], entities: list[dict]) -> Optional[Route]:
    """The route the message's words settle, if any."""
    folded = fold(text)
    if not folded or text.startswith("/"):
        return None
    return next((r for r in ROUTES if r.applies(folded, intent or "", entities)), None)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RequestRouter(GraphComponent):
    """Sets the intent a route settles (confidence 1), keeping DIET's ranking below it."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RequestRouter":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if intent in ("start_quiz", "feedback", "greet", "goodbye", "thank", "help", "list_documents", "out_of_scope"):
                continue
            chosen = route(message.get(TEXT) or "", intent, message.get(ENTITIES) or [])
            if chosen and chosen.intent != intent:
                message.set(INTENT, {INTENT_NAME_KEY: chosen.intent, PREDICTED_CONFIDENCE_KEY: 1.0},
                            add_to_output=True)
        return messages
