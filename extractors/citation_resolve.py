"""Resolve step of the citation pipeline: what the words around a found
number say about the cited document.

Given the text a number was found in (``extractors.citation_find.Found``),
``resolve(text, found, prev)`` reads

* the **type** from the words just before the number ("Chỉ thị số", "Quyết
  định 1408-…", "QUYẾT ĐỊNH SỐ"), or from the head of a list ("các Chỉ thị …:
  Số 06-CT/TU …; số 32-CT/TU"), else from the symbol's type code;
* the **date** right after it (every written form, via ``find_dates``);
* the **issuer** after "của" / "giữa", or from a list head ("… của Bộ Chính
  trị (cụ thể: …)", "… của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh: Số …"),
  normalised (UBND → Ủy ban nhân dân, 'uỷ' → 'ủy', the party term "khóa XI"
  dropped);
* the **title** after "về" / "về việc" / "V/v";
* the **relation**: ``based_on`` after "Căn cứ", ``implements`` after
  "Thực hiện", "Triển khai", "… theo", else ``cites``.

A number followed by "," or "và" and another number ("Quyết định số 217-QĐ/TW
và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị") shares that
one's date and issuer (``share_trailing``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from core import regex_cached as regex

from extractors.citation_find import Found, is_type_code
from extractors.dates import find_dates
from core.domain import doc_type_by_code, doc_type_by_name, doc_type_names, issuer_abbrevs, issuer_by_code
from core.syllables import is_valid_syllable
from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces

# Type names that qualify a base type ("Chương trình hành động")
_QUALIFIED = ("Chương trình hành động", "Chương trình phối hợp", "Kế hoạch liên tịch", "Hướng dẫn liên tịch",
              "Thông báo kết luận")
_GENERIC = ("Văn bản",)


@lru_cache(maxsize=1)
def _type_alt() -> str:
    names = set(doc_type_names()) | set(_QUALIFIED) | set(_GENERIC)
    alts = sorted(names, key=len, reverse=True)
    return "|".join(regex.escape(n).replace(r"\ ", r"\s{1,3}") for n in alts)


@lru_cache(maxsize=1)
def _type_before() -> regex.Pattern:
    # "Chỉ thị số ", "Quyết định 1408-", "Chỉ thị số: ", "Nghị quyết số\n"
    return regex.compile(
        r"(?<![\p{L}])(?P<type>" + _type_alt() + r")[ \t]{0,3}\n?[ \t]{0,3}(?:(?P<so>số|Số|SỐ)[ \t]{0,3}[:.]?[ \t]{0,3}\n?[ \t]{0,3})?$",
        regex.IGNORECASE,
    )


# "ngày 06/10/2022, cơ quan thường trực đã có văn bản số …": the day of the act that issued the document
_ACT_DATE = regex.compile(
    r"(?:^|\n\s{0,3}|[.;:,(]\s{0,3}|\s(?:và|VÀ)\s{1,3})(?:[Vv]ào\s{1,3})?(?:Ngày|ngày)\s{1,3}(?P<d>[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)[0-9]{2}"
    r"|[0-9]{1,2}\s{1,3}tháng\s{1,3}[0-9]{1,2}\s{1,3}năm\s{1,3}(?:19|20)[0-9]{2})(?:\s{0,3},\s{0,3}|\s{1,3}(?=\p{Lu}))"
    r"[^,;:.()]{2,80}?\s(?:đã\s{1,3}|vừa\s{1,3})?(?:có|ban\s{1,3}hành|ký|gửi|ra)\s{1,3}$"
)


def _para_lo(pos: int, span: int, breaks: Sequence[int]) -> int:
    """Where the text ``span`` characters before ``pos`` starts, not before the paragraph ``pos`` is in."""
    lo = max(0, pos - span)
    k = bisect_right(breaks, pos) - 1
    return max(lo, breaks[k]) if k >= 0 else lo


def _date_of_act(text: str, pos: int, breaks: Sequence[int] = ()) -> str | None:
    m = _ACT_DATE.search(text[_para_lo(pos, 160, breaks):pos], timeout=RX_TIMEOUT)
    if not m:
        return None
    ds = find_dates(m.group("d"))
    return ds[0].iso if ds and ds[0].iso else None


@lru_cache(maxsize=1)
def _type_of_before() -> regex.Pattern:
    return regex.compile(
        # (the type may carry a qualifier of lower-case words: "báo cáo thẩm định của Sở Tư pháp số …")
        r"(?<![\p{L}])(?P<type>" + _type_alt() + r")(?-i:\s{1,3}\p{Ll}{2,7}){0,3}\s{1,3}(?:của|Của)\s{1,3}"
        r"(?P<iss>\p{Lu}[^,;:()\n.0-9/]{1,100}?)"
        r"\s{1,3}(?:số|Số|SỐ)\s{0,3}:?\s{0,3}$",
        regex.IGNORECASE,
    )


_SO_BEFORE = regex.compile(r"(?<![\p{L}])(?:số|Số|SỐ)[ \t]{0,3}[:.]?[ \t]{0,3}\n?[ \t]{0,3}$")

# between a number and its date: ", ", "(3) ", "ban hành ngày", "ngày"
# (a scan's stray dot before a lower-case "ngày" is no sentence end: "15/QĐ-TTg. ngày 30/3/2021")
_GAP_DATE = regex.compile(
    r"^(?:\.(?=\s{1,3}(?:ngày|ban\s|được\s|ký\s))|[\s,:]|\([0-9]{1,2}\)|(?<=\p{L})[0-9]{1,2}(?=\s))*(?:(?:được\s{1,3})?(?:ban\s{1,3}hành|ký)\s{1,3})?(?:vào\s{1,3})?(?:ngày|Ngày|NGÀY)?\s{0,3}$"
)
_GAP_ISSUER = regex.compile(
    r"^(?:[\s,]|\([0-9]{1,2}\)|(?<=\p{L})[0-9]{1,2}(?=\s))*"
    r"(?:năm\s{1,3}(?:19|20)[0-9]{2}\s{1,3})?"  # a legal database's "Quyết định 1234/QĐ-BYT năm 2024 của Bộ Y tế"
    r"(?P<kw>của|Của|CỦA|giữa|Giữa|GIỮA)\s{1,3}"
)
# where an issuer phrase stops
_ISSUER_STOP = regex.compile(
    r"\s(?:về|Về|VỀ|V/v|ban\s+hành|Ban\s+hành|BAN\s+HÀNH|sửa\s+đổi|Sửa\s+đổi|phê\s+duyệt|Phê\s+duyệt|quy\s+định|"
    r"hướng\s+dẫn|thực\s+hiện|triển\s+khai|trong|tại|theo|nhằm|để|đối\s+với|thì|đã|được|cho|với|giai\s+đoạn|"
    r"năm\s+[0-9]{4}|ngày|[vy]e\s+vi\p{L}{0,3}c)(?![\p{L}])"
    # a preamble's next clause run on without its line break ("… của Bộ Tài chính Xét đề nghị của …")
    r"|\s(?-i:Xét|Căn\s+cứ|Sau\s+khi)(?![\p{L}])"
    # an aspect or modal word opens the sentence's predicate ("… của Cục Thuế còn phát sinh …", "… vẫn chưa …")
    r"|\s(?-i:còn|vẫn|đang|sẽ|chưa|cũng|cần|phải)(?![\p{L}])"
    r"|[,;:.()“”\"«»]|\s[0-9]|[0-9]|\s[-+•*]\s",
    regex.IGNORECASE,
)
_KHOA = regex.compile(r"\s*+\(?\s*+[Kk]hó?óa\s+[IVXLC]+\s*\)?|\s*+\(?\s*+[Kk]hoá\s+[IVXLC]+\s*\)?|\s*+\(?\s*+KHÓA\s+[IVXLC]+\s*\)?")
_VA_NEXT = regex.compile(r"\s+(?:và|VÀ)\s+(?P<w>\p{L}+)")
_BODY_HEADS = (
    r"Ủy\s+ban|Uỷ\s+ban|UBND|Sở|Bộ|Ban|Phòng|Trung\s+tâm|Bệnh\s+viện|Văn\s+phòng|Huyện\s+ủy|Tỉnh\s+ủy|Thành\s+ủy|"
    r"Đảng\s+ủy|Công\s+an|Trường|Khoa|Chi\s+cục|Cục|Tổng\s+cục|Hội\s+đồng|Thường\s+trực|Chủ\s+tịch|Giám\s+đốc|Viện|"
    r"Học\s+viện|Đại\s+học|Liên\s+đoàn|Đoàn|Hội|Mặt\s+trận|Bộ\s+Chỉ\s+huy|Cơ\s+quan|Tòa\s+án|Viện\s+kiểm\s+sát|Kho\s+bạc|"
    r"Chi\s+nhánh|Công\s+ty|Tập\s+đoàn|Tổng\s+công\s+ty|Cảng\s+vụ|Đài|Báo|Trạm|Đồn|Lữ\s+đoàn|Sư\s+đoàn|Quân\s+khu"
)
_TITLE_START = regex.compile(r"^[\s,]*(?:(?:về\s+việc|Về\s+việc|V/v|về|Về|VỀ)\s+)(?P<t>.)", regex.DOTALL)
# A title ends with its sentence or clause: at ";", ". ", before "và <type> số",
# and before the clause that follows a "Thực hiện … về việc X, <body> <verb> …"
# lead-in ("…, Trung tâm Y tế xây dựng Kế hoạch như sau:"); references.py also
# cuts it at the end of its paragraph (the clean text has no line breaks).
_TITLE_STOP = regex.compile(
    r";|\.\s|\.$|\s(?:và|;)\s+(?:" + "{TYPES}" + r")\s+số"
    r"|,\s(?=[^,;.\n]{0,120}?(?:như\s+sau|sau\s+đây)\s*:)"
    r"|,\s(?=(?-i:" + _BODY_HEADS + r")(?:\s[^,;.\n]{0,80}?)?\s(?:xây\s+dựng|ban\s+hành|đề\s+nghị|yêu\s+cầu|hướng\s+dẫn|"
    r"thông\s+báo|chỉ\s+đạo|giao|kính\s+đề\s+nghị|trân\s+trọng|đề\s+xuất|báo\s+cáo)(?![\p{L}]))"
)
_LIST_HEAD = regex.compile(
    r"(?:của|Của|CỦA)\s{1,3}(?P<iss>[^:;().\n]{3,160}?)(?:\s{1,3}(?:số|Số|SỐ))?\s{0,3}(?:\(\s{0,3}(?:[Cc]ụ\s+thể|CỤ\s+THỂ)\s{0,3}:?|:)"
)
_CLAUSE_START = regex.compile(r"(?:^|[.;!?]\s|\n\s*\n|\n\s*[-+•*]\s|:\s)", regex.MULTILINE)
_IMPLEMENTS_LEAD = regex.compile(r"^\W{0,4}(?:tiếp\s+tục\s+)?(?:thực\s+hiện|triển\s+khai)(?![\p{L}])", regex.IGNORECASE)
_BASED_ON = regex.compile(r"^\W{0,4}(?:căn\s+cứ)(?![\p{L}])", regex.IGNORECASE)
_IMPLEMENTS = regex.compile(r"(?<![\p{L}])(?:thực\s+hiện|triển\s+khai|theo|quán\s+triệt)(?![\p{L}])", regex.IGNORECASE)

_ABBREV_EXPAND = (
    (regex.compile(r"(?<![\p{L}])UBND(?![\p{L}])"), "Ủy ban nhân dân"),
    (regex.compile(r"(?<![\p{L}])HĐND(?![\p{L}])"), "Hội đồng nhân dân"),
    (regex.compile(r"(?<![\p{L}])BCH(?![\p{L}])"), "Ban Chấp hành"),
    (regex.compile(r"(?<![\p{L}])BTV(?![\p{L}])"), "Ban Thường vụ"),
)
_ABBREV_WORDS = ("UBND", "HĐND", "BCH", "BTV")  # the word each of _ABBREV_EXPAND matches, in its order


def _with_types(p: str) -> regex.Pattern:
    return regex.compile(p.replace("{TYPES}", _type_alt()), regex.IGNORECASE)


@lru_cache(maxsize=1)
def _list_type() -> regex.Pattern:
    return _with_types(r"(?<![\p{L}])(?:các|những|Các|Những)\s{1,3}(?P<type>{TYPES})(?![\p{L}])")


@lru_cache(maxsize=1)
def _title_stop() -> regex.Pattern:
    return regex.compile(_TITLE_STOP.pattern.replace("{TYPES}", _type_alt()), regex.IGNORECASE)


@dataclass(slots=True)
class Resolved:
    found: Found
    start: int  # mention start (the type word when written just before the number)
    end: int
    type: str | None = None
    type_code: str | None = None
    type_from_word: bool = False  # the type was named in words, not only by the symbol's code
    date: str | None = None
    date_end: int | None = None  # where the date ends in the text
    issuer: str | None = None
    issuer_source: str = "none"  # "explicit" | "list" | "before" | "shared" | "symbol" | "none"
    title: str | None = None
    relation: str = "cites"
    tail: int = 0  # end of everything read after the number (date, issuer)


@lru_cache(maxsize=4096)
def normalize_type(name: str) -> str:
    """"CHỈ THỊ" / "chỉ thị" → the table's spelling "Chỉ thị"."""
    name = squash_spaces(name)
    dt = doc_type_by_name(name)
    if dt is not None:
        return dt.name
    for q in _QUALIFIED:
        if fold(q) == fold(name):
            return q
    return name[:1].upper() + name[1:].lower()


