"""Domain tables: document types and issuer abbreviations.

Loaded once from ``core/data/doc_types.csv`` and
``core/data/issuer_abbrevs.csv`` (copies of ``shared/domain``, sourced from
Nghị định 30/2020/NĐ-CP Phụ lục III, Luật Ban hành VBQPPL and the party's
Hướng dẫn 36-HD/VPTW).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from core import regex_cached as regex

from core.textutil import RX_TIMEOUT, fold

_PAREN = regex.compile(r"\s*\(.*?\)\s*")


@dataclass(frozen=True, slots=True)
class DocType:
    name: str  # "Kế hoạch"
    code: str | None  # "KH"
    family: str  # "state" | "normative" | "party"


@dataclass(frozen=True, slots=True)
class IssuerAbbrev:
    abbrev: str
    expansion: str  # without the editorial parenthesis
    kind: str


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("core").joinpath("data", name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def doc_types() -> tuple[DocType, ...]:
    out = []
    for r in _rows("doc_types.csv"):
        name = _PAREN.sub(" ", r["name_vi"], timeout=RX_TIMEOUT).strip()
        out.append(DocType(name=name, code=(r["abbrev"] or None), family=r["family"]))
    return tuple(out)


@lru_cache(maxsize=1)
def _issuers() -> dict[str, IssuerAbbrev]:
    out: dict[str, IssuerAbbrev] = {}
    for r in _rows("issuer_abbrevs.csv"):
        exp = _PAREN.sub(" ", r["expansion"], timeout=RX_TIMEOUT).strip()
        out.setdefault(r["abbrev"], IssuerAbbrev(r["abbrev"], exp, r["kind"]))
    return out


def issuer_abbrevs() -> dict[str, IssuerAbbrev]:
    """abbreviation as written in the table → its expansion."""
    return dict(_issuers())


_FAMILY_ORDER = {"state": 0, "normative": 1, "party": 2}


@lru_cache(maxsize=1024)  # pure over the fixed tables; a document asks for the same few codes again and again
def doc_type_by_code(code: str, *, party: bool | None = None) -> DocType | None:
    """The type a symbol's type code stands for ("KH" → Kế hoạch). Exact case
    first (TT ≠ TTr), then case-insensitive. ``party`` prefers the party table
    (codes differ: QĐi, CTr…); otherwise state types come first."""
    if not code:
        return None
    cands = [t for t in doc_types() if t.code == code]
    if not cands:
        f = fold(code)
        cands = [t for t in doc_types() if t.code and fold(t.code) == f]
    if not cands:
        return None
    pref = {"party": 0, "state": 1, "normative": 2} if party else _FAMILY_ORDER
    return sorted(cands, key=lambda t: pref.get(t.family, 9))[0]


@lru_cache(maxsize=1024)
def doc_type_by_name(name: str) -> DocType | None:
    """The type named ("KẾ HOẠCH", "Nghị định", "nghi quyet") → DocType."""
    if not name:
        return None
    f = fold(name)
    cands = [t for t in doc_types() if fold(t.name) == f]
    if not cands:
        return None
    with_code = [t for t in cands if t.code] or cands
    return sorted(with_code, key=lambda t: _FAMILY_ORDER.get(t.family, 9))[0]


@lru_cache(maxsize=1)
def doc_type_names() -> tuple[str, ...]:
    """Every distinct type name, longest first (for building alternations)."""
    return tuple(sorted({t.name for t in doc_types()}, key=len, reverse=True))


def issuer_by_code(code: str) -> str | None:
    """Expansion of an issuer abbreviation ("SYT" → "Sở Y tế"), or None."""
    if not code:
        return None
    table = _issuers()
    if code in table:
        return table[code].expansion
    f = fold(code)
    for k, v in table.items():
        if fold(k) == f:
            return v.expansion
    return None
