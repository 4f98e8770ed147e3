"""Reading a request body once in pure ASGI middleware and handing it on unchanged."""
from __future__ import annotations

from typing import Optional

from starlette.types import Message, Receive


class BodyTooLarge(Exception):
    """The body passed the limit; the rest of it was left unread."""


async def read_body(receive: Receive, limit: Optional[int] = None) -> Optional[bytes]:
    """The whole body, or None when the client went away. Stops reading past ``limit``
    bytes (BodyTooLarge), so an oversized upload costs at most one chunk more."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if limit is not None and size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives ``body`` in one message, then the client's own messages
    (so the app still hears a disconnect)."""
    pending = True

    async def replayed() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
