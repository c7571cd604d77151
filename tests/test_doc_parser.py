"""Legacy .doc through LibreOffice: a real .doc is made from a real .docx
with soffice in the test, then parsed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parsers import parse
from parsers.doc_parser import soffice_convert
from core.errors import DocumentError

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "shared" / "corpus" / "real"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


def norm(t: str) -> str:
    return " ".join(t.split())


@needs_soffice
def test_doc_made_by_libreoffice_parses_like_its_docx(tmp_path):
    import docx as python_docx

    src = tmp_path / "ttr.docx"
    shutil.copyfile(REAL / "2012_08_22_0328000000706160!~!Du thao VB_MOI.docx", src)
    doc_file = soffice_convert(src, "doc", tmp_path / "doc")
    assert doc_file.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: a real Word 97 file
    doc = parse(doc_file)
    assert doc.source.format == "doc" and doc.source.path == str(doc_file)
    want = [norm(p.text) for p in python_docx.Document(str(src)).paragraphs if norm(p.text)]
    got = {norm(p.text) for p in doc.paragraphs}
    share = sum(1 for w in want if w in got) / len(want)
    assert share >= 0.95, share


def test_missing_libreoffice_is_a_clear_error(tmp_path, monkeypatch):
    import parsers.doc_parser as dp

    f = tmp_path / "x.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setattr(dp.shutil, "which", lambda name: None)
    with pytest.raises(DocumentError, match="LibreOffice is not installed"):
        parse(f)


@needs_soffice
def test_corrupt_doc_is_a_clear_error(tmp_path):
    f = tmp_path / "broken.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"garbage" * 100)
    with pytest.raises(DocumentError, match="LibreOffice could not convert"):
        parse(f)
