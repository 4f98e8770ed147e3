"""Lists, paging, comparisons, summaries and the timeline, on the real facts."""
import json

import pytest

from bot.actions.answering import answer
from bot.actions.replies import Focus
from knowledge.language.entities import extract


@pytest.fixture(scope="module", autouse=True)
def index_is_built(built):
    return built


def ask(question, intent, focus=None):
    return answer(question, intent, [{"entity": e.type, "value": e.value} for e in extract(question)], focus or Focus())


def test_target_list_is_paged_and_each_item_cited():
    first = ask("Liệt kê các chỉ tiêu của Bắc Kạn đến năm 2025", "list_facts")
    assert "20 mục" in first.text and first.text.count("\n") >= 8
    assert len(first.sources) == 8 and {s["province"] for s in first.sources} == {"Bắc Kạn"}
    assert first.buttons == [{"title": "Xem thêm", "payload": "/more"}]
    state = first.slots["list_state"]
    second = ask("xem thêm", "more", Focus(list_state=state))
    assert "9." in second.text and json.loads(second.slots["list_state"])["offset"] == 16
    third = ask("xem thêm", "more", Focus(list_state=second.slots["list_state"]))
    assert "20." in third.text and third.slots["list_state"] is None and not third.buttons


def test_deadlines_of_a_year_across_documents():
    reply = ask("Những việc phải hoàn thành trong năm 2022?", "list_facts")
    assert "ISO 9001:2015" in reply.text and "Trung tâm điều hành thành phố thông minh" in reply.text


def test_duties_of_a_body():
    reply = ask("Ủy ban Kiểm tra Tỉnh ủy được giao những gì?", "list_facts")
    assert "Ủy ban Kiểm tra Tỉnh ủy (chủ trì)" in reply.text and reply.sources[0]["section"] == "IV.8"


def test_comparison_side_by_side():
    reply = ask("So sánh mục tiêu dịch vụ công trực tuyến của Bắc Kạn và Quảng Ninh", "compare")
    lines = reply.text.splitlines()
    assert "Bắc Kạn:" in lines and "Quảng Ninh:" in lines
    assert {s["province"] for s in reply.sources} == {"Bắc Kạn", "Quảng Ninh"}
    assert all("dịch vụ công" in s["quote"] or "trực tuyến" in s["quote"] for s in reply.sources)


def test_summary_of_a_resolution():
    reply = ask("Tóm tắt nghị quyết của Lai Châu", "summarize")
    assert reply.text.startswith("Tóm tắt Nghị quyết số 01-NQ/ĐUK")
    assert "10 chỉ tiêu cụ thể" in reply.text and "nhóm nhiệm vụ" in reply.text
    assert "Ban Thường vụ Đảng ủy Khối" in reply.text and reply.sources


def test_timeline_is_in_date_order():
    reply = ask("Các mốc thời hạn trong các nghị quyết", "timeline")
    lines = [l for l in reply.text.splitlines() if l[:2].rstrip(".").isdigit()]
    assert lines[0].startswith("1. trước ngày 15/6/2016")


def test_a_topic_question_is_not_a_summary():
    reply = ask("Nghị quyết Lai Châu nói gì về ngân sách quốc phòng?", "summarize")
    assert reply.sources == [] and "không nêu" in reply.text


def test_count_of_specific_targets_counts_sections():
    reply = ask("Có bao nhiêu mục tiêu cụ thể trong nghị quyết 08?", "ask_target")
    assert "— 7 mục" in reply.text
