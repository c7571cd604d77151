"""The document's own identity: ``extract_header(doc) -> DocumentHeader``.

Reads the layout of Nghị định 30/2020/NĐ-CP (and HD 36-HD/VPTW for party
documents) from the document's lines, whatever the format put them in
(paragraphs, the cells of a borderless 2-column header table, or lines of a
PDF where the issuer block and the national motto are interleaved):

* issuer and parent issuer — the block above "Số:" (motto removed; a line
  starting with a place level, "HUYỆN VĂN GIANG", continues the line above);
* number and symbol — "Số: 799/KH-SYT", party "Số 324-QĐ/TU"; a blank number
  in a draft ("Số: /UBND-NV") stays null;
* place and date — "Hà Tĩnh, ngày 31 tháng 3 năm 2020"; a draft's
  "ngày  tháng 10 năm 2022" gives ``date_partial`` only;
* type and subject — the type line ("KẾ HOẠCH") and the lines under it, or a
  "V/v …"/"Về việc …" subject (a Công văn);
* recipients ("Kính gửi"), distribution ("Nơi nhận", lines verbatim without
  the leading '-' and trailing ';'), signer (TM./KT./TL./TUQ./Q., title,
  name), attachments ("Phụ lục …").

When the text has no header block (an annex, a retyped body), the caption
"(Kèm theo Kế hoạch số …/KH-… ngày …/02/2023 của …)" and a sentence like
"Sở Y tế xây dựng kế hoạch …" fill what they can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
import unicodedata

from core import regex_cached as regex

from extractors.citation_resolve import normalize_issuer, normalize_type
from extractors.dates import find_dates
from core.domain import doc_type_by_code, doc_type_by_name, doc_type_names, issuer_abbrevs
from core.model import Document, DocumentHeader, Loc, Signer
from core.syllables import is_valid_syllable
from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces, strip_diacritics

TOP_LINES = 40  # the header zone: at most this many lines before the body starts


@dataclass(slots=True)
class Line:
    text: str  # cleaned (emphasis marks removed, spaces collapsed)
    loc: Loc


_EMPH = regex.compile(r"\*{1,3}|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)|</?[bi]>")
_MOTTO = regex.compile(
    r"C[ỘO]NG\s+H[ÒOÀ][AÀ]\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    r"|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    regex.IGNORECASE,
)


def _loose(phrase: str) -> str:
    """A pattern for ``phrase`` (unaccented, lower case) matching it with any
    marks and case: the national motto as an OCR or a split line gives it."""
    out = []
    for ch in phrase:
        if ch == " ":
            out.append(r"\s{0,3}")
        elif ch == "d":
            out.append("[dđĐD]")
        elif ch in "aeiouy":
            out.append(r"(?:" + ch + r"|[^\x00-\x7f\s\p{N}\p{P}])")  # the vowel with any mark (or misread)
        else:
            out.append(ch + r"\.?")  # a scan's stray dot inside a word ("CH.Ủ NGHIA")
    return "".join(out)


# pieces of the national motto, whatever line the layout or the OCR put them on ("CỘNG HÒA XÃ HỘI" /
# "CHỦ NGHĨA VIỆT NAM" split over two lines, "CỘNG HOÀ XÃ HỘI CHÚ NGHĨA VIỆT NAM"): never an issuer
_MOTTO_PIECE = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(_loose(p) for p in (
        "cong hoa xa hoi chu nghia viet nam", "cong hoa xa hoi", "xa hoi chu nghia", "chu nghia viet nam",
        "doc lap", "tu do", "hanh phuc", "dang cong san viet nam")) + r")(?![\p{L}])",
    regex.IGNORECASE,
)
_DECOR = regex.compile(r"^[\s*¯_=\-–—~.·•|]*$")  # rules, stars; '|' = a scanned table border read by OCR
_NUMBER_LINE = regex.compile(
    r"(?<![\p{L}])(?:Số|SỐ|^số(?=\s{0,3}:))\s{0,3}:?[\s`'’‘.,]{0,4}(?P<num>[0-9]{1,5}[a-zđ]?)?[.,`'’]?\s{0,3}(?P<sep>[/\-])\s{0,3}"
    r"(?:(?P<year>(?:19|20)[0-9]{2})\s{0,2}/\s{0,2}|(?P<ocr>[0-9]{1,5})\s{0,2}/\s{0,2})?(?P<sym>\p{Lu}[\p{L}0-9&]{0,15}(?:\s{0,2}[\-/]\s{0,2}\p{Lu}[\p{L}0-9&]{0,15}){0,5})"
)
# a scanned "Số:" line: "Sô : 0Í /TB - HTTT", "Số: J†§/STTTT-CNTT" — the OCR's spellings of "Số",
# and a number it could not read (kept null) before a state symbol with a hyphen
_NUMBER_LINE_OCR = regex.compile(
    r"^[^\p{L}0-9]{0,3}(?:Số|SỐ|S[ôốồổóòoO06]|SÔ|SÓ|SỔ|SỒ|S(?=\s{0,2}:)|[$§][ôốồổóòoO06](?=\s{0,2}:))(?:\s{0,3}[:.;]|(?=[^\s\p{L}0-9]|\p{Ll}[^\s\p{L}]))\s{0,3}"
    r"(?:(?P<num>[0-9]{1,5})|(?P<junk>[^\s/\-]{1,4}(?:\s[^\s/\-]{1,3})?))?\s{0,3}(?P<sep>/)\s{0,3}"
    r"(?P<sym>\p{Lu}[\p{L}0-9&]{0,15}(?:\s{0,2}[\-/]\s{0,2}\p{Lu}[\p{L}0-9&]{0,15}(?:,\p{Lu}[\p{L}0-9&]{0,15}){0,3}){1,5})"
    r"[\s|]*$"  # a joint body's code written with commas ("-SVH,TT,DL"); a scanned table border after it
)
# a scanned "Số:" line whose slash the OCR misread, the unread number glued to the symbol: "Số: Äf03Y!CTHN-TTHT" —
# the state symbol after the last mark that is no letter (the number stays null)
_NUMBER_LINE_OCR_GLUED = regex.compile(
    r"^[^\p{L}0-9]{0,3}(?:Số|SỐ|S[ôốồổóòoO06]|SÔ|SÓ|[$§][ôốồổóòoO06])\s{0,2}:\s{0,3}\S{0,8}[^\s\p{L}0-9\-]"
    r"(?P<sym>\p{Lu}[\p{Lu}Đ0-9&]{1,11}(?:-\p{Lu}[\p{L}0-9&]{1,11}){1,3})[.,|]?$"
)
# a scanned number line with no "Số" left, before the place on its line: "864305 /TCT-KK. Hà Nội, ngày …" — the
# "Số:" read as figures; more than five figures are no number (null), the symbol stands
_NUMBER_LINE_BARE = regex.compile(
    r"^[^\p{L}0-9]{0,3}(?P<digits>[0-9]{1,8})\s{0,3}(?P<sep>/)\s{0,3}"
    r"(?P<sym>\p{Lu}[\p{Lu}Đ0-9&]{1,11}(?:-\p{Lu}[\p{L}0-9&]{1,11}){1,3})[.,|]?$"
)
# "Hà Nội, ngày …", "Thành phố Hồ Chí Minh, ngày …", "Bà Rịa - Vũng Tàu, ngày …", "HÀ NỘI, NGÀY …"
_PLACE_DATE = regex.compile(
    r"(?P<place>(?:(?:[Tt]hành[ \t]phố|[Tt]hị[ \t]xã|[Tt]hị[ \t]trấn|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Pp]hường|[Xx]ã)[ \t]{1,2})?"
    r"\p{Lu}[\p{L}.]{0,15}(?:(?:[ \t]{1,2}|[ \t]?[-–][ \t]?)\p{Lu}[\p{L}.]{0,15}){0,5})"
    r"[ \t]{0,2}(?:,[ \t]{0,3}|[ \t])(?:ngày|Ngày|NGÀY)"
)
_TYPE_THEN_SUBJECT = regex.compile(r"^(?P<type>\p{Lu}{2,10}(?:[ \t]\p{Lu}{1,10}){0,3})[ \t]{1,3}(?P<rest>\p{Ll}.{5,})$")
# "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH … BỘ TRƯỞNG BỘ Y TẾ": the type, its subject and (before the preamble) the
# enacting authority run together in capitals on one line
_CAPS_TYPE_VE = regex.compile(r"^(?P<type>\p{Lu}{2,10}(?:[ \t]\p{Lu}{1,10}){0,3}?)[ \t]{1,3}(?P<rest>(?:VỀ|V/V)[ \t][^\p{Ll}]{5,})$")
# the titles of the heads who sign for a body, in capitals ("BỘ TRƯỞNG", "PHÓ CHỦ TỊCH"); the Prime Minister apart
_HEAD_TITLE = (r"(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG"
               r"|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|CHÁNH\s+ÁN|TRƯỞNG\s+BAN)")
_AUTHORITY_TAIL = regex.compile(
    r"(?<=\s)(?:" + _HEAD_TITLE + r"|(?:PHÓ\s+)?THỦ\s+TƯỚNG|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHÍNH\s+PHỦ)(?![\p{L}])")
_YEAR_ONLY = regex.compile(r"[\s.…_]{0,12}tháng[\s.…_]{0,12}năm[ \t]{1,3}(?P<y>(?:19|20)[0-9]{2})(?![0-9])", regex.IGNORECASE)
# what a scan leaves of a number line before the place on its line: one token holding a slash and a hyphen
# ("sé/(ÖCr-TTHT Bắc Ninh, ngày …")
_NUMBER_DEBRIS = regex.compile(r"\s{0,3}(?=[^\s]{0,24}/)(?=[^\s]{0,24}-)[^\s]{4,30}\s{1,3}")
_UNREAD_DAY = regex.compile(r"[\s/.,]{0,3}[^\s0-9]{1,3}[\s,]{1,3}tháng\s{1,3}(?P<m>\S{1,3})\s{1,3}năm\s{1,3}"
                         r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
_LEVEL = regex.compile(r"^(?:huyện|tỉnh|thành\s+phố|quận|xã|phường|thị\s+xã|thị\s+trấn|TP\.?)(?![\p{L}])", regex.IGNORECASE)
_SUBJECT_VV = regex.compile(r"^(?:V/v|V/V|v/v|Về\s+việc|VỀ\s+VIỆC|V[wW](?=\s\p{Ll}))[\s:.]")  # "Vw": a scan's "V/v"
_SUBJECT_VE = regex.compile(r"^(?:Về|về|VỀ)\s{1,3}\p{L}")
_BODY_START = regex.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Kính\s+gửi|Theo|Để|Nhằm|Trên\s+cơ\s+sở|[IVX]{1,4}\.\s|[0-9]{1,2}\.\s|[-+•]\s|\(|\|)",
    regex.IGNORECASE,
)
# "Kính gửi:", or a bare "Gửi:" / a fragment cut after "Kính" ("gửi: - Các Bộ, …") with its colon
_KINH_GUI = regex.compile(r"^(?:(?:Kính\s+gửi|KÍNH\s+GỬI)\s*:?|(?:gửi|Gửi|GỬI)\s*:"
                          # a scan's "Kính gửi:" with a letter or mark misread, a speck before it (", Kink gửi:")
                          r"|[^\p{L}0-9]{0,3}K[iíìỉĩịl1][nm][hk]\s{1,2}g[uùúủũụưừứửữự]i\s{0,2}:)\s*(?P<rest>.*)$")
_DIEN = regex.compile(r"^\p{Lu}[\p{Lu}\s,&-]{2,80}[ \t](?:điện|ĐIỆN)[ \t]{0,2}:[ \t]*(?P<rest>)$")  # a Công điện's addressees
_NOI_NHAN = regex.compile(r"^(?:Nơi\s+nhận|NƠI\s+NHẬN|(?:Noi|NOI)\s+(?:nhận|nhan|NHẬN|NHAN)(?=\s{0,2}:))\s*:?\s*(?P<rest>.*)$")
_AUTHORITY = regex.compile(r"^(?P<a>TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T/UQ)(?:\s{0,2}\.\s{0,3}|\s{1,3})(?P<rest>\S.*)$")
_TITLE_WORDS = regex.compile(
    r"(?<![\p{L}])(?:GIÁM\s+ĐỐC|CHỦ\s+TỊCH|BÍ\s+THƯ|TRƯỞNG|THỦ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|BỘ\s+TRƯỞNG|"
    r"THỦ\s+TƯỚNG|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|CHÁNH\s+ÁN|TRƯỞNG\s+BAN|PHÓ\s+\p{Lu}+)(?![\p{L}])"
)
_RANK = r"(?:(?:Đại|Thượng|Trung|Thiếu)\s(?:tướng|tá|úy|uý)\s{1,2})"  # a police or army rank before the name
# a degree or title before the name: "TS.", "PGS.TS.", "BS.CKII", "ThS.BS", "NGƯT."
_DEGREE = (r"(?:(?:ThS|Ths|TS|TSKH|BS|BSCKI{1,2}|CKI{1,2}|PGS|GS|KS|DS|LS|KTS|NGƯT|NGND|TTƯT|TTND|CN)"
           r"(?:\.\s{0,2}|\s{1,2}))*")
_NAME = regex.compile(r"^" + _RANK + r"?" + _DEGREE + r"\p{Lu}\p{Ll}{0,8}(?:\s\p{Lu}\p{Ll}{0,8}){1,5}\.?$")
_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong luong doan lam mai trinh dao"
    " ha chau thai luu phung quach kieu trieu thach nong dam khuc lai vuong tang mac hua ton nghiem".split())
# the same family names with their marks: "TRƯỜNG ĐẠI HỌC …" folds to a family name's letters but is none
_SURNAMES_MARKED = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương lương đoàn lâm mai trịnh đào"
    " hà châu thái lưu phùng quách kiều triệu thạch nông đàm khúc lại vương tăng mạc hứa tôn nghiêm".split())
# a title typed in mixed case ("Hiệu trưởng", "Phó Giám đốc"): a short line of words without punctuation
_MIXED_TITLE = regex.compile(
    r"^(?:Phó\s+|Chánh\s+)?(?:Hiệu\s+trưởng|Giám\s+đốc|Chủ\s+tịch|Trưởng\s+\p{L}+|Bộ\s+trưởng|Thủ\s+trưởng|"
    r"Chủ\s+nhiệm|Tổng\s+Giám\s+đốc|Viện\s+trưởng|Bí\s+thư|Văn\s+phòng|Trưởng)(?:\s+\p{L}+){0,4}$",
    regex.IGNORECASE)
_SIGN_NOISE = regex.compile(r"^\(?\s*(?:đã\s+ký|ký|Đã\s+ký|ký\s+tên|ký,\s+đóng\s+dấu).*$", regex.IGNORECASE)
_CAPTION = regex.compile(
    r"\(?\s*(?:ban\s+hành\s+)?[Kk]èm\s+theo\s+(?P<type>[\p{L} ]{2,30}?)\s+số\s{0,3}:?\s{0,3}(?P<num>[0-9]{1,5})?\s{0,6}(?P<sep>[/\-])\s{0,2}"
    r"(?:(?P<year>(?:19|20)[0-9]{2})\s{0,2}/\s{0,2})?(?P<sym>\p{Lu}[\p{L}0-9&]{0,15}(?:\s{0,2}[\-/]\s{0,2}\p{Lu}[\p{L}0-9&]{0,15}){0,5})",
    regex.IGNORECASE,
)
_OWN_ACTION = regex.compile(
    r"(?P<iss>\p{Lu}[\p{L}]{0,12}(?:\s{1,3}[\p{L}]{1,12}){0,10}?)\s{1,3}(?:xây\s+dựng|ban\s+hành|triển\s+khai)\s{1,3}(?:kế\s+hoạch|Kế\s+hoạch|quyết\s+định|chương\s+trình|hướng\s+dẫn)"
)
# a body opening a line as the actor of the letter's own act: "Bộ Thông tin và Truyền thông công bố …",
# "Sở Y tế đề nghị …" (the issuer of a text whose header block is missing)
_AGENCY_ACTS = regex.compile(
    r"^(?P<iss>(?:Bộ|Sở|Ủy\s+ban|Uỷ\s+ban|UBND|Trung\s+tâm|Văn\s+phòng|Ban|Cục|Tổng\s+cục|Chi\s+cục|Phòng|Trường|"
    r"Khoa|Bệnh\s+viện|Viện|Học\s+viện|Công\s+an|Thanh\s+tra|Hội\s+đồng)\s\p{Lu}[\p{L} ]{1,60}?)"
    r"\s(?:đã\s|xin\s|trân\s+trọng\s)?(?:công\s+bố|thông\s+báo|đề\s+nghị|hướng\s+dẫn|yêu\s+cầu|ban\s+hành|đề\s+xuất)(?![\p{L}])"
)
_ISSUER_WORDS = regex.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HĐND|HỘI\s+ĐỒNG|SỞ|BỘ|BAN|TỈNH|HUYỆN|XÃ|THÀNH\s+PHỐ|CHÍNH\s+PHỦ|VĂN\s+PHÒNG|"
    r"TRUNG\s+TÂM|ĐẢNG\s+ỦY|ĐẢNG\s+BỘ|CÔNG\s+ĐOÀN|TRƯỜNG|BỆNH\s+VIỆN|PHÒNG|CỤC|TỔNG\s+CỤC)(?![\p{L}])"
)
_ATTACH = regex.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+[0-9IVX]{1,4})?\s*[:.]?\s*(?P<rest>.*)$")
_ABBR = ((regex.compile(r"(?<![\p{L}])UBND(?![\p{L}])"), "Ủy ban nhân dân"),
         (regex.compile(r"^(?:BCĐ|Bcđ)(?![\p{L}])"), "Ban Chỉ đạo"),
         (regex.compile(r"(?<![\p{L}])HĐND(?![\p{L}])"), "Hội đồng nhân dân"))


def _lines(doc: Document) -> list[Line]:
    out: list[Line] = []
    for unit in doc.text_units():
        if getattr(unit.block, "role", "body") != "body":
            continue
        offset = 0
        for raw in unit.text.split("\n"):
            # ``_EMPH`` needs a "*", "_" or "<": most lines have none and skip the regex call
            text = squash_spaces(_EMPH.sub("", raw, timeout=RX_TIMEOUT) if ("*" in raw or "_" in raw or "<" in raw)
                                 else raw)
            if "(cid:" in text:  # a glyph the PDF's font does not map ("SO Y TE(cid:9)"): a tab or a mark, no letter
                text = squash_spaces(regex.sub(r"\(cid:[0-9]{1,5}\)", " ", text, timeout=RX_TIMEOUT))
            if text:
                loc = unit.loc.span(offset, offset + len(raw)) if unit.loc.start is not None else unit.loc
                pieces = _split_landmarks(text, header=len(out) < 400, early=len(out) < 3)
                if len(pieces) == 1:
                    out.append(Line(text, loc))
                else:
                    at = 0
                    for piece in pieces:
                        k = raw.find(piece.split(" ", 1)[0], at)  # the piece's first word in the raw line
                        if k < 0 or unit.loc.start is None:
                            out.append(Line(piece, loc))
                            continue
                        out.append(Line(piece, unit.loc.span(offset + k, offset + min(len(raw), k + len(piece)))))
                        at = k + 1
            offset += len(raw) + 1
    return out


# ---- lines a layout merged: a PDF's two columns flattened, a web page's header on one line ----------------------
# ("ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/UBND-VX Hà Nội, ngày …",
# "Nơi nhận: KT. CHỦ TỊCH", "- Như trên; PHÓ CHỦ TỊCH"): cut where a landmark of the official layout starts
_CUT_MOTTO = regex.compile(
    r"C[ỘO]NG\s{1,3}H[ÒOÀ][AÀ]\s{1,3}X[ÃA]\s{1,3}H[ỘO]I\s{1,3}CH[ỦU]\s{1,3}NGH[ĨI]A\s{1,3}VI[ỆE]T\s{1,3}NAM"
    r"|ĐẢNG\s{1,3}CỘNG\s{1,3}SẢN\s{1,3}VIỆT\s{1,3}NAM")
_CUT_MOTTO_END = regex.compile(r"(?:Độc\s{1,3}lập|ĐỘC\s{1,3}LẬP)\s{0,3}[-–—]\s{0,3}(?:Tự\s{1,3}do|TỰ\s{1,3}DO)\s{0,3}[-–—]\s{0,3}"
                               r"(?:Hạnh\s{1,3}phúc|HẠNH\s{1,3}PHÚC)[\s.]{0,3}")
_CUT_NUMBER = regex.compile(r"(?<=\s|[-_=]{3})(?:(?:Số|SỐ)\s{0,3}:|Số\s{1,3}(?=[0-9]{1,5}\s{0,2}[-/]|/))")
_CUT_VE_VIEC = regex.compile(r"(?<=\s)về\s{1,3}việc\s")  # run onto the number line: "Số 12-CV/ĐU về việc …"
_CUT_VV = regex.compile(r"(?<=\s)(?:V/v|V/V|Về\s{1,3}việc)\s{0,2}:?\s")
_CUT_NOI_NHAN = regex.compile(r"(?<=\s)(?:Nơi\s{1,3}nhận|NƠI\s{1,3}NHẬN|Noi\s{1,3}nhận)\s{0,3}:")
_CUT_AUTH = regex.compile(r"(?<=[\s;,.:])(?:TM|KT|TL|TUQ|T/M|K/T|T/L|T/UQ)(?:\s{0,2}\.\s{0,3}|\s{1,3})(?=\p{Lu}{2,}(?:\s|$))")
_CUT_ITEM = regex.compile(r"(?<=[;,.:]\s{1,4})[-+•]\s")
_CUT_AFTER_PUNCT = regex.compile(r"(?<=[;,.:])\s{1,4}(?=\p{Lu})")
# "PHÓ GIÁM ĐỐC Nguyễn Văn Hòa", and the capitals of what follows the block read onto its line ("… Nguyễn Văn Hòa
# PHỤ LỤC …", an annex's form after a signature that ends a page)
_CAPS_RUN_THEN_NAME = regex.compile(r"^(?P<caps>[\p{Lu}\s./,\-–]{4,80}?)\s(?:\(\s?(?:Đã|đã|ĐÃ)\s{1,2}(?:ký|KÝ)\s?\)\s{1,2})?(?P<name>\p{Lu}\p{Ll}{0,8}(?:\s\p{Lu}\p{Ll}{0,8}){1,5})"
                                    r"(?:\s(?P<tail>\p{Lu}{2,}(?!\p{Ll})[^\n]{0,120}))?$")


def _has_place_date(text: str) -> bool:
    """Whether a (short) line holds a place-date ("Hà Nội, ngày …") — not a number cited with its date
    ("… Thông tư số 12/2031/TT-BTC ngày 02/3/2031 …", a wrapped subject's line: _cited_symbol_place)."""
    if len(text) > 400 or not ("ngày" in text or "Ngày" in text or "NGÀY" in text):
        return False
    return any(not _cited_symbol_place(text, pd) for pd in _PLACE_DATE.finditer(text, timeout=rx_timeout(text)))


_AGENCY_WORD = regex.compile(r"(?<![\p{L}])(?:UBND|Sở|Phòng|Ban|Văn|VT|Lưu)(?![\p{L}])")


def _caps_segment(text: str) -> bool:
    """An issuer line: letters all capitals, no sentence punctuation."""
    return _is_title_caps(text) and ";" not in text and ":" not in text


def _cut(text: str, positions: list[int]) -> list[str]:
    out, last = [], 0
    for p in sorted(set(positions)):
        if p > last:
            out.append(text[last:p].strip())
            last = p
    out.append(text[last:].strip())
    return [o for o in out if o]


# what follows "…, ngày" on a place-date line: "15 tháng 11 năm 2013", a blank day ("…  tháng"), or the date in
# figures ("15/11/2013", "15.11.2013"), as web copies and some letters print it
_AFTER_NGAY = regex.compile(
    r"\s{0,3}(?:[0-9.…_ ]{0,12}\s{0,3}tháng"
    r"|(?P<numeric>[0-9]{1,2}\s{0,2}(?P<sep>[/.\-])\s{0,2}[0-9]{1,2}\s{0,2}(?P=sep)\s{0,2}(?:19|20)[0-9]{2})(?![0-9]))")
_YEAR_OF_DATE = regex.compile(r"năm\s{1,3}(?:19|20)[0-9]{2}\b")


def _cited_symbol_place(text: str, pd: regex.Match) -> bool:
    """The "place" of a place-date match is the symbol of a number cited with its date ("… Kết luận số 163/" ⏎
    "KL-TTBT ngày 27/6/2031" in a wrapped subject): glued to the number's slash, alone, it names no place (a place
    after it, "… TT-BTC Hà Nội, ngày", is cut from the symbol further on)."""
    return pd.start("place") > 0 and text[pd.start("place") - 1] == "/" and len(pd.group("place").split()) == 1


def _split_header_piece(text: str) -> list[str]:
    """One piece of a merged header line cut at the motto, the "Số:" line, a
    "V/v" subject and the place-date, each only where what stands before it
    is header matter (capitals, the motto, the number), never in a sentence."""
    pieces = [text]
    out: list[str] = []
    for piece in pieces:
        cuts: list[int] = []
        for m in _CUT_MOTTO.finditer(piece, timeout=rx_timeout(piece)):
            if m.start() > 0:
                cuts.append(m.start())  # the motto in capitals is never inside a sentence
        for m in _CUT_MOTTO_END.finditer(piece, timeout=rx_timeout(piece)):
            if m.end() < len(piece):
                cuts.append(m.end())
        out.extend(_cut(piece, cuts))
    pieces, out = out, []
    for piece in pieces:
        m = _CUT_NUMBER.search(piece, timeout=rx_timeout(piece))
        head = piece[:m.start()].strip(" *-–|") if m else ""
        if m and (_caps_segment(head) or _CUT_MOTTO_END.fullmatch(head + " ", timeout=RX_TIMEOUT)
                  or (m.start() > 0 and _DECOR.match(piece[:m.start()], timeout=RX_TIMEOUT))):  # "-------Số: …"
            out.extend(_cut(piece, [m.start()]))
        else:
            out.append(piece)
    pieces, out = out, []
    for piece in pieces:
        _tp = rx_timeout(piece)
        if not (_NUMBER_LINE.match(piece, timeout=_tp) or _CUT_MOTTO_END.match(piece, timeout=_tp)
                or _SUBJECT_VV.match(piece, timeout=_tp) or _PLACE_DATE.match(piece, timeout=_tp)):
            out.append(piece)
            continue
        cuts = []
        vv = _CUT_VV.search(piece, timeout=rx_timeout(piece)) or _CUT_VE_VIEC.search(piece, timeout=rx_timeout(piece))
        if vv and _NUMBER_LINE.match(piece, timeout=rx_timeout(piece)) and not _has_place_date(piece[:vv.start()]):
            cuts.append(vv.start())
        nm = _NUMBER_LINE.match(piece, timeout=rx_timeout(piece))
        pd = _PLACE_DATE.search(piece, nm.end() if nm else 0, timeout=rx_timeout(piece)) \
            if "ngày" in piece or "Ngày" in piece or "NGÀY" in piece else None
        while pd and _cited_symbol_place(piece, pd):
            pd = _PLACE_DATE.search(piece, pd.end(), timeout=rx_timeout(piece))
        after = _AFTER_NGAY.match(piece[pd.end():pd.end() + 30], timeout=RX_TIMEOUT) if pd else None
        if pd and after:
            start = pd.start("place")
            words = list(regex.finditer(r"\S+", pd.group("place"), timeout=RX_TIMEOUT))
            k = 0
            while start > 0 and k < len(words) - 1 and len(words[k].group(0)) >= 2 and (words[k].group(0).isupper() or (
                    regex.search(r"[-/]", words[k].group(0), timeout=RX_TIMEOUT)
                    and sum(ch.isupper() for ch in words[k].group(0)) >= 3)):
                k += 1  # "…-QLĐĐ Kon Tum, ngày", "… số 22/2013/QĐ-TTg Hà Nội, ngày": a symbol is not the place
            if start + words[k].start() > 0:
                cuts.append(start + words[k].start())
            if after.group("numeric"):
                date_end = pd.end() + after.end()  # "Hà Nội, ngày 15/11/2013"
            else:
                ye = _YEAR_OF_DATE.search(piece, pd.end(), pd.end() + 40, timeout=RX_TIMEOUT)
                date_end = ye.end() if ye else None
            if date_end is not None and len(piece) - date_end > 3:
                cuts.append(date_end)  # the type line or the text after the date, run on
        out.extend(_cut(piece, cuts))
    pieces, out = out, []
    for piece in pieces:
        # "… Bắc Ninh, ngày … năm 2018 V/v Thủ tục …": a subject run onto a date, whatever stands before the date
        vv = _CUT_VV.search(piece, timeout=rx_timeout(piece)) if "V/" in piece else None
        if vv and _DATE_BEFORE_VV.search(piece[:vv.start()], timeout=rx_timeout(piece)):
            out.extend(_cut(piece, [vv.start()]))
        else:
            out.append(piece)
    return out


_DATE_BEFORE_VV = regex.compile(r"(?:ngày|NGÀY)[^\n]{0,24}(?:tháng|THÁNG)[^\n]{0,8}(?:năm|NĂM)\s{1,3}(?:19|20)[0-9]{2}\s{1,3}$")


def _split_signature_piece(text: str) -> list[str]:
    """A line of the signature zone holding the two columns: "Nơi nhận: KT.
    CHỦ TỊCH", "- Như trên; PHÓ CHỦ TỊCH", "- Lưu: VT. Trần Văn Bình" — the
    distribution items, the authority, a title in capitals and the name apart."""
    cuts: list[int] = []
    m = _CUT_NOI_NHAN.search(text, timeout=rx_timeout(text))
    if m:
        cuts.append(m.start())
    for m in _CUT_AUTH.finditer(text, timeout=rx_timeout(text)):
        rest = text[m.start():]
        caps = _CAPS_RUN_THEN_NAME.match(rest, timeout=rx_timeout(rest))
        if m.start() > 0 and (_is_title_caps(rest) or (caps and _is_title_caps(caps.group("caps")))):
            cuts.append(m.start())  # "KT. CHỦ TỊCH" (and the rest of the block) after the other column's text
    pieces = _cut(text, cuts)
    out: list[str] = []
    for piece in pieces:
        if not (_NOI_NHAN.match(piece, timeout=rx_timeout(piece)) or piece.startswith(("- ", "+ ", "• "))):
            out.append(piece)
            continue
        cuts = [m.start() for m in _CUT_ITEM.finditer(piece, timeout=rx_timeout(piece))]
        for sub in _cut(piece, cuts):
            # a title in capitals (or a name) after the item's closing punctuation is the other column's
            tail_at = None
            for pm in _CUT_AFTER_PUNCT.finditer(sub, timeout=rx_timeout(sub)):
                tail = sub[pm.end():]
                caps = _CAPS_RUN_THEN_NAME.match(tail, timeout=rx_timeout(tail))
                after_nn = bool(_NOI_NHAN.match(sub, timeout=RX_TIMEOUT)) and pm.start() == sub.find(":") + 1 and len(tail.split()) <= 6
                if ((_is_title_caps(tail) and (_TITLE_WORDS.search(tail, timeout=rx_timeout(tail)) or after_nn)
                     and sum(ch.isalpha() for ch in tail) >= 4)
                        or (caps and _TITLE_WORDS.search(caps.group("caps"), timeout=RX_TIMEOUT))
                        or (_NAME.match(tail, timeout=RX_TIMEOUT) and not _is_title_caps(tail) and len(tail.split()) >= 2
                            and not _AGENCY_WORD.search(tail, timeout=rx_timeout(tail)))):
                    tail_at = pm.end()
                    break
                typist = _TYPIST_THEN_TITLE.match(tail, timeout=rx_timeout(tail))
                block = tail[typist.start("rest"):] if typist else ""
                caps = _CAPS_RUN_THEN_NAME.match(block, timeout=rx_timeout(block)) if typist else None
                if caps and _is_title_caps(caps.group("caps")) and _TITLE_WORDS.search(caps.group("caps"), timeout=RX_TIMEOUT):
                    # "- Lưu: VT, TH (2b). Minh Tuấn BỘ TRƯỞNG, CHỦ NHIỆM Trần Văn Sơn": the typist's name closing
                    # the filing item (it stays there, as printed), then the signature block
                    out.extend(_cut(sub, [pm.end() + typist.start("rest")]))
                    tail_at = -1
                    break
            if tail_at != -1:
                out.extend(_cut(sub, [tail_at]) if tail_at else [sub])
    final: list[str] = []
    for piece in out:
        m = _CAPS_RUN_THEN_NAME.match(piece, timeout=rx_timeout(piece))
        if m and _is_title_caps(m.group("caps")) and (_TITLE_WORDS.search(m.group("caps"), timeout=RX_TIMEOUT)
                                                     or _AUTHORITY.match(m.group("caps"), timeout=RX_TIMEOUT)):
            final.extend([m.group("caps").strip(), m.group("name")])  # "PHÓ GIÁM ĐỐC Nguyễn Văn Hòa"
            if m.group("tail"):
                final.append(m.group("tail"))
        else:
            final.append(piece)
    return final


_TYPIST_THEN_TITLE = regex.compile(r"\p{Lu}\p{Ll}{1,7}(?:\s\p{Lu}\p{Ll}{1,7}){0,2}\s(?P<rest>\p{Lu}{2,}\s)")
_HEADER_MARKS = ("NAM", "Số:", "SỐ:", "Số ", "phúc", "PHÚC", ", ngày", ", NGÀY")  # ", ngày": "V/v … ⏎ Hà Nội, ngày …" run together
_SIGN_MARKS = ("nhận", "NHẬN", "KT.", "TM.", "TL.", "TUQ", "T/M", "K/T", "T/L", "KT ", "TM ", "TL ",
               "CHỦ TỊCH", "TRƯỞNG", "GIÁM ĐỐC", "BÍ THƯ", "THỦ TƯỚNG")  # "- Như trên;⇥PHÓ CHỦ TỊCH": a title beside


_PLACE_DATE_OPENS = regex.compile(r"(?:\p{Lu}\p{Ll}{0,7}\.?\s){0,4}\p{Lu}\p{Ll}{0,7}\s{0,2},\s{0,2}ngày\s{1,3}[0-9]")


def _split_landmarks(text: str, header: bool, early: bool = False) -> list[str]:
    if len(text) <= 12 or len(text) > (2000 if early or text.startswith(("Nơi", "NƠI"))
                                       or ("ngày" in text and _PLACE_DATE_OPENS.match(text, timeout=rx_timeout(text))) else 400):
        return [text]  # a header or signature line is short; body paragraphs are left alone (but the
        # first lines of a web page's copy, or its place-date line, may hold the header run together with the
        # addressees and the preamble: "Hà Nội, ngày … Kính gửi: … Thực hiện …")
    # plain substring tests first: most lines hold no landmark and skip the regex calls
    pieces = _split_header_piece(text) if header and any(k in text for k in _HEADER_MARKS) else [text]
    if (len(text) <= 200 or (text.startswith(("Nơi", "NƠI")) and _NOI_NHAN.match(text, timeout=rx_timeout(text)))) \
            and any(k in text for k in _SIGN_MARKS):
        # a long "Nơi nhận: - …; - Lưu: VT. KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A": a table's two cells (the
        # distribution list and the signature block) flattened onto one line
        pieces = [s for p in pieces for s in _split_signature_piece(p)]
    return pieces


def _signature_zone(lines: list[Line]) -> list[Line]:
    """The lines of the signature zone with a distribution item and the other
    column's title or name apart ("- Như trên; PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC
    Nguyễn Văn Hòa"); ``_lines`` only cut lines with a "Nơi nhận" or an authority."""
    out: list[Line] = []
    for ln in lines:
        t = ln.text
        if 12 < len(t) <= 120 and ((t[0] in "-+•" and _CUT_AFTER_PUNCT.search(t, 2, timeout=rx_timeout(t)))
                                   or (t[:2].isupper() and _CAPS_RUN_THEN_NAME.match(t, timeout=rx_timeout(t)))):
            pieces = _split_signature_piece(t)
            if len(pieces) > 1:
                out.extend(Line(p, ln.loc) for p in pieces)
                continue
        wm = _WRAPPED_ITEM_NAME.match(t, timeout=rx_timeout(t)) if 12 < len(t) <= 100 and t[0] not in "-+•" else None
        if wm and fold(wm.group("name").split()[0]) in _SURNAMES:
            # "Việt Nam;⇥Trần Văn A": a wrapped item's end and the signer's name of the other column on one line
            out.extend([Line(wm.group("item"), ln.loc), Line(wm.group("name"), ln.loc)])
            continue
        out.append(ln)
    return out


_WRAPPED_ITEM_NAME = regex.compile(r"^(?P<item>[^;,]{1,60}[;,])\s{1,4}(?P<name>\p{Lu}\p{Ll}{0,8}(?:\s\p{Lu}\p{Ll}{0,8}){1,4})$")


def _case(text: str, expand: bool = True) -> str:
    """An all-caps heading in sentence case; place names after a level word
    ("huyện", "tỉnh") keep their capitals.  Mixed-case text is kept. ``expand``:
    a body's name written out ("UBND" -> "Ủy ban nhân dân"); a subject keeps its abbreviations as printed."""
    t = squash_spaces(text)
    if not t or not t.isupper():
        return t
    if expand:
        t = t.replace("UBND", "ỦY BAN NHÂN DÂN").replace("HĐND", "HỘI ĐỒNG NHÂN DÂN")
    words = t.lower().split()
    out = []
    cap_rest = False
    keep_lower = False
    for i, w in enumerate(words):
        if (i == 0 or cap_rest) and not keep_lower:
            w = w[:1].upper() + w[1:]
        keep_lower = False
        if _LEVEL.match(w, timeout=rx_timeout(w)):
            cap_rest = True  # the place name follows ("huyện Văn Giang", "Huyện ủy Đăk Hà")
            keep_lower = words[i + 1:i + 2] in (["ủy"], ["uỷ"])
        out.append(w)
    return " ".join(out)


# Nghị định 30/2020, Phụ lục II: in an agency's name the first word and the word
# naming its specific field are capitalised ("Bộ Nội vụ", "Sở Y tế", "Văn phòng
# Chính phủ", "Bộ Giáo dục và Đào tạo", "Ban Dân vận Tỉnh ủy").
_ORG_HEADS = (
    ("tổng", "cục"), ("chi", "cục"), ("văn", "phòng"), ("trung", "tâm"), ("bệnh", "viện"), ("học", "viện"),
    ("ủy", "ban"), ("uỷ", "ban"), ("hội", "đồng"), ("thanh", "tra"), ("công", "an"),
    ("đại", "học"), ("cao", "đẳng"), ("trung", "cấp"), ("bộ",), ("sở",), ("khoa",), ("cục",), ("vụ",), ("ban",), ("phòng",), ("viện",), ("trường",), ("đài",),
)
_GENERIC_AFTER_HEAD = frozenset({"nhân", "các", "và"})  # "Ủy ban nhân dân", "Ban … các khu"
_PROPER = {("chính", "phủ"): "Chính phủ", ("quốc", "hội"): "Quốc hội", ("trung", "ương"): "Trung ương",
           ("việt", "nam"): "Việt Nam", ("mặt", "trận"): "Mặt trận", ("tổ", "quốc"): "Tổ quốc"}
_PARTY_COMMITTEE = regex.compile(r"^(?:tỉnh|huyện|thành|quận|thị|đảng)$")


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _org_rule_case(text: str) -> str:
    """An all-caps agency name cased by the Phụ lục II rule (no other source)."""
    base = _case(text)
    if base == squash_spaces(text) and not text.isupper():
        return base
    words = base.split()
    low = [w.lower() for w in words]
    out = list(words)
    i = 0
    cap_next = False
    while i < len(words):
        if cap_next and low[i] not in _GENERIC_AFTER_HEAD and not _LEVEL.match(low[i], timeout=RX_TIMEOUT):
            out[i] = _cap(out[i])
        cap_next = False
        for head in _ORG_HEADS:
            n = len(head)
            if head == ("khoa",) and low[i + 1:i + 2] == ["học"]:
                continue  # "Khoa học" (science) is a field, not a faculty
            if tuple(low[i:i + n]) == head and (i == 0 or low[i - 1] in ("và", ",") or out[i][:1].isupper()):
                out[i] = _cap(out[i]) if i == 0 or out[i][:1].isupper() else out[i]
                i += n - 1
                cap_next = True
                break
        else:
            if low[i] in ("và", "-", "–") or low[i].endswith(","):
                cap_next = i > 0 and any(out[k][:1].isupper() for k in range(1, i + 1))
            pair = tuple(low[i:i + 2])
            if pair in _PROPER:
                a, b = _PROPER[pair].split()
                out[i], out[i + 1] = a, b
                i += 1
            elif i + 1 < len(words) and low[i + 1] in ("ủy", "uỷ") and _PARTY_COMMITTEE.match(low[i], timeout=RX_TIMEOUT):
                out[i] = _cap(out[i])  # "Tỉnh ủy", "Huyện ủy", "Đảng ủy"
                i += 1
        i += 1
    return " ".join(out)


def _org_case(text: str, lines: list[Line] | None = None) -> str:
    """An all-caps agency name in its written case: as the document writes it
    in mixed case elsewhere ("Bộ Nội vụ đã tổng hợp …"), else by the rule."""
    ruled = _org_rule_case(text)
    if not text.isupper() or not lines:
        return ruled
    words = ruled.split()
    if not words:
        return ruled
    rx = regex.compile(r"(?<![\p{L}])" + r"\s{1,3}".join(regex.escape(w) for w in words) + r"(?![\p{L}])",
                       regex.IGNORECASE)
    for ln in lines:
        if ln.text.isupper():
            continue
        for m in rx.finditer(ln.text, timeout=RX_TIMEOUT):
            found = squash_spaces(m.group(0))
            if found[:1].isupper() and not found.isupper():
                return found
    return ruled


def _title_case(text: str) -> str:
    """A signer's title: "PHÓ GIÁM ĐỐC" → "Phó Giám đốc", "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng"."""
    t = _case(text)
    if not text.isupper():
        return t
    words = t.split()
    for i in range(1, len(words)):
        if words[i - 1].lower() in ("phó", "chánh"):
            words[i] = _cap(words[i])
    return " ".join(words)


def _expand(text: str) -> str:
    for rx, rep in _ABBR:
        text = rx.sub(rep, text, timeout=RX_TIMEOUT)
    return text


def _is_title_caps(text: str) -> bool:
    """Every letter a capital (and at least one letter)."""
    return text == text.upper() and text != text.lower()


def extract_header(doc: Document) -> DocumentHeader:
    lines = _lines(doc)
    h = DocumentHeader()
    if not lines:
        return h
    base = _header_start(lines)
    lines_from = lines[base:]
    top = _join_wrapped_place(_ocr_date_words(_split_authority_tails(lines_from[:TOP_LINES])))
    num_i, _year = _read_number(top, h)
    _read_place_date(top, h, _stamp_date(lines))
    if num_i is not None:
        _read_issuer_block(top, num_i, h, lines)
        if h.issuer is None or _MOTTO_PIECE.search(h.issuer, timeout=rx_timeout(h.issuer)):
            _read_caption_header(top, num_i, h)
    else:
        _issuer_by_motto(top, h, lines)
    if h.issuer and _MOTTO_PIECE.search(h.issuer, timeout=rx_timeout(h.issuer)):
        h.issuer, h.parent_issuer = None, None  # never the national motto
    type_i = _read_type_and_subject(top, h)
    if h.issuer is None and type_i is not None:
        _issuer_by_authority(top, type_i, h, lines)
    _read_recipients(lines_from, h)
    nn_i = _read_distribution(lines_from, h)
    _read_signer(lines_from, nn_i, h)
    _read_attachments(lines, h)
    _year = _fallbacks(lines_from, h, type_i) or _year
    if h.issuer is None:
        _issuer_signed_for(lines_from, h)
    if h.number is None and h.symbol and num_i is not None and (h.date or _number_unread(top[num_i].text, h.symbol)):
        # unread on a scan, or left blank for an e-signature stamp on a dated letter that a news page reproduces
        # ("Ngày 04/12/2024, UBND tỉnh ban hành Công văn số 22/UBND-TH …"); a draft (no day) keeps it null
        _own_number_from_body(lines, base + num_i, h, None if nn_i is None else base + nn_i)
    if h.number is None and h.symbol and num_i is not None and (h.date or _number_unread(top[num_i].text, h.symbol)):
        # unread on a scan, or stamped by an e-signature on a dated letter (a draft, undated, keeps it null)
        h.number = _number_from_file_name(doc.source.path if doc.source else "", h.symbol)
    if h.issuer or h.place:
        _marks_from_text(lines, h)
    if h.issuer and _PURPOSE_OPEN.match(fold(h.issuer), timeout=RX_TIMEOUT) \
            and not _PLACED.search(fold(h.issuer), timeout=RX_TIMEOUT):
        _level_from_text(lines, h)
    if h.date is None and h.date_partial and len(h.date_partial) == 4 and h.number is None and h.symbol:
        _month_from_own_caption(lines, h)
    if h.type and not h.type_code:
        dt = doc_type_by_name(h.type)
        h.type_code = dt.code if dt else None
    if h.type == "Công văn":
        h.type_code = "CV"
    if h.number and h.symbol:
        if _is_party_symbol(h.symbol):
            h.id = f"{h.number}-{h.symbol}"
        elif _year:
            h.id = f"{h.number}/{_year}/{h.symbol}"
        else:
            h.id = f"{h.number}/{h.symbol}"
    return h


_ANCHOR_MOTTO = regex.compile(_CUT_MOTTO.pattern + r"|Độc\s{1,3}lập\s{0,3}[-–]\s{0,3}Tự\s{1,3}do")


# a place-date line wrapped inside the place's name: "Thành phố Hồ Chí" ⏎ "Minh, ngày …", "Bà Rịa -" ⏎ "Vũng Tàu, ngày …"
_PLACE_HEAD_LINE = regex.compile(r"^(?:(?:Thành\s+phố|Thị\s+xã|Thị\s+trấn|Tỉnh|Huyện|Quận|Phường|Xã)\s{1,2})?"
                                 r"\p{Lu}\p{Ll}{0,7}(?:\s{1,2}\p{Lu}\p{Ll}{0,7}){0,3}(?:\s{1,2}[-–])?$")
_PLACE_TAIL_LINE = regex.compile(r"^\p{Lu}\p{Ll}{0,7}(?:\s{1,2}\p{Lu}\p{Ll}{0,7}){0,2}\s{0,2},\s{0,3}ngày\s")


def _join_wrapped_place(top: list[Line]) -> list[Line]:
    """The two halves of a place-date line wrapped inside the place's name, as one line."""
    out: list[Line] = []
    j = 0
    while j < len(top):
        t = top[j].text.strip()
        if j + 1 < len(top) and len(t) <= 40 and _PLACE_HEAD_LINE.match(t, timeout=rx_timeout(t)) \
                and _PLACE_TAIL_LINE.match(top[j + 1].text.strip(), timeout=RX_TIMEOUT) \
                and not _has_place_date(t) and not _MOTTO_PIECE.search(t, timeout=RX_TIMEOUT):
            out.append(Line(t + " " + top[j + 1].text.strip(), top[j].loc))
            j += 2
            continue
        out.append(top[j])
        j += 1
    return out


def _header_start(lines: list[Line]) -> int:
    """Where the header block starts: at the top, unless a web page put a long
    introduction (a news item, a site's menus) before the document — then a
    few lines above the first motto or "Số:" line of the official layout."""
    for k, ln in enumerate(lines[:400]):
        t = ln.text
        if len(t) > 160 or not ("NAM" in t or "Độc lập" in t or t.startswith(("Số", "SỐ"))):
            continue
        if _ANCHOR_MOTTO.search(t, timeout=RX_TIMEOUT) or _NUMBER_LINE.match(t, timeout=RX_TIMEOUT):
            if k < TOP_LINES - 15 or any(_header_sign(x.text) for x in lines[:TOP_LINES - 15]):
                return 0  # a header at the top, however garbled: not the one of an enclosed document
            if any(_titled(lines, i) for i in range(min(5, k))) and any(
                    _PREAMBLE.match(x.text, timeout=RX_TIMEOUT) for x in lines[1:k]):
                # a copy without its header block that opens with its own title and its preamble: the header
                # further down is an annex's (a news page's headline has no preamble under it)
                return 0
            return k - 8
    return 0


def _titled(lines: list[Line], i: int) -> bool:
    """``lines[i]`` is a document's title: a type and what it is about ("QUYẾT ĐỊNH về việc …", "NGHỊ QUYẾT" ⏎
    "Về …") — not a site's menu item."""
    t = lines[i].text
    pm = _TYPE_THEN_SUBJECT.match(t, timeout=rx_timeout(t)) if len(t) <= 400 else None
    if pm and _type_of_line(pm.group("type")) and regex.match(r"^(?:về|v/v)\s", pm.group("rest").lower(),
                                                               timeout=RX_TIMEOUT):
        return True
    cm = _CAPS_TYPE_VE.match(t, timeout=rx_timeout(t)) if len(t) <= 400 else None
    if cm and _type_of_line(cm.group("type")):
        return True
    return bool(_type_of_line(t)) and i + 1 < len(lines) and bool(
        regex.match(r"^(?:V/v|V/V|Về|VỀ)\s", lines[i + 1].text, timeout=RX_TIMEOUT))


def _header_sign(text: str) -> bool:
    """A scrap of a header block as an OCR may leave it: a piece of the motto, a "Số" line."""
    return len(text) <= 160 and bool(_MOTTO_PIECE.search(text, timeout=rx_timeout(text))
                                     or _NUMBER_LINE_OCR.match(text, timeout=rx_timeout(text)))


def _issuer_by_motto(top: list[Line], h: DocumentHeader, lines: list[Line]) -> None:
    """No "Số:" line (a letter without a number, a copy that lost it): the
    issuer block is the capitals beside the motto — above its line, or, when a
    layout read the motto's column first, right after the motto and the
    place-date line."""
    mi = next((k for k, ln in enumerate(top[:15]) if _ANCHOR_MOTTO.search(ln.text, timeout=rx_timeout(ln.text))), None)
    if mi is None:
        return
    nxt = top[mi + 1].text if mi + 2 < len(top) else ""
    beside = _MOTTO_PIECE.sub(" ", _MOTTO.sub(" ", nxt, timeout=RX_TIMEOUT), timeout=RX_TIMEOUT).strip(" -–—_.|")
    if nxt and beside != nxt.strip() and _MOTTO_PIECE.search(nxt, timeout=rx_timeout(nxt)) and beside \
            and _is_title_caps(beside):
        # a two-column header read line by line: the issuer block's last line beside the motto's second
        # ("TỔNG CỤC X" ⏎ "CỘNG HÒA …" ⏎ "CỤC X TỈNH Y  Độc lập - Tự do - Hạnh phúc"): the block runs to that line
        _read_issuer_block(top, mi + 2, h, lines)
    else:
        _read_issuer_block(top, mi, h, lines)
    if h.issuer is None:
        j = _past_header_matter(top, mi + 1)
        k = j
        while k < min(len(top), j + 4) and _is_title_caps(top[k].text) and len(top[k].text) <= 80 \
                and not _type_of_line(top[k].text):
            k += 1
        if j < k < len(top):
            _read_issuer_block(top, k, h, lines)


def _is_party_symbol(symbol: str) -> bool:
    return "/" in symbol


def _clean_symbol(sym: str) -> str:
    from extractors.citation_find import ocr_code

    s = regex.sub(r"\s*([\-/])\s*", r"\1", sym, timeout=RX_TIMEOUT)
    s = regex.sub(r"[\-/.]+$", "", s, timeout=RX_TIMEOUT)
    return "".join(ocr_code(p) if p not in "-/" else p for p in regex.split(r"([\-/])", s, timeout=RX_TIMEOUT))


_BARE_SO = regex.compile(r"^(?:Số|SỐ)\s{0,3}:?\s*$")
# a symbol is a code of capitals ("QĐ-TTg", "UBND", "TTr-BYT"); one capitalised word with no other capital and no
# digit ("Ngày", "Trang", "Năm") is prose after a running number — a gazette's page header, a page counter
_WORD_NOT_CODE = regex.compile(r"^\p{Lu}\p{Ll}{2,}$")
# "… VIỆT - HÀN số: BÉÉ /TB-ĐHVH": the issuer's last line and the "Số:" line run together by an OCR, the number
# unread and "Số" read in lower case — the number line of _NUMBER_LINE_OCR after a run of capitals
_GLUED_SO = regex.compile(r"(?<=\p{Lu}[\s.,]{1,3})(?:số|Số|SỐ|Sô|sô)\s{0,2}:")


_GLUED_NUMBER_LINE = regex.compile(
    _NUMBER_LINE_OCR.pattern.replace(r"^[^\p{L}0-9]{0,3}(?:Số|SỐ|", r"(?:số|sô|Số|SỐ|", 1))


def _glued_number_line(text: str) -> regex.Match | None:
    g = _GLUED_SO.search(text, timeout=rx_timeout(text))
    if not g or not _is_title_caps(text[:g.start()].strip()) or len(text[:g.start()].split()) < 2:
        return None
    return _GLUED_NUMBER_LINE.match(text, g.start(), timeout=rx_timeout(text))


_TITLE_WORD = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}")


