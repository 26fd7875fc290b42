"""The console chat: a scripted session through the real handlers, store and sample plan."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.clock import fixed_clock
from bot.settings import Settings
from handlers.console import plain, run_console
from store.db import make_engine
from store.models import CompletionRow

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 3, 9, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))  # a Monday

pytest.importorskip("services.imports", reason="plans import not present")
if not sorted((ROOT / "samples").glob("*.txt")):
    pytest.skip("no sample plan in samples/", allow_module_level=True)


class Script(io.StringIO):
    """Standard input that is not a terminal."""

    def isatty(self) -> bool:
        return False


async def _session(tmp_path: Path, lines: list[str]) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'console.db'}"
    out = io.StringIO()
    code = await run_console(Settings(database_url=url), Script("\n".join(lines) + "\n"), out, fixed_clock(NOW))  # fmt: skip
    assert code == 0
    return out.getvalue()


async def test_a_scripted_session_loads_the_sample_picks_an_officer_and_answers(
    tmp_path: Path,
) -> None:
    text = await _session(tmp_path, ["2", "/sapden", "1", "/quahan", "việc tháng 3", "/khongco", "/thoat", "/viec"])  # fmt: skip
    assert "Đã nạp kế hoạch mẫu" in text
    assert "1. Cán bộ Văn phòng UBND tỉnh (thử)" in text and "Đang thử với vai: Cán bộ " in text
    sapden = text.split("> /sapden", 1)[1].split("> 1", 1)[0]
    assert "Việc đến hạn trong 14 ngày tới" in sapden
    assert "[1] ✅ 1   [2] ⏰ 1   [3] 📄 1" in sapden  # buttons as numbered choices
    pressed = text.split("> 1\n", 1)[1].split("> /quahan", 1)[0]
    assert "Đã ghi nhận hoàn thành" in pressed
    assert "Việc đã quá hạn" in text.split("> /quahan", 1)[1]
    assert "tháng 3/2026" in text.split("> việc tháng 3", 1)[1]
    assert "Không có lệnh /khongco" in text
    assert "> /viec" not in text  # stopped at /thoat
    assert "<b>" not in text and "&lt;" not in text  # the phone shows text, not HTML
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'console.db'}")
    async with engine.connect() as conn:
        assert await conn.scalar(select(func.count(CompletionRow.id))) == 1
    await engine.dispose()


async def test_the_same_store_is_reused_and_the_sample_is_not_loaded_twice(tmp_path: Path) -> None:
    await _session(tmp_path, ["2", "/viec"])
    again = await _session(tmp_path, ["2", "/viec"])
    assert "Đã nạp kế hoạch mẫu" not in again and "Việc của đơn vị" in again


async def test_the_coordinator_can_make_an_invite_link(tmp_path: Path) -> None:
    text = await _session(tmp_path, ["1", "/moi Sở Khoa học và Công nghệ"])
    assert "https://t.me/tthc_console_bot?start=" in text


async def test_empty_input_ends_the_session_cleanly(tmp_path: Path) -> None:
    text = await _session(tmp_path, [])
    assert "Anh/chị thử với vai cán bộ nào?" in text


def test_plain_shows_what_a_phone_shows() -> None:
    assert plain("<b>Mục 1</b> &lt;a&gt; &amp; b") == "Mục 1 <a> & b"


@pytest.mark.slow
def test_python_bot_py_without_a_token_opens_the_console(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, str(ROOT / "bot.py")],
        input="2\n/huongdan\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Hướng dẫn" in run.stdout and (tmp_path / "data" / "tthc.db").exists()
