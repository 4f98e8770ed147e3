"""The bot's answering code on the real built index: each feature's handler called directly
with the question's one reading (routing is tested by tests/bot/conversations)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def live(built):
    """The searcher the actions use (the index `make test` builds)."""
    from index.runtime import get_searcher

    return get_searcher()


@pytest.fixture
def read(live):
    """question text (+ what came before) → its one reading."""
    from index.question import Previous

    def _read(text, previous=None, **filters):
        return live.understand(text, previous or Previous(), **filters)

    return _read


def previous_of(reply, question=None):
    """What the conversation remembers after a reply (the slots the actions set)."""
    from index.question import Previous

    slots = reply.slots
    return Previous(province=slots.get("province"), doc_id=slots.get("doc_id"), topic=slots.get("last_topic"),
                    intent=slots.get("last_intent"))
