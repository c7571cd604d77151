"""The unit finder on general shapes of subject lists and actors (issue 10, classes 2 and 3).

Every sentence here is invented for the test (bodies, places and names are made up or generic); none
is copied from a gold file or a corpus document. The finder is tested on its grammar: a head noun
from a closed class of organisational nouns, a modifier, a boundary (verb, modal, preposition,
punctuation); lists split by the kind of body they name; a category then its members; a head's
title standing for its body; and every span slicing exactly the words it was read from.
"""

from __future__ import annotations

import random
import time

import pytest

from core.textutil import squash_spaces
from extractors.unit_registry import UnitRegistry
from extractors.units import (canonical_name, find_units, member_units, parse_unit, parse_unit_list,
                               split_unit_cell)


def _names(text: str) -> list[str]:
    ul = parse_unit_list(text, 0)
    return [u.name for u in ul.units] if ul else []


def _spans_exact(text: str, units) -> None:
    for u in units:
        assert squash_spaces(text[u.start:u.end]) == u.as_written, (text, u)


# --------------------------------------------------------------------------
# 2. Subjects that are lists
# --------------------------------------------------------------------------


def test_a_plural_list_splits_where_the_kind_of_body_changes():
    assert _names("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ rà soát thủ tục") == [
        "Các bộ", "Cơ quan ngang bộ", "Cơ quan thuộc Chính phủ"]
    assert _names("các địa phương, tổ chức, doanh nghiệp đăng ký nhu cầu") == [
        "Các địa phương", "Tổ chức", "Doanh nghiệp"]
    assert _names("Các sở, ban, ngành, địa phương gửi số liệu") == ["Các sở, ban, ngành", "Địa phương"]
    assert _names("Ủy ban nhân dân các cấp, doanh nghiệp nhà nước công khai") == [
        "Ủy ban nhân dân các cấp", "Doanh nghiệp nhà nước"]


def test_the_set_phrases_of_one_kind_stay_one_unit():
    # a province's departments, the administrative levels, an institution's parts, the law's "anyone"
    assert _names("Các sở, ban, ngành tỉnh theo dõi") == ["Các sở, ban, ngành tỉnh"]
    assert _names("UBND các xã, phường và thị trấn niêm yết") == ["Ủy ban nhân dân các xã, phường và thị trấn"]
    assert _names("Các khoa, phòng, trạm y tế bố trí nhân lực") == ["Các khoa, phòng, trạm y tế"]
    assert _names("các cơ quan, đơn vị, địa phương gửi báo cáo") == ["Các cơ quan, đơn vị, địa phương"]
    assert _names("Các tổ chức, cá nhân kinh doanh dịch vụ lưu trú nộp hồ sơ") == [
        "Các tổ chức, cá nhân kinh doanh dịch vụ lưu trú"]


def test_a_list_split_by_kind_shares_the_complement_after_its_last_noun():
    got = parse_unit_list("Các hợp tác xã, doanh nghiệp chế biến nông sản trên địa bàn huyện đăng ký tham gia", 0)
    assert [u.name for u in got.units] == [
        "Các hợp tác xã chế biến nông sản trên địa bàn huyện", "Doanh nghiệp chế biến nông sản trên địa bàn huyện"]
    # the words each points at are still its own
    assert [u.as_written for u in got.units] == ["Các hợp tác xã", "doanh nghiệp chế biến nông sản trên địa bàn huyện"]
    # a complement that makes a kind of its own ("thuộc …") is not shared
    assert _names("Các bộ, cơ quan thuộc Chính phủ thực hiện") == ["Các bộ", "Cơ quan thuộc Chính phủ"]


def test_bodies_of_several_levels_named_once():
    text = "Chủ tịch UBND cấp tỉnh, cấp huyện và cấp xã chịu trách nhiệm"
    ul = parse_unit_list(text, 0)
    assert [u.name for u in ul.units] == [
        "Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"]
    _spans_exact(text, ul.units)
    # in a responsibility cell too
    got = [(u.name, u.as_written) for u, _r in split_unit_cell("UBND cấp huyện, cấp xã")]
    assert got == [("Ủy ban nhân dân cấp huyện", "UBND cấp huyện"), ("Ủy ban nhân dân cấp xã", "cấp xã")]


