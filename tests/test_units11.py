"""Units left over on dev9 (ninth session, issue 10): the state's top organs named alone ("Chính phủ", "Quốc hội") and
as owners, a sub-committee as a head, a name holding a pair of verbs joined by a comma ("phòng, chống", "khám, chữa
bệnh"), and the universities and academies named in the plural.

Every sentence here is invented for the test (bodies, places and wording are made up); none is copied from a gold
file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from unit_helpers import unit_names

_list = unit_names


# --------------------------------------------------------------------------
# the state's top organs
# --------------------------------------------------------------------------


def test_government_alone_is_a_body():
    assert _list("Chính phủ chỉ đạo các bộ rà soát định mức chi.") == ["Chính phủ"]


def test_assembly_alone_and_in_a_list():
    assert _list("Quốc hội, Chính phủ và Ủy ban nhân dân tỉnh Hà Lâm xem xét đề án.") == [
        "Quốc hội", "Chính phủ", "Ủy ban nhân dân tỉnh Hà Lâm"]


def test_assembly_owns_its_committees():
    assert _list("Hội đồng Dân tộc, các Ủy ban của Quốc hội thẩm tra dự thảo luật.") == [
        "Hội đồng Dân tộc", "Các Ủy ban của Quốc hội"]


def test_government_inside_a_name_is_no_new_body():
    assert _list("Văn phòng Chính phủ theo dõi việc thực hiện.") == ["Văn phòng Chính phủ"]
    assert _list("Các thành viên Chính phủ chỉ đạo ngành mình.") == ["Các thành viên Chính phủ"]
    assert _list("Các bộ, cơ quan thuộc Chính phủ báo cáo kết quả.") == ["Các bộ", "Cơ quan thuộc Chính phủ"]


def test_lower_case_government_is_no_body():
    assert _list("chính phủ điện tử được triển khai rộng.") == []


# --------------------------------------------------------------------------
# a sub-committee
# --------------------------------------------------------------------------


def test_sub_committee_in_the_plural():
    assert _list("Các Tiểu ban Hội nghị Khoa học lần thứ V tiếp thu ý kiến.") == [
        "Các Tiểu ban Hội nghị Khoa học lần thứ V"]


def test_sub_committee_named():
    assert _list("Tiểu ban Nội dung chuẩn bị báo cáo chính trị.") == ["Tiểu ban Nội dung"]


# --------------------------------------------------------------------------
# a pair of verbs joined by a comma inside a name
# --------------------------------------------------------------------------


def test_prevent_and_fight_pair_inside_a_name():
    assert _list("Ban Chỉ huy phòng, chống lụt bão huyện Tân Lạc, Sở Công Thương chủ trì kiểm tra.") == [
        "Ban Chỉ huy phòng, chống lụt bão huyện Tân Lạc", "Sở Công Thương"]


def test_examine_and_treat_pair_inside_a_name_keeps_the_list():
    assert _list("Cục Quản lý khám, chữa bệnh, Vụ Pháp chế phối hợp thực hiện.") == [
        "Cục Quản lý khám, chữa bệnh", "Vụ Pháp chế"]


def test_comma_before_a_task_is_no_pair():
    assert _list("Sở Nội vụ, tổng hợp danh sách gửi về Ủy ban.") == ["Sở Nội vụ"]
    assert _list("Ban Quản lý dự án, nhà thầu thi công, tư vấn giám sát chịu trách nhiệm.")[:1] == [
        "Ban Quản lý dự án"]


# --------------------------------------------------------------------------
# universities and academies in the plural
# --------------------------------------------------------------------------


def test_universities_academies_and_colleges_are_kinds_of_their_own():
    assert _list("Các đại học, học viện, trường đại học, trường cao đẳng y tế có trách nhiệm báo cáo.") == [
        "Các đại học", "Học viện", "Trường đại học", "Trường cao đẳng y tế"]


def test_regional_universities_in_a_list():
    assert _list("Các đại học vùng, học viện trực thuộc Bộ gửi hồ sơ.") == [
        "Các đại học vùng", "Học viện trực thuộc Bộ"]


def test_a_school_nouns_kind_is_no_shared_complement():
    assert _list("Các viện, học viện, trường cao đẳng;") == ["Các viện", "Học viện", "Trường cao đẳng"]
    assert _list("Các sở, doanh nghiệp, trường đại học, trường trung cấp nghề có trách nhiệm.") == [
        "Các sở", "Doanh nghiệp", "Trường đại học", "Trường trung cấp nghề"]


# --------------------------------------------------------------------------
# councils listed bare before the one named with its place
# --------------------------------------------------------------------------


def test_bare_council_takes_the_place_written_after_the_last():
    assert _list("Quốc hội, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Bình Lâm có trách nhiệm thi hành.") == [
        "Quốc hội", "Hội đồng nhân dân tỉnh Bình Lâm", "Ủy ban nhân dân tỉnh Bình Lâm"]
    assert _list("Thường trực HĐND, UBND các phường chỉ đạo việc rà soát.") == [
        "Thường trực Hội đồng nhân dân các phường", "Ủy ban nhân dân các phường"]


def test_bare_council_before_another_kind_of_body_stays():
    assert _list("UBND, Sở Nội vụ tỉnh Kim Hòa chỉ đạo.") == ["Ủy ban nhân dân", "Sở Nội vụ tỉnh Kim Hòa"]


# --------------------------------------------------------------------------
# the party's committees listed before the state's bodies
# --------------------------------------------------------------------------


def test_party_committees_then_generic_bodies_are_two_units():
    assert _list("Các cấp ủy, cơ quan, đơn vị, tổ chức quán triệt nghị quyết.") == [
        "Các cấp ủy", "Cơ quan, đơn vị, tổ chức"]
    assert _list("Các chi bộ, đảng bộ cơ sở, cơ quan, đơn vị tổ chức học tập.")[:1] == ["Các chi bộ, đảng bộ cơ sở"]


def test_party_committees_of_one_kind_stay_one_unit():
    assert _list("Các cấp ủy, tổ chức đảng trực thuộc quán triệt nghị quyết.") == ["Các cấp ủy, tổ chức đảng trực thuộc"]
    assert _list("Các cơ quan, đơn vị, địa phương quán triệt nghị quyết.") == ["Các cơ quan, đơn vị, địa phương"]


def test_reports_are_no_newspaper():
    assert _list("Các báo cáo có thời hạn nộp trước ngày 15 được ưu tiên.") == []
    assert _list("Báo Tân Phong, Đài Phát thanh tỉnh đưa tin.") == ["Báo Tân Phong", "Đài Phát thanh tỉnh"]


# --------------------------------------------------------------------------
# a ministry's departments in the plural
# --------------------------------------------------------------------------


def test_departments_of_a_ministry_listed_in_the_plural():
    assert _list("Các Vụ, Cục thuộc Bộ Nông Lâm chủ trì rà soát.") == ["Các Vụ, Cục thuộc Bộ Nông Lâm"]
    assert _list("các Cục, Vụ liên quan của Bộ Văn hóa phối hợp.") == ["Các Cục, Vụ liên quan của Bộ Văn hóa"]


def test_heads_of_the_departments_stay_apart():
    assert _list("Vụ trưởng các Vụ, Cục trưởng các Cục thuộc Bộ Nông Lâm, Giám đốc Sở Nông Lâm tỉnh Hòa Sơn chịu "
                 "trách nhiệm thi hành.") == ["Các Vụ", "Các Cục thuộc Bộ Nông Lâm", "Sở Nông Lâm tỉnh Hòa Sơn"]


def test_lower_case_cases_are_no_departments():
    # (after "các" a lower-case "vụ" is read as before: "các vụ cấp học" are departments in a task table's cell)
    assert _list("Các đơn vị, vụ việc tồn đọng được rà soát.") == ["Các đơn vị"]
    assert _list("Vụ Tổng hợp, các vụ chuyên ngành phối hợp.") == ["Vụ Tổng hợp", "Các vụ chuyên ngành"]


# --------------------------------------------------------------------------
# the registry: a body named in full with the body it belongs to
# --------------------------------------------------------------------------


def test_a_body_named_with_its_owner_is_known_by_its_own_name_too():
    from extractors.unit_registry import UnitRegistry

    reg = UnitRegistry()
    reg.resolve("Quỹ Bảo trợ Nông dân Việt Nam thuộc Bộ Nông Lâm")
    reg.resolve("Các đơn vị thuộc Bộ Nông Lâm")
    got = {u.name: list(u.aliases) for u in reg.units()}
    assert "Quỹ Bảo trợ Nông dân Việt Nam" in got["Quỹ Bảo trợ Nông dân Việt Nam thuộc Bộ Nông Lâm"]
    assert not any(a == "Các đơn vị" for a in got["Các đơn vị thuộc Bộ Nông Lâm"])


def test_a_bare_noun_shares_the_next_complement_not_the_last():
    assert _list("Phối hợp với các viện và trung tâm thủy văn biển; sở công thương.".split("với ", 1)[1])[:2] == [
        "Các viện thủy văn biển", "Trung tâm thủy văn biển"]


def test_a_lower_case_name_ends_its_line_before_a_sentence():
    assert _list("Các trường trung cấp y tế\nTổ chức tập huấn cho giáo viên.") == ["Các trường trung cấp y tế"]
    assert _list("Các đơn vị trực thuộc Bộ Giáo dục và\nĐào tạo tổ chức tập huấn.") == [
        "Các đơn vị trực thuộc Bộ Giáo dục và Đào tạo"]


def test_a_top_organ_in_a_persons_title_or_a_term_is_no_body():
    from extractors.units import parse_unit_list

    t = "theo Quyết định của Thủ tướng Chính phủ kiện toàn Ban Chỉ đạo"
    assert parse_unit_list(t, t.index("Chính")) is None
    assert _list("Quốc hội khóa XX và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2041-2046.") == []
    assert _list("Đoàn đại biểu Quốc hội tỉnh Hòa Lâm giám sát việc thực hiện.") == [
        "Đoàn đại biểu Quốc hội tỉnh Hòa Lâm"]
