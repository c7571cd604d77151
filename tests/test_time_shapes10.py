"""Due times and recurrences in shapes met on fresh documents (issue 10, items 8-9; tenth session).

Every sentence and table here is invented for the test (bodies, tasks, dates are made up); none is copied from
a gold file or a corpus document.
"""

from __future__ import annotations

from pathlib import Path

from core.model import DocumentHeader
from extractors.obligations import extract_obligations
from parsers import parse


def _txt(tmp_path: Path, text: str, date: str = "2026-03-02"):
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    obs, _units = extract_obligations(parse(p), DocumentHeader(date=date))
    return obs


# --------------------------------------------------------------------------
# 1. A plain-text task table whose task column groups steps: the group's cell is written once, the
#    rows below it leave it (and a doers' cell the step shares) empty
# --------------------------------------------------------------------------

_STEPS = "\n".join([
    "KẾ HOẠCH TRIỂN KHAI HỆ THỐNG QUẢN LÝ VĂN BẢN ĐIỆN TỬ",
    "",
    "TT\tNội dung công việc\tCác bước thực hiện\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn hoàn thành",
    "1\tChuẩn bị hạ tầng\tKhảo sát hiện trạng máy chủ\tTrung tâm Công nghệ số\tPhòng Quản trị\t"
    "Trước ngày 14/4/2026",
    "\t\tMua sắm thiết bị lưu trữ\tPhòng Kế hoạch - Tài vụ\tTrung tâm Công nghệ số\tTrước ngày 22/5/2026",
    "\t\tLắp đặt và chạy thử thiết bị\t\tPhòng Quản trị\tTrước ngày 19/6/2026",
    "2\tĐào tạo người dùng\tBiên soạn tài liệu hướng dẫn\tTrung tâm Công nghệ số\t\tTrước ngày 10/7/2026",
    "\t\tTổ chức các lớp tập huấn\t\t\tTháng 8/2026",
    "",
])


def test_steps_under_a_group_written_once_keep_their_own_due_dates(tmp_path):
    obs = _txt(tmp_path, _STEPS)
    due = {o.deadline.date: o for o in obs if o.deadline}
    assert set(due) == {"2026-04-14", "2026-05-22", "2026-06-19", "2026-07-10", "2026-08-31"}
    # each step is its own task, under the doers of its row
    assert due["2026-05-22"].action.lower().startswith("mua sắm thiết bị")
    assert {u.name for u in due["2026-05-22"].units if u.role == "lead"} == {"Phòng Kế hoạch - Tài vụ"}
    # a step leaving the lead's cell empty shares the lead of the step above, as a merged cell would
    assert {u.name for u in due["2026-06-19"].units if u.role == "lead"} == {"Phòng Kế hoạch - Tài vụ"}
    assert {u.name for u in due["2026-08-31"].units if u.role == "lead"} == {"Trung tâm Công nghệ số"}


# --------------------------------------------------------------------------
# 2. A limit word before the meeting a task is due at, the meeting's month or day written with it
# --------------------------------------------------------------------------

def test_the_latest_meeting_a_draft_is_due_at_is_its_deadline():
    from extractors.deadlines import find_deadlines

    def due(text):
        return [d.deadline.date for d in find_deadlines(text, "2027-02-10")]

    # the meeting first hoped for, then the latest one allowed: due at the latest
    assert due("Trình Hội đồng thẩm định cho ý kiến về dự thảo Quy chế tại phiên họp tháng 6/2027, chậm nhất là tại "
               "phiên họp tháng 8/2027.") == ["2027-08-31"]
    assert due("Hoàn thiện hồ sơ đề án, muộn nhất tại cuộc họp ngày 14/9/2027 của Ban Chỉ đạo.") == ["2027-09-14"]
    assert due("Trình dự thảo Nghị quyết chậm nhất tại Kỳ họp thứ Chín (tháng 11/2027) để xem xét.") == ["2027-11-30"]
    # a meeting named with its month and no limit word is where something is said or done, no due date
    assert due("Tại phiên họp tháng 5/2027, Hội đồng đã thống nhất phương án.") == []


# --------------------------------------------------------------------------
# 3. The end of a transition period is no due date: until then an old rule may still be applied
# --------------------------------------------------------------------------