def test_a_second_modifier_of_a_plural_noun_keeps_the_noun():
    # "các trường đại học, cao đẳng": the head left out before the second modifier
    assert _names("Các trường trung cấp, cao đẳng nghề có trách nhiệm tuyển sinh") == ["Các trường trung cấp, cao đẳng nghề"]
    assert _names("Các cơ quan phát thanh, truyền hình đưa tin") == ["Các cơ quan phát thanh, truyền hình"]
    # a predicate or an adverbial after the comma is not a modifier
    assert _names("Các đơn vị trực thuộc, khẩn trương rà soát") == ["Các đơn vị trực thuộc"]
    assert _names("Các doanh nghiệp, nhất là doanh nghiệp nhỏ, đăng ký") == ["Các doanh nghiệp"]


def test_long_list_whose_items_hold_commas_of_their_own():
    text = ("Chánh Văn phòng Ủy ban nhân dân tỉnh, giám đốc các sở, thủ trưởng các ban, ngành thuộc tỉnh, "
            "Chủ tịch UBND các huyện, thị xã, thành phố, Giám đốc Ban Quản lý dự án đầu tư xây dựng số 3 "
            "và các chủ đầu tư chịu trách nhiệm thi hành")
    assert _names(text) == [
        "Văn phòng Ủy ban nhân dân tỉnh", "Các sở", "Các ban, ngành thuộc tỉnh",
        "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ban Quản lý dự án đầu tư xây dựng số 3", "Các chủ đầu tư"]
    _spans_exact(text, parse_unit_list(text, 0).units)


def test_a_category_then_its_members_without_a_colon():
    text = "UBND các xã Hòa Phong, Tân Lạc và Đông Sơn rà soát hộ nghèo"
    ul = parse_unit_list(text, 0)
    assert [u.name for u in ul.units] == [
        "Ủy ban nhân dân xã Hòa Phong", "Ủy ban nhân dân xã Tân Lạc", "Ủy ban nhân dân xã Đông Sơn"]
    _spans_exact(text, ul.units)
    assert _names("Ban Chấp hành Hội Nông dân các huyện Kim Bảng, Lý Nhân báo cáo") == [
        "Ban Chấp hành Hội Nông dân huyện Kim Bảng", "Ban Chấp hành Hội Nông dân huyện Lý Nhân"]
    # names of fields: a capitalised syllable takes the next one, "và" closes a department's double name
    assert _names("các Sở Nội vụ, Giáo dục và Đào tạo, Xây dựng thẩm định đề án trước khi trình") == [
        "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Xây dựng"]
    # one name with a comma of its own is one member
    assert _names("các Sở Văn hóa, Thể thao và Du lịch, Y tế hướng dẫn") == [
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]


def test_one_body_after_the_category_or_kinds_abbreviated_are_no_members():
    assert _names("UBND các huyện Kim Bảng, Phòng Y tế thực hiện") == [
        "Ủy ban nhân dân các huyện Kim Bảng", "Phòng Y tế"]
    # the abbreviated kinds are modifiers of one plural name, with its qualifier, not members
    assert _names("Các trường ĐH, CĐ ngoài công lập báo cáo") == ["Các trường ĐH, CĐ ngoài công lập"]


def test_members_after_a_colon_keep_dashed_and_double_names():
    text = "Các sở: Lao động - Thương binh và Xã hội, Tài nguyên và Môi trường, Tư pháp và Nội vụ rà soát"
    cat = parse_unit(text, 0)
    members, end = member_units(cat, text, text.index(":") + 1)
    assert [u.name for u in members] == [
        "Sở Lao động - Thương binh và Xã hội", "Sở Tài nguyên và Môi trường", "Sở Tư pháp", "Sở Nội vụ"]
    assert text[end:].startswith(" rà soát")
    _spans_exact(text, members)


