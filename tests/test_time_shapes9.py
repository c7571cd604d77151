"""Due times and recurrences in shapes met on fresh documents (issue 10, items 5, 6, 8, 9; ninth session).

Every sentence and table here is invented for the test (bodies, tasks, dates are made up); none is copied from
a gold file or a corpus document.
"""

from __future__ import annotations

import pytest

from core.model import Document, DocumentHeader, SourceInfo
from extractors.obligations import extract_obligations
from obligation_helpers import due_by_first_words, obligations_and_units


def _lines(text: str, date="2025-02-03"):
    return obligations_and_units(text, date=date)[0]


# --------------------------------------------------------------------------
# 5. A task table one cell a paragraph whose group titles carry their Roman numeral and the next row's label
# --------------------------------------------------------------------------

_GROUPED = """PHỤ LỤC
DANH MỤC NHIỆM VỤ THỰC HIỆN ĐỀ ÁN
STT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
{time}
I. Hoàn thiện khung pháp lý về quản lý chợ đầu mối nông sản 1.
Xây dựng quy chế quản lý chợ đầu mối nông sản cấp vùng
Sở Công Thương
Sở Tài chính, các cơ quan có liên quan
Quy chế được ban hành
Quý II/2026 2.
Rà soát mạng lưới chợ đầu mối trên địa bàn tỉnh
Sở Công Thương
Ủy ban nhân dân các huyện
Báo cáo rà soát
Tháng 9/2026
7
STT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
{time} 3.
Ban hành tiêu chí chợ đầu mối đạt chuẩn
Sở Công Thương
Sở Y tế
Quyết định của Ủy ban nhân dân tỉnh
Quý IV/2026
II. Phát triển hạ tầng kho lạnh và logistics 4.
Lập quy hoạch chi tiết khu kho lạnh tập trung
Sở Xây dựng
Sở Công Thương, Sở Nông nghiệp và Môi trường
Quy hoạch được phê duyệt
Quý I/2027
5. Đầu tư hệ thống truy xuất nguồn gốc nông sản.
Sở Khoa học và Công nghệ
Sở Công Thương
Hệ thống được vận hành
Tháng 6/2027
"""


@pytest.mark.parametrize("time", ["Thời gian hoàn thành", "Thời hạn", "Tiến độ", "Thời gian thực hiện"])
def test_group_titles_with_roman_numerals_and_glued_row_labels_keep_the_table(time):
    due = due_by_first_words(_lines(_GROUPED.format(time=time)))
    assert due["Xây dựng quy"] == "2026-06-30"
    assert due["Rà soát mạng"] == "2026-09-30"
    assert due["Ban hành tiêu"] == "2026-12-31"
    assert due["Lập quy hoạch"] == "2027-03-31"
    assert due["Đầu tư hệ"] == "2027-06-30"


def test_a_section_heading_after_a_table_still_ends_it():
    # a Roman section heading with no row label after it, once rows were read, is prose again
    text = _GROUPED.format(time="Tiến độ") + """III. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì theo dõi, đôn đốc việc thực hiện Đề án, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2027.
"""
    due = due_by_first_words(_lines(text))
    assert due["chủ trì theo"] == "2027-12-15"


# --------------------------------------------------------------------------
# 5. A time cell that names when the work starts: no due time; a range of periods: due at its end
# --------------------------------------------------------------------------


def _table(rows, date="2025-02-03"):
    from core.tables import table_from_grid
    t = table_from_grid(rows)
    doc = Document(source=SourceInfo(path="t.docx", sha256="", format="docx"), blocks=[t]).reindex()
    return extract_obligations(doc, DocumentHeader(date=date))[0]


def test_a_start_in_a_time_cell_is_no_due_time_and_a_range_is_due_at_its_end():
    due = due_by_first_words(_table([
        ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian thực hiện"],
        ["1", "Vận hành cổng dịch vụ công cấp tỉnh", "Sở Khoa học và Công nghệ", "Từ quý III/2025"],
        ["2", "Cập nhật dữ liệu dân cư các xã", "Công an tỉnh", "Từ tháng 4/2025, thường xuyên"],
        ["3", "Chuyển đổi hồ sơ giấy sang bản điện tử", "Sở Nội vụ", "Từ quý II/2025 đến quý I/2027"],
        ["4", "Đào tạo kỹ năng số cho cán bộ cấp xã", "Sở Nội vụ", "Từ năm 2026"],
        ["5", "Tổng kết việc thí điểm", "Văn phòng Ủy ban nhân dân tỉnh", "Quý IV/2026"],
    ]))
    assert due["Vận hành cổng"] is None
    assert due["Cập nhật dữ"] is None
    assert due["Chuyển đổi hồ"] == "2027-03-31"
    assert due["Đào tạo kỹ"] is None
    assert due["Tổng kết việc"] == "2026-12-31"


