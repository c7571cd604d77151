"""Text normalisation and legacy Vietnamese font encodings (TCVN3, VNI):
mapping tables checked letter by letter both ways, real phrases, detection
that stays quiet on real Unicode documents (the seeds and the text of the
real .docx files)."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from core.legacy_encoding import (
    TCVN3_TO_UNICODE,
    detect_encoding,
    from_unicode,
    legacy_font_encoding,
    to_unicode,
)
from core.normalize import normalize_document_text, normalize_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "tests" / "shared"

# the 67 small letters Vietnamese adds to ASCII, and their capitals (134 in all)
VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
SMALL = sorted({unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} - set("aeiouy") | {"đ"})
CAPITAL = [c.upper() for c in SMALL]


def test_letter_inventory():
    assert len(SMALL) == 67 and len(set(CAPITAL)) == 67


def test_normalize_text_unchanged_behaviour():
    assert normalize_text("a\r\nb\rc") == "a\nb\nc"
    assert normalize_text("x\u00a0y\u200bz\u00adw") == "x yzw"
    assert normalize_text("Vie\u0323\u0302t") == "Việt"
    assert normalize_text("trang\fhai") == "trang\fhai"
    assert normalize_text("") == ""


# --------------------------------------------------------------------------
# VNI: every letter, both cases
# --------------------------------------------------------------------------


@pytest.mark.parametrize("letter", SMALL + CAPITAL)
def test_vni_round_trip_every_letter(letter):
    coded = from_unicode(letter, "vni")
    assert coded != letter or letter in "íìÍÌ"  # í/ì are the same code points in VNI
    assert to_unicode(coded, "vni") == letter


def test_vni_known_spellings():
    assert from_unicode("Việt Nam", "vni") == "Vieät Nam"
    assert from_unicode("được", "vni") == "ñöôïc"
    assert from_unicode("Quyết định", "vni") == "Quyeát ñònh"
    assert to_unicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "vni") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc", "vni") == "Độc lập - Tự do - Hạnh phúc"


# --------------------------------------------------------------------------
# TCVN3: the small letters and the capitals it has codes for
# --------------------------------------------------------------------------

TCVN3_CAPITALS = {u for u in TCVN3_TO_UNICODE.values() if u.isupper()}


def test_tcvn3_table_shape():
    # 67 small letters, the 7 plain capitals and the 16 VN1 capitals above 0xA0
    smalls = {u for u in TCVN3_TO_UNICODE.values() if u.islower()}
    assert smalls == set(SMALL)
    assert len(TCVN3_CAPITALS) == 23
    assert {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"} <= TCVN3_CAPITALS
    assert all(len(k) == 1 and 0xA1 <= ord(k) <= 0xFF for k in TCVN3_TO_UNICODE)


@pytest.mark.parametrize("letter", SMALL + CAPITAL)
def test_tcvn3_round_trip_every_letter(letter):
    coded = from_unicode(letter, "tcvn3")
    assert all(ord(ch) < 0x100 for ch in coded)
    if letter.islower() or letter in TCVN3_CAPITALS:
        assert to_unicode(coded, "tcvn3") == letter
    else:
        # no code in VN3: typed as the small letter in a .VnTimeH font, which prints it as a capital
        assert to_unicode(coded, "tcvn3") == letter.lower()
        assert to_unicode(coded, "tcvn3", upper=True) == letter


def test_tcvn3_known_spellings():
    assert to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert to_unicode("§éc lËp - Tù do - H¹nh phóc", "tcvn3") == "Độc lập - Tự do - Hạnh phúc"
    assert to_unicode("Uû ban nh©n d©n tØnh", "tcvn3") == "Uỷ ban nhân dân tỉnh"
    assert to_unicode("®\u00ad\u00eec", "tcvn3") == "được"  # "ư" is the soft-hyphen code
    assert to_unicode("céng hßa x· héi", "tcvn3", upper=True) == "CỘNG HÒA XÃ HỘI"  # .VnTimeH


# --------------------------------------------------------------------------
# detection
# --------------------------------------------------------------------------

TEXT = ("Thực hiện Kế hoạch số 342/KH-SYT ngày 10/02/2023 của Sở Y tế tỉnh Kon Tum về tiếp tục tăng cường "
        "và đổi mới công tác dân vận; đề nghị các cơ quan, đơn vị báo cáo kết quả trước ngày 15/10/2020.")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detect_and_convert_phrases(encoding):
    coded = from_unicode(TEXT, encoding)
    assert detect_encoding(coded) == encoding
    text, enc = normalize_document_text(coded)
    assert (text, enc) == (TEXT, encoding)


def test_detect_short_legacy_strings():
    assert detect_encoding("Céng hßa x· héi chñ nghÜa ViÖt Nam") == "tcvn3"
    assert detect_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "vni"
    assert detect_encoding("§iÒu 3. HiÖu lùc thi hµnh") == "tcvn3"


@pytest.mark.parametrize("text", [
    TEXT,
    unicodedata.normalize("NFD", TEXT),
    "The committee met on 15 March 2024 to review the budget.",
    "Le café où nous étions à Paris était fermé; über die Straße, señor.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc",
    "Điểm: 2,5 ± 0,5 — 30°C; © 2024 “Dân vận khéo”",
    "",
])
def test_detection_stays_quiet_on_unicode(text):
    assert detect_encoding(text) == "unicode"


def test_detection_quiet_on_seeds_and_real_docx_text():
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    docx = sorted((SHARED / "corpus" / "real").glob("*.docx"))
    assert len(seeds) == 5 and docx
    for p in seeds:
        assert detect_encoding(p.read_text(encoding="utf-8")) == "unicode", p.name
    for p in docx:
        xml = zipfile.ZipFile(p).read("word/document.xml").decode("utf-8")
        text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
        assert detect_encoding(text) == "unicode", p.name


def test_normalize_document_text():
    assert normalize_document_text("Vie\u0323\u0302t Nam\r\n") == ("Việt Nam\n", "unicode")
    assert normalize_document_text("") == ("", "unicode")
    # a run whose encoding the caller already knows (from the whole document or the font)
    assert normalize_document_text("ViÖt", encoding="tcvn3") == ("Việt", "tcvn3")
    # TCVN3 "ư" survives although normalize_text drops soft hyphens
    coded = from_unicode("người được giao", "tcvn3")
    assert "\u00ad" in coded
    assert normalize_document_text(" ".join([coded] * 3))[0] == " ".join(["người được giao"] * 3)


def test_legacy_font_names():
    assert legacy_font_encoding(".VnTime") == ("tcvn3", False)
    assert legacy_font_encoding(".VnTimeH") == ("tcvn3", True)
    assert legacy_font_encoding(".VnArial NarrowH") == ("tcvn3", True)
    assert legacy_font_encoding("VNI-Times") == ("vni", False)
    assert legacy_font_encoding("Times New Roman") is None
    assert legacy_font_encoding(None) is None
