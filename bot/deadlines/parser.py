"""Deadline phrase → Schedule: recognisers over a folded, normalised phrase."""

from __future__ import annotations

import calendar
import re

from bot.deadlines.phrases import (
    clean,
    drop_citations,
    fold_aligned,
    limit_clauses,
    normalise,
    segments,
)
from bot.deadlines.rhythms import (
    DAYS_EACH_M,
    _Found,
    _Item,
    days_each_month,
    drop_months,
    last_month_of_term,
    override_defaults,
    read_except,
    read_weekly,
    read_year_span,
)
from bot.deadlines.schedule import ALL_MONTHS, LAST, Rule, Schedule, make_rule, make_schedule
from bot.memo import bounded_memo
from bot.text import fold, squash

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


# ---- recognisers ---------------------------------------------------------------------------

_RELATIVE = re.compile(
    r"(?=[\dmhbns])(?<!ngay )(?<![\d#])(?:\d+|mot|hai|ba|nam|muoi)\s*(?:ngay|thang|tuan)(?:\s*lam viec)?\s*"
    r"(?:ke tu|sau khi|sau|tinh tu|truoc khi|khi)\b"
    r"|\bsau\s*\d+\s*ngay\b|\bngay sau khi\b"
)
_DMY_WORDS = re.compile(
    r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*(?:nam\s*|/)(\d{4}|\d{2}))?(?!\s*/?\s*\d)"
)
_MORE_MONTHS = re.compile(r"[\s#]*(?:,|va)\s*thang\s*(\d{1,2})\b(?!\s*[/.-]\s*\d)")
_DMY = re.compile(
    r"(?=\d)(?<!thang )(?<!thang)(?<![\d/#])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?![\d/])"
)
_MONTHS = re.compile(
    r"(?=[tcdgh])(?:(truoc|cuoi|dau|giua|het|trong)\s+)?thang\s*(\d{1,2})"
    r"((?:\s*(?:,|va|-|den)\s*(?:thang\s*)?\d{1,2}\b)*)"
    r"(?:\s*(?:/|nam\s*)(\d{4}|\d{2}))?(?!\s*/?\s*lan|\s*(?:dau|cuoi)\s*nam|\d)"
)
_QNUM = r"(?:iv|i{1,3}|[1-4](?!\s*(?:nam(?!\s*\d{4})|thang|ngay|/lan|lan)))\b"
_QUARTERS = re.compile(
    r"(?=[cdghtq])(?:(cuoi|dau|giua|trong|het)\s+)?quy\s*("
    + _QNUM
    + r"(?:\s*(?:,|va|-|den|hoac)\s*(?:quy\s*)?"
    + _QNUM
    + r")*)(?:\s*(?:/|nam\s*|-\s*)(\d{4}))?"
)
_QSEP = re.compile(r"\s*(?:,|va|-|den|hoac)\s*(?:quy\s*)?")
_DAY_LAST_Q = re.compile(
    r"(truoc\s+)?ngay\s*(\d{1,2})\s*(?:cua\s*)?(?:cac\s*)?thang\s*(cuoi|dau|giua)\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy"
    r"(\s*(?:tiep theo|ke tiep|sau)\b)?"
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
_HALF_FIRST = re.compile(
    r"(?:06|6|sau)\s*thang\s*dau\s*nam|nua\s*(?:dau\s*nam|nam\s*dau)|(?:06|6|sau)\s*thang\s*dau"
)
_HALF_LAST = re.compile(r"(?:06|6|sau)\s*thang\s*cuoi\s*nam|nua\s*(?:cuoi\s*nam|nam\s*cuoi)")
_NINE = re.compile(r"(?:09|9|chin)\s*thang(?:\s*dau\s*nam)?")
_THREE_FIRST = re.compile(r"(?:03|3|ba)\s*thang\s*dau\s*nam")
_EACH_HALF = re.compile(
    r"(?=[d6sh0nb])(?:dinh ky\s*)?(?:06|6|sau)\s*thang(?:\s*/?\s*(?:mot\s*|1\s*)?lan)?|(?:hang|moi)\s*nua\s*nam|nua\s*nam|ban nien"
)
_YEAR = re.compile(
    r"(?=[tchmdsn01])(?:(trong|ca|het|cuoi|hang|moi|tung|dau|suot)\s+)?(?:(?:01|1|mot)\s+)?"
    r"(?<!viet )(?<!quang )(?<!ha )\bnam\b(?:\s*(\d{4}))?(?!\s*(?:dinh|bo|trung|ky))"
)
_BARE_YEAR = re.compile(r"(?=2)(?<![\d/.])(20\d{2})(?![\d/.])")
_CONTINUOUS = re.compile(
    r"(?=[tlhmks])\bthuong xuyen\b|\blien tuc\b|\b(?:hang|moi) (?:ngay|tuan)\b|\bkhi phat sinh\b|\bsuot\b"
)
_ON_REQUEST = re.compile(
    r"dot xuat|theo yeu cau|khi (?:co|duoc) yeu cau|theo thoi diem yeu cau|khi can|theo chi dao"
    r"|trong truong hop|khi co thay doi|neu co\b"
)
_ELSEWHERE = re.compile(
    r"(?=[\stkdvc])(?:^\s*theo\b|\btheo (?:ke hoach|lo trinh|van ban|quy dinh|nghi quyet|huong dan|thong bao|"
    r"tien do|quyet dinh|chuong trinh|cong van)|ket hop|trong truong hop|\bvbx\b|\bdinh ky theo\b"
    r"|duoc giao|cua (?:bo|trung uong|cuc))"
)


_CELL = "\x00cell"


_HAS_DIGIT = re.compile(r"\d")
_LIST_SEP = re.compile(r"(\s*(?:,|va|-|den|hoac)\s*(?:quy\s*|thang\s*)?)")
_RANGE_GAP = re.compile(r"\s*(?:den|toi|-)\s*(?:het\s*)?(?:ngay\s*)?")
_BARE_DAY = re.compile(r"(truoc\s+)?ngay\s*(\d{1,2})\b(?!\s*(?:/|thang|-|\.\d))")
_YEARLY = re.compile(r"\b(?:hang|moi|tung)\s*nam\b")
_LIST_GAP = re.compile(r"[\s,]*(?:va|hoac|ngay|\s|,)*")
# (pattern, month, text, words the pattern cannot match without)
_PART_YEAR = (
    (_HALF_FIRST, 6, "6 tháng đầu năm", ("dau",)),
    (_HALF_LAST, 12, "6 tháng cuối năm", ("cuoi", "nam")),
    (_THREE_FIRST, 3, "3 tháng đầu năm", ("thang", "dau", "nam")),
)


def _parse_clause(s: str, year: int | None, f: _Found, digit: bool | None = None) -> None:
    """Read one clause into `f` (items and flags), consuming what each recogniser matched.

    `digit`: False if the clause has no digit, True if it may have one, None: look.
    """
    if (
        "thuong xuyen" in s or "lien tuc" in s or "g ngay" in s or "i ngay" in s
        or "tuan" in s or "phat sinh" in s or "suot" in s
    ) and _CONTINUOUS.search(s):  # fmt: skip
        f.ongoing = True
        s = _CONTINUOUS.sub(lambda m: "#" * len(m.group(0)), s)
    if (
        "dot xuat" in s or "yeu cau" in s or "khi" in s or "truong hop" in s or "neu co" in s
    ) and _ON_REQUEST.search(s):
        f.on_request = True
        s = _ON_REQUEST.sub(lambda m: "#" * len(m.group(0)), s)
    m = _RELATIVE.search(s) if "sau" in s or "ke tu" in s or "tinh tu" in s or "khi" in s else None
    if m and not _DMY.search(s) and not _DMY_WORDS.search(s):
        f.relative = f.relative or _CELL  # the cell itself states the rule
        return

    found_before = len(f.items)
    # Explicit dates: "ngày 15 tháng 8 năm 2025", "31/8/2025", "05/01".
    # Each pattern needs its words ("ngay", "thang") or a separator ("/", ".", "-").
    # Blanking only removes text: a clause without a digit never gets one, and every pattern
    # reading a day, a month number or a year is skipped for it.
    if digit is None:
        digit = _HAS_DIGIT.search(s) is not None
    # The same holds for words: each test below first asks whether the clause had the word at
    # all (a local flag), and only then whether it still has it.
    thang, quy, ngay = "thang" in s, "quy" in s, "ngay" in s
    dmy_words = thang and ngay
    dmy = "/" in s or "." in s or "-" in s
    for rx in (_DMY_WORDS, _DMY) if (dmy_words or dmy) and digit else ():
        if not (dmy_words if rx is _DMY_WORDS else dmy):
            continue
        prev_end, prev_before = -1, False
        while (
            ("thang" in s and "ngay" in s)
            if rx is _DMY_WORDS
            else ("/" in s or "." in s or "-" in s)
        ) and (m := rx.search(s)) is not None:
            g1, g2, g3 = m.groups()
            d, mo, y = int(g1), int(g2), _year(g3, year)
            before = "truoc" in s and _before_at(s, m.start())
            gap = s[prev_end : m.start()] if prev_end >= 0 else None
            if gap is not None and _RANGE_GAP.fullmatch(gap) and f.items[found_before:]:
                f.items.pop()  # "từ 01/3/2025 đến 30/6/2025": the period ends on the second
            elif gap is not None and _LIST_GAP.fullmatch(gap):
                before = prev_before  # "trước ngày 15/9 và 15/12": one "trước" for the list
            prev_end, prev_before = m.end(), before
            s = _blank(s, m)
            if not _valid(y, mo, d):
                continue
            word = "trước ngày" if before else "chậm nhất ngày"
            f.items.append(
                _Item("once", (make_rule(y, (mo,), d, before),), f"{word} {d}/{mo}{_ys(y)}", True)
            )
            if rx is _DMY_WORDS and m.group(3) is None:
                # "trước ngày 20 tháng 6 và tháng 12": the same day of each month listed.
                while (more := _MORE_MONTHS.match(s, m.end())) is not None:
                    s = _blank(s, more)
                    mo2 = int(more.group(1))
                    if _valid(y, mo2, d):
                        rule = make_rule(y, (mo2,), d, before)
                        f.items.append(_Item("once", (rule,), f"{word} {d}/{mo2}{_ys(y)}", True))
    if len(f.items) > found_before:
        if "nam" in s:
            _yearly(f, found_before, s)
        return  # "Báo cáo quý I chậm nhất ngày 22/3/2025": the quarter is a label
    # Every recogniser below needs one of these words: most clauses skip them all at once.
    if thang or quy or "nam" in s or "nua" in s or "ban nien" in s:
        s = _periods(s, year, f, found_before, digit, thang, quy, ngay)
    if (
        len(f.items) == found_before
        and not f.year_scope
        and digit
        and "20" in s
        and (m := _BARE_YEAR.search(s))
    ):
        y = int(m.group(1))
        f.year_scope, f.year_scope_year = True, y
        s = _blank(s, m)
    if (
        len(f.items) == found_before
        and not f.year_scope
        and (
            "theo" in s
            or "ket hop" in s
            or "truong hop" in s
            or "vbx" in s
            or "duoc giao" in s
            or "cua " in s
        )
        and _ELSEWHERE.search(s)
    ):
        f.elsewhere = True


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
                shifted = [mo + 3 for mo in months]
                if year is None:
                    months = tuple(sorted((mo - 1) % 12 + 1 for mo in shifted))
                else:
                    months = tuple(mo for mo in shifted if mo <= 12)
                    next_year = tuple(mo - 12 for mo in shifted if mo > 12)
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


def _periods(
    s: str,
    year: int | None,
    f: _Found,
    found_before: int,
    digit: bool,
    thang: bool,
    quy: bool,
    ngay: bool,
) -> str:
    """Days of each period, months, quarters, halves and years (see _parse_clause); the rest of s.

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
        elif not _has_months(f.items, QUARTER_ENDS, "recurring"):
            f.items.append(
                _Item(
                    "recurring",
                    (make_rule(year, QUARTER_ENDS, LAST),),
                    "hằng quý (cuối mỗi quý)",
                    False,
                )
            )
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
        elif mod in ("trong", "suot", "ca", "") and len(f.items) == found_before:
            f.year_scope = True
            f.year_scope_year = y
        else:
            tag = "recurring" if mod in ("hang", "moi", "tung") else "window"
            text = "hằng năm (31/12)" if tag == "recurring" else f"cuối năm{_sp(y)}"
            f.items.append(_Item(tag, (make_rule(y, (12,), LAST),), text, False))
    return s


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


_LIMIT_IN_BRACKETS = re.compile(
    r"\(\s*((?:truoc|cham nhat|khong qua|khong muon|han (?:cuoi|chot|nop|gui)|gui truoc|nop truoc"
    r"|(?:vao\s*|tu\s*)?ngay\s*\d)"
    r"(?:(?!\d\s*/\s*\d)[^()])*)\)"
)


_NEXT_YEAR = re.compile(r"\bnam\s*(?:sau|tiep theo|ke tiep)\b")
_NEXT_MONTH = re.compile(
    r"ngay\s*\d{1,2}\s*(?:cua\s*)?(thang\s*(?:tiep theo|ke tiep|sau)(?:\s*cua\s*quy)?)\b"
)


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
    if digit and "20" in folded and ("-" in folded or "den" in folded or "toi" in folded):
        folded = read_year_span(folded, f)
    if "tru" in folded or "khong ke" in folded:
        folded = read_except(folded, f)
    if "cuoi" in folded and "ky" in folded:
        folded = last_month_of_term(folded)
    if year is not None and "nam" in folded and ("nam sau" in folded or "nam tiep" in folded):
        # "trước ngày 10 tháng 01 năm sau": the year after the plan's
        folded = _NEXT_YEAR.sub(f"nam {year + 1}", folded)
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


def _kind(f: _Found) -> str:
    if f.items:
        first = f.items[0].tag
        if len(f.items) == 1:
            return first
        for i in f.items:
            if i.tag != first:
                return "multi"
        return "multi" if first == "once" else first
    if f.relative:
        return "relative"
    if f.ongoing:
        return "continuous"
    if f.year_scope:
        return "window"
    if f.elsewhere or f.on_request:
        return "elsewhere"
    return "unknown"


def _finish(text: str, f: _Found, year: int | None, cleaned: str | None = None) -> Schedule:
    """Turn what was read into a Schedule with its kind, flags and Vietnamese explanation.

    `cleaned` is clean(text) when the caller has it already.
    """
    if f.year_scope and not f.items and not f.ongoing:
        y = f.year_scope_year if f.year_scope_year is not None else year
        f.items.append(_Item("window", (make_rule(y, (12,), LAST),), f"trong năm{_sp(y)}", False))
    items = f.items
    if f.except_months:
        items = f.items = drop_months(items, f.except_months)
    if len(items) > 1:
        items = f.items = _drop_covered(override_defaults(items))
    rules: tuple[Rule, ...]
    if len(items) == 1:  # the common case: one reading
        kind, rules, parts = items[0].tag, items[0].rules, [items[0].explain]
    elif not items:
        kind, rules, parts = _kind(f), (), []
    else:
        kind = _kind(f)
        rules = tuple([r for i in items for r in i.rules])
        parts = _dedupe([i.explain for i in items])
    if cleaned is None:
        cleaned = clean(text)
    if f.ongoing:
        parts.insert(
            0, "thường xuyên" + (f" trong năm {f.year_scope_year}" if f.year_scope_year else "")
        )
    if f.relative:
        parts.append(f.relative)
    if kind == "elsewhere" and f.elsewhere:
        parts.append(f"theo văn bản hoặc kế hoạch khác: “{_cut(cleaned)}”")
    if f.on_request:
        if parts:
            parts.append("đột xuất khi có yêu cầu")
        elif len(cleaned) > 24:  # say whose request: "Theo yêu cầu của Chính phủ"
            parts.append(f"khi có yêu cầu: “{_cut(cleaned)}”")
        else:
            parts.append("khi có yêu cầu (đột xuất)")
    if kind == "unknown":
        parts = [f"chưa đọc được thời hạn: “{_cut(cleaned)}”"]
    before = False
    for r in rules:
        if r.before:
            before = True
            break
    return make_schedule(
        text,
        kind,
        before,
        f.ambiguous,
        kind == "unknown",
        f.ongoing,
        f.on_request,
        "; ".join(parts),
        rules,
        f.relative,
    )


def _drop_covered(items: list[_Item]) -> list[_Item]:
    """A window already given by a recurring rule ("hằng quý và năm": 31/12) adds nothing."""
    if len(items) < 2:
        return items
    recurring = [r for i in items if i.tag == "recurring" for r in i.rules]
    if not recurring:
        return items
    out = []
    for item in items:
        covered = (
            item.tag in ("window", "once")
            and all(len(r.months) == 1 for r in item.rules)
            and all(
                any(
                    q.year == r.year
                    and r.months[0] in q.months
                    and q.day == r.day
                    and q.before == r.before
                    for q in recurring
                )
                for r in item.rules
            )
        )
        if not covered:
            out.append(item)
    return out


def _dedupe(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def _short(text: str, limit: int = 120) -> str:
    return _cut(clean(text), limit)


def _cut(cleaned: str, limit: int = 120) -> str:
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _relative_text(clause: str) -> str:
    return clean(clause).rstrip(" .;,")


def _search_form(cleaned: str, aligned: str) -> str:
    """fold(cleaned), from its aligned fold when that is plain ASCII (the same string, cheaply).

    On an NFC text every character whose aligned fold is ASCII folds to that same character
    under bot.text.fold, except "İ" (kept upper-case by fold_aligned): then fold is called.
    """
    if aligned.isascii() and "I" not in aligned:
        return squash(aligned)
    return fold(cleaned)


# ---- one-shot reading of the commonest cell shapes ------------------------------------------
#
# Most time cells are one short clause of a handful of shapes ("Thường xuyên", "Quý III/2025",
# "Tháng 9/2025", "Trước 31/8/2025", "Trước ngày 20 hằng tháng", "Hằng quý", "Trong năm
# 2025", "Theo kế hoạch", "Đột xuất"). One anchored match on the aligned fold reads them and
# builds the Schedule at once; anything else (context, lists, variants, citations, other words)
# takes the general path. This is a grammar of shapes, not a table of phrases: every day,
# month, quarter and year is read from the text.
#
# Why the reading is the same as the general path's: the words of these shapes hold none of
# the substrings that make normalise() rewrite ("," ":" "&" "+" "thg" "hn" "q3" "t9" "mong"
# "ngay thu", two spaces, a space beside "/"), so normalising only strips the edge characters
# " .;-" matched around the body here; the body has no clause separator and no citation, so it
# is one clause; and each shape matches exactly one recogniser of _parse_clause, which
# consumes it whole and gives the item built below. A differential check against the general
# path (tables, every seed cell, random mutations) found no difference.
_QUARTER_MONTH = {
    "cuoi": (QUARTER_ENDS, "cuối"),
    "dau": (QUARTER_FIRSTS, "đầu"),
    "giua": (QUARTER_MIDDLES, "giữa"),
}
_DIGITS = "0123456789"
# How a day/month ("31/8", "1/7") or a year of this century ("2025") starts: three characters.
_DIGIT_STARTS = tuple(
    [a + b + "/" for a in _DIGITS for b in _DIGITS]
    + [a + "/" + b for a in _DIGITS for b in _DIGITS]
)
_YEAR_STARTS = tuple("20" + a for a in _DIGITS)
_Y = r"([0-9]{4}|[0-9]{2})"  # a year as _year() reads it
# (shape, how it can start, its pattern with its groups), in the order they are tried.
_FAST_SHAPES = (
    # "thường xuyên", "liên tục", "... trong năm [2025]"
    (
        "cont",
        ("thuong xuyen", "lien tuc", "hang ngay", "moi ngay", "hang tuan", "moi tuan", "khi phat"),
        r"(?:thuong xuyen|lien tuc|(?:hang|moi) (?:ngay|tuan)|khi phat sinh)"
        r"( trong nam(?: ([0-9]{4}))?)?",
    ),
    # "Quý III", "trong quý 3/2025", "cuối quý IV năm 2025"
    (
        "quarter",
        ("cuoi quy", "trong quy", "het quy", "dau quy", "giua quy", "quy "),
        r"(?:(cuoi|trong|het|dau|giua) )?quy (iv|i{1,3}|[1-4])(?:(?:/| nam )([0-9]{4}))?",
    ),
    # "Tháng 9/2025", "trước tháng 9", "đầu tháng 9 năm 2025"
    (
        "month",
        ("truoc", "cuoi", "dau", "giua", "het", "trong", "thang"),
        r"(?:(truoc|cuoi|dau|giua|het|trong) )?thang ([0-9]{1,2})(?:(?:/| nam )" + _Y + ")?",
    ),
    # "Trước 31/8/2025", "chậm nhất ngày 15/8", "15/02/2023"
    (
        "date",
        ("truoc", "hoan thanh", "xong", "cham nhat", "han chot", "ngay", *_DIGIT_STARTS),
        r"(?:(truoc|hoan thanh truoc|xong truoc|cham nhat|cham nhat la|han chot) )?"
        r"(?:ngay )?([0-9]{1,2})/([0-9]{1,2})(?:/" + _Y + ")?",
    ),
    # "Chậm nhất ngày 15 tháng 8 năm 2025", "trước ngày 31 tháng 8/2025"
    (
        "date",
        ("truoc", "cham nhat", "ngay"),
        r"(?:(truoc|cham nhat|cham nhat la) )?ngay ([0-9]{1,2}) thang ([0-9]{1,2})"
        r"(?:(?: nam |/)" + _Y + ")?",
    ),
    # "Trước ngày 20 hằng tháng", "ngày 05 hàng tháng", "trước ngày 20 của tháng"
    (
        "monthly",
        ("truoc", "cham nhat", "ngay"),
        r"(?:(truoc|cham nhat|cham nhat la|cham nhat vao) )?ngay ([0-9]{1,2}) (?:cua )?"
        r"(?:(?:hang|moi|tung|cac) )?thang",
    ),
    # "Trước ngày 10 hằng quý", "ngày 10 của quý" (the quarter's first month)
    (
        "day_each_q",
        ("truoc", "cham nhat", "ngay"),
        r"(?:(truoc|cham nhat|cham nhat la) )?ngay ([0-9]{1,2}) "
        r"(?:cua (?:(?:hang|moi|tung|cac) )?|(?:hang|moi|tung|cac) )quy",
    ),
    # "Chậm nhất là ngày 19 của tháng cuối quý", "ngày 10 tháng giữa quý"
    (
        "day_edge_q",
        ("truoc", "cham nhat", "ngay"),
        r"(?:(truoc|cham nhat|cham nhat la) )?ngay ([0-9]{1,2}) (?:cua )?(?:cac )?"
        r"thang (cuoi|dau|giua) (?:cua )?(?:(?:moi|hang) )?quy",
    ),
    # "Định kỳ 6 tháng", "06 tháng/lần", "6 tháng một lần", "hằng nửa năm", "bán niên"
    (
        "half",
        ("dinh ky", "06 ", "6 t", "hang nua", "moi nua", "nua nam", "ban nien"),
        r"(?:dinh ky )?(?:06|6) thang(?:/lan|/1 lan|/mot lan| mot lan| 1 lan)?"
        r"|(?:(?:hang|moi) )?nua nam|ban nien",
    ),
    # "Hằng tháng", "định kỳ hàng tháng", "cuối tháng", "đầu mỗi tháng"
    (
        "each_m",
        ("dinh ky", "bao cao", "hang", "moi", "tung", "01 ", "1 t", "mot"),
        r"(?:dinh ky |bao cao )?(?:hang|moi|tung) thang(?: mot lan| 1 lan)?"
        r"|(?:dinh ky )?(?:01|1|mot) thang(?:/| )(?:mot |1 )?lan|dinh ky (?:01|1|mot) thang",
    ),
    ("edge_m", ("cuoi", "dau", "giua"), r"(cuoi|dau|giua) (?:(?:hang|moi|tung|cac) )?thang"),
    # "Hằng quý", "định kỳ hằng quý", "cuối quý", "đầu mỗi quý"
    (
        "each_q",
        ("dinh ky", "bao cao", "hang", "moi", "tung", "cuoi", "dau", "quy", "03 ", "3 t", "ba "),
        r"(?:dinh ky |bao cao )?(?:hang|moi|tung) quy|(cuoi|dau) (?:moi )?quy|quy (?:mot|1) lan"
        r"|(?:dinh ky )?(?:03|3|ba) thang(?:/| )(?:mot |1 )?lan|dinh ky (?:03|3|ba) thang",
    ),
    # "Trong năm", "năm 2025", "cuối năm", "hằng năm", "2025"
    (
        "year",
        ("trong", "ca ", "het", "cuoi", "hang", "moi", "tung", "dau", "nam"),
        r"(?:(trong|ca|het|cuoi|hang|moi|tung|dau) )?nam(?: ([0-9]{4}))?",
    ),
    ("bare_year", _YEAR_STARTS, r"(20[0-9]{2})"),
    # "Theo kế hoạch", "theo quy định"
    (
        "elsewhere",
        ("theo",),
        r"theo (?:ke hoach|lo trinh|van ban|quy dinh|huong dan|nghi quyet|tien do)",
    ),
    # "Đột xuất", "theo yêu cầu", "khi có yêu cầu"
    (
        "request",
        ("dot xuat", "theo", "khi co"),
        r"dot xuat|dot xuat theo yeu cau|dot xuat khi co yeu cau|theo yeu cau|khi co yeu cau",
    ),
)
# The first three characters of the cell (after the edge characters) → the shapes that can
# start with them, in the order above: trying only those keeps a cell of no shape cheap.
_FAST_BY_START: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    key: tuple(
        (shape, re.compile("(?:" + p + r")[-.; ]*"))
        for shape, starts, p in _FAST_SHAPES
        if key in {w[:3] for w in starts}
    )
    for key in {w[:3] for _, starts, _ in _FAST_SHAPES for w in starts}
}


def _fast(raw: str, cleaned: str, aligned: str, year: int | None) -> Schedule | None:
    """The Schedule of a cell of one of the shapes of _FAST_SHAPES, or None (general path)."""
    body = aligned.lstrip("-.; ")
    for shape, rx in _FAST_BY_START.get(body[:3], ()):  # noqa: B007 (used after the loop)
        if (m := rx.fullmatch(body)) is not None:
            break
    else:
        return None
    ongoing = on_request = ambiguous = before = False
    explain: str
    rules: tuple[Rule, ...] = ()
    if shape == "date":
        pre, d_s, mo_s, y_s = m.groups()
        d, mo, y = int(d_s), int(mo_s), _year(y_s, year)
        if not _valid(y, mo, d):
            return None
        before = pre is not None and "truoc" in pre
        kind = "once"
        rules = (make_rule(y, (mo,), d, before),)
        explain = f"{'trước ngày' if before else 'chậm nhất ngày'} {d}/{mo}{_ys(y)}"
    elif shape == "monthly":
        pre, d_s = m.groups()
        d = int(d_s)
        if not 1 <= d <= 31:
            return None
        before = pre == "truoc"
        kind = "recurring"
        rules = (make_rule(year, ALL_MONTHS, d, before),)
        explain = f"{'trước ngày' if before else 'ngày'} {d} hằng tháng"
    elif shape == "cont":
        kind, ongoing = "continuous", True
        within, y_s = m.groups()
        y = _year(y_s, year) if within else None
        explain = f"thường xuyên trong năm {y}" if y else "thường xuyên"
    elif shape == "quarter":
        mod, q_s, y_s = m.groups()
        q, y = ROMAN[q_s], _year(y_s, year)
        kind = "window"
        if mod == "dau":
            ambiguous = True
            mo = QUARTER_FIRSTS[q - 1]
            rules = (make_rule(y, (mo,), EARLY_DAY),)
            explain = f"đầu quý {ROMAN_OUT[q]}{_ys(y)} (hiểu là đến ngày {EARLY_DAY}/{mo})"
        else:
            rules = (make_rule(y, (QUARTER_ENDS[q - 1],), LAST),)
            explain = f"{'cuối' if mod == 'cuoi' else 'trong'} quý {ROMAN_OUT[q]}{_ys(y)}"
    elif shape == "month":
        mod, mo_s, y_s = m.groups()
        mo = int(mo_s)
        if not 1 <= mo <= 12:
            return None
        y = _year(y_s, year)
        kind = "window"
        if mod == "truoc":
            before = True
            rules = (make_rule(y, (mo,), 1, True),)
            explain = f"trước tháng {mo}{_ys(y)} (trước ngày 1/{mo})"
        elif mod == "dau":
            ambiguous = True
            rules = (make_rule(y, (mo,), EARLY_DAY),)
            explain = f"đầu tháng {mo}{_ys(y)} (hiểu là đến ngày {EARLY_DAY}/{mo})"
        elif mod == "giua":
            ambiguous = True
            rules = (make_rule(y, (mo,), MID_DAY),)
            explain = f"giữa tháng {mo}{_ys(y)} (hiểu là đến ngày {MID_DAY}/{mo})"
        else:
            rules = (make_rule(y, (mo,), LAST),)
            explain = f"trong tháng {mo}{_ys(y)}"
    elif shape == "day_each_q":
        pre, d_s = m.groups()
        d = int(d_s)
        if not 1 <= d <= 31:
            return None
        before = pre == "truoc"
        kind = "recurring"
        rules = (make_rule(year, QUARTER_FIRSTS, d, before),)
        explain = f"{'trước ngày' if before else 'ngày'} {d} hằng quý (tháng đầu quý)"
    elif shape == "day_edge_q":
        pre, d_s, which = m.groups()
        d = int(d_s)
        if not 1 <= d <= 31:
            return None
        before = pre == "truoc"
        kind = "recurring"
        months, name = _QUARTER_MONTH[which]
        rules = (make_rule(year, months, d, before),)
        explain = f"{'trước ngày' if before else 'ngày'} {d} tháng {name} mỗi quý"
    elif shape == "half":
        kind = "recurring"
        rules = (make_rule(year, (6, 12), LAST),)
        explain = "6 tháng một lần (30/6 và 31/12)"
    elif shape == "each_m":
        kind = "recurring"
        rules = (make_rule(year, ALL_MONTHS, LAST),)
        explain = "hằng tháng (cuối mỗi tháng)"
    elif shape == "edge_m":
        kind = "recurring"
        edge = m.group(1)
        if edge == "dau":
            ambiguous = True
            rules = (make_rule(year, ALL_MONTHS, EARLY_DAY),)
            explain = f"đầu mỗi tháng (hiểu là đến ngày {EARLY_DAY} hằng tháng)"
        elif edge == "giua":
            ambiguous = True
            rules = (make_rule(year, ALL_MONTHS, MID_DAY),)
            explain = f"giữa mỗi tháng (ngày {MID_DAY})"
        else:
            rules = (make_rule(year, ALL_MONTHS, LAST),)
            explain = "cuối mỗi tháng"
    elif shape == "each_q":
        kind = "recurring"
        if m.group(1) == "dau":
            ambiguous = True
            rules = (make_rule(year, QUARTER_FIRSTS, EARLY_DAY),)
            explain = f"đầu mỗi quý (hiểu là đến ngày {EARLY_DAY} tháng đầu quý)"
        else:
            rules = (make_rule(year, QUARTER_ENDS, LAST),)
            explain = "hằng quý (cuối mỗi quý)"
    elif shape == "year" or shape == "bare_year":
        if shape == "year":
            mod, y_s = m.groups()
            y = _year(y_s, year)
        else:
            mod, y = None, int(m.group(1))
        if mod == "dau":
            kind, ambiguous = "window", True
            rules = (make_rule(y, (3,), LAST),)
            explain = f"đầu năm{_sp(y)} (hiểu là trong quý I)"
        else:
            rules = (make_rule(y, (12,), LAST),)
            if mod == "hang" or mod == "moi" or mod == "tung":
                kind, explain = "recurring", "hằng năm (31/12)"
            elif mod == "het" or mod == "cuoi":
                kind, explain = "window", f"cuối năm{_sp(y)}"
            else:  # a year scope alone: the year is the window
                kind, explain = "window", f"trong năm{_sp(y)}"
    elif shape == "elsewhere":
        kind = "elsewhere"
        explain = f"theo văn bản hoặc kế hoạch khác: “{_cut(cleaned)}”"
    else:  # "request"
        kind, on_request = "elsewhere", True
        if len(cleaned) > 24:
            explain = f"khi có yêu cầu: “{_cut(cleaned)}”"
        else:
            explain = "khi có yêu cầu (đột xuất)"
    return make_schedule(
        raw, kind, before, ambiguous, False, ongoing, on_request, explain, rules, None
    )


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
        _apply_context(f, clauses, year)
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


# Bounded in characters: the context is the task's whole text, which a crafted plan makes huge.
_parse_cached = bounded_memo(maxsize=2048, max_key_chars=2048)(parse_uncached)


def _apply_context(f: _Found, clauses: list[str], year: int | None) -> None:
    """A limit stated in the task text completes a vague cell, or adds to a dated one."""
    for clause in clauses:
        c = _read(clean(clause), year)
        if c.relative and not c.items:
            if not f.relative:
                f.relative = clause
            continue
        if not c.items:
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
