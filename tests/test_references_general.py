"""References on documents nobody here has read (issue 11): one invented
sentence per shape of miss — issuers written anywhere but right after the
number, issuer names with a hyphen or a meeting's number, the document's own
number outside a clean header, short and malformed ids.  Every text here was
written for this file, not copied from a gold file or a corpus document."""

from __future__ import annotations

from extractors.citation_find import find_citations
from extractors.references import extract_references
from core.model import Document, DocumentHeader, Loc, Paragraph, SourceInfo


def doc_of(*paras: str) -> Document:
    return Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(p) for p in paras]).reindex()


def refs_of(*paras: str, header: DocumentHeader | None = None):
    refs, _ = extract_references(doc_of(*paras), header or DocumentHeader())
    return {r.id: r for r in refs}


# ---------------------------------------------------------------- 1. issuers not right after the number


def test_issuer_before_the_number_in_a_preamble():
    refs = refs_of("Xét đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 217/TTr-SNNMT "
                   "ngày 09/10/2025.")
    assert refs["217/TTr-SNNMT"].issuer == "Giám đốc Sở Nông nghiệp và Môi trường"


def test_issuer_of_a_passive_agent_carries_along_the_enumeration():
    refs = refs_of("Các phòng tiếp tục làm các việc đã được UBND huyện, Chủ tịch UBND huyện giao tại Chỉ thị số "
                   "04/CT-UBND ngày 11/02/2025 về việc chấn chỉnh lề lối làm việc, Công văn số 512/UBND-NV ngày "
                   "03/3/2025; số 640/UBND-NV ngày 20/3/2025 và số 701/UBND-NV ngày 02/4/2025.")
    for ident in ("04/CT-UBND", "512/UBND-NV", "640/UBND-NV", "701/UBND-NV"):
        assert refs[ident].issuer == "Ủy ban nhân dân huyện", ident
    assert refs["640/UBND-NV"].date == "2025-03-20"


def test_issuer_of_a_list_introduction_in_its_own_paragraph():
    refs = refs_of(
        "Trong quý III, Ủy ban nhân dân xã Phú Mỹ đã ban hành:",
        "- Quyết định số 88/QĐ-UBND ngày 04/7/2025 về kiện toàn Tổ giúp việc;",
        "- Kế hoạch số 91/KH-UBND ngày 15/7/2025 về kiểm tra nội vụ.",
        "Sở Tài chính có ý kiến tại Công văn số 1204/STC-NS ngày 2/8/2025.",
    )
    assert refs["88/QĐ-UBND"].issuer == "Ủy ban nhân dân xã Phú Mỹ"
    assert refs["91/KH-UBND"].issuer == "Ủy ban nhân dân xã Phú Mỹ"
    assert refs["1204/STC-NS"].issuer != "Ủy ban nhân dân xã Phú Mỹ"


def test_issuer_between_the_type_and_the_number():
    refs = refs_of("Thực hiện Kế hoạch của UBND huyện Kỳ Anh số 208/KH-UBND ngày 6/5/2024 về chuyển đổi số.",
                   "Triển khai Kế hoạch của Sở Y tế và văn bản số 15/SYT-NV ngày 2/2/2024.")
    assert refs["208/KH-UBND"].issuer == "Ủy ban nhân dân huyện Kỳ Anh"
    assert refs["208/KH-UBND"].mentions[0].text.startswith("Kế hoạch của UBND")
    assert refs["15/SYT-NV"].issuer is None  # two things named before the number, not its issuer


def test_issuer_named_before_so_colon_of_a_list():
    refs = refs_of("Thực hiện các Quyết định của Thủ tướng Chính phủ số: 1702/QĐ-TTg; 1703/QĐ-TTg và 1710/QĐ-TTg, "
                   "Sở Xây dựng hướng dẫn như sau:")
    assert [refs[i].issuer for i in ("1702/QĐ-TTg", "1703/QĐ-TTg", "1710/QĐ-TTg")] == ["Thủ tướng Chính phủ"] * 3


