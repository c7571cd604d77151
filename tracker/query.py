"""``vanban obligations``: who must do what, by when — queried from the index.

* ``--unit NAME`` matches a unit by any of its names or aliases, ignoring
  case, diacritics and punctuation ("phong tc-hc" finds "Phòng Tổ chức - Hành
  chính" when "Phòng TC-HC" is one of its names), a merged unit by the name of
  its leading parts ("phong to chuc hanh chinh" also finds "Phòng Tổ chức -
  Hành chính - Tài chính - Kế toán"); then by abbreviation built from the
  initials ("TC-HC", "P.TCHC"); then by a folded substring ("noi vu").  A unit
  found by any of these also brings the merged units whose leading parts are
  its name ("Phòng TC-HC" is "Phòng Tổ chức - Hành chính", which brings "Phòng
  Tổ chức - Hành chính - Tài chính - Kế toán"), the units its initials name
  ("Phòng KT&ĐBCL" for "Phòng Khảo thí và Đảm bảo chất lượng", and the other
  way round), and the units the clerk's alias
  file puts on the same line (``tracker.unit_aliases``).  When nothing
  matches, near-identical names are offered.
* A document ingested from several files (the sample corpus has each plan as
  .docx, .pdf and .txt) lists each obligation once, from its most original
  copy (docx > doc > pdf > md > txt; see ``tracker.store.preferred_copies``),
  and names that copy as the source.
* Each obligation gets a status from its deadline and today's date
  (``tracker.status``); a recurring one is due at its next occurrence.
* Output: a readable table (with the source document and where in it),
  JSON, CSV (UTF-8 with BOM, for Excel) or an Excel workbook; grouped by unit,
  by source document or by the directive the document implements; or counts
  per unit and status.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from core import regex_cached as regex

from tracker.cell_safety import csv_row as safe_csv_row, keep_text_row
from tracker.status import (DEFAULT_SOON_DAYS, DUE_SOON, NO_DEADLINE, NOT_DUE, OVERDUE, STATUSES, Due, due_of,
                             is_report)
from core.serialize import location_text
from tracker.store import Store, StoredObligation, StoredUnit
from core.textutil import RX_TIMEOUT, fold, reference_key
from tracker.unit_aliases import AliasGroup, group_of, load_aliases
from tracker.unit_names import abbreviations, expanded, name_rank, squeeze
from core.io import write_bytes_atomic
from tracker.scoresheet import fit_row_heights, lay_out_counts, print_setup

ROLE_LABELS = {"lead": "chủ trì", "support": "phối hợp", "responsible": "chịu trách nhiệm", "monitor": "theo dõi"}
GROUPINGS = ("unit", "document", "reference")
NO_GROUP = {"unit": "(không ghi đơn vị)", "document": "(không rõ văn bản)", "reference": "(không dẫn chiếu văn bản chỉ đạo)"}
FORMATS = ("table", "json", "csv", "xlsx")
_DMY = regex.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


# --------------------------------------------------------------------------
# Unit matching (pure)
# --------------------------------------------------------------------------


@dataclass(slots=True)
class UnitMatch:
    units: list[StoredUnit] = field(default_factory=list)
    how: str | None = None  # "name" | "abbreviation" | "substring"
    suggestions: list[str] = field(default_factory=list)


def match_units(all_units: Iterable[StoredUnit], query: str, *, max_suggestions: int = 5,
                groups: list[AliasGroup] | None = None) -> UnitMatch:
    """Units named ``query`` (see module docstring for the order of tries);
    ``groups``: the lines of the clerk's alias file."""
    units_ = list(all_units)
    m = _match_units(units_, query, max_suggestions=max_suggestions, groups=groups or [])
    if m.units:
        m.units = _with_merged(units_, m.units, groups or [])
    return m


