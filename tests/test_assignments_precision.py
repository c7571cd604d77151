"""Issue 10, assignments and units on unseen documents: subject lists, scope parts and the issuer's own words.

Every sentence here is invented for the test (bodies, places and plans are made up); none is copied from a
gold file or a corpus document.
"""

from __future__ import annotations

from pathlib import Path

from obligation_helpers import holding, obligations_and_units

from pipeline.assemble import extract_file


def _names(ob) -> list[str]:
    return [u.name for u in ob.units]


# --------------------------------------------------------------------------
# Subject lists (class 2): the execution clause of a Quyết định
# --------------------------------------------------------------------------


def test_heads_written_with_cac_before_their_title_join_the_list():
    obs, units = obligations_and_units(
        "Điều 4. Chánh Văn phòng UBND tỉnh; Giám đốc Sở Nông nghiệp; Thủ trưởng các ban, ngành liên quan và các Chủ "
        "tịch Ủy ban nhân dân các huyện, thị xã chịu trách nhiệm thi hành Quyết định này./.\n",
        issuer="Ủy ban nhân dân tỉnh Hòa Lâm", type="Quyết định")
    names = _names(holding(obs, "Chánh Văn phòng UBND tỉnh"))
    assert "Ủy ban nhân dân các huyện, thị xã" in names
    assert len(names) == 4


