"""Small grammars of criteria tables: points, codes, markers, list cells.

Pure functions over strings, shared by the table reader
(``extractors.criteria_table``) and the prose reader (``extractors.criteria``):

* ``parse_points_cell("02") == 2``, ``parse_points_cell("2,5") == 2.5`` — a
  points column value (decimal comma, leading zeros, "10 điểm", "0 - 2").
* ``points_in_text("…: 3 điểm.") == 3`` — the maximum a criterion's own text
  states ("(10 điểm)", "… /14 điểm", "tối đa 5 điểm"), ignoring deductions
  ("trừ 0,5 điểm", "mỗi … 1 điểm").
* ``split_code`` / ``code_style`` — a row's code as written ("I", "1.1",
  "a)", "Tiêu chí số 2") and the family it belongs to, for building the tree.
* ``is_choose_one`` — "Chấm 1 trong 3 tiêu chí sau" (also "Châm", "Đánh giá
  1 trong 3 …").
* ``split_units`` / ``split_evidence`` — list cells as lists.
"""

from __future__ import annotations

from core import regex_cached as regex

from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces

# --------------------------------------------------------------------------
# numbers and points
# --------------------------------------------------------------------------

_NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"
_NUM_RX = regex.compile(_NUMBER)
_CELL_RX = regex.compile(
    rf"^\s*(?:tu\s+|tối\s+đa\s+|toi\s+da\s+)?({_NUMBER})(?:\s*(?:-|–|đến|den)\s*({_NUMBER}))?\s*(?:điểm|diem|đ)?\s*[.;]?\s*$",
    regex.IGNORECASE,
)


def to_number(text: str) -> float | None:
    """ "02" → 2.0, "2,5" → 2.5, "2.5" → 2.5; None when not a number."""
    t = text.strip()
    if not t:
        return None
    m = _NUM_RX.fullmatch(t, timeout=rx_timeout(t))
    if not m:
        return None
    return float(t.replace(",", "."))


def parse_points_cell(text: str) -> float | None:
    """The value of a points column cell, or None (empty, "x", prose)."""
    t = strip_markup(text)
    t = squash_spaces(t)
    if not t:
        return None
    m = _CELL_RX.match(t, timeout=rx_timeout(t))
    if not m:
        return None
    a = float(m.group(1).replace(",", "."))
    if m.group(2):  # a range "0 - 2": the maximum is the upper bound
        return max(a, float(m.group(2).replace(",", ".")))
    return a


# "N điểm" with what stands before it; deductions and per-item rates are not maxima
_POINTS_RX = regex.compile(
    rf"(?P<slash>/\s*)?(?P<num>{_NUMBER})\s*(?:điểm|đ\b)",
    regex.IGNORECASE,
)
_NOT_MAX_BEFORE = regex.compile(
    r"(?:trừ|bớt|giảm|cộng|thêm|mỗi|được\s+cộng|còn|dưới|trên|từ)\s+(?:\S+\s+){0,2}$",
    regex.IGNORECASE,
)
_MAX_BEFORE = regex.compile(r"(?:tối\s+đa|thang\s+điểm|tổng\s+(?:số\s+)?điểm)\s*(?:là|:)?\s*$", regex.IGNORECASE)


def points_in_text(text: str) -> float | None:
    """The maximum points a criterion's text states, or None.

    Preference: a "/N điểm" template ("số điểm đạt được là .../14 điểm"), an
    explicit "tối đa N điểm", then the last "N điểm" that ends the text or sits
    in parentheses / after a colon; deductions ("trừ 1 điểm") are skipped.
    """
    t = squash_spaces(strip_markup(text))
    if not t:
        return None
    found: list[tuple[int, float]] = []  # (rank, value); lower rank wins
    for m in _POINTS_RX.finditer(t, timeout=rx_timeout(t)):
        value = float(m.group("num").replace(",", "."))
        before = t[max(0, m.start() - 40): m.start()]
        after = t[m.end(): m.end() + 3]
        if m.group("slash"):
            found.append((0, value))
            continue
        if _MAX_BEFORE.search(before, timeout=rx_timeout(before)):
            found.append((1, value))
            continue
        if _NOT_MAX_BEFORE.search(before, timeout=rx_timeout(before)):
            continue
        tail = t[m.end():].strip(" .;,)*")
        stripped_before = before.rstrip()
        if not tail or stripped_before.endswith((":", "(")) or after.startswith(")"):
            found.append((2, value))
        else:
            found.append((3, value))
    if not found:
        return None
    best = min(r for r, _ in found)
    values = [v for r, v in found if r == best]
    # levels ("đạt: 3 điểm; chưa đạt: 0 điểm"): the maximum is the largest
    return max(values) if best >= 2 else values[0]


