"""The ``regex`` module with a compiled-pattern cache of its own.

Library modules import it as ``from core import regex_cached as regex`` and
call ``regex.match(PATTERN, text, flags, timeout=...)`` as they would the
module itself.  Every name of ``regex`` is here unchanged (``compile``,
``escape``, the flags, ``Pattern``, ``Match`` …); only the module-level pattern
calls (``match``, ``search``, ``fullmatch``, ``sub``, ``subn``, ``split``,
``splititer``, ``findall``, ``finditer``) differ, in one way: a pattern given as
a string is compiled once and kept.

Why: ``regex``'s own cache holds 500 patterns and the extractors compile about
as many at import, so the string patterns called per sentence were dropped and
compiled again and again; and each of its lookups costs several microseconds
(it re-imports its default version and combines enum flags on every call).
Measured with ``bench/ab_trees.py``: see the README's speed row.

Calls with named lists (``**kwargs``) or an already compiled pattern go to
``regex`` itself, as does anything else this module does not name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

import regex as _regex
from regex import *  # noqa: F401,F403  (every public name of regex, unchanged)
from regex import Match, Pattern  # noqa: F401  (not all type checkers follow the star)

_CACHE_SIZE = 4096  # distinct (pattern, flags) pairs; the library uses under 1,000


@lru_cache(maxsize=_CACHE_SIZE)
def _compiled(pattern: str | bytes, flags: int) -> Pattern:
    return _regex.compile(pattern, flags)


def _cacheable(pattern: Any, kwargs: dict[str, Any], ignore_unused: bool) -> bool:
    return isinstance(pattern, (str, bytes)) and not kwargs and not ignore_unused


def match(pattern: Any, string: Any, flags: int = 0, pos: int | None = None, endpos: int | None = None,
          partial: bool = False, concurrent: bool | None = None, timeout: float | None = None,
          ignore_unused: bool = False, **kwargs: Any) -> Match | None:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.match(pattern, string, flags, pos, endpos, partial, concurrent, timeout, ignore_unused, **kwargs)
    return _compiled(pattern, int(flags)).match(string, pos, endpos, concurrent, partial, timeout)


def fullmatch(pattern: Any, string: Any, flags: int = 0, pos: int | None = None, endpos: int | None = None,
              partial: bool = False, concurrent: bool | None = None, timeout: float | None = None,
              ignore_unused: bool = False, **kwargs: Any) -> Match | None:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.fullmatch(pattern, string, flags, pos, endpos, partial, concurrent, timeout, ignore_unused,
                                **kwargs)
    return _compiled(pattern, int(flags)).fullmatch(string, pos, endpos, concurrent, partial, timeout)


def search(pattern: Any, string: Any, flags: int = 0, pos: int | None = None, endpos: int | None = None,
           partial: bool = False, concurrent: bool | None = None, timeout: float | None = None,
           ignore_unused: bool = False, **kwargs: Any) -> Match | None:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.search(pattern, string, flags, pos, endpos, partial, concurrent, timeout, ignore_unused,
                             **kwargs)
    return _compiled(pattern, int(flags)).search(string, pos, endpos, concurrent, partial, timeout)


def sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0, pos: int | None = None,
        endpos: int | None = None, concurrent: bool | None = None, timeout: float | None = None,
        ignore_unused: bool = False, **kwargs: Any) -> Any:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.sub(pattern, repl, string, count, flags, pos, endpos, concurrent, timeout, ignore_unused,
                          **kwargs)
    return _compiled(pattern, int(flags)).sub(repl, string, count, pos, endpos, concurrent, timeout)


def subn(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0, pos: int | None = None,
         endpos: int | None = None, concurrent: bool | None = None, timeout: float | None = None,
         ignore_unused: bool = False, **kwargs: Any) -> tuple[Any, int]:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.subn(pattern, repl, string, count, flags, pos, endpos, concurrent, timeout, ignore_unused,
                           **kwargs)
    return _compiled(pattern, int(flags)).subn(repl, string, count, pos, endpos, concurrent, timeout)


def split(pattern: Any, string: Any, maxsplit: int = 0, flags: int = 0, concurrent: bool | None = None,
          timeout: float | None = None, ignore_unused: bool = False, **kwargs: Any) -> list[Any]:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.split(pattern, string, maxsplit, flags, concurrent, timeout, ignore_unused, **kwargs)
    return _compiled(pattern, int(flags)).split(string, maxsplit, concurrent, timeout)


def splititer(pattern: Any, string: Any, maxsplit: int = 0, flags: int = 0, concurrent: bool | None = None,
              timeout: float | None = None, ignore_unused: bool = False, **kwargs: Any) -> Iterator[Any]:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.splititer(pattern, string, maxsplit, flags, concurrent, timeout, ignore_unused, **kwargs)
    return _compiled(pattern, int(flags)).splititer(string, maxsplit, concurrent, timeout)


def findall(pattern: Any, string: Any, flags: int = 0, pos: int | None = None, endpos: int | None = None,
            overlapped: bool = False, concurrent: bool | None = None, timeout: float | None = None,
            ignore_unused: bool = False, **kwargs: Any) -> list[Any]:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.findall(pattern, string, flags, pos, endpos, overlapped, concurrent, timeout, ignore_unused,
                              **kwargs)
    return _compiled(pattern, int(flags)).findall(string, pos, endpos, overlapped, concurrent, timeout)


def finditer(pattern: Any, string: Any, flags: int = 0, pos: int | None = None, endpos: int | None = None,
             overlapped: bool = False, partial: bool = False, concurrent: bool | None = None,
             timeout: float | None = None, ignore_unused: bool = False, **kwargs: Any) -> Iterator[Match]:
    if not _cacheable(pattern, kwargs, ignore_unused):
        return _regex.finditer(pattern, string, flags, pos, endpos, overlapped, partial, concurrent, timeout,
                               ignore_unused, **kwargs)
    return _compiled(pattern, int(flags)).finditer(string, pos, endpos, overlapped, concurrent, partial, timeout)
