"""The study quiz's logic: answers typed naturally, questions from facts, varying runs."""
import random

import pytest

from bot.answers.quiz import is_right, make_quiz, numbers_in, requested_count


@pytest.mark.parametrize("text, number", [
    ("90", 90), ("90%", 90), ("chín mươi phần trăm", 90), ("chin muoi phan tram", 90), ("mười nghìn", 10000),
    ("10.000 doanh nghiệp", 10000), ("chín mươi lăm", 95), ("78,59 điểm", 78.59), ("một trăm phần trăm", 100),
])
def test_numbers_typed_in_digits_or_words(text, number):
    assert number in numbers_in(text)


def test_the_word_for_year_is_not_five():
    assert numbers_in("năm 2022") == [2022.0]


def test_answers_are_checked_by_meaning():
    target = {"kind": "target", "expected": "10.000", "unit": "doanh nghiệp"}
    assert is_right(target, "mười nghìn") and is_right(target, "ít nhất 10.000") and not is_right(target, "1000")
    assert is_right({"kind": "target", "expected": "5", "unit": "tỷ USD"}, "năm tỷ đô la")
    assert is_right({"kind": "deadline", "expected": "15/6/2016"}, "trước ngày 15/6/2016")
    assert not is_right({"kind": "deadline", "expected": "15/6/2016"}, "năm 2016")
    duty = {"kind": "responsibility", "expected": "Văn phòng Tỉnh ủy"}
    assert is_right(duty, "van phong tinh uy") and is_right(duty, "Văn phòng Tỉnh uỷ chủ trì")
    assert not is_right(duty, "Ban Tuyên giáo Tỉnh ủy")


def test_quiz_mixes_kinds_stays_in_scope_and_varies(live):
    facts, cards = live.facts, live.cards
    scope = ["quang-ninh-nq-cchc-2021-2025"]
    first = make_quiz(facts, cards, scope, 6, random.Random(1))
    assert len(first) == 6 and {q["kind"] for q in first} == {"target", "deadline", "responsibility"}
    assert all(live.fact_by_id[q["fact"]].doc_id in scope for q in first)
    runs = {tuple(q["prompt"] for q in make_quiz(facts, cards, scope, 5, random.Random(seed))) for seed in range(5)}
    assert len(runs) > 1
    assert requested_count("đố tôi 8 câu nhé") == 8 and requested_count("ôn tập") == 5
