"""Option values shared by several subcommands."""

from __future__ import annotations

import datetime as dt

from tracker.query import parse_day


def option_day(option: str, value: str | None) -> dt.date | None:
    """The date given to ``option`` (None when the option is absent); a
    ``ValueError`` naming the option for an empty or unreadable one."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ValueError(f"{option}: {exc}") from None
