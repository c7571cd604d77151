"""``vanban export-gold DOC``: a document as corrected in the web app, in the
gold annotation format (``tests/shared/gold/GUIDELINES.md``)."""

from __future__ import annotations

import argparse
import json
import sys

import sqlalchemy as sa

from core.errors import printable
from core.io import write_bytes_atomic
from tracker import followup
from tracker.gold_export import gold_of
from tracker.store import Store, database_error, documents, missing_sqlite_file, reference_key


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("document", metavar="DOC", help="the document: its number/symbol (799/KH-SYT), path or file stem")
    p.add_argument("--out", metavar="FILE", help="write the gold JSON to FILE (default: stdout)")
    p.add_argument("--db", metavar="URL", default=None, help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")


def run(args: argparse.Namespace) -> int:
    missing = missing_sqlite_file(args.db)
    if missing:
        print(f"vanban: no index at {missing}: run 'vanban ingest' first", file=sys.stderr)
        return 2
    try:
        store = Store(args.db)
    except Exception as exc:
        print(f"vanban: {database_error(exc, args.db)}", file=sys.stderr)
        return 2
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sa.select(documents.c.path, documents.c.doc_id, documents.c.stem,
                                          documents.c.format)).all()
        key = reference_key(args.document)
        found = [r for r in rows if r.path == args.document or r.stem == args.document
                 or (r.doc_id and reference_key(r.doc_id) == key)]
        if not found:
            print(f"vanban: no ingested document {printable(args.document)}", file=sys.stderr)
            return 1
        from tracker.store import preferred_copies, DocumentCopy

        best = preferred_copies([DocumentCopy("x", r.stem, bool(r.doc_id), r.format, r.path) for r in found])[0]
        doc = store.document_json(best.path)
        gold = gold_of(doc, followup.load(store))
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
