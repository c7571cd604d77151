"""Each seed in data/raw as .txt and as the .docx built from it
(tools/build_seed_docx.py) reads back as the same document: the same
paragraph texts, the same table grids (including seed 000's table that the
original split over five pages with the header repeated)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from parsers import parse
from pipeline.model import Document

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


def test_builder_is_deterministic(tmp_path):
    doc = parse(SEEDS[0])
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    build_docx(doc, a)
    build_docx(parse(SEEDS[0]), b)
    assert a.read_bytes() == b.read_bytes()
