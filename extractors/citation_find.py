"""Find step of the citation pipeline (eyecite-style: clean → find → resolve).

``find_citations(text)`` returns every document number written in ``text``
as a ``Found`` — where it stands, what was written, and its parts read as
what they mean:

* state administrative ``33/CT-TTg``, công văn ``2953/UBND-NC``;
* normative ``04/2015/NĐ-CP``, ``80/2015/QH13``;
* party ``324-QĐ/TU``, ``11-QĐi/TW``, joint ``1573-KH/BDVTW-BCSĐCP``,
  ``04-CTPH/BDVTU-BCSD UBND`` (a known issuer code written after a space);
* noise real documents carry: spaces around separators (``96 /KH-UBND``,
  ``799/KH- SYT``, ``331 - QĐ/TU``), a line or page break inside
  (``324-⏎QĐ/TU``), a footnote mark glued on (``1847/QĐ-TTg(3)``, ``…/TU1``),
  a missing hyphen between type and issuer codes (``3826/QĐUBND`` →
  ``QĐ-UBND``, ``03/CTUBND`` → ``CT-UBND``), a missing hyphen after a party
  number (``84 QĐ/TWĐTN``).

Patterns use bounded quantifiers over disjoint classes only, and every call
passes ``timeout=RX_TIMEOUT``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from core import regex_cached as regex

from core.domain import doc_type_by_code, doc_types, issuer_abbrevs
from core.syllables import is_valid_syllable
from core.textutil import RX_TIMEOUT, rx_timeout

# Symbol group: an upper-case letter then letters or '&' ("CT", "TTg", "QĐi", "BDVTU", "HĐND&UBND"),
# optionally a term number ("QH13", "UBTVQH14") or a glued footnote mark, split off later.
_GROUP = r"\p{Lu}[\p{L}&]{0,14}[0-9]{0,3}"
_WS = r"\s{0,6}"  # spaces, or a line break, around a separator
_DASH = r"[-‐‑–—]"
_NUM = r"(?P<num>[0-9]{1,5}[a-zđ]?)"  # "30c/NQ-CP": a lower-case letter suffix is part of the number

_CITATION_BODY = (
    _NUM
    + r"(?:"
    # state / normative: 33/CT-TTg, 04/2015/NĐ-CP, 80/2015/QH13
    # (an OCR's doubled or fraction slash "123/⁄2016/…", the slash after the year lost: "123/2016NĐ-CP")
    + r"(?:[ \t]{0,3}(?:/|/?[⁄∕])" + _WS + r"(?:(?P<year>(?:19|20)[0-9]{2})(?:[ \t]{0,2}[/⁄∕]" + _WS + r"|(?=\p{Lu})))?"
    # a hyphen for the first slash before a year: "19-2018/NQ-CP"
    + r"|[ \t]{0,2}" + _DASH + r"[ \t]{0,2}(?P<year>(?:19|20)[0-9]{2})[ \t]{0,2}/" + _WS + r")"
    + r"(?P<sym>" + _GROUP + r"(?:" + _WS + _DASH + _WS + _GROUP + r"){0,5})"
    + r"|"
    # party: 324-QĐ/TU, 49-KH/UBND-BDVTU (and "84 QĐ/TWĐTN", hyphen missing)
    + r"(?:[ \t]{0,3}" + _DASH + _WS + r"|[ \t]{1,2})(?P<ptype>" + _GROUP + r")[ \t]{0,3}/" + _WS
    + r"(?P<pbody>" + _GROUP + r"(?:" + _WS + _DASH + _WS + _GROUP + r"){0,5})"
    + r")"
    + r"(?![\p{L}0-9])"
)
_CITATION = regex.compile(r"(?<![\p{L}0-9/.,\-‐‑–—])" + _CITATION_BODY)
# the same number right after a glued "số" ("Quyết định số12/QĐ-UBND", a space lost in a text layer)
_CITATION_AT = regex.compile(_CITATION_BODY)
_GLUED_SO = regex.compile(r"(?<![\p{L}])(?:số|Số|SỐ)(?=[0-9])")
_SEP_SPLIT = regex.compile(r"\s*[-‐‑–—]\s*")
_TRAIL_DIGITS = regex.compile(r"^(?P<g>.*?\p{L})(?P<d>[0-9]{1,3})$")
# a known issuer code written after a space inside a joint symbol: "BCSD UBND"
_SPACED_TAIL = regex.compile(r"[ ](?P<g>\p{Lu}[\p{Lu}&]{1,9})(?![\p{L}0-9])")


_SLASH_BODY = regex.compile(r"[ \t]{0,3}/[ \t]{0,3}(?P<b>" + _GROUP + r"(?:" + _WS + _DASH + _WS + _GROUP + r"){0,3})(?![\p{L}0-9/])")


def _is_party_body(code: str) -> bool:
    a = issuer_abbrevs().get(code)
    return bool(a and a.kind.startswith("party"))


@dataclass(frozen=True, slots=True)
class Found:
    """One document number as found: ``start``/``end`` in the searched text,
    ``text`` as written; the parts read as meant (spaces removed, a missing
    hyphen restored, a glued footnote mark dropped)."""

    start: int
    end: int
    text: str
    number: str
    year: str | None
    symbol: str  # "CT-TTg", "QĐ/TU", "CTPH/BDVTU-BCSDUBND"
    type_code: str | None  # the type code the symbol carries, if any ("CT", "QĐ", "CTPH")
    issuer_codes: tuple[str, ...]  # ("TTg",), ("BDVTU", "BCSDUBND")
    family: str  # "state" | "normative" | "party"
    year_dash: bool = False  # the year joined to the number by a hyphen, as the Government writes some: "19-2018/NQ-CP"

    @property
    def id(self) -> str:
        if self.family == "party":
            return f"{self.number}-{self.symbol}"
        if self.year:
            return f"{self.number}{'-' if self.year_dash else '/'}{self.year}/{self.symbol}"
        return f"{self.number}/{self.symbol}"


@lru_cache(maxsize=1)
def _type_codes() -> tuple[str, ...]:
    """Type codes, longest first ("CTPH" before "CT")."""
    codes = {t.code for t in doc_types() if t.code}
    return tuple(sorted(codes, key=len, reverse=True))


@lru_cache(maxsize=1)
def _issuer_codes() -> frozenset[str]:
    return frozenset(issuer_abbrevs())


def is_type_code(code: str) -> bool:
    return code in _type_codes()


def is_issuer_code(code: str) -> bool:
    return code in _issuer_codes()


def _strip_mark(group: str, last: bool) -> tuple[str, int]:
    """Drop trailing digits that are not a term number (a glued footnote mark);
    returns the group and how many characters were dropped."""
    m = _TRAIL_DIGITS.match(group, timeout=rx_timeout(group))
    if not m:
        return group, 0
    g, d = m.group("g"), m.group("d")
    if g.endswith("QH"):
        return group, 0
    if g.startswith(("UB", "HĐDT")) and not is_issuer_code(g) and len(d) == 2 and 11 <= int(d) <= 16:
        # a committee of the National Assembly with its term ("BC-UBPL15", "UBKT14"): the term, no mark
        return group, 0
    if len(d) == 3 or (len(d) == 2 and d[0] == "0") or (len(g) <= 2 and not is_issuer_code(g)):
        # a unit's numbered code, not a mark: "BCĐ389", police and army units "PV01", "C04", "Đ3"
        return group, 0
    if not is_issuer_code(g) and any(g.endswith(c) and len(g) > len(c) >= 2 for c in ("NQ", "KL", "CT", "QĐ")):
        # a body named after the document it carries out: "BCĐTKNQ18" (Ban Chỉ đạo tổng kết Nghị quyết 18)
        return group, 0
    return (g, len(d)) if last else (group, 0)


def _split_glued(group: str) -> list[str]:
    """"QĐUBND" → ["QĐ", "UBND"] when a type code is glued to a known issuer code."""
    for code in _type_codes():
        rest = group[len(code):]
        if group.startswith(code) and is_issuer_code(rest) and (len(rest) >= 3 or _not_internal(rest)):
            return [code, rest]  # "QĐUBND"; a two-letter body only when it is no internal unit ("NQCP", not "QĐVP")
    return [group]


_VIET_CODE_LETTERS = frozenset("ĐđĂăÂâÊêÔôƠơƯưÁáÀàẢảÃãẠạÉéÈèẺẻẼẽẸẹÍíÌìỈỉĨĩỊịÓóÒòỎỏÕõỌọÚúÙùỦủŨũỤụÝýỲỳỶỷỸỹỴỵ"
                               "ẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẾếỀềỂểỄễỆệỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỨứỪừỬửỮữỰự")


def ocr_code(group: str) -> str:
    """A code group as the OCR misreads it: the Latin eth "Ð" for "Đ", and a
    doubled letter in a type code ("QĐÐ" → "QĐ")."""
    g = group.replace("Ð", "Đ")
    if not g.isascii():
        # a letter Vietnamese does not write ("TƒW" for "TW"), read off a stain
        g = "".join(ch for ch in g if ch.isascii() or ch in _VIET_CODE_LETTERS) or g
    # a doubled letter ("QĐÐ" read with a Latin eth, "QĐĐ"): an OCR's stutter when the code without it is known and
    # with it is not — any letter after an eth was replaced, only "Đ" otherwise ("KKT", "khu kinh tế", is a code)
    if not is_type_code(g) and not is_issuer_code(g):
        for k in range(1, len(g)):
            one = g[:k] + g[k + 1:]
            if g[k] == g[k - 1] and (g != group or g[k] == "Đ") and (is_type_code(one) or is_issuer_code(one)):
                return one
    if "D" in g and not is_type_code(g) and not is_issuer_code(g):
        d = g.replace("D", "Đ")  # "QD", "ND": a type code read without its stroke (an OCR, a keyboard without Đ)
        if is_type_code(d) and not is_issuer_code(d):
            return d
    return g


def _not_internal(code: str) -> bool:
    a = issuer_abbrevs().get(code)
    return bool(a and a.kind != "internal-unit")


# the slash lost by an OCR between the number and a type code: "Nghị quyết số 26NQ-TW"
_GLUED_NUMBER = regex.compile(
    r"(?<![\p{L}0-9/.,\-‐‑–—])(?P<num>[0-9]{1,5})(?P<t>\p{Lu}[\p{L}]{0,5})-(?P<b>\p{Lu}[\p{L}&]{0,14})(?![\p{L}0-9/])"
)


_ALL_DASHED = regex.compile(
    r"(?<![\p{L}0-9/.,\-‐‑–—])(?P<num>[0-9]{1,5})[ \t]{0,2}-[ \t]{0,2}(?P<t>\p{Lu}[\p{L}]{0,5})-(?P<b>\p{Lu}[\p{L}&]{1,14})"
    r"(?![\p{L}0-9/\-])")


def _kind_coded(text: str, pos: int, group: str) -> str | None:
    """ "Hợp đồng số 100/HĐKT": one code that opens with the code of the type named in words before the number
    (within the phrase: "Hợp đồng số 12/2023 và số 100/HĐKT") — the type and its kind ("HĐ" + "KT", economic)."""
    for k in range(len(group) - 1, 1, -1):
        dt = doc_type_by_code(group[:k])
        if dt is not None:
            from core.textutil import fold

            before = fold(text[max(0, pos - 60):pos])  # folding keeps the length: offsets agree
            at = before.rfind(fold(dt.name))
            if at >= 0 and not regex.search(r"[.;:]", before[at:], timeout=RX_TIMEOUT):
                return dt.code
            return None
    return None


def _type_named_before(text: str, pos: int, code: str) -> bool:
    """Whether the type that ``code`` stands for is named in words just before ``pos``."""
    from core.textutil import fold

    dt = doc_type_by_code(code)
    return bool(dt) and fold(dt.name) in fold(text[max(0, pos - 30):pos])


_CAPS_CODE = regex.compile(r"\p{Lu}{3,10}")


@lru_cache(maxsize=1)
def _paper_before_rx() -> regex.Pattern:
    names = sorted({t.name for t in doc_types() if t.name} | {"Văn bản"}, key=len, reverse=True)
    alt = "|".join(r"\s{1,3}".join(regex.escape(w) for w in n.split()) for n in names)
    return regex.compile(r"(?<![\p{L}])(?:" + alt + r")\s{1,3}số\s{0,2}:?\s{0,2}$", regex.IGNORECASE)


def _named_paper_before(text: str, pos: int) -> bool:
    """Whether a document type is named in words, then "số", right before ``pos`` ("Công văn số ", "tờ trình số: ")."""
    return bool(_paper_before_rx().search(text, max(0, pos - 40), pos, timeout=RX_TIMEOUT))


_SO_BEFORE_NUMBER = regex.compile(r"(?<![\p{L}])(?:số|Số|SỐ)\s{0,2}:?\s{0,2}$")
_SPLIT_NUMBER = regex.compile(r"(?<![\p{L}])(?:số|Số|SỐ)\s{1,2}(?P<d>[0-9]) $")


def find_citations(text: str) -> list[Found]:
    """Every document number in ``text``, left to right."""
    if not text:
        return []
    tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    out: list[Found] = []
    for m in _CITATION.finditer(text, timeout=tm, overlapped=False):
        f = _read(text, m)
        if f is not None:
            out.append(f)
    glued_so = [g.end() for g in _GLUED_SO.finditer(text, timeout=tm)]
    for pos in glued_so:
        m = _CITATION_AT.match(text, pos, timeout=tm)
        f = _read(text, m, _CITATION_AT) if m else None
        if f is not None:
            out.append(f)
    if glued_so:
        out.sort(key=lambda f: f.start)
    for k, f in enumerate(out):
        split = _SPLIT_NUMBER.search(text, max(0, f.start - 12), f.start, timeout=RX_TIMEOUT) if f.start else None
        if split is not None and len(split.group("d")) + len(f.number) <= 5 and f.number[:1].isdigit():
            # a scan's space inside the number after "số": "Nghị định số 1 17/2018/NĐ-CP" is 117/2018/NĐ-CP
            out[k] = replace(f, start=split.start("d"), text=text[split.start("d"):f.end],
                             number=split.group("d") + f.number)
    for g in _ALL_DASHED.finditer(text, timeout=tm) if "-" in text else ():
        # "Thông báo số 45-TB-BCĐ": a party-style number with a hyphen for the slash, the type named before it
        t, b = ocr_code(g.group("t")), g.group("b")
        if is_type_code(t) and not is_issuer_code(t) and _type_named_before(text, g.start(), t) \
                and not any(f.start < g.end() and g.start() < f.end for f in out):
            out.append(Found(g.start(), g.end(), g.group(0), g.group("num"), None, f"{t}-{b}", t, (b,), "party"))
            out.sort(key=lambda f: f.start)
    glued = [g for g in _GLUED_NUMBER.finditer(text, timeout=tm)
             if is_type_code(g.group("t")) and not is_issuer_code(g.group("t")) and is_issuer_code(g.group("b"))
             and _type_named_before(text, g.start(), g.group("t"))]
    if glued:
        for g in glued:
            if not any(f.start < g.end() and g.start() < f.end for f in out):
                t, b = g.group("t"), g.group("b")
                out.append(Found(g.start(), g.end(), g.group(0), g.group("num"), None, f"{t}-{b}", t, (b,), "state"))
        out.sort(key=lambda f: f.start)
    return out


_SPACED_SEP = regex.compile(r"\s{0,6}[-‐‑–—]\s{0,6}")
_CODE_LIKE = regex.compile(r"[\p{Lu}0-9&]{1,16}")


def _cut_spaced(text: str, start: int, end: int) -> int:
    """Where a symbol written in ``text[start:end]`` ends: a dash with a
    space beside it continues the symbol only with a code ("799/KH- SYT",
    "1573-KH/BDVTW - BCSĐCP"), never with a word ("01/2024/QĐ-UBND - Xã …")."""
    sym = text[start:end]
    for sep in _SPACED_SEP.finditer(sym, timeout=rx_timeout(sym)):
        if not any(ch.isspace() for ch in sep.group(0)):
            continue
        nxt = regex.match(r"[\p{L}0-9&]+", sym[sep.end():], timeout=RX_TIMEOUT)
        word = nxt.group(0) if nxt else ""
        if word and (_CODE_LIKE.fullmatch(word, timeout=rx_timeout(word)) or is_issuer_code(word)):
            continue
        return start + sep.start()
    return end


_GLUED_TAIL = regex.compile(r"(?P<g>\p{Lu}[\p{L}&]*?)(?P<w>\p{Ll}{2,7})$")
_LETTERS_AT_END = regex.compile(r"[\p{L}&]+$")


def _cut_glued_word(text: str, start: int, end: int) -> int:
    """Where a symbol ends when the next word is glued to it ("174/2008/QĐ-TTgngày",
    "33-CTr/TUngày", "12/UBNDtỉnh"): before a lower-case syllable that follows a
    known code (or a run of capitals)."""
    last = _LETTERS_AT_END.search(text[start:end], timeout=rx_timeout(text[start:end]))
    if not last or last.group(0).isupper():
        return end
    group = last.group(0)
    caps = len(regex.match(r"[\p{Lu}&]*", group, timeout=RX_TIMEOUT).group(0))
    for k in (caps, caps + 1):
        code, tail = group[:k], group[k:]
        if len(tail) < 2 or not tail.islower() or not is_valid_syllable(tail):
            continue
        if is_issuer_code(code) or is_type_code(code) or (k == caps and caps >= 2 and not is_issuer_code(group)):
            return end - len(tail)
    return end


def _read(text: str, m: regex.Match, rx: regex.Pattern = _CITATION) -> Found | None:
    num = m.group("num")
    end = m.end()
    glue = _cut_glued_word(text, m.start(), m.end())
    if glue < m.end():
        m = rx.match(text[:glue], m.start(), timeout=RX_TIMEOUT)
        if m is None:
            return None
        end = m.end()
    if m.group("sym") is not None and _cut_spaced(text, m.start("sym"), m.end("sym")) < m.end("sym"):
        cut = _cut_spaced(text, m.start("sym"), m.end("sym"))
        m = rx.match(text[:cut], m.start(), timeout=RX_TIMEOUT)
        if m is None or m.group("sym") is None:
            return None
        end = m.end()
    elif m.group("pbody") is not None and _cut_spaced(text, m.start("pbody"), m.end("pbody")) < m.end("pbody"):
        cut = _cut_spaced(text, m.start("pbody"), m.end("pbody"))
        m = rx.match(text[:cut], m.start(), timeout=RX_TIMEOUT)
        if m is None or m.group("pbody") is None:
            return None
        end = m.end()
    if m.group("sym") is not None:
        raw_groups = _SEP_SPLIT.split(m.group("sym").strip(), timeout=rx_timeout(m.group("sym").strip()))
        last, dropped = _strip_mark(raw_groups[-1], True)
        raw_groups[-1] = last
        end -= dropped
        raw_groups = [ocr_code(g) for g in raw_groups]
        groups: list[str] = []
        for i, g in enumerate(raw_groups):
            groups.extend(_split_glued(g) if i == 0 else [g])
        year = m.group("year")
        type_code = groups[0] if is_type_code(groups[0]) and len(groups) > 1 else None
        if year and type_code is None and m.start("sym") == m.end("year"):
            return None  # "12/2016Đ": a year glued to a symbol only with its type code ("123/2016NĐ-CP")
        if len(groups) == 1 and is_type_code(groups[0]) and not is_issuer_code(groups[0]):
            # a slash for the hyphen: "180/KH/UBND" (kept as written), "57/NQ/TW" (a party number: 57-NQ/TW);
            # a joint circular "28/2003/TTLT/BTC-BGD&ĐT"
            tail = _SLASH_BODY.match(text, end, timeout=rx_timeout(text))
            if tail and year is not None:
                body = _SEP_SPLIT.split(tail.group("b").strip(), timeout=RX_TIMEOUT)
                if all(is_issuer_code(b) or _CODE_LIKE.fullmatch(b, timeout=rx_timeout(b)) for b in body):
                    end = tail.end()
                    sym = f"{groups[0]}/" + "-".join(body)
                    return Found(m.start(), end, text[m.start():end], num, year, sym, groups[0], tuple(body), "normative")
            elif tail:
                body = _SEP_SPLIT.split(tail.group("b").strip(), timeout=RX_TIMEOUT)
                last, dropped = _strip_mark(body[-1], True)
                body[-1] = last
                end = tail.end() - dropped
                if all(is_issuer_code(b) for b in body):
                    fam = "party" if _is_party_body(body[0]) else "state"
                    sym = f"{groups[0]}/" + "-".join(body)
                    return Found(m.start(), end, text[m.start():end], num, None, sym, groups[0], tuple(body), fam)
        if year is None and len(groups) == 1 and not groups[0].startswith("QH"):
            # "12/KH" alone is not a document number (e.g. "7/TW" page refs); a QH number needs a year
            if not is_issuer_code(groups[0]):
                kind = _kind_coded(text, m.start(), groups[0])
                if kind is None and is_type_code(groups[0]) and _SO_BEFORE_NUMBER.search(
                        text, max(0, m.start() - 12), m.start(), timeout=RX_TIMEOUT) \
                        and _type_named_before(text, m.start(), groups[0]):
                    kind = groups[0]  # "công văn số 154/CV của Công ty …": a body numbering its papers by kind alone
                if kind is None and _named_paper_before(text, m.start()) and _CAPS_CODE.fullmatch(
                        groups[0], timeout=RX_TIMEOUT):
                    # "Công văn số 63/QBVMT", "Tờ trình số 12/BQLDA": a paper named in words, numbered by a body whose
                    # code the table does not know, without a type code
                    family = "state"
                    return Found(m.start(), end, text[m.start():end], num, None, groups[0], None, (groups[0],), family)
                if kind is None:
                    return None
                type_code = kind  # "Hợp đồng số 100/HĐKT": a contract
        if year is None and groups[0].startswith(("QH", "UBTVQH")) and len(groups) == 1:
            return None
        family = "normative" if year else "state"
        symbol = "-".join(groups)
        issuers = tuple(groups[1:] if type_code else groups)
    else:
        ptype = m.group("ptype")
        if not regex.match(r"[ \t]{0,3}[-‐‑–—]", text[m.end("num"):m.start("ptype")], timeout=RX_TIMEOUT):
            # hyphen missing after the number: only a known party type code makes it a number
            if doc_type_by_code(ptype, party=True) is None:
                return None
        body = _SEP_SPLIT.split(m.group("pbody").strip(), timeout=RX_TIMEOUT)
        last, dropped = _strip_mark(body[-1], True)
        body[-1] = last
        end -= dropped
        body = [ocr_code(b) for b in body]
        ptype = ocr_code(ptype)
        tail = _SPACED_TAIL.match(text, end, timeout=rx_timeout(text))
        if tail and is_issuer_code(tail.group("g")):
            body[-1] = body[-1] + tail.group("g")
            end = tail.end()
        year = None
        family = "party"
        type_code = ptype
        symbol = f"{ptype}/" + "-".join(body)
        issuers = tuple(body)
    year_dash = bool(year) and m.group("sym") is not None and bool(regex.match(
        r"[ \t]{0,2}" + _DASH, text[m.end("num"):m.start("sym")], timeout=RX_TIMEOUT))
    return Found(m.start(), end, text[m.start():end], num, year, symbol, type_code, issuers, family, year_dash)
