"""Shapes of recurring duties and of due dates, written with invented sentences (issue 10, classes 8 and 9).

Each test names the shape of Vietnamese administrative text it covers: a period closing a task's object and
followed by another verb phrase, a period of the paper a task makes ("kế hoạch hằng năm …"), a period of the
paper something is put into ("… vào kế hoạch hằng năm"), a month written without its year, and so on.  No
sentence here is copied from a gold file or a corpus document.
"""

from __future__ import annotations

import pytest

from extractors.deadlines import find_deadlines
from extractors.recurrence import find_recurrences


def _rules(text: str) -> list[str | None]:
    return [r.recurrence.rrule for r in find_recurrences(text)]


def _dues(text: str, ref: str = "2025-03-10", **kw) -> list[tuple[str, str]]:
    return [(d.deadline.date, d.deadline.kind) for d in find_deadlines(text, ref, **kw)]


# --- a period closing the task's object, then a comma and another verb phrase of the same task --------------------

@pytest.mark.parametrize("text, rule", [
    ("Phòng Quản lý đô thị kiểm tra tiến độ các công trình hằng tuần, kịp thời báo cáo vướng mắc phát sinh.",
     "FREQ=WEEKLY"),
    ("Trung tâm Y tế rà soát danh sách người bệnh mãn tính hằng tháng, đề xuất phương án hỗ trợ.", "FREQ=MONTHLY"),
    ("Sở Tài chính cân đối nguồn kinh phí hằng năm, ưu tiên cho các xã đặc biệt khó khăn.", "FREQ=YEARLY"),
    ("Ban Quản lý chợ tổng hợp giá cả hàng hóa theo từng tuần, làm căn cứ điều hành thị trường.", "FREQ=WEEKLY"),
])
def test_period_ending_the_object_before_a_comma_and_another_verb(text: str, rule: str) -> None:
    assert _rules(text) == [rule]


def test_period_before_a_time_adjunct_of_the_task() -> None:
    # "trong thời gian …" after the period: when the task is done, not a noun the period qualifies
    assert _rules("Các trạm y tế báo cáo nhanh hằng ngày trong thời gian xảy ra dịch bệnh.") == ["FREQ=DAILY"]


@pytest.mark.parametrize("text", [
    # a goal, no task verb: the period qualifies a figure
    "Phấn đấu giảm tỷ lệ hộ nghèo hằng năm, bảo đảm mục tiêu của giai đoạn.",
    # a list of periods after the comma: the span of a target, not a task's round
    "Các chỉ tiêu tăng trưởng hằng năm, 5 năm được xác định trong Nghị quyết.",
])
def test_period_before_a_comma_that_is_no_task(text: str) -> None:
    assert _rules(text) == []


# --- the period of the paper a task puts something into ("vào/thành … kế hoạch hằng năm") ---------------------------

@pytest.mark.parametrize("text", [
    "Các sở lồng ghép nhiệm vụ này vào kế hoạch phát triển kinh tế - xã hội hằng năm của ngành.",
    "Ủy ban nhân dân các huyện cụ thể hóa Nghị quyết thành các đề án, kế hoạch 5 năm và hằng năm để tổ chức thực hiện.",
    "Đưa nội dung phòng, chống thiên tai vào chỉ tiêu đánh giá kết quả công tác hằng năm của cơ quan.",
    "Thanh tra huyện bổ sung nội dung kiểm tra công vụ vào chương trình, kế hoạch hằng năm.",
])
def test_period_of_the_paper_something_is_put_into_is_no_round(text: str) -> None:
    assert _rules(text) == []


# --- the periodic paper a task makes, named with its topic after the period ("kế hoạch hằng năm đào tạo …") --------

@pytest.mark.parametrize("text, rule", [
    ("Sở Nội vụ chủ trì xây dựng kế hoạch hằng năm bồi dưỡng cán bộ, công chức cấp xã.", "FREQ=YEARLY"),
    ("Phòng Kế hoạch lập dự toán hằng năm kinh phí duy tu các tuyến đường huyện.", "FREQ=YEARLY"),
    ("Trường Cao đẳng triển khai kế hoạch hằng quý tuyển sinh các lớp ngắn hạn.", "FREQ=MONTHLY;INTERVAL=3"),
])
def test_periodic_paper_a_task_makes(text: str, rule: str) -> None:
    assert _rules(text) == [rule]


def test_period_inside_the_basis_a_sentence_opens_with() -> None:
    # "Căn cứ (vào) … hằng năm, …": the period qualifies the basis, the task comes after it
    assert _rules("Căn cứ vào khả năng cân đối ngân sách hằng năm, phối hợp với Sở Tài chính bố trí kinh phí.") == []
    assert _rules("Trên cơ sở kết quả đánh giá hằng năm, đề xuất khen thưởng các tập thể.") == []


# --- a period opening a clause that states a figure, a target or a past habit ----------------------------------

