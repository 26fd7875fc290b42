"""Each form told apart by content, and the messages for what cannot be read (scans, no LibreOffice)."""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.errors import BadDocument
from bot.plans import doc_convert, read_blocks, read_plan
from bot.plans.blocks import MERGED, Line, Row
from bot.plans.intake import kind_of
from bot.plans.xlsx_sheet import date_text
from tests.conftest import ROOT
from tests.plan_forms import convert, plan_docx, plan_xlsx, soffice

GOLD = json.loads((ROOT / "tests" / "data" / "plans" / "formats_2026.json").read_text("utf-8"))


def test_each_form_is_told_by_its_content_not_its_name() -> None:
    docx, xlsx = plan_docx(GOLD), plan_xlsx(GOLD)
    assert kind_of("ke_hoach.xlsx", docx) == "docx"  # a Word file named .xlsx
    assert kind_of("ke_hoach.docx", xlsx) == "xlsx"  # a workbook named .docx
    assert kind_of("ke_hoach.txt", b"%PDF-1.7\n...") == "pdf"
    assert kind_of("ke_hoach.pdf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64) == "doc"
    assert kind_of("ke_hoach.pdf", "STT\tNội dung\n".encode()) == "text"
    # A workbook is read as one, and no longer called "not a Word document".
    plan = read_plan(Path("ke_hoach.docx"), xlsx)
    assert len(plan.tasks) == len(GOLD["tasks"])


def test_a_zip_that_is_neither_word_nor_excel_says_so() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("xl/other.xml", "<x/>")
    with pytest.raises(BadDocument, match=r"\.docx.*\.xlsx"):
        read_plan(Path("bang.xlsx"), out.getvalue())


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("dd/mm/yyyy", "30/06/2026"),
        ("d/m/yyyy", "30/6/2026"),
        ("[$-42A]dd/mm/yyyy;@", "30/06/2026"),
        ("mm-dd-yy", "30/06/2026"),  # Excel's locale short date: the Vietnamese order
        ("dd/mm/yyyy hh:mm", "30/06/2026"),
        ("General", "30/06/2026"),
    ],
)
def test_a_date_cell_reads_as_the_sheet_shows_it(fmt: str, shown: str) -> None:
    assert date_text(datetime(2026, 6, 30, 8, 15), fmt) == shown
    assert date_text(date(2026, 6, 30), fmt) == shown


def test_xlsx_cells_read_like_the_docx_cells() -> None:
    """Cover sheet skipped, title rows become lines, 1.0 reads "1", Alt+Enter lines become a
    list, a lead merged down reads as a vertical merge, a date cell as dd/mm/yyyy."""
    blocks = read_blocks("plan.xlsx", plan_xlsx(GOLD))
    lines = [b.text for b in blocks if isinstance(b, Line)]
    assert "HỒ SƠ KẾ HOẠCH" not in lines  # the cover sheet is not the plan
    assert lines[:2] == ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert "Nơi nhận:" in lines  # the rows after the table are not task rows
    rows = [b.cells for b in blocks if isinstance(b, Row)]
    numbered = [r for r in rows if r[0] == "3"]
    assert numbered and numbered[0][3] == "<ul><li>Sở Nội vụ</li><li>Sở Tư pháp</li></ul>"
    assert numbered[0][4] == "30/06/2026"
    assert any(r[0] == "4" and r[2] == MERGED for r in rows)  # lead merged down from task 3
    plan = read_plan(Path("plan.xlsx"), plan_xlsx(GOLD))
    by_ref = {t.ref: t for t in plan.tasks}
    assert by_ref["I.4"].lead == ("Văn phòng UBND tỉnh",)
    assert by_ref["I.3"].support == ("Sở Nội vụ", "Sở Tư pháp")
    assert by_ref["I.3"].deadline == "30/06/2026"


def _image_pdf() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (1240, 1754), "white")
    ImageDraw.Draw(img).rectangle((100, 300, 1140, 900), outline="black", width=4)
    out = io.BytesIO()
    img.save(out, format="PDF", resolution=150.0)
    return out.getvalue()


def test_a_scanned_pdf_is_refused_with_what_to_send_instead() -> None:
    with pytest.raises(BadDocument) as err:
        read_plan(Path("ke_hoach_scan.pdf"), _image_pdf())
    message = err.value.message
    assert "scan" in message and "ảnh" in message
    assert ".docx" in message and "PDF xuất trực tiếp từ Word" in message


def test_a_damaged_pdf_is_refused() -> None:
    with pytest.raises(BadDocument, match="PDF bị hỏng"):
        read_plan(Path("hong.pdf"), b"%PDF-1.7\n" + os.urandom(2000))


def test_without_libreoffice_a_doc_gets_how_to_convert_it(monkeypatch: pytest.MonkeyPatch) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    with pytest.raises(BadDocument) as err:
        doc_convert.convert_legacy(ole, which=lambda _name: None)
    assert "chưa cài LibreOffice" in err.value.message and "Lưu thành" in err.value.message
    assert ".docx" in err.value.message
    monkeypatch.setattr(doc_convert, "PROGRAMS", ("tthc-no-such-soffice",))
    with pytest.raises(BadDocument, match="chưa cài LibreOffice"):
        read_plan(Path("ke_hoach.doc"), ole)


def test_a_conversion_that_hangs_is_stopped_and_its_files_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    # A temporary directory of this test's own: other processes convert in /tmp at the same time.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with pytest.raises(BadDocument, match="quá lâu"):
        doc_convert.convert_legacy(b"\xd0\xcf\x11\xe0", which=lambda _n: str(fake), timeout=1.0)
    assert list(scratch.iterdir()) == []


def test_a_damaged_doc_is_refused_with_a_message() -> None:
    """LibreOffice refuses some damaged files and reads others as text: either way, a message."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    with pytest.raises(BadDocument, match=r"Không chuyển được tệp \.doc|Không tìm thấy bảng"):
        read_plan(Path("hong.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))


def test_a_pdf_drops_running_heads_page_numbers_and_repeated_headers() -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    long_plan = dict(GOLD, tasks=GOLD["tasks"] * 3)  # several pages
    blocks = read_blocks("plan.pdf", convert(plan_docx(long_plan), "docx", "pdf"))
    texts = [b.text for b in blocks if isinstance(b, Line)]
    assert not any(t.startswith(("Kế hoạch số", "Trang")) for t in texts), texts
    headers = [b for b in blocks if isinstance(b, Row) and b.cells[0] == "STT"]
    assert len(headers) == 1
    assert len({b.table for b in blocks if isinstance(b, Row)}) == 1  # one table over pages
