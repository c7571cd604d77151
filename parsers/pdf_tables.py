"""Tables in PDF pages.

* ``find_ruled_tables``: pdfplumber's table finder (ruling lines) gives cell
  boxes; the distinct x and y edges are clustered into a grid and each cell
  becomes an origin cell with its row/column span.
* ``find_aligned_tables``: tables drawn without rules (appendix style) from
  rows of segments whose left edges line up in columns — conservative: at
  least three rows and three columns, or four rows of two left-aligned
  columns.
* ``fill_table``: cell text from the words inside each cell box, rebuilt
  into paragraphs.
* ``join_split_rows``: after stitching a table across pages, a continuation
  whose first row has an empty first cell is the rest of the row before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.pdf_layout import Flow, Row, Word, build_paragraphs, group_rows, lift_marks, main_size
from core.model import Cell, Paragraph, ParagraphStyle, Table
from core.normalize import normalize_text

EDGE_TOL = 2.5  # points: edges closer than this are the same grid line


@dataclass(slots=True)
class CellBox:
    row: int
    col: int
    row_span: int
    col_span: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class TableDraft:
    x0: float
    top: float
    x1: float
    bottom: float
    n_rows: int
    n_cols: int
    cells: list[CellBox] = field(default_factory=list)
    col_edges: list[float] = field(default_factory=list)
    ruled: bool = True

    def contains(self, w: Word) -> bool:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        return self.x0 - 1 <= cx <= self.x1 + 1 and self.top - 1 <= cy <= self.bottom + 1


def cluster_edges(values: list[float], tol: float = EDGE_TOL) -> list[float]:
    """Distinct positions: values within ``tol`` of each other merge (mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda k: abs(edges[k] - v))


