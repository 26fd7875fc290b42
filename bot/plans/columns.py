"""Recognising a task table's header row and what each column holds."""

from __future__ import annotations

import re

from bot.plans.cells import clean, folded, is_time, is_units, starts_lower

STT, STT2, CONTENT, RESULT, LEAD, SUPPORT, UNITS, DEADLINE, NOTES = (
    "stt",
    "stt2",
    "content",
    "result",
    "lead",
    "support",
    "units",
    "deadline",
    "notes",
)
UNIT_ROLES = (LEAD, SUPPORT, UNITS)

# "STT (theo nhãn)" names the number column label_column.py writes into a table without one.
_STT = re.compile(r"^(?:stt\d?|tt|so thu tu|so tt|thu tu)(?: \(theo nhan\))?$")
_CONTENT_WORDS = ("noi dung", "cong viec", "nhiem vu", "ten nhiem vu", "ten cong viec", "hoat dong")


SKIP_WORDS = ("bat dau", "khoi cong", "du kien kinh phi", "kinh phi", "nguon")


def _column_role(text: str) -> str | None:
    f = fold_header(text)
    if not f:
        return None
    if _STT.match(f):
        return STT
    if "ghi chu" in f:
        return NOTES
    if any(w in f for w in SKIP_WORDS):
        return None
    if f.startswith(_CONTENT_WORDS) and "chi tieu" not in f:
        return CONTENT
    if any(w in f for w in ("thoi gian", "thoi han", "tien do", "hoan thanh", "ket thuc")):
        return DEADLINE
    if f.startswith(("han ", "thoi diem")) or f == "han":
        return DEADLINE
    if "ket qua" in f or "san pham" in f:
        return RESULT
    if "phoi hop" in f and "chu tri" in f:
        return UNITS  # "Đơn vị chủ trì/phối hợp": both roles in one cell, told by its labels
    if "phoi hop" in f:
        return SUPPORT
    if "chu tri" in f:
        return LEAD
    if any(w in f for w in ("thuc hien", "co quan", "don vi", "phan cong", "trach nhiem")):
        return UNITS
    return None


def fold_header(text: str) -> str:
    """The folded text of a header cell ("" for long cells: headers are a few words)."""
    return folded(text) if len(text) < 120 else ""


def _short_folds(cells: tuple[str, ...]) -> list[str]:
    """Folded cells, or "" for long ones: header cells are a few words."""
    return [fold_header(c) for c in cells]


def is_header(cells: tuple[str, ...]) -> bool:
    """A header row: a number column and a content column."""
    if not cells or len(cells[0]) > 20:
        return False
    folds = _short_folds(cells)
    has_stt = any(_STT.match(f) for f in folds)
    has_content = any(f.startswith(_CONTENT_WORDS) for f in folds)
    return has_stt and has_content


def is_label_header(cells: tuple[str, ...]) -> bool:
    """The header of a task table with no number column: content, unit and time columns named
    by a few words each (each row's label is then read from its cells, see label_column.py)."""
    folds = _short_folds(cells)
    texts = [(clean(c), f) for c, f in zip(cells, folds, strict=True) if clean(c)]
    if len(texts) < 3 or any(_STT.match(f) for f in folds):
        return False
    for text, f in texts:
        if not f or len(f) > 60 or text.endswith(".") or is_time(text) or starts_lower(text):
            return False  # a task row's sentence, not a column's name
        if _column_role(f) is None and not any(w in f for w in SKIP_WORDS):
            return False
    roles = header_roles([cells])
    return CONTENT in roles and DEADLINE in roles and any(r in roles for r in UNIT_ROLES)


def is_indicator_header(cells: tuple[str, ...]) -> bool:
    """The header of a table of indicators (targets, not tasks): "Nội dung chỉ tiêu"."""
    return any("chi tieu" in f for f in _short_folds(cells))


_COLUMN_NUMBER = re.compile(r"^\((\d{1,2}|[a-z])\)$|^(\d{1,2})$")


