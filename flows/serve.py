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

import datetime as dt
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
