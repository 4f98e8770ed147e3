"""Protection in front of the routes: body size and encoding, query length, CORS, rate
limits, JSON for unexpected errors, and a one-line report of a failed start-up."""
from __future__ import annotations

import sys
from typing import Optional
from urllib.parse import parse_qsl

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.asgi import BodyTooLarge, read_body, replay
from api.assistant import RasaModelMissingError
from api.ratelimit import RateLimitMiddleware
from api.settings import ApiSettings
from index.embedder import ModelMissingError
from index.store import IndexMissingError

# Start-up errors whose message already names the fix (`make index`, `make train`, …).
STARTUP_ERRORS = (IndexMissingError, ModelMissingError, RasaModelMissingError)
SERVER_ERROR = "Hệ thống gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau ít phút."


def _is_json(content_type: str | None) -> bool:
    """FastAPI parses a body as JSON when the type is absent, application/json or +json."""
    if not content_type:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or (kind.startswith("application/") and kind.endswith("+json"))


class Rejected(Exception):
    """A request answered with ``status`` and ``detail`` before it reaches the routes."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail


class BodyGuardMiddleware:
    """Rejects what must not reach the routes: bodies over ``max_body_bytes`` (413, by the
    Content-Length header before reading, else as soon as the count passes the limit), JSON
    that is not UTF-8 (400, where FastAPI would say only "error parsing the body"), and
    query parameters over ``max_query_chars`` (422)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, max_query_chars: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_query_chars = max_query_chars

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            body = await self._checked_body(scope, receive)
        except Rejected as rejected:
            await JSONResponse({"detail": rejected.detail}, rejected.status)(scope, receive, send)
            return
        if body is not None:  # None: the client went away
            await self.app(scope, replay(body, receive), send)

    async def _checked_body(self, scope: Scope, receive: Receive) -> Optional[bytes]:
        headers = Headers(scope=scope)
        length = headers.get("content-length")
        if length is not None and not length.strip().isdecimal():
            raise Rejected(400, "Content-Length không hợp lệ.")
        too_large = Rejected(413, f"Nội dung yêu cầu quá lớn (tối đa {self.max_body_bytes} byte).")
        if length is not None and int(length) > self.max_body_bytes:
            raise too_large
        for name, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
            if len(value) > self.max_query_chars:
                raise Rejected(422, f"Tham số '{name[:32]}' quá dài (tối đa {self.max_query_chars} ký tự).")
        try:
            body = await read_body(receive, self.max_body_bytes)
        except BodyTooLarge:
            raise too_large from None
        if body and _is_json(headers.get("content-type")):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError:
                raise Rejected(400, "Nội dung yêu cầu không phải UTF-8 hợp lệ "
                                    "(request body is not valid UTF-8 JSON).") from None
        return body


class StartupErrorReport:
    """uvicorn prints the whole traceback that Starlette sends with a failed start-up; for
    the errors whose message names the fix, that one line is what the operator needs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def send_short(message: Message) -> None:
            error = sys.exc_info()[1]  # Starlette sends the failure while handling the error
            if message["type"] == "lifespan.startup.failed" and isinstance(error, STARTUP_ERRORS):
                message = {**message, "message": f"{type(error).__name__}: {error}"}
            await send(message)

        await self.app(scope, receive, send_short)


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    """An unexpected error still answers JSON the web page can show (the log has the traceback)."""
    return JSONResponse({"detail": SERVER_ERROR}, 500)


def protect(app: FastAPI, settings: ApiSettings) -> None:
    """Adds the protection; the last added runs first: CORS, body guard, rate limits."""
    app.add_middleware(RateLimitMiddleware, per_sender=settings.rate_limit_per_sender,
                       per_address=settings.rate_limit_per_address, window_s=settings.rate_limit_window_s)
    app.add_middleware(BodyGuardMiddleware, max_body_bytes=settings.max_body_bytes,
                       max_query_chars=settings.max_query_chars)
    if settings.cors_origins:  # none: browsers keep other sites' pages from calling the API
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"], expose_headers=["Retry-After"])
    app.add_middleware(StartupErrorReport)
    app.add_exception_handler(Exception, server_error)
