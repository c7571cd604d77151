"""Issue 10, assignments recall on unseen documents: shapes of a plan's task part that lost tasks.

Every sentence here is invented for the test (bodies, places, plans and dates are made up); none is
copied from a gold file or a corpus document.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _units(ob) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in ob.units]


# --------------------------------------------------------------------------
# Role lines after the items: "Cơ quan chủ trì: …" gives the doer of every item above it
# --------------------------------------------------------------------------


def test_a_role_line_after_lettered_items_gives_each_item_its_doers():
    obs, units = obligations_and_units(
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Phát triển mạng lưới thư viện cơ sở\n"
        "a) Rà soát, sắp xếp lại hệ thống thư viện xã theo hướng tinh gọn.\n"
        "b) Bổ sung đầu sách cho các thư viện vùng sâu, vùng xa.\n"
        "c) Tổ chức luân chuyển sách giữa các điểm thư viện trong huyện.\n"
        "Cơ quan chủ trì: Sở Văn hóa và Thể thao; UBND các huyện.\n"
        "Cơ quan phối hợp: Sở Tài chính.\n"
        "Thời gian thực hiện: Quý III/2027.\n"
        "2. Nâng cao năng lực người làm thư viện\n"
        "a) Bồi dưỡng nghiệp vụ cho cán bộ thư viện cấp xã.\n"
        "b) Biên soạn tài liệu hướng dẫn số hóa tài liệu địa chí.\n"
        "Đơn vị chủ trì: Trường Cao đẳng Văn hóa tỉnh.\n"
    )
    for words in ("Rà soát, sắp xếp lại", "Bổ sung đầu sách", "Tổ chức luân chuyển"):
        ob = holding(obs, words)
        assert _units(ob) == [("Sở Văn hóa và Thể thao", "lead"), ("Ủy ban nhân dân các huyện", "lead"),
                              ("Sở Tài chính", "support")], words
        assert ob.deadline is not None and ob.deadline.date == "2027-09-30", words
    for words in ("Bồi dưỡng nghiệp vụ", "Biên soạn tài liệu"):
        assert _units(holding(obs, words)) == [("Trường Cao đẳng Văn hóa tỉnh", "lead")], words
    # the role line is no task of its own
    assert not any(o.source_text.startswith(("Cơ quan chủ trì", "Đơn vị chủ trì")) for o in obs)
    assert {u.name for u in units} >= {"Sở Văn hóa và Thể thao", "Sở Tài chính", "Trường Cao đẳng Văn hóa tỉnh"}


def test_a_role_line_is_not_carried_to_the_items_of_the_next_heading():
    obs, _ = obligations_and_units(
        "III. GIẢI PHÁP CHỦ YẾU\n"
        "1. Về hạ tầng\n"
        "a) Nâng cấp đường giao thông nội đồng ở các xã miền núi.\n"
        "b) Cứng hóa kênh mương nội đồng bị xuống cấp ở vùng trũng.\n"
        "Cơ quan chủ trì: Sở Xây dựng.\n"
        "2. Về nguồn nhân lực\n"
        "a) Đào tạo nghề cho lao động nông thôn.\n"
        "b) Hỗ trợ chuyển đổi nghề cho người dân vùng dự án.\n"
        "3. Về vốn\n"
        "a) Huy động vốn xã hội hóa cho các công trình thủy lợi nhỏ.\n"
        "Đơn vị chủ trì: Ngân hàng Chính sách xã hội chi nhánh tỉnh.\n"
    )
    assert _units(holding(obs, "Nâng cấp đường")) == [("Sở Xây dựng", "lead")]
    assert _units(holding(obs, "Cứng hóa kênh")) == [("Sở Xây dựng", "lead")]
    # items 2.a) and 2.b) have no role line of their own: no doer, and none of 3.'s
    assert _units(holding(obs, "Đào tạo nghề")) == []
    assert _units(holding(obs, "Hỗ trợ chuyển đổi nghề")) == []
    assert _units(holding(obs, "Huy động vốn")) == [("Ngân hàng Chính sách xã hội chi nhánh tỉnh", "lead")]


# --------------------------------------------------------------------------
# A task part whose items name no doer: the tasks are kept, with no unit
# --------------------------------------------------------------------------


def test_items_of_a_task_part_naming_no_doer_are_tasks_with_no_unit():
    obs, units = obligations_and_units(
        "IV. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Hoàn thiện cơ chế quản lý\n"
        "a) Nghiên cứu, xây dựng quy chế phối hợp quản lý cụm công nghiệp.\n"
        "b) Ban hành bộ tiêu chí đánh giá hiệu quả đầu tư hạ tầng trước ngày 30/6/2027.\n"
        "c) Thu hút nhà đầu tư hạ tầng vào các cụm công nghiệp mới.\n"
        "2. Hồ sơ đề nghị công nhận cụm công nghiệp\n"
        "a) Tờ trình của Ủy ban nhân dân cấp huyện kèm bản đồ vị trí cụm.\n"
        "b) Báo cáo đánh giá tác động môi trường đã được phê duyệt.\n"
    )
    a = holding(obs, "Nghiên cứu, xây dựng quy chế")
    b = holding(obs, "Ban hành bộ tiêu chí")
    c = holding(obs, "Thu hút nhà đầu tư")
    assert _units(a) == _units(b) == _units(c) == []
    assert b.deadline is not None and b.deadline.date == "2027-06-30"
    # a short heading over items is no task
    assert not any(o.source_text.startswith("1. Hoàn thiện cơ chế") for o in obs)
    # a list of papers (nouns, its first item no verb) gives no task, though it stands in the task part
    assert not any("Tờ trình của" in o.source_text or "tác động môi trường" in o.source_text for o in obs)
    assert units == []


def test_items_outside_a_task_part_and_bullets_give_no_unitless_task():
    obs, _ = obligations_and_units(
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Nâng cao chất lượng phục vụ người dân trong giải quyết thủ tục.\n"
        "2. Bảo đảm công khai, minh bạch trong hoạt động công vụ.\n"
        "II. NHIỆM VỤ\n"
        "- Đẩy mạnh tuyên truyền về cải cách hành chính trên báo chí.\n"
        "- Tăng cường kiểm tra công vụ đột xuất.\n"
    )
    assert obs == []


def test_a_numbered_item_with_its_own_doer_is_unchanged_in_a_task_part():
    obs, _ = obligations_and_units(
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        "1. Sở Nội vụ chủ trì tổ chức thi tuyển công chức trong quý II/2027.\n"
        "2. Rà soát vị trí việc làm của các đơn vị sự nghiệp.\n"
    )
    assert _units(holding(obs, "thi tuyển công chức")) == [("Sở Nội vụ", "lead")]


# --------------------------------------------------------------------------
# The execution clause and "Giao nhiệm vụ": subject lists behind a form of address or a longer trigger
# --------------------------------------------------------------------------


def test_the_execution_clause_after_a_form_of_address_with_a_colon_gives_its_bodies():
    for opener in ("Các ông (bà):", "Các Ông/Bà:", "Ông (Bà):"):
        obs, units = obligations_and_units(
            "Điều 4. Trách nhiệm thi hành\n"
            f"{opener} Chánh Văn phòng Sở Công Thương, Giám đốc Sở Xây dựng, Trưởng Ban Quản lý chợ huyện "
            "và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
        )
        ob = holding(obs, "chịu trách nhiệm thi hành")
        names = [n for n, _r in _units(ob)]
        assert names[:2] == ["Văn phòng Sở Công Thương", "Sở Xây dựng"], (opener, names)
        assert "Các đơn vị có liên quan" in names, (opener, names)


def test_giao_nhiem_vu_names_the_doer_like_giao():
    obs, _ = obligations_and_units(
        "Giao nhiệm vụ cho Sở Giao thông vận tải lập phương án phân luồng trong dịp lễ.\n"
        "Giao nhiệm vụ Ban Quản lý các cảng cá tỉnh yêu cầu chủ tàu lắp thiết bị giám sát hành trình.\n"
    )
    assert _units(holding(obs, "phân luồng")) == [("Sở Giao thông vận tải", "lead")]
    assert ("Ban Quản lý các cảng cá tỉnh", "lead") in _units(holding(obs, "thiết bị giám sát"))


# --------------------------------------------------------------------------
# Actors the unit finder did not know: zones named as doers
# --------------------------------------------------------------------------


def test_a_heading_naming_zones_as_doers_heads_its_items():
    obs, units = obligations_and_units(
        "V. TỔ CHỨC THỰC HIỆN\n"
        "6. Các Khu kinh tế cửa khẩu\n"
        "a) Rà soát quỹ đất dành cho kho ngoại quan.\n"
        "7. Khu Công nghệ cao Hòa Lạc\n"
        "a) Xây dựng cơ chế ưu đãi thuê hạ tầng cho doanh nghiệp khởi nghiệp.\n"
    )
    assert _units(holding(obs, "kho ngoại quan")) == [("Các Khu kinh tế cửa khẩu", "lead")]
    assert _units(holding(obs, "ưu đãi thuê hạ tầng")) == [("Khu Công nghệ cao Hòa Lạc", "lead")]


def test_zones_in_lower_case_are_places_not_partners():
    obs, units = obligations_and_units(
        "Sở Công Thương phối hợp với các huyện để thu hút đầu tư vào các khu công nghiệp, khu kinh tế của tỉnh.\n"
    )
    assert [n for n, _r in _units(holding(obs, "thu hút đầu tư"))] == ["Sở Công Thương", "Các huyện"]


def test_a_board_of_zones_keeps_its_zones_in_its_name():
    obs, _ = obligations_and_units(
        "Ban Quản lý các Khu kinh tế tỉnh chủ trì kiểm tra việc xử lý nước thải của các nhà máy.\n"
    )
    assert _units(holding(obs, "nước thải")) == [("Ban Quản lý các Khu kinh tế tỉnh", "lead")]


# --------------------------------------------------------------------------
# A resolution's tasks naming no doer go to the body charged with carrying it out
# --------------------------------------------------------------------------


def _resolution(text: str):
    return obligations_and_units(text, type="Nghị quyết", type_code="NQ")


def test_a_resolutions_unnamed_tasks_go_to_the_body_charged_with_carrying_it_out():
    obs, _ = _resolution(
        "Điều 1. Nhiệm vụ trọng tâm năm 2028\n"
        "1. Đẩy nhanh tiến độ giải phóng mặt bằng các dự án giao thông trọng điểm.\n"
        "2. Nâng cao chất lượng khám chữa bệnh tại tuyến xã.\n"
        "Điều 2. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân thành phố chỉ đạo, tổ chức thực hiện Nghị quyết này.\n"
        "2. Thường trực Hội đồng nhân dân thành phố giám sát việc thực hiện Nghị quyết.\n"
    )
    for words in ("giải phóng mặt bằng", "khám chữa bệnh"):
        assert [(u.name, u.role, u.implied) for u in holding(obs, words).units] == [
            ("Ủy ban nhân dân thành phố", "lead", True)], words


def test_other_documents_and_resolutions_charging_nobody_keep_unnamed_tasks_unitless():
    text = ("Điều 1. Nhiệm vụ và giải pháp\n"
            "1. Đẩy nhanh tiến độ giải phóng mặt bằng các dự án giao thông trọng điểm.\n"
            "Điều 2. Tổ chức thực hiện\n"
            "Giao Sở Xây dựng tổ chức thực hiện Quyết định này.\n")
    obs, _ = obligations_and_units(text, type="Quyết định", type_code="QĐ")
    assert holding(obs, "giải phóng mặt bằng").units == []
    obs, _ = _resolution(text.replace("Giao Sở Xây dựng tổ chức thực hiện Quyết định này.",
                                      "Nghị quyết này có hiệu lực từ ngày ký."))
    assert holding(obs, "giải phóng mặt bằng").units == []


def test_a_role_line_naming_a_university_gives_it():
    obs, _ = obligations_and_units(
        "III. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Phát triển đội ngũ giảng viên\n"
        "a) Xây dựng chương trình thu hút tiến sĩ trẻ về giảng dạy.\n"
        "Cơ quan chủ trì: Đại học Huế, Học viện Nông nghiệp Việt Nam.\n"
    )
    assert _units(holding(obs, "tiến sĩ trẻ")) == [("Đại học Huế", "lead"), ("Học viện Nông nghiệp Việt Nam", "lead")]


def test_items_listing_the_parts_of_a_file_are_no_tasks():
    obs, _ = obligations_and_units(
        "Điều 4. Hồ sơ đề nghị công nhận\n"
        "1. Hồ sơ đề nghị công nhận (02 bộ), gồm:\n"
        "a) Báo cáo thành tích của tập thể có xác nhận của cấp trên trực tiếp.\n"
        "b) Biên bản họp xét của hội đồng cơ sở kèm danh sách đề nghị.\n"
        "2. Thời hạn nộp hồ sơ\n"
        "a) Tổng hợp hồ sơ của các phòng gửi về Văn phòng trước ngày 15/3/2028.\n"
    )
    assert not any("thành tích của tập thể" in o.source_text or "Biên bản họp" in o.source_text for o in obs)
    assert holding(obs, "Tổng hợp hồ sơ").deadline.date == "2028-03-15"


def test_a_part_heading_on_a_group_of_tasks_is_no_body():
    obs, units = obligations_and_units(
        "II. Nhóm các nhiệm vụ, giải pháp hoàn thiện thể chế, chính sách về hạ tầng số\n"
        "1. Bộ Xây dựng chủ trì rà soát quy chuẩn hạ tầng viễn thông thụ động.\n"
        "III. Nhóm những giải pháp khác, tuyên truyền\n"
        "1. Sở Tài chính cân đối kinh phí thực hiện.\n"
    )
    assert [u.name for u in units] == ["Bộ Xây dựng", "Sở Tài chính"]
    assert not any(o.source_text.startswith(("II.", "III.")) for o in obs)


# --------------------------------------------------------------------------
# The wrong actor: the order after an opening "Bên cạnh việc …,", and "đề nghị" garbled by a scan
# --------------------------------------------------------------------------


def test_an_order_after_besides_goes_to_the_body_asked():
    obs, _ = obligations_and_units(
        "- Bên cạnh việc duy trì các chốt kiểm dịch, Sở Nông nghiệp đề nghị Ủy ban nhân dân các huyện "
        "thực hiện các việc sau:\n"
        "+ Tiêu hủy gia cầm bị bệnh theo đúng quy trình.\n"
        "+ Phun khử trùng chuồng trại trong vùng dịch.\n"
        "Song song với việc báo cáo định kỳ, Trung tâm Y tế đề nghị các trạm y tế xã rà soát số trẻ chưa tiêm chủng.\n"
    )
    for words in ("Tiêu hủy gia cầm", "Phun khử trùng"):
        assert [n for n, _r in _units(holding(obs, words))] == ["Ủy ban nhân dân các huyện"], words
    assert [n for n, _r in _units(holding(obs, "chưa tiêm chủng"))] == ["Các trạm y tế xã"]


def test_a_garbled_order_word_from_a_scan_still_names_the_body_asked():
    obs, _ = obligations_and_units(
        "- Cục Hải quan dé nghị Chi cục Hải quan cửa khẩu Lào Cai kiểm tra niêm phong hàng quá cảnh.\n"
        "- Để nghị Ban Quản lý cửa khẩu bố trí bãi kiểm hóa tập trung.\n"
        "- Các đơn vị cần triển khai để nghị quyết của Đảng ủy đi vào cuộc sống.\n"
    )
    assert [n for n, _r in _units(holding(obs, "niêm phong"))] == ["Chi cục Hải quan cửa khẩu Lào Cai"]
    assert [n for n, _r in _units(holding(obs, "bãi kiểm hóa"))] == ["Ban Quản lý cửa khẩu"]


def test_a_list_of_levels_without_its_comma_stays_one_name():
    obs, units = obligations_and_units(
        "Bộ Tài chính đề nghị Sở Tài chính các tỉnh thành phố trực thuộc Trung ương rà soát số dư tạm ứng.\n"
    )
    assert [n for n, _r in _units(holding(obs, "số dư tạm ứng"))] == [
        "Sở Tài chính các tỉnh, thành phố trực thuộc Trung ương"]


def test_a_heading_naming_a_group_by_what_it_was_given_heads_its_items():
    obs, units = obligations_and_units(
        "Điều 3. Trách nhiệm thi hành\n"
        "1. Các xã được hỗ trợ kinh phí xây dựng nhà văn hóa:\n"
        "a) Hoàn thành thủ tục đầu tư trước ngày 30/9/2027;\n"
        "b) Công khai danh sách hộ đóng góp tại nhà văn hóa thôn.\n"
        "2. Phòng Tài chính - Kế hoạch huyện:\n"
        "a) Thẩm định quyết toán công trình.\n"
    )
    for words in ("thủ tục đầu tư", "hộ đóng góp"):
        assert [n for n, _r in _units(holding(obs, words))] == ["Các xã được hỗ trợ kinh phí xây dựng nhà văn hóa"], words
    assert [n for n, _r in _units(holding(obs, "quyết toán"))] == ["Phòng Tài chính - Kế hoạch huyện"]
    # a passive narration is no heading ("Các xã được hỗ trợ đã hoàn thành …")
    obs, _ = obligations_and_units("1. Các xã được hỗ trợ kinh phí đã hoàn thành công trình:\na) Nhà văn hóa thôn A.\n")
    assert not any(u.name.startswith("Các xã được") for o in obs for u in o.units)


def test_a_deputy_prime_minister_given_a_task_by_name_is_its_doer():
    obs, units = obligations_and_units(
        "Điều 4. Phân công Phó Thủ tướng Hoàng Văn Minh chỉ đạo việc sửa đổi Luật Đường bộ.\n"
        "Cuộc họp có sự tham dự của Phó Thủ tướng Lê Thị Lan.\n"
    )
    assert [n for n, _r in _units(holding(obs, "Luật Đường bộ"))] == ["Phó Thủ tướng Hoàng Văn Minh"]
    assert [u.name for u in units] == ["Phó Thủ tướng Hoàng Văn Minh"]


def test_an_item_with_items_of_its_own_heads_them_and_is_no_task():
    obs, _ = obligations_and_units(
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Rà soát, hoàn thiện hệ thống văn bản hướng dẫn về quản lý chất thải rắn sinh hoạt trên địa bàn.\n"
        "2. Tăng cường truyền thông, nâng cao nhận thức của người dân về phân loại rác tại nguồn và tái chế\n"
        "a) Xây dựng chuyên mục phân loại rác trên đài truyền thanh xã.\n"
        "b) Tổ chức ngày hội tái chế tại các trường học.\n"
    )
    assert holding(obs, "văn bản hướng dẫn").units == []
    assert holding(obs, "chuyên mục phân loại rác").units == []
    assert holding(obs, "ngày hội tái chế").units == []
    assert not any(o.source_text.startswith("2. Tăng cường truyền thông") for o in obs)