def _ocr_number_before_place(text: str) -> regex.Match | None:
    """A scanned "Số:" line that shares its line with the place and date (a two-column header flattened by an
    OCR: "Số: 5Ï/TCT-KK Hà Nội, ngày …"): the number line up to the place's first capitalised word."""
    pd = _PLACE_DATE.search(text, timeout=rx_timeout(text)) if len(text) <= 160 else None
    if not pd:
        return None
    w = _TITLE_WORD.search(text, pd.start(), pd.end(), timeout=rx_timeout(text))
    if not w or w.start() < 6:
        return None
    head = text[:w.start()].rstrip()
    return (_NUMBER_LINE_OCR.match(head, timeout=rx_timeout(head))
            or _NUMBER_LINE_OCR_GLUED.match(head, timeout=rx_timeout(head))
            or _NUMBER_LINE_BARE.match(head, timeout=rx_timeout(head)))


def _number_line_end(text: str) -> int:
    """Where the document's number ends on a line that opens with it (0 when none)."""
    nm = _NUMBER_LINE.search(text, timeout=rx_timeout(text))
    if nm:
        return nm.end()
    om = _ocr_number_before_place(text)
    return om.end() if om and "-" in om.group("sym") else 0


# a type code an OCR cut with a space after the number's slash: "Số: 15/Q Đ-UBND"
_SPLIT_TYPE_CODE = regex.compile(r"(?<=(?:Số|SỐ|S[ôố06])[^/]{0,12}/\s{0,2})(?P<a>\p{Lu})\s(?P<b>\p{Lu}{1,5})(?=\s{0,2}-)")
# the number line opened by the document's type, as some web copies print it: "Nghị quyết số: 45/2031/UBTVQH16"
_TYPE_THEN_SO = regex.compile(r"^(?P<t>\p{Lu}\p{Ll}{0,6}(?:\s\p{Ll}{1,7}){0,3})\s{1,2}(?P<so>số)(?=\s{0,3}:)")


