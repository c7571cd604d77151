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


# --- "của Bộ", "của Sở": the writer's own body named by its head word after a number ------------------------

def test_a_bare_head_word_after_a_number_is_the_writers_own_body_when_the_code_fits():
    header = ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Số: 310/BNN-KH", *MOTTO, "Hà Nội, ngày 3 tháng 4 năm 2031",
              "V/v lập kế hoạch vốn")
    refs = refs_of(*header, "Kính gửi: Các Sở Nông nghiệp.",
                   "Các Sở lập biểu theo mẫu tại Công văn số 1207/BNN-KH ngày 12/5/2029 của Bộ về việc lập dự toán.")
    assert refs["1207/BNN-KH"].issuer == "Bộ Nông nghiệp và Phát triển nông thôn"
    header = ("UBND TỈNH AN GIANG", "SỞ Y TẾ", "Số: 55/SYT-NV", *MOTTO, "An Giang, ngày 3 tháng 4 năm 2031",
              "V/v báo cáo dịch bệnh")
    refs = refs_of(*header, "Kính gửi: Các bệnh viện.",
                   "Thực hiện Công văn số 40/SYT-NV ngày 2/2/2031 của Sở, các bệnh viện báo cáo số ca bệnh.")
    assert refs["40/SYT-NV"].issuer == "Sở Y tế"
    # a code that is not the writer's: the head word stays as written
    refs = refs_of(*header, "Kính gửi: Các bệnh viện.",
                   "Thực hiện Công văn số 41/BYT-KCB ngày 2/2/2031 của Bộ, các bệnh viện báo cáo số ca bệnh.")
    assert refs["41/BYT-KCB"].issuer != "Sở Y tế"


# --- a web copy without a header: the title, the council and its session run together in one paragraph -------

def test_a_session_run_onto_the_title_paragraph_is_no_part_of_the_issuer():
    for session in ("KHÓA XII KỲ HỌP THỨ 7", "KHÓA IX, KỲ HỌP THỨ HAI", "KHOÁ X - KỲ HỌP CHUYÊN ĐỀ"):
        h = header_of("NGHỊ QUYẾT",
                      f"VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2032 HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM {session}",
                      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                      "QUYẾT NGHỊ:", "Điều 1. Thông qua kế hoạch đầu tư công năm 2032.")
        assert h.issuer == "Hội đồng nhân dân tỉnh Hà Nam", (session, h.issuer)
        assert h.subject is not None and "KỲ HỌP" not in h.subject.upper(), h.subject


# --- a wrapped subject whose second line cites a number and its date: no place-date line -------------------

def test_a_subject_line_citing_a_number_with_its_date_goes_on_with_the_subject():
    for second in ("Thông tư số 12/2031/TT-BTC ngày 02/3/2031 của Bộ Tài chính về phí thẩm định",
                   "Kết luận số 75-KL/TW ngày 4 tháng 5 năm 2031 của Bộ Chính trị"):
        h = header_of("ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI", "Số: 210/UBND-TC", *MOTTO, "Yên Bái, ngày 9 tháng 6 năm 2031",
                      "V/v triển khai thực hiện", second, "Kính gửi: Các sở, ban, ngành.",
                      "Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện./.")
        assert h.subject == "V/v triển khai thực hiện " + second, h.subject
        assert (h.place, h.date) == ("Yên Bái", "2031-06-09")


# --- a letter's subject right under its number without "V/v": "Về …", or "về việc …" run onto the number -------