@pytest.mark.parametrize("text", [
    "Hằng năm, mỗi đơn vị có ít nhất 05 sáng kiến được công nhận.",  # a target
    "Hằng năm, tỉnh đã tổ chức nhiều đợt kiểm tra tại các xã.",  # a past habit
    "Hằng năm, số hộ nghèo giảm bình quân 2%.",  # a figure
    "Hằng quý, các xã đạt ít nhất 80% chỉ tiêu được giao.",
])
def test_period_opening_a_figure_a_target_or_a_past_habit(text: str) -> None:
    assert _rules(text) == []


@pytest.mark.parametrize("text", [
    "Hằng năm, các đơn vị có trách nhiệm báo cáo kết quả về Sở.",
    "Hằng năm, Sở Nội vụ tổ chức tập huấn cho cán bộ và đánh giá kết quả đã đạt được.",
    "Định kỳ hằng năm, các xã đã được giao nhiệm vụ báo cáo kết quả về huyện.",
])
def test_period_opening_a_task(text: str) -> None:
    assert _rules(text) == ["FREQ=YEARLY"]


# --- a day of the period after the one a report is for ("ngày 05 của tháng sau", "10 ngày của tháng kế tiếp") ----------

@pytest.mark.parametrize("text, rule", [
    ("Các xã gửi báo cáo kết quả về Phòng Nông nghiệp chậm nhất ngày 05 của tháng sau.", "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("Chi nhánh gửi danh sách hồ sơ phát sinh trong kỳ trước ngày 12 của tháng tiếp theo.", "FREQ=MONTHLY;BYMONTHDAY=12"),
    ("Đơn vị gửi số liệu của quý chậm nhất 15 ngày của quý kế tiếp.", "FREQ=MONTHLY;INTERVAL=3"),
])
def test_day_of_the_next_period(text: str, rule: str) -> None:
    assert _rules(text) == [rule]


@pytest.mark.parametrize("text", [
    "Hội nghị sẽ được tổ chức vào tháng sau tại hội trường huyện.",  # a month, no day of every period
    "Kết quả sẽ được công bố trong năm tiếp theo.",
])
def test_next_period_without_a_day_is_no_round(text: str) -> None:
    assert _rules(text) == []


def test_periodic_reports_each_with_its_due_day() -> None:
    # "báo cáo 6 tháng trước ngày …": the half-year report, due before a day ("trước" is no "the previous" here)
    text = "Các phòng gửi báo cáo 6 tháng trước ngày 18/6 và báo cáo năm trước ngày 18/12 về Văn phòng."
    assert _rules(text) == ["FREQ=MONTHLY;INTERVAL=6", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18"]


def test_report_of_the_previous_period_is_no_round() -> None:
    assert _rules("Số liệu được lấy từ báo cáo năm trước của các đơn vị.") == []


# --- a month written without its year after a time word, or alone in a time cell ------------------------------------

@pytest.mark.parametrize("text, due", [
    ("Phòng Tổ chức báo cáo Giám đốc việc triển khai trong tháng 10.", ("2025-10-31", "month")),
    ("Các trường hoàn thành việc rà soát hồ sơ học sinh trong tháng 5 để tổng hợp.", ("2025-05-31", "month")),
    ("Ủy ban nhân dân các xã gửi danh sách về Phòng Nội vụ chậm nhất trong tháng 6.", ("2025-06-30", "month")),
    # before the month begins: by the end of the month before
    ("Sở Xây dựng trình phương án trước tháng 9.", ("2025-08-31", "month")),
])
def test_month_without_year_after_a_time_word(text: str, due: tuple[str, str]) -> None:
    assert _dues(text) == [due]


def test_month_without_year_falls_in_the_next_year_when_long_past() -> None:
    # a letter of December asking for something "trong tháng 2": February of the next year
    assert _dues("Các đơn vị hoàn thành kiểm kê tài sản trong tháng 2.", ref="2025-12-05") == [("2026-02-28", "month")]


@pytest.mark.parametrize("text", [
    "Hằng năm, các đơn vị tổ chức hội thi trong tháng 11 hằng năm.",  # a round, no one-off date
    "Phòng Văn hóa tổng kết kết quả trong tháng 4 và thời gian tới.",  # open towards the time after it
    "Lễ hội được tổ chức vào tháng 3 âm lịch.",  # no time word, a lunar month
    "Đánh giá tình hình thực hiện nhiệm vụ tháng 9.",  # the period a review covers
    "Báo cáo đánh giá tình hình thực hiện nhiệm vụ trong tháng 9 gửi Sở.",  # the period a report covers
])
def test_month_without_year_that_is_no_due_date(text: str) -> None:
    assert _dues(text) == []


@pytest.mark.parametrize("cell, due", [
    ("Tháng 8", ("2025-08-31", "month")),
    ("Tháng 8, 9", ("2025-09-30", "month")),
    ("Tháng 8 - 9", ("2025-09-30", "month")),
    ("Trong tháng 4", ("2025-04-30", "month")),
])
def test_month_without_year_in_a_time_cell(cell: str, due: tuple[str, str]) -> None:
    assert _dues(cell, in_time_column=True) == [due]


def test_time_field_line_with_a_month_without_year() -> None:
    assert _dues("- Thời gian thực hiện: Tháng 7.") == [("2025-07-31", "month")]


# --- quarters listed once with their year: due at the end of the last -------------------------------------------

@pytest.mark.parametrize("text, due", [
    ("Quý I, II/2026", "2026-06-30"),
    ("Quý II - III/2026", "2026-09-30"),
    ("Hoàn thành trong quý III và quý IV năm 2026.", "2026-12-31"),
])
def test_quarters_listed_with_the_year_once(text: str, due: str) -> None:
    got = _dues(text, in_time_column=not text.endswith("."))
    assert [d for d, _ in got] == [due]


# --- a period before the occasion it is done at ("… hằng năm vào dịp …") -------------------------------------------

@pytest.mark.parametrize("text, rule", [
    ("Các phòng tổ chức khen thưởng tập thể, cá nhân hằng năm vào dịp tổng kết năm học.", "FREQ=YEARLY"),
    ("Liên đoàn Lao động tổ chức tôn vinh công nhân tiêu biểu hằng năm vào tháng Công nhân.", "FREQ=YEARLY"),
    ("Ban Quản lý kiểm tra các quầy hàng hằng tháng vào ngày làm việc đầu tiên.", "FREQ=MONTHLY"),
])
def test_period_before_the_occasion_it_is_done_at(text: str, rule: str) -> None:
    assert _rules(text) == [rule]


def test_period_of_a_noun_pair_after_a_destination_is_no_round() -> None:
    # "vào nội dung bình xét thi đua, khen thưởng hằng năm": the comma joins two nouns of the paper it goes into
    assert _rules("Đưa việc sử dụng phần mềm vào nội dung bình xét thi đua, khen thưởng hằng năm của các đơn vị.") == []


# --- a frequency inside the title of a cited document -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND tỉnh về kiểm tra định kỳ hằng năm các cơ sở giáo dục, "
    "Sở Giáo dục đề nghị các trường chuẩn bị hồ sơ.",
    "Căn cứ Thông tư số 12/2024/TT-BTC quy định chế độ báo cáo định kỳ hằng tháng của ngành tài chính, Sở Tài chính "
    "hướng dẫn như sau.",
    "Theo Chỉ thị số 05/CT-TTg về cơ chế, chính sách hỗ trợ hằng năm cho hộ nghèo, các bộ báo cáo Thủ tướng.",
])
def test_period_in_a_cited_documents_title_is_no_round(text: str) -> None:
    assert _rules(text) == []


