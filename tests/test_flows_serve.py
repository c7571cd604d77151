"""The Prefect side: ``vanban serve`` builds the two deployments with the
right schedules and parameters (no long-running server is started); the
reminders flow writes its calendar; the ingest flow gives the same outputs on
a local Dask cluster of two worker processes as in-process."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from cli.main import main
from tracker.store import Store
from test_store import district_doc, plan_doc

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_deployments_have_the_schedules_and_parameters():
    from flows.serve import build_deployments

    ingest, reminders = build_deployments(interval_minutes=15, raw_dir="in", out_dir="out", db_url="sqlite:///i.db",
                                          reminders_out="r.ics", reminders_interval_minutes=120)
    assert (ingest.flow_name, reminders.flow_name) == ("vanban-ingest", "vanban-reminders")
    assert [s.schedule.interval for s in ingest.schedules] == [dt.timedelta(minutes=15)]
    assert [s.schedule.interval for s in reminders.schedules] == [dt.timedelta(hours=2)]
    assert all(s.active for s in ingest.schedules + reminders.schedules)
    assert ingest.parameters == {"paths": ["in"], "out_dir": "out", "db_url": "sqlite:///i.db"}
    assert reminders.parameters["out"] == "r.ics" and reminders.parameters["db_url"] == "sqlite:///i.db"
    with pytest.raises(ValueError):
        build_deployments(interval_minutes=0)


def test_vanban_serve_hands_the_deployments_to_prefect_serve(monkeypatch):
    import prefect

    served = []
    monkeypatch.setattr(prefect, "serve", lambda *deps, **kw: served.extend(deps))
    assert main(["serve", "--interval-minutes", "30", "--raw", "inbox"]) == 0
    assert [d.flow_name for d in served] == ["vanban-ingest", "vanban-reminders"]
    assert served[0].schedules[0].schedule.interval == dt.timedelta(minutes=30)
    assert served[1].schedules[0].schedule.interval == dt.timedelta(days=1)  # reminders: daily by default
    assert served[0].parameters["paths"] == ["inbox"]
    assert main(["serve", "--interval-minutes", "-5"]) == 2


def test_task_runner_for_address():
    from prefect_dask import DaskTaskRunner

    from flows.dask_runner import task_runner_for

    runner = task_runner_for("tcp://127.0.0.1:8786")
    assert isinstance(runner, DaskTaskRunner) and runner.address == "tcp://127.0.0.1:8786"
    assert task_runner_for(None).address is None


def test_reminders_flow_writes_the_calendar(prefect_harness, tmp_path):
    from flows.reminders import reminders_flow

    db = f"sqlite:///{tmp_path / 'index.sqlite'}"
    with Store(db) as s:
        s.upsert_document(plan_doc())
        s.upsert_document(district_doc())
    out = tmp_path / "han.ics"
    summary = reminders_flow(out=str(out), db_url=db, days_before=2)
    assert summary == {"out": str(out), "reminders": 5, "undated": 1}
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 5
    assert {e.walk("VALARM")[0].decoded("TRIGGER") for e in events} == {dt.timedelta(days=-2)}


def test_ingest_on_a_two_worker_dask_cluster_matches_local_run(prefect_harness, tmp_path):
    from distributed import LocalCluster

    from flows.dask_runner import task_runner_for
    from flows.ingest import ingest_flow

    raw = tmp_path / "raw"
    raw.mkdir()
    stems = sorted(p.stem for p in RAW.glob("*.txt"))[:3]
    for stem in stems:
        shutil.copy(RAW / f"{stem}.txt", raw)
    (raw / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")

    local_rows = ingest_flow(paths=[str(raw)], out_dir=str(tmp_path / "local"), db_url=f"sqlite:///{tmp_path / 'l.db'}")
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        flow = ingest_flow.with_options(task_runner=task_runner_for(cluster.scheduler_address))
        dask_rows = flow(paths=[str(raw)], out_dir=str(tmp_path / "dask"), db_url=f"sqlite:///{tmp_path / 'd.db'}")

    def key(rows):
        return [(Path(r["file"]).name, r["status"], r["obligations"], r["references"], r["error"]) for r in rows]

    assert key(dask_rows) == key(local_rows)
    assert sum(r["status"] == "ok" for r in dask_rows) == len(stems)
    for stem in stems:
        a = json.loads((tmp_path / "local" / f"{stem}.json").read_text(encoding="utf-8"))
        b = json.loads((tmp_path / "dask" / f"{stem}.json").read_text(encoding="utf-8"))
        assert a == b
    with Store(f"sqlite:///{tmp_path / 'l.db'}") as s1, Store(f"sqlite:///{tmp_path / 'd.db'}") as s2:
        assert s1.document_count() == s2.document_count() == len(stems)
        assert [o.uid for o in s1.obligations()] == [o.uid for o in s2.obligations()]
