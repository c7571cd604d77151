"""Recurring tasks: the period a task repeats with, as an iCalendar RRULE.

Phrases (FORMATS.md §4.2, §4.4), with the text kept as written:

* "định kỳ 6 tháng, một năm", "định kỳ 06 tháng, hằng năm" → FREQ=MONTHLY;INTERVAL=6
  (a mid-year and an annual report);
* "hằng/hàng quý", "mỗi quý", "định kỳ hằng quý" → FREQ=MONTHLY;INTERVAL=3;
* "hằng/hàng tháng", "mỗi tháng" → FREQ=MONTHLY; "hằng/hàng năm", "mỗi năm",
  "định kỳ hằng năm" → FREQ=YEARLY; "hằng tuần" → FREQ=WEEKLY; "hằng ngày" → FREQ=DAILY;
* "định kỳ N tháng/tuần/năm" → that interval;
* "mỗi năm tổ chức từ 02 đến 03 đợt" → FREQ=YEARLY with the count in ``note``;
* "báo cáo định kỳ", "tiếp dân định kỳ" (no period) → rrule None, text kept;
* "thường kỳ" before a period reads as "định kỳ" ("thường kỳ hằng quý"; a bare "thường kỳ" names one
  meeting, "phiên họp thường kỳ tháng 10", and is not taken), "từng" as "hằng" ("từng quý");
* a yearly day written "15/4", "15-4", "15.4" or "15 tháng 4" before "hằng năm" gives one rule
  (BYMONTH=4;BYMONTHDAY=15).

Where the sentence is about a periodic report, ``note`` carries the data
cut-off and submission rule of Nghị định 09/2019/NĐ-CP (Điều 12, 13).

A "hằng năm" that closes a noun phrase ("xếp loại … hàng năm", "giảm tỷ lệ
trễ hẹn … hằng năm") qualifies that noun, not a task: only a period at the
start of a clause, or introduced by "định kỳ", or right before/after a task
verb, is taken.

``find_recurrences(text) -> list[RecurrenceSpan]``
"""

from __future__ import annotations

from dataclasses import dataclass

from core import regex_cached as regex

from core.model import Obligation, Recurrence
from core.textutil import RX_TIMEOUT, fold, rx_timeout

_NUM_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "mười hai": 12}
_UNIT_FREQ = {"ngày": ("DAILY", 1), "tuần": ("WEEKLY", 1), "tháng": ("MONTHLY", 1), "quý": ("MONTHLY", 3),
              "năm": ("YEARLY", 1)}

_EACH = r"(?:hằng|hàng|mỗi|từng)"
_PERIOD = r"(?P<unit>ngày|tuần|tháng|quý|năm)"
_NUM = r"(?P<n>\d{1,2}|một|hai|ba|bốn|sáu|mười[ ]hai)"

