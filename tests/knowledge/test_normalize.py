"""Normalisation: every way users and documents write the same words must meet."""
import unicodedata

import pytest

from knowledge.language.normalize import canonical, expand_abbreviations, fold, has_diacritics, nfc, search_keys, tokens


@pytest.mark.parametrize("old, new", [
    ("Đảng uỷ", "Đảng ủy"), ("hoà nhập", "hòa nhập"), ("thuỷ lợi", "thủy lợi"),
    ("khoẻ mạnh", "khỏe mạnh"), ("Uỷ ban", "Ủy ban"), ("tuỳ theo", "tùy theo"), ("HOÀ", "HÒA"),
])
def test_old_tone_placement_is_normalised(old, new):
    assert nfc(old) == new


@pytest.mark.parametrize("word", ["quý", "quỹ", "hoàng", "uyển", "khuya", "hoạt", "toàn", "thuở"])
def test_words_that_are_not_old_style_stay(word):
    assert nfc(word) == word


def test_nfd_input_equals_nfc_input():
    text = "Mức độ hài lòng của người dân đạt 90% trở lên"
    assert nfc(unicodedata.normalize("NFD", text)) == text
    assert canonical(unicodedata.normalize("NFD", "Đảng   uỷ")) == "Đảng ủy"


def test_fold_removes_diacritics_case_and_extra_spaces():
    assert fold("  Bắc   Kạn  ĐẠT ") == "bac kan dat"
    assert fold(unicodedata.normalize("NFD", "Quảng Ninh")) == fold("quang ninh")
    assert fold("Đảng uỷ") == fold("dang uy") == fold("Đảng ủy")


def test_has_diacritics():
    assert has_diacritics("Bắc Kạn")
    assert has_diacritics("đ")
    assert not has_diacritics("bac kan dat muc tieu")


def test_tokens_keep_numbers_with_separators_and_percent():
    assert tokens("đạt 78,59 điểm, xếp hạng 60/63; trên 80% hộ") == [
        "dat", "78,59", "diem", "xep", "hang", "60/63", "tren", "80%", "ho"]


def test_abbreviations_are_searchable_in_both_directions():
    assert "thu tuc hanh chinh" in search_keys("giải quyết TTHC")
    assert "tthc" in search_keys("giải quyết thủ tục hành chính").split()
    assert "cai cach hanh chinh" in search_keys("chỉ số CCHC")
    assert "chi so cai cach hanh chinh" in search_keys("PAR Index")


def test_expand_abbreviations_keeps_the_original():
    out = expand_abbreviations("Chỉ số PCI và SIPAS")
    assert out.startswith("Chỉ số PCI (chỉ số năng lực cạnh tranh cấp tỉnh)")
    assert "SIPAS (" in out
    assert expand_abbreviations("TTHCX") == "TTHCX"


def test_synonyms_are_searchable_both_ways():
    assert "muc tieu tong quat" in search_keys("Mục tiêu chung của nghị quyết")
    assert "muc tieu chung" in search_keys("2.1. Mục tiêu tổng quát")
