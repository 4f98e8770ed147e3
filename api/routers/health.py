from __future__ import annotations

from fastapi import APIRouter, Request

from api.schemas import Health
from api.dependencies import SearcherDep

router = APIRouter(tags=["ops"])


@router.get("/health", response_model=Health, summary="Liveness and what is loaded")
async def health(request: Request, searcher: SearcherDep) -> Health:
    return Health(status="ok" if request.app.state.assistant.ready else "loading",
                  documents=len(searcher.documents), passages=len(searcher.passages),
                  rasa_model=str(request.app.state.assistant.settings.rasa_model.name))
