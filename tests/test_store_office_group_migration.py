"""Migration 0013: "Các sở, ban, ngành tỉnh" stops covering Văn phòng UBND tỉnh in a deployed
store (its rule is data in the store, not only in the catalogue), keeps every department, and
leaves the other groups alone; on SQLite and on the local PostgreSQL, from a store at 0012."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.units_repo import load_directory
from store.uow import UnitOfWork
from tests.conftest import empty_database

BEFORE = "0012_evidence"
OLD_RULE = {"kinds": ["provincial_office", "department", "agency"]}
UNITS = [
    # id, key, name, kind, is_group, rule
    (1, "gl.vp_ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "provincial_office", False, None),
    (2, "gl.so_tu_phap", "Sở Tư pháp", "department", False, None),
    (3, "gl.ban_qlkkt", "Ban Quản lý Khu kinh tế tỉnh", "agency", False, None),
    (4, "gl.so_ban_nganh", "Các sở, ban, ngành tỉnh", "group", True, OLD_RULE),
    (5, "gl.ubnd_cap_xa", "UBND cấp xã", "group", True, {"kinds": ["commune"]}),
    (
        6,
        "gl.vp_ubnd.phong",
        "Các phòng thuộc Văn phòng Ủy ban nhân dân tỉnh",
        "group",
        True,
        {"kinds": ["division"], "parent_key": "gl.vp_ubnd"},
    ),
    (7, "gl.vp_ubnd.cong_bao", "Trung tâm Công báo và Tin học", "division", False, None),
    (8, "gl.vp_ubnd.phong_ksthc", "Phòng Kiểm soát thủ tục hành chính", "division", False, None),
]
PARENTS = {7: 1, 8: 1, 6: 1}  # parent_id: the office


@pytest.fixture(params=["sqlite", "postgresql"])
async def url_at_0012(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with empty_database(request.param, tmp_path, "tthc_mig") as url:
        yield url


async def test_the_office_leaves_the_departments_group_in_a_deployed_store(
    url_at_0012: str,
) -> None:
    engine = make_engine(url_at_0012)
    try:
        await migrate(engine, BEFORE)
        async with engine.begin() as conn:
            for uid, key, name, kind, is_group, rule in UNITS:
                await conn.execute(
                    text("INSERT INTO units (id, key, name, kind, is_group, rule, active, "
                         "parent_id) VALUES (:id, :key, :name, :kind, :g, :rule, :a, :p)"),
                    {"id": uid, "key": key, "name": name, "kind": kind, "g": is_group,
                     "rule": json.dumps(rule) if rule else None, "a": True,
                     "p": PARENTS.get(uid)},
                )  # fmt: skip
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            d = await load_directory(uow.session)
        group = d.by_key["gl.so_ban_nganh"]
        assert not group.covers(d.by_key["gl.vp_ubnd"])
        assert group.covers(d.by_key["gl.so_tu_phap"]) and group.covers(d.by_key["gl.ban_qlkkt"])
        assert dict(d.by_key["gl.ubnd_cap_xa"].rule or {}) == {"kinds": ["commune"]}
        assert d.by_key["gl.so_ban_nganh"].name == "Các sở, ban, ngành tỉnh"
        # The office's phòng group: its phòng, not the centre beside them.
        phong = d.by_key["gl.vp_ubnd.phong"]
        assert phong.covers(d.by_key["gl.vp_ubnd.phong_ksthc"])
        assert not phong.covers(d.by_key["gl.vp_ubnd.cong_bao"])
    finally:
        await engine.dispose()
