"""The stored directory on SQLite and PostgreSQL: seeding, plan mention resolution, what a unit owes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from services import units as units_service
from services.units_import import import_units, read_table
from store import units_repo
from store.models import PlanRow, TaskRow, TaskUnitRow, UnitRow
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 1, 9, 0, tzinfo=UTC)


async def add_plan(session, issuer: str, mentions: list[tuple[str, str]]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    plan = PlanRow(identity=f"{issuer}/1", source="kh.docx", issuer=issuer, year=2025, fingerprint="x", imported_at=NOW, updated_at=NOW)  # fmt: skip
    session.add(plan)
    await session.flush()
    task = TaskRow(plan_id=plan.id, position=1, ref="1", content="Rà soát quy trình nội bộ")
    session.add(task)
    await session.flush()
    for role, mention in mentions:
        session.add(TaskUnitRow(task_id=task.id, role=role, mention=mention))
    await session.flush()
    return plan.id, task.id


async def test_seeding_stores_the_builtin_directory_once_and_loads_it_back(sessions) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        added = await units_repo.seed_directory(uow.session, "Gia Lai")
        again = await units_repo.seed_directory(uow.session, "Gia Lai")
        await uow.commit()
    assert added > 150 and again == 0
    async with UnitOfWork(sessions) as uow:
        d = await units_repo.load_directory(uow.session)
        assert await units_repo.get_setting(uow.session, "province") == "Gia Lai"
    old = d.by_key["so_tttt"]
    assert old.id is not None and d.current(old).key == "so_khcn"
    assert d.by_key["ttpvhcc"].parent_key == "vp_ubnd"
    assert sum(u.kind == "commune" for u in d.units) == 135


async def test_the_first_plan_sets_the_province_and_its_mentions_are_resolved_and_split(
    sessions,
) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        plan_id, task_id = await add_plan(
            uow.session,
            "Sở Xây dựng tỉnh Gia Lai",
            [("lead", "Văn phòng Sở"), ("support", "Các sở, ban, ngành và UBND cấp xã"),
             ("support", "Sở TT&TT"), ("support", "Hội Nông dân huyện Zzz")],
        )  # fmt: skip
        unresolved = await units_service.resolve_plan_units(uow.session, plan_id)
        await uow.commit()
    assert unresolved == ["Hội Nông dân huyện Zzz"]
    async with UnitOfWork(sessions) as uow:
        assert await units_repo.get_setting(uow.session, "province") == "Gia Lai"
        rows = (await uow.session.execute(
            select(TaskUnitRow.role, TaskUnitRow.mention, UnitRow.key, TaskUnitRow.note)
            .outerjoin(UnitRow, UnitRow.id == TaskUnitRow.unit_id)
            .where(TaskUnitRow.task_id == task_id).order_by(TaskUnitRow.id)
        )).all()  # fmt: skip
        listed = await units_repo.unresolved_mentions(uow.session)
    assert [(r[0], r[2]) for r in rows] == [
        ("lead", "so_xay_dung.van_phong"),
        ("support", "so_ban_nganh"),
        ("support", "so_khcn"),
        ("support", None),
        ("support", "ubnd_cap_xa"),
    ]
    assert rows[2][3] == "Sở TT&TT nay là Sở KH&CN"
    async with UnitOfWork(sessions) as uow:
        d = await units_repo.load_directory(uow.session)
        sxd = d.by_key["so_xay_dung"].id
        own = await units_service.covering_unit_ids(uow.session, sxd)  # type: ignore[arg-type]
        whole = await units_service.covering_unit_ids(uow.session, sxd, include_divisions=True)  # type: ignore[arg-type]
    assert d.by_key["so_xay_dung.van_phong"].id in whole - own
    assert listed == [("Hội Nông dân huyện Zzz", "Sở Xây dựng tỉnh Gia Lai", 1)]


async def test_a_department_owes_its_own_its_predecessors_and_its_groups_tasks(sessions) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        await units_service.ensure_directory(uow.session, "Quảng Ngãi")
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        ids = await units_repo.load_directory(uow.session)
        khcn, tttt = ids.by_key["so_khcn"], ids.by_key["so_tttt"]
        owed = await units_service.covering_unit_ids(uow.session, khcn.id)  # type: ignore[arg-type]
        commune = next(u for u in ids.units if u.kind == "commune")
        commune_owes = await units_service.covering_unit_ids(uow.session, commune.id)  # type: ignore[arg-type]
    key_of = {u.id: u.key for u in ids.units}
    assert {key_of[i] for i in owed} == {"so_khcn", "so_tttt", "so_ban_nganh"}
    assert tttt.id in owed
    assert {key_of[i] for i in commune_owes} == {commune.key, "ubnd_cap_xa", "ttpvhcc_cap_xa"}


async def test_a_group_is_owed_by_every_unit_it_covers_and_a_predecessor_by_its_successor(
    sessions,
) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        await units_service.ensure_directory(uow.session, "Quảng Ngãi")
        d = await units_repo.load_directory(uow.session)
        communes = await units_service.owner_unit_ids(uow.session, d.by_key["ubnd_cap_xa"].id)  # type: ignore[arg-type]
        departments = await units_service.owner_unit_ids(uow.session, d.by_key["so_ban_nganh"].id)  # type: ignore[arg-type]
        nobody = await units_service.owner_unit_ids(uow.session, d.by_key["lien_quan"].id)  # type: ignore[arg-type]
        successor = await units_service.owner_unit_ids(uow.session, d.by_key["so_gtvt"].id)  # type: ignore[arg-type]
    key_of = {u.id: u.key for u in d.units}
    assert len(communes) == 96
    assert {"so_xay_dung", "so_tu_phap"} <= {key_of[i] for i in departments}
    assert "vp_ubnd" not in {
        key_of[i] for i in departments
    }  # it follows these tasks, not owes them
    assert not {"so_gtvt", "cong_an_tinh", "ttpvhcc"} & {key_of[i] for i in departments}
    assert nobody == set()
    assert {key_of[i] for i in successor} == {"so_xay_dung"}


async def test_find_unit_reads_what_officers_type(sessions) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        await units_service.ensure_directory(uow.session, "Quảng Ngãi")
        found = await units_service.find_unit(uow.session, "ubnd xa tinh khe")
        nothing = await units_service.find_unit(uow.session, "lich hop tuan sau")
    assert found[0].unit.name == "Xã Tịnh Khê" and found[0].unit.id is not None
    assert nothing == []


async def test_without_a_province_nothing_is_seeded(sessions) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        await units_service.ensure_directory(uow.session, None)
        assert await units_repo.count_units(uow.session) == 0


async def test_an_import_file_adds_renames_and_gives_aliases(sessions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_file = tmp_path / "units.csv"
    csv_file.write_text(
        "key;name;kind;parent;aliases\n"
        "so_du_lich;Sở Du lịch;department;ubnd_tinh;SDL|Sở DL\n"
        "so_y_te;Sở Y tế tỉnh Gia Lai;;;Y tế Gia Lai\n"
        ";Trung tâm Phục vụ hành chính công tỉnh;;;Một cửa tỉnh\n"
        ";;;;\n",
        encoding="utf-8",
    )
    async with UnitOfWork(sessions) as uow:
        await units_service.ensure_directory(uow.session, "Gia Lai")
        report = await import_units(uow, read_table(csv_file))
        await uow.commit()
    assert report.added == ["so_du_lich"] and report.renamed == ["so_y_te"] and not report.errors
    async with UnitOfWork(sessions) as uow:
        assert (await units_service.find_unit(uow.session, "sdl"))[0].unit.key == "so_du_lich"
        assert (await units_service.find_unit(uow.session, "y te gia lai"))[0].unit.key == "so_y_te"
        assert (await units_service.find_unit(uow.session, "so y te"))[0].unit.key == "so_y_te"
        assert (await units_service.find_unit(uow.session, "mot cua tinh"))[0].unit.key == "ttpvhcc"
        d = await units_repo.load_directory(uow.session)
    assert d.by_key["so_du_lich"].parent_key == "ubnd_tinh"
    assert d.by_key["so_ban_nganh"].covers(d.by_key["so_du_lich"])


def test_an_xlsx_table_is_read_like_a_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Tên đơn vị", "Loại", "Tên khác"])
    ws.append(["Sở Du lịch", "department", "SDL"])
    wb.save(tmp_path / "u.xlsx")
    assert read_table(tmp_path / "u.xlsx") == [
        {"name": "Sở Du lịch", "kind": "department", "aliases": "SDL"}
    ]


async def test_a_task_given_only_to_related_bodies_is_listed_as_owned_by_nobody(sessions) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        plan_id, task_id = await add_plan(
            uow.session, "UBND tỉnh Gia Lai", [("lead", "Các cơ quan, đơn vị có liên quan")]
        )
        _other_plan, owned_task = await add_plan(
            uow.session, "UBND tỉnh Gia Lai (2)", [("lead", "Sở Tư pháp và các đơn vị liên quan")]
        )
        await units_service.resolve_plan_units(uow.session, plan_id)
        await units_service.resolve_plan_units(uow.session, _other_plan)
        ownerless = await units_repo.ownerless_tasks(uow.session)
    assert [t.task_id for t in ownerless] == [task_id]
    assert ownerless[0].mentions == ("Các cơ quan, đơn vị có liên quan",)
    assert owned_task != task_id
