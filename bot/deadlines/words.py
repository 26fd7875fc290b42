"""The parser's shared vocabulary: quarter numbers, default days, and small helpers."""

from __future__ import annotations

import calendar
import re

from bot.deadlines.rhythms import (
    _Found,
    _Item,
)
from bot.deadlines.schedule import Rule

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_ENDS = (3, 6, 9, 12)
QUARTER_FIRSTS = (1, 4, 7, 10)
QUARTER_MIDDLES = (2, 5, 8, 11)
EARLY_DAY = 10  # "đầu tháng" read as "by the 10th" (thượng tuần)
MID_DAY = 15


def _blank(s: str, m: re.Match[str]) -> str:
    return s[: m.start()] + "#" * (m.end() - m.start()) + s[m.end() :]


def _year(raw: str | None, plan_year: int | None) -> int | None:
    if not raw:
        return plan_year
    y = int(raw)
    return 2000 + y if y < 100 else y


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    if d <= 28:
        return True
    if m == 2:
        return d == 29 and calendar.isleap(y if y and 1 <= y <= 9999 else 2024)
    return d <= _MONTH_DAYS[m]


def _ys(y: int | None) -> str:
    return f"/{y}" if y else ""


def _before_at(s: str, pos: int) -> bool:
    """Is the date at `pos` introduced by "trước" (and not by "chậm nhất")?"""
    head = s[max(0, pos - 30) : pos]
    i = head.rfind("truoc")
    return i >= 0 and "cham nhat" not in head[i:] and "#" not in head[i:]


_CELL = "\x00cell"

_LIST_SEP = re.compile(r"(\s*(?:,|va|-|den|hoac)\s*(?:quy\s*|thang\s*)?)")
_YEARLY = re.compile(r"\b(?:hang|moi|tung)\s*nam\b")


def _has_months(items: list[_Item], months: tuple[int, ...], tag: str) -> bool:
    """Is there an item (with `tag`, when given) whose first rule is due in `months`?"""
    for i in items:  # noqa: SIM110 (a plain loop: any() over a generator costs more here)
        if (not tag or i.tag == tag) and i.rules and i.rules[0].months == months:
            return True
    return False


def _yearly(f: _Found, since: int, s: str) -> str:
    """ "hằng năm" after a date or period makes it recur each year; consume the words."""
    if (
        "nam" not in s
        or not ("hang" in s or "moi" in s or "tung" in s)
        or (m := _YEARLY.search(s)) is None
    ):
        return s
    for n, item in enumerate(f.items[since:], since):
        text = item.explain.removesuffix(_ys(item.rules[0].year)) + " hằng năm"
        f.items[n] = _Item("recurring", item.rules, text, item.specific)
    return _blank(s, m)


def _merge_lists(f: _Found, since: int, prefix: str) -> None:
    """ "trong quý II/2025; trong quý III/2025" → one item "trong quý II, III/2025"."""
    items = f.items
    same: list[_Item] = []
    keep: list[_Item] = []
    for i in items[since:]:
        (same if i.explain.startswith(prefix) else keep).append(i)
    if len(same) < 2:
        return
    y = same[0].rules[0].year
    ys, cut = _ys(y), len(prefix)
    rules: list[Rule] = []
    names: list[str] = []
    for i in same:
        if i.rules[0].year != y:
            return
        rules.extend(i.rules)
        names.append(i.explain[cut:].removesuffix(ys))
    keep.append(_Item("window", tuple(rules), prefix + ", ".join(names) + ys, False))
    items[since:] = keep


def _sp(y: int | None) -> str:
    return f" {y}" if y else ""


def _list_numbers(raw: str, top: int, f: _Found | None = None) -> list[int]:
    """ "ii, iii" → [2, 3]; "1-3" → [3] (a period ends with its last); out of 1..top dropped.

    A dash range ("quý III-IV") could also mean each of them: flagged ambiguous on `f`.
    """
    raw = raw.strip()
    single = ROMAN.get(raw) if top == 4 else (int(raw) if raw.isdigit() else None)
    if single is not None:  # the common case: one quarter or one month
        return [single] if 1 <= single <= top else []
    if not (
        "-" in raw or "va" in raw or "den" in raw or "hoac" in raw or "quy" in raw or "thang" in raw
    ):
        # Only commas separate (no range, no repeated word): _LIST_SEP would split at them.
        found = []
        for p in raw.split(","):
            tok = p.strip()
            n = ROMAN.get(tok) if top == 4 else (int(tok) if tok.isdigit() else None)
            if n is not None and 1 <= n <= top:
                found.append(n)
        return sorted(set(found))
    out: list[int] = []
    pending_range = dash = False
    for p in _LIST_SEP.split(raw):
        if not p:
            continue
        tok = p.strip()
        if tok.startswith(("-", "den")):
            pending_range, dash = True, tok.startswith("-")
            continue
        if tok.startswith((",", "va", "hoac")):
            pending_range = False
            continue
        n = ROMAN.get(tok) if top == 4 else (int(tok) if tok.isdigit() else None)
        if n is None or not 1 <= n <= top:
            pending_range = False
            continue
        if pending_range and out and out[-1] < n:
            out[-1] = n  # "quý I đến quý III", "tháng 7-9": a period, due when it ends
            if f is not None and dash:
                f.ambiguous = True
        else:
            out.append(n)
        pending_range = False
    return sorted(set(out))


_QUARTER_MONTH = {
    "cuoi": (QUARTER_ENDS, "cuối"),
    "dau": (QUARTER_FIRSTS, "đầu"),
    "giua": (QUARTER_MIDDLES, "giữa"),
}
