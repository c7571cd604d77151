"""Doers vanban missed on fresh documents (issue 10): shapes of plans and letters first met on dev8.

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied from a gold
file or a corpus document.  Each test holds a shape of Vietnamese administrative text, never one wording.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _texts(obs) -> list[str]:
    return [o.source_text for o in obs]


def _names(ob) -> list[str]:
    return [u.name for u in ob.units]


# --------------------------------------------------------------------------
# A role's heading alone on its line, its bodies one list a line below it ("2. Cơ quan chủ trì, phối hợp" /
# "a) Cơ quan chủ trì" / "- Sở X." …): the items of the part above it are the tasks of those bodies
# --------------------------------------------------------------------------

_ROLE_HEADINGS = """
III. CÔNG TÁC BẢO TỒN DI SẢN VĂN HÓA
1. Nội dung, biện pháp
a) Tổ chức kiểm kê các di tích lịch sử cấp tỉnh trên địa bàn;
b) Xây dựng cơ sở dữ liệu số về di tích và cổ vật.
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì
- Sở Văn hóa và Thể thao.
- Ủy ban nhân dân các huyện; Ban Quản lý di tích tỉnh.
b) Cơ quan phối hợp
- Sở Tài chính.
3. Thời gian thực hiện: Quý III/2031.
IV. CÔNG TÁC QUẢNG BÁ DU LỊCH
1. Nội dung, biện pháp
a) Tổ chức hội chợ giới thiệu sản vật địa phương;
b) Phát hành tập gấp giới thiệu các điểm đến.
2. Chủ trì thực hiện
- Sở Công Thương.
"""


def test_role_heading_gives_its_bodies_to_the_items_above_it():
    obs, _units = obligations_and_units(_ROLE_HEADINGS)
    for words in ("kiểm kê các di tích", "cơ sở dữ liệu số"):
        names = _names(holding(obs, words))
        assert "Sở Văn hóa và Thể thao" in names
        assert "Ủy ban nhân dân các huyện" in names
        assert "Sở Tài chính" in names  # the partner of the sub-heading "b) Cơ quan phối hợp"
    kk = holding(obs, "kiểm kê các di tích")
    roles = {u.name: r for u, r in zip(kk.units, [m.role for m in kk.units])}
    assert roles["Sở Văn hóa và Thể thao"] == "lead" and roles["Sở Tài chính"] == "support"
    # "2. Chủ trì thực hiện" then one body: the items of that part are its tasks
    assert "Sở Công Thương" in _names(holding(obs, "hội chợ giới thiệu sản vật"))
    assert "Sở Công Thương" in _names(holding(obs, "tập gấp giới thiệu"))
    # the role headings themselves are no tasks, and "Cơ quan" is nobody
    texts = " | ".join(_texts(obs))
    assert "Cơ quan chủ trì" not in texts and "Chủ trì thực hiện" not in texts
    assert not any("Cơ quan" == n for o in obs for n in _names(o))


def test_role_heading_time_line_gives_one_dated_entry():
    obs, _units = obligations_and_units(_ROLE_HEADINGS)
    dated = [o for o in obs if o.deadline is not None and o.deadline.date == "2031-09-30"]
    assert len(dated) == 1 and dated[0].units


def test_role_heading_with_its_bodies_on_the_sub_heading_line():
    text = """
V. BẢO ĐẢM KINH PHÍ CHO CÔNG TÁC PHÒNG CHÁY
1. Nội dung, biện pháp
a) Rà soát trang thiết bị chữa cháy hiện có tại các chợ;
b) Bổ sung bình chữa cháy cho các khu dân cư.
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì: Công an tỉnh; Sở Tài chính.
b) Cơ quan phối hợp
- Ủy ban nhân dân các xã.
"""
    obs, _units = obligations_and_units(text)
    for words in ("Rà soát trang thiết bị", "Bổ sung bình chữa cháy"):
        names = _names(holding(obs, words))
        assert "Công an tỉnh" in names and "Sở Tài chính" in names and "Ủy ban nhân dân các xã" in names
    assert not any(o.source_text.startswith("a) Cơ quan chủ trì") for o in obs)


def test_items_of_a_part_naming_no_tasks_stay_no_tasks_without_a_role_heading():
    # the items of a part whose heading names no tasks, with no role heading after them, are not given to anybody
    text = """
