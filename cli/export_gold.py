"""``vanban export-gold DOC``: a document as corrected in the web app, in the
gold annotation format (``tests/shared/gold/GUIDELINES.md``)."""

from __future__ import annotations

import argparse
import json
import sys

from cli.options import open_store
from core.errors import printable
from core.io import write_bytes_atomic
from tracker import followup
from tracker.gold_export import gold_of


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("document", metavar="DOC", help="the document: its number/symbol (799/KH-SYT), path or file stem")
    p.add_argument("--out", metavar="FILE", help="write the gold JSON to FILE (default: stdout)")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if store is None:
        return 2
    try:
        path = store.find_document(args.document)
        if path is None:
            print(f"vanban: no ingested document {printable(args.document)}", file=sys.stderr)
            return 1
        gold = gold_of(store.document_json(path), followup.load(store))
    finally:
        store.close()
    text = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
    if args.out:
        try:
            write_bytes_atomic(args.out, text.encode("utf-8"))
        except OSError as exc:
            print(f"vanban: cannot write {printable(args.out)}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 0