def normalize_issuer(raw: str) -> str | None:
    """Issuer as the gold convention writes it: abbreviations spelled out,
    'uỷ' → 'ủy', the party term dropped, spaces collapsed."""
    t = squash_spaces(raw)
    t = regex.sub(r"(?<=(?<!\p{L})\p{Lu}\p{Ll}{1,6})(?=\p{Lu})", " ", t, timeout=RX_TIMEOUT)  # "BộY tế": glued by an OCR
    balanced = t.count("(") == t.count(")")
    t = _KHOA.sub("", t, timeout=rx_timeout(t))
    if balanced and t.count("(") == t.count(")") + 1 and t.rstrip().endswith(tuple("0123456789IVXLCivxlc")):
        t = t.rstrip() + ")"  # "(Hội nghị lần thứ 4 khóa XII)": the term went, the meeting's bracket stays closed
    for (rx, rep), word in zip(_ABBREV_EXPAND, _ABBREV_WORDS):
        if word in t:  # (no scan where the abbreviation is absent)
            t = rx.sub(rep, t, timeout=RX_TIMEOUT)
    t = t.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("UỶ", "ỦY").replace("hoá", "hóa")
    t = t.strip(" ,;:-–")
    if not t or len(t) < 2:
        return None
    if t.isupper():  # "BAN THƯỜNG VỤ TỈNH ỦY" in a heading: keep, but in sentence case per word
        t = " ".join(w[:1] + w[1:].lower() for w in t.split())
    return t


@lru_cache(maxsize=1)
def _type_word_rx() -> regex.Pattern:
    return regex.compile(r"(?:" + _type_alt() + r")(?![\p{L}])", regex.IGNORECASE)


def _type_at(text: str, pos: int) -> bool:
    """Whether a document type name ("Quyết định", "Kế hoạch") starts at ``pos``."""
    return bool(_type_word_rx().match(text, pos, timeout=RX_TIMEOUT))


# what may continue an issuer's name past a stop: a hyphen inside a compound name ("Bộ Lao động - Thương binh
# và Xã hội", "Phòng Tài chính - Kế hoạch"), a meeting's number ("Hội nghị Trung ương 8", "lần thứ 6"), a
# bracketed meeting ("Ban Chấp hành Trung ương (Hội nghị lần thứ 4)")
_PHONG_CHONG_IN = regex.compile(r"(?:phòng|PHÒNG),\s{1,3}(?:chống|CHỐNG)\s")
_NAME_NUMBER = regex.compile(r"\s{1,2}(?P<n>[0-9]{2,4})(?![0-9/.,\-]?[0-9\p{L}])")
_NAME_HYPHEN = regex.compile(r"\s[-–]\s(?=\p{Lu})")
_MEETING_END = regex.compile(r"(?:Hội\s+nghị|Trung\s+ương|[Ll]ần\s+thứ|Đại\s+hội|Phiên|[Kk]ỳ\s+họp)\s{0,3}$")
_MEETING_NO = regex.compile(r"\s{0,3}(?:[0-9]{1,2}|[IVXL]{1,6})(?![0-9/.\-]?[0-9\p{L}])")
_MEETING_BRACKET = regex.compile(
    r"\(\s{0,3}(?:Hội\s+nghị|[Ll]ần\s+thứ|[Kk]ỳ\s+họp|Phiên)[^()\n]{0,40}\)")


def read_issuer(text: str, pos: int, limit: int = 220, breaks: Sequence[int] = (),
                found: Found | None = None) -> tuple[str | None, int]:
    """The issuer introduced by "của"/"giữa" at ``pos``; returns (issuer, end).
    ``breaks``: where paragraphs start in ``text``, sorted (a hyphen opening one is a
    list item, not part of a name); ``found``: the number the issuer is read
    for (a name whose initials the symbol's code spells runs on past "về":
    "Ủy ban Quốc gia về chuyển đổi số" for "UBQGCĐS")."""
    window = text[pos:pos + limit]
    m = _GAP_ISSUER.match(window, timeout=rx_timeout(window)) or _ocr_cua(window)
    if not m:
        return None, pos
    start = m.end()
    k = bisect_right(breaks, pos + start)
    nxt = breaks[k] if k < len(breaks) and breaks[k] < pos + limit else None
    if nxt is not None:
        so_far = window[start:nxt - pos].split()
        if len(so_far) >= 2 and so_far[-1] not in ("và", "-", "–"):
            window = window[:nxt - pos]  # a name never runs on into the next paragraph, unless cut after its head
    parts: list[str] = []
    i = start
    joined = 1  # bodies read so far
    while True:
        s = _ISSUER_STOP.search(window, i, timeout=rx_timeout(window))
        seg_end = s.start() if s else len(window)
        if s and seg_end > i:
            if _PHONG_CHONG_IN.match(window, seg_end - 5, timeout=rx_timeout(window)):
                parts.append(window[i:seg_end].strip() + ",")  # "Ban Chỉ đạo phòng, chống tham nhũng tỉnh"
                i = seg_end + 1
                continue
            if window[seg_end] == "," and window[i:seg_end].strip() and not _at(breaks, pos + seg_end + 1) \
                    and (_comma_in_name(window, seg_end) or (
                        regex.match(r"Ban\s", " ".join(parts + [window[i:seg_end]]).strip(), timeout=RX_TIMEOUT)
                        and _COUNCIL_AFTER.match(window, seg_end, timeout=RX_TIMEOUT)) or (
                        found is not None and found.family == "party"
                        and _PARTY_ORGAN_END.search(window[i:seg_end].strip(), timeout=RX_TIMEOUT)
                        and _PARTY_ORGAN_NEXT.match(window, seg_end, timeout=RX_TIMEOUT)) or (
                        joined < _joint_bodies(found, "".join(parts) + window[i:seg_end])
                        and _BODY_AFTER_COMMA.match(window, seg_end, timeout=rx_timeout(window))) or (
                        _member_then_parent(" ".join(parts + [window[i:seg_end]]).strip(), window, seg_end))):
                # a name written with a comma ("Bộ Văn hóa, Thể thao và Du lịch"), or the next body of a joint
                # issuer ("liên Bộ Tài chính, Bộ Nội vụ" for a TTLT-BTC-BNV number)
                if not _comma_in_name(window, seg_end):
                    joined += 1
                parts.append(window[i:seg_end].strip() + ",")
                i = seg_end + 1
                continue
            num = _NAME_NUMBER.match(window, seg_end, timeout=rx_timeout(window))
            if num and found is not None and window[i:seg_end].strip() and any(
                    c.endswith(num.group("n")) for c in found.issuer_codes):
                # "Ban Chỉ đạo 389 quốc gia" for a BCĐ389 number: the number its code carries is in its name
                parts.append(window[i:num.end()].strip())
                i = num.end()
                continue
            hy = _NAME_HYPHEN.match(window, seg_end, timeout=rx_timeout(window))
            if hy and not _at(breaks, pos + seg_end + 1) and window[i:seg_end].strip():
                parts.append(window[i:seg_end].strip() + " -")
                i = hy.end()
                continue
            if _MEETING_END.search(window, i, seg_end, timeout=rx_timeout(window)):
                no = _MEETING_NO.match(window, seg_end, timeout=rx_timeout(window))
                if no and no.end() > seg_end:
                    parts.append(window[i:no.end()].strip())
                    i = no.end()
                    continue
            br = _MEETING_BRACKET.match(window, regex.match(r"\s*", window[seg_end:], timeout=RX_TIMEOUT).end() + seg_end,
                                        timeout=RX_TIMEOUT) if window[seg_end:seg_end + 3].strip().startswith("(") else None
            if br:
                parts.append(window[i:seg_end].strip() + " " + squash_spaces(br.group(0)))
                i = br.end()
                break
        # "khóa XI" inside the name: keep reading after it
        piece = window[i:seg_end]
        va = None
        for vm in _VA_NEXT.finditer(piece, timeout=rx_timeout(piece)):
            w = vm.group("w")
            if not w[:1].isupper() or _type_at(window, i + vm.start("w")) or (w.isupper() and is_type_code(w)):
                # "… của Chính phủ và NQ số 19-2018/NQ-CP": a type's code after "và" opens the next citation
                va = vm
                break
        if va is not None:
            parts.append(piece[:va.start()])
            i = i + va.start()
            break
        parts.append(piece)
        i = seg_end
        if s and window[s.start():s.start() + 1] == "(" and regex.match(r"\(\s*[Kk]h[oó]", window[s.start():], timeout=RX_TIMEOUT):
            close = window.find(")", s.start())
            if close != -1:
                i = close + 1
                continue
        break
    purpose = _purpose_name(window, i, squash_spaces(" ".join(parts)).strip()) if parts else None
    if purpose is not None:
        return normalize_issuer(purpose[0]), pos + purpose[1]
    if found is not None and parts:
        ext = _spelled_by_code(window, i, " ".join(parts), found)
        if ext is not None:
            parts, i = [ext[0]], ext[1]
    issuer = normalize_issuer(_cut_at_predicate(" ".join(parts)))
    if issuer and _TITLE_ONLY.match(issuer, timeout=rx_timeout(issuer)):
        # "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": one person's titles, the body after the last
        more = _NEXT_TITLE.match(window, i, timeout=rx_timeout(window))
        if more:
            rest, end = read_issuer("của " + window[more.end("sep"):], 0, limit)
            if rest and not _TITLE_ONLY.match(rest, timeout=rx_timeout(rest)):
                return f"{issuer}, {rest}", pos + more.end("sep") + end - len("của ")
    if issuer and not issuer[:1].isupper():
        low = _LOWER_HEAD.match(issuer, timeout=rx_timeout(issuer))
        if not low:
            return None, pos
        # OCR / careless case: "của sở Thông tin và Truyền thông"
        issuer = issuer[:1].upper() + issuer[1:]
    return issuer, pos + i


