"""Speed of two checkouts of vanban side by side (before/after a change), in
lockstep: two worker processes, each importing vanban from its own tree, are
given the same file in turn (the order alternating every round), so the load
of a shared machine hits both alike.  Figures are CPU seconds of each worker
(``time.process_time``), medians over rounds, and the ratio B/A round by round.

    git worktree add /tmp/base HEAD~3        # the tree before the change
    .venv/bin/python bench/ab_trees.py /tmp/base . [--part text|pdf] [--rounds 5]

``text`` is the Word and text samples of ``bench/extract_speed.py``, ``pdf``
its text-layer PDFs (OCR off).  Each worker removes the editable install's
finder from ``sys.meta_path`` and puts its tree first on ``sys.path``
(``PYTHONPATH`` alone does not override an editable install).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _worker(tree: str) -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if "Editable" not in getattr(f, "__name__", type(f).__name__)]
    sys.path.insert(0, tree)
    import parsers
    from parsers import parse, pdf_parser, source_info
    from pipeline import budget
    from pipeline.assemble import build_output

    print(Path(parsers.__file__).resolve().parents[1], flush=True)  # the tree really imported

    def _parse(p: Path):
        if p.suffix.lower() == ".pdf":
            return pdf_parser.parse(p, source_info(p, "pdf"), ocr=False)
        return parse(p)

    for line in sys.stdin:
        mode, name = line.rstrip("\n").split("\t")
        p = Path(name)
        c = time.process_time()
        if mode == "extract":
            with budget.document_budget():
                build_output(_parse(p))
        else:
            _parse(p)
        print(time.process_time() - c, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", help="tree A (before)")
    ap.add_argument("b", help="tree B (after)")
    ap.add_argument("--part", choices=("text", "pdf"), default="text")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    import extract_speed

    files = extract_speed.text_files() if args.part == "text" else extract_speed.pdf_files()
    workers = {}
    for side, tree in (("A", args.a), ("B", args.b)):
        code = f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import ab_trees; ab_trees._worker({str(Path(tree).resolve())!r})"
        workers[side] = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         text=True, cwd="/")
        print(f"{side}: vanban from {workers[side].stdout.readline().strip()}")

    def ask(side: str, mode: str, f: Path) -> float:
        w = workers[side]
        w.stdin.write(f"{mode}\t{f}\n")
        w.stdin.flush()
        return float(w.stdout.readline())

    for f in files:  # warm imports, caches, compiled patterns
        for side in workers:
            ask(side, "extract", f)
    res: dict[tuple[str, str], list[float]] = {(s, m): [] for s in workers for m in ("extract", "parse")}
    for r in range(args.rounds):
        tot = dict.fromkeys(res, 0.0)
        order = ["A", "B"] if r % 2 == 0 else ["B", "A"]
        for f in files:
            for m in ("extract", "parse"):
                for side in order:
                    tot[(side, m)] += ask(side, m, f)
        for k in res:
            res[k].append(tot[k])
    for w in workers.values():
        w.stdin.close()
        w.wait()
    print(f"{args.part}: {len(files)} files, {args.rounds} rounds; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for m in ("extract", "parse"):
        a, b = statistics.median(res[("A", m)]), statistics.median(res[("B", m)])
        rs = [y / x for x, y in zip(res[("A", m)], res[("B", m)])]
        print(f"  {m:8} CPU s per round: A {a:.3f}  B {b:.3f}   B/A {statistics.median(rs):.3f} "
              f"[{min(rs):.3f}-{max(rs):.3f}]")
    ea = statistics.median(x - y for x, y in zip(res[("A", "extract")], res[("A", "parse")]))
    eb = statistics.median(x - y for x, y in zip(res[("B", "extract")], res[("B", "parse")]))
    print(f"  extraction alone (extract - parse): A {ea:.3f}  B {eb:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
