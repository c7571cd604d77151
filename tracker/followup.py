"""What people add to the extracted obligations: corrections, completions,
merged units, calendar feed tokens (the tracker web app writes them; the CLI's
queries read them through ``tracker.query.select``).

* A **correction** replaces one field of an obligation as extracted:
  ``deadline`` ({"date", "text"}), ``recurrence`` ({"text", "rrule"}),
  ``action`` (text), ``units`` ([{"name", "role"}]) or ``review``
  ("confirmed" / "rejected").  Every correction is kept with who made it and
  when; the newest one of a field wins.
* A **completion** marks an obligation done ("đã hoàn thành") on a date, with
  a note and optionally the ingested report that says so.
* A **suggestion** ("đã báo cáo") is computed, never stored: an ingested
  report (Báo cáo, Công văn …) whose issuer is a unit and which cites the plan
  that gave that unit a task suggests the task is done, for a person to
  confirm (a completion) or dismiss.
* Corrections and completions are keyed by the obligation's stable ``uid``
  (``tracker.store.obligation_uids``: the document's identity and "who does
  what"), so a re-ingest of the same document, which replaces its rows, keeps
  them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import sqlalchemy as sa

from core.textutil import fold, nfc
from tracker.store import (ROLES, Store, StoredObligation, StoredUnitLink, documents, reference_key, references)
from tracker.unit_aliases import AliasGroup, name_key

DONE = "đã hoàn thành"
FIELDS = ("deadline", "recurrence", "action", "units", "review", "reference")
CONFIRMED, REJECTED = "confirmed", "rejected"
REPORT_TYPE_CODES = ("BC", "CV", "TTr")  # Báo cáo, Công văn (trả lời), Tờ trình báo cáo

metadata = sa.MetaData()

corrections = sa.Table(
    "web_corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("uid", sa.String(128), nullable=False),
    sa.Column("doc_key", sa.String(64), nullable=False),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("value", sa.Text),
    sa.Column("username", sa.String(128), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)
completions = sa.Table(
    "web_completions", metadata,
    sa.Column("uid", sa.String(128), primary_key=True),
    sa.Column("doc_key", sa.String(64), nullable=False),
    sa.Column("done_on", sa.String(10), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("report_path", sa.Text),
    sa.Column("suggested", sa.Boolean, nullable=False),
    sa.Column("username", sa.String(128), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)
dismissed = sa.Table(
    "web_dismissed", metadata,
    sa.Column("uid", sa.String(128), primary_key=True),
    sa.Column("report_path", sa.Text, primary_key=True),
    sa.Column("username", sa.String(128), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)
unit_merges = sa.Table(
    "web_unit_merges", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("other", sa.Text, nullable=False),
    sa.Column("username", sa.String(128), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)
feed_tokens = sa.Table(
    "web_feed_tokens", metadata,
    sa.Column("unit_key", sa.String(512), primary_key=True),
    sa.Column("token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Correction:
    uid: str
    doc_key: str
    field: str
    value: Any
    username: str
    at: str


@dataclass(frozen=True, slots=True)
class Completion:
    uid: str
    doc_key: str
    done_on: str
    note: str | None
    report_path: str | None
    suggested: bool
    username: str
    at: str


@dataclass(slots=True)
class FollowUp:
    """Everything people added, read once per query."""

    corrections: dict[str, list[Correction]] = field(default_factory=dict)  # uid -> oldest first
    done: dict[str, Completion] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)

    def latest(self, uid: str) -> dict[str, Correction]:
        out: dict[str, Correction] = {}
        for c in self.corrections.get(uid, []):
            out[c.field] = c
        return out

    def review(self, uid: str) -> str | None:
        c = self.latest(uid).get("review")
        return c.value if c else None

    def unit_corrected(self) -> set[str]:
        return {uid for uid, cs in self.corrections.items() if any(c.field == "units" for c in cs)}

    def merge_groups(self) -> list[AliasGroup]:
        return merge_groups(self.merges)


def merge_groups(merges: Iterable[tuple[str, str]]) -> list[AliasGroup]:
    """Units merged by hand as alias groups (pairs chained: A~B, B~C → one group
    named A), compared as the alias file compares names."""
    parent: dict[str, str] = {}
    shown: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    order: list[str] = []
    for a, b in merges:
        ka, kb = name_key(a), name_key(b)
        if not ka or not kb:
            continue
        for k, n in ((ka, a), (kb, b)):
            if k not in shown:
                shown[k] = n
                order.append(k)
        ra, rb = find(ka), find(kb)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[str]] = defaultdict(list)
    for k in order:
        groups[find(k)].append(shown[k])
    return [AliasGroup(names[0], tuple(names)) for names in groups.values() if len(names) > 1]


# --------------------------------------------------------------------------
# Reading and applying
# --------------------------------------------------------------------------


def load(store: Store) -> FollowUp:
    with store.engine.connect() as conn:
        with conn.begin():
            cs = conn.execute(sa.select(corrections).order_by(corrections.c.id)).all()
            ds = conn.execute(sa.select(completions)).all()
            ms = conn.execute(sa.select(unit_merges.c.name, unit_merges.c.other).order_by(unit_merges.c.id)).all()
    out = FollowUp()
    for r in cs:
        out.corrections.setdefault(r.uid, []).append(
            Correction(r.uid, r.doc_key, r.field, json.loads(r.value) if r.value else None, r.username, r.at))
    for r in ds:
        out.done[r.uid] = Completion(r.uid, r.doc_key, r.done_on, r.note, r.report_path, bool(r.suggested),
                                     r.username, r.at)
    out.merges = [(r.name, r.other) for r in ms]
    return out


def apply(ob: StoredObligation, follow: FollowUp, unit_ids: dict[str, int] | None = None) -> StoredObligation:
    """The obligation as people corrected it (the newest correction of each
    field); the stored one when nobody did."""
    latest = follow.latest(ob.uid)
    if not latest:
        return ob
    changes: dict[str, Any] = {}
    if (c := latest.get("deadline")) is not None:
        v = c.value or {}
        changes["deadline_date"] = v.get("date")
        changes["deadline_text"] = v.get("text")
    if (c := latest.get("recurrence")) is not None:
        v = c.value or {}
        changes["recurrence_text"] = v.get("text")
        changes["recurrence_rrule"] = v.get("rrule")
    if (c := latest.get("action")) is not None and c.value:
        changes["action"] = c.value
    if (c := latest.get("units")) is not None:
        ids = unit_ids or {}
        changes["units"] = [StoredUnitLink(u["name"], u["name"], u.get("role") or "lead",
                                           ids.get(fold(u["name"]), -1)) for u in c.value or []]
    return dataclasses.replace(ob, **changes) if changes else ob


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def _write(store: Store):
    return store._write()  # noqa: SLF001 — the store's write transaction (SQLite: BEGIN IMMEDIATE)


def validate_correction(field_: str, value: Any) -> Any:
    """The value of a correction in its stored shape; ``ValueError`` (in
    Vietnamese, shown to the user) when it cannot be one."""
    if field_ not in FIELDS:
        raise ValueError(f"không sửa được trường {field_!r}")
    if field_ == "review":
        if value not in (CONFIRMED, REJECTED):
            raise ValueError("xác nhận phải là 'confirmed' hoặc 'rejected'")
        return value
    if field_ == "action":
        text = nfc(str(value or "")).strip()
        if not text:
            raise ValueError("nhiệm vụ không được để trống")
        return text
    if field_ == "deadline":
        v = dict(value or {})
        date = (v.get("date") or "").strip() or None
        if date:
            dt.date.fromisoformat(date)  # ValueError names the bad date
        return {"date": date, "text": nfc((v.get("text") or "").strip()) or None}
    if field_ == "recurrence":
        v = dict(value or {})
        rrule = (v.get("rrule") or "").strip().upper() or None
        if rrule:
            from dateutil.rrule import rrulestr

            try:
                rrulestr(rrule, dtstart=dt.datetime(2000, 1, 1))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"quy tắc lặp không hợp lệ: {rrule}") from exc
        return {"text": nfc((v.get("text") or "").strip()) or None, "rrule": rrule}
    if field_ == "reference":
        v = dict(value or {})
        review = v.get("review") or None
        if review not in (None, CONFIRMED, REJECTED):
            raise ValueError("xác nhận phải là 'confirmed' hoặc 'rejected'")
        date = (v.get("date") or "").strip() or None
        if date:
            dt.date.fromisoformat(date)
        return {"review": review, "date": date, "issuer": nfc((v.get("issuer") or "").strip()) or None}
    units_ = []
    for u in value or []:
        name = nfc((u.get("name") or "").strip())
        role = u.get("role") or "lead"
        if not name:
            continue
        if role not in ROLES:
            raise ValueError(f"vai trò không hợp lệ: {role}")
        units_.append({"name": name, "role": role})
    return units_


def add_correction(store: Store, ob: StoredObligation, field_: str, value: Any, username: str) -> Correction:
    value = validate_correction(field_, value)
    c = Correction(ob.uid, ob.document_key, field_, value, username, now_iso())
    with _write(store) as conn:
        conn.execute(corrections.insert().values(uid=c.uid, doc_key=c.doc_key, field=c.field,
                                                 value=json.dumps(value, ensure_ascii=False),
                                                 username=username, at=c.at))
    return c


def reference_uid(doc_key: str, ref_id: str) -> str:
    """The key of a cited reference's review: its citing document and its id."""
    return ("ref:" + doc_key + ":" + reference_key(ref_id))[:128]


