"""Plain-text and markdown documents (``.txt`` / ``.md``), as text extracted
from PDFs is: hard-wrapped lines (often a blank line after every line), page
furniture, footnotes at page bottoms, markdown pipe tables with ``<br>`` /
``<b>`` / ``<i>`` in cells, tab-separated tables, ``**bold**`` / ``*italic*``
/ ``#`` headings.

The parse runs in steps, each a small function:

1. decode the bytes (UTF-8/UTF-16 with or without BOM, else an 8-bit code
   page) and normalise the text (``normalize_document_text``: legacy
   TCVN3/VNI fonts converted, NFC, clean spaces);
2. inline markup becomes private-use sentinels (``_markup``) so styles can be
   followed across wrapped lines and removed from the text;
3. the text is cut into classified lines (``_lines``): prose, table rows,
   rules, separators, page numbers, blank-line counts before each line;
4. page breaks are found (form feeds; in double-spaced extractions a line
   that follows without the usual blank line and starts indented; lone page
   numbers after a larger gap); footnote areas at page bottoms and page
   numbers go out of the body;
5. prose lines are joined into paragraphs by ``joins`` (see its docstring for
   the rules), tables are built, and ``core.tables.stitch_tables`` joins
   the pieces of a table split by a page break;
6. footnote marks in the body are linked to the footnotes of their page.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core import regex_cached as regex

from core.errors import DocumentError
from core.model import (
    Block,
    Document,
    Footnote,
    FootnoteRef,
    PageInfo,
    Paragraph,
    ParagraphStyle,
    SourceInfo,
    Table,
    TableContinuation,
)
from core.normalize import normalize_document_text
from core.syllables import is_valid_syllable
from core.tables import detect_header_rows, make_cell, stitch_tables
from core.textutil import RX_TIMEOUT, fold, rx_timeout

# --------------------------------------------------------------------------
# 1. bytes -> text
# --------------------------------------------------------------------------


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of a file and the charset it was read with.

    UTF-8 (with or without BOM) and UTF-16 (BOM, or NUL bytes on every other
    position) are recognised; anything else is read as Windows-1252 byte by
    byte (bytes that code page leaves undefined become the same code point),
    which is how text typed with legacy Vietnamese 8-bit fonts arrives — the
    legacy converter then maps it to Unicode."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        odd_nuls = head[1::2].count(0)
        even_nuls = head[0::2].count(0)
        enc = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out), "cp1252"


_BINARY_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _check_text(path: Path, text: str) -> None:
    sample = text[:20000]
    if sample and len(_BINARY_CONTROLS.findall(sample, timeout=rx_timeout(sample))) > max(8, len(sample) // 100):
        raise DocumentError(str(path), "binary content, not a text file")


# --------------------------------------------------------------------------
# 2. inline markup -> sentinels
# --------------------------------------------------------------------------

B_ON, B_OFF, I_ON, I_OFF, BR = "\ue001", "\ue002", "\ue003", "\ue004", "\ue005"
_SENTINELS = regex.compile("[\ue001-\ue005]")

# a span that does not cross a blank line or a table cell border
_SPAN = r"(?:[^*|\n]|\n(?![ \t]*\n)){1,3000}?"
_MD_BOLD = regex.compile(r"(?<!\\)\*\*(?=[^\s*])(" + _SPAN + r")(?<=[^\s*\\])\*\*")
_MD_BOLD_ITALIC = regex.compile(r"(?<!\\)\*\*\*(?=[^\s*])(" + _SPAN + r")(?<=[^\s*\\])\*\*\*")
_MD_ITALIC = regex.compile(r"(?<![\\*\w])\*(?=[^\s*)])(" + _SPAN + r")(?<=[^\s*(\\])\*(?![*\w])")
_HTML_BOLD = regex.compile(r"<(?:b|strong)>((?:(?!</?(?:b|strong)>)[^\n|]){0,3000}?)</(?:b|strong)>", regex.IGNORECASE)
_HTML_ITALIC = regex.compile(r"<(?:i|em)>((?:(?!</?(?:i|em)>)[^\n|]){0,3000}?)</(?:i|em)>", regex.IGNORECASE)
_HTML_BR = regex.compile(r"<br\s{0,3}/?>", regex.IGNORECASE)
_HTML_OTHER = regex.compile(r"</?(?:b|strong|i|em|u|p|span|sup|sub|font|div|center)\b[^<>\n]{0,200}>", regex.IGNORECASE)
_MD_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


def _markup(text: str) -> str:
    """Inline markup replaced by sentinels (bold/italic on/off, cell line
    break); unmatched tags removed."""
    t = _HTML_BR.sub(BR, text, timeout=RX_TIMEOUT)
    t = _HTML_BOLD.sub(lambda m: B_ON + m.group(1) + B_OFF, t, timeout=RX_TIMEOUT)
    t = _HTML_ITALIC.sub(lambda m: I_ON + m.group(1) + I_OFF, t, timeout=RX_TIMEOUT)
    t = _HTML_OTHER.sub("", t, timeout=RX_TIMEOUT)
    t = _MD_BOLD_ITALIC.sub(lambda m: B_ON + I_ON + m.group(1) + I_OFF + B_OFF, t, timeout=RX_TIMEOUT)
    t = _MD_BOLD.sub(lambda m: B_ON + m.group(1) + B_OFF, t, timeout=RX_TIMEOUT)
    t = _MD_ITALIC.sub(lambda m: I_ON + m.group(1) + I_OFF, t, timeout=RX_TIMEOUT)
    return t


def plain(text: str) -> str:
    return _SENTINELS.sub("", text, timeout=RX_TIMEOUT)


@dataclass(slots=True)
class Styled:
    """A piece of text without sentinels, with which characters were bold
    and italic (the style state runs on from the text before)."""

    text: str
    bold: list[bool]
    italic: list[bool]

    def all_bold(self) -> bool:
        flags = [b for ch, b in zip(self.text, self.bold) if not ch.isspace()]
        return bool(flags) and all(flags)

    def all_italic(self) -> bool:
        flags = [b for ch, b in zip(self.text, self.italic) if not ch.isspace()]
        return bool(flags) and all(flags)


class StyleState:
    def __init__(self) -> None:
        self.bold = 0
        self.italic = 0

    def read(self, text: str) -> Styled:
        out: list[str] = []
        bold: list[bool] = []
        italic: list[bool] = []
        for ch in text:
            if ch == B_ON:
                self.bold += 1
            elif ch == B_OFF:
                self.bold = max(0, self.bold - 1)
            elif ch == I_ON:
                self.italic += 1
            elif ch == I_OFF:
                self.italic = max(0, self.italic - 1)
            elif ch == BR:
                out.append("\n")
                bold.append(self.bold > 0)
                italic.append(self.italic > 0)
            else:
                out.append(ch)
                bold.append(self.bold > 0)
                italic.append(self.italic > 0)
        return Styled(_MD_ESCAPE.sub(r"\1", "".join(out), timeout=RX_TIMEOUT) if "\\" in out else "".join(out),
                      bold, italic)


# --------------------------------------------------------------------------
# 3. lines
# --------------------------------------------------------------------------

_MD_ROW = regex.compile(r"^\s{0,3}\|.*\|\s*$")
_MD_SEP = regex.compile(r"^\s{0,3}\|?(?:\s*:?-{1,}:?\s*\|)+\s*(?::?-{1,}:?\s*)?\|?\s*$")
_RULE = regex.compile(r"^\s*(?:[-_=~*¯─━.·•]\s*){5,}$")
_HEADING = regex.compile(r"^\s{0,3}(#{1,6})\s+")
_PAGE_NUMBER = regex.compile(
    r"^(?:[-–—]\s{0,2})?(?:(?:Trang|trang|Page|page)\s{1,2})?(\d{1,3})(?:\s{0,2}/\s{0,2}\d{1,3})?(?:\s{0,2}[-–—])?$"
)
# A page marker a converter writes between pages: "----- [Trang 2] -----", "=== Page 3 ===", "[TRANG 1]".
_PAGE_MARK = regex.compile(
    r"^(?:[-=_*~#]{2,}\s{0,3})?[\[(<]?\s{0,2}(?:Trang|trang|TRANG|Page|page|PAGE)\s{1,2}(\d{1,4})"
    r"(?:\s{0,2}/\s{0,2}\d{1,4})?\s{0,2}[\])>]?(?:\s{0,3}[-=_*~#]{2,})?$"
)
_URL_LINE = regex.compile(r"^(?:https?://|www\.)\S+$")
_FOOTNOTE_START = regex.compile(r"^(?:(\d{1,2})|\((\d{1,2})\)|(\*{1,3}))\s{1,4}(?=\S)")


@dataclass(slots=True)
class Line:
    raw: str  # the line with sentinels, as in the file
    text: str  # stripped, sentinels kept
    plain: str  # stripped, no sentinels
    gap: int  # blank lines before it
    indent: int  # leading spaces
    page: int  # 1-based page it stands on (internal numbering)
    kind: str = "prose"  # prose | md_row | tab_row | rule | sep | pagenum | url
    page_break: bool = False  # a page break stands right before this line
    heading: int | None = None
    styled: Styled | None = None
    footnote: bool = False  # part of a footnote area


def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    page = 1
    gap = 0
    pending_break = False
    for k, chunk in enumerate(text.split("\f")):
        if k:
            page += 1
            pending_break = True
        for raw in chunk.split("\n"):
            p = plain(raw)
            if not p.strip():
                if len(p) >= 20:  # a long blank-looking line: a footnote rule drawn with spaces
                    out.append(Line(raw, "", "", gap, len(p), page, "sep", pending_break))
                    pending_break = False
                gap += 1
                continue
            stripped = raw.strip()
            line = Line(raw, stripped, p.strip(), gap, len(p) - len(p.lstrip(" \t")), page,
                        page_break=pending_break)
            pending_break = False
            gap = 0
            if _MD_ROW.match(p, timeout=rx_timeout(p)) and p.count("|") >= 2:
                line.kind = "md_row"
            elif "\t" in p.strip(" ") and len([c for c in p.split("\t") if c.strip()]) >= 1 and p.count("\t") >= 1 \
                    and _tab_fields(p) >= 2:
                line.kind = "tab_row"
            elif _RULE.match(line.plain, timeout=rx_timeout(line.plain)):
                line.kind = "rule"
            elif _URL_LINE.match(line.plain, timeout=rx_timeout(line.plain)):
                line.kind = "url"
            m = _HEADING.match(line.text, timeout=rx_timeout(line.text))
            if m and line.kind == "prose":
                line.heading = len(m.group(1))
                line.text = line.text[m.end():]
                line.plain = plain(line.text).strip()
            out.append(line)
    return out


def _tab_fields(p: str) -> int:
    return len(p.rstrip("\n").split("\t"))


def dominant_gap(lines: list[Line]) -> int:
    """The usual number of blank lines between two prose lines (1 in the
    double-spaced text some PDF extractors write, 0 or 1 otherwise)."""
    c: Counter[int] = Counter()
    for a, b in zip(lines, lines[1:]):
        if a.kind == "prose" and b.kind == "prose" and not b.page_break:
            c[min(b.gap, 3)] += 1
    return c.most_common(1)[0][0] if c else 0


def wrap_width(lines: list[Line]) -> int | None:
    """The width prose lines were wrapped at, when they were: most long lines
    end within a narrow band below the widest usual line. ``None`` for text
    whose paragraphs are single long lines."""
    lengths = sorted(len(ln.plain) for ln in lines if ln.kind == "prose" and len(ln.plain) >= 20)
    if len(lengths) < 8:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    band = [n for n in lengths if 0.8 * p90 <= n <= 1.1 * p90]
    over = [n for n in lengths if n > 1.35 * p90]
    if len(band) >= 0.4 * len(lengths) and len(over) <= 0.1 * len(lengths):
        return p90
    return None


# --------------------------------------------------------------------------
# 4. pages, page numbers, footnote areas
# --------------------------------------------------------------------------


def mark_page_breaks(lines: list[Line], usual_gap: int, wrapped: bool = True) -> None:
    """Page breaks a text extraction shows without form feeds.

    * In double-spaced wrapped text (usual gap ≥ 1 between wrapped lines), a
      prose line that follows the line before with no blank line and starts
      indented opens a page.
    * A lone page number ("7", "- 7 -", "Trang 7") after more blank lines
      than usual is page furniture; it opens a page (Vietnamese documents
      number pages at the top) unless a break is already next to it.
    * A page marker set off by rules or brackets ("----- [Trang 2] -----")
      is furniture wherever it stands and opens a page, unless nothing but
      markers stands before it.
    Page numbers of the lines are then recounted."""
    last_number = 0
    page = 1
    content_seen = False
    for i, ln in enumerate(lines):
        prev = lines[i - 1] if i else None
        if ln.page_break:
            page += 1
        if ln.kind == "prose" and _decorated_page_mark(ln.plain):
            ln.kind = "pagenum"  # an explicit marker: always furniture, always opens a page (but the first)
            if not ln.page_break and content_seen:
                ln.page_break = True
                page += 1
            continue
        content_seen = content_seen or ln.kind != "pagenum"
        m = _PAGE_NUMBER.match(ln.plain, timeout=rx_timeout(ln.plain)) if ln.kind == "prose" else None
        if m is not None:
            n = int(m.group(1))
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            near_break = ln.page_break or nxt is None or nxt.page_break or prev is None
            if n > last_number and (ln.gap > usual_gap or near_break):
                ln.kind = "pagenum"
                last_number = n
                if not near_break and n != page:
                    ln.page_break = True  # the number heads a new page
                    page += 1
                continue
        if wrapped and usual_gap >= 1 and ln.kind == "prose" and prev is not None and ln.gap == 0 and ln.indent >= 1 \
                and prev.kind in ("prose", "url", "sep") and not ln.page_break:
            ln.page_break = True
            page += 1
    page = 1
    for ln in lines:
        if ln.page_break:
            page += 1
        ln.page = page


def _decorated_page_mark(text: str) -> bool:
    """A page marker set off by brackets or rules ("----- [Trang 2] -----", "[Page 3]"); a bare
    "Trang 2" stays with ``_PAGE_NUMBER``, which asks for blank lines around it."""
    if len(text) > 40:
        return False
    m = _PAGE_MARK.match(text, timeout=rx_timeout(text))
    return m is not None and (text[0] in "[(<-=_*~#" or text[-1] in "])>-=_*~#")


def _furniture_role(lines: list[Line], ln: Line) -> str:
    """A page number is a header when it opens its page, else a footer."""
    k = lines.index(ln)
    opens = ln.page_break or k == 0
    return "page_header" if opens else "page_footer"


def _page_ranges(lines: list[Line]) -> list[tuple[int, int]]:
    starts = [0] + [i for i, ln in enumerate(lines) if ln.page_break and i]
    ends = starts[1:] + [len(lines)]
    return list(zip(starts, ends))


_GLUED_MARK = r"(?<=[\p{L}\)\]”\"'.,;:])"


def _mark_in(text: str, mark: str) -> bool:
    if mark.isdigit():
        pat = rf"\({mark}\)|{_GLUED_MARK}{mark}(?!\d)(?=[\s,.;:)”\"]|$)"
    else:
        pat = regex.escape(mark)
    return regex.search(pat, text, timeout=RX_TIMEOUT) is not None


MAX_FOOTNOTE_LINES = 40


def mark_footnote_areas(lines: list[Line]) -> None:
    """Footnote bodies at the bottom of a page: after a separator (a long
    blank-looking line or a rule), lines that start with a mark ("1 ", "(1) ",
    "* ") up to the page's end. Conservative: the area counts only when the
    body of that page carries the mark of its first footnote and the page
    ends within ``MAX_FOOTNOTE_LINES`` lines."""
    for start, end in _page_ranges(lines):
        for i in range(start, end - 1):
            if lines[i].kind not in ("sep", "rule"):
                continue
            j = i + 1
            m = _FOOTNOTE_START.match(lines[j].plain, timeout=RX_TIMEOUT)
            if not m or lines[j].kind not in ("prose", "pagenum"):
                continue
            mark = next(g for g in m.groups() if g)
            if end - j > MAX_FOOTNOTE_LINES:
                continue  # too long for a footnote area: the page end is not where we think
            body = " ".join(ln.plain for ln in lines[start:i] if ln.kind == "prose")
            if not _mark_in(body, mark):
                continue
            lines[i].footnote = True
            for ln in lines[j:end]:
                ln.footnote = True
            break


def footnotes_of(lines: list[Line], doc: Document, pages_known: bool) -> None:
    """Footnote bodies from the marked areas."""
    cur: list[Line] = []
    cur_mark: str | None = None

    def flush() -> None:
        nonlocal cur, cur_mark
        if cur and cur_mark is not None:
            text = join_texts([ln.plain for ln in cur])
            m = _FOOTNOTE_START.match(text, timeout=rx_timeout(text))
            body = text[m.end():] if m else text
            doc.footnotes.append(Footnote(id=cur_mark, text=body.strip(),
                                          page=cur[0].page if pages_known else None))
        cur, cur_mark = [], None

    prev_page = None
    for ln in lines:
        if not ln.footnote or ln.kind == "sep":
            if not ln.footnote:
                flush()
            continue
        if ln.page != prev_page:
            flush()
            prev_page = ln.page
        if ln.kind in ("url", "rule", "pagenum"):
            flush()
            doc.furniture.append(Paragraph(ln.plain, page=ln.page if pages_known else None, role="page_footer"))
            continue
        m = _FOOTNOTE_START.match(ln.plain, timeout=rx_timeout(ln.plain))
        if m:
            flush()
            cur_mark = m.group(0).strip()  # the mark as written: "1", "(1)", "*"
            cur = [ln]
        elif cur:
            cur.append(ln)
    flush()


# --------------------------------------------------------------------------
# 5. paragraphs
# --------------------------------------------------------------------------

LABEL = regex.compile(
    r"^(?:"
    r"(?P<bullet>[-–—+•*▪●○■□◦➢►✓])\s"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,4}[.)])\s"
    r"|(?P<num2>\d{1,2}(?:\.\d{1,2}){1,4})\s"
    r"|(?P<alpha>[a-zđ][)])\s"
    r"|(?P<alphadot>[a-zđ]\.)\s(?=\p{Lu})"
    r"|(?P<paren>\((?:[a-zđ]|\d{1,3}|[ivx]{1,4})\))\s"
    r"|(?P<roman>[IVXLC]{1,6}[.)])\s"
    r"|(?P<word>(?:Điều|Chương|Mục|Phần|Phụ lục|ĐIỀU|CHƯƠNG|MỤC|PHẦN|PHỤ LỤC|Bước)\s{1,3}[0-9IVXLC]{1,6}[.:]?)(?=\s|$)"
    r")"
)

# words a clause does not end with: a line ending in one goes on
_OPEN_WORDS = frozenset(
    """của và về các những số ngày tháng theo tại với cho trong để là do từ đến được bị hoặc hay như ở vào
    mà nhưng nên vì khi giữa cùng phải đã sẽ đang thì nhằm bằng gồm sự một mọi mỗi từng quy""".split()
)
_END_PUNCT = regex.compile(r"[.:;!?…]['\"”’)\]]*$")
_LONE_NUMBER = regex.compile(r"^\d{1,3}$")


def label_of(text: str) -> str | None:
    m = LABEL.match(text, timeout=rx_timeout(text))
    if not m:
        return None
    return next(g for g in m.groups() if g)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and not any(ch.islower() for ch in letters)


def _unclosed(text: str) -> bool:
    return text.count("(") > text.count(")") or text.count("“") > text.count("”")


# "khoản 2", "điểm a", "mục 3" ending a line: the part of a text cited before the article it belongs to
_CITED_SUBPART = regex.compile(r"(?:^|\s)(?:khoản|điểm|tiết|mục)\s{1,3}[0-9a-zđ]{1,3}(?:\.\d{1,2})?,?$")


_WORD_LABEL = regex.compile(r"^(?:Điều|Chương|Mục|Phần|Phụ lục|ĐIỀU|CHƯƠNG|MỤC|PHẦN|PHỤ LỤC|Bước)\s")


def _cited_part(prev: str, label: str, rest: str, ends_clause: bool) -> bool:
    """A part of a text ("Điều 1", "Chương II", "Mục 3", "Phụ lục 2")
    cited inside a sentence wrapped just before it, not a heading: the line
    before does not end a clause, and ends with a word that asks for what
    follows ("tại", "theo", "của" …) or with the smaller part cited first
    ("khoản 2", "điểm a"); or the label has no "." / ":" after its number
    and the words after it go on in lower case ("Điều 1 chịu trách nhiệm
    …") after a line of running text, which a heading's title never
    does."""
    if ends_clause or _is_caps(prev) or not _WORD_LABEL.match(label, timeout=RX_TIMEOUT):
        return False  # a title in capitals ("QUẢN LÝ VĂN BẢN ĐẾN"), or not a word label
    # "Điều 5. Trình tự …" has the form of a heading whatever comes before it
    titled = label[-1] in ".:" and rest[:1].isupper()
    last_word = prev.rsplit(None, 1)[-1].casefold() if prev.split() else ""
    if not titled and (last_word in _OPEN_WORDS or _CITED_SUBPART.search(prev, timeout=rx_timeout(prev))):
        return True
    # the lower-case run-on counts after a line of running text only, not
    # after a signer's name ("Phụ lục 2 kèm theo …" heads an annex)
    return len(prev.split()) >= 6 and label[-1] not in ".:" and rest[:1].islower()


# the name of a body ending with ":" — "Hội đồng nhân dân tỉnh:", "Sở Tài chính:"; a body's name
# opens with one of these heads (a short list of the usual ones: the parser only needs to tell a
# name from a sentence such as "Giao phòng Kế hoạch:")
_BODY_HEADS = (
    "Ủy ban", "Uỷ ban", "Hội đồng", "Ban", "Sở", "Bộ", "Cục", "Tổng cục", "Chi cục", "Vụ", "Phòng",
    "Văn phòng", "Thanh tra", "Trung tâm", "Viện", "Tòa án", "Toà án", "Công an", "Kho bạc",
    "Mặt trận", "Đảng ủy", "Đảng uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Huyện uỷ", "Thành ủy",
    "Thành uỷ", "Đoàn", "Hội", "Liên đoàn", "Công đoàn", "Bảo hiểm xã hội", "Bệnh viện", "Trường",
    "Ngân hàng", "Chính phủ", "Quốc hội", "UBND", "HĐND", "UBMTTQ",
)
_BODY_START = regex.compile(r"^(?:" + "|".join(regex.escape(h) for h in _BODY_HEADS) + r")(?![\p{L}\p{N}])")
_NAME_LINE_END = regex.compile(_BODY_START.pattern + r"[^.;:!?]{0,80}:$")
_ITEM_LABEL = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,4}[.)]?|[a-zđ][.)]|\((?:[a-zđ]|\d{1,3})\))$")


def _label_name_runs_on(prev: str, cur: str) -> bool:
    """A short item line whose name goes on over the next line: "1.
    Thường trực" + "Hội đồng nhân dân tỉnh:". The item ("1.", "a)",
    "(2)" — not an article or a part, whose title a sentence follows) ends
    with no punctuation after a few words not in capitals, and the next line
    is a body's name ending with ":" that introduces the items below — the
    end of the item's name, not a sentence of its own."""
    label = label_of(prev)
    if label is None or not _ITEM_LABEL.match(label, timeout=RX_TIMEOUT):
        return False
    head = prev[len(label):].strip()
    if not head or len(head.split()) > 6 or _is_caps(head) or not head[-1].isalpha():
        return False
    return len(cur.split()) <= 12 and _NAME_LINE_END.match(cur, timeout=rx_timeout(cur)) is not None


