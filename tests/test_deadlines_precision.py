"""Deadline precision on unseen documents (issue 10, classes 5, 8, 9).

Every sentence here is invented for the test (bodies, places and dates are made up); none is
copied from a gold file or a corpus document.  Each test holds a shape that gave a false due date
(a period left open towards the time ahead, a span something lasts or a state reached by a date)
or missed a true one, beside the near forms that must keep theirs.
"""

from __future__ import annotations

from extractors.deadlines import find_deadlines
from extractors.obligations import extract_obligations
from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from obligation_helpers import holding, obligations_and_units


def _d(text, ref=None, **kw):
    return [(d.deadline.date, d.deadline.kind) for d in find_deadlines(text, ref, **kw)]


def _run(text: str, **hdr):
    return obligations_and_units(text, **hdr)


_with = holding


# --------------------------------------------------------------------------
# 1. A period left open towards the time ahead bounds nothing
# --------------------------------------------------------------------------


def test_period_joined_to_the_time_ahead_is_no_due_date():
    # "trong quý III/2027 và thời gian tới": from that quarter on, not by its end
    assert _d("Các phường tiếp tục đẩy mạnh phong trào trồng cây xanh trong quý III/2027 và thời gian tới.") == []
    assert _d("Duy trì lịch tiếp dân trong tháng 8 năm 2027 và những tháng tiếp theo.") == []
    assert _d("Năm 2028 và các năm tiếp theo, các trường duy trì sĩ số lớp học.") == []
    # the same periods, closed, keep their due dates
    assert _d("Các phường hoàn thành trồng cây xanh trong quý III/2027.") == [("2027-09-30", "quarter")]
    assert _d("Gửi báo cáo trong tháng 8 năm 2027 và tổ chức hội nghị trong tháng 9 năm 2027.") == [
        ("2027-08-31", "month"), ("2027-09-30", "month")]


def test_heading_period_joined_to_the_time_ahead_dates_no_item_below_it():
    obs, _ = _run("""
    III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 9 VÀ THỜI GIAN TỚI
    Sở Công Thương có trách nhiệm:
    1. Tiếp tục rà soát hồ sơ đất đai tồn đọng trên địa bàn các phường.
    2. Tăng cường kiểm tra an toàn thực phẩm tại các chợ đầu mối.
    3. Hoàn thành báo cáo quyết toán vốn trong tháng 9 năm 2027.
    """, date="2027-08-20")
    assert _with(obs, "hồ sơ đất đai").deadline is None
    assert _with(obs, "an toàn thực phẩm").deadline is None
    assert _with(obs, "quyết toán vốn").deadline.date == "2027-09-30"


def test_heading_period_alone_still_dates_its_items():
    obs, _ = _run("""
    III. NHIỆM VỤ TRỌNG TÂM THÁNG 9
    Sở Công Thương có trách nhiệm:
    1. Tiếp tục rà soát hồ sơ đất đai tồn đọng trên địa bàn các phường.
    2. Tăng cường kiểm tra an toàn thực phẩm tại các chợ đầu mối.
    """, date="2027-08-20")
    assert _with(obs, "hồ sơ đất đai").deadline.date == "2027-09-30"
    assert _with(obs, "an toàn thực phẩm").deadline.date == "2027-09-30"


# --------------------------------------------------------------------------
# 2. "đến hết …" and "đến ngày …, … đã / chưa": how long something lasts, or the state reached by a date
# --------------------------------------------------------------------------


def test_through_the_end_of_a_day_is_how_long_something_lasts():
    # a transitional arrangement, a validity, a cut-off of figures: no task is due then
    assert _d("Các chi cục tiếp tục áp dụng song song hai mẫu tờ khai đến hết ngày 30/9/2027.") == []
    assert _d("Giấy phép tạm thời có giá trị đến hết ngày 15/01/2028.") == []
    assert _d("Đến hết ngày 20/8/2027, toàn tỉnh đã cấp 12.400 thẻ bảo hiểm y tế cho người cao tuổi.") == []
    assert _d("(Số liệu được tổng hợp từ phần mềm quản lý hồ sơ một cửa của tỉnh đến hết ngày 20/8/2027).") == []
    assert _d("Miễn phí vé tham quan bảo tàng cho học sinh đến hết tháng 12/2027.") == []


