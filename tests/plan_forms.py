"""A plan's gold made into the forms offices send: .docx, PDF and .doc (LibreOffice), .xlsx.

The .docx is the sample builder's (real Word tables, vertically merged lead cells, list
paragraphs), given what Word gives a real plan: column widths, a header row repeated on every
page, a running head and a page number in the footer. The PDF and the .doc are LibreOffice's
exports of it. The .xlsx is built with openpyxl as offices keep plans in Excel: a cover sheet,
title rows merged across the table, a two-row header, section rows merged across, lead units
merged down consecutive tasks, Alt+Enter lines for several units, deadlines as real dates.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from tests.test_plans_gold import load_docx_builder

# Column widths (cm) by header, as a clerk sets them in a landscape A4 plan.
_WIDTHS = {
    "STT": 1.2,
    "Stt": 1.2,
    "Nội dung công việc": 8.5,
    "Nội dung": 8.5,
    "Đơn vị chủ trì": 3.6,
    "Cơ quan chủ trì": 3.6,
    "Đơn vị phối hợp": 3.8,
    "Cơ quan phối hợp": 3.8,
    "Thời gian thực hiện": 2.8,
    "Thời gian hoàn thành": 2.8,
    "Kết quả": 3.4,
    "Kết quả thực hiện": 3.4,
    "Ghi chú": 1.8,
}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, source_ext: str, target: str) -> bytes:
    """LibreOffice's export of a document (a private profile, as the bot's converter does)."""
    program = soffice()
    assert program is not None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"plan.{source_ext}"
        src.write_bytes(data)
        profile = (Path(tmp) / f"profile-{uuid.uuid4().hex}").as_uri()
        subprocess.run(
            [program, "--headless", "--norestore", f"-env:UserInstallation={profile}",
             "--convert-to", target, "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        return (Path(tmp) / f"plan.{target.split(':')[0]}").read_bytes()


def _field(paragraph: Any, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def plan_docx(gold: dict[str, Any], layout: int = 0) -> bytes:
    """The sample builder's .docx, laid out as a real plan is (landscape, widths, repeats)."""
    doc = Document(io.BytesIO(load_docx_builder().plan_docx(gold, layout=layout)))
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.header.paragraphs[0].text = f"Kế hoạch số {gold.get('number') or '/KH'}"
    footer = section.footer.paragraphs[0]
    footer.text = "Trang "
    _field(footer, "PAGE")
    for table in doc.tables:
        table.autofit = False
        heads = [c.text for c in table.rows[0].cells]
        for col, head in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), heads, strict=False):
            col.set(qn("w:w"), str(Cm(_WIDTHS.get(head, 3.0)).twips))
        for row in table.rows:
            for cell, head in zip(row.cells, heads, strict=False):
                cell.width = Cm(_WIDTHS.get(head, 3.0))
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _date(text: str | None) -> datetime | None:
    try:
        return datetime.strptime(text or "", "%d/%m/%Y")
    except ValueError:
        return None


def plan_xlsx(gold: dict[str, Any]) -> bytes:
    """An Excel plan: cover sheet, merged titles, two-row header, merged sections and units."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    wb = Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover["A1"] = "HỒ SƠ KẾ HOẠCH"
    cover["A2"] = f"Năm {gold['year']}"
    ws = wb.create_sheet("Kế hoạch")
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    issuer = gold["issuer"].replace("UBND", "ỦY BAN NHÂN DÂN").upper()
    ws.append([issuer, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append([None, None, None, "Độc lập - Tự do - Hạnh phúc"])
    ws.append(
        [
            f"Số: {gold.get('number') or '/KH'}",
            None,
            None,
            f"Hà Tĩnh, ngày 10 tháng 01 năm {gold['year']}",
        ]
    )
    ws.append([])
    ws.append(["KẾ HOẠCH"])
    ws.append([gold.get("title") or f"Kiểm soát thủ tục hành chính năm {gold['year']}"])
    ws.append([])
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=6)
    for r in (5, 6):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    ws.append(
        ["STT", "Nội dung công việc", "Cơ quan thực hiện", None, "Thời gian hoàn thành", "Kết quả"]
    )
    ws.append([None, None, "Cơ quan chủ trì", "Cơ quan phối hợp", None, None])
    head = ws.max_row - 1
    for col in (1, 2, 5, 6):
        ws.merge_cells(start_row=head, start_column=col, end_row=head + 1, end_column=col)
    ws.merge_cells(start_row=head, start_column=3, end_row=head, end_column=4)
    section = None
    parents: list[int] = []
    runs: list[tuple[int, int, list[str]]] = []  # rows of consecutive tasks with one lead
    for task in gold["tasks"]:
        label, number = task["ref"].rsplit(".", 1)
        if task["section"] != section:
            section = task["section"]
            ws.append([label, section])
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=6)
        deadline: Any = _date(task["deadline"]) or task["deadline"]
        m = re.match(r"^(\d+)([a-z]?)$", number)
        assert m is not None, task["ref"]
        sub = m.group(2) not in ("", "a")
        ws.append([None if sub else float(m.group(1)),
                   None if sub and m.group(2) != "x" else task["content"],
                   "\n".join(task["lead"]), "\n".join(task["support"]), deadline,
                   task["result"]])  # fmt: skip
        row = ws.max_row
        if sub:  # a sub-assignment shares its task's number (and content) cell
            parent = parents[-1]
            for col in (1,) if m.group(2) == "x" else (1, 2):
                ws.merge_cells(start_row=parent, start_column=col, end_row=row, end_column=col)
        else:
            parents.append(row)
        if isinstance(deadline, datetime):
            ws.cell(row, 5).number_format = "dd/mm/yyyy"
        if runs and runs[-1][2] == task["lead"] and runs[-1][1] == row - 1:
            ws.cell(row, 3).value = None  # the lead merged down from the task above
            runs[-1] = (runs[-1][0], row, task["lead"])
        else:
            runs.append((row, row, task["lead"]))
    for first, last, _lead in runs:
        if last > first:
            ws.merge_cells(start_row=first, start_column=3, end_row=last, end_column=3)
    for row in ws.iter_rows(min_row=head, max_row=ws.max_row, max_col=6):
        for cell in row:
            cell.border = box
            cell.alignment = wrap
    ws.append([])
    ws.append([None, "Nơi nhận:", None, None, "KT. CHỦ TỊCH"])
    ws.append([None, "- Như trên;", None, None, "PHÓ CHỦ TỊCH"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def enlarged(gold: dict[str, Any], n: int, per_section: int = 16) -> dict[str, Any]:
    """A plan of ``n`` tasks made of the gold's tasks, ``per_section`` tasks to a section."""
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
    tasks = []
    for i in range(n):
        task = dict(gold["tasks"][i % len(gold["tasks"])])
        if i >= len(gold["tasks"]):  # distinct rows: identical ones are read as one task
            task["content"] = f"{task['content']} (đợt {i // len(gold['tasks']) + 1})"
        s = i // per_section
        task["ref"] = f"{romans[s % len(romans)]}.{i % per_section + 1}"
        task["section"] = f"Nhóm nhiệm vụ thứ {s + 1}"
        tasks.append(task)
    return dict(gold, tasks=tasks)
