"""Who must act when the subject stands after an opening adjunct (issue 10): a time limit or a moment fronted
before the subject, a topic ("Đối với …") closed by a comma after a passive, by a colon, or by nothing before
the order.

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied from a gold
file or a corpus document.  Each test holds a shape of Vietnamese administrative text, never one wording.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units

_HDR = {"type": "Công văn", "issuer": "Ủy ban nhân dân tỉnh Lai Châu"}


def _lead(obs, words: str) -> list[str]:
    return [u.name for u in holding(obs, words).units]


# --------------------------------------------------------------------------
# A time limit or a moment before the subject: "Trước ngày …, Sở X gửi …", "Chậm nhất ngày …, các huyện …",
# "Trước khi …, Ban Y kiểm tra …", "Kể từ ngày …, …", "Đến hết ngày …, …"
# --------------------------------------------------------------------------

_FRONTED_TIME = """
1. Trước ngày 14/10/2033, Sở Khoa học và Công nghệ gửi báo cáo sơ kết về Ủy ban nhân dân tỉnh.
2. Chậm nhất ngày 22/10/2033, các huyện nộp danh sách học viên về Sở Lao động.
3. Trước khi khai giảng lớp học, Trung tâm Tin học tỉnh kiểm tra phòng máy tính.
4. Đến hết ngày 28/11/2033, Sở Tư pháp hoàn thành việc rà soát các quy chế phối hợp.
5. Kể từ ngày 02/12/2033, Ban Quản lý khu kinh tế tiếp nhận hồ sơ qua cổng dịch vụ công.
"""


def test_a_fronted_time_limit_leaves_the_subject_after_its_comma():
    obs, _ = obligations_and_units(_FRONTED_TIME, **_HDR)
    assert _lead(obs, "gửi báo cáo sơ kết") == ["Sở Khoa học và Công nghệ"]
    assert holding(obs, "gửi báo cáo sơ kết").deadline.date == "2033-10-14"
    assert _lead(obs, "nộp danh sách học viên") == ["Các huyện"]
    assert _lead(obs, "kiểm tra phòng máy tính") == ["Trung tâm Tin học tỉnh"]
    assert _lead(obs, "rà soát các quy chế") == ["Sở Tư pháp"]
    assert _lead(obs, "tiếp nhận hồ sơ qua cổng") == ["Ban Quản lý khu kinh tế"]


# --------------------------------------------------------------------------
# A passive whose verb follows "được" straight away names no agent: its comma closes the opening clause
# ("Đối với các đề án được bổ sung vào danh mục, đề nghị Sở X: …"); "được các cấp, các ngành …" still names an agent
# --------------------------------------------------------------------------

_PASSIVE_TOPIC = """
Điều 2. Tổ chức thực hiện
1. Đối với các công trình được bổ sung vào danh mục năm 2033, đề nghị Sở Giao thông vận tải:
a) Hướng dẫn chủ đầu tư hoàn thiện hồ sơ thiết kế bảo đảm tiến độ;
b) Gửi Sở Tài chính dự toán kinh phí chậm nhất ngày 18/9/2033.
2. Căn cứ kế hoạch được điều chỉnh tại Điều 1, Sở Văn hóa tổ chức lại lịch biểu diễn nghệ thuật.
"""


def test_a_passive_with_no_agent_closes_the_topic_before_the_order():
    obs, _ = obligations_and_units(_PASSIVE_TOPIC, type="Nghị quyết", issuer="Hội đồng nhân dân tỉnh Lai Châu")
    assert _lead(obs, "Hướng dẫn chủ đầu tư") == ["Sở Giao thông vận tải"]
    assert _lead(obs, "Gửi Sở Tài chính dự toán") == ["Sở Giao thông vận tải"]
    assert _lead(obs, "tổ chức lại lịch biểu diễn") == ["Sở Văn hóa"]


def test_an_agent_after_duoc_is_still_no_subject():
    text = "1. Đến nay, nhiệm vụ này đã được các cấp, các ngành chủ động thực hiện có hiệu quả."
    obs, _ = obligations_and_units(text, **_HDR)
    assert not [o for o in obs if any(u.name.lower().startswith("các ngành") for u in o.units)]


# --------------------------------------------------------------------------
# A topic closed by a colon ("Đối với các khoản thu khác: Sở X thực hiện …") or by no mark at all before the order
# ("Đối với hồ sơ của … đề nghị UBND các huyện xác nhận …")
# --------------------------------------------------------------------------

_TOPIC_CLOSED = """
1. Đối với các khoản phí còn lại: Sở Tài nguyên và Môi trường thực hiện theo khoản 4 Điều 6 của Quy chế thu chi.
2. Đối với hồ sơ của các trường tư thục đóng trên địa bàn đề nghị Ủy ban nhân dân các huyện xác nhận trước khi gửi về Sở Giáo dục.
3. Đối với các nội dung chưa thống nhất yêu cầu Ban Dân tộc tỉnh tổng hợp báo cáo Thường trực Ủy ban nhân dân tỉnh.
"""


def test_a_topic_closed_by_a_colon_or_by_the_order_leaves_the_doer_after_it():
    obs, _ = obligations_and_units(_TOPIC_CLOSED, **_HDR)
    assert _lead(obs, "thực hiện theo khoản 4") == ["Sở Tài nguyên và Môi trường"]
    assert _lead(obs, "xác nhận trước khi gửi") == ["Ủy ban nhân dân các huyện"]
    assert _lead(obs, "tổng hợp báo cáo Thường trực") == ["Ban Dân tộc tỉnh"]


def test_a_request_dossier_named_in_the_topic_is_no_order():
    # "hồ sơ đề nghị khen thưởng": "đề nghị" as a noun, no body after it
    text = "1. Đối với hồ sơ đề nghị khen thưởng gửi chậm, Phòng Tư pháp tổng hợp lại danh sách trước ngày 05/6/2033."
    obs, _ = obligations_and_units(text, **_HDR)
    assert _lead(obs, "tổng hợp lại danh sách") == ["Phòng Tư pháp"]


# --------------------------------------------------------------------------
# "phân công" with staff, no body, after it: the subject assigns its own staff, a task of its own ("Các khoa phân
# công cán bộ đầu mối theo dõi …"); with a body after it the body assigned does the task, as before
# --------------------------------------------------------------------------

def test_a_subject_assigning_its_own_staff_does_the_task():
    text = """
