"""Task tables (issue 10, class 5): the column of bodies under any of its usual headers, or found by
what its cells hold; heads of bodies in cells; time cells with a range or two due dates; rules in the
time or product column; and every unit, deadline and recurrence read from a table pointing at the
words of its own cell (issue 13).  All tables here are invented."""

from __future__ import annotations

import pytest

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from core.tables import table_from_grid
from extractors.obligations import extract_obligations


def _extract(rows, date="2024-03-10", before=()):
    t = table_from_grid(rows)
    doc = Document(source=SourceInfo(path="t.docx", sha256="", format="docx"),
                   blocks=[Paragraph(p) for p in before] + [t]).reindex()
    obs, units = extract_obligations(doc, DocumentHeader(date=date))
    return t, obs, units


def _cell_text(t, loc):
    [cell] = [c for row in t.rows for c in row if (c.row, c.col) == (loc.row, loc.col)]
    return cell.text[loc.start:loc.end]


def _rows(unit_header):
    return [
        ["TT", "Nội dung công việc", unit_header, "Thời gian"],
        ["1", "Rà soát quy chế chi tiêu nội bộ", "Lãnh đạo Sở Tài nguyên và Môi trường", "Từ 02/5/2024 đến 20/5/2024"],
        ["2", "Cập nhật dữ liệu hộ nghèo lên phần mềm", "Phòng Lao động - Thương binh và Xã hội;\nUBND các xã, thị trấn",
         "Trước ngày 05 hằng tháng"],
        ["3", "Kiểm tra việc niêm yết thủ tục hành chính", "Văn phòng HĐND và UBND huyện chủ trì, phối hợp Phòng Tư pháp",
         "Quý III/2024"],
    ]


@pytest.mark.parametrize("header", [
    "Trách nhiệm thực hiện", "Cơ quan thực hiện", "Người thực hiện", "Đơn vị thực hiện", "Đơn vị chủ trì",
    # headers that say nothing of bodies: the column is found by its cells
    "Phân công", "Giao cho", "Đầu mối",
])
def test_the_column_of_bodies_under_any_header(header):
    t, obs, units = _extract(_rows(header))
    names = {u.name for u in units}
    assert {"Sở Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội", "Phòng Tư pháp"} <= names
    by_task = {o.action.split()[0]: o for o in obs}
    # a head of a body ("Lãnh đạo Sở …") stands for the body
    assert [u.name for u in by_task["Rà"].units] == ["Sở Tài nguyên và Môi trường"]
    # a range in the time column is due at its end
    assert by_task["Rà"].deadline.date == "2024-05-20"
    # a rule in the time column is a recurrence, not a one-off date
    assert by_task["Cập"].deadline is None and by_task["Cập"].recurrence.rrule == "FREQ=MONTHLY;BYMONTHDAY=5"
    assert by_task["Cập"].recurrence.text == "Trước ngày 05 hằng tháng"
    roles = {u.name: u.role for u in by_task["Kiểm"].units}
    assert roles["Phòng Tư pháp"] == "support" and by_task["Kiểm"].deadline.date == "2024-09-30"


def test_units_and_times_point_at_their_own_cells():
    t, obs, _ = _extract(_rows("Cơ quan thực hiện"))
    for o in obs:
        for u in o.units:
            assert u.loc.col == 2 and _cell_text(t, u.loc).split() == u.raw.split()
        for item in (o.deadline, o.recurrence):
            if item is not None:
                assert item.loc.col == 3 and _cell_text(t, item.loc).split() == item.text.split()
    # the second unit of a cell broken over two lines points at its line
    cap = next(o for o in obs if o.action.startswith("Cập"))
    second = cap.units[1]
    assert _cell_text(t, second.loc) == "UBND các xã, thị trấn" and second.loc.start > 0


