"""Ingest loses nothing and lets nothing in (issue 15, items 1, 3, 6, 7).

* four copies of the samples at full concurrency give exactly four times the
  counts of one copy; an output a time limit cut short is marked, redone at
  once, and never taken as unchanged;
* one bad file (a name that is not UTF-8, a 250-byte name, an output that
  cannot be written) never sinks the batch, nor does an index that is not a
  database; an unwritable ``--out`` is one line;
* only regular files inside the folder are taken; links leading out are listed
  as skipped;
* SIGTERM stops promptly, indexes what was finished and leaves no process;
  output names never collide; long paths index; the one-line error contract.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import ingest as ingest_mod
from flows.ingest import (
    candidate_names,
    error_lines,
    extract_to_file,
    find_documents,
    format_summary,
    ingest_flow,
    is_current,
    output_names,
    worker_count,
)
from tests.conftest import RAW, ROOT

TXT_DOCX = sorted(p for p in RAW.rglob("*") if p.suffix in (".txt", ".docx"))


def _by_name(rows):
    return {Path(r["file"]).name: r for r in rows}


def _copy(files, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(f, dest / f.name)) for f in files]


# --------------------------------------------------------------------------
# 1. concurrency, time limits, degraded outputs
# --------------------------------------------------------------------------


def test_workers_bounded_by_cores():
    runner = ingest_flow.task_runner
    assert runner._max_workers == worker_count() <= (os.cpu_count() or 1)


def test_four_copies_at_full_concurrency_give_four_times_the_counts(prefect_harness, tmp_path):
    """The .txt and .docx samples (12 files; the PDFs would take minutes with
    OCR) four times over, one thread per file as the unbounded runner did
    (the default runner is bounded: test_workers_bounded_by_cores): every
    count exactly four times one copy's, whatever time limits fired."""
    from prefect.task_runners import ThreadPoolTaskRunner

    from pipeline.assemble import extract_file

    single = {}
    for f in TXT_DOCX:
        out = extract_file(f)
        single[f.name] = (len(out["obligations"]), len(out["references"]), len(out["content"]["blocks"]))
    raw = tmp_path / "raw"
    for c in "abcd":
        _copy(TXT_DOCX, raw / c)
    n = 4 * len(TXT_DOCX)
    for i, runner in enumerate([ThreadPoolTaskRunner(max_workers=n)]):
        flow_fn = ingest_flow.with_options(task_runner=runner)
        rows = flow_fn(paths=[str(raw)], out_dir=str(tmp_path / f"out{i}"),
                       db_url=f"sqlite:///{tmp_path / f'i{i}.sqlite'}")
        print(f"{sum(1 for r in rows if r.get('redone'))} of {n} redone alone after a time limit")
        assert len(rows) == n and {r["status"] for r in rows} == {"ok"}, [r for r in rows if r["status"] != "ok"]
        got: dict[str, list[tuple[int, int, int]]] = {}
        for r in rows:
            got.setdefault(Path(r["file"]).name, []).append((r["obligations"], r["references"], r["blocks"]))
        assert got == {k: [v] * 4 for k, v in single.items()}
        assert sum(r["obligations"] for r in rows) == 4 * sum(v[0] for v in single.values())


