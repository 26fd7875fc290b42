"""Communes as they were before 1 July 2025, and the commune each one became.

On 1 July 2025 about 10,000 communes were merged into 3,321. Plans, officers and older documents
still write the former names ("UBND thị trấn Đầm Dơi", "xã Tân Đức huyện Đầm Dơi"); each former
commune is reached through the commune that absorbed it, with a note.

The mapping is the ``vietnamadminunits`` package's data (the former 63 provinces' communes with
their districts, and which new commune each went to); only its JSON files are read, never its
parser (which pulls in geometry and geocoding). Looked up only after the directory's own names
found nothing, so a name that exists today always wins.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vietnam_provinces import Province, Ward

from bot.text import fold

# "ubnd xa tan duc", "thi tran ho xa", "tt dam doi", "xa tan duc huyen dam doi".
_FORMER = re.compile(
    r"^(?:ubnd |uy ban nhan dan )?(?P<kind>xa|phuong|thi tran|tt|p|x)? ?(?P<name>[a-z0-9 ]+?)"
    r"(?: (?:huyen|thi xa|tx|thanh pho|tp|quan|h) (?P<district>[a-z0-9 ]+))?$"
)
_KINDS = {
    "xa": "xa",
    "x": "xa",
    "phuong": "phuong",
    "p": "phuong",
    "thi tran": "thitran",
    "tt": "thitran",
}
_DISTRICT_PREFIXES = ("huyen", "thixa", "thanhpho", "quan")


@dataclass(frozen=True)
class FormerCommune:
    """A commune before 1 July 2025 and the code of the commune it is part of today."""

    name: str  # "Xã Tân Đức"
    district: str  # "Huyện Đầm Dơi"
    kind: str  # "xa", "phuong", "thitran" (squashed, folded)
    bare: str  # "tanduc"
    district_bare: str  # "damdoi"
    new_code: str  # today's commune code (vietnam-provinces)


def _squash(text: str) -> str:
    return fold(text).replace(" ", "").replace("-", "")


def _data_dir() -> Path | None:
    # find_spec does not run the package's __init__ (which imports its geometry stack).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if path.is_dir() else None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict, dict] | None:
    folder = _data_dir()
    if folder is None:
        return None
    converter = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
    legacy = json.loads((folder / "parser_legacy.json").read_text(encoding="utf-8"))
    return (
        converter,
        legacy["DICT_PROVINCE_DISTRICT"],
        legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"],
    )


def _strip_kind(key: str, prefixes: tuple[str, ...]) -> tuple[str, str]:
    for prefix in prefixes:
        if key.startswith(prefix):
            return prefix, key[len(prefix) :]
    return "", key


def _province_key(name: str) -> str:
    """ "Tỉnh Cà Mau", "Cà Mau", "Thành phố Huế" → "camau", "hue"."""
    return _squash(name.removeprefix("Tỉnh ").removeprefix("Thành phố "))


@lru_cache(maxsize=1)
def _all_former() -> dict[str, dict[str, tuple[FormerCommune, ...]]]:
    """Every province's former communes (by province key, then by bare folded name), built once.

    Built in one pass for the whole country so that a deployment (one province) or the
    country-wide bench pays the load once, not once per province.
    """
    tables = _tables()
    if tables is None:
        return {}
    converter, districts, wards = tables
    out: dict[str, dict[str, tuple[FormerCommune, ...]]] = {}
    for province in Province.iter_all():
        key = _province_key(province.name)
        new_key = (
            f"thanhpho{key}" if f"thanhpho{key}" in converter["DICT_PROVINCE"] else f"tinh{key}"
        )
        today = {_squash(w.name): str(int(w.code)) for w in Ward.iter_by_province(province.code)}
        old_to_new: dict[str, str] = {}
        for ward_key, olds in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].get(new_key, {}).items():
            for old in olds:
                old_to_new[old] = ward_key
        for old, parts in converter["DICT_PROVINCE_WARD_DIVIDED"].get(new_key, {}).items():
            default = next((p["newWardKey"] for p in parts if p.get("isDefaultNewWard")), None)
            if default and old not in old_to_new:
                old_to_new[old] = default
        index: dict[str, list[FormerCommune]] = {}
        for old, ward_key in old_to_new.items():
            old_province, old_district, old_ward = (old.split("_") + ["", "", ""])[:3]
            code = today.get(ward_key)
            info = wards.get(old_province, {}).get(old_district, {}).get(old_ward)
            if code is None or info is None:
                continue
            district = districts.get(old_province, {}).get(old_district, {})
            kind, bare = _strip_kind(old_ward, ("xa", "phuong", "thitran"))
            index.setdefault(bare, []).append(
                FormerCommune(
                    name=info["ward"],
                    district=district.get("district", ""),
                    kind=kind,
                    bare=bare,
                    district_bare=_strip_kind(old_district, _DISTRICT_PREFIXES)[1],
                    new_code=code,
                )
            )
        out[key] = {k: tuple(v) for k, v in index.items()}
    return out


def former_communes(province: str) -> tuple[FormerCommune, ...]:
    """Every former commune of ``province`` (today's name), with today's commune it went to."""
    index = _all_former().get(_province_key(province), {})
    return tuple(c for group in index.values() for c in group)


@lru_cache(maxsize=64)
def former_districts(province: str) -> frozenset[str]:
    """The squashed names of the districts ``province``'s communes belonged to before 2025."""
    return frozenset(c.district_bare for c in former_communes(province) if c.district_bare)


def find_former(province: str, form: str) -> FormerCommune | None:
    """The former commune a folded query names, when exactly one today's commune fits.

    ``form`` is the matcher's search form ("ubnd xa tan duc", "thi tran dam doi huyen dam doi").
    A name shared by communes of several districts needs its district to be told apart; without
    it, or with several answers left, nothing is returned (no guess).
    """
    found = _FORMER.match(form)
    if found is None:
        return None
    kind = _KINDS.get(found.group("kind") or "", "")
    bare = found.group("name").replace(" ", "")
    candidates = _all_former().get(_province_key(province), {}).get(bare, ())
    if kind:
        candidates = tuple(c for c in candidates if c.kind == kind)
    if found.group("district"):
        district = found.group("district").replace(" ", "")
        candidates = tuple(c for c in candidates if c.district_bare == district)
    if len({c.new_code for c in candidates}) != 1:
        return None
    return candidates[0]
