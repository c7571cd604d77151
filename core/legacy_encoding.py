"""Legacy Vietnamese 8-bit font encodings → Unicode.

Before Unicode, Vietnamese documents were typed with 8-bit fonts:

* **TCVN3** (ABC, TCVN 5712:1993 "VN3"; fonts ``.VnTime``, ``.VnArial`` …):
  one byte per accented letter ("ViÖt Nam", "Céng hßa x· héi"). VN3 has the
  lower-case letters and the seven plain upper-case ones (Ă Â Ê Ô Ơ Ư Đ);
  upper-case accented letters were typed with the ``.VnTimeH`` family, whose
  glyphs draw the lower-case codes as capitals — so text in an ``…H`` font is
  converted and then upper-cased (``to_unicode(..., upper=True)``). The
  sixteen capitals TCVN 5712 VN1 places in 0xA0–0xFF are mapped too; the VN1
  capitals in 0x80–0x9F and the C0 range are not, because in 8-bit text those
  bytes are the Windows-1252 quotes and dashes writers typed.
* **VNI** (``VNI-Times`` …): a base letter followed by a byte for the mark
  ("Vieät Nam", "Coäng hoøa xaõ hoäi").

Opened in a Unicode font (a .docx run, or an 8-bit file read as Windows-1252)
both look like Latin-1 mojibake. ``detect_encoding`` tells which one a text
is — by how many words become Vietnamese syllables once converted, against
how many already are — and ``to_unicode`` converts. ``from_unicode`` does the
reverse (for tests and round trips). Ordinary Unicode Vietnamese or English
is left alone.
"""

from __future__ import annotations

from collections import Counter
import unicodedata
from functools import lru_cache
from typing import Literal

from core import regex_cached as regex

from core.syllables import is_valid_syllable  # the one Vietnamese syllable grammar
from core.textutil import RX_TIMEOUT

Encoding = Literal["unicode", "tcvn3", "vni"]

# --------------------------------------------------------------------------
# TCVN3: byte (as the Windows-1252 / Latin-1 character it shows as) -> letter
# --------------------------------------------------------------------------

_TCVN3_BYTES: dict[int, str] = {
    # plain capitals and small letters with a base mark
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # VN1 combining tone marks
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
    # a
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    # ă
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    # â
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    # e
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    # ê
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    # i
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    # o
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    # ô
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    # ơ
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    # u
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    # ư
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    # y
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    # the VN1 capitals that sit in 0xA0-0xFF
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}
TCVN3_TO_UNICODE: dict[str, str] = {chr(b): u for b, u in _TCVN3_BYTES.items()}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# --------------------------------------------------------------------------
# VNI: base letter + mark byte -> letter
# --------------------------------------------------------------------------

# capitals; small letters are the same strings lower-cased
_VNI_UPPER: dict[str, str] = {
    "AÙ": "Á", "AØ": "À", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
    "AÂ": "Â", "AÁ": "Ấ", "AÀ": "Ầ", "AÅ": "Ẩ", "AÃ": "Ẫ", "AÄ": "Ậ",
    "AÊ": "Ă", "AÉ": "Ắ", "AÈ": "Ằ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ",
    "EÙ": "É", "EØ": "È", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ",
    "EÂ": "Ê", "EÁ": "Ế", "EÀ": "Ề", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ",
    "OÙ": "Ó", "OØ": "Ò", "OÛ": "Ỏ", "OÕ": "Õ", "OÏ": "Ọ",
    "OÂ": "Ô", "OÁ": "Ố", "OÀ": "Ồ", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ",
    "Ô": "Ơ", "ÔÙ": "Ớ", "ÔØ": "Ờ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ",
    "UÙ": "Ú", "UØ": "Ù", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
    "Ö": "Ư", "ÖÙ": "Ứ", "ÖØ": "Ừ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự",
    "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    "YÙ": "Ý", "YØ": "Ỳ", "YÛ": "Ỷ", "YÕ": "Ỹ", "Î": "Ỵ",
    "Ñ": "Đ",
}
VNI_TO_UNICODE: dict[str, str] = {}
for _k, _v in _VNI_UPPER.items():
    VNI_TO_UNICODE[_k] = _v
    VNI_TO_UNICODE[_k.lower()] = _v.lower()
# mixed case as typed in titles with a capital base and a small mark ("Vieät" is all small; "VIEÄT" all capital)
for _k, _v in _VNI_UPPER.items():
    if len(_k) == 2:
        VNI_TO_UNICODE.setdefault(_k[0] + _k[1].lower(), _v)
_VNI_RX = regex.compile("|".join(regex.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))

# --------------------------------------------------------------------------
# converting
# --------------------------------------------------------------------------


def to_unicode(text: str, encoding: str, *, upper: bool = False) -> str:
    """``text`` as typed in a legacy font, in Unicode (NFC).

    ``upper`` is for text in an upper-case-only TCVN3 font (``.VnTimeH``,
    ``.VnArialH`` …), whose lower-case codes print as capitals."""
    if encoding == "tcvn3":
        out = text.translate(_TCVN3_TABLE)
    elif encoding == "vni":
        out = _VNI_RX.sub(lambda m: VNI_TO_UNICODE[m.group()], text, timeout=RX_TIMEOUT)
    elif encoding == "unicode":
        out = text
    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    if upper:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


