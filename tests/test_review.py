"""``vanban show``: the displaCy review page on real seed documents."""

from __future__ import annotations

import html
import json
import re

import pytest

from cli.main import main
from pipeline.review import _words_doc, collect_sections

from tests.conftest import GOLD, RAW

SEED_001 = RAW / "001_d7b8ee2fe133437a"
SEED_003 = RAW / "003_2905d9845fe8b394"
SEED_004 = RAW / "004_4f1c6b8dfc0f85d2"


def _sections(path):
    from extractors.header import extract_header
    from extractors.obligations import extract_obligations
    from extractors.references import extract_references
    from parsers import parse

    doc = parse(path)
    header = extract_header(doc)
    obligations, _units = extract_obligations(doc, header)
    refs, unnumbered = extract_references(doc, header)
    return collect_sections(doc, obligations, refs, unnumbered)


def _labelled(sections, prefix):
    return [s.text[a:b] for s in sections for a, b, lab in s.spans if lab.startswith(prefix)]


def _page_text(page: str) -> str:
    """What a browser shows: tags dropped, entities decoded, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _show(tmp_path, src, *extra):
    out = tmp_path / "review.html"
    rc = main(["show", str(src), "--out", str(out), *extra])
    return rc, out


@pytest.mark.parametrize("ext", ["txt", "docx"])
def test_seed_004_deadline_and_units_are_marked(ext):
    secs = _sections(SEED_004.with_suffix(f".{ext}"))
    assert "trước ngày 15/10/2020" in _labelled(secs, "DEADLINE")
    units = " | ".join(_labelled(secs, "UNIT:"))
    assert "Các cơ quan, đơn vị trong Ngành" in units
    refs = _labelled(secs, "REF")
    assert any("96/KH-UBND" in r.replace(" ", "") for r in refs)  # written "số 96 /KH-UBND" in the source
    # each section is headed by where it stands
    assert all(s.title.startswith("block ") for s in secs if s.spans)


def test_seed_003_report_to_and_support_units():
    secs = _sections(SEED_003.with_suffix(".txt"))
    assert {"trước ngày 15/11/2022", "trước ngày 01/12/2022", "trước ngày 10/12/2022"} <= set(_labelled(secs, "DEADLINE"))
    assert "Ban Dân vận Huyện uỷ" in _labelled(secs, "UNIT:support")
    assert "UBND huyện (qua phòng Nội vụ)" in _labelled(secs, "REPORT_TO")


def test_table_rows_are_sections_with_their_cells():
    secs = _sections(RAW / "000_4368117cd102981e.txt")
    rows = [s for s in secs if "table 0" in s.title and "row " in s.title]
    assert rows
    assert any("Phòng TC-HC" in s.text[a:b] for s in rows for a, b, lab in s.spans if lab == "UNIT:responsible")


@pytest.mark.parametrize("style", ["span", "ent"])
def test_cli_writes_page_with_seed_001_units_and_deadlines(tmp_path, style):
    rc, out = _show(tmp_path, SEED_001.with_suffix(".txt"), "--style", style)
    assert rc == 0
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().startswith("<!DOCTYPE html>") and "<html" in page and page.rstrip().endswith("</html>")
    shown = _page_text(page)
    gold = json.loads((GOLD / f"{SEED_001.name}.json").read_text(encoding="utf-8"))
    for d in gold["deadlines"]:
        assert d["text"] in shown
    assert "Ban giám đốc" in shown
    assert "Phòng Tổ chức" in shown
    for label in ("UNIT:lead", "DEADLINE", "REF"):
        assert label in page
    assert ("TASK" in page) == (style == "span")


def test_cli_ent_style_keeps_deadline_text_whole(tmp_path):
    rc, out = _show(tmp_path, SEED_004.with_suffix(".txt"), "--style", "ent")
    assert rc == 0
    page = out.read_text(encoding="utf-8")
    # displaCy's entity markup wraps the phrase as one piece of text
    assert re.search(r"<mark[^>]*>\s*trước ngày 15/10/2020", page)


def test_words_doc_keeps_the_text():
    for t in ["Phòng TC-HC, trước  ngày\n15/10/2020. ", " x", "", "\n\n"]:
        assert _words_doc(t).text == t


def test_broken_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"this is not a zip file at all")
    rc, out = _show(tmp_path, bad)
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2
    assert len(err) == 1 and err[0].startswith("vanban: cannot read") and "hong.docx" in err[0]
    assert not out.exists()


def test_missing_file_exit_2(tmp_path, capsys):
    rc, _out = _show(tmp_path, tmp_path / "khong_co.txt")
    assert rc == 2
    assert capsys.readouterr().err.startswith("vanban: cannot read")
