"""The header on documents nobody here has read (issue 11): one invented
layout per shape of miss — the national motto split or misread, a legal
database's one-block caption, an office named by its kind under its ministry,
a signature typed in mixed case or under a misread title, and a PDF text
layer cut at precomposed Vietnamese letters.  Every text here was written for
this file, not copied from a gold file or a corpus document."""

from __future__ import annotations

from extractors.header import extract_header
from parsers import pdf_parser
from parsers.pdf_layout import Word
from core.model import Document, Paragraph, SourceInfo
from core.syllables import text_quality
from core.textutil import fold


def doc_of(*paras: str) -> Document:
    return Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(p) for p in paras]).reindex()


def test_issuer_is_never_a_piece_of_the_national_motto():
    # the motto split over two lines, its second half right above the number; the issuer block lost
    h = extract_header(doc_of("CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Số: 214/KH-UBND",
                              "Quỳnh Lưu, ngày 12 tháng 5 năm 2024", "KẾ HOẠCH", "Kiểm tra công vụ năm 2024"))
    assert h.issuer is None and (h.number, h.symbol) == ("214", "KH-UBND")
    # misread by the OCR beside a real issuer line
    h = extract_header(doc_of("ỦY BAN NHÂN DÂN", "HUYỆN QUỲNH LƯU", "CỘNG HOÀ XÃ HỘI CHÚ NGHĨA VIỆT NAM",
                              "Số: 215/KH-UBND", "Quỳnh Lưu, ngày 12 tháng 5 năm 2024", "KẾ HOẠCH", "Kiểm tra"))
    assert h.issuer == "Ủy ban nhân dân huyện Quỳnh Lưu"


