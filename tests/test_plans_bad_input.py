"""Bad plan files get a clear Vietnamese message and leave the store untouched (both backends)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.deadlines import WorkCalendar
from bot.errors import BadDocument
from bot.plans import read_plan
from bot.plans.intake import MAX_FILE_BYTES, MAX_UNZIPPED_BYTES
from services.imports import import_files
from store.models import AuditRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow
from tests.conftest import ROOT

NOW = datetime(2026, 1, 20, tzinfo=UTC)
SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"


def _zip_bomb() -> bytes:
    """A small zip that would expand past the cap (zeros compress about 1000 to 1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(MAX_UNZIPPED_BYTES // len(chunk) + 2):
                member.write(chunk)
    return out.getvalue()


def _not_a_word_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    return out.getvalue()


CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "empty": ("trong.txt", lambda: b"", "Tệp rỗng"),
    "blank": ("trang.txt", lambda: b"  \n\n \t\n", "Tệp rỗng"),
    "binary": ("anh.txt", lambda: bytes(range(256)) * 40, "không phải văn bản"),
    "no table": (
        "vanban.txt",
        lambda: "KẾ HOẠCH\n\nKiểm soát thủ tục hành chính năm 2026\n\nI. MỤC ĐÍCH\n".encode(),
        "Không tìm thấy bảng nhiệm vụ",
    ),
    "docx not zip": ("kehoach.docx", lambda: b"Day khong phai tep zip", "không phải tệp zip"),
    "zip not word": ("kehoach.docx", _not_a_word_zip, "không phải tài liệu Word"),
    "zip bomb": ("bom.docx", _zip_bomb, "giải nén"),
    "over 20 MB": ("lon.txt", lambda: b"a" * (MAX_FILE_BYTES + 1), "quá lớn"),
    "unknown columns": (
        "bang.txt",
        lambda: "KẾ HOẠCH\n\nMã\tViệc\tHạn chót\n1\tGửi báo cáo\tQuý I\n".encode(),
        "Không nhận ra các cột",
    ),
}


async def _counts(sessions: Any) -> dict[str, int]:
    async with sessions() as s:
        return {
            m.__tablename__: int(await s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (PlanRow, TaskRow, TaskDueRow, TaskUnitRow, AuditRow)
        }


@pytest.mark.parametrize("case", list(CASES))
async def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_stored(
    case: str, sessions: Any, tmp_path: Path
) -> None:
    name, make, words = CASES[case]
    path = tmp_path / name
    path.write_bytes(make())
    [outcome] = await import_files(sessions, [path], NOW, WorkCalendar())
    assert outcome.result is None and outcome.error is not None
    assert words in outcome.error
    assert set((await _counts(sessions)).values()) == {0}


async def test_a_bad_file_in_a_batch_does_not_stop_the_good_one(
    sessions: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 hong")
    outcomes = await import_files(sessions, [bad, SAMPLE], NOW, WorkCalendar())
    assert outcomes[0].error and "bị hỏng" in outcomes[0].error
    assert outcomes[1].result is not None and outcomes[1].result.created == 21
    assert (await _counts(sessions))["plans"] == 1


def test_the_message_for_unknown_columns_names_the_header_seen() -> None:
    with pytest.raises(BadDocument) as err:
        read_plan(Path("bang.txt"), "Mã\tViệc\tHạn chót\n1\tGửi báo cáo\tQuý I\n".encode())
    assert "Mã | Việc | Hạn chót" in err.value.message


def test_a_legacy_word_file_is_told_to_be_saved_as_docx() -> None:
    with pytest.raises(BadDocument, match=r"\.doc"):
        read_plan(Path("cu.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
