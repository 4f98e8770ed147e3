"""GET /facts: filters, validation, the CSV export, and that every quote is verbatim."""
from __future__ import annotations

import codecs
import csv
import dataclasses
import io

import pytest

from api.routers.facts import FORMULA_START, HEADING_SEPARATOR
from api.schemas import Fact
from knowledge.corpus import load_corpus
from knowledge.facts import Fact as ExtractedFact
from knowledge.language.normalize import fold

BAC_KAN = "bac-kan-08-nq-tu-2021"


def get(client, **params) -> list[dict]:
    response = client.get("/facts", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_model_mirrors_the_extracted_fact():
    assert set(Fact.__fields__) == {f.name for f in dataclasses.fields(ExtractedFact)}


def test_type_filter_partitions_the_facts(client):
    everything = get(client)
    by_type = {t: get(client, type=t) for t in ("target", "responsibility", "deadline")}
    assert all(by_type.values()), {t: len(v) for t, v in by_type.items()}
    for fact_type, facts in by_type.items():
        assert {f["type"] for f in facts} == {fact_type}
    assert sum(len(v) for v in by_type.values()) == len(everything)
    assert all(isinstance(f["heading"], list) and all(isinstance(h, str) for h in f["heading"]) for f in everything)


@pytest.mark.parametrize("typed", ["bac kan", "BAC KAN", "Bắc Kạn", "tỉnh Bắc Kạn", " bắc  kạn "])
def test_province_ignores_diacritics_and_case(client, typed):
    facts = get(client, province=typed)
    assert facts and {f["province"] for f in facts} == {"Bắc Kạn"}
    assert len(facts) == len(get(client, province="Bắc Kạn"))


def test_unknown_province_is_empty(client):
    assert get(client, province="Cà Mau") == []


def test_year_filter(client):
    facts = get(client, year="2025")
    assert facts and {f["year"] for f in facts} == {"2025"}
    letter = get(client, year="2016", type="deadline")
    assert any(f["due"] == "trước ngày 15/6/2016" and f["date"] == "2016-06-15" for f in letter)


def test_doc_id_filter_has_the_fibre_target(client):
    facts = get(client, doc_id=BAC_KAN)
    assert facts and {f["doc_id"] for f in facts} == {BAC_KAN}
    fibre = [f for f in facts if f["type"] == "target" and f["value"] == "80" and "hộ gia đình" in f["quote"]]
    assert fibre and fibre[0]["unit"] == "%" and fibre[0]["comparator"] == ">" and fibre[0]["year"] == "2025"
    assert get(client, doc_id="no-such-document") == []


def test_actor_is_a_folded_substring(client):
    facts = get(client, actor="van phong tinh uy")
    assert facts and all("van phong tinh uy" in fold(f["actor"]) for f in facts)
    assert {f["type"] for f in facts} == {"responsibility"}
    assert len(get(client, actor="Văn phòng TỈNH ỦY")) == len(facts)


def test_filters_combine(client):
    facts = get(client, type="target", province="quang ninh", year="2025")
    assert facts and all(f["type"] == "target" and f["province"] == "Quảng Ninh" and f["year"] == "2025"
                         for f in facts)


@pytest.mark.parametrize("params", [{"type": "goal"}, {"type": ""}, {"year": "25"}, {"year": "20255"},
                                    {"year": "năm 2025"}, {"format": "xlsx"}])
def test_bad_parameters_are_422(client, params):
    response = client.get("/facts", params=params)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][-1] in params


def _unescape(cell: str) -> str:
    """The CSV prefixes an apostrophe to cells a spreadsheet would run as a formula."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_START else cell


def test_csv_export(client):
    response = client.get("/facts", params={"doc_id": BAC_KAN, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == "attachment; filename=facts.csv"
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == list(Fact.__fields__)
    records = [dict(zip(rows[0], row)) for row in rows[1:]]
    facts = get(client, doc_id=BAC_KAN)
    assert len(records) == len(facts)
    for record, fact in zip(records, facts):
        for column in ("type", "doc_id", "province", "section", "quote", "indicator", "value", "unit", "year"):
            assert _unescape(record[column]) == (fact[column] or ""), column
        assert record["heading"] == HEADING_SEPARATOR.join(fact["heading"])
    assert any("Hạ tầng mạng băng rộng cáp quang" in r["quote"] and r["province"] == "Bắc Kạn" for r in records)
    # "- 100% TTHC…" would open as #NAME? in Excel: such cells are escaped, none is left raw.
    assert any(r["quote"].startswith("'- ") for r in records)
    assert not any(cell.startswith(FORMULA_START) for r in records for cell in r.values())


def test_csv_applies_the_same_filters(client):
    response = client.get("/facts", params={"type": "target", "province": "bac kan", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) - 1 == len(get(client, type="target", province="bac kan"))


def test_every_quote_is_verbatim(client):
    texts = {doc.doc_id: doc.clean_text for doc in load_corpus()}
    facts = get(client)
    missing = [(f["doc_id"], f["quote"][:80]) for f in facts if f["quote"] not in texts.get(f["doc_id"], "")]
    assert not missing, missing


def test_documented_in_openapi(client):
    operation = client.get("/openapi.json").json()["paths"]["/facts"]["get"]
    assert operation["summary"] and operation["description"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert set(params) == {"type", "province", "year", "doc_id", "actor", "format"}
    assert all(p.get("description") for p in params.values())
    assert params["province"]["examples"]["plain"]["value"] == "bac kan"
    assert "text/csv" in operation["responses"]["200"]["content"]
