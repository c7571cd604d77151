"""``vanban ingest [PATH ...]``: the batch job, a run of ``flows.ingest.ingest_flow``."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading

from prefect.task_runners import ThreadPoolTaskRunner

from flows.ingest import (
    DEFAULT_OUT,
    DEFAULT_RAW,
    STOP,
    _check_out_dir,
    _on_sigterm,
    error_lines,
    format_summary,
    ingest_flow,
    worker_count,
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help=f"files or folders (default: {DEFAULT_RAW})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    p.add_argument("--db", default=None, help="database URL for the query index (default: VANBAN_DB_URL or data/vanban.sqlite)")
    p.add_argument("--force", action="store_true", help="re-extract files whose content has not changed")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help=f"documents processed at once (default: the number of cores, here {worker_count()})")
    p.add_argument("--follow-links", action="store_true",
                   help="also take files that links in a folder lead to outside it (default: skipped)")
    p.add_argument("--dask", metavar="ADDRESS", default=None, help="spread documents over the Dask cluster at ADDRESS")
    p.add_argument("--json", action="store_true", help="print the summary rows as JSON")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    problem = _check_out_dir(args.out)
    if problem:
        print(f"vanban: {problem}", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("vanban: --workers must be 1 or more", file=sys.stderr)
        return 2
    flow_fn = ingest_flow
    if args.dask:
        from flows.dask_runner import task_runner_for

        flow_fn = ingest_flow.with_options(task_runner=task_runner_for(args.dask, workers=args.workers))
    elif args.workers is not None:
        flow_fn = ingest_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=args.workers))
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if threading.current_thread() is threading.main_thread() else None
    try:
        rows = flow_fn(paths=args.paths or None, out_dir=args.out, db_url=args.db, force=args.force,
                       follow_links=args.follow_links)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(format_summary(rows))
    for line in error_lines(rows):
        print(line, file=sys.stderr)
    if STOP.is_set():
        print("vanban: stopped by SIGTERM; the documents finished were indexed", file=sys.stderr)
        return 128 + signal.SIGTERM
    return 1 if any(r["status"] in ("error", "degraded") for r in rows) else 0
