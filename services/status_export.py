"""A status board as rows (one per occurrence and owing unit) and as an Excel workbook."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from services.status import Board, UnitState

DONE, OPEN, LATE, SILENT = "đã xong", "chưa xong", "quá hạn", "chưa có cán bộ dùng bot"
HEADERS = ("Kế hoạch", "Mục", "Nội dung", "Hạn", "Hạn thực tế", "Đơn vị", "Vai trò",
           "Trạng thái", "Hoàn thành lúc", "Số hiệu báo cáo", "Tệp báo cáo")  # fmt: skip
WIDTHS = (40, 8, 60, 12, 12, 40, 10, 14, 18, 20, 30)
MAX_ROWS = 20_000  # about 3 s of openpyxl on the bot's loop; a longer period is cut with a note


@dataclass(frozen=True)
class ExportRow:
    """One line of the export; ``done_at`` is local time without a zone (Excel has none)."""

    plan: str
    ref: str
    task: str
    due_date: date
    last_day: date
    unit: str
    role: str
    status: str
    done_at: datetime | None
    number: str | None = None  # the report attached after ✅ (issue 16)
    file_name: str | None = None


def status_of(unit: UnitState) -> str:
    return DONE if unit.done else LATE if unit.overdue else OPEN


def export_rows(board: Board, tz: ZoneInfo) -> list[ExportRow]:
    """Every (occurrence, owing unit), then one row per group's silent members (counted)."""
    out = []
    for occ in board.occurrences:
        plan = occ.plan_title or ""
        for u in occ.units:
            at = u.done_at.astimezone(tz).replace(tzinfo=None) if u.done_at else None
            ev = u.evidence
            file_name = (ev.file.name or "tệp") if ev is not None and ev.file is not None else None
            out.append(ExportRow(plan, occ.ref, occ.content, occ.due_date, occ.last_day, u.name,
                                 "chủ trì", status_of(u), at, ev.number if ev else None,
                                 file_name))  # fmt: skip
        for gone in occ.unreached:
            out.append(ExportRow(plan, occ.ref, occ.content, occ.due_date, occ.last_day,
                                 f"{gone.group}: {gone.count} đơn vị", "chủ trì", SILENT,
                                 None))  # fmt: skip
    return out


def to_xlsx(board: Board, tz: ZoneInfo) -> bytes:
    """The board as an .xlsx workbook: a header row, then ``export_rows``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tình hình"[:31]
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    rows = export_rows(board, tz)
    for r in rows[:MAX_ROWS]:
        # Control characters a text plan may carry are refused by openpyxl (IllegalCharacterError).
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in
                   (r.plan, r.ref, r.task, r.due_date, r.last_day, r.unit, r.role, r.status,
                    r.done_at, r.number, r.file_name)])  # fmt: skip
    if len(rows) > MAX_ROWS:
        ws.append([f"… và {len(rows) - MAX_ROWS} dòng khác: hãy xuất một kỳ ngắn hơn."])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # plan text starting with "=": a string, never a formula
                cell.data_type = "s"
        for cell in (row[3], row[4]):
            cell.number_format = "DD/MM/YYYY"
        row[8].number_format = "DD/MM/YYYY HH:MM"
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
