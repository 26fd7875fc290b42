"""The built-in catalogue of a province's units, as data: names, kinds, aliases, 2025 mergers.

Departments are listed as they stand after the mergers of 1 March 2025; the old departments
are predecessors of their successors. "{t}" stands for the province's designation (tỉnh or
thành phố) and "{p}" for its short name.
"""

from __future__ import annotations

from bot.units.model import Kind

# key, name, short name, kind, aliases. "{t}" is the province's designation (tỉnh / thành phố).
PROVINCIAL: list[tuple[str, str, str | None, Kind, tuple[str, ...]]] = [
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
CHILDREN: list[tuple[str, str, str | None, Kind, str, tuple[str, ...]]] = [
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
OLD: list[tuple[str, str, str | None, Kind, str, tuple[str, ...]]] = [
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
SUCCESSOR_NOTES = {
    "so_ldtbxh": "bảo trợ xã hội chuyển về Sở Y tế",
}
# Groups (DOMAIN.md §5): key, name, rule, aliases.
GROUPS: list[tuple[str, str, dict[str, object], tuple[str, ...]]] = [
    (
        "so_ban_nganh",
        "Các sở, ban, ngành tỉnh",
        # Not the provincial office: it runs the plan and follows these tasks on the board; a
        # task is its own only where the plan names it (migration 0013).
        {"kinds": [Kind.DEPARTMENT, Kind.AGENCY]},
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
PARTIAL_NAMES: dict[str, tuple[str, ...]] = {
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
