"""Scoring extraction output against the gold annotations (``vanban eval``).

For each gold file ``<stem>.json`` every document ``<stem>.<ext>`` found in the
document directories is extracted (``pipeline.assemble.extract_file``) and
compared with the gold, key by key, as CONTRACT.md says.  The matching rules,
stated once here so that a score can be reproduced by hand:

* **text key** ``fold()`` (no case, no diacritics, đ→d, dashes and spaces
  collapsed); **tokens** are the ``\\w+`` runs of the folded text.
* **reference id**: NFC, diacritics removed (so đ/Đ → d), case folded, every
  space and dash removed: ``04-CTPH/BDVTU-BCSD UBND`` ≡ ``04-ctph/bdvtu-bcsdubnd``.
  A gold reference is *found* when a predicted reference has the same key
  (one to one).  Over matched pairs: ``reference_date`` (ISO equality, both
  null counts as right), ``reference_issuer`` (fuzzy name match below),
  ``reference_type``.
* **fuzzy name** (units, issuers): equal folded text, or token-set Dice
  ≥ ``NAME_DICE`` (0.8) after abbreviations in one name are expanded against
  the other by initials (``TC`` ↔ "Tổ chức", ``TTYT`` ↔ "Trung tâm Y tế",
  ``UBND`` ↔ "Ủy ban nhân dân").
* **sentence overlap** (assignments, recurring, unnumbered references):
  ``|A∩B| / min(|A|,|B|)`` over token sets when the smaller side has at least
  ``MIN_TOKENS`` (5) tokens, else ``|A∩B| / max(|A|,|B|)``; a match needs
  ≥ ``TEXT_OVERLAP`` (0.6).  Gold ``source_text`` is often a truncated prefix,
  which this measure tolerates.
* **head titles**: a head's title before its body is folded on either side
  before names are compared ("Giám đốc Sở Y tế" ≡ "Sở Y tế", "Các Bộ trưởng" ≡
  "Các bộ", "Chánh Văn phòng UBND tỉnh" ≡ "Văn phòng UBND tỉnh").
* **deadlines**: gold ``deadlines`` plus ``deadlines_period`` (a month, quarter
  or half-year, due on its last day: "2026-Q2" → 2026-06-30).  A prediction of
  31 December read from a year alone (its text holds no "31") is never counted
  wrong: unmatched, it is no false positive.
  Multiset matching on the ISO date (a gold date occurring
  twice needs two predictions); among equal dates, pairs whose units agree are
  taken first.  ``deadline_unit`` = over matched deadlines, a predicted unit
  matches one of the gold ``units`` (or ``units_implied``); when gold names no
  unit at all, right when none is predicted either.
* **recurring**: a predicted obligation with a recurrence whose text, source
  sentence or action overlaps the gold ``text``/``action``; among equal
  overlaps, pairs whose task text, then units, agree are taken first.  As
  GUIDELINES says, "định kỳ" naming no period ("định kỳ báo cáo kết quả") is
  a recurrence without a rule and is not scored either way: such gold items
  are no misses, such predictions (no RRULE, "định kỳ" and no period in their
  text) no false positives.
* **assignments**: a predicted obligation whose ``source_text``/``action``
  overlaps the gold ``source_text``/``action`` **and** one of whose units
  matches one of the gold ``units_lead``/``units_support``/``units_implied``
  (a gold task naming no unit also accepts a prediction naming none).
* **units**: gold unit names vs predicted units (name or any alias), one to one.
* **criteria**: the flattened trees as multisets of (code, max_points); codes
  compared after fold without trailing dots, points as numbers.
* **header fields** (type, type_code, number, symbol, id, date, issuer,
  signer, place, subject): equal after fold (quotes unified, trailing
  punctuation dropped).  ``date`` compares ``date`` or else ``date_partial``.
  When the gold document is an annex carrying ``attached_to`` (the plan it is
  issued with), that document's values are accepted as well.
  ``recipients`` and ``distribution`` are scored as lists (one to one, fold).

Counts per field: ``tp``/``fp``/``fn`` (precision, recall, F1) and, for
single-valued fields, ``correct``/``total`` (accuracy, where gold and
prediction both null counts as correct).  Reports are per file and format,
then micro-averaged per format and overall.
"""

from __future__ import annotations

