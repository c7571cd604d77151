"""Header and references on unseen documents (issue 11, ninth session): shapes of the misses read on the dev8
split (the opened blind3), each tested with text written for this file (no text copied from a gold file or a
corpus document), in varied wording."""

from __future__ import annotations

from extractors.references import extract_references
from header_helpers import MOTTO, doc_of, header_of, refs_of


def unnumbered_of(*lines: str) -> list[str]:
    doc = doc_of(*lines)
    _, unn = extract_references(doc, header_of(*lines))
    return [u.text for u in unn]


# --- a law's name ends before the place-date of a header and before "đối với", "trên địa bàn" --------------

def test_a_law_named_at_the_end_of_a_subject_line_does_not_run_into_the_place_date():
    got = unnumbered_of("SỞ TƯ PHÁP TỈNH CÀ MAU", "Số: 88/STP-PBGD V/v phổ biến Luật PCTN\nCà Mau, ngày 2 tháng 3 năm 2031",
                        "Kính gửi: Các phòng.", "Các phòng phổ biến Luật PCTN đến cán bộ.")
    assert got == ["Luật PCTN"], got
    got = unnumbered_of("BỘ CÔNG THƯƠNG", "Số: 12/BCT-ATMT V/v thi hành Luật Hóa chất\nHà Nội, ngày 2 tháng 3 năm 2031",
                        "Kính gửi: Các sở.", "Đề nghị các sở tuyên truyền Luật Hóa chất.")
    assert got == ["Luật Hóa chất"], got


def test_a_law_name_stops_before_doi_voi_and_tren_dia_ban():
    got = unnumbered_of("Kính gửi: Các phòng.",
                        "Áp dụng khoản 2 Điều 9 Luật Đầu tư công đối với các dự án nhóm C;",
                        "kiểm tra việc thi hành Luật Đầu tư công trên địa bàn huyện.")
    assert got == ["Luật Đầu tư công"], got


# --- a law named with its number is a numbered reference, in its own words and in later mentions ------------

def test_a_law_whose_name_runs_on_to_its_number_is_not_unnumbered():
    got = unnumbered_of("Kính gửi: Các huyện.",
                        "Căn cứ Pháp lệnh Cựu chiến binh với nhiệm vụ mới số 31/2030/PL-UBTVQH15 ngày 2/3/2030 và "
                        "Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Cựu chiến binh với nhiệm vụ mới số "
                        "40/2031/PL-UBTVQH15 ngày 4/5/2031;",
                        "Các huyện chi trả theo đúng Pháp lệnh Cựu chiến binh với nhiệm vụ mới.")
    assert got == [], got


def test_a_law_to_be_drafted_in_place_of_another_is_no_cited_document():
    got = unnumbered_of("Kính gửi: Các vụ.",
                        "Năm 2031: hoàn thiện hồ sơ đề nghị xây dựng Luật thay thế Luật Dân quân tự vệ;",
                        "năm 2032: trình Quốc hội Pháp lệnh thay thế Pháp lệnh Dân số.")
    assert sorted(got) == ["Luật Dân quân tự vệ", "Pháp lệnh Dân số"], got


def test_the_short_name_a_numbered_law_is_given_is_that_numbered_law():
    got = unnumbered_of("Kính gửi: Các cơ sở.",
                        "Thực hiện Luật Phòng cháy và chữa cháy số 27/2030/QH15 ngày 2/6/2030 (sau đây gọi là Luật PCCC), "
                        "các cơ sở rà soát phương án;",
                        "việc kiểm tra theo khoản 3 Điều 7 Luật PCCC do Công an huyện thực hiện.")
    assert got == [], got
    # a short name given to a law named without a number stays that law
    got = unnumbered_of("Kính gửi: Các cơ sở.",
                        "Thực hiện Luật An ninh mạng (sau đây gọi là Luật ANM), các cơ sở rà soát;",
                        "việc kiểm tra theo Luật ANM do Công an huyện thực hiện.")
    assert got == ["Luật An ninh mạng"], got


# --- a law named in full first and by its initials later is named in full ------------------------------------

def test_a_law_named_in_full_first_keeps_its_full_name_however_often_its_initials_follow():
    got = unnumbered_of("Kính gửi: Các trường.",
                        "Căn cứ Luật Giáo dục nghề nghiệp ngày 27 tháng 11 năm 2030;",
                        "Các trường thực hiện Luật GDNN năm 2030; báo cáo việc thi hành Luật GDNN;",
                        "rà soát quy chế theo Luật GDNN và Luật GDNN.")
    assert got == ["Luật Giáo dục nghề nghiệp"], got