_PATTERNS = [
    # định kỳ 6 tháng, một năm / định kỳ 06 tháng và hằng năm
    ("six_year", regex.compile(
        r"(?:(?:định|thường)[ ]kỳ[ ]+)?0?6[ ]+tháng[ ]*(?:,|và|/)[ ]*(?:một|01|1|hằng|hàng|cả|cuối)[ ]+năm(?!\p{L})(?![ ]*(?:19|20)\d\d)",
        regex.V1 | regex.IGNORECASE)),
    # mỗi năm (tổ chức) (ít nhất|từ) 02 (đến 03) đợt/lần
    ("times", regex.compile(
        r"(?:mỗi|hằng|hàng)[ ]+năm[ ]+(?:(?P<verb>[\p{Ll}]+(?:[ ][\p{Ll}]+)?)[ ]+)??(?:ít[ ]nhất[ ]+|từ[ ]+)?"
        r"(?P<a>\d{1,2})(?:[ ]*(?:đến|-|–)[ ]*(?P<b>\d{1,2}))?[ ]+(?:đợt|lần|cuộc|buổi|hoạt[ ]động)",
        regex.V1 | regex.IGNORECASE)),
    # "chậm nhất là ngày 31/12 năm trước liền kề", "trước ngày 05 của tháng liền kề": a time in the period
    # next to the one the task is for, so the task comes round every period
    # ("chậm nhất ngày 05 của tháng sau", "trước ngày 10 của quý tiếp theo", "chậm nhất 10 ngày của tháng kế tiếp": the same
    # with "của" naming a day of the month or quarter after each one; "vào tháng sau" alone names one month, and "ngày
    # 31/01 của năm sau" in a letter is as often one date of next year)
    ("adjacent", regex.compile(
        r"(?:ngày[ ]+(?P<d>\d{1,2})(?:[ ]*/[ ]*(?P<m>\d{1,2}))?"
        r"|(?<=(?:(?:chậm|muộn)[ ]nhất|trước|trong)(?:[ ]là)?[ ]+)(?P<d>\d{1,2})[ ]+ngày(?:[ ]+đầu)?)[ ]+"
        r"(?:(?:của[ ]+)?(?P<unit>năm|tháng|quý)[ ]+(?:trước[ ]+|sau[ ]+)?liền[ ]kề"
        r"|của[ ]+(?P<unit>tháng|quý)[ ]+(?:kế[ ]tiếp|tiếp[ ]theo|sau))(?!\p{L})",
        regex.V1 | regex.IGNORECASE)),
    # "trước ngày 15 của tháng", "vào ngày 05 mỗi tháng": a day of every month
    ("monthday", regex.compile(
        r"(?:(?:trước|chậm[ ]nhất(?:[ ]là)?|vào|trong)[ ]+)?ngày[ ]+(?P<d>\d{1,2})[ ]+(?:của[ ]+)?tháng"
        r"(?![ ]*(?:\d|[IVX]|này|sau|trước|tới|liền|đầu|cuối|năm))(?!\p{L})",
        regex.V1 | regex.IGNORECASE)),
    # "tháng cuối của mỗi quý", "trước ngày 25 tháng cuối quý", "ngày 05 tháng đầu quý sau": a month of every quarter
    ("qmonth", regex.compile(
        r"(?:(?:(?:trước|chậm[ ]nhất(?:[ ]là)?|vào|trong)[ ]+)?ngày[ ]+(?P<d>\d{1,2})[ ]+(?:của[ ]+)?"
        r"|(?:trước|vào|trong)[ ]+)?tháng[ ]+(?P<which>cuối|đầu)[ ]+(?:của[ ]+)?(?:(?:mỗi|hằng|hàng|các|từng)[ ]+)?quý"
        r"(?:[ ]+(?:sau|tiếp[ ]theo|liền[ ]kề|kế[ ]tiếp))?(?![ ]*(?:[IVX]+(?!\p{L})|\d))(?!\p{L})",
        regex.V1 | regex.IGNORECASE)),
    # "Cuối tháng, …", "vào cuối mỗi tuần": the end of every month or week (a clause's time, see below)
    ("end_of", regex.compile(
        r"(?<!\p{L})(?:vào[ ]+)?cuối[ ]+(?:(?:mỗi|hằng|hàng|từng|các)[ ]+)?(?P<unit>tháng|tuần)"
        r"(?![ ]*(?:\d|này|sau|trước|tới|đó|[IVX]+(?!\p{L})))(?!\p{L})",
        regex.V1 | regex.IGNORECASE)),
    # "6 tháng một lần", "03 tháng/lần", "(ít nhất) 2 tuần/1 lần": one time per N periods
    ("per", regex.compile(
        # ("hai năm tổ chức một lần": the verb of what is done may stand between)
        r"(?:(?:định|thường)[ ]kỳ[ ]+)?(?:(?:ít[ ]nhất|tối[ ]thiểu)[ ]+)?" + _NUM + r"[ ]+" + _PERIOD
        + r"(?:[ ]*/[ ]*(?:(?:1|01|một)[ ]+)?|(?P<verb>(?:[ ]+\p{Ll}+){1,2}?)?[ ]+(?:1|01|một)[ ]+)lần(?!\p{L})",
        regex.V1 | regex.IGNORECASE)),
    # "2 lần/tháng", "1 buổi/1 tuần", "một lần mỗi năm", "02 đợt trong một năm": a count per period
    ("count", regex.compile(
        r"(?:(?:ít[ ]nhất|tối[ ]thiểu|tối[ ]đa)[ ]+)?(?P<a>\d{1,2}|một|hai|ba|bốn)[ ]+(?:lần|buổi|đợt|cuộc|kỳ)"
        r"(?:[ ]*/[ ]*|[ ]+(?:mỗi|trên|trong(?:[ ]+(?:1|01|một))?|một)[ ]+)(?:(?:1|01)[ ]+)?" + _PERIOD + r"(?!\p{L})",
        regex.V1 | regex.IGNORECASE)),
    # định kỳ N tháng / định kỳ hằng quý / hằng năm
    # (never a rate of lateness: "mỗi ngày trễ trừ 5%", "mỗi tháng chậm nộp", "mỗi ngày quá hạn" say what a delay costs)
    ("every", regex.compile(
        r"(?:(?:định|thường)[ ]kỳ[ ]+)?(?:" + _EACH + r"[ ]+" + _PERIOD + r"|(?<=(?:định|thường)[ ]kỳ[ ]+)" + _NUM + r"[ ]+" + _PERIOD.replace("unit", "unit2") + r")(?!\p{L})"
        r"(?![ ]+(?:trễ|chậm|quá[ ]hạn)(?!\p{L}))",
        regex.V1 | regex.IGNORECASE)),
    ("every_n", regex.compile(r"(?:định|thường)[ ]kỳ[ ]+" + _NUM + r"[ ]+" + _PERIOD + r"(?!\p{L})", regex.V1 | regex.IGNORECASE)),
    # "báo cáo kết quả theo quý": by the period, as "hằng quý" (same reading rules)
    ("by", regex.compile(r"(?<!\p{L})theo[ ]+(?:từng[ ]+)?" + _PERIOD + r"(?!\p{L})(?![ ]*(?:\d|[IVX]+(?!\p{L})))"
                         r"(?![ ]+(?:học|tài[ ]chính|dương[ ]lịch|âm[ ]lịch|này|nay|trước|sau|tới|đó|đầu|cuối))",
                         regex.V1 | regex.IGNORECASE)),
    # a periodic report named by its period ("báo cáo tháng gửi trước ngày 22", "báo cáo 6 tháng, báo cáo năm", "báo cáo
    # 6 tháng trước ngày 15/6"), never the report of one period ("báo cáo tháng 11", "báo cáo năm 2025", "báo cáo quý
    # này", "báo cáo năm trước")
    ("report", regex.compile(r"(?<!\p{L})(?:báo[ ]cáo|BC)[ ]+(?:(?:sơ|tổng)[ ]kết[ ]+)?(?:(?P<six>0?6[ ]tháng)|" + _PERIOD + r")(?!\p{L})"
                             r"(?![ ]*(?:\d|[IVX]+(?!\p{L})|/))(?![ ]+(?:học|tài[ ]chính|này|nay|trước(?![ ]+(?:ngày|\d))|sau|tới|đó|qua|đầu|cuối|năm))",
                             regex.V1 | regex.IGNORECASE)),
    # "sau mỗi đợt", "đối với từng đợt", "mỗi học kỳ": every round of an event that comes back, with no calendar rule
    # (the preposition before it, "sau", "đối với", is taken into its words below)
    ("round", regex.compile(r"(?<!\p{L})(?:mỗi|từng)[ ]+(?:đợt|học[ ]kỳ|năm[ ]học|khóa[ ]học)(?!\p{L})(?![ ]*\d)",
                            regex.V1 | regex.IGNORECASE)),
    # định kỳ (no period)
    ("plain", regex.compile(r"định[ ]kỳ(?![ ]+(?:\d|một|hai|ba|bốn|sáu|hằng|hàng|mỗi))(?!\p{L})",
                            regex.V1 | regex.IGNORECASE)),
]

# a word each pattern cannot match without (lower case): the patterns whose word the text lacks are skipped
_NEEDS = {
    "six_year": ("tháng",), "times": ("năm",), "adjacent": ("liền", "tiếp", "sau"), "monthday": ("tháng",), "qmonth": ("quý",),
    "end_of": ("cuối",), "per": ("lần",), "count": ("lần", "buổi", "đợt", "cuộc", "kỳ"),
    # ("định kỳ" as the patterns write it, one space between: "định" alone is in every "quyết định", "quy định")
    "every": ("hằng", "hàng", "mỗi", "từng", "định kỳ", "thường kỳ"), "every_n": ("định kỳ", "thường kỳ"), "by": ("theo",), "report": ("báo", "bc"), "round": ("mỗi", "từng"), "plain": ("định kỳ",),
}

_CLAUSE_START = regex.compile(r"(?:^|[.;:!?(]|,|\s[-–+•])\s*$", regex.V1)
_REPORT = regex.compile(r"(?i)\bbáo[ ]cáo\b|\bchế[ ]độ[ ]thông[ ]tin\b", regex.V1)

ND09_NOTES = {
    "MONTHLY1": "Nghị định 09/2019/NĐ-CP: số liệu chốt từ ngày 15 tháng trước đến ngày 14 của tháng báo cáo (Điều 12).",
    "MONTHLY3": "Nghị định 09/2019/NĐ-CP: số liệu quý chốt từ ngày 15 của tháng trước kỳ đến ngày 14 của tháng cuối quý "
                "(Điều 12); gửi chậm nhất ngày 25 của tháng cuối kỳ nếu không có quy định khác (Điều 13).",
    "MONTHLY6": "Nghị định 09/2019/NĐ-CP: 6 tháng đầu năm chốt 15/12 năm trước - 14/6, báo cáo năm chốt 15/12 năm trước "
                "- 14/12 (Điều 12); gửi chậm nhất ngày 25 của tháng cuối kỳ nếu không có quy định khác (Điều 13).",
    "YEARLY1": "Nghị định 09/2019/NĐ-CP: số liệu năm chốt từ ngày 15/12 năm trước đến ngày 14/12 (Điều 12); gửi chậm "
               "nhất ngày 25/12 nếu không có quy định khác (Điều 13).",
}


