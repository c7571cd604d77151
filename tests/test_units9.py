"""Units seen missed or invented on fresh documents (ninth session, issue 10 items 2-4): place levels
joined by a dash, unknown heads, lists read as one unit, collective "… (có) liên quan" bodies.

Every sentence here is invented for the test (bodies, places and wording are made up); none is copied
from a gold file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from extractors.units import canonical_name, parse_unit_list


def _list(text: str) -> list[str]:
    ul = parse_unit_list(text, 0)
    return [] if ul is None else [canonical_name(u.raw) for u in ul.units]


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
