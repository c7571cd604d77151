"""Issue 10, second pass: numbered siblings, the directing body, where a report goes.

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied
from a gold file or a corpus document.
"""

from __future__ import annotations

from extractors.obligation_builder import report_to
from obligation_helpers import holding, obligations_and_units


def _run(text: str, **hdr):
    return obligations_and_units(text, **hdr)


_with = holding


def _units(ob) -> list[tuple[str, str, bool]]:
    return [(u.name, u.role, u.implied) for u in ob.units]


def test_a_numbered_item_with_no_subject_goes_on_with_the_first_items_doer():
    obs, _ = _run(
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Văn hóa chủ trì, phối hợp với các đơn vị liên quan triển khai Kế hoạch này.\n"
        "2. Hướng dẫn các huyện tổ chức lễ hội, báo cáo kết quả trước ngày 15/8/2025.\n"
        "3. Sở Tài chính bố trí kinh phí thực hiện.\n"
        "4. Kiểm tra việc sử dụng kinh phí trước ngày 30/11/2025."
    )
    second = _with(obs, "Hướng dẫn các huyện")
    assert _units(second) == [("Sở Văn hóa", "lead", True)]
    assert second.deadline is not None and second.deadline.date == "2025-08-15"
    assert _units(_with(obs, "bố trí kinh phí")) == [("Sở Tài chính", "lead", False)]
    # a later item named another doer: the chain is broken, item 4 is nobody's by sibling
    assert not any("Kiểm tra việc sử dụng" in o.source_text and ("Sở Văn hóa", "lead", True) in _units(o) for o in obs)


def test_numbered_siblings_in_other_wordings():
    obs, _ = _run(
        "1. Phòng Tài nguyên và Môi trường có trách nhiệm kiểm tra các điểm tập kết rác thải.\n"
        "2. Tổng hợp kết quả gửi UBND huyện chậm nhất ngày 20/9/2025."
    )
    second = _with(obs, "Tổng hợp kết quả")
    assert _units(second) == [("Phòng Tài nguyên và Môi trường", "lead", True)]
    assert second.deadline.date == "2025-09-20" and second.report_to == "UBND huyện"
    obs, _ = _run(
        "2.1. Trung tâm Y tế huyện xây dựng kế hoạch tiêm chủng bổ sung.\n"
        "2.2. Tổ chức tập huấn cho cán bộ trạm y tế trong tháng 10/2025."
    )
    assert _units(_with(obs, "Tổ chức tập huấn")) == [("Trung tâm Y tế huyện", "lead", True)]


def test_a_numbered_heading_naming_its_doer_is_no_sibling_chain():
    # "1. Phòng Nội vụ:" heads its own items; "2. …" with no subject is not Phòng Nội vụ's by sibling
    obs, _ = _run(
        "1. Phòng Nội vụ:\n"
        "- Rà soát biên chế các đơn vị.\n"
        "2. Tình hình thực hiện năm 2024."
    )
    assert all("Tình hình" not in o.source_text for o in obs)


def test_the_body_that_directs_another_acts_with_it():
    for text, director, doer in (
        ("Ban Giám đốc chỉ đạo các khoa, phòng rà soát quy trình trước ngày 5/6/2025.", "Ban Giám đốc", "Các khoa, phòng"),
        ("UBND các huyện chỉ đạo Phòng Giáo dục và Đào tạo tổ chức kiểm tra.", "Ủy ban nhân dân các huyện",
         "Phòng Giáo dục và Đào tạo"),
        ("Giám đốc Sở Nông nghiệp chỉ đạo Chi cục Thủy lợi hoàn thành sửa chữa đê trong quý III/2025.",
         "Sở Nông nghiệp", "Chi cục Thủy lợi"),
    ):
        obs, _ = _run(text)
        assert len(obs) == 1
        assert [(n, r) for n, r, _i in _units(obs[0])] == [(director, "lead"), (doer, "lead")]
    # narration of past direction is no task
    obs, _ = _run("Chủ tịch UBND tỉnh đã chỉ đạo các sở triển khai nhiều giải pháp.")
    assert obs == []


def test_report_to_stops_before_the_time_adjunct():
    assert report_to("báo cáo Sở Nội vụ chậm nhất ngày 5/6/2025") == "Sở Nội vụ"
    assert report_to("gửi Sở Tài chính hạn chót ngày 3/4/2025") == "Sở Tài chính"
    assert report_to("gửi về Sở Y tế muộn nhất ngày 5/3/2025") == "Sở Y tế"
    assert report_to("gửi Phòng Kinh tế trong thời hạn 5 ngày làm việc") == "Phòng Kinh tế"
    assert report_to("gửi về Ban Chỉ đạo tỉnh đúng hạn") == "Ban Chỉ đạo tỉnh"
    assert report_to("báo cáo UBND huyện (qua Phòng Nội vụ) trước ngày 3/3/2025") == "UBND huyện (qua Phòng Nội vụ)"
    obs, _ = _run("Các trường học báo cáo Phòng Giáo dục chậm nhất ngày 10/10/2025.")
    assert obs[0].report_to == "Phòng Giáo dục" and obs[0].deadline.date == "2025-10-10"


