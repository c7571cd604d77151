"""Header and references on unseen documents (issue 11, seventh session): shapes of the misses read on the
dev6 split (the opened blind7), each tested with text written for this file (no text copied from a gold file
or a corpus document), in varied wording."""

from __future__ import annotations

from extractors.references import extract_references
from header_helpers import MOTTO, doc_of, header_of, refs_of


def unnumbered_of(*lines: str) -> list[str]:
    doc = doc_of(*lines)
    _, unn = extract_references(doc, header_of(*lines))
    return [u.text for u in unn]


# --- a standing board under its Front committee: "ỦY BAN MTTQ … / XÃ … / BAN THƯỜNG TRỰC" -----------------

def test_a_standing_board_is_named_with_the_committee_above_it():
    for block, issuer, parent in (
        (("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA AN", "BAN THƯỜNG TRỰC"),
         "Ban Thường trực Ủy ban MTTQ Việt Nam xã Hòa An", "Ủy ban MTTQ Việt Nam xã Hòa An"),
        (("ỦY BAN MẶT TRẬN TỔ QUỐC", "VIỆT NAM HUYỆN ĐỒNG XUÂN", "BAN THƯỜNG TRỰC"),
         "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đồng Xuân", None),
    ):
        h = header_of(*block, "Số: 21/KH-MTTQ-BTT", *MOTTO, "Hòa An, ngày 4 tháng 3 năm 2031", "KẾ HOẠCH",
                      "Tổ chức hội nghị cử tri", "Căn cứ tình hình thực tế, Ban Thường trực xây dựng kế hoạch.")
        assert h.issuer is not None and h.issuer.lower() == issuer.lower(), block
        if parent:
            assert h.parent_issuer.lower() == parent.lower()
    # a standing board of a People's Council keeps its own order of words
    h = header_of("HỘI ĐỒNG NHÂN DÂN", "TỈNH BẮC SƠN", "THƯỜNG TRỰC", "Số: 40/TB-HĐND", *MOTTO,
                  "Bắc Sơn, ngày 9 tháng 6 năm 2031", "THÔNG BÁO", "Kết luận phiên họp")
    assert h.issuer == "Thường trực Hội đồng nhân dân tỉnh Bắc Sơn"


def test_a_stray_mark_glued_to_the_first_word_of_the_issuer_block_keeps_the_word():
    for first in ("/ỦY BAN NHÂN DÂN", "\\ỦY BAN NHÂN DÂN", "`ỦY BAN NHÂN DÂN"):
        h = header_of(first, "HUYỆN TÂN LẠC", "Số: 12/UBND-VP", *MOTTO, "Tân Lạc, ngày 2 tháng 8 năm 2031",
                      "V/v rà soát hồ sơ đất đai", "Kính gửi: Các xã, thị trấn.")
        assert h.issuer == "Ủy ban nhân dân huyện Tân Lạc", first


# --- a subject that cites a number with its date, wrapped onto the place-date line of a draft ---------------

def test_a_cited_number_in_a_wrapped_subject_is_neither_place_nor_date():
    for cited in ("163/KL-TTBT ngày 27/6/2031", "52/TB-VPUB ngày 3/6/2031", "7/BC-STC, ngày 2.6.2031"):
        h = header_of("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH HÒA BÌNH\tĐộc lập - Tự do - Hạnh phúc",
                      "Số:           /UBND-NC", f"V/v xử lý sau kiểm tra theo Văn bản số {cited} \t  Hòa Bình, ngày "
                      "        tháng 6 năm 2031", "Kính gửi: Sở Nội vụ.")
        assert (h.date, h.date_partial, h.place) == (None, "2031-06", "Hòa Bình"), cited
    # the same subject with the cited symbol and its date on a line of their own
    h = header_of("SỞ TÀI CHÍNH TỈNH HÒA BÌNH", "Số:      /STC-QLG", *MOTTO,
                  "V/v thực hiện kiến nghị tại Thông báo số 41/", "TB-VPUB ngày 9/6/2031",
                  "Hòa Bình, ngày      tháng 6 năm 2031", "Kính gửi: Các phòng thuộc Sở.")
    assert (h.date, h.date_partial, h.place) == (None, "2031-06", "Hòa Bình")


