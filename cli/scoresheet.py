"""``vanban scoresheet``: a criteria table as a self-assessment workbook, or the
totals and gaps of a filled one (a shell over ``tracker.scoresheet``)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from core.errors import DocumentError
from core.model import Criterion
from tracker.scoresheet import _fmt, criteria_of_file, read_scoresheet, report_text, write_scoresheet


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="a document (.docx, .pdf, .doc, .txt, .md) or its vanban JSON")
    p.add_argument("--out", help="the workbook to write (.xlsx)")
    p.add_argument("--read", metavar="SHEET", help="read a filled score sheet: totals and gaps")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output of --read")


def run(args: argparse.Namespace) -> int:
    try:
        if args.read:
            rep = read_scoresheet(args.read)
            if args.format == "json":
                sys.stdout.write(json.dumps(asdict(rep), ensure_ascii=False, indent=2) + "\n")
            else:
                sys.stdout.write(report_text(rep))
            return 0
        if not args.file or not args.out:
            print("vanban: scoresheet needs FILE --out SHEET.xlsx, or --read SHEET.xlsx", file=sys.stderr)
            return 2
        if not args.out.lower().endswith(".xlsx"):
            print(f"vanban: {args.out}: the score sheet must be an .xlsx file", file=sys.stderr)
            return 2
        criteria, total, name = criteria_of_file(args.file)
        if not criteria:
            print(f"vanban: {args.file}: no criteria table found", file=sys.stderr)
            return 2
        out = write_scoresheet(criteria, args.out, source=name, total=total)
        n = sum(1 for _ in _iter(criteria))
        print(f"{out}: {n} criteria, maximum {_fmt(total)} points")
        return 0
    except DocumentError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"vanban: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2


def _iter(criteria: list[Criterion]):
    for c in criteria:
        yield c
        yield from _iter(c.children)
