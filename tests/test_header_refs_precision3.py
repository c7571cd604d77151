"""Header and references on unseen documents (issue 11, eighth session): shapes of the misses read on the
dev7 split (the opened blind8) and the HĐND resolutions of dev3 and dev6, each tested with text written for
this file (no text copied from a gold file or a corpus document), in varied wording."""

from __future__ import annotations

from extractors.references import extract_references
from header_helpers import MOTTO, doc_of, header_of, refs_of


def unnumbered_of(*lines: str) -> list[str]:
    doc = doc_of(*lines)
    _, unn = extract_references(doc, header_of(*lines))
    return [u.text for u in unn]


# --- a cited document's issuer ends where a preposition opens the rest of the sentence ----------------------

def test_an_issuer_named_before_or_after_a_number_stops_at_theo_tai_thanh():
    for text, rid, issuer in (
        ("Sở Xây dựng kiểm tra việc lấn chiếm mỏ đá của Công ty TNHH Minh Phát Lộc theo nội dung đề nghị tại "
         "Văn bản số 15/CV-MPL ngày 04/8/2030 nêu trên.", "15/CV-MPL", "Công ty TNHH Minh Phát Lộc"),
        ("Các sở cụ thể hóa Chỉ thị số 07-CT/TU ngày 02/3/2031 của Tỉnh ủy Hà Giang thành các đề án, dự án "
         "phù hợp.", "07-CT/TU", "Tỉnh ủy Hà Giang"),
        ("Các xã triển khai Kế hoạch số 88/KH-UBND ngày 9/9/2031 của Ủy ban nhân dân huyện Mường Tè tại "
         "các thôn, bản.", "88/KH-UBND", "Ủy ban nhân dân huyện Mường Tè"),
    ):
        refs = refs_of("Kính gửi: Các đơn vị.", text)
        assert refs[rid].issuer == issuer, (text, refs[rid].issuer)
