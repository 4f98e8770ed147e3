"""Rate limiting: per conversation by default, per client address as an option.

Per conversation (the ``sender`` of a chat turn) because a portal's reverse proxy makes
all citizens one address; a per-address limit would throttle the whole province at once.
An exact sliding-window log in memory: this app runs as one process (the Rasa agent is
in-process), so there is no shared store to keep in step. The `limits` library was the
first choice, but every release since 2.1 needs packaging>=21 and Rasa 3.6 pins <21.
"""
from __future__ import annotations

import json
import math
import time
from collections import OrderedDict, deque
from typing import Callable, Optional

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.asgi import read_body, replay

# The endpoints that run a Rasa turn, keyed by the conversation in their JSON body.
TURN_PATHS = {"/chat": None, "/webhooks/rest/webhook": "default"}  # path → sender when none is given
UNLIMITED_PATHS = ("/health",)  # monitoring must see the server even when a client floods it
MAX_KEY_CHARS = 256  # bounds the memory a flood of invented long senders can take


class SlidingWindowLimiter:
    """At most ``limit`` hits per key in any ``window_s`` seconds.

    Used from the event loop only (no lock). Memory is bounded: keys are kept least
    recently hit first, expired ones are dropped as hits arrive, and past ``max_keys``
    the oldest go (their count restarts, which errs on the side of serving).
    """

    def __init__(self, limit: int, window_s: float, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_keys = max_keys
        self.clock = clock
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()

    def hit(self, key: str) -> float:
        """Records a hit and returns 0.0, or returns the seconds to wait (hit not recorded)."""
        now = self.clock()
        start = now - self.window_s
        self._prune(start)
        hits = self._hits.get(key, deque())
        while hits and hits[0] <= start:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(hits[0] - start, 0.001)
        hits.append(now)
        self._hits[key] = hits
        self._hits.move_to_end(key)  # keys stay ordered by their latest recorded hit
        return 0.0

    def _prune(self, start: float) -> None:
        """Drops keys with no hit in the window (and the oldest, past ``max_keys``)."""
        while self._hits:
            key, hits = next(iter(self._hits.items()))
            if hits[-1] > start and len(self._hits) < self.max_keys:
                return
            del self._hits[key]

    def __len__(self) -> int:
        return len(self._hits)


def turn_sender(path: str, body: bytes) -> Optional[str]:
    """The conversation a chat turn belongs to; None when the body is not a usable JSON
    object (validation answers those with 422 without running a turn)."""
    try:
        data = json.loads(body) if body else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    sender = data.get("sender", TURN_PATHS[path])
    return sender[:MAX_KEY_CHARS] if isinstance(sender, str) else None


def retry_message(seconds: int) -> str:
    return f"Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau {seconds} giây."


class RateLimitMiddleware:
    """Answers 429 with ``Retry-After`` past the per-conversation or per-address limit.

    Sits inside the body guard, so the body it reads to find the sender is bounded.
    """

    def __init__(self, app: ASGIApp, per_sender: int, per_address: int, window_s: float) -> None:
        self.app = app
        self.senders = SlidingWindowLimiter(per_sender, window_s) if per_sender > 0 else None
        self.addresses = SlidingWindowLimiter(per_address, window_s) if per_address > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "OPTIONS" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        wait = 0.0
        if self.addresses is not None:
            client = scope.get("client")
            wait = self.addresses.hit(f"address:{client[0] if client else 'unknown'}")
        if not wait and self.senders is not None and scope["method"] == "POST" and scope["path"] in TURN_PATHS:
            body = await read_body(receive) or b""
            receive = replay(body, receive)
            sender = turn_sender(scope["path"], body)
            wait = self.senders.hit(f"sender:{sender}") if sender is not None else 0.0
        if wait:
            seconds = max(1, math.ceil(wait))
            response = JSONResponse({"detail": retry_message(seconds)}, 429, {"Retry-After": str(seconds)})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
