"""Builds every document of the blind plan corpus from gold/<plan>.json plus the layout options
below.  Deterministic for .docx/.xlsx (fixed zip timestamps and core properties); the PDF and
Word 97 .doc exports are made with LibreOffice headless when `soffice` is on PATH.

    python3 build.py            # everything
    python3 build.py --no-lo    # skip LibreOffice exports
"""

import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold")
FILES = os.path.join(HERE, "files")
FIXED = dt.datetime(2026, 1, 15, 8, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# =============================================================================== layouts
COMMON_DOCX_EXPORTS = ["pdf", "doc"]

LAYOUT = {
    # ---------------------------------------------------------------- 1
    "tq_ubnd_2026": dict(
        kind="docx",
        exports=COMMON_DOCX_EXPORTS,
        head=dict(
            style="table",
            left=["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG"],
            place_date="Tuyên Quang, ngày 12 tháng 01 năm 2026",
        ),
        title=[
            "KẾ HOẠCH",
            "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính năm 2026",
        ],
        intro=[
            ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
            (
                "p",
                "1. Triển khai đồng bộ, hiệu quả các nhiệm vụ kiểm soát thủ tục hành chính trên địa bàn tỉnh Tuyên Quang sau hợp nhất với tỉnh Hà Giang; bảo đảm thủ tục hành chính được công bố, công khai đầy đủ, kịp thời.",
            ),
            (
                "p",
                "2. Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của các cơ quan, đơn vị, địa phương trong tổ chức thực hiện.",
            ),
            ("h", "II. NHIỆM VỤ CỤ THỂ"),
        ],
        outro=[
            ("h", "III. TỔ CHỨC THỰC HIỆN"),
            (
                "p",
                "1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch của cơ quan, đơn vị mình, hoàn thành trước ngày 31/01/2026.",
            ),
            (
                "p",
                "2. Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo Chủ tịch UBND tỉnh.",
            ),
            (
                "p",
                "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Văn phòng UBND tỉnh để tổng hợp, báo cáo UBND tỉnh xem xét, giải quyết./.",
            ),
        ],
        sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn Sơn"],
        orient="landscape",
        cols=[
            ("num", 1.5),
            ("content", 8.0),
            ("lead", 3.6),
            ("support", 3.6),
            ("result", 4.0),
            ("deadline", 3.2),
        ],
        header=[
            [
                ("STT",),
                ("Nội dung công việc",),
                ("Cơ quan chủ trì",),
                ("Cơ quan phối hợp",),
                ("Kết quả",),
                ("Thời gian thực hiện",),
            ]
        ],
        repeat_header=True,
        numbering="auto_sec_task",
        section_row="full",
        units="dash",
        merge=True,
    ),
    # ---------------------------------------------------------------- 2
    "lc_vpubnd_2026": dict(
        kind="docx",
        exports=COMMON_DOCX_EXPORTS,
        head=dict(
            style="tabs",
            left=["UBND TỈNH LÀO CAI", "VĂN PHÒNG"],
            place_date="Lào Cai, ngày 20 tháng 01 năm 2026",
        ),
        title=[
            "KẾ HOẠCH",
            "Thực hiện nhiệm vụ kiểm soát thủ tục hành chính năm 2026 của Văn phòng UBND tỉnh",
        ],
        intro=[
            (
                "p",
                "Căn cứ Kế hoạch số 12/KH-UBND ngày 08/01/2026 của UBND tỉnh Lào Cai về kiểm soát thủ tục hành chính năm 2026; Văn phòng UBND tỉnh ban hành Kế hoạch thực hiện như sau:",
            ),
            ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
            (
                "p",
                "Cụ thể hóa nhiệm vụ được UBND tỉnh giao; phân công rõ đơn vị chủ trì, đơn vị phối hợp, sản phẩm và thời gian hoàn thành của từng nhiệm vụ.",
            ),
            ("h", "II. NHIỆM VỤ CỤ THỂ"),
            ("p", "(Chi tiết tại Phụ lục kèm theo)"),
        ],
        appendix_title=[
            "PHỤ LỤC",
            "NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026",
            "(Kèm theo Kế hoạch số 46/KH-VP ngày 20/01/2026 của Văn phòng UBND tỉnh)",
        ],
        outro=[
            (
                "p",
                "Ghi chú: Sở Khoa học và Công nghệ thực hiện các nhiệm vụ của Sở Thông tin và Truyền thông trước đây.",
            )
        ],
        sign=["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "", "Lò Thị Mai"],
        orient="portrait_then_landscape",
        cols=[
            ("num", 1.5),
            ("content", 10.0),
            ("lead", 3.8),
            ("support", 3.8),
            ("deadline", 3.2),
            ("notes", 2.4),
        ],
        header=[
            [
                ("STT", 1, "restart"),
                ("Nội dung công việc", 1, "restart"),
                ("Cơ quan thực hiện", 2),
                ("Thời gian hoàn thành", 1, "restart"),
                ("Ghi chú", 1, "restart"),
            ],
            [
                ("", 1, "cont"),
                ("", 1, "cont"),
                ("Chủ trì",),
                ("Phối hợp",),
                ("", 1, "cont"),
                ("", 1, "cont"),
            ],
            [("(1)",), ("(2)",), ("(3)",), ("(4)",), ("(5)",), ("(6)",)],
        ],
        repeat_header=True,
        numbering="typed",
        num_format="{n}",
        section_row="num_title",
        units="lines",
        product_in_content="- Sản phẩm: ",
        footnotes={
            "IV.3": "Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ từ ngày 01/3/2025.",
            "I.3": "Theo Quy chế tổ chức và hoạt động của cán bộ đầu mối kiểm soát thủ tục hành chính tỉnh Lào Cai.",
        },
    ),
    # ---------------------------------------------------------------- 3
    "tn_sxd_2026": dict(
        kind="docx",
        exports=COMMON_DOCX_EXPORTS,
        head=dict(
            style="table",
            left=["UBND TỈNH THÁI NGUYÊN", "SỞ XÂY DỰNG"],
            place_date="Thái Nguyên, ngày 22 tháng 01 năm 2026",
        ),
        title=["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 của Sở Xây dựng"],
        intro=[
            (
                "p",
                "Thực hiện Kế hoạch số 05/KH-UBND ngày 09/01/2026 của UBND tỉnh, Sở Xây dựng xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2026 với các nội dung sau:",
            )
        ],
        outro=[
            (
                "p",
                "Văn phòng Sở là đầu mối theo dõi, đôn đốc các phòng chuyên môn thực hiện Kế hoạch; tổng hợp báo cáo Giám đốc Sở./.",
            )
        ],
        sign=["GIÁM ĐỐC", "", "", "Hoàng Minh Đức"],
        orient="landscape",
        cols=[
            ("num", 1.5),
            ("content", 8.5),
            ("lead", 3.4),
            ("support", 3.4),
            ("result", 4.0),
            ("deadline", 3.4),
        ],
        header=[
            [
                ("STT",),
                ("Nội dung công việc",),
                ("Đơn vị chủ trì",),
                ("Đơn vị phối hợp",),
                ("Sản phẩm",),
                ("Thời gian hoàn thành",),
            ]
        ],
        repeat_header=True,
        numbering="typed_ref",
        section_row="bare",
        units="dash",
    ),
    # ---------------------------------------------------------------- 4
    "pt_ubnd_2026": dict(
        kind="docx",
        exports=[],
        head=dict(
            style="table",
            left=["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ"],
            place_date="Phú Thọ, ngày 14 tháng 01 năm 2026",
        ),
        title=["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 trên địa bàn tỉnh Phú Thọ"],
        intro=[
            (
                "p",
                "Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính và các văn bản sửa đổi, bổ sung; Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 như sau:",
            )
        ],
        outro=[
            (
                "p",
                "Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Chủ tịch Ủy ban nhân dân tỉnh./.",
            )
        ],
        sign=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Trần Quang Huy"],
        orient="landscape",
        parents={"B": "Cải cách quy định và thực hiện thủ tục hành chính"},
        cols=[
            ("num", 1.2),
            ("content", 7.5),
            ("result", 5.0),
            ("units", 5.0),
            ("deadline", 3.0),
            ("notes", 2.8),
        ],
        header=[
            [
                ("Stt",),
                ("Nội dung công việc",),
                ("Kết quả công việc",),
                ("Cơ quan, đơn vị thực hiện",),
                ("Thời gian thực hiện",),
                ("Ghi chú",),
            ]
        ],
        repeat_header=True,
        numbering="auto_continuous",
        section_row="num_title",
        units="roles",
        merge=True,
        merge_fields=("deadline",),
        sub_content="merge",
    ),
    # ---------------------------------------------------------------- 5
    "bn_phuongvuninh_2026": dict(
        kind="docx",
        exports=COMMON_DOCX_EXPORTS,
        head=dict(
            style="table",
            left=["ỦY BAN NHÂN DÂN", "PHƯỜNG VŨ NINH"],
            place_date="Vũ Ninh, ngày 16 tháng 01 năm 2026",
        ),
        title=[
            "KẾ HOẠCH",
            "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026",
        ],
        intro=[
            (
                "p",
                "Căn cứ Kế hoạch kiểm soát thủ tục hành chính năm 2026 của UBND tỉnh Bắc Ninh; UBND phường Vũ Ninh ban hành Kế hoạch thực hiện như sau:",
            )
        ],
        outro=[
            (
                "p",
                "Các bộ phận, công chức được phân công chủ động triển khai; định kỳ báo cáo kết quả về Văn phòng HĐND và UBND phường để tổng hợp./.",
            )
        ],
        sign=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Ngô Thị Hằng"],
        orient="portrait",
        cols=[
            ("num", 1.0),
            ("content", 6.4),
            ("lead", 3.0),
            ("support", 3.0),
            ("deadline", 2.5),
            ("notes", 2.6),
        ],
        header=[
            [
                ("TT",),
                ("Nội dung công việc",),
                ("Bộ phận chủ trì",),
                ("Bộ phận phối hợp",),
                ("Thời gian thực hiện",),
                ("Ghi chú",),
            ]
        ],
        repeat_header=False,
        numbering="typed",
        num_format="{n}.",
        section_row="num_title",
        units="semi",
        merge=True,
        sub_content="empty",
        font=12,
    ),
    # ---------------------------------------------------------------- 6
    "dn_stc_2026": dict(
        kind="docx",
        exports=COMMON_DOCX_EXPORTS,
        head=dict(
            style="table_num_right",
            left=["UBND TỈNH ĐỒNG NAI", "SỞ TÀI CHÍNH"],
            place_date="Đồng Nai, ngày 19 tháng 01 năm 2026",
        ),
        title=["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 của Sở Tài chính tỉnh Đồng Nai"],
        intro=[
            (
                "p",
                "Thực hiện Kế hoạch số 21/KH-UBND ngày 10/01/2026 của UBND tỉnh Đồng Nai về kiểm soát thủ tục hành chính năm 2026, Sở Tài chính ban hành Kế hoạch như sau:",
            )
        ],
        outro=[
            (
                "p",
                "Văn phòng Sở có trách nhiệm theo dõi, đôn đốc, tổng hợp báo cáo kết quả thực hiện Kế hoạch./.",
            )
        ],
        sign=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Lê Thanh Tùng"],
        orient="landscape",
        cols=[
            ("num", 1.0),
            ("num2", 1.0),
            ("content", 7.0),
            ("lead", 3.0),
            ("support", 3.2),
            ("deadline", 3.2),
            ("result", 3.0),
            ("notes", 3.2),
        ],
        header=[
            [
                ("Stt",),
                ("Stt2",),
                ("Nội dung",),
                ("Cơ quan chủ trì",),
                ("Cơ quan phối hợp",),
                ("Thời gian hoàn thành",),
                ("Kết quả thực hiện",),
                ("Ghi chú",),
            ]
        ],
        repeat_header=True,
        numbering="typed_running",
        section_row="num_title",
        units="semi",
        merge=True,
        font=11,
    ),
    # ---------------------------------------------------------------- 9
    "kh_syt_2026": dict(
        kind="docx",
        exports=[],
        head=dict(
            style="table",
            left=["UBND TỈNH KHÁNH HÒA", "SỞ Y TẾ"],
            place_date="Khánh Hòa, ngày 23 tháng 01 năm 2026",
        ),
        title=["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 của Sở Y tế"],
        intro=[
            (
                "p",
                "Căn cứ Kế hoạch kiểm soát thủ tục hành chính năm 2026 của UBND tỉnh Khánh Hòa, Sở Y tế ban hành Kế hoạch như sau:",
            )
        ],
        outro=[
            (
                "p",
                "Các phòng chức năng thuộc Sở căn cứ nhiệm vụ được giao tổ chức thực hiện; Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở./.",
            )
        ],
        sign=["GIÁM ĐỐC", "", "", "Phạm Thị Ngọc Lan"],
        orient="landscape",
        parents={
            "I": "Kiểm soát việc ban hành văn bản và quy định thủ tục hành chính",
            "II": "Công bố, công khai, rà soát và giải quyết thủ tục hành chính",
            "III": "Phản ánh, kiến nghị; truyền thông; thông tin báo cáo",
        },
        cols=[
            ("num", 1.5),
            ("content", 8.5),
            ("lead", 3.6),
            ("support", 3.6),
            ("result", 3.8),
            ("deadline", 3.2),
        ],
        header=[
            [
                ("STT", 1, "restart"),
                ("Nội dung công việc", 1, "restart"),
                ("Cơ quan thực hiện", 2),
                ("Kết quả", 1, "restart"),
                ("Thời gian hoàn thành", 1, "restart"),
            ],
            [
                ("", 1, "cont"),
                ("", 1, "cont"),
                ("Chủ trì",),
                ("Phối hợp",),
                ("", 1, "cont"),
                ("", 1, "cont"),
            ],
        ],
        repeat_header=True,
        numbering="auto3",
        section_row="num_title",
        units="dash",
        footnotes={
            "I.1.b": "Theo Quyết định số 25/2025/QĐ-UBND quy định chức năng, nhiệm vụ của Sở Y tế tỉnh Khánh Hòa.",
            "II.3.c": "Thực hiện Đề án 06 của Chính phủ.",
        },
    ),
    # ---------------------------------------------------------------- 10
    "hy_snnmt_2026": dict(
        kind="docx",
        exports=COMMON_DOCX_EXPORTS,
        head=dict(
            style="table",
            left=["UBND TỈNH HƯNG YÊN", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"],
            place_date="Hưng Yên, ngày 26 tháng 01 năm 2026",
        ),
        title=["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026"],
        intro=[
            (
                "p",
                "Căn cứ Kế hoạch số 15/KH-UBND ngày 12/01/2026 của UBND tỉnh Hưng Yên về kiểm soát thủ tục hành chính năm 2026, Sở Nông nghiệp và Môi trường xây dựng Kế hoạch thực hiện như sau:",
            ),
            ("h", "NHIỆM VỤ CỤ THỂ"),
        ],
        outro=[
            (
                "p",
                "Thủ trưởng các phòng, đơn vị thuộc Sở tổ chức thực hiện Kế hoạch; gửi báo cáo về Văn phòng Sở đúng thời hạn để tổng hợp./.",
            )
        ],
        sign=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Đỗ Văn Thịnh"],
        orient="portrait",
        font=12,
        cols=[("num", 1.1), ("content", 7.6), ("lead", 3.2), ("support", 3.2), ("deadline", 2.6)],
        header=[
            [
                ("STT", 1, "restart"),
                ("Nội dung công việc", 1, "restart"),
                ("Đơn vị thực hiện", 2),
                ("Thời hạn", 1, "restart"),
            ],
            [("", 1, "cont"), ("", 1, "cont"), ("Chủ trì",), ("Phối hợp",), ("", 1, "cont")],
            [("(1)",), ("(2)",), ("(3)",), ("(4)",), ("(5)",)],
        ],
        repeat_header=True,
        numbering="auto_restart",
        section_row="num_title",
        units="dash",
        product_in_content="Sản phẩm: ",
    ),
    # ---------------------------------------------------------------- 7 (xlsx)
    "ct_ubnd_2026": dict(
        kind="xlsx",
        exports=[],
        two_level=True,
        cover=[
            "UBND THÀNH PHỐ CẦN THƠ",
            "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026",
            "Số: 27/KH-UBND ngày 15/01/2026",
            "",
            "Ghi chú:",
            '- Sheet "KH 2026" là bảng nhiệm vụ chi tiết.',
            "- Thời gian hoàn thành ghi ngày cụ thể là hạn cuối; các nhiệm vụ thường xuyên không có hạn.",
            "- Các sở, ban, ngành thành phố bao gồm cả các cơ quan sau hợp nhất tỉnh Sóc Trăng, tỉnh Hậu Giang.",
        ],
        sheet="KH 2026",
        org="UBND THÀNH PHỐ CẦN THƠ",
        title="KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026",
        subtitle="(Kèm theo Kế hoạch số 27/KH-UBND ngày 15/01/2026 của UBND thành phố Cần Thơ)",
    ),
    # ---------------------------------------------------------------- 8 (xlsx)
    "ld_ttpvhcc_2026": dict(
        kind="xlsx",
        exports=[],
        two_level=False,
        cover=[
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÂM ĐỒNG",
            "Kế hoạch số 15/KH-TTPVHCC ngày 21/01/2026",
            "Người lập: Phòng Hành chính - Tổng hợp",
            "Phiên bản: 2 (cập nhật sau hợp nhất tỉnh)",
        ],
        sheet="Ke hoach",
        org="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÂM ĐỒNG",
        title="KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA NĂM 2026",
        subtitle="(Ban hành kèm theo Kế hoạch số 15/KH-TTPVHCC ngày 21/01/2026)",
        extra_sheet=(
            "Viet tat",
            [
                ("TTHC", "Thủ tục hành chính"),
                ("TTPVHCC", "Trung tâm Phục vụ hành chính công"),
                ("PAKN", "Phản ánh, kiến nghị"),
            ],
        ),
    ),
}


# =============================================================================== helpers
def rng_for(s):
    return random.Random(zlib.crc32(s.encode("utf-8")))


def split_runs(text):
    """Split text in 1-4 runs the way Word's revision ids cut them, sometimes mid-word."""
    if len(text) < 25:
        return [text]
    r = rng_for(text)
    k = r.randint(1, 3)
    cuts = sorted(set(r.randint(5, len(text) - 5) for _ in range(k)))
    out, prev = [], 0
    for c in cuts:
        out.append(text[prev:c])
        prev = c
    out.append(text[prev:])
    return [x for x in out if x]


def set_run_font(run, size=None, bold=None, italic=None):
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def add_par(
    container, text, size=None, bold=False, italic=False, align=None, split=True, first=False
):
    if first and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        p = container.paragraphs[0]
    else:
        p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    pieces = split_runs(text) if split else [text]
    for piece in pieces:
        set_run_font(p.add_run(piece), size, bold, italic)
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(2)
    return p


def tcpr(cell):
    return cell._tc.get_or_add_tcPr()


def set_vmerge(cell, val):
    el = (
        parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>')
        if val == "restart"
        else parse_xml(f"<w:vMerge {nsdecls('w')}/>")
    )
    tcpr(cell).append(el)


def span_row(row, start, n):
    """Merge n grid columns from start in this row (gridSpan), removing covered tc elements."""
    tcs = row._tr.findall(qn("w:tc"))
    first = tcs[start]
    for tc in tcs[start + 1 : start + n]:
        row._tr.remove(tc)
    pr = first.get_or_add_tcPr()
    pr.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="{n}"/>'))
    return first


def set_repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    trPr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def set_borders(table, on=True):
    tblPr = table._tbl.tblPr
    v = "single" if on else "nil"
    xml = (
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{e} w:val="{v}" w:sz="4" w:space="0" w:color="000000"/>'
            if on
            else f'<w:{e} w:val="nil"/>'
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    tblPr.append(parse_xml(xml))


def set_widths(table, widths_cm):
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        tcs = row._tr.findall(qn("w:tc"))
        i = 0
        for tc in tcs:
            pr = tc.get_or_add_tcPr()
            gs = pr.find(qn("w:gridSpan"))
            n = int(gs.get(qn("w:val"))) if gs is not None else 1
            w = sum(widths_cm[i : i + n])
            i += n
            for old in pr.findall(qn("w:tcW")):
                pr.remove(old)
            pr.insert(0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="{int(w * 567)}" w:type="dxa"/>'))


def set_num(p, num_id, ilvl):
    pPr = p._p.get_or_add_pPr()
    pPr.insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )


def add_numbering(doc, abs_id, levels):
    """levels: list of (numFmt, lvlText). Returns numId (== abs_id)."""
    numbering = doc.part.numbering_part.element
    lv = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{txt}"/>'
        f'<w:lvlJc w:val="center"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        for i, (fmt, txt) in enumerate(levels)
    )
    absn = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}"><w:multiLevelType w:val="multilevel"/>{lv}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{abs_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>'
        )
    )
    return abs_id


