"""What ``vanban ingest`` shows while it works, and its summary table, for the
clerk (labels in Vietnamese).

* ``IngestProgress``: a live line on stderr (rich) — Prefect starting, then
  one line per finished file (✓/✗, counts, seconds) above a bar with the
  files done, the file being read and the time spent.  Only when stderr is a
  terminal: piped or logged output gets nothing of it.
* ``summary_table``: the summary rows as a table that fits ``width``
  columns (the file and error columns give way, cut with "…"; the full errors
  are on stderr anyway).
"""

from __future__ import annotations

import sys
import threading
from typing import IO, Any

HEADERS = [("file", "Tệp"), ("format", "Loại"), ("blocks", "Khối"), ("tables", "Bảng"),
           ("references", "Dẫn chiếu"), ("obligations", "Nhiệm vụ"), ("criteria", "Tiêu chí"),
           ("status", "Kết quả"), ("error", "Lỗi / ghi chú")]
STATUS_VI = {
    "ok": "đã đọc", "unchanged": "không đổi", "error": "lỗi", "skipped": "bỏ qua", "removed": "đã xoá khỏi chỉ mục",
    "degraded": "chưa đủ", "interrupted": "chưa đọc",
}
FLEXIBLE = ("error", "file")  # the columns that shrink to fit: errors first, then paths
MIN_FLEX = 16
DROPPED = ("blocks", "tables", "format", "criteria", "references")  # on a narrow terminal, in this order


def cell_width(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _cut(text: str, width: int, *, keep_end: bool) -> str:
    """``text`` in at most ``width`` cells, "…" where it was cut (a path keeps its end)."""
    if cell_width(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out = ""
    chars = reversed(text) if keep_end else iter(text)
    for ch in chars:
        if cell_width(out + ch) > width - 1:
            break
        out = ch + out if keep_end else out + ch
    return "…" + out if keep_end else out + "…"


def summary_table(rows: list[dict[str, Any]], width: int | None = None) -> list[str]:
    """The table lines (header, rule, one line per row), at most ``width``
    cells wide when given."""
    from core.errors import printable

    keys = [k for k, _ in HEADERS]
    table = [[h for _, h in HEADERS]]
    for r in rows:
        cells = []
        for k in keys:
            v = r.get(k)
            if k == "status":
                v = STATUS_VI.get(str(v), v)
            cells.append("" if v is None else printable(str(v)))
        table.append(cells)
    widths = [max(cell_width(row[i]) for row in table) for i in range(len(keys))]
    widths[keys.index("file")] = min(widths[keys.index("file")], 60)
    widths[keys.index("error")] = min(widths[keys.index("error")], 80)
    if width is not None:
        def total(ws: list[int]) -> int:
            return sum(ws) + 2 * (len(ws) - 1)

        def least(k: str) -> int:  # a shrinking column's narrowest: its header, at least MIN_FLEX
            i = keys.index(k)
            return min(widths[i], max(MIN_FLEX, cell_width(table[0][i])))

        for k in DROPPED:  # too wide even with the file and error columns at their narrowest: columns go
            narrowest = [least(keys[i]) if keys[i] in FLEXIBLE else w for i, w in enumerate(widths)]
            if total(narrowest) <= width:
                break
            i = keys.index(k)
            del keys[i], widths[i]
            for row in table:
                del row[i]
        full = {k: widths[keys.index(k)] for k in FLEXIBLE}
        for k in FLEXIBLE:
            widths[keys.index(k)] = least(k)
        room = width - total(widths)
        for k in ("file", "error"):  # what is left: the file's name first, then the error
            i = keys.index(k)
            grow = max(0, min(room, full[k] - widths[i]))
            widths[i] += grow
            room -= grow
        if room < 0:
            i = keys.index("file")
            widths[i] = max(8, widths[i] + room)
    lines = []
    for n, row in enumerate(table):
        cells = []
        for i, c in enumerate(row):
            c = _cut(c, widths[i], keep_end=keys[i] == "file")
            cells.append(c + " " * (widths[i] - cell_width(c)))
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("─" * w for w in widths))
    return lines


class IngestProgress:
    """Live progress of one ingest on ``stream`` (stderr), or nothing at all
    when it is not a terminal (``enabled`` False).  Thread-safe: files finish
    in worker threads."""

    def __init__(self, stream: IO[str] | None = None, *, enabled: bool | None = None):
        import os

        self.stream = stream if stream is not None else sys.stderr
        self.pid = os.getpid()  # the process that draws (flows.ingest never draws from another)
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._lock = threading.Lock()
        self._progress: Any = None
        self._task: Any = None
        self._reading: list[str] = []
        self.done = self.to_read = self.same = 0

    def __enter__(self) -> IngestProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            console = Console(file=self.stream, force_terminal=True, highlight=False)
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24),
                                      MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)
            self._progress.start()
            import os

            start = "Kết nối Prefect …" if os.environ.get("PREFECT_API_URL") else "Đang khởi động Prefect (máy chủ tạm) …"
            self._task = self._progress.add_task(start, total=None)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def queued(self) -> None:
        """One more file to read."""
        if self._progress is None:
            return
        with self._lock:
            self.to_read += 1
            self._progress.update(self._task, total=self.to_read)
            self._describe()

    def unchanged(self) -> None:
        """One file whose output is current (not read again)."""
        if self._progress is None:
            return
        with self._lock:
            self.same += 1
            self._describe()

    def started(self, path: str) -> None:
        if self._progress is None:
            return
        with self._lock:
            self._reading.append(path)
            self._describe()

    def finished(self, row: dict[str, Any]) -> None:
        if self._progress is None:
            return
        from pathlib import Path

        from core.errors import printable

        with self._lock:
            self.done += 1
            if row["file"] in self._reading:
                self._reading.remove(row["file"])
            name = printable(Path(row["file"]).name)
            secs = f"  {row['seconds']:.1f} s" if row.get("seconds") is not None else ""
            if row["status"] in ("ok", "degraded"):
                mark = "✓" if row["status"] == "ok" else "!"
                line = (f"{mark} {name}: {row['obligations']} nhiệm vụ, {row['references']} dẫn chiếu, "
                        f"{row['criteria']} tiêu chí{secs}")
            else:
                line = f"✗ {name}: {STATUS_VI.get(row['status'], row['status'])} — {printable(str(row.get('error') or ''))}"
            self._progress.console.print(line, markup=False, overflow="ellipsis", no_wrap=True)
            self._progress.advance(self._task)
            self._describe()

    def indexing(self) -> None:
        if self._progress is None:
            return
        with self._lock:
            self._progress.update(self._task, description="Cập nhật chỉ mục …")

    def _describe(self) -> None:
        from pathlib import Path

        from core.errors import printable

        same = f" ({self.same} tệp không đổi)" if self.same else ""
        if self._reading:
            names = ", ".join(printable(Path(p).name) for p in self._reading[:2])
            more = f" +{len(self._reading) - 2}" if len(self._reading) > 2 else ""
            text = f"Đang đọc {names}{more}{same}"
        else:
            text = f"Đọc {self.to_read} tệp{same}" if self.to_read else f"Kiểm tra tệp{same}"
        self._progress.update(self._task, description=text)
