"""``vanban reminders``: deadlines as reminders, iCalendar or CSV (a shell over
``tracker.reminders``)."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import exc as sa_exc

from cli.options import option_day
from tracker.reminders import ALARM_MODES, CSV_DELIMITERS, DEFAULT_DAYS_BEFORE, export
from tracker.store import database_error


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



def run(args: argparse.Namespace) -> int:
    try:
        today = option_day("--today", args.today)
        date_from = option_day("--from", args.date_from)
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
