"""Deadlines: the dates a task is due, as Vietnamese plans write them.

Built on ``extractors.dates.find_dates`` (the date grammar); this module adds
the deadline phrasing (FORMATS.md §4.2) that turns a date into a due date:

* "trước ngày 10/11/2023", "chậm nhất ngày …", "chậm nhất vào ngày …",
  "trước 17 giờ ngày …", "hạn chót …", "hoàn thành trước ngày …",
  "đến hết ngày …" → kind "date";
* "trong tháng 10/2023" → last day of the month, kind "month"; "trước tháng 10/2023" → the last
  day of the month before (30 September);
* "trong quý III/2018", "quý IV năm 2022" → last day of the quarter, kind "quarter";
* "trong năm 2024", "hoàn thành năm 2024" → 31 December, kind "year";
* "6 tháng đầu năm 2022" → 30 June, "6 tháng cuối năm" → 31 December (kind "half");
* a missing year is taken from the document's date and flagged ``inferred_year``
  (the next year when the day would fall before the document's own date).

A date with no deadline phrase before it (a cited document's date, a
commemoration "19/5/1890-19/5/2020", a meeting) is not a deadline — except in
a table column that holds times (``in_time_column=True``), where a range
"12/02/2014-19/02/2014" is due at its end.

``find_deadlines(text, ref_date=None, *, in_time_column=False) -> list[DeadlineSpan]``
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

from core import regex_cached as regex

from extractors.dates import DateSpan, find_dates
from extractors.recurrence import find_recurrences
from extractors.sentences import ITEM_LABEL_PREFIX
from core.model import Deadline
from core.textutil import RX_TIMEOUT, fold, rx_timeout

# phrase that makes the date right after it a due date (ends where the date starts)
_TRIGGER = regex.compile(
    r"(?:(?:hoàn[ ]thành|xong|gửi|nộp|báo[ ]cáo)[ ]+)?"
    r"(?:trước|chậm[ ]nhất(?:[ ]là)?|muộn[ ]nhất(?:[ ]là)?|hạn[ ]chót(?:[ ]là)?|hạn[ ]cuối(?:[ ]là)?|không[ ]quá|không[ ]chậm[ ]hơn"
    r"|không[ ]muộn[ ]hơn"
    r"|thời[ ]hạn(?:[ ]hoàn[ ]thành)?|đến[ ]hết|hết[ ]hạn|trong(?:[ ]ngày)?|hoàn[ ]thành(?:[ ]trong)?|đến)"
    r"(?:[ ]+(?:vào|là|trước|đến|tới))?(?:[ ]+thời[ ]điểm)?(?:[ ]+\d{1,2}[ ]?(?:giờ|h|:(?=\d{2}))(?:[ ]?\d{1,2}(?:[ ]?phút)?)?(?:,)?)?[ ]*"
    # the day of the week before the date: "trước 16 giờ 00, thứ Năm, ngày 20/11/2025", "trước 10h ngày thứ Sáu (12/12/2025)"
    r"(?:(?:ngày[ ]+)?(?:thứ[ ]+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ[ ]nhật)[ ]*[,(]?[ ]*)?"
    # months listed before the one that carries the year: "trong tháng 11, tháng 12 năm 2025" is due at the last
    # "hạn chót là cuối tháng 11/2025": the month's end
    r"(?:cuối[ ]+)?"
    r"(?:(?:các[ ]+)?tháng[ ]+\d{1,2}[ ]*(?:,|và|hoặc|-|–)[ ]*){0,11}(?:ngày[ ]*)?$",
    regex.V1 | regex.IGNORECASE,
)
# the terms a limit word may bound that are no task (a validity, a use, a warranty, a loan, a stay): "Thời hạn sử
# dụng: …", "Thời hạn hiệu lực …"; one list for the patterns below and for ``_FIELD_NOT_TASK``
_TERM_WORDS = r"sử[ ]dụng|hiệu[ ]lực|bảo[ ]hành|lưu[ ]trữ|thuê|vay|cho[ ]vay|tạm[ ]trú|cư[ ]trú|chuyển[ ]tiếp"
_NOT_A_TERM = r"(?![ ](?:" + _TERM_WORDS + r")(?!\p{L}))"
# the deadline noun with what it governs, then its copula, where no deadline word stands right before the date:
# "Hạn cuối nhận hồ sơ là 17 giờ ngày …", "Thời gian hoàn thành: ngày …"
_NOUN_TRIGGER = regex.compile(
    r"(?:(?:thời[ ]hạn" + _NOT_A_TERM + r"|hạn[ ]chót|hạn[ ]cuối|hạn[ ](?:nộp|gửi|đăng[ ]ký|báo[ ]cáo)|thời[ ]gian[ ]hoàn[ ]thành)[^.;!?\n:]{0,50}?"
    r"|thời[ ]gian[ ](?:thực[ ]hiện|triển[ ]khai|nộp|gửi)[^.;!?\n:]{0,30}?)(?:[ ]là|[ ]*:)"
    r"(?:[ ]+\d{1,2}[ ]?(?:giờ|h)(?:[ ]?\d{1,2}(?:[ ]?phút)?)?(?:,)?)?[ ]*(?:ngày[ ]*)?$",
    regex.V1 | regex.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# a time label before a period: "Thời gian thực hiện: quý III/2024", "Thời hạn hoàn thành: năm 2025"
_LABEL = r"(?:thời[ ](?:gian|hạn)[ ](?:thực[ ]hiện|hoàn[ ]thành|hoàn[ ]tất|triển[ ]khai)[ ]*:[ ]*)"
# a limit word before a period ("chậm nhất là năm 2026", "hạn chót quý II/2026")
_LIMIT = r"(?:(?:chậm|muộn)[ ]nhất|hạn[ ](?:chót|cuối))(?:[ ]là)?(?:[ ]+(?:vào|đến[ ]hết|trong))?"
_QUARTER = regex.compile(
    r"(?P<trig>(?:(?:trong|trước|hết|đến[ ]hết|hoàn[ ]thành(?:[ ]trong)?|cuối|" + _LIMIT + r")[ ]+|" + _LABEL + r")?)"
    # (quarters listed with their year once, "Quý I, II/2026", "quý III và quý IV năm 2026": due at the end of the last)
    r"quý[ ]+(?:(?:IV|III|II|I|[1-4])[ ]*(?:,|và|hoặc|-|–)[ ]*(?:quý[ ]+)?){0,3}(?P<q>IV|III|II|I|[1-4])(?![ ]+tháng)"
    r"(?:[ ]*(?:/|[ ]năm[ ])[ ]*(?P<y>(?:19|20)\d{2}))?(?!\p{L})"
    # (never the quarter of every year: "quý IV hằng năm" is a recurrence)
    r"(?![ ]+(?:hằng|hàng|mỗi)[ ]+năm(?!\p{L}))",
    regex.V1 | regex.IGNORECASE,
)
_YEAR = regex.compile(
    # ("Từ nay đến năm 2027, …": by that year; "đến năm 2030" alone is a horizon, no due date)
    # ("Tổng kết giai đoạn 2026-2028 vào năm 2028;": "vào" a year that closes its clause)
    r"(?<!từ[ ]|Từ[ ])(?P<trig>(?:trong|hoàn[ ]thành(?:[ ]trong)?|trước|đến[ ]hết|cuối|từ[ ]nay[ ]đến(?:[ ]hết)?"
    r"|vào(?=[ ]+năm[ ]+(?:19|20)\d{2}[ ]*(?:[.;]|$))|" + _LIMIT
    + r")[ ]+|" + _LABEL + r")?"
    r"năm[ ]+(?P<y>(?:19|20)\d{2})"
    r"(?![\d/-])",
    regex.V1 | regex.IGNORECASE,
)
# a date right after a cited document's number/symbol ("… số 52/2015/NĐ-CP ngày ")
_CITED_BEFORE = regex.compile(r"\d+[\w.]*/[\w/.\-–]+[ ]*,?[ ]*(?:ngày[ ]*)?$", regex.V1)
# the same with a letter in the symbol ("12/2024/NĐ-CP"): in a time column, "Tháng 12/2024 Tháng 3/2025" is two due months
_CITED_SYMBOL_BEFORE = regex.compile(r"\d+[\w.]*/(?=[\w/.\-–]*\p{L})[\w/.\-–]+[ ]*,?[ ]*(?:ngày[ ]*)?$", regex.V1)
# in a time column: a span of years ("Năm 2022-2025", "Giai đoạn 2021 - 2025", "2023-2024"), due at the end of its last
# year, and a month written bare with its year ("9/2025", "Tháng 10/2025 - 12/2025")
_YEAR_SPAN = regex.compile(
    r"(?<![\d/.])(?:(?:năm|giai[ ]đoạn)[ ]*:?[ ]*)?(?P<a>(?:19|20)\d{2})[ ]*[-–][ ]*(?P<y>(?:19|20)\d{2})(?![\d/])",
    regex.V1 | regex.IGNORECASE)
_YEAR_ALONE = regex.compile(r"(?<![\d/.\-–])(?<!số[ ])(?:19|20)\d{2}(?![\d/.\-–%]|[ ]*[-–])", regex.V1 | regex.IGNORECASE)
_MONTH_BARE = regex.compile(r"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])[ ]*/[ ]*(?P<y>(?:19|20)\d{2})(?![\d/])", regex.V1)
_HALF = regex.compile(
    # (the time word may be left out in a time cell: "6 tháng đầu năm 2026" alone is due at the half's end)
    r"(?P<trig>(?:trong|hoàn[ ]thành(?:[ ]trong)?|trước)[ ]+)?(?<![\d\p{L}])(?:0?6|sáu)[ ]tháng[ ](?P<half>đầu|cuối)[ ]năm"
    r"(?:[ ]+(?P<y>(?:19|20)\d{2}))?",
    regex.V1 | regex.IGNORECASE,
)
# "ngày 19/5/1890-19/5/2020": a commemoration's date range, never a deadline
_RANGE_AFTER = regex.compile(r"^[ ]*[-–—]{1,2}[ ]*\d", regex.V1)
# a day and month written bare after a limit word ("trước 30/11", "chậm nhất 05/12"): a date only there
_BARE_DAY_MONTH = regex.compile(
    r"(?<!\p{L})(?:trước|chậm[ ]nhất(?:[ ]là)?|muộn[ ]nhất(?:[ ]là)?|hạn[ ]chót(?:[ ]là)?|không[ ]quá|đến[ ]hết)[ ]+"
    r"(?:thời[ ]điểm[ ]+)?(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>/)(?P<m>\d{1,2})(?![\d%]|[ ]?/[ ]?\d)"
    # what may follow a date there: the clause's end, or the words that carry on a task ("trước 30/11 để tổng hợp")
    r"(?=[ ]*(?:$|[,;:)\n]|\.(?!\d)|(?:để|và|gửi|gởi|về|cho|tại|hoặc|nhằm)(?!\p{L})))",
    regex.V1 | regex.IGNORECASE,
)
# a month written without its year after a time word ("báo cáo … trong tháng 10", "chậm nhất trong tháng 6", "trước tháng
# 9"), or first in a time cell ("Tháng 8", "Tháng 8, 9", "Tháng 8 - 9"): due at the end of the (last) month, its year the
# document's.  Never a month of a round ("tháng 11 hằng năm"), of the year before or after ("tháng 12 năm trước"), of
# the lunar calendar, nor a part of one ("đầu tháng 5")
_BARE_MONTH = regex.compile(
    r"(?<!\p{L})(?P<trig>(?:(?:hoàn[ ]thành|xong)[ ]+)?(?:trong|trước|(?:chậm|muộn)[ ]nhất(?:[ ]là)?(?:[ ]+(?:trong|vào))?"
    r"|hạn[ ](?:chót|cuối)(?:[ ]là)?(?:[ ]+(?:trong|vào))?|đến[ ]hết)[ ]+)?"
    r"tháng[ ]+(?:(?:0?[1-9]|1[0-2])[ ]*(?:,|và|hoặc|-|–)[ ]*(?:tháng[ ]+)?){0,11}(?P<m>0?[1-9]|1[0-2])"
    r"(?![\d/\-–]|\.\d|[ ]*[/\-–][ ]*\d|[ ]*,[ ]*(?:19|20)\d\d)(?![ ]*,?[ ]*năm(?![ ]+nay))"
    # (nor the first of months listed with their year once: "Tháng 11, 12/2025" is due at the end of the last)
    r"(?![ ]*(?:,|và|hoặc)[ ]*(?:tháng[ ]+)?(?:0?[1-9]|1[0-2])[ ]*/[ ]*(?:19|20)\d\d(?!\d))"
    r"(?![ ]+(?:hằng|hàng|mỗi|của|âm[ ]lịch|dương[ ]lịch|trước|sau|liền)(?!\p{L}))(?!\p{L})",
    regex.V1 | regex.IGNORECASE)
# the first day of a range of days written once with their month: "từ ngày 06 - 15/11/2017", "ngày 03-05/6"
_DAY_RANGE_BEFORE = regex.compile(r"(?<!\p{L})(?:từ[ ]+(?:ngày[ ]*)?|ngày[ ]*)\d{1,2}[ ]*(?:[-–]|đến|tới)[ ]*(?:ngày[ ]*)?$",
                                  regex.V1 | regex.IGNORECASE)
# the start of a schedule line ("- Ngày 16/11/2017: …")
_SCHEDULE_HEAD = regex.compile(r"[ ]*(?:[-–+•*][ ]*)?(?:ngày[ ]*)?", regex.V1 | regex.IGNORECASE)
# a period placed first, before the task it times ("Quý IV/2025, Sở X hoàn thành …", "Năm 2026: …", "- Tháng 6/2026, …"):
# only a list mark may stand before it, and a comma or colon right after it
_FRONT_BEFORE = regex.compile(r"[ ]*(?:(?:[-–+•*]|\d{1,2}[.)]|[a-zđ]\))[ ]*)?", regex.V1 | regex.IGNORECASE)
_FRONT_AFTER = regex.compile(r"[ ]*[,:]", regex.V1)
# a year placed first before a comma times the task only when the task is one to finish ("Năm 2027, các xã hoàn
# thành …"); "Năm 2009, các trường tiếp tục áp dụng …" is the year a rule applies in
_FRONT_YEAR_DUE = regex.compile(
    r"^,[^.;:!?\n]{0,150}?(?<!\p{L})(?:hoàn[ ]thành|hoàn[ ]tất|xong|kết[ ]thúc|đưa[ ]vào[ ](?:sử[ ]dụng|vận[ ]hành|khai[ ]thác))(?!\p{L})",
    regex.V1 | regex.IGNORECASE)
# "Từ 01/3/2025 đến 15/4/2025": the start of a range; the task is due at its end
# ("Từ tháng 12/2027 đến quý I/2028": a range of periods, due at the end of the last)
_RANGE_TO = regex.compile(r"^[ ]*(?:đến|tới)[ ]+(?:hết[ ]+)?(?:(?:ngày[ ]+|tháng[ ]+)?\d|quý[ ]+(?:[IV]{1,3}|\d)(?![\p{L}\d]))",
                          regex.V1 | regex.IGNORECASE)
# a date opened by "từ", with its clock time ("từ ngày 15/9/2025 (thứ Hai) đến ngày …", "từ 9:00 ngày 15/9/2025 trước
# 16:00 ngày …", "từ 8 giờ ngày …"): the start of the span, when another date follows in its clause
_START_WORD_BEFORE = regex.compile(
    r"(?<!\p{L})từ[ ]+(?:\d{1,2}[ ]?(?:giờ|h|:)[ ]?(?:\d{1,2})?(?:[ ]?phút)?[ ]*,?[ ]*)?(?:ngày[ ]*)?$",
    regex.V1 | regex.IGNORECASE)
# months listed before the one that carries the year ("Tháng 11, " before "12/2025")
_MONTHS_LISTED_BEFORE = regex.compile(r"(?<!\p{L})tháng[ ]+(?:0?[1-9]|1[0-2])(?:[ ]*(?:,|và|hoặc)[ ]*(?:tháng[ ]+)?(?:0?[1-9]|1[0-2]))*"
                                      r"[ ]*(?:,|và|hoặc)[ ]*(?:tháng[ ]+)?$", regex.V1 | regex.IGNORECASE)
# a rule of rounds right before a day written without its year ("định kỳ hằng năm (trước ngày ", "hằng năm, chậm nhất là
# ngày "): the day each round is due on, no one-off date
_RULE_BEFORE = regex.compile(r"(?<!\p{L})(?:hằng|hàng|mỗi)[ ]+(?:năm|tháng|quý)[ ]*[,(]?[ ]*"
                             r"(?:(?:hoàn[ ]thành|hoàn[ ]tất|xong|gửi|gởi|nộp|báo[ ]cáo)[ ]+(?=trước|chậm|muộn))?"
                             r"(?:(?:trước|chậm[ ]nhất(?:[ ]là)?|muộn[ ]nhất(?:[ ]là)?|vào)[ ]+)?(?:ngày[ ]*)?$",
                             regex.V1 | regex.IGNORECASE)
def _rule_day_read(text: str, at: int, cache: list) -> bool:
    """Whether a rule of rounds read in ``text`` ends just before ``at`` and took the day there into its RRULE
    (``cache`` keeps the text's rules, read once per text)."""
    if not cache:
        cache.append([(r.start, r.end) for r in find_recurrences(text)
                      if r.recurrence.rrule and ";BYMONTHDAY=" in r.recurrence.rrule])
    return any(e <= at <= e + 40 for _s, e in cache[0])


# every year, right before the quarter it names ("Hằng năm (quý IV)", "hằng năm, trong quý III")
_YEARLY_BEFORE = regex.compile(r"(?<!\p{L})(?:hằng|hàng|mỗi)[ ]+năm[ ]*[,(]?[ ]*$", regex.V1 | regex.IGNORECASE)
# "từ" right before a period in a time cell ("Từ quý II/2027"): the period the work starts in
_START_BEFORE_PERIOD = regex.compile(r"(?<!\p{L})(?:kể[ ])?từ[ ]+(?:năm[ ]+)?$", regex.V1 | regex.IGNORECASE)
# a due word done already ("đã hoàn thành trong tháng 4/2026", "đã gửi trước ngày …"): a past action (GUIDELINES)
_PAST_BEFORE = regex.compile(r"(?<!\p{L})(?:đã|vừa)(?:[ ]+được)?[ ]+$", regex.V1 | regex.IGNORECASE)
# not a due date: a cut-off of data ("số liệu tính đến ngày 30/6"), the end of a covered period starting at a
# year ("từ năm 2021 đến ngày 31/3/2025"), a planned event ("dự kiến khởi công trước ngày …")
# in a time column only a cut-off of data is no due date: "Từ tháng 3 đến tháng 5/2025", "Dự kiến tháng 6/2025" time the task
_NOT_DUE_IN_TIME_CELL = regex.compile(r"(?:tính[ ](?:đến|tới|từ)|số[ ]liệu[^.;:]{0,40}?(?:đến|tới))[ ]*(?:hết[ ]*)?(?:ngày[ ]*)?$",
                                      regex.V1 | regex.IGNORECASE)
_NOT_DUE_BEFORE = regex.compile(
    # ("Thời gian thực hiện: từ tháng 10 đến tháng 12/2025" is the task's own run, due at its end)
    r"(?:tính[ ](?:đến|tới|từ)|số[ ]liệu[^.;:]{0,40}?(?:đến|tới)"
    r"|(?<!thời[ ](?:gian|hạn)[ ](?:thực[ ]hiện|triển[ ]khai|hoàn[ ]thành)[ ]*:?[ ]*)từ[ ](?:năm|tháng)[ ][\d/ ]{1,9}(?:đến|tới)"
    r"|dự[ ]kiến[^.;:,]{0,40}?|giai[ ]đoạn[^.;:,]{0,25}?(?:đến|tới)"
    # the period a report or a summary covers ("tổng hợp tình hình thực hiện từ ngày 01/01/2025 đến ngày 28/02/2026,
    # gửi … trước ngày …"; "kết quả … từ 01/10 đến 31/12"): its end is no due date (GUIDELINES)
    r"|(?:tình[ ]hình|kết[ ]quả|số[ ]liệu)[^.;:,]{0,40}?từ[ ](?:ngày[ ])?[\d/.\- ]{3,12}(?:đến|tới))"
    r"[ ]*(?:hết[ ]*)?(?:ngày[ ]*)?$",
    regex.V1 | regex.IGNORECASE,
)

# a period joined to the time after it ("trong tháng 5 và thời gian tới", "quý III và những tháng tiếp theo", "năm 2026
# và các năm tiếp theo", "từ tháng 7/2026 trở đi"): the span runs on past the period, which bounds nothing
_OPEN_AFTER = regex.compile(
    r"[ ]*,?[ ]*(?:(?:và|cùng)[ ]+(?:(?:các|những)[ ]+)?(?:thời[ ]gian|thời[ ]kỳ|giai[ ]đoạn|tháng|quý|năm)"
    r"[ ]+(?:tới|sắp[ ]tới|tiếp[ ]theo|kế[ ]tiếp|sau[ ]đó|về[ ]sau|sau)|trở[ ]đi|trở[ ]về[ ]sau)(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)

# "đến hết ngày …" / "đến ngày …" with no start, limit or completion word before it in its clause: how long something
# lasts ("áp dụng song song hai mẫu đến hết ngày 30/9"), a validity, a cut-off ("Đến hết ngày 20/8, toàn tỉnh đã …")
# — a due date only after a start ("từ ngày …", "từ nay"), a time label ("Thời gian nhận hồ sơ: …") or a word that
# finishes or limits a task ("hoàn thành", "nộp", "chậm nhất" …)
_UNTIL_START = regex.compile(r"(?<!\p{L})từ[ ]+(?:nay|ngày|tháng|quý|năm|\d)", regex.V1 | regex.IGNORECASE)
_UNTIL_DUE_WORD = regex.compile(
    r"(?<!\p{L})(?:hoàn[ ]thành|hoàn[ ]tất|xong|nộp|gửi|gởi|báo[ ]cáo|đăng[ ]ký|(?:chậm|muộn)[ ]nhất|thời[ ]hạn" + _NOT_A_TERM +
    r"|hạn[ ](?:chót|cuối|nộp|gửi)|bảo[ ]đảm|đảm[ ]bảo|phấn[ ]đấu)(?!\p{L})", regex.V1 | regex.IGNORECASE)
# a transition period, while what a text replaces may still be applied ("thời hạn chuyển tiếp", "giai đoạn chuyển tiếp")
_TRANSITION = regex.compile(r"(?<!\p{L})(?:thời[ ](?:hạn|gian|kỳ)|giai[ ]đoạn)[ ]chuyển[ ]tiếp(?!\p{L})", regex.V1 | regex.IGNORECASE)
_UNTIL_LABEL = regex.compile(r"(?:thời[ ](?:gian|hạn)|hạn)" + _NOT_A_TERM +
                             r"[^.;:\n]{0,40}:[ ]*$", regex.V1 | regex.IGNORECASE)
# what stands at the date: "đến ngày 15/5 các huyện chưa phân bổ", "Đến ngày 30/6, các xã đã …"
# "trước <date> là …": what something was before that date ("các cơ sở … trước 01/01/2025 là tuyến huyện"), no limit
_BEFORE_WORD = regex.compile(r"\s*trước(?!\p{L})", regex.V1 | regex.IGNORECASE)
_STATE_IS_AFTER = regex.compile(r"[ ]*là(?!\p{L})", regex.V1 | regex.IGNORECASE)
_STATE_AFTER = regex.compile(r"^[^.;!?\n]{0,100}?(?<!\p{L})(?:đã|chưa)(?!\p{L})", regex.V1 | regex.IGNORECASE)

# a task done at a meeting held on a named day or month ("báo cáo … tại phiên họp Thường trực … tổ chức vào tháng 8 năm
# 2017", "trình … tại kỳ họp thứ Tám diễn ra vào tháng 12/2025"): due then
# (or the meeting's expected time in a bracket: "tại Kỳ họp thứ Sáu, HĐND tỉnh (dự kiến tổ chức tháng 12/2025)")
_AT_MEETING = regex.compile(r"(?<!\p{L})tại[ ]+(?:các[ ]+)?(?:kỳ|phiên|cuộc|buổi)[ ]+họp(?!\p{L})[^.;!?]{0,150}?"
                            r"(?:[ ]vào|[ ]\([ ]*dự[ ]kiến(?:[ ]+(?:tổ[ ]chức|diễn[ ]ra|khai[ ]mạc|họp))?(?:[ ]+vào)?)"
                            r"[ ]+(?:ngày[ ]*)?$", regex.V1 | regex.IGNORECASE)
# a limit word before the meeting a task is due at, its time written with it ("trình … chậm nhất là tại phiên họp tháng
# 5/2024", "muộn nhất tại Kỳ họp thứ Tám (tháng 10/2026)"): due in that month or on that day
_LIMIT_AT_MEETING = regex.compile(r"(?<!\p{L})(?:chậm|muộn)[ ]nhất(?:[ ]là)?[ ]+(?:tại|vào|trong)[ ]+(?:các[ ]+)?(?:kỳ|phiên|cuộc|buổi)"
                                  r"[ ]+họp(?!\p{L})[^.;!?()]{0,80}?[ ]*(?:\([ ]*)?(?:ngày[ ]*)?$", regex.V1 | regex.IGNORECASE)
# the expected time of a meeting named just before ("… tại Kỳ họp thứ Sáu (dự kiến tổ chức "): read by ``_AT_MEETING``
_MEETING_EXPECTED = regex.compile(r"(?<!\p{L})họp(?!\p{L})[^.;!?()]{0,60}\([ ]*dự[ ]kiến[^()]{0,25}$", regex.V1 | regex.IGNORECASE)
# a field line that times the task it belongs to, its label then its value ("- Thời gian triển khai - hoàn thành: Tháng
# 10/2025 - 6/2026.", "3. Thời hạn hoàn thành: 2026.", "- Tiến độ thực hiện: Quý III/2026"): the value is read as a cell
# of a time column.  The label says the task's doing ("thực hiện", "hoàn thành", "triển khai", "nộp" …) or is a limit
# ("Thời hạn", "Tiến độ"); a bare "Thời gian:" or "Thời gian tổ chức:" times an event, not a due task
_TIME_FIELD = regex.compile(
    ITEM_LABEL_PREFIX +
    r"(?:(?P<limit>thời[ ]hạn|tiến[ ]độ|hạn[ ](?:hoàn[ ]thành|nộp|gửi|đăng[ ]ký|báo[ ]cáo))|thời[ ]gian)"
    r"(?P<q>(?:[ ]*[-–,/]?[ ]+\p{L}+){0,14}?)[ ]*:[ ]*(?=\S)",
    regex.V1 | regex.IGNORECASE)
# where a field line's value ends: its sentence's ";" or full stop ("2026." reads as a year there)
_VALUE_END = regex.compile(r";|\.(?=\s|$)")
_FIELD_DOING = regex.compile(r"(?<!\p{L})(?:thực[ ]hiện|hoàn[ ]thành|hoàn[ ]tất|triển[ ]khai|nộp|gửi|báo[ ]cáo|kết[ ]thúc)(?!\p{L})",
                             regex.V1 | regex.IGNORECASE)
# a value that is no due time: a clock time (a meeting's), a start with no end, a length of time
_FIELD_NOT_DUE = regex.compile(r"\d[ ]?(?:giờ|h(?:[ ]?\d{2})?(?!\p{L}))|^(?:kể[ ])?từ(?!\p{L})(?!.*(?:đến|tới|trước|[-–]))",
                               regex.V1 | regex.IGNORECASE)


# a bracket that closes its sentence with the task's time ("… kịp thời chấn chỉnh sai phạm (hoàn thành trong tháng
# 11/2027).", "(báo cáo Sở trước ngày 15/10/2027)")
_BRACKET_DUE_OPEN = regex.compile(
    r"\([ ]*(?:hoàn[ ]thành|hoàn[ ]tất|xong|báo[ ]cáo|trình|gửi|nộp|thời[ ]hạn|hạn|trước|chậm[ ]nhất|trong)(?!\p{L})[^()]*$",
    regex.V1 | regex.IGNORECASE)
_BRACKET_CLOSES = regex.compile(r"[^()]{0,20}\)[ ]*[.;]?[ ]*$", regex.V1)


# what a limit may bound that is no task: a validity, a use, a loan, a warranty ("Thời hạn sử dụng: đến hết ngày …",
# "Thời hạn hiệu lực: …", "Thời hạn bảo hành: …")
_FIELD_NOT_TASK = regex.compile(r"(?<!\p{L})(?:" + _TERM_WORDS + r"|giá[ ]trị|nghỉ)"
                                r"(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _field_times_a_task(fm: regex.Match) -> bool:
    """Whether the field label matched by ``_TIME_FIELD`` times a task: a limit ("Thời hạn", "Hạn nộp") or a time of
    doing ("Thời gian thực hiện"), not the span of a validity or a use ("Thời hạn sử dụng: …")."""
    return bool(fm.group("limit") or _FIELD_DOING.search(fm.group("q"), timeout=RX_TIMEOUT)) and not _FIELD_NOT_TASK.search(
        fm.group("q"), timeout=RX_TIMEOUT)


def closing_bracket_due(sentence: str, start: int, end: int) -> bool:
    """Whether the due date at ``start``:``end`` of ``sentence`` stands in a bracket that closes the sentence and
    opens with a word of doing or a limit ("… (hoàn thành trong tháng 11/2027)."): the time of the paragraph's task,
    added after what is said of it."""
    return (_BRACKET_CLOSES.match(sentence, end, timeout=RX_TIMEOUT) is not None
            and _BRACKET_DUE_OPEN.search(sentence[max(0, start - 120):end], timeout=RX_TIMEOUT) is not None)


def due_field(text: str) -> bool:
    """Whether ``text`` is a field line that times a task, its label then its value ("- Thời hạn nộp hồ sơ: Từ
    …", "Thời gian nộp: trước 16:00 ngày …", "Hạn đăng ký: …"), as ``find_deadlines`` reads one."""
    if ":" not in text:
        return False
    fm = _TIME_FIELD.match(text, timeout=rx_timeout(text))
    return fm is not None and _field_times_a_task(fm)


# how far back "đến (hết) <date>" looks for its clause's start ("từ …") or a due word: a clause of a real
# sentence is far shorter; without a bound a long text of dates and no stop was quadratic (2,000 dates: 3.8 s)
_CLAUSE_REACH = 1000


def _until_not_due(text: str, tstart: int, trig: str, end: int) -> bool:
    """Whether the bare "đến (hết)" at ``tstart`` before the date or period ending at ``end`` marks how long
    something lasts or a state reached by then, rather than a due date."""
    t = trig.strip().lower()
    if not (t.startswith("đến") or t.startswith("hết")):
        return False
    reach = max(0, tstart - _CLAUSE_REACH)  # a bounded look back: a text of dates with no stop stays linear
    cut = max(text.rfind(c, reach, tstart) for c in ".;!?\n(") + 1
    clause = text[max(cut, reach):tstart]
    if _TRANSITION.search(clause, timeout=RX_TIMEOUT) and not _UNTIL_DUE_WORD.search(clause, timeout=RX_TIMEOUT):
        return True  # "Trong thời hạn chuyển tiếp từ … đến hết ngày 31/12": while an old rule may still be applied
    if (_UNTIL_START.search(clause, timeout=RX_TIMEOUT) or _UNTIL_DUE_WORD.search(clause, timeout=RX_TIMEOUT)
            or _UNTIL_LABEL.search(clause, timeout=RX_TIMEOUT)):
        return False
    if "hết" in t:
        return True  # "đến hết ngày 30/9": through the end of a span
    return _STATE_AFTER.match(text[end:end + 120], timeout=RX_TIMEOUT) is not None


def _later_date_in_clause(text: str, ds: DateSpan, nxt: DateSpan | None) -> bool:
    """Whether the date ``nxt`` (the one after ``ds``) follows it in its clause, within a short reach (no ".", ";" or
    line break between)."""
    if nxt is None or nxt.start < ds.end:
        return False
    gap = text[ds.end:nxt.start]
    return len(gap) <= 60 and not any(c in gap for c in ".;\n")


# what was said or decided at a meeting, or a source the sentence follows ("ý kiến chỉ đạo của … tại cuộc họp vào ngày …",
# "Căn cứ kết luận tại phiên họp …", "nhiệm vụ đã được giao tại cuộc họp …"): the meeting is past, no due time
_SAID_BEFORE_MEETING = regex.compile(
    r"(?<!\p{L})(?:chỉ[ ]đạo|kết[ ]luận|ý[ ]kiến|thống[ ]nhất|căn[ ]cứ|theo|đã|được[ ]giao|nêu)(?!\p{L})",
    regex.V1 | regex.IGNORECASE)


def _said_at_meeting(text: str, at: int) -> bool:
    """Whether the meeting phrase at ``at`` ("tại cuộc họp …") says where something was said, decided or given (its
    clause, up to it, holds "chỉ đạo", "kết luận", "ý kiến", "căn cứ", "đã" …), not where a task is to be done."""
    cut = max(text.rfind(c, max(0, at - 200), at) for c in ".;:,\n") + 1
    return _SAID_BEFORE_MEETING.search(text[max(cut, at - 200):at], timeout=RX_TIMEOUT) is not None


def open_ended_at(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` in ``text`` is left open towards the time after it ("tháng 5 và thời
    gian tới"): a start, not a due date, for a sentence or for the items under a heading."""
    return _OPEN_AFTER.match(text, end, timeout=RX_TIMEOUT) is not None


# the period a review looks back on, not one its tasks are due in: "đánh giá tình hình thực hiện nhiệm vụ tháng 9",
# "kết quả công tác quý III", "sơ kết công tác tháng 6" (the words of the review stand in the period's phrase, no
# comma or clause end between)
_COVERED_BEFORE = regex.compile(
    r"(?<!\p{L})(?:đánh[ ]giá|tình[ ]hình|kết[ ]quả|sơ[ ]kết|tổng[ ]kết|nhìn[ ]lại|kiểm[ ]điểm)(?!\p{L})"
    # (no "và", no plan word between: "kết quả tháng 7 và kế hoạch công tác tháng 8" plans August)
    r"(?:(?!(?<!\p{L})(?:và|kế[ ]hoạch|triển[ ]khai|phương[ ]hướng)(?!\p{L}))[^.,;:!?\n()]){0,60}$",
    regex.V1 | regex.IGNORECASE)
# another period coordinated after a period ("tháng 10, quý IV năm 2024", "tháng 11 và quý IV", "quý III, 9 tháng
# đầu năm"): the time is a list of periods, no single bound
_PERIOD_LIST_AFTER = regex.compile(
    r"[ ]*(?:,|và|hoặc|[-–])[ ]*(?:(?:các|những)[ ]+)?(?:tháng|quý|năm[ ]+(?:19|20)\d{2}|\d{1,2}[ ]+tháng|sáu[ ]+tháng)(?!\p{L})",
    regex.V1 | regex.IGNORECASE)


def covered_period_at(text: str, start: int) -> bool:
    """Whether the period starting at ``start`` in ``text`` is the one a review or a report looks back on
    ("Hội nghị đánh giá tình hình thực hiện nhiệm vụ tháng 9 …"): it times no task (GUIDELINES: the periods a
    report covers are no deadlines)."""
    return _COVERED_BEFORE.search(text[max(0, start - 90):start], timeout=RX_TIMEOUT) is not None


def period_listed_at(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` in ``text`` has another period coordinated after it ("nhiệm vụ tháng 10,
    quý IV năm 2024"): a heading naming several periods sets no one bound for its items."""
    return _PERIOD_LIST_AFTER.match(text, end, timeout=RX_TIMEOUT) is not None


@dataclass(slots=True)
class DeadlineSpan:
    start: int
    end: int
    deadline: Deadline


def _ref_year(ref_date: str | None) -> int | None:
    # an ISO date or "yyyy-mm"/"yyyy": its first four characters, when they are ASCII digits
    if ref_date and len(ref_date) >= 4 and ref_date[:4].isascii() and ref_date[:4].isdigit():
        return int(ref_date[:4])
    return None


def _month_end(y: int, m: int) -> str:
    return _dt.date(y, m, calendar.monthrange(y, m)[1]).isoformat()


# a year written in the text: "năm 2024", or the year of a full date
_YEAR_WORD = regex.compile(r"(?<![\p{L}])năm[ ]+(?P<y>(?:19|20)\d{2})(?!\d)", regex.V1 | regex.IGNORECASE)


def _context_year(text: str, dates: list[DateSpan], at: int) -> int | None:
    """The year of the dated context nearest to ``at`` in ``text`` (a full date, "năm 2024"), for a date
    written without its year in a document that has no date of its own."""
    cands = [(abs(d.start - at), d.year) for d in dates if d.year is not None]
    if "năm" in text or "Năm" in text or "NĂM" in text:
        cands += [(abs(m.start() - at), int(m.group("y"))) for m in _YEAR_WORD.finditer(text, timeout=rx_timeout(text))]
    return min(cands)[1] if cands else None


def _resolve(ds: DateSpan, ref_date: str | None, context_year: int | None = None) -> tuple[str | None, str, bool]:
    """(iso date, kind, inferred_year) for a date span used as a due date."""
    year, inferred = ds.year, False
    if year is None:
        year = _ref_year(ref_date) or context_year
        inferred = year is not None
        if year is None:
            return None, "date", False
    if ds.day is None and ds.month is not None:
        return (_month_end(year, ds.month) if 1 <= ds.month <= 12 else None), "month", inferred
    try:
        d = _dt.date(year, ds.month or 12, ds.day or 31)
    except (ValueError, TypeError):
        return None, "date", inferred
    if inferred and ref_date and len(ref_date) == 10 and d.isoformat() < ref_date:
        try:
            d = d.replace(year=year + 1)
        except ValueError:
            return None, "date", inferred
    return d.isoformat(), "date", inferred


def find_deadlines(text: str, ref_date: str | None = None, *, in_time_column: bool = False,
                   context_year: int | None = None) -> list[DeadlineSpan]:
    """Due dates written in ``text`` (see module doc). ``ref_date`` is the
    document's date (ISO, or "yyyy-mm"/"yyyy") for years left unwritten; without it, the nearest year
    written in ``text``, else ``context_year`` (the nearest dated context around ``text`` in its document)."""
    _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    if not text:
        return []
    if not in_time_column and ":" in text:
        fm = _TIME_FIELD.match(text, timeout=_tm)
        if fm is not None and _field_times_a_task(fm):
            # the value up to the end of its sentence, without the full stop ("2026." reads as a year there)
            value = _VALUE_END.split(text[fm.end():], maxsplit=1, timeout=_tm)[0].rstrip(" ,")
            if value and not _FIELD_NOT_DUE.search(value, timeout=rx_timeout(value)):
                got = find_deadlines(value, ref_date, in_time_column=True, context_year=context_year)
                if got:
                    for d in got:
                        d.start, d.end = d.start + fm.end(), d.end + fm.end()
                    return got
    out: list[DeadlineSpan] = []
    taken: list[tuple[int, int]] = []
    rule_days: list = []  # the rules of rounds read in the text, once (``_rule_day_read``)
    if not in_time_column and "(" in text:
        _time_bracket(text, ref_date, context_year, out, taken)
    dates = find_dates(text)
    meeting_named = not in_time_column and "họp" in text  # once: a test per date made a long text quadratic
    for di, ds in enumerate(dates):
        before = text[max(0, ds.start - 60):ds.start]
        # the date grammar may start its span at "ngày": look before it too
        head = text[ds.start:ds.start + 5].lower()
        probe = before + ("ngày " if head.startswith("ngày") else "")
        trig = _TRIGGER.search(probe, timeout=rx_timeout(probe)) or _NOUN_TRIGGER.search(probe, timeout=rx_timeout(probe))
        if _RANGE_AFTER.match(text[ds.end:ds.end + 4], timeout=rx_timeout(text[ds.end:ds.end + 4])) or _RANGE_TO.match(
                text[ds.end:ds.end + 16], timeout=RX_TIMEOUT):
            continue  # the start of a range: the task runs until its end
        if _START_WORD_BEFORE.search(probe, timeout=rx_timeout(probe)) and _later_date_in_clause(
                text, ds, dates[di + 1] if di + 1 < len(dates) else None):
            continue  # "từ ngày 15/9 (thứ Hai) đến ngày 13/10", "từ 9:00 ngày 15/9 trước 16:00 ngày 13/10": a start
        if (_NOT_DUE_IN_TIME_CELL if in_time_column else _NOT_DUE_BEFORE).search(before, timeout=RX_TIMEOUT) and not (
                meeting_named and trig is None and _MEETING_EXPECTED.search(before, timeout=RX_TIMEOUT)):
            continue  # a cut-off of data, a covered period, a planned event (not the meeting a task is due at)
        if trig is None and meeting_named:
            wide = text[max(0, ds.start - 220):ds.start]
            meeting = _AT_MEETING.search(wide, timeout=RX_TIMEOUT)
            if meeting is not None and _said_at_meeting(text, max(0, ds.start - 220) + meeting.start()):
                meeting = None  # "Thực hiện ý kiến chỉ đạo … tại cuộc họp vào ngày …, Sở X …": where it was said
            if meeting is None and not any(a < ds.end and ds.start < b for a, b in taken):
                meeting = _LIMIT_AT_MEETING.search(wide, timeout=RX_TIMEOUT)
            if meeting is not None:
                before, trig = wide, meeting  # (the phrase then starts at "tại …")
        days = _DAY_RANGE_BEFORE.search(before, timeout=rx_timeout(before)) if trig is None else None
        if days is not None:
            trig = days  # "từ ngày 06 - 15/11/2017": a range of days, due at its end
        elif ds.start > 0 and regex.search(r"\d[ ]*[-–][ ]*$", before, timeout=RX_TIMEOUT) and not in_time_column and not (
                trig is not None and "tháng" in trig.group(0).lower()):  # "trong tháng 10 - 12/2025": months to the last
            continue  # the end of a commemorated span ("19/8/1945-19/8/2025"); in a time column, the due date
        if trig is None and not in_time_column and not (
                _SCHEDULE_HEAD.fullmatch(text[:ds.start], timeout=rx_timeout(text[:ds.start]))
                and regex.match(r"[ ]*:", text[ds.end:ds.end + 3], timeout=RX_TIMEOUT)) and not (
                ds.day is None and ds.year is not None and _FRONT_BEFORE.fullmatch(text[:ds.start], timeout=RX_TIMEOUT)
                and _FRONT_AFTER.match(text, ds.end, timeout=_tm)):
            # no deadline word; but "Ngày 16/11/2017: Họp đoàn …" dates a line of a schedule, and a month placed
            # first times its task ("Tháng 6/2026, các trường …")
            continue
        if (_CITED_SYMBOL_BEFORE if in_time_column else _CITED_BEFORE).search(before, timeout=RX_TIMEOUT):
            continue  # "Nghị định số 52/2015/NĐ-CP ngày 28/5/2015": a cited document's date
        if ds.year is None and _RULE_BEFORE.search(probe, timeout=RX_TIMEOUT) and _rule_day_read(text, ds.start, rule_days):
            taken.append((ds.start, ds.end))
            continue  # "định kỳ hằng năm (trước ngày 15/11 …)", "hằng tháng, chậm nhất ngày 20": the rule's day
        if regex.match(r"[ ]*(?:của[ ]+)?(?:năm|tháng|quý)[ ]+(?:trước[ ]+|sau[ ]+)?(?:liền[ ]kề|sau|tiếp[ ]theo)"
                       r"|(?:[ ]*(?:,|và)[ ]*(?:ngày[ ]*)?\d{1,2}[ ]*/[ ]*\d{1,2}){0,6}[ ]*(?:hằng|hàng|mỗi)[ ]+(?:năm|tháng)",
                       text[ds.end:ds.end + 80], timeout=RX_TIMEOUT):
            continue  # "trước ngày 31/01 năm liền kề", "ngày 25 hằng tháng", "ngày 15/6 và 15/12 hằng năm": recurring
        if trig is not None and regex.fullmatch(r"(?i)\s*(?:đến|trong)\s*(?:ngày\s*)?", trig.group(0), timeout=RX_TIMEOUT):
            # bare "đến ngày" / "trong ngày" read as a deadline only when nothing says "từ ngày … đến"
            if regex.search(r"(?i)từ\s+(?:ngày\s+)?[\d./-]+\s*$", before[: trig.start()], timeout=RX_TIMEOUT):
                pass
        ctx = (_context_year(text, dates, ds.start) or context_year) if ds.year is None and _ref_year(ref_date) is None \
            else None
        iso, kind, inferred = _resolve(ds, ref_date, ctx)
        if iso is None:
            continue
        if kind == "month" and trig is not None and regex.search(r"(?i)trước\s*(?:tháng\s*)?$", trig.group(0),
                                                                 timeout=RX_TIMEOUT):
            # "trước tháng 9/2023": before September begins, i.e. by the end of August
            first = _dt.date.fromisoformat(iso).replace(day=1)
            iso = (first - _dt.timedelta(days=1)).isoformat()
        start = ds.start - (len(before) - trig.start()) if trig is not None else ds.start
        start = max(0, start)
        if ds.day is None and ds.month is not None and trig is None:
            months = _MONTHS_LISTED_BEFORE.search(text[max(0, start - 40):start], timeout=RX_TIMEOUT)
            if months is not None:
                start = max(0, start - 40) + months.start()  # "Tháng 11, 12/2025": the months listed with it
        if trig is not None and not in_time_column and _until_not_due(text, start, trig.group(0), ds.end):
            continue  # "áp dụng … đến hết ngày 30/9", "Đến ngày 30/6, các xã đã …": a span's end, a cut-off
        if trig is not None and _PAST_BEFORE.search(text[max(0, start - 14):start], timeout=RX_TIMEOUT):
            taken.append((start, ds.end))
            continue  # "(đã hoàn thành trước ngày 15/4)": done already
        if open_ended_at(text, ds.end):
            taken.append((start, ds.end))
            continue  # "trong tháng 5 năm 2026 và thời gian tới": a start, not a due date
        if trig is not None and _BEFORE_WORD.match(trig.group(0), timeout=RX_TIMEOUT) \
                and _STATE_IS_AFTER.match(text, ds.end, timeout=RX_TIMEOUT):
            taken.append((start, ds.end))
            continue  # "các cơ sở trước 01/01/2025 là tuyến huyện": what something was before a date, no limit
        phrase = text[start:ds.end].strip()
        out.append(DeadlineSpan(start, ds.end, Deadline(date=iso, text=phrase, kind=kind, inferred_year=inferred)))
        taken.append((start, ds.end))
    if "/" in text:
        for m in _BARE_DAY_MONTH.finditer(text, timeout=_tm):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            ds = DateSpan(m.start("d"), m.end(), m.group(0), int(m.group("d")), int(m.group("m")), None)
            if not (1 <= ds.day <= 31 and 1 <= ds.month <= 12):
                continue
            if regex.match(r"(?:[ ]*(?:,|và)[ ]*(?:ngày[ ]*)?\d{1,2}[ ]*/[ ]*\d{1,2}(?![\d/])){0,6}"
                           r"[ ]*(?:hằng|hàng|mỗi|của[ ]+(?:năm|tháng))", text[m.end():m.end() + 80], timeout=RX_TIMEOUT) \
                    or _RULE_BEFORE.search(text[max(0, m.start() - 60):m.start("d")], timeout=RX_TIMEOUT) \
                    and _rule_day_read(text, m.start(), rule_days):
                continue  # a recurring day ("trước 20/11 hằng năm", "hằng năm (trước 20/11)")
            ctx = (_context_year(text, dates, m.start()) or context_year) if _ref_year(ref_date) is None else None
            iso, kind, inferred = _resolve(ds, ref_date, ctx)
            if iso is None:
                continue
            out.append(DeadlineSpan(m.start(), m.end(), Deadline(date=iso, text=m.group(0), kind=kind,
                                                                 inferred_year=inferred)))
            taken.append((m.start(), m.end()))
    if "háng" in text or "HÁNG" in text:
        _bare_months(text, ref_date, dates, context_year, in_time_column, out, taken)
    if in_time_column and any(c.isdigit() for c in text):
        for rx, kind in ((_YEAR_SPAN, "year"), (_MONTH_BARE, "month")):
            for m in rx.finditer(text, timeout=_tm):
                if any(s < m.end() and m.start() < e for s, e in taken) or kind == "month" and (
                        _RANGE_AFTER.match(text[m.end():m.end() + 4], timeout=RX_TIMEOUT)
                        or _RANGE_TO.match(text[m.end():m.end() + 16], timeout=RX_TIMEOUT)):
                    continue  # the start of a range of months: due at its end
                if _NOT_DUE_IN_TIME_CELL.search(text[max(0, m.start() - 60):m.start()], timeout=RX_TIMEOUT):
                    continue
                if open_ended_at(text, m.end()):
                    taken.append((m.start(), m.end()))
                    continue
                y = int(m.group("y"))
                if kind == "year":
                    if y < int(m.group("a")):
                        continue  # "2022-2015": a misprint, no guess
                    iso = f"{y}-12-31"
                else:
                    iso = _month_end(y, int(m.group("m")))
                out.append(DeadlineSpan(m.start(), m.end(), Deadline(date=iso, text=m.group(0).strip(), kind=kind)))
                taken.append((m.start(), m.end()))
    if in_time_column and not out and not taken and any(c.isdigit() for c in text):
        # a year standing alone in a time column ("2026", "2026 và hằng năm", "… ban hành 2026"): by its end
        m = _YEAR_ALONE.search(text, timeout=_tm)
        if m is not None and not _QUARTER.search(text, timeout=_tm) and not _HALF.search(text, timeout=_tm) \
                and not _YEAR.search(text, timeout=_tm) and not open_ended_at(text, m.end()):
            out.append(DeadlineSpan(m.start(), m.end(), Deadline(date=f"{m.group(0)}-12-31", text=m.group(0), kind="year")))
            taken.append((m.start(), m.end()))
    ry = _ref_year(ref_date)
    low = text.lower()
    for rx, kind, word in ((_QUARTER, "quarter", "quý"), (_HALF, "half", "tháng"), (_YEAR, "year", "năm")):
        if word not in low:
            continue  # the word every match of the pattern holds is nowhere in the text: no scan
        for m in rx.finditer(text, timeout=_tm):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if not (m.group("trig") or in_time_column or (
                    m.group("y") and _FRONT_BEFORE.fullmatch(text[:m.start()], timeout=rx_timeout(text[:m.start()]))
                    and _FRONT_AFTER.match(text, m.end(), timeout=_tm)
                    and (kind != "year" or text[m.end():].lstrip(" ").startswith(":")
                         or _FRONT_YEAR_DUE.match(text[m.end():].lstrip(" "), timeout=RX_TIMEOUT)))):
                continue  # a period is a due date after a time word, or placed first with its year
            if kind == "quarter" and not m.group("y") and _YEARLY_BEFORE.search(text[max(0, m.start() - 30):m.start()],
                                                                                timeout=RX_TIMEOUT):
                taken.append((m.start(), m.end()))
                continue  # "Hằng năm (quý IV)", "hằng năm, trong quý III": the quarter of every year, a recurrence
            if kind == "year" and fold(m.group("trig") or "").startswith("vao") and _NOT_DUE_BEFORE.search(
                    text[max(0, m.start() - 60):m.start()], timeout=RX_TIMEOUT):
                continue  # "dự kiến … vào năm 2027": a planned event
            if open_ended_at(text, m.end()) or m.group("trig") and not in_time_column and _until_not_due(
                    text, m.start(), m.group("trig"), m.end()) or m.group("trig") and _PAST_BEFORE.search(
                    text[max(0, m.start() - 14):m.start()], timeout=RX_TIMEOUT):
                taken.append((m.start(), m.end()))
                continue  # "quý III/2026 và những tháng tiếp theo", "miễn phí đến hết năm 2027"
            y = int(m.group("y")) if m.group("y") else ry
            if y is None:
                continue
            if kind == "quarter":
                q = _ROMAN[m.group("q").upper()]
                iso = _month_end(y, 3 * q)
            elif kind == "half":
                iso = _month_end(y, 6 if m.group("half").lower() == "đầu" else 12)
            else:
                iso = f"{y}-12-31"
            out.append(DeadlineSpan(m.start(), m.end(), Deadline(date=iso, text=m.group(0).strip(), kind=kind,
                                                                 inferred_year=not m.group("y"))))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    if in_time_column and out:
        # "Từ quý II/2027", "Từ tháng 5/2026, thường xuyên", "Từ quý III/2026 đến quý III/2030": a period the work
        # starts in is no due time (the end of a range is)
        out = [d for d in out if d.deadline.kind == "date" or not _START_BEFORE_PERIOD.search(
            text[max(0, d.start - 12):d.start], timeout=RX_TIMEOUT)]
    if len(out) >= 2:
        out = _drop_covered_ranges(text, out)
    if ref_date and len(ref_date) == 10 and out:
        out = [d for d in out if not _long_before(d.deadline, ref_date) and not _told_of_past(text, d, ref_date)]
    return out


# a bracket closing its sentence that holds only the task's time ("… lực lượng tìm kiếm (Quý IV/2026, Quý I/2027 và
# thường xuyên).", "(năm 2026 và kiện toàn hằng năm)"): read as a cell of a time column, due at its latest period
_TIME_BRACKET = regex.compile(r"\((?P<in>[ ]*(?:quý|tháng|năm)[ ]+[^()]{1,90})\)[ ]*(?=[.;]?[ ]*$|[.;][ ]+\p{Lu})",
                              regex.V1 | regex.IGNORECASE)
# the words that may stand in such a bracket besides its periods
_TIME_BRACKET_WORDS = regex.compile(
    r"(?<!\p{L})(?:và|hoặc|các|những|thường[ ]xuyên|hằng|hàng|năm|tháng|quý|định[ ]kỳ|tiếp[ ]theo|liên[ ]tục|kiện[ ]toàn"
    r"|bổ[ ]sung|duy[ ]trì|triển[ ]khai|thực[ ]hiện)(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _time_bracket(text: str, ref_date: str | None, context_year: int | None, out: list[DeadlineSpan],
                  taken: list[tuple[int, int]]) -> None:
    """The due time of a bracket closing a sentence that holds only times (``_TIME_BRACKET``), added to ``out``."""
    for m in _TIME_BRACKET.finditer(text, timeout=rx_timeout(text)):
        inner = m.group("in")
        got = find_deadlines(inner, ref_date, in_time_column=True, context_year=context_year)
        if not got:
            continue
        rest = inner
        for d in sorted(got, key=lambda d: -d.start):
            rest = rest[:d.start] + " " + rest[d.end:]
        rest = _TIME_BRACKET_WORDS.sub(" ", rest, timeout=RX_TIMEOUT)
        if any(c.isdigit() for c in rest) or len(regex.findall(r"\p{L}+", rest, timeout=RX_TIMEOUT)) > 2:
            continue  # other words than times ("(năm 2026 đạt 95%)"): what the bracket says is no task's time
        last = max(got, key=lambda d: (d.deadline.date or "", d.start))
        if last.deadline.kind == "quarter" and last.deadline.inferred_year and _YEARLY_BEFORE.search(
                text[max(0, m.start() - 30):m.start() + 1], timeout=RX_TIMEOUT):
            taken.append((m.start(), m.end()))
            continue  # "định kỳ hằng năm (quý IV)": the quarter of every year, a recurrence
        off = m.start("in")
        out.append(DeadlineSpan(off + last.start, off + last.end, last.deadline))
        taken.append((m.start(), m.end()))


def _bare_months(text: str, ref_date: str | None, dates: list[DateSpan], context_year: int | None, in_time_column: bool,
                 out: list[DeadlineSpan], taken: list[tuple[int, int]]) -> None:
    """The months written without their year (``_BARE_MONTH``) that are due dates, added to ``out``."""
    for m in _BARE_MONTH.finditer(text, timeout=rx_timeout(text)):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        trig = m.group("trig") or ""
        if not trig and not (in_time_column and _FRONT_BEFORE.fullmatch(text[:m.start()], timeout=RX_TIMEOUT)):
            continue  # no time word: a month named ("lễ hội tháng 3"), not a limit
        before = text[max(0, m.start() - 60):m.start()]
        if (_NOT_DUE_IN_TIME_CELL if in_time_column else _NOT_DUE_BEFORE).search(before, timeout=RX_TIMEOUT) \
                or _PAST_BEFORE.search(text[max(0, m.start() - 14):m.start()], timeout=RX_TIMEOUT) \
                or covered_period_at(text, m.start()) \
                or trig and not in_time_column and _until_not_due(text, m.start(), trig, m.end()):
            continue  # a cut-off, a done task, the period a report covers, how long something lasts
        if open_ended_at(text, m.end()):
            taken.append((m.start(), m.end()))
            continue  # "trong tháng 4 và thời gian tới": a start
        year = _ref_year(ref_date) or _context_year(text, dates, m.start()) or context_year
        if year is None:
            continue
        month = int(m.group("m"))
        if regex.search(r"(?i)trước[ ]*$", trig, timeout=RX_TIMEOUT):
            month -= 1  # "trước tháng 9": before September begins, by the end of August
            if month == 0:
                month, year = 12, year - 1
        iso = _month_end(year, month)
        if ref_date and len(ref_date) == 10 and iso < ref_date and int(ref_date[5:7]) - month >= 2:
            iso = _month_end(year + 1, month)  # "trong tháng 2" in a letter of December: next February
        out.append(DeadlineSpan(m.start(), m.end(), Deadline(date=iso, text=m.group(0).strip(), kind="month",
                                                             inferred_year=True)))
        taken.append((m.start(), m.end()))

# the end of a range the sentence's report covers, then the report's own due date: "báo cáo số hộ nghèo phát sinh từ
# ngày 01/01 đến ngày 30/9/2027, gửi Sở … trước ngày 15/10/2027"
_RANGE_START_BEFORE = regex.compile(r"(?<!\p{L})từ[ ]+(?:ngày[ ]+)?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?[ ]*$",
                                    regex.V1 | regex.IGNORECASE)
_REPORT_WORD = regex.compile(r"(?<!\p{L})(?:báo[ ]cáo|tổng[ ]hợp|thống[ ]kê)(?!\p{L})", regex.V1 | regex.IGNORECASE)
_LIMIT_WORD = regex.compile(r"(?<!\p{L})(?:trước|chậm[ ]nhất|muộn[ ]nhất|hạn[ ]chót|hạn[ ]cuối|không[ ]quá)(?!\p{L})",
                            regex.V1 | regex.IGNORECASE)


_TO_WORD = regex.compile(r"(?:đến|tới)\b", regex.IGNORECASE)


def _drop_covered_ranges(text: str, out: list[DeadlineSpan]) -> list[DeadlineSpan]:
    """The due dates of ``out`` (in order) without the end of a range that a report covers: a range ("từ … đến …")
    in the object of a report verb, with the report's own limit ("trước ngày …") after it in the same sentence.
    (GUIDELINES: the periods a report covers are no deadlines.)"""
    keep = []
    for i, d in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (nxt is not None and _TO_WORD.match(d.deadline.text, timeout=RX_TIMEOUT)
                and not any(c in text[d.end:nxt.start] for c in ".;!?\n")
                and _LIMIT_WORD.search(nxt.deadline.text, timeout=RX_TIMEOUT)):
            rs = _RANGE_START_BEFORE.search(text[max(0, d.start - 45):d.start], timeout=RX_TIMEOUT)
            if rs is not None:
                at = max(0, d.start - 45) + rs.start()
                cut = max(text.rfind(c, max(0, at - 200), at) for c in ".;!?\n") + 1
                if _REPORT_WORD.search(text[max(cut, at - 200):at], timeout=RX_TIMEOUT):
                    continue
        keep.append(d)
    return keep


# how far before the document's own date a written due date may fall (a document is now and then signed a few weeks
# after a date it sets); a date a year or more before it is a past event the text narrates, never a due date it sets
_STALE_DAYS = 365


# a sentence telling of a dated past act: "Ngày 19 tháng 9 năm 2025, Văn phòng … có văn bản … yêu cầu …", "Ngày 01/7/2025,
# Bộ X ban hành Thông tư … trong đó quy định …"
_PAST_ACT_OPEN = regex.compile(r"^[ ]*(?:[-–+•*][ ]*)?(?:Ngày|Vào[ ]ngày|Tại[ ]văn[ ]bản[^,]{0,40}?ngày)[ ]+"
                               r"(?P<d>\d{1,2})(?:[ ]*[/.\-][ ]*|[ ]+tháng[ ]+)(?P<m>\d{1,2})(?:[ ]*[/.\-][ ]*|[ ]+năm[ ]+)(?P<y>(?:19|20)\d{2})"
                               r"[ ]*,", regex.V1 | regex.IGNORECASE)
# a state reached by a date, right after it: "đến ngày 23/9/2025 mới có 29 tỉnh …", "đến ngày 30/9 vẫn chưa …"
_STATE_RIGHT_AFTER = regex.compile(r"[ ]*,?[ ]*(?:thì[ ]+)?(?:mới|vẫn|đã|chỉ|chưa)(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _told_of_past(text: str, d: DeadlineSpan, ref_date: str) -> bool:
    """Whether the due date ``d``, before the document's own date ``ref_date``, is one the text tells of: in a sentence
    that opens with a dated past act ("Ngày 19/9/2025, Văn phòng … có văn bản … báo cáo trước ngày 30/9/2025"), or
    with a state reached by it right after it ("đến ngày 23/9/2025 mới có 29 tỉnh báo cáo")."""
    if not d.deadline.date or d.deadline.date >= ref_date:
        return False
    if _STATE_RIGHT_AFTER.match(text, d.end, timeout=RX_TIMEOUT):
        return True
    m = _PAST_ACT_OPEN.match(text, timeout=RX_TIMEOUT)
    if m is None or m.end() > d.start:
        return False
    try:
        opened = _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return False
    return opened < ref_date


def _long_before(dl: Deadline, ref_date: str) -> bool:
    """Whether ``dl`` falls a year or more before the document's date ``ref_date`` (ISO): a date of the past the text
    tells of ("Giấy chứng nhận cấp ngày 31/3/2009 đến 31/3/2010 …" in a letter of 2012), no task's due date."""
    if dl.inferred_year or not dl.date:
        return False
    try:
        return (_dt.date.fromisoformat(ref_date) - _dt.date.fromisoformat(dl.date)).days >= _STALE_DAYS
    except ValueError:
        return False