# the head of a body's name that cannot stand for the name at a line's end in running text: the
# complement follows ("… gửi về Sở" + "Tài chính …", "… qua Phòng" + "Nội vụ …"); matched in
# title case only ("sở, ban, ngành" in lower case is a list of kinds, not a name)
_OPEN_HEADS = frozenset(
    ("Ủy ban", "Uỷ ban", "Hội đồng", "Ban", "Sở", "Bộ", "Cục", "Tổng cục", "Chi cục", "Vụ", "Phòng",
     "Văn phòng", "Trung tâm", "Viện", "Kho bạc", "Ngân hàng", "Bệnh viện", "Trường", "Liên đoàn")
)
_HEADING_LABEL = regex.compile(r"^(?:[IVXLC]{1,6}[.)]|(?:Điều|Chương|Mục|Phần|Phụ lục|ĐIỀU|CHƯƠNG|MỤC|PHẦN|PHỤ LỤC)\s)")

def _head_runs_on(prev: str, cur: str) -> bool:
    """A line of running text broken inside a body's name: ``prev`` ends
    with the head word of the name ("Sở", "Ban", "Chi cục", "Văn phòng" …)
    or with "qua" before one, and ``cur`` goes on with the name, capitalised
    ("Tài chính …", "Phòng Nội vụ …"). Not after a short line (under 8
    syllables: a title, a signer's line "Phó Giám đốc Sở"), a heading (a
    line opening with an article's, part's or roman label, or a short
    numbered one), a line in capitals, a row with TABs; not before a line in capitals or one that
    repeats the head ("Ban" + "Ban Quản lý …", the text of a heading)."""
    if "\t" in prev or "\t" in cur or _is_caps(prev):
        return False
    words = prev.split()
    if len(words) < 8:
        return False
    label = label_of(prev)
    if label is not None and (len(words) < 12 or _HEADING_LABEL.match(label, timeout=RX_TIMEOUT)):
        return False
    first = cur.split(None, 1)[0]
    if not first[:1].isupper() or _is_caps(cur):
        return False
    if words[-1] == "qua":
        return _BODY_START.match(cur, timeout=rx_timeout(cur)) is not None
    last = words[-1] if words[-1] in _OPEN_HEADS else " ".join(words[-2:])
    if last not in _OPEN_HEADS:
        return False
    return not cur.startswith(last.split()[-1] + " ") and not cur.startswith(last + " ")


