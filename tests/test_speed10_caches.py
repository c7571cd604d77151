"""The text helpers answer a repeated question from memory, with the same
answer (``core.textutil``: long folds and short squashes are cached; the
extractors' short-text gate on more call sites leaves every result alone)."""

from __future__ import annotations

from core import textutil
from core.textutil import fold, squash_spaces


def _long(seed: str) -> str:
    return (f"Sở Khoa học – Công nghệ tỉnh Phú Thọ {seed} chủ trì,  phối hợp với Phòng Kinh tế xã Đông Xuyên "
            "rà soát hồ sơ đề tài trước ngày 14 tháng 11 năm 2031; ") * 6


def test_a_long_text_is_folded_once(monkeypatch):
    text = _long("Ⅻ")
    assert len(text) > textutil._FOLD_CACHE_KEY_MAX
    calls = []
    real = textutil._fold
    monkeypatch.setattr(textutil, "_fold", lambda t: calls.append(t) or real(t))
    first = fold(text)
    again = fold("" + text)
    assert first == again == real(text)
    assert len(calls) == 1
    assert "chu tri, phoi hop" in first and "khoa hoc-cong nghe" in first


def test_the_long_fold_cache_is_bounded_by_characters(monkeypatch):
    monkeypatch.setattr(textutil, "_FOLD_LONG_CHARS_MAX", 3 * len(_long("0")) + 10)
    monkeypatch.setattr(textutil, "_FOLD_LONG", {})
    monkeypatch.setattr(textutil, "_fold_long_chars", 0)
    for i in range(10):
        assert fold(_long(str(i))) == textutil._fold(_long(str(i)))
        assert sum(map(len, textutil._FOLD_LONG)) <= textutil._FOLD_LONG_CHARS_MAX
    assert 1 <= len(textutil._FOLD_LONG) <= 3


def test_a_short_text_is_squashed_once(monkeypatch):
    calls = []
    real = textutil._squash_spaces
    monkeypatch.setattr(textutil, "_squash_spaces", lambda t: calls.append(t) or real(t))
    s = "  Ban   Quản lý\tdự án\n huyện Tam Nông  "
    assert squash_spaces(s) == squash_spaces(s) == "Ban Quản lý dự án huyện Tam Nông"
    assert len(calls) == 1
    long = " x  " * 200
    assert squash_spaces(long) == squash_spaces(long) == " ".join(["x"] * 200)
    assert len(calls) == 3  # a long text is squashed afresh (not kept)


def test_strip_diacritics_by_whole_string_passes_gives_the_per_character_answer():
    import random
    import unicodedata

    from core.textutil import _strip_diacritics, _strip_vietnamese, strip_diacritics

    s = "Trường Đại học Hải Phòng “giao” phòng Quản trị – Thiết bị rà soát hồ sơ…"
    assert _strip_vietnamese(s) == "Truong Dai hoc Hai Phong “giao” phong Quan tri – Thiet bi ra soat ho so…"
    assert _strip_vietnamese("Ωmega ồ") is None  # a Greek letter: the general path answers
    assert strip_diacritics("Ωmega ồ") == "Ωmega o"
    for cp in range(0x80, 0x2100):
        c = chr(cp)
        for t in (c, "a" + c, c + "\u0301", "đ" + c + "ê", "Ư" + c + "\u0323"):
            assert strip_diacritics(t) == _strip_diacritics(t), hex(cp)
    rng = random.Random(2031)
    pool = [chr(c) for c in range(0x20, 0x2100)] + list("ăâđêôơưĂÂĐÊÔƠƯáàảãạếềểễệ") * 20 + ["\u0301", "\u0323"] * 10
    for _ in range(3000):
        t = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        for form in ("NFC", "NFD"):
            x = unicodedata.normalize(form, t)
            assert strip_diacritics(x) == _strip_diacritics(x), repr(x)