def test_a_long_numbered_heading_naming_bodies_with_complements_heads_its_items():
    obs, _ = _run(
        "1. Các phòng chuyên môn về y tế của các huyện, thị xã (sau đây gọi là huyện) và các trạm y tế "
        "của các xã, phường, thị trấn thuộc tỉnh (sau đây gọi là xã):\n"
        "a) Rà soát danh sách người cao tuổi cần khám sức khỏe định kỳ.\n"
        "Chậm nhất ngày 15/9/2025, hoàn thành việc cập nhật dữ liệu lên hệ thống.\n"
        "b) Phối hợp với Hội Người cao tuổi tổ chức khám tại cơ sở."
    )
    names = ["Các phòng chuyên môn về y tế của các huyện, thị xã", "Các trạm y tế của các xã, phường, thị trấn thuộc tỉnh"]
    first = _with(obs, "Rà soát danh sách")
    assert [u.name for u in first.units] == names
    dated = [o for o in obs if o.deadline is not None and o.deadline.date == "2025-09-15"]
    assert dated and [u.name for u in dated[0].units] == names
    assert [u.name for u in _with(obs, "Phối hợp với Hội").units][:2] == names


def test_a_heading_whose_bracket_holds_a_verb_word_is_still_a_name():
    obs, _ = _run(
        "2. Các trung tâm dịch vụ nông nghiệp của các huyện (được thành lập theo Quyết định của UBND tỉnh):\n"
        "- Hướng dẫn nông dân gieo cấy đúng lịch thời vụ."
    )
    assert [u.name for u in _with(obs, "Hướng dẫn nông dân").units] == ["Các trung tâm dịch vụ nông nghiệp của các huyện"]


def test_a_plural_subject_with_its_qualifier_then_the_task_after_a_colon():
    obs, _ = _run(
        "a) Các doanh nghiệp kinh doanh xăng dầu: Chấp hành nghiêm quy định về niêm yết giá bán.\n"
        "b) Các hợp tác xã, doanh nghiệp nuôi trồng thủy sản: Thực hiện khai báo dịch bệnh trước ngày 30/10/2025.\n"
        "c) Các trường mầm non, các trường tiểu học ngoài công lập: Bảo đảm an toàn thực phẩm trong bữa ăn bán trú."
    )
    assert [u.name for u in _with(obs, "niêm yết").units] == ["Các doanh nghiệp kinh doanh xăng dầu"]
    shrimp = _with(obs, "khai báo dịch bệnh")
    # the qualifier is both bodies' ("Các A, B <qualifier>:")
    assert [u.name.removeprefix("Các ").lower() for u in shrimp.units] == ["hợp tác xã nuôi trồng thủy sản",
                                                                          "doanh nghiệp nuôi trồng thủy sản"]
    assert shrimp.deadline.date == "2025-10-30"
    # "Các A, các B …:" — the qualifier is the last body's only
    assert [u.name for u in _with(obs, "bữa ăn").units] == ["Các trường mầm non", "Các trường tiểu học ngoài công lập"]


def test_a_qualifier_with_a_duty_verb_before_a_colon_is_no_name():
    obs, _ = _run("Các đơn vị tổ chức hội nghị: Thời gian, địa điểm do Ban tổ chức thông báo sau.")
    assert all("Các đơn vị tổ chức hội nghị" not in [u.name for u in o.units] for o in obs)


def test_a_numbered_item_opening_with_its_own_bodies_never_takes_the_siblings():
    # item 2 names its own bodies (in a shape the subject finder does not read): it is never item 1's
    obs, _ = _run(
        "1. Sở Công Thương chủ trì theo dõi việc thực hiện Kế hoạch.\n"
        "2. Các sở, ban, ngành và UBND các huyện, thị xã, trên cơ sở chức năng, nhiệm vụ của ngành, địa phương mình, "
        "căn cứ các chỉ tiêu tại Phụ lục để tổ chức triển khai thực hiện; tập trung chỉ đạo việc rà soát hồ sơ, bảo đảm "
        "hoàn thành nhiệm vụ “Số hóa hồ sơ đất đai trước tháng 9/2025”."
    )
    assert [[u.name for u in o.units] for o in obs if "Các sở, ban, ngành" in o.source_text] in ([], [[]])
    assert all("Sở Công Thương" not in [u.name for u in o.units] for o in obs if o.source_text.startswith("2."))


def test_a_long_item_listing_bodies_then_a_verb_is_no_heading_name():
    obs, _ = _run(
        "3. Phòng Hành chính, phòng Kế toán, phòng Quản trị… giúp lãnh đạo trung tâm kiểm tra việc sử dụng tài sản "
        "thông qua một số khâu kiểm tra, giám sát sau:\n"
        "- Kiểm tra sổ theo dõi tài sản."
    )
    names = {u.name for o in obs for u in o.units}
    assert not any("giúp lãnh đạo" in n for n in names)


