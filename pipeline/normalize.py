"""Text normalisation shared by every parser.

``normalize_text`` is applied to every string a parser puts in the model:
Unicode NFC, stray control characters removed, non-breaking and other exotic
spaces made plain, soft hyphens and zero-width characters dropped.
Legacy Vietnamese encodings (TCVN3/ABC ".VnTime" and VNI) are detected and
converted by ``pipeline.legacy_encoding``.
"""

from __future__ import annotations

import unicodedata

import regex

from pipeline.textutil import RX_TIMEOUT

# C0/C1 controls except \t \n \r \f (form feed marks a page break in text extracted from PDFs)
_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_ODD_SPACES = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalize_text(text: str) -> str:
    """NFC, no stray controls, plain spaces. Keeps line breaks and form feeds."""
    if not text:
        return ""
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    t = _CONTROLS.sub("", t, timeout=RX_TIMEOUT)
    t = _ZERO_WIDTH.sub("", t, timeout=RX_TIMEOUT)
    t = _ODD_SPACES.sub(" ", t, timeout=RX_TIMEOUT)
    return unicodedata.normalize("NFC", t)
