"""The status board's Excel export stays well-formed and bounded whatever the plans contain."""

from __future__ import annotations

import io
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from bot.questions.periods import month_period
from services import status_export
from services.status import Board, OccurrenceStatus, UnitState
from services.status_export import to_xlsx

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AUGUST = date(2025, 8, 18)


def _board(content: str, units: int = 1, occurrences: int = 1, title: str = "Kế hoạch") -> Board:
    owing = tuple(UnitState(i, f"Sở {i}", False, None, False, True) for i in range(units))
    occs = tuple(
        OccurrenceStatus(
            t,
            1,
            title,
            f"V.{t}",
            content,
            "Báo cáo",
            date(2025, 8, 20),
            date(2025, 8, 19),
            True,
            owing,
        )  # fmt: skip
        for t in range(occurrences)
    )
    return Board(month_period(2025, 8), AUGUST, True, occs)


def test_control_characters_from_a_text_plan_are_dropped_not_a_failed_export() -> None:
    # A .txt plan keeps characters such as \x02 or \x1b in a task's text; openpyxl refuses them.
    b = _board("Báo cáo\x02 tháng\x1b 8", title="Kế hoạch\x07 2025")
    sheet = load_workbook(io.BytesIO(to_xlsx(b, VN))).active
    assert sheet is not None
    row = [c.value for c in list(sheet.iter_rows(min_row=2))[0]]
    assert row[0] == "Kế hoạch 2025" and row[2] == "Báo cáo tháng 8"


def test_a_huge_board_is_cut_at_the_row_cap_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(status_export, "MAX_ROWS", 25)
    b = _board("Báo cáo tháng", units=10, occurrences=4)  # 40 rows
    sheet = load_workbook(io.BytesIO(to_xlsx(b, VN))).active
    assert sheet is not None
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert len(rows) == 26
    assert rows[-1][0] == "… và 15 dòng khác: hãy xuất một kỳ ngắn hơn."
    assert rows[-2][1] == "V.2" and rows[-2][5] == "Sở 4"  # the first 25 rows, in order
