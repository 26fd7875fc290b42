"""Normalising deadline phrases: an aligned fold, variant spellings, cited documents, clauses."""

from __future__ import annotations

import re
import unicodedata

from bot.text import nfc, strip_html

_MARKUP = re.compile(r"[*_`\"“”‘’'«»…]|\[\^?\d+\]")


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return "d" if base in "đĐ" else base


# Latin letters with marks (Latin-1, Latin Extended-A/B, Vietnamese block) → base letter.
_FOLD = str.maketrans(
    {
        chr(c): _fold_char(chr(c))
        for r in ((0xC0, 0x250), (0x1E00, 0x1F00))
        for c in range(*r)
        if unicodedata.category(chr(c)).startswith("L")
    }
)
# The same map as a list indexed by code point: str.translate indexes a list about twice as
# fast as it hashes into a dict; a code point past its end (IndexError) is kept as it is.
_FOLD_LIST = [_FOLD.get(c, chr(c)) for c in range(max(_FOLD) + 1)]


def fold_aligned(text: str) -> str:
    """Lower-case and strip diacritics char by char, so index i still points at text[i]."""
    low = text.lower()
    if low.isascii():  # nothing to strip (and no "İ", whose lower case is not ASCII)
        return low
    if len(low) != len(text):  # a rare letter whose lower case is longer ("İ")
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low.translate(_FOLD_LIST)


_ODD = re.compile(r"[<&*_`\"“”‘’'«»…\[–—−\u00a0\t]")  # or two spaces: see clean()
_DASHES = re.compile(r"[–—−]")
_RUNS = re.compile(r"[ \t]+")


def clean(text: str) -> str:
    """NFC, no HTML, no markdown or quote marks, one space between words."""
    if not unicodedata.is_normalized("NFC", text):
        text = nfc(text)
    if _ODD.search(text) is None and "  " not in text:  # the common case: nothing to clean
        return text.strip()
    text = strip_html(text).replace("\u00a0", " ")
    text = _MARKUP.sub(" ", text)
    text = _DASHES.sub("-", text)
    return _RUNS.sub(" ", text).strip()