def grid_from_cells(boxes: list[tuple[float, float, float, float]]) -> TableDraft | None:
    """Cell boxes (x0, top, x1, bottom) → a grid of origin cells with spans."""
    boxes = [b for b in boxes if b[2] - b[0] > 1 and b[3] - b[1] > 1]
    if len(boxes) < 2:
        return None
    xs = cluster_edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = cluster_edges([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 2 or len(ys) < 2:
        return None
    cells: list[CellBox] = []
    seen: set[tuple[int, int]] = set()
    for x0, top, x1, bottom in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0 or (r0, c0) in seen:
            continue
        seen.add((r0, c0))
        cells.append(CellBox(r0, c0, r1 - r0, c1 - c0, x0, top, x1, bottom))
    if len(cells) < 2:
        return None
    cells.sort(key=lambda c: (c.row, c.col))
    return TableDraft(xs[0], ys[0], xs[-1], ys[-1], len(ys) - 1, len(xs) - 1, cells, xs)


def ruling_edges(page) -> list[dict]:
    """Edges that can be table rules: drawn lines, thin rectangles, stroked
    rectangles — not filled boxes (text highlight, cell shading)."""
    from pdfplumber.utils import line_to_edge, rect_to_edges, curve_to_edges

    edges: list[dict] = [line_to_edge(ln) for ln in page.lines]
    for r in page.rects:
        thin = min(float(r["width"]), float(r["height"])) <= 3.0
        if thin or (r.get("stroke") and not r.get("fill")):
            edges.extend(rect_to_edges(r))
    for c in page.curves:
        if c.get("stroke") and not c.get("fill"):
            edges.extend(curve_to_edges(c))
    return edges


def find_ruled_tables(page, edges: list[dict] | None = None) -> list[TableDraft]:
    """Tables drawn with ruling lines on a pdfplumber page; ``edges``: the
    rules when they are not drawn in the PDF but seen in a scanned image
    (``parsers.ocr.ruling_lines``)."""
    edges = ruling_edges(page) if edges is None else edges
    if len(edges) < 4:
        return []
    vert = [e for e in edges if e["orientation"] == "v"]
    horiz = [e for e in edges if e["orientation"] == "h"]
    if len(vert) < 2 or len(horiz) < 2:
        return []
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vert, "explicit_horizontal_lines": horiz}
    drafts: list[TableDraft] = []
    for t in page.find_tables(settings):
        d = grid_from_cells([tuple(c) for c in t.cells if c is not None])
        if d is None:
            continue
        if d.n_rows < 1 or d.n_cols < 2 and d.n_rows < 2:
            continue
        drafts.append(d)
    return drafts


# --------------------------------------------------------------------------
# Tables without rules
# --------------------------------------------------------------------------


def find_aligned_tables(rows: list[Row]) -> list[tuple[int, int, TableDraft]]:
    """Runs of rows (first, last row index) whose segments line up in
    columns by their left edges."""
    out: list[tuple[int, int, TableDraft]] = []
    i = 0
    while i < len(rows):
        if len(rows[i].segments) < 2:
            i += 1
            continue
        j = i
        while j + 1 < len(rows) and len(rows[j + 1].segments) >= 2 \
                and rows[j + 1].top - rows[j].bottom < 2.5 * rows[j].size:
            j += 1
        run = rows[i:j + 1]
        draft = _aligned_grid(run)
        if draft is not None:
            out.append((i, j, draft))
            i = j + 1
        else:
            i += 1
    return out


def _aligned_grid(run: list[Row]) -> TableDraft | None:
    if len(run) < 3:
        return None
    size = main_size([w for r in run for w in r.words])
    starts = cluster_edges([min(w.x0 for w in s) for r in run for s in r.segments], tol=0.4 * size)
    n_cols = len(starts)
    if n_cols < 2 or n_cols > 12:
        return None
    # every segment must start at a column start; no row may use a column twice
    for r in run:
        used = set()
        for s in r.segments:
            x0 = min(w.x0 for w in s)
            k = _index(starts, x0)
            if abs(starts[k] - x0) > 0.4 * size or k in used:
                return None
            used.add(k)
    # each column is used by most rows
    counts = [0] * n_cols
    for r in run:
        for s in r.segments:
            counts[_index(starts, min(w.x0 for w in s))] += 1
    if min(counts) < 0.6 * len(run):
        return None
    if n_cols == 2 and len(run) < 4:
        return None
    right = max(w.x1 for r in run for w in r.words)
    edges = starts + [right + 1]
    cells: list[CellBox] = []
    for ri, r in enumerate(run):
        for k in range(n_cols):
            cells.append(CellBox(ri, k, 1, 1, edges[k] - 1, r.top - 0.5, edges[k + 1] - 1, r.bottom + 0.5))
    return TableDraft(edges[0] - 1, run[0].top - 0.5, right + 1, run[-1].bottom + 0.5,
                      len(run), n_cols, cells, edges, ruled=False)


# --------------------------------------------------------------------------
# Filling cells
# --------------------------------------------------------------------------


def fill_table(draft: TableDraft, words: list[Word], page: int | None) -> Table:
    """Build the model ``Table``: each cell's words rebuilt into paragraphs."""
    rows: list[list[Cell]] = [[] for _ in range(draft.n_rows)]
    remaining = list(words)
    taken: list[tuple[CellBox, list[Word]]] = []
    for box in draft.cells:
        inside = [w for w in remaining if box.x0 - 0.5 <= (w.x0 + w.x1) / 2 <= box.x1 + 0.5
                  and box.top - 0.5 <= (w.top + w.bottom) / 2 <= box.bottom + 0.5]
        if inside:
            ids = {id(w) for w in inside}
            remaining = [w for w in remaining if id(w) not in ids]
        taken.append((box, inside))
    pads = _column_padding(taken) if draft.ruled else {}
    for box, inside in taken:
        paras = cell_paragraphs(inside, box, page, pads.get(round(box.x0), 2.0))
        text = "\n".join(p.text for p in paras)
        bold = bool(paras) and all(p.style.bold for p in paras)
        rows[box.row].append(Cell(box.row, box.col, text, box.row_span, box.col_span, bold, paras))
    return Table(rows=rows, n_cols=draft.n_cols, page=page)


def _column_padding(taken: list[tuple[CellBox, list[Word]]]) -> dict[int, float]:
    """The inner padding of the cells starting at each x (by rounded x0):
    the least distance of their text from the left rule, used on both
    sides (between 0.5 and 8 points; 2 when a column has no text)."""
    gaps: dict[int, float] = {}
    for box, inside in taken:
        for w in inside:
            k = round(box.x0)
            gaps[k] = min(gaps.get(k, 1e9), w.x0 - box.x0)
    return {k: min(8.0, max(0.5, g)) for k, g in gaps.items()}


def cell_paragraphs(words: list[Word], box: CellBox, page: int | None, pad: float = 2.0) -> list[Paragraph]:
    """The cell's words rebuilt into paragraphs, within the cell's inner
    edges (``pad`` points inside its rules)."""
    if not words:
        return []
    lines = [lift_marks(_line(r)) for r in group_rows(words)]
    flow = Flow(lines, box.x0 + pad, box.x1 - pad)
    out: list[Paragraph] = []
    for d in build_paragraphs(flow):
        text = normalize_text(d.text).strip()
        if text:
            out.append(Paragraph(text, page=page, style=ParagraphStyle(bold=d.bold, italic=d.italic, align=d.align)))
    return out


def _line(row: Row):
    from parsers.pdf_layout import Line

    return Line(list(row.words))


# --------------------------------------------------------------------------
# Stitching helpers
# --------------------------------------------------------------------------


def same_columns(a: TableDraft, b: TableDraft, tol: float = 4.0) -> bool:
    """Two table pieces share a column layout (same grid x edges)."""
    if a.n_cols != b.n_cols or len(a.col_edges) != len(b.col_edges):
        return False
    return all(abs(x - y) <= tol for x, y in zip(a.col_edges, b.col_edges))


_BULLET_STARTS = ("- ", "+ ", "• ", "– ", "* ", "▪ ", "● ", "○ ", "◦ ")


def starts_new_item(text: str) -> bool:
    """Text that opens a new list item ("- ...", "+ ...", "• ...") rather
    than running on from the text before."""
    t = text.lstrip()
    return t.startswith(_BULLET_STARTS) or t[:1] in "•▪●○◦" and len(t) > 1


def join_split_rows(table: Table, rows: list[int] | None = None) -> list[int]:
    """Join a row broken across a page: when a continuation's first row has
    an empty first cell (and the row before is not a header row), its
    cells' text is appended to the cells above them (the row before, or a
    cell merged down into it) — unless the row opens a new list item (its
    first written cell starts with "- ", "+ ", "•"): that is a row of its
    own. The cells above must have the same column extents. ``rows`` limits
    the check to those continuation starts (the caller knows which pieces
    ran to the page bottom). Returns the rows (indices in the stitched
    table, before removal) that were joined away."""
    joined: list[int] = []
    starts = {c.first_row for c in table.continuations if 0 < c.first_row < len(table.rows)}
    if rows is not None:
        starts &= set(rows)
    for r in sorted(starts, reverse=True):
        row = table.rows[r]
        first = [c for c in row if c.col == 0]
        if r - 1 < table.header_rows or not first or first[0].text.strip():
            continue
        written = sorted((c for c in row if c.text.strip()), key=lambda c: c.col)
        if not written or starts_new_item(written[0].text):
            continue
        above = table.grid()[r - 1]
        targets = [above[c.col] if c.col < len(above) else None for c in row]
        if any(t is None or t.col != c.col or t.col_span != c.col_span or t.row + t.row_span != r
               for c, t in zip(row, targets)):
            continue
        if sum(c.col_span for c in row) != table.n_cols:
            continue  # part of the row is covered from above: not a plain row
        for c, target in zip(row, targets):
            target.row_span += c.row_span - 1
            if not c.text.strip():
                continue
            target.text = (target.text + "\n" + c.text) if target.text else c.text
            target.paragraphs.extend(c.paragraphs)
            target.bold = target.bold and c.bold
        del table.rows[r]
        joined.append(r)
    if joined:
        for k, row in enumerate(table.rows):
            for c in row:
                c.row = k
        for cont in table.continuations:
            if cont.first_row in joined:
                cont.joined_row = True
            cont.first_row = max(0, cont.first_row - sum(1 for r in joined if r <= cont.first_row))
    return sorted(joined)