II. KẾT QUẢ ĐẠT ĐƯỢC
1. Về cơ sở vật chất
a) Xây dựng mới 12 phòng học tại các điểm trường vùng cao;
b) Sửa chữa hệ thống nước sạch của 5 trường.
2. Về đội ngũ
Sở Giáo dục và Đào tạo tuyển dụng bổ sung 40 giáo viên trước ngày 30/8/2031.
"""
    obs, _units = obligations_and_units(text)
    texts = " | ".join(_texts(obs))
    assert "Xây dựng mới 12 phòng học" not in texts
    assert "Sửa chữa hệ thống nước sạch" not in texts
    assert "Sở Giáo dục và Đào tạo" in _names(holding(obs, "tuyển dụng bổ sung"))


# --------------------------------------------------------------------------
# A task written as a paragraph of its own (its number alone on the line above, or under a heading), then a role
# line naming its doers ("- Cơ quan thực hiện: Sở X chủ trì, phối hợp với Sở Y.")
# --------------------------------------------------------------------------

_LOOSE_TASKS = """
II. NỘI DUNG HOẠT ĐỘNG
1. Củng cố mạng lưới y tế cơ sở
1.1.
Rà soát nhân lực của các trạm y tế xã, bổ sung bác sĩ cho các trạm còn thiếu.
- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với Sở Nội vụ và Ủy ban nhân dân các huyện.
- Thời gian thực hiện: Quý IV/2031.
2. Nâng cao chất lượng khám chữa bệnh 2.1.
Tập huấn kỹ năng sơ cứu cho nhân viên y tế thôn bản.
- Cơ quan thực hiện: Hội Chữ thập đỏ tỉnh chủ trì, phối hợp với Sở Y tế -Thời gian thực hiện: Quý II/2031.
"""


def test_a_role_line_names_the_doers_of_the_task_paragraph_above_it():
    obs, _units = obligations_and_units(_LOOSE_TASKS)
    o = holding(obs, "Rà soát nhân lực")
    assert _names(o)[0] == "Sở Y tế"
    assert "Sở Nội vụ" in _names(o) and "Ủy ban nhân dân các huyện" in _names(o)  # partners after "phối hợp với"
    assert o.deadline is not None and o.deadline.date == "2031-12-31"
    t = holding(obs, "Tập huấn kỹ năng sơ cứu")
    assert _names(t) == ["Hội Chữ thập đỏ tỉnh", "Sở Y tế"]  # the next field run on into the line is no partner
    assert t.deadline is not None and t.deadline.date == "2031-06-30"
    # the role lines are no tasks of their own, and the part's numbered headings are no tasks
    assert not any(o.source_text.startswith("- Cơ quan thực hiện") for o in obs)
    assert not any(o.source_text.startswith(("1. Củng cố", "2. Nâng cao")) for o in obs)


# --------------------------------------------------------------------------
# The one who orders is no unit of the task: a head's title ("Thủ tướng Chính phủ giao Bộ X …"), after a topic
# ("Về nội dung nêu trên, …"); "đề nghị quý Bộ …" asks the addressee
# --------------------------------------------------------------------------

def test_a_head_who_gives_a_task_is_no_doer_the_body_given_it_is():
    text = """