import calendar
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from core import regex_cached as regex

from core.errors import DocumentError
from core.textutil import RX_TIMEOUT, fold, reference_key
from parsers import FORMATS
from pipeline import assemble

NAME_DICE = 0.8
TEXT_OVERLAP = 0.6
MIN_TOKENS = 5

HEADER_FIELDS = ("type", "type_code", "number", "symbol", "id", "date", "issuer", "signer", "place", "subject")
LIST_HEADER_FIELDS = ("recipients", "distribution")

# the order fields are shown in
FIELDS = (
    "references", "reference_date", "reference_issuer", "reference_type", "unnumbered_references",
    "deadlines", "deadline_unit", "recurring", "assignments", "units", "criteria", "criteria_total",
    *(f"document.{f}" for f in HEADER_FIELDS),
    *(f"document.{f}" for f in LIST_HEADER_FIELDS),
)
# fields whose headline figure is accuracy rather than F1
ACCURACY_FIELDS = frozenset(
    {"reference_date", "reference_issuer", "reference_type", "deadline_unit", "criteria_total"}
    | {f"document.{f}" for f in HEADER_FIELDS}
)

_WORD = regex.compile(r"\w+")
_QUOTES = regex.compile(r"[“”„‟\"'‘’`]")
_TRAIL = regex.compile(r"[\s.;:,]+$")
# A head's title before the body it heads ("Giám đốc Sở Y tế", "Chủ tịch UBND cấp xã", "Lãnh đạo
# Sở X", "Thủ trưởng các đơn vị"), matched on the NFC, case-folded text (with diacritics: "trưởng"
# is a title, "trường" a school).  "Bộ trưởng / Cục trưởng / Vụ trưởng …" name the body's kind.
_HEAD_TITLE = regex.compile(
    r"^(?:(?:các|những)\s+)?(?:(?:phó|tổng)\s+)*"
    r"(?:giám\s+đốc|chủ\s+tịch|lãnh\s+đạo|thủ\s+trưởng|hiệu\s+trưởng|người\s+đứng\s+đầu|chánh\s+án|chánh(?=\s+(?:văn\s+phòng|thanh\s+tra))"
    r"|trưởng(?=\s+(?:phòng|ban|khoa|đoàn|bộ\s+môn|trạm|đài|tiểu\s+ban)\b))\s+"
)
_KIND_HEAD = regex.compile(r"^((?:các|những)\s+)?(bộ|cục|vụ|viện|tổng\s+cục)\s+trưởng\b")
_PERIOD = regex.compile(r"^(\d{4})-(?:(\d{2})|Q([1-4])|H([12]))$")


# --------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------


@dataclass(slots=True)
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0

    def add(self, other: "FieldScore") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.correct += other.correct
        self.total += other.total

    @property
    def precision(self) -> float | None:
        d = self.tp + self.fp
        return self.tp / d if d else None

    @property
    def recall(self) -> float | None:
        d = self.tp + self.fn
        return self.tp / d if d else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "correct": self.correct, "total": self.total,
            "precision": _r(self.precision), "recall": _r(self.recall), "f1": _r(self.f1),
            "accuracy": _r(self.accuracy),
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _scalar(score: FieldScore, gold: Any, pred: Any, same: Callable[[Any, Any], bool]) -> bool:
    """Count one single-valued comparison; returns whether it was right."""
    g_has = gold not in (None, "")
    p_has = pred not in (None, "")
    ok = (not g_has and not p_has) or (g_has and p_has and same(gold, pred))
    score.total += 1
    score.correct += ok
    if g_has and p_has and ok:
        score.tp += 1
    else:
        score.fp += p_has
        score.fn += g_has
    return ok


@dataclass(slots=True)
class FileResult:
    stem: str
    format: str
    path: str
    scores: dict[str, FieldScore] = field(default_factory=dict)
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)  # misses and spurious items, for a reader
    chars: int | None = None  # characters of the document's text (blocks, cells, footnotes), when known

    @property
    def size(self) -> str | None:
        """``"short"`` (a letter or an excerpt: under SHORT_CHARS characters) or ``"full"``."""
        if self.chars is None:
            return None
        return "short" if self.chars < SHORT_CHARS else "full"

    def as_dict(self) -> dict[str, Any]:
        return {
            "stem": self.stem, "format": self.format, "path": self.path, "error": self.error,
            "chars": self.chars, "size": self.size,
            "scores": {k: v.as_dict() for k, v in self.scores.items()}, "details": self.details,
        }


