"""Header and references on unseen documents (issue 11, sixth session): shapes of the misses read on the
dev5 split, each tested with text written for this file (no text copied from a gold file or a corpus
document), in varied wording."""

from __future__ import annotations

from pathlib import Path

import parsers
from header_helpers import MOTTO, header_of, refs_of


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- a converter's page marker ("----- [Trang 2] -----") is page furniture, never glued to a line ---------

def test_a_decorated_page_marker_is_furniture_and_opens_a_page(tmp_path):
    for first, second in (("----- [Trang 1] -----", "----- [Trang 2] -----"), ("=== Page 1 ===", "=== Page 2 ==="),
                          ("[TRANG 1]", "[TRANG 2]"), ("-- Trang 1/2 --", "-- Trang 2/2 --")):
        text = (f"{first}\n\nSỞ NÔNG NGHIỆP TỈNH AN LẠC\n\nSố: 45/SNN-KH\n\n{MOTTO[0]}\n{MOTTO[1]}\n\n"
                "Tân Phú, ngày 3 tháng 5 năm 2031\n\nKính gửi: Các phòng chuyên môn.\n\n"
                "Sở đề nghị các phòng rà soát danh mục giống cây trồng và gửi kết quả về\n\n"
                f"{second}\n\nVăn phòng Sở trước ngày 20/5/2031.\n")
        doc = parsers.parse(_write(tmp_path, "m.txt", text))
        texts = [p.text for p in doc.paragraphs]
        assert texts[0] == "SỞ NÔNG NGHIỆP TỈNH AN LẠC", first
        assert not any("Trang" in t or "Page" in t or "TRANG" in t for t in texts), first
        assert [f.text for f in doc.furniture] == [first, second]
        assert texts[-1].endswith("gửi kết quả về Văn phòng Sở trước ngày 20/5/2031."), first  # runs on over the page
        assert doc.source.pages == 2, first
        h = header_of(*texts)
        assert h.issuer == "Sở Nông nghiệp tỉnh An Lạc", first


def test_a_line_that_only_mentions_a_page_stays_text(tmp_path):
    text = "Xem bảng tổng hợp tại Trang 4 của phụ lục.\n\n[Trang tin điện tử của Sở]\n"
    doc = parsers.parse(_write(tmp_path, "n.txt", text))
    assert [p.text for p in doc.paragraphs] == ["Xem bảng tổng hợp tại Trang 4 của phụ lục.",
                                                "[Trang tin điện tử của Sở]"]
    assert doc.furniture == []


# --- the issuer between a qualified type and the number; a law's title is no issuer -------------------------

def test_an_issuer_after_a_qualified_type_and_before_the_number():
    refs = refs_of("Xét đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 61/TTr-SXD ngày 4/5/2031 và báo cáo "
                   "thẩm định của Sở Tư pháp số 208/BC-STP ngày 2/5/2031.")
    assert (refs["208/BC-STP"].date, refs["208/BC-STP"].issuer) == ("2031-05-02", "Sở Tư pháp")
    refs = refs_of("Căn cứ Báo cáo thẩm tra của Ban Kinh tế - Ngân sách số 15/BC-KTNS ngày 9/12/2031;")
    assert refs["15/BC-KTNS"].issuer == "Ban Kinh tế - Ngân sách"
    refs = refs_of("Thực hiện Kế hoạch triển khai của Ủy ban nhân dân huyện Đông Hòa số 88/KH-UBND ngày 1/3/2031,")
    assert refs["88/KH-UBND"].issuer == "Ủy ban nhân dân huyện Đông Hòa"


def test_a_law_named_after_of_is_not_the_issuer_of_its_own_number():
    refs = refs_of("Căn cứ quy định của Luật Thủy lợi số 08/2030/QH16 và Nghị định số 14/2031/NĐ-CP "
                   "ngày 2/2/2031 của Chính phủ;")
    assert refs["08/2030/QH16"].issuer is None
    assert refs["14/2031/NĐ-CP"].issuer == "Chính phủ"
    refs = refs_of("Theo hướng dẫn của Luật Ngân sách nhà nước số 3/2029/QH15, các đơn vị lập dự toán.")
    assert refs["3/2029/QH15"].issuer is None


