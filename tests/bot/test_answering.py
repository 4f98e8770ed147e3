"""The answering action's logic on the real index: leads, sources, declines, focus."""
import pytest

from bot.answers.single.answering import answer
from bot.answers.single.documents import document_info
from bot.answers.single.leads import units
from index.question import Previous
from knowledge.language.normalize import fold
from tests.bot.conftest import previous_of


@pytest.fixture
def ask(live, read):
    def _ask(question, intent="ask_fact", previous=None):
        previous = previous or Previous()
        return answer(live, read(question, previous), intent, previous)
    return _ask


@pytest.fixture
def ask_document(live, read):
    return lambda question: document_info(live, read(question), None)


def test_lead_is_a_verbatim_unit_of_the_cited_passage(ask):
    reply = ask("Tỷ lệ cán bộ, công chức cấp xã có trình độ đại học ở Bắc Kạn phải đạt bao nhiêu?", "ask_target")
    lead = reply.text.split("\n\n")[0]
    assert "80%" in lead and len(lead) <= 400
    # verbatim: the sentence, after the opening of the sentence it continues when it is one
    assert all(part in reply.sources[0]["quote"] for part in lead.split(" … "))
    assert reply.slots["province"] == "Bắc Kạn"


def test_deadline_lead_carries_a_date_not_a_period(ask):
    reply = ask("Hạn gửi góp ý dự thảo nghị quyết của Bắc Giang là khi nào?", "ask_deadline")
    assert "15/6/2016" in reply.text.split("\n\n")[0]


def test_unanswerable_question_is_declined_without_sources(ask):
    reply = ask("Nghị quyết của Bắc Giang quy định thuế thu nhập cá nhân là bao nhiêu phần trăm?", "ask_target")
    assert reply.sources == [] and "không nêu" in reply.text


def test_province_without_documents(ask):
    reply = ask("Hà Nội đặt mục tiêu gì về dịch vụ công?", "ask_target")
    assert reply.sources == [] and "Hà Nội" in reply.text


def test_metadata_answers_never_invent_a_number(ask_document):
    reply = ask_document("Số hiệu nghị quyết cải cách hành chính của Quảng Ninh là gì?")
    assert "không ghi số" in reply.text
    signed = ask_document("Ai ký bản sao lục nghị quyết 08-NQ/TU?")
    assert "Hoàng Hữu Khôi" in signed.text and signed.sources[0]["section_label"] == "phần chữ ký"


def test_follow_up_uses_the_focus(ask):
    first = ask("Bắc Kạn đặt mục tiêu gì về tỷ lệ dân số có tài khoản thanh toán điện tử?", "ask_target")
    second = ask("Còn hộ gia đình có cáp quang?", "follow_up", previous_of(first))
    assert "80%" in second.text.split("\n\n")[0] and second.sources[0]["province"] == "Bắc Kạn"


def test_question_matching_several_provinces_answers_each_with_buttons(ask):
    reply = ask("Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính phải đạt bao nhiêu?",
                "ask_target")
    assert len({s["province"] for s in reply.sources}) >= 2
    assert all(b["payload"].startswith("/follow_up") for b in reply.buttons) and len(reply.buttons) >= 2


def test_list_question_lists_the_section_items(ask):
    reply = ask("Nghị quyết của Lai Châu có những mục tiêu cụ thể nào?", "ask_fact")
    assert fold("Mục tiêu cụ thể") in fold(reply.text) and reply.text.count("\n- ") == 5


def test_units_keep_a_lead_in_with_what_follows():
    parts = units("2. Các Ban xây dựng Đảng: Theo chức năng, nhiệm vụ tổ chức kiểm tra, giám sát. Câu khác ở đây.")
    assert parts[0].startswith("Các Ban xây dựng Đảng: Theo chức năng, nhiệm vụ tổ chức kiểm tra")
