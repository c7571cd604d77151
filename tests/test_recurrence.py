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


def test_more_shapes_of_a_recurring_task():
    from extractors.recurrence import find_recurrences

    def r(text):
        return [(x.recurrence.text, x.recurrence.rrule) for x in find_recurrences(text)]

    # a report abbreviated "BC" then its periods; a verb between the period and "một lần"
    assert r("Gửi kèm BC hàng quý của đơn vị") == [("hàng quý", "FREQ=MONTHLY;INTERVAL=3")]
    assert r("Liên hoan văn nghệ (ba năm tổ chức một lần)") == [("ba năm tổ chức một lần", "FREQ=YEARLY;INTERVAL=3")]
    # a mid-year and a year-end report; a named year is one period, not a rule
    assert r("6 tháng và cuối năm gửi báo cáo về Văn phòng") == [("6 tháng và cuối năm", "FREQ=MONTHLY;INTERVAL=6")]
    assert r("số liệu 6 tháng và cuối năm 2026 của các xã") == []
    # the period closing the clause of a doing verb, not a noun phrase going on
    assert r("Việc rà soát danh mục được thực hiện hằng năm.") == [("hằng năm", "FREQ=YEARLY")]
    assert r("Kế hoạch thực hiện hằng năm của huyện đã ban hành") == []
    # every round of an event that comes back: a recurrence with no calendar rule
    assert r("Phòng Nội vụ tổng hợp kết quả sau mỗi đợt.") == [("sau mỗi đợt", None)]
    assert r("Kết quả của từng đợt được công bố công khai") == []


def test_a_period_before_where_the_report_goes_by_the_period_and_periodic_reports():
    from extractors.recurrence import find_recurrences

    def r(text):
        return [(x.recurrence.text, x.recurrence.rrule) for x in find_recurrences(text)]

    # the period closing the task's object before where it goes
    assert r("Các phường báo cáo tiến độ hằng tháng về Phòng Kinh tế.") == [("hằng tháng", "FREQ=MONTHLY")]
    assert r("Trạm y tế gửi số liệu tiêm chủng hằng quý lên Trung tâm Y tế") == [("hằng quý", "FREQ=MONTHLY;INTERVAL=3")]
    assert r("mức tăng hằng năm về doanh thu") == []
    # "theo quý": by the period, only for a task
    assert r("Các trường báo cáo số liệu theo quý về Sở.") == [("theo quý", "FREQ=MONTHLY;INTERVAL=3")]
    assert r("Số liệu được thống kê theo năm tài chính") == []
    # a report named by its period is a periodic report; the report of one period is not
    assert r("Báo cáo tuần gửi Văn phòng trước 16 giờ thứ Sáu.") == [("Báo cáo tuần", "FREQ=WEEKLY")]
    assert r("Báo cáo 6 tháng gửi trước ngày 10/6, báo cáo năm gửi trước ngày 10/12.") == [
        ("Báo cáo 6 tháng", "FREQ=MONTHLY;INTERVAL=6"), ("báo cáo năm", "FREQ=YEARLY")]
    for one in ("Báo cáo tháng 10 của Sở", "báo cáo năm 2026", "Báo cáo quý IV/2026", "báo cáo 6 tháng đầu năm 2026",
                "báo cáo năm học 2026-2027", "Sở gửi báo cáo năm trước ngày 10/12/2026."):
        assert r(one) == [], one
