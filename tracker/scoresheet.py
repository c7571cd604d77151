"""Self-assessment score sheets (Excel) from criteria tables, and reading them back.

``vanban scoresheet FILE --out sheet.xlsx`` writes the criteria tree of FILE
(any input format, or the contract JSON of an ingested document) as a
workbook a unit fills in: code, criterion, maximum points, self-score, score
by the competent body, evidence, responsible units.  Group rows hold formulas
(``SUM`` of their children; ``MAX`` for a "chấm 1 trong N" group, i.e. the
chosen alternative), the last row totals the groups, and every score cell
refuses a value outside 0 … maximum (data validation).  The source document
is named in the header rows.

``vanban scoresheet --read sheet.xlsx [--format json]`` reads a filled sheet:
totals (computed here from the cells, since openpyxl does not evaluate
formulas), per-group totals, scores above their maximum, criteria left
unscored and criteria without evidence.

Hidden columns keep each row's ``path`` and rule (leaf / sum / max / text),
so reading does not depend on the visible layout.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.cell_safety import keep_text
from core.errors import DocumentError
from core.io import write_bytes_atomic
from core.model import Criterion
from extractors.criteria import extract_criteria
from extractors.header import extract_header
from parsers import parse

SHEET_TITLE = "Tự chấm điểm"
HEADERS = (
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Điểm tự chấm",
    "Điểm cơ quan có thẩm quyền chấm",
    "Tài liệu kiểm chứng",
    "Đơn vị chịu trách nhiệm",
    "path",  # hidden
    "rule",  # hidden: leaf | sum | max | text | total
)
COL = {name: i + 1 for i, name in enumerate(("code", "title", "max", "self", "body", "evidence", "units", "path", "rule"))}
HEADER_ROW = 5  # rows 1-4: title, source, total, how to fill
MARK = "vanban-scoresheet-1"  # written in a hidden cell to recognise our sheets

EPS = 1e-9


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------


LINE_PT = 15.0  # one line of 11-pt text (the default row height of Excel and LibreOffice Calc)
_FILL = 1.2  # characters per unit of column width (the width of "0"): a little below the average of Vietnamese text, for bold and wide letters


def wrapped_lines(text: str, width: float, *, indent: int = 0, bold: bool = False) -> int:
    """How many lines ``text`` takes in a wrapping cell ``width`` characters
    wide (openpyxl's width unit), word-wrapped as spreadsheets do; an
    estimate that errs on the side of more lines."""
    import textwrap

    per_line = max(1, int((width - 1.5 - indent) * (_FILL * (0.9 if bold else 1.0))))
    return sum(len(textwrap.wrap(par, per_line, break_long_words=True)) or 1
               for par in (text or "").split("\n")) if text else 1


def fit_row_heights(ws: Any, first_row: int, last_row: int | None = None) -> None:
    """Give each row of ``ws`` from ``first_row`` a height that shows all of
    its wrapped text.  Neither openpyxl nor LibreOffice's import sizes rows to
    their content, so without this wrapped rows overlap in Calc."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, float] = {}
    for r in range(first_row, (last_row or ws.max_row) + 1):
        lines = 1
        for cell in ws[r]:
            if not isinstance(cell.value, str) or cell.value.startswith("=") and cell.data_type == "f":
                continue
            if cell.coordinate in ws.merged_cells:
                continue
            col = cell.column
            if col not in widths:
                dim = ws.column_dimensions[get_column_letter(col)]
                widths[col] = 0.0 if dim.hidden else float(dim.width or 8.43)
            if not widths[col]:
                continue
            al = cell.alignment
            if al is not None and al.wrap_text:
                lines = max(lines, wrapped_lines(cell.value, widths[col], indent=int(al.indent or 0),
                                                 bold=bool(cell.font and cell.font.b)))
        ws.row_dimensions[r].height = max(LINE_PT, lines * LINE_PT + 2)


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _fmt(x: float | None) -> str:
    if x is None:
        return "—"
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


def _scored_children(c: Criterion) -> list[Criterion]:
    return [ch for ch in c.children if _has_score(ch)]


def _has_score(c: Criterion) -> bool:
    return c.max_points is not None or any(_has_score(ch) for ch in c.children)


def _rule(c: Criterion) -> str:
    if _scored_children(c):
        return "max" if c.choose_one else "sum"
    return "leaf" if c.max_points is not None else "text"


def write_scoresheet(
    criteria: list[Criterion],
    out: str | Path,
    *,
    source: str,
    total: float | None = None,
    title: str | None = None,
) -> Path:
    """Write the workbook; returns its path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    if not criteria:
        raise ValueError("no criteria to write")
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    last_visible = _letter(COL["units"])

    wrap_top = Alignment(wrap_text=True, vertical="top")
    center = Alignment(horizontal="center", vertical="top", wrap_text=True)
    bold = Font(bold=True)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    group_fill = PatternFill("solid", fgColor="E2EFDA")
    head_fill = PatternFill("solid", fgColor="D9E1F2")

    ws["A1"] = title or "BẢNG TỰ CHẤM ĐIỂM"
    keep_text(ws["A1"])
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A1:{last_visible}1")
    ws["A2"] = f"Văn bản nguồn: {source}"
    ws.merge_cells(f"A2:{last_visible}2")
    ws["A3"] = f"Tổng điểm tối đa: {_fmt(total)}"
    ws.merge_cells(f"A3:{last_visible}3")
    ws["A4"] = ("Nhập điểm vào các ô màu vàng (từ 0 đến điểm tối đa của dòng); với nhóm "
                "“chấm 1 trong N tiêu chí”, chỉ chấm tiêu chí được chọn. Các dòng nhóm và dòng tổng tự cộng.")
    ws["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"A4:{last_visible}4")
    ws.row_dimensions[4].height = 30
    for i, h in enumerate(HEADERS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=i, value=h)
        cell.font = bold
        cell.fill = head_fill
        cell.alignment = center
        cell.border = border
    ws.cell(row=1, column=COL["path"], value=MARK)

    # rows, depth first; parents are written before their children, formulas after
    rows: list[tuple[Criterion, int, int]] = []  # (criterion, depth, row)

    def lay(c: Criterion, depth: int) -> None:
        rows.append((c, depth, HEADER_ROW + 1 + len(rows)))
        for ch in c.children:
            lay(ch, depth + 1)

    for c in criteria:
        lay(c, 0)
    row_of = {id(c): r for c, _d, r in rows}

    validations: dict[float, DataValidation] = {}

    def validation(mx: float) -> DataValidation:
        if mx not in validations:
            dv = DataValidation(
                type="decimal", operator="between", formula1="0", formula2=_num(mx), allow_blank=True,
                showErrorMessage=True, errorStyle="stop", errorTitle="Điểm không hợp lệ",
                error=f"Điểm phải là số từ 0 đến {_fmt(mx)}.",
                showInputMessage=True, promptTitle="Điểm", prompt=f"Từ 0 đến {_fmt(mx)} điểm",
            )
            ws.add_data_validation(dv)
            validations[mx] = dv
        return validations[mx]

    for c, depth, r in rows:
        rule = _rule(c)
        keep_text(ws.cell(row=r, column=COL["code"], value=c.code or ""))
        t = keep_text(ws.cell(row=r, column=COL["title"], value=c.text or c.title))
        t.alignment = Alignment(wrap_text=True, vertical="top", indent=min(depth * 2, 10))
        if c.max_points is not None:
            ws.cell(row=r, column=COL["max"], value=_numval(c.max_points))
        elif rule in ("sum", "max"):
            kids = [row_of[id(ch)] for ch in _scored_children(c)]
            fn = "MAX" if rule == "max" else "SUM"
            mcol = _letter(COL["max"])
            ws.cell(row=r, column=COL["max"], value=_formula(fn, mcol, kids))
        keep_text(ws.cell(row=r, column=COL["evidence"], value="\n".join(c.evidence)))
        keep_text(ws.cell(row=r, column=COL["units"], value="\n".join(c.units)))
        keep_text(ws.cell(row=r, column=COL["path"], value=c.path or ""))
        ws.cell(row=r, column=COL["rule"], value=rule)
        if rule in ("sum", "max"):
            kids = [row_of[id(ch)] for ch in _scored_children(c)]
            fn = "MAX" if rule == "max" else "SUM"
            for key in ("self", "body"):
                col = _letter(COL[key])
                ws.cell(row=r, column=COL[key], value=_formula(fn, col, kids))
            for k in range(1, COL["units"] + 1):
                ws.cell(row=r, column=k).fill = group_fill
            if depth == 0:
                for k in range(1, COL["units"] + 1):
                    ws.cell(row=r, column=k).font = bold
        elif rule == "leaf":
            dv = validation(float(c.max_points))
            for key in ("self", "body"):
                cell = ws.cell(row=r, column=COL[key])
                cell.fill = input_fill
                dv.add(cell.coordinate)
        for k in range(1, COL["units"] + 1):
            cell = ws.cell(row=r, column=k)
            cell.border = border
            if k in (COL["max"], COL["self"], COL["body"], COL["code"]):
                cell.alignment = center
            elif k != COL["title"]:
                cell.alignment = wrap_top

    # total row
    tr = HEADER_ROW + 1 + len(rows)
    tops = [row_of[id(c)] for c in criteria if _has_score(c)]
    ws.cell(row=tr, column=COL["title"], value="Tổng cộng")
    for key in ("max", "self", "body"):
        col = _letter(COL[key])
        ws.cell(row=tr, column=COL[key], value=_formula("SUM", col, tops) if tops else 0)
    ws.cell(row=tr, column=COL["rule"], value="total")
    for k in range(1, COL["units"] + 1):
        cell = ws.cell(row=tr, column=k)
        cell.font = bold
        cell.border = border
        cell.fill = head_fill
        if k in (COL["max"], COL["self"], COL["body"]):
            cell.alignment = center
    if total is not None:
        ws.cell(row=tr, column=COL["evidence"], value=f"Tổng điểm theo văn bản: {_fmt(total)}")

    widths = {"code": 8, "title": 70, "max": 10, "self": 11, "body": 14, "evidence": 40, "units": 30, "path": 10, "rule": 8}
    for key, w in widths.items():
        ws.column_dimensions[_letter(COL[key])].width = w
    ws.column_dimensions[_letter(COL["path"])].hidden = True
    ws.column_dimensions[_letter(COL["rule"])].hidden = True
    fit_row_heights(ws, HEADER_ROW)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=COL["max"])
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", area=f"A1:{last_visible}{tr}")
    out = Path(out)
    buf = io.BytesIO()
    wb.save(buf)
    write_bytes_atomic(out, buf.getvalue())
    return out


def lay_out_counts(ws: Any, head_row: int) -> None:
    """A table of counts per unit (unit names in column A, one column per status) laid out for
    reading and printing: a bold shaded header at ``head_row``, wide wrapped names, frozen panes,
    rows as high as their text, the header repeated on every printed page."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="D9E1F2")
    for i in range(1, ws.max_column + 1):
        h = ws.cell(head_row, i)
        h.font = Font(bold=True)
        h.fill = fill
        h.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = 50 if i == 1 else 14
    for (cell,) in ws.iter_rows(min_row=head_row + 1, max_col=1):
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    fit_row_heights(ws, head_row)
    ws.freeze_panes = f"B{head_row + 1}"
    print_setup(ws, title_rows=f"{head_row}:{head_row}")


def print_setup(ws: Any, *, title_rows: str, area: str | None = None) -> None:
    """A4 landscape, every column on the page width (as many pages down as
    needed), the header row repeated on each page, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as the rows need
    ws.print_title_rows = title_rows
    if area:
        ws.print_area = area
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P / &N"


def _formula(fn: str, col: str, rows: list[int]) -> str:
    """ "=SUM(D7,D9,D12)": the listed cells of one column (children are not
    contiguous when they have children of their own)."""
    return f"={fn}(" + ",".join(f"{col}{r}" for r in rows) + ")"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _numval(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------


@dataclass(slots=True)
class SheetRow:
    path: str
    code: str | None
    title: str
    rule: str
    max_points: float | None
    self_score: float | None
    body_score: float | None
    evidence: str
    row: int
    children: list["SheetRow"] = field(default_factory=list)


@dataclass(slots=True)
class GroupTotal:
    path: str
    code: str | None
    title: str
    max_points: float | None
    self_score: float | None
    body_score: float | None


@dataclass(slots=True)
class SheetReport:
    source: str | None
    max_total: float | None
    self_total: float | None
    body_total: float | None
    groups: list[GroupTotal] = field(default_factory=list)
    without_evidence: list[dict] = field(default_factory=list)
    unscored: list[dict] = field(default_factory=list)
    over_max: list[dict] = field(default_factory=list)
    choose_one_conflicts: list[dict] = field(default_factory=list)


def _to_float(v: Any) -> float | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def read_scoresheet(path: str | Path) -> SheetReport:
    """Totals and gaps of a (filled) score sheet written by ``write_scoresheet``."""
    from openpyxl import load_workbook

    p = Path(path)
    if not p.exists():
        raise DocumentError(str(p), "no such file")
    try:
        wb = load_workbook(p, data_only=False)
    except Exception as exc:  # not an xlsx, or damaged
        raise DocumentError(str(p), f"not an Excel workbook ({type(exc).__name__})") from None
    ws = wb[SHEET_TITLE] if SHEET_TITLE in wb.sheetnames else wb.active
    if ws.cell(row=1, column=COL["path"]).value != MARK:
        raise DocumentError(str(p), "not a score sheet written by vanban scoresheet")
    source_line = str(ws["A2"].value or "")
    source = source_line.split(":", 1)[1].strip() if ":" in source_line else None

    nodes: dict[str, SheetRow] = {}
    roots: list[SheetRow] = []
    by_row: list[SheetRow] = []
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        rule = ws.cell(row=r, column=COL["rule"]).value
        if rule == "total" or rule is None:
            continue
        pth = str(ws.cell(row=r, column=COL["path"]).value or "")
        mx = ws.cell(row=r, column=COL["max"]).value
        node = SheetRow(
            path=pth,
            code=(str(ws.cell(row=r, column=COL["code"]).value).strip() or None)
            if ws.cell(row=r, column=COL["code"]).value is not None else None,
            title=str(ws.cell(row=r, column=COL["title"]).value or ""),
            rule=str(rule),
            max_points=None if isinstance(mx, str) and mx.startswith("=") else _to_float(mx),
            self_score=_to_float(ws.cell(row=r, column=COL["self"]).value) if rule == "leaf" else None,
            body_score=_to_float(ws.cell(row=r, column=COL["body"]).value) if rule == "leaf" else None,
            evidence=str(ws.cell(row=r, column=COL["evidence"]).value or "").strip(),
            row=r,
        )
        parent = nodes.get(_parent_path(pth))
        (parent.children if parent is not None else roots).append(node)
        nodes[pth] = node
        by_row.append(node)

    report = SheetReport(source=source, max_total=None, self_total=None, body_total=None)

    def total(n: SheetRow, key: str) -> float | None:
        if n.rule == "leaf":
            return getattr(n, key)
        if n.rule in ("sum", "max"):
            vals = [total(ch, key) for ch in n.children if ch.rule != "text"]
            vals = [v for v in vals if v is not None]
            if not vals:
                return None
            return max(vals) if n.rule == "max" else sum(vals)
        return None

    def max_of(n: SheetRow) -> float | None:
        if n.max_points is not None:
            return n.max_points
        vals = [max_of(ch) for ch in n.children]
        vals = [v for v in vals if v is not None]
        if not vals:
            return None
        return max(vals) if n.rule == "max" else sum(vals)

    scored_roots = [n for n in roots if n.rule != "text"]
    for n in scored_roots:
        report.groups.append(GroupTotal(n.path, n.code, _short(n.title), max_of(n),
                                        total(n, "self_score"), total(n, "body_score")))
    report.max_total = _sum_or_none([g.max_points for g in report.groups])
    report.self_total = _sum_or_none([g.self_score for g in report.groups])
    report.body_total = _sum_or_none([g.body_score for g in report.groups])

    def has_evidence(n: SheetRow) -> bool:
        return bool(n.evidence) or any(has_evidence(ch) for ch in n.children)

    def walk(n: SheetRow, in_choice: bool) -> None:
        item = {"path": n.path, "code": n.code, "title": _short(n.title), "row": n.row}
        if n.rule == "leaf":
            for key, label in (("self_score", "self"), ("body_score", "body")):
                v = getattr(n, key)
                if v is not None and n.max_points is not None and (v < -EPS or v > n.max_points + EPS):
                    report.over_max.append({**item, "column": label, "score": v, "max_points": n.max_points})
        if n.rule == "max":
            chosen = [ch for ch in n.children if ch.rule == "leaf" and ch.self_score is not None]
            if len(chosen) > 1:
                report.choose_one_conflicts.append({**item, "scored": [ch.path for ch in chosen]})
            if not chosen:
                report.unscored.append(item)
            if not has_evidence(n):
                report.without_evidence.append(item)
            return  # alternatives are judged through their group
        if n.rule == "leaf" and not in_choice:
            if n.self_score is None:
                report.unscored.append(item)
            if not has_evidence(n):
                report.without_evidence.append(item)
        for ch in n.children:
            walk(ch, in_choice)

    for n in roots:
        walk(n, False)
    return report


def _parent_path(path: str) -> str:
    if "#" in path:
        return path.rsplit("#", 1)[0]
    return path.rsplit(".", 1)[0] if "." in path else ""


def _sum_or_none(vals: list[float | None]) -> float | None:
    got = [v for v in vals if v is not None]
    return sum(got) if got else None


def _short(text: str, n: int = 90) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: t.rfind(" ", 0, n)].rstrip(" ,;:") + " …"


def report_text(rep: SheetReport) -> str:
    lines = []
    if rep.source:
        lines.append(f"Văn bản nguồn: {rep.source}")
    lines.append(f"Tổng điểm tối đa: {_fmt(rep.max_total)}")
    lines.append(f"Điểm tự chấm: {_fmt(rep.self_total)}")
    lines.append(f"Điểm cơ quan có thẩm quyền chấm: {_fmt(rep.body_total)}")
    lines.append("")
    lines.append("Theo nhóm (tối đa | tự chấm | thẩm quyền):")
    for g in rep.groups:
        lines.append(f"  {g.code or g.path:<6} {_fmt(g.max_points):>5} | {_fmt(g.self_score):>5} | "
                     f"{_fmt(g.body_score):>5}  {g.title}")
    sections = (
        ("Điểm vượt quá điểm tối đa", rep.over_max),
        ("Nhóm “chấm 1 trong N” chấm nhiều hơn một tiêu chí", rep.choose_one_conflicts),
        ("Tiêu chí chưa tự chấm", rep.unscored),
        ("Tiêu chí chưa có tài liệu kiểm chứng", rep.without_evidence),
    )
    for head, items in sections:
        if not items:
            continue
        lines.append("")
        lines.append(f"{head} ({len(items)}):")
        for it in items:
            extra = f" [{it['column']}: {_fmt(it['score'])} > {_fmt(it['max_points'])}]" if "score" in it else ""
            lines.append(f"  {it['path']:<10} {it['title']}{extra}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# input: a document, or the contract JSON of one
# --------------------------------------------------------------------------


def _criterion_from_dict(d: dict) -> Criterion:
    return Criterion(
        code=d.get("code"), title=d.get("title") or "", text=d.get("text") or "", path=d.get("path"),
        max_points=d.get("max_points"), choose_one=bool(d.get("choose_one")),
        units=list(d.get("units") or []), evidence=list(d.get("evidence") or []),
        children=[_criterion_from_dict(ch) for ch in d.get("children") or []],
    )


def criteria_of_file(path: str | Path) -> tuple[list[Criterion], float | None, str]:
    """(criteria, total, source name) of a document, or of its contract JSON."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DocumentError(str(p), "no such file") from None
        except (OSError, ValueError) as exc:
            raise DocumentError(str(p), f"not a vanban JSON file ({type(exc).__name__})") from None
        if not isinstance(data, dict) or "criteria" not in data:
            raise DocumentError(str(p), "not a vanban JSON file (no 'criteria')")
        src = (data.get("source") or {}).get("path") or p.name
        doc = data.get("document") or {}
        name = " – ".join(x for x in (Path(src).name, doc.get("id"), doc.get("subject")) if x)
        return [_criterion_from_dict(d) for d in data["criteria"]], data.get("criteria_total"), name
    doc = parse(p)
    res = extract_criteria(doc)
    name = p.name
    try:  # the document's own identity, when the header extractor can read it
        h = extract_header(doc)
        name = " – ".join(x for x in (p.name, h.id, h.subject) if x)
    except Exception:  # noqa: BLE001 - the file name alone still names the source
        pass
    return res.criteria, res.total, name