# --- a member unit named with the university it belongs to, after a comma: one issuer ----------------------

def test_a_member_unit_and_its_university_after_a_comma_are_one_issuer():
    refs = refs_of("Căn cứ Quyết định số 52/QĐ-ĐHYD ngày 6 tháng 1 năm 2031 của Trường Đại học Y Dược, "
                   "Đại học Hòa An về việc ban hành quy chế đào tạo;")
    assert refs["52/QĐ-ĐHYD"].issuer == "Trường Đại học Y Dược, Đại học Hòa An"
    refs = refs_of("Thực hiện Thông báo số 14/TB-KKT ngày 3/2/2031 của Khoa Kinh tế, Trường Đại học Phú Lâm về lịch "
                   "bảo vệ khóa luận, Khoa đề nghị sinh viên đăng ký.")
    assert refs["14/TB-KKT"].issuer == "Khoa Kinh tế, Trường Đại học Phú Lâm"
    # two schools side by side are a list, not a school and its parent
    refs = refs_of("Căn cứ Công văn số 9/ĐHTL-ĐT ngày 1/2/2031 của Trường Đại học Tân Lập, Trường Đại học Vĩnh An;")
    assert refs["9/ĐHTL-ĐT"].issuer == "Trường Đại học Tân Lập"


# --- a scan's noise around a number: a stray dot before "ngày", a space inside a number or a date ----------

