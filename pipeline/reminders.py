"""``vanban reminders``: the ingested deadlines as reminders.

* ``.ics`` (RFC 5545, built with ``icalendar``): one all-day VEVENT per
  deadline, an RRULE for recurring obligations, a VALARM ``N`` days before.
  Each obligation keeps a stable UID (from its document's identity and "who
  does what", see ``pipeline.store``) and a SEQUENCE that goes up each time
  its content changes, so re-importing an updated calendar updates the event
  instead of duplicating it.  The DESCRIPTION names the action, the units,
  the deadline as written, the source document, where in it, and the
  directive it carries out.
* ``--alarm-mode event`` (or ``both``) adds a separate all-day event
  "Nhắc hạn: …" ``N`` days ahead, because Google Calendar drops alarms of
  imported files.  ``--todo`` writes VTODO items (with DUE) instead of events.
* ``.csv`` (UTF-8 with BOM) for spreadsheets: one row per deadline; a
  recurring obligation gives one row per occurrence in the next 12 months.

Obligations with neither a deadline date nor a readable recurrence have no
date to remind of and are left out (counted on stderr).  A recurring task whose
document gives no day is placed by ``pipeline.status.schedule_of`` (the
reporting periods of Nghị định 09/2019/NĐ-CP for a report, the end of the
period otherwise); such an entry says "(ước tính)" in its summary and why in
its description, and never falls on the day the plan was signed or on 1 January
for want of a date.  ``--from DATE`` leaves out deadlines before DATE (a
recurring series then starts at its first occurrence on or after DATE).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pipeline.cell_safety import csv_row as safe_csv_row
from pipeline.query import Row, directives, parse_day, select, units_text
from pipeline.serialize import location_text
from pipeline.status import effective_rrule, is_report, next_occurrence, schedule_of, to_date
from pipeline.store import Store, missing_sqlite_file

DEFAULT_DAYS_BEFORE = 3
ALARM_MODES = ("valarm", "event", "both")
PRODID = "-//vanban//Nhac han nhiem vu//VI"
_SUMMARY_MAX = 160
_EVENT_MODE_OCCURRENCES = 60  # explicit reminder dates of a recurring obligation (event mode)
_CSV_HORIZON_DAYS = 366


@dataclass(slots=True)
class Reminder:
    """One obligation that has a date: where its calendar entry starts."""

    row: Row
    start: dt.date  # the deadline, or the first occurrence of the recurrence
    rrule: str | None  # effective RRULE (days explicit, month ends followed) when recurring
    estimated: str | None = None  # why the date is an estimate (the document gives no day)


def reminders_from(rows: Iterable[Row], today: dt.date,
                   date_from: dt.date | None = None) -> tuple[list[Reminder], int]:
    """Reminders for the rows that have a date, one per UID (``select``
    already gives a document ingested from several files once, from its most
    original copy; a repeated UID keeps the highest SEQUENCE); and how many
    rows had no date.  ``date_from``: deadlines before it are left out, and a
    recurring series starts at its first occurrence on or after it."""
    best: dict[str, Row] = {}
    undated = 0
    scheds = {}
    for r in rows:
        ob = r.ob
        sched = schedule_of(ob.recurrence_rrule, deadline_date=ob.deadline_date, document_date=ob.document_date,
                            report=is_report(ob.action, ob.recurrence_text), today=today)
        if sched is None and to_date(ob.deadline_date) is None:
            undated += 1
            continue
        cur = best.get(ob.uid)
        if cur is None or ob.sequence > cur.ob.sequence:
            best[ob.uid] = r
            scheds[ob.uid] = sched
    out = []
    for uid, r in best.items():
        sched = scheds[uid]
        if sched is not None:
            start = sched.start
            if date_from is not None and start < date_from:
                start = next_occurrence(sched.rrule, sched.start, date_from)
                if start is None:  # the series ended before date_from
                    continue
            out.append(Reminder(r, start, effective_rrule(sched.rrule, sched.start), sched.estimated))
        else:
            start = to_date(r.ob.deadline_date)
            if date_from is not None and start < date_from:
                continue
            out.append(Reminder(r, start, None))
    out.sort(key=lambda m: (m.start, m.row.ob.document_path, m.row.ob.ordinal))
    return out, undated


def occurrences(rem: Reminder, start: dt.date, end: dt.date, limit: int = 1000) -> list[dt.date]:
    """Dates of the reminder between ``start`` and ``end`` (inclusive)."""
    if rem.rrule is None:
        return [rem.start] if start <= rem.start <= end else []
    from dateutil.rrule import rrulestr

    rule = rrulestr(rem.rrule, dtstart=dt.datetime.combine(rem.start, dt.time()), forceset=False)
    out = []
    for d in rule.xafter(dt.datetime.combine(start, dt.time()), count=limit, inc=True):
        if d.date() > end:
            break
        out.append(d.date())
    return out


# --------------------------------------------------------------------------
# Text of an entry
# --------------------------------------------------------------------------


def summary(rem: Reminder, prefix: str = "Hạn") -> str:
    ob = rem.row.ob
    unit = ob.units[0].raw or ob.units[0].name if ob.units else None
    if rem.estimated:
        prefix += " (ước tính)"
    text = f"{prefix}: {ob.action}" + (f" ({unit})" if unit else "")
    return text if len(text) <= _SUMMARY_MAX else text[: _SUMMARY_MAX - 1] + "…"


def description(rem: Reminder) -> str:
    ob = rem.row.ob
    lines = [f"Nhiệm vụ: {ob.action}"]
    if ob.units:
        lines.append(f"Đơn vị: {units_text(ob)}")
    if ob.deadline_text:
        lines.append(f"Thời hạn: {ob.deadline_text}")
    if ob.recurrence_text:
        lines.append(f"Định kỳ: {ob.recurrence_text}")
    if rem.estimated:
        lines.append(rem.estimated)
    if ob.report_to:
        lines.append(f"Báo cáo về: {ob.report_to}")
    doc = ob.document_label
    if ob.document_date:
        doc += f" ngày {dt.date.fromisoformat(ob.document_date).strftime('%d/%m/%Y')}"
    if ob.document_issuer:
        doc += f" của {ob.document_issuer}"
    if ob.document_subject:
        doc += f" — {ob.document_subject}"
    lines.append(f"Văn bản: {doc}")
    where = location_text(ob.loc)
    lines.append(f"Tệp: {ob.document_path}" + (f" ({where})" if where else ""))
    refs = directives(ob)
    if refs:
        lines.append(f"Thực hiện: {', '.join(refs)}")
    if ob.source_text and ob.source_text != ob.action:
        lines.append(f"Trích: {ob.source_text}")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# iCalendar
# --------------------------------------------------------------------------


def build_calendar(
    reminders: list[Reminder],
    *,
    days_before: int = DEFAULT_DAYS_BEFORE,
    alarm_mode: str = "valarm",
    todo: bool = False,
    name: str = "Hạn nhiệm vụ",
    now: dt.datetime | None = None,
):
    """The calendar (``icalendar.Calendar``) for these reminders."""
    from icalendar import Alarm, Calendar, Event, Todo, vRecur

    if alarm_mode not in ALARM_MODES:
        raise ValueError(f"alarm mode must be one of {', '.join(ALARM_MODES)}")
    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for rem in reminders:
        ob = rem.row.ob
        item = Todo() if todo else Event()
        item.add("uid", ob.uid)
        item.add("sequence", ob.sequence)
        item.add("dtstamp", stamp)
        item.add("summary", summary(rem))
        item.add("description", description(rem))
        item.add("dtstart", rem.start)
        if todo:
            item.add("due", rem.start)
            item.add("status", "NEEDS-ACTION")
        else:
            item.add("dtend", rem.start + dt.timedelta(days=1))
            item.add("transp", "TRANSPARENT")
        if rem.rrule:
            item.add("rrule", vRecur.from_ical(rem.rrule))
        if ob.units:
            item.add("categories", list(dict.fromkeys(u.name for u in ob.units)))
        if alarm_mode in ("valarm", "both") and days_before >= 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary(rem, "Sắp đến hạn"))
            alarm.add("trigger", dt.timedelta(days=-days_before))
            item.add_component(alarm)
        cal.add_component(item)
        if alarm_mode in ("event", "both") and days_before > 0:
            cal.add_component(_reminder_event(rem, days_before, stamp))
    return cal


def _reminder_event(rem: Reminder, days_before: int, stamp: dt.datetime):
    """The separate all-day "Nhắc hạn: …" event ``days_before`` days ahead
    (its own UID, derived from the obligation's); for a recurring obligation
    the reminder dates are listed explicitly so that month ends stay exact."""
    from icalendar import Event

    ob = rem.row.ob
    shift = dt.timedelta(days=days_before)
    ev = Event()
    ev.add("uid", "nhac-han-" + ob.uid)
    ev.add("sequence", ob.sequence)
    ev.add("dtstamp", stamp)
    ev.add("summary", summary(rem, f"Nhắc hạn ({days_before} ngày)"))
    ev.add("description", description(rem))
    ev.add("dtstart", rem.start - shift)
    ev.add("dtend", rem.start - shift + dt.timedelta(days=1))
    ev.add("transp", "TRANSPARENT")
    if rem.rrule:
        dates = occurrences(rem, rem.start, dt.date.max, limit=_EVENT_MODE_OCCURRENCES)
        if len(dates) > 1:
            ev.add("rdate", [d - shift for d in dates[1:]])
    return ev


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------

CSV_COLUMNS = ["Subject", "Start Date", "End Date", "All Day Event", "Reminder Date", "Status", "Units",
               "Action", "Deadline", "Recurrence", "Report To", "Document", "Location", "Description", "UID", "Sequence",
               "Estimated"]
CSV_DELIMITERS = {"comma": ",", "semicolon": ";"}


def to_csv(reminders: list[Reminder], *, days_before: int, today: dt.date, date_from: dt.date | None = None,
           delimiter: str = ",") -> str:
    """One row per deadline (per occurrence in the next 12 months for a
    recurring obligation, from ``date_from`` or else today).  ``delimiter``
    ";" for Excel under Vietnamese regional settings (where "," is the decimal
    mark and a comma-separated file opens as one column)."""
    from pipeline.status import status_for

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n", delimiter=delimiter)
    w.writeheader()
    first = date_from or today
    for rem in reminders:
        ob = rem.row.ob
        dates = occurrences(rem, first, first + dt.timedelta(days=_CSV_HORIZON_DAYS)) if rem.rrule else [rem.start]
        for d in dates:
            w.writerow(safe_csv_row({
                "Subject": summary(rem),
                "Start Date": d.isoformat(),
                "End Date": d.isoformat(),
                "All Day Event": "True",
                "Reminder Date": (d - dt.timedelta(days=days_before)).isoformat(),
                "Status": status_for(d, today),
                "Units": units_text(ob),
                "Action": ob.action,
                "Deadline": ob.deadline_text or "",
                "Recurrence": ob.recurrence_text or "",
                "Report To": ob.report_to or "",
                "Document": ob.document_label,
                "Location": location_text(ob.loc),
                "Description": description(rem),
                "UID": ob.uid,
                "Sequence": ob.sequence,
                "Estimated": rem.estimated or "",
            }))
    return buf.getvalue()


# --------------------------------------------------------------------------
# Export (library entry point, used by the CLI and the Prefect flow)
# --------------------------------------------------------------------------


@dataclass(slots=True)
class ExportResult:
    out: str
    reminders: int
    undated: int
    unit_not_found: bool = False
    suggestions: list[str] | None = None


def export(
    out: str | Path,
    *,
    unit: str | None = None,
    days_before: int = DEFAULT_DAYS_BEFORE,
    alarm_mode: str = "valarm",
    todo: bool = False,
    db_url: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    date_from: dt.date | None = None,
    delimiter: str = ",",
) -> ExportResult:
    """Write the reminders to ``out`` (.ics or .csv, chosen by extension);
    ``date_from``: leave out deadlines before it; ``delimiter``: of the CSV."""
    from pipeline.io import write_bytes_atomic

    ext = Path(out).suffix.lower()
    if ext not in (".ics", ".csv"):
        raise ValueError(f"--out must end in .ics or .csv, not {Path(out).name!r}")
    if days_before < 0:
        raise ValueError("--days-before must be 0 or more")
    today = today or dt.date.today()
    missing = missing_sqlite_file(db_url)
    if missing:
        raise ValueError(f"no index at {missing}: run 'vanban ingest' first (or pass --db / set VANBAN_DB_URL)")
    with Store(db_url) as store:
        result = select(store, unit=unit, today=today)
    if result.unit_not_found:
        return ExportResult(str(out), 0, 0, True, result.suggestions)
    reminders, undated = reminders_from(result.rows, today, date_from)
    if ext == ".ics":
        name = "Hạn nhiệm vụ" + (f" — {', '.join(u.name for u in result.units)}" if result.units else "")
        cal = build_calendar(reminders, days_before=days_before, alarm_mode=alarm_mode, todo=todo, name=name, now=now)
        data = cal.to_ical()
    else:
        data = ("\ufeff" + to_csv(reminders, days_before=days_before, today=today, date_from=date_from,
                                  delimiter=delimiter)).encode("utf-8")
    write_bytes_atomic(out, data)
    return ExportResult(str(out), len(reminders), undated)


# --------------------------------------------------------------------------
# CLI: vanban reminders
# --------------------------------------------------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", metavar="NAME", help="only this unit's deadlines (any name or abbreviation)")
    p.add_argument("--days-before", type=int, default=DEFAULT_DAYS_BEFORE, metavar="N",
                   help=f"remind N days before the deadline (default {DEFAULT_DAYS_BEFORE})")
    p.add_argument("--alarm-mode", choices=ALARM_MODES, default="valarm",
                   help="valarm: an alarm in each event; event: a separate 'Nhắc hạn' event N days ahead "
                        "(Google Calendar drops alarms on import); both")
    p.add_argument("--todo", action="store_true", help="write VTODO items (tasks) instead of events")
    p.add_argument("--today", metavar="DATE", help="as of DATE (default: today)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="leave out deadlines before DATE (2023-11-10 or 10/11/2023); a recurring one starts there")
    p.add_argument("--csv-delimiter", choices=sorted(CSV_DELIMITERS), default="comma",
                   help="CSV separator: comma, or semicolon for Excel with Vietnamese regional settings")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.ics (iCalendar) or FILE.csv (spreadsheet)")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")


def _option_day(option: str, value: str | None) -> dt.date | None:
    """The date given to ``option`` (None when absent); an error names the option."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ValueError(f"{option}: {exc}") from None


def run(args: argparse.Namespace) -> int:
    try:
        today = _option_day("--today", args.today)
        date_from = _option_day("--from", args.date_from)
        res = export(args.out, unit=args.unit, days_before=args.days_before, alarm_mode=args.alarm_mode,
                     todo=args.todo, db_url=args.db, today=today, date_from=date_from,
                     delimiter=CSV_DELIMITERS[getattr(args, "csv_delimiter", "comma")])
    except ValueError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the file cannot be written: one line
        print(f"vanban: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the database cannot be opened or read: one line
        from sqlalchemy import exc as sa_exc

        from pipeline.store import database_error

        if isinstance(exc, sa_exc.SQLAlchemyError):
            print(f"vanban: {database_error(exc, args.db)}", file=sys.stderr)
        else:
            first = next((ln for ln in str(exc).splitlines() if ln.strip()), "")
            print(f"vanban: cannot export reminders: {type(exc).__name__}: {first}", file=sys.stderr)
        return 2
    if res.unit_not_found:
        hint = f"; did you mean: {', '.join(res.suggestions)}?" if res.suggestions else ""
        print(f"vanban: no unit named '{args.unit}'{hint}", file=sys.stderr)
        return 1
    note = f"; {res.undated} without a deadline left out" if res.undated else ""
    print(f"{res.reminders} reminder(s) written to {res.out}{note}", file=sys.stderr)
    return 0
