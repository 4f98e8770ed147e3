"""Request and response models (pydantic v1: Rasa 3.6 pins pydantic<1.10.10)."""
from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, Field, validator

from api.settings import get_api_settings

# Read from the environment once, at start-up: they shape validation and the OpenAPI schema.
SENDER_PATTERN = get_api_settings().sender_pattern
MAX_MESSAGE_CHARS = get_api_settings().max_message_chars
_SPACES = re.compile(r"\s+")


def clean_message(value: Any) -> Any:
    """NFC (NFD input from macOS/iOS keyboards folds differently), control characters and
    lone surrogates dropped (they break the tracker store and JSON), newlines and tabs kept
    as single spaces. Non-strings pass through to pydantic's own type check."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value)
    text = "".join(" " if ch.isspace() else ch for ch in text
                   if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cs"))
    return _SPACES.sub(" ", text).strip()


class ChatRequest(BaseModel):
    sender: str = Field(..., regex=SENDER_PATTERN, description="conversation id chosen by the client",
                        example="web-3f2a9c")
    message: str = Field(..., min_length=1, max_length=MAX_MESSAGE_CHARS,
                         example="Bắc Kạn đặt mục tiêu gì về cáp quang?")

    # Cleaned before the length checks: a blank message ends up empty and gets 422.
    _clean = validator("message", pre=True, allow_reuse=True)(clean_message)


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
    message: str = Field(..., min_length=1, max_length=MAX_MESSAGE_CHARS)

    _clean = validator("message", pre=True, allow_reuse=True)(clean_message)


class Document(BaseModel):
    """A document's card: what its header and signature state (a field it does not give is null)."""

    id: str
    kind: str = Field(..., description="type id from an open list: nghi-quyet, ke-hoach, chi-thi, quyet-dinh …")
    label: str = Field(..., description='the type as answers name it: "Kế hoạch", "Dự thảo nghị quyết"')
    draft: bool = False
    province: Optional[str] = Field(None, description="the province that issued it")
    province_now: Optional[str] = Field(None, description="the unit that province belongs to since 1 July 2025")
    province_label: Optional[str] = Field(None, description='"Bắc Kạn, nay thuộc tỉnh Thái Nguyên"')
    areas: list[str] = Field([], description="province names (old and new) a question may use for it")
    issuing_body: Optional[str]
    number: Optional[str]
    date: Optional[str]
    place: Optional[str] = None
    title: Optional[str]
    subject: Optional[str] = None
    period: Optional[str]
    signer: Optional[str]
    signer_role: Optional[str]
    refers_to: list[str] = []
    source_file: str
    source_format: str = Field("txt", description="txt, md, docx, pdf, pdf-ocr, html")
    notes: list[str] = []
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


class AdminReport(BaseModel):
    """What an admin action left loaded, and what an index build did."""

    documents: int
    passages: int
    seconds: float
    embedded: list[str] = Field([], description="documents embedded anew (rebuild only)")
    reused: list[str] = Field([], description="documents whose vectors were kept (rebuild only)")
    removed: list[str] = Field([], description="documents no longer in the sources (rebuild only)")


class FactType(str, Enum):
    target = "target"
    responsibility = "responsibility"
    deadline = "deadline"


class Fact(BaseModel):
    """One commitment extracted from a document (mirrors knowledge.facts.Fact); which
    fields are set depends on `type`, and `quote` is always the verbatim clause."""

    type: FactType
    doc_id: str
    province: Optional[str]
    section: str = Field(..., description="section path, e.g. I.2.6[2]; empty for a letter's body")
    quote: str = Field(..., description="the clause, copied verbatim from the document's text")
    indicator: Optional[str] = Field(None, description="target: what is measured")
    value: Optional[str] = Field(None, description='target: "90", "10.000", "20 - 25"')
    unit: Optional[str] = Field(None, description="target: %, điểm, bậc, tỷ USD, doanh nghiệp, vị trí")
    qualifier: Optional[str] = Field(None, description='target: the words, e.g. "trở lên", "tối thiểu"')
    comparator: Optional[str] = Field(None, description="target: ≥ > ≤ < ≈ =")
    year: Optional[str] = Field(None, description="target or deadline: the year it is due")
    level: Optional[str] = Field(None, description="target: cấp tỉnh / cấp huyện / cấp xã")
    actor: Optional[str] = Field(None, description="responsibility: the body that does it")
    role: Optional[str] = Field(None, description="responsibility: chủ trì, phối hợp, thực hiện, chỉ đạo …")
    task: Optional[str] = Field(None, description="responsibility: the clause from the role verb on")
    due: Optional[str] = Field(None, description='deadline: "trước ngày 15/6/2016", "Quý II/2026", "hằng năm"')
    date: Optional[str] = Field(None, description="deadline: ISO date when the clause gives a full date")
    recurring: Optional[str] = Field(None, description='deadline: "hằng năm", "định kỳ 6 tháng" …')
    item: Optional[str] = Field(None, description="deadline: what is due")
    heading: list[str] = Field([], description="titles of the sections above the clause")
    fact_id: str = Field("", description="stable id: the same fact keeps it across rebuilds")
    areas: list[str] = Field([], description="province names (old and new) a question may use for it")

    class Config:
        schema_extra = {"example": {
            "type": "target", "doc_id": "bac-kan-08-nq-tu-2021", "province": "Bắc Kạn", "section": "I.2.6[2]",
            "quote": "- Hạ tầng mạng băng rộng cáp quang phủ 100% đơn vị hành chính cấp xã, trên 80% hộ gia đình;",
            "indicator": "Hạ tầng mạng băng rộng cáp quang phủ — hộ gia đình", "value": "80", "unit": "%",
            "qualifier": "trên", "comparator": ">", "year": "2025", "level": "cấp xã",
            "heading": ["I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                        "2.6. Về xây dựng và phát triển chính quyền điện tử, hướng tới chính quyền số"]}}
