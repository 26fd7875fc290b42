"""Units named under a province merged on 1 July 2025, and other forms of issue 13's blind misses."""

from __future__ import annotations

from functools import cache

import pytest

from bot.text import fold
from bot.units import Directory, builtin_units, find_province, match
from bot.units.builtin import provinces, short_province_name
from bot.units.provinces import FORMER_PROVINCES, former_provinces


@cache
def directory(province: str) -> Directory:
    found = find_province(province)
    assert found is not None, province
    return Directory(builtin_units(found), province=short_province_name(found))


def test_the_merger_table_covers_the_63_former_provinces_once() -> None:
    today = {fold(short_province_name(p)) for p in provinces()}
    assert len(today) == 34
    assert {fold(k) for k in FORMER_PROVINCES} <= today
    former = [fold(n) for names in FORMER_PROVINCES.values() for n in names]
    assert len(former) == len(set(former)) == 63 - 34
    assert not set(former) & today


@pytest.mark.parametrize(
    ("province", "former"),
    [(merged, old) for merged, olds in FORMER_PROVINCES.items() for old in olds],
)
def test_a_department_under_a_former_province_is_the_merged_provinces_with_a_note(
    province: str, former: str
) -> None:
    d = directory(province)
    for query in (f"Sở Tư pháp tỉnh {former}", f"so tu phap {fold(former)}"):
        found = match(d, query)
        assert found, query
        assert found[0].unit.key == "so_tu_phap", query
        assert found[0].note is not None and former in found[0].note, query


@pytest.mark.parametrize(
    ("province", "query", "key", "notes"),
    [
        (
            "An Giang",
            "Sở Giao thông vận tải tỉnh Kiên Giang",
            "so_xay_dung",
            ("GTVT", "Kiên Giang"),
        ),
        ("An Giang", "VP UBND tỉnh Kiên Giang", "vp_ubnd", ("Kiên Giang",)),
        ("Đồng Tháp", "cuc thue tien giang", "thue_tinh", ("Cục Thuế", "Tiền Giang")),
        ("Lâm Đồng", "Sở TN&MT tỉnh Bình Thuận", "so_nnmt", ("TN&MT", "Bình Thuận")),
        ("Tuyên Quang", "sở tt và tt hà giang", "so_khcn", ("TT&TT", "Hà Giang")),
        ("Hồ Chí Minh", "so noi vu brvt", "so_noi_vu", ("Bà Rịa - Vũng Tàu", "thành phố")),
        ("Đắk Lắk", "Báo Phú Yên", "bao_ptth", ("Phú Yên",)),
        ("An Giang", "Sở Y tế tỉnh Kiên Giang cũ", "so_y_te", ("Kiên Giang",)),
        ("Vĩnh Long", "xã Long Hữu huyện Duyên Hải tỉnh Trà Vinh", "xa_", ("Trà Vinh",)),
    ],
)
def test_an_old_department_under_a_former_province_reaches_the_successor(
    province: str, query: str, key: str, notes: tuple[str, ...]
) -> None:
    found = match(directory(province), query)
    assert found and found[0].unit.key.startswith(key), found
    assert all(n in (found[0].note or "") for n in notes), found[0].note


def test_a_province_not_merged_into_the_deployment_is_not_stripped() -> None:
    assert former_provinces("An Giang") == ("Kiên Giang",)
    assert match(directory("An Giang"), "Sở Tư pháp tỉnh Bến Tre") == []


def test_a_ward_named_like_a_former_province_stays_the_ward() -> None:
    found = match(directory("Quảng Ngãi"), "phuong kon tum")
    assert found and found[0].unit.name == "Phường Kon Tum" and found[0].note is None


@pytest.mark.parametrize(
    ("province", "query", "name"),
    [
        ("An Giang", "xã Hội An huyện Chợ Mới", "Xã Hội An"),
        ("An Giang", "ubnd xa hoi an huyen cho moi tinh an giang", "Xã Hội An"),
        ("An Giang", "UBND xã Mỹ Hòa Hưng thành phố Long Xuyên", "Xã Mỹ Hòa Hưng"),
    ],
)
def test_a_commune_written_with_its_former_district_is_the_commune(
    province: str, query: str, name: str
) -> None:
    found = match(directory(province), query)
    assert found and found[0].unit.name == name


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("sở tt và tt", "so_khcn"),
        ("so nn va mt", "so_nnmt"),
        ("Sở NN và PTNT", "so_nnmt"),
        ("tt hanh chinh cong", "ttpvhcc"),
        ("Trung tâm PVHCC tỉnh", "ttpvhcc"),
    ],
)
def test_abbreviations_with_va_or_short_words_match(query: str, key: str) -> None:
    found = match(directory("An Giang"), query)
    assert found and found[0].unit.key == key


@pytest.mark.parametrize(
    "text",
    [
        "xa hoi hoa",
        "ten dang nhap",
        "xã hội hóa",
        "cong dan",
        "thanh toan",
        "hoi nghi",
        "phuong tien",
        "tinh trang",
        "tap huan",
        "ha tang",
    ],
)
def test_words_that_look_like_names_match_nothing(text: str) -> None:
    for province in ("An Giang", "Đồng Tháp", "Gia Lai", "Khánh Hòa", "Lâm Đồng"):
        assert match(directory(province), text) == [], (province, text)
