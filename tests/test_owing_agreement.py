"""One rule for who owes what: lists, answers, reminders and the status board agree.

For each seed plan and the sample plan, imported into its province's directory, every unit the
plan names gets an officer; then, for every occurrence of the plan's year, the role each of the
four readers gives the unit must be the same (the board lists a unit exactly when it leads).
Runs on SQLite and PostgreSQL; the seeds part skips when ../shared/seeds is absent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.deadlines import WorkCalendar
from bot.owing import Claim, owed_role
from bot.plans import read_plan
from bot.questions.periods import Period
from bot.reminders.planner import owed_obligations
from services.imports import import_plan
from services.officers import add_officer
from services.reminders import load_world
from services.status import board
from services.unit_tasks import unit_tasks
from services.units import ensure_directory
from store import tasks_view as tv
from store import units_repo
from store.models import TaskUnitRow
from store.uow import UnitOfWork
from tests.conftest import SEEDS

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ke_hoach_mau_2026.txt"
PLANS = {
    "000": "Quảng Trị",
    "001": "Quảng Ngãi",
    "002": "An Giang",
    "003": "Gia Lai",
    "004": "Quảng Ngãi",
    "sample": "Quảng Ngãi",
}

Roles = dict[tuple[int, date], str]


def test_a_named_unit_beats_a_group_then_lead_beats_support() -> None:
    assert owed_role([Claim("lead", direct=False), Claim("support", direct=True)]) == "support"
    assert owed_role([Claim("support", direct=True), Claim("lead", direct=True)]) == "lead"
    assert owed_role([Claim("support", direct=False), Claim("lead", direct=False)]) == "lead"
    assert owed_role([]) is None


def _plan_path(name: str) -> Path:
    if name == "sample":
        return SAMPLE
    found = sorted(SEEDS.glob(f"{name}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed plans not found at {SEEDS}")
    return found[0]


async def _named_units(session: Any) -> list[int]:
    """Current units the plan's mentions name, and two members of each group it names."""
    directory = await units_repo.load_directory(session)
    ids = set((await session.scalars(select(TaskUnitRow.unit_id).distinct())).all())
    out = set()
    for unit_id in ids:
        unit = directory.by_id.get(unit_id)
        if unit is None:
            continue
        if not unit.is_group:
            current = directory.current(unit)
            if current.id is not None:
                out.add(current.id)
            continue
        members = [u.id for u in directory.units if not u.is_group and u.active and unit.covers(u)]
        out.update(m for m in members[:2] if m is not None)
    return sorted(out)


async def _from_lists(session: Any, unit_id: int, start: date, end: date) -> Roles:
    return {(t.task_id, t.due_date): t.role for t in await unit_tasks(session, unit_id, start, end)}  # type: ignore[misc]


async def _from_answers(session: Any, unit_id: int, start: date, end: date) -> Roles:
    scope = await tv.scope_for(session, unit_id)
    hits = await tv.occurrences(session, scope, start, end)
    views = await tv.load(session, hits, scope)
    return {(v.id, d.due_date): v.role for v in views for d in v.dues if v.role}


async def _from_reminders(
    session: Any, officers: dict[int, int], start: date, end: date
) -> dict[int, Roles]:
    world = await load_world(
        session,
        datetime(start.year, start.month, start.day, tzinfo=TZ),
        datetime(end.year, end.month, end.day, tzinfo=TZ),
        TZ,
    )
    out: dict[int, Roles] = {}
    for rec, obs in world.recipients:
        if rec.officer_id is None or rec.unit_id not in officers:
            continue
        best = owed_obligations(obs)
        out[rec.unit_id] = {
            key: ob.line.role for key, ob in best.items() if start <= ob.line.last_day <= end
        }
    return out


async def _board_leads(session: Any, start: date, end: date) -> set[tuple[int, int, date]]:
    found = await board(session, Period(start, end, "năm"), end, reports_only=False)
    return {(u.unit_id, o.task_id, o.due_date) for o in found.occurrences for u in o.units}


@pytest.mark.parametrize("plan", sorted(PLANS))
async def test_every_reader_gives_each_unit_the_same_role(sessions: Any, plan: str) -> None:
    draft = read_plan(_plan_path(plan))
    year = draft.year or 2025
    start, end = date(year, 1, 1), date(year, 12, 31)
    async with UnitOfWork(sessions) as uow:
        await ensure_directory(uow.session, PLANS[plan])
        await import_plan(uow, draft, datetime(2000, 1, 1, tzinfo=UTC), WorkCalendar())
        units = await _named_units(uow.session)
        officers = {}
        for i, unit_id in enumerate(units):
            officer = await add_officer(
                uow, 9000 + i, f"Cán bộ {i}", unit_id, "officer", datetime.now(UTC)
            )
            officers[unit_id] = officer.id
        await uow.commit()
    assert len(units) >= 3
    async with UnitOfWork(sessions, read_only=True) as uow:
        reminders = await _from_reminders(uow.session, officers, start, end)
        leads = await _board_leads(uow.session, start, end)
        pairs = 0
        disagree = []
        for unit_id in units:
            lists = await _from_lists(uow.session, unit_id, start, end)
            answers = await _from_answers(uow.session, unit_id, start, end)
            planned = reminders.get(unit_id, {})
            for key in sorted(set(lists) | set(answers) | set(planned)):
                pairs += 1
                roles = (lists.get(key), answers.get(key), planned.get(key))
                on_board = (unit_id, *key) in leads
                if len(set(roles)) != 1 or on_board != (roles[0] == "lead"):
                    disagree.append((unit_id, key, roles, on_board))
            # The board never counts a unit that owes nothing or only cooperates.
            for u, t, d in leads:
                if u == unit_id:
                    assert lists.get((t, d)) == "lead", (unit_id, t, d)
    print(f"\n{plan}: {len(units)} units, {pairs} (unit, occurrence) pairs, {len(disagree)} differ")
    assert pairs > 0
    assert not disagree, disagree[:10]
