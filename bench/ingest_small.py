"""One small file, end to end, as a user runs it: ``vanban ingest`` with
Prefect's temporary server, ``vanban ingest`` with a Prefect server already
running (found at the local address, as after ``vanban server``), and ``vanban
extract`` (no Prefect at all).  Each is a fresh process timed on the wall
clock; the three alternate within every round (the machine is shared and
noisy), and the medians and ratios are reported with the load average.

    .venv/bin/python bench/ingest_small.py [--rounds 5] [--file data/raw/000_4368117cd102981e.txt]

Every ingest writes into a fresh output folder and index, so the file is
really read each time.  The Prefect home is a temporary folder made once (a
warm-up ingest creates its database first: a user's home is not new either);
the running server is ``prefect server start`` on a free port, and the
temporary-server runs are pointed at another free port where nothing answers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
DEFAULT_FILE = ROOT / "data" / "raw" / "000_4368117cd102981e.txt"


def _timed(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return elapsed


def main() -> int:
    from flows.server import free_port, prefect_server

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as tmp:
        work = Path(tmp)
        base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        base.update(PREFECT_HOME=str(work / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                    PREFECT_LOGGING_LEVEL="WARNING")
        temporary = dict(base, PREFECT_SERVER_API_PORT=str(free_port()))  # nothing answers there
        vanban = str(BIN / "vanban")
        n = 0

        def ingest(env: dict[str, str]) -> float:
            nonlocal n
            n += 1
            return _timed([vanban, "ingest", str(args.file), "--out", str(work / f"out{n}"),
                           "--db", f"sqlite:///{work / f'index{n}.sqlite'}"], env)

        ingest(temporary)  # warm-up: the Prefect home's database is created once
        server_port = free_port()
        os.environ.update(base)
        with prefect_server(server_port, log=work / "server.log") as url:
            running = dict(base, PREFECT_SERVER_API_PORT=str(server_port))  # found by vanban's probe
            ingest(running)  # warm-up of the running server
            times: dict[str, list[float]] = {"extract": [], "ingest, temporary server": [],
                                             "ingest, running server": []}
            loads = []
            for r in range(args.rounds):
                order = list(times)
                if r % 2:
                    order.reverse()
                for mode in order:
                    if mode == "extract":
                        t = _timed([vanban, "extract", str(args.file), "--compact"], base)
                    elif mode == "ingest, temporary server":
                        t = ingest(temporary)
                    else:
                        t = ingest(running)
                    times[mode].append(t)
                loads.append(os.getloadavg()[0])
                print(f"round {r + 1}: " + ", ".join(f"{m} {times[m][-1]:.2f} s" for m in times), file=sys.stderr)
            assert url

    med = {m: statistics.median(v) for m, v in times.items()}
    size = args.file.stat().st_size
    print(f"vanban ingest of one small file ({args.file.name}, {size / 1000:.1f} kB), {args.rounds} rounds, "
          f"medians (min-max); load average during the rounds {min(loads):.1f}-{max(loads):.1f} on "
          f"{os.cpu_count()} cores")
    for m, v in times.items():
        print(f"  {m:<26} {med[m]:6.2f} s   ({min(v):.2f}-{max(v):.2f})")
    ratios = {
        "temporary server / running server": med["ingest, temporary server"] / med["ingest, running server"],
        "running server / extract": med["ingest, running server"] / med["extract"],
        "temporary server / extract": med["ingest, temporary server"] / med["extract"],
    }
    for k, v in ratios.items():
        print(f"  {k:<36} {v:5.2f}x")
    print(f"  saved by a running server: {med['ingest, temporary server'] - med['ingest, running server']:.2f} s per ingest")
    if args.json:
        print(json.dumps({"file": str(args.file), "rounds": args.rounds, "seconds": times, "median": med,
                          "ratios": ratios, "load": loads}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
