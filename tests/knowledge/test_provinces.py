from knowledge.language.provinces import PROVINCES, canonical_province, find_provinces


def test_all_63_provinces():
    assert len(PROVINCES) == 63


def test_found_with_and_without_diacritics_in_order():
    assert find_provinces("So sánh Bắc Kạn và quang ninh") == ["Bắc Kạn", "Quảng Ninh"]
    assert find_provinces("bac giang giam bao nhieu") == ["Bắc Giang"]
    assert canonical_province("Thừa Thiên - Huế") == "Huế"  # a centrally-run city since 1 January 2025


def test_longest_spelling_wins_and_no_false_match():
    assert find_provinces("Bà Rịa - Vũng Tàu") == ["Bà Rịa - Vũng Tàu"]
    assert find_provinces("tư tưởng Hồ Chí Minh") == []
    assert find_provinces("cải cách hành chính") == []
