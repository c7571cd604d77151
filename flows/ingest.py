"""The batch job: every document under the given paths → one JSON each in
``data/structured/`` (Prefect flow, one task per document).

* A file whose content hash (and vanban version) matches its existing, complete
  output is not parsed again.
* A file that cannot be read or written is recorded (summary row, one
  ``vanban: …`` line, Prefect artifact) and the others go on, and are indexed.
* At most one document per core at a time (``worker_count``): the regex time
  limits count the process's CPU time (see ``core.textutil``), so more
  threads than cores only make them fire.  An output a time limit cut short
  (``generator.degraded``) is redone at once, alone, and again on the next run
  if it is still incomplete; it is never taken as "unchanged".
* Only regular files inside a given folder: links leading out of it, and
  anything that is not a regular file, are skipped and listed as skipped.
* Outputs are written atomically.
* Output names: ``<stem>.json``, never shared by two inputs and never
  depending on what else is in the batch.  Each input keeps the name it was
  first given (the JSON's ``source.path`` says whose it is); a new input takes
  the first of ``<stem>.json``, ``<stem>.<ext>.json``,
  ``<stem>.<ext>.<hash of its path>.json`` that no other input owns — in one
  batch the most original format (docx > doc > pdf > md > txt) chooses first.
* SIGTERM: files not yet started are skipped, the finished ones are indexed,
  and the process exits (status 143) stopping Prefect's temporary server.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, NoReturn

DEFAULT_RAW = "data/raw"
DEFAULT_OUT = "data/structured"
FORMAT_PRIORITY = [".docx", ".doc", ".pdf", ".md", ".txt"]
NAME_MAX = 255  # bytes in one file name (ext4, XFS, APFS …)

# set by SIGTERM (``run``): documents not yet started are skipped
STOP = threading.Event()
# set by ``run`` when stderr is a terminal: a ``flows.progress.IngestProgress``
PROGRESS: Any = None
# notes about a folder's contents, not documents: skipped in a folder, and said so
FOLDER_NOTES = frozenset({"readme", "sources", "provenance", "changelog", "license", "authors"})
FOLDER_NOTE = "ghi chú về thư mục (README, SOURCES …), không phải văn bản"


def _progress(event: str, *args: Any) -> None:
    if PROGRESS is not None:
        getattr(PROGRESS, event)(*args)


def is_folder_note(f: Path) -> bool:
    """``README.md``, ``SOURCES.md``, ``PROVENANCE.txt`` …: what a folder's
    owner wrote about its documents."""
    return f.suffix.lower() in (".md", ".txt") and f.stem.lower() in FOLDER_NOTES


def worker_count() -> int:
    """Documents processed at once: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------
# Planning (pure functions, apart from reading the folder and old outputs)
# --------------------------------------------------------------------------


