"""Reader for PDF plans with a text layer (pdfplumber): table cells from the ruling lines.

Word and LibreOffice draw a table's borders, so each page's table comes back with its cells,
and the rows come out shaped as the .docx reader's (merged cells included). A table running
over several pages comes back as one table per page: a page's table that opens the page with
the same columns continues the one before. There the header rows Word repeats are dropped, a
row cut by the page break (no number of its own) is joined to the row above, a unit cell merged
down from the page before is marked merged, and footnotes under the cut are read after the
table. Page numbers and running heads are dropped; the text before the table (issuer, number,
date, title) is kept as lines. The work is bounded: pages, characters and seconds.
"""

from __future__ import annotations

import bisect
import io
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.errors import BadDocument
from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.cells import clean, is_time, list_items, starts_lower
from bot.plans.grid import Span, cell_text, rows_of
from bot.plans.pdf_text import CELL_PAD, TextLine, lines_of, paragraphs, starts_item

MAX_PAGES = 200
MAX_CHARS = 2_000_000
BUDGET_S = 30.0  # a 20-page plan takes about 1.5 s of CPU; 200 pages fit in this
SCANNED = (
    "Tệp PDF này là ảnh chụp (bản scan): không có lớp chữ nên không đọc được nội dung. "
    "Hãy gửi bản .docx của kế hoạch, hoặc bản PDF xuất trực tiếp từ Word "
    "(Tệp → Lưu thành → PDF), không phải bản scan."
)
_PAGE_NO = re.compile(
    r"^(?:[-–—\s]*\d{1,3}[-–—\s]*|Trang\s+\d{1,3}(?:\s*(?:/|trên)\s*\d{1,3})?)$", re.I
)
_MARGIN = 0.1  # of the page height: where running heads and page numbers sit
_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-ZĐ])\.?$")


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[tuple[str, ...]]


@dataclass
class _Page:
    number: int
    height: float
    left: float = 0.0  # the text block's edges: of its tables and lines
    right: float = 0.0
    items: list[tuple[float, TextLine | _Table]] = field(default_factory=list)


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _table_rows(table: Any, chars: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    """The rows of a pdfplumber table, merged cells as the .docx reader yields them."""
    cells = [tuple(float(x) for x in c) for c in table.cells]
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    if len(xs) < 2 or len(ys) < 2:
        return []
    grid: list[tuple[int, int, int, int]] = []  # each cell's rows and columns
    cover: dict[tuple[int, int], int] = {}  # grid position → the cell covering it
    for i, (x0, top, x1, bottom) in enumerate(cells):
        left, right = _index(xs, x0), _index(xs, x1) - 1
        first, last = _index(ys, top), _index(ys, bottom) - 1
        grid.append((first, left, last, right))
        for r in range(first, last + 1):
            for c in range(left, right + 1):
                cover[(r, c)] = i
    inside: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(cells))}
    for ch in chars:  # a character goes to the cell holding its centre
        col = bisect.bisect_right(xs, (ch["x0"] + ch["x1"]) / 2) - 1
        row = bisect.bisect_right(ys, (ch["top"] + ch["bottom"]) / 2) - 1
        i = cover.get((row, col), -1)
        if i >= 0:
            inside[i].append(ch)
    spans: list[Span] = []
    for i, (first, left, last, right) in enumerate(grid):
        if right < left or last < first:
            continue
        x0, x1 = cells[i][0], cells[i][2]
        lines = lines_of(inside[i])
        text = cell_text(paragraphs(lines, x0 + CELL_PAD, x1 - CELL_PAD)) if lines else ""
        spans.append(Span(first, left, last, right, text))
    return rows_of(len(ys) - 1, len(xs) - 1, spans)


