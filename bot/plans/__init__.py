"""Reading plan documents (.docx, .doc, .xlsx, PDF, or a text export) into ``PlanDraft``s."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.errors import BadDocument
from bot.model import PlanDraft, ReadReport
from bot.plans.blocks import Block
from bot.plans.budget import ReadBudget
from bot.plans.dedupe import drop_duplicates
from bot.plans.doc_convert import convert_legacy
from bot.plans.doc_reader import read_doc
from bot.plans.docx_reader import read_docx_blocks
from bot.plans.intake import MAX_FILE_BYTES, check_size, decode_text, kind_of
from bot.plans.meta import read_meta
from bot.plans.parser import parse_blocks
from bot.plans.pdf_reader import read_pdf_blocks
from bot.plans.report import Notes
from bot.plans.report import build as build_report
from bot.plans.text_reader import read_text_blocks
from bot.plans.xlsx_reader import read_xlsx_blocks

__all__ = ["read_plan", "read_blocks", "plan_from_blocks", "MAX_FILE_BYTES"]


def read_blocks(name: str, data: bytes, budget: ReadBudget | None = None) -> list[Block]:
    """Lines and rows of a document, its kind told by its content."""
    check_size(len(data))
    kind = kind_of(name, data)
    if kind == "doc" and not name.lower().endswith(".xls"):
        return read_doc(data, budget if budget is not None else ReadBudget())
    if kind == "doc":
        data, kind = convert_legacy(data, "xlsx"), "xlsx"
    if kind == "docx":
        return read_docx_blocks(data, budget)
    if kind == "xlsx":
        return read_xlsx_blocks(data, budget)
    if kind == "pdf":
        return read_pdf_blocks(data)
    return read_text_blocks(decode_text(data), budget)


def plan_from_blocks(source: str, blocks: list[Block], warnings: tuple[str, ...] = ()) -> PlanDraft:
    """Metadata and tasks of a document already split into blocks; identical rows kept once.

    ``warnings`` (the reader's notes on values clamped) come first in the report's warnings.
    """
    notes = Notes()
    tasks, duplicates = drop_duplicates(parse_blocks(blocks, notes))
    meta = read_meta(blocks)
    sections: list[str] = []
    for t in tasks:
        if t.section and t.section not in sections:
            sections.append(t.section)
    return PlanDraft(
        source=source,
        issuer=meta.issuer,
        year=meta.year,
        number=meta.number,
        title=meta.title,
        doc_date=meta.doc_date,
        sections=tuple(sections),
        tasks=tasks,
        report=_with_warnings(build_report(notes, list(tasks)), warnings),
        duplicates=duplicates,
    )


def _with_warnings(report: ReadReport, warnings: tuple[str, ...]) -> ReadReport:
    return replace(report, warnings=(*warnings, *report.warnings)) if warnings else report


def read_plan(path: Path, data: bytes | None = None) -> PlanDraft:
    """Read a plan from a file (or from ``data`` named by ``path``); raises BadDocument."""
    if data is None:
        size = path.stat().st_size
        check_size(size)
        data = path.read_bytes()
    budget = ReadBudget()
    blocks = read_blocks(path.name, data, budget)
    try:
        plan = plan_from_blocks(path.name, blocks, budget.report())
    except BadDocument as exc:  # say what was clamped: it may be why no task was found
        if not budget.notes:
            raise
        raise BadDocument(f"{exc.message} Lưu ý khi đọc: {'; '.join(budget.report()[:3])}") from exc
    budget.check_time()
    return plan
