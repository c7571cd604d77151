"""Deadlines whose doer the context gives (issue 10, classes 1, 4, 6, 8).

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied from a gold
file or a corpus document.  Each test holds a shape of a task that names no doer of its own, or of a time that
belongs to a scope rather than to each line under it.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _names(ob) -> list[str]:
    return [u.name for u in ob.units]


def _dated(obs) -> list[tuple[str, str]]:
    return [(o.deadline.date, o.source_text) for o in obs if o.deadline is not None and o.deadline.date]


# --------------------------------------------------------------------------
# A phase of a plan with its window: one dated task, not one per line under it
# --------------------------------------------------------------------------


def test_a_phase_heading_is_one_dated_task_its_items_do_not_repeat_its_window():
    obs, _ = obligations_and_units("""
    I. NỘI DUNG VÀ THỜI GIAN
    Việc rà soát chia thành hai đợt:
    1. Đợt 1: Từ ngày 03/3/2027 đến ngày 28/3/2027:
    a) Nội dung rà soát:
    - Kiểm tra việc niêm yết danh sách hộ cận nghèo tại nhà văn hóa thôn.
    - Kiểm tra việc cấp thẻ bảo hiểm y tế cho người cao tuổi.
    b) Nội dung giám sát:
    - Giám sát việc chi trả trợ cấp xã hội cho người khuyết tật.
    2. Đợt 2: Từ ngày 05/5/2027 đến ngày 20/5/2027:
    - Kiểm tra việc sửa chữa nhà văn hóa các thôn.
    - Giám sát việc sử dụng quỹ khuyến học của xã.
    """, date="2027-02-10", type="Kế hoạch")
    dated = _dated(obs)
    assert [d for d, _s in dated] == ["2027-03-28", "2027-05-20"], dated
    assert "Đợt 1" in dated[0][1] and "Đợt 2" in dated[1][1]
    # the lines under a phase are still its tasks, with no due date of their own
    assert holding(obs, "quỹ khuyến học").deadline is None


def test_phases_listed_under_a_time_field_each_give_their_end():
    obs, _ = obligations_and_units("""
    II. LỊCH TRÌNH
    2. Tập huấn cho cán bộ thôn về quản lý hồ sơ đất đai
    * Thời gian thực hiện:
    + Đợt một: trong khoảng từ ngày 02/6/2028 đến ngày 09/6/2028.
    + Đợt hai (bổ sung): trong tháng 9/2028.
    + Giai đoạn cuối: Sau khi hoàn thành đợt hai.
    """, date="2028-04-02", type="Kế hoạch")
    assert [d for d, _s in _dated(obs)] == ["2028-06-09", "2028-09-30"]


def test_a_phase_under_a_lead_in_takes_the_lead_in_body():
    obs, _ = obligations_and_units("""
    Phòng Văn hóa - Thông tin huyện tổ chức tuyên truyền theo các đợt sau:
    - Đợt 1: Trong tháng 10/2029.
    - Đợt 2: Từ ngày 01/11/2029 đến ngày 15/11/2029.
    """, date="2029-09-01", type="Kế hoạch")
    o = holding(obs, "Đợt 2")
    assert o.deadline.date == "2029-11-15" and _names(o) == ["Phòng Văn hóa - Thông tin huyện"]
    assert holding(obs, "Đợt 1").deadline.date == "2029-10-31"


def test_a_quarter_heading_still_dates_each_task_of_the_schedule():
    obs, _ = obligations_and_units("""
    II. LỊCH TRÌNH THỰC HIỆN
    1. Quý II năm 2030:
    1.1. Ban hành quy chế phối hợp giữa các phòng chuyên môn.
    1.2. Tổ chức hội nghị sơ kết công tác dân vận.
    """, date="2030-03-01", type="Kế hoạch")
    assert [d for d, _s in _dated(obs)] == ["2030-06-30", "2030-06-30"]


# --------------------------------------------------------------------------
# A time field under a numbered task that names no doer: the task's due date, kept
# --------------------------------------------------------------------------


def test_a_time_field_under_a_numbered_item_times_that_item():
    obs, _ = obligations_and_units("""
    III. NỘI DUNG KIỂM TRA
    1. Kiểm tra việc lập sổ theo dõi hộ kinh doanh tại các chợ
    - Việc ghi chép sổ theo dõi hằng ngày;
    - Việc lưu trữ chứng từ thu phí.
    * Thời gian thực hiện: Trong khoảng thời gian từ ngày 04/4/2027 đến ngày 11/4/2027.
    2. Giám sát việc thu gom rác thải tại các điểm tập kết
    * Thời gian triển khai: Từ tháng 5/2027 đến quý III/2027.
    3. Thời gian thực hiện Đề án: Từ năm 2027 đến năm 2030.
    """, date="2027-03-01", type="Kế hoạch")
    o = holding(obs, "ngày 11/4/2027")
    assert o.deadline.date == "2027-04-11" and o.action.startswith("Kiểm tra việc lập sổ theo dõi")
    o = holding(obs, "quý III/2027")
    assert o.deadline.date == "2027-09-30" and o.action.startswith("Giám sát việc thu gom")
    assert not [o for o in obs if "năm 2030" in o.source_text and o.deadline is not None]


def test_a_time_field_in_a_letter_goes_to_its_addressees():
    obs, _ = obligations_and_units("""
    Để chuẩn bị tổng kết công tác khuyến nông, Sở Nông nghiệp đề nghị các đơn vị lưu ý một số nội dung sau:
    1. Tổng hợp mô hình trình diễn có hiệu quả của địa phương.
    - Thời gian thực hiện: từ ngày 10/10/2028 đến ngày 25/10/2028.
    """, date="2028-10-02", type="Công văn", recipients=["Phòng Kinh tế các huyện", "Trung tâm Dịch vụ nông nghiệp"])
    o = holding(obs, "25/10/2028")
    assert o.deadline.date == "2028-10-25"
    assert sorted(_names(o)) == ["Phòng Kinh tế các huyện", "Trung tâm Dịch vụ nông nghiệp"]


# --------------------------------------------------------------------------
# The bottom of the scope stack: a plan sent to nobody is its issuer's own
# --------------------------------------------------------------------------

_PLAN = """
II. NỘI DUNG, TIẾN ĐỘ THỰC HIỆN
1. Tập huấn kỹ năng vận động quần chúng cho chi hội trưởng
- Thời gian hoàn thành: tháng 4/2028.
2. Kiểm tra hoạt động của các chi hội ở thôn
* Thời gian thực hiện: Từ ngày 02/5/2028 đến ngày 16/5/2028.
3. Phát động cuộc thi ảnh đẹp nông thôn mới
- Thời hạn nộp ảnh dự thi: trước ngày 30/6/2028.
"""


def test_a_plan_sent_to_nobody_gives_its_unnamed_dated_tasks_to_its_issuer():
    obs, _ = obligations_and_units(_PLAN, date="2028-03-01", type="Kế hoạch", issuer="Hội Nông dân xã Tân Phú")
    for words, date in (("tháng 4/2028", "2028-04-30"), ("16/5/2028", "2028-05-16")):
        o = holding(obs, words)
        assert o.deadline.date == date and _names(o) == ["Hội Nông dân xã Tân Phú"] and all(u.implied for u in o.units)
    # what the contestants hand in is not the issuer's task
    assert _names(holding(obs, "nộp ảnh dự thi")) == []


def test_a_decision_approving_a_plan_or_a_letter_gives_no_issuer():
    obs, _ = obligations_and_units(_PLAN, date="2028-03-01", type="Quyết định", issuer="Ủy ban nhân dân xã Tân Phú")
    assert _names(holding(obs, "tháng 4/2028")) == []
    obs, _ = obligations_and_units(_PLAN, date="2028-03-01", type="Kế hoạch", issuer="Ủy ban nhân dân xã Tân Phú",
                                   recipients=["Hội Nông dân xã", "Đoàn Thanh niên xã"])
    assert sorted(_names(holding(obs, "16/5/2028"))) == ["Hội Nông dân xã", "Đoàn Thanh niên xã"]


def test_a_card_whose_time_comes_before_its_role_lines_is_one_task():
    obs, _ = obligations_and_units("""
    II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG THỰC HIỆN
    1.1. Xây dựng quy chế phối hợp với các chi hội ở thôn.
    - Thời gian hoàn thành: tháng 3/2027.
    - Đơn vị chủ trì: Đồng chí Phó Chủ tịch phụ trách công tác tổ chức.
    - Đơn vị phối hợp: Các đồng chí Ủy viên Ban Thường vụ.
    1.2. Tổ chức hội nghị tập huấn cho chi hội trưởng.
    - Thời gian hoàn thành: Quý II/2027.
    - Đơn vị chủ trì: Văn phòng Hội.
    """, date="2027-01-10", type="Kế hoạch", issuer="Hội Nông dân xã Tân Phú")
    o = holding(obs, "Quý II/2027")
    assert o.deadline.date == "2027-06-30" and _names(o) == ["Văn phòng Hội"]
    # a role held by a person's title alone names no body: its label ("Đơn vị") is no doer
    assert not [o for o in obs if "Đơn vị" in _names(o)]
    assert _names(holding(obs, "tháng 3/2027")) == ["Hội Nông dân xã Tân Phú"]


def test_a_plan_charging_a_body_with_carrying_it_out_gives_that_body_the_unnamed_tasks():
    obs, _ = obligations_and_units("""
    II. NỘI DUNG VÀ TIẾN ĐỘ
    1. Tổ chức hội nghị tổng kết phong trào thi đua năm 2028
    - Thời gian hoàn thành: tháng 12/2028.
    2. Xét tặng danh hiệu cho các tập thể tiêu biểu
    - Thời gian hoàn thành: Quý IV/2028.
    III. TỔ CHỨC THỰC HIỆN
    1. Giao Sở Nội vụ chủ trì, hướng dẫn Hội đồng Thi đua các huyện thực hiện các nhiệm vụ được giao tại Kế hoạch này.
    2. Các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện Kế hoạch.
    """, date="2028-02-01", type="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Sơn Hà")
    o = holding(obs, "tháng 12/2028")
    assert o.deadline.date == "2028-12-31" and _names(o) == ["Sở Nội vụ"] and all(u.implied for u in o.units)
    assert _names(holding(obs, "Quý IV/2028")) == ["Sở Nội vụ"]


def test_an_item_opening_with_a_task_and_giving_its_limit_is_kept():
    obs, _ = obligations_and_units("""
    2. Tổ chức các hội nghị của Ban Chấp hành
    - Tài liệu phục vụ hội nghị gồm dự thảo báo cáo và chương trình công tác.
    (1) Tổ chức hội nghị lần thứ nhất: Chậm nhất ngày 12/01/2029 (theo quy chế làm việc).
    (2) Tổ chức hội nghị lần thứ hai: chậm nhất ngày 20/6/2029.
    - Giám sát việc lấy ý kiến cử tri tại các thôn (từ 04/02/2029 đến 08/02/2029).
    """, date="2028-12-01", type="Thông báo", issuer="Hội Cựu chiến binh xã Tân Phú")
    assert [d for d, _s in _dated(obs)] == ["2029-01-12", "2029-06-20"]


def test_nothing_above_the_addressees_is_a_task():
    # a PDF header band read column by column: the subject's second line ("Hội Nông dân tỉnh tổ chức …") stands
    # before "Kính gửi:", after the right column; the body starts after the addressees
    from extractors.header import extract_header
    from extractors.obligations import extract_obligations
    from header_helpers import MOTTO, doc_of

    lines = ("HỘI NÔNG DÂN TỈNH NAM SƠN", "Số: 41/HND-TG", "V/v hưởng ứng cuộc thi do",
             "Hội Nông dân tỉnh tổ chức năm 2031", "Kính gửi:", *MOTTO, "Nam Sơn, ngày 2 tháng 3 năm 2031",
             "- Hội Nông dân các huyện;", "- Hội Nông dân thành phố Nam Sơn.",
             "Đề nghị Hội Nông dân các huyện báo cáo danh sách dự thi trước ngày 20/3/2031.")
    doc = doc_of(*lines)
    obs, _ = extract_obligations(doc, extract_header(doc))
    assert [o.action[:9] for o in obs] == ["báo cáo d"]
    assert [u.name for u in obs[0].units] == ["Hội Nông dân các huyện"]
