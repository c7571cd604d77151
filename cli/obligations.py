"""``vanban obligations``: the ingested obligations by unit, date, role, status
(a shell over ``tracker.query``)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc

from core.errors import printable
from core.io import write_bytes_atomic
from cli.options import option_day
from tracker.query import (
    CSV_DELIMITERS,
    FORMATS,
    GROUPINGS,
    ROLE_LABELS,
    Row,
    counts,
    counts_csv,
    format_counts_table,
    format_table,
    grouped,
    record,
    select,
    to_csv,
    write_xlsx,
)
from tracker.status import DEFAULT_SOON_DAYS, STATUSES, parse_status
from tracker.store import Store, database_error, missing_sqlite_file
from tracker.unit_aliases import AliasFileError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", metavar="NAME", help="a unit's name or abbreviation (case and diacritics ignored)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="due on or after DATE (2023-11-10 or 10/11/2023)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="due on or before DATE")
    p.add_argument("--overdue", action="store_true", help="only obligations past their deadline")
    p.add_argument("--role", choices=sorted(ROLE_LABELS), help="only where the unit has this role")
    p.add_argument("--document", metavar="ID", help="only obligations of this document (number/symbol, path or stem)")
    p.add_argument("--status", metavar="S", help=f"only this status: {', '.join(STATUSES)} (or overdue, due_soon, upcoming, no_deadline)")
    p.add_argument("--today", metavar="DATE", help="compute statuses as of DATE (default: today)")
    p.add_argument("--soon-days", type=int, default=DEFAULT_SOON_DAYS, metavar="N",
                   help=f"'sắp đến hạn' = due within N days (default {DEFAULT_SOON_DAYS})")
    p.add_argument("--format", choices=FORMATS, default=None, help="output format (default: table, or from --out's extension)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout (required for xlsx)")
    p.add_argument("--csv-delimiter", choices=sorted(CSV_DELIMITERS), default="comma",
                   help="CSV separator: comma, or semicolon for Excel with Vietnamese regional settings")
    p.add_argument("--by", choices=GROUPINGS, help="group by unit, source document or cited directive")
    p.add_argument("--counts", action="store_true", help="counts per unit and status instead of the list")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")



def _fail(message: str) -> int:
    print(f"vanban: {message}", file=sys.stderr)
    return 2


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.out:
        ext = Path(args.out).suffix.lower().lstrip(".")
        if ext in FORMATS:
            return ext
    return "table"


def run(args: argparse.Namespace) -> int:
    try:  # an option given empty ("--from ''") is an error naming it, never ignored
        today = option_day("--today", args.today) or dt.date.today()
        date_from = option_day("--from", args.date_from)
        date_to = option_day("--to", args.date_to)
        status = parse_status(args.status) if args.status is not None else None
    except ValueError as exc:
        return _fail(str(exc))
    fmt = _output_format(args)
    if fmt == "xlsx" and not args.out:
        return _fail("--format xlsx needs --out FILE.xlsx")
    if args.soon_days < 0:
        return _fail("--soon-days must be 0 or more")
    missing = missing_sqlite_file(args.db)
    if missing:
        return _fail(f"no index at {missing}: run 'vanban ingest' first (or pass --db / set VANBAN_DB_URL)")
    try:
        store = Store(args.db)
    except Exception as exc:  # an unreachable or unreadable database is one line, not a traceback
        return _fail(database_error(exc, args.db))
    try:
        result = select(store, unit=args.unit, date_from=date_from, date_to=date_to, overdue=args.overdue,
                        role=args.role, document=args.document, status=status, today=today,
                        soon_days=args.soon_days)
    except AliasFileError as exc:
        return _fail(str(exc))
    except sa_exc.SQLAlchemyError as exc:  # the database went away, or is not vanban's: one line
        return _fail(database_error(exc, args.db))
    finally:
        store.close()
    if result.unit_not_found:
        hint = f"; did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
        print(f"vanban: no unit named '{args.unit}'{hint}", file=sys.stderr)
        return 1
    return _emit(result.rows, fmt, args)


def _delimiter(args: argparse.Namespace) -> str:
    return CSV_DELIMITERS[getattr(args, "csv_delimiter", None) or "comma"]


def _emit(rows: list[Row], fmt: str, args: argparse.Namespace) -> int:
    if fmt == "xlsx":
        try:
            write_xlsx(args.out, rows, by=args.by, soon_days=args.soon_days)
        except OSError as exc:  # one line, never a traceback
            return _fail(f"cannot write {printable(args.out)}: {exc.strerror or exc}")
        return 0
    if args.counts:
        table = counts(rows)
        text = {"table": lambda: format_counts_table(table),
                "json": lambda: json.dumps(table, ensure_ascii=False, indent=2) + "\n",
                "csv": lambda: counts_csv(table, _delimiter(args))}[fmt]()
    elif fmt == "table":
        text = format_table(rows, args.by)
    elif fmt == "json":
        if args.by:
            data: Any = {"by": args.by, "groups": [{"key": k, "obligations": [record(r) for r in g]}
                                                   for k, g in grouped(rows, args.by)]}
        else:
            data = [record(r) for r in rows]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_csv(rows, args.by, _delimiter(args))
    if args.out:
        bom = "\ufeff" if fmt == "csv" else ""
        try:
            write_bytes_atomic(args.out, (bom + text).encode("utf-8"))
        except OSError as exc:  # one line, never a traceback
            return _fail(f"cannot write {printable(args.out)}: {exc.strerror or exc}")
    else:
        sys.stdout.write(("\ufeff" if fmt == "csv" and not sys.stdout.isatty() else "") + text)
    return 0
