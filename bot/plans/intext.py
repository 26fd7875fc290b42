"""Deadlines stated inside a task's content or notes ("chậm nhất là ngày 19 của tháng cuối quý").

Only limits count: "chậm nhất …", "trước <date>", "trong thời gian N ngày kể từ …".
Start conditions ("sau khi …") are not limits.
"""

from __future__ import annotations

import re

_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_LIMIT = re.compile(
    rf"(?i)(?:chậm nhất\b[^.;)]*|trước (?:ngày )?{_DATE}|trong thời gian \d+ ngày kể từ[^.;)]*)"
)


def deadlines_in_text(*texts: str | None) -> str | None:
    """Every limit found in the texts, joined by "; ", or None."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        for m in _LIMIT.finditer(text):
            phrase = m.group(0).strip().rstrip(",:").strip()
            if phrase and phrase not in found:
                found.append(phrase)
    return "; ".join(found) or None
