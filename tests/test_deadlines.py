from extractors.deadlines import find_deadlines


def _d(text, ref=None, **kw):
    return [(s.deadline.date, s.deadline.kind, s.deadline.inferred_year) for s in find_deadlines(text, ref, **kw)]


def test_due_date_phrases():
    assert _d("nộp hồ sơ chậm nhất vào ngày 03/5/2025 để tổng hợp") == [("2025-05-03", "date", False)]
    assert _d("gửi trước 16 giờ 30 ngày 12 tháng 8 năm 2024") == [("2024-08-12", "date", False)]
    assert _d("hạn chót là ngày 1-2-2026") == [("2026-02-01", "date", False)]


def test_periods_end_on_their_last_day():
    assert _d("hoàn thành trong tháng 02/2024") == [("2024-02-29", "month", False)]
    assert _d("triển khai xong trong quý IV/2025") == [("2025-12-31", "quarter", False)]
    assert _d("trong quý 2 năm 2023") == [("2023-06-30", "quarter", False)]
    assert _d("hoàn thành trong năm 2027") == [("2027-12-31", "year", False)]


def test_missing_year_comes_from_the_document_date():
    assert _d("báo cáo trước ngày 20/10", "2021-09-15") == [("2021-10-20", "date", True)]
    assert _d("báo cáo trước ngày 10/01", "2021-12-20") == [("2022-01-10", "date", True)]
    assert _d("báo cáo trước ngày 20/10", "2021-09") == [("2021-10-20", "date", True)]
    assert _d("báo cáo trước ngày 20/10") == []


def test_cited_documents_commemorations_and_meetings_are_not_deadlines():
    assert _d("theo Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh") == []
    assert _d("Kỷ niệm 80 năm Cách mạng tháng Tám (19/8/1945-19/8/2025)") == []
    assert _d("Hội nghị tổ chức ngày 14/3/2024 tại hội trường") == []


def test_time_column_dates_are_deadlines():
    assert _d("15/7/2024", in_time_column=True) == [("2024-07-15", "date", False)]
    assert _d("Quý III/2024", in_time_column=True) == [("2024-09-30", "quarter", False)]


def test_adjacent_period_is_not_a_one_off_date_and_a_range_is_due_at_its_end():
    assert _d("Phê duyệt kế hoạch chậm nhất là ngày 15/11 năm trước liền kề", "2025-03-01") == []
    assert _d("05/3/2024 - 12/3/2024", in_time_column=True) == [("2024-03-12", "date", False)]
    assert _d("tổ chức tuần lễ (05/3/2024-12/3/2024)") == []


def test_time_column_spans_of_years_bare_months_and_ranges_of_months():
    # a span of years is due at the end of its last year; a misprinted span ("2027-2024") gives no guess
    assert _d("Năm 2026-2027", in_time_column=True) == [("2027-12-31", "year", False)]
    assert _d("Giai đoạn 2026 - 2030", in_time_column=True) == [("2030-12-31", "year", False)]
    assert _d("Năm 2027-2024", in_time_column=True) == []
    # a month written bare with its year, several in one cell, a range of months at its end
    assert _d("8/2026", in_time_column=True) == [("2026-08-31", "month", False)]
    assert _d("Tháng 3/2026 Tháng 11/2026", in_time_column=True) == [("2026-03-31", "month", False),
                                                                    ("2026-11-30", "month", False)]
    assert _d("Tháng 4/2026 - 6/2026", in_time_column=True) == [("2026-06-30", "month", False)]
    assert _d("Từ tháng 2/2026 đến tháng 5/2026", in_time_column=True) == [("2026-05-31", "month", False)]
    # a cut-off of data is no due time, even in a time column; in prose a bare month is no date
    assert _d("Số liệu tính đến 6/2026", in_time_column=True) == []
    assert _d("tăng 8/2026 so với cùng kỳ") == []
