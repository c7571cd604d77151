"""Atomic file writes: a reader never sees a half-written output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{_short(p.name)}.", suffix=".tmp", dir=p.parent)
    try:
        # mkstemp creates 0600; an output gets the mode any tool gives a new file (0666 less the umask),
        # so that colleagues on a shared folder can read it
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    """The process umask: from /proc (Linux) without changing it, which is
    safe with other threads writing; elsewhere by setting it and putting it
    back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _short(name: str, limit: int = 120) -> str:
    """``name`` cut to at most ``limit`` UTF-8 bytes (a whole character), so
    that the temporary name beside a 255-byte output still fits."""
    raw = name.encode("utf-8", "surrogateescape")
    return name if len(raw) <= limit else raw[:limit].decode("utf-8", "ignore")


def write_text_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def dumps_json(obj: Any, *, indent: int | None = 2) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent) + "\n"


def write_json_atomic(path: str | Path, obj: Any) -> None:
    write_text_atomic(path, dumps_json(obj))
