"""The report attached to a completion (issue 16), as plain values: cleaning the number an
officer types ("123/BC-STP") and telling a typed number from a question."""

from __future__ import annotations

import re
import unicodedata

from bot.errors import TthcError

MAX_NUMBER = 64  # characters of a report's number ("số, ký hiệu")
MAX_FILE = 20 * 1024 * 1024  # bytes: what a bot may ever fetch from Telegram
MAX_NAME = 255  # characters of a file name kept

# "123/BC-STP", "45/2025/BC-UBND", "Số 07/BC-VP": digits, a slash, (a year and a slash,) then a
# letter. A question's dates ("1/8", "8/2025") have a digit after the slash.
_NUMBER = re.compile(r"\d+\s*/\s*(?:\d{4}\s*/\s*)?[^\W\d_]")
_SO = re.compile(r"^(?:số|so)\s*[:.]?\s*(?=\d)", re.IGNORECASE)  # "Số 77/BC-STP" -> "77/BC-STP"


class BadEvidence(TthcError):
    """A number or file that cannot be attached as it is."""


def clean_text(text: str, limit: int) -> str:
    """NFC, control and format characters dropped, runs of spaces made one, cut at ``limit``."""
    norm = unicodedata.normalize("NFC", text)
    kept = "".join(" " if ch.isspace() else ch for ch in norm if unicodedata.category(ch)[0] != "C" or ch.isspace())  # fmt: skip
    return " ".join(kept.split())[:limit]


def clean_number(text: str) -> str:
    """The number as it will be kept and shown; raises ``BadEvidence`` when empty or too long."""
    norm = _SO.sub("", clean_text(text, 10 * MAX_NUMBER))
    if not norm:
        raise BadEvidence("Chưa có số hiệu báo cáo. Gõ số hiệu, ví dụ 123/BC-STP.")
    if len(norm) > MAX_NUMBER:
        raise BadEvidence(
            f"Số hiệu báo cáo dài quá {MAX_NUMBER} ký tự. Gõ ngắn gọn, ví dụ 123/BC-STP."
        )
    return norm


def looks_like_number(text: str) -> bool:
    """A short text shaped like a document number (a question typed meanwhile is not)."""
    norm = clean_text(text, 10 * MAX_NUMBER)
    return 0 < len(norm) <= MAX_NUMBER and _NUMBER.search(norm) is not None


def file_too_big(size: int | None) -> bool:
    return size is not None and size > MAX_FILE
