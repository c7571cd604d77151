"""Deadlines and units: vanban against off-the-shelf finders, side by side,
on the same seed documents and with the same scorer as ``vanban eval``.

    .venv/bin/python bench/obligation_baselines.py [--formats txt,docx] [--gold DIR] [--docs DIR]

Every document ``<stem>.<ext>`` under ``--docs`` (default ``data/raw``) that
has a gold file ``<stem>.json`` under ``--gold`` (default
``tests/shared/gold/seeds``) is parsed once (``parsers.parse``); then each method
reads the same ``Document`` — paragraphs and table cells, ``doc.text_units()``.

Deadlines (scored by ``pipeline.evaluate.score_deadlines``: ISO date
multiset, a gold date written twice needs two predictions):

* ``vanban``: the deadline of each obligation (``extract_obligations``);
* ``dates, no deadline phrase``: every full date of our own date grammar
  (``extractors.dates.find_dates``) — what the deadline phrasing adds;
* ``dateparser.search_dates``: ``search_dates(text, languages=['vi'])``,
  every date it finds counts as a predicted deadline (an off-the-shelf date
  finder knows no deadline phrasing).

Units (scored by ``pipeline.evaluate.score_units``: fuzzy name match, one to
one, gold = the units given a task):

* ``vanban``: the units of the obligations (``extract_obligations``);
* ``vanban find_units, every mention``: every unit named anywhere
  (``extractors.units.find_units``) — what linking units to tasks adds;
* ``spaCy SpanRuler head words``: the ``units`` spans of the pipeline in
  ``extractors.sentences`` (head word + capitalised words);
* ``underthesea ner (CRF) ORG``: underthesea's bundled CRF NER, B-/I-ORG runs
  (skipped, and said so, when underthesea is not installed; its ``deep=True``
  model needs ``transformers`` and a HuggingFace download);
* ``capitalised-span heuristic``: runs of ≥ 2 capitalised words — a naive
  baseline, not a library.

Times are wall-clock milliseconds per document for each method over the parsed
document (parsing, shared by all, is reported apart).  Predictions are
de-duplicated by folded text for the name finders; the date finders keep
every occurrence (as the scorer's multiset expects).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import FieldScore, find_documents, score_deadlines, score_units  # noqa: E402
from core.model import Document  # noqa: E402
from core.textutil import RX_TIMEOUT, fold  # noqa: E402

# --------------------------------------------------------------------------
# Methods: Document -> predictions
# --------------------------------------------------------------------------


def _texts(doc: Document) -> list[str]:
    return [u.text for u in doc.text_units() if u.text.strip() and getattr(u.block, "role", "body") == "body"]


def _dedup(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        k = fold(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _ours(doc: Document) -> dict:
    from extractors.header import extract_header
    from extractors.obligations import extract_obligations

    obligations, units = extract_obligations(doc, extract_header(doc))
    return {"obligations": obligations, "units": units}


def ours_deadlines(doc: Document, cache: dict) -> list[tuple[str, str]]:
    return [(o.deadline.date, o.deadline.text) for o in cache["ours"]["obligations"] if o.deadline and o.deadline.date]


def every_date(doc: Document, cache: dict) -> list[tuple[str, str]]:
    from extractors.dates import find_dates

    return [(d.iso, d.text) for t in _texts(doc) for d in find_dates(t) if d.iso]


def dateparser_dates(doc: Document, cache: dict, settings: dict | None = None) -> list[tuple[str, str]]:
    from dateparser.search import search_dates

    out = []
    for t in _texts(doc):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(t, languages=["vi"], settings=settings) or []
        for phrase, when in found:
            if isinstance(when, _dt.datetime):
                out.append((when.date().isoformat(), phrase))
    return out


def dateparser_full_dates(doc: Document, cache: dict) -> list[tuple[str, str]]:
    """dateparser told to keep only dates with day, month and year, day first."""
    return dateparser_dates(doc, cache, {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"})


def ours_units(doc: Document, cache: dict) -> list[str]:
    return [u.name for u in cache["ours"]["units"]]


def ours_units_aliases(doc: Document, cache: dict) -> list[dict]:
    return [{"name": u.name, "aliases": list(u.aliases)} for u in cache["ours"]["units"]]


def find_units_all(doc: Document, cache: dict) -> list[str]:
    from extractors.units import find_units

    return _dedup([u.name for t in _texts(doc) for u in find_units(t)])


def spacy_ruler(doc: Document, cache: dict) -> list[str]:
    from extractors.sentences import nlp

    pipe = nlp()
    out = []
    for t in _texts(doc):
        sdoc = pipe(t)
        from spacy.util import filter_spans

        out.extend(s.text for s in filter_spans(list(sdoc.spans.get("units", []))))
    return _dedup(out)


def _ner_tags(doc: Document, cache: dict) -> list[list[tuple[str, str]]]:
    """underthesea's CRF NER over every text unit (once per document)."""
    if "ner" not in cache:
        from underthesea import ner

        cache["ner"] = [[(w, tag) for w, _pos, _chunk, tag in ner(t)] for t in _texts(doc)]
    return cache["ner"]


def _ner_entities(tagged: list[list[tuple[str, str]]], types: set[str]) -> list[str]:
    out = []
    for sent in tagged:
        cur: list[str] = []
        cur_type = None
        for word, tag in sent + [("", "O")]:
            bio, _, typ = tag.partition("-")
            if typ in types and (bio == "B" or typ != cur_type):
                if cur:
                    out.append(" ".join(cur))
                cur, cur_type = [word], typ
            elif typ in types and bio == "I":
                cur.append(word)
            else:
                if cur:
                    out.append(" ".join(cur))
                cur, cur_type = [], None
    return _dedup(out)


