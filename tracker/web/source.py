"""The source of an obligation as a reviewer checks it: the paragraph or table
cell it was read from, with the words vanban extracted marked, from the
``loc`` of each unit, deadline and recurrence (pure functions, plus a small
index of the JSON outputs that hold the document model)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KIND_LABELS = {"unit": "đơn vị", "deadline": "thời hạn", "recurrence": "định kỳ", "reference": "dẫn chiếu"}


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: str | None = None  # None: plain text; else what the marked words are
    label: str | None = None  # e.g. the unit's canonical name and role


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    label: str | None = None


def same_place(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Do two locs point into the same paragraph or table cell?"""
    if not a or not b:
        return False
    return ((a.get("block"), a.get("row"), a.get("col"), a.get("footnote"))
            == (b.get("block"), b.get("row"), b.get("col"), b.get("footnote")))


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """``text`` cut into plain and marked segments; spans outside the text
    are dropped, overlapping ones keep the first (earliest, then longest)."""
    ok = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    out: list[Segment] = []
    pos = 0
    for s in ok:
        if s.start < pos:
            continue
        if s.start > pos:
            out.append(Segment(text[pos:s.start]))
        out.append(Segment(text[s.start:s.end], s.kind, s.label))
        pos = s.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def find_spans(text: str, words: list[tuple[str, str, str | None]]) -> list[Span]:
    """Spans by searching ``text`` for each (words, kind, label), for a
    source without locs into it."""
    out = []
    low = text.casefold()
    for w, kind, label in words:
        if not w:
            continue
        i = low.find(w.casefold())
        if i >= 0:
            out.append(Span(i, i + len(w), kind, label))
    return out


def block_text(content: dict[str, Any] | None, loc: dict[str, Any] | None) -> str | None:
    """The text of the paragraph or table cell ``loc`` points at, from a
    document model (the ``content`` of vanban's JSON)."""
    if not content or not loc:
        return None
    fn = loc.get("footnote")
    if isinstance(fn, int):  # a footnote's own text
        notes = content.get("footnotes") or []
        return notes[fn].get("text") if 0 <= fn < len(notes) else None
    if loc.get("block") is None:
        return None
    blocks = content.get("blocks") or []
    b = loc["block"]
    if not isinstance(b, int) or not 0 <= b < len(blocks):
        return None
    block = blocks[b]
    if loc.get("row") is None:
        text = block.get("text")
        return text if isinstance(text, str) else None
    for cell in block.get("cells") or []:
        if cell.get("row") == loc.get("row") and cell.get("col") == loc.get("col"):
            return cell.get("text")
    return None


def spans_of(extracted: dict[str, Any] | None, loc: dict[str, Any] | None,
             role_labels: dict[str, str]) -> list[Span]:
    """Spans of the units, deadline and recurrence of an obligation (as in
    vanban's JSON) that point into the place ``loc`` names."""
    if not extracted:
        return []
    out = []
    for u in extracted.get("units") or []:
        ul = u.get("loc")
        if same_place(ul, loc) and isinstance(ul.get("start"), int) and isinstance(ul.get("end"), int):
            label = f"{u.get('name')} — {role_labels.get(u.get('role'), u.get('role'))}"
            out.append(Span(ul["start"], ul["end"], "unit", label))
    for key in ("deadline", "recurrence"):
        d = extracted.get(key) or {}
        dl = d.get("loc")
        if same_place(dl, loc) and isinstance(dl.get("start"), int) and isinstance(dl.get("end"), int):
            out.append(Span(dl["start"], dl["end"], key, d.get("date") or d.get("rrule") or d.get("text")))
    return out


class StructuredIndex:
    """Finds the JSON output (with its ``content``) of an ingested source file
    in the structured folder; read lazily, cached by file modification time."""

    def __init__(self, directory: str | Path | None):
        self.directory = Path(directory) if directory else None
        self._by_source: dict[str, Path] = {}
        self._mtimes: dict[Path, float] = {}
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[float, dict[str, Any]]] = {}

    def _scan(self) -> None:
        if self.directory is None or not self.directory.is_dir():
            return
        for p in self.directory.glob("*.json"):
            try:
                m = p.stat().st_mtime
            except OSError:
                continue
            if self._mtimes.get(p) == m:
                continue
            self._mtimes[p] = m
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            src = (data.get("source") or {}).get("path") if isinstance(data, dict) else None
            if src:
                self._by_source[str(src)] = p
                self._cache[p] = (m, data.get("content") or {})

    def content(self, source_path: str) -> dict[str, Any] | None:
        with self._lock:
            p = self._by_source.get(source_path)
            if p is None or self._cache.get(p, (None,))[0] != self._mtimes.get(p):
                self._scan()
                p = self._by_source.get(source_path)
            if p is None:
                return None
            hit = self._cache.get(p)
            return hit[1] if hit else None
