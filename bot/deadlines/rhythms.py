"""What a deadline phrase's clauses were read as, and readings of rhythms and limits across them.

The parser (bot.deadlines.parser) fills a _Found clause by clause; the readings here look at
the whole phrase: a weekly rhythm with its weekday, several days of each month, a span of years,
and an explicit limit that replaces the default end of its rhythm's period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.deadlines.schedule import ALL_MONTHS, LAST, Rule, make_rule, weekday_day


@dataclass(slots=True)
class _Item:
    """One reading found in a clause: its rules, a Vietnamese explanation and its tag."""

    tag: str  # once | window | recurring
    rules: tuple[Rule, ...]
    explain: str
    specific: bool  # names a day (not merely a period end)


@dataclass(slots=True)
class _Found:
    items: list[_Item] = field(default_factory=list)
    ongoing: bool = False
    on_request: bool = False
    elsewhere: bool = False
    relative: str | None = None
    ambiguous: bool = False
    year_scope: bool = False  # "trong năm 2025" seen: a scope, or a window when alone
    year_scope_year: int | None = None
    cited: int = 0
    except_months: tuple[int, ...] = ()  # "trừ tháng 12": months taken out of every rhythm


# ---- weekly rhythms: "Thứ Sáu hằng tuần", "hàng tuần (thứ 2)" ----------------------------

_WEEKLY = re.compile(
    r"\b(?:(?:hang|moi|tung|cac)\s*tuan|tuan\s*(?:mot|1)\s*lan|(?:bao cao|dinh ky)\s*tuan)\b"
)
_WEEKDAY = re.compile(r"(truoc\s*)?\b(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))\b")
_WEEKDAY_NUMBER = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_WEEKDAY_NAME = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _blank_span(s: str, start: int, end: int) -> str:
    return s[:start] + "#" * (end - start) + s[end:]


def read_weekly(aligned: str, year: int | None, f: _Found) -> str:
    """Every named weekday of a weekly rhythm, as one recurring item; the text without them.

    "hằng tuần" alone stays continuous (no weekday, no date).
    """
    if "tuan" not in aligned or (weekly := _WEEKLY.search(aligned)) is None:
        return aligned
    days = list(_WEEKDAY.finditer(aligned))
    if not days:
        return aligned
    rules: list[Rule] = []
    names: list[str] = []
    s = aligned
    for m in days:
        word = m.group(2)
        wd = 6 if m.group(3) else _WEEKDAY_NUMBER.get(word, int(word) - 2 if word.isdigit() else 0)
        before = bool(m.group(1))
        rules.append(make_rule(year, ALL_MONTHS, weekday_day(wd), before))
        names.append(("trước " if before else "") + _WEEKDAY_NAME[wd])
        s = _blank_span(s, m.start(), m.end())
    s = _blank_span(s, weekly.start(), weekly.end())
    f.items.append(_Item("recurring", tuple(rules), " và ".join(names) + " hằng tuần", True))
    return s


# ---- a span of years: "Giai đoạn 2025-2030" ---------------------------------------------

_YEAR_SPAN = re.compile(
    r"(?:giai doan|thoi ky|tu nam|tu)?\s*(?<![\d/.])(20\d{2})\s*(?:-|den|toi)\s*(?:nam\s*)?"
    r"(20\d{2})(?![\d/.])"
)


def read_year_span(s: str, f: _Found) -> str:
    """ "giai đoạn 2025-2030": one window to the end of its last year; the text without it."""
    if (m := _YEAR_SPAN.search(s)) is None or int(m.group(2)) <= int(m.group(1)):
        return s
    y1, y2 = int(m.group(1)), int(m.group(2))
    rule = make_rule(y2, (12,), LAST)
    f.items.append(_Item("window", (rule,), f"giai đoạn {y1}-{y2} (đến 31/12/{y2})", False))
    return _blank_span(s, m.start(), m.end())


# ---- several days of each month: "ngày 10 và ngày 25 hằng tháng" ------------------------

DAYS_EACH_M = re.compile(
    r"(truoc\s+)?ngay\s*(\d{1,2})((?:\s*(?:,|va)\s*(?:ngay\s*)?(?:\d{1,2}\b|cuoi(?:\s*cung)?))+)"
    r"\s*(?:cua\s*)?(?:(?:hang|moi|tung|cac)\s*thang|thang(?!\s*\d))"
)
_DAY_TOKEN = re.compile(r"\d{1,2}\b|cuoi")


def days_each_month(m: re.Match[str], year: int | None, before: bool) -> _Item | None:
    """The item of a DAYS_EACH_M match: each listed day (or the month's end) of every month."""
    days: list[int] = [int(m.group(2))]
    days.extend(LAST if t == "cuoi" else int(t) for t in _DAY_TOKEN.findall(m.group(3)))
    days = [d for d in dict.fromkeys(days) if d == LAST or 1 <= d <= 31]
    if len(days) < 2:
        return None
    rules = tuple(make_rule(year, ALL_MONTHS, d, before and d != LAST) for d in days)
    names = ", ".join("cuối tháng" if d == LAST else f"ngày {d}" for d in days)
    return _Item("recurring", rules, f"{'trước ' if before else ''}{names} hằng tháng", True)


# ---- an explicit limit replaces its rhythm's default end ---------------------------------


_YEAR_SUFFIX = re.compile(r"/\d{4}$")
_MONTH_NAMED = re.compile(r"tháng \d")


def _period(item: _Item, rule: Rule) -> int:
    """How many months the period ending in each of `rule`'s months lasts."""
    n = len(rule.months)
    if n > 1:
        return 12 // n if 12 % n == 0 else 1
    text = item.explain
    for word, months in (("6 tháng", 6), ("9 tháng", 9), ("quý", 3)):
        if word in text:
            return months
    if _MONTH_NAMED.search(text) is None and "năm" in text:
        return 12
    return 1


def _rhythm(item: _Item) -> int:
    """How many times a year a specific recurring item falls due (0: not every year)."""
    if item.tag != "recurring":
        return 0
    months = {m for r in item.rules for m in r.months}
    return len(months)


def override_defaults(items: list[_Item]) -> list[_Item]:
    """Drop the default period ends that an explicit limit of the same period replaces.

    "Hằng quý; riêng quý IV gửi trước 10/12" is due 31/3, 30/6, 30/9 and before 10/12;
    "Định kỳ quý, trước ngày 05 tháng đầu quý tiếp theo" only on the 5ths.
    """
    specific = [i for i in items if i.specific]
    if not specific:
        return items
    if len(specific) == len(items):
        return _year_replaces_last_term(items)
    listed = all(len(r.months) == 1 for i in items if not i.specific for r in i.rules)
    if listed and any(i.tag == "recurring" for i in specific):
        return _within_windows(items)
    rhythms = {_rhythm(i) for i in specific} - {0}
    dated = [
        (r.year, m) for i in specific if i.tag != "recurring" for r in i.rules for m in r.months
    ]
    n_dated = len(set(dated))
    yearly = False
    out: list[_Item] = []
    for item in items:
        if item.specific:
            out.append(item)
            continue
        if item.tag == "recurring" and _rhythm(item) in rhythms:
            continue  # the explicit day of the same rhythm replaces the default end
        if n_dated and sum(len(r.months) for r in item.rules) <= n_dated:
            # "6 tháng (trước 10/7), năm (trước 10/1)": the periods label the dates.
            yearly = yearly or (item.tag == "recurring" and "hằng năm" in item.explain)
            continue
        rules: list[Rule] = []
        for r in item.rules:
            span = _period(item, r)
            keep = tuple(
                p
                for p in r.months
                if not any(
                    (y is None or r.year is None or y == r.year) and p - span < m <= p
                    for y, m in dated
                )
            )
            if keep == r.months:
                rules.append(r)
            elif keep:
                rules.append(make_rule(r.year, keep, r.day, r.before))
        if rules:
            out.append(_Item(item.tag, tuple(rules), item.explain, False))
    if yearly:  # "Hằng năm (trước ngày 15/11)": the dates recur each year
        out = [
            _Item("recurring", i.rules, _YEAR_SUFFIX.sub(" hằng năm", i.explain), True)
            if i.tag == "once"
            else i
            for i in out
        ]
    return out


def _year_replaces_last_term(items: list[_Item]) -> list[_Item]:
    """A dated limit in the month a quarterly or half-yearly day falls replaces that day:
    "Trước ngày 15 tháng cuối quý; riêng báo cáo năm trước ngày 10/12" is due 15/3, 15/6, 15/9
    and 10/12 (the year's report is the last quarter's), not on 15/12 too."""
    dated = {
        (r.year, m, r.day) for i in items if i.tag != "recurring" for r in i.rules for m in r.months
    }
    if not dated or len(dated) > 2:
        return items
    out: list[_Item] = []
    for item in items:
        if item.tag != "recurring" or not 2 <= _rhythm(item) <= 4:
            out.append(item)
            continue
        rules = []
        for r in item.rules:
            # (the same day in that month is the same date: "… ngày 22 tháng cuối quý; báo cáo
            # năm chậm nhất ngày 22/12" stays quarterly)
            keep = tuple(
                p
                for p in r.months
                if not any(m == p and d != r.day and y in (None, r.year) for y, m, d in dated)
            )
            if keep:
                rules.append(r if keep == r.months else make_rule(r.year, keep, r.day, r.before))
        if rules:
            out.append(_Item(item.tag, tuple(rules), item.explain, item.specific))
    return out


def _within_windows(items: list[_Item]) -> list[_Item]:
    """Listed periods with a day of each period: that day in each listed period only.

    "Quý II và Quý IV (trước ngày 15 tháng cuối quý)" is due before 15/6 and 15/12;
    "Tháng 6, tháng 12 (trước ngày 20)" before 20/6 and 20/12.
    """
    allowed: set[tuple[int | None, int]] = set()
    periods = "; ".join(i.explain for i in items if not i.specific)
    for item in items:
        if item.specific:
            continue
        for r in item.rules:
            span = _period(item, r)
            allowed.update((r.year, m) for p in r.months for m in range(p - span + 1, p + 1))
    out: list[_Item] = []
    for item in items:
        if not item.specific:
            continue
        if item.tag != "recurring":
            out.append(item)
            continue
        rules = []
        for r in item.rules:
            keep = tuple(
                m
                for m in r.months
                if any(
                    m == am and (ay is None or r.year is None or ay == r.year) for ay, am in allowed
                )
            )
            if keep:
                rules.append(make_rule(r.year, keep, r.day, r.before))
        if rules:
            one = len(rules) == 1 and len(rules[0].months) == 1 and rules[0].year is not None
            tag = "once" if one else "recurring"
            out.append(_Item(tag, tuple(rules), f"{item.explain} ({periods})", True))
    return out or items


# ---- exceptions and the period's last month ----------------------------------------------

_EXCEPT = re.compile(
    r"\b(?:tru|ngoai tru|khong ke)\s*(?:thang\s*)?(\d{1,2}(?:\s*(?:,|va)\s*(?:thang\s*)?\d{1,2})*)\b"
    r"(?!\s*[/.-]\s*\d)"
)
_LAST_OF_TERM = re.compile(r"(?:cua\s*)?thang\s*cuoi\s*(?:ky|cua ky|ky bao cao)\b")
_HALF_WORDS = re.compile(r"(?:06|6|sau)\s*thang|nua\s*nam")


def read_except(s: str, f: _Found) -> str:
    """ "trừ tháng 12": the months left out of each rhythm; the text without them."""
    if (m := _EXCEPT.search(s)) is None:
        return s
    months = tuple(int(n) for n in re.findall(r"\d{1,2}", m.group(1)) if 1 <= int(n) <= 12)
    f.except_months = f.except_months + months
    return _blank_span(s, m.start(), m.end())


def last_month_of_term(s: str) -> str:
    """ "ngày 20 của tháng cuối kỳ": the term's last month, by the rhythm named beside it."""
    if (m := _LAST_OF_TERM.search(s)) is None:
        return s
    if _HALF_WORDS.search(s):
        return s[: m.start()] + "thang 6 va thang 12" + s[m.end() :]
    if "quy" in s:
        return s[: m.start()] + "thang cuoi quy" + s[m.end() :]
    return s


def drop_months(items: list[_Item], months: tuple[int, ...]) -> list[_Item]:
    """Every rhythm of `items` without `months` (a single dated item is left as it is)."""
    out: list[_Item] = []
    for item in items:
        rules: list[Rule] = []
        for r in item.rules:
            keep = r.months if len(r.months) == 1 else tuple(m for m in r.months if m not in months)
            if keep:
                rules.append(r if keep == r.months else make_rule(r.year, keep, r.day, r.before))
        if rules:
            out.append(_Item(item.tag, tuple(rules), item.explain, item.specific))
    return out