def test_a_subject_opening_with_ve_right_under_the_number_line():
    h = header_of("SỞ TÀI CHÍNH", "TỈNH TRÀ VINH", *MOTTO, "Số: 812/STC-NS", "Về hướng dẫn lập dự toán chi thường xuyên",
                  "Trà Vinh, ngày 2 tháng 10 năm 2031", "Kính gửi: Các sở, ban, ngành tỉnh.",
                  "Sở Tài chính hướng dẫn như sau:")
    assert (h.type, h.subject) == ("Công văn", "Về hướng dẫn lập dự toán chi thường xuyên")
    h = header_of("ĐẢNG BỘ TỈNH LONG AN", "ĐẢNG ỦY CÁC CƠ QUAN TỈNH", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Long An, ngày 5 tháng 3 năm 2031",
                  "Số 310-CV/ĐU về việc tổ chức sinh hoạt chính trị đầu năm",
                  "Kính gửi: Các chi bộ, đảng bộ cơ sở.", "Thực hiện chỉ đạo của Tỉnh ủy, Đảng ủy đề nghị:")
    assert (h.number, h.symbol) == ("310", "CV/ĐU")
    assert h.subject == "về việc tổ chức sinh hoạt chính trị đầu năm"
    # a "Về" line under a type line is that title's subject, as before
    h = header_of("ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH", "Số: 90/QĐ-UBND", *MOTTO, "Trà Vinh, ngày 2 tháng 10 năm 2031",
                  "QUYẾT ĐỊNH", "Về việc ban hành quy chế", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức;")
    assert (h.type, h.subject) == ("Quyết định", "Về việc ban hành quy chế")


# --- the place of a place-date wrapped onto two lines: "Thành phố Hồ Chí" ⏎ "Minh, ngày …" ---------------------

def test_a_place_date_line_wrapped_inside_the_place_name():
    for first, second, place in (("Thành phố Hồ Chí", "Minh, ngày 3 tháng 2 năm 2031", "Thành phố Hồ Chí Minh"),
                                 ("Bà Rịa -", "Vũng Tàu, ngày 3 tháng 2 năm 2031", "Bà Rịa - Vũng Tàu"),
                                 ("Thừa Thiên", "Huế, ngày 3 tháng 2 năm 2031", "Thừa Thiên Huế")):
        h = header_of("ỦY BAN NHÂN DÂN", "TỈNH AN PHÚ", *MOTTO, "Số: 77/UBND-VX", "V/v rà soát danh sách học sinh",
                      "khó khăn năm học 2031", first, second, "Kính gửi: Các phòng, ban.", "Đề nghị thực hiện./.")
        assert (h.place, h.date) == (place, "2031-02-03"), (first, h.place)
        assert h.subject == "V/v rà soát danh sách học sinh khó khăn năm học 2031", h.subject


# --- a letter copied without its header block: the body it is signed for, named in full in its own text -----

def test_a_letter_without_a_header_takes_the_body_it_is_signed_for_as_its_text_names_it():
    for named, sign, issuer in (
        ("Để bảo đảm tiến độ, Ủy ban nhân dân (UBND) tỉnh Hòa Bình yêu cầu các sở, ngành thực hiện:",
         ("TM. ỦY BAN", "NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Tâm"),
         "Ủy ban nhân dân tỉnh Hòa Bình"),
        ("Qua kiểm tra, Ban Thường vụ Huyện ủy Đoan Hùng đề nghị các chi bộ quan tâm:",
         ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đỗ Minh Khoa"), "Ban Thường vụ Huyện ủy Đoan Hùng"),
    ):
        h = header_of("Kính gửi: Các sở, ngành, địa phương.", named, "1. Rà soát hồ sơ tồn đọng.",
                      "2. Báo cáo kết quả trước ngày 30/6/2031./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", *sign)
        assert h.issuer == issuer, (named, h.issuer)
    # the body named in the text is not the one it is signed for: no issuer is made up
    for text in ("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh Kiên Giang, đề nghị các đơn vị rà soát hồ sơ.",
                 "Các đơn vị phối hợp với Ủy ban nhân dân huyện Châu Thành rà soát hồ sơ tồn đọng."):
        h = header_of("Kính gửi: Các sở, ngành.", text, "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                      "Lê Văn Tâm")
        assert h.issuer is None, (text, h.issuer)


# --- a law named by its abbreviation and in full is one law; "Bộ Luật" is a Bộ luật ----------------------------

def test_a_law_named_in_full_and_by_its_initials_is_one_law_named_as_the_text_names_it_first():
    got = unnumbered_of("Kính gửi: Các bệnh viện.",
                        "Các cơ sở thực hiện đúng Luật An toàn thực phẩm; tuyên truyền Luật ATTP đến người lao động.",
                        "Kiểm tra việc chấp hành Luật An toàn thực phẩm tại các bếp ăn.")
    assert got == ["Luật An toàn thực phẩm"], got
    got = unnumbered_of("Kính gửi: Các xã.", "Lập dự toán theo Luật ĐTC 2019 và các văn bản hướng dẫn.",
                        "Việc giải ngân bảo đảm đúng Luật đầu tư công.")
    assert len(got) == 1 and got[0] == "Luật ĐTC 2019", got  # the first named
    got = unnumbered_of("Kính gửi: Các sở.", "Thực hiện Pháp lệnh ưu đãi NCC với cách mạng,",
                        "chi trả trợ cấp theo Pháp lệnh ưu đãi người có công đúng hạn;",
                        "rà soát hồ sơ theo Pháp lệnh ưu đãi người có công với cách mạng.")
    assert len(got) == 1 and got[0] == "Pháp lệnh ưu đãi NCC", got  # the first named, though named less often
    # different laws whose initials only look alike stay apart
    got = unnumbered_of("Kính gửi: Các trường.", "Thực hiện Luật Giáo dục; Luật GDĐH trong toàn hệ thống.")
    assert sorted(got) == ["Luật GDĐH", "Luật Giáo dục"], got


def test_bo_luat_written_with_a_capital_l_is_the_code_and_one_with_its_year():
    got = unnumbered_of("Kính gửi: Các đơn vị.", "Phổ biến Điều 174 Bộ Luật Hình sự đến cán bộ;",
                        "quán triệt Điều 175 của Bộ luật hình sự năm 2015 và Bộ luật Hình sự.")
    assert len(got) == 1 and got[0].lower().startswith("bộ luật hình sự"), got


def test_a_name_written_with_a_comma_ends_before_the_next_cited_document():
    got = unnumbered_of("Kính gửi: Các cơ sở.", "Bảo đảm điều kiện theo quy định tại Luật Thi đua, khen thưởng, "
                        "Nghị định số 98/2031/NĐ-CP và các văn bản hướng dẫn.",
                        "Tuyên truyền Luật Thi đua, khen thưởng; Luật Viên chức đến người lao động.")
    assert sorted(got) == ["Luật Thi đua, khen thưởng", "Luật Viên chức"], got


# --- a signer's title naming a department with a dash, run onto one line with the distribution ---------------

def test_a_signers_title_with_a_dash_in_the_department_name_before_the_name():
    for title in ("VỤ TRƯỞNG VỤ TỔ CHỨC - CÁN BỘ", "CỤC TRƯỞNG CỤC QUẢN LÝ ĐẤT ĐAI – ĐO ĐẠC"):
        h = header_of("BỘ NỘI VỤ", "Số: 12/BNV-TCCB", *MOTTO, "Hà Nội, ngày 3 tháng 4 năm 2031", "V/v thi tuyển",
                      "Kính gửi: Các Sở Nội vụ.", "Đề nghị các Sở thực hiện./.",
                      f"Nơi nhận: - Như trên; - Lưu: VT, TCCB.\tTL. BỘ TRƯỞNG {title} Trịnh Văn Khải")
        assert h.signer is not None and h.signer.name == "Trịnh Văn Khải", (title, h.signer)


# --- "Ngày 14 tháng 9 năm 2031, <body> đã ban hành Công văn số …": the day in words dates that document --------

def test_a_day_written_in_words_opening_the_sentence_dates_the_document_its_subject_issued():
    for lead, iso in (("Ngày 14 tháng 9 năm 2031", "2031-09-14"), ("Ngày 03/02/2031", "2031-02-03")):
        for subj, rid in (("Chủ tịch Ủy ban nhân dân tỉnh", "3111/UBND-VX"), ("Sở Y tế", "3111/SYT-NV")):
            refs = refs_of("Kính gửi: Các đơn vị.", f"{lead}, {subj} đã ban hành Công văn số {rid} về việc cập nhật "
                           "dữ liệu cán bộ.")
            assert refs[rid].date == iso, (lead, subj, refs[rid].date)


def test_a_law_whose_name_goes_on_after_va_with_a_capitalised_word_up_to_its_date():
    got = unnumbered_of("Kính gửi: Các xã.", "Thực hiện nghiêm Luật Thủy sản và Nuôi trồng năm 2032 và các văn bản "
                        "hướng dẫn; Luật Điện lực và Năng lượng tái tạo ngày 4 tháng 5 năm 2032;",
                        "tuyên truyền Luật Thủy sản và nuôi trồng năm 2032 đến ngư dân.")
    assert sorted(got) == ["Luật Thủy sản và Nuôi trồng năm 2032", "Luật Điện lực và Năng lượng tái tạo"], got
    # "và" then another document, a body, or words with no date after them: the name ends at "và"
    got = unnumbered_of("Kính gửi: Các xã.", "Thực hiện Luật Đất đai và Nghị định hướng dẫn năm 2032;",
                        "phổ biến Luật Giáo dục và Khung trình độ quốc gia Việt Nam cho giáo viên.")
    assert sorted(got) == ["Luật Giáo dục", "Luật Đất đai"], got


# --- a title closed by its issuer, then the writer named by its head word alone ("…, Sở đề nghị:") -----------

def test_a_title_ends_before_a_clause_whose_subject_is_a_bare_head_word():
    for clause in ("Sở đề nghị các trường:", "Bộ yêu cầu các đơn vị:", "Ban hướng dẫn như sau"):
        refs = refs_of("Kính gửi: Các đơn vị.", "Thực hiện Thông tư số 05/2031/TT-BGDĐT ngày 2/2/2031 về việc tuyển "
                       f"sinh của Bộ Giáo dục và Đào tạo, {clause}", "1. Rà soát chỉ tiêu.")
        assert refs["05/2031/TT-BGDĐT"].issuer == "Bộ Giáo dục và Đào tạo", (clause, refs["05/2031/TT-BGDĐT"].issuer)


# --- "<body> đã xây dựng và trình … tại Tờ trình số …": the submission is the body's, whatever the draft cites ---

def test_a_submission_its_subject_presented_is_its_own_whatever_the_draft_names_between():
    refs = refs_of("Kính gửi: Các Sở.", "Bộ Tài nguyên và Môi trường đã xây dựng và trình Chính phủ dự thảo Nghị định "
                   "quy định chi tiết, hướng dẫn thi hành một số điều của Luật Đất đai tại Tờ trình số 55/TTr-BTNMT "
                   "ngày 2/3/2031.")
    assert refs["55/TTr-BTNMT"].issuer == "Bộ Tài nguyên và Môi trường"


# --- a header band read column by column: the subject's last line after the motto and the place-date ---------

def test_a_subject_goes_on_after_the_other_columns_motto_and_place_date():
    for tail, subject in (("“Quy chế chi tiêu nội bộ năm 2031”", "V/v góp ý dự thảo “Quy chế chi tiêu nội bộ năm 2031”"),
                          ("nội bộ năm 2031", "V/v góp ý dự thảo quy chế chi tiêu nội bộ năm 2031")):
        first = "V/v góp ý dự thảo" if tail.startswith("“") else "V/v góp ý dự thảo quy chế chi tiêu"
        h = header_of("CÔNG ĐOÀN GIÁO DỤC", "TỈNH AN GIANG", "Số: 12/CĐGD", first, *MOTTO, "______",
                      "An Giang, ngày 3 tháng 4 năm 2031", tail, "Kính gửi: Các công đoàn cơ sở.", "Đề nghị thực hiện./.")
        assert (h.subject, h.date) == (subject, "2031-04-03"), h.subject
    # a capitalised line after the place-date is the type or the body, not the subject's
    h = header_of("CÔNG ĐOÀN GIÁO DỤC", "TỈNH AN GIANG", "Số: 12/CĐGD", "V/v góp ý dự thảo quy chế", *MOTTO,
                  "An Giang, ngày 3 tháng 4 năm 2031", "Kính gửi: Các công đoàn cơ sở.", "Thực hiện chỉ đạo của tỉnh.")
    assert h.subject == "V/v góp ý dự thảo quy chế"
