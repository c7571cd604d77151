"""Text stamped on a PDF page as annotation appearances.

Signing software for Vietnamese e-signed documents ("chữ ký số") fills the
number and the date into the blanks of "Số:      /BNV-CCHC" and "Hà Nội,
ngày   tháng   năm 2025" as widget/stamp/free-text annotations.  Their text
is drawn by the annotation's appearance stream, not by the page content, so
a content-stream reader (pdfplumber) does not see it.

``annotation_words`` opens a copy of the document with pdfium, flattens the
pages that carry such annotations (their appearances become page content),
and returns the characters that flattening added inside an annotation's
rectangle, grouped into ``Word``s in pdfplumber's coordinates (origin
top-left).  It is conservative: an annotation contributes only a short,
one-line text (a number, a day, a month, a year), text that was already on
the page is not repeated, and signature images add nothing.  Any failure or
an exhausted time budget gives back what was read so far (possibly nothing).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from parsers.pdf_layout import Word
from core.normalize import normalize_text

# annotation subtypes whose appearance may carry stamped text
_FREETEXT, _STAMP, _WIDGET = 3, 13, 20
STAMP_SUBTYPES = (_FREETEXT, _STAMP, _WIDGET)
MAX_STAMP_CHARS = 24  # a stamped field is short: a number, a day, a month, a year
MAX_SECONDS = 3.0


@dataclass(slots=True)
class _Char:
    ch: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    bold: bool

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.bottom + self.top) / 2


def annotation_words(path: Path, page_heights: dict[int, float] | None = None,
                     max_seconds: float = MAX_SECONDS) -> dict[int, list[Word]]:
    """{page number (1-based): words stamped by annotations}.  ``page_heights``
    (pdfplumber's, by page number) guards the coordinate conversion: a page
    whose pdfium height differs is skipped."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - pypdfium2 comes with pdfplumber
        return {}
    from parsers.pdfium_guard import PDFIUM_LOCK

    data = Path(path).read_bytes()  # a copy in memory: flattening never touches the file
    with PDFIUM_LOCK:  # PDFium is not thread-safe
        return _annotation_words(pdfium, raw, data, page_heights, max_seconds)


def _annotation_words(pdfium, raw, data: bytes, page_heights: dict[int, float] | None,
                      max_seconds: float) -> dict[int, list[Word]]:
    out: dict[int, list[Word]] = {}
    start = time.monotonic()
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfplumber decides whether the file is readable
        return out
    try:
        for i in range(len(pdf)):
            if time.monotonic() - start > max_seconds:
                break
            try:
                words = _page_words(pdf, i, raw, (page_heights or {}).get(i + 1))
            except Exception:  # noqa: BLE001 - one page's annotations are never worth an error
                continue
            if words:
                out[i + 1] = words
    finally:
        pdf.close()
    return out


def _stamp_rects(page, raw) -> list[tuple[float, float, float, float]]:
    rects = []
    n = raw.FPDFPage_GetAnnotCount(page.raw)
    for k in range(n):
        annot = raw.FPDFPage_GetAnnot(page.raw, k)
        if not annot:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annot) not in STAMP_SUBTYPES:
                continue
            r = raw.FS_RECTF()
            if raw.FPDFAnnot_GetRect(annot, r):
                left, right = sorted((r.left, r.right))
                bottom, top = sorted((r.bottom, r.top))
                if right - left > 1 and top - bottom > 1:
                    rects.append((left, bottom, right, top))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return rects


def _chars(page, raw, rects) -> list[_Char]:
    tp = page.get_textpage()
    try:
        out = []
        for ci in range(tp.count_chars()):
            code = raw.FPDFText_GetUnicode(tp.raw, ci)
            if not code:
                continue
            left, bottom, right, top = tp.get_charbox(ci)
            cx, cy = (left + right) / 2, (bottom + top) / 2
            if not any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in rects):
                continue
            out.append(_Char(chr(code), left, bottom, right, top, float(raw.FPDFText_GetFontSize(tp.raw, ci)),
                             raw.FPDFText_GetFontWeight(tp.raw, ci) >= 700))
        return out
    finally:
        tp.close()


def _page_words(pdf, i: int, raw, plumber_height: float | None) -> list[Word]:
    page = pdf[i]
    try:
        if page.get_rotation() != 0:
            return []
        rects = _stamp_rects(page, raw)
        if not rects:
            return []
        mb = page.get_mediabox()
        top_y = float(mb[3])
        if plumber_height is not None and abs((mb[3] - mb[1]) - plumber_height) > 1:
            return []
        before = _chars(page, raw, rects)
        if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) != raw.FLATTEN_SUCCESS:
            return []
    finally:
        page.close()
    page = pdf[i]  # flattened content is seen on a fresh load of the page
    try:
        after = _chars(page, raw, rects)
    finally:
        page.close()
    added = _new_chars(before, after)
    words: list[Word] = []
    for rect in rects:
        mine = [c for c in added if rect[0] <= c.cx <= rect[2] and rect[1] <= c.cy <= rect[3]]
        group = _group_words(mine, top_y)
        if _is_stamp(group):
            words.extend(group)
    return words


def _new_chars(before: list[_Char], after: list[_Char]) -> list[_Char]:
    """Chars of the flattened page not on the page before (same glyph at
    the same place)."""
    pool = list(before)
    out = []
    for c in after:
        for k, b in enumerate(pool):
            if b.ch == c.ch and abs(b.cx - c.cx) < 1.5 and abs(b.cy - c.cy) < 1.5:
                del pool[k]
                break
        else:
            out.append(c)
    return out


def _group_words(chars: list[_Char], top_y: float) -> list[Word]:
    words: list[Word] = []
    cur: list[_Char] = []

    def flush() -> None:
        if cur:
            text = normalize_text("".join(c.ch for c in cur)).strip()
            if text:
                size = max(c.size for c in cur)
                words.append(Word(text=text, x0=min(c.left for c in cur), x1=max(c.right for c in cur),
                                  top=top_y - max(c.top for c in cur), bottom=top_y - min(c.bottom for c in cur),
                                  size=size, bold=sum(c.bold for c in cur) * 2 > len(cur), stamp=True))
            cur.clear()

    for c in chars:
        if c.ch.isspace() or c.size < 2:
            flush()
            continue
        if cur:
            prev = cur[-1]
            gap = c.left - prev.right
            if gap > 0.3 * max(c.size, prev.size) or gap < -0.5 * c.size or abs(c.cy - prev.cy) > 0.5 * c.size:
                flush()
        cur.append(c)
    flush()
    return words


def _is_stamp(words: list[Word]) -> bool:
    """A short text on one line (a filled-in field), not a signature's
    name/agency/time block."""
    if not words:
        return False
    if sum(len(w.text) for w in words) + len(words) - 1 > MAX_STAMP_CHARS:
        return False
    size = max(w.size for w in words)
    return max(w.top for w in words) - min(w.top for w in words) <= 0.6 * size
