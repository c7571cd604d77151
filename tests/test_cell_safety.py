"""Formula injection: obligation and criteria texts that look like formulas stay text in
every spreadsheet vanban writes (CSV from ``obligations`` and ``reminders``, XLSX from
``obligations`` and ``scoresheet``) — read back, and recalculated by LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extractors.criteria import extract_criteria
from tracker.cell_safety import csv_cell, is_formula_like
from cli.main import main
from core.model import Cell, Document, Paragraph, SourceInfo, Table
from tracker.reminders import export
from tracker.scoresheet import COL, HEADER_ROW, write_scoresheet
from tracker.store import Store
from test_store import _ob, _unit, db_url, plan_doc  # noqa: F401  (db_url is a fixture)

LINK = '=HYPERLINK("http://example.invalid/x","z")'
EVIL = [LINK, "+1+2", "-2+3", "@SUM(1,2)", "\t=1+1"]


@pytest.fixture
def evil_store(db_url):  # noqa: F811
    doc = plan_doc()
    doc["obligations"] = [
        _ob(text, [_unit("Phòng Tổ chức - Hành chính")], date=f"2023-11-{10 + i}", report_to="=1+1", block=20 + i)
        for i, text in enumerate(EVIL)
    ]
    with Store(db_url) as s:
        s.upsert_document(doc)
    return db_url


def test_csv_cell_quotes_only_formula_like_text():
    assert [csv_cell(t)[0] for t in EVIL] == ["'"] * len(EVIL)
    assert csv_cell("Phòng Nội vụ") == "Phòng Nội vụ" and csv_cell(-3) == -3 and csv_cell(None) is None
    assert not is_formula_like("Sở Y tế = đầu mối")


def test_obligations_csv_neutralises_formulas(evil_store, tmp_path, capsys):
    out = tmp_path / "nv.csv"
    assert main(["obligations", "--db", evil_store, "--today", "2023-11-08", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    actions = sorted(r["action"] for r in rows)
    assert actions == sorted("'" + t for t in EVIL)
    assert all(r["report_to"] == "'=1+1" for r in rows)


def test_reminders_csv_neutralises_formulas(evil_store, tmp_path):
    out = tmp_path / "han.csv"
    export(out, db_url=evil_store, today=dt.date(2023, 11, 8), days_before=2)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert sorted(r["Action"] for r in rows) == sorted("'" + t for t in EVIL)
    assert all(not is_formula_like(v) for r in rows for v in r.values())


def _libreoffice_values(xlsx: Path, tmp_path: Path, sheet_csv: str) -> str:
    """The sheet as LibreOffice computes it (headless conversion recalculates formulas)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (Debian package libreoffice-writer-nogui / libreoffice-calc) is not installed")
    outdir = tmp_path / "lo"
    outdir.mkdir()
    cmd = [soffice, f"-env:UserInstallation=file://{tmp_path}/lo_profile", "--headless", "--convert-to",
           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
           str(outdir), str(xlsx)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    found = (sorted(outdir.glob(f"*{sheet_csv}*.csv")) if sheet_csv else []) or sorted(outdir.glob("*.csv"))
    assert found, f"LibreOffice wrote nothing for {xlsx.name}"
    return found[0].read_text(encoding="utf-8")


def test_obligations_xlsx_keeps_formula_like_text_as_text(evil_store, tmp_path, capsys):
    out = tmp_path / "nv.xlsx"
    assert main(["obligations", "--db", evil_store, "--today", "2023-11-08", "--out", str(out)]) == 0
    ws = load_workbook(out)["Nhiệm vụ"]
    col = [c.value for c in ws[1]].index("Nhiệm vụ")
    cells = [row[col] for row in ws.iter_rows(min_row=2)]
    assert sorted(c.value for c in cells) == sorted(EVIL)  # the visible text is the document's
    assert {c.data_type for c in cells} == {"s"}
    computed = _libreoffice_values(out, tmp_path, "Nhiệm vụ")
    assert "http://example.invalid/x" in computed  # shown as the text, not run as a link "z"
    assert "+1+2" in computed and "@SUM(1,2)" in computed


def test_scoresheet_keeps_formula_like_text_as_text(tmp_path):
    rows = [["STT", "Nội dung tiêu chí", "Thang điểm", "Tài liệu kiểm chứng", "Đơn vị chịu trách nhiệm"],
            ["1", LINK, "2", "=2+2", "@Phòng"],
            ["2", "Kiểm tra việc thực hiện", "3", "", "Văn phòng"],
            ["", "Tổng điểm", "5", "", ""]]
    n = len(rows[0])
    t = Table(rows=[[Cell(r, k, row[k]) for k in range(n)] for r, row in enumerate(rows)], n_cols=n, header_rows=1)
    doc = Document(SourceInfo("x.docx", "0", "docx"), [Paragraph("BẢNG CHẤM ĐIỂM"), t]).reindex()
    res = extract_criteria(doc)
    out = write_scoresheet(res.criteria, tmp_path / "s.xlsx", source="x.docx", total=res.total)
    ws = load_workbook(out).active
    first = HEADER_ROW + 1
    assert ws.cell(first, COL["title"]).value == LINK and ws.cell(first, COL["title"]).data_type == "s"
    assert ws.cell(first, COL["evidence"]).value == "=2+2" and ws.cell(first, COL["evidence"]).data_type == "s"
    computed = _libreoffice_values(out, tmp_path, "")
    assert "http://example.invalid/x" in computed and "=2+2" in computed
