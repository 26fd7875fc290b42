"""The parser's parts, table-driven: unit cells, limits in the text, header and numbering variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.plans import read_plan
from bot.plans.intext import deadlines_in_text
from bot.plans.units import Mentions, read_units_cell
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "plans"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[1:]


def _split(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split("|") if x.strip())


@pytest.mark.parametrize("row", _rows("unit_cells.tsv"), ids=lambda r: r[1][:40])
def test_unit_cells_read_as_the_table_says(row: list[str]) -> None:
    role, cell, lead, support, inferred = (row + [""] * 5)[:5]
    out = Mentions()
    read_units_cell(cell, None if role == "both" else role, out)
    assert (tuple(out.lead), tuple(out.support)) == (_split(lead), _split(support))
    assert out.inferred == set(_split(inferred.replace(",", "|")))


@pytest.mark.parametrize("row", _rows("in_text.tsv"), ids=lambda r: r[0][:40])
def test_limits_in_the_text_read_as_the_table_says(row: list[str]) -> None:
    text, expected = (row + [""])[:2]
    assert deadlines_in_text(text) == (expected or None)


def _plan(rows: list[str]) -> list:  # type: ignore[type-arg]
    text = "KẾ HOẠCH\n\nKiểm soát thủ tục hành chính năm 2026\n\n" + "\n".join(rows) + "\n"
    return list(read_plan(Path("p.txt"), text.encode()).tasks)


def test_other_header_words_and_column_orders_are_recognised() -> None:
    tasks = _plan(
        [
            "Số TT\tNhiệm vụ\tThời hạn\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm",
            "1\tRà soát TTHC.\tQuý II/2026\tSở Nội vụ\tSở Tư pháp\tBáo cáo",
        ]
    )
    t = tasks[0]
    assert (t.content, t.deadline, t.lead, t.support, t.result) == (
        "Rà soát TTHC.",
        "Quý II/2026",
        ("Sở Nội vụ",),
        ("Sở Tư pháp",),
        "Báo cáo",
    )


def test_decimal_numbers_are_task_numbers() -> None:
    tasks = _plan(
        [
            "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
            "I\tCông bố TTHC\t\t",
            "1.1\tCông bố danh mục TTHC.\tSở Tư pháp\tThường xuyên",
            "1.2\tCông khai TTHC.\tUBND cấp xã\tThường xuyên",
        ]
    )
    assert [t.ref for t in tasks] == ["I.1.1", "I.1.2"]


def test_numbering_restarts_in_each_section_and_the_section_is_kept() -> None:
    tasks = _plan(
        [
            "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
            "I\tMột\t\t",
            "1\tViệc một.\tSở Tư pháp\tQuý I",
            "II\tHai\t\t",
            "1\tViệc hai.\tSở Nội vụ\tQuý II",
        ]
    )
    assert [(t.ref, t.section) for t in tasks] == [("I.1", "Một"), ("II.1", "Hai")]


def test_letter_sections_dotted_numbers_and_an_issuer_named_in_the_title() -> None:
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Cải cách thủ tục hành chính năm 2026 của Sở Y tế",
            "TT\tNhiệm vụ\tSản phẩm\tChủ trì\tPhối hợp\tThời hạn hoàn thành",
            "A\tNHIỆM VỤ CHUNG\t\t\t\t",
            "1.\tRà soát TTHC lĩnh vực y tế\tBáo cáo\tPhòng Nghiệp vụ Y\tVăn phòng Sở\tTháng 6/2026",
            "B\tNHIỆM VỤ CỤ THỂ\t\t\t\t",
            "1.\tSố hóa hồ sơ TTHC\tHồ sơ số\tVăn phòng Sở\t\tTrong năm 2026",
        ]
    )
    plan = read_plan(Path("p.txt"), text.encode())
    assert (plan.issuer, plan.year) == ("Sở Y tế", 2026)
    assert [(t.ref, t.section, t.result, t.deadline) for t in plan.tasks] == [
        ("A.1", "NHIỆM VỤ CHUNG", "Báo cáo", "Tháng 6/2026"),
        ("B.1", "NHIỆM VỤ CỤ THỂ", "Hồ sơ số", "Trong năm 2026"),
    ]


def test_control_characters_in_a_cell_become_spaces() -> None:
    from bot.plans.cells import clean

    assert clean("Báo\x02cáo\x1b tháng\x00 8\x7f") == "Báo cáo tháng 8"
    assert clean("<b>Báo\x02cáo</b>") == "Báo cáo"
