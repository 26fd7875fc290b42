"""Normalising deadline phrases: an aligned fold, variant spellings, cited documents, clauses."""

from __future__ import annotations

import re
import unicodedata

from bot.text import nfc, strip_html

_MARKUP = re.compile(r"[*_`\"“”‘’'«»…]|\[\^?\d+\]")


def fold_aligned(text: str) -> str:
    """Lower-case and strip diacritics char by char, so index i still points at text[i]."""
    out = []
    for ch in text:
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = unicodedata.normalize("NFD", low)[0]
        out.append("d" if base in "đĐ" else base)
    return "".join(out)


def clean(text: str) -> str:
    """NFC, no HTML, no markdown or quote marks, one space between words."""
    text = nfc(strip_html(text)).replace("\u00a0", " ")
    text = _MARKUP.sub(" ", text)
    text = re.sub(r"[–—−]", "-", text)
    return re.sub(r"[ \t]+", " ", text).strip()


_SUBS: tuple[tuple[str, str], ...] = (
    (r"\s*/\s*", "/"),
    (r"[&+]", " va "),
    (r"\bthg\b\.?", "thang "),
    (r"\bt(\d{1,2})(?=/\d{4}\b|\b)", r"thang \1"),
    (r"\bq\.?\s*(iv|i{1,3}|[1-4])\b", r"quy \1"),
    (r"\bhn\b", "hang nam"),
    (r"\bngay thu\b", "ngay"),
    (r"\bmong\s+(\d)", r"ngay \1"),
    (r"\b(hang|moi|tung|trong|cuoi|dau)\s+(thang|quy|nam)\s*,\s*", r"\1 \2 "),
    (r":", " "),
    (r"\s+", " "),
)
_SUBS_RE = tuple((re.compile(p), r) for p, r in _SUBS)


def normalise(folded: str) -> str:
    """Map spelling variants ("thg", "Q3", "t8", "hàng/hằng" already folded) to one form."""
    s = folded
    for pat, rep in _SUBS_RE:
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

    def repl(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return " vbx "

    return CITED.sub(repl, s), n


_SPLIT = re.compile(r"[;\n()]|(?:^|\s)-\s+|\.(?=\s|$)|\s\+\s")


def segments(s: str) -> list[str]:
    """Split a phrase into clauses on ';', new lines, list dashes, sentence ends, brackets."""
    return [p.strip(" ,.") for p in _SPLIT.split(s) if p and p.strip(" ,.")]


_LIMIT_START = re.compile(
    r"\b(?:cham nhat|truoc ngay|truoc \d|han (?:cuoi|chot|nop|gui)|thoi han|"
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
