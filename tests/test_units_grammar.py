"""Where a body's name ends: a small positive grammar of its complement (issue 10, classes 2 and 3).

Every sentence here is invented for the test: the bodies, places and wordings are made up or generic and
copied from no gold file or corpus document. The shapes tested are those of the complement of a head noun:
a sector's double name in any case ("giáo dục và đào tạo"), an owner ("của Sở …", "thuộc khối …", "của
tỉnh"), a proper name that completes the name (a lower-case word after it opens the predicate, whatever
verb it is), and a category's members that happen to be verbs elsewhere ("Xây dựng").
"""

from __future__ import annotations

from core.textutil import squash_spaces
from extractors.units import canonical_name, find_units, parse_unit_list


def _names(text: str) -> list[str]:
    ul = parse_unit_list(text, 0)
    return [u.name for u in ul.units] if ul else []


def _spans_exact(text: str) -> None:
    ul = parse_unit_list(text, 0)
    for u in ul.units if ul else []:
        assert squash_spaces(text[u.start:u.end]) == u.as_written, (text, u)


# --------------------------------------------------------------------------
# a sector's double name is one complement, in any case
# --------------------------------------------------------------------------


def test_a_lower_case_sector_name_with_va_stays_in_the_name():
    assert _names("Các sở giáo dục và đào tạo hướng dẫn các trường") == ["Các sở giáo dục và đào tạo"]
    assert _names("Các sở nông nghiệp và môi trường kiểm kê diện tích rừng") == ["Các sở nông nghiệp và môi trường"]
    assert _names("Sở khoa học và công nghệ các tỉnh thẩm định đề tài") == ["Sở khoa học và công nghệ các tỉnh"]
    assert _names("Các phòng lao động - thương binh và xã hội lập danh sách") == [
        "Các phòng lao động - thương binh và xã hội"]
    # "và" before another body still splits the list
    assert _names("Các sở giáo dục và các trường cao đẳng triển khai") == ["Các sở giáo dục", "Các trường cao đẳng"]


def test_a_sector_name_closes_the_name_before_an_unlisted_verb():
    # "đăng cai", "ươm tạo" are in no list of verbs: after a complete sector name they open the predicate
    assert _names("Sở Giáo dục và đào tạo đăng cai vòng chung kết") == ["Sở Giáo dục và đào tạo"]
    assert _names("Sở Khoa học và Công nghệ ươm tạo các dự án khởi nghiệp") == ["Sở Khoa học và Công nghệ"]
    # a place name after it is still the body's ("… Hòa Bình"), so is a level
    assert _names("Sở Giáo dục và Đào tạo Hòa Bình gửi báo cáo") == ["Sở Giáo dục và Đào tạo Hòa Bình"]
    assert _names("Phòng giáo dục và đào tạo huyện tổ chức hội thi") == ["Phòng giáo dục và đào tạo huyện"]


# --------------------------------------------------------------------------
# the owner of a body is part of its name
# --------------------------------------------------------------------------


def test_an_owner_after_cua_or_thuoc_is_part_of_the_name():
    assert _names("Các phòng chuyên môn của Sở Xây dựng cử cán bộ tham gia") == [
        "Các phòng chuyên môn của Sở Xây dựng"]
    assert _names("Hội đồng khoa học của Trường xét duyệt đề cương") == ["Hội đồng khoa học của Trường"]
    assert _names("Cổng thông tin điện tử của tỉnh đăng tải danh sách") == ["Cổng thông tin điện tử của tỉnh"]
    assert _names("Các đơn vị thuộc khối Văn phòng góp ý dự thảo") == ["Các đơn vị thuộc khối Văn phòng"]
    assert _names("Các tổ nghiệp vụ thuộc Công an huyện Đồng Xuân phối hợp") == [
        "Các tổ nghiệp vụ thuộc Công an huyện Đồng Xuân"]
    assert _names("Các đơn vị có liên quan thuộc Bộ Nội vụ chuẩn bị tài liệu") == [
        "Các đơn vị có liên quan thuộc Bộ Nội vụ"]
    assert _names("Các đơn vị chuyên trách của các bộ, ngành bố trí nhân lực") == [
        "Các đơn vị chuyên trách của các bộ, ngành"]
    _spans_exact("Các phòng chuyên môn của Sở Xây dựng cử cán bộ tham gia")


def test_cua_or_thuoc_without_a_body_ends_the_name():
    assert _names("Sở Tài chính của mình có trách nhiệm rà soát") == ["Sở Tài chính"]
    assert _names("Phòng Nội vụ thuộc diện được xét khen thưởng") == ["Phòng Nội vụ"]
    assert _names("Các đơn vị thuộc phạm vi quản lý gửi báo cáo") == ["Các đơn vị"]