def test_a_rule_in_the_product_column():
    t, obs, _ = _extract([
        ["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì"],
        ["1", "Theo dõi tiến độ giải ngân vốn đầu tư công", "Báo cáo gửi UBND tỉnh trước ngày 20 hằng tháng",
         "Sở Kế hoạch và Đầu tư"],
        ["2", "Đánh giá chỉ số cải cách hành chính", "Báo cáo kết quả chậm nhất ngày 15/12/2024", "Sở Nội vụ"],
    ])
    first, second = obs
    assert first.recurrence.rrule == "FREQ=MONTHLY;BYMONTHDAY=20" and first.recurrence.loc.col == 2
    assert second.deadline.date == "2024-12-15" and _cell_text(t, second.deadline.loc) == "chậm nhất ngày 15/12/2024"


def test_a_time_cell_with_two_due_dates_gives_two_deadlines():
    _t, obs, _ = _extract([
        ["TT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"],
        ["1", "Tổ chức tổng vệ sinh môi trường khu dân cư", "Đoàn Thanh niên xã", "30/6/2024; 31/12/2024"],
    ])
    assert sorted(o.deadline.date for o in obs) == ["2024-06-30", "2024-12-31"]
    assert all([u.name for u in o.units] == ["Đoàn Thanh niên xã"] for o in obs)


def test_tables_of_figures_and_layout_give_no_tasks():
    # a statistics table: its "Đơn vị tính" column holds measures, not bodies
    _t, obs, _ = _extract([
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
        ["1", "Số văn bản đã ban hành", "Văn bản", "41"],
        ["2", "Số cơ quan được kiểm tra", "Cơ quan", "12"],
        ["3", "Tỷ lệ hồ sơ đúng hạn", "%", "98"],
    ])
    assert obs == []
    # a table of names and phone numbers: bodies, but no column of tasks
    _t, obs, _ = _extract([
        ["Sở Xây dựng", "0203 3820 111", "x"],
        ["Sở Giao thông vận tải", "0203 3820 222", "y"],
        ["Công an tỉnh", "0203 3820 333", "z"],
    ])
    assert obs == []


def test_role_labels_heads_and_rules_in_cells():
    t, obs, units = _extract([
        ["TT", "Nội dung", "Đơn vị chủ trì/phối hợp", "Tiến độ"],
        ["1", "Kiểm tra vệ sinh trường học", "Chủ trì: Phòng Giáo dục; Phối hợp: Trung tâm Y tế huyện", "Tháng 9/2024"],
        ["2", "Cập nhật danh sách đối tượng bảo trợ", "Chủ tịch UBND các phường", "Trước ngày 10/4 và 10/10 hằng năm"],
        ["3", "Báo cáo tình hình thu ngân sách", "Chi cục Thuế khu vực", "Hằng quý (trước ngày 18 tháng cuối quý)"],
    ])
    first, second, third = obs
    assert [(u.raw, u.role) for u in first.units] == [("Phòng Giáo dục", "lead"), ("Trung tâm Y tế huyện", "support")]
    assert all(_cell_text(t, u.loc) == u.raw for u in first.units)
    assert second.units[0].raw == "Chủ tịch UBND các phường" and second.deadline is None
    assert second.recurrence.rrule == "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=10"
    assert third.recurrence.text == "Hằng quý (trước ngày 18 tháng cuối quý)"
    assert third.recurrence.rrule == "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=18"


def test_a_schedule_whose_tasks_name_their_doer():
    t, obs, _ = _extract([
        ["TT", "Thời gian", "Nội dung công việc"],
        ["1", "Ngày 06/5/2024", "Phòng Công tác sinh viên công bố danh sách học bổng"],
        ["2", "Từ 08/5/2024 đến 17/5/2024", "Các khoa tiếp nhận hồ sơ khiếu nại"],
        ["3", "Ngày 24/5/2024", "Hội đồng xét học bổng họp xét duyệt"],
    ])
    assert [(o.units[0].name, o.deadline.date) for o in obs] == [
        ("Phòng Công tác sinh viên", "2024-05-06"), ("Các khoa", "2024-05-17"), ("Hội đồng xét học bổng", "2024-05-24")]
    assert obs[0].action == "công bố danh sách học bổng"
    assert all(_cell_text(t, o.units[0].loc) == o.units[0].raw for o in obs)


