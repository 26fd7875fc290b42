"""The streams of an OLE2 compound file (the container of Word 97 .doc files), read by hand.

A compound file is a small file system: fixed-size sectors chained by a FAT, a directory of
named streams, and a mini stream of 64-byte sectors for the small ones. Every chain is walked
with a bound (a damaged or hostile file may chain in a loop); anything out of range raises
``OleError``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END, _FREE = 0xFFFFFFFE, 0xFFFFFFFF
_FIRST_DIFAT = 109  # FAT sector numbers held in the header itself
_STREAM, _ROOT = 2, 5


class OleError(ValueError):
    """Not a compound file, or a damaged one."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int
    start: int
    size: int


class CompoundFile:
    """A compound file's directory and the bytes of its streams."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise OleError("not a compound file")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise OleError("unexpected sector sizes")
        self.sector = 1 << shift
        self.mini_sector = 1 << mini_shift
        self.sectors = (len(data) - 512 + self.sector - 1) // self.sector
        n_fat, first_dir, _tx, self.cutoff, first_minifat, n_minifat, first_difat, n_difat = (
            struct.unpack_from("<IIIIIIII", data, 0x2C)
        )
        self.fat = self._read_fat(n_fat, first_difat, n_difat)
        self.entries = self._read_directory(first_dir)
        root = next((e for e in self.entries if e.kind == _ROOT), None)
        if root is None:
            raise OleError("no root entry")
        self.mini_stream = self._chain_bytes(root.start, root.size) if root.size else b""
        minifat = self._chain_bytes(first_minifat, n_minifat * self.sector) if n_minifat else b""
        self.minifat = list(struct.unpack(f"<{len(minifat) // 4}I", minifat))

    def _offset(self, sector: int) -> int:
        if sector >= self.sectors:
            raise OleError("sector out of range")
        return 512 + sector * self.sector

    def _read_fat(self, n_fat: int, first_difat: int, n_difat: int) -> list[int]:
        if n_fat > self.sectors:
            raise OleError("too many FAT sectors")
        ids = list(struct.unpack_from(f"<{_FIRST_DIFAT}I", self.data, 0x4C))
        per = self.sector // 4 - 1  # each DIFAT sector ends with the next one's number
        sector = first_difat
        for _ in range(min(n_difat, self.sectors)):
            if sector in (_END, _FREE):
                break
            at = self._offset(sector)
            ids.extend(struct.unpack_from(f"<{per}I", self.data, at))
            (sector,) = struct.unpack_from("<I", self.data, at + per * 4)
        fat: list[int] = []
        for sid in ids[:n_fat]:
            fat.extend(struct.unpack_from(f"<{self.sector // 4}I", self.data, self._offset(sid)))
        return fat

    def _chain(self, start: int, table: list[int], limit: int) -> list[int]:
        """Sector numbers of a chain, at most ``limit`` of them (a loop ends the walk)."""
        out: list[int] = []
        sector = start
        while sector not in (_END, _FREE) and len(out) < limit:
            if sector >= len(table):
                raise OleError("chain out of range")
            out.append(sector)
            sector = table[sector]
        return out

    def _chain_bytes(self, start: int, size: int) -> bytes:
        need = (size + self.sector - 1) // self.sector
        chain = self._chain(start, self.fat, min(need, self.sectors))
        parts = [self.data[self._offset(s) : self._offset(s) + self.sector] for s in chain]
        out = b"".join(parts)
        if len(out) < size:
            raise OleError("stream shorter than stated")
        return out[:size]

    def _read_directory(self, first: int) -> list[_Entry]:
        raw = self._chain_bytes_unsized(first)
        entries = []
        for at in range(0, len(raw) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", raw, at + 0x40)
            start, size = struct.unpack_from("<II", raw, at + 0x74)
            name = raw[at : at + min(name_len, 64)].decode("utf-16-le", "replace").rstrip("\0")
            entries.append(_Entry(name, kind, start, size))
        return entries

    def _chain_bytes_unsized(self, start: int) -> bytes:
        chain = self._chain(start, self.fat, self.sectors)
        return b"".join(self.data[self._offset(s) : self._offset(s) + self.sector] for s in chain)

    def stream(self, name: str) -> bytes | None:
        """The bytes of a stream named ``name`` (any storage), or None when there is none."""
        entry = next((e for e in self.entries if e.kind == _STREAM and e.name == name), None)
        if entry is None:
            return None
        if entry.size > len(self.data):
            raise OleError("stream larger than the file")
        if entry.size >= self.cutoff:
            return self._chain_bytes(entry.start, entry.size)
        need = (entry.size + self.mini_sector - 1) // self.mini_sector
        chain = self._chain(entry.start, self.minifat, need)
        parts = []
        for s in chain:
            at = s * self.mini_sector
            if at + self.mini_sector > len(self.mini_stream):
                raise OleError("mini sector out of range")
            parts.append(self.mini_stream[at : at + self.mini_sector])
        out = b"".join(parts)
        if len(out) < entry.size:
            raise OleError("stream shorter than stated")
        return out[: entry.size]
