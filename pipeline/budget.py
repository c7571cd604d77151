"""The per-document budget: CPU time and memory, after which a document stops
and is reported degraded instead of holding up the batch.

Every step of parse and extract is meant to be near-linear in its input, and
the parsers refuse inputs past the size limits (``parsers.MAX_TEXT_CHARS``,
``parsers.docx_parser.MAX_XML_BYTES``), so a document within the limits ends
well inside the budget (``bench/size_curve.py``).  The budget is the second
line of defence, for whatever slips through:

* **time** is the CPU time of the thread working on the document
  (``time.pthread_getcpuclockid``), so that documents extracted side by side
  on a busy machine do not charge each other, and waiting (OCR subprocesses,
  disk) costs nothing;
* **memory** is the growth of the process's resident set since the document
  started (with several documents at once each is charged the growth of all:
  the check errs on the safe side).

``document_budget()`` wraps the work on one document, and ``interruptible()``
each step that may be cut short (the parse, each extractor).  A watchdog thread
looks at every open budget five times a second; when one is spent inside an
``interruptible()`` step it raises ``BudgetExceeded`` in the thread doing that
work (``PyThreadState_SetAsyncExc``; it lands at the next Python instruction,
so a single C call such as one ``regex`` match — itself bounded by
``RX_TIMEOUT`` — finishes first).  ``BudgetExceeded`` derives from
``BaseException`` so that the ``except Exception`` of a parser or extractor
cannot swallow it; ``pipeline.assemble`` turns it into the warning
``budget_exceeded`` for the part it stopped, and the parts after it are
skipped with the same warning.  Nothing is raised outside a step: arming,
raising and disarming happen under one lock, and disarming clears a raise that
has not landed yet.

Limits (environment variables override the defaults, ``0`` turns a limit off):
``VANBAN_DOC_CPU_SECONDS`` (120) and ``VANBAN_DOC_MEMORY_MB`` (3072).
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

BUDGET_CODE = "budget_exceeded"

DEFAULT_CPU_SECONDS = 120.0
DEFAULT_MEMORY_MB = 3072
_POLL_SECONDS = 0.2


class BudgetExceeded(BaseException):
    """The document's CPU time or memory budget is spent (see module doc)."""


def cpu_limit() -> float:
    return float(os.environ.get("VANBAN_DOC_CPU_SECONDS", DEFAULT_CPU_SECONDS))


def memory_limit_bytes() -> int:
    return int(float(os.environ.get("VANBAN_DOC_MEMORY_MB", DEFAULT_MEMORY_MB)) * 1024 * 1024)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    """Resident set size of this process now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


@dataclass(eq=False)
class Budget:
    """One document's budget, open while its ``with document_budget()`` runs."""

    cpu_seconds: float
    memory_bytes: int
    thread_id: int = field(default_factory=threading.get_ident)
    clock: int | None = None
    cpu_start: float = 0.0
    rss_start: int = 0
    spent: str | None = None  # why it stopped, once it has
    armed: bool = False  # inside ``interruptible()``: the watchdog may raise in the thread

    def __post_init__(self) -> None:
        try:
            self.clock = time.pthread_getcpuclockid(self.thread_id)
        except (AttributeError, OSError):
            self.clock = None
        self.cpu_start = self.cpu_used_total()
        self.rss_start = rss_bytes()

    def cpu_used_total(self) -> float:
        if self.clock is not None:
            try:
                return time.clock_gettime(self.clock)
            except OSError:
                pass
        return time.thread_time() if threading.get_ident() == self.thread_id else 0.0

    def cpu_used(self) -> float:
        return self.cpu_used_total() - self.cpu_start

    def over(self) -> str | None:
        """Why the budget is spent, or None."""
        if self.cpu_seconds > 0:
            used = self.cpu_used()
            if used > self.cpu_seconds:
                return f"time budget spent ({used:.1f} s of CPU > {self.cpu_seconds:g} s)"
        if self.memory_bytes > 0:
            grown = rss_bytes() - self.rss_start
            if grown > self.memory_bytes:
                return (f"memory budget spent (grew {grown // 2**20} MiB > "
                        f"{self.memory_bytes // 2**20} MiB)")
        return None


_lock = threading.Lock()
_open: set[Budget] = set()
_wake = threading.Event()
_watchdog: threading.Thread | None = None


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _watch() -> None:
    while True:
        with _lock:
            idle = not _open
            if idle:
                _wake.clear()
        if idle:
            _wake.wait()  # until a budget opens
            continue
        time.sleep(_POLL_SECONDS)
        with _lock:
            for b in list(_open):
                if b.spent is None:
                    b.spent = b.over()
                    if b.spent and b.armed:
                        _set_async_exc(b.thread_id, BudgetExceeded)


def _ensure_watchdog() -> None:
    global _watchdog
    if _watchdog is None or not _watchdog.is_alive():
        _watchdog = threading.Thread(target=_watch, name="vanban-budget", daemon=True)
        _watchdog.start()


_local = threading.local()


@contextmanager
def document_budget(cpu_seconds: float | None = None, memory_mb: float | None = None) -> Iterator[Budget]:
    """Run the body under a per-document budget (see module doc).  Nested use
    keeps the outer budget."""
    outer = getattr(_local, "budget", None)
    if outer is not None:
        yield outer
        return
    b = Budget(cpu_limit() if cpu_seconds is None else float(cpu_seconds),
               memory_limit_bytes() if memory_mb is None else int(memory_mb * 1024 * 1024))
    _local.budget = b
    with _lock:
        _ensure_watchdog()
        _open.add(b)
        _wake.set()
    try:
        yield b
    finally:
        _close(b)


def _close(b: Budget) -> None:
    with _lock:
        _open.discard(b)
    _disarm(b)
    _local.budget = None


@contextmanager
def interruptible() -> Iterator[None]:
    """The body may be stopped by ``BudgetExceeded`` once the budget is spent (raised at once
    if it already is); outside such a block the watchdog only records that it is spent."""
    b = current()
    if b is None:
        yield
        return
    with _lock:
        if b.spent is None:
            b.spent = b.over()
        if b.spent:
            raise BudgetExceeded(b.spent)
        b.armed = True
    try:
        yield
    finally:
        _disarm(b)


def _disarm(b: Budget) -> None:
    """No raise after this: disarm and clear one made but not landed yet.  It can land inside
    this very function: then the work is over anyway and it is done again."""
    while True:
        try:
            with _lock:
                b.armed = False
                _set_async_exc(b.thread_id, None)
            return
        except BudgetExceeded:
            continue


def current() -> Budget | None:
    """The budget open in this thread, if any."""
    return getattr(_local, "budget", None)


def spent() -> str | None:
    """Why this thread's budget is spent, or None (also None without a budget)."""
    b = current()
    return b.spent if b is not None else None
