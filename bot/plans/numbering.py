"""Word's automatic numbering: the "1", "I", "a" a .docx shows but does not store as text.

Plans often number their rows with a numbered list in the first column; the number is drawn
by Word from numbering.xml (and the paragraph's style), so it has to be counted here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from bot.plans.xml import parse_xml

_W = {
    "num": qn("w:num"),
    "abstractNum": qn("w:abstractNum"),
    "abstractNumId": qn("w:abstractNumId"),
    "numId": qn("w:numId"),
    "lvl": qn("w:lvl"),
    "ilvl": qn("w:ilvl"),
    "numFmt": qn("w:numFmt"),
    "start": qn("w:start"),
    "lvlOverride": qn("w:lvlOverride"),
    "startOverride": qn("w:startOverride"),
    "val": qn("w:val"),
    "style": qn("w:style"),
    "styleId": qn("w:styleId"),
    "pPr": qn("w:pPr"),
    "numPr": qn("w:numPr"),
    "pStyle": qn("w:pStyle"),
    "basedOn": qn("w:basedOn"),
    "lvlText": qn("w:lvlText"),
    "isLgl": qn("w:isLgl"),
}
_PLACEHOLDER = re.compile(r"%([1-9])")


def roman(n: int) -> str:
    """Upper-case Roman numeral of n (1..3999)."""
    out = []
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def render(n: int, fmt: str) -> str | None:
    """The label Word draws for the n-th item in a format; None for bullets and the unknown."""
    if fmt == "decimal":
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    return None


def _level(text: str | None) -> int:
    """A list level from the file (0-8: Word has nine)."""
    try:
        return min(max(int(text or 0), 0), 8)
    except ValueError:
        return 0


def _start(text: str | None) -> int:
    """A list's start number from the file, bounded."""
    try:
        return min(max(int(text or 1), 0), 10_000)
    except ValueError:
        return 1


def _val(el: Any, name: str) -> str | None:
    child = el.find(_W[name]) if el is not None else None
    return child.get(_W["val"]) if child is not None else None


@dataclass
class Numbering:
    """Formats from numbering.xml and styles.xml, and the running counters of each list.

    The parts are read only when a numbered paragraph asks (most documents never do).
    """

    read_part: Callable[[str], bytes | None] = lambda _name: None
    counters: dict[str, list[int]] = field(default_factory=dict)
    # numId → ilvl → (fmt, start, lvlText)
    _levels: dict[str, dict[int, tuple[str, int, str]]] | None = None
    _style_num: dict[str, tuple[str, int]] | None = None  # styleId → (numId, ilvl)

    @property
    def levels(self) -> dict[str, dict[int, tuple[str, int, str]]]:
        if self._levels is None:
            self._levels = self._parse_levels(self.read_part("word/numbering.xml"))
        return self._levels

    @property
    def style_num(self) -> dict[str, tuple[str, int]]:
        if self._style_num is None:
            self._style_num = self._parse_styles(self.read_part("word/styles.xml"))
        return self._style_num

    @staticmethod
    def _parse_levels(numbering_xml: bytes | None) -> dict[str, dict[int, tuple[str, int, str]]]:
        out: dict[str, dict[int, tuple[str, int, str]]] = {}
        if not numbering_xml:
            return out
        root = parse_xml(numbering_xml)
        abstract: dict[str, dict[int, tuple[str, int, str]]] = {}
        for an in root.iterchildren(_W["abstractNum"]):
            lv = {}
            for lvl in an.iterchildren(_W["lvl"]):
                ilvl = _level(lvl.get(_W["ilvl"]))
                fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText")
                lv[ilvl] = (
                    fmt,
                    _start(_val(lvl, "start")),
                    f"%{ilvl + 1}" if text is None else text,
                )
            abstract[an.get(_W["abstractNumId"]) or ""] = lv
        for num in root.iterchildren(_W["num"]):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iterchildren(_W["lvlOverride"]):
                ilvl = _level(override.get(_W["ilvl"]))
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (levels[ilvl][0], _start(start), levels[ilvl][2])
            out[num.get(_W["numId"]) or ""] = levels
        return out

    @classmethod
    def _parse_styles(cls, styles_xml: bytes | None) -> dict[str, tuple[str, int]]:
        out: dict[str, tuple[str, int]] = {}
        if not styles_xml:
            return out
        styles = {s.get(_W["styleId"]): s for s in parse_xml(styles_xml).iterchildren(_W["style"])}
        for style_id in styles:
            found = cls._style_numpr(styles, style_id, 0)
            if found:
                out[style_id] = found
        return out

    @staticmethod
    def _style_numpr(styles: dict[Any, Any], style_id: Any, depth: int) -> tuple[str, int] | None:
        style = styles.get(style_id)
        if style is None or depth > 10:
            return None
        numpr = style.find(_W["pPr"])
        numpr = numpr.find(_W["numPr"]) if numpr is not None else None
        if numpr is not None and _val(numpr, "numId"):
            return _val(numpr, "numId") or "", _level(_val(numpr, "ilvl"))
        based = _val(style, "basedOn")
        return Numbering._style_numpr(styles, based, depth + 1) if based else None

    def label(self, paragraph: Any) -> str | None:
        """The next label of a numbered paragraph (advancing its list), or None."""
        ppr = paragraph.find(_W["pPr"])
        if ppr is None:
            return None
        numpr = ppr.find(_W["numPr"])
        if numpr is not None and _val(numpr, "numId"):
            num_id, ilvl = _val(numpr, "numId") or "", _level(_val(numpr, "ilvl"))
        else:
            style = _val(ppr, "pStyle")
            if style is None or style not in self.style_num:
                return None
            num_id, ilvl = self.style_num[style]
        if num_id == "0" or num_id not in self.levels:
            return None
        levels = self.levels[num_id]
        fmt, start, text = levels.get(ilvl, ("decimal", 1, f"%{ilvl + 1}"))
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if render(counts[ilvl], fmt) is None:
            return None

        # "%1.%2." draws "1.2."; the label keeps the numbers only ("Phần %1" → "I", "%1)" → "a").
        parts = []
        for m in _PLACEHOLDER.finditer(text):
            k = int(m.group(1)) - 1
            if k <= ilvl:
                kfmt, kstart, _t = levels.get(k, ("decimal", 1, ""))
                parts.append(render(counts[k] or kstart, kfmt) or "")
        label = ".".join(p for p in parts if p)
        return label or render(counts[ilvl], fmt)
