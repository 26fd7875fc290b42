"""The unit a question names: as the reader found it, or a span of the guessed topic words
that the unit matcher knows ("ca tinh", "phong nghien cuu"); generic words ("vp", "vp so",
"phuong", "trung tam") that match nothing mean the asker's own unit, and "ubnd xa" asked by a
unit that is not a commune means the communes' group."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.units import Directory, match
from services.tasks_view.topics import WORD_SYNONYMS

_SPELLED = {short: long for short, long in WORD_SYNONYMS} | {"tt": "trung tam"}


def spelled_out(text: str) -> str:
    """Abbreviations of a unit's words spelled out ("trung tam pvhcc")."""
    return " ".join(_SPELLED.get(w, w) for w in text.split())


# Words that say what kind of unit, without naming one.
GENERIC = frozenset(
    [
        "vp",
        "van",
        "phong",
        "so",
        "ubnd",
        "uy",
        "ban",
        "nhan",
        "dan",
        "xa",
        "phuong",
        "dac",
        "khu",
        "trung",
        "tam",
        "tt",
        "phong",
        "don",
        "vi",
        "co",
        "quan",
        "minh",
        "toi",
        "ben",
        "cap",
        "tinh",
    ]
)
# Words a unit's name may start with, in a question typed without "về".
_HEADS = frozenset(
    [
        "so",
        "vp",
        "van",
        "ubnd",
        "uy",
        "trung",
        "tt",
        "phong",
        "ban",
        "cong",
        "ca",
        "thue",
        "chi",
        "bo",
        "xa",
        "phuong",
        "dac",
        "bhxh",
        "ttpvhcc",
    ]
)
_COMMUNE = frozenset(["xa", "phuong", "dac"])
MAX_SPAN = 8
SURE = 90.0
EXACT = 98.0
_TO = frozenset(["gui", "trinh", "len", "toi"])
# A word that may be a unit's initials ("snv", "stp", "bqlkkt"); only an exact form counts.
_INITIALS = re.compile(r"^[a-z]{3,8}$")


@dataclass(frozen=True)
class Named:
    """What a question's unit words resolved to: a unit id (None: the asker's own unit)."""

    unit_id: int | None
    note: str | None = None
    own: bool = False
    score: float = 100.0


def resolve(directory: Directory, text: str, asker: int | None) -> Named | None:
    """The unit ``text`` names, or None when it names none."""
    found = match(directory, text, limit=1) or match(directory, spelled_out(text), limit=1)
    if found and found[0].unit.id is not None:
        return Named(found[0].unit.id, found[0].note, score=found[0].score)
    words = text.split()
    if not words or not set(words) <= GENERIC:
        return None
    own = directory.by_id.get(asker) if asker is not None else None
    if set(words) & _COMMUNE and not (own is not None and own.kind == "commune"):
        group = match(directory, "ubnd cap xa", limit=1)
        if group and group[0].unit.id is not None:
            return Named(group[0].unit.id, group[0].note)
    return Named(asker, own=True)


def unit_in_words(directory: Directory, words: str, asker: int | None) -> tuple[Named, str] | None:
    """A span of ``words`` naming a unit (the longest from a unit's first word), with the words
    left around it."""
    ws = words.split()
    for i, w in enumerate(ws):
        if i and ws[i - 1] in _TO:
            continue  # "bc quý gửi VPCP": where the report goes, not whose it is
        if w not in _HEADS:
            # A unit's initials anywhere ("snv chủ trì những gì", "việc của bqlkkt").
            named = resolve(directory, w, asker) if _INITIALS.match(w) else None
            if named is not None and not named.own and named.score >= EXACT:
                return named, " ".join(x for x in ws[:i] + ws[i + 1 :] if x != "|")
            continue
        stop = ws.index("|", i) if "|" in ws[i:] else len(ws)
        for j in range(min(stop, i + MAX_SPAN), i, -1):
            span = " ".join(ws[i:j])
            if j - i == 1 and (len(w) < 4 or w in GENERIC) and len(ws) > 1:
                continue  # "số hóa" is no unit: a lone generic word must be all that is left
            named = resolve(directory, span, asker)
            # Among other words only a sure match names a unit ("phòng nghiên" is no unit).
            if named is not None and (named.score >= SURE or j - i == len(ws)):
                return named, " ".join(w for w in ws[:i] + ws[j:] if w != "|")
    return None
