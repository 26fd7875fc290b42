"""The main text of a Word 97 (.doc) file and the table properties of its paragraphs.

Read from the binary itself ([MS-DOC]): the FIB names the table stream and the piece table
(which runs of the WordDocument stream make up the text, in 8-bit or UTF-16 form); the
paragraph property pages (PAPX FKPs) say which paragraphs are in a table, which mark a row's
end, and for those the row's cell edges and vertical merges (sprmTDefTable, sprmTVertMerge).
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field

from bot.plans.ole import CompoundFile, OleError

_FIB_IDENT = 0xA5EC
_ENCRYPTED, _WHICH_TABLE = 0x0100, 0x0200
_CLX, _BTE_PAPX = 33, 13  # indexes in FibRgFcLcb97
_FKP = 512
# Paragraph sprms read here.
_IN_TABLE, _TTP, _ITAP, _INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244C
_DEF_TABLE, _VERT_MERGE, _HUGE_PAPX = 0xD608, 0xD62B, 0x6646
# Border sprms → where a border's type byte sits in the operand, and the stride between borders.
_BORDERS = {0xD62F: (8, 0), 0xD620: (4, 0), 0xD613: (5, 8), 0xD605: (1, 4)}
_FIXED = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand size by spra
MAX_CELLS = 64
MAX_PARAGRAPHS = 60_000  # twice the reader's budget of rows and paragraphs (budget.MAX_ROWS)


class DocError(ValueError):
    """Not a Word 97 document this reader can read (encrypted, damaged, another format)."""


@dataclass
class Para:
    """A paragraph: its text (without its mark), the mark, and its table properties."""

    text: str
    mark: str  # "\r" paragraph, "\x07" cell or row end, "" at the end of the text
    depth: int = 0  # table nesting: 0 outside tables
    row_end: bool = False
    edges: list[int] = field(default_factory=list)  # a row end's cell edges (twips)
    merges: list[int] = field(default_factory=list)  # per cell: 0 none, 1 continued, 3 first
    ruled: bool = False  # a row end whose cells or table draw a border


def _u16(b: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", b, at)[0])


def _u32(b: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", b, at)[0])


@dataclass(frozen=True)
class _Piece:
    cp: int
    cp_end: int
    fc: int  # byte offset in WordDocument
    compressed: bool


def _pieces(table: bytes, fc: int, lcb: int) -> list[_Piece]:
    """The piece table from the Clx (its Prc property runs skipped)."""
    at, end = fc, fc + lcb
    if end > len(table):
        raise DocError("Clx out of range")
    while at < end and table[at] == 0x01:
        at += 3 + struct.unpack_from("<h", table, at + 1)[0]
    if at >= end or table[at] != 0x02:
        raise DocError("no piece table")
    size = _u32(table, at + 1)
    at += 5
    n = (size - 4) // 12
    if n <= 0 or at + size > len(table):
        raise DocError("bad piece table")
    cps = struct.unpack_from(f"<{n + 1}I", table, at)
    out = []
    for k in range(n):
        raw = _u32(table, at + 4 * (n + 1) + 8 * k + 2)
        compressed = bool(raw & 0x40000000)
        offset = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
        out.append(_Piece(cps[k], cps[k + 1], offset, compressed))
    return out


def _piece_text(word: bytes, p: _Piece) -> str:
    n = max(0, p.cp_end - p.cp)
    if p.compressed:
        return word[p.fc : p.fc + n].decode("cp1252", "replace")
    return word[p.fc : p.fc + 2 * n].decode("utf-16-le", "replace")


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a property list (a bad size ends the list)."""
    out = []
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra in _FIXED:
            size = _FIXED[spra]
        elif sprm == _DEF_TABLE:
            if at + 2 > len(grpprl):
                break
            size, at = _u16(grpprl, at) - 1, at + 2
        else:
            if at >= len(grpprl):
                break
            size, at = grpprl[at], at + 1
        if size < 0 or at + size > len(grpprl):
            break
        out.append((sprm, grpprl[at : at + size]))
        at += size
    return out


@dataclass
class _Props:
    depth: int = 0
    row_end: bool = False
    edges: list[int] = field(default_factory=list)
    merges: list[int] = field(default_factory=list)
    ruled: bool = False


def _drawn(kind: int) -> bool:
    """A border type that draws a line (0 is none, 0xFF a nil border)."""
    return kind not in (0, 0xFF)


def _cells_ruled(tcs: bytes) -> bool:
    """A TC80 (20 bytes) holds four borders after its flags and width, the type their 2nd byte."""
    return any(
        _drawn(tcs[k + 4 + 4 * j + 1]) for k in range(0, len(tcs) - 19, 20) for j in range(4)
    )


def _ruled_sprm(sprm: int, op: bytes) -> bool:
    first, stride = _BORDERS[sprm]
    at = first
    while at < len(op):
        if _drawn(op[at]):
            return True
        if not stride:
            break
        at += stride
    return False


