"""A small world for the bot tests: a migrated SQLite file, two units, a plan, a running bot."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import fixed_clock
from bot.settings import Settings
from handlers.app import configure
from handlers.context import Services, derive_key
from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.models import (
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitAliasRow,
    UnitRow,
)

from .driver import BotHarness
from .server import FakeBotApi

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2025, 8, 18, 9, 0, tzinfo=VN)  # a Monday
ADMIN_ID = 900

# (ref, content, [(role, unit key)], [(due, last_day)])
TASKS = [
    ("1", "Báo cáo <kết quả> & tổng hợp TTHC quý III", [("lead", "stp")],
     [(date(2025, 8, 20), date(2025, 8, 19))]),
    ("2", "Rà soát quy trình nội bộ giải quyết TTHC", [("support", "stp"), ("lead", "snv")],
     [(date(2025, 8, 25), date(2025, 8, 25))]),
    ("3", "Cập nhật cơ sở dữ liệu quốc gia về TTHC", [("lead", "snv")],
     [(date(2025, 8, 20), date(2025, 8, 20))]),
    ("4", "Công khai kết quả đánh giá chỉ số phục vụ", [("lead", "stp")],
     [(date(2025, 7, 10), date(2025, 7, 10))]),
]  # fmt: skip


async def seed(url: str) -> dict[str, int]:
    """Two units and one plan; returns unit ids by key and task ids by ``t<ref>``."""
    engine = make_engine(url)
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    ids: dict[str, int] = {}
    async with sessions() as s:
        for key, name, alias in (("stp", "Sở Tư pháp", "STP"), ("snv", "Sở Nội vụ", "SNV")):
            unit = UnitRow(key=key, name=name, kind="department", is_group=False, active=True)
            s.add(unit)
            await s.flush()
            s.add(UnitAliasRow(unit_id=unit.id, alias=alias, folded=alias.lower()))
            ids[key] = unit.id
        plan = PlanRow(identity="test-plan", source="test.txt", issuer="UBND tỉnh", year=2025,
                       number="1/KH", title="Kế hoạch kiểm soát TTHC năm 2025",
                       fingerprint="x", imported_at=NOW, updated_at=NOW)  # fmt: skip
        s.add(plan)
        await s.flush()
        for pos, (ref, content, units, dues) in enumerate(TASKS):
            task = TaskRow(plan_id=plan.id, position=pos, ref=ref, content=content,
                           deadline="Tháng 8/2025", search_text=content.lower(), inferred=[])  # fmt: skip
            s.add(task)
            await s.flush()
            ids[f"t{ref}"] = task.id
            for role, key in units:
                s.add(TaskUnitRow(task_id=task.id, role=role, mention=key, unit_id=ids[key]))
            for due, last in dues:
                s.add(TaskDueRow(task_id=task.id, due_date=due, last_day=last, before=False))
        await s.commit()
    await engine.dispose()
    return ids


@dataclass
class World:
    """The running bot, the fake server and the store, for one test."""

    api: FakeBotApi
    harness: BotHarness
    services: Services
    ids: dict[str, int]
    url: str

    async def scalar(self, stmt):  # type: ignore[no-untyped-def]
        async with self.services.sessions() as s:
            return await s.scalar(stmt)

    async def add_officer(self, telegram_id: int, name: str, unit: str | None, role: str = "officer") -> int:  # fmt: skip
        """Register an officer directly in the store (``unit`` is a unit key)."""
        from services.officers import add_officer

        async with self.services.uow() as uow:
            o = await add_officer(uow, telegram_id, name, self.ids[unit] if unit else None, role, NOW)  # fmt: skip
            await uow.commit()
        return o.id

    async def all(self, stmt):  # type: ignore[no-untyped-def]
        async with self.services.sessions() as s:
            return list((await s.execute(stmt)).all())


_TEMPLATE: tuple[Path, dict[str, int]] | None = None


async def _seeded_copy(target: Path) -> dict[str, int]:
    """Migrating costs ~0.4 s: seed one template database per process and copy it."""
    global _TEMPLATE
    if _TEMPLATE is None:
        folder = Path(tempfile.mkdtemp(prefix="tthc-bot-template-"))
        ids = await seed(f"sqlite+aiosqlite:///{folder / 'template.db'}")
        _TEMPLATE = (folder / "template.db", ids)
    shutil.copyfile(_TEMPLATE[0], target)
    return dict(_TEMPLATE[1])


async def start_world(
    tmp_path: Path,
    now: datetime = NOW,
    prepare: Callable[[FakeBotApi], None] | None = None,
    **configure_kwargs: Any,
) -> World:
    """The bot on a seeded store; ``prepare`` sees the fake server before the bot starts (e.g. to
    inject faults), ``configure_kwargs`` go to ``handlers.app.configure``."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    ids = await _seeded_copy(tmp_path / "bot.db")
    api = FakeBotApi()
    await api.start()
    if prepare is not None:
        prepare(api)
    settings = Settings(bot_token=api.token, database_url=url, admin_ids=(ADMIN_ID,))
    engine = make_engine(url)
    services = Services(
        settings, make_sessionmaker(engine), fixed_clock(now), derive_key(api.token)
    )
    # The project's own composition, so the handlers under test are the real ones.
    harness = BotHarness(api, app=configure(BotHarness.builder(api), services, **configure_kwargs))
    await harness.start()
    world = World(api, harness, services, ids, url)
    world._engine = engine  # type: ignore[attr-defined]
    return world


async def stop_world(world: World) -> None:
    await world.harness.stop()
    await world.api.stop()
    await world._engine.dispose()  # type: ignore[attr-defined]


def later(days: int) -> datetime:
    return NOW + timedelta(days=days)


async def units_by_key(world: World) -> dict[str, int]:
    rows = await world.all(select(UnitRow.key, UnitRow.id))
    return {k: v for k, v in rows}
