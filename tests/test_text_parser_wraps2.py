"""Text parser: a plain-text line wrapped inside a body's name — the line
ends on the head word of the name ("Sở", "Ban", "Chi cục", "Văn phòng" …, or
"qua" before one) and the next line, capitalised, gives its complement
(issue 10). All texts are invented for this test."""

from __future__ import annotations

from core.model import Document, SourceInfo
from parsers.text_parser import build_document, joins


def _paras(text: str) -> list[str]:
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"))
    build_document(doc, text)
    return [p.text for p in doc.paragraphs]


def _j(prev: str, cur: str, width: int | None = None) -> bool:
    return joins(prev, cur, width=width, extra_gap=0, across_page=False)


# --------------------------------------------------------------------------
# a name broken after its head word: one paragraph
# --------------------------------------------------------------------------


def test_sentence_broken_after_a_head_word_is_one_paragraph():
    # lines of uneven length (no wrap width can be told) as in pasted text
    text = ("Điều 4. Báo cáo định kỳ\n"
            "Các trường học trên địa bàn huyện tổng hợp số liệu và gửi báo cáo về Phòng\n"
            "Giáo dục và Đào tạo chậm nhất ngày 10 tháng 12 hằng năm.\n"
            "Điều 5. Tổ chức thực hiện\n")
    assert _paras(text) == [
        "Điều 4. Báo cáo định kỳ",
        "Các trường học trên địa bàn huyện tổng hợp số liệu và gửi báo cáo về Phòng "
        "Giáo dục và Đào tạo chậm nhất ngày 10 tháng 12 hằng năm.",
        "Điều 5. Tổ chức thực hiện",
    ]


def test_heads_of_one_or_two_words_join():
    assert _j("Hồ sơ xin cấp phép được nộp trực tiếp tại bộ phận một cửa của Sở",
              "Xây dựng hoặc qua dịch vụ bưu chính.")
    assert _j("Đơn vị có trách nhiệm phối hợp chặt chẽ với Chi cục",
              "Kiểm lâm trong việc tuần tra bảo vệ rừng.")
    assert _j("Kết quả kiểm tra được gửi đồng thời cho Văn phòng",
              "Ủy ban nhân dân huyện để theo dõi, đôn đốc.")
    assert not _j("Đề nghị liên hệ Trung tâm",
                  "Hỗ trợ người nộp thuế để được giải đáp.")  # a short line: could be a title
    assert _j("Các doanh nghiệp có thể liên hệ trực tiếp với Trung tâm",
              "Hỗ trợ người nộp thuế để được giải đáp vướng mắc.")


def test_qua_before_a_body_name_joins():
    text = ("Các xã, thị trấn gửi văn bản đề nghị về Ủy ban nhân dân huyện qua\n"
            "Phòng Nông nghiệp và Phát triển nông thôn trước ngày 20 tháng 6 hằng năm.\n")
    assert _paras(text) == [
        "Các xã, thị trấn gửi văn bản đề nghị về Ủy ban nhân dân huyện qua "
        "Phòng Nông nghiệp và Phát triển nông thôn trước ngày 20 tháng 6 hằng năm."
    ]


# --------------------------------------------------------------------------
# guards: what is not a name broken in two
# --------------------------------------------------------------------------


def test_heading_lines_do_not_join():
    # an article or numbered heading ending on a head word, then its text
    assert not _j("Điều 9. Trách nhiệm của Giám đốc Sở", "Giám đốc Sở chịu trách nhiệm toàn diện.")
    assert not _j("3. Quyền hạn và nhiệm vụ của Trưởng Ban", "Trưởng Ban phân công nhiệm vụ cho các thành viên.")
    assert not _j("III. NHIỆM VỤ CỦA CÁC SỞ", "Sở Công Thương chủ trì theo dõi thị trường.")
    # a short line in a wrapped text is a title, not a wrap
    assert not _j("Nhiệm vụ cụ thể của Ban", "Ban Quản lý dự án thực hiện các nội dung sau.", width=90)
    # the same line that fills the width runs on (rule of full lines)
    assert _j("Trong quá trình thực hiện, các đơn vị kịp thời phản ánh khó khăn về Ban",
              "Quản lý các khu công nghiệp để được hướng dẫn.", width=80)


def test_ended_sentence_signature_and_recipients_do_not_join():
    # a line that ends a sentence
    assert not _j("Mọi vướng mắc phát sinh được tổng hợp báo cáo Sở.", "Tài liệu kèm theo gồm hai phụ lục.")
    # a signature block: short lines, capitals, a person's name
    assert _paras("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC SỞ\nLê Thị Minh Hằng\n") == [
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC SỞ", "Lê Thị Minh Hằng"]
    assert not _j("Phó Giám đốc Sở", "Trần Quốc Bảo")
    # a recipients list
    text = "Nơi nhận:\n- Như Điều 3;\n- Sở Nội vụ;\n- Lưu: VT.\n"
    assert _paras(text) == ["Nơi nhận:", "- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT."]


def test_table_rows_and_capitalised_words_do_not_join():
    # a TAB-separated row is never run on
    assert not _j("1\tHướng dẫn, kiểm tra công tác thi đua của Sở", "Tháng 6\tPhòng Tổng hợp")
    # a head word in lower case is not a name ("sở, ban, ngành")
    assert not _j("Kết quả làm việc với các đơn vị được báo cáo thường xuyên cho các sở",
                  "Đoàn kiểm tra liên ngành sẽ tổng hợp chung.")
    # the next line in capitals is a title, not the end of a name
    assert not _j("Báo cáo được gửi định kỳ cho lãnh đạo các đơn vị thuộc Bộ", "PHẦN THỨ HAI")
    # 'qua' ending a clause before a sentence that does not open with a body's name
    assert not _j("Ghi nhận những kết quả tích cực đạt được trong thời gian qua",
                  "Tuy nhiên, một số chỉ tiêu vẫn chưa đạt kế hoạch đề ra.")