# --- a cited document's issuer written with a comma: a task-named body, a council's committee, a joint act -------

def test_a_task_named_body_written_with_a_comma_is_one_issuer():
    refs = refs_of("Sở nhận được Công văn số 71/HĐPH-PBGD ngày 4/5/2031 của Hội đồng phối hợp phổ biến, giáo dục "
                   "pháp luật tỉnh về việc tổ chức Ngày Pháp luật.")
    assert refs["71/HĐPH-PBGD"].issuer == "Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh"
    refs = refs_of("Theo Hướng dẫn số 9/HD-HĐTĐKT ngày 2/1/2031 của Hội đồng Thi đua, Khen thưởng huyện về xét "
                   "tặng danh hiệu, các xã gửi hồ sơ.")
    assert refs["9/HD-HĐTĐKT"].issuer == "Hội đồng Thi đua, Khen thưởng huyện"
    # two bodies stay two: the comma before another body or a person's title ends the name
    refs = refs_of("Căn cứ Kế hoạch số 14/KH-UBND ngày 3/2/2031 của Ủy ban nhân dân huyện, Chủ tịch Ủy ban nhân dân "
                   "các xã tổ chức thực hiện.")
    assert refs["14/KH-UBND"].issuer == "Ủy ban nhân dân huyện"


def test_a_councils_committee_named_with_its_council_before_and():
    for tail in ("và ý kiến thảo luận của các đại biểu", "về dự thảo nghị quyết", "tại kỳ họp"):
        refs = refs_of(f"Xét Báo cáo thẩm tra số 33/BC-HĐND ngày 6/7/2031 của Ban Kinh tế - Ngân sách, Hội đồng "
                       f"nhân dân tỉnh {tail}.")
        assert refs["33/BC-HĐND"].issuer == "Ban Kinh tế - Ngân sách, Hội đồng nhân dân tỉnh", tail


def test_a_joint_resolution_names_every_body_its_symbol_lists():
    refs = refs_of("Căn cứ Nghị quyết liên tịch số 07/2031/NQLT-UBTVQH16-CP-ĐCTUBTWMTTQVN ngày 3/4/2031 của Ủy ban "
                   "Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam quy "
                   "định chi tiết việc hiệp thương;")
    assert refs["07/2031/NQLT-UBTVQH16-CP-ĐCTUBTWMTTQVN"].issuer == (
        "Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")
    # a single body's number keeps a single body
    refs = refs_of("Thực hiện Nghị quyết số 12/NQ-UBTVQH16 ngày 3/4/2031 của Ủy ban Thường vụ Quốc hội, Chính phủ "
                   "đã ban hành kế hoạch.")
    assert refs["12/NQ-UBTVQH16"].issuer == "Ủy ban Thường vụ Quốc hội"


# --- dated numbers of one body set side by side without a comma share the issuer named after the last ---------

def test_juxtaposed_dated_numbers_of_one_body_share_the_issuer_after_the_last():
    refs = refs_of("Căn cứ Quy định số 31-QĐ/TU, ngày 2/3/2031 12-QĐ/TU, ngày 9/9/2029 của Ban Thường vụ Thành ủy "
                   "về chức năng của Ban Chỉ đạo;")
    assert (refs["31-QĐ/TU"].date, refs["31-QĐ/TU"].issuer) == ("2031-03-02", "Ban Thường vụ Thành ủy")
    assert refs["12-QĐ/TU"].issuer == "Ban Thường vụ Thành ủy"
    # a number of another body after the date keeps its own issuer only
    refs = refs_of("Căn cứ Quyết định số 31/QĐ-UBND ngày 2/3/2031 12-QĐ/TU ngày 9/9/2029 của Ban Thường vụ Thành ủy;")
    assert refs["31/QĐ-UBND"].issuer is None


