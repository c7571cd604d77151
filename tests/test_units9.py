"""Units seen missed or invented on fresh documents (ninth session, issue 10 items 2-4): place levels
joined by a dash, unknown heads, lists read as one unit, collective "… (có) liên quan" bodies.

Every sentence here is invented for the test (bodies, places and wording are made up); none is copied
from a gold file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from unit_helpers import unit_names


_list = unit_names


# --------------------------------------------------------------------------
# Place levels joined by a dash ("quận - huyện", "phường - xã, thị trấn")
# --------------------------------------------------------------------------


def test_levels_joined_by_a_dash_are_one_list_of_levels():
    assert _list("Ủy ban nhân dân quận - huyện có trách nhiệm rà soát") == ["Ủy ban nhân dân quận - huyện"]
    assert _list("UBND phường - xã, thị trấn lập danh sách hộ nghèo") == ["Ủy ban nhân dân phường - xã, thị trấn"]
    assert _list("Chi cục Thống kê quận – huyện tổng hợp số liệu") == ["Chi cục Thống kê quận - huyện"]
    assert _list("các phường - xã, thị trấn tổ chức ra quân") == ["Các phường - xã, thị trấn"]


def test_a_list_of_bodies_at_dashed_levels_splits_at_its_comma():
    assert _list("Kho bạc Nhà nước tỉnh, Chi cục Thuế thị xã - huyện có nhiệm vụ kiểm soát chi") == [
        "Kho bạc Nhà nước tỉnh", "Chi cục Thuế thị xã - huyện"]


def test_a_dash_after_a_level_before_a_name_part_still_joins_name_parts():
    # a dash before a capitalised name part keeps joining the name as before
    assert _list("Phòng Văn hóa - Thông tin huyện chủ trì") == ["Phòng Văn hóa - Thông tin huyện"]
    # a dash after a level before a lower-case word that is no level ends the name
    assert _list("UBND huyện - nơi có nhiều hộ nghèo - chủ trì") == ["Ủy ban nhân dân huyện"]


# --------------------------------------------------------------------------
# Heads vanban did not know: the news agency, a city's Youth Union, a central committee of an association,
# military regions and their commanders, a steering committee's standing body
# --------------------------------------------------------------------------


def test_a_radio_and_the_news_agency_listed_after_it_are_two_units():
    assert _list("Đài Phát thanh Quốc gia, Thông tấn xã Việt Nam: mở chuyên mục về an toàn giao thông") == [
        "Đài Phát thanh Quốc gia", "Thông tấn xã Việt Nam"]


def test_a_youth_union_committee_named_by_its_level_is_a_unit_of_its_own():
    assert _list("Hội Nông dân tỉnh, Tỉnh Đoàn vận động hội viên, đoàn viên tham gia") == [
        "Hội Nông dân tỉnh", "Tỉnh Đoàn"]
    assert _list("Huyện Đoàn phát động tháng thanh niên") == ["Huyện Đoàn"]


def test_the_central_committee_of_an_association_is_one_body():
    assert _list("Trung ương Hội Nông dân Việt Nam hướng dẫn các cấp hội") == ["Trung ương Hội Nông dân Việt Nam"]


def test_military_regions_and_their_commanders():
    assert _list("Tư lệnh các quân khu chỉ đạo lực lượng tại chỗ") == ["Các quân khu"]
    assert _list("Các quân khu phối hợp với địa phương") == ["Các quân khu"]
    assert _list("Tư lệnh Quân khu 3 chịu trách nhiệm") == ["Quân khu 3"]
    # the High Command is still one body
    assert _list("Bộ Tư lệnh Cảnh sát biển chủ trì") == ["Bộ Tư lệnh Cảnh sát biển"]


def test_a_steering_committees_standing_body_is_a_unit():
    assert _list("Cơ quan thường trực Ban Chỉ đạo huyện tổng hợp kết quả") == [
        "Cơ quan thường trực Ban Chỉ đạo huyện"]
    # in lower case after a body it says what that body is
    assert _list("Sở Xây dựng, cơ quan thường trực Tổ công tác liên ngành, chủ trì") == ["Sở Xây dựng"]


# --------------------------------------------------------------------------
# Names that ran into their verb or into a heading
# --------------------------------------------------------------------------


def test_the_centre_closes_a_name_as_a_level_does():
    assert _list("Ban Kinh tế Trung ương định hướng nội dung tuyên truyền") == ["Ban Kinh tế Trung ương"]
    assert _list("Hội đồng Thi đua - Khen thưởng Trung ương xét chọn hồ sơ") == [
        "Hội đồng Thi đua - Khen thưởng Trung ương"]
    # a list, an owner or a capitalised word after the centre goes on with the name
    assert _list("Ủy ban Kiểm tra Trung ương Đảng hướng dẫn") == ["Ủy ban Kiểm tra Trung ương Đảng"]
    assert _list("các cơ quan trung ương có liên quan thực hiện") == ["Các cơ quan trung ương có liên quan"]
    assert _list("Các đơn vị Trung ương đóng trên địa bàn huyện phối hợp") == [
        "Các đơn vị Trung ương đóng trên địa bàn huyện"]


def test_a_heading_in_capitals_after_a_comma_is_no_part_of_the_name():
    assert _list("Hội đồng nhân dân khóa XX,\nNGHỊ QUYẾT:") == ["Hội đồng nhân dân khóa XX"]
    assert _list("Sở Văn hóa, Thể thao và Du lịch chủ trì") == ["Sở Văn hóa, Thể thao và Du lịch"]


# --------------------------------------------------------------------------
# One body in two spellings: with and without "các", with "trực thuộc" or "thuộc"
# --------------------------------------------------------------------------


def test_a_plural_complement_written_with_or_without_cac_is_one_body():
    from extractors.unit_registry import UnitRegistry

    r = UnitRegistry()
    for raw in ("Chủ tịch UBND xã, thị trấn", "UBND các xã, thị trấn", "Thủ trưởng các đơn vị trực thuộc Sở Xây dựng",
                "các đơn vị thuộc Sở Xây dựng", "Sở Xây dựng"):
        r.resolve(raw)
    names = [u.name for u in r.units()]
    assert names == ["Ủy ban nhân dân xã, thị trấn", "Các đơn vị trực thuộc Sở Xây dựng", "Sở Xây dựng"]
    r3 = UnitRegistry()
    for raw in ("các cơ quan, tổ chức liên quan", "Các cơ quan, tổ chức có liên quan"):
        r3.resolve(raw)
    assert [u.name for u in r3.units()] == ["Các cơ quan, tổ chức liên quan"]
    # two different bodies stay two
    r2 = UnitRegistry()
    for raw in ("Ban Chỉ đạo huyện", "Ban Chỉ đạo các xã"):
        r2.resolve(raw)
    assert len(r2.units()) == 2


def test_the_body_of_the_same_level_keeps_cung_cap():
    assert _list("Công an huyện; Hội Phụ nữ cùng cấp tham gia tuyên truyền") == ["Công an huyện", "Hội Phụ nữ cùng cấp"]
    # "cùng" before another body still joins two units
    assert _list("Sở Công Thương cùng Sở Tài chính thực hiện") == ["Sở Công Thương", "Sở Tài chính"]


def test_an_organ_shared_by_two_party_committees_is_spelled_out_for_each():
    assert _list("Ban Thường vụ Huyện ủy, Thị ủy lãnh đạo việc sắp xếp") == [
        "Ban Thường vụ Huyện ủy", "Ban Thường vụ Thị ủy"]
    assert _list("Ủy ban Kiểm tra Tỉnh ủy, Thành ủy và Đảng ủy các xã thực hiện") == [
        "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Thành ủy", "Đảng ủy các xã"]
    # a committee with a name of its own, or the committee the organ serves, is no organ of it
    assert _list("Ban Dân vận Tỉnh ủy, Thành ủy Tân An hướng dẫn") == ["Ban Dân vận Tỉnh ủy", "Thành ủy Tân An"]
    assert _list("Văn phòng Huyện ủy, Huyện ủy tổ chức") == ["Văn phòng Huyện ủy", "Huyện ủy"]
    assert _list("Sở Nội vụ, Thành ủy chỉ đạo") == ["Sở Nội vụ", "Thành ủy"]


def test_members_of_a_two_noun_category_are_named_by_its_first_noun():
    assert _list("Giám đốc các sở, ngành: Xây dựng; Công Thương; Ban Quản lý dự án tỉnh thực hiện rà soát") == [
        "Sở Xây dựng", "Sở Công Thương", "Ban Quản lý dự án tỉnh"]


def test_a_list_of_central_bodies_closing_a_line_is_no_task_list():
    # the invitees of a meeting, one body glued to its head by a PDF's text layer: no member is read on into the next
    text = ("Các tổ chức chính trị - xã hội: Liên minh Hợp tác xã Việt Nam, Trung ương Đoàn Thanh niên Cộng sản "
            "Hồ Chí Minh, Trung ươngHội Nông dân Việt Nam, Trung ương Hội Người cao tuổi Việt Nam.")
    assert _list(text) == ["Các tổ chức chính trị - xã hội"]
    assert _list("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, Trung ươngHội Nông dân Việt Nam phối hợp")[0] == (
        "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh")


def test_a_generic_noun_alone_in_a_cell_names_no_body():
    from extractors.units import split_unit_cell

    assert split_unit_cell("Cơ quan chủ trì") == []
    assert split_unit_cell("b) Đơn vị phối hợp") == []
    assert [(u.raw, r) for u, r in split_unit_cell("Sở Nội vụ chủ trì, phối hợp các đơn vị")] == [
        ("Sở Nội vụ", "lead"), ("các đơn vị", "support")]


def test_tong_ket_opens_the_predicate():
    assert _list("các địa phương tổng kết, đánh giá việc thực hiện") == ["Các địa phương"]
    assert _list("Các đơn vị tổng kết, rút kinh nghiệm") == ["Các đơn vị"]
    assert _list("Các hội tổng kết phong trào") == ["Các hội"]
