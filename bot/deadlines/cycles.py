"""Longer cycles: listed quarters, every two months, each quarter, halves, nine months, the year."""

from __future__ import annotations

import re

from bot.deadlines.months import _BARE_DAY
from bot.deadlines.rhythms import (
    _Found,
    _Item,
)
from bot.deadlines.schedule import ALL_MONTHS, LAST, make_rule
from bot.deadlines.words import (
    EARLY_DAY,
    QUARTER_ENDS,
    QUARTER_FIRSTS,
    ROMAN,
    ROMAN_OUT,
    _before_at,
    _blank,
    _has_months,
    _list_numbers,
    _merge_lists,
    _sp,
    _year,
    _yearly,
    _ys,
)

_QNUM = r"(?:iv|i{1,3}|[1-4](?!\s*(?:nam(?!\s*\d{4})|thang|ngay|/lan|lan)))\b"
_QUARTERS = re.compile(
    r"(?=[cdghtq])(?:(cuoi|dau|giua|trong|het)\s+)?quy\s*("
    + _QNUM
    + r"(?:\s*(?:,|va|-|den|hoac)\s*(?:quy\s*)?"
    + _QNUM
    + r")*)(?:\s*(?:/|nam\s*|-\s*)(\d{4}))?"
)
_NOT_QUARTER = r"(?!\s*(?:dinh|che|trinh|hoach|mo\b|tac|chuan|pham|luat|uoc|doi|nap|trach|dat))"
_EACH_Q = re.compile(
    r"(?=[hmtbdcq03])(?:(?:hang|moi|tung)\s*quy|bao cao quy|dinh ky quy|(?:cuoi|dau)\s*(?:moi\s*)?quy)"
    + _NOT_QUARTER
    + r"|(?:dinh ky\s*)?(?:03|3|ba)\s*thang\s*/?\s*(?:mot\s*|1\s*)?lan"
    r"|dinh ky\s*(?:03|3|ba)\s*thang|quy\s*(?:mot|1)\s*lan|theo quy\b(?!\s*[a-z])"
    r"|(?<![a-z#] )(?<![a-z#])quy(?=\s*(?:,|va|/)\s*(?:nam|(?:06|6|sau) thang)\b)"
)
_EACH_2M = re.compile(
    r"(?<![\d#])(?:dinh ky\s*)?(?:02|2|hai)\s*thang\s*/?\s*(?:mot\s*|1\s*)?lan"
    r"|dinh ky\s*(?:02|2|hai)\s*thang\b"
)
_NINE = re.compile(r"(?:09|9|chin)\s*thang(?:\s*dau\s*nam)?")
_EACH_HALF = re.compile(
    r"(?=[d6sh0nb])(?:dinh ky\s*)?(?:06|6|sau)\s*thang(?:\s*/?\s*(?:mot\s*|1\s*)?lan)?|(?:hang|moi)\s*nua\s*nam|nua\s*nam|ban nien"
)
# "2 lần/năm", "hai lần một năm", "mỗi năm 4 lần": the count of reports a year sets the rhythm.
_TIMES_A_YEAR = re.compile(
    r"(?<![\d#])(01|1|mot|02|2|hai|04|4|bon|06|6|12|muoi hai)\s*lan\s*"
    r"(?:/|trong|moi|mot|1)?\s*(?:mot\s*|1\s*)?nam\b"
    r"|\b(?:moi|hang)\s*nam\s*(01|1|mot|02|2|hai|04|4|bon|06|6|12|muoi hai)\s*lan\b"
)
_TIMES = {"01": 1, "1": 1, "mot": 1, "02": 2, "2": 2, "hai": 2, "04": 4, "4": 4, "bon": 4}
_TIMES |= {"06": 6, "6": 6, "12": 12, "muoi hai": 12}
# times a year → (the months each period ends, the explanation)
_TIMES_MONTHS = {
    1: ((12,), "1 lần một năm (31/12)"),
    2: ((6, 12), "2 lần một năm (30/6 và 31/12)"),
    4: (QUARTER_ENDS, "4 lần một năm (cuối mỗi quý)"),
    6: ((2, 4, 6, 8, 10, 12), "6 lần một năm (cuối tháng 2, 4, 6, 8, 10, 12)"),
    12: (ALL_MONTHS, "12 lần một năm (cuối mỗi tháng)"),
}
_YEAR = re.compile(
    r"(?=[tchmdsgn01])(?:(trong|ca|het|cuoi|hang|moi|tung|dau|giua|suot)\s+)?(?:(?:01|1|mot)\s+)?"
    r"(?<!viet )(?<!quang )(?<!ha )\bnam\b(?:\s*(\d{4}))?(?!\s*(?:dinh|bo|trung|ky))"
)


