"""Speed of the whole ``vanban extract`` work (parse + every extractor), against
parsing alone and against the cheapest way to get the text out, in ONE
interleaved run: the machine is shared and noisy, so each file is timed on
every side back to back, the order rotating every round, and the figures are
medians over rounds with the ratios taken round by round.

    .venv/bin/python bench/extract_speed.py [--rounds 5] [--parts text,pdf]

* ``text``: the Word documents of ``tests/shared/corpus/real`` and
  ``data/raw`` plus the seed ``.txt`` files, in characters per second
  (characters = the text of the parsed document's paragraphs and cells,
  the same count on every side):
    - ``extract``  ``parsers.parse`` + ``pipeline.assemble.build_output``
      (what ``vanban extract`` does, without the JSON dump);
    - ``parse``    ``parsers.parse`` alone;
    - ``baseline`` python-docx ``[p.text for p in Document(f).paragraphs]``
      for .docx, ``read_text().split("\\n\\n")`` for .txt.
* ``pdf``: the text-layer PDFs (four of ``tests/shared/corpus/real`` and the
  seed PDFs of ``data/raw``), in pages per second, OCR off:
    - ``extract``  parse + build_output;
    - ``parse``    the PDF parser alone;
    - ``baseline`` pypdfium2 raw text, ``PdfDocument(f)[i].get_textpage().get_text_range()``.

Targets (issue 12): extract ≥ 0.5 M characters/s on text, ≥ 25 pages/s on
text-layer PDFs.  Absolute figures move with the machine's load; the ratios
against ``parse`` and ``baseline`` of the same run are what to compare, and
the CPU-time rates (``time.process_time``, the process's own CPU seconds) are
what the machine's load moves least.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REAL = ROOT / "tests" / "shared" / "corpus" / "real"
RAW = ROOT / "data" / "raw"

TEXT_PDFS = [
    REAL / "TTr BC CCHC nam 2025.pdf",
    REAL / "TTr BC CCHC quy I nam 2026.pdf",
    REAL / "17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf",
    REAL / "2003_CD-VPCP_07102025_2-signed.pdf",
]


def text_files() -> list[Path]:
    return sorted(REAL.glob("*.docx")) + sorted(RAW.glob("*.docx")) + sorted(RAW.glob("*.txt"))


def pdf_files() -> list[Path]:
    return [p for p in TEXT_PDFS if p.exists()] + sorted(RAW.glob("*.pdf"))


def _parse(path: Path):
    from parsers import parse, pdf_parser, source_info

    if path.suffix.lower() == ".pdf":
        return pdf_parser.parse(path, source_info(path, "pdf"), ocr=False)
    return parse(path)


def _extract(path: Path):
    from pipeline import budget
    from pipeline.assemble import build_output

    with budget.document_budget():  # as extract_file: one budget for parse and extraction
        return build_output(_parse(path))


def _baseline(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx

        return sum(len(p.text) for p in docx.Document(str(path)).paragraphs)
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            n = 0
            for i in range(len(pdf)):
                page = pdf[i]
                tp = page.get_textpage()
                n += len(tp.get_text_range())
                tp.close()
                page.close()
            return n
        finally:
            pdf.close()
    return sum(len(x) for x in path.read_text(encoding="utf-8").split("\n\n"))


SIDES: dict[str, Callable[[Path], object]] = {"extract": _extract, "parse": _parse, "baseline": _baseline}


def _size(path: Path) -> tuple[int, int]:
    """(characters, pages) of the parsed document."""
    doc = _parse(path)
    chars = sum(len(u.text) for u in doc.text_units())
    return chars, doc.source.pages or 0


def bench(files: list[Path], rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per side, the wall seconds and the CPU seconds (this process) of each round."""
    names = list(SIDES)
    for p in files:  # warm imports, caches, compiled patterns
        for fn in SIDES.values():
            fn(p)
    times: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        tot = dict.fromkeys(names, 0.0)
        ctot = dict.fromkeys(names, 0.0)
        order = names[r % len(names):] + names[:r % len(names)]
        for p in files:
            for n in order:
                c0, t0 = time.process_time(), time.perf_counter()
                SIDES[n](p)
                tot[n] += time.perf_counter() - t0
                ctot[n] += time.process_time() - c0
        for n in names:
            times[n].append(tot[n])
            cpu[n].append(ctot[n])
    return times, cpu


def report(label: str, unit: str, amount: float, scale: float, timed: tuple[dict[str, list[float]], ...]) -> None:
    times, cpu = timed
    med = {n: statistics.median(t) for n, t in times.items()}
    cmed = {n: statistics.median(t) for n, t in cpu.items()}
    print(f"{label}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for n in SIDES:
        print(f"  {n:9} {amount / med[n] / scale:9.3f} {unit} wall (median {med[n]:.2f} s per round);"
              f" {amount / cmed[n] / scale:9.3f} {unit} of CPU time ({cmed[n]:.2f} s)")
    for a, b in (("extract", "parse"), ("extract", "baseline"), ("parse", "baseline")):
        rs = [x / y for x, y in zip(times[a], times[b])]
        print(f"  time {a}/{b}: {statistics.median(rs):6.2f}x  [{min(rs):.2f}-{max(rs):.2f}]")
    print(f"  extraction share of extract time: {1 - med['parse'] / med['extract']:.0%}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--parts", default="text,pdf")
    args = ap.parse_args(argv)
    parts = {x.strip() for x in args.parts.split(",")}
    if "text" in parts:
        files = text_files()
        chars = sum(_size(p)[0] for p in files)
        times = bench(files, args.rounds)
        report(f"docx + txt: {len(files)} files, {chars:,} characters, {args.rounds} rounds",
               "M chars/s", chars, 1e6, times)
    if "pdf" in parts:
        files = pdf_files()
        pages = sum(_size(p)[1] for p in files)
        times = bench(files, args.rounds)
        report(f"text-layer pdf: {len(files)} files, {pages} pages, {args.rounds} rounds, OCR off",
               "pages/s", pages, 1.0, times)
    return 0


if __name__ == "__main__":
    sys.exit(main())
