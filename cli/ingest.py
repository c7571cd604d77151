"""``vanban ingest [PATH ...]``: the batch job, a run of ``flows.ingest.ingest_flow``."""

from __future__ import annotations

import argparse
import json
import os
import sys

from flows.ingest import DEFAULT_OUT, DEFAULT_RAW, format_summary, ingest_flow


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help=f"files or folders (default: {DEFAULT_RAW})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    p.add_argument("--db", default=None, help="database URL for the query index (default: VANBAN_DB_URL or data/vanban.sqlite)")
    p.add_argument("--force", action="store_true", help="re-extract files whose content has not changed")
    p.add_argument("--dask", metavar="ADDRESS", default=None, help="spread documents over the Dask cluster at ADDRESS")
    p.add_argument("--json", action="store_true", help="print the summary rows as JSON")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    flow_fn = ingest_flow
    if args.dask:
        from flows.dask_runner import task_runner_for

        flow_fn = ingest_flow.with_options(task_runner=task_runner_for(args.dask))
    rows = flow_fn(paths=args.paths or None, out_dir=args.out, db_url=args.db, force=args.force)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(format_summary(rows))
    for r in rows:
        if r["status"] == "error":
            print(f"vanban: cannot read {r['file']}: {r['error']}", file=sys.stderr)
    return 1 if any(r["status"] == "error" for r in rows) else 0
