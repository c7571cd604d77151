"""Real documents (shared/corpus/real) against our own hand annotations
(tests/gold/real, see its README): the scorer of ``vanban eval`` over sixteen files
(five .docx: drafts, a report, a decree, a fragment; four text-layer PDFs; seven scans read by
OCR, three of them behind a garbled text layer).

The thresholds are the levels reached when the gold was written and the header
and reference extractors fixed against it, so a regression fails; fields that
are wrong for a known, documented reason (a handwritten number on a scan, a
signer's name under a seal) sit below 100 % on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "real"
CORPUS = ROOT / "tests" / "shared" / "corpus" / "real"



@pytest.fixture(scope="module")
def run(real_gold_run):
    return real_gold_run


def test_every_gold_file_matches_a_document_and_extracts(run):
    report, _ = run
    assert sorted(f.stem for f in report.files) == sorted(p.stem for p in GOLD.glob("*.json"))
    assert [f.error for f in report.files if f.error] == []


@pytest.mark.parametrize("field, kind, floor", [
    # 156/156 found, none spurious: the own number unread on a scan's "Số:" line is neither read as a citation
    # there (493 TB) nor where its enclosure cites it (KSTTHC: taken from there as the header's number)
    ("references", "f1", 0.99),
    ("reference_date", "accuracy", 1.0),
    ("reference_issuer", "accuracy", 1.0),    # 3686/KH-UBND takes the issuer of its plural list's first item
    ("reference_type", "accuracy", 0.98),     # "Chương trình hành động số …-CTr": the real gold says "Chương trình"
    ("unnumbered_references", "f1", 0.8),
])
def test_references(run, field, kind, floor):
    report, _ = run
    assert report.metric(field, kind) >= floor, report.overall()[field].as_dict()


@pytest.mark.parametrize("field, floor", [
    ("type", 1.0), ("type_code", 1.0), ("symbol", 1.0), ("issuer", 1.0),
    ("place", 0.93),    # KLTN: OCR "Tp. Hồ Chí Minh" for the printed "Tp.Hồ Chí Minh"
    ("subject", 0.81),  # OCR spelling on two scans; 560 GM has no subject and gets its first sentence
    # six scans' numbers and days are handwritten (4532, 275, 298, 493, 560, 01: OCR reads none of them;
    # 4532 and its day are taken from the enclosure citing it); four signers' names are under a seal or
    # missing from the OCR (298 PC04's is read under its misread title "GIÁM ĐÓC", without the rank). The three
    # e-signed PDFs' numbers and dates are stamped as annotations (8151, 629, 2003) and are read.
    ("number", 0.68), ("id", 0.68), ("date", 0.75), ("signer", 0.75),
])
def test_header_fields(run, field, floor):
    report, _ = run
    assert report.metric(f"document.{field}", "accuracy") >= floor, report.overall()[f"document.{field}"].as_dict()


def test_header_lists(run):
    report, _ = run
    assert report.metric("document.recipients", "f1") >= 1.0
    # misses: OCR noise in the scans' lists (560 GM's "Nơi nhận:" is unreadable) and a PDF line whose
    # spaces the text layer lost
    assert report.metric("document.distribution", "f1") >= 0.94


def test_issuer_names_keep_their_official_capitals(run):
    _, out = run
    issuers = {stem: o["document"]["issuer"] for stem, o in out.items()}
    assert issuers["17.9.2025.Vv lay y kien du thao BC so ket 2021-2025"] == "Bộ Nội vụ"
    assert issuers["2003_CD-VPCP_07102025_2-signed"] == "Văn phòng Chính phủ"
    assert issuers["TTr BC CCHC nam 2025"] == "Sở Nội vụ"
    assert issuers["2011_12_28_085800000082985!~!KSTTHC"] == "Ủy ban nhân dân tỉnh Phú Thọ"
    assert out["TTr BC CCHC nam 2025"]["document"]["signer"]["title"] == "Phó Giám đốc"


@pytest.mark.parametrize("field, floor", [
    ("deadlines", 0.92), ("deadline_unit", 0.95), ("units", 0.81), ("assignments", 0.85), ("recurring", 0.95),
])
def test_obligation_fields(run, field, floor):
    # the misses are listed in the closing notes: the KLTN schedule table (dates for students, no unit
    # column), 560 GM's OCR, lettered items with no lead-in
    report, _ = run
    kind = "accuracy" if field == "deadline_unit" else "f1"
    assert report.metric(field, kind) >= floor, report.overall()[field].as_dict()
