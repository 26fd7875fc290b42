"""What reading one plan may cost, and the numbers a document states, checked and bounded.

A .docx is XML anyone can write: ``<w:gridSpan w:val="200000000"/>`` in a 38 KB file once
asked for 200 million empty cells. Every number read from the XML goes through ``xml_number``
(clamped, with a note for the import report), and the reader spends from a ``ReadBudget``
(rows, cells, characters of text, seconds), which refuses the document with a Vietnamese
``BadDocument`` when it is spent.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from bot.errors import BadDocument

MAX_COLUMNS = 64  # cells in one table row; real plans have 4 to 10
MAX_ROWS = 30_000  # table rows and paragraphs read; the largest real plan has a few hundred
MAX_CELLS = 600_000
MAX_TEXT_CHARS = 30_000_000
MAX_SECONDS = 60.0
MAX_NOTES = 20  # notes kept for the report; the rest are counted

_DIGITS = re.compile(r"\s*\+?(\d+)\s*")


@dataclass
class ReadBudget:
    """The allowance of one read, spent as it goes, and the notes on values clamped."""

    max_rows: int = MAX_ROWS
    max_cells: int = MAX_CELLS
    max_text_chars: int = MAX_TEXT_CHARS
    max_seconds: float = MAX_SECONDS
    rows: int = 0
    cells: int = 0
    text_chars: int = 0
    notes: list[str] = field(default_factory=list)
    more_notes: int = 0
    started: float = field(default_factory=time.monotonic)

    def note(self, text: str) -> None:
        if text in self.notes:
            return
        if len(self.notes) < MAX_NOTES:
            self.notes.append(text)
        else:
            self.more_notes += 1

    def report(self) -> tuple[str, ...]:
        """The notes, the ones beyond the limit counted in a last line."""
        extra = (f"… và {self.more_notes} lưu ý khác.",) if self.more_notes else ()
        return (*self.notes, *extra)

    def spend(self, rows: int = 0, cells: int = 0, text_chars: int = 0) -> None:
        """Count what was read; refuse the document once a limit is passed."""
        self.rows += rows
        self.cells += cells
        self.text_chars += text_chars
        if self.rows > self.max_rows:
            raise BadDocument(
                f"Tài liệu quá lớn: hơn {self.max_rows:,} dòng bảng và đoạn văn. ".replace(",", ".")
                + "Kế hoạch thật không dài như vậy; hãy kiểm tra lại tệp."
            )
        if self.cells > self.max_cells:
            raise BadDocument(
                f"Tài liệu quá lớn: hơn {self.max_cells:,} ô bảng. ".replace(",", ".")
                + "Hãy kiểm tra lại tệp (có thể bảng bị gộp ô bất thường)."
            )
        if self.text_chars > self.max_text_chars:
            raise BadDocument(
                f"Tài liệu có quá nhiều chữ (hơn {self.max_text_chars // 1_000_000} triệu ký tự): "
                "không đọc tệp này."
            )

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.max_seconds:
            raise BadDocument(
                f"Đọc tài liệu quá {self.max_seconds:.0f} giây nên đã dừng: tệp quá lớn hoặc bất "
                "thường. Hãy kiểm tra lại tệp."
            )


def xml_number(
    raw: str | None, default: int, low: int, high: int, what: str, budget: ReadBudget | None
) -> int:
    """An integer attribute of the XML, within [low, high].

    Absent → ``default``; not a number ("six") → ``default`` with a note; out of range →
    clamped with a note. Never raises, and never converts a thousand-digit string.
    """
    if raw is None or not raw.strip():
        return default
    m = _DIGITS.fullmatch(raw)
    if m is None:
        if budget is not None:
            budget.note(f"{what}: giá trị «{raw[:20]}» không phải số, coi như {default}.")
        return default
    digits = m.group(1).lstrip("0") or "0"
    value = int(digits) if len(digits) <= 12 else high + 1
    if low <= value <= high:
        return value
    bounded = min(max(value, low), high)
    if budget is not None:
        shown = digits if len(digits) <= 12 else digits[:12] + "…"
        budget.note(f"{what}: giá trị {shown} vượt giới hạn, đã giới hạn còn {bounded}.")
    return bounded