# (cheap substring that must be present, pattern, replacement)
_SUBS: tuple[tuple[str, str, str], ...] = (
    # "trc 15/8", "tr. ngày 20", "tr ngày 5 hằng tháng": "trước" abbreviated in a cell.
    ("tr", r"\btr(?:c\b\.?|\.|(?=\s+(?:ngay\b|\d)))\s*", "truoc "),
    # "30/4/2025 / 31/10/2025": a slash between two whole dates separates them.
    (" / ", r"(\d{1,2}/\d{1,2}/\d{4})\s+/\s+(?=\d{1,2}/\d{1,2}\b)", r"\1; "),
    # "30 / 6 / 2025" is a date; a slash between spaces before a word is a flattened line
    # break (segments() splits there).
    (" /", r"\s+/(?!\s+[^\d\s])", "/"),
    ("/ ", r"(?<!\s)/\s+|/\s+(?=\d)", "/"),
    ("&", r"&", " va "),
    ("+", r"\+", " va "),
    ("thg", r"\bthg\b\.?", "thang "),
    ("t", r"(?=t)\bt(\d{1,2})(?=/\d{4}\b|\b)", r"thang \1"),
    ("q", r"\bq\.?\s*(iv|i{1,3}|[1-4])\b", r"quy \1"),
    ("hn", r"\bhn\b", "hang nam"),
    ("ngay thu", r"\bngay thu\b", "ngay"),
    ("mong", r"\bmong\s+(\d)", r"ngay \1"),
    # "Hằng quý, quý IV gửi trước 10/12": a quarter's own limit after a rhythm is its exception,
    # as with "riêng".
    (
        "quy",
        r"(?<=\bquy)\s*,\s*(?=quy\s+(?:i{1,3}|iv|[1-4])\s+(?:gui\s+|nop\s+|bao cao\s+)?"
        r"(?:truoc|cham nhat)\b)",
        " ; rieng ",
    ),
    (",", r"\b(hang|moi|tung|trong|cuoi|dau)\s+(thang|quy|nam)\s*,\s*", r"\1 \2 "),
    # "Trước 17 giờ ngày 12/9", "trước 17h00 ngày 20 hằng tháng": due on that day itself.
    (
        "ngay",
        r"\b(?:truoc\s*)?\d{1,2}\s*(?:h|gio)\s*(?:\d{2}\s*(?:phut|p\b)?)?\s*(?:sang|chieu|toi)?"
        r"\s*,?\s*(?=ngay\b)",
        "cham nhat ",
    ),
    # Spans written with a dash: "01/4/2025 - 30/6/2025", "tháng 4 - tháng 6", "quý II - quý III".
    (" - ", r"(\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s+-\s+(?=(?:ngay\s*)?\d{1,2}/\d)", r"\1 den "),
    # "Quý I/2025 - Quý II/2025", "từ tháng 7/2025 đến tháng 9/2025": the span ends with its
    # second period.
    (" - ", r"\b(?:thang|quy)\s*(?:\d{1,2}|iv|i{1,3})\s*/\s*\d{4}\s+-\s+(?=(?:thang|quy)\b)", ""),
    (
        " den ",
        r"\b(?:tu\s+)?(?:thang|quy)\s*(?:\d{1,2}|iv|i{1,3})\s*/\s*\d{4}\s+den\s+(?=(?:thang|quy)\b)",
        "",
    ),
    ("dau tien", r"\bthang dau tien\b", "thang dau"),
    (
        " - ",
        r"\b((?:thang|quy)\s*(?:\d{1,2}|iv|i{1,3}))\s+-\s+"
        r"(?=(?:thang|quy)\b|\d{1,2}\s*(?:/|nam\b|$)|(?:iv|i{1,3})\b)",
        r"\1-",
    ),
    # "Ngày 1 - 5 hằng tháng", "từ ngày 1 đến ngày 5 hằng tháng": due on the span's last day.
    (
        "-",
        r"\bngay\s*\d{1,2}\s*(?:-|den)\s*(?:ngay\s*)?"
        r"(?=\d{1,2}\b(?!\s*[/.-]\s*\d))",
        "ngay ",
    ),
    (
        " den ",
        r"\bngay\s*\d{1,2}\s*(?:-|den)\s*(?:ngay\s*)?(?=\d{1,2}\b(?!\s*[/.-]\s*\d))",
        "ngay ",
    ),
    (
        "ngay cuoi",
        r"\bngay cuoi\s*(?:cung\s*)?(?:cua\s*)?((?:hang|moi|cac)\s*)?thang\b",
        "cuoi thang",
    ),
    (
        "thang thu",
        r"\bthang thu\s*(?:nhat|1)\b(?=\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy)",
        "thang dau",
    ),
    (
        "thang thu",
        r"\bthang thu\s*(?:hai|2)\b(?=\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy)",
        "thang giua",
    ),
    (
        "thang thu",
        r"\bthang thu\s*(?:ba|3)\b(?=\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy)",
        "thang cuoi",
    ),
    # "Hằng quý, riêng quý IV gửi trước 10/12": the exception is a clause of its own.
    ("rieng", r"\s*[,;]?\s*\brieng\b", " ; rieng"),
    (":", r":", " "),
    ("\n", r"[\r\n]+", " ; "),
    ("  ", r"\s{2,}", " "),
)
_SUBS_RE = tuple((k, re.compile(p), r) for k, p, r in _SUBS)
_T_DIGIT = re.compile(r"t\d")
_TIME_OF_DAY = re.compile(r"\d\s*(?:h|gio)\b|\dh\d")
_TRUOC_SHORT = re.compile(r"\btr(?:c\b|\.|\s+(?:ngay\b|\d))")


# Tighter (still necessary) conditions for the substitutions whose key is a common letter.
_GATES = {
    # "q" then "." / spaces / a quarter number: never at the "q" of "quy".
    "q": lambda s: s.count("q") > s.count("qu"),
    "t": lambda s: _T_DIGIT.search(s) is not None,
    "tr": lambda s: ("trc" in s or "tr." in s or "tr " in s) and _TRUOC_SHORT.search(s) is not None,
    "ngay": lambda s: _TIME_OF_DAY.search(s) is not None,
    # "hang|moi|tung|trong|cuoi|dau thang|quy|nam ,": "hang" is inside "thang" itself.
    ",": lambda s: (
        s.count("hang") > s.count("thang")
        or "moi" in s
        or "tung" in s
        or "trong" in s
        or "cuoi" in s
        or "dau" in s
    ),
}


