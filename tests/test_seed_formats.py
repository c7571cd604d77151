"""Each seed in data/raw as .txt and as the .docx built from it
(tools/build_seed_docx.py) reads back as the same document: the same
paragraph texts, the same table grids (including seed 000's table that the
original split over five pages with the header repeated), the same footnotes
linked to the same paragraphs (seed 001's four notes as real Word footnotes)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from parsers import parse
from core.model import Cell, Document, Footnote, FootnoteRef, Paragraph, SourceInfo, Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # tools/ is not an installed package
    sys.path.insert(0, str(ROOT))

from tools.build_seed_docx import build_docx  # noqa: E402

RAW = ROOT / "data" / "raw"
SEEDS = sorted(RAW.glob("*.txt"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _ws(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(doc: Document) -> list[str]:
    return [_ws(p.text) for p in doc.paragraphs]


def _grids(doc: Document) -> list[list[list[str]]]:
    return [[[_ws(c) for c in row] for row in t.text_grid()] for t in doc.tables]


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[Document, Document]]:
    out = {}
    for txt in SEEDS:
        docx = txt.with_suffix(".docx")
        assert docx.exists(), f"{docx.name} missing: run tools/build_seed_docx.py"
        out[txt.stem] = (parse(txt), parse(docx))
    return out


def test_every_seed_has_a_docx():
    assert len(SEEDS) == 5
    assert all(t.with_suffix(".docx").exists() for t in SEEDS)


@pytest.mark.parametrize("stem", [t.stem for t in SEEDS])
def test_same_paragraphs_and_tables(parsed, stem):
    txt, docx = parsed[stem]
    assert len(txt.paragraphs) > 2
    assert _paragraphs(docx) == _paragraphs(txt)
    assert _grids(docx) == _grids(txt)
    # same spans, not only the same texts at origins
    for a, b in zip(txt.tables, docx.tables):
        assert [[(c.row, c.col, c.row_span, c.col_span) for c in r] for r in a.rows] == \
               [[(c.row, c.col, c.row_span, c.col_span) for c in r] for r in b.rows]
        assert a.header_rows == b.header_rows
    # whole-paragraph bold survives the round trip
    assert [p.style.bold for p in docx.paragraphs] == [p.style.bold for p in txt.paragraphs]


def test_seed_000_table_split_over_pages(parsed):
    stem = next(t.stem for t in SEEDS if t.stem.startswith("000_"))
    txt, docx = parsed[stem]
    # the Word file holds the pieces as separate tables, each repeating the header ...
    root = etree.fromstring(zipfile.ZipFile(RAW / f"{stem}.docx").read("word/document.xml"))
    pieces = root.find(W + "body").findall(W + "tbl")
    assert len(pieces) == 5
    for tbl in pieces:
        first_row = tbl.find(W + "tr")
        assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
        assert "".join(first_row.itertext()).startswith("ST TLĩnh vực")
    # ... separated by page breaks
    breaks = root.findall(f".//{W}br[@{W}type='page']")
    assert len(breaks) == 4
    # and both formats read one logical table with the repeats dropped
    (t_txt,), (t_docx,) = txt.tables, docx.tables
    assert [(c.first_row, c.dropped_header_rows) for c in t_docx.continuations] == \
           [(c.first_row, c.dropped_header_rows) for c in t_txt.continuations]
    assert len(t_docx.continuations) == 4
    assert [_ws(x) for x in t_docx.text_grid()[0][:2]] == ["ST T", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"]
    assert sum(1 for r in t_docx.text_grid() if _ws(r[0]) == "ST T") == 1  # header kept once
    assert _ws(t_docx.text_grid()[-1][1]) == "Tổng cộng" and t_docx.text_grid()[-1][3] == "100"
    # group rows ("1", "Tiêu chí ... (10 điểm)") are bold in the Word table
    group = next(r for r in t_docx.rows if r[0].text == "2")
    assert group[0].bold and group[1].bold


def test_table_running_on_without_header_stays_one_word_table(parsed):
    stem = next(t.stem for t in SEEDS if t.stem.startswith("003_"))
    txt, docx = parsed[stem]
    root = etree.fromstring(zipfile.ZipFile(RAW / f"{stem}.docx").read("word/document.xml"))
    tables = root.find(W + "body").findall(W + "tbl")
    (t_txt,) = txt.tables
    assert len(tables) == 1
    assert len(tables[0].findall(f".//{W}pageBreakBefore")) == len(t_txt.continuations) > 0
    assert [c.first_row for c in docx.tables[0].continuations] == [c.first_row for c in t_txt.continuations]


@pytest.mark.parametrize("prefix", ["000_", "001_"])  # 001: with footnotes
def test_builder_is_deterministic(tmp_path, prefix):
    seed = next(t for t in SEEDS if t.stem.startswith(prefix))
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    build_docx(parse(seed), a)
    build_docx(parse(seed), b)
    assert a.read_bytes() == b.read_bytes() == seed.with_suffix(".docx").read_bytes()


def _notes(doc: Document) -> list[tuple[str, str, str | None]]:
    """(id, text, text of the paragraph holding the mark) per footnote."""
    return [(f.id, _ws(f.text), None if f.ref_block is None else _ws(doc.blocks[f.ref_block].text)
             if isinstance(doc.blocks[f.ref_block], Paragraph) else f"table {f.ref_block}")
            for f in doc.footnotes]


def _marks(doc: Document) -> list[tuple[str, list[tuple[str, int]]]]:
    return [(_ws(p.text), [(r.footnote_id, r.offset) for r in p.footnote_refs])
            for p in doc.paragraphs if p.footnote_refs]


@pytest.mark.parametrize("stem", [t.stem for t in SEEDS])
def test_same_footnotes_linked_to_same_paragraphs(parsed, stem):
    txt, docx = parsed[stem]
    assert _notes(docx) == _notes(txt)
    assert all(f.ref_block is not None for f in docx.footnotes)
    assert _marks(docx) == _marks(txt)


def test_seed_001_footnotes_are_word_footnotes(parsed):
    stem = next(t.stem for t in SEEDS if t.stem.startswith("001_"))
    txt, docx = parsed[stem]
    assert len(txt.footnotes) == 4
    z = zipfile.ZipFile(RAW / f"{stem}.docx")
    assert "word/footnotes.xml" in z.namelist()
    types = etree.fromstring(z.read("[Content_Types].xml"))
    assert any(o.get("PartName") == "/word/footnotes.xml" and
               o.get("ContentType") == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
               for o in types)
    rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    assert [r.get("Target") for r in rels
            if r.get("Type") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"] \
        == ["footnotes.xml"]
    notes = etree.fromstring(z.read("word/footnotes.xml")).findall(W + "footnote")
    assert [(n.get(W + "id"), n.get(W + "type")) for n in notes][:2] == \
        [("-1", "separator"), ("0", "continuationSeparator")]
    assert len(notes) == 2 + 4
    body = etree.fromstring(z.read("word/document.xml"))
    refs = body.findall(f".//{W}footnoteReference")
    assert [r.get(W + "id") for r in refs] == ["1", "2", "3", "4"]
    for r in refs:
        assert r.getparent().find(f"{W}rPr/{W}vertAlign").get(W + "val") == "superscript"
    # the mark sits after the citation it annotates (seed 001: "Chỉ thị số 33/CT-TW …¹")
    host = docx.blocks[docx.footnotes[0].ref_block]
    (ref,) = host.footnote_refs
    assert host.text[ref.offset - 1] not in " \n"


def test_custom_marks_and_cell_marks_round_trip(tmp_path):
    """Marks that are not running numbers ("(1)", "*") and a mark inside a
    table cell's second line come back from the Word file as written."""
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=[
        Paragraph(text="Căn cứ Luật A; Nghị định B.", footnote_refs=[FootnoteRef("(1)", 13)]),
        Table(rows=[[Cell(0, 0, "STT"), Cell(0, 1, "Nội dung")],
                    [Cell(1, 0, "1"), Cell(1, 1, "Dòng một\nDòng hai", footnote_refs=[FootnoteRef("*", 17)])]],
              n_cols=2, header_rows=1),
        Paragraph(text="Kết thúc.", footnote_refs=[FootnoteRef("1", 9)]),
    ], footnotes=[Footnote("(1)", "Luật A số 1/2020/QH14."), Footnote("*", "Ghi chú sao.\nDòng thứ hai."),
                  Footnote("1", "Nghị định B.")])
    doc.reindex()
    out = tmp_path / "notes.docx"
    build_docx(doc, out)
    back = parse(out)
    assert [(f.id, f.text, f.ref_block) for f in back.footnotes] == [
        ("(1)", "Luật A số 1/2020/QH14.", 0), ("*", "Ghi chú sao.\nDòng thứ hai.", 1), ("1", "Nghị định B.", 2)]
    assert [(r.footnote_id, r.offset) for r in back.blocks[0].footnote_refs] == [("(1)", 13)]
    assert [(r.footnote_id, r.offset) for r in back.tables[0].rows[1][1].footnote_refs] == [("*", 17)]
    assert [(r.footnote_id, r.offset) for r in back.blocks[2].footnote_refs] == [("1", 9)]
