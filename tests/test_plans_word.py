"""Plans made the way Word makes them: spanning headers, numbering rows, automatic numbers,
decimal section rows, product paragraphs, a borderless header table.

Figures are printed to the terminal even without ``-s``:
    .venv/bin/python -m pytest tests/test_plans_word.py -q
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from bot.plans import read_plan
from tests.test_plans_gold import report, score
from tests.word_docx import (
    automatic_numbers_plan,
    gridspan_of,
    numbered,
    spanning_header_plan,
)

GOLD = Path(__file__).resolve().parent / "data" / "plans" / "word"
PRODUCT_PARAGRAPHS = {"2.3", "3.1", "4.2", "5.3"}  # the rest of plan 45's products are a column
MIN = 0.98


def _gold(name: str) -> dict[str, Any]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plans() -> list[tuple[dict[str, Any], bytes]]:
    a, b = _gold("duc_tho_45.json"), _gold("nghe_an_snnmt_112.json")
    return [(a, spanning_header_plan(a, PRODUCT_PARAGRAPHS)), (b, automatic_numbers_plan(b))]


def _bytes(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_word_built_plans_score_at_least_the_targets_on_every_file(
    plans: list[tuple[dict[str, Any], bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    scores = []
    for gold, data in plans:
        plan = read_plan(Path(gold["file"]), data)
        scores.append(score(gold["file"], gold["tasks"], [t.to_json() for t in plan.tasks]))
    *_figures, text = report("Word-built plans vs gold", scores)
    with capsys.disabled():
        print(text)
    for s in scores:
        assert s.recall >= MIN and s.precision >= MIN, s
        assert s.units_ok / s.matched >= MIN and s.deadline_ok / s.matched >= MIN, s
        assert s.in_text_ok / s.matched >= MIN, s


def test_the_files_hold_what_word_writes(plans: list[tuple[dict[str, Any], bytes]]) -> None:
    (_a, spanning), (_b, automatic) = plans
    xml = docx.Document(io.BytesIO(spanning)).element.body.xml
    assert xml.count("<w:gridSpan") >= 1 and xml.count("<w:vMerge") >= 8
    assert xml.count("<w:tblHeader") == 3 and "(6)" in xml
    auto = docx.Document(io.BytesIO(automatic)).element.body.xml
    assert auto.count("<w:numPr>") >= 22  # 4 sections + 18 tasks, numbers not in the text
    assert ">I<" not in auto and gridspan_of(automatic) > 22


def test_every_field_of_the_two_plans_matches_the_gold(
    plans: list[tuple[dict[str, Any], bytes]],
) -> None:
    for gold, data in plans:
        plan = read_plan(Path(gold["file"]), data)
        got = [t.to_json() for t in plan.tasks]
        keys = ("ref", "section", "content", "result", "lead", "support", "deadline", "notes")
        assert [{k: t[k] for k in keys} for t in got] == [
            {k: t[k] for k in keys} for t in gold["tasks"]
        ]
        assert [t["deadline_in_text"] for t in got] == [
            t["deadline_in_text"] for t in gold["tasks"]
        ]


def test_number_date_and_issuer_come_from_the_borderless_header_table(
    plans: list[tuple[dict[str, Any], bytes]],
) -> None:
    for gold, data in plans:
        plan = read_plan(Path(gold["file"]), data)
        assert (plan.issuer, plan.number, plan.year) == (
            gold["issuer"],
            gold["number"],
            gold["year"],
        )
        assert plan.doc_date == date.fromisoformat(gold["date"])


def test_decimal_section_rows_are_sections_and_the_numbering_row_is_not_a_task(
    plans: list[tuple[dict[str, Any], bytes]],
) -> None:
    gold, data = plans[0]
    plan = read_plan(Path(gold["file"]), data)
    refs = [t.ref for t in plan.tasks]
    assert not {"1", "2", "3", "4", "5"} & set(refs)
    assert not any(t.content.startswith("(") for t in plan.tasks)
    assert plan.sections[:2] == ("Công tác chỉ đạo, điều hành", "Công khai, minh bạch thủ tục hành chính")  # fmt: skip
    # The cooperating units under "Cơ quan thực hiện / Phối hợp" are read (they were all lost).
    assert sum(bool(t.support) for t in plan.tasks) == 15


def _table_doc(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Any:
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    table = doc.add_table(rows=0, cols=len(header))
    for row in [header, *rows]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return doc


HEAD5 = ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn")


def test_a_lead_merged_down_through_a_section_row_is_not_copied_into_it() -> None:
    doc = _table_doc(
        HEAD5,
        [
            ("1", "Công tác chỉ đạo", "", "", ""),
            ("1.1", "Ban hành kế hoạch năm 2026.", "Văn phòng UBND tỉnh", "", "Quý I/2026"),
            ("2", "Công khai thủ tục hành chính", "", "", ""),
            ("2.1", "Niêm yết thủ tục tại Bộ phận Một cửa.", "", "Sở Tư pháp", "Thường xuyên"),
        ],
    )
    table = doc.tables[0]
    table.cell(2, 2).merge(table.cell(4, 2))  # the lead spans 1.1, the section row 2 and 2.1
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.ref for t in plan.tasks] == ["1.1", "2.1"]
    assert plan.tasks[1].lead == ("Văn phòng UBND tỉnh",)
    assert plan.tasks[1].section == "Công khai thủ tục hành chính"


def test_a_numbered_row_with_its_own_units_over_sub_numbers_stays_a_task() -> None:
    doc = _table_doc(
        HEAD5,
        [
            ("1", "Rà soát thủ tục hành chính.", "Sở Tư pháp", "", "Quý II/2026"),
            ("1.1", "Rà soát lĩnh vực đất đai.", "Sở Nông nghiệp và Môi trường", "", "Quý II/2026"),
            ("2", "Báo cáo kết quả rà soát.", "", "", ""),
            ("3", "Tổng kết năm 2026.", "Văn phòng UBND tỉnh", "", "Tháng 12/2026"),
        ],
    )
    plan = read_plan(Path("p.docx"), _bytes(doc))
    # "2" has no values of its own but no tasks beneath it: a task (its values lost in a merge).
    assert [t.ref for t in plan.tasks] == ["1", "1.1", "2", "3"]


def test_automatic_multilevel_numbers_are_drawn_as_word_draws_them() -> None:
    from tests.word_docx import _numbering

    doc = _table_doc(HEAD5, [])
    _numbering(doc)
    table = doc.tables[0]
    for level, text, lead, when in (
        (1, "Công tác kiểm soát", "", ""),
        (2, "Ban hành kế hoạch.", "Văn phòng UBND tỉnh", "Quý I/2026"),
        (2, "Kiện toàn đầu mối.", "Sở Nội vụ", "Quý II/2026"),
        (1, "Công khai", "", ""),
        (2, "Niêm yết thủ tục.", "Sở Tư pháp", "Thường xuyên"),
    ):
        cells = table.add_row().cells
        numbered(cells[0].paragraphs[0], level)
        cells[1].text, cells[2].text, cells[4].text = text, lead, when
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.ref for t in plan.tasks] == ["1.1", "1.2", "2.1"]
    assert [t.section for t in plan.tasks] == ["Công tác kiểm soát"] * 2 + ["Công khai"]


def test_a_product_paragraph_in_the_content_cell_moves_to_result() -> None:
    doc = _table_doc(HEAD5, [("1", "", "Sở Tư pháp", "", "Quý III/2026")])
    cell = doc.tables[0].cell(1, 1)
    cell.paragraphs[0].text = "Rà soát thủ tục lĩnh vực hộ tịch."
    cell.add_paragraph("- Sản phẩm: Báo cáo kết quả rà soát.")
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert plan.tasks[0].content == "Rà soát thủ tục lĩnh vực hộ tịch."
    assert plan.tasks[0].result == "Báo cáo kết quả rà soát."


def test_a_column_the_header_does_not_name_is_named_by_its_cells() -> None:
    doc = _table_doc(
        ("STT", "Nội dung", "Bộ phận", "Thời hạn"),
        [
            ("1", "Ban hành kế hoạch.", "Văn phòng UBND tỉnh", "Quý I/2026"),
            ("2", "Niêm yết thủ tục.", "Sở Tư pháp", "Thường xuyên"),
            ("3", "Báo cáo quý.", "Các sở, ban, ngành", "Hằng quý"),
        ],
    )
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.lead for t in plan.tasks] == [
        ("Văn phòng UBND tỉnh",),
        ("Sở Tư pháp",),
        ("Các sở, ban, ngành",),
    ]
    assert "«Bộ phận» → đơn vị thực hiện (chủ trì/phối hợp theo từ ngữ) (nhận theo nội dung ô)" in (
        plan.report.columns
    )


def test_a_plain_column_numbering_row_in_a_text_export_is_not_a_task() -> None:
    text = (
        "KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2026\n"
        "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
        "1\t2\t3\t4\t5\n"
        "1\tBan hành kế hoạch.\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý I/2026\n"
    )
    plan = read_plan(Path("p.txt"), text.encode())
    assert [(t.ref, t.content) for t in plan.tasks] == [("1", "Ban hành kế hoạch.")]


def test_a_header_table_vmerge_header_cell_is_read_with_its_sub_header() -> None:
    # "Cơ quan chủ trì | Cơ quan phối hợp" written in full under the spanning header also reads.
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=5)
    for i, text in enumerate(("STT", "Nội dung công việc", "Cơ quan thực hiện", "", "Thời gian")):
        table.cell(0, i).text = text
    table.cell(1, 2).text, table.cell(1, 3).text = "Cơ quan chủ trì", "Cơ quan phối hợp"
    table.cell(0, 2).merge(table.cell(0, 3))
    for i in (0, 1, 4):
        table.cell(0, i).merge(table.cell(1, i))
    for i, text in enumerate(("1", "Rà soát thủ tục.", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026")):
        table.cell(2, i).text = text
    tr = table.rows[0]._tr
    tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert (plan.tasks[0].lead, plan.tasks[0].support) == (("Sở Tư pháp",), ("Sở Nội vụ",))


def test_products_listed_under_a_bare_heading_and_lettered_tasks() -> None:
    doc = _table_doc(
        HEAD5,
        [
            ("1", "Rà soát thủ tục hành chính.", "Sở Tư pháp", "", "Quý II/2026"),
            ("a)", "Lĩnh vực hộ tịch.", "Sở Tư pháp", "", "Quý II/2026"),
            ("b)", "Lĩnh vực chứng thực.", "Sở Tư pháp", "", "Quý III/2026"),
            ("2", "Báo cáo kết quả.", "Văn phòng UBND tỉnh", "", "Tháng 12/2026"),
        ],
    )
    cell = doc.tables[0].cell(1, 1)
    for text in ("Sản phẩm:", "+ Báo cáo rà soát", "+ Phương án đơn giản hóa"):
        cell.add_paragraph(text)
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.ref for t in plan.tasks] == ["1", "1.a", "1.b", "2"]
    assert plan.tasks[0].content == "Rà soát thủ tục hành chính."
    assert plan.tasks[0].result == "Báo cáo rà soát; Phương án đơn giản hóa"
    assert plan.tasks[2].deadline == "Quý III/2026"


def test_words_around_an_automatic_number_are_not_part_of_it() -> None:
    from bot.plans.numbering import Numbering

    xml = (
        f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="Phần %1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    ).encode()
    numbering = Numbering(lambda name: xml if name == "word/numbering.xml" else None)

    def para(level: int) -> Any:
        return parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:numPr><w:ilvl w:val="{level}"/>'
            '<w:numId w:val="3"/></w:numPr></w:pPr></w:p>'
        )

    assert [numbering.label(para(lv)) for lv in (0, 1, 1, 0, 1)] == ["I", "a", "b", "II", "a"]
