"""The chat endpoint the web page and the portal use, and conversation history."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path, Request

from api.schemas import SENDER_PATTERN, ChatRequest, ChatResponse, History, Intent

router = APIRouter(tags=["chat"])


def merge(sender: str, messages: list[dict], intent: dict) -> ChatResponse:
    """One response from the bot's messages: texts joined, sources and buttons gathered."""
    texts = [m["text"] for m in messages if m.get("text")]
    sources = [s for m in messages for s in (m.get("custom") or {}).get("sources", [])]
    buttons = [b for m in messages for b in m.get("buttons") or []]
    return ChatResponse(sender=sender, text="\n\n".join(texts), sources=sources, buttons=buttons,
                        intent=Intent(**intent))


@router.post("/chat", response_model=ChatResponse, summary="Ask the assistant one message")
async def chat(body: ChatRequest, request: Request) -> ChatResponse:
    """The answer leads with the sentence that states the fact; `sources` cite document,
    section and quote, and are empty when the assistant declines or small-talks."""
    messages, intent = await request.app.state.assistant.turn(body.sender, body.message)
    return merge(body.sender, messages, intent)


@router.get("/conversations/{sender}/messages", response_model=History,
            summary="A conversation's messages, to restore the chat after a reload")
async def conversation(request: Request, sender: str = Path(..., regex=SENDER_PATTERN)) -> History:
    messages = await request.app.state.assistant.history(sender)
    if messages is None:
        raise HTTPException(status_code=404, detail="Không có cuộc trò chuyện này.")
    return History(sender=sender, messages=messages)
