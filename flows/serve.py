"""``vanban serve``: the ingest and reminders flows as Prefect deployments on
schedules, served by this process (``prefect.serve``) until interrupted.

* ``vanban-ingest/ingest data›raw every 60 min``: ingests ``--raw`` (default
  ``data/raw``) into ``--out`` and the query index every ``--interval-minutes``
  (default 60); unchanged files cost a hash each.
* ``vanban-reminders/reminders data›reminders.ics every day``: rewrites
  ``--reminders-out`` (default ``data/reminders.ics``) from the index once a
  day, or every ``--reminders-interval-minutes``.

Scheduled runs are made by a Prefect server's scheduler, which Prefect's
temporary server does not run: with ``PREFECT_API_URL`` set, or a server
answering at the local address (``vanban server``), that server is used;
otherwise ``vanban serve`` starts ``prefect server start`` on vanban's Prefect
home itself (port 4200 when free: the UI is at http://127.0.0.1:4200) and stops
it when serving stops.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import warnings
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
        name=deployment_name("ingest", raw_dir, interval_minutes),
        interval=dt.timedelta(minutes=interval_minutes),
        parameters={"paths": [raw_dir], "out_dir": out_dir, "db_url": db_url},
        description=f"Ingest {raw_dir} into {out_dir} and the query index",
        tags=["vanban", "ingest"],
    )
    reminders = reminders_flow.to_deployment(
        name=deployment_name("reminders", reminders_out, rem_minutes),
        interval=dt.timedelta(minutes=rem_minutes),
        parameters={"out": reminders_out, "db_url": db_url, "days_before": days_before, "alarm_mode": alarm_mode},
        description=f"Export deadlines from the query index to {reminders_out}",
        tags=["vanban", "reminders"],
    )
    return [ingest, reminders]


def every(minutes: int) -> str:
    """``every 15 min``, ``every 60 min``, ``every 2 h``, ``every day``, ``every 3 days``."""
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return "every day" if days == 1 else f"every {days} days"
    if minutes % 60 == 0 and minutes > 60:
        return f"every {minutes // 60} h"
    return f"every {minutes} min"


def deployment_name(what: str, target: str, minutes: int) -> str:
    """What a deployment does, as the Prefect UI lists it:
    ``ingest data›raw every 60 min``, ``reminders data›reminders.ics every day``
    (Prefect bans ``/ % & < >`` in names: a path's separators become ``›``)."""
    shown = "›".join(part for part in target.replace("\\", "/").split("/") if part) or target
    for banned in "%&<>":
        shown = shown.replace(banned, "_")
    return f"{what} {shown} {every(minutes)}"


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


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    sys.exit(128 + signum)


def run(args: argparse.Namespace) -> int:
    from flows.server import prefect_server

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if args.interval_minutes <= 0 or args.reminders_interval_minutes <= 0:
        print("vanban: intervals must be at least one minute", file=sys.stderr)
        return 2
    # SIGTERM before Prefect's runner takes it over (while the server starts): leave through the
    # ExitStack, which stops the server; Prefect's own handler exits the same way
    with contextlib.ExitStack() as stack:
        if threading.current_thread() is threading.main_thread():
            stack.callback(signal.signal, signal.SIGTERM, signal.signal(signal.SIGTERM, _exit_on_sigterm))
        if not os.environ.get("PREFECT_API_URL"):
            # no server given or running: start one (before Prefect is imported, which reads the URL once)
            print("vanban: starting a Prefect server for the schedules …", file=sys.stderr)
            try:
                url = stack.enter_context(prefect_server())
            except RuntimeError as exc:
                print(f"vanban: cannot start a Prefect server: {exc}", file=sys.stderr)
                return 1
            os.environ["PREFECT_API_URL"] = url
        ui = os.environ["PREFECT_API_URL"].removesuffix("/").removesuffix("/api")
        deployments = build_deployments(
            interval_minutes=args.interval_minutes, raw_dir=args.raw, out_dir=args.out, db_url=args.db,
            reminders_out=args.reminders_out, reminders_interval_minutes=args.reminders_interval_minutes,
            days_before=args.days_before,
        )
        from prefect import serve

        # Prefect 3.8.8's runner answers SIGTERM (systemd stopping the service) by calling its async
        # stop() without awaiting it, then exiting: the exit is what stops it, the warning is noise
        warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited",
                                category=RuntimeWarning)
        print(f"vanban: serving {'; '.join(f'{d.flow_name}/{d.name}' for d in deployments)} "
              f"(runs and their summaries: {ui}); Ctrl-C stops", file=sys.stderr)
        serve(*deployments, print_starting_message=False)
    return 0
