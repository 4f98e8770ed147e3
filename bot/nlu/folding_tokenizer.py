"""Whitespace tokens whose text is folded: the featurisers see "bac kan" for "Bắc Kạn".

Users type with and without diacritics, in NFD and with old tone marks; folding the
featuriser input (not the message) makes all of them one vocabulary, while the message
text and the token offsets stay as typed for entities and for the answering action.
"""
from __future__ import annotations

from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from knowledge.language.normalize import fold


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class FoldingTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer whose tokens of the user's text are diacritic-folded."""

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        if attribute == TEXT:
            for token in tokens:
                token.text = fold(token.text)
                token.lemma = token.text
        return tokens
