"""Fact extraction on the real documents: pinned facts, counts, verbatim quotes."""
from collections import Counter

import pytest

from knowledge.corpus import load_corpus
from knowledge.facts import extract_facts
from knowledge.language.normalize import fold


@pytest.fixture(scope="module")
def facts():
    docs = load_corpus()
    return {d.doc_id: (d, extract_facts(d)) for d in docs}


def find(facts, doc_id, type_, **where):
    _, found = facts[doc_id]
    out = [f for f in found if f.type == type_
           and all(fold(v) in fold(getattr(f, k) or "") for k, v in where.items())]
    assert out, (doc_id, type_, where)
    return out


def test_every_quote_occurs_verbatim_in_its_document(facts):
    for doc, found in facts.values():
        for fact in found:
            assert fact.quote in doc.clean_text, (doc.doc_id, fact.quote[:80])


def test_counts_per_document(facts):
    """Targets are counted exactly; responsibilities and deadlines at least as many as the
    clauses that state them in "Tổ chức thực hiện" (recurring duties such as "định kỳ hằng
    năm báo cáo" count too)."""
    counts = {doc_id: Counter(f.type for f in found) for doc_id, (_, found) in facts.items()}
    assert {d: c["target"] for d, c in counts.items() if c["target"]} == {
        "bac-kan-08-nq-tu-2021": 20, "quang-ninh-nq-cchc-2021-2025": 13, "lai-chau-01-nq-duk-2020": 10,
        "bac-giang-du-thao-nq-cchc-2016-2020": 8}
    assert counts["bac-kan-08-nq-tu-2021"]["responsibility"] >= 5
    assert counts["quang-ninh-nq-cchc-2021-2025"]["responsibility"] >= 16
    assert counts["quang-ninh-nq-cchc-2021-2025"]["deadline"] >= 11
    assert counts["lai-chau-01-nq-duk-2020"]["responsibility"] >= 7
    assert counts["bac-giang-du-thao-nq-cchc-2016-2020"]["deadline"] >= 8
    assert counts["bac-giang-479-snv-cchc-2016"]["deadline"] == 1
    # secondary sources repeat a primary document: no facts of their own
    assert counts["bac-kan-tin-nq-08-2021"] == {} and counts["bac-kan-55-bs-hu-2021"] == {}


def test_bac_kan_targets(facts):
    (satisfaction,) = [f for f in find(facts, "bac-kan-08-nq-tu-2021", "target", indicator="mức độ hài lòng của người dân, doanh nghiệp")
                       if f.value == "90"]
    assert (satisfaction.comparator, satisfaction.unit, satisfaction.year, satisfaction.qualifier) == ("≥", "%", "2025", "trở lên")
    (broadband,) = find(facts, "bac-kan-08-nq-tu-2021", "target", indicator="hộ gia đình")
    assert (broadband.value, broadband.comparator, broadband.qualifier, broadband.year) == ("80", ">", "trên", "2025")
    (payment,) = find(facts, "bac-kan-08-nq-tu-2021", "target", indicator="tài khoản thanh toán điện tử")
    assert (payment.value, payment.comparator, payment.section) == ("50", "≥", "I.2.6[2]")
    (commune,) = find(facts, "bac-kan-08-nq-tu-2021", "target", indicator="cấp xã có trình độ chuyên môn đại học")
    assert (commune.value, commune.level) == ("80", "cấp xã")


def test_quang_ninh_targets_and_deadlines(facts):
    (enterprises,) = find(facts, "quang-ninh-nq-cchc-2021-2025", "target", unit="doanh nghiệp")
    assert (enterprises.value, enterprises.comparator, enterprises.qualifier) == ("10.000", "≥", "ít nhất")
    (iso,) = find(facts, "quang-ninh-nq-cchc-2021-2025", "deadline", quote="ISO 9001:2015")
    assert (iso.due, iso.year) == ("trong năm 2022", "2022")
    fdi = find(facts, "quang-ninh-nq-cchc-2021-2025", "target", unit="tỷ USD")
    assert {(f.value, f.year) for f in fdi} == {("5", "2025"), ("5", "2030")}


def test_bac_giang_comment_deadline(facts):
    (due,) = find(facts, "bac-giang-479-snv-cchc-2016", "deadline")
    assert (due.due, due.date) == ("trước ngày 15/6/2016", "2016-06-15")
    assert "Gửi kết quả về Sở Nội vụ" in due.item


def test_responsibilities_have_normalised_actors_and_roles(facts):
    (inspection,) = find(facts, "quang-ninh-nq-cchc-2021-2025", "responsibility", actor="Ủy ban Kiểm tra Tỉnh ủy")
    assert inspection.role == "chủ trì" and "theo dõi, đôn đốc" in inspection.task
    cooperating = find(facts, "quang-ninh-nq-cchc-2021-2025", "responsibility", actor="Ban cán sự đảng UBND tỉnh", role="phối hợp")
    assert {f.section for f in cooperating} >= {"IV.5", "IV.8", "IV.9"}
    (party_committees,) = find(facts, "bac-kan-08-nq-tu-2021", "responsibility", actor="Các Ban xây dựng Đảng")
    assert party_committees.role == "kiểm tra/giám sát"


def test_names_of_other_documents_are_not_deadlines(facts):
    _, found = facts["bac-kan-08-nq-tu-2021"]
    assert not [f for f in found if f.type == "deadline" and "Chương trình chuyển đổi số Quốc gia" in f.quote]
