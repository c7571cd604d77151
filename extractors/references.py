"""Cited legal documents: ``extract_references(doc, header)``.

Eyecite-style pipeline over the document model:

1. **clean / stream** — body paragraphs in a row are joined with "\\n" into
   one text (a number broken over a line or page, "324-⏎QĐ/TU", is still one
   number); each table cell and each footnote is a text of its own.  Offsets
   map back to the paragraph or cell, so every mention gets a ``Loc``.
2. **find** — ``extractors.citation_find.find_citations`` (the grammar of
   numbers and symbols).
3. **resolve** — ``extractors.citation_resolve.resolve`` (type, date,
   issuer, title, relation), then numbers sharing a date/issuer.
4. **merge / annotate** — one ``Reference`` per distinct document (key: the
   id without spaces, dashes, case or diacritics), fields filled from the
   richest mention (a footnote or a later mention may give the date); the
   document's own number is never a reference.

Documents cited without a number ("Luật Tiếp công dân năm 2013", "Nghị quyết
Đại hội XIII") become ``UnnumberedReference``s.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from core import regex_cached as regex

from extractors.citation_find import Found, find_citations, is_issuer_code, is_type_code
from extractors.citation_resolve import (
    Resolved,
    code_of_type,
    issuer_fits_code,
    issuers_from_context,
    normalize_type,
    one_body_each,
    resolve,
    share_in_plural_list,
    share_leading,
    share_trailing,
)
from core.domain import issuer_by_code
from core.model import (
    Document,
    DocumentHeader,
    Loc,
    Mention,
    Paragraph,
    Reference,
    UnnumberedReference,
)
from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces, strip_diacritics

_ID_DROP = regex.compile(r"[\s\-‐‑‒–—―]+")
# the header's "Số:" line, with what an OCR left of a handwritten number before the part it read ("Số:£5 4 /…")
_OWN_NUMBER = regex.compile(r"(?:^|\n)[ \t]*(?:Số|SỐ|số)[ \t]*:[ \t]*(?:[^\s\p{L}0-9/][^\s\p{L}/]{0,2}[ \t]{0,2})?$")
# an annex's caption naming the document it goes with: "(Kèm theo Báo cáo số 72/BC-SCT ngày …)"
_ENCLOSED_BY = regex.compile(r"(?:^|\n)[ \t]{0,3}\(?[ \t]{0,3}(?:[Kk]èm\s{1,3}theo|KÈM\s{1,3}THEO|[Bb]an\s{1,3}hành\s{1,3}kèm\s{1,3}theo)"
                             r"[^.;:()\n]{0,40}$")
_OWN_NUMBER_MISREAD = regex.compile(r"(?:^|\n)[ \t]*[^\s0-9]{1,4}[ \t]{0,2}:[ \t]{0,3}[^\s\p{L}]{0,4}[ \t]{0,2}$")
_OWN_NUMBER_NOCOLON = regex.compile(r"(?:^|\n)[ \t]*(?:Số|SỐ)[ \t]{1,3}$")
_RELATION_RANK = {"cites": 0, "implements": 1, "based_on": 2}
_ISSUER_RANK = {"none": 0, "symbol": 1, "context": 1.5, "shared": 2, "list": 2, "before": 2, "led": 2, "title": 2, "named": 3, "explicit": 3}


_YEAR_DASH = regex.compile(r"^([0-9]{1,5}[a-z]?)\s{0,2}[\-‐‑‒–—]\s{0,2}((?:19|20)[0-9]{2})\s{0,2}/")


def ref_key(ref_id: str) -> str:
    """Matching key of an id: no spaces, dashes, case or diacritics ("19-2018/NQ-CP", the year joined by a hyphen,
    is "19/2018/NQ-CP")."""
    key = strip_diacritics(ref_id).casefold()
    folded = _YEAR_DASH.sub(r"\1/\2/", key, timeout=rx_timeout(key))
    return _ID_DROP.sub("", folded, timeout=rx_timeout(folded))


# --------------------------------------------------------------------------
# Streams: text runs with a map back to the document's units
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    offset: int  # where the unit's text starts in the stream
    length: int
    loc: Loc
    block: int | None


@dataclass(slots=True)
class Stream:
    text: str
    pieces: list[_Piece] = field(default_factory=list)

    def loc(self, start: int, end: int) -> Loc:
        """Loc of stream[start:end], in the unit where it starts (the end is
        clipped to that unit when the span runs on into the next one)."""
        piece = self.pieces[0]
        for p in self.pieces:
            if p.offset <= start:
                piece = p
            else:
                break
        s = start - piece.offset
        e = min(end - piece.offset, piece.length)
        return piece.loc.span(max(0, s), max(s, e)) if piece.loc.start is not None else piece.loc

    def block_at(self, pos: int) -> int | None:
        block = None
        for p in self.pieces:
            if p.offset <= pos:
                block = p.block
            else:
                break
        return block


_WS_RUN = regex.compile(r"\s{2,}|[^\S ]")


@dataclass(slots=True)
class Cleaned:
    """A stream's text with every run of white space (line and page breaks
    included) made one space.  ``marks[k]`` is the clean index just after the
    k-th collapsed run and ``shift[k]`` how many characters were removed up
    to there, so any clean offset maps back to the stream."""

    text: str
    marks: list[int]
    shift: list[int]

    def at(self, i: int) -> int:
        k = bisect_right(self.marks, i)
        return i + (self.shift[k - 1] if k else 0)

    def orig(self, start: int, end: int) -> tuple[int, int]:
        s = self.at(start)
        return (s, s) if end <= start else (s, self.at(end - 1) + 1)


def clean(text: str) -> Cleaned:
    if "  " not in text and text.isprintable():
        return Cleaned(text, [], [])  # (a printable text holds no white space but " ": nothing for _WS_RUN)
    out: list[str] = []
    marks: list[int] = []
    shift: list[int] = []
    last = 0
    removed = 0
    n = 0
    for m in _WS_RUN.finditer(text, timeout=rx_timeout(text)):  # only runs that are not one plain space
        piece = text[last:m.start()]
        out.append(piece)
        out.append(" ")
        n += len(piece) + 1
        removed += (m.end() - m.start()) - 1
        marks.append(n)
        shift.append(removed)
        last = m.end()
    out.append(text[last:])
    return Cleaned("".join(out), marks, shift)


def build_streams(doc: Document) -> list[Stream]:
    streams: list[Stream] = []
    parts: dict[int, list[str]] = {}
    lengths: dict[int, int] = {}
    run: Stream | None = None
    for unit in doc.text_units():
        if unit.cell is None and isinstance(unit.block, Paragraph):
            if unit.block.role != "body":
                continue
            if run is None:
                run = Stream("")
                streams.append(run)
                parts[id(run)] = []
                lengths[id(run)] = 0
            elif parts[id(run)]:
                parts[id(run)].append("\n")
                lengths[id(run)] += 1
            loc = Loc(page=unit.loc.page, block=unit.loc.block, start=0, end=len(unit.text))
            run.pieces.append(_Piece(lengths[id(run)], len(unit.text), loc, unit.loc.block))
            parts[id(run)].append(unit.text)
            lengths[id(run)] += len(unit.text)
        else:
            run = None
            loc = unit.loc
            streams.append(Stream(unit.text, [_Piece(0, len(unit.text), loc, loc.block)]))
    for st in streams:
        if id(st) in parts:
            st.text = "".join(parts[id(st)])
    for i, fn in enumerate(doc.footnotes):
        loc = Loc(page=fn.page, block=fn.ref_block, start=0, end=len(fn.text), footnote=i)
        streams.append(Stream(fn.text, [_Piece(0, len(fn.text), loc, fn.ref_block)]))
    return streams


# --------------------------------------------------------------------------
# Merging mentions into references
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Acc:
    ref: Reference
    issuer_rank: float = -1
    type_from_word: bool = False
    named: dict[str, int] = field(default_factory=dict)  # how often each issuer is named over the mentions
    caps_id: bool = False  # the id as a title in capitals wrote it ("27/CT-TTG"): a later mention in lower case spells it


def _is_own_number(stream: Stream, c: Cleaned, found: Found, own_key: str | None,
                   own_block: int | None = None, own_span: tuple[int, int] | None = None,
                   own_symbol: str | None = None, header_symbol: str | None = None) -> bool:
    if own_key and ref_key(found.id) == own_key:
        return True
    if own_symbol and ref_key(found.symbol) == own_symbol and found.year is None \
            and _ENCLOSED_BY.search(stream.text[max(0, c.at(found.start) - 60):c.at(found.start)], timeout=RX_TIMEOUT):
        return True  # the annex of this document, its number misread in one of the two places
    start = c.at(found.start)
    before = stream.text[max(0, start - 20):start]
    if _OWN_NUMBER.search(before, timeout=rx_timeout(before)):
        return True
    block = stream.block_at(start)
    if header_symbol and ref_key(found.symbol) == header_symbol and found.year is None and block is not None and block < 12 \
            and _OWN_NUMBER_MISREAD.search(before, timeout=rx_timeout(before)):
        return True  # the header's "Số:" line read twice by a scan, "Số" and the number misread ("sé: §#1 /KH-…")
    if own_block is not None and block == own_block and stream.pieces and stream.pieces[0].loc.table is None:
        # the header's own "Số:" line, its number misread ("Só:¿92 /TB-UBND") — only there when the
        # paragraph holds more than that line (a web page's header run together with its body)
        at = stream.loc(start, start + 1).start
        if own_span is None or at is None or own_span[0] - 8 <= at <= own_span[1] + 8:
            return True
    return bool(block is not None and block < 12 and _OWN_NUMBER_NOCOLON.search(before, timeout=rx_timeout(before)))


# a form's or an annex's own number ("Mẫu số 01/BC-TK", "Biểu mẫu 02/KH"): no document cited
_FORM_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:[Mm]ẫu|MẪU|[Bb]iểu(?:\s{1,3}mẫu)?|BIỂU(?:\s{1,3}MẪU)?|[Pp]hụ\s{1,3}lục|PHỤ\s{1,3}LỤC)"
    r"(?:\s{1,3}(?:số|Số|SỐ))?\s{0,3}:?\s{0,3}$")


_PROJECT_BEFORE = regex.compile(r"(?<![\p{L}])(?:[Đđ]ề\s{1,3}án|ĐỀ\s{1,3}ÁN)\s{0,3}(?:số\s{0,3})?$")


def _is_project_name(text: str, f: Found) -> bool:
    """ "Đề án 06/CP": a project called by the number of the decision that
    approved it and the Government's code — a name, not a cited number (a
    Đề án's own number carries its type code, "12/ĐA-UBND")."""
    return f.family == "state" and f.type_code is None and f.symbol in ("CP", "TTg") \
        and bool(_PROJECT_BEFORE.search(text[max(0, f.start - 15):f.start], timeout=RX_TIMEOUT))