def test_a_timeout_marks_the_output_and_it_is_redone(monkeypatch, tmp_path):
    """An extractor stopped by a time limit: the output says so
    (``generator.degraded``), is not current, and the flow's second, lone try
    gives the full result."""
    from extractors import obligations as obligations_x

    src = _copy([RAW / "004_4f1c6b8dfc0f85d2.txt"], tmp_path / "raw")[0]
    real = obligations_x.extract_obligations
    calls = []

    def slow_once(*a, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise TimeoutError("regex timed out")
        return real(*a, **kw)

    monkeypatch.setattr(obligations_x, "extract_obligations", slow_once)
    out = tmp_path / "out" / "x.json"
    row = extract_to_file(str(src), str(out))
    assert row["status"] == "degraded" and row["retry"] and row["degraded"] == ["timeout"]
    assert row["obligations"] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["generator"]["degraded"] == ["timeout"]
    assert any(w["code"] == "timeout" for w in data["warnings"])
    assert not is_current(out, data["source"]["sha256"]), "a degraded output is never 'unchanged'"
    again = extract_to_file(str(src), str(out))
    assert again["status"] == "ok" and again["obligations"] > 0 and not again["retry"]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["generator"]["degraded"] == [] and is_current(out, data["source"]["sha256"])


def test_flow_redoes_a_timed_out_document_alone(prefect_harness, monkeypatch, tmp_path):
    from pipeline import assemble

    raw = tmp_path / "raw"
    files = _copy([RAW / "004_4f1c6b8dfc0f85d2.txt", RAW / "002_b730f56744703d27.txt"], raw)
    real = assemble.build_output
    seen: set[str] = set()

    def timeout_first_time(doc, **kw):
        if doc.source.path not in seen:  # the first try of every document hits the limit
            seen.add(doc.source.path)
            raise TimeoutError("regex timed out")
        return real(doc, **kw)

    monkeypatch.setattr(assemble, "build_output", timeout_first_time)
    rows = ingest_flow(paths=[str(raw)], out_dir=str(tmp_path / "out"), db_url=f"sqlite:///{tmp_path / 'i.sqlite'}")
    by = _by_name(rows)
    assert {r["status"] for r in rows} == {"ok"}, rows
    assert by[files[0].name]["obligations"] > 0 and seen == {str(f) for f in files}


def test_a_parse_timeout_is_a_transient_error_naming_the_file(monkeypatch, tmp_path):
    from parsers import text_parser

    from pipeline.assemble import extract_file
    from core.errors import DocumentError

    src = _copy([RAW / "004_4f1c6b8dfc0f85d2.txt"], tmp_path)[0]
    monkeypatch.setattr(text_parser, "parse", lambda p, s: (_ for _ in ()).throw(TimeoutError("regex timed out")))
    with pytest.raises(DocumentError) as err:
        extract_file(src)
    assert err.value.transient and err.value.path == str(src) and "time limit" in err.value.reason
    row = extract_to_file(str(src), str(tmp_path / "o.json"))
    assert row["status"] == "error" and row["retry"]


# --------------------------------------------------------------------------
# 3. one bad file never sinks the batch
# --------------------------------------------------------------------------


def _cli(argv, capsys):
    from cli.main import main

    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_bad_names_and_an_unwritable_output_leave_the_others_indexed(prefect_harness, tmp_path, capsys, monkeypatch):
    from tracker.store import Store

    raw, out = tmp_path / "raw", tmp_path / "out"
    good = _copy([RAW / "004_4f1c6b8dfc0f85d2.txt"], raw)[0]
    src = (RAW / "002_b730f56744703d27.txt").read_bytes()
    bad_utf8 = os.fsdecode(bytes(raw) + b"/k\xe9 ho\xe0ch.txt")
    Path(bad_utf8).write_bytes(src)
    long_name = raw / ("k" * 250 + ".txt")  # 254 bytes: the old temporary name did not fit
    long_name.write_bytes(src)
    blocked = raw / "blocked.txt"
    blocked.write_bytes(src)
    (out / "blocked.json").mkdir(parents=True)  # not ours: never overwritten, another name is taken
    (out / "blocked.json" / "keep").write_text("x")
    full = raw / "full.txt"  # its output meets a full disk
    full.write_bytes(src + b"\n")
    from core import io

    real_write = io.write_json_atomic

    def write(path, obj):
        if Path(path).name.startswith("full"):
            raise OSError(28, "No space left on device")
        return real_write(path, obj)

    monkeypatch.setattr(io, "write_json_atomic", write)
    db = f"sqlite:///{tmp_path / 'i.sqlite'}"

    code, stdout, err = _cli(["ingest", str(raw), "--out", str(out), "--db", db], capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert all(ln.startswith("vanban: ") for ln in lines) and "Traceback" not in err
    assert any("k\\xe9 ho\\xe0ch.txt" in ln and "not valid UTF-8" in ln for ln in lines), lines
    assert any(f"cannot read {full}: cannot write {out}/full.json: No space left on device" in ln
               for ln in lines), lines
    assert len(lines) == 2, lines
    with Store(db) as store:
        indexed = {Path(p).name for p in store.document_paths()}
    assert indexed == {good.name, long_name.name, blocked.name}
    assert len(list(out.glob("k*.json"))) == 1 and not list(out.glob(".*.tmp"))
    assert (out / "blocked.json" / "keep").read_text() == "x" and (out / "blocked.txt.json").is_file()


def test_extract_of_a_name_that_is_not_utf8_is_one_line(tmp_path):
    f = os.fsdecode(bytes(tmp_path) + b"/k\xe9.txt")
    Path(f).write_bytes((RAW / "004_4f1c6b8dfc0f85d2.txt").read_bytes())
    r = subprocess.run([sys.executable, "-m", "cli.main", "extract", f], cwd=ROOT, capture_output=True)
    assert r.returncode == 2 and r.stdout == b""
    assert r.stderr.decode() == f"vanban: cannot read {tmp_path}/k\\xe9.txt: file name is not valid UTF-8 (rename the file)\n"


def test_an_unwritable_out_is_one_line(prefect_harness, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code, _, err = _cli(["ingest", str(RAW / "004_4f1c6b8dfc0f85d2.txt"), "--out", str(tmp_path / "file" / "out"),
                         "--db", f"sqlite:///{tmp_path / 'i.sqlite'}"], capsys)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"vanban: cannot write to {tmp_path / 'file' / 'out'}: ")


def test_a_db_that_is_not_a_database_keeps_the_outputs(prefect_harness, tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    _copy([RAW / "004_4f1c6b8dfc0f85d2.txt", RAW / "002_b730f56744703d27.txt"], raw)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    code, stdout, err = _cli(["ingest", str(raw), "--out", str(out), "--db", f"sqlite:///{junk}"], capsys)
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [f"vanban: cannot open the index database sqlite:///{junk}: "
                                        "DatabaseError: file is not a database"]
    assert sorted(p.name for p in out.glob("*.json")) == ["002_b730f56744703d27.json", "004_4f1c6b8dfc0f85d2.json"]


def test_obligations_out_into_an_unwritable_place_is_one_line(tmp_path, capsys):
    from tracker.store import Store

    db = f"sqlite:///{tmp_path / 'i.sqlite'}"
    Store(db).close()
    (tmp_path / "file").write_text("x")
    for out in ("x.csv", "x.xlsx", "x.json"):
        code, _, err = _cli(["obligations", "--db", db, "--out", str(tmp_path / "file" / out)], capsys)
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
        assert err.startswith(f"vanban: cannot write {tmp_path / 'file' / out}: ")


def test_empty_from_is_an_error_naming_the_option(tmp_path, capsys):
    from tracker.store import Store

    db = f"sqlite:///{tmp_path / 'i.sqlite'}"
    Store(db).close()
    for opt in ("--from", "--to"):
        code, _, err = _cli(["obligations", "--db", db, opt, ""], capsys)
        assert code == 2 and err.startswith(f"vanban: {opt}: not a date: ''"), err


# --------------------------------------------------------------------------
# 6. only regular files inside the folder
# --------------------------------------------------------------------------


def test_links_out_of_the_folder_are_skipped_and_listed(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    good = _copy([RAW / "004_4f1c6b8dfc0f85d2.txt"], raw)[0]
    secret = _copy([RAW / "002_b730f56744703d27.txt"], outside)[0]
    (raw / "passwd.txt").symlink_to(secret)
    (raw / "same.txt").symlink_to(good)  # inside the folder: the same file, taken once
    (raw / "sub").symlink_to(outside, target_is_directory=True)
    os.mkfifo(raw / "pipe.txt")
    files, rows = find_documents([str(raw)])
    assert files == [good]
    skipped = {Path(r["file"]).name: r["error"] for r in rows}
    assert skipped == {
        "passwd.txt": "link to a file outside the ingested folder",
        "sub": "link to a folder outside the ingested folder",
        "pipe.txt": "not a regular file",
    }
    assert all(r["status"] == "skipped" for r in rows)
    counts = format_summary(rows).split("\n\n")[-1]  # below the table, the skipped files are named
    assert all(name in counts for name in skipped), counts
    files, rows = find_documents([str(raw)], follow_links=True)
    assert sorted(f.resolve() for f in files) == sorted([good.resolve(), secret.resolve()])  # each file once


# --------------------------------------------------------------------------
# 7. output names, SIGTERM, long paths, the one-line error contract
# --------------------------------------------------------------------------


def _owned(out: Path, name: str, src: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(json.dumps({"source": {"path": str(src)}}), encoding="utf-8")


def test_output_names_never_collide_and_do_not_depend_on_the_batch(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    x_docx, x_pdf, x_pdf_txt, x_txt = (d / n for n in ("x.docx", "x.pdf", "x.pdf.txt", "x.txt"))
    names = output_names([x_pdf_txt, x_pdf, x_docx])
    assert names == {x_docx: "x.json", x_pdf: "x.pdf.json", x_pdf_txt: "x.pdf.txt.json"}
    # the .txt ingested alone first keeps x.json; the .docx coming later never takes it
    out = tmp_path / "out"
    _owned(out, "x.json", x_txt)
    assert output_names([x_txt], out) == {x_txt: "x.json"}
    assert output_names([x_docx, x_txt], out) == {x_docx: "x.docx.json", x_txt: "x.json"}
    _owned(out, "x.docx.json", x_docx)
    assert output_names([x_docx], out) == {x_docx: "x.docx.json"}
    # two KeHoach.docx in two folders: distinct, and each keeps its own on the next run
    a, b = tmp_path / "a" / "KeHoach.docx", tmp_path / "b" / "KeHoach.docx"
    first = output_names([a, b], out)
    assert len(set(first.values())) == 2 and first[a] == "KeHoach.json"
    _owned(out, first[a], a)
    _owned(out, first[b], b)
    assert output_names([b], out) == {b: first[b]}
    # names fit in 255 bytes
    long = d / ("ệ" * 84 + ".txt")
    assert all(len(n.encode()) <= 255 for n in candidate_names(long))
    assert len(set(candidate_names(long))) == 4


def test_sigterm_stops_promptly_indexes_the_finished_and_leaves_no_process(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(6):
        _copy(TXT_DOCX[:6], raw / str(i))
    db = tmp_path / "i.sqlite"
    env = dict(os.environ, PREFECT_HOME=str(ROOT / ".prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "ingest", str(raw), "--out", str(out),
                             "--db", f"sqlite:///{db}", "--workers", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 150
        while not list(out.glob("*.json")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert proc.poll() is None, proc.communicate()
        proc.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        stdout, stderr = proc.communicate(timeout=60)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, stderr
    assert took < 30, f"took {took:.1f} s to stop"
    assert b"stopped by SIGTERM" in stderr and b"Traceback" not in stderr, stderr
    written = sorted(p for p in out.glob("*.json"))
    assert 0 < len(written) < 36
    from tracker.store import Store

    with Store(f"sqlite:///{db}") as store:
        assert len(store.document_paths()) == len(written)
    left = subprocess.run(["ps", "-e", "-o", "pid=,sid="], capture_output=True, text=True).stdout.split("\n")
    assert [ln for ln in left if ln.split() and ln.split()[1] == str(proc.pid)] == [], "a process was left behind"


def test_a_random_bytes_doc_names_the_input(tmp_path):
    from pipeline.assemble import extract_file
    from core.errors import DocumentError

    f = tmp_path / "hồ sơ.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    with pytest.raises(DocumentError) as err:
        extract_file(f)
    assert err.value.path == str(f) and str(err.value).startswith(f"cannot read {f}: ")


def test_control_characters_in_a_file_name_are_escaped(tmp_path):
    f = tmp_path / "a\nb\x1b[31m.txt"
    f.write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "cli.main", "extract", str(f)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr == f"vanban: cannot read {tmp_path}/a\\nb\\x1b[31m.txt: empty file\n"
    rows = [ingest_mod._row(f, status="error", error="empty file")]
    assert error_lines(rows) == [f"vanban: cannot read {tmp_path}/a\\nb\\x1b[31m.txt: empty file"]
    assert "\x1b" not in format_summary(rows)


def test_text_after_an_unresolved_entity_is_kept(tmp_path):
    import zipfile

    from pipeline.assemble import extract_file

    src = RAW / "004_4f1c6b8dfc0f85d2.docx"
    dst = tmp_path / "entity.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                head, rest = data.split(b"?>", 1)
                data = (head + b'?><!DOCTYPE w:document [<!ENTITY xx SYSTEM "file:///etc/hostname">]>'
                        + rest.replace(b"<w:t>", b"<w:t>&xx;", 1).replace(b"</w:t>", " phía sau&xx; còn nữa</w:t>".encode(), 1))
            zout.writestr(item, data)
    text = "\n".join(b["text"] for b in extract_file(dst)["content"]["blocks"] if b["kind"] == "paragraph")
    assert "phía sau còn nữa" in text
    assert open("/etc/hostname").read().strip() not in text or not open("/etc/hostname").read().strip()


def test_long_paths_index(tmp_path):
    """PostgreSQL refused paths over 1,024 characters (VARCHAR(1024)); both
    backends take them now (test_store runs on PostgreSQL when
    VANBAN_TEST_PG_URL is set: the same check is done there)."""
    from tracker.store import Store

    urls = [f"sqlite:///{tmp_path / 'i.sqlite'}"]
    pg = os.environ.get("VANBAN_TEST_PG_URL")
    made = None
    if pg:
        import uuid

        import sqlalchemy as sa

        base = sa.engine.make_url(pg)
        made = "vanban_t_" + uuid.uuid4().hex[:12]
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{made}"')
        urls.append(base.set(database=made).render_as_string(hide_password=False))
    path = "/dữ liệu/" + "thư mục rất dài/" * 100 + "kế hoạch.docx"
    doc = {"schema_version": "1", "source": {"path": path, "sha256": "a" * 64, "format": "docx"},
           "document": {"id": "1/KH-X", "type": "Kế hoạch"}, "references": [], "units": [], "criteria": [],
           "warnings": [], "obligations": [{"action": "báo cáo", "units": [{"name": "Phòng A", "raw": "Phòng A",
                                                                           "role": "lead"}],
                                            "deadline": {"date": "2030-01-01", "text": "trước 1/1/2030"}}]}
    assert len(path) > 1024
    try:
        for url in urls:
            with Store(url) as s:
                assert s.upsert_document(doc)
                assert s.document_paths() == [path]
    finally:
        if made:
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{made}" WITH (FORCE)')
            admin.dispose()


def test_a_temporary_dask_cluster_has_one_single_threaded_process_per_core():
    from flows.dask_runner import task_runner_for

    runner = task_runner_for(None)
    assert runner.cluster_kwargs == {"n_workers": worker_count(), "threads_per_worker": 1, "processes": True}
    assert task_runner_for(None, workers=3).cluster_kwargs["n_workers"] == 3


def test_sigkill_leaves_no_temporary_server_behind(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(4):
        _copy(TXT_DOCX[:6], raw / str(i))
    env = dict(os.environ, PREFECT_HOME=str(ROOT / ".prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "ingest", str(raw), "--out", str(out),
                             "--db", f"sqlite:///{tmp_path / 'i.sqlite'}", "--workers", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def session() -> list[str]:
        ps = subprocess.run(["ps", "-e", "-o", "pid=,sid=,args="], capture_output=True, text=True).stdout
        return [ln for ln in ps.splitlines() if ln.split()[1:2] == [str(proc.pid)] and ln.split()[0] != str(proc.pid)]

    try:
        deadline = time.monotonic() + 150
        while not list(out.glob("*.json")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert proc.poll() is None
        assert any("uvicorn" in ln for ln in session()), "the temporary server runs during the ingest"
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 15
        while session() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert session() == [], "a process was left behind"
    finally:
        for ln in session():
            os.kill(int(ln.split()[0]), signal.SIGKILL)
