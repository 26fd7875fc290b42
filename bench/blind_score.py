"""Score a blind batch (questions, deadline phrases, unit queries) written without the code.

    python bench/blind_score.py tests/data/blind/batch1            # every part, figures + misses
    python bench/blind_score.py tests/data/blind/batch2 --part deadlines --misses 0

A batch directory holds `questions.tsv`, `deadlines.tsv` and `units.tsv` (formats in
tests/data/blind/README.md). Questions are asked through the production path: the seed is
read and imported into a fresh SQLite store of its province, and `services.ask.ask` answers as
an officer of the asker's unit on the row's day, every page of the answer collected.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED_PROVINCES = {
    "000": "Quảng Trị",
    "001": "Quảng Ngãi",
    "002": "An Giang",
    "003": "Gia Lai",
    "004": "Quảng Ngãi",
}
FLAGS = ("before", "ambiguous", "unknown", "ongoing", "on_request")
MAX_PAGES = 12


def shared_dir() -> Path:
    import os

    return Path(os.environ.get("TTHC_SHARED", ROOT.parent / "shared"))


def rows_of(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Tab-separated rows after the header line; blank and '#' lines skipped."""
    header_seen = False
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield i, line.split("\t")


# -- deadlines ---------------------------------------------------------------------------


def expected_dues(text: str, year: int) -> tuple[tuple[date, bool], ...]:
    """Expand a dues column (`YYYY-MM-DD`, `MONTHS-DAY`, `<` for before) to (date, before)."""
    from tests.test_deadlines_table import _dues  # the phrase tables' own reader of the format

    text = text.strip()
    if text in ("", "-"):
        return ()
    # A writer may separate tokens by commas ("2025-03-31,<2025-06-30,*-20"); a comma before a
    # full date or a `*-` token separates, one inside a month list ("3,6,9,12-20") does not.
    text = re.sub(r",\s*(?=<?(?:\d{4}-|\*-))", " ", text)
    return _dues(text, year)


@dataclass
class Score:
    """Right answers of one part, with the misses for reading."""

    name: str
    total: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.misses.append(miss)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0

    def line(self) -> str:
        return f"{self.name}: {self.right}/{self.total} = {self.rate:.3f}"


def score_deadlines(path: Path) -> Score:
    """Dues and kind as the import reads a cell: first sight, with its task text as context."""
    from bot.deadlines import parse_deadline

    score = Score("deadline phrases (dues right)")
    for line, cols in rows_of(path):
        phrase, year_s, context, _kind, dues, _flags = (cols + [""] * 6)[:6]
        year = int(year_s)
        want = expected_dues(dues, year)
        s = parse_deadline(phrase, year, None if context.strip() in ("", "-") else context)
        got = tuple(
            sorted(
                (o.due, o.before)
                for o in s.occurrences(date(year - 3, 1, 1), date(year + 1, 12, 31))
                if o.due.year == year
            )
        )
        want = tuple(w for w in want if w[0].year == year)
        score.add(
            got == want, f"{line}: {phrase!r} ctx={context!r} want={_fmt(want)} got={_fmt(got)}"
        )
    return score


def _fmt(dues: tuple[tuple[date, bool], ...]) -> str:
    return " ".join(("<" if b else "") + d.strftime("%d/%m") for d, b in dues) or "-"


# -- units -------------------------------------------------------------------------------


def score_units(path: Path) -> tuple[Score, Score]:
    """Right unit first for unit queries; no match for texts naming no unit."""
    from bot.text import fold
    from bot.units import Directory, builtin_units, find_province, match
    from bot.units.builtin import short_province_name

    directories: dict[str, Directory] = {}
    units, none = Score("unit queries (right unit first)"), Score("non-unit texts (no match)")
    for line, cols in rows_of(path):
        province, query, expect = (cols + ["", "", ""])[:3]
        if province not in directories:
            found = find_province(province)
            if found is None:
                units.add(False, f"{line}: province not found {province!r}")
                continue
            directories[province] = Directory(
                builtin_units(found), province=short_province_name(found)
            )
        d = directories[province]
        found_units = match(d, query)
        top = found_units[0].unit.name if found_units else None
        if expect.strip() == "-":
            none.add(top is None, f"{line}: {query!r} -> {top!r}")
        else:
            ok = top is not None and _same_unit(fold(top), fold(expect))
            units.add(ok, f"{line}: {query!r} want {expect!r} got {top!r}")
    return units, none


_COMMUNE_BODY = re.compile(r"^(?:uy ban nhan dan|ubnd) (?=(?:xa|phuong|dac khu|thi tran) )")


def _same_unit(a: str, b: str) -> bool:
    """Names of one unit: a commune and its People's Committee ("Ủy ban nhân dân phường X"
    is how a writer names the body the directory lists as "Phường X") are the same."""
    return _COMMUNE_BODY.sub("", a) == _COMMUNE_BODY.sub("", b)