@pytest.mark.parametrize("unit_header", ["Trách nhiệm thực hiện", "Người thực hiện", "Đơn vị phụ trách thực hiện"])
def test_a_table_flattened_into_paragraphs(unit_header):
    paras = ["PHỤ LỤC", "TT Nội dung công việc", unit_header, "1", "Rà soát quy chế làm việc của cơ quan",
             "Phòng Nội vụ", "2", "Cập nhật cơ sở dữ liệu cán bộ trước ngày 30/9/2024", "Trung tâm Chính trị huyện",
             "Nơi nhận:"]
    doc = Document(source=SourceInfo(path="x.txt", sha256="", format="txt"), blocks=[Paragraph(p) for p in paras]).reindex()
    obs, _units = extract_obligations(doc, DocumentHeader(date="2024-01-01"))
    assert [(o.action, [u.raw for u in o.units]) for o in obs] == [
        ("Rà soát quy chế làm việc của cơ quan", ["Phòng Nội vụ"]),
        ("Cập nhật cơ sở dữ liệu cán bộ trước ngày 30/9/2024", ["Trung tâm Chính trị huyện"])]
    # each name and the due date point at their own paragraph's words
    for o in obs:
        for u in o.units:
            assert doc.blocks[u.loc.block].text[u.loc.start:u.loc.end] == u.raw
    dl = obs[1].deadline
    assert dl.date == "2024-09-30" and doc.blocks[dl.loc.block].text[dl.loc.start:dl.loc.end] == dl.text


@pytest.mark.parametrize("rows", [
    # a schedule whose doers are people by their role, under a header that names no body ...
    [["STT", "Công việc", "Thời hạn", "Đối tượng thực hiện"],
     ["1", "Nộp hồ sơ xét tốt nghiệp", "15/11/2025", "Học viên"],
     ["2", "Nhận xét luận văn của học viên", "Tháng 12/2025", "Giảng viên hướng dẫn"]],
    # ... under the verb alone, the time first
    [["Thời gian", "Nội dung", "Thực hiện"],
     ["Trước 15/11/2025", "Nộp hồ sơ xét tốt nghiệp", "Học viên"],
     ["Tháng 12/2025", "Nhận xét luận văn của học viên", "Giảng viên hướng dẫn"]],
    # ... or with no header naming the column at all
    [["TT", "Hoạt động", "Mốc thời gian", "Ghi chú"],
     ["1", "Nộp hồ sơ xét tốt nghiệp", "trước ngày 15/11/2025", "Học viên"],
     ["2", "Nhận xét luận văn của học viên", "tháng 12/2025", "Giảng viên hướng dẫn"]],
])
def test_a_schedule_whose_doers_are_people(rows):
    t, obs, units = _extract(rows, date="2025-09-10")
    got = [(o.action, [u.name for u in o.units], o.deadline.date) for o in obs]
    assert got == [("Nộp hồ sơ xét tốt nghiệp", ["Học viên"], "2025-11-15"),
                   ("Nhận xét luận văn của học viên", ["Giảng viên hướng dẫn"], "2025-12-31")]
    for o in obs:
        assert _cell_text(t, o.units[0].loc) == o.units[0].raw


def test_a_cell_of_roles_is_a_cell_of_doers_and_a_task_is_not():
    from extractors.obligation_tables import _is_person_cell, _is_unit_cell
    for cell in ("Học viên; cố vấn học tập", "Các giảng viên và sinh viên", "Giáo viên chủ nhiệm lớp", "Người học"):
        assert _is_person_cell(cell) and _is_unit_cell(cell), cell
    for cell in ("Sinh viên nộp hồ sơ tại Phòng Đào tạo", "Nhập học, sinh hoạt đầu khóa", "Nguyễn Văn A", "Đúng hạn"):
        assert not _is_person_cell(cell), cell


