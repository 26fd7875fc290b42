"""The command line behind ``bot.py``: settings, the parser of every sub-command, dispatch.

The options every command shares (``--db``, ``--today``) are accepted before or after the
sub-command: ``bot.py --db URL import X`` and ``bot.py import X --db URL`` are the same.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from dataclasses import replace

from bot.settings import Settings
from cli import read_day


def load_settings() -> Settings:
    """Read settings once: the environment, completed by a .env file in the working directory."""
    from dotenv import dotenv_values

    env = {k: v for k, v in dotenv_values(".env").items() if v is not None}
    env.update(os.environ)
    return Settings.from_env(env)


def add_shared_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--db`` and ``--today`` on ``parser``. On the top-level parser they default to None; on a
    sub-command's they are left out of the result when not given (``SUPPRESS``), so a value
    written before the sub-command is kept."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        dest="db_url",
        default=default,
        help="database URL (default: $DATABASE_URL or ./data)",
    )
    parser.add_argument(
        "--today", type=read_day, default=default, help="treat this day as today (YYYY-MM-DD)"
    )


def _sub_commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _share_options(parser: argparse.ArgumentParser) -> None:
    """The shared options on every sub-command, at every depth (``daysoff add`` too)."""
    for sub in _sub_commands(parser).values():
        add_shared_options(sub, top=False)
        _share_options(sub)


def build_parser() -> argparse.ArgumentParser:
    import cli

    parser = argparse.ArgumentParser(
        prog="bot.py",
        description="tthc-bot: Telegram assistant for administrative-procedure control plans.",
    )
    add_shared_options(parser, top=True)
    sub = parser.add_subparsers(dest="command")
    for info in sorted(pkgutil.iter_modules(cli.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    _share_options(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Vietnamese output must survive a pipe or a non-UTF-8 terminal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None and "run" in _sub_commands(parser):
        # No sub-command: run the bot (with a token) or the console chat (without one).
        args = parser.parse_args(["run", *argv])
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    settings = load_settings()
    if args.db_url:
        settings = replace(settings, database_url=args.db_url)
    return int(func(args, settings))
