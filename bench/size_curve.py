"""Time and peak memory of parse + extract against input size, for a few input shapes.

    .venv/bin/python bench/size_curve.py [--shapes phong,commas,...] [--min-kb 32] [--max-kb 2048]
                                         [--timeout 600]

Each shape is a .txt document written at sizes doubling from ``--min-kb`` to
``--max-kb``; each size runs in a fresh process (``vanban`` imported and warmed
on a seed first, so start-up is not counted) that times
``parsers.parse`` + ``pipeline.assemble.build_output`` and reports its peak RSS
(``ru_maxrss``) above the RSS it had before the document.  The column
``t(2x)/t(x)`` is the time of a size over the time of half that size: about 2
for a linear step, 4 for a quadratic one.  Small times are noisy (the machine
is shared), so read the ratio on the larger sizes.

Shapes (the adversarial inputs of issue 15, plus two ordinary ones):

* ``phong``: "Phòng " × n — a unit head word repeated, one paragraph;
* ``commas``: "," × n — one run of punctuation, no white space;
* ``ngay``: "ngày 1 tháng 1 năm " × n — a date phrase that never completes;
* ``punct``: ".-/()" × n — long unspaced mixed punctuation;
* ``brackets``: "(" × n + "x" + ")" × n — deeply nested brackets;
* ``units``: "Phòng Nội vụ, " × n — a unit list that never ends;
* ``cites``: "1/QĐ-UBND, " × n — nothing but citations (the densest work per byte);
* ``recur``: "định kỳ hàng tháng " × n — a recurrence phrase repeated in one sentence;
* ``plural``: "các đơn vị Phòng Nội vụ " × n — plural heads and names, one paragraph;
* ``para``: one paragraph of ordinary task sentences (unit, verb, deadline, citation);
* ``doc``: a seed document (``data/raw/001_d7b8ee2fe133437a.txt``) repeated, many paragraphs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "001_d7b8ee2fe133437a.txt"

_PARA = ("Phòng Tổ chức - Hành chính chủ trì, phối hợp với các Khoa, Phòng triển khai thực hiện "
         "trước ngày 15/10/2020 theo Kế hoạch số 96/KH-UBND ngày 23/3/2020 của Ủy ban nhân dân tỉnh. ")

SHAPES: dict[str, str] = {
    "phong": "Phòng ",
    "commas": ",",
    "ngay": "ngày 1 tháng 1 năm ",
    "punct": ".-/()",
    "brackets": "",
    "units": "Phòng Nội vụ, ",
    "cites": "1/QĐ-UBND, ",
    "recur": "định kỳ hàng tháng ",
    "plural": "các đơn vị Phòng Nội vụ ",
    "para": _PARA,
    "doc": "",
}


def make_text(shape: str, size: int) -> str:
    """About ``size`` bytes of UTF-8 text of ``shape``."""
    if shape == "brackets":
        n = size // 2
        return "(" * n + "x" + ")" * n
    unit = SEED.read_text(encoding="utf-8").strip() + "\n\n" if shape == "doc" else SHAPES[shape]
    per = len(unit.encode("utf-8"))
    return unit * max(1, size // per)


# run in a fresh interpreter: imports and a warm-up on a seed, then one timed document
_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from parsers import parse
from pipeline.assemble import build_output
build_output(parse(sys.argv[3]), content=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
c0 = time.process_time()
out = build_output(parse(sys.argv[1]), content=False)
wall = time.perf_counter() - t0
cpu = time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": peak, "base_kb": before,
                  "warnings": sorted({w["code"] for w in out["warnings"]}),
                  "obligations": len(out["obligations"])}))
"""


def measure(path: Path, timeout: float) -> dict:
    try:
        r = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(ROOT), str(SEED)],
                           capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout > {timeout:.0f} s"}
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["exit %d" % r.returncode])[-1]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--min-kb", type=int, default=32)
    ap.add_argument("--max-kb", type=int, default=2048)
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per run before it counts as a failure")
    args = ap.parse_args(argv)
    sizes = []
    kb = args.min_kb
    while kb <= args.max_kb:
        sizes.append(kb * 1024)
        kb *= 2
    print(f"{'shape':9} {'bytes':>9} {'cpu s':>8} {'wall s':>8} {'t(2x)/t(x)':>10} {'peak MB':>8} "
          f"{'+MB':>6} {'oblig':>6}  warnings")
    with tempfile.TemporaryDirectory(prefix="vanban-size-") as tmp:
        for shape in args.shapes.split(","):
            prev = None
            for size in sizes:
                text = make_text(shape, size)
                path = Path(tmp) / f"{shape}_{size}.txt"
                path.write_text(text, encoding="utf-8")
                nbytes = path.stat().st_size
                r = measure(path, args.timeout)
                path.unlink()
                if "error" in r:
                    print(f"{shape:9} {nbytes:>9} {'-':>8} {'-':>8} {'-':>10} {'-':>8} {'-':>6} {'-':>6}  {r['error']}",
                          flush=True)
                    prev = None
                    continue
                ratio = f"{r['cpu'] / prev:.2f}" if prev and prev > 0.05 else "-"
                print(f"{shape:9} {nbytes:>9} {r['cpu']:>8.2f} {r['wall']:>8.2f} {ratio:>10} {r['peak_kb'] / 1024:>8.0f} "
                      f"{(r['peak_kb'] - r['base_kb']) / 1024:>6.0f} {r['obligations']:>6}  {','.join(r['warnings'])}",
                      flush=True)
                prev = r["cpu"]
    return 0


if __name__ == "__main__":
    sys.exit(main())
