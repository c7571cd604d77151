"""Format-independent table helpers, shared by every parser.

* ``make_cell`` / ``table_from_grid`` build ``Cell``s and ``Table``s from
  text (a grid of strings, each cell's lines separated by "\\n"), so a parser
  that reads a grid (markdown pipes, tab-separated lines, PDF ruling) does not
  rebuild cells its own way;
* ``detect_header_rows`` says how many leading rows are column titles;
* ``stitch_tables`` joins the pieces of one logical table split by page
  breaks: consecutive tables (only blank or furniture paragraphs between)
  with the same column count, where the later piece starts by repeating the
  first piece's header, become one ``Table``; the repeated header rows are
  dropped and recorded as ``TableContinuation``.

Header comparison ignores whitespace, markup, punctuation, case and
diacritics, so "Tài liệu kiểm chứng" and "Tài liệu kiểm<br>chứng" (wrapped
differently on the next page) or "ST T" and "ST<br>T" are the same title.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from core import regex_cached as regex

from core.model import Block, Cell, Paragraph, ParagraphStyle, Table, TableContinuation
from core.textutil import RX_TIMEOUT, fold, rx_timeout

# inline markup a text grid may carry (markdown emphasis, the HTML tags
# PDF-to-text tools write into cells)
_TAGS = regex.compile(r"</?(?:b|i|u|em|strong|p|br|span|sup|sub|font|div)\b[^<>]{0,200}>", regex.IGNORECASE)
_EMPH = regex.compile(r"\*{1,3}|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)")
_NON_WORD = regex.compile(r"[\W_]+")


def strip_markup(text: str) -> str:
    """Text without HTML-ish tags and markdown emphasis marks."""
    t = _TAGS.sub(" ", text, timeout=RX_TIMEOUT)
    return _EMPH.sub("", t, timeout=RX_TIMEOUT)


def header_key(text: str) -> str:
    """Comparison key for header cells: no whitespace, markup, punctuation,
    case or diacritics ("ST<br>T" == "ST T" == "stt")."""
    return _NON_WORD.sub("", fold(strip_markup(text)), timeout=RX_TIMEOUT)


# --------------------------------------------------------------------------
# Building cells and tables
# --------------------------------------------------------------------------

StyledText = tuple[str, bool, bool]  # (text, bold, italic)


def make_cell(row: int, col: int, paragraphs: Sequence[str | StyledText], *,
              row_span: int = 1, col_span: int = 1) -> Cell:
    """A cell from its paragraphs, each a plain string or ``(text, bold,
    italic)``. ``Cell.text`` joins them with "\\n"; ``Cell.bold`` is set when
    every non-blank paragraph is bold."""
    paras: list[Paragraph] = []
    for p in paragraphs:
        text, bold, italic = (p, False, False) if isinstance(p, str) else p
        paras.append(Paragraph(text, style=ParagraphStyle(bold=bold, italic=italic)))
    non_blank = [p for p in paras if p.text.strip()]
    return Cell(
        row=row, col=col, text="\n".join(p.text for p in paras),
        row_span=row_span, col_span=col_span,
        bold=bool(non_blank) and all(p.style.bold for p in non_blank),
        paragraphs=paras,
    )


def table_from_grid(grid: Sequence[Sequence[str | Sequence[str | StyledText]]], *,
                    n_cols: int | None = None, header_rows: int | None = None,
                    page: int | None = None) -> Table:
    """A table from a grid of cell contents: each item is a string (lines
    separated by "\\n") or a list of paragraphs as ``make_cell`` takes.
    Short rows are padded with empty cells. ``header_rows=None`` detects the
    header."""
    width = n_cols if n_cols is not None else max((len(r) for r in grid), default=0)
    rows: list[list[Cell]] = []
    for r, items in enumerate(grid):
        cells = []
        for c in range(width):
            item = items[c] if c < len(items) else ""
            paras = item.split("\n") if isinstance(item, str) else list(item)
            cells.append(make_cell(r, c, paras))
        rows.append(cells)
    t = Table(rows=rows, n_cols=width, page=page)
    t.header_rows = detect_header_rows(t) if header_rows is None else header_rows
    return t


# --------------------------------------------------------------------------
# Header rows
# --------------------------------------------------------------------------

# words column titles of Vietnamese administrative tables start with
_HEADER_WORDS = regex.compile(
    r"^(?:stt|tt|so tt|so thu tu|noi dung|tieu chi|linh vuc|diem|thang diem|so diem|diem chuan|diem toi da"
    r"|ket qua|tu cham|don vi|co quan|chu tri|phoi hop|tai lieu|minh chung|ghi chu|thoi gian|thoi han"
    r"|nhiem vu|cong viec|ten|ho va ten|ho ten|chuc vu|san pham|muc|yeu cau|hinh thuc|kinh phi|nguon"
    r"|trach nhiem|phan cong|chi tieu|danh gia|xep loai|so luong|ty le|nam|quy|thang|ngay|dia diem"
    r"|no\.?|item|description|points|score|unit|remarks?|notes?|deadline)\b"
)
_DATA_CODE = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|[IVXLC]{1,6}\.?|[a-zđ][.)])$")


def _row_texts(t: Table, r: int) -> list[str]:
    return [strip_markup(c.text).strip() for c in sorted(t.rows[r], key=lambda c: c.col)]


def _looks_like_header_row(t: Table, r: int) -> bool:
    cells = sorted(t.rows[r], key=lambda c: c.col)
    texts = [" ".join(strip_markup(c.text).split()) for c in cells]
    filled = [x for x in texts if x]
    if len(filled) < min(2, t.n_cols):
        return False
    if any(_DATA_CODE.match(x, timeout=rx_timeout(x)) for x in filled):
        return False  # a row numbered "1", "1.1", "I" is data
    if any(len(x) > 90 for x in filled):
        return False  # column titles are short
    if all(c.bold for c in cells if c.text.strip()):
        return True
    worded = sum(1 for x in filled if _HEADER_WORDS.match(fold(x), timeout=RX_TIMEOUT))
    return worded * 2 >= len(filled)


def detect_header_rows(t: Table) -> int:
    """How many leading rows are column titles (0, 1 or 2).

    The first row is a header when its cells are short titles (all bold, or at
    least half of them starting with a usual title word such as "STT", "Nội
    dung", "Điểm"), none is a row number. A second row counts too when the
    first has merged cells (a grouped header) and the second looks like
    titles as well."""
    if not t.rows or not _looks_like_header_row(t, 0):
        return 0
    n = 1
    grouped = any(c.col_span > 1 or c.row_span > 1 for c in t.rows[0])
    if grouped and len(t.rows) > 1 and _looks_like_header_row(t, 1):
        n = 2
    return n


# --------------------------------------------------------------------------
# Stitching pieces of one table
# --------------------------------------------------------------------------


def _row_keys(t: Table, r: int) -> list[str]:
    keys = [""] * t.n_cols
    for c in t.rows[r]:
        if 0 <= c.col < t.n_cols:
            keys[c.col] = header_key(c.text)
    return keys


def repeated_header_rows(first: Table, piece: Table) -> int:
    """How many leading rows of ``piece`` repeat the header of ``first``
    (0 when its first row is not the first table's first row)."""
    if first.n_cols != piece.n_cols or not first.rows or not piece.rows:
        return 0
    limit = max(first.header_rows, 1)
    n = 0
    while n < limit and n < len(piece.rows) and n < len(first.rows):
        a, b = _row_keys(first, n), _row_keys(piece, n)
        if not any(a) or a != b:
            break
        n += 1
    return n


def _is_gap(block: Block) -> bool:
    """A block that may stand between two pieces of one table."""
    return isinstance(block, Paragraph) and (block.role != "body" or not block.text.strip())


def _append_piece(base: Table, piece: Table, drop: int) -> None:
    first_row = len(base.rows)
    for k, row in enumerate(piece.rows[drop:]):
        new_r = first_row + k
        base.rows.append([_renumbered(c, new_r) for c in row])
    base.continuations.append(TableContinuation(first_row=first_row, page=piece.page, dropped_header_rows=drop))
    for cont in piece.continuations:  # the piece was itself stitched
        base.continuations.append(replace(cont, first_row=first_row + max(0, cont.first_row - drop)))


def _renumbered(cell: Cell, row: int) -> Cell:
    cell.row = row
    return cell


def stitch_tables(blocks: Iterable[Block]) -> list[Block]:
    """Blocks with the pieces of each page-split table joined into one.

    A table is joined to the table before it when only blank or furniture
    paragraphs stand between them, both have the same column count, and its
    first row(s) repeat the earlier table's header (compared with
    ``header_key``). The stitched table keeps the first piece's header
    (``header_rows`` detected when the piece had none set), drops the
    repeats and records a ``TableContinuation`` per piece. The blank/furniture
    paragraphs between the pieces are removed from the block list."""
    out: list[Block] = []
    last_table: Table | None = None
    pending: list[Block] = []  # gap paragraphs since last_table
    for b in blocks:
        if isinstance(b, Table):
            if last_table is not None and last_table.header_rows == 0:
                last_table.header_rows = detect_header_rows(last_table)
            drop = repeated_header_rows(last_table, b) if last_table is not None else 0
            if last_table is not None and drop:
                if last_table.header_rows < drop:
                    last_table.header_rows = drop
                _append_piece(last_table, b, drop)
                pending = []
                continue
            out.extend(pending)
            pending = []
            if b.header_rows == 0:
                b.header_rows = detect_header_rows(b)
            out.append(b)
            last_table = b
        elif last_table is not None and _is_gap(b):
            pending.append(b)
        else:
            out.extend(pending)
            pending = []
            out.append(b)
            last_table = None
    out.extend(pending)
    return out
