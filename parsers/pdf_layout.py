"""Page layout for PDF text (text layer or OCR): words → rows → lines →
paragraphs, in reading order.

The pieces, each a pure function over plain geometry (points, origin top-left):

* ``group_rows``: words sharing a baseline band form a row;
* ``split_segments``: a row splits where the horizontal gap is wide (several
  spaces), giving segments;
* ``find_bands``: runs of rows whose segments leave a common vertical white
  strip are side-by-side column regions (the two-column header of a
  Vietnamese administrative document: issuer left, national motto right; the
  signature block: "Nơi nhận" left, signer right);
* ``page_flows``: the page as flows of lines in reading order: full-width rows
  as they come, and inside a band each column's lines on their own;
* ``build_paragraphs``: lines → paragraphs (vertical gap, font change, list
  label, first-line indent, previous line ending short of the right margin);
* ``split_furniture``: repeated page headers/footers and lone page numbers.

Nothing here reads files; ``parsers.pdf_parser`` (text layer) and
``parsers.ocr`` (Tesseract words) feed it ``Word``s.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from statistics import median

from core import regex_cached as regex

from core.syllables import is_valid_syllable
from core.textutil import RX_TIMEOUT, rx_timeout

# --------------------------------------------------------------------------
# Geometry types
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    conf: float | None = None  # OCR confidence 0..1, None for a text layer
    line_id: int | None = None  # OCR line the word was read in
    par_id: int | None = None  # OCR paragraph (Tesseract block + paragraph) the word was read in
    stamp: bool = False  # stamped on the page by an annotation (a filled-in number/date), a word of its own

    @property
    def height(self) -> float:
        return self.bottom - self.top


class WordBox:
    """Bounding box and main font size of a run of words (``self.words``)."""

    __slots__ = ()
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return main_size(self.words)


@dataclass(slots=True)
class Line(WordBox):
    """Words of one visual line (within one column), left to right."""

    words: list[Word]
    marks: list[tuple[str, int]] = field(default_factory=list)  # footnote marks: (id, offset in text)
    text: str = ""
    glue: bool = False  # ends inside a word the layout broke across lines (joins the next line without a space)

    def __post_init__(self) -> None:
        self.words.sort(key=lambda w: w.x0)
        if not self.text:
            self.text = join_words(self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if w.text.strip())

    @property
    def italic(self) -> bool:
        return all(w.italic for w in self.words if w.text.strip())


def main_size(words: list[Word]) -> float:
    """The size most of the text is set in (weighted by characters)."""
    best: dict[float, int] = {}
    for w in words:
        k = round(w.size, 1)
        best[k] = best.get(k, 0) + len(w.text)
    return max(best, key=lambda k: (best[k], k)) if best else 10.0


def join_words(words: list[Word]) -> str:
    """Words left to right, a space only where the page shows one (pieces of
    one word split by a font change stay together)."""
    out: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None:
            gap = w.x0 - prev.x1
            if gap > 0.15 * min(prev.size, w.size) or prev.stamp or w.stamp:
                out.append(" ")
        out.append(w.text)
        prev = w
    return "".join(out)


def _is_mark(ch: str) -> bool:
    return unicodedata.combining(ch) != 0


_LETTERS = regex.compile(r"^\p{L}[\p{L}\p{M}]*$")


def _close(a: Word, b: Word) -> bool:
    """``b`` follows ``a`` on its line, near enough to be the rest of a word."""
    if a.stamp or b.stamp or not a.text or not b.text:
        return False
    size = min(a.size, b.size) or 1.0
    gap = b.x0 - a.x1
    if gap < -0.2 * size or gap > 0.6 * size:
        return False
    return min(a.bottom, b.bottom) - max(a.top, b.top) >= 0.5 * min(a.height, b.height)


def _piece_score(text: str) -> int:
    """+1 a syllable, -1 a run of letters that is none, 0 anything else
    (numbers, punctuation, an abbreviation like "UBND")."""
    if not _LETTERS.match(text, timeout=rx_timeout(text)):
        return 0
    t = unicodedata.normalize("NFC", text)
    if is_valid_syllable(t):
        return 1
    if sum(ch.isupper() for ch in t) >= 2 and t.isupper() and len(t) <= 8:
        return 0
    return -1


def _group_score(texts: list[str]) -> float | None:
    """Score of several pieces read as one word, None when they cannot be one:
    the letters at each junction must meet, the case may change only after a
    single capital ("B" + "ộ"), and a combining mark always joins."""
    for a, b in zip(texts, texts[1:]):
        if _is_mark(b[0]):
            continue
        if not (a[-1].isalpha() and b[0].isalpha()):
            return None
        if a.isupper() and b[0].islower() and len(a) > 1:
            return None  # "TP" + "huế"
        if not a.isupper() and b[0].isupper():
            return None  # "ha" + "Nội": a new word starts at a capital
    joined = unicodedata.normalize("NFC", "".join(texts))
    core = regex.sub(r"^[^\p{L}]+|[^\p{L}\p{M}]+$", "", joined, timeout=RX_TIMEOUT)
    if not _LETTERS.match(core, timeout=RX_TIMEOUT) or regex.search(r"\p{L}[^\p{L}\p{M}]+\p{L}", joined,
                                                                      timeout=RX_TIMEOUT):
        return None
    if any(_is_mark(t[0]) for t in texts[1:]):
        return 2 * len(texts)  # a mark cut off its letter: always one word
    score = _piece_score(core)
    if score > 0:
        # each cut at a precomposed letter that the join heals ("k|ế|t") counts for it
        score += 1.5 * sum(1 for a, b in zip(texts, texts[1:]) if not (a[-1].isascii() and b[0].isascii()))
    return score


def join_split_letters(words: list[Word]) -> list[Word]:
    """Words of a text layer with the pieces of one word joined again: some
    PDFs place a precomposed Vietnamese letter apart from its neighbours, and
    pdfplumber then cuts the word there ("B ộ", "k ế t qu ả").  Left as it is,
    the layer reads as garbled text and goes to OCR although it is good.

    Over each run of close pieces on a line, the grouping with the most
    syllables (a syllable +1, a non-syllable -1) is taken, ties going to the
    grouping whose joins span the smallest gaps; ``words`` in pdfplumber's
    order (lines top to bottom, left to right)."""
    out: list[Word] = []
    i = 0
    n = len(words)
    while i < n:
        j = i + 1
        while j < n and _close(words[j - 1], words[j]):
            j += 1
        out.extend(_best_grouping(words[i:j]) if j - i > 1 else words[i:j])
        i = j
    return out


def _best_grouping(run: list[Word]) -> list[Word]:
    n = len(run)
    # best[k] = (score, -inner gap, groups) for run[:k]
    best: list[tuple[float, float, list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, [])
    for k in range(1, n + 1):
        for size in range(1, min(4, k) + 1):
            prev = best[k - size]
            if prev is None:
                continue
            texts = [w.text for w in run[k - size:k]]
            sc = _piece_score(texts[0]) if size == 1 else _group_score(texts)
            if sc is None:
                continue
            gap = sum(max(0.0, run[m].x0 - run[m - 1].x1) for m in range(k - size + 1, k))
            cand = (prev[0] + sc, prev[1] - gap, prev[2] + [(k - size, k)])
            if best[k] is None or cand[:2] > best[k][:2]:
                best[k] = cand
    out: list[Word] = []
    for a, b in best[n][2]:
        if b - a == 1:
            out.append(run[a])
            continue
        ws = run[a:b]
        out.append(Word(
            text=unicodedata.normalize("NFC", "".join(w.text for w in ws)), x0=min(w.x0 for w in ws),
            x1=max(w.x1 for w in ws), top=min(w.top for w in ws), bottom=max(w.bottom for w in ws),
            size=max(w.size for w in ws), bold=all(w.bold for w in ws), italic=all(w.italic for w in ws),
            conf=ws[0].conf, line_id=ws[0].line_id, par_id=ws[0].par_id,
        ))
    return out


# --------------------------------------------------------------------------
# Rows and segments
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Row(WordBox):
    words: list[Word]
    core_top: float
    core_bottom: float
    segments: list[list[Word]] = field(default_factory=list)


TALL_WORD = 1.7  # a word this many times taller than the page's usual word is a blot, not a line's core


def _usual_height(words: list[Word]) -> float:
    """The height most words have (the median over words of two letters or
    more; punctuation and single glyphs are no measure)."""
    hs = sorted(w.height for w in words if sum(ch.isalnum() for ch in w.text) >= 2 and w.height > 0)
    return hs[len(hs) // 2] if len(hs) >= 8 else 0.0


def _counts(w: Word) -> bool:
    """A word of two letters or digits or more: what a row is made of (a bar,
    a dash, a dot or a lone mark, a rule or a speck the OCR read, is not)."""
    return sum(ch.isalnum() for ch in w.text) >= 2


def group_rows(words: list[Word]) -> list[Row]:
    """Words into rows by vertical overlap with the row's core (``_group_rows``).

    The rows are formed from the words of usual height; what a scan adds
    then joins them without moving them:

    * a word much taller than the page's usual word (a seal, a stamp, a
      signature or a smudge the OCR reads as letters; its box spans two
      lines of text) joins the row its middle is nearest to among those it
      overlaps by half their height;
    * a glyph (``_counts``: a dash, a dot, a bar) joins the row it overlaps
      most by half the lower height, or failing that (a dot, a mark no wider
      than the row is high) the row it comes nearest, within 0.3 of its
      height (0.5 for a row holding words of the OCR line the glyph was read
      in; such a row comes first); a rule of underscores under a line stays
      a row of its own.

    What joins no row forms rows of its own (a large title, a page number)."""
    usual = _usual_height(words)
    core: list[Word] = []
    tall: list[Word] = []
    glyphs: list[Word] = []
    for w in words:
        if not _counts(w):
            glyphs.append(w)
        elif usual > 0 and w.height > TALL_WORD * usual:
            tall.append(w)
        else:
            core.append(w)
    if not core or not (tall or glyphs):
        return _group_rows(words)
    rows = _group_rows(core)
    rest: list[Word] = []
    for w in tall:
        mid = (w.top + w.bottom) / 2
        best = None
        for r in rows:
            ov = min(w.bottom, r.core_bottom) - max(w.top, r.core_top)
            if ov >= 0.5 * (r.core_bottom - r.core_top):
                d = abs(mid - (r.core_top + r.core_bottom) / 2)
                if best is None or d < best[0]:
                    best = (d, r)
        if best is None:
            rest.append(w)
        else:
            best[1].words.append(w)
    for w in glyphs:
        best = None
        for r in rows:
            h = r.core_bottom - r.core_top
            ov = min(w.bottom, r.core_bottom) - max(w.top, r.core_top)
            same = w.line_id is not None and any(u.line_id == w.line_id for u in r.words)
            if ov >= 0.5 * min(w.height, h):
                key = (0, -ov / max(min(w.height, h), 1e-6))
            elif w.x1 - w.x0 <= h and -ov <= (0.5 if same else 0.3) * h:
                key = (1, -ov)  # a dot or a mark at the row's foot or head
            else:
                continue
            key = (0 if same else 1,) + key  # the OCR read it in a line of that row: it is of that row
            if best is None or key < best[0]:
                best = (key, r)
        if best is None:
            rest.append(w)
        else:
            best[1].words.append(w)
    rows += _group_rows(rest)
    rows.sort(key=lambda r: r.core_top)
    for r in rows:
        r.segments = split_segments(r.words)
    return rows


def _group_rows(words: list[Word]) -> list[Row]:
    """Words into rows by vertical overlap with the row's core: the median
    top and bottom of its words (a word's box on a scan is stretched by its
    accents and descenders, "thưởng" half as tall again as "văn"; the median
    keeps the row at its line). Only words of two letters or digits and more
    count: a bar, a dash or a lone mark (a rule or a speck the OCR read)
    never sets the row's extent (a row it opens takes its first word's)."""
    rows: list[Row] = []
    edges: list[tuple[list[float], list[float]]] = []  # per row: tops and bottoms of the words that count
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        counts = _counts(w)
        best: tuple[float, int] | None = None  # (share of the overlap, row) of the recent rows it overlaps most
        for k in range(len(rows) - 1, max(-1, len(rows) - 5), -1):
            row = rows[k]
            ov = min(w.bottom, row.core_bottom) - max(w.top, row.core_top)
            least = min(w.height, row.core_bottom - row.core_top)
            if ov >= 0.5 * least and (best is None or ov / max(least, 1e-6) > best[0]):
                best = (ov / max(least, 1e-6), k)
        if best is not None:
            k = best[1]
            row = rows[k]
            row.words.append(w)
            if counts:  # (a row opened by a glyph takes the extent of its first word)
                tops, bottoms = edges[k]
                tops.append(w.top)
                bottoms.append(w.bottom)
                row.core_top, row.core_bottom = median(tops), median(bottoms)
        else:
            rows.append(Row([w], w.top, w.bottom))
            edges.append(([w.top], [w.bottom]) if counts else ([], []))
    rows.sort(key=lambda r: r.core_top)
    for r in rows:
        r.segments = split_segments(r.words)
    return rows


SEGMENT_GAP_EM = 1.5  # a horizontal gap wider than this many ems separates segments


def split_segments(words: list[Word]) -> list[list[Word]]:
    ws = sorted(words, key=lambda w: w.x0)
    segs: list[list[Word]] = []
    # the last segment's right edge and its characters per size, kept as words join it
    # (the same values as ``max(x1)`` and ``main_size`` over it, without a pass per word)
    right = 0.0
    chars: dict[float, int] = {}
    for w in ws:
        if segs:
            size = max(max(chars, key=lambda k: (chars[k], k)), w.size)
            if w.x0 - right <= SEGMENT_GAP_EM * size:
                segs[-1].append(w)
                right = max(right, w.x1)
                k = round(w.size, 1)
                chars[k] = chars.get(k, 0) + len(w.text)
                continue
        segs.append([w])
        right = w.x1
        chars = {round(w.size, 1): len(w.text)}
    return segs


def _seg_span(seg: list[Word]) -> tuple[float, float]:
    return min(w.x0 for w in seg), max(w.x1 for w in seg)


# --------------------------------------------------------------------------
# Column bands
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Band:
    first: int  # row index range [first, last]
    last: int
    split: float  # x of the white strip between the columns
    row_splits: dict[int, float] = field(default_factory=dict)  # rows split elsewhere (narrow gap)

    def split_for(self, row: int) -> float:
        return self.row_splits.get(row, self.split)


def _narrow(strip: tuple[float, float], row: Row) -> tuple[float, float] | None:
    """The part of ``strip`` this row leaves white (largest piece), or None
    when a segment crosses it."""
    lo, hi = strip
    pieces = [(lo, hi)]
    for seg in row.segments:
        s0, s1 = _seg_span(seg)
        nxt = []
        for a, b in pieces:
            if s1 <= a or s0 >= b:
                nxt.append((a, b))
                continue
            if s0 > a:
                nxt.append((a, s0))
            if s1 < b:
                nxt.append((s1, b))
        pieces = nxt
    pieces = [p for p in pieces if p[1] - p[0] >= 4.0]
    if not pieces:
        return None
    # the piece must still separate: something on each side in the row, or a
    # single segment entirely on one side
    return max(pieces, key=lambda p: p[1] - p[0])


def _side_ok(row: Row, strip: tuple[float, float]) -> bool:
    for seg in row.segments:
        s0, s1 = _seg_span(seg)
        if s0 < strip[1] and s1 > strip[0]:
            return False
    return True


def find_bands(rows: list[Row]) -> list[Band]:
    """Side-by-side column regions: consecutive rows sharing a white strip,
    with at least two rows having text on both sides (or one row whose gap
    is very wide)."""
    bands: list[Band] = []
    i = 0
    n = len(rows)
    while i < n:
        row = rows[i]
        if len(row.segments) < 2:
            i += 1
            continue
        best: tuple[int, int, tuple[float, float]] | None = None  # (multi count, last, strip)
        segs = row.segments
        for k in range(len(segs) - 1):
            strip = (_seg_span(segs[k])[1], _seg_span(segs[k + 1])[0])
            multi, last, cur = 1, i, strip
            j = i + 1
            while j < n:
                r = rows[j]
                if r.top - rows[j - 1].bottom > 6 * max(r.size, rows[j - 1].size):
                    break
                nxt = _narrow(cur, r)
                if nxt is None:
                    break
                if _two_sided(r, nxt):
                    multi += 1
                    last = j
                cur = nxt
                j += 1
            if best is None or (multi, cur[1] - cur[0]) > (best[0], best[2][1] - best[2][0]):
                best = (multi, last, cur if last > i else strip)
        assert best is not None
        multi, last, strip = best
        wide = strip[1] - strip[0] >= 3 * row.size
        if multi >= 2 or wide:
            # interior rows are in; extend down with rows aligned to a column
            band = Band(i, last, (strip[0] + strip[1]) / 2)
            _extend_down(rows, band, strip)
            last = band.last
            _extend_up(rows, band, strip, bands[-1].last if bands else -1)
            bands.append(band)
            i = last + 1
        else:
            i += 1
    return bands


def _extend_up(rows: list[Row], band: Band, strip: tuple[float, float], floor: int) -> None:
    """Rows just above the band whose columns are closer than a segment gap
    (the first header row: "VĂN PHÒNG CHÍNH PHỦ  CỘNG HÒA XÃ HỘI…") join the
    band when a word gap of at least half an em meets the band's strip."""
    j = band.first - 1
    while j > floor:
        r = rows[j]
        if rows[j + 1].top - r.bottom > 2 * r.size:
            break
        ws = sorted(r.words, key=lambda w: w.x0)
        best = None
        for a, b in zip(ws, ws[1:]):
            g0, g1 = a.x1, b.x0
            if g1 - g0 >= 0.5 * r.size and g0 < strip[1] and g1 > strip[0]:
                if best is None or g1 - g0 > best[1] - best[0]:
                    best = (g0, g1)
        if best is not None:
            band.row_splits[j] = (best[0] + best[1]) / 2
        elif _runs_on_from(rows, j, strip) or not (
                _side_ok(r, strip) and _aligned(r, _anchors(rows, band.first, band.last, strip), strip)):
            break
        band.first = j
        j -= 1


