"""Random and adversarial text never breaks the reference and header
extractors, and whatever they report points back into the text.
(Speed and linearity are measured in bench/references_speed.py, not here.)"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.citation_find import find_citations
from extractors.header import extract_header
from extractors.references import extract_references
from core.model import Document, DocumentHeader, Paragraph, SourceInfo

# pieces that exercise the grammar: numbers, separators, codes, connectors, dates
PIECES = [
    "0", "1", "12", "2020", "/", "-", " ", "\n", "–", "(3)", ".", ",", ";", ":", "số ", "Số: ", "ngày ", "tháng ",
    "năm ", "của ", "giữa ", "và ", "về ", "Căn cứ ", "Thực hiện ", "Quyết định ", "Chỉ thị ", "Kế hoạch ",
    "QĐ", "CT", "KH", "UBND", "TTg", "TU", "TW", "QĐi", "CTPH", "BCSĐ", "NĐ-CP", "QH13", "Luật ", "Nghị quyết ",
    "Đại hội ", "Ủy ban nhân dân tỉnh", "Bộ Chính trị", "(cụ thể: ", ")", "khóa XII", "KẾ HOẠCH", "Nơi nhận:",
    "- ", "KT. GIÁM ĐỐC", "Nguyễn Văn An", "V/v ", "Kính gửi:", "¯", "ỦY BAN NHÂN DÂN",
]

settings.register_profile("refs", max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("refs")


def _doc(paragraphs: list[str]) -> Document:
    return Document(SourceInfo("p.txt", "", "txt"), blocks=[Paragraph(p) for p in paragraphs]).reindex()


def _check(doc: Document) -> None:
    header = extract_header(doc)
    refs, unnumbered = extract_references(doc, header)
    for r in refs:
        assert r.id and r.number and r.number.isdigit()
        assert r.relation in ("implements", "based_on", "cites")
        for m in r.mentions:
            block = doc.blocks[m.loc.block]
            assert 0 <= m.loc.start <= m.loc.end <= len(block.text)
            assert m.text  # as written
    for u in unnumbered:
        assert u.text and u.mentions


grammar_text = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@given(st.lists(grammar_text, min_size=1, max_size=6))
def test_grammar_soup_never_raises(paragraphs):
    _check(_doc(paragraphs))


@given(st.lists(st.text(max_size=300), min_size=1, max_size=4))
def test_any_unicode_never_raises(paragraphs):
    _check(_doc(paragraphs))


@given(grammar_text)
def test_found_spans_are_what_was_written(text):
    for f in find_citations(text):
        assert text[f.start:f.end] == f.text
        assert f.text.startswith(f.number)


ADVERSARIAL = {
    "slashes": "1/" * 500_000,
    "dashes": "12-QĐ/TU-" * 110_000,
    "caps chain": "1/" + "AB-" * 330_000,
    "spaces": "1" + " " * 1_000_000 + "/KH",
    "digits": "1234567890" * 100_000,
    "connectors": "của " * 250_000,
    "number labels": "Số: " * 250_000,
    "broken lines": "324-\n" * 200_000,
}


def test_one_megabyte_adversarial_lines_never_raise():
    for name, text in ADVERSARIAL.items():
        assert len(text) >= 900_000, name
        _check(_doc([text]))


def test_many_real_looking_citations_in_one_line():
    line = "Quyết định số 12/QĐ-UBND ngày 1/1/2020 của UBND tỉnh về việc ban hành; " * 2_000
    refs, _ = extract_references(_doc([line]), DocumentHeader())
    assert [r.id for r in refs] == ["12/QĐ-UBND"] and len(refs[0].mentions) == 2_000