def joins(prev: str, cur: str, *, width: int | None, extra_gap: int, across_page: bool,
          para: str | None = None) -> bool:
    """Does line ``cur`` continue the paragraph that line ``prev`` ends?

    Rules, first that applies wins:

    1. a bare URL never joins; a line starting with a list or heading label
       ("I.", "1.", "1.1.", "a)", "(1)", "-", "+", "Điều 3.") opens a
       paragraph — except "- " + lower-case text right after a full line
       that did not end a clause (a wrapped " - " inside a sentence), and
       a part of a text cited inside a sentence ("… quy định tại" +
       "Điều 1 chịu trách nhiệm …", see ``_cited_part``), which joins
       unless rule 2 separates them;
    2. more blank lines than usual between them (not across a page break)
       separate paragraphs;
    3. ``prev`` ends in a hyphen or slash glued to a word ("16/CT-",
       "342/") — a symbol or compound broken at the line end: joins;
    4. ``cur`` is a number standing alone (a row number of a flattened
       table): joins only after a word of rule 5; otherwise ``cur``
       starting with a lower-case letter, or with a digit after a line that
       did not end a clause, joins;
    5. ``prev`` ends with a word a clause cannot end with ("của", "và",
       "số", "ngày" …) or leaves a parenthesis or quote open: joins;
    6. ``prev`` ends a clause (".", ":", ";", "!", "?", closing quote or
       bracket after them): a new paragraph;
    7. ``prev`` ends with a comma, or is a full line (≥ 75 % of the wrap
       width, when the text is wrapped): joins;
    8. a short item line ending without punctuation before a body's name
       ending with ":" ("1. Thường trực" + "Hội đồng nhân dân tỉnh:"):
       joins, the name of the item runs on (``_label_name_runs_on``); and,
       when no wrap width is known, a line of running text ending on the
       head of a body's name ("… gửi về Sở", "… qua") before its
       capitalised complement ("Tài chính …"): joins (``_head_runs_on``);
    9. otherwise (a short line ending without punctuation, before a line
       starting upper-case: a title, a signature line): a new paragraph.

    Before rules 2-9: "Nơi nhận:" always opens a paragraph (a bracket left
    open above it is no reason to join), and a line in capitals (a title)
    never runs on into a preamble that opens "Căn cứ …", "Thực hiện …"
    (before rule 5: "… NHỮNG NĂM TIẾP THEO" ends with "theo").
    """
    if not cur or not prev:
        return False
    if _URL_LINE.match(cur, timeout=RX_TIMEOUT) or _URL_LINE.match(prev, timeout=RX_TIMEOUT):
        return False
    if _motto_bound(prev, cur):
        return False
    if _NOI_NHAN_START.match(cur, timeout=RX_TIMEOUT):
        return False  # the distribution list opens the signature block, whatever the paragraph before left open
    full = width is not None and len(prev) >= 0.75 * width
    ends_clause = _END_PUNCT.search(prev, timeout=rx_timeout(prev)) is not None
    label = label_of(cur)
    cited = False
    if label is not None:
        rest = cur[len(label):].lstrip()
        wrapped_dash = label in "-–—" and rest[:1].islower() and full and not ends_clause
        cited = _cited_part(prev, label, rest, ends_clause)
        if not wrapped_dash and not cited:
            return False
    if extra_gap > 0 and not across_page:
        return False
    if cited:
        return True
    if cur.startswith("(") and _is_caps(prev):
        return False  # a caption under a title: "(Kèm theo Kế hoạch số …)"
    if len(prev) >= 2 and prev[-1] in "-/" and not prev[-2].isspace() and prev[-2] != ".":
        return True  # (a closing "./" ends the text: "… thi hành Quyết định này./")
    last_word = prev.rsplit(None, 1)[-1].casefold() if prev.split() else ""
    if _LONE_NUMBER.match(cur, timeout=rx_timeout(cur)):
        return last_word in _OPEN_WORDS  # a row or page number standing alone, unless "số" / "năm" asks for it
    first = cur[0]
    if first.islower() or (first.isdigit() and not ends_clause):
        return True
    if _is_caps(prev) and _PREAMBLE_START.match(cur, timeout=RX_TIMEOUT) and not _is_caps(cur[:12]):
        # a title in capitals, however long its line and whatever its last word ("… NHỮNG NĂM TIẾP THEO"), ends
        # before "Căn cứ …", "Thực hiện …" in running text
        return False
    if last_word in _OPEN_WORDS or _unclosed(para if para is not None else prev):
        return True
    if ends_clause:
        return False
    if prev.endswith(",") or prev.endswith(" -") or prev.endswith(" –"):
        return True
    return full or _label_name_runs_on(prev, cur) or (width is None and _head_runs_on(prev, cur))


