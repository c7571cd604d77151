"""The issue's acceptance check, on real output: every sample in ``data/raw``
(each seed as .txt, .docx and .pdf) extracted as ``vanban ingest`` does it
(``flows.ingest.extract_to_file`` with its output names, then the store; no
Prefect), then

* ``vanban obligations --unit "phong to chuc hanh chinh"`` lists the seed 001
  obligations of Phòng Tổ chức - Hành chính - Tài chính - Kế toán with their
  deadlines (the gold's, 10/11/2023 …), each obligation once although the
  document was ingested from three files, shown from its .docx;
* ``vanban reminders --out r.ics`` holds one event per dated obligation;
* ``vanban references 33/CT-TTg`` counts the documents citing it, not the files.

Expected figures come from the gold annotations and from the extracted JSON
itself, so extractor improvements do not break this test."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import GOLD, RAW
from flows.ingest import extract_to_file, find_documents, output_names
from cli.main import main
from tracker.query import select
from tracker.store import Store, source_rank, source_stem
from core.textutil import fold

SEED = "001_d7b8ee2fe133437a"
UNIT = "Phòng Tổ chức - Hành chính - Tài chính - Kế toán"
TODAY = dt.date(2023, 11, 8)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """(structured dir, database URL, {source path: its JSON})."""
    root = tmp_path_factory.mktemp("e2e")
    out_dir = root / "structured"
    files, problems = find_documents([str(RAW)])
    assert not problems and {f.suffix for f in files} >= {".txt", ".docx", ".pdf"}
    names = output_names(files)
    url = f"sqlite:///{root / 'index.sqlite'}"
    docs = {}
    with Store(url) as s:
        for f in files:
            row = extract_to_file(str(f), str(out_dir / names[f]))
            assert row["status"] == "ok", row
            doc = json.loads(Path(row["output"]).read_text(encoding="utf-8"))
            assert s.upsert_document(doc) is True
            docs[doc["source"]["path"]] = doc
    return out_dir, url, docs


def _cli_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def test_unit_query_lists_the_seed_obligations_with_their_deadlines(ingested, capsys):
    _, url, docs = ingested
    rows = _cli_json(capsys, "obligations", "--db", url, "--unit", "phong to chuc hanh chinh",
                     "--today", TODAY.isoformat(), "--format", "json")
    ours = [r for r in rows if source_stem(r["document"]["path"]) == SEED
            and any(fold(u["name"]) == fold(UNIT) for u in r["units"])]
    assert ours, "no obligation of the seed's Phòng TC-HC-TC-KT"
    gold_dates = {d["date"] for d in _gold(SEED)["deadlines"] if fold(UNIT) in {fold(u) for u in d["units"]}}
    assert "2023-11-10" in gold_dates
    assert gold_dates <= {r["deadline"]["date"] for r in ours if r["deadline"]}
    ten = next(r for r in ours if r["deadline"] and r["deadline"]["date"] == "2023-11-10")
    assert ten["status"] == "sắp đến hạn" and "10/11/2023" in ten["deadline"]["text"]
    # shown once, from the most original copy
    assert {r["document"]["path"] for r in ours} == {str(RAW / f"{SEED}.docx")}
    assert len({r["uid"] for r in rows}) == len(rows)
    # the readable table says the same
    assert main(["obligations", "--db", url, "--unit", "phong to chuc hanh chinh",
                 "--today", TODAY.isoformat()]) == 0
    table = capsys.readouterr().out
    assert "10/11/2023" in table and "Tài chính - Kế toán" in table  # the unit column wraps


def test_each_obligation_once_across_the_three_formats(ingested):
    _, url, docs = ingested
    with Store(url) as s:
        distinct = select(s, today=TODAY).rows
        every = select(s, today=TODAY, distinct=False).rows
    assert len(every) == sum(len(d["obligations"]) for d in docs.values())
    shown = Counter(r.ob.document_path for r in distinct)
    copies: dict[str, list[str]] = {}
    for path in docs:
        copies.setdefault(source_stem(path), []).append(path)
    for stem, paths in copies.items():  # every seed has three copies; data/raw/real/ files one each
        best = min(paths, key=lambda p: (source_rank(docs[p]["source"]["format"]), p))
        assert {p for p in paths if shown[p]} <= {best}, stem
        assert shown[best] == len(docs[best]["obligations"]), stem
    assert shown[str(RAW / f"{SEED}.docx")] == len(docs[str(RAW / f"{SEED}.docx")]["obligations"]) > 0
    assert len({r.ob.uid for r in distinct}) == len(distinct)
    # a given file can still be asked for
    pdf = str(RAW / f"{SEED}.pdf")
    with Store(url) as s:
        assert {r.ob.document_path for r in select(s, document=pdf, today=TODAY).rows} == {pdf}


def test_reminders_hold_one_event_per_dated_obligation(ingested, tmp_path, capsys):
    _, url, _ = ingested
    out = tmp_path / "r.ics"
    assert main(["reminders", "--db", url, "--today", TODAY.isoformat(), "--out", str(out)]) == 0
    capsys.readouterr()
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    with Store(url) as s:
        dated = [r for r in select(s, today=TODAY).rows if r.ob.deadline_date or r.ob.recurrence_rrule]
    assert dated
    assert Counter(str(e["UID"]) for e in events) == Counter(r.ob.uid for r in dated)
    starts = {e.decoded("DTSTART") for e in events}
    assert {dt.date.fromisoformat(d["date"]) for d in _gold(SEED)["deadlines"]} <= starts
    ten = [e for e in events if e.decoded("DTSTART") == dt.date(2023, 11, 10)]
    assert any(UNIT in str(e["DESCRIPTION"]) for e in ten)
    assert all(f"Tệp: {RAW / SEED}.docx" in str(e["DESCRIPTION"]) for e in ten)


def test_references_count_documents_not_files(ingested, capsys):
    out_dir, _, docs = ingested
    gold_citing = {p.stem for p in GOLD.glob("*.json")
                   if any(r["id"] == "33/CT-TTg" for r in json.loads(p.read_text(encoding="utf-8"))["references"])}
    assert len(gold_citing) == 2
    got = _cli_json(capsys, "references", "33/CT-TTg", "--dir", str(out_dir), "--format", "json")
    assert got["citing_documents"] == len(gold_citing)
    by_doc = Counter(c["path"] for c in got["citations"])
    assert {source_stem(p) for p in by_doc} == gold_citing
    assert all(p.endswith(".docx") for p in by_doc)
    docx_mentions = {s: sum(len(r["mentions"]) for r in docs[str(RAW / f"{s}.docx")]["references"]
                            if r["id"] == "33/CT-TTg") for s in gold_citing}
    assert {source_stem(p): n for p, n in by_doc.items()} == docx_mentions
    ranked = _cli_json(capsys, "references", "--dir", str(out_dir), "--format", "json", "--limit", "0")
    counts = {r["id"]: r["citing_documents"] for r in ranked}
    assert counts["33/CT-TTg"] == 2 and max(counts.values()) <= len({source_stem(p) for p in docs})
