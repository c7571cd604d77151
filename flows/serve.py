"""``vanban serve``: the ingest and reminders flows as Prefect deployments on
schedules, served by this process (``prefect.serve``) until interrupted.

* ``vanban-ingest/every-N-min``: ingests ``--raw`` (default ``data/raw``) into
  ``--out`` and the query index every ``--interval-minutes`` (default 60);
  unchanged files cost a hash each.
* ``vanban-reminders/every-N-min``: rewrites ``--reminders-out`` (default
  ``data/reminders.ics``) from the index once a day, or every
  ``--reminders-interval-minutes``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Any

DEFAULT_INTERVAL = 60
DEFAULT_REMINDERS_INTERVAL = 24 * 60  # daily


def build_deployments(
    *,
    interval_minutes: int = DEFAULT_INTERVAL,
    raw_dir: str = "data/raw",
    out_dir: str = "data/structured",
    db_url: str | None = None,
    reminders_out: str = "data/reminders.ics",
    reminders_interval_minutes: int = DEFAULT_REMINDERS_INTERVAL,
    days_before: int = 3,
    alarm_mode: str = "valarm",
) -> list[Any]:
    """The two ``RunnerDeployment``s (nothing is started or registered)."""
    from flows.ingest import ingest_flow
    from flows.reminders import reminders_flow

    if interval_minutes <= 0 or reminders_interval_minutes <= 0:
        raise ValueError("intervals must be at least one minute")
    rem_minutes = reminders_interval_minutes
    ingest = ingest_flow.to_deployment(
        name=f"every-{interval_minutes}-min",
        interval=dt.timedelta(minutes=interval_minutes),
        parameters={"paths": [raw_dir], "out_dir": out_dir, "db_url": db_url},
        description=f"Ingest {raw_dir} into {out_dir} and the query index",
        tags=["vanban", "ingest"],
    )
    reminders = reminders_flow.to_deployment(
        name=f"every-{rem_minutes}-min",
        interval=dt.timedelta(minutes=rem_minutes),
        parameters={"out": reminders_out, "db_url": db_url, "days_before": days_before, "alarm_mode": alarm_mode},
        description=f"Export deadlines from the query index to {reminders_out}",
        tags=["vanban", "reminders"],
    )
    return [ingest, reminders]


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