def _with_merged(units_: list[StoredUnit], found: list[StoredUnit], groups: list[AliasGroup]) -> list[StoredUnit]:
    """``found`` and the units merged with them: those whose name starts with
    a found unit's whole name as dash-parts, those named by the initials of a
    found unit's name or naming it by theirs ("Phòng KT&ĐBCL" and "Phòng Khảo
    thí và Đảm bảo chất lượng", stored apart when a document wrote each alone),
    and those on the same alias-file line."""
    ids = {u.id for u in found}
    out = list(found)
    found_groups = {g.name for u in found if (g := group_of(u, groups)) is not None}
    found_initials = set().union(*(abbreviations(f.name) for f in found))
    found_squeezed = {squeeze(fold(f.name)) for f in found}
    for u in sorted(units_, key=lambda u: u.folded):
        if u.id in ids:
            continue
        g = group_of(u, groups)
        if ((g is not None and g.name in found_groups) or any(name_rank(f.name, u.name) == 1 for f in found)
                or squeeze(fold(u.name)) in found_initials or found_squeezed & abbreviations(u.name)):
            ids.add(u.id)
            out.append(u)
    return out


def _match_units(units_: list[StoredUnit], query: str, *, max_suggestions: int,
                 groups: list[AliasGroup]) -> UnitMatch:
    key = fold(query)
    if not key:
        return UnitMatch()
    names = {u.id: [u.name, *u.aliases] for u in units_}
    for u in units_:  # names the alias file gives a unit count as its own
        g = group_of(u, groups)
        if g is not None:
            names[u.id].extend(n for n in g.names if n not in names[u.id])
    # "ubnd cac tinh" names "Ủy ban nhân dân các tỉnh" as its written-out form does
    queries = [query] if expanded(query) == key else [query, expanded(query)]
    ranks = {u.id: min((r for n in names[u.id] for q in queries if (r := name_rank(q, n)) is not None), default=None)
             for u in units_}
    named = sorted((u for u in units_ if ranks[u.id] is not None), key=lambda u: (ranks[u.id], u.folded))
    if named:
        return UnitMatch(named, "name")
    squeezed = squeeze(key)
    abbrev = [u for u in units_ if any(squeezed in abbreviations(n) or squeeze(fold(n)) == squeezed
                                       for n in names[u.id])]
    if abbrev:
        return UnitMatch(abbrev, "abbreviation")
    pattern = regex.compile(r"(?<![^\W_])(?:" + "|".join(regex.escape(fold(q)) for q in queries) + r")(?![^\W_])")
    sub = [u for u in units_ if any(pattern.search(fold(n), timeout=RX_TIMEOUT) for n in names[u.id])]
    if sub:
        return UnitMatch(sub, "substring")
    folded_to_name: dict[str, str] = {}
    for u in sorted(units_, key=lambda u: -u.n_obligations):
        for n in names[u.id]:
            folded_to_name.setdefault(fold(n), u.name)
    close = difflib.get_close_matches(key, list(folded_to_name), n=max_suggestions * 2, cutoff=0.6)
    suggestions: list[str] = []
    for c in close:
        if folded_to_name[c] not in suggestions:
            suggestions.append(folded_to_name[c])
    return UnitMatch([], None, suggestions[:max_suggestions])


# --------------------------------------------------------------------------
# Selecting obligations
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """One obligation as a query returns it."""

    ob: StoredObligation
    due: Due


@dataclass(slots=True)
class QueryResult:
    rows: list[Row]
    units: list[StoredUnit] = field(default_factory=list)  # the units --unit matched
    unit_query: str | None = None
    suggestions: list[str] = field(default_factory=list)

    @property
    def unit_not_found(self) -> bool:
        return self.unit_query is not None and not self.units


def parse_day(text: str) -> dt.date:
    """ISO ``2023-11-10`` or Vietnamese ``10/11/2023`` (also with . or -)."""
    t = text.strip()
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        pass
    m = _DMY.fullmatch(t, timeout=RX_TIMEOUT)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:  # 31/02/2023: the same message, not "day is out of range for month"
            pass
    raise ValueError(f"not a date: {text!r} (write 2023-11-10 or 10/11/2023)")


