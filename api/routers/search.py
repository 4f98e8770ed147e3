"""The hybrid index, for debugging and for the portal's own search box."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from api.schemas import SearchHit, SearchResponse
from api.settings import get_api_settings
from api.dependencies import SearcherDep

router = APIRouter(tags=["knowledge"])


MAX_QUERY = get_api_settings().max_query_chars


@router.get("/search", response_model=SearchResponse, summary="Search the passages (semantic + lexical)")
async def search(searcher: SearcherDep, q: str = Query(..., min_length=1, max_length=MAX_QUERY, description="the question"),
                 k: int = Query(5, ge=1, le=50), province: Optional[str] = Query(None, max_length=64),
                 kind: Optional[str] = Query(None, max_length=32)) -> SearchResponse:
    result = searcher.search(q, k=k, province=province, kind=kind)
    return SearchResponse(query=q, provinces=list(result.question.scope),
                          hits=[SearchHit(**h.to_dict()) for h in result.hits])
