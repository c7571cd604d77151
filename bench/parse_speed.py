"""Parsing speed per input format, documents and pages per second, in one
interleaved run (this machine is shared and noisy: each file is timed with
our parser and with the baseline back to back, the order alternating every
round; per-round totals are reported as medians with the ratio).

    .venv/bin/python bench/parse_speed.py [--rounds 7] [--formats docx,txt]

Baselines (the cheapest way to get the text out at all):
* docx: python-docx's bare paragraph iteration,
  ``[p.text for p in docx.Document(f).paragraphs]`` (no tables, no spans,
  no numbering, no footnotes);
* txt: ``Path.read_text().split("\\n\\n")``;
* pdf: see ``bench/parse_speed_pdf.py`` (helper H3: vanban's PDF parser vs
  pdfplumber ``page.extract_text()``); add a ``_pdf_files``/``_pdf_base``
  pair to ``FORMATS`` below to include it here.

Pages: the count the format knows (docProps/app.xml for Word, form feeds /
page markers for text), else an estimate of 3,000 characters per page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REAL = ROOT / "tests" / "shared" / "corpus" / "real"
RAW = ROOT / "data" / "raw"
CHARS_PER_PAGE = 3000


def _docx_files() -> list[Path]:
    return sorted(REAL.glob("*.docx")) + sorted(RAW.glob("*.docx"))


def _txt_files() -> list[Path]:
    return sorted(RAW.glob("*.txt"))


def _docx_base(path: Path) -> int:
    import docx

    return sum(len(p.text) for p in docx.Document(str(path)).paragraphs)


def _txt_base(path: Path) -> int:
    return sum(len(x) for x in path.read_text(encoding="utf-8").split("\n\n"))


# format -> (files, baseline function, baseline name)
FORMATS: dict[str, tuple[Callable[[], list[Path]], Callable[[Path], int], str]] = {
    "docx": (_docx_files, _docx_base, "python-docx [p.text for p in Document(f).paragraphs]"),
    "txt": (_txt_files, _txt_base, "read_text().split('\\n\\n')"),
    # "pdf": (_pdf_files, _pdf_base, "pdfplumber page.extract_text()"),  # helper H3
}


def _ours(path: Path):
    from parsers import parse

    return parse(path)


def _pages(doc) -> int:
    if doc.source.pages:
        return doc.source.pages
    chars = sum(len(u.text) for u in doc.text_units())
    return max(1, round(chars / CHARS_PER_PAGE))


def bench_format(fmt: str, rounds: int) -> dict | None:
    files_fn, base_fn, base_name = FORMATS[fmt]
    files = [p for p in files_fn() if p.exists()]
    if not files:
        return None
    pages = sum(_pages(_ours(p)) for p in files)  # also warms imports and caches
    for p in files:
        base_fn(p)
    ours_t: list[float] = []
    base_t: list[float] = []
    for r in range(rounds):
        o = b = 0.0
        for p in files:
            order = (0, 1) if (r % 2 == 0) else (1, 0)
            for which in order:
                t0 = time.perf_counter()
                if which == 0:
                    _ours(p)
                    o += time.perf_counter() - t0
                else:
                    base_fn(p)
                    b += time.perf_counter() - t0
        ours_t.append(o)
        base_t.append(b)
    mo, mb = statistics.median(ours_t), statistics.median(base_t)
    ratios = [o / b for o, b in zip(ours_t, base_t) if b > 0]
    return {
        "format": fmt, "files": len(files), "pages": pages, "baseline": base_name,
        "ours_s": mo, "base_s": mb,
        "ours_docs_s": len(files) / mo, "base_docs_s": len(files) / mb,
        "ours_pages_s": pages / mo, "base_pages_s": pages / mb,
        "ratio": statistics.median(ratios) if ratios else float("nan"),
        "ratio_min": min(ratios) if ratios else float("nan"),
        "ratio_max": max(ratios) if ratios else float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--formats", default=",".join(FORMATS))
    args = ap.parse_args(argv)
    print(f"{'fmt':5} {'files':>5} {'pages':>5} | {'ours docs/s':>11} {'pages/s':>8} | "
          f"{'base docs/s':>11} {'pages/s':>8} | ratio ours/base time (median [min-max] of {args.rounds} rounds)")
    for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
        if fmt not in FORMATS:
            print(f"{fmt:5} not benchmarked here" + (" (see bench/parse_speed_pdf.py)" if fmt == "pdf" else ""))
            continue
        res = bench_format(fmt, args.rounds)
        if res is None:
            print(f"{fmt:5} no files")
            continue
        print(f"{fmt:5} {res['files']:>5} {res['pages']:>5} | {res['ours_docs_s']:>11.1f} {res['ours_pages_s']:>8.1f} | "
              f"{res['base_docs_s']:>11.1f} {res['base_pages_s']:>8.1f} | "
              f"{res['ratio']:.2f}x [{res['ratio_min']:.2f}-{res['ratio_max']:.2f}]  baseline: {res['baseline']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
