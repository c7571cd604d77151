"""Obligations on real documents (seeds vs gold, every built format) and on
prose and table forms written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.obligations import extract_obligations
from core.model import Cell, Document, DocumentHeader, Paragraph, SourceInfo, Table

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "shared" / "gold" / "seeds"
RAW = ROOT / "data" / "raw"


def _doc(*blocks) -> Document:
    d = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=list(blocks))
    return d.reindex()


def _paras(text: str) -> Document:
    return _doc(*[Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()])


def _units(ob):
    return [(u.name, u.role) for u in ob.units]


# --------------------------------------------------------------------------
# Seeds against the gold, in every format present in data/raw
# --------------------------------------------------------------------------


def _formats() -> list[str]:
    return sorted({p.suffix.lstrip(".") for p in RAW.glob("*.*") if p.suffix in (".txt", ".docx", ".pdf")})


@pytest.mark.parametrize("fmt", _formats())
def test_seeds_meet_the_acceptance_figures(fmt):
    from pipeline.evaluate import evaluate

    rep = evaluate(GOLD, [RAW], [fmt])
    assert rep.files, "no seed documents found"
    s = rep.overall(fmt)
    assert s["deadlines"].f1 >= 0.95
    assert s["deadline_unit"].accuracy >= 0.9
    assert s["units"].f1 >= 0.85
    assert s["assignments"].recall >= 0.8
    assert s["assignments"].precision >= 0.85
    assert s["recurring"].f1 >= 0.8


def test_seed_001_units_roles_report_to_and_locs():
    from parsers import parse
    from extractors.header import extract_header

    doc = parse(RAW / "001_d7b8ee2fe133437a.txt")
    obs, units = extract_obligations(doc, extract_header(doc))
    by_date = [o for o in obs if o.deadline and o.deadline.date == "2023-11-10"]
    assert len(by_date) == 1
    o = by_date[0]
    assert o.units[0].name == "Phòng Tổ chức - Hành chính - Tài chính - Kế toán"
    assert o.report_to and o.report_to.startswith("Sở Y tế")
    # the loc points at the sentence
    blk = doc.blocks[o.loc.block]
    assert "10/11/2023" in blk.text[o.loc.start:o.loc.end]
    dan_so = [o for o in obs if any("Dân số" in u.name for u in o.units)][0]
    assert ("Phòng Dân số - Truyền thông và Giáo dục sức khỏe", "lead") in _units(dan_so)
    assert ("Các đơn vị thuộc, trực thuộc", "support") in _units(dan_so)
    names = {u.name for u in units}
    assert "Ban giám đốc" in names and "Đoàn thanh niên" in names
    # "Trưởng các đơn vị thuộc, trực thuộc" is the body, with the head kept as an alias
    body = [u for u in units if u.name == "Các đơn vị thuộc, trực thuộc"][0]
    assert any(a.startswith("Trưởng") for a in body.aliases)
    # closing boilerplate and the distribution list give no task
    assert not any("nghiêm túc triển khai" in o.source_text for o in obs)
    assert not any("Website" in u.name for u in units)


def test_seed_000_table_rows_are_assignments_with_canonical_units():
    from parsers import parse
    from extractors.header import extract_header

    doc = parse(RAW / "000_4368117cd102981e.txt")
    obs, units = extract_obligations(doc, extract_header(doc))
    assert len(obs) == 26
    names = {u.name for u in units}
    assert "Phòng Tổ chức - Hành chính" in names and "Phòng Kế hoạch - Nghiệp vụ" in names
    tchc = [u for u in units if u.name == "Phòng Tổ chức - Hành chính"][0]
    assert {"Phòng TC-HC", "Phòng TC - HC"} <= set(tchc.aliases)
    assert all(o.loc.table is not None and o.loc.row is not None for o in obs)
    row_51 = [o for o in obs if o.source_text.startswith("5.1")][0]
    assert _units(row_51) == [("Phòng Tổ chức - Hành chính", "lead"), ("Các Khoa, Phòng", "support")]
    row_61 = [o for o in obs if o.source_text.startswith("6.1")][0]
    assert [u.name for u in row_61.units] == ["Phòng Tổ chức - Hành chính"]  # the advised leadership is no assignee


# --------------------------------------------------------------------------
# Prose forms
# --------------------------------------------------------------------------


def test_giao_lead_and_support_with_deadline_and_followups():
    doc = _paras("""
    III. TỔ CHỨC THỰC HIỆN
    1. Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện, Ban Chỉ huy Quân sự huyện rà soát danh sách trước ngày 20/4/2025. Gửi kết quả về UBND tỉnh trước ngày 30/4/2025.
    Tham mưu Chủ tịch UBND huyện tổ chức sơ kết trong tháng 6/2025.
    2. Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.
    """)
    obs, units = extract_obligations(doc, DocumentHeader(date="2025-03-02"))
    assert [o.deadline.date for o in obs] == ["2025-04-20", "2025-04-30", "2025-06-30"]
    assert _units(obs[0]) == [("Phòng Văn hóa và Thông tin", "lead"), ("Công an huyện", "support"),
                              ("Ban Chỉ huy Quân sự huyện", "support")]
    assert [u.name for u in obs[1].units] == ["Phòng Văn hóa và Thông tin"]
    assert obs[1].report_to == "UBND tỉnh"
    assert obs[2].deadline.kind == "month"
    assert [u.name for u in obs[2].units] == ["Phòng Văn hóa và Thông tin"]
    assert {u.name for u in units} == {"Phòng Văn hóa và Thông tin", "Công an huyện", "Ban Chỉ huy Quân sự huyện"}


def test_colon_form_list_and_abbreviations_merge():
    doc = _paras("""
    4. Phòng KH-TH, Phòng HC-TH: Chỉ đạo xây dựng lịch trực Tết trước ngày 25/01.
    5. Phòng Kế hoạch - Tổng hợp làm đầu mối theo dõi, đôn đốc các khoa thực hiện.
    """)
    obs, units = extract_obligations(doc, DocumentHeader(date="2024-12-28"))
    assert [u.name for u in obs[0].units] == ["Phòng Kế hoạch - Tổng hợp", "Phòng Hành chính - Tổng hợp"]
    # a missing year comes from the document date, the next year when the day has passed
    assert obs[0].deadline.date == "2025-01-25" and obs[0].deadline.inferred_year
    assert _units(obs[1]) == [("Phòng Kế hoạch - Tổng hợp", "lead")]
    kh = [u for u in units if u.name == "Phòng Kế hoạch - Tổng hợp"][0]
    assert "Phòng KH-TH" in kh.aliases


def test_adverbial_head_of_body_and_monitor_role():
    doc = _paras("""
    - Căn cứ nội dung Kế hoạch, Giám đốc các bệnh viện phổ biến đến toàn thể nhân viên.
    - Giao Thanh tra Sở theo dõi, giám sát việc thực hiện.
    - Trên cơ sở hướng dẫn này, các trường học xây dựng phương án riêng.
    """)
    obs, units = extract_obligations(doc, DocumentHeader())
    assert obs[0].units[0].name == "Các bệnh viện" and obs[0].units[0].raw == "Giám đốc các bệnh viện"
    assert _units(obs[1]) == [("Thanh tra Sở", "monitor")]
    assert obs[2].units[0].name.startswith("Các trường")
    assert "Các bệnh viện" in {u.name for u in units}


def test_purposes_preamble_signature_and_distribution_are_not_tasks():
    doc = _paras("""
    Thực hiện Công văn số 12/SYT-NVY ngày 02/01/2024, Bệnh viện Đa khoa tỉnh ban hành Kế hoạch như sau:
    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao chất lượng khám bệnh, chữa bệnh trước ngày 01/01/2024 theo Quyết định số 5/QĐ-BYT.
    II. NỘI DUNG
    1. Tổ chức tập huấn quy trình chuyên môn cho nhân viên.
    - Kiểm tra việc thực hiện.
    Trên đây là Kế hoạch của Bệnh viện. Đề nghị các khoa, phòng nghiêm túc thực hiện./.
    Nơi nhận:
    - Sở Y tế (b/c);
    - Các khoa, phòng;
    - Lưu: VT, KHTH.
    GIÁM ĐỐC
    """)
    obs, units = extract_obligations(doc, DocumentHeader())
    assert obs == [] and units == []


def test_unit_named_item_heads_its_bullets_and_periodic_reports():
    doc = _paras("""
    III. TỔ CHỨC THỰC HIỆN
    1. Trung tâm Kiểm soát bệnh tật tỉnh
    - Hướng dẫn chuyên môn cho tuyến huyện.
    - Hằng quý tổng hợp số liệu, báo cáo Sở Y tế.
    2. Các Trung tâm Y tế huyện, thành phố căn cứ Kế hoạch này triển khai tại địa phương.
    Định kỳ 6 tháng, hằng năm báo cáo kết quả về Sở Y tế (qua Phòng Nghiệp vụ Y).
    """)
    obs, _units_ = extract_obligations(doc, DocumentHeader(date="2024-05-10"))
    assert len(obs) == 4
    assert {u.name for o in obs[:2] for u in o.units} == {"Trung tâm Kiểm soát bệnh tật tỉnh"}
    assert obs[1].recurrence.rrule == "FREQ=MONTHLY;INTERVAL=3"
    assert "09/2019" in obs[1].recurrence.note
    assert obs[3].recurrence.rrule == "FREQ=MONTHLY;INTERVAL=6"
    assert obs[3].report_to == "Sở Y tế (qua Phòng Nghiệp vụ Y)"
    assert obs[3].units == obs[2].units or [u.name for u in obs[3].units] == [u.name for u in obs[2].units]


def test_de_nghi_without_a_named_unit_goes_to_the_addressees():
    doc = _paras("""
    1. Các bệnh viện tuyến tỉnh rà soát nhân lực.
    2. Đề nghị báo cáo kết quả về Sở Y tế trước ngày 05/9/2024./.
    """)
    obs, _ = extract_obligations(doc, DocumentHeader(recipients=["Giám đốc các bệnh viện tuyến tỉnh;"]))
    assert obs[1].deadline.date == "2024-09-05"
    assert [u.name for u in obs[1].units] == ["Các bệnh viện tuyến tỉnh"]


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


def _table(rows: list[list[str]], header_rows: int = 1) -> Table:
    cells = [[Cell(r, c, t) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Table(rows=cells, n_cols=len(rows[0]), header_rows=header_rows)


def test_plan_table_lead_support_and_time_columns():
    t = _table([
        ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["1", "Xây dựng kế hoạch truyền thông", "Phòng DS-TT", "Các Trạm Y tế", "Quý II/2024"],
        ["2", "Tổ chức hội nghị sơ kết", "Ban Giám đốc", "", "15/7/2024"],
        ["3", "Giám sát hỗ trợ tuyến xã", "Khoa Kiểm soát\nbệnh tật", "TYT các xã, thị trấn", "Hằng tháng"],
    ])
    obs, units = extract_obligations(_doc(t), DocumentHeader())
    assert len(obs) == 3
    assert _units(obs[0]) == [("Phòng Dân số - Truyền thông", "lead"), ("Trạm Y tế", "support")]  # distributive "Các" dropped
    assert obs[0].deadline.date == "2024-06-30" and obs[0].deadline.kind == "quarter"
    assert obs[1].deadline.date == "2024-07-15"
    assert obs[2].recurrence.rrule == "FREQ=MONTHLY"
    assert ("Trạm Y tế các xã, thị trấn", "support") in _units(obs[2])
    assert obs[2].units[0].name == "Khoa Kiểm soát bệnh tật"
    assert obs[1].loc.table == 0 and obs[1].loc.row == 2


def test_table_without_a_unit_column_gives_nothing():
    t = _table([["TT", "Nội dung", "Điểm tối đa"], ["1", "Ban hành kế hoạch", "5"]])
    assert extract_obligations(_doc(t), DocumentHeader()) == ([], [])


@pytest.mark.parametrize("title", ["Theo dõi, kiểm tra, đôn đốc", "Cơ quan theo dõi", "Kiểm tra, giám sát",
                                   "Đơn vị đôn đốc"])
def test_follow_up_column_gives_monitor_units(title):
    from core.tables import table_from_grid

    t = table_from_grid([
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", title, "Thời gian hoàn thành"],
        ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ", "Năm 2026"],
        ["2", "Tổng hợp báo cáo kết quả", "Sở Nội vụ", "", "Sở Nội vụ", "15/4/2026"],
    ], header_rows=1)
    obs, units = extract_obligations(_doc(t), DocumentHeader())
    assert len(obs) == 2
    assert _units(obs[0]) == [("Sở Tư pháp", "lead"), ("Sở Tài chính", "support"), ("Sở Nội vụ", "monitor")]
    # the body doing the task may also be the one following it up
    assert _units(obs[1]) == [("Sở Nội vụ", "lead"), ("Sở Nội vụ", "monitor")]
    assert obs[0].deadline.date == "2026-12-31" and obs[1].deadline.date == "2026-04-15"
    assert {u.name for u in units} == {"Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ"}


def test_follow_up_column_alone_and_checking_content_are_not_doers():
    from core.tables import table_from_grid

    only_monitor = table_from_grid([["STT", "Nhiệm vụ", "Cơ quan theo dõi"], ["1", "Rà soát văn bản", "Sở Nội vụ"]],
                                   header_rows=1)
    assert extract_obligations(_doc(only_monitor), DocumentHeader()) == ([], [])
    content = table_from_grid([["STT", "Nội dung kiểm tra", "Đơn vị thực hiện"], ["1", "Công tác văn thư", "Văn phòng"]],
                              header_rows=1)
    [ob], _u = extract_obligations(_doc(content), DocumentHeader())
    assert ob.action == "Công tác văn thư" and [u.role for u in ob.units] == ["lead"]


def _spanned_table(rows: list[list[tuple[int, str, int]]], n_cols: int) -> Table:
    """A table from rows of (col, text, row_span); positions a span covers have no cell."""
    from core.tables import make_cell

    cells = [[make_cell(r, c, text.split("\n"), row_span=span) for c, text, span in row] for r, row in enumerate(rows)]
    return Table(rows=cells, n_cols=n_cols, header_rows=1)


def test_content_merged_down_gives_one_task_per_row():
    t = _spanned_table([
        [(0, "STT", 1), (1, "Nhiệm vụ", 1), (2, "Sản phẩm", 1), (3, "Thời gian hoàn thành", 1),
         (4, "Chủ trì thực hiện", 1), (5, "Phối hợp thực hiện", 1), (6, "Theo dõi, kiểm tra, đôn đốc", 1)],
        [(0, "1", 2), (1, "Ban hành kế hoạch kiểm tra công tác cải cách hành chính", 2),
         (2, "Kế hoạch của tỉnh", 1), (3, "15/01/2026", 1), (4, "Sở Nội vụ", 1), (5, "Các sở, ngành", 1),
         (6, "Sở Nội vụ", 3)],
        [(2, "Kế hoạch của cơ quan, đơn vị", 1), (3, "31/01/2026", 1), (4, "Các sở, ngành", 1), (5, "", 1)],
        [(0, "2", 1), (1, "Tổng hợp kết quả kiểm tra", 1), (2, "Báo cáo", 1), (3, "30/6/2026", 1),
         (4, "Văn phòng UBND tỉnh", 1), (5, "", 1)],
    ], n_cols=7)
    obs, _all_units = extract_obligations(_doc(t), DocumentHeader())
    assert len(obs) == 3
    first, second, third = obs
    # the shared task, told apart by each row's own product cell
    assert first.action == second.action == "Ban hành kế hoạch kiểm tra công tác cải cách hành chính"
    assert first.source_text.endswith("| Kế hoạch của tỉnh")
    assert second.source_text.endswith("| Kế hoạch của cơ quan, đơn vị")
    assert third.source_text == "2 Tổng hợp kết quả kiểm tra"
    assert _units(first) == [("Sở Nội vụ", "lead"), ("Các sở, ngành", "support"), ("Sở Nội vụ", "monitor")]
    # the covered row: its own unit and time cells, the merged task and the merged follow-up column
    assert _units(second) == [("Các sở, ngành", "lead"), ("Sở Nội vụ", "monitor")]
    assert first.deadline.date == "2026-01-15" and second.deadline.date == "2026-01-31"
    assert (first.loc.row, second.loc.row, third.loc.row) == (1, 2, 3)
    # a unit cell merged down over the next task is that task's too
    assert ("Sở Nội vụ", "monitor") in _units(third) and third.deadline.date == "2026-06-30"


def test_head_of_a_body_who_chi_dao_a_task_is_its_doer():
    doc = _paras(
        "Sở Y tế đề nghị các đơn vị:\n"
        "1. Giám đốc các bệnh viện tuyến tỉnh chỉ đạo rà soát nhân lực, báo cáo về Sở Y tế trước ngày 20/5/2024.\n"
        "2. Chủ tịch UBND các xã, thị trấn chỉ đạo tổ chức thực hiện trước ngày 30/5/2024.\n"
        "3. Ban Giám đốc chỉ đạo các khoa, phòng rà soát quy trình.\n"
        "4. Chủ tịch UBND tỉnh chỉ đạo:"
    )
    obs, _ = extract_obligations(doc, DocumentHeader())
    got = [(_units(o), (o.deadline.date if o.deadline else None)) for o in obs]
    assert got[0] == ([("Các bệnh viện tuyến tỉnh", "lead")], "2024-05-20")
    assert got[1] == ([("Ủy ban nhân dân các xã, thị trấn", "lead")], "2024-05-30")
    # GUIDELINES: in "X chỉ đạo Y làm Z" both X (to direct) and Y (to do) act; "chỉ đạo:" alone announces,
    # it gives no task
    assert got[2][0] == [("Ban Giám đốc", "lead"), ("Các khoa, phòng", "lead")]
    assert len(obs) == 3


def test_execution_clause_of_a_decision_names_the_bodies_before_the_people():
    doc = _paras(
        "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị liên quan và các ông, bà "
        "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
    )
    obs, _ = extract_obligations(doc, DocumentHeader())
    assert [_units(o) for o in obs] == [[("Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Sở Nội vụ", "lead"),
                                         ("Các cơ quan, đơn vị liên quan", "lead")]]


# --------------------------------------------------------------------------
# Regulations and internal rules: generic actors, inserted phrases, lead-ins
# --------------------------------------------------------------------------


def test_inserted_scope_phrase_between_subject_and_predicate_is_skipped():
    obs, _ = extract_obligations(_paras("""
        1. Sở Xây dựng, Sở Công Thương, trong phạm vi nhiệm vụ, quyền hạn của mình, có trách nhiệm hướng dẫn các xã lập quy hoạch.
        2. Ban Quản lý dự án, theo chức năng, nhiệm vụ được giao, chủ trì nghiệm thu công trình.
    """), DocumentHeader())
    assert [_units(o) for o in obs] == [[("Sở Xây dựng", "lead"), ("Sở Công Thương", "lead")],
                                        [("Ban Quản lý dự án", "lead")]]
    assert obs[0].action.startswith("hướng dẫn các xã") and obs[1].action.startswith("chủ trì nghiệm thu")


def test_generic_actors_of_a_regulation_and_lead_in_items():
    obs, units = extract_obligations(_paras("""
        Điều 9. Trách nhiệm quản lý hồ sơ
        1. Người đứng đầu cơ quan, tổ chức có trách nhiệm phê duyệt danh mục hồ sơ.
        2. Lưu trữ cơ quan có nhiệm vụ
        a) Thu thập tài liệu đến hạn nộp lưu.
        b) Sắp xếp tài liệu trong kho theo từng phông.
        3. Người lập hồ sơ phải ghi đầy đủ thông tin vào mục lục.
        4. Hồ sơ điện tử phải được sao lưu định kỳ.
    """), DocumentHeader())
    got = [(o.units[0].name, o.action) for o in obs]
    assert got == [("Cơ quan, tổ chức", "phê duyệt danh mục hồ sơ"),
                   ("Lưu trữ cơ quan", "Thu thập tài liệu đến hạn nộp lưu"),
                   ("Lưu trữ cơ quan", "Sắp xếp tài liệu trong kho theo từng phông"),
                   ("Người lập hồ sơ", "ghi đầy đủ thông tin vào mục lục")]
    # the head of a body is listed as the body; a person doing a task is not a unit of the document
    assert [u.name for u in units] == ["Cơ quan, tổ chức", "Lưu trữ cơ quan"]
    assert obs[0].units[0].raw == "Người đứng đầu cơ quan, tổ chức"


def test_duty_heading_names_the_doer_of_its_items():
    obs, _ = extract_obligations(_paras("""
        3. Trách nhiệm của người đứng đầu bộ phận tổ chức
        a) Theo dõi việc chấp hành nội quy.
        b) Đề xuất khen thưởng hằng năm.
    """), DocumentHeader())
    assert [o.units[0].name for o in obs] == ["Bộ phận tổ chức", "Bộ phận tổ chức"]


def test_a_verb_list_is_not_the_inspectorate_and_a_clause_is_not_an_actor():
    obs, _ = extract_obligations(_paras("""
        4. Thanh tra, kiểm tra, xử lý vi phạm về quản lý đất đai.
        5. Trường hợp phát hiện sai sót, Văn thư cơ quan báo ngay người có trách nhiệm xử lý.
    """), DocumentHeader())
    assert obs == []


def test_fronted_topic_then_a_restated_generic_subject():
    obs, _ = extract_obligations(_paras("""
        5. Đối với các trường học trên địa bàn huyện, người đứng đầu đơn vị chịu trách nhiệm tổ chức diễn tập phòng cháy.
        6. Đối với hồ sơ quá hạn, Phòng Tư pháp tổng hợp báo cáo.
    """), DocumentHeader())
    assert [o.units[0].name for o in obs] == ["Các trường học trên địa bàn huyện", "Phòng Tư pháp"]
    assert obs[0].action.startswith("chịu trách nhiệm tổ chức diễn tập")


def test_the_issuer_announcing_is_not_a_task():
    header = DocumentHeader(issuer="Phòng Đào tạo")
    obs, _ = extract_obligations(_paras("""
        Phòng Đào tạo thông báo đến học viên lịch thi học kỳ II như sau.
        Phòng Khảo thí thông báo kết quả cho học viên trước ngày 10/6/2024.
    """), header)
    assert [o.units[0].name for o in obs] == ["Phòng Khảo thí"]


def test_people_ordered_by_their_role_are_the_doers():
    obs, units = extract_obligations(_paras("""
        3. Yêu cầu giám thị kiểm tra thẻ dự thi của thí sinh trước giờ thi.
        4. Đề nghị các giảng viên nộp bảng điểm trước ngày 15/01/2025.
    """), DocumentHeader())
    assert [(o.units[0].name, o.action[:20]) for o in obs] == [("Giám thị", "kiểm tra thẻ dự thi "),
                                                             ("Giảng viên", "nộp bảng điểm trước ")]
    assert obs[1].deadline.date == "2025-01-15"
