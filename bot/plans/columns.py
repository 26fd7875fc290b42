"""Recognising a task table's header row and what each column holds."""

from __future__ import annotations

import re

from bot.plans.cells import folded

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

_STT = re.compile(r"^(?:stt\d?|tt|so thu tu|so tt)$")


def _column_role(text: str) -> str | None:
    f = folded(text)
    if not f:
        return None
    if _STT.match(f):
        return STT
    if "ghi chu" in f:
        return NOTES
    if f.startswith(("noi dung", "cong viec", "nhiem vu")) and "chi tieu" not in f:
        return CONTENT
    if "thoi gian" in f or "thoi han" in f or f.startswith("han "):
        return DEADLINE
    if "ket qua" in f or "san pham" in f:
        return RESULT
    if "phoi hop" in f:
        return SUPPORT
    if "chu tri" in f:
        return LEAD
    if any(w in f for w in ("thuc hien", "co quan", "don vi", "phan cong")):
        return UNITS
    return None


def _short_folds(cells: tuple[str, ...]) -> list[str]:
    """Folded cells, or "" for long ones: header cells are a few words."""
    return [folded(c) if len(c) < 120 else "" for c in cells]


def is_header(cells: tuple[str, ...]) -> bool:
    """A header row: a number column and a content column."""
    if not cells or len(cells[0]) > 20:
        return False
    folded = _short_folds(cells)
    has_stt = any(_STT.match(f) for f in folded)
    has_content = any(f.startswith(("noi dung", "cong viec", "nhiem vu")) for f in folded)
    return has_stt and has_content


def is_indicator_header(cells: tuple[str, ...]) -> bool:
    """The header of a table of indicators (targets, not tasks): "Nội dung chỉ tiêu"."""
    return any("chi tieu" in f for f in _short_folds(cells))


def is_subheader(cells: tuple[str, ...]) -> bool:
    """The second header line under a split header ("Đơn vị chủ trì | Đơn vị phối hợp")."""
    if not cells or cells[0].strip() or any(len(c) > 120 for c in cells):
        return False
    folded = _short_folds(cells)
    if any(len(f) > 60 for f in folded):
        return False
    return any(
        f.startswith(("don vi", "co quan")) and ("chu tri" in f or "phoi hop" in f) for f in folded
    )


def header_roles(
    header: tuple[str, ...], sub: tuple[str, ...] | None = None
) -> tuple[str | None, ...]:
    """The role of each column; a unit column becomes the lead when a support column exists."""
    roles: list[str | None] = []
    for i, text in enumerate(header):
        below = sub[i] if sub is not None and i < len(sub) else ""
        role = _column_role(below) or _column_role(text)
        if role == STT and STT in roles:
            role = STT2
        if role is not None and role in roles and role not in (UNITS,):
            role = None
        roles.append(role)
    if SUPPORT in roles and LEAD not in roles and UNITS in roles:
        roles[roles.index(UNITS)] = LEAD
    return tuple(roles)


def is_usable(roles: tuple[str | None, ...]) -> bool:
    """A task table needs at least a number column and a content column."""
    return STT in roles and CONTENT in roles
