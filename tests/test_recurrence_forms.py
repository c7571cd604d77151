"""Recurrence forms (issue 10, class 9): every written form of a yearly day-and-month gives the same
rule, and "thường kỳ" / "từng" open a period as "định kỳ" / "hằng" do. Sentences invented."""

import pytest

from extractors.recurrence import find_recurrences


def _r(text):
    return [(x.recurrence.text, x.recurrence.rrule) for x in find_recurrences(text)]


@pytest.mark.parametrize("date", ["10/3", "10-3", "10.3", "10 tháng 3", "10 tháng 03", "10 / 3"])
def test_a_yearly_day_gives_one_rule_in_every_written_form(date):
    text = f"Các phòng chuyên môn nộp bản tự đánh giá trước ngày {date} hằng năm về Văn phòng."
    assert _r(text) == [(f"trước ngày {date} hằng năm", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=10")]


def test_the_same_day_of_two_months_written_out_is_one_rule():
    text = "Trung tâm cập nhật danh mục tài sản vào ngày 05 tháng 1 và 05 tháng 7 hàng năm."
    assert _r(text) == [("vào ngày 05 tháng 1 và 05 tháng 7 hàng năm", "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=5")]


def test_a_month_alone_stays_a_month():
    # no day: the month only, as before
    assert _r("Ban quản lý rà soát hồ sơ trong tháng 9 hằng năm.") == [("trong tháng 9 hằng năm", "FREQ=YEARLY;BYMONTH=9")]


@pytest.mark.parametrize("text, want", [
    ("Thường kỳ hàng tháng, Tổ công tác tổng hợp ý kiến cử tri.", ("Thường kỳ hàng tháng", "FREQ=MONTHLY")),
    ("Ban điều hành thường kỳ hằng quý đánh giá tiến độ dự án.", ("thường kỳ hằng quý", "FREQ=MONTHLY;INTERVAL=3")),
    ("Hội đồng họp thường kỳ 2 tháng một lần.", ("thường kỳ 2 tháng một lần", "FREQ=MONTHLY;INTERVAL=2")),
    ("Thường kỳ 4 tháng, Tổ giám sát đi thực địa.", ("Thường kỳ 4 tháng", "FREQ=MONTHLY;INTERVAL=4")),
])
def test_thuong_ky_opens_a_period_as_dinh_ky_does(text, want):
    assert _r(text) == [want]


def test_bare_thuong_ky_names_one_meeting_not_a_period():
    # "phiên họp thường kỳ tháng 5" is one meeting; a bare "thường kỳ" gives no recurrence
    assert _r("Tài liệu phục vụ phiên họp thường kỳ tháng 5 của Hội đồng.") == []


@pytest.mark.parametrize("text, want", [
    ("Từng quý, các hợp tác xã gửi số liệu về Phòng Kinh tế.", ("Từng quý", "FREQ=MONTHLY;INTERVAL=3")),
    ("Các tổ dân phố nộp sổ theo dõi vào ngày 28 từng tháng.", ("vào ngày 28 từng tháng", "FREQ=MONTHLY;BYMONTHDAY=28")),
    ("Đội kiểm tra tổng hợp nhật ký vào cuối từng tuần.", ("vào cuối từng tuần", "FREQ=WEEKLY")),
])
def test_tung_opens_a_period_as_hang_does(text, want):
    assert _r(text) == [want]


def test_tung_inside_a_noun_phrase_is_no_task_period():
    assert _r("Mức tăng thu ngân sách của từng năm được so với năm gốc.") == []


def _rules(text):
    return [x.recurrence.rrule for x in find_recurrences(text)]


@pytest.mark.parametrize("text, rule", [
    ("Hằng năm, chậm nhất ngày 08/9, các trường nộp kế hoạch năm học.", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=8"),
    ("Các huyện gửi báo cáo hàng năm trước ngày 3 tháng 10 về Sở.", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=3"),
    ("Hàng tháng, vào ngày 12, Tổ kiểm tra họp rút kinh nghiệm.", "FREQ=MONTHLY;BYMONTHDAY=12"),
])
def test_the_day_written_after_the_period_gives_its_rule(text, rule):
    assert _rules(text) == [rule]


@pytest.mark.parametrize("text, rule", [
    ("Hằng năm, trước ngày 08/9/2027, các trường nộp kế hoạch.", "FREQ=YEARLY"),
    ("Hằng năm, ngày 3 tháng 10 năm 2027 là hạn nộp kế hoạch.", "FREQ=YEARLY"),
    ("Hàng tháng, ngày 12 tháng 8 Tổ kiểm tra họp.", "FREQ=MONTHLY"),
])
def test_a_dated_day_after_the_period_is_not_its_rule(text, rule):
    assert _rules(text) == [rule]


def test_tung_closing_a_task_object_breaks_it_down():
    # a one-off estimate broken down by quarter, not a quarterly task ("hằng quý" there would be one)
    assert _r("Phòng Tài chính lập bảng phân bổ kinh phí chi tiết từng quý.") == []
    assert _r("Phòng Tài chính lập bảng phân bổ kinh phí hằng quý.") == [("hằng quý", "FREQ=MONTHLY;INTERVAL=3")]
