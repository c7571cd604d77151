"""The document's scope structure and the sentence's actors (issue 10, classes 1, 4, 6, 7, 8, 10).

Every sentence here is invented for the test (bodies, places and dates are made up); none is
copied from a gold file or a corpus document.  Each test holds a shape the prose reader missed:
a lead-in, heading or article title naming the doer of the items below it (whatever their first
word), bullets nested by their marks, the doer named after an order or behind a comma-set phrase,
a bare due-date line for the task above it.
"""

from __future__ import annotations

from extractors.obligations import extract_obligations
from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from obligation_helpers import holding, obligations_and_units


def _run(text: str, **hdr):
    return obligations_and_units(text, **hdr)


def _names(ob) -> list[str]:
    return [u.name for u in ob.units]


_with = holding


_ADDRESSEES = ["Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân các huyện, thị xã"]


# --------------------------------------------------------------------------
# 1. A subject given once, for the items below it
# --------------------------------------------------------------------------


def test_unlabeled_duty_leadin_gives_its_bullets_to_the_body():
    obs, units = _run("""
    Ban Dân tộc tỉnh có trách nhiệm:
    - Hướng dẫn các xã vùng cao lập danh sách hộ cần hỗ trợ nước sinh hoạt.
    - Tổng hợp nhu cầu gửi Ủy ban nhân dân tỉnh trước ngày 12/12/2025.
    """, date="2025-10-01")
    assert _names(_with(obs, "nước sinh hoạt")) == ["Ban Dân tộc tỉnh"]
    o = _with(obs, "Tổng hợp nhu cầu")
    assert _names(o) == ["Ban Dân tộc tỉnh"] and o.deadline.date == "2025-12-12"
    assert all(u.implied for u in o.units)


def test_order_naming_only_the_body_then_colon():
    obs, _ = _run("""
    Đề nghị Sở Văn hóa, Thể thao và Du lịch:
    - Chỉ đạo Thư viện tỉnh mở rộng giờ phục vụ bạn đọc.
    - Gửi kế hoạch về Ủy ban nhân dân tỉnh trong tháng 11/2025.
    """, date="2025-10-01")
    assert _names(_with(obs, "giờ phục vụ"))[:1] == ["Sở Văn hóa, Thể thao và Du lịch"]
    o = _with(obs, "Gửi kế hoạch")
    assert _names(o) == ["Sở Văn hóa, Thể thao và Du lịch"] and o.deadline.date == "2025-11-30"


def test_items_under_a_duty_article_are_tasks_whatever_their_first_word():
    obs, _ = _run("""
    Điều 6. Nhiệm vụ của Ủy ban nhân dân cấp huyện
    1. Phê duyệt danh sách hộ được hỗ trợ sửa nhà trước ngày 31/3/2026.
    2. Niêm yết công khai danh sách tại nhà văn hóa thôn.
    """, date="2025-10-01")
    o = _with(obs, "sửa nhà")
    assert _names(o) == ["Ủy ban nhân dân cấp huyện"] and o.deadline.date == "2026-03-31"
    assert _names(_with(obs, "Niêm yết")) == ["Ủy ban nhân dân cấp huyện"]


def test_unit_heading_gives_its_unlabeled_paragraphs_and_collective_heading_the_addressees():
    obs, _ = _run("""
    Căn cứ Kế hoạch số 15/KH-UBND, Ủy ban nhân dân huyện yêu cầu:
    1. Các cơ quan, đơn vị
    Niêm yết số điện thoại đường dây nóng tại trụ sở.
    2. Ủy ban nhân dân các xã, thị trấn
    Cập nhật bộ thủ tục hành chính cấp xã trước ngày 10/12/2025.
    """, date="2025-10-01", issuer="Ủy ban nhân dân huyện", recipients=_ADDRESSEES)
    o = _with(obs, "đường dây nóng")
    assert _names(o) == _ADDRESSEES and all(u.implied for u in o.units)
    o2 = _with(obs, "bộ thủ tục")
    assert _names(o2) == ["Ủy ban nhân dân các xã, thị trấn"] and o2.deadline.date == "2025-12-10"


