"""Small worlds for the reminders tests: rows written straight into the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from store.models import (
    GroupChatRow,
    OfficerRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitRow,
)

T0 = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass
class World:
    """Ids of what was created, by short name."""

    units: dict[str, int] = field(default_factory=dict)
    officers: dict[str, int] = field(default_factory=dict)
    tasks: dict[str, int] = field(default_factory=dict)
    plan_id: int = 0


async def add_unit(session, world: World, key: str, name: str | None = None) -> int:  # type: ignore[no-untyped-def]
    row = UnitRow(key=key, name=name or key, kind="so", is_group=False, active=True)
    session.add(row)
    await session.flush()
    world.units[key] = row.id
    return row.id


async def add_officer(  # type: ignore[no-untyped-def]
    session, world: World, name: str, unit: str, telegram_id: int, role: str = "officer", **settings
) -> int:
    row = OfficerRow(
        telegram_id=telegram_id,
        name=name,
        unit_id=world.units[unit],
        role=role,
        status="active",
        settings=dict(settings),
        chat_active=True,
        created_at=T0,
    )
    session.add(row)
    await session.flush()
    world.officers[name] = row.id
    return row.id


async def add_group(session, world: World, chat_id: int, unit: str) -> None:  # type: ignore[no-untyped-def]
    session.add(
        GroupChatRow(
            chat_id=chat_id, title=f"Nhóm {unit}", unit_id=world.units[unit], created_at=T0
        )
    )
    await session.flush()


async def add_plan(session, world: World, year: int = 2025) -> int:  # type: ignore[no-untyped-def]
    row = PlanRow(
        identity=f"test-plan-{year}",
        source="test.txt",
        issuer="UBND tỉnh Thử",
        year=year,
        title=f"Kế hoạch thử nghiệm năm {year}",
        fingerprint="x",
        imported_at=T0,
        updated_at=T0,
    )
    session.add(row)
    await session.flush()
    world.plan_id = row.id
    return row.id


async def add_task(  # type: ignore[no-untyped-def]
    session,
    world: World,
    ref: str,
    content: str,
    dues: list[tuple[date, date]],
    lead: list[str],
    support: list[str] = (),  # type: ignore[assignment]
    before: bool = False,
    ongoing: bool = False,
) -> int:
    """A task with (nominal due, last working day) pairs and its lead/support units."""
    if not world.plan_id:
        await add_plan(session, world)
    row = TaskRow(
        plan_id=world.plan_id,
        position=len(world.tasks),
        ref=ref,
        content=content,
        deadline="thử",
        inferred=[],
        schedule=None,
        schedule_kind="once",
        ongoing=ongoing,
        deadline_unknown=False,
        search_text=content.lower(),
        active=True,
    )
    session.add(row)
    await session.flush()
    for due, last in dues:
        session.add(TaskDueRow(task_id=row.id, due_date=due, last_day=last, before=before))
    for role, names in (("lead", lead), ("support", support)):
        for name in names:
            session.add(
                TaskUnitRow(task_id=row.id, role=role, mention=name, unit_id=world.units[name])
            )
    await session.flush()
    world.tasks[ref] = row.id
    return row.id