def normalise(folded: str, has_digit: bool = True) -> str:
    """Map spelling variants ("thg", "Q3", "t8", "hàng/hằng" already folded) to one form.

    `has_digit=False` says the text has no digit (so no "t8" to look for).
    """
    s = folded
    if not (  # most phrases need nothing: substring tests, cheaper than one regex scan
        "," in s
        or ":" in s
        or "&" in s
        or "+" in s
        or "\n" in s
        or "\r" in s
        or "  " in s
        or " /" in s
        or "/ " in s
        or "thg" in s
        or (("trc" in s or "tr." in s or "tr " in s) and _TRUOC_SHORT.search(s) is not None)
        or "hn" in s
        or "ngay thu" in s
        or "mong" in s
        or s.count("q") > s.count("qu")  # "q3", "q.iv"; never the q of "quy"
        or (has_digit and _T_DIGIT.search(s) is not None)  # "t8"
        or " - " in s
        or (("-" in s or " den " in s) and "ngay" in s)
        or (" den " in s and "/" in s)
        or "ngay cuoi" in s
        or "thang thu" in s
        or "rieng" in s
        or "dau tien" in s
        or (has_digit and ("h" in s or "gio" in s) and _TIME_OF_DAY.search(s) is not None)
    ):
        return s.strip(" .,;-")
    for key, pat, rep in _SUBS_RE:
        if key in s and (key not in _GATES or _GATES[key](s)):
            s = pat.sub(rep, s)
    return s.strip(" .,;-")


_DATE_TAIL = (
    r"\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|thang\s*\d{1,2}\s*(?:nam|/)\s*\d{2,4})"
)
_DOC_WORDS = (
    r"ke hoach|quyet dinh|van ban|cong van|nghi quyet|nghi dinh|thong tu|chi thi|"
    r"thong bao|to trinh|huong dan|cong dien|luat|kh|qd|cv|tb|nq"
)
CITED = re.compile(
    r"(?:\bso\s*[:.]?\s*\d[\w./-]*|\d+\s*/\s*[\w.]*[a-z][\w./-]*|\b(?:" + _DOC_WORDS + r")\b)"
    r"\s*,?\s*(?:(?:cua|do)\s+[^,;()]{0,60}?\s*)?(?:ban hanh\s*)?ngay\s*" + _DATE_TAIL
)


def drop_citations(s: str) -> tuple[str, int]:
    """Blank out "số 712/KH-UBND ngày 18/11/2020"-like citations; return text and how many."""
    n = 0
    # A cited date is "ngày" then d/m/y (a "/", "." or "-") or "d tháng m năm|/ y".
    if "ngay" not in s or not ("/" in s or "." in s or "-" in s or ("thang" in s and "nam" in s)):
        return s, 0

    def repl(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return " vbx "

    return CITED.sub(repl, s), n


# A slash between spaces before a word is a line break flattened by an export ("Đợt 1: trước
# 30/6 / Đợt 2: trước 30/11"); before a number it is a date's ("Quý I / 2025").
_SPLIT = re.compile(r"(?=[;\n()\s.-])(?:[;\n()]|(?:^|\s)-\s+|\.(?=\s|$)|\s\+\s|\s/\s+(?=[^\d\s]))")


def segments(s: str) -> list[str]:
    """Split a phrase into clauses on ';', new lines, list dashes, sentence ends, brackets."""
    if not (";" in s or "\n" in s or "(" in s or ")" in s or "-" in s or "." in s or "+" in s
            or " / " in s):  # fmt: skip
        t = s.strip(" ,.")
        return [t] if t else []
    return [p.strip(" ,.") for p in _SPLIT.split(s) if p and p.strip(" ,.")]


_LIMIT_START = re.compile(
    r"\b(?:cham nhat|truoc ngay|truoc \d|trc\b|tr\.|tr (?:ngay|\d)|han (?:cuoi|chot|nop|gui)|thoi han|"
    r"trong (?:thoi gian|vong) \d|khong qua|hoan thanh (?:truoc|trong))"
)
_LIMIT_END = re.compile(r"[;()\n]|\.(?=\s|$)")


def limit_clauses(context: str) -> list[str]:
    """The clauses of a task text that state a limit ("chậm nhất là ngày 19 ..."), as written."""
    text = clean(context)
    folded = fold_aligned(text)
    out: list[str] = []
    for m in _LIMIT_START.finditer(folded):
        end = _LIMIT_END.search(folded, m.end())
        stop = end.start() if end else len(text)
        clause = text[m.start() : stop].strip(" ,")
        if clause and (not out or clause not in out[-1]):
            out.append(clause)
    return out