@lru_cache(maxsize=1)
def _comma_joints() -> frozenset[tuple[str, str]]:
    """The words on either side of the comma in the names the issuer table writes
    with one ("Bộ Văn hóa, Thể thao và Du lịch": ("hoa", "the thao"); "Cục Quản lý
    Khám, chữa bệnh": ("kham", "chua benh"))."""
    out = set()
    for a in issuer_abbrevs().values():
        name = regex.sub(r"\s*\([^()]*\)", "", a.expansion, timeout=RX_TIMEOUT)
        for part in regex.split(r"\s*[/;]\s*", name, timeout=RX_TIMEOUT):
            for m in regex.finditer(r"(\p{L}+),\s(\p{L}+\s\p{L}+)", part, timeout=RX_TIMEOUT):
                out.add((fold(m.group(1)), fold(m.group(2))))
    return frozenset(out | _FIXED_COMMA_PAIRS)


# coordinated terms that bodies named by their task write with a comma ("Hội đồng phối hợp phổ biến, giáo dục pháp
# luật …", "Hội đồng Thi đua, Khen thưởng …", "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm, cứu nạn …"): the
# last word before the comma and the two after it, folded
_FIXED_COMMA_PAIRS = frozenset({("bien", "giao duc"), ("dua", "khen thuong"), ("kiem", "cuu nan"),
                                ("kiem", "cuu ho"), ("dan", "giao duc"),
                                # "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"
                                ("nhung", "lang phi"), ("phi", "tieu cuc")})


def _comma_in_name(window: str, comma: int) -> bool:
    """Whether the comma at ``comma`` stands inside a name the issuer table writes with one."""
    before = regex.search(r"(\p{L}+)\s{0,2}$", window[max(0, comma - 30):comma], timeout=RX_TIMEOUT)
    after = regex.match(r",\s{1,3}(\p{L}+\s{1,3}\p{L}+)", window[comma:comma + 40], timeout=RX_TIMEOUT)
    return bool(before and after) and (fold(before.group(1)), fold(squash_spaces(after.group(1)))) in _comma_joints()


# the next body of a joint issuer after a comma: a ministry, a committee, a department
_BODY_AFTER_COMMA = regex.compile(r",\s{1,3}(?:(?:Bộ|Ủy\s+ban|Uỷ\s+ban|UBND|Sở|Ban|Tổng\s+Liên\s+đoàn|Liên\s+đoàn|Hội|"
                                  r"Trung\s+ương|Tỉnh\s+ủy|Mặt\s+trận|Đoàn|Ngân\s+hàng|Kiểm\s+toán|Tòa\s+án|Viện)\s\p{Lu}"
                                  # "… của Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch …" (a joint resolution)
                                  r"|(?:Chính\s+phủ|Quốc\s+hội)(?![\p{L}]))")
# the Party's central organs, which issue jointly ("Kết luận số …-KL/TW … của Bộ Chính trị, Ban Bí thư")
_PARTY_ORGAN = r"(?:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)"
_PARTY_ORGAN_END = regex.compile(r"(?<![\p{L}])" + _PARTY_ORGAN + r"$")
# a council's committee named with its council after a comma: "Ban Pháp chế, HĐND tỉnh;"
_COUNCIL_AFTER = regex.compile(
    r",\s{1,3}(?:HĐND|Hội\s+đồng\s+nhân\s+dân)\s{1,3}(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường)"
    r"(?:\s{1,3}\p{Lu}\p{Ll}*){0,3}\s{0,3}(?=[;.),]|$|(?:và|về|tại|theo|ngày)\s)")
_PARTY_ORGAN_NEXT = regex.compile(r",\s{1,3}" + _PARTY_ORGAN + r"(?![\p{L}])")
_JOINT_LEAD = regex.compile(r"^\s{0,3}(?:liên|Liên|LIÊN)\s{1,3}(?:bộ|Bộ|BỘ|ngành|sở|Sở)(?![\p{L}])")


# a member unit named with the university it belongs to after a comma: "Trường Đại học Y, Đại học Huế",
# "Khoa Luật, Trường Đại học Cần Thơ" — one body, not two
_MEMBER_HEAD = regex.compile(r"^(?:Trường|Khoa|Viện|Trung\s+tâm|Bộ\s+môn|Phòng)\s\p{Lu}")
_PARENT_AFTER_COMMA = regex.compile(
    r",\s{1,3}(?P<head>Đại\s+học|ĐH|Trường\s+Đại\s+học|Học\s+viện)\s{1,3}\p{Lu}")


def _member_then_parent(read: str, window: str, comma: int) -> bool:
    if not _MEMBER_HEAD.match(read, timeout=rx_timeout(read)):
        return False
    m = _PARENT_AFTER_COMMA.match(window, comma, timeout=rx_timeout(window))
    # "Trường Đại học A, Trường Đại học B": two schools, a list
    return m is not None and not (read.startswith("Trường") and m.group("head").startswith("Trường"))


def _joint_bodies(found: Found | None, read: str) -> int:
    """How many bodies the issuer of ``found`` may name: one per issuer code of a
    joint symbol ("TTLT-BTC-BNV": two), or several after "liên Bộ"."""
    if found is None:
        return 1
    n = len(found.issuer_codes) if found.type_code else 1  # "SNV-TCBM": a body and its office, one body
    if n < 2 and _JOINT_LEAD.match(read, timeout=rx_timeout(read)):
        n = 4  # "liên Bộ …" with a symbol that does not list the bodies
    return n


def _at(sorted_positions: Sequence[int], p: int) -> bool:
    k = bisect_left(sorted_positions, p)
    return k < len(sorted_positions) and sorted_positions[k] == p


def _initials(name: str) -> str:
    words = [w for w in regex.findall(r"\w+", fold(name), timeout=RX_TIMEOUT) if w not in ("va", "ve")]
    return "".join(w[0] for w in words).replace("đ", "d")


def _spelled_by_code(window: str, i: int, name: str, found: Found) -> tuple[str, int] | None:
    """A name cut at "về" whose initials begin an issuer code of the symbol,
    read on word by word until the initials spell the code ("Ủy ban Quốc gia"
    + "về chuyển đổi số" = UBQGCĐS)."""
    if not regex.match(r"\s(?:về|Về)\s", window[i:i + 4], timeout=RX_TIMEOUT):
        return None
    ini = _initials(name)
    codes = [fold(c).replace("đ", "d") for c in found.issuer_codes]
    codes = [c for c in codes if len(c) > len(ini) and c.startswith(ini)]
    if not ini or not codes:
        return None
    for w in regex.finditer(r"\s(\p{L}+)", window, pos=i, timeout=RX_TIMEOUT):
        if w.start() > i and window[i:w.start()].strip() and regex.search(r"[,;:.()]", window[i:w.start()], timeout=RX_TIMEOUT):
            return None
        cand = name + window[i:w.end()]
        c_ini = _initials(cand)
        if c_ini in codes:
            return squash_spaces(cand), w.end()
        if not any(c.startswith(c_ini) for c in codes) or w.end() - i > 60:
            return None
    return None


# a body named by its purpose: a steering committee, a task force, a national council ("Ban Chỉ đạo Trung ương về
# phòng, chống tham nhũng", "Ban Chỉ đạo thực hiện sắp xếp …", "Tổ công tác về …"): its name runs on through the
# purpose clause ("về …", "thực hiện …") to the next "về" (the cited document's own title), a clause's end, or
# a comma before another body
_PURPOSE_BODY = regex.compile(
    r"^(?:Ban\s+Chỉ\s+đạo|Tổ\s+công\s+tác|Tổ\s+Công\s+tác|Ban\s+Điều\s+hành|(?:Ủy|Uỷ)\s+ban\s+Quốc\s+gia|"
    r"Hội\s+đồng\s+Quốc\s+gia|Hội\s+đồng\s+Điều\s+phối)"
    r"(?:\s+(?:Trung\s+ương|Quốc\s+gia|quốc\s+gia|của\s+Chính\s+phủ|của\s+Thủ\s+tướng\s+Chính\s+phủ|"
    r"(?:tỉnh|thành\s+phố|huyện)(?:\s+\p{Lu}\p{Ll}*){0,3}))?$")
_PURPOSE_LEAD = regex.compile(r"\s{1,3}(?:về(?!\s+việc)|thực\s+hiện|triển\s+khai)\s")  # "về việc …": the title
_PURPOSE_STOP = regex.compile(
    r"\s(?:về|Về)\s|[;:()“”\"«»]|\.(?:\s|$)|\n\s*\n|,\s{1,3}(?=(?-i:" + _BODY_HEADS + r")\s)"
    r"|\s(?:ngày|tại|theo|ban\s+hành|sửa\s+đổi|phê\s+duyệt|quy\s+định|hướng\s+dẫn|nhằm|để|đối\s+với|thì|đã|được|"
    r"đề\s+nghị|yêu\s+cầu|giao)(?![\p{L}])")  # the predicate after the name


def _purpose_name(window: str, i: int, name: str) -> tuple[str, int] | None:
    """``name`` a purpose body's head cut where its purpose starts: the whole name and where it ends."""
    if not _PURPOSE_BODY.match(name, timeout=rx_timeout(name)):
        return None
    lead = _PURPOSE_LEAD.match(window, i, timeout=RX_TIMEOUT)
    if not lead:
        return None
    stop = _PURPOSE_STOP.search(window, lead.end(), timeout=rx_timeout(window))
    end = stop.start() if stop else len(window)
    purpose = window[lead.end():end].strip(" ,")
    if not purpose or end - lead.end() > 180 or not purpose[:1].islower():
        return None
    return squash_spaces(name + window[i:lead.end()] + purpose), end


