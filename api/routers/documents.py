"""The documents the assistant knows, with their metadata."""
from __future__ import annotations

from fastapi import APIRouter

from api.schemas import Document
from api.dependencies import SearcherDep

router = APIRouter(tags=["knowledge"])


@router.get("/documents", response_model=list[Document], summary="Loaded documents and their metadata")
async def documents(searcher: SearcherDep) -> list[Document]:
    return [Document(**d.to_dict()) for d in searcher.documents]
