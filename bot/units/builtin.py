"""The built-in directory a new deployment starts from: one province's units, groups and communes.

Departments are listed as they stand after the mergers of 1 March 2025; the old departments are
kept as predecessors (``successor_key``) so that older plans still reach the right unit. Communes
(xã, phường, đặc khu: 34 provinces, 3,321 communes since 1 July 2025) come from the
``vietnam-provinces`` package.
"""

from __future__ import annotations

from functools import lru_cache

from vietnam_provinces import Province, Ward

from bot.text import fold
from bot.units.catalogue import CHILDREN, GROUPS, OLD, PARTIAL_NAMES, PROVINCIAL, SUCCESSOR_NOTES
from bot.units.model import Kind, Unit

_DESIGNATION = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu", "thị trấn": "Thị trấn"}


# Every unit's name and short-name templates by key (for the "tỉnh" variants of a city).
_TEMPLATES: dict[str, tuple[str, ...]] = {
    **{r[0]: tuple(x for x in (r[1], r[2]) if x) for r in PROVINCIAL},
    **{r[0]: tuple(x for x in (r[1], r[2]) if x) for r in CHILDREN},
    **{r[0]: tuple(x for x in (r[1], r[2]) if x) for r in OLD},
}


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 34 provinces and cities of the package (as of 2025)."""
    return tuple(Province.iter_all())


def short_province_name(province: Province) -> str:
    """'Gia Lai', 'Huế', 'Hà Nội' (the name without 'Thành phố')."""
    name = province.name
    return name[len("Thành phố ") :] if name.startswith("Thành phố ") else name


def find_province(text: str | None) -> Province | None:
    """The province named anywhere in ``text`` ('UBND tỉnh Gia Lai', 'gia lai', 'TP HCM')."""
    if not text:
        return None
    folded = " " + " ".join(fold(text).replace("-", " ").replace(".", " ").split()) + " "
    folded = folded.replace(" tp hcm ", " ho chi minh ").replace(" hcm ", " ho chi minh ")
    best: tuple[int, Province] | None = None
    for province in provinces():
        short = fold(short_province_name(province))
        if f" {short} " in folded and (best is None or len(short) > best[0]):
            best = (len(short), province)
    return best[1] if best else None


def _fill(text: str, designation: str, short: str) -> str:
    return text.replace("{t}", designation).replace("{p}", short)


def province_units(province: Province, *, prefix: str = "") -> list[Unit]:
    """Every built-in unit and group of one province; keys get ``prefix`` (whole-country bench)."""
    short = short_province_name(province)
    designation = "thành phố" if province.name.startswith("Thành phố") else "tỉnh"
    t = designation

    def k(key: str | None) -> str | None:
        return None if key is None else prefix + key

    def names(aliases: tuple[str, ...], key: str = "") -> tuple[str, ...]:
        out: list[str] = list(PARTIAL_NAMES.get(key, ()))
        for alias in aliases:
            out.append(_fill(alias, t, short))
        if t != "tỉnh":
            # Officers write "UBND tỉnh" and "Công an tỉnh" in a centrally-run city too.
            out.extend(
                _fill(a, "tỉnh", short) for a in (*aliases, *_TEMPLATES.get(key, ())) if "{t}" in a
            )
        return tuple(dict.fromkeys(out))

    units: list[Unit] = []
    for key, name, short_name, kind, aliases in PROVINCIAL:
        units.append(
            Unit(
                None,
                prefix + key,
                _fill(name, t, short),
                kind,
                parent_key=k("ubnd_tinh")
                if kind in (Kind.PROVINCIAL_OFFICE, Kind.DEPARTMENT, Kind.AGENCY)
                else None,
                aliases=names(aliases, key),
                short_name=_fill(short_name, t, short) if short_name else None,
            )
        )
    for key, name, short_name, kind, parent, aliases in CHILDREN:
        units.append(
            Unit(
                None,
                prefix + key,
                _fill(name, t, short),
                kind,
                parent_key=k(parent),
                aliases=names(aliases, key),
                short_name=_fill(short_name, t, short) if short_name else None,
            )
        )
    for key, name, short_name, kind, successor, aliases in OLD:
        units.append(
            Unit(
                None,
                prefix + key,
                _fill(name, t, short),
                kind,
                successor_key=k(successor),
                rule={"successor_note": SUCCESSOR_NOTES[key]} if key in SUCCESSOR_NOTES else None,
                aliases=names(aliases, key),
                short_name=_fill(short_name, t, short) if short_name else None,
            )
        )
    for key, name, rule, aliases in GROUPS:
        rule = dict(rule)
        if rule.get("members"):
            rule["members"] = [prefix + m for m in rule["members"]]  # type: ignore[attr-defined]
        units.append(
            Unit(
                None,
                prefix + key,
                name,
                Kind.GROUP,
                is_group=True,
                rule=rule,
                aliases=names(aliases, key),
            )
        )
    units.extend(commune_units(province, prefix=prefix))
    return units


def commune_units(province: Province, *, prefix: str = "") -> list[Unit]:
    """The communes (xã, phường, đặc khu) of a province, keyed by their administrative code."""
    out: list[Unit] = []
    for ward in Ward.iter_by_province(province.code):
        bare = ward.name
        designation = ward.division_type.value
        for word in _DESIGNATION.values():
            if bare.startswith(word + " "):
                bare = bare[len(word) + 1 :]
                break
        out.append(
            Unit(
                None,
                f"{prefix}xa_{int(ward.code)}",
                ward.name,
                Kind.COMMUNE,
                aliases=(f"UBND {designation} {bare}", bare),
                code=str(int(ward.code)),
            )
        )
    return out


def builtin_units(province: str | Province) -> list[Unit]:
    """The built-in directory of the named province; raises ValueError for an unknown name."""
    found = province if isinstance(province, Province) else find_province(province)
    if found is None:
        raise ValueError(f"unknown province: {province!r}")
    return province_units(found)


def country_units() -> list[Unit]:
    """Every province's built-in units (keys prefixed by the province's codename), for the bench."""
    out: list[Unit] = []
    for province in provinces():
        out.extend(province_units(province, prefix=province.codename + "."))
    return out