def _read_number(top: list[Line], h: DocumentHeader) -> tuple[int | None, str | None]:
    for i, ln in enumerate(top):
        text, joined = ln.text, False
        if _BARE_SO.match(text, timeout=rx_timeout(text)) and i + 1 < len(top) and regex.match(r"^[0-9]{0,5}\s{0,3}/\s{0,2}\p{Lu}", top[i + 1].text, timeout=RX_TIMEOUT):
            text, joined = f"{text} {top[i + 1].text}", True  # "Số:" ⏎ "/QĐ-BGDĐT": a blank number laid out apart
        tm = _TYPE_THEN_SO.match(text, timeout=rx_timeout(text)) if "số" in text[:32] else None
        if tm and doc_type_by_name(tm.group("t")) is not None:
            text = text[:tm.start("so")] + "Số" + text[tm.end("so"):]  # "Nghị quyết số: 45/2031/UBTVQH16"
        sc = _SPLIT_TYPE_CODE.search(text, timeout=rx_timeout(text)) if "/" in text and len(text) <= 160 else None
        if sc and doc_type_by_code(sc.group("a") + sc.group("b")) is not None:
            text = text[:sc.start()] + sc.group("a") + sc.group("b") + text[sc.end():]  # "…/Q Đ-UBND": a space an OCR put in
        m = _NUMBER_LINE.search(text, timeout=rx_timeout(text))
        if not m or m.start() > 60:
            m = (_NUMBER_LINE_OCR.match(text, timeout=rx_timeout(text)) or _ocr_number_before_place(text)
                 or _NUMBER_LINE_OCR_GLUED.match(text, timeout=rx_timeout(text)))
            if not m:
                m = _glued_number_line(text)
            if not m or "-" not in m.group("sym"):
                continue
        if regex.search(r"\.{3,}", text[m.end():m.end() + 3], timeout=RX_TIMEOUT):
            continue  # a template's "Số: /BC-....."
        sym = _clean_symbol(m.group("sym"))
        if _WORD_NOT_CODE.match(sym, timeout=RX_TIMEOUT):
            continue  # "CÔNG BÁO/Số 271/Ngày 12-05-2026": a gazette's running header — a symbol is a code, never a word
        if m.groupdict().get("sep") == "-":  # party "Số 324-QĐ/TU"
            if "/" not in sym:
                continue
        h.number = m.groupdict().get("num") or None
        digits = m.groupdict().get("digits")
        if digits and len(digits) <= 5:
            h.number = digits  # "1046 /TCT-TTKT Hà Nội, …": a number line without its "Số:"
        h.symbol = sym
        year = m.groupdict().get("year")
        h.locs["number"] = ln.loc.span(m.start(), m.end()) if ln.loc.start is not None and not joined else ln.loc
        h.locs["number_line"] = ln.loc  # the whole "Số:" line (its raw offsets)
        if h.symbol:
            code = regex.split(r"[\-/]", h.symbol, timeout=RX_TIMEOUT)[0]
            dt = doc_type_by_code(code, party=m.groupdict().get("sep") == "-")
            if dt and ("-" in h.symbol or "/" in h.symbol):
                h.type_code = dt.code
        return i, year
    return None, None


