"""Unit of work: one transaction; rolls back unless ``commit()`` was called.

A read-only unit of work (``UnitOfWork(sessions, read_only=True)``) is for answering questions:
it opens no write transaction, so on SQLite it never holds the one writer's lock (a question
asked while the dispatcher records sends neither waits nor makes it wait), and on PostgreSQL it
costs no BEGIN and COMMIT round trips. Each statement then reads the latest committed data.

A single-statement unit of work (``single=True``) is for one write that needs no transaction of
its own (marking an update handled, a reminder sent): on PostgreSQL the statement commits by
itself, one round trip instead of three (BEGIN, the statement, COMMIT); on SQLite it is an
ordinary transaction.
"""

from __future__ import annotations

from types import TracebackType
from weakref import WeakKeyDictionary

from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from store.audit_repo import AuditRepo
from store.days_off_repo import DaysOffRepo
from store.db import READ_ONLY_OPTION, READ_ONLY_SESSION
from store.groups_repo import GroupsRepo
from store.invites_repo import InvitesRepo
from store.officers_repo import OfficersRepo
from store.overview_repo import OverviewRepo
from store.planned_repo import PlannedRepo
from store.progress_repo import ProgressRepo
from store.recipients_repo import RecipientsRepo
from store.reminders_repo import RemindersRepo
from store.settings_repo import SettingsRepo
from store.stats_repo import StatsRepo
from store.status_repo import StatusRepo
from store.tasks_repo import TasksRepo
from store.unit_names_repo import UnitsRepo
from store.zalo_repo import ZaloRepo

# The session type, for the services that still hand a session to functions taking one (the
# reminders' and the plans'); they name it from here, not from SQLAlchemy.
Session = AsyncSession
Sessions = async_sessionmaker[AsyncSession]

_READING: WeakKeyDictionary[Engine, AsyncEngine] = WeakKeyDictionary()


def reading_engine(engine: AsyncEngine) -> AsyncEngine:
    """The engine's read-only face (same pool): autocommit, no BEGIN of our own."""
    face = _READING.get(engine.sync_engine)
    if face is None:
        if engine.dialect.name == "sqlite":
            face = engine.execution_options(**{READ_ONLY_OPTION: True})
        else:
            face = engine.execution_options(isolation_level="AUTOCOMMIT")
        _READING[engine.sync_engine] = face
    return face


class UnitOfWork:
    """``async with UnitOfWork(sessions) as uow: ...; await uow.commit()``.

    Only the unit of work commits; repositories take ``uow.session`` and never commit.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        read_only: bool = False,
        single: bool = False,
    ) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self.read_only = read_only
        self.single = single

    @classmethod
    def over(cls, db: UnitOfWork | AsyncSession) -> UnitOfWork:
        """``db`` itself, or a unit of work over a bare session its caller owns (committing it
        commits that session): for the callers that still pass a session along."""
        if isinstance(db, UnitOfWork):
            return db
        view = cls.__new__(cls)
        view._session, view.read_only, view.single = db, False, False
        return view

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside 'async with'")
        return self._session

    async def __aenter__(self) -> UnitOfWork:
        bind = self._sessions.kw.get("bind")
        autocommit = self.single and isinstance(bind, AsyncEngine) and bind.dialect.name != "sqlite"
        if (self.read_only or autocommit) and isinstance(bind, AsyncEngine):
            self._session = self._sessions(bind=reading_engine(bind))
        else:
            self._session = self._sessions()
        if self.read_only:
            self._session.info[READ_ONLY_SESSION] = True
        await self._session.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed and detaches loaded objects without
        # expiring them, so rows read inside stay readable after the block.
        session = self.session
        self._session = None
        await session.close()

    async def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    # Repositories: stateless views over this unit of work's session; they never commit.

    @property
    def audit(self) -> AuditRepo:
        return AuditRepo(self.session)

    @property
    def officers(self) -> OfficersRepo:
        return OfficersRepo(self.session)

    @property
    def groups(self) -> GroupsRepo:
        return GroupsRepo(self.session)

    @property
    def invites(self) -> InvitesRepo:
        return InvitesRepo(self.session)

    @property
    def units(self) -> UnitsRepo:
        return UnitsRepo(self.session)

    @property
    def settings(self) -> SettingsRepo:
        return SettingsRepo(self.session)

    @property
    def overview(self) -> OverviewRepo:
        return OverviewRepo(self.session)

    @property
    def zalo(self) -> ZaloRepo:
        return ZaloRepo(self.session)

    @property
    def days_off(self) -> DaysOffRepo:
        return DaysOffRepo(self.session)

    @property
    def status(self) -> StatusRepo:
        return StatusRepo(self.session)

    @property
    def reminders(self) -> RemindersRepo:
        return RemindersRepo(self.session)

    @property
    def stats(self) -> StatsRepo:
        return StatsRepo(self.session)

    @property
    def progress(self) -> ProgressRepo:
        return ProgressRepo(self.session)

    @property
    def tasks(self) -> TasksRepo:
        return TasksRepo(self.session)

    @property
    def recipients(self) -> RecipientsRepo:
        return RecipientsRepo(self.session)

    @property
    def planned(self) -> PlannedRepo:
        return PlannedRepo(self.session)
