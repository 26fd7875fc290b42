"""Periods named in a question: 'tháng 8', 't8', 'quý III', '6 tháng đầu năm', 'từ 1/8 đến 15/9'."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.questions.periods import (
    Period,
    day_period,
    month_end,
    month_period,
    quarter_period,
    week_period,
)
from bot.vndate import short_date


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


# Months and quarters in words, folded ("tháng tám", "tháng chạp", "quý hai", "quý IV").
_MONTH_WORDS = {"mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
                "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
                "chap": 12}  # fmt: skip
_QUARTER_WORDS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "mot": 1, "hai": 2, "ba": 3, "bon": 4,
                  "tu": 4}  # fmt: skip
_YEAR = r"(?:\s*(?:/|nam)\s*(?P<y>20\d\d))?"
_NEXT = r"(?:sau|toi|ke tiep|tiep theo|ke|tiep)"
# "bc quý trước ngày nào": the quarterly report, before which day; not the previous quarter.
_PREV = r"(?:truoc(?! (?:ngay|han|hen) (?:nao|may|bao nhieu)| (?:khi nao|bao gio|luc nao|may gio))|vua roi|vua qua|roi|ngoai)"  # noqa: E501
_DATE = r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?"
_WHICH_MONTH = r"(?: (?P<m>\d{1,2})| (?P<rel>sau|toi|truoc))?(?: nay)?" + _YEAR

Builder = Callable[[re.Match[str], date, str], Period | None]


def _year(m: re.Match[str], today: date) -> int:
    y = m.groupdict().get("y")
    return int(y) if y else today.year


def _mk_date(d: str, mo: str, y: str | None, today: date) -> date | None:
    year = today.year if not y else (int(y) + 2000 if len(y) == 2 else int(y))
    try:
        return date(year, int(mo), int(d))
    except ValueError:
        return None


def _range(m: re.Match[str], today: date, raw: str) -> Period | None:
    a = _mk_date(m.group(1), m.group(2), m.group(3), today)
    b = _mk_date(m.group(4), m.group(5), m.group(6), today)
    if a is None or b is None:
        return None
    if b < a and not m.group(6):
        try:
            b = b.replace(year=b.year + 1)
        except ValueError:  # 29/2 of a leap year: the next year has none
            return None
    return Period(a, b, f"từ {short_date(a)} đến {short_date(b)}")


def _month_range(m: re.Match[str], today: date, raw: str) -> Period | None:
    a, b, y = int(m.group("a")), int(m.group("b")), _year(m, today)
    if not 1 <= a < b <= 12:
        return None
    return Period(date(y, a, 1), month_end(y, b), f"từ tháng {a} đến tháng {b}/{y}")


def _two_months(m: re.Match[str], today: date, raw: str) -> Period | None:
    """ "tháng 8 và tháng 9": two months in a row, as one period."""
    a, b, y = int(m.group("a")), int(m.group("b")), _year(m, today)
    if not 1 <= a < 12 or b != a + 1:
        return None
    return Period(date(y, a, 1), month_end(y, b), f"tháng {a} và tháng {b}/{y}")


def _quarter_part(first: bool) -> Builder:
    """ "đầu quý 4", "cuối quý này": the quarter's first or last month ("đến cuối quý" is the
    end of a span, read by the patterns for spans)."""

    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        q = m.group("q")
        n = (
            (int(q) if q.isdigit() else _QUARTER_WORDS.get(q, 0))
            if q
            else (today.month - 1) // 3 + 1
        )
        if not 1 <= n <= 4:
            return None
        month = 3 * n - 2 if first else 3 * n
        p = month_period(_year(m, today), month)
        return Period(p.start, p.end, f"{'đầu' if first else 'cuối'} quý {n} ({p.label})")

    return build


def _day_of_month(m: re.Match[str], today: date, raw: str) -> Period | None:
    month = int(m.group("m")) if m.group("m") else today.month
    try:
        return day_period(date(today.year, month, int(m.group("d"))))
    except ValueError:
        return None


_WEEKDAY_WORDS = {"hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}


def _weekday(m: re.Match[str], today: date, raw: str) -> Period | None:
    """ "thứ 2 tuần sau", "thứ Sáu tuần này", "thứ 5": that day (a bare "thứ 5", the next one)."""
    rel = m.group("rel")
    if m.group("w") and rel is None:
        return None  # "thứ tự", "thu năm 2025": a word after "thu" alone names no day
    n = int(m.group("n")) if m.group("n") else _WEEKDAY_WORDS[m.group("w")]
    monday = today - timedelta(days=today.weekday())
    if rel is None:
        ahead = (n - 2 - today.weekday()) % 7
        return day_period(today + timedelta(days=ahead))
    week = monday if rel in ("nay", "hien tai") else monday + timedelta(days=7)
    return day_period(week + timedelta(days=n - 2))


def _period_end(what: str, anchor: date, n: int | None = None) -> date | None:
    """The end of the month, quarter, week or year ``what`` ("thang", "quy", "tuan", "nam")
    holding ``anchor`` (or its month / quarter ``n``)."""
    if what == "thang":
        month = n or anchor.month
        return month_end(anchor.year, month) if 1 <= month <= 12 else None
    if what == "quy":
        q = n or (anchor.month - 1) // 3 + 1
        return quarter_period(anchor.year, q).end if 1 <= q <= 4 else None
    if what == "tuan":
        return anchor + timedelta(days=6 - anchor.weekday())
    return date(anchor.year, 12, 31)


def _until(m: re.Match[str], today: date, raw: str) -> Period | None:
    """ "từ giờ đến cuối quý", "đến hết tháng 9": from today to the end of that period."""
    what, n = m.group("to").split()[1], m.group("n")
    number = None
    if n and what in ("thang", "quy"):
        number = int(n) if n.isdigit() else _QUARTER_WORDS.get(n) if what == "quy" else None
        if number is None:
            return None
    end = _period_end(what, today, number)
    if end is None or end < today:
        return None
    return Period(today, end, f"từ nay đến {short_date(end)}")


def _from_until(m: re.Match[str], today: date, raw: str) -> Period | None:
    """ "từ 15/9 tới hết tháng 9", "từ 1/9 đến cuối năm": a day to the end of a period."""
    start = _mk_date(m.group(1), m.group(2), m.group(3), today)
    if start is None:
        return None
    n = m.group("n2")
    end = _period_end(m.group("to2"), start, int(n) if n else None)
    if end is None or end < start:
        return None
    return Period(start, end, f"từ {short_date(start)} đến {short_date(end)}")


def _start_until(m: re.Match[str], today: date, raw: str) -> Period | None:
    """ "từ tháng 10 đến hết năm", "từ quý 3 đến cuối năm": a month's or quarter's first day to
    the end of a later period."""
    n = int(m.group("sn"))
    if m.group("sk") == "quy":
        if not 1 <= n <= 4:
            return None
        start = quarter_period(_year(m, today), n).start
    elif 1 <= n <= 12:
        start = date(_year(m, today), n, 1)
    else:
        return None
    end = _period_end(m.group("to3"), start)
    if end is None or end < start:
        return None
    return Period(start, end, f"từ {short_date(start)} đến {short_date(end)}")


def _before_date(m: re.Match[str], today: date, raw: str) -> Period | None:
    """ "trước 10/9 cần nộp những gì": from today to the day before that date."""
    limit = _mk_date(m.group(1), m.group(2), m.group(3), today)
    if limit is None or limit <= today:
        return None
    end = limit - timedelta(days=1)
    return Period(today, end, f"từ nay đến {short_date(end)}")


def _until_date(m: re.Match[str], today: date, raw: str) -> Period | None:
    end = _mk_date(m.group(1), m.group(2), m.group(3), today)
    if end is None or end < today:
        return None
    return Period(today, end, f"từ nay đến {short_date(end)}")


def _one_date(m: re.Match[str], today: date, raw: str) -> Period | None:
    d = _mk_date(m.group(1), m.group(2), m.group(3), today)
    return day_period(d) if d else None


def _next_days(m: re.Match[str], today: date, raw: str) -> Period | None:
    n = int(m.group(1))
    unit = m.group(2)
    days = n * 7 if unit == "tuan" else n
    if not 0 < days <= 366:
        return None
    end = today + timedelta(days=days)
    return Period(today, end, f"{n} {'tuần' if unit == 'tuan' else 'ngày'} tới")


def _month_num(m: re.Match[str], today: date, raw: str) -> Period | None:
    month = int(m.group("m"))
    return month_period(_year(m, today), month) if 1 <= month <= 12 else None


def _month_word(m: re.Match[str], today: date, raw: str) -> Period | None:
    word = m.group("w")
    # Folded "thang sau" is "next month" unless the officer typed "sáu" (June).
    if word == "sau" and "tháng sáu" not in raw:
        return None
    if word == "nam" and "tháng năm" not in raw and m.group("y") is None:
        return None
    return month_period(_year(m, today), _MONTH_WORDS[word])


def _relative_month(n: int, label: str) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        y, mo = _add_months(today.year, today.month, n)
        p = month_period(y, mo)
        return Period(p.start, p.end, label)

    return build


def _month_part(first: bool) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        year, mo = _year(m, today), int(m.group("m")) if m.group("m") else today.month
        if m.group("rel"):  # "đầu tháng sau", "cuối tháng trước"
            year, mo = _add_months(today.year, today.month, 1 if m.group("rel") != "truoc" else -1)
        if not 1 <= mo <= 12:
            return None
        p = month_period(year, mo)
        if first:
            return Period(p.start, p.start + timedelta(days=9), f"đầu {p.label}")
        return Period(p.start.replace(day=21), p.end, f"cuối {p.label}")

    return build


def _quarter(m: re.Match[str], today: date, raw: str) -> Period | None:
    q = m.group("q")
    n = int(q) if q.isdigit() else _QUARTER_WORDS.get(q, 0)
    return quarter_period(_year(m, today), n) if 1 <= n <= 4 else None


def _relative_quarter(n: int) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        k = today.year * 4 + (today.month - 1) // 3 + n
        return quarter_period(k // 4, k % 4 + 1)

    return build


def _half(first: bool) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        y = _year(m, today)
        if first:
            return Period(date(y, 1, 1), date(y, 6, 30), f"6 tháng đầu năm {y}")
        return Period(date(y, 7, 1), date(y, 12, 31), f"6 tháng cuối năm {y}")

    return build


def _year_end(m: re.Match[str], today: date, raw: str) -> Period | None:
    y = _year(m, today)
    return Period(date(y, 12, 1), date(y, 12, 31), f"cuối năm {y}")


def _whole_year(n: int) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        y = int(m.group("y")) if m.groupdict().get("y") else today.year + n
        return Period(date(y, 1, 1), date(y, 12, 31), f"năm {y}")

    return build


def _days(n: int, label: str) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        return day_period(today + timedelta(days=n), label)

    return build


def _weeks(n: int, label: str) -> Builder:
    def build(m: re.Match[str], today: date, raw: str) -> Period | None:
        return week_period(today + timedelta(days=7 * n), label)

    return build


_MW = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_QW = "|".join(sorted(_QUARTER_WORDS, key=len, reverse=True))
_END = r"(?P<to>(?:cuoi|het) (?:thang|quy|tuan|nam)(?: nay)?)"

# Tried in order; the first that matches (and builds) wins, so longer phrases come first.
PATTERNS: tuple[tuple[str, Builder], ...] = (
    (rf"(?:tu )?(?:ngay )?{_DATE}(?: ?(?:den|toi|-|->|~) ?| )(?:het )?(?:ngay )?{_DATE}", _range),
    (
        rf"(?:tu )?(?:ngay )?{_DATE} ?(?:den|toi|->) ?(?:cuoi|het) (?P<to2>thang|quy|tuan|nam)"
        r"(?: nay| (?P<n2>\d{1,2}))?",
        _from_until,
    ),
    (
        r"(?:tu )?(?:thang|t) ?(?P<a>\d{1,2}) ?(?:den|toi|-|->| ) ?(?:het )?(?:thang ?|t)?"
        rf"(?P<b>\d{{1,2}}){_YEAR}",
        _month_range,
    ),
    (rf"(?:thang|t) ?(?P<a>\d{{1,2}}) (?:va|,) ?(?:thang |t)?(?P<b>\d{{1,2}}){_YEAR}", _two_months),
    (
        rf"(?<!thang )(?<!den )(?<!toi )dau (?:quy|q) ?(?P<q>[1-4]|{_QW})?(?: nay)?{_YEAR}",
        _quarter_part(True),
    ),
    (
        rf"(?<!thang )(?<!den )(?<!toi )cuoi (?:quy|q) ?(?P<q>[1-4]|{_QW})?(?: nay)?{_YEAR}",
        _quarter_part(False),
    ),
    (r"ngay (?P<d>\d{1,2}) (?:thang nay|cua thang nay|thang (?P<m>\d{1,2}))", _day_of_month),
    (
        r"(?:tu )(?P<sk>thang|t|quy|q) ?(?P<sn>\d{1,2}) ?(?:den|toi|->) ?(?:cuoi|het) "
        rf"(?P<to3>thang|quy|nam)(?: nay)?{_YEAR}",
        _start_until,
    ),
    (
        rf"(?:(?:tu )?(?:bay gio|gio|hom nay|nay) )?(?:den|toi) {_END}"
        rf"(?: ?(?P<n>\d{{1,2}}(?!\d)|(?:{_QW})\b))?",
        _until,
    ),
    (rf"(?:truoc|trc|tr) (?:ngay )?{_DATE}", _before_date),
    (rf"(?:tu )?(?:bay gio|gio|hom nay|nay) (?:den|toi) (?:ngay )?{_DATE}", _until_date),
    (
        r"(?<!thu )(?:trong )?(\d{1,3}) (ngay|tuan) (?:toi|nua|sap toi|ke tiep|tiep theo)",
        _next_days,
    ),
    (rf"(?:6|sau) thang (?:dau nam|nam dau|dau){_YEAR}", _half(True)),
    (rf"nua (?:dau nam|nam dau|dau){_YEAR}", _half(True)),
    (rf"(?:6|sau) thang (?:cuoi nam|nam cuoi|cuoi){_YEAR}", _half(False)),
    (rf"nua (?:cuoi nam|nam cuoi|cuoi|sau nam){_YEAR}", _half(False)),
    (rf"dau thang{_WHICH_MONTH}", _month_part(True)),
    (rf"cuoi thang{_WHICH_MONTH}", _month_part(False)),
    (rf"cuoi nam{_YEAR}", _year_end),
    (rf"(?:thang|thg|th|t) ?(?P<m>\d{{1,2}}){_YEAR}", _month_num),
    (rf"thang (?P<w>{_MW}){_YEAR}", _month_word),
    (r"thang (?:nay|hien tai|nay nay)", _relative_month(0, "tháng này")),
    # "kỳ báo cáo quý tới": the next round of the quarterly report, not next quarter.
    (rf"(?<!ky bao cao )(?<!ky )thang {_NEXT}", _relative_month(1, "tháng sau")),
    (rf"thang {_PREV}", _relative_month(-1, "tháng trước")),
    (rf"(?:quy|q) ?(?P<q>[1-4]|{_QW}){_YEAR}", _quarter),
    (r"quy (?:nay|hien tai)", _relative_quarter(0)),
    (rf"(?<!ky bao cao )(?<!ky )quy {_NEXT}", _relative_quarter(1)),
    (rf"quy {_PREV}", _relative_quarter(-1)),
    (
        rf"(?:ngay )?thu (?:(?P<n>[2-7])|(?P<w>hai|ba|tu|nam|sau|bay))"
        rf"(?: (?:cua )?tuan (?P<rel>nay|hien tai|{_NEXT}))?",
        _weekday,
    ),
    (r"tuan (?:nay|hien tai)", _weeks(0, "tuần này")),
    (rf"tuan {_NEXT}", _weeks(1, "tuần sau")),
    (rf"tuan {_PREV}", _weeks(-1, "tuần trước")),
    (r"(?:ca |trong |het )?nam (?P<y>20\d\d)", _whole_year(0)),
    (r"(?:ca |trong )?nam (?:nay|hien tai)", _whole_year(0)),
    (r"(?:den |toi )?het nam(?: nay)?", _whole_year(0)),  # "hết năm còn gì": what is left
    (rf"nam {_NEXT}", _whole_year(1)),
    (rf"nam {_PREV}", _whole_year(-1)),
    (r"hom nay|bay gio|ngay hom nay", _days(0, "hôm nay")),
    (r"hom qua", _days(-1, "hôm qua")),
    (r"ngay mai|sang mai|chieu mai|(?<!thuong )mai", _days(1, "ngày mai")),
    (r"ngay kia|ngay mot", _days(2, "ngày kia")),
    (rf"(?:ngay |hom )?{_DATE}", _one_date),
    (r"trong tuan", _weeks(0, "tuần này")),
    (r"trong thang", _relative_month(0, "tháng này")),
    (r"trong quy", _relative_quarter(0)),
    (r"(?:ca|trong) nam", _whole_year(0)),
)
_COMPILED = tuple((re.compile(rf"(?<![\w/.])(?:{p})(?![\w/]|\.\d)"), b) for p, b in PATTERNS)


def find_period(norm: str, raw: str, today: date) -> tuple[Period | None, str]:
    """The period a normalised question names, and the question with that phrase removed."""
    for rx, build in _COMPILED:
        for m in rx.finditer(norm):
            period = build(m, today, raw)
            if period is not None:
                rest = (norm[: m.start()] + " " + norm[m.end() :]).split()
                return period, " ".join(rest)
    return None, norm