def test_a_stray_dot_between_a_number_and_its_lower_case_date_is_noise():
    refs = refs_of("Rà soát Quyết định số 26/2029/QĐ-TTg ngày 4/5/2029 và 9/QĐ-TTg. ngày 12/8/2030 của Thủ tướng "
                   "Chính phủ về tổ chức bộ máy.")
    assert (refs["9/QĐ-TTg"].date, refs["9/QĐ-TTg"].issuer) == ("2030-08-12", "Thủ tướng Chính phủ")
    assert refs["26/2029/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    # a real sentence end stays one: the next sentence's "Ngày" is not the number's date
    refs = refs_of("Sở đã nhận Công văn số 17/UBND-KT. Ngày 3/4/2030, Sở họp bàn triển khai.")
    assert refs["17/UBND-KT"].date is None


def test_a_space_inside_a_day_or_a_month_of_a_scanned_date():
    refs = refs_of("Căn cứ Thông tư số 61/2029/TT-BYT ngày 13/1 2/2029 của Bộ Y tế hướng dẫn thi hành;")
    assert refs["61/2029/TT-BYT"].date == "2029-12-13"
    refs = refs_of("Thực hiện Kế hoạch số 40/KH-UBND ngày 2 8/10/2030 của Ủy ban nhân dân tỉnh,")
    assert refs["40/KH-UBND"].date == "2030-10-28"


def test_a_space_inside_a_scanned_number_after_so():
    refs = refs_of("Căn cứ Nghị định số 1 24/2029/NĐ-CP ngày 3/3/2029 của Chính phủ quy định chi tiết;")
    assert set(refs) == {"124/2029/NĐ-CP"}
    assert refs["124/2029/NĐ-CP"].issuer == "Chính phủ"
    # two digits before the space, or no "số": not one number
    assert set(refs_of("Kèm theo Tờ trình số 45 12/TTr-SNV của Sở Nội vụ.")) == {"12/TTr-SNV"}


# --- a scanned two-column header read line by line (tax-office letters and the like) ------------------------

def test_the_motto_lines_end_the_header_line_they_stand_on(tmp_path):
    # an OCR's stray opening quote, a figure opening the next line: the motto still ends its line
    text = ("“BO NÔNG NGHIỆP CONG HOA XÃ HOI CH.Ủ NGHIA VIỆT NAM\nCUC THU Y Độc lập — Tự do — Hạnh phúc\n"
            "Số: 77/CTY-KH Hà Nội, ngày 5 tháng 6 năm 2031\nTHONG BAO\n\nVề lịch tiêm phòng vụ thu\n\n"
            "Cục Thú y thông báo lịch tiêm phòng như sau.\n")
    texts = [p.text for p in parsers.parse(_write(tmp_path, "h.txt", text)).paragraphs]
    assert texts[:3] == ["“BO NÔNG NGHIỆP CONG HOA XÃ HOI CH.Ủ NGHIA VIỆT NAM", "CUC THU Y Độc lập — Tự do — Hạnh phúc",
                         "Số: 77/CTY-KH Hà Nội, ngày 5 tháng 6 năm 2031"]
    text = "SỞ XÂY DỰNG Doc lọc Tự do - Hạnh phúc\n1203 /SXD-QH. Vĩnh An, ngày 2 tháng 3 năm 2031\n"
    texts = [p.text for p in parsers.parse(_write(tmp_path, "i.txt", text)).paragraphs]
    assert texts == ["SỞ XÂY DỰNG Doc lọc Tự do - Hạnh phúc", "1203 /SXD-QH. Vĩnh An, ngày 2 tháng 3 năm 2031"]


def _scan(*number_and_date: str, issuer: tuple[str, ...] = ("BO XAY DUNG", "CUC QUAN LY NHA"),
          body: str = "Cục Quản lý nhà đề nghị các Sở Xây dựng rà soát hồ sơ nhà ở xã hội.") -> tuple[str, ...]:
    return (f"{issuer[0]} CONG HOA XA HOI CHU NGHIA VIET NAM", f"{issuer[1]} Độc lập - Tự do - Hạnh phúc",
            *number_and_date, "V/v rà soát hồ sơ nhà ở xã hội", "Kính gửi: Sở Xây dựng các tỉnh.", body)


def test_a_scanned_number_line_with_so_misread_or_lost():
    h = header_of(*_scan("$6:512/QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031"))
    assert (h.number, h.symbol, h.id) == ("512", "QLN-PC", "512/QLN-PC")
    # the slash misread, the number unread and glued to the symbol: the symbol stands, the number stays null
    h = header_of(*_scan("Số: Ëg0Z!QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031"))
    assert (h.number, h.symbol) == (None, "QLN-PC")
    # no "Số:" left, read as figures (six of them: no number); five or fewer are the number
    h = header_of(*_scan("864512 /QLN-PC. Hà Nội, ngày 9 tháng 4 năm 2031"))
    assert (h.number, h.symbol, h.place) == (None, "QLN-PC", "Hà Nội")
    h = header_of(*_scan("2046 /QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031"))
    assert (h.number, h.symbol) == ("2046", "QLN-PC")


def test_a_scanned_date_with_its_day_unread_keeps_month_and_year():
    h = header_of(*_scan("Số: 51/QLN-PC Hà Nội, ngdy, Jf tháng 4 năm 2031"))
    assert (h.date, h.date_partial, h.place) == (None, "2031-04", "Hà Nội")
    h = header_of(*_scan("Số: 51/QLN-PC Hà Nội, ngày of tháng § năm 2031"))
    assert (h.date, h.date_partial) == (None, "2031")
    # what is left of the number line before the place does not hide the place-date
    h = header_of(*_scan("sé/(ÖQr-PC Hà Nội, ngày/WÍ tháng 07 năm 2031"))
    assert (h.place, h.date_partial) == ("Hà Nội", "2031-07")


def test_an_issuer_read_without_marks_takes_the_spelling_its_own_text_gives():
    h = header_of(*_scan("Số: 51/QLN-PC Ha Noi, ngày 9 tháng 4 năm 2031",
                         body="Cục Quản lý nhà đề nghị các Sở gửi báo cáo về Hà Nội trước ngày 30/4/2031."))
    assert (h.issuer, h.place) == ("Cục Quản lý nhà", "Hà Nội")
    # the text never writes it otherwise: the header's reading stays
    h = header_of(*_scan("Số: 51/QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031", body="Đề nghị các Sở gửi báo cáo."))
    assert h.issuer == "Cuc quan ly nha"


def test_the_issuer_beside_the_mottos_second_line_when_no_number_line_is_read():
    lines = ("TONG CUC HAI QUAN CONG HÒA XÃ HỘI CHỦ NGHĨA VIET NAM", "CỤC HAI QUAN TINH VINH AN Độc lập - Tự do - Hạnh phúc",
             "sé/(ÖHr-NV Vĩnh An, ngày/WÍ tháng 07 năm 2031 V/v Thủ tục hoàn thuế hàng xuất khẩu.",
             "Kính gửi: Công ty TNHH Minh Long",
             "Cục Hải quan tỉnh Vĩnh An nhận được văn bản của Công ty, Cục Hải quan tỉnh Vĩnh An có ý kiến như sau:")
    h = header_of(*lines)
    assert h.issuer == "Cục Hải quan tỉnh Vĩnh An"
    assert (h.place, h.date_partial) == ("Vĩnh An", "2031-07")
    assert h.subject == "V/v Thủ tục hoàn thuế hàng xuất khẩu"


def test_a_scanned_subject_and_addressee_line():
    lines = ("CỤC THUẾ TỈNH AN LẠC", "Số: 88/CTAL-TTHT", *MOTTO, "Tân Phú, ngày 3 tháng 5 năm 2031",
             "Vw hoàn thuế giá trị gia tăng", "theo Nghị định số 12/2031/NĐ-CP cho dự án đầu tư",
             ", Kink gửi: Công ty cổ phần Sông Mây", "Trả lời văn bản của Công ty, Cục Thuế có ý kiến như sau:")
    h = header_of(*lines)
    assert h.subject == "Vw hoàn thuế giá trị gia tăng theo Nghị định số 12/2031/NĐ-CP cho dự án đầu tư"
    assert h.recipients == ["Công ty cổ phần Sông Mây"]


# --- the document's own number, read twice by a scan, is no reference; an unknown code names no issuer -------

def test_the_own_number_line_misread_a_second_time_is_not_a_reference():
    lines = ("BỘ NỘI VỤ", "Số: 412/KH-BNV", *MOTTO, "só: ¢#2 /KH-BNV", "Hà Nội, ngày 3 tháng 4 năm 2031", "KẾ HOẠCH",
             "Triển khai phong trào thi đua", "Thực hiện Quyết định số 12/QĐ-TTg ngày 1/2/2031 của Thủ tướng Chính "
             "phủ, Bộ ban hành kế hoạch.", "Bộ đã ban hành Kế hoạch số 41/KH-BNV ngày 2/3/2030.")
    assert set(refs_of(*lines)) == {"12/QĐ-TTg", "41/KH-BNV"}


def test_a_letter_of_a_body_whose_code_the_table_does_not_know_keeps_no_issuer():
    lines = ("BỘ CÔNG THƯƠNG", "CỤC XÚC TIẾN THƯƠNG MẠI", "Số: 301/XTTM-KH", *MOTTO, "Hà Nội, ngày 3 tháng 4 năm 2031",
             "V/v hội chợ mùa thu", "Kính gửi: Các Sở Công Thương.",
             "Tiếp theo Công văn số 250/XTTM-KH ngày 2/3/2031, Cục đề nghị các Sở đăng ký gian hàng.")
    refs = refs_of(*lines)
    assert refs["250/XTTM-KH"].issuer is None


def test_a_marks_lost_issuer_with_one_letter_misread_takes_the_texts_most_used_spelling():
    body = ("Cục Quản lý nhà yêu cầu các Sở báo cáo. Mọi vướng mắc gửi về Cục Quản lý nhà; Cục Quàn lý nhà sẽ tổng hợp "
            "và Cục Quản lý nhà trả lời. Cục quản lý nhà theo dõi.")
    h = header_of(*_scan("Số: 51/QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031", issuer=("BO XAY DUNG", "CUC QUAN LY NHA"),
                         body=body))
    assert h.issuer == "Cục Quản lý nhà"
    h = header_of(*_scan("Số: 51/QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031", issuer=("BO XAY DUNG", "CYC QUAN LY NHA"),
                         body=body))
    assert h.issuer == "Cục Quản lý nhà"
    # a letter the OCR does not confuse: another body, not this one
    h = header_of(*_scan("Số: 51/QLN-PC Hà Nội, ngày 9 tháng 4 năm 2031", issuer=("BO XAY DUNG", "CUC QUAN LY NHO"),
                         body=body))
    assert h.issuer != "Cục Quản lý nhà"


def test_a_drafts_year_only_date_takes_the_month_its_annex_caption_gives():
    lines = ("ỦY BAN NHÂN DÂN TỈNH AN LẠC", "Số: /QĐ-UBND", *MOTTO, "Tân Phú, ngày tháng năm 2031", "QUYẾT ĐỊNH",
             "Về việc công bố thủ tục hành chính", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN LẠC", "QUYẾT ĐỊNH:",
             "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục.", "Phụ lục",
             "(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày tháng 10 năm 2031 của Chủ tịch UBND tỉnh An Lạc)")
    h = header_of(*lines)
    assert (h.number, h.date, h.date_partial) == (None, None, "2031-10")
    # another document's caption (another symbol, or numbered and dated) leaves the draft's year alone
    other = lines[:-1] + ("(Ban hành kèm theo Quyết định số 12/QĐ-SNV ngày 3 tháng 10 năm 2031 của Sở Nội vụ)",)
    assert header_of(*other).date_partial == "2031"


# --- laws cited without a number: an amending law's title, a law numbered elsewhere, a bill ------------------

def _unnumbered(*lines: str) -> set[str]:
    from extractors.header import extract_header
    from extractors.references import extract_references
    from header_helpers import doc_of
    doc = doc_of(*lines)
    return {u.text for u in extract_references(doc, extract_header(doc))[1]}


def test_the_laws_an_amending_laws_title_names_are_not_cited_of_their_own():
    got = _unnumbered("Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2029; Luật Sửa đổi, bổ sung một số Điều của Luật "
                      "Lâm nghiệp, Luật Trồng trọt và Luật Thủy sản ngày 3 tháng 6 năm 2031;", "Điều 1. Ban hành.")
    assert got == {"Luật Thủy sản",
                   "Luật Sửa đổi, bổ sung một số Điều của Luật Lâm nghiệp, Luật Trồng trọt và Luật Thủy sản"}
    got = _unnumbered("Căn cứ Luật sửa đổi một số điều của Luật Đường sắt năm 2030;", "Điều 1. Ban hành.")
    assert got == {"Luật sửa đổi một số điều của Luật Đường sắt năm 2030"}


def test_a_law_cited_with_its_number_somewhere_and_a_bill_are_no_unnumbered_references():
    got = _unnumbered("Căn cứ Luật Quản lý nợ công số 97/2029/QH15;", "Thực hiện Luật quản lý nợ công, Sở rà soát các "
                      "khoản vay. Sở tham gia góp ý dự án Luật thuế sửa đổi và dự thảo Luật Quy hoạch đô thị.",
                      "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2029;")
    assert got == {"Luật Thống kê"}


def test_a_law_named_with_a_comma_list_closing_with_va_and_a_relative_clause_after_nguoi():
    got = _unnumbered("Bảo đảm tuân thủ Luật Đầu tư công, Luật Năng lượng, tiết kiệm và hiệu quả và các văn bản pháp "
                      "luật liên quan.")
    assert got == {"Luật Đầu tư công", "Luật Năng lượng, tiết kiệm và hiệu quả"}
    assert _unnumbered("Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn;") == {"Luật Thi đua, khen thưởng"}
    got = _unnumbered("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng năm 2030;")
    assert any(t.startswith("Pháp lệnh Ưu đãi người có công") for t in got), got
    # "có" after anything else still opens the predicate
    assert _unnumbered("Luật Hòa giải có hiệu lực từ ngày 1/1/2031.") == {"Luật Hòa giải"}


def test_two_addressees_on_one_item_apart_at_the_semicolon():
    lines = ("BỘ Y TẾ", "Số: 70/BYT-KCB", *MOTTO, "Hà Nội, ngày 3 tháng 5 năm 2031", "V/v phòng chống sốt xuất huyết",
             "Kính gửi:", "- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương; Y tế các Bộ, ngành;",
             "- Các bệnh viện trực thuộc Bộ Y tế.", "Bộ Y tế đề nghị các đơn vị triển khai ngay các biện pháp.")
    assert header_of(*lines).recipients == ["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "Y tế các Bộ, ngành",
                                            "Các bệnh viện trực thuộc Bộ Y tế"]


def test_the_mottos_words_inside_a_sentence_do_not_end_its_line(tmp_path):
    text = ("Toàn Đảng, toàn dân ta phấn đấu vì mục tiêu độc lập, tự do, hạnh phúc\ncủa nhân dân và xây dựng nước "
            "Cộng hòa xã hội chủ nghĩa Việt Nam\nngày càng giàu mạnh.\n")
    texts = [p.text for p in parsers.parse(_write(tmp_path, "s.txt", text)).paragraphs]
    assert len(texts) == 1, texts


# --- a paper numbered by its kind alone, named in words before it ------------------------------------------

def test_a_number_whose_symbol_is_its_kind_alone_when_the_kind_is_named_before_it():
    refs = refs_of("Trả lời công văn số 208/CV ngày 14/3/2031 của Công ty cổ phần Hòa Phong về hoàn thuế, Cục Thuế "
                   "có ý kiến như sau:")
    assert (refs["208/CV"].date, refs["208/CV"].issuer) == ("2031-03-14", "Công ty cổ phần Hòa Phong")
    refs = refs_of("Căn cứ Quyết định số 35/QĐ ngày 2/1/2031 của Hội đồng quản trị Công ty;")
    assert set(refs) == {"35/QĐ"}
    # the kind not named, or no "số": no number
    assert refs_of("Nội dung tại mục 208/CV của biểu tổng hợp.") == {}
    assert refs_of("Kế hoạch 12/KH năm 2031 chưa được duyệt.") == {}


def test_a_scanned_date_with_its_words_or_figures_misread():
    for printed in ("Hà Nội, ngày l4 tháng lO năm 2031", "Hà Nội, ngày 14 tbáng 10 năm 2031",
                    "Hà Nội, ngày14thing 10 ăm 2031"):
        h = header_of(*_scan(f"Số: 51/QLN-PC {printed}"))
        assert h.date == "2031-10-14", printed


def test_a_printed_month_the_signing_stamp_contradicts():
    stamp = ("Ký bởi: Cục Quản lý nhà", "Thời gian ký: 16.10.2031 15:12")
    # the printed day in the stamp's month, when the printed date is not in the week before the signing
    h = header_of(*stamp, *_scan("Số: 51/QLN-PC Hà Nội, ngày 14 tháng 4 năm 2031"))
    assert h.date == "2031-10-14"
    # a printed date within the week before the signing, or a day that does not fit that week, stands
    assert header_of(*stamp, *_scan("Số: 51/QLN-PC Hà Nội, ngày 12 tháng 10 năm 2031")).date == "2031-10-12"
    assert header_of(*stamp, *_scan("Số: 51/QLN-PC Hà Nội, ngày 28 tháng 4 năm 2031")).date == "2031-04-28"


def test_a_sentence_opening_with_khi_gui_is_no_addressee_line():
    lines = ("CỤC THUẾ TỈNH AN LẠC", "Số: 88/CTAL-TTHT", *MOTTO, "Tân Phú, ngày 3 tháng 5 năm 2031", "V/v hoàn thuế",
             "Khi gửi: hồ sơ hoàn thuế, doanh nghiệp ghi rõ mã số thuế.", "Cục Thuế có ý kiến như sau:")
    assert header_of(*lines).recipients == []
