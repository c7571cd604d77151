"""``vanban references [ID]``: who cites ID, or the most cited references (a
shell over ``tracker.citations``)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from core.serialize import location_text
from tracker.citations import DEFAULT_DIR, build_graph, citing, load_outputs, most_cited


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("ref_id", metavar="ID", nargs="?", help="a document number, e.g. 33/CT-TTg (omit: most cited)")
    p.add_argument("--dir", default=str(DEFAULT_DIR), help="directory of extracted JSON (default: data/structured)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--limit", type=int, default=20, help="how many references to list without ID (default 20)")


def run(args: argparse.Namespace) -> int:
    try:
        graph = build_graph(load_outputs(args.dir))
    except FileNotFoundError as exc:
        print(f"vanban: {exc}", file=sys.stderr)
        return 2
    out = sys.stdout
    if args.ref_id:
        node = citing(graph, args.ref_id)
        rows = []
        if node is not None:
            for c in node.citations:
                for m in c.mentions or [{}]:
                    rows.append({"cited": node.id, "document": c.document, "path": c.path, "relation": c.relation,
                                 "mention": m.get("text"), "loc": m.get("loc"), "copies": c.copies})
        if args.format == "json":
            payload = {"id": node.id if node else args.ref_id, "found": node is not None,
                       "type": node.type if node else None, "date": node.date if node else None,
                       "issuer": node.issuer if node else None, "citing_documents": node.citing_count if node else 0,
                       "citations": rows}
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "csv":
            _csv(out, rows, ("cited", "document", "path", "relation", "mention", "loc"))
        else:
            if node is None:
                print(f"no ingested document cites {args.ref_id}", file=out)
                return 0
            head = f"{node.id}"
            extra = ", ".join(x for x in (node.type, node.date, node.issuer) if x)
            print(f"{head} ({extra}) — cited by {node.citing_count} document(s)" if extra
                  else f"{head} — cited by {node.citing_count} document(s)", file=out)
            for r in rows:
                print(f"  {r['document']:<22} {r['relation']:<10} {location_text(r['loc']):<22} {_one_line(r['mention'] or '')}",
                      file=out)
        return 0
    ranked = most_cited(graph, args.limit)
    rows = [{"id": n.id, "citing_documents": n.citing_count, "mentions": sum(len(c.mentions) for c in n.citations),
             "type": n.type, "date": n.date, "issuer": n.issuer} for n in ranked]
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        _csv(out, rows, ("id", "citing_documents", "mentions", "type", "date", "issuer"))
    else:
        if not rows:
            print("no references in the ingested documents", file=out)
            return 0
        print(f"{'reference':<26} {'docs':>4} {'mentions':>8}  {'date':<10}  issuer", file=out)
        for r in rows:
            print(f"{r['id']:<26} {r['citing_documents']:>4} {r['mentions']:>8}  {r['date'] or '':<10}  {r['issuer'] or ''}",
                  file=out)
    return 0


def _csv(out, rows: list[dict], cols: tuple[str, ...]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(cols), extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in r.items()})
    out.write(buf.getvalue())