@lru_cache(maxsize=4)
def _encoder(encoding: str) -> dict[str, str]:
    if encoding == "tcvn3":
        enc = {u: k for k, u in TCVN3_TO_UNICODE.items() if len(u) == 1 and not unicodedata.combining(u)}
        # capitals VN3 has no code for: the small letter's code (what a .VnTimeH font prints as a capital)
        for k, u in list(TCVN3_TO_UNICODE.items()):
            if u.islower() and u.upper() not in enc:
                enc[u.upper()] = k
        return enc
    if encoding == "vni":
        enc = {}
        for k, u in _VNI_UPPER.items():
            enc[u] = k
            enc[u.lower()] = k.lower()
        return enc
    raise ValueError(f"unknown encoding {encoding!r}")


def from_unicode(text: str, encoding: str) -> str:
    """Unicode Vietnamese as a legacy font encodes it (the characters a
    Unicode font shows for those bytes). Capitals TCVN3 (VN3) has no code for
    come out as the small letter's code, as typed for a ``.VnTimeH`` font."""
    if encoding == "unicode":
        return text
    table = _encoder(encoding)
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def legacy_font_encoding(font_name: str | None) -> tuple[Encoding, bool] | None:
    """The legacy encoding a font name implies, and whether it is an
    upper-case-only font: ``.VnTime`` → ("tcvn3", False), ``.VnTimeH`` →
    ("tcvn3", True), ``VNI-Times`` → ("vni", False); None for other fonts."""
    if not font_name:
        return None
    name = font_name.strip()
    if name.startswith(".Vn") or name.startswith("Vn") and name[2:3].isupper() and " " not in name:
        return "tcvn3", name.endswith("H")
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return "vni", False
    return None


# --------------------------------------------------------------------------
# detection
# --------------------------------------------------------------------------

_HIGH = regex.compile(r"[\u00a0-\u00ff]")
_EDGE_PUNCT = "\"'“”‘’()[]{}<>,.;:!?…-–—/"
# characters only TCVN3 text is made of: Latin-1 symbols that are letters there
_TCVN3_SYMBOLS = frozenset("¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿")
SAMPLE_CHARS = 200_000


def _syllable_ok(word: str) -> bool:
    return is_valid_syllable(word)


def _is_high(ch: str) -> bool:
    return "\u00a0" <= ch <= "\u00ff"  # the class of ``_HIGH``


def _judged(tok: str) -> str | None:
    """The word ``_words`` keeps for the token, or None."""
    tok = tok.strip(_EDGE_PUNCT)
    if tok and any(_is_high(ch) for ch in tok) and not any(ch.isdigit() for ch in tok):
        return tok
    return None


def _words(text: str) -> list[str]:
    out = []
    for tok in text.split():
        w = _judged(tok)
        if w is not None:
            out.append(w)
    return out


def _word_counts(text: str) -> Counter[str]:
    """``Counter(_words(text))``, each distinct token judged once."""
    out: Counter[str] = Counter()
    for tok, k in Counter(text.split()).items():
        w = _judged(tok)
        if w is not None:
            out[w] += k
    return out


def encoding_scores(text: str) -> dict[str, int]:
    """How many of the words with Latin-1 characters read as Vietnamese
    syllables as they stand and after each conversion (``"words"`` is how
    many were judged)."""
    counts = _word_counts(text[:SAMPLE_CHARS])  # a document repeats its words: judge each once
    scores = {"words": sum(counts.values()), "unicode": 0, "tcvn3": 0, "vni": 0}
    for w, k in counts.items():
        if _syllable_ok(w):
            scores["unicode"] += k
        if _syllable_ok(to_unicode(w, "tcvn3")):
            scores["tcvn3"] += k
        if _syllable_ok(to_unicode(w, "vni")):
            scores["vni"] += k
    return scores


def detect_encoding(text: str) -> Encoding:
    """"tcvn3" or "vni" when the text reads as Vietnamese only once
    converted, else "unicode".

    Words carrying Latin-1 characters are judged: a conversion is chosen when
    at least half of them become valid syllables and it gains at least
    three words (or a third of them) over the text as it stands. A short
    text (a title, a table cell) counts when every judged word converts and
    none was a syllable before, with TCVN3's tell-tale symbols ("§", "¸", "·")
    for TCVN3."""
    if not text or _HIGH.search(text[:SAMPLE_CHARS], timeout=RX_TIMEOUT) is None:
        return "unicode"
    s = encoding_scores(text)
    n = s["words"]
    if n == 0:
        return "unicode"
    best: Encoding = "tcvn3" if s["tcvn3"] >= s["vni"] else "vni"
    gain = s[best] - s["unicode"]
    if s[best] * 2 >= n and gain >= max(3, n / 3):
        return best
    if s[best] == n and s["unicode"] == 0 and n >= 1:
        if best == "tcvn3" and any(ch in _TCVN3_SYMBOLS for ch in text[:SAMPLE_CHARS]):
            return "tcvn3"
        if best == "vni" and n >= 2:
            return "vni"
    return "unicode"
