"""The two-column header of a text-layer PDF, below its first rows (``parsers.pdf_layout``):
a subject wrapped onto lines under the number stays with it, and a subject line that shares
its line with the place and date is cut between the two columns. Invented headers, words placed
as a PDF gives them."""

from __future__ import annotations

from parsers.pdf_layout import Word, build_paragraphs, page_flows

SIZE = 13.0


def _w(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 0.5 * SIZE * len(text), top, top + SIZE, SIZE, False)


def _line(texts: list[str], x0: float, top: float, space: float = 3.5) -> list[Word]:
    out = []
    for t in texts:
        out.append(_w(t, x0, top))
        x0 = out[-1].x1 + space
    return out


def _paragraphs(words: list[Word]) -> list[str]:
    return [p.text for f in page_flows(words) for p in build_paragraphs(f)]


def _head(right_x0: float) -> list[Word]:
    return [
        _w("SỞ Y TẾ", 120, 50), _w("CỘNG HÒA XÃ HỘI", right_x0, 50),
        _w("BỆNH VIỆN A", 107, 65), _w("Độc lập", right_x0, 65),
        _w("Số: 5/BV", 117, 90), _w("---o0o---", right_x0, 90),
    ]


BODY = _line(["Kính", "gửi:", "các", "khoa,", "phòng", "và", "trung", "tâm", "trong", "toàn", "bệnh", "viện"], 60, 170)


def test_a_subject_centred_under_its_first_line_stays_in_the_left_column():
    words = _head(320) + [
        *_line(["V/v", "tăng", "cường", "công", "tác", "phòng"], 107, 105),  # ends at 295.5, left of the strip
        *_line(["chống", "dịch", "bệnh"], 154, 120),  # centred under the line above, not under the rows above it
    ] + BODY
    paras = _paragraphs(words)
    joined = " | ".join(paras)
    assert "chống dịch bệnh" in joined
    first_right = next(i for i, p in enumerate(paras) if p.startswith("CỘNG HÒA"))
    subject_end = next(i for i, p in enumerate(paras) if "chống dịch bệnh" in p)
    assert subject_end < first_right, paras  # read with the number and subject, before the right column
    assert paras[-1].startswith("Kính gửi")


def test_a_subject_line_beside_the_date_is_cut_between_the_columns():
    words = _head(263) + [
        # "V/v tăng cường công tác" then, 1.4 em further, "Huế, ngày …": closer than a segment gap
        *_line(["V/v", "tăng", "cường", "công", "tác"], 107, 105),
        *_line(["Hà", "Nội,", "ngày", "7/4/2024"], 263, 105),
        *_line(["phòng", "chống", "dịch"], 107, 120),
    ] + BODY
    paras = _paragraphs(words)
    assert not any("tác Hà" in p or "Nội, ngày 7/4/2024 phòng" in p for p in paras), paras
    assert any(p.endswith("Hà Nội, ngày 7/4/2024") or p == "Hà Nội, ngày 7/4/2024" for p in paras), paras
    assert any("V/v tăng cường công tác" in p and "phòng chống dịch" in p for p in paras), paras


def test_a_row_of_evenly_wide_spaces_is_not_cut():
    # a monospaced line: every space is as wide as the one across the strip, so it is no column gap
    words = _head(263) + [*_line(["Ghi", "chú", "kèm", "theo", "văn", "bản", "này", "đề", "nghị"], 107, 105, space=14.0)] + BODY
    paras = _paragraphs(words)
    assert any("Ghi chú kèm theo văn bản này đề nghị" in p for p in paras), paras


def _ragged_line(x0: float, x1: float, top: float, first: str) -> list[Word]:
    # words of 4 letters (26 pt) and one space (3.5 pt) from x0 to about x1, the first one given
    words = [_w(first, x0, top)]
    while words[-1].x1 + 3.5 + 26 <= x1:
        words.append(_w("việc", words[-1].x1 + 3.5, top))
    return words


def test_an_indented_first_line_with_a_ragged_end_is_no_centred_line():
    # left-aligned Word text exported to PDF: the first line indented 3 em and ending 1 em short of
    # the right margin has about as much room on each side as a centred line, and the line under it
    # starts at the margin with a short word that would fit in that room taken together
    lines = [*_ragged_line(111, 524, 300, "Theo"), *_ragged_line(72, 537, 316, "Đại"),
             *_ragged_line(72, 537, 332, "các"), *_ragged_line(72, 300, 348, "xong.")]
    paras = _paragraphs(lines)
    assert len(paras) == 1 and paras[0].startswith("Theo việc") and paras[0].endswith("việc"), paras
