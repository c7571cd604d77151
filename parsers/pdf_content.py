"""pdfminer's content-stream parser, by a short path.

pdfminer reads a page's content stream one token at a time through a state
machine (``PSBaseParser``): two or three Python method calls, a buffer check
and a ``log.debug`` call per token, and more per object in ``PSStackParser``.
On a text page that is most of pdfminer's interpretation, itself 60% of a PDF's
parse.  ``FastContentParser`` reads a token that lies wholly inside the current
buffer in one step, with pdfminer's own patterns and the same conversions, and
hands every other case (a token cut by the buffer's end or a stream change, a
``#`` in a name, a string with an escape or nested parentheses, the end of the
data, inline images) to pdfminer's own code, from the same state.  The tokens,
their positions and the objects are pdfminer's (``tests/test_pdf_content.py``
compares both over every content stream of the sample PDFs).

``page_layout(page)`` is pdfplumber's ``page.layout`` interpreted by
``FastInterpreter``: pdfminer's interpreter with this parser and with each
operator's method looked up once per keyword instead of once per operator,
drawing onto ``FastDevice`` (each glyph's ``LTChar`` made in one step).
They are used only when pdfminer's debug log is off (the short paths write
none).  ``tests/test_pdf_content.py`` also compares the whole ``LTPage`` of
every page of the sample PDFs, attribute order included.
"""

from __future__ import annotations

import logging

from pdfminer import pdfdevice, pdfinterp, psparser
from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.psparser import (
    END_HEX_STRING,
    END_KEYWORD,
    END_LITERAL,
    END_NUMBER,
    END_STRING,
    HEX_PAIR,
    KEYWORD_ARRAY_BEGIN,
    KEYWORD_ARRAY_END,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    KEYWORD_PROC_BEGIN,
    KEYWORD_PROC_END,
    KWD,
    LIT,
    NONSPC,
    SPC,
    PSEOF,
    PSException,
    PSKeyword,
    PSLiteral,
    PSTypeError,
    PSSyntaxError,
    keyword_name,
    literal_name,
)
from pdfminer.utils import choplist
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

_ORIGINAL = pdfinterp.PDFContentParser
_NORMAL = (int, float, bool, str, bytes, PSLiteral)
_DIGITS = frozenset(b"0123456789")
_SIGNS = frozenset(b"-+")
_ALPHA = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LT, _GT, _SLASH, _PAREN, _DOT, _PCT, _NUL = (ord(c) for c in "<>/(.%\x00")
_TRUE, _FALSE = b"true", b"false"
_SINGLE = {c: KWD(bytes((c,))) for c in range(256)}


def _hex_token(raw: bytes) -> bytes:
    """pdfminer's reading of the digits of a hex string."""
    s = SPC.sub(b"", raw)
    if len(s) % 2 == 0:
        return bytes.fromhex(s.decode("ascii"))
    return HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), s)