def _runs_on_from(rows: list[Row], j: int, strip: tuple[float, float]) -> bool:
    """Row ``j`` is the end of a sentence wrapped from the full-width row
    above it (which crosses the band's strip, stops at no sentence end and
    sits at the usual line distance, in the same size): it belongs to that
    paragraph, not to the band below, whatever it happens to line up with."""
    if j == 0:
        return False
    above, r = rows[j - 1], rows[j]
    if _side_ok(above, strip) or abs(above.size - r.size) >= 1.0:
        return False
    text = join_words(sorted(above.words, key=lambda w: w.x0))
    if text[-1:] in ".:;!?":
        return False
    return r.top - above.bottom <= 0.8 * max(r.size, above.size)


def _two_sided(row: Row, strip: tuple[float, float]) -> bool:
    left = any(_seg_span(s)[1] <= strip[0] + 0.5 for s in row.segments)
    right = any(_seg_span(s)[0] >= strip[1] - 0.5 for s in row.segments)
    return left and right


def _anchors(rows: list[Row], first: int, last: int, strip: tuple[float, float]) -> list[tuple[float, float, bool]]:
    """(left edge, centre, is left column) of every segment in the band."""
    mid = (strip[0] + strip[1]) / 2
    out: list[tuple[float, float, bool]] = []
    for r in rows[first:last + 1]:
        for seg in r.segments:
            s0, s1 = _seg_span(seg)
            out.append((s0, (s0 + s1) / 2, s1 <= mid))
    return out