# --- documents named without a number: what one is, and what is none --------------------------------------------

def test_a_law_whose_name_runs_past_and_to_its_number_is_numbered_wherever_named():
    names = unnumbered_of(
        "Căn cứ Luật Tổ chức Quốc hội và đại biểu dân cử số 12/2030/QH16 ngày 2/6/2030; Luật Thủy sản;",
        "Các nội dung thực hiện theo Luật Tổ chức Quốc hội và đại biểu dân cử, Luật Thủy sản.")
    assert names == ["Luật Thủy sản"]
    # another document after "và" leaves the law unnumbered
    names = unnumbered_of("Căn cứ Luật Thủy sản và Nghị định số 26/2030/NĐ-CP ngày 8/3/2030 của Chính phủ;")
    assert names == ["Luật Thủy sản"]


def test_a_name_written_with_an_abbreviation_is_the_numbered_law():
    names = unnumbered_of("Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2030/QH16 ngày 9/6/2030;",
                          "Thực hiện theo Luật MTTQ Việt Nam và Luật Thủy sản.")
    assert names == ["Luật Thủy sản"]


def test_the_constitution_is_named_by_its_year():
    names = unnumbered_of("Bảo đảm phù hợp với Hiến pháp 2013 và các luật có liên quan.",
                          "Tuyên truyền những điểm mới của Hiến pháp năm 2013 (sửa đổi) và Hiến pháp 1992.")
    assert names == ["Hiến pháp năm 2013", "Hiến pháp năm 1992"]
    assert unnumbered_of("Quyền công dân theo quy định của Hiến pháp được bảo đảm.") == []


