"""The fast paths of ``core.textutil`` (no regex call, a cache) give exactly
what the regex definitions give, on every kind of white space and dash, on
Vietnamese text and on random strings."""

from __future__ import annotations

import random
import unicodedata

import regex

from core import textutil
from core.textutil import RX_TIMEOUT, fold, squash_spaces, strip_diacritics

_DASHES = regex.compile(r"\s*[-‐‑‒–—―]\s*")
_SPACES = regex.compile(r"\s+")


def ref_strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    base = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", base.replace("đ", "d").replace("Đ", "D"))


def ref_fold(text: str) -> str:
    t = ref_strip_diacritics(text).casefold()
    t = _DASHES.sub("-", t, timeout=RX_TIMEOUT)
    return _SPACES.sub(" ", t, timeout=RX_TIMEOUT).strip()


def ref_squash(text: str) -> str:
    return _SPACES.sub(" ", text, timeout=RX_TIMEOUT).strip()


SPACES = [c for c in map(chr, range(0x3001)) if c.isspace()] + ["\u3000", "\u200b", "\ufeff"]
ALPHABET = (SPACES + list("-‐‑‒–—―") * 3 + list("abcdDđĐ ÀÁẢÃẠàáảãạăằắẳẵặâầấẩẫậêềếểễệôồốổỗộơờớởỡợưừứửữự")
            + ["a\u0301", "e\u0323\u0302", "\u0300", "\u0323", "ﬁ", "ß", "İ", "Σ", "1", "/", ".", "\x00"])


def _random_strings(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


def test_same_as_regex_definitions_on_random_strings():
    for s in _random_strings(20_000, 12):
        assert squash_spaces(s) == ref_squash(s), repr(s)
        assert strip_diacritics(s) == ref_strip_diacritics(s), repr(s)
        assert fold(s) == ref_fold(s), repr(s)
        assert fold(s) == ref_fold(s), repr(s)  # second call: from the cache


def test_each_space_and_dash_alone_and_around_words():
    for sp in SPACES:
        for d in "-‐‑‒–—―":
            for s in (sp, d, f"{sp}a{sp}", f"a{sp}{d}{sp}b", f"a{d}{sp}{sp}{d}b", f"{sp}{d}a{d}{sp}",
                      f"x{sp}{sp}-{sp}y{sp}{sp}", f"Phòng TC{sp}{d}{sp}HC"):
                assert squash_spaces(s) == ref_squash(s), repr(s)
                assert fold(s) == ref_fold(s), repr(s)


def test_vietnamese_examples():
    assert fold("Phòng TC-HC") == fold("phong tc - hc") == "phong tc-hc"
    assert fold("  ĐỘI   Quản lý  thị trường ") == "doi quan ly thi truong"
    assert strip_diacritics("Nghị định") == "Nghi dinh"
    assert squash_spaces("  Ủy ban \t nhân\n dân ") == "Ủy ban nhân dân"


def test_long_texts_bypass_the_cache():
    s = "Sở Nội vụ – " * 100
    assert len(s) > textutil._FOLD_CACHE_KEY_MAX
    before = len(textutil._FOLD_CACHE)
    assert fold(s) == ref_fold(s)
    assert s not in textutil._FOLD_CACHE and len(textutil._FOLD_CACHE) <= before


def test_normalize_text_skip_set_is_exactly_the_three_classes():
    import sys

    from core import normalize as nz

    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        in_classes = any(rx.match(ch) for rx in (nz._CONTROLS, nz._ZERO_WIDTH, nz._ODD_SPACES))
        assert (ch in nz._TO_CLEAN) == in_classes, hex(cp)


def test_normalize_text_same_with_and_without_the_skip():
    from core import normalize as nz

    def ref(text: str) -> str:
        if not text:
            return ""
        t = text.replace("\r\n", "\n").replace("\r", "\n")
        t = nz._CONTROLS.sub("", t, timeout=RX_TIMEOUT)
        t = nz._ZERO_WIDTH.sub("", t, timeout=RX_TIMEOUT)
        t = nz._ODD_SPACES.sub(" ", t, timeout=RX_TIMEOUT)
        return unicodedata.normalize("NFC", t)

    for s in _random_strings(5_000, 7) + ["a\r\nb\rc\x0cd\x0be\u00adf\u200bg\xa0h", "Nghị định\u3000số\ufeff"]:
        assert nz.normalize_text(s) == ref(s), repr(s)