def test_a_short_form_naming_a_group_stands_for_each_of_its_bodies():
    obs, units = _run(
        "II. ĐỐI TƯỢNG\n"
        "Tất cả các trường trung học phổ thông công lập; trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp "
        "huyện (sau đây gọi chung là các đơn vị).\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Các đơn vị:\n"
        "- Tổ chức tự đánh giá, gửi báo cáo về Sở Giáo dục và Đào tạo trước ngày 20/10/2025.\n"
        "2. Các đơn vị báo cáo số liệu học sinh trước ngày 30/10/2025."
    )
    members = ["Các trường trung học phổ thông công lập",
               "Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp huyện"]
    first = _with(obs, "tự đánh giá")
    assert [u.name for u in first.units] == members and all(u.implied for u in first.units)
    assert first.deadline.date == "2025-10-20"
    assert [u.name for u in _with(obs, "số liệu học sinh").units] == members
    assert "Các đơn vị" not in [u.name for u in units]


def test_a_group_short_form_in_other_wordings_and_a_plain_list_that_defines_nothing():
    obs, _ = _run(
        "Kế hoạch áp dụng cho: Ban Quản lý dự án đầu tư xây dựng tỉnh; các chủ đầu tư có dự án sử dụng vốn ngân sách "
        "(dưới đây gọi chung là “các cơ quan”).\n"
        "Các cơ quan cập nhật tiến độ giải ngân trước ngày 05/12/2025."
    )
    assert [u.name for u in _with(obs, "giải ngân").units] == [
        "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Các chủ đầu tư có dự án sử dụng vốn ngân sách"]
    # a bracket that is no group definition changes nothing
    obs, _ = _run("Các đơn vị (trừ các trường mầm non) báo cáo số liệu trước ngày 10/11/2025.")
    assert [u.name for u in obs[0].units] == ["Các đơn vị"]


def test_a_fronted_time_adverbial_before_the_subject():
    for text, names in (
        ("Năm 2026, các cơ sở giáo dục tiếp tục thực hiện chương trình bồi dưỡng giáo viên.", ["Các cơ sở giáo dục"]),
        ("Hằng năm, các xã báo cáo kết quả về UBND huyện trước ngày 15/12.", ["Các xã"]),
        ("Quý IV/2025, Sở Xây dựng hoàn thành việc rà soát quy hoạch.", ["Sở Xây dựng"]),
        ("Từ nay đến hết năm 2025, UBND các phường tập trung xử lý rác thải tồn đọng.", ["Ủy ban nhân dân các phường"]),
    ):
        obs, _ = _run(text)
        assert [[u.name for u in o.units] for o in obs] == [names], text
    # narration after a time adverbial stays no task
    for text in ("Năm 2024, các đơn vị đã triển khai nhiều hoạt động.", "Tháng 10/2025, Hội nghị đã thống nhất các nội dung."):
        obs, _ = _run(text)
        assert obs == [], text


def test_a_leadin_whose_list_of_places_goes_on_without_its_comma():
    for head, name in (
        ("4. Ủy ban nhân dân các tỉnh thành phố trực thuộc Trung ương:", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
        ("Ủy ban nhân dân các huyện thị xã:", "Ủy ban nhân dân các huyện, thị xã"),
    ):
        obs, _ = _run(head + "\na) Rà soát số hộ nghèo cần hỗ trợ nhà ở.\nb) Báo cáo kết quả trước ngày 10/12/2025.")
        assert [[u.name for u in o.units] for o in obs] == [[name], [name]], head
    # a lead-in whose words after the body are a task keeps its body as it is
    obs, _ = _run("Sở Tài chính thẩm định dự toán:\n- Kinh phí tập huấn.")
    assert all("Sở Tài chính, " not in u.name for o in obs for u in o.units)


def test_a_plural_subject_publishing_is_a_task_even_when_the_issuer_is_unknown():
    obs, _ = _run("Các bệnh viện công bố công khai giá dịch vụ khám bệnh trước ngày 5/3/2026.")
    assert [[u.name for u in o.units] for o in obs] == [["Các bệnh viện"]]
    assert obs[0].deadline.date == "2026-03-05"
    # the issuer's own announcement stays no task
    obs, _ = _run("Phòng Đào tạo thông báo lịch thi học kỳ I năm học 2025-2026.", issuer="Phòng Đào tạo")
    assert obs == []


def test_two_dated_tasks_in_one_sentence_each_report_where_their_clause_says():
    obs, _ = _run("Sở Tài chính hoàn thành dự thảo trước ngày 10/5/2026 và trình UBND tỉnh trước ngày 20/5/2026.")
    assert [(o.deadline.date, o.report_to) for o in obs] == [("2026-05-10", None), ("2026-05-20", "UBND tỉnh")]
    obs, _ = _run("Các xã báo cáo Phòng Nội vụ trước ngày 3/6/2026, tổ chức tổng kết trước ngày 30/6/2026.")
    assert [(o.deadline.date, o.report_to) for o in obs] == [("2026-06-03", "Phòng Nội vụ"), ("2026-06-30", None)]
