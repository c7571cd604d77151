"""Criteria trees from scoring tables (and from report outlines in prose).

``extract_criteria(doc) -> CriteriaResult`` finds every criteria table
(``extractors.criteria_table``), turns its rows into a tree and checks the
arithmetic:

* group rows (roman numerals, "Tiêu chí số N", "1" above "1.1") → criteria
  ("1.1", "2", "a)") → alternatives ("Chấm 1 trong 3 tiêu chí sau" makes the
  row ``choose_one`` with the alternatives as children); codes kept as
  written, ``path`` gives the full position ("IV.1.2"; unnumbered parts are
  "1.3#1", "1.3#2");
* a row with an empty code that continues the row before (it starts after a
  page break, starts in lower case, or carries the points the row before
  lacks) is joined to it, text, points, units and evidence; other unnumbered
  rows (bullets "- …") are parts of the criterion above them;
* points from the points column, else from the text ("…: 3 điểm.");
* every parent must equal the sum of its children (a choose-one parent the
  largest alternative) and the groups the stated total ("Tổng cộng 100", or
  "thang điểm 100" in the header or the paragraphs before the table); each
  mismatch is a ``Warning("points_mismatch", …)``, never a silent fix.

Without a criteria table, numbered headings that state points in prose
("I. … (số điểm đạt được là .../14 điểm)") make a flat tree of groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.criteria_points import (
    clean_code,
    code_style,
    is_bullet,
    is_choose_one,
    is_total_label,
    leading_code,
    points_in_text,
    split_evidence,
    split_units,
    stated_total_in_text,
    strip_bullet,
    strip_choose_one,
    strip_points_phrase,
    to_number,
)
from extractors.criteria_table import RowView, Run, find_runs, header_total, read_rows
from core.model import CriteriaResult, Criterion, Document, Loc, Paragraph, Warning
from core.textutil import squash_spaces

EPS = 1e-6
TITLE_MAX = 160


# --------------------------------------------------------------------------
# building the tree
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """A criterion under construction: raw cell texts kept until the end so
    continuation rows can extend them."""

    code: str | None
    style: tuple[str, int]
    text: str
    points: float | None  # from the points column
    units: str
    evidence: str
    loc: Loc | None
    part: bool = False  # an unnumbered part (bullet row) of the criterion above
    bold: bool = False
    children: list["_Node"] = field(default_factory=list)

    def extend(self, row: RowView) -> None:
        if row.text:
            self.text = f"{self.text} {row.text}".strip()
        if self.points is None and row.points is not None:
            self.points = row.points
        if row.units.strip():
            self.units = f"{self.units}\n{row.units}".strip()
        if row.evidence.strip():
            self.evidence = f"{self.evidence}\n{row.evidence}".strip()


def _is_continuation(row: RowView, last: _Node) -> bool:
    """An uncoded row that continues ``last`` rather than adding a part."""
    t = row.text.lstrip("*_ ")
    if not t:
        return row.points is not None and last.points is None or bool(row.units or row.evidence) and not last.children
    if is_bullet(t):
        return False
    first = t[0]
    if first.islower() or first in "(,;:.)":
        return True
    if row.starts_piece:
        return True
    if is_choose_one(last.text) or last.text.rstrip().endswith(":"):
        return False  # the rows below are its alternatives / listed parts
    last_points = last.points if last.points is not None else points_in_text(last.text)
    row_points = row.points if row.points is not None else points_in_text(row.text)
    return last_points is None and row_points is not None and not last.children


class _TreeBuilder:
    def __init__(self) -> None:
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.last: _Node | None = None
        self.stated_total: float | None = None
        self.total_loc: Loc | None = None

    def add(self, row: RowView) -> None:
        code = clean_code(row.code)
        label = row.text or code
        if not code and is_total_label(label) or (code and is_total_label(code) and not row.text):
            self._total(row)
            return
        if not code:
            if self.last is not None and _is_continuation(row, self.last):
                self.last.extend(row)
                return
            lead, _rest = leading_code(row.text)
            if lead is not None:
                code = lead
        if not code:
            self._part(row)
            return
        node = _Node(code, code_style(code), row.text, row.points, row.units, row.evidence, row.loc, bold=row.bold)
        self._place(node)
        self.last = node

    def _total(self, row: RowView) -> None:
        value = row.points
        if value is None:
            for o in row.others:
                value = to_number(o.strip(" *")) or stated_total_in_text("tổng điểm " + o)
                if value is not None:
                    break
        if value is None:
            value = points_in_text(row.text)
        if value is not None:
            self.stated_total = value
            self.total_loc = row.loc

    def _part(self, row: RowView) -> None:
        owner = next((n for n in reversed(self.stack) if not n.part), None)
        if row.bold and (owner is None or row.points is not None):
            # a bold unnumbered row with its own points: a group without a code
            node = _Node(None, ("bold", 0), row.text, row.points, row.units, row.evidence, row.loc)
            self.stack = [node]
            self.roots.append(node)
            self.last = node
            return
        text = strip_bullet(row.text) if is_bullet(row.text) else row.text
        node = _Node(None, ("part", 0), text, row.points, row.units, row.evidence, row.loc, part=True)
        if owner is None:
            self.roots.append(node)
        else:
            owner.children.append(node)
        self.last = node

    def _place(self, node: _Node) -> None:
        # drop unnumbered parts from the open path
        while self.stack and self.stack[-1].part:
            self.stack.pop()
        kind, depth = node.style
        parent_idx: int | None = None
        if kind == "num" and depth > 1 and node.code:
            prefix = node.code.rstrip(".)").rsplit(".", 1)[0]
            for i in range(len(self.stack) - 1, -1, -1):
                s = self.stack[i]
                if s.style[0] == "num" and s.code and s.code.rstrip(".)") == prefix:
                    parent_idx = i
                    break
            if parent_idx is not None:
                del self.stack[parent_idx + 1:]
        if parent_idx is None:
            same = self._same_level(node)
            if same is not None:
                del self.stack[same:]
            elif kind == "bold":
                self.stack.clear()
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(node)

    def _same_level(self, node: _Node) -> int | None:
        """The stack index of the open node ``node`` is a sibling of, or None
        when it opens a new level.  Plain numbers may be used on two levels
        ("1" groups whose criteria restart at "1"): a "1" right after a node of
        the same style opens a level below it; otherwise the sibling is the
        open node numbered one less (bold decides between equals)."""
        same = [i for i in range(len(self.stack)) if self.stack[i].style == node.style]
        if not same:
            return None
        num = _int_code(node.code)
        top = self.stack[-1]
        if num == 1 and self.last is top and top.style == node.style and _int_code(top.code) is not None:
            return None  # numbering restarts under the row just before
        if num is not None and len(same) > 1:
            prev = [i for i in same if _int_code(self.stack[i].code) == num - 1]
            if len(prev) > 1:
                prev = [i for i in prev if self.stack[i].bold == node.bold] or prev
            if prev:
                return prev[-1]
        return same[-1]


def _int_code(code: str | None) -> int | None:
    if not code:
        return None
    c = code.strip().rstrip(".)")
    return int(c) if c.isdigit() else None


# --------------------------------------------------------------------------
# finishing: points, titles, paths, lists
# --------------------------------------------------------------------------


def _title(text: str, code_from_text: bool) -> str:
    t = strip_choose_one(strip_points_phrase(text))
    if code_from_text:
        _code, rest = leading_code(t)
        t = rest if _code is not None else t
    t = squash_spaces(t).strip(" :;,")
    if len(t) > TITLE_MAX:
        cut = t.rfind(" ", 0, TITLE_MAX)
        t = t[: cut if cut > 40 else TITLE_MAX].rstrip(" ,;:") + " …"
    return t


def _path_of(code: str | None, parent: Criterion | None, part_no: int) -> str:
    if code is None:
        base = parent.path if parent is not None and parent.path else ""
        return f"{base}#{part_no}"
    c = code.strip().rstrip(".)").strip()
    if code_style(c)[0] == "group":
        c = leading_code(c + ": x")[0] or c  # "Tiêu chí số 2" → "2"
    if parent is None or not parent.path:
        return c
    pc = (parent.code or "").strip().rstrip(".)")
    if pc and c.startswith(pc + "."):
        return parent.path + c[len(pc):]
    return f"{parent.path}.{c}"


def _finish(node: _Node, parent: Criterion | None, part_no: int) -> Criterion:
    text = squash_spaces(node.text)
    points = node.points if node.points is not None else points_in_text(text)
    crit = Criterion(
        code=node.code,
        title=_title(text, code_from_text=bool(node.code) and text.startswith(node.code)),
        text=text,
        max_points=points,
        choose_one=is_choose_one(text),
        units=split_units(node.units) if node.units else [],
        evidence=split_evidence(node.evidence) if node.evidence else [],
        loc=node.loc,
    )
    crit.path = _path_of(node.code, parent, part_no)
    n_part = 0
    for ch in node.children:
        if ch.code is None:
            n_part += 1
        crit.children.append(_finish(ch, crit, n_part))
    return crit


def _finish_all(roots: list[_Node]) -> list[Criterion]:
    out: list[Criterion] = []
    n_part = 0
    for r in roots:
        if r.code is None:
            n_part += 1
        out.append(_finish(r, None, n_part))
    return out


# --------------------------------------------------------------------------
# arithmetic
# --------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


def expected_points(c: Criterion) -> float | None:
    """What the children say the parent is worth: their sum, or for a
    choose-one parent the largest alternative; None without scored children."""
    scored = [ch.max_points for ch in c.children if ch.max_points is not None]
    if not scored:
        return None
    return max(scored) if c.choose_one else sum(scored)


def check_arithmetic(criteria: list[Criterion], stated_total: float | None, total_loc: Loc | None) -> list[Warning]:
    warnings: list[Warning] = []

    def walk(c: Criterion) -> None:
        exp = expected_points(c)
        if exp is not None and c.max_points is not None and abs(exp - c.max_points) > EPS:
            how = "the largest alternative" if c.choose_one else "the children add up to"
            warnings.append(Warning(
                "points_mismatch",
                f"criterion {c.path or c.code}: {_fmt(c.max_points)} points stated, {how} {_fmt(exp)}",
                c.loc,
            ))
        for ch in c.children:
            walk(ch)

    for c in criteria:
        walk(c)
    groups = group_sum(criteria)
    if stated_total is not None and groups is not None and abs(groups - stated_total) > EPS:
        warnings.append(Warning(
            "points_mismatch",
            f"total: {_fmt(stated_total)} points stated, the groups add up to {_fmt(groups)}",
            total_loc,
        ))
    return warnings


def node_points(c: Criterion) -> float | None:
    """A node's maximum: stated, else what its children give."""
    return c.max_points if c.max_points is not None else expected_points(c)


