"""A memo bounded in characters, not only in entries.

``functools.lru_cache(maxsize=8192)`` on cell text keeps up to 8,192 cells however long they
are: a few uploads with multi-megabyte cells grew the bot by hundreds of megabytes. Here a call
whose string arguments are long is computed and not kept; the calls kept are short, so a memo
holds at most ``maxsize * max_key_chars`` characters of arguments (and results of about that
size). The memo itself is ``functools.lru_cache``: the hot path stays in C.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# Arguments longer than this (in characters, all string arguments together) are not memoised.
MAX_KEY_CHARS = 1024


def bounded_memo(maxsize: int = 4096, max_key_chars: int = MAX_KEY_CHARS) -> Callable[[F], F]:
    """Memoise a function of hashable positional arguments; long string arguments bypass it.

    The wrapped function keeps ``cache_clear()`` and ``cache_info()`` and gains
    ``max_chars`` (the characters of arguments the memo may hold).
    """

    def decorate(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def wrapper(*args: Any) -> Any:
            size = 0
            for a in args:
                if a.__class__ is str:
                    size += len(a)
            return cached(*args) if size <= max_key_chars else fn(*args)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        wrapper.max_chars = maxsize * max_key_chars  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
