"""Header and references on documents nobody here has read (issue 11): shapes of the misses found on the
third development split, each tested with text written for this file (no text copied from a gold file
or a corpus document) and in varied wording: a gazette's running header taken for the number line, the
enacting authority of a council's resolution (and its session line) under the title, …"""

from __future__ import annotations

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from extractors.header import extract_header
from extractors.references import extract_references


def doc_of(*lines: str) -> Document:
    return Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(x) for x in lines]).reindex()


def header_of(*lines: str):
    return extract_header(doc_of(*lines))


def refs_of(*lines: str, header: DocumentHeader | None = None):
    doc = doc_of(*lines)
    refs, _ = extract_references(doc, header if header is not None else extract_header(doc))
    return {r.id: r for r in refs}


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# --- a gazette's running header is not the document's number line ---------------------------------------

def test_a_gazette_page_header_is_no_number_line_and_the_own_number_is_no_reference():
    for running in ("CÔNG BÁO/Số 512/Ngày 03-11-2031", "CÔNG BÁO/Số 77 + 78/Ngày 9-2-2030",
                    "Công báo - Số 9/Trang 4"):
        lines = (running, "45", "", "BỘ XÂY DỰNG", "Số: 31/QĐ-BXD", *MOTTO, "Hà Nội, ngày 2 tháng 10 năm 2031",
                 "QUYẾT ĐỊNH", "Về việc giao chỉ tiêu kiểm định nhà ở", "BỘ TRƯỞNG BỘ XÂY DỰNG",
                 "Căn cứ Nghị định số 52/2030/NĐ-CP ngày 4 tháng 3 năm 2030 của Chính phủ;",
                 "Điều 1. Giao chỉ tiêu tại Phụ lục kèm theo Quyết định số 31/QĐ-BXD.", running, "46")
        h = header_of(*lines)
        assert (h.number, h.symbol, h.id) == ("31", "QĐ-BXD", "31/QĐ-BXD"), running
        assert h.issuer == "Bộ Xây dựng"
        assert set(refs_of(*lines)) == {"52/2030/NĐ-CP"}


def test_a_symbol_that_is_a_code_still_reads():
    assert header_of("SỞ NỘI VỤ", "Số: 7/SNV", *MOTTO, "Vinh, ngày 1 tháng 2 năm 2030", "V/v nghỉ lễ").symbol == "SNV"
    assert header_of("THỦ TƯỚNG CHÍNH PHỦ", "Số: 7/CT-TTg", *MOTTO, "Hà Nội, ngày 1 tháng 2 năm 2030",
                     "CHỈ THỊ", "Về việc phòng cháy").symbol == "CT-TTg"


# --- the enacting authority under the title, with or without a session line --------------------------------

def test_a_council_resolution_without_its_header_block_takes_the_enacting_council_as_issuer():
    h = header_of("NGHỊ QUYẾT", "VỀ KẾ HOẠCH ĐẦU TƯ CÔNG TRUNG HẠN CỦA", "TỈNH LAI CHÂU GIAI ĐOẠN 2031 - 2035",
                  "HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU", "KHÓA XIX, KỲ HỌP THỨ MƯỜI HAI",
                  "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2029;", "Xét Tờ trình số 40/TTr-UBND;",
                  "QUYẾT NGHỊ:", "Điều 1. Thông qua kế hoạch.")
    assert h.type == "Nghị quyết"
    assert h.issuer == "Hội đồng nhân dân tỉnh Lai Châu"
    assert h.subject.casefold() == "về kế hoạch đầu tư công trung hạn của tỉnh lai châu giai đoạn 2031 - 2035"


def test_a_session_line_in_mixed_case_and_a_committee_chair_before_the_preamble():
    h = header_of("NGHỊ QUYẾT", "Về giá dịch vụ thoát nước", "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ CẦN THƠ",
                  "Khóa XI - Kỳ họp thứ 8", "Sau khi xem xét Tờ trình số 5/TTr-UBND;",
                  "Hội đồng nhân dân thành phố Cần Thơ đã thảo luận và nhất trí,", "QUYẾT NGHỊ:")
    assert h.issuer == "Hội đồng nhân dân thành phố Cần Thơ"
    assert h.subject == "Về giá dịch vụ thoát nước"
    q = header_of("QUYẾT ĐỊNH", "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN MỘC CHÂU",
                  "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành quy chế.")
    assert q.issuer == "Ủy ban nhân dân huyện Mộc Châu"
    assert q.subject.casefold() == "về việc ban hành quy chế làm việc"


def test_a_subject_wrapped_in_capitals_before_the_preamble_is_kept_whole():
    # a wrapped line opening with a place level, then the preamble: part of the subject, no authority
    h = header_of("QUYẾT ĐỊNH", "VỀ VIỆC PHÊ DUYỆT DANH MỤC DỰ ÁN CỦA", "TỈNH ĐIỆN BIÊN NĂM 2032",
                  "Căn cứ Luật Đầu tư;", "QUYẾT ĐỊNH:")
    assert h.subject.casefold() == "về việc phê duyệt danh mục dự án của tỉnh điện biên năm 2032"
    assert h.issuer is None


# --- the signature block flattened into the distribution list's line, or followed by an annex's capitals ------

BODY = ("Kính gửi: Sở Giao thông vận tải các tỉnh", "Bộ đề nghị các Sở rà soát và báo cáo trước ngày 10/5/2031./.")


def test_a_signature_cell_flattened_after_a_long_distribution_list():
    items = "; ".join(f"- Sở Giao thông vận tải tỉnh {p}" for p in ("Lạng Sơn", "Cao Bằng", "Bắc Kạn", "Hà Giang",
                                                                      "Tuyên Quang", "Lào Cai", "Yên Bái"))
    for block, name in ((" TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ VẬN TẢI Đặng Quốc Khánh", "Đặng Quốc Khánh"),
                        ("\tKT. CHỦ TỊCH PHÓ CHỦ TỊCH Lưu Thị Mai", "Lưu Thị Mai")):
        h = header_of("BỘ GIAO THÔNG VẬN TẢI", "Số: 88/BGTVT-VT", *MOTTO, "Hà Nội, ngày 2 tháng 4 năm 2031",
                      "V/v rà soát bến xe", *BODY, f"Nơi nhận: {items}; - Lưu: VT, Vụ VT.{block}")
        assert h.signer is not None and h.signer.name == name, block


def test_a_name_between_its_title_and_the_capitals_of_an_annex_that_follows():
    h = header_of("CỤC QUẢN LÝ THỊ TRƯỜNG", "Số: 9/QLTT-KT", *MOTTO, "Hà Nội, ngày 2 tháng 4 năm 2031",
                  "V/v kiểm tra hàng giả", *BODY, "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT.",
                  "CỤC TRƯỞNG PHÓ CỤC TRƯỞNG Trịnh Văn Hải MẪU BÁO CÁO KẾT QUẢ:.......", "ĐƠN VỊ:....")
    assert h.signer is not None and h.signer.name == "Trịnh Văn Hải"
