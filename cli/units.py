"""`units match TEXT [--province P] [--json]`, `units import FILE`, `units unresolved`.

With TEXT `-`, ``units match`` reads one query per line from standard input and prints one JSON
object per line: {"query", "matches": [{"id", "name", "kind", "group", "score", "note"}]}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from bot.units import Directory, Match, builtin_units, find_province, match
from bot.units.builtin import short_province_name


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("units", help="the unit directory: match, import, unresolved")
    sub = p.add_subparsers(dest="units_command", required=True)
    m = sub.add_parser("match", help="match a unit mention or query")
    m.add_argument("text", help="the text, or - for one query per line on standard input")
    m.add_argument("--province", default=None, help="use this province's built-in directory")
    m.add_argument("--json", action="store_true", help="print JSON")
    m.add_argument("--limit", type=int, default=5)
    m.set_defaults(func=run_match)
    i = sub.add_parser("import", help="add or rename units and aliases from a CSV or .xlsx file")
    i.add_argument("file", type=Path)
    i.add_argument(
        "--province", default=None, help="seed this province first if the store is empty"
    )
    i.set_defaults(func=run_import)
    u = sub.add_parser("unresolved", help="list plan mentions that match no unit")
    u.set_defaults(func=run_unresolved)


def match_json(query: str, matches: list[Match]) -> dict[str, Any]:
    """The JSON object of one query."""
    return {
        "query": query,
        "matches": [
            {
                "id": m.unit.id,
                "key": m.unit.key,
                "name": m.unit.name,
                "kind": str(m.unit.kind),
                "group": m.is_group,
                "score": m.score,
                "note": m.note,
            }
            for m in matches
        ],
    }


async def _stored_directory(settings: Any) -> Directory | None:
    from services.units import seed_directory
    from store import units_repo
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            await seed_directory(uow, settings.province)
            if not await units_repo.count_units(uow.session):
                return None
            return await units_repo.load_directory(uow.session)
    finally:
        await engine.dispose()


def _directory(args: argparse.Namespace, settings: Any) -> Directory | None:
    if args.province:
        province = find_province(args.province)
        if province is None:
            print(f"Không nhận ra tỉnh/thành phố: {args.province}", file=sys.stderr)
            return None
        return Directory(builtin_units(province), province=short_province_name(province))
    directory = asyncio.run(_stored_directory(settings))
    if directory is None:
        print(
            "Chưa có danh mục đơn vị: đặt TTHC_PROVINCE, dùng --province, hoặc nhập một kế hoạch.",
            file=sys.stderr,
        )
    return directory


def run_match(args: argparse.Namespace, settings: Any) -> int:
    directory = _directory(args, settings)
    if directory is None:
        return 2
    if args.text == "-":
        for line in sys.stdin:
            query = line.rstrip("\n")
            print(
                json.dumps(
                    match_json(query, match(directory, query, args.limit)), ensure_ascii=False
                )
            )
        return 0
    found = match(directory, args.text, args.limit)
    if args.json:
        print(json.dumps(match_json(args.text, found), ensure_ascii=False))
        return 0
    if not found:
        print("Không tìm thấy đơn vị nào.")
        return 1
    for m in found:
        tag = "nhóm" if m.is_group else "đơn vị"
        note = f" — {m.note}" if m.note else ""
        print(f"{m.score:5.1f}  {m.unit.name} ({tag}){note}")
    return 0


async def _import(path: Path, province: str | None, settings: Any) -> int:
    from services.units import ensure_directory
    from services.units_import import BadUnitsFile, import_units, read_table
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    try:
        rows = read_table(path)
    except (BadUnitsFile, OSError, UnicodeDecodeError) as exc:
        print(getattr(exc, "message", None) or f"Không đọc được tệp: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            await ensure_directory(uow.session, province or settings.province)
            report = await import_units(uow, rows)
    finally:
        await engine.dispose()
    print(
        f"Thêm {len(report.added)} đơn vị, đổi tên {len(report.renamed)}, thêm {report.aliases} tên khác."
    )
    for error in report.errors:
        print(f"Lỗi {error}", file=sys.stderr)
    return 1 if report.errors else 0


def run_import(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_import(args.file, args.province, settings))


async def _unresolved(settings: Any) -> tuple[list[tuple[str, str | None, int]], list[Any]]:
    from store import units_repo
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            return (
                await units_repo.unresolved_mentions(uow.session),
                await units_repo.ownerless_tasks(uow.session),
            )
    finally:
        await engine.dispose()


def run_unresolved(args: argparse.Namespace, settings: Any) -> int:
    rows, ownerless = asyncio.run(_unresolved(settings))
    if not rows:
        print("Mọi đơn vị trong các kế hoạch đã được nhận ra.")
    for mention, issuer, count in rows:
        print(f"{count:3d} × {mention}" + (f"  ({issuer})" if issuer else ""))
    if ownerless:
        print(
            f"\n{len(ownerless)} nhiệm vụ không có đơn vị nào được nhắc (chỉ giao 'các cơ quan, đơn vị liên quan' hoặc chưa nhận ra):"
        )
        for task in ownerless:
            content = task.content if len(task.content) <= 80 else task.content[:79] + "…"
            print(f"  {task.ref}: {content} — {'; '.join(task.mentions) or 'không ghi đơn vị'}")
    return 0
