"""Invariance probe: does vanban find the same things when a document says
them in other, equally common words?

    python -m tools.perturb GOLD_DIR DOC_DIR [--rewrites NAME,NAME] [--json]

Each rewrite of ``REWRITES`` swaps one wording for another that a Vietnamese
administrative text uses for the same thing ("trước ngày" / "chậm nhất là
ngày", "có trách nhiệm" / "chịu trách nhiệm", "15/10/2024" / "15 tháng 10 năm
2024", "hằng năm" / "hàng năm", "Ủy ban nhân dân" / "UBND" …).  It is applied
to the plain-text documents (``.txt``, ``.md``) of DOC_DIR and, the same way,
to every string of their gold annotation (so the gold still quotes the
document), and the documents it changed are scored again.  A field that falls
on the rewritten copies depends on the wording it was built on: a rule fitted
to a phrase, not to the structure of the sentence.  This is a behavioural
test in the manner of CheckList (Ribeiro et al., 2020): no new annotation is
needed, and it can be run on any split, blind ones included, since it reports
only figures.

The figures compare, for the documents a rewrite changed, the score of the
original text with the score of the rewritten one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import regex

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.textutil import RX_TIMEOUT  # noqa: E402
from pipeline.evaluate import EvalReport, FieldScore, FileResult, evaluate, load_gold  # noqa: E402

TEXT_SUFFIXES = (".txt", ".md")


def _keep_case(word: str) -> Callable[[regex.Match], str]:
    """A replacement that keeps the capital of the word it replaces."""

    def repl(m: regex.Match) -> str:
        first = m.group(0)[:1]
        return (word[:1].upper() + word[1:]) if first.isupper() else word

    return repl


@dataclass(frozen=True)
class Rewrite:
    name: str
    what: str
    pattern: regex.Pattern
    repl: Callable[[regex.Match], str] | str
    in_gold: bool = True  # False: a change of layout only, the gold's quotes stay as they are

    def apply(self, text: str) -> tuple[str, int]:
        return self.pattern.subn(self.repl, text, timeout=RX_TIMEOUT)


WRAP_WIDTH = 72


def _wrap_line(m: regex.Match) -> str:
    """A long line broken at spaces into lines of at most WRAP_WIDTH
    characters, as a PDF's text copy or an e-mail gives it."""
    words, lines, cur = m.group(0).split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > WRAP_WIDTH:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    return "\n".join(lines)


def _rx(p: str) -> regex.Pattern:
    return regex.compile(p, regex.V1)


_NB = r"(?<!\p{L})"  # no letter before
_NA = r"(?!\p{L})"  # no letter after

