"""The FastAPI application: chat, Rasa REST channel, documents, search, health, web page."""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.assistant import Assistant
from api.middleware import protect
from api.routers import admin
from api.routers import chat, documents, facts, health, page, rest_channel, search
from api.routers.page import STATIC
from api.settings import ApiSettings, get_api_settings


def create_app(settings: Optional[ApiSettings] = None) -> FastAPI:
    settings = settings or get_api_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await app.state.assistant.load()
        yield

    app = FastAPI(title="Trợ lý nghị quyết cải cách hành chính", version="1.0",
                  description="Hỏi đáp về chỉ tiêu, trách nhiệm, thời hạn trong các nghị quyết về cải cách "
                              "hành chính và năng lực cạnh tranh cấp tỉnh; mỗi câu trả lời kèm nguồn.",
                  lifespan=lifespan)
    app.state.assistant = Assistant(settings)
    for module in (chat, rest_channel, documents, facts, search, health, page):
        app.include_router(module.router)
    app.include_router(admin.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    protect(app, settings)
    return app
