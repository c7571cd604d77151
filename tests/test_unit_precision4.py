"""Units: names that run into the predicate after them (issue 10).

Every sentence here is invented for the test (bodies, places, people and wording are made up); none is
copied from a gold file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from extractors.unit_registry import UnitRegistry
from obligation_helpers import obligations_and_units


def _unit_names(units) -> list[str]:
    return [u.name for u in units]


# --------------------------------------------------------------------------
# A complete name read on into the verb after it
# --------------------------------------------------------------------------


def test_a_name_read_into_its_verb_is_the_name_the_document_writes_without_it():
    reg = UnitRegistry()
    a = reg.resolve("Cục Cảng")
    b = reg.resolve("Cục Cảng lưu tâm")
    assert reg.name(b) == reg.name(a) == "Cục Cảng"
    assert _unit_names(reg.units()) == ["Cục Cảng"]


def test_the_shorter_name_may_come_after_the_run_on_one():
    reg = UnitRegistry()
    b = reg.resolve("Chi cục Đê Điều ra sức")
    reg.resolve("Chi cục Đê Điều")
    assert reg.name(b) == "Chi cục Đê Điều"


def test_a_short_name_read_as_its_addressee_still_names_the_run_on_one():
    # "Cục Cảng" takes the addressee's fuller name; the run-on mention follows it there
    reg = UnitRegistry(seeds=["Cục Cảng các tỉnh, thành phố trực thuộc Trung ương"])
    a = reg.resolve("Cục Cảng")
    b = reg.resolve("Cục Cảng lưu tâm")
    assert reg.name(b) == reg.name(a) == "Cục Cảng các tỉnh, thành phố trực thuộc Trung ương"


def test_a_name_ending_in_lower_case_words_keeps_them():
    # "Ban Quản lý" ends with a lower-case syllable: "dự án" after it may be its name's own words
    reg = UnitRegistry()
    reg.resolve("Ban Quản lý")
    b = reg.resolve("Ban Quản lý rừng phòng hộ")
    assert reg.name(b) == "Ban Quản lý rừng phòng hộ"


def test_a_place_list_or_owner_after_the_name_is_no_predicate():
    for tail in ("tỉnh", "thành phố", "các huyện", "của Bộ"):
        reg = UnitRegistry()
        reg.resolve("Cục Cảng")
        b = reg.resolve(f"Cục Cảng {tail}")
        assert reg.name(b) == f"Cục Cảng {tail}", tail


def test_a_longer_name_written_twice_is_a_name():
    reg = UnitRegistry()
    reg.resolve("Cục Cảng")
    b = reg.resolve("Cục Cảng nội địa")
    reg.resolve("Cục Cảng nội địa")
    assert reg.name(b) == "Cục Cảng nội địa"


def test_a_document_whose_body_runs_into_a_rare_verb_names_the_body_once():
    obs, units = obligations_and_units("""1. Đề nghị Cục Cảng tăng cường kiểm soát chi.
2. Đề nghị Cục Cảng lưu tâm rà soát các khoản tạm ứng quá hạn.""")
    assert _unit_names(units) == ["Cục Cảng"]
    assert all(u.name == "Cục Cảng" for o in obs for u in o.units)


def test_a_name_read_into_its_verb_is_the_one_addressee_its_complete_name_begins():
    reg = UnitRegistry(seeds=["Cục Cảng tỉnh Đông Sơn"])
    b = reg.resolve("Cục Cảng lưu tâm")
    assert reg.name(b) == "Cục Cảng tỉnh Đông Sơn"
    # two addressees begun by it: no way to tell which
    reg = UnitRegistry(seeds=["Cục Cảng tỉnh Đông Sơn", "Cục Cảng tỉnh Bắc Lâm"])
    assert reg.name(reg.resolve("Cục Cảng lưu tâm")) == "Cục Cảng lưu tâm"
    # a shorter name ending in a lower-case syllable is no evidence
    reg = UnitRegistry(seeds=["Ban Quản lý rừng tỉnh Đông Sơn"])
    assert reg.name(reg.resolve("Ban Quản lý cảng cá")) == "Ban Quản lý cảng cá"


# --------------------------------------------------------------------------
# A person named before the title that heads his body
# --------------------------------------------------------------------------


def test_a_person_before_his_title_names_his_body():
    from extractors.units import canonical_name

    assert canonical_name("Đỗ Văn Lâm – Chủ tịch Hội Làm vườn xã") == "Hội Làm vườn xã"
    assert canonical_name("Hoàng ThịMai - Phó Chủ tịch UBMTTQ phường") == "Ủy ban Mặt trận Tổ quốc phường"
    # a body's name with a dash between its parts, and a person named alone, stay as written
    assert canonical_name("Phòng Kế toán - Tài vụ") == "Phòng Kế toán - Tài vụ"
    assert canonical_name("Trung tâm Dạy nghề - Giám đốc Trung tâm") == "Trung tâm Dạy nghề - Giám đốc Trung tâm"
    assert canonical_name("Đỗ Văn Lâm") == "Đỗ Văn Lâm"


def test_an_order_given_to_a_person_by_name_and_title_names_his_body():
    obs, units = obligations_and_units(
        "- Giao đồng chí Đỗ Văn Lâm – Phó Chủ tịch Hội Làm vườn xã theo dõi việc trồng cây và báo cáo kết quả.")
    assert [u.name for o in obs for u in o.units] == ["Hội Làm vườn xã"]
