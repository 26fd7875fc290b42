"""A PDF cell's lines joined into paragraphs: words cut by a narrow column are glued back, a
word moved whole to the next line is not, and a name wrapped before its " - " stays one item."""

from __future__ import annotations

from typing import Any

import pytest

from bot.plans.pdf_text import TextLine, paragraphs

SIZE = 13.0
CHAR = 8.0  # every glyph 8 pt wide in these lines, a space 3 pt


def _line(words: list[str], top: float, left: float = 0.0) -> TextLine:
    out: list[dict[str, Any]] = []
    x = left
    for w in words:
        out.append({"text": w, "x0": x, "x1": x + CHAR * len(w), "top": top, "bottom": top + SIZE})
        x += CHAR * len(w) + 3.0
    return TextLine(left, out[-1]["x1"], top, top + SIZE, SIZE, out)


def _cell(lines: list[list[str]], width: float) -> list[str]:
    return paragraphs([_line(w, 20.0 * k) for k, w in enumerate(lines)], 0.0, width)


@pytest.mark.parametrize(
    ("lines", "width", "expected"),
    [
        ([["Tháng"], ["02/2026"]], 60.0, "Tháng 02/2026"),  # moved whole: two words
        ([["Trong"], ["năm", "2026"]], 60.0, "Trong năm 2026"),
        ([["Thườn"], ["g"], ["xuyên"]], 45.0, "Thường xuyên"),  # cut: no syllable alone
        ([["UBMTT"], ["Q", "phường"]], 45.0, "UBMTTQ phường"),
        ([["ST"], ["T"]], 20.0, "STT"),
        ([["30/6/202"], ["6"]], 66.0, "30/6/2026"),
        ([["Văn", "phòng"], ["HĐND", "và"]], 60.0, "Văn phòng HĐND và"),
    ],
)
def test_words_cut_or_moved_by_a_narrow_column(
    lines: list[list[str]], width: float, expected: str
) -> None:
    assert _cell(lines, width) == [expected]


def test_a_name_wrapped_before_its_dash_stays_one_item_of_a_semicolon_list() -> None:
    # "- Phòng Văn hóa" fills 105 of 110 pt: its dash could not have stayed on the line.
    lines = [["-", "Sở", "Y", "tế;"], ["-", "Phòng", "Văn", "hóa"], ["-", "Xã", "hội"]]
    assert _cell(lines, 110.0) == ["- Sở Y tế;", "- Phòng Văn hóa - Xã hội"]
    unpunctuated = [["-", "Sở", "Y", "tế"], ["-", "Phòng", "Văn", "hóa"], ["-", "Xã", "hội"]]
    assert len(_cell(unpunctuated, 110.0)) == 3  # no ";" list: each dash is an item


def test_a_dash_that_would_have_fitted_starts_a_new_item() -> None:
    lines = [["-", "Sở", "Tư", "pháp;"], ["-", "Sở", "Nội", "vụ"], ["-", "Công", "an"]]
    assert _cell(lines, 200.0) == ["- Sở Tư pháp;", "- Sở Nội vụ", "- Công an"]
