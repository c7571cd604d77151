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
