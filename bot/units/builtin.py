"""The built-in directory a new deployment starts from: one province's units, groups and communes.

Departments are listed as they stand after the mergers of 1 March 2025; the old departments are
kept as predecessors (``successor_key``) so that older plans still reach the right unit. Communes
(xã, phường, đặc khu: 34 provinces, 3,321 communes since 1 July 2025) come from the
``vietnam-provinces`` package.
"""

from __future__ import annotations

from functools import lru_cache

from vietnam_provinces import Province, Ward

from bot.text import fold
from bot.units.model import Kind, Unit

# key, name, short name, kind, aliases. "{t}" is the province's designation (tỉnh / thành phố).
_PROVINCIAL: list[tuple[str, str, str | None, Kind, tuple[str, ...]]] = [
    ("ubnd_tinh", "Ủy ban nhân dân {t}", "UBND {t}", Kind.PROVINCE, ("Chủ tịch UBND {t}", "UBND")),
    ("hdnd_tinh", "Hội đồng nhân dân {t}", "HĐND {t}", Kind.OUTSIDE, ()),
    (
        "vp_ubnd",
        "Văn phòng Ủy ban nhân dân {t}",
        "VP UBND {t}",
        Kind.PROVINCIAL_OFFICE,
        ("VP UBND", "Văn phòng UBND", "VPUB"),
    ),
    ("so_noi_vu", "Sở Nội vụ", None, Kind.DEPARTMENT, ("SNV",)),
    ("so_tu_phap", "Sở Tư pháp", None, Kind.DEPARTMENT, ("STP",)),
    ("so_tai_chinh", "Sở Tài chính", None, Kind.DEPARTMENT, ("STC",)),
    ("so_cong_thuong", "Sở Công Thương", None, Kind.DEPARTMENT, ("SCT",)),
    ("so_nnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", Kind.DEPARTMENT, ("Sở NNMT",)),
    ("so_xay_dung", "Sở Xây dựng", None, Kind.DEPARTMENT, ("SXD", "Sở XD")),
    ("so_khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", Kind.DEPARTMENT, ("Sở KHCN",)),
    ("so_gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", Kind.DEPARTMENT, ("Sở GDĐT",)),
    ("so_y_te", "Sở Y tế", None, Kind.DEPARTMENT, ("SYT",)),
    (
        "so_vhttdl",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở VHTTDL",
        Kind.DEPARTMENT,
        ("Sở VH-TT-DL", "Sở Văn hóa"),
    ),
    ("so_dttg", "Sở Dân tộc và Tôn giáo", "Sở DT&TG", Kind.DEPARTMENT, ("Sở DTTG",)),
    ("so_ngoai_vu", "Sở Ngoại vụ", None, Kind.DEPARTMENT, ()),
    ("thanh_tra_tinh", "Thanh tra {t}", None, Kind.DEPARTMENT, ("Thanh tra",)),
    (
        "bql_kkt",
        "Ban Quản lý Khu kinh tế {t}",
        "BQL KKT",
        Kind.AGENCY,
        ("Ban Quản lý các khu công nghiệp", "BQL KCN", "Ban quản lý khu kinh tế"),
    ),
    (
        "bao_ptth",
        "Báo và Phát thanh, Truyền hình {p}",
        None,
        Kind.AGENCY,
        ("Báo và Phát thanh, Truyền hình {t}", "Báo và PTTH", "Báo {p}", "Đài PTTH"),
    ),
    ("cong_an_tinh", "Công an {t}", None, Kind.CENTRAL, ()),
    ("bchqs_tinh", "Bộ Chỉ huy Quân sự {t}", "BCHQS {t}", Kind.CENTRAL, ("Bộ CHQS {t}",)),
    ("thue_tinh", "Thuế {t}", None, Kind.CENTRAL, ("Thuế {p}",)),
    ("bhxh_tinh", "Bảo hiểm xã hội {t}", "BHXH {t}", Kind.CENTRAL, ()),
    (
        "kho_bac",
        "Kho bạc Nhà nước khu vực",
        "KBNN",
        Kind.CENTRAL,
        ("Kho bạc Nhà nước {t}", "Kho bạc"),
    ),
    ("thong_ke_tinh", "Thống kê {t}", None, Kind.CENTRAL, ("Cục Thống kê {t}",)),
    ("toa_an_tinh", "Tòa án nhân dân {t}", "TAND {t}", Kind.CENTRAL, ()),
    ("vks_tinh", "Viện kiểm sát nhân dân {t}", "VKSND {t}", Kind.CENTRAL, ()),
    (
        "ngan_hang_nn",
        "Ngân hàng Nhà nước chi nhánh khu vực",
        "NHNN",
        Kind.CENTRAL,
        ("Ngân hàng Nhà nước chi nhánh {t}",),
    ),
    (
        "cuc_ksthc",
        "Cục Kiểm soát thủ tục hành chính",
        "Cục KSTTHC",
        Kind.OUTSIDE,
        ("Cục Kiểm soát TTHC Văn phòng Chính phủ",),
    ),
    ("vp_chinh_phu", "Văn phòng Chính phủ", "VPCP", Kind.OUTSIDE, ()),
]
# Units under another unit: key, name, short name, kind, parent key, aliases.
_CHILDREN: list[tuple[str, str, str | None, Kind, str, tuple[str, ...]]] = [
    (
        "ttpvhcc",
        "Trung tâm Phục vụ hành chính công {t}",
        "TTPVHCC {t}",
        Kind.SERVICE_CENTRE,
        "vp_ubnd",
        (
            "Trung tâm Phục vụ - Kiểm soát thủ tục hành chính {t}",
            "Trung tâm Phục vụ hành chính công",
            "Bộ phận Một cửa {t}",
            "Trung tâm hành chính công",
        ),
    ),
    (
        "vp_ubnd.cong_bao_tin_hoc",
        "Trung tâm Công báo và Tin học",
        None,
        Kind.DIVISION,
        "vp_ubnd",
        ("Trung tâm Công báo - Tin học",),
    ),
    (
        "vp_ubnd.phong_ksthc",
        "Phòng Kiểm soát thủ tục hành chính",
        "Phòng KSTTHC",
        Kind.DIVISION,
        "vp_ubnd",
        (),
    ),
]
# Predecessors (merged or renamed in 2025): key, name, short name, kind, successor key, aliases.
_OLD: list[tuple[str, str, str | None, Kind, str, tuple[str, ...]]] = [
    (
        "so_tttt",
        "Sở Thông tin và Truyền thông",
        "Sở TT&TT",
        Kind.DEPARTMENT,
        "so_khcn",
        ("Sở TTTT",),
    ),
    ("so_khdt", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", Kind.DEPARTMENT, "so_tai_chinh", ("Sở KHĐT",)),
    ("so_gtvt", "Sở Giao thông vận tải", "Sở GTVT", Kind.DEPARTMENT, "so_xay_dung", ()),
    ("so_tnmt", "Sở Tài nguyên và Môi trường", "Sở TN&MT", Kind.DEPARTMENT, "so_nnmt", ()),
    (
        "so_nnptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở NN&PTNT",
        Kind.DEPARTMENT,
        "so_nnmt",
        (),
    ),
    (
        "so_ldtbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở LĐTBXH",
        Kind.DEPARTMENT,
        "so_noi_vu",
        (),
    ),
    ("ban_dan_toc", "Ban Dân tộc {t}", "Ban Dân tộc", Kind.DEPARTMENT, "so_dttg", ()),
    ("cuc_thue", "Cục Thuế {t}", "Cục Thuế", Kind.CENTRAL, "thue_tinh", ()),
    ("dai_ptth", "Đài Phát thanh và Truyền hình {t}", "Đài PT-TH", Kind.AGENCY, "bao_ptth", ()),
]
# Where a merger also moved a field elsewhere, the note says so.
_SUCCESSOR_NOTES = {
    "so_ldtbxh": "bảo trợ xã hội chuyển về Sở Y tế",
}
# Groups (DOMAIN.md §5): key, name, rule, aliases.
_GROUPS: list[tuple[str, str, dict[str, object], tuple[str, ...]]] = [
    (
        "so_ban_nganh",
        "Các sở, ban, ngành tỉnh",
        {"kinds": [Kind.PROVINCIAL_OFFICE, Kind.DEPARTMENT, Kind.AGENCY]},
        (
            "Các cơ quan chuyên môn thuộc UBND tỉnh",
            "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh",
            "Các cơ quan chuyên môn thuộc UBND",
            "Các cơ quan, đơn vị thuộc UBND tỉnh",
            "Sở, ban, ngành",
            "Các sở ngành",
            "Sở ban ngành tỉnh",
            "Các sở",
            "Các cơ quan chuyên môn",
            "Cơ quan cấp tỉnh",
        ),
    ),
    (
        "ubnd_cap_huyen",
        "UBND cấp huyện",
        {"kinds": [Kind.DISTRICT]},
        (
            "UBND các huyện, thị xã, thành phố",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "Cấp huyện",
            "UBND huyện, thị xã, thành phố",
            "Các huyện, thị xã, thành phố",
            "UBND các huyện",
        ),
    ),
    (
        "ubnd_cap_xa",
        "UBND cấp xã",
        {"kinds": [Kind.COMMUNE]},
        (
            "UBND các xã, phường, thị trấn",
            "UBND các xã, phường, đặc khu",
            "UBND xã, phường, thị trấn",
            "Cấp xã",
            "UBND các xã, phường",
            "Các xã, phường",
            "Địa phương",
            "Các địa phương",
            "UBND các xã",
        ),
    ),
    (
        "ttpvhcc_cap_xa",
        "Trung tâm Phục vụ hành chính công cấp xã",
        {"kinds": [Kind.COMMUNE]},
        ("TTPVHCC cấp xã", "Trung tâm hành chính công cấp xã"),
    ),
    (
        "co_quan_tw",
        "Các cơ quan trung ương trên địa bàn",
        {"kinds": [Kind.CENTRAL]},
        (
            "Các cơ quan trung ương được tổ chức theo ngành dọc",
            "Cơ quan trung ương đóng trên địa bàn",
            "Các cơ quan trung ương được tổ chức theo ngành dọc đóng tại địa phương",
            "Cơ quan ngành dọc",
            "Các cơ quan Trung ương",
        ),
    ),
    (
        "bao_chi",
        "Các cơ quan thông tấn, báo chí trên địa bàn",
        {"kinds": [], "members": ["bao_ptth"]},
        ("Các cơ quan thông tấn báo chí", "Cơ quan báo chí", "Báo chí"),
    ),
    (
        "lien_quan",
        "Các cơ quan, đơn vị liên quan",
        {"kinds": [], "unresolved": True},
        (
            "Cơ quan, đơn vị",
            "Cơ quan",
            "Đơn vị",
            "Cơ quan, tổ chức",
            "Tổ chức",
            "Đơn vị liên quan",
            "Cơ quan liên quan",
            "Cơ quan, đơn vị có thẩm quyền tiếp nhận, giải quyết TTHC",
        ),
    ),
]

# Short forms officers use for the first words of a department's name.
_PARTIAL_NAMES: dict[str, tuple[str, ...]] = {
    "so_nnmt": ("Sở Nông nghiệp",),
    "so_vhttdl": ("Sở Văn hóa, Thể thao",),
    "cong_an_tinh": ("CA tỉnh",),
    "so_gddt": ("Sở Giáo dục",),
    "so_khcn": ("Sở Khoa học",),
    "so_dttg": ("Sở Dân tộc",),
    "so_ldtbxh": ("Sở Lao động",),
    "so_gtvt": ("Sở Giao thông",),
    "so_tnmt": ("Sở Tài nguyên",),
    "so_khdt": ("Sở Kế hoạch",),
    "so_tttt": ("Sở Thông tin",),
}

_DESIGNATION = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu", "thị trấn": "Thị trấn"}


# Every unit's name and short-name templates by key (for the "tỉnh" variants of a city).
_TEMPLATES: dict[str, tuple[str, ...]] = {
    **{r[0]: tuple(x for x in (r[1], r[2]) if x) for r in _PROVINCIAL},
    **{r[0]: tuple(x for x in (r[1], r[2]) if x) for r in _CHILDREN},
    **{r[0]: tuple(x for x in (r[1], r[2]) if x) for r in _OLD},
}


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 34 provinces and cities of the package (as of 2025)."""
    return tuple(Province.iter_all())


def short_province_name(province: Province) -> str:
    """'Gia Lai', 'Huế', 'Hà Nội' (the name without 'Thành phố')."""
    name = province.name
    return name[len("Thành phố ") :] if name.startswith("Thành phố ") else name


def find_province(text: str | None) -> Province | None:
    """The province named anywhere in ``text`` ('UBND tỉnh Gia Lai', 'gia lai', 'TP HCM')."""
    if not text:
        return None
    folded = " " + " ".join(fold(text).replace("-", " ").replace(".", " ").split()) + " "
    folded = folded.replace(" tp hcm ", " ho chi minh ").replace(" hcm ", " ho chi minh ")
    best: tuple[int, Province] | None = None
    for province in provinces():
        short = fold(short_province_name(province))
        if f" {short} " in folded and (best is None or len(short) > best[0]):
            best = (len(short), province)
    return best[1] if best else None


def _fill(text: str, designation: str, short: str) -> str:
    return text.replace("{t}", designation).replace("{p}", short)


def province_units(province: Province, *, prefix: str = "") -> list[Unit]:
    """Every built-in unit and group of one province; keys get ``prefix`` (whole-country bench)."""
    short = short_province_name(province)
    designation = "thành phố" if province.name.startswith("Thành phố") else "tỉnh"
    t = designation

    def k(key: str | None) -> str | None:
        return None if key is None else prefix + key

    def names(aliases: tuple[str, ...], key: str = "") -> tuple[str, ...]:
        out: list[str] = list(_PARTIAL_NAMES.get(key, ()))
        for alias in aliases:
            out.append(_fill(alias, t, short))
        if t != "tỉnh":
            # Officers write "UBND tỉnh" and "Công an tỉnh" in a centrally-run city too.
            out.extend(
                _fill(a, "tỉnh", short) for a in (*aliases, *_TEMPLATES.get(key, ())) if "{t}" in a
            )
        return tuple(dict.fromkeys(out))

    units: list[Unit] = []
    for key, name, short_name, kind, aliases in _PROVINCIAL:
        units.append(
            Unit(
                None,
                prefix + key,
                _fill(name, t, short),
                kind,
                parent_key=k("ubnd_tinh")
                if kind in (Kind.PROVINCIAL_OFFICE, Kind.DEPARTMENT, Kind.AGENCY)
                else None,
                aliases=names(aliases, key),
                short_name=_fill(short_name, t, short) if short_name else None,
            )
        )
    for key, name, short_name, kind, parent, aliases in _CHILDREN:
        units.append(
            Unit(
                None,
                prefix + key,
                _fill(name, t, short),
                kind,
                parent_key=k(parent),
                aliases=names(aliases, key),
                short_name=_fill(short_name, t, short) if short_name else None,
            )
        )
    for key, name, short_name, kind, successor, aliases in _OLD:
        units.append(
            Unit(
                None,
                prefix + key,
                _fill(name, t, short),
                kind,
                successor_key=k(successor),
                rule={"successor_note": _SUCCESSOR_NOTES[key]} if key in _SUCCESSOR_NOTES else None,
                aliases=names(aliases, key),
                short_name=_fill(short_name, t, short) if short_name else None,
            )
        )
    for key, name, rule, aliases in _GROUPS:
        rule = dict(rule)
        if rule.get("members"):
            rule["members"] = [prefix + m for m in rule["members"]]  # type: ignore[attr-defined]
        units.append(
            Unit(
                None,
                prefix + key,
                name,
                Kind.GROUP,
                is_group=True,
                rule=rule,
                aliases=names(aliases, key),
            )
        )
    units.extend(commune_units(province, prefix=prefix))
    return units


def commune_units(province: Province, *, prefix: str = "") -> list[Unit]:
    """The communes (xã, phường, đặc khu) of a province, keyed by their administrative code."""
    out: list[Unit] = []
    for ward in Ward.iter_by_province(province.code):
        bare = ward.name
        designation = ward.division_type.value
        for word in _DESIGNATION.values():
            if bare.startswith(word + " "):
                bare = bare[len(word) + 1 :]
                break
        out.append(
            Unit(
                None,
                f"{prefix}xa_{int(ward.code)}",
                ward.name,
                Kind.COMMUNE,
                aliases=(f"UBND {designation} {bare}", bare),
                code=str(int(ward.code)),
            )
        )
    return out


def builtin_units(province: str | Province) -> list[Unit]:
    """The built-in directory of the named province; raises ValueError for an unknown name."""
    found = province if isinstance(province, Province) else find_province(province)
    if found is None:
        raise ValueError(f"unknown province: {province!r}")
    return province_units(found)


def country_units() -> list[Unit]:
    """Every province's built-in units (keys prefixed by the province's codename), for the bench."""
    out: list[Unit] = []
    for province in provinces():
        out.extend(province_units(province, prefix=province.codename + "."))
    return out
