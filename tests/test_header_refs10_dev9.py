"""Header and references, issue 11 (ninth session): shapes of the misses of dev9, each tested with text
written for this file (names, numbers and places invented):

* the number line opened by the document's type ("Nghị quyết số: 45/2031/UBTVQH16");
* a header block lost by a web copy, the own number given by the annex's caption with its year
  ("(Kèm theo Nghị quyết số 31/2030/NQ-HĐND ngày …)") — never by a sentence citing another document;
* a committee of the National Assembly with its term glued to its code ("BC-UBPL16"): the term is part of
  the symbol, not a footnote mark.
"""

from __future__ import annotations

from extractors.citation_find import find_citations
from tests.header_helpers import MOTTO, header_of, refs_of


def test_a_number_line_opened_by_the_type_name():
    h = header_of("ỦY BAN THƯỜNG VỤ", "QUỐC HỘI", *MOTTO, "Nghị quyết số: 77/2031/UBTVQH16",
                  "Hà Nội, ngày 9 tháng 3 năm 2031", "NGHỊ QUYẾT", "VỀ VIỆC ĐIỀU CHỈNH DỰ TOÁN", "Căn cứ Hiến pháp;")
    assert (h.number, h.symbol, h.id) == ("77", "UBTVQH16", "77/2031/UBTVQH16")
    assert h.date == "2031-03-09"


def test_a_sentence_with_so_colon_is_no_number_line():
    h = header_of("SỞ TÀI CHÍNH", "Theo văn bản số: 45/UBND-VX của tỉnh, các phòng báo cáo.",
                  "Phú Yên, ngày 2 tháng 3 năm 2031")
    assert h.symbol is None and h.number is None


ANNEXED = ("NGHỊ QUYẾT", "VỀ VIỆC THÔNG QUA ĐỀ ÁN NƯỚC SẠCH NÔNG THÔN", "HỘI ĐỒNG NHÂN DÂN TỈNH BẠC LIÊU",
           "KHÓA X - KỲ HỌP THỨ BA", "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT NGHỊ:",
           "Điều 1. Thông qua Đề án kèm theo Nghị quyết này.", "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.")


def test_a_lost_header_takes_the_own_number_with_its_year_from_the_annex_caption():
    h = header_of(*ANNEXED, "ĐỀ ÁN", "(Kèm theo Nghị quyết số 31/2030/NQ-HĐND ngày 9 tháng 12 năm 2030 của Hội đồng"
                  " nhân dân tỉnh)", "I. MỤC TIÊU")
    assert (h.number, h.symbol, h.id) == ("31", "NQ-HĐND", "31/2030/NQ-HĐND")
    assert h.date == "2030-12-09"
    assert "31/2030/NQ-HĐND" not in refs_of(*ANNEXED, "ĐỀ ÁN", "(Kèm theo Nghị quyết số 31/2030/NQ-HĐND ngày 9"
                                            " tháng 12 năm 2030 của Hội đồng nhân dân tỉnh)", "I. MỤC TIÊU")


def test_a_sentence_citing_a_numbered_document_attached_elsewhere_gives_no_own_number():
    h = header_of(*ANNEXED, "Điều 3. Giảng viên thực hiện nhiệm vụ quy định tại Quy chế ban hành kèm theo"
                  " Nghị quyết số 52/2029/NQ-HĐND ngày 4/4/2029 của Hội đồng nhân dân tỉnh.")
    assert h.number is None and h.id is None


def test_a_national_assembly_committee_code_keeps_its_term():
    found = find_citations("Báo cáo thẩm tra số 318/BC-UBKHCN16 ngày 2/5/2031 và số 27/BC-UBXH15 ngày 3/5/2031")
    assert [f.id for f in found] == ["318/BC-UBKHCN16", "27/BC-UBXH15"]


def test_a_footnote_mark_after_a_provincial_committee_code_still_goes():
    found = find_citations("Công văn số 61/UBND3 ngày 2/5/2031")
    assert [f.symbol for f in found] == ["UBND"]


def test_a_signer_name_beside_a_wrapped_distribution_item():
    h = header_of("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Nghị quyết số: 7/2031/UBTVQH16", *MOTTO, "Hà Nội, ngày 1 tháng 2 năm 2031",
                  "NGHỊ QUYẾT", "Về việc sắp xếp đơn vị hành chính", "Điều 1. Nội dung.",
                  "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH", "Nơi nhận:", "- Chính phủ;", "- Hội Nông dân",
                  "Việt Nam;\tĐỗ Minh Quân", "- Lưu: HC.")
    assert h.signer is not None and h.signer.name == "Đỗ Minh Quân" and h.signer.authority == "TM"


def test_a_wrapped_item_ending_in_a_place_is_no_signer():
    h = header_of("SỞ XÂY DỰNG", "Số: 41/TB-SXD", *MOTTO, "Cà Mau, ngày 2 tháng 2 năm 2031", "THÔNG BÁO", "Về lịch trực",
                  "Các phòng thực hiện./.", "Nơi nhận:", "- UBND huyện", "Năm Căn;", "- Lưu: VT.")
    assert h.signer is None
