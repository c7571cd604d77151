"""``parsers.pdf_content.FastContentParser`` (pdfminer's content-stream parser
by a short path) gives pdfminer's own objects and positions: on every content
stream the sample PDFs interpret (pages and form XObjects), and on random
streams of awkward tokens (names with ``#``, escapes, nested parentheses, odd
hex strings, comments, inline images, stray bytes), cut at random points into
several streams so that tokens straddle pdfminer's 4 KiB buffer and the
streams' ends."""

from __future__ import annotations

import logging
import random

import pdfplumber
import pytest
from pdfminer import pdfinterp, psparser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF

from parsers.pdf_content import FastContentParser, FastInterpreter, page_layout
from conftest import TEXT_LAYER_PDFS

PDFS = TEXT_LAYER_PDFS
ORIGINAL = pdfinterp.PDFContentParser


def _plain(o):
    """An object in a form that compares by value (a stream by its dict and data)."""
    if isinstance(o, PDFStream):
        return ("stream", repr(sorted(o.attrs.items())), o.rawdata)
    if isinstance(o, list):
        return [_plain(x) for x in o]
    if isinstance(o, dict):
        return {k: _plain(v) for k, v in o.items()}
    return (type(o).__name__, o)  # 1, 1.0 and True apart


def _objects(cls, streams) -> list:
    out: list = []
    try:
        parser = cls(streams)
    except PSEOF:
        return ["empty"]
    while True:
        try:
            pos, obj = parser.nextobject()
        except PSEOF:
            return out
        except Exception as exc:  # noqa: BLE001 - the same error on both sides is part of the behaviour
            return out + [("error", type(exc).__name__)]
        out.append((pos, _plain(obj)))


PIECES = [b"12", b"-3.5", b".5", b"+", b"-", b"1.2.3", b"-.", b"0.", b"007", b"1e5", b"BT", b"ET", b"Tj", b"TJ", b"T*",
          b"'", b'"', b"true", b"false", b"/F1", b"/A#20B", b"/", b"/\xc3\xa9t\xc3\xa9", b"/\xff", b"(abc)", b"(a(b)c)",
          b"(a\\)b)", b"(\\101\\n)", b"(x\\\r\ny)", b"()", b"<48656C6C6F>", b"<4 8 6>", b"<>", b"<z>", b"<41>>", b"<<",
          b">>", b"<</A 1 /B [1 2]>>", b"[", b"]", b"{", b"}", b"%comment\n", b"%c", b"\x00", b"\xff\xfe",
          b"1 0 0 1 72 700 cm", b"BI /W 2 /H 2 /BPC 8 /CS /G ID \x01\x02\x03\x04 EI", b"q", b"Q"]
SEPS = [b" ", b"\n", b"\r\n", b"", b"\t", b"  "]


@pytest.mark.parametrize("seed", range(6))
def test_random_streams_give_pdfminers_objects(seed):
    rng = random.Random(seed)
    for _ in range(60):
        data = b"".join(rng.choice(PIECES) + rng.choice(SEPS) for _ in range(rng.randint(1, 3000)))
        cuts = sorted(rng.sample(range(len(data) + 1), rng.randint(0, 2)))
        parts = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)])]
        streams = [PDFStream({}, p) for p in parts if p] or [PDFStream({}, b"")]
        assert _objects(FastContentParser, streams) == _objects(ORIGINAL, streams)


def _page_streams() -> list[list]:
    seen: list[list] = []

    class Recorder(ORIGINAL):  # type: ignore[misc, valid-type]
        def __init__(self, streams):
            seen.append(list(streams))
            super().__init__(streams)

    pdfinterp.PDFContentParser = Recorder
    try:
        for path in PDFS:
            with pdfplumber.open(str(path)) as pdf:
                for page in pdf.pages:
                    page.layout
    finally:
        pdfinterp.PDFContentParser = ORIGINAL
    return seen


def test_sample_pdfs_content_streams_give_pdfminers_objects(monkeypatch):
    lists = _page_streams()
    assert len(lists) >= 40
    calls = {"slow": 0}
    slow = ORIGINAL.nexttoken

    def counted(self):
        calls["slow"] += 1
        return slow(self)

    total = 0
    for streams in lists:
        theirs = _objects(ORIGINAL, streams)
        monkeypatch.setattr(ORIGINAL, "nexttoken", counted)
        ours = _objects(FastContentParser, streams)
        monkeypatch.setattr(ORIGINAL, "nexttoken", slow)
        assert ours == theirs
        total += len(theirs)
    assert total > 50_000
    assert calls["slow"] < 0.05 * total  # the short path reads nearly every token itself


def _ltpage(item) -> list:
    """An LTPage as nested plain values: every item's class and attributes."""
    out = [type(item).__name__]
    for k, v in vars(item).items():  # in order: pdfplumber's character dicts keep it
        if k == "_objs":
            out.append([_ltpage(x) for x in v])
        elif k in ("ncs", "graphicstate", "stream", "colorspace"):
            out.append((k, repr(v)))
        else:
            out.append((k, v))
    return out


def test_page_layout_equals_pdfplumbers(monkeypatch):
    """The whole LTPage of every page of the sample PDFs, and the short path
    really taken (no pdfminer interpreter, no pdfminer content parser)."""
    for path in PDFS:
        with pdfplumber.open(str(path)) as a, pdfplumber.open(str(path)) as b:
            for pa, pb in zip(a.pages, b.pages):
                theirs = _ltpage(pb.layout)
                with monkeypatch.context() as m:
                    m.setattr(pdfinterp.PDFPageInterpreter, "execute", None)
                    m.setattr(ORIGINAL, "nextobject", None)
                    ours = _ltpage(page_layout(pa))
                assert ours == theirs
                assert page_layout(pa) is pa.layout  # pdfplumber's later calls see the same page


def test_pdfminers_own_path_under_its_debug_log(monkeypatch):
    monkeypatch.setattr(FastInterpreter, "execute", None)  # the short path would fail here
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.DEBUG)
    try:
        with pdfplumber.open(str(PDFS[0])) as pdf:
            page = pdf.pages[0]
            lt = page_layout(page)
            assert lt is page.layout and len(lt._objs) > 10
    finally:
        log.setLevel(level)
    assert psparser.KWD(b"[") is psparser.KEYWORD_ARRAY_BEGIN
