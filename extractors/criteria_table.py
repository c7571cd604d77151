"""Criteria tables: find them among a document's tables and read their rows.

A criteria (scoring) table has a content column ("Tiêu chí", "Nội dung tiêu
chí", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần") and usually a code column
("STT", "TT"), a points column ("Thang điểm", "Điểm tối đa"), evidence
("Tài liệu kiểm chứng") and responsible units ("Đơn vị chịu trách nhiệm").
Self-score and assessed-score columns ("Kết quả tự chấm điểm", "… của cơ quan
có thẩm quyền") are recognised so that they are never taken for the maximum.

``find_runs(doc)`` returns the criteria tables as *runs*: a table and the
pieces that continue it on the next pages (separate tables with a repeated or
no header, when the parser did not stitch them).  ``read_rows(run)`` reduces
each data row to a ``RowView`` (code, text, points, units, evidence, whether
it starts a page piece), which ``extractors.criteria`` turns into a tree.
Works on the ``Document`` model only, so .docx, PDF and text read alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from core import regex_cached as regex

from extractors.criteria_points import (
    is_bullet,
    looks_like_code,
    parse_points_cell,
    points_in_text,
    stated_total_in_text,
    strip_markup,
)
from core.model import Cell, Document, Loc, Paragraph, Table
from core.textutil import RX_TIMEOUT, fold, squash_spaces

# --------------------------------------------------------------------------
# column roles
# --------------------------------------------------------------------------

ROLES = ("code", "content", "points", "self_score", "body_score", "evidence", "units", "note")

# checked in this order; the first role whose keys match a header wins
_ROLE_KEYS: list[tuple[str, tuple[str, ...]]] = [
    ("self_score", ("tu cham", "tu danh gia", "diem tu", "tu cho diem", "tu xep loai", "ket qua tu")),
    ("body_score", ("tham dinh", "co quan co tham quyen", "cap tren", "hoi dong", "doan kiem tra",
                    "ket qua cham", "diem cham", "diem dat", "diem duoc cham", "diem danh gia")),
    ("evidence", ("kiem chung", "minh chung", "tai lieu", "ho so", "can cu danh gia")),
    ("units", ("don vi", "chiu trach nhiem", "phu trach", "chu tri", "co quan thuc hien", "bo phan",
               "nguoi thuc hien", "phan cong")),
    ("points", ("thang diem", "diem toi da", "diem chuan", "muc diem", "so diem toi da", "diem quy dinh",
                "khung diem", "diem thang")),
    ("content", ("tieu chi", "noi dung", "linh vuc", "chi tieu", "yeu cau", "danh muc")),
    ("code", ("stt", "tt", "so tt", "so thu tu", "ma", "ma so", "ky hieu", "muc")),
    ("note", ("ghi chu",)),
]


@lru_cache(maxsize=4096)  # pure; tables repeat their header cells (and every cell is asked)
def header_role(text: str) -> str | None:
    """The role a header cell names, or None."""
    f = fold(strip_markup(text).replace("\n", " "))
    if not f:
        return None
    squeezed = f.replace(" ", "")
    if squeezed in ("stt", "tt", "sott", "sothutu", "ma", "maso", "kyhieu", "muc", "so"):
        return "code"
    # a score column ("Điểm đơn vị tự chấm") is never the maximum nor the units
    for role, keys in _ROLE_KEYS[:2]:
        if any(_word_pos(f, k) >= 0 for k in keys):
            return role
    # otherwise the role named first wins ("Nội dung tiêu chí của đơn vị" is content)
    best: tuple[int, str] | None = None
    for role, keys in _ROLE_KEYS[2:]:
        if role == "code":
            continue
        for k in keys:
            pos = _word_pos(f, k)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, role)
    if best is not None:
        return best[1]
    # a bare "Điểm" / "Số điểm" / "Điểm số"
    words = f.split()
    if "diem" in words and len(words) <= 4:
        return "points"
    return None


def _word_pos(folded: str, key: str) -> int:
    if key not in folded:  # the pattern below needs the key itself
        return -1
    m = regex.search(rf"(?<![\w]){regex.escape(key)}(?![\w])", folded, timeout=RX_TIMEOUT)
    return m.start() if m else -1


@dataclass(slots=True)
class Layout:
    """Where each role stands in one table piece."""

    header_rows: int
    cols: dict[str, int] = field(default_factory=dict)
    header_text: str = ""  # folded header, to recognise repeated headers

    def col(self, role: str) -> int | None:
        return self.cols.get(role)


def _column_headers(t: Table, n_header: int) -> list[str]:
    grid = t.grid()
    out: list[str] = []
    for k in range(t.n_cols):
        parts: list[str] = []
        seen: set[int] = set()
        for r in range(n_header):
            c = grid[r][k]
            if c is not None and id(c) not in seen:
                seen.add(id(c))
                parts.append(squash_spaces(strip_markup(c.text).replace("\n", " ")))
        out.append(" ".join(p for p in parts if p))
    return out


def _row_is_header(t: Table, r: int) -> bool:
    cells = [c for c in t.rows[r] if c.text.strip()]
    if not cells:
        return False
    if any(len(c.text) > 120 for c in cells):
        return False
    roles = [header_role(c.text) for c in cells]
    hits = sum(1 for x in roles if x)
    if any(x == "content" for x in roles) and hits >= 2:
        return True
    return hits >= 2 and hits * 2 >= len(cells)


def detect_layout(t: Table) -> Layout | None:
    """Column roles from the table's header rows (given by the parser, or
    found in its first rows); None when the header names no content column."""
    n_header = t.header_rows
    if n_header <= 0:
        n_header = 0
        while n_header < min(3, t.n_rows) and _row_is_header(t, n_header):
            n_header += 1
    if n_header <= 0:
        return None
    headers = _column_headers(t, n_header)
    cols: dict[str, int] = {}
    for k, h in enumerate(headers):
        role = header_role(h)
        if role and role not in cols:
            cols[role] = k
    if "content" not in cols:
        return None
    if "code" not in cols and cols["content"] > 0:
        # an unnamed first column left of the content holds the codes
        cols["code"] = 0 if 0 not in cols.values() else cols["content"] - 1
    return Layout(n_header, cols, fold(" | ".join(headers)))


def is_criteria_layout(t: Table, layout: Layout) -> bool:
    """A table with a content column is a criteria table when it has a points
    column, names "tiêu chí"/"điểm" in its header, or its rows state points."""
    if "points" in layout.cols or "self_score" in layout.cols or "body_score" in layout.cols:
        return True
    if "tieu chi" in layout.header_text or "diem" in layout.header_text.split():
        return True
    k = layout.cols["content"]
    with_points = 0
    for row in t.rows[layout.header_rows:]:
        for c in row:
            if c.col == k and points_in_text(c.text) is not None:
                with_points += 1
    return with_points >= 2


def infer_layout(t: Table, like: Layout) -> Layout | None:
    """Roles for a headerless piece that continues a table laid out as ``like``
    (same number of columns); None when the piece does not fit."""
    if t.header_rows > 0 or max(like.cols.values()) >= t.n_cols:
        return None
    return Layout(0, dict(like.cols), like.header_text)


# --------------------------------------------------------------------------
# runs: a criteria table and its continuation pieces
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Piece:
    table: Table
    layout: Layout


@dataclass(slots=True)
class Run:
    pieces: list[Piece]
    intro: list[Paragraph] = field(default_factory=list)  # paragraphs just before the table


def _ignorable_between(p: Paragraph) -> bool:
    """Paragraphs that may stand between two pieces of one table: page
    furniture, blanks, page numbers."""
    t = p.text.strip()
    if p.role != "body" or not t:
        return True
    return len(t) <= 8 and regex.fullmatch(r"[\d\s\-–/.trangTrang]+", t, timeout=RX_TIMEOUT) is not None


def find_runs(doc: Document) -> list[Run]:
    runs: list[Run] = []
    current: Run | None = None
    gap_ok = True
    recent: list[Paragraph] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            if not _ignorable_between(b):
                gap_ok = False
                recent.append(b)
                recent = recent[-6:]
            continue
        if b.nested:
            continue
        layout = detect_layout(b)
        if current is not None and gap_ok:
            last = current.pieces[-1].layout
            if layout is not None and layout.header_text == last.header_text:
                current.pieces.append(Piece(b, layout))
                continue
            if layout is None:
                cont = infer_layout(b, last)
                if cont is not None and b.n_cols == current.pieces[-1].table.n_cols:
                    current.pieces.append(Piece(b, cont))
                    continue
        current = None
        if layout is not None and is_criteria_layout(b, layout):
            current = Run([Piece(b, layout)], intro=list(recent))
            runs.append(current)
        gap_ok = True
        recent = []
    return runs


# --------------------------------------------------------------------------
# rows
# --------------------------------------------------------------------------


@dataclass(slots=True)
class RowView:
    """One data row of a criteria table, reduced to its roles."""

    code: str
    text: str
    points: float | None  # from the points column (None when empty / absent)
    units: str
    evidence: str
    bold: bool
    starts_piece: bool  # first row after a page break (stitched or separate piece)
    loc: Loc
    others: list[str] = field(default_factory=list)  # every other non-empty cell text


def cell_text(c: Cell | None) -> str:
    """A cell's text as one line: markup removed, wrapped lines joined."""
    if c is None:
        return ""
    return squash_spaces(strip_markup(c.text).replace("\n", " "))