def underthesea_org(doc: Document, cache: dict) -> list[str]:
    return _ner_entities(_ner_tags(doc, cache), {"ORG"})


def underthesea_org_loc(doc: Document, cache: dict) -> list[str]:
    return _ner_entities(_ner_tags(doc, cache), {"ORG", "LOC"})


_CAP_RUN = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[ ]*[-–][ ]*\p{Lu}[\p{L}\p{N}]*|[ ]+\p{Lu}[\p{L}\p{N}]*)+", regex.V1)


def capitalised(doc: Document, cache: dict) -> list[str]:
    return _dedup([m.group(0) for t in _texts(doc) for m in _CAP_RUN.finditer(t, timeout=RX_TIMEOUT)])


def underthesea_available() -> str | None:
    """None when underthesea imports, else why not."""
    try:
        import underthesea  # noqa: F401
    except Exception as exc:  # pragma: no cover - depends on the machine
        return f"{type(exc).__name__}: {exc}"
    return None


@dataclass(slots=True)
class Method:
    kind: str  # "deadlines" | "units"
    name: str
    fn: Callable[[Document, dict], list]
    score: FieldScore = field(default_factory=FieldScore)
    seconds: float = 0.0
    docs: int = 0
    skipped: str | None = None


def methods() -> list[Method]:
    ms = [
        Method("deadlines", "vanban (obligation deadlines)", ours_deadlines),
        Method("deadlines", "our date grammar, every date", every_date),
        Method("deadlines", "dateparser.search_dates(vi)", dateparser_dates),
        Method("deadlines", "dateparser, day+month+year required", dateparser_full_dates),
        Method("units", "vanban (task units + aliases)", ours_units_aliases),
        Method("units", "vanban find_units, every mention", find_units_all),
        Method("units", "spaCy SpanRuler head words", spacy_ruler),
        Method("units", "underthesea.ner CRF, ORG", underthesea_org),
        Method("units", "underthesea.ner CRF, ORG+LOC", underthesea_org_loc),
        Method("units", "capitalised-span heuristic", capitalised),
    ]
    why = underthesea_available()
    if why:
        for m in ms:
            if m.fn in (underthesea_org, underthesea_org_loc):
                m.skipped = f"underthesea not installed ({why})"
    return ms


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------


def _score(m: Method, gold: dict, pred: list) -> FieldScore:
    scores: dict = {}
    if m.kind == "deadlines":
        obligations = [{"deadline": {"date": iso, "text": text}, "units": []} for iso, text in pred]
        score_deadlines(gold.get("deadlines") or [], obligations, scores, {})
        return scores["deadlines"]
    score_units(gold.get("units") or [], pred, scores, {})
    return scores["units"]


def run_bench(gold_dir: Path, doc_dir: Path, formats: list[str]) -> tuple[list[Method], dict]:
    from parsers import parse

    ms = methods()
    info = {"files": [], "parse_s": 0.0}
    warmed = False
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        for path in find_documents(gp.stem, [doc_dir], formats):
            t0 = time.perf_counter()
            doc = parse(path)
            info["parse_s"] += time.perf_counter() - t0
            info["files"].append(path.name)
            if not warmed:  # imports, compiled patterns, models loaded once, outside the per-document times
                warm = {"ours": _ours(doc)}
                for m in ms:
                    if not m.skipped:
                        m.fn(doc, warm)
                warmed = True
            t0 = time.perf_counter()
            cache = {"ours": _ours(doc)}
            ours_s = time.perf_counter() - t0
            for m in ms:
                if m.skipped:
                    continue
                shared = 0.0
                if m.fn in (ours_deadlines, ours_units_aliases):
                    shared = ours_s  # the extraction itself is the cost of these two
                elif m.fn in (underthesea_org, underthesea_org_loc):
                    if "ner" not in cache:
                        t0 = time.perf_counter()
                        _ner_tags(doc, cache)
                        cache["ner_s"] = time.perf_counter() - t0
                    shared = cache["ner_s"]  # tagging, shared by the ORG and ORG+LOC readings
                t0 = time.perf_counter()
                pred = m.fn(doc, cache)
                dt = time.perf_counter() - t0 + shared
                m.seconds += dt
                m.docs += 1
                m.score.add(_score(m, gold, pred))
    return ms, info


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def format_table(ms: list[Method], info: dict) -> str:
    n = len(info["files"])
    lines = [f"{n} documents: {', '.join(info['files'])}",
             f"parsing (shared by every method): {1000 * info['parse_s'] / max(n, 1):.0f} ms/doc", ""]
    for kind in ("deadlines", "units"):
        lines.append(f"{kind:<36} {'tp':>4} {'fp':>5} {'fn':>4}   {'P':>5} {'R':>5} {'F1':>5}   {'ms/doc':>7}")
        for m in ms:
            if m.kind != kind:
                continue
            if m.skipped:
                lines.append(f"{m.name:<36} skipped: {m.skipped}")
                continue
            s = m.score
            ms_doc = 1000 * m.seconds / max(m.docs, 1)
            lines.append(f"{m.name:<36} {s.tp:>4} {s.fp:>5} {s.fn:>4}   {_pct(s.precision)} {_pct(s.recall)} "
                         f"{_pct(s.f1)}   {ms_doc:>7.1f}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "shared" / "gold" / "seeds")
    ap.add_argument("--docs", type=Path, default=ROOT / "data" / "raw")
    ap.add_argument("--formats", default="txt,docx", help="comma-separated formats (default txt,docx)")
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    ms, info = run_bench(args.gold, args.docs, formats)
    if not info["files"]:
        print("no documents matched a gold file", file=sys.stderr)
        return 2
    print(format_table(ms, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
