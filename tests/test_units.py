from extractors.unit_registry import UnitRegistry
from extractors.units import canonical_name, parse_unit_list, split_unit_cell


def _names(text):
    ul = parse_unit_list(text, 0)
    return [u.name for u in ul.units] if ul else []


def test_names_stop_at_the_predicate():
    assert _names("Phòng Lao động - Thương binh và Xã hội chủ trì tổ chức") == ["Phòng Lao động - Thương binh và Xã hội"]
    assert _names("Ban quản lý các KCN phối hợp kiểm tra") == ["Ban quản lý các KCN"]
    assert _names("Chi cục Thuế khu vực có trách nhiệm") == ["Chi cục Thuế khu vực"]
    assert _names("Tổ công tác liên ngành thực hiện") == ["Tổ công tác liên ngành"]


def test_lists_heads_of_bodies_and_distributive_complements():
    assert _names("Thủ trưởng các sở, ban, ngành tỉnh chỉ đạo") == ["Các sở, ban, ngành tỉnh"]
    assert _names("Chủ tịch UBND các phường, thị trấn báo cáo") == ["Ủy ban nhân dân các phường, thị trấn"]
    assert _names("Chánh Văn phòng UBND tỉnh, Chánh Thanh tra tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm") == [
        "Văn phòng Ủy ban nhân dân tỉnh", "Thanh tra tỉnh", "Sở Nội vụ"]
    assert _names("Cấp ủy, Công đoàn các đơn vị xây dựng") == ["Cấp ủy các đơn vị", "Công đoàn các đơn vị"]
    # party bodies: "các chi, đảng bộ" is the elliptic "các chi bộ, đảng bộ"
    assert _names("Các chi, đảng bộ trực thuộc tổ chức quán triệt") == ["Các chi, đảng bộ trực thuộc"]
    assert _names("Các chi bộ, đảng bộ cơ sở tổ chức") == ["Các chi bộ, đảng bộ cơ sở"]


def test_verbs_and_common_nouns_are_not_units():
    assert _names("Tổ chức tập huấn cho cán bộ") == []
    assert _names("Ban hành quy chế làm việc") == []
    assert _names("phòng, chống dịch bệnh") == []
    assert _names("Đội ngũ cán bộ y tế") == []


def test_cells_with_verbs_give_roles():
    got = [(u.name, r) for u, r in split_unit_cell("Khoa Dược chủ trì,\nphối hợp với Phòng\nKH-TH")]
    assert got == [("Khoa Dược", "lead"), ("Phòng Kế hoạch - Tổng hợp", "support")]
    got = [(u.name, r) for u, r in split_unit_cell("Phòng HC-TH tham mưu Ban Giám đốc")]
    assert got == [("Phòng Hành chính - Tổng hợp", "responsible")]


def test_canonical_names():
    assert canonical_name("Phòng TC - KT") == "Phòng Tài chính - Kế toán"
    assert canonical_name("Ban Thường vụ Huyện uỷ") == "Ban Thường vụ Huyện ủy"
    assert canonical_name("Người đứng đầu các cơ quan") == "Các cơ quan"
    assert canonical_name("UBND huyện") == "Ủy ban nhân dân huyện"


def test_registry_merges_spellings_generic_plurals_and_addressees():
    r = UnitRegistry(seeds=["Trưởng các đơn vị sự nghiệp công lập trực thuộc Sở"])
    a = r.resolve("Phòng TC-HC")
    assert r.resolve("Phòng Tổ chức – Hành chính") == a
    r.resolve("Các cơ quan, đơn vị trong ngành Y tế")
    assert r.name(r.resolve("các đơn vị")) == "Các cơ quan, đơn vị trong ngành Y tế"
    assert r.name(r.resolve("các đơn vị sự nghiệp")) == "Các đơn vị sự nghiệp công lập trực thuộc Sở"
    assert [u.name for u in r.units()][0] == "Phòng Tổ chức - Hành chính"
    assert "Phòng TC-HC" in r.units()[0].aliases


def test_ministers_and_heads_before_bare_nouns_name_their_bodies():
    assert _names("Bộ trưởng Bộ Tài chính có trách nhiệm") == ["Bộ Tài chính"]
    assert _names("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc "
                  "trung ương chịu trách nhiệm") == [
        "Các bộ", "Cơ quan ngang bộ", "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]
    assert _names("Người đứng đầu cơ quan, tổ chức trong phạm vi quyền hạn") == ["Cơ quan, tổ chức"]
    assert _names("Thanh tra, kiểm tra việc thu phí") == []