def test_plus_bullets_nest_under_dash_bullets_that_name_the_doer():
    obs, _ = _run("""
    3. Trách nhiệm của các phòng chuyên môn
    - Phòng Nông nghiệp:
    + Theo dõi diễn biến dịch hại trên cây lúa.
    + Hướng dẫn nông dân vệ sinh đồng ruộng.
    - Phòng Kinh tế và Hạ tầng:
    + Kiểm tra giá vật tư nông nghiệp.
    """, date="2025-10-01")
    assert _names(_with(obs, "dịch hại")) == ["Phòng Nông nghiệp"]
    assert _names(_with(obs, "vệ sinh đồng ruộng")) == ["Phòng Nông nghiệp"]
    assert _names(_with(obs, "vật tư nông nghiệp")) == ["Phòng Kinh tế và Hạ tầng"]


def test_numbered_heading_with_an_order_and_capital_unit_headings():
    obs, _ = _run("""
    III. TỔ CHỨC THỰC HIỆN
    1. BAN CHỈ HUY QUÂN SỰ HUYỆN
    - Tổ chức huấn luyện lực lượng dân quân thường trực.
    2. Đề nghị Hội Liên hiệp Phụ nữ huyện
    - Vận động hội viên tham gia phân loại rác tại nguồn.
    """, date="2025-10-01")
    o = _with(obs, "dân quân")
    assert [n.lower() for n in _names(o)] == ["ban chỉ huy quân sự huyện"]
    assert _names(_with(obs, "phân loại rác")) == ["Hội Liên hiệp Phụ nữ huyện"]


def test_a_capital_heading_that_names_no_body_gives_no_doer():
    obs, _ = _run("""
    1. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức của người dân về an toàn giao thông.
    """, date="2025-10-01")
    assert all(not o.units for o in obs)


def test_execution_clause_with_semicolons_and_category_members():
    obs, units = _run("""
    Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Nội vụ, Tư pháp, Công Thương; Chủ tịch Ủy ban nhân dân thành phố Tân Hòa và Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./.
    """, date="2025-10-01")
    assert len(obs) == 1
    names = _names(obs[0])
    for n in ("Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương",
              "Ủy ban nhân dân thành phố Tân Hòa"):
        assert n in names, names


# --------------------------------------------------------------------------
# 4. Collective subjects pointing at the addressees
# --------------------------------------------------------------------------


def test_quy_so_after_the_issuers_request_is_the_addressees():
    obs, _ = _run("""
    Sở Y tế đề nghị Quý Sở cung cấp số liệu tiêm chủng trước ngày 15/11/2025.
    """, date="2025-10-01", recipients=_ADDRESSEES, issuer="Sở Y tế")
    o = _with(obs, "tiêm chủng")
    assert _names(o) == _ADDRESSEES and o.deadline.date == "2025-11-15"


def test_a_request_to_care_and_cooperate_is_a_closing_formula():
    obs, _ = _run("""
    Sở Nội vụ đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.
    """, date="2025-10-01", recipients=_ADDRESSEES, issuer="Sở Nội vụ")
    assert obs == []


# --------------------------------------------------------------------------
# 6. Phrases between the subject and its verb; due dates on their own line
# --------------------------------------------------------------------------


def test_comma_set_phrase_and_dash_appositive_between_subject_and_verb():
    obs, _ = _run("""
    Ủy ban nhân dân các phường, căn cứ tình hình thực tế, chủ động bố trí lực lượng trực bão.
    Sở Tài chính, cơ quan thường trực Hội đồng định giá đất, chủ trì tổ chức phiên họp thẩm định.
    Sở Kế hoạch và Đầu tư - cơ quan thường trực của Tổ công tác chủ trì tổng hợp báo cáo trước ngày 05/12/2025.
    """, date="2025-10-01")
    assert _names(_with(obs, "trực bão")) == ["Ủy ban nhân dân các phường"]
    assert _names(_with(obs, "phiên họp thẩm định")) == ["Sở Tài chính"]
    o = _with(obs, "tổng hợp báo cáo")
    assert _names(o) == ["Sở Kế hoạch và Đầu tư"] and o.deadline.date == "2025-12-05"


def test_time_line_under_a_task_is_its_due_date():
    obs, _ = _run("""
    2. Ủy ban nhân dân các huyện
    - Tổ chức kiểm tra các cơ sở giết mổ gia súc.
    - Thời gian thực hiện: từ ngày 01/11/2025 đến ngày 30/11/2025.
    """, date="2025-10-01")
    o = _with(obs, "giết mổ")
    assert o.deadline is not None and o.deadline.date == "2025-11-30"
    assert _names(o) == ["Ủy ban nhân dân các huyện"]


# --------------------------------------------------------------------------
# 7. The right actor
# --------------------------------------------------------------------------