def _issuer_code_of(symbol: str | None) -> str | None:
    if not symbol:
        return None
    parts = regex.split(r"[-/]", symbol, timeout=RX_TIMEOUT)
    return parts[-1] if len(parts) > 1 else None


def extract_references(doc: Document, header: DocumentHeader) -> tuple[list[Reference], list[UnnumberedReference]]:
    own_key = ref_key(header.id) if header and header.id else None
    # the symbol alone identifies this document only when its number is unread (a scan) or left blank (a draft)
    own_symbol = ref_key(header.symbol) if header and header.symbol and not header.number else None
    header_symbol = ref_key(header.symbol) if header and header.symbol else None
    number_loc = (header.locs.get("number_line") or header.locs.get("number")) if header else None
    own_block = number_loc.block if number_loc is not None and number_loc.table is None else None
    own_span = (number_loc.start, number_loc.end) if own_block is not None and number_loc.start is not None \
        and number_loc.end is not None else None
    accs: dict[str, _Acc] = {}
    order: list[str] = []
    prepared = [(st, clean(st.text)) for st in build_streams(doc)]
    for stream, c in prepared:
        found = [f for f in find_citations(c.text) if not _is_own_number(stream, c, f, own_key, own_block, own_span,
                                                                          own_symbol, header_symbol)
                 and not _FORM_BEFORE.search(c.text[max(0, f.start - 25):f.start],
                                             timeout=rx_timeout(c.text[max(0, f.start - 25):f.start]))
                 and not _is_project_name(c.text, f)]
        if not found:
            continue
        starts = _para_starts(stream, c)
        items = [resolve(c.text, f, starts) for f in found]
        share_trailing(c.text, items)
        share_leading(c.text, items)
        share_in_plural_list(c.text, items)
        issuers_from_context(c.text, items, starts)
        one_body_each(items)
        if header and header.issuer:
            for r in items:
                _own_body_by_its_head(c.text, r, header.issuer)
        for k, r in enumerate(items):
            _body_named_before_by_its_head(c.text, r, items[:k])
        for r in items:
            r.title = _title_within_paragraph(stream, c, r)
        for r in items:
            _add(accs, order, stream, c, r)
    refs = _merge_ocr_variants(_merge_short_ids([accs[k].ref for k in order]))
    _fill_from_own_issuer(refs, header)
    subject_loc = header.locs.get("subject") if header else None
    return refs, extract_unnumbered(doc, prepared, subject_block=subject_loc.block if subject_loc is not None else None)