_POINTS_PHRASE_RX = regex.compile(
    rf"\s*[:(]?\s*(?:(?:(?:số\s+điểm\s+)?đạt\s+được(?:\s+là)?\s*)?[.…]*\s*/\s*)?{_NUMBER}\s*điểm\s*\)?\s*[.;]?\s*$",
    regex.IGNORECASE,
)


def strip_points_phrase(text: str) -> str:
    """The text without a trailing points phrase (": 3 điểm.", "(10 điểm)")."""
    return _POINTS_PHRASE_RX.sub("", text, timeout=RX_TIMEOUT).rstrip(" :;,")


_TOTAL_RX = regex.compile(
    rf"(?:thang\s+điểm|tổng\s+(?:số\s+)?điểm(?:\s+tối\s+đa)?|tổng\s+cộng|điểm\s+tối\s+đa)\s*(?:là|:|=|\()?\s*({_NUMBER})\b",
    regex.IGNORECASE,
)


def stated_total_in_text(text: str) -> float | None:
    """A total stated in prose or a header: "thang điểm 100", "Tổng điểm: 100"."""
    m = _TOTAL_RX.search(squash_spaces(strip_markup(text)), timeout=RX_TIMEOUT)
    return float(m.group(1).replace(",", ".")) if m else None


_TOTAL_ROW_KEYS = ("tong cong", "tong diem", "tong so diem", "tong so", "cong", "tong")


def is_total_label(text: str) -> bool:
    """A row label that states the table's total ("Tổng cộng", "Tổng điểm")."""
    f = fold(strip_markup(text)).strip(" :.*")
    if not f:
        return False
    return f in _TOTAL_ROW_KEYS or regex.match(
        r"^(?:tong cong|tong diem|tong so diem)\b", f, timeout=RX_TIMEOUT) is not None


# --------------------------------------------------------------------------
# choose-one marker
# --------------------------------------------------------------------------

_CHOOSE_ONE_RX = regex.compile(
    r"\b(?:cham|danh gia|chon|ap dung|tinh)\s+(?:diem\s+)?(?:1|mot|01)\s+(?:trong|trong so)\s+(?:\d{1,2}|hai|ba|bon|nam|sau|cac)\b"
)
_CHOOSE_ONE_PHRASE = regex.compile(
    r"\s*\(?\s*(?:Chấm|Châm|Đánh\s+giá|Chọn)\s+(?:điểm\s+)?(?:1|một|01)\s+trong\s+[^)]{0,80}?(?:\)|$)",
    regex.IGNORECASE,
)


def is_choose_one(text: str) -> bool:
    return _CHOOSE_ONE_RX.search(fold(strip_markup(text)), timeout=RX_TIMEOUT) is not None


def strip_choose_one(text: str) -> str:
    return _CHOOSE_ONE_PHRASE.sub("", text, timeout=RX_TIMEOUT).rstrip(" :;,.")


# --------------------------------------------------------------------------
# codes
# --------------------------------------------------------------------------

# up to XXXIX: criteria tables never go further, and "L"/"C" are more often letters
_ROMAN_RX = regex.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
_GROUP_WORD_RX = regex.compile(
    r"^(?P<word>Tiêu\s+chí|Nhóm(?:\s+tiêu\s+chí)?|Phần|Lĩnh\s+vực|Chỉ\s+tiêu|Mục)\s+(?:số\s+)?(?P<num>[0-9]{1,2}|[IVXLC]{1,5})\b\s*[.:)\-–]?\s*",
    regex.IGNORECASE,
)
_LEAD_CODE_RX = regex.compile(
    r"^(?P<code>(?:[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})|[IVXLC]{1,5}|[a-zđ]|[A-ZĐ])(?P<delim>[.)]|\s*[-–:])\s+"
)


def clean_code(code: str) -> str:
    """A code cell as written, without markup, spaces or a final dot."""
    c = squash_spaces(strip_markup(code)).strip()
    c = c.rstrip(".:").strip()
    return c


def is_roman(code: str) -> bool:
    c = code.strip().rstrip(".)")
    return bool(c) and c.isupper() and _ROMAN_RX.match(c, timeout=rx_timeout(c)) is not None


