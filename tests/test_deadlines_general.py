"""Deadlines and recurrences as a grammar (issue 10, classes 8 and 9): a time adjunct is a limit word
and a date, a deadline noun with its copula and a date, a period, or a recurrence; cut-off,
covered-period and planned dates are no deadlines; a year left unwritten comes from the nearest
dated context.  Every sentence here is invented."""

from __future__ import annotations

import pytest

from extractors.deadlines import find_deadlines
from extractors.recurrence import find_recurrences


def _d(text, ref=None):
    return [s.deadline.date for s in find_deadlines(text, ref)]


def _r(text):
    return [(x.recurrence.text, x.recurrence.rrule) for x in find_recurrences(text)]


@pytest.mark.parametrize("text, date", [
    ("Các phường gửi danh sách không quá ngày 31 tháng 12 năm 2008.", "2008-12-31"),
    ("Hồ sơ dự thi nộp chậm nhất ngày 25.12.2017 tại phòng Đào tạo.", "2017-12-25"),
    ("Ý kiến góp ý gửi không muộn hơn ngày 09-01-2019.", "2019-01-09"),
    ("Chậm nhất đến ngày 30/6/2026 các trường phải hoàn thành việc lắp đặt.", "2026-06-30"),
    ("Hạn cuối tiếp nhận hồ sơ là 16 giờ 30 ngày 12/4/2024.", "2024-04-12"),
    ("Thời hạn gửi báo cáo: trước ngày 08/7/2025.", "2025-07-08"),
    ("Thời gian hoàn thành: ngày 30/9/2025.", "2025-09-30"),
    ("Đề nghị hoàn thành xong trước 15.11.2023.", "2023-11-15"),
    # a range of days written once with its month, months listed before the one with the year: the end
    ("Các trường tự đánh giá: từ ngày 04 - 12/10/2023.", "2023-10-12"),
    ("Tổ chức ra quân trong tháng 3, tháng 4 năm 2026.", "2026-04-30"),
    # a time label before a date or a period
    ("Thời gian thực hiện: tháng 8/2025.", "2025-08-31"),
    ("Thời gian thực hiện: Quý II/2026", "2026-06-30"),
    ("Thời gian nộp hồ sơ: ngày 14/02/2025.", "2025-02-14"),
    ("Hạn đăng ký dự thi: 22/3/2025.", "2025-03-22"),
    ("Các đơn vị gửi báo cáo trước thời điểm 31/8/2025.", "2025-08-31"),
    # the day of the week between the hour and the date
    ("Các trường gửi danh sách trước 15 giờ 30, thứ Tư, ngày 03/12/2025.", "2025-12-03"),
    ("Nộp bài dự thi trước 9h ngày thứ Hai (08/12/2025) tại Phòng Đào tạo.", "2025-12-08"),
    # a task's own run given after its time label, due at its end
    ("Thời gian thực hiện: từ tháng 9/2025 đến tháng 11/2025.", "2025-11-30"),
    # "from now until" a year: by that year
    ("Từ nay đến năm 2027, các huyện phấn đấu hoàn thành các chỉ tiêu sau:", "2027-12-31"),
])
def test_limit_words_and_deadline_nouns(text, date):
    assert _d(text) == [date]


def test_a_bare_day_and_month_after_a_limit_word():
    assert _d("Các xã gửi kết quả trước 30/11 để tổng hợp.", "2024-09-02") == ["2024-11-30"]
    assert _d("gửi trước 15/6, báo cáo năm gửi trước 15/12.", "2024-03-01") == ["2024-06-15", "2024-12-15"]
    # counts and fractions are no dates
    assert _d("giảm trước 2/3 số thủ tục", "2024-03-01") == []
    assert _d("tăng trước 1/2 thời gian quy định", "2024-03-01") == []


@pytest.mark.parametrize("text", [
    "Số liệu thống kê tính đến ngày 30/6/2024.",
    "Báo cáo tình hình thực hiện từ năm 2020 đến ngày 31/3/2025.",
    "Nhà máy dự kiến khởi công trước ngày 30/9/2025.",
    "Số liệu tính từ ngày 15/12/2023 đến ngày 14/6/2024.",
    "Hội nghị được tổ chức ngày 14/3/2024 tại hội trường UBND huyện.",
    "Nộp hồ sơ trong thời hạn 15 ngày kể từ ngày nhận được thông báo.",
    "Thời gian: 14 giờ 00 ngày 21/5/2024 tại hội trường tầng 3.",  # a meeting's time
    "Quy hoạch phát triển mạng lưới trường học định hướng đến năm 2030.",  # a horizon
    "Hội thảo diễn ra vào 8 giờ, thứ Sáu, ngày 14/11/2025 tại Hà Nội.",  # an event's day
    "Đánh giá kết quả thực hiện từ tháng 01/2025 đến tháng 6/2025.",  # a covered period
    # a covered period written with days: what a summary or a report is about, not when it is due
    "Rà soát tình hình giải ngân vốn từ ngày 01/10/2023 đến ngày 31/3/2024 của các dự án.",
    "Thống kê số liệu tuyển sinh từ 15/8/2024 tới 15/11/2024 theo từng ngành.",
    "Đánh giá kết quả công tác phòng dịch từ ngày 1.1.2022 đến ngày 30.6.2022.",
])
def test_cut_off_covered_planned_and_event_dates_are_not_deadlines(text):
    assert _d(text) == []


