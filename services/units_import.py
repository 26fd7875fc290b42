"""Administrator's import of units from a CSV or .xlsx table: add units, rename them, add aliases."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import TthcError
from bot.units import Kind, Unit
from bot.units.normalise import normalise
from store import units_repo
from store.uow import UnitOfWork

# Accepted column headers (folded) → field.
_HEADERS = {
    "key": "key", "ma": "key", "ma don vi": "key",
    "name": "name", "ten": "name", "ten don vi": "name",
    "kind": "kind", "loai": "kind",
    "parent": "parent", "thuoc": "parent", "don vi cha": "parent",
    "successor": "successor", "nay la": "successor", "thay the boi": "successor",
    "aliases": "aliases", "alias": "aliases", "ten khac": "aliases",
    "short_name": "short_name", "short name": "short_name", "ten viet tat": "short_name",
    "code": "code",
}  # fmt: skip
_KINDS = {k.value for k in Kind}


class BadUnitsFile(TthcError):
    """The units table cannot be read."""


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    aliases: int = 0
    errors: list[str] = field(default_factory=list)


def read_table(path: Path, data: bytes | None = None) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, "," or ";") or .xlsx file as {field: value}."""
    raw = data if data is not None else path.read_bytes()
    if raw[:2] == b"PK":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).active
        if sheet is None:
            raise BadUnitsFile("Tệp Excel không có trang tính nào.")
        table = [
            ["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)
        ]
    else:
        text = raw.decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
        table = list(csv.reader(io.StringIO(text), dialect))
    if not table:
        raise BadUnitsFile("Tệp trống.")
    header = [
        _HEADERS.get(normalise(h, strip_qualifiers=False).replace("_", " "), "") for h in table[0]
    ]
    header = [_HEADERS.get(h, h) for h in header]
    if "name" not in header and "key" not in header:
        raise BadUnitsFile("Thiếu cột 'name' (tên đơn vị) hoặc 'key' (mã đơn vị).")
    rows = []
    for cells in table[1:]:
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
        if any(row.values()):
            rows.append(row)
    return rows


def _key_for(name: str) -> str:
    return "u_" + normalise(name, strip_qualifiers=False).replace(" ", "_")[:100]


async def import_units(uow: UnitOfWork, rows: list[dict[str, str]]) -> ImportReport:
    """Apply the rows and commit: a known key (or exact name) is renamed and gets the aliases;
    else added."""
    session = uow.session
    report = ImportReport()
    directory = await units_repo.load_directory(session)
    for number, row in enumerate(rows, start=2):
        name, key = row.get("name", ""), row.get("key", "")
        aliases = [
            a.strip() for a in row.get("aliases", "").replace("|", ";").split(";") if a.strip()
        ]
        existing = directory.get(key) if key else None
        if existing is None and name and not key:
            exact = directory.exact.get(normalise(name, strip_qualifiers=False)) or []
            existing = exact[0] if len(exact) == 1 else None
        if existing is None:
            if not name:
                report.errors.append(f"dòng {number}: thiếu tên đơn vị")
                continue
            kind = row.get("kind") or Kind.DEPARTMENT
            if kind not in _KINDS:
                report.errors.append(f"dòng {number}: loại '{kind}' không hợp lệ")
                continue
            parent = row.get("parent") or None
            successor = row.get("successor") or None
            unit = Unit(None, key or _key_for(name), name, kind, parent_key=parent,
                        successor_key=successor, aliases=tuple(aliases),
                        short_name=row.get("short_name") or None, code=row.get("code") or None)  # fmt: skip
            await units_repo.add_units(session, [unit])
            report.added.append(unit.key)
            report.aliases += len(aliases)
        else:
            renamed, added, missing = await uow.units.revise(
                existing.key,
                name or None,
                row.get("short_name") or None,
                row.get("successor") or None,
                aliases,
            )
            if renamed:
                report.renamed.append(existing.key)
            if missing:
                report.errors.append(f"dòng {number}: không có đơn vị '{row['successor']}'")
            report.aliases += added
        await session.flush()
        directory = await units_repo.load_directory(session)
    await uow.commit()
    return report
