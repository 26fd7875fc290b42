"""`python bot.py ask`: one JSON object per question on standard input, and plain text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from tests.test_questions_answers import build_sample

ROOT = Path(__file__).resolve().parent.parent


async def sample_db(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'ask.db'}"
    engine = make_engine(url)
    await migrate(engine)
    await build_sample(make_sessionmaker(engine))
    await engine.dispose()
    return url


def run_ask(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", "--db", url, "ask", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


async def test_questions_on_stdin_give_one_json_object_per_line(tmp_path: Path) -> None:
    url = await sample_db(tmp_path)
    questions = "việc gì đến hạn tháng 8\nviec thuong xuyen\nabc xyz\n"
    done = run_ask(url, "-", "--unit", "Sở Tư pháp", "--today", "2025-07-01", stdin=questions)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["intent"] for o in lines] == ["due", "ongoing", "unknown"]
    august = lines[0]
    assert august["period"] == {"start": "2025-08-01", "end": "2025-08-31"}
    assert august["unit"] == "Sở Tư pháp"
    assert [(t["ref"], t["due"], t["role"]) for t in august["tasks"]] == [
        ("I.2", ["2025-08-14"], "lead"),
        ("I.1", ["2025-08-19"], "lead"),
    ]
    assert set(august["tasks"][0]) >= {"id", "ref", "content", "lead", "support", "role", "due"}
    assert august["tasks"][1]["lead"] == ["Các sở, ban, ngành tỉnh", "UBND cấp xã"]
    assert "Thứ Ba, 19/8/2025" in august["text"]
    assert lines[1]["period"] is None and lines[2]["tasks"] == []


async def test_one_question_prints_the_reply_as_the_officer_sees_it(tmp_path: Path) -> None:
    url = await sample_db(tmp_path)
    done = run_ask(url, "chi tiet viec II.1", "--unit", "so tu phap", "--today", "2025-07-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Chi tiết việc II.1")
    assert "Vai trò: phối hợp" in done.stdout
    unknown_unit = run_ask(url, "tháng 8", "--unit", "Không Có Đơn Vị Này Đâu")
    assert unknown_unit.returncode == 2 and "Không tìm thấy đơn vị" in unknown_unit.stderr
