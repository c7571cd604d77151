"""References: shapes of misses found on the second development split (issue 11),
each tested with sentences written for this file (no text copied from a gold file
or a corpus document): joint issuers and names written with a comma, a body whose
name holds "các", a date opening a clause without its comma, the date written after
the issuer, a company's legal form."""

from __future__ import annotations

from extractors.references import extract_references
from core.model import Document, DocumentHeader, Paragraph, SourceInfo


def refs_of(*paras: str):
    doc = Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(p) for p in paras]).reindex()
    refs, _ = extract_references(doc, DocumentHeader())
    return {r.id: r for r in refs}


def test_a_joint_circular_names_every_ministry_that_issued_it():
    refs = refs_of("Căn cứ Thông tư liên tịch số 12/2019/TTLT-BYT-BNV ngày 3/4/2019 của liên Bộ Y tế, Bộ Nội vụ "
                   "quy định mã số chức danh; Thông tư số 08/2016/TTLT-BNV-BTC-BLĐTBXH ngày 1/2/2016 của Bộ Nội vụ, "
                   "Bộ Tài chính và Bộ Lao động - Thương binh và Xã hội hướng dẫn chế độ.")
    assert refs["12/2019/TTLT-BYT-BNV"].issuer.casefold() == "liên bộ y tế, bộ nội vụ"
    assert refs["08/2016/TTLT-BNV-BTC-BLĐTBXH"].issuer == \
        "Bộ Nội vụ, Bộ Tài chính và Bộ Lao động - Thương binh và Xã hội"


def test_a_joint_issuer_stops_at_its_bodies():
    refs = refs_of("Căn cứ Thông tư liên tịch số 12/2019/TTLT-BYT-BNV ngày 3/4/2019 của liên Bộ Y tế, Bộ Nội vụ, Sở Y tế "
                   "đã hướng dẫn các huyện.",
                   "Căn cứ Thông tư liên tịch số 13/2019/TTLT-BYT-BNV ngày 4/4/2019 của Bộ Y tế, Bộ Nội vụ; Sở Y tế "
                   "hướng dẫn.")
    assert refs["12/2019/TTLT-BYT-BNV"].issuer.casefold() == "liên bộ y tế, bộ nội vụ"  # two codes, two bodies
    assert refs["13/2019/TTLT-BYT-BNV"].issuer == "Bộ Y tế, Bộ Nội vụ"


def test_a_name_written_with_a_comma_is_not_cut_there():
    refs = refs_of("Thực hiện Kế hoạch số 55/KH-SVHTTDL ngày 2/2/2024 của Sở Văn hóa, Thể thao và Du lịch về "
                   "ngày hội đọc sách; Chương trình số 7/CTPH-BVHTTDL-TWĐTN ngày 5/1/2023 giữa Bộ Văn hóa, Thể "
                   "thao và Du lịch và Trung ương Đoàn về phối hợp.")
    assert refs["55/KH-SVHTTDL"].issuer == "Sở Văn hóa, Thể thao và Du lịch"
    assert refs["7/CTPH-BVHTTDL-TWĐTN"].issuer == "Bộ Văn hóa, Thể thao và Du lịch và Trung ương Đoàn"


def test_one_body_letter_stops_at_the_comma_before_a_new_subject():
    refs = refs_of("Theo Công văn số 99/SYT-NV ngày 2/2/2024 của Sở Y tế, Sở Tài chính đã hướng dẫn các huyện.",
                   "Căn cứ Quyết định số 301/QĐ-UBND ngày 4/4/2024 của UBND huyện, Phòng Nội vụ tổ chức thi.")
    assert refs["99/SYT-NV"].issuer == "Sở Y tế"
    assert refs["301/QĐ-UBND"].issuer == "Ủy ban nhân dân huyện"


def test_a_management_board_named_with_cac_issues_the_document_of_its_clause():
    refs = refs_of("Ngày 3/5/2019 Ban Quản lý các khu kinh tế tỉnh có Quyết định số 41/QĐ-KKT về thu hồi đất; "
                   "doanh nghiệp đã làm việc với Ban và ngày 2/8/2020, Sở Xây dựng đã ra Quyết định số 77/QĐ-SXD "
                   "về xử phạt.")
    assert refs["41/QĐ-KKT"].issuer == "Ban Quản lý các khu kinh tế tỉnh"
    assert refs["41/QĐ-KKT"].date == "2019-05-03"
    assert refs["77/QĐ-SXD"].issuer == "Sở Xây dựng"
    assert refs["77/QĐ-SXD"].date == "2020-08-02"


