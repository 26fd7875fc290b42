"""Deadline phrase → Schedule: recognisers over a folded, normalised phrase.

The readers live beside this module: words (shared vocabulary), clause (one clause, explicit
dates), months and cycles (periods), finish (the Schedule), fast (the commonest cell shapes).
"""

from __future__ import annotations

import re

from bot.deadlines.clause import _HAS_DIGIT, _parse_clause
from bot.deadlines.fast import _fast
from bot.deadlines.finish import _finish, _relative_text, _search_form, _short
from bot.deadlines.months import _BARE_DAY, _EACH_M
from bot.deadlines.phrases import (
    clean,
    drop_citations,
    fold_aligned,
    limit_clauses,
    normalise,
    segments,
)
from bot.deadlines.rhythms import (
    _Found,
    _Item,
    last_month_of_term,
    read_except,
    read_weekly,
    read_year_span,
)
from bot.deadlines.schedule import LAST, Schedule, make_rule
from bot.deadlines.words import (
    _CELL,
    _blank,
)
from bot.memo import bounded_memo

_TIGHTER_IN_BRACKETS = re.compile(
    r"^[^()]*?\b(?P<od>\d{1,2})/(?P<om>\d{1,2})(?:/(?P<oy>\d{4}))?[^()\d]*"
    r"\(\s*(?P<inner>(?:cham nhat|truoc|khong qua|khong muon)(?: la)?(?: ngay)?\s*"
    r"(?P<id>\d{1,2})/(?P<im>\d{1,2})(?:/(?P<iy>\d{4}))?)\s*\)[\s.;,]*$"
)


def _day_key(m: re.Match[str], side: str) -> tuple[int, int, int]:
    """(year, month, day) of the outer ("o") or inner ("i") date; a missing year sorts as
    the other date's."""
    other = "i" if side == "o" else "o"
    year = m.group(f"{side}y") or m.group(f"{other}y") or "0"
    return int(year), int(m.group(f"{side}m")), int(m.group(f"{side}d"))


_LIMIT_IN_BRACKETS = re.compile(
    r"\(\s*((?:truoc|cham nhat|khong qua|khong muon|han (?:cuoi|chot|nop|gui)|gui truoc|nop truoc"
    r"|(?:vao\s*|tu\s*)?ngay\s*\d)"
    r"(?:(?!\d\s*/\s*\d)[^()])*)\)"
)


_NEXT_YEAR = re.compile(r"\bnam\s*(?:sau|tiep theo|ke tiep)\b")
_NEXT_MONTH = re.compile(
    r"ngay\s*\d{1,2}\s*(?:cua\s*)?(thang\s*(?:tiep theo|ke tiep|sau)(?:\s*cua\s*quy)?)\b"
)


# "Năm 2025 và các năm tiếp theo", "từ năm 2025 trở đi": yearly from that year on.
_YEARS_ON = re.compile(
    r"(?:\btu\s*)?(?:\bnam\s*)?\b(20\d{2})\s*(?:(?:,|va)\s*(?:cac|nhung)\s*nam\s*"
    r"(?:tiep theo|ke tiep|tiep|sau|ve sau|sau do)|(?:,|va)\s*(?:hang|moi)\s*nam|"
    r"tro\s*(?:di|ve sau|ra))\b"
)


def _read_years_on(folded: str, year: int | None, f: _Found) -> str:
    """Each year's end from the year named on (in the plan: its own year's end); the rest."""
    while (m := _YEARS_ON.search(folded)) is not None:
        folded = _blank(folded, m)
        start = int(m.group(1))
        y = max(start, year) if year is not None else start
        rule = make_rule(y, (12,), LAST)
        f.items.append(_Item("recurring", (rule,), f"hằng năm từ năm {start} (31/12)", False))
    return folded


_WEEK_OF_MONTH = re.compile(
    r"\btuan\s+(dau tien|dau|thu nhat|thu (?:[1-4]|hai|ba|tu)|cuoi cung|cuoi)\s+(?:cua\s+)?(?=thang\b)"
)
_FROM_TO = re.compile(r"\b(tu\s+(?:thang|quy|ngay)\s+\S+\s+)toi\b")
_WEEK_NUMBER = {"hai": 2, "ba": 3, "tu": 4}
# "từ tháng 10 đến hết năm 2025", "từ quý II đến cuối năm": a span ending with December.
_TO_YEAR_END = re.compile(
    r"\b(tu\s+(thang|quy)\s+[^\s/]+(?:\s*/\s*(\d{4}))?\s+(?:den|toi)\s+)(?:het|cuoi)\s+nam"
    r"(?:\s+(?:nay|(\d{4})))?\b"
)