def select(
    store: Store,
    *,
    unit: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    overdue: bool = False,
    role: str | None = None,
    document: str | None = None,
    status: str | None = None,
    today: dt.date | None = None,
    soon_days: int = DEFAULT_SOON_DAYS,
    distinct: bool = True,
    aliases: list[AliasGroup] | None = None,
    include_done: bool = False,
    include_rejected: bool = False,
    follow: Any = None,
) -> QueryResult:
    """The obligations matching every filter, soonest due first (undated last).
    ``date_from``/``date_to`` bound the due date (the next occurrence for a
    recurring obligation); obligations without one are left out then.
    ``distinct``: one document ingested from several files (the same plan as
    .docx and .pdf) lists each obligation once, from its most original copy
    (``tracker.store.preferred_copies``); False lists every copy's.
    ``aliases``: the alias file's groups (default: read ``tracker.unit_aliases.load_aliases()``).
    What people added in the web app (``tracker.followup``) applies: corrected
    fields replace extracted ones, units merged by hand are one unit, rejected
    obligations are left out (``include_rejected`` keeps them) and so are
    those marked done (``include_done`` keeps them, with the status
    "đã hoàn thành"); ``follow``: a ``FollowUp`` already read."""
    from tracker import followup

    today = today or dt.date.today()
    follow = follow if follow is not None else followup.load(store)
    groups = (load_aliases() if aliases is None else aliases) + follow.merge_groups()
    matched: list[StoredUnit] = []
    all_units = store.units()
    if unit is not None:
        m = match_units(all_units, unit, groups=groups)
        if not m.units:
            return QueryResult([], [], unit, m.suggestions)
        matched = m.units
    obs = store.obligations(unit_ids=[u.id for u in matched] if unit is not None else None,
                            role=role, document=document, all_copies=not distinct)
    corrected_units = follow.unit_corrected()
    if corrected_units and (unit is not None or role):  # a unit or role given by a correction counts too
        seen = {ob.uid for ob in obs}
        obs += [ob for ob in store.obligations(document=document, all_copies=not distinct)
                if ob.uid in corrected_units and ob.uid not in seen]
    unit_ids = {u.folded: u.id for u in all_units}
    matched_keys = {fold(n) for u in matched for n in (u.name, *u.aliases)}
    matched_ids = {u.id for u in matched}
    rows = []
    for ob in obs:
        if follow.corrections.get(ob.uid):
            if not include_rejected and follow.review(ob.uid) == followup.REJECTED:
                continue
            ob = followup.apply(ob, follow, unit_ids)
            if ob.uid in corrected_units:
                links = [u for u in ob.units if not role or u.role == role]
                if unit is not None:
                    links = [u for u in links if u.unit_id in matched_ids or fold(u.name) in matched_keys]
                if (unit is not None or role) and not links:
                    continue
        done = follow.done.get(ob.uid)
        if done is not None and not include_done:
            continue
        due = due_of(deadline_date=ob.deadline_date, rrule=ob.recurrence_rrule,
                     document_date=ob.document_date, today=today, soon_days=soon_days,
                     report=is_report(ob.action, ob.recurrence_text))
        if done is not None:
            due = Due(due.date, followup.DONE, None, due.recurring, due.estimated)
        if overdue and due.status != OVERDUE:
            continue
        if status and due.status != status:
            continue
        if (date_from or date_to) and due.date is None:
            continue
        if date_from and due.date < date_from:
            continue
        if date_to and due.date > date_to:
            continue
        rows.append(Row(ob, due))
    rows.sort(key=lambda r: (r.due.date is None, r.due.date or dt.date.max, r.ob.document_path, r.ob.ordinal))
    return QueryResult(rows, matched, unit)