def test_plural_subjects_still_issue_nothing():
    refs = refs_of("Các sở đã có Công văn số 15/SNV-TCCB ngày 2/3/2024 gửi UBND tỉnh.")
    assert refs["15/SNV-TCCB"].issuer is None


def test_the_date_written_after_the_issuer():
    refs = refs_of("Căn cứ Tờ trình số 45/TTr-PGD của Phòng Giáo dục và Đào tạo huyện ngày 11/3/2021 về việc đề "
                   "nghị khen thưởng; Công văn số 46/PGD-TH của Phòng Giáo dục và Đào tạo về việc dạy thêm.")
    assert refs["45/TTr-PGD"].date == "2021-03-11"
    assert refs["45/TTr-PGD"].issuer == "Phòng Giáo dục và Đào tạo huyện"
    assert refs["46/PGD-TH"].date is None


def test_a_one_member_limited_company_keeps_its_legal_form_and_name():
    refs = refs_of("Công ty đã nhận Công văn số 18/CV-MN của Công ty TNHH một thành viên cơ khí Miền Nam về "
                   "việc giao hàng; Công văn số 19/TNHH-KT của Công ty TNHH Hòa Bình đã trả lời.")
    assert refs["18/CV-MN"].issuer == "Công ty TNHH một thành viên cơ khí Miền Nam"
    assert refs["19/TNHH-KT"].issuer == "Công ty TNHH Hòa Bình"


# ---------------------------------------------------------------- text read by an OCR


def test_an_ocr_misreading_of_cua_nam_and_ngay_still_gives_issuer_and_date():
    refs = refs_of("Căn cứ Quyết định số 1675/QD-UBND ngày 09 tháng 8 närn 2017 cüaa Ủy ban nhân dân tỉnh Bình Định "
                   "ye viêc quy dinh; văn bản số 1498/SNV-TCBM bày 22/12/2011 cfia Sở Nội vụ về đăng ký.",
                   "Can cu Quyet dinh so 88/QD-UBND ngay 5/5/2019 cua Uy ban nhan dan tinh Long An ve viec giao.")
    assert (refs["1675/QĐ-UBND"].date, refs["1675/QĐ-UBND"].issuer) == ("2017-08-09", "Ủy ban nhân dân tỉnh Bình Định")
    assert (refs["1498/SNV-TCBM"].date, refs["1498/SNV-TCBM"].issuer) == ("2011-12-22", "Sở Nội vụ")
    assert refs["88/QĐ-UBND"].issuer == "Uy ban nhan dan tinh Long An"


def test_a_real_word_near_cua_is_no_issuer_lead():
    refs = refs_of("Theo Công văn số 46/UBND-VX cửa Hàng Mã đã đóng; Quyết định số 47/QĐ-UBND cho Trường Tiểu học.")
    assert refs["46/UBND-VX"].issuer is None
    assert refs["47/QĐ-UBND"].issuer is None


def test_an_ocr_variant_of_a_symbol_is_merged_into_the_readable_one():
    refs = refs_of("Thực hiện Chỉ thị số 41-CT/TW ngày 1/1/2019 của Ban Bí thư; tiếp tục quán triệt Chỉ thị 41-C1/IW "
                   "về lao động; Quyết định số 7/QĐ-UBNO và Quyết định số 7/QĐ-UBND ngày 3/3/2020; Chỉ thị số 42-CT/TU.")
    assert set(refs) == {"41-CT/TW", "7/QĐ-UBND", "42-CT/TU"}
    assert len(refs["41-CT/TW"].mentions) == 2


def test_a_fraction_slash_and_a_lost_slash_after_the_year():
    refs = refs_of("Căn cứ Nghị định số 123/⁄2016NĐ-CP ngày 01 tháng 9 năm 2016 của Chính phủ; Quyết định 9∕QĐ-UBND; "
                   "mã hàng 12/2016Đ.")
    assert set(refs) == {"123/2016/NĐ-CP", "9/QĐ-UBND"}
    assert refs["123/2016/NĐ-CP"].issuer == "Chính phủ"


def test_the_annex_caption_of_a_scan_whose_own_number_was_unread_is_no_reference():
    from extractors.header import extract_header

    doc = Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(p) for p in (
        "UBND TỈNH HÒA BÌNH", "SỞ XÂY DỰNG", "Số: 4?0 /BC-SXD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hòa Bình, ngày   tháng 4 năm 2020", "BÁO CÁO", "Tình hình quý I",
        "Báo cáo theo Quyết định số 11/QĐ-UBND ngày 1/1/2020 của UBND tỉnh và Báo cáo số 12/BC-SXD ngày 2/2/2020 "
        "(kèm theo Báo cáo số 10/BC-SXD).", "PHỤ LỤC", "(Kèm theo Báo cáo số 46/BC-SXD của Sở Xây dựng)")]).reindex()
    refs, _ = extract_references(doc, extract_header(doc))
    assert {r.id for r in refs} == {"11/QĐ-UBND", "12/BC-SXD", "10/BC-SXD"}


