"""OCR specks (``parsers.ocr.read_tsv``): a lone character Tesseract is unsure of, that is no Latin
letter, digit or list mark, is dropped; everything else is read as Tesseract gives it. Invented
Tesseract TSV rows."""

from __future__ import annotations

from parsers.ocr import read_tsv

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(words: list[tuple[str, float]]) -> str:
    rows = [HEAD, "4\t1\t1\t1\t1\t0\t100\t400\t900\t40\t-1\t"]
    x = 100
    for i, (text, conf) in enumerate(words, 1):
        rows.append(f"5\t1\t1\t1\t1\t{i}\t{x}\t400\t{30 * len(text)}\t40\t{conf}\t{text}")
        x += 30 * len(text) + 15
    return "\n".join(rows) + "\n"


def test_a_doubtful_lone_mark_before_an_addressee_dash_is_dropped():
    words, _ = read_tsv(_tsv([("ỗ", 59.2), ("-", 92.4), ("Công", 96.5), ("đoàn", 96.7), ("_", 54.1), ("trường;", 95.0)]),
                        300 / 72)
    assert [w.text for w in words] == ["-", "Công", "đoàn", "trường;"]


def test_letters_digits_marks_and_sure_characters_stay():
    given = [("đợt", 96.0), ("I", 41.0), ("năm", 95.0), ("7", 30.0), ("+", 40.0), ("ở", 91.0), ("a", 20.0), ("§", 88.0)]
    words, _ = read_tsv(_tsv(given), 300 / 72)
    assert [w.text for w in words] == [t for t, _ in given]


def test_the_icelandic_eth_ocr_gives_is_read_as_d_with_stroke():
    words, _ = read_tsv(_tsv([("ÐẢNG", 93.0), ("Ðiều", 91.0), ("ðoàn", 90.0)]), 300 / 72)
    assert [w.text for w in words] == ["ĐẢNG", "Điều", "đoàn"]


def test_normalize_text_reads_eth_as_d_with_stroke():
    from core.normalize import normalize_text

    assert normalize_text("Công văn số 172/CÐN-TGNC của Ðảng ủy, ðề nghị") == "Công văn số 172/CĐN-TGNC của Đảng ủy, đề nghị"
