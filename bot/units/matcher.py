"""Match a mention or an officer's query to ranked units and groups, or to nothing.

Steps: normalise (NFC, folding, abbreviations), exact look-up of the search form, correction of
unknown words against the directory's vocabulary, then rapidfuzz over a narrowed candidate set
(forms sharing the rarest words with the query). A predecessor resolves to its successor with a
note. Below ``SCORE_CUTOFF`` the answer is "no match", never a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.text import fold
from bot.units.directory import Directory
from bot.units.model import Match, Unit
from bot.units.normalise import contract, normalise
from bot.units.scope import scoped_match

SCORE_CUTOFF = 84.0
MAX_WORD_EDITS = 1
MAX_CANDIDATES = 60
# Words too common to narrow the candidates by themselves.
_WEAK = {"so", "ubnd", "xa", "phuong", "tinh", "vp", "cac", "va", "thuoc", "cap", "dac", "khu"}


def _strip_province(query: str, directory: Directory) -> str:
    if not directory.province:
        return query
    name = fold(directory.province)
    for suffix in (f" tinh {name}", f" thanh pho {name}", f" tp {name}", f" {name}"):
        if query.endswith(suffix) and len(query) > len(suffix):
            tail = " tinh" if suffix.startswith((" tinh", " thanh pho", " tp")) else ""
            return query[: -len(suffix)] + tail
    return query


def _correct(query: str, directory: Directory) -> str:
    """Replace words the directory does not know by their closest known word (typos)."""
    words = query.split()
    out: list[str] = []
    for word in words:
        if word in directory.postings or len(word) < 4 or word.isdigit():
            out.append(word)
            continue
        pool: list[str] = []
        for n in (len(word) - 1, len(word), len(word) + 1):
            pool.extend(directory.vocab_by_len.get(n, ()))
        # OSA counts a swap of two letters as one edit ("ilnh" → "linh"), as phones produce.
        close = process.extract(
            word, pool, scorer=OSA.distance, processor=None, score_cutoff=MAX_WORD_EDITS, limit=20
        )
        # Among equally close words prefer the longer (a letter left out is the usual slip),
        # then the more common one.
        best = min(
            close,
            key=lambda c: (c[1], -len(c[0]), -len(directory.postings[c[0]]), c[0]),
            default=None,
        )
        out.append(best[0] if best else word)
    return " ".join(out)


def _candidates(query: str, directory: Directory) -> list[int]:
    """Indices of the forms sharing the most (rarest-first) words with the query."""
    tokens = set(query.split())
    counts: dict[int, float] = defaultdict(float)
    strong = [t for t in tokens if t in directory.postings and t not in _WEAK]
    use = strong or [t for t in tokens if t in directory.postings]
    for token in use:
        postings = directory.postings[token]
        weight = 1.0 / (1.0 + len(postings) / 50.0)
        for index in postings:
            counts[index] += 1.0 + weight
    return sorted(counts, key=counts.__getitem__, reverse=True)[:MAX_CANDIDATES]


def _ranked(directory: Directory, scored: dict[str, tuple[Unit, float]], limit: int) -> list[Match]:
    best: dict[str, Match] = {}
    for unit, score in scored.values():
        current = directory.current(unit)
        note = None
        if current is not unit:
            note = f"{unit.label} nay là {current.label}"
            extra = (unit.rule or {}).get("successor_note")
            if extra:
                note += f" ({extra})"
        old = best.get(current.key)
        if old is None or score > old.score or (score == old.score and old.note and not note):
            best[current.key] = Match(current, round(score, 1), note)
    return sorted(best.values(), key=lambda m: (-m.score, m.note is not None, m.unit.name))[:limit]


def _exact(directory: Directory, raw: str, form: str) -> tuple[list[Unit] | None, float]:
    """Units whose search form is the query's (with or without its province, or its spaces)."""
    for candidate in (raw, form, form.removesuffix(" tinh")):
        hits = directory.exact.get(candidate)
        if hits:
            return hits, 100.0
    hits = directory.squashed.get(form.replace(" ", ""))
    return (hits, 98.0) if hits else (None, 0.0)


def query_form(directory: Directory, query: str) -> str:
    """The search form the matcher looks up for ``query`` (before typo correction)."""
    return _strip_province(normalise(query), directory)


_PARENS = re.compile(r"\([^)]*\)")


def match(
    directory: Directory, query: str, limit: int = 5, scope: Unit | str | None = None
) -> list[Match]:
    """Ranked candidates for ``query`` (best first); an empty list means "no match"."""
    scope_unit = directory.get(scope) if isinstance(scope, str) else scope
    if scope_unit is not None:
        scoped = scoped_match(directory, query, scope_unit)
        if scoped is not None:
            return [scoped]
    raw = normalise(query)
    form = _strip_province(raw, directory)
    raw_form = form
    if not form:
        return []
    scored: dict[str, tuple[Unit, float]] = {}
    hits, exact_score = _exact(directory, raw, form)
    if hits is None:
        corrected = contract(_correct(form, directory))
        if corrected != form:
            form = corrected
            hits, exact_score = _exact(directory, form, form)
            exact_score = min(exact_score, 97.0)
    if hits:
        for unit in hits:
            scored[unit.key] = (unit, exact_score)
        return _ranked(directory, scored, limit)
    candidates = _candidates(f"{form} {raw_form}", directory)
    if not candidates:
        return []
    choices = {i: directory.forms[i] for i in candidates}
    # Plain edit similarity: word order matters in names ("Trung Nghĩa" is not "Nghĩa Trung"),
    # so no token-sorting scorer; both the corrected and the typed form are tried.
    for text in dict.fromkeys((form, raw_form)):
        results = process.extract(
            text,
            choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=SCORE_CUTOFF,
            limit=limit * 4,
        )
        for _form, score, index in results:
            unit = directory.form_unit[index]
            old = scored.get(unit.key)
            if old is None or float(score) > old[1]:
                scored[unit.key] = (unit, float(score))
    return _ranked(directory, scored, limit)