def test_issuer_shared_by_a_coordinated_pair_of_dated_numbers():
    refs = refs_of("Căn cứ Nghị định số 46/2023/NĐ-CP ngày 01/7/2023 và số 47/2023/NĐ-CP ngày 04/7/2023 của "
                   "Chính phủ về tiền lương;")
    assert (refs["46/2023/NĐ-CP"].date, refs["46/2023/NĐ-CP"].issuer) == ("2023-07-01", "Chính phủ")
    assert (refs["47/2023/NĐ-CP"].date, refs["47/2023/NĐ-CP"].issuer) == ("2023-07-04", "Chính phủ")


def test_issuer_after_the_title():
    refs = refs_of("Căn cứ Thông tư số 31/2021/TT-BGDĐT ngày 10/11/2021 về việc ban hành quy chế tuyển sinh "
                   "trung học cơ sở của Bộ trưởng Bộ Giáo dục và Đào tạo;",
                   "Căn cứ Quyết định số 12/QĐ-UBND ngày 3/1/2024 về việc phê duyệt đề án của Sở Y tế;")
    assert refs["31/2021/TT-BGDĐT"].issuer == "Bộ trưởng Bộ Giáo dục và Đào tạo"
    assert refs["12/QĐ-UBND"].issuer is None  # the body after the title is not the one the symbol names


def test_date_of_the_act_written_before_the_number():
    refs = refs_of("Hưởng ứng Ngày Pháp luật, ngày 02/11/2023, cơ quan thường trực đã có văn bản số "
                   "812/STP-PBGDPL gửi các đơn vị để phối hợp tuyên truyền.")
    assert refs["812/STP-PBGDPL"].date == "2023-11-02"


# ---------------------------------------------------------------- 2. issuer names cut short


def test_issuer_name_with_a_hyphen_and_a_meeting_number():
    refs = refs_of(
        "Thực hiện Công văn số 2150/LĐTBXH-BTXH ngày 12/6/2024 của Bộ Lao động - Thương binh và Xã hội về trợ cấp;",
        "Quán triệt Kết luận số 41-KL/TW ngày 02/11/2023 của Hội nghị Trung ương 8, khóa XIII;",
        "Thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương (Hội nghị lần thứ 5) "
        "về nông nghiệp;",
        "Căn cứ Công văn số 77/UBQGCĐS-VP ngày 5/5/2023 của Ủy ban Quốc gia về chuyển đổi số ban hành kế hoạch.",
    )
    assert refs["2150/LĐTBXH-BTXH"].issuer == "Bộ Lao động - Thương binh và Xã hội"
    assert refs["41-KL/TW"].issuer == "Hội nghị Trung ương 8"
    assert refs["19-NQ/TW"].issuer == "Ban Chấp hành Trung ương (Hội nghị lần thứ 5)"
    assert refs["77/UBQGCĐS-VP"].issuer == "Ủy ban Quốc gia về chuyển đổi số"
    refs = refs_of("Thực hiện Kế hoạch số 31/KH-BCĐ ngày 2/4/2024 của Ban Chỉ đạo phòng, chống tội phạm huyện.")
    assert refs["31/KH-BCĐ"].issuer == "Ban Chỉ đạo phòng, chống tội phạm huyện"


def test_hyphen_opening_a_list_item_or_a_heading_ends_the_name():
    refs = refs_of("Thực hiện Kế hoạch số 63/KH-UBND ngày 4/4/2025 của UBND tỉnh",
                   "- Kế hoạch số 70/KH-SYT ngày 9/4/2025 của Sở Y tế;",
                   "3. Về phối hợp triển khai Công văn số 318/CĐS-KT ngày 7/7/2025 của Cục Kinh tế số",
                   "Rà soát lại danh mục dịch vụ công.")
    assert refs["63/KH-UBND"].issuer == "Ủy ban nhân dân tỉnh"
    assert refs["318/CĐS-KT"].issuer == "Cục Kinh tế số"


# ---------------------------------------------------------------- 3. the document's own number


def test_own_number_misread_on_the_header_line_is_no_reference():
    d = doc_of("ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG SƠN", "Sô:¡57 /TB-UBND", "THÔNG BÁO",
               "Thực hiện Kế hoạch số 22/KH-UBND ngày 3/3/2025 của UBND tỉnh.")
    header = DocumentHeader(symbol="TB-UBND")
    header.locs["number"] = Loc(block=2)
    refs, _ = extract_references(d, header)
    assert [r.id for r in refs] == ["22/KH-UBND"]


