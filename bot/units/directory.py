"""The in-memory directory: units by key and id, and the search index over their names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from bot.memo import bounded_memo
from bot.units.model import Kind, Unit
from bot.units.normalise import normalise

# Designations dropped to make a commune's bare-name form ("tinh khe" for "xã Tịnh Khê").
_COMMUNE_WORDS = ("ubnd", "xa", "phuong", "dac khu", "thi tran")


@bounded_memo(maxsize=65536, max_key_chars=256)
def _search_form(text: str, strip_qualifiers: bool, abbreviate: bool) -> str:
    """``normalise`` for names, cached: the same names recur in every province."""
    return normalise(text, strip_qualifiers=strip_qualifiers, abbreviate=abbreviate)


def _forms(unit: Unit) -> set[str]:
    """Every search form of a unit: name, short name, aliases, with and without 'tinh'."""
    raw = [unit.name, *(unit.aliases or ())]
    if unit.short_name:
        raw.append(unit.short_name)
    forms: set[str] = set()
    for text in raw:
        form = _search_form(text, False, True)
        if not form:
            continue
        forms.add(form)
        qform = _search_form(text, True, True)
        if qform:
            forms.add(qform)
        # The spelled-out form keeps a typo inside a long phrase close ("cong ngh").
        long_form = _search_form(text, False, False)
        if long_form and unit.kind != Kind.COMMUNE:
            forms.add(long_form)
        if unit.kind != Kind.COMMUNE and not unit.is_group:
            # "Sở Xây dựng tỉnh" and "Công an" name the same units as "Sở Xây dựng", "Công an tỉnh".
            if form.endswith(" tinh"):
                forms.add(form[: -len(" tinh")])
            elif unit.kind != Kind.DIVISION:
                forms.add(form + " tinh")
        if unit.kind == Kind.DEPARTMENT and form.startswith("so ") and len(form) > 6:
            forms.add(form[3:])  # "xay dung", "tu phap": officers often drop "Sở"
    if unit.kind == Kind.COMMUNE:
        for form in list(forms):
            for word in _COMMUNE_WORDS:
                if form.startswith(word + " "):
                    forms.add(form[len(word) + 1 :])
            if form.startswith("xa ") or form.startswith("phuong ") or form.startswith("dac khu "):
                forms.add("ubnd " + form)
    return {f for f in forms if f}


class Directory:
    """Units and groups of one deployment (or of the whole country, for the bench)."""

    def __init__(self, units: Iterable[Unit], province: str | None = None) -> None:
        self.units: list[Unit] = list(units)
        self.province = province
        self.by_key: dict[str, Unit] = {u.key: u for u in self.units}
        self.by_id: dict[int, Unit] = {u.id: u for u in self.units if u.id is not None}
        self.forms: list[str] = []
        self.form_unit: list[Unit] = []
        self.exact: dict[str, list[Unit]] = defaultdict(list)
        # The same forms without spaces: "noivu", "kontum", "k bang" are spacing slips.
        self.squashed: dict[str, list[Unit]] = defaultdict(list)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for unit in self.units:
            for form in sorted(_forms(unit)):
                index = len(self.forms)
                self.forms.append(form)
                self.form_unit.append(unit)
                if unit not in self.exact[form]:
                    self.exact[form].append(unit)
                if unit not in self.squashed[form.replace(" ", "")]:
                    self.squashed[form.replace(" ", "")].append(unit)
                for token in set(form.split()):
                    self.postings[token].append(index)
        self.vocab_by_len: dict[int, list[str]] = defaultdict(list)
        for token in self.postings:
            self.vocab_by_len[len(token)].append(token)

    @cached_property
    def initials(self) -> dict[str, set[str]]:
        """Unit keys by the initials of the first four or more words of a name's spelled-out
        form ("ttpv" for "Trung tâm Phục vụ hành chính công"); units, not groups or communes."""
        out: dict[str, set[str]] = defaultdict(set)
        for form, unit in zip(self.forms, self.form_unit, strict=True):
            if unit.is_group or unit.kind == Kind.COMMUNE:
                continue
            letters = "".join(w[0] for w in form.split())
            for k in range(4, min(len(letters), 8) + 1):
                out[letters[:k]].add(unit.key)
        return out

    def __len__(self) -> int:
        return len(self.units)

    def get(self, key: str) -> Unit | None:
        return self.by_key.get(key)

    def current(self, unit: Unit) -> Unit:
        """Follow successors (2025 mergers) to the unit that exists today."""
        seen = {unit.key}
        while unit.successor_key and unit.successor_key in self.by_key:
            unit = self.by_key[unit.successor_key]
            if unit.key in seen:
                break
            seen.add(unit.key)
        return unit

    def predecessors(self, unit: Unit) -> list[Unit]:
        """Every unit whose successor chain ends at ``unit``."""
        return [
            u for u in self.units if u.successor_key and u is not unit and self.current(u) is unit
        ]

    def groups_covering(self, unit: Unit) -> list[Unit]:
        """Every group whose rule covers ``unit``."""
        return [g for g in self.units if g.is_group and g.covers(unit)]

    def children(self, unit: Unit) -> list[Unit]:
        return [u for u in self.units if u.parent_key == unit.key]
