"""Make the sample corpus complete: each seed in data/raw as .txt (committed),
.docx (built from the text by tools/build_seed_docx.py) and .pdf (rendered from
the .docx by LibreOffice, tools/render_pdf.py).  Only missing files are built,
so re-running changes nothing; ``--force`` rebuilds all."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RAW = ROOT / "data" / "raw"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)

    from parsers import parse
    from tools.build_seed_docx import build_docx
    from tools.render_pdf import render_pdf

    for txt in sorted(RAW.glob("*.txt")):
        docx = txt.with_suffix(".docx")
        if args.force or not docx.exists():
            build_docx(parse(txt), docx)
            print(f"built {docx.relative_to(ROOT)}")
        pdf = txt.with_suffix(".pdf")
        if args.force or not pdf.exists():
            if shutil.which("soffice") is None:
                print(f"skipped {pdf.relative_to(ROOT)}: LibreOffice (soffice) is not installed")
                continue
            render_pdf(docx, RAW)
            print(f"rendered {pdf.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
