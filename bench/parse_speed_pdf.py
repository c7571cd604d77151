"""PDF parsing speed, in one interleaved run (so machine load hits both sides alike).

    .venv/bin/python bench/parse_speed_pdf.py [--rounds 3]

* text-layer PDFs: pages/second of vanban's PDF parser (reading order,
  paragraphs, table finding, furniture; OCR off) against pdfplumber's bare
  ``page.extract_text()`` on the same files, wall and CPU time (``time.process_time``: what a loaded
  machine moves least); target: within 2x;
* OCR: seconds per page (render at 300 dpi + tesseract vie) on one scanned page.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REAL = ROOT / "tests" / "shared" / "corpus" / "real"

TEXT_PDFS = [
    REAL / "TTr BC CCHC nam 2025.pdf",
    REAL / "TTr BC CCHC quy I nam 2026.pdf",
    REAL / "17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf",
    REAL / "2003_CD-VPCP_07102025_2-signed.pdf",
]
SCANNED = REAL / "2011_12_28_0904000000972844!~!275.pdf"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-ocr", action="store_true")
    args = ap.parse_args(argv)

    import pdfplumber

    from parsers import pdf_parser, source_info

    files = [p for p in TEXT_PDFS + sorted((ROOT / "data" / "raw").glob("*.pdf")) if p.exists()]
    ours = base = ours_cpu = base_cpu = 0.0
    pages = 0
    for _ in range(args.rounds):
        for p in files:
            c0, t0 = time.process_time(), time.perf_counter()
            doc = pdf_parser.parse(p, source_info(p, "pdf"), ocr=False)
            c1, t1 = time.process_time(), time.perf_counter()
            with pdfplumber.open(str(p)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
            c2, t2 = time.process_time(), time.perf_counter()
            ours += t1 - t0
            base += t2 - t1
            ours_cpu += c1 - c0
            base_cpu += c2 - c1
            pages += doc.source.pages or 0
    print(f"text-layer PDFs: {len(files)} files, {pages // args.rounds} pages, {args.rounds} rounds")
    print(f"  vanban pdf_parser        : {pages / ours:7.1f} pages/s wall, {pages / ours_cpu:7.1f} pages/s of CPU time")
    print(f"  pdfplumber extract_text  : {pages / base:7.1f} pages/s wall, {pages / base_cpu:7.1f} pages/s of CPU time")
    print(f"  ratio (ours / baseline)  : {ours / base:7.2f}x wall, {ours_cpu / base_cpu:7.2f}x CPU  (target <= 2x)")
    if not args.no_ocr:
        from parsers import ocr

        missing = ocr.ocr_available()
        if missing:
            print(f"OCR: skipped ({missing})")
        else:
            t0 = time.perf_counter()
            o = ocr.ocr_pdf_page(SCANNED, 0)
            dt = time.perf_counter() - t0
            print(f"OCR: {dt:.2f} s/page ({len(o.words)} words, mean confidence {o.confidence:.2f}, {SCANNED.name} p1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
