"""Topics in a task's folded text, with no database: a topic's phrasings (abbreviations both
ways, a document by kind and number), whole-word matching, and the word-by-word score that ranks
tasks holding most of a longer topic (``store.tasks_view.topics`` narrows with LIKE first)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text import fold, is_syllable
from bot.units.builtin import provinces, short_province_name
from bot.units.provinces import FORMER_PROVINCES

# Abbreviations officers and plans use for the same words, both ways.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("tthc", "thu tuc hanh chinh"),
    ("pakn", "phan anh kien nghi"),
    ("dvctt", "dich vu cong truc tuyen"),
    ("dvc", "dich vu cong"),
    ("cchc", "cai cach hanh chinh"),
    ("kstthc", "kiem soat thu tuc hanh chinh"),
    ("ksthc", "kiem soat thu tuc hanh chinh"),
    ("ks tthc", "kiem soat thu tuc hanh chinh"),
    ("csdl", "co so du lieu"),
    ("ttpvhcc", "trung tam phuc vu hanh chinh cong"),
    ("cds", "chuyen doi so"),
    # Documents known by a short name ("Đề án 06" is the project on population data, named in
    # full by plans that cite it by its title).
    ("de an 06", "de an phat trien ung dung du lieu ve dan cu"),
)


# A document by its kind and number ("nq 131", "quyết định 766"), as plans cite it: "Nghị quyết
# số 131/NQ-CP", "Nghị quyết 131", "131/NQ-CP".
_DOC_KINDS = {
    "nq": "nghi quyet",
    "qd": "quyet dinh",
    "nd": "nghi dinh",
    "kh": "ke hoach",
    "tt": "thong tu",
    "cv": "cong van",
    "ct": "chi thi",
}
_DOC_REF = re.compile(
    r" (" + "|".join([*_DOC_KINDS, *_DOC_KINDS.values()]) + r")(?: so)? (\d{1,5}) "
)


def _document_variants(text: str) -> list[str]:
    m = _DOC_REF.search(text)
    if m is None:
        return []
    kind, number = m.group(1), m.group(2)
    short = next((k for k, v in _DOC_KINDS.items() if kind in (k, v)), kind)
    long = _DOC_KINDS.get(short, kind)
    forms = (f"{long} so {number}", f"{long} {number}", f"{number} {short}")
    return [f"{text[: m.start()]} {f} {text[m.end() :]}" for f in forms]


def topic_variants(topic: str) -> list[str]:
    """The topic as a folded phrase, and the same with abbreviations expanded or contracted."""
    base = f" {fold(topic)} "
    variants = [base, *_document_variants(base)]
    for short, long in SYNONYMS:
        for v in list(variants):
            if f" {short} " in v:
                variants.append(v.replace(f" {short} ", f" {long} "))
            if f" {long} " in v:
                variants.append(v.replace(f" {long} ", f" {short} "))
    return [v.strip() for v in dict.fromkeys(variants) if v.strip()]


def vague_topic(topic: str) -> bool:
    """One plain syllable ("luong", "hop") is no topic: folded, it is half a dozen words ("lương",
    "lượng", "luồng"; "họp", "hợp" of every "phối hợp"), so it would match tasks at random.
    Abbreviations ("tthc", "cds") are not syllables and stay topics."""
    words = fold(topic).split()
    return len(words) == 1 and is_syllable(words[0])


def like_pattern(phrase: str) -> str:
    """A LIKE pattern that narrows to texts holding the phrase's words in order, whatever
    stands between them ("phan anh kien nghi" also finds "phan anh, kien nghi"); whole words
    and what separates them are then checked by ``matches_topic``."""
    words = [
        w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in phrase.split()
    ]
    return "%" + "%".join(words) + "%"


# What may stand between two words of a phrase in a plan: spaces and punctuation, not words
# or numbers ("phản ánh, kiến nghị" is "phản ánh kiến nghị"; "số 131 ... hoá" is not "số hoá").
_BETWEEN = r"[^a-z0-9]+"


@lru_cache(maxsize=256)
def _topic_pattern(topic: str) -> re.Pattern[str]:
    alternatives = (
        "|".join(_BETWEEN.join(re.escape(w) for w in v.split()) for v in topic_variants(topic))
        or "(?!)"
    )
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def matches_topic(search_text: str, topic: str) -> bool:
    """Whole words in order, with only spaces or punctuation between them: "so hoa" is found in
    "so hoa ho so" and "phan anh kien nghi" in "phan anh, kien nghi", but "so hoa" not in
    "ke hoach" or "so 131 ... hoa"."""
    return _topic_pattern(topic).search(search_text) is not None


# More shorthand officers type for words plans spell out (used when ranking by words).
WORD_SYNONYMS: tuple[tuple[str, str], ...] = SYNONYMS + (
    ("xd", "xay dung"),
    ("ds", "danh sach"),
    ("qd", "quy dinh"),
    ("vb", "van ban"),
    ("qg", "quoc gia"),
    ("hs", "ho so"),
    ("bp", "bo phan"),
    ("pvhcc", "phuc vu hanh chinh cong"),
    ("hcc", "hanh chinh cong"),
    ("bc", "bao cao"),
)
# Shorthand read one way only: the typed word stands for the phrase, but the phrase in a topic
# stays its words ("kế hoạch KSTTHC" keeps "ke hoach" as two words beside "ksthc").
TYPED_SHORTHAND: tuple[tuple[str, str], ...] = (
    ("dn", "doanh nghiep"),
    ("nq", "nghi quyet"),
    ("qd", "quyet dinh"),
    ("kh", "ke hoach"),
    ("cq", "co quan"),
    ("ks", "kiem soat"),
    ("tttc", "thu tuc hanh chinh"),
)


def word_alternatives(word: str) -> list[str]:
    """One topic word and the phrases it stands for (or that stand for it)."""
    out = [word]
    for short, long in WORD_SYNONYMS + TYPED_SHORTHAND:
        if word == short:
            out.append(long)
    return out


@lru_cache(maxsize=1)
def _province_names() -> tuple[tuple[str, ...], ...]:
    """Every province's folded name (today's 34 and the former ones), as word tuples."""
    names = {short_province_name(p) for p in provinces()} | {
        n for former in FORMER_PROVINCES.values() for n in former
    }
    return tuple(
        sorted({tuple(fold(n).replace("-", " ").split()) for n in names}, key=len, reverse=True)
    )


def _without_places(words: list[str]) -> list[str]:
    """``words`` without province names ("thời tiết Quảng Ngãi" is about the weather: the
    province's name is in every plan's text and tells no topic), unless nothing else is left."""
    out: list[str] = []
    i = 0
    while i < len(words):
        name = next((n for n in _province_names() if tuple(words[i : i + len(n)]) == n), None)
        if name is None:
            out.append(words[i])
            i += 1
        else:
            i += len(name)
            if out and out[-1] in ("tinh", "tp"):
                out.pop()  # "tỉnh Quảng Ngãi"
    return out or words


def topic_words(topic: str) -> list[str]:
    """The topic's words, a spelled-out abbreviation kept as one word ("thu tuc hanh chinh");
    province names left out (see ``_without_places``)."""
    words = _without_places(fold(topic).split())
    out: list[str] = []
    i = 0
    while i < len(words):
        for short, long in WORD_SYNONYMS:
            n = len(long.split())
            if n > 1 and words[i : i + n] == long.split():
                out.append(short)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return list(dict.fromkeys(out))


def _word_present(text: str, word: str) -> bool:
    return any(matches_topic(text, alt) for alt in word_alternatives(word))


def topic_score(text: str, words: list[str]) -> float:
    """How much of a topic a task's text holds, word by word: a word beside its neighbour as in
    the topic counts fully, a word found alone half (pairs keep "quy định" from counting as
    "quy" and "định" found apart); 0 when no pair is there, or a topic of one or two words is
    not all there."""
    present = [_word_present(text, w) for w in words]
    if len(words) <= 2:
        return 1.0 if all(present) and (len(words) < 2 or _pair_present(text, *words)) else 0.0
    # adjacent[k]: words k and k+1 stand side by side in the text as in the topic.
    adjacent = [
        present[k] and present[k + 1] and _pair_present(text, words[k], words[k + 1])
        for k in range(len(words) - 1)
    ]
    if not any(adjacent):
        return 0.0  # words found only apart are no match
    # A word counts fully beside a neighbour of the topic (a compound: "tổ chức", "cá nhân"),
    # half alone: the topic's phrases in another order ("cá nhân, tổ chức") lose nothing.
    covered = [
        1.0
        if (k < len(adjacent) and adjacent[k]) or (k and adjacent[k - 1])
        else 0.5
        if present[k]
        else 0.0
        for k in range(len(words))
    ]
    return sum(covered) / len(words)


def _pair_present(text: str, a: str, b: str) -> bool:
    return any(
        matches_topic(text, f"{x} {y}") for x in word_alternatives(a) for y in word_alternatives(b)
    )


# A task is kept when it holds this much of a longer topic, and nearly as much as the best one.
TOPIC_FLOOR = 0.6
# A task holding this much of a topic's words joins the tasks holding it as a phrase
# ("đánh giá tác động TTHC" finds "đánh giá tác động của TTHC" beside the exact phrase).
STRONG = 0.85
TOPIC_MARGIN = 0.12