# an e-signature stamp: "Thời gian ký: 01.03.2031 15:52" (its date is the day the letter was signed)
_STAMP = regex.compile(r"^\W{0,3}(?:Thời\s{1,2}gian\s{1,2}k[ýy]|Ngày\s{1,2}k[ýy])\s{0,2}:\s{0,3}"
                       r"(?P<d>[0-9]{1,2})[./-](?P<m>[0-9]{1,2})[./-](?P<y>(?:19|20)[0-9]{2})(?![0-9])")
_PRINTED_FIELDS = regex.compile(r"(?:ngày|Ngày)\s{1,3}(?:(?P<d>\S{1,3})\s{1,3})?tháng\s{1,3}(?:(?P<m>\S{1,3})\s{1,3})?"
                                r"năm\s{1,3}(?P<y>\S{4})(?!\S)")


def _stamp_date(lines: list[Line]) -> date | None:
    """The signing day of an e-signature stamp near the top or the end of the text, when it is a real day."""
    for ln in [*lines[:TOP_LINES], *lines[-TOP_LINES:]]:
        m = _STAMP.match(ln.text, timeout=rx_timeout(ln.text)) if "k" in ln.text else None
        if m:
            try:
                return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                return None  # the stamp unread as well
    return None


def _day_by_stamp(text: str, stamp: date) -> str | None:
    """A printed date the OCR damaged ("ngày C4 tháng 3 năm 2031", "ngày 29 tháng 44 năm 2030"): its unreadable
    field taken from the signing stamp, when every field it could read agrees (the same year; the same month or
    day) and the letter is dated at most a week before it was signed. Returns "dd/mm/yyyy" or None."""
    f = _PRINTED_FIELDS.search(_ocr_date_text(text), timeout=rx_timeout(text))
    if not f:
        return None

    def num(s: str | None, hi: int) -> int | None:
        return int(s) if s and s.isdigit() and 1 <= int(s) <= hi else None

    d, mth, y = num(f.group("d"), 31), num(f.group("m"), 12), num(f.group("y"), 2100)
    if y != stamp.year or (d is None and mth is None) or (d is not None and mth is not None):
        return None
    try:
        day = date(y, mth or stamp.month, d or stamp.day)
    except ValueError:
        return None
    if mth is not None and mth != stamp.month or not timedelta(0) <= stamp - day <= timedelta(days=7):
        return None
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _month_by_stamp(iso: str | None, stamp: date) -> str | None:
    """A printed date a scan read with a wrong month ("ngày 14 tháng 4" on a letter signed on 16.10): the
    printed day in the signing stamp's month and year, when the printed date is not within the week before the
    signing and that day is. Returns "dd/mm/yyyy" or None (the printed date stands)."""
    try:
        printed = date.fromisoformat(iso) if iso else None
        cand = date(stamp.year, stamp.month, printed.day) if printed else None
    except ValueError:
        return None
    if printed is None or cand is None or printed.month == stamp.month \
            or timedelta(0) <= stamp - printed <= timedelta(days=7) or not timedelta(0) <= stamp - cand <= timedelta(days=7):
        return None
    return f"{cand.day:02d}/{cand.month:02d}/{cand.year}"


# a place-date line that names no day at all, as drafts and some plans print it: "Hà Nội, tháng 6 năm 2031"
_PLACE_MONTH = regex.compile(
    _PLACE_DATE.pattern.replace(r"[ \t]{0,2}(?:,[ \t]{0,3}|[ \t])(?:ngày|Ngày|NGÀY)", "")
    + r"[ \t]{0,2},[ \t]{0,3}(?:tháng|Tháng|THÁNG)[ \t]{1,3}(?P<m>0?[1-9]|1[0-2])[ \t]{1,3}(?:năm|Năm|NĂM)[ \t]{1,3}"
    r"(?P<y>(?:19|20)[0-9]{2})[ \t.]{0,3}$")


def _read_place_date(top: list[Line], h: DocumentHeader, stamp: date | None = None) -> None:
    _read_place_day(top, h, stamp)
    if h.date is None and h.date_partial is None and h.place is None:
        for ln in top:
            m = _PLACE_MONTH.fullmatch(ln.text, timeout=rx_timeout(ln.text)) if len(ln.text) <= 80 else None
            if m and fold(m.group("place")) not in ("so", "ngay"):
                h.date_partial = f"{m.group('y')}-{int(m.group('m')):02d}"
                h.place = m.group("place").strip()
                h.locs["date"] = ln.loc
                return


def _read_place_day(top: list[Line], h: DocumentHeader, stamp: date | None = None) -> None:
    for i, ln in enumerate(top):
        if len(ln.text) > 160 or ("ngày" not in ln.text and "Ngày" not in ln.text and "NGÀY" not in ln.text):
            continue  # a place-date line is short and names the day
        n_end = _number_line_end(ln.text)
        m = _PLACE_DATE.search(ln.text, n_end, timeout=rx_timeout(ln.text))
        if not m:
            continue
        if m.start("place") == 0 and i > 0 and top[i - 1].text.endswith("/") and len(m.group("place").split()) == 1:
            continue  # "… Kết luận số 163/" ⏎ "KL-TTBT ngày 27/6/2031": a cited number's symbol and date
        lead = _MOTTO.sub("", ln.text[n_end:m.start()], timeout=RX_TIMEOUT)
        if lead.strip(" \t*_.:-"):
            deb = _NUMBER_DEBRIS.match(ln.text, n_end, timeout=rx_timeout(ln.text)) if n_end == 0 else None
            m = _PLACE_DATE.search(ln.text, deb.end(), timeout=rx_timeout(ln.text)) if deb else None
            if m is None or m.start() != deb.end():
                continue  # "… Chỉ thị số 14-CT/TU, ngày …" in a sentence is not the place-date line
        place = m.group("place").strip()
        words = place.split()
        while len(words) > 1 and len(words[0]) >= 2 and words[0].isupper() and not all(w.isupper() for w in words) \
                and words[0].rstrip(".") not in ("TP", "TX", "TT"):
            words.pop(0)  # "…-VP Tân Hòa, ngày": the symbol's last group is not the place
        place = " ".join(words).rstrip(".")  # "Hà Nội. ngày …": an OCR's stop for the comma
        if fold(place) in ("so", "ngay") or regex.match(r"^(?:Số|SỐ)\b", place, timeout=RX_TIMEOUT):
            continue
        dates = find_dates(_ocr_date_text(ln.text[m.start("place"):]))
        if stamp and not (dates and dates[0].iso):
            day = _day_by_stamp(ln.text[m.start("place"):], stamp)
            if day:
                dates = find_dates(day)
        elif stamp and dates:
            day = _month_by_stamp(dates[0].iso, stamp)
            if day:
                dates = find_dates(day)
        if dates:
            d = dates[0]
            h.date = d.iso
            h.date_partial = None if d.iso else d.partial
        else:
            # a draft's "Hà Nội, ngày   tháng   năm 2025": only the year is written
            ym = _YEAR_ONLY.match(ln.text, m.end(), timeout=rx_timeout(ln.text))
            if ym:
                h.date_partial = ym.group("y")
            else:
                # a scan's day (or month) unread: "ngày/WÍ tháng 07 năm 2018", "ngày of tháng § năm 2021" —
                # the month when it reads as one, and the year
                om = _UNREAD_DAY.match(ln.text, m.end(), timeout=rx_timeout(ln.text))
                if om:
                    mo = om.group("m")
                    h.date_partial = (f"{om.group('y')}-{int(mo):02d}" if mo.isdigit() and 1 <= int(mo) <= 12
                                      else om.group("y"))
        h.place = place
        h.locs["date"] = ln.loc
        return


_DATE_WORD_GLUE = regex.compile(r"(?<=[0-9\]|])(?=tháng|năm)|(?<=ngày|tháng)(?=[^\s])")
_DATE_FIELD = regex.compile(r"(?<=(?:ngày|tháng)\s)(?P<f>[0-9OØoIl|\]ÓÒÔƠóòôơÍÌíì§]{1,2})(?=\s)")
_DIGIT_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "Ø": "0", "I": "1", "l": "1", "|": "1", "]": "1",
                                   "Ó": "0", "Ò": "0", "Ô": "0", "Ơ": "0", "ó": "0", "ò": "0", "ô": "0", "ơ": "0",
                                   "Í": "1", "Ì": "1", "í": "1", "ì": "1", "§": "8"})


def _ocr_date_text(text: str) -> str:
    """The place-date line of a scan as the date reader expects it: words and
    digits the OCR glued apart ("ngày24tháng") and a day or month holding a
    digit's look-alike next to a real digit ("ngàyO6 tháng 1]" → 06, 11)."""
    if text.isupper():
        text = text.lower()  # "HÀ NỘI, NGÀY 12 THÁNG 3 NĂM 2024"
    text = regex.sub(r"(?<=tháng\s{1,2}[0-9]{1,2})\s{0,2},(?=\s{0,2}năm)", "", text, timeout=RX_TIMEOUT)
    cut = regex.search(r"năm\s{0,2}[0-9]{4}", text, timeout=RX_TIMEOUT)
    head, tail = (text[:cut.end()], text[cut.end():]) if cut else (text, "")
    head = _DATE_WORD_GLUE.sub(" ", head, timeout=RX_TIMEOUT)

    def digits(m: regex.Match) -> str:
        f = m.group("f")
        # a digit beside it, or two look-alikes standing where the field is ("tháng lO năm"): figures
        return f.translate(_DIGIT_LOOKALIKE) if any(c.isdigit() for c in f) or len(f) == 2 else f

    return _DATE_FIELD.sub(digits, head, timeout=RX_TIMEOUT) + tail


_CAPTION_OF = regex.compile(r"^(?:CỦA|Của)\s{1,3}(?P<iss>\p{Lu}[\p{L}\s,&-]{2,120}?)\s{1,3}(?:SỐ|Số)\b")
_DAY_LINE = regex.compile(r"^(?:NGÀY|Ngày)\s{1,3}[0-9]{1,2}\s{1,3}(?:THÁNG|tháng)\s{1,3}[0-9]{1,2}\s{1,3}(?:NĂM|năm)\s{1,3}[0-9]{4}")


def _number_unread(text: str, symbol: str) -> bool:
    """Whether the "Số:" line holds a number the OCR could not read ("Số:` /74/UBND-
    KSTTHC", "Só:¿92 /TB-UBND") rather than a blank left for it (a draft's "Số:    /UBND-NV")."""
    at = fold(text).find(fold(symbol)[:4])
    head = text[:at] if at > 0 else text
    rest = regex.sub(r"^[^\p{L}0-9]{0,3}\p{L}{1,3}|[\s:./\-]", "", head, timeout=RX_TIMEOUT)
    return bool(rest)


_FILE_NUMBER = regex.compile(r"^(?P<num>[0-9]{1,5}[a-zA-Z]?)[ _.-]{1,3}(?P<code>[A-ZĐ][A-Za-zĐđ0-9]{0,11})(?![\p{L}0-9])")


def _number_from_file_name(path: str, symbol: str) -> str | None:
    """The number a scan's "Số:" line holds but the OCR could not read, from a
    file named by it the way offices save their letters: "493 TB.pdf",
    "298 PC04.pdf" — a number, then a code of the symbol written as in it."""
    stem = path.replace("\\", "/").rsplit("/", 1)[-1]
    m = _FILE_NUMBER.match(stem, timeout=rx_timeout(stem))
    if not m:
        return None
    groups = [g for g in regex.split(r"[-/]", symbol, timeout=RX_TIMEOUT) if g]
    return m.group("num") if m.group("code") in groups else None


_SOURCE_LINE = regex.compile(r"^\W{0,3}(?:Nguồn|NGUỒN|Nguồn\s+tin|Theo)\s{0,3}:")


def _own_number_from_body(lines: list[Line], num_i: int, h: DocumentHeader, nn_i: int | None = None) -> None:
    """The document's own number, unread on its "Số:" line, as the text cites it
    elsewhere (a news introduction, an enclosure's "Căn cứ Văn bản số 4532/UBND-
    KSTTHC, ngày 07/12/2011"): one number with the header's symbol, dated on the
    header's date — or in its month, when only that was read, and only in an
    enclosure after the letter's "Nơi nhận" (a letter often cites an earlier
    one of its own series from the same month: "V/v thu hồi Công văn số 228/…")."""
    from extractors.citation_find import find_citations
    from extractors.citation_resolve import resolve

    when = h.date or h.date_partial
    if not when:
        return
    found: set[tuple[str, str]] = set()
    loc = None
    top_end = next((k for k in range(num_i + 1, min(len(lines), TOP_LINES))
                    if _BODY_START.match(lines[k].text, timeout=RX_TIMEOUT) or _KINH_GUI.match(lines[k].text, timeout=RX_TIMEOUT)),
                   min(len(lines), TOP_LINES))  # the header's own lines end where the body or "Kính gửi" starts
    for k, ln in enumerate(lines):
        if k == num_i:
            continue
        for f in find_citations(ln.text):
            if fold(f.symbol) != fold(h.symbol):
                continue
            if num_i < k < top_end:
                return  # named in the header's own lines (its subject): a document this one acts on
            if h.date is None and (nn_i is None or k <= nn_i):
                continue
            d = resolve(ln.text, f).date  # after the number, or the day of the act before it
            if d and (d == h.date if h.date else d.startswith(h.date_partial + "-")):
                found.add((f.number, d))
                loc = loc or ln.loc
            elif d is None and h.date and _SOURCE_LINE.match(ln.text, timeout=rx_timeout(ln.text)):
                found.add((f.number, h.date))  # "Nguồn: Công văn số 22/UBND-TH …": the page names what it reproduces
                loc = loc or ln.loc
    if len({n for n, _ in found}) == 1 and len(found) == 1:
        h.number, day = found.pop()
        h.locs["number_cited"] = loc
        if h.date is None:
            h.date, h.date_partial = day, None  # the day the OCR could not read either


def _read_caption_header(top: list[Line], num_i: int, h: DocumentHeader) -> None:
    """The one-block header of a legal database's copy: "CHỈ THỊ" / "CỦA BỘ
    THÔNG TIN VÀ TRUYỀN THÔNG SỐ 07/2008/CT-BTTTT" / "NGÀY 30 THÁNG 12 NĂM
    2008" — the issuer after "của" on the number's line, the date on the next."""
    ln = top[num_i]
    m = _CAPTION_OF.match(ln.text, timeout=rx_timeout(ln.text))
    if not m:
        return
    h.issuer = _known_spelling(_expand(_org_case(squash_spaces(m.group("iss")))))
    h.locs["issuer"] = ln.loc
    if h.date is None and h.date_partial is None:
        for nxt in top[num_i:num_i + 2]:
            dm = _DAY_LINE.search(nxt.text[nxt.text.find("NGÀY"):] if "NGÀY" in nxt.text else nxt.text,
                                  timeout=RX_TIMEOUT)
            ds = find_dates(dm.group(0).lower()) if dm else []
            if ds and ds[0].iso:
                h.date = ds[0].iso
                h.locs["date"] = nxt.loc
                return


_LEVEL_WORDS = {"tinh": "tỉnh", "huyen": "huyện", "thanh pho": "thành phố", "quan": "quận", "thi xa": "thị xã", "xa": "xã",
                "phuong": "phường"}
_LEVEL_AFTER = regex.compile(r"\s{1,3}(?P<l>tinh|huyen|thanh pho|quan|thi xa|xa|phuong)(?![\p{L}])")


def _level_from_text(lines: list[Line], h: DocumentHeader) -> None:
    """A body named by its task, its place level left out of the header ("BCĐ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ" under
    "TỈNH ỦY …"), that the text names with it ("Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở tỉnh (gọi tắt là …)"):
    the level goes with its name."""
    name = fold(h.issuer)
    for ln in lines[:TOP_LINES + 40]:
        text = fold(ln.text)
        at = text.find(name)
        if at < 0:
            continue
        m = _LEVEL_AFTER.match(text, at + len(name), timeout=RX_TIMEOUT)
        if m:
            h.issuer = f"{h.issuer} {_LEVEL_WORDS[m.group('l')]}"
            return