def _cycle_periods(
    s: str,
    year: int | None,
    f: _Found,
    found_before: int,
    digit: bool,
    thang: bool,
    quy: bool,
) -> str:
    """Quarters, two-month, quarterly, half-yearly, nine-month and yearly periods; the rest of s.

    `digit`, `thang`, `quy`: whether the clause had a digit or the word when it started.
    """
    # Listed quarters: "Quý II, III/2025", "Quý I, Quý II", "cuối quý III".
    while quy and "quy" in s and (m := _QUARTERS.search(s)) is not None:
        s = _blank(s, m)
        mod_g, qlist, year_g = m.groups()
        mod = mod_g or ""
        y = _year(year_g, year)
        one = ROMAN.get(qlist)  # one quarter (1..4): what _list_numbers gives for it
        for q in (one,) if one is not None else _list_numbers(qlist, 4, f):
            if mod == "dau":
                f.ambiguous = True
                mo = QUARTER_FIRSTS[q - 1]
                rule = make_rule(y, (mo,), EARLY_DAY)
                text = f"đầu quý {ROMAN_OUT[q]}{_ys(y)} (hiểu là đến ngày {EARLY_DAY}/{mo})"
            else:
                rule = make_rule(y, (QUARTER_ENDS[q - 1],), LAST)
                text = f"{'cuối' if mod == 'cuoi' else 'trong'} quý {ROMAN_OUT[q]}{_ys(y)}"
            f.items.append(_Item("window", (rule,), text, False))
        if len(f.items) - found_before > 1:
            _merge_lists(f, found_before, "trong quý ")
    # Every two months: "Định kỳ 2 tháng/lần" (the ends of Feb, Apr, ... Dec).
    while thang and ("lan" in s or "dinh ky" in s) and (m := _EACH_2M.search(s)) is not None:
        s = _blank(s, m)
        f.items.append(
            _Item(
                "recurring",
                (make_rule(year, (2, 4, 6, 8, 10, 12), LAST),),
                "2 tháng một lần (cuối tháng 2, 4, 6, 8, 10, 12)",
                False,
            )
        )
    # Each quarter without a day.
    while (
        (quy and "quy" in s) or (thang and "thang" in s and ("lan" in s or "dinh ky" in s))
    ) and (m := _EACH_Q.search(s)) is not None:
        s = _blank(s, m)
        word = m.group(0)
        if word.startswith("dau"):
            f.ambiguous = True
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, QUARTER_FIRSTS, EARLY_DAY),),
                    f"đầu mỗi quý (hiểu là đến ngày {EARLY_DAY} tháng đầu quý)",
                    True,
                )
            )
        elif (
            "ngay" in s
            and (day := _BARE_DAY.search(s)) is not None
            and 1 <= (d := int(day.group(2))) <= 31
        ):
            # "Hằng quý (chậm nhất ngày 10)": read as "ngày 10 hằng quý" (DOMAIN.md §3: the
            # quarter's first month); the words name no month of the quarter: flagged.
            before = bool(day.group(1)) or ("truoc" in s and _before_at(s, day.start()))
            s = _blank(s, day)
            f.ambiguous = True
            word = "trước ngày" if before else "ngày"
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, QUARTER_FIRSTS, d, before),),
                    f"{word} {d} hằng quý (hiểu là tháng đầu quý)",
                    True,
                )
            )
        elif not _has_months(f.items, QUARTER_ENDS, "recurring"):
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, QUARTER_ENDS, LAST),),
                    "hằng quý (cuối mỗi quý)",
                    False,
                )
            )
    while "lan" in s and "nam" in s and (m := _TIMES_A_YEAR.search(s)) is not None:
        s = _blank(s, m)
        months, text = _TIMES_MONTHS[_TIMES[m.group(1) or m.group(2)]]
        f.items.append(_Item("recurring", (make_rule(year, months, LAST),), text, False))
    # Half-yearly, nine months.
    while (
        thang and "thang" in s and ("9" in s or "chin" in s) and (m := _NINE.search(s)) is not None
    ):
        s = _blank(s, m)
        f.items.append(
            _Item("window", (make_rule(year, (9,), LAST),), f"9 tháng đầu năm{_sp(year)}", False)
        )
    while (
        (thang and "thang" in s and ("6" in s or "sau" in s)) or "nua" in s or "ban nien" in s
    ) and (m := _EACH_HALF.search(s)) is not None:
        s = _blank(s, m)
        f.items.append(
            _Item(
                "recurring",
                (make_rule(year, (6, 12), LAST),),
                "6 tháng một lần (30/6 và 31/12)",
                False,
            )
        )
    if len(f.items) > found_before and "nam" in s:
        s = _yearly(f, found_before, s)  # "Quý I hằng năm": each year's first quarter
    # The year: "trong năm 2025", "năm 2023", "1 năm", "cuối năm", "hằng năm".
    while "nam" in s and (m := _YEAR.search(s)) is not None:
        s = _blank(s, m)
        mod = m.group(1) or ""
        y = _year(m.group(2), year)
        if mod == "dau":
            f.ambiguous = True
            f.items.append(
                _Item(
                    "window",
                    (make_rule(y, (3,), LAST),),
                    f"đầu năm{_sp(y)} (hiểu là trong quý I)",
                    False,
                )
            )
        elif mod == "giua":
            f.ambiguous = True
            f.items.append(
                _Item(
                    "window",
                    (make_rule(y, (6,), LAST),),
                    f"giữa năm{_sp(y)} (hiểu là hết 6 tháng đầu năm, 30/6)",
                    False,
                )
            )
        elif mod in ("trong", "suot", "ca", "") and len(f.items) == found_before:
            f.year_scope = True
            f.year_scope_year = y
        else:
            tag = "recurring" if mod in ("hang", "moi", "tung") else "window"
            text = "hằng năm (31/12)" if tag == "recurring" else f"cuối năm{_sp(y)}"
            f.items.append(_Item(tag, (make_rule(y, (12,), LAST),), text, False))
    return s
