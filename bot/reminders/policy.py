"""Reminder policy: the defaults of DOMAIN.md §4 and each officer's own settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    """When one recipient is reminded. Lead times count working days before the real last day."""

    lead_days: tuple[int, ...] = (3, 1)
    support_days: tuple[int, ...] = (1,)
    hour: int = 8
    minute: int = 0
    day_of: bool = True  # the morning of the last day
    overdue: bool = True  # each working morning while overdue, until done
    cooperating: bool = True  # reminders of tasks the unit only cooperates on
    digest: bool = True  # the working-morning digest and the month-start summary

    def to_json(self) -> dict[str, object]:
        """The officer-settings form (what ``from_settings`` reads)."""
        return {
            "lead_days": list(self.lead_days),
            "support_days": list(self.support_days),
            "hour": self.hour,
            "minute": self.minute,
            "day_of": self.day_of,
            "overdue": self.overdue,
            "cooperating": self.cooperating,
            "digest": self.digest,
        }


DEFAULT = Policy()
# Linked groups get the unit's lead-task reminders on the default timetable, no digests.
GROUP = Policy(support_days=(), cooperating=False, digest=False)


def _days(value: object, fallback: tuple[int, ...]) -> tuple[int, ...]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list | tuple):
        return fallback
    days = {int(v) for v in value if isinstance(v, int | str) and str(v).strip().isdigit()}
    return tuple(sorted((d for d in days if 0 < d <= 30), reverse=True))


def _bool(value: object, fallback: bool) -> bool:
    return value if isinstance(value, bool) else fallback


def _int(value: object, fallback: int, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return fallback
    try:
        number = int(value)
    except ValueError:
        return fallback
    return number if low <= number <= high else fallback


def from_settings(settings: Mapping[str, object] | None, base: Policy = DEFAULT) -> Policy:
    """Read an officer's ``settings`` JSON; missing or malformed keys keep the defaults."""
    s = settings or {}
    return Policy(
        lead_days=_days(s.get("lead_days"), base.lead_days),
        support_days=_days(s.get("support_days"), base.support_days),
        hour=_int(s.get("hour"), base.hour, 0, 23),
        minute=_int(s.get("minute"), base.minute, 0, 59),
        day_of=_bool(s.get("day_of"), base.day_of),
        overdue=_bool(s.get("overdue"), base.overdue),
        cooperating=_bool(s.get("cooperating"), base.cooperating),
        digest=_bool(s.get("digest"), base.digest),
    )
