"""Text parser: the five seed documents (text extracted from PDFs), and small
files written here for each behaviour (markdown, tab tables, form feeds,
NFD, legacy TCVN3/VNI fonts, English, binary)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import parsers
from parsers.text_parser import joins, label_of
from core.errors import DocumentError
from core.legacy_encoding import from_unicode
from core.model import Document, Paragraph, Table

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _seed(prefix: str) -> Document:
    path = next(p for p in SEED_FILES if p.name.startswith(prefix))
    return parsers.parse(path)


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _para_with(doc: Document, fragment: str) -> Paragraph:
    hits = [p for p in doc.paragraphs if fragment in p.text]
    assert hits, f"no paragraph contains {fragment!r}"
    return hits[0]


# --------------------------------------------------------------------------
# the seeds
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {p.name[:3]: parsers.parse(p) for p in SEED_FILES}


def test_all_seeds_parse_with_sane_counts(seeds):
    assert len(seeds) == 5
    # paragraphs rebuilt from wrapped lines: far fewer than the non-blank lines
    expected = {"000": (2, 6), "001": (60, 110), "002": (40, 60), "003": (120, 150), "004": (28, 40)}
    for stem, doc in seeds.items():
        lo, hi = expected[stem]
        assert lo <= len(doc.paragraphs) <= hi, (stem, len(doc.paragraphs))
        assert doc.source.encoding == "unicode"
        assert all(p.text == p.text.strip() and "  " not in p.text for p in doc.paragraphs)
        assert all(b.index == i for i, b in enumerate(doc.blocks))


def test_wrapped_sentences_come_out_joined(seeds):
    d1 = seeds["001"]
    assert ("Thực hiện Kế hoạch số 342/KH-SYT ngày 10/02/2023 của Sở Y tế tỉnh Kon Tum về tiếp tục tăng "
            "cường và đổi mới công tác dân vận ngành Y tế năm 2023.") in _texts(d1)
    assert ("Trung tâm Y tế huyện Tu Mơ Rông ban hành Kế hoạch tiếp tục tăng cường và đổi mới công tác "
            "dân vận năm 2023 với các nội dung, cụ thể như sau:") in _texts(d1)
    # a symbol broken at the line end ("16/CT-" / "TTg") joins without a space
    p = _para_with(d1, "Chỉ thị số 16/CT-TTg ngày 16 tháng 5 năm 2016 của Thủ tướng Chính phủ")
    assert p.text.startswith("- Triển khai thực hiện hiệu quả Chỉ thị số 33/CT-TTg;")
    assert p.text.endswith("nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp.")
    assert p.style.numbering == "-"
    # a sentence running over a page break (and past the footnote area of that page)
    _para_with(d1, "triển khai thực hiện tốt các Kế hoạch phát động Phong trào thi đua “Dân vận khéo” của tỉnh")
    _para_with(d1, "Chỉ thị số 33/CT-TTg và Kế hoạch này tại đơn vị nhằm nâng cao nhận thức")
    # "291/KH-" / "SYT" over a line break
    _para_with(d1, "Kế hoạch số 291/KH-SYT ngày 06 tháng 02 năm 2023 của Sở Y tế")
    assert "- Chịu trách nhiệm tổng hợp, báo cáo về Sở Y tế trước ngày 10/11/2023 để tổng hợp, theo dõi theo quy định." \
        in _texts(d1)

    d2 = seeds["002"]
    _para_with(d2, "Kế hoạch số 49-KH/UBND-BDVTU giữa Ủy ban nhân dân tỉnh và Ban Dân vận Tỉnh ủy")
    assert ("4. Nâng cao đạo đức công vụ, tinh thần trách nhiệm, kỷ luật, kỷ cương hành chính, ý thức phục vụ "
            "Nhân dân của viên chức và người lao động") in _texts(d2)

    d3 = seeds["003"]
    assert "Về việc đánh giá, xếp loại công tác dân vận chính quyền năm 2022" in _texts(d3)
    assert "Kính gửi:" in _texts(d3)


def test_labels_open_paragraphs_and_fill_numbering(seeds):
    d1 = seeds["001"]
    heads = {p.text: p.style.numbering for p in d1.paragraphs if p.style.numbering in ("I.", "II.", "III.")}
    assert heads == {"I. MỤC ĐÍCH, YÊU CẦU": "I.", "II. NỘI DUNG TRIỂN KHAI": "II.", "III. TỔ CHỨC THỰC HIỆN": "III."}
    assert "1. Mục đích" in _texts(d1) and "2. Yêu cầu" in _texts(d1)
    # the distribution list: one paragraph per line
    assert "- Sở Y tế tỉnh Kon Tum (b/c);" in _texts(d1)
    assert "- Lưu: VT, TCHC-TCKT." in _texts(d1)
    assert "GIÁM ĐỐC" in _texts(d1) and "Nguyễn Bá Khánh" in _texts(d1)


def test_markup_becomes_style(seeds):
    d0 = seeds["000"]
    first = d0.paragraphs[:3]
    assert [p.text for p in first[:2]] == ["BẢNG TỔNG HỢP", "PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2022"]
    assert all(p.style.bold for p in first[:2])
    # italic caption over two lines, each wrapped in its own *…*
    assert first[2].text == ("(ban hành kèm theo Kế hoạch số /KH-YTTRM ngày /01/2022 của "
                             "Trung tâm Y tế huyện Tư Mơ Rông)")
    assert first[2].style.italic and not first[2].style.bold
    d3 = seeds["003"]
    # **…** running over two lines
    assert d3.paragraphs[0].text == "ỦY BAN NHÂN DÂN" and d3.paragraphs[0].style.bold
    assert d3.paragraphs[1].text == "HUYỆN VĂN GIANG" and d3.paragraphs[1].style.bold
    assert not any("*" in p.text or "<" in p.text for d in seeds.values() for p in d.paragraphs)


def test_seed_000_table_is_one_logical_table(seeds):
    d0 = seeds["000"]
    assert len(d0.tables) == 1
    t = d0.tables[0]
    assert t.n_cols == 4 and t.header_rows == 1
    assert [c.text for c in t.rows[0]] == ["ST T", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
                                           "Đơn vị chịu trách nhiệm thực hiện", "Tài liệu kiểm chứng"]
    # four page pieces, each repeating the header (wrapped differently) which is dropped
    assert len(t.continuations) == 4
    assert all(c.dropped_header_rows == 1 for c in t.continuations)
    texts = [[c.text for c in row] for row in t.rows]
    assert sum(1 for r in texts if r[1].startswith("Lĩnh vực/Tiêu chí")) == 1
    cont = t.continuations[0].first_row
    assert texts[cont] == ["", "và mang lại hiệu quả thiết thực: 6 điểm.", "", ""]
    assert texts[cont - 1][0] == "2.1"
    codes = [r[0] for r in texts[1:]]
    assert codes[:4] == ["1", "1.1", "1.2", "1.3"] and codes[-1] == ""
    assert texts[-1] == ["", "Tổng cộng", "", "100"]
    # <br> is a line inside the cell; <b> sets bold per paragraph and on the cell when all of it is bold
    row_73 = next(r for r in t.rows if r[0].text == "7.3")
    assert row_73[2].text == "Ban giám\nđộc, Công\nđoàn cơ\nsở, Phòng\nTC-HC"
    assert len(row_73[2].paragraphs) == 5
    row_1 = t.rows[1]
    assert row_1[0].bold and row_1[1].bold and row_1[1].text.startswith("Tiêu chí tổ chức triển khai")
    row_11 = t.rows[2]
    assert not row_11[1].bold and row_11[1].text.endswith("trong tình hình mới: 3 điểm")
    assert row_11[3].text.split("\n")[0] == "- Kế hoạch công tác dân vận năm 2022"


def test_seed_001_footnotes_furniture_and_pages(seeds):
    d1 = seeds["001"]
    assert [f.id for f in d1.footnotes] == ["1", "2", "3", "4"]
    f1 = d1.footnotes[0]
    assert f1.text == ("Quyết định số 324-QĐ/TU ngày 14 tháng 2 năm 2022 của Tỉnh ủy Kon Tum về việc ban hành "
                       "Quy chế công tác dân vận của hệ thống chính trị tỉnh Kon Tum.")
    assert all(f.ref_block is not None for f in d1.footnotes)
    # the marks left the body text and became FootnoteRefs at their place
    p = d1.blocks[f1.ref_block]
    ref = next(r for r in p.footnote_refs if r.footnote_id == "1")
    assert p.text[:ref.offset].endswith("Quyết định số 324-QĐ/TU của Tỉnh ủy")
    assert "Tỉnh ủy(1)" not in p.text
    p3 = d1.blocks[d1.footnotes[2].ref_block]
    assert "Quyết định số 1847/QĐ-TTg của Thủ tướng Chính phủ; Quyết định số 319/QĐ-BNV của" in p3.text
    p2 = d1.blocks[d1.footnotes[1].ref_block]
    assert "các Kế hoạch đã ban hành của đơn vị một cách quyết liệt" in p2.text
    # no footnote text stayed in the body
    assert not any(t.startswith("1 Quyết định số 324") for t in _texts(d1))
    # page furniture: the stray URL at a page break and the appendix page numbers
    furn = [f.text for f in d1.furniture]
    assert any(t.startswith("https://thuvienphapluat.vn/") for t in furn)
    assert "7" in furn and "8" in furn
    assert not any(t.startswith("https://") for t in _texts(d1))
    assert d1.source.pages == 8 and len(d1.pages) == 8
    assert d1.paragraphs[0].page == 1 and d1.paragraphs[-1].page == 8
    assert [p.page for p in d1.paragraphs] == sorted(p.page for p in d1.paragraphs)


def test_seed_003_tab_table(seeds):
    d3 = seeds["003"]
    assert len(d3.tables) == 1
    t = d3.tables[0]
    assert t.n_cols == 6 and t.header_rows == 1
    assert t.rows[0][0].text == "STT" and t.rows[0][2].text == "Thang điểm"
    grid = t.text_grid()
    assert grid[1][:3] == ["I", "Tiêu chí số 1: Tổ chức triển khai thực hiện và thể chế hóa các văn bản của cấp "
                                "trên về công tác dân vận chính quyền", "14"]
    assert grid[-1][:3] == ["", "Tổng điểm", "100"]
    # rows broken across a page (a blank line inside the table) are recorded as pieces
    assert t.continuations and all(grid[c.first_row][0] in ("", "2.1") for c in t.continuations)
    # <i> … without a closing tag leaves no markup
    assert not any("<" in c.text for row in t.rows for c in row)


def test_seed_000_and_003_have_no_pages(seeds):
    for stem in ("000", "003", "004"):
        assert seeds[stem].source.pages is None
        assert all(p.page is None for p in seeds[stem].paragraphs)


# --------------------------------------------------------------------------
# joining rules, one at a time
# --------------------------------------------------------------------------


@pytest.mark.parametrize("prev, cur, expected", [
    ("Chỉ thị số 16/CT-", "TTg ngày 16 tháng 5 năm 2016", True),       # symbol broken at a hyphen
    ("theo Kế hoạch số 342/", "KH-SYT ngày 10/02/2023", True),          # broken at a slash
    ("phát triển kinh tế -", "xã hội của tỉnh", True),                  # spaced dash, lower case
    ("của Sở Y tế tỉnh", "Kon Tum về tiếp tục", False),                 # short line, capital, unwrapped text
    ("năm", "2023.", True),                                              # a year is not a label
    ("công tác dân vận;", "- Tiếp tục", False),                          # bullet
    ("như sau:", "1. Mục đích", False),
    ("nhiệm vụ chính trị.", "II. NỘI DUNG", False),
    ("ban hành kèm theo Kế hoạch số 5 của", "Trung tâm Y tế huyện", True),  # clause cannot end on "của"
    ("(ban hành kèm theo Kế hoạch", "Trung tâm Y tế)", True),            # parenthesis open
    ("KẾ HOẠCH", "Thực hiện phong trào thi đua", False),
    ("BẢNG TỔNG HỢP", "(Kèm theo Kế hoạch số …)", False),
    ("https://thuvienphapluat.vn/van-ban/x.aspx", "quyền và lợi ích", False),
    ("Đơn vị chủ trì tổng hợp kết quả thực hiện", "1", False),          # a lone row number
    ("tại Điều", "5 của Luật", True),
    ("a) Tổ chức triển khai;", "b) Kiểm tra", False),
])
def test_join_rules(prev, cur, expected):
    assert joins(prev, cur, width=None, extra_gap=0, across_page=False) is expected


def test_full_width_lines_join_and_blank_lines_separate():
    prev = "x" * 70 + " Đảng"
    assert joins(prev, "Đảng; các Nghị quyết", width=80, extra_gap=0, across_page=False)
    assert not joins("ngắn", "Đảng; các Nghị quyết", width=80, extra_gap=0, across_page=False)
    assert not joins(prev, "tiếp theo", width=80, extra_gap=1, across_page=False)
    assert joins(prev, "tiếp theo", width=80, extra_gap=1, across_page=True)
    # a wrapped " - " inside a sentence is not a bullet
    assert joins(prev, "- xã hội", width=80, extra_gap=0, across_page=False)


@pytest.mark.parametrize("text, label", [
    ("I. MỤC ĐÍCH", "I."), ("1.1. Nội dung", "1.1."), ("1.2 Nội dung", "1.2"), ("a) Tổ chức", "a)"),
    ("(3) Thực hiện", "(3)"), ("- Việc", "-"), ("+ Quyết định", "+"), ("Điều 3. Hiệu lực", "Điều 3."),
    ("2023. Năm", None), ("Kon Tum", None), ("10.000 người", None),
])
def test_labels(text, label):
    assert label_of(text) == label


# --------------------------------------------------------------------------
# files written here
# --------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_markdown_headings_emphasis_and_tables(tmp_path):
    md = (
        "# KẾ HOẠCH\n\n"
        "## Thực hiện *công tác* năm 2024\n\n"
        "Đoạn văn có **chữ đậm** và *nghiêng* ở giữa,\n"
        "tiếp tục ở dòng sau.\n\n"
        "| STT | Nội dung | Điểm |\n"
        "|:---:|---|--:|\n"
        "| 1 | <b>Tiêu chí</b> \\| một | 10 |\n"
        "| 2 | Dòng một<br>Dòng hai | 5 |\n\n"
        "***Toàn bộ đậm nghiêng***\n"
    )
    doc = parsers.parse(_write(tmp_path, "k.md", md))
    assert doc.source.format == "md"
    ps = doc.paragraphs
    assert ps[0].text == "KẾ HOẠCH" and ps[0].style.heading_level == 1
    assert ps[1].text == "Thực hiện công tác năm 2024" and ps[1].style.heading_level == 2
    assert ps[2].text == "Đoạn văn có chữ đậm và nghiêng ở giữa, tiếp tục ở dòng sau."
    assert not ps[2].style.bold
    assert ps[3].text == "Toàn bộ đậm nghiêng" and ps[3].style.bold and ps[3].style.italic
    t = doc.tables[0]
    assert t.header_rows == 1 and t.n_cols == 3
    assert t.text_grid() == [["STT", "Nội dung", "Điểm"], ["1", "Tiêu chí | một", "10"],
                             ["2", "Dòng một\nDòng hai", "5"]]
    assert [p.text for p in t.rows[2][1].paragraphs] == ["Dòng một", "Dòng hai"]
    assert t.rows[1][1].paragraphs[0].style.bold is False  # "| một" is not bold
    assert doc.blocks[t.index] is t


def test_tab_separated_table_and_form_feeds(tmp_path):
    text = (
        "BẢNG CHẤM ĐIỂM\n\n"
        "STT\tNội dung\tĐiểm\n"
        "1\tTổ chức triển khai\t10\n"
        "2\tKiểm tra, giám sát\t5\n"
        "\f"
        "STT\tNội dung\tĐiểm\n"
        "3\tBáo cáo định kỳ\t5\n"
        "\n"
        "Tổng cộng 20 điểm.\n"
    )
    doc = parsers.parse(_write(tmp_path, "t.txt", text))
    assert doc.source.pages == 2
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.text_grid() == [["STT", "Nội dung", "Điểm"], ["1", "Tổ chức triển khai", "10"],
                             ["2", "Kiểm tra, giám sát", "5"], ["3", "Báo cáo định kỳ", "5"]]
    assert t.page == 1
    assert [(c.first_row, c.page, c.dropped_header_rows) for c in t.continuations] == [(3, 2, 1)]
    assert doc.paragraphs[-1].text == "Tổng cộng 20 điểm." and doc.paragraphs[-1].page == 2


def test_form_feed_pages_and_page_numbers(tmp_path):
    text = "Trang đầu có nội dung\nnối tiếp.\n\n- 1 -\n\fTrang hai bắt đầu ở đây.\n\n2\n"
    doc = parsers.parse(_write(tmp_path, "p.txt", text))
    assert [p.text for p in doc.paragraphs] == ["Trang đầu có nội dung nối tiếp.", "Trang hai bắt đầu ở đây."]
    assert [p.page for p in doc.paragraphs] == [1, 2]
    assert [(f.text, f.page, f.role) for f in doc.furniture] == [("- 1 -", 1, "page_footer"), ("2", 2, "page_footer")]
    assert doc.source.pages == 2


def test_nfd_input_comes_out_nfc(tmp_path):
    text = "Kế hoạch thực hiện công tác dân vận năm 2023 của Sở Y tế tỉnh Kon Tum."
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    doc = parsers.parse(_write(tmp_path, "nfd.txt", nfd))
    assert doc.paragraphs[0].text == text
    assert doc.source.encoding == "unicode"


PHRASES = (
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\n"
    "Thực hiện Kế hoạch số 342/KH-SYT ngày 10/02/2023 của Sở Y tế tỉnh Kon Tum về tiếp tục tăng cường\n"
    "và đổi mới công tác dân vận, Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị thực hiện tốt\n"
    "những nội dung được giao; báo cáo kết quả trước ngày 15 tháng 10 năm 2020.\n"
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("as_bytes", [True, False])
def test_legacy_font_files_come_out_as_unicode(tmp_path, encoding, as_bytes):
    # TCVN3 has no code for capitals with tone marks (typed with .VnTimeH): the
    # motto line is written in lower case there, as a .VnTime document would.
    source = PHRASES if encoding == "vni" else PHRASES.replace(
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hoà xã hội chủ nghĩa Việt Nam").replace("Ủy ban", "UBND")
    legacy = from_unicode(source, encoding)
    assert legacy != source
    data = legacy.encode("cp1252", errors="strict") if as_bytes else legacy
    path = _write(tmp_path, f"{encoding}.txt", data)
    doc = parsers.parse(path)
    assert doc.source.encoding == encoding
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == source.split("\n")[0]
    assert texts[1] == "Độc lập - Tự do - Hạnh phúc"
    assert texts[2] == " ".join(source.split("\n")[3:6])


def test_english_text_parses_as_is(tmp_path):
    text = ("MEETING NOTES\n\nThe committee reviewed the budget for 2024 and agreed\n"
            "to publish the report by 15 March. Café costs were discussed.\n\n"
            "- item one\n- item two\n")
    doc = parsers.parse(_write(tmp_path, "en.txt", text))
    assert doc.source.encoding == "unicode"
    assert [p.text for p in doc.paragraphs] == [
        "MEETING NOTES",
        "The committee reviewed the budget for 2024 and agreed to publish the report by 15 March. "
        "Café costs were discussed.",
        "- item one", "- item two"]


def test_utf16_and_bom(tmp_path):
    text = "Kính gửi: Sở Nội vụ.\n"
    doc = parsers.parse(_write(tmp_path, "u16.txt", text.encode("utf-16")))
    assert doc.paragraphs[0].text == "Kính gửi: Sở Nội vụ."
    doc = parsers.parse(_write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert doc.paragraphs[0].text == "Kính gửi: Sở Nội vụ."


def test_bad_input_is_one_line_error(tmp_path):
    p = _write(tmp_path, "bin.txt", bytes(range(0, 32)) * 200)
    with pytest.raises(DocumentError) as e:
        parsers.parse(p)
    assert "binary" in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(DocumentError):
        parsers.parse(_write(tmp_path, "empty.txt", b""))


def test_text_without_paragraph_breaks_survives(tmp_path):
    doc = parsers.parse(_write(tmp_path, "one.txt", "một dòng duy nhất không có dấu chấm"))
    assert [p.text for p in doc.paragraphs] == ["một dòng duy nhất không có dấu chấm"]
    assert isinstance(doc.blocks[0], Paragraph) and not any(isinstance(b, Table) for b in doc.blocks)


def test_footnotes_after_a_rule_with_written_marks(tmp_path):
    text = (
        "Căn cứ Nghị định số 30/2020/NĐ-CP(1) của Chính phủ về công tác văn thư;\n"
        "Thực hiện Chỉ thị số 33/CT-TTg* của Thủ tướng Chính phủ.\n\n"
        "__________\n"
        "(1) Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công\n"
        "tác văn thư.\n"
        "* Chỉ thị số 33/CT-TTg ngày 26/11/2021.\n"
        "\fTrang hai của văn bản.\n"
    )
    doc = parsers.parse(_write(tmp_path, "fn.txt", text))
    assert [(f.id, f.text, f.page) for f in doc.footnotes] == [
        ("(1)", "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.", 1),
        ("*", "Chỉ thị số 33/CT-TTg ngày 26/11/2021.", 1)]
    assert [p.text for p in doc.paragraphs] == [
        "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư;",
        "Thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ.",
        "Trang hai của văn bản."]
    p0, p1 = doc.paragraphs[:2]
    assert [(r.footnote_id, r.offset) for r in p0.footnote_refs] == [("(1)", len("Căn cứ Nghị định số 30/2020/NĐ-CP"))]
    assert [(r.footnote_id, r.offset) for r in p1.footnote_refs] == [("*", len("Thực hiện Chỉ thị số 33/CT-TTg"))]
    assert [f.ref_block for f in doc.footnotes] == [0, 1]


def test_a_rule_without_matching_marks_is_no_footnote_area(tmp_path):
    text = "Nội dung chính của văn bản.\n\n__________\n1 Dòng này không phải chú thích vì thân bài không có dấu.\n"
    doc = parsers.parse(_write(tmp_path, "nofn.txt", text))
    assert doc.footnotes == []
    assert doc.paragraphs[-1].text.startswith("1 Dòng này")