def review_reference(store: Store, doc_key: str, ref_id: str, value: Any, username: str) -> Correction:
    """Confirm or reject a reference a document cites, or correct its date and
    issuer (``value``: {"review", "date", "issuer"})."""
    value = validate_correction("reference", value)
    c = Correction(reference_uid(doc_key, ref_id), doc_key, "reference", value, username, now_iso())
    with _write(store) as conn:
        conn.execute(corrections.insert().values(uid=c.uid, doc_key=doc_key, field="reference",
                                                 value=json.dumps(value, ensure_ascii=False),
                                                 username=username, at=c.at))
    return c


def history(store: Store, uid: str) -> list[Correction]:
    with store._read() as conn:  # noqa: SLF001
        rows = conn.execute(sa.select(corrections).where(corrections.c.uid == uid).order_by(corrections.c.id)).all()
    return [Correction(r.uid, r.doc_key, r.field, json.loads(r.value) if r.value else None, r.username, r.at)
            for r in rows]


def mark_done(store: Store, ob: StoredObligation, *, done_on: dt.date, note: str | None, username: str,
              report_path: str | None = None, suggested: bool = False) -> Completion:
    c = Completion(ob.uid, ob.document_key, done_on.isoformat(), (nfc(note).strip() or None) if note else None,
                   report_path, suggested, username, now_iso())
    with _write(store) as conn:
        conn.execute(completions.delete().where(completions.c.uid == ob.uid))
        conn.execute(completions.insert().values(**dataclasses.asdict(c)))
    return c