def test_the_due_date_after_a_cut_off_in_the_same_sentence():
    assert _d("Báo cáo số liệu (tính từ 01/01/2024 đến 30/9/2024) gửi về Sở trước ngày 05/10/2024.") == ["2024-10-05"]


def test_a_summary_over_a_covered_period_is_due_at_its_own_date():
    text = ("Các huyện tổng hợp tình hình thực hiện từ ngày 01/01/2025 đến ngày 28/02/2026, gửi về Sở Nội vụ "
            "trước ngày 15/4/2026.")
    assert _d(text) == ["2026-04-15"]
    # a task's own run stays due at its end
    assert _d("Tổ chức tập huấn cho cán bộ cấp xã từ ngày 10/5/2026 đến ngày 20/5/2026.") == ["2026-05-20"]


def test_a_year_left_unwritten_comes_from_the_nearest_dated_context():
    # the document's date first
    assert _d("gửi ý kiến trước ngày 10/10", "2023-09-01") == ["2023-10-10"]
    # no document date: the nearest full date or "năm …" of the text
    assert _d("Hội nghị ngày 02/10/2023 đã thống nhất; đề nghị gửi ý kiến trước ngày 10/10.") == ["2023-10-10"]
    assert _d("Kế hoạch năm 2024: các đơn vị gửi báo cáo trước ngày 15/11.") == ["2024-11-15"]
    got = find_deadlines("Kế hoạch năm 2024: các đơn vị gửi báo cáo trước ngày 15/11.")
    assert got[0].deadline.inferred_year
    # nothing dated at all: no guess
    assert _d("gửi ý kiến trước ngày 10/10.") == []