# the national motto, read without marks (a scan loses them: "CONG HOA XÃ HOI CH.Ủ NGHIA VIỆT NAM",
# "Doc lọc Tự do - Hạnh phúc"): its two lines end the header line they stand on, whatever comes next
# (in capitals, or with the motto's dashes: "vì độc lập, tự do, hạnh phúc" ⏎ "của nhân dân" in a sentence goes on)
_MOTTO_CAPS_END = regex.compile(r"nghia\W{0,3}viet\W{1,3}nam[\W_]{0,4}$")
_MOTTO_DASHED_END = regex.compile(r"tu\W{0,3}do\s{0,3}[-_]{1,3}\s{0,3}hanh\W{0,3}phuc[\W_]{0,4}$")
_MOTTO_CAPS_START = regex.compile(r"^\W{0,3}cong\W{1,3}hoa\W{1,3}xa\W{1,3}hoi")
_MOTTO_DASHED_START = regex.compile(r"^\W{0,3}doc\W{1,3}lap\s{0,3}[-_]{1,3}\s{0,3}tu\W{1,3}do")


_NOI_NHAN_START = regex.compile(r"^(?:Nơi\s+nhận|NƠI\s+NHẬN)\s{0,2}:")
# the words a document's preamble or first sentence opens with, after its title
_PREAMBLE_START = regex.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Xét|Theo\s+đề\s+nghị|Triển\s+khai|Kính\s+gửi|Hôm\s+nay|"
                                r"Ngày\s+[0-9])(?![\p{L}])")