def reopen(store: Store, uid: str) -> None:
    with _write(store) as conn:
        conn.execute(completions.delete().where(completions.c.uid == uid))


def dismiss(store: Store, uid: str, report_path: str, username: str) -> None:
    with _write(store) as conn:
        conn.execute(dismissed.delete().where(dismissed.c.uid == uid, dismissed.c.report_path == report_path))
        conn.execute(dismissed.insert().values(uid=uid, report_path=report_path, username=username, at=now_iso()))


def merge_units(store: Store, name: str, other: str, username: str) -> None:
    name, other = nfc(name).strip(), nfc(other).strip()
    if not name or not other or name_key(name) == name_key(other):
        raise ValueError("cần hai đơn vị khác nhau để gộp")
    with _write(store) as conn:
        conn.execute(unit_merges.insert().values(name=name, other=other, username=username, at=now_iso()))


def feed_token(store: Store, unit_name: str, *, renew: bool = False) -> str:
    """The secret of a unit's calendar feed (made on first use; ``renew``
    replaces it, so an old subscription URL stops working)."""
    key = name_key(unit_name)[:512]
    with _write(store) as conn:
        row = conn.execute(sa.select(feed_tokens.c.token).where(feed_tokens.c.unit_key == key)).scalar()
        if row is not None and not renew:
            return row
        token = secrets.token_urlsafe(24)
        conn.execute(feed_tokens.delete().where(feed_tokens.c.unit_key == key))
        conn.execute(feed_tokens.insert().values(unit_key=key, token=token, created_at=now_iso()))
    return token