def _page_of_row(t: Table, r: int) -> int | None:
    page = t.page
    for cont in t.continuations:
        if cont.first_row <= r and cont.page is not None:
            page = cont.page
    return page


def read_rows(run: Run) -> list[RowView]:
    out: list[RowView] = []
    for i, piece in enumerate(run.pieces):
        t, lay = piece.table, piece.layout
        grid = t.grid()
        # rows that open a page piece; when the parser already joined a row broken
        # across the page (``joined_row``), the piece's first kept row is a new row
        boundaries = {c.first_row for c in t.continuations if not getattr(c, "joined_row", False)}
        # rows a parser joined with the first row of the next page piece
        # (``first_row`` of a joined piece may name the row that received the join or the one after it)
        joined = {r for c in t.continuations if getattr(c, "joined_row", False) for r in (c.first_row - 1, c.first_row)}
        header_fold = [fold(cell_text(c)) for c in (grid[0] if lay.header_rows else [])]
        first_data = True
        for r in range(lay.header_rows, t.n_rows):
            row_cells = grid[r]

            def origin(role: str) -> Cell | None:
                k = lay.col(role)
                if k is None or k >= t.n_cols:
                    return None
                c = row_cells[k]
                return c if c is not None and c.row == r else None

            def shared(role: str) -> Cell | None:
                k = lay.col(role)
                return row_cells[k] if k is not None and k < t.n_cols else None

            content = origin("content")
            code_c = origin("code")
            if code_c is not None and code_c is content:
                code_c = None
            code = cell_text(code_c)
            text = cell_text(content)
            if code and not looks_like_code(code) and not text:
                text, code = code, ""  # a spanning label cell that starts in the code column
            if not code and not text and content is None and code_c is not None and code_c.col_span > 1:
                text = cell_text(code_c)
            pts_c = origin("points")
            pts = None
            if pts_c is not None and pts_c is not content:
                # "02", "2,5", "Tối đa 5 điểm"; or levels written out ("Đạt: 2 điểm; chưa đạt: 0")
                pts = parse_points_cell(pts_c.text)
                if pts is None:
                    pts = points_in_text(pts_c.text)
            if code and regex.fullmatch(r"[-–—+•*]+", code, timeout=RX_TIMEOUT):
                code, text = "", f"- {text}"  # a bullet written in the code column
            units_c, ev_c = shared("units"), shared("evidence")
            used = {id(x) for x in (content, code_c, pts_c) if x is not None}
            others = [cell_text(c) for c in t.rows[r] if id(c) not in used and c.text.strip()]
            # a page-repeated header the parser did not drop
            if header_fold and [fold(cell_text(c)) for c in row_cells] == header_fold:
                first_data = True  # the row after a repeated header opens a page piece
                continue
            if not code and not text and pts is None and not others:
                continue
            starts = (first_data and (i > 0 or r > lay.header_rows)) or r in boundaries
            first_data = False
            anchor = content or code_c or (t.rows[r][0] if t.rows[r] else None)
            loc = Loc(
                page=_page_of_row(t, r), block=t.index, table=t.table_index, row=r,
                col=anchor.col if anchor else None, start=0, end=len(anchor.text) if anchor else 0,
            )
            tail = ""
            if r in joined and content is not None:
                text, tail = _split_joined_bullet(content.text, text)
            out.append(RowView(
                code=code, text=text, points=pts,
                units=strip_markup(units_c.text) if units_c is not None and units_c is not content else "",
                evidence=strip_markup(ev_c.text) if ev_c is not None and ev_c is not content else "",
                bold=bool((content is not None and content.bold) or (code_c is not None and code_c.bold)
                          or _all_bold_markup(content)),
                starts_piece=starts, loc=loc, others=others,
            ))
            if tail:  # the bullet row the parser joined across the page break, as its own row
                out.append(RowView(code="", text=tail, points=None, units="", evidence="", bold=False,
                                   starts_piece=False, loc=loc))
    return out