def _motto_bound(prev: str, cur: str) -> bool:
    """Whether a line of the motto ends ``prev`` or opens ``cur``: never one paragraph with the other line
    (a two-column header read line by line: "SỞ Y TẾ CỘNG HÒA … VIỆT NAM" ⏎ "Số: 12/SYT …")."""
    if len(prev) > 160 and len(cur) > 160:
        return False
    tail, head = fold(prev[-60:]).lower(), fold(cur[:40]).lower()
    caps_tail = sum(ch.isupper() for ch in prev[-12:]) >= 5
    caps_head = sum(ch.isupper() for ch in cur[:12]) >= 5
    return bool((caps_tail and _MOTTO_CAPS_END.search(tail, timeout=RX_TIMEOUT))
                or _MOTTO_DASHED_END.search(tail, timeout=RX_TIMEOUT)
                or (caps_head and _MOTTO_CAPS_START.match(head, timeout=RX_TIMEOUT))
                or _MOTTO_DASHED_START.match(head, timeout=RX_TIMEOUT))


def _glued(prev: str) -> bool:
    """The next line joins without a space: "16/CT-" + "TTg", "342/" + "KH"."""
    return len(prev) >= 2 and prev[-1] in "-/" and not prev[-2].isspace() and prev[-2] != "."