def test_own_number_unread_on_a_scan_is_taken_from_its_citation_and_is_no_reference():
    from extractors.header import extract_header

    paras = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM", "{number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Hà Nam, ngày {day} tháng 10 năm 2024", "V/v rà soát thủ tục hành chính",
             "Kính gửi: Các sở, ban, ngành", "UBND tỉnh gửi kèm kế hoạch rà soát thủ tục hành chính.",
             "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KẾ HOẠCH", "Rà soát thủ tục hành chính",
             "Căn cứ Văn bản số 415/UBND-KSTT ngày 09/10/2024 của UBND tỉnh về rà soát thủ tục;",
             "Căn cứ Kế hoạch số 12/KH-UBND ngày 2/1/2024 của UBND tỉnh."]
    # the number and the day handwritten, the OCR read neither; the enclosed plan cites the letter
    d = doc_of(*[t.format(number="Số:¡~ /UBND-KSTT", day="ẵ") for t in paras])
    h = extract_header(d)
    assert (h.number, h.date, h.id) == ("415", "2024-10-09", "415/UBND-KSTT")
    refs, _ = extract_references(d, h)
    assert [r.id for r in refs] == ["12/KH-UBND"]
    # a draft leaves the number blank: the letter it cites stays a reference; so does a letter of the same
    # series and month named in the subject of one whose number the OCR could not read
    d2 = doc_of(*[t.format(number="Số:¡~ /UBND-KSTT", day="ẵ").replace(
        "V/v rà soát thủ tục hành chính", "V/v thu hồi Văn bản số 415/UBND-KSTT") for t in paras])
    h2 = extract_header(d2)
    assert h2.number is None and "415/UBND-KSTT" in {r.id for r in extract_references(d2, h2)[0]}
    d = doc_of(*[t.format(number="Số:      /UBND-KSTT", day="   ") for t in paras])
    h = extract_header(d)
    assert h.number is None and h.date_partial == "2024-10"
    assert "415/UBND-KSTT" in {r.id for r in extract_references(d, h)[0]}


def test_own_number_in_a_news_introduction_is_no_reference():
    from extractors.header import extract_header

    d = doc_of("Ngày 14/3/2025, UBND tỉnh ban hành Công văn số 1187/UBND-KGVX về phòng chống dịch sởi. "
               "Nội dung như sau:",
               "ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Số:      /UBND-KGVX", "V/v phòng chống dịch sởi",
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Gia Lai, ngày 14 tháng 3 năm 2025",
               "Thực hiện Công điện số 22/CĐ-BYT ngày 10/3/2025 của Bộ Y tế, Ủy ban nhân dân tỉnh yêu cầu …")
    h = extract_header(d)
    assert h.id == "1187/UBND-KGVX"
    assert [r.id for r in extract_references(d, h)[0]] == ["22/CĐ-BYT"]
    # the same with the source line under the page instead of the introduction
    d = doc_of(*[b.text for b in d.blocks[1:]], "Nguồn: Công văn số 1187/UBND-KGVX ngày 14/3/2025 của UBND tỉnh.")
    h = extract_header(d)
    assert h.id == "1187/UBND-KGVX" and [r.id for r in extract_references(d, h)[0]] == ["22/CĐ-BYT"]


# ---------------------------------------------------------------- 4. ids


def test_short_and_full_forms_of_one_document_merge():
    refs = refs_of("Căn cứ Nghị định số 59/2019/NĐ-CP ngày 01/7/2019 của Chính phủ;",
                   "Theo Nghị định 59/NĐ-CP, hồ sơ được lập thành hai bộ.",
                   "Thực hiện Nghị quyết số 09-NQ/HU ngày 20/5/2021 của Huyện ủy; Nghị quyết 09/HU đặt mục tiêu mới.")
    assert "59/NĐ-CP" not in refs and len(refs["59/2019/NĐ-CP"].mentions) == 2
    assert "09/HU" not in refs and len(refs["09-NQ/HU"].mentions) == 2


def test_short_form_stays_apart_when_two_full_forms_could_be_meant():
    refs = refs_of("Căn cứ Nghị định số 15/2018/NĐ-CP và Nghị định số 15/2020/NĐ-CP;", "Theo Nghị định 15/NĐ-CP.")
    assert {"15/2018/NĐ-CP", "15/2020/NĐ-CP", "15/NĐ-CP"} <= set(refs)


