"""Checks on a plan file before reading it: size, emptiness, kind (by content), zip bombs."""

from __future__ import annotations

import io
import zipfile

from bot.errors import BadDocument

MAX_FILE_BYTES = 20 * 1024 * 1024
# A .docx is a zip: refuse one that would expand beyond this (a zip bomb).
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def check_size(size: int, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse files over the limit (20 MB, Telegram's own download limit for bots)."""
    if size > limit:
        raise BadDocument(f"Tệp quá lớn ({_mb(size)} MB); chỉ nhận tệp tối đa {_mb(limit)} MB.")


def kind_of(name: str, data: bytes) -> str:
    """ "docx", "xlsx", "pdf", "doc" (Word 97, OLE) or "text", decided by the content.

    A zip is told apart by its members (word/document.xml or xl/workbook.xml); the extension
    only sharpens the message.
    """
    if not data.strip():
        raise BadDocument("Tệp rỗng: không có nội dung để đọc.")
    if data.startswith(ZIP_MAGIC):
        return zip_kind(data)
    lower = name.lower()
    if lower.endswith((".docx", ".xlsx")):
        raise BadDocument(
            f"Tệp có đuôi {lower[-5:]} nhưng không phải tài liệu hợp lệ (không phải tệp zip)."
        )
    if data.startswith(_OLE_MAGIC):
        return "doc"
    # A PDF may carry a few bytes of junk before its header (readers accept up to 1 KiB).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    return "text"


def zip_kind(data: bytes) -> str:
    """ "docx" or "xlsx": the zip's members say which (checked for bombs and damage)."""
    with open_zip(data) as zf:
        names = set(zf.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise BadDocument(
        "Tệp zip này không phải tài liệu Word (.docx) hay bảng tính Excel (.xlsx): "
        "thiếu word/document.xml và xl/workbook.xml."
    )


_NOT_TEXT = (
    "Tệp không phải văn bản đọc được: chỉ nhận tài liệu Word (.docx, .doc), PDF, Excel (.xlsx) "
    "hoặc văn bản (.txt, UTF-8) xuất từ Word."
)


def decode_text(data: bytes) -> str:
    """Text of an export (UTF-8, or UTF-16 with a byte-order mark); refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" not in data[:4096]:
        encoding = "utf-8-sig"
    else:
        encoding = None  # NUL bytes without a byte-order mark: binary
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BadDocument(_NOT_TEXT) from exc
    raise BadDocument(_NOT_TEXT)


def open_zip(data: bytes, limit: int = MAX_UNZIPPED_BYTES, kind: str = ".docx") -> zipfile.ZipFile:
    """Open an Office file as a zip after checking it is one and is not a bomb."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BadDocument(f"Tệp {kind} bị hỏng, không mở được (tệp zip lỗi).") from exc
    total = sum(i.file_size for i in infos)
    if total > limit:
        zf.close()
        raise BadDocument(
            f"Tệp {kind} bất thường: khi giải nén lên tới {_mb(total)} MB (giới hạn {_mb(limit)} MB). "
            "Không đọc tệp này."
        )
    return zf


def open_docx_zip(data: bytes, limit: int = MAX_UNZIPPED_BYTES) -> zipfile.ZipFile:
    """Open a .docx as a zip after checking it is one, is a Word document and is not a bomb."""
    zf = open_zip(data, limit)
    if "word/document.xml" not in set(zf.namelist()):
        zf.close()
        raise BadDocument("Tệp zip này không phải tài liệu Word (.docx): thiếu word/document.xml.")
    return zf