def _split_joined_bullet(raw: str, text: str) -> tuple[str, str]:
    """A cell a parser joined across a page break ("…: 4 điểm\n- Có quyết
    định …"): when the joined part is a bullet after a finished line, it is a
    new row, not the rest of this one → (this row's text, the bullet's text)."""
    lines = [ln.strip() for ln in strip_markup(raw).split("\n") if ln.strip()]
    if len(lines) < 2 or is_bullet(lines[0]):
        return text, ""
    for k in range(len(lines) - 1, 0, -1):
        prev = lines[k - 1]
        if is_bullet(lines[k]) and (prev.endswith((".", ";", ":")) or points_in_text(prev) is not None):
            head = squash_spaces(" ".join(lines[:k]))
            return head, squash_spaces(" ".join(lines[k:]))
    return text, ""


def _all_bold_markup(c: Cell | None) -> bool:
    """Text-extracted tables mark bold as <b>…</b>: the whole cell bold."""
    if c is None:
        return False
    t = c.text.strip()
    return t.startswith(("<b>", "**")) and t.endswith(("</b>", "**"))


def header_total(run: Run) -> float | None:
    """A total stated in the header of the points column ("Thang điểm (100)")
    or in the paragraphs just before the table ("… thang điểm 100")."""
    first = run.pieces[0]
    t, lay = first.table, first.layout
    k = lay.col("points")
    if k is not None and lay.header_rows:
        heads = _column_headers(t, lay.header_rows)
        v = stated_total_in_text(heads[k]) or _number_in_parens(heads[k])
        if v:
            return v
    for p in reversed(run.intro):
        v = stated_total_in_text(p.text)
        if v:
            return v
    return None


def _number_in_parens(text: str) -> float | None:
    m = regex.search(r"\((\d{2,3})(?:\s*điểm)?\)", text, timeout=RX_TIMEOUT)
    return float(m.group(1)) if m else None
