"""``vanban extract FILE``: parse one document and print its structured JSON."""

from __future__ import annotations

import argparse
import sys

from core.errors import DocumentError
from core.io import dumps_json
from pipeline.assemble import extract_file


def add_arguments(p: argparse.ArgumentParser) -> None:
    """``vanban extract FILE``."""
    p.add_argument("file", help="a .docx, .pdf, .doc, .txt or .md file")
    p.add_argument("--no-content", action="store_true", help="leave out the document model (blocks, cells)")
    p.add_argument("--compact", action="store_true", help="one-line JSON")


def run(args: argparse.Namespace) -> int:
    try:
        out = extract_file(args.file, content=not args.no_content)
    except DocumentError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(dumps_json(out, indent=None if args.compact else 2))
    return 0