@dataclass(slots=True)
class EvalReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def formats(self) -> list[str]:
        return sorted({f.format for f in self.files})

    @property
    def sizes(self) -> list[str]:
        return sorted({f.size for f in self.files if f.size is not None})

    def overall(self, fmt: str | None = None, size: str | None = None) -> dict[str, FieldScore]:
        """Micro-averaged counts over every file (of one format, of one size, when given)."""
        out: dict[str, FieldScore] = {k: FieldScore() for k in FIELDS}
        for f in self.files:
            if fmt is not None and f.format != fmt:
                continue
            if size is not None and f.size != size:
                continue
            for k, v in f.scores.items():
                out.setdefault(k, FieldScore()).add(v)
        return out

    def metric(self, name: str, kind: str = "f1", fmt: str | None = None) -> float | None:
        return getattr(self.overall(fmt)[name], kind)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": [f.as_dict() for f in self.files],
            "by_format": {fm: {k: v.as_dict() for k, v in self.overall(fm).items()} for fm in self.formats},
            "by_size": {sz: {k: v.as_dict() for k, v in self.overall(size=sz).items()} for sz in self.sizes},
            "overall": {k: v.as_dict() for k, v in self.overall().items()},
        }


# --------------------------------------------------------------------------
# Keys and similarity
# --------------------------------------------------------------------------


def text_key(text: Any) -> str:
    if text is None:
        return ""
    t = _QUOTES.sub('"', fold(str(text)), timeout=RX_TIMEOUT)
    return _TRAIL.sub("", t, timeout=RX_TIMEOUT)


def tokens(text: str | None) -> list[str]:
    return _WORD.findall(fold(text or ""), timeout=RX_TIMEOUT) if text else []