def test_malformed_ids():
    assert [f.id for f in find_citations("theo Nghị quyết số 45b/NQCP ngày 2/5/2013")] == ["45b/NQ-CP"]
    assert [f.id for f in find_citations("theo NQ số 21-2017/NQ-CP ngày 7/3/2017")] == ["21-2017/NQ-CP"]  # as written
    assert [f.id for f in find_citations("Thông tư liên tịch số 41/2016/TTLT/BNV-BTC ngày 3/3/2016")] == [
        "41/2016/TTLT/BNV-BTC"]
    assert [f.id for f in find_citations("Quyết định số 3/2022/QĐ-VP (phòng TC-HC)")] == ["3/2022/QĐ-VP"]
    # an OCR's slash lost after the number (the type named before agrees), a stray letter in the body code
    assert [f.id for f in find_citations("theo Nghị quyết $ô 36NQ-TW ngày 1/7/2014")] == ["36/NQ-TW"]
    assert find_citations("khoản 2QĐ-UBND") == []
    assert [f.id for f in find_citations("Chỉ thị số 05-CT/TƒW ngày")] == ["05-CT/TW"]
    # an OCR's Latin eth and doubled letter in the type code; words of the issuer glued
    refs = refs_of("ban hành kèm theo Quyết định số 4120/QĐÐ-BNV ngày 3/6/2019 của Bộ trưởng BộNội vụ.")
    assert (list(refs), refs["4120/QĐ-BNV"].issuer) == (["4120/QĐ-BNV"], "Bộ trưởng Bộ Nội vụ")


def test_symbol_does_not_run_into_the_next_word():
    assert [f.id for f in find_citations("Quyết định số 05/2025/QĐ-UBND - Xã Hòa Bình tổ chức thực hiện")] == [
        "05/2025/QĐ-UBND"]
    assert [f.id for f in find_citations("Kế hoạch số 12/KH- SYT ngày 2/2")] == ["12/KH-SYT"]
    # the next word glued on by a conversion: "…/QĐ-TTgngày", "…/TUngày"
    assert [f.id for f in find_citations("Quyết định số 91/2019/QĐ-TTgngày 4/3/2019")] == ["91/2019/QĐ-TTg"]
    assert [f.id for f in find_citations("Chương trình số 21-CTr/HUngày 9/9/2020")] == ["21-CTr/HU"]
    assert [f.id for f in find_citations("Quy định số 11-QĐi/TW ngày 1/2")] == ["11-QĐi/TW"]
    assert [f.id for f in find_citations("Kế hoạch liên tịch số 8-KHLT/BDVTU - BCSĐ ngày 1/1")] == [
        "8-KHLT/BDVTU-BCSĐ"]


# ---------------------------------------------------------------- more shapes of issuer and type


def test_issuer_before_the_number_spelled_by_the_code_with_two_letter_words():
    refs = refs_of("Xét đề nghị của Chánh Thanh tra huyện tại Tờ trình số 31/TTr-TTr ngày 2/5/2024.")
    assert refs["31/TTr-TTr"].issuer == "Chánh Thanh tra huyện"


def test_issuer_and_date_of_a_list_named_before_so_carry_over_the_numbers():
    refs = refs_of("Căn cứ các Nghị quyết của HĐND huyện số 40/NQ-HĐND, 41/NQ-HĐND ngày 19/12/2024 về dự toán.")
    for ident in ("40/NQ-HĐND", "41/NQ-HĐND"):
        assert (refs[ident].issuer, refs[ident].date) == ("Hội đồng nhân dân huyện", "2024-12-19"), ident


def test_an_abbreviated_type_after_va_ends_the_issuer():
    refs = refs_of("Thực hiện Nghị quyết số 02/NQ-CP ngày 10/1/2024 của Chính phủ và NQ số 17/NQ-CP ngày 7/3/2023.")
    assert refs["02/NQ-CP"].issuer == "Chính phủ"