# --------------------------------------------------------------------------
# 6. A time line after a task, its label then its time; months listed once with their year
# --------------------------------------------------------------------------


def _dl(text, date="2025-02-03", **kw):
    from extractors.deadlines import find_deadlines
    return [(d.deadline.date, d.deadline.text) for d in find_deadlines(text, date, **kw)]


@pytest.mark.parametrize("cell, due", [
    ("Tháng 9, 10/2025", "2025-10-31"),
    ("Tháng 9 và tháng 10/2025", "2025-10-31"),
    ("tháng 4, 5, 6/2026 và thường xuyên", "2026-06-30"),
])
def test_months_listed_once_with_their_year_are_due_at_the_end_of_the_last(cell, due):
    assert _dl(cell, in_time_column=True) == [(due, cell.split(" và thường")[0])]
    line = f"2. Thời gian thực hiện: {cell}."
    assert [d for d, _t in _dl(line)] == [due]


def test_a_field_line_saying_the_work_is_finished_by_a_day_times_the_task_above_it():
    from extractors.deadlines import due_field
    line = "- Thời gian hoàn tất: trước ngày 20 tháng 9 năm 2025."
    assert due_field(line)
    assert _dl(line) == [("2025-09-20", "trước ngày 20 tháng 9 năm 2025")]


# --------------------------------------------------------------------------
# 8. A bracket closing a task's sentence that holds only its time
# --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, due", [
    ("Rà soát, cập nhật bản đồ vùng ngập lụt các huyện ven biển (Quý III/2025, Quý I/2026 và thường xuyên).",
     "2026-03-31"),
    ("Bố trí cán bộ chuyên trách cho các trạm khuyến nông (năm 2025 và kiện toàn hằng năm).", "2025-12-31"),
    ("Xây dựng bộ chỉ số đánh giá mức độ hài lòng của người dân (tháng 8/2025).", "2025-08-31"),
])
def test_a_closing_bracket_of_times_gives_the_latest(sentence, due):
    assert [d for d, _t in _dl(sentence)] == [due]


@pytest.mark.parametrize("sentence", [
    "Phấn đấu tỷ lệ hộ dùng nước sạch tăng nhanh (năm 2025 đạt 92%).",
    "Kết quả tuyển sinh của trường tăng so với cùng kỳ (năm 2024 là 1.200 em).",
    "Các xã đã hoàn thành việc cắm mốc (tháng 5/2024 và tháng 6/2024), nay tiếp tục kiểm tra.",
])
def test_a_bracket_of_figures_or_narration_gives_no_due_time(sentence):
    assert _dl(sentence) == []


# --------------------------------------------------------------------------
# 9. A yearly rule with its day in a bracket after it: one rule with the day, no one-off date
# --------------------------------------------------------------------------