def _dice(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def _expand(a: list[str], b: list[str]) -> list[str]:
    """``a`` with abbreviations spelled out where ``b`` has a run of words
    with those initials ("tc" + b=[…, "to", "chuc", …] → "to", "chuc")."""
    bset = set(b)
    out: list[str] = []
    for t in a:
        if t in bset or not (2 <= len(t) <= 8) or not t.isalpha():
            out.append(t)
            continue
        n = len(t)
        for i in range(len(b) - n + 1):
            if "".join(w[0] for w in b[i:i + n]) == t:
                out.extend(b[i:i + n])
                break
        else:
            out.append(t)
    return out


def body_of_head(name: str) -> str:
    """The body a head's title stands for (GUIDELINES: a head's title equals the body it heads):
    "Giám đốc Sở Y tế" → "Sở Y tế", "Các Bộ trưởng" → "Các bộ", "Chánh Văn phòng UBND tỉnh" →
    "Văn phòng UBND tỉnh"; other names unchanged."""
    t = unicodedata.normalize("NFC", name).strip().casefold()
    m = _KIND_HEAD.match(t, timeout=RX_TIMEOUT)
    if m:
        return (m.group(1) or "") + m.group(2) + t[m.end():]
    m = _HEAD_TITLE.match(t, timeout=RX_TIMEOUT)
    if m and t[m.end():].strip():
        lead = "các " if t.startswith(("các ", "những ")) and not t[m.end():].startswith("các ") else ""
        return lead + t[m.end():]
    return name


def _similarity(a: str, b: str) -> float:
    if text_key(a) == text_key(b):
        return 1.0
    ta, tb = tokens(a), tokens(b)
    return max(_dice(ta, tb), _dice(_expand(ta, tb), tb), _dice(ta, _expand(tb, ta)))


def name_similarity(a: str | None, b: str | None) -> float:
    """1.0 for equal folded names; else token Dice with abbreviations expanded; a head's
    title is folded to its body on either side."""
    if not a or not b:
        return 0.0
    best = _similarity(a, b)
    if best < 1.0:
        ha, hb = body_of_head(a), body_of_head(b)
        if (ha, hb) != (a, b):
            best = max(best, _similarity(ha, hb))
    return best


def name_match(a: str | None, b: str | None) -> bool:
    return name_similarity(a, b) >= NAME_DICE


def text_overlap(a: str | None, b: str | None) -> float:
    sa, sb = set(tokens(a)), set(tokens(b))
    if not sa or not sb:
        return 0.0
    inter = len(sa & sb)
    small = min(len(sa), len(sb))
    return inter / small if small >= MIN_TOKENS else inter / max(len(sa), len(sb))


def _best_overlap(golds: Iterable[str | None], preds: Iterable[str | None]) -> float:
    ps = [p for p in preds if p]
    return max((text_overlap(g, p) for g in golds if g for p in ps), default=0.0)


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: best scores first (ties: earlier items first)."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _s, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _set_score(n_gold: int, n_pred: int, n_match: int) -> FieldScore:
    return FieldScore(tp=n_match, fp=n_pred - n_match, fn=n_gold - n_match)


# --------------------------------------------------------------------------
# Per-key scoring
# --------------------------------------------------------------------------


def _pred_unit_names(units: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for u in units or []:
        if isinstance(u, str):
            out.append(u)
        elif isinstance(u, dict):
            out.extend(x for x in (u.get("name"), u.get("raw")) if x)
            out.extend(a for a in u.get("aliases") or [] if a)
    return out


def _any_unit_match(golds: Iterable[str], preds: Iterable[str]) -> bool:
    ps = list(preds)
    return any(name_match(g, p) for g in golds if g for p in ps)


def score_references(gold: list[dict], pred: list[dict], scores: dict, details: dict) -> None:
    gk = [reference_key(g.get("id")) for g in gold]
    pk = [reference_key(p.get("id")) for p in pred]
    pairs = [(1.0, i, j) for i, a in enumerate(gk) for j, b in enumerate(pk) if a and a == b]
    matched = _greedy(pairs)
    scores["references"] = _set_score(len(gold), len(pred), len(matched))
    date_s, iss_s, type_s = FieldScore(), FieldScore(), FieldScore()
    wrong: list[dict] = []
    for gi, pi in matched:
        g, p = gold[gi], pred[pi]
        ok_d = _scalar(date_s, g.get("date"), p.get("date"), lambda a, b: a == b)
        ok_i = _scalar(iss_s, g.get("issuer"), p.get("issuer"), name_match)
        _scalar(type_s, g.get("type"), p.get("type"), lambda a, b: text_key(a) == text_key(b))
        if not (ok_d and ok_i):
            wrong.append({"id": g.get("id"), "gold": [g.get("date"), g.get("issuer")],
                          "pred": [p.get("date"), p.get("issuer")]})
    scores["reference_date"], scores["reference_issuer"], scores["reference_type"] = date_s, iss_s, type_s
    mg = {gi for gi, _ in matched}
    mp = {pi for _, pi in matched}
    details["references_missed"] = [gold[i].get("id") for i in range(len(gold)) if i not in mg]
    details["references_spurious"] = [pred[j].get("id") for j in range(len(pred)) if j not in mp]
    details["references_wrong_date_or_issuer"] = wrong


def score_unnumbered(gold: list, pred: list[dict], scores: dict, details: dict) -> None:
    gt = [g if isinstance(g, str) else (g or {}).get("text", "") for g in gold]
    pt = [p.get("text", "") if isinstance(p, dict) else str(p) for p in pred]
    pairs = [(s, i, j) for i, a in enumerate(gt) for j, b in enumerate(pt)
             if (s := text_overlap(a, b)) >= TEXT_OVERLAP]
    matched = _greedy(pairs)
    scores["unnumbered_references"] = _set_score(len(gt), len(pt), len(matched))
    mg = {gi for gi, _ in matched}
    details["unnumbered_missed"] = [gt[i] for i in range(len(gt)) if i not in mg]


def period_end(period: str | None) -> str | None:
    """Last day of a ``deadlines_period`` period: "2026-04" → "2026-04-30", "2026-Q2" →
    "2026-06-30", "2025-H1" → "2025-06-30" (GUIDELINES: due on the last day of the period)."""
    m = _PERIOD.match((period or "").strip(), timeout=RX_TIMEOUT)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else 3 * int(m.group(3)) if m.group(3) else 6 * int(m.group(4))
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{last:02d}"


def gold_deadlines(gold: dict) -> list[dict]:
    """``deadlines`` plus ``deadlines_period`` entries, each period due on its last day."""
    out = list(gold.get("deadlines") or [])
    for g in gold.get("deadlines_period") or []:
        end = period_end(g.get("period"))
        if end:
            out.append({**g, "date": end})
    return out


def _whole_year(o: dict) -> bool:
    """A predicted 31 December read from a year alone ("Năm 2026", "trong năm 2026"): never counted
    wrong (GUIDELINES), so an unmatched one is no false positive."""
    dl = o.get("deadline") or {}
    return str(dl.get("date") or "").endswith("-12-31") and "31" not in str(dl.get("text") or "")


def score_deadlines(gold: list[dict], obligations: list[dict], scores: dict, details: dict) -> None:
    preds = [o for o in obligations if (o.get("deadline") or {}).get("date")]
    pairs = []
    for i, g in enumerate(gold):
        for j, o in enumerate(preds):
            if g.get("date") and g["date"] == o["deadline"]["date"]:
                unit_ok = _deadline_unit_ok(g, o)
                pairs.append((1.0 + unit_ok, i, j))
    matched = _greedy(pairs)
    mp = {pi for _, pi in matched}
    excused = sum(1 for j, o in enumerate(preds) if j not in mp and _whole_year(o))
    scores["deadlines"] = _set_score(len(gold), len(preds) - excused, len(matched))
    us = FieldScore()
    for gi, pi in matched:
        ok = _deadline_unit_ok(gold[gi], preds[pi])
        us.total += 1
        us.correct += ok
        us.tp += ok
        us.fp += not ok
        us.fn += not ok
    scores["deadline_unit"] = us
    mg = {gi for gi, _ in matched}
    details["deadlines_missed"] = [gold[i].get("text") or gold[i].get("date") for i in range(len(gold)) if i not in mg]
    details["deadlines_spurious"] = [preds[j]["deadline"].get("text") for j in range(len(preds))
                                     if j not in mp and not _whole_year(preds[j])]


def _deadline_unit_ok(g: dict, o: dict) -> bool:
    gold_units = list(g.get("units") or []) + list(g.get("units_implied") or [])
    pred_units = _pred_unit_names(o.get("units"))
    if not gold_units:
        return not pred_units
    return _any_unit_match(gold_units, pred_units)


# "định kỳ" with no period named: a recurrence without a rule, scored neither way (GUIDELINES).  A period is a
# figure, a calendar word or a word of rounds ("hằng", "mỗi", "tuần", "tháng", "quý" as a quarter, "năm", "học kỳ",
# "đợt"); "quy" opening "quy định", "quy chế" … is none.
_PERIODIC = regex.compile(r"(?<!\w)dinh ky(?!\w)")
_PERIOD_NAMED = regex.compile(
    r"\d|(?<!\w)(?:hang|moi|tuan|thang|nam|ngay|hoc ky|dot|quy(?! (?:dinh|che|trinh|mo|hoach|chuan|tac|pham|uoc)))(?!\w)")


def rule_less(text: str | None) -> bool:
    """Whether a recurrence's text is "định kỳ" naming no period ("định kỳ báo cáo kết quả", "báo cáo định kỳ theo
    quy định"): a recurrence without a rule, which GUIDELINES leaves unscored."""
    t = fold(text or "")
    return bool(_PERIODIC.search(t, timeout=RX_TIMEOUT)) and not _PERIOD_NAMED.search(t, timeout=RX_TIMEOUT)


def score_recurring(gold: list[dict], obligations: list[dict], scores: dict, details: dict) -> None:
    gold = [g for g in gold if not rule_less(g.get("text"))]
    preds = [o for o in obligations if o.get("recurrence")
             and not (not o["recurrence"].get("rrule") and rule_less(o["recurrence"].get("text")))]
    pairs = []
    for i, g in enumerate(gold):
        for j, o in enumerate(preds):
            s = _best_overlap(
                [g.get("text"), g.get("action")],
                [(o.get("recurrence") or {}).get("text"), o.get("source_text"), o.get("action")],
            )
            if s >= TEXT_OVERLAP:
                # a short gold text ("Hằng năm") fits many predictions equally: among equal overlaps,
                # the prediction whose task and units agree with the gold item is taken first
                task = _best_overlap([g.get("action"), g.get("text")], [o.get("action"), o.get("source_text")])
                units_ok = _any_unit_match(list(g.get("units") or []), _pred_unit_names(o.get("units")))
                pairs.append((round(s, 2) + 0.001 * task + 0.0001 * units_ok, i, j))
    matched = _greedy(pairs)
    scores["recurring"] = _set_score(len(gold), len(preds), len(matched))
    mg = {gi for gi, _ in matched}
    details["recurring_missed"] = [gold[i].get("text") for i in range(len(gold)) if i not in mg]


def score_assignments(gold: list[dict], obligations: list[dict], scores: dict, details: dict) -> None:
    pairs = []
    for i, g in enumerate(gold):
        named = list(g.get("units_lead") or []) + list(g.get("units_support") or [])
        implied = list(g.get("units_implied") or [])
        for j, o in enumerate(obligations):
            s = _best_overlap([g.get("source_text"), g.get("action")], [o.get("source_text"), o.get("action")])
            if s < TEXT_OVERLAP:
                continue
            p_units = _pred_unit_names(o.get("units"))
            if _any_unit_match(named + implied, p_units) or (not named and not p_units):
                pairs.append((s, i, j))
    matched = _greedy(pairs)
    scores["assignments"] = _set_score(len(gold), len(obligations), len(matched))
    mg = {gi for gi, _ in matched}
    details["assignments_missed"] = [
        (gold[i].get("source_text") or gold[i].get("action") or "")[:80] for i in range(len(gold)) if i not in mg
    ]


def score_units(gold: list, pred: list, scores: dict, details: dict) -> None:
    gnames = [g if isinstance(g, str) else (g or {}).get("name", "") for g in gold]
    pnames = [_pred_unit_names([p]) for p in pred]
    pairs = []
    for i, g in enumerate(gnames):
        for j, names in enumerate(pnames):
            s = max((name_similarity(g, n) for n in names), default=0.0)
            if s >= NAME_DICE:
                pairs.append((s, i, j))
    matched = _greedy(pairs)
    scores["units"] = _set_score(len(gnames), len(pnames), len(matched))
    mg = {gi for gi, _ in matched}
    mp = {pi for _, pi in matched}
    details["units_missed"] = [gnames[i] for i in range(len(gnames)) if i not in mg]
    details["units_spurious"] = [(pnames[j] or [""])[0] for j in range(len(pnames)) if j not in mp]


def _flatten(nodes: Iterable[dict]) -> Iterable[dict]:
    for n in nodes or []:
        if isinstance(n, dict):
            yield n
            yield from _flatten(n.get("children") or [])


def _points(x: Any) -> float | None:
    if x is None or x == "":
        return None
    try:
        return round(float(str(x).replace(",", ".")), 3)
    except ValueError:
        return None


def _criterion_key(n: dict) -> tuple[str | None, float | None]:
    code = n.get("code")
    code_k = text_key(code).rstrip(".") if code not in (None, "") else None
    return code_k, _points(n.get("max_points"))


def score_criteria(gold: list[dict], pred: list[dict], gold_total: Any, pred_total: Any,
                   scores: dict, details: dict) -> None:
    gk = [_criterion_key(n) for n in _flatten(gold)]
    pk = [_criterion_key(n) for n in _flatten(pred)]
    remaining: dict[tuple, int] = {}
    for k in pk:
        remaining[k] = remaining.get(k, 0) + 1
    matched = 0
    missed = []
    for k in gk:
        if remaining.get(k, 0) > 0:
            remaining[k] -= 1
            matched += 1
        else:
            missed.append(k)
    scores["criteria"] = _set_score(len(gk), len(pk), matched)
    ts = FieldScore()
    _scalar(ts, _points(gold_total), _points(pred_total), lambda a, b: a == b)
    scores["criteria_total"] = ts
    details["criteria_missed"] = [list(k) for k in missed]
    details["criteria_spurious"] = [list(k) for k, c in remaining.items() for _ in range(c)]


def _header_value(d: dict | None, name: str) -> Any:
    if not d:
        return None
    if name == "date":
        return d.get("date") or d.get("date_partial")
    if name == "signer":
        s = d.get("signer")
        return s.get("name") if isinstance(s, dict) else s
    if name == "id":
        if d.get("id"):
            return d["id"]
        return f"{d['number']}/{d['symbol']}" if d.get("number") and d.get("symbol") else None
    return d.get(name)


def score_header(gold: dict, pred: dict, scores: dict, details: dict) -> None:
    gold = gold or {}
    pred = pred or {}
    alt = gold.get("attached_to") if isinstance(gold.get("attached_to"), dict) else None
    wrong = {}
    for name in HEADER_FIELDS:
        g = _header_value(gold, name)
        p = _header_value(pred, name)
        a = _header_value(alt, name) if alt else None
        same = (lambda x, y: reference_key(x) == reference_key(y)) if name == "id" else (lambda x, y: text_key(x) == text_key(y))
        s = FieldScore()
        if a not in (None, "") and p not in (None, "") and same(a, p) and not (g not in (None, "") and same(g, p)):
            # the annex's own document (attached_to) is an accepted reading
            s.total, s.correct, s.tp = 1, 1, 1
        elif not _scalar(s, g, p, same):
            wrong[name] = {"gold": g, "pred": p}
        else:
            pass
        scores[f"document.{name}"] = s
    for name in LIST_HEADER_FIELDS:
        gl = [text_key(x) for x in gold.get(name) or []]
        pl = [text_key(x) for x in pred.get(name) or []]
        pairs = [(1.0, i, j) for i, a in enumerate(gl) for j, b in enumerate(pl) if a and a == b]
        scores[f"document.{name}"] = _set_score(len(gl), len(pl), len(_greedy(pairs)))
    details["document_wrong"] = wrong


def score_document(gold: dict, pred: dict) -> tuple[dict[str, FieldScore], dict[str, Any]]:
    """Compare one extraction (contract JSON) with one gold annotation."""
    scores: dict[str, FieldScore] = {}
    details: dict[str, Any] = {}
    obligations = pred.get("obligations") or []
    score_references(gold.get("references") or [], pred.get("references") or [], scores, details)
    score_unnumbered(gold.get("unnumbered_references") or [], pred.get("unnumbered_references") or [], scores, details)
    score_deadlines(gold_deadlines(gold), obligations, scores, details)
    score_recurring(gold.get("recurring") or [], obligations, scores, details)
    score_assignments(gold.get("assignments") or [], obligations, scores, details)
    score_units(gold.get("units") or [], pred.get("units") or [], scores, details)
    score_criteria(gold.get("criteria") or [], pred.get("criteria") or [],
                   gold.get("criteria_total"), pred.get("criteria_total"), scores, details)
    score_header(gold.get("document") or {}, pred.get("document") or {}, scores, details)
    return scores, details


# --------------------------------------------------------------------------
# Running over directories
# --------------------------------------------------------------------------


def _extensions() -> dict[str, str]:
    """extension → format name, as the parsers dispatch them."""
    return {ext: fmt for ext, (fmt, _mod) in FORMATS.items()}


def find_documents(stem: str, doc_dirs: Iterable[str | Path], formats: Iterable[str] | None = None) -> list[Path]:
    exts = _extensions()
    wanted = {f.strip().lower().lstrip(".") for f in formats} if formats else None
    out: list[Path] = []
    for d in doc_dirs:
        d = Path(d)
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.is_file() and p.stem == stem and p.suffix.lower() in exts:
                if wanted is None or exts[p.suffix.lower()] in wanted:
                    out.append(p)
    return out


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    gd = Path(gold_dir)
    if not gd.is_dir():
        raise FileNotFoundError(f"no gold directory {gd}")
    out = {}
    for p in sorted(gd.glob("*.json")):
        with p.open(encoding="utf-8") as f:
            out[p.stem] = json.load(f)
    return out


SHORT_CHARS = 9000  # about three pages: letters and excerpts below, full documents above


def text_chars(content: dict | None) -> int | None:
    """Characters of a serialized document model's text: paragraphs, table cells, footnotes."""
    if not content:
        return None
    n = 0
    for b in content.get("blocks") or []:
        n += len(b.get("text") or "")
        n += sum(len(c.get("text") or "") for c in b.get("cells") or [])
    n += sum(len(f.get("text") or "") for f in content.get("footnotes") or [])
    return n


def evaluate(
    gold_dir: str | Path,
    doc_dirs: Iterable[str | Path],
    formats: Iterable[str] | None = None,
    *,
    extract: Callable[[Path], dict] | None = None,
) -> EvalReport:
    """Extract every document matching a gold stem and score it.

    ``extract`` defaults to ``pipeline.assemble.extract_file`` (without the
    document model); a file that cannot be read is scored as an empty
    extraction and its error is kept on the ``FileResult``."""
    if extract is None:

        def extract(p: Path) -> dict:
            return assemble.extract_file(p, content=True)

    exts = _extensions()
    doc_dirs = list(doc_dirs)
    report = EvalReport()
    for stem, gold in load_gold(gold_dir).items():
        for path in find_documents(stem, doc_dirs, formats):
            error = None
            try:
                pred = extract(path)
            except DocumentError as exc:
                pred, error = {}, str(exc)
            except Exception as exc:  # an extraction bug must not hide the other files' scores
                pred, error = {}, f"{path}: {type(exc).__name__}: {exc}"
            chars = text_chars(pred.pop("content", None))
            scores, details = score_document(gold, pred)
            report.files.append(FileResult(stem, exts[path.suffix.lower()], str(path), scores, error, details, chars))
    return report


# --------------------------------------------------------------------------
# Presentation
# --------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{100 * x:5.1f}"


def format_table(scores: dict[str, FieldScore], title: str) -> str:
    lines = [title, f"{'field':<26} {'tp':>4} {'fp':>4} {'fn':>4}   {'P':>5} {'R':>5} {'F1':>5}  {'acc':>5} {'n':>4}"]
    for name in FIELDS:
        s = scores.get(name)
        if s is None or (s.tp + s.fp + s.fn + s.total) == 0:
            continue
        acc = _pct(s.accuracy) if s.total else "  -  "
        lines.append(
            f"{name:<26} {s.tp:>4} {s.fp:>4} {s.fn:>4}   {_pct(s.precision)} {_pct(s.recall)} {_pct(s.f1)}  {acc} "
            f"{s.total if s.total else '':>4}"
        )
    return "\n".join(lines)


_SUMMARY = (
    ("refs F1", "references", "f1"), ("ref date", "reference_date", "accuracy"),
    ("ref iss", "reference_issuer", "accuracy"), ("deadl F1", "deadlines", "f1"),
    ("dl unit", "deadline_unit", "accuracy"), ("recur F1", "recurring", "f1"),
    ("assign F1", "assignments", "f1"), ("units F1", "units", "f1"), ("crit F1", "criteria", "f1"),
    ("header", "_header", "accuracy"),
)


def _header_acc(scores: dict[str, FieldScore]) -> float | None:
    s = FieldScore()
    for f in HEADER_FIELDS:
        if f"document.{f}" in scores:
            s.add(scores[f"document.{f}"])
    return s.accuracy


_SIZE_TITLES = {
    "short": f"Micro-average, short documents (letters and excerpts, under {SHORT_CHARS:,} characters):",
    "full": f"Micro-average, full documents ({SHORT_CHARS:,} characters or more):",
}


def format_report(report: EvalReport, *, verbose: bool = False, by_size: bool = False) -> str:
    if not report.files:
        return "no documents matched a gold file"
    out = []
    head = f"{'file':<28} {'fmt':<5}" + "".join(f"{lab:>10}" for lab, _, _ in _SUMMARY)
    out += ["Per file (F1 or accuracy, %):", head]
    for f in report.files:
        row = f"{f.stem[:28]:<28} {f.format:<5}"
        for _lab, name, kind in _SUMMARY:
            v = _header_acc(f.scores) if name == "_header" else getattr(f.scores[name], kind)
            row += f"{_pct(v):>10}"
        if f.error:
            row += f"   ERROR: {f.error}"
        out.append(row)
    for fm in report.formats:
        out += ["", format_table(report.overall(fm), f"Micro-average, format {fm}:")]
    if by_size:
        for sz in report.sizes:
            n = sum(1 for f in report.files if f.size == sz)
            out += ["", format_table(report.overall(size=sz), f"{_SIZE_TITLES[sz]} {n} files")]
    out += ["", format_table(report.overall(), "Micro-average, all formats:")]
    if verbose:
        for f in report.files:
            det = {k: v for k, v in f.details.items() if v}
            if det:
                out += ["", f"{f.stem} [{f.format}]"]
                out += [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in det.items()]
    return "\n".join(out)
