"""Rasa's REST channel format, so standard Rasa web widgets work against this server."""
from __future__ import annotations

from fastapi import APIRouter, Request

from api.schemas import RestMessage, RestRequest

router = APIRouter(tags=["rasa"])


@router.post("/webhooks/rest/webhook", response_model=list[RestMessage], response_model_exclude_none=True,
             summary="Rasa REST channel: one message in, the bot's messages out")
async def rest_webhook(body: RestRequest, request: Request) -> list[RestMessage]:
    messages, _ = await request.app.state.assistant.turn(body.sender, body.message)
    return [RestMessage(recipient_id=body.sender, text=m.get("text"), buttons=m.get("buttons") or None,
                        custom=m.get("custom")) for m in messages]