def _read_issuer_block(top: list[Line], num_i: int, h: DocumentHeader, body: list[Line] | None = None) -> None:
    segs: list[str] = []
    locs: list[Loc] = []
    dashed: list[bool] = []  # the segment's line ended with a dash: the next line goes on with the name
    for ln in reversed(top[max(0, num_i - 6):num_i + 1]):
        text = _MOTTO.sub(" ", ln.text, timeout=RX_TIMEOUT)
        text = _MOTTO_PIECE.sub(" ", text, timeout=RX_TIMEOUT)
        text = _NUMBER_LINE.split(text, maxsplit=1, timeout=rx_timeout(text))[0] if ln is top[num_i] else text
        dash = bool(regex.search(r"\s[-–]\s{0,2}$", text, timeout=RX_TIMEOUT))  # "LIÊN ĐOÀN LAO ĐỘNG -" ⏎ "SỞ …"
        text = _drop_debris_tokens(squash_spaces(text)).strip(" *|.,'`’‘_·•-–—")
        if ln is top[num_i]:
            g = _glued_number_line(ln.text) if not _NUMBER_LINE.search(ln.text, timeout=rx_timeout(ln.text)) else None
            if g is None:
                continue
            text = squash_spaces(ln.text[:g.start()]).strip(" *|.,'`’‘_·•-–—")  # the issuer's last line, glued
            if not text:
                continue
        if not text or _DECOR.match(text, timeout=rx_timeout(text)) or _has_place_date(text) or _is_debris(text):
            continue
        if set(regex.findall(r"\p{L}+", fold(text), timeout=RX_TIMEOUT)) <= _MOTTO_WORDS:
            continue  # what an OCR left of the motto ("CHÚ NGHÍA")
        if not _is_title_caps(text) or len(text) > 80 or _type_of_line(text):
            break  # a type line ("CHỈ THỊ") above the number is no issuer
        for part in reversed(_split_bodies(_respace(text, h.place))):
            segs.insert(0, part)
            locs.insert(0, ln.loc)
            dashed.insert(0, dash)
            dash = False
        if len(segs) >= 4:
            break
    if not segs:
        return
    joined: list[str] = []
    joined_locs: list[Loc] = []
    joint: set[int] = set()
    for k, (s, loc) in enumerate(zip(segs, locs)):
        if k and dashed[k - 1]:
            joined[-1] = joined[-1] + " - " + s  # a joint issuer written over two lines ("… LAO ĐỘNG -" ⏎ "SỞ …")
            joint.add(len(joined) - 1)
            continue
        level = _level_line(s)
        # a line opening a body of its own ("HUYỆN ỦY CẨM XUYÊN" under "ĐẢNG BỘ TỈNH …") continues nothing;
        # a place level ("HUYỆN VĂN GIANG") continues the body above, and so does a name under a bare kind
        # ("TRƯỜNG ĐẠI HỌC" / "CÔNG NGHỆ THÔNG TIN")
        own_body = _BODY_HEAD.match(fold(s), timeout=RX_TIMEOUT)
        ends_at_level = bool(joined) and _LEVEL_END.search(fold(joined[-1]), timeout=RX_TIMEOUT)
        wrapped = bool(joined) and _wrapped_name(joined[-1], s)
        if joined and (not own_body or wrapped) and (level or ends_at_level or wrapped
                                                     or _HEAD_ONLY.match(fold(joined[-1]), timeout=RX_TIMEOUT)
                                                     or (_PURPOSE_OPEN.match(fold(joined[-1]), timeout=RX_TIMEOUT)
                                                         and not _PLACED.search(fold(joined[-1]), timeout=RX_TIMEOUT))):
            # "SỞ Y TẾ TỈNH" ⏎ "LẠNG SƠN": a name wrapped after its place level continues it
            joined[-1] = joined[-1] + " " + (_canonical_level(s) if level else s)
        else:
            joined.append(s)
            joined_locs.append(loc)
    locs = joined_locs
    last = joined[-1].split(" - ") if len(joined) - 1 in joint else [joined[-1]]
    h.issuer = _known_spelling(_place_case(" - ".join(_expand(_org_case(p, body)) for p in last), h.place))
    h.locs["issuer"] = locs[-1]
    if len(joined) >= 2:
        h.parent_issuer = _known_spelling(_place_case(_expand(_org_case(joined[-2], body)), h.place))
        if _BARE_KIND.match(fold(h.issuer), timeout=RX_TIMEOUT):
            # "BỘ TƯ PHÁP" / "VĂN PHÒNG": the office of that ministry, named with it
            h.issuer = f"{h.issuer} {h.parent_issuer}"


# a caps line holding two bodies, the parent then its unit ("UBND TỈNH KON TUM SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
# "BỘ GIAO THÔNG VẬN TẢI CỤC ĐƯỜNG BỘ VIỆT NAM"): the words opening a parent, and those opening a unit under it
_PARENT_HEAD = regex.compile(
    r"^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|bo|so|dang bo|(?:tinh|huyen|thanh|quan|thi) uy|dai hoc"
    r"|truong dai hoc|truong cao dang|hoc vien|tong cuc|tong lien doan|cong an (?:tinh|thanh pho))(?![\p{L}])")
_UNIT_HEADS = ("so", "phong", "van phong", "trung tam", "ban", "chi cuc", "cuc", "tong cuc", "vu", "thanh tra",
               "cong an", "benh vien", "truong", "dai", "huyen uy", "thanh uy", "quan uy", "thi uy", "dang uy",
               "kho bac", "vien", "khoa", "cong doan", "hoi dong", "uy ban kiem tra", "doan")
# words before a head word that make it part of a longer word ("ỦY BAN", "MÔI TRƯỜNG", "CƠ SỞ", "THƯỜNG VỤ")
_NOT_UNIT_AFTER = frozenset({"uy", "moi", "thi", "co", "tru", "nhan", "thuong", "nghiep", "dich", "phuc", "cong",
                             "van", "benh", "hoc", "lien", "tong", "chi", "dang", "dai",
                             "tinh", "huyen", "xa", "phuong", "quan", "pho", "tran"})  # a place level: a name follows