def test_emulation_blocks_are_units():
    assert _names("Các khối, cụm thi đua của huyện tổ chức ký kết giao ước") == [
        "Các khối, cụm thi đua của huyện"]


# --------------------------------------------------------------------------
# a proper name completes the name
# --------------------------------------------------------------------------


def test_a_proper_name_closes_the_name_before_an_unlisted_verb():
    # "đây nhanh" (a slip for "đẩy nhanh"), "bác bỏ", "góp vốn": no verb list holds them
    assert _names("Tổng Công ty Cấp nước Miền Tây đây nhanh tiến độ") == ["Tổng Công ty Cấp nước Miền Tây"]
    assert _names("Ban Quản lý các khu công nghiệp tỉnh Yên Phong bác bỏ đơn") == [
        "Ban Quản lý các khu công nghiệp tỉnh Yên Phong"]
    assert _names("Công ty cổ phần Vận tải Hòa Khánh góp vốn thành lập") == ["Công ty cổ phần Vận tải Hòa Khánh"]


def test_a_capitalised_word_keeps_its_second_syllable_and_what_follows_a_name():
    assert _names("Văn phòng Tổng Bí thư chỉ đạo") == ["Văn phòng Tổng Bí thư"]
    assert _names("Hội Cựu Chiến binh xã, Hội Nông dân xã tham gia") == ["Hội Cựu Chiến binh xã", "Hội Nông dân xã"]
    assert _names("Ban Quản lý Khu Kinh tế tỉnh cấp phép đầu tư") == ["Ban Quản lý Khu Kinh tế tỉnh"]
    assert _names("Ban Quản lý Vườn Quốc gia Núi Mây tuần tra") == ["Ban Quản lý Vườn Quốc gia Núi Mây"]
    assert _names("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh/thành phố phát động") == [
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh/thành phố"]
    assert _names("Trung tâm Ứng cứu khẩn cấp môi trường Việt Nam sẵn sàng hỗ trợ") == [
        "Trung tâm Ứng cứu khẩn cấp môi trường Việt Nam"]
    # a dashed name reads on after its second part ("… - Kế hoạch hóa gia đình")
    assert _names("Chi cục Dân số - Kế hoạch hóa gia đình tổng hợp số liệu") == [
        "Chi cục Dân số - Kế hoạch hóa gia đình"]
    # the head of a body inside the name opens a new complement ("… Ban Chỉ đạo …")
    assert _names("Tổ giúp việc Ban Chỉ đạo Chuyển đổi số huyện họp định kỳ") == [
        "Tổ giúp việc Ban Chỉ đạo Chuyển đổi số huyện"]


# --------------------------------------------------------------------------
# a category's members, canonical names
# --------------------------------------------------------------------------


def test_a_member_that_is_a_verb_elsewhere_is_still_a_member():
    assert _names("Các sở: Nội vụ, Tài chính, Xây dựng rà soát hồ sơ") == ["Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng"]
    assert _names("Các sở: Xây dựng, Công Thương thẩm định thiết kế") == ["Sở Xây dựng", "Sở Công Thương"]
    # a list of tasks after the colon is no list of members
    assert _names("Các phòng: Rà soát hồ sơ, Báo cáo kết quả trước ngày 5") == ["Các phòng"]


def test_canonical_names_keep_qu_and_a_name_that_repeats_its_head_word():
    assert canonical_name("Trung tâm Phát triển quỹ đất huyện") == "Trung tâm Phát triển quỹ đất huyện"
    assert canonical_name("Quỹ Bảo vệ môi trường") == "Quỹ Bảo vệ môi trường"
    assert canonical_name("Khoa Khoa học cơ bản") == "Khoa Khoa học cơ bản"
    assert canonical_name("Phòng Phòng Nội vụ") == "Phòng Nội vụ"  # a slip before a capital
    assert canonical_name("Uỷ ban nhân dân xã Hoà An") == "Ủy ban nhân dân xã Hòa An"
    assert [u.name for u in find_units("Khoa Khoa học cơ bản phân công giảng viên")] == ["Khoa Khoa học cơ bản"]


def test_adverbs_end_a_name_and_a_head_keeps_its_own_second_word():
    assert _names("Phòng Quản trị - Thiết bị chỉ nhận hồ sơ đủ chữ ký") == ["Phòng Quản trị - Thiết bị"]
    assert _names("Các đơn vị tuỳ theo điều kiện bố trí thời gian") == ["Các đơn vị"]
    assert _names("Tổ Thư ký giúp việc rà soát hồ sơ") == ["Tổ Thư ký"]
    assert _names("Các viện nghiên cứu, các trường cao đẳng gửi đề xuất") == [
        "Các viện nghiên cứu", "Các trường cao đẳng"]
    assert _names("Ban chỉ đạo xã họp định kỳ") == ["Ban chỉ đạo xã"]


def test_a_bare_head_noun_refers_to_the_one_body_of_that_head():
    from extractors.unit_registry import UnitRegistry

    r = UnitRegistry()
    bare = r.resolve("Khoa")
    r.resolve("Khoa Kỹ thuật nông nghiệp")
    r.resolve("Phòng Quản lý đào tạo")
    assert r.name(bare) == "Khoa Kỹ thuật nông nghiệp"
    units = {u.name: u.aliases for u in r.units()}
    assert set(units) == {"Khoa Kỹ thuật nông nghiệp", "Phòng Quản lý đào tạo"}
    assert "Khoa" in units["Khoa Kỹ thuật nông nghiệp"]
    # two bodies of that head: the bare noun names neither
    r2 = UnitRegistry()
    bare2 = r2.resolve("Khoa")
    r2.resolve("Khoa Chăn nuôi")
    r2.resolve("Khoa Thú y")
    assert r2.name(bare2) == "Khoa"
    assert len(r2.units()) == 3


def test_a_capitalised_word_after_a_complete_name_is_a_place_only_when_it_reads_as_one():
    # "Hướng dẫn" (a title's verb) after a sector name is no place name; "Hòa Bình", "Huế" are
    assert _names("Bộ Giáo dục và đào tạo Hướng dẫn tạm thời về nội dung chi") == ["Bộ Giáo dục và đào tạo"]
    assert _names("Sở Giáo dục và Đào tạo Huế tổ chức thi") == ["Sở Giáo dục và Đào tạo Huế"]
    # a kind of body after a plural's comma is a unit of its own
    assert _names("Các cơ sở giáo dục đại học, viện nghiên cứu hỗ trợ học sinh") == [
        "Các cơ sở giáo dục đại học", "Viện nghiên cứu"]
    # "thuộc" before garbled text is read on as before (a table cell's verdict rests on it)
    assert _names("Các đơn vị thuộc T3 sở liên quan phối hợp") == ["Các đơn vị thuộc T3 sở liên quan"]


def test_a_school_noun_takes_a_kind_of_school_or_ends_before_its_predicate():
    # "xét tuyển", "tuyển sinh", "tiếp nhận" are in no list of verbs: no kind of school, so the predicate
    assert _names("Các trường xét tuyển theo chỉ tiêu được giao") == ["Các trường"]
    assert _names("Các trường tuyển sinh bổ sung đợt 2") == ["Các trường"]
    assert _names("Các trường trung học cơ sở trên địa bàn huyện tổ chức ngoại khóa") == [
        "Các trường trung học cơ sở trên địa bàn huyện"]
    assert _names("Các trường dân tộc nội trú bố trí chỗ ở") == ["Các trường dân tộc nội trú"]
    assert _names("Các trường học thuộc Phòng Giáo dục và Đào tạo rà soát") == [
        "Các trường học thuộc Phòng Giáo dục và Đào tạo"]


def test_a_one_sector_ministry_or_department_is_a_complete_name():
    # "Bộ/Sở" + one sector written with its capital closes the name: an unlisted verb after it is the predicate
    assert _names("Bộ Xây dựng đẩy nhanh tiến độ thẩm định thiết kế.") == ["Bộ Xây dựng"]
    assert _names("Sở Tư pháp sớm thẩm định dự thảo quy chế.") == ["Sở Tư pháp"]
    assert _names("Bộ Giao thông vận tải gấp rút hoàn thiện đề án.") == ["Bộ Giao thông vận tải"]
    # what may follow a complete name still belongs to it
    assert _names("Sở Y tế tỉnh Quảng Trị xây dựng kế hoạch.") == ["Sở Y tế tỉnh Quảng Trị"]
    assert _names("Sở Tài chính - Kế hoạch huyện rà soát nguồn vốn.") == ["Sở Tài chính - Kế hoạch huyện"]
    assert _names("Bộ Tài chính và Kế hoạch đề xuất phương án.") == ["Bộ Tài chính và Kế hoạch"]
    # the rule is for the sector right after Bộ/Sở: a school named after it keeps its whole name
    assert _names("Trường Cao đẳng Y tế Hà Nội tổ chức tuyển sinh.") == ["Trường Cao đẳng Y tế Hà Nội"]
