"""Table-driven deadline tests: DOMAIN.md §3, every gold deadline, and team-written variants."""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from bot.deadlines import parse_deadline

TABLES = Path(__file__).resolve().parent / "data" / "deadlines"
FLAGS = ("before", "ambiguous", "unknown", "ongoing", "on_request")


@dataclass(frozen=True)
class Row:
    """One expected reading: phrase, plan year, context, kind, due dates and true flags."""

    table: str
    line: int
    phrase: str
    year: int
    context: str | None
    kind: str
    dues: tuple[tuple[date, bool], ...]
    flags: frozenset[str]

    @property
    def id(self) -> str:
        return f"{self.table}:{self.line}"


def _dues(field: str, year: int) -> tuple[tuple[date, bool], ...]:
    if field == "-":
        return ()
    out = set()
    for tok in field.split():
        before = tok.startswith("<")
        tok = tok.lstrip("<")
        if tok.count("-") == 2 and len(tok) == 10:
            out.add((date.fromisoformat(tok), before))
            continue
        months_s, day_s = tok.rsplit("-", 1)
        months = range(1, 13) if months_s == "*" else [int(m) for m in months_s.split(",")]
        for m in months:
            last = calendar.monthrange(year, m)[1]
            d = last if day_s == "L" else min(int(day_s), last)
            out.add((date(year, m, d), before))
    return tuple(sorted(out))


def load_rows(name: str) -> list[Row]:
    """Read one table file (see tests/data/deadlines/README.md)."""
    rows = []
    for i, line in enumerate((TABLES / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        phrase, year, context, kind, dues, flags = line.split("\t")
        y = int(year)
        rows.append(
            Row(
                table=name,
                line=i,
                phrase=phrase,
                year=y,
                context=None if context == "-" else context,
                kind=kind,
                dues=_dues(dues, y),
                flags=frozenset() if flags == "-" else frozenset(flags.split(",")),
            )
        )
    return rows


def reading(row: Row) -> tuple[str, tuple[tuple[date, bool], ...], frozenset[str]]:
    """What our parser says for a row, in the row's terms."""
    s = parse_deadline(row.phrase, row.year, row.context)
    occs = s.occurrences(date(row.year - 3, 1, 1), date(row.year + 1, 12, 31))
    flags = frozenset(f for f in FLAGS if getattr(s, f))
    return s.kind, tuple((o.due, o.before) for o in occs), flags


def check(row: Row) -> None:
    kind, dues, flags = reading(row)
    assert (kind, dues, flags) == (row.kind, row.dues, row.flags), row.phrase


DOMAIN = load_rows("domain.tsv")
GOLD = load_rows("gold.tsv")
VARIANTS = load_rows("variants.tsv")
LIMITS = load_rows("limits.tsv")
LIMITS2 = load_rows("limits2.tsv")


@pytest.mark.parametrize("row", DOMAIN, ids=[r.id for r in DOMAIN])
def test_every_domain_row_reads_as_the_spec_says(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", GOLD, ids=[r.id for r in GOLD])
def test_every_gold_deadline_reads_to_its_expected_dates(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", VARIANTS, ids=[r.id for r in VARIANTS])
def test_team_written_variant_reads_to_its_expected_dates(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", LIMITS, ids=[r.id for r in LIMITS])
def test_limits_spans_and_rhythms_of_issue_13_read_to_their_dates(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", LIMITS2, ids=[r.id for r in LIMITS2])
def test_classes_blind_batch_2_found_missing_read_to_their_dates(row: Row) -> None:
    check(row)


def test_the_variant_table_holds_at_least_150_rows() -> None:
    assert len(VARIANTS) >= 150


def _gold_tasks() -> list[tuple[int, dict[str, str | None]]]:
    from tests.conftest import gold_or_skip

    out = []
    for path in gold_or_skip():
        doc = json.loads(path.read_text(encoding="utf-8"))
        out.extend((int(doc["year"]), t) for t in doc["tasks"])
    return out


def test_the_gold_table_covers_every_deadline_of_the_gold_annotations() -> None:
    keyed = {(r.phrase, r.year, r.context) for r in GOLD}
    missing = [
        (t["deadline"], year, t["deadline_in_text"])
        for year, t in _gold_tasks()
        if (t["deadline"] or "", year, t["deadline_in_text"]) not in keyed
    ]
    assert missing == []


def test_gold_deadlines_read_the_same_with_the_whole_task_text_as_context() -> None:
    # The import passes content + notes + deadline_in_text: the extra text must not add dates.
    by_key = {(r.phrase, r.year, r.context): r for r in GOLD}
    wrong = []
    for year, t in _gold_tasks():
        row = by_key[(t["deadline"] or "", year, t["deadline_in_text"])]
        ctx = " ".join(
            x for x in (t["content"], t["result"], t["notes"], t["deadline_in_text"]) if x
        )
        got = reading(Row(**{**row.__dict__, "context": ctx}))
        if got != (row.kind, row.dues, row.flags):
            wrong.append((t["ref"], row.phrase, got))
    assert wrong == []
