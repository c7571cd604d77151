"""A document as people corrected it in the tracker, in the gold annotation
format of ``tests/shared/gold/GUIDELINES.md`` (the format of
``tests/gold/real/*.json``): every confirmed document becomes test data
(``vanban export-gold DOC``).  Pure: the indexed JSON of the document and the
``FollowUp`` read from the store in, the gold dict out."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tracker.followup import REJECTED, FollowUp, reference_uid
from tracker.store import document_key, obligation_uids, source_stem

_DOC_KEYS = ("type", "type_code", "number", "symbol", "id", "issuer", "parent_issuer", "place", "date",
             "date_partial", "subject")
_REF_KEYS = ("id", "type", "type_code", "number", "year", "symbol", "date", "issuer", "relation")


def corrected_obligations(doc: dict[str, Any], follow: FollowUp) -> tuple[list[dict[str, Any]], Counter]:
    """The document's obligations with the newest correction of each field
    applied, the rejected ones left out; and counts of what people did."""
    out = []
    tally: Counter = Counter()
    for uid, ob in zip(obligation_uids(doc), doc.get("obligations") or []):
        latest = follow.latest(uid)
        review = latest.get("review")
        if review is not None and review.value == REJECTED:
            tally["rejected"] += 1
            continue
        ob = dict(ob)
        changed = False
        if (c := latest.get("deadline")) is not None:
            v = c.value or {}
            ob["deadline"] = {"date": v.get("date"), "text": v.get("text") or (ob.get("deadline") or {}).get("text")} \
                if (v.get("date") or v.get("text")) else None
            changed = True
        if (c := latest.get("recurrence")) is not None:
            v = c.value or {}
            ob["recurrence"] = {"text": v.get("text"), "rrule": v.get("rrule")} if (v.get("text") or v.get("rrule")) else None
            changed = True
        if (c := latest.get("action")) is not None and c.value:
            ob["action"] = c.value
            changed = True
        if (c := latest.get("units")) is not None:
            ob["units"] = [{"name": u["name"], "raw": u["name"], "role": u.get("role") or "lead", "implied": False}
                           for u in c.value or []]
            changed = True
        if changed:
            tally["corrected"] += 1
        if review is not None:
            tally["confirmed"] += 1
        if uid in follow.done:
            tally["done"] += 1
        out.append(ob)
    tally["kept"] = len(out)
    return out, tally


def corrected_references(doc: dict[str, Any], follow: FollowUp) -> list[dict[str, Any]]:
    """The references of ``doc`` in the gold shape, the rejected ones left out,
    a corrected date or issuer in."""
    key = document_key(doc)
    out = []
    for r in doc.get("references") or []:
        g = {k: r.get(k) for k in _REF_KEYS}
        c = follow.latest(reference_uid(key, r.get("id") or "")).get("reference")
        if c is not None:
            if c.value.get("review") == REJECTED:
                continue
            for k in ("date", "issuer"):
                if c.value.get(k):
                    g[k] = c.value[k]
        out.append(g)
    return out


def _names(ob: dict[str, Any], roles: tuple[str, ...], implied: bool = False) -> list[str]:
    return list(dict.fromkeys(u.get("name") for u in ob.get("units") or []
                              if u.get("name") and (u.get("role") or "lead") in roles and bool(u.get("implied")) == implied))


def period_of(deadline: dict[str, Any]) -> str | None:
    """A month or quarter deadline as GUIDELINES writes it in ``deadlines_period``
    ("2026-04", "2026-Q2"); None for a day (or a deadline a person set to a day)."""
    date, kind = deadline.get("date") or "", deadline.get("kind")
    if len(date) < 7 or kind not in ("month", "quarter"):
        return None
    if kind == "month":
        return date[:7]
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"


def gold_of(doc: dict[str, Any], follow: FollowUp) -> dict[str, Any]:
    """The gold annotation of ``doc`` (contract JSON, ``content`` not needed)."""
    d = doc.get("document") or {}
    obs, tally = corrected_obligations(doc, follow)
    source = (doc.get("source") or {}).get("path") or ""
    signer = d.get("signer") or {}
    gold: dict[str, Any] = {
        "file": source.replace("\\", "/").rsplit("/", 1)[-1],
        "document": {
            **{k: d.get(k) for k in _DOC_KEYS},
            "signer": {k: signer.get(k) for k in ("name", "title", "authority")} if signer else None,
            "recipients": list(d.get("recipients") or []),
            "distribution": list(d.get("distribution") or []),
        },
        "references": corrected_references(doc, follow),
        "unnumbered_references": [u.get("text") if isinstance(u, dict) else u
                                  for u in doc.get("unnumbered_references") or []],
        "deadlines": [],
        "deadlines_period": [],
        "recurring": [],
        "assignments": [],
        "units": [],
        "criteria": doc.get("criteria") or [],
        "criteria_total": doc.get("criteria_total"),
    }
    units: list[str] = []
    for ob in obs:
        doers = _names(ob, ("lead", "responsible"))
        implied = _names(ob, ("lead", "responsible", "support", "monitor"), implied=True)
        deadline = ob.get("deadline") or {}
        rec = ob.get("recurrence") or {}
        if deadline.get("date"):
            period = period_of(deadline)
            entry = ({"period": period} if period else {"date": deadline["date"]}) | {
                "text": deadline.get("text"), "units": doers, "action": ob.get("action"), "report_to": ob.get("report_to")}
            if implied:
                entry["units_implied"] = implied
            gold["deadlines_period" if period else "deadlines"].append(entry)
        if rec.get("text") or rec.get("rrule"):
            gold["recurring"].append({"text": rec.get("text"), "units": doers, "action": ob.get("action"),
                                      "report_to": ob.get("report_to")})
        a = {"units_lead": doers, "units_support": _names(ob, ("support",)), "action": ob.get("action"),
             "source_text": ob.get("source_text")}
        monitor = _names(ob, ("monitor",))
        if monitor:
            a["units_monitor"] = monitor
        if implied:
            a["units_implied"] = implied
        gold["assignments"].append(a)
        for u in ob.get("units") or []:
            if u.get("name") and not u.get("implied") and u["name"] not in units:
                units.append(u["name"])
    gold["units"] = units
    gold["notes"] = (f"Exported by 'vanban export-gold' from {source_stem(source)} as reviewed in the tracker: "
                     f"{len(doc.get('obligations') or [])} obligations extracted, {tally['confirmed']} reviewed, "
                     f"{tally['corrected']} corrected, {tally['rejected']} rejected. Check every field against "
                     "the document before adding this file to a gold set (GUIDELINES.md).")
    return gold
