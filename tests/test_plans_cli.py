"""`python bot.py import` and `python bot.py tasks` in a subprocess, on a temporary SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"


def _bot(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "--db", f"sqlite:///{db}", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=db.parent,
        env=env,
        timeout=120,
    )


def test_import_prints_the_plans_as_json_and_tasks_lists_what_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    done = _bot(db, "import", str(SAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    [plan] = out["plans"]
    assert set(plan) == {
        "source", "issuer", "year", "number", "title", "duplicates_dropped", "warnings", "tasks",
    }  # fmt: skip
    assert plan["duplicates_dropped"] == 0 and plan["warnings"] == []
    assert (plan["issuer"], plan["year"], len(plan["tasks"])) == ("UBND tỉnh Quảng Ngãi", 2026, 21)
    assert set(plan["tasks"][0]) == {
        "ref", "section", "content", "result", "lead", "support",
        "deadline", "deadline_in_text", "notes", "inferred",
    }  # fmt: skip
    listed = _bot(db, "tasks", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [t["ref"] for t in json.loads(listed.stdout)["tasks"]] == [
        t["ref"] for t in plan["tasks"]
    ]
    again = _bot(db, "import", str(SAMPLE))
    assert again.returncode == 0 and "không thay đổi" in again.stdout


def test_a_dry_run_stores_nothing_and_a_bad_file_fails_with_its_reason(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    dry = _bot(db, "import", "--dry-run", str(SAMPLE))
    assert dry.returncode == 0 and "thử (không lưu)" in dry.stdout
    assert "Chưa có kế hoạch nào" in _bot(db, "tasks").stdout
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    bad = _bot(db, "import", str(empty))
    assert bad.returncode == 1 and "Tệp rỗng" in bad.stderr
