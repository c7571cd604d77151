"""Build ``data/raw/<stem>.docx`` for each seed ``data/raw/<stem>.txt``.

The Word file is written FROM the text parser's ``Document`` (so the .txt and
the .docx carry the same paragraphs and tables), as a real Word document:

* paragraphs with their bold/italic, alignment and heading style (Heading N);
  line breaks inside a paragraph as ``w:br``;
* tables as Word tables with real merged cells (``gridSpan``/``vMerge``), the
  header rows marked as repeating header rows, each cell's paragraphs as
  separate Word paragraphs (a ``<br>`` in the seed is a paragraph break in the
  cell), bold group rows bold;
* a table the original split across pages (``Table.continuations``) is written
  split the same way: a piece that repeated the header is a new Word table
  starting with the header rows again, after a page break; a piece that did
  not continues the same Word table from a new page (``pageBreakBefore`` on
  its first row);
* A4 page with the margins of Nghị định 30/2020/NĐ-CP, Times New Roman 13 pt.

Output is deterministic: fixed core-property dates and fixed ZIP timestamps,
so re-running gives identical bytes.

Usage: ``.venv/bin/python tools/build_seed_docx.py [TXT ...] [--out-dir DIR]``
(default: every ``data/raw/*.txt``, written beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from pipeline.model import Cell, Document, Paragraph, ParagraphStyle, Table  # noqa: E402

RAW = ROOT / "data" / "raw"
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------


def _write_paragraph(wp, text: str, style: ParagraphStyle) -> None:
    """Fill a python-docx paragraph with ``text`` in ``style``."""
    if style.heading_level and 1 <= style.heading_level <= 9:
        try:
            wp.style = f"Heading {style.heading_level}"
        except KeyError:  # template without that style
            pass
    if style.align in _ALIGN:
        wp.alignment = _ALIGN[style.align]
    run = wp.add_run(text)  # "\n" -> w:br, "\t" -> w:tab
    # explicit on the run, so a heading style's own bold/italic does not leak in
    run.bold = bool(style.bold)
    run.italic = bool(style.italic)


def _add_body_paragraph(d, p: Paragraph) -> None:
    _write_paragraph(d.add_paragraph(), p.text, p.style)


def _page_break(d) -> None:
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


def _cell_paragraphs(cell: Cell) -> list[tuple[str, ParagraphStyle]]:
    if cell.paragraphs:
        return [(p.text, p.style) for p in cell.paragraphs]
    lines = cell.text.split("\n") if cell.text else []
    return [(line, ParagraphStyle(bold=cell.bold)) for line in lines]


def _mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def _pieces(t: Table) -> list[tuple[int, int, int]]:
    """(first_row, end_row, repeated_header_rows) for each page piece."""
    starts = sorted({c.first_row for c in t.continuations if 0 < c.first_row < t.n_rows})
    drops = {c.first_row: c.dropped_header_rows for c in t.continuations}
    bounds = [0] + starts + [t.n_rows]
    out = []
    for i in range(len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1]
        if a < b:
            out.append((a, b, 0 if i == 0 else min(drops.get(a, 0), t.header_rows or drops.get(a, 0), a)))
    return out


def _page_break_before(wp) -> None:
    ppr = wp._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:pageBreakBefore"))


def _write_word_table(d, t: Table, header_copy: int, segments: list[tuple[int, int]]) -> None:
    """One Word table: ``header_copy`` header rows of ``t`` then the rows of
    each segment [first, end); a later segment starts on a new page (its first
    row's first paragraph has ``pageBreakBefore``)."""
    src_rows = list(range(header_copy))
    page_rows: set[int] = set()
    for k, (first, end) in enumerate(segments):
        if k:
            page_rows.add(len(src_rows))
        src_rows.extend(range(first, end))
    row_of = {r: i for i, r in enumerate(src_rows)}
    wt = d.add_table(rows=len(src_rows), cols=t.n_cols)
    try:
        wt.style = "Table Grid"
    except KeyError:
        pass
    wt.alignment = WD_TABLE_ALIGNMENT.CENTER
    first_data = segments[0][0] if segments else 0
    header_rows = header_copy if header_copy else min(t.header_rows, len(src_rows)) if first_data == 0 else 0
    for i in range(header_rows):
        _mark_header_row(wt.rows[i])
    for r in src_rows:
        for cell in t.rows[r]:
            if cell.col >= t.n_cols:
                continue
            top = row_of[r]
            # a span that runs past this Word table is cut at its end
            last_src = r + cell.row_span - 1
            bottom = top
            while bottom + 1 < len(src_rows) and src_rows[bottom + 1] <= last_src \
                    and src_rows[bottom + 1] == src_rows[bottom] + 1:
                bottom += 1
            right = min(cell.col + cell.col_span, t.n_cols) - 1
            origin = wt.cell(top, cell.col)
            if bottom > top or right > cell.col:
                origin = origin.merge(wt.cell(bottom, right))
            wps = origin.paragraphs
            for extra in wps[1:]:  # merge() leaves the covered cells' empty paragraphs
                extra._p.getparent().remove(extra._p)
            for k, (text, style) in enumerate(_cell_paragraphs(cell)):
                wp = wps[0] if k == 0 else origin.add_paragraph()
                _write_paragraph(wp, text, ParagraphStyle(bold=style.bold or cell.bold, italic=style.italic,
                                                          align=style.align))
    for i in page_rows:
        _page_break_before(wt.cell(i, 0).paragraphs[0])


def _add_table(d, t: Table) -> None:
    """A piece that repeats the header becomes a new Word table after a page
    break (as the original printed it); a piece without a repeated header
    continues the same Word table on a new page."""
    groups: list[tuple[int, list[tuple[int, int]]]] = []
    for first, end, header_copy in _pieces(t):
        if not groups or header_copy:
            groups.append((header_copy, [(first, end)]))
        else:
            groups[-1][1].append((first, end))
    for i, (header_copy, segments) in enumerate(groups):
        if i:
            _page_break(d)
        _write_word_table(d, t, header_copy, segments)


# --------------------------------------------------------------------------
# Document
# --------------------------------------------------------------------------


def _setup(d) -> None:
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:eastAsia"), "Times New Roman")
        fonts.set(qn("w:cs"), "Times New Roman")
    for s in d.sections:
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.top_margin, s.bottom_margin = Mm(20), Mm(20)
        s.left_margin, s.right_margin = Mm(30), Mm(15)
    cp = d.core_properties
    cp.author = "vanban"
    cp.last_modified_by = "vanban"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed member timestamps (python-docx stamps the
    current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_docx(doc: Document, out: Path) -> None:
    """Write ``doc`` as a Word document at ``out`` (deterministic bytes)."""
    d = docx.Document()
    _setup(d)
    for b in doc.blocks:
        if isinstance(b, Table):
            _add_table(d, b)
        elif b.role == "body":
            _add_body_paragraph(d, b)
    buf = io.BytesIO()
    d.save(buf)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_bytes(_deterministic_zip(buf.getvalue()))
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build a .docx beside each seed .txt from the text parser's Document.")
    ap.add_argument("txt", nargs="*", type=Path, help="seed text files (default: data/raw/*.txt)")
    ap.add_argument("--out-dir", type=Path, default=None, help="where to write (default: beside each .txt)")
    args = ap.parse_args(argv)

    from parsers import parse
    from pipeline.errors import DocumentError

    files = args.txt or sorted(RAW.glob("*.txt"))
    status = 0
    for txt in files:
        out = (args.out_dir or txt.parent) / (txt.stem + ".docx")
        try:
            build_docx(parse(txt), out)
        except DocumentError as exc:
            print(f"vanban: {exc}", file=sys.stderr)
            status = 2
            continue
        print(f"built {out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
