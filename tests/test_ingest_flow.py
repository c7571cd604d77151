"""The batch job as a Prefect flow: one JSON per document, bad files recorded
and skipped, unchanged files not parsed again, atomic outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from flows.ingest import find_documents, format_summary, ingest_flow, output_names
from tests.conftest import RAW


def test_output_names_keep_stem_and_never_collide():
    files = [Path("a/x.txt"), Path("a/x.docx"), Path("a/x.pdf"), Path("a/y.md"), Path("b/x.txt")]
    names = output_names(files)
    assert names[Path("a/x.docx")] == "x.json"
    assert names[Path("a/x.pdf")] == "x.pdf.json"
    assert names[Path("y.md") if False else Path("a/y.md")] == "y.json"
    assert len(set(names.values())) == len(files)


def test_find_documents_reports_missing_and_unsupported(tmp_path):
    (tmp_path / "a.txt").write_text("Kế hoạch", encoding="utf-8")
    (tmp_path / "b.xlsx").write_bytes(b"PK")
    files, problems = find_documents([str(tmp_path), str(tmp_path / "b.xlsx"), str(tmp_path / "nope.docx")])
    assert files == [tmp_path / "a.txt"]
    assert {Path(p["file"]).name: p["error"] for p in problems} == {
        "b.xlsx": "unsupported file type '.xlsx'",
        "nope.docx": "no such file or directory",
    }


def test_ingest_flow_batch(prefect_harness, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "structured"
    raw.mkdir()
    for stem in ("004_4f1c6b8dfc0f85d2", "002_b730f56744703d27"):
        shutil.copy(RAW / f"{stem}.txt", raw)
    (raw / "corrupt.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (raw / "empty.pdf").write_bytes(b"")
    db = f"sqlite:///{tmp_path / 'index.sqlite'}"

    rows = ingest_flow(paths=[str(raw)], out_dir=str(out), db_url=db)
    by_name = {Path(r["file"]).name: r for r in rows}
    assert by_name["004_4f1c6b8dfc0f85d2.txt"]["status"] == "ok"
    assert by_name["002_b730f56744703d27.txt"]["status"] == "ok"
    assert by_name["corrupt.docx"]["status"] == "error" and by_name["corrupt.docx"]["error"]
    assert by_name["empty.pdf"]["error"] == "empty file"
    doc = json.loads((out / "004_4f1c6b8dfc0f85d2.json").read_text(encoding="utf-8"))
    assert doc["document"]["id"] == "799/KH-SYT"
    assert by_name["004_4f1c6b8dfc0f85d2.txt"]["references"] == len(doc["references"]) > 0
    assert not list(out.glob(".*.tmp")), "no temporary files left behind"
    assert ", 2 lỗi" in format_summary(rows)  # corrupt.docx, empty.pdf

    # unchanged files are not parsed again; a changed one is
    again = {Path(r["file"]).name: r for r in ingest_flow(paths=[str(raw)], out_dir=str(out), db_url=db)}
    assert again["004_4f1c6b8dfc0f85d2.txt"]["status"] == "unchanged"
    p = raw / "002_b730f56744703d27.txt"
    p.write_text(p.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = {Path(r["file"]).name: r for r in ingest_flow(paths=[str(raw)], out_dir=str(out), db_url=db)}
    assert again["002_b730f56744703d27.txt"]["status"] == "ok"
    assert again["004_4f1c6b8dfc0f85d2.txt"]["status"] == "unchanged"

    # a deleted file leaves the query index on the next run over its folder
    from tracker.store import Store

    (raw / "002_b730f56744703d27.txt").unlink()
    again = {Path(r["file"]).name: r for r in ingest_flow(paths=[str(raw)], out_dir=str(out), db_url=db)}
    assert again["002_b730f56744703d27.txt"]["status"] == "removed"
    assert "1 đã xoá khỏi chỉ mục" in format_summary(list(again.values()))
    with Store(db) as store:
        assert [Path(p).name for p in store.document_paths()] == ["004_4f1c6b8dfc0f85d2.txt"]
