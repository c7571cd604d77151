"""Layout of scanned pages (OCR words) and damaged text layers: rows,
columns and words built from word boxes, on synthetic boxes whose shapes
are those a scan gives (a seal or stamp over the text, a bar the OCR reads
from a rule, a tilted page). The sentences are invented."""

from __future__ import annotations

from parsers.pdf_layout import Word, group_rows, join_words

SIZE = 12.0
LINE = 16.0  # line pitch in points


def _line(text: str, top: float, x0: float = 72.0, *, height: float = 10.0, adv: float = 6.0) -> list[Word]:
    """Words of one printed line, each letter ``adv`` points wide, a space of 4."""
    out = []
    x = x0
    for t in text.split():
        out.append(Word(t, x, x + adv * len(t), top, top + height, SIZE, conf=0.95))
        x += adv * len(t) + 4.0
    return out


def _texts(words: list[Word]) -> list[str]:
    return [join_words(sorted(r.words, key=lambda w: w.x0)) for r in group_rows(words)]


def _page(*lines: str, top: float = 100.0) -> list[Word]:
    out: list[Word] = []
    for k, ln in enumerate(lines):
        out += _line(ln, top + k * LINE)
    return out


BODY = [
    "Các phòng chuyên môn rà soát hồ sơ tồn đọng",
    "và gửi báo cáo về bộ phận một cửa của huyện",
    "trong tuần đầu của mỗi tháng để theo dõi",
    "kết quả giải quyết thủ tục cho người dân.",
]


def test_a_seal_spanning_two_lines_does_not_merge_them():
    # a seal's strokes read as one tall "word" whose box covers lines 2 and 3
    words = _page(*BODY)
    words.append(Word("c7", 300.0, 318.0, 100 + LINE - 3, 100 + 2 * LINE + 9, SIZE, conf=0.2))
    rows = _texts(words)
    assert BODY[1] in rows[1] and BODY[2] in rows[2]
    assert len(rows) == 4
    assert sum("c7" in r for r in rows) == 1


def test_a_stamp_heading_over_two_lines_does_not_merge_them():
    # a received-stamp's heading in large letters over the margin, its boxes spanning lines 1 and 2
    words = _page(*BODY[:3])
    x = 10.0
    for t in ("TRUNG", "TÂM", "LƯU", "TRỮ"):
        words.append(Word(t, x, x + 4 * len(t), 100 - 2, 100 + LINE + 9, SIZE, conf=0.3))
        x += 4 * len(t) + 3
    rows = _texts(words)
    assert len(rows) == 3
    assert rows[1:] == BODY[1:3]
    assert rows[0].endswith(BODY[0])


def test_a_word_boxed_tall_by_a_mark_stays_on_its_line():
    # two words whose boxes an underline or a stroke stretches over the next line's top
    words = _page(*BODY[:3])
    for w in words:
        if w.text in ("gửi", "báo"):
            w.top -= 3.0
            w.bottom += 9.0
    rows = _texts(words)
    assert rows == BODY[:3]


def test_a_bar_read_from_a_rule_does_not_pull_the_next_line_up():
    # a vertical rule read as "|", as tall as one and a half lines, starting inside line 1
    words = _page(*BODY[:3])
    words.append(Word("|", 60.0, 61.0, 104.0, 104.0 + 1.5 * LINE, SIZE, conf=0.9))
    words.append(Word("-", 66.0, 69.0, 100 + LINE + 5, 100 + LINE + 6, SIZE, conf=0.9))
    rows = _texts(words)
    assert len([r for r in rows if "Các" in r]) == 1
    assert not any("Các" in r and "và" in r for r in rows)
    assert any(r.endswith(BODY[1]) for r in rows)


def test_a_large_title_on_a_text_layer_is_its_own_row():
    # a title set about twice the body height stays one row with its own words
    words = _line("THÔNG BÁO", 60.0, 200.0, height=22.0, adv=12.0) + _page(*BODY)
    rows = _texts(words)
    assert rows[0] == "THÔNG BÁO"
    assert rows[1:] == BODY



