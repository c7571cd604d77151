"""Units, round 12 (issue 10): invented sentences only."""
from extractors.units import find_units


def _raws(text):
    return [u.raw for u in find_units(text)]


def test_lower_case_case_noun_is_no_department():
    # "vụ"/"cục" in lower case naming a case, an event or a season is no ministry's department
    assert _raws("Các vụ việc khiếu nại kéo dài ở xã Tân Mỹ phải được xử lý xong trong quý III.") == []
    assert _raws("Các vụ tai nạn trên tuyến đường Hòa Lạc cần được thống kê đầy đủ.") == []
    assert "Sở Công Thương" in _raws("Sở Công Thương tổng hợp các vụ buôn lậu trên địa bàn.")
    assert not any("vụ buôn" in r for r in _raws("Sở Công Thương tổng hợp các vụ buôn lậu trên địa bàn."))


def test_capitalised_department_still_read():
    assert _raws("Giao Vụ Hợp tác quốc tế chủ trì.") == ["Vụ Hợp tác quốc tế"]
    assert _raws("Giao các Vụ, Cục thuộc Bộ Nông nghiệp thực hiện.") == ["các Vụ, Cục thuộc Bộ Nông nghiệp"]


def test_capitalised_verb_after_sentence_case_name_opens_predicate():
    assert _raws("Giao Trường trung cấp nông lâm Xây dựng kế hoạch đào tạo nghề.") == ["Trường trung cấp nông lâm"]
    assert _raws("Giao Trung tâm khuyến nông Triển khai mô hình trồng bưởi.") == ["Trung tâm khuyến nông"]


def test_capitalised_field_word_in_name_kept():
    assert _raws("Giao Trường đại học Xây dựng chủ trì.") == ["Trường đại học Xây dựng"]
    assert _raws("Giao Trường đại học Xây dựng miền Bắc thực hiện.") == ["Trường đại học Xây dựng miền Bắc"]
    assert _raws("Giao Viện nghiên cứu Xây dựng và Kiến trúc thực hiện.") == ["Viện nghiên cứu Xây dựng và Kiến trúc"]


def test_district_office_field_pair_in_sentence_case():
    # a closed class of offices' fields joined by "và" (or a comma) is one name, whatever its case
    assert _raws("Giao Phòng Kế hoạch và tài chính thị xã Sơn Tây chủ trì.") == ["Phòng Kế hoạch và tài chính thị xã Sơn Tây"]
    assert _raws("Phòng Kinh tế, hạ tầng và đô thị huyện Ba Vì tham mưu.") == ["Phòng Kinh tế, hạ tầng và đô thị huyện Ba Vì"]
    assert _raws("Giao Phòng Tài chính và các xã thực hiện.") == ["Phòng Tài chính", "các xã"]