REWRITES: tuple[Rewrite, ...] = (
    Rewrite("truoc-ngay", "'trước ngày' → 'chậm nhất là ngày' (a due date)",
            _rx(_NB + r"[Tt]rước\s+ngày" + _NA), _keep_case("chậm nhất là ngày")),
    Rewrite("cham-nhat", "'chậm nhất (là) ngày' → 'trước ngày'",
            _rx(_NB + r"[Cc]hậm\s+nhất\s+(?:là\s+|vào\s+)?ngày" + _NA), _keep_case("trước ngày")),
    Rewrite("co-trach-nhiem", "'có trách nhiệm' → 'chịu trách nhiệm'",
            _rx(_NB + r"[Cc]ó\s+trách\s+nhiệm" + _NA), _keep_case("chịu trách nhiệm")),
    Rewrite("de-nghi", "'đề nghị' → 'yêu cầu' (a request to a body)",
            _rx(_NB + r"(?<!theo\s)(?<!Theo\s)(?<!xét\s)(?<!Xét\s)[Đđ]ề\s+nghị" + _NA), _keep_case("yêu cầu")),
    Rewrite("phoi-hop-voi", "'phối hợp với' → 'phối hợp cùng'",
            _rx(_NB + r"[Pp]hối\s+hợp\s+với" + _NA), _keep_case("phối hợp cùng")),
    Rewrite("hang-nam", "'hằng năm/tháng/quý' → 'hàng năm/tháng/quý'",
            _rx(_NB + r"([Hh])ằng(\s+(?:năm|tháng|quý|tuần|ngày))" + _NA), lambda m: m.group(1) + "àng" + m.group(2)),
    Rewrite("hang-nam-2", "'hàng năm/tháng/quý' → 'hằng năm/tháng/quý'",
            _rx(_NB + r"([Hh])àng(\s+(?:năm|tháng|quý|tuần))" + _NA), lambda m: m.group(1) + "ằng" + m.group(2)),
    Rewrite("ubnd", "'Ủy ban nhân dân' → 'UBND'",
            _rx(_NB + r"[ỦU]y\s+ban\s+nhân\s+dân|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|Uỷ\s+ban\s+nhân\s+dân" + _NA), "UBND"),
    # (never inside a symbol: "123/QĐ-UBND", "UBND-VX" keep their code)
    Rewrite("ubnd-2", "'UBND' → 'Ủy ban nhân dân' (not in a symbol)",
            _rx(r"(?<![\p{L}\d/&-])UBND(?![\p{L}\d/&-])"), "Ủy ban nhân dân"),
    Rewrite("ngay-so", "'ngày 5/3/2025' → 'ngày 05 tháng 3 năm 2025'",
            _rx(_NB + r"([Nn]gày)\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})" + r"(?![\d/])"),
            lambda m: f"{m.group(1)} {int(m.group(2)):02d} tháng {int(m.group(3))} năm {m.group(4)}"),
    Rewrite("ngay-chu", "'ngày 05 tháng 3 năm 2025' → 'ngày 05/3/2025'",
            _rx(_NB + r"([Nn]gày)\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})" + r"(?!\d)"),
            lambda m: f"{m.group(1)} {m.group(2)}/{m.group(3)}/{m.group(4)}"),
    Rewrite("bullet-plus", "a line's '- ' bullet → '+ '",
            _rx(r"(?m)^([ \t]*)[-–][ \t]+(?=\S)"), lambda m: m.group(1) + "+ "),
    Rewrite("wrap", f"every line longer than {WRAP_WIDTH} characters broken at spaces (layout only)",
            _rx(r"(?m)^(?=[^\n]{%d})[^\n\t]+$" % (WRAP_WIDTH + 1)), _wrap_line, in_gold=False),
)


def _swap(pairs: list[tuple[str, str]]) -> tuple[regex.Pattern, Callable[[regex.Match], str]]:
    """A pattern and a replacement exchanging the two names of each pair, whole words only."""
    table = {a: b for a, b in pairs} | {b: a for a, b in pairs}
    names = sorted(table, key=len, reverse=True)
    pattern = _rx(_NB + "(?:" + "|".join(regex.escape(n) for n in names) + ")" + _NA)
    return pattern, lambda m: table[m.group(0)]


# provinces exchanged two by two.  (Bodies are not: a document names them again by their codes and short
# forms, "Sở KH&ĐT", "…/TTr-SXD", which a swap of names leaves as they were, so the copy would contradict itself.)
_PROVINCE_PAIRS = [("Hà Nội", "Cần Thơ"), ("Đà Nẵng", "Hải Phòng"), ("Quảng Ngãi", "Điện Biên"), ("Tuyên Quang", "Bạc Liêu"),
                   ("Lai Châu", "Kiên Giang"), ("Hưng Yên", "Lạng Sơn"), ("Thừa Thiên Huế", "Bình Định"),
                   ("Hậu Giang", "Nghệ An"), ("Bà Rịa - Vũng Tàu", "Thái Nguyên"), ("Bắc Giang", "Gia Lai"),
                   ("Hà Giang", "Sóc Trăng"), ("Bắc Ninh", "Quảng Trị")]

REWRITES = REWRITES + (
    Rewrite("tinh-swap", "provinces exchanged two by two ('Hà Nội' ↔ 'Cần Thơ', 'Quảng Ngãi' ↔ 'Điện Biên' …)",
            *_swap(_PROVINCE_PAIRS)),
)

BY_NAME = {r.name: r for r in REWRITES}

# the fields reported, (field, kind) as in ``FieldScore``
REPORTED: tuple[tuple[str, str], ...] = (
    ("deadlines", "f1"), ("deadline_unit", "accuracy"), ("recurring", "f1"), ("assignments", "precision"),
    ("assignments", "recall"), ("units", "f1"), ("references", "f1"), ("reference_issuer", "accuracy"),
    ("document.date", "accuracy"),
)

_UNTOUCHED_KEYS = frozenset({"file", "notes"})