# "Sở đã ban hành Kế hoạch số …", "Ngày 3/5, Ban đã có công văn số …": the writing body named by its head word alone
_BARE_HEAD_ISSUES = regex.compile(
    r"(?:^|[.;:,]\s{0,3}|\n)\s{0,3}(?P<h>Sở|Ban|Bộ|Trường|Phòng|Trung\s+tâm|Viện|Cục|Chi\s+cục|Khoa|Văn\s+phòng|Hội\s+đồng)"
    r"\s{1,3}(?:(?:đã|vừa|cũng)\s{1,3})?(?:ban\s{1,3}hành|có|ký|gửi|ra)\s{1,3}(?:các\s{1,3})?$")


_BARE_HEAD = regex.compile(r"Sở|Ban|Bộ|Trường|Phòng|Trung\s+tâm|Viện|Cục|Tổng\s+cục|Chi\s+cục|Khoa|Văn\s+phòng|Hội\s+đồng")


def _own_body_by_its_head(text: str, r: Resolved, own_issuer: str) -> None:
    """A document its writer issued, named by the head word of the writer's own
    name ("Sở" in a Sở Y tế letter): that body, when the symbol's code fits it —
    before the number ("Sở đã ban hành Kế hoạch số …") or after it ("Công văn số
    12/BNN-KH ngày … của Bộ về việc …")."""
    if r.issuer and r.issuer_source == "explicit" and _BARE_HEAD.fullmatch(r.issuer, timeout=rx_timeout(r.issuer)) \
            and fold(own_issuer).startswith(fold(r.issuer) + " ") \
            and r.found.issuer_codes and issuer_fits_code(own_issuer, r.found):
        r.issuer = own_issuer
        return
    if r.issuer:
        return
    m = _BARE_HEAD_ISSUES.search(text[max(0, r.start - 60):r.start], timeout=RX_TIMEOUT)
    if not m or not fold(own_issuer).startswith(fold(m.group("h")) + " "):
        return
    if r.found.issuer_codes and issuer_fits_code(own_issuer, r.found):
        r.issuer, r.issuer_source = own_issuer, "context"


def _body_named_before_by_its_head(text: str, r: Resolved, before: list[Resolved]) -> None:
    """A body named in full for an earlier number of the same text, then by its head word alone ("Sở Giáo dục và
    Đào tạo có Công văn số …; ngày …, Sở có Công văn số …"): that body, when the symbol's code fits it."""
    if r.issuer or not r.found.issuer_codes:
        return
    m = _BARE_HEAD_ISSUES.search(text[max(0, r.start - 60):r.start], timeout=RX_TIMEOUT)
    if not m:
        return
    head = fold(m.group("h")) + " "
    for p in reversed(before):
        if p.issuer and fold(p.issuer).startswith(head) and issuer_fits_code(p.issuer, r.found):
            r.issuer, r.issuer_source = p.issuer, "context"
            return


def _short_key(ref: Reference) -> tuple[str, str, str] | None:
    """(number, type code, issuer codes) of a reference, the parts its short
    form keeps: "53/2006/NĐ-CP" and "Nghị định 53/NĐ-CP" → ("53", "nđ", "cp");
    the party "06-NQ/TU" and "Nghị quyết 06/TU" → ("06", "nq", "tu")."""
    if not ref.number or not ref.symbol:
        return None
    sym = strip_diacritics(ref.symbol).casefold()
    if "/" in sym:  # party (or joint) symbol: TYPE/BODY
        typ, _, body = sym.partition("/")
    else:
        head, _, body = sym.partition("-")
        typ = head if body else strip_diacritics(code_of_type(ref.type) or "").casefold()
        body = body or head
    if not typ or not body:
        return None
    return ref.number.lower(), typ, _ID_DROP.sub("", body, timeout=rx_timeout(body))


def _merge_short_ids(refs: list[Reference]) -> list[Reference]:
    """A short form of a number cited in full in the same document is that
    document ("Nghị định 53/NĐ-CP" and "Nghị định số 53/2006/NĐ-CP", "Nghị
    quyết 06/TU" and "Nghị quyết số 06-NQ/TU"): merged into the full form when
    exactly one full form has its number, type and issuer codes."""
    full: dict[tuple[str, str, str], list[Reference]] = {}
    for r in refs:
        k = _short_key(r)
        if k and (r.year or "/" in (r.symbol or "")):
            full.setdefault(k, []).append(r)
    drop: set[int] = set()
    for r in refs:
        if r.year or "/" in (r.symbol or ""):
            continue
        k = _short_key(r)
        cands = [f for f in full.get(k, []) if f is not r] if k else []
        if len(cands) != 1:
            continue
        _absorb(cands[0], r)
        drop.add(id(r))
    return [r for r in refs if id(r) not in drop]


def _absorb(into: Reference, r: Reference) -> None:
    """``r`` is another writing of ``into``: its mentions, and what ``into`` lacks, go over."""
    into.mentions.extend(r.mentions)
    into.date = into.date or r.date
    into.issuer = into.issuer or r.issuer
    into.title = into.title or r.title
    if _RELATION_RANK[r.relation] > _RELATION_RANK[into.relation]:
        into.relation = r.relation


