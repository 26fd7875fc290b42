"""Plans made the way offices make them (tests/data/plans/office_forms), read field for field.

Built by tests/data/plans/office_forms/build.py from gold_src.py, the gold typed first: a .docx
by python-docx with raw ``w:vMerge`` / ``w:gridSpan``, a workbook by openpyxl with merged ranges,
and LibreOffice's PDF and .doc exports of the .docx. Each covers a class of the misses the
second blind corpus showed, in other words and other units than the corpus':

- one cell holding every unit with role labels ("Chủ trì: X" / "Phối hợp: Y; Z", without the
  colon, "X (chủ trì)"): split into lead and support, labels removed, nothing inferred; the same
  for "X chủ trì, phối hợp với Y" (a partner named by any capitalised words);
- a time cell merged down (vMerge, a merged range) is the time of both rows, an empty one stays
  empty in a .docx/.xlsx and a ruled PDF (the limit in the text goes to deadline_in_text);
- "a) … b) …" in the time and result cells: tasks "3a", "3b" with their own deadline and result;
- "Các sở, ngành chủ trì xây dựng nghị quyết" kept whole; "Bắt đầu" / "Hoàn thành" columns;
- limits in the text relative to an event ("trước ngày … có hiệu lực ít nhất 07 ngày làm việc"),
  "trong Quý II/2026", a purpose after the limit ("… để theo dõi") left out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.plans import read_plan

FORMS = Path(__file__).parent / "data" / "plans" / "office_forms"
MANIFEST: list[dict[str, Any]] = json.loads((FORMS / "manifest.json").read_text(encoding="utf-8"))
FIELDS = (
    "ref", "section", "content", "result", "lead", "support", "deadline", "deadline_in_text",
    "inferred",
)  # fmt: skip


def test_every_form_is_there() -> None:
    assert {e["form"] for e in MANIFEST} == {"docx", "pdf", "doc", "xlsx"}


@pytest.mark.parametrize("entry", MANIFEST, ids=[Path(e["file"]).name for e in MANIFEST])
def test_each_office_form_reads_exactly_as_its_gold(entry: dict[str, Any]) -> None:
    if entry["form"] == "doc" and not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .doc files cannot be converted")
    gold = json.loads((FORMS / entry["gold"]).read_text(encoding="utf-8"))
    draft = read_plan(FORMS / entry["file"]).to_json()
    assert draft["number"] == gold["number"]
    got = [{k: t[k] for k in FIELDS} for t in draft["tasks"]]
    want = [{k: t[k] for k in FIELDS} for t in gold["tasks"]]
    assert got == want


def test_a_start_date_column_is_left_unread_without_a_warning() -> None:
    draft = read_plan(FORMS / "files" / "schedule_2026.xlsx")
    columns = "\n".join(draft.report.columns)
    assert "«Thời gian thực hiện / Bắt đầu» → không dùng" in columns
    assert "«Thời gian thực hiện / Hoàn thành» → thời hạn" in columns
    assert not [w for w in draft.report.warnings if "Bắt đầu" in w]
    # The one task with no time at all is named, as for any plan.
    assert [w for w in draft.report.warnings if "không có thời hạn" in w] == [
        "⚠️ 1 việc không có thời hạn: II.1."
    ]