class FastContentParser(_ORIGINAL):  # type: ignore[misc, valid-type]
    """``PDFContentParser`` with a short path for whole tokens in the buffer."""

    def nexttoken(self):  # noqa: C901 - one dispatch on the first byte, as pdfminer's _parse_main
        if self._tokens or self.eof or self._parse1 != self._parse_main:
            return super().nexttoken()
        buf = self.buf
        n = len(buf)
        while True:
            i = self.charpos
            if i >= n:
                return super().nexttoken()
            m = NONSPC.search(buf, i)
            if m is None:
                return super().nexttoken()  # only blanks left: pdfminer reads on
            j = m.start()
            c = buf[j]
            pos = self.bufpos + j
            if c in _DIGITS or c in _SIGNS or c == _DOT:
                e = END_NUMBER.search(buf, j + 1)
                if e is None:
                    return super().nexttoken()
                k = e.start()
                dot = c == _DOT
                if not dot and buf[k] == _DOT:
                    e = END_NUMBER.search(buf, k + 1)
                    if e is None:
                        return super().nexttoken()
                    k = e.start()
                    dot = True
                self.charpos = k
                try:
                    return (pos, float(buf[j:k]) if dot else int(buf[j:k]))
                except ValueError:
                    continue  # pdfminer drops a sign alone, "-." and the like
            if c in _ALPHA:
                e = END_KEYWORD.search(buf, j + 1)
                if e is None:
                    return super().nexttoken()
                k = e.start()
                self.charpos = k
                word = buf[j:k]
                if word == _TRUE:
                    return (pos, True)
                if word == _FALSE:
                    return (pos, False)
                return (pos, KWD(word))
            if c == _SLASH:
                e = END_LITERAL.search(buf, j + 1)
                if e is None or buf[e.start()] == 0x23:  # "#": pdfminer's escape reading
                    return super().nexttoken()
                k = e.start()
                self.charpos = k
                raw = buf[j + 1:k]
                try:
                    name: str | bytes = str(raw, "utf-8")
                except Exception:  # noqa: BLE001 - as pdfminer: the bytes stand
                    name = raw
                return (pos, LIT(name))
            if c == _PAREN:
                e = END_STRING.search(buf, j + 1)
                if e is None or buf[e.start()] != 0x29:  # only ")" ends a plain string here
                    return super().nexttoken()
                k = e.start()
                self.charpos = k + 1
                return (pos, buf[j + 1:k])
            if c == _LT:
                if j + 1 >= n:
                    return super().nexttoken()
                if buf[j + 1] == _LT:
                    self.charpos = j + 2
                    return (pos, KEYWORD_DICT_BEGIN)
                e = END_HEX_STRING.search(buf, j + 1)
                if e is None:
                    return super().nexttoken()
                k = e.start()
                self.charpos = k
                return (pos, _hex_token(buf[j + 1:k]))
            if c == _GT:
                if j + 1 >= n:
                    return super().nexttoken()
                if buf[j + 1] == _GT:
                    self.charpos = j + 2
                    return (pos, KEYWORD_DICT_END)
                self.charpos = j + 1
                continue
            if c == _PCT:
                return super().nexttoken()  # a comment: pdfminer skips it
            if c == _NUL:
                self.charpos = j + 1
                continue
            self.charpos = j + 1
            return (pos, _SINGLE[c])

    def nextobject(self):  # noqa: C901 - PSStackParser.nextobject without its debug log
        while not self.results:  # not kept in a local: an inline image's seek() makes a new list
            (pos, token) = self.nexttoken()
            if isinstance(token, _NORMAL):
                self.curstack.append((pos, token))
            elif token is KEYWORD_ARRAY_BEGIN or token is KEYWORD_DICT_BEGIN or token is KEYWORD_PROC_BEGIN:
                self.context.append((pos, self.curtype, self.curstack))
                self.curtype = "a" if token is KEYWORD_ARRAY_BEGIN else "d" if token is KEYWORD_DICT_BEGIN else "p"
                self.curstack = []
            elif token is KEYWORD_ARRAY_END or token is KEYWORD_PROC_END:
                try:
                    done = self.end_type("a" if token is KEYWORD_ARRAY_END else "p")  # restores the outer stack
                    self.curstack.append(done)
                except PSTypeError:
                    if psparser.settings.STRICT:
                        raise
            elif token is KEYWORD_DICT_END:
                try:
                    (pos, objs) = self.end_type("d")
                    if len(objs) % 2 != 0:
                        raise PSSyntaxError(f"Invalid dictionary construct: {objs!r}")
                    d = {literal_name(k): v for (k, v) in choplist(2, objs) if v is not None}
                    self.curstack.append((pos, d))
                except PSTypeError:
                    if psparser.settings.STRICT:
                        raise
            elif isinstance(token, PSKeyword):
                self.do_keyword(pos, token)
            else:  # as pdfminer (no token is of another type)
                self.do_keyword(pos, token)
                raise PSException
            if self.context:
                continue
            self.results.extend(self.curstack)
            self.curstack = []
        return self.results.pop(0)

    def end_type(self, type: str):  # noqa: A002 - pdfminer's signature
        if self.curtype != type:
            raise PSTypeError(f"Type mismatch: {self.curtype!r} != {type!r}")
        objs = [obj for (_, obj) in self.curstack]
        (pos, self.curtype, self.curstack) = self.context.pop()
        return (pos, objs)


