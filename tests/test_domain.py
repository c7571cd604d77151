from core.domain import doc_type_by_code, doc_type_by_name, issuer_by_code


def test_type_codes_keep_case_distinctions():
    assert doc_type_by_code("KH").name == "Kế hoạch"
    assert doc_type_by_code("TTr").name == "Tờ trình"
    assert doc_type_by_code("TT").name == "Thông tư"
    assert doc_type_by_code("QĐi").name == "Quy định"
    assert doc_type_by_code("NĐ").name == "Nghị định"
    assert doc_type_by_code("XYZ") is None


def test_type_names_any_case_or_diacritics():
    assert doc_type_by_name("KẾ HOẠCH").code == "KH"
    assert doc_type_by_name("nghi dinh").code == "NĐ"
    assert doc_type_by_name("Chương trình phối hợp").code == "CTPH"


def test_issuer_codes():
    assert issuer_by_code("TTg") == "Thủ tướng Chính phủ"
    assert issuer_by_code("SYT") == "Sở Y tế"
    assert issuer_by_code("TC-HC") == "Phòng Tổ chức - Hành chính"
