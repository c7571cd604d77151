"""``vanban show FILE``: the HTML review page of what was found in a document (a
shell over ``pipeline.review``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.errors import DocumentError
from core.io import write_text_atomic
from pipeline.review import review_file


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a .docx, .pdf, .doc, .txt or .md file")
    p.add_argument("--out", default=None, help="HTML file to write (default: <file stem>.review.html here)")
    p.add_argument("--style", choices=("span", "ent"), default="span",
                   help="span: stacked underlines, overlaps allowed (default); ent: boxes, no overlaps")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else Path(f"{Path(args.file).stem}.review.html")
    try:
        page = review_file(args.file, style=args.style)
    except DocumentError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    try:
        write_text_atomic(out, page)
    except OSError as exc:
        print(f"vanban: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}")
    return 0
