"""On-time statistics per unit over a period (``bot.stats``): the store's three set-based reads
(``uow.stats``, ``store/stats_repo.py``), who owes each task as lead by the status board's rule
(``services.status_owing``: named units and their successors, and a named group's members —
the silent ones too: a unit nobody follows in the bot still owes its share), then pure counting.
Read-only: nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.questions.normalize import normalize
from bot.questions.periods import Period
from bot.stats import Stats, count
from bot.units import Unit
from services.status_owing import resolve_owing
from services.status_words import parse_period
from store.uow import UnitOfWork


@dataclass(frozen=True)
class StatsReport:
    """The statistics of ``period`` as of ``today``."""

    period: Period
    today: date
    stats: Stats


def stats_period(text: str | None, today: date) -> Period:
    """The period typed after /thongke or ``--period``: the status board's words ("tháng 8",
    "quý 3", "năm 2025"; default this month), and "năm" alone for this year. Raises
    ``services.status_words.BadPeriod``; "tất cả" is accepted and means nothing here."""
    if normalize(text or "").strip() in ("nam", "ca nam"):
        text = "năm nay"
    return parse_period(text, today)[0]


async def statistics(uow: UnitOfWork, period: Period, today: date, tz: ZoneInfo) -> StatsReport:
    """Every unit owing an occurrence as lead whose real last day is in ``period``, with its
    đúng hạn / quá hạn / trong hạn counts, worst first."""
    tasks = await uow.stats.task_counts(period.start, period.end, today)
    if not tasks:
        return StatsReport(period, today, Stats())
    mentions = await uow.stats.mentions(period.start, period.end)
    done = await uow.stats.done_counts(period.start, period.end, today, tz)
    directory = await uow.units.directory()
    cache: dict[int, list[Unit]] = {}
    leads: dict[int, list[int]] = {}
    everyone: set[int] = set()  # resolve_owing's "reachable": here every member owes
    # Tasks naming the same units in the same roles ("Các sở, ban, ngành; UBND cấp xã" on most
    # reports) are resolved once.
    resolved: dict[tuple[tuple[str, int | None], ...], list[int]] = {}
    for task_id in tasks:
        named = mentions.get(task_id, [])
        key = tuple((role, unit_id) for role, _mention, unit_id in named)
        if key not in resolved:
            owed = resolve_owing(directory, named, everyone, cache)
            ids = [u.id for u, _via in owed.units if u.id is not None]
            resolved[key] = ids + [i for _label, silent in owed.silent for i in silent]
        leads[task_id] = resolved[key]
    names = {u.id: u.name for u in directory.units if u.id is not None}
    return StatsReport(period, today, count(tasks, leads, done, names))
