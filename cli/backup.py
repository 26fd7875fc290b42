"""`backup [--to PATH] [--keep N]`: a consistent copy of the store while the bot keeps running.

SQLite: the online backup API (a consistent snapshot even while the bot writes; the copy is then
checked with ``PRAGMA integrity_check``). PostgreSQL: ``pg_dump --format=custom`` (restore with
``pg_restore``), the password passed in the environment, never on the command line or in the
output. Without ``--to`` the copy goes to ``./data/backups/`` and only the newest ``--keep``
copies there are kept.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path("data/backups")
PREFIX = "tthc-"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("backup", help="copy the store (SQLite file or pg_dump) safely")
    p.add_argument("--to", default=None, help="file to write (default: ./data/backups/...)")
    p.add_argument("--keep", type=int, default=14, help="copies kept in the default folder")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Any) -> int:
    from bot.clock import system_clock
    from store.urls import parse_url

    url = parse_url(settings.database_url)
    stamp = system_clock(settings.timezone)().strftime("%Y%m%d-%H%M%S")
    backend = url.get_backend_name()
    suffix = ".db" if backend == "sqlite" else ".dump"
    target = Path(args.to) if args.to else DEFAULT_DIR / f"{PREFIX}{stamp}{suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    if backend == "sqlite":
        source = Path(url.database or "")
        if not source.is_file():
            print(f"Không thấy tệp cơ sở dữ liệu: {source}", file=sys.stderr)
            return 1
        report = backup_sqlite(source, target)
    elif backend == "postgresql":
        code, report = backup_postgresql(url, target)
        if code:
            print(report, file=sys.stderr)
            return code
    else:
        print(f"Không sao lưu được loại cơ sở dữ liệu {backend}.", file=sys.stderr)
        return 2
    print(f"Đã sao lưu vào {target} ({target.stat().st_size:,} byte). {report}")
    if args.to is None:
        for old in prune(DEFAULT_DIR, args.keep):
            print(f"Đã xoá bản cũ {old.name}")
    return 0


def backup_sqlite(source: Path, target: Path) -> str:
    """Copy with SQLite's online backup API, then check the copy; a summary of what it holds."""
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise RuntimeError(f"bản sao lỗi: {check}")
        counts = {
            table: dst.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("plans", "tasks", "officers")
        }
    finally:
        dst.close()
        src.close()
    os.replace(partial, target)
    return f"Kế hoạch: {counts['plans']}, việc: {counts['tasks']}, cán bộ: {counts['officers']}."


def backup_postgresql(url: Any, target: Path) -> tuple[int, str]:
    """Run pg_dump (custom format) for the URL's database; (exit code, message)."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return 1, "Không thấy pg_dump trên máy này (gói postgresql-client)."
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    command = [pg_dump, "--format=custom", f"--file={target}", "--no-owner"]
    for flag, value in (("--host", url.host), ("--port", url.port), ("--username", url.username)):
        if value:
            command.append(f"{flag}={value}")
    command.append(url.database or "")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        return done.returncode, f"pg_dump thất bại: {done.stderr.strip()[-500:]}"
    return 0, "Khôi phục bằng: pg_restore --clean --dbname=<cơ sở dữ liệu> <tệp>."


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` copies this command made in ``folder``."""
    copies = sorted(
        (p for p in folder.glob(f"{PREFIX}*") if not p.name.endswith(".part")),
        key=lambda p: (p.stat().st_mtime, p.name),
    )
    old = copies[: max(len(copies) - max(keep, 1), 0)]
    for path in old:
        path.unlink()
    return old