_TITLES = (r"Bộ\s+trưởng|Thứ\s+trưởng|Chủ\s+nhiệm|Phó\s+Chủ\s+nhiệm|Chủ\s+tịch|Phó\s+Chủ\s+tịch|Tổng\s+Thư\s+ký|"
           r"Trưởng\s+ban|Phó\s+Trưởng\s+ban|Giám\s+đốc|Phó\s+Giám\s+đốc|Tổng\s+Giám\s+đốc|Thủ\s+trưởng|Tổng\s+Kiểm\s+toán")
_TITLE_ONLY = regex.compile(r"^(?:" + _TITLES + r")$")
_NEXT_TITLE = regex.compile(r"(?P<sep>\s{0,3},\s{1,3})(?:" + _TITLES + r")\s")
_LOWER_HEAD = regex.compile(r"^(?:liên\s+(?:bộ|Bộ|ngành)|sở|bộ|ủy\s+ban|ban|phòng|cục|chi\s+cục|trung\s+tâm|văn\s+phòng)\s\p{Lu}")


_LEVEL_WORD = regex.compile(r"^(?:tỉnh|huyện|xã|phường|quận|thành\s+phố|thị\s+xã|thị\s+trấn|đặc\s+khu)$", regex.IGNORECASE)
_NAME_HEADS = ("chính phủ", "quốc hội", "chính trị", "bí thư", "trung ương", "trung ương đảng", "nhà nước")


# a verb that opens the sentence's predicate after a body's full name ("… của Sở Tài chính báo cáo kết quả …"): only
# after the head and its capitalised field ("Sở Tài chính"), since a head may take such a word in lower case as its
# own field ("Ban tổ chức hội thi", "Ban chỉ đạo …")
_PREDICATE_VERB = regex.compile(
    r"^(?:báo\s+cáo|trình|gửi|đề\s+nghị|yêu\s+cầu|chỉ\s+đạo|giao|tổ\s+chức|nêu|có|hết|thông\s+báo|đồng\s+ý|"
    r"cho\s+phép|kết\s+luận|ký|phối\s+hợp|chủ\s+trì|tham\s+mưu|đề\s+xuất|tiếp\s+tục|ghi|xác\s+định)(?![\p{L}])")


# a preposition right after a capitalised name opens the rest of the sentence ("của Tỉnh ủy X thành các đề án",
# "của Công ty Y theo đề nghị tại …"); "về", "cho", "với" may go on with a name ("Ủy ban Quốc gia về …"), so not those
_PREPOSITION_AFTER_NAME = regex.compile(r"^(?:theo|tại|thành|nhằm|để)$")


def _cut_at_predicate(phrase: str) -> str:
    """The body's name without the predicate that may follow it: after a
    place level word ("tỉnh", "huyện") only capitalised words continue the name
    ("… tỉnh Lâm Đồng"), and after a complete name of a central body
    ("Chính phủ", "Bộ Chính trị") a lower-case word starts something else."""
    words = phrase.split()
    out: list[str] = []
    after_level = False
    for k, w in enumerate(words):
        if out and w[:1].islower() and w != "và" and not (w.lower() in ("ủy", "uỷ") and _LEVEL_WORD.match(out[-1], timeout=RX_TIMEOUT)):
            two = " ".join(out[-2:]).lower()
            three = " ".join(out[-3:]).lower()
            if after_level or two in _NAME_HEADS or three in _NAME_HEADS:
                break
            if sum(x[:1].isupper() for x in out) >= 2 and _PREDICATE_VERB.match(" ".join(words[k:k + 2]), timeout=RX_TIMEOUT):
                break
            if out[-1][:1].isupper() and sum(x[:1].isupper() for x in out) >= 2 \
                    and _PREPOSITION_AFTER_NAME.match(w, timeout=RX_TIMEOUT):
                break  # "… của Tỉnh ủy X thành các đề án", "… của Công ty Y theo nội dung đề nghị tại …"
            if len(out) >= 2 and len(out[-1]) >= 2 and out[-1].isupper() and not _LEVEL_WORD.match(w, timeout=RX_TIMEOUT) \
                    and not (out[-1] == "TNHH" and w == "một"):  # "Công ty TNHH một thành viên …": its legal form
                break  # "Bộ TTTT công bố …": after a body's abbreviated name, a lower-case word is a predicate
        if out and w[:1].islower() and _LEVEL_WORD.match(f"{out[-1]} {w}", timeout=rx_timeout(f"{out[-1]} {w}")):
            after_level = True  # a two-word level ("thành phố", "thị trấn"): only a capitalised name continues it
        elif _LEVEL_WORD.match(w, timeout=rx_timeout(w)) and not (w[:1].isupper() and words[k + 1:k + 2] and words[k + 1][:1].islower()):
            after_level = True  # a place level ("tỉnh Lâm Đồng"), not the first word of a field ("Xã hội")
        elif w in ("và", "VÀ"):
            after_level = False  # a second body of a joint issuer follows ("… Tỉnh ủy và Ban Cán sự Đảng …")
        out.append(w)
    return " ".join(out).removesuffix(" và").removesuffix(" VÀ")


# "của" as an OCR misreads it: a word of c…a that Vietnamese does not write ("cüa", "cfia", "ciiia"), or its
# letters without marks ("cua"), before a capitalised name
_GAP_OCR_CUA = regex.compile(
    r"^(?:[\s,]|\([0-9]{1,2}\))*(?P<kw>c\p{Ll}{1,4})\s{1,3}(?=\p{Lu})")
# "ngày" as an OCR misreads it ("bày", "ngay"), right before a date written in figures
_GAP_OCR_NGAY = regex.compile(r"^[\s,]{0,3}(?P<w>\p{Ll}{2,4})\s{1,2}$")
# the word between a month and its year ("tháng 8 närn 2017", "tháng 8 nam 2017"): "năm" as an OCR read it
_OCR_NAM = regex.compile(r"(?<=(?:tháng|thang)\s{1,3}[0-9]{1,2}\s{1,3})(?P<w>n\S{1,3})(?=\s{1,3}(?:19|20)[0-9]{2}(?![0-9]))")


def _ocr_cua(window: str) -> regex.Match | None:
    m = _GAP_OCR_CUA.match(window, timeout=rx_timeout(window))
    if not m:
        return None
    w = m.group("kw")
    f = fold(w)
    ok = w == "cua" or (f.endswith("a") and len(f) >= 3 and not is_valid_syllable(w))  # not "cửa" (a door)
    return m if ok else None


_SPLIT_DATE_DIGIT = regex.compile(
    r"(?<=(?:ngày|Ngày)\s{1,3})(?P<a>[0-9]) (?P<b>[0-9])(?P<rest>/[0-9]{1,2}/(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?<=(?:ngày|Ngày)\s{1,3}[0-9]{1,2}/)(?P<a>[0-9]) (?P<b>[0-9])(?P<rest>/(?:19|20)[0-9]{2})(?![0-9])")