def _extract_undated(rows, before=(), subject=None):
    t = table_from_grid(rows)
    doc = Document(source=SourceInfo(path="t.docx", sha256="", format="docx"),
                   blocks=[Paragraph(p) for p in before] + [t]).reindex()
    obs, _units = extract_obligations(doc, DocumentHeader(subject=subject))
    return [(o.action, o.deadline and o.deadline.date, o.deadline and o.deadline.inferred_year) for o in obs]


_UNDATED = [["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
            ["1", "Rà soát danh sách hộ nghèo", "UBND các xã", "Trước 15/11"],
            ["2", "Tổng hợp báo cáo", "Phòng Lao động - Thương binh và Xã hội", "Trước ngày 30/11"]]


def test_a_document_with_no_date_reads_a_cells_year_from_the_nearest_dated_context():
    want = [("Rà soát danh sách hộ nghèo", "2026-11-15", True), ("Tổng hợp báo cáo", "2026-11-30", True)]
    # the year of the document's title
    assert _extract_undated(_UNDATED, subject="Kế hoạch giảm nghèo bền vững năm 2026") == want
    # the year last written above the table
    assert _extract_undated(_UNDATED, before=["Thực hiện Kế hoạch số 12/KH-UBND ngày 03/3/2026 của UBND huyện, "
                                              "UBND huyện triển khai như sau:"]) == want
    # the table's own year before the title's
    rows = [r[:] for r in _UNDATED] + [["3", "Sơ kết năm 2026", "UBND các xã", "Tháng 12/2026"]]
    assert _extract_undated(rows, subject="Kế hoạch năm 2025")[:2] == want
    # nothing dated anywhere: no guess
    assert [d for _a, d, _i in _extract_undated(_UNDATED)] == [None, None]


def test_a_schedule_whose_task_cells_open_with_a_role():
    rows = [["TT", "Thời gian", "Nội dung"],
            ["1", "Ngày 10/9/2025", "Phòng Đào tạo thông báo lịch bảo vệ đến các khoa"],
            ["2", "Từ 15/9/2025 đến 30/9/2025", "Sinh viên nộp đề cương khóa luận lên hệ thống"],
            ["3", "Ngày 05/10/2025", "Giảng viên hướng dẫn nhận xét đề cương và cho điểm"],
            ["4", "Ngày 10/10/2025", "Các học viên hoàn thiện hồ sơ bảo vệ"]]
    t, obs, _units = _extract(rows, date="2025-09-01")
    assert [(o.action, [u.name for u in o.units], o.deadline.date) for o in obs] == [
        ("thông báo lịch bảo vệ đến các khoa", ["Phòng Đào tạo"], "2025-09-10"),
        ("nộp đề cương khóa luận lên hệ thống", ["Sinh viên"], "2025-09-30"),
        ("nhận xét đề cương và cho điểm", ["Giảng viên hướng dẫn"], "2025-10-05"),
        ("hoàn thiện hồ sơ bảo vệ", ["Các học viên"], "2025-10-10")]
    assert [_cell_text(t, o.units[0].loc) for o in obs[1:]] == ["Sinh viên", "Giảng viên hướng dẫn", "Các học viên"]


_NO_DOERS = [["TT", "Nhiệm vụ", "Chỉ tiêu", "Thời gian hoàn thành"],
             ["1", "Số hóa hồ sơ lưu trữ của cơ quan giai đoạn 2019-2023", "100% hồ sơ", "Tháng 8/2025"],
             ["2", "Rà soát, cập nhật danh mục thủ tục hành chính", "02 lần", "9/2025"],
             ["3", "Tập huấn nghiệp vụ cho cán bộ cấp xã;\nkiểm tra việc áp dụng phần mềm", "", "- Tháng 10/2025\n- Tháng 12/2025"],
             ["4", "Báo cáo kết quả thực hiện nhiệm vụ", "", "Trước ngày 05 hằng tháng"]]
_CONTEXT = [("Phòng Hành chính - Tổng hợp", "lead")]


def _read(rows, date="2025-06-02", context=None, header_rows=None):
    """``read_table`` given the units the document gives the table (the heading or lead-in above it)."""
    from extractors.obligation_builder import ObligationBuilder
    from extractors.obligation_tables import read_table
    b = ObligationBuilder(DocumentHeader(date=date))
    t = table_from_grid(rows, header_rows=header_rows)
    read_table(b, t, context=context)
    obs, units = b.finish()
    return t, obs, units


def test_a_table_of_tasks_and_due_times_naming_no_doer_gives_its_rows_to_the_units_of_its_context():
    # no column of bodies and no body in the task cells: every row with a time is a task of the context's units
    t, obs, units = _read(_NO_DOERS, context=_CONTEXT)
    got = [(o.action.split(",")[0].split(";")[0], o.deadline and o.deadline.date, o.recurrence and o.recurrence.rrule)
           for o in obs]
    assert got == [("Số hóa hồ sơ lưu trữ của cơ quan giai đoạn 2019-2023", "2025-08-31", None),
                   ("Rà soát", "2025-09-30", None),
                   ("Tập huấn nghiệp vụ cho cán bộ cấp xã", "2025-10-31", None),
                   ("Tập huấn nghiệp vụ cho cán bộ cấp xã", "2025-12-31", None),
                   ("Báo cáo kết quả thực hiện nhiệm vụ", None, "FREQ=MONTHLY;BYMONTHDAY=5")]
    assert [u.name for u in units] == ["Phòng Hành chính - Tổng hợp"]
    assert all([(u.name, u.role, u.implied) for u in o.units] == [("Phòng Hành chính - Tổng hợp", "lead", True)]
               for o in obs)
    for o in obs:
        if o.deadline is not None:
            assert o.deadline.loc.col == 3 and _cell_text(t, o.deadline.loc) == o.deadline.text
    # with no unit given, no task: a deadline nobody is given counts wrong for every unit
    assert _read(_NO_DOERS)[1] == []


@pytest.mark.parametrize("rows", [
    # an agenda: its times are hours of one day, not due dates
    [["Thời gian", "Nội dung", "Ghi chú"],
     ["7 giờ 30 ngày 12/9/2025", "Đón tiếp đại biểu, ổn định tổ chức", ""],
     ["8h00 ngày 12/9/2025", "Phát biểu khai mạc hội nghị", ""],
     ["9h30 ngày 12/9/2025", "Thảo luận, tổng kết hội nghị", ""]],
    # a schedule of visits: the bodies visited on their days
    [["STT", "Đơn vị được kiểm tra", "Thời gian"],
     ["1", "Trung tâm Y tế huyện Phú Lộc", "Ngày 03/3/2026"],
     ["2", "Bệnh viện đa khoa khu vực Bình Sơn", "Ngày 05/3/2026"],
     ["3", "Phòng khám đa khoa Tân Hòa", "Ngày 09/3/2026"]],
    # a table of figures by year
    [["Năm", "Chỉ tiêu", "Kết quả"],
     ["2023", "Số doanh nghiệp thành lập mới", "1.204"],
     ["2024", "Số doanh nghiệp thành lập mới", "1.377"]],
])
def test_an_agenda_or_a_table_of_figures_gives_no_task(rows):
    # even where the document gives the table a unit
    _t, obs, _ = _read(rows, date="2025-08-01", context=[("Văn phòng Sở", "lead")])
    assert obs == []
    _t, obs, _ = _extract(rows, date="2025-08-01")
    assert obs == []


def test_a_span_of_years_in_a_time_column_is_due_at_its_end():
    rows = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện"],
            ["1", "Xây dựng bộ tiêu chí trường học an toàn", "Phòng Giáo dục và Đào tạo", "Năm 2026-2027"],
            ["2", "Nhân rộng mô hình trường học xanh", "Phòng Giáo dục và Đào tạo", "Giai đoạn 2026 - 2030"],
            ["3", "Sơ kết việc thực hiện đề án", "Phòng Giáo dục và Đào tạo", "Năm 2028"],
            ["4", "Đánh giá giữa kỳ", "Phòng Giáo dục và Đào tạo", "Năm 2029-2027"]]
    _t, obs, _ = _extract(rows, date="2025-11-20")
    assert [o.deadline and o.deadline.date for o in obs] == ["2027-12-31", "2030-12-31", "2028-12-31", None]


