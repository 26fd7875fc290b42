"""Build a .docx plan from a JSON description of its tasks (the import's JSON form).

Used to make the project's sample plan (``python samples/build_docx.py``) and, in tests, .docx
versions of the seed plans from their gold annotations. The tables are real Word tables: a
lead cell repeated on consecutive tasks is vertically merged, sub-assignments merge their
number (and, when they share it, content) with the task above, unit lists are list paragraphs.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any

from docx import Document

_REF = re.compile(r"^(?:(.*)\.)?(\d+)([a-z]?)$")
_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))$")

LAYOUTS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("stt", "STT"),
        ("content", "Nội dung công việc"),
        ("lead", "Đơn vị chủ trì"),
        ("support", "Đơn vị phối hợp"),
        ("deadline", "Thời gian thực hiện"),
        ("result", "Kết quả"),
        ("notes", "Ghi chú"),
    ),
    (
        ("stt", "Stt"),
        ("content", "Nội dung"),
        ("result", "Kết quả thực hiện"),
        ("lead", "Cơ quan chủ trì"),
        ("support", "Cơ quan phối hợp"),
        ("deadline", "Thời gian hoàn thành"),
        ("notes", "Ghi chú"),
    ),
)


def _split_ref(ref: str) -> tuple[list[str], str, str]:
    m = _REF.match(ref)
    if not m:
        raise ValueError(f"unexpected ref {ref!r}")
    labels = m.group(1).split(".") if m.group(1) else []
    return labels, m.group(2), m.group(3)


def _set_lines(cell: Any, lines: list[str], as_list: bool) -> None:
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        p.text = line
        if as_list:
            p.style = "List Bullet"
        first = False


def plan_docx(plan: dict[str, Any], layout: int = 0) -> bytes:
    """The .docx bytes of a plan given as {"issuer", "year", "number", "title", "tasks": [...]}."""
    cols = LAYOUTS[layout % len(LAYOUTS)]
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph(plan.get("title") or f"Kiểm soát thủ tục hành chính năm {plan.get('year')}")
    doc.add_paragraph(
        f"(Kèm theo Kế hoạch số {plan.get('number') or '/KH'} ngày 10/01/{plan.get('year')} "
        f"của {plan.get('issuer')})"
    )
    table = None
    current: dict[str, str] = {}
    previous: dict[str, Any] | None = None
    parent_row: int | None = None
    for task in plan["tasks"]:
        labels, number, suffix = _split_ref(task["ref"])
        appendix = labels[0] if labels and labels[0].isdigit() else None
        if table is None or (appendix or "") != current.get("appendix"):
            if appendix is not None:
                title = task["section"] if len(labels) == 1 else f"Phần {appendix}"
                doc.add_paragraph(f"{appendix}. {title}")
            table = doc.add_table(rows=1, cols=len(cols))
            table.style = "Table Grid"
            for i, (_key, text) in enumerate(cols):
                table.rows[0].cells[i].text = text
            current = {"appendix": appendix or ""}
            previous = None
        levels = [lb for lb in labels if not lb.isdigit()]
        for depth, label in enumerate(levels):
            key = f"level{depth}"
            innermost = depth == len(levels) - 1
            title = task["section"] if innermost else f"Phần {label}"
            if current.get(key) != label or (
                innermost and current.get("section") != task["section"]
            ):
                row = table.add_row().cells
                row[0].text = label
                merged = row[1].merge(row[len(cols) - 1])
                merged.text = title
                current[key] = label
                for deeper in range(depth + 1, 4):
                    current.pop(f"level{deeper}", None)
                if innermost:
                    current["section"] = task["section"] or ""
                previous = None
        sub = suffix not in ("", "a")
        row_index = len(table.rows)
        cells = table.add_row().cells
        values = {
            "stt": "" if sub else number,
            "content": "" if sub and suffix != "x" else task["content"],
            "result": task.get("result") or "",
            "deadline": task.get("deadline") or "",
            "notes": task.get("notes") or "",
        }
        for i, (key, _text) in enumerate(cols):
            if key in ("lead", "support"):
                continue
            if values[key]:
                cells[i].text = values[key]
        if sub and parent_row is not None:
            # The sub-assignment shares the number (and the content) cell of its task.
            for key in ("stt",) + (("content",) if suffix != "x" else ()):
                i = [k for k, _ in cols].index(key)
                table.cell(parent_row, i).merge(table.cell(row_index, i))
        else:
            parent_row = row_index
        lead_i = [k for k, _ in cols].index("lead")
        support_i = [k for k, _ in cols].index("support")
        if previous is not None and previous["lead"] == task["lead"] and task["lead"]:
            # Lead repeated on consecutive tasks: one vertically merged cell.
            table.cell(previous["row"], lead_i).merge(table.cell(row_index, lead_i))
        else:
            _set_lines(cells[lead_i], task["lead"], as_list=len(task["lead"]) > 1)
        _set_lines(cells[support_i], task["support"], as_list=len(task["support"]) > 1)
        if previous is not None and previous["lead"] == task["lead"] and task["lead"]:
            previous = {"lead": task["lead"], "row": previous["row"]}
        else:
            previous = {"lead": task["lead"], "row": row_index}
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main(argv: list[str]) -> int:
    """python samples/build_docx.py [PLAN.json [OUT.docx]] (default: the 2026 sample plan)."""
    here = Path(__file__).resolve().parent
    src = Path(argv[0]) if argv else here / "ke_hoach_mau_2026.json"
    dst = Path(argv[1]) if len(argv) > 1 else src.with_suffix(".docx")
    plan = json.loads(src.read_text(encoding="utf-8"))
    dst.write_bytes(plan_docx(plan, layout=int(plan.get("layout", 0))))
    print(f"wrote {dst} ({len(plan['tasks'])} tasks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
