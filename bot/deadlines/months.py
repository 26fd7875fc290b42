"""Periods counted in months: the day of each month or quarter, listed months, each month."""

from __future__ import annotations

import re

from bot.deadlines.rhythms import (
    DAYS_EACH_M,
    _Found,
    _Item,
    days_each_month,
)
from bot.deadlines.schedule import ALL_MONTHS, LAST, Rule, make_rule
from bot.deadlines.words import (
    _QUARTER_MONTH,
    EARLY_DAY,
    MID_DAY,
    QUARTER_FIRSTS,
    _before_at,
    _blank,
    _has_months,
    _list_numbers,
    _merge_lists,
    _sp,
    _year,
    _ys,
)

_MONTHS = re.compile(
    r"(?=[tcdgh])(?:(truoc|cuoi|dau|giua|het|trong)\s+)?thang\s*(\d{1,2})"
    r"((?:\s*(?:,|va|-|den)\s*(?:thang\s*)?\d{1,2}\b)*)"
    r"(?:\s*(?:/|nam\s*)(\d{4}|\d{2}))?(?!\s*/?\s*lan|\s*(?:dau|cuoi)\s*nam|\d)"
)
_DAY_LAST_Q = re.compile(
    r"(truoc\s+)?ngay\s*(\d{1,2})\s*(?:cua\s*)?(?:cac\s*)?thang\s*(cuoi|dau|giua)\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy"
    r"(\s*(?:tiep theo|ke tiep|sau)\b)?"
)
_MONTH_NEXT_Q = re.compile(
    r"(?<![\d#] )(?<![\d#])thang\s*(cuoi|dau|giua)\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy"
    r"\s*(?:tiep theo|ke tiep|sau)\b"
)
_DAY_EACH_Q = re.compile(
    r"(truoc\s+)?ngay\s*(\d{1,2})\s*(?:(?:cua\s*)?(?:hang|moi|tung|cac)\s*|cua\s*)quy"
    r"(?!\s*(?:iv|i{1,3}|[1-4])\b)"
)
_DAY_EACH_M = re.compile(
    r"(truoc\s+)?ngay\s*(\d{1,2})\s*(?:cua\s*)?"
    r"(?:(?:hang|moi|tung)\s*thang|cac\s*thang(?!\s*\d)|thang(?!\s*\d))"
)
_END_EACH_M = re.compile(r"(?=[cdg])(?:cuoi|dau|giua)\s*(?:hang|moi|tung|cac)?\s*thang(?!\s*\d)")
_EACH_M = re.compile(
    r"(?:hang|moi|tung)\s*thang|dinh ky\s*(?:01|1|mot)?\s*thang|(?:01|1|mot)\s*thang\s*/?\s*(?:mot\s*|1\s*)?lan"
    r"|bao cao thang"
)
_HALF_FIRST = re.compile(
    r"(?:06|6|sau)\s*thang\s*dau\s*nam|nua\s*(?:dau\s*nam|nam\s*dau)|(?:06|6|sau)\s*thang\s*dau"
)
_HALF_LAST = re.compile(r"(?:06|6|sau)\s*thang\s*cuoi\s*nam|nua\s*(?:cuoi\s*nam|nam\s*cuoi)")
_THREE_FIRST = re.compile(r"(?:03|3|ba)\s*thang\s*dau\s*nam")
_BARE_DAY = re.compile(r"(truoc\s+)?ngay\s*(\d{1,2})\b(?!\s*(?:/|thang|-|\.\d))")
# (pattern, month, text, words the pattern cannot match without)
_PART_YEAR = (
    (_HALF_FIRST, 6, "6 tháng đầu năm", ("dau",)),
    (_HALF_LAST, 12, "6 tháng cuối năm", ("cuoi", "nam")),
    (_THREE_FIRST, 3, "3 tháng đầu năm", ("thang", "dau", "nam")),
)


