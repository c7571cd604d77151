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
