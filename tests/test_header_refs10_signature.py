"""Header, issue 11 (ninth session): the signature block of a scan or of a signed PDF, and the OCR's damage
to it — every text and picture here is invented for this file.

* A seal pressed over the title and the name, a signature drawn across them: the page's OCR reads the
  block as a picture and loses "GIÁM ĐỐC" and the name; the zone beside "Nơi nhận" is read again with the
  coloured ink dropped (``parsers.ocr.ink_dropout``).
* A family name whose first letter the seal's rim ate ("rần Văn …") is the one family name ending so.
* A day read with "§" for an 8 beside a real digit ("ngày 0§") is that digit.
"""

from __future__ import annotations

import math

import pytest

from parsers import ocr as ocr_mod
from tests.header_helpers import MOTTO, header_of

needs_tesseract = pytest.mark.skipif(ocr_mod.ocr_available() is not None, reason=str(ocr_mod.ocr_available()))


def _ink_picture():
    from PIL import Image, ImageChops, ImageDraw

    paper = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(paper).rectangle((20, 20, 80, 40), fill=(20, 20, 20))  # print
    ink = Image.new("RGB", (200, 100), "white")
    d = ImageDraw.Draw(ink)
    d.ellipse((50, 10, 150, 90), outline=(210, 35, 45), width=8)  # a seal's ring, over the print in part
    d.line((100, 50, 190, 60), fill=(35, 55, 195), width=6)  # a signature's stroke
    return ImageChops.multiply(paper, ink)


def test_ink_dropout_keeps_the_print_and_drops_the_seal_and_the_signature():
    out = ocr_mod.ink_dropout(_ink_picture())
    assert out is not None
    px = out.load()
    assert px[30, 30] == 0  # print
    assert px[75, 30] == 0  # print under the seal's red stays print
    assert px[100, 12] == 255  # the seal's ring alone
    assert px[170, 58] == 255  # the signature's blue
    assert px[190, 95] == 255  # paper


def test_ink_dropout_leaves_a_black_and_white_page_alone():
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 60), "white")
    ImageDraw.Draw(img).rectangle((10, 10, 60, 30), fill="black")
    assert ocr_mod.ink_dropout(img) is None


