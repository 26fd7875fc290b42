"""What the reader notes while it reads a plan: columns, skipped rows, inferred values, doubts.

The parser fills a ``Notes`` as it goes; ``build`` turns it into the plan's ``ReadReport``
(Vietnamese lines, a few examples each, so a long plan gives a short report).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.model import ReadReport, TaskDraft
from bot.plans import columns as C
from bot.plans.cells import clean

ROLE_NAMES = {
    C.STT: "số thứ tự",
    C.STT2: "số thứ tự (phụ)",
    C.CONTENT: "nội dung công việc",
    C.RESULT: "kết quả, sản phẩm",
    C.LEAD: "đơn vị chủ trì",
    C.SUPPORT: "đơn vị phối hợp",
    C.UNITS: "đơn vị thực hiện (chủ trì/phối hợp theo từ ngữ)",
    C.DEADLINE: "thời hạn",
    C.NOTES: "ghi chú",
}
# Header words that promise a value the coordinator relies on (units, deadline, product).
_PROMISES = (
    ("chu tri", "đơn vị chủ trì"),
    ("phoi hop", "đơn vị phối hợp"),
    ("thuc hien", "đơn vị thực hiện"),
    ("co quan", "đơn vị"),
    ("don vi", "đơn vị"),
    ("thoi gian", "thời hạn"),
    ("thoi han", "thời hạn"),
    ("tien do", "thời hạn"),
    ("hoan thanh", "thời hạn"),
    ("san pham", "sản phẩm"),
    ("ket qua", "sản phẩm"),
)
EXAMPLES = 5


def _examples(items: list[str], noun: str = "việc") -> str:
    shown = ", ".join(items[:EXAMPLES])
    more = len(items) - EXAMPLES
    return shown + (f" và {more} {noun} khác" if more > 0 else "")


@dataclass
class Table:
    """One task table's header as understood."""

    headers: tuple[str, ...]
    roles: tuple[str | None, ...]
    by_content: frozenset[int] = frozenset()
    named: tuple[str | None, ...] = ()  # the roles the header words alone gave
    filled: Counter[int] = field(default_factory=Counter)  # column → task rows with a value
    unit_like: Counter[int] = field(default_factory=Counter)  # column → cells reading as units
    time_like: Counter[int] = field(default_factory=Counter)  # column → cells reading as times
    rows: int = 0


@dataclass
class Notes:
    """Collected while parsing."""

    tables: list[Table] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    skipped_examples: dict[str, list[str]] = field(default_factory=dict)
    merged_fills: Counter[str] = field(default_factory=Counter)
    sections: list[str] = field(default_factory=list)

    def skip(self, why: str, cells: tuple[str, ...] | None = None) -> None:
        self.skipped[why] += 1
        if cells is not None:
            text = " | ".join(clean(c) for c in cells if clean(c))[:80]
            if text:
                self.skipped_examples.setdefault(why, []).append(text)

    def table_for(self, roles: tuple[str | None, ...]) -> Table | None:
        return next((t for t in reversed(self.tables) if t.roles == roles), None)


_KIND = {C.DEADLINE: "tên đơn vị", C.LEAD: "thời hạn", C.SUPPORT: "thời hạn", C.UNITS: "thời hạn"}


def _promise(header: str) -> str | None:
    """What a column's header says it holds, the lowest header line deciding: "Thời gian thực
    hiện / Bắt đầu" is a start date (not read, on purpose), not "đơn vị thực hiện"."""
    for part in reversed(header.split(" / ")):
        f = C.fold_header(part)
        if any(w in f for w in C.SKIP_WORDS):
            return None
        promised = next((what for word, what in _PROMISES if word in f), None)
        if promised is not None:
            return promised
    return None