def rewrite_gold(gold: Any, rw: Rewrite, _key: str | None = None) -> Any:
    """The gold annotation with ``rw`` applied to every string it holds (its
    quotes of the document, its names), but not to its file name and notes."""
    if isinstance(gold, dict):
        return {k: (v if k in _UNTOUCHED_KEYS else rewrite_gold(v, rw, k)) for k, v in gold.items()}
    if isinstance(gold, list):
        return [rewrite_gold(v, rw, _key) for v in gold]
    if isinstance(gold, str):
        return rw.apply(gold)[0] if rw.in_gold else gold
    return gold


@dataclass
class ProbeRow:
    rewrite: Rewrite
    docs: int  # documents the rewrite changed
    places: int  # places changed in them
    before: dict[str, FieldScore]
    after: dict[str, FieldScore]


def _subset(report: EvalReport, stems: set[str]) -> dict[str, FieldScore]:
    return EvalReport(files=[f for f in report.files if f.stem in stems]).overall()


def run_probe(gold_dir: Path, doc_dir: Path, rewrites: list[Rewrite], *,
              extract: Callable[[Path], dict] | None = None) -> list[ProbeRow]:
    """Score the plain-text documents of ``doc_dir`` as written, then each
    rewrite's copies of the documents it changes."""
    golds = load_gold(gold_dir)
    texts = {p.stem: p for p in sorted(doc_dir.iterdir())
             if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and p.stem in golds}
    with tempfile.TemporaryDirectory(prefix="vanban-probe-") as tmp:
        base_gold = Path(tmp, "gold")
        base_gold.mkdir()
        for stem in texts:
            Path(base_gold, stem + ".json").write_text(json.dumps(golds[stem], ensure_ascii=False), encoding="utf-8")
        base = evaluate(base_gold, [doc_dir], extract=extract)
        rows: list[ProbeRow] = []
        for rw in rewrites:
            d_gold, d_docs = Path(tmp, rw.name, "gold"), Path(tmp, rw.name, "docs")
            d_gold.mkdir(parents=True)
            d_docs.mkdir()
            changed: set[str] = set()
            places = 0
            for stem, path in texts.items():
                new, n = rw.apply(path.read_text(encoding="utf-8"))
                if not n:
                    continue
                changed.add(stem)
                places += n
                Path(d_docs, path.name).write_text(new, encoding="utf-8")
                Path(d_gold, stem + ".json").write_text(
                    json.dumps(rewrite_gold(golds[stem], rw), ensure_ascii=False), encoding="utf-8")
            after = evaluate(d_gold, [d_docs], extract=extract) if changed else EvalReport()
            rows.append(ProbeRow(rw, len(changed), places, _subset(base, changed), after.overall()))
    return rows


def _value(scores: dict[str, FieldScore], field: str, kind: str) -> float | None:
    s = scores.get(field)
    return None if s is None else getattr(s, kind)


def format_rows(rows: list[ProbeRow]) -> str:
    head = ["rewrite", "docs", "places"] + [f"{f} {k[:4]}" for f, k in REPORTED]
    lines = ["  ".join(head)]
    for r in rows:
        cells = [r.rewrite.name, str(r.docs), str(r.places)]
        for f, k in REPORTED:
            a, b = _value(r.before, f, k), _value(r.after, f, k)
            if a is None and b is None:
                cells.append("-")
            else:
                fa = "-" if a is None else f"{100 * a:.1f}"
                fb = "-" if b is None else f"{100 * b:.1f}"
                cells.append(fa if fa == fb else f"{fa}→{fb}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("doc_dir", type=Path)
    ap.add_argument("--rewrites", default=None, help="comma-separated names (default: all): " + ", ".join(BY_NAME))
    ap.add_argument("--json", action="store_true", help="the figures as JSON")
    args = ap.parse_args(argv)
    names = [n.strip() for n in args.rewrites.split(",")] if args.rewrites else list(BY_NAME)
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        print(f"perturb: unknown rewrite(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for d in (args.gold_dir, args.doc_dir):
        if not d.is_dir():
            print(f"perturb: not a folder: {d}", file=sys.stderr)
            return 2
    rows = run_probe(args.gold_dir, args.doc_dir, [BY_NAME[n] for n in names])
    if args.json:
        print(json.dumps([{"rewrite": r.rewrite.name, "docs": r.docs, "places": r.places,
                           "before": {f"{f}.{k}": _value(r.before, f, k) for f, k in REPORTED},
                           "after": {f"{f}.{k}": _value(r.after, f, k) for f, k in REPORTED}} for r in rows],
                         ensure_ascii=False, indent=1))
    else:
        print(format_rows(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
