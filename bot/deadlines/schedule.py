"""Schedule data types: what a deadline phrase means, as plain frozen values."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

KINDS = (
    "once",
    "window",
    "recurring",
    "multi",
    "continuous",
    "relative",
    "elsewhere",
    "unknown",
    "none",
)
ALL_MONTHS = tuple(range(1, 13))
LAST = 0  # Rule.day value meaning "the last day of the month"
# Rule.day values -1 .. -7: every Monday .. Sunday of the rule's months ("Thứ Sáu hằng tuần").
MONDAY, SUNDAY = -1, -7


def weekday_day(weekday: int) -> int:
    """The Rule.day of every `weekday` (date.weekday(): Monday 0 .. Sunday 6)."""
    return -1 - weekday


@lru_cache(maxsize=4096)
def _year_dates(months: tuple[int, ...], day: int, year: int) -> tuple[date, ...]:
    """Pure calendar arithmetic, memoised: the same few rules are asked for again and again."""
    out: list[date] = []
    for m in months:
        first_weekday, last = calendar.monthrange(year, m)
        if day < 0:  # every such weekday of the month
            wd = -1 - day
            out.extend(date(year, m, d) for d in range(1 + (wd - first_weekday) % 7, last + 1, 7))
            continue
        out.append(date(year, m, last if day == LAST else min(day, last)))
    return tuple(out)


@dataclass(frozen=True)
class Occurrence:
    """One due date as written; `before` means the real limit is the day before it."""

    due: date
    before: bool


@lru_cache(maxsize=4096)
def _year_occurrences(
    months: tuple[int, ...], day: int, year: int, before: bool
) -> tuple[Occurrence, ...]:
    """A rule's occurrences in one year, sorted and unique (memoised like _year_dates)."""
    return tuple(Occurrence(d, before) for d in sorted(set(_year_dates(months, day, year))))


@dataclass(frozen=True)
class Rule:
    """Due on `day` of each of `months`, in `year` (None: every year).

    `day` is a day of the month, LAST (the month's end) or -1 .. -7 (every Monday .. Sunday).
    """

    year: int | None
    months: tuple[int, ...]
    day: int
    before: bool = False

    def dates(self, start: date, end: date) -> list[date]:
        """The rule's dates inside [start, end]."""
        years = range(start.year, end.year + 1) if self.year is None else (self.year,)
        out: list[date] = []
        for y in years:
            if 1 <= y <= 9999:
                out.extend(d for d in _year_dates(self.months, self.day, y) if start <= d <= end)
        return out

    def occurrences(self, start: date, end: date) -> list[Occurrence]:
        """The rule's occurrences inside [start, end], sorted."""
        years = range(start.year, end.year + 1) if self.year is None else (self.year,)
        out: list[Occurrence] = []
        for y in years:
            if 1 <= y <= 9999:
                occs = _year_occurrences(self.months, self.day, y, self.before)
                if occs and start <= occs[0].due and occs[-1].due <= end:
                    out.extend(occs)  # the whole year is inside (occs is sorted)
                else:
                    out.extend([o for o in occs if start <= o.due <= end])
        return out

    def to_json(self) -> list[Any]:
        return [self.year, list(self.months), self.day, self.before]

    @classmethod
    def from_json(cls, v: list[Any]) -> Rule:
        return cls(v[0], tuple(int(m) for m in v[1]), int(v[2]), bool(v[3]))


_new = object.__new__


def make_rule(year: int | None, months: tuple[int, ...], day: int, before: bool = False) -> Rule:
    """Rule(year, months, day, before), built without the frozen dataclass __init__.

    That __init__ calls object.__setattr__ once per field, which costs about twice the rest
    of the object; the parser builds a rule or two per phrase. Same class, same fields in the
    same order: equal, hashing and printing like Rule(...). Checked against Rule(...) below.
    """
    r = _new(Rule)
    d = r.__dict__
    d["year"] = year
    d["months"] = months
    d["day"] = day
    d["before"] = before
    return r


@dataclass(frozen=True)
class Schedule:
    """A parsed deadline: its kind, flags, a Vietnamese explanation and the rules giving dates."""

    text: str
    kind: str
    before: bool = False
    ambiguous: bool = False
    unknown: bool = False
    ongoing: bool = False
    on_request: bool = False
    explain: str = ""
    rules: tuple[Rule, ...] = field(default=())
    relative: str | None = None  # the event rule as written, for kind "relative"

    def occurrences(self, start: date, end: date) -> list[Occurrence]:
        """Due dates inside [start, end], sorted and unique (a `before` reading wins a tie)."""
        if len(self.rules) == 1:  # the common case: one rule is sorted and unique already
            return self.rules[0].occurrences(start, end)
        found: dict[date, bool] = {}
        for rule in self.rules:
            for d in rule.dates(start, end):
                found[d] = found.get(d, False) or rule.before
        return [Occurrence(d, found[d]) for d in sorted(found)]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "before": self.before,
            "ambiguous": self.ambiguous,
            "unknown": self.unknown,
            "ongoing": self.ongoing,
            "on_request": self.on_request,
            "explain": self.explain,
            "rules": [r.to_json() for r in self.rules],
            "relative": self.relative,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Schedule:
        return cls(
            text=str(d.get("text", "")),
            kind=str(d.get("kind", "unknown")),
            before=bool(d.get("before", False)),
            ambiguous=bool(d.get("ambiguous", False)),
            unknown=bool(d.get("unknown", False)),
            ongoing=bool(d.get("ongoing", False)),
            on_request=bool(d.get("on_request", False)),
            explain=str(d.get("explain", "")),
            rules=tuple(Rule.from_json(r) for r in d.get("rules", ())),
            relative=d.get("relative"),
        )


def make_schedule(
    text: str,
    kind: str,
    before: bool,
    ambiguous: bool,
    unknown: bool,
    ongoing: bool,
    on_request: bool,
    explain: str,
    rules: tuple[Rule, ...],
    relative: str | None,
) -> Schedule:
    """Schedule(...) with every field given, without the frozen dataclass __init__ (see make_rule)."""
    sch = _new(Schedule)
    d = sch.__dict__
    d["text"] = text
    d["kind"] = kind
    d["before"] = before
    d["ambiguous"] = ambiguous
    d["unknown"] = unknown
    d["ongoing"] = ongoing
    d["on_request"] = on_request
    d["explain"] = explain
    d["rules"] = rules
    d["relative"] = relative
    return sch


def _check_fast_constructors() -> None:
    """The fast builders must stay field-for-field what the dataclass constructors build."""
    r = Rule(2025, (3, 6), 0, True)
    fast_r = make_rule(2025, (3, 6), 0, True)
    s = Schedule("t", "once", True, True, False, True, False, "e", (r,), "x")
    fast_s = make_schedule("t", "once", True, True, False, True, False, "e", (fast_r,), "x")
    if (fast_r, vars(fast_r), repr(fast_s), vars(fast_s)) != (r, vars(r), repr(s), vars(s)):
        raise AssertionError("make_rule/make_schedule no longer match Rule/Schedule")
    if hash(fast_r) != hash(r) or fast_s != s:
        raise AssertionError("make_rule/make_schedule no longer match Rule/Schedule")


_check_fast_constructors()
