"""How people name a unit: its abbreviations ("Phòng TC-HC", "P.TCHC") and whether a query names
it, ignoring case, diacritics and punctuation (pure; used by the query and by the alias file)."""

from __future__ import annotations

from core import regex_cached as regex

from core.textutil import RX_TIMEOUT, fold
from extractors.units import INTERNAL_ABBREVS

_WORD = regex.compile(r"[^\W_]+")


_NON_WORD = regex.compile(r"[\W_]+")


def squeeze(text: str) -> str:
    """Letters and digits only: "p.tc-hc" → "ptchc"."""
    return _NON_WORD.sub("", text, timeout=RX_TIMEOUT)


def _segments(name: str) -> list[list[str]]:
    """The folded words of each dash-separated part of a unit name:
    "Phòng Tổ chức - Hành chính" → [["phong", "to", "chuc"], ["hanh", "chinh"]]."""
    words = [_WORD.findall(p, timeout=RX_TIMEOUT) for p in fold(name).split("-")]
    return [w for w in words if w]


def abbreviations(name: str) -> set[str]:
    """Abbreviations people write for a unit name, folded and squeezed:
    "Phòng Tổ chức - Hành chính" → {"phongtchc", "ptchc", "tchc"}
    ("Phòng TC-HC", "P.TCHC", "TC-HC"); "và" may be left out ("Sở Kế hoạch và Đầu tư"
    → "skhdt" as in "Sở KH&ĐT", and "skhvdt").  A merged unit also answers to the
    abbreviations of its leading parts ("Phòng Tổ chức - Hành chính - Tài
    chính - Kế toán" to "Phòng TCHC" as well as to "Phòng TCHC-TCKT")."""
    segs = _segments(name)
    out: set[str] = set()
    if not segs:
        return out
    for k in range(2 if len(segs) > 2 else len(segs), len(segs) + 1):
        words = segs[:k]
        head, rest = words[0][0], [words[0][1:]] + words[1:]
        # "và" is written "&" or left out ("Sở KH&ĐT", "Phòng KT-ĐBCL"), or kept as its letter
        for keep_and in (True, False):
            initials = "".join(w[0] for ws in rest for w in ws if keep_and or w != "va")
            if len(initials) >= 2:
                out.update({initials, head + initials, head[0] + initials})
    return out


# a written abbreviation's folded letters → the folded words it stands for ("ubnd" → "uy ban nhan dan")
_EXPANSIONS: dict[str, str] = {squeeze(fold(k)): fold(v) for k, v in INTERNAL_ABBREVS.items()}


def expanded(query: str) -> str:
    """The query with every word that is a unit abbreviation written out, folded:
    "UBND các tỉnh" → "uy ban nhan dan cac tinh", "vp hđnd" → "van phong hoi dong nhan dan".
    Words that are no abbreviation stay as they are; a query without any comes back folded."""
    words = regex.split(r"(\s+)", fold(query), timeout=RX_TIMEOUT)
    return "".join(_EXPANSIONS.get(squeeze(w), w) if w.strip() else w for w in words)


def name_rank(query: str, name: str) -> int | None:
    """How ``query`` names the unit ``name``, ignoring case, diacritics and
    punctuation: 0 = the same words; 1 = the words of its leading dash-parts
    (a merged unit: "phòng tổ chức hành chính" names "Phòng Tổ chức - Hành
    chính - Tài chính - Kế toán"); None = neither."""
    q = _WORD.findall(fold(query), timeout=RX_TIMEOUT)
    if not q:
        return None
    acc: list[str] = []
    segs = _segments(name)
    for i, seg in enumerate(segs):
        acc.extend(seg)
        if acc == q:
            return 0 if i == len(segs) - 1 else 1
        if len(acc) >= len(q):
            return None
    return None