def _signed_scan(path) -> None:
    """A one-page scanned notice at 300 dpi: title and name under a red seal and a blue signature."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    w, h = 2480, 3508
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    reg = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 50)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 54)
    for k, line in enumerate(["UBND TỈNH LẠNG SƠN", "SỞ NÔNG NGHIỆP", "Số: 58/TB-SNN"]):
        d.text((250, 300 + 80 * k), line, font=bold, fill="black")
    d.text((1300, 300), MOTTO[0], font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 46),
           fill="black")
    d.text((1300, 460), "Lạng Sơn, ngày 14 tháng 5 năm 2029", font=reg, fill="black")
    d.text((900, 650), "THÔNG BÁO", font=bold, fill="black")
    d.text((600, 740), "Về lịch tiếp công dân tháng 6", font=bold, fill="black")
    for k, line in enumerate(["Sở Nông nghiệp thông báo lịch tiếp công dân như sau:",
                              "Các phòng thực hiện đúng lịch này.", "Văn phòng Sở theo dõi và báo cáo kết quả./."]):
        d.text((250, 900 + 90 * k), line, font=reg, fill="black")
    y = 1250
    d.text((250, y), "Nơi nhận:", font=bold, fill="black")
    for k, line in enumerate(["- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT."]):
        d.text((250, y + 80 + k * 70), line, font=reg, fill="black")
    d.text((1550, y), "GIÁM ĐỐC", font=bold, fill="black")
    d.text((1400, y + 420), "Phạm Quốc Bảo", font=bold, fill="black")
    ink = Image.new("RGB", (w, h), "white")
    e = ImageDraw.Draw(ink)
    cx, cy, r = 1680, y + 260, 250
    for t in range(0, 26, 2):
        e.ellipse((cx - r + t, cy - r + t, cx + r - t, cy + r - t), outline=(215, 30, 40), width=3)
    e.text((cx - 110, cy - 40), "SỞ NN", font=bold, fill=(215, 30, 40))
    e.text((cx - 180, cy + 60), "LẠNG SƠN", font=bold, fill=(215, 30, 40))
    e.line([(1350 + 12 * i, y + 300 + int(120 * math.sin(i / 6.0))) for i in range(80)], fill=(30, 50, 200), width=9)
    e.line([(1380, y + 470), (2100, y + 330)], fill=(30, 50, 200), width=8)
    ImageChops.multiply(img, ink).save(path, resolution=300)


@needs_tesseract
def test_a_scanned_signature_block_under_a_seal_gives_the_signer(tmp_path):
    import parsers
    from extractors.header import extract_header

    pdf = tmp_path / "thong-bao-lich-tiep-dan.pdf"
    _signed_scan(pdf)
    h = extract_header(parsers.parse(pdf))
    assert h.signer is not None and h.signer.name == "Phạm Quốc Bảo"
    assert h.number == "58" and h.date == "2029-05-14"


BODY = ("THÔNG BÁO", "Về lịch trực Tết", "Các phòng bố trí người trực đủ các ngày nghỉ./.")


@pytest.mark.parametrize("read, name", [("rần Minh Khôi", "Trần Minh Khôi"), ("guyen Hữu Lộc", "Nguyễn Hữu Lộc"),
                                        ("ê Thị Ngân", "Lê Thị Ngân"), ("uỳnh Tấn Phát", "Huỳnh Tấn Phát")])
def test_a_signer_whose_family_name_lost_its_first_letter(read, name):
    h = header_of("SỞ XÂY DỰNG", "Số: 41/TB-SXD", *MOTTO, "Cà Mau, ngày 2 tháng 2 năm 2031", *BODY,
                  "Nơi nhận:", "- Các phòng;", "- Lưu: VT.", read)
    assert h.signer is not None and h.signer.name == name


def test_a_lower_case_line_that_fits_no_family_name_is_no_signer():
    h = header_of("SỞ XÂY DỰNG", "Số: 41/TB-SXD", *MOTTO, "Cà Mau, ngày 2 tháng 2 năm 2031", *BODY,
                  "Nơi nhận:", "- Các phòng;", "- Lưu: VT.", "các Phòng Ban")
    assert h.signer is None


def test_a_day_read_with_a_section_sign_for_an_eight():
    h = header_of("SỞ XÂY DỰNG", "Số: 41/TB-SXD", *MOTTO, "Cà Mau, ngày 1§ tháng 02 năm 2031", *BODY)
    assert h.date == "2031-02-18"


def _w(text, x0, top, size):
    from parsers.pdf_layout import Word

    return Word(text=text, x0=x0, x1=x0 + 6.0 * len(text), top=top, bottom=top + 1.1 * size, size=size)


class _Page:
    def __init__(self, edges):
        self.edges = edges


def _page_words():
    body = [_w("Các phòng thực hiện đúng lịch tiếp công dân này và báo cáo kết quả về Sở.", 85, 100 + 16 * k, 13)
            for k in range(30)]
    nn = [_w("Nơi", 85, 615, 12), _w("nhận:", 110, 615, 12), _w("KT.", 377, 615, 12), _w("GIÁM", 400, 615, 12)]
    items = [_w("- Lãnh đạo Sở;", 85, 632 + 13 * k, 10) for k in range(4)] + [_w("Phạm Quốc Bảo", 377, 700, 12)]
    return body, nn, items


def test_the_underline_of_noi_nhan_is_no_footnote_separator():
    from parsers.pdf_parser import _split_footnote_area

    body, nn, items = _page_words()
    words = body + nn + items
    underline = {"orientation": "h", "x0": 85.0, "x1": 141.0, "top": 628.0}  # under "Nơi nhận:", in its descenders
    kept, foot = _split_footnote_area(words, [], _Page([underline]), 13.0, 842.0)
    assert foot == [] and len(kept) == len(words)


def test_a_footnote_separator_under_the_body_still_splits_the_notes():
    from parsers.pdf_parser import _split_footnote_area

    body, _nn, _items = _page_words()
    notes = [_w("1 Theo Quyết định số 4/QĐ-UBND.", 85, 640, 9), _w("2 Theo Kế hoạch số 7/KH-SNN.", 85, 652, 9)]
    rule = {"orientation": "h", "x0": 85.0, "x1": 200.0, "top": 630.0}  # a gap under the last body line
    kept, foot = _split_footnote_area(body + notes, [], _Page([rule]), 13.0, 842.0)
    assert len(foot) == 2 and len(kept) == len(body)


@pytest.mark.parametrize("line, number, symbol", [("Số: 36/K H-SNN", "36", "KH-SNN"), ("Số: 4/Q Đ-SNN", "4", "QĐ-SNN"),
                                                  ("Số; 63/TB-SNN", "63", "TB-SNN")])
def test_a_scanned_number_line_with_a_space_in_the_code_or_a_semicolon(line, number, symbol):
    h = header_of("SỞ NÔNG NGHIỆP", line, *MOTTO, "Sơn La, ngày 6 tháng 6 năm 2030", "THÔNG BÁO", "Về lịch họp",
                  "Căn cứ Quyết định số 9/QĐ-UBND;")
    assert (h.number, h.symbol) == (number, symbol)


# a letter read for a figure ("l7", "2S") stays unread too: on the scans of the open splits such a reading was a
# handwritten number cut short ("3I" for a four-figure number), a wrong number worse than none
@pytest.mark.parametrize("line", ["Số: Ǵ#/TB-SNN", "Số: 0Ì/TB-SNN", "Số: 3 Ø/TB-SNN", "Số: 3I/TB-SNN"])
def test_a_handwritten_number_the_ocr_could_not_read_stays_null(line):
    h = header_of("SỞ NÔNG NGHIỆP", line, *MOTTO, "Sơn La, ngày 6 tháng 6 năm 2030", "THÔNG BÁO", "Về lịch họp")
    assert h.number is None and h.symbol == "TB-SNN"
