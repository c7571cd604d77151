"""Who does the tasks nobody names: the scope a task stands in and the doer its sentence gives (issue 10,
classes 1, 4, 6, 7).

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied from a gold
file or a corpus document.  Each test holds a shape of Vietnamese administrative text, never one wording.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _names(ob) -> list[str]:
    return [u.name for u in ob.units]


# --------------------------------------------------------------------------
# The bottom of the scope stack: a plan sent to nobody is its issuer's own only when it is its own work
# --------------------------------------------------------------------------

# a province's plan that charges a dozen bodies by name; three items of one part name no doer of their own
_DIRECTING_PLAN = """
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Giao thông vận tải rà soát hệ thống biển báo trên các tuyến đường tỉnh, hoàn thành trước ngày 30/6/2029.
2. Sở Tài chính bố trí kinh phí sửa chữa cầu yếu trong dự toán năm 2029.
3. Công an tỉnh tăng cường tuần tra, xử lý vi phạm tải trọng xe.
4. Sở Văn hóa, Thể thao và Du lịch tuyên truyền về an toàn giao thông tại các khu du lịch.
5. Sở Y tế bảo đảm cấp cứu tai nạn trên các tuyến quốc lộ.
6. Sở Giáo dục và Đào tạo đưa nội dung an toàn giao thông vào hoạt động ngoại khóa.
7. Ban Quản lý các khu công nghiệp vận động doanh nghiệp đưa đón công nhân bằng xe tập thể.
8. Báo Sơn Hà mở chuyên mục phản ánh điểm đen giao thông.
9. Đài Phát thanh và Truyền hình tỉnh phát các phóng sự về văn hóa giao thông.
10. Sở Xây dựng kiểm tra các công trình thi công trên đường đang khai thác.
11. Bộ Chỉ huy Quân sự tỉnh phối hợp bảo đảm giao thông trong các đợt diễn tập.
12. Hội Liên hiệp Phụ nữ tỉnh vận động hội viên đội mũ bảo hiểm cho trẻ em.
13. Điều phối chung
a) Ủy ban nhân dân các huyện, thị xã quán triệt Kế hoạch đến cán bộ cơ sở.
b) Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.
c) Thường xuyên kiểm tra việc lắp đặt đèn tín hiệu tại các nút giao, hoàn thành trước ngày 15/9/2029.
d) Nhân rộng các mô hình cổng trường an toàn giao thông, hoàn thành trước ngày 30/11/2029.
"""


def test_a_plan_naming_many_doers_leaves_its_stray_unnamed_items_with_no_unit():
    obs, _ = obligations_and_units(_DIRECTING_PLAN, date="2029-02-10", type="Kế hoạch",
                                   issuer="Ủy ban nhân dân tỉnh Sơn Hà")
    # the named tasks keep their doers
    assert _names(holding(obs, "rà soát hệ thống biển báo")) == ["Sở Giao thông vận tải"]
    # a stray item among named ones is no task of the issuer, nor of the body following the plan up
    for words in ("15/9/2029", "30/11/2029"):
        o = holding(obs, words)
        assert o.deadline is not None and _names(o) == [], (words, _names(o))


def test_a_plan_that_is_its_own_work_still_gives_its_unnamed_tasks_to_its_issuer():
    # a sub-committee's schedule of its own campaign: few doers named, most items name none
    obs, _ = obligations_and_units("""
    II. NỘI DUNG VÀ THỜI GIAN
    1. Biên soạn tài liệu hỏi đáp về bầu cử cho các thôn.
    - Thời gian hoàn thành: tháng 1/2029.
    2. In và cấp phát áp phích, khẩu hiệu cho các điểm bỏ phiếu.
    - Thời gian hoàn thành: trước ngày 20/02/2029.
    3. Văn phòng Đảng ủy phối hợp bố trí xe loa lưu động.
    4. Tổng hợp kết quả tuyên truyền, báo cáo Ủy ban bầu cử xã.
    - Thời gian hoàn thành: trước ngày 25/3/2029.
    """, date="2028-12-20", type="Kế hoạch", issuer="Tiểu ban Tuyên truyền bầu cử xã Đông Hòa")
    for words in ("tháng 1/2029", "20/02/2029", "25/3/2029"):
        assert _names(holding(obs, words)) == ["Tiểu ban Tuyên truyền bầu cử xã Đông Hòa"], words


# --------------------------------------------------------------------------
# A role line after the items of a heading: their doers, given once below them
# --------------------------------------------------------------------------

_PROGRAMME = """
III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Nâng cao nhận thức về tiết kiệm nước
- Tuyên truyền thường xuyên trên loa truyền thanh về sử dụng nước tiết kiệm.
- Đưa nội dung bảo vệ nguồn nước vào sinh hoạt định kỳ của các chi bộ.
Trách nhiệm chỉ đạo thực hiện: Ban Tuyên giáo Huyện ủy; Đảng ủy các xã.
2. Đầu tư hạ tầng cấp nước
- Rà soát các công trình cấp nước tập trung xuống cấp, hoàn thành trước ngày 30/9/2030.
- Ưu tiên vốn sửa chữa cho các xã vùng cao.
Trách nhiệm thực hiện: Ủy ban nhân dân huyện.
3. Phát triển nguồn nhân lực ngành nước
- Đào tạo lại công nhân vận hành trạm bơm.
"""


def test_a_role_line_after_bullets_gives_them_its_bodies():
    obs, _ = obligations_and_units(_PROGRAMME, date="2030-01-05", type="Chương trình", issuer="Huyện ủy Tân Lạc")
    for words in ("loa truyền thanh", "sinh hoạt định kỳ"):
        assert sorted(_names(holding(obs, words))) == ["Ban Tuyên giáo Huyện ủy", "Đảng ủy các xã"], words
    o = holding(obs, "cấp nước tập trung")
    assert o.deadline.date == "2030-09-30" and _names(o) == ["Ủy ban nhân dân huyện"]
    assert _names(holding(obs, "vốn sửa chữa")) == ["Ủy ban nhân dân huyện"]
    # the role line is no task of its own, and a bullet no role line follows stays no task
    assert not [o for o in obs if o.source_text.startswith("Trách nhiệm")]
    assert not [o for o in obs if "công nhân vận hành" in o.source_text]


# --------------------------------------------------------------------------
# The wrong actor: the one who hands a task on is not its doer
# --------------------------------------------------------------------------


def test_the_body_a_task_is_delegated_to_does_it():
    obs, _ = obligations_and_units("""
    Ủy ban nhân dân tỉnh ủy quyền cho Sở Công Thương chủ trì, phối hợp với các đơn vị liên quan dự hội nghị xúc tiến thương mại.
    Ban Chỉ đạo uỷ quyền Văn phòng Điều phối tổng hợp ý kiến các thành viên, gửi trước ngày 12/3/2028.
    """, date="2028-03-01", type="Công văn", issuer="Ủy ban nhân dân tỉnh Hòa Sơn")
    o = holding(obs, "xúc tiến thương mại")
    assert _names(o)[0] == "Sở Công Thương" and "Ủy ban nhân dân tỉnh" not in _names(o)
    o = holding(obs, "12/3/2028")
    assert _names(o) == ["Văn phòng Điều phối"] and o.deadline.date == "2028-03-12"


def test_an_opening_clause_with_no_comma_before_the_body_that_gives_the_order():
    obs, _ = obligations_and_units("""
    Sau khi xem xét Chủ tịch Ủy ban nhân dân tỉnh giao Sở Xây dựng chủ trì kiểm tra hiện trạng cầu treo, báo cáo trước ngày 20/6/2027.
    Trên cơ sở đề xuất của các huyện Giám đốc Sở Tài chính yêu cầu các phòng tài chính rà soát số dư tạm ứng.
    """, date="2027-05-02", type="Công văn", issuer="Ủy ban nhân dân tỉnh Hòa Sơn")
    o = holding(obs, "cầu treo")
    assert _names(o) == ["Sở Xây dựng"] and o.deadline.date == "2027-06-20"
    assert _names(holding(obs, "số dư tạm ứng")) == ["Các phòng tài chính"]


# --------------------------------------------------------------------------
# "X phân công / giao nhiệm vụ cho Y như sau:": the items are Y's
# --------------------------------------------------------------------------


def test_items_of_an_order_naming_its_bodies_before_the_colon_are_theirs():
    obs, _ = obligations_and_units("""
    Ban Chỉ đạo phòng chống thiên tai huyện (gọi tắt là Ban Chỉ đạo) thống nhất phân công nhiệm vụ cho các thành viên như sau:
    I. Nhiệm vụ chung
    1. Hướng dẫn cơ quan nơi công tác triển khai phương án ứng phó bão lũ.
    2. Báo cáo tình hình cho Thường trực Ban Chỉ đạo trước ngày 25/10/2029.
    II. Nhiệm vụ cụ thể
    1. Phòng Nông nghiệp huyện theo dõi mực nước các hồ chứa.
    """, date="2029-09-01", type="Thông báo", issuer="Ban Chỉ đạo phòng chống thiên tai huyện Tân Lạc")
    assert _names(holding(obs, "phương án ứng phó")) == ["Các thành viên"]
    o = holding(obs, "25/10/2029")
    assert _names(o) == ["Các thành viên"] and o.deadline.date == "2029-10-25"
    assert _names(holding(obs, "mực nước")) == ["Phòng Nông nghiệp huyện"]
    obs, _ = obligations_and_units("""
    Sở Y tế giao nhiệm vụ cho các bệnh viện tuyến tỉnh như sau:
    1. Rà soát cơ số thuốc dự phòng cho mùa mưa lũ.
    """, date="2029-09-01", type="Công văn", issuer="Sở Y tế tỉnh Hòa Sơn")
    assert _names(holding(obs, "cơ số thuốc")) == ["Các bệnh viện tuyến tỉnh"]


def test_a_proposal_put_to_the_body_that_decides_is_the_proposers_task():
    obs, _ = obligations_and_units("""
    2. Phòng Kinh tế huyện
    - Thống kê diện tích lúa bị ngập sau bão.
    - Đề xuất Ủy ban nhân dân huyện xem xét, hỗ trợ giống lúa cho các hộ bị thiệt hại.
    - Kiến nghị Sở Tài chính cho phép sử dụng quỹ dự phòng.
    """, date="2029-09-01", type="Kế hoạch", issuer="Ủy ban nhân dân huyện Tân Lạc",
        recipients=["Phòng Kinh tế huyện"])
    for words in ("hỗ trợ giống lúa", "quỹ dự phòng"):
        assert _names(holding(obs, words)) == ["Phòng Kinh tế huyện"], words
    # an order to a body ("Đề nghị Sở X xem xét …") is still that body's task
    obs, _ = obligations_and_units("Đề nghị Sở Tài chính xem xét, bố trí kinh phí cho các xã vùng lũ.",
                                   date="2029-09-01", type="Công văn", issuer="Ủy ban nhân dân huyện Tân Lạc")
    assert _names(holding(obs, "vùng lũ")) == ["Sở Tài chính"]


# --------------------------------------------------------------------------
# Not tasks: the closing formula said to the addressees at large
# --------------------------------------------------------------------------


def test_a_closing_formula_to_the_bodies_at_large_is_no_task():
    obs, _ = obligations_and_units("""
    1. Phòng Tài nguyên và Môi trường kiểm tra các bãi tập kết cát trái phép, báo cáo trước ngày 30/11/2029.
    Căn cứ nội dung chỉ đạo trên, các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện./.
    """, date="2029-11-02", type="Công văn", issuer="Ủy ban nhân dân huyện Tân Lạc")
    assert [o.deadline and o.deadline.date for o in obs] == ["2029-11-30"]
    obs, _ = obligations_and_units(
        "Ủy ban nhân dân huyện yêu cầu các phòng, ban, các xã nghiêm túc thực hiện những nội dung nêu trên.",
        date="2029-11-02", type="Công văn", issuer="Ủy ban nhân dân huyện Tân Lạc")
    assert obs == []
    # a task of its own words stays one, whoever it is said to
    obs, _ = obligations_and_units("Các cơ quan, đơn vị rà soát danh sách cán bộ đủ điều kiện nghỉ hưu.",
                                   date="2029-11-02", type="Công văn", issuer="Ủy ban nhân dân huyện Tân Lạc")
    assert len(obs) == 1