def test_topic_then_order_after_a_colon():
    obs, _ = _run("""
    3. Về kiến nghị của Ủy ban nhân dân huyện Đông Sơn: giao Sở Tài chính xem xét, tham mưu.
    """, date="2025-10-01")
    o = _with(obs, "giao Sở Tài chính")
    assert _names(o)[:1] and _names(o)[0].startswith("Sở Tài chính")
    assert not any("Đông Sơn" in n for n in _names(o))


def test_a_person_named_by_title_after_an_order():
    obs, _ = _run("""
    Phân công đồng chí Phó Chủ tịch Ủy ban nhân dân huyện phụ trách khối văn xã chỉ đạo thực hiện.
    """, date="2025-10-01", recipients=_ADDRESSEES)
    o = _with(obs, "chỉ đạo thực hiện")
    assert o.units and all(not u.implied for u in o.units)
    assert "Sở Nội vụ" not in _names(o)


def test_the_body_an_order_asks_to_assign_does_the_task_too():
    obs, _ = _run("""
    Đề nghị Ủy ban nhân dân tỉnh giao Sở Xây dựng lập quy hoạch chung đô thị mới (hoàn thành trước ngày 31/3/2026).
    """, date="2025-10-01")
    o = _with(obs, "quy hoạch chung")
    assert "Sở Xây dựng" in _names(o) and o.deadline.date == "2026-03-31"


def test_issuer_introducing_its_orders_after_a_purpose_clause_is_no_doer():
    obs, _ = _run("""
    Nhằm tăng cường an toàn thông tin mạng, Bộ trưởng Bộ Khoa học và Công nghệ yêu cầu:
    1. Các cục, vụ thuộc Bộ rà soát hệ thống thông tin theo cấp độ.
    2. Triển khai giám sát an toàn thông tin 24/7.
    """, date="2025-10-01", issuer="Bộ Khoa học và Công nghệ")
    for o in obs:
        assert "Bộ Khoa học và Công nghệ" not in _names(o), _names(o)


# --------------------------------------------------------------------------
# 10. Reports: recommendations
# --------------------------------------------------------------------------


def test_report_recommendation_opening_with_kien_nghi():
    doc_text = """
    I. KẾT QUẢ
    Năm 2025, Sở đã tổ chức 12 cuộc thanh tra.
    II. ĐỀ XUẤT, KIẾN NGHỊ
    1. Kiến nghị Ủy ban nhân dân tỉnh bổ sung biên chế cho Thanh tra Sở.
    2. Đề xuất Bộ Nội vụ sớm hướng dẫn chế độ phụ cấp công vụ.
    """
    obs, _ = _run(doc_text, type="Báo cáo", type_code="BC", date="2025-12-10")
    assert _names(_with(obs, "biên chế")) == ["Ủy ban nhân dân tỉnh"]
    assert _names(_with(obs, "phụ cấp công vụ")) == ["Bộ Nội vụ"]
    assert not any("đã tổ chức" in o.source_text for o in obs)


# --------------------------------------------------------------------------
# What items under a lead-in are not: report contents, conditions, the issuer's address line
# --------------------------------------------------------------------------


def test_items_that_describe_a_reports_contents_are_no_tasks():
    obs, _ = _run("""
    Để chuẩn bị sơ kết, Văn phòng Bộ đề nghị Sở Giao thông vận tải các tỉnh báo cáo các nội dung sau:
    1. Nội dung báo cáo
    - Việc bố trí nhân lực cho công tác đăng kiểm;
    - Tình hình cấp giấy phép lái xe năm 2025;
    - Các khó khăn, vướng mắc và kiến nghị.
    """, date="2025-10-01", issuer="Văn phòng Bộ")
    assert not any(o.source_text.lstrip("- ").startswith(("Việc", "Tình hình", "Các khó khăn", "1. Nội dung"))
                   for o in obs), [o.source_text for o in obs]


def test_a_condition_after_a_task_is_no_task_of_its_own():
    obs, _ = _run("""
    1. Công ty Cổ phần Môi trường Đô thị rà soát phương án thu gom rác. Trường hợp đủ điều kiện thì đề xuất mở rộng tuyến thu gom trong năm 2026.
    """, date="2025-10-01")
    assert len(obs) == 1 and obs[0].deadline is None