# -- questions ---------------------------------------------------------------------------

_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?!\d)")


def _dates_in(text: str) -> set[tuple[int, int]]:
    return {(int(d), int(m)) for d, m, _y in _DATE.findall(text)}


def _want_dates(text: str) -> set[tuple[int, int]]:
    out = set()
    for tok in re.split(r"[,;\s]+", text):
        if tok and tok != "-":
            parts = tok.split("/")
            out.add((int(parts[0]), int(parts[1])))
    return out


async def _store_of(seed: str, workdir: Path) -> tuple[Any, Any]:
    """A fresh SQLite store holding one seed plan in its province's directory."""
    from bot.deadlines import WorkCalendar
    from bot.plans import read_plan
    from services.imports import import_plan
    from services.units import ensure_directory
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    path = next(p for p in (shared_dir() / "seeds").glob(f"{seed}_*"))
    engine = make_engine(f"sqlite+aiosqlite:///{workdir / f'seed{seed}.db'}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    async with UnitOfWork(sessions) as uow:
        await ensure_directory(uow.session, SEED_PROVINCES[seed])
        await import_plan(uow, read_plan(path), datetime(2000, 1, 1, tzinfo=UTC), WorkCalendar())
        await uow.commit()
    return engine, sessions


async def _answer_all_pages(
    sessions: Any, question: str, unit_id: int | None, today: date
) -> tuple[list[Any], str]:
    from bot.deadlines import WorkCalendar
    from services.ask import ask
    from store.uow import UnitOfWork

    tasks: list[Any] = []
    texts: list[str] = []
    for page in range(MAX_PAGES):
        async with UnitOfWork(sessions, read_only=True) as uow:
            answer = await ask(
                uow, question, unit_id=unit_id, today=today, calendar=WorkCalendar(), page=page
            )
        tasks.extend(answer.tasks)
        texts.append(answer.reply.to_text())
        if not answer.reply.more:
            break
    return tasks, "\n".join(texts)


async def _score_questions(path: Path) -> Score:
    from services.units import find_unit
    from store.uow import UnitOfWork

    score = Score("questions (answer right)")
    rows = list(rows_of(path))
    stores: dict[str, tuple[Any, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for line, cols in rows:
                seed, today_s, asker, question, kind, refs_s, dates_s = (cols + [""] * 8)[:7]
                seed = seed.strip().split("_")[0].zfill(3)  # "003" or the seed's file stem
                if seed not in stores:
                    stores[seed] = await _store_of(seed, Path(tmp))
                _engine, sessions = stores[seed]
                async with UnitOfWork(sessions, read_only=True) as uow:
                    found = await find_unit(uow.session, asker, limit=1)
                unit_id = found[0].unit.id if found else None
                tasks, text = await _answer_all_pages(
                    sessions, question, unit_id, date.fromisoformat(today_s.strip())
                )
                got = [t.ref for t in tasks]
                want = {r for r in re.split(r"[,;\s]+", refs_s) if r and r != "-"}
                want_dates = _want_dates(dates_s)
                kind = kind.strip()
                if kind == "none":
                    ok = not got
                elif kind == "detail":
                    ok = bool(got) and got[0] in want
                elif kind == "date":
                    ok = want_dates <= _dates_in(text) and (not want or bool(want & set(got)))
                else:  # list, count
                    ok = set(got) == want and want_dates <= _dates_in(text)
                first = text.splitlines()[0] if text else ""
                score.add(
                    ok,
                    f"{line}: [{seed} {asker} {today_s}] {question!r} ({kind}) want={sorted(want)} "
                    f"{sorted(want_dates) if want_dates else ''} got={got} — {first}",
                )
        finally:
            for engine, _ in stores.values():
                await engine.dispose()
    return score


def score_questions(path: Path) -> Score:
    return asyncio.run(_score_questions(path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batch", type=Path)
    ap.add_argument("--part", choices=["questions", "deadlines", "units", "all"], default="all")
    ap.add_argument("--misses", type=int, default=40, help="misses to print per part")
    args = ap.parse_args(argv)
    scores: list[Score] = []
    if args.part in ("deadlines", "all") and (args.batch / "deadlines.tsv").exists():
        scores.append(score_deadlines(args.batch / "deadlines.tsv"))
    if args.part in ("units", "all") and (args.batch / "units.tsv").exists():
        scores.extend(score_units(args.batch / "units.tsv"))
    if args.part in ("questions", "all") and (args.batch / "questions.tsv").exists():
        scores.append(score_questions(args.batch / "questions.tsv"))
    for s in scores:
        print(s.line())
        for m in s.misses[: args.misses]:
            print("   miss", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
