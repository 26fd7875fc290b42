"""Vietnamese text normalisation: NFC, case and diacritic folding, spelling variants."""

from __future__ import annotations

import re
import unicodedata

# Whitespace and the other control characters (a text export can carry \x02, \x1b, NUL ...: no
# output format wants them, and PostgreSQL refuses NUL in text).
_SPACES = re.compile(r"[\s\x00-\x1f\x7f]+")
_TAGS = re.compile(r"<[^>]+>")
# Old-style vs new-style tone placement are one word in two spellings ("hoá"/"hóa", "Uỷ"/"Ủy").
_SPELLING = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_SPELLING_RE = re.compile("|".join(_SPELLING), re.IGNORECASE)


def nfc(text: str) -> str:
    """Compose to NFC so the same word always has the same code points."""
    return unicodedata.normalize("NFC", text)


def unify_spelling(text: str) -> str:
    """Map old-style tone placement to the new style (hoá → hóa, uỷ → ủy), keeping case."""

    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        out = _SPELLING[s.lower()]
        return out.upper() if s.isupper() else (out[0].upper() + out[1:] if s[0].isupper() else out)

    return _SPELLING_RE.sub(repl, nfc(text))


def strip_html(text: str) -> str:
    """Remove HTML tags and decode the few entities exports carry."""
    text = _TAGS.sub(" ", text)
    for ent, ch in (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"')):
        text = text.replace(ent, ch)
    return text


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space and trim."""
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower-case, strip every diacritic (đ → d), collapse spaces: the search form of a text."""
    text = unicodedata.normalize("NFD", nfc(text).lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return squash(text.replace("đ", "d").replace("Đ", "d"))


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese mark (so it was not typed bare)."""
    return fold(text) != squash(text.lower())


# A folded Vietnamese syllable: onset, vowel nucleus, optional final.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(uye|uya|uyu|ieu|yeu|oai|oay|oeo|uoi|uou|uay|uai|uoi|ươi|ie|ye|ia|ua|uo|oa|oe|uy|uu|ai|ao|au|ay|"
    r"eo|eu|iu|oi|ui|ia|[aeiouy])"
    r"(ch|ng|nh|[cmnpt])?$"
)


def is_syllable(token: str) -> bool:
    """True when a folded token can be one Vietnamese syllable (so it is not a typo of one,
    nor an abbreviation such as "tthc")."""
    return bool(_SYLLABLE.match(token))
