"""Plans built here with python-docx plus raw WordprocessingML: a section column merged down
over its tasks (``w:vMerge``) beside one labelled units column, footnote references after a
unit's name, and a task cut by hand into two rows, the second with no number."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from bot.plans import read_plan
from bot.plans.blocks import MERGED, Row
from bot.plans.fields import join
from bot.plans.section_column import lift_section_columns

HEAD = (
    "Nhóm nhiệm vụ",
    "TT",
    "Nội dung công việc",
    "Đơn vị chủ trì/phối hợp",
    "Thời gian thực hiện",
)


def _bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _paragraphs(cell: Any, lines: list[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _vmerge(cell: Any, restart: bool) -> None:
    """Mark a cell as the top (restart) or a continuation of a vertical merge, as Word does."""
    tcpr = cell._tc.get_or_add_tcPr()
    val = ' w:val="restart"' if restart else ""
    tcpr.append(parse_xml(f"<w:vMerge {nsdecls('w')}{val}/>"))


def _footnote_after(cell: Any, text: str, note_id: int) -> None:
    """A footnote reference run right after ``text`` in the cell (its number is drawn, not typed)."""
    for p in cell.paragraphs:
        if p.text.endswith(text):
            p._p.append(
                parse_xml(
                    f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{note_id}"/></w:r>'
                )
            )
            return
    raise AssertionError(text)


def _section_column_plan(titles: tuple[str, str]) -> bytes:
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    table = doc.add_table(rows=1, cols=len(HEAD))
    for cell, text in zip(table.rows[0].cells, HEAD, strict=True):
        cell.text = text
    rows: list[tuple[str, str, str, list[str], str]] = [
        (titles[0], "1", "Rà soát quy định thủ tục hành chính.", ["Chủ trì: Văn phòng Sở", "Phối hợp: Thanh tra Sở; Phòng Pháp chế"], "Quý II/2026"),
        ("", "2", "Đánh giá tác động thủ tục hành chính.", ["Các phòng, đơn vị thuộc Sở"], "Thường xuyên"),
        (titles[1], "3", "Niêm yết công khai thủ tục hành chính.", ["Chủ trì: Phòng Bổ trợ tư pháp", "Phối hợp:", "- Công an tỉnh;", "- UBND các xã, phường."], "Trước ngày 20 hằng tháng"),
        ("", "4", "Tập huấn nghiệp vụ hộ tịch.", ["Chủ trì: Văn phòng Sở", "Phối hợp: UBND các xã, phường"], "Tháng 3 và tháng 8/2026"),
    ]  # fmt: skip
    for title, number, content, units, deadline in rows:
        cells = table.add_row().cells
        cells[0].text = title
        _vmerge(cells[0], restart=bool(title))
        cells[1].text, cells[2].text, cells[4].text = number, content, deadline
        _paragraphs(cells[3], units)
    _footnote_after(table.rows[3].cells[3], "Phòng Bổ trợ tư pháp", 1)
    return _bytes(doc)


def test_a_section_merged_down_a_first_column_heads_each_of_its_tasks() -> None:
    data = _section_column_plan(("I. Kiểm soát quy định", "II. Công khai, tập huấn"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    assert b"w:footnoteReference" in xml and b'w:val="restart"' in xml
    plan = read_plan(Path("p.docx"), data)
    assert [t.ref for t in plan.tasks] == ["I.1", "I.2", "II.3", "II.4"]
    assert [t.section for t in plan.tasks] == ["Kiểm soát quy định"] * 2 + [
        "Công khai, tập huấn"
    ] * 2
    first, second, third, _ = plan.tasks
    assert (first.lead, first.support) == (("Văn phòng Sở",), ("Thanh tra Sở", "Phòng Pháp chế"))
    assert (second.lead, second.support) == (("Các phòng, đơn vị thuộc Sở",), ())
    assert third.lead == ("Phòng Bổ trợ tư pháp",)  # no footnote number glued to the name
    assert third.support == ("Công an tỉnh", "UBND các xã, phường")
    assert [t.deadline for t in plan.tasks][2:] == [
        "Trước ngày 20 hằng tháng",
        "Tháng 3 và tháng 8/2026",
    ]


def test_a_section_title_with_no_label_of_its_own_is_given_the_next_roman_numeral() -> None:
    plan = read_plan(Path("p.docx"), _section_column_plan(("Kiểm soát quy định", "Công khai")))
    assert [t.ref for t in plan.tasks] == ["I.1", "I.2", "II.3", "II.4"]
    assert plan.sections == ("Kiểm soát quy định", "Công khai")


def test_a_section_title_cut_by_a_page_break_is_joined_and_its_rows_keep_their_cells() -> None:
    head = Row(HEAD, 1)
    blocks = [
        head,
        Row(("II. Công bố, công khai thủ", "4", "Xây dựng dự thảo", "Chủ trì: Văn phòng Sở", "Quý I"), 1),
        Row(("tục hành chính", "", "quyết định công bố.", "", ""), 1),
        Row((MERGED, "5", "Niêm yết thủ tục.", "Chủ trì: Văn phòng Sở", "Thường xuyên"), 1),
    ]  # fmt: skip
    out = lift_section_columns(blocks)
    assert [b.cells for b in out if isinstance(b, Row)] == [
        HEAD[1:],
        ("II. Công bố, công khai thủ tục hành chính", "", "", ""),
        ("4", "Xây dựng dự thảo", "Chủ trì: Văn phòng Sở", "Quý I"),
        ("", "quyết định công bố.", "", ""),
        ("5", "Niêm yết thủ tục.", "Chủ trì: Văn phòng Sở", "Thường xuyên"),
    ]


def test_a_first_column_with_a_value_on_every_row_is_not_read_as_sections() -> None:
    blocks = [
        Row(HEAD, 1),
        Row(("Hộ tịch", "1", "Rà soát.", "Chủ trì: Văn phòng Sở", "Quý I"), 1),
        Row(("Chứng thực", "2", "Công khai.", "Chủ trì: Văn phòng Sở", "Quý II"), 1),
    ]
    assert lift_section_columns(list(blocks)) == blocks


def test_a_task_cut_by_hand_into_a_second_unnumbered_row_is_one_task() -> None:
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    header = (
        "TT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian thực hiện",
    )
    table = doc.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    rows = [
        ("1", ["Giải quyết thủ tục hành chính"], "", "", ""),
        ("1.1", ["Tiếp nhận, trả kết quả đúng hạn; không để tồn đọng hồ sơ do UBND huyện (cũ) đã"], "Bộ phận Một cửa xã", "Công an xã", "Thường xuyên"),
        ("", ["bàn giao về xã.", "- Sản phẩm: Tỷ lệ hồ sơ đúng hạn đạt trên 98%"], "", "", ""),
        ("1.2", ["Số hóa hồ sơ, kết quả giải quyết.", "- Sản phẩm: Hồ sơ được số hóa"], "Bộ phận Một cửa xã", "", "Hằng tháng"),
    ]  # fmt: skip
    for number, content, lead, support, deadline in rows:
        cells = table.add_row().cells
        cells[0].text, cells[2].text, cells[3].text, cells[4].text = number, lead, support, deadline
        _paragraphs(cells[1], content)
    # The product paragraph is italic, as the plans write it.
    for run in table.rows[3].cells[1].paragraphs[1].runs:
        run._r.get_or_add_rPr().append(parse_xml(f"<w:i {nsdecls('w')}/>"))
    plan = read_plan(Path("p.docx"), _bytes(doc))
    assert [t.ref for t in plan.tasks] == ["1.1", "1.2"]
    first = plan.tasks[0]
    assert first.content == (
        "Tiếp nhận, trả kết quả đúng hạn; không để tồn đọng hồ sơ do UBND huyện (cũ) đã "
        "bàn giao về xã."
    )
    assert first.result == "Tỷ lệ hồ sơ đúng hạn đạt trên 98%"
    assert (first.lead, first.support, first.deadline) == (
        ("Bộ phận Một cửa xã",),
        ("Công an xã",),
        "Thường xuyên",
    )
    assert plan.tasks[1].result == "Hồ sơ được số hóa"


def test_a_piece_going_on_mid_sentence_joins_the_line_it_continues() -> None:
    assert join(
        "Tiếp nhận hồ sơ đã", "<ul><li>bàn giao về xã.</li><li>- Sản phẩm: Báo cáo</li></ul>"
    ) == ("<ul><li>Tiếp nhận hồ sơ đã bàn giao về xã.</li><li>- Sản phẩm: Báo cáo</li></ul>")
    assert join("<ul><li>Sở Y tế;</li></ul>", "Công an tỉnh") == (
        "<ul><li>Sở Y tế;</li><li>Công an tỉnh</li></ul>"
    )
    assert join("Kiểm tra việc giải", "quyết hồ sơ.") == "Kiểm tra việc giải quyết hồ sơ."


def test_a_line_break_in_a_units_cell_parts_the_units() -> None:
    from docx import Document

    from bot.plans import read_plan as read

    doc = Document()
    table = doc.add_table(rows=2, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"), strict=True
    ):
        cell.text = text
    row = table.rows[1].cells
    row[0].text, row[1].text, row[2].text, row[4].text = (
        "1",
        "Rà soát quy định",
        "Sở Tư pháp",
        "Quý II",
    )
    run = row[3].paragraphs[0].add_run("Sở Nội vụ")
    run.add_break()  # Shift+Enter: a line break inside one paragraph
    row[3].paragraphs[0].add_run("Thanh tra tỉnh")
    buf = io.BytesIO()
    doc.save(buf)
    plan = read(Path("plan.docx"), buf.getvalue())
    assert [list(t.support) for t in plan.tasks] == [["Sở Nội vụ", "Thanh tra tỉnh"]]
