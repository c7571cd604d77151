"""The document's own header: layouts written for these tests (paragraphs,
interleaved motto, a 2-column header table, drafts), and the seeds in every
built format against the gold through ``pipeline.evaluate``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.header import extract_header
from core.model import Cell, Document, Paragraph, SourceInfo, Table

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "shared" / "gold" / "seeds"


def doc_of(*blocks) -> Document:
    bl = [Paragraph(b) if isinstance(b, str) else b for b in blocks]
    return Document(SourceInfo("t.txt", "", "txt"), blocks=bl).reindex()


STATE_PLAN = (
    "UBND TỈNH QUẢNG BÌNH",
    "SỞ NỘI VỤ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 152/KH-SNV",
    "Quảng Bình, ngày 05 tháng 02 năm 2021",
    "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính",
    "năm 2021",
    "Căn cứ Quyết định số 12/QĐ-UBND ngày 3/1/2021 của UBND tỉnh;",
    "I. MỤC ĐÍCH",
    "Nơi nhận:",
    "- UBND tỉnh (b/c);",
    "- Các phòng thuộc Sở;",
    "- Lưu: VT, CCHC.",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "(Đã ký)",
    "Lê Thị Minh Hạnh",
)


def test_state_plan_header():
    h = extract_header(doc_of(*STATE_PLAN))
    assert (h.type, h.type_code, h.number, h.symbol, h.id) == ("Kế hoạch", "KH", "152", "KH-SNV", "152/KH-SNV")
    assert (h.issuer, h.parent_issuer) == ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Quảng Bình")
    assert (h.place, h.date, h.date_partial) == ("Quảng Bình", "2021-02-05", None)
    assert h.subject == "Tuyên truyền cải cách hành chính năm 2021"
    assert h.distribution == ["UBND tỉnh (b/c)", "Các phòng thuộc Sở", "Lưu: VT, CCHC"]
    assert (h.signer.name, h.signer.title, h.signer.authority) == ("Lê Thị Minh Hạnh", "Phó Giám đốc", "KT")
    assert h.locs["number"].block == 4 and h.locs["signer"].block == 18


def test_interleaved_motto_and_draft_cong_van():
    h = extract_header(doc_of(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ TÂN HÒA Độc lập - Tự do - Hạnh phúc",
        "Số: /UBND-VP Tân Hòa, ngày tháng 11 năm 2023",
        "V/v báo cáo kết quả",
        "phòng chống thiên tai",
        "Kính gửi: Ủy ban nhân dân huyện.",
        "Thực hiện Công văn số 55/UBND-NN ngày 1/11/2023 của UBND huyện, UBND xã báo cáo như sau:",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Võ Văn Tám",
    ))
    assert (h.type, h.type_code, h.number, h.symbol, h.id) == ("Công văn", "CV", None, "UBND-VP", None)
    assert h.issuer == "Ủy ban nhân dân xã Tân Hòa" and h.parent_issuer is None
    assert (h.place, h.date, h.date_partial) == ("Tân Hòa", None, "2023-11")
    assert h.subject == "V/v báo cáo kết quả phòng chống thiên tai"
    assert h.recipients == ["Ủy ban nhân dân huyện"]
    assert (h.signer.name, h.signer.title, h.signer.authority) == ("Võ Văn Tám", "Chủ tịch", "TM")


def test_party_header_in_a_two_column_table():
    def cell(r, c, text):
        return Cell(r, c, text, paragraphs=[Paragraph(t) for t in text.split("\n")])

    table = Table(rows=[[cell(0, 0, "HUYỆN ỦY ĐĂK HÀ\nBAN DÂN VẬN\n*\nSố 45-KH/BDVHU"),
                         cell(0, 1, "ĐẢNG CỘNG SẢN VIỆT NAM\nĐăk Hà, ngày 10 tháng 3 năm 2022")]], n_cols=2)
    h = extract_header(doc_of(table, "KẾ HOẠCH", "tổ chức hội nghị dân vận", "Thực hiện Kế hoạch số 3-KH/HU, ...",
                              "Kính gửi:", "- Các chi bộ;", "- Ban Thường vụ Huyện ủy."))
    assert (h.number, h.symbol, h.id) == ("45", "KH/BDVHU", "45-KH/BDVHU")
    assert (h.issuer, h.parent_issuer) == ("Ban Dân vận", "Huyện ủy Đăk Hà")
    assert (h.place, h.date) == ("Đăk Hà", "2022-03-10")
    assert h.type == "Kế hoạch" and h.subject == "tổ chức hội nghị dân vận"
    assert h.recipients == ["Các chi bộ", "Ban Thường vụ Huyện ủy"]
    assert h.locs["number"].table == 0


def test_annex_without_header_block_uses_caption_and_issuing_sentence():
    h = extract_header(doc_of(
        "Phụ lục",
        "DANH MỤC NHIỆM VỤ",
        "(Kèm theo Kế hoạch số   /KH-TTYT ngày   /4/2024 của Trung tâm Y tế huyện Đức Cơ)",
        "| 1 | Tổ chức tập huấn |",
    ))
    assert h.symbol == "KH-TTYT" and h.number is None and h.date_partial == "2024-04"
    assert h.issuer == "Trung tâm Y tế huyện Đức Cơ"
    h2 = extract_header(doc_of("KẾ HOẠCH", "Phòng chống dịch năm 2024",
                               "Thực hiện Công văn số 9/SYT-NVY của Sở Y tế; Bệnh viện đa khoa huyện Đức Cơ xây dựng "
                               "kế hoạch như sau:"))
    assert h2.issuer == "Bệnh viện đa khoa huyện Đức Cơ" and h2.type == "Kế hoạch"


def test_empty_document_gives_empty_header():
    h = extract_header(doc_of())
    assert h.type is None and h.id is None and h.signer is None


@pytest.fixture(scope="module")
def report():
    from pipeline.evaluate import evaluate

    return evaluate(GOLD, [RAW])


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_seed_headers_against_gold(report, fmt: str):
    files = [f for f in report.files if f.format == fmt]
    assert len(files) == 5, f"every seed has a .{fmt} sample"
    errors = [f.error for f in files if f.error]
    assert not errors, errors
    for field in ("type", "number", "symbol", "date", "issuer", "signer"):
        assert report.metric(f"document.{field}", "accuracy", fmt) >= 0.95, field
        # accuracy counts a null found for a null in the gold; F1 counts only values found
        assert report.metric(f"document.{field}", "f1", fmt) >= 0.95, field


def test_normative_number_with_year():
    h = extract_header(doc_of("CHÍNH PHỦ", "_______", "Số: 47/2020/NĐ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              "Hà Nội, ngày 09 tháng 4 năm 2020", "NGHỊ ĐỊNH", "Về quản lý dữ liệu số",
                              "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"))
    assert (h.number, h.symbol, h.id, h.type, h.type_code) == ("47", "NĐ-CP", "47/2020/NĐ-CP", "Nghị định", "NĐ")
    assert (h.issuer, h.place, h.date, h.subject) == ("Chính phủ", "Hà Nội", "2020-04-09", "Về quản lý dữ liệu số")


def test_all_caps_issuer_takes_the_bodys_spelling_else_the_nd30_rule():
    # the body writes the name in mixed case: that spelling wins
    h = extract_header(doc_of("BỘ NỘI VỤ", "Số: /BNV-CCHC", "Hà Nội, ngày tháng năm 2025", "V/v góp ý dự thảo",
                              "Kính gửi: Các bộ, cơ quan ngang bộ.",
                              "Thời gian qua, Bộ Nội vụ đã tổng hợp, xây dựng dự thảo."))
    assert h.issuer == "Bộ Nội vụ"
    # no mixed-case mention: first word and the field's words capitalised (Phụ lục II, NĐ 30/2020)
    from extractors.header import _org_rule_case, _title_case

    assert [_org_rule_case(x) for x in ("SỞ Y TẾ", "VĂN PHÒNG CHÍNH PHỦ", "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
                                         "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "BAN DÂN VẬN TỈNH ỦY",
                                         "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "PHÒNG TỔ CHỨC - HÀNH CHÍNH",
                                         "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP")] == [
        "Sở Y tế", "Văn phòng Chính phủ", "Bộ Giáo dục và Đào tạo", "Ủy ban nhân dân tỉnh Lâm Đồng",
        "Ban Dân vận Tỉnh ủy", "Bộ Văn hóa, Thể thao và Du lịch", "Phòng Tổ chức - Hành chính",
        "Văn phòng Ủy ban nhân dân tỉnh", "Ban Quản lý các khu công nghiệp"]
    assert [_title_case(x) for x in ("PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "THỨ TRƯỞNG")] == [
        "Phó Giám đốc", "Chánh Văn phòng", "Thứ trưởng"]


def test_year_only_date_and_subject_over_two_lines_before_the_motto():
    h = extract_header(doc_of("BỘ NỘI VỤ", "Số: /BNV-CCHC",
                              "V/v lấy ý kiến góp ý dự thảo Báo cáo Sơ kết giai đoạn 2021 - 2025 thực hiện",
                              "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, nhiệm vụ, "
                              "giải pháp trọng tâm giai đoạn 2026 - 2030",
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Hà Nội, ngày tháng năm 2025", "Kính gửi:", "- Các bộ;"))
    assert (h.date, h.date_partial, h.place) == (None, "2025", "Hà Nội")
    assert h.subject.endswith("thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, "
                              "nhiệm vụ, giải pháp trọng tâm giai đoạn 2026 - 2030")
    h2 = extract_header(doc_of("VĂN PHÒNG CHÍNH PHỦ", "Số: /CĐ-VPCP", "Hà Nội, ngày tháng năm"))
    assert (h2.date, h2.date_partial) == (None, None)


def test_cong_dien_type_and_subject_on_one_line_and_its_addressees():
    h = extract_header(doc_of(
        "VĂN PHÒNG CHÍNH PHỦ", "Số: /CĐ-VPCP", "Hà Nội, ngày tháng năm",
        "CÔNG ĐIỆN mời dự Hội nghị triển khai Chương trình phòng, chống ma túy", "__________________",
        "VĂN PHÒNG CHÍNH PHỦ điện:", "- Các Bộ: Công an, Y tế;", "- Tòa án nhân dân tối cao.",
        "Văn phòng Chính phủ trân trọng kính mời lãnh đạo dự Hội nghị.",
        "Nơi nhận:", "- Như trên;", "- VPCP: BTCN, PCN Đỗ Ngọc Huỳnh;",
        "Trợ lý, Thư ký của: TTg;", "- Văn phòng UBND các tỉnh, thành phố trực thuộc",
        "Trung ương (để phối hợp);", "- Lưu: VT, TH(2).", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Đỗ Ngọc Huỳnh"))
    assert (h.type, h.type_code) == ("Công điện", "CĐ")
    assert h.subject == "mời dự Hội nghị triển khai Chương trình phòng, chống ma túy"
    assert h.recipients == ["Các Bộ: Công an, Y tế", "Tòa án nhân dân tối cao"]
    assert h.distribution == ["Như trên", "VPCP: BTCN, PCN Đỗ Ngọc Huỳnh; Trợ lý, Thư ký của: TTg",
                              "Văn phòng UBND các tỉnh, thành phố trực thuộc Trung ương (để phối hợp)", "Lưu: VT, TH(2)"]
    assert (h.signer.name, h.signer.title, h.signer.authority) == ("Đỗ Ngọc Huỳnh", "Phó Chủ nhiệm", "KT")


def test_ocr_noise_in_a_scanned_header():
    # OCR of a scan: table borders read as '|', a stray mark after "Số:", a handwritten number read as '/74/'
    h = extract_header(doc_of("| ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "|", "Số:` /74/UBND- KSTTHC",
                              "Về việc xây dựng kế hoạch rà soát quy định, thủ tục hành chính.",
                              "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phú Thọ, ngày tháng 12 năm 2011"))
    assert (h.number, h.symbol, h.issuer) == (None, "UBND-KSTTHC", "Ủy ban nhân dân tỉnh Phú Thọ")
    assert (h.place, h.date_partial) == ("Phú Thọ", "2011-12")


def test_all_caps_issuer_ending_with_the_place_keeps_its_capitals():
    h = extract_header(doc_of(
        "SỞ Y TẾ HÀ TĨNH", "Số: 1234/SYT-NVY", "V/v báo cáo công tác phòng chống dịch",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Tĩnh, ngày 10 tháng 5 năm 2024", "Kính gửi: Các bệnh viện tuyến tỉnh",
    ))
    assert (h.issuer, h.place) == ("Sở Y tế Hà Tĩnh", "Hà Tĩnh")
    # a place that is not the name's tail changes nothing
    h2 = extract_header(doc_of("SỞ NỘI VỤ", "Số: 15/SNV-CCHC", "Quảng Bình, ngày 05 tháng 02 năm 2021", "KẾ HOẠCH", "Tuyên truyền"))
    assert h2.issuer == "Sở Nội vụ"


def test_party_committee_line_is_the_issuer_under_its_parent_party_body():
    h = extract_header(doc_of(
        "ĐẢNG BỘ TỈNH HÀ TĨNH", "HUYỆN ỦY CẨM XUYÊN", "*", "Số 45-KH/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Cẩm Xuyên, ngày 12 tháng 01 năm 2023", "KẾ HOẠCH", "thực hiện Chỉ thị số 18-CT/TU",
    ))
    assert (h.issuer, h.parent_issuer, h.id, h.date) == ("Huyện ủy Cẩm Xuyên", "Đảng bộ tỉnh Hà Tĩnh", "45-KH/HU", "2023-01-12")
    # a place level on its own line still continues the body above it
    h2 = extract_header(doc_of("ỦY BAN NHÂN DÂN", "HUYỆN VĂN GIANG", "Số: 12/KH-UBND", "Văn Giang, ngày 1 tháng 2 năm 2023"))
    assert h2.issuer == "Ủy ban nhân dân huyện Văn Giang"


def test_decision_subject_stops_before_the_authority_line():
    h = extract_header(doc_of(
        "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 2150/QĐ-UBND", "Quảng Trị, ngày 20 tháng 8 năm 2021",
        "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác kiểm tra công vụ năm 2021", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    ))
    assert h.subject == "Về việc thành lập Tổ công tác kiểm tra công vụ năm 2021"


def test_distribution_item_wrapped_after_a_comma_and_ocr_scraps_inside_the_list():
    h = extract_header(doc_of(
        "Nơi nhận:", "- Các bộ, cơ quan ngang bộ,", "cơ quan thuộc Chính phủ;", "- HĐND, UBND các tỉnh,",
        "thành phố trực thuộc Trung ương;", "- Các phòng chuyên môn (để thực hiện); Ác2Z", "CĂN", "ơn",
        "- Lưu: VT, TCHC.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình",
    ))
    assert h.distribution == ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                              "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương",
                              "Các phòng chuyên môn (để thực hiện)", "Lưu: VT, TCHC"]
    assert h.signer.name == "Trần Văn Bình"
    # a short line that is not followed by another item ends the list
    h2 = extract_header(doc_of("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "ơn", "Căn cứ kết quả"))
    assert h2.distribution == ["Như trên", "Lưu: VT"]


def test_school_issuer_blocks_over_two_and_three_lines():
    # the school's kind on one line, its name on the next: one body; the lowest body issues
    h = extract_header(doc_of(
        "ĐẠI HỌC QUỐC GIA HÀ NỘI", ". TRƯỜNG ĐẠI HỌC", "KHOA HỌC TỰ NHIÊN", ".n.--ẰẮẰẮ—ẰẮẶằẰ", "Số: 12/TB-ĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 3 tháng 4 năm 2015", "THÔNG BÁO", "Lịch thi học kỳ II",
    ))
    assert (h.issuer, h.parent_issuer) == ("Trường Đại học Khoa học tự nhiên", "Đại học Quốc gia Hà Nội")
    assert (h.number, h.symbol, h.date) == ("12", "TB-ĐT", "2015-04-03")
    # the scrap glued at the end of the name's line by the parser
    h1 = extract_header(doc_of("ĐẠI HỌC QUỐC GIA HÀ NỘI", "TRƯỜNG ĐẠI HỌC", "KHOA HỌC TỰ NHIÊN .n.--ẰẮẰẮ—ẰẮẶằẰ",
                               "Số: 12/TB-ĐT", "Hà Nội, ngày 3 tháng 4 năm 2015"))
    assert (h1.issuer, h1.parent_issuer) == ("Trường Đại học Khoa học tự nhiên", "Đại học Quốc gia Hà Nội")
    h2 = extract_header(doc_of(
        "TRƯỜNG CAO ĐẲNG", "Y TẾ HÀ NAM", "KHOA ĐIỀU DƯỠNG", "Số: 05/KH-KĐD", "Hà Nam, ngày 9 tháng 9 năm 2019",
        "KẾ HOẠCH", "Thực tập lâm sàng",
    ))
    assert (h2.issuer, h2.parent_issuer) == ("Khoa Điều dưỡng", "Trường Cao đẳng Y tế Hà Nam")
    # a place level misread by the OCR ("TÍNH") still continues the body above
    h3 = extract_header(doc_of("ỦY BAN NHÂN DÂN", "TÍNH NINH BÌNH", "Số: 7/GM-UBND", "Ninh Bình, ngày 2 tháng 3 năm 2024"))
    assert h3.issuer == "Ủy ban nhân dân tỉnh Ninh Bình"


def test_unreadable_number_keeps_the_symbol():
    for line, sym in (("Số: J†§/STTTT-CNTT", "STTTT-CNTT"), ("Sô : 0Í /TB - HTTT", "TB-HTTT"),
                      ("S6: 5 Ø/GM-UBND", "GM-UBND")):
        h = extract_header(doc_of("SỞ NỘI VỤ", line, "Quảng Ninh, ngày 05 tháng 02 năm 2021", "V/v họp giao ban"))
        assert (h.number, h.symbol, h.id, h.issuer) == (None, sym, None, "Sở Nội vụ"), line
    h = extract_header(doc_of("SỞ NỘI VỤ", "Sô : 15/KH-SNV", "Quảng Ninh, ngày 05 tháng 02 năm 2021"))
    assert (h.number, h.symbol, h.type) == ("15", "KH-SNV", "Kế hoạch")
    # a table header "Số lượng/Tỷ lệ" is not a number line
    assert extract_header(doc_of("BẢNG TỔNG HỢP", "Số lượng/Tỷ lệ")).symbol is None


def test_subject_written_in_brackets_under_the_type_line():
    h = extract_header(doc_of(
        "TRƯỜNG ĐẠI HỌC", "BÁCH KHOA", "Số: 3/TB-ĐT", "Đà Nẵng, ngày 8 tháng 1 năm 2016", "THÔNG BÁO",
        "(V/v Tổ chức thi lại học kỳ I)", "Nhà trường thông báo đến các khoa lịch thi lại như sau",
    ))
    assert (h.type, h.subject, h.issuer) == ("Thông báo", "V/v Tổ chức thi lại học kỳ I", "Trường Đại học Bách khoa")
    # the same bracketed V/v under the number of a letter without a type line: a Công văn
    h2 = extract_header(doc_of("SỞ Y TẾ", "Số: 41/SYT-NVY", "(V/v Báo cáo số liệu tiêm chủng)",
                               "Hải Dương, ngày 8 tháng 1 năm 2016", "Kính gửi: Các bệnh viện"))
    assert (h2.type, h2.type_code, h2.subject) == ("Công văn", "CV", "V/v Báo cáo số liệu tiêm chủng")


def test_headerless_fragment_cut_at_gui_reads_addressees_issuer_and_is_a_cong_van():
    h = extract_header(doc_of(
        "gửi: - Các Sở, ban, ngành;", "- Ủy ban nhân dân các huyện, thị xã.",
        "Ngày 02/3/2019 Bộ Y tế đã ban hành Thông tư số 5/2019/TT-BYT về tiêm chủng.",
        "Sở Y tế tỉnh Bắc Giang đề nghị các đơn vị triển khai thực hiện như sau:",
    ))
    assert h.recipients == ["Các Sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã"]
    assert (h.type, h.type_code, h.issuer, h.symbol) == ("Công văn", "CV", "Sở Y tế tỉnh Bắc Giang", None)
    # a text without addressees and without a type line gets no type
    assert extract_header(doc_of("Sở Y tế đề nghị các đơn vị báo cáo.")).type is None


def test_ocr_slip_in_an_issuer_name_takes_the_issuer_tables_spelling():
    h = extract_header(doc_of("UBND TỈNH PHÚ THỌ", "SỞ THÔNG TIN VÀ TRUYÊN THÔNG", "Số: 275/STTTT-CNTT",
                              "Phú Thọ, ngày 16 tháng 12 năm 2011"))
    assert (h.issuer, h.parent_issuer) == ("Sở Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Phú Thọ")
    # a name the table does not hold is kept as read; a case difference alone changes nothing
    h2 = extract_header(doc_of("SỞ THÔNG TIN VÀ TRUYÊN HÌNH", "Số: 2/KH-STT", "Phú Thọ, ngày 16 tháng 12 năm 2011"))
    assert h2.issuer == "Sở Thông tin và Truyên hình"
    h3 = extract_header(doc_of("KIỂM TOÁN NHÀ NƯỚC", "Số: 2/KH-KTNN", "Hà Nội, ngày 16 tháng 12 năm 2011",
                               "Kiểm toán Nhà nước xây dựng kế hoạch"))
    assert h3.issuer == "Kiểm toán Nhà nước"


def test_scanned_date_line_with_glued_words_and_digit_lookalikes():
    def date_of(line):
        h = extract_header(doc_of("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 5/GM-UBND", line))
        return h.date, h.date_partial
    assert date_of("Lâm Đồng, ngày24tháng 10 năm 2025") == ("2025-10-24", None)
    assert date_of("Lâm Đồng, ngàyO6 tháng 1] năm 2025") == ("2025-11-06", None)
    # a day the OCR could not read at all stays unknown
    assert date_of("Phú Thọ, ngày| tháng 12 năm 2011")[0] is None
