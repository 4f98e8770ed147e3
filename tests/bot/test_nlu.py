"""The trained NLU on phrasings that are not in the training data."""
import asyncio
import subprocess
import sys

import pytest


HELD_OUT = {
    "greet": ["chào trợ lý", "xin chao ban", "Chào buổi sáng"],
    "goodbye": ["tạm biệt nhé", "bye, hẹn lần sau"],
    "thank": ["cảm ơn nhiều nhé", "cam on ban"],
    "help": ["Trợ lý này giúp được những việc gì?", "tôi nên hỏi bạn thế nào"],
    "ask_target": ["Đến 2025 tỷ lệ hồ sơ trực tuyến của Yên Bái phải đạt bao nhiêu?",
                   "chi tieu ve muc do hai long cua nguoi dan la bao nhieu phan tram",
                   "Phấn đấu thu hút bao nhiêu vốn FDI?"],
    "ask_responsibility": ["Cơ quan nào chủ trì hướng dẫn, theo dõi việc thực hiện nghị quyết?",
                           "ban tuyen giao co nhiem vu gi", "Ai chịu trách nhiệm kiểm tra, giám sát?"],
    "ask_deadline": ["Khi nào phải hoàn thành việc số hóa hồ sơ?", "han chot gui y kien la ngay nao",
                     "Đến năm nào thì xong chính quyền số?"],
    "ask_document": ["Nghị quyết này do ai ký ban hành?", "so hieu cua nghi quyet la gi",
                     "Văn bản được ban hành ngày nào?"],
    "list_documents": ["Bạn đang có những nghị quyết nào?", "cho toi danh sach van ban"],
    "out_of_scope": ["Giá vàng hôm nay bao nhiêu?", "ai vô địch world cup 2022", "Dạy tôi viết code Python"],
}


@pytest.fixture(scope="module")
def agent(built):
    from rasa.core.agent import Agent

    from api.assistant import quiet_rasa_logs

    quiet_rasa_logs()
    return Agent.load(str(built))


def parse(agent, text):
    return asyncio.run(agent.parse_message(text))


def test_intents_on_held_out_phrasings(agent):
    wrong = []
    total = 0
    for intent, texts in HELD_OUT.items():
        for text in texts:
            total += 1
            got = parse(agent, text)["intent"]["name"]
            if got != intent:
                wrong.append((text, intent, got))
    assert len(wrong) <= total * 0.15, wrong


def test_diacritics_do_not_change_the_intent(agent):
    pairs = [("Ai chủ trì theo dõi việc thực hiện nghị quyết?", "ai chu tri theo doi viec thuc hien nghi quyet"),
             ("Mức độ hài lòng phải đạt bao nhiêu?", "muc do hai long phai dat bao nhieu")]
    for accented, plain in pairs:
        assert parse(agent, accented)["intent"]["name"] == parse(agent, plain)["intent"]["name"]


def test_entities_with_and_without_diacritics(agent):
    entities = parse(agent, "ai ky nghi quyet 08-NQ/TU cua bac kan nam 2021")["entities"]
    found = {(e["entity"], e["value"]) for e in entities}
    assert {("province", "Bắc Kạn"), ("doc_number", "08-NQ/TU"), ("year", "2021")} <= found
    entities = parse(agent, "Văn phòng Tỉnh uỷ Quảng Ninh làm gì?")["entities"]
    assert {("issuing_body", "Văn phòng Tỉnh ủy"), ("province", "Quảng Ninh")} <= {(e["entity"], e["value"]) for e in entities}


def test_training_data_validates(root):
    out = subprocess.run([sys.executable, "-m", "rasa", "data", "validate", "--domain", "bot/domain.yml",
                          "--data", "bot/data", "--config", "config.yml"],
                         cwd=root, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
