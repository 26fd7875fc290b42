"""What was read → a Schedule: its kind, flags and Vietnamese explanation."""

from __future__ import annotations

from bot.deadlines.phrases import (
    clean,
)
from bot.deadlines.rhythms import (
    _Found,
    _Item,
    drop_months,
    override_defaults,
)
from bot.deadlines.schedule import LAST, Rule, Schedule, make_rule, make_schedule
from bot.deadlines.words import (
    _sp,
)
from bot.text import fold, squash


def _kind(f: _Found) -> str:
    if f.items:
        first = f.items[0].tag
        if len(f.items) == 1:
            return first
        for i in f.items:
            if i.tag != first:
                return "multi"
        return "multi" if first == "once" else first
    if f.relative:
        return "relative"
    if f.ongoing:
        return "continuous"
    if f.year_scope:
        return "window"
    if f.elsewhere or f.on_request:
        return "elsewhere"
    return "unknown"


def _finish(text: str, f: _Found, year: int | None, cleaned: str | None = None) -> Schedule:
    """Turn what was read into a Schedule with its kind, flags and Vietnamese explanation.

    `cleaned` is clean(text) when the caller has it already.
    """
    if f.year_scope and not f.items and not f.ongoing:
        y = f.year_scope_year if f.year_scope_year is not None else year
        f.items.append(_Item("window", (make_rule(y, (12,), LAST),), f"trong năm{_sp(y)}", False))
    items = f.items
    if f.except_months:
        items = f.items = drop_months(items, f.except_months)
    if len(items) > 1:
        items = f.items = _drop_covered(override_defaults(items))
    rules: tuple[Rule, ...]
    if len(items) == 1:  # the common case: one reading
        kind, rules, parts = items[0].tag, items[0].rules, [items[0].explain]
    elif not items:
        kind, rules, parts = _kind(f), (), []
    else:
        kind = _kind(f)
        rules = tuple([r for i in items for r in i.rules])
        parts = _dedupe([i.explain for i in items])
    if cleaned is None:
        cleaned = clean(text)
    if f.ongoing:
        parts.insert(
            0, "thường xuyên" + (f" trong năm {f.year_scope_year}" if f.year_scope_year else "")
        )
    if f.relative:
        parts.append(f.relative)
    if kind == "elsewhere" and f.elsewhere:
        parts.append(f"theo văn bản hoặc kế hoạch khác: “{_cut(cleaned)}”")
    if f.on_request:
        if parts:
            parts.append("đột xuất khi có yêu cầu")
        elif len(cleaned) > 24:  # say whose request: "Theo yêu cầu của Chính phủ"
            parts.append(f"khi có yêu cầu: “{_cut(cleaned)}”")
        else:
            parts.append("khi có yêu cầu (đột xuất)")
    if kind == "unknown":
        parts = [f"chưa đọc được thời hạn: “{_cut(cleaned)}”"]
    before = False
    for r in rules:
        if r.before:
            before = True
            break
    return make_schedule(
        text,
        kind,
        before,
        f.ambiguous,
        kind == "unknown",
        f.ongoing,
        f.on_request,
        "; ".join(parts),
        rules,
        f.relative,
    )


def _drop_covered(items: list[_Item]) -> list[_Item]:
    """A window already given by a recurring rule ("hằng quý và năm": 31/12) adds nothing."""
    if len(items) < 2:
        return items
    recurring = [r for i in items if i.tag == "recurring" for r in i.rules]
    if not recurring:
        return items
    out = []
    for item in items:
        covered = (
            item.tag in ("window", "once")
            and all(len(r.months) == 1 for r in item.rules)
            and all(
                any(
                    q.year == r.year
                    and r.months[0] in q.months
                    and q.day == r.day
                    and q.before == r.before
                    for q in recurring
                )
                for r in item.rules
            )
        )
        if not covered:
            out.append(item)
    return out


def _dedupe(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def _short(text: str, limit: int = 120) -> str:
    return _cut(clean(text), limit)


def _cut(cleaned: str, limit: int = 120) -> str:
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _relative_text(clause: str) -> str:
    return clean(clause).rstrip(" .;,")


def _search_form(cleaned: str, aligned: str) -> str:
    """fold(cleaned), from its aligned fold when that is plain ASCII (the same string, cheaply).

    On an NFC text every character whose aligned fold is ASCII folds to that same character
    under bot.text.fold, except "İ" (kept upper-case by fold_aligned): then fold is called.
    """
    if aligned.isascii() and "I" not in aligned:
        return squash(aligned)
    return fold(cleaned)