def _split_bodies(text: str) -> list[str]:
    """ "UBND TỈNH KON TUM SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" → the parent and the unit
    (a web page or a flattened layout put the two issuer lines on one);
    a single body's name is left whole."""
    words = text.split()
    low = [fold(w) for w in words]
    if len(words) < 4 or not _PARENT_HEAD.match(" ".join(low), timeout=RX_TIMEOUT):
        return [text]
    for k in range(2, len(words) - 1):
        if low[k - 1] in _NOT_UNIT_AFTER or low[k - 1].endswith(","):
            continue
        for head in _UNIT_HEADS:
            n = len(head.split())
            if " ".join(low[k:k + n]) != head or (k + n >= len(words) and head not in ("van phong", "thanh tra")):
                continue
            nxt = low[k + n] if k + n < len(words) else ""
            if (head == "khoa" and nxt == "hoc") or (head == "phong" and nxt in ("chong", "ngua")) \
                    or (head == "dai" and nxt not in ("phat", "truyen")) or (head == "vu" and low[0] != "bo") \
                    or (head == "doan" and nxt not in ("thanh", "tncs")):
                continue
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [text]


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Folded words of the agency names in the issuer table, and place levels."""
    words = {"tinh", "huyen", "xa", "phuong", "quan", "thanh", "pho", "thi", "tran", "uy", "dang", "bo", "doan"}
    for a in issuer_abbrevs().values():
        words.update(w for w in regex.findall(r"\w+", fold(a.expansion), timeout=RX_TIMEOUT) if len(w) >= 2)
    return frozenset(words)


def _respace(text: str, place: str | None) -> str:
    """A caps line whose words the OCR glued ("UỶBANNHÂNDÂN", "TỈNHBẮC GIANG"):
    each long token that is no word is split where it reads as a run of words
    of agency names, place levels or the place on the date line."""
    vocab = set(_name_words())
    if place:
        vocab.update(regex.findall(r"\w+", fold(place), timeout=RX_TIMEOUT))
    out = []
    for tok in text.split():
        folded = [fold(ch) for ch in tok]
        if len(tok) < 6 or any(len(f) != 1 for f in folded) or "".join(folded) in vocab:
            out.append(tok)
            continue
        f = "".join(folded)
        # cut[k]: a segmentation of f[:k] into vocabulary words (the fewest pieces)
        cut: list[list[int] | None] = [None] * (len(f) + 1)
        cut[0] = []
        for k in range(1, len(f) + 1):
            for j in range(max(0, k - 8), k - 1):
                if cut[j] is not None and f[j:k] in vocab and (cut[k] is None or len(cut[j]) + 1 < len(cut[k])):
                    cut[k] = cut[j] + [k]
        if cut[-1] is None or len(cut[-1]) < 2:
            out.append(tok)
            continue
        prev = 0
        for k in cut[-1]:
            out.append(tok[prev:k])
            prev = k
    return " ".join(out)


@lru_cache(maxsize=1)
def _known_folded() -> tuple[str, ...]:
    """Folded agency names of the issuer table, their notes in brackets left out."""
    out = set()
    for a in issuer_abbrevs().values():
        name = squash_spaces(regex.sub(r"\([^()]*\)", " ", a.expansion, timeout=RX_TIMEOUT))
        for alt in regex.split(r"\s*[/;]\s*", name, timeout=RX_TIMEOUT):
            if len(alt.split()) >= 3:
                out.add(fold(alt))
    return tuple(sorted(out))


def _wrapped_name(above: str, line: str) -> bool:
    """Whether ``line`` is the rest of the name on the line above, wrapped in
    the issuer block: the name was cut at a joining word ("SỞ VĂN HÓA, THỂ THAO
    VÀ" / "DU LỊCH", "BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI") or the two lines
    make an agency name of the issuer table ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN" /
    "NÔNG THÔN")."""
    fa, fl = fold(above).strip(), fold(line).strip()
    if regex.search(r"(?:\s(?:va|-|–|cac|cua|ve|thuoc)|,)$", fa, timeout=RX_TIMEOUT) \
            or regex.match(r"^(?:(?:va|cac|cua|ve|thuoc|truc thuoc)\s|-\s|–\s)", fl, timeout=RX_TIMEOUT):
        return True
    joined = f"{fa} {fl}"
    return any(k.startswith(fa + " ") and (joined == k or joined.startswith(k + " ") or k.startswith(joined + " "))
               for k in _known_folded())


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    """Folded agency names of the issuer table → their written spelling."""
    out: dict[str, str] = {}
    for a in issuer_abbrevs().values():
        name = squash_spaces(a.expansion)
        if len(name.split()) >= 2 and not regex.search(r"[;/—]", name, timeout=RX_TIMEOUT):
            out.setdefault(fold(name), name)
    return out


_VOWELS = frozenset("aeiouy")


def _undouble(word: str) -> str:
    """A word an OCR wrote with one vowel twice, once per mark it saw
    ("Truyềèn"): the one letter of the two that leaves a Vietnamese syllable."""
    low = word.lower()
    if len(word) < 3 or not word.isalpha() or is_valid_syllable(low):
        return word
    f = fold(low)
    if len(f) != len(low):
        return word
    for k in range(1, len(low)):
        if f[k] == f[k - 1] and f[k] in _VOWELS:
            for drop in (k, k - 1):
                cand = word[:drop] + word[drop + 1:]
                if is_valid_syllable(cand.lower()):
                    return cand
    return word


def _known_spelling(name: str) -> str:
    """An agency name whose marks the OCR got wrong ("Sở Thông tin và Truyên
    thông") takes the spelling of the issuer table's name it equals without
    diacritics; a place after the name is kept ("… Truyên thông tỉnh Phú Thọ").
    A vowel written twice by the OCR ("Truyềèn") is written once."""
    name = " ".join(_undouble(w) for w in name.split())
    words = name.split()
    known = _known_names()
    for n in range(len(words), 1, -1):
        head = " ".join(words[:n])
        spelt = known.get(fold(head))
        if spelt is not None:
            return name if head.lower() == spelt.lower() else " ".join([spelt] + words[n:])
    return name


# an agency's kind written alone on its line, its specific name on the next one
# ("TRƯỜNG ĐẠI HỌC" / "CÔNG NGHỆ THÔNG TIN"); compared folded (OCR drops marks)
_HEAD_ONLY = regex.compile(
    r"^(?:truong(?: (?:dai hoc|cao dang|trung cap|trung hoc(?: pho thong| co so)?|tieu hoc|mam non|pho thong))?"
    r"|dai hoc|hoc vien|vien|benh vien|trung tam|so|bo|cuc|tong cuc|chi cuc|ban|van phong|khoa|phong)$"
)
# a body named by its task, whose name runs over the next lines ("BCĐ THỰC HIỆN QUY CHẾ" / "DÂN CHỦ Ở CƠ SỞ",
# "HỘI ĐỒNG TUYỂN DỤNG" / "VIÊN CHỨC NĂM 2031"): a line under it that opens no body of its own goes on with its name
_PURPOSE_OPEN = regex.compile(r"^(?:ban chi dao|bcd|hoi dong|to cong tac|tieu ban|ban to chuc|btc|ban quan ly|bql"
                              r"|ban chi huy|bch)\s\S")
# a name that already says its place ("HỘI ĐỒNG NHÂN DÂN TỈNH X") is whole
_PLACED = regex.compile(r"(?<![\p{L}])(?:tinh|huyen|xa|phuong|quan|thanh pho|thi xa|thi tran)(?![\p{L}])")
# a unit named by its kind alone under its parent ("VĂN PHÒNG" under "BỘ TƯ PHÁP", "BAN THƯỜNG TRỰC" under
# "ỦY BAN MTTQ VIỆT NAM XÃ …": a Front committee's standing board)
_BARE_KIND = regex.compile(r"^(?:van phong|thanh tra|ban thuong vu|ban chap hanh|cong doan|doan thanh nien|(?:ban )?thuong truc)$")
# the words that open the name of a body of its own (not the rest of the line above)
_BODY_HEAD = regex.compile(
    r"^(?:uy ban|ubnd|hdnd|hoi dong|so|bo|ban|chinh phu|van phong|trung tam|dang uy|dang bo|cong doan|truong"
    r"|benh vien|phong|cuc|tong cuc|chi cuc|khoa(?! hoc)|dai hoc|hoc vien|vien|cong an|(?:tinh|huyen|thanh|quan|thi) (?:uy|doan|doi|hoi)|doan"
    r"|thanh tra|chi nhanh|cong ty|tong cong ty|hoi|ngan hang)(?![\p{L}])"
)
# a name cut after its place level ("SỞ Y TẾ TỈNH" / "LẠNG SƠN", compared folded)
_LEVEL_END = regex.compile(r"(?<![\p{L}])(?:tinh|huyen|thanh pho|quan|thi xa|xa|phuong|thi tran)$")
# place levels whose folded spelling is unambiguous in a header ("TÍNH LÂM ĐỒNG" read for "TỈNH")
_FOLDED_LEVELS = {"tinh": "TỈNH", "huyen": "HUYỆN", "phuong": "PHƯỜNG", "thi tran": "THỊ TRẤN", "thi xa": "THỊ XÃ",
                  "thanh pho": "THÀNH PHỐ"}


def _level_line(text: str) -> bool:
    if _LEVEL.match(text, timeout=RX_TIMEOUT):
        return True
    f = fold(text)
    return any(f.startswith(k + " ") for k in _FOLDED_LEVELS)


def _canonical_level(text: str) -> str:
    """ "TÍNH LÂM ĐỒNG" → "TỈNH LÂM ĐỒNG": an OCR slip in the level word, in a caps line."""
    if _LEVEL.match(text, timeout=RX_TIMEOUT) or not text.isupper():
        return text
    words = text.split()
    for k, canon in _FOLDED_LEVELS.items():
        n = len(k.split())
        if fold(" ".join(words[:n])) == k:
            return " ".join([canon] + words[n:])
    return text


_WORDLIKE = regex.compile(r"[\p{L}0-9]+(?:[.\-&/][\p{L}0-9]+)*[.,:;]?")


def _drop_debris_tokens(text: str) -> str:
    """A caps line with an OCR scrap glued at its end or start ("CÔNG NGHỆ
    THÔNG TIN .n.--ẰẮẰẮ—ẰẮẶằẰ"): the scrap (a token that is no word) goes."""
    toks = text.split()
    # a word with a stray mark glued before or after it ("/ỦY BAN …", "NAM\\") is that word, not a scrap
    if toks and not _WORDLIKE.fullmatch(toks[0], timeout=RX_TIMEOUT) \
            and _WORDLIKE.fullmatch(toks[0].lstrip("/\\'`\""), timeout=RX_TIMEOUT):
        toks[0] = toks[0].lstrip("/\\'`\"")
    if toks and not _WORDLIKE.fullmatch(toks[-1], timeout=RX_TIMEOUT) \
            and _WORDLIKE.fullmatch(toks[-1].rstrip("/\\'`\""), timeout=RX_TIMEOUT):
        toks[-1] = toks[-1].rstrip("/\\'`\"")
    while len(toks) > 1 and not _WORDLIKE.fullmatch(toks[-1], timeout=RX_TIMEOUT):
        toks.pop()
    while len(toks) > 1 and not _WORDLIKE.fullmatch(toks[0], timeout=RX_TIMEOUT) and len(toks[0]) > 1:
        toks.pop(0)
    return " ".join(toks)


def _is_debris(text: str) -> bool:
    """An OCR scrap in the header (the rule under the issuer read as ".n.--ẰẮẰẮ—"):
    no token of the line is a word of two or more letters."""
    return not any(regex.fullmatch(r"\p{L}{2,}[.,:;]?", t, timeout=RX_TIMEOUT) for t in text.split())


# an annex's caption naming this document: "(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày   tháng 9 năm 2025 …)"
_OWN_CAPTION_DATE = regex.compile(
    r"(?:[Kk]èm\s{1,3}theo|KÈM\s{1,3}THEO)\s{1,3}\p{L}[\p{L}\s]{1,30}?\s{1,3}(?:số|Số|SỐ)\s{0,3}:?\s{0,3}"
    r"[…._ ]{0,8}/?\s{0,2}(?P<sym>[\p{Lu}Đ][\p{L}0-9&]{0,11}(?:-[\p{Lu}Đ][\p{L}0-9&]{0,11}){0,3})\s{0,3},?\s{0,3}"
    r"(?:ngày|NGÀY)[\s…._]{0,12}(?:tháng|THÁNG)\s{1,3}(?P<m>[0-9]{1,2})\s{1,3}(?:năm|NĂM)\s{1,3}(?P<y>(?:19|20)[0-9]{2})")


def _month_from_own_caption(lines: list[Line], h: DocumentHeader) -> None:
    """A draft dated with its year alone ("Lai Châu, ngày  tháng  năm 2031") whose annex caption names it with
    its month ("kèm theo Quyết định số: /QĐ-UBND ngày  tháng 9 năm 2031"): the month and year of the caption."""
    for ln in lines:
        if "theo" not in ln.text and "THEO" not in ln.text:
            continue
        for m in _OWN_CAPTION_DATE.finditer(ln.text, timeout=rx_timeout(ln.text)):
            if m.group("y") == h.date_partial and fold(m.group("sym")) == fold(h.symbol) \
                    and 1 <= int(m.group("m")) <= 12:
                h.date_partial = f"{m.group('y')}-{int(m.group('m')):02d}"
                return


def _marked(text: str) -> int:
    """How many letters of ``text`` carry a mark (or are "đ")."""
    return sum(1 for ch in text if ch.isalpha() and fold(ch) != ch.lower())


def _spelling_in_text(name: str, folded_lines: list[tuple[str, str]]) -> str | None:
    """The document's own spelling of ``name`` where it writes it with more marks, not in capitals ("TONG CUC
    THUE" on a scanned header, "Tổng cục Thuế" in the letter's text): the writing it uses most (a scanned text
    misreads some), then the most marked, then the most capitalised."""
    key = squash_spaces(name).translate(_base_letters())
    if len(key) < 4:
        return None
    own = _marked(name)
    keys = [key]
    if len(key.split()) >= 3 and own == 0:
        # one letter the OCR is known to confuse ("Tong cyc thue" for "Tổng cục Thuế"), in a name of three words
        # read with no mark at all
        keys += [key[:k] + alt + key[k + 1:] for k, ch in enumerate(key) for alt in _OCR_LETTER.get(ch, "")]
    for k in keys:
        seen: dict[str, int] = {}
        for text, folded in folded_lines:
            at = folded.find(k)
            while at != -1:
                end = at + len(k)
                if (at == 0 or not folded[at - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                    cand = text[at:end]
                    if not cand.isupper() and _marked(cand) > own:
                        seen[cand] = seen.get(cand, 0) + 1
                at = folded.find(k, at + 1)
        if seen:
            return max(seen, key=lambda c: (seen[c], _marked(c), sum(ch.isupper() for ch in c)))
    return None


@lru_cache(maxsize=1)
def _base_letters() -> dict[int, str]:
    """A letter → its base letter in lower case, one character for one (offsets kept): "Ế" → "e", "Đ" → "d"."""
    out: dict[int, str] = {}
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if ch.isalpha() and len(base) == 1 and base.isascii():
            out[cp] = base
    out[ord("Đ")], out[ord("đ")] = "d", "d"
    return out


# letters a scan reads one for another (compared without marks)
_OCR_LETTER = {"y": "u", "u": "y", "l": "i", "i": "l", "e": "c", "c": "e"}


def _marks_from_text(lines: list[Line], h: DocumentHeader) -> None:
    """A scanned header read without its marks ("Tong cục thue", "Ha Nội") takes the marks the document's own
    text gives the same name (compared without marks, word for word)."""
    table = _base_letters()
    folded_lines = [(ln.text, ln.text.translate(table)) for ln in lines[:600]]
    if h.issuer:
        better = _spelling_in_text(h.issuer, folded_lines)
        if better and better[:1].isupper():
            h.issuer = better
    if h.parent_issuer:
        better = _spelling_in_text(h.parent_issuer, folded_lines)
        if better and better[:1].isupper():
            h.parent_issuer = better
    if h.place:
        better = _spelling_in_text(h.place, folded_lines)
        if better and better[:1].isupper():
            h.place = better


def _place_case(name: str, place: str | None) -> str:
    """An agency name cased from all-caps keeps the capitals of a place name
    it ends with when that place is the one written on the place-date line:
    "SỞ Y TẾ HÀ TĨNH" + "Hà Tĩnh, ngày …" → "Sở Y tế Hà Tĩnh"."""
    if not place or not name:
        return name
    words, pwords = name.split(), place.split()
    n = len(pwords)
    if len(words) <= n or [fold(w) for w in words[-n:]] != [fold(w) for w in pwords]:
        return name
    if words[-n:] == pwords:
        return name
    return " ".join(words[:-n] + pwords)


def _type_of_line(text: str) -> str | None:
    t = regex.sub(r"^\(|\)$", "", text.strip(), timeout=RX_TIMEOUT).strip()
    if not t or not _is_title_caps(t) or len(t) > 40:
        return None
    dt = doc_type_by_name(t)
    if dt is not None:
        return dt.name
    words = t.split()
    if t.isupper() and words[0] == "BẢN" and 2 <= len(words) <= 5:
        return _case(t)  # "BẢN TỰ KHAI", "BẢN GIẢI TRÌNH": the paper itself, a kind the tables do not list
    for k in (3, 2):
        # "BIÊN BẢN LÀM VIỆC": a type of two words or more and a few words of what it records
        dt = doc_type_by_name(" ".join(words[:k])) if len(words) > k else None
        if dt is not None and len(dt.name.split()) >= 2 and len(words) - k <= 4:
            return dt.name
    return None


def _read_type_and_subject(top: list[Line], h: DocumentHeader) -> int | None:
    # an untyped title ("BẢNG TỔNG HỢP") is only taken in a text without a header block
    untyped_ok = h.issuer is None and h.symbol is None and not any(
        _NUMBER_LINE.search(ln.text, timeout=rx_timeout(ln.text)) or _MOTTO.search(ln.text, timeout=rx_timeout(ln.text))
        for ln in top)
    for i, ln in enumerate(top):
        if _MOTTO.search(ln.text, timeout=rx_timeout(ln.text)) or _NUMBER_LINE.match(ln.text, timeout=rx_timeout(ln.text)):
            continue
        if _SUBJECT_VV.match(_unbracket(ln.text), timeout=RX_TIMEOUT) or (
                i > 0 and _NUMBER_LINE.match(top[i - 1].text, timeout=RX_TIMEOUT)
                and _SUBJECT_VE.match(ln.text, timeout=RX_TIMEOUT)):
            # (a letter's subject under its number may open with "Về …" alone, or "về việc" in lower case)
            named = doc_type_by_code(h.type_code) if h.type_code else None
            h.type = h.type or (named.name if named else "Công văn")
            h.subject = _subject_from(top, i, first=_unbracket(ln.text))
            h.locs["subject"] = ln.loc
            return i
        t = _type_of_line(ln.text)
        cm = _CAPS_TYPE_VE.match(ln.text, timeout=rx_timeout(ln.text)) if t is None and len(ln.text) <= 400 else None
        ct = _type_of_line(cm.group("type")) if cm else None
        if ct is not None:
            rest = cm.group("rest")
            if i + 1 < len(top) and _PREAMBLE.match(top[i + 1].text, timeout=RX_TIMEOUT):
                tails = [a for a in _AUTHORITY_TAIL.finditer(rest, timeout=rx_timeout(rest))
                         if not regex.search(r"(?:CỦA|VÀ|VỚI|CHO)\s{1,3}$", rest[:a.start()], timeout=RX_TIMEOUT)]
                if tails:
                    rest = rest[:tails[-1].start()].strip()  # "… (ĐỢT 1) BỘ TRƯỞNG BỘ Y TẾ" ⏎ "Căn cứ …"
            h.type = ct
            h.locs["type"] = ln.loc
            h.subject = _case(rest, expand=False).strip(" .") or None
            if h.subject:
                h.locs["subject"] = ln.loc
            return i
        if t is None:
            pm = _TYPE_THEN_SUBJECT.match(ln.text, timeout=rx_timeout(ln.text))
            pt = _type_of_line(pm.group("type")) if pm else None
            if pt is not None:
                h.type = pt
                h.locs["type"] = ln.loc
                h.subject = _subject_from(top, i, first=pm.group("rest"))
                if h.subject:
                    h.locs["subject"] = ln.loc
                return i
        if t is None and 3 <= len(ln.text.split()) and _is_title_caps(ln.text) and i + 1 < len(top) \
                and (_authority_at(top, i + 1) or _PREAMBLE.match(top[i + 1].text, timeout=RX_TIMEOUT)):
            # "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ …" ⏎ "BỘ TRƯỞNG BỘ X" ⏎ "Căn cứ …": a web copy's title paragraph with the
            # type and the subject in capitals run together (the longest opening words that name a type)
            words = ln.text.split()
            k = max((n for n in range(1, min(4, len(words) - 1) + 1)
                     if fold(_type_of_line(" ".join(words[:n])) or "") == fold(" ".join(words[:n]))), default=0)
            if k:
                h.type = _type_of_line(" ".join(words[:k]))
                h.locs["type"] = ln.loc
                h.subject = _case(" ".join(words[k:]), expand=False).strip(" .") or None
                if h.subject:
                    h.locs["subject"] = ln.loc
                return i
        if t is None and untyped_ok and _is_title_caps(ln.text) and 2 <= len(ln.text.split()) <= 6 \
                and i + 1 < len(top) and not _MOTTO.search(ln.text, timeout=RX_TIMEOUT) and not _ISSUER_WORDS.match(ln.text, timeout=RX_TIMEOUT):
            # an untyped title ("BẢNG TỔNG HỢP") heading the text
            nxt = top[i + 1].text
            if _is_title_caps(nxt) or _CAPTION.search(nxt, timeout=rx_timeout(nxt)):
                t = _case(ln.text)
        if t is not None:
            h.type = t
            h.locs["type"] = ln.loc
            j = _past_header_matter(top, i + 1)
            if j < len(top):
                h.subject = _subject_from(top, j)
                if h.subject:
                    h.locs["subject"] = top[j].loc
            return i
        if _BODY_START.match(ln.text, timeout=rx_timeout(ln.text)) and i > 3:
            break
    return None


_MOTTO_WORDS = frozenset("cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc dang san".split())

# the enacting authority of a Nghị quyết / Quyết định, printed in capitals between the title and the preamble:
# "HỘI ĐỒNG NHÂN DÂN TỈNH …" ⏎ "KHÓA XV, KỲ HỌP THỨ BA" ⏎ "Căn cứ …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …" ⏎ "Căn cứ …"
_SESSION = regex.compile(r"^(?:KHÓA|KHOÁ|Khóa|Khoá)\s{1,3}[IVXLC0-9]{1,6}(?![\p{L}0-9])|^(?:KỲ|Kỳ)\s{1,3}(?:HỌP|họp)(?![\p{L}])")
_PREAMBLE = regex.compile(r"^(?:Căn\s+cứ|CĂN\s+CỨ|Xét\s|Sau\s+khi\s+xem\s+xét|Theo\s+đề\s+nghị|Trên\s+cơ\s+sở)")
# the heads an enacting line opens with when no session line follows (a subject's wrapped caps line may open
# with a place level, "TỈNH …", so those do not count here)
_AUTHORITY_HEAD = regex.compile(
    r"^(?:" + _HEAD_TITLE + r"|(?:PHÓ\s+)?THỦ\s+TƯỚNG|ỦY\s+BAN|UỶ\s+BAN|UBND|HĐND|HỘI\s+ĐỒNG|CHÍNH\s+PHỦ"
    r"|QUỐC\s+HỘI|BAN\s+CHẤP\s+HÀNH|BAN\s+THƯỜNG\s+VỤ|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ)(?![\p{L}])")
_TITLE_BEFORE_BODY = regex.compile(r"^" + _HEAD_TITLE + r"\s{1,3}(?=\p{Lu})")


# a line ending on a word that needs what follows ("… NHIỆM VỤ CỦA", "… VÀ"): the next line goes on with it
_DANGLING = regex.compile(r"(?<![\p{L}])(?:của|về|và|cho|với|tại|các|đối\s+với|CỦA|VỀ|VÀ|CHO|VỚI|TẠI|CÁC|ĐỐI\s+VỚI)[\s,]*$")


def _authority_at(top: list[Line], j: int) -> bool:
    """``top[j]`` is the enacting authority's line: capitals, then the preamble ("Căn cứ …", "Xét …"), or
    a session line ("KHÓA …, KỲ HỌP …") and then the preamble."""
    t = top[j].text.strip()
    if not t or not _is_title_caps(t) or len(t) > 90 or _SESSION.match(t, timeout=RX_TIMEOUT):
        return False
    k = j + 1
    session = k < len(top) and bool(_SESSION.match(top[k].text, timeout=RX_TIMEOUT))
    if session:
        k += 1
    if k >= len(top) or not _PREAMBLE.match(top[k].text, timeout=RX_TIMEOUT):
        return False
    return session or bool(_AUTHORITY_HEAD.match(t, timeout=RX_TIMEOUT))


# "ngày", "tháng" and "năm" as an OCR misreads their marks ("ngảy 5 thảng 3 nẵm 2031"), before the figures they name
_OCR_NGAY = regex.compile(r"(?<![\p{L}])(?:ng[aàảáạãâầấẩậ]y|NG[AÀẢÁẠÃ]Y)(?=\s{0,2}[0-9OoIl|])"
                          # "Hà Nội, ngdy, Jf tháng 4": one letter misread, the day unread, "tháng" next
                          r"|(?<=\p{L},\s{1,2})ng[^\s\p{N}]y(?=[\s,]{1,3}\S{1,3}\s{1,2}th[aáà]ng\s)")
# (a scan's "h" read "b", its "á" read "i": "tbáng 10", "thing 4")
_OCR_THANG = regex.compile(r"(?<![\p{L}])(?:t[hb][aàảáạãâầấắiíì]ng|TH[AÀẢÁẠÃ]NG)(?=\s{0,2}[0-9OoIl|])")
_OCR_NAM_WORD = regex.compile(r"(?<![\p{L}])(?:n[aàảáạãăắằẳẵặâầấẩẫ]m|N[AÀẢÁẠÃĂẮẰẲẴẶ]M)(?=\s{1,2}(?:19|20)[0-9]{2}(?![0-9]))")
# "tháng 4 ăm 2024": the "n" lost — the space before it takes its place (same length)
_OCR_AM = regex.compile(r"(?<=(?:tháng|THÁNG)\s{1,2}[0-9OoIl|]{1,2})\s[aăâ]m(?=\s{1,2}(?:19|20)[0-9]{2}(?![0-9]))")


def _ocr_date_words(top: list[Line]) -> list[Line]:
    """The header's lines with a date's words read right: same length, so every offset stays."""
    out: list[Line] = []
    for ln in top:
        t = ln.text
        if len(t) <= 160 and ("ng" in t or "NG" in t):
            u = _OCR_NGAY.sub(lambda m: "ngày" if m.group(0).islower() else "NGÀY", t, timeout=rx_timeout(t))
            u = _OCR_THANG.sub(lambda m: "tháng" if m.group(0).islower() else "THÁNG", u, timeout=rx_timeout(u))
            u = _OCR_NAM_WORD.sub(lambda m: "năm" if m.group(0).islower() else "NĂM", u, timeout=rx_timeout(u))
            u = _OCR_AM.sub("năm", u, timeout=rx_timeout(u))
            if u != t:
                ln = Line(u, ln.loc)
        out.append(ln)
    return out


_TAIL_CONNECTOR = regex.compile(r"(?:CỦA|VÀ|VỚI|CHO|ĐỐI\s{1,3}VỚI|TẠI|THUỘC|TRONG)\s{1,3}$")


# a council's session run onto the end of a capitals paragraph ("… HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA XII KỲ HỌP THỨ 7")
_SESSION_TAIL = regex.compile(r"(?<=\S)\s{1,3}(?P<s>(?:KHÓA|KHOÁ)\s{1,3}[IVXLC0-9]{1,6}\s{0,3}[,\-–]?\s{0,3}"
                              r"KỲ\s{1,3}HỌP(?:\s{1,3}[\p{Lu}0-9]{1,12}){0,3})\s{0,3}$")


def _split_session_tails(top: list[Line]) -> list[Line]:
    """A capitals paragraph ending on a council's session, right before the preamble: the session cut off as a
    line of its own, as the printed layout has it."""
    out: list[Line] = []
    for j, ln in enumerate(top):
        t = ln.text
        nxt = top[j + 1].text if j + 1 < len(top) else ""
        m = _SESSION_TAIL.search(t, timeout=rx_timeout(t)) if 20 <= len(t) <= 600 and _is_title_caps(t) else None
        if m is None or m.start() < 10 or not _PREAMBLE.match(nxt, timeout=RX_TIMEOUT):
            out.append(ln)
            continue
        head = t[:m.start()].rstrip()
        out.append(Line(head, ln.loc.span(0, len(head)) if ln.loc.start is not None else ln.loc))
        out.append(Line(t[m.start("s"):], ln.loc.span(m.start("s"), len(t)) if ln.loc.start is not None else ln.loc))
    return out


def _split_authority_tails(top: list[Line]) -> list[Line]:
    """A web copy's title paragraph with the enacting authority run onto its end ("VỀ KẾT QUẢ GIÁM SÁT … HỘI
    ĐỒNG NHÂN DÂN TỈNH X" ⏎ "KHÓA …, KỲ HỌP …", "QUYẾT ĐỊNH BAN HÀNH … BỘ TRƯỞNG BỘ Y TẾ" ⏎ "Căn cứ …"): the
    authority cut off as a line of its own, so it ends the subject and names the issuer. Only a capitals line
    right before the session line or the preamble; a body named after "của", "và", "cho" … is the subject's."""
    top = _split_session_tails(top)
    out: list[Line] = []
    for j, ln in enumerate(top):
        t = ln.text
        nxt = top[j + 1].text if j + 1 < len(top) else ""
        if not (20 <= len(t) <= 600 and _is_title_caps(t) and (_SESSION.match(nxt, timeout=RX_TIMEOUT)
                                                                or _PREAMBLE.match(nxt, timeout=RX_TIMEOUT))):
            out.append(ln)
            continue
        cands = [a for a in _AUTHORITY_TAIL.finditer(t, timeout=rx_timeout(t))
                 if not _TAIL_CONNECTOR.search(t, 0, a.start(), timeout=rx_timeout(t))]
        k = len(cands) - 1
        while k > 0 and not t[cands[k - 1].end():cands[k].start()].strip():
            k -= 1  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X": the head's title goes with the body
        cut = cands[k].start() if cands else None
        if cut is None or len(t) - cut > 90 or len(t[:cut].split()) < 2:
            out.append(ln)
            continue
        head, tail = t[:cut].rstrip(), t[cut:]
        out.append(Line(head, ln.loc.span(0, len(head)) if ln.loc.start is not None else ln.loc))
        out.append(Line(tail, ln.loc.span(cut, len(t)) if ln.loc.start is not None else ln.loc))
    return out


def _issuer_by_authority(top: list[Line], type_i: int, h: DocumentHeader, lines: list[Line]) -> None:
    """No issuer block (a text copied without its header): the enacting authority line under the title names
    the issuer — the body itself, not its head's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" → the committee);
    the Prime Minister issues in his own name."""
    for j in range(type_i + 1, min(len(top), type_i + 9)):
        if _PREAMBLE.match(top[j].text, timeout=RX_TIMEOUT):
            return
        if not _authority_at(top, j) or _DANGLING.search(top[j - 1].text, timeout=RX_TIMEOUT):
            continue
        t = squash_spaces(top[j].text.strip())
        if not regex.match(r"^THỦ\s+TƯỚNG", t, timeout=RX_TIMEOUT):
            t = _TITLE_BEFORE_BODY.sub("", t, count=1, timeout=RX_TIMEOUT)
        if _TITLE_WORDS.match(t, timeout=RX_TIMEOUT) and not regex.match(r"^THỦ\s+TƯỚNG", t, timeout=RX_TIMEOUT):
            return  # a bare title ("GIÁM ĐỐC"): no body named
        h.issuer = _known_spelling(_place_case(_expand(_org_case(t, lines)), h.place))
        h.locs["issuer"] = top[j].loc
        return


def _past_header_matter(top: list[Line], j: int) -> int:
    """The first line from ``j`` that is not the other column of the header: a
    layout that reads the left column first puts the motto, its rule and the
    place-date line between the type line and the subject."""
    while j < len(top):
        t = top[j].text
        words = regex.findall(r"\p{L}+", fold(t), timeout=RX_TIMEOUT)
        if _DECOR.match(t, timeout=rx_timeout(t)) or (words and set(words) <= _MOTTO_WORDS
                                                   and (t.isupper() or _MOTTO_PIECE.search(t, timeout=rx_timeout(t))))\
                or (_PLACE_DATE.match(t, timeout=rx_timeout(t)) and len(t) < 80):
            j += 1
            continue
        return j
    return j


def _unbracket(text: str) -> str:
    """ "(V/v Tăng cường giám sát trong phòng thi)" → the subject inside the brackets."""
    m = regex.match(r"^\(\s*(?P<in>[^()]{3,}?)\s*\)\s*\.?$", text, timeout=RX_TIMEOUT)
    if m and _SUBJECT_VV.match(m.group("in"), timeout=RX_TIMEOUT):
        return m.group("in")
    return text


_SUBJECT_GOES_ON = regex.compile(r"^[“\"(]?\p{Ll}|^[“\"]\p{Lu}")


def _subject_after_other_column(top: list[Line], j: int) -> list[str]:
    """A header band read column by column: the motto and the place-date of the right column (from ``top[j]``,
    up to five lines with rules) stand between a subject's lines; the lines after them that plainly go on with it
    (opening in lower case or with a quote) are its rest."""
    k = j
    while k < min(len(top), j + 5) and (_MOTTO.search(top[k].text, timeout=RX_TIMEOUT)
                                        or _MOTTO_PIECE.search(top[k].text, timeout=RX_TIMEOUT)
                                        or _DECOR.match(top[k].text, timeout=RX_TIMEOUT) or _has_place_date(top[k].text)):
        k += 1
    if k == j or not any(_has_place_date(top[x].text) for x in range(j, k)):
        return []
    out: list[str] = []
    while k < len(top) and len(out) < 3 and len(top[k].text) <= 120 \
            and _SUBJECT_GOES_ON.match(top[k].text, timeout=RX_TIMEOUT) and not _KINH_GUI.match(top[k].text, timeout=RX_TIMEOUT):
        out.append(top[k].text)
        k += 1
    return out


def _subject_from(top: list[Line], i: int, first: str | None = None) -> str | None:
    if first is None and _CAPTION_OF.match(top[i].text, timeout=RX_TIMEOUT):
        # a legal database's caption: "CỦA … SỐ …" / "NGÀY …" / "VỀ VIỆC …" — the subject is the "về" line
        for j in range(i + 1, min(i + 3, len(top))):
            if regex.match(r"^(?:VỀ|Về|V/v)\s", top[j].text, timeout=RX_TIMEOUT):
                return _subject_from(top, j)
    parts: list[str] = []
    bracketed = _unbracket(top[i].text) != top[i].text  # "(V/v …)": the closing bracket ends the subject
    for j in range(i, min(i + 8, len(top))):
        if j == i:
            text = first if first is not None else _unbracket(top[i].text)
        else:
            text = top[j].text
        if j >= i + 4 and len(text) > 45:
            break  # past four lines, only a narrow column's short lines go on with the subject
        if j > i or first is None:
            if _DECOR.match(text, timeout=RX_TIMEOUT) or (j > i and ((_BODY_START.match(text, timeout=RX_TIMEOUT)
                                                                      and not text[:1].islower())  # "theo …" goes on
                                                  or _KINH_GUI.match(text, timeout=RX_TIMEOUT) or _SUBJECT_VV.match(text, timeout=RX_TIMEOUT))):
                break
            if j > i and (_has_place_date(text) or _NUMBER_LINE.match(text, timeout=rx_timeout(text))
                          or _MOTTO.search(text, timeout=rx_timeout(text))):
                if parts and not parts[-1].endswith((".", ":", ";")):
                    parts.extend(_subject_after_other_column(top, j))
                break
            if j == i and (_KINH_GUI.match(text, timeout=RX_TIMEOUT) or text.startswith("(")
                           or regex.match(r"^(?:Căn\s+cứ|CĂN\s+CỨ|Hôm\s+nay)\s", text, timeout=RX_TIMEOUT)):
                break  # no subject line: the body starts ("Căn cứ …")
            if j > i and regex.match(r"^\p{Lu}\p{Ll}{0,6}(?:\s\p{Ll}{1,7}){1,3}\s{0,2}:\s{0,2}\S", text, timeout=RX_TIMEOUT):
                break  # a form's first field ("Họ và tên: …", "Đơn vị: …")
            if j > i and _DIEN.match(text, timeout=RX_TIMEOUT):
                break  # "THỦ TƯỚNG CHÍNH PHỦ điện:", the addressees of a Công điện
            if j > i and (regex.match(r"^(?:Ngày|Hôm\s+nay|Vào\s+ngày)\s+[0-9]", text, timeout=RX_TIMEOUT)
                          or _AGENCY_ACTS.match(text, timeout=rx_timeout(text))):
                break  # the body's first sentence: "Ngày 01/4/2025, …", "Ủy ban nhân dân xã thông báo …"
        if j > i and parts and parts[-1].endswith((".", ":", ";")):
            break
        if j > i and bracketed:
            break
        if j > i and _authority_at(top, j) and not _DANGLING.search(parts[-1], timeout=RX_TIMEOUT):
            break  # the enacting authority ("HỘI ĐỒNG NHÂN DÂN TỈNH …" ⏎ "KHÓA …, KỲ HỌP …" ⏎ "Căn cứ …")
        if j > i and _is_title_caps(text) and (not _is_title_caps(parts[-1]) or _TITLE_WORDS.match(text, timeout=RX_TIMEOUT)) \
                and not (len(text.split()) == 1 and len(text) <= 9 and not parts[-1].endswith((".", ",", ":", ";"))
                         and not _TITLE_WORDS.match(text, timeout=RX_TIMEOUT)):
            break  # (an abbreviation alone on the last line of a wrapped subject goes on with it: "… lĩnh vực" ⏎ "TMĐT.")  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", the authority line of a Quyết định, or caps after a mixed-case subject
        if j > i and len(text) > 120 and not (
                len(text) <= 220 and parts and not parts[-1].endswith((".", ":", ";", ","))
                and not text.endswith((".", ":", ";")) and not regex.search(r"[.;:]\s", text, timeout=RX_TIMEOUT)):
            break  # a long line is body text, unless it plainly continues an unfinished subject line
        parts.append(text)
    joined = " ".join(parts)
    cm = regex.match(r"^(?:Của|CỦA)\s.{3,160}?(?:SỐ|Số)\s{0,2}[0-9]{1,5}.{0,80}?\s(?P<s>(?:VỀ|Về|về)\s.+)$", joined,
                     timeout=RX_TIMEOUT)
    if cm:  # a legal database's caption "CỦA <issuer> SỐ … NGÀY … VỀ …": the subject is its "về" part
        joined = cm.group("s")
    subject = _case(joined, expand=False).strip(" .")
    return subject or None


# the other column's title read onto an item's line after its punctuation, as a scan gives it, marks and all or
# none ("- Như trên; — PHO TONG CUC TRUONG", "- Như trên: . PHÓ CHỦ TỊCH")
_TRAILING_TITLE = regex.compile(r"(?<=[.;:,])[\s.—–-]{1,6}(?P<t>\p{Lu}[\p{Lu}.]*(?:\s{1,2}\p{Lu}[\p{Lu}.]*){1,7})$")
_FOLDED_TITLE = regex.compile(r"(?<![a-z])(?:truong|chu tich|giam doc|bi thu|chu nhiem|thu tuong)(?![a-z])")


def _strip_item(text: str) -> str:
    tt = _TRAILING_TITLE.search(text, timeout=rx_timeout(text)) if text[-1:].isupper() else None
    if tt and _FOLDED_TITLE.search(fold(tt.group("t")), timeout=RX_TIMEOUT):
        text = text[:tt.start()].rstrip(":")  # ("Như trên: ." : the item's stop as the scan gave it)
    t = regex.sub(r"^(?:[-+•]|~(?=\s))\s*", "", text.strip(), timeout=RX_TIMEOUT)
    t = regex.sub(r";\s*\(", " (", t, timeout=RX_TIMEOUT)
    return t.rstrip(" ;.,").strip()


def _read_list(lines: list[Line], start: int, limit: int = 30) -> tuple[list[str], int]:
    items: list[str] = []
    j = start
    prev_raw = ""
    while j < len(lines) and j < start + limit:
        text = lines[j].text
        if not regex.match(r"^(?:[-+•]|~\s)", text, timeout=RX_TIMEOUT):  # "~ ": an item's dash as an OCR reads it
            if items and _is_noise_line(text) and _list_resumes(lines, j + 1):
                j += 1  # OCR debris of a seal or a signature between two items
                continue
            if _signature_column(text) and j + 1 < len(lines) and regex.match(r"^[-+•]", lines[j + 1].text,
                                                                                timeout=RX_TIMEOUT):
                j += 1  # "Nơi nhận:⇥KT. CHỦ TỊCH" ⏎ "- Như trên;⇥PHÓ CHỦ TỊCH": the other column, read in between
                continue
            if items and _continues_item(items[-1], prev_raw, text):
                # the wrapped item keeps the punctuation that ended its first line
                # ("- Các bộ, cơ quan ngang bộ," / "cơ quan thuộc Chính phủ;")
                end = prev_raw.rstrip()[-1:]
                sep = f"{end} " if end in (";", ",") else " "
                items[-1] = items[-1] + sep + _strip_item(_drop_trailing_noise(text))
                prev_raw = text
                j += 1
                continue
            break
        raw = _drop_trailing_noise(text)
        for part in _cut(raw, [c.start() for c in _CUT_ITEM.finditer(raw, timeout=rx_timeout(raw))]):
            item = _strip_item(part)  # "- Sở A; - Sở B": items run onto one line, one each
            if item:
                items.append(item)
        prev_raw = raw
        j += 1
    return items, j


_NOISE_TOKEN = regex.compile(r"^(?=\S*[0-9])(?=\S*\p{L})\S{2,6}$|^\S*[^\p{L}0-9\s().,;:/&-]\S*$")


def _is_noise_line(text: str) -> bool:
    """A short scrap an OCR read off a seal, a signature or a stain ("CĂN",
    "ơn", "t3"): at most one token of at most 4 characters, or one token
    mixing letters and digits or holding symbols."""
    toks = text.split()
    if len(toks) != 1 or toks[0].endswith((";", ",", ".", ")")):
        return False
    return len(toks[0]) <= 4 or bool(_NOISE_TOKEN.match(toks[0], timeout=RX_TIMEOUT))


def _signature_column(text: str) -> bool:
    """A line of the signature block: an authority ("KT. CHỦ TỊCH") or a title in capitals ("PHÓ CHỦ TỊCH")."""
    return len(text) <= 60 and (bool(_AUTHORITY.match(text, timeout=RX_TIMEOUT)) and _is_title_caps(text)
                                or _is_title_caps(text) and bool(_TITLE_WORDS.match(text, timeout=RX_TIMEOUT)))


def _list_resumes(lines: list[Line], j: int) -> bool:
    """A dashed item follows within the next two lines (after more scraps)."""
    for k in range(j, min(j + 3, len(lines))):
        t = lines[k].text
        if regex.match(r"^[-+•]", t, timeout=RX_TIMEOUT):
            return True
        if not _is_noise_line(t):
            return False
    return False


def _drop_trailing_noise(text: str) -> str:
    """ "- Các Khoa (để thực hiện); Ác2Z" → the item without the scrap after its ';'."""
    head, sep, tail = text.rpartition(";")
    if sep and tail.strip() and _is_noise_line(tail.strip()) and not tail.strip()[:1].islower() \
            and _NOISE_TOKEN.match(tail.strip(), timeout=RX_TIMEOUT):
        return head + ";"
    return text


def _continues_item(item: str, prev_raw: str, text: str) -> bool:
    """A line without a dash right after a list item is the rest of that item
    when the item was cut mid-phrase ("- Văn phòng UBND các tỉnh, thành phố trực
    thuộc" / "Trung ương (để phối hợp);") or the line is itself one more
    ';'-ended part of it; never a heading, a signature line or body text."""
    if len(text) > 120 or _is_title_caps(text) or _AUTHORITY.match(text, timeout=RX_TIMEOUT) or _NOI_NHAN.match(text, timeout=RX_TIMEOUT) \
            or _KINH_GUI.match(text, timeout=RX_TIMEOUT) or _BODY_START.match(text, timeout=RX_TIMEOUT) or _NAME.match(text, timeout=RX_TIMEOUT):
        return False
    prev = prev_raw.rstrip()
    if prev.endswith("."):
        return False
    return not prev.endswith((";", ",", ":")) or text.rstrip().endswith(";")


# "Kính gửi:" as an OCR misreads its first word ("Site gửi:", "Kinb gửi:"): a word Vietnamese does not write
_KINH_GUI_OCR = regex.compile(r"^(?P<w>\p{L}{2,6})\s{1,2}(?:gửi|GỬI)\s{0,2}:\s*(?P<rest>.*)$")


def _read_recipients(lines: list[Line], h: DocumentHeader) -> None:
    for i, ln in enumerate(lines[:TOP_LINES + 20]):
        m = _KINH_GUI.match(ln.text, timeout=rx_timeout(ln.text)) or _DIEN.match(ln.text, timeout=rx_timeout(ln.text))
        if not m and i < TOP_LINES:
            m = _KINH_GUI_OCR.match(ln.text, timeout=rx_timeout(ln.text))
            if m and is_valid_syllable(m.group("w")):
                m = None  # "Người gửi:", "Nơi gửi:": a form's field
        if not m:
            continue
        rest = m.group("rest").strip()
        runs_on = _BODY_AFTER_ADDRESSEE.search(rest, timeout=rx_timeout(rest)) if len(rest) > 80 else None
        if runs_on:  # "Kính gửi: Ủy ban nhân dân các tỉnh Thực hiện …": a web copy's addressee and preamble on one line
            rest = rest[:runs_on.start()].strip()
        inline = [x for x in (_strip_item(p) for p in _cut(rest, [c.start() for c in _CUT_ITEM.finditer(
            rest, timeout=rx_timeout(rest))])) if x] if rest else []  # "Kính gửi: - Sở A; - Sở B": a list run onto a line
        if rest and not rest.startswith("-"):
            h.recipients = inline if len(inline) > 1 else [_strip_item(rest)]
        else:
            items, _ = _read_list(lines, i + 1)
            if not rest and not items:
                # a PDF's header band read column by column: "Kính gửi:" closes the left column, the motto and the
                # place-date line of the right one come next, then the list
                j = i + 1
                while j < min(len(lines), i + 6) and (_MOTTO.search(lines[j].text, timeout=RX_TIMEOUT)
                                                      or _PLACE_DATE.match(lines[j].text, timeout=RX_TIMEOUT)
                                                      or not any(ch.isalnum() for ch in lines[j].text)):
                    j += 1
                if j > i + 1:
                    items, _ = _read_list(lines, j)
            h.recipients = inline + items
        # "- Sở A các tỉnh; Sở B tỉnh X;": two addressees on one item, apart at the semicolon
        h.recipients = [x for r in h.recipients for x in (_strip_item(p) for p in _RECIPIENT_SEMI.split(r, timeout=RX_TIMEOUT)) if x]
        h.locs["recipients"] = ln.loc
        return


# the first words of a letter's body after its addressee, run onto one line by a web copy
_BODY_AFTER_ADDRESSEE = regex.compile(
    r"(?<=\p{L}[.;]?)\s(?:Thực\s+hiện|Căn\s+cứ|Xét|Triển\s+khai|Trên\s+cơ\s+sở|Nhằm|Để|Hôm\s+nay|Ngày\s+[0-9]{1,2}|"
    r"Trong\s+(?:thời\s+gian|năm|tháng|quý|những)|(?:Thời\s+gian|Vừa)\s+qua|Qua\s+(?:theo\s+dõi|kiểm\s+tra|báo\s+cáo)|"
    r"Theo\s+(?:đề\s+nghị|báo\s+cáo|quy\s+định|chỉ\s+đạo|ý\s+kiến)|Tiếp\s+theo|Sau\s+khi)\s")
_RECIPIENT_SEMI = regex.compile(r"\s{0,2};\s{1,3}(?=\p{Lu})")


def _read_distribution(lines: list[Line], h: DocumentHeader) -> int | None:
    for i, ln in enumerate(lines):
        m = _NOI_NHAN.match(ln.text, timeout=rx_timeout(ln.text))
        if not m:
            continue
        items, _ = _read_list(lines, i + 1)
        rest = m.group("rest").strip()
        if rest:
            items.insert(0, _strip_item(rest))
        if items and _is_title_caps(items[0]) and _TITLE_WORDS.match(items[0], timeout=RX_TIMEOUT):
            items.pop(0)  # "Nơi nhận: - BỘ TRƯỞNG, CHỦ NHIỆM": the other column's title read as the first item
        h.distribution = items
        h.locs["distribution"] = ln.loc
        return i
    return None


def _read_signer(lines: list[Line], nn_i: int | None, h: DocumentHeader) -> None:
    if nn_i is not None:
        lo, hi = max(0, nn_i - 12), min(len(lines), nn_i + 40)
    else:
        lo, hi = max(0, len(lines) - 60), len(lines)
    zone = _signature_zone(lines[lo:hi])
    if _signer_in(zone, 0, len(zone), h):
        return
    if nn_i is None and lo > 0:
        # no "Nơi nhận" and a long tail after the signature (a web page's links, an annex): the last
        # authority line of the text with a name under it
        for i in range(lo - 1, -1, -1):
            m = _AUTHORITY.match(lines[i].text, timeout=rx_timeout(lines[i].text))
            if m and _is_title_caps(m.group("rest")):
                zone = _signature_zone(lines[i:min(len(lines), i + 14)])
                if _signer_in(zone, 0, len(zone), h):
                    return
                break
    zone = _signature_zone(lines[lo:hi])
    _signer_by_name(zone, 0, len(zone), h)
    if h.signer is None and nn_i is not None:
        _signer_among_items(lines, nn_i, h)
    if h.signer is None:
        # an e-signature's appearance text standing apart from the signature block ("Người ký: Nguyễn Văn A")
        for ln in lines:
            if ("ký" in ln.text or "KÝ" in ln.text) and _SIGNED_BY.match(ln.text, timeout=rx_timeout(ln.text)):
                name = _name_of(ln.text)
                if name:
                    h.signer = Signer(name=name, title=None, authority=None, loc=ln.loc)
                    h.locs["signer"] = ln.loc
                    return


def _signer_in(lines: list[Line], lo: int, hi: int, h: DocumentHeader) -> bool:
    """The signer from its authority or title line and the name under it; whether one was found."""
    for i in range(lo, hi):
        text = lines[i].text
        if regex.match(r"^[-+•]", text, timeout=RX_TIMEOUT) or _NOI_NHAN.match(text, timeout=rx_timeout(text)):
            continue
        authority = None
        title = None
        m = _AUTHORITY.match(text, timeout=rx_timeout(text))
        if m and (_is_title_caps(m.group("rest")) or _MIXED_TITLE.match(m.group("rest"), timeout=RX_TIMEOUT)):
            authority = m.group("a").replace("/", "")
            n1 = i + 1
            while n1 < min(len(lines), i + 4) and (lines[n1].text.startswith(("-", "+", "•"))
                                                   or _NOI_NHAN.match(lines[n1].text, timeout=RX_TIMEOUT)):
                n1 += 1  # the other column's items, read between the authority and the title
            nxt = lines[n1].text if n1 < len(lines) else ""
            if _is_title_caps(nxt) and len(nxt.split()) <= 6 and not _NAME.match(nxt, timeout=RX_TIMEOUT):
                title, k = nxt, n1 + 1
            elif not _is_title_caps(m.group("rest")) and _MIXED_TITLE.match(nxt, timeout=rx_timeout(nxt)) \
                    and not _NAME.match(nxt, timeout=RX_TIMEOUT):
                title, k = nxt, n1 + 1  # "TL. Hiệu trưởng" / "Phó Hiệu trưởng" typed in mixed case
            else:
                title, k = m.group("rest"), i + 1
        elif _is_title_caps(text) and len(text.split()) <= 6 and _TITLE_WORDS.search(text, timeout=RX_TIMEOUT) \
                and not _MOTTO.search(text, timeout=RX_TIMEOUT):
            title, k = text, i + 1
        elif len(text.split()) <= 5 and _MIXED_TITLE.match(text, timeout=rx_timeout(text)) and not _name_of(text):
            title, k = text, i + 1  # "Giám đốc" typed in mixed case, alone on its line
        else:
            continue
        name = None
        name_loc = None
        for j in range(k, min(k + 12, len(lines))):
            t = lines[j].text
            if _SIGN_NOISE.match(t, timeout=RX_TIMEOUT) or _DECOR.match(t, timeout=RX_TIMEOUT):
                continue
            found = _name_of(t)
            if not found and "ký" in t:
                sm = _SIGNED_AT_END.search(t, timeout=rx_timeout(t))  # "- Như trên; (đã ký) Nguyễn Văn A": the columns run together
                found = _name_of(sm.group("n")) if sm else None
            if found:
                name, name_loc = found, lines[j].loc
                break
            if regex.match(r"^[-+•]", t, timeout=RX_TIMEOUT) or _NOI_NHAN.match(t, timeout=RX_TIMEOUT):
                continue
            if len(t) > 60:
                break
        if name is None:
            continue
        h.signer = Signer(name=name, title=_title_case(title), authority=authority, loc=name_loc)
        h.locs["signer"] = name_loc
        return True
    return False


_BARE = regex.compile(r"^" + _RANK + r"?" + _DEGREE)


def _bare_name(name: str) -> str:
    """ "TS. Nguyễn Đức Hiển" → "Nguyễn Đức Hiển": the person, without the degree."""
    return _BARE.sub("", name, timeout=RX_TIMEOUT).rstrip(" .")


_SIGNED_AT_END = regex.compile(r"\(\s{0,2}(?:đã\s{1,2}ký|Đã\s{1,2}ký|ký)\s{0,2}\)\s{0,3}(?P<n>\p{Lu}[^()\n]{3,50})$")
_NAME_THEN_CAPS = regex.compile(r"^(?P<name>\p{Lu}\p{Ll}{0,8}(?:\s\p{Lu}\p{Ll}{0,8}){2,4})\s(?P<caps>\p{Lu}{2,}(?:\s[\p{Lu}&,.\-]{1,12}){1,12})$")
_GLUED_WORDS = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
_SIGNED_BY = regex.compile(r"^\(?\s{0,2}(?:Đã\s+ký|đã\s+ký|ĐÃ\s+KÝ|Người\s+ký|Ký\s+bởi)\s{0,2}[:.)]\s{0,3}(?P<n>\S.*)$")


def _name_of(text: str) -> str | None:
    """The signer's name a line holds: "Nguyễn Văn Bình", "PGS.TS. Nguyễn Văn
    Bình", "Đã ký: Nguyễn Văn Bình", or a name printed in capitals that starts
    with a family name ("NGUYỄN VĂN BÌNH"); None for any other line."""
    m = _SIGNED_BY.match(text, timeout=rx_timeout(text)) if ("ký" in text or "KÝ" in text) else None
    t = (m.group("n").strip() if m else text).rstrip(" ,'`’~_|-")
    if not t[:1].isupper() or len(t) > 60:
        return None
    nc = _NAME_THEN_CAPS.match(t, timeout=rx_timeout(t))
    if nc and fold(nc.group("name").split()[0]) in _SURNAMES and nc.group("name").split()[0].lower() in _SURNAMES_MARKED:
        t = nc.group("name")  # "Ngô Thị Minh BỘ GIÁO DỤC …": the next page's header read onto the name's line
    spaced = _GLUED_WORDS.sub(" ", t, timeout=RX_TIMEOUT)
    if spaced != t and fold(spaced.split()[0]) in _SURNAMES:
        t = spaced  # "NguyễnXuân Bình": a space an OCR lost between the names
    if not _is_title_caps(t):
        return _bare_name(t) if _NAME.match(t, timeout=rx_timeout(t)) else None
    bare = _bare_name(t)
    words = bare.split()
    first = words[0].lower() if words else ""
    if _is_title_caps(bare) and 3 <= len(words) <= 5 and fold(words[0]) in _SURNAMES and fold(bare) != "ho chi minh" \
            and (first in _SURNAMES_MARKED or first == fold(first)) \
            and all(w.isalpha() and len(w) <= 7 for w in words) and not _TITLE_WORDS.search(bare, timeout=rx_timeout(bare)):
        return " ".join(w[:1] + w[1:].lower() for w in words)
    return None


def _signer_by_name(lines: list[Line], lo: int, hi: int, h: DocumentHeader) -> None:
    """No title line was recognised (an OCR misreading "PHỤ TRÁCH KHOA", an
    unusual title): the last person's name in the signature zone that stands
    within a few lines under a capitalised line (the title, however read)."""
    for j in range(hi - 1, lo - 1, -1):
        t = lines[j].text
        if not _name_of(t) or t.startswith(("-", "+", "•")):
            continue
        above = [x.text for x in lines[max(lo, j - 6):j]]
        caps = [a for a in above if _is_title_caps(a) and 1 <= len(a.split()) <= 8 and not _MOTTO_PIECE.search(a, timeout=RX_TIMEOUT)
                and not _NOI_NHAN.match(a, timeout=RX_TIMEOUT) and len(regex.sub(r"[^\p{L}]", "", a, timeout=RX_TIMEOUT)) >= 4
                and not regex.match(r"^(?:[IVXL]{1,5}|[0-9]{1,2})[.)]\s", a, timeout=RX_TIMEOUT)]  # no section heading
        if not caps:
            continue
        title = regex.sub(r"^[-+~•]\s*", "", caps[-1], timeout=RX_TIMEOUT)  # "- BỘ TRƯỞNG": a dash an OCR read before it
        h.signer = Signer(name=_name_of(t), title=_title_case(title), authority=None, loc=lines[j].loc)
        h.locs["signer"] = lines[j].loc
        return


def _signer_among_items(lines: list[Line], nn_i: int, h: DocumentHeader) -> None:
    """A scan whose title lines the stamp hid, its signer's name read in among the
    "Nơi nhận" items (two columns interleaved by the OCR): the one line of the zone,
    not an item, that is a person's full name (a family name and two to four more
    words) — none when there are several."""
    found: list[Line] = []
    for ln in lines[max(0, nn_i - 6):min(len(lines), nn_i + 30)]:
        t = ln.text.strip()
        if t.startswith(("-", "+", "•", "~")) or len(t) > 40:
            continue
        t = _initial_restored(t)
        name = _name_of(t)
        if name and 3 <= len(name.split()) <= 5 and fold(name.split()[0]) in _SURNAMES:
            found.append(Line(t, ln.loc))
    if len(found) == 1:
        h.signer = Signer(name=_name_of(found[0].text), title=None, authority=None, loc=found[0].loc)
        h.locs["signer"] = found[0].loc


_CUT_INITIAL = regex.compile(r"^(?P<w>\p{Ll}{1,6})(?P<rest>(?:\s\p{Lu}\p{Ll}{0,7}){2,4})$")


def _initial_restored(text: str) -> str:
    """A name whose family name lost its first letter under a seal's rim or the scan's edge ("rần Văn Lộc",
    "guyen Thanh Hải", "ê Thị Hoa"): the one family name that ends so, written with its marks ("Trần",
    "Nguyễn"); the text unchanged when none or several fit."""
    m = _CUT_INITIAL.match(text, timeout=rx_timeout(text)) if text[:1].islower() else None
    if not m:
        return text
    w = m.group("w")
    fits = {s for s in _SURNAMES_MARKED if s[1:] == w} or {s for s in _SURNAMES_MARKED if fold(s)[1:] == fold(w) and w == fold(w)}
    if len(fits) != 1:
        return text
    return _cap(fits.pop()) + m.group("rest")


def _read_attachments(lines: list[Line], h: DocumentHeader) -> None:
    for i, ln in enumerate(lines):
        m = _ATTACH.match(ln.text, timeout=rx_timeout(ln.text))
        if not m:
            continue
        rest = m.group("rest").strip()
        if not rest and i + 1 < len(lines):
            rest = lines[i + 1].text
        rest = _case(rest).strip(" .:")
        if rest and rest not in h.attachments and len(rest) < 200:
            h.attachments.append(rest)


# the body a text is signed for: "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ" (its name may wrap onto a second line)
_SIGNED_FOR = regex.compile(r"^(?:TM|T/M|T\.M)\s{0,2}\.?\s{0,3}(?P<b>\p{Lu}[\p{Lu}\s]{2,60})$")
_SIGNED_FOR_ABBR = {"uy ban nhan dan": "(?:uy ban nhan dan|ubnd)", "hoi dong nhan dan": "(?:hoi dong nhan dan|hdnd)"}
# what makes the bare body a named one: "(UBND) tỉnh Hòa Bình", "Huyện ủy Đoan Hùng"
_NAMED_AFTER = (r"(?:\s{0,2}\([^()]{1,12}\))?\s{1,3}(?:(?:tinh|huyen|thanh|dang)\s+uy"
                r"|tinh|huyen|thanh\s+pho|quan|thi\s+xa|thi\s+tran|xa|phuong)\s{1,3}")
_SIGNED_BODY_ACTS = regex.compile(r"\s{1,3}(?:(?:đã|sẽ|trân\s+trọng|xin)\s{1,3})?(?:yêu\s+cầu|đề\s+nghị|giao|chỉ\s+đạo|"
                                   r"thông\s+báo|hướng\s+dẫn|ban\s+hành|triển\s+khai|xây\s+dựng|quyết\s+định)(?![\p{L}])")
_PLACE_WORDS = regex.compile(r"\p{Lu}\p{Ll}{0,7}(?:(?:\s{1,2}|\s?[-–]\s?)\p{Lu}\p{Ll}{0,7}){0,4}")


def _issuer_signed_for(lines: list[Line], h: DocumentHeader) -> None:
    """No header block (a letter copied without it): the body the text is signed for ("TM. ỦY BAN NHÂN DÂN") is
    the issuer, named as the text itself names it in full ("Ủy ban nhân dân (UBND) thành phố X yêu cầu …");
    nothing when the text never names that body with its place."""
    body = None
    for k in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        m = _SIGNED_FOR.match(lines[k].text.strip(), timeout=RX_TIMEOUT)
        if not m:
            continue
        body = m.group("b").strip()
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if nxt and nxt.isupper() and len(nxt) <= 40 and not _AUTHORITY.match(nxt, timeout=RX_TIMEOUT) \
                and not _TITLE_WORDS.search(nxt, timeout=RX_TIMEOUT) and not _MIXED_TITLE.search(nxt, timeout=RX_TIMEOUT):
            body += " " + nxt  # "TM. ỦY BAN" ⏎ "NHÂN DÂN"
        stop = k
        break
    if body is None:
        return
    key = fold(body)
    if len(key.split()) < 2:
        return
    pat = regex.compile(r"(?<![\p{L}])" + _SIGNED_FOR_ABBR.get(key, r"\s+".join(regex.escape(w) for w in key.split()))
                        + _NAMED_AFTER, regex.IGNORECASE)
    for ln in lines[:stop]:
        t = ln.text
        if len(t) > 3000:
            continue
        bare = strip_diacritics(t)
        for m in pat.finditer(bare, timeout=RX_TIMEOUT):  # (built here: no short-text gate)
            pm = _PLACE_WORDS.match(t, m.end(), timeout=RX_TIMEOUT)
            if not pm or not _SIGNED_BODY_ACTS.match(t, pm.end(), timeout=RX_TIMEOUT) \
                    or regex.search(r"(?<![\p{L}])(?:của|Của|với|và)\s{1,3}$", t[max(0, m.start() - 8):m.start()],
                                    timeout=RX_TIMEOUT):
                continue  # the subject of the text's own act, not a body named in passing ("… của UBND tỉnh X")
            name = regex.sub(r"\s{0,2}\([^()]{1,12}\)", "", t[m.start():pm.end()], timeout=RX_TIMEOUT)
            h.issuer = normalize_issuer(squash_spaces(name))
            h.locs.setdefault("issuer", ln.loc)
            return


def _fallbacks(lines: list[Line], h: DocumentHeader, type_i: int | None) -> str | None:
    """No header block: the annex caption, then a sentence naming the issuer. Returns the year the caption's
    number carries ("Kèm theo Nghị quyết số 12/2031/NQ-HĐND"), when its symbol became the document's."""
    year = None
    if h.symbol is None or h.issuer is None or (h.date is None and h.date_partial is None):
        for ln in lines:
            m = _CAPTION.search(ln.text, timeout=rx_timeout(ln.text))
            if not m or (m.group("year") and ln.text[:m.start()].strip(" (")):
                continue  # a number with its year only from a caption standing on its own line, never a sentence
            ctype = normalize_type(m.group("type"))
            if h.type is not None and doc_type_by_name(h.type) is not None and fold(ctype) != fold(h.type):
                continue
            ctx = " ".join(x.text for x in lines[lines.index(ln):lines.index(ln) + 3])
            cm = _CAPTION.search(ctx, timeout=rx_timeout(ctx))
            if h.symbol is None:
                h.symbol = _clean_symbol(cm.group("sym"))
                h.number = h.number or cm.group("num")
                year = cm.group("year")
                h.locs.setdefault("number", ln.loc)
            if h.date is None and h.date_partial is None:
                ds = find_dates(ctx[cm.end():cm.end() + 60])
                if ds:
                    h.date, h.date_partial = ds[0].iso, (None if ds[0].iso else ds[0].partial)
            if h.issuer is None:
                im = regex.search(r"(?:của|Của)\s{1,3}(?P<iss>[^()]{3,100}?)\s*(?:\)|$)", ctx[cm.end():], timeout=RX_TIMEOUT)
                if im:
                    h.issuer = normalize_issuer(im.group("iss"))
                    h.locs.setdefault("issuer", ln.loc)
            if h.type is None or doc_type_by_name(h.type) is None:
                h.type = h.type or ctype
            break
    if h.issuer is None:
        text = " ".join(x.text for x in lines[:TOP_LINES + 20])
        for m in _OWN_ACTION.finditer(text, timeout=rx_timeout(text)):
            iss = m.group("iss")
            clause = regex.split(r"[,;.:]", text[max(0, m.start() - 80):m.start()] + iss, timeout=RX_TIMEOUT)[-1]
            if regex.search(r"(?<![\p{L}])(?:của|Của|giữa|Giữa)(?![\p{L}])", clause, timeout=RX_TIMEOUT):
                continue  # "… của UBND tỉnh ban hành Kế hoạch …": a cited document's issuer
            # the issuer phrase starts at the last capitalised word sequence after punctuation
            iss = regex.split(r"[,;:.]\s*", iss, timeout=RX_TIMEOUT)[-1].strip()
            words = iss.split()
            while words and not words[0][:1].isupper():
                words.pop(0)
            if len(words) >= 2 and fold(words[0]) not in ("ke", "quyet", "thuc", "trien", "can") \
                    and _BODY_HEAD.match(fold(" ".join(words)), timeout=RX_TIMEOUT):
                h.issuer = normalize_issuer(" ".join(words))  # a body ("Sở Y tế xây dựng kế hoạch …"), not a phrase
                break
    if h.issuer is None:
        for ln in lines[:TOP_LINES + 20]:
            m = _AGENCY_ACTS.match(ln.text, timeout=rx_timeout(ln.text))
            if m:
                h.issuer = normalize_issuer(squash_spaces(m.group("iss")))
                h.locs.setdefault("issuer", ln.loc)
                break
    if h.type is None and h.symbol is None and h.recipients and type_i is None:
        h.type = "Công văn"  # a letter to named addressees without a type line
    if h.type is None and h.symbol:
        code = regex.split(r"[\-/]", h.symbol, timeout=RX_TIMEOUT)[0]
        dt = doc_type_by_code(code, party=_is_party_symbol(h.symbol))
        h.type = dt.name if dt else ("Công văn" if "-" in h.symbol else None)
        if dt:
            h.type_code = dt.code
    if h.type and h.type not in doc_type_names() and h.type_code is None:
        h.type_code = None
    return year
