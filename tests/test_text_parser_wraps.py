"""Text parser: a hard-wrapped line that starts with what looks like a label
but goes on with the sentence or heading of the line before (issue 10).
All texts are invented for this test."""

from __future__ import annotations

from core.model import Document, SourceInfo
from parsers.text_parser import build_document, joins


def _paras(text: str) -> list[str]:
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"))
    build_document(doc, text)
    return [p.text for p in doc.paragraphs]


def _j(prev: str, cur: str) -> bool:
    return joins(prev, cur, width=None, extra_gap=0, across_page=False)


# --------------------------------------------------------------------------
# a part of a text cited inside a sentence, wrapped just before it
# --------------------------------------------------------------------------


def test_article_cited_after_a_word_asking_for_more_joins():
    text = ("Điều 6. Giám đốc các sở, ngành và các cơ quan được nêu tại\n"
            "Điều 2 có trách nhiệm báo cáo kết quả trước ngày 15 hằng tháng.\n")
    assert _paras(text) == [
        "Điều 6. Giám đốc các sở, ngành và các cơ quan được nêu tại "
        "Điều 2 có trách nhiệm báo cáo kết quả trước ngày 15 hằng tháng."
    ]


def test_cited_parts_of_other_kinds_join():
    assert _j("Hồ sơ đề nghị gồm các giấy tờ liệt kê trong", "Phụ lục 3 ban hành kèm theo Thông tư này.")
    assert _j("Những nội dung không quy định ở", "Chương IV thì áp dụng theo pháp luật hiện hành.")
    # the smaller part cited first: "khoản 2" / "điểm b" then its article
    assert _j("Việc miễn giảm thực hiện theo khoản 2", "Điều 14 Luật Quản lý thuế năm 2019.")
    assert _j("trừ các trường hợp nêu tại điểm b,", "Mục 2 của Quy chế này.")
    # a label without "." whose words go on in lower case is no heading
    assert _j("Các thành viên Tổ công tác nêu ở", "Điều 1 tự giải thể sau khi hoàn thành nhiệm vụ.")
    assert _j("Tổ chức, cá nhân vi phạm quy định", "Điều 9 bị xử lý theo quy định của pháp luật.")


def test_real_headings_still_open_paragraphs():
    text = ("Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh,\n"
            "QUYẾT ĐỊNH:\n"
            "Điều 1. Phê duyệt Đề án phát triển du lịch cộng đồng.\n"
            "Điều 2 Tổ chức thực hiện\n"
            "Giao Sở Văn hóa chủ trì triển khai.\n"
            "Chương III\n"
            "ĐIỀU KHOẢN THI HÀNH\n")
    paras = _paras(text)
    assert "Điều 1. Phê duyệt Đề án phát triển du lịch cộng đồng." in paras
    assert any(p.startswith("Điều 2 Tổ chức thực hiện") for p in paras)
    assert "Chương III" in paras
    # a line not ending a clause (a lost full stop) before a heading with a capitalised title
    assert not _j("Quyết định này có hiệu lực kể từ ngày ký", "Điều 5 Trách nhiệm thi hành")
    assert not _j("Quyết định này có hiệu lực kể từ ngày ký.", "Điều 5. Trách nhiệm thi hành")
    assert not _j("kể từ ngày ký.", "Điều 3 chịu trách nhiệm")  # after a clause end, as before
    # other labels after a word asking for more keep opening paragraphs
    assert not _j("Thành phần tham dự gồm", "- Đại diện Sở Nội vụ;")


# --------------------------------------------------------------------------
# a labelled heading whose name runs over the next line
# --------------------------------------------------------------------------


def test_labelled_name_wrapped_over_two_lines_is_one_paragraph():
    text = ("2. Ban Thường trực\n"
            "Ủy ban Mặt trận Tổ quốc huyện:\n"
            "a) Chủ trì giám sát việc thực hiện chính sách an sinh xã hội.\n"
            "b) Văn phòng\n"
            "Sở Tài nguyên và Môi trường:\n"
            "- Tổng hợp kết quả, báo cáo định kỳ.\n")
    assert _paras(text) == [
        "2. Ban Thường trực Ủy ban Mặt trận Tổ quốc huyện:",
        "a) Chủ trì giám sát việc thực hiện chính sách an sinh xã hội.",
        "b) Văn phòng Sở Tài nguyên và Môi trường:",
        "- Tổng hợp kết quả, báo cáo định kỳ.",
    ]


def test_short_heading_before_a_sentence_stays_apart():
    # a heading followed by its first sentence, not by the end of its name
    assert not _j("1. Mục tiêu", "Nâng cao hiệu quả quản lý nhà nước về đất đai.")
    assert not _j("1. Mục tiêu", "Nâng cao hiệu quả quản lý, cụ thể như sau: một là")
    # a title in capitals, a bullet line: unchanged
    assert not _j("II. NHIỆM VỤ", "Các cơ quan chuyên môn:")
    assert not _j("- Sở Xây dựng", "Phòng Quản lý đô thị:")
    # a long labelled line is a sentence, not a name
    assert not _j("3. Các phòng chuyên môn thuộc Ủy ban nhân dân cấp huyện phối hợp", "Công an huyện:")


def test_annex_heading_after_a_signature_stays_apart():
    text = ("TM. ỦY BAN NHÂN DÂN\n"
            "KT. CHỦ TỊCH\n"
            "PHÓ CHỦ TỊCH\n"
            "Trần Thị Bích Ngọc\n"
            "Phụ lục 2 kèm theo Kế hoạch số 45/KH-UBND\n")
    paras = _paras(text)
    assert "Phụ lục 2 kèm theo Kế hoạch số 45/KH-UBND" in paras
    assert not _j("KT. GIÁM ĐỐC SỞ Y TẾ PHÓ GIÁM ĐỐC", "Phụ lục 1 danh mục nhiệm vụ")


def test_heading_before_a_sentence_ending_with_colon_stays_apart():
    # a sentence giving a task, not the end of a body's name
    assert not _j("4. Về chuyển đổi số cấp xã", "Giao phòng Văn hóa - Thông tin:")
    # an article's title is followed by its first sentence
    assert not _j("Điều 4. Tổ chức thực hiện", "Ủy ban nhân dân các huyện:")
    assert _j("(3) Lãnh đạo", "Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh:")


def test_heading_after_a_title_ending_in_a_function_word_stays_apart():
    assert not _j("Mục 3. Lưu trữ hồ sơ đi và đến", "Điều 12. Trách nhiệm lập hồ sơ")
    assert not _j("LƯU TRỮ HỒ SƠ ĐI VÀ ĐẾN", "Điều 12 Trách nhiệm lập hồ sơ")
    # but a citation ending a sentence is one with it
    assert _j("Mức hỗ trợ thực hiện theo quy định tại", "Điều 7.")
