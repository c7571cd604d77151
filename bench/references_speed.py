"""References per second over the sample corpus, against a plain
``re.finditer`` of the number pattern alone over the same text, in one run.

    .venv/bin/python bench/references_speed.py [--repeat N] [DIR ...]

Reads every .txt/.md sample under the given directories (default data/raw and
tests/shared/seeds), builds one paragraph per line (the document model the text
parser produces for these files), and times
``extract_references(doc, extract_header(doc))`` against ``re.finditer`` of a
document-number regex over the same text.  It also checks that the cost grows
linearly: the corpus text repeated 4× should take about 4× as long.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.header import extract_header  # noqa: E402
from extractors.references import extract_references  # noqa: E402
from core.model import Document, Paragraph, SourceInfo  # noqa: E402

BASELINE = re.compile(r"\d{1,5}\s*[/-]\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\w&]*(?:\s*[-/]\s*[A-ZĐ][\w&]*)*")


def load(dirs: list[Path]) -> list[str]:
    texts = []
    seen = set()
    for d in dirs:
        for p in sorted(d.glob("*")):
            if p.suffix in (".txt", ".md") and p.name not in seen:
                seen.add(p.name)
                texts.append(p.read_text(encoding="utf-8"))
    return texts


def doc_of(text: str) -> Document:
    return Document(SourceInfo("bench.txt", "", "txt"), blocks=[Paragraph(l) for l in text.split("\n") if l.strip()]).reindex()


def time_extract(texts: list[str], repeat: int) -> tuple[float, int]:
    docs = [doc_of(t) for t in texts]
    n_refs = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        n_refs = 0
        for d in docs:
            refs, _ = extract_references(d, extract_header(d))
            n_refs += sum(len(r.mentions) for r in refs)
    return (time.perf_counter() - t0) / repeat, n_refs


def time_baseline(texts: list[str], repeat: int) -> tuple[float, int]:
    n = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        n = sum(1 for t in texts for _m in BASELINE.finditer(t))
    return (time.perf_counter() - t0) / repeat, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "data" / "raw", ROOT / "tests" / "shared" / "seeds"])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    texts = load(args.dirs)
    if not texts:
        print("no .txt/.md samples found", file=sys.stderr)
        return 2
    chars = sum(len(t) for t in texts)
    t_ext, n_ext = time_extract(texts, args.repeat)
    t_base, n_base = time_baseline(texts, args.repeat)
    print(f"corpus: {len(texts)} documents, {chars} characters")
    print(f"vanban extract_references (+header): {n_ext} mentions in {t_ext * 1000:.1f} ms "
          f"-> {n_ext / t_ext:,.0f} mentions/s, {chars / t_ext / 1e6:.2f} MB/s")
    print(f"baseline re.finditer (number only):  {n_base} matches  in {t_base * 1000:.1f} ms "
          f"-> {n_base / t_base:,.0f} matches/s, {chars / t_base / 1e6:.2f} MB/s")
    print(f"ratio (vanban time / baseline time): {t_ext / t_base:.1f}x")
    big = ["\n".join(texts)]
    t1, _ = time_extract(big, 1)
    t4, _ = time_extract(["\n".join(big * 4)], 1)
    print(f"linearity: whole corpus as one text {t1 * 1000:.0f} ms, 4x that text {t4 * 1000:.0f} ms "
          f"(ratio {t4 / t1:.1f}, linear = 4)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