def test_a_resolution_named_for_each_body_is_no_single_document():
    for tail in ("của từng xã, phường nhiệm kỳ 2030 - 2035", "các cấp nhiệm kỳ 2030 - 2035", "ở từng địa phương"):
        assert unnumbered_of(f"Bám sát các chỉ tiêu tại Nghị quyết Đại hội Đảng bộ {tail}.") == [], tail
    # one congress's resolution is one document; a law's name before "các cấp" stays a law
    assert unnumbered_of("Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI nhiệm kỳ 2030 - 2035.") == [
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI nhiệm kỳ 2030 - 2035"]
    assert unnumbered_of("Theo Luật Tổ chức chính quyền địa phương các cấp hiện hành.") == [
        "Luật Tổ chức chính quyền địa phương"]


def test_laws_named_in_a_numbered_amending_acts_title_are_its_subject():
    names = unnumbered_of("Căn cứ Luật Thủy sản số 18/2030/QH16 và Luật số 41/2031/QH16 ngày 2/7/2031 về sửa đổi, bổ "
                          "sung một số điều của Luật Thủy sản, Luật Lâm nghiệp, Luật Chăn nuôi và Luật Trồng trọt; "
                          "Luật Đê điều;")
    assert names == ["Luật Đê điều"]
    # the same laws cited on their own elsewhere are references
    names = unnumbered_of("Luật số 41/2031/QH16 sửa đổi, bổ sung của Luật Lâm nghiệp.",
                          "Các hộ thực hiện theo Luật Lâm nghiệp.")
    assert names == ["Luật Lâm nghiệp"]
    # an amending law named without number is still that one reference
    assert unnumbered_of("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Lâm nghiệp và Luật Chăn nuôi;") == [
        "Luật sửa đổi, bổ sung một số điều của Luật Lâm nghiệp và Luật Chăn nuôi"]


# --- the issuer named before the number, for a number whose code is a unit's the table does not spell ------------

def test_a_body_named_before_a_number_with_an_unknown_unit_code_issued_it():
    refs = refs_of("Hồ sơ lập theo hướng dẫn của Sở Giáo dục và Đào tạo tại Công văn số 88/KTKĐ-GDTX ngày 2/3/2031.")
    assert refs["88/KTKĐ-GDTX"].issuer == "Sở Giáo dục và Đào tạo"
    refs = refs_of("Thực hiện ý kiến của Giám đốc Bệnh viện tỉnh theo Thông báo số 15/TB-HCQT ngày 9/1/2031, khoa rà soát.")
    assert refs["15/TB-HCQT"].issuer == "Giám đốc Bệnh viện tỉnh"
    # a code the table knows that names another body: nobody is guessed
    refs = refs_of("Theo đề nghị của Sở Y tế tại Công văn số 12/UBND-VX ngày 4/4/2031.")
    assert refs["12/UBND-VX"].issuer is None
    # no body before "tại": nobody
    refs = refs_of("Theo quy định hiện hành của pháp luật tại Thông báo số 7/TB-QLDA ngày 1/2/2031.")
    assert refs["7/TB-QLDA"].issuer is None


# --- a paper named in words and numbered by a body's own code alone ("Công văn số 63/QBVMT") ---------------------

def test_a_named_paper_numbered_by_an_unknown_body_code_alone_is_a_reference():
    refs = refs_of("Xét đề nghị của Quỹ Đầu tư phát triển tại Công văn số 41/QĐTPT ngày 3/1/2031 về việc bổ sung vốn.")
    assert (refs["41/QĐTPT"].date, refs["41/QĐTPT"].issuer, refs["41/QĐTPT"].type) == (
        "2031-01-03", "Quỹ Đầu tư phát triển", "Công văn")
    refs = refs_of("Theo tờ trình số: 15/BQLDA ngày 3/2/2031 của Ban Quản lý dự án khu vực.")
    assert refs["15/BQLDA"].issuer == "Ban Quản lý dự án khu vực"
    # an unknown code with no paper named before it is no number ("điểm số 3/ABC", "tỷ lệ 5/GDP")
    assert refs_of("Theo mục số 3/ABC của bảng; tỷ lệ 5/GDP năm 2031.") == {}


# --- a body named by its task, its name wrapped over the lines of the issuer block -------------------------------

def test_a_task_named_body_wrapped_over_the_issuer_block_is_one_name():
    h = header_of("TỈNH ỦY BÌNH AN", "BCĐ THỰC HIỆN QUY CHẾ", "DÂN CHỦ Ở CƠ SỞ", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Bình An, ngày    tháng 4 năm 2031", "Số    -TB/BCĐ", "THÔNG BÁO", "về việc phân công nhiệm vụ")
    assert (h.issuer, h.parent_issuer) == ("Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở", "Tỉnh ủy Bình An")
    # the text names it with the level the header left out: the level goes with the name
    h = header_of("TỈNH ỦY BÌNH AN", "BCĐ THỰC HIỆN QUY CHẾ", "DÂN CHỦ Ở CƠ SỞ", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Bình An, ngày    tháng 4 năm 2031", "Số    -TB/BCĐ", "THÔNG BÁO", "về việc phân công nhiệm vụ",
                  "Ban Chỉ đạo thực hiện  Quy chế dân chủ ở cơ sở tỉnh (gọi tắt là Ban Chỉ đạo) phân công như sau:")
    assert h.issuer == "Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở tỉnh"
    h = header_of("UBND HUYỆN TÂN AN", "HỘI ĐỒNG THI TUYỂN", "CÔNG CHỨC CẤP XÃ NĂM 2031", "Số: 3/TB-HĐTT", *MOTTO,
                  "Tân An, ngày 2 tháng 4 năm 2031", "THÔNG BÁO", "Kết quả thi tuyển")
    assert h.issuer.lower() == "hội đồng thi tuyển công chức cấp xã năm 2031"
    # a body of its own under a task-named one stays a unit of it
    h = header_of("BAN CHỈ ĐẠO PHÒNG CHỐNG DỊCH", "SỞ Y TẾ", "Số: 9/SYT-NV", *MOTTO, "Tân An, ngày 2 tháng 4 năm 2031",
                  "V/v phòng dịch", "Kính gửi: Các bệnh viện.")
    assert h.issuer == "Sở Y tế"


# --- a number joined to its year by a hyphen keeps it in its id, and is one document with the slashed form ------

def test_a_year_joined_by_a_hyphen_is_kept_in_the_id_and_merges_with_the_slashed_form():
    refs = refs_of("Căn cứ Nghị quyết số 19-2030/NQ-CP ngày 2/2/2030 của Chính phủ về môi trường kinh doanh;",
                   "Các sở tiếp tục thực hiện Nghị quyết số 19/2030/NQ-CP.")
    assert list(refs) == ["19-2030/NQ-CP"]
    assert (refs["19-2030/NQ-CP"].year, len(refs["19-2030/NQ-CP"].mentions)) == ("2030", 2)
    refs = refs_of("Căn cứ Nghị định số 15/2030/NĐ-CP ngày 1/1/2030 của Chính phủ;")
    assert list(refs) == ["15/2030/NĐ-CP"]


def test_the_fuller_joint_issuer_of_two_mentions_is_kept():
    refs = refs_of("Thực hiện Kết luận số 12-KL/TW ngày 3/3/2031 của Bộ Chính trị về sắp xếp bộ máy;",
                   "Theo yêu cầu tại Kết luận số 12-KL/TW ngày 3/3/2031 của Bộ Chính trị, Ban Bí thư, các sở rà soát.")
    assert refs["12-KL/TW"].issuer == "Bộ Chính trị, Ban Bí thư"


def test_a_number_written_with_hyphens_only_is_read_when_its_type_is_named():
    refs = refs_of("Thực hiện Thông báo số 17-TB-BCĐ ngày 3/2/2031 của Ban Chỉ đạo chuyển đổi số tỉnh,")
    assert (list(refs), refs["17-TB-BCĐ"].date, refs["17-TB-BCĐ"].type) == (["17-TB-BCĐ"], "2031-02-03", "Thông báo")
    # the steering committee's standard name, its objects listed with commas, is one name
    refs = refs_of("Theo Kế hoạch số 9-KH/BCĐ ngày 3/2/2031 của Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực "
                   "huyện Tân An, các xã rà soát.")
    assert refs["9-KH/BCĐ"].issuer == "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực huyện Tân An"
    # without its type named before, a run of hyphenated capitals is no number
    assert refs_of("Mã hồ sơ 17-TB-BCĐ đã nhận; giai đoạn 2030-2031 và tỷ lệ 3-5 lần.") == {}


def test_a_number_mistyped_with_a_letter_left_out_is_the_readable_one():
    refs = refs_of("Thực hiện Chỉ thị số 31/CT-TTg ngày 2/8/2031 của Thủ tướng Chính phủ về dân số,",
                   "các sở triển khai Chỉ thị số 31/CTTg theo kế hoạch.")
    assert list(refs) == ["31/CT-TTg"] and len(refs["31/CT-TTg"].mentions) == 2
    # another number's symbol, known codes on both sides, stays its own
    refs = refs_of("Theo Kế hoạch số 31/KH-UBND ngày 2/8/2031 và Công văn số 31/UBND-VX ngày 3/8/2031 của UBND huyện.")
    assert sorted(refs) == ["31/KH-UBND", "31/UBND-VX"]
    # the id written in a title in capitals is spelt as the text writes it in lower case
    refs = refs_of("ỦY BAN NHÂN DÂN TỈNH AN LẠC", "Số: 40/KH-UBND", *MOTTO, "An Lạc, ngày 9 tháng 9 năm 2031", "KẾ HOẠCH",
                   "THỰC HIỆN CHỈ THỊ SỐ 31/CT-TTG NGÀY 2/8/2031 CỦA THỦ TƯỚNG CHÍNH PHỦ",
                   "Thực hiện Chỉ thị số 31/CT-TTg ngày 2/8/2031 của Thủ tướng Chính phủ về dân số,",
                   "các sở triển khai Chỉ thị số 31/CTTg theo kế hoạch.")
    assert list(refs) == ["31/CT-TTg"] and len(refs["31/CT-TTg"].mentions) == 3


# --- a place-date line that names no day at all ("Hà Nội, tháng 6 năm 2031") -------------------------------------

def test_a_place_and_month_without_a_day_dates_the_document_to_its_month():
    for line, place in (("Tân An, tháng 6 năm 2031", "Tân An"), ("Bà Rịa - Vũng Tàu, tháng 11 năm 2031", "Bà Rịa - Vũng Tàu")):
        h = header_of("SỞ NỘI VỤ TỈNH TÂN AN", "Số:      /KH-SNV", *MOTTO, line, "KẾ HOẠCH", "Tuyển dụng công chức",
                      "Căn cứ tình hình thực tế, Sở Nội vụ xây dựng kế hoạch.")
        assert (h.date, h.date_partial, h.place) == (None, "2031-" + line.split("tháng ")[1].split()[0].zfill(2), place)
    # a sentence of the body is no place-date line
    h = header_of("SỞ NỘI VỤ TỈNH TÂN AN", "Số: 4/KH-SNV", *MOTTO, "KẾ HOẠCH", "Tuyển dụng công chức",
                  "Kỳ thi tổ chức tại Tân An, tháng 6 năm 2031 theo lịch.")
    assert (h.date_partial, h.place) == (None, None)


# --- an OCR's doubled letter in a code ("QĐĐ-BGDĐT") is the known code --------------------------------------------

def test_a_doubled_letter_in_a_code_is_the_known_code():
    h = header_of("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số:       /QĐĐ-BGDĐT", *MOTTO, "Hà Nội, ngày  tháng 12 năm 2031", "QUYẾT ĐỊNH",
                  "Ban hành kế hoạch sức khỏe học đường")
    assert (h.symbol, h.type) == ("QĐ-BGDĐT", "Quyết định")
    refs = refs_of("Căn cứ Quyết định số 12/QĐĐ-UBND ngày 3/3/2031 của Ủy ban nhân dân tỉnh;")
    assert list(refs) == ["12/QĐ-UBND"]
    # a code of its own with a doubled letter stays as written ("KKT": khu kinh tế)
    assert list(refs_of("Căn cứ Quyết định số 41/QĐ-KKT ngày 3/5/2031 của Ban Quản lý các khu kinh tế;")) == ["41/QĐ-KKT"]


# --- a PDF's header band read column by column: "Kính gửi:" closes the left column, the list comes after the
# motto and the place-date line of the right one ----------------------------------------------------------------

def test_addressees_after_the_right_column_of_the_header_band():
    h = header_of("SỞ Y TẾ TỈNH NAM SƠN", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "Số: 88/TTKS-NV",
                  "V/v báo cáo số liệu tiêm chủng", "Kính gửi:", *MOTTO, "Nam Sơn, ngày 12 tháng 5 năm 2031",
                  "- Trung tâm Y tế các huyện;", "- Bệnh viện Đa khoa khu vực Bắc Nam Sơn.",
                  "Để tổng hợp số liệu, Trung tâm đề nghị các đơn vị báo cáo trước ngày 20/5/2031.")
    assert h.recipients == ["Trung tâm Y tế các huyện", "Bệnh viện Đa khoa khu vực Bắc Nam Sơn"]
    assert h.date == "2031-05-12"
    # the list right under "Kính gửi:" is read as before
    h = header_of("SỞ Y TẾ TỈNH NAM SƠN", "Số: 89/SYT-NV", *MOTTO, "Nam Sơn, ngày 12 tháng 5 năm 2031",
                  "V/v báo cáo", "Kính gửi:", "- Trung tâm Y tế các huyện.", "Sở đề nghị các đơn vị báo cáo.")
    assert h.recipients == ["Trung tâm Y tế các huyện"]
