"""The .docx reader: real Word tables with merged cells and list paragraphs."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from bot.errors import BadDocument
from bot.plans import read_plan

HEADER = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")


def _doc(rows: list[tuple[str, ...]]) -> docx.document.Document:
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    table = doc.add_table(rows=0, cols=len(HEADER))
    for row in [HEADER, *rows]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return doc


def _bytes(doc: docx.document.Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_vertically_merged_lead_cell_gives_each_task_its_lead_once() -> None:
    doc = _doc(
        [
            ("1", "Việc thứ nhất.", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Quý I"),
            ("2", "Việc thứ hai.", "", "Sở Nội vụ", "Quý II"),
            ("3", "Việc thứ ba.", "", "Sở Y tế", "Quý III"),
        ]
    )
    table = doc.tables[0]
    table.cell(1, 2).merge(table.cell(3, 2))
    # python-docx itself shows the merged text on every row it spans...
    assert [table.rows[i].cells[2].text.strip() for i in (1, 2, 3)] == ["Văn phòng UBND tỉnh"] * 3
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.ref for t in plan.tasks] == ["1", "2", "3"]
    assert [t.lead for t in plan.tasks] == [("Văn phòng UBND tỉnh",)] * 3
    assert [t.support for t in plan.tasks] == [("Sở Tư pháp",), ("Sở Nội vụ",), ("Sở Y tế",)]


def test_a_sub_assignment_sharing_the_number_cell_is_not_a_new_task() -> None:
    doc = _doc(
        [
            (
                "1",
                "Báo cáo hằng tháng.",
                "Các sở, ban, ngành",
                "Văn phòng UBND tỉnh",
                "Trước ngày 20 hằng tháng",
            ),
            ("", "", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Trước ngày 25 hằng tháng"),
        ]
    )
    table = doc.tables[0]
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 1).merge(table.cell(2, 1))
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.ref for t in plan.tasks] == ["1", "1b"]
    assert plan.tasks[1].content == "Báo cáo hằng tháng."
    assert plan.tasks[1].deadline == "Trước ngày 25 hằng tháng"


def test_list_paragraphs_in_a_cell_are_separate_units() -> None:
    doc = _doc([("1", "Việc.", "Văn phòng UBND tỉnh", "", "Quý I")])
    cell = doc.tables[0].cell(1, 3)
    cell.paragraphs[0].text = "Các sở, ban, ngành"
    cell.paragraphs[0].style = "List Bullet"
    p = cell.add_paragraph("UBND cấp xã")
    p.style = "List Bullet"
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert plan.tasks[0].support == ("Các sở, ban, ngành", "UBND cấp xã")


def test_a_docx_without_any_table_is_refused() -> None:
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    with pytest.raises(BadDocument, match="Không tìm thấy bảng nhiệm vụ"):
        read_plan(Path("p.docx"), _bytes(doc))


def test_a_table_whose_columns_are_unknown_names_the_header_seen() -> None:
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    for i, text in enumerate(("Mã", "Việc", "Hạn chót")):
        table.cell(0, i).text = text
    for i, text in enumerate(("1", "Gửi báo cáo", "Quý I")):
        table.cell(1, i).text = text
    with pytest.raises(BadDocument) as err:
        read_plan(Path("p.docx"), _bytes(doc))
    assert "Mã | Việc | Hạn chót" in err.value.message


def test_a_table_inside_a_content_control_is_read() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = _doc([("1", "Việc trong khung.", "Sở Tư pháp", "", "Quý I")])
    tbl = doc.tables[0]._tbl
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent/></w:sdt>")
    tbl.addprevious(sdt)
    sdt[0].append(tbl)
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.content for t in plan.tasks] == ["Việc trong khung."]


def test_the_kind_is_told_by_the_content_not_the_name() -> None:
    doc = _doc([("1", "Việc.", "Sở Tư pháp", "", "Quý I")])
    plan = read_plan(Path("ke-hoach.txt"), _bytes(doc))
    assert [t.lead for t in plan.tasks] == [("Sở Tư pháp",)]


def test_a_signature_table_after_the_plan_is_not_read_as_a_task_row() -> None:
    doc = _doc([("1", "Việc cuối.", "Sở Tư pháp", "", "Quý IV")])
    doc.add_paragraph("Trong quá trình thực hiện, nếu có vướng mắc, báo cáo UBND tỉnh.")
    sign = doc.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận: - Như trên; - Lưu: VT."
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [(t.content, t.deadline) for t in plan.tasks] == [("Việc cuối.", "Quý IV")]


def test_rows_numbered_by_word_itself_get_the_numbers_word_shows() -> None:
    doc = _doc(
        [
            ("I", "Công bố TTHC", "", "", ""),
            ("", "Công bố danh mục TTHC.", "Sở Tư pháp", "", "Thường xuyên"),
            ("", "Công khai TTHC.", "UBND cấp xã", "", "Thường xuyên"),
        ]
    )
    table = doc.tables[0]
    for row in (2, 3):
        table.cell(row, 0).paragraphs[0].style = "List Number"  # the number is drawn, not typed
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [(t.ref, t.lead) for t in plan.tasks] == [
        ("I.1", ("Sở Tư pháp",)),
        ("I.2", ("UBND cấp xã",)),
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [
        (4, "decimal", "4"),
        (4, "decimalZero", "04"),
        (14, "upperRoman", "XIV"),
        (2, "lowerLetter", "b"),
        (1, "bullet", None),
    ],
)
def test_word_number_formats_render_as_word_draws_them(n: int, fmt: str, label: str | None) -> None:
    from bot.plans.numbering import render

    assert render(n, fmt) == label


def test_a_two_row_header_with_merged_cells_is_understood() -> None:
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=5)
    top = ("STT", "Nội dung công việc", "Phân công thực hiện", "", "Thời gian thực hiện")
    below = ("", "", "Đơn vị chủ trì", "Đơn vị phối hợp", "")
    for i, text in enumerate(top):
        table.cell(0, i).text = text
    for i, text in enumerate(below):
        table.cell(1, i).text = text
    for i, text in enumerate(("1", "Rà soát TTHC.", "Sở Nội vụ", "Sở Tư pháp", "Quý II")):
        table.cell(2, i).text = text
    table.cell(0, 2).merge(table.cell(0, 3))  # "Phân công thực hiện" over both unit columns
    for col in (0, 1, 4):
        table.cell(0, col).merge(table.cell(1, col))  # the other titles span both header rows
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [(t.ref, t.lead, t.support, t.deadline) for t in plan.tasks] == [
        ("1", ("Sở Nội vụ",), ("Sở Tư pháp",), "Quý II")
    ]


def test_a_non_breaking_hyphen_is_read_as_a_hyphen() -> None:
    from docx.oxml import OxmlElement

    doc = _doc([("1", "Theo Thông tư 02/2017/TT", "Sở Tư pháp", "", "Quý I")])
    run = doc.tables[0].cell(1, 1).paragraphs[0].runs[0]
    run._r.append(OxmlElement("w:noBreakHyphen"))
    run._r.append(OxmlElement("w:t"))
    run._r[-1].text = "VPCP."
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert plan.tasks[0].content == "Theo Thông tư 02/2017/TT-VPCP."
