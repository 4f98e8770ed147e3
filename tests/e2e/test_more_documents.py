"""The 40 real provincial documents of ../shared/corpus/more served beside the built-in ones,
as `ASSISTANT_SOURCES_DIRS=knowledge/sources:../shared/corpus/more make run` serves them,
and asked through HTTP: the held-out question set (tests/data/more_questions.yaml, scored
by the official ../shared/eval/score.py), new and old province names, documents and facts.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml

from knowledge.language.normalize import fold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MORE = SHARED / "corpus" / "more"
SCORER = SHARED / "eval" / "score.py"
MIN_ACCURACY = 0.8   # measured 61/70 (87%) when this test was written
pytestmark = pytest.mark.skipif(not MORE.is_dir() or not SCORER.exists(),
                                reason="../shared (corpus/more, eval/score.py) is not beside the repository")


@pytest.fixture(scope="module")
def more_server(built, embedder, base_settings, tmp_path_factory, server_factory):
    from index.builder import build

    index_dir = tmp_path_factory.mktemp("more") / "index"
    folders = f"knowledge/sources:{MORE}"
    settings = base_settings.copy(update={"index_dir": index_dir, "sources_dirs": folders})
    report = build(settings, embedder=embedder, progress=False)
    assert report.skipped == [] and len(report.embedded) == 47
    with server_factory({"ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_SOURCES_DIRS": folders}) as url:
        yield url


def _get(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def _ask(url: str, message: str, sender: str = "") -> dict:
    body = json.dumps({"sender": sender or f"more-{uuid.uuid4().hex[:10]}", "message": message}).encode()
    request = urllib.request.Request(url + "/chat", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def _scorer():
    spec = importlib.util.spec_from_file_location("official_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_held_out_question_set(more_server, root):
    score = _scorer()
    cases = yaml.safe_load((root / "tests" / "data" / "more_questions.yaml").read_text(encoding="utf-8"))
    failed = []
    for case in cases:
        sender = f"more-{case['id']}-{uuid.uuid4().hex[:6]}"
        for turn in case["turns"]:
            why = score.judge(turn, _ask(more_server, turn["q"], sender))
            if why:
                failed.append(f"{case['id']}: {why}")
                break
    accuracy = 1 - len(failed) / len(cases)
    assert accuracy >= MIN_ACCURACY, f"{accuracy:.0%}:\n" + "\n".join(failed)


def test_documents_carry_their_own_types_and_both_province_names(more_server):
    documents = _get(more_server + "/documents")
    assert len(documents) == 47
    plan = next(d for d in documents if d["number"] == "144/KH-UBND")
    assert (plan["label"], plan["province"], plan["province_now"]) == ("Kế hoạch", "Bắc Ninh", "Bắc Ninh")
    assert "Bắc Giang" in plan["areas"]  # issued after 1 July 2025 by the unit Bắc Giang joined
    bac_kan = next(d for d in documents if d["id"] == "bac-kan-08-nq-tu-2021")
    assert bac_kan["province_label"] == "Bắc Kạn, nay thuộc tỉnh Thái Nguyên"


def test_a_question_by_the_new_unit_finds_the_old_provinces_documents(more_server):
    reply = _ask(more_server, "Thái Nguyên đặt mục tiêu tỷ lệ hộ gia đình có cáp quang là bao nhiêu?")
    assert "80%" in reply["text"][:400]
    assert {s["province"] for s in reply["sources"]} == {"Bắc Kạn"}
    assert "nay thuộc tỉnh Thái Nguyên" in reply["text"]
    old = _ask(more_server, "Bắc Kạn đặt mục tiêu tỷ lệ hộ gia đình có cáp quang là bao nhiêu?")
    assert "80%" in old["text"][:400] and {s["province"] for s in old["sources"]} == {"Bắc Kạn"}


def test_facts_know_both_names(more_server):
    query = urllib.parse.urlencode({"province": "thai nguyen", "type": "target"})
    facts = _get(f"{more_server}/facts?{query}")
    assert {f["province"] for f in facts} >= {"Bắc Kạn"}
    rows = _get(f"{more_server}/facts?" + urllib.parse.urlencode({"doc_id": "ho-chi-minh-2820-qd-ubnd-2025",
                                                                  "type": "responsibility"}))
    assert any(f["role"] == "chủ trì" and f["section"].startswith("Phụ lục, dòng") for f in rows)


def test_answers_name_documents_by_their_type(more_server):
    reply = _ask(more_server, "Chỉ thị 010 của Đắk Lắk do ai ký?")
    assert "truong cong thai" in fold(reply["text"][:400])
    assert "Chỉ thị số 010/CT-UBND" in reply["text"]
