"""The Rasa agent inside the web app: load it once, run turns, read conversations back."""
from __future__ import annotations

import asyncio
import logging
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable, ContextManager, Optional

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
    """One agent, its tracker and lock stores (api/stores.py) and its action endpoint."""

    def __init__(self, settings: ApiSettings) -> None:
        self.settings = settings
        self.agent: Any = None
        self._capture_turn: Callable[[], ContextManager[dict]] = nullcontext

    async def load(self) -> None:
        """Load the trained model and the index side by side (two threads: TensorFlow's
        graph tracing and torch's model load overlap), then warm both so the first turn
        is as fast as the rest."""
        model = Path(self.settings.rasa_model)
        if not model.exists():
            raise RasaModelMissingError(f"trained Rasa model not found at {model}: run `make train` (or `make run`)")
        quiet_rasa_logs()
        searcher = asyncio.create_task(asyncio.to_thread(_warm_searcher))
        try:
            agent = await asyncio.to_thread(_load_agent, model, self.settings)
        finally:
            await searcher  # its error (index or model missing) names the fix: let it through
        await agent.parse_message("xin chào")  # NLU's first call is slower than the rest
        from api.stores import capture_turn

        self._capture_turn = capture_turn
        self.agent = agent

    @property
    def ready(self) -> bool:
        return self.agent is not None and self.agent.is_ready()

    async def turn(self, sender: str, message: str) -> tuple[list[dict], dict]:
        """Bot messages for one user message, and the intent NLU gave it (as the tracker
        store saved it: no second read of the conversation)."""
        with self._capture_turn() as seen:
            messages = await self.agent.handle_text(message, sender_id=sender) or []
        latest = seen.get("latest_message")
        intent = (latest.intent if latest else {}) or {}
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


def _warm_searcher() -> None:
    """Index and embedding model loaded, and one question searched: the first search pays
    for lazy set-up (the tokenizer settles its options, bm25s its arrays), not a user."""
    from index.runtime import get_searcher

    get_searcher().search("mục tiêu cải cách hành chính", k=1)


def _load_agent(model: Path, settings: ApiSettings) -> Any:
    """Rasa's agent with its stores and action endpoint (~4 s here once DIET's weights are
    built eagerly); Rasa is imported here too, so TensorFlow's import overlaps torch's."""
    from rasa.core.agent import Agent
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    from api import patches, stores

    patches.apply_all()
    endpoint = (EndpointConfig(url=settings.action_server_url) if settings.action_server_url
                else InProcessActionEndpoint())
    domain = Domain.load(str(Path(__file__).resolve().parent.parent / "bot" / "domain.yml"))
    store_settings = stores.StoreSettings()
    return Agent.load(str(model), tracker_store=stores.tracker_store(domain, settings.tracker_db, store_settings),
                      lock_store=stores.lock_store(store_settings), action_endpoint=endpoint)
