"""`python bot.py backup`: a consistent copy of the store, on SQLite (online backup API) and on
PostgreSQL (pg_dump), in a subprocess."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"


def _bot(cwd: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "--db", url, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_a_sqlite_backup_holds_what_the_store_holds_and_old_copies_are_pruned(
    tmp_path: Path,
) -> None:
    db = tmp_path / "tthc.db"
    url = f"sqlite:///{db}"
    assert _bot(tmp_path, url, "import", str(SAMPLE)).returncode == 0
    copy = tmp_path / "copy.db"
    done = _bot(tmp_path, url, "backup", "--to", str(copy))
    assert done.returncode == 0, done.stderr
    assert "việc: 21" in done.stdout
    with sqlite3.connect(db) as a, sqlite3.connect(copy) as b:
        for table in ("plans", "tasks", "task_due", "task_units", "units"):
            want = a.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            assert b.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == want > 0, table
        assert b.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The default folder keeps only the newest --keep copies.
    made = []
    for _ in range(3):
        done = _bot(tmp_path, url, "backup", "--keep", "2")
        assert done.returncode == 0, done.stderr
        made.append(sorted((tmp_path / "data" / "backups").glob("tthc-*.db")))
        time.sleep(1.1)  # copies are named by the second
    assert [len(m) for m in made] == [1, 2, 2]
    assert made[0][0] not in made[2]


def test_a_missing_sqlite_file_is_refused_in_vietnamese(tmp_path: Path) -> None:
    done = _bot(tmp_path, f"sqlite:///{tmp_path / 'none.db'}", "backup", "--to", "x.db")
    assert done.returncode == 1
    assert "Không thấy tệp cơ sở dữ liệu" in done.stderr
    assert not (tmp_path / "x.db").exists()


def test_a_postgresql_backup_is_a_pg_dump_archive(tmp_path: Path, pg_database: str) -> None:
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed on this machine")
    assert _bot(tmp_path, pg_database, "import", str(SAMPLE)).returncode == 0
    target = tmp_path / "pg.dump"
    done = _bot(tmp_path, pg_database, "backup", "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes()[:5] == b"PGDMP"
    listing = subprocess.run(
        ["pg_restore", "--list", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE DATA public tasks" in listing
