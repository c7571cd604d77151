"""Scanned pages: judge a page's text layer, and OCR pages with Tesseract.

* ``text_quality`` (from ``core.syllables``): a page whose text layer is
  mostly non-syllables ("TÈNH LÂM ÒNG", "uY BAN NgAN", "so:f60tCNa") is a
  broken glyph map or a bad embedded OCR layer, and is OCR'd again.
* ``ocr_available``: whether the ``tesseract`` program and its ``vie`` data
  are installed (the reason when not).
* ``ocr_pdf_page``: render one PDF page (pypdfium2, ~300 dpi) and run the
  ``tesseract`` CLI on it (TSV output, a time limit), giving ``Word``s in
  PDF points for ``parsers.pdf_layout``, and the mean word confidence.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from statistics import median

from core import regex_cached as regex

from parsers.pdf_layout import Word
from core.syllables import TextQuality, is_valid_syllable, text_quality  # noqa: F401 (re-exported)
from core.normalize import normalize_text
from core.textutil import RX_TIMEOUT

# --------------------------------------------------------------------------
# Tesseract
# --------------------------------------------------------------------------

OCR_LANG = "vie"
OCR_DPI = 300
OCR_TIMEOUT_S = 120


@lru_cache(maxsize=1)
def ocr_available() -> str | None:
    """None when OCR can run, else what to install."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "Tesseract OCR is not installed (install the 'tesseract-ocr' and 'tesseract-ocr-vie' packages)"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Tesseract cannot run ({exc}); reinstall 'tesseract-ocr'"
    langs = {ln.strip() for ln in (out.stdout + out.stderr).splitlines()}
    if OCR_LANG not in langs:
        return "Tesseract has no Vietnamese language data (install 'tesseract-ocr-vie')"
    return None


@dataclass(slots=True)
class OcrPage:
    words: list[Word]
    confidence: float | None  # mean word confidence 0..1
    width: float  # page size in points
    height: float
    rules: list[dict] = field(default_factory=list)  # ruling lines seen in the image (pdfplumber edge dicts, points)


RULE_MIN_IN = 0.3  # a ruling line is a straight dark run at least this long (inches)


