"""What `vanban ingest` tells the clerk: progress per file on a terminal
(nothing when stderr is not one), a summary table in Vietnamese that fits the
terminal, and folder notes (README.md, SOURCES.md) skipped and said so."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from flows.ingest import find_documents, format_summary
from flows.ingest import _row as row
from flows.progress import IngestProgress, cell_width, summary_table

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
BIN = Path(sys.executable).parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_folder_notes_are_skipped_and_said_so(tmp_path):
    for name in ("README.md", "SOURCES.md", "readme.txt", "Provenance.md"):
        (tmp_path / name).write_text("# Nguồn\nTài liệu lấy từ …\n", encoding="utf-8")
    doc = tmp_path / "KeHoach.txt"
    shutil.copy(sorted(RAW.glob("*.txt"))[0], doc)
    (tmp_path / "README-ke-hoach.md").write_text("Kế hoạch …\n", encoding="utf-8")  # a document, not the note
    files, rows = find_documents([str(tmp_path)])
    assert sorted(f.name for f in files) == ["KeHoach.txt", "README-ke-hoach.md"]
    assert sorted(Path(r["file"]).name for r in rows) == ["Provenance.md", "README.md", "SOURCES.md", "readme.txt"]
    assert {r["status"] for r in rows} == {"skipped"}
    assert all("không phải văn bản" in r["error"] for r in rows)
    summary = format_summary(rows + [row(doc, status="ok", obligations=3)])
    assert "1 tệp: 1 đã đọc" in summary and "4 bỏ qua: " in summary and "README.md (ghi chú về thư mục" in summary
    # named on its own, a note is read: the user asked for it
    files, rows = find_documents([str(tmp_path / "README.md")])
    assert [f.name for f in files] == ["README.md"] and rows == []


def _rows(tmp_path: Path) -> list[dict]:
    long = tmp_path / ("Kế hoạch triển khai công tác chuyển đổi số năm 2024 của Ủy ban nhân dân tỉnh" + ".docx")
    return [
        row(long, status="ok", blocks=138, tables=1, references=11, obligations=4, criteria=48),
        row(tmp_path / "scan.pdf", status="error", error="cannot read: encrypted PDF (a password is needed to open it)"),
        row(tmp_path / "b.txt", status="unchanged"),
    ]


def test_summary_table_is_vietnamese_and_fits_the_width(tmp_path):
    rows = _rows(tmp_path)
    for width in (50, 60, 80, 120, 200):
        lines = summary_table(rows, width)
        assert max(cell_width(line) for line in lines) <= width, width
        assert lines[0].startswith("Tệp") and "Nhiệm vụ" in lines[0] and "Kết quả" in lines[0], width
    assert summary_table(rows, 200)[0].split() == ["Tệp", "Loại", "Khối", "Bảng", "Dẫn", "chiếu", "Nhiệm", "vụ",
                                                    "Tiêu", "chí", "Kết", "quả", "Lỗi", "/", "ghi", "chú"]
    assert "Khối" not in summary_table(rows, 80)[0]  # on a narrow terminal the block count goes first
    narrow = summary_table(rows, 80)
    first = narrow[2].split("  ")[0]
    assert first.startswith("…") and first.endswith("nhân dân tỉnh.docx")  # a path keeps its end
    assert "đã đọc" in narrow[2] and "lỗi" in narrow[3] and "không đổi" in narrow[4]
    wide = summary_table(rows)  # not a terminal: nothing cut but the 60/80 caps
    assert "encrypted PDF (a password is needed to open it)" in wide[3]
    text = format_summary(rows, 80)
    assert text.splitlines()[-1] == "3 tệp: 1 đã đọc, 1 không đổi, 1 lỗi"


def test_progress_is_off_when_stderr_is_not_a_terminal(tmp_path):
    stream = io.StringIO()
    with IngestProgress(stream) as p:  # StringIO is not a terminal
        p.queued()
        p.started("a.txt")
        p.finished(row(Path("a.txt"), status="ok", obligations=1, references=2, criteria=0, seconds=0.5))
    assert stream.getvalue() == ""


def test_progress_prints_one_line_per_file(tmp_path):
    stream = io.StringIO()
    with IngestProgress(stream, enabled=True) as p:
        p.unchanged()
        for name in ("a.txt", "b.docx"):
            p.queued()
        p.started("a.txt")
        p.started("b.docx")
        p.finished(row(Path("a.txt"), status="ok", obligations=26, references=7, criteria=39, seconds=2.5))
        p.finished(row(Path("b.docx"), status="error", error="empty file"))
        p.indexing()
    text = ANSI.sub("", stream.getvalue())
    assert "✓ a.txt: 26 nhiệm vụ, 7 dẫn chiếu, 39 tiêu chí  2.5 s" in text
    assert "✗ b.docx: lỗi — empty file" in text
    assert p.done == 2


def test_vanban_ingest_on_a_terminal_shows_each_file(tmp_path):
    """A real `vanban ingest` whose stderr is a pseudo-terminal: a line per
    file, and the Vietnamese summary on stdout."""
    raw = tmp_path / "in"
    raw.mkdir()
    for f in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copy(f, raw)
    (raw / "SOURCES.md").write_text("nguồn\n", encoding="utf-8")
    argv = [str(BIN / "vanban"), "ingest", str(raw), "--out", str(tmp_path / "out"),
            "--db", f"sqlite:///{tmp_path / 'i.db'}"]
    env = dict(os.environ, COLUMNS="90")
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=slave, env=env, timeout=300)
    os.close(slave)
    reader.join(10)
    os.close(master)
    err = ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))
    assert proc.returncode == 0, err[-2000:]
    names = sorted(f.name for f in raw.glob("*.txt"))
    for name in names:
        assert re.search(rf"✓ {re.escape(name)}: \d+ nhiệm vụ, \d+ dẫn chiếu", err), err[-2000:]
    out = proc.stdout.decode()
    assert out.splitlines()[0].split()[:2] == ["Tệp", "Loại"]
    assert "2 tệp: 2 đã đọc, 0 không đổi, 0 lỗi" in out and "1 bỏ qua: " in out and "SOURCES.md" in out
    # piped, stderr gets no progress: tests/test_prefect_home.py (its ingest runs with stderr captured)
