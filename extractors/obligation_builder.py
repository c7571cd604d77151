"""The drafts every obligation reader fills: obligations whose unit names are final only when the
whole document has been read (``ObligationBuilder``), and the phrases both readers (prose in
``extractors.obligations``, tables in ``extractors.obligation_tables``) share: where a report goes
(``report_to``), a task's cleaned words (``clean_action``), closing formulas (``CLOSING``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from core import regex_cached as regex

from extractors.unit_registry import UnitRegistry
from extractors.units import UnitSpan, parse_unit
from core.model import DocumentHeader, Loc, Obligation, Unit, UnitMention
from core.textutil import RX_TIMEOUT, rx_timeout, squash_spaces

CLOSING = regex.compile(r"^(?:Trên[ ]đây[ ]là|Nơi[ ]nhận|Kính[ ]gửi|Lưu[ ]*:)", regex.V1 | regex.IGNORECASE)
REPORT_VERB = regex.compile(r"\b(?:báo[ ]cáo|gửi|gởi|nộp|trình)\b", regex.V1 | regex.IGNORECASE)
_REPORT_PREP = regex.compile(r"\b(?:về|lên|cho|đến|tới|báo[ ]cáo|trình)[ ]+", regex.V1 | regex.IGNORECASE)
_VIA = regex.compile(r"[ ]*(?:\([ ]*qua[^)]{1,80}\)|qua[ ]+[^,;.()]{3,80})", regex.V1 | regex.IGNORECASE)
_TAIL = regex.compile(r"[ ]*(?:\./\.|\.)[ ]*$", regex.V1)
# a time adjunct the unit finder read on as part of the name ("gửi Sở Nội vụ chậm nhất ngày …", "… đúng hạn")
_TIME_TAIL = regex.compile(
    r"[ ]+(?:(?:chậm|muộn|trễ)[ ]nhất|hạn[ ]chót|(?:trong[ ])?thời[ ]hạn|đúng[ ](?:hạn|thời[ ]gian)|không[ ]quá|trước|trong[ ]vòng"
    r"|hằng|hàng[ ](?:tháng|quý|năm|tuần)|định[ ]kỳ)\b.*$", regex.V1 | regex.IGNORECASE)

# --------------------------------------------------------------------------
# Drafts: obligations before unit names are final
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Draft:
    ob: Obligation
    units: list[tuple[str, str, str, Loc | None, bool]] = field(default_factory=list)  # (key, raw, role, loc, implied)
    scope_deadline: bool = False  # its deadline is the period of its heading or lead-in, not its own words


class ObligationBuilder:
    def __init__(self, header: DocumentHeader) -> None:
        self.header = header
        self.ref_date = header.date or header.date_partial
        # without the document's date, the nearest dated context a year left unwritten is read from: the year
        # last written above (set by the readers as they go), at first the year of the document's title
        self.ctx_year: int | None = last_year(header.subject or "")
        self.registry = UnitRegistry(seeds=[body_of(r) for r in header.recipients])
        self.drafts: list[Draft] = []

    def add(self, ob: Obligation, units: list[tuple[UnitSpan | str, str]], loc: Loc | None,
            implied: bool = False, listed: bool = True) -> Draft:
        """``listed=False``: the units are only presumed (the addressees of an order naming nobody) and
        are not added to the document's unit list."""
        d = Draft(ob)
        seen: set[tuple[str, bool]] = set()
        for u, role in units:
            raw = u.raw if isinstance(u, UnitSpan) else u
            key = self.registry.resolve(raw, task=listed and not (isinstance(u, UnitSpan) and u.person))
            # a body named once per task, except that the one following it up may also be one doing it
            if (key, role == "monitor") in seen:
                continue
            seen.add((key, role == "monitor"))
            u_loc = u.loc if isinstance(u, UnitSpan) and u.loc is not None else loc
            # the mention keeps the words its loc points at; the name spelled out ("Sở Tư pháp" for the
            # member "Tư pháp" of "các sở: …") is the unit's
            d.units.append((key, u.as_written if isinstance(u, UnitSpan) else raw, role, u_loc, implied))
        self.drafts.append(d)
        return d

    def extend(self, d: Draft, units: list[tuple[UnitSpan | str, str]], implied: bool = False) -> None:
        """More units (written in the sentence) for a draft already added."""
        seen = {k for k, *_ in d.units}
        for u, role in units:
            raw = u.raw if isinstance(u, UnitSpan) else u
            key = self.registry.resolve(raw, task=not (isinstance(u, UnitSpan) and u.person))
            if key not in seen:
                seen.add(key)
                d.units.append((key, u.as_written if isinstance(u, UnitSpan) else raw, role,
                                u.loc if isinstance(u, UnitSpan) else d.ob.loc, implied))

    def finish(self) -> tuple[list[Obligation], list[Unit]]:
        out = []
        for d in self.drafts:
            d.ob.units = [UnitMention(name=self.registry.name(k), raw=raw, role=role, loc=loc,  # type: ignore[arg-type]
                                      implied=imp)
                          for k, raw, role, loc, imp in d.units]
            out.append(d.ob)
        return out, self.registry.units()


# a year written: "năm 2024", or the year of a full date
_YEAR_WRITTEN = regex.compile(r"(?:(?<!\p{L})năm[ ]+|(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-])((?:19|20)\d{2})(?!\d)",
                              regex.V1 | regex.IGNORECASE)


def last_year(text: str) -> int | None:
    """The last year written in ``text`` ("Kế hoạch tuyển sinh năm 2025" → 2025), or None."""
    if not text or not any(c.isdigit() for c in text):
        return None
    years = _YEAR_WRITTEN.findall(text, timeout=rx_timeout(text))
    return int(years[-1]) if years else None


def body_of(recipient: str) -> str:
    return regex.sub(r"^[\s\-+•]+|[;.,\s]+$", "", recipient, timeout=RX_TIMEOUT)


def split_recipients(recipients: list[str]) -> list[str]:
    """Addressees one each: a Kính gửi list laid out on one line ("Sở A; - Sở B; - Sở C") is split at its
    semicolons."""
    out: list[str] = []
    for r in recipients:
        for part in regex.split(r"[ ]*;[ ]*", r, timeout=RX_TIMEOUT):
            name = body_of(part)
            if name:
                out.append(name)
    return out




def report_to(action: str) -> str | None:
    for m in REPORT_VERB.finditer(action, timeout=rx_timeout(action)):
        window_end = min(len(action), m.end() + 90)
        # directly after the verb ("báo cáo Trung tâm Y tế"), or after về/lên/cho/đến
        cands = [m.end()] + [p.end() for p in _REPORT_PREP.finditer(action, m.end(), window_end, timeout=rx_timeout(action))]
        for c in cands:
            u = parse_unit(action, c)
            if u is not None and not u.bare:
                via = _VIA.match(action, u.end, timeout=rx_timeout(action))
                name = _TIME_TAIL.sub("", u.raw, timeout=RX_TIMEOUT)
                return name + (" " + squash_spaces(via.group(0)) if via else "")
    return None



_DUTY_WORDS = regex.compile(r"^(?:có[ ]trách[ ]nhiệm|có[ ]nhiệm[ ]vụ|cần|phải)(?:[ ]+|[ ]*:?[ ]*$)")


def clean_action(a: str) -> str:
    a = a.strip()
    a = _TAIL.sub("", a, timeout=rx_timeout(a))
    a = _DUTY_WORDS.sub("", a, timeout=rx_timeout(a))
    return squash_spaces(a)

