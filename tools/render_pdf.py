"""Render a seed .docx to .pdf with LibreOffice (headless).

    python tools/render_pdf.py data/raw/000_*.docx [--out data/raw]

``render_pdf(docx, out_dir)`` returns the written PDF (``out_dir/<stem>.pdf``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.doc_parser import soffice_convert  # noqa: E402


def render_pdf(docx: Path, out_dir: Path) -> Path:
    """``docx`` → ``out_dir/<stem>.pdf`` via LibreOffice; raises DocumentError."""
    return soffice_convert(Path(docx), "pdf", Path(out_dir))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: beside each .docx)")
    args = ap.parse_args(argv)
    for d in args.docx:
        pdf = render_pdf(d, args.out or d.parent)
        print(f"rendered {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
