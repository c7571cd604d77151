"""Units: where the name of a body ends and what an item of a subject list is, on shapes seen on unseen
documents (issue 10, classes 2, 3, 5 and 7).

Every sentence here is invented for the test (bodies, places, people and wording are made up); none is
copied from a gold file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from extractors.units import canonical_name, parse_unit_list
from unit_helpers import unit_names
from tests.obligation_helpers import holding, obligations_and_units


_list = unit_names


def _names(ob) -> list[str]:
    return [canonical_name(u.name) if hasattr(u, "name") else str(u) for u in ob.units]


# --------------------------------------------------------------------------
# A roster of a committee: "Đồng chí <title> <body>, <role in the committee>: <duties>"
# --------------------------------------------------------------------------


def test_a_members_role_after_a_comma_is_no_part_of_the_body_he_heads():
    # the role in the committee after the comma is an appositive of the person, not a name part
    assert _list("Giám đốc Sở Công Thương, Thành viên Tổ công tác: theo dõi việc cấp điện") == ["Sở Công Thương"]
    assert _list("Giám đốc Sở Văn hóa, Thể thao và Du lịch chủ trì") == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_person_introduced_by_dong_chi_names_the_body_of_his_title():
    assert _list("Đồng chí Phó Giám đốc Sở Xây dựng, Tổ phó Tổ giúp việc: Theo dõi tiến độ") == ["Sở Xây dựng"]
    text = "Đồng chí Phó Giám đốc Sở Xây dựng, Tổ phó Tổ giúp việc: Theo dõi tiến độ"
    ul = parse_unit_list(text, 0)
    # the list reaches the colon: the person's roles are read, the duties follow
    assert ul is not None and text[ul.end:] == ": Theo dõi tiến độ"
    # a deputy's title, and a standing deputy's, head the body after them
    assert _list("Đồng chí Phó Bí thư Thường trực Huyện ủy, Trưởng Ban Chỉ đạo huyện: Phụ trách chung") == ["Huyện ủy"]
    assert _list("Đồng chí Phó Trưởng phòng Kinh tế - Hạ tầng - Phó Trưởng tiểu ban: Theo dõi hồ sơ") == [
        "Phòng Kinh tế - Hạ tầng"]


def test_each_member_of_a_roster_gets_his_bodys_duties():
    text = (
        "Tổ công tác phân công nhiệm vụ các thành viên như sau:\n"
        "1. Đồng chí Giám đốc Sở Xây dựng, Tổ trưởng: Phụ trách chung, điều hành hoạt động của Tổ.\n"
        "2. Đồng chí Phó Chủ tịch Hội Nông dân huyện, Thành viên Tổ công tác: Theo dõi việc hỗ trợ nông dân vay vốn.\n"
        "3. Đồng chí Trưởng Phòng Tài chính - Kế hoạch - Ủy viên: Thẩm định dự toán kinh phí của Tổ.\n"
    )
    obs, _units = obligations_and_units(text)
    assert [u.name for u in holding(obs, "Phụ trách chung").units] == ["Sở Xây dựng"]
    assert [u.name for u in holding(obs, "vay vốn").units] == ["Hội Nông dân huyện"]
    assert [u.name for u in holding(obs, "Thẩm định dự toán").units] == ["Phòng Tài chính - Kế hoạch"]


# --------------------------------------------------------------------------
# A heading naming two bodies: joined by a semicolon, or by "và" before another body's head
# --------------------------------------------------------------------------


def test_a_press_body_named_with_two_nouns_is_one_name():
    assert _list("Báo và Phát thanh, Truyền hình Đông Hải đưa tin về hội nghị") == [
        "Báo và Phát thanh, Truyền hình Đông Hải"]
    assert _list("Sở Khoa học và Công nghệ; Báo và Phát thanh, Truyền hình Đông Hải") == [
        "Sở Khoa học và Công nghệ", "Báo và Phát thanh, Truyền hình Đông Hải"]
    # "báo cáo" stays a verb
    assert _list("báo cáo và Phát hành") == []


def test_a_heading_naming_two_bodies_gives_each_the_items_below():
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ\n"
        "Chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n"
        "2. Sở Khoa học và Công nghệ; Báo và Phát thanh, Truyền hình Đông Hải\n"
        "Đẩy mạnh tuyên truyền về chuyển đổi số trên các phương tiện thông tin.\n"
        "3. Sở, ban, ngành tỉnh và Ủy ban nhân dân xã, thị trấn\n"
        "Căn cứ chức năng, nhiệm vụ được giao, tổ chức triển khai thực hiện Kế hoạch.\n"
        "4. Văn phòng HĐND và UBND huyện\n"
        "Bố trí phòng họp trực tuyến.\n"
    )
    obs, _units = obligations_and_units(text)
    assert [u.name for u in holding(obs, "chuyển đổi số").units] == [
        "Sở Khoa học và Công nghệ", "Báo và Phát thanh, Truyền hình Đông Hải"]
    assert [u.name for u in holding(obs, "tổ chức triển khai").units] == [
        "Sở, ban, ngành tỉnh", "Ủy ban nhân dân xã, thị trấn"]
    # one office serving both councils stays one body
    assert [u.name for u in holding(obs, "phòng họp").units] == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]


# --------------------------------------------------------------------------
# Typography and slips: an em dash between two parts of a name, a doubled "các"
# --------------------------------------------------------------------------


def test_an_em_dash_joins_two_parts_of_a_name():
    assert _list("Ban Tổ chức — Hành chính: Rà soát hồ sơ nhân sự") == ["Ban Tổ chức - Hành chính"]
    assert _list("Hội đồng Thi đua — Khen thưởng huyện xét duyệt hồ sơ") == ["Hội đồng Thi đua - Khen thưởng huyện"]
    # a lower-case appositive after the dash stays out of the name
    assert _list("Sở Công Thương — cơ quan thường trực — chủ trì") == ["Sở Công Thương"]


def test_a_doubled_cac_opens_the_plural_list_all_the_same():
    assert _list("Các các trường trung cấp nghề, trung tâm dạy nghề báo cáo kết quả") == [
        "Các trường trung cấp nghề", "Trung tâm dạy nghề"]


# --------------------------------------------------------------------------
# An office named by its abbreviation is a complete name; "va" is "và" a scan lost the tone of
# --------------------------------------------------------------------------


def test_an_office_named_by_its_abbreviation_ends_before_a_damaged_role_word():
    # text recognition damaged the role word ("chi trì", "chủ tri", "khan trương"): the name ends all the same
    assert _list("Ban QLCL chi trì, phối hợp với các đơn vị rà soát") == ["Ban QLCL"]
    assert _list("Vụ PCTH chủ tri xây dựng dự thảo") == ["Vụ PCTH"]
    assert _list("Cục KTNB khan trương rà soát") == ["Cục KTNB"]
    # what completes a name still follows it: a level and its place, an owner, a proper name
    assert _list("Phòng GD&ĐT huyện Tân Lạc tổ chức") == ["Phòng Giáo dục và Đào tạo huyện Tân Lạc"]
    assert _list("Phòng TC-HC của Sở Y tế chủ trì") == ["Phòng Tổ chức - Hành chính của Sở Y tế"]
    assert _list("Trường THPT chuyên Hoàng Văn Thụ tổ chức") == ["Trường THPT chuyên Hoàng Văn Thụ"]


def test_va_before_a_capitalised_body_joins_two_units():
    assert _list("Cục QLXD va Cục KHTC thực hiện") == ["Cục QLXD", "Cục KHTC"]
    assert _list("Cục QLXD va các Cục Thuế khu vực phối hợp") == ["Cục QLXD", "Các Cục Thuế khu vực"]


def test_a_ministry_closed_by_its_sector_takes_no_other_body_after_va():
    # "và" + a capitalised word after a complete sector name is another body, not a part of the name
    assert _list("Bộ Tài chính và HHDN chủ trì hội nghị") == ["Bộ Tài chính"]
    assert _list("Bộ Tài\nchính va HHDN chủ trì hội nghị") == ["Bộ Tài chính"]
    # a sector's name broken over two lines is the same sector
    assert _list("Sở Giáo dục và\nĐào tạo hướng dẫn các trường") == ["Sở Giáo dục và Đào tạo"]


# --------------------------------------------------------------------------
# A plural noun complete on its own ("các địa phương", "các bộ, ngành"): the predicate after it
# --------------------------------------------------------------------------


def test_a_complete_plural_noun_ends_before_a_predicate_of_unknown_verbs():
    # the verbs after it are no stop words; the words after them show the predicate has begun
    assert _list("Các địa phương nhanh chóng hoàn chỉnh hồ sơ đất đai") == ["Các địa phương"]
    assert _list("Các bộ, ngành gấp rút sửa đổi thủ tục") == ["Các bộ, ngành"]
    assert _list("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương dồn sức chuyển đổi cơ cấu") == [
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    assert _list("Các bộ, cơ quan, địa phương trong quản lý đất đai cần") == ["Các bộ, cơ quan, địa phương"]


def test_a_complete_plural_noun_keeps_its_modifiers():
    assert _list("Các huyện biên giới chủ trì tuần tra") == ["Các huyện biên giới"]
    assert _list("Các xã vùng cao, biên giới chủ động") == ["Các xã vùng cao, biên giới"]
    assert _list("Các tỉnh miền núi phía Bắc triển khai") == ["Các tỉnh miền núi phía Bắc"]
    assert _list("Các địa phương trong tỉnh chủ động rà soát") == ["Các địa phương trong tỉnh"]
    assert _list("Các địa phương có liên quan rà soát") == ["Các địa phương có liên quan"]
    assert _list("Các bộ quản lý ngành, lĩnh vực hướng dẫn") == ["Các bộ quản lý ngành, lĩnh vực"]


def test_lanh_dao_opening_a_list_of_verbs_is_the_verb():
    # "Lãnh đạo, chỉ đạo …" (to lead, to direct) opens an item's tasks; no body is named
    assert _list("Lãnh đạo, chỉ đạo tổ chức triển khai các nghị quyết của cấp trên") == []
    assert _list("Lãnh đạo Sở Nội vụ chỉ đạo rà soát") == ["Sở Nội vụ"]


# --------------------------------------------------------------------------
# Titles after a person's name say who he is: no subject, but for a roster line's duties
# --------------------------------------------------------------------------


def test_titles_after_a_persons_name_are_no_subject_list():
    text = "Sau khi nghe báo cáo, đồng chí Lê Văn Cường, Phó Bí thư Huyện ủy, Chủ tịch Ủy ban nhân dân huyện kết luận:"
    assert parse_unit_list(text, text.index("Phó Bí thư")) is None
    # a roster line names the person, then his title and role, then his duties: his body does them
    roster = "Đồng chí Lê Văn Cường, Giám đốc Sở Xây dựng, Tổ trưởng: Phụ trách chung."
    assert _list(roster[roster.index("Giám đốc"):]) == ["Sở Xây dựng"]
    ul = parse_unit_list(roster, roster.index("Giám đốc"))
    assert ul is not None and [canonical_name(u.raw) for u in ul.units] == ["Sở Xây dựng"]


def test_a_conclusions_items_are_not_the_speakers_tasks():
    text = (
        "Ngày 10/4/2026, Tổ công tác số 3 của Huyện ủy làm việc với Đảng ủy các xã. Sau khi nghe báo cáo, đồng chí "
        "Lê Văn Cường, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Bí thư Huyện ủy, Chủ tịch Ủy ban nhân dân huyện kết luận:\n"
        "1. Trong quý I năm 2026, các xã đã chủ động triển khai nghiêm túc các hướng dẫn của cấp trên.\n"
    )
    obs, _units = obligations_and_units(text)
    assert not [o for o in obs if "quý I" in o.source_text and {u.name for u in o.units} & {"Huyện ủy", "Ủy ban nhân dân huyện"}]