def join_texts(texts: list[str]) -> str:
    out = ""
    for k, t in enumerate(texts):
        t = t.strip()
        if k and out and not _glued(out):
            out += " "
        out += t
    return out


@dataclass(slots=True)
class _ParaDraft:
    lines: list[Line] = field(default_factory=list)


def _paragraph(draft: _ParaDraft, pages_known: bool) -> Paragraph | None:
    pieces: list[Styled] = [ln.styled for ln in draft.lines if ln.styled is not None]
    text = ""
    bold: list[bool] = []
    italic: list[bool] = []
    for k, s in enumerate(pieces):
        t = s.text.strip()
        lead = len(s.text) - len(s.text.lstrip())
        b = s.bold[lead:lead + len(t)]
        it = s.italic[lead:lead + len(t)]
        if k and text and not _glued(text):
            text += " "
            bold.append(False)
            italic.append(False)
        text += t
        bold += b
        italic += it
    text = " ".join(text.split()) if "  " in text else text
    if not text.strip():
        return None
    s = Styled(text, bold, italic)
    first = draft.lines[0]
    style = ParagraphStyle(
        heading_level=first.heading,
        bold=s.all_bold() if len(bold) == len(text) else False,
        italic=s.all_italic() if len(italic) == len(text) else False,
        numbering=label_of(text),
    )
    return Paragraph(text, page=first.page if pages_known else None, style=style)


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------


def _split_md_row(text: str) -> list[str]:
    t = text.strip()
    if t.startswith("|"):
        t = t[1:]
    if t.endswith("|") and not t.endswith("\\|"):
        t = t[:-1]
    cells: list[str] = []
    cur = ""
    k = 0
    while k < len(t):
        ch = t[k]
        if ch == "\\" and k + 1 < len(t) and t[k + 1] == "|":
            cur += "|"
            k += 2
            continue
        if ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        k += 1
    cells.append(cur)
    return cells


def _cell_paragraphs(raw: str, state: StyleState) -> list[tuple[str, bool, bool]]:
    s = state.read(raw)
    out: list[tuple[str, bool, bool]] = []
    pos = 0
    for part in s.text.split("\n"):
        seg = Styled(part, s.bold[pos:pos + len(part)], s.italic[pos:pos + len(part)])
        pos += len(part) + 1
        text = " ".join(part.split())
        if text or not out:
            out.append((text, seg.all_bold(), seg.all_italic()))
    while len(out) > 1 and not out[-1][0]:
        out.pop()
    return out


def _md_table(rows: list[Line], pages_known: bool) -> Table | None:
    state = StyleState()
    grid: list[list[list[tuple[str, bool, bool]]]] = []
    header_rows: int | None = None
    row_pages: list[int] = []
    breaks: list[int] = []
    for ln in rows:
        if _MD_SEP.match(plain(ln.text), timeout=RX_TIMEOUT):
            if header_rows is None:
                header_rows = len(grid)
            continue
        if ln.page_break and grid:
            breaks.append(len(grid))
        grid.append([_cell_paragraphs(c, state) for c in _split_md_row(ln.text)])
        row_pages.append(ln.page)
    if not grid:
        return None  # separator lines only
    return _table(grid, header_rows if header_rows else None, rows[0].page if pages_known else None,
                  breaks, row_pages, pages_known)


def _tab_table(rows: list[Line], pages_known: bool) -> Table:
    state = StyleState()
    grid = []
    breaks: list[int] = []
    row_pages: list[int] = []
    for k, ln in enumerate(rows):
        if k and (ln.page_break or ln.gap > 0):
            breaks.append(len(grid))
        raw = ln.raw.rstrip("\n")
        if raw.startswith(" ") and not raw.startswith(" \t"):
            raw = raw.lstrip(" ")
        grid.append([_cell_paragraphs(c, state) for c in raw.split("\t")])
        row_pages.append(ln.page)
    return _table(grid, None, rows[0].page if pages_known else None, breaks, row_pages, pages_known)


def _table(grid, header_rows: int | None, page: int | None, breaks: list[int], row_pages: list[int],
           pages_known: bool) -> Table:
    width = max(len(r) for r in grid)
    rows = []
    for r, items in enumerate(grid):
        rows.append([make_cell(r, c, items[c] if c < len(items) else [""]) for c in range(width)])
    t = Table(rows=rows, n_cols=width, page=page)
    t.header_rows = header_rows if header_rows is not None else detect_header_rows(t)
    for b in breaks:
        t.continuations.append(TableContinuation(first_row=b, page=row_pages[b] if pages_known else None))
    return t