# --------------------------------------------------------------------------
# Views
# --------------------------------------------------------------------------


def units_text(ob: StoredObligation) -> str:
    out = []
    for u in ob.units:
        label = ROLE_LABELS.get(u.role, u.role)
        out.append(f"{u.name} ({label})" if u.role != "lead" else u.name)
    return "; ".join(out)


def directives(ob: StoredObligation) -> list[str]:
    """The directives the obligation's document carries out: references it
    implements, else those it is based on."""
    for rel in ("implements", "based_on"):
        ids: dict[str, str] = {}
        for r in ob.references:
            if r.relation == rel:
                ids.setdefault(reference_key(r.id), r.id)  # "19-2018/NQ-CP" and "19/2018/NQ-CP" are one
        if ids:
            return list(ids.values())
    return []


def group_keys(row: Row, by: str) -> list[str]:
    if by == "unit":
        keys = list(dict.fromkeys(u.name for u in row.ob.units))
    elif by == "document":
        keys = [row.ob.document_label]
    elif by == "reference":
        keys = directives(row.ob)
    else:
        raise ValueError(f"unknown grouping {by!r}")
    return keys or [NO_GROUP[by]]


def grouped(rows: list[Row], by: str) -> list[tuple[str, list[Row]]]:
    """Rows under each key, sorted by key; a cited document is one group
    however its id is written (``reference_key``), shown as first met."""
    groups: dict[str, list[Row]] = defaultdict(list)
    label: dict[str, str] = {}
    for r in rows:
        for k in group_keys(r, by):
            ident = reference_key(k) if by == "reference" and k != NO_GROUP[by] else k
            label.setdefault(ident, k)
            groups[ident].append(r)
    return sorted(((label[i], g) for i, g in groups.items()),
                  key=lambda kv: (kv[0] in NO_GROUP.values(), fold(kv[0])))


def record(row: Row) -> dict[str, Any]:
    """One obligation as JSON (also the CSV columns, flattened)."""
    ob, due = row.ob, row.due
    return {
        "uid": ob.uid,
        "action": ob.action,
        "units": [{"name": u.name, "raw": u.raw, "role": u.role} for u in ob.units],
        "deadline": {"date": ob.deadline_date, "text": ob.deadline_text} if (ob.deadline_date or ob.deadline_text) else None,
        "recurrence": {"text": ob.recurrence_text, "rrule": ob.recurrence_rrule} if (ob.recurrence_text or ob.recurrence_rrule) else None,
        "due": due.date.isoformat() if due.date else None,
        "due_estimated": due.estimated,
        "status": due.status,
        "days_left": due.days_left,
        "report_to": ob.report_to,
        "source_text": ob.source_text,
        "document": {
            "id": ob.document_id, "type": ob.document_type, "date": ob.document_date,
            "subject": ob.document_subject, "issuer": ob.document_issuer, "path": ob.document_path,
        },
        "implements": directives(ob),
        "loc": ob.loc,
    }


CSV_COLUMNS = ["due", "status", "days_left", "deadline_text", "recurrence", "units", "action", "report_to",
               "document_id", "document_type", "document_date", "document_subject", "document_path", "location",
               "implements", "source_text", "uid", "due_estimated"]


def csv_row(row: Row) -> dict[str, Any]:
    ob, due = row.ob, row.due
    return {
        "due": due.date.isoformat() if due.date else "",
        "status": due.status,
        "days_left": "" if due.days_left is None else due.days_left,
        "deadline_text": ob.deadline_text or "",
        "recurrence": ob.recurrence_text or "",
        "units": units_text(ob),
        "action": ob.action,
        "report_to": ob.report_to or "",
        "document_id": ob.document_id or "",
        "document_type": ob.document_type or "",
        "document_date": ob.document_date or "",
        "document_subject": ob.document_subject or "",
        "document_path": ob.document_path,
        "location": location_text(ob.loc),
        "implements": "; ".join(directives(ob)),
        "source_text": ob.source_text or "",
        "uid": ob.uid,
        "due_estimated": due.estimated or "",
    }


