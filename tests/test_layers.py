"""The layers hold: only store/ speaks SQL, and only use cases commit.

Modules still waiting for their move are listed; the test fails on any NEW offender (a listed
module that no longer offends is fine: take it off the list).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_IMPORT = re.compile(r"^\s*(from|import) (sqlalchemy|store\.models)\b", re.M)
COMMIT = re.compile(r"\bcommit\(\)")

# Modules still waiting for their move (none left since issue 14 moved the outbox SQL to store/).
STILL_SQL: set[str] = set()
STILL_COMMITTING: set[str] = set()


def _modules(*dirs: str) -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for d in dirs for p in (ROOT / d).rglob("*.py") if p.is_file()
    )


def test_no_new_module_outside_the_store_imports_sqlalchemy_or_the_models() -> None:
    offenders = {
        m
        for m in _modules("bot", "services", "handlers", "reminders", "cli")
        if SQL_IMPORT.search((ROOT / m).read_text(encoding="utf-8"))
    }
    assert offenders - STILL_SQL == set()
    assert not SQL_IMPORT.search((ROOT / "bot.py").read_text(encoding="utf-8"))


def test_no_new_handler_or_cli_command_commits() -> None:
    offenders = {
        m
        for m in _modules("handlers", "cli")
        if COMMIT.search((ROOT / m).read_text(encoding="utf-8"))
    }
    assert offenders - STILL_COMMITTING == set()


def test_the_check_sees_an_offender() -> None:
    # The patterns must match the forms used in this code base, or the tests above prove nothing.
    assert SQL_IMPORT.search("    from sqlalchemy import select\n")
    assert SQL_IMPORT.search("from store.models import OfficerRow\n")
    assert not SQL_IMPORT.search("from store.uow import UnitOfWork\n")
    assert COMMIT.search("            await uow.commit()\n")