# --- a letter-spaced heading copied from a web page: the pieces are read as the fewest valid syllables ---------

def test_letter_spaced_pieces_join_into_syllables_that_keep_the_rules_of_vietnamese_sounds():
    from parsers.text_parser import join_split_syllables

    for spaced, joined in (
        ("SỞ GIÁO D Ụ C VÀ Đ ÀO T ẠO T ỈNH B ÌNH Đ ỊNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÌNH ĐỊNH"),
        ("UỶ B AN NHÂN D Â N HUY ỆN C HÂU T H À NH", "UỶ BAN NHÂN DÂN HUYỆN CHÂU THÀNH"),
        # "HỒ C H Í": never "HỒCH ÍM" (a syllable closed by "ch" follows a, ê, i; one closed by c, ch, p, t bears
        # the sắc or nặng tone)
        ("T hành phố Hồ C h í M inh, ngày 3 tháng 4 năm 2031", "Thành phố Hồ Chí Minh, ngày 3 tháng 4 năm 2031"),
        ("KT. GIÁM Đ Ố C P HÓ GIÁM Đ Ố C", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"),
        ("- B ộ K ế h o ạ ch v à Đ ầ u t ư ;", "- Bộ Kế hoạch và Đầu tư ;"),
    ):
        assert join_split_syllables(spaced) == joined, join_split_syllables(spaced)
    for t in ("Ô tô ở đó, A ơi, mục a) và b).", "Số c ontainer lưu bãi", "xã A Lưới và huyện K Bang",
              "điểm c khoản 2 và điểm b khoản 3"):
        assert join_split_syllables(t) == t, t


def test_a_letter_spaced_web_header_gives_issuer_place_and_signer(tmp_path):
    import parsers
    from extractors.header import extract_header

    p = tmp_path / "qd.txt"
    p.write_text("ỦY B AN NHÂN D Â N T ỈNH B ẮC NINH -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                 "Hạnh phúc ---------------\nSố: 12/QĐ - UBND\nB ắc N inh, ngày 3 tháng 4 năm 2031\n\nQUYẾT ĐỊNH\n\n"
                 "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\n"
                 "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
                 "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n\n"
                 "Nơi nhận: - Như Điều 1; - Lưu: VT.\nKT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Trần V ăn Tuấn\n", encoding="utf-8")
    h = extract_header(parsers.parse(p))
    assert (h.issuer, h.place, h.date) == ("Ủy ban nhân dân tỉnh Bắc Ninh", "Bắc Ninh", "2031-04-03")
    assert h.signer is not None and h.signer.name == "Trần Văn Tuấn", h.signer


# --- a title in capitals does not run on into the "Căn cứ" paragraph after it ----------------------------------

def test_a_capitals_title_ends_before_the_preamble_paragraph(tmp_path):
    import parsers
    from extractors.header import extract_header

    title = ("TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 88/QĐ-TTG NGÀY 2 THÁNG 3 NĂM 2031 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC "
             "PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN RỪNG PHÒNG HỘ VEN BIỂN GIAI ĐOẠN 2031 - 2035 VÀ NHỮNG NĂM TIẾP THEO")
    body = ("Căn cứ Quyết định số 88/QĐ-TTg ngày 2 tháng 3 năm 2031 của Thủ tướng Chính phủ về việc phê duyệt Đề án "
            "phát triển rừng phòng hộ ven biển giai đoạn 2031 - 2035 và những năm tiếp theo;")
    p = tmp_path / "kh.txt"
    p.write_text("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
                 f"phúc ---------------\nSố: 45/KH-BNNMT\nHà Nội, ngày 11 tháng 4 năm 2031\n\nKẾ HOẠCH\n\n{title}\n\n"
                 f"{body}\n\n{body}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nBảo đảm tiến độ.\n", encoding="utf-8")
    h = extract_header(parsers.parse(p))
    assert h.subject is not None and h.subject.endswith("những năm tiếp theo") and "Căn cứ" not in h.subject, h.subject


# --- a cited document's issuer named just before the bracket that cites it -------------------------------------

LETTER = ("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "Số: 301/UBND-VX", *MOTTO, "Hòa Bình, ngày 2 tháng 6 năm 2031",
          "V/v chi trả trợ cấp", "Kính gửi: Các sở, ngành.")


def test_the_bodies_of_a_list_each_followed_by_its_letter_in_brackets_issued_those_letters():
    refs = refs_of(*LETTER, "Xét đề nghị của Sở Y tế (Tờ trình số 41/TTr-SYT ngày 3/5/2031), ý kiến của các Bộ: "
                   "Nội vụ (Công văn số 902/BNV-TCBC ngày 9/5/2031), Kế hoạch và Đầu tư (Văn bản số 77/BKHĐT-TH "
                   "ngày 12/5/2031), Ủy ban Dân tộc (Công văn số 15/UBDT-CS ngày 14/5/2031) về việc hỗ trợ, Ủy ban "
                   "nhân dân tỉnh giao Sở Tài chính bố trí kinh phí.")
    got = {k: r.issuer for k, r in refs.items()}
    assert got == {"41/TTr-SYT": "Sở Y tế", "902/BNV-TCBC": "Bộ Nội vụ", "77/BKHĐT-TH": "Bộ Kế hoạch và Đầu tư",
                   "15/UBDT-CS": "Ủy ban Dân tộc"}, got


def test_a_body_followed_by_a_bracket_of_its_plans_issued_each_plan_in_the_bracket():
    refs = refs_of(*LETTER, "Tiếp tục kiện toàn bộ máy theo chỉ đạo của Tỉnh ủy [tại Chương trình số 12-CTr/TU ngày "
                   "3/2/2030 về cải cách hành chính] và Ủy ban nhân dân tỉnh [Tại Kế hoạch số 61/KH-UBND ngày "
                   "8/3/2030 về triển khai Chương trình số 12-CTr/TU ngày 3/2/2030 của Tỉnh ủy; Kế hoạch số "
                   "62/KH-UBND ngày 8/3/2030 về sắp xếp đơn vị sự nghiệp].")
    got = {k: r.issuer for k, r in refs.items()}
    assert got == {"12-CTr/TU": "Tỉnh ủy", "61/KH-UBND": "Ủy ban nhân dân tỉnh", "62/KH-UBND": "Ủy ban nhân dân tỉnh"}, got


def test_two_bodies_named_after_two_letters_issued_one_each_by_their_codes():
    refs = refs_of(*LETTER, "Căn cứ các văn bản số 4120/LĐTBXH-NCC ngày 17/9/2030, số 13002/BTC-HCSN ngày 23/9/2030 "
                   "của Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính, đề nghị các huyện rà soát đối tượng.")
    got = {k: r.issuer for k, r in refs.items()}
    assert got == {"4120/LĐTBXH-NCC": "Bộ Lao động - Thương binh và Xã hội", "13002/BTC-HCSN": "Bộ Tài chính"}, got
    # a joint letter's two bodies stay together
    refs = refs_of(*LETTER, "Thực hiện Thông tư liên tịch số 21/2030/TTLT-BTC-BNV ngày 2/3/2030 của Bộ Tài chính và "
                   "Bộ Nội vụ, các sở rà soát.")
    assert refs["21/2030/TTLT-BTC-BNV"].issuer == "Bộ Tài chính và Bộ Nội vụ"


# --- a web copy's letter: the place-date line run on with the addressee and the preamble -----------------------

def test_a_place_date_line_holding_the_addressee_and_the_body_gives_place_date_and_addressee():
    body = ("Thực hiện Luật Ngân sách nhà nước và các văn bản hướng dẫn; Công văn số 77/VPCP-KTTH ngày 3/2/2031 của "
            "Văn phòng Chính phủ về việc quyết toán kinh phí, Bộ Tài chính đề nghị Chủ tịch Ủy ban nhân dân các tỉnh "
            "chỉ đạo Giám đốc Sở Tài chính, Giám đốc Kho bạc Nhà nước tỉnh thực hiện các nội dung sau đây:")
    for opening in (body, "Trong thời gian qua, các địa phương đã tích cực triển khai việc quyết toán; tuy nhiên "
                          "tiến độ còn chậm so với yêu cầu. " + body):
        h = header_of("BỘ TÀI CHÍNH -------", f"{MOTTO[0]} {MOTTO[1]} ---------------",
                      "Số: 512/BTC-HCSN V/v quyết toán kinh phí năm 2030.",
                      f"Hà Nội, ngày 14 tháng 02 năm 2031 Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
                      f"Trung ương {opening}", "1. Lập báo cáo quyết toán trước ngày 30/6/2031.",
                      "Nơi nhận:", "- Như trên;", "- Lưu: VT, HCSN.", "KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Hưng")
        assert (h.place, h.date) == ("Hà Nội", "2031-02-14")
        assert h.recipients == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], h.recipients


