"""Sections of a task table: Roman and letter rows, appendix lines, decimal rows over 1.1, 1.2.

A row is a section, not a task, when it carries a label and a title only (no units, deadline or
product of its own) and, for a decimal or numbered row, tasks numbered beneath it follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Row
from bot.plans.cells import clean

ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))$")
SECTION = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3})|[A-ZĐ])(?:\.|\s|$)\s*(.*)$", re.DOTALL)
# A task number: 1, 01, 1.2, 1.2.3 (a trailing dot or bracket allowed), or a lower-case letter.
NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)[.)]?$")
LETTER = re.compile(r"^([a-zđ])[.)]?$")
LINE_ROMAN = re.compile(r"^(#+\s*)?(X{0,3}(?:IX|IV|V?I{0,3}))\.\s+(.+)$")
LINE_APPENDIX = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_OWN_VALUES = (C.LEAD, C.SUPPORT, C.UNITS, C.DEADLINE, C.RESULT)


def roman_value(label: str) -> int:
    """Value of a Roman numeral (0 for anything else)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(label):
        v = values.get(ch, 0)
        if i + 1 < len(label) and values.get(label[i + 1], 0) > v:
            total -= v
        else:
            total += v
    return total


@dataclass
class Sections:
    """The open section levels: appendix line, letter, Roman, decimal row (outer to inner)."""

    appendix: tuple[str, str] | None = None
    letter: tuple[str, str] | None = None
    roman: tuple[str, str] | None = None
    decimal: tuple[str, str] | None = None

    def labels(self) -> tuple[tuple[str, ...], str | None]:
        """The labels a task's ref starts with, and the innermost section's title."""
        levels = [lv for lv in (self.appendix, self.letter, self.roman) if lv is not None]
        labels = tuple(lv[0] for lv in levels)
        if self.decimal is not None:
            return labels, self.decimal[1]
        return labels, (levels[-1][1] if levels else None)

    def on_line(self, text: str, blocks: list[Block], idx: int, seen_table: bool, skipping: bool) -> None:  # fmt: skip
        """A paragraph between tables may open an appendix ("1. …") or a Roman section."""
        nxt = blocks[idx + 1] if idx + 1 < len(blocks) else None
        plain = clean(text)
        m = LINE_APPENDIX.match(plain)
        if m and isinstance(nxt, Row) and not skipping:
            self.appendix = (m.group(1), m.group(2).strip())
            self.letter = self.roman = self.decimal = None
            return
        if not seen_table:
            return
        m2 = LINE_ROMAN.match(text.replace("**", "").strip())
        if m2 and m2.group(2):
            expected = roman_value(self.roman[0]) + 1 if self.roman else 1
            if m2.group(1) or roman_value(m2.group(2)) == expected:
                self.roman = (m2.group(2), clean(m2.group(3)))
                self.decimal = None

    def open(self, first: str, others: list[str]) -> str:
        """Open the section of a Roman or letter row; its title."""
        m = SECTION.match(first)
        assert m is not None
        label, title = m.group(1), m.group(2).strip()
        title = _title(title or next((o for o in others if o), ""))
        if ROMAN.match(label):
            self.roman = (label, title)
        else:
            self.letter = (label, title)
            self.roman = None
        self.decimal = None
        return title

    def open_decimal(self, number: str, others: list[str]) -> str:
        title = _title(next((o for o in others if o), ""))
        self.decimal = (number, title)
        return title

    def close_decimal(self, number: str) -> None:
        """A task numbered outside the open decimal section ends it (1.3 then 2 …)."""
        inside = self.decimal is None or number.startswith(self.decimal[0] + ".")
        if not inside and not LETTER.match(number):
            self.decimal = None


def _title(text: str) -> str:
    return text.strip().rstrip(":").strip()


def has_own_values(raw: tuple[str, ...], roles: tuple[str | None, ...]) -> bool:
    """True when the row itself (not a merge from above) names units, a deadline or a product."""
    for i, role in enumerate(roles):
        if role in _OWN_VALUES and i < len(raw) and raw[i] != MERGED and clean(raw[i]):
            return True
    return False


def is_label_section(first: str, raw: tuple[str, ...], roles: tuple[str | None, ...]) -> bool:
    """A Roman or capital-letter row with no units or deadline of its own."""
    m = SECTION.match(first)
    if not m or not m.group(1):
        return False
    for i, role in enumerate(roles):
        unit_or_time = role in (C.LEAD, C.SUPPORT, C.UNITS, C.DEADLINE)
        if unit_or_time and i < len(raw) and raw[i] != MERGED and clean(raw[i]):
            return False
    return True


def numbered_rows_after(blocks: list[Block], idx: int, table: int) -> str | None:
    """The number of the next row of the same table that has one (None at a section or the end)."""
    for block in blocks[idx + 1 : idx + 40]:
        if not isinstance(block, Row) or block.table != table:
            return None
        first = clean(block.cells[0]) if block.cells and block.cells[0] != MERGED else ""
        if not first:
            continue
        if NUMBER.match(first) or LETTER.match(first):
            return first.rstrip(".)")
        return None
    return None


def is_decimal_section(
    number: str, raw: tuple[str, ...], roles: tuple[str | None, ...], below: str | None
) -> bool:
    """A numbered row with a title only, over tasks numbered beneath it (2 over 2.1, or a)."""
    if has_own_values(raw, roles) or below is None:
        return False
    return below.startswith(number + ".") or bool(LETTER.match(below))
