"""The grammar of dates as Vietnamese documents write them.

``find_dates(text)`` returns every date written in ``text``, full or partial:

* "ngày 14 tháng 7 năm 2015", "ngày 14 tháng 07 năm 2015"
* "14/7/2015", "14-7-2015", "14.7.2015", "14/7/15" (two-digit years → 20xx / 19xx)
* ", ngày 14/01/2016", "ngày 30-7-2021"
* drafts with blanks: "ngày /01/2022", "ngày … tháng 10 năm 2022", "ngày    tháng 10 năm 2022"
* month and year only: "tháng 10 năm 2022", "tháng 10/2023", "tháng 10-2023"
* day and month without year: "ngày 15/11", "ngày 15 tháng 11" (year None)
* both ends of a range: "12/02/2014-19/02/2014" gives two spans

Deadline phrasing ("trước ngày …", "quý III/2018") belongs to
``extractors.deadlines``, which builds on this module.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from core import regex_cached as regex

from core.textutil import RX_TIMEOUT, rx_timeout


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None

    @property
    def iso(self) -> str | None:
        """yyyy-mm-dd when day, month and year are all known and valid."""
        if self.day is None or self.month is None or self.year is None:
            return None
        try:
            return _dt.date(self.year, self.month, self.day).isoformat()
        except ValueError:
            return None

    @property
    def partial(self) -> str | None:
        """"yyyy-mm" or "yyyy" when only part of the date is written."""
        if self.iso is not None or self.year is None:
            return None
        if self.month is not None and 1 <= self.month <= 12:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> _dt.date | None:
        iso = self.iso
        return _dt.date.fromisoformat(iso) if iso else None


# A blank left in a draft: dots, ellipses, underscores or spaces (bounded: no backtracking blow-up)
_BLANK = r"(?:[ \t]{0,12}[.…_]{1,12}[ \t]{0,12}|[ \t]{1,20})"
_DAY = r"(?P<d>0?[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR4 = r"(?P<y>(?:19|20)[0-9]{2})"
_SEP = r"[ \t]{0,2}(?P<sep>[/.\-])[ \t]{0,2}"

_PATTERNS = [
    # ngày 14 tháng 7 năm 2015 (blank day allowed: "ngày … tháng 10 năm 2022")
    regex.compile(
        r"(?<![\p{L}])ngày[ \t]{1,4}(?:" + _DAY + r"|" + _BLANK + r")[ \t]{0,4}tháng[ \t]{1,4}" + _MONTH
        + r"(?:[ \t]{1,4}năm[ \t]{1,4}" + _YEAR4 + r")?(?![0-9])",
        regex.IGNORECASE,
    ),
    # 14/7/2015, 14-7-2015, 14.7.2015 (and 2-digit year)
    regex.compile(
        # not inside a longer number; after a dash only as the end of a range ("12/02/2014-19/02/2014")
        # (the lookahead first: the day and its separator, so the lookbehinds are tried only where a date can start —
        # three times faster than trying them at every position)
        r"(?=[0-9][0-9]?[ \t]{0,2}[/.\-])(?:(?<![0-9/.\-])|(?<=(?:19|20)[0-9]{2}[ \t]{0,2}[-–][ \t]{0,2}))" + _DAY + _SEP + _MONTH + r"[ \t]{0,2}(?P=sep)[ \t]{0,2}"
        r"(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9]|/[A-ZĐ])"
    ),
    # ngày /01/2022, ngày …/01/2022 (blank day in a draft)
    regex.compile(
        r"(?<![\p{L}])ngày[ \t]{0,12}(?:[.…_]{1,12})?[ \t]{0,6}/[ \t]{0,2}" + _MONTH + r"[ \t]{0,2}/[ \t]{0,2}" + _YEAR4 + r"(?![0-9])",
        regex.IGNORECASE,
    ),
    # ngày 15/11 (day and month, no year)
    regex.compile(
        r"(?<![\p{L}])ngày[ \t]{1,4}" + _DAY + r"[ \t]{0,2}(?P<sep>[/.\-])[ \t]{0,2}" + _MONTH + r"(?![0-9]|[ \t]{0,2}[/.\-][ \t]{0,2}[0-9])",
        regex.IGNORECASE,
    ),
    # the last of months listed once with their year: "tháng 3, 4/2026", "tháng 10 - 12/2025", "tháng 5 và 6/2026"
    regex.compile(
        r"(?<=(?<![\p{L}])tháng[ \t]{1,4}(?:0?[1-9]|1[0-2])(?:[ \t]{0,2}(?:,|và|hoặc|-|–)[ \t]{0,2}(?:0?[1-9]|1[0-2])){0,10}"
        r"[ \t]{0,2}(?:,|và|hoặc|-|–)[ \t]{0,2})" + _MONTH + r"[ \t]{0,2}/[ \t]{0,2}" + _YEAR4 + r"(?![0-9])",
        regex.IGNORECASE,
    ),
    # tháng 10 năm 2022 / tháng 10/2023 / tháng 10-2023
    regex.compile(
        r"(?<![\p{L}])tháng[ \t]{1,4}" + _MONTH + r"(?:[ \t]{1,4}năm[ \t]{1,4}|[ \t]{0,2}[/\-][ \t]{0,2})" + _YEAR4 + r"(?![0-9])",
        regex.IGNORECASE,
    ),
]

# the word each pattern needs (lower case; IGNORECASE folds none of its letters from another), None for the
# numeric date, which needs _NUMERIC_HINT
_NEEDS = ("ngày", None, "ngày", "ngày", "tháng", "tháng")
# what every match of the numeric date (_PATTERNS[1]) holds: the day's last digit, its separator, the month's first digit
_NUMERIC_HINT = regex.compile(r"[0-9][ \t]{0,2}[/.\-][ \t]{0,2}[0-9]")


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    if len(raw) == 2:
        y += 2000 if y < 70 else 1900
    return y


def find_dates(text: str) -> list[DateSpan]:
    """All dates in ``text``, left to right, without overlaps (the earliest,
    then longest, match wins where patterns overlap)."""
    if not text or not any(d in text for d in "0123456789"):
        return []  # every pattern needs an ASCII digit (the month, or the day)
    found: list[DateSpan] = []
    numeric = _NUMERIC_HINT.search(text, timeout=rx_timeout(text)) is not None
    low = text.lower()
    for pat, word in zip(_PATTERNS, _NEEDS):
        if word is None and not numeric or word is not None and word not in low:
            continue  # what every match of the pattern holds is nowhere in the text: no scan
        for m in pat.finditer(text, timeout=RX_TIMEOUT):
            gd = m.groupdict()
            if gd.get("sep") == "." and gd.get("y") and len(gd["y"]) == 2:
                continue  # "3.1.12" is a section number far more often than a date
            day = int(gd["d"]) if gd.get("d") else None
            month = int(gd["m"]) if gd.get("m") else None
            year = _year(gd.get("y"))
            found.append(DateSpan(m.start(), m.end(), m.group(0), day, month, year))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[DateSpan] = []
    last_end = -1
    for s in found:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


def parse_date(text: str) -> DateSpan | None:
    """The first date written in ``text``, if any."""
    spans = find_dates(text)
    return spans[0] if spans else None