@pytest.mark.parametrize("text, rule", [
    # the sentence's own clause after the title
    ("Căn cứ Nghị định số 09/2019/NĐ-CP quy định về chế độ báo cáo, các sở báo cáo hằng quý về Văn phòng.",
     "FREQ=MONTHLY;INTERVAL=3"),
    ("Thực hiện Kế hoạch số 45/KH-UBND về công tác thi đua, Sở Nội vụ tổ chức kiểm tra hằng năm.", "FREQ=YEARLY"),
    # a rule with its day is the task's time
    ("Các xã báo cáo theo Hướng dẫn số 12/HD-SNV về công tác thi đua trước ngày 20 hằng tháng.",
     "FREQ=MONTHLY;BYMONTHDAY=20"),
    # no title word: the period is the task's
    ("Các đơn vị báo cáo theo mẫu tại Thông tư số 12/2024/TT-BTC hằng tháng.", "FREQ=MONTHLY"),
    # the period opens the clause after the title
    ("Thực hiện nghiêm Công văn số 88/BNV-VP về việc chấn chỉnh công tác văn thư, định kỳ hằng quý báo cáo Bộ Nội vụ.",
     "FREQ=MONTHLY;INTERVAL=3"),
])
def test_period_after_a_cited_document_in_the_sentences_own_clause(text: str, rule: str) -> None:
    assert _rules(text) == [rule]


def test_cited_title_check_is_linear() -> None:
    import time
    text = ("Thực hiện Công văn số 12/UBND-VP về việc hằng năm " * 400) + "."
    t0 = time.perf_counter()
    find_recurrences(text)
    assert time.perf_counter() - t0 < 5.0


def test_before_a_date_then_is_says_what_something_was_not_a_limit():
    # "trước <date> là …": what a body was before that date, no due date; a limit followed by a comma stays one
    from extractors.deadlines import find_deadlines
    was = "Các phòng khám khu vực đón người bệnh mà các trạm xá trước 01/7/2024 là tuyến xã không tiếp nhận được."
    assert find_deadlines(was, "2024-10-01") == []
    due = "Các trạm y tế gửi danh sách trước ngày 20/11/2024, là hạn cuối cùng để tổng hợp."
    assert [d.deadline.date for d in find_deadlines(due, "2024-10-01")] == ["2024-11-20"]
