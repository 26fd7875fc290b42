"""Communes merged on 1 July 2025, written by their former names, reach today's commune."""

from __future__ import annotations

import pytest

from bot.units import Directory, builtin_units, find_province, match
from bot.units.builtin import short_province_name
from bot.units.former_communes import find_former, former_communes


def directory(province: str) -> Directory:
    found = find_province(province)
    assert found is not None
    return Directory(builtin_units(found), province=short_province_name(found))


@pytest.mark.parametrize(
    ("province", "query", "today", "former"),
    [
        ("An Giang", "UBND thi tran Vinh Thuan", "Xã Vĩnh Phong", "Thị trấn Vĩnh Thuận"),
        ("An Giang", "xa vong dong huyen thoai son", "Xã Óc Eo", "Xã Vọng Đông"),
        ("Ninh Bình", "UBND xã Vĩnh Hào", "Xã Liên Minh", "Xã Vĩnh Hào"),
        ("Ninh Bình", "xa thanh phong h thanh liem", "Xã Tân Thanh", "Xã Thanh Phong"),
        ("Lâm Đồng", "Phường 9 thành phố Đà Lạt", "Phường Lâm Viên - Đà Lạt", "Phường 9"),
    ],
)
def test_a_former_commune_reaches_the_commune_it_became_with_a_note(
    province: str, query: str, today: str, former: str
) -> None:
    found = match(directory(province), query)
    assert found and found[0].unit.name == today
    assert found[0].note is not None and found[0].note.startswith(former)
    assert f"nay thuộc {today}" in found[0].note


def test_a_name_of_today_wins_over_a_former_one() -> None:
    d = directory("An Giang")
    found = match(d, "UBND xã Đông Hòa")  # a commune of today (and of before)
    assert found and found[0].unit.name == "Xã Đông Hòa" and found[0].note is None


def test_a_former_name_shared_by_several_districts_needs_its_district() -> None:
    # "Phường 2" existed in Đà Lạt and in Bảo Lộc, which went to different communes.
    assert find_former("Lâm Đồng", "phuong 2") is None
    assert find_former("Lâm Đồng", "phuong 2 thanh pho bao loc") is not None


def test_every_former_commune_maps_to_a_commune_of_the_same_province() -> None:
    for name in ("Cà Mau", "Quảng Ngãi", "Gia Lai"):
        province = find_province(name)
        assert province is not None
        codes = {u.code for u in builtin_units(province) if u.code}
        formers = former_communes(name)
        assert len(formers) > len(codes)  # many merged into each
        assert {f.new_code for f in formers} <= codes


def test_a_former_province_by_its_initials() -> None:
    found = match(directory("An Giang"), "so tu phap KG")
    assert found and found[0].unit.key == "so_tu_phap"
    assert found[0].note and "Kiên Giang" in found[0].note
