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
* footnotes as real Word footnotes: a ``word/footnotes.xml`` part (with the
  separator / continuation-separator notes -1 and 0 as Word writes them) and
  a superscript ``w:footnoteReference`` run at each mark's offset in its
  paragraph or cell; a mark that is not the note's running number ("(1)",
  "*") is written as a custom mark (``customMarkFollows``);
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
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import OxmlElement, parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402
from lxml import etree  # noqa: E402

from core.model import Cell, Document, Footnote, FootnoteRef, Paragraph, ParagraphStyle, Table  # noqa: E402

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
# Footnotes
# --------------------------------------------------------------------------

CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REF_STYLE = "FootnoteReference"
FOOTNOTE_SIZE = Pt(10)


class _Notes:
    """The document's footnotes as Word footnotes: the Word id and how the
    mark is written for each ``Footnote.id``, in order of first reference."""

    def __init__(self, footnotes: list[Footnote]) -> None:
        self.by_id = {f.id: f for f in footnotes}
        self.word_id: dict[str, int] = {}
        self.custom: dict[str, bool] = {}
        self._numbered = 0

    def reference(self, footnote_id: str) -> tuple[int, bool] | None:
        """(Word id, custom mark?) for a mark, or None when no note has that id."""
        if footnote_id not in self.by_id:
            return None
        if footnote_id not in self.word_id:
            self.word_id[footnote_id] = len(self.word_id) + 1
            # Word numbers notes 1, 2, 3 … by order of reference, skipping custom
            # marks (customMarkFollows); any other mark is written as custom
            custom = footnote_id != str(self._numbered + 1)
            self._numbered += 0 if custom else 1
            self.custom[footnote_id] = custom
        return self.word_id[footnote_id], self.custom[footnote_id]

    def part_xml(self) -> bytes:
        root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>"
                         f'<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
                         f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                         f"<w:r><w:separator/></w:r></w:p></w:footnote>"
                         f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
                         f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                         f"<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
                         f"</w:footnotes>")
        for fid, n in self.word_id.items():
            root.append(self._note(fid, n))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _note(self, fid: str, n: int):
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(n))
        lines = self.by_id[fid].text.split("\n") or [""]
        for k, line in enumerate(lines):
            p = OxmlElement("w:p")
            ppr = OxmlElement("w:pPr")
            ps = OxmlElement("w:pStyle")
            ps.set(qn("w:val"), FOOTNOTE_TEXT_STYLE)
            ppr.append(ps)
            jc = OxmlElement("w:jc")
            jc.set(qn("w:val"), "both")
            ppr.append(jc)
            p.append(ppr)
            if k == 0:
                if self.custom[fid]:
                    p.append(_text_run(fid, superscript=True))
                else:
                    r = _ref_run()
                    r.append(OxmlElement("w:footnoteRef"))
                    p.append(r)
                line = " " + line
            p.append(_text_run(line))
            note.append(p)
        return note


def _ref_run():
    """An empty run in the footnote-reference character style (superscript)."""
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rs = OxmlElement("w:rStyle")
    rs.set(qn("w:val"), FOOTNOTE_REF_STYLE)
    rpr.append(rs)
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    r.append(rpr)
    return r


def _text_run(text: str, superscript: bool = False):
    r = _ref_run() if superscript else OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _add_reference(wp, notes: _Notes, footnote_id: str) -> None:
    got = notes.reference(footnote_id)
    if got is None:
        return
    n, custom = got
    r = _ref_run()
    ref = OxmlElement("w:footnoteReference")
    if custom:
        ref.set(qn("w:customMarkFollows"), "1")
    ref.set(qn("w:id"), str(n))
    r.append(ref)
    wp._p.append(r)
    if custom:
        wp._p.append(_text_run(footnote_id, superscript=True))


def _footnote_styles(d) -> None:
    """Word's built-in "footnote text" / "footnote reference" styles."""
    size = int(FOOTNOTE_SIZE.pt * 2)
    d.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{FOOTNOTE_TEXT_STYLE}">'
        f'<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
        f'<w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'))
    d.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="character" w:styleId="{FOOTNOTE_REF_STYLE}">'
        f'<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        f'<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        f'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'))


