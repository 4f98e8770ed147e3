"""Issue 4 end to end through POST /chat: a list, a comparison, a summary and a full quiz."""
from bot.answers.quiz import BUILDERS
from index import store
from index.settings import IndexSettings


def test_list_question(ask):
    reply = ask("Liệt kê các chỉ tiêu của Quảng Ninh đến năm 2030")
    assert "mục:" in reply["text"] and "95%" in reply["text"]
    assert reply["sources"] and {s["province"] for s in reply["sources"]} == {"Quảng Ninh"}


def test_comparison(ask):
    reply = ask("So sánh mục tiêu về mức độ hài lòng của Bắc Kạn và Lai Châu")
    assert "Bắc Kạn:" in reply["text"] and "Lai Châu:" in reply["text"]
    assert {s["province"] for s in reply["sources"]} == {"Bắc Kạn", "Lai Châu"}


def test_summary(ask):
    reply = ask("Tóm tắt nghị quyết 08-NQ/TU")
    assert reply["text"].startswith("Tóm tắt Nghị quyết số 08-NQ/TU") and "chỉ tiêu cụ thể" in reply["text"]


def _answer_for(prompt: str) -> str:
    """The right answer to a quiz question, rebuilt from the stored facts."""
    settings = IndexSettings()
    stored = store.read(settings.path(settings.index_dir))
    cards = {d.id: d for d in stored.documents}
    for fact in stored.facts:
        question = BUILDERS[fact.type](fact, cards.get(fact.doc_id))
        if question and question["prompt"] in prompt:
            return question["answer"]
    raise AssertionError(f"no fact for {prompt}")


def test_full_quiz_right_wrong_and_score(ask):
    start = ask("Ôn tập nghị quyết Quảng Ninh 3 câu")
    assert "3 câu hỏi" in start["text"] and "Câu 1/3" in start["text"]
    right = ask(_answer_for(start["text"].split("Câu 1/3: ", 1)[1]))
    assert right["text"].startswith("Đúng!") and right["sources"] and "Câu 2/3" in right["text"]
    wrong = ask("123456789")
    assert wrong["text"].startswith("Chưa đúng.") and "Đáp án:" in wrong["text"] and "Câu 3/3" in wrong["text"]
    last = ask("bỏ qua")
    assert "Kết quả: 1/3 câu đúng" in last["text"] and "Nên ôn lại" in last["text"]
    after = ask("Ai ký nghị quyết của Quảng Ninh?")
    assert "Nguyễn Xuân Ký" in after["text"]  # the quiz is over: questions are answered again