def test_the_issuers_address_line_heads_nothing_and_addressees_point_at_their_words():
    doc_text = """
    BỘ TRƯỞNG BỘ CÔNG THƯƠNG điện:
    - Giám đốc Sở Công Thương các tỉnh, thành phố;
    - Tổng công ty Điện lực miền Bắc.
    Đề nghị các đồng chí chỉ đạo bảo đảm cung ứng điện trong dịp Tết, báo cáo trước ngày 20/01/2026.
    """
    blocks = [Paragraph(line.strip()) for line in doc_text.strip().splitlines() if line.strip()]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=blocks).reindex()
    from core.model import Loc
    hdr = DocumentHeader(date="2026-01-05", issuer="Bộ Công Thương",
                         recipients=["Giám đốc Sở Công Thương các tỉnh, thành phố", "Tổng công ty Điện lực miền Bắc"],
                         locs={"recipients": Loc(block=0, start=0, end=len(blocks[0].text))})
    obs, _ = extract_obligations(doc, hdr)
    assert len(obs) == 1, [o.source_text for o in obs]
    o = obs[0]
    assert o.deadline.date == "2026-01-20" and all(u.implied for u in o.units)
    for u in o.units:
        assert doc.blocks[u.loc.block].text[u.loc.start:u.loc.end] == u.raw


def test_leadin_whose_subjects_carry_bracketed_asides():
    obs, _ = _run("""
    Sở Tư pháp (cơ quan thường trực Hội đồng) và Sở Nội vụ (Ban Thi đua - Khen thưởng) có trách nhiệm:
    - Thẩm định hồ sơ đề nghị khen thưởng cấp tỉnh.
    """, date="2025-10-01")
    o = _with(obs, "Thẩm định hồ sơ")
    assert _names(o) == ["Sở Tư pháp", "Sở Nội vụ"]


def test_the_body_asked_to_direct_another_acts_with_it():
    obs, _ = _run("""
    Sở Văn hóa đề nghị Ủy ban nhân dân các huyện chỉ đạo các phòng chuyên môn thống kê di tích xuống cấp, gửi về Sở trước ngày 30/11/2025.
    """, date="2025-11-01", issuer="Sở Văn hóa")
    o = _with(obs, "di tích")
    assert _names(o)[:2] == ["Ủy ban nhân dân các huyện", "Các phòng chuyên môn"] and o.deadline.date == "2025-11-30"


def test_an_adverbial_opening_an_item_under_a_unit_heading():
    obs, _ = _run("""
    4. Ủy ban nhân dân các phường
    Căn cứ Kế hoạch này, xây dựng kế hoạch của địa phương, hoàn thành trước ngày 31/12/2025.
    """, date="2025-11-01")
    o = _with(obs, "kế hoạch của địa phương")
    assert _names(o) == ["Ủy ban nhân dân các phường"] and o.deadline.date == "2025-12-31"


def test_a_recurring_report_with_no_subject_goes_to_the_addressees():
    obs, _ = _run("""
    Báo cáo định kỳ hằng tháng gửi về Sở Nội vụ trước ngày 25 hằng tháng.
    """, date="2025-10-01", recipients=_ADDRESSEES, issuer="Sở Nội vụ")
    assert len(obs) == 1
    o = obs[0]
    assert o.recurrence is not None and o.recurrence.rrule.startswith("FREQ=MONTHLY")
    assert _names(o) == _ADDRESSEES and all(u.implied for u in o.units)


def test_an_aside_with_no_comma_before_it_between_subject_and_verb():
    obs, _ = _run("""
    Bộ Y tế căn cứ tình hình thực tế, bố trí lực lượng kiểm dịch tại các cửa khẩu.
    Ủy ban nhân dân các xã theo dõi, đôn đốc việc thực hiện.
    """, date="2025-10-01")
    assert _names(_with(obs, "kiểm dịch")) == ["Bộ Y tế"]
    assert _with(obs, "đôn đốc").action.startswith("theo dõi")


def test_narration_of_what_was_done_under_a_unit_heading_is_no_task():
    obs, _ = _run("""
    1. Phòng Văn hóa và Thông tin
    Năm 2025, đã tham mưu tổ chức 08 lễ hội truyền thống.
    Đã kiểm tra 15 cơ sở kinh doanh dịch vụ karaoke.
    """, date="2025-10-01")
    assert obs == [], [o.source_text for o in obs]


