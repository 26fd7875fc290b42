"""Topic search: LIKE narrowing in the database over the phrasings of ``bot.topics``, whole
words checked in process; the tasks on a topic with their rhythm (report questions)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.text import fold
from bot.topics import (
    STRONG,
    TOPIC_FLOOR,
    TOPIC_MARGIN,
    like_pattern,
    matches_topic,
    topic_score,
    topic_variants,
    topic_words,
    vague_topic,
    word_alternatives,
)
from store.models import (
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
)
from store.tasks_view.model import Scope
from store.tasks_view.sql import (
    TOPIC_TASK,
    is_sqlite,
    owned_or_ongoing,
    owned_tasks,
    scope_params,
)


def text_of(task_col):  # type: ignore[no-untyped-def]
    """A task's folded text read per row (a scalar subquery on its own alias): PostgreSQL then
    tests it only on the unit's rows instead of scanning every task's text first."""
    alias = TOPIC_TASK
    return select(alias.c.search_text).where(alias.c.id == task_col).scalar_subquery()


def topic_filter(stmt, topic: str | None, task_col=None):  # type: ignore[no-untyped-def]
    """Narrow in the database with LIKE on the folded text (one of the topic's phrasings)."""
    if not topic:
        return stmt
    text = TaskRow.search_text if task_col is None else text_of(task_col)
    options = [text.like(like_pattern(v), escape="\\") for v in topic_variants(topic)]
    return stmt.where(or_(*options)) if options else stmt


@lru_cache(maxsize=64)
def topic_candidates(scoped: bool, role: bool, ongoing_only: bool, variants: int):  # type: ignore[no-untyped-def]
    """The scope's tasks whose folded text is LIKE one of ``variants`` phrasings (bound
    parameters v0, v1 ...), with that text (whole words are checked by ``matches_topic``)."""
    if not scoped and not role:
        # Every active task: the text read from the tasks themselves in one pass.
        text = TaskRow.search_text
        every = select(TaskRow.id.label("task_id"), text).where(TaskRow.active == True)  # noqa: E712
        if ongoing_only:
            every = every.where(TaskRow.ongoing == True)  # noqa: E712
        likes = [text.like(bindparam(f"v{i}"), escape="\\") for i in range(variants)]
        return every.where(or_(*likes)) if likes else every
    unit = TaskUnitRow.__table__
    text = text_of(unit.c.task_id)
    owned = owned_or_ongoing(scoped, role, ongoing_only).add_columns(text)
    likes = [text.like(bindparam(f"v{i}"), escape="\\") for i in range(variants)]
    return owned.where(or_(*likes)) if likes else owned


async def topic_task_ids(
    session: AsyncSession, scope: Scope, topic: str, ongoing_only: bool = False
) -> list[int]:
    """The scope's active tasks on ``topic``: LIKE narrows in the database, whole words are
    checked here."""
    variants = topic_variants(topic)
    params = scope_params(scope) | {f"v{i}": like_pattern(v) for i, v in enumerate(variants)}
    stmt = topic_candidates(
        scope.unit_ids is not None, bool(scope.role), ongoing_only, len(variants)
    )
    rows = await session.execute(stmt, params)
    return sorted({t for t, text in rows.all() if matches_topic(text or "", topic)})


# Work done when asked ("việc đột xuất", "theo yêu cầu"): its time cell says so, not its text.
_ON_REQUEST_TOPIC = re.compile(
    r"^(?:(?:theo|khi co) )?(?:yeu cau|dot xuat)(?: (?:theo|khi co) yeu cau| dot xuat)*$"
)
_ON_REQUEST_CELLS = ("%đột xuất%", "%Đột xuất%", "%ĐỘT XUẤT%", "%yêu cầu%", "%Yêu cầu%")


async def on_request_task_ids(session: AsyncSession, scope: Scope, topic: str) -> list[int]:
    """The scope's tasks whose time cell says they are done when asked, when ``topic`` asks
    for such work; else none."""
    if scope.unit_ids is None or _ON_REQUEST_TOPIC.match(fold(topic).strip()) is None:
        return []
    owned = owned_tasks(True, bool(scope.role))
    cells = or_(*(TaskRow.deadline.like(p) for p in _ON_REQUEST_CELLS))
    stmt = select(TaskRow.id).where(TaskRow.id.in_(owned), cells)
    return sorted((await session.execute(stmt, scope_params(scope))).scalars())


async def report_tasks(
    session: AsyncSession, scope: Scope, start: date, end: date, topic: str
) -> list[tuple[int, str, int, date, date, date]]:
    """Tasks on a topic with occurrences in [start, end]: (task, its folded text, and over ALL the task's occurrences how many, the first and the last nominal date,
    then the first last day in [start, end]). How often a report falls due is read from all
    its occurrences: a window that holds only the last quarter of a plan's year says nothing
    about its rhythm.

    Shape: the scope's active tasks whose folded text has the topic (text tested per task of
    the scope), then per candidate a few index probes; no grouping of occurrences."""
    variants = topic_variants(topic)
    stmt = _report_statement(
        is_sqlite(session), scope.unit_ids is not None, bool(scope.role), len(variants)
    )
    params = scope_params(scope) | {"start": start, "end": end}
    params |= {f"v{i}": like_pattern(v) for i, v in enumerate(variants)}
    rows = await session.execute(stmt, params)
    return [
        (t, text or "", int(n), lo, hi, f)
        for t, text, n, lo, hi, f in rows.all()
        if f is not None and matches_topic(text or "", topic)
    ]


@lru_cache(maxsize=32)
def _report_statement(sqlite: bool, scoped: bool, role: bool, variants: int):  # type: ignore[no-untyped-def]
    """``report_tasks``' one round trip, built once per shape: the candidates (LIKE) with
    their text and per-task counts."""
    cand = topic_candidates(scoped, role, False, variants).cte("candidates")
    if not sqlite:
        cand = cand.prefix_with("MATERIALIZED")
    due = TaskDueRow.__table__

    def per_task(*cols, where=()):  # type: ignore[no-untyped-def]
        return select(*cols).where(due.c.task_id == cand.c.task_id, *where).scalar_subquery()

    in_window = (due.c.last_day >= bindparam("start"), due.c.last_day <= bindparam("end"))
    return select(
        cand.c.task_id,
        cand.c[1],
        per_task(func.count()),
        per_task(func.min(due.c.due_date)),
        per_task(func.max(due.c.due_date)),
        per_task(func.min(due.c.last_day), where=in_window),
    )


RANK_CAP = 500  # candidate texts scored by words at most


async def ranked_topic_ids(
    session: AsyncSession,
    scope: Scope,
    topic: str,
    ongoing_only: bool = False,
    *,
    by_words: bool = True,
) -> list[int]:
    """The scope's tasks on ``topic``: those holding it as a phrase, else (``by_words``) those
    whose text holds the most of its words and pairs of words (in any order, whatever stands
    between), only the best matches.

    The ranking reads every candidate's text a second time: over a whole store (a topic widened
    to every plan) it costs more than the phrase search itself, so callers widening a search
    the unit's own tasks did not answer pass ``by_words=False``."""
    if vague_topic(topic):
        return []
    ids = await topic_task_ids(session, scope, topic, ongoing_only)
    if not ongoing_only and (asked := await on_request_task_ids(session, scope, topic)):
        ids = sorted(set(ids) | set(asked))
    if not by_words or (ids and scope.unit_ids is None and not scope.role):
        # Over every plan, the tasks holding the phrase are enough: ranking every candidate's
        # words beside them costs a whole-store read.
        return ids
    words = topic_words(topic)
    if len(words) < 2 or (ids and len(words) == 2):
        return ids  # two words hold as a phrase or not at all: ranking adds nothing
    scored = await _scored_by_words(session, scope, words, ongoing_only)
    if ids:
        strong = {t for t, v in scored.items() if v >= STRONG}
        return sorted(set(ids) | strong)
    if not scored:
        return []
    best = max(scored.values())
    return sorted(t for t, v in scored.items() if v >= best - TOPIC_MARGIN)


async def _scored_by_words(
    session: AsyncSession, scope: Scope, words: list[str], ongoing_only: bool
) -> dict[int, float]:
    """The scope's tasks holding enough of ``words`` (``topic_score`` ≥ TOPIC_FLOOR), with their score."""
    # Candidates hold at least one pair of the topic's adjacent words (in that order).
    patterns = [
        like_pattern(f"{x} {y}")
        for a, b in zip(words, words[1:], strict=False)
        for x in word_alternatives(a)
        for y in word_alternatives(b)
    ]
    params = scope_params(scope) | {f"v{i}": p for i, p in enumerate(patterns)}
    stmt = topic_candidates(
        scope.unit_ids is not None, bool(scope.role), ongoing_only, len(patterns)
    )
    scored: dict[int, float] = {}
    # Bounded: a plan has 40-60 tasks, so the cap only spares a whole-store search its cost.
    for task_id, text in (await session.execute(stmt.limit(RANK_CAP), params)).all():
        score = topic_score(text or "", words)
        if score >= TOPIC_FLOOR:
            scored[task_id] = max(score, scored.get(task_id, 0.0))
    return scored