def test_through_the_end_of_a_day_after_a_start_or_a_completion_word_is_due():
    # a range is due at its end (GUIDELINES), and so is a limit written with "đến hết"
    assert _d("Thời gian nhận hồ sơ: từ ngày 02/10/2027 đến hết ngày 16/10/2027.") == [("2027-10-16", "date")]
    assert _d("Các trường nộp danh sách từ nay đến hết ngày 16/10/2027.") == [("2027-10-16", "date")]
    assert _d("Các đơn vị hoàn thành việc kiểm kê chậm nhất đến hết ngày 16/10/2027.") == [("2027-10-16", "date")]
    assert _d("Hoàn thành việc cấp đổi giấy phép đến hết ngày 16/10/2027.") == [("2027-10-16", "date")]


def test_a_state_reached_by_a_date_is_a_cut_off():
    # "đến ngày D [bodies] đã / chưa …": what stands at that date, not a task due then
    assert _d("Đề xuất phương án xử lý số vốn đến ngày 30 tháng 6 năm 2027 các huyện chưa giải ngân.") == []
    assert _d("Đến ngày 30/6/2027, các xã đã hoàn thành việc cắm mốc giới.") == []
    # the same words where a task is due
    assert _d("Các xã hoàn thành việc cắm mốc giới đến ngày 30/6/2027.") == [("2027-06-30", "date")]
    assert _d("Bảo đảm đến ngày 30/6/2027 mọi hồ sơ được số hóa.") == [("2027-06-30", "date")]


# --------------------------------------------------------------------------
# 3. A task table laid out one cell a paragraph (a PDF's text layer): its time column is read
# --------------------------------------------------------------------------


def _cells_doc(paras: list[str], **hdr):
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"),
                   blocks=[Paragraph(p) for p in paras]).reindex()
    obs, _ = extract_obligations(doc, DocumentHeader(**hdr))
    return doc, obs


_HEAD = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời hạn"]


def test_time_cells_of_a_table_laid_out_one_cell_a_paragraph():
    doc, obs = _cells_doc([
        "BÁO ĐIỆN TỬ TỈNH/Số 14", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ", *_HEAD,
        "I", "Hoàn thiện thể chế về quản lý chợ",
        "1", "Xây dựng quy chế quản lý chợ đầu mối nông sản", "Sở Công Thương", "Sở Tài chính",
        "Quyết định của UBND tỉnh", "Quý III/2027",
        "2", "Rà soát quy hoạch mạng lưới chợ nông thôn", "Sở Xây dựng", "UBND các huyện", "Báo cáo",
        "Tháng 10/2027",
        # the page ends: its running head and number, then the header again
        "BÁO ĐIỆN TỬ TỈNH/Số 14", "37", *_HEAD,
        "3", "Tập huấn an toàn thực phẩm cho tiểu thương", "Sở Y tế", "Hội Liên hiệp Phụ nữ tỉnh",
        "Lớp tập huấn", "Thường xuyên, hằng năm",
        "4", "Đánh giá kết quả thí điểm chợ văn minh", "Sở Công Thương", "Các sở, ngành liên quan",
        "Báo cáo tổng kết", "2028",
        "Nơi nhận:",
    ], date="2027-05-04")
    got = {o.action: ([u.name for u in o.units], [u.role for u in o.units],
                      o.deadline.date if o.deadline else None, o.recurrence.rrule if o.recurrence else None)
           for o in obs}
    assert got["Xây dựng quy chế quản lý chợ đầu mối nông sản"] == (
        ["Sở Công Thương", "Sở Tài chính"], ["lead", "support"], "2027-09-30", None)
    assert got["Rà soát quy hoạch mạng lưới chợ nông thôn"][2] == "2027-10-31"
    assert got["Tập huấn an toàn thực phẩm cho tiểu thương"][2:] == (None, "FREQ=YEARLY")
    assert got["Đánh giá kết quả thí điểm chợ văn minh"][2] == "2028-12-31"
    # the group title, the running head and the page number are no tasks
    assert len(obs) == 4
    # each due time points at its own cell's words
    for o in obs:
        if o.deadline is not None:
            assert doc.blocks[o.deadline.loc.block].text[o.deadline.loc.start:o.deadline.loc.end] == o.deadline.text