def test_a_body_checking_a_thing_itself_leads_and_one_following_up_others_monitors():
    obs, _ = _run("""
    1. Phòng Vật tư kiểm tra kho hóa chất, báo cáo kết quả về Ban Giám đốc trước ngày 12/5/2025.
    2. Giao Văn phòng Sở đôn đốc các đơn vị thực hiện nghiêm túc Kế hoạch này.
    3. Tổ Kiểm soát nội bộ theo dõi, kiểm tra việc triển khai thực hiện của các phòng.
    """)
    roles = {o.units[0].name: o.units[0].role for o in obs}
    assert roles["Phòng Vật tư"] == "lead"
    assert roles["Văn phòng Sở"] == "monitor"
    assert roles["Tổ Kiểm soát nội bộ"] == "monitor"


# --------------------------------------------------------------------------
# Short letters: the address list, the issuer's stance, the order after the summary
# --------------------------------------------------------------------------


def test_an_address_list_read_as_prose_names_no_doer():
    # the header found no Kính gửi list (a scan): its lines, broken and between the motto and the date, are
    # still the address, and the narration after them is nobody's task
    obs, units = _run("""
    Kính gửi:
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Lâm Đồng, ngày 14 tháng 5 năm 2025
    - Báo Cao Nguyên; Đài Phát
    thanh - Truyền hình tỉnh;
    - Các cơ quan báo chí Trung ương và địa phương
    khác hoạt động trên địa bàn tỉnh.
    Ngày 02 tháng 5 năm 2025, Sở Du lịch đã gửi văn bản số 41/SDL về lịch đón đoàn.
    Sở Du lịch xin lỗi các cơ quan báo chí vì sự nhầm lẫn này.
    """, date="2025-05-14", issuer="Sở Du lịch")
    assert obs == [], [(o.source_text, [u.name for u in o.units]) for o in obs]
    assert units == []


def test_an_order_after_the_address_list_goes_on_being_read():
    obs, _ = _run("""
    Kính gửi:
    - Phòng Giáo dục huyện Lạc Sơn;
    - Phòng Giáo dục huyện Kim Bôi.
    Phòng Giáo dục huyện Lạc Sơn rà soát số phòng học tạm, gửi về Sở trước ngày 06/6/2025.
    """, date="2025-05-20", issuer="Sở Giáo dục")
    o = _with(obs, "phòng học tạm")
    assert _names(o) == ["Phòng Giáo dục huyện Lạc Sơn"] and o.deadline.date == "2025-06-06"


def test_the_issuers_agreement_and_submission_are_no_tasks():
    obs, _ = _run("""
    Sau khi nghiên cứu, Trung tâm Quy hoạch nông thôn cơ bản thống nhất với nội dung dự thảo.
    Trung tâm Quy hoạch nông thôn kính báo cáo Sở Xây dựng xem xét, tổng hợp./.
    """, date="2025-05-20", issuer="Trung tâm Quy hoạch nông thôn")
    assert obs == [], [o.source_text for o in obs]


def test_an_order_after_the_closing_summary_is_a_task():
    obs, _ = _run("""
    Trên đây là kết quả kiểm tra công tác phòng cháy quý II/2025, đề nghị các trường mầm non khắc phục tồn tại, báo cáo về Phòng trước ngày 15/7/2025.
    Trên đây là nội dung thông báo, đề nghị các đơn vị nghiêm túc thực hiện./.
    """, date="2025-06-30", issuer="Phòng Giáo dục")
    assert len(obs) == 1, [o.source_text for o in obs]
    o = obs[0]
    assert _names(o) == ["Các trường mầm non"] and o.deadline.date == "2025-07-15"


# --------------------------------------------------------------------------
# A period set once for the items below: a report's tasks ahead, a plan's quarters
# --------------------------------------------------------------------------


def _run_with_issuer_line(text: str, **hdr):
    from core.model import Loc
    blocks = [Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=blocks).reindex()
    obs, units = extract_obligations(doc, DocumentHeader(locs={"issuer": Loc(block=0)}, **hdr))
    return doc, obs, units


