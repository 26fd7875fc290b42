"""Shared by the spreadsheet and PDF readers: a table's spans → rows shaped as the .docx gives them.

The .docx reader yields, for a cell merged over several columns, its text then "" for each
column it covers, and for a cell merged down several rows ``MERGED`` on every row below; a
cell holding several paragraphs becomes an HTML list. The other readers build the same shape
so the parser reads every form alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.plans.blocks import MERGED
from bot.text import nfc

# Bullets drawn by a list style (Symbol-font bullets land in the private use area).
GLYPHS = ("•", "●", "▪", "◦", "∙", "·", "\uf0b7", "\uf0a7", "\uf076", "\uf0d8")


@dataclass(frozen=True)
class Span:
    """A cell of the table: rows ``top..bottom`` and columns ``left..right`` (inclusive)."""

    top: int
    left: int
    bottom: int
    right: int
    text: str


def cell_text(paragraphs: list[str]) -> str:
    """One cell from its paragraphs (lines): a bullet becomes "- ", several make a list."""
    paras: list[str] = []
    for raw in paragraphs:
        text = nfc(raw).strip()
        if not text:
            continue
        if text.startswith(GLYPHS):
            text = "- " + text[1:].strip()
        paras.append(text)
    if len(paras) <= 1:
        return paras[0] if paras else ""
    return "<ul>" + "".join(f"<li>{t}</li>" for t in paras) + "</ul>"


def rows_of(n_rows: int, n_cols: int, spans: list[Span]) -> list[tuple[str, ...]]:
    """The table's rows: each span's text at its top-left, "" across, ``MERGED`` below."""
    grid = [[""] * n_cols for _ in range(n_rows)]
    for s in spans:
        if not (0 <= s.top < n_rows and 0 <= s.left < n_cols):
            continue
        grid[s.top][s.left] = s.text
        for r in range(s.top + 1, min(s.bottom, n_rows - 1) + 1):
            for c in range(s.left, min(s.right, n_cols - 1) + 1):
                grid[r][c] = MERGED
    return [tuple(row) for row in grid]
