"""Header: shapes of misses found on the scans of the second development split
(issue 11), each tested with a header written for this file (no text copied
from a gold file or a corpus document): the "Số:" line glued by an OCR to the
issuer's last line, a type line followed by what it records, a paper named
"Bản …", a form's first field after the subject, a signer's name glued or read
in among the "Nơi nhận" items."""

from __future__ import annotations

from extractors.header import extract_header
from core.model import Document, Paragraph, SourceInfo


def header_of(*lines: str):
    return extract_header(Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(x) for x in lines]).reindex())


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
BODY = ("I. MỤC ĐÍCH", "Chọn người có năng lực.", "II. NỘI DUNG", "1. Thời gian thi trong tháng 5.", "2. Địa điểm tại Sở.",
        "III. TỔ CHỨC THỰC HIỆN", "Các phòng thực hiện nghiêm túc Kế hoạch này./.")


def test_a_number_line_glued_to_the_issuer_by_an_ocr_gives_symbol_and_the_issuer_s_last_words():
    h = header_of("ĐẠI HỌC THÁI NGUYÊN", "TRƯỜNG ĐẠI HỌC KỸ THUẬT CÔNG NGHIỆP", "VÀ CÔNG NGHỆ THÔNG TIN số: BÉÉ /TB-ĐHKT",
                  *MOTTO, "Thái Nguyên, ngày 3 tháng 4 năm 2020", "THÔNG BÁO", "Về việc nghỉ lễ", "Nội dung.")
    assert h.symbol == "TB-ĐHKT" and h.number is None
    assert h.issuer.casefold() == "trường đại học kỹ thuật công nghiệp và công nghệ thông tin"


def test_a_lower_case_so_in_a_sentence_is_no_number_line():
    h = header_of("Kính gửi các phòng ban", "Thực hiện văn bản số: 12/KH-SYT của Sở Y tế, đề nghị các phòng báo cáo.")
    assert h.symbol is None


def test_a_type_line_with_what_it_records_is_the_type_and_no_issuer():
    h = header_of(*MOTTO, "Nghệ An, ngày 3 tháng 4 năm 2020", "BIÊN BẢN HỌP HỘI ĐỒNG",
                  "Căn cứ Kế hoạch số 9/KH-UBND ngày 1/2/2020 của UBND tỉnh.", "Hôm nay, tại phòng họp …")
    assert h.type == "Biên bản"
    assert h.issuer is None
    assert h.subject is None  # the body's "Căn cứ …" is no subject


def test_a_paper_named_ban_is_its_type_and_a_form_field_ends_the_subject():
    h = header_of(*MOTTO, "Nghệ An, ngày 3 tháng 4 năm 2020", "BẢN GIẢI TRÌNH", "Về việc chậm nộp hồ sơ",
                  "Họ và tên: Trần Văn Bảy", "Đơn vị: Phòng Kế toán")
    assert h.type == "Bản giải trình"
    assert h.issuer is None
    assert h.subject == "Về việc chậm nộp hồ sơ"


