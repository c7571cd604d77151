"""Text normalisation shared by every parser.

``normalize_text`` is applied to every string a parser puts in the model:
Unicode NFC, stray control characters removed, non-breaking and other exotic
spaces made plain, soft hyphens and zero-width characters dropped, the
Icelandic "Ð"/"ð" (which OCR gives for the same glyph) read as "Đ"/"đ".
Legacy Vietnamese encodings (TCVN3/ABC ".VnTime" and VNI) are detected and
converted by ``core.legacy_encoding``.
"""

from __future__ import annotations

import unicodedata

from core import regex_cached as regex

from core.legacy_encoding import detect_encoding, to_unicode
from core.textutil import RX_TIMEOUT

# C0/C1 controls except \t \n \r \f (form feed marks a page break in text extracted from PDFs)
_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_ODD_SPACES = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# every character of the three classes above: a text with none of them skips the three calls
_TO_CLEAN = frozenset(map(chr, [
    *range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0),  # _CONTROLS
    0xAD, *range(0x200B, 0x200E), 0x2060, 0xFEFF,  # _ZERO_WIDTH
    0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000,  # _ODD_SPACES
]))


# the Icelandic eth, which OCR and Latin-1 mis-decodings give for the Vietnamese "Đ"/"đ" (same glyph)
_ETH_TO_D = {0xD0: 0x110, 0xF0: 0x111}


def normalize_text(text: str) -> str:
    """NFC, no stray controls, plain spaces, "Ð" read as "Đ". Keeps line
    breaks and form feeds."""
    if not text:
        return ""
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    if "Ð" in t or "ð" in t:
        t = t.translate(_ETH_TO_D)
    if not _TO_CLEAN.isdisjoint(t):
        t = _CONTROLS.sub("", t, timeout=RX_TIMEOUT)
        t = _ZERO_WIDTH.sub("", t, timeout=RX_TIMEOUT)
        t = _ODD_SPACES.sub(" ", t, timeout=RX_TIMEOUT)
    return unicodedata.normalize("NFC", t)


def normalize_document_text(text: str, encoding: str | None = None) -> tuple[str, str]:
    """A whole document's text (or one run of it) normalised, and the
    encoding it was typed in: legacy TCVN3/VNI font text is detected (unless
    ``encoding`` says which it is) and converted to Unicode before
    ``normalize_text`` — which would otherwise drop TCVN3's "ư" (the soft
    hyphen code) — then NFC. Returns ``(text, "unicode" | "tcvn3" | "vni")``.

    Detection needs words to judge: a parser of a format with many small
    runs detects on the whole text first and passes ``encoding`` per run."""
    if not text:
        return "", encoding or "unicode"
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    enc = encoding or detect_encoding(t)
    if enc != "unicode":
        t = to_unicode(t, enc)
    return normalize_text(t), enc
