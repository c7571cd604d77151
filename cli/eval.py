"""``vanban eval GOLD_DIR DOC_DIR...``: extraction scored against gold annotations
(a shell over ``pipeline.evaluate``)."""

from __future__ import annotations

import argparse
import json
import sys

from pipeline.evaluate import evaluate, format_report


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="directory of gold annotations <stem>.json")
    p.add_argument("doc_dirs", metavar="DOC_DIR", nargs="+", help="directories holding <stem>.<ext> documents")
    p.add_argument("--format", dest="formats", default=None,
                   help="comma-separated formats to score, e.g. txt,docx,pdf (default: all found)")
    p.add_argument("--json", action="store_true", help="machine-readable JSON instead of tables")
    p.add_argument("--by-size", action="store_true",
                   help="also score short documents (letters, excerpts) and full documents apart")
    p.add_argument("-v", "--verbose", action="store_true", help="also list missed and spurious items per file")


def run(args: argparse.Namespace) -> int:
    formats = [f for f in args.formats.split(",") if f.strip()] if args.formats else None
    try:
        report = evaluate(args.gold_dir, args.doc_dirs, formats)
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print(format_report(report, verbose=args.verbose, by_size=args.by_size))
    return 0
