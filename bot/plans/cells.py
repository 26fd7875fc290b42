"""Cleaning table cells and telling what a cell holds (units, a time phrase, other text)."""

from __future__ import annotations

import re

from bot.text import fold, squash

_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_INLINE = re.compile(r"</?(?:i|b|em|strong|u|span|a|font)(?:\s[^>]*)?>", re.IGNORECASE)
_LI = re.compile(r"<li[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BOLD = re.compile(r"\*\*|__")
_ENTITIES = (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'))


def clean(text: str) -> str:
    """Plain text of a cell: footnote markers, HTML tags and markdown bold removed."""
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


def is_time(text: str) -> bool:
    """True when a cell reads as a deadline phrase."""
    f = fold(clean(text))
    return bool(f) and bool(_TIME_START.match(f))


def split_time_prefix(text: str) -> tuple[str, str] | None:
    """Split "Quý I Quyết định của ..." into the time phrase and the rest, when it has both."""
    t = clean(text)
    m = _TIME_HEAD.match(fold(t))
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
    f = fold(clean(text))
    return bool(f) and len(f) < 400 and bool(_UNIT_START.match(f)) and not is_time(text)
