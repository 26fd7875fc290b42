"""Excel plans made the ways offices make them: each workbook built here with openpyxl.

A workbook is read as Excel shows it: hidden rows and columns are not read, a row struck
through is a deleted task. The table goes on over blank spacer rows and border-less rows
(part rows, tasks typed without borders) while tasks follow, and ends before plain text
(a note, a signature block).
"""

from __future__ import annotations

import io
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