def _codes_known(symbol: str) -> bool:
    return all(is_issuer_code(g) or is_type_code(g) for g in regex.split(r"[-/]", symbol, timeout=RX_TIMEOUT) if g)


def _one_letter_lost(short: str, full: str) -> bool:
    """``short`` is ``full`` with one letter left out ("cttg" of "ct-ttg" without its hyphen), both of 4+ letters."""
    if len(short) < 4 or len(full) != len(short) + 1:
        return False
    k = next((i for i, (a, b) in enumerate(zip(short, full)) if a != b), len(short))
    return short[k:] == full[k + 1:]


def _merge_ocr_variants(refs: list[Reference]) -> list[Reference]:
    """A number whose symbol holds a code no table knows, and that differs by a
    letter or two from the symbol of one other reference with the same number
    ("52-C1/IW" beside "52-CT/TW", "12/QĐ-UBNO" beside "12/QĐ-UBND"), or lacks one
    of its letters ("27/CTTg" beside "27/CT-TTg"): the same document, misread by an
    OCR or mistyped in one place — merged into the readable one."""
    drop: set[int] = set()
    for r in refs:
        if not r.symbol or _codes_known(r.symbol):
            continue
        sym = strip_diacritics(r.symbol).casefold()
        cands = [f for f in refs if f is not r and id(f) not in drop and f.number == r.number and f.year == r.year
                 and f.symbol and _codes_known(f.symbol)
                 and ((len(f.symbol) == len(r.symbol)
                       and sum(a != b for a, b in zip(sym, strip_diacritics(f.symbol).casefold())) <= 2)
                      or _one_letter_lost(_ID_DROP.sub("", sym, timeout=RX_TIMEOUT),
                                          _ID_DROP.sub("", strip_diacritics(f.symbol).casefold(), timeout=RX_TIMEOUT)))]
        if len(cands) != 1:
            continue
        _absorb(cands[0], r)
        drop.add(id(r))
    return [r for r in refs if id(r) not in drop]


def _para_starts(stream: Stream, c: Cleaned) -> list[int]:
    """Where each paragraph of the stream starts in the clean text."""
    out: list[int] = []
    n = len(c.text)
    for p in stream.pieces[1:]:
        i = bisect_left(range(n), p.offset, key=c.at)
        out.append(i)
    return out


def _title_within_paragraph(stream: Stream, c: Cleaned, r: Resolved) -> str | None:
    """The title cut at the end of the paragraph (or cell) it starts in: the
    clean text joins paragraphs, and a title never runs on into the next one
    ("… về tăng cường công tác dân vận" ⏎ "Thực hiện Chỉ thị …")."""
    if not r.title:
        return r.title
    at = c.text.find(r.title, r.tail)
    if at < 0:
        return r.title
    s0, s1 = c.orig(at, at + len(r.title))
    for p in stream.pieces:
        if p.offset <= s0 < p.offset + p.length:
            end = p.offset + p.length
            if s1 > end:
                return squash_spaces(stream.text[s0:end]).strip(" ,;“”\"") or None
            break
    return r.title


_CAPS_MENTION = regex.compile(r"[^\p{Ll}]*")  # a mention with no lower-case letter (a title in capitals)


def _add(accs: dict[str, _Acc], order: list[str], stream: Stream, c: Cleaned, r: Resolved) -> None:
    f = r.found
    key = ref_key(f.id)
    s, e = c.orig(r.start, f.end)
    mention = Mention(text=stream.text[s:e], loc=stream.loc(s, e))
    type_from_word = r.type_from_word
    acc = accs.get(key)
    caps = _CAPS_MENTION.fullmatch(mention.text, timeout=rx_timeout(mention.text)) is not None
    if acc is None:
        ref = Reference(id=f.id, number=f.number, year=f.year, symbol=f.symbol)
        acc = _Acc(ref, caps_id=caps)
        accs[key] = acc
        order.append(key)
    elif acc.caps_id and not caps:
        acc.ref.id, acc.ref.symbol, acc.caps_id = f.id, f.symbol, False  # "CHỈ THỊ SỐ 27/CT-TTG" then "… 27/CT-TTg"
    ref = acc.ref
    ref.mentions.append(mention)
    if r.type and (ref.type is None or (type_from_word and not acc.type_from_word)):
        ref.type, ref.type_code = r.type, r.type_code
        acc.type_from_word = type_from_word
    if ref.type_code is None and r.type_code:
        ref.type_code = r.type_code
    if ref.date is None and r.date:
        ref.date = r.date
    if r.issuer:
        key = fold(r.issuer)
        acc.named[key] = acc.named.get(key, 0) + 1
        rank = _ISSUER_RANK.get(r.issuer_source, 0) - (0.5 if mention.text.isupper() else 0)
        if rank > acc.issuer_rank:
            ref.issuer, acc.issuer_rank = r.issuer, rank
        elif (rank == acc.issuer_rank and r.issuer_source != "context" and ref.issuer and len(r.issuer) > len(ref.issuer)
              and (fold(r.issuer).startswith(fold(ref.issuer) + " ") or fold(r.issuer).startswith(fold(ref.issuer) + ","))):
            # "Tỉnh ủy" then "Tỉnh ủy Kon Tum" (a footnote), "Bộ Chính trị" (cut by a line break) then "Bộ Chính trị,
            # Ban Bí thư": the fuller name
            ref.issuer = r.issuer
        elif rank == acc.issuer_rank and ref.issuer and acc.named[key] > acc.named.get(fold(ref.issuer), 0):
            ref.issuer = r.issuer  # two names given as plainly: the one the document uses more often
    if ref.title is None and r.title:
        ref.title = r.title
    if _RELATION_RANK[r.relation] > _RELATION_RANK[ref.relation]:
        ref.relation = r.relation  # type: ignore[assignment]


_PLACE_NAMED = regex.compile(r"(?:huyện|tỉnh|thành\s+phố|quận|thị\s+xã|xã|phường)\s+\p{Lu}")