# ---------------------------------------------------------------- issuers named elsewhere in the clause


def test_the_issuer_closing_a_title_written_without_ve():
    refs = refs_of("Căn cứ Thông tư số 20/2018/TT-BGDĐT ngày 22/8/2018 quy định chuẩn nghề nghiệp giáo viên của "
                   "Bộ trưởng Bộ Giáo dục và Đào tạo; Quyết định số 12/QĐ-UBND ngày 1/1/2020 phê duyệt đề án của "
                   "Sở Y tế.")
    assert refs["20/2018/TT-BGDĐT"].issuer == "Bộ trưởng Bộ Giáo dục và Đào tạo"
    assert refs["12/QĐ-UBND"].issuer is None  # the project's body, not the decision's (the code says UBND)


def test_a_meeting_in_brackets_keeps_its_bracket_when_the_term_goes():
    refs = refs_of("Thực hiện Nghị quyết số 05-NQ/TW ngày 1/11/2016 của Ban Chấp hành Trung ương (Hội nghị lần thứ 4 "
                   "khóa XII) về đổi mới.")
    assert refs["05-NQ/TW"].issuer == "Ban Chấp hành Trung ương (Hội nghị lần thứ 4)"


def test_the_second_of_two_proposals_names_its_own_head():
    refs = refs_of("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 3/3/2025 và Giám đốc Sở "
                   "Tài chính tại Tờ trình số 46/TTr-STC ngày 4/3/2025.")
    assert refs["45/TTr-SNV"].issuer == "Giám đốc Sở Nội vụ"
    assert refs["46/TTr-STC"].issuer == "Giám đốc Sở Tài chính"


def test_a_type_code_without_its_stroke_and_a_joint_kind_the_code_says():
    refs = refs_of("Căn cứ Quyết định số 1675/QD-UBND ngày 2/2/2017 của UBND tỉnh; Nghị định số 12/2020/ND-CP; "
                   "Thông tư số 36/2014/TTLT-BGDĐT-BNV ngày 28/11/2014 của Bộ Giáo dục và Đào tạo, Bộ Nội vụ; "
                   "Công văn số 7/UBND-VX; Kế hoạch số 4/KH-UBND.")
    assert (refs["1675/QĐ-UBND"].type, refs["12/2020/NĐ-CP"].type) == ("Quyết định", "Nghị định")
    assert refs["36/2014/TTLT-BGDĐT-BNV"].type == "Thông tư liên tịch"
    assert (refs["7/UBND-VX"].type, refs["4/KH-UBND"].type) == ("Công văn", "Kế hoạch")


def test_a_legal_database_s_year_between_number_and_issuer():
    refs = refs_of("Căn cứ Quyết định 1234/QĐ-BYT năm 2024 của Bộ Y tế về hướng dẫn; Nghị định 10/2020/NĐ-CP năm 2020 "
                   "của Chính phủ.")
    assert (refs["1234/QĐ-BYT"].issuer, refs["1234/QĐ-BYT"].date) == ("Bộ Y tế", None)
    assert refs["10/2020/NĐ-CP"].issuer == "Chính phủ"


def test_the_writer_named_by_its_head_word_issued_its_own_documents():
    from extractors.header import extract_header

    doc = Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(p) for p in (
        "UBND TỈNH NINH BÌNH", "SỞ Y TẾ", "Số: 45/BC-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Ninh Bình, ngày 3 tháng 4 năm 2020", "BÁO CÁO", "Kết quả quý I",
        "Trong quý, Sở đã ban hành Kế hoạch số 12/KH-SYT ngày 1/2/2020 về phòng dịch; Sở đã có Công văn số "
        "13/UBND-VX gửi các huyện.", "Ngày 5/3/2020, Ban đã có công văn số 14/SYT-NV.")]).reindex()
    refs = {r.id: r for r in extract_references(doc, extract_header(doc))[0]}
    assert refs["12/KH-SYT"].issuer == "Sở Y tế"
    assert refs["13/UBND-VX"].issuer is None  # the code names another body
    assert refs["14/SYT-NV"].issuer is None  # "Ban" is not the head of this writer's name
