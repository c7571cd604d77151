from extractors.recurrence import find_recurrences


def _r(text):
    return [(x.recurrence.text, x.recurrence.rrule) for x in find_recurrences(text)]


def test_periods_to_rrules():
    assert _r("định kỳ 06 tháng, hằng năm gửi báo cáo") == [("định kỳ 06 tháng, hằng năm", "FREQ=MONTHLY;INTERVAL=6")]
    assert _r("Hàng quý, các xã gửi số liệu") == [("Hàng quý", "FREQ=MONTHLY;INTERVAL=3")]
    assert _r("họp giao ban hằng tuần") == [("hằng tuần", "FREQ=WEEKLY")]
    assert _r("định kỳ 2 tháng kiểm tra một lần") == [("định kỳ 2 tháng", "FREQ=MONTHLY;INTERVAL=2")]
    assert _r("Mỗi tháng tổ chức sinh hoạt chuyên đề") == [("Mỗi tháng", "FREQ=MONTHLY")]


def test_counts_per_year_and_periods_not_stated():
    got = find_recurrences("Hằng năm tổ chức ít nhất 01 đợt kiểm tra")
    assert got[0].recurrence.rrule == "FREQ=YEARLY" and "1 lần" in got[0].recurrence.note
    got = find_recurrences("thực hiện chế độ báo cáo định kỳ theo quy định")
    assert got[0].recurrence.rrule is None and got[0].recurrence.text == "định kỳ"


def test_periodic_reports_carry_the_nd09_rule():
    got = find_recurrences("Hằng tháng báo cáo kết quả về Sở")
    assert "09/2019" in got[0].recurrence.note and "14" in got[0].recurrence.note
    assert find_recurrences("Hằng tháng tổ chức sinh hoạt")[0].recurrence.note is None


def test_a_period_closing_a_noun_phrase_is_not_a_task_period():
    assert _r("là tiêu chí xếp loại thi đua của tập thể hàng năm.") == []
    assert _r("phấn đấu giảm tỷ lệ hồ sơ trễ hạn hằng năm") == []


def test_a_time_in_the_adjacent_period_recurs():
    assert _r("Phê duyệt kế hoạch đào tạo chậm nhất là ngày 15/11 năm trước liền kề") == [
        ("chậm nhất là ngày 15/11 năm trước liền kề", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15")]
    assert _r("Gửi số liệu trước ngày 08 của tháng liền kề") == [("trước ngày 08 của tháng liền kề", "FREQ=MONTHLY;BYMONTHDAY=8")]