def test_a_reports_tasks_ahead_are_the_issuers_due_at_the_month_of_their_heading():
    doc, obs, _ = _run_with_issuer_line("""
    CHI CỤC THỦY LỢI
    I. KẾT QUẢ THỰC HIỆN THÁNG 8
    1. Chi cục đã kiểm tra 14 công trình đầu mối.
    II. NHIỆM VỤ TRỌNG TÂM THÁNG 9
    - Kiểm tra an toàn các hồ chứa trước mùa mưa lũ.
    - Hướng dẫn các hợp tác xã nạo vét kênh nội đồng.
    - Trình Sở phương án cấp nước vụ đông trước ngày 18/9/2025.
    """, type="Báo cáo", type_code="BC", date="2025-08-29", issuer="Chi cục Thủy lợi")
    assert not any("đã kiểm tra" in o.source_text for o in obs)
    o = _with(obs, "hồ chứa")
    assert _names(o) == ["Chi cục Thủy lợi"] and all(u.implied for u in o.units)
    assert o.deadline.date == "2025-09-30" and o.deadline.text == "THÁNG 9"
    # provenance: the issuer at its words in the header, the month at the heading's words
    u = o.units[0]
    assert doc.blocks[u.loc.block].text[u.loc.start:u.loc.end] == u.raw == "CHI CỤC THỦY LỢI"
    dl = o.deadline.loc
    assert doc.blocks[dl.block].text[dl.start:dl.end] == "THÁNG 9"
    assert _with(obs, "nạo vét").deadline.date == "2025-09-30"
    assert _with(obs, "cấp nước vụ đông").deadline.date == "2025-09-18"  # its own date first


def test_a_reports_leadin_of_its_own_tasks_gives_them_its_month():
    obs, _ = _run("""
    II. CHƯƠNG TRÌNH CÔNG TÁC THÁNG 12
    Trong tháng 12/2025, Ban Quản lý rừng phòng hộ tập trung thực hiện một số nhiệm vụ sau:
    1. Chỉ đạo các trạm bảo vệ rừng tăng cường tuần tra.
    2. Tổ chức nghiệm thu diện tích rừng trồng năm 2025.
    """, type="Báo cáo", type_code="BC", date="2025-11-28", issuer="Ban Quản lý rừng phòng hộ")
    o = _with(obs, "tuần tra")
    assert _names(o)[:2] == ["Ban Quản lý rừng phòng hộ", "Các trạm bảo vệ rừng"] and o.deadline.date == "2025-12-31"
    o2 = _with(obs, "nghiệm thu")
    assert _names(o2) == ["Ban Quản lý rừng phòng hộ"] and o2.deadline.date == "2025-12-31"
    assert not any(o.source_text.startswith("Trong tháng 12/2025") for o in obs)


def test_a_quarter_heading_dates_its_items_and_an_own_date_line_replaces_it():
    obs, _ = _run("""
    Giao Văn phòng Sở chủ trì thực hiện các nội dung sau:
    1. Quý I năm 2026:
    1.1. Ban hành kế hoạch kiểm tra công vụ;
    1.2. Tổ chức tập huấn nghiệp vụ văn thư. Hoàn thành trước ngày 20/02/2026.
    2. Quý II năm 2026:
    2.1. Sơ kết công tác cải cách hành chính 6 tháng đầu năm.
    """, date="2025-12-20", issuer="Sở Nội vụ")
    o = _with(obs, "kiểm tra công vụ")
    assert _names(o) == ["Văn phòng Sở"] and o.deadline.date == "2026-03-31"
    assert _with(obs, "văn thư").deadline.date == "2026-02-20"
    assert _with(obs, "Sơ kết").deadline.date == "2026-06-30"
    assert len(obs) == 3, [o.source_text for o in obs]


def test_a_header_line_beside_the_motto_and_a_last_short_addressee_are_no_tasks():
    obs, units = _run("""
    TRƯỜNG CAO ĐẲNG NGHỀ MIỀN TÂY    Độc lập - Tự do - Hạnh phúc
    Kính gửi: - Phòng Đào tạo;
    - Các khoa chuyên môn và tổ bộ môn trực thuộc.
    Tiếp tục thực hiện Kế hoạch năm học 2025-2026 của Trường.
    """, date="2025-09-10", issuer="Trường Cao đẳng nghề Miền Tây")
    assert obs == [], [(o.source_text, [u.name for u in o.units]) for o in obs]


def test_a_time_clause_before_the_subject_closed_by_a_comma_or_by_thi():
    obs, _ = _run("""
    1. Khi nhận được hồ sơ, Phòng Quản trị thiết bị sẽ kiểm tra và bàn giao máy cho đơn vị.
    2. Khi chấm xong thì Phòng Khảo thí gửi bảng điểm về Khoa trước ngày 30/6/2025.
    """, date="2025-06-01")
    assert _names(_with(obs, "bàn giao máy")) == ["Phòng Quản trị thiết bị"]
    o = _with(obs, "bảng điểm")
    assert _names(o) == ["Phòng Khảo thí"] and o.deadline.date == "2025-06-30"