class FastInterpreter(pdfinterp.PDFPageInterpreter):
    """``PDFPageInterpreter`` reading its content with ``FastContentParser``
    and finding each operator's method once per keyword (pdfminer builds the
    method's name and looks it up at every operator); form XObjects get the
    same class (pdfminer's ``dup``)."""

    _ops: dict = {}  # PSKeyword -> (method name, argument count) or None; shared by the class

    def execute(self, streams) -> None:  # noqa: C901 - pdfminer's execute, same checks and order
        valid_streams = []
        self.stream_ids.clear()
        for obj in streams:
            stream = pdfinterp.stream_value(obj)
            if stream.objid is None:
                pdfinterp.log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                pdfinterp.log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = FastContentParser(valid_streams)
        except PSEOF:
            return  # empty page
        ops = self._ops
        cls = type(self)
        while True:
            try:
                (_, obj) = parser.nextobject()
            except PSEOF:
                break
            if not isinstance(obj, PSKeyword):
                self.argstack.append(obj)
                continue
            try:
                op = ops[obj]
            except KeyError:
                name = keyword_name(obj)
                method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
                func = getattr(cls, method, None)
                op = ops[obj] = (method, func.__code__.co_argcount - 1) if callable(func) else None
            if op is None:
                if psparser.settings.STRICT:
                    raise pdfinterp.PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                continue
            method, nargs = op
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    getattr(self, method)(*args)
            else:
                getattr(self, method)()


class FastDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's page device with pdfminer's horizontal text drawing by a
    short path: each glyph's ``LTChar`` is made in one step, with the same
    arithmetic in the same order as ``LTChar.__init__`` (and its attributes
    set in the same order, which pdfplumber's character dicts keep), and
    tagged with the marked-content id as pdfplumber tags it.  Vertical fonts
    keep pdfminer's own path."""

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise,
                                 dxscale, ncs, graphicstate):
        if font.is_vertical():
            return super().render_string_horizontal(seq, matrix, pos, font, fontsize, scaling, charspace,
                                                    wordspace, rise, dxscale, ncs, graphicstate)
        (x, y) = pos
        needcharspace = False
        (a, b, c, d, e, f) = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        cur = self.cur_item
        fontname = font.fontname
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    # pdfminer: utils.translate_matrix(matrix, (x, y)), then LayoutAnalyzer.render_char
                    m = (a, b, c, d, x * a + y * c + e, x * b + y * d + f)
                    try:
                        text = font.to_unichr(cid)
                        assert isinstance(text, str), str(type(text))
                    except PDFUnicodeNotDefined:
                        text = self.handle_undefined_char(font, cid)
                    adv = font.char_width(cid) * fontsize * scaling
                    descent = font.get_descent() * fontsize
                    # LTChar: bbox (0, descent + rise, adv, descent + rise + fontsize) through apply_matrix_rect(m, …)
                    bx0, by0, bx1, by1 = 0, descent + rise, adv, descent + rise + fontsize
                    me, mf = m[4], m[5]
                    left1, bottom1 = a * bx0 + c * by0 + me, b * bx0 + d * by0 + mf
                    right1, bottom2 = a * bx1 + c * by0 + me, b * bx1 + d * by0 + mf
                    right2, top1 = a * bx1 + c * by1 + me, b * bx1 + d * by1 + mf
                    left2, top2 = a * bx0 + c * by1 + me, b * bx0 + d * by1 + mf
                    x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
                    x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
                    if x1 < x0:
                        (x0, x1) = (x1, x0)
                    if y1 < y0:
                        (y0, y1) = (y1, y0)
                    item = LTChar.__new__(LTChar)
                    item.__dict__.update(_text=text, matrix=m, fontname=fontname, ncs=ncs, graphicstate=graphicstate,
                                         adv=adv, upright=upright, x0=x0, y0=y0, x1=x1, y1=y1, width=x1 - x0,
                                         height=y1 - y0, bbox=(x0, y0, x1, y1), size=y1 - y0)
                    cur.add(item)
                    objs = cur._objs  # pdfplumber's tag_cur_item
                    if objs:
                        last = objs[-1]
                        last.mcid = self.cur_mcid
                        last.tag = self.cur_tag
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                pdfdevice.logger.warning(
                    "Cannot render horizontal string because %r is not a valid int, float or bytes.", obj)
        return (x, y)


def page_layout(page):
    """pdfplumber's ``page.layout``, interpreted by ``FastInterpreter`` (the
    same ``LTPage``); pdfminer's own interpreter when its debug log is on."""
    if hasattr(page, "_layout"):
        return page._layout
    if logging.getLogger("pdfminer").isEnabledFor(logging.DEBUG):
        return page.layout  # the short path writes no debug log
    from pdfplumber.utils.exceptions import PdfminerException

    device = FastDevice(page.pdf.rsrcmgr, pageno=page.page_number,
                                                laparams=page.pdf.laparams)
    interpreter = FastInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:  # noqa: BLE001 - as pdfplumber
        raise PdfminerException(e)  # noqa: B904 - pdfplumber's exception, chained as pdfplumber chains it
    page._layout = device.get_result()
    return page._layout
