"""Every obligation with its status, computed once and reused by the list
pages until the store changes (an ingest, a correction, a completion) or the
day does: with 10,000 obligations ``tracker.query.select`` takes over a
second (loading the rows, and the next occurrence of each recurring task),
filtering the computed rows a few milliseconds.

``filter_rows`` filters as ``select`` does (a unit by any of its names and the
units merged with it, a role, a document, due dates, a status), on rows
``select`` already computed with the people's corrections applied."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any, Iterable

import sqlalchemy as sa

from core.textutil import fold
from tracker import followup
from tracker.query import Row, match_units, select
from tracker.store import Store, StoredUnit, reference_key
from tracker.unit_aliases import load_aliases

_FINGERPRINT = sa.text(
    "SELECT (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents), "
    "(SELECT max(id) FROM documents), (SELECT count(*) FROM units), (SELECT max(id) FROM web_corrections), "
    "(SELECT count(*) FROM web_completions), (SELECT max(at) FROM web_completions), "
    "(SELECT max(id) FROM web_unit_merges)")


@dataclass(slots=True)
class Snapshot:
    key: tuple
    rows: list[Row]  # every obligation, done and rejected ones included
    units: list[StoredUnit]
    follow: followup.FollowUp
    by_uid: dict[str, Row]
    links: list[tuple[tuple[int, str, str], ...]] = ()  # per row: (unit id, folded name, role) of each unit
    rejected: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.links:
            self.links = [tuple((u.unit_id, fold(u.name), u.role) for u in r.ob.units) for r in self.rows]
            self.rejected = frozenset(r.ob.uid for r in self.rows
                                      if self.follow.review(r.ob.uid) == followup.REJECTED)


class Snapshots:
    """The current ``Snapshot`` of a store (thread-safe; one computation at a time)."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._snap = None

    def fingerprint(self) -> tuple:
        with self.store.engine.connect() as conn:
            return tuple(conn.execute(_FINGERPRINT).one())

    def get(self, today: dt.date) -> Snapshot:
        key = (today, self.fingerprint())
        snap = self._snap
        if snap is not None and snap.key == key:
            return snap
        with self._lock:
            if self._snap is not None and self._snap.key == key:
                return self._snap
            follow = followup.load(self.store)
            res = select(self.store, today=today, include_done=True, include_rejected=True, follow=follow)
            snap = Snapshot(key, res.rows, self.store.units(), follow, {r.ob.uid: r for r in res.rows})
            self._snap = snap
            return snap


    def refresh_document(self, today: dt.date, document_path: str, before: tuple) -> None:
        """After a write to one document's obligations (a correction, a
        completion): recompute that document's rows only, when nothing else
        changed the store since ``before`` (the fingerprint read before the
        write); otherwise start again."""
        with self._lock:
            snap = self._snap
            if snap is None or snap.key != (today, before):
                self._snap = None
                return
            follow = followup.load(self.store)
            fresh = select(self.store, document=document_path, today=today, include_done=True,
                           include_rejected=True, follow=follow).rows
            rows = [r for r in snap.rows if r.ob.document_path != document_path] + fresh
            rows.sort(key=lambda r: (r.due.date is None, r.due.date or dt.date.max, r.ob.document_path, r.ob.ordinal))
            self._snap = Snapshot((today, self.fingerprint()), rows, snap.units, follow, {r.ob.uid: r for r in rows})


@dataclass(slots=True)
class Selection:
    rows: list[Row]
    units: list[StoredUnit]
    unit_query: str | None
    suggestions: list[str]

    @property
    def unit_not_found(self) -> bool:
        return self.unit_query is not None and not self.units


def filter_rows(snap: Snapshot, *, unit: str | None = None, role: str | None = None, document: str | None = None,
                date_from: dt.date | None = None, date_to: dt.date | None = None, status: str | None = None,
                include_rejected: bool = False, aliases: Any = None) -> Selection:
    """The snapshot's rows as ``select(unit=…, role=…, document=…, …,
    include_done=True)`` gives them."""
    matched: list[StoredUnit] = []
    if unit is not None:
        groups = (load_aliases() if aliases is None else aliases) + snap.follow.merge_groups()
        m = match_units(snap.units, unit, groups=groups)
        if not m.units:
            return Selection([], [], unit, m.suggestions)
        matched = m.units
    ids = {u.id for u in matched}
    keys = {fold(n) for u in matched for n in (u.name, *u.aliases)}
    doc_key = reference_key(document) if document else None
    out = []
    for r, links in zip(snap.rows, snap.links):
        ob = r.ob
        if not include_rejected and ob.uid in snap.rejected:
            continue
        if (unit is not None or role) and not any(
                (not role or rl == role) and (unit is None or uid_ in ids or name in keys) for uid_, name, rl in links):
            continue
        if document and not ((ob.document_id and reference_key(ob.document_id) == doc_key)
                             or ob.document_path == document or ob.document_stem == document):
            continue
        d = r.due
        if status and d.status != status:
            continue
        if (date_from or date_to) and d.date is None:
            continue
        if date_from and d.date < date_from:
            continue
        if date_to and d.date > date_to:
            continue
        out.append(r)
    return Selection(out, matched, unit, [])


def uids(rows: Iterable[Row]) -> set[str]:
    return {r.ob.uid for r in rows}
