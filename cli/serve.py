"""``vanban serve``: the ingest and reminders flows as scheduled Prefect
deployments (``flows.serve.build_deployments``), served until interrupted."""

from __future__ import annotations

import argparse
import os
import sys

from flows.serve import DEFAULT_INTERVAL, DEFAULT_REMINDERS_INTERVAL, build_deployments


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--interval-minutes", type=int, default=DEFAULT_INTERVAL, metavar="N",
                   help=f"run the ingest (and reminders) every N minutes (default {DEFAULT_INTERVAL})")
    p.add_argument("--raw", default="data/raw", metavar="DIR", help="folder to ingest (default data/raw)")
    p.add_argument("--out", default="data/structured", metavar="DIR", help="JSON output folder (default data/structured)")
    p.add_argument("--db", default=None, metavar="URL", help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")
    p.add_argument("--reminders-out", default="data/reminders.ics", metavar="FILE", help="reminders file (.ics or .csv)")
    p.add_argument("--reminders-interval-minutes", type=int, default=DEFAULT_REMINDERS_INTERVAL, metavar="N",
                   help=f"export reminders every N minutes (default: {DEFAULT_REMINDERS_INTERVAL}, daily)")
    p.add_argument("--days-before", type=int, default=3, metavar="N", help="reminder N days before each deadline")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    try:
        deployments = build_deployments(
            interval_minutes=args.interval_minutes, raw_dir=args.raw, out_dir=args.out, db_url=args.db,
            reminders_out=args.reminders_out, reminders_interval_minutes=args.reminders_interval_minutes,
            days_before=args.days_before,
        )
    except ValueError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    from prefect import serve

    serve(*deployments)
    return 0