@pytest.mark.parametrize("text, rec", [
    # a period closing the object of a task verb, whatever adjunct follows
    ("Ban Quản lý chợ tổ chức tổng vệ sinh hàng tháng để phòng chống dịch.", ("hàng tháng", "FREQ=MONTHLY")),
    ("Trường tổ chức tập huấn nghiệp vụ hằng năm cho giáo viên mới.", ("hằng năm", "FREQ=YEARLY")),
    ("Ban hành kế hoạch tuyên truyền pháp luật hằng năm", ("hằng năm", "FREQ=YEARLY")),
    ("Phòng Văn hóa khảo sát mức độ hài lòng hằng năm và công bố kết quả.", ("hằng năm", "FREQ=YEARLY")),
    ("Trung tâm tổng hợp, xếp hạng chỉ số chuyển đổi số hằng quý của các xã.", ("hằng quý", "FREQ=MONTHLY;INTERVAL=3")),
    ("Cuối tháng, tổ trưởng lập danh sách gửi phòng Hành chính.", ("Cuối tháng", "FREQ=MONTHLY;BYMONTHDAY=-1")),
    # several days of the period, and a period with its day in brackets: one rule
    ("Giao ban vào ngày 5, 15 và 25 hằng tháng.", ("vào ngày 5, 15 và 25 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=5,15,25")),
    ("Gửi số liệu trước ngày 20/6 và 20/12 hằng năm", ("trước ngày 20/6 và 20/12 hằng năm",
                                                      "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=20")),
    ("Hằng quý (chậm nhất ngày 22 tháng cuối quý) gửi báo cáo", ("Hằng quý (chậm nhất ngày 22 tháng cuối quý)",
                                                                "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=22")),
    # a day of every period, with its limit word
    ("Các xã gửi báo cáo trước ngày 20/11 hằng năm.", ("trước ngày 20/11 hằng năm", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20")),
    ("Báo cáo kết quả về Văn phòng trước ngày 12 hằng tháng.", ("trước ngày 12 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=12")),
    ("Báo cáo tháng gửi trước ngày 18 của tháng.", ("trước ngày 18 của tháng", "FREQ=MONTHLY;BYMONTHDAY=18")),
    ("Các khoa nộp danh sách từ ngày 01 đến 03 mỗi tháng.", ("từ ngày 01 đến 03 mỗi tháng", "FREQ=MONTHLY;BYMONTHDAY=3")),
    # a month of every quarter
    ("Chi cục đối chiếu số liệu vào tháng cuối của mỗi quý.", ("vào tháng cuối của mỗi quý", "FREQ=MONTHLY;BYMONTH=3,6,9,12")),
    ("gửi báo cáo quý trước ngày 25 tháng cuối quý", ("trước ngày 25 tháng cuối quý",
                                                    "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=25")),
    ("nộp số liệu chậm nhất ngày 05 tháng đầu quý sau", ("chậm nhất ngày 05 tháng đầu quý sau",
                                                        "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=5")),
    # periods and counts
    ("Định kỳ 6 tháng, Phòng Nội vụ báo cáo UBND huyện.", ("Định kỳ 6 tháng", "FREQ=MONTHLY;INTERVAL=6")),
    ("Hằng quý, Sở Tài chính báo cáo tình hình giải ngân.", ("Hằng quý", "FREQ=MONTHLY;INTERVAL=3")),
    ("Tổ chức sơ kết, rút kinh nghiệm 6 tháng một lần.", ("6 tháng một lần", "FREQ=MONTHLY;INTERVAL=6")),
    ("Kiểm tra chéo giữa các trạm 03 tháng/lần.", ("03 tháng/lần", "FREQ=MONTHLY;INTERVAL=3")),
    ("Họp chi bộ 2 lần/tháng.", ("2 lần/tháng", "FREQ=MONTHLY")),
    ("Sinh hoạt chuyên môn mỗi tuần 1 lần.", ("mỗi tuần 1 lần", "FREQ=WEEKLY")),
    ("Đối thoại với doanh nghiệp ít nhất một lần mỗi năm.", ("ít nhất một lần mỗi năm", "FREQ=YEARLY")),
    ("Định kỳ (ít nhất 6 tháng một lần) tổ chức đánh giá", ("Định kỳ (ít nhất 6 tháng một lần)", "FREQ=MONTHLY;INTERVAL=6")),
])
def test_recurrences(text, rec):
    assert _r(text) == [rec]


@pytest.mark.parametrize("text", [
    "phấn đấu tốc độ tăng trưởng hằng năm đạt 7%",
    "Kinh phí được bố trí trong dự toán hằng năm của đơn vị",
    "là căn cứ để đánh giá, xếp loại cán bộ hằng năm",
    "Chỉ tiêu tuyển sinh hằng năm của nhà trường giữ ổn định",
    "Đánh giá mức độ đạt chỉ tiêu hằng năm và giai đoạn của đề án",
    "Báo cáo quý III/2024 gửi trước ngày 25/9/2024",
    "số liệu cuối tháng 6 năm 2024 được tổng hợp",
])
def test_periods_that_qualify_no_task_are_not_recurrences(text):
    assert [x for x in _r(text) if x[1] is not None] == []


def test_a_recurring_time_is_not_a_one_off_deadline():
    assert _d("Các xã gửi báo cáo trước ngày 20/11 hằng năm.", "2024-01-05") == []
    assert _d("nộp số liệu trước ngày 25 tháng cuối quý", "2024-01-05") == []


def test_skipping_patterns_by_their_word_changes_nothing(monkeypatch):
    """The recurrence patterns skipped when their word is absent find nothing there anyway: the same output
    with and without the skip over every paragraph and cell of the seed texts."""
    from pathlib import Path

    import extractors.recurrence as rec
    from parsers import parse

    raw = Path(__file__).resolve().parent.parent / "data" / "raw"
    texts = [u.text for p in sorted(raw.glob("*.txt")) for u in parse(p).text_units()]
    texts += ["Định kỳ 2 tháng/lần kiểm tra", "HẰNG QUÝ báo cáo", "Tháng cuối của mỗi Quý", "CUỐI THÁNG, họp"]

    def run():
        return [[(r.start, r.end, r.recurrence.text, r.recurrence.rrule, r.recurrence.note) for r in rec.find_recurrences(t)]
                for t in texts]

    fast = run()
    monkeypatch.setattr(rec, "_NEEDS", {k: ("",) for k in rec._NEEDS})
    assert run() == fast and any(fast)


def test_two_periods_side_by_side_stay_two():
    assert [r for _t, r in _r("Hằng tháng, hằng quý các xã gửi báo cáo")] == ["FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3"]


@pytest.mark.parametrize("text, date", [
    # a period placed first times the task after it: due at the period's last day
    ("Quý IV/2025, Sở Tài chính hoàn thành việc rà soát các quỹ ngoài ngân sách.", "2025-12-31"),
    ("Quý 2/2026: Trung tâm Y tế tổ chức tiêm bổ sung cho trẻ.", "2026-06-30"),
    ("- Quý I năm 2027, các trường nộp kế hoạch bồi dưỡng.", "2027-03-31"),
    ("Năm 2026: Sở Y tế triển khai bệnh án điện tử tại các bệnh viện.", "2026-12-31"),
    ("2. Năm 2027, các xã hoàn thành chuyển đổi số cấp xã.", "2027-12-31"),
    ("Tháng 11/2025, UBND các xã rà soát danh sách hộ cận nghèo.", "2025-11-30"),
    ("a) Tháng 3 năm 2026: Phòng Nội vụ tổng hợp kết quả thi đua.", "2026-03-31"),
])
def test_a_period_placed_first_is_the_due_date(text, date):
    assert _d(text, "2025-09-10") == [date]


@pytest.mark.parametrize("text", [
    "Báo cáo năm 2025, Sở Kế hoạch đã tổng hợp đầy đủ.",   # the period qualifies a noun
    "Ngày 16/11/2025, Sở Văn hóa tổ chức hội nghị.",       # a day placed first is an event, not a period
    "Theo kế hoạch năm 2026, các xã triển khai.",          # not placed first
])
def test_a_period_not_placed_first_or_qualifying_a_noun_is_no_due_date(text):
    assert _d(text, "2025-09-10") == []


@pytest.mark.parametrize("text, date", [
    ("Sở Xây dựng rà soát quy hoạch, đảm bảo đến ngày 30/11/2025 hoàn thành.", "2025-11-30"),
    ("Phòng Tư pháp hoàn thành xong trước ngày 15/12/2025.", "2025-12-15"),
    ("Các trường rà soát hồ sơ, xong trước ngày 20/10/2025.", "2025-10-20"),
    ("Các trường gửi báo cáo muộn nhất 25/11/2025.", "2025-11-25"),
    ("Nộp hồ sơ về Văn phòng, muộn nhất là ngày 03/12/2025.", "2025-12-03"),
    ("Sở Công Thương báo cáo UBND tỉnh, hạn chót là ngày 05/12/2025.", "2025-12-05"),
    ("Hạn chót: 10/01/2026.", "2026-01-10"),
])
def test_other_limit_phrasings(text, date):
    assert _d(text, "2025-09-10") == [date]


def test_a_year_placed_first_before_a_comma_times_only_a_task_to_finish():
    assert _d("Năm 2027, các huyện hoàn thành việc cấp giấy chứng nhận.", "2025-09-10") == ["2027-12-31"]
    assert _d("Năm 2026, Sở Xây dựng đưa vào sử dụng phần mềm quản lý.", "2025-09-10") == ["2026-12-31"]
    # the year a rule applies in, a year of continuing work: no due date
    assert _d("Năm 2009, các cơ sở đào tạo tiếp tục áp dụng quy định cũ.", "2009-03-01") == []
    assert _d("Năm 2026, các trường duy trì nề nếp dạy học.", "2025-09-10") == []


def test_a_task_of_a_document_with_no_date_takes_the_year_of_its_title():
    from core.model import Document, DocumentHeader, Paragraph, SourceInfo
    from extractors.obligations import extract_obligations

    doc = Document(source=SourceInfo(path="t.txt", sha256="", format="txt"),
                   blocks=[Paragraph("Các phòng chuyên môn gửi báo cáo về Văn phòng trước ngày 20/10.")]).reindex()
    obs, _ = extract_obligations(doc, DocumentHeader(subject="Kế hoạch kiểm tra công vụ năm 2027"))
    assert [(o.deadline.date, o.deadline.inferred_year) for o in obs] == [("2027-10-20", True)]
    obs, _ = extract_obligations(doc, DocumentHeader())
    assert [o.deadline for o in obs] == [None]


@pytest.mark.parametrize("text, date", [
    # a limit word before the end of a month or before a period
    ("Hạn chót là cuối tháng 11/2025.", "2025-11-30"),
    ("Các xã gửi kết quả chậm nhất cuối tháng 10/2025.", "2025-10-31"),
    ("Hoàn thiện hồ sơ trước cuối tháng 9/2025.", "2025-09-30"),
    ("Các sở hoàn thành muộn nhất là năm 2026.", "2026-12-31"),
    ("Đưa phần mềm vào vận hành chậm nhất vào quý II/2026.", "2026-06-30"),
    ("Hạn cuối quý III/2026 phải xong việc số hóa.", "2026-09-30"),
])
def test_a_limit_word_before_a_period(text, date):
    assert _d(text, "2025-09-10") == [date]