def test_a_row_broken_by_the_page_goes_on_after_the_repeated_header():
    _doc, obs = _cells_doc([
        "PHỤ LỤC", *_HEAD,
        "1", "Số hóa hồ sơ địa chính", "Văn phòng Đăng ký đất đai", "UBND các xã",
        "Cơ sở dữ liệu", "Quý I/2028",
        "2", "Cập nhật bản đồ giá đất", "Sở Tài chính", "Sở Nông nghiệp và Môi trường",
        # the header again, its last cell run together with the rest of the row before the break
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời hạn Bản đồ số",
        "Tháng 6/2028",
        "3", "Công khai bảng giá đất trên cổng thông tin", "Sở Tài chính", "Các sở, ngành liên quan",
        "Trang tin", "Tháng 7/2028",
    ], date="2027-11-20")
    due = {o.action: o.deadline.date if o.deadline else None for o in obs}
    assert due == {"Số hóa hồ sơ địa chính": "2028-03-31", "Cập nhật bản đồ giá đất": "2028-06-30",
                   "Công khai bảng giá đất trên cổng thông tin": "2028-07-31"}


def test_prose_after_a_table_laid_out_one_cell_a_paragraph_is_prose_again():
    _doc, obs = _cells_doc([
        "PHỤ LỤC", *_HEAD,
        "1", "Số hóa hồ sơ địa chính", "Văn phòng Đăng ký đất đai", "UBND các xã", "Cơ sở dữ liệu", "Quý I/2028",
        "2. Sở Nội vụ tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12/2028.",
    ], date="2027-11-20")
    o = next(o for o in obs if "tổng hợp kết quả" in o.source_text)
    assert [u.name for u in o.units] == ["Sở Nội vụ"] and o.deadline.date == "2028-12-15"


def test_a_year_alone_in_a_time_cell_is_due_at_its_end():
    assert _d("2028", in_time_column=True) == [("2028-12-31", "year")]
    assert _d("2028 và hằng năm", in_time_column=True) == [("2028-12-31", "year")]
    # a year inside a cited document's number is none
    assert _d("Nghị định số 15/2028/NĐ-CP", in_time_column=True) == []
    # outside a time column a year alone is no due date
    assert _d("Báo cáo năm tài chính 2028 của đơn vị") == []


def test_cells_broken_or_run_together_in_a_table_laid_out_one_cell_a_paragraph():
    _doc, obs = _cells_doc([
        "PHỤ LỤC", "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời hạn",
        "I.", "Nhóm nhiệm vụ về đào tạo nghề",
        "1.", "Rà soát danh mục nghề đào tạo cho lao động nông thôn",
        # a name broken at its head word, and a list of bodies the names' grammar reads only in part
        "Bộ", "Giáo dục và Đào tạo, Bộ", "Nội vụ", "Các bộ, ngành, địa phương, các hiệp hội nghề nghiệp",
        # the result and the time run together, the next row's number glued to them
        "Danh mục nghề được ban hành 2028 - 2030 2.",
        "Tổ chức hội thi tay nghề cấp quốc gia", "Bộ Giáo dục và Đào tạo", "Các tỉnh, thành phố",
        "Hội thi", "Hằng năm",
        "Nơi nhận:",
    ], date="2027-12-01")
    got = {o.action: ([u.name for u in o.units if u.role == "lead"], o.deadline.date if o.deadline else None,
                      o.recurrence.rrule if o.recurrence else None) for o in obs}
    assert got["Rà soát danh mục nghề đào tạo cho lao động nông thôn"] == (
        ["Bộ Giáo dục và Đào tạo", "Bộ Nội vụ"], "2030-12-31", None)
    assert got["Tổ chức hội thi tay nghề cấp quốc gia"] == (["Bộ Giáo dục và Đào tạo"], None, "FREQ=YEARLY")
    assert len(obs) == 2


