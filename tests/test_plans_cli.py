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
        "source", "issuer", "year", "number", "title", "tasks", "warnings", "report", "changes",
        "duplicates_dropped",
    }  # fmt: skip
    assert plan["duplicates_dropped"] == 0
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


DATA = ROOT / "tests" / "data" / "plans"


def test_a_dry_run_of_a_revision_prints_what_it_changes_and_json_carries_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "cli.db"
    assert _bot(db, "import", str(DATA / "revision_v1.txt")).returncode == 0
    dry = _bot(db, "import", "--dry-run", str(DATA / "revision_v2.txt"))
    assert dry.returncode == 0, dry.stderr
    out = dry.stdout
    assert "Cột đọc được:" in out and "«Đơn vị phối hợp» → đơn vị phối hợp" in out
    assert "Thay đổi so với bản đã nhập:" in out
    assert "➕ Việc mới (1):" in out and "I.4: Công khai kết quả giải quyết hồ sơ" in out
    assert "➖ Việc bỏ (1):" in out and "📅 Đổi thời hạn (1):" in out
    assert "Quý II/2026 → Quý III/2026" in out and "👥 Đổi đơn vị (1):" in out
    done = _bot(db, "import", "--dry-run", "--json", str(DATA / "revision_v2.txt"))
    [plan] = json.loads(done.stdout)["plans"]
    assert plan["changes"]["deadlines"] == ["I.2: Quý II/2026 → Quý III/2026"]
    assert len(plan["changes"]["added"]) == len(plan["changes"]["removed"]) == 1
    assert plan["warnings"] == [] and plan["report"]["columns"][0] == "«STT» → số thứ tự"


def test_json_carries_the_warnings_of_each_plan(tmp_path: Path) -> None:
    plan_file = tmp_path / "thieu_phoi_hop.txt"
    plan_file.write_text(
        "KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2026\n"
        "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\n"
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\t\tQuý I/2026\n",
        encoding="utf-8",
    )
    done = _bot(tmp_path / "cli.db", "import", "--dry-run", "--json", str(plan_file))
    [plan] = json.loads(done.stdout)["plans"]
    assert any("«Đơn vị phối hợp»" in w for w in plan["warnings"]), plan["warnings"]
    plain = _bot(tmp_path / "cli.db", "import", str(plan_file))
    assert "⚠️ Cột «Đơn vị phối hợp»" in plain.stdout  # warnings are printed even when importing
