"""Obligations read from task tables: one per row of a table with a unit column, and tables that a
text extraction flattened into paragraphs (see ``extractors.obligations`` for the whole picture)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from extractors.deadlines import find_deadlines
from extractors.obligation_builder import CLOSING, Draft, ObligationBuilder, clean_action, report_to
from extractors.recurrence import find_recurrences
from extractors.units import UnitSpan, parse_unit_list, split_unit_cell
from core.model import Loc, Obligation, Paragraph, Table
from core.textutil import RX_TIMEOUT, fold, squash_spaces

# table column headers
_COL_UNIT = regex.compile(r"don vi|co quan|bo phan|trach nhiem|chu tri|phoi hop|nguoi thuc hien|phu trach")
_COL_TIME = regex.compile(r"thoi gian|thoi han|han hoan thanh|tien do|thoi diem")
_COL_CONTENT = regex.compile(r"noi dung|nhiem vu|cong viec|tieu chi|hoat dong|giai phap|linh vuc")
_COL_CODE = regex.compile(r"^(?:s ?t ?t|tt|so tt|ma)$")
# a column of the bodies that follow up on the task ("Theo dõi, kiểm tra, đôn đốc", "Cơ quan theo dõi",
# "Kiểm tra, giám sát", "Đơn vị đôn đốc"): the title starts with the checking verb, or a body word then it
_COL_MONITOR = regex.compile(
    r"^(?:(?:co quan|don vi|bo phan|nguoi|trach nhiem|phu trach)[ ,]+)?(?:theo doi|kiem tra|giam sat|don doc)\b"
)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Columns:
    content: int | None = None
    code: int | None = None
    time: int | None = None
    units: list[tuple[int, str]] = field(default_factory=list)  # (col, role)


def _unit_col_role(h: str) -> str:
    if "chu tri" in h:
        return "lead"
    if "phoi hop" in h:
        return "support"
    if "trach nhiem" in h:
        return "responsible"
    return "lead"


def _columns(headers: list[str]) -> _Columns | None:
    cols = _Columns()
    for i, h0 in enumerate(headers):
        h = fold(h0)
        if not h:
            continue
        if _COL_CODE.match(h.replace(".", "").strip(), timeout=RX_TIMEOUT) and cols.code is None:
            cols.code = i
        elif _COL_TIME.search(h, timeout=RX_TIMEOUT) and "don vi" not in h:
            cols.time = i
        elif _COL_MONITOR.match(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(h, timeout=RX_TIMEOUT):
            cols.units.append((i, "monitor"))
        elif _COL_UNIT.search(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(h, timeout=RX_TIMEOUT) and "kiem chung" not in h:
            cols.units.append((i, _unit_col_role(h)))
        elif _COL_CONTENT.search(h, timeout=RX_TIMEOUT) and cols.content is None:
            cols.content = i
    if cols.content is None or all(role == "monitor" for _c, role in cols.units):
        return None  # no column of bodies doing the task
    return cols


def read_table(b: ObligationBuilder, t: Table) -> None:
    grid = t.grid()
    if not grid:
        return
    hdr_rows = t.header_rows or 1
    headers = []
    for c in range(t.n_cols):
        parts = []
        for r in range(min(hdr_rows, len(grid))):
            cell = grid[r][c]
            if cell is not None and cell.text not in parts:
                parts.append(cell.text)
        headers.append(" ".join(parts))
    cols = _columns(headers)
    if cols is None:
        return
    hdr_key = fold(headers[cols.content])
    last: Draft | None = None
    for r in range(hdr_rows, len(grid)):
        row = grid[r]
        if all(c is None or c.row != r for c in row):
            continue  # every cell began in a row above: nothing new

        def txt(c: int | None) -> str:
            # a cell merged down over several rows belongs to each of them (grid() repeats its origin)
            if c is None or row[c] is None:
                return ""
            return squash_spaces(row[c].text.replace("\n", " "))

        content = txt(cols.content)
        if not content or fold(content) == hdr_key:
            continue
        # the content cell began in a row above: this row gives the same task to its own units/time
        merged = row[cols.content].row != r
        code = txt(cols.code)
        unit_cells = [(txt(c), role, c) for c, role in cols.units]
        units: list[tuple[UnitSpan | str, str]] = []
        for text, role, c in unit_cells:
            if text:
                cell = row[c]
                units.extend(split_unit_cell(cell.text if cell is not None else text, default_role=role))
        if not units:
            if not code and last is not None and not merged:
                last.ob.source_text = f"{last.ob.source_text} {content}"
            continue
        cell = row[cols.content]
        loc = t.cell_loc(cell) if cell is not None else Loc(block=t.index, table=t.table_index, row=r)
        if merged:
            loc = replace(loc, row=r)
        time_text = txt(cols.time)
        deadlines = find_deadlines(time_text, b.ref_date, in_time_column=True) if time_text else []
        if not deadlines:
            deadlines = find_deadlines(content, b.ref_date)
        recs = find_recurrences(content) or (find_recurrences(time_text) if time_text else [])
        source = f"{code} {content}".strip() if code else content
        action = clean_action(content)
        if merged or row[cols.content].row_span > 1:
            # rows sharing a merged task cell differ by their own cells (product, result): keep them in the source
            used = {cols.content, cols.code, cols.time} | {c for c, _r in cols.units}
            own = [txt(c) for c in range(len(row)) if c not in used and row[c] is not None and row[c].row == r and txt(c)]
            if own:
                source = f"{source} | {' | '.join(own)}"
        ob = Obligation(action=action, report_to=report_to(content), source_text=source, loc=loc)
        if deadlines:
            ob.deadline = deadlines[0].deadline
            ob.deadline.loc = loc
        if recs:
            ob.recurrence = recs[0].recurrence
            ob.recurrence.loc = loc.span(recs[0].start, recs[0].end) if not time_text or recs[0].recurrence.text in content else loc
        last = b.add(ob, units, loc)


# --------------------------------------------------------------------------
# Tables flattened into paragraphs (text extractions)
# --------------------------------------------------------------------------


class FlatTableReader:
    """Column headers written as paragraphs ("TT Nội dung triển khai", "Các
    đơn vị triển khai/phối hợp thực hiện", "Đơn vị chủ trì …"), then rows as
    content paragraphs followed by paragraphs of unit names (one per unit
    column, in column order); a lower-case paragraph right after a repeated
    header continues the row before the page break."""

    def __init__(self, b: ObligationBuilder) -> None:
        self.b = b
        self.roles: list[str] = []
        self.active = False
        self.header_seen = False
        self.content: list[Paragraph] = []
        self.units: list[UnitSpan] = []
        self.last: Draft | None = None

    def _is_code_header(self, f: str) -> bool:
        return len(f) < 60 and bool(_COL_CONTENT.search(f, timeout=RX_TIMEOUT)) and bool(
            regex.match(r"(?:s ?t ?t|tt)\b", f, timeout=RX_TIMEOUT))

    def _is_unit_header(self, f: str) -> bool:
        return bool(_COL_UNIT.search(f[:90], timeout=RX_TIMEOUT)) and bool(
            regex.match(r"(?:cac )?(?:don vi|co quan|bo phan)[^.;:]{0,30}(?:thuc hien|chu tri|phoi hop|trach nhiem)",
                        f, timeout=RX_TIMEOUT))

    def feed(self, p: Paragraph) -> bool:
        """True when the paragraph belonged to a flattened table."""
        f = fold(p.text)
        if self._is_code_header(f):
            self.header_seen = True
            return True
        if self.header_seen and self._is_unit_header(f):
            if not self.active or len(self.roles) < 3 and not self.content and not self.units and not self.last:
                self.roles.append(_unit_col_role(f))
            self.active = True
            rest = self._strip_header(p.text)
            if rest:
                self._content(Paragraph(rest, p.index, p.page))
            return True
        self.header_seen = False
        if not self.active:
            return False
        if CLOSING.match(p.text.strip(), timeout=RX_TIMEOUT):
            self.flush()
            self.active = False
            return False
        if regex.fullmatch(r"\s*\d{1,3}\s*", p.text, timeout=RX_TIMEOUT):
            self.flush()
            return True
        units = self._unit_line(p.text)
        if units is not None:
            self.units.extend(units)
            if regex.search(r"\s\d{1,3}\s*$", p.text, timeout=RX_TIMEOUT):
                self.flush()
            return True
        self._content(p)
        return True

    def _content(self, p: Paragraph) -> None:
        if self.units and self.content:
            self.flush()
        text = p.text.strip()
        if not self.content and not self.units and self.last is not None and text[:1].islower():
            self.last.ob.source_text = f"{self.last.ob.source_text} {squash_spaces(text)}"
            return
        self.content.append(p)

    def _strip_header(self, text: str) -> str:
        m = regex.search(r"(?i)thực hiện\s+(?:\d{1,2}\s+)?", text, timeout=RX_TIMEOUT)
        return text[m.end():].strip() if m else ""

    def _unit_line(self, text: str) -> list[UnitSpan] | None:
        t = regex.sub(r"\s+\d{1,3}\s*$", "", text.strip(), timeout=RX_TIMEOUT)
        if len(t) > 200:
            return None
        units: list[UnitSpan] = []
        end = 0
        while end < len(t):
            nxt = parse_unit_list(t, end)
            if nxt is None:
                break
            units.extend(u for u in nxt.units if not u.bare)
            end = nxt.end
        if not units or t[end:].strip(" ,;.-"):
            return None
        return units

    def flush(self) -> None:
        if not self.content or not self.units:
            if self.units and self.last is not None and not self.content:
                pass
            self.content = [] if not self.units else self.content
            return
        roles = self.roles or ["lead"]
        units = [(u, roles[min(i, len(roles) - 1)]) for i, u in enumerate(self.units)]
        first = self.content[0]
        content = squash_spaces(" ".join(q.text for q in self.content))
        content = regex.sub(r"^\d{1,2}\s+", "", content, timeout=RX_TIMEOUT)
        self.content, self.units = [], []
        loc = first.loc
        ob = Obligation(action=clean_action(content), report_to=report_to(content), source_text=content, loc=loc)
        dls = find_deadlines(content, self.b.ref_date)
        if dls:
            ob.deadline = dls[0].deadline
        recs = find_recurrences(content)
        if recs:
            ob.recurrence = recs[0].recurrence
        self.last = self.b.add(ob, units, loc)


