"""Tables on scanned pages keep all their columns (issue 10).

A scan is seldom level: a sheet turned by half a degree draws a table's
rules as staircases of pixels, which used to be read as black bars (and
dropped), so a column whose rules were lost ran into its neighbour, or the
whole table came out as paragraphs. A scanner's streak down the whole
sheet is no rule. The tables below are invented.

The end-to-end test is marked ``ocr`` (it needs tesseract with ``vie``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from parsers import ocr as ocr_mod
from parsers import parse
from parsers.ocr import chain_runs, deskew_rules, is_streak, ruling_lines
from parsers.pdf_layout import Word

needs_tesseract = pytest.mark.skipif(ocr_mod.ocr_available() is not None,
                                     reason=str(ocr_mod.ocr_available()))
needs_tools = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                                 reason="LibreOffice or poppler-utils not installed")


def _tilted_grid(slope: float, scale: float):
    """A 4-column grid of thin grey rules on a page turned by ``slope``."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (3400, 2400), 255)
    d = ImageDraw.Draw(img)
    xs, ys = (300, 450, 1700, 2200, 3000), (300, 500, 900, 1300, 1900)
    for y in ys:  # level rows rise by slope × x; upright columns lean by -slope × y
        d.line([(xs[0], y + slope * xs[0]), (xs[-1], y + slope * xs[-1])], fill=150, width=3)
    for x in xs:
        d.line([(x - slope * ys[0], ys[0]), (x - slope * ys[-1], ys[-1])], fill=150, width=3)
    return img, xs, ys


def test_rules_of_a_turned_page_are_found():
    """Turned by 0.7 degree, each rule drifts ~20 pixels across its length:
    still a rule, not a black bar."""
    scale = 300 / 72
    img, xs, ys = _tilted_grid(0.012, scale)
    rules = ruling_lines(img, scale)
    vs = sorted((e for e in rules if e["orientation"] == "v"), key=lambda e: e["x0"])
    hs = sorted((e for e in rules if e["orientation"] == "h"), key=lambda e: e["top"])
    assert len(vs) == len(xs) and len(hs) == len(ys)
    # straightened by the page's slope, each rule sits where it was drawn at the page's top-left
    level = deskew_rules(rules, 0.012)
    got_x = sorted(round(e["x0"] * scale) for e in level if e["orientation"] == "v")
    got_y = sorted(round(e["top"] * scale) for e in level if e["orientation"] == "h")
    assert all(abs(g - x) <= 4 for g, x in zip(got_x, xs))
    assert all(abs(g - y) <= 4 for g, y in zip(got_y, ys))


def test_black_bars_and_arcs_are_no_rules():
    from PIL import Image, ImageDraw

    img = Image.new("L", (1600, 1600), 255)
    d = ImageDraw.Draw(img)
    d.rectangle([200, 100, 1400, 220], fill=0)  # a black bar
    d.ellipse([400, 500, 1000, 1100], outline=0, width=4)  # a round seal
    scale = 300 / 72
    rules = ruling_lines(img, scale)
    assert not any(e["top"] * scale < 300 for e in rules)  # nothing from the bar
    # the seal's arc is not chained into a long rule: at most its flattest stretch counts
    assert all(max(e["width"], e["height"]) * scale < 130 for e in rules)


def test_chain_runs_joins_a_staircase_and_a_faint_gap():
    # one rule: three steps, each on the next pixel line, and a 2-pixel dropout
    runs = [(10, 0, 120), (11, 100, 230), (12, 210, 330), (12, 332, 400)]
    out = chain_runs(runs, min_len=300, max_thick=10)
    assert len(out) == 1 and out[0][:2] == (0, 400)
    assert 10 <= out[0][2] <= 12


def test_a_streak_down_the_sheet_is_no_rule():
    words = [Word("nhiệm", 100, 140, 200 + 20 * k, 212 + 20 * k, 12) for k in range(5)]
    streak = {"orientation": "v", "x0": 300.0, "x1": 300.0, "top": 2.0, "bottom": 838.0}
    through = {"orientation": "v", "x0": 120.0, "x1": 120.0, "top": 150.0, "bottom": 400.0}
    between = {"orientation": "v", "x0": 160.0, "x1": 160.0, "top": 150.0, "bottom": 400.0}
    assert is_streak(streak, words, 595, 842)
    assert is_streak(through, words, 595, 842)
    assert not is_streak(between, words, 595, 842)
    # the OCR reading a rule itself as "|" does not make it a streak
    bars = [Word("|", 158, 162, 200 + 20 * k, 212 + 20 * k, 12) for k in range(5)]
    assert not is_streak(between, bars, 595, 842)


