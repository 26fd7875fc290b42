"""Cleaning table cells and telling what a cell holds (units, a time phrase, other text)."""

from __future__ import annotations

import re
import unicodedata

from bot.memo import bounded_memo
from bot.text import squash


def _fold_table() -> dict[int, int | None]:
    """Every Latin letter with marks → its bare lower-case letter; combining marks dropped."""
    table: dict[int, int | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(
            c for c in unicodedata.normalize("NFD", ch.lower()) if unicodedata.category(c) != "Mn"
        )
        if len(base) == 1 and base != ch:
            table[cp] = ord(base)
    table[ord("đ")] = table[ord("Đ")] = ord("d")
    return table


_FOLD = _fold_table()


def fast_fold(text: str) -> str:
    """bot.text.fold by table lookup (the same result on NFC text, many times faster)."""
    return squash(text.lower().translate(_FOLD))


_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_INLINE = re.compile(r"</?(?:i|b|em|strong|u|span|a|font)(?:\s[^>]*)?>", re.IGNORECASE)
_LI = re.compile(r"<li[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BOLD = re.compile(r"\*\*|__")
_ENTITIES = (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'))


@bounded_memo(maxsize=4096)
def clean(text: str) -> str:
    """Plain text of a cell: footnote markers, HTML tags and markdown bold removed."""
    if "<" not in text and "*" not in text and "_" not in text and "&" not in text:
        text = squash(text)
        return re.sub(r" ([.,;:])(?=\s|$)", r"\1", text) if " " in text else text
    text = _SUP.sub("", text)
    text = _INLINE.sub("", text)
    text = _LI.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _BOLD.sub("", text)
    for ent, ch in _ENTITIES:
        text = text.replace(ent, ch)
    text = squash(text)
    # A removed footnote marker leaves "quốc gia ." behind.
    return re.sub(r" ([.,;:])(?=\s|$)", r"\1", text)


def list_items(text: str) -> list[str] | None:
    """The <li> items of a cell written as an HTML list, or None when it is not one."""
    if "<li" not in text.lower():
        return None
    parts = re.split(r"<li[^>]*>", _SUP.sub("", text), flags=re.IGNORECASE)[1:]
    return [clean(p) for p in parts if clean(p)]


def starts_lower(text: str) -> bool:
    """True when the first letter of the text is lower case (a sentence continued)."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


# Time phrases as a time cell starts (folded); see DOMAIN.md §3.
_TIME_START = re.compile(
    r"^(?:- )?(?:hoan thanh )?(?:"
    r"thuong xuyen|dinh ky|hang |hang$|theo (?:ke hoach|yeu cau|lo trinh|van ban|nghi quyet|huong dan|quy dinh|thoi diem)"
    r"|quy [ivx1-4]|q[1-4]\b|thang \d|truoc |truoc$|trong (?:nam|quy|thang|thoi gian)|nam \d{4}"
    r"|ngay \d|cham nhat|\d{1,2}/\d{1,2}(?:/\d{2,4})?|dot xuat|6 thang|06 thang|sau khi|ke tu|cuoi nam|dau nam"
    r")"
)
_TIME_HEAD = re.compile(
    r"^(?:(?:thuong xuyen|quy [ivx]+(?:, quy [ivx]+)*(?:/\d{4})?|thang \d{1,2}/\d{4}|trong nam(?: \d{4})?|nam \d{4})\.?)(?= |$)"
)


@bounded_memo(maxsize=4096)
def folded(text: str) -> str:
    """The search form of a cell's plain text (memoised: cells are read several times; long
    cells are not kept)."""
    return fast_fold(clean(text))


def is_time(text: str) -> bool:
    """True when a cell reads as a deadline phrase."""
    f = folded(text)
    return bool(f) and bool(_TIME_START.match(f))


def split_time_prefix(text: str) -> tuple[str, str] | None:
    """Split "Quý I Quyết định của ..." into the time phrase and the rest, when it has both."""
    t = clean(text)
    m = _TIME_HEAD.match(fast_fold(t))
    if not m or m.end() >= len(t):
        return None
    # fold keeps length for Vietnamese letters (one code point each after NFC), so indices map.
    return t[: m.end()].strip(), t[m.end() :].strip()


_UNIT_START = re.compile(
    r"^(?:- )?(?:cac |mot so )?(?:so\b|van phong|ubnd|uy ban|co quan|trung tam|cong an|ban\b|cuc\b|bao hiem|"
    r"bo phan|can bo|phong\b|don vi|thue|kho bac|chi cuc|vien\b|doan\b|hoi\b|dai\b|bao (?!cao)|buu dien|"
    r"thu truong|chu tich|giam doc|nguoi dung dau|dia phuong)"
)


def is_units(text: str) -> bool:
    """True when a cell reads as a list of units (a department, an office, a group of them)."""
    f = folded(text)
    return bool(f) and len(f) < 400 and bool(_UNIT_START.match(f)) and not is_time(text)