def code_style(code: str) -> tuple[str, int]:
    """The family of a code, for nesting: ("roman", 0), ("group", 0) for
    "Tiêu chí số N", ("num", depth) for "1" / "1.1" / "1.1.2", ("alpha", 0) for
    "a)" / "a", ("upper", 0) for "A" / "B." and ("other", 0)."""
    c = code.strip()
    if not c:
        return ("none", 0)
    if _GROUP_WORD_RX.match(c + " ", timeout=rx_timeout(c + " ")):
        return ("group", 0)
    bare = c.rstrip(".)")
    if regex.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{1,3})*", bare, timeout=RX_TIMEOUT):
        return ("num", bare.count(".") + 1)
    if is_roman(bare):
        return ("roman", 0)
    if regex.fullmatch(r"[a-zđ]", bare, timeout=RX_TIMEOUT):
        return ("alpha", 0)
    if regex.fullmatch(r"[A-ZĐ]", bare, timeout=RX_TIMEOUT):
        return ("upper", 0)
    return ("other", 0)


def looks_like_code(text: str) -> bool:
    """A short cell that holds a code (not a sentence)."""
    c = clean_code(text)
    return bool(c) and len(c) <= 12 and code_style(c)[0] not in ("none", "other")


def leading_code(text: str) -> tuple[str | None, str]:
    """A code written at the start of a text ("1.2. Nội dung", "a) …",
    "Tiêu chí số 3: …") → (code, rest); (None, text) when none."""
    t = text.lstrip()
    m = _GROUP_WORD_RX.match(t, timeout=rx_timeout(t))
    if m:
        return m.group("num"), t
    m = _LEAD_CODE_RX.match(t, timeout=rx_timeout(t))
    if m:
        code = m.group("code")
        delim = m.group("delim").strip()
        rest = t[m.end():]
        # a single capital letter or roman numeral needs "." or ")" to be a code
        if regex.fullmatch(r"[A-ZĐa-zđ]|[IVXLC]{1,5}", code, timeout=RX_TIMEOUT) and delim not in (".", ")"):
            return None, text
        # "2022 ..." or "04 của" are not codes: a bare number needs "." or ")"
        if not delim:
            return None, text
        if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"('"):
            return None, text
        return code, rest
    return None, text


# --------------------------------------------------------------------------
# markup left by text extraction ("<b>", "<br>", "<p><i>")
# --------------------------------------------------------------------------

_BR_RX = regex.compile(r"<br\s*/?>", regex.IGNORECASE)
_TAG_RX = regex.compile(r"</?(?:b|i|u|p|em|strong|span|sup|sub|div)(?:\s[^<>]{0,80})?>", regex.IGNORECASE)
_MD_EMPH_RX = regex.compile(r"\*\*|__")


def strip_markup(text: str) -> str:
    """Remove HTML-ish inline tags and markdown emphasis; "<br>" becomes a line break."""
    if "<" not in text and "*" not in text and "_" not in text:
        return text
    t = _BR_RX.sub("\n", text, timeout=RX_TIMEOUT)
    t = _TAG_RX.sub("", t, timeout=RX_TIMEOUT)
    t = _MD_EMPH_RX.sub("", t, timeout=RX_TIMEOUT)
    return t


# --------------------------------------------------------------------------
# list cells
# --------------------------------------------------------------------------

_BULLET_RX = regex.compile(r"^\s*(?:[-–—+•*●▪]\s*)")


def is_bullet(text: str) -> bool:
    return _BULLET_RX.match(text, timeout=rx_timeout(text)) is not None


def strip_bullet(text: str) -> str:
    return _BULLET_RX.sub("", text, count=1, timeout=rx_timeout(text)).strip()


def _cell_lines(text: str) -> list[str]:
    """Logical lines of a cell: bullet lines start a new item, wrapped lines
    (the next line starts in lower case, or continues an abbreviation) join."""
    raw = [ln.strip() for ln in strip_markup(text).split("\n")]
    raw = [ln for ln in raw if ln]
    if not raw:
        return []
    # a "- " line starts an item in a bulleted cell; after a plain first line it is
    # a wrapped hyphen ("Phòng Tài chính\n- Kế toán") unless the line before ends a clause
    listed = is_bullet(raw[0])
    items: list[str] = []
    for ln in raw:
        if not items:
            items.append(ln)
            continue
        if is_bullet(ln) and (listed or items[-1].endswith((":", ";", "."))):
            items.append(ln)
            listed = True
        elif listed:
            items[-1] += " " + ln
        elif items[-1].endswith((";", ".")) and ln[:1].isupper():
            items.append(ln)
        else:
            items[-1] += " " + ln
    # a bulleted list flattened into one line by text extraction ("-A -B"): the
    # tight "-X" form (no space after the dash) is never a dash inside a name
    if len(items) == 1 and regex.match(r"^[-–+•]\S", items[0], timeout=RX_TIMEOUT):
        marker = items[0][0]
        items = regex.split(rf"\s+(?={regex.escape(marker)}\p{{Lu}})", items[0], timeout=RX_TIMEOUT)
    return [squash_spaces(strip_bullet(i)) for i in items if strip_bullet(i)]


