"""Admin command line: one module per command group, each with ``register(subparsers)``.

``cli.main`` (what ``bot.py`` runs) discovers the modules here; a module registers its
sub-command(s) and sets ``func`` on its parser to a callable ``(args, settings) -> int`` (the
process exit code). Every sub-command gets the shared ``--db`` and ``--today`` (``cli.main``):
``args.db_url`` is in ``settings.database_url``, ``args.today`` is a date or None.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any


def read_day(text: str) -> date:
    """A YYYY-MM-DD argument (``--today``, a day off); argparse prints the Vietnamese message and
    exits with code 2 otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"Ngày không hợp lệ: {text} (cần YYYY-MM-DD)") from None


def today_of(today: date | None, settings: Any) -> date:
    """``--today`` (for tests and replays), else today in the deployment's zone."""
    if today is not None:
        return today
    from bot.clock import system_clock

    return system_clock(settings.timezone)().date()
