"""Criteria tables → trees, points and arithmetic warnings.

Two kinds of test:
* the seed documents 000 and 003 in every format present in data/raw (.txt,
  and .docx / .pdf once built), parsed by the real parsers and scored against
  the gold annotations (node F1 on code + max_points, choose-one groups,
  totals, no arithmetic warning; a broken number gives a warning);
* small tables built directly in the document model, one behaviour each.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from extractors.criteria import extract_criteria, flatten
from extractors.criteria_points import (
    is_choose_one,
    parse_points_cell,
    points_in_text,
    split_evidence,
    split_units,
)
from core.model import Cell, Document, Paragraph, SourceInfo, Table, TableContinuation

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "shared" / "gold" / "seeds"
CRITERIA_STEMS = ("000_4368117cd102981e", "003_2905d9845fe8b394")
FORMAT_MODULES = {".txt": "parsers.text_parser", ".docx": "parsers.docx_parser", ".pdf": "parsers.pdf_parser"}


def _seed_files() -> list[Path]:
    out = []
    for stem in CRITERIA_STEMS:
        for ext in FORMAT_MODULES:
            p = RAW / f"{stem}{ext}"
            if p.exists():
                out.append(p)
    return out


def _parse(path: Path) -> Document:
    from parsers import parse

    return parse(path)


def _gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def _gold_flat(nodes: list[dict]) -> list[dict]:
    out: list[dict] = []
    for n in nodes:
        out.append(n)
        out.extend(_gold_flat(n["children"]))
    return out


def node_f1(found: list, gold: list[dict]) -> float:
    """F1 of criteria nodes matched on (code, max_points), multiset, flattened."""
    a = Counter((c.code, None if c.max_points is None else float(c.max_points)) for c in flatten(found))
    b = Counter((g["code"], None if g["max_points"] is None else float(g["max_points"])) for g in _gold_flat(gold))
    tp = sum((a & b).values())
    if not tp:
        return 0.0
    p, r = tp / sum(a.values()), tp / sum(b.values())
    return 2 * p * r / (p + r)


SEED_FILES = _seed_files()


@pytest.fixture(scope="module", params=SEED_FILES, ids=[p.name for p in SEED_FILES])
def seed(request):
    path: Path = request.param
    doc = _parse(path)
    return path, doc, extract_criteria(doc), _gold(path.stem)


def test_seed_nodes_match_gold(seed):
    path, _doc, res, gold = seed
    f1 = node_f1(res.criteria, gold["criteria"])
    assert f1 >= 0.98, f"{path.name}: criteria node F1 {f1:.3f}"
    # the project's evaluator (pipeline.evaluate) agrees, through the contract JSON
    from pipeline.evaluate import score_criteria
    from core.serialize import to_jsonable

    scores: dict = {}
    details: dict = {}
    score_criteria(gold["criteria"], to_jsonable(res.criteria), gold["criteria_total"], to_jsonable(res.total),
                   scores, details)
    assert scores["criteria"].f1 >= 0.98, details
    assert scores["criteria_total"].accuracy == 1.0
    # the paths too: the tree has the gold shape
    mine = Counter(c.path for c in flatten(res.criteria))
    theirs = Counter(g["path"] for g in _gold_flat(gold["criteria"]))
    assert sum((mine & theirs).values()) >= 0.98 * sum(theirs.values())


def test_seed_choose_one_groups_found(seed):
    _path, _doc, res, gold = seed
    gold_groups = {g["path"] for g in _gold_flat(gold["criteria"]) if g["choose_one"]}
    mine = {c.path for c in flatten(res.criteria) if c.choose_one}
    assert mine == gold_groups
    for c in flatten(res.criteria):
        if c.choose_one:
            assert c.max_points == max(ch.max_points for ch in c.children)


def test_seed_totals_and_no_arithmetic_warning(seed):
    path, _doc, res, gold = seed
    assert res.total == gold["criteria_total"] == 100
    assert [w.message for w in res.warnings if w.code == "points_mismatch"] == [], path.name


def test_seed_units_and_evidence(seed):
    path, _doc, res, gold = seed
    by_path = {g["path"]: g for g in _gold_flat(gold["criteria"])}
    found = flatten(res.criteria)
    same_units = sum(1 for c in found if c.path in by_path and c.units == by_path[c.path]["units"])
    same_ev = sum(1 for c in found if c.path in by_path and c.evidence == by_path[c.path]["evidence"])
    assert same_units >= 0.9 * len(by_path), path.name
    assert same_ev >= 0.9 * len(by_path), path.name


def test_seed_continuation_rows_joined(seed):
    path, _doc, res, gold = seed
    by_path = {c.path: c for c in flatten(res.criteria)}
    if path.stem.startswith("000"):
        assert by_path["2.1"].text.endswith("và mang lại hiệu quả thiết thực: 6 điểm.")
        assert by_path["2.1"].max_points == 6
        assert "Xử lý kịp thời, nghiêm minh" in by_path["6.4"].text and by_path["6.4"].max_points == 2.5
        assert [c.code for c in by_path["1.3"].children] == [None, None, None]
        assert by_path["1.3#2"].evidence == ["Quy chế công tác dân vận"]
    else:
        assert by_path["VIII.2"].choose_one  # the marker sits on the continuation row
        assert "định số 1548-QĐ/TU" in by_path["IV"].text
        assert by_path["VIII.2.3"].text.endswith("phân công lãnh đạo và cán bộ phụ trách thực hiện QCDC ở cơ sở")


def _edit_first_cell(doc: Document, old: str, new: str) -> None:
    for t in doc.tables:
        for row in t.rows:
            for c in row:
                if old in c.text:
                    c.text = c.text.replace(old, new, 1)
                    for p in c.paragraphs:
                        if old in p.text:
                            p.text = p.text.replace(old, new, 1)
                            break
                    return
    raise AssertionError(f"no cell holds {old!r}")


def test_seed_broken_number_is_reported(seed):
    path, _doc, _res, _gold_ = seed
    doc = _parse(path)  # a fresh copy to edit
    if path.stem.startswith("000"):
        _edit_first_cell(doc, "Nội dung thông tin, báo cáo đạt chất lượng: 5", "Nội dung thông tin, báo cáo đạt chất lượng: 4")
        where = "10"
    else:
        # III.3 "Cải cách thủ tục hành chính tốt" 03 → 04: group III no longer adds up
        t = next(t for t in doc.tables if any("Cải cách thủ tục hành chính tốt" in c.text for r in t.rows for c in r))
        row = next(r for r in t.rows if any("Cải cách thủ tục hành chính tốt" in c.text for c in r))
        pts = next(c for c in row if c.text.strip() == "03")
        pts.text = "04"
        for p in pts.paragraphs:
            p.text = "04"
        where = "III"
    res = extract_criteria(doc)
    msgs = [w.message for w in res.warnings if w.code == "points_mismatch"]
    assert any(m.startswith(f"criterion {where}:") for m in msgs), msgs
    assert all(w.loc is not None for w in res.warnings if w.message.startswith("criterion"))
    assert res.total == 100  # the stated total stays; nothing is silently fixed


# --------------------------------------------------------------------------
# small tables built in the document model
# --------------------------------------------------------------------------


def _table(rows: list[list[str]], header_rows: int = 1, bold_rows: tuple[int, ...] = (), **kw) -> Table:
    n = max(len(r) for r in rows)
    cells = [
        [Cell(r, k, (row + [""] * n)[k], bold=r in bold_rows,
              paragraphs=[Paragraph(x) for x in (row + [""] * n)[k].split("\n")]) for k in range(n)]
        for r, row in enumerate(rows)
    ]
    return Table(rows=cells, n_cols=n, header_rows=header_rows, **kw)


def _doc(*blocks) -> Document:
    return Document(SourceInfo("x.docx", "0", "docx"), list(blocks)).reindex()


HEAD = ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng", "Đơn vị thực hiện"]


def test_points_grammar():
    assert parse_points_cell("02") == 2
    assert parse_points_cell("2,5") == 2.5
    assert parse_points_cell("0") == 0
    assert parse_points_cell("") is None
    assert parse_points_cell("Kiểm tra thực tế") is None
    assert points_in_text("Tiêu chí về tiếp dân (10 điểm)") == 10
    assert points_in_text("… đạt chất lượng: 2,5 điểm.") == 2.5
    assert points_in_text("I. TỔ CHỨC (số điểm đạt được là .../14 điểm)") == 14
    assert points_in_text("Mỗi lần chậm trừ 0,5 điểm, tối đa 3 điểm") == 3
    assert points_in_text("Tiêu chí số 1: … (.....điểm)") is None
    assert is_choose_one("(Châm 1 trong 3 tiêu chí sau)") and is_choose_one("Chấm 1 trong 2 tiêu chí sau:")
    assert not is_choose_one("Thực hiện 1 trong các nhiệm vụ")


def test_list_cells():
    assert split_units("Phòng TC-HC tham mưu cho Lãnh đạo TTYT") == ["Phòng TC-HC", "Lãnh đạo TTYT"]
    assert split_units("Các Khoa, Phòng và các cá nhân") == ["Các Khoa, Phòng", "các cá nhân"]
    assert split_units("Toàn thể viên chức và người lao động") == ["Toàn thể viên chức và người lao động"]
    assert split_units("Ban giám\nđộc, Công\nđoàn cơ\nsở") == ["Ban giám độc", "Công đoàn cơ sở"]
    assert split_units("- Văn phòng\n- Phòng Nội vụ") == ["Văn phòng", "Phòng Nội vụ"]
    assert split_evidence("- Kế hoạch A, B<br>- Báo cáo năm") == ["Kế hoạch A, B", "Báo cáo năm"]
    assert split_evidence("Quy chế phối hợp\ngiữa chính quyền") == ["Quy chế phối hợp giữa chính quyền"]


def test_tree_points_column_units_evidence_and_total_row():
    t = _table([
        HEAD,
        ["I", "Công tác chỉ đạo", "6", "", ""],
        ["1", "Ban hành kế hoạch", "2,5", "- Kế hoạch\n- Báo cáo", "Văn phòng, Phòng Nội vụ"],
        ["2", "Kiểm tra", "3,5", "Biên bản", "Thanh tra huyện"],
        ["II", "Cải cách thủ tục", "4", "", ""],
        ["a)", "Công khai thủ tục", "4", "", "Bộ phận một cửa"],
        ["", "Tổng cộng", "10", "", ""],
    ], bold_rows=(1, 4))
    res = extract_criteria(_doc(Paragraph("BẢNG ĐIỂM"), t))
    assert [c.code for c in res.criteria] == ["I", "II"]
    i = res.criteria[0]
    assert [(c.code, c.path, c.max_points) for c in i.children] == [("1", "I.1", 2.5), ("2", "I.2", 3.5)]
    assert i.children[0].evidence == ["Kế hoạch", "Báo cáo"]
    assert i.children[0].units == ["Văn phòng", "Phòng Nội vụ"]
    assert res.criteria[1].children[0].path == "II.a"
    assert res.total == 10 and res.warnings == []
    assert i.children[1].loc.table == 0 and i.children[1].loc.row == 3


def test_mismatches_warn_and_total_is_the_stated_one():
    t = _table([
        HEAD,
        ["1", "Nhóm một", "5", "", ""],
        ["1.1", "A", "2", "", ""],
        ["1.2", "B", "2", "", ""],  # 2 + 2 != 5
        ["2", "Nhóm hai", "5", "", ""],
        ["2.1", "C", "5", "", ""],
        ["", "Tổng điểm", "12", "", ""],  # 5 + 5 != 12
    ])
    res = extract_criteria(_doc(t))
    msgs = [w.message for w in res.warnings]
    assert any(m.startswith("criterion 1:") for m in msgs)
    assert any(m.startswith("total:") and "12" in m and "10" in m for m in msgs)
    assert all(w.code == "points_mismatch" for w in res.warnings)
    assert res.total == 12
    assert res.criteria[0].max_points == 5  # never silently fixed


def test_choose_one_alternatives_and_max_rule():
    t = _table([
        HEAD,
        ["1", "Xử lý đơn thư (Chấm 1 trong 3 tiêu chí sau)", "6", "", ""],
        ["1.1", "Kịp thời", "6", "", ""],
        ["1.2", "Chậm", "3", "", ""],
        ["1.3", "Không xử lý", "0", "", ""],
        ["2", "Tiếp dân", "4", "", ""],
    ])
    res = extract_criteria(_doc(t))
    one = res.criteria[0]
    assert one.choose_one and [c.max_points for c in one.children] == [6, 3, 0]
    assert res.warnings == [] and res.total == 10
    assert "Chấm 1 trong" not in one.title


def test_continuation_rows_across_pieces_and_bullet_parts():
    head = ["STT", "Tiêu chí", "Đơn vị chịu trách nhiệm", "Tài liệu kiểm chứng"]
    page1 = _table([
        head,
        ["1", "Nhóm A (5 điểm)", "", ""],
        ["1.1", "Làm tốt việc thứ nhất", "Phòng TC-HC", "Kế hoạch"],
        ["", "- Có quyết định phân công", "", "Quyết định"],
        ["", "- Có quy chế", "", "Quy chế"],
        ["1.2", "Việc thứ hai được thực hiện", "Văn phòng", ""],
    ], page=1)
    # the next page repeats the header; its first row ends 1.2 and holds its points
    page2 = _table([
        head,
        ["", "Kết thúc đúng hạn: 2 điểm.", "", "Báo cáo"],
        ["", "- nội dung được giao: 0 điểm", "", ""],
    ], page=2)
    res = extract_criteria(_doc(page1, Paragraph("2"), page2))
    one = res.criteria[0]
    a, b = one.children
    assert a.max_points is None and [p.path for p in a.children] == ["1.1#1", "1.1#2"]
    assert a.children[0].evidence == ["Quyết định"]
    assert b.text == "Việc thứ hai được thực hiện Kết thúc đúng hạn: 2 điểm." and b.max_points == 2
    assert b.evidence == ["Báo cáo"]
    assert b.loc.page == 1


def test_stitched_table_continuation_marker():
    t = _table([
        ["STT", "Nội dung tiêu chí", "Thang điểm"],
        ["I", "Tiêu chí số 1: Tổ chức", "4"],
        ["1", "Làm tốt công tác A", "2"],
        ["2", "Làm tốt công tác B", "2"],
        ["", "Xây dựng kế hoạch, chương trình công tác", ""],  # page break inside 2
        ["", "Tổng điểm", "4"],
    ], continuations=[TableContinuation(first_row=4, page=2, dropped_header_rows=1)])
    res = extract_criteria(_doc(t))
    two = res.criteria[0].children[1]
    assert two.text.endswith("Xây dựng kế hoạch, chương trình công tác") and two.children == []
    assert res.total == 4 and res.warnings == []


def test_not_a_criteria_table():
    t = _table([
        ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian hoàn thành"],
        ["1", "Xây dựng kế hoạch", "Phòng Nội vụ", "Quý I/2024"],
        ["2", "Tổ chức kiểm tra", "Văn phòng", "Tháng 6/2024"],
    ])
    res = extract_criteria(_doc(t))
    assert res.criteria == [] and res.total is None and res.warnings == []


def test_prose_outline_without_table():
    paras = [
        Paragraph("BÁO CÁO tự đánh giá"),
        Paragraph("I. TỔ CHỨC TRIỂN KHAI (số điểm đạt được là .../14 điểm)"),
        Paragraph("- Đánh giá việc ban hành văn bản"),
        Paragraph("II. MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ (số điểm đạt được là .../10 điểm)"),
        Paragraph("III. THAM GIA XÂY DỰNG CHÍNH QUYỀN; THỰC HIỆN QUY"),
        Paragraph("CHẾ PHỐI HỢP (đạt được là...../6 điểm)"),
    ]
    res = extract_criteria(_doc(*paras))
    assert [(c.code, c.max_points) for c in res.criteria] == [("I", 14), ("II", 10), ("III", 6)]
    assert "CHẾ PHỐI HỢP" in res.criteria[2].text
    assert res.total == 30


def test_numbering_restarting_under_numbered_groups():
    t = _table([
        ["STT", "Nội dung tiêu chí", "Điểm"],
        ["1", "Nhóm tiêu chí thứ nhất", "5"],
        ["1", "Việc một", "2"],
        ["2", "Việc hai", "3"],
        ["2", "Nhóm tiêu chí thứ hai", "5"],
        ["1", "Việc ba", "5"],
        ["", "Tổng cộng", "10"],
    ], bold_rows=(1, 4))
    res = extract_criteria(_doc(t))
    assert [(c.code, [k.code for k in c.children]) for c in res.criteria] == [("1", ["1", "2"]), ("2", ["1"])]
    assert [k.path for k in res.criteria[1].children] == ["2.1"]
    assert res.total == 10 and res.warnings == []


def test_two_row_header_spanning_group_rows_and_codes_in_the_text():
    # "Điểm" spans "Tối đa" and "Tự chấm"; a group row is one cell across the table
    rows = [
        [Cell(0, 0, "STT", row_span=2), Cell(0, 1, "Nội dung đánh giá", row_span=2), Cell(0, 2, "Điểm", col_span=2)],
        [Cell(1, 2, "Tự chấm"), Cell(1, 3, "Tối đa")],
        [Cell(2, 0, "A. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH (5 điểm)", col_span=4, bold=True)],
        [Cell(3, 0, "1"), Cell(3, 1, "Ban hành kế hoạch năm"), Cell(3, 2, ""), Cell(3, 3, "2")],
        [Cell(4, 0, "2"), Cell(4, 1, "Báo cáo định kỳ đúng hạn"), Cell(4, 2, "3"), Cell(4, 3, "3")],
        [Cell(5, 0, "B. KẾT QUẢ THỰC HIỆN (5 điểm)", col_span=4, bold=True)],
        [Cell(6, 0, ""), Cell(6, 1, "1. Hoàn thành chỉ tiêu"), Cell(6, 2, ""), Cell(6, 3, "5")],
        [Cell(7, 0, "Tổng cộng", col_span=2), Cell(7, 2, ""), Cell(7, 3, "10")],
    ]
    t = Table(rows=rows, n_cols=4, header_rows=2)
    res = extract_criteria(_doc(t))
    assert [(c.code, c.max_points, [(k.code, k.max_points) for k in c.children]) for c in res.criteria] == [
        ("A", 5, [("1", 2), ("2", 3)]), ("B", 5, [("1", 5)])]
    assert res.total == 10 and res.warnings == []  # the self-score column is never the maximum


def test_unnumbered_alternatives_of_a_choose_one_row():
    t = _table([
        ["TT", "Tiêu chí", "Điểm"],
        ["1", "Giải quyết đơn thư (chấm 1 trong 3 tiêu chí sau):", ""],
        ["", "Đúng hạn", "5"],
        ["", "Chậm dưới 10 ngày", "3"],
        ["", "Chậm trên 10 ngày", "0"],
        ["2", "Tiếp công dân", "5"],
    ])
    res = extract_criteria(_doc(t))
    one = res.criteria[0]
    assert one.choose_one and one.max_points is None
    assert [(c.code, c.path, c.max_points) for c in one.children] == [(None, "1#1", 5), (None, "1#2", 3), (None, "1#3", 0)]
    assert res.total == 10 and res.warnings == []  # the group is worth its best alternative


REAL = ROOT / "tests" / "shared" / "corpus" / "real"
REAL_DOCX = sorted(REAL.glob("*.docx"))


@pytest.mark.parametrize("path", REAL_DOCX, ids=[p.name[:40] for p in REAL_DOCX])
def test_real_documents_without_criteria_tables_give_none(path):
    """Real plans, reports and decrees whose tables are task lists, statistics
    or layout tables ("Chỉ tiêu thống kê", "Chủ trì thực hiện") are not read
    as criteria tables."""
    from parsers import parse

    res = extract_criteria(parse(path))
    assert res.criteria == [] and res.total is None and res.warnings == []


def test_bullet_row_joined_by_a_parser_is_split_back_out():
    # the PDF parser joined the first row of page 2 (an unnumbered bullet) into 1.3
    t = _table([
        ["STT", "Tiêu chí", "Tài liệu kiểm chứng"],
        ["1", "Nhóm (4 điểm)", ""],
        ["1.3", "Cụ thể hóa các chủ trương: 4 điểm\n- Có quyết định phân công", "Quyết định"],
        ["", "- Có quy chế dân chủ", "Quy chế"],
    ], continuations=[TableContinuation(first_row=2, page=2, dropped_header_rows=1, joined_row=True)])
    res = extract_criteria(_doc(t))
    c13 = res.criteria[0].children[0]
    assert c13.text == "Cụ thể hóa các chủ trương: 4 điểm" and c13.max_points == 4
    assert [p.text for p in c13.children] == ["Có quyết định phân công", "Có quy chế dân chủ"]
