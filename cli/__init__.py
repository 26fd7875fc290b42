"""Admin command line: one module per command group, each with ``register(subparsers)``.

``bot.py`` discovers the modules here; a module registers its sub-command(s) and sets
``func`` on its parser to a callable ``(args, settings) -> int`` (the process exit code).
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any


def today_of(text: str | None, settings: Any) -> date | None:
    """``--today YYYY-MM-DD`` (for tests and replays), else today in the deployment's zone; None
    after printing why when the text is not a date."""
    if not text:
        from bot.clock import system_clock

        return system_clock(settings.timezone)().date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"Ngày không hợp lệ: {text} (cần YYYY-MM-DD)", file=sys.stderr)
        return None
