"""Reading plan documents (.docx or their text export) into ``PlanDraft``s."""

from __future__ import annotations

from pathlib import Path

from bot.errors import BadDocument
from bot.model import PlanDraft
from bot.plans.blocks import Block
from bot.plans.budget import ReadBudget
from bot.plans.dedupe import drop_duplicates
from bot.plans.docx_reader import read_docx_blocks
from bot.plans.intake import MAX_FILE_BYTES, check_size, decode_text, kind_of
from bot.plans.meta import read_meta
from bot.plans.parser import parse_blocks
from bot.plans.text_reader import read_text_blocks

__all__ = ["read_plan", "read_blocks", "plan_from_blocks", "MAX_FILE_BYTES"]


def read_blocks(name: str, data: bytes, budget: ReadBudget | None = None) -> list[Block]:
    """Lines and rows of a document, its kind told by its content."""
    check_size(len(data))
    if kind_of(name, data) == "docx":
        return read_docx_blocks(data, budget)
    return read_text_blocks(decode_text(data), budget)


def plan_from_blocks(source: str, blocks: list[Block], warnings: tuple[str, ...] = ()) -> PlanDraft:
    """Metadata and tasks of a document already split into blocks; identical rows kept once."""
    tasks, duplicates = drop_duplicates(parse_blocks(blocks))
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
        warnings=warnings,
        duplicates=duplicates,
    )


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
