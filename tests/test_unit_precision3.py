"""Units: precision on shapes seen on unseen documents (issue 10, classes 2, 3 and 5): one body given
twice, people taken for bodies, a table's column of people read as one of bodies.

Every sentence here is invented for the test (bodies, places, people and wording are made up); none is
copied from a gold file or a corpus document. Each test failed before the change it covers.
"""

from __future__ import annotations

from core.model import Cell, Document, DocumentHeader, Paragraph, SourceInfo, Table
from core.textutil import fold
from extractors.obligations import extract_obligations
from extractors.unit_registry import UnitRegistry
from extractors.units import parse_unit_list
from obligation_helpers import obligations_and_units


def _unit_names(units) -> list[str]:
    return [u.name for u in units]


# --------------------------------------------------------------------------
# One body registered twice
# --------------------------------------------------------------------------


def test_two_short_spellings_of_one_addressee_are_one_unit():
    # both short spellings begin the one addressee and take its name: one body, not two
    reg = UnitRegistry(seeds=["Quỹ Bảo trợ nông dân tỉnh Hải Đông"])
    a = reg.resolve("Quỹ Bảo trợ nông dân tỉnh")
    b = reg.resolve("Quỹ Bảo trợ nông dân")
    assert reg.name(a) == reg.name(b) == "Quỹ Bảo trợ nông dân tỉnh Hải Đông"
    units = reg.units()
    assert _unit_names(units) == ["Quỹ Bảo trợ nông dân tỉnh Hải Đông"]
    assert "Quỹ Bảo trợ nông dân" in units[0].aliases


def test_a_list_of_places_in_another_order_is_the_same_body():
    reg = UnitRegistry()
    reg.resolve("UBND các thôn, bản")
    reg.resolve("Ủy ban nhân dân các bản, thôn")
    assert [fold(n) for n in _unit_names(reg.units())] == [fold("Ủy ban nhân dân các thôn, bản")]


def test_different_bodies_are_kept_apart():
    reg = UnitRegistry()
    for raw in ("Sở Tài chính", "Sở Xây dựng", "Ban Chỉ đạo tỉnh", "Ban Chỉ đạo huyện", "Phòng Kinh tế"):
        reg.resolve(raw)
    assert len(reg.units()) == 5


def test_a_letter_to_one_addressee_named_three_ways_gives_one_unit():
    obs, units = obligations_and_units("""
    Kính gửi: Trung tâm Phát triển quỹ đất tỉnh Hải Đông.
    1. Trung tâm Phát triển quỹ đất tỉnh
    - Rà soát hồ sơ giao đất của các dự án trước ngày 20/5/2031.
    2. Sở Tài chính
    - Phối hợp với Trung tâm Phát triển quỹ đất kiểm tra việc bồi thường.
    """, date="2031-04-02", issuer="Ủy ban nhân dân tỉnh Hải Đông",
        recipients=["Trung tâm Phát triển quỹ đất tỉnh Hải Đông"])
    names = [fold(n) for n in _unit_names(units)]
    assert names.count(fold("Trung tâm Phát triển quỹ đất tỉnh Hải Đông")) == 1, names


# --------------------------------------------------------------------------
# Task tables: a column of the people in charge beside the column of bodies
# --------------------------------------------------------------------------


def _doc(*blocks) -> Document:
    return Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=list(blocks)).reindex()


