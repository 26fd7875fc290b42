"""A coordinator sends a plan file: preview (nothing stored), then Import or Cancel."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from sqlalchemy import func, select

from store.models import PlanRow, TaskRow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
COORD = 800

pytest.importorskip("services.imports", reason="plans import not present")


def sample(suffix: str) -> bytes:
    files = sorted(SAMPLES.glob(f"*{suffix}"))
    if not files:
        pytest.skip(f"no sample plan *{suffix} in {SAMPLES}")
    return files[0].read_bytes()


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _plans(world: World) -> int:
    return int(await world.scalar(select(func.count(PlanRow.id))))


@pytest.mark.parametrize(("name", "mime"), [
    ("ke_hoach.txt", "text/plain"),
    ("ke_hoach.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
])  # fmt: skip
async def test_a_plan_upload_shows_a_preview_then_imports_on_confirm(
    world: World, name: str, mime: str
) -> None:
    coord = world.harness.private(COORD)
    before = await _plans(world)
    replies = await coord.send_document(name, sample(Path(name).suffix), mime)
    preview = replies.text
    assert "Số việc:" in preview and "chưa rõ hạn" in preview and "Nếu nhập:" in preview
    assert replies.buttons == ["📥 Nhập", "Hủy"]
    assert world.api.calls("getFile")  # downloaded through the Bot API file path
    assert await _plans(world) == before  # the preview stored nothing
    msg, data = coord.last_with_button("📥 Nhập")
    replies = await coord.press("📥 Nhập")
    assert "Đã nhập" in replies.text
    assert await _plans(world) == before + 1
    tasks = await world.scalar(select(func.count(TaskRow.id)))
    assert tasks > 4
    # The same preview can not be imported twice.
    again = await coord.press_data(data, msg)
    assert "đã cũ" in again.answers[0].params["text"]
    assert await _plans(world) == before + 1


async def test_cancel_imports_nothing_and_the_preview_button_then_goes_stale(world: World) -> None:
    coord = world.harness.private(COORD)
    await coord.send_document("ke_hoach.txt", sample(".txt"))
    msg, data = coord.last_with_button("📥 Nhập")
    replies = await coord.press("Hủy")
    assert "Đã hủy" in replies.text
    replies = await coord.press_data(data, msg)
    assert "đã cũ" in replies.answers[0].params["text"]
    assert await _plans(world) == 1  # only the seeded plan


DATA = Path(__file__).resolve().parent / "data" / "plans"


async def test_the_preview_of_a_revision_lists_what_it_changes(world: World) -> None:
    coord = world.harness.private(COORD)
    await coord.send_document("v1.txt", (DATA / "revision_v1.txt").read_bytes())
    await coord.press("📥 Nhập")
    replies = await coord.send_document("v2.txt", (DATA / "revision_v2.txt").read_bytes())
    preview = replies.text
    assert "Thay đổi so với bản đã nhập:" in preview
    assert "➕ Việc mới (1):" in preview and "I.4: Công khai kết quả giải quyết hồ sơ" in preview
    assert "➖ Việc bỏ (1):" in preview and "I.2: Báo cáo quý về kiểm soát TTHC." in preview
    assert "📅 Đổi thời hạn (1):" in preview and "I.2: Quý II/2026 → Quý III/2026" in preview
    assert "👥 Đổi đơn vị (1):" in preview and "(phối hợp: Sở Nội vụ)" in preview
    assert preview.index("Thay đổi") < preview.index("Nếu nhập:")
    assert replies.buttons == ["📥 Nhập", "Hủy"]


async def test_the_warnings_come_first_escaped_and_capped(world: World) -> None:
    coord = world.harness.private(COORD)
    rows = "".join(f"{i}\tViệc số {i}.\t\t\tKhi nào xong & báo\n" for i in range(1, 40))
    plan = (
        "KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2026 của Sở Y tế\n"
        "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp & theo dõi\tThời gian\n" + rows
    )
    replies = await coord.send_document("canh_bao.txt", plan.encode())
    preview = replies.text
    assert preview.startswith("<b>Cần kiểm tra trước khi nhập:</b>")
    assert preview.index("⚠️") < preview.index("📋")
    assert "«Đơn vị phối hợp &amp; theo dõi»" in preview and "& theo" not in preview
    assert "thời hạn chưa hiểu được" in preview and "và 34 việc khác" in preview
    assert len(preview) < 4096 and replies.buttons == ["📥 Nhập", "Hủy"]


async def test_xlsx_pdf_and_doc_uploads_are_read_not_refused_by_their_extension(
    world: World,
) -> None:
    import json

    from tests.plan_forms import plan_xlsx
    from tests.test_plans_formats_input import _image_pdf

    gold = json.loads((Path(__file__).parent / "data" / "plans" / "formats_2026.json").read_text())
    coord = world.harness.private(COORD)
    replies = await coord.send_document(
        "ke_hoach.xlsx",
        plan_xlsx(gold),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    assert f"Số việc: <b>{len(gold['tasks'])}</b>" in replies.text
    assert replies.buttons == ["📥 Nhập", "Hủy"]
    replies = await coord.send_document("ke_hoach_scan.pdf", _image_pdf(), "application/pdf")
    assert "bản scan" in replies.text and ".docx" in replies.text
    replies = await coord.send_document("ke_hoach.zip", b"PK\x03\x04", "application/zip")
    assert "Chỉ nhận tệp kế hoạch" in replies.text and ".xlsx" in replies.text
