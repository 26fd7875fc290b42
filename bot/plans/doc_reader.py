"""A Word 97 (.doc) plan: LibreOffice's conversion, checked against the file's own binary.

LibreOffice reads most .doc files well, but it can lose a table's rows (it turned the rows of
some tables with merged cells into loose paragraphs). The binary is read too (doc_tables.py),
and when it holds clearly more task rows than the conversion, its rows are used instead and
the report says so.
"""

from __future__ import annotations

from bot.plans.blocks import MERGED, Block, Row
from bot.plans.budget import ReadBudget
from bot.plans.cells import clean
from bot.plans.doc_binary import DocError
from bot.plans.doc_convert import convert_legacy, find_soffice
from bot.plans.doc_tables import binary_doc_blocks
from bot.plans.docx_reader import read_docx_blocks

LOST_ROWS = 3  # task rows the conversion may miss before the binary's reading is preferred
FALLBACK_NOTE = (
    "Tệp .doc: bản chuyển sang .docx bằng LibreOffice thiếu {lost} dòng bảng nên các bảng "
    "được đọc trực tiếp từ tệp .doc; nên đối chiếu lại với tệp gốc."
)


NO_LIBREOFFICE_NOTE = (
    "Tệp .doc: máy chủ chưa cài LibreOffice nên tệp được đọc trực tiếp (không đọc được số "
    "thứ tự tự động của Word); nên đối chiếu lại với tệp gốc."
)


def task_rows(blocks: list[Block]) -> int:
    """Table rows with at least three cells of text (a task: content, units, time …)."""
    return sum(
        1
        for b in blocks
        if isinstance(b, Row) and sum(1 for c in b.cells if c != MERGED and clean(c)) >= 3
    )


def read_doc(data: bytes, budget: ReadBudget) -> list[Block]:
    """Lines and rows of a .doc: the conversion's, or the binary's when the conversion lost
    rows or LibreOffice is not installed; raises BadDocument when neither reads the file."""
    if find_soffice() is None:
        # Without LibreOffice the binary's own tables are the plan, when it holds tasks;
        # else the refusal says how to send a .docx instead.
        try:
            binary = binary_doc_blocks(data)
        except DocError:
            binary = []
        if task_rows(binary) > 0:
            budget.note(NO_LIBREOFFICE_NOTE)
            return binary
    converted = read_docx_blocks(convert_legacy(data, "docx"), budget)
    try:
        binary = binary_doc_blocks(data)
    except DocError:
        return converted
    lost = task_rows(binary) - task_rows(converted)
    if lost < LOST_ROWS:
        return converted
    budget.note(FALLBACK_NOTE.format(lost=lost))
    return binary
