"""The Rasa agent inside the web app: load it once, run turns, read conversations back."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Optional

from api.action_endpoint import InProcessActionEndpoint
from api.settings import ApiSettings

logger = logging.getLogger(__name__)


class RasaModelMissingError(RuntimeError):
    """No trained Rasa model; the message names the fix."""


def quiet_rasa_logs() -> None:
    """An in-process agent logs ~780 debug lines per start unless both are called."""
    import rasa.utils.common
    import rasa.utils.log_utils

    rasa.utils.common.configure_logging_and_warnings(logging.WARNING)
    rasa.utils.log_utils.configure_structlog(logging.WARNING)


class Assistant:
    """One agent, its SQL tracker store and its action endpoint."""

    def __init__(self, settings: ApiSettings) -> None:
        self.settings = settings
        self.agent: Any = None

    async def load(self) -> None:
        """Load the trained model (~35 s: TensorFlow traces its graphs) and warm the index."""
        from rasa.core.agent import Agent
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.shared.core.domain import Domain
        from rasa.utils.endpoints import EndpointConfig

        from bot.actions.resources import get_searcher

        model = Path(self.settings.rasa_model)
        if not model.exists():
            raise RasaModelMissingError(f"trained Rasa model not found at {model}: run `make train` (or `make run`)")
        quiet_rasa_logs()
        get_searcher()  # the index and embedding model load now, not on the first question
        self.settings.tracker_db.parent.mkdir(parents=True, exist_ok=True)
        endpoint = (EndpointConfig(url=self.settings.action_server_url) if self.settings.action_server_url
                    else InProcessActionEndpoint())
        domain = Domain.load(str(Path(__file__).resolve().parent.parent / "bot" / "domain.yml"))
        tracker_store = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(self.settings.tracker_db))
        self.agent = Agent.load(str(model), tracker_store=tracker_store, action_endpoint=endpoint)

    @property
    def ready(self) -> bool:
        return self.agent is not None and self.agent.is_ready()

    async def turn(self, sender: str, message: str) -> tuple[list[dict], dict]:
        """Bot messages for one user message, and the intent NLU gave it."""
        messages = await self.agent.handle_text(message, sender_id=sender) or []
        tracker = await self.agent.tracker_store.retrieve(sender)
        intent = (tracker.latest_message.intent if tracker and tracker.latest_message else {}) or {}
        return messages, {"name": intent.get("name"), "confidence": intent.get("confidence")}

    async def history(self, sender: str) -> Optional[list[dict]]:
        """The conversation's user and bot messages, oldest first; None if unknown."""
        tracker = await self.agent.tracker_store.retrieve(sender)
        if tracker is None or not tracker.events:
            return None
        out = []
        for event in tracker.events:
            kind = getattr(event, "type_name", "")
            if kind == "user" and event.text:
                out.append({"role": "user", "text": event.text})
            elif kind == "bot" and event.text:
                data = event.data or {}
                out.append({"role": "bot", "text": event.text, "buttons": data.get("buttons") or [],
                            "sources": (data.get("custom") or {}).get("sources") or []})
        return out
