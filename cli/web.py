"""``vanban web``: the tracker web app on localhost, over the same store as
the CLI (SQLite ``data/vanban.sqlite`` by default, PostgreSQL through
``VANBAN_DB_URL``)."""

from __future__ import annotations

import argparse
import os
import sys

from tracker.store import database_error


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")
    p.add_argument("--structured", metavar="DIR", default="data/structured",
                   help="the JSON outputs of vanban ingest (source paragraphs shown to reviewers)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes (default 1; more serve more users at once on a machine with more cores)")
    p.add_argument("--https", action="store_true",
                   help="mark session cookies Secure (when a reverse proxy serves the app over https)")


def run(args: argparse.Namespace) -> int:
    if args.workers < 1:
        print("vanban: --workers must be 1 or more", file=sys.stderr)
        return 2
    import uvicorn

    from tracker.web.app import create_app

    try:
        app = create_app(args.db, structured_dir=args.structured, secure_cookies=True if args.https else None)
    except Exception as exc:  # an unreachable or unreadable database is one line
        print(f"vanban: {database_error(exc, args.db)}", file=sys.stderr)
        return 2
    print(f"vanban web: http://{args.host}:{args.port}/  (Ctrl-C để dừng)", file=sys.stderr)
    if args.workers > 1:  # each worker process builds the app itself, from the environment
        app.state.store.close()
        if args.db:
            os.environ["VANBAN_DB_URL"] = args.db
        os.environ["VANBAN_WEB_STRUCTURED"] = args.structured
        if args.https:
            os.environ["VANBAN_WEB_HTTPS"] = "1"
        uvicorn.run("tracker.web.app:app_from_env", factory=True, workers=args.workers, host=args.host,
                    port=args.port, log_level="warning", proxy_headers=args.https)
        return 0
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=args.https)
    return 0
