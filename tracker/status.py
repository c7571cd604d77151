"""Deadline status of an obligation, from its deadline (or its recurrence)
and today's date.  Pure functions, no I/O.

Buckets (the words a clerk reads):

* ``quá hạn``       — the due date is before today;
* ``sắp đến hạn``   — due today or within ``soon_days`` days (default 5);
* ``chưa đến hạn``  — due later than that;
* ``chưa có hạn``   — no deadline and no recurrence to compute one from.

A recurring obligation (RFC 5545 RRULE) is due at its next occurrence on or
after today (``schedule_of``):

* with a deadline date, the rule is anchored there (month-end anchors follow
  the month's end, "31/1, every month" → 28/2, 31/3 …, instead of skipping
  short months as RFC 5545 would);
* a rule that names its days ("ngày 25 hằng tháng", "thứ Sáu hằng tuần")
  runs on those days;
* a period without a day is never anchored on the day the plan was signed
  (a plan dated 31/3 saying "định kỳ 6 tháng" does not mean 31/3 and 30/9):
  a periodic *report* falls at the end of the reporting period of Nghị định
  09/2019/NĐ-CP, Điều 12 (data cut-off on the 14th: monthly; 14/3, 14/6, 14/9,
  14/12 quarterly; 14/6 and 14/12 for 6 months; 14/12 yearly), any other task
  at the end of the calendar period (end of month, quarter, half-year, year;
  a week ends on its last working day, Friday); these dates are *estimated*
  and ``Schedule.estimated`` says why, for the reminder to show;
* a daily task runs every day from the document date;
* a period that fits none of these (every 9 months, every 2 years) starts
  from the document date, also estimated; with no document date there is no
  date (never 1 January).
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
    estimated: str | None = None  # why the date is an estimate (the document gives none); None when written


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


def recurrence_anchor(deadline_date: str | dt.date | None, document_date: str | dt.date | None) -> dt.date | None:
    """The deadline date, else the document date, else None (never an invented 1 January)."""
    for v in (deadline_date, document_date):
        d = to_date(v)
        if d is not None:
            return d
    return None


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


@dataclass(frozen=True, slots=True)
class Schedule:
    """Where a recurring obligation's calendar series starts and how it runs."""

    start: dt.date  # the first occurrence (an iCalendar DTSTART is always one)
    rrule: str  # the rule to run from ``start`` (days made explicit)
    estimated: str | None = None  # why the dates are estimates; None when the document gives them


ND09_CUTOFF_DAY = 14  # Nghị định 09/2019/NĐ-CP, Điều 12: reporting periods close on the 14th
_PERIOD_NAMES = {1: "tháng", 3: "quý", 6: "6 tháng", 12: "năm"}
_KEEP = ("COUNT", "UNTIL", "WKST")


def _is_report(text: str | None) -> bool:
    return "bao cao" in fold(text or "")


def is_report(*texts: str | None) -> bool:
    """The task is a report ("báo cáo" in its action or recurrence)."""
    return any(_is_report(t) for t in texts)


def _first_on_or_after(rrule: str, anchor: dt.date, on_or_after: dt.date) -> dt.date | None:
    try:
        nxt = _rule(rrule, anchor).after(dt.datetime.combine(on_or_after, dt.time()), inc=True)
    except (ValueError, TypeError):
        return None
    return nxt.date() if nxt else None


def _period_months(parts: dict[str, str]) -> int | None:
    """Months in one period of a rule without days (1, 3, 6 or 12), else None."""
    freq = parts.get("FREQ", "").upper()
    try:
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return None
    if "BYMONTH" in parts:
        return None
    months = {"MONTHLY": interval, "YEARLY": 12 * interval}.get(freq)
    return months if months in _PERIOD_NAMES else None