_MONTH_YEAR_GLUED = regex.compile(r"(?<=tháng\s{1,3}(?:0?[1-9]|1[0-2]))(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
# a date the writer mistyped ("ngày 08/6/20210"): not read, but no obstacle between the number and its issuer
_BAD_DATE = regex.compile(r"[\s,]{0,3}(?:ngày|Ngày)\s{1,3}[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{5,6}(?![0-9])")


def read_date(text: str, pos: int, limit: int = 80) -> tuple[str | None, int]:
    """The date written right after ``pos`` (", ngày 14/01/2016"); (iso, end).
    A scan's misread "năm" and "ngày" are read as those words."""
    window = text[pos:pos + limit]
    if "n" in window:
        # same length, so the date's offsets stay those of the text
        window = _OCR_NAM.sub(lambda m: m.group("w") if m.group("w") == "năm" or len(m.group("w")) < 3
                              else "năm" + " " * (len(m.group("w")) - 3), window, timeout=rx_timeout(window))
    if " " in window[:40]:
        # a scan's space inside a day or month ("ngày 06/1 1/2013"): moved after the date, offsets kept
        window = _SPLIT_DATE_DIGIT.sub(lambda m: m.group("a") + m.group("b") + m.group("rest") + " ", window,
                                       timeout=rx_timeout(window))
    glued = _MONTH_YEAR_GLUED.search(window, timeout=rx_timeout(window)) if "tháng" in window else None
    shift_at, shift = len(window) + 1, 0
    if glued:  # "tháng 122024": a table cell or an OCR ran the month onto the year
        shift_at, shift = glued.start("y"), len(" năm ")
        window = window[:shift_at] + " năm " + window[shift_at:]
    for d in find_dates(window):
        gap = window[:d.start]
        if _GAP_DATE.match(gap, timeout=rx_timeout(gap)):
            return d.iso, pos + d.end - (shift if d.end > shift_at else 0)
        g = _GAP_OCR_NGAY.match(gap, timeout=rx_timeout(gap))
        if g and fold(g.group("w")).endswith("ay") and regex.match(r"[0-9]{1,2}/[0-9]{1,2}/(?:19|20)[0-9]{2}$",
                                                                      window[d.start:d.end], timeout=RX_TIMEOUT):
            return d.iso, pos + d.end
        break
    return None, pos


def read_title(text: str, pos: int, limit: int = 400) -> str | None:
    window = text[pos:pos + limit]
    m = _TITLE_START.match(window, timeout=rx_timeout(window))
    if not m:
        return None
    start = m.start("t")
    s = _title_stop().search(window, start, timeout=RX_TIMEOUT)
    title = squash_spaces(window[start:s.start() if s else len(window)]).strip(" ,“”\"")
    return title or None


@lru_cache(maxsize=1024)
def code_of_type(name: str | None) -> str | None:
    """The code of a type named in words ("Nghị quyết" → "NQ"), if any."""
    dt = doc_type_by_name(name) if name else None
    return dt.code if dt else None


_code_of_type = code_of_type


def _type_from_code(found: Found) -> tuple[str | None, str | None]:
    code = found.type_code
    if code:
        dt = doc_type_by_code(code, party=found.family == "party")
        return (dt.name if dt else None), code
    if found.family in ("state",) and found.issuer_codes:
        return "Công văn", "CV"  # a state symbol without a type code is a công văn
    return None, None


_SENTENCE_START = regex.compile(r"(?:^|[.!?]\s|\n\s*\n)")


def relation_at(text: str, pos: int) -> str:
    """based_on / implements / cites from the clause the mention stands in."""
    lo = max(0, pos - 400)
    seg = text[lo:pos]
    starts = [m.end() for m in _CLAUSE_START.finditer(seg, timeout=rx_timeout(seg))]
    clause = seg[starts[-1]:] if starts else seg
    # the sentence start decides "Căn cứ" (a "Căn cứ" line may list several documents after ";")
    sent_starts = [m.end() for m in _SENTENCE_START.finditer(seg, timeout=rx_timeout(seg))]
    sentence = seg[sent_starts[-1]:] if sent_starts else seg
    lead = clause.lstrip(" \t\n-+•*")
    if _BASED_ON.match(lead, timeout=rx_timeout(lead)):
        return "based_on"
    lead = sentence.lstrip(" \t\n-+•*")
    if _IMPLEMENTS.search(clause, timeout=rx_timeout(clause)) or _IMPLEMENTS_LEAD.match(lead, timeout=rx_timeout(lead)):
        return "implements"
    return "cites"


# the agent of a passive in a list head, and where the list head's issuer ends ("… tại các văn bản:")
_LIST_AGENT = regex.compile(
    r"(?<![\p{L}])được\s{1,3}(?P<a>\p{Lu}[^;:()\n.0-9/]{2,120}?)\s{1,3}(?:chỉ\s+đạo|giao|hướng\s+dẫn|ban\s+hành|"
    r"phê\s+duyệt|quy\s+định|công\s+bố|thông\s+qua|chấp\s+thuận|ký)\s")
_LIST_PLACE = regex.compile(r"\s(?:tại|theo)\s")


def _list_head_issuer(text: str, pos: int, found: Found) -> str | None:
    """Issuer from a list head before ``pos`` ("… của Bộ Chính trị (cụ thể: …",
    "các Chỉ thị của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh: Số …")."""
    lo = max(0, pos - 700)
    seg = text[lo:pos]
    heads = list(_LIST_HEAD.finditer(seg, timeout=rx_timeout(seg)))
    if not heads:
        return None
    h = heads[-1]
    between = seg[h.end():]
    # the list must still be open: no sentence end, no closing parenthesis of a "(cụ thể" list
    if regex.search(r"\.\s+\p{Lu}|\s[-+•*]\s\p{Lu}|\s[0-9IVX]{1,4}\.\s\p{Lu}", between, timeout=RX_TIMEOUT):
        return None
    if "(" in h.group(0) and between.count(")") > between.count("("):
        return None
    if regex.search(r"(?<![\p{L}])(?:như\s+sau|sau\s+đây)(?![\p{L}])", h.group("iss"), regex.IGNORECASE, timeout=RX_TIMEOUT):
        return None  # "…, UBND xã báo cáo như sau:" introduces the body, not a list of documents
    iss = regex.split(r"(?<![\p{L}])(?:của|Của|CỦA)\s", h.group("iss"), timeout=RX_TIMEOUT)[-1]
    agent = _LIST_AGENT.search(iss, timeout=rx_timeout(iss))
    if agent:
        iss = agent.group("a")  # "… của Sở X, UBND cấp huyện được Chủ tịch UBND tỉnh công bố tại các Quyết định:"
    iss = _LIST_PLACE.split(iss, maxsplit=1, timeout=rx_timeout(iss))[0]  # "của Sở X tại các văn bản:"
    cands = [normalize_issuer(c) for c in regex.split(r",|\s+và\s+", iss, timeout=RX_TIMEOUT)]
    cands = [c for c in cands if c and c[:1].isupper() and not regex.search(r"[0-9/]", c, timeout=RX_TIMEOUT)]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    for c in cands:
        if _issuer_fits_code(c, found):
            return c
    return None


# "… tại các văn bản số …": a plural before the type word the mention starts with
_PLURAL_OPT = (r"(?:(?:các|những)\s{1,3})?(?:\p{Lu}\p{Ll}{1,7}(?:\s{1,3}\p{Ll}{1,7}){1,4}\s{1,3}"
               # or a plural that opens a colon list of numbers: "tại các văn bản: Số …, số …"
               r"|(?<=(?:các|những)\s{1,3})\p{L}\p{Ll}{1,7}(?:\s{1,3}\p{Ll}{1,7}){0,3}\s{0,2}:\s{1,3})?")
# (and a type the number's reading did not take in, with its qualifier: "tại Báo cáo thẩm định số …")
_ISSUER_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:của|Của|CỦA)\s{1,3}(?P<iss>\p{Lu}(?:(?!\s(?:của|Của|CỦA)\s)[^;:()\n.0-9/]){2,100}?)\s{1,3}(?:tại|theo)\s{1,3}"
    + _PLURAL_OPT + "$"
)


# the second of two proposals: "theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …, và Giám đốc Sở Tài chính
# tại Tờ trình số …" — a head named after "và" or a comma, then "tại"
_HEAD_BEFORE = regex.compile(
    r"(?:(?<![\p{L}])và|,)\s{1,3}(?P<iss>(?:Giám\s+đốc|Chủ\s+tịch|Trưởng\s+ban|Chánh\s+Văn\s+phòng|Thủ\s+trưởng|"
    r"Hiệu\s+trưởng|Viện\s+trưởng|Cục\s+trưởng|Vụ\s+trưởng|Tổng\s+cục\s+trưởng|Bộ\s+trưởng|Trưởng\s+phòng)"
    r"\s[^,;:()\n.0-9/]{2,100}?)\s{1,3}tại\s{1,3}" + _PLURAL_OPT + "$"
)


# the agent of a passive: "các nhiệm vụ đã được UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo tại Chỉ thị số …"
_AGENT_BEFORE = regex.compile(
    r"(?<![\p{L}])được\s{1,3}(?P<iss>\p{Lu}[^;:()\n.0-9/]{2,120}?)\s{1,3}"
    r"(?:chỉ\s+đạo|giao|hướng\s+dẫn|yêu\s+cầu|đề\s+ra|ban\s+hành|phê\s+duyệt|quy\s+định|nêu|phân\s+công|"
    r"thống\s+nhất|kết\s+luận|triển\s+khai|công\s+bố|thông\s+qua|chấp\s+thuận)\s{1,3}(?:tại|theo)\s{1,3}" + _PLURAL_OPT + "$"
)


def _codes_of_letter(r: Resolved) -> Found:
    """A letter's number read with its first code as the writer's: "Công văn số 1752/CT-THNVDT" — a Công văn's
    symbol opens with the body that wrote it (CT, Cục Thuế), never with a type code, though "CT" is one."""
    f = r.found
    if r.type == "Công văn" and r.type_from_word and f.type_code and f.type_code != "CV" and f.family == "state":
        return replace(f, issuer_codes=(f.type_code, *f.issuer_codes))
    return f


_OF_BEFORE = regex.compile(r"(?<![\p{L}])(?:của|Của)\s{1,3}(?=\p{Lu})")


def _bracketed_paper(text: str, pos: int, found: Found) -> str | None:
    """A number in brackets naming the paper the sentence has just spoken of: "… báo cáo của Tổng công ty X về
    việc … (Công văn số 12/TCT-KD ngày …)" — the body that paper is "của", when its name fits the code."""
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] != "(":
        return None
    seg_lo = max(0, k - 260)
    seg = text[seg_lo:k]
    stop = max((m.end() for m in regex.finditer(r"[.;:()]\s", seg, timeout=RX_TIMEOUT)), default=0)
    for m in reversed(list(_OF_BEFORE.finditer(seg, stop, timeout=rx_timeout(seg)))):
        iss, _end = read_issuer(text, seg_lo + m.start(), found=found)
        if iss and _issuer_fits_code(iss, found):
            return iss
    return None


# a bracket that cites: "[tại Kế hoạch số …", "(Công văn số …"; a later number of its list: "…; Kế hoạch số …"
_BRACKET_LEAD = regex.compile(r"^\s{0,3}(?:(?:tại|theo|Tại|Theo|TẠI|THEO)\s{1,3})?$")
_BRACKET_OPENING = regex.compile(r"\s{0,3}(?:(?:tại|theo|Tại|Theo|TẠI|THEO)\s{1,3})?")
_BRACKET_LIST_POS = regex.compile(r"[;,]\s{0,3}(?:(?:và|VÀ)\s{1,3})?$")
# a list of bodies of one kind, named without the kind: "ý kiến của các Bộ: Nội vụ (…), Tài chính (…)"
_CATEGORY_INTRO = regex.compile(
    r"(?<![\p{L}])(?:các|những|Các|Những)\s{1,3}(?P<h>Bộ|Sở|Ban|Cục|Vụ|Tổng\s+cục|Ủy\s+ban\s+nhân\s+dân|UBND)\s{0,2}:\s")
_CAP_WORD = regex.compile(r"(?<![\p{L}])\p{Lu}")


def _open_bracket(text: str, pos: int) -> int | None:
    """Where the bracket open at ``pos`` opens (within 600 characters), if one is."""
    depth = 0
    for k in range(pos - 1, max(-1, pos - 601), -1):
        ch = text[k]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                return k
            depth -= 1
    return None


def _body_before_bracket(text: str, pos: int, found: Found) -> str | None:
    """The body named right before a bracket that cites its documents: "… và Ủy ban nhân dân tỉnh [tại Kế hoạch
    số 61/KH-UBND …; Kế hoạch số 62/KH-UBND …]", "ý kiến của các Bộ: Nội vụ (Công văn số 902/BNV-TCBC …), Kế
    hoạch và Đầu tư (Văn bản số …)" — a body (by its head word, or the kind a list introduced it by) whose name
    fits the symbol's code (or that the table does not spell out)."""
    k = _open_bracket(text, pos)
    if k is None:
        return None
    inside = text[k + 1:pos]
    if not _BRACKET_LEAD.match(inside, timeout=RX_TIMEOUT):
        first = k + 1 + len(_BRACKET_OPENING.match(text, k + 1, timeout=RX_TIMEOUT).group(0))
        if not _BRACKET_LIST_POS.search(inside, timeout=rx_timeout(inside)) or not _type_at(text, first):
            return None  # inside a bracket, only a number of its list of cited documents
    lo = max(0, k - 200)
    seg = text[lo:k].rstrip()
    cut = max((m.end() for m in regex.finditer(r"[,;:()\[\]]", seg, timeout=RX_TIMEOUT)), default=0)
    intro = None
    for m in _CATEGORY_INTRO.finditer(text, max(0, k - 400), lo + cut + 1, timeout=RX_TIMEOUT):
        if not regex.search(r"[;.]\s", text[m.end():lo + cut], timeout=RX_TIMEOUT):
            intro = m
    for w in _CAP_WORD.finditer(seg, cut, timeout=rx_timeout(seg)):
        name = seg[w.start():]
        if intro is not None and not _NAMED_BODY.match(name, timeout=RX_TIMEOUT):
            name = f"{squash_spaces(intro.group('h'))} {name}"
        if not _NAMED_BODY.match(name, timeout=RX_TIMEOUT):
            continue
        iss = normalize_issuer(name)
        if iss and (_issuer_fits_code(iss, found) or (not _issuer_by_any_code(found) and len(iss.split()) >= 2)):
            return iss
        return None
    return None


