"""Mentions that only make sense inside the issuer: "Văn phòng Sở" in a plan of Sở Xây dựng.

Such a mention names a division of the issuing unit (or the group of its divisions). When the
directory does not have that division yet, the match carries a new child unit with ``id`` None,
for the caller to create.
"""

from __future__ import annotations

import re

from bot.units.directory import Directory
from bot.units.model import Kind, Match, Unit
from bot.units.normalise import normalise

# search form → (key suffix, name template); "{s}" is the issuer's name.
_DIVISIONS: list[tuple[re.Pattern[str], str, str]] = [
    # "VP" or "Văn phòng" alone in a department's plan is its own office, as "VP Sở" is.
    (re.compile(r"^vp(?: (?:so|ban|cuc|chi cuc))?$"), "van_phong", "Văn phòng {s}"),
    (re.compile(r"^thanh tra (so|ban)$"), "thanh_tra", "Thanh tra {s}"),
    (
        re.compile(
            r"^(bo phan mot cua|bo phan tiep nhan va tra ket qua)( cac cap| cua (so|ban))?$"
        ),
        "mot_cua",
        "Bộ phận Một cửa {s}",
    ),
    (re.compile(r"^lanh dao (so|ban)$"), "lanh_dao", "Lãnh đạo {s}"),
]
_DIVISION_GROUP = re.compile(
    r"^(cac )?phong(?: chuyen mon| nghiep vu| nghien cuu| ban)*(?: thuoc| cua| truc thuoc)? ?(so|ban|vp ubnd tinh|vp ubnd|vp)?$"
)


_DEPARTMENT_LIKE = {Kind.DEPARTMENT, Kind.AGENCY, Kind.CENTRAL, Kind.SERVICE_CENTRE, Kind.OUTSIDE}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", normalise(text)).strip("_")


def _existing_or_new(
    directory: Directory,
    key: str,
    name: str,
    kind: str,
    parent: Unit,
    is_group: bool = False,
    aliases: tuple[str, ...] = (),
) -> Unit:
    found = directory.get(key)
    if found is not None:
        return found
    # The phòng of a unit, not its centres ("Các phòng nghiên cứu thuộc VP UBND tỉnh" is not
    # the Trung tâm Công báo và Tin học beside them).
    rule = (
        {"kinds": [Kind.DIVISION], "parent_key": parent.key, "name_prefix": "phong"}
        if is_group
        else None
    )
    return Unit(
        None, key, name, kind, is_group=is_group, rule=rule, parent_key=parent.key, aliases=aliases
    )


def scoped_match(directory: Directory, mention: str, scope: Unit) -> Match | None:
    """The division (or group of divisions) of ``scope`` that ``mention`` names, if it names one."""
    form = normalise(mention)
    if scope.is_group:
        return None
    # "Văn phòng Sở" only means a division inside a department-like issuer; in a plan of the
    # provincial committee it is not the committee's own office.
    own_divisions = scope.kind in _DEPARTMENT_LIKE
    for pattern, suffix, template in _DIVISIONS:
        if own_divisions and pattern.match(form):
            unit = _existing_or_new(
                directory,
                f"{scope.key}.{suffix}",
                template.format(s=scope.name),
                Kind.DIVISION,
                scope,
            )
            return Match(unit, 100.0, None)
    group = _DIVISION_GROUP.match(form)
    if group and form not in ("phong",):
        target = group.group(2)
        parent = scope
        if target and target.startswith("vp"):
            parent = directory.get("vp_ubnd") or scope
        elif not own_divisions and scope.kind != Kind.PROVINCIAL_OFFICE:
            return None
        unit = _existing_or_new(
            directory,
            f"{parent.key}.phong",
            f"Các phòng thuộc {parent.name}",
            Kind.GROUP,
            parent,
            is_group=True,
            # The plan's own words ("Các Phòng nghiên cứu thuộc VP UBND tỉnh") find it again.
            aliases=(" ".join(mention.split()),)
            if form != normalise(f"Các phòng thuộc {parent.name}")
            else (),
        )
        return Match(unit, 100.0, None)
    return None


def division_key(scope: Unit, name: str) -> str:
    """A stable key for a division created under ``scope``."""
    return f"{scope.key}.{_slug(name)}"