def _next_quarter(
    months: tuple[int, ...], year: int | None
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The same months of the quarter after each one: (in the plan year, in the year after).

    Every such month of the plan year is a date the plan states (January's report is on the
    quarter before the plan year), and the report on the plan year's fourth quarter falls in
    January of the next year (see tests/data/deadlines/README.md). Without a plan year: every
    year.
    """
    shifted = [mo + 3 for mo in months]
    every = tuple(sorted((mo - 1) % 12 + 1 for mo in shifted))
    if year is None:
        return every, ()
    return every, tuple(mo - 12 for mo in shifted if mo > 12)


def _days_of_each(
    s: str, year: int | None, f: _Found, rx: re.Pattern[str], words: tuple[str, ...]
) -> str:
    """Read every "day N of each period" that `rx` finds into `f`; the rest of s.

    Group 1 is an optional "trước", group 2 the day; _DAY_LAST_Q's group 3 names the month
    of the quarter (cuối / đầu / giữa).
    """
    while all(w in s for w in words) and (m := rx.search(s)) is not None:
        before = bool(m.group(1)) or ("truoc" in s and _before_at(s, m.start()))
        d = int(m.group(2))
        months: tuple[int, ...]
        next_year: tuple[int, ...] = ()
        if rx is _DAY_LAST_Q:
            months, name = _QUARTER_MONTH[m.group(3)]
            what = f"tháng {name} mỗi quý"
            if m.group(4):  # "tháng đầu của quý tiếp theo": the quarter after each one
                what = f"tháng {name} của quý tiếp theo"
                months, next_year = _next_quarter(months, year)
        elif rx is _DAY_EACH_Q:
            months, what = QUARTER_FIRSTS, "hằng quý (tháng đầu quý)"
        else:
            months, what = ALL_MONTHS, "hằng tháng"
        s = _blank(s, m)
        if 1 <= d <= 31:
            word = "trước ngày" if before else "ngày"
            rules: tuple[Rule, ...] = (make_rule(year, months, d, before),)
            if next_year and year is not None:
                rules += (make_rule(year + 1, next_year, d, before),)
            f.items.append(_Item("recurring", rules, f"{word} {d} {what}", True))
    return s


def _month_periods(
    s: str,
    year: int | None,
    f: _Found,
    found_before: int,
    digit: bool,
    thang: bool,
    quy: bool,
    ngay: bool,
) -> str:
    """Days of each period, part-year windows, listed months and each month; the rest of s.

    `digit`, `thang`, `quy`, `ngay`: whether the clause had a digit or the word when it started.
    """
    # Day N of a month of each quarter ("ngày 19 của tháng cuối quý"), of each quarter
    # ("trước ngày 10 hằng quý": the quarter's first month), of each month ("ngày 05 hàng tháng").
    if digit and ngay:
        if quy and thang:
            s = _days_of_each(s, year, f, _DAY_LAST_Q, ("quy", "ngay", "thang"))
        if quy:
            s = _days_of_each(s, year, f, _DAY_EACH_Q, ("quy", "ngay"))
        if thang and ("va" in s or "," in s):
            while "thang" in s and (m := DAYS_EACH_M.search(s)) is not None:
                before = bool(m.group(1)) or ("truoc" in s and _before_at(s, m.start()))
                s = _blank(s, m)
                if (item := days_each_month(m, year, before)) is not None:
                    f.items.append(item)
        if thang:
            s = _days_of_each(s, year, f, _DAY_EACH_M, ("thang", "ngay"))
    # A month of the next quarter without a day ("trong tháng đầu của quý sau"): its end.
    while quy and thang and "quy" in s and (m := _MONTH_NEXT_Q.search(s)) is not None:
        s = _blank(s, m)
        edge, name = _QUARTER_MONTH[m.group(1)]
        in_year, after = _next_quarter(edge, year)
        rules: tuple[Rule, ...] = (make_rule(year, in_year, LAST),)
        if after and year is not None:
            rules += (make_rule(year + 1, after, LAST),)
        f.items.append(_Item("recurring", rules, f"trong tháng {name} của quý tiếp theo", True))
    # Half-year and nine-month windows before "6 tháng" alone (half-yearly).
    for rx, month, text, needs in (
        _PART_YEAR if (thang or "nua" in s) and ("dau" in s or "cuoi" in s) else ()
    ):
        for w in needs:
            if w not in s:
                break
        else:
            while ("thang" in s or "nua" in s) and (m := rx.search(s)) is not None:
                s = _blank(s, m)
                f.items.append(
                    _Item("window", (make_rule(year, (month,), LAST),), f"{text}{_sp(year)}", False)
                )
    # Specific months: "Tháng 9/2025", "tháng 8, 9", "cuối tháng 9".
    while digit and thang and "thang" in s and (m := _MONTHS.search(s)) is not None:
        s = _blank(s, m)
        mod_g, first, more, year_g = m.groups()
        mod = mod_g or ""
        y = _year(year_g, year)
        if more:
            listed = _list_numbers(first + more, 12, f)
        else:  # one month: what _list_numbers gives for it
            listed = [n] if 1 <= (n := int(first)) <= 12 else []
        for mo in listed:
            if mod == "truoc":
                rule = make_rule(y, (mo,), 1, True)
                text = f"trước tháng {mo}{_ys(y)} (trước ngày 1/{mo})"
            elif mod == "dau":
                rule, text = (
                    make_rule(y, (mo,), EARLY_DAY),
                    f"đầu tháng {mo}{_ys(y)} (hiểu là đến ngày {EARLY_DAY}/{mo})",
                )
                f.ambiguous = True
            elif mod == "giua":
                rule, text = (
                    make_rule(y, (mo,), MID_DAY),
                    f"giữa tháng {mo}{_ys(y)} (hiểu là đến ngày {MID_DAY}/{mo})",
                )
                f.ambiguous = True
            else:
                rule, text = make_rule(y, (mo,), LAST), f"trong tháng {mo}{_ys(y)}"
            f.items.append(_Item("window", (rule,), text, mod in ("truoc", "dau", "giua")))
        if len(f.items) - found_before > 1:
            _merge_lists(f, found_before, "trong tháng ")
        if (
            "ngay" in s
            and (day := _BARE_DAY.search(s)) is not None
            and 1 <= (d := int(day.group(2))) <= 31
        ):
            # "Tháng 6, tháng 12 (trước ngày 20)": that day of each month listed.
            before = bool(day.group(1)) or ("truoc" in s and _before_at(s, day.start()))
            s = _blank(s, day)
            word = "trước ngày" if before else "ngày"
            rule = make_rule(year, ALL_MONTHS, d, before)
            f.items.append(_Item("recurring", (rule,), f"{word} {d} của tháng", True))
    # Each month without a day: "hàng tháng", "cuối tháng", "đầu tháng".
    while (
        thang
        and "thang" in s
        and ("cuoi" in s or "dau" in s or "giua" in s)
        and (m := _END_EACH_M.search(s)) is not None
    ):
        s = _blank(s, m)
        word = m.group(0)
        if word.startswith("dau"):
            f.ambiguous = True
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, ALL_MONTHS, EARLY_DAY),),
                    f"đầu mỗi tháng (hiểu là đến ngày {EARLY_DAY} hằng tháng)",
                    True,
                )
            )
        elif word.startswith("giua"):
            f.ambiguous = True
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, ALL_MONTHS, MID_DAY),),
                    f"giữa mỗi tháng (ngày {MID_DAY})",
                    True,
                )
            )
        else:
            f.items.append(
                _Item("recurring", (make_rule(year, ALL_MONTHS, LAST),), "cuối mỗi tháng", False)
            )
    while (
        thang
        and "thang" in s
        and (
            "moi" in s
            or "tung" in s
            or "lan" in s
            or "dinh ky" in s
            or "bao cao thang" in s
            or s.count("hang") > 1  # "hang thang": "thang" holds one "hang" itself
        )
        and (m := _EACH_M.search(s)) is not None
    ):
        s = _blank(s, m)
        if (
            "ngay" in s
            and (day := _BARE_DAY.search(s)) is not None
            and 1 <= int(day.group(2)) <= 31
        ):
            # "Báo cáo tháng trước ngày 20": the day belongs to each month.
            before, d = (
                bool(day.group(1)) or ("truoc" in s and _before_at(s, day.start())),
                int(day.group(2)),
            )
            s = _blank(s, day)
            word = "trước ngày" if before else "ngày"
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, ALL_MONTHS, d, before),),
                    f"{word} {d} hằng tháng",
                    True,
                )
            )
        elif not _has_months(f.items, ALL_MONTHS, ""):
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, ALL_MONTHS, LAST),),
                    "hằng tháng (cuối mỗi tháng)",
                    False,
                )
            )
    return s
