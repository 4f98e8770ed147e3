"""Request and response models (pydantic v1: Rasa 3.6 pins pydantic<1.10.10)."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field, validator

SENDER_PATTERN = r"^[A-Za-z0-9_.:@\-]{1,128}$"


class ChatRequest(BaseModel):
    sender: str = Field(..., regex=SENDER_PATTERN, description="conversation id chosen by the client",
                        example="web-3f2a9c")
    message: str = Field(..., min_length=1, max_length=2000, example="Bắc Kạn đặt mục tiêu gì về cáp quang?")

    @validator("message")
    def _not_blank(cls, value: str) -> str:  # noqa: N805 (pydantic v1 signature)
        if not value.strip():
            raise ValueError("message is empty")
        return value


class Source(BaseModel):
    doc_id: str
    title: Optional[str]
    province: Optional[str]
    number: Optional[str]
    kind: Optional[str] = None
    section: Optional[str]
    section_label: Optional[str] = None
    heading: list[str] = []
    quote: str


class Button(BaseModel):
    title: str
    payload: str


class Intent(BaseModel):
    name: Optional[str]
    confidence: Optional[float]


class ChatResponse(BaseModel):
    sender: str
    text: str
    sources: list[Source] = []
    buttons: list[Button] = []
    intent: Intent


class HistoryMessage(BaseModel):
    role: str = Field(..., description="user or bot")
    text: str
    sources: list[Source] = []
    buttons: list[Button] = []


class History(BaseModel):
    sender: str
    messages: list[HistoryMessage]


class RestMessage(BaseModel):
    """One bot message in Rasa's REST channel format."""

    recipient_id: str
    text: Optional[str] = None
    buttons: Optional[list[Button]] = None
    custom: Optional[dict] = None


class RestRequest(BaseModel):
    sender: str = Field("default", regex=SENDER_PATTERN)
    message: str = Field(..., min_length=1, max_length=2000)


class Document(BaseModel):
    id: str
    kind: str
    province: Optional[str]
    issuing_body: Optional[str]
    number: Optional[str]
    date: Optional[str]
    title: Optional[str]
    period: Optional[str]
    signer: Optional[str]
    signer_role: Optional[str]
    refers_to: list[str] = []
    source_file: str
    passages: int


class SearchHit(BaseModel):
    passage_id: str
    doc_id: str
    province: Optional[str]
    kind: str
    role: str
    section: str
    heading: list[str]
    text: str
    score: float
    dense_score: float
    lexical_score: float


class SearchResponse(BaseModel):
    query: str
    provinces: list[str]
    hits: list[SearchHit]


class Health(BaseModel):
    status: str
    documents: int
    passages: int
    rasa_model: str