1. Các phòng chức năng phân công chuyên viên đầu mối theo dõi việc khắc phục các tồn tại sau kiểm định.
2. Ban Giám hiệu phân công Phòng Thanh tra giám sát việc chấm bài thi tự luận.
"""
    obs, _ = obligations_and_units(text, type="Kế hoạch", issuer="Trường Đại học Tây Bắc")
    assert _lead(obs, "chuyên viên đầu mối theo dõi") == ["Các phòng chức năng"]
    assert "Phòng Thanh tra" in _lead(obs, "giám sát việc chấm bài")


# --------------------------------------------------------------------------
# A report's proposals addressed "với / đối với" a body ("Kiến nghị với Bộ X:", "Đề xuất đối với UBND tỉnh:"):
# the items below are asked of that body, as under "Đề nghị Bộ X:"
# --------------------------------------------------------------------------

def test_a_proposal_addressed_with_voi_gives_the_items_below_to_its_body():
    text = """
III. ĐỀ XUẤT, KIẾN NGHỊ
1. Kiến nghị với Bộ Nông nghiệp:
- Sớm ban hành hướng dẫn về quản lý vùng trồng dược liệu tập trung.
- Hỗ trợ kinh phí xúc tiến thương mại cho các hợp tác xã dược liệu.
2. Đề xuất đối với Ủy ban nhân dân tỉnh:
- Bố trí vốn đối ứng cho dự án đường lâm nghiệp năm 2034.
"""
    obs, _ = obligations_and_units(text, type="Báo cáo", issuer="Sở Nông nghiệp tỉnh Hà Giang")
    assert _lead(obs, "vùng trồng dược liệu") == ["Bộ Nông nghiệp"]
    assert _lead(obs, "xúc tiến thương mại") == ["Bộ Nông nghiệp"]
    assert _lead(obs, "vốn đối ứng") == ["Ủy ban nhân dân tỉnh"]

