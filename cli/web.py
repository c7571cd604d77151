"""``vanban web``: the tracker web app on localhost, over the same store as
the CLI (SQLite ``data/vanban.sqlite`` by default, PostgreSQL through
``VANBAN_DB_URL``)."""

from __future__ import annotations

import argparse
import sys

from tracker.store import database_error


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")
    p.add_argument("--structured", metavar="DIR", default="data/structured",
                   help="the JSON outputs of vanban ingest (source paragraphs shown to reviewers)")
    p.add_argument("--https", action="store_true",
                   help="mark session cookies Secure (when a reverse proxy serves the app over https)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from tracker.web.app import create_app

    try:
        app = create_app(args.db, structured_dir=args.structured, secure_cookies=True if args.https else None)
    except Exception as exc:  # an unreachable or unreadable database is one line
        print(f"vanban: {database_error(exc, args.db)}", file=sys.stderr)
        return 2
    print(f"vanban web: http://{args.host}:{args.port}/  (Ctrl-C để dừng)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=args.https)
    return 0
