"""Word 97 (.doc) and Excel 97 (.xls) files converted with LibreOffice headless.

Each call runs its own ``soffice`` with a private profile directory (one instance per profile:
two conversions sharing a profile would hand the work to each other), a time-out, and removes
every temporary file. The program is looked up through ``which`` so tests can simulate a
machine without LibreOffice.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.errors import BadDocument

TIMEOUT_S = 60.0
PROGRAMS = ("soffice", "libreoffice")

NO_LIBREOFFICE = (
    "Tệp {old} (định dạng cũ) cần LibreOffice để đọc, nhưng máy chủ chưa cài LibreOffice. "
    "Hãy mở tệp bằng {app} hoặc LibreOffice, chọn «Lưu thành» (Save As) định dạng {new} "
    "rồi gửi lại tệp {new}."
)
FAILED = (
    "Không chuyển được tệp {old} sang {new} (tệp hỏng hoặc không phải {what}). "
    "Hãy mở tệp bằng {app} hoặc LibreOffice, «Lưu thành» {new} rồi gửi lại."
)

Which = Callable[[str], str | None]


def _words(target: str) -> dict[str, str]:
    if target == "xlsx":
        return {"old": ".xls", "new": ".xlsx", "app": "Excel", "what": "bảng tính Excel"}
    return {"old": ".doc", "new": ".docx", "app": "Word", "what": "tài liệu Word"}


def find_soffice(which: Which | None = None) -> str | None:
    """The LibreOffice program on PATH (looked up through ``which``), or None."""
    which = which or shutil.which
    for name in PROGRAMS:
        found = which(name)
        if found:
            return found
    return None


def _run(command: list[str], cwd: str, timeout: float) -> None:
    """Run in a process group of its own, killed whole on time-out (soffice forks soffice.bin)."""
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=cwd,
        start_new_session=True,
    )
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise


def convert_legacy(
    data: bytes,
    target: str = "docx",
    which: Which | None = None,
    timeout: float = TIMEOUT_S,
) -> bytes:
    """The .docx (or .xlsx) bytes of a Word 97 (or Excel 97) file; raises BadDocument."""
    words = _words(target)
    program = find_soffice(which)
    if program is None:
        raise BadDocument(NO_LIBREOFFICE.format(**words))
    with tempfile.TemporaryDirectory(prefix="tthc-soffice-") as tmp:
        root = Path(tmp)
        source = root / f"plan{words['old']}"
        source.write_bytes(data)
        out = root / "out"
        out.mkdir()
        command = [
            program,
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            _run(command, tmp, timeout)
        except subprocess.TimeoutExpired as exc:
            raise BadDocument(
                f"Chuyển tệp {words['old']} sang {words['new']} quá lâu (quá {timeout:.0f} giây). "
                f"Hãy «Lưu thành» {words['new']} rồi gửi lại."
            ) from exc
        except OSError as exc:
            raise BadDocument(NO_LIBREOFFICE.format(**words)) from exc
        result = out / f"plan.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise BadDocument(FAILED.format(**words))
        return result.read_bytes()
