"""End to end through HTTP against a real server process: each question type, a two-turn
follow-up, an out-of-scope decline, an unanswerable decline, no diacritics, the REST channel."""
import json
import urllib.request

from knowledge.language.normalize import fold


def lead(reply: dict) -> str:
    return fold(reply["text"][:400])


def provinces(reply: dict) -> set:
    return {s["province"] for s in reply["sources"]}


def test_target_question_leads_with_the_value_and_cites_it(ask):
    reply = ask("Quảng Ninh phấn đấu bao nhiêu doanh nghiệp thành lập mới trong 5 năm tới?")
    assert "10.000" in reply["text"][:400] and provinces(reply) == {"Quảng Ninh"}
    source = reply["sources"][0]
    assert source["quote"] and source["section"] and source["doc_id"].startswith("quang-ninh")
    assert reply["intent"]["name"] and 0 < reply["intent"]["confidence"] <= 1


def test_responsibility_question(ask):
    reply = ask("Ban cán sự đảng UBND tỉnh Bắc Kạn được giao chủ trì việc gì?")
    assert "chu tri" in lead(reply) and provinces(reply) == {"Bắc Kạn"}


def test_deadline_question(ask):
    reply = ask("Sở Nội vụ Bắc Giang đề nghị gửi góp ý dự thảo trước ngày nào?")
    assert "15/6/2016" in reply["text"][:400] and provinces(reply) == {"Bắc Giang"}


def test_document_question_answers_from_metadata(ask):
    reply = ask("Nghị quyết của Đảng ủy Khối Lai Châu do ai ký?")
    assert "vu van luong" in lead(reply) and provinces(reply) == {"Lai Châu"}


def test_follow_up_keeps_the_province_then_switches(ask):
    first = ask("Bắc Kạn đặt mục tiêu mức độ hài lòng của người dân về TTHC là bao nhiêu?")
    assert "90%" in first["text"][:400] and provinces(first) == {"Bắc Kạn"}
    same = ask("Còn hạ tầng cáp quang thì sao?")
    assert "80%" in same["text"][:400] and provinces(same) == {"Bắc Kạn"}
    other = ask("Còn Quảng Ninh?")
    assert provinces(other) == {"Quảng Ninh"}


def test_question_without_diacritics(ask):
    reply = ask("quang ninh thu hut von dau tu truc tiep nuoc ngoai bao nhieu den nam 2025")
    assert "5 ty usd" in lead(reply) and provinces(reply) == {"Quảng Ninh"}


def test_out_of_scope_is_declined_without_sources(ask):
    reply = ask("Cho tôi công thức nấu phở bò")
    assert reply["sources"] == [] and reply["text"]


def test_unanswerable_is_declined_without_sources(ask):
    reply = ask("Nghị quyết của Quảng Ninh quy định mức phạt vi phạm giao thông là bao nhiêu?")
    assert reply["sources"] == []
    assert "khong neu" in fold(reply["text"]) or "ngoai pham vi" in fold(reply["text"])


def test_province_without_documents_is_said_so(ask):
    reply = ask("Nghị quyết cải cách hành chính của Cà Mau đặt chỉ tiêu gì?")
    assert reply["sources"] == [] and "ca mau" in fold(reply["text"])


def test_rest_channel_speaks_rasa_format(live_server):
    body = json.dumps({"sender": "rest-e2e", "message": "xin chào"}).encode()
    request = urllib.request.Request(live_server + "/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        messages = json.loads(response.read())
    assert messages and messages[0]["recipient_id"] == "rest-e2e" and messages[0]["text"]
