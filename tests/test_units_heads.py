"""Units: heads over a shared list of bodies, a body's own office over a plural list, and names whose
inner words after "và" are written in lower case (issue 10, classes 2 and 3).

Every sentence here is invented for the test (bodies, places and wording are made up); none is copied
from a gold file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from unit_helpers import unit_names


_list = unit_names


# --------------------------------------------------------------------------
# 2. A body's own office over a plural list ("Thanh tra các Bộ, ngành")
# --------------------------------------------------------------------------


def test_an_office_of_each_body_in_a_capitalised_plural_list_is_one_unit():
    assert _list("Thanh tra các Bộ, ngành, địa phương tăng cường hậu kiểm") == [
        "Thanh tra các Bộ, ngành, địa phương"]
    assert _list("Văn phòng các Sở, ban, ngành rà soát hồ sơ lưu trữ") == ["Văn phòng các Sở, ban, ngành"]
    assert _list("Công đoàn các Sở phát động phong trào thi đua") == ["Công đoàn các Sở"]
    # written in lower case it was one unit already, and stays so
    assert _list("Văn phòng các sở, ban, ngành rà soát hồ sơ lưu trữ") == ["Văn phòng các sở, ban, ngành"]
    # a capitalised head after a complete name still starts a unit of its own
    assert _list("Thanh tra tỉnh và các Sở Xây dựng, Tài chính kiểm tra") [0] == "Thanh tra tỉnh"


# --------------------------------------------------------------------------
# 2. Heads sharing one list of bodies
# --------------------------------------------------------------------------


def test_heads_of_an_enterprises_organs_sharing_its_complement_name_the_enterprises():
    # the board's chair and the director both head the corporations named once, after the last head
    assert _list("Chủ tịch Hội đồng quản trị, Giám đốc các công ty thủy lợi báo cáo kết quả") == [
        "Các công ty thủy lợi"]
    assert _list("Chủ tịch Hội đồng thành viên, Tổng Giám đốc các tổng công ty rà soát phương án") == [
        "Các tổng công ty"]
    # a board named with its own enterprise stays a unit of its own
    assert _list("Chủ tịch Hội đồng thành viên Tổng công ty Cấp nước Sông Lam, Giám đốc các công ty con báo cáo") == [
        "Hội đồng thành viên Tổng công ty Cấp nước Sông Lam", "Các công ty con"]


def test_heads_of_different_bodies_in_one_list_give_one_unit_per_body():
    assert _list("Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các huyện rà soát") == [
        "Các sở", "Các ban, ngành", "Ủy ban nhân dân các huyện"]


# --------------------------------------------------------------------------
# 3. A name whose inner words after "và" are in lower case
# --------------------------------------------------------------------------


def test_a_sentence_case_name_goes_on_after_và_to_its_proper_name():
    assert _list("Viện Khảo cổ và bảo tồn di tích Tây Nguyên chủ trì khảo sát") == [
        "Viện Khảo cổ và bảo tồn di tích Tây Nguyên"]
    assert _list("Trung tâm Tư vấn pháp luật và bảo vệ quyền lợi người lao động Hà Tĩnh hướng dẫn thủ tục") == [
        "Trung tâm Tư vấn pháp luật và bảo vệ quyền lợi người lao động Hà Tĩnh"]
    assert _list("Hội Bảo tồn động vật hoang dã và rừng nguyên sinh Việt Nam phối hợp tuyên truyền") == [
        "Hội Bảo tồn động vật hoang dã và rừng nguyên sinh Việt Nam"]


def test_và_before_lower_case_words_still_ends_a_name_without_a_proper_name_after_them():
    # no capitalised name closes the words after "và": they are the predicate or another doer
    assert _list("Phòng Tư pháp và công chức tư pháp xã rà soát") [0] == "Phòng Tư pháp"
    assert _list("Sở Xây dựng và các đơn vị liên quan kiểm tra") == ["Sở Xây dựng", "Các đơn vị liên quan"]
    assert _list("Trung tâm Y tế và trạm y tế các xã thực hiện") [0] == "Trung tâm Y tế"
    # a person or a people after "và" is no part of the body's name
    assert _list("Phòng Giáo dục và học sinh Trường Tiểu học Hòa Bình tham gia") [0] == "Phòng Giáo dục"


def test_a_bare_head_shares_the_complement_of_the_next_head_when_the_list_ends_on_a_split_kind():
    # the schools' and the centres' heads: the bare first head heads the schools named after the second
    assert _list("Hiệu trưởng, Giám đốc các trường, trung tâm trực thuộc nộp báo cáo") == [
        "Các trường", "Các trường", "Trung tâm trực thuộc"]
    # with the complement on the last unit the bare head takes it, as before
    assert _list("Cấp ủy, Thủ trưởng, Chủ tịch công đoàn các đơn vị phổ biến") == [
        "Cấp ủy các đơn vị", "Các đơn vị", "Công đoàn các đơn vị"]


def test_a_singular_board_over_a_plural_complement_goes_on_after_và_to_its_proper_name():
    assert _list("Ban Quản lý các cụm công nghiệp và làng nghề Bắc Ninh hướng dẫn doanh nghiệp") == [
        "Ban Quản lý các cụm công nghiệp và làng nghề Bắc Ninh"]
    # a plural subject is no single name: "và" still joins two subjects
    assert _list("Các đơn vị và doanh nghiệp Thanh Hóa tham gia")[0] == "Các đơn vị"


# --------------------------------------------------------------------------
# 2 and 3. Plural lists in title case; bodies abroad
# --------------------------------------------------------------------------


def test_a_plural_list_in_title_case_ends_on_a_capitalised_noun_before_its_predicate():
    assert _list("Chi cục Thống kê các Huyện, Thị xã, Thành phố tổng hợp số liệu") == [
        "Chi cục Thống kê các Huyện, Thị xã, Thành phố"]
    assert _list("Ủy ban nhân dân các Xã, Phường\nrà soát hộ nghèo") == ["Ủy ban nhân dân các Xã, Phường"]
    # a capitalised word after it makes a named body, no noun of the list
    assert _list("Ủy ban nhân dân các xã, Phường Tân Lập rà soát")[0] == "Ủy ban nhân dân các xã"


def test_abroad_is_part_of_a_bodys_name():
    assert _list("Các tổ chức phi chính phủ nước ngoài gửi báo cáo") == ["Các tổ chức phi chính phủ nước ngoài"]
    assert _list("Các cơ quan đại diện Việt Nam tại nước ngoài hỗ trợ công dân") == [
        "Các cơ quan đại diện Việt Nam tại nước ngoài"]


def test_a_plural_body_inside_a_named_body_keeps_its_owner_after_trong():
    # "trong" before a capitalised body names the owner, as "của" / "thuộc" do
    assert _list("Các cơ quan thành viên trong Hội đồng Thi đua - Khen thưởng tỉnh báo cáo") == [
        "Các cơ quan thành viên trong Hội đồng Thi đua - Khen thưởng tỉnh"]
    assert _list("Các phòng chuyên môn trong Trung tâm Kiểm soát bệnh tật thực hiện") == [
        "Các phòng chuyên môn trong Trung tâm Kiểm soát bệnh tật"]