def test_issuer_lines_glued_by_the_ocr_are_spaced_again():
    h = extract_header(doc_of("UỶBANNHÂNDÂN", "HUYỆNCẨM GIÀNG", "Số: 31/UBND-VP", "V/v lịch tiếp dân",
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cẩm Giàng, ngày 3 tháng 6 năm 2022"))
    assert h.issuer == "Ủy ban nhân dân huyện Cẩm Giàng"


def test_a_scanned_number_line_without_its_colon_still_gives_symbol_and_issuer():
    h = extract_header(doc_of("UBND TỈNH HẬU GIANG", "SỞ NỘI VỤ", "Sóx¦|/KH-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              "Hậu Giang, ngày 8 tháng 4 năm 2019", "KẾ HOẠCH", "Tuyển dụng viên chức"))
    assert (h.number, h.symbol, h.issuer) == (None, "KH-SNV", "Sở Nội vụ")


def test_a_dot_after_the_number_and_a_place_date_line_without_its_comma():
    h = extract_header(doc_of("ỦY BAN NHÂN DÂN", "HUYỆN NAM ĐÀN", "Số: 47. /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              "Nam Đàn ngày 9 tháng 3 năm 2021", "KẾ HOẠCH", "Phòng chống thiên tai"))
    assert (h.number, h.symbol, h.place, h.date) == ("47", "KH-UBND", "Nam Đàn", "2021-03-09")


def test_a_bare_number_line_with_its_symbol_on_the_next_line():
    h = extract_header(doc_of("BỘ Y TẾ", "Số:", "/QĐÐ-BYT", "Hà Nội, ngày tháng năm 2022", "QUYẾT ĐỊNH",
                              "Về việc ban hành hướng dẫn"))
    assert (h.number, h.symbol, h.type, h.issuer, h.date_partial) == (None, "QĐ-BYT", "Quyết định", "Bộ Y tế", "2022")


def test_legal_database_caption_header():
    h = extract_header(doc_of("QUYẾT ĐỊNH", "CỦA BỘ NỘI VỤ SỐ 12/2009/QĐ-BNV", "NGÀY 14 THÁNG 7 NĂM 2009",
                              "VỀ VIỆC BAN HÀNH QUY CHẾ VĂN THƯ", "Căn cứ Luật Cán bộ, công chức;"))
    assert (h.issuer, h.number, h.symbol, h.date) == ("Bộ Nội vụ", "12", "QĐ-BNV", "2009-07-14")
    assert h.type == "Quyết định" and h.subject.startswith("Về việc ban hành quy chế văn thư")


def test_an_office_named_by_its_kind_is_named_with_its_ministry():
    h = extract_header(doc_of("BỘ TÀI CHÍNH", "VĂN PHÒNG", "Số: 88/VP-TH", "V/v báo cáo tháng 6",
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Hà Nội, ngày 2 tháng 7 năm 2024"))
    assert (h.issuer, h.parent_issuer) == ("Văn phòng Bộ Tài chính", "Bộ Tài chính")


def test_signer_under_a_mixed_case_authority():
    h = extract_header(doc_of("TRƯỜNG CAO ĐẲNG Y TẾ", "Số: 31/TB-CĐYT", "Huế, ngày 4 tháng 9 năm 2023",
                              "THÔNG BÁO", "Lịch học kỳ I", "Sinh viên xem lịch trên trang đào tạo.",
                              "KT. Hiệu trưởng", "Phó Hiệu trưởng", "Lê Thị Mai Anh", "(đã ký)"))
    assert (h.signer.name, h.signer.title, h.signer.authority) == ("Lê Thị Mai Anh", "Phó Hiệu trưởng", "KT")


def test_signer_under_a_misread_title_without_rank_or_degree():
    h = extract_header(doc_of("CÔNG AN TỈNH NINH BÌNH", "Số: 70/BC-CAT", "Ninh Bình, ngày 5 tháng 3 năm 2025",
                              "BÁO CÁO", "Kết quả tuần tra", "Trong tháng, lực lượng đã tuần tra 40 lượt.",
                              "Nơi nhận:", "- Như trên;", "GIÁM ĐÓC", "- Lưu: VT.", "Đại tá Hoàng Văn Lực"))
    assert h.signer.name == "Hoàng Văn Lực"
    h = extract_header(doc_of("TRƯỜNG ĐẠI HỌC AN PHÚ", "Số: 9/KH-ĐHAP", "Cần Thơ, ngày 5 tháng 3 năm 2025",
                              "KẾ HOẠCH", "Thực tập cuối khóa", "Sinh viên đăng ký đơn vị thực tập.",
                              "Nơi nhận:", "- Như trên;", "PHỤ TRẮCH KHOA", "- Lưu: VT.", "ThS. Phan Minh Tâm"))
    assert h.signer.name == "Phan Minh Tâm"


# ---------------------------------------------------------------- a text layer cut at precomposed letters


def _words(*pieces: tuple[str, float, float]) -> list[Word]:
    return [Word(t, x0, x1, 100.0, 112.0, 12.0) for t, x0, x1 in pieces]


def test_pieces_of_one_word_cut_at_precomposed_letters_are_joined():
    from parsers.pdf_layout import join_split_letters

    ws = _words(("B", 10, 18), ("ộ", 18.9, 25), ("Y", 29, 36), ("t", 39, 42), ("ế", 42.8, 48),
                ("k", 52, 58), ("ế", 58.7, 64), ("t", 64.6, 68), ("qu", 72, 84), ("ả", 84.5, 90))
    assert [w.text for w in join_split_letters(ws)] == ["Bộ", "Y", "tế", "kết", "quả"]
    # words that are syllables on their own stay apart, however close
    ws = _words(("Hà", 10, 24), ("Nội", 27, 44), ("TP", 48, 60), ("Huế", 63, 80))
    assert [w.text for w in join_split_letters(ws)] == ["Hà", "Nội", "TP", "Huế"]


class _Page:
    """A pdfplumber page's word list as a PDF with split letters gives it."""

    def __init__(self, words):
        self._words = words

    def extract_words(self, **_kw):
        return self._words


def test_a_text_layer_cut_at_letters_is_judged_usable():
    line = "Sở Y tế đề nghị các đơn vị báo cáo kết quả thực hiện kế hoạch trước ngày mười lăm"
    raw, x = [], 10.0
    for word in line.split():
        # the layer places each precomposed letter apart: "S" "ở", "đ" "ề", "k" "ế" "t"
        pieces = [p for p in _split_marked(word)]
        for p in pieces:
            raw.append({"text": p, "x0": x, "x1": x + 6 * len(p), "top": 100.0, "bottom": 112.0, "size": 12.0,
                        "fontname": "Times"})
            x += 6 * len(p) + 0.8
        x += 3.5
    naive = text_quality(" ".join(w["text"] for w in raw))
    words = pdf_parser._text_words(_Page(raw))
    joined = text_quality(" ".join(w.text for w in words))
    assert not naive.usable and joined.usable
    assert " ".join(w.text for w in words) == line


def _split_marked(word: str) -> list[str]:
    """ "kết" → ["k", "ế", "t"]: cut before and after every letter with a mark."""
    out, cur = [], ""
    for ch in word:
        if ch.lower() not in "abcdeghiklmnopqrstuvxy":
            if cur:
                out.append(cur)
            out.append(ch)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------- layouts that merge the header's lines


def test_a_web_page_header_on_one_line_is_read_field_by_field():
    h = extract_header(doc_of(
        "Chuyên mục: Văn bản chỉ đạo",
        "UBND TỈNH CAO BẰNG SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: 311/SKHCN-QLKH V/v đăng ký đề tài năm 2025 "
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Cao Bằng, ngày 7 tháng 8 năm 2024",
        "Kính gửi: Các sở, ban, ngành.",
        "Sở đề nghị các đơn vị đăng ký đề tài.",
        "Nơi nhận: - Như trên; - Lưu: VT. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Hà Thị Vân"))
    assert (h.number, h.symbol, h.date, h.place) == ("311", "SKHCN-QLKH", "2024-08-07", "Cao Bằng")
    assert (h.issuer, h.parent_issuer) == ("Sở Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh Cao Bằng")
    assert h.subject == "V/v đăng ký đề tài năm 2025"
    assert (h.signer.name, h.signer.authority) == ("Hà Thị Vân", "KT")


def test_a_flattened_two_column_signature_block():
    # the distribution list and the signature side by side, read line by line across both columns
    h = extract_header(doc_of("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HƯNG", "Số: 52/UBND", "V/v dọn vệ sinh môi trường",
                              "Đông Hưng, ngày 2 tháng 4 năm 2024", "Kính gửi: Các thôn.",
                              "UBND xã đề nghị các thôn ra quân dọn vệ sinh.",
                              "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Như trên; CHỦ TỊCH", "- Lưu: VT.", "Đặng Quốc Toản"))
    assert (h.signer.name, h.signer.title, h.signer.authority) == ("Đặng Quốc Toản", "Chủ tịch", "TM")
    h = extract_header(doc_of("SỞ CÔNG THƯƠNG", "Số: 88/SCT-QLTM", "Huế, ngày 9 tháng 9 năm 2024",
                              "V/v bình ổn giá", "Sở đề nghị các doanh nghiệp thực hiện.",
                              "Nơi nhận: GIÁM ĐÓC", "- Như trên;", "- Lưu: VT, QLTM.", "Trương Công Khải"))
    assert h.signer.name == "Trương Công Khải"  # the title misread, standing after "Nơi nhận:"


def test_the_other_column_between_the_type_line_and_the_subject():
    # a PDF layout read the left column first: type line, then the motto and the place-date, then the subject
    h = extract_header(doc_of("SỞ NỘI VỤ TỈNH", "BÌNH PHƯỚC", "Số: 19/QĐ-SNV", "QUYẾT ĐỊNH",
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Bình Phước, ngày 3 tháng 1 năm 2025", "Về việc cử công chức đi học",
                              "GIÁM ĐỐC SỞ NỘI VỤ", "Căn cứ Luật Cán bộ, công chức;"))
    assert h.subject == "Về việc cử công chức đi học"
    assert h.issuer == "Sở Nội vụ tỉnh Bình Phước"  # the name wrapped after its place level


def test_a_day_misread_with_an_accented_letter_for_zero():
    h = extract_header(doc_of("SỞ Y TẾ", "Số: 12/SYT-NV", "Nam Định, ngày 2Ó tháng 6 năm 2021", "V/v tiêm chủng"))
    assert h.date == "2021-06-20"


def test_a_header_after_a_long_web_page_introduction():
    intro = [f"Mục {k} của trang tin" for k in range(45)]
    h = extract_header(doc_of(*intro, "Ngày 2/10/2024, Sở Tư pháp ban hành Công văn số 733/STP-PBGDPL về ngày Pháp luật.",
                              "UBND TỈNH TRÀ VINH", "SỞ TƯ PHÁP", "Số: 733/STP-PBGDPL", "V/v hưởng ứng Ngày Pháp luật",
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Trà Vinh, ngày 2 tháng 10 năm 2024", "Kính gửi: Các sở, ban, ngành tỉnh.",
                              "Sở Tư pháp đề nghị các đơn vị tổ chức hưởng ứng.", "Nơi nhận:", "- Như trên;",
                              "GIÁM ĐỐC", "Thạch Thị Kim Sa"))
    assert (h.number, h.symbol, h.issuer, h.date) == ("733", "STP-PBGDPL", "Sở Tư pháp", "2024-10-02")
    assert h.subject == "V/v hưởng ứng Ngày Pháp luật" and h.signer.name == "Thạch Thị Kim Sa"


def _signer_after(*tail: str):
    head = ("SỞ NÔNG NGHIỆP", "Số: 7/SNN-KH", "Sơn La, ngày 4 tháng 2 năm 2025", "V/v kiểm kê rừng",
            "Kính gửi: Các hạt kiểm lâm.", "Sở đề nghị các đơn vị thực hiện.")
    return extract_header(doc_of(*head, *tail)).signer


def test_signer_names_in_the_shapes_signatures_take():
    assert _signer_after("Nơi nhận:", "- Như trên;", "GIÁM ĐỐC", "PGS.TS. Lò Văn Páo").name == "Lò Văn Páo"
    assert _signer_after("Nơi nhận:", "- Như trên;", "GIÁM ĐỐC", "Quàng Thị Xuân.").name == "Quàng Thị Xuân"
    assert _signer_after("Nơi nhận:", "- Như trên;", "GIÁM ĐỐC", "(Đã ký)", "ĐINH VĂN TÚ").name == "Đinh Văn Tú"
    assert _signer_after("Nơi nhận:", "- Như trên;", "GIÁM ĐỐC", "Đã ký: Cầm Bá Xuân").name == "Cầm Bá Xuân"
    assert _signer_after("Nơi nhận:", "- Như trên;", "Giám đốc", "Bạc Cầm Khôi").name == "Bạc Cầm Khôi"
    # no "Nơi nhận" and a web page's links after the signature
    links = [f"Xem thêm bài {k}" for k in range(70)]
    assert _signer_after("Trân trọng./.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(đã ký)", "Hà Thị Nhung", *links).name \
        == "Hà Thị Nhung"
    # a caps line under the title that is no person is no signer
    assert _signer_after("Nơi nhận:", "- Như trên;", "TL. CHỦ TỊCH", "VAN PHONG") is None


def test_an_issuer_name_wrapped_over_two_lines_is_one_name():
    for block, issuer in ((("UBND TỈNH ĐỒNG NAI", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN", "NÔNG THÔN"),
                           "Sở Nông nghiệp và Phát triển nông thôn"),
                          (("UBND TỈNH ĐỒNG NAI", "SỞ VĂN HÓA, THỂ THAO VÀ", "DU LỊCH"), "Sở Văn hóa, Thể thao và Du lịch"),
                          (("UBND HUYỆN ĐỊNH QUÁN", "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ", "CÁC CÔNG TRÌNH GIAO THÔNG"),
                           "Ban Quản lý dự án đầu tư các công trình giao thông")):
        h = extract_header(doc_of(*block, "Số: 40/KH-ABC", "Đồng Nai, ngày 3 tháng 3 năm 2025", "KẾ HOẠCH", "Kiểm tra"))
        assert fold(h.issuer) == fold(issuer), block


def test_issuer_beside_the_motto_when_the_letter_has_no_number_line():
    for lines in (("UBND TỈNH ĐỒNG NAI", "SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
                  ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Biên Hòa, ngày 2 tháng 3 năm 2024",
                   "UBND TỈNH ĐỒNG NAI", "SỞ Y TẾ")):
        h = extract_header(doc_of(*lines, "Biên Hòa, ngày 2 tháng 3 năm 2024", "THÔNG BÁO", "Lịch trực Tết"))
        assert (h.issuer, h.type, h.subject) == ("Sở Y tế", "Thông báo", "Lịch trực Tết"), lines
    h = extract_header(doc_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "QUY ĐỊNH",
                              "Về quản lý tài sản công", "Chương I"))
    assert h.issuer is None  # a type line is no issuer


def test_place_date_lines_of_every_shape():
    def read(line):
        h = extract_header(doc_of("UBND TỈNH AN GIANG", "SỞ Y TẾ", "Số: 3/KH-SYT", line, "KẾ HOẠCH", "Kiểm tra"))
        return h.place, h.date
    assert read("Thành phố Long Xuyên, ngày 9 tháng 5 năm 2024") == ("Thành phố Long Xuyên", "2024-05-09")
    assert read("Bà Rịa - Vũng Tàu, ngày 9 tháng 5 năm 2024") == ("Bà Rịa - Vũng Tàu", "2024-05-09")
    assert read("Phan Rang-Tháp Chàm, ngày 9 tháng 5 năm 2024") == ("Phan Rang-Tháp Chàm", "2024-05-09")
    assert read("TP. Cần Thơ, ngày 9 tháng 5 năm 2024") == ("TP. Cần Thơ", "2024-05-09")
    assert read("AN GIANG, NGÀY 9 THÁNG 5 NĂM 2024")[1] == "2024-05-09"
    assert read("An Giang, ngày 9 tháng 5, năm 2024")[1] == "2024-05-09"


def test_an_authority_glued_to_its_title():
    assert _signer_after("Nơi nhận:", "- Như trên;", "TL.GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Mùa A Sính").authority == "TL"
    assert _signer_after("Nơi nhận: KT.GIÁM ĐỐC", "- Như trên; PHÓ GIÁM ĐỐC", "Mùa A Sính").name == "Mùa A Sính"


def test_a_header_run_together_with_the_preamble_in_one_paragraph():
    body = "Sở Y tế xây dựng kế hoạch như sau, các đơn vị thực hiện nghiêm túc. " * 8
    h = extract_header(doc_of("UBND TỈNH AN GIANG SỞ Y TẾ Số: 45/KH-SYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
                              "do - Hạnh phúc An Giang, ngày 5 tháng 3 năm 2024 KẾ HOẠCH Tiêm chủng mở rộng Căn cứ "
                              "Quyết định số 12/QĐ-BYT ngày 2/1/2024 của Bộ Y tế; " + body))
    assert (h.id, h.issuer, h.date, h.place, h.type) == ("45/KH-SYT", "Sở Y tế", "2024-03-05", "An Giang", "Kế hoạch")


def test_a_garbled_header_at_the_top_wins_over_an_enclosed_document_further_down():
    body = [f"Nội dung đoạn {k} của công văn." for k in range(40)]
    h = extract_header(doc_of("ỦY BAN NHÂN DÂN", "HUYỆN TÂN KỲ", "CỘNG HOÀ XÃ HỘI CHÚ NGHÍA", "Sô: 7Ø/UBND-VX", *body,
                              "SỞ Y TẾ", "Số: 301/SYT-NV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              "Nghệ An, ngày 2 tháng 2 năm 2024"))
    assert h.symbol == "UBND-VX" and h.issuer == "Ủy ban nhân dân huyện Tân Kỳ"


def test_signer_from_an_e_signature_appearance_when_the_block_shows_no_name():
    h = extract_header(doc_of("Người ký: Lưu Văn Bản", "Thời gian ký: 03.03.2024 09:00:00 +07:00", "SỞ Y TẾ",
                              "Số: 8/SYT-NV", "V/v tiêm chủng", "Sở đề nghị các đơn vị thực hiện.", "Nơi nhận:",
                              "- Như trên;", "GIÁM ĐỐC"))
    assert h.signer.name == "Lưu Văn Bản"
    h = extract_header(doc_of("Ký bởi: Sở Y tế", "SỞ Y TẾ", "Số: 8/SYT-NV", "V/v tiêm chủng", "Nơi nhận:", "- Như trên;",
                              "GIÁM ĐỐC"))
    assert h.signer is None  # an agency's signature names no person


def test_the_subject_stops_at_the_first_sentence_of_the_body():
    h = extract_header(doc_of("ỦY BAN NHÂN DÂN", "TỈNH BẠC LIÊU", "Số: 90/TB-UBND", "Bạc Liêu, ngày 3 tháng 4 năm 2025",
                              "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp",
                              "Ngày 01/4/2025, Chủ tịch UBND tỉnh chủ trì cuộc họp về thu ngân sách."))
    assert h.subject == "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp"


def test_a_standing_committee_named_by_its_kind_is_named_with_its_council():
    h = extract_header(doc_of("HĐND TỈNH BẮC KẠN", "THƯỜNG TRỰC", "Số: 5/TB-HĐND", "Bắc Kạn, ngày 2 tháng 3 năm 2024",
                              "THÔNG BÁO", "Kết luận phiên họp"))
    assert h.issuer == "Thường trực Hội đồng nhân dân tỉnh Bắc Kạn"