def test_a_law_named_before_its_number_gives_the_type():
    refs = refs_of("Căn cứ Luật Phòng, chống tham nhũng số 36/2018/QH14 ngày 20/11/2018; Luật số 47/2019/QH14.")
    assert refs["36/2018/QH14"].type == "Luật"
    assert refs["47/2019/QH14"].type == "Luật"


def test_a_party_committee_named_by_another_of_its_names_fits_its_code():
    refs = refs_of("Ngày 12/4/2022, Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết số 09-NQ/TU về phát triển du lịch.",
                   "Triển khai Nghị quyết 09-NQ/TU ngày 12/4/2022 của Tỉnh ủy, các sở xây dựng kế hoạch.",
                   "- Nghị quyết số 09-NQ/TU ngày 12/4/2022 của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch;")
    assert refs["09-NQ/TU"].issuer == "Ban Chấp hành Đảng bộ tỉnh"  # the name the text uses most


def test_numbered_unit_codes_keep_their_digits():
    ids = [f.id for f in find_citations("Quyết định số 15/QĐ-BCĐ389 ngày 2/3/2024; Công văn số 210/CAT-PV01; "
                                        "Công văn số 4102/BCA-C04; Công văn số 77/PC06-Đ3; Quyết định 12/QĐ-TU1 ngày")]
    assert ids == ["15/QĐ-BCĐ389", "210/CAT-PV01", "4102/BCA-C04", "77/PC06-Đ3", "12/QĐ-TU"]  # the last: a mark


def test_a_form_number_or_a_project_nickname_is_no_reference():
    refs = refs_of("Các đơn vị báo cáo theo Mẫu số 02/BC-TK ban hành kèm theo Thông tư số 11/2024/TT-BKHĐT.",
                   "Đẩy mạnh triển khai Đề án 06/CP về phát triển dữ liệu dân cư; Nghị định số 64/CP ngày 27/9/1993.")
    assert set(refs) == {"11/2024/TT-BKHĐT", "64/CP"}


def test_so_glued_to_the_number():
    refs = refs_of("Thực hiện Quyết định số12/QĐ-UBND ngày 2/3/2024 của UBND tỉnh.")
    assert refs["12/QĐ-UBND"].type == "Quyết định" and refs["12/QĐ-UBND"].date == "2024-03-02"


def test_citations_in_a_paragraph_that_also_holds_the_header_are_kept():
    # a web page's copy ran the header and the preamble into one paragraph
    doc = doc_of("UBND TỈNH AN GIANG SỞ Y TẾ Số: 45/KH-SYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
                 "phúc An Giang, ngày 5 tháng 3 năm 2024 KẾ HOẠCH Tiêm chủng mở rộng Căn cứ Quyết định số 12/QĐ-BYT "
                 "ngày 2/1/2024 của Bộ Y tế; Sở Y tế xây dựng kế hoạch như sau.")
    from extractors.header import extract_header
    h = extract_header(doc)
    refs, _ = extract_references(doc, h)
    assert h.id == "45/KH-SYT" and [r.id for r in refs] == ["12/QĐ-BYT"]


def test_a_plural_list_of_one_type_shares_its_first_issuer():
    refs = refs_of("Sở đã tham mưu ban hành các Quyết định số 210/QĐ-UBND ngày 4/2/2025 của Ủy ban nhân dân huyện về "
                   "kiện toàn Ban Chỉ đạo theo Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị; Quyết định số "
                   "233/QĐ-UBND ngày 9/2/2025 về quy chế hoạt động.",
                   "Ngoài ra, Quyết định số 301/QĐ-UBND ngày 3/3/2025 quy định tiêu chí thi đua.")
    assert refs["233/QĐ-UBND"].issuer == "Ủy ban nhân dân huyện"
    assert refs["301/QĐ-UBND"].issuer is None  # another sentence, no list


def test_an_issuer_misspelt_by_an_ocr_takes_the_name_its_code_stands_for():
    refs = refs_of("Thực hiện Quyết định số 712/QĐ-TTg ngày 2/6/2022 của Thủ tướng Œhính phủ và Nghị quyết số "
                   "19-NQ/TW ngày 16/6/2022 của Ban châphành Trung ương Đảng khóa XIII.")
    assert refs["712/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    assert refs["19-NQ/TW"].issuer == "Ban Chấp hành Trung ương Đảng"