@dataclass(slots=True)
class RecurrenceSpan:
    start: int
    end: int
    recurrence: Recurrence


def _n(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _NUM_WORDS.get(raw)


def _rrule(freq: str, interval: int) -> str:
    return f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")


def _clause_initial(text: str, start: int) -> bool:
    if 0 < start <= 4 and text[:start].strip() in ("-", "–", "+", "•", "*"):
        return True  # "- Hằng năm, …": a bullet opens the line
    return bool(_CLAUSE_START.search(text[max(0, start - 3):start] if start else "", timeout=RX_TIMEOUT)) or start == 0


class _Taken:
    """The spans already read, as a mask of positions: testing a match for overlap costs its
    length, not the number of spans before it (a list scanned for each match was quadratic:
    "định kỳ hàng tháng " × 8,000 in one sentence timed out)."""

    def __init__(self, n: int) -> None:
        self.mask = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        if e > s:
            self.mask[s:e] = b"\x01" * (e - s)

    def overlaps(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) != -1


def find_recurrences(text: str) -> list[RecurrenceSpan]:
    """Recurring periods in ``text`` that qualify a task (see module doc)."""
    _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    if not text:
        return []
    found: list[RecurrenceSpan] = []
    taken = _Taken(len(text))
    is_report = bool(_REPORT.search(text, timeout=_tm))
    low = text.lower()
    for kind, rx in _PATTERNS:
        if not any(w in low for w in _NEEDS[kind]):
            continue  # the pattern's own word is nowhere in the text: no regex scan
        for m in rx.finditer(text, timeout=RX_TIMEOUT):
            if taken.overlaps(m.start(), m.end()):
                continue
            phrase = m.group(0)
            periodic = fold(phrase).startswith(("dinh ky", "thuong ky"))
            note = None
            if kind == "six_year":
                rrule, key = _rrule("MONTHLY", 6), "MONTHLY6"
            elif kind == "times":
                a, b = int(m.group("a")), m.group("b")
                rrule, key = "FREQ=YEARLY", None
                note = f"{a}" + (f"–{int(b)}" if b else "") + " lần mỗi năm"
            elif kind == "adjacent":
                unit = m.group("unit").lower()
                freq, base = _UNIT_FREQ[unit]
                rrule, key = _rrule(freq, base), None
                day, month = int(m.group("d")), int(m.group("m")) if m.group("m") else None
                if unit == "năm" and month and 1 <= month <= 12 and 1 <= day <= 31:
                    rrule += f";BYMONTH={month};BYMONTHDAY={day}"
                elif unit == "tháng" and not month and 1 <= day <= 31:
                    rrule += f";BYMONTHDAY={day}"
                # the phrase as written from its deadline word ("chậm nhất là ngày …", "Trước ngày …")
                lead = regex.search(r"(?:(?:chậm|muộn)[ ]nhất(?:[ ]là)?|trước|hạn[ ]chót(?:[ ]là)?)[ ]+$",
                                    text[max(0, m.start() - 20):m.start()], flags=regex.V1 | regex.IGNORECASE,
                                    timeout=RX_TIMEOUT)
                start = m.start() - (len(lead.group(0)) if lead else 0)
                found.append(RecurrenceSpan(start, m.end(), Recurrence(text=text[start:m.end()].strip(), rrule=rrule)))
                taken.append((start, m.end()))
                continue
            elif kind == "monthday":
                day = int(m.group("d"))
                if not 1 <= day <= 31:
                    continue
                found.append(RecurrenceSpan(m.start(), m.end(), Recurrence(text=phrase.strip(),
                                                                         rrule=f"FREQ=MONTHLY;BYMONTHDAY={day}")))
                taken.append((m.start(), m.end()))
                continue
            elif kind == "qmonth":
                months = "3,6,9,12" if m.group("which").lower() == "cuối" else "1,4,7,10"
                rrule = f"FREQ=MONTHLY;BYMONTH={months}"
                if m.group("d") and 1 <= int(m.group("d")) <= 31:
                    rrule += f";BYMONTHDAY={int(m.group('d'))}"
                found.append(RecurrenceSpan(m.start(), m.end(), Recurrence(text=phrase.strip(), rrule=rrule)))
                taken.append((m.start(), m.end()))
                continue
            elif kind == "end_of":
                # a time of every period only where it stands as the clause's time or by a task verb: "cuối
                # tháng" inside a noun phrase ("số liệu cuối tháng") names one period
                each = regex.search(r"(?:mỗi|hằng|hàng|từng|các)[ ]", phrase, flags=regex.IGNORECASE, timeout=RX_TIMEOUT)
                if not each and not _clause_initial(text, m.start()) and not _near_verb(text, m):
                    continue
                unit = m.group("unit").lower()
                rrule = "FREQ=MONTHLY;BYMONTHDAY=-1" if unit == "tháng" else "FREQ=WEEKLY"
                found.append(RecurrenceSpan(m.start(), m.end(), Recurrence(text=phrase.strip(), rrule=rrule)))
                taken.append((m.start(), m.end()))
                continue
            elif kind == "per":
                if m.group("verb") and periodic:
                    continue  # "định kỳ 2 tháng kiểm tra một lần": "định kỳ 2 tháng" is read as such below
                unit = m.group("unit").lower()
                n = _n(m.group("n"))
                if not n:
                    continue
                freq, base = _UNIT_FREQ[unit]
                rrule, key = _rrule(freq, base * n), f"{freq}{base * n}"
            elif kind == "count":
                unit = m.group("unit").lower()
                a = _n(m.group("a"))
                if not a:
                    continue
                freq, base = _UNIT_FREQ[unit]
                rrule, key = _rrule(freq, base), None
                note = f"{a} lần mỗi {unit}"
            elif kind in ("every", "every_n"):
                unit = (m.groupdict().get("unit") or m.groupdict().get("unit2") or "").lower()
                if unit not in _UNIT_FREQ:
                    continue
                freq, base = _UNIT_FREQ[unit]
                n = _n(m.groupdict().get("n")) or 1
                interval = base * n
                rrule, key = _rrule(freq, interval), f"{freq}{interval}"
                count = _COUNT_AFTER.match(text, m.end(), timeout=_tm) if kind == "every" else None
                if count is not None:
                    phrase = text[m.start():count.end()]
                    found.append(RecurrenceSpan(m.start(), count.end(), Recurrence(text=phrase.strip(), rrule=rrule,
                                                                                 note=ND09_NOTES.get(key) if is_report else None)))
                    taken.append((m.start(), count.end()))
                    continue
                # "từng" closing a noun phrase breaks a thing down ("dự toán chi tiết từng quý"), unlike "hằng"
                distributive = fold(phrase).startswith("tung ")
                if not periodic and not _clause_initial(text, m.start()) and not _near_verb(text, m) \
                        and not _DAY_BEFORE.search(text[max(0, m.start() - 60):m.start()], timeout=RX_TIMEOUT) \
                        and not _day_after(text, m.end(), freq) \
                        and (distributive or not _task_clause_end(text, m)):
                    continue
                if not periodic and _clause_initial(text, m.start()) and _figure_clause(text, m.end()):
                    continue  # "Hằng năm, mỗi đơn vị có ít nhất 05 …", "Hằng năm, tỉnh đã tổ chức …": a target, a past habit
            elif kind == "by":
                unit = m.group("unit").lower()
                if not _near_verb(text, m) and not _task_clause_end(text, m):
                    continue  # "theo năm" qualifying a figure, no task
                freq, base = _UNIT_FREQ[unit]
                rrule, key = _rrule(freq, base), f"{freq}{base}"
            elif kind == "report":
                if _DATED_AFTER.match(text, m.end(), timeout=_tm):
                    continue  # "báo cáo năm gửi trước ngày 15/12/2025": this year's report, one due date
                if _RULE_AFTER.match(text, m.end(), timeout=_tm):
                    continue  # "Báo cáo tháng gửi trước ngày 18 của tháng": the rule written after it is read
                if m.group("six"):
                    rrule, key = _rrule("MONTHLY", 6), "MONTHLY6"
                else:
                    freq, base = _UNIT_FREQ[m.group("unit").lower()]
                    if freq == "DAILY":
                        continue
                    rrule, key = _rrule(freq, base), f"{freq}{base}"
            elif kind == "round":
                prep = _ROUND_PREP.search(text, max(0, m.start() - 12), m.start(), timeout=_tm)
                at = prep.start() if prep else m.start()
                if not _clause_initial(text, at) and not _near_verb(text, m) and not _task_clause_end(text, m):
                    continue  # "mỗi đợt có 50 học viên": a description, no task that comes round
                found.append(RecurrenceSpan(at, m.end(), Recurrence(text=text[at:m.end()].strip(), rrule=None)))
                taken.append((at, m.end()))
                continue
            else:
                rrule, key = None, None
            if is_report and key in ND09_NOTES:
                note = ND09_NOTES[key] if note is None else f"{note}; {ND09_NOTES[key]}"
            found.append(RecurrenceSpan(m.start(), m.end(), Recurrence(text=phrase.strip(), rrule=rrule, note=note)))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    found = _merge_plain(text, found)
    for r in found:
        _refine(text, r)
    found = [r for r in found if not _in_cited_title(text, r)]
    return _merge_adjacent(text, found)


# a cited document with what it is about ("Kế hoạch số 45/KH-UBND … về kiểm tra định kỳ hằng năm …", "Thông tư số
# 12/2024/TT-BTC quy định chế độ báo cáo định kỳ hằng tháng", "Chỉ thị số 05/CT-TTg về … báo cáo hằng quý"): its number
# and symbol, a title word, then the period with no clause break between (no ".", ";", ":", nor a comma before a name
# or a "các …" that opens the sentence's own clause)
_CITED_TITLE = regex.compile(
    r"(?<![\p{L}\d/])\d{1,5}(?:/\d{4})?/\p{Lu}[\p{L}\d.\-&]*"
    r"(?:(?!,[ ]*(?:\p{Lu}|(?:các|những|mỗi|từng)[ ]))[^.;:\n]){0,120}?(?<!\p{L})(?:về|quy[ ]định|hướng[ ]dẫn|ban[ ]hành"
    r"|phê[ ]duyệt)(?!\p{L})(?:(?!,[ ]*(?:\p{Lu}|(?:các|những|mỗi|từng)[ ]))[^.;:\n])*$", regex.V1)
_DAY_RULE = regex.compile(r"(?:(?:trước|chậm[ ]nhất(?:[ ]là)?|vào|trong)[ ]+)?(?:ngày|thứ)[ ]", regex.V1 | regex.IGNORECASE)


def _in_cited_title(text: str, r: RecurrenceSpan) -> bool:
    """Whether the recurrence ``r`` stands in the title of a document the sentence cites: the cited paper's period, no
    task's.  A rule with its day ("trước ngày 20 hằng tháng"), or one opening a clause, is the task's time even there."""
    if _DAY_RULE.match(r.recurrence.text or "", timeout=RX_TIMEOUT) or not any(c.isdigit() for c in text[max(0, r.start - 200):r.start]):
        return False
    if _clause_initial(text, r.start):
        return False  # "… về việc khắc phục … (IUU), định kỳ báo cáo Thủ tướng …": the title has ended at the comma
    before = text[max(0, r.start - 200):r.start]
    return _CITED_TITLE.search(before, timeout=RX_TIMEOUT) is not None


# a date with its year later in the same clause
_DATED_AFTER = regex.compile(r"[^.;\n]{0,80}?(?:\d{1,2}[ ]*[/.\-][ ]*\d{1,2}[ ]*[/.\-][ ]*(?:19|20)?\d{2}(?!\d)|năm[ ]+(?:19|20)\d{2})",
                             regex.V1 | regex.IGNORECASE)
# the preposition of a round ("sau mỗi đợt", "đối với từng đợt")
_ROUND_PREP = regex.compile(r"(?<!\p{L})(?:sau|trước|trong|cho|vào|đối[ ]với)[ ]+$", regex.V1 | regex.IGNORECASE)
# a recurring rule later in the same clause
_RULE_AFTER = regex.compile(r"[^.;\n]{0,60}?(?<!\p{L})(?:hằng|hàng|mỗi|từng|(?:định|thường)[ ]kỳ|liền[ ]kề|của[ ]tháng|tháng[ ](?:cuối|đầu))(?!\p{L})",
                            regex.V1 | regex.IGNORECASE)
_JOINT = regex.compile(r"[ ]*[(:][ ]*", regex.V1)  # an elaboration in brackets or after a colon


def _merge_adjacent(text: str, found: list[RecurrenceSpan]) -> list[RecurrenceSpan]:
    """A period and its day written side by side are one recurrence: "Hằng quý (trước ngày 20 tháng cuối
    quý)" is quarterly on the 20th of the quarter's last month, not two recurrences."""
    out: list[RecurrenceSpan] = []
    for r in found:
        prev = out[-1] if out else None
        if prev is not None and prev.recurrence.rrule and r.recurrence.rrule \
                and _JOINT.fullmatch(text, prev.end, r.start, timeout=rx_timeout(text)):
            end = r.end
            if "(" in text[prev.end:r.start] and text[end:end + 1] == ")":
                end += 1
            specific = r if r.recurrence.rrule.count(";") > prev.recurrence.rrule.count(";") else prev
            notes = [x for x in (prev.recurrence.note, r.recurrence.note) if x]
            prev.recurrence = Recurrence(text=text[prev.start:end].strip(), rrule=specific.recurrence.rrule,
                                         note="; ".join(dict.fromkeys(notes)) or None)
            prev.end = end
            continue
        out.append(r)
    return out


# "thứ Sáu hằng tuần", "ngày 25 hằng tháng", "từ ngày 01 đến 03 mỗi tháng", "tháng 01 hằng năm", "ngày 20/11 hằng
# năm", "tháng cuối của mỗi quý": a time that comes round
_DAY_BEFORE = regex.compile(r"(?:thứ[ ]+\p{L}+|ngày[ ]+(?:\d{1,2}(?:[ ]*/[ ]*\d{1,2})?[ ]*(?:,|và|đến|tới|-|–)[ ]*(?:ngày[ ]+)?){0,6}\d{1,2}"
                            r"(?:[ ]*[/.\-][ ]*\d{1,2})?(?:[ ]+của)?|tháng[ ]+\d{1,2}"
                            r"|tháng[ ]+(?:cuối|đầu)(?:[ ]+của)?"
                            # ("trước 15/12 hằng năm", "chậm nhất 30/6 và 31/12 hằng năm": days written bare after a limit)
                            r"|(?<!\p{L})(?:trước|(?:chậm|muộn)[ ]nhất(?:[ ]là)?|vào)[ ]+(?:\d{1,2}[ ]*/[ ]*\d{1,2}[ ]*(?:,|và)[ ]*){0,6}"
                            r"\d{1,2}[ ]*/[ ]*\d{1,2}"
                            # ("quý IV hằng năm": a quarter of every year)
                            r"|quý[ ]+(?:IV|III|II|I|[1-4])(?!\p{L}))[ ,]*$", regex.V1 | regex.IGNORECASE)
# the count after a period: "mỗi tháng 1 lần", "mỗi tuần/1 lần", "hằng năm hai đợt"
_COUNT_AFTER = regex.compile(r"[ ]*(?:/[ ]*)?(?:(?:ít[ ]nhất|tối[ ]thiểu)[ ]+)?(?:\d{1,2}|một|hai|ba|bốn)[ ]+(?:lần|buổi|đợt)"
                             r"(?!\p{L})", regex.V1 | regex.IGNORECASE)
# "ngày 20/11 hằng năm", "ngày 15/6 và 15/12 hằng năm" (the dates listed before the last in ``list``)
# (a day and its month written "15/4", "15-4", "15.4" or "15 tháng 4": one rule for every form)
_DM_SEP = r"(?:[ ]*[/.\-][ ]*|[ ]+tháng[ ]+)"
# (or written bare after a limit word: "trước 15/12 hằng năm", "chậm nhất 30/6 và 31/12 hằng năm")
_BYDATE = regex.compile(r"(?:ngày[ ]+|(?<=(?:trước|nhất|là|vào)[ ]+)(?=\d{1,2}[ ]*/))(?P<list>(?:\d{1,2}" + _DM_SEP + r"\d{1,2}[ ]*(?:,|và)[ ]*(?:ngày[ ]+)?){0,6})"
                        r"(?P<d>\d{1,2})" + _DM_SEP + r"(?P<m>\d{1,2})[ ]+$", regex.V1 | regex.IGNORECASE)
_DAY_MONTH = regex.compile(r"(\d{1,2})" + _DM_SEP + r"(\d{1,2})", regex.V1 | regex.IGNORECASE)
# a period closing the noun phrase of a task ("… tổng hợp báo cáo tình hình dịch bệnh hằng tháng.")
_TASK_WORD_ALT = (r"báo[ ]cáo|tổng[ ]hợp|gửi|nộp|kiểm[ ]tra|rà[ ]soát|tổ[ ]chức|cập[ ]nhật|đánh[ ]giá|thống[ ]kê|họp|"
                  r"sơ[ ]kết|theo[ ]dõi|giám[ ]sát|công[ ]bố|công[ ]khai|ban[ ]hành|xây[ ]dựng|triển[ ]khai|khảo[ ]sát|"
                  r"thanh[ ]tra|tập[ ]huấn|tuyên[ ]truyền|sinh[ ]hoạt|giao[ ]ban|lập|bồi[ ]dưỡng|phê[ ]duyệt|"
                  # verbs of funding, allotting, submitting and giving ("bố trí kinh phí hằng năm", "tặng quà … hằng năm")
                  r"bố[ ]trí|cân[ ]đối|phân[ ]bổ|trình|tặng|điều[ ]tra|khảo[ ]sát|chi[ ]trả|quyết[ ]toán")
_TASK_WORDS = regex.compile(r"\b(?:" + _TASK_WORD_ALT + r")\b", regex.V1 | regex.IGNORECASE)
# what may follow a period that closes a task's object: punctuation, the end, a report verb after a comma, or
# the adjuncts of the task (its purpose, beneficiary, place, manner: "… hằng năm cho giáo viên", "… để phòng dịch")
_CLAUSE_END = regex.compile(r"^[ ]*(?:[.;:()/]|$"
                            # a comma then the next verb phrase of the task ("rà soát … hằng tuần, kịp thời báo cáo …",
                            # "cân đối kinh phí hằng năm, ưu tiên cho …"), never a list of periods or spans ("chỉ tiêu
                            # hằng năm, 5 năm", "hằng quý, 6 tháng", "hằng năm, giai đoạn …")
                            r"|,[ ]*+(?!(?:\d|hằng|hàng|mỗi|từng|định[ ]kỳ|giai[ ]đoạn|trung[ ]hạn|dài[ ]hạn|ngắn[ ]hạn|năm|quý"
                            r"|tháng|tuần|ngày|sáu|cả)(?!\p{L}))\p{Ll}"
                            # its adjuncts: purpose, beneficiary, place, time, manner ("… hằng năm cho giáo viên", "… để
                            # phòng dịch", "báo cáo nhanh hằng ngày trong thời gian có dịch")
                            r"|(?:để|nhằm|cho|trên|tại|theo|với|giữa|đúng|bảo[ ]đảm|đảm[ ]bảo|của|trong)(?!\p{L})"
                            # the occasion or time it is done at ("… hằng năm vào dịp tổng kết năm học", "… vào cuối quý")
                            r"|vào[ ]+(?:dịp|thời[ ]điểm|ngày|tháng|quý|tuần|đầu|cuối|giữa|trước|sau|kỳ|buổi|thứ)(?!\p{L})"
                            # where the report goes ("… hằng tháng về UBND huyện", "… hằng quý lên Sở Y tế")
                            r"|(?:về|lên|đến|tới)[ ]+(?:\p{Lu}|các[ ]|cơ[ ]quan|đơn[ ]vị|phòng[ ]|sở[ ]|ban[ ]|phần[ ]mềm|hệ[ ]thống)"
                            # "và" joining another task ("… hằng năm và công bố kết quả"), not another noun
                            # ("chỉ tiêu hằng năm và giai đoạn")
                            r"|(?:và|hoặc)[ ]+(?:" + _TASK_WORD_ALT + r")(?!\p{L})"
                            # the topic of what is done each period ("báo cáo hằng năm về thị trường")
                            r"|về(?!\p{L}))", regex.V1)
# the longer span of the same plan after the period ("xây dựng kế hoạch … hằng năm và giai đoạn 5 năm", "… hằng năm và 5
# năm"): the period then closes the name of a document made every period (below), not a target ("chỉ tiêu hằng năm và
# giai đoạn")
_SPAN_AFTER = regex.compile(r"^[ ]*(?:và|hoặc)[ ]+(?:giai[ ]đoạn|dài[ ]hạn|trung[ ]hạn|(?:\d{1,2}|năm|ba|mười)[ ]năm)(?!\p{L})",
                            regex.V1)
_PERIODIC_PAPER = regex.compile(r"(?<!\p{L})(?:kế[ ]hoạch|báo[ ]cáo|dự[ ]toán|chương[ ]trình)(?!\p{L})[^.;:()]{0,60}$",
                                regex.V1 | regex.IGNORECASE)


# the periodic paper named right before the period ("xây dựng kế hoạch hằng năm đào tạo …", "lập dự toán hằng năm kinh phí
# …"): what follows is the paper's topic, and the task that makes it comes round with it
_PAPER_BEFORE = regex.compile(r"(?<!\p{L})(?:kế[ ]hoạch|báo[ ]cáo|dự[ ]toán|chương[ ]trình)[ ]+$", regex.V1 | regex.IGNORECASE)
# the paper a task puts something into or turns something into ("lồng ghép … vào kế hoạch … hằng năm", "cụ thể hóa …
# thành các đề án, kế hoạch 5 năm và hằng năm", "đưa … vào chỉ tiêu đánh giá … hằng năm"): the period is that paper's,
# and the task is done once
_INTO_PAPER = regex.compile(r"(?<!\p{L})(?<!hoàn[ ])(?:vào|thành)[ ]+(?:(?:các|những|trong)[ ]+)?(?:kế[ ]hoạch|chương[ ]trình"
                            r"|chỉ[ ]tiêu|nội[ ]dung|dự[ ]toán|đề[ ]án|dự[ ]án|nhiệm[ ]vụ|quy[ ]hoạch|chiến[ ]lược|tiêu[ ]chí)(?!\p{L})",
                            regex.V1 | regex.IGNORECASE)

# a comma after that paper that opens the next verb phrase ("… vào kế hoạch, tổ chức kiểm tra hằng năm"), not the next
# paper of a list ("vào chương trình, kế hoạch hằng năm")
_NEXT_PHRASE = regex.compile(r",(?![ ]*(?:(?:các|những)[ ]+)?(?:kế[ ]hoạch|chương[ ]trình|đề[ ]án|dự[ ]án|chỉ[ ]tiêu|dự[ ]toán"
                             r"|quy[ ]hoạch|chiến[ ]lược)(?!\p{L}))", regex.V1 | regex.IGNORECASE)

# what a clause a period opens says when it states a figure, a target or a past habit rather than a task: "đã", "đạt",
# "tăng", "giảm", "chiếm", "bình quân", "có ít nhất / từ / trên …" before any task verb
_FIGURE_WORD = regex.compile(r"(?<!\p{L})(?:đã|đạt|tăng|giảm|chiếm|bình[ ]quân|có[ ]+(?:ít[ ]nhất|tối[ ]thiểu|từ|trên|khoảng|hơn))"
                             r"(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _figure_clause(text: str, end: int) -> bool:
    """Whether the clause after a period that opens it (from ``end`` to its ".", ";" or ":") states a figure, a target or
    a past habit ("Hằng năm, số hộ nghèo giảm 2%", "Hằng năm, tỉnh đã tổ chức …") before any task verb."""
    rest = regex.split(r"[.;:\n]", text[end:end + 160], maxsplit=1, timeout=RX_TIMEOUT)[0]
    fig = _FIGURE_WORD.search(rest, timeout=RX_TIMEOUT)
    if fig is None:
        return False
    verb = _TASK_WORDS.search(rest, timeout=RX_TIMEOUT)
    return verb is None or fig.start() < verb.start()


def _task_clause_end(text: str, m: regex.Match) -> bool:
    """"hằng tháng" ending the clause of a task verb (not a goal: "giảm tỷ lệ … hằng năm" has none)."""
    paper = _PAPER_BEFORE.search(text[max(0, m.start() - 20):m.start()], timeout=RX_TIMEOUT)
    if paper is None and not _CLAUSE_END.match(text[m.end():m.end() + 30], timeout=RX_TIMEOUT) and not (
            _SPAN_AFTER.match(text[m.end():m.end() + 30], timeout=RX_TIMEOUT)
            and _PERIODIC_PAPER.search(text[max(0, m.start() - 80):m.start()], timeout=RX_TIMEOUT)):
        return False
    start = max(0, m.start() - 120)
    clause = regex.split(r"[.;:]", text[start:m.start()], timeout=RX_TIMEOUT)[-1]
    verb = _TASK_WORDS.search(clause, timeout=rx_timeout(clause))
    if verb is None:
        return False
    if paper is not None and verb.end() > len(clause) - len(paper.group(0)):
        return False  # the paper's own word is the only verb found ("nội dung báo cáo hằng năm gồm …"): a noun
    into = _INTO_PAPER.search(clause, timeout=rx_timeout(clause))
    if into is not None and not _NEXT_PHRASE.search(clause, into.end(), timeout=rx_timeout(clause)):
        return False
    if regex.search(r"(?<!\p{L})(?:được|bị)[ ]+$", clause[:verb.start()], timeout=RX_TIMEOUT):
        return False  # a passive ("Kinh phí được bố trí trong dự toán hằng năm …"): the period qualifies its noun
    # the task verb heads the clause, not a purpose or a description ("… là tiêu chí để đánh giá, xếp loại … hằng năm")
    sub = _SUBORDINATE.search(clause, timeout=rx_timeout(clause))
    return sub is None or verb.start() < sub.start()


# (and the basis a sentence opens with: "Căn cứ vào khả năng cân đối ngân sách hằng năm, phối hợp …", "Trên cơ sở …")
_SUBORDINATE = regex.compile(r"\b(?:để|nhằm|là|của|về|trong[ ]những|đối[ ]với|theo|căn[ ]cứ|trên[ ]cơ[ ]sở|dựa[ ](?:trên|vào))\b",
                             regex.V1 | regex.IGNORECASE)
_WEEKDAYS = {"hai": "MO", "ba": "TU", "tư": "WE", "năm": "TH", "sáu": "FR", "bảy": "SA", "2": "MO", "3": "TU", "4": "WE",
             "5": "TH", "6": "FR", "7": "SA"}
_BYDAY = regex.compile(r"thứ[ ]+(?P<d>hai|ba|tư|năm|sáu|bảy|[2-7])[ ,]*$", regex.V1 | regex.IGNORECASE)
# "ngày 25 hằng tháng", "từ ngày 01 đến 03 mỗi tháng" (due at the range's end), "ngày 5, 15 và 25 hằng tháng"
_BYMONTHDAY = regex.compile(r"ngày[ ]+(?P<list>(?:\d{1,2}[ ]*(?:,|và)[ ]*){0,8})"
                            r"(?:\d{1,2}[ ]*(?:đến|tới|-|–)[ ]*(?:ngày[ ]+)?)?(?P<d>\d{1,2})[ ]+(?:của[ ]+)?$",
                            regex.V1 | regex.IGNORECASE)
_BYMONTH = regex.compile(r"tháng[ ]+(?P<m>\d{1,2})[ ]+$", regex.V1 | regex.IGNORECASE)
# "(trong) quý IV hằng năm": due by the end of that quarter every year
_BYQUARTER = regex.compile(r"quý[ ]+(?P<q>IV|III|II|I|[1-4])[ ]+$", regex.V1 | regex.IGNORECASE)
_QUARTER_NO = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _merge_plain(text: str, found: list[RecurrenceSpan]) -> list[RecurrenceSpan]:
    """"Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần": the bare "định kỳ" is the period written later
    in the same clause, one recurrence from "Định kỳ" to "hằng tuần"."""
    out: list[RecurrenceSpan] = []
    skip: set[int] = set()
    for i, r in enumerate(found):
        if i in skip:
            continue
        if r.recurrence.rrule is None and i + 1 < len(found):
            nxt = found[i + 1]
            between = text[r.end:nxt.start]
            if nxt.recurrence.rrule and len(between) <= 60 and not regex.search(r"[.;]", between, timeout=RX_TIMEOUT):
                if "(" in between and ")" not in between and text[nxt.end:nxt.end + 1] == ")":
                    nxt.end += 1  # "Định kỳ (ít nhất 6 tháng một lần)": the bracket closes
                nxt.recurrence.text = text[r.start:nxt.end].strip()
                nxt.start = r.start
                out.append(nxt)
                skip.add(i + 1)
                continue
            if nxt.recurrence.rrule and len(between) <= 250 and not regex.search(r"[.;:\n]", between, timeout=RX_TIMEOUT):
                continue  # "Định kỳ báo cáo Thủ tướng … (qua Bộ X) vào thứ Sáu hàng tuần": the rule named later is it
        out.append(r)
    return out


def _period_word_start(text: str, end: int) -> int | None:
    """Where "hằng/hàng/mỗi" + spaces + the word ending at ``end`` starts ("… ngày 25 |hằng tháng"),
    or None.  Read backwards from ``end``: a search for "…$" over ``text[:end]`` scanned the whole
    text before it for every recurrence, quadratic in a long paragraph."""
    if end > 0 and text[end - 1] == "\n":
        # as that search did: "$" matched before a final newline, and the length it measured
        # was taken back from ``end``, one past the match
        s = _period_word_before(text, end - 1)
        return None if s is None else s + 1
    return _period_word_before(text, end)


def _period_word_before(text: str, end: int) -> int | None:
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if i == end or j == i:
        return None
    for kw in ("hằng", "hàng", "mỗi", "từng"):
        if j >= len(kw) and text[j - len(kw):j].lower() == kw:
            return j - len(kw)
    return None


def _refine(text: str, r: RecurrenceSpan) -> None:
    """Add the day a period falls on: "thứ Sáu hằng tuần" → BYDAY=FR, "ngày 25 hằng tháng" →
    BYMONTHDAY=25, "trong tháng 01 hằng năm" → BYMONTH=1; the recurrence's text then starts at that
    day, with its time word ("trước ngày 10 hằng tháng")."""
    rule = r.recurrence.rrule
    if not rule or ";BY" in rule:
        return
    end = _period_word_start(text, r.end)
    if end is None:
        end = r.start
    offset = max(0, end - 30)
    before = text[offset:end]
    m = None
    if rule == "FREQ=WEEKLY":
        m = _BYDAY.search(before, timeout=rx_timeout(before))
        if m:
            r.recurrence.rrule = f"{rule};BYDAY={_WEEKDAYS[m.group('d').lower()]}"
    elif rule == "FREQ=MONTHLY":
        m = _BYMONTHDAY.search(text[max(0, end - 60):end], timeout=RX_TIMEOUT)
        offset = max(0, end - 60)
        days = sorted({int(x) for x in regex.findall(r"\d{1,2}", m.group("list"), timeout=RX_TIMEOUT)}
                      | {int(m.group("d"))}) if m else []
        if m and all(1 <= x <= 31 for x in days):
            r.recurrence.rrule = f"{rule};BYMONTHDAY={','.join(str(x) for x in days)}"
        else:
            m = None
    elif rule == "FREQ=YEARLY":
        offset = max(0, end - 80)
        before = text[offset:end]
        m = _BYDATE.search(before, timeout=rx_timeout(before))
        if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
            d, mo = int(m.group("d")), int(m.group("m"))
            listed = [(int(a), int(b)) for a, b in _DAY_MONTH.findall(m.group("list"), timeout=RX_TIMEOUT)]
            months = [b for a, b in listed if a == d and 1 <= b <= 12]
            if listed and len(months) == len(listed):
                # the same day of several months: one rule ("ngày 15/6 và 15/12 hằng năm")
                r.recurrence.rrule = f"{rule};BYMONTH={','.join(str(x) for x in sorted(set(months + [mo])))};BYMONTHDAY={d}"
            else:
                r.recurrence.rrule = f"{rule};BYMONTH={mo};BYMONTHDAY={d}"
        else:
            m = _BYMONTH.search(before, timeout=rx_timeout(before))
            if m and 1 <= int(m.group("m")) <= 12:
                r.recurrence.rrule = f"{rule};BYMONTH={int(m.group('m'))}"
            elif (m := _BYQUARTER.search(before, timeout=rx_timeout(before))) is not None:
                r.recurrence.rrule = f"{rule};BYMONTH={3 * _QUARTER_NO[m.group('q').lower()]};BYMONTHDAY=-1"
            else:
                m = None
    if m is None:
        _refine_after(text, r)
        return
    if end != r.start and offset + m.end() < r.start:
        return
    start = offset + m.start()
    lead = _TIME_LEAD.search(text[max(0, start - 20):start], timeout=RX_TIMEOUT)
    if lead:
        start -= len(lead.group(0))
    if start < r.start:
        r.start = start
        r.recurrence.text = text[start:r.end].strip()


# the day written right after the period ("Hằng năm, trước ngày 15/4, …", "hằng tháng vào ngày 20"): never a
# dated day ("ngày 15/4/2026", "ngày 15 tháng 4 năm 2026") nor one of a named month ("ngày 20 tháng 5")
# (or in a bracket after it: "định kỳ hằng năm (trước ngày 15/11 …)")
# (the verb of the task may come first after a comma: "Hằng năm, hoàn thành trước ngày 15/12", "hằng tháng, gửi trước
# ngày 20")
_DONE_VERB = r"(?:(?<=[,(][ ]*)(?:hoàn[ ]thành|hoàn[ ]tất|xong|gửi|gởi|nộp|báo[ ]cáo)[ ]+(?=trước|chậm|muộn))?"
_AFTER_LEAD = (r"^[ ]*[,(]?[ ]*(?:" + _DONE_VERB + r"(?:trước|chậm[ ]nhất(?:[ ]là)?|muộn[ ]nhất(?:[ ]là)?|vào)[ ]+)?"
               r"ngày[ ]+(?P<d>\d{1,2})")
_AFTER_YEARLY = regex.compile(r"^[ ]*[,(]?[ ]*(?:" + _DONE_VERB + r"(?:trước|chậm[ ]nhất(?:[ ]là)?|muộn[ ]nhất(?:[ ]là)?|vào)[ ]+(?:ngày[ ]+)?"
                              r"|ngày[ ]+)(?P<d>\d{1,2})" + _DM_SEP + r"(?P<m>\d{1,2})(?!\d)(?![ ]*[/.\-][ ]*\d)(?![ ]*,?[ ]*năm)",
                              regex.V1 | regex.IGNORECASE)
# the quarter of each year written right after it, with no year ("Hằng năm (quý IV)", "hằng năm, trong quý III")
_AFTER_QUARTER = regex.compile(r"^[ ]*[,(]?[ ]*(?:(?:trong|vào)[ ]+)?quý[ ]+(?P<q>IV|III|II|I|[1-4])(?![\p{L}\d/])(?![ ]+năm)",
                               regex.V1 | regex.IGNORECASE)
_AFTER_MONTHLY = regex.compile(_AFTER_LEAD + r"(?!\d)(?![ ]*[/.\-][ ]*\d)(?![ ]+(?:của[ ]+)?tháng[ ]*(?:\d|[IVX]))"
                               r"(?![ ]+năm)", regex.V1 | regex.IGNORECASE)


def _day_after(text: str, end: int, freq: str) -> bool:
    """Whether the day each round falls on is written right after the period ending at ``end`` ("hằng năm, chậm nhất
    là ngày 25/6", "hằng tháng (trước ngày 20)"): the period is the rule of a task, not a noun's."""
    after = text[end:end + 50]
    rx = _AFTER_YEARLY if freq == "YEARLY" else _AFTER_MONTHLY if freq == "MONTHLY" else None
    return rx is not None and rx.match(after, timeout=RX_TIMEOUT) is not None or (
        freq == "YEARLY" and _AFTER_QUARTER.match(after, timeout=RX_TIMEOUT) is not None)


def _refine_after(text: str, r: RecurrenceSpan) -> None:
    """The day of a yearly or monthly period written after it: the rule only (the text is kept)."""
    rule = r.recurrence.rrule
    after = text[r.end:r.end + 50]
    if rule == "FREQ=YEARLY":
        m = _AFTER_YEARLY.match(after, timeout=RX_TIMEOUT)
        if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
            r.recurrence.rrule = f"{rule};BYMONTH={int(m.group('m'))};BYMONTHDAY={int(m.group('d'))}"
        elif (q := _AFTER_QUARTER.match(after, timeout=RX_TIMEOUT)) is not None:
            r.recurrence.rrule = f"{rule};BYMONTH={3 * _QUARTER_NO[q.group('q').lower()]};BYMONTHDAY=-1"
    elif rule == "FREQ=MONTHLY":
        m = _AFTER_MONTHLY.match(after, timeout=RX_TIMEOUT)
        if m and 1 <= int(m.group("d")) <= 31:
            r.recurrence.rrule = f"{rule};BYMONTHDAY={int(m.group('d'))}"


_TIME_LEAD = regex.compile(r"(?:trước|chậm[ ]nhất(?:[ ]là)?|muộn[ ]nhất(?:[ ]là)?|vào|trong|từ|đến)[ ]+$",
                           regex.V1 | regex.IGNORECASE)


_TASK_AFTER = regex.compile(
    r"^[ ,]*(?:tổ[ ]chức|báo[ ]cáo|kiểm[ ]tra|tổng[ ]hợp|đánh[ ]giá|rà[ ]soát|gửi|họp|sơ[ ]kết|tổng[ ]kết|"
    r"cập[ ]nhật|thực[ ]hiện|xây[ ]dựng|đăng[ ]ký|có)\b", regex.V1 | regex.IGNORECASE)
_TASK_BEFORE = regex.compile(r"(?:báo[ ]cáo|(?<!\p{L})BC|kiểm[ ]tra|sơ[ ]kết|tổng[ ]kết|họp|giao[ ]ban|tiếp[ ]dân)[ ]*$",
                             regex.V1 | regex.IGNORECASE)


# "… thực hiện hằng năm.", "Hội thi được tổ chức hằng năm;": the period closing the clause of a doing verb
_DONE_BEFORE = regex.compile(r"(?<!\p{L})(?:thực[ ]hiện|tổ[ ]chức)[ ]*$", regex.V1 | regex.IGNORECASE)
_CLAUSE_CLOSED = regex.compile(r"[ ]*(?:[.;:)]|$)", regex.V1)


def _near_verb(text: str, m: regex.Match) -> bool:
    return bool(_TASK_AFTER.match(text[m.end():m.end() + 30], timeout=RX_TIMEOUT)
                or _TASK_BEFORE.search(text[max(0, m.start() - 20):m.start()], timeout=RX_TIMEOUT)
                or _DONE_BEFORE.search(text[max(0, m.start() - 12):m.start()], timeout=RX_TIMEOUT)
                and _CLAUSE_CLOSED.match(text, m.end(), timeout=rx_timeout(text)))


def fold_yearly_due(ob: Obligation) -> None:
    """A due day written without its year in a task that comes round every year ("Hằng năm, hoàn thành trước ngày
    20/11", "Định kỳ hằng năm báo cáo … trước ngày 30 tháng 11", "01 lần/năm …, hoàn thành trước ngày 31/8") is the
    day of each year's round, not a one-off date (GUIDELINES: "trước ngày 20/11 hằng năm" is a recurrence): the day
    goes into the rule (BYMONTH, BYMONTHDAY; a month alone, BYMONTH) and the one-off deadline is dropped; so does
    the day of a rule of some months ("Định kỳ 6 tháng … trước ngày 15/6": 15 June and 15 December).  A year
    written, a rule that names another day, or a rule of another period leave both as they are."""
    rec, dl = ob.recurrence, ob.deadline
    if rec is None or dl is None or not rec.rrule or not dl.inferred_year or not dl.date or dl.kind not in ("date", "month"):
        return
    parts = dict(p.split("=", 1) for p in rec.rrule.split(";") if "=" in p)
    month, day = int(dl.date[5:7]), int(dl.date[8:10])
    step = int(parts.get("INTERVAL", "1")) if parts.get("INTERVAL", "1").isdigit() else 0
    if parts.get("FREQ", "").upper() == "MONTHLY" and step in (2, 3, 4, 6) and dl.kind == "date" and len(parts) == 2:
        # "Định kỳ 6 tháng (trước ngày 15/6)": the day in every round of the months, a yearly rule of those months
        months = sorted({(month - 1 + k * step) % 12 + 1 for k in range(12 // step)})
        rec.rrule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};BYMONTHDAY={day}"
        ob.deadline = None
        return
    if parts.get("FREQ", "").upper() != "YEARLY":
        return
    want = {"BYMONTH": str(month)} if dl.kind == "month" else {"BYMONTH": str(month), "BYMONTHDAY": str(day)}
    if any(k in parts and parts[k] != v for k, v in want.items()):
        return  # ("hằng năm vào ngày 15/6 …, năm nay trước ngày 30/9"): two days, both kept
    parts.update(want)
    rec.rrule = ";".join(f"{k}={v}" for k, v in parts.items())
    ob.deadline = None
