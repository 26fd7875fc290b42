"""The project's own sample plan (samples/): every trap of the seeds, read back exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.model import TaskDraft
from bot.plans import read_plan
from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
FIELDS = (
    "ref",
    "section",
    "content",
    "result",
    "lead",
    "support",
    "deadline",
    "deadline_in_text",
    "notes",
)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads((SAMPLES / "ke_hoach_mau_2026.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def text_tasks() -> dict[str, TaskDraft]:
    return {t.ref: t for t in read_plan(SAMPLES / "ke_hoach_mau_2026.txt").tasks}


@pytest.mark.parametrize("name", ["ke_hoach_mau_2026.txt", "ke_hoach_mau_2026.docx"])
def test_the_sample_reads_back_exactly_as_annotated(name: str, expected: dict[str, Any]) -> None:
    plan = read_plan(SAMPLES / name)
    got = [{k: t.to_json()[k] for k in FIELDS} for t in plan.tasks]
    want = [{k: t[k] for k in FIELDS} for t in expected["tasks"]]
    assert got == want
    if name.endswith(".txt"):  # the text keeps the traps, so what was inferred is annotated too
        assert [t.inferred for t in plan.tasks] == [tuple(t["inferred"]) for t in expected["tasks"]]
    assert (plan.issuer, plan.year, plan.number) == (
        expected["issuer"],
        expected["year"],
        expected["number"],
    )


def test_the_indicator_table_is_left_out(text_tasks: dict[str, TaskDraft]) -> None:
    assert not any("Tỷ lệ" in t.content for t in text_tasks.values())
    assert not any(ref.startswith("3.") for ref in text_tasks)


def test_a_row_cut_by_a_page_break_is_joined_back(text_tasks: dict[str, TaskDraft]) -> None:
    task = text_tasks["1.II.3"]
    assert task.content.endswith(
        "trong thời gian 05 ngày kể từ ngày Quyết định công bố được ký ban hành."
    )
    assert task.support == ("Các sở, ban, ngành", "UBND cấp xã")


def test_html_and_footnote_markers_are_removed(text_tasks: dict[str, TaskDraft]) -> None:
    task = text_tasks["1.II.2"]
    assert task.content.endswith("Cổng Dịch vụ công quốc gia.")
    assert task.lead == ("Trung tâm Phục vụ hành chính công tỉnh", "UBND cấp xã")


def test_lost_merged_cells_are_filled_from_the_row_above_and_marked(
    text_tasks: dict[str, TaskDraft],
) -> None:
    task = text_tasks["1.III.3"]
    assert (task.lead, task.deadline) == (("Văn phòng UBND tỉnh",), "Quý III/2026")
    assert set(task.inferred) == {"lead", "support", "deadline"}


def test_sub_assignments_without_a_number_get_their_own_ref(
    text_tasks: dict[str, TaskDraft],
) -> None:
    sub = text_tasks["1.V.1b"]
    assert sub.content == text_tasks["1.V.1"].content and "content" in sub.inferred
    assert (sub.lead, sub.deadline) == (("Văn phòng UBND tỉnh",), "Trước ngày 25 hằng tháng.")
    assert text_tasks["1.V.2x"].content.startswith("Tổng hợp báo cáo quý, năm")


def test_a_and_b_results_split_one_task_in_two(text_tasks: dict[str, TaskDraft]) -> None:
    a, b = text_tasks["2.I.1a"], text_tasks["2.I.1b"]
    assert (a.deadline, b.deadline) == ("Quý I/2026", "Quý II/2026")
    assert b.lead == ("Sở Khoa học và Công nghệ",)


def test_lead_and_support_in_one_cell_are_told_apart(text_tasks: dict[str, TaskDraft]) -> None:
    assert (text_tasks["2.II.3"].lead, text_tasks["2.II.3"].support) == (
        ("Văn phòng UBND tỉnh",),
        ("Các sở, ban, ngành", "UBND cấp xã"),
    )
    # No "chủ trì" on the first unit: lead by meaning, recorded as inferred.
    assert text_tasks["2.I.3"].lead == ("Trung tâm Phục vụ hành chính công tỉnh",)
    assert "lead" in text_tasks["2.I.3"].inferred


def test_swapped_time_and_result_cells_are_classified_by_what_they_hold(
    text_tasks: dict[str, TaskDraft],
) -> None:
    task = text_tasks["2.II.2"]
    assert (task.deadline, task.result) == ("Theo kế hoạch", "Tin, bài, phóng sự")
    assert {"deadline", "result"} <= set(task.inferred)


def test_limits_in_the_text_are_found_but_not_start_conditions(
    text_tasks: dict[str, TaskDraft],
) -> None:
    assert text_tasks["1.V.2"].deadline_in_text == "chậm nhất là ngày 19 của tháng cuối quý"
    assert text_tasks["1.III.1"].deadline_in_text == "trước 31/7/2026"
    assert (
        text_tasks["1.IV.1"].deadline_in_text
        == "chậm nhất 10 ngày làm việc kể từ ngày nhận được phản ánh"
    )
    assert text_tasks["1.I.1"].deadline_in_text is None


def test_the_documents_typos_are_kept(text_tasks: dict[str, TaskDraft]) -> None:
    assert "TTTC" in text_tasks["1.I.2"].content


def test_the_docx_is_built_by_the_script_from_the_annotation(
    tmp_path: Path, expected: dict[str, Any]
) -> None:
    from tests.test_plans_gold import load_docx_builder

    target = tmp_path / "mau.docx"
    target.write_bytes(load_docx_builder().plan_docx(expected, layout=expected["layout"]))
    assert [t.ref for t in read_plan(target).tasks] == [t["ref"] for t in expected["tasks"]]