def _inside(ch: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """A character belongs where its centre is (its box pokes out above a cell's top border)."""
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return bool(box[0] <= cx <= box[2] and box[1] <= cy <= box[3])


def _read_page(page: Any) -> _Page:
    out = _Page(page.page_number, float(page.height))
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    chars = page.chars
    loose = [ch for ch in chars if not any(_inside(ch, b) for b in boxes)]
    for t in tables:
        in_t = [ch for ch in chars if _inside(ch, t.bbox)]
        rows = _table_rows(t, in_t)
        if rows:
            out.items.append(
                (float(t.bbox[1]), _Table(page.page_number, t.bbox[1], t.bbox[3], rows))
            )
    edges: list[tuple[float, float]] = [(float(b[0]), float(b[2])) for b in boxes]
    for line in lines_of(loose, split_gaps=True):
        out.items.append((line.top, line))
        edges.append((line.x0, line.x1))
    out.items.sort(key=lambda it: it[0])
    if edges:
        out.left, out.right = min(e[0] for e in edges), max(e[1] for e in edges)
    return out


def _margin_key(line: TextLine, height: float) -> str | None:
    if line.top < _MARGIN * height or line.bottom > (1 - _MARGIN) * height:
        return re.sub(r"\d+", "#", line.text.strip())
    return None


def _drop_running(pages: list[_Page]) -> None:
    """Page numbers, and heads or feet repeated on several pages, are not the plan's text."""
    seen: Counter[str] = Counter()
    for p in pages:
        keys = {_margin_key(it, p.height) for _, it in p.items if isinstance(it, TextLine)}
        seen.update(k for k in keys if k)
    for p in pages:
        kept = []
        for top, it in p.items:
            if isinstance(it, TextLine):
                key = _margin_key(it, p.height)
                if key is not None and (_PAGE_NO.match(it.text.strip()) or seen[key] >= 2):
                    continue
            kept.append((top, it))
        p.items = kept


def _plain(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(clean(c) if c != MERGED else "" for c in row)


@dataclass
class _Header:
    """The first table's header rows (header, sub-headers, a "(1) (2) …" row) and roles."""

    rows: set[tuple[str, ...]] = field(default_factory=set)
    roles: tuple[str | None, ...] = ()

    @classmethod
    def of(cls, rows: list[tuple[str, ...]]) -> _Header:
        found = cls()
        group: list[tuple[str, ...]] = []
        for row in rows:
            plain = _plain(row)
            if (
                C.is_header(plain)
                or C.is_label_header(plain)
                or (group and not _LABEL.match(plain[0]) and max(map(len, plain)) < 60)
            ):
                group.append(plain)
                continue
            if group:
                break
        if group:
            found.rows, found.roles = set(group), C.header_roles(list(group))
        return found

    def column(self, *roles: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r in roles]


_COLUMN_NO = re.compile(r"\(\d{1,2}\)|^\d{1,2}$")


def _without_repeated_header(rows: list[tuple[str, ...]], header: _Header) -> list[tuple[str, ...]]:
    """A table's rows on a later page without the header rows Word repeated there.

    The repeated rows may not read exactly as on the first page (a merged header cell's text
    can land in the row below), so they are told by what they are: a header row, then short
    rows of sub-headers or column numbers "(1) (2) …"."""
    dropped = False
    while rows:
        plain = _plain(rows[0])
        filled = [c for c in plain if c]
        numbers = sum(1 for c in filled if _COLUMN_NO.search(c))
        if plain in header.rows or C.is_header(plain) or C.is_label_header(plain):
            dropped = True
        elif not (
            dropped
            and filled
            and max(map(len, filled)) < 40
            and (C.is_subheader(plain) or 2 * numbers >= len(filled))
        ):
            break
        rows = rows[1:]
    return rows


def _join_cell(above: str, below: str) -> str:
    """A cell cut by a page break put back together."""
    if not below or below == MERGED:
        return above
    if not above or above == MERGED:
        return below
    a = list_items(above) or [clean(above)]
    b = list_items(below) or [clean(below)]
    ended = a[-1].endswith((".", ";", ":", "!", "?")) and not starts_lower(b[0])
    if not ended and not starts_item(b[0]):  # the paragraph goes on
        a[-1] = a[-1] + " " + b.pop(0)
    return cell_text(a + b)


def _own_task(row: tuple[str, ...], header: _Header) -> bool:
    """A row without a number that is a sub-assignment (its own units and deadline), not the
    rest of a row cut by the page break."""

    def cell(*roles: str) -> list[str]:
        return [row[i] for i in header.column(*roles) if i < len(row) and row[i]]

    deadline = cell(C.DEADLINE)
    return (
        not cell(C.CONTENT)
        and bool(deadline)
        and is_time(deadline[0])
        and bool(cell(*C.UNIT_ROLES))
    )


def _continue(prev: Row, rows: list[tuple[str, ...]], header: _Header) -> list[Row]:
    """The first rows of a table's next page: a cut row joins the row above; a unit cell
    left empty at the top of the page continues a cell merged down from the page before."""
    if not rows:
        return [prev]
    out: list[Row] = []
    first = rows[0]
    plain = _plain(first)
    cut = not plain[0] and (
        any(starts_lower(c) for c in plain if c) or not _own_task(plain, header)
    )
    if cut:
        joined = (
            tuple(_join_cell(a, b) for a, b in zip(prev.cells, first, strict=False))
            + prev.cells[len(first) :]
        )
        out.append(Row(joined, prev.table, exact=prev.exact))
        rows = rows[1:]
        if not rows:
            return out
    else:
        out.append(prev)
    top = list(rows[0])
    if not re.match(r"^\d", clean(top[0]) if top[0] != MERGED else ""):  # not a task row
        out.extend(Row(r, prev.table, exact=True) for r in rows)
        return out
    for i in header.column(C.LEAD, C.UNITS):
        if i < len(top) and not top[i].strip():
            top[i] = MERGED
    # The page's first task row may continue a cell merged down from the page before (there
    # the page break cuts the ruling, the merge is lost), unless the row before the break has
    # nothing to merge down (a section row: a number and a title). Below it the rulings state
    # the merges.
    lost = any(clean(c) for c in _plain(prev.cells)[2:])
    out.append(Row(tuple(top), prev.table, exact=not lost))
    out.extend(Row(r, prev.table, exact=True) for r in rows[1:])
    return out


def _text_lines(lines: list[TextLine], page: _Page) -> list[Block]:
    return [Line(p) for p in paragraphs(lines, page.left, page.right) if p.strip()]


def read_pdf_blocks(data: bytes, budget_s: float = BUDGET_S) -> list[Block]:
    """Lines and table rows of a PDF, tables continued over page breaks read as one."""
    import pdfplumber  # imported here: only PDFs pay for it
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many kinds on a damaged file
        raise BadDocument("Tệp PDF bị hỏng, không mở được.") from exc
    start = time.monotonic()
    pages: list[_Page] = []
    total = 0
    with pdf:
        try:
            n = len(pdf.pages)
            if n > MAX_PAGES:
                raise BadDocument(
                    f"Tệp PDF quá dài ({n} trang); chỉ đọc tệp tối đa {MAX_PAGES} trang."
                )
            for page in pdf.pages:
                chars = len(page.chars)
                total += chars
                if total > MAX_CHARS:
                    raise BadDocument("Tệp PDF có quá nhiều chữ để là một kế hoạch.")
                pages.append(_read_page(page) if chars else _Page(page.page_number, 0.0))
                page.close()  # its parsed objects are not needed any more
                if time.monotonic() - start > budget_s:
                    raise BadDocument(
                        f"Tệp PDF đọc quá lâu (quá {budget_s:.0f} giây). "
                        "Hãy gửi bản .docx của kế hoạch."
                    )
        except BadDocument:
            raise
        except Exception as exc:  # a damaged page stream: pdfminer raises many kinds
            raise BadDocument("Tệp PDF bị hỏng, không đọc được nội dung.") from exc
    if total < 20 * max(1, n):
        raise BadDocument(SCANNED)
    _drop_running(pages)
    return _blocks(pages)


def _opening_table(page: _Page) -> _Table | None:
    first = page.items[0][1] if page.items else None
    return first if isinstance(first, _Table) else None


def _blocks(pages: list[_Page]) -> list[Block]:
    blocks: list[Block] = []
    table_no = 0
    header = _Header()
    last: _Table | None = None  # the table the previous page ended with
    footnotes: list[Block] = []  # the text under a table that goes on over the page
    for k, p in enumerate(pages):
        lines: list[TextLine] = []
        for pos, (_top, it) in enumerate(p.items):
            if isinstance(it, TextLine):
                lines.append(it)
                continue
            blocks.extend(_text_lines(lines, p))
            lines = []
            rows = list(it.rows)
            prev = blocks[-1] if blocks else None
            if (
                pos == 0
                and last is not None
                and isinstance(prev, Row)
                and len(last.rows[0]) == len(rows[0])
            ):
                rows = _without_repeated_header(rows, header)
                blocks.pop()
                blocks.extend(_continue(prev, rows, header))
            else:
                blocks.extend(footnotes)
                footnotes = []
                table_no += 1
                if not header.rows:
                    header = _Header.of(rows)
                # Ruled cells: a merged cell is drawn as one, an empty cell is empty.
                blocks.extend(Row(r, table_no, exact=True) for r in rows)
            last = it
        nxt = _opening_table(pages[k + 1]) if k + 1 < len(pages) else None
        goes_on = (
            last is not None
            and bool(p.items)
            and p.items[-1][1] is not last
            and nxt is not None
            and len(nxt.rows[0]) == len(last.rows[0])
        )
        if lines and goes_on:
            # Footnotes under a table that goes on over the page: read after the table.
            footnotes.extend(_text_lines(lines, p))
        elif lines:
            blocks.extend(footnotes)
            footnotes = []
            blocks.extend(_text_lines(lines, p))
            last = None
        elif not p.items:
            last = None
    blocks.extend(footnotes)
    return blocks
