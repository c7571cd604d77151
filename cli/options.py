"""Option values shared by several subcommands."""

from __future__ import annotations

import datetime as dt
import sys

from tracker.query import parse_day
from tracker.store import Store, database_error, missing_sqlite_file


def option_day(option: str, value: str | None) -> dt.date | None:
    """The date given to ``option`` (None when the option is absent); a
    ``ValueError`` naming the option for an empty or unreadable one."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ValueError(f"{option}: {exc}") from None


def open_store(db: str | None, *, must_exist: bool = True) -> Store | None:
    """The index at ``db``, or None after one line on stderr: no SQLite file yet (when
    ``must_exist``), or a database that cannot be opened."""
    missing = missing_sqlite_file(db) if must_exist else None
    if missing:
        print(f"vanban: no index at {missing}: run 'vanban ingest' first", file=sys.stderr)
        return None
    try:
        return Store(db)
    except Exception as exc:  # an unreachable or unreadable database is one line, not a traceback
        print(f"vanban: {database_error(exc, db)}", file=sys.stderr)
        return None