# --- the signature block of a web copy: after a typist's name, after a paragraph left with a bracket open ---------

def test_the_signer_after_the_typists_name_on_the_filing_item():
    h = header_of("VĂN PHÒNG CHÍNH PHỦ -------", f"{MOTTO[0]} {MOTTO[1]} ---------------",
                  "Số: 1902/VPCP-ĐMDN V/v sắp xếp doanh nghiệp", "Hà Nội, ngày 5 tháng 3 năm 2031",
                  "Kính gửi: Bộ Tài chính.", "Văn phòng Chính phủ thông báo để Bộ Tài chính biết, thực hiện./.",
                  "Nơi nhận:", "- Như trên;", "- TTg, các PTTg;", "- Lưu: VT, ĐMDN (2b). Minh Tuấn BỘ TRƯỞNG, CHỦ NHIỆM Trần Văn Sơn")
    assert h.signer is not None and h.signer.name == "Trần Văn Sơn", h.signer
    assert h.distribution[-1] == "Lưu: VT, ĐMDN (2b). Minh Tuấn", h.distribution  # the filing line as printed


def test_the_distribution_list_opens_a_paragraph_even_after_a_bracket_left_open(tmp_path):
    import parsers
    from extractors.header import extract_header

    p = tmp_path / "kh.txt"
    p.write_text("BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG CHỐNG THIÊN TAI -------\n"
                 f"{MOTTO[0]} {MOTTO[1]} ---------------\nSố: 25/KH-BCĐ\nHà Nội, ngày 11 tháng 11 năm 2031\n\n"
                 "KẾ HOẠCH\n\nPHÒNG CHỐNG THIÊN TAI NĂM 2032\n\nI. MỤC ĐÍCH\n\n"
                 "Các đơn vị báo cáo về Ban Chỉ đạo (qua Văn phòng Thường trực (Tổng cục Thủy lợi) để tổng hợp.\n\n"
                 "Nơi nhận: - Thủ tướng Chính phủ; - Các Bộ: Quốc phòng, Công an; - Lưu: VT.\n"
                 "TRƯỞNG BAN PHÓ THỦ TƯỚNG Lê Văn Khải\n", encoding="utf-8")
    h = extract_header(parsers.parse(p))
    assert h.signer is not None and h.signer.name == "Lê Văn Khải", h.signer
    assert h.distribution[0] == "Thủ tướng Chính phủ", h.distribution