def test_a_row_with_a_second_doer_and_time_after_its_time_cell():
    _doc, obs = _cells_doc([
        "PHỤ LỤC", "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời hạn",
        "1", "Hoàn thiện quy định về quản lý cụm công nghiệp", "Sở Công Thương", "Sở Tài chính",
        "Báo cáo đánh giá thực trạng", "Tháng 5/2028",
        # the same task's next step: its doers, result and time, in the same row
        "Sở Xây dựng", "Sở Công Thương", "Dự thảo quy định", "Quý", "III/2028",
        "2", "Tổ chức đối thoại doanh nghiệp", "Sở Công Thương", "Hiệp hội doanh nghiệp tỉnh", "Hội nghị",
        "Tháng 9/2028",
    ], date="2027-12-01")
    dated = sorted((o.deadline.date, [u.name for u in o.units if u.role == "lead"]) for o in obs if o.deadline)
    assert dated == [("2028-05-31", ["Sở Công Thương"]), ("2028-09-30", ["Sở Công Thương"]),
                     ("2028-09-30", ["Sở Xây dựng"])]


def test_sub_rows_a_column_naming_whom_to_submit_to_and_a_row_going_on_after_the_header():
    head = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Cấp trình", "Sản phẩm",
            "Thời hạn hoàn thành"]
    _doc, obs = _cells_doc([
        "BÁO ĐIỆN TỬ TỈNH/Số 9", "PHỤ LỤC", *head,
        "1", "Sắp xếp các trung tâm dịch vụ công của tỉnh", "Sở Nội vụ;", "Sở Tài chính",
        "Các sở, ngành liên quan", "Ủy ban nhân dân tỉnh", "Đề án", "Quý II/2028",
        "2", "Xây dựng phương án sắp xếp theo từng giai đoạn", "Ủy ban nhân dân các huyện",
        "Sở Nội vụ", "Ủy ban nhân dân tỉnh", "Phương án", "Quý I/2028",
        "2.1 Theo dõi việc sắp xếp các trung tâm dịch vụ công", "Sở Nội vụ", "Các sở, ngành liên quan",
        "Ủy ban nhân dân tỉnh", "Báo cáo", "Quý III/2028",
        # the page ends inside the next row: its content goes on after the header, run into its last cell
        "2.2 Hướng dẫn chuyển giao trụ sở, tài sản của các trung tâm",
        "BÁO ĐIỆN TỬ TỈNH/Số 9", "12", *head[:-1],
        "Thời hạn hoàn thành sau sắp xếp cho các đơn vị tiếp nhận, bảo đảm không gián đoạn phục vụ người dân, "
        "tổ chức và doanh nghiệp trong suốt quá trình chuyển giao trụ sở và tài sản công.",
        "Sở Tài chính", "Các sở, ngành liên quan", "Ủy ban nhân dân tỉnh", "Hướng dẫn", "Quý IV/2028",
    ], date="2027-12-01")

    def got(words):
        o = next(o for o in obs if o.action.startswith(words))
        return [u.name for u in o.units], o.deadline.date if o.deadline else None

    # the lead column broken after its ";", and "Cấp trình" (whom to submit to) is no column of doers
    assert got("Sắp xếp các trung tâm") == (["Sở Nội vụ", "Sở Tài chính", "Các sở, ngành liên quan"], "2028-06-30")
    # "2.1", "2.2" under row 2: tasks of their own
    assert got("Theo dõi việc sắp xếp") == (["Sở Nội vụ", "Các sở, ngành liên quan"], "2028-09-30")
    assert got("Hướng dẫn chuyển giao") == (["Sở Tài chính", "Các sở, ngành liên quan"], "2028-12-31")


# --------------------------------------------------------------------------
# 4. The period a review looks back on, and a heading naming several periods, time no item below them
#    (sixth session, dev5: one lead-in's reviewed month was given to every task of a monthly notice)
# --------------------------------------------------------------------------