def _aligned(r: Row, anchors: list[tuple[float, float, bool]], strip: tuple[float, float]) -> bool:
    """Every segment of the row lines up (left edge or centre) with a line of
    the same column."""
    mid = (strip[0] + strip[1]) / 2
    for seg in r.segments:
        s0, s1 = _seg_span(seg)
        is_left = s1 <= mid
        tol = 0.5 * main_size(seg)
        if not any(a_left == is_left and (abs(a0 - s0) <= tol or abs(ac - (s0 + s1) / 2) <= tol)
                   for a0, ac, a_left in anchors):
            return False
    return True


def _extend_down(rows: list[Row], band: Band, strip: tuple[float, float]) -> None:
    """Rows below the band that line up with one of its columns join it.

    A row close under the previous one (a wrapped line: the second line of
    "V/v …" under "Số: …") adds its own lines as anchors, so a subject centred
    under the number still lines up with the line above it. A row whose
    columns are closer than a segment gap ("(V/v quản lý hoạt động giáo viên
    Đà Nẵng, ngày 02 …") joins with a split of its own when a word gap of at
    least an em (and well over the row's usual word space) meets the band's
    strip and both sides start where a line of their column starts."""
    anchors = _anchors(rows, band.first, band.last, strip)
    j = band.last + 1
    while j < len(rows):
        r = rows[j]
        gap = r.top - rows[j - 1].bottom
        if gap > 6 * max(r.size, rows[j - 1].size):
            break
        close = gap <= 2 * max(r.size, rows[j - 1].size)
        if _side_ok(r, strip) and _aligned(r, anchors, strip):
            if close:
                anchors.extend(_anchors(rows, j, j, strip))
        else:
            gap_at = _word_gap_split(r, strip, anchors) if close else None
            if gap_at is None:
                break
            band.row_splits[j] = (gap_at[0] + gap_at[1]) / 2
            strip = (max(strip[0], gap_at[0]), min(strip[1], gap_at[1]))  # the columns as wide as this row shows
        band.last = j
        j += 1