def find_documents(paths: list[str], *, follow_links: bool = False) -> tuple[list[Path], list[dict[str, Any]]]:
    """Supported files under ``paths`` (sorted), and rows for what is not
    taken: missing paths, unsupported types, names that are not UTF-8, and in
    a folder anything but a regular file inside it (a link leading out of the
    folder, a device, a pipe) — ``follow_links`` takes links wherever they
    lead.  Nothing is dropped silently."""
    from parsers import supported

    files: list[Path] = []
    problems: list[dict[str, Any]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found, skipped = _walk(p, follow_links)
            files.extend(f for f in found if supported(f))
            problems.extend(skipped)
        elif p.is_file():
            if not supported(p):
                problems.append(_row(p, status="error", error=f"unsupported file type '{p.suffix or '(none)'}'"))
            elif not _utf8_name(p):
                problems.append(_row(p, status="error", error=_NOT_UTF8))
            else:
                files.append(p)
        elif p.exists() or p.is_symlink():
            problems.append(_row(p, status="error", error="not a regular file" if p.exists() else "broken symbolic link"))
        else:
            problems.append(_row(p, status="error", error="no such file or directory"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, problems


_NOT_UTF8 = "file name is not valid UTF-8 (rename the file)"


def _utf8_name(p: Path) -> bool:
    try:
        str(p).encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode kept the raw bytes as surrogates
        return False
    return True


def _walk(root: Path, follow_links: bool, _seen: set[Path] | None = None) -> tuple[list[Path], list[dict[str, Any]]]:
    """Regular files under ``root`` (hidden ones left out), and skip rows."""
    from parsers import supported

    real_root = root.resolve()
    seen = _seen if _seen is not None else {real_root}
    files: list[Path] = []
    skipped: list[dict[str, Any]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        seen.add(here.resolve())
        for d in dirnames:
            link = here / d
            if not link.is_symlink():  # os.walk enters it itself
                continue
            target = link.resolve()
            if follow_links:
                if target not in seen:  # a link back up the tree is not walked twice
                    seen.add(target)
                    sub, sub_skipped = _walk(link, follow_links, seen)
                    files.extend(sub)
                    skipped.extend(sub_skipped)
            elif not target.is_relative_to(real_root):
                skipped.append(_row(link, status="skipped", error="link to a folder outside the ingested folder"))
            # a link to a folder inside: its files are found under their own path
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            f = here / name
            if not supported(f):
                continue
            if is_folder_note(f):
                skipped.append(_row(f, status="skipped", error=FOLDER_NOTE))
                continue
            if not _utf8_name(f):
                skipped.append(_row(f, status="error", error=_NOT_UTF8))
                continue
            if f.is_symlink():
                if not f.exists():
                    skipped.append(_row(f, status="skipped", error="broken symbolic link"))
                    continue
                if not follow_links and not f.resolve().is_relative_to(real_root):
                    skipped.append(_row(f, status="skipped", error="link to a file outside the ingested folder"))
                    continue
            if not f.is_file():
                skipped.append(_row(f, status="skipped", error="not a regular file"))
                continue
            files.append(f)
    return files, skipped


def candidate_names(f: Path) -> list[str]:
    """The output names ``f`` may take, in order of preference: ``<stem>.json``,
    ``<stem>.<ext>.json``, then names made unique by a hash of its resolved
    path (each shortened to fit ``NAME_MAX`` bytes with the hash kept)."""
    ext = f.suffix.lower().lstrip(".") or "none"
    digest = hashlib.sha1(str(f.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    names = [(f.stem, ".json"), (f.stem, f".{ext}.json"), (f.stem, f".{ext}.{digest[:10]}.json")]
    out = []
    for stem, tail in names:
        name = stem + tail
        if len(name.encode("utf-8", "surrogateescape")) > NAME_MAX:
            room = NAME_MAX - len(f"~{digest[:10]}{tail}".encode())
            cut = stem.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
            name = f"{cut}~{digest[:10]}{tail}"
        out.append(name)
    out.append(f"{digest}.json")  # the last resort: only a hash collision could take it
    return out


def output_names(files: list[Path], out_root: Path | None = None) -> dict[Path, str]:
    """Output file name for each input (see module docstring).  With
    ``out_root``, a name whose existing output belongs to another input is
    never given, and an input keeps a name it already owns."""
    owners = _Owners(out_root)
    taken: dict[str, Path] = {}
    names: dict[Path, str] = {}
    ranked = sorted(files, key=lambda f: (_priority(f), str(f)))
    for f in ranked:  # first, every input keeps the output it already has
        mine = next((n for n in candidate_names(f) if owners.owned_by(n, f)), None)
        if mine is not None and mine not in taken:
            taken[mine], names[f] = f, mine
    for f in ranked:
        if f in names:
            continue
        for n in candidate_names(f):
            if n not in taken and owners.free(n):
                taken[n], names[f] = f, n
                break
    return names


class _Owners:
    """Who owns each existing output in ``out_root`` (its ``source.path``)."""

    def __init__(self, out_root: Path | None):
        self.root = out_root
        self._cache: dict[str, str | None] = {}

    def _owner(self, name: str) -> str | None:
        """The resolved source path of ``name``'s JSON; "" when there is no
        such file; None when a file is there but says no owner."""
        if self.root is None:
            return ""
        if name not in self._cache:
            path = self.root / name
            if not path.exists():
                self._cache[name] = ""
            else:
                src = _read_head(path).get("source", {}).get("path")
                self._cache[name] = str(Path(src).resolve()) if src else None
        return self._cache[name]

    def free(self, name: str) -> bool:
        return self._owner(name) == ""

    def owned_by(self, name: str, f: Path) -> bool:
        owner = self._owner(name)
        return bool(owner) and owner == str(f.resolve())


def _read_head(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _priority(f: Path) -> int:
    ext = f.suffix.lower()
    return FORMAT_PRIORITY.index(ext) if ext in FORMAT_PRIORITY else len(FORMAT_PRIORITY)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def is_current(out_path: Path, sha256: str) -> bool:
    """The output exists, was made from these bytes by this vanban version,
    and is complete (no part lost to a time limit: ``generator.degraded``)."""
    from pipeline import __version__

    data = _read_head(out_path)
    generator = data.get("generator") or {}
    return (
        (data.get("source") or {}).get("sha256") == sha256
        and generator.get("version") == __version__
        and not generator.get("degraded")
    )


def _row(path: Path, **kw: Any) -> dict[str, Any]:
    from core.errors import printable

    name = str(path)
    row: dict[str, Any] = {
        "file": name if _utf8_name(path) else printable(name), "format": path.suffix.lower().lstrip("."),
        "status": "ok", "blocks": None, "tables": None, "pages": None, "references": None,
        "obligations": None, "criteria": None, "warnings": None, "degraded": None, "output": None,
        "error": None, "seconds": None, "redone": None,
    }
    row.update(kw)
    return row


def summarize(path: Path, out: dict[str, Any], out_path: Path, seconds: float) -> dict[str, Any]:
    blocks = out.get("content", {}).get("blocks", [])
    degraded = (out.get("generator") or {}).get("degraded") or []
    return _row(
        path,
        status="degraded" if degraded else "ok",
        blocks=len(blocks),
        tables=sum(1 for b in blocks if b.get("kind") == "table"),
        pages=out["source"].get("pages"),
        references=len(out["references"]),
        obligations=len(out["obligations"]),
        criteria=_count_nodes(out["criteria"]),
        warnings=len(out["warnings"]),
        degraded=degraded or None,
        error=("incomplete: " + "; ".join(w["message"] for w in out["warnings"] if w["code"] in degraded)
               + " (redone on the next run)") if degraded else None,
        output=str(out_path),
        seconds=round(seconds, 3),
    )


def _count_nodes(nodes: list[dict[str, Any]]) -> int:
    return sum(1 + _count_nodes(n.get("children", [])) for n in nodes)


def _reason(exc: BaseException) -> str:
    """An OS error as a person reads it ("Permission denied"), else its text."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


# --------------------------------------------------------------------------
# Prefect: one task per document
# --------------------------------------------------------------------------

from prefect import flow, task  # noqa: E402  (kept below the pure helpers on purpose)
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402


def extract_to_file(path: str, out_path: str) -> dict[str, Any]:
    """Parse and extract one document, write its JSON atomically, return its
    summary row; a file that cannot be read or written gives an error row
    (``retry`` set when a time limit was the cause), never raises.  After
    SIGTERM (``STOP``) a document not yet started is skipped."""
    from pipeline.assemble import extract_file
    from core.errors import DocumentError
    from core.io import write_json_atomic

    p, started = Path(path), time.perf_counter()
    if STOP.is_set():
        return _row(p, status="interrupted", error="not processed: the ingest was stopped")
    try:
        out = extract_file(p)
    except DocumentError as exc:
        return _row(p, status="error", error=exc.reason, retry=exc.transient)
    except Exception as exc:  # a bug must not stop the batch either
        from core.textutil import is_transient

        return _row(p, status="error", error=f"internal error: {type(exc).__name__}: {exc}", retry=is_transient(exc))
    try:
        write_json_atomic(out_path, out)
    except (OSError, UnicodeError) as exc:  # this output only; the others go on
        return _row(p, status="error", error=f"cannot write {out_path}: {_reason(exc)}", write_error=True)
    row = summarize(p, out, Path(out_path), time.perf_counter() - started)
    row["retry"] = row["status"] == "degraded"
    return row


@task(name="extract-document", task_run_name="extract {path}")
def extract_document(path: str, out_path: str) -> dict[str, Any]:
    here = _progress_here()
    if here:
        _progress("started", path)
    row = extract_to_file(path, out_path)
    if here and not row.get("retry"):
        _progress("finished", row)
        row["progress_shown"] = os.getpid()
    return row


def _progress_here() -> bool:
    """The progress display belongs to this process (a Dask worker forked
    from it holds a copy that must not draw on the terminal)."""
    return PROGRESS is not None and getattr(PROGRESS, "pid", None) == os.getpid()


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    """A row whose document was read in another process (a Dask worker) is
    shown in the progress here, when the flow collects it."""
    if row.pop("progress_shown", None) != os.getpid() and not row.get("retry"):
        _progress("finished", row)
    return row


@flow(name="vanban-ingest", task_runner=ThreadPoolTaskRunner(max_workers=worker_count()))
def ingest_flow(
    paths: list[str] | None = None,
    out_dir: str = DEFAULT_OUT,
    db_url: str | None = None,
    force: bool = False,
    follow_links: bool = False,
) -> list[dict[str, Any]]:
    """Ingest every document under ``paths`` (default ``data/raw``)."""
    with _graceful_sigterm():
        return _ingest(paths, out_dir, db_url, force, follow_links)


def _result(f: Path, fut: Any) -> dict[str, Any]:
    """The row of one submitted document; after SIGTERM, a document still
    waiting for a worker is cancelled (it never starts) and reported so."""
    wrapped = getattr(fut, "wrapped_future", None)
    if wrapped is None or not hasattr(wrapped, "done"):
        return fut.result()
    while not wrapped.done():
        if STOP.is_set() and wrapped.cancel() is True:
            break
        fut.wait(0.5)
    if wrapped.cancelled():
        return _row(f, status="interrupted", error="not processed: the ingest was stopped")
    return fut.result()


# set by ``run`` (the CLI): SIGTERM stops the batch gracefully.  Under ``vanban
# serve`` the runner's SIGTERM keeps Prefect's meaning (cancel the flow run).
GRACEFUL = threading.Event()


@contextmanager
def _graceful_sigterm() -> Iterator[None]:
    """Prefect swaps in its own SIGTERM handler for a flow run (it aborts the
    run, losing every finished document); in the CLI ours is put back for the
    body of the flow."""
    previous = None
    if GRACEFUL.is_set() and threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _guard_temporary_server() -> None:
    """SIGKILL leaves no chance to stop Prefect's temporary server (a child
    process of about 230 MB): a small watcher in a session of its own stops
    it once this process is gone, whatever ended it."""
    import subprocess

    try:
        from prefect.server.api.server import SubprocessASGIServer
    except Exception:  # noqa: BLE001 - no temporary server to guard
        return
    for server in list(SubprocessASGIServer._instances.values()):
        proc = getattr(server, "server_process", None)
        if proc is None or proc.poll() is not None or getattr(server, "_vanban_guarded", False):
            continue
        server._vanban_guarded = True
        pid = proc.pid
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                  f"grep -q uvicorn /proc/{pid}/cmdline 2>/dev/null && kill {pid}")
        subprocess.Popen(["sh", "-c", script], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _ingest(paths: list[str] | None, out_dir: str, db_url: str | None, force: bool,
            follow_links: bool) -> list[dict[str, Any]]:
    if GRACEFUL.is_set():  # the CLI: the temporary server is ours to clean up
        _guard_temporary_server()
    files, rows = find_documents(paths or [DEFAULT_RAW], follow_links=follow_links)
    out_root = Path(out_dir)
    names = output_names(files, out_root)
    futures = []
    for f in files:
        if f not in names:  # every name it may take belongs to something else
            rows.append(_row(f, status="error", error=f"no free output name in {out_root}"))
            continue
        out_path = out_root / names[f]
        try:
            current = not force and is_current(out_path, file_sha256(f))
        except OSError as exc:
            rows.append(_row(f, status="error", error=_reason(exc)))
            continue
        if current:
            rows.append(_row(f, status="unchanged", output=str(out_path)))
            _progress("unchanged")
            continue
        _progress("queued")
        futures.append((f, extract_document.submit(str(f), str(out_path))))
    done = [_shown(_result(f, fut)) for f, fut in futures]
    # a time limit hit under load: the document again, alone (nothing else running)
    for i, r in enumerate(done):
        if r.pop("retry", False) and not STOP.is_set():
            again = extract_to_file(r["file"], str(out_root / names[Path(r["file"])]) )
            again.pop("retry", None)
            again["redone"] = r["error"] or "time limit"  # what the first try met
            _progress("finished", again)
            done[i] = again
    rows.extend(done)
    for r in rows:
        r.pop("retry", None)
        r.pop("write_error", None)
    rows.sort(key=lambda r: r["file"])
    _progress("indexing")
    _update_index(rows, db_url, folders=[p for p in (paths or [DEFAULT_RAW]) if Path(p).is_dir()],
                  complete=not STOP.is_set())
    _publish(rows)
    return rows


def _update_index(rows: list[dict[str, Any]], db_url: str | None, folders: list[str], *,
                  complete: bool = True) -> None:
    """Load every written document into the query index (documents whose
    output is unchanged are skipped by the store itself), and drop from it the
    documents that were under an ingested folder and are gone from disk
    (not after an interrupted run).  An index that cannot be opened or
    updated leaves the JSON outputs in place and adds one error row."""
    from tracker.store import Store

    outputs = [r for r in rows if r["status"] in ("ok", "unchanged", "degraded") and r["output"]]
    try:
        store = Store(db_url)
    except Exception as exc:  # not a database, unreachable: the outputs stay, the index is behind
        rows.append(_index_row(f"cannot open the index database {_db_name(db_url)}: {_first_line(exc)}"))
        return
    try:
        for r in outputs:
            try:
                store.upsert_document(json.loads(Path(r["output"]).read_text(encoding="utf-8")))
            except Exception as exc:  # the JSON is kept; only the index is behind
                r["status"], r["error"] = "error", f"index update failed: {_first_line(exc)}"
        if complete:
            indexed = store.document_paths()
            gone = [p for p in indexed if _vanished_from(p, folders)]
            if gone:
                store.remove_missing([p for p in indexed if p not in gone])
                rows.extend(_row(Path(p), status="removed") for p in gone)
    except Exception as exc:
        rows.append(_index_row(f"cannot update the index database {_db_name(db_url)}: {_first_line(exc)}"))
    finally:
        store.close()


def _index_row(message: str) -> dict[str, Any]:
    """A summary row for the index itself (its ``message`` is the CLI's line)."""
    row = _row(Path("(index)"), status="error", error=message, message=message)
    row["format"] = ""
    return row


def _db_name(db_url: str | None) -> str:
    """The database as the user named it, without a password."""
    from tracker.store import default_url

    url = db_url or default_url()
    try:
        import sqlalchemy as sa

        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # a bare path
        return url


def _first_line(exc: BaseException) -> str:
    """``TypeName: first line`` of an error (SQLAlchemy appends SQL and links)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {text[0] if text else ''}".rstrip(": ")


def _vanished_from(path: str, folders: list[str]) -> bool:
    """``path`` lies under one of ``folders`` and no longer exists."""
    p = Path(path).resolve()
    return not p.exists() and any(p.is_relative_to(Path(f).resolve()) for f in folders)


def _publish(rows: list[dict[str, Any]]) -> None:
    cols = ["file", "format", "status", "blocks", "tables", "references", "obligations", "criteria", "error"]
    create_table_artifact(
        key="vanban-ingest-summary",
        table=[{c: r.get(c) for c in cols} for r in rows],
        description="vanban ingest: one row per document",
    )
    failed = [r for r in rows if r["status"] == "error"]
    if failed:
        create_markdown_artifact(
            key="vanban-ingest-failures",
            markdown="\n".join(f"- `{r['file']}`: {r['error']}" for r in failed),
            description=f"{len(failed)} document(s) could not be read",
        )


# --------------------------------------------------------------------------
# CLI: vanban ingest
# --------------------------------------------------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help=f"files or folders (default: {DEFAULT_RAW})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    p.add_argument("--db", default=None, help="database URL for the query index (default: VANBAN_DB_URL or data/vanban.sqlite)")
    p.add_argument("--force", action="store_true", help="re-extract files whose content has not changed")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help=f"documents processed at once (default: the number of cores, here {worker_count()})")
    p.add_argument("--follow-links", action="store_true",
                   help="also take files that links in a folder lead to outside it (default: skipped)")
    p.add_argument("--dask", metavar="ADDRESS", default=None, help="spread documents over the Dask cluster at ADDRESS")
    p.add_argument("--json", action="store_true", help="print the summary rows as JSON")


def format_summary(rows: list[dict[str, Any]], width: int | None = None) -> str:
    """The summary table (Vietnamese labels for the clerk; at most ``width``
    columns wide when given) and the counts."""
    from flows.progress import summary_table
    from core.errors import printable

    lines = summary_table(rows, width)
    count = {k: sum(r["status"] == k for r in rows if r["file"] != "(index)")
             for k in ("ok", "unchanged", "error", "removed", "skipped", "degraded", "interrupted")}
    docs = sum(count.values()) - count["removed"] - count["skipped"]
    text = (f"\n{docs} tệp: {count['ok']} đã đọc, {count['unchanged']} không đổi, {count['error']} lỗi"
            + (f", {count['degraded']} chưa đủ (hết thời gian; đọc lại lần sau)" if count["degraded"] else "")
            + (f", {count['interrupted']} chưa đọc (đã dừng)" if count["interrupted"] else ""))
    if count["removed"]:
        text += f"; {count['removed']} đã xoá khỏi chỉ mục (tệp không còn)"
    if count["skipped"]:
        text += (f"\n{count['skipped']} bỏ qua: "
                 + "; ".join(f"{printable(r['file'])} ({printable(str(r['error']))})"
                             for r in rows if r["status"] == "skipped"))
    lines.append(text)
    return "\n".join(lines)


def error_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One ``vanban: …`` line per problem, safe for a terminal."""
    from core.errors import printable

    out = []
    for r in rows:
        if r["status"] not in ("error", "degraded"):
            continue
        if r.get("message"):
            out.append(f"vanban: {printable(r['message'])}")
        elif r["status"] == "degraded":
            out.append(f"vanban: {printable(r['file'])}: {printable(r['error'] or 'incomplete')}")
        else:
            out.append(f"vanban: cannot read {printable(r['file'])}: {printable(r['error'] or '')}")
    return out


def _check_out_dir(out: str) -> str | None:
    """Why JSON cannot be written into ``out`` (None when it can)."""
    from core.errors import printable

    path = Path(out)
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".vanban-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return f"cannot write to {printable(out)}: {_reason(exc)}"
    return None


def _on_sigterm(signum: int, frame: Any) -> None:
    """First SIGTERM: finish the documents being read, skip the rest, index
    what is done.  A second one: stop at once (the temporary Prefect server
    is stopped first, so no process is left behind)."""
    if STOP.is_set():
        _stop_prefect_server()
        os._exit(128 + signum)
    STOP.set()
    _quiet_teardown()
    print("vanban: stopping (SIGTERM): finishing the documents in progress, then indexing them", file=sys.stderr)


def _quiet_teardown() -> None:
    """Once a stop is asked for, Prefect's event loops are torn down under running tasks: the garbage collector
    then reports their coroutines through asyncio's logger ("Task was destroyed but it is pending!") and through
    ``sys.unraisablehook`` ("Exception ignored in …" with a traceback), interleaved with vanban's own lines (seen
    in CI, now and then). Those are Prefect's internals, not the user's documents: they are not shown."""
    import logging

    logging.getLogger("asyncio").disabled = True
    sys.unraisablehook = lambda _unraisable: None


def _exit_now(code: int) -> NoReturn:
    """Leave at once after a SIGTERM, the finished documents indexed and said so: Prefect's background event loop
    still holds pending tasks then, and the interpreter's shutdown would print their "Task was destroyed but it is
    pending!" (with tracebacks, now and then) after vanban's last line. The temporary server is stopped first, so
    no process is left behind."""
    sys.stdout.flush()
    sys.stderr.flush()
    import gc

    gc.disable()  # no collection (and no report of a pending task) between the last line and the exit
    try:  # vanban's last line is out: what stopping the server may print after it is not the user's
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    except OSError:
        pass
    _stop_prefect_server()
    os._exit(code)


def _stop_prefect_server() -> None:
    try:
        from prefect.server.api.server import SubprocessASGIServer

        for server in list(SubprocessASGIServer._instances.values()):
            server.stop()
    except Exception:  # noqa: BLE001 - leaving anyway
        pass


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # the temporary server (started below, it reads this environment) logs
    # tracebacks when stopped while recording the last task events: not ours to show
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_LOGGING_ROOT_LEVEL", "CRITICAL")  # its SQLAlchemy pool says the same
    problem = _check_out_dir(args.out)
    if problem:
        print(f"vanban: {problem}", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("vanban: --workers must be 1 or more", file=sys.stderr)
        return 2
    flow_fn = ingest_flow
    if args.dask:
        from flows.dask_runner import task_runner_for

        flow_fn = ingest_flow.with_options(task_runner=task_runner_for(args.dask, workers=args.workers))
    elif args.workers is not None:
        flow_fn = ingest_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=args.workers))
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if main else None
    if main:
        GRACEFUL.set()
    global PROGRESS
    from flows.progress import IngestProgress

    try:
        with IngestProgress(sys.stderr, enabled=not args.json and sys.stderr.isatty()) as PROGRESS:
            rows = flow_fn(paths=args.paths or None, out_dir=args.out, db_url=args.db, force=args.force,
                           follow_links=args.follow_links)
    except Exception as exc:  # Prefect cannot start or reach its server: one line, never a traceback
        from core.errors import printable

        print(f"vanban: the ingest flow could not run: {printable(_first_line(exc))}", file=sys.stderr)
        return 2
    finally:
        PROGRESS = None
        GRACEFUL.clear()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(format_summary(rows, shutil.get_terminal_size().columns if sys.stdout.isatty() else None))
    for line in error_lines(rows):
        print(line, file=sys.stderr)
    if STOP.is_set():
        print("vanban: stopped by SIGTERM; the documents finished were indexed", file=sys.stderr)
        _exit_now(128 + signal.SIGTERM)
    return 1 if any(r["status"] in ("error", "degraded") for r in rows) else 0
