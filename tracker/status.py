"""Deadline status of an obligation, from its deadline (or its recurrence)
and today's date.  Pure functions, no I/O.

Buckets (the words a clerk reads):

* ``quá hạn``       — the due date is before today;
* ``sắp đến hạn``   — due today or within ``soon_days`` days (default 5);
* ``chưa đến hạn``  — due later than that;
* ``chưa có hạn``   — no deadline and no recurrence to compute one from.

A recurring obligation (RFC 5545 RRULE) is due at its next occurrence on or
after today; the rule is anchored at the deadline date when there is one,
else at the document date, else on 1 January of the document's year (or of
today's year).  Month-end anchors follow the month's end ("31/3, every
6 months" → 30/9, 31/3, …) instead of skipping short months as RFC 5545
would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.textutil import fold

OVERDUE = "quá hạn"
DUE_SOON = "sắp đến hạn"
NOT_DUE = "chưa đến hạn"
NO_DEADLINE = "chưa có hạn"
STATUSES = (OVERDUE, DUE_SOON, NOT_DUE, NO_DEADLINE)
STATUS_CODES = {"overdue": OVERDUE, "due_soon": DUE_SOON, "upcoming": NOT_DUE, "no_deadline": NO_DEADLINE}
DEFAULT_SOON_DAYS = 5
_MONTH_END_FREQS = ("MONTHLY", "YEARLY")
_DAY_SELECTORS = ("BYMONTHDAY", "BYDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")


@dataclass(frozen=True, slots=True)
class Due:
    """When an obligation is due and what that means today."""

    date: dt.date | None  # the deadline, or the next occurrence of a recurring one
    status: str
    days_left: int | None  # negative when overdue
    recurring: bool = False


def parse_status(text: str) -> str:
    """A status as a user may type it: the Vietnamese words in any case, with
    or without diacritics ("qua han"), or a code (``overdue``, ``due_soon``,
    ``upcoming``, ``no_deadline``).  Raises ``ValueError``."""
    key = fold(text).replace("-", "_").replace(" ", "_")
    if key in STATUS_CODES:
        return STATUS_CODES[key]
    for s in STATUSES:
        if fold(s).replace(" ", "_") == key:
            return s
    raise ValueError(f"unknown status {text!r} (one of: {', '.join(STATUSES)}; or {', '.join(STATUS_CODES)})")


def status_for(due: dt.date | None, today: dt.date, soon_days: int = DEFAULT_SOON_DAYS) -> str:
    if due is None:
        return NO_DEADLINE
    if due < today:
        return OVERDUE
    if (due - today).days <= soon_days:
        return DUE_SOON
    return NOT_DUE


def to_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def recurrence_anchor(deadline_date: str | dt.date | None, document_date: str | dt.date | None,
                      today: dt.date, document_year: int | None = None) -> dt.date:
    """Where a recurring obligation's rule starts (see module docstring)."""
    for v in (deadline_date, document_date):
        d = to_date(v)
        if d is not None:
            return d
    return dt.date(document_year or today.year, 1, 1)


def _rule_parts(rrule: str) -> dict[str, str]:
    text = rrule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts: dict[str, str] = {}
    for item in text.split(";"):
        if "=" in item:
            k, v = item.split("=", 1)
            parts[k.strip().upper()] = v.strip()
    return parts


def effective_rrule(rrule: str, anchor: dt.date) -> str:
    """The RRULE to use from ``anchor``: unchanged, except that a monthly or
    yearly rule anchored after the 28th gets a BYMONTHDAY that follows short
    months (last day of the month, or the anchor's day when the month has it)."""
    parts = _rule_parts(rrule)
    if (parts.get("FREQ", "").upper() not in _MONTH_END_FREQS or anchor.day <= 28
            or any(k in parts for k in _DAY_SELECTORS)):
        return ";".join(f"{k}={v}" for k, v in parts.items())
    next_month = (anchor.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    if anchor == next_month - dt.timedelta(days=1):
        parts["BYMONTHDAY"] = "-1"
    else:
        parts["BYMONTHDAY"] = f"{anchor.day},-1"
        parts["BYSETPOS"] = "1"
    if parts["FREQ"].upper() == "YEARLY" and "BYMONTH" not in parts:
        parts["BYMONTH"] = str(anchor.month)
    return ";".join(f"{k}={v}" for k, v in parts.items())


def _rule(rrule: str, anchor: dt.date):
    from dateutil.rrule import rrulestr

    start = dt.datetime.combine(anchor, dt.time())
    return rrulestr(effective_rrule(rrule, anchor), dtstart=start, forceset=False)


def next_occurrence(rrule: str, anchor: dt.date, on_or_after: dt.date) -> dt.date | None:
    """First occurrence of the rule (from ``anchor``) on or after the given
    day; None when the rule has ended (COUNT/UNTIL) or cannot be read."""
    try:
        nxt = _rule(rrule, anchor).after(dt.datetime.combine(on_or_after, dt.time()), inc=True)
    except (ValueError, TypeError):
        return None
    return nxt.date() if nxt else None


def last_occurrence_before(rrule: str, anchor: dt.date, before: dt.date) -> dt.date | None:
    try:
        prev = _rule(rrule, anchor).before(dt.datetime.combine(before, dt.time()), inc=False)
    except (ValueError, TypeError):
        return None
    return prev.date() if prev else None


def valid_rrule(rrule: str | None) -> bool:
    if not rrule:
        return False
    try:
        _rule(rrule, dt.date(2000, 1, 1))
    except (ValueError, TypeError):
        return False
    return True


def due_of(
    *,
    deadline_date: str | dt.date | None,
    rrule: str | None,
    document_date: str | dt.date | None,
    today: dt.date,
    soon_days: int = DEFAULT_SOON_DAYS,
) -> Due:
    """Due date and status of one obligation."""
    deadline = to_date(deadline_date)
    if rrule and valid_rrule(rrule):
        anchor = recurrence_anchor(deadline, document_date, today)
        nxt = next_occurrence(rrule, anchor, today)
        if nxt is None:  # the rule has ended: its last occurrence is what was due
            nxt = last_occurrence_before(rrule, anchor, today)
        if nxt is not None:
            return Due(nxt, status_for(nxt, today, soon_days), (nxt - today).days, recurring=True)
    return Due(deadline, status_for(deadline, today, soon_days),
               (deadline - today).days if deadline else None, recurring=False)