def _word_gap_split(r: Row, strip: tuple[float, float],
                    anchors: list[tuple[float, float, bool]]) -> tuple[float, float] | None:
    """Where a row splits into the band's two columns: the widest word gap
    (its two edges) of at least an em and 2.5 usual word spaces meeting the
    strip, with each side starting at (or centred on) a line of its own
    column; None when there is none."""
    ws = sorted(r.words, key=lambda w: w.x0)
    gaps = sorted(b.x0 - a.x1 for a, b in zip(ws, ws[1:]))
    if not gaps:
        return None
    usual = gaps[(len(gaps) - 1) // 2]  # the row's own word space (wide in a monospaced font)
    best: tuple[float, float] | None = None
    for k in range(1, len(ws)):
        g0, g1 = ws[k - 1].x1, ws[k].x0
        if g1 - g0 < max(r.size, 2.5 * usual) or not (g0 < strip[1] and g1 > strip[0]):
            continue
        sides = (ws[:k], ws[k:])
        if all(_starts_column(side, anchors, is_left) for side, is_left in zip(sides, (True, False))):
            if best is None or g1 - g0 > best[1] - best[0]:
                best = (g0, g1)
    return best


def _starts_column(words: list[Word], anchors: list[tuple[float, float, bool]], is_left: bool) -> bool:
    s0, s1 = words[0].x0, max(w.x1 for w in words)
    tol = 0.5 * main_size(words)
    return any(a_left == is_left and (abs(a0 - s0) <= tol or abs(ac - (s0 + s1) / 2) <= tol)
               for a0, ac, a_left in anchors)


# --------------------------------------------------------------------------
# Flows: the page in reading order
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Flow:
    """Lines read one after the other, within horizontal bounds."""

    lines: list[Line]
    left: float
    right: float
    column: int = 0  # 0 = full width; 1.. = column inside a band


def _row_line(words: list[Word]) -> Line:
    return Line(list(words))


def reading_order(rows: list[Row], bands: list[Band], left: float, right: float,
                  inserts: list[tuple[int, int, object]] = ()) -> list[object]:
    """The rows as ``Flow``s in reading order; ``inserts`` (first row, last
    row, item) replace those rows by the item (a table found among them)."""
    out: list[object] = []
    cur: list[Line] = []
    starts: dict[int, tuple[str, int, object]] = {}
    for b in bands:
        starts[b.first] = ("band", b.last, b)
    for first, last, item in inserts:
        starts[first] = ("item", last, item)
    i = 0
    while i < len(rows):
        if i in starts:
            kind, last, obj = starts[i]
            if cur:
                out.append(Flow(cur, left, right))
                cur = []
            if kind == "item":
                out.append(obj)
            else:
                band = obj
                left_lines: list[Line] = []
                right_lines: list[Line] = []
                for ri in range(band.first, band.last + 1):
                    r = rows[ri]
                    split = band.split_for(ri)
                    lw = [w for w in r.words if (w.x0 + w.x1) / 2 < split]
                    rw = [w for w in r.words if (w.x0 + w.x1) / 2 >= split]
                    if lw:
                        left_lines.append(lift_marks(Line(lw)))
                    if rw:
                        right_lines.append(lift_marks(Line(rw)))
                # each column's own extent: its lines are centred in it
                for k, col in enumerate((left_lines, right_lines)):
                    if col:
                        out.append(Flow(col, min(ln.x0 for ln in col), max(ln.x1 for ln in col), column=k + 1))
            i = last + 1
            continue
        cur.append(lift_marks(Line(list(rows[i].words))))
        i += 1
    if cur:
        out.append(Flow(cur, left, right))
    return out


def page_flows(words: list[Word], left: float | None = None, right: float | None = None) -> list[Flow]:
    """The words as flows of lines in reading order (column bands found)."""
    if not words:
        return []
    rows = group_rows(words)
    left = min(w.x0 for w in words) if left is None else left
    right = max(w.x1 for w in words) if right is None else right
    return [f for f in reading_order(rows, find_bands(rows), left, right) if isinstance(f, Flow)]


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------

LIST_LABEL = regex.compile(
    r"^(?:[-–—+•*▪●○■□◦]\s"
    r"|\d{1,3}(?:\.\d{1,3}){0,4}[.)]\s?"
    r"|\d{1,3}(?:\.\d{1,3}){1,4}\s"
    r"|[a-zđ][.)]\s"
    r"|\([a-zđ0-9]{1,3}\)\s"
    r"|[IVXLC]{1,6}[.)]\s"
    r"|(?:Điều|Chương|Mục|Phần|Phụ lục)\s+[0-9IVXLC]{1,6}\b)",
)


_GLUED_DASH = regex.compile(r"^[-–—+•]\p{Lu}")
_WORD_LABEL = regex.compile(r"^(?:Điều|Chương|Mục|Phần|Phụ lục)\s")


def has_list_label(text: str) -> bool:
    return LIST_LABEL.match(text, timeout=rx_timeout(text)) is not None


@dataclass(slots=True)
class ParaDraft:
    lines: list[Line]
    align: str | None = None
    open_end: bool = False  # last line runs to the right margin without closing punctuation
    plain_start: bool = False  # first line at the left margin, no list label (could continue a paragraph)
    room: float = 0.0  # horizontal room left at the end of the last line (points)

    @property
    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines], [ln.glue for ln in self.lines])

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def size(self) -> float:
        return main_size([w for ln in self.lines for w in ln.words])

    @property
    def bold(self) -> bool:
        return all(ln.bold for ln in self.lines)

    @property
    def italic(self) -> bool:
        return all(ln.italic for ln in self.lines)

    def marks(self) -> list[tuple[str, int]]:
        """Footnote marks with offsets in ``text``."""
        out: list[tuple[str, int]] = []
        base = 0
        for k, ln in enumerate(self.lines):
            if k:
                prev = self.lines[k - 1]
                base += 0 if (prev.glue or _glued(prev.text)) else 1
            out.extend((m, base + off) for m, off in ln.marks)
            base += len(ln.text)
        return out