def test_a_list_opened_plural_takes_kinds_written_without_cac():
    obs, _ = obligations_and_units(
        "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc "
        "trung ương, cơ sở giáo dục nghề nghiệp và doanh nghiệp liên quan chịu trách nhiệm thi hành Quyết định này.\n",
        issuer="Thủ tướng Chính phủ", type="Quyết định")
    names = _names(holding(obs, "Các Bộ trưởng"))
    assert "Cơ sở giáo dục nghề nghiệp" in names
    assert names[:3] == ["Các bộ", "Cơ quan ngang bộ", "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]


def test_bodies_concerned_keep_the_owner_after_thuoc_truc_thuoc():
    obs, _ = obligations_and_units(
        "Điều 3. Chánh Văn phòng, Vụ trưởng Vụ Kế hoạch, Thủ trưởng các đơn vị có liên quan thuộc, trực thuộc Bộ "
        "Văn hóa chịu trách nhiệm thi hành Quyết định này.\n",
        issuer="Bộ Văn hóa", type="Quyết định")
    names = _names(holding(obs, "Vụ trưởng Vụ Kế hoạch"))
    assert "Các đơn vị có liên quan thuộc, trực thuộc Bộ Văn hóa" in names


def test_a_closing_slash_ends_the_clause_before_the_distribution_list(tmp_path: Path):
    doc = tmp_path / "qd.txt"
    # (a text copied with a blank line after every line: one blank line separates nothing by itself)
    lines = ["ỦY BAN NHÂN DÂN TỈNH HÒA LÂM", "Số: 31/QĐ-UBND", "Hòa Lâm, ngày 2 tháng 4 năm 2025", "QUYẾT ĐỊNH",
             "Về việc ban hành quy chế phối hợp", "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.",
             "Điều 2. Giám đốc Sở Công Thương, Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./",
             "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT."]
    doc.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    out = extract_file(doc)
    sources = [o["source_text"] for o in out["obligations"]]
    assert any(s.startswith("Điều 2. Giám đốc Sở Công Thương") for s in sources), sources
    assert not any("Như Điều" in s for s in sources), sources


# --------------------------------------------------------------------------
# Parts that list whom a text concerns: no tasks
# --------------------------------------------------------------------------


def test_items_of_a_part_on_whom_the_text_applies_to_are_no_tasks():
    obs, units = obligations_and_units(
        "Điều 2. Đối tượng áp dụng\n"
        "1. Các trung tâm dạy nghề công lập.\n"
        "2. Các cơ sở có hoạt động đào tạo lái xe.\n"
        "3. Các cơ quan, tổ chức có liên quan trong việc hỗ trợ học nghề cho lao động nông thôn.\n"
        "Điều 3. Giám đốc Sở Giao thông chịu trách nhiệm thi hành Quyết định này.\n",
        issuer="Ủy ban nhân dân tỉnh Hòa Lâm", type="Quyết định")
    assert [o.source_text[:8] for o in obs] == ["Điều 3. "]
    assert {u.name for u in units} == {"Sở Giao thông"}


# --------------------------------------------------------------------------
# The issuer's own words: its answer, its encouragement, what it received
# --------------------------------------------------------------------------


def test_the_issuer_answering_encouraging_or_receiving_gives_no_task():
    obs, _ = obligations_and_units(
        "Chi cục Thuế huyện Tân Mỹ nhận được văn bản số 12/2025 của Công ty Hưng Phát hỏi về hóa đơn.\n"
        "Chi cục Thuế huyện Tân Mỹ khuyến khích doanh nghiệp đăng ký hóa đơn điện tử sớm.\n"
        "Đề nghị Công ty Hưng Phát rà soát lại hồ sơ khai thuế quý I.\n"
        "Chi cục Thuế huyện Tân Mỹ trả lời để Công ty Hưng Phát được biết và thực hiện.\n"
        "Chi cục Thuế huyện Tân Mỹ hướng dẫn để đơn vị biết, thực hiện.\n",
        issuer="Chi cục Thuế huyện Tân Mỹ", type="Công văn")
    assert [o.source_text[:20] for o in obs] == ["Đề nghị Công ty Hưng"]


# --------------------------------------------------------------------------
# Names that swallowed the predicate's first word
# --------------------------------------------------------------------------


def test_a_council_or_a_group_never_opens_its_name_with_a_tense_or_modal_word():
    obs, units = obligations_and_units(
        "Hội đồng sẽ họp xét chọn vào cuối tháng.\n"
        "Tổ kiểm tra liên ngành báo cáo kết quả về Sở Xây dựng.\n"
        "Mỗi học viên nhất thiết phải nộp bài thu hoạch cho giảng viên.\n",
        issuer="Trường Chính trị tỉnh", type="Kế hoạch")
    names = {u.name for u in units}
    assert "Hội đồng sẽ" not in names
    assert "Tổ kiểm tra liên ngành" in names
    assert _names(holding(obs, "bài thu hoạch")) == ["Mỗi học viên"]


# --------------------------------------------------------------------------
# A heading that names whom its items ask (class 1)
# --------------------------------------------------------------------------


def test_a_heading_saying_what_is_asked_of_a_group_heads_its_items():
    obs, _ = obligations_and_units(
        "5. Yêu cầu đối với học viên\n"
        "- Tham dự đầy đủ các buổi học theo lịch.\n"
        "- Hoàn thành bài kiểm tra cuối khóa đúng hạn.\n"
        "6. Yêu cầu về giảng viên phụ trách\n"
        "- Chấm bài và nhập điểm lên hệ thống.\n",
        issuer="Trường Chính trị tỉnh", type="Hướng dẫn")
    assert _names(holding(obs, "Tham dự đầy đủ")) == ["Học viên"]
    assert _names(holding(obs, "Hoàn thành bài kiểm tra")) == ["Học viên"]
    assert _names(holding(obs, "Chấm bài")) == ["Giảng viên phụ trách"]


# --------------------------------------------------------------------------
# Subject lists (class 2): nouns of one kind, each with a complement of its own, are two sets of bodies
# --------------------------------------------------------------------------


def test_two_plural_nouns_each_with_a_complement_are_two_units():
    obs, _ = obligations_and_units(
        "Các doanh nghiệp vận tải hành khách, công ty du lịch lữ hành rà soát phương tiện trước mùa lễ hội.\n"
        "Các sở, ban, ngành phối hợp kiểm tra.\n",
        issuer="Ủy ban nhân dân tỉnh Hòa Lâm", type="Kế hoạch")
    assert _names(holding(obs, "rà soát phương tiện")) == ["Các doanh nghiệp vận tải hành khách", "Công ty du lịch lữ hành"]
    assert _names(holding(obs, "phối hợp kiểm tra")) == ["Các sở, ban, ngành"]


# --------------------------------------------------------------------------
# A labeled heading naming its doers with what sets them apart (class 1, class 6)
# --------------------------------------------------------------------------


def test_a_heading_with_an_appositive_or_a_complement_names_the_doers_of_its_items():
    obs, _ = obligations_and_units(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Phòng Kế hoạch - Tổng hợp, đơn vị thường trực của Hội đồng tuyển sinh nhà trường năm học mới\n"
        "Chủ động tham mưu lịch tuyển sinh và theo dõi việc thực hiện của các khoa.\n"
        "2. Các trường mầm non tư thục, cơ sở giáo dục nghề nghiệp không thuộc Sở Giáo dục và Đào tạo tỉnh Hòa Lâm\n"
        "Tổ chức tuyên truyền kế hoạch tới phụ huynh; báo cáo kết quả về Phòng Kế hoạch - Tổng hợp.\n",
        issuer="Trường Cao đẳng Sư phạm Hòa Lâm", type="Kế hoạch")
    assert _names(holding(obs, "tham mưu lịch tuyển sinh")) == ["Phòng Kế hoạch - Tổng hợp"]
    assert _names(holding(obs, "tuyên truyền kế hoạch")) == ["Các trường mầm non tư thục", "Cơ sở giáo dục nghề nghiệp"]


# --------------------------------------------------------------------------
# The wrong actor (class 7): an agent after "do" inside the object of the item's own task
# --------------------------------------------------------------------------


def test_an_agent_providing_the_object_of_an_item_is_not_its_doer():
    obs, _ = obligations_and_units(
        "b) Phòng Hành chính - Quản trị:\n"
        "- Lưu trữ các biên bản do Tổ Thư ký và Phòng Khảo thí cung cấp; bàn giao cho lưu trữ cuối năm.\n"
        "- Tổ chức buổi tập huấn nghiệp vụ do Trung tâm Tin học chủ trì.\n",
        issuer="Trường Cao đẳng Sư phạm Hòa Lâm", type="Hướng dẫn")
    assert _names(holding(obs, "Lưu trữ các biên bản")) == ["Phòng Hành chính - Quản trị"]
    assert _names(holding(obs, "buổi tập huấn")) == ["Trung tâm Tin học"]


# --------------------------------------------------------------------------
# Conditions (class 7): the closing offer of help, its condition written with no comma
# --------------------------------------------------------------------------


def test_a_condition_after_trong_qua_trinh_without_a_comma_gives_no_task():
    obs, _ = obligations_and_units(
        "Đề nghị Công ty Minh Long kê khai bổ sung tờ khai quý II.\n"
        "Trong quá trình triển khai nếu còn điều gì chưa rõ, đề nghị Công ty liên hệ Phòng Kiểm tra thuế số 2.\n"
        "Trong quá trình thực hiện khi có vướng mắc, các đơn vị phản ánh về Chi cục.\n",
        issuer="Chi cục Thuế khu vực Tây Bình", type="Công văn")
    assert [o.source_text[:20] for o in obs] == ["Đề nghị Công ty Minh"]


# --------------------------------------------------------------------------
# A role given with "là" (class 7) and a user's verb that ends a name (class 3)
# --------------------------------------------------------------------------


def test_a_body_that_is_the_focal_point_leads_the_task():
    obs, _ = obligations_and_units(
        "Phòng Quản trị thiết bị là đầu mối tiếp nhận đề xuất mua sắm, tổng hợp trình Hiệu trưởng phê duyệt.\n"
        "Trung tâm Ngoại ngữ là đơn vị chủ trì tổ chức kỳ thi đánh giá năng lực tiếng Anh.\n"
        "Phòng Công tác sinh viên là đơn vị trực thuộc Trường.\n",
        issuer="Trường Đại học Kỹ thuật Hòa Lâm", type="Thông báo")
    assert [(u.name, u.role) for u in holding(obs, "tiếp nhận đề xuất").units] == [("Phòng Quản trị thiết bị", "lead")]
    assert _names(holding(obs, "kỳ thi đánh giá")) == ["Trung tâm Ngoại ngữ"]
    assert not any("đơn vị trực thuộc Trường" in o.source_text for o in obs)


def test_bodies_using_a_portal_are_named_without_the_verb():
    _obs, units = obligations_and_units(
        "Các phòng ban truy cập hệ thống quản lý văn bản mỗi ngày để nhận văn bản đến.\n",
        issuer="Trường Đại học Kỹ thuật Hòa Lâm", type="Thông báo")
    assert [u.name for u in units] == ["Các phòng ban"]


# --------------------------------------------------------------------------
# Items under a duty heading that state a permission or a condition of the doer: no tasks (class 7)
# --------------------------------------------------------------------------


def test_what_the_doer_may_do_or_must_meet_is_no_task():
    obs, _ = obligations_and_units(
        "3. Yêu cầu đối với học viên\n"
        "- Nộp bài thu hoạch đúng hạn cho giáo viên chủ nhiệm.\n"
        "- Học viên có thể đăng ký học bù vào lớp khác trong cùng khóa.\n"
        "- Điều kiện dự thi: Tham dự ít nhất 80% số buổi học.\n",
        issuer="Trường Chính trị tỉnh Hòa Lâm", type="Hướng dẫn")
    assert [o.source_text[:14] for o in obs] == ["- Nộp bài thu "]


def test_the_cases_listed_under_a_rule_are_no_tasks():
    obs, _ = obligations_and_units(
        "2. Yêu cầu đối với học viên\n"
        "- Nộp bài thu hoạch trước buổi học cuối.\n"
        "- Học viên rơi vào một trong các trường hợp sau đây sẽ không được cấp chứng chỉ:\n"
        "+ Nghỉ quá ba buổi học không có lý do.\n"
        "+ Nhờ người khác làm bài kiểm tra.\n"
        "- Giữ gìn tài sản của lớp học.\n",
        issuer="Trường Chính trị tỉnh Hòa Lâm", type="Hướng dẫn")
    assert [o.source_text[:12] for o in obs] == ["- Nộp bài th", "- Giữ gìn tà"]