def _issuer_before(text: str, pos: int, found: Found) -> str | None:
    """The issuer named just before the mention: "(theo chỉ đạo của Ủy ban nhân
    dân tỉnh tại Thông báo số 493/TB-UBND …)", "ý kiến của Chủ tịch UBND tỉnh tại
    Công văn số …", "đã được UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo tại Chỉ thị
    số …" — only when it agrees with the symbol's issuer code (of several
    bodies, the first that does)."""
    if not found.issuer_codes:
        return None
    seg = text[max(0, pos - 160):pos]
    ms = [x for x in (_ISSUER_BEFORE.search(seg, timeout=rx_timeout(seg)), _AGENT_BEFORE.search(seg, timeout=rx_timeout(seg)))
          if x is not None]
    # of a "của" phrase and a passive's agent, the one nearer the number ("… của Sở X đã được Chủ tịch UBND tỉnh công
    # bố tại các Quyết định: Số …": the agent)
    m = max(ms, key=lambda x: x.start("iss")) if ms else _HEAD_BEFORE.search(seg, timeout=rx_timeout(seg))
    if not m:
        return _bracketed_paper(text, pos, found)
    whole = m.group("iss")
    # a name written with a comma ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch") whole, else of several bodies the first
    named = "," in whole and all(_comma_in_name(whole, c.start()) for c in regex.finditer(",", whole, timeout=RX_TIMEOUT))
    cands = [whole] if named else regex.split(r"\s{0,3},\s{0,3}", whole, timeout=RX_TIMEOUT)
    for cand in cands:
        iss = normalize_issuer(_cut_at_predicate(cand))
        if iss and iss[:1].isupper() and _issuer_fits_code(iss, found):
            return iss
    if m.re is _ISSUER_BEFORE and len(cands) == 1 and not _issuer_by_any_code(found):
        # "theo quy định của Bộ Giáo dục và Đào tạo tại Thông báo số 691/TB-QLCL", "ý kiến chỉ đạo của Lãnh đạo
        # Chính phủ tại văn bản số 1496/VPCP-KTTH": one body (or its head) named before a number whose code is a
        # unit's no table spells out — the text names who issued it
        iss = normalize_issuer(_cut_at_predicate(cands[0]))
        if iss and _NAMED_BODY.match(iss, timeout=RX_TIMEOUT) and len(iss.split()) >= 2:
            return iss
    return None


# a body or its head, as a sentence names who issued a document: "Bộ …", "Sở …", "Chủ tịch …", "Lãnh đạo Chính phủ"
_NAMED_BODY = regex.compile(r"^(?:" + _BODY_HEADS + r"|" + _TITLES + r"|Lãnh\s+đạo|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội)"
                            r"(?![\p{L}])")


def _issuer_by_any_code(found: Found) -> bool:
    """Whether one of the symbol's issuer codes names a body the issuer table knows ("UBND", "BTC", "VPCP")."""
    return any(issuer_by_code(c) for c in found.issuer_codes)


_LED_GAP_STOP = regex.compile(
    r"(?<![\p{L}])(?:của|Của|tại|Tại|giữa)(?![\p{L}])|[.!?]\s+\p{Lu}|:|\n", regex.IGNORECASE)


def share_leading(text: str, items: list[Resolved]) -> None:
    """An enumeration led by an issuer named before its first number ("… được
    UBND tỉnh chỉ đạo tại Chỉ thị số 01/CT-UBND ngày …, Chỉ thị số 03/CT-UBND
    ngày …; Công văn số 4643/UBND-KGVX …"): the later numbers of the same
    issuer code take it, while nothing between names another body ("của",
    "tại") or ends the sentence."""
    for i in range(1, len(items)):
        a, b = items[i - 1], items[i]
        if b.issuer or a.issuer_source not in ("before", "led", "named") or not a.issuer:
            continue
        if a.found.issuer_codes != b.found.issuer_codes and not _issuer_fits_code(a.issuer, _codes_of_letter(b)):
            continue
        gap = text[max(a.tail, a.found.end):b.start]
        if len(gap) > 300 or _LED_GAP_STOP.search(gap, timeout=rx_timeout(gap)):
            continue
        b.issuer, b.issuer_source = a.issuer, "led"


def _spelled_by_prefixes(code: str, words: list[str]) -> bool:
    """Whether ``code`` is spelt by the beginnings of consecutive words, each
    giving one letter or more: "ttr" by "thanh tra", "gdtrh" by "giao duc
    trung hoc" (a code written with a word's first two letters)."""
    def from_word(i: int, c: str) -> bool:
        if not c:
            return True
        if i >= len(words):
            return False
        w = words[i]
        return any(w[:k] == c[:k] and from_word(i + 1, c[k:]) for k in range(min(len(w), len(c)), 0, -1))
    return len(code) >= 2 and any(from_word(i, code) for i in range(len(words)) if words[i][:1] == code[:1])


# a party committee's code and the other names of that committee ("TU": "Ban Chấp hành Đảng bộ tỉnh", "Ban
# Thường vụ Tỉnh ủy"; "TW": "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương")
_PARTY_BODIES = {
    "tu": regex.compile(r"(?:dang bo|tinh uy|thanh uy)(?: tinh| thanh pho)?(?: [a-z]+){0,3}$"),
    "hu": regex.compile(r"(?:dang bo|huyen uy)(?: huyen)?(?: [a-z]+){0,3}$"),
    "tw": regex.compile(r"(?:trung uong(?: dang)?|bo chinh tri|ban bi thu)$"),
    "du": regex.compile(r"(?:dang bo|dang uy)(?: [a-z]+){0,6}$"),
}


_PLURAL_BEFORE = regex.compile(r"(?<![\p{L}])(?:các|những|Các|Những)\s{1,3}$")


def share_in_plural_list(text: str, items: list[Resolved]) -> None:
    """A list headed by a plural type ("ban hành các Kế hoạch số 5826/KH-UBND
    ngày … của Ủy ban nhân dân tỉnh về …; Kế hoạch số 3686/KH-UBND ngày …"):
    a later number of the same type and issuer code, in the same sentence,
    naming no issuer of its own, was issued by the first one's issuer."""
    for i, a in enumerate(items):
        if a.issuer_source != "explicit" or not a.type_from_word or not a.issuer:
            continue
        if not _PLURAL_BEFORE.search(text[max(0, a.start - 12):a.start],
                                     timeout=rx_timeout(text[max(0, a.start - 12):a.start])):
            continue
        for b in items[i + 1:]:
            if b.type != a.type:
                continue
            if b.issuer or not b.type_from_word or b.found.issuer_codes != a.found.issuer_codes:
                break
            gap = text[a.found.end:b.start]
            if regex.search(r"[.!?]\s+\p{Lu}|\n", gap, timeout=RX_TIMEOUT) or not regex.search(r"[;,]\s{0,3}$", gap,
                                                                                                  timeout=RX_TIMEOUT):
                break
            b.issuer, b.issuer_source = a.issuer, "list"
            break


def issuer_fits_code(issuer: str, found: Found) -> bool:
    """Whether an issuer name agrees with the symbol's issuer code (by initials)."""
    return _issuer_fits_code(issuer, found)


def _issuer_fits_code(issuer: str, found: Found) -> bool:
    """Whether an issuer name agrees with the symbol's issuer code (by initials)."""
    words = [w for w in regex.findall(r"\w+", fold(issuer), timeout=RX_TIMEOUT) if w != "va"]
    initials = "".join(w[0] for w in words)
    for code in found.issuer_codes:
        c = fold(code).replace("đ", "d")
        party = _PARTY_BODIES.get(c) if found.family == "party" else None
        if party is not None and party.search(" ".join(words).replace("đ", "d"), timeout=RX_TIMEOUT):
            return True
        if c and (c in initials or _spelled_by_prefixes(c, [w.replace("đ", "d") for w in words])):
            return True
        term = regex.match(r"^(?P<c>\p{L}*qh)[0-9]{1,2}$", c, timeout=RX_TIMEOUT)
        if term and term.group("c") in "".join(w[0] for w in words if not w.isdigit() and w not in ("khoa",)):
            return True  # "UBTVQH14" for "Ủy ban Thường vụ Quốc hội (khóa 14)": the term's number is no initial
        exp = issuer_by_code(code)  # "TTg" → "Thủ tướng Chính phủ"
        if exp and fold(issuer).endswith(fold(exp)):
            return True
    return False


