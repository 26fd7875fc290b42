"""The reading report: columns and what each became, skipped rows, inferred values, warnings."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from bot.model import PlanDraft
from bot.plans import read_plan
from services.imports import ImportResult, read_warnings

HEAD = "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện"


def _plan(*rows: str, head: str = HEAD) -> PlanDraft:
    text = "KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2026\n" + "\n".join([head, *rows]) + "\n"
    return read_plan(Path("p.txt"), text.encode())


def test_the_report_names_each_column_and_what_it_became() -> None:
    plan = _plan("1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý I/2026")
    assert plan.report.columns == (
        "«STT» → số thứ tự",
        "«Nội dung công việc» → nội dung công việc",
        "«Đơn vị chủ trì» → đơn vị chủ trì",
        "«Đơn vị phối hợp» → đơn vị phối hợp",
        "«Thời gian thực hiện» → thời hạn",
    )
    assert plan.report.warnings == ()


def test_a_unit_column_that_yields_nothing_is_a_warning() -> None:
    plan = _plan(
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\t\tQuý I/2026",
        "2\tNiêm yết thủ tục.\tSở Tư pháp\t\tThường xuyên",
    )
    assert any(
        "Cột «Đơn vị phối hợp» ghi đơn vị phối hợp nhưng không việc nào có giá trị" in w
        for w in plan.report.warnings
    ), plan.report.warnings


def test_a_deadline_column_left_unread_is_a_warning_with_the_cells_it_drops() -> None:
    head = HEAD + "\tThời hạn hoàn thành"
    plan = _plan(
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý I/2026\tTháng 3/2026",
        "2\tNiêm yết thủ tục.\tSở Tư pháp\t\tThường xuyên\tThường xuyên",
        head=head,
    )
    assert "«Thời hạn hoàn thành» → không dùng" in plan.report.columns
    assert any(
        "«Thời hạn hoàn thành» có vẻ ghi thời hạn nhưng không được đọc (2 ô" in w
        for w in plan.report.warnings
    ), plan.report.warnings


def test_tasks_without_units_or_deadline_are_warned_about() -> None:
    plan = _plan(
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý I/2026",
        "II\tCông khai\t\t\t",
        "1\tNiêm yết thủ tục trên Cổng.\t\t\t",
    )
    assert "⚠️ 1 việc không có đơn vị nào: II.1." in plan.report.warnings
    assert "⚠️ 1 việc không có thời hạn: II.1." in plan.report.warnings


def test_skipped_rows_and_sections_are_reported_with_the_reason() -> None:
    plan = _plan(
        "(1)\t(2)\t(3)\t(4)\t(5)",
        "1\tCông tác chỉ đạo\t\t\t",
        "1.1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý I/2026",
    )
    assert [t.ref for t in plan.tasks] == ["1.1"]
    assert plan.report.skipped[0].startswith("1 dòng bỏ qua: dòng đánh số cột dưới tiêu đề")
    assert "dòng đọc là đề mục" in plan.report.skipped[1] and ": 1." in plan.report.skipped[1]


def test_values_filled_from_merged_cells_and_roles_by_meaning_are_reported() -> None:
    doc = docx.Document()
    table = doc.add_table(rows=4, cols=4)
    rows = [
        ("STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"),
        # "X chủ trì, phối hợp với Y" states both roles; "Y hướng dẫn" beside it is read by meaning.
        (
            "1",
            "Ban hành kế hoạch.",
            "- Sở Tư pháp chủ trì. - Sở Nội vụ hướng dẫn, đôn đốc.",
            "Quý I/2026",
        ),
        ("2", "Niêm yết thủ tục.", "", "Quý II/2026"),
        ("3", "Báo cáo năm.", "Văn phòng UBND tỉnh", "Tháng 12/2026"),
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 2).merge(table.cell(2, 2))
    out = io.BytesIO()
    doc.save(out)
    plan = read_plan(Path("p.docx"), out.getvalue())
    assert plan.tasks[1].lead == ("Sở Tư pháp",) and plan.tasks[1].support == ("Sở Nội vụ",)
    inferred = "\n".join(plan.report.inferred)
    assert "đơn vị thực hiện (chủ trì/phối hợp theo từ ngữ): 1 ô lấy từ ô gộp dọc" in inferred
    assert "đơn vị phối hợp suy ra" in inferred and "1, 2" in inferred


def test_deadlines_not_understood_join_the_warnings() -> None:
    plan = _plan("1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý I/2026")
    result = ImportResult(1, 1, 0, 0, 0, unknown_deadlines=["1: Khi có chỉ đạo"])
    assert read_warnings(plan, result) == ["⚠️ 1 thời hạn chưa hiểu được: 1: Khi có chỉ đạo."]


def test_the_report_is_not_part_of_the_plan_fingerprint() -> None:
    from services.imports import fingerprint

    a = _plan("1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\t\tQuý I/2026")
    b = _plan("(1)\t(2)\t(3)\t(4)\t(5)", "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\t\tQuý I/2026")
    assert a.report != b.report and fingerprint(a) == fingerprint(b)


def test_a_cut_row_of_unit_words_is_kept_and_a_repeated_sub_header_is_skipped() -> None:
    head = "STT\tNội dung\tCơ quan thực hiện\t\tThời hạn\n\t\tChủ trì\tPhối hợp\t"
    plan = _plan(
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp,\tQuý I/2026",
        "\t\t\tCác cơ quan, đơn vị\t",
        "\t\tChủ trì\tPhối hợp\t",
        "2\tNiêm yết thủ tục.\tSở Tư pháp\tSở Nội vụ\tQuý II/2026",
        head=head,
    )
    assert [t.support for t in plan.tasks] == [
        ("Sở Tư pháp, Các cơ quan, đơn vị",),
        ("Sở Nội vụ",),
    ]
    assert any("dòng tiêu đề lặp lại" in x for x in plan.report.skipped)


def test_a_deadline_column_holding_units_is_warned_about() -> None:
    head = "STT\tNội dung công việc\tThời gian thực hiện\tKết quả"
    plan = _plan(
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tQuý I/2026",
        "2\tNiêm yết thủ tục.\tSở Tư pháp\tThường xuyên",
        "3\tBáo cáo năm.\tSở Nội vụ\tTháng 12/2026",
        head=head,
    )
    assert plan.tasks[0].lead == ("Văn phòng UBND tỉnh",)  # read by what the cells hold
    assert (
        "⚠️ Cột «Thời gian thực hiện» mang tên thời hạn nhưng 3/3 ô giống tên đơn vị; "
        "các ô được đọc theo nội dung, cần kiểm tra lại." in plan.report.warnings
    )
