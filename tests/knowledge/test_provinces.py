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


def test_the_2025_merger_matches_the_published_table():
    """Every old unit maps to the new unit Resolution 202/2025/QH15 gives it (the table
    in ../shared/notes, read here only to check)."""
    import csv
    from pathlib import Path

    from knowledge.language.provinces import MERGED_INTO

    table = Path(__file__).resolve().parents[2].parent / "shared" / "notes" / "provinces-2025.tsv"
    if not table.exists():
        import pytest
        pytest.skip("../shared/notes/provinces-2025.tsv is not beside the repository")
    with table.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) == 63 and len({r["new_name"] for r in rows}) == 34
    for row in rows:
        old, new = canonical_province(row["old_name"]), canonical_province(row["new_name"])
        assert MERGED_INTO[old] == new, row


def test_old_and_new_names_reach_the_same_documents():
    import datetime as dt

    from knowledge.language.provinces import areas, now_unit, province_now_label

    assert now_unit("Bắc Kạn") == "Thái Nguyên"
    assert province_now_label("Bắc Kạn") == "Bắc Kạn, nay thuộc tỉnh Thái Nguyên"
    assert province_now_label("Hà Nội") == "Hà Nội"
    assert areas("Bắc Kạn", dt.date(2021, 4, 22)) == ["Bắc Kạn", "Thái Nguyên"]
    # a document of the new unit, issued after the merger, also covers the old provinces
    assert set(areas("Thái Nguyên", dt.date(2025, 11, 19))) == {"Thái Nguyên", "Bắc Kạn"}
    assert areas("Thái Nguyên", dt.date(2024, 1, 5)) == ["Thái Nguyên"]