def test_the_end_of_a_transition_period_is_no_deadline_unless_a_task_must_be_done_by_it():
    from extractors.deadlines import find_deadlines

    def due(text):
        return [d.deadline.date for d in find_deadlines(text, "2027-01-05")]

    assert due("Trong thời hạn chuyển tiếp từ ngày ký Quyết định này đến hết ngày 30/9/2027, trường hợp có khó khăn, các "
               "trạm thú y được tiếp tục dùng biểu mẫu cũ.") == []
    assert due("Trong giai đoạn chuyển tiếp đến hết ngày 31/10/2027, các bến xe được áp dụng giá vé hiện hành.") == []
    # a task that must be done within it keeps its limit
    assert due("Các bến xe hoàn thành việc niêm yết giá mới trong thời gian chuyển tiếp, chậm nhất đến hết ngày "
               "31/10/2027.") == ["2027-10-31"]
    assert due("Các hợp tác xã nộp hồ sơ từ ngày 02/8/2027 đến hết ngày 20/8/2027.") == ["2027-08-20"]


# --------------------------------------------------------------------------
# 4. A rule of every year whose day or quarter follows it, the task's verb between ("Hằng năm, hoàn thành trước
#    ngày …", "Quý III hằng năm", "hằng năm (quý IV)"): one recurrence with its day, no one-off deadline
# --------------------------------------------------------------------------

def _rules(text):
    from extractors.recurrence import find_recurrences
    return [x.recurrence.rrule for x in find_recurrences(text)]


def _dues(text, in_time_column=False):
    from extractors.deadlines import find_deadlines
    return [d.deadline.date for d in find_deadlines(text, "2027-01-05", in_time_column=in_time_column)]


def test_a_yearly_rule_with_its_verb_then_its_day_is_one_recurrence_and_no_deadline():
    cell = "Hằng năm, hoàn thành trước ngày 25/11"
    assert _rules(cell) == ["FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25"]
    assert _dues(cell, in_time_column=True) == []
    line = "Hằng tháng, gửi trước ngày 08 báo cáo tiến độ về Phòng Quản lý đô thị."
    assert _rules(line) == ["FREQ=MONTHLY;BYMONTHDAY=8"]
    assert _dues(line) == []
    # a dated day after the rule is this year's, one due date
    assert _dues("Hằng năm, hoàn thành trước ngày 25/11/2027", in_time_column=True) == ["2027-11-25"]


def test_the_quarter_of_every_year_is_a_recurrence_not_this_years_quarter():
    assert _rules("Quý III hằng năm") == ["FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=-1"]
    assert _dues("Quý III hằng năm", in_time_column=True) == []
    line = "Ban Quản lý chợ tổ chức kiểm tra an toàn phòng cháy hằng năm (quý II)."
    assert _rules(line) == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1"]
    assert _dues(line) == []
    # a quarter with its year stays one due date
    assert _dues("Quý III/2027", in_time_column=True) == ["2027-09-30"]
    assert _rules("Báo cáo kết quả quý III năm 2027") == []


def test_a_rule_opening_a_bulleted_line_times_its_task():
    # a bullet before the period is a clause's start, as a line break or a full stop is
    assert _rules("- Hằng quý, rà soát danh sách hộ kinh doanh trên địa bàn phường") == ["FREQ=MONTHLY;INTERVAL=3"]
    assert _rules("+ Hằng năm từ quý II/2027, cập nhật bản đồ vùng ngập lụt") == ["FREQ=YEARLY"]
    # a figure the year is to reach is no task, bullet or not
    assert _rules("- Hằng năm, số vụ cháy rừng giảm 10%") == []


def test_a_day_written_bare_after_a_limit_then_every_year_is_the_rule_s_day():
    assert _rules("Trước 10/12 hằng năm") == ["FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10"]
    assert _dues("Trước 10/12 hằng năm", in_time_column=True) == []
    assert _rules("Các hội nông dân gửi báo cáo chậm nhất 25/6 hằng năm.") == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=25"]
    # two days of every year: the first is no one-off due date
    assert _dues("Trước 15/5 và 15/11 hằng năm", in_time_column=True) == []
    assert _rules("Trước 15/5 và 15/11 hằng năm") == ["FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=15"]
    # without the rule, the days are this year's
    assert _dues("Trước 15/5 và 15/11/2027", in_time_column=True) == ["2027-05-15", "2027-11-15"]