def is_numbering_row(cells: tuple[str, ...]) -> bool:
    """The row numbering the columns under a header: "(1) (2) (3) …" or "1 2 3 4 5"."""
    folds = [fold_header(c) for c in cells if c.strip()]
    if len(folds) < 3 or len(folds) * 2 < len(cells):
        return False
    matches = [_COLUMN_NUMBER.match(f) for f in folds]
    if not all(matches):
        return False
    if all(m is not None and m.group(1) for m in matches):
        return True
    numbers = [int(m.group(2)) for m in matches if m is not None and m.group(2)]
    return len(numbers) == len(folds) and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


_SUB_WORDS = ("chu tri", "phoi hop", "bat dau", "ket thuc", "hoan thanh", "so, ky hieu")


def is_subheader(cells: tuple[str, ...]) -> bool:
    """A header line under the first one ("Chủ trì | Phối hợp" under "Cơ quan thực hiện")."""
    if not cells or any(len(c) > 120 for c in cells):
        return False
    folds = _short_folds(cells)
    if _STT.match(folds[0]) is None and folds[0] and not any(w in folds[0] for w in _SUB_WORDS):
        return False
    texts = [f for f in folds if f]
    if not texts or any(len(f) > 60 for f in texts):
        return False
    if any(starts_lower(clean(c)) or clean(c).endswith(".") for c in cells if clean(c)):
        return False  # a sentence going on (a row cut by a page break), not header words
    telling = False
    for f in texts:
        role = _column_role(f)
        sub_word = any(w in f for w in _SUB_WORDS)
        if is_time(f) or (role is None and not sub_word):
            return False
        telling = telling or sub_word or role not in (None, STT, STT2, CONTENT)
    return telling


def header_texts(rows: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Each column's header words over every header row, a spanning header over its columns."""
    width = max(len(r) for r in rows)
    out: list[str] = []
    for i in range(width):
        parts: list[str] = []
        for depth, row in enumerate(rows):
            text = clean(row[i]) if i < len(row) else ""
            if not text and depth + 1 < len(rows) and _spanned(rows, depth, i):
                # The empty cell right of a spanning header ("Cơ quan thực hiện" over two).
                text = next((clean(row[j]) for j in range(i - 1, -1, -1) if clean(row[j])), "")
            if text and text not in parts:
                parts.append(text)
        out.append(" / ".join(parts))
    return tuple(out)


def _spanned(rows: list[tuple[str, ...]], depth: int, i: int) -> bool:
    """True when a lower header row has words under column i and under its left neighbour."""
    if i == 0:
        return False
    return any(i < len(r) and bool(clean(r[i]) and clean(r[i - 1])) for r in rows[depth + 1 :])


def header_roles(rows: list[tuple[str, ...]]) -> tuple[str | None, ...]:
    """The role of each column, the lowest header row deciding; a unit column becomes the lead
    when a support column exists."""
    texts = header_texts(rows)
    roles: list[str | None] = []
    for text in texts:
        role = None
        for part in reversed(text.split(" / ")):
            role = _column_role(part)
            if role is not None or any(w in fold_header(part) for w in SKIP_WORDS):
                break
        if role == STT and STT in roles:
            role = STT2
        if role is not None and role in roles and role not in (UNITS,):
            role = None
        roles.append(role)
    if SUPPORT in roles and LEAD not in roles and UNITS in roles:
        roles[roles.index(UNITS)] = LEAD
    return tuple(roles)


def roles_by_cells(
    roles: tuple[str | None, ...], body: list[tuple[str, ...]]
) -> tuple[tuple[str | None, ...], frozenset[int]]:
    """Columns the header did not name, named by what their cells hold (units or times)."""
    out = list(roles)
    decided: set[int] = set()
    for i, role in enumerate(roles):
        if role is not None:
            continue
        values = [row[i] for row in body if i < len(row) and clean(row[i])]
        if len(values) < 2:
            continue
        units = sum(is_units(v) for v in values)
        times = sum(is_time(v) for v in values)
        if units * 10 >= len(values) * 7 and not any(r in out for r in UNIT_ROLES):
            out[i] = UNITS
        elif times * 10 >= len(values) * 7 and DEADLINE not in out:
            out[i] = DEADLINE
        else:
            continue
        decided.add(i)
    return tuple(out), frozenset(decided)


def is_usable(roles: tuple[str | None, ...]) -> bool:
    """A task table needs at least a number column and a content column."""
    return STT in roles and CONTENT in roles