def _table(rows: list[list[str]]) -> Table:
    cells = [[Cell(r, c, t) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Table(rows=cells, n_cols=len(rows[0]), header_rows=1)


def test_a_column_of_people_in_charge_gives_no_units():
    t = _table([
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Cá nhân phụ trách, đôn đốc", "Thời gian"],
        ["1", "Xây dựng đề án phát triển làng nghề", "Sở Công Thương", "Đồng chí Trần Văn Khởi - Phó Chủ tịch UBND tỉnh", "Quý III/2031"],
        ["2", "Rà soát quy hoạch vùng chè", "Sở Nông nghiệp và Môi trường",
         "Đồng chí Lò Thị Mai, Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh", "2031"],
    ])
    obs, units = extract_obligations(_doc(Paragraph("Phụ lục nhiệm vụ"), t), DocumentHeader(date="2031-02-01"))
    assert sorted(_unit_names(units)) == ["Sở Công Thương", "Sở Nông nghiệp và Môi trường"]
    assert [[u.name for u in o.units] for o in obs] == [["Sở Công Thương"], ["Sở Nông nghiệp và Môi trường"]]


def test_a_column_headed_by_people_is_read_when_no_column_names_bodies():
    t = _table([
        ["TT", "Nội dung công việc", "Người thực hiện", "Thời hạn"],
        ["1", "Tổng hợp danh sách học viên", "Phòng Đào tạo", "Trước ngày 10/3/2031"],
    ])
    obs, units = extract_obligations(_doc(Paragraph("Lịch công tác"), t), DocumentHeader(date="2031-02-01"))
    assert _unit_names(units) == ["Phòng Đào tạo"]


# --------------------------------------------------------------------------
# Where a list item is a body: "xã hội" (society) is no commune
# --------------------------------------------------------------------------


def _list(text: str) -> list[str]:
    ul = parse_unit_list(text, 0)
    return [] if ul is None else [u.raw for u in ul.units]


def test_society_after_a_comma_is_no_commune():
    assert _list("Hội Nông dân, các tổ chức chính trị, xã hội cùng vận động hội viên") == [
        "Hội Nông dân", "các tổ chức chính trị"]
    assert "xã hội" not in _list("các hội nghề nghiệp, các tổ chức chính trị, xã hội tham gia giám sát")
    # a commune named with a capital stays one
    assert _list("UBND các xã: Hội Thịnh, Đông Lâm tổ chức kiểm tra") == ["UBND xã Hội Thịnh", "UBND xã Đông Lâm"]


# --------------------------------------------------------------------------
# A body named once without its place and once with it
# --------------------------------------------------------------------------


def test_a_name_without_its_place_is_the_body_named_with_it():
    reg = UnitRegistry()
    a = reg.resolve("Sở Du lịch")
    reg.resolve("Sở Du lịch Hải Đông")
    b = reg.resolve("Thường trực HĐND")
    reg.resolve("Thường trực HĐND huyện")
    assert reg.name(a) == "Sở Du lịch Hải Đông"
    assert reg.name(b) == "Thường trực Hội đồng nhân dân huyện"
    units = reg.units()
    assert [u.name for u in units] == ["Sở Du lịch Hải Đông", "Thường trực Hội đồng nhân dân huyện"]
    assert "Sở Du lịch" in units[0].aliases


def test_a_name_beginning_several_bodies_or_a_longer_name_stays_as_written():
    reg = UnitRegistry()
    for raw in ("Ủy ban nhân dân", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện",  # which one: both kept
                "Ban Chỉ đạo", "Ban Chỉ đạo phát triển du lịch",  # the further words name its task, not a place
                "Các ban quản lý rừng", "Các ban quản lý rừng Hải Đông",  # a plural
                "Bộ Ngoại giao", "Bộ Ngoại giao, Ngân hàng Nhà nước"):  # a list read as one
        reg.resolve(raw)
    assert len(reg.units()) == 9


def test_a_list_of_administrative_procedures_gives_no_tasks():
    t = _table([
        ["STT", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Phí, lệ phí", "Căn cứ pháp lý", "Cơ quan thực hiện"],
        ["1", "Cấp giấy phép khai thác nước mặt quy mô nhỏ", "15 ngày làm việc", "Không", "Luật Tài nguyên nước",
         "UBND cấp xã"],
        ["2", "Hỗ trợ kinh phí chuyển đổi cây trồng", "10 ngày", "Không", "Nghị quyết của HĐND tỉnh", "UBND cấp huyện"],
    ])
    obs, units = extract_obligations(_doc(Paragraph("Danh mục thủ tục hành chính được công bố"), t),
                                     DocumentHeader(date="2031-02-01"))
    assert obs == [] and units == []


# --------------------------------------------------------------------------
# An actor kind the unit finder did not know: a national park named as a doer
# --------------------------------------------------------------------------


def test_a_national_park_named_in_capitals_is_a_body():
    assert _list("Vườn quốc gia Núi Mây, các Công ty Lâm nghiệp chủ động rà soát diện tích rừng") == [
        "Vườn quốc gia Núi Mây", "các Công ty Lâm nghiệp"]
    # in lower case after a verb it is a place
    assert _list("bảo vệ vườn quốc gia Núi Mây") == []


# --------------------------------------------------------------------------
# A council of several place levels: "đặc khu" (the island level) ends the list of levels
# --------------------------------------------------------------------------


def test_the_island_level_ends_a_councils_list_of_levels():
    assert _list("Ủy ban nhân dân phường, xã và đặc khu tổ chức đánh giá") == ["Ủy ban nhân dân phường, xã và đặc khu"]
    assert _list("Ủy ban nhân dân xã, đặc khu quyết định thành lập tổ kiểm tra") == ["Ủy ban nhân dân xã, đặc khu"]
    # one level then "và": two bodies stay as they were read
    assert _list("UBND huyện, thị xã và Sở Xây dựng phối hợp") == ["UBND huyện, thị xã", "Sở Xây dựng"]


def test_a_list_of_levels_closed_by_va_or_by_a_comma_is_one_body():
    reg = UnitRegistry()
    reg.resolve("Ủy ban nhân dân phường, xã và đặc khu")
    reg.resolve("UBND phường, xã, đặc khu")
    assert _unit_names(reg.units()) == ["Ủy ban nhân dân phường, xã và đặc khu"]