def _to_year_end(m: re.Match[str]) -> str:
    last = "thang 12" if m.group(2) == "thang" else "quy iv"
    if m.group(3):  # "từ tháng 7/2025 đến tháng 12/2025": as the normaliser reads such spans
        return f"{last}/{m.group(4) or m.group(3)}"
    return f"{m.group(1)}{last}/{m.group(4)}" if m.group(4) else f"{m.group(1)}{last}"


_TO_THE_END = re.compile(r"\b(den|toi)\s+(?:het|het\s+ngay)\s+(?=thang\b|ngay\b|quy\b|\d)")


def _week_of_month(m: re.Match[str]) -> str:
    which = m.group(1)
    if which.startswith("cuoi"):
        return "cuoi "
    n = which.removeprefix("thu ").strip()
    week = 1 if n in ("dau", "dau tien", "nhat") else int(_WEEK_NUMBER.get(n, n))
    return f"ngay {7 * week} "


def _read(cleaned: str, year: int | None, aligned: str | None = None) -> _Found:
    """Read a cleaned phrase: fold, normalise, drop citations, then each clause.

    `aligned` is fold_aligned(cleaned) when the caller has it already.
    """
    f = _Found()
    if aligned is None:
        aligned = fold_aligned(cleaned)
    # Normalising and dropping citations never add a digit: a phrase without one has none in
    # any clause (with one, a clause may have lost it to a citation: True stays safe).
    digit = _HAS_DIGIT.search(aligned) is not None
    if "tuan" in aligned:
        aligned = read_weekly(aligned, year, f)
    folded = normalise(aligned, digit)
    if "tuan" in folded:
        # "tuần đầu tháng 7": its seventh day; "tuần thứ 2 của tháng 10": its fourteenth.
        folded = _WEEK_OF_MONTH.sub(_week_of_month, folded)
    if "toi" in folded:
        # "từ tháng 6 tới tháng 8" is "từ tháng 6 đến tháng 8"
        folded = _FROM_TO.sub(r"\1den", folded)
    if "nam" in folded and ("het" in folded or "cuoi" in folded):
        folded = _TO_YEAR_END.sub(_to_year_end, folded)
    if "het" in folded:
        # "từ tháng 5 đến hết tháng 7": a span ending with that month, not a list.
        folded = _TO_THE_END.sub(r"\1 ", folded)
    if digit and "20" in folded and ("-" in folded or "den" in folded or "toi" in folded):
        folded = read_year_span(folded, f)
    if "tru" in folded or "khong ke" in folded:
        folded = read_except(folded, f)
    if "cuoi" in folded and "ky" in folded:
        folded = last_month_of_term(folded)
    if digit and "nam" in folded and ("tro" in folded or "va" in folded or "," in folded):
        folded = _read_years_on(folded, year, f)
    if year is not None and "nam" in folded and ("nam sau" in folded or "nam tiep" in folded):
        # "trước ngày 10 tháng 01 năm sau": the year after the plan's
        folded = _NEXT_YEAR.sub(f"nam {year + 1}", folded)
    if (
        "(" in folded
        and (tighter := _TIGHTER_IN_BRACKETS.match(folded)) is not None
        and _day_key(tighter, "i") <= _day_key(tighter, "o")
    ):
        # "Trước 15/12/2025 (chậm nhất ngày 10/12/2025)": the bracket's earlier day is the limit.
        folded = tighter.group("inner")
    if "(" in folded:
        # "Hằng tháng (trước ngày 18)": a bracketed limit belongs to the rhythm before it.
        folded = _LIMIT_IN_BRACKETS.sub(r" \1 ", folded)
    if (
        "quy" in folded
        and "thang" in folded
        and (m := _NEXT_MONTH.search(folded)) is not None
        and _EACH_M.search(folded) is None
    ):
        # "Hằng quý, chậm nhất ngày 15 của tháng tiếp theo": the month after the quarter.
        folded = folded[: m.start(1)] + "thang dau quy tiep theo" + folded[m.end(1) :]
    if "ngay" in folded:  # a citation needs its date ("ngày 18/11/2020")
        folded, f.cited = drop_citations(folded)
    if (
        ";" in folded
        or "\n" in folded
        or "(" in folded
        or ")" in folded
        or "-" in folded
        or "." in folded
        or "+" in folded
    ):
        clauses = segments(folded)
        hint = (digit if len(clauses) == 1 else None) if digit else False
        for clause in clauses:
            _parse_clause(clause, year, f, hint)
    else:  # one clause: what segments() gives without its split
        one = folded.strip(" ,.")
        if one:
            _parse_clause(one, year, f, digit)
    return f


