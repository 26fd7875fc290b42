"""Engine and session factory: SQLite (WAL, one writer at a time) or PostgreSQL."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

DEFAULT_URL = "sqlite+aiosqlite:///./data/tthc.db"
# Execution option of store.uow's read-only face of an SQLite engine.
READ_ONLY_OPTION = "tthc_read_only"
# Key of ``Session.info`` set on the sessions of store.uow's read-only units of work.
READ_ONLY_SESSION = "tthc_read_only"


def normalise_url(url: str) -> str:
    """Accept plain ``sqlite:///`` and ``postgresql://`` URLs and pick the async drivers."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    return url


def is_sqlite(engine: AsyncEngine) -> bool:
    """True for an SQLite engine."""
    return engine.dialect.name == "sqlite"


# Connections per process: the webhook's updates in hand (``handlers.webhook.CONCURRENCY``) plus
# the reminders and the sweeper. N replicas open at most N times this many: PostgreSQL's default
# max_connections (100) serves three replicas.
PG_POOL = {"pool_size": 16, "max_overflow": 12}


def make_engine(url: str = DEFAULT_URL, **kwargs: Any) -> AsyncEngine:
    """Build the async engine; for SQLite create the folder, turn on WAL and serialise writers."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database or ""
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
        return engine
    # The bot's queries are small and indexed; plan them for that on every connection, in the
    # startup packet (no round trip):
    # - asyncpg prepares statements and PostgreSQL switches a prepared statement to a generic
    #   plan after five runs; without the unit ids and dates a generic plan scans the whole date
    #   range (2 s instead of 30 ms at 100,000 tasks): plan each execution with its values;
    # - JIT compilation (tens of ms) is for analytics; these queries only pay for it;
    # - the indexes they read are in memory: at the default random_page_cost (4, disks) the
    #   planner prefers reading a whole month of every task's occurrences to a thousand
    #   index-only probes per task of a unit.
    connect_args = dict(kwargs.pop("connect_args", {}))
    connect_args["server_settings"] = {**PG_SETTINGS, **connect_args.get("server_settings", {})}
    kwargs["connect_args"] = connect_args
    # No ping on every checkout (asyncpg's ping is three round trips: BEGIN, ';', ROLLBACK,
    # about a millisecond per question); a connection is pinged only after it sat idle.
    kwargs.setdefault("pool_pre_ping", False)
    for key, value in PG_POOL.items():
        kwargs.setdefault(key, value)
    engine = create_async_engine(url, **kwargs)
    if not kwargs["pool_pre_ping"]:
        _ping_when_idle(engine)
    return engine


PG_SETTINGS = {"plan_cache_mode": "force_custom_plan", "jit": "off", "random_page_cost": "1.1"}

# A pooled PostgreSQL connection idle longer than this is pinged before it is handed out, so a
# server restart during a quiet spell costs a reconnect instead of a failed update. (A restart
# while the bot is busy fails the statements in flight; SQLAlchemy then drops the whole pool.)
PING_AFTER_IDLE_S = 10.0


def _ping_when_idle(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as error:
            # The pool discards this connection and checks out (or opens) another one.
            raise exc.DisconnectionError(str(error)) from error


def _configure_sqlite(engine: AsyncEngine) -> None:
    # The sqlite3 driver's own transaction handling defers BEGIN; take it over (SQLAlchemy's
    # documented recipe) and begin IMMEDIATE so two writers queue on the busy timeout instead of
    # failing when a read transaction upgrades to a write.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        # Reads through a memory map instead of a read() per page beyond the 2 MB page cache:
        # ask's p99 at 100,000 tasks went from ~70 ms to ~18 ms (bench/ask_bench.py).
        cur.execute("PRAGMA mmap_size=268435456")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A read-only unit of work (store.uow) begins nothing: with the driver's own handling
        # off, each of its statements is a read transaction of its own and takes no lock.
        if not conn.get_execution_options().get(READ_ONLY_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded attributes after commit (no lazy loads outside the session)."""
    return async_sessionmaker(engine, expire_on_commit=False)