def test_a_row_whose_task_names_no_doer_in_a_schedule_of_doers_takes_the_context_and_keeps_its_deadline():
    rows = [["TT", "Thời gian", "Nội dung"],
            ["1", "Ngày 02/6/2026", "Phòng Quản lý khoa học tổng hợp danh sách đề tài"],
            ["2", "03/6/2026 – 10/6/2026", "Nhận hồ sơ đăng ký tại văn phòng"],
            ["3", "Ngày 15/6/2026", "Hội đồng khoa học họp xét chọn"]]
    _t, obs, _units = _read(rows, date="2026-05-20", context=[("Văn phòng Viện", "lead")])
    assert [([u.name for u in o.units], o.deadline.date) for o in obs] == [
        (["Phòng Quản lý khoa học"], "2026-06-02"), (["Văn phòng Viện"], "2026-06-10"), (["Hội đồng khoa học"], "2026-06-15")]
    assert obs[1].units[0].implied and not obs[0].units[0].implied


def test_a_scanned_schedule_whose_header_row_is_read_as_a_body_row():
    # the header row of a scan left in the body ("Ngày | Công việc") holds no time: the rows are still read, a
    # range written with a doubled or long dash is due at its end
    rows = [["STT", "Ngày", "Công việc"],
            ["1", "04/5/2026-— 08/5/2026", "Nộp bản thảo báo cáo tổng kết về văn phòng Khoa"],
            ["2", "1l/5/2026", "Nộp phiếu đánh giá của người hướng dẫn"],
            ["3", "15/5/2026 — 20/5/2026", "Chỉnh sửa và nộp bản hoàn chỉnh"]]
    _t, obs, _units = _read(rows, date="2026-04-20", context=[("Học viên", "lead")], header_rows=0)
    assert [(o.action.split()[0], o.deadline.date) for o in obs] == [("Nộp", "2026-05-08"), ("Chỉnh", "2026-05-20")]


