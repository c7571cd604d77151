"""Scanned and garbled PDFs through Tesseract (7 OCR'd pages in all).

Marked ``ocr``: they need the tesseract program with the ``vie`` data."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import ocr as ocr_mod
from parsers import parse, pdf_parser, source_info
from parsers.ocr import parse_tsv, skew_slope
from parsers.pdf_layout import Word

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "shared" / "corpus" / "real"

needs_tesseract = pytest.mark.skipif(ocr_mod.ocr_available() is not None,
                                     reason=str(ocr_mod.ocr_available()))
pytestmark = [pytest.mark.ocr]


def flat(doc) -> str:
    """All text, spaces squeezed, and no spaces around '/' (OCR writes "22/ 12/ 2011")."""
    t = " ".join(doc.plain_text().split())
    return t.replace(" /", "/").replace("/ ", "/")


def test_parse_tsv_words_in_points_with_confidence():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t300\t600\t900\t60\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t600\t200\t50\t96.5\tCỘNG\n"
           "5\t1\t1\t1\t1\t2\t520\t602\t150\t48\t88.0\tHÒA\n"
           "5\t1\t1\t1\t1\t3\t700\t602\t10\t10\t-1\t\n")
    words, conf = parse_tsv(tsv, 300 / 72)
    assert [w.text for w in words] == ["CỘNG", "HÒA"]
    assert words[0].x0 == pytest.approx(72.0) and words[0].top == pytest.approx(144.0)
    assert conf == pytest.approx((0.965 + 0.88) / 2)
    assert words[0].line_id == words[1].line_id


def test_skew_slope_measures_tilted_lines():
    words = []
    for line in range(4):
        for k in range(5):
            x = 100 + 60 * k
            y = 100 + 20 * line + 0.02 * x
            words.append(Word("chữ", x, x + 40, y, y + 12, 12, line_id=line))
    assert skew_slope(words) == pytest.approx(0.02, abs=1e-6)


def test_parse_tsv_lines_of_one_paragraph_share_a_size():
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    rows = []
    for line, (top, h) in enumerate([(600, 60), (670, 78), (750, 62)], start=1):  # an accent makes line 2 tall
        rows.append(f"4\t1\t1\t1\t{line}\t0\t300\t{top}\t900\t{h}\t-1\t")
        rows.append(f"5\t1\t1\t1\t{line}\t1\t300\t{top}\t200\t{h}\t95\tchữ")
    rows.append("4\t1\t1\t2\t1\t0\t300\t900\t900\t90\t-1\t")
    rows.append("5\t1\t1\t2\t1\t1\t300\t900\t200\t90\t95\tĐỀ")
    words, _ = parse_tsv(head + "\n".join(rows) + "\n", 300 / 72)
    assert len({w.size for w in words[:3]}) == 1 and words[3].size > words[0].size
    assert [w.par_id for w in words] == [0, 0, 0, 1]


def test_deskew_also_straightens_the_left_margin():
    from parsers.ocr import deskew

    words = []
    for line in range(5):
        y0 = 100 + 20 * line
        for k in range(5):
            x = 100 + 60 * k
            # a page turned by slope s: rows rise to the right, and the left edge drifts right going down
            s = -0.02
            words.append(Word("chữ", x - s * y0, x - s * y0 + 40, y0 + s * x, y0 + s * x + 12, 12, line_id=line))
    deskew(words)
    firsts = [min(w.x0 for w in words if w.line_id == line) for line in range(5)]
    assert max(firsts) - min(firsts) < 0.5


@needs_tesseract
def test_scanned_275_paragraphs_rebuilt_from_ocr_lines():
    """Each OCR line used to be a block: the request lost its deadline at
    the line break, the cited plan its issuer."""
    doc = parse(REAL / "2011_12_28_0904000000972844!~!275.pdf")
    ts = [" ".join(p.text.split()) for p in doc.paragraphs if p.page == 1]
    req = next(t for t in ts if t.startswith("Sở Thông tin và Truyền thông đề nghị"))
    assert "đăng ký danh sách tham gia Hội thi kỹ năng sử dụng máy tính (mẫu kèm theo) trước ngày 22/" in req
    assert req.endswith("Thời gian tô chức Hội thi ngày 30/ 12/ 2011.")  # "tổ" is read "tô" on the scan
    plan = next(t for t in ts if t.startswith("Thực hiện Kế hoạch số 25/KH-STTTT"))
    assert "năm 2011 của sở Thông tin và Truyền thông tỉnh Phú Thọ về" in plan
    # the recipients stay one item each, the header columns apart
    assert "- Các doanh nghiệp Bưu chính - Viễn thông và CNTT;" in ts
    assert "V/v đăng ký danh sách tham gia Hội thi kỹ năng sử dụng máy tính." in ts
    assert all(p.page == 1 for p in doc.paragraphs[:len(ts)])


@needs_tesseract
def test_scanned_kstthc_tilted_page_keeps_paragraphs_and_bullets():
    doc = parse(REAL / "2011_12_28_085800000082985!~!KSTTHC.pdf")
    ts = [" ".join(p.text.split()) for p in doc.paragraphs]
    first = next(t for t in ts if t.startswith("Thực hiện Nghị quyết số 30c/NQ-CP"))
    assert first.endswith("Chủ tịch UBND tỉnh có ý kiến như sau:")
    assert any(t.startswith("Kế hoạch rà soát") and "trước ngày 05/01/2012" in t and t.endswith("theo quy định.")
               for t in ts)


@needs_tesseract
def test_scanned_bullets_read_as_letters_start_items():
    doc = parse(REAL / "Thong bao_KLTN.PDF")
    ts = [" ".join(p.text.split()) for p in doc.paragraphs]
    # "•" is read "e©" and "e": each bullet starts its own item, whose wrapped lines join
    item = next(t for t in ts if "Mang theo bản gốc giấy Nhận xét" in t)
    assert item.startswith("e Mang theo") and item.endswith("vào ngày bảo vệ Thực tập.")
    assert any(t.startswith("e© Nộp 3 quyền báo cáo") and t.endswith("(bản sao Phiếu nhận xét)") for t in ts)


@needs_tesseract
def test_scanned_table_rows_from_rules_seen_in_the_image():
    """The timetables of the scanned KLTN notice are drawn in light grey:
    their rules, found in the image, give rows that keep each date with its
    task (the OCR read them as separate blocks before)."""
    doc = parse(REAL / "Thong bao_KLTN.PDF")
    assert [t.page for t in doc.tables] == [1, 2]
    first, second = ([[" ".join(c.split()) for c in r] for r in t.text_grid()] for t in doc.tables)
    assert first[0] == second[0] == ["STT", "Ngày", "Công việc"]
    assert len(first) == 4 and len(second) == 5
    assert first[1][1:] == ["12/02/2014-19/02/2014", "Nộp 3 quyển báo cáo bìa mêm về văn phòng Khoa HT TT cho cô Uyên"]
    assert second[3][1:] == ["21/03/2014", "Bảo vệ môn Khóa luận Tốt nghiệp"]
    assert not any("|" in c for r in first + second for c in r)


def test_ruling_lines_found_in_a_drawn_grid():
    from PIL import Image, ImageDraw

    from parsers.ocr import ruling_lines

    img = Image.new("L", (1200, 800), 255)
    d = ImageDraw.Draw(img)
    for y in (100, 300, 500):
        d.line([(100, y), (1100, y)], fill=200, width=2)  # light grey, as scanned
    for x in (100, 600, 1100):
        d.line([(x, 100), (x, 500)], fill=200, width=2)
    d.rectangle([200, 600, 900, 700], fill=0)  # a black bar is no rule
    rules = ruling_lines(img, 2.0)
    hs = sorted(round(e["top"]) for e in rules if e["orientation"] == "h")
    vs = sorted(round(e["x0"]) for e in rules if e["orientation"] == "v")
    assert hs == [50, 150, 250] and vs == [50, 300, 550]


@needs_tesseract
def test_scanned_275_number_date_deadline():
    doc = parse(REAL / "2011_12_28_0904000000972844!~!275.pdf")
    assert [p.method for p in doc.pages] == ["ocr", "ocr"]
    assert doc.pages[0].confidence > 0.8
    assert doc.pages[0].note == "no text layer (scanned page)"
    t = flat(doc)
    # the number itself (275) is handwritten on the scan; the symbol is printed
    assert "/STTTT-CNTT" in t
    assert "tháng 12 năm 2011" in t
    assert "trước ngày 22/12/2011" in t
    assert "Kế hoạch số 25/KH-STTTT" in t
    assert all(b.page in (1, 2) for b in doc.blocks)


@needs_tesseract
def test_scanned_kstthc_number_date_deadline():
    doc = parse(REAL / "2011_12_28_085800000082985!~!KSTTHC.pdf")
    t = flat(doc)
    assert "UBND-KSTTHC" in t.replace("- ", "-")
    assert "tháng 12 năm 2011" in t
    assert "trước ngày 05/01/2012" in t
    assert "30c/NQ-CP" in t and "63/2010/NĐ-CP" in t
    # the second page (the Văn phòng's guidance) cites the letter by its number
    assert "4532/UBND-KSTTHC" in t
    texts = [p.text for p in doc.paragraphs]
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts  # header columns not interleaved


@needs_tesseract
@pytest.mark.parametrize("name, expect", [
    ("560 GM.pdf", ["GM-UBND", "07/11/2025", "Sở Nội vụ"]),
    ("298 PC04.pdf", ["/TTr-", "CAT-PC04", "116/2021/NĐ-CP", "tháng 10 năm 2025"]),
])
def test_garbled_text_layer_is_replaced_by_ocr(name, expect):
    doc = parse(REAL / name)
    assert doc.pages[0].method == "ocr"
    assert doc.pages[0].note.startswith("text layer garbled")
    t = flat(doc)
    for s in expect:
        assert s in t, s
    assert "TÈNH LÂM" not in t and "so:f60tCNa" not in t


@needs_tesseract
def test_garbled_493_detected_on_every_page_ocr_capped():
    p = REAL / "493 TB.pdf"
    doc = pdf_parser.parse(p, source_info(p, "pdf"), max_ocr_pages=1)
    assert [pi.method for pi in doc.pages] == ["ocr", "text", "text"]
    assert all(pi.note.startswith("text layer garbled") for pi in doc.pages)
    assert "/TB-UBND" in flat(doc)
    assert sum(1 for w in doc.warnings if w.code == "garbled_text_layer") == 2
