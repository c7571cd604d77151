"""Header and references recall on unseen documents (issue 11, fourth session): shapes of the misses read on
the development split dev4, each tested with text written for this file (no text copied from a gold file or
a corpus document), in varied wording."""

from __future__ import annotations

from extractors.header import extract_header
from extractors.references import extract_references
from header_helpers import MOTTO, doc_of, header_of, refs_of

HEAD = ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "Số: 90/QĐ-UBND", *MOTTO, "Điện Biên, ngày 3 tháng 4 năm 2031",
        "QUYẾT ĐỊNH", "Về việc sửa đổi quy trình nội bộ")


# --- a list of numbers introduced by its issuer: "của X tại các văn bản: Số …, số …" ---------------------------

def test_the_issuer_before_a_colon_list_of_numbers_gives_each_of_them():
    for lead in ("Xét đề nghị của Giám đốc Sở Tư pháp tại các văn bản: Số 41/TTr-STP ngày 2/3/2031, "
                 "số 44/BC-STP ngày 9/3/2031;",
                 "Theo đề nghị của Giám đốc Sở Tư pháp tại các Tờ trình: số 41/TTr-STP ngày 2/3/2031 và "
                 "số 44/BC-STP ngày 9/3/2031;"):
        refs = refs_of(*HEAD, lead, "QUYẾT ĐỊNH:", "Điều 1. Sửa đổi quy trình.")
        assert refs["41/TTr-STP"].issuer == "Giám đốc Sở Tư pháp", lead
        assert refs["44/BC-STP"].issuer == "Giám đốc Sở Tư pháp", lead


def test_an_issuer_named_with_a_comma_before_a_colon_list_is_read_whole():
    refs = refs_of(*HEAD, "Theo đề nghị của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch tại các văn",
                   "bản: Số 14/TTr-BVHTTDL ngày 3/2/2031, số 15/BC-BVHTTDL ngày 4/2/2031;", "QUYẾT ĐỊNH:",
                   "Điều 1. Chuyển giao.")
    for rid in ("14/TTr-BVHTTDL", "15/BC-BVHTTDL"):
        assert refs[rid].issuer == "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", rid


def test_a_generic_list_head_leaves_each_number_the_type_its_code_says():
    refs = refs_of(*HEAD, "Xét đề nghị của Giám đốc Sở Tư pháp tại các văn bản: Số 41/TTr-STP ngày 2/3/2031, "
                          "số 44/BC-STP ngày 9/3/2031;", "QUYẾT ĐỊNH:", "Điều 1. Sửa đổi quy trình.")
    assert refs["41/TTr-STP"].type == "Tờ trình"
    assert refs["44/BC-STP"].type == "Báo cáo"
    refs = refs_of(*HEAD, "Xét đề nghị của Giám đốc Sở Tư pháp tại các văn bản số 41/TTr-STP ngày 2/3/2031, "
                          "số 57/STP-HCTP ngày 9/3/2031;", "QUYẾT ĐỊNH:", "Điều 1. Sửa đổi quy trình.")
    assert refs["57/STP-HCTP"].type == "Công văn"  # a letter's number: its code names its writer


def test_the_agent_of_a_passive_before_a_colon_list_is_the_issuer_not_an_owner_named_earlier():
    refs = refs_of(*HEAD, "Điều 1. Bãi bỏ các thủ tục thuộc thẩm quyền của Sở Xây dựng, UBND cấp huyện đã được "
                          "Chủ tịch UBND tỉnh công bố tại các Quyết định: Số 705/QĐ-UBND ngày 5/6/2029, "
                          "số 816/QĐ-UBND ngày 1/8/2030.")
    assert refs["705/QĐ-UBND"].issuer == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert refs["816/QĐ-UBND"].issuer == "Chủ tịch Ủy ban nhân dân tỉnh"


# --- an issuer's name ends where the sentence's predicate begins -----------------------------------------------