def _contrary(table: Table, i: int, role: str | None) -> int | None:
    """How many cells of a deadline column read as units (of a unit column, as times), when
    most do."""
    if role == C.DEADLINE:
        n = table.unit_like[i]
    elif role in C.UNIT_ROLES:
        n = table.time_like[i]
    else:
        return None
    return n if n * 10 >= table.filled[i] * 7 else None


def _column_lines(notes: Notes) -> tuple[list[str], list[str]]:
    columns: list[str] = []
    warnings: list[str] = []
    many = len(notes.tables) > 1
    for k, table in enumerate(notes.tables, 1):
        prefix = f"Bảng {k}: " if many else ""
        for i, header in enumerate(table.headers):
            role = table.roles[i] if i < len(table.roles) else None
            name = clean(header) or f"cột {i + 1}"
            if role is None:
                columns.append(f"{prefix}«{name}» → không dùng")
            else:
                how = " (nhận theo nội dung ô)" if i in table.by_content else ""
                columns.append(f"{prefix}«{name}» → {ROLE_NAMES[role]}{how}")
            if not table.rows:
                continue
            promised = _promise(header)
            got = table.filled.get(i, 0)
            if role is None and promised and got:
                warnings.append(
                    f"⚠️ {prefix}Cột «{name}» có vẻ ghi {promised} nhưng không được đọc "
                    f"({got} ô có nội dung bị bỏ qua)."
                )
            elif got >= 3 and _contrary(table, i, role) is not None:
                warnings.append(
                    f"⚠️ {prefix}Cột «{name}» mang tên {ROLE_NAMES[role or '']} nhưng "
                    f"{_contrary(table, i, role)}/{got} ô giống {_KIND[role or '']}; "
                    "các ô được đọc theo nội dung, cần kiểm tra lại."
                )
            elif promised and not got and role not in (C.STT, C.STT2, C.CONTENT, C.NOTES):
                warnings.append(
                    f"⚠️ {prefix}Cột «{name}» ghi {promised} nhưng không việc nào có giá trị "
                    f"ở cột này ({table.rows} việc)."
                )
    return columns, warnings


def build(notes: Notes, tasks: list[TaskDraft]) -> ReadReport:
    """The plan's report from the notes and the tasks read."""
    columns, warnings = _column_lines(notes)
    skipped = []
    for why, n in notes.skipped.items():
        examples = notes.skipped_examples.get(why, [])
        example = f" (ví dụ «{examples[0]}»)" if examples else ""
        skipped.append(f"{n} dòng bỏ qua: {why}{example}.")
    if notes.sections:
        skipped.append(
            f"{len(notes.sections)} dòng đọc là đề mục (không có đơn vị, thời hạn, sản phẩm "
            f"riêng; có việc bên dưới): {_examples(notes.sections, 'đề mục')}."
        )
    inferred = []
    for role, n in notes.merged_fills.items():
        inferred.append(f"{ROLE_NAMES.get(role, role)}: {n} ô lấy từ ô gộp dọc phía trên.")
    labels = {
        "lead": "đơn vị chủ trì",
        "support": "đơn vị phối hợp",
        "deadline": "thời hạn",
        "result": "kết quả, sản phẩm",
        "content": "nội dung",
    }
    for key, label in labels.items():
        refs = [t.ref for t in tasks if key in t.inferred]
        if refs:
            inferred.append(
                f"{label} suy ra (ô gộp bị mất, vai trò theo từ ngữ): {_examples(refs)}."
            )
    no_units = [t.ref for t in tasks if not t.lead and not t.support]
    if no_units:
        warnings.append(f"⚠️ {len(no_units)} việc không có đơn vị nào: {_examples(no_units)}.")
    no_deadline = [t.ref for t in tasks if not t.deadline and not t.deadline_in_text]
    if no_deadline:
        warnings.append(f"⚠️ {len(no_deadline)} việc không có thời hạn: {_examples(no_deadline)}.")
    return ReadReport(tuple(columns), tuple(warnings), tuple(skipped), tuple(inferred))
