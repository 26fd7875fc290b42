"""Excel plans made the ways offices make them: each workbook built here with openpyxl.

A workbook is read as Excel shows it: hidden rows and columns are not read, a row struck
through is a deleted task. The table goes on over blank spacer rows and border-less rows
(part rows, tasks typed without borders) while tasks follow, and ends before plain text
(a note, a signature block).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side

from bot.plans import read_plan

HEADER = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")
_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TASKS = [
    ("I", "Kiểm soát quy định thủ tục hành chính"),
    ("1", "Đánh giá tác động thủ tục hành chính", "Sở Tư pháp", "Văn phòng UBND", "Quý II/2026"),
    ("2", "Rà soát quy định đầu tư kinh doanh", "Sở Tài chính", "Sở Công Thương", "Tháng 6/2026"),
    ("II", "Công khai thủ tục hành chính"),
    ("1", "Niêm yết công khai thủ tục tại bộ phận một cửa", "UBND cấp xã", "", "Thường xuyên"),
    ("2", "Báo cáo kết quả kiểm soát thủ tục hành chính", "Văn phòng UBND", "", "Quý IV/2026"),
]


class Plan:
    """A one-sheet plan: title lines, a bordered header, then rows added one by one."""

    def __init__(self) -> None:
        self.wb = Workbook()
        self.ws: Any = self.wb.active
        self.ws.title = "Ke hoach"
        self.ws.append(["ỦY BAN NHÂN DÂN TỈNH MẪU"])
        self.ws.append(["KẾ HOẠCH Kiểm soát thủ tục hành chính năm 2026"])
        self.ws.append([])
        self.add(HEADER)

    def add(self, cells: tuple[str, ...] | list[str], borders: bool = True) -> int:
        """Append a row (borders on its table cells) and give its row number."""
        self.ws.append(list(cells))
        r = int(self.ws.max_row)
        if borders:
            for c in range(1, len(HEADER) + 1):
                self.ws.cell(row=r, column=c).border = BOX
        return r

    def add_tasks(self, rows: list[tuple[str, ...]], borders: bool = True) -> None:
        for row in rows:
            self.add(row, borders)

    def read(self) -> list[tuple[str, str, str | None]]:
        """(ref, content, deadline) of every task read."""
        out = io.BytesIO()
        self.wb.save(out)
        plan = read_plan(Path("ke_hoach.xlsx"), out.getvalue())
        return [(t.ref, t.content, t.deadline) for t in plan.tasks]


ALL = [
    ("I.1", "Đánh giá tác động thủ tục hành chính", "Quý II/2026"),
    ("I.2", "Rà soát quy định đầu tư kinh doanh", "Tháng 6/2026"),
    ("II.1", "Niêm yết công khai thủ tục tại bộ phận một cửa", "Thường xuyên"),
    ("II.2", "Báo cáo kết quả kiểm soát thủ tục hành chính", "Quý IV/2026"),
]


def test_the_plain_plan_reads_every_task() -> None:
    plan = Plan()
    plan.add_tasks(TASKS)
    assert plan.read() == ALL


def test_a_hidden_row_is_not_read() -> None:
    plan = Plan()
    plan.add_tasks(TASKS[:3])
    hidden = plan.add(("3", "Bản nháp: việc đã bỏ", "Sở Nội vụ", "", "Quý I/2026"))
    plan.ws.row_dimensions[hidden].hidden = True
    plan.add_tasks(TASKS[3:])
    assert plan.read() == ALL


def test_a_hidden_column_is_not_read() -> None:
    plan = Plan()
    plan.add_tasks(TASKS)
    # A column the office hid: the deadlines of a former draft, under a deadline header.
    plan.ws.insert_cols(5)
    plan.ws.cell(row=4, column=5, value="Thời hạn (dự thảo cũ)").border = BOX
    for r in range(5, 5 + len(TASKS)):
        plan.ws.cell(row=r, column=5, value="Tháng 12/2025" if r % 3 else None).border = BOX
    plan.ws.column_dimensions["E"].hidden = True
    assert plan.read() == ALL


def test_a_row_struck_through_is_a_deleted_task() -> None:
    plan = Plan()
    plan.add_tasks(TASKS[:3])
    struck = plan.add(("3", "Tập huấn nghiệp vụ (đã bỏ)", "Sở Nội vụ", "", "Quý III/2026"))
    for c in range(1, len(HEADER) + 1):
        plan.ws.cell(row=struck, column=c).font = Font(strike=True)
    plan.add_tasks(TASKS[3:])
    assert plan.read() == ALL


def test_a_row_with_one_word_struck_is_still_a_task() -> None:
    plan = Plan()
    plan.add_tasks(TASKS)
    plan.ws.cell(row=plan.ws.max_row, column=4, value="Sở Nội vụ").font = Font(strike=True)
    assert plan.read() == ALL


def test_blank_spacer_rows_inside_the_table_do_not_end_it() -> None:
    plan = Plan()
    plan.add_tasks(TASKS[:3])
    plan.add([], borders=False)
    plan.add([], borders=False)
    plan.add_tasks(TASKS[3:])
    assert plan.read() == ALL


def test_border_less_part_and_task_rows_inside_the_table_do_not_end_it() -> None:
    plan = Plan()
    plan.add(("A", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), borders=False)
    plan.add_tasks(TASKS[:2])
    plan.add_tasks(TASKS[2:3], borders=False)  # a task pasted without its borders
    plan.add_tasks(TASKS[3:4], borders=False)  # a section row typed without borders
    plan.add_tasks(TASKS[4:])
    assert [(ref.split(".", 1)[1], content) for ref, content, _ in plan.read()] == [
        (ref, content) for ref, content, _ in ALL
    ]


def test_the_header_typed_again_after_a_blank_row_goes_on_with_the_table() -> None:
    plan = Plan()
    plan.add_tasks(TASKS[:3])
    plan.add([], borders=False)
    plan.add(HEADER)
    plan.add_tasks(TASKS[3:])
    assert plan.read() == ALL


def test_the_table_ends_before_a_signature_block() -> None:
    plan = Plan()
    plan.add_tasks(TASKS)
    plan.add(("Nơi nhận:", "", "", "KT. GIÁM ĐỐC"), borders=False)
    plan.add(("- Như trên;", "", "", "PHÓ GIÁM ĐỐC"), borders=False)
    plan.add(("- Lưu: VT.", "", "", "Nguyễn Văn A"), borders=False)
    assert plan.read() == ALL


def test_the_table_ends_before_a_note_and_a_signature_after_a_blank_row() -> None:
    plan = Plan()
    plan.add_tasks(TASKS)
    plan.add([], borders=False)
    plan.add(("", "Ghi chú: Sở TT&TT nay là Sở Khoa học và Công nghệ."), borders=False)
    plan.add(("1", "Tổng số nhiệm vụ: 4"), borders=False)
    plan.add(("Nơi nhận:", "", "", "CHỦ TỊCH"), borders=False)
    assert plan.read() == ALL


def test_the_report_tells_the_officer_which_rows_were_left_out() -> None:
    plan = Plan()
    plan.add_tasks(TASKS[:3])
    hidden = plan.add(("3", "Bản nháp", "Sở Nội vụ", "", "Quý I/2026"))
    plan.ws.row_dimensions[hidden].hidden = True
    struck = plan.add(("4", "Việc đã bỏ", "Sở Nội vụ", "", "Quý I/2026"))
    for c in range(1, len(HEADER) + 1):
        plan.ws.cell(row=struck, column=c).font = Font(strike=True)
    plan.add_tasks(TASKS[3:])
    out = io.BytesIO()
    plan.wb.save(out)
    warnings = read_plan(Path("ke_hoach.xlsx"), out.getvalue()).report.warnings
    assert (
        "Trang tính «Ke hoach»: không đọc 1 dòng ẩn và 1 dòng bị gạch ngang (coi như đã xóa)."
        in warnings
    )


PART_HEADER = (*HEADER, "Ghi chú")


def _part_sheet(ws: Any, heading: str, tasks: list[tuple[Any, ...]]) -> None:
    """A part of the plan on its own sheet: a merged title block naming the part, a frozen
    header, the tasks, a blank row and a formula counting them (no cached value, as openpyxl
    writes it)."""
    ws.append(["SỞ MẪU", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["PHỤ LỤC"])
    ws.append([heading])
    ws.append(["(Kèm theo Kế hoạch số 12/KH-SM ngày 10/01/2026)"])
    for r in (2, 3, 4):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(PART_HEADER))
    ws.append([])
    ws.append(list(PART_HEADER))
    ws.freeze_panes = "A7"
    for row in tasks:
        ws.append(list(row))
        for c in range(1, len(PART_HEADER) + 1):
            ws.cell(row=ws.max_row, column=c).border = BOX
    ws.append([])
    ws.append(["", f'="Tổng số: "&COUNT(A7:A{ws.max_row - 1})&" nhiệm vụ"'])


def _read_book(wb: Workbook) -> list[tuple[str, str | None, str, str | None, str | None]]:
    out = io.BytesIO()
    wb.save(out)
    plan = read_plan(Path("ke_hoach.xlsx"), out.getvalue())
    return [(t.ref, t.section, t.content, t.deadline, t.notes) for t in plan.tasks]


def test_every_part_sheet_is_read_in_order_with_its_heading_as_the_section() -> None:
    wb = Workbook()
    first: Any = wb.active
    first.title = "Phần I"
    _part_sheet(
        first,
        "Phần I. Kiểm soát quy định thủ tục hành chính",
        [
            (1, "Đánh giá tác động thủ tục hành chính", "Sở Tư pháp", "", "Quý II/2026", ""),
            (2, "Công bố danh mục thủ tục", "Văn phòng Sở", "", date(2026, 9, 15), ""),
        ],
    )
    first["E8"].number_format = "d/m/yyyy"
    draft: Any = wb.create_sheet("Bản nháp")
    _part_sheet(draft, "Phần II. Bản nháp cũ", [(1, "Việc đã bỏ", "Sở Nội vụ", "", "Quý I/2026")])
    draft.sheet_state = "hidden"
    second: Any = wb.create_sheet("Phần II")
    _part_sheet(
        second,
        "Phần II. Giải quyết thủ tục hành chính",
        [
            (1, "Số hóa hồ sơ", "Văn phòng Sở", "", "Năm 2026", "Gửi báo cáo trước ngày 05/7/2026"),
            (2, "Đo lường sự hài lòng", "Văn phòng Sở", "", date(2026, 3, 31), ""),
        ],
    )
    second["E8"].number_format = "dd/mm/yyyy"
    part_i, part_ii = "Kiểm soát quy định thủ tục hành chính", "Giải quyết thủ tục hành chính"
    assert _read_book(wb) == [
        ("I.1", part_i, "Đánh giá tác động thủ tục hành chính", "Quý II/2026", None),
        ("I.2", part_i, "Công bố danh mục thủ tục", "15/9/2026", None),
        ("II.1", part_ii, "Số hóa hồ sơ", "Năm 2026", "Gửi báo cáo trước ngày 05/7/2026"),
        ("II.2", part_ii, "Đo lường sự hài lòng", "31/03/2026", None),
    ]


def test_numbered_part_sheets_give_refs_under_the_part_number() -> None:
    wb = Workbook()
    for n, title in ((1, "Rà soát"), (2, "Công khai")):
        ws: Any = wb.active if n == 1 else wb.create_sheet(f"Phan {n}")
        _part_sheet(
            ws, f"PHẦN {n}: {title}", [(1, f"{title} thủ tục", "Sở Tư pháp", "", "Quý III/2026")]
        )
    assert [(ref, section) for ref, section, *_ in _read_book(wb)] == [
        ("1.1", "Rà soát"),
        ("2.1", "Công khai"),
    ]


def test_a_total_row_typed_under_the_table_is_not_part_of_the_last_task() -> None:
    plan = Plan()
    plan.add_tasks(TASKS)
    plan.add(("", "Tổng số: 4 nhiệm vụ"))
    assert plan.read() == ALL
