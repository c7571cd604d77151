"""The Prefect side: ``vanban serve`` builds the two deployments with the
right schedules, names and parameters; served for real (a Prefect server, the
``vanban serve`` command) a one-minute schedule fires and ingests a file
dropped into the watched folder; the reminders flow writes its calendar; the
ingest flow gives the same outputs on a local Dask cluster of two worker
processes as in-process."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
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
    # names say what they do (Prefect bans '/' in names)
    assert (ingest.name, reminders.name) == ("ingest in every 15 min", "reminders r.ics every 2 h")
    ingest, reminders = build_deployments(raw_dir="data/raw", reminders_out="data/reminders.ics")
    assert (ingest.name, reminders.name) == ("ingest data›raw every 60 min", "reminders data›reminders.ics every day")
    with pytest.raises(ValueError):
        build_deployments(interval_minutes=0)


def test_vanban_serve_hands_the_deployments_to_prefect_serve(monkeypatch):
    import prefect

    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # a server is given: none is started
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


class ProgressRecorder:
    """Records what the ingest's progress shows (``flows.ingest.PROGRESS``)."""

    def __init__(self):
        self.names: list[str] = []
        self.count = 0
        self.pid = os.getpid()

    def queued(self):
        self.count += 1

    def unchanged(self):
        pass

    def started(self, path):
        pass

    def finished(self, row):
        self.names.append(Path(row["file"]).name)

    def indexing(self):
        pass


