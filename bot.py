"""tthc-bot entry point: the Telegram bot, the console chat and the admin CLI.

Run, never imported: ``python bot.py`` (console chat without a token, the bot with one),
``python bot.py import PLAN.docx``, ``python bot.py --help``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys


def load_settings():  # type: ignore[no-untyped-def]
    """Read settings once: the environment, completed by a .env file in the working directory."""
    from dotenv import dotenv_values

    from bot.settings import Settings

    env = {k: v for k, v in dotenv_values(".env").items() if v is not None}
    env.update(os.environ)
    return Settings.from_env(env)


def build_parser() -> argparse.ArgumentParser:
    import cli

    parser = argparse.ArgumentParser(
        prog="bot.py",
        description="tthc-bot: Telegram assistant for administrative-procedure control plans.",
    )
    parser.add_argument(
        "--db", dest="db_url", help="database URL (default: $DATABASE_URL or ./data)"
    )
    sub = parser.add_subparsers(dest="command")
    for info in sorted(pkgutil.iter_modules(cli.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Vietnamese output must survive a pipe or a non-UTF-8 terminal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = load_settings()
    if getattr(args, "db_url", None):
        from dataclasses import replace

        settings = replace(settings, database_url=args.db_url)
    func = getattr(args, "func", None)
    if func is None:
        # No sub-command: run the bot (with a token) or the console chat (without one).
        args = parser.parse_args(["run", *(argv or [])]) if "run" in sub_names(parser) else args
        func = getattr(args, "func", None)
        if func is None:
            parser.print_help()
            return 2
    return int(func(args, settings))


def sub_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
