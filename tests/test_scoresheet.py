"""Score sheets: write the criteria tree as a workbook, fill it, read it back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from openpyxl import load_workbook

from extractors.criteria import extract_criteria, flatten
from cli.main import main as vanban
from core.model import Cell, Document, Paragraph, SourceInfo, Table
from tracker.scoresheet import COL, HEADER_ROW, read_scoresheet, write_scoresheet
from core.serialize import to_jsonable

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def _table(rows: list[list[str]]) -> Table:
    n = max(len(r) for r in rows)
    cells = [[Cell(r, k, (row + [""] * n)[k]) for k in range(n)] for r, row in enumerate(rows)]
    return Table(rows=cells, n_cols=n, header_rows=1)


def _criteria():
    t = _table([
        ["STT", "Nội dung tiêu chí", "Thang điểm", "Tài liệu kiểm chứng", "Đơn vị chịu trách nhiệm"],
        ["I", "Tiêu chí số 1: Tổ chức triển khai văn bản", "6", "", ""],
        ["1", "Ban hành kế hoạch thực hiện", "2,5", "Kế hoạch số 12/KH-UBND", "Phòng Nội vụ"],
        ["2", "Kiểm tra việc thực hiện", "3,5", "", "Thanh tra huyện, Văn phòng"],
        ["II", "Tiêu chí số 2: Giải quyết khiếu nại, tố cáo", "14", "", ""],
        ["1", "Xử lý đơn thư (Chấm 1 trong 3 tiêu chí sau)", "07", "", ""],
        ["1.1", "Xử lý kịp thời, đúng hạn", "07", "", ""],
        ["1.2", "Xử lý chậm", "03", "", ""],
        ["1.3", "Không xử lý", "0", "", ""],
        ["2", "Tiếp công dân định kỳ", "07", "Sổ tiếp công dân", "Ban tiếp công dân"],
        ["", "Tổng điểm", "20", "", ""],
    ])
    doc = Document(SourceInfo("bang_diem.docx", "0", "docx"), [Paragraph("BẢNG CHẤM ĐIỂM"), t]).reindex()
    res = extract_criteria(doc)
    assert res.total == 20 and res.warnings == []
    return res


def _rows_by_path(ws) -> dict[str, int]:
    return {ws.cell(row=r, column=COL["path"]).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)
            if ws.cell(row=r, column=COL["path"]).value}


def _eval(ws, ref: str, seen=()) -> float:
    """A tiny evaluator for the sheet's own formulas (=SUM/=MAX of cells), to
    check that the formulas Excel will compute agree with ``read_scoresheet``."""
    v = ws[ref].value
    if isinstance(v, str) and v.startswith("="):
        m = regex.fullmatch(r"=(SUM|MAX)\(([A-Z]+\d+(?:,[A-Z]+\d+)*)\)", v)
        assert m, f"unexpected formula {v} in {ref}"
        vals = [_eval(ws, c, seen + (ref,)) for c in m.group(2).split(",")]
        return sum(vals) if m.group(1) == "SUM" else max(vals)
    return float(v or 0)


def test_workbook_layout_formulas_and_validation(tmp_path):
    res = _criteria()
    out = write_scoresheet(res.criteria, tmp_path / "sheet.xlsx", source="bang_diem.docx – 12/KH-UBND", total=res.total)
    wb = load_workbook(out)
    ws = wb.active
    assert "bang_diem.docx" in ws["A2"].value and "20" in ws["A3"].value
    assert [ws.cell(row=HEADER_ROW, column=k).value for k in range(1, 8)] == [
        "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm cơ quan có thẩm quyền chấm",
        "Tài liệu kiểm chứng", "Đơn vị chịu trách nhiệm"]
    rows = _rows_by_path(ws)
    assert list(rows) == ["I", "I.1", "I.2", "II", "II.1", "II.1.1", "II.1.2", "II.1.3", "II.2"]
    d = lambda p: ws.cell(row=rows[p], column=COL["self"]).value  # noqa: E731
    assert d("I") == f"=SUM(D{rows['I.1']},D{rows['I.2']})"
    assert d("II.1") == f"=MAX(D{rows['II.1.1']},D{rows['II.1.2']},D{rows['II.1.3']})"
    assert d("II") == f"=SUM(D{rows['II.1']},D{rows['II.2']})"
    total_row = max(rows.values()) + 1
    assert ws.cell(row=total_row, column=COL["title"]).value == "Tổng cộng"
    assert ws.cell(row=total_row, column=COL["self"]).value == f"=SUM(D{rows['I']},D{rows['II']})"
    assert ws.cell(row=rows["I.1"], column=COL["max"]).value == 2.5
    assert ws.cell(row=rows["II.1"], column=COL["max"]).value == 7
    assert ws.cell(row=rows["I.2"], column=COL["units"]).value == "Thanh tra huyện\nVăn phòng"
    assert ws.cell(row=rows["II.1"], column=COL["title"]).value.startswith("Xử lý đơn thư")
    # every input cell has a validation refusing values above its own maximum
    limits: dict[str, str] = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "decimal" and dv.operator == "between" and dv.formula1 == "0" and dv.showErrorMessage
        for rng in dv.sqref.ranges:
            limits[rng.coord] = dv.formula2
    assert limits[f"D{rows['I.1']}"] == "2.5" and limits[f"E{rows['I.1']}"] == "2.5"
    assert limits[f"D{rows['II.1.2']}"] == "3"
    assert f"D{rows['I']}" not in limits  # group rows are formulas, not inputs
    assert ws.freeze_panes == f"C{HEADER_ROW + 1}"
    assert ws.column_dimensions["B"].width >= 60 and ws.column_dimensions["H"].hidden
    assert ws.cell(row=rows["I.1"], column=COL["title"]).alignment.wrap_text


def test_filled_sheet_round_trips(tmp_path):
    res = _criteria()
    out = write_scoresheet(res.criteria, tmp_path / "sheet.xlsx", source="bang_diem.docx", total=res.total)
    wb = load_workbook(out)
    ws = wb.active
    rows = _rows_by_path(ws)
    scores = {"I.1": 2, "I.2": 3.5, "II.1.2": 3, "II.2": 6}
    for p, v in scores.items():
        ws.cell(row=rows[p], column=COL["self"], value=v)
    ws.cell(row=rows["I.1"], column=COL["body"], value=2.5)
    ws.cell(row=rows["II.1.2"], column=COL["evidence"], value="Báo cáo xử lý đơn")
    wb.save(out)

    rep = read_scoresheet(out)
    assert rep.source == "bang_diem.docx"
    assert rep.max_total == 20
    assert rep.self_total == 2 + 3.5 + 3 + 6
    assert rep.body_total == 2.5
    assert [(g.code, g.max_points, g.self_score) for g in rep.groups] == [("I", 6, 5.5), ("II", 14, 9)]
    assert [x["path"] for x in rep.without_evidence] == ["I.2"]
    assert rep.unscored == [] and rep.over_max == []
    # the formulas Excel computes give the same totals
    total_row = max(rows.values()) + 1
    assert _eval(ws, f"D{total_row}") == rep.self_total
    assert _eval(ws, f"D{rows['II']}") == 9


def test_over_max_and_two_alternatives_are_reported(tmp_path):
    res = _criteria()
    out = write_scoresheet(res.criteria, tmp_path / "s.xlsx", source="x", total=res.total)
    wb = load_workbook(out)
    ws = wb.active
    rows = _rows_by_path(ws)
    ws.cell(row=rows["I.1"], column=COL["self"], value=4)  # above 2,5 (validation bypassed by a script)
    ws.cell(row=rows["II.1.1"], column=COL["self"], value=7)
    ws.cell(row=rows["II.1.2"], column=COL["self"], value=3)
    wb.save(out)
    rep = read_scoresheet(out)
    assert [(x["path"], x["score"]) for x in rep.over_max] == [("I.1", 4)]
    assert rep.choose_one_conflicts[0]["path"] == "II.1"
    assert {x["path"] for x in rep.unscored} == {"I.2", "II.2"}
    assert rep.self_total == 4 + 7  # the chosen alternative counts once (MAX)


def test_cli_from_contract_json_and_read_json(tmp_path, capsys):
    res = _criteria()
    data = {"source": {"path": "data/raw/bang_diem.docx"}, "document": {"id": "12/KH-UBND", "subject": "Chấm điểm"},
            "criteria": to_jsonable(res.criteria), "criteria_total": res.total}
    src = tmp_path / "bang_diem.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "sheet.xlsx"
    assert vanban(["scoresheet", str(src), "--out", str(out)]) == 0
    assert out.exists()
    capsys.readouterr()
    assert vanban(["scoresheet", "--read", str(out), "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["max_total"] == 20 and rep["self_total"] is None
    assert "12/KH-UBND" in rep["source"] and "Chấm điểm" in rep["source"]
    # nothing filled: the leaves and the choose-one group (its alternatives are judged together)
    assert [x["path"] for x in rep["unscored"]] == ["I.1", "I.2", "II.1", "II.2"]
    assert vanban(["scoresheet", "--read", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Tổng điểm tối đa: 20" in text and "Tiêu chí chưa có tài liệu kiểm chứng" in text


def test_cli_errors_are_one_line(tmp_path, capsys):
    bad = tmp_path / "not.xlsx"
    bad.write_text("hello", encoding="utf-8")
    assert vanban(["scoresheet", "--read", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vanban: cannot read") and err.count("\n") == 1
    assert vanban(["scoresheet", "--read", str(tmp_path / "missing.xlsx")]) == 2
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"criteria": []}), encoding="utf-8")
    assert vanban(["scoresheet", str(empty), "--out", str(tmp_path / "o.xlsx")]) == 2
    assert "no criteria" in capsys.readouterr().err


MODULES = {".txt": "parsers.text_parser", ".docx": "parsers.docx_parser", ".pdf": "parsers.pdf_parser"}
SEEDS = [RAW / f"{stem}{ext}" for stem in ("000_4368117cd102981e", "003_2905d9845fe8b394") for ext in MODULES
         if (RAW / f"{stem}{ext}").exists()]


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_sheet_full_marks_give_100(path, tmp_path):
    out = tmp_path / "seed.xlsx"
    assert vanban(["scoresheet", str(path), "--out", str(out)]) == 0
    wb = load_workbook(out)
    ws = wb.active
    assert path.name in ws["A2"].value
    # full marks on every scored row outside choose-one groups, the best alternative inside them
    from parsers import parse

    res = extract_criteria(parse(path))
    rows = _rows_by_path(ws)
    for c in flatten(res.criteria):
        rule = ws.cell(row=rows[c.path], column=COL["rule"]).value
        if rule == "leaf":
            ws.cell(row=rows[c.path], column=COL["self"], value=c.max_points)
    wb.save(out)
    rep = read_scoresheet(out)
    assert rep.max_total == 100 and rep.self_total == 100
    total_row = max(rows.values()) + 1
    assert _eval(ws, f"D{total_row}") == 100
    # Vietnamese text intact
    texts = [ws.cell(row=r, column=COL["title"]).value for r in rows.values()]
    assert any("Tiêu chí" in (t or "") for t in texts)