def test_an_order_in_the_sentence_after_the_closing_summary():
    obs, _ = _run("""
    Trên đây là quy trình xét học bổng học kỳ I. Kính đề nghị các đơn vị có liên quan phổ biến đến sinh viên và gửi danh sách về Phòng Công tác sinh viên trước ngày 12/12/2025.
    """, date="2025-11-20", issuer="Trường Đại học Biển Đông", recipients=["Các khoa", "Phòng Kế hoạch - Tài chính"])
    o = _with(obs, "phổ biến đến sinh viên")
    assert _names(o) == ["Các khoa", "Phòng Kế hoạch - Tài chính"] and all(u.implied for u in o.units)
    assert o.deadline.date == "2025-12-12"


def test_an_order_after_an_opening_clause_on_receiving_the_letter():
    obs, _ = _run("""
    Nhận được công văn này, đề nghị các trung tâm y tế huyện triển khai ngay, báo cáo kết quả trước ngày 14/11/2025.
    Ngay sau khi kết thúc đợt kiểm tra, các trạm y tế xã khắc phục tồn tại được chỉ ra.
    Nếu đơn vị có nhu cầu điều chỉnh số liệu, đề nghị liên hệ bà Lê Thị Hoa để được hướng dẫn.
    """, date="2025-11-01", issuer="Sở Y tế")
    o = _with(obs, "triển khai ngay")
    assert _names(o) == ["Các trung tâm y tế huyện"] and o.deadline.date == "2025-11-14"
    assert _names(_with(obs, "khắc phục tồn tại")) == ["Các trạm y tế xã"]
    assert not any("liên hệ" in o.source_text for o in obs)


def test_a_heading_naming_principles_and_requirements_is_no_order():
    obs, _ = _run("""
    Điều 3. Nguyên tắc, yêu cầu quản lý kho lưu trữ chuyên dụng
    """, date="2025-11-01")
    assert obs == []


def test_a_generic_subject_under_a_leadin_restates_its_doers():
    obs, _ = _run("""
    Các trung tâm văn hóa huyện, các trung tâm thể thao huyện thực hiện tốt các nội dung sau:
    1. Tổ chức các lớp năng khiếu mùa hè cho thiếu nhi.
    2. Rà soát trang thiết bị biểu diễn. Trong quá trình thực hiện, các đơn vị cần chú ý một số việc sau:
    a) Lập danh mục thiết bị hư hỏng.
    3. Căn cứ hướng dẫn này, các đơn vị dự thi đăng ký tiết mục trước ngày 30/6/2025.
    """, date="2025-05-10")
    names = ["Các trung tâm văn hóa huyện", "Các trung tâm thể thao huyện"]
    o = _with(obs, "thiết bị hư hỏng")
    assert _names(o) == names and all(u.implied for u in o.units)
    assert _names(_with(obs, "đăng ký tiết mục")) != names  # a group of its own ("các đơn vị dự thi")


def test_a_dated_schedule_item_naming_no_doer_is_kept_with_its_period():
    obs, _ = _run("""
    II. NHIỆM VỤ CỤ THỂ
    1. Quý III năm 2026
    1.1. Tổ chức hội nghị sơ kết phong trào thi đua;
    1.2. Đã hoàn thành việc khen thưởng đợt 1.
    """, date="2026-03-02", issuer="Ủy ban nhân dân huyện")
    o = _with(obs, "sơ kết phong trào")
    assert o.units == [] and o.deadline.date == "2026-09-30"
    assert not any("Đã hoàn thành" in o.source_text for o in obs)


def test_the_issuer_issuing_the_plan_itself_is_its_preamble():
    obs, _ = _run("""
    Ủy ban nhân dân huyện ban hành kế hoạch triển khai công tác phòng chống thiên tai năm 2026/:;
    Ủy ban nhân dân huyện ban hành quy chế phối hợp với Công an huyện trước ngày 30/4/2026.
    """, date="2026-03-02", issuer="Ủy ban nhân dân huyện", type="Kế hoạch")
    assert len(obs) == 1 and "quy chế" in obs[0].source_text