def _table_groups(lines: list[Line]) -> list[tuple[str, list[Line]] | Line]:
    """Consecutive table rows grouped: markdown rows with no blank line
    between; tab-separated rows allowing one blank line or a page break
    (a row broken across pages), at least two rows with two filled cells."""
    out: list = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "md_row" and not ln.footnote:
            j = i + 1
            while j < len(lines) and lines[j].kind == "md_row" and lines[j].gap == 0 and not lines[j].footnote \
                    and not lines[j].page_break:
                j += 1
            out.append(("md", lines[i:j]))
            i = j
            continue
        if ln.kind == "tab_row" and not ln.footnote:
            j = i + 1
            while j < len(lines) and lines[j].kind == "tab_row" and lines[j].gap <= 1 and not lines[j].footnote \
                    and not lines[j].page_break:
                j += 1
            group = lines[i:j]
            filled = sum(1 for g in group if len([c for c in plain(g.raw).split("\t") if c.strip()]) >= 2)
            if filled >= 2:
                out.append(("tab", group))
                i = j
                continue
            for g in group:  # not a table: prose with tabs
                g.kind = "prose"
                g.text = " ".join(g.text.replace("\t", " ").split())
                g.plain = " ".join(g.plain.replace("\t", " ").split())
                out.append(g)
            i = j
            continue
        out.append(ln)
        i += 1
    return out


# --------------------------------------------------------------------------
# 6. footnote marks
# --------------------------------------------------------------------------


def link_footnotes(doc: Document) -> None:
    """Each footnote's mark ("(1)", or a digit glued to the word before, or
    "*") in a paragraph of its page — else of a paragraph running on from the
    page before; pages unknown: the first paragraph carrying it — becomes a
    ``FootnoteRef``; the mark is taken out of the paragraph text."""
    for fn in doc.footnotes:
        num = fn.id.strip("()")
        if num.isdigit():
            pat = regex.compile(rf"\({num}\)|{_GLUED_MARK}{num}(?!\d)(?=[\s,.;:)”\"]|$)")
        else:
            pat = regex.compile(rf"(?<=\S){regex.escape(fn.id)}(?!\*)")
        paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
        if fn.page is not None:
            # the page of the footnote first, then a paragraph running on from the page before
            paras = [b for b in paras if b.page == fn.page] + [b for b in paras if b.page == fn.page - 1][::-1]
        for b in paras:
            m = pat.search(b.text, timeout=RX_TIMEOUT)
            if m is None:
                continue
            b.text = b.text[:m.start()] + b.text[m.end():]
            for r in b.footnote_refs:
                if r.offset > m.start():
                    r.offset -= m.end() - m.start()
            b.footnote_refs.append(FootnoteRef(fn.id, m.start()))
            b.footnote_refs.sort(key=lambda r: r.offset)
            fn.ref_block = b.index
            break


# --------------------------------------------------------------------------
# the parser
# --------------------------------------------------------------------------


_SPLIT_CANDIDATE = regex.compile(r"(?<![\p{L}\p{M}])\p{L}{1,3} \p{L}{1,3}(?![\p{L}\p{M}])")
_SEPARATED = regex.compile(r"([ \t]+)")


def _fragment(w: str) -> bool:
    return 1 <= len(w) <= 3 and w.isalpha()


def _has_fragment(line: str) -> bool:
    """Whether the line holds a short piece that is no syllable by itself ("Qu", "ng", "k"): a join needs one,
    and most lines of running text have none (their short words "và", "các", "ở" are syllables), so they are
    passed over without the word-by-word walk below."""
    for w in line.split():
        w = w.rstrip(",.;:)")
        if 1 <= len(w) <= 3 and w.isalpha() and not is_valid_syllable(w):
            return True
    return False


_STOP_CODA = regex.compile(r"(?:c|ch|p|t)$")
_CH_NH_AFTER = regex.compile(r"(?:a|ê|i|y)(?:ch|nh)$|(?<!(?:a|ê|i|y))(?:c|p|t|m|n|ng)?$")
_PUNCT_TAIL = ",.;:)"


def _strict_syllable(word: str) -> bool:
    """A valid syllable (core.syllables) that keeps three rules of Vietnamese sounds a join must not break: a
    syllable closed by c, ch, p or t bears the sắc or nặng tone ("hốc", never "hồc"), "ch" and "nh" close only
    a, ê, i, y ("tịch", "minh", never "hồch"), and ă, â are always closed ("dân", never "dâ")."""
    if not is_valid_syllable(word):
        return False
    d = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in d if ch in "\u0300\u0301\u0303\u0309\u0323"]
    base = unicodedata.normalize("NFC", "".join(ch for ch in d if ch not in "\u0300\u0301\u0303\u0309\u0323"))
    if _STOP_CODA.search(base, timeout=RX_TIMEOUT) and not (tones and tones[0] in "\u0301\u0323"):
        return False
    if base.endswith(("ch", "nh")) and not base[:-2].endswith(("a", "ê", "i", "y")):
        return False
    return not base.endswith(("ă", "â"))  # ă and â never end a syllable ("dân", never "dâ")


def _group_ok(group: list[str], nxt: str, spaced: bool) -> bool:
    """Whether the pieces ``group`` (the last may carry punctuation after it) are one syllable cut apart."""
    last = group[-1].rstrip(_PUNCT_TAIL)
    pieces = [*group[:-1], last]
    if not all(w.isalpha() for w in pieces) or sum(len(w) > 3 for w in pieces) > 1:
        return False
    if not any(not is_valid_syllable(w) for w in pieces) and not (
            spaced and any(len(w) <= 2 and fold(w[0]).lower() in "aeiouy" for w in pieces[1:])):
        # syllables on their own ("Ô tô", "ở đó") stay apart — but on a letter-spaced line ("HUY ỆN", "Ngu y
        # ễn"), a short piece with no onset after another is the rest of its syllable
        return False
    if last == group[-1] and not any(ch in "aeiouyăâêôơư" for ch in fold(last).lower()) \
            and nxt[:1] in tuple("aeiouy"):
        return False  # "Số c ontainer": a lone consonant before a word that opens with a vowel is that word's
    merged = "".join(pieces)
    return _strict_syllable(merged) and (merged[1:].islower() or merged.isupper())


