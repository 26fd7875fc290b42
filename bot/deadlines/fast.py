"""One-shot reading of the commonest cell shapes (see the comment below)."""

from __future__ import annotations

import re

from bot.deadlines.finish import _cut
from bot.deadlines.schedule import ALL_MONTHS, LAST, Rule, Schedule, make_rule, make_schedule
from bot.deadlines.words import (
    _QUARTER_MONTH,
    EARLY_DAY,
    MID_DAY,
    QUARTER_ENDS,
    QUARTER_FIRSTS,
    ROMAN,
    ROMAN_OUT,
    _sp,
    _valid,
    _year,
    _ys,
)

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
        ("trong", "ca ", "het", "cuoi", "hang", "moi", "tung", "dau", "giua", "nam"),
        r"(?:(trong|ca|het|cuoi|hang|moi|tung|dau|giua) )?nam(?: ([0-9]{4}))?",
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
        elif mod == "giua":
            kind, ambiguous = "window", True
            rules = (make_rule(y, (6,), LAST),)
            explain = f"giữa năm{_sp(y)} (hiểu là hết 6 tháng đầu năm, 30/6)"
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
