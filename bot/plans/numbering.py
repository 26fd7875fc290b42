"""Word's automatic numbering: the "1", "I", "a" a .docx shows but does not store as text.

Plans often number their rows with a numbered list in the first column; the number is drawn
by Word from numbering.xml (and the paragraph's style), so it has to be counted here.
"""

from __future__ import annotations

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
}


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
    _levels: dict[str, dict[int, tuple[str, int]]] | None = None  # numId → ilvl → (fmt, start)
    _style_num: dict[str, tuple[str, int]] | None = None  # styleId → (numId, ilvl)

    @property
    def levels(self) -> dict[str, dict[int, tuple[str, int]]]:
        if self._levels is None:
            self._levels = self._parse_levels(self.read_part("word/numbering.xml"))
        return self._levels

    @property
    def style_num(self) -> dict[str, tuple[str, int]]:
        if self._style_num is None:
            self._style_num = self._parse_styles(self.read_part("word/styles.xml"))
        return self._style_num

    @staticmethod
    def _parse_levels(numbering_xml: bytes | None) -> dict[str, dict[int, tuple[str, int]]]:
        out: dict[str, dict[int, tuple[str, int]]] = {}
        if not numbering_xml:
            return out
        root = parse_xml(numbering_xml)
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for an in root.iterchildren(_W["abstractNum"]):
            lv = {}
            for lvl in an.iterchildren(_W["lvl"]):
                ilvl = int(lvl.get(_W["ilvl"]) or 0)
                lv[ilvl] = (_val(lvl, "numFmt") or "decimal", int(_val(lvl, "start") or 1))
            abstract[an.get(_W["abstractNumId"]) or ""] = lv
        for num in root.iterchildren(_W["num"]):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iterchildren(_W["lvlOverride"]):
                ilvl = int(override.get(_W["ilvl"]) or 0)
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (levels[ilvl][0], int(start))
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
            return _val(numpr, "numId") or "", int(_val(numpr, "ilvl") or 0)
        based = _val(style, "basedOn")
        return Numbering._style_numpr(styles, based, depth + 1) if based else None

    def label(self, paragraph: Any) -> str | None:
        """The next label of a numbered paragraph (advancing its list), or None."""
        ppr = paragraph.find(_W["pPr"])
        if ppr is None:
            return None
        numpr = ppr.find(_W["numPr"])
        if numpr is not None and _val(numpr, "numId"):
            num_id, ilvl = _val(numpr, "numId") or "", int(_val(numpr, "ilvl") or 0)
        else:
            style = _val(ppr, "pStyle")
            if style is None or style not in self.style_num:
                return None
            num_id, ilvl = self.style_num[style]
        if num_id == "0" or num_id not in self.levels:
            return None
        fmt, start = self.levels[num_id].get(ilvl, ("decimal", 1))
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        return render(counts[ilvl], fmt)