def resolve(text: str, found: Found, breaks: Sequence[int] = ()) -> Resolved:
    """Type, date, issuer, title and relation of ``found`` from the words
    around it; ``breaks`` are where the paragraphs of ``text`` start."""
    r = Resolved(found=found, start=found.start, end=found.end)
    before = text[max(0, found.start - 60):found.start]
    m = _type_before().search(before, timeout=RX_TIMEOUT)
    code_type, code = _type_from_code(found)
    named_before = None
    if not m:
        # "Kế hoạch của UBND tỉnh số 112/KH-UBND": the issuer between the type and the number
        wide = text[max(0, found.start - 160):found.start]
        tb = _type_of_before().search(wide, timeout=RX_TIMEOUT)
        if tb and regex.search(r"(?<![\p{L}])(?:về|tại|theo|đã|được|và\s+\p{Ll})(?![\p{L}])", tb.group("iss"),
                               timeout=RX_TIMEOUT):
            tb = None  # "Kế hoạch của Sở Y tế và văn bản số …": not one issuer named before one number
        elif tb and _type_at(tb.group("iss"), 0):
            tb = None  # "quy định của Luật Đất đai số …": the number is the law's, no body is named
        if tb:
            named_before = normalize_issuer(_cut_at_predicate(tb.group("iss")))
            m = tb
            before = wide
    if m:
        name = normalize_type(m.group("type"))
        r.start = found.start - (len(before) - m.start())
        if fold(name) in ("van ban",):
            name = code_type or "Công văn"
        elif code_type and fold(code_type).startswith(fold(name) + " "):
            name = code_type  # "Thông tư số 36/2014/TTLT-…": the joint kind its code says
        r.type = name
        r.type_from_word = True
    elif _SO_BEFORE.search(before, timeout=rx_timeout(before)):
        # "…: Số 06-CT/TU …; số 32-CT/TU" → the type named at the head of the list
        # (within the paragraph: a list head of an earlier paragraph types nothing here)
        heads = list(_list_type().finditer(text[_para_lo(found.start, 600, breaks):found.start], timeout=RX_TIMEOUT))
        if heads:
            r.type = normalize_type(heads[-1].group("type"))
            r.type_from_word = True
            if code_type and (found.type_code or fold(r.type) == "van ban") and fold(r.type) != fold(code_type):
                # "tại các văn bản: Số 12/TTr-…, số 13/BC-…", "các Tờ trình số 12/TTr-… và số 374/BC-…": a number
                # whose code names its own kind is of that kind, whatever the list's head says
                r.type = code_type
        so = _SO_BEFORE.search(before, timeout=rx_timeout(before))
        r.start = found.start - (len(before) - so.start())
    if r.type is None and found.year and not found.type_code and found.symbol.startswith(("QH", "UBTVQH")):
        r.type = _law_named_before(text, r.start)  # "Luật Tổ chức chính quyền địa phương số 77/2015/QH13"
    if r.type is None:
        r.type = code_type
    r.type_code = code if code else _code_of_type(r.type)
    if r.type == "Công văn" and not found.type_code:
        r.type_code = "CV"

    pos = found.end
    r.date, pos2 = read_date(text, pos)
    if r.date is None and pos2 == pos:
        # blank date in a draft / footnote ("ngày của …"): skip the bare word
        bm = regex.match(r"[\s,]{0,3}(?:ngày|Ngày)(?=\s{1,3}(?:của|Của))", text[pos:pos + 20], timeout=RX_TIMEOUT)
        if bm:
            pos2 = pos + bm.end()
        else:
            bad = _BAD_DATE.match(text, pos, pos + 30, timeout=RX_TIMEOUT)
            pos2 = bad.end() if bad else pos
    r.date_end = pos2 if r.date and pos2 > pos else None
    r.issuer, pos3 = read_issuer(text, pos2, breaks=breaks, found=found)
    if r.issuer and r.date is None:
        # the date after the issuer: "Công văn số 12/TTTH-VP của Văn phòng UBND tỉnh ngày 14/8/2012"
        r.date, pos4 = read_date(text, pos3)
        pos3 = max(pos3, pos4)
    if r.date is None:
        r.date = _date_of_act(text, r.start, breaks)
    if r.issuer:
        r.issuer_source = "explicit"
    elif named_before and named_before[:1].isupper():
        r.issuer, r.issuer_source = named_before, "named"
    else:
        before_iss = _issuer_before(text, r.start, _codes_of_letter(r))
        head = None if before_iss else _list_head_issuer(text, found.start, found)
        bracket = None if before_iss or head else _body_before_bracket(text, r.start, found)
        if before_iss:
            r.issuer, r.issuer_source = before_iss, "before"
        elif head:
            r.issuer, r.issuer_source = head, "list"
        elif bracket:
            r.issuer, r.issuer_source = bracket, "before"
    if r.issuer:
        r.issuer = _spelling_of_code(r.issuer, found)
    r.tail = max(pos2, pos3)
    r.title = read_title(text, r.tail)
    if r.issuer is None and r.title:
        after = _issuer_after_title(r.title, found)
        if after:
            r.issuer, r.issuer_source = after, "title"
    elif r.issuer is None and not r.title:
        # a title without "về" ("… quy định chuẩn nghề nghiệp giáo viên của Bộ trưởng Bộ Giáo dục và Đào tạo;"):
        # the clause up to its end, closed by "của <body>" fitting the symbol's code
        clause = regex.match(r"[^;.\n()“”\"]{3,250}?(?=\s{0,3}(?:[;.\n]|$))", text[r.tail:r.tail + 260], timeout=RX_TIMEOUT)
        words = clause.group(0) if clause else ""
        nxt = _NEXT_NUMBER.search(words, timeout=rx_timeout(words))
        if nxt:
            words = words[:nxt.start()]  # "…, Thông tư số 6/… của Bộ X": the "của" of the next number is its own
        after = _issuer_after_title(words.strip(" ,"), found) if words.strip(" ,") else None
        if after:
            r.issuer, r.issuer_source = after, "title"
    r.relation = relation_at(text, r.start)
    return r


@lru_cache(maxsize=512)
def _code_names(code: str) -> tuple[tuple[str, str], ...]:
    """The names a code stands for in the issuer table, with their folded forms."""
    out = []
    for name in regex.split(r"\s*[/;]\s*", issuer_by_code(code) or "", timeout=RX_TIMEOUT):
        name = regex.sub(r"\s*\([^()]*\)", "", name, timeout=RX_TIMEOUT).strip()
        if len(name.split()) >= 2:
            out.append((name, fold(name)))
    return tuple(out)


def _spelling_of_code(issuer: str, found: Found) -> str:
    """An issuer name an OCR misspelt ("Thủ tướng Œhính phủ", "Ban châphành Trung
    ương") takes the spelling of the name its symbol's code stands for when the
    two differ by a letter or two only."""
    f = fold(issuer)
    if "," in issuer:
        return issuer  # several bodies, or a name written with a comma: no one table name to spell it by
    for code in found.issuer_codes:
        for name, fn in _code_names(code):
            if f[:3] != fn[:3] or f == fn or f.startswith(fn + " ") or len(f) != len(issuer):
                continue
            from difflib import SequenceMatcher

            # the misspelt name is a prefix of the text read, ending at a word's end
            for k in range(max(0, len(fn) - 2), min(len(f), len(fn) + 2) + 1):
                if (k == len(f) or f[k] == " ") and SequenceMatcher(None, fn, f[:k]).ratio() >= 0.9:
                    rest = issuer[k:].strip()
                    return f"{name} {rest}" if rest else name
    return issuer


_LAW_NAMED = regex.compile(r"(?<![\p{L}])(?P<t>Bộ\s{1,3}luật|Luật|Pháp\s{1,3}lệnh|Nghị\s{1,3}quyết)\s{1,3}\p{Lu}")


def _law_named_before(text: str, pos: int) -> str | None:
    """The type of a Quốc hội number written after the law's name: the last
    "Luật <Name>" of its clause, with no other number between."""
    seg = text[max(0, pos - 160):pos]
    cut = max(seg.rfind(";"), seg.rfind(". "), seg.rfind(":"))
    seg = seg[cut + 1:]
    ms = list(_LAW_NAMED.finditer(seg, timeout=rx_timeout(seg)))
    if not ms or regex.search(r"[0-9]", seg[ms[-1].end():], timeout=RX_TIMEOUT):
        return None
    return normalize_type(ms[-1].group("t"))


_OF_BODY = regex.compile(r"(?<![\p{L}])(?:của|Của)\s{1,3}(?=\p{Lu})")


# a body's name (a comma in it only before a capital: "Bộ Văn hóa, Thể thao và Du lịch"), then a comma and words in
# lower case — the title read on past its end into the sentence
_NAME_THEN_CLAUSE = regex.compile(r"(?P<n>(?:[^,;:()“”\"]|,\s(?=\p{Lu})){2,80}?)\s{0,2},\s{1,3}\p{Ll}")


def _issuer_after_title(title: str, found: Found) -> str | None:
    """The issuer named after the title, closing it: "… về việc ban hành quy
    định chuẩn nghề nghiệp giáo viên của Bộ trưởng Bộ Giáo dục và Đào tạo" —
    the last "của <Body>" reaching the title's end, when the name fits the
    symbol's issuer code."""
    for m in reversed(list(_OF_BODY.finditer(title, timeout=rx_timeout(title)))):
        name = title[m.end():].strip(" ,;.")
        comma = _NAME_THEN_CLAUSE.match(name, timeout=RX_TIMEOUT)
        if comma:
            name = comma.group("n")  # "… của Sở Y tế, các trạm y tế báo cáo …": the title read on past its end
        if regex.search(r"[;:()“”\"]|(?<![\p{L}])(?:về|để|nhằm|trong|tại)(?![\p{L}])", name, timeout=RX_TIMEOUT) or any(
                not _comma_in_name(name, c.start()) for c in regex.finditer(",", name, timeout=RX_TIMEOUT)):
            return None  # (a comma only inside a name the table writes with one: "Bộ Văn hóa, Thể thao và Du lịch")
        iss = normalize_issuer(_cut_at_predicate(name))
        if iss and fold(iss) == fold(name) and found.issuer_codes and _issuer_fits_code(iss, found):
            return iss
        return None
    return None


_NEXT_NUMBER = regex.compile(r"(?<![\p{L}0-9])[0-9]{1,5}[a-z]?\s{0,2}[/\-]\s{0,2}(?:(?:19|20)[0-9]{2}\s{0,2}/\s{0,2})?\p{Lu}")
_SHARE_GAP = regex.compile(r"^[\s,]*(?:,|và|VÀ)[\s,]*$")


_AND_BODY = regex.compile(r"\s(?:và|VÀ)\s(?=(?:" + _BODY_HEADS + r"|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội)\s)")


def one_body_each(items: list[Resolved]) -> None:
    """Two bodies named after two numbers they share ("các văn bản số 12/LĐTBXH-NCC …, số 13/BTC-HCSN … của Bộ Lao
    động - Thương binh và Xã hội và Bộ Tài chính"): each number was issued by the one body whose name its code
    fits, when exactly one does (a joint symbol, "TTLT-BTC-BNV", fits both and keeps both)."""
    for r in items:
        if not r.issuer or not _AND_BODY.search(r.issuer, timeout=rx_timeout(r.issuer)):
            continue
        parts = [p.strip() for p in _AND_BODY.split(r.issuer, timeout=RX_TIMEOUT) if p.strip()]
        fits = [p for p in parts if _issuer_fits_code(p, r.found)]
        if len(parts) >= 2 and len(fits) == 1:
            r.issuer = fits[0]


def share_trailing(text: str, items: list[Resolved]) -> None:
    """A number directly followed by ", " / "và" and another number takes that
    one's date and issuer when it has none of its own (right to left, so a
    chain of three shares the last one's)."""
    for i in range(len(items) - 2, -1, -1):
        a, b = items[i], items[i + 1]
        if a.issuer_source == "explicit":
            continue
        if a.date:
            # a dated number in a pair sharing its issuer: "Nghị định số 10/2020/NĐ-CP ngày … và số
            # 11/2020/NĐ-CP ngày … của Chính phủ" (the issuer only, each keeps its own date)
            if a.issuer or a.date_end is None or a.tail > a.date_end:
                continue
            if not _SHARE_GAP.match(text[a.date_end:b.start], timeout=RX_TIMEOUT) and not (
                    # a bare number of the same body right after the date, no comma: "Quy định số 21-QĐ/TU, ngày
                    # 2/3/2031 17-QĐ/TU, ngày 9/9/2029 của Ban Thường vụ Tỉnh ủy" (an amended list left unpunctuated)
                    b.start == b.found.start and a.found.issuer_codes == b.found.issuer_codes
                    and regex.fullmatch(r"[ \t]{1,4}", text[a.date_end:b.start], timeout=RX_TIMEOUT)):
                continue
            if b.issuer and b.issuer_source in ("explicit", "shared") and (
                    a.found.issuer_codes == b.found.issuer_codes or _issuer_fits_code(b.issuer, a.found)):
                a.issuer, a.issuer_source = b.issuer, "shared"  # "12/KH-UBND … và … 13/UBND-VX … của UBND huyện"
            continue
        if a.tail > a.found.end:  # something was read after a (a date, an issuer)
            continue
        if not _SHARE_GAP.match(text[a.found.end:b.start], timeout=RX_TIMEOUT):
            continue
        if a.found.issuer_codes != b.found.issuer_codes and not (b.issuer and _issuer_fits_code(b.issuer, a.found)):
            continue  # "Chỉ thị số 33/CT-TTg, Quyết định số 324-QĐ/TU của Tỉnh ủy": different bodies
        if b.date:
            a.date = b.date
        if b.issuer and b.issuer_source in ("explicit", "shared") and a.issuer_source != "named":
            a.issuer, a.issuer_source = b.issuer, "shared"