def _glued(prev: str) -> bool:
    """A line ending in a hyphen attached to a word joins the next line
    without a space ("2021-" + "2030")."""
    return len(prev) >= 2 and prev.endswith("-") and not prev[-2].isspace()


def join_lines(texts: list[str], glue: list[bool] | None = None) -> str:
    """Lines into one text: a space between lines, none after a line ending
    in a word hyphen or a line marked in ``glue`` (a broken word)."""
    out = ""
    for k, t in enumerate(texts):
        if k and not _glued(texts[k - 1]) and not (glue and glue[k - 1]):
            out += " "
        out += t
    return out


def _broken_word(prev: Line, ln: Line, flow: Flow) -> bool:
    """``prev`` is one word filling the whole line width, and ``ln`` starts
    with the rest of it: a word longer than the line (a long code like
    "1548-QĐ/TU" in a narrow table column) that the layout broke between
    two letters. Geometry alone cannot tell that from a short line wrapped
    at a space, so the rest must not read as a word of its own (not a
    Vietnamese syllable: "g", "VTU", "-CP"), or the line is a code (digits,
    slashes) going on in capitals or digits."""
    if len(prev.words) != 1 or " " in prev.text or not ln.words:
        return False
    size = max(prev.size, ln.size)
    if not (prev.x0 - flow.left < 0.9 * size and flow.right - prev.x1 < 0.9 * size):
        return False
    from core.syllables import is_valid_syllable

    head = ln.text.split(" ", 1)[0]
    if not prev.text[-1:].isalnum() or not head or not (head[0].isalnum() or head[0] in "-/."):
        return False
    if prev.text[-1].islower() and head[0].isupper():
        return False  # "phòng" + "UBND" in a narrow cell: a capital after a small letter starts a word
    letters = regex.match(r"[\p{L}\p{N}]*", head.lstrip("-/."), timeout=RX_TIMEOUT).group()
    if not letters or not is_valid_syllable(letters):
        return True
    code = any(ch.isdigit() or ch == "/" for ch in prev.text)
    return code and (head[0].isupper() or head[0].isdigit())


