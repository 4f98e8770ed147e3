"""Custom actions run in this process by rasa-sdk's own executor, without an HTTP hop.

The agent calls ``request(json=action_call)`` exactly as it would call an action server;
this endpoint hands the call to ``rasa_sdk.executor.ActionExecutor``. A failing action
gives the user a clear apology instead of breaking the turn.
"""
from __future__ import annotations

import logging
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

    async def request(self, method: str = "post", subpath: Optional[str] = None,
                      content_type: Optional[str] = "application/json", compress: bool = False,
                      **kwargs: Any) -> Optional[Any]:
        action_call = kwargs.get("json") or {}
        try:
            return await self.executor.run(action_call)
        except Exception:  # the user gets an apology; the log keeps the details
            logger.exception("custom action %s failed", action_call.get("next_action"))
            return {"events": [], "responses": [{"text": ACTION_FAILED}]}
