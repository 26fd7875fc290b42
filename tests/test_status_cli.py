"""`python bot.py status`: the coordinator's board as text, JSON and an Excel file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from tests.test_status_service import build_world, mark_done

ROOT = Path(__file__).resolve().parent.parent


async def _db(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'status.db'}"
    engine = make_engine(url)
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    ids = await build_world(sessions)
    await mark_done(sessions, ids["tV.1"], ids["stp"], date(2025, 8, 20))
    await engine.dispose()
    return url


def _status(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


async def test_json_lists_each_occurrence_with_its_units_status(tmp_path: Path) -> None:
    url = await _db(tmp_path)
    done = _status("--db", url, "status", "--period", "tháng 8", "--today", "2025-08-20", "--json")
    assert done.returncode == 0, done.stderr
    board = json.loads(done.stdout)
    assert board["period"] == {"label": "tháng 8/2025", "start": "2025-08-01", "end": "2025-08-31"}
    assert [o["ref"] for o in board["occurrences"]] == ["V.1", "V.4"]
    monthly = board["occurrences"][0]
    assert (monthly["label"], monthly["last_day"], monthly["done"], monthly["owing"]) == (
        "Báo cáo tháng 8", "2025-08-19", 1, 3)  # fmt: skip
    assert [(u["name"], u["status"]) for u in monthly["units"]] == [
        ("Sở Tư pháp", "đã xong"), ("Sở Nội vụ", "quá hạn"), ("Sở Xây dựng", "quá hạn")]  # fmt: skip
    assert {"group": "UBND cấp xã", "count": 5} in monthly["unreached"]


async def test_text_and_xlsx_with_every_task_and_the_db_after_the_command(tmp_path: Path) -> None:
    url = await _db(tmp_path)
    out = tmp_path / "tinh-hinh.xlsx"
    done = _status("status", "--today", "2025-08-18", "--all", "--xlsx", str(out), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "Tình hình việc — tháng 8/2025" in done.stdout
    assert "Báo cáo tháng 8 — hạn Thứ Ba, 19/8/2025 (mục V.1)" in done.stdout
    assert "✘ Sở Nội vụ — chưa xong" in done.stdout and "✔ Sở Tư pháp — đã xong" in done.stdout
    assert "+ 5 đơn vị thuộc UBND cấp xã chưa có cán bộ dùng bot" in done.stdout
    sheet = load_workbook(out).active
    refs = {row[1].value for row in sheet.iter_rows(min_row=2)}
    assert refs == {"V.1", "II.3", "V.4"}


async def test_a_period_it_cannot_read_exits_2_with_examples(tmp_path: Path) -> None:
    url = await _db(tmp_path)
    done = _status("--db", url, "status", "--period", "abc")
    assert done.returncode == 2 and "quý 3" in done.stderr
    done = _status("--db", url, "status", "--today", "2025-13-01")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