def first_word_width(line: Line) -> float:
    """Width of the line's first word (points)."""
    return _first_word_width(line)


def _first_word_width(line: Line) -> float:
    w = line.words[0]
    return w.x1 - w.x0


def line_gap(gaps: list[float]) -> float:
    """The usual gap between the lines of one paragraph: the smallest
    gap size (within a point) that several line pairs share — not the
    median, which a page of short one-line paragraphs (list rows, unit
    names) pushes up to the gap between paragraphs."""
    if not gaps:
        return 0.0
    ordered = sorted(gaps)
    need = max(2, round(0.25 * len(ordered)))
    groups: list[list[float]] = []
    for g in ordered:
        if groups and g - groups[-1][0] <= 1.5:
            groups[-1].append(g)
        else:
            groups.append([g])
    for grp in groups:
        if len(grp) >= need:
            return median(grp)
    return median(ordered)


def build_paragraphs(flow: Flow) -> list[ParaDraft]:
    """Rebuild paragraphs from the flow's lines."""
    lines = flow.lines
    if not lines:
        return []
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if abs(a.size - b.size) < _size_step(a, b)]
    gaps = [g for g in gaps if g > -5]
    usual_gap = line_gap(gaps)
    width = flow.right - flow.left
    paras: list[ParaDraft] = []
    cur: list[Line] = [lines[0]]
    for prev, ln in zip(lines, lines[1:]):
        if _breaks(prev, ln, cur, usual_gap, flow, width):
            paras.append(ParaDraft(cur))
            cur = [ln]
        else:
            cur.append(ln)
    paras.append(ParaDraft(cur))
    for p in paras:
        for prev, ln in zip(p.lines, p.lines[1:]):
            prev.glue = _broken_word(prev, ln, flow)
        p.align = _alignment(p, flow)
        last, first = p.lines[-1], p.lines[0]
        p.room = _room(last, p.lines, flow)
        p.open_end = (flow.right - last.x1 < 1.5 * last.size and last.text[-1:] not in ".:;!?"
                      and p.align != "center")
        p.plain_start = (first.x0 - flow.left < 0.8 * first.size and not has_list_label(first.text)
                         and not _ocr_bullet(first)
                         and flow.column == 0)
    return paras