def _dmy(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def schedule_of(rrule: str | None, *, deadline_date: str | dt.date | None, document_date: str | dt.date | None,
                report: bool, today: dt.date) -> Schedule | None:
    """The series of a recurring obligation (see module docstring), or None
    when the rule cannot be read or nothing in the document dates it."""
    if not valid_rrule(rrule):
        return None
    assert rrule is not None
    deadline, doc_date = to_date(deadline_date), to_date(document_date)
    parts = _rule_parts(rrule)
    kept = {k: v for k, v in parts.items() if k in _KEEP}
    if deadline is not None:
        start = _first_on_or_after(rrule, deadline, deadline) or deadline
        return Schedule(start, effective_rrule(rrule, start) if start == deadline else _plain(parts))
    lower = doc_date or dt.date(today.year, 1, 1)  # where the series may start; never a date itself
    if any(k in parts for k in _DAY_SELECTORS):  # the document names the days
        start = _first_on_or_after(rrule, lower, lower)
        return Schedule(start, _plain(parts)) if start else None
    freq = parts.get("FREQ", "").upper()
    months = _period_months(parts)
    if freq == "YEARLY" and "BYMONTH" in parts:  # "trong tháng 01 hằng năm": by the end of that month
        rule = _plain({**parts, "BYMONTHDAY": "-1"})
        why = "văn bản ghi tháng, không ghi ngày: lấy ngày cuối tháng"
    elif months is not None:
        name = _PERIOD_NAMES[months]
        by_month = ",".join(str(m) for m in range(months, 13, months))
        if report:
            day = str(ND09_CUTOFF_DAY)
            why = (f"văn bản không ghi ngày: kỳ báo cáo {name} theo Nghị định 09/2019/NĐ-CP (Điều 12) "
                   f"chốt số liệu ngày {ND09_CUTOFF_DAY} của tháng cuối kỳ; hạn gửi do cơ quan nhận báo cáo quy định")
        else:
            day = "-1"
            why = f"văn bản không ghi ngày: lấy ngày cuối kỳ ({name})"
        base = {"FREQ": "MONTHLY"} if months == 1 else {"FREQ": "YEARLY", "BYMONTH": by_month}
        rule = _plain({**base, "BYMONTHDAY": day, **kept})
    elif freq == "WEEKLY" and (doc_date is not None or parts.get("INTERVAL", "1") == "1"):
        rule = _plain({**parts, "BYDAY": "FR"})
        why = "văn bản không ghi thứ: lấy ngày làm việc cuối tuần (thứ Sáu)"
    elif freq == "DAILY":
        return Schedule(lower, _plain(parts))
    elif doc_date is not None:  # no period to place it in: from the document's date
        start = doc_date
        why = None if freq == "DAILY" else f"Ngày ước tính — văn bản không ghi ngày: tính từ ngày ban hành {_dmy(doc_date)}"
        return Schedule(start, effective_rrule(rrule, start), why)
    else:
        return None
    start = _first_on_or_after(rule, lower, lower)
    return Schedule(start, rule, "Ngày ước tính — " + why) if start else None


def _plain(parts: dict[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in parts.items())


def due_of(
    *,
    deadline_date: str | dt.date | None,
    rrule: str | None,
    document_date: str | dt.date | None,
    today: dt.date,
    soon_days: int = DEFAULT_SOON_DAYS,
    report: bool = False,
) -> Due:
    """Due date and status of one obligation (``report``: the task is a
    report, so a period without a day follows Nghị định 09/2019)."""
    deadline = to_date(deadline_date)
    sched = schedule_of(rrule, deadline_date=deadline, document_date=document_date, report=report, today=today)
    if sched is not None:
        nxt = next_occurrence(sched.rrule, sched.start, today)
        if nxt is None:  # the rule has ended: its last occurrence is what was due
            nxt = last_occurrence_before(sched.rrule, sched.start, today)
        if nxt is not None:
            return Due(nxt, status_for(nxt, today, soon_days), (nxt - today).days, recurring=True,
                       estimated=sched.estimated)
    return Due(deadline, status_for(deadline, today, soon_days),
               (deadline - today).days if deadline else None, recurring=False)
