"""Hybrid search on the real documents with the real model and faiss."""
import numpy as np
import pytest

from index.fusion import rrf
from knowledge.language.normalize import fold


def top(searcher, question, **kw):
    return searcher.search(question, k=5, **kw).hits


def test_question_without_diacritics_finds_the_target(searcher):
    hits = top(searcher, "bac kan dat muc tieu bao nhieu phan tram ho gia dinh co cap quang")
    assert hits[0].province == "Bắc Kạn"
    assert "80% hộ gia đình" in hits[0].text
    assert hits[0].section == "I.2.6[2]"


def test_nfd_and_old_tone_placement_search_like_nfc(searcher):
    import unicodedata
    q = "Ai ký nghị quyết của Đảng uỷ Khối Lai Châu?"
    a = [h.passage_id for h in top(searcher, q)]
    b = [h.passage_id for h in top(searcher, unicodedata.normalize("NFD", q.replace("uỷ", "ủy")))]
    assert a == b
    assert any("Vũ Văn Lương" in h.text for h in top(searcher, q))


def test_abbreviation_in_question_matches_long_form(searcher):
    hits = top(searcher, "Mức độ hài lòng về giải quyết TTHC lĩnh vực đất đai ở Quảng Ninh năm 2030")
    assert any("95%" in h.text for h in hits)


def test_province_named_in_question_filters(searcher):
    result = searcher.search("Văn phòng Tỉnh ủy Quảng Ninh được giao nhiệm vụ gì?", k=10)
    assert result.question.provinces == ("Quảng Ninh",)
    assert {h.province for h in result.hits} == {"Quảng Ninh"}


def test_explicit_filters(searcher):
    assert {h.province for h in top(searcher, "mức độ hài lòng", province="Lai Châu")} == {"Lai Châu"}
    assert {h.kind for h in top(searcher, "mục tiêu chung", kind="bai-viet")} == {"bai-viet"}
    assert {h.kind for h in top(searcher, "mục tiêu chung", kind="news article")} == {"bai-viet"}  # the old name
    hits = top(searcher, "chữ ký", doc_id="bac-giang-479-snv-cchc-2016")
    assert {h.doc_id for h in hits} == {"bac-giang-479-snv-cchc-2016"}


def test_document_number_in_question_filters_to_it_and_what_refers_to_it(searcher):
    result = searcher.search("Nghị quyết 08-NQ/TU đề ra bao nhiêu mục tiêu chung?", k=5)
    assert set(result.question.doc_ids) == {"bac-kan-08-nq-tu-2021", "bac-kan-55-bs-hu-2021", "bac-kan-tin-nq-08-2021"}
    assert any("02 mục tiêu chung" in h.text for h in result.hits)


def test_province_without_documents_returns_nothing(searcher):
    result = searcher.search("Nghị quyết cải cách hành chính của Cà Mau đặt mục tiêu gì?")
    assert result.hits == [] and result.question.unknown_provinces == ("Cà Mau",)


def test_hits_carry_scores_and_sources(searcher):
    hit = top(searcher, "Năm 2015 chỉ số CCHC của Bắc Kạn đạt bao nhiêu điểm?")[0]
    assert "78,59" in hit.text
    assert hit.doc_id == "bac-kan-08-nq-tu-2021" and hit.score > 0
    assert 0 < hit.dense_score <= 1 and hit.lexical_score > 0


def test_rrf_rewards_agreement():
    fused = rrf([([1, 2, 3], 1.0), ([3, 1, 4], 1.0)], k=60)
    assert [pid for pid, _ in fused][:2] == [1, 3]
    assert rrf([([], 1.0)]) == []


def test_dev_questions_recall(searcher, root):
    """The issue's bar on the shared dev set: recall@5 ≥ 0.95, recall@1 ≥ 0.75, and
    questions typed without diacritics do no worse than the rest."""
    from index.evaluate import evaluate

    shared_eval = root.parent / "shared" / "eval" / "dev_questions.yaml"
    if not shared_eval.exists():
        pytest.skip("shared/eval is not beside this checkout")
    result = evaluate(searcher, shared_eval, k=5)
    n, r1, r5, mrr = result.overall()
    assert r5 >= 0.95 and r1 >= 0.75, (r1, r5, [r for r in result.ranks if r[2] != 1])
    plain = result.by_type()["no_diacritics"]
    assert plain[2] >= r5 - 1e-9


def test_held_out_paraphrases_recall(searcher, root):
    """Our own probe of other phrasings and facts (tests/data/paraphrases.yaml)."""
    from index.evaluate import evaluate

    result = evaluate(searcher, root / "tests" / "data" / "paraphrases.yaml", k=5)
    n, r1, r5, _ = result.overall()
    assert n >= 18 and r5 >= 0.9 and r1 >= 0.75, [r for r in result.ranks if r[2] != 1]


def test_metadata_question_searches_card_and_signature_first(searcher):
    result = searcher.search("Ai ký công văn xin ý kiến dự thảo nghị quyết của Bắc Giang?", k=3)
    assert result.question.roles == ("signature", "card")
    assert "Bùi Ngọc Sơn" in result.hits[0].text
    topic = searcher.search("Quảng Ninh đặt mục tiêu gì về văn bản có chữ ký số?", k=3)
    assert topic.question.roles == () and "chữ ký số" in topic.hits[0].text


def test_follow_up_is_searched_with_the_question_it_follows(searcher):
    from index.question import Previous

    before = Previous(topic="Mức độ hài lòng ở Bắc Kạn?")
    assert searcher.understand("Còn định hướng đến 2030 thì sao?", before).follow_up
    assert searcher.understand("Còn Quảng Ninh?", before).follow_up
    assert not searcher.understand("Quảng Ninh đặt mục tiêu thu hút FDI bao nhiêu đến năm 2025?", before).follow_up
    assert searcher.understand("Còn Lai Châu?", before).search_text == "Còn ? Mức độ hài lòng ở Bắc Kạn?"
    assert searcher.understand("Ai ký nghị quyết của Quảng Ninh?", before).search_text == "Ai ký nghị quyết của ?"


def test_diacritics_are_restored_from_the_corpus_for_the_dense_channel(searcher):
    restored = searcher.restorer.restore("bac kan dat muc tieu bao nhieu phan tram ho gia dinh co cap quang")
    assert restored == "bắc kạn đạt mục tiêu bao nhiêu phần trăm hộ gia đình có cáp quang"
    assert searcher.restorer.restore("xyzzy abc") == "xyzzy abc"
