"""Two obligation shapes left over (issue 10, classes 6 and 9).

Every sentence here is invented for the test (bodies, places, dates are made up); none is copied from a gold
file or a corpus document.
"""

from __future__ import annotations

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from extractors.obligations import extract_obligations


def _run(text: str, **hdr):
    lines = [Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=lines).reindex()
    return extract_obligations(doc, DocumentHeader(**hdr))[0]


def _with(obs, words: str):
    found = [o for o in obs if words in o.source_text]
    assert found, f"no obligation holds {words!r}: {[o.source_text for o in obs]}"
    return found[0]


def _roles(ob) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in ob.units]


# --------------------------------------------------------------------------
# 9. A passive verb that ends the noun phrase of an opening clause
# --------------------------------------------------------------------------


def test_a_passive_ending_the_opening_clause_leaves_the_subject_after_its_comma():
    for text, body in (
            ("Căn cứ nguồn kinh phí được giao, hằng năm Sở Tài chính xây dựng kế hoạch mua sắm tài sản công.",
             "Sở Tài chính"),
            ("Căn cứ dự toán được phê duyệt, Sở Xây dựng tổ chức kiểm tra các công trình trước ngày 30/9/2027.",
             "Sở Xây dựng"),
            ("Trên cơ sở chỉ tiêu được phân bổ, Ủy ban nhân dân các huyện lập danh sách hộ được hỗ trợ.",
             "Ủy ban nhân dân các huyện"),
            ("Theo nhiệm vụ được phân công, Ban Dân tộc rà soát danh sách thôn đặc biệt khó khăn.", "Ban Dân tộc")):
        obs = _run(text, issuer="Ủy ban nhân dân tỉnh Lâm Đồng")
        assert len(obs) == 1, text
        assert _roles(obs[0]) == [(body, "lead")], text


def test_the_agent_of_a_passive_before_a_comma_is_still_no_subject():
    # "được" then its agents, the verb after them: the bodies after the comma are agents, not doers
    obs = _run("Để chương trình được các cấp, các ngành chủ động thực hiện, cần tăng cường tuyên truyền rộng rãi.",
               issuer="Ủy ban nhân dân tỉnh Lâm Đồng")
    assert all(("các ngành" not in u.name) for o in obs for u in o.units)


# --------------------------------------------------------------------------
# 6. A task card: its name field words the task, its partners support it
# --------------------------------------------------------------------------

_CARDS = """II. DANH MỤC NHIỆM VỤ
1. Tên nhiệm vụ: Điều tra hiện trạng rừng phòng hộ ven biển.
2. Cơ quan chủ trì: Chi cục Kiểm lâm.
3. Cơ quan phối hợp: Sở Tài chính, Công an tỉnh.
4. Sản phẩm: Báo cáo điều tra và bản đồ hiện trạng.
5. Thời gian hoàn thành: Tháng 10/2027.
1. Tên nhiệm vụ: Lập phương án phòng cháy rừng mùa khô.
2. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.
3. Thời gian hoàn thành: Quý I/2028.
III. TỔ CHỨC THỰC HIỆN"""


def test_a_task_card_is_one_task_named_by_its_name_field_and_supported_by_its_partners():
    obs = _run(_CARDS, issuer="Ủy ban nhân dân tỉnh Quảng Trị")
    first = _with(obs, "Chi cục Kiểm lâm")
    assert first.action == "Điều tra hiện trạng rừng phòng hộ ven biển"
    assert _roles(first) == [("Chi cục Kiểm lâm", "lead"), ("Sở Tài chính", "support"),
                             ("Công an tỉnh", "support")]
    assert first.deadline is not None and first.deadline.date == "2027-10-31"
    assert not [o for o in obs if "Cơ quan phối hợp" in o.source_text and o is not first]
    # the next card's name opens a card of its own: its time is its own lead's
    second = _with(obs, "Sở Nông nghiệp")
    assert second.action == "Lập phương án phòng cháy rừng mùa khô"
    assert _roles(second) == [("Sở Nông nghiệp và Môi trường", "lead")]
    assert second.deadline is not None and second.deadline.date == "2028-03-31"


def test_a_partner_field_with_no_lead_given_stays_a_task_of_its_own():
    obs = _run("Đơn vị phối hợp: Trung tâm Khuyến nông tỉnh.\nThời gian thực hiện: năm 2027.",
               issuer="Ủy ban nhân dân tỉnh Quảng Trị")
    ob = _with(obs, "Trung tâm Khuyến nông")
    assert _roles(ob) == [("Trung tâm Khuyến nông tỉnh", "support")]
