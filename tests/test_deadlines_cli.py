"""The `deadline` command: one phrase as text or JSON, and JSON lines from standard input; the
text answer's real last day with the days off stored in the database (both backends), and without
a database."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.settings import Settings
from cli.main import build_parser
from store.db import make_engine, make_sessionmaker
from store.models import DayOffRow
from store.uow import UnitOfWork

ROOT = Path(__file__).resolve().parent.parent


def _run(argv: list[str], stdin: str = "") -> str:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env({})
    if getattr(args, "db_url", None):  # as bot.py does with --db
        settings = replace(settings, database_url=args.db_url)
    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = io.StringIO(stdin), io.StringIO()
    try:
        assert args.func(args, settings) == 0
        return sys.stdout.getvalue()
    finally:
        sys.stdin, sys.stdout = old_in, old_out


def test_stdin_phrases_print_one_json_object_per_line_with_due_dates_in_the_year() -> None:
    out = _run(["deadline", "-", "--year", "2025"], "Quý II, III/2025\nThường xuyên\n???\n")
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["text"] for x in lines] == ["Quý II, III/2025", "Thường xuyên", "???"]
    assert lines[0]["occurrences"] == ["2025-06-30", "2025-09-30"]
    assert lines[1]["kind"] == "continuous" and lines[1]["occurrences"] == []
    assert lines[2]["unknown"] is True
    assert set(lines[0]) == {
        "text", "kind", "occurrences", "before", "ambiguous", "unknown", "explain",
    }  # fmt: skip


def test_context_completes_a_vague_cell_in_json() -> None:
    out = _run(
        ["deadline", "Hàng quý", "--year", "2023", "--json", "--context",
         "gửi báo cáo chậm nhất là ngày 19 của tháng cuối quý"]
    )  # fmt: skip
    assert json.loads(out)["occurrences"] == [
        "2023-03-19", "2023-06-19", "2023-09-19", "2023-12-19",
    ]  # fmt: skip


def test_text_output_shows_the_reading_and_the_next_due_date(tmp_path: Path) -> None:
    no_store = f"sqlite+aiosqlite:///{tmp_path / 'data' / 'tthc.db'}"
    out = _run(["deadline", "Trước ngày 20 hằng tháng", "--year", "2025", "--today", "2025-08-14",
                "--db", no_store])  # fmt: skip
    assert "nghĩa: trước ngày 20 hằng tháng" in out
    assert "hạn tới: Thứ Tư, 20/8/2025 (chậm nhất Thứ Ba, 19/8/2025) · còn 3 ngày làm việc" in out
    assert not (tmp_path / "data").exists()  # no store yet: the command created none


async def test_a_day_off_stored_in_the_database_moves_the_real_last_day(db_url: str) -> None:
    # 20/10/2025 is a Monday: "before the 20th" ends on Friday 17/10, on Thursday 16/10 once the
    # administrator has made that Friday a day off.
    argv = ["deadline", "Trước ngày 20 hằng tháng", "--today", "2025-10-13", "--db", db_url]
    before = await asyncio.to_thread(_run, argv)
    assert (
        "hạn tới: Thứ Hai, 20/10/2025 (chậm nhất Thứ Sáu, 17/10/2025) · còn 4 ngày làm việc"
        in before
    )
    engine = make_engine(db_url)
    try:
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            uow.session.add(DayOffRow(day=date(2025, 10, 17), note="Nghỉ bù"))
            await uow.commit()
    finally:
        await engine.dispose()
    after = await asyncio.to_thread(_run, argv)
    assert (
        "hạn tới: Thứ Hai, 20/10/2025 (chậm nhất Thứ Năm, 16/10/2025) · còn 3 ngày làm việc"
        in after
    )


@pytest.mark.skipif(sys.platform == "win32", reason="uses the POSIX venv path")
def test_bot_py_runs_the_deadline_command_end_to_end() -> None:
    proc = subprocess.run(
        [sys.executable, "bot.py", "deadline", "-", "--year", "2025"],
        input="Trước ngày 10 hằng quý\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    row = json.loads(proc.stdout)
    assert row["occurrences"] == ["2025-01-10", "2025-04-10", "2025-07-10", "2025-10-10"]
    assert row["before"] is True


def test_a_bad_today_is_refused_in_vietnamese_with_exit_code_2(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["deadline", "Trước ngày 20 hằng tháng", "--today", "abc"])
    assert stop.value.code == 2
    assert "Ngày không hợp lệ: abc" in capsys.readouterr().err