def test_in_a_table_naming_no_doer_an_event_on_its_day_is_no_deadline():
    _t, obs, _ = _read([["TT", "Thời gian", "Công việc"],
                        ["1", "Trước ngày 10/6/2026", "Nộp đơn đăng ký dự thi về Phòng Đào tạo"],
                        ["2", "18/6/2026", "Thi học phần bổ sung"],
                        ["3", "25/6/2026", "Lễ trao chứng chỉ"],
                        ["4", "30/6/2026", "Hoàn thành nhập điểm lên phần mềm"]],
                       date="2026-05-20", context=[("Sinh viên", "lead")])
    assert [o.deadline.date for o in obs] == ["2026-06-10", "2026-06-30"]


def test_a_numbered_row_whose_doer_cell_is_empty_or_unreadable_keeps_its_deadline_with_the_context():
    rows = [["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
            ["1", "Rà soát hồ sơ đất đai tồn đọng", "Phòng Tài nguyên và Môi trường", "Quý I/2026"],
            ["2", "Công khai kết quả rà soát trên cổng thông tin", "", "Tháng 4/2026"],
            ["3", "Tổng kết, đánh giá kết quả", "~;.%", ""]]
    _t, obs, _ = _read(rows, date="2025-12-15", context=[("UBND xã Tân Lập", "lead")])
    assert [(o.action.split()[0], [u.name for u in o.units], o.deadline and o.deadline.date) for o in obs] == [
        ("Rà", ["Phòng Tài nguyên và Môi trường"], "2026-03-31"), ("Công", ["Ủy ban nhân dân xã Tân Lập"], "2026-04-30")]
    # without units given, the row is left out as before
    assert len(_read(rows, date="2025-12-15")[1]) == 1
