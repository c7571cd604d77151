"""Provenance is exact (issue 13): every reference mention, unit mention, deadline and recurrence
that vanban extracts points, through its ``loc``, at the very words it names.

For each sample document (``data/raw``, every format), each real document of the repo
(``tests/shared/corpus/real``) and each document of the dev split (``tests/gold/dev`` stems in
``tests/shared/corpus/more``), the extraction is run and, for every item, the slice
``text[loc.start:loc.end]`` of the block (paragraph) or table cell the ``loc`` names must equal the
item's text as written (``Mention.text``, ``UnitMention.raw``, ``Deadline.text``,
``Recurrence.text``), up to runs of whitespace (a line break inside a cell is read as a space).
Scanned PDFs are OCR'd: they carry the ``ocr`` mark (``-m "not ocr"`` leaves them out).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from core.model import Document, Loc, Paragraph, Table
from core.textutil import squash_spaces
from extractors.header import extract_header
from extractors.obligations import extract_obligations
from extractors.references import extract_references
from parsers import parse

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
REAL = ROOT / "tests" / "shared" / "corpus" / "real"
MORE = ROOT / "tests" / "shared" / "corpus" / "more"
DEV_GOLD = ROOT / "tests" / "gold" / "dev"
FORMATS = {".docx", ".pdf", ".doc", ".txt", ".md"}


def _documents() -> list[Path]:
    docs = sorted(p for p in RAW.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)
    docs += sorted(p for p in REAL.iterdir() if p.is_file() and p.suffix.lower() in FORMATS and p.name != "SOURCES.md")
    for g in sorted(DEV_GOLD.glob("*.json")):
        # only the dev split's own documents: the other files of corpus/more are blind
        docs += sorted(p for p in MORE.glob(f"{g.stem}.*") if p.suffix.lower() in FORMATS)
    return docs


@lru_cache(maxsize=None)
def _is_scan(path: Path) -> bool:
    """A PDF with a page that has (almost) no text layer: parsing it runs OCR."""
    if path.suffix.lower() != ".pdf":
        return False
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return any(pdf[i].get_textpage().count_chars() < 30 for i in range(len(pdf)))
    finally:
        pdf.close()


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


DOCS = _documents()
# (document id, kind) -> why it is not exact yet (xfail); kinds: refs, units, implied, deadlines, recurrences.
# Empty: every item of every document points at its words.
KNOWN: dict[tuple[str, str], str] = {}


def _params(kind: str) -> list:
    out = []
    for p in DOCS:
        marks = [pytest.mark.ocr] if _is_scan(p) else []
        why = KNOWN.get((_id(p), kind))
        if why:
            marks.append(pytest.mark.xfail(reason=why, strict=False))
        out.append(pytest.param(p, marks=marks, id=_id(p)))
    return out


_CACHE: dict[Path, tuple[Document, list[tuple[str, str, Loc | None]]]] = {}


def _items(path: Path) -> tuple[Document, list[tuple[str, str, Loc | None]]]:
    """(document, [(kind, text as written, loc)]) of everything extracted, read once per file."""
    if path not in _CACHE:
        doc = parse(path)
        header = extract_header(doc)
        refs, unnumbered = extract_references(doc, header)
        obligations, _units = extract_obligations(doc, header)
        items: list[tuple[str, str, Loc | None]] = []
        for r in refs:
            items += [("refs", m.text, m.loc) for m in r.mentions]
        for u in unnumbered:
            items += [("refs", m.text, m.loc) for m in u.mentions]
        for o in obligations:
            items += [("implied" if u.implied else "units", u.raw, u.loc) for u in o.units]
            if o.deadline is not None:
                items.append(("deadlines", o.deadline.text, o.deadline.loc))
            if o.recurrence is not None:
                items.append(("recurrences", o.recurrence.text, o.recurrence.loc))
        _CACHE[path] = (doc, items)
    return _CACHE[path]


def _tables(doc: Document):
    def walk(t: Table):
        yield t
        for row in t.rows:
            for c in row:
                for inner in c.tables:
                    yield from walk(inner)

    for b in doc.blocks:
        if isinstance(b, Table):
            yield from walk(b)


def base_text(doc: Document, loc: Loc | None) -> str | None:
    """The text of the paragraph, table cell or footnote ``loc`` names, or None when it names none."""
    if loc is None:
        return None
    if getattr(loc, "footnote", None) is not None:  # a footnote's text (``Document.footnotes``)
        return doc.footnotes[loc.footnote].text if 0 <= loc.footnote < len(doc.footnotes) else None
    if loc.block is None:
        return None
    if loc.table is not None:
        for t in _tables(doc):
            if t.table_index == loc.table and t.index == loc.block:
                for row in t.rows:
                    for c in row:
                        if c.row == loc.row and c.col == loc.col:
                            return c.text
        return None
    if not 0 <= loc.block < len(doc.blocks):
        return None
    b = doc.blocks[loc.block]
    return b.text if isinstance(b, Paragraph) else None


def _norm(s: str) -> str:
    return squash_spaces(s.replace("\n", " "))


def wrong_locs(doc: Document, items, kind: str) -> list[str]:
    bad = []
    for k, text, loc in items:
        if k != kind:
            continue
        base = base_text(doc, loc)
        got = None if base is None or loc.start is None or loc.end is None else base[loc.start:loc.end]
        if got is None or _norm(got) != _norm(text):
            bad.append(f"{text!r} -> {got!r} at {loc}")
    return bad


def _check(path: Path, kind: str) -> None:
    doc, items = _items(path)
    bad = wrong_locs(doc, items, kind)
    n = sum(1 for k, *_ in items if k == kind)
    assert not bad, f"{len(bad)} of {n} {kind} point elsewhere:\n" + "\n".join(bad[:20])


@pytest.mark.parametrize("path", _params("refs"))
def test_reference_mentions_point_at_their_words(path):
    _check(path, "refs")


@pytest.mark.parametrize("path", _params("units"))
def test_unit_mentions_point_at_their_words(path):
    _check(path, "units")


@pytest.mark.parametrize("path", _params("implied"))
def test_inherited_units_point_at_the_words_that_name_them(path):
    _check(path, "implied")


@pytest.mark.parametrize("path", _params("deadlines"))
def test_deadlines_point_at_their_date_words(path):
    _check(path, "deadlines")


@pytest.mark.parametrize("path", _params("recurrences"))
def test_recurrences_point_at_their_words(path):
    _check(path, "recurrences")


def test_the_check_sees_a_loc_that_points_elsewhere():
    from core.model import SourceInfo
    from core.tables import table_from_grid

    t = table_from_grid([["TT", "Nội dung", "Đơn vị thực hiện"], ["1", "Rà soát hồ sơ", "Phòng Tư pháp"]])
    doc = Document(source=SourceInfo(path="x.docx", sha256="", format="docx"),
                   blocks=[Paragraph("Sở Xây dựng gửi báo cáo trước ngày 05/6/2024."), t]).reindex()
    good = Loc(block=0, start=0, end=11)
    cell = t.cell_loc(t.rows[1][2])
    items = [("units", "Sở Xây dựng", good), ("units", "Phòng Tư pháp", cell),
             ("units", "Phòng Tư pháp", t.cell_loc(t.rows[1][1])),  # the task cell, not the unit cell
             ("units", "Sở Xây dựng", Loc(block=0, start=0, end=46)),  # the whole paragraph
             ("units", "Sở Xây dựng", None)]
    assert len(wrong_locs(doc, items, "units")) == 3
