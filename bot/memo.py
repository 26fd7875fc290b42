"""A memo bounded in characters, not only in entries.

``functools.lru_cache(maxsize=8192)`` on cell text keeps up to 8,192 cells however long they
are: a few uploads with multi-megabyte cells grew the bot by hundreds of megabytes. Here a call
whose string arguments are long is computed and not kept, and the entries kept are evicted
(least recently used first) once their text passes a total.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# Arguments longer than this (in characters, all string arguments together) are not memoised.
MAX_KEY_CHARS = 2048
# Characters of keys and string results kept by one memo, at most.
MAX_TOTAL_CHARS = 2_000_000


def _chars(values: Any) -> int:
    return sum(len(v) for v in values if isinstance(v, str))


class _Memo:
    def __init__(self, maxsize: int, max_key_chars: int, max_total_chars: int) -> None:
        self.maxsize, self.max_key, self.max_total = maxsize, max_key_chars, max_total_chars
        self.data: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self.total = 0
        self.lock = threading.Lock()

    def get(self, key: Any) -> tuple[bool, Any]:
        with self.lock:
            hit = self.data.get(key)
            if hit is None:
                return False, None
            self.data.move_to_end(key)
            return True, hit[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        with self.lock:
            if key in self.data:
                return
            self.data[key] = (value, size)
            self.total += size
            while self.data and (len(self.data) > self.maxsize or self.total > self.max_total):
                _k, (_v, s) = self.data.popitem(last=False)
                self.total -= s

    def clear(self) -> None:
        with self.lock:
            self.data.clear()
            self.total = 0


def bounded_memo(
    maxsize: int = 4096,
    max_key_chars: int = MAX_KEY_CHARS,
    max_total_chars: int = MAX_TOTAL_CHARS,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Memoise a function of hashable positional arguments within a budget of characters.

    The wrapped function gains ``cache_clear()`` and ``cache_chars()`` (characters kept).
    """

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        memo = _Memo(maxsize, max_key_chars, max_total_chars)

        @wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key_chars = _chars(args) + _chars(kwargs.values())
            if key_chars > memo.max_key:
                return fn(*args, **kwargs)
            key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
            found, value = memo.get(key)
            if found:
                return value  # type: ignore[no-any-return]
            result = fn(*args, **kwargs)
            size = key_chars + (len(result) if isinstance(result, str) else 0) + 1
            memo.put(key, result, size)
            return result

        wrapper.cache_clear = memo.clear  # type: ignore[attr-defined]
        wrapper.cache_chars = lambda: memo.total  # type: ignore[attr-defined]
        wrapper.cache_len = lambda: len(memo.data)  # type: ignore[attr-defined]
        return wrapper

    return decorate