def test_lead_in_reviewing_one_month_and_planning_the_next_gives_its_items_no_reviewed_month():
    obs, _ = _run("""
    Trên cơ sở ý kiến thảo luận tại cuộc họp, Sở Nội vụ đánh giá tình hình thực hiện nhiệm vụ tháng 4, quý II năm 2027 và triển khai các công việc trọng tâm tháng 5, quý II năm 2027 như sau:
    1. Kết quả thực hiện nhiệm vụ tháng 4
    Các phòng đã hoàn thành phần lớn chỉ tiêu được giao.
    2. Nhiệm vụ trọng tâm
    2.1. Giao Phòng Tổ chức biên chế:
    - Rà soát hồ sơ vị trí việc làm của các đơn vị sự nghiệp.
    - Hoàn thành đề án sắp xếp trước ngày 20/5/2027.
    2.2. Giao Phòng Cải cách hành chính tổng hợp chỉ số cải cách của các xã.
    """, date="2027-05-06")
    assert _with(obs, "vị trí việc làm").deadline is None
    assert _with(obs, "chỉ số cải cách").deadline is None
    assert _with(obs, "đề án sắp xếp").deadline.date == "2027-05-20"


def test_heading_naming_a_reviewed_period_then_the_period_ahead_times_items_by_the_one_ahead():
    obs, _ = _run("""
    Ban Giám đốc kiểm điểm kết quả công tác tháng 7 và thống nhất kế hoạch công tác tháng 8 năm 2027 như sau:
    1. Phòng Hành chính - Tổng hợp chuẩn bị nội dung hội nghị cán bộ, viên chức.
    2. Phòng Kế toán lập báo cáo tài chính của đơn vị.
    """, date="2027-08-02")
    assert _with(obs, "hội nghị cán bộ").deadline.date == "2027-08-31"
    assert _with(obs, "báo cáo tài chính").deadline.date == "2027-08-31"


def test_heading_naming_a_month_and_its_quarter_sets_no_one_bound():
    obs, _ = _run("""
    II. NHIỆM VỤ TRỌNG TÂM THÁNG 11 VÀ QUÝ IV NĂM 2027
    1. Chi cục Thủy lợi kiểm tra an toàn các hồ chứa trước mùa mưa lũ.
    2. Chi cục Kiểm lâm tăng cường tuần tra phòng cháy rừng.
    """, date="2027-11-03")
    assert _with(obs, "hồ chứa").deadline is None
    assert _with(obs, "phòng cháy rừng").deadline is None


# --------------------------------------------------------------------------
# 5. A due day without its year in a task that comes round every year is the rule's day, no one-off date
#    (sixth session, dev5: every "Hằng năm, hoàn thành trước ngày dd/mm" row also gave a deadline of the plan's year)
# --------------------------------------------------------------------------


def _due_and_rule(o):
    return (o.deadline.date if o.deadline else None, o.recurrence.rrule if o.recurrence else None)


