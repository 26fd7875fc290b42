"""A plan's metadata from the lines around its table: issuer, number, date, title, year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.plans.blocks import Block, Line
from bot.plans.cells import clean

_HEAD = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH)$")
_YEAR = re.compile(r"\bnăm (\d{4})\b", re.IGNORECASE)
_ANNEX = re.compile(
    r"\(Kèm theo (?:Kế hoạch|Quyết định|Văn bản) số:?\s*([^\s]*)\s*(.*?)\)", re.IGNORECASE
)
_NUMBER = re.compile(r"^Số:?\s*(\S+)")
_DATE_SLASH = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})")
_DATE_WORDS = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_PROVINCE = re.compile(r"\btỉnh ((?:[A-ZĐ][^\s,.;()]*)(?: [A-ZĐ][^\s,.;()]*){0,2})")
_TITLE_ISSUER = re.compile(
    r"\bcủa ((?:Sở|Văn phòng|UBND|Ủy ban|Uỷ ban|Ban|Trung tâm|Chủ tịch)\b[^,;()]*)$"
)
_ISSUER_CAPS = re.compile(r"^(ỦY BAN NHÂN DÂN|UBND|SỞ|VĂN PHÒNG)\b.*$")


@dataclass(frozen=True)
class Meta:
    """What the document says about itself."""

    issuer: str | None
    number: str | None
    doc_date: date | None
    title: str | None
    year: int | None


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
    lines = [clean(b.text) for b in blocks if isinstance(b, Line)]
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
    for line in lines[:15]:
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
    if issuer is None:
        for line in lines[:15]:
            if _ISSUER_CAPS.match(line):
                issuer = line[:1] + line[1:].lower().replace("tỉnh ", "tỉnh ")
                issuer = re.sub(
                    r"(tỉnh|thành phố) (.+)$",
                    lambda m: m.group(1) + " " + m.group(2).title(),
                    issuer,
                )
                break
    if issuer is None and title:
        # "… năm 2026 của Sở Y tế": the plan names its issuer in its title.
        m_of = _TITLE_ISSUER.search(title)
        issuer = m_of.group(1).strip() if m_of else None
    if issuer and not re.search(r"tỉnh \S", issuer):
        prov = next((m.group(1) for m in map(_PROVINCE.search, [title or "", *lines]) if m), None)
        if prov:
            issuer = (issuer if issuer.endswith("tỉnh") else issuer + " tỉnh") + " " + prov
    if number and not re.search(r"\d", number):
        number = None
    return Meta(issuer, number, doc_date, title, year)