def check_feed_token(store: Store, unit_name: str, token: str) -> bool:
    key = name_key(unit_name)[:512]
    with store._read() as conn:  # noqa: SLF001
        row = conn.execute(sa.select(feed_tokens.c.token).where(feed_tokens.c.unit_key == key)).scalar()
    return row is not None and bool(token) and secrets.compare_digest(row, token)


# --------------------------------------------------------------------------
# Suggestions: "đã báo cáo"
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suggestion:
    uid: str
    unit: str  # the unit that reported
    report_path: str
    report_label: str  # "Báo cáo 12/BC-TTYT ngày …"
    report_date: str | None
    plan_id: str


def is_report_document(type_code: str | None, type_: str | None) -> bool:
    t = fold(type_ or "")
    return (type_code or "").upper() in REPORT_TYPE_CODES or t.startswith("bao cao") or t.startswith("cong van")


def suggestions(store: Store, obligations: Iterable[StoredObligation], follow: FollowUp,
                unit_keys_of: dict[str, set[str]] | None = None) -> dict[str, list[Suggestion]]:
    """For each obligation not yet done: the ingested reports whose issuer is
    one of its units and which cite its document.  ``unit_keys_of``: each
    unit's folded names (its aliases and merged names), by canonical name."""
    obs = [ob for ob in obligations if ob.uid not in follow.done and ob.document_id]
    if not obs:
        return {}
    with store._read() as conn:  # noqa: SLF001
        rows = conn.execute(
            sa.select(documents.c.path, documents.c.doc_id, documents.c.type, documents.c.type_code,
                      documents.c.issuer, documents.c.date, documents.c.doc_key, references.c.ref_key,
                      references.c.ref_id)
            .join(references, references.c.document_id == documents.c.id)).all()
        dis = {(r.uid, r.report_path) for r in conn.execute(sa.select(dismissed))}
    cited_by: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        if r.issuer and is_report_document(r.type_code, r.type):
            review = follow.latest(reference_uid(r.doc_key, r.ref_id)).get("reference")
            if review is not None and (review.value or {}).get("review") == REJECTED:
                continue  # a reviewer said the report does not cite it
            cited_by[r.ref_key].append(r)
    out: dict[str, list[Suggestion]] = {}
    for ob in obs:
        reports = cited_by.get(reference_key(ob.document_id or ""), [])
        if not reports:
            continue
        for u in ob.units:
            keys = (unit_keys_of or {}).get(u.name) or {name_key(u.name)}
            for rep in reports:
                if rep.path == ob.document_path or not _issued_by(rep.issuer, keys):
                    continue
                if (ob.uid, rep.path) in dis:
                    continue
                label = f"{rep.type or 'Văn bản'} {rep.doc_id or ''}".strip()
                if rep.date:
                    label += f" ngày {dt.date.fromisoformat(rep.date).strftime('%d/%m/%Y')}"
                out.setdefault(ob.uid, []).append(
                    Suggestion(ob.uid, u.name, rep.path, label, rep.date, ob.document_id or ""))
    return out


def _issued_by(issuer: str, unit_keys: set[str]) -> bool:
    """The report's issuer is the unit: the same name, or the unit's name as
    the issuer's leading words ("Trung tâm Y tế huyện X" for "Trung tâm Y tế")
    or the other way round."""
    key = name_key(issuer)
    return any(key == k or key.startswith(k + " ") or k.startswith(key + " ") for k in unit_keys if k)