@pytest.mark.parametrize("when, rule", [
    ("định kỳ hằng năm (trước ngày 10/12 và khi có yêu cầu)", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10"),
    ("định kỳ hàng năm (trước 05/01)", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=5"),
    ("hằng năm, chậm nhất là ngày 25/6,", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=25"),
])
def test_a_yearly_rule_with_its_day_after_it_is_no_dated_deadline(when, rule):
    obs = _lines(f"""1. Phòng Tài nguyên và Môi trường {when} báo cáo kết quả kiểm kê về Ủy ban nhân dân huyện.
2. Phòng Văn hóa và Thông tin phối hợp tuyên truyền việc phân loại rác tại nguồn.""", date="2026-03-02")
    first = next(o for o in obs if "kiểm kê" in o.source_text)
    assert _dl(first.source_text, date="2026-03-02") == []  # the rule's day: no one-off date for any task to take
    assert first.deadline is None
    assert first.recurrence is not None and first.recurrence.rrule == rule
    assert all(o.deadline is None for o in obs)


# --------------------------------------------------------------------------
# Spurious: a due date the text tells of, already past on the document's own date
# --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Ngày 12 tháng 8 năm 2025, Văn phòng Ủy ban nhân dân tỉnh có văn bản số 410/VP-KT đề nghị Sở Công Thương rà soát "
    "giá điện sinh hoạt, báo cáo trước ngày 25 tháng 8 năm 2025.",
    "Ngày 03/7/2025, Bộ Tài chính ban hành Thông tư hướng dẫn, trong đó quy định các địa phương gửi hồ sơ trước ngày "
    "31/7/2025 để thẩm định.",
    "Do phải chờ ý kiến thẩm định nên đến ngày 15/9/2025 mới có 12 huyện gửi danh sách về Sở.",
])
def test_a_past_due_date_told_of_in_a_later_letter_is_no_deadline(sentence):
    assert _dl(sentence, date="2025-10-06") == []


def test_the_same_dates_still_count_when_the_letter_sets_them():
    assert [d for d, _t in _dl("Ngày 12 tháng 8 năm 2025, Văn phòng có văn bản đề nghị Sở Công Thương báo cáo trước "
                               "ngày 25 tháng 10 năm 2025.", date="2025-10-06")] == ["2025-10-25"]
    assert [d for d, _t in _dl("Đề nghị các huyện gửi danh sách về Sở trước ngày 15/9/2025.", date="2025-09-02")] == [
        "2025-09-15"]


def test_a_bare_periodic_word_takes_the_rule_named_later_in_its_clause():
    from extractors.recurrence import find_recurrences
    s = ("c) Định kỳ báo cáo Ủy ban nhân dân tỉnh về tiến độ giải phóng mặt bằng các dự án trọng điểm (qua Sở Tài chính) "
         "vào thứ Năm hằng tuần theo mẫu của Sở; báo cáo tổng kết trước ngày 20 tháng 12 năm 2026.")
    assert [(r.recurrence.text, r.recurrence.rrule) for r in find_recurrences(s)] == [
        ("vào thứ Năm hằng tuần", "FREQ=WEEKLY;BYDAY=TH")]
    # a period in the next clause is that clause's own: the bare word stays a rule-less recurrence
    s2 = "Định kỳ báo cáo kết quả thực hiện về Sở; hằng năm tổ chức sơ kết đánh giá."
    assert [r.recurrence.rrule for r in find_recurrences(s2)] == [None, "FREQ=YEARLY"]


@pytest.mark.parametrize("sentence, due", [
    ("c) Sơ kết giai đoạn 2025-2027 vào năm 2027; tổng kết giai đoạn 2025-2030 vào năm 2030.",
     ["2027-12-31", "2030-12-31"]),
    ("Đánh giá việc thí điểm mô hình chợ văn minh vào năm 2026.", ["2026-12-31"]),
    ("Trung tâm được thành lập vào năm 2009.", []),  # a past act
    ("Các hộ dự kiến chuyển đến khu tái định cư vào năm 2027.", []),  # a planned event
    ("Hội nghị tổ chức vào năm 2026, tại hội trường tỉnh.", []),  # the year does not close the clause
])
def test_a_year_closing_the_clause_after_vao_times_a_task(sentence, due):
    assert [d for d, _t in _dl(sentence)] == due


def test_a_task_due_at_a_meeting_whose_expected_time_is_bracketed():
    s = ("Đề nghị Ủy ban nhân dân tỉnh hoàn thiện phương án tái định cư cho các hộ bị ảnh hưởng, báo cáo kết quả tại Kỳ "
         "họp thứ Tám, Hội đồng nhân dân tỉnh (dự kiến tổ chức tháng 11/2026).")
    assert [d for d, _t in _dl(s, date="2026-07-15")] == ["2026-11-30"]
    # a planned event itself is still no deadline
    assert _dl("Hội nghị tổng kết dự kiến tổ chức vào tháng 11/2026 tại hội trường tỉnh.", date="2026-07-15") == []
    assert _dl("Công trình dự kiến khởi công trước ngày 30/9/2026 (tại kỳ họp đã thông qua).", date="2026-07-15") == []


def test_many_rules_with_their_days_are_read_in_linear_time():
    # each rule's day once asked the text's rules again: 2,000 of them took minutes
    import time
    from extractors.deadlines import find_deadlines
    from extractors.obligation_tables import _ROMAN_TITLE
    from core.textutil import RX_TIMEOUT, squash_spaces
    t0 = time.monotonic()
    assert find_deadlines("hằng năm (trước ngày 15/11 " * 2000, "2025-01-01") == []
    assert _ROMAN_TITLE.match(squash_spaces("II. A" + " " * 20000 + "b"), timeout=RX_TIMEOUT) is not None
    assert time.monotonic() - t0 < 10
