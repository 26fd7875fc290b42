"""Build the office-forms regression plans from gold_src.py (gold first, then the documents).

    .venv/bin/python tests/data/plans/office_forms/build.py          # .docx/.xlsx + PDF/.doc
    .venv/bin/python tests/data/plans/office_forms/build.py --no-lo  # without LibreOffice

The .docx is written by python-docx, with raw WordprocessingML for what it cannot write the way
Word does (``w:vMerge`` restart/continue, ``w:gridSpan`` section rows, text cut into runs); the
workbook by openpyxl with merged ranges; the PDF and .doc are LibreOffice's exports
(``soffice --headless --convert-to pdf`` / ``doc:"MS Word 97"``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gold_src import PLAN_A, PLAN_B, gold_tasks  # noqa: E402


def _runs(paragraph: Any, text: str) -> None:
    """Text cut into runs (after edits Word keeps several, sometimes mid-word)."""
    cuts = sorted({len(text) // 3, len(text) // 3 + 1, (2 * len(text)) // 3} - {0, len(text)})
    start = 0
    for cut in [*cuts, len(text)]:
        if cut > start:
            run = paragraph.add_run(text[start:cut])
            run.font.size = Pt(12)
        start = cut


def _write(cell: Any, lines: list[str] | str) -> None:
    lines = [lines] if isinstance(lines, str) else lines
    cell.text = ""
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        _runs(first if k == 0 else cell.add_paragraph(), line)


def _vmerge(cell: Any, restart: bool) -> None:
    el = OxmlElement("w:vMerge")
    if restart:
        el.set(qn("w:val"), "restart")
    cell._tc.get_or_add_tcPr().append(el)


def build_docx(plan: dict[str, Any], path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph(plan["issuer"].upper())
    doc.add_paragraph(f"Số: {plan['number']}")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    header = ("TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian hoàn thành", "Kết quả")
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _write(cell, text)
    for label, title, tasks in plan["sections"]:
        cells = table.add_row().cells
        _write(cells[0], label)
        merged = cells[1].merge(cells[4])  # w:gridSpan 4
        _write(merged, title)
        prev_time = None
        for n, t in enumerate(tasks, 1):
            cells = table.add_row().cells
            _write(cells[0], f"{n}.")
            _write(cells[1], t["content"])
            _write(cells[2], t["units_cell"])
            if t.get("time_merged_with_above"):
                assert prev_time is not None
                _vmerge(prev_time, restart=True)
                _vmerge(cells[3], restart=False)  # Word leaves the continuing cell empty
            else:
                _write(cells[3], t.get("time_cell") or t.get("deadline") or "")
            _write(cells[4], t.get("result_cell") or t.get("result") or "")
            prev_time = cells[3]
    doc.add_paragraph("Nơi nhận:")
    doc.core_properties.author = "Văn phòng"
    doc.save(path)


def build_xlsx(plan: dict[str, Any], path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws["A1"] = plan["issuer"].upper()
    ws["A2"] = f"Số: {plan['number']}"
    ws["A3"] = "KẾ HOẠCH"
    ws["A4"] = "Kiểm soát thủ tục hành chính năm 2026"
    top = 6
    heads = {1: "STT", 2: "Nội dung công việc", 3: "Đơn vị", 5: "Thời gian thực hiện", 7: "Kết quả"}
    heads[8] = "Ghi chú"
    for col, text in heads.items():
        ws.cell(top, col, text)
    for col, text in {3: "Chủ trì", 4: "Phối hợp", 5: "Bắt đầu", 6: "Hoàn thành"}.items():
        ws.cell(top + 1, col, text)
    for col in (1, 2, 7, 8):
        ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
    ws.merge_cells(start_row=top, start_column=5, end_row=top, end_column=6)
    r = top + 2
    for label, title, tasks in plan["sections"]:
        ws.cell(r, 1, label)
        ws.cell(r, 2, title)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
        r += 1
        for n, t in enumerate(tasks, 1):
            values = [n, t["content"], t["lead_cell"], t["support_cell"], t["start"]]
            values += [None if t.get("time_merged_with_above") else t.get("deadline")]
            values += [t.get("result"), None]
            for col, v in enumerate(values, 1):
                if v not in (None, ""):
                    ws.cell(r, col, v).alignment = Alignment(wrap_text=True, vertical="top")
            if t.get("time_merged_with_above"):
                ws.merge_cells(start_row=r - 1, start_column=6, end_row=r, end_column=6)
            r += 1
    wb.save(path)


def export(src: Path, form: str) -> None:
    """LibreOffice's export of ``src`` next to it (one user profile per conversion)."""
    target = {"pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97"}[form]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(src.parent),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )


def main(argv: list[str]) -> int:
    files, gold = HERE / "files", HERE / "gold"
    files.mkdir(exist_ok=True)
    gold.mkdir(exist_ok=True)
    manifest = []
    for plan, form in ((PLAN_A, "docx"), (PLAN_B, "xlsx")):
        name = plan["name"]
        body = {"file": f"{name}.{form}", "issuer": plan["issuer"], "year": 2026}
        body |= {"number": plan["number"], "tasks": gold_tasks(plan)}
        text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
        (gold / f"{name}.json").write_text(text, encoding="utf-8")
        src = files / f"{name}.{form}"
        (build_docx if form == "docx" else build_xlsx)(plan, src)
        forms = [form]
        if form == "docx" and "--no-lo" not in argv and shutil.which("soffice"):
            for lo in ("pdf", "doc"):
                export(src, lo)
                forms.append(lo)
        for f in forms:
            manifest.append({"file": f"files/{name}.{f}", "gold": f"gold/{name}.json", "form": f})
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
