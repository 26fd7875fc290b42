"""The provinces merged on 1 July 2025 (Nghị quyết 202/2025/QH15): 63 provinces became 34.

The ``vietnam-provinces`` package knows only the 34 provinces of today, so the former ones are
listed here, complete, under the province each merged into (its name kept by the merged one).
A unit named under a former province ("Sở Tư pháp tỉnh Kiên Giang") is the same unit of the
merged province ("Sở Tư pháp", tỉnh An Giang).
"""

from __future__ import annotations

from functools import lru_cache

from bot.text import fold

# Merged province (short name, as bot.units.builtin.short_province_name gives it) → the former
# provinces merged into it. The 11 provinces left unchanged are not listed.
FORMER_PROVINCES: dict[str, tuple[str, ...]] = {
    "Tuyên Quang": ("Hà Giang",),
    "Lào Cai": ("Yên Bái",),
    "Thái Nguyên": ("Bắc Kạn",),
    "Phú Thọ": ("Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Giang",),
    "Hưng Yên": ("Thái Bình",),
    "Hải Phòng": ("Hải Dương",),
    "Ninh Bình": ("Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Bình",),
    "Đà Nẵng": ("Quảng Nam",),
    "Quảng Ngãi": ("Kon Tum",),
    "Gia Lai": ("Bình Định",),
    "Khánh Hòa": ("Ninh Thuận",),
    "Lâm Đồng": ("Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Phú Yên",),
    "Hồ Chí Minh": ("Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Bình Phước",),
    "Tây Ninh": ("Long An",),
    "Cần Thơ": ("Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Tiền Giang",),
    "Cà Mau": ("Bạc Liêu",),
    "An Giang": ("Kiên Giang",),
}
# The centrally-run cities ("thành phố"); every other province is a "tỉnh".
CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
# Other spellings of a former province's name, folded ("ba ria vung tau", "brvt").
_FOLDED_VARIANTS: dict[str, tuple[str, ...]] = {
    "ba ria vung tau": ("ba ria vung tau", "brvt", "vung tau"),
    "dak nong": ("dak nong", "dac nong"),
}


@lru_cache(maxsize=128)
def former_provinces(province: str | None) -> tuple[str, ...]:
    """The former provinces merged into ``province`` (its short name), as written."""
    if not province:
        return ()
    key = fold(province)
    for name, former in FORMER_PROVINCES.items():
        if fold(name) == key:
            return former
    return ()


@lru_cache(maxsize=128)
def former_forms(province: str | None) -> tuple[tuple[str, str], ...]:
    """(folded search form, name as written) of each former province of ``province``."""
    out: list[tuple[str, str]] = []
    for name in former_provinces(province):
        folded = " ".join(fold(name).replace("-", " ").split())
        for form in _FOLDED_VARIANTS.get(folded, (folded,)):
            out.append((form, name))
        words = folded.split()
        if len(words) >= 2:  # "Sở Y tế QB": the former province by its initials
            out.append(("".join(w[0] for w in words), name))
    return tuple(out)


def merged_note(former: str, province: str | None) -> str:
    """ "tỉnh Kiên Giang nay thuộc tỉnh An Giang" (the 2025 merger, said once with the match)."""
    if not province:
        return f"tỉnh {former} đã sáp nhập"
    designation = "thành phố" if province in CITIES else "tỉnh"
    return f"tỉnh {former} nay thuộc {designation} {province}"
