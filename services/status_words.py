"""The words of the status board: the period a coordinator types ("tháng 8", "quý 3 tất cả"),
whether a task is a report, and the label an occurrence is listed under ("Báo cáo quý III")."""

from __future__ import annotations

import re
from datetime import date

from bot.errors import TthcError
from bot.questions.normalize import normalize
from bot.questions.period_words import find_period
from bot.questions.periods import Period, month_period
from bot.questions.reply import shorten

REPORT_WORDS = "bao cao"
_REPORT = re.compile(r"(?<![a-z0-9])bao cao(?![a-z0-9])")
_ALL_WORDS = ("tat ca", "toan bo", "moi viec", "all")
_ROMAN = ("I", "II", "III", "IV")


class BadPeriod(TthcError):
    """A period the coordinator typed that cannot be read."""


def parse_period(text: str | None, today: date) -> tuple[Period, bool]:
    """The period a coordinator typed ("tháng 8", "quý 3", "q3", "tháng này"; default: this
    month) and whether every task was asked for ("... tất cả"). Raises ``BadPeriod``."""
    norm = f" {normalize(text or '')} "
    every = any(f" {w} " in norm for w in _ALL_WORDS)
    for w in _ALL_WORDS:
        norm = norm.replace(f" {w} ", " ")
    norm = norm.strip()
    if not norm:
        return month_period(today.year, today.month), every
    period, rest = find_period(norm, text or "", today)
    if period is None or rest.strip():
        raise BadPeriod(
            f"Không hiểu kỳ “{shorten(text or '', 60)}”. Ví dụ: tháng 8, quý 3, tháng 8/2025, quý III tất cả."
        )
    return period, every


def is_report(search_text: str) -> bool:
    """The task is a report: its folded text has the words "bao cao"."""
    return _REPORT.search(search_text) is not None


def occurrence_label(content: str, due: date, per_year: int, report: bool) -> str:
    """ "Báo cáo tháng 8" / "Báo cáo quý III" / "Báo cáo 6 tháng" / "Báo cáo năm" for a report
    by how many times a year it falls due; the task's text otherwise."""
    if report:
        if per_year >= 10:
            return f"Báo cáo tháng {due.month}"
        if 3 <= per_year <= 5:
            return f"Báo cáo quý {_ROMAN[(due.month - 1) // 3]}"
        if per_year == 2:
            return "Báo cáo 6 tháng" if due.month <= 8 else "Báo cáo năm"
    text = " ".join(content.split())
    return text if len(text) <= 90 else text[:89].rstrip() + "…"