def test_a_category_listing_its_bodies_after_a_colon_inside_a_sentence():
    text = "phối hợp với các cơ quan báo chí: Báo Tây Nguyên, Đài Phát thanh - Truyền hình tỉnh, … để đưa tin"
    ul = parse_unit_list(text, text.index("các"))
    assert [u.name for u in ul.units] == ["Báo Tây Nguyên", "Đài Phát thanh - Truyền hình tỉnh"]
    _spans_exact(text, ul.units)
    assert _names("các sở: Ngoại vụ, Tư pháp và các đơn vị liên quan rà soát") == [
        "Sở Ngoại vụ", "Sở Tư pháp", "Các đơn vị liên quan"]
    # a lead-in to tasks, a list of tasks, a bare list closing the sentence: the category stays as it is
    assert _names("Các sở thực hiện nội dung sau: Rà soát, Báo cáo kết quả") == ["Các sở"]
    assert _names("các cơ quan: Rà soát, Tổng hợp số liệu gửi về") == ["Các cơ quan"]
    assert _names("Các bộ: Công an, Quốc phòng, Ngoại giao.") == ["Các bộ"]


def test_titles_in_lower_case_and_heads_map_to_bodies():
    assert _names("giám đốc các sở, thủ trưởng các ban, ngành tỉnh chỉ đạo") == ["Các sở", "Các ban, ngành tỉnh"]
    assert _names("Hiệu trưởng các trường trung học cơ sở báo cáo") == ["Các trường trung học cơ sở"]
    assert _names("Trưởng phòng Văn hóa và Thông tin huyện tham mưu") == ["Phòng Văn hóa và Thông tin huyện"]
    assert _names("Lãnh đạo Sở Ngoại vụ tiếp đoàn") == ["Sở Ngoại vụ"]
    assert _names("Chủ tịch UBND các phường kiểm tra") == ["Ủy ban nhân dân các phường"]
    # a minister named without his ministry in a list of heads is each minister
    assert _names("Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ chỉ đạo") == [
        "Các bộ", "Các cơ quan ngang bộ", "Cơ quan thuộc Chính phủ"]


# --------------------------------------------------------------------------
# 3. Actors the finder did not know
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Tổng công ty Điện lực miền Trung bảo đảm cấp điện", "Tổng công ty Điện lực miền Trung"),
    ("Công ty TNHH Một thành viên Thủy lợi Sông Cầu nạo vét kênh", "Công ty TNHH Một thành viên Thủy lợi Sông Cầu"),
    ("Tập đoàn Bưu chính Viễn thông phối hợp", "Tập đoàn Bưu chính Viễn thông"),
    ("Hiệp hội Du lịch tỉnh vận động hội viên", "Hiệp hội Du lịch tỉnh"),
    ("Liên đoàn Lao động huyện tổ chức", "Liên đoàn Lao động huyện"),
    ("Đoàn Luật sư tỉnh cử luật sư", "Đoàn Luật sư tỉnh"),
    ("Báo Đồng Nai mở chuyên mục", "Báo Đồng Nai"),
    ("Đài Phát thanh - Truyền hình huyện đưa tin", "Đài Phát thanh - Truyền hình huyện"),
    ("Hội đồng Giáo dục quốc phòng tỉnh kiểm tra", "Hội đồng Giáo dục quốc phòng tỉnh"),
    ("Thư ký Hội đồng tổng hợp phiếu", "Thư ký Hội đồng"),
    ("Ban Quản lý dự án đầu tư xây dựng số 1 triển khai", "Ban Quản lý dự án đầu tư xây dựng số 1"),
    ("Nhà đầu tư có trách nhiệm ký quỹ", "Nhà đầu tư"),
    ("Các chủ đầu tư khẩn trương giải ngân", "Các chủ đầu tư"),
    ("Cổng thông tin điện tử huyện đăng tải", "Cổng thông tin điện tử huyện"),
])
def test_actors_are_units(text, name):
    assert _names(text) == [name]


def test_common_words_with_a_head_inside_are_no_units():
    for text in ("Báo cáo kết quả thực hiện", "Đoàn kết các dân tộc", "thư ký cuộc họp ghi biên bản",
                 "Tổ chức tập huấn", "Hội nghị tổng kết"):
        assert _names(text) == [], text


