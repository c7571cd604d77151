"""``core.regex_cached`` answers exactly as the ``regex`` module does (the library calls regex
through it), keeps each string pattern compiled, and passes the timeout on."""

from __future__ import annotations

import pytest
import regex as real

from core import regex_cached as rc

TEXT = "Sở Y tế chủ trì, phối hợp với Sở Tài chính; báo cáo trước ngày 15/10/2025. SỞ Y TẾ"
CALLS = [
    ("match", (r"(?P<who>Sở \p{L}+ \p{L}+)", TEXT), {}),
    ("match", (r"sở y tế", TEXT, real.IGNORECASE), {}),
    ("fullmatch", (r".+", TEXT), {"flags": real.V1}),
    ("search", (r"(\d{1,2})/(\d{1,2})/(\d{4})", TEXT), {"pos": 10}),
    ("search", (r"sở y tế", TEXT), {"flags": real.IGNORECASE, "pos": 20}),
    ("sub", (r"\s*[,;]\s*", " | ", TEXT), {}),
    ("sub", (r"(?i)sở", lambda m: m.group(0).upper(), TEXT), {"count": 1}),
    ("subn", (r"Sở", "S.", TEXT), {}),
    ("split", (r"[,;.]\s*", TEXT), {"maxsplit": 2}),
    ("findall", (r"\b\p{Lu}\p{Ll}*\b", TEXT), {}),
    ("findall", (r"sở", TEXT, real.IGNORECASE), {"overlapped": True}),
]


@pytest.mark.parametrize(("name", "args", "kwargs"), CALLS)
def test_same_answers_as_regex(name, args, kwargs):
    mine = getattr(rc, name)(*args, timeout=1.0, **kwargs)
    theirs = getattr(real, name)(*args, timeout=1.0, **kwargs)
    if isinstance(theirs, real.Match):
        assert (mine.span(), mine.groups(), mine.groupdict()) == (theirs.span(), theirs.groups(), theirs.groupdict())
    else:
        assert mine == theirs


def test_iterators_and_passthrough():
    spans = [m.span() for m in rc.finditer(r"Sở \p{L}+", TEXT, timeout=1.0)]
    assert spans == [m.span() for m in real.finditer(r"Sở \p{L}+", TEXT, timeout=1.0)] and len(spans) == 2
    assert list(rc.splititer(r";", TEXT, timeout=1.0)) == real.split(r";", TEXT)
    compiled = real.compile(r"Sở (\p{L}+)")
    assert rc.search(compiled, TEXT, timeout=1.0).group(1) == "Y"  # a compiled pattern goes to regex itself
    # named lists go to regex itself (never cached: the list is part of the pattern)
    assert rc.search(r"\L<orgs>", TEXT, orgs=["Sở Tài chính"], timeout=1.0).group(0) == "Sở Tài chính"
    assert rc.compile is real.compile and rc.escape is real.escape and rc.IGNORECASE == real.IGNORECASE


def test_each_string_pattern_is_compiled_once():
    rc._compiled.cache_clear()
    for _ in range(50):
        rc.search(r"phối hợp với (\p{L}+)", TEXT, timeout=1.0)
        rc.search(r"phối hợp với (\p{L}+)", TEXT, real.IGNORECASE, timeout=1.0)
    info = rc._compiled.cache_info()
    assert (info.misses, info.hits) == (2, 98)  # one per (pattern, flags)


def test_the_timeout_is_passed_on():
    with pytest.raises(TimeoutError):
        rc.search(r"(?:a|aa|aaa)+(?:b|ab)+c", "a" * 5000 + "ab" * 2000, timeout=0.001)
