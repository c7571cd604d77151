"""Deadline and recurrence recall on shapes of unseen documents (issue 10, classes 5, 6, 8, 9).

Every sentence and table here is invented for the test (bodies, tasks, dates are made up); none is copied from
a gold file or a corpus document.
"""

from __future__ import annotations

import pytest

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from core.tables import table_from_grid
from extractors.obligations import extract_obligations
from obligation_helpers import due_by_first_words, obligations_and_units


def _lines(text: str, date="2025-02-03"):
    return obligations_and_units(text, date=date)[0]


def _table(rows, date="2025-02-03", before=()):
    t = table_from_grid(rows)
    doc = Document(source=SourceInfo(path="t.docx", sha256="", format="docx"),
                   blocks=[Paragraph(p) for p in before] + [t]).reindex()
    return extract_obligations(doc, DocumentHeader(date=date))[0]


# --------------------------------------------------------------------------
# 5. A task table whose time column is headed by the span of the work
# --------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["Giai đoạn thực hiện", "Giai đoạn", "Lộ trình thực hiện", "Lộ trình",
                                    "Mốc hoàn thành"])
def test_a_time_column_headed_by_the_span_of_the_work(header):
    obs = _table([
        ["STT", "Nội dung hoạt động", "Đơn vị chủ trì", "Đơn vị phối hợp", header, "Sản phẩm"],
        ["1", "Xây dựng kho học liệu số dùng chung", "Phòng Đào tạo", "Trung tâm Thông tin", "2025-2028",
         "Kho học liệu được vận hành"],
        ["2", "Chuẩn hóa quy trình tuyển sinh trực tuyến", "Phòng Công tác sinh viên", "Phòng Đào tạo", "2026",
         "Quy trình được ban hành"],
        ["3", "Mở rộng hợp tác với doanh nghiệp", "Trung tâm Thông tin", "Các khoa", "Thường xuyên",
         "Thỏa thuận hợp tác"],
    ])
    due = due_by_first_words(obs)
    assert due["Xây dựng kho"] == "2028-12-31"
    assert due["Chuẩn hóa quy"] == "2026-12-31"
    assert due["Mở rộng hợp"] is None


