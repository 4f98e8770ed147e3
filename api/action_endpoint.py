"""Custom actions run in this process by rasa-sdk's own executor, without an HTTP hop.

The agent calls ``request(json=action_call)`` exactly as it would call an action server;
this endpoint hands the call to ``rasa_sdk.executor.ActionExecutor`` in a worker thread
(the actions are blocking code: search, embedding), so the event loop keeps serving other
conversations and torch runs on another core meanwhile. A failing action gives the user a
clear apology instead of breaking the turn.
"""
from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor

logger = logging.getLogger(__name__)
ACTION_FAILED = ("Xin lỗi, hệ thống gặp lỗi khi tra cứu câu trả lời. Vui lòng thử lại sau ít phút "
                 "hoặc đặt câu hỏi theo cách khác.")


class InProcessActionEndpoint(EndpointConfig):
    """An EndpointConfig whose requests run the actions of a package in-process."""

    def __init__(self, package: str = "bot.actions") -> None:
        super().__init__(url=f"inprocess://{package}")
        self.executor = ActionExecutor()
        self.executor.register_package(package)
        # One thread per core: more would only make the actions queue for the CPU inside.
        self.pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="action")

    async def request(self, method: str = "post", subpath: Optional[str] = None,
                      content_type: Optional[str] = "application/json", compress: bool = False,
                      **kwargs: Any) -> Optional[Any]:
        action_call = kwargs.get("json") or {}
        try:
            # asyncio.run: an action may be a coroutine; it gets its own loop in the thread.
            return await asyncio.get_running_loop().run_in_executor(
                self.pool, asyncio.run, self.executor.run(action_call))
        except Exception:  # the user gets an apology; the log keeps the details
            logger.exception("custom action %s failed", action_call.get("next_action"))
            return {"events": [], "responses": [{"text": ACTION_FAILED}]}


def validate_action_responses_once() -> None:
    """Rasa checks every action response with ``jsonschema.validate``, which first checks
    the large events schema itself against the JSON Schema meta-schema: ~15 ms of a 65 ms
    turn here. Check the schema once and keep its validator; a response it rejects still
    goes through Rasa's own check, so errors and their messages are Rasa's."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction._validate_action_result, "validates_once", False):
        return
    schema = RemoteAction.action_response_format_spec()
    kind = validator_for(schema)
    kind.check_schema(schema)
    validator = kind(schema)
    rasa_validate = RemoteAction._validate_action_result

    def validate(self: RemoteAction, result: dict) -> bool:
        return validator.is_valid(result) or rasa_validate(self, result)

    validate.validates_once = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate  # type: ignore[method-assign]
