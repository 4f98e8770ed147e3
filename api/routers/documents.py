"""The documents the assistant knows, with their metadata."""
from __future__ import annotations

from fastapi import APIRouter

from api.schemas import Document
from bot.actions.resources import get_searcher

router = APIRouter(tags=["knowledge"])


@router.get("/documents", response_model=list[Document], summary="Loaded documents and their metadata")
async def documents() -> list[Document]:
    return [Document(**d) for d in get_searcher().documents]