def _join_line(line: str) -> str:
    parts = _SEPARATED.split(line, timeout=RX_TIMEOUT)
    words, seps = parts[0::2], parts[1::2]
    n = len(words)
    # best[i]: (pieces that are no syllable, words) of the best reading of words[:i], and the last group's start
    inf = (1 << 30, 1 << 30)
    best: list[tuple[int, int]] = [inf] * (n + 1)
    back = [0] * (n + 1)
    best[0] = (0, 0)
    alpha = [w.rstrip(_PUNCT_TAIL) for w in words if w.rstrip(_PUNCT_TAIL).isalpha()]
    frags = sum(1 for w in alpha if len(w) <= 3 and not is_valid_syllable(w))
    spaced = frags >= 3 and frags * 5 >= len(alpha)  # a letter-spaced line: one piece in five or more no syllable
    for i in range(n):
        if best[i] == inf:
            continue
        w = words[i].rstrip(_PUNCT_TAIL)
        bad = 1 if (1 <= len(w) <= 3 and w.isalpha() and not is_valid_syllable(w)) else 0
        cand = (best[i][0] + bad, best[i][1] + 1)
        if cand < best[i + 1]:
            best[i + 1], back[i + 1] = cand, i
        for k in range(2, 7):
            j = i + k
            if j > n or seps[j - 2] != " " or any(words[x][-1:] in _PUNCT_TAIL for x in range(i, j - 1)):
                break
            if len("".join(words[i:j])) > 9:
                break
            nxt = words[j] if j < n and seps[j - 1] == " " else ""
            if _group_ok(words[i:j], nxt, spaced):
                cand = (best[i][0], best[i][1] + 1)
                if cand < best[j]:
                    best[j], back[j] = cand, i
    cuts = []
    j = n
    while j > 0:
        cuts.append((back[j], j))
        j = back[j]
    out: list[str] = []
    for i, j in reversed(cuts):
        out.append("".join(words[i:j]))
        if j - 1 < len(seps):
            out.append(seps[j - 1])
    return "".join(out)


def join_split_syllables(text: str) -> str:
    """Syllables a PDF's text layer cut apart, copied into a text file ("Qu ả ng Ngãi", "Đặ ng Văn Minh", "k ế t
    qu ả", "X ã hội", a letter-spaced heading "ỦY B AN NHÂN D Â N T HÀNH P HỐ", "C h í nh ph ủ"): the pieces of a
    line are read as the fewest words with the fewest pieces that are no syllable, a word of several pieces being
    one valid syllable (by the rules of its sounds: _strict_syllable) with at least one piece that is no syllable
    by itself ("B", "ng", "CH"). Words that are syllables on their own ("Ô tô", "ở đó") are never joined."""
    if not _SPLIT_CANDIDATE.search(text, timeout=rx_timeout(text)):
        return text
    out_lines = []
    for line in text.split("\n"):
        if not _has_fragment(line) or not _SPLIT_CANDIDATE.search(line, timeout=rx_timeout(line)):
            out_lines.append(line)
            continue
        out_lines.append(_join_line(line))
    return "\n".join(out_lines)


def parse(path: Path, source: SourceInfo) -> Document:
    data = path.read_bytes()
    text, _charset = decode_bytes(data)
    _check_text(path, text)
    text, encoding = normalize_document_text(text)
    text = join_split_syllables(text)
    source.encoding = encoding
    doc = Document(source=source)
    build_document(doc, text)
    return doc


def build_document(doc: Document, text: str) -> Document:
    """Fill ``doc`` from normalised text (exposed for tests and for callers
    that already hold text)."""
    lines = _lines(_markup(text))
    usual = dominant_gap(lines)
    width = wrap_width(lines)
    mark_page_breaks(lines, usual, wrapped=width is not None)
    pages_known = any(ln.page_break for ln in lines)
    n_pages = max((ln.page for ln in lines), default=1)
    mark_footnote_areas(lines)

    state = StyleState()
    blocks: list[Block] = []
    draft: _ParaDraft | None = None
    prev_line: Line | None = None
    pending_break = False

    def close() -> None:
        nonlocal draft
        if draft is not None and draft.lines:
            p = _paragraph(draft, pages_known)
            if p is not None:
                blocks.append(p)
        draft = None

    body = [ln for ln in lines if not ln.footnote]
    for item in _table_groups(body):
        if isinstance(item, tuple):
            close()
            kind, rows = item
            for ln in rows:
                state.read(ln.raw)  # keep the style state in step
            table = _md_table(rows, pages_known) if kind == "md" else _tab_table(rows, pages_known)
            if table is None:
                doc.furniture.extend(Paragraph(plain(ln.text), page=ln.page if pages_known else None) for ln in rows)
            else:
                blocks.append(table)
            prev_line = None
            pending_break = False
            continue
        ln = item
        if ln.page_break:
            pending_break = True
        if ln.kind == "sep":
            continue
        if ln.kind in ("pagenum", "rule"):
            if ln.kind == "rule":
                close()  # a drawn rule ends the paragraph above it
                prev_line = None
            state.read(ln.raw)
            doc.furniture.append(Paragraph(ln.plain, page=ln.page if pages_known else None,
                                           role=_furniture_role(lines, ln) if ln.kind == "pagenum" else "body"))
            continue
        ln.styled = state.read(ln.text)
        cur = ln.styled.text.strip()
        if draft is not None and prev_line is not None and ln.heading is None and prev_line.heading is None:
            para_text = " ".join(x.styled.text for x in draft.lines[-4:])
            extra = ln.gap - usual
            if joins(prev_line.styled.text.strip(), cur, width=width, extra_gap=extra, across_page=pending_break,
                     para=para_text):
                draft.lines.append(ln)
                prev_line = ln
                pending_break = False
                continue
        close()
        draft = _ParaDraft([ln])
        prev_line = ln
        pending_break = False
    close()

    # footnote areas go to doc.footnotes (the style state does not run through them)
    footnotes_of(lines, doc, pages_known)
    doc.blocks = stitch_tables(blocks)
    if pages_known:
        doc.source.pages = n_pages
        doc.pages = [PageInfo(number=n, method="text") for n in range(1, n_pages + 1)]
    doc.reindex()
    link_footnotes(doc)
    return doc
