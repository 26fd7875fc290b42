"""Deadlines stated inside a task's content or notes ("chậm nhất là ngày 19 của tháng cuối quý").

Only limits count: "chậm nhất …", "trước <date>", "trước ngày N hằng tháng / của tháng cuối quý",
"trong (thời gian) N ngày kể từ …".
Start conditions ("sau khi …") are not limits.
"""

from __future__ import annotations

import re

_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
# "trước ngày 20 hằng tháng", "trước ngày 15 của tháng cuối quý", "trước ngày 10/12 hằng năm".
_DAY_OF_PERIOD = (
    r"trước ngày \d{1,2}(?:/\d{1,2})?(?![/\d])"
    r"(?:\s+(?:của |hằng |hàng |các )?(?:tháng|quý|năm|kỳ)\b"
    r"(?:\s+\d{1,2}(?:\s+năm\s+\d{4})?|\s+\d{4})?"
    r"(?:\s+(?:cuối|đầu|sau|tiếp theo|kế tiếp|báo cáo)(?:\s+(?:quý|năm|tháng))?(?:\s+sau)?)?)?"
)
_LIMIT = re.compile(
    rf"(?i)(?:chậm nhất\b[^.;)]*|trước (?:ngày )?{_DATE}|{_DAY_OF_PERIOD}"
    r"|trong (?:thời gian |thời hạn |vòng )?\d+ ngày (?:làm việc )?kể từ[^.;)]*)"
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