def test_a_period_of_the_plan_in_a_content_header_is_still_the_content():
    # "giai đoạn" inside the task column's title names the plan's span, not a column of times
    obs = _table([
        ["TT", "Nhiệm vụ giai đoạn 2026 - 2030", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Điều tra hiện trạng bãi bồi ven sông", "Sở Nông nghiệp và Môi trường", "Quý II/2026"],
        ["2", "Lập bản đồ vùng nguy cơ sạt lở", "Sở Xây dựng", "Quý IV/2027"],
    ])
    due = due_by_first_words(obs)
    assert due["Điều tra hiện"] == "2026-06-30"
    assert due["Lập bản đồ"] == "2027-12-31"


# --------------------------------------------------------------------------
# 5. A task table laid out one cell a paragraph, its rows numbered by group ("1.", "1.1", "1.2", "2.1")
# --------------------------------------------------------------------------

# each cell on its own line, the sub-row labels standing alone
_CELLS_APART = """PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN
TT
Nội dung nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Kết quả
Thời hạn hoàn thành
1.
Hoàn thiện thể chế
1.1
Rà soát quy định về cấp phép xây dựng nhà ở riêng lẻ.
Sở Xây dựng
Sở Tư pháp
Báo cáo rà soát
Quý III/2025
1.2
Sửa đổi quy chế phối hợp quản lý trật tự đô thị.
Sở Nội vụ
Ủy ban nhân dân các huyện
Quy chế được ban hành
Quý I/2026
2.
Phát triển hạ tầng số
2.1
Xây dựng nền tảng bản đồ số dùng chung.
Sở Khoa học và Công nghệ
Sở Xây dựng
Nền tảng được vận hành
Tháng 10/2025 - 6/2026
2.2
Số hóa hồ sơ địa chính các xã.
Sở Nông nghiệp và Môi trường
Ủy ban nhân dân các xã
Cơ sở dữ liệu địa chính
Năm 2027
"""

# the same table as a text extraction rejoins it: each label glued to the end of the cell before it
_CELLS_GLUED = """PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN
TT
Nội dung nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Kết quả
Thời hạn hoàn thành 1.
Hoàn thiện thể chế 1.1
Rà soát quy định về cấp phép xây dựng nhà ở riêng lẻ.
Sở Xây dựng
Sở Tư pháp
Báo cáo rà soát
Quý III/2025 1.2
Sửa đổi quy chế phối hợp quản lý trật tự đô thị.
Sở Nội vụ
Ủy ban nhân dân các huyện
Quy chế được ban hành
Quý I/2026
2. Phát triển hạ tầng số
2.1
Xây dựng nền tảng bản đồ số dùng chung.
Sở Khoa học và Công nghệ
Sở Xây dựng
Nền tảng được vận hành
Tháng 10/2025 - 6/2026 2.2
Số hóa hồ sơ địa chính các xã.
Sở Nông nghiệp và Môi trường
Ủy ban nhân dân các xã
Cơ sở dữ liệu địa chính
Năm 2027
"""


@pytest.mark.parametrize("text", [_CELLS_APART, _CELLS_GLUED], ids=["apart", "glued"])
def test_a_cell_a_paragraph_table_with_rows_numbered_by_group(text):
    obs = _lines(text)
    due = due_by_first_words(obs)
    assert due.get("Rà soát quy") == "2025-09-30", due
    assert due.get("Sửa đổi quy") == "2026-03-31", due
    assert due.get("Xây dựng nền") == "2026-06-30", due
    assert due.get("Số hóa hồ") == "2027-12-31", due
    lead = {" ".join(o.action.split()[:3]): [u.name for u in o.units if u.role == "lead"] for o in obs}
    assert lead["Rà soát quy"] == ["Sở Xây dựng"]
    assert lead["Xây dựng nền"] == ["Sở Khoa học và Công nghệ"]
    # the group titles are no tasks
    assert not any(o.action.startswith(("Hoàn thiện thể chế", "Phát triển hạ tầng")) for o in obs)


# the table over two pages: its header repeated, the next row's label glued to the header's last cell, and a group's
# title run together with its first sub-row's label
_CELLS_PAGED = """TT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian thực hiện 1.
Nâng cao năng lực dự báo 1.1
Lắp đặt trạm quan trắc mực nước tự động.
Đài Khí tượng Thủy văn tỉnh
Sở Tài chính
Trạm được vận hành
Quý II/2026
TT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian thực hiện 1.2
Cập nhật bản đồ ngập lụt cấp huyện.
Sở Nông nghiệp và Môi trường
Ủy ban nhân dân các huyện
Bản đồ được công bố
Quý IV/2026
2. Tăng cường ứng phó tại cơ sở 2.1
Diễn tập phương án sơ tán dân vùng trũng.
Bộ Chỉ huy Quân sự tỉnh
Ủy ban nhân dân các xã
Báo cáo kết quả diễn tập
Tháng 5/2027
"""


def test_a_cell_a_paragraph_table_over_pages_with_group_titles():
    due = due_by_first_words(_lines(_CELLS_PAGED))
    assert due.get("Lắp đặt trạm") == "2026-06-30", due
    assert due.get("Cập nhật bản") == "2026-12-31", due
    assert due.get("Diễn tập phương") == "2027-05-31", due


# --------------------------------------------------------------------------
# 9. A period closing the object of a task verb: the task comes round
# --------------------------------------------------------------------------


def _rec(text: str) -> list[tuple[str, str | None]]:
    from extractors.recurrence import find_recurrences
    return [(r.recurrence.text, r.recurrence.rrule) for r in find_recurrences(text)]


@pytest.mark.parametrize("text, period, rule", [
    # verbs of funding, submitting, giving
    ("Sở Tài chính cân đối nguồn kinh phí sự nghiệp hằng năm.", "hằng năm", "FREQ=YEARLY"),
    ("Ủy ban nhân dân huyện bố trí ngân sách địa phương hàng năm để thực hiện đề án.", "hàng năm", "FREQ=YEARLY"),
    ("Hội Chữ thập đỏ tặng quà cho hộ nghèo nhân dịp Tết Nguyên đán hằng năm.", "hằng năm", "FREQ=YEARLY"),
    ("Phòng Giáo dục phân bổ chỉ tiêu tuyển sinh hằng năm cho các trường.", "hằng năm", "FREQ=YEARLY"),
    # the period of a plan with its longer span after "và"
    ("Phòng Nội vụ xây dựng kế hoạch tuyển dụng hằng năm và giai đoạn 5 năm.", "hằng năm", "FREQ=YEARLY"),
    ("Sở Y tế lập kế hoạch đào tạo, bồi dưỡng nhân lực y tế hằng năm và dài hạn.", "hằng năm", "FREQ=YEARLY"),
    ("Các trường lập kế hoạch bồi dưỡng giáo viên hằng năm và 5 năm của đơn vị.", "hằng năm", "FREQ=YEARLY"),
    # the topic of a report after the period
    ("Trung tâm xây dựng báo cáo hằng năm về tình hình xuất khẩu lao động.", "hằng năm", "FREQ=YEARLY"),
    # "theo từng năm": by the period, as "theo năm"
    ("Viện chủ trì khảo sát, đánh giá nhu cầu bồi dưỡng giáo viên theo từng năm.", "theo từng năm", "FREQ=YEARLY"),
    ("Các huyện tổng hợp số liệu theo từng quý.", "theo từng quý", "FREQ=MONTHLY;INTERVAL=3"),
])
def test_a_period_closing_the_object_of_a_task_verb(text, period, rule):
    assert _rec(text) == [(period, rule)]


@pytest.mark.parametrize("text", [
    # no task verb: a target, a rate, a figure
    "Chỉ tiêu tăng trưởng hằng năm và giai đoạn 2026 - 2030 của tỉnh đạt cao.",
    # a target of every year and of the span, as the object of a task verb: the period qualifies the target
    "Phòng Kinh tế đánh giá khả năng đạt các chỉ tiêu hằng năm và giai đoạn của chương trình.",
    "Tốc độ tăng thu ngân sách theo từng năm đạt trên 8%.",
    "mức tăng hằng năm về doanh thu",
    "phấn đấu giảm tỷ lệ hồ sơ trễ hạn hằng năm",
    # a period qualifying a noun inside a longer phrase, the clause going on with a noun
    "Nguồn kinh phí hằng năm của các huyện miền núi còn hạn hẹp.",
    # a passive verb: the period qualifies the noun after it
    "Học bổng được phân bổ trong dự toán hằng năm của trường.",
])
def test_a_period_without_a_task_verb_is_still_no_recurrence(text):
    assert _rec(text) == []


# --------------------------------------------------------------------------
# 8. A field line that times its task ("- Thời gian thực hiện - hoàn thành: …"): its value is a time cell
# --------------------------------------------------------------------------


def _dl(text: str, ref: str = "2025-02-03") -> list[tuple[str, str]]:
    from extractors.deadlines import find_deadlines
    return [(text[d.start:d.end], d.deadline.date) for d in find_deadlines(text, ref)]


@pytest.mark.parametrize("text, words, date", [
    ("- Thời gian triển khai - hoàn thành: Tháng 9/2025 - 3/2026.", "3/2026", "2026-03-31"),
    ("- Thời gian thực hiện, hoàn thành: 2025-2027.", "2025-2027", "2027-12-31"),
    ("3. Thời hạn hoàn thành: 2026.", "2026", "2026-12-31"),
    ("- Tiến độ thực hiện: Quý III/2026.", "Quý III/2026", "2026-09-30"),
    ("Thời gian hoàn thành: Tháng 11/2025 - 02/2026", "02/2026", "2026-02-28"),
    ("+ Thời gian nộp báo cáo: trước 20/10.", "trước 20/10", "2025-10-20"),
])
def test_the_value_of_a_time_field_is_read_as_a_time_cell(text, words, date):
    assert _dl(text) == [(words, date)]


@pytest.mark.parametrize("text", [
    # the time of a meeting, a start with no end, a duration, no time label at all
    "- Thời gian: 8 giờ 00, ngày 14/3/2025.",
    "- Thời gian tổ chức: ngày 20/5/2025.",
    "- Thời gian thực hiện: từ tháng 4/2025.",
    "- Thời gian thực hiện: 06 tháng kể từ ngày ký hợp đồng.",
    "- Kinh phí thực hiện: 2.500 triệu đồng năm 2025.",
])
def test_a_field_that_is_no_due_time_gives_no_deadline(text):
    assert _dl(text) == []


# the fields of a task card, the time's label with a dash, the cards numbered by level ("1.1. Nhiệm vụ: …")
_CARDS = """I. NHÓM NHIỆM VỤ VỀ HẠ TẦNG DỮ LIỆU
1.1. Nhiệm vụ: Xây dựng cơ sở dữ liệu dùng chung về đất đai của tỉnh.
- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.
- Cơ quan phối hợp: Sở Tài chính, Sở Xây dựng.
- Kết quả dự kiến: Cơ sở dữ liệu được vận hành.
- Thời gian triển khai - hoàn thành: Tháng 3/2025 - 9/2025.
1.2. Nhiệm vụ: Ban hành quy chế khai thác, chia sẻ dữ liệu.
- Cơ quan chủ trì: Văn phòng Ủy ban nhân dân tỉnh.
- Cơ quan phối hợp: Sở Tư pháp.
- Thời gian thực hiện, hoàn thành: Quý IV/2025.
"""


def test_task_cards_with_a_dashed_time_label_and_numbered_names():
    obs = _lines(_CARDS)
    by_lead = {next(u.name for u in o.units if u.role == "lead"): o for o in obs}
    first = by_lead["Sở Nông nghiệp và Môi trường"]
    assert first.deadline is not None and first.deadline.date == "2025-09-30"
    assert first.action.startswith("Xây dựng cơ sở dữ liệu")
    assert sorted(u.name for u in first.units if u.role == "support") == ["Sở Tài chính", "Sở Xây dựng"]
    second = by_lead["Văn phòng Ủy ban nhân dân tỉnh"]
    assert second.deadline is not None and second.deadline.date == "2025-12-31"
    assert [u.name for u in second.units if u.role == "support"] == ["Sở Tư pháp"]
    assert len(obs) == 2


def test_the_tail_of_a_row_broken_off_with_its_cells_shifted_times_the_row_above():
    # a text table whose result cell held several lines: the last line went to a row of its own, its cells shifted
    obs = _table([
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Kết quả dự kiến", "Thời gian hoàn thành"],
        ["1", "Tổ chức các cuộc thi sáng tạo kỹ thuật", "Tỉnh đoàn", "- Cuộc thi cấp tỉnh", ""],
        ["- Cuộc thi cấp huyện", "", "2025-2026", "", ""],
        ["2", "Xây dựng mạng lưới cố vấn khởi nghiệp", "Sở Khoa học và Công nghệ", "Mạng lưới cố vấn", "Quý III/2025"],
        ["3", "Tập huấn kỹ năng số cho cán bộ xã", "Sở Nội vụ", "Các lớp tập huấn", ""],
    ])
    due = due_by_first_words(obs)
    assert due["Tổ chức các"] == "2026-12-31"
    assert due["Xây dựng mạng"] == "2025-09-30"
    assert due["Tập huấn kỹ"] is None


# a table one cell a paragraph whose row number "2" the extraction lost: the rows after it are still rows (and a
# gazette's running head with the page number between two rows is no cell)
_CELLS_LOST_NUMBER = """STT
Nội dung công việc
Cơ quan chủ trì
Cơ quan phối hợp
Cấp phê duyệt
Thời hạn
1
Rà soát mạng lưới trạm bơm tiêu úng.
Sở Nông nghiệp và Môi trường
Các huyện
Giám đốc Sở
Quý II/2026
Nạo vét kênh tưới cấp II.
Công ty Thủy lợi tỉnh
Các xã
Giám đốc Sở
Quý III/2026
3
Lắp đặt cảnh báo lũ tại ngầm tràn.
Sở Xây dựng
Công an tỉnh
Chủ tịch Ủy ban
nhân dân tỉnh 2027
CÔNG BÁO/Số 45/Ngày 10-03-2026
17
4
Diễn tập cứu nạn trên sông.
Bộ Chỉ huy Quân sự tỉnh
Sở Y tế
Chủ tịch Ủy ban
nhân dân tỉnh Tháng 8/2027
"""


def test_a_lost_row_number_does_not_swallow_the_rows_after_it():
    due = due_by_first_words(_lines(_CELLS_LOST_NUMBER))
    assert due.get("Rà soát mạng") == "2026-06-30", due
    assert due.get("Lắp đặt cảnh") == "2027-12-31", due
    assert due.get("Diễn tập cứu") == "2027-08-31", due


# --------------------------------------------------------------------------
# 8. A task due at a meeting held in a named month ("… báo cáo tại kỳ họp … tổ chức vào tháng 7 năm 2026")
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text, date", [
    ("Đề nghị Sở Tài chính báo cáo kết quả rà soát tại phiên họp Thường trực Hội đồng nhân dân tỉnh lần thứ Mười "
     "tổ chức vào tháng 7 năm 2026.", "2026-07-31"),
    ("Ủy ban nhân dân huyện trình đề án tại kỳ họp thứ Tám của Hội đồng nhân dân huyện diễn ra vào tháng 12/2025.",
     "2025-12-31"),
    ("Giao Sở Nội vụ báo cáo tại cuộc họp giao ban vào ngày 15/9/2025.", "2025-09-15"),
])
def test_a_task_due_at_a_meeting_in_a_named_month(text, date):
    assert [d for _w, d in _dl(text)] == [date]


def test_a_meeting_without_a_task_at_it_gives_no_deadline():
    # the meeting is the subject's own, no task is done at it
    assert _dl("Kỳ họp thứ Tám của Hội đồng nhân dân huyện diễn ra vào tháng 12/2025 tại hội trường huyện.") == []


# --------------------------------------------------------------------------
# 8. A half-year standing alone in a time cell ("6 tháng đầu năm 2026") is due at its end, not the year's
# --------------------------------------------------------------------------


def test_a_half_year_in_a_time_cell():
    from extractors.deadlines import find_deadlines

    def cell(text):
        return [d.deadline.date for d in find_deadlines(text, "2025-02-03", in_time_column=True)]

    assert cell("6 tháng đầu năm 2026") == ["2026-06-30"]
    assert cell("06 tháng cuối năm 2025") == ["2025-12-31"]
    assert cell("Sáu tháng đầu năm 2027") == ["2027-06-30"]
    # in running text, a half-year with no time word before it is what a report covers, no due date
    assert _dl("Sở gửi báo cáo sơ kết 6 tháng đầu năm 2026 của ngành.") == []
