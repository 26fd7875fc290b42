"""Text of a PDF region from its characters: words → lines → paragraphs.

A PDF holds positioned glyphs, not paragraphs. A line ends a paragraph when the next line's
first word would have fitted on it (the writer broke the line on purpose) or the next line
starts with a bullet; otherwise the lines are one wrapped paragraph and are joined by a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.plans.cells import fast_fold
from bot.plans.grid import GLYPHS

# A line broken at a big gap is two texts side by side (issuer | motto in a borderless header).
_GAP_EMS = 3.0
# Word and LibreOffice put about 0.08-0.2 in. of padding inside a table cell.
CELL_PAD = 5.8
_ITEM = re.compile(r"^(?:[a-zđ]\)|\d{1,2}[.)]\s|\(\d{1,2}\))")


@dataclass
class TextLine:
    """One printed line (or one side of a line broken by a big gap)."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    words: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def first_width(self) -> float:
        w = self.words[0]
        return float(w["x1"] - w["x0"])


def _words(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from pdfplumber.utils import extract_words

    return list(extract_words(chars, x_tolerance=3, y_tolerance=2.5, keep_blank_chars=False))


def _without_note_marks(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Footnote reference marks (small raised digits) dropped, as the .docx reader drops them."""
    if not chars:
        return chars
    sizes = sorted(round(float(c["size"]), 1) for c in chars)
    body = sizes[len(sizes) // 2]
    return [c for c in chars if not (c["text"].isdigit() and float(c["size"]) < 0.8 * body)]


def lines_of(chars: list[dict[str, Any]], split_gaps: bool = False) -> list[TextLine]:
    """The printed lines of some characters, top to bottom, each left to right."""
    words = _words(_without_note_marks(chars))
    words.sort(key=lambda w: (round(float(w["top"]), 0), float(w["x0"])))
    rows: list[list[dict[str, Any]]] = []
    for w in words:
        if rows and abs(float(w["top"]) - float(rows[-1][0]["top"])) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    out: list[TextLine] = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        groups: list[list[dict[str, Any]]] = [[row[0]]]
        for w in row[1:]:
            prev = groups[-1][-1]
            size = float(prev["bottom"] - prev["top"]) or 10.0
            if split_gaps and float(w["x0"]) - float(prev["x1"]) > _GAP_EMS * size:
                groups.append([w])
            else:
                groups[-1].append(w)
        for g in groups:
            out.append(
                TextLine(
                    x0=float(g[0]["x0"]),
                    x1=float(g[-1]["x1"]),
                    top=min(float(w["top"]) for w in g),
                    bottom=max(float(w["bottom"]) for w in g),
                    size=max(float(w["bottom"] - w["top"]) for w in g) or 10.0,
                    words=g,
                )
            )
    return out


def starts_item(text: str) -> bool:
    """A list item starts here: a bullet glyph, a dash and a space, "a)", "1.", "(1)"."""
    if text.startswith(GLYPHS):
        return True
    return bool(_ITEM.match(text)) or (text[:1] in "-–—+" and text[1:2] == " ")


def _centred(lines: list[TextLine]) -> bool:
    """Lines that share a centre but not a left edge (a hanging indent shares neither)."""
    if len(lines) < 2:
        return False
    centres = [(ln.x0 + ln.x1) / 2 for ln in lines]
    lefts = [ln.x0 for ln in lines]
    return max(centres) - min(centres) < 2.5 and max(lefts) - min(lefts) > 2.0


def _has_vowel(word: str) -> bool:
    return any(ch in "aeiouy" for ch in fast_fold(word))


def _cut_word(joined: str, prev: TextLine, line: TextLine, width: float) -> bool:
    """The last word of a line and the first of the next are one word cut in two: together
    wider than the column (the writer had to cut it), and one token: a number or a date
    ("30/6/202" | "6", "10/12/" | "2026"), lower-case letters with one piece no syllable on its
    own ("Thườn" | "g"), or capitals with one piece a letter or two without a vowel ("ST" |
    "T", "UBMTT" | "Q"). A word moved whole to the next line leaves two words: "Tháng" |
    "02/2026", "Trong" | "năm", "phòng" | "HĐND"."""
    a, b = prev.words[-1], line.words[0]
    if float(a["x1"] - a["x0"]) + line.first_width <= width - 1.0:
        return False
    # The paragraph's last word: a word cut over three lines is whole again ("Thườn" | "g").
    left, right = joined.rsplit(" ", 1)[-1], str(b["text"])
    x, y = left[-1:], right[:1]
    if (x + y).replace("/", "").isdigit() and y.isdigit():
        return True
    if x.islower() and y.islower():
        return not _has_vowel(left) or not _has_vowel(right)
    if x.isupper() and y.isupper():
        return any(len(w) <= 2 and w.isupper() and not _has_vowel(w) for w in (left, right))
    return False


def paragraphs(lines: list[TextLine], left: float, right: float) -> list[str]:
    """Lines joined into paragraphs; ``left`` and ``right`` bound the text (cell or page)."""
    paras: list[str] = []
    wrapped: set[int] = set()  # "- " lines that may be a name's " - " wrapped to a new line
    prev: TextLine | None = None
    centred = _centred(lines)
    for line in lines:
        text = line.text
        if prev is None:
            paras.append(text)
            prev = line
            continue
        room = right - prev.x1 + (prev.x0 - left if centred else 0.0)
        would_fit = line.first_width + 0.3 * line.size <= room - 1.0
        far = line.top - prev.bottom > 0.8 * line.size
        if would_fit or far or starts_item(text):
            if not (would_fit or far) and _open_dash_item(paras[-1]) and text.startswith("- "):
                wrapped.add(len(paras))
            paras.append(text)
        else:
            joined = paras[-1]
            tight = (
                (joined.endswith("-") and not joined.endswith(" -"))
                or (text.startswith("-") and text[1:2] != " ")  # "QĐ" | "-UBND"
                or _cut_word(joined, prev, line, right - left)
            )
            glue = "" if tight else " "
            paras[-1] = joined + glue + text
        prev = line
    return _rejoin_dash_names(paras, wrapped)


def _open_dash_item(text: str) -> bool:
    """A "- " item not closed by the list's punctuation."""
    return text.startswith("- ") and not text.rstrip().endswith((";", ".", ",", ":"))


def _rejoin_dash_names(paras: list[str], wrapped: set[int]) -> list[str]:
    """In a list whose items end with ";", a "- " line after an item left open, that could not
    have fitted its dash on the line above, is the item's name going on ("- Phòng Văn hóa" |
    "- Xã hội;"): the name "Phòng Văn hóa - Xã hội" wrapped before its dash."""
    if not wrapped or not any(p.startswith("- ") and p.rstrip().endswith(";") for p in paras):
        return paras
    out: list[str] = []
    for k, p in enumerate(paras):
        if k in wrapped and out and _open_dash_item(out[-1]):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out