def test_a_yearly_task_with_a_day_and_no_year_folds_the_day_into_its_rule():
    obs, _ = _run("""
    III. TỔ CHỨC THỰC HIỆN
    1. Định kỳ hằng năm, các phòng chuyên môn gửi báo cáo kết quả thực hiện về Văn phòng Sở trước ngày 05 tháng 12.
    2. Trung tâm Văn hóa tổ chức hội thao truyền thống của ngành 01 lần/năm, hoàn thành trước ngày 15/10.
    3. Phòng Quản lý đô thị hoàn thành việc cắm mốc lộ giới trước ngày 20/9.
    """, date="2027-04-12")
    assert _due_and_rule(_with(obs, "gửi báo cáo kết quả")) == (None, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5")
    assert _due_and_rule(_with(obs, "hội thao")) == (None, "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15")
    # a one-off task keeps its date, the year taken from the document
    assert _due_and_rule(_with(obs, "mốc lộ giới")) == ("2027-09-20", None)


def test_a_yearly_task_whose_day_carries_its_year_keeps_its_date():
    obs, _ = _run("""
    Hằng năm, Sở Tài chính tổng hợp dự toán kinh phí của các đơn vị, hoàn thành trước ngày 15/7/2028.
    """, date="2027-04-12")
    o = _with(obs, "dự toán kinh phí")
    assert o.deadline.date == "2028-07-15" and o.recurrence.rrule == "FREQ=YEARLY"


def test_a_time_cell_saying_every_year_by_a_day_gives_a_rule_not_a_date():
    from core.tables import table_from_grid
    t = table_from_grid([
        ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"],
        ["1", "Tổ chức tuyên dương giáo viên dạy giỏi cấp tỉnh", "Sở Giáo dục và Đào tạo", "Hằng năm, trước ngày 18/11"],
        ["2", "Biên soạn tài liệu bồi dưỡng kỹ năng số", "Trường Chính trị tỉnh", "Trước ngày 30/8/2028"],
    ])
    doc = Document(source=SourceInfo(path="t.docx", sha256="", format="docx"), blocks=[t]).reindex()
    obs, _ = extract_obligations(doc, DocumentHeader(date="2027-04-12"))
    assert _due_and_rule(_with(obs, "giáo viên dạy giỏi")) == (None, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=18")
    assert _due_and_rule(_with(obs, "kỹ năng số")) == ("2028-08-30", None)


def test_a_rule_of_some_months_with_a_day_and_no_year_gives_the_day_in_each_round():
    obs, _ = _run("""
    Công an huyện báo cáo định kỳ 6 tháng, 1 năm về Ủy ban nhân dân huyện (báo cáo 6 tháng trước ngày 10/6).
    Định kỳ hằng quý, Phòng Tài chính - Kế hoạch báo cáo tình hình giải ngân trước ngày 20/3.
    """, date="2027-03-02")
    assert _due_and_rule(_with(obs, "Công an huyện")) == (None, "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10")
    assert _due_and_rule(_with(obs, "giải ngân")) == (None, "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20")


# --------------------------------------------------------------------------
# 6. The start of a span, a task done already, and a due label with a clock time
# --------------------------------------------------------------------------


def test_the_start_of_a_span_is_no_due_date_whatever_stands_between():
    # a weekday or a clock time between the start and its end; the end word "trước" instead of "đến"
    assert _d("Thời gian nhận đơn: từ ngày 04/01/2028 (thứ Ba) đến ngày 21/01/2028.", "2027-12-20") == [
        ("2028-01-21", "date")]
    assert _d("Các hộ kinh doanh nộp tờ khai từ 7 giờ 30 ngày 04/01/2028 đến 17 giờ ngày 21/01/2028.", "2027-12-20") == [
        ("2028-01-21", "date")]
    assert _d("- Thời gian tiếp nhận: từ 8:00 ngày 04/01/2028 trước 17:00 ngày 21/01/2028;", "2027-12-20") == [
        ("2028-01-21", "date")]
    # a start alone stays no due date, and a due date after a start keeps its own
    assert _d("Quy chế này áp dụng từ ngày 04/01/2028.", "2027-12-20") == []
    assert _d("Các xã triển khai từ ngày 04/01/2028 và báo cáo kết quả trước ngày 21/01/2028.", "2027-12-20") == [
        ("2028-01-21", "date")]


def test_a_due_label_naming_what_is_handed_in_times_its_value():
    assert _d("Hạn nộp bài dự thi: 15/3/2028.", "2027-12-20") == [("2028-03-15", "date")]
    assert _d("- Hạn đăng ký: từ 01/3/2028 - 20/3/2028", "2027-12-20") == [("2028-03-20", "date")]
    assert _d("Hạn gửi hồ sơ: trước 16:30 ngày 20/3/2028.", "2027-12-20") == [("2028-03-20", "date")]


def test_a_task_done_already_gives_no_due_date():
    assert _d("Đề án chuyển đổi số của huyện (đã hoàn thành trong quý I/2028) được triển khai tiếp.", "2028-04-10") == []
    assert _d("Quy chế phối hợp đã hoàn thành trước ngày 15/3/2028.", "2028-04-10") == []
    # the same words for a task ahead
    assert _d("Các phòng hoàn thành quy chế phối hợp trong quý II/2028.", "2028-04-10") == [("2028-06-30", "quarter")]
    assert _d("Các đơn vị đã được giao chỉ tiêu hoàn thành trước ngày 15/6/2028.", "2028-04-10") == [("2028-06-15", "date")]


# --------------------------------------------------------------------------
# 7. A meeting named as where an instruction was given, or what a sentence follows, times no task
# --------------------------------------------------------------------------


def test_a_meeting_where_something_was_said_is_no_due_time():
    assert _d("Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại cuộc họp vào ngày 10/9/2027, Sở Tài chính đề nghị "
              "các đơn vị rà soát kinh phí.", "2027-09-20") == []
    assert _d("Căn cứ kết luận tại phiên họp thường kỳ của UBND huyện vào tháng 8/2027, Phòng Y tế hướng dẫn các trạm "
              "y tế triển khai.", "2027-09-20") == []
    assert _d("Các nhiệm vụ đã được giao tại buổi họp giao ban vào ngày 12/9/2027 cần được triển khai ngay.",
              "2027-09-20") == []
    # a task to be done at a meeting keeps its time
    assert _d("Phòng Nội vụ trình phương án sắp xếp tại cuộc họp Thường trực UBND huyện vào ngày 05/10/2027.",
              "2027-09-20") == [("2027-10-05", "date")]


# --------------------------------------------------------------------------
# 8. A due field line: the task card it closes, across a field whose value is a list; and with no doer anywhere
# --------------------------------------------------------------------------


def test_a_card_time_field_after_a_listed_field_times_the_card_task():
    obs, _ = _run("""
    II. NHIỆM VỤ CỤ THỂ
    2.1. Nhiệm vụ: Khảo sát nhu cầu đào tạo nghề cho lao động nông thôn.
    - Cơ quan chủ trì: Sở Nội vụ.
    - Cơ quan phối hợp: Hội Nông dân tỉnh.
    - Sản phẩm:
     + Báo cáo khảo sát.
     + Danh mục nghề đào tạo.
    - Thời gian hoàn thành: Quý III/2028.
    """, date="2027-12-01")
    o = _with(obs, "Cơ quan chủ trì: Sở Nội vụ")
    assert o.deadline.date == "2028-09-30"
    assert [u.name for u in o.units if u.role == "lead"] == ["Sở Nội vụ"]
    assert sum(1 for x in obs if x.deadline) == 1


def test_a_due_field_naming_no_doer_anywhere_keeps_its_due_date():
    obs, _ = _run("""
    THÔNG BÁO
    Về việc tổ chức kỳ thi năng lực ngoại ngữ tháng 3 năm 2028
    1. Thông tin chung
    - Thời hạn nộp hồ sơ và lệ phí: Từ 10/01/2028 đến 21/01/2028
    - Số lượng: tối đa 500 người dự thi.
    """, date="2027-12-20")
    assert [(o.deadline.date, o.units) for o in obs if o.deadline] == [("2028-01-21", [])]


# --------------------------------------------------------------------------
# 9. A date a year or more before the document's own date is a past event it tells of, never a due date it sets
# --------------------------------------------------------------------------


def test_a_date_long_before_the_document_is_no_due_date():
    # a letter of September 2029 telling the story of a project
    assert _d("Dự án được cấp phép ngày 02/4/2026 đến 02/4/2027 là đủ 12 tháng nhưng chủ đầu tư chưa khởi công.",
              "2029-09-05") == []
    assert _d("Sau thông báo ngày 10/6/2027 đến 15/8/2028 công ty mới ký hợp đồng thi công.", "2029-09-05") == []
    # a due date a few months before the document (a text signed late) is kept, and so is one ahead
    assert _d("Các xã gửi báo cáo trước ngày 15/6/2029.", "2029-09-05") == [("2029-06-15", "date")]
    assert _d("Các xã gửi báo cáo trước ngày 15/10/2029.", "2029-09-05") == [("2029-10-15", "date")]
    # with no full date of the document, nothing is dropped
    assert _d("Các xã gửi báo cáo trước ngày 15/6/2027.", "2029") == [("2027-06-15", "date")]


# --------------------------------------------------------------------------
# 10. The span a report covers, then the report's own limit in the same sentence
# --------------------------------------------------------------------------


def test_the_span_a_report_covers_is_no_due_date_beside_the_reports_own_limit():
    assert _d("Các phường thống kê danh sách hộ kinh doanh đăng ký mới từ ngày 01/7/2028 đến ngày 30/9/2028, gửi Chi cục "
              "Thuế chậm nhất ngày 10/10/2028.", "2028-06-01") == [("2028-10-10", "date")]
    assert _d("Trung tâm Y tế tổng hợp, báo cáo các ca bệnh ghi nhận từ 01/01/2028 đến 30/6/2028 về Sở Y tế trước ngày "
              "15/7/2028.", "2028-06-01") == [("2028-07-15", "date")]
    # a span the task itself runs, then a second task's limit: two due dates
    assert _d("Các trường tổ chức hội thi từ ngày 01/10/2028 đến ngày 20/10/2028 và gửi kết quả trước ngày 30/10/2028.",
              "2028-06-01") == [("2028-10-20", "date"), ("2028-10-30", "date")]
    # a window to report in, with no other limit: due at its end
    assert _d("Các xã báo cáo từ ngày 01/10/2028 đến ngày 15/10/2028.", "2028-06-01") == [("2028-10-15", "date")]


# --------------------------------------------------------------------------
# 11. A bracket closing a later sentence of an item times the item's task
# --------------------------------------------------------------------------


def test_a_closing_bracket_with_a_due_time_times_the_task_of_its_paragraph():
    obs, _ = _run("""
    2.13. Giao Thanh tra Sở:
    - Tiếp tục triển khai các đoàn kiểm tra nội bộ còn lại theo kế hoạch năm 2027. Đặc biệt lưu ý đẩy nhanh tiến độ 05 đoàn kiểm tra đột xuất. Lưu ý lựa chọn cách thức kiểm tra, kịp thời chấn chỉnh sai phạm (hoàn thành trong tháng 11/2027).
    - Tập trung giải quyết đơn thư khiếu nại đúng thời hạn.
    - Rà soát quy trình tiếp công dân. Chú trọng đối thoại với người dân (thứ Năm hằng tuần).
    """, date="2027-10-10")
    assert _with(obs, "đoàn kiểm tra nội bộ").deadline.date == "2027-11-30"
    assert _with(obs, "đơn thư khiếu nại").deadline is None
    assert _with(obs, "tiếp công dân").deadline is None


# --------------------------------------------------------------------------
# 12. A limit on a validity, a use or a loan is no task's due date
# --------------------------------------------------------------------------


def test_the_term_of_a_validity_or_a_use_is_no_due_date():
    assert _d("- Thời hạn sử dụng: đến hết ngày 31/12/2029.", "2028-03-01") == []
    assert _d("- Thời hạn hiệu lực của giấy phép: 31/12/2029.", "2028-03-01") == []
    assert _d("Giấy phép có thời hạn sử dụng đến hết ngày 31/12/2029.", "2028-03-01") == []
    # the limits of a task keep theirs
    assert _d("- Thời hạn nộp hồ sơ: 31/12/2028.", "2028-03-01") == [("2028-12-31", "date")]
    assert _d("Thời hạn: đến hết ngày 31/12/2028.", "2028-03-01") == [("2028-12-31", "date")]
    assert _d("Các đơn vị hoàn thành, đưa công trình vào sử dụng trước ngày 30/6/2028.", "2028-03-01") == [
        ("2028-06-30", "date")]


# --------------------------------------------------------------------------
# 13. A due field's label may run long before its colon
# --------------------------------------------------------------------------


def test_a_due_field_with_a_long_label_keeps_its_due_date():
    line = "- Thời hạn nộp hồ sơ đăng ký dự thi và lệ phí thi trực tuyến: Từ 10/01/2028 đến 21/01/2028"
    obs, _ = _run(f"""
    THÔNG BÁO
    1. Kế hoạch tổ chức thi
    {line}
    - Số lượng: tối đa 800 người dự thi.
    """, date="2027-12-20")
    assert [o.deadline.date for o in obs if o.deadline] == ["2028-01-21"]


def test_a_rate_of_lateness_is_no_recurring_duty():
    # "mỗi ngày trễ trừ 5%" says what each day of delay costs; the duty is the one-off submission
    from extractors.recurrence import find_recurrences

    for text in ("Nộp hồ sơ về Phòng Đào tạo đúng hạn, mỗi ngày trễ bị trừ 2% điểm thi đua.",
                 "Đơn vị nộp chậm thì mỗi tháng chậm nộp tính thêm 0,05%.",
                 "Mỗi ngày quá hạn bị xử lý theo quy chế."):
        assert find_recurrences(text) == [], text
    assert [r.recurrence.rrule for r in find_recurrences("Các khoa báo cáo hằng ngày về Phòng Y tế.")] == ["FREQ=DAILY"]
