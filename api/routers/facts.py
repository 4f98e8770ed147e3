"""Targets, responsibilities and deadlines as data: for the web page's tables and for
spreadsheets, each row carrying the verbatim quote that states it, so it can be checked."""
from __future__ import annotations

import csv
import io
from enum import Enum
from typing import Iterable, Optional

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from api.schemas import Fact, FactType
from knowledge.facts.model import Fact as FactRecord
from api.dependencies import SearcherDep
from knowledge.language.normalize import fold
from knowledge.language.provinces import canonical_province

router = APIRouter(tags=["knowledge"])

CSV_COLUMNS: tuple[str, ...] = tuple(Fact.__fields__)
HEADING_SEPARATOR = " › "
# A cell starting with one of these is run as a formula by spreadsheet programs
# ("- 100% TTHC…" shows as #NAME?): such cells get a leading apostrophe (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class FactFormat(str, Enum):
    json = "json"
    csv = "csv"


def province_key(name: str) -> str:
    """"Bắc Kạn", "bac kan", "Tỉnh BẮC KẠN" → one key: the official name when it is a province."""
    return canonical_province(name) or fold(name)


def select(facts: Iterable[FactRecord], fact_type: Optional[FactType] = None, province: Optional[str] = None,
           year: Optional[str] = None, doc_id: Optional[str] = None,
           actor: Optional[str] = None) -> list[FactRecord]:
    """The facts that pass every given filter, in document order."""
    wanted_province = province_key(province) if province and province.strip() else None
    wanted_actor = fold(actor) if actor and actor.strip() else None
    kept = []
    for fact in facts:
        if fact_type and fact.type != fact_type.value:
            continue
        areas = fact.areas or (fact.province or "",)
        if wanted_province and all(province_key(a) != wanted_province for a in areas):
            continue
        if year and fact.year != year:
            continue
        if doc_id and fact.doc_id != doc_id:
            continue
        if wanted_actor and wanted_actor not in fold(fact.actor or ""):
            continue
        kept.append(fact)
    return kept


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = HEADING_SEPARATOR.join(value) if isinstance(value, (list, tuple)) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(facts: Iterable[Fact]) -> bytes:
    """UTF-8 with a byte-order mark: Excel otherwise reads the Vietnamese as ANSI."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for fact in facts:
        data = fact.dict()
        data["type"] = fact.type.value
        writer.writerow([_cell(data.get(column)) for column in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


CSV_EXAMPLE = ("\ufefftype,doc_id,province,section,quote,indicator,value,unit,…\r\n"
               "target,bac-kan-08-nq-tu-2021,Bắc Kạn,I.2.6[2],"
               "'- Hạ tầng mạng băng rộng cáp quang phủ 100% đơn vị hành chính cấp xã, trên 80% hộ gia đình;,…\r\n")


@router.get(
    "/facts", response_model=list[Fact], summary="Targets, responsibilities and deadlines as a table",
    description="The commitments extracted from the documents: **targets** (indicator, value, unit, comparator, "
                "year), **responsibilities** (actor, role, task) and **deadlines** (due, date, item). Every row "
                "has its document, section and the verbatim `quote` that states it. Filters combine (AND). "
                "`format=csv` returns the same rows as a UTF-8 CSV with a byte-order mark (opens in Excel), "
                "`heading` joined by \" › \", and cells that would start a spreadsheet formula "
                "(= + - @) prefixed with an apostrophe.",
    responses={200: {"description": "JSON list of facts, or CSV with `format=csv`",
                     "content": {"text/csv": {"schema": {"type": "string"}, "example": CSV_EXAMPLE}}}})
async def facts(
    searcher: SearcherDep,
    fact_type: Optional[FactType] = Query(None, alias="type", description="only this kind of fact",
                                          openapi_examples={"target": {"value": "target"},
                                                            "deadline": {"value": "deadline"}}),
    province: Optional[str] = Query(None, max_length=64,
                                    description="province, with or without diacritics, any case",
                                    openapi_examples={"plain": {"summary": "typed without diacritics",
                                                                "value": "bac kan"},
                                                      "accented": {"value": "Quảng Ninh"}}),
    year: Optional[str] = Query(None, pattern=r"^\d{4}$", description="the year a target or deadline is due",
                                openapi_examples={"2025": {"value": "2025"}}),
    doc_id: Optional[str] = Query(None, max_length=128, description="one document (`id` from GET /documents)",
                                  openapi_examples={"bac-kan": {"value": "bac-kan-08-nq-tu-2021"}}),
    actor: Optional[str] = Query(None, max_length=128,
                                 description="responsible body: part of its name, diacritics and case ignored",
                                 openapi_examples={"van-phong": {"value": "van phong tinh uy"}}),
    output: FactFormat = Query(FactFormat.json, alias="format", description="json (default) or csv"),
) -> list[Fact] | Response:
    rows = [Fact(**f.to_dict()) for f in select(searcher.facts, fact_type, province, year, doc_id, actor)]
    if output is FactFormat.csv:
        return Response(to_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": "attachment; filename=facts.csv"})
    return rows


@router.get("/facts/{fact_id}", response_model=Fact, summary="One fact by its stable id",
            responses={404: {"description": "no fact has this id (the document changed or was removed)"}})
async def fact(searcher: SearcherDep,
               fact_id: str = Path(..., max_length=32, description="`fact_id` of a fact (a content hash)")) -> Fact:
    found = searcher.fact_by_id.get(fact_id)
    if found is None:
        raise HTTPException(404, f"Không có chỉ tiêu/nhiệm vụ/thời hạn nào mang mã {fact_id}.")
    return Fact(**found.to_dict())