def test_an_issuer_after_a_two_word_place_level_stops_before_a_lower_case_predicate():
    refs = refs_of(*HEAD, "Điều 1. Tiếp tục triển khai Đề án theo Quyết định số 318/QĐ-UBND ngày 4/2/2029 của",
                   "UBND thị xã bảo đảm tiến độ, hiệu quả.",
                   "Điều 2. Thực hiện Kế hoạch số 27/KH-UBND ngày 5/5/2029 của UBND thành phố đảm bảo đúng hạn.")
    assert refs["318/QĐ-UBND"].issuer == "Ủy ban nhân dân thị xã"
    assert refs["27/KH-UBND"].issuer == "Ủy ban nhân dân thành phố"


def test_an_issuer_stops_before_an_aspect_or_modal_word_that_opens_the_predicate():
    for verb in ("còn phát sinh nhiều vướng mắc", "vẫn chưa được thực hiện", "cần được rà soát lại"):
        refs = refs_of(*HEAD, f"Điều 1. Việc báo cáo theo Công văn số 612/CT-NV ngày 7/9/2030 của Cục Thuế {verb}.")
        assert refs["612/CT-NV"].issuer == "Cục Thuế", verb


# --- a two-column header flattened into lines, as an OCR of a scanned letter gives it ----------------------------

def test_a_number_line_sharing_its_line_with_the_place_and_date_reads_despite_ocr_damage():
    cases = {  # number line as scanned → (number, symbol, place, date)
        "Số: 7Ẩ/CT-NVDT Đà Nẵng, ngày 12 tháng 5 năm 2031": (None, "CT-NVDT", "Đà Nẵng", "2031-05-12"),
        "số: 318 /CT -KTNB Đà Nẵng. ngày 12 tháng 5 năm 2031": ("318", "CT-KTNB", "Đà Nẵng", "2031-05-12"),
        "Số: 318/CT-KTNB Đà Nẵng, ngày 12 tháng 5 năm 2031": ("318", "CT-KTNB", "Đà Nẵng", "2031-05-12"),
    }
    for line, (num, sym, place, date) in cases.items():
        h = header_of("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỤC THUẾ TP ĐÀ NẴNG Độc lập - Tự do - Hạnh phúc",
                      line, "", "V/v rà soát hồ sơ hoàn thuế", "", "Kính gửi: Chi cục Thuế các quận.",
                      "Cục Thuế đề nghị các Chi cục rà soát hồ sơ.")
        assert (h.number, h.symbol, h.place, h.date) == (num, sym, place, date), line
        assert h.issuer.casefold().startswith("cục thuế"), line


# --- a printed date the OCR damaged, completed by the e-signature stamp of the same letter -------------------------

def _stamped(stamp: str, date_line: str):
    return header_of("Ký bởi: Cục Thuế tỉnh Yên Bái", f"Thời gian ký: {stamp}", "", "TỔNG CỤC THUẾ", *MOTTO,
                     "CỤC THUẾ TỈNH YÊN BÁI", "Số: 77/CTYBA-KK", date_line, "V/v kê khai thuế",
                     "Kính gửi: Các Chi cục Thuế khu vực.", "Cục Thuế đề nghị các Chi cục rà soát hồ sơ.")


def test_an_unreadable_field_of_the_printed_date_is_taken_from_the_signing_stamp():
    assert _stamped("06.02.2031 09:14", "Yên Bái, ngày Ö6 tháng 2 năm 2031").date == "2031-02-06"   # day unread
    assert _stamped("18.09.2030 16:40:02 +07:00", "Yên Bái, ngày 17 tháng 99 năm 2030").date == "2030-09-17"  # month


def test_the_stamp_never_overrides_a_readable_date_nor_fills_one_that_disagrees():
    assert _stamped("20.03.2031 09:14", "Yên Bái, ngày 5 tháng 3 năm 2031").date == "2031-03-05"  # printed wins
    assert _stamped("06.02.2031 09:14", "Yên Bái, ngày Ö6 tháng 5 năm 2031").date is None  # another month
    assert _stamped("06.02.2030 09:14", "Yên Bái, ngày 17 tháng 99 năm 2031").date is None  # another year
    assert _stamped("66.02.2031 09:14", "Yên Bái, ngày Ö6 tháng 2 năm 2031").date is None  # the stamp unread too