def _agency_specific(code: str) -> bool:
    """A code one agency chose for itself, standing in the issuer table for a
    named place's body (e.g. YTTMR). A code the table does not know is not
    taken for one: it may be a national body's (TCT), whose letters are cited
    by number without a name, and the guidelines want the issuer as the text
    names it."""
    if not is_issuer_code(code):
        return False  # a code the table does not know may be a national body's (TCT): nothing says whose it is
    exp = issuer_by_code(code) or ""
    return bool(_PLACE_NAMED.search(exp, timeout=rx_timeout(exp)))


def _fill_from_own_issuer(refs: list[Reference], header: DocumentHeader | None) -> None:
    """A cited document whose issuer code is the citing document's own,
    agency-specific code ("KH-YTTMR" in a YTTMR plan) was issued by the same
    body.  Generic codes (UBND, SYT, TU …) name a different body at each
    place and level, so they are left alone."""
    if not header or not header.issuer:
        return
    own = _issuer_code_of(header.symbol)
    if not own or not _agency_specific(own):
        return
    for r in refs:
        if r.issuer is None and _issuer_code_of(r.symbol) == own:
            r.issuer = header.issuer


# --------------------------------------------------------------------------
# Documents cited without a number
# --------------------------------------------------------------------------

_UNNUMBERED = regex.compile(
    r"(?<![\p{L}])(?P<type>Bộ\s+[Ll]uật|Luật|Pháp\s+lệnh|Hiến\s+pháp|Nghị\s+quyết|NGHỊ\s+QUYẾT)\s{1,3}"
    r"(?P<first>\p{Lu}\p{L}{0,15}"
    # a law's name written in lower case after its capitalised type ("Căn cứ Luật đất đai năm 2013;", "của Pháp lệnh
    # ưu đãi …"), not the law at hand, a lawyer or the law in general ("Luật này", "Luật sư", "Luật định", "Luật hiện
    # hành"); a first word that ends a name (_UNNUM_STOP: "Luật quy định", "Luật có") leaves no name behind
    r"|(?<=(?-i:Luật|Pháp\s+lệnh)\s{1,3})(?!(?:này|sư|pháp|định|lệ|sửa|hiện|mới|cũ|trên|đó|nêu|chuyên|khác|liên|chung|riêng|thay|"
    r"gốc|cơ\s+bản|quốc\s+tế)(?![\p{L}]))\p{Ll}\p{L}{0,15}(?=\s{1,3}\p{Ll}))"
)
# the Constitution, named by its year alone: "Hiến pháp năm 2013", "Hiến pháp 1992"
_CONSTITUTION = regex.compile(r"(?<![\p{L}])(?:Hiến\s{1,3}pháp|HIẾN\s{1,3}PHÁP)\s{1,3}(?:(?:năm|NĂM)\s{1,3})?(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
# in or after a congress's resolution's name: a class of documents, one per body ("Nghị quyết Đại hội Đảng bộ của
# từng xã", "… các cấp", "… ở mỗi địa phương")
_EACH_AFTER = regex.compile(r"\s{1,3}(?:(?:của|ở)\s{1,3})?(?:từng|mỗi|các\s{1,3}cấp)(?![\p{L}])")
# "Luật A và B số 85/2015/QH13": a name with "và" in it, cited by its number (no document type between)
_AND_THEN_NUMBER = regex.compile(
    r"\s{1,3}và\s{1,3}(?P<mid>[^,;:.()“”\"\n]{1,80}?)\s{0,3},?\s{0,3}(?:số|Số)\s{0,3}:?\s{0,3}[0-9]{1,5}\s{0,2}/"
    r"\s{0,2}(?:(?:19|20)[0-9]{2}\s{0,2}/\s{0,2})?\p{Lu}")
_TYPE_WORD = regex.compile(r"(?<![\p{L}])(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư|"
                           r"Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Hướng\s+dẫn|Thông\s+báo|Kết\s+luận|Quy\s+định|Văn\s+bản)(?![\p{L}])")
# abbreviations a name is written with as well as in full ("Luật MTTQ Việt Nam" = "Luật Mặt trận Tổ quốc Việt Nam"),
# folded, for the key that says two names are one
_NAME_ABBREVS = ((regex.compile(r"(?<![\p{L}])mttq(?![\p{L}])"), "mat tran to quoc"),
                 (regex.compile(r"(?<![\p{L}])hdnd(?![\p{L}])"), "hoi dong nhan dan"),
                 (regex.compile(r"(?<![\p{L}])ubnd(?![\p{L}])"), "uy ban nhan dan"),
                 (regex.compile(r"(?<![\p{L}])vbqppl(?![\p{L}])"), "van ban quy pham phap luat"))


def _name_key(name: str) -> str:
    key = fold(name)
    for (rx, full), word in zip(_NAME_ABBREVS, ("mttq", "hdnd", "ubnd", "vbqppl")):
        if word in key:  # (no scan where the abbreviation is absent)
            key = rx.sub(full, key, timeout=RX_TIMEOUT)
    return key


_NQ_QUALIFIER = regex.compile(r"^(?:Đại\s+hội|ĐẠI\s+HỘI|Trung\s+ương|TRUNG\s+ƯƠNG|Hội\s+nghị)(?![\p{L}])")
_UNNUM_STOP = regex.compile(
    r"[,;:.“”\"()]|\s(?:về|của|đã|được|và|theo|trong|để|nhằm|gắn|Số|với|tại|cho|thì|là|đến|hướng|ban|"
    r"quy\s+định|phải|đúng|các|những|ngày|Ngày|đối\s+với|trên\s+địa\s+bàn)(?![\p{L}])"
    # "số" opens the name's number ("Luật X số 12/…"), not a word of it ("Pháp lệnh Dân số"); "do" an agent
    # ("Luật X do Công an thực hiện"), not "tự do"
    r"|\ssố(?=\s{0,3}:?\s{0,3}[0-9]|\s{0,3}$)|(?<!tự)\sdo(?![\p{L}])"
    # a header's place-date read onto the line that ends with the name ("… Luật BHYT" ⏎ "Hà Nội, ngày …")
    r"|\s(?=(?:\p{Lu}\p{Ll}{0,7}\s{1,3}){0,3}\p{Lu}\p{Ll}{0,7}\s{0,2},\s{0,3}(?:ngày|Ngày)\s{1,3}[0-9])"
    # "có" opens a predicate ("Luật X có hiệu lực"), but not after "người" ("Pháp lệnh Ưu đãi người có công …")
    r"|(?<!người)\s(?:có)(?![\p{L}])"
    r"|(?<=\snăm\s{1,3}(?:19|20)[0-9]{2})(?=\s)"  # "Luật X năm 2014" ends at its year ("… 2014 Hà Nội, ngày …")
)
# "Luật Tổ chức HĐND và UBND năm 2003": a body's abbreviation after "và" goes on with the name
_AND_ABBR = regex.compile(r"\svà\s{1,3}(?:UBND|HĐND|\p{Lu}{2,6})(?![\p{L}])")
# a name written with a comma: "Luật Cán bộ, công chức ngày …", "Luật Khám bệnh, chữa bệnh;", "Luật Thi đua, khen
# thưởng năm 2022" — lower-case words after the comma, then the name's end (a date, a year, a number, the clause's end)
_COMMA_IN_NAME = regex.compile(
    # ("Luật Khoa học, công nghệ và đổi mới sáng tạo": the listed words may close with "và")
    r",\s{1,3}\p{Ll}{1,7}(?:\s{1,3}\p{Ll}{1,7}){0,2}(?:\s{1,3}và(?:\s{1,3}\p{Ll}{1,7}){1,4})?"
    r"(?=\s{1,3}(?:ngày|năm|số|và\s+(?:Luật|Bộ\s+luật|Pháp\s+lệnh|các|những)|đã\s+được)"
    r"(?![\p{L}])|\s{0,3}[;.:)]|\s{0,3}$"
    # a comma, then the next document cited ("Luật Khám bệnh, chữa bệnh, Nghị định số …")
    r"|\s{0,3},\s{1,3}(?:Luật|Bộ\s+[Ll]uật|Pháp\s+lệnh|Hiến\s+pháp|Nghị\s+định|Nghị\s+quyết|Thông\s+tư|Quyết\s+định|"
    r"Chỉ\s+thị|Kế\s+hoạch|Công\s+văn)(?![\p{L}]))")
# "Luật Địa chất và Khoáng sản năm 2024", "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003": after
# "và", a capitalised word that is no document type, and words that end no name, running to the name's year or date
_AND_NAME_DATED = regex.compile(
    r"\s{1,3}và\s{1,3}(?!(?:Luật|Bộ|Pháp|Nghị|Thông|Quyết|Chỉ|Kế|Công|Văn|Hướng|Thông|Kết|Quy)(?![\p{L}]))\p{Lu}\p{Ll}{0,7}"
    r"(?:\s{1,3}(?!(?:về|của|đã|được|và|theo|trong|để|nhằm|số|với|tại|cho|là|đến|các|những|ngày|năm)(?![\p{L}]))"
    r"\p{L}{1,8}){0,5}(?=\s{1,3}(?:năm\s{1,3}(?:19|20)[0-9]{2}(?![0-9])|ngày\s{1,3}[0-9]))")
_KHOA_TAIL = regex.compile(r"^\s{0,3}\(?\s{0,3}(?:khóa|khoá|Khóa|KHÓA)\s{1,3}[IVXLC]{1,6}\s{0,3}\)?")
_YEAR_TAIL = regex.compile(r"^\s{1,3}năm\s{1,3}(?:19|20)[0-9]{2}")


# "sửa đổi, bổ sung một số điều", and a law's name coming next
_AMEND_WORDS = r"(?:sửa|Sửa)\s{1,3}đổi(?:,?\s{1,3}bổ\s{1,3}sung)?\s{1,3}(?:một\s{1,3}số\s{1,3}(?:điều|Điều)\s{1,3})?"
_LAW_AHEAD = r"(?=(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s{1,3}\p{L})"
_AMENDING = regex.compile(
    r"(?<![\p{L}])(?P<type>Luật|Bộ\s+luật|Pháp\s+lệnh)\s{1,3}" + _AMEND_WORDS + r"(?:của\s{1,3}(?:các\s{1,3})?)?" + _LAW_AHEAD
)


# the title of a numbered amending act naming the laws it amends: "Luật số 97/2030/QH16 về sửa đổi, bổ sung một số
# điều của Luật A, Luật B và Luật C" — those laws are named there as its subject, cited by no mention of their own
_AMENDS_TITLE = regex.compile(
    r"(?<![\p{L}])(?<!(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s{1,3})" + _AMEND_WORDS + r"của\s{1,3}(?:các\s{1,3})?" + _LAW_AHEAD
)


_BILL_BEFORE = regex.compile(r"(?<![\p{L}])(?:dự|Dự|DỰ)\s{1,3}(?:án|thảo|ÁN|THẢO)\s{1,3}$")
# the next law an amending law's title names: "… của Luật A, Luật B và Luật C"
_NEXT_AMENDED = regex.compile(r"\s{0,3}(?:,|\s(?:và|VÀ))\s{1,3}" + _LAW_AHEAD)
# a law's number right after its name: "Luật Quản lý thuế số 38/2019/QH14", "Luật Đầu tư công số: 39/2019/QH14"
_NUMBER_AFTER_NAME = regex.compile(
    r"\s{0,3},?\s{0,3}(?:số|Số)\s{0,3}:?\s{0,3}[0-9]{1,5}\s{0,2}/\s{0,2}(?:(?:19|20)[0-9]{2}\s{0,2}/\s{0,2})?\p{Lu}")
_PHONG_CHONG = regex.compile(r"(?<=(?:[Pp]hòng|PHÒNG)),\s{0,3}(?:chống|CHỐNG)\s")
# the rest of a name cut at a joining word, running on to its number: "Pháp lệnh Ưu đãi người có công" + " với
# cách mạng số 26/2030/PL-UBTVQH15" (lower-case words that name no other paper and open no clause)
_RUN_TO_NUMBER = regex.compile(
    r"(?:\s{1,3}(?!(?:theo|tại|và|được|đã|của|cho|là|thì|các|những|văn|công|quyết|nghị|thông|chỉ|kế|tờ|báo|hướng|"
    r"ngày|do|để|trong)(?![\p{L}]))\p{Ll}{1,7}){1,6}" + _NUMBER_AFTER_NAME.pattern)


# "(sau đây gọi là Luật PCCC)", "(gọi tắt là …)", "(sau đây viết tắt là …)": a short name the text gives what it
# has just cited
_CALLED_BEFORE = regex.compile(r"\(\s{0,3}(?:[Ss]au\s{1,3}đây\s{1,3})?(?:gọi|viết)\s{1,3}(?:tắt\s{1,3}|chung\s{1,3})?(?:là\s{1,3})?$")
_CLAUSE_BREAK = regex.compile(r"[;.]\s|\n")
_NUMBER_IN_CLAUSE = regex.compile(r"(?<![0-9])[0-9]{1,5}\s{0,2}/\s{0,2}(?:(?:19|20)[0-9]{2}\s{0,2}/\s{0,2})?\p{Lu}")


def _names_a_numbered(text: str, start: int, tm: float | None) -> bool:
    """Whether the name at ``start`` is the short name given to a document just cited by its number ("Luật X số
    27/2030/QH15 … (sau đây gọi là Luật PCCC)")."""
    called = _CALLED_BEFORE.search(text, max(0, start - 40), start, timeout=tm)
    if not called:
        return False
    lo = max(0, called.start() - 300)
    stop = max((x.end() for x in _CLAUSE_BREAK.finditer(text[lo:called.start()], timeout=tm)), default=0)
    return _NUMBER_IN_CLAUSE.search(text, lo + stop, called.start(), timeout=tm) is not None


_NUMBER_THEN_ID = regex.compile(r"\s{0,3},?\s{0,3}(?:số|Số)\s{0,3}:?\s{0,3}[0-9]{1,5}\s{0,2}/[\p{L}0-9/\-]{1,40}")


def _numbered_after(text: str, end: int, tm: float | None) -> bool:
    """Whether the name ending at ``end`` is followed by its number, directly or after the rest of its words."""
    return bool(_NUMBER_AFTER_NAME.match(text, end, timeout=tm) or _RUN_TO_NUMBER.match(text, end, timeout=tm))


def _name_end(text: str, rest_start: int) -> int:
    """Where a document's name that starts at ``rest_start`` ends."""
    window = text[rest_start:rest_start + 160]
    s = _UNNUM_STOP.search(window, timeout=rx_timeout(window))
    while s and (_PHONG_CHONG.match(window, s.start(), timeout=rx_timeout(window))  # "Luật Phòng, chống tham nhũng"
                 or (s.start() > 0 and _COMMA_IN_NAME.match(window, s.start(), timeout=rx_timeout(window)))
                 or (s.start() > 0 and _AND_ABBR.match(window, s.start(), timeout=rx_timeout(window)))):
        cm = _COMMA_IN_NAME.match(window, s.start(), timeout=rx_timeout(window)) \
            or _AND_ABBR.match(window, s.start(), timeout=rx_timeout(window))
        s = _UNNUM_STOP.search(window, cm.end() if cm else s.end(), timeout=rx_timeout(window))
    end = rest_start + (s.start() if s else len(window))
    dated = _AND_NAME_DATED.match(text, end, min(len(text), end + 90), timeout=RX_TIMEOUT)
    if dated:
        end = dated.end()
    # a name runs on after "năm 2013" or "(khóa XII)" only as that tail
    for tail_rx in (_KHOA_TAIL, _YEAR_TAIL):
        t = tail_rx.match(text[end:end + 30], timeout=RX_TIMEOUT)
        if t:
            end += t.end()
    return end


def _amended_laws_end(text: str, at: int, tm: float | None) -> int | None:
    """Where the laws an amending title names from ``at`` end ("Luật A, Luật B và Luật C"), or None when
    no law is named there."""
    inner = _UNNUMBERED.match(text, at, timeout=tm)
    if not inner:
        return None
    end = _name_end(text, inner.start("first"))
    more = _NEXT_AMENDED.match(text, end, timeout=tm)
    while more:
        nxt = _UNNUMBERED.match(text, more.end(), timeout=tm)
        if not nxt:
            break
        end = _name_end(text, nxt.start("first"))
        more = _NEXT_AMENDED.match(text, end, timeout=tm)
    return end


def extract_unnumbered(doc: Document, prepared: list[tuple[Stream, Cleaned]] | None = None,
                       subject_block: int | None = None) -> list[UnnumberedReference]:
    out: dict[str, UnnumberedReference] = {}
    numbered: set[str] = set()
    if prepared is None:
        prepared = [(st, clean(st.text)) for st in build_streams(doc)]

    def add(stream: Stream, c: Cleaned, start: int, end: int, typ: str, canonical: str | None = None) -> None:
        name = canonical or squash_spaces(c.text[start:end]).rstrip(" ,;.")
        year_m = regex.search(r"(?:19|20)[0-9]{2}$", name, timeout=RX_TIMEOUT)
        key = _name_key(name)
        s0, e0 = c.orig(start, end)
        mention = Mention(text=stream.text[s0:e0], loc=stream.loc(s0, e0))
        if key in out:
            out[key].mentions.append(mention)
        else:
            out[key] = UnnumberedReference(
                text=name, type=normalize_type(typ), year=year_m.group(0) if year_m else None, mentions=[mention]
            )

    for stream, c in prepared:
        text = c.text
        tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
        # "Luật sửa đổi, bổ sung một số điều của Luật X": one law, the amending one; the laws it amends, named in
        # its title ("… của Luật A, Luật B và Luật C"), are cited there by no mention of their own
        amending: list[tuple[int, int]] = []
        for m in _AMENDING.finditer(text, timeout=tm):
            end = _amended_laws_end(text, m.end(), tm)
            if end is not None:
                num = _NUMBER_THEN_ID.match(text, end, timeout=tm)
                if _numbered_after(text, end, tm) and not (num and _NEXT_AMENDED.match(text, num.end(), timeout=tm)):
                    # "Pháp lệnh sửa đổi … của Pháp lệnh X số 04/2030/PL-…": the amending act's number — not when
                    # more laws follow, each with its number ("… của Luật A số 31/…, Luật B số 27/… và …")
                    numbered.add(_name_key(squash_spaces(text[m.start():end]).rstrip(" ,;.")))
                else:
                    add(stream, c, m.start(), end, squash_spaces(m.group("type")))
                amending.append((m.end(), end))
        for m in _AMENDS_TITLE.finditer(text, timeout=tm):
            end = _amended_laws_end(text, m.end(), tm)
            amending.append((m.end(), m.end() if end is None else end))
        for m in _CONSTITUTION.finditer(text, timeout=tm):
            add(stream, c, m.start(), m.end(), "Hiến pháp", canonical=f"Hiến pháp năm {m.group('y')}")
        for m in _UNNUMBERED.finditer(text, timeout=tm):
            if any(a <= m.start() < b for a, b in amending):
                continue
            if _BILL_BEFORE.search(text, max(0, m.start() - 12), m.start(), timeout=tm):
                continue  # "dự án Luật thuế sửa đổi", "dự thảo Luật …": a bill, no document issued
            typ = squash_spaces(m.group("type"))
            rest_start = m.start("first")
            if regex.match(r"(?:Năm|Ngày|Tháng|NĂM)\s{1,3}[0-9]", text[rest_start:rest_start + 12], timeout=RX_TIMEOUT):
                continue  # "Luật Năm 2026 – 2030": a table's cells run together, no name
            if fold(typ) == "nghi quyet" and not _NQ_QUALIFIER.match(text[rest_start:rest_start + 20], timeout=RX_TIMEOUT):
                continue
            end = _name_end(text, rest_start)
            name = squash_spaces(text[m.start():end]).rstrip(" ,;.")
            if len(name.split()) < 2 or regex.search(r"[0-9]{1,5}\s*[/-]\s*\p{Lu}", text[end:end + 12], timeout=RX_TIMEOUT):
                continue
            if _numbered_after(text, end, tm) or _names_a_numbered(text, m.start(), tm):
                numbered.add(_name_key(name))  # "Luật Quản lý thuế số 38/2019/QH14": cited by its number
                continue
            am = _AND_THEN_NUMBER.match(text, end, timeout=tm)
            if am and not _TYPE_WORD.search(am.group("mid"), timeout=tm):
                # "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13": the name runs on
                # past "và" to its number; the part before "và", named alone elsewhere, is that law
                numbered.add(_name_key(name))
                continue
            if fold(typ) == "nghi quyet" and _EACH_AFTER.search(text, rest_start, end + 25, timeout=tm):
                continue  # "Nghị quyết Đại hội Đảng bộ của từng phường", "… các cấp": one per body, no one document
            if regex.match(r"\s{0,3}số\s", text[m.end("type"):m.end("type") + 6], timeout=RX_TIMEOUT):
                continue
            add(stream, c, m.start(), end, typ)
    # a law the document cites by its number somewhere is a numbered reference wherever it is named
    return _merge_short_forms([u for k, u in out.items() if k not in numbered], subject_block)


def _merge_short_forms(items: list[UnnumberedReference], subject_block: int | None = None) -> list[UnnumberedReference]:
    """A short form ("Luật Ban hành văn bản") of a name cited in full in the
    same document ("Luật Ban hành văn bản quy phạm pháp luật") is that document."""
    keys = [_name_key(u.text) for u in items]
    drop: set[int] = set()
    for i, u in enumerate(items):
        longer = [j for j, k in enumerate(keys)
                  if j != i and j not in drop and items[j].type == u.type and k.startswith(keys[i] + " ")]
        if longer:
            j = min(longer, key=lambda x: len(keys[x]))
            items[j].mentions.extend(u.mentions)
            drop.add(i)
    # a name with a word in capitals that spells the initials of the other's words ("Luật BHYT", "Luật Bảo hiểm y
    # tế"): one document, named as the text first names it (a text names a law in full in its legal basis and by
    # its initials after, or names it by the initials it uses throughout: how often says neither)
    kept = [i for i in range(len(items)) if i not in drop]
    for a in kept:
        if a in drop:
            continue
        for b in kept:
            if b == a or b in drop or items[a].type != items[b].type:
                continue
            if _initials_of(_name_key(items[a].text), _name_key(items[b].text)):
                # (a header's subject line, short of room, names it by its initials: the text's first name is
                # the body's)
                win = min((a, b), key=lambda x: (_first_named_at(items[x], subject_block), x))
                lose = b if win == a else a
                items[win].mentions.extend(items[lose].mentions)
                items[win].year = items[win].year or items[lose].year
                drop.add(lose)
                if lose == a:
                    break
    return [u for i, u in enumerate(items) if i not in drop]


def _first_named_at(u: UnnumberedReference, subject_block: int | None) -> tuple[int, int]:
    """Where the text first names ``u`` (block, offset), its header's subject line left out."""
    at = [(m.loc.block, m.loc.start or 0) for m in u.mentions
          if m.loc.block is not None and m.loc.footnote is None and m.loc.block != subject_block]
    return min(at, default=(1 << 30, 0))


def _initials_of(short: str, full: str) -> bool:
    """``short`` (folded) is ``full`` (folded) with one or more runs of words written as their initials — "luat
    bhyt" for "luat bao hiem y te" — and perhaps a year after, or the rest of a longer name ("phap lenh uu dai
    ncc" for "phap lenh uu dai nguoi co cong dam bao …")."""
    a, b = short.split(), full.split()
    i = j = 0
    abbreviated = False
    while i < len(a):
        t = a[i]
        if j < len(b) and t == b[j]:
            i, j = i + 1, j + 1
            continue
        n = len(t)
        if 2 <= n <= 8 and t.isalpha() and j + n <= len(b) and "".join(w[0] for w in b[j:j + n]) == t:
            i, j, abbreviated = i + 1, j + n, True
            continue
        break
    if not abbreviated or j == 0:
        return False
    rest = a[i:]
    return not rest or (len(rest) <= 2 and regex.fullmatch(r"(?:nam\s)?(?:19|20)[0-9]{2}", " ".join(rest),
                                                           timeout=RX_TIMEOUT) is not None)