def split_evidence(text: str) -> list[str]:
    """An evidence cell as a list of documents: one per bullet / line item or
    ";"-separated part; commas stay inside an item."""
    out: list[str] = []
    for item in _cell_lines(text):
        for part in regex.split(r";\s*", item, timeout=RX_TIMEOUT):
            part = part.strip(" .;,")
            if part:
                out.append(part)
    return out


_UNIT_HEAD = (
    "phong", "ban", "khoa", "so", "ubnd", "uy ban", "hdnd", "tram", "trung tam", "doan", "cong doan",
    "to", "hoi", "chi bo", "dang bo", "dang uy", "vien", "cuc", "vu", "bo", "chi cuc", "truong",
    "benh vien", "cac", "lanh dao", "thu truong", "giam doc", "pho", "bch", "van phong", "mat tran",
    "cong an", "quan", "huyen", "xa", "tinh", "thanh tra", "kho", "nguoi dung dau", "ca nhan",
)
_UNIT_TYPE_WORDS = ("phong", "khoa", "ban", "to", "tram", "so", "don vi", "bo phan", "doan the", "co quan")
_CONNECTORS = regex.compile(
    r"\s+(?:chủ\s+trì(?:,)?\s+phối\s+hợp\s+(?:với\s+)?|chủ\s+trì\s+và\s+|tham\s+mưu\s+(?:cho\s+)?|phối\s+hợp\s+với\s+|phối\s+hợp\s+)",
    regex.IGNORECASE,
)


def _starts_unit(text: str) -> bool:
    t = text.strip()
    if not t:
        return False
    if t[0].isupper():
        return True
    f = fold(t)
    return any(f == h or f.startswith(h + " ") for h in _UNIT_HEAD)


def split_units(text: str) -> list[str]:
    """A responsible-units cell as a list of bodies, spelling kept:
    "Phòng TC-HC, Phòng TC-KT" / "A và B" / "A chủ trì phối hợp với B" /
    "- A\\n- B"; "Các Khoa, Phòng" stays one item; a distributive "Các" before
    named units ("Các Phòng TC - KT, Phòng TC - HC") is dropped."""
    out: list[str] = []
    for line in _cell_lines(text):
        line = _CONNECTORS.sub(", ", line, timeout=RX_TIMEOUT)
        # sentence breaks between bodies: "Phòng TC-HC. Công đoàn …"
        line = regex.sub(r"(?<=\w)\.\s+(?=\p{Lu})", ", ", line, timeout=RX_TIMEOUT)
        pieces: list[str] = []
        for part in regex.split(r"\s*[,;]\s*", line, timeout=RX_TIMEOUT):
            part = part.strip(" .")
            if not part:
                continue
            # "A và B" splits when B starts a unit
            subs: list[str] = []
            for s in regex.split(r"\s+và\s+", part, timeout=RX_TIMEOUT):
                if subs and not _starts_unit(s):
                    subs[-1] += " và " + s
                else:
                    subs.append(s)
            # a bare unit type ("Phòng") continues "Các Khoa, Phòng"
            if pieces and fold(subs[0]) in _UNIT_TYPE_WORDS:
                pieces[-1] += ", " + subs.pop(0)
            pieces.extend(subs)
        out.extend(pieces)
    cleaned: list[str] = []
    for i, p in enumerate(out):
        p = p.strip(" .;,")
        m = regex.match(r"^(?:Các|các)\s+(\S+)\s+(.+)$", p, timeout=RX_TIMEOUT)
        if m and fold(m.group(1)) in _UNIT_TYPE_WORDS and m.group(2)[:1].isupper() and len(out) > 1:
            p = p[len("Các "):]
        if p:
            cleaned.append(p)
    return cleaned
