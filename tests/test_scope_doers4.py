"""Duties whose sentence names no doer (issue 10, item 6): the items of a dated schedule.

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied from a gold
file or a corpus document.  Each test holds a shape of Vietnamese administrative text, never one wording.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _texts(obs) -> list[str]:
    return [o.source_text for o in obs]


# --------------------------------------------------------------------------
# "Xét" with the act it decides opens a task as any other verb of a task ("4. Xét công nhận … trước ngày …",
# "c) Xét tuyển … chậm nhất ngày …"); "Xét đề nghị / Xét Tờ trình / Xét thấy" of a preamble never does
# --------------------------------------------------------------------------

_DECIDE_ITEMS = """
QUYẾT ĐỊNH:
Điều 1. Ban hành lịch công tác tuyển sinh năm 2031 của tỉnh như sau:
1. Khai giảng khóa học: Ngày 03/9/2031.
2. Xét tuyển bổ sung các lớp nghề trước ngày 15/8/2031.
3. Xét công nhận danh hiệu lao động tiên tiến cho học viên chậm nhất ngày 20/6/2032.
4. Nghiệm thu công trình trường học trước ngày 30/7/2031.
Điều 2. Giao Giám đốc Sở Nội vụ tổ chức thực hiện.
"""


def test_an_item_opening_with_xet_and_its_act_is_a_dated_task():
    obs, _ = obligations_and_units(_DECIDE_ITEMS, type="Quyết định", issuer="Ủy ban nhân dân tỉnh Hòa Bình")
    ob = holding(obs, "Xét tuyển bổ sung")
    assert ob.deadline is not None and ob.deadline.date == "2031-08-15"
    ob = holding(obs, "Xét công nhận danh hiệu")
    assert ob.deadline is not None and ob.deadline.date == "2032-06-20"
    # the items around it are read as before
    assert holding(obs, "Nghiệm thu công trình").deadline.date == "2031-07-30"


def test_xet_of_a_preamble_is_no_task():
    text = """
Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 02/3/2031;
Xét hồ sơ đề nghị tuyển sinh bổ sung của các trường, hoàn thành trước ngày 10/3/2031;
Xét thấy cần thiết phải điều chỉnh lịch tuyển sinh trước ngày 01/4/2031.
QUYẾT ĐỊNH:
Điều 1. Điều chỉnh lịch tuyển sinh năm 2031.
"""
    obs, _ = obligations_and_units(text, type="Quyết định", issuer="Ủy ban nhân dân tỉnh Hòa Bình")
    assert not [t for t in _texts(obs) if t.startswith("Xét")]


# --------------------------------------------------------------------------
# A school term named with its number is a phase of the schedule, as "Đợt 1:" / "Giai đoạn II:" are: "- Học kỳ I:
# Bắt đầu từ …; kết thúc trước ngày …" is one dated task, due at its end
# --------------------------------------------------------------------------

_TERMS = """
QUYẾT ĐỊNH:
Điều 1. Ban hành khung thời gian năm học 2031-2032 như sau:
1. Tựu trường: Ngày 25/8/2031.
2. Tổ chức dạy học theo hai học kỳ, cụ thể:
- Học kỳ I: Bắt đầu từ ngày 08/9/2031; kết thúc trước ngày 17/01/2032.
- Học kỳ 2: Bắt đầu sau kỳ nghỉ Tết; kết thúc chương trình trước ngày 28/5/2032.
Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo tổ chức thực hiện.
"""


def test_a_school_term_with_its_end_is_a_dated_task():
    obs, _ = obligations_and_units(_TERMS, type="Quyết định", issuer="Ủy ban nhân dân tỉnh Lai Châu")
    ob = holding(obs, "Học kỳ I:")
    assert ob.deadline is not None and ob.deadline.date == "2032-01-17"
    ob = holding(obs, "Học kỳ 2:")
    assert ob.deadline is not None and ob.deadline.date == "2032-05-28"


def test_a_term_mentioned_in_a_sentence_is_no_phase():
    text = """
III. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo tổng hợp kết quả học kỳ I của các trường, báo cáo trước ngày 25/01/2032.
2. Học kỳ I năm nay có 18 tuần thực học.
"""
    obs, _ = obligations_and_units(text, type="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Lai Châu")
    assert [o.deadline.date for o in obs if o.deadline] == ["2032-01-25"]
    assert not [t for t in _texts(obs) if t.startswith("2. Học kỳ")]


# --------------------------------------------------------------------------
# "Chỉ đạo Sở X <verb> …" with no doer above it (a notice of conclusions, a letter's items): the body directed does
# the task; the one who directs it, when the letter is sent to it, is implied
# --------------------------------------------------------------------------

_CONCLUSIONS = """
THÔNG BÁO
Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về công tác phòng, chống thiên tai
Sau khi nghe báo cáo, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:
1. Ghi nhận kết quả công tác phòng, chống thiên tai thời gian qua.
2. Chỉ đạo Sở Nông nghiệp và Môi trường tổ chức kiểm tra các hồ chứa nước trước ngày 15/5/2031.
3. Chỉ đạo Ủy ban nhân dân các huyện rà soát phương án sơ tán dân cư vùng ven sông.
4. Chỉ đạo chung về công tác cứu hộ thuộc Ban Chỉ huy tỉnh.
"""


def test_an_item_directing_a_named_body_is_its_task():
    obs, _ = obligations_and_units(_CONCLUSIONS, type="Thông báo", issuer="Ủy ban nhân dân tỉnh Điện Biên")
    ob = holding(obs, "Chỉ đạo Sở Nông nghiệp")
    assert [u.name for u in ob.units] == ["Sở Nông nghiệp và Môi trường"]
    assert ob.deadline is not None and ob.deadline.date == "2031-05-15"
    ob = holding(obs, "Chỉ đạo Ủy ban nhân dân các huyện")
    assert [u.name for u in ob.units] == ["Ủy ban nhân dân các huyện"]
    # (no body named after "Chỉ đạo", no task's verb after the names: no task)
    assert not [t for t in _texts(obs) if "Chỉ đạo chung" in t]


def test_the_addressee_who_directs_is_implied():
    text = """
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Thực hiện chỉ đạo của Thủ tướng Chính phủ về bảo đảm an toàn thực phẩm dịp Tết Nguyên đán năm 2031.
1. Chỉ đạo Sở Công Thương phối hợp với các cơ quan liên quan kiểm tra các chợ đầu mối trước ngày 20/01/2031.
"""
    obs, _ = obligations_and_units(text, type="Công văn", issuer="Bộ Y tế",
                                   recipients=["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])
    ob = holding(obs, "Chỉ đạo Sở Công Thương")
    got = {u.name: u.implied for u in ob.units}
    assert got.get("Sở Công Thương") is False
    assert got.get("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương") is True
    assert ob.deadline is not None and ob.deadline.date == "2031-01-20"