def test_a_word_stretched_by_accent_and_descender_does_not_pull_in_the_next_line():
    # a scan's box for a word with a hook above and a descender ("thưởng") is half as tall again as
    # its neighbours, and a capital with an accent on the line below ("Thể") reaches up towards it
    first = _line("đề nghị các đơn vị gửi khen thưởng sớm", 100.0, height=12.5)
    second = _line("Văn phòng Thể thao tổng hợp trình lãnh đạo", 116.5, height=12.5)
    for w in first:
        if w.text == "thưởng":
            w.bottom = w.top + 20.5
    for w in second:
        if w.text == "Thể":
            w.top, w.bottom = 114.0, 127.0
    assert _texts(first + second) == ["đề nghị các đơn vị gửi khen thưởng sớm",
                                      "Văn phòng Thể thao tổng hợp trình lãnh đạo"]



def test_a_dash_read_below_its_line_stays_with_the_line_the_ocr_read_it_in():
    # a list dash whose OCR box sits low, nearer the next line's top than its own line's foot
    first = _line("Lãnh đạo các phòng chuyên môn thuộc Sở", 100.0, x0=84.0)
    second = _line("Nội vụ;", 100.0 + LINE, x0=72.0)
    for w in first:
        w.line_id = 7
    for w in second:
        w.line_id = 8
    dash = Word("-", 74.0, 78.0, 113.8, 115.2, SIZE, conf=0.9, line_id=7)
    rows = _texts(first + second + [dash])
    assert rows == ["- Lãnh đạo các phòng chuyên môn thuộc Sở", "Nội vụ;"]


def test_a_speck_between_two_lines_opens_no_row_of_its_own_and_moves_no_line():
    # a dot at the foot of one line, just above the next: it must not take the next line's words
    first = _line("TRƯỜNG CAO ĐẲNG NGHỀ", 100.0, x0=90.0)
    second = _line("KỸ THUẬT CÔNG NGHIỆP", 113.0, x0=80.0)
    speck = Word(".", 82.0, 84.0, 109.6, 111.8, SIZE, conf=0.8)
    rows = _texts(first + second + [speck])
    assert rows[1] == "KỸ THUẬT CÔNG NGHIỆP"
    assert len(rows) == 2


def test_a_rule_of_underscores_under_a_title_stays_its_own_row():
    # on a text layer, the rule drawn with underscores under a heading, close below it
    title = _line("mời dự hội nghị tập huấn công tác văn thư", 100.0, height=14.0)
    rule = Word("__________________", 150.0, 270.0, 120.5, 134.0, 13.6)
    body = _line("Kính gửi các đơn vị trực thuộc", 150.0, height=14.0)
    rows = _texts(title + [rule] + body)
    assert rows == ["mời dự hội nghị tập huấn công tác văn thư", "__________________",
                    "Kính gửi các đơn vị trực thuộc"]


def _bent(text: str, top: float, line_id: int, slope: float, x0: float = 72.0) -> list[Word]:
    """A printed line whose words climb (slope < 0) or sink across the sheet."""
    ws = _line(text, top, x0)
    for w in ws:
        dy = slope * ((w.x0 + w.x1) / 2 - x0)
        w.top += dy
        w.bottom += dy
        w.line_id = line_id
    return ws


def test_lines_bent_by_a_curled_sheet_are_levelled_one_by_one():
    from parsers.ocr import level_lines
    # the top of a curled page: the first lines climb a line's height across the sheet, the rest lie flat
    slopes = [-0.05, -0.035, -0.02, 0.0, 0.0]
    texts = BODY + ["Trưởng các phòng chịu trách nhiệm về số liệu."]
    words: list[Word] = []
    for k, (t, s) in enumerate(zip(texts, slopes)):
        words += _bent(t, 100.0 + k * LINE, k, s)
    assert _texts([Word(**{f: getattr(w, f) for f in Word.__slots__}) for w in words]) != texts  # bent: rows mix
    assert _texts(level_lines(words)) == texts


def test_levelling_leaves_a_line_with_a_stray_word_alone():
    from parsers.ocr import level_lines
    # an OCR "line" holding a word of the line below (a stamp's text read into it) is no straight line
    words = _bent(BODY[0], 100.0, 0, 0.0)
    words[3].top += 14.0
    words[3].bottom += 14.0
    before = [(w.top, w.bottom) for w in words]
    level_lines(words)
    assert [(w.top, w.bottom) for w in words] == before
