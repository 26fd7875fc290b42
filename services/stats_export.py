"""The statistics as text (bounded, for a chat or the console), JSON and an Excel workbook."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from bot.phrases import IN_TIME, LATE, ON_TIME, STATS_LABELS, STATS_TITLE, stats_more
from bot.stats import CATEGORIES, UnitStats
from bot.vndate import short_date
from services.stats import StatsReport

MAX_LINES = 25  # units listed in the text; every unit is in the Excel file
MAX_CHARS = 3_500  # one Telegram message (4,096) with room to spare
HEADERS = ("STT", "Đơn vị", "Tổng số việc", *(STATS_LABELS[c] for c in CATEGORIES),
           "Tỷ lệ đúng hạn (%)")  # fmt: skip
WIDTHS = (6, 48, 12, 18, 18, 22, 22, 16)


def _rate(u: UnitStats) -> str:
    rate = u.on_time_rate
    return "—" if rate is None else f"{round(rate * 100)}%"


def unit_line(i: int, u: UnitStats, html: bool) -> str:
    name = escape(u.name) if html else u.name
    late = f"{LATE} {u.late}"
    if u.late:
        late += f" (chưa hoàn thành {u.late_open})"
    return (f"{i}. {name} — {ON_TIME} {u.on_time} · {late} · {IN_TIME} {u.not_due} "
            f"· tỷ lệ {ON_TIME} {_rate(u)}")  # fmt: skip


def to_text(report: StatsReport, *, html: bool = False, max_lines: int = MAX_LINES) -> str:
    """A head with the totals, then the worst units, one line each, capped in lines and length."""
    label = escape(report.period.label) if html else report.period.label
    title = f"{STATS_TITLE} — {label} (ngày {short_date(report.today)})"
    head = [f"📊 <b>{title}</b>" if html else title]
    stats = report.stats
    if not stats.units:
        head.append("Không có việc nào đến hạn trong kỳ này.")
        return "\n".join(head)
    t = stats.totals
    head.append(
        f"{t.units} đơn vị chủ trì · {t.total} việc: {ON_TIME} {t.on_time} · {LATE} {t.late} "
        f"(chưa hoàn thành {t.late_open}) · {IN_TIME} {t.not_due}"
    )
    head.append("Các đơn vị có nhiều việc quá hạn nhất:" if len(stats.units) > 1 else "")
    out, size = [line for line in head if line], sum(len(x) for x in head)
    for i, u in enumerate(stats.units, 1):
        line = unit_line(i, u, html)
        if i > max_lines or size + len(line) > MAX_CHARS:
            out.append(stats_more(len(stats.units) - i + 1))
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def to_json(report: StatsReport) -> dict[str, Any]:
    t = report.stats.totals
    return {
        "period": {"label": report.period.label, **report.period.to_json()},
        "today": report.today.isoformat(),
        "totals": {
            "units": t.units,
            "total": t.total,
            "on_time": t.on_time,
            "done_late": t.done_late,
            "late_open": t.late_open,
            "late": t.late,
            "not_due": t.not_due,
        },  # fmt: skip
        "units": [
            {
                "unit_id": u.unit_id,
                "name": u.name,
                "total": u.total,
                "on_time": u.on_time,
                "done_late": u.done_late,
                "late_open": u.late_open,
                "late": u.late,
                "not_due": u.not_due,
            }  # fmt: skip
            for u in report.stats.units
        ],
    }


def to_xlsx(report: StatsReport) -> bytes:
    """One sheet: the period, then one row per unit, worst first, and a totals row."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Thống kê"
    ws.append([f"{STATS_TITLE} — {report.period.label} (ngày {short_date(report.today)})"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for i, u in enumerate(report.stats.units, 1):
        rate = u.on_time_rate
        ws.append([i, ILLEGAL_CHARACTERS_RE.sub("", u.name), u.total,
                   *(u.get(c) for c in CATEGORIES),
                   None if rate is None else round(rate * 100, 1)])  # fmt: skip
    t = report.stats.totals
    ws.append([None, "Tổng cộng", t.total, t.on_time, t.done_late, t.late_open, t.not_due,
               round(t.on_time / (t.on_time + t.late) * 100, 1) if t.on_time + t.late else None])  # fmt: skip
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=3):
        if row[1].data_type == "f":  # a unit name starting with "=": a string, never a formula
            row[1].data_type = "s"
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A3"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
