"""`python bot.py ics`: a unit's deadlines as an .ics file, from the console."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from icalendar import Calendar

from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from tests.test_ics_export import build_plan

ROOT = Path(__file__).resolve().parent.parent


async def _db(tmp_path: Path) -> tuple[str, dict[str, int]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'ics.db'}"
    engine = make_engine(url)
    await migrate(engine)
    ids = await build_plan(make_sessionmaker(engine))
    await engine.dispose()
    return url, ids


def _bot(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "bot.py", *args], capture_output=True, cwd=ROOT, timeout=120
    )


def _days(cal: Calendar) -> list[tuple[str, date]]:
    return [(str(ev["summary"])[1:].split("]")[0], ev.decoded("dtstart")) for ev in cal.walk("VEVENT")]  # fmt: skip


async def test_writes_the_units_calendar_to_a_file(tmp_path: Path) -> None:
    url, ids = await _db(tmp_path)
    out = tmp_path / "lich.ics"
    done = _bot("ics", "--unit", "so tu phap", "--today", "2025-07-01", "--months", "2",
                "--out", str(out), "--db", url)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    cal = Calendar.from_ical(out.read_bytes())
    assert str(cal["x-wr-calname"]) == "Hạn KSTTHC — Sở Tư pháp"
    # July's report is done; two months reach 1/9.
    assert _days(cal) == [("III.2", date(2025, 8, 14)), ("II.3", date(2025, 8, 19))]
    assert "Đã ghi 2 hạn của Sở Tư pháp" in done.stderr.decode()
    assert done.stdout == b""


async def test_prints_to_stdout_with_stable_uids_and_refuses_an_unknown_unit(
    tmp_path: Path,
) -> None:
    url, ids = await _db(tmp_path)
    args = ("--db", url, "ics", "--unit", str(ids["sxd"]), "--today", "2025-07-01")
    first, second = _bot(*args), _bot(*args)
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout == second.stdout  # same day, same bytes: re-importing changes nothing
    cal = Calendar.from_ical(first.stdout)
    assert ("III.1", date(2025, 9, 30)) in _days(cal)
    assert len(_days(cal)) == 7  # July … December (a 2025 plan) and the old Sở GTVT's task
    unknown = _bot("--db", url, "ics", "--unit", "Sở Không Tồn Tại Gì", "--today", "2025-07-01")
    assert unknown.returncode == 2 and "Không tìm thấy đơn vị" in unknown.stderr.decode()
    bad = _bot("--db", url, "ics", "--unit", "stp", "--today", "1/7/2025")
    assert bad.returncode == 2 and "Ngày không hợp lệ" in bad.stderr.decode()
