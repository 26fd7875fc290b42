"""Match a mention or an officer's query to ranked units and groups, or to nothing.

Steps: normalise (NFC, folding, abbreviations), exact look-up of the search form, correction of
unknown words against the directory's vocabulary, then rapidfuzz over a narrowed candidate set
(forms sharing the rarest words with the query). A predecessor resolves to its successor with a
note. Below ``SCORE_CUTOFF`` the answer is "no match", never a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.text import fold, is_syllable
from bot.units.directory import Directory
from bot.units.former_communes import find_former, former_districts
from bot.units.model import Kind, Match, Unit
from bot.units.normalise import contract, normalise
from bot.units.provinces import former_forms, merged_note
from bot.units.scope import scoped_match

SCORE_CUTOFF = 84.0
MAX_WORD_EDITS = 1
MAX_CANDIDATES = 60
# Words too common to narrow the candidates by themselves.
_WEAK = {"so", "ubnd", "xa", "phuong", "tinh", "vp", "cac", "va", "thuoc", "cap", "dac", "khu"}


def _strip_province(query: str, directory: Directory) -> str:
    return _strip_any_province(query, directory)[0]


def _strip_any_province(query: str, directory: Directory) -> tuple[str, str | None]:
    """The query without its province (today's, or a former one merged into it in 2025).

    The second value names the former province found ("Kiên Giang"), else None.
    """
    if not directory.province:
        return query, None
    if " " not in query:
        return query, None
    names = _province_names(directory.province)
    if query.endswith((" cu", " truoc day")):  # "Sở Y tế tỉnh Kiên Giang cũ"
        bare = query.removesuffix(" cu").removesuffix(" truoc day")
        if any(bare.endswith(" " + name) for name, _former in names):
            query = bare
    for name, former in names:
        if not query.endswith(name):
            continue
        for suffix in (f" tinh {name}", f" thanh pho {name}", f" tp {name}", f" {name}"):
            if query.endswith(suffix) and len(query) > len(suffix):
                tail = " tinh" if suffix.startswith((" tinh", " thanh pho", " tp")) else ""
                return query[: -len(suffix)] + tail, former
    words = query.split()
    for k in (2, 1):
        # "sở tư pháp dak lk": the province's name with one slip, written last.
        typed = "".join(words[-k:])
        if len(words) > k + 1 and len(typed) >= 5 and typed not in directory.postings:
            for name, former in names:
                if len(name) >= 6 and OSA.distance(typed, name.replace(" ", "")) <= 1:
                    return " ".join(words[:-k]), former
    return query, None


@lru_cache(maxsize=8)
def _province_names(province: str) -> tuple[tuple[str, str | None], ...]:
    """Folded forms of the province's name and its former ones, spaced and run together
    ("dak lak", "daklak")."""
    names = ((fold(province), None), *former_forms(province))
    squashed = tuple((n.replace(" ", ""), f) for n, f in names if " " in n)
    return names + squashed


def _correct(query: str, directory: Directory) -> str:
    """Replace words the directory does not know by their closest known word (typos)."""
    words = query.split()
    out: list[str] = []
    known = sum(1 for w in words if w in directory.postings)
    changed = 0
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
        changed += best is not None and best[0] != word
    if changed > max(1, known):
        # More words guessed than known ("ten dang nhap" → "ten dong thap"): not a typo.
        return query
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
    if _NOT_A_DEPARTMENT.match(raw):
        return []  # "hồ sơ xây dựng", "cơ sở dữ liệu", "báo cáo tỉnh": common words, no unit
    form, former = _strip_any_province(raw, directory)
    if former is not None and (
        directory.exact.get(raw) or directory.squashed.get(raw.replace(" ", ""))
    ):
        # "phường Kon Tum" is a ward of today's Quảng Ngãi, not "phường" of tỉnh Kon Tum.
        form, former = _strip_province(raw, directory), None
    found: list[Match] = []
    if (district := _FORMER_DISTRICT.match(form)) is not None and not directory.exact.get(form):
        # "xã Hội An huyện Chợ Mới": districts are gone since 1 July 2025; the commune remains.
        found = _match_form(directory, district.group(1), district.group(1), limit)
    if not found:
        found = _match_form(directory, form if former else raw, form, limit)
    if not found and former is not None and directory.province:
        # "Báo Phú Yên": a name holding the province's own name, under the merged one's.
        renamed = _rename_former(raw, directory.province)
        found = _match_form(directory, renamed, form, limit)
    if not found and directory.province:
        # "UBND thị trấn Đầm Dơi": a commune merged on 1 July 2025, reached through today's.
        found = _former_commune(directory, form)
    if not found and (island := _ISLAND_DISTRICT.match(form)) is not None:
        # "UBND huyện Phú Quý": an island district became a special zone (đặc khu) in 2025.
        found = [
            Match(
                u, 95.0, f"huyện {u.name.split(' ', 2)[-1]} nay là {u.name[:1].lower()}{u.name[1:]}"
            )
            for u in directory.exact.get(f"dac khu {island.group(1)}", [])
        ][:limit]
    if not found and (level := _LEVEL_WORD.match(form)) is not None:
        # "sở xây dựng tp", "Sở Kế hoạch và Đầu tư thành phố": the province-level word alone.
        found = _match_form(directory, level.group(1), level.group(1), limit)
    if not found and (centre := _SERVICE_CENTRE.match(form)) is not None:
        # "tt phvu hành chính công": the service centre, its middle words mistyped.
        found = _match_form(directory, f"ttpvhcc{centre.group(1)}", form, limit)
    if not found and (bare := _without_former_district(directory, form)) is not None:
        # "phường Long Bình Biên Hòa": the ward, then the city it belonged to before 2025.
        found = _match_form(directory, bare, bare, limit)
    if not found and (by_initials := _by_initials(directory, form)) is not None:
        found = [Match(by_initials, INITIALS_SCORE, None)]
    if not found:
        found = _one_of_the_divisions(directory, form)
    if former is not None:
        return [_with_former(m, former, directory) for m in found]
    return found


def _one_of_the_divisions(directory: Directory, form: str) -> list[Match]:
    """ "Phòng Quản lý nhà …" that the directory does not list, where a department's plan named
    "Các phòng chuyên môn thuộc sở": one of those divisions, reached through that group (when
    a single department's plan did)."""
    if not form.startswith("phong ") or len(form.split()) < 3:
        return []
    groups = [
        g
        for g in directory.units
        if g.is_group
        and (g.rule or {}).get("kinds") == [Kind.DIVISION]
        and (parent := directory.get(g.parent_key or "")) is not None
        and parent.kind in (Kind.DEPARTMENT, Kind.AGENCY)
    ]
    return [Match(groups[0], 70.0, None)] if len(groups) == 1 else []


_COMMUNE_START = re.compile(r"^(?:ubnd )?(?:xa|phuong|thi tran|dac khu) ")


def _without_former_district(directory: Directory, form: str) -> str | None:
    """A commune's name without the former district written bare after it, or None."""
    words = form.split()
    if not directory.province or _COMMUNE_START.match(form) is None:
        return None
    districts = former_districts(directory.province)
    for k in (3, 2, 1):
        if len(words) - k >= 2 and "".join(words[-k:]) in districts:
            return " ".join(words[:-k])
    return None


def _by_initials(directory: Directory, form: str) -> Unit | None:
    """The one unit (today's) whose name starts with words of these initials ("ttpv")."""
    if " " in form or len(form) < 4 or is_syllable(form) or form in directory.postings:
        return None
    keys = directory.initials.get(form, set())
    return _one_unit(directory, {directory.current(directory.by_key[k]).key for k in keys})


def _one_unit(directory: Directory, keys: set[str]) -> Unit | None:
    """The unit of ``keys`` when there is one, or the one unit among groups ("tt phục vụ": the
    provincial centre, not the group of the communes' centres)."""
    if len(keys) == 1:
        return directory.by_key[next(iter(keys))]
    singles = [k for k in keys if not directory.by_key[k].is_group]
    return directory.by_key[singles[0]] if len(singles) == 1 else None


def _former_commune(directory: Directory, form: str) -> list[Match]:
    if not directory.province:
        return []
    old = find_former(directory.province, form)
    unit = directory.get(f"xa_{old.new_code}") if old is not None else None
    if old is None or unit is None:
        return []
    where = f" ({old.district})" if old.district else ""
    return [Match(unit, 95.0, f"{old.name}{where} nay thuộc {unit.name}")]


_LEVEL_WORD = re.compile(
    r"^((?:so|vp|van phong|ban|ubnd|chi cuc|cuc|trung tam) \S.*?) (?:thanh pho|tp|tinh)$"
)
_SERVICE_CENTRE = re.compile(r"^(?:tt|trung tam) (?:\S+ ){0,2}hanh chinh cong((?: \S+)*)$")
_NOT_A_DEPARTMENT = re.compile(r"^(?:cac )?(?:(?:ho|co) so|bao cao)(?: |$)")
_ISLAND_DISTRICT = re.compile(r"^(?:ubnd )?huyen (?:dao )?(\w.*)$")
_FORMER_DISTRICT = re.compile(
    r"^((?:ubnd )?(?:xa|phuong|thi tran|dac khu) \w.*?) (?:huyen|thi xa|thanh pho|quan) \w.*$"
)


def _rename_former(raw: str, province: str) -> str:
    """``raw`` with its trailing former province's name replaced by ``province``'s."""
    for name, _written in former_forms(province):
        if raw.endswith(" " + name):
            return raw[: -len(name)] + fold(province)
    return raw


def _with_former(m: Match, former: str, directory: Directory) -> Match:
    """A match named under a former province, with the note that the province merged."""
    merged = merged_note(former, directory.province)
    note = f"{m.note}; {merged}" if m.note else merged
    return replace(m, note=note)


def _words_align(query: str, form: str, commune: bool) -> bool:
    """Does a fuzzy match of ``form`` read as a slip in typing it, word for word?

    Checked for communes and for short queries (three words or fewer), where a whole word
    changed is another name: "xa hoi hoa" (xã hội hóa) is not "xa hoi an", "thanh toan" is not
    "thanh tra". Only a commune must also have as many words (or differ only by spaces).
    """
    qs, fs = query.split(), form.split()
    if len(qs) != len(fs):
        if not commune:
            return True
        # A word left out or added is another name ("phuong tien" is not "phường Hà Tiên"),
        # unless only the spaces differ ("tanthanh").
        return OSA.distance(query.replace(" ", ""), form.replace(" ", "")) <= 1
    edits = 0
    for q, f in zip(qs, fs, strict=True):
        if q != f:
            edits += OSA.distance(q, f)
    # One slip per short name ("cong khai" is not "Đông Thái": two letters changed).
    return edits <= max(1, len(query) // 10)


PREFIX_SCORE = 90.0
# Initials are written on purpose, and only the one unit they fit is taken.
INITIALS_SCORE = 98.0
_TT = re.compile(r"^tt ")


def _prefix_of_one(directory: Directory, form: str, candidates: list[int]) -> Unit | None:
    """The one unit (today's) whose name starts with ``form``'s words, else None."""
    starts = (form + " ", _TT.sub("trung tam ", form) + " ")  # "tt công báo"
    units = {
        directory.current(directory.form_unit[i]).key
        for i in candidates
        if directory.forms[i].startswith(starts)
    }
    return _one_unit(directory, units)


def _match_form(directory: Directory, raw: str, form: str, limit: int) -> list[Match]:
    """Ranked candidates for the search form ``form`` (``raw``: the form with its province)."""
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
    words = form.split()
    if len(words) >= 3:
        # "trung tâm công báo" for "Trung tâm Công báo và Tin học": the start of one unit's
        # name, and of no other's.
        prefixed = _prefix_of_one(directory, form, _candidates(form, directory))
        if prefixed is not None:
            return [Match(prefixed, PREFIX_SCORE, None)]
    if (
        form == raw_form
        and len(words) <= 3
        and all(w in directory.postings and w not in _WEAK for w in words)
    ):
        # Known words only, in no known order ("cong dan", "thanh toan"): words of the domain,
        # not a slip in a unit's name.
        return []
    candidates = _candidates(f"{form} {raw_form}", directory)
    if not candidates:
        return []
    choices = {i: directory.forms[i] for i in candidates}
    short = len(raw_form.split()) <= 3
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
        for found_form, score, index in results:
            unit = directory.form_unit[index]
            commune = unit.kind == Kind.COMMUNE
            if (commune or short) and not _words_align(raw_form, found_form, commune):
                continue
            old = scored.get(unit.key)
            if old is None or float(score) > old[1]:
                scored[unit.key] = (unit, float(score))
    return _ranked(directory, scored, limit)
