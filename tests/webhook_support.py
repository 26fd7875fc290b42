"""Telegram's side of a webhook, for the replica tests and the load bench: updates as Telegram
builds them, and a poster that delivers each to a replica (retrying another one, as Telegram
retries, when the answer is not 200)."""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SECRET = "replica-s3cret"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
_ids = itertools.count(1)
_message_ids = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def user(uid: int) -> dict[str, Any]:
    return {"id": uid, "is_bot": False, "first_name": f"Cán bộ {uid}"}


def private(uid: int) -> dict[str, Any]:
    return {"id": uid, "type": "private", "first_name": f"Cán bộ {uid}"}


def text_update(uid: int, text: str) -> dict[str, Any]:
    msg: dict[str, Any] = {"message_id": next(_message_ids), "date": 0, "chat": private(uid),
                           "from": user(uid), "text": text}  # fmt: skip
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": next(_ids), "message": msg}


def document_update(uid: int, file_id: str, name: str, size: int) -> dict[str, Any]:
    doc = {"file_id": file_id, "file_unique_id": file_id + "u", "file_name": name,
           "file_size": size, "mime_type": "text/plain"}  # fmt: skip
    return {"update_id": next(_ids), "message": {"message_id": next(_message_ids), "date": 0,
            "chat": private(uid), "from": user(uid), "document": doc}}  # fmt: skip


def callback_update(uid: int, message: dict[str, Any], data: str) -> dict[str, Any]:
    return {"update_id": next(_ids), "callback_query": {"id": f"{uid}:{next(_ids)}",
            "from": user(uid), "chat_instance": "ci", "data": data, "message": message}}  # fmt: skip


async def post(
    client: httpx.AsyncClient, ports: Sequence[int], update: dict[str, Any], tries: int = 200
) -> int:
    """POST ``update`` to the first replica that answers 200, trying them in turn (a refused
    connection or an error answer is retried on the next one); returns the port that took it."""
    for i in range(tries):
        port = ports[i % len(ports)]
        try:
            r = await client.post(f"http://127.0.0.1:{port}/hook", json=update,
                                  headers={HEADER: SECRET}, timeout=60)  # fmt: skip
            if r.status_code == 200:
                return port
        except httpx.TransportError:
            pass  # a replica down (killed in the test): Telegram retries, on the next one
        await asyncio.sleep(0.05)
    raise AssertionError(f"update {update['update_id']} never accepted")


async def spawn_replica(
    db_url: str, api: Any, port: int, cwd: Path, **extra: str
) -> asyncio.subprocess.Process:
    """``python bot.py`` in webhook mode on ``port``, as one of several replicas. Its stderr
    goes to a file (``replica_log``), never to a pipe: a pipe read only at the end fills up under
    load and blocks the bot on a log write."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(cwd),
           "PYTHONPATH": str(ROOT), "TELEGRAM_BOT_TOKEN": api.token,
           "TELEGRAM_API_BASE_URL": api.base_url, "TELEGRAM_FILE_BASE_URL": api.base_file_url,
           "DATABASE_URL": db_url, "TTHC_WEBHOOK_URL": "https://example.org/hook",
           "TTHC_WEBHOOK_PORT": str(port), "TTHC_WEBHOOK_SECRET": SECRET, "TTHC_REPLICAS": "2",
           **extra}  # fmt: skip
    with open(cwd / f"replica-{port}.log", "wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "bot.py"), cwd=cwd, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=log,
        )  # fmt: skip


def replica_log(cwd: Path, port: int) -> str:
    """What the replica on ``port`` wrote to stderr."""
    path = cwd / f"replica-{port}.log"
    return path.read_text(errors="replace") if path.exists() else ""


async def wait_ready(ports: Sequence[int], timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with httpx.AsyncClient() as client:
        for port in ports:
            while True:
                try:
                    if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass  # not listening yet: poll again until the deadline
                assert loop.time() < deadline, f"replica on {port} never came up"
                await asyncio.sleep(0.1)
