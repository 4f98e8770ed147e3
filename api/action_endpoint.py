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