def test_a_lower_case_number_line_run_onto_the_motto_written_with_long_dashes_is_cut_off_it():
    h = header_of("BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "CỤC THUẾ TP ĐÀ NẴNG Độc lập — Tự do — Hạnh phúc số: 318 /CT -KTNB Đà Nẵng. ngày 12 tháng 5 năm 2031",
                  "V/v rà soát hồ sơ hoàn thuế", "Kính gửi: Chi cục Thuế các quận.",
                  "Cục Thuế đề nghị các Chi cục rà soát hồ sơ.")
    assert (h.number, h.symbol, h.place, h.date) == ("318", "CT-KTNB", "Đà Nẵng", "2031-05-12")
    assert h.issuer.casefold().startswith("cục thuế")


# --- a web copy's signature table flattened: a long "Nơi nhận: - …; - …" cell, a tab, the signature cell ----------

def test_a_long_distribution_cell_and_the_signature_cell_on_one_line_are_read_apart():
    items = ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
             "Ủy ban MTTQ tỉnh", "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã", "Cổng thông tin điện tử tỉnh",
             "Trung tâm Hành chính công tỉnh", "Báo Phú Yên, Đài PT-TH tỉnh", "Chánh, Phó CVP UBND tỉnh",
             "Sở Tư pháp (kiểm tra)", "Cục Kiểm tra văn bản QPPL - Bộ Tư pháp", "Trung tâm Công báo tỉnh",
             "Lưu: VT, KGVX"]
    line = "Nơi nhận: " + " ".join(f"- {x};" for x in items[:-1]) + f" - {items[-1]}.\tTM. ỦY BAN NHÂN DÂN TỈNH CHỦ TỊCH Lương Thị Hoa"
    assert len(line) > 400
    h = header_of("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "Số: 15/2031/QĐ-UBND", *MOTTO, "Phú Yên, ngày 3 tháng 4 năm 2031",
                  "QUYẾT ĐỊNH", "Về việc ban hành quy chế phối hợp", "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
                  "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.",
                  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", line, "QUY CHẾ", "Chương I", "QUY ĐỊNH CHUNG")
    assert h.signer is not None and h.signer.name == "Lương Thị Hoa"
    assert h.distribution == items


# --- a web copy's title, subject and enacting authority run together into one capitals paragraph -----------------

def test_the_enacting_authority_run_onto_the_title_is_cut_off_the_subject_and_names_the_issuer():
    h = header_of("NGHỊ QUYẾT", "VỀ KẾT QUẢ GIÁM SÁT VIỆC QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH BẮC KẠN GIAI ĐOẠN 2026 - 2030 "
                  "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN", "KHÓA XI, KỲ HỌP THỨ 7",
                  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;", "QUYẾT NGHỊ:",
                  "Điều 1. Tán thành báo cáo giám sát.")
    assert h.subject.casefold() == "về kết quả giám sát việc quản lý chợ trên địa bàn tỉnh bắc kạn giai đoạn 2026 - 2030"
    assert h.issuer == "Hội đồng nhân dân tỉnh Bắc Kạn"


def test_a_type_line_with_its_subject_and_the_authority_in_capitals_gives_the_subject():
    h = header_of("BỘ CÔNG THƯƠNG", "Số: 88/QĐ-BCT", *MOTTO, "Hà Nội, ngày 2 tháng 3 năm 2031",
                  "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ QUẢN LÝ ĐỀ TÀI KHOA HỌC CẤP BỘ BỘ TRƯỞNG BỘ CÔNG THƯƠNG",
                  "Căn cứ Nghị định số 40/2030/NĐ-CP ngày 4 tháng 2 năm 2030 của Chính phủ;", "QUYẾT ĐỊNH:",
                  "Điều 1. Ban hành Quy chế.")
    assert h.type == "Quyết định"
    assert h.subject.casefold() == "ban hành quy chế quản lý đề tài khoa học cấp bộ"


def test_a_subject_naming_a_council_is_not_cut_before_the_preamble_unless_the_name_ends_it():
    h = header_of("NGHỊ QUYẾT", "VỀ CHƯƠNG TRÌNH GIÁM SÁT CỦA HỘI ĐỒNG NHÂN DÂN TỈNH NĂM 2031",
                  "HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG", "KHÓA XVIII, KỲ HỌP THỨ 3",
                  "Căn cứ Luật Hoạt động giám sát ngày 20 tháng 11 năm 2030;", "QUYẾT NGHỊ:")
    assert h.subject.casefold() == "về chương trình giám sát của hội đồng nhân dân tỉnh năm 2031"
    assert h.issuer == "Hội đồng nhân dân tỉnh Cao Bằng"


# --- a letter's subject: "v/v" in lower case, and a narrow column wrapped over many short lines --------------------

def test_a_lower_case_vv_opens_the_subject_and_a_narrow_subject_column_is_read_to_its_end():
    h = header_of("SỞ Y TẾ TỈNH KON TUM", "Số: 52/SYT-NVY", *MOTTO, "Kon Tum, ngày 8 tháng 1 năm 2031",
                  "v/v tăng cường kiểm tra an toàn thực phẩm dịp Tết", "Kính gửi: Các bệnh viện tuyến huyện.",
                  "Sở Y tế đề nghị các đơn vị tăng cường kiểm tra.")
    assert (h.type, h.subject) == ("Công văn", "v/v tăng cường kiểm tra an toàn thực phẩm dịp Tết")
    h = header_of("SỞ Y TẾ TỈNH KON TUM", "Số: 52/SYT-NVY", *MOTTO, "Kon Tum, ngày 8 tháng 1 năm 2031",
                  "V/v tăng cường", "công tác kiểm tra", "an toàn thực phẩm", "tại các bếp ăn", "tập thể trong dịp",
                  "Tết Nguyên đán.", "Kính gửi: Các bệnh viện tuyến huyện.", "Sở Y tế đề nghị các đơn vị tăng cường kiểm tra.")
    assert h.subject == ("V/v tăng cường công tác kiểm tra an toàn thực phẩm tại các bếp ăn tập thể trong dịp "
                         "Tết Nguyên đán")
    h = header_of("SỞ Y TẾ TỈNH KON TUM", "Số: 52/SYT-NVY", *MOTTO, "Kon Tum, ngày 8 tháng 1 năm 2031",
                  "V/v báo cáo kết quả", "kiểm tra cơ sở", "hành nghề", "YDCT.", "Kính gửi: Các phòng y tế huyện.",
                  "Sở Y tế đề nghị các đơn vị báo cáo.")
    assert h.subject == "V/v báo cáo kết quả kiểm tra cơ sở hành nghề YDCT"


# --- a law cited by a name written in lower case ("Căn cứ Luật đất đai năm 2013;") ------------------------------

def test_a_law_named_in_lower_case_after_a_capitalised_type_is_an_unnumbered_reference():
    doc = doc_of(*HEAD, "Căn cứ Luật thủy lợi ngày 19 tháng 6 năm 2029;", "Căn cứ Luật phòng cháy, chữa cháy;",
                 "Điều 1. Thực hiện theo quy định của Pháp lệnh phí bảo vệ môi trường và Luật thủy lợi.")
    _, unn = extract_references(doc, extract_header(doc))
    names = {u.text for u in unn}
    assert {"Luật thủy lợi", "Luật phòng cháy, chữa cháy", "Pháp lệnh phí bảo vệ môi trường"} <= names


def test_an_amending_law_of_a_law_named_in_lower_case_is_one_reference():
    doc = doc_of(*HEAD, "Căn cứ Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh phí bảo vệ môi trường;",
                 "Điều 1. Công bố thủ tục.")
    _, unn = extract_references(doc, extract_header(doc))
    # the amending law; the law it amends is cited by no mention of its own (dev3/dev4/dev5 gold, 20 such titles)
    assert {u.text for u in unn} == {"Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh phí bảo vệ môi trường"}
    doc = doc_of(*HEAD, "Căn cứ Pháp lệnh phí bảo vệ môi trường ngày 2/4/2030; Pháp lệnh sửa đổi, bổ sung một số điều "
                        "của Pháp lệnh phí bảo vệ môi trường;", "Điều 1. Công bố thủ tục.")
    _, unn = extract_references(doc, extract_header(doc))
    assert {u.text for u in unn} == {"Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh phí bảo vệ môi trường",
                                     "Pháp lệnh phí bảo vệ môi trường"}  # cited on its own as well


def test_the_law_itself_a_lawyer_or_a_law_in_general_is_no_named_law():
    doc = doc_of(*HEAD, "Điều 1. Luật này có hiệu lực từ ngày ký. Theo Luật định, các văn bản trái với Luật hiện hành "
                        "bị bãi bỏ; Luật sư của đương sự được mời tham dự; quy định của Luật mới chưa áp dụng.")
    _, unn = extract_references(doc, extract_header(doc))
    assert [u.text for u in unn] == []


# --- a scanned signature block: "Noi nhận" without its mark, an item's dash read as "~", the title on its line ----

def test_an_ocr_damaged_distribution_block_still_gives_its_items_and_the_signer():
    h = header_of("BỘ XÂY DỰNG", "Số: 40/TB-BXD", *MOTTO, "Hà Nội, ngày 3 tháng 8 năm 2031", "THÔNG BÁO",
                  "Kết luận của Thứ trưởng tại cuộc họp", "Bộ Xây dựng thông báo để các đơn vị biết, thực hiện./.",
                  "Noi nhận: - BỘ TRƯỞNG", "~ Thứ trưởng (để b/c);", "- Các Cục, Vụ thuộc Bộ;", "- Lưu: VT, KHCN.",
                  "Đoàn Minh Khôi")
    assert h.distribution == ["Thứ trưởng (để b/c)", "Các Cục, Vụ thuộc Bộ", "Lưu: VT, KHCN"]
    assert h.signer is not None and h.signer.name == "Đoàn Minh Khôi" and h.signer.title == "Bộ trưởng"


# --- a text copied from a PDF whose layer cut syllables at precomposed letters ----------------------------------

def test_syllables_cut_at_precomposed_letters_are_joined_in_a_text_file(tmp_path):
    import parsers

    p = tmp_path / "qd.txt"
    p.write_text("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Số: 77/QĐ-UBND\tNgh ệ An, ngày 5 tháng 9 năm 2031\n\nQUYẾT ĐỊNH\nVề việc phê duyệt k ế t qu ả\n\n"
                 "Điều 1. Phê duyệt k ế t qu ả tuyển chọn; giao Sở Lao động - Thương binh và X ã hội thực hiện.\n\n"
                 "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\tCHỦ TỊCH\n\nL ư ơng Văn Tr ị nh\n", encoding="utf-8")
    doc = parsers.parse(p)
    text = "\n".join(u.text for u in doc.text_units())
    assert "kết quả tuyển chọn" in text and "Xã hội" in text
    h = extract_header(doc)
    assert (h.place, h.date) == ("Nghệ An", "2031-09-05")


def test_words_that_are_syllables_on_their_own_or_a_consonant_of_the_next_word_stay_apart():
    from parsers.text_parser import join_split_syllables

    for t in ("Ô tô ở đó, A ơi, mục a) và b).", "Số c ontainer lưu bãi", "Có ý kiến của Tổ chức Y tế"):
        assert join_split_syllables(t) == t, t


# --- a cited date the OCR or a table run together, or a year mistyped --------------------------------------------

def test_a_month_run_onto_its_year_is_read_and_a_mistyped_date_does_not_hide_the_issuer():
    refs = refs_of(*HEAD, "Căn cứ Nghị định số 71/2029/NĐ-CP ngày 30 tháng 112029 của Chính phủ về thủ tục;",
                   "Căn cứ Nghị định số 45/2027/NĐ-CP ngày 12/3/20207 của Chính phủ về kiểm soát;",
                   "QUYẾT ĐỊNH:", "Điều 1. Công bố thủ tục.")
    assert (refs["71/2029/NĐ-CP"].date, refs["71/2029/NĐ-CP"].issuer) == ("2029-11-30", "Chính phủ")
    assert (refs["45/2027/NĐ-CP"].date, refs["45/2027/NĐ-CP"].issuer) == (None, "Chính phủ")


def test_a_signature_block_run_onto_one_line_with_its_signed_mark_gives_the_signer():
    for tail in ("Nơi nhận: - Như Điều 3; - Lưu: VT. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Đã ký) Hồ Thị Lan",
                 "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (đã ký) Hồ Thị Lan"):
        h = header_of("SỞ NỘI VỤ TỈNH AN GIANG", "Số: 9/QĐ-SNV", *MOTTO, "An Giang, ngày 4 tháng 5 năm 2031",
                      "QUYẾT ĐỊNH", "Về việc cử công chức dự tập huấn", "GIÁM ĐỐC SỞ NỘI VỤ",
                      "Căn cứ Quyết định số 3/QĐ-UBND ngày 1 tháng 2 năm 2030 của Ủy ban nhân dân tỉnh;", "QUYẾT ĐỊNH:",
                      "Điều 1. Cử công chức dự tập huấn.", tail)
        assert h.signer is not None and h.signer.name == "Hồ Thị Lan", tail


def test_a_place_and_date_line_whose_words_the_ocr_misread_is_still_read():
    for line in ("Long An, ngảy 5 thảng 3 năm 2031", "Long An, ngay 05 thang 03 nẵm 2031", "LONG AN, NGÀY 5 THẢNG 3 NĂM 2031"):
        h = header_of("ỦY BAN NHÂN DÂN TỈNH LONG AN", "Sô: 1203/UBND-KT", *MOTTO, line, "V/v triển khai kế hoạch",
                      "Kính gửi: Các sở, ngành.", "Ủy ban nhân dân tỉnh đề nghị các sở thực hiện.")
        assert (h.place.casefold(), h.date) == ("long an", "2031-03-05"), line


def test_a_distribution_list_beside_the_signature_column_keeps_its_items():
    head = ("SỞ NỘI VỤ TỈNH AN GIANG", "Số: 91/SNV-TCBC", *MOTTO, "An Giang, ngày 4 tháng 5 năm 2031", "V/v báo cáo biên chế",
            "Kính gửi: Các sở, ngành tỉnh.", "Sở Nội vụ đề nghị các đơn vị báo cáo./.")
    for block in (("Nơi nhận:\tKT. GIÁM ĐỐC", "- Như trên;\tPHÓ GIÁM ĐỐC", "- UBND tỉnh (b/c);", "- Lưu: VT, TCBC.", "Hồ Thị Lan"),
                  ("Nơi nhận: KT. GIÁM ĐỐC", "- Như trên; PHÓ GIÁM ĐỐC", "- UBND tỉnh (b/c);", "- Lưu: VT, TCBC.", "Hồ Thị Lan")):
        h = header_of(*head, *block)
        assert h.distribution == ["Như trên", "UBND tỉnh (b/c)", "Lưu: VT, TCBC"], block
        assert h.signer is not None and h.signer.name == "Hồ Thị Lan"


def test_an_issuer_with_its_field_named_stops_before_a_predicate_verb_but_a_head_keeps_its_own_field():
    for verb in ("báo cáo kết quả thực hiện", "đề nghị bổ sung kinh phí", "chỉ đạo các đơn vị", "nêu rõ yêu cầu"):
        refs = refs_of(*HEAD, f"Điều 1. Theo Công văn số 318/SYT-NVY ngày 7/9/2030 của Sở Y tế {verb}.")
        assert refs["318/SYT-NVY"].issuer == "Sở Y tế", verb
    refs = refs_of(*HEAD, "Điều 1. Theo Kế hoạch số 4/KH-BTC ngày 7/9/2030 của Ban tổ chức hội thi cấp tỉnh.")
    assert refs["4/KH-BTC"].issuer == "Ban tổ chức hội thi cấp tỉnh"


def test_the_other_columns_title_read_onto_a_scanned_item_is_dropped_with_or_without_its_marks():
    h = header_of("SỞ NỘI VỤ TỈNH AN GIANG", "Số: 91/SNV-TCBC", *MOTTO, "An Giang, ngày 4 tháng 5 năm 2031", "V/v báo cáo biên chế",
                  "Kính gửi: Các sở, ngành tỉnh.", "Sở Nội vụ đề nghị các đơn vị báo cáo./.", "Nơi nhận: KT. GIAM ĐOC",
                  "- Như trên: . PHO GIAM ĐOC", "- UBND tỉnh (b/c); — PHÓ CHỦ TỊCH", "- Lưu: VT, TCBC.", "Hồ Thị Lan")
    assert h.distribution == ["Như trên", "UBND tỉnh (b/c)", "Lưu: VT, TCBC"]


def test_addressees_run_onto_the_kinh_gui_line_are_read_apart():
    for line in ("Kính gửi: - Sở Y tế các tỉnh, thành phố; - Các bệnh viện trực thuộc Bộ.",
                 "Kính gửi:\t- Sở Y tế các tỉnh, thành phố; - Các bệnh viện trực thuộc Bộ.",
                 "Kính gửi: Sở Y tế các tỉnh, thành phố; - Các bệnh viện trực thuộc Bộ."):
        h = header_of("BỘ Y TẾ", "Số: 512/BYT-KCB", *MOTTO, "Hà Nội, ngày 4 tháng 5 năm 2031", "V/v tăng cường phòng dịch",
                      line, "Bộ Y tế đề nghị các đơn vị thực hiện.")
        assert h.recipients == ["Sở Y tế các tỉnh, thành phố", "Các bệnh viện trực thuộc Bộ"], line
    h = header_of("BỘ Y TẾ", "Số: 512/BYT-KCB", *MOTTO, "Hà Nội, ngày 4 tháng 5 năm 2031", "V/v tăng cường phòng dịch",
                  "Kính gửi:", "- Sở Y tế các tỉnh, thành phố; - Các bệnh viện trực thuộc Bộ.", "Bộ Y tế đề nghị thực hiện.")
    assert h.recipients == ["Sở Y tế các tỉnh, thành phố", "Các bệnh viện trực thuộc Bộ"]
    h = header_of("BỘ Y TẾ", "Số: 512/BYT-KCB", *MOTTO, "Hà Nội, ngày 4 tháng 5 năm 2031", "V/v tăng cường phòng dịch",
                  "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.", "Bộ Y tế đề nghị thực hiện.")
    assert h.recipients == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_kinh_gui_misread_by_an_ocr_still_opens_the_addressees_but_a_forms_field_does_not():
    h = header_of("BỘ Y TẾ", "Số: 512/BYT-KCB", *MOTTO, "Hà Nội, ngày 4 tháng 5 năm 2031", "V/v tăng cường phòng dịch",
                  "Kinb gửi: Sở Y tế các tỉnh, thành phố.", "Bộ Y tế đề nghị các đơn vị thực hiện.")
    assert h.recipients == ["Sở Y tế các tỉnh, thành phố"]
    h = header_of("TRƯỜNG ĐẠI HỌC VINH", "Số: 51/ĐHV-ĐT", *MOTTO, "Vinh, ngày 4 tháng 5 năm 2031", "V/v nộp hồ sơ",
                  "Người gửi: Phòng Đào tạo.", "Nhà trường thông báo sinh viên nộp hồ sơ.")
    assert h.recipients == []


def test_a_number_in_a_typed_list_whose_code_names_another_kind_keeps_its_own_kind():
    refs = refs_of(*HEAD, "Xét đề nghị của Bộ Công Thương tại các Tờ trình số 21/TTr-BCT ngày 3/3/2031, "
                          "số 22/TTr-BCT ngày 4/3/2031 và số 35/BC-BCT ngày 5/3/2031;", "QUYẾT ĐỊNH:", "Điều 1. Thông qua.")
    assert (refs["21/TTr-BCT"].type, refs["22/TTr-BCT"].type, refs["35/BC-BCT"].type) == ("Tờ trình", "Tờ trình", "Báo cáo")
    refs = refs_of(*HEAD, "Căn cứ các Quyết định của Ủy ban nhân dân tỉnh: số 5/UBND-KT ngày 3/3/2031, số 6/QĐ-UBND "
                          "ngày 4/3/2031;", "QUYẾT ĐỊNH:", "Điều 1. Thông qua.")
    assert refs["5/UBND-KT"].type == "Quyết định"  # a code that names no kind leaves the list's


def test_a_body_that_drafted_and_submitted_a_paper_is_its_issuer():
    refs = refs_of(*HEAD, "Điều 1. Sở Nội vụ đã xây dựng và trình Ủy ban nhân dân tỉnh dự thảo Quy chế tại Tờ trình "
                          "số 64/TTr-SNV ngày 2/6/2031.")
    assert refs["64/TTr-SNV"].issuer == "Sở Nội vụ"