def test_ingest_on_a_two_worker_dask_cluster_matches_local_run(prefect_harness, tmp_path, monkeypatch):
    from distributed import LocalCluster

    import flows.ingest
    from flows.dask_runner import task_runner_for
    from flows.ingest import ingest_flow

    raw = tmp_path / "raw"
    raw.mkdir()
    stems = sorted(p.stem for p in RAW.glob("*.txt"))[:3]
    for stem in stems:
        shutil.copy(RAW / f"{stem}.txt", raw)
    (raw / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")

    shown = {"local": ProgressRecorder(), "dask": ProgressRecorder()}
    monkeypatch.setattr(flows.ingest, "PROGRESS", shown["local"])
    local_rows = ingest_flow(paths=[str(raw)], out_dir=str(tmp_path / "local"), db_url=f"sqlite:///{tmp_path / 'l.db'}")
    monkeypatch.setattr(flows.ingest, "PROGRESS", shown["dask"])
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        flow = ingest_flow.with_options(task_runner=task_runner_for(cluster.scheduler_address))
        dask_rows = flow(paths=[str(raw)], out_dir=str(tmp_path / "dask"), db_url=f"sqlite:///{tmp_path / 'd.db'}")
    # progress: every document once, whether read in this process or in a Dask worker process
    for rec in shown.values():
        assert sorted(rec.names) == sorted([f"{s}.txt" for s in stems] + ["broken.docx"]) and rec.count == 4, (shown["local"].names, shown["local"].count, shown["dask"].names, shown["dask"].count)
    assert not any("progress_shown" in r for r in local_rows + dask_rows)

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


# --------------------------------------------------------------------------
# For real: a Prefect server, `vanban serve` as a user runs it, a new file
# --------------------------------------------------------------------------

BIN = Path(sys.executable).parent


def _api(url: str, path: str, body: dict | None = None):
    req = urllib.request.Request(f"{url}/{path}", data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="GET" if body is None else "POST")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def _group_alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_vanban_serve_fires_on_schedule_and_ingests_a_new_file(tmp_path):
    """`prefect server start` (free port, its own PREFECT_HOME), then `vanban
    serve --interval-minutes 1` on a watched folder; a document dropped into
    the folder after the deployments are registered is ingested by a
    *scheduled* run (JSON written, index updated) within the time bound; then
    both are stopped and no process of theirs is left."""
    from flows.serve import deployment_name
    from flows.server import free_port, server_answers, stop_group

    started = time.monotonic()
    budget = 230.0  # seconds for the whole test (the schedule alone is one minute)
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PREFECT_RUNNER_POLL_FREQUENCY="2")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    raw, out, db = tmp_path / "inbox", tmp_path / "out", tmp_path / "index.sqlite"
    raw.mkdir()
    procs: list[subprocess.Popen] = []
    try:
        with (tmp_path / "server.log").open("wb") as log:
            procs.append(subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                                           "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True))
        while not server_answers(url):
            assert procs[0].poll() is None, (tmp_path / "server.log").read_text()[-3000:]
            assert time.monotonic() - started < 120, "the Prefect server did not start"
            time.sleep(0.5)
        env["PREFECT_API_URL"] = url
        with (tmp_path / "serve.log").open("wb") as log:
            procs.append(subprocess.Popen([str(BIN / "vanban"), "serve", "--interval-minutes", "1", "--raw", str(raw),
                                           "--out", str(out), "--db", f"sqlite:///{db}",
                                           "--reminders-out", str(tmp_path / "han.ics")],
                                          cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True))
        deployments: list[dict] = []
        while len(deployments) < 2:
            assert procs[1].poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            assert time.monotonic() - started < budget, "vanban serve registered no deployments"
            time.sleep(1)
            deployments = _api(url, "deployments/filter", {})
        names = {d["name"] for d in deployments}
        assert deployment_name("ingest", str(raw), 1) in names, names
        assert deployment_name("ingest", str(raw), 1).endswith("›inbox every 1 min")
        ingest_id = next(d["id"] for d in deployments if d["name"].startswith("ingest "))

        def ingest_runs() -> list[dict]:
            return _api(url, "flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [ingest_id]}}})

        # a new document arrives in the watched folder
        doc = sorted(RAW.glob("*.txt"))[0]
        shutil.copy(doc, raw / doc.name)
        expected = out / f"{doc.stem}.json"
        # its JSON appears, and the run that wrote it finishes (then the index is complete)
        while not (expected.exists() and any(r["state_type"] == "COMPLETED" for r in ingest_runs())
                   and not any(r["state_type"] in ("RUNNING", "PENDING") for r in ingest_runs())):
            assert procs[1].poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            assert time.monotonic() - started < budget, (
                f"no scheduled ingest in {budget:.0f} s; runs: "
                + str([(r["name"], r["state_type"], r["expected_start_time"]) for r in ingest_runs()]))
            time.sleep(2)
        data = json.loads(expected.read_text(encoding="utf-8"))
        assert data["source"]["path"].endswith(doc.name) and data["obligations"]
        with Store(f"sqlite:///{db}") as s:
            assert [Path(p).name for p in s.document_paths()] == [doc.name]
            assert s.document_count() == 1
        runs = [r for r in ingest_runs() if r["state_type"] not in ("SCHEDULED",)]
        assert runs and all(r["auto_scheduled"] for r in runs), runs  # made by the scheduler, not by hand
        assert all(r["state_type"] == "COMPLETED" for r in runs), runs
    finally:
        for p in reversed(procs):
            stop_group(p)
    assert all(p.returncode is not None for p in procs)
    assert not any(_group_alive(p.pid) for p in procs), "a process of the server or of vanban serve is left"
    assert time.monotonic() - started < 240



def test_vanban_serve_without_a_server_starts_one_and_stops_it(tmp_path):
    """No PREFECT_API_URL and nothing answering: `vanban serve` starts `prefect
    server start` itself (the temporary server has no scheduler), registers the
    deployments there, and on Ctrl-C stops it: nothing is left running."""
    import re
    import signal

    from flows.server import free_port, server_answers, stop_group

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_API_PORT=str(port))
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        # as at a terminal, Ctrl-C is not ignored: a suite started in the background (``nohup …&``, some CI
        # runners) passes SIGINT ignored down to every child, and Python then never raises KeyboardInterrupt
        proc = subprocess.Popen([str(BIN / "vanban"), "serve", "--raw", str(tmp_path / "in"),
                                 "--out", str(tmp_path / "out"), "--db", f"sqlite:///{tmp_path / 'i.db'}"],
                                cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        started = time.monotonic()
        while "vanban: serving" not in log.read_text(errors="replace"):
            assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() - started < 180, log.read_text(errors="replace")[-3000:]
            time.sleep(1)
        url = re.search(r"summaries: (http://\S+)\)", log.read_text()).group(1) + "/api"
        assert url == f"http://127.0.0.1:{port}/api" and server_answers(url)  # the port Prefect's settings name
        deployments: set[str] = set()
        while len(deployments) < 2:  # registered by prefect.serve just after the line above
            assert proc.poll() is None and time.monotonic() - started < 180, log.read_text(errors="replace")[-3000:]
            time.sleep(1)
            deployments = {d["name"] for d in _api(url, "deployments/filter", {})}
        assert deployments == {"ingest " + "›".join(tmp_path.parts[1:]) + "›in every 60 min",
                               "reminders data›reminders.ics every day"}
        assert (tmp_path / "home" / "server.log").exists()  # the server's log is in the Prefect home
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C
        proc.wait(120)
    finally:
        stop_group(proc)
    assert not server_answers(url)
    left = subprocess.run(["ps", "-e", "-o", "pid=,args="], capture_output=True, text=True).stdout
    assert f"--port {port}" not in left, "the Prefect server vanban serve started is still running"


def test_a_killed_vanban_serve_leaves_no_server_behind(tmp_path):
    """SIGKILL gives `vanban serve` no chance to clean up: the Prefect server it
    started stops by itself once its parent is gone (PR_SET_PDEATHSIG)."""
    import signal

    from flows.server import free_port, server_answers

    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_API_PORT=str(port))
    proc = subprocess.Popen([str(BIN / "vanban"), "serve", "--raw", str(tmp_path / "in"),
                             "--out", str(tmp_path / "out"), "--db", f"sqlite:///{tmp_path / 'i.db'}"],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    started = time.monotonic()
    try:
        while not server_answers(url):
            assert proc.poll() is None and time.monotonic() - started < 180
            time.sleep(1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    while server_answers(url, timeout=2) and time.monotonic() - started < 240:
        time.sleep(1)
    assert not server_answers(url, timeout=2)
    time.sleep(2)
    left = subprocess.run(["ps", "-e", "-o", "pid=,args="], capture_output=True, text=True).stdout
    assert f"--port {port}" not in left, "the Prefect server of a killed vanban serve is still running"
