"""Crafted .docx plans: every number from the XML is bounded, reading has a budget, identical
rows are stored once, and the memos of cell text do not keep long strings.

The huge values are read in a subprocess under a memory limit (``python bot.py import``), so a
regression fails there instead of taking the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.errors import BadDocument
from bot.plans import read_plan
from bot.plans.blocks import Row
from bot.plans.budget import MAX_COLUMNS, ReadBudget
from bot.plans.cells import clean, folded
from bot.plans.docx_reader import read_docx_blocks
from tests import crafted_docx as crafted
from tests.conftest import ROOT

MEMORY_LIMIT = 1_500_000_000  # bytes of address space for the CLI reading a crafted file


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _import(tmp_path: Path, data: bytes, *flags: str) -> tuple[subprocess.CompletedProcess[str], float]:  # fmt: skip
    path = tmp_path / "crafted.docx"
    path.write_bytes(data)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "--db", f"sqlite:///{tmp_path / 'c.db'}",
         "import", str(path), "--dry-run", *flags],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env,
        timeout=60, preexec_fn=_limit_memory,
    )  # fmt: skip
    return proc, time.monotonic() - started


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (crafted.with_grid_span("200000000"), "w:gridSpan: giá trị 200000000 vượt giới hạn"),
        (crafted.with_grid_before("300000000"), "w:gridBefore: giá trị 300000000 vượt giới hạn"),
        (crafted.with_grid_span("six"), "w:gridSpan: giá trị «six» không phải số, coi như 1"),
    ],
    ids=["gridSpan=200000000", "gridBefore=300000000", "gridSpan=six"],
)
def test_a_crafted_span_is_read_in_seconds_within_memory_with_a_vietnamese_note(
    tmp_path: Path, data: bytes, note: str
) -> None:
    proc, took = _import(tmp_path, data)
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert note in proc.stdout
    assert "thử (không lưu)" in proc.stdout
    assert took < 20, took


def test_a_crafted_span_never_widens_a_row_beyond_the_table_grid() -> None:
    budget = ReadBudget()
    blocks = read_docx_blocks(crafted.with_grid_span("1000000"), budget)
    rows = [b for b in blocks if isinstance(b, Row)]
    assert rows and max(len(r.cells) for r in rows) <= len(crafted.HEADER) + 2
    assert any("w:gridSpan" in n for n in budget.notes)
    blocks = read_docx_blocks(crafted.with_grid_before("70000"), ReadBudget())
    assert max(len(b.cells) for b in blocks if isinstance(b, Row)) <= MAX_COLUMNS


@pytest.mark.parametrize(("ilvl", "start"), [("20", "1"), ("0", "six"), ("seven", "1")])
def test_bad_list_numbers_fall_back_to_a_bounded_number(ilvl: str, start: str) -> None:
    plan = read_plan(Path("n.docx"), crafted.with_numbering(ilvl, start))
    assert [t.ref for t in plan.tasks] == ["1", "2", "3"]


def test_a_huge_list_start_is_not_drawn() -> None:
    blocks = read_docx_blocks(crafted.with_numbering("0", "9" * 5000, "upperRoman"), ReadBudget())
    firsts = [b.cells[0] for b in blocks if isinstance(b, Row)][1:]
    assert firsts and all(len(f) < 40 for f in firsts)


def test_reading_past_its_budget_is_refused_in_vietnamese() -> None:
    data = crafted.repeated(40)
    with pytest.raises(BadDocument, match="quá lớn: hơn 20 dòng"):
        read_docx_blocks(data, ReadBudget(max_rows=20))
    with pytest.raises(BadDocument, match="quá nhiều chữ"):
        read_docx_blocks(data, ReadBudget(max_text_chars=500))
    with pytest.raises(BadDocument, match="quá 0 giây"):
        read_docx_blocks(data, ReadBudget(max_seconds=0.0))


def test_five_hundred_identical_rows_become_one_task_and_the_drop_is_counted(
    tmp_path: Path,
) -> None:
    plan = read_plan(Path("r.docx"), crafted.repeated(500))
    assert [t.content for t in plan.tasks] == [crafted.ROW[0], "Công khai thủ tục."]
    assert plan.duplicates == 499
    proc, _took = _import(tmp_path, crafted.repeated(500), "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)["plans"][0]
    assert out["duplicates_dropped"] == 499 and len(out["tasks"]) == 2
    proc, _took = _import(tmp_path, crafted.repeated(500))
    assert "2 việc (bỏ 499 dòng trùng lặp)" in proc.stdout


def test_rows_differing_in_units_or_deadline_or_a_letter_are_all_kept() -> None:
    rows = [
        crafted.ROW,
        (crafted.ROW[0], "Sở Nội vụ", crafted.ROW[2]),
        (crafted.ROW[0], crafted.ROW[1], "Quý III"),
        ("Rà soát thủ tục hành chinh.", crafted.ROW[1], crafted.ROW[2]),
    ]
    plan = read_plan(Path("d.docx"), crafted.to_bytes(crafted.plan(rows)))
    assert len(plan.tasks) == 4 and plan.duplicates == 0


def test_the_cell_memos_do_not_keep_long_cells() -> None:
    big = "Nội dung rất dài của một ô. " * 20_000
    for memo in (clean, folded):
        memo.cache_clear()  # type: ignore[attr-defined]
    assert folded(big).startswith("noi dung rat dai")
    assert clean(big).startswith("Nội dung")
    assert clean.cache_info().currsize == folded.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert folded("Sở Tư pháp") == folded("Sở Tư pháp") == "so tu phap"
    assert folded.cache_info().hits == 1  # type: ignore[attr-defined]
    # Whatever is kept is short: the memo holds at most a few million characters.
    assert folded.max_chars <= 5_000_000  # type: ignore[attr-defined]


def test_the_deadline_memo_does_not_keep_a_long_task_text() -> None:
    from bot.deadlines import parse_deadline
    from bot.deadlines.parser import _parse_cached

    _parse_cached.cache_clear()  # type: ignore[attr-defined]
    context = "Báo cáo kết quả trước ngày 15 hằng tháng. " * 50_000
    assert parse_deadline("Hằng tháng", 2026, context).kind
    assert _parse_cached.cache_info().currsize == 0  # type: ignore[attr-defined]
    parse_deadline("Quý II", 2026, "Rà soát.")
    assert _parse_cached.cache_info().currsize == 1  # type: ignore[attr-defined]


def test_a_refusal_names_what_was_clamped(tmp_path: Path) -> None:
    # The only task row is pushed out of its columns: no task is read, and the message says why.
    doc = crafted.plan([crafted.ROW])
    crafted._set(doc.tables[0].rows[1]._tr.get_or_add_trPr(), "w:gridBefore", "300000000")
    data = crafted.to_bytes(doc)
    with pytest.raises(BadDocument, match="Lưu ý khi đọc: .*w:gridBefore"):
        read_plan(Path("n.docx"), data)
    proc, took = _import(tmp_path, data)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "✗ crafted.docx: Bảng nhiệm vụ không có dòng công việc" in proc.stderr
    assert "đã giới hạn còn 4" in proc.stderr and took < 20