def test_a_short_form_defined_in_the_text_stands_for_its_body():
    r = UnitRegistry()
    r.define("Ban Điều hành", "Ban Điều hành dự án cải tạo lưới điện nông thôn")
    assert r.name(r.resolve("Ban Điều hành")) == "Ban Điều hành dự án cải tạo lưới điện nông thôn"


def test_canonical_names_of_heads():
    assert canonical_name("Bộ trưởng") == "Các bộ"
    assert canonical_name("Giám đốc Công ty Cấp nước") == "Công ty Cấp nước"


# --------------------------------------------------------------------------
# Provenance and boundedness
# --------------------------------------------------------------------------


def test_every_span_slices_the_words_it_was_read_from():
    texts = [
        "Giao  Sở Tài chính,\nSở Y tế  và UBND các xã Tân Hòa, Phú An chủ trì",
        "Cấp ủy, Công đoàn các đơn vị   xây dựng kế hoạch",
        "Các cơ sở, doanh nghiệp kinh doanh xăng dầu trên địa bàn tỉnh niêm yết giá",
        "Phòng Tài chính - Kế hoạch của huyện thẩm định.",
    ]
    for text in texts:
        for u in find_units(text):
            assert squash_spaces(text[u.start:u.end]) == u.as_written, (text, u)
        pos = 0
        while pos < len(text):
            ul = parse_unit_list(text, pos)
            if ul:
                _spans_exact(text, ul.units)
                pos = ul.end
            pos += 1


_WORDS = ["Sở", "Phòng", "các", "Ban", "xã", "phường", "và", ",", "Tư pháp", "UBND", "Hội đồng", "Giám đốc",
          "thực hiện", "doanh nghiệp", "tổ chức", "cá nhân", ":", "Kim Sơn", "-", "Thương binh", "liên quan",
          "thuộc", "số 2", "Công ty", "Văn hóa", "Thể thao", "Du lịch", "trên địa bàn", "(", ")", "các cấp"]


def test_random_long_strings_parse_in_bounded_time():
    rnd = random.Random(20251207)
    for _ in range(5):
        text = " ".join(rnd.choice(_WORDS) for _ in range(4000))
        t0 = time.process_time()
        units = find_units(text)
        for i in range(0, len(text), 97):
            ul = parse_unit_list(text, i)
            if ul:
                _spans_exact(text, ul.units)
        assert time.process_time() - t0 < 20
        assert all(0 <= u.start < u.end <= len(text) for u in units)
    # one name word repeated: the tail stops after a bounded number of words
    text = "Sở " + "Kim " * 20000 + "thực hiện"
    t0 = time.process_time()
    u = parse_unit(text, 0)
    assert u is not None and len(u.raw.split()) <= 16
    assert time.process_time() - t0 < 5


# --------------------------------------------------------------------------
# Shapes left over (third pass): adverbs after a name, joint offices, abbreviated modifiers, OCR glue,
# sector subjects and school roles
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Các trung tâm y tế nhất thiết phải gửi số liệu trước ngày 5.", "Các trung tâm y tế"),
    ("Các bệnh viện tuyến huyện nhất thiết không được từ chối người bệnh.", "Các bệnh viện tuyến huyện"),
    ("Sở Nội vụ kính đề nghị các cơ quan cử cán bộ dự họp.", "Sở Nội vụ"),
    ("Sở Tài chính xem xét, bố trí kinh phí cho các xã.", "Sở Tài chính"),
    ("Bộ Xây dựng chỉ thị các đơn vị rà soát công trình.", "Bộ Xây dựng"),
    ("Phòng Kinh tế luôn theo dõi giá cả thị trường.", "Phòng Kinh tế"),
    ("Trung tâm Văn hóa huyện cũng đăng tải thông tin.", "Trung tâm Văn hóa huyện"),
    ("Các trạm y tế đều lập danh sách người cao tuổi.", "Các trạm y tế"),
])
def test_an_adverb_or_a_modal_ends_a_name(text, name):
    assert find_units(text)[0].raw == name