def _breaks(prev: Line, ln: Line, cur: list[Line], usual_gap: float, flow: Flow, width: float) -> bool:
    size = max(prev.size, ln.size)
    gap = ln.top - prev.bottom
    # lines Tesseract read as one paragraph: its spacing and sizes (box
    # heights, which diacritics make jitter) were judged already
    same_par = _same_ocr_par(prev, ln)
    if gap > usual_gap + 0.45 * size and not same_par:
        return True
    if gap < -0.5 * size:  # went back up: a different flow of text
        return True
    if abs(prev.size - ln.size) >= _size_step(prev, ln) and not same_par:
        return True
    if flow.column and ln.text[:1].isupper() and prev.text[-1:] not in ",-–(":
        # inside a header/signature column each capitalised line is its own
        # item (issuer, "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", signer's name)
        return True
    if prev.text[-1:] in ".:;" and _GLUED_DASH.match(ln.text, timeout=rx_timeout(ln.text)):
        # "-UBND các huyện" after "…của tỉnh;": a dash item whose space the
        # typist (or the OCR) left out
        return True
    if (has_list_label(ln.text) or _ocr_bullet(ln)) and not _closes_bracket(prev, ln):
        # "Phần I", "Mục IV" at the start of a wrapped line are words of the
        # sentence, not headings, when the previous line is full
        if not (_WORD_LABEL.match(ln.text, timeout=rx_timeout(ln.text)) and prev.text[-1:] not in ".:;!?"
                and _room(prev, cur, flow) < 3 * size):
            return True
    # the next line's first word would have fitted on the previous line
    room = _room(prev, cur, flow)
    if (_centred(prev, flow) and _full(ln, flow) and ln.x0 - flow.left < 0.8 * size
            and not (_is_ocr(prev) or _is_ocr(ln))):
        # an indented first line that stops short of a ragged right margin looks
        # centred; under it a line running from margin to margin says it is not
        room = flow.right - prev.x1
    if room > _first_word_width(ln) + 0.6 * size:
        # ... unless the sentence plainly goes on (a manual line break):
        # same style, and the next line starts in lower case
        goes_on = (ln.text[:1].islower() and prev.text[-1:] not in ".:;!?"
                   and prev.bold == ln.bold and prev.italic == ln.italic)
        if not goes_on:
            return True
    if (prev.bold != ln.bold or prev.italic != ln.italic) and not ln.text[:1].islower() \
            and not _runs_on(prev, ln):
        # a change of emphasis at the start of a new sentence: heading / body
        return True
    # first-line indent (not a hanging indent under a list label; not centred lines)
    if ln.x0 > prev.x0 + 0.8 * size and not (_centred(prev, flow) and _centred(ln, flow)) \
            and not (_full(prev, flow) and _centred(ln, flow, 0.8)):
        hanging = prev is cur[0] and (has_list_label(prev.text) or _ocr_bullet(prev)) and any(abs(w.x0 - ln.x0) <= 2.0 for w in prev.words[1:])
        if not hanging:
            return True
    return False


def _closes_bracket(prev: Line, ln: Line) -> bool:
    """``ln`` starts with what reads as a label "766)" but closes a bracket
    the previous line left open ("(gọi tắt là" ⏎ "766). Tham dự…")."""
    head = ln.text.split(" ", 1)[0]
    return head.rstrip(".,;:").endswith(")") and "(" not in head and prev.text.count("(") > prev.text.count(")")


def _ocr_bullet(line: Line) -> bool:
    """An OCR line starting with a bullet the OCR read as a letter or a
    sign ("•" → "e", "®", "e©"): a glyph of at most two characters, narrower
    than half an em, set apart from a capitalised word or a number."""
    if len(line.words) < 2 or not _is_ocr(line):
        return False
    a, b = line.words[0], line.words[1]
    size = line.size
    return (len(a.text) <= 2 and not a.text.isdigit() and a.x1 - a.x0 <= 0.5 * size
            and b.x0 - a.x1 >= 0.6 * size and (b.text[:1].isupper() or b.text[:1].isdigit()))