def test_collective_subject_goes_to_the_address_lines_the_header_missed():
    doc_text = """
    Kính gửi:
    - Trung tâm Y tế huyện Đại Lộc;
    - Trung tâm Y tế huyện Quế Sơn.
    Đề nghị Quý đơn vị rà soát số ca bệnh tay chân miệng, báo cáo trước ngày 18/8/2025.
    Các đơn vị lập danh sách trường học có ca bệnh, cụ thể:
    + Đợt 1: Gồm các trường mầm non trên địa bàn.
    """
    blocks = [Paragraph(line.strip()) for line in doc_text.strip().splitlines() if line.strip()]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=blocks).reindex()
    obs, units = extract_obligations(doc, DocumentHeader(date="2025-08-05", issuer="Sở Y tế"))
    o = _with(obs, "tay chân miệng")
    assert _names(o) == ["Trung tâm Y tế huyện Đại Lộc", "Trung tâm Y tế huyện Quế Sơn"] and o.deadline.date == "2025-08-18"
    for u in o.units:
        assert u.implied and doc.blocks[u.loc.block].text[u.loc.start:u.loc.end] == u.raw
    assert not any("Gồm các trường" in o.source_text for o in obs)


def test_execution_clause_with_a_courtesy_title_and_a_heads_title_over_its_bodies():
    obs, _ = _run("""
    Điều 4. Các Ông, Bà Trưởng phòng: Tổ chức - Chính trị, Quản trị - Thiết bị, Đào tạo và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
    Điều 5. Trưởng phòng Nghiệp vụ Y, Thủ trưởng đơn vị có liên quan và các ông/bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
    """, date="2025-10-01")
    names = _names(_with(obs, "Điều 4."))
    for n in ("Phòng Tổ chức - Chính trị", "Phòng Quản trị - Thiết bị", "Phòng Đào tạo"):
        assert n in names, names
    assert "Phòng Nghiệp vụ Y" in _names(_with(obs, "Điều 5."))


def test_the_agent_of_do_or_of_a_passive_is_the_doer():
    obs, _ = _run("""
    Việc bố trí phòng học do Ủy ban nhân dân huyện cùng Ủy ban nhân dân xã bố trí, bảo đảm đủ 30 học viên mỗi lớp.
    Một số nội dung kỹ thuật sẽ được Hội đồng thi của Sở tiếp tục nghiên cứu, hướng dẫn các trường.
    Các biểu mẫu thực hiện theo mẫu do Bộ Tài chính ban hành.
    Giảng viên được Ban Giám hiệu phân công hướng dẫn khóa luận cho sinh viên.
    """, date="2025-10-01")
    assert _names(_with(obs, "phòng học")) == ["Ủy ban nhân dân huyện", "Ủy ban nhân dân xã"]
    assert _names(_with(obs, "nội dung kỹ thuật")) == ["Hội đồng thi của Sở"]
    assert not any("biểu mẫu" in o.source_text or "Ban Giám hiệu" in _names(o) for o in obs)


def test_a_roles_label_then_the_bodies_that_hold_it():
    obs, _ = _run("""
    3. Đơn vị phối hợp tổ chức hội thao: Các phòng chức năng thuộc Công an tỉnh.
    4. Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
    """, date="2025-10-01")
    o = _with(obs, "hội thao")
    assert [(u.name, u.role) for u in o.units] == [("Các phòng chức năng thuộc Công an tỉnh", "support")]
    o2 = _with(obs, "chủ trì")
    assert [(u.name, u.role) for u in o2.units] == [("Sở Văn hóa, Thể thao và Du lịch", "lead")]


def test_a_heading_gives_its_doer_to_the_table_of_tasks_right_under_it_and_no_further():
    from core.tables import table_from_grid
    rows = [["TT", "Nhiệm vụ", "Thời gian hoàn thành"],
            ["1", "Số hóa hồ sơ lưu trữ giai đoạn 2020-2024", "Tháng 8/2025"],
            ["2", "Rà soát danh mục thủ tục hành chính", "Tháng 9/2025"]]
    blocks = [Paragraph("II. NHIỆM VỤ CỤ THỂ"), Paragraph("1. Phòng Hành chính - Tổng hợp:"), table_from_grid(rows),
              table_from_grid([r[:] for r in rows])]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=blocks).reindex()
    obs, _ = extract_obligations(doc, DocumentHeader(date="2025-06-02"))
    first = [o for o in obs if o.loc.table == blocks[2].table_index]
    assert [(_names(o), o.deadline.date) for o in first] == [(["Phòng Hành chính - Tổng hợp"], "2025-08-31"),
                                                              (["Phòng Hành chính - Tổng hợp"], "2025-09-30")]
    assert all(u.implied and doc.blocks[u.loc.block].text[u.loc.start:u.loc.end] == u.raw for o in first for u in o.units)
    assert not [o for o in obs if o.loc.table == blocks[3].table_index and o.units]
