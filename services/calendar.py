"""The working-day calendar as the store holds it: public holidays plus the days off."""

from __future__ import annotations

from bot.deadlines import WorkCalendar
from store.uow import Session, UnitOfWork


async def work_calendar(db: UnitOfWork | Session) -> WorkCalendar:
    """Public holidays plus the administrator's extra days off."""
    return WorkCalendar(await UnitOfWork.over(db).days_off.all_days())
