"""`python bot.py stats`: the statistics as text, JSON, an Excel file and a chart (PNG)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PIL import Image

from bot.questions.periods import month_period
from bot.stats import Stats, UnitStats
from services.stats import StatsReport
from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from tests.test_stats_service import build

ROOT = Path(__file__).resolve().parent.parent


async def _db(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'stats.db'}"
    engine = make_engine(url)
    await migrate(engine)
    await build(make_sessionmaker(engine))
    await engine.dispose()
    return url


def _bot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "bot.py", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=180)  # fmt: skip


async def test_json_counts(tmp_path: Path) -> None:
    url = await _db(tmp_path)
    done = _bot("--db", url, "stats", "--period", "tháng 8/2025", "--today", "2025-08-22", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["period"]["label"] == "tháng 8/2025" and out["today"] == "2025-08-22"
    got = [(u["name"], u["on_time"], u["done_late"], u["late_open"], u["not_due"])
           for u in out["units"]]  # fmt: skip
    assert got == [("Sở B", 1, 1, 1, 0), ("Sở A", 1, 0, 1, 1)]
    assert out["totals"] == {"units": 2, "total": 6, "on_time": 2, "done_late": 1,
                             "late_open": 2, "late": 3, "not_due": 1}  # fmt: skip


async def test_text_png_and_xlsx_with_options_after_the_command(tmp_path: Path) -> None:
    url = await _db(tmp_path)
    png, xlsx = tmp_path / "tk.png", tmp_path / "tk.xlsx"
    done = _bot("stats", "--period", "quý 3", "--png", str(png), "--xlsx", str(xlsx),
                "--today", "2025-08-22", "--db", url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Thống kê thực hiện nhiệm vụ — quý III/2025 (ngày 22/8/2025)" in done.stdout
    assert "1. Sở B — đúng hạn 1 · quá hạn 3 (chưa hoàn thành 2) · trong hạn 1" in done.stdout
    with Image.open(png) as image:
        assert image.format == "PNG" and image.size[0] >= 1080
    sheet = load_workbook(xlsx).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    # The quarter adds July's report (late, not done by either) and September's (in time).
    assert rows[0][:7] == [1, "Sở B", 5, 1, 1, 2, 1]
    assert rows[1][:7] == [2, "Sở A", 5, 1, 0, 2, 2]
    assert rows[-1][1:7] == ["Tổng cộng", 10, 2, 1, 4, 3]


async def test_the_year_and_a_bad_period(tmp_path: Path) -> None:
    url = await _db(tmp_path)
    done = _bot("--db", url, "--today", "2025-08-22", "stats", "--period", "năm", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["period"]["label"] == "năm 2025"
    done = _bot("--db", url, "stats", "--period", "abc")
    assert done.returncode == 2 and "quý 3" in done.stderr


def test_vietnamese_glyphs_render_without_missing_glyph_warnings() -> None:
    from services.stats_chart import FONT_FILE, to_png

    assert FONT_FILE.name == "DejaVuSans.ttf" and FONT_FILE.exists()
    units = [UnitStats(i, f"UBND phường Thường Lợi ờ ự ễ Đắk Lắk {i}", 1, i % 3, i % 4, 2)
             for i in range(45)]  # fmt: skip
    report = StatsReport(month_period(2026, 8), date(2026, 8, 20), Stats(units))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would raise
        data = to_png(report)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size[0] >= 1080
        assert image.size[1] < 3000  # 30 bars at most, however many units