@pytest.mark.parametrize("text, name", [
    ("Văn phòng HĐND và UBND huyện tổng hợp kết quả.", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
    ("Giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã theo dõi.",
     "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã"),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh chuẩn bị tài liệu.", None),
])
def test_a_joint_office_of_two_councils_is_one_body(text, name):
    units = find_units(text)
    assert len(units) == 1
    if name:
        assert canonical_name(units[0].raw) == name
    _spans_exact(text, units)


def test_an_office_and_a_council_named_apart_stay_two():
    assert [u.raw for u in find_units("Văn phòng Sở Y tế và UBND huyện phối hợp.")] == ["Văn phòng Sở Y tế", "UBND huyện"]


@pytest.mark.parametrize("text, raw", [
    ("Các trường ĐH, CĐ ngoài công lập báo cáo số liệu tuyển sinh.", "Các trường ĐH, CĐ ngoài công lập"),
    ("Các trường THPT, THCS trên địa bàn tổ chức thi thử.", "Các trường THPT, THCS trên địa bàn"),
    ("Các cơ sở giáo dục ngoài công lập niêm yết học phí.", "Các cơ sở giáo dục ngoài công lập"),
])
def test_an_abbreviated_second_modifier_and_a_qualifier_stay_in_a_plural_name(text, raw):
    assert find_units(text)[0].raw == raw


def test_an_abbreviated_body_after_a_comma_is_its_own_unit():
    assert [u.raw for u in find_units("Các trường CĐ, UBND các xã báo cáo.")] == ["Các trường CĐ", "UBND các xã"]


def test_ocr_glued_y_syllable_gives_the_canonical_name():
    assert canonical_name("Sở Ytế") == canonical_name("Sở Y tế") == "Sở Y tế"
    assert canonical_name("Trung tâm Ytế huyện") == "Trung tâm Y tế huyện"
    assert canonical_name("UBND tỉnh Yên Bái") == "Ủy ban nhân dân tỉnh Yên Bái"  # "Yên" is one syllable
    r = UnitRegistry()
    assert r.resolve("Sở Ytế") == r.resolve("Sở Y tế")


@pytest.mark.parametrize("text, name", [
    ("Toàn ngành tập trung hoàn thành các chỉ tiêu.", "Toàn ngành"),
    ("Toàn ngành Giáo dục đẩy mạnh chuyển đổi số.", "Toàn ngành Giáo dục"),
    ("GVCN có trách nhiệm nhắc nhở học sinh.", "Giáo viên chủ nhiệm"),
    ("CVHT hướng dẫn sinh viên đăng ký học phần.", "Cố vấn học tập"),
    ("Đề nghị GVBM cập nhật điểm trước ngày 20.", "Giáo viên bộ môn"),
])
def test_a_sector_and_school_roles_are_units(text, name):
    assert [canonical_name(u.raw) for u in find_units(text)] == [name]


def test_toan_nganh_as_a_scope_is_no_unit():
    assert find_units("Triển khai trong toàn ngành các giải pháp tiết kiệm.") == []


@pytest.mark.parametrize("text, raws", [
    ("Nộp mẫu GVCN-03 cho phòng Đào tạo.", ["phòng Đào tạo"]),
    ("Biểu CVHT - 02 do Phòng Công tác sinh viên ban hành.", ["Phòng Công tác sinh viên"]),
    ("CVHT trong học kỳ gặp sinh viên hai lần.", ["CVHT"]),
])
def test_a_role_acronym_is_the_role_alone_and_with_a_number_a_form_code(text, raws):
    assert [u.raw for u in find_units(text)] == raws


@pytest.mark.parametrize("text, names", [
    ("Các hợp tác xã, tổ hợp tác đăng ký lại hoạt động.", ["Các hợp tác xã, tổ hợp tác"]),
    ("Các tổ hợp tác, hợp tác xã trên địa bàn báo cáo doanh thu.", ["Các tổ hợp tác, hợp tác xã trên địa bàn"]),
    ("Các doanh nghiệp, tổ hợp tác rà soát lao động.", ["Các doanh nghiệp", "Tổ hợp tác"]),
    ("Các khoa, tổ chuyên môn báo cáo.", ["Các khoa, tổ chuyên môn"]),
])
def test_to_hop_tac_is_a_kind_of_cooperative_not_the_unit_to(text, names):
    assert _names(text) == names
