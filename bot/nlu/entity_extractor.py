"""Rasa wrapper of the rule-based Vietnamese entity extraction in ``knowledge.language.entities``.

Provinces (all 63, with or without diacritics), document numbers (08-NQ/TU, 01-NQ/ĐUK),
years and bodies are closed sets with fixed spellings: rules find them more reliably
than a model trained on a few hundred examples.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from knowledge.language.entities import extract


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class VietnameseEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds province, doc_number, year and issuing_body entities to each message."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "VietnameseEntityExtractor":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            found = [{"entity": e.type, "value": e.value, "start": e.start, "end": e.end,
                      "confidence_entity": 1.0} for e in extract(text)]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(found),
                        add_to_output=True)
        return messages
