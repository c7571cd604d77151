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