_QUARTER_AND_YEAR = re.compile(r"^(?:bao cao\s+)?hang\s+quy\s+va\s+(?:cuoi\s+)?nam[\s.;,]*$")


def parse_strict(text: str | None, year: int | None, context: str | None = None) -> Schedule:
    """parse_deadline without the safety net: a bug here raises (property tests call this)."""
    raw = text or ""
    cleaned = clean(raw)
    if not cleaned and not context:
        return Schedule(text=raw, kind="none", explain="không ghi thời hạn")
    aligned = fold_aligned(cleaned)
    # The import passes every task's text as context; most texts state no limit, and then the
    # cell alone decides, so the one-match reading of common shapes serves them too.
    clauses = limit_clauses(context) if context else []
    if not clauses and (fast := _fast(raw, cleaned, aligned, year)) is not None:
        return fast  # no fast shape holds "va", so none is the cell read just below
    if (
        "q" in aligned  # fold(cleaned) has q, v or m only where `aligned` has them too
        and "v" in aligned
        and "m" in aligned
        and _QUARTER_AND_YEAR.match(_search_form(cleaned, aligned))
    ):
        # DOMAIN.md §3 reads this cell as half-yearly and year end; the words could also mean
        # every quarter, so the reading chosen is flagged.
        return Schedule(
            text=raw,
            kind="recurring",
            ambiguous=True,
            explain="6 tháng và cuối năm (30/6 và 31/12; cũng có thể hiểu là hằng quý)",
            rules=(make_rule(year, (6, 12), LAST),),
        )
    f = _read(cleaned, year, aligned) if cleaned else _Found()
    if clauses:
        _apply_context(f, clauses, year, cleaned)
    if not cleaned and not f.items and not f.relative:
        return Schedule(text=raw, kind="none", explain="không ghi thời hạn")
    if f.relative:
        rel = cleaned if f.relative == _CELL else f.relative
        f.relative = _relative_text(rel[:1].lower() + rel[1:])
    return _finish(raw, f, year, cleaned)


def task_context(*parts: str | None) -> str:
    """The text a task's limits are read from: its content, notes and stated limits."""
    return "\n".join(p for p in parts if p)


def parse_deadline(text: str | None, year: int | None, context: str | None = None) -> Schedule:
    """Read a time cell (and the limits stated in the task's text) into a Schedule. Never raises.

    Memoised: a plan repeats the same few cells ("Thường xuyên" thirty times) and Schedules are
    immutable, so a repeated phrase costs a dictionary look-up.
    """
    return _parse_cached(text, year, context)


def parse_uncached(text: str | None, year: int | None, context: str | None = None) -> Schedule:
    """parse_deadline without the memo (what a phrase seen for the first time costs)."""
    try:
        return parse_strict(text, year, context)
    except Exception:  # a phrase must never break an import: keep it as written
        raw = text or ""
        return Schedule(
            text=raw,
            kind="unknown",
            unknown=True,
            explain=f"chưa đọc được thời hạn: “{_short(raw)}”",
        )


_parse_cached = bounded_memo(maxsize=2048, max_key_chars=2048)(parse_uncached)


def _apply_context(f: _Found, clauses: list[str], year: int | None, cell: str = "") -> None:
    """A limit stated in the task text completes a vague cell, or adds to a dated one.

    A limit without its own period ("trước ngày 25") is a day of the cell's rhythm: "Hằng
    tháng" with it reads as "Hằng tháng (trước ngày 25)".
    """
    for clause in clauses:
        c = _read(clean(clause), year)
        if c.relative and not c.items:
            if not f.relative:
                f.relative = clause
            continue
        if not c.items:
            if (
                cell
                and f.items
                and all(i.tag == "recurring" and not i.specific for i in f.items)
                and _BARE_DAY.search(fold_aligned(clause)) is not None
            ):
                joined = _read(clean(f"{cell} ({clause})"), year)
                if any(i.specific for i in joined.items):
                    f.items = joined.items
                    f.ambiguous = f.ambiguous or joined.ambiguous
            continue
        specific = any(i.specific for i in f.items)
        if specific:
            known = {r for i in f.items for r in i.rules}
            f.items.extend(i for i in c.items if not set(i.rules) <= known)
        else:
            f.items = list(c.items)
            f.year_scope = False
        f.ambiguous = f.ambiguous or c.ambiguous


__all__ = ["parse_deadline", "parse_strict", "parse_uncached", "task_context"]
