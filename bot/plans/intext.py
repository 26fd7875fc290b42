"""Deadlines stated inside a task's content or notes ("chậm nhất là ngày 19 của tháng cuối quý").

Only limits count: "chậm nhất …", "trước <date>", "trước ngày N hằng tháng / của tháng cuối quý",
"trong (thời gian) N ngày kể từ …", "trong thời hạn / trong vòng N ngày/giờ/tháng" (a time limit by its
own word, with or without "kể từ"), "trong Quý I/2026" / "trong tháng 3/2026", and a lead time
before an event ("trước ngày văn bản … có hiệu lực ít nhất 05 ngày làm việc", "gửi trước ít nhất
07 ngày làm việc", with the event it counts to: "… tính đến ngày văn bản có hiệu lực").
Start conditions ("sau khi …") are not limits, nor an event with no lead time ("trước ngày văn
bản có hiệu lực thi hành"). A purpose after the limit ("… để tổng hợp") is not part of it.
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
# "10 ngày làm việc", "24 giờ", "02 tháng": a span of time that a limit counts.
_SPAN = r"\d+ (?:ngày|giờ|tháng)(?: làm việc)?\b"
# The event a lead time counts to: "… tính đến ngày văn bản có hiệu lực".
_COUNTED_TO = r"(?:,?\s+(?:tính đến|tính từ|so với) (?:ngày|khi|thời điểm) [^.;()]{1,120})"
_PERIOD = r"(?:quý [IVX]+|quý [1-4]|tháng \d{1,2})(?:/\d{4}|\s+năm\s+\d{4})"
_LIMIT = re.compile(
    rf"(?i)(?:chậm nhất\b[^.;)]*|trước (?:ngày )?{_DATE}|{_DAY_OF_PERIOD}"
    rf"|trong (?:thời gian |thời hạn |vòng )?{_SPAN} kể từ[^.;)]*"
    rf"|trong (?:thời hạn|vòng) {_SPAN}"
    r"|trong \d+ (?:ngày|giờ) làm việc\b"
    rf"|không quá {_SPAN} kể từ[^.;)]*"
    rf"|trước ít nhất {_SPAN}{_COUNTED_TO}?"
    rf"|\btrong {_PERIOD}(?![/\d])"
    r"|trước (?:ngày|khi) [^.;()]{1,160}? ít nhất \d+ (?:ngày|tháng)(?: làm việc)?)"
)
# A purpose clause after a limit: "chậm nhất ngày 19 của tháng cuối quý để tổng hợp".
_PURPOSE = re.compile(r"\s+(?:để|nhằm|phục vụ)\s.*$", re.DOTALL)


def deadlines_in_text(*texts: str | None) -> str | None:
    """Every limit found in the texts, joined by "; ", or None."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        for m in _LIMIT.finditer(text):
            phrase = _PURPOSE.sub("", m.group(0)).strip().rstrip(",:").strip()
            if phrase and phrase not in found:
                found.append(phrase)
    return "; ".join(found) or None
