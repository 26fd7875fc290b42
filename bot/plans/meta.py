"""A plan's metadata from the lines around its table: issuer, number, date, title, year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.plans.blocks import MERGED, Block, Line
from bot.plans.cells import clean, list_items
from bot.plans.columns import is_header

_HEAD = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH)$")
_YEAR = re.compile(r"\bnăm (\d{4})\b", re.IGNORECASE)
_ANNEX = re.compile(
    r"\((?:Ban hành\s+)?kèm theo (?:Kế hoạch|Quyết định|Văn bản|Công văn) số:?\s*([^\s]*)\s*(.*?)\)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^Số:?\s*(\S+)")
_DATE_SLASH = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})")
_DATE_WORDS = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_PROVINCE = re.compile(r"\btỉnh ((?:[A-ZĐ][^\s,.;()]*)(?: [A-ZĐ][^\s,.;()]*){0,2})")
_TITLE_ISSUER = re.compile(
    r"\bcủa ((?:Sở|Văn phòng|UBND|Ủy ban|Uỷ ban|Ban|Trung tâm|Chủ tịch)\b[^,;()]*)$"
)
_ISSUER_CAPS = re.compile(r"^(ỦY BAN NHÂN DÂN|UBND|SỞ|VĂN PHÒNG|TRUNG TÂM|BAN)\b.*$")
_PLACE_CAPS = re.compile(r"(?:^|\s)(TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|XÃ|PHƯỜNG)\s+\S")
# "Hà Tĩnh, ngày 10 tháng 01 năm 2026": the date under the national motto.
_PLACE_DATE = re.compile(r"^[^\d,]{2,40}, ngày \d{1,2}")
_TOP = 25  # lines (and header-table cells) where the number, date and issuer are looked for


def _lines(blocks: list[Block]) -> list[str]:
    """The document's paragraphs; before the task table, a layout table's cells count too.

    Plans put the issuer, "Số: 45/KH-UBND" and the place and date in a borderless two-column
    table above the title; each paragraph of its cells is read as a line.
    """
    out: list[str] = []
    in_head = True
    for b in blocks:
        if isinstance(b, Line):
            out.append(clean(b.text))
            continue
        if not in_head:
            continue
        if len(b.cells) > 3 or is_header(tuple("" if c == MERGED else c for c in b.cells)):
            in_head = False
            continue
        for cell in b.cells:
            if cell and cell != MERGED:
                items = list_items(cell)
                out.extend(items if items is not None else [clean(cell)])
    return [x for x in out if x]


@dataclass(frozen=True)
class Meta:
    """What the document says about itself."""

    issuer: str | None
    number: str | None
    doc_date: date | None
    title: str | None
    year: int | None


_AGENCY_CAPS = re.compile(r"^(SỞ|BAN|VĂN PHÒNG|CHI CỤC|CỤC|TRUNG TÂM|PHÒNG)\b")
_PLACE_WORDS = re.compile(r"\b(tỉnh|thành phố|huyện|thị xã|quận|xã|phường) (.+)$")


def _caps_name(line: str) -> str:
    """ "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" → "Sở Nông nghiệp và Môi trường"; place names titled."""
    words = line.lower().split()
    out: list[str] = []
    for k, w in enumerate(words):
        prev = words[k - 1] if k else ""
        if prev == "ban" and k >= 2 and words[k - 2] in ("ủy", "uỷ"):
            prev = ""  # "Ủy ban nhân dân"
        if w in ("ubnd", "hđnd"):
            w = w.upper()
        elif k == 0 or (prev in ("sở", "và", "ban", "phòng", "cục", "tâm")):
            w = w[:1].upper() + w[1:]
        out.append(w)
    name = " ".join(out)
    return _PLACE_WORDS.sub(lambda m: m.group(1) + " " + m.group(2).title(), name)


def _caps_issuer(lines: list[str]) -> str | None:
    """The issuer from the capital lines at the top: the agency under its parent body."""
    for k, line in enumerate(lines):
        if not _ISSUER_CAPS.match(line):
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if _PLACE_CAPS.match(nxt) and not _PLACE_CAPS.search(line):
            return _caps_name(f"{line} {nxt}")  # "ỦY BAN NHÂN DÂN" over "TỈNH HÀ TĨNH"
        if _AGENCY_CAPS.match(nxt) and nxt.isupper() and _PLACE_CAPS.search(line):
            # "UBND TỈNH NGHỆ AN" over "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": the Sở issues it.
            place = _PLACE_CAPS.search(line)
            assert place is not None
            return _caps_name(f"{nxt} {line[place.start() :].strip()}")
        return _caps_name(line)
    return None


def _date(text: str) -> date | None:
    for rx in (_DATE_SLASH, _DATE_WORDS):
        m = rx.search(text)
        if m:
            try:
                return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def read_meta(blocks: list[Block]) -> Meta:
    """Best-effort metadata; anything not found is None."""
    lines = _lines(blocks)
    title = None
    for i, line in enumerate(lines):
        if _HEAD.match(line.upper()) and i + 1 < len(lines):
            title = lines[i + 1]
            break
    year_m = _YEAR.search(title or "") or next(
        (m for m in map(_YEAR.search, lines[:12]) if m), None
    )
    year = int(year_m.group(1)) if year_m else None
    number = doc_date = issuer = None
    for line in lines[:_TOP]:
        m = _NUMBER.match(line)
        if m and "/" in m.group(1):
            number = m.group(1)
            break
    annex = next((m for m in map(_ANNEX.search, lines) if m), None)
    if annex:
        number = number if number and re.search(r"\d", number) else annex.group(1)
        doc_date = _date(annex.group(2))
        of = re.search(r"\bcủa (.+)$", annex.group(2))
        if of:
            issuer = re.sub(r"^(?:Chánh|Giám đốc)\s+", "", of.group(1).strip())
    if doc_date is None:
        doc_date = next((_date(x) for x in lines[:_TOP] if _PLACE_DATE.search(x)), None)
    if issuer is None:
        issuer = _caps_issuer(lines[:_TOP])
    if issuer is None and title:
        # "… năm 2026 của Sở Y tế": the plan names its issuer in its title.
        m_of = _TITLE_ISSUER.search(title)
        issuer = m_of.group(1).strip() if m_of else None
    if issuer and not re.search(r"(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường) \S", issuer):
        prov = next((m.group(1) for m in map(_PROVINCE.search, [title or "", *lines]) if m), None)
        if prov:
            issuer = (issuer if issuer.endswith("tỉnh") else issuer + " tỉnh") + " " + prov
    if number and not re.search(r"\d", number):
        number = None
    return Meta(issuer, number, doc_date, title, year)