def test_a_signer_name_glued_by_an_ocr_is_spaced():
    h = header_of("UBND TỈNH PHÚ YÊN", "SỞ NỘI VỤ", "Số: 12/KH-SNV", *MOTTO, "Phú Yên, ngày 3 tháng 4 năm 2020",
                  "KẾ HOẠCH", "Tổ chức thi", "Nội dung kế hoạch.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                  "GIÁM ĐỐC", "LêThị Thu Hà")
    assert h.signer is not None and h.signer.name == "Lê Thị Thu Hà"


def test_a_signer_read_among_the_distribution_items_when_no_title_was_read():
    lines = ("UBND TỈNH PHÚ YÊN", "SỞ NỘI VỤ", "Số: 12/KH-SNV", *MOTTO, "Phú Yên, ngày 3 tháng 4 năm 2020",
             "KẾ HOẠCH", "Tổ chức thi", *BODY, "Nơi nhận:", "- Như trên;", "- UBND tỉnh;",
             "Võ Thành Đạt", "- Các phòng;", "- Lưu: VT.")
    assert header_of(*lines).signer.name == "Võ Thành Đạt"
    # two names and no title: which one signed is not said
    two = lines[:-2] + ("Đỗ Minh Khoa", "- Lưu: VT.")
    assert header_of(*two).signer is None
    # a place in the list is no person
    place = lines[:-3] + ("Bình Định Mới", "- Lưu: VT.")
    assert header_of(*place).signer is None


def test_a_joint_issuer_over_two_lines_and_a_joint_code_with_commas():
    h = header_of("LIÊN ĐOÀN LAO ĐỘNG -", "SỞ Y TẾ TỈNH NAM ĐỊNH", "Số:£5 4 /CTPH-LĐLĐ-SYT,DS |", *MOTTO,
                  "Nam Định, ngày 3 tháng 4 năm 2020", "CHƯƠNG TRÌNH PHỐI HỢP", "Về chăm sóc sức khỏe", "Nội dung.")
    assert h.symbol == "CTPH-LĐLĐ-SYT,DS" and h.number is None
    assert h.issuer.casefold() == "liên đoàn lao động - sở y tế tỉnh nam định"


def test_unmapped_glyphs_and_a_number_line_read_as_s_colon():
    h = header_of("UBND TINH HAU GIANG(cid:9)", "SO TAI CHINH(cid:9)", "S:2I/KH-STC(cid:9)", "CQNG HOA XA HO! CHU NGHIA",
                  "KE HOACH", "Noi dung.")
    assert h.symbol == "KH-STC" and h.number is None
    assert h.issuer.casefold() == "sở tài chính" or h.issuer.casefold() == "so tai chinh"


def test_a_school_s_caps_name_is_no_signer_and_a_name_after_da_ky_in_the_other_column_is():
    lines = ("TRƯỜNG ĐẠI HỌC VINH", "Số: 88/ĐHV-ĐT", *MOTTO, "Nghệ An, ngày 3 tháng 4 năm 2020",
             "V/v đăng ký đề tài", *BODY, "TL. HIỆU TRƯỞNG", "TRƯỞNG PHÒNG ĐÀO TẠO", "Nơi nhận:",
             "- Như trên; (đã ký) Hồ Minh Tâm", "- Lưu: VT.", "TRƯỜNG ĐẠI HỌC VINH", "PHIẾU ĐĂNG KÝ")
    h = header_of(*lines)
    assert h.signer.name == "Hồ Minh Tâm"
    assert h.signer.title.casefold() == "trưởng phòng đào tạo"
    no_name = lines[:-5] + ("- Như trên;", "- Lưu: VT.", "TRƯỜNG ĐẠI HỌC VINH", "PHIẾU ĐĂNG KÝ")
    assert header_of(*no_name).signer is None


def test_a_vowel_the_ocr_wrote_twice_in_the_issuer_s_name():
    h = header_of("UBND TỈNH QUẢNG TRỊ", "SỞ THÔNG TIN VÀ TRUYỀÈN THÔNG", "Số: 5/STTTT-VP", *MOTTO,
                  "Quảng Trị, ngày 3 tháng 4 năm 2020", "V/v họp giao ban", "Nội dung.")
    assert h.issuer == "Sở Thông tin và Truyền thông"


def test_an_unread_or_stamped_number_from_a_file_named_by_it():
    lines = ("ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG ANH", "Số: ¿8 /KH-UBND", *MOTTO, "Đông Anh, ngày 3 tháng 4 năm 2020",
             "KẾ HOẠCH", "Trồng cây", "Nội dung.")

    def named(path: str, *ls: str):
        return extract_header(Document(SourceInfo(path, "", "pdf"), blocks=[Paragraph(x) for x in ls]).reindex())

    assert named("/tmp/in/148 KH.pdf", *lines).number == "148"
    assert named("/tmp/in/148_KH-UBND.pdf", *lines).number == "148"
    assert named("/tmp/in/148 TB.pdf", *lines).number is None  # a code the symbol does not hold
    assert named("/tmp/in/036_kh-trong-cay.pdf", *lines).number is None  # a collection's running number
    blank_draft = lines[:2] + ("Số:    /KH-UBND",) + lines[3:5] + ("Đông Anh, ngày    tháng 4 năm 2020",) + lines[6:]
    assert named("/tmp/in/148 KH.pdf", *blank_draft).number is None  # a draft keeps its blank


def test_a_source_line_gives_the_number_the_scan_lost_and_is_no_reference():
    from extractors.references import extract_references

    lines = ("ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "Số: ¿2 /UBND-TH", *MOTTO, "Hà Giang, ngày 04 tháng 12 năm 2024",
             "V/v phòng chống rét", "Căn cứ tình hình thời tiết, UBND tỉnh yêu cầu các sở chuẩn bị.",
             "Nguồn: Công văn số 22/UBND-TH của UBND tỉnh Hà Giang")
    doc = Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(x) for x in lines]).reindex()
    h = extract_header(doc)
    assert h.number == "22"
    assert extract_references(doc, h)[0] == []
    two = lines[:-1] + ("Nguồn: Công văn số 22/UBND-TH và Công văn số 23/UBND-TH",)
    assert header_of(*two).number is None  # which one is this letter is not said


def test_a_signer_name_with_the_next_page_s_header_on_its_line():
    lines = ("BỘ Y TẾ", "Số: 301/QĐ-BYT", *MOTTO, "Hà Nội, ngày 3 tháng 4 năm 2021", "QUYẾT ĐỊNH",
             "Ban hành Kế hoạch tiêm chủng", *BODY, "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "KT. BỘ TRƯỞNG",
             "THƯ TRƯƠNG", "Lương Văn Tâm BỘ Y TẾ", "KẾ HOẠCH", "Tiêm chủng mở rộng")
    assert header_of(*lines).signer.name == "Lương Văn Tâm"
    place = lines[:-3] + ("Lâm Đồng BỘ Y TẾ", "KẾ HOẠCH", "Tiêm chủng mở rộng")
    assert header_of(*place).signer is None


def test_an_annex_caption_with_a_colon_after_so_gives_the_symbol():
    h = header_of("DANH MỤC HỒ SƠ LƯU TRỮ NĂM 2026",
                  "(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày tháng 5 năm 2026 của UBND huyện)", "TT", "Tên hồ sơ")
    assert h.symbol == "QĐ-UBND" and h.number is None
