"""Units left over on dev8 (tenth session, issue 10 items 2-3): a council's groups named in the plural, a generic
noun closing a set after "và", lower-case nouns of bodies in a task table's cell, and two spellings of one body in
a document (its number left out; "cấp tỉnh" for every province).

Every sentence here is invented for the test (bodies, places and wording are made up); none is copied from a gold
file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from extractors.unit_registry import UnitRegistry
from extractors.units import canonical_name, split_unit_cell
from unit_helpers import unit_names


_list = unit_names


def _cell(text: str) -> list[str]:
    return [canonical_name(u.raw) for u, _ in split_unit_cell(text)]


def _units(*mentions: str) -> list[tuple[str, list[str]]]:
    reg = UnitRegistry()
    for m in mentions:
        reg.resolve(m)
    return [(u.name, list(u.aliases)) for u in reg.units()]


# --------------------------------------------------------------------------
# A council's groups in the plural: "các Tổ đại biểu HĐND tỉnh", "các Đoàn giám sát UBND huyện"
# --------------------------------------------------------------------------


def test_plural_groups_keep_the_council_that_owns_them():
    assert _list("Các Tổ đại biểu Hội đồng nhân dân huyện tăng cường giám sát chợ") == [
        "Các Tổ đại biểu Hội đồng nhân dân huyện"]
    assert _list("các đoàn kiểm tra UBND thành phố làm việc với từng phường") == [
        "Các đoàn kiểm tra Ủy ban nhân dân thành phố"]
    assert _list("Các Tổ công tác HĐND tỉnh báo cáo kết quả") == ["Các Tổ công tác Hội đồng nhân dân tỉnh"]


def test_plural_groups_and_a_council_after_a_comma_stay_two_units():
    assert _list("Các Tổ đại biểu, Hội đồng nhân dân xã theo dõi việc thực hiện") == [
        "Các Tổ đại biểu", "Hội đồng nhân dân xã"]


# --------------------------------------------------------------------------
# "… và đơn vị": the generic noun closes the set it follows
# --------------------------------------------------------------------------


def test_a_bare_generic_noun_after_va_closes_the_set():
    assert _list("Các bộ, ngành, địa phương và đơn vị khẩn trương rà soát") == [
        "Các bộ, ngành, địa phương và đơn vị"]
    assert "Đơn vị" not in _list("Các cơ quan và đơn vị tổ chức quán triệt")


def test_a_kind_of_unit_after_va_is_still_a_unit_of_its_own():
    assert _list("Các trường và đơn vị sự nghiệp trực thuộc nộp báo cáo") == [
        "Các trường", "Đơn vị sự nghiệp trực thuộc"]


# --------------------------------------------------------------------------
# A task table's cell: a lower-case noun of bodies after a comma is a unit, not a part of the name before it
# --------------------------------------------------------------------------


def test_a_noun_of_bodies_in_a_cell_is_a_unit_of_its_own():
    assert _cell("Sở Xây dựng, doanh nghiệp") == ["Sở Xây dựng", "Doanh nghiệp"]
    assert _cell("Sở Giáo dục và Đào tạo, cơ sở giáo dục, doanh nghiệp") == [
        "Sở Giáo dục và Đào tạo", "Cơ sở giáo dục", "Doanh nghiệp"]


def test_a_sector_noun_in_a_cell_still_goes_on_the_set_phrase():
    assert _cell("Các Bộ, ban, ngành, hiệp hội") == ["Các Bộ, ban, ngành", "Hiệp hội"]


def test_a_lower_case_name_part_in_a_cell_still_continues_the_name():
    assert _cell("Trung tâm Hỗ trợ khởi nghiệp, đổi mới sáng tạo tỉnh") == [
        "Trung tâm Hỗ trợ khởi nghiệp, đổi mới sáng tạo tỉnh"]


# --------------------------------------------------------------------------
# One body, two spellings in one document
# --------------------------------------------------------------------------


def test_a_body_named_with_and_without_its_number_is_one():
    assert _units("Tổ công tác liên ngành 512", "Sở Công Thương", "Tổ công tác liên ngành") == [
        ("Tổ công tác liên ngành 512", ["Tổ công tác liên ngành"]), ("Sở Công Thương", [])]


def test_bodies_with_different_numbers_stay_apart():
    names = [n for n, _ in _units("Đội 3", "Đội 7", "Đội")]
    assert "Đội 3" in names and "Đội 7" in names


def test_the_province_level_is_every_province():
    got = _units("UBND các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân cấp tỉnh", "UBND cấp xã")
    assert [n for n, _ in got] == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân cấp xã"]
    assert "Ủy ban nhân dân cấp tỉnh" in got[0][1]
    # another body at the province level is no People's Committee
    assert len(_units("Sở Tài chính các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân cấp tỉnh")) == 2


# --------------------------------------------------------------------------
# Forces named by their kind; the communities below the commune
# --------------------------------------------------------------------------


def test_a_force_named_by_its_kind_is_a_unit():
    assert _list("Lực lượng công an các cấp tăng cường tuần tra, kiểm soát") == ["Lực lượng công an các cấp"]
    assert _list("Lực lượng dân quân tự vệ xã tham gia dọn vệ sinh") == ["Lực lượng dân quân tự vệ xã"]


def test_a_workforce_or_an_unnamed_force_is_no_unit():
    assert _list("Lực lượng lao động qua đào tạo đạt trên 70%") == []
    assert _list("Lực lượng chức năng xử lý nghiêm vi phạm") == []


def test_the_communities_below_the_commune_are_units():
    assert _list("Các thôn, tổ dân phố rà soát danh sách hộ nghèo") == ["Các thôn, tổ dân phố"]
    assert _list("Các tổ dân phố, khu phố chủ động vận động nhân dân") == ["Các tổ dân phố, khu phố"]


# --------------------------------------------------------------------------
# "Phối hợp với" written with a capital after an abbreviated name is the verb, no part of the name
# --------------------------------------------------------------------------


def test_a_capitalised_phoi_hop_voi_ends_the_name_before_it():
    assert _list("Hội LHPN Phối hợp với Đoàn Thanh niên xã tổ chức tuyên truyền") == ["Hội LHPN"]
    assert _list("UBMTTQ xã Phối hợp cùng các thôn tổ chức hội nghị")[0] == "Ủy ban Mặt trận Tổ quốc xã"


def test_a_board_named_for_coordination_keeps_its_name():
    assert _list("Ban Phối hợp liên ngành tỉnh chủ trì kiểm tra") == ["Ban Phối hợp liên ngành tỉnh"]