def test_an_amending_law_naming_several_numbered_laws_it_amends_stays_unnumbered():
    got = unnumbered_of("Kính gửi: Các sở.",
                        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Lâm nghiệp số 16/2029/QH15, Luật Thủy sản "
                        "số 18/2029/QH15 và Luật Trồng trọt số 31/2029/QH15 ngày 2 tháng 7 năm 2031;")
    assert len(got) == 1 and got[0].startswith("Luật sửa đổi, bổ sung một số điều của Luật Lâm nghiệp"), got


def test_a_body_that_has_letters_after_a_closing_bracket_issued_them():
    refs = refs_of("BẢO HIỂM XÃ HỘI VIỆT NAM", "Số: 41/BHXH-CSYT", *MOTTO, "Hà Nội, ngày 2 tháng 3 năm 2031",
                   "Kính gửi: - Bảo hiểm xã hội các tỉnh; - Bảo hiểm xã hội Bộ Quốc phòng. (Sau đây gọi chung là BHXH "
                   "các tỉnh) Bộ Tài chính có Công văn số 227/BTC-HCSN ngày 27/01/2031 về việc hướng dẫn quyết toán và "
                   "Công văn số 266/BTC-HCSN ngày 29/01/2031 về việc đính chính, BHXH Việt Nam đề nghị BHXH các tỉnh "
                   "thực hiện.")
    assert (refs["227/BTC-HCSN"].issuer, refs["266/BTC-HCSN"].issuer) == ("Bộ Tài chính", "Bộ Tài chính")


# --- the issuer named after the title, when the title reads on into the sentence ---------------------------------

def test_the_issuer_closing_a_title_that_runs_on_past_a_comma():
    refs = refs_of(*LETTER, "Thực hiện Công văn số 812/SNN-TL ngày 3/4/2031 về việc phòng chống hạn mặn của Sở Nông "
                   "nghiệp và Môi trường, các xã báo cáo kết quả trước ngày 20/4/2031.",
                   "Thực hiện Công văn số 19/BVHTTDL-KHTC ngày 3/4/2031 về việc lập dự toán của Bộ Văn hóa, Thể thao "
                   "và Du lịch, các phòng rà soát.")
    assert refs["812/SNN-TL"].issuer == "Sở Nông nghiệp và Môi trường"
    assert refs["19/BVHTTDL-KHTC"].issuer == "Bộ Văn hóa, Thể thao và Du lịch"