class Footnotes:
    def __init__(self):
        self.notes = []

    def ref(self, paragraph, text):
        self.notes.append(text)
        fid = len(self.notes)
        r = parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'
        )
        paragraph._p.append(r)

    def attach(self, doc):
        if not self.notes:
            return
        body = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {esc(t)}</w:t></w:r></w:p></w:footnote>'
            for i, t in enumerate(self.notes, 1)
        )
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f"{body}</w:footnotes>"
        )
        part = Part(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), doc.part.package
        )
        doc.part.relate_to(part, RT.FOOTNOTES)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_landscape(section):
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.8)


def set_portrait(section):
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2.0)


def sub_kind(ref):
    """'cont' for a continuation row (own units/deadline, no number), 'main_a' for the numbered
    row of an a/b pair, None otherwise.  Dotted letters (I.1.a) are numbering levels, not subs."""
    m = re.search(r"\d([a-z])$", ref)
    if not m:
        return None
    return "main_a" if m.group(1) == "a" else "cont"


def task_number(ref):
    m = re.search(r"(\d+)[a-z]?$", ref)
    return m.group(1) if m else ""


def section_key(ref):
    """The section labels of a ref: 'B.II.9a' -> ['B', 'II']; '2.1' -> ['2']; 'I.1.a' -> ['I', '1']."""
    parts = ref.split(".")
    return parts[:-1]


