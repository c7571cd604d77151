"""``vanban units``: the units of the index with their aliases (a shell over
``tracker.unit_aliases``)."""

from __future__ import annotations

import argparse
import json
import sys

from tracker.store import Store, database_error, missing_sqlite_file
from tracker.unit_aliases import DEFAULT_ALIASES, ENV_ALIASES, AliasFileError, format_units, load_aliases, unit_entries


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--aliases", metavar="FILE",
                   help=f"the alias file (default: {ENV_ALIASES} or {DEFAULT_ALIASES}): lines 'name = alias; alias'")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")


def run(args: argparse.Namespace) -> int:
    try:
        groups = load_aliases(args.aliases)
    except AliasFileError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    missing = missing_sqlite_file(args.db)
    if missing:
        print(f"vanban: no index at {missing}: run 'vanban ingest' first (or pass --db / set VANBAN_DB_URL)",
              file=sys.stderr)
        return 2
    try:
        with Store(args.db) as store:
            units = store.units()
            obligations = store.obligations()  # one copy per document
    except Exception as exc:  # an unreachable or unreadable database is one line, not a traceback
        print(f"vanban: {database_error(exc, args.db)}", file=sys.stderr)
        return 2
    counts: dict[int, int] = {}
    for ob in obligations:
        for unit_id in {link.unit_id for link in ob.units}:
            counts[unit_id] = counts.get(unit_id, 0) + 1
    entries = unit_entries(units, groups, counts)
    if args.format == "json":
        sys.stdout.write(json.dumps([{"name": e.name, "aliases": e.aliases, "units": e.names,
                                      "obligations": e.n_obligations, "merged_by_file": e.merged_by_file,
                                      "includes": e.includes}
                                     for e in entries], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_units(entries))
    return 0