Kính gửi: Bộ Giao thông vận tải.
Về kiến nghị nêu trên, Thủ tướng Chính phủ giao Bộ Giao thông vận tải theo chức năng, nhiệm vụ được giao, khảo sát, đề xuất phương án nâng cấp tuyến đường ven biển.
Chủ tịch Ủy ban nhân dân tỉnh giao nhiệm vụ cho Sở Nông nghiệp kiểm tra hồ chứa nước trước mùa mưa.
"""
    obs, _units = obligations_and_units(text, recipients=["Bộ Giao thông vận tải"], issuer="Văn phòng Chính phủ")
    assert _names(holding(obs, "phương án nâng cấp tuyến đường")) == ["Bộ Giao thông vận tải"]
    assert "Sở Nông nghiệp" in _names(holding(obs, "kiểm tra hồ chứa nước"))


def test_a_topic_before_the_order_and_the_addressee_asked_collectively():
    text = """
Kính gửi: Bộ Công Thương.
Về vấn đề này, Văn phòng Chính phủ đề nghị quý Bộ khẩn trương có ý kiến về phương án điều chỉnh giá điện.
Về kinh phí, các huyện chủ động bố trí từ ngân sách địa phương.
"""
    obs, _units = obligations_and_units(text, recipients=["Bộ Công Thương"], issuer="Văn phòng Chính phủ")
    assert _names(holding(obs, "phương án điều chỉnh giá điện")) == ["Bộ Công Thương"]
    assert _names(holding(obs, "chủ động bố trí")) == ["Các huyện"]


# --------------------------------------------------------------------------
# A period opening the sentence with no comma before its subject ("Hàng tháng Phòng X …")
# --------------------------------------------------------------------------

def test_a_period_before_the_subject_with_no_comma():
    text = """
Hàng tháng Phòng Tài chính huyện căn cứ bảng kê của các xã thực hiện cấp phát kinh phí hỗ trợ.
Hằng quý Trung tâm Y tế huyện tổng hợp số ca bệnh gửi Sở Y tế.
"""
    obs, _units = obligations_and_units(text)
    o = holding(obs, "cấp phát kinh phí hỗ trợ")
    assert _names(o) == ["Phòng Tài chính huyện"] and o.recurrence is not None
    q = holding(obs, "tổng hợp số ca bệnh")
    assert _names(q) == ["Trung tâm Y tế huyện"] and q.recurrence is not None


# --------------------------------------------------------------------------
# A number and a letter in one label ("4.1.a. Sở X …"): the label is read whole, the sentence after it has its subject
# --------------------------------------------------------------------------

def test_a_numbered_and_lettered_label_is_one_label():
    text = """
3.2. Yêu cầu về chất lượng công trình:
3.2.a. Sở Giao thông vận tải thẩm định thiết kế các cầu dân sinh trước khi khởi công.
3.2.b. Ủy ban nhân dân các xã giám sát việc thi công tại địa bàn.
"""
    obs, _units = obligations_and_units(text)
    assert _names(holding(obs, "thẩm định thiết kế các cầu")) == ["Sở Giao thông vận tải"]
    assert _names(holding(obs, "giám sát việc thi công")) == ["Ủy ban nhân dân các xã"]


def test_the_items_of_a_list_of_parts_are_no_tasks():
    text = """
Ủy ban nhân dân các xã có trách nhiệm:
- Lập hồ sơ đề nghị hỗ trợ cho từng hộ, bao gồm:
+ Đơn đề nghị hỗ trợ của hộ gia đình;
+ Biên bản kiểm tra hiện trạng nhà ở (01 bản).
- Niêm yết công khai danh sách hộ được hỗ trợ tại trụ sở.
"""
    obs, _units = obligations_and_units(text)
    texts = " | ".join(_texts(obs))
    assert "Đơn đề nghị hỗ trợ của hộ" not in texts and "Biên bản kiểm tra" not in texts
    assert "Ủy ban nhân dân các xã" in _names(holding(obs, "Lập hồ sơ đề nghị hỗ trợ"))
    assert "Ủy ban nhân dân các xã" in _names(holding(obs, "Niêm yết công khai"))
