from extractors.dates import find_dates, parse_date


def spans(text):
    return [(d.text, d.iso, d.partial) for d in find_dates(text)]


def test_written_out_date():
    assert spans("Hà Tĩnh, ngày 31 tháng 3 năm 2020") == [("ngày 31 tháng 3 năm 2020", "2020-03-31", None)]


def test_numeric_forms():
    assert parse_date("Kế hoạch số 342/KH-SYT ngày 10/02/2023 của Sở").iso == "2023-02-10"
    assert parse_date("ngày 30-7-2021").iso == "2021-07-30"
    assert parse_date("ngày 14.7.2015").iso == "2015-07-14"
    assert parse_date("ký ngày 14/7/15").iso == "2015-07-14"


def test_draft_blanks_keep_the_partial_date():
    assert spans("ngày /01/2022 của") == [("ngày /01/2022", None, "2022-01")]
    assert spans("ngày … tháng 10 năm 2022")[0][1:] == (None, "2022-10")
    assert spans("ngày    tháng 10 năm 2022")[0][1:] == (None, "2022-10")


def test_month_year_and_day_month():
    assert spans("trong tháng 10/2023") == [("tháng 10/2023", None, "2023-10")]
    d = parse_date("trước ngày 15/11 hằng năm")
    assert (d.day, d.month, d.year) == (15, 11, None)


def test_not_dates():
    assert find_dates("Quyết định số 1/2/2020/QĐ") == []
    assert find_dates("mục 3.1.12 của quy định") == []
    assert parse_date("ngày 31/2/2020").iso is None  # impossible day stays unresolved
    assert find_dates("") == []


def test_long_adversarial_input_is_fast_and_safe():
    text = ("1/" * 200_000) + ("ngày " * 50_000) + "0" * 100_000
    find_dates(text)  # must neither raise nor time out (the regex timeout would raise)


def test_both_ends_of_a_range():
    from extractors.dates import find_dates as _fd
    assert [d.iso for d in _fd("05/3/2024-12/3/2024")] == ["2024-03-05", "2024-03-12"]
    assert [d.iso for d in _fd("số 12-3/2024")] == []


def test_the_last_of_months_listed_once_with_their_year():
    from extractors.dates import find_dates
    from extractors.deadlines import find_deadlines
    got = [(d.text, d.month, d.year) for d in find_dates("Ra quân trong tháng 7, 8/2026 tại các xã")]
    assert got == [("8/2026", 8, 2026)]
    assert [(d.month, d.year) for d in find_dates("tháng 9 - 11/2026")] == [(11, 2026)]
    # a day and month are no month list ("ngày 15/11/2026"), a bare month-year alone is no date here
    assert [(d.day, d.month) for d in find_dates("ngày 15/11/2026")] == [(15, 11)]
    assert find_dates("tăng 8/2026 so với cùng kỳ") == []
    assert [d.deadline.date for d in find_deadlines("Hoàn thành kiểm kê trong tháng 9 - 11/2026.")] == ["2026-11-30"]
    assert [d.deadline.date for d in find_deadlines("Tổ chức tuyên truyền trong tháng 5 và 6/2026.")] == ["2026-06-30"]