HEAD = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")
TASKS = [
    ("1", "Rà soát danh mục thiết bị phòng thí nghiệm và lập dự toán sửa chữa",
     "Phòng Quản trị", "Các khoa chuyên môn", "Quý II/2027"),
    ("2", "Tổ chức lớp bồi dưỡng kỹ năng số cho viên chức mới tuyển dụng",
     "Phòng Tổ chức cán bộ", "Trung tâm Tin học", "Tháng 9/2027"),
    ("3", "Xây dựng quy chế quản lý kho lưu trữ điện tử của đơn vị",
     "Văn phòng", "Phòng Pháp chế", "Tháng 11/2027"),
]


def _scanned_landscape_table(tmp: Path, tilt_deg: float) -> Path:
    """An invented landscape task table, printed by LibreOffice, rasterised
    and turned a little as a scanner does, kept as an image-only PDF."""
    from PIL import Image

    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td></tr>" for a, b, c, d, e in TASKS)
    html = ("<html><head><meta charset='utf-8'><style>@page { size: 29.7cm 21cm; margin: 2cm }"
            "body { font-family: 'DejaVu Serif'; font-size: 14pt }</style></head><body>"
            "<p>PHỤ LỤC: DANH MỤC NHIỆM VỤ NĂM 2027</p>"
            "<table width='100%' border='1' cellspacing='0' cellpadding='8'><tr>"
            + "".join(f"<td width='{w}%'>{h}</td>" for w, h in zip((6, 44, 16, 18, 16), HEAD)) + "</tr>" + rows + "</table></body></html>")
    src = tmp / "bang.html"
    src.write_text(html, encoding="utf-8")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo_profile", "--headless",
                    "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=180)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", "1", str(tmp / "bang.pdf"), str(tmp / "p")],
                   check=True, capture_output=True, timeout=120)
    page = Image.open(next(tmp.glob("p*.png"))).convert("L")
    assert page.width > page.height  # landscape
    page = page.rotate(tilt_deg, resample=Image.BICUBIC, fillcolor=255)
    out = tmp / "scan.pdf"
    page.save(out, "PDF", resolution=150)
    return out


@pytest.mark.ocr
@needs_tesseract
@needs_tools
def test_scanned_turned_landscape_task_table_keeps_every_column(tmp_path):
    doc = parse(_scanned_landscape_table(tmp_path, 0.6))
    assert [p.method for p in doc.pages] == ["ocr"]
    assert len(doc.tables) == 1
    grid = [[" ".join(c.split()) for c in r] for r in doc.tables[0].text_grid()]
    assert len(grid) == 4 and all(len(r) == 5 for r in grid)
    assert [_near(c, h) for c, h in zip(grid[0], HEAD)] == [True] * 5
    # each task keeps its lead, support and time in its own row (the OCR may
    # miss a lone digit or a tone mark: cells compare loosely)
    for row, task in zip(grid[1:], TASKS):
        assert [_near(c, t) for c, t in zip(row[1:], task[1:])] == [True] * 4, row


def _near(got: str, want: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, got, want).ratio() >= 0.85


def test_only_a_tables_grid_is_painted_over_and_measures_the_turn():
    from parsers.ocr import in_grids, rules_slope

    def h(y, x0, x1, slope=0.0):
        return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0,
                "slope": slope}

    def v(x, t, b, slope=0.0):
        return {"orientation": "v", "x0": x, "x1": x, "top": t, "bottom": b, "width": 0.0, "height": b - t,
                "slope": slope}

    table = [h(100, 50, 500, 0.008), h(200, 50, 500, 0.008), v(50, 100, 200, 0.008), v(500, 100, 200, 0.008)]
    underline = h(50, 300, 420)  # under a motto: meets nothing
    seal = [h(663, 394, 434), v(417, 646, 710), v(400, 650, 700)]  # a seal's short strokes cross
    flags = in_grids(table + [underline] + seal)
    assert flags == [True] * 4 + [False] * 4
    assert rules_slope(table) == pytest.approx(0.008)
    assert rules_slope([underline]) is None
