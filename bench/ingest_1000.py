"""A 1,000-document ingest through the real ``vanban ingest`` flow (Prefect,
its temporary server, the query index), reporting documents per second and
peak memory.

    .venv/bin/python bench/ingest_1000.py [--docs 1000] [--formats txt,docx] [--workers N] [--keep]

The documents are made from the samples in a temporary folder: the seed
``.txt`` and ``.docx`` files of ``data/raw`` (``--formats`` may add ``pdf``,
the seed PDFs, which are much slower to parse), taken in turn.  Each ``.txt``
copy gets one closing line naming its copy number, so no two inputs are the
same text; ``.docx`` copies are byte copies under new names.  The output folder,
the index (SQLite) and the Prefect home are fresh, so every document is really
parsed and extracted.

Figures:
* wall time of the whole ``vanban ingest`` process (start-up of Prefect and its
  temporary server included) and documents per second over it;
* the flow's own per-document seconds (the summary rows), summed;
* peak memory: the largest resident set of any one process of the run
  (``ru_maxrss`` of the children) and the peak of the sum over the process
  tree (``vanban`` and the Prefect server it starts), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
BIN = Path(sys.executable).parent
_PAGE = os.sysconf("SC_PAGE_SIZE")


def make_corpus(folder: Path, n: int, formats: list[str]) -> dict[str, int]:
    seeds = [p for fmt in formats for p in sorted(RAW.glob(f"*.{fmt}"))]
    if not seeds:
        raise SystemExit(f"no samples of {formats} in {RAW}")
    folder.mkdir(parents=True)
    counts: dict[str, int] = {}
    for i in range(n):
        seed = seeds[i % len(seeds)]
        dest = folder / f"{i:04d}_{seed.stem}{seed.suffix}"
        if seed.suffix == ".txt":
            text = seed.read_text(encoding="utf-8").rstrip("\n")
            dest.write_text(f"{text}\n\nBản sao số {i + 1}.\n", encoding="utf-8")
        else:
            shutil.copyfile(seed, dest)
        counts[seed.suffix] = counts.get(seed.suffix, 0) + 1
    return counts


def _tree_rss(root_pid: int) -> int:
    """Resident bytes of ``root_pid`` and all its descendants now."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            with open(f"/proc/{d}/statm", "rb") as f:
                rss[int(d)] = int(f.read().split()[1]) * _PAGE
            children.setdefault(ppid, []).append(int(d))
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--formats", default="txt,docx")
    ap.add_argument("--workers", type=int, default=None, help="passed to vanban ingest (default: its own)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="vanban-ingest1000-"))
    try:
        counts = make_corpus(tmp / "in", args.docs, [f.strip() for f in args.formats.split(",") if f.strip()])
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_LOGGING_LEVEL="WARNING")
        argv_ = [str(BIN / "vanban"), "ingest", str(tmp / "in"), "--out", str(tmp / "out"),
                 "--db", f"sqlite:///{tmp / 'index.sqlite'}", "--json"]
        if args.workers:
            argv_ += ["--workers", str(args.workers)]
        peak = 0
        done = threading.Event()
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv_, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(proc.pid))
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        try:
            rows = json.loads(out)
        except json.JSONDecodeError:
            print(f"vanban ingest exit {proc.returncode}; no JSON summary\n{err[-3000:]}", file=sys.stderr)
            return 1
        status: dict[str, int] = {}
        for r in rows:
            status[r.get("status", "?")] = status.get(r.get("status", "?"), 0) + 1
        n_json = len(list((tmp / "out").glob("*.json")))
        flow_s = sum(float(r.get("seconds") or 0) for r in rows)
        load = os.getloadavg()
        print(f"vanban ingest of {args.docs} documents ({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}),"
              f" exit {proc.returncode}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        print(f"  statuses: {status}; {n_json} JSON outputs written")
        print(f"  wall time         : {wall:8.1f} s  -> {args.docs / wall:6.2f} docs/s (Prefect start-up included)")
        print(f"  per-document sum  : {flow_s:8.1f} s  (the flow's own timings, all workers)")
        print(f"  peak RSS, largest process  : {maxrss / 2**20:7.0f} MiB")
        print(f"  peak RSS, process tree sum : {peak / 2**20:7.0f} MiB (sampled every 0.2 s)")
        if args.keep:
            print(f"  kept: {tmp}")
        return 0 if proc.returncode in (0, 1) else proc.returncode
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
