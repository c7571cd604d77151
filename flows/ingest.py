"""The batch job: every document under the given paths → one JSON each in
``data/structured/`` (Prefect flow, one task per document).

* A file whose content hash (and vanban version) matches its existing output
  is not parsed again.
* A file that cannot be read is recorded (summary row, Prefect artifact) and
  the others go on.
* Outputs are written atomically.
* Output names: ``<stem>.json``.  When several inputs of one batch share a stem
  (the sample corpus has each seed as .txt, .docx and .pdf), the one in the
  most original format (docx > doc > pdf > md > txt) keeps ``<stem>.json`` and
  the others get ``<stem>.<ext>.json``, so nothing is overwritten.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

DEFAULT_RAW = "data/raw"
DEFAULT_OUT = "data/structured"
FORMAT_PRIORITY = [".docx", ".doc", ".pdf", ".md", ".txt"]


# --------------------------------------------------------------------------
# Planning (pure functions)
# --------------------------------------------------------------------------


def find_documents(paths: list[str]) -> tuple[list[Path], list[dict[str, Any]]]:
    """Supported files under ``paths`` (sorted), and rows for paths that are
    missing or of an unsupported type (reported, never silently dropped)."""
    from parsers import supported

    files: list[Path] = []
    problems: list[dict[str, Any]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and supported(f):
                    files.append(f)
        elif p.is_file():
            if supported(p):
                files.append(p)
            else:
                problems.append(_row(p, status="error", error=f"unsupported file type '{p.suffix or '(none)'}'"))
        else:
            problems.append(_row(p, status="error", error="no such file or directory"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, problems


def output_names(files: list[Path]) -> dict[Path, str]:
    """Output file name for each input (see module docstring)."""
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        by_stem[f.stem].append(f)
    names: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            names[group[0]] = f"{stem}.json"
            continue
        ranked = sorted(group, key=lambda f: (_priority(f), str(f)))
        names[ranked[0]] = f"{stem}.json"
        for f in ranked[1:]:
            names[f] = f"{stem}.{f.suffix.lower().lstrip('.')}.json"
            if list(names.values()).count(names[f]) > 1:  # same stem and extension in two folders
                names[f] = f"{stem}.{f.suffix.lower().lstrip('.')}.{_short_hash(str(f))}.json"
    return names


def _priority(f: Path) -> int:
    ext = f.suffix.lower()
    return FORMAT_PRIORITY.index(ext) if ext in FORMAT_PRIORITY else len(FORMAT_PRIORITY)


def _short_hash(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()[:8]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def is_current(out_path: Path, sha256: str) -> bool:
    """The output exists and was made from these bytes by this vanban version."""
    from pipeline import __version__

    try:
        data = json.loads(out_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        data.get("source", {}).get("sha256") == sha256
        and data.get("generator", {}).get("version") == __version__
    )


def _row(path: Path, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "file": str(path), "format": path.suffix.lower().lstrip("."), "status": "ok",
        "blocks": None, "tables": None, "pages": None, "references": None,
        "obligations": None, "criteria": None, "warnings": None, "output": None,
        "error": None, "seconds": None,
    }
    row.update(kw)
    return row


def summarize(path: Path, out: dict[str, Any], out_path: Path, seconds: float) -> dict[str, Any]:
    blocks = out.get("content", {}).get("blocks", [])
    return _row(
        path,
        blocks=len(blocks),
        tables=sum(1 for b in blocks if b.get("kind") == "table"),
        pages=out["source"].get("pages"),
        references=len(out["references"]),
        obligations=len(out["obligations"]),
        criteria=_count_nodes(out["criteria"]),
        warnings=len(out["warnings"]),
        output=str(out_path),
        seconds=round(seconds, 3),
    )


def _count_nodes(nodes: list[dict[str, Any]]) -> int:
    return sum(1 + _count_nodes(n.get("children", [])) for n in nodes)


# --------------------------------------------------------------------------
# Prefect: one task per document
# --------------------------------------------------------------------------

from prefect import flow, task  # noqa: E402  (kept below the pure helpers on purpose)
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402


def extract_to_file(path: str, out_path: str) -> dict[str, Any]:
    """Parse and extract one document, write its JSON atomically, return its
    summary row; a file that cannot be read gives an error row, never raises."""
    from pipeline.assemble import extract_file
    from core.errors import DocumentError
    from core.io import write_json_atomic

    p, started = Path(path), time.perf_counter()
    try:
        out = extract_file(p)
    except DocumentError as exc:
        return _row(p, status="error", error=exc.reason)
    except Exception as exc:  # a bug must not stop the batch either
        return _row(p, status="error", error=f"internal error: {type(exc).__name__}: {exc}")
    write_json_atomic(out_path, out)
    return summarize(p, out, Path(out_path), time.perf_counter() - started)


@task(name="extract-document", task_run_name="extract {path}")
def extract_document(path: str, out_path: str) -> dict[str, Any]:
    return extract_to_file(path, out_path)


@flow(name="vanban-ingest")
def ingest_flow(
    paths: list[str] | None = None,
    out_dir: str = DEFAULT_OUT,
    db_url: str | None = None,
    force: bool = False,
) -> list[dict[str, Any]]:
    """Ingest every document under ``paths`` (default ``data/raw``)."""
    files, rows = find_documents(paths or [DEFAULT_RAW])
    names = output_names(files)
    out_root = Path(out_dir)
    futures = []
    for f in files:
        out_path = out_root / names[f]
        if not force and is_current(out_path, file_sha256(f)):
            rows.append(_row(f, status="unchanged", output=str(out_path)))
            continue
        futures.append(extract_document.submit(str(f), str(out_path)))
    rows.extend(fut.result() for fut in futures)
    rows.sort(key=lambda r: r["file"])
    _update_index(rows, db_url, folders=[p for p in (paths or [DEFAULT_RAW]) if Path(p).is_dir()])
    _publish(rows)
    return rows


def _update_index(rows: list[dict[str, Any]], db_url: str | None, folders: list[str]) -> None:
    """Load every written document into the query index (documents whose
    output is unchanged are skipped by the store itself), and drop from it the
    documents that were under an ingested folder and are gone from disk."""
    from tracker.store import Store

    outputs = [r for r in rows if r["status"] in ("ok", "unchanged") and r["output"]]
    store = Store(db_url)
    try:
        for r in outputs:
            try:
                store.upsert_document(json.loads(Path(r["output"]).read_text(encoding="utf-8")))
            except Exception as exc:  # the JSON is kept; only the index is behind
                r["status"], r["error"] = "error", f"index update failed: {type(exc).__name__}: {exc}"
        indexed = store.document_paths()
        gone = [p for p in indexed if _vanished_from(p, folders)]
        if gone:
            store.remove_missing([p for p in indexed if p not in gone])
            rows.extend(_row(Path(p), status="removed") for p in gone)
    finally:
        store.close()


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
# The summary table of a run (printed by `vanban ingest`)
# --------------------------------------------------------------------------


def format_summary(rows: list[dict[str, Any]]) -> str:
    cols = [("file", "file"), ("format", "fmt"), ("blocks", "blocks"), ("tables", "tables"),
            ("references", "refs"), ("obligations", "oblig"), ("criteria", "criteria"),
            ("status", "status"), ("error", "error")]
    table = [[h for _, h in cols]]
    for r in rows:
        table.append(["" if r.get(k) is None else str(r.get(k)) for k, _ in cols])
    widths = [min(max(len(row[i]) for row in table), 60 if i == 0 else 80) for i in range(len(cols))]
    lines = []
    for n, row in enumerate(table):
        cells = [(c if len(c) <= widths[i] else "…" + c[-(widths[i] - 1):]).ljust(widths[i]) for i, c in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    ok = sum(r["status"] == "ok" for r in rows)
    same = sum(r["status"] == "unchanged" for r in rows)
    bad = sum(r["status"] == "error" for r in rows)
    gone = sum(r["status"] == "removed" for r in rows)
    lines.append(f"\n{len(rows) - gone} document(s): {ok} extracted, {same} unchanged, {bad} failed"
                 + (f"; {gone} removed from the index (file deleted)" if gone else ""))
    return "\n".join(lines)
