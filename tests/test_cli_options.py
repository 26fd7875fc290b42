"""The shared options (--db, --today) are accepted before or after the sub-command, through the
real entry point (`python bot.py`), on a temporary SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cli.main import build_parser
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"


def _bot(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), *args], capture_output=True, text=True,
        encoding="utf-8", cwd=cwd, env=env, timeout=120,
    )  # fmt: skip


def test_db_after_the_sub_command_is_the_same_as_before_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    # As the issues and users write it: the option after the sub-command and its arguments.
    done = _bot(tmp_path, "import", str(SAMPLE), "--db", db)
    assert done.returncode == 0, done.stderr
    after = _bot(tmp_path, "tasks", "--json", "--db", db)
    before = _bot(tmp_path, "--db", db, "tasks", "--json")
    assert after.returncode == before.returncode == 0, after.stderr + before.stderr
    tasks = json.loads(after.stdout)["tasks"]
    assert len(tasks) == 21 and after.stdout == before.stdout
    # Both went to the named file: the default store (./data) was never created.
    assert (tmp_path / "plans.db").is_file() and not (tmp_path / "data").exists()


def test_today_after_or_before_the_sub_command_gives_the_same_answer(tmp_path: Path) -> None:
    phrase = ["deadline", "Trước ngày 20 hằng tháng", "--year", "2025"]
    no_store = f"sqlite+aiosqlite:///{tmp_path / 'none.db'}"
    after = _bot(tmp_path, *phrase, "--today", "2025-08-14", "--db", no_store)
    before = _bot(tmp_path, "--today", "2025-08-14", "--db", no_store, *phrase)
    assert after.returncode == before.returncode == 0, after.stderr + before.stderr
    assert "hạn tới: Thứ Tư, 20/8/2025" in after.stdout and after.stdout == before.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["--today", "2026-03-09", "--db", "sqlite:///x.db", "ask", "việc tuần này"],
        ["ask", "việc tuần này", "--today", "2026-03-09", "--db", "sqlite:///x.db"],
        ["--db", "sqlite:///x.db", "reminders", "plan", "--today", "2026-03-09"],
        ["--today", "2026-03-09", "reminders", "plan", "--db", "sqlite:///x.db"],
        ["daysoff", "add", "2026-03-13", "--today", "2026-03-09", "--db", "sqlite:///x.db"],
        ["--today", "2026-03-09", "--db", "sqlite:///x.db", "daysoff", "add", "2026-03-13"],
    ],
)
def test_every_command_reads_the_shared_options_wherever_they_are(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert (args.today, args.db_url) == (date(2026, 3, 9), "sqlite:///x.db")


def test_without_the_options_they_are_none() -> None:
    args = build_parser().parse_args(["reminders", "plan"])
    assert (args.today, args.db_url) == (None, None)


def test_a_bad_today_before_the_sub_command_is_refused_in_vietnamese(tmp_path: Path) -> None:
    done = _bot(tmp_path, "--today", "9/3/2026", "ask", "việc tuần này")
    assert done.returncode == 2 and "Ngày không hợp lệ: 9/3/2026" in done.stderr