def _is_ocr(line: Line) -> bool:
    return any(w.conf is not None for w in line.words)


def _same_ocr_par(prev: Line, ln: Line) -> bool:
    """Both lines lie wholly in one paragraph as Tesseract found it."""
    ids = {w.par_id for w in prev.words} | {w.par_id for w in ln.words}
    return len(ids) == 1 and None not in ids


def _size_step(prev: Line, ln: Line) -> float:
    """How far two lines' sizes must differ to be two sizes of type: a
    point in a text layer; for OCR, whose sizes come from box heights, a
    fifth of the size."""
    if _is_ocr(prev) and _is_ocr(ln):
        return max(1.0, 0.2 * max(prev.size, ln.size))
    return 1.0


def _runs_on(prev: Line, ln: Line) -> bool:
    """The emphasis changes inside a sentence, not between a heading and
    the body: ``prev`` stops at no sentence end and ``ln`` starts in the
    emphasis ``prev`` ended in (a bold run wrapped onto the next line and
    closed there: "(Thời hạn … về Bộ Nội vụ" ⏎ "trước ngày 20/3/2026)" in
    bold, then "./." plain). A heading line followed by body text changes
    emphasis right at the line break."""
    if prev.text[-1:] in ".:;!?" or not prev.words or not ln.words:
        return False
    a, b = prev.words[-1], ln.words[0]
    return a.bold == b.bold and a.italic == b.italic


def _full(line: Line, flow: Flow) -> bool:
    """The line spans the flow's whole width (so it may be centred too)."""
    return line.x0 - flow.left < 1.5 * line.size and flow.right - line.x1 < 1.5 * line.size


def _centred(line: Line, flow: Flow, min_slack: float = 1.5) -> bool:
    """Centred in the flow: as much room on either side, at least
    ``min_slack`` ems."""
    left_slack = line.x0 - flow.left
    right_slack = flow.right - line.x1
    return left_slack > min_slack * line.size and abs(left_slack - right_slack) < 0.05 * (flow.right - flow.left) + 3


def _room(prev: Line, cur: list[Line], flow: Flow) -> float:
    """Horizontal room left on ``prev`` for more words."""
    if _centred(prev, flow):
        return (prev.x0 - flow.left) + (flow.right - prev.x1)
    return flow.right - prev.x1


def _alignment(p: ParaDraft, flow: Flow) -> str | None:
    last = p.lines[-1]
    ls = last.x0 - flow.left
    rs = flow.right - last.x1
    size = p.size
    if ls > 1.5 * size and abs(ls - rs) < 0.05 * (flow.right - flow.left) + 3:
        return "center"
    if len(p.lines) > 1 and all(flow.right - ln.x1 < 0.5 * size for ln in p.lines[:-1]):
        return "justify"
    if rs < 0.5 * size and ls > 3 * size:
        return "right"
    return "left"


# --------------------------------------------------------------------------
# Footnote marks (superscripts)
# --------------------------------------------------------------------------

_MARK = regex.compile(r"^(?:\d{1,3}|\*{1,3}|\(\d{1,3}\))$")


def lift_marks(line: Line) -> Line:
    """Take superscript footnote marks out of the line text and keep their
    offsets (``Line.marks``)."""
    size = line.size
    base_bottom = median([w.bottom for w in line.words if abs(w.size - size) < 0.6] or [line.bottom])
    keep: list[Word] = []
    marks: list[tuple[Word, int]] = []
    for k, w in enumerate(line.words):
        if (w.size <= 0.8 * size and w.bottom < base_bottom - 0.12 * size and k > 0
                and _MARK.match(w.text, timeout=rx_timeout(w.text))):
            marks.append((w, len(keep)))
        else:
            keep.append(w)
    if not marks or not keep:
        return line
    text_parts: list[str] = []
    offsets: list[tuple[str, int]] = []
    # rebuild the text, recording where each mark falls
    mi = 0
    prev: Word | None = None
    for idx, w in enumerate(keep):
        while mi < len(marks) and marks[mi][1] == idx:
            offsets.append((marks[mi][0].text.strip("()"), len("".join(text_parts))))
            mi += 1
        if prev is not None and w.x0 - prev.x1 > 0.15 * min(prev.size, w.size):
            # a space that the mark sat in front of stays after the mark
            text_parts.append(" ")
        text_parts.append(w.text)
        prev = w
    while mi < len(marks):
        offsets.append((marks[mi][0].text.strip("()"), len("".join(text_parts))))
        mi += 1
    out = Line(keep, marks=offsets, text="".join(text_parts))
    return out


# --------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------

PAGE_NUMBER = regex.compile(
    r"^(?:[-–—]\s*)?(?:(?:Trang|trang|Page|page)\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$"
)
_DIGITS = regex.compile(r"\d+")


def is_page_number(text: str) -> bool:
    return PAGE_NUMBER.match(text.strip(), timeout=RX_TIMEOUT) is not None


def furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.strip(), timeout=RX_TIMEOUT).casefold()