def group_sum(criteria: list[Criterion]) -> float | None:
    vals = [node_points(c) for c in criteria]
    vals = [v for v in vals if v is not None]
    return sum(vals) if vals else None


# --------------------------------------------------------------------------
# tables and prose
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _TableResult:
    criteria: list[Criterion]
    stated_total: float | None
    total_loc: Loc | None


def criteria_from_run(run: Run) -> _TableResult:
    builder = _TreeBuilder()
    for row in read_rows(run):
        builder.add(row)
    crit = _finish_all(builder.roots)
    stated = builder.stated_total
    loc = builder.total_loc
    if stated is None:
        stated = header_total(run)
    return _TableResult(crit, stated, loc)


def _flat_signature(criteria: list[Criterion]) -> tuple:
    out: list = []

    def walk(c: Criterion) -> None:
        out.append((c.code, c.max_points))
        for ch in c.children:
            walk(ch)

    for c in criteria:
        walk(c)
    return tuple(out)


def _has_points(criteria: list[Criterion]) -> bool:
    return any(c.max_points is not None or _has_points(c.children) for c in criteria)


def criteria_from_prose(doc: Document) -> _TableResult:
    """Report outlines: numbered headings that state their points
    ("II. MỨC ĐỘ … (số điểm đạt được là .../10 điểm)", "1.2. …: 3 điểm")."""
    builder = _TreeBuilder()
    paras = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "body"]
    pending: Paragraph | None = None
    for p in paras:
        text = squash_spaces(p.text)
        if not text:
            continue
        # a heading broken over two paragraphs ("… THỰC HIỆN QUY" / "CHẾ PHỐI HỢP … /10 điểm)")
        if pending is not None:
            joined = f"{squash_spaces(pending.text)} {text}"
            pending = None
            if points_in_text(joined) is not None and points_in_text(text) is not None:
                text = joined
        code, _rest = leading_code(text)
        if p.style.numbering and code is None:
            code = clean_code(p.style.numbering)
        if code is None:
            continue
        pts = points_in_text(text)
        if pts is None:
            if text.isupper() or text.upper() == text:
                pending = p
            continue
        row = RowView(code=code, text=text, points=None, units="", evidence="", bold=p.style.bold,
                      starts_piece=False, loc=p.loc)
        builder.add(row)
    crit = _finish_all(builder.roots)
    if len(crit) < 2:
        return _TableResult([], None, None)
    stated = None
    for p in paras:
        v = stated_total_in_text(p.text)
        if v is not None and v >= (group_sum(crit) or 0) * 0.5:
            stated = v
            break
    return _TableResult(crit, stated, None)


def extract_criteria(doc: Document) -> CriteriaResult:
    """Every criteria table of the document as one tree, its total and the
    arithmetic warnings."""
    results: list[_TableResult] = []
    seen: set[tuple] = set()
    for run in find_runs(doc):
        res = criteria_from_run(run)
        if not res.criteria or not _has_points(res.criteria):
            continue
        sig = _flat_signature(res.criteria)
        if sig in seen:  # the same table printed twice (form and annex)
            continue
        seen.add(sig)
        results.append(res)
    if not results:
        res = criteria_from_prose(doc)
        if res.criteria:
            results.append(res)
    out = CriteriaResult()
    totals: list[float] = []
    for res in results:
        out.criteria.extend(res.criteria)
        out.warnings.extend(check_arithmetic(res.criteria, res.stated_total, res.total_loc))
        t = res.stated_total if res.stated_total is not None else group_sum(res.criteria)
        if t is not None:
            totals.append(t)
    out.total = sum(totals) if totals else None
    return out


def flatten(criteria: list[Criterion]) -> list[Criterion]:
    """Every node of the tree, depth first."""
    out: list[Criterion] = []
    for c in criteria:
        out.append(c)
        out.extend(flatten(c.children))
    return out