def ruling_lines(image, scale: float, found: list[tuple[int, tuple[int, int, int, int]]] | None = None) -> list[dict]:
    """Straight horizontal and vertical runs darker than the paper in a
    page image (the rules of a table on a scanned page), as pdfplumber edge
    dicts in points (``scale`` pixels per point). A scan draws rules light
    grey, wavering by a pixel: a pixel counts as dark when it or its
    neighbour across the line is. Empty when numpy is missing. ``found``,
    when given, receives ``(index of the rule, pixel box (x0, y0, x1, y1))``
    for the pixels each rule covers (see ``without_rules``)."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - optional: tables on scans stay text
        return []
    gray = np.asarray(image.convert("L"))
    paper = int(np.percentile(gray, 50))
    dark = gray < paper - 25
    min_len = int(RULE_MIN_IN * 72 * scale)
    max_thick = 0.06 * 72 * scale
    out: list[dict] = []
    for orient, grid in (("h", dark), ("v", dark.T)):
        grid = grid.copy()
        grid[1:] |= grid[:-1].copy()  # a wavering line: one pixel of slack across it
        runs: list[tuple[int, int, int]] = []  # (line index, start, end) in pixels
        padded = np.zeros((grid.shape[0], grid.shape[1] + 2), dtype=np.int8)
        padded[:, 1:-1] = grid
        diff = np.diff(padded, axis=1)
        # a tilted rule is a staircase of runs on neighbouring pixel lines,
        # each shorter than the rule: pieces of half its least length count
        piece = min_len // 2
        for i in np.nonzero(grid.sum(axis=1) >= piece)[0]:
            starts = np.nonzero(diff[i] == 1)[0]
            ends = np.nonzero(diff[i] == -1)[0]
            for a, b in zip(starts, ends):
                if b - a >= piece:
                    runs.append((int(i), int(a), int(b)))
        kept: list[list[tuple[int, int, int]]] = []
        chained = chain_runs(runs, min_len, max_thick, kept)
        for (a, b, pos, tilt), rule_runs in zip(chained, kept):
            # its shade: the darker of the two pixel lines at each run's middle (median)
            img = gray if orient == "h" else gray.T
            shade = int(median(min(int(img[i, (ra + rb) // 2]), int(img[max(i - 1, 0), (ra + rb) // 2]))
                               for i, ra, rb in rule_runs))
            lo, hi = a / scale, b / scale
            pos = pos / scale
            # "slope": the page's turn as a text line's dy/dx (an upright rule leans by -slope)
            if orient == "h":
                out.append({"orientation": "h", "x0": lo, "x1": hi, "top": pos, "bottom": pos,
                            "width": hi - lo, "height": 0.0, "object_type": "line", "slope": tilt, "shade": shade})
            else:
                out.append({"orientation": "v", "x0": pos, "x1": pos, "top": lo, "bottom": hi,
                            "width": 0.0, "height": hi - lo, "object_type": "line", "slope": -tilt, "shade": shade})
            if found is not None:
                # a run on line i is dark on line i or i - 1 (the slack): a pixel more each side
                for i, ra, rb in rule_runs:
                    found.append((len(out) - 1, (ra, i - 3, rb, i + 2) if orient == "h" else (i - 3, ra, i + 2, rb)))
    return out


RULE_DARK = 0.7  # a rule darker than this share of the paper's shade survives binarisation


def _paper_shade(image) -> float:
    import numpy as np

    return float(np.percentile(np.asarray(image.convert("L")), 50))


def without_rules(image, boxes: list[tuple[int, int, int, int]]):
    """A copy of a page image with its ruling lines painted over in the
    paper's shade: Tesseract reads the grid of a table as letters ("|",
    "l", "_") or as a picture, losing the header row of a ruled table or a
    lone number in its first column; the words alone read better."""
    if not boxes:
        return image
    import numpy as np
    from PIL import Image

    gray = np.array(image.convert("L"))
    paper = int(np.percentile(gray, 50))
    h, w = gray.shape
    for x0, y0, x1, y1 in boxes:
        gray[max(0, y0):min(h, y1 + 1), max(0, x0):min(w, x1 + 1)] = paper
    return Image.fromarray(gray)


RULE_MAX_TILT = 0.05  # a rule drifts at most this many pixels across per pixel along (about 3 degrees)


def chain_runs(runs: list[tuple[int, int, int]], min_len: int, max_thick: float,
               kept: list[list[tuple[int, int, int]]] | None = None) -> list[tuple[int, int, float, float]]:
    """Dark runs ``(line index, start, end)`` → rules ``(start, end, mean
    line index, tilt: lines across per pixel along)``. Runs on pixel lines at most 2 apart that overlap (or
    nearly touch: a faint rule drops a pixel or two) are one rule: a thick
    rule is several runs side by side, a rule on a slightly turned scan a
    staircase of runs, each on the next line. A rule is at least
    ``min_len`` long, on average at most ``max_thick`` thick (a black bar, a
    picture is thicker) and drifts across by at most ``RULE_MAX_TILT`` of its
    length (an arc of a round seal drifts more). ``kept``, when given,
    receives the runs of each rule, in the order of the rules."""
    parent = list(range(len(runs)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    gap = 3
    by_line: dict[int, list[int]] = {}
    for k, (i, a, b) in enumerate(runs):
        for j in (i - 2, i - 1, i):
            for m in by_line.get(j, ()):
                _, a2, b2 = runs[m]
                if a < b2 + gap and a2 < b + gap:
                    ra, rb = find(k), find(m)
                    if ra != rb:
                        parent[ra] = rb
        by_line.setdefault(i, []).append(k)
    groups: dict[int, list[int]] = {}
    for k in range(len(runs)):
        groups.setdefault(find(k), []).append(k)
    out: list[tuple[int, int, float, float]] = []
    members: list[list[tuple[int, int, int]]] = []
    for ks in groups.values():
        a = min(runs[k][1] for k in ks)
        b = max(runs[k][2] for k in ks)
        length = b - a
        if length < min_len:
            continue
        area = sum(runs[k][2] - runs[k][1] for k in ks)
        thick = area / length
        if thick > max_thick:  # a black bar, a picture or a text block, not a rule
            continue
        i0 = min(runs[k][0] for k in ks)
        i1 = max(runs[k][0] for k in ks)
        if i1 - i0 + 1 - thick > RULE_MAX_TILT * length:
            continue
        pos = sum(runs[k][0] * (runs[k][2] - runs[k][1]) for k in ks) / area
        # its tilt: the lines it covers a tenth of its length from each end
        # (a staircase's end steps are cut short: their middles would mislead)
        p1, p2 = a + length // 10, b - length // 10
        at1 = [runs[k][0] for k in ks if runs[k][1] <= p1 < runs[k][2]]
        at2 = [runs[k][0] for k in ks if runs[k][1] <= p2 < runs[k][2]]
        tilt = (sum(at2) / len(at2) - sum(at1) / len(at1)) / (p2 - p1) if at1 and at2 and p2 > p1 else 0.0
        out.append((a, b, pos, tilt))
        members.append([runs[k] for k in ks])
    order = sorted(range(len(out)), key=lambda k: (out[k][2], out[k][0]))
    if kept is not None:
        kept.extend(members[k] for k in order)
    return [out[k] for k in order]


def ocr_image(image_path: Path, scale: float, *, timeout: float = OCR_TIMEOUT_S) -> tuple[list[Word], float | None]:
    """OCR one image; word boxes are divided by ``scale`` (pixels per point),
    as the image has them (not straightened: see ``deskew``)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.Popen(
        ["tesseract", str(image_path), "stdout", "-l", OCR_LANG, "--psm", "3", "tsv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    # the limit counts Tesseract's own CPU time, not the wall clock of a busy
    # machine; the wall clock only stops a process that makes no progress at all
    wall_cap = max(timeout * 10, 600.0)
    started = time.monotonic()
    while True:
        try:
            out, err_b = proc.communicate(timeout=min(timeout, 5.0))
            break
        except subprocess.TimeoutExpired:
            used = _cpu_seconds(proc.pid)
            if used > timeout or time.monotonic() - started > wall_cap:
                proc.kill()
                proc.communicate()
                what = f"{used:.0f} s of CPU" if used > timeout else f"{wall_cap:.0f} s"
                raise TimeoutError(f"OCR took longer than {what}") from None
    if proc.returncode != 0:
        err = err_b.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract failed: {err[-1] if err else proc.returncode}")
    return read_tsv(out.decode("utf-8", "replace"), scale)


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a running process has used; 0 when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def parse_tsv(tsv: str, scale: float) -> tuple[list[Word], float | None]:
    """Tesseract TSV → straightened words (in points) and mean confidence (0..1)."""
    words, conf = read_tsv(tsv, scale)
    return deskew(words), conf


SPECK_CONF = 65.0  # Tesseract's confidence (0..100) under which a lone character is taken for a speck


def _speck(text: str, conf: float) -> bool:
    """A lone character Tesseract is unsure of, other than a Latin letter, a
    digit or a list mark: a speck, a stamp's edge or a rule's end read as a letter ("ỗ" before
    "- Công đoàn …", "_" before "CỘNG HÒA …"). Kept, it glues to the line it
    stands beside and hides what starts there (an addressee's dash, the motto)."""
    # (a Latin letter or digit stays: "đợt I", an item "a", a misread "1" are words)
    return len(text) == 1 and conf < SPECK_CONF and not (text.isascii() and text.isalnum()) and text not in "-–—+•*·"


def read_tsv(tsv: str, scale: float) -> tuple[list[Word], float | None]:
    """Tesseract TSV → words (in points, as in the image) and mean confidence (0..1)."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    line_h: dict[tuple[str, str, str, str], float] = {}
    par_hs: dict[tuple[str, str, str], list[float]] = {}
    for r in rows:
        if r.get("level") == "4":
            key = (r["page_num"], r["block_num"], r["par_num"], r["line_num"])
            line_h[key] = float(r["height"])
            par_hs.setdefault(key[:3], []).append(float(r["height"]))
    # a line box spans the tallest accent to the lowest descender of that
    # line's words, so its height jitters from line to line: the lines of
    # one Tesseract paragraph share its median line height
    par_h = {k: median(v) for k, v in par_hs.items()}
    words: list[Word] = []
    confs: list[float] = []
    line_ids: dict[tuple[str, str, str, str], int] = {}
    par_ids: dict[tuple[str, str, str], int] = {}
    for r in rows:
        if r.get("level") != "5":
            continue
        text = (r.get("text") or "").strip()
        conf = float(r.get("conf") or -1)
        if not text or conf < 0 or _speck(text, conf):
            continue
        left, top, w, h = (float(r[k]) for k in ("left", "top", "width", "height"))
        key = (r["page_num"], r["block_num"], r["par_num"], r["line_num"])
        lh = par_h.get(key[:3], line_h.get(key, h))
        # a line box spans ascender to descender: about 1.2 × the font size
        size = max(4.0, lh / scale / 1.25)
        words.append(Word(
            text=normalize_text(text),
            x0=left / scale, x1=(left + w) / scale, top=top / scale, bottom=(top + h) / scale,
            size=size, conf=conf / 100.0, line_id=line_ids.setdefault(key, len(line_ids)),
            par_id=par_ids.setdefault(key[:3], len(par_ids)),
        ))
        confs.append(conf / 100.0)
    return words, (sum(confs) / len(confs) if confs else None)


def skew_slope(words: list[Word]) -> float:
    """Median baseline slope (dy/dx) of the OCR lines with several words."""
    by_line: dict[int, list[Word]] = {}
    for w in words:
        if w.line_id is not None:
            by_line.setdefault(w.line_id, []).append(w)
    slopes: list[float] = []
    for ws in by_line.values():
        if len(ws) < 4:
            continue
        ws = sorted(ws, key=lambda w: w.x0)
        span = ws[-1].x1 - ws[0].x0
        if span < 100:
            continue
        # least squares of word bottoms against word centres
        xs = [(w.x0 + w.x1) / 2 for w in ws]
        ys = [w.bottom for w in ws]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        den = sum((x - mx) ** 2 for x in xs)
        if den > 0:
            slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den)
    if len(slopes) < 3:
        return 0.0
    slopes.sort()
    return slopes[len(slopes) // 2]


def page_slope(words: list[Word]) -> float:
    """The slope ``deskew`` turns a page back by: 0 for a level page (under
    0.002) or a measure too steep to be a tilt (over 0.1)."""
    slope = skew_slope(words)
    return 0.0 if abs(slope) < 0.002 or abs(slope) > 0.1 else slope


def deskew(words: list[Word], slope: float | None = None) -> list[Word]:
    """Straighten a skewed scan: turn the words back by the page's
    baseline slope, so that rows of text are level again (each word shifted
    up by slope × x) and the lines of a paragraph start at one left edge
    again (shifted sideways by slope × y: a tilted page drifts the margin
    by as much as it tilts the rows)."""
    slope = page_slope(words) if slope is None else slope
    if not slope:
        return words
    for w in words:
        dy = slope * ((w.x0 + w.x1) / 2)
        dx = slope * ((w.top + w.bottom) / 2)
        w.top -= dy
        w.bottom -= dy
        w.x0 += dx
        w.x1 += dx
    return words


LEVEL_MIN_WORDS = 5  # a run of an OCR line this long (words) ...
LEVEL_MIN_SPAN = 150.0  # ... and this wide (points) is levelled on its own slope
LEVEL_MIN_SLOPE = 0.004  # a run sloping less is level enough: left alone
LEVEL_GAP_EM = 1.5  # a gap this wide (ems) ends a run (the next column, a stamp beside the text)


def level_lines(words: list[Word]) -> list[Word]:
    """Level each OCR line on its own slope, after ``deskew`` has turned the
    page back by the median one: a curled or creased sheet bends its lines
    by different amounts (the top lines of a page held at its foot rise by
    two lines' height across the sheet), and a line still sloping after the
    page's turn runs into the rows above or below it. The words of one
    Tesseract line are set level, so each run of close words of a line
    (gaps under ``LEVEL_GAP_EM`` ems) with at least ``LEVEL_MIN_WORDS``
    words over ``LEVEL_MIN_SPAN`` points is turned about its middle by the
    least-squares slope of its word bottoms, when that slope is steeper
    than ``LEVEL_MIN_SLOPE`` and no steeper than a tilt (0.1) and the words
    lie on it (no bottom off it by more than 0.6 of the word height, and
    most within a third: a dot below or a descender lowers a bottom a little).
    Words keep their place along the line; only their heights change."""
    by_line: dict[int, list[Word]] = {}
    for w in words:
        if w.line_id is not None:
            by_line.setdefault(w.line_id, []).append(w)
    for ws in by_line.values():
        ws.sort(key=lambda w: w.x0)
        run: list[Word] = []
        for w in ws + [None]:
            if w is not None and run and w.x0 - run[-1].x1 <= LEVEL_GAP_EM * max(w.size, run[-1].size):
                run.append(w)
                continue
            _level_run(run)
            run = [w] if w is not None else []
    return words


def _level_run(run: list[Word]) -> None:
    if len(run) < LEVEL_MIN_WORDS or run[-1].x1 - run[0].x0 < LEVEL_MIN_SPAN:
        return
    xs = [(w.x0 + w.x1) / 2 for w in run]
    # a word's bottom is its baseline, or its descender's foot ("g", "y", "ị"): the lowest
    # bottoms of a run wander by a descender; the fit is judged against the word height
    ys = [w.bottom for w in run]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    if den <= 0:
        return
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den
    if not LEVEL_MIN_SLOPE <= abs(slope) <= 0.1:
        return
    h = median(w.height for w in run)
    off = [abs(y - (my + slope * (x - mx))) for x, y in zip(xs, ys)]
    if max(off) > 0.6 * h or sum(d > h / 3 for d in off) > len(off) / 4:
        return  # not one straight line of words (a word of another line, a stamp read into it)
    for w, x in zip(run, xs):
        dy = slope * (x - mx)
        w.top -= dy
        w.bottom -= dy


def rules_slope(rules: list[dict], min_len: float = 144.0) -> float | None:
    """The page's turn measured on its long rules (at least ``min_len``
    points): the median of their slopes, 0 for a level page, None when
    fewer than two. Rules are straight and long: on a table page the OCR's
    lines run across cells at several heights and measure the turn badly."""
    slopes = sorted(r.get("slope", 0.0) for r in rules if max(r["width"], r["height"]) >= min_len)
    if len(slopes) < 2:
        return None
    slope = slopes[len(slopes) // 2]
    return 0.0 if abs(slope) < 0.002 or abs(slope) > 0.1 else slope


def in_grids(rules: list[dict], tol: float = 6.0, min_row: float = 72.0) -> list[bool]:
    """Which rules belong to a table's grid: a rule crossing (or meeting,
    within ``tol`` points) at least two rules of the other direction, the
    horizontal ones at least ``min_row`` points long (a table's row rules
    run across all its columns). An underline, the short rule under a
    letterhead, a streak, the strokes of a seal or a signature stand alone."""
    hs = [r for r in rules if r["orientation"] == "h" and r["width"] >= min_row]
    vs = [r for r in rules if r["orientation"] == "v"]

    def meets(h: dict, v: dict) -> bool:
        return (h["x0"] - tol <= v["x0"] <= h["x1"] + tol) and (v["top"] - tol <= h["top"] <= v["bottom"] + tol)

    return [(r["width"] >= min_row and sum(meets(r, v) for v in vs) >= 2) if r["orientation"] == "h"
            else sum(meets(h, r) for h in hs) >= 2 for r in rules]


def deskew_rules(rules: list[dict], slope: float) -> list[dict]:
    """Turn ruling lines back by the slope ``deskew`` turns the words by,
    so that a table's rules and its words stay in one frame: each rule
    moves as its middle point does (a rule on a turned page is itself
    turned by the slope, so the move makes it level or upright)."""
    if not slope:
        return rules
    out = []
    for r in rules:
        r = dict(r)
        cx, cy = (r["x0"] + r["x1"]) / 2, (r["top"] + r["bottom"]) / 2
        dx, dy = slope * cy, slope * cx
        r["x0"] += dx
        r["x1"] += dx
        r["top"] -= dy
        r["bottom"] -= dy
        out.append(r)
    return out


STREAK_WORDS = 3  # a "rule" through the middle of this many words is a streak of the scanner


STREAK_SHARE = 0.92  # a "rule" along this share of the sheet runs through its margins


def is_streak(rule: dict, words: list[Word], width: float, height: float) -> bool:
    """Whether a ruling line seen in a scan is a scanner's streak (a dark
    line down the whole sheet, margins included) or runs through the middle
    of words (a streak, a struck-out passage): a table's rules stay inside
    the margins and pass between the words of its cells."""
    if rule["orientation"] == "v":
        if rule["bottom"] - rule["top"] >= STREAK_SHARE * height:
            return True
    elif rule["x1"] - rule["x0"] >= STREAK_SHARE * width:
        return True
    n = 0
    for w in words:
        if sum(ch.isalnum() for ch in w.text) < 2:  # the OCR reads a rule itself as "|" or "l"
            continue
        if rule["orientation"] == "v":
            x, m = rule["x0"], 0.15 * (w.x1 - w.x0)
            if not (w.x0 + m < x < w.x1 - m and rule["top"] < (w.top + w.bottom) / 2 < rule["bottom"]):
                continue
        else:
            y, m = rule["top"], 0.3 * (w.bottom - w.top)
            if not (w.top + m < y < w.bottom - m and rule["x0"] < (w.x0 + w.x1) / 2 < rule["x1"]):
                continue
        n += 1
        if n >= STREAK_WORDS:
            return True
    return False


def ocr_pdf_page(pdf_path: Path, page_index: int, *, dpi: int = OCR_DPI, timeout: float = OCR_TIMEOUT_S) -> OcrPage:
    """Render page ``page_index`` (0-based) of a PDF and OCR it."""
    import pypdfium2 as pdfium

    from parsers.pdfium_guard import PDFIUM_LOCK

    scale = dpi / 72.0
    with PDFIUM_LOCK:  # PDFium is not thread-safe; Tesseract below runs outside the lock
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            page = pdf[page_index]
            width, height = page.get_size()
            bitmap = page.render(scale=scale, grayscale=True)
            image = bitmap.to_pil().copy()  # owns its pixels once the bitmap is closed
            bitmap.close()
            page.close()
        finally:
            pdf.close()
    boxes: list[tuple[int, tuple[int, int, int, int]]] = []
    found = ruling_lines(image, scale, boxes)
    # a table's grid drawn dark is painted over before the OCR reads the
    # page, and measures the page's turn; other rules (underlines) are left
    # alone, and so is a grid lighter than RULE_DARK of the paper's shade:
    # Tesseract's binarisation drops it by itself
    paper = _paper_shade(image) if found else 0.0
    grid = [g and r["shade"] < RULE_DARK * paper for g, r in zip(in_grids(found), found)]
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        img_path = Path(tmp) / f"page{page_index + 1}.png"
        without_rules(image, [box for k, box in boxes if grid[k]]).save(img_path)
        words, conf = ocr_image(img_path, scale, timeout=timeout)
    slope = rules_slope([r for r, g in zip(found, grid) if g])
    if slope is None:
        slope = page_slope(words)
    deskew(words, slope)
    level_lines(words)
    rules = [r for r in deskew_rules(found, slope) if not is_streak(r, words, width, height)]
    return OcrPage(words, conf, width, height, rules)


# --------------------------------------------------------------------------
# The signature zone read again without its coloured ink
# --------------------------------------------------------------------------

# The block beside "Nơi nhận" (the signer's title, the seal, the signature, the name) is where a page's OCR
# (Tesseract's, or the layer a scanner embedded) loses most: the red seal and the blue signature drawn over
# the printed title and name make the whole block one picture to the page segmentation ("GIÁM ĐỐC" and
# "Nguyễn …" dropped, "rần Văn Lộc"), and a born-digital letter may carry the signed block as a pasted image
# with no text at all. Printed text is black; a seal is red, a signature blue or violet: the zone is read
# again with only the pixels dark in all three channels kept (colour dropout).
SIGN_ZONE_DPI = 300
SIGN_DARK_SHARE = 0.45  # print: every channel darker than this share of the paper's brightness
SIGN_INK_MIN = 0.004  # the zone holds coloured ink when at least this share of its pixels is strongly coloured


def ink_dropout(image, soft: bool = True):
    """The RGB ``image`` as black print on white: pixels dark in every channel (printed text, even under a
    seal's red) are black, the rest (paper, coloured ink) white. None when the image holds no coloured ink
    (a black-and-white scan: dropping colour changes nothing) or numpy is missing."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover
        return None
    from PIL import Image

    a = np.asarray(image.convert("RGB")).astype(np.int16)
    hi, lo = a.max(axis=2), a.min(axis=2)
    coloured = (hi - lo > 80) & (hi > 90)
    if coloured.mean() < SIGN_INK_MIN:
        return None
    paper = float(np.percentile(hi, 60))
    dark = hi < SIGN_DARK_SHARE * paper
    # coloured ink goes white; print under it (dark in every channel) stays black; the rest keeps its grey
    # (the fine marks of a letter's edge: "Đình", not "Định")
    # (``soft=False``: everything not dark goes white — a seal pressed over the name leaves its letters reddish)
    gray = a.mean(axis=2) if soft else np.full(hi.shape, 255)
    out = np.where(dark, 0, np.where(coloured, 255, gray))
    return Image.fromarray(out.astype(np.uint8))


def ocr_zone_without_ink(pdf_path: Path, page_index: int, box: tuple[float, float, float, float], *,
                         dpi: int = SIGN_ZONE_DPI, timeout: float = OCR_TIMEOUT_S) -> list[Word] | None:
    """OCR the part ``box`` (x0, top, x1, bottom in points) of a PDF page with its coloured ink dropped
    (``ink_dropout``): words in page points. None when the zone holds no coloured ink."""
    import pypdfium2 as pdfium

    from parsers.pdfium_guard import PDFIUM_LOCK

    scale = dpi / 72.0
    x0, top, x1, bottom = box
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            page = pdf[page_index]
            bitmap = page.render(scale=scale, crop=(x0, page.get_height() - bottom, page.get_width() - x1, top))
            image = bitmap.to_pil().copy()
            bitmap.close()
            page.close()
        finally:
            pdf.close()
    readings: list[list[Word]] = []
    for soft in (True, False):
        bw = ink_dropout(image, soft)
        if bw is None:
            return None
        with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
            img_path = Path(tmp) / f"zone{page_index + 1}.png"
            bw.save(img_path)
            words, _conf = ocr_image(img_path, scale, timeout=timeout)
        for w in words:
            w.x0, w.x1, w.top, w.bottom = w.x0 + x0, w.x1 + x0, w.top + top, w.bottom + top
        readings.append(words)
    # the reading with more Vietnamese syllables (the soft one on a tie: it keeps the letters' marks)
    return max(readings, key=syllable_count)


WORD_PUNCT = ".,;:()\"'“”"  # what may stick to a read word without being part of its syllable


def syllable_count(words: list[Word]) -> int:
    """How many of ``words`` are valid Vietnamese syllables (punctuation around them aside): how much of a
    reading is language rather than a seal's rim or a signature's strokes."""
    return sum(1 for w in words if is_valid_syllable(w.text.strip(WORD_PUNCT)))