def counts(rows: list[Row]) -> list[dict[str, Any]]:
    """Per unit: how many obligations in each status (and in all)."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for r in rows:
        for k in group_keys(r, "unit"):
            table[k][r.due.status] += 1
    out = []
    for unit, by_status in sorted(table.items(), key=lambda kv: (kv[0] in NO_GROUP.values(), fold(kv[0]))):
        out.append({"unit": unit, **by_status, "total": sum(by_status.values())})
    return out


# -- text table -------------------------------------------------------------

_COLS = [("Hạn", 10), ("Trạng thái", 12), ("Đơn vị", 28), ("Nhiệm vụ", 48), ("Văn bản, vị trí", 30)]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _table_lines(rows: list[Row]) -> list[str]:
    header = "  ".join(h.ljust(w) for h, w in _COLS).rstrip()
    lines = [header, "  ".join("─" * w for _, w in _COLS)]
    for r in rows:
        ob, due = r.ob, r.due
        when = due.date.strftime("%d/%m/%Y") if due.date else "—"
        task = ob.action
        extra = []
        if ob.deadline_text:
            extra.append(f"[{ob.deadline_text}]")
        if ob.recurrence_text:
            extra.append(f"[{ob.recurrence_text}]")
        if ob.report_to:
            extra.append(f"→ {ob.report_to}")
        if extra:
            task = f"{task} {' '.join(extra)}"
        status = due.status + (" ↻" if due.recurring else "") + (" (hạn ước tính)" if due.estimated else "")
        where = _wrap(ob.document_label, _COLS[4][1]) + (_wrap(location_text(ob.loc), _COLS[4][1]) if ob.loc else [])
        cols = [_wrap(when, _COLS[0][1]), _wrap(status, _COLS[1][1]), _wrap(units_text(ob) or "—", _COLS[2][1]),
                _wrap(task, _COLS[3][1]), where]
        for i in range(max(len(c) for c in cols)):
            lines.append("  ".join((c[i] if i < len(c) else "").ljust(w) for c, (_, w) in zip(cols, _COLS)).rstrip())
        lines.append("")
    return lines


def format_table(rows: list[Row], by: str | None = None) -> str:
    if not rows:
        return "Không có nhiệm vụ nào khớp điều kiện.\n"
    if by is None:
        lines = _table_lines(rows)
    else:
        lines = []
        for key, group in grouped(rows, by):
            lines.append(f"■ {key} — {len(group)} nhiệm vụ")
            lines.extend(_table_lines(group))
    lines.append(f"{len(rows)} nhiệm vụ.")
    return "\n".join(lines) + "\n"


def format_counts_table(table: list[dict[str, Any]]) -> str:
    if not table:
        return "Không có nhiệm vụ nào khớp điều kiện.\n"
    heads = ["Đơn vị", *STATUSES, "tổng"]
    width0 = min(max(len(r["unit"]) for r in table + [{"unit": heads[0]}]), 60)
    lines = ["  ".join([heads[0].ljust(width0), *(h.rjust(len(h)) for h in heads[1:])])]
    for r in table:
        name = r["unit"] if len(r["unit"]) <= width0 else r["unit"][: width0 - 1] + "…"
        lines.append("  ".join([name.ljust(width0), *(str(r[s]).rjust(len(s)) for s in STATUSES),
                                str(r["total"]).rjust(4)]))
    return "\n".join(lines) + "\n"


# -- files -------------------------------------------------------------------


CSV_DELIMITERS = {"comma": ",", "semicolon": ";"}


def to_csv(rows: list[Row], by: str | None = None, delimiter: str = ",") -> str:
    """CSV text (the caller writes it UTF-8 with BOM so Excel reads Vietnamese);
    ``delimiter`` ";" for Excel under Vietnamese regional settings, where ","
    is the decimal mark and a comma-separated file opens as one column."""
    buf = io.StringIO()
    cols = (["group"] if by else []) + CSV_COLUMNS
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\r\n", delimiter=delimiter)
    w.writeheader()
    if by:
        for key, group in grouped(rows, by):
            for r in group:
                w.writerow(safe_csv_row({"group": key, **csv_row(r)}))
    else:
        for r in rows:
            w.writerow(safe_csv_row(csv_row(r)))
    return buf.getvalue()


def counts_csv(table: list[dict[str, Any]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["unit", *STATUSES, "total"], lineterminator="\r\n", delimiter=delimiter)
    w.writeheader()
    w.writerows(safe_csv_row(r) for r in table)
    return buf.getvalue()


# (key, header, width, printed): the obligations sheet as the clerk reads and prints it
XLSX_COLUMNS = [
    ("stt", "STT", 5, True),
    ("due", "Hạn", 11, True),
    ("status", "Trạng thái", 13, True),
    ("days_left", "Còn (ngày)", 8, True),
    ("units", "Đơn vị", 26, True),
    ("action", "Nhiệm vụ", 50, True),
    ("written", "Thời hạn, định kỳ (theo văn bản)", 20, True),
    ("report_to", "Báo cáo về", 16, True),
    ("document", "Văn bản, vị trí", 24, True),
    ("due_estimated", "Ghi chú về hạn", 22, True),
    ("implements", "Thực hiện văn bản", 18, False),
    ("document_subject", "Trích yếu văn bản", 40, False),
    ("source_text", "Trích nguyên văn", 60, False),
    ("document_path", "Tệp", 30, False),
    ("uid", "UID", 20, False),
    ("unit_keys", "Mã đơn vị (dùng cho Thống kê)", 20, False),  # hidden: "|unit|unit|" for the counts
]
_RED_FILL, _RED_FONT = "FFC7CE", "9C0006"
_AMBER_FILL, _AMBER_FONT = "FFEB9C", "9C5700"


def _status_formula(due: str, soon_days: int) -> str:
    """The status from the due-date cell and TODAY(), in the words of ``tracker.status``."""
    return (f'=IF({due}="","{NO_DEADLINE}",IF({due}<TODAY(),"{OVERDUE}",'
            f'IF({due}-TODAY()<={soon_days},"{DUE_SOON}","{NOT_DUE}")))')


def write_xlsx(path: str | Path, rows: list[Row], *, by: str | None = None,
               soon_days: int = DEFAULT_SOON_DAYS) -> None:
    """Workbook for the clerk, in Vietnamese: sheet "Nhiệm vụ" (one row per
    obligation; status and days left are formulas on TODAY(), so the file
    stays true on the day it is opened; overdue rows in red and those due
    within ``soon_days`` in amber, by conditional formatting; rows as tall as
    their wrapped text; A4 landscape, fit to the page width, header row on
    every page) and sheet "Thống kê" (per unit and status, formulas counting
    the first sheet)."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    cols = ([("group", {"unit": "Nhóm: đơn vị", "document": "Nhóm: văn bản", "reference": "Nhóm: văn bản chỉ đạo"}
              .get(by or "", "Nhóm"), 24, True)] if by else []) + XLSX_COLUMNS
    letter = {key: get_column_letter(i) for i, (key, *_rest) in enumerate(cols, 1)}
    ws.append([head for _k, head, _w, _p in cols])
    items = [(k, r) for k, g in grouped(rows, by) for r in g] if by else [(None, r) for r in rows]
    for n, (key, r) in enumerate(items, 1):
        ob, due = r.ob, r.due
        written = "; ".join(t for t in (ob.deadline_text, ob.recurrence_text) if t)
        where = location_text(ob.loc) if ob.loc else ""
        values = {
            "group": key, "stt": n, "due": due.date, "status": None, "days_left": None,
            "units": units_text(ob), "action": ob.action, "written": written, "report_to": ob.report_to or "",
            "document": ob.document_label + (f" — {where}" if where else ""),
            "due_estimated": due.estimated or "", "implements": "; ".join(directives(ob)),
            "document_subject": ob.document_subject or "", "source_text": ob.source_text or "",
            "document_path": ob.document_path, "uid": ob.uid,
            "unit_keys": "|" + "|".join(dict.fromkeys(u.name for u in ob.units)) + "|" if ob.units else "",
        }
        ws.append([values[k] for k, *_rest in cols])
        keep_text_row(ws, ws.max_row)  # text from documents stays text; the formulas below are ours
        row = ws.max_row
        due_cell = f"{letter['due']}{row}"
        ws[f"{letter['status']}{row}"] = _status_formula(due_cell, soon_days)
        ws[f"{letter['days_left']}{row}"] = f'=IF({due_cell}="","",{due_cell}-TODAY())'
    last = ws.max_row
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    top = Alignment(vertical="top", wrap_text=True)
    for i, (key, _head, width, printed) in enumerate(cols, 1):
        col = get_column_letter(i)
        ws.column_dimensions[col].width = width
        head = ws.cell(1, i)
        head.font = Font(bold=True)
        head.fill = head_fill
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.border = border
        for (cell,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
            if printed:  # the columns past the print area stay on one line: they set no row height
                cell.alignment = top
                cell.border = border
            else:
                cell.alignment = Alignment(vertical="top")
            if key == "due":
                cell.number_format = "DD/MM/YYYY"
            elif key == "days_left":
                cell.number_format = "0"
    ws.column_dimensions[letter["unit_keys"]].hidden = True
    first_printed, last_printed = get_column_letter(1), letter["due_estimated"]
    if last >= 2:
        span = f"{first_printed}2:{last_printed}{last}"
        due_col = f"${letter['due']}2"
        ws.conditional_formatting.add(span, FormulaRule(
            formula=[f'AND({due_col}<>"",{due_col}<TODAY())'], stopIfTrue=True,
            fill=PatternFill("solid", fgColor=_RED_FILL, bgColor=_RED_FILL), font=Font(color=_RED_FONT)))
        ws.conditional_formatting.add(span, FormulaRule(
            formula=[f'AND({due_col}<>"",{due_col}-TODAY()<={soon_days})'], stopIfTrue=True,
            fill=PatternFill("solid", fgColor=_AMBER_FILL, bgColor=_AMBER_FILL), font=Font(color=_AMBER_FONT)))
    fit_row_heights(ws, 1)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"
    print_setup(ws, title_rows="1:1", area=f"A1:{last_printed}{last}")

    cs = wb.create_sheet("Thống kê")
    heads = ["Đơn vị", *STATUSES, "Tổng"]
    cs.append(heads)
    table = counts(rows)
    keys = f"'Nhiệm vụ'!${letter['unit_keys']}$2:${letter['unit_keys']}${max(last, 2)}"
    stats = f"'Nhiệm vụ'!${letter['status']}$2:${letter['status']}${max(last, 2)}"
    for r in table:
        cs.append([r["unit"]])
        keep_text_row(cs, cs.max_row)
        n = cs.max_row
        in_unit = (f'ISNUMBER(FIND("|"&$A{n}&"|",{keys}))' if r["unit"] not in NO_GROUP.values()
                   else f'({keys}="")')
        for j in range(len(STATUSES)):
            c = get_column_letter(2 + j)
            cs.cell(n, 2 + j).value = f"=SUMPRODUCT({in_unit}*({stats}={c}$1))"
        cs.cell(n, len(heads)).value = f"=SUM(B{n}:{get_column_letter(1 + len(STATUSES))}{n})"
    lay_out_counts(cs, 1)
    buf = io.BytesIO()
    wb.save(buf)
    write_bytes_atomic(path, buf.getvalue())