# =============================================================================== docx
def build_docx(stem, g, L, out):
    doc = Document()
    st = doc.styles["Normal"]
    size = L.get("font", 13 if L["orient"] != "landscape" else 12)
    st.font.name = "Times New Roman"
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rf.set(qn(a), "Times New Roman")
    cp = doc.core_properties
    cp.author = "Van thu"
    cp.last_modified_by = "Van thu"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    cp.title = L["title"][1]
    sec = doc.sections[0]
    if L["orient"] == "landscape":
        set_landscape(sec)
    else:
        set_portrait(sec)
    fn = Footnotes()
    head = L["head"]
    number = g["number"]
    # ---- heading block
    if head["style"].startswith("table"):
        ht = doc.add_table(rows=2, cols=2)
        set_borders(ht, on=False)
        c = ht.cell(0, 0)
        for i, line in enumerate(head["left"]):
            add_par(
                c,
                line,
                bold=(i > 0 or len(head["left"]) == 1),
                align=WD_ALIGN_PARAGRAPH.CENTER,
                split=False,
                first=(i == 0),
            )
        c = ht.cell(0, 1)
        add_par(
            c,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            bold=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            split=False,
            first=True,
        )
        add_par(
            c,
            "Độc lập - Tự do - Hạnh phúc",
            bold=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            split=False,
        )
        if head["style"] == "table_num_right":
            add_par(
                ht.cell(1, 1),
                f"Số: {number}",
                align=WD_ALIGN_PARAGRAPH.CENTER,
                split=False,
                first=True,
            )
            add_par(
                ht.cell(1, 1),
                head["place_date"],
                italic=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                split=False,
            )
        else:
            # "Số: 18/KH-UBND" typed in two runs, as Word keeps it after an edit
            p = ht.cell(1, 0).paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run("Số: ")
            p.add_run(number.split("/")[0])
            p.add_run("/" + number.split("/", 1)[1])
            add_par(
                ht.cell(1, 1),
                head["place_date"],
                italic=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                split=False,
                first=True,
            )
        set_widths(ht, [8.0, 10.0] if L["orient"] != "landscape" else [10.0, 14.0])
    else:  # tab-separated paragraphs (no table)
        p = doc.add_paragraph()
        p.add_run(head["left"][0] + "\t")
        p.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
        p = doc.add_paragraph()
        p.add_run(head["left"][1]).bold = True
        p.add_run("\t")
        p.add_run("Độc lập - Tự do - Hạnh phúc").bold = True
        p = doc.add_paragraph()
        p.add_run(f"Số: {number}\t")
        p.add_run(head["place_date"]).italic = True
        for p in doc.paragraphs[-3:]:
            p.paragraph_format.tab_stops.add_tab_stop(Cm(9.0))
    doc.add_paragraph()
    for i, line in enumerate(L["title"]):
        add_par(
            doc,
            line,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            split=(i > 0),
            size=size + 1 if i == 0 else None,
        )
    for kind, text in L.get("intro", []):
        p = add_par(
            doc, text, bold=(kind == "h"), align=None if kind == "h" else WD_ALIGN_PARAGRAPH.JUSTIFY
        )
        if kind == "p":
            p.paragraph_format.first_line_indent = Cm(1.0)
    if L["orient"] == "portrait_then_landscape":
        new = doc.add_section(WD_SECTION.NEW_PAGE)
        set_landscape(new)
        for i, line in enumerate(L["appendix_title"]):
            add_par(
                doc,
                line,
                bold=(i < 2),
                italic=(i == 2),
                align=WD_ALIGN_PARAGRAPH.CENTER,
                split=False,
            )
    # ---- numbering definitions
    numbering = L["numbering"]
    if numbering == "auto_sec_task":
        nid = add_numbering(doc, 101, [("upperRoman", "%1."), ("decimal", "%2")])
    elif numbering == "auto_continuous":
        nid = add_numbering(doc, 102, [("decimal", "%1")])
    elif numbering == "auto3":
        nid = add_numbering(
            doc, 103, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
        )
    elif numbering == "auto_restart":
        nid = add_numbering(doc, 104, [("decimal", "%1.")])
        restart_ids = []
    # ---- table
    cols = L["cols"]
    fields = [c[0] for c in cols]
    widths = [c[1] for c in cols]
    ncol = len(cols)
    table = doc.add_table(rows=0, cols=ncol)
    set_borders(table, on=True)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for hrow in L["header"]:
        row = table.add_row()
        if L.get("repeat_header"):
            set_repeat_header(row)
        # apply spans first (from the right so indices stay valid)
        specs = []
        gi = 0
        for spec in hrow:
            text, span, vm = (tuple(spec) + (1, None)[len(spec) - 1 :])[:3]
            specs.append((gi, text, span, vm))
            gi += span
        for gi_, text, span, vm in reversed(specs):
            if span > 1:
                span_row(row, gi_, span)
        tcs = row._tr.findall(qn("w:tc"))
        from docx.table import _Cell

        for (gi_, text, span, vm), tc in zip(specs, tcs):
            cell = _Cell(tc, table)
            if text:
                add_par(
                    cell,
                    text,
                    bold=True,
                    align=WD_ALIGN_PARAGRAPH.CENTER,
                    split=False,
                    first=True,
                    italic=bool(re.fullmatch(r"\(\d\)", text)),
                )
            if vm:
                set_vmerge(cell, vm)
    tasks = g["tasks"]
    merge_fields = (
        L.get("merge_fields", ("lead", "support", "deadline", "result")) if L.get("merge") else ()
    )
    # rows that continue a vertical merge, per field
    cont = [set() for _ in tasks]
    for i, t in enumerate(tasks):
        if i == 0:
            continue
        for f in merge_fields:
            if (
                f in t["inferred"]
                and t[f] == tasks[i - 1][f]
                and t["section"] == tasks[i - 1]["section"]
            ):
                cont[i].add(f)
        if (
            L.get("sub_content") == "merge"
            and "content" in t["inferred"]
            and sub_kind(t["ref"]) == "cont"
        ):
            cont[i].add("content")
    for i, t in enumerate(tasks):
        for f in merge_fields:
            if (
                f in t["inferred"]
                and f not in cont[i]
                and not (L["units"] == "roles" and f in ("lead", "support"))
            ):
                print(
                    f"  warning: {stem} {t['ref']}: {f} listed as inferred but not merged",
                    file=sys.stderr,
                )
    restart = [set() for _ in tasks]
    for i in range(len(tasks) - 1):
        for f in cont[i + 1]:
            if f not in cont[i]:
                restart[i].add(f)
    prev_keys = []
    sec_counter = 0
    parents = L.get("parents", {})
    from docx.table import _Cell

    for i, t in enumerate(tasks):
        keys = section_key(t["ref"])
        sk = sub_kind(t["ref"])
        # ---- section rows
        if keys != prev_keys:
            depth = len(keys)
            for d in range(depth):
                if prev_keys[: d + 1] == keys[: d + 1]:
                    continue
                label = keys[d]
                title = (
                    t["section"]
                    if d == depth - 1
                    else parents[keys[d] if d == 0 else ".".join(keys[: d + 1])]
                )
                row = table.add_row()
                mode = L["section_row"]
                if mode == "full":
                    tc = span_row(row, 0, ncol)
                    cell = _Cell(tc, table)
                    p = add_par(cell, title, bold=True, first=True)
                    if numbering == "auto_sec_task":
                        set_num(p, nid, 0)
                    else:
                        p.runs[0].text = f"{label}. " + p.runs[0].text
                elif mode == "num_title":
                    tc = span_row(row, 1, ncol - 1)
                    ncell = row.cells[0]
                    if numbering == "auto3":
                        p = ncell.paragraphs[0]
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                        set_num(p, nid, d)
                    else:
                        add_par(
                            ncell,
                            label,
                            bold=True,
                            align=WD_ALIGN_PARAGRAPH.CENTER,
                            split=False,
                            first=True,
                        )
                    add_par(_Cell(tc, table), title, bold=True, first=True)
                elif mode == "bare":
                    add_par(
                        row.cells[0],
                        label,
                        bold=True,
                        align=WD_ALIGN_PARAGRAPH.CENTER,
                        split=False,
                        first=True,
                    )
                    add_par(row.cells[1], title, bold=True, first=True)
            prev_keys = keys
            sec_counter = 0
            if numbering == "auto_restart" and i > 0:
                nid = 200 + len(restart_ids)
                restart_ids.append(nid)
                doc.part.numbering_part.element.append(
                    parse_xml(
                        f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="104"/>'
                        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                    )
                )
        if sk != "cont":
            sec_counter += 1
        # ---- task row
        row = table.add_row()
        cells = row.cells
        for ci, f in enumerate(fields):
            cell = cells[ci]
            if f in cont[i]:
                set_vmerge(cell, "continue")
                continue
            if f in restart[i]:
                set_vmerge(cell, "restart")
            if f == "num":
                if sk == "cont":
                    continue
                if numbering in ("auto_sec_task", "auto_continuous", "auto3", "auto_restart"):
                    p = cell.paragraphs[0]
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    set_num(
                        p,
                        nid,
                        {"auto_sec_task": 1, "auto_continuous": 0, "auto3": 2, "auto_restart": 0}[
                            numbering
                        ],
                    )
                elif numbering == "typed_ref":
                    add_par(
                        cell, t["ref"], align=WD_ALIGN_PARAGRAPH.CENTER, split=False, first=True
                    )
                else:
                    add_par(
                        cell,
                        L.get("num_format", "{n}").format(n=task_number(t["ref"])),
                        align=WD_ALIGN_PARAGRAPH.CENTER,
                        split=False,
                        first=True,
                    )
            elif f == "num2":
                if sk != "cont":
                    add_par(
                        cell,
                        str(sec_counter),
                        align=WD_ALIGN_PARAGRAPH.CENTER,
                        split=False,
                        first=True,
                    )
            elif f == "content":
                if sk == "cont" and "content" in t["inferred"]:
                    continue
                p = add_par(cell, t["content"], first=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
                if t["ref"] in L.get("footnotes", {}):
                    fn.ref(p, L["footnotes"][t["ref"]])
                if L.get("product_in_content") and t["result"]:
                    add_par(
                        cell,
                        L["product_in_content"] + t["result"],
                        italic=True,
                        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                    )
            elif f in ("lead", "support"):
                write_units(cell, t[f], L["units"])
            elif f == "units":
                write_roles(cell, t)
            elif f == "deadline":
                write_lines(cell, t["deadline"], align=WD_ALIGN_PARAGRAPH.CENTER)
            elif f == "result":
                if t["result"]:
                    add_par(cell, t["result"], first=True)
            elif f == "notes":
                if t["notes"]:
                    add_par(cell, t["notes"], first=True, italic=True)
    set_widths(table, widths)
    # ---- closing
    for kind, text in L.get("outro", []):
        p = add_par(doc, text, bold=(kind == "h"), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    doc.add_paragraph()
    st_ = doc.add_table(rows=1, cols=2)
    set_borders(st_, on=False)
    c = st_.cell(0, 0)
    add_par(c, "Nơi nhận:", bold=True, italic=True, split=False, first=True, size=11)
    for line in (
        "- Văn phòng Chính phủ (Cục KSTTHC);",
        "- Như phần tổ chức thực hiện;",
        "- Lưu: VT, KSTT.",
    ):
        add_par(c, line, split=False, size=10)
    c = st_.cell(0, 1)
    for j, line in enumerate(L["sign"]):
        add_par(c, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, split=False, first=(j == 0))
    fn.attach(doc)
    doc.save(out)
    normalize_zip(out)


def write_units(cell, units, style):
    if not units:
        return
    if style == "semi":
        add_par(cell, "; ".join(units), first=True)
    elif style == "lines" or len(units) == 1:
        for j, u in enumerate(units):
            add_par(cell, u, first=(j == 0))
    else:  # dash
        for j, u in enumerate(units):
            add_par(cell, "- " + u + (";" if j < len(units) - 1 else ""), first=(j == 0))


def write_roles(cell, t):
    """Seed-004 style: '- X chủ trì.' / '- Y phối hợp.' in one cell; without markers when the
    roles are only known by meaning (then the gold lists them as inferred)."""
    if "lead" in t["inferred"]:
        for j, u in enumerate(t["lead"] + t["support"]):
            add_par(
                cell,
                "- " + u + ("." if j == len(t["lead"]) + len(t["support"]) - 1 else ";"),
                first=(j == 0),
            )
        return
    add_par(cell, "- " + "; ".join(t["lead"]) + " chủ trì.", first=True)
    if t["support"]:
        add_par(cell, "- " + "; ".join(t["support"]) + " phối hợp.")


def write_lines(cell, text, align=None):
    parts = text.split("; ") if re.search(r"\d{1,2}/\d{1,2}/\d{4}; ", text) else [text]
    for j, part in enumerate(parts):
        add_par(
            cell,
            part + (";" if j < len(parts) - 1 else ""),
            first=(j == 0),
            align=align,
            split=False,
        )


# =============================================================================== xlsx
def build_xlsx(stem, g, L, out):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    wb.properties.creator = "Van thu"
    wb.properties.lastModifiedBy = "Van thu"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws0 = wb.active
    ws0.title = "Bia" if L["two_level"] else "Thong tin"
    for i, line in enumerate(L["cover"], 1):
        ws0.cell(row=i, column=1, value=line).font = Font(
            name="Times New Roman", bold=(i <= 2), size=13 if i <= 2 else 12
        )
    ws0.column_dimensions["A"].width = 90
    ws = wb.create_sheet(L["sheet"])
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    F = lambda **k: Font(**{"name": "Times New Roman", "size": 12, **k})
    if L["two_level"]:
        fields = ["num", "content", "lead", "support", "result", "deadline", "notes"]
        widths = [6, 60, 28, 30, 30, 18, 18]
    else:
        fields = ["num", "content", "lead", "support", "deadline"]
        widths = [6, 70, 30, 34, 18]
    n = len(fields)
    last = chr(ord("A") + n - 1)
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws["A1"] = L["org"]
    ws.merge_cells("A1:C1")
    ws["A1"].font = F(bold=True)
    ws["A2"] = L["title"]
    ws.merge_cells(f"A2:{last}2")
    ws["A2"].font = F(bold=True, size=14)
    ws["A2"].alignment = center
    ws["A3"] = L["subtitle"]
    ws.merge_cells(f"A3:{last}3")
    ws["A3"].font = F(italic=True)
    ws["A3"].alignment = center
    r = 5
    if L["two_level"]:
        hdr1 = [
            "STT",
            "Nội dung công việc",
            "Cơ quan thực hiện",
            None,
            "Kết quả",
            "Thời gian hoàn thành",
            "Ghi chú",
        ]
        hdr2 = [None, None, "Chủ trì", "Phối hợp", None, None, None]
        for ci, v in enumerate(hdr1, 1):
            ws.cell(row=r, column=ci, value=v)
        for ci, v in enumerate(hdr2, 1):
            if v:
                ws.cell(row=r + 1, column=ci, value=v)
        for col in "ABEFG":
            ws.merge_cells(f"{col}{r}:{col}{r + 1}")
        ws.merge_cells(f"C{r}:D{r}")
        for rr in (r, r + 1):
            for ci in range(1, n + 1):
                c = ws.cell(row=rr, column=ci)
                c.font = F(bold=True)
                c.alignment = center
                c.border = box
        r += 2
    else:
        for ci, v in enumerate(
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"], 1
        ):
            c = ws.cell(row=r, column=ci, value=v)
            c.font = F(bold=True)
            c.alignment = center
            c.border = box
        r += 1
    ws.print_title_rows = f"5:{r - 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.freeze_panes = f"A{r}"
    prev = None
    for t in g["tasks"]:
        keys = section_key(t["ref"])
        if keys != prev:
            ws.cell(row=r, column=1, value=keys[-1])
            ws.cell(row=r, column=2, value=t["section"])
            ws.merge_cells(f"B{r}:{last}{r}")
            for ci in range(1, n + 1):
                c = ws.cell(row=r, column=ci)
                c.font = F(bold=True)
                c.border = box
                c.alignment = wrap
            prev = keys
            r += 1
        for ci, f in enumerate(fields, 1):
            c = ws.cell(row=r, column=ci)
            c.border = box
            c.alignment = wrap
            c.font = F()
            if f == "num":
                c.value = int(task_number(t["ref"]))
                c.alignment = Alignment(horizontal="center", vertical="top")
            elif f == "content":
                c.value = t["content"]
            elif f in ("lead", "support"):
                c.value = "\n".join(t[f]) if t[f] else None  # Alt+Enter between units
            elif f == "result":
                c.value = t["result"]
            elif f == "notes":
                c.value = t["notes"]
            elif f == "deadline":
                d = t["deadline"]
                m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", d)
                if m:
                    c.value = dt.datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                    c.number_format = "dd/mm/yyyy"
                elif re.search(r"\d{1,2}/\d{1,2}/\d{4}; ", d):
                    c.value = ";\n".join(d.split("; "))  # Alt+Enter lines in one cell
                else:
                    c.value = d
                c.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
        # row height as Excel would show the wrapped text (openpyxl does not compute it)
        lines = 1
        for ci, f in enumerate(fields, 1):
            v = ws.cell(row=r, column=ci).value
            if isinstance(v, str):
                w = widths[ci - 1] * 1.15
                lines = max(lines, sum(-(-max(len(part), 1) // int(w)) for part in v.split("\n")))
        ws.row_dimensions[r].height = 16 * lines + 2
        r += 1
    r += 1
    ws.cell(
        row=r, column=2, value="Ghi chú: Thời gian hoàn thành ghi ngày cụ thể là hạn cuối cùng."
    ).font = F(italic=True)
    if L.get("extra_sheet"):
        name, rows = L["extra_sheet"]
        ws2 = wb.create_sheet(name)
        ws2["A1"] = "Chữ viết tắt"
        ws2["B1"] = "Nghĩa"
        for i, (a, b) in enumerate(rows, 2):
            ws2.cell(row=i, column=1, value=a)
            ws2.cell(row=i, column=2, value=b)
    wb.save(out)
    normalize_zip(out)


# =============================================================================== misc
def normalize_zip(path):
    """Fixed timestamps and order so the same gold gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                    lambda m: b"<dcterms:" + m.group(1) + m.group(2) + b">2026-01-15T08:00:00Z<",
                    data,
                )
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 15, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    os.replace(tmp, path)


def lo_convert(src, fmt, outdir):
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    prof = tempfile.mkdtemp(prefix="lo_corpus_")
    try:
        filt = {"pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97"}[fmt]
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{prof}",
                "--convert-to",
                filt,
                "--outdir",
                outdir,
                src,
            ],
            check=True,
            timeout=180,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return os.path.exists(
            os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
        )
    finally:
        shutil.rmtree(prof, ignore_errors=True)


FEATURES = {}  # filled from README-style descriptions in features()


def features(stem, L, form):
    f = []
    if L["kind"] == "docx":
        f.append(
            {"pdf": "pdf-exported-by-libreoffice", "doc": "word97-doc-exported-by-libreoffice"}.get(
                form, "docx"
            )
        )
        hs = L["head"]["style"]
        f.append(
            "borderless-header-table" if hs.startswith("table") else "header-in-tabbed-paragraphs"
        )
        if hs == "table_num_right":
            f.append("number-in-right-header-cell")
        f.append(
            {
                "auto_sec_task": "word-auto-numbering-roman-sections-decimal-tasks",
                "auto_continuous": "word-auto-numbering-continuous-across-sections",
                "auto3": "word-auto-numbering-I-1-a-three-levels",
                "auto_restart": "word-auto-numbering-restarted-per-section-lvlOverride",
                "typed": "typed-numbers",
                "typed_ref": "typed-decimal-1/1.1/1.2",
                "typed_running": "two-number-columns-stt-stt2",
            }[L["numbering"]]
        )
        f.append(
            {
                "full": "section-rows-gridspan-full-width",
                "num_title": "section-rows-number-plus-gridspan-title",
                "bare": "section-rows-number-and-title-only-no-merge",
            }[L["section_row"]]
        )
        if len(L["header"]) == 2:
            f.append("two-row-header-spanning-chu-tri-phoi-hop")
        if len(L["header"]) == 3:
            f.append("three-row-header-spanning-plus-numbering-row")
        if L.get("repeat_header"):
            f.append("tblHeader-repeated-header")
        if L.get("merge"):
            f.append("vmerge-down-rows")
        if L.get("product_in_content"):
            f.append("product-paragraph-in-content-cell")
        if L.get("footnotes"):
            f.append("footnote-markers")
        if L["units"] == "roles":
            f.append("units-one-cell-chu-tri-phoi-hop-words")
        f.append(
            {
                "landscape": "landscape",
                "portrait": "portrait",
                "portrait_then_landscape": "portrait-section-then-landscape-section",
            }[L["orient"]]
        )
        f.append("text-split-across-runs")
        if L.get("parents"):
            f.append("nested-sections")
        if L.get("notes_col", any(c[0] == "notes" for c in L["cols"])):
            f.append("notes-column")
    else:
        f += [
            "xlsx",
            "merged-title-cells",
            "merged-section-rows",
            "several-sheets",
            "excel-date-cells-dd/mm/yyyy",
            "alt-enter-line-breaks",
        ]
        f.append("two-level-header" if L["two_level"] else "one-header-row")
    return f


def main():
    do_lo = "--no-lo" not in sys.argv
    os.makedirs(FILES, exist_ok=True)
    manifest = []
    for stem, L in LAYOUT.items():
        with open(os.path.join(GOLD, stem + ".json"), encoding="utf-8") as fh:
            g = json.load(fh)
        ext = L["kind"]
        out = os.path.join(FILES, f"{stem}.{ext}")
        assert g["file"] == os.path.basename(out), (g["file"], out)
        (build_docx if ext == "docx" else build_xlsx)(stem, g, L, out)
        manifest.append(
            dict(
                file=f"files/{stem}.{ext}",
                gold=f"gold/{stem}.json",
                form=ext,
                tasks=len(g["tasks"]),
                features=features(stem, L, ext),
            )
        )
        for fmt in L.get("exports", []):
            target = os.path.join(FILES, f"{stem}.{fmt}")
            ok = do_lo and lo_convert(out, fmt, FILES)
            if ok or os.path.exists(target):
                manifest.append(
                    dict(
                        file=f"files/{stem}.{fmt}",
                        gold=f"gold/{stem}.json",
                        form=fmt,
                        tasks=len(g["tasks"]),
                        features=features(stem, L, fmt),
                    )
                )
        print(stem, len(g["tasks"]), "tasks")
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
