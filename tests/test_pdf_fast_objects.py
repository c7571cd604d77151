"""The PDF parser builds pdfplumber's page objects with a short path for the
characters (``parsers.pdf_parser._fill_objects``); every dict must be equal to
pdfplumber's own, key for key and in the same order, on the first pages of
the seed PDFs and of the real text-layer PDFs."""

from __future__ import annotations


import pdfplumber
import pytest

from parsers import pdf_parser
from conftest import TEXT_LAYER_PDFS

PDFS = TEXT_LAYER_PDFS


PAGES = 4  # per file: the first pages hold the header block, its rules and a table or two


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:24])
def test_short_path_objects_equal_pdfplumbers(path):
    with pdfplumber.open(str(path)) as a, pdfplumber.open(str(path)) as b:
        for pa, pb in zip(a.pages[:PAGES], b.pages[:PAGES]):
            pdf_parser._fill_objects(pa)
            assert hasattr(pa, "_objects")  # the short path was taken, not skipped
            ours, theirs = pa.objects, pb.parse_objects()
            assert list(ours) == list(theirs)
            for kind in theirs:
                assert len(ours[kind]) == len(theirs[kind])
                for x, y in zip(ours[kind], theirs[kind]):
                    if kind == "char":
                        assert list(x.items()) == list(y.items())
                    else:  # pdfplumber's own conversion on both sides; a stream compares by identity
                        assert [(k, repr(v)) for k, v in x.items()] == [(k, repr(v)) for k, v in y.items()]
            assert pa.extract_words(x_tolerance=3, y_tolerance=3) == pb.extract_words(x_tolerance=3, y_tolerance=3)


def test_a_page_already_parsed_is_left_alone():
    with pdfplumber.open(str(PDFS[0])) as pdf:
        page = pdf.pages[0]
        objs = page.objects
        pdf_parser._fill_objects(page)
        assert page.objects is objs
