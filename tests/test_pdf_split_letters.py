"""Issue 11, item 5, on a real PDF: a text layer whose precomposed Vietnamese
letters are drawn in another font than their neighbours (what a font fallback
writes) is cut by pdfplumber at those letters ("B ộ", "k ế t qu ả"); read
as it is, the page would score as garbled and go to OCR although its text
is good.  The parser joins the pieces from their positions before it judges
the layer.

The PDF is written here byte by byte: two Type0 fonts with a ToUnicode map
(no glyphs are needed to read a text layer), every character placed on its
own at its advance, the letters with a mark in the second font."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from core.syllables import text_quality
from parsers import pdf_parser, source_info

LINES = [
    "Sở Y tế đề nghị các đơn vị báo cáo kết quả thực hiện",
    "kế hoạch phòng, chống dịch bệnh trước ngày mười lăm",
    "tháng sau để tổng hợp, trình Ủy ban nhân dân tỉnh.",
]
SIZE = 12.0
ADVANCE = 500  # every glyph's width, thousandths of the size: 6 points


def _tounicode(cids: dict[str, int]) -> bytes:
    items = sorted(cids.items(), key=lambda kv: kv[1])
    body = []
    for i in range(0, len(items), 100):
        block = items[i:i + 100]
        body.append(f"{len(block)} beginbfchar")
        body += [f"<{cid:04X}> <{ord(ch):04X}>" for ch, cid in block]
        body.append("endbfchar")
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "\n".join(body) +
            "\nendcmap CMapName currentdict /CMap defineresource pop end end\n").encode("ascii")


def write_split_letter_pdf(path: Path, lines: list[str]) -> None:
    fonts: list[dict[str, int]] = [{}, {}]  # F1: letters without a mark, F2: the rest

    def font_of(ch: str) -> int:
        return 0 if ch.isascii() else 1

    ops = ["BT"]
    y = 760.0
    for line in lines:
        x = 72.0
        for ch in line:
            if ch != " ":
                f = font_of(ch)
                cid = fonts[f].setdefault(ch, len(fonts[f]) + 1)
                ops.append(f"/F{f + 1} {SIZE:g} Tf 1 0 0 1 {x:.3f} {y:.3f} Tm <{cid:04X}> Tj")
            x += SIZE * ADVANCE / 1000
        y -= 18
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")

    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    font_refs = []
    for k, cids in enumerate(fonts):
        name = ["AAAAAA+TimesNewRomanPSMT", "BAAAAA+ArialUnicodeMS"][k]
        desc = add(f"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [0 -216 1000 891] "
                   f"/ItalicAngle 0 /Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 >>".encode())
        cid_font = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo "
                       f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R "
                       f"/DW {ADVANCE} >>".encode())
        cmap = _tounicode(cids)
        tu = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
        font_refs.append(add(f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
                             f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {tu} 0 R >>".encode()))
    stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    pages_num = len(objs) + 2
    page = add(f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 595 842] /Contents {stream} 0 R "
               f"/Resources << /Font << /F1 {font_refs[0]} 0 R /F2 {font_refs[1]} 0 R >> >> >>".encode())
    assert add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>".encode()) == pages_num
    catalog = add(f"<< /Type /Catalog /Pages {pages_num} 0 R >>".encode())

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    path.write_bytes(bytes(out))


def test_pdfplumber_cuts_the_words_of_this_pdf(tmp_path):
    # the defect is really in the file: read naively, the layer is cut and scores as garbled
    p = tmp_path / "split.pdf"
    write_split_letter_pdf(p, LINES)
    with pdfplumber.open(str(p)) as pdf:
        words = pdf.pages[0].extract_words(x_tolerance=3, y_tolerance=3, extra_attrs=["size", "fontname"])
    texts = [w["text"] for w in words]
    assert "B" not in texts and "S" in texts and "ở" in texts  # "Sở" is two words
    naive = text_quality(" ".join(texts))
    assert naive.words >= 8 and not naive.usable


def test_the_page_is_read_from_its_layer_not_sent_to_ocr(tmp_path):
    p = tmp_path / "split.pdf"
    write_split_letter_pdf(p, LINES)
    doc = pdf_parser.parse(p, source_info(p, "pdf"), ocr=False)
    assert [pg.method for pg in doc.pages] == ["text"] and doc.pages[0].confidence > 0.9  # share of valid syllables
    assert not any(w.code in ("garbled_text_layer", "ocr_unavailable") for w in doc.warnings)
    text = " ".join(u.text for u in doc.text_units())
    assert " ".join(text.split()) == " ".join(LINES)
