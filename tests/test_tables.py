"""core.tables: cells from text grids, header detection, stitching the
pieces of a table split by page breaks (format-independent)."""

from __future__ import annotations

from pathlib import Path

import parsers
from core.model import Paragraph, Table, TableContinuation
from core.tables import (
    detect_header_rows,
    header_key,
    make_cell,
    repeated_header_rows,
    stitch_tables,
    strip_markup,
    table_from_grid,
)

SEEDS = Path(__file__).resolve().parent / "shared" / "seeds"

HEADER = ["STT", "Nội dung tiêu chí", "Điểm", "Tài liệu kiểm chứng"]


def _piece(rows, page=None, header_rows=None):
    return table_from_grid(rows, page=page, header_rows=header_rows)


def test_header_key_ignores_wrapping_markup_case_and_diacritics():
    assert header_key("ST<br>T") == header_key("ST T") == header_key("stt")
    assert header_key("Tài liệu kiểm<br>chứng") == header_key("Tài liệu kiểm chứng")
    assert header_key("Đơn vị\nchịu trách\nnhiệm") == header_key("**Đơn vị chịu trách nhiệm**")
    assert header_key("Điểm") != header_key("Nội dung")
    assert strip_markup("<b>3 điểm</b> và **4**") == " 3 điểm  và 4"


def test_make_cell_keeps_paragraph_styles():
    c = make_cell(2, 1, [("Tiêu chí 1", True, False), ("(10 điểm)", True, True)])
    assert c.text == "Tiêu chí 1\n(10 điểm)" and c.bold and (c.row, c.col) == (2, 1)
    assert [p.style.italic for p in c.paragraphs] == [False, True]
    c2 = make_cell(0, 0, [("Đậm", True, False), "thường"])
    assert not c2.bold
    assert not make_cell(0, 0, [""]).bold  # an empty cell is not bold


def test_table_from_grid_pads_rows_and_detects_header():
    t = table_from_grid([HEADER, ["1", "Tổ chức\ntriển khai", "10"]])
    assert t.n_cols == 4 and t.header_rows == 1
    assert t.text_grid()[1] == ["1", "Tổ chức\ntriển khai", "10", ""]
    assert [p.text for p in t.rows[1][1].paragraphs] == ["Tổ chức", "triển khai"]


def test_detect_header_rows():
    assert detect_header_rows(table_from_grid([HEADER, ["1", "a", "2", ""]], header_rows=0)) == 1
    # a first row of data is no header
    assert detect_header_rows(table_from_grid([["1", "Tổ chức triển khai", "10", "x"]], header_rows=0)) == 0
    # bold short titles without the usual words still are
    t = Table(rows=[[make_cell(0, 0, [("Mục", True, False)]), make_cell(0, 1, [("Hạn", True, False)])],
                    [make_cell(1, 0, ["1"]), make_cell(1, 1, ["30/6"])]], n_cols=2)
    assert detect_header_rows(t) == 1
    # a grouped two-row header (merged cell on top)
    t2 = Table(rows=[[make_cell(0, 0, ["STT"], row_span=2), make_cell(0, 1, ["Điểm"], col_span=2)],
                     [make_cell(1, 1, ["Tối đa"]), make_cell(1, 2, ["Tự chấm"])],
                     [make_cell(2, 0, ["1"]), make_cell(2, 1, ["10"]), make_cell(2, 2, ["8"])]], n_cols=3)
    assert detect_header_rows(t2) == 2


def test_stitch_joins_pieces_repeating_the_header():
    a = _piece([HEADER, ["1", "Tiêu chí một", "10", "Kế hoạch"], ["1.1", "Nội dung", "4", ""]], page=1)
    b = _piece([["ST<br>T", "Nội dung<br>tiêu chí", "Điểm", "Tài liệu kiểm<br>chứng"],
                ["", "phần còn lại của 1.1: 4 điểm.", "", ""], ["2", "Tiêu chí hai", "5", ""]], page=2)
    c = _piece([HEADER, ["3", "Tiêu chí ba", "5", ""]], page=3)
    blank = Paragraph("")
    furniture = Paragraph("5", role="page_header")
    out = stitch_tables([Paragraph("Trước"), a, blank, b, furniture, c, Paragraph("Sau")])
    assert [type(x).__name__ for x in out] == ["Paragraph", "Table", "Paragraph"]
    t = out[1]
    assert t is a and t.header_rows == 1 and t.n_rows == 6
    assert [r[0].text for r in t.rows] == ["STT", "1", "1.1", "", "2", "3"]
    assert [r[1].text for r in t.rows][3] == "phần còn lại của 1.1: 4 điểm."
    assert all(c.row == r for r, row in enumerate(t.rows) for c in row)
    assert t.continuations == [TableContinuation(3, 2, 1), TableContinuation(5, 3, 1)]


def test_stitch_leaves_different_tables_apart():
    a = _piece([HEADER, ["1", "x", "1", ""]])
    other_cols = _piece([["STT", "Đơn vị"], ["1", "Sở Nội vụ"]])
    no_repeat = _piece([["2", "y", "2", ""]])
    out = stitch_tables([a, other_cols])
    assert len(out) == 2 and not a.continuations
    out = stitch_tables([a, no_repeat])
    assert len(out) == 2
    # text between the pieces keeps them apart
    b = _piece([HEADER, ["2", "y", "2", ""]])
    out = stitch_tables([a, Paragraph("Ghi chú: ..."), b])
    assert len(out) == 3 and not a.continuations


def test_stitch_two_row_header_and_already_stitched_pieces():
    a = _piece([["STT", "Nội dung", "Điểm"], ["", "", "Tối đa"], ["1", "x", "5"]], header_rows=2)
    b = _piece([["STT", "Nội dung", "Điểm"], ["", "", "Tối đa"], ["2", "y", "5"]], page=4)
    b.continuations.append(TableContinuation(first_row=3, page=5, dropped_header_rows=2))
    assert repeated_header_rows(a, b) == 2
    (t,) = stitch_tables([a, b])
    assert [r[0].text for r in t.rows] == ["STT", "", "1", "2"]
    assert t.continuations[0] == TableContinuation(3, 4, 2)
    assert t.continuations[1].first_row == 4  # the inner piece's row moved with it


def test_pdf_style_call_returns_one_table():
    # the PDF parser calls stitch_tables([first, next]) and expects one table back
    a = _piece([HEADER, ["1", "x", "1", ""]], page=1)
    b = _piece([HEADER, ["2", "y", "2", ""]], page=2)
    out = stitch_tables([a, b])
    assert len(out) == 1 and out[0].continuations[0].page == 2


def test_seed_000_pieces_are_stitched_by_the_text_parser():
    doc = parsers.parse(next(SEEDS.glob("000_*.txt")))
    (t,) = doc.tables
    assert [c.first_row for c in t.continuations] == [10, 20, 27, 34]
    # the first kept row of each piece, as in the source
    starts = [t.rows[c.first_row][1].text[:30] for c in t.continuations]
    assert starts == ["và mang lại hiệu quả thiết thự", "Xây dựng công sở văn minh, đạt",
                      "Xử lý kịp thời, nghiêm minh nh", "quả, nhân rộng gương tiêu biểu"]
