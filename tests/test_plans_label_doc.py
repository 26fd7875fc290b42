"""Plans built here: a task table with no number column (labels typed in the content cell, a
"Nhiệm vụ N" column, a plain list), "Chủ trì thực hiện:" unit cells, and Word 97 .doc files
whose rows are read from the binary (LibreOffice makes the .doc; those tests skip without it).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bot.errors import BadDocument
from bot.plans import doc_reader, read_plan
from bot.plans.blocks import MERGED, Row
from bot.plans.doc_binary import DocError
from bot.plans.doc_tables import binary_doc_blocks
from bot.plans.label_column import number_label_tables, split_label
from bot.plans.parser import parse_blocks
from tests.plan_forms import convert, soffice

LABEL_HEADER = ("Nội dung công việc", "Cơ quan thực hiện", "Thời hạn", "Kết quả")
LABEL_ROWS: list[tuple[Any, ...]] = [
    ("1. Kiểm soát quy định thủ tục hành chính", "", "", ""),
    (
        "a) Đánh giá tác động của thủ tục hành chính trong dự thảo văn bản.",
        ["Chủ trì thực hiện: Phòng Tư pháp; Văn phòng UBND.", "Phối hợp: Phòng Pháp chế - Thanh tra."],
        "Quý II/2026",
        "Báo cáo đánh giá",
    ),
    (
        "- Lập danh mục văn bản cần đánh giá, gửi Văn phòng UBND tỉnh.",
        ["Chủ trì: Văn phòng UBND.", "Phối hợp: Sở Tư pháp."],
        "Tháng 3/2026",
        "Danh mục văn bản",
    ),
    (
        "b) Công khai thủ tục hành chính tại Bộ phận Một cửa.",
        ["Chủ trì: Trung tâm Phục vụ - Kiểm soát TTHC.", "Phối hợp:", "- Sở Nội vụ;", "- Công an tỉnh."],
        "Thường xuyên",
        "Thủ tục được công khai",
    ),
    ("2. Chế độ báo cáo", "", "", ""),
    (
        "a) Báo cáo tình hình kiểm soát thủ tục hành chính quý.",
        "Chủ trì: Văn phòng UBND.",
        "Chậm nhất ngày 19 tháng cuối quý",
        "Báo cáo quý",
    ),
]  # fmt: skip


def _cell(cell: Any, value: str | list[str]) -> None:
    lines = [value] if isinstance(value, str) else value
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _set(parent: Any, tag: str, value: str | None = None) -> Any:
    el = OxmlElement(tag)
    if value is not None:
        el.set(qn("w:val"), value)
    parent.append(el)
    return el


def _document(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> Any:
    doc = docx.Document()
    doc.add_paragraph("Số: 12/KH-UBND")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for row in [header, *rows]:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            _cell(cell, value)
    doc.add_paragraph("Nơi nhận: như trên.")
    return doc


def _bytes(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _label_docx() -> bytes:
    return _bytes(_document(LABEL_HEADER, LABEL_ROWS))


def _merged_docx() -> bytes:
    """A numbered table: section rows spanning the columns (w:gridSpan), and the lead and the
    time cells of tasks 2 and 3 merged down (w:vMerge), as raw WordprocessingML."""
    header = ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    rows: list[tuple[Any, ...]] = [
        ("A", "Công bố, công khai thủ tục hành chính", "", "", ""),
        ("1", "Cập nhật danh mục thủ tục hành chính.", "Văn phòng UBND", "Sở Nội vụ", "Quý I"),
        ("2", "Niêm yết thủ tục hành chính.", "Trung tâm Phục vụ hành chính công", "", "Thường xuyên"),
        ("3", "Số hóa hồ sơ khi tiếp nhận.", "", ["- Sở Tư pháp;", "- Công an tỉnh"], ""),
        ("B", "Báo cáo", "", "", ""),
        ("4", "Báo cáo tình hình giải quyết hồ sơ.", "Văn phòng UBND", "", "Trước ngày 20 hằng tháng"),
    ]  # fmt: skip
    doc = _document(header, rows)
    table = doc.tables[0]
    for r in (1, 5):  # section rows: the title over four columns
        tr = table.rows[r]._tr
        for tc in list(tr.iterchildren(qn("w:tc")))[2:]:
            tr.remove(tc)
        _set(list(tr.iterchildren(qn("w:tc")))[1].get_or_add_tcPr(), "w:gridSpan", "4")
    for col in (2, 4):
        _set(table.rows[3].cells[col]._tc.get_or_add_tcPr(), "w:vMerge", "restart")
        _set(table.rows[4].cells[col]._tc.get_or_add_tcPr(), "w:vMerge")
    return _bytes(doc)


def _tasks(data: bytes, name: str) -> dict[str, dict[str, Any]]:
    plan = read_plan(Path(name), data)
    return {t["ref"]: t for t in plan.to_json()["tasks"]}


def _needs_soffice() -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: no .doc can be made")


def _check_label_plan(tasks: dict[str, dict[str, Any]]) -> None:
    assert list(tasks) == ["1.a", "1.ax", "1.b", "2.a"]
    a = tasks["1.a"]
    assert a["section"] == "Kiểm soát quy định thủ tục hành chính"
    assert a["content"].startswith("Đánh giá tác động")
    assert (a["lead"], a["support"]) == (
        ["Phòng Tư pháp", "Văn phòng UBND"],
        ["Phòng Pháp chế - Thanh tra"],
    )
    assert tasks["1.ax"]["content"].startswith("Lập danh mục văn bản")
    assert tasks["1.ax"]["deadline"] == "Tháng 3/2026"
    b = tasks["1.b"]
    assert (b["lead"], b["support"]) == (
        ["Trung tâm Phục vụ - Kiểm soát TTHC"],
        ["Sở Nội vụ", "Công an tỉnh"],
    )
    assert tasks["2.a"]["section"] == "Chế độ báo cáo"


def test_a_table_without_a_number_column_is_read_by_the_labels_in_its_content_cells() -> None:
    _check_label_plan(_tasks(_label_docx(), "plan.docx"))


def test_a_doc_of_a_table_without_a_number_column_reads_as_its_docx() -> None:
    _needs_soffice()
    doc = convert(_label_docx(), "docx", "doc:MS Word 97")
    _check_label_plan(_tasks(doc, "plan.doc"))


def test_a_label_column_and_a_plain_list_give_the_task_numbers() -> None:
    def refs(rows: list[tuple[str, ...]]) -> list[tuple[str, str]]:
        blocks = [Row(r, 1, exact=True) for r in rows]
        return [(t.ref, t.content) for t in parse_blocks(blocks)]

    labelled = [
        ("Nhiệm vụ", "Nội dung", "Chủ trì", "Thời hạn"),
        ("Nhiệm vụ 1", "Rà soát thủ tục", "Sở Tư pháp", "Quý I"),
        ("Nhiệm vụ 2", "Công khai thủ tục", "Văn phòng UBND tỉnh", "Thường xuyên"),
    ]
    assert refs(labelled) == [("1", "Rà soát thủ tục"), ("2", "Công khai thủ tục")]
    plain = [
        ("Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"),
        ("Rà soát thủ tục", "Sở Tư pháp", "Quý I"),
        ("Công khai thủ tục", "Văn phòng UBND tỉnh", "Thường xuyên"),
    ]
    assert refs(plain) == [("1", "Rà soát thủ tục"), ("2", "Công khai thủ tục")]


def test_a_task_row_that_merely_names_columns_is_not_a_label_header() -> None:
    rows = (
        ("Nội dung công việc năm 2026", "Các đơn vị thực hiện", "Hoàn thành trước 30/6/2026"),
        ("Rà soát thủ tục.", "Sở Tư pháp", "Quý I"),
    )
    blocks = [Row(r, 1) for r in rows]
    assert number_label_tables(list(blocks)) == blocks
    assert split_label("10 ngày làm việc") is None
    assert split_label("A Lưới") is None
    assert split_label("Nhiệm vụ 3: Số hóa") == ("3", "Số hóa")


def test_a_doc_table_is_read_from_the_binary_with_its_spans_and_merges() -> None:
    _needs_soffice()
    doc = convert(_merged_docx(), "docx", "doc:MS Word 97")
    rows = [b.cells for b in binary_doc_blocks(doc) if isinstance(b, Row)]
    assert rows[0] == (
        "STT",
        "Nội dung",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian thực hiện",
    )
    assert rows[1] == ("A", "Công bố, công khai thủ tục hành chính", "", "", "")
    assert rows[3][2] == "Trung tâm Phục vụ hành chính công" and rows[3][4] == "Thường xuyên"
    assert rows[4] == (
        "3",
        "Số hóa hồ sơ khi tiếp nhận.",
        MERGED,
        "<ul><li>- Sở Tư pháp;</li><li>- Công an tỉnh</li></ul>",
        MERGED,
    )
    tasks = _tasks(doc, "plan.doc")
    assert tasks["A.3"]["lead"] == ["Trung tâm Phục vụ hành chính công"]
    assert tasks["A.3"]["deadline"] == "Thường xuyên"
    assert tasks["A.3"]["support"] == ["Sở Tư pháp", "Công an tỉnh"]


def test_a_conversion_that_lost_the_rows_gives_way_to_the_binary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _needs_soffice()
    doc = convert(_merged_docx(), "docx", "doc:MS Word 97")
    flat = docx.Document()  # what LibreOffice made of some tables: their text as paragraphs
    for line in ("KẾ HOẠCH", "STT Nội dung Cơ quan chủ trì", "1 Cập nhật danh mục Văn phòng UBND"):
        flat.add_paragraph(line)
    monkeypatch.setattr(doc_reader, "convert_legacy", lambda _data, _target: _bytes(flat))
    plan = read_plan(Path("plan.doc"), doc)
    assert [t.ref for t in plan.tasks] == ["A.1", "A.2", "A.3", "B.4"]
    assert any("đọc trực tiếp từ tệp .doc" in w for w in plan.report.warnings)


def test_a_complete_conversion_is_kept() -> None:
    _needs_soffice()
    doc = convert(_merged_docx(), "docx", "doc:MS Word 97")
    plan = read_plan(Path("plan.doc"), doc)
    assert [t.ref for t in plan.tasks] == ["A.1", "A.2", "A.3", "B.4"]
    assert not any("đọc trực tiếp" in w for w in plan.report.warnings)


def test_a_damaged_doc_binary_is_refused_as_a_doc_error() -> None:
    with pytest.raises(DocError):
        binary_doc_blocks(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DocError):
        binary_doc_blocks(b"not a compound file")


def test_without_libreoffice_a_doc_is_read_from_its_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_soffice()  # to make the .doc; the reading below runs as if it were not installed
    doc = convert(_merged_docx(), "docx", "doc:MS Word 97")
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)

    def no_conversion(_data: bytes, _target: str) -> bytes:
        raise AssertionError("LibreOffice must not be called")

    monkeypatch.setattr(doc_reader, "convert_legacy", no_conversion)
    plan = read_plan(Path("plan.doc"), doc)
    assert [t.ref for t in plan.tasks] == ["A.1", "A.2", "A.3", "B.4"]
    assert any("chưa cài LibreOffice" in w for w in plan.report.warnings)


def test_without_libreoffice_a_doc_with_no_table_is_refused_in_vietnamese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)
    monkeypatch.setattr("bot.plans.doc_convert.find_soffice", lambda which=None: None, raising=True)
    with pytest.raises(BadDocument, match="chưa cài LibreOffice"):
        read_plan(Path("plan.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