# --------------------------------------------------------------------------
# Issuer (and date) from the sentence around a mention
# --------------------------------------------------------------------------

_SUBJECT_HEADS = _BODY_HEADS + r"|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Kiểm\s+toán|HĐND|Thanh\s+tra|Ủy\s+ban|Bộ\s+trưởng"
# "<body> [đã] ban hành / có / gửi / ký / phê duyệt / quyết định …" at the start of a clause (or after "trình",
# the body asked to issue: "trình Thủ tướng Chính phủ ban hành Quyết định …")
_SUBJECT_ISSUES = regex.compile(
    r"(?:^|(?<=[,;:(]\s{0,3})|(?<=(?:^|\s)[-+•]\s)|(?<=(?<![\p{L}])trình\s{1,3})"
    r"|(?<=\)\s{1,3})"  # a web copy's paragraph run on after a bracket: "(Sau đây gọi là …) Bộ Y tế có Công văn số …"
    r"|(?<=(?<![\p{L}])(?:[Ss]au\s{1,3}khi|[Kk]hi|[Tt]rước\s{1,3}khi)\s{1,3})"  # "Sau khi Bộ Tài chính ban hành …"
    r"|(?<=(?<![\p{L}])(?:ngày|Ngày)\s{1,3}[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)[0-9]{2}\s{1,3}))"
    r"(?P<subj>(?:" + _SUBJECT_HEADS + r")(?:\s{1,3}[^\s,;:.()“”\"]{1,20}){0,12}?)"
    r"\s{1,3}(?:(?:đã|vừa|cũng|đã\s{1,3}kịp\s{1,3}thời)\s{1,3})?"
    # the drafting verb coordinated before it: "Bộ X đã xây dựng và trình Chính phủ … tại Tờ trình số …"
    r"(?:(?:xây\s{1,3}dựng|soạn\s{1,3}thảo|hoàn\s{1,3}thiện|tổng\s{1,3}hợp|thẩm\s{1,3}định)\s{1,3}và\s{1,3})?"
    r"(?P<verb>ban\s{1,3}hành|có|gửi|ký|phê\s{1,3}duyệt|quyết\s{1,3}định|trình|ra)(?![\p{L}])"
)
# "(theo) hướng dẫn / chỉ đạo / kết luận, kiến nghị … của <body>" — the agent of documents cited after it
_AGENT = regex.compile(
    r"(?<![\p{L}])(?:hướng\s{1,3}dẫn|chỉ\s{1,3}đạo|ý\s{1,3}kiến|kết\s{1,3}luận|kiến\s{1,3}nghị|yêu\s{1,3}cầu)"
    r"\s{1,3}(?=(?:của|Của)\s)"
)
# a word that is a predicate, not part of a body's name
_NOT_NAME = regex.compile(
    r"(?<![\p{L}])(?:đã|sẽ|đang|với|(?<!(?:Quản|quản)\s{1,3}lý\s{1,3})các|những|được|cho|trong|tại|theo|để|về|của|phối\s+hợp|chỉ\s+đạo|tham\s+mưu|"
    r"triển\s+khai|thực\s+hiện|tổ\s+chức|xây\s+dựng|báo\s+cáo|đề\s+nghị|yêu\s+cầu|hướng\s+dẫn|là|và\s+các)(?![\p{L}])"
)
# a clause that opens with a body (a new subject) — a document cited after it is not the earlier subject's
_NEW_SUBJECT = regex.compile(r"(?:[,;:]\s{1,3}|\s[-+•]\s)(?:" + _SUBJECT_HEADS + r")\s")
# words saying the document just before is someone else's, implemented or followed
_FOREIGN_LEAD = regex.compile(
    r"(?<![\p{L}])(?:thực\s+hiện|triển\s+khai|theo|căn\s+cứ|quán\s+triệt|hướng\s+dẫn|của|tiếp\s+tục)(?![\p{L}])",
    regex.IGNORECASE,
)
_SENT_END = regex.compile(r"[.!?]\s+(?=[\p{Lu}\-+•])")
_DATE_LEAD = regex.compile(r"(?:^|[.;:]\s{1,3})(?:Ngày|ngày)\s{1,3}(?P<d>[^,;]{3,40}?)\s{0,3},\s{0,3}$")


@dataclass(slots=True)
class _Anchor:
    issuer: str
    start: int  # where the subject / agent phrase starts
    end: int  # end of the verb / of the agent's name
    subject: bool  # a sentence subject (not an agent phrase)


def _anchors(seg: str) -> list[_Anchor]:
    out: list[_Anchor] = []
    for m in _SUBJECT_ISSUES.finditer(seg, timeout=rx_timeout(seg)):
        subj = squash_spaces(m.group("subj"))
        if _NOT_NAME.search(subj, timeout=rx_timeout(subj)):
            continue
        iss = normalize_issuer(subj)
        if iss:
            out.append(_Anchor(iss, m.start("subj"), m.end(), True))
    for m in _AGENT.finditer(seg, timeout=rx_timeout(seg)):
        iss, end = read_issuer(seg, m.end())
        if iss:
            out.append(_Anchor(iss, m.start(), end, False))
    out.sort(key=lambda a: a.start)
    return out


def _sentence_start(text: str, pos: int, para_starts: list[int]) -> int:
    lo = max(0, pos - 4000)
    ends = [m.end() for m in _SENT_END.finditer(text, lo, pos, timeout=rx_timeout(text))]
    start = ends[-1] if ends else lo
    k = bisect_right(para_starts, pos)
    if k:
        start = max(start, para_starts[k - 1])
    return start


def issuers_from_context(text: str, items: list[Resolved], para_starts: list[int] | None = None) -> None:
    """Issuer of a mention that names none after it, from the sentence it
    stands in: the subject that issued it ("Ủy ban nhân dân tỉnh đã ban hành
    Kế hoạch số …", "Sở Tài chính đã có Công văn số …", a list heading "UBND
    tỉnh X đã ban hành: Kế hoạch số …; Quyết định số …") or an agent phrase
    ("theo hướng dẫn của Bộ Tài chính tại Công điện số …, Công văn số …").
    Only when nothing between says the document is someone else's (a new
    subject, "thực hiện", "theo" …) and the name fits the symbol's issuer
    code.  A date opening the sentence ("Ngày 03/7/2025, HĐND tỉnh ban hành
    Nghị quyết số …") dates the first document the subject issued."""
    para_starts = para_starts or []
    for i, r in enumerate(items):
        generic = bool(r.issuer) and r.issuer_source in ("explicit", "named") and _ends_at_level(r.issuer)
        if r.issuer and r.date and not generic:
            continue
        s0 = _sentence_start(text, r.start, para_starts)
        seg = text[s0:r.start]
        anchors = _anchors(seg)
        if not anchors:
            intro = _list_intro(text, r.start, para_starts)
            if intro is not None:
                # "UBND tỉnh đã ban hành:" ⏎ "- Quyết định số …;" ⏎ "- Kế hoạch số …": the subject of the list's
                # introduction, when the item names nobody else before the number
                i0, i1 = intro
                lead_in = anchors_in = _anchors(text[i0:i1])
                if anchors_in and not _FOREIGN_LEAD.search(text[i0 + anchors_in[-1].end:i1], timeout=RX_TIMEOUT) \
                        and anchors_in[-1].subject and not _FOREIGN_LEAD.search(seg, timeout=rx_timeout(seg)) \
                        and not _NEW_SUBJECT.search(" " + seg, timeout=RX_TIMEOUT) \
                        and not r.issuer and r.found.issuer_codes and _issuer_fits_code(lead_in[-1].issuer, r.found):
                    r.issuer, r.issuer_source = lead_in[-1].issuer, "context"
            continue
        a = anchors[-1]
        if _NEW_SUBJECT.search(seg, a.end, timeout=rx_timeout(seg)):
            continue
        prev_end = max((p.found.end for p in items[:i] if s0 + a.end <= p.found.start), default=None)
        lead = seg[a.end if prev_end is None else prev_end - s0:]
        cuts = [m.end() for m in _LEAD_SEP.finditer(lead, timeout=rx_timeout(lead))]
        if cuts:
            lead = lead[cuts[-1]:]
        if _FOREIGN_LEAD.search(lead, timeout=rx_timeout(lead)) and not (
                r.type == "Tờ trình" and a.subject and regex.search(r"(?<![\p{L}])trình(?![\p{L}])", seg[a.start:a.end],
                                                                    timeout=RX_TIMEOUT)
                and regex.search(r"(?<![\p{L}])tại\s{1,3}$", lead, timeout=RX_TIMEOUT)):
            # ("Bộ X đã xây dựng và trình Chính phủ dự thảo …, hướng dẫn … của Luật Y tại Tờ trình số …": the body that
            # presented the submission issued it, whatever the draft it presents names on the way)
            continue
        if generic:
            # "của UBND tỉnh" in a list headed "UBND tỉnh Bình Thuận đã ban hành:": that province's
            if fold(a.issuer).startswith(fold(r.issuer) + " "):
                r.issuer = a.issuer
            continue
        if not r.issuer and r.found.issuer_codes and _issuer_fits_code(a.issuer, r.found):
            r.issuer, r.issuer_source = a.issuer, "context"
        if not r.date and a.subject and prev_end is None and r.issuer_source == "context":
            dm = _DATE_LEAD.search(seg, max(0, a.start - 60), a.start, timeout=rx_timeout(seg))
            if dm:
                ds = find_dates("ngày " + dm.group("d"))  # (a day in words is a date only after "ngày")
                if ds and ds[0].iso:
                    r.date = ds[0].iso


_LEAD_SEP = regex.compile(r"[,;]\s|\s(?:và|VÀ)\s")
_ITEM_START = regex.compile(r"\s{0,3}(?:[-+•*–]|[a-zđ]\)|[0-9]{1,2}[.)])\s")


def _list_intro(text: str, pos: int, para_starts: list[int]) -> tuple[int, int] | None:
    """The paragraph introducing the list whose item holds ``pos``: the
    nearest paragraph before ending with ":", every paragraph from there to
    ``pos`` being a list item ("- …", "a) …", "1. …"); (start, end) or None."""
    k = bisect_right(para_starts, pos)  # paragraph k starts at para_starts[k - 1] (paragraph 0 at 0)

    def start_of(j: int) -> int:
        return para_starts[j - 1] if j > 0 else 0

    if k <= 0:
        return None
    for j in range(k, max(0, k - 30), -1):
        if not _ITEM_START.match(text, start_of(j), timeout=rx_timeout(text)):
            return None
        prev = text[start_of(j - 1):start_of(j) - 1].rstrip()
        if prev.endswith(":"):
            return start_of(j - 1), start_of(j - 1) + len(prev)
    return None


def _ends_at_level(issuer: str) -> bool:
    """"Ủy ban nhân dân tỉnh", "Hội đồng nhân dân huyện": a body named by its level only."""
    last = issuer.split()[-1] if issuer.split() else ""
    return bool(_LEVEL_WORD.match(last, timeout=rx_timeout(last)))
