"""Word's automatic numbering: the "1", "I", "a" a .docx shows but does not store as text.

Plans often number their rows with a numbered list in the first column; the number is drawn
by Word from numbering.xml (and the paragraph's style), so it has to be counted here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from bot.plans.budget import ReadBudget, xml_number
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


# Word has nine list levels (w:ilvl 0..8) and starts a list at most at 32767.
LEVELS = 9
MAX_START = 32767


def _level(raw: str | None, budget: ReadBudget | None) -> int:
    return xml_number(raw, 0, 0, LEVELS - 1, "Đánh số, w:ilvl", budget)


def _parse_part(data: bytes, name: str, budget: ReadBudget | None) -> Any:
    """A part's root, or None (with a note) when it is damaged: the numbers are then not shown."""
    try:
        return parse_xml(data)
    except Exception:  # lxml's syntax errors, or a part too deep or too large
        if budget is not None:
            budget.note(f"Phần {name} bị hỏng: bỏ qua số thứ tự tự động.")
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
    budget: ReadBudget | None = None  # where notes on out-of-range numbers go
    counters: dict[str, list[int]] = field(default_factory=dict)
    _levels: dict[str, dict[int, tuple[str, int]]] | None = None  # numId → ilvl → (fmt, start)
    _style_num: dict[str, tuple[str, int]] | None = None  # styleId → (numId, ilvl)

    @property
    def levels(self) -> dict[str, dict[int, tuple[str, int]]]:
        if self._levels is None:
            self._levels = self._parse_levels(self.read_part("word/numbering.xml"), self.budget)
        return self._levels

    @property
    def style_num(self) -> dict[str, tuple[str, int]]:
        if self._style_num is None:
            self._style_num = self._parse_styles(self.read_part("word/styles.xml"), self.budget)
        return self._style_num

    @staticmethod
    def _parse_levels(
        numbering_xml: bytes | None, budget: ReadBudget | None = None
    ) -> dict[str, dict[int, tuple[str, int]]]:
        out: dict[str, dict[int, tuple[str, int]]] = {}
        if not numbering_xml:
            return out
        root = _parse_part(numbering_xml, "numbering.xml", budget)
        if root is None:
            return out
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for an in root.iterchildren(_W["abstractNum"]):
            lv = {}
            for lvl in an.iterchildren(_W["lvl"]):
                ilvl = _level(lvl.get(_W["ilvl"]), budget)
                start = xml_number(_val(lvl, "start"), 1, 0, MAX_START, "Đánh số, w:start", budget)
                lv[ilvl] = (_val(lvl, "numFmt") or "decimal", start)
            abstract[an.get(_W["abstractNumId"]) or ""] = lv
        for num in root.iterchildren(_W["num"]):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iterchildren(_W["lvlOverride"]):
                ilvl = _level(override.get(_W["ilvl"]), budget)
                raw = _val(override, "startOverride")
                if raw is not None and ilvl in levels:
                    what = "Đánh số, w:startOverride"
                    levels[ilvl] = (levels[ilvl][0], xml_number(raw, 1, 0, MAX_START, what, budget))
            out[num.get(_W["numId"]) or ""] = levels
        return out

    @classmethod
    def _parse_styles(
        cls, styles_xml: bytes | None, budget: ReadBudget | None = None
    ) -> dict[str, tuple[str, int]]:
        out: dict[str, tuple[str, int]] = {}
        if not styles_xml:
            return out
        root = _parse_part(styles_xml, "styles.xml", budget)
        if root is None:
            return out
        styles = {s.get(_W["styleId"]): s for s in root.iterchildren(_W["style"])}
        for style_id in styles:
            found = cls._style_numpr(styles, style_id, 0, budget)
            if found:
                out[style_id] = found
        return out

    @staticmethod
    def _style_numpr(
        styles: dict[Any, Any], style_id: Any, depth: int, budget: ReadBudget | None
    ) -> tuple[str, int] | None:
        style = styles.get(style_id)
        if style is None or depth > 10:
            return None
        numpr = style.find(_W["pPr"])
        numpr = numpr.find(_W["numPr"]) if numpr is not None else None
        if numpr is not None and _val(numpr, "numId"):
            return _val(numpr, "numId") or "", _level(_val(numpr, "ilvl"), budget)
        based = _val(style, "basedOn")
        return Numbering._style_numpr(styles, based, depth + 1, budget) if based else None

    def label(self, paragraph: Any) -> str | None:
        """The next label of a numbered paragraph (advancing its list), or None."""
        ppr = paragraph.find(_W["pPr"])
        if ppr is None:
            return None
        numpr = ppr.find(_W["numPr"])
        if numpr is not None and _val(numpr, "numId"):
            num_id, ilvl = _val(numpr, "numId") or "", _level(_val(numpr, "ilvl"), self.budget)
        else:
            style = _val(ppr, "pStyle")
            if style is None or style not in self.style_num:
                return None
            num_id, ilvl = self.style_num[style]
        if num_id == "0" or num_id not in self.levels:
            return None
        fmt, start = self.levels[num_id].get(ilvl, ("decimal", 1))
        counts = self.counters.setdefault(num_id, [0] * LEVELS)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, LEVELS):
            counts[deeper] = 0
        return render(counts[ilvl], fmt)