def _add_footnotes_part(d, notes: _Notes) -> None:
    if not notes.word_id:
        return
    _footnote_styles(d)
    package = d.part.package
    part = Part(PackURI("/word/footnotes.xml"), CT_FOOTNOTES, notes.part_xml(), package)
    d.part.relate_to(part, RT.FOOTNOTES)


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------


def _write_paragraph(wp, text: str, style: ParagraphStyle,
                     refs: list[FootnoteRef] | None = None, notes: _Notes | None = None) -> None:
    """Fill a python-docx paragraph with ``text`` in ``style``, a footnote
    reference at each mark's offset."""
    if style.heading_level and 1 <= style.heading_level <= 9:
        try:
            wp.style = f"Heading {style.heading_level}"
        except KeyError:  # template without that style
            pass
    if style.align in _ALIGN:
        wp.alignment = _ALIGN[style.align]
    marks = sorted(refs or [], key=lambda r: r.offset) if notes is not None else []
    start = 0
    for piece_end, ref in [(min(max(r.offset, 0), len(text)), r) for r in marks] + [(len(text), None)]:
        if piece_end > start or (ref is None and start == 0):
            run = wp.add_run(text[start:piece_end])  # "\n" -> w:br, "\t" -> w:tab
            # explicit on the run, so a heading style's own bold/italic does not leak in
            run.bold = bool(style.bold)
            run.italic = bool(style.italic)
            start = piece_end
        if ref is not None:
            _add_reference(wp, notes, ref.footnote_id)


def _add_body_paragraph(d, p: Paragraph, notes: _Notes) -> None:
    _write_paragraph(d.add_paragraph(), p.text, p.style, p.footnote_refs, notes)


def _page_break(d) -> None:
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


def _cell_paragraphs(cell: Cell) -> list[tuple[str, ParagraphStyle, list[FootnoteRef]]]:
    """The cell's paragraphs with their footnote marks: a paragraph's own
    marks, else the cell's marks placed by offset in the paragraphs joined
    with "\\n" (as the Word parser counts them)."""
    if cell.paragraphs:
        paras = [(p.text, p.style, list(p.footnote_refs)) for p in cell.paragraphs]
    else:
        lines = cell.text.split("\n") if cell.text else []
        paras = [(line, ParagraphStyle(bold=cell.bold), []) for line in lines]
    if cell.footnote_refs and not any(refs for _, _, refs in paras):
        if not paras:
            paras = [("", ParagraphStyle(bold=cell.bold), [])]
        start = 0
        for k, (text, _, refs) in enumerate(paras):
            last = k == len(paras) - 1
            for r in cell.footnote_refs:
                if start <= r.offset and (r.offset <= start + len(text) or last):
                    if not any(r in other for _, _, other in paras):
                        refs.append(FootnoteRef(r.footnote_id, r.offset - start))
            start += len(text) + 1
    return paras


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


def _write_word_table(d, t: Table, header_copy: int, segments: list[tuple[int, int]], notes: _Notes) -> None:
    """One Word table: ``header_copy`` header rows of ``t`` then the rows of
    each segment [first, end); a later segment starts on a new page (its first
    row's first paragraph has ``pageBreakBefore``). Footnote marks are written
    once, not in repeated header rows."""
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
    for pos, r in enumerate(src_rows):
        repeat = pos < header_copy
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
            for k, (text, style, refs) in enumerate(_cell_paragraphs(cell)):
                wp = wps[0] if k == 0 else origin.add_paragraph()
                _write_paragraph(wp, text, ParagraphStyle(bold=style.bold or cell.bold, italic=style.italic,
                                                          align=style.align),
                                 None if repeat else refs, notes)
    for i in page_rows:
        _page_break_before(wt.cell(i, 0).paragraphs[0])


def _add_table(d, t: Table, notes: _Notes) -> None:
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
        _write_word_table(d, t, header_copy, segments, notes)


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
    notes = _Notes(doc.footnotes)
    for b in doc.blocks:
        if isinstance(b, Table):
            _add_table(d, b, notes)
        elif b.role == "body":
            _add_body_paragraph(d, b, notes)
    _add_footnotes_part(d, notes)
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
    from core.errors import DocumentError

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
