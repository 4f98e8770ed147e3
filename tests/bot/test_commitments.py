"""Lists, paging, comparisons, summaries and the timeline, on the real facts."""
import json

import pytest

from bot.answers.facts.compare import compare
from bot.answers.facts.lists import list_facts, more
from bot.answers.facts.timeline import timeline
from bot.answers.single.answering import answer
from bot.answers.summary import summary_reply
from index.question import Previous


def test_target_list_is_paged_and_each_item_cited(live, read):
    first = list_facts(live, read("Liệt kê các chỉ tiêu của Bắc Kạn đến năm 2025"))
    assert "20 mục" in first.text and first.text.count("\n") >= 8
    assert len(first.sources) == 8 and {s["province"] for s in first.sources} == {"Bắc Kạn"}
    assert first.buttons == [{"title": "Xem thêm", "payload": "/more"}]
    state = first.slots["list_state"]
    second = more(live, state)
    assert "9." in second.text and json.loads(second.slots["list_state"])["offset"] == 16
    third = more(live, second.slots["list_state"])
    assert "20." in third.text and third.slots["list_state"] is None and not third.buttons


def test_a_list_state_holds_fact_ids_that_survive_a_rebuild(live, read):
    """The paging state names facts by content hash, not by position in the index."""
    state = json.loads(list_facts(live, read("Liệt kê các chỉ tiêu của Bắc Kạn đến năm 2025")).slots["list_state"])
    assert all(fact_id in live.fact_by_id for fact_id in state["ids"])
    assert all(isinstance(fact_id, str) and fact_id.startswith("t-") for fact_id in state["ids"])


def test_deadlines_of_a_year_across_documents(live, read):
    reply = list_facts(live, read("Những việc phải hoàn thành trong năm 2022?"))
    assert "ISO 9001:2015" in reply.text and "Trung tâm điều hành thành phố thông minh" in reply.text


def test_duties_of_a_body(live, read):
    reply = list_facts(live, read("Ủy ban Kiểm tra Tỉnh ủy được giao những gì?"))
    assert "Ủy ban Kiểm tra Tỉnh ủy (chủ trì)" in reply.text and reply.sources[0]["section"] == "IV.8"


def test_comparison_side_by_side(live, read):
    reply = compare(live, read("So sánh mục tiêu dịch vụ công trực tuyến của Bắc Kạn và Quảng Ninh"), None)
    lines = reply.text.splitlines()
    assert "Bắc Kạn:" in lines and "Quảng Ninh:" in lines
    assert {s["province"] for s in reply.sources} == {"Bắc Kạn", "Quảng Ninh"}
    assert all("dịch vụ công" in s["quote"] or "trực tuyến" in s["quote"] for s in reply.sources)


def test_summary_of_a_resolution(live, read):
    reply = summary_reply(live, read("Tóm tắt nghị quyết của Lai Châu"), None)
    assert reply.text.startswith("Tóm tắt Nghị quyết số 01-NQ/ĐUK")
    assert "10 chỉ tiêu cụ thể" in reply.text and "nhóm nhiệm vụ" in reply.text
    assert "Ban Thường vụ Đảng ủy Khối" in reply.text and reply.sources


def test_timeline_is_in_date_order(live, read):
    reply = timeline(live, read("Các mốc thời hạn trong các nghị quyết"))
    lines = [l for l in reply.text.splitlines() if l[:2].rstrip(".").isdigit()]
    assert lines[0].startswith("1. trước ngày 15/6/2016")


def test_a_topic_question_about_what_the_documents_lack_is_declined(live, read):
    reply = answer(live, read("Nghị quyết Lai Châu nói gì về ngân sách quốc phòng?"), "ask_fact", Previous())
    assert reply.sources == [] and "không nêu" in reply.text


def test_count_of_specific_targets_counts_sections(live, read):
    reply = answer(live, read("Có bao nhiêu mục tiêu cụ thể trong nghị quyết 08?"), "ask_target", Previous())
    assert "— 7 mục" in reply.text