def _props(grpprl: bytes, data: bytes | None) -> _Props:
    p = _Props()
    in_table = inner_ttp = False
    for sprm, op in _sprms(grpprl):
        if sprm == _HUGE_PAPX and data is not None and len(op) == 4:
            at = _u32(op, 0)
            if at + 2 <= len(data):
                huge = _props(data[at + 2 : at + 2 + _u16(data, at)], None)
                in_table = in_table or huge.depth > 0
                p.row_end = p.row_end or huge.row_end
                p.edges, p.merges = huge.edges or p.edges, huge.merges or p.merges
                p.ruled = p.ruled or huge.ruled
        elif sprm == _IN_TABLE and op:
            in_table = op[0] == 1
        elif sprm == _TTP and op:
            p.row_end = op[0] == 1
        elif sprm == _INNER_TTP and op:
            inner_ttp = op[0] == 1
        elif sprm == _ITAP and len(op) == 4:
            p.depth = min(_u32(op, 0), 16)
        elif sprm == _DEF_TABLE and op:
            n = min(op[0], MAX_CELLS)
            if 1 + 2 * (n + 1) <= len(op):
                p.edges = list(struct.unpack_from(f"<{n + 1}h", op, 1))
                tcs = 1 + 2 * (n + 1)
                p.merges = [
                    (_u16(op, tcs + 20 * k) >> 5) & 3 if tcs + 20 * k + 2 <= len(op) else 0
                    for k in range(n)
                ]
                p.ruled = p.ruled or _cells_ruled(op[tcs : tcs + 20 * n])
        elif sprm in _BORDERS:
            p.ruled = p.ruled or _ruled_sprm(sprm, op)
        elif sprm == _VERT_MERGE and len(op) >= 2:
            k, flag = op[0], op[1]
            if k < len(p.merges):
                p.merges[k] = flag & 3
    if in_table and p.depth == 0:
        p.depth = 1
    if inner_ttp:
        p.row_end = p.depth > 1
    return p


class _Papx:
    """Paragraph properties by file offset of the paragraph mark (from the PAPX FKPs)."""

    def __init__(self, word: bytes, table: bytes, fc: int, lcb: int, data: bytes | None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.grpprls: list[bytes] = []
        self.data = data
        if lcb < 4 or fc + lcb > len(table):
            return
        n = (lcb - 4) // 8
        for k in range(n):
            page = _u32(table, fc + 4 * (n + 1) + 4 * k) & 0x3FFFFF
            self._read_page(word, page * _FKP)

    def _read_page(self, word: bytes, at: int) -> None:
        if at + _FKP > len(word):
            return
        fkp = word[at : at + _FKP]
        crun = fkp[511]
        for k in range(min(crun, 0x1D)):  # a PAPX page holds at most 29 runs
            start, end = _u32(fkp, 4 * k), _u32(fkp, 4 * (k + 1))
            offset = fkp[4 * (crun + 1) + 13 * k] * 2
            grpprl = b""
            if offset:
                cb = fkp[offset]
                if cb == 0 and offset + 1 < _FKP:
                    size, body = 2 * fkp[offset + 1], offset + 2
                else:
                    size, body = 2 * cb - 1, offset + 1
                grpprl = fkp[body + 2 : body + size]  # after the style index
            self.starts.append(start)
            self.ends.append(end)
            self.grpprls.append(grpprl)

    def at(self, fc: int) -> _Props:
        order = bisect.bisect_right(self.starts, fc) - 1
        if order < 0 or fc >= self.ends[order]:
            return _Props()
        return _props(self.grpprls[order], self.data)


def read_paragraphs(data: bytes) -> list[Para]:
    """The paragraphs of a .doc's main text with their table properties; raises DocError."""
    try:
        cf = CompoundFile(data)
        word = cf.stream("WordDocument")
        if word is None or len(word) < 0x44 or _u16(word, 0) != _FIB_IDENT:
            raise DocError("no Word document stream")
        flags = _u16(word, 0x0A)
        if flags & _ENCRYPTED:
            raise DocError("encrypted")
        table = cf.stream("1Table" if flags & _WHICH_TABLE else "0Table")
        if table is None:
            raise DocError("no table stream")
        csw = _u16(word, 32)
        lw = 34 + 2 * csw
        cslw = _u16(word, lw)
        ccp_text = _u32(word, lw + 2 + 12)
        blob = lw + 2 + 4 * cslw + 2
        fc_clx, lcb_clx = _u32(word, blob + 8 * _CLX), _u32(word, blob + 8 * _CLX + 4)
        fc_bte, lcb_bte = _u32(word, blob + 8 * _BTE_PAPX), _u32(word, blob + 8 * _BTE_PAPX + 4)
        pieces = _pieces(table, fc_clx, lcb_clx)
        papx = _Papx(word, table, fc_bte, lcb_bte, cf.stream("Data"))
        return _split(word, pieces, papx, ccp_text)
    except (OleError, struct.error, IndexError) as exc:
        raise DocError(str(exc)) from exc


def _split(word: bytes, pieces: list[_Piece], papx: _Papx, ccp_text: int) -> list[Para]:
    """The main text cut at its paragraph and cell marks, each mark's properties looked up."""
    out: list[Para] = []
    buf: list[str] = []
    for p in pieces:
        if p.cp >= ccp_text:
            break
        text = _piece_text(word, p)[: ccp_text - p.cp]
        start = 0
        for i, ch in enumerate(text):
            if ch not in "\r\x07":
                continue
            buf.append(text[start:i])
            start = i + 1
            fc = p.fc + (i if p.compressed else 2 * i)
            props = papx.at(fc)
            out.append(
                Para(
                    "".join(buf),
                    ch,
                    props.depth,
                    props.row_end,
                    props.edges,
                    props.merges,
                    props.ruled,
                )
            )
            buf = []
            if len(out) > MAX_PARAGRAPHS:
                raise DocError("too many paragraphs")
        buf.append(text[start:])
    if "".join(buf).strip():
        out.append(Para("".join(buf), ""))
    return out
