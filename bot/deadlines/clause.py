"""One clause of a phrase: explicit dates first, then the periods, the year and the rest."""

from __future__ import annotations

import re

from bot.deadlines.cycles import _cycle_periods
from bot.deadlines.months import _month_periods
from bot.deadlines.rhythms import (
    _Found,
    _Item,
)
from bot.deadlines.schedule import make_rule
from bot.deadlines.words import (
    _CELL,
    _before_at,
    _blank,
    _valid,
    _year,
    _yearly,
    _ys,
)

_RELATIVE = re.compile(
    r"(?=[\dmhbns])(?<!ngay )(?<![\d#])(?:\d+|mot|hai|ba|nam|muoi)\s*(?:ngay|thang|tuan)(?:\s*lam viec)?\s*"
    r"(?:ke tu|sau khi|sau|tinh tu|truoc khi|khi)\b"
    r"|\bsau\s*\d+\s*ngay\b|\bngay sau khi\b"
)
_EVENT = re.compile(
    r"(?=[ts])\b(?:truoc|sau)\s+(?:khi\b(?!\s*(?:ket thuc|het)\b)|(?:cac\s*|moi\s*)?"
    r"(?:ky hop|phien hop|cuoc hop|buoi hop|hop\b|hoi nghi|dai hoi|tet\b|le\b|dot\b|su kien|"
    r"thoi diem|bau cu|khai mac|be mac|tong ket|so ket))"
)
_DMY_WORDS = re.compile(
    r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*(?:nam\s*|/)(\d{4}|\d{2}))?(?!\s*/?\s*\d)"
)
_MORE_MONTHS = re.compile(r"[\s#]*(?:,|va)\s*thang\s*(\d{1,2})\b(?!\s*[/.-]\s*\d)")
_DMY = re.compile(
    r"(?=\d)(?<!thang )(?<!thang)(?<![\d/#])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?![\d/])"
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

_HAS_DIGIT = re.compile(r"\d")
_RANGE_GAP = re.compile(r"\s*(?:den|toi|-)\s*(?:het\s*)?(?:ngay\s*)?")
_LIST_GAP = re.compile(r"[\s,]*(?:va|hoac|ngay|\s|,)*")


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
    if m is None and ("truoc" in s or "sau" in s):
        # "Trước kỳ họp HĐND", "sau khi có hướng dẫn", "trước Tết": the date of an event the
        # plan does not give; a period named with it ("kỳ họp cuối năm") is the event's, not a due.
        m = _EVENT.search(s)
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
        s = _month_periods(s, year, f, found_before, digit, thang, quy, ngay)
        s = _cycle_periods(s, year, f, found_before, digit, thang, quy)
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
