"""The citation graph over ingested documents: ``vanban references [ID]``.

Reads ``data/structured/*.json`` (the contract JSON written by ``vanban
ingest``; ``--dir`` for another place).  With an ID, lists every document that
cites it, with each mention as written and where it stands; IDs match without
regard to spaces, hyphens, case or diacritics ("33/CT-TTg" ≡ "33/ct ttg").
Without an ID, lists the most cited references by the number of citing
documents.

A document ingested from several files (the same plan as .docx, .pdf and
.txt) is ONE citing document: copies are grouped by the document identity of
``tracker.store`` (number/symbol + date, else the file stem), and each citing
document is listed once, with the mentions of its most original copy that
cites the reference (docx > doc > pdf > md > txt).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from tracker.store import DocumentCopy, copy_of, group_copies, source_rank
from core.textutil import reference_key

DEFAULT_DIR = Path("data/structured")


@dataclass(slots=True)
class Citation:
    """One citing document's use of a reference."""

    document: str  # the citing document's id, or its file stem
    path: str  # the source file (the most original copy that cites the reference)
    relation: str
    mentions: list[dict[str, Any]] = field(default_factory=list)  # {"text", "loc"}
    key: str = ""  # the citing document's identity (tracker.store.document_key)
    format: str | None = None
    copies: int = 1  # how many ingested copies of the citing document cite it


@dataclass(slots=True)
class CitedDocument:
    id: str
    type: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    citations: list[Citation] = field(default_factory=list)

    @property
    def citing_count(self) -> int:
        return len({c.key or c.path for c in self.citations})


def load_outputs(directory: str | Path) -> list[tuple[Path, dict]]:
    d = Path(directory)
    if not d.is_dir():
        raise FileNotFoundError(f"no directory {d} (run 'vanban ingest' first, or give --dir)")
    out = []
    for p in sorted(d.glob("*.json")):
        try:
            with p.open(encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, json.JSONDecodeError):
            continue  # a half-written or foreign file is not a citing document
        if isinstance(data, dict) and isinstance(data.get("references"), list):
            out.append((p, data))
    return out


def _copy(p: Path, data: dict) -> DocumentCopy:
    c = copy_of(data)
    if c.path:
        return c
    return copy_of({**data, "source": {**(data.get("source") or {}), "path": str(p)}})


def build_graph(outputs: list[tuple[Path, dict]]) -> dict[str, CitedDocument]:
    """Reference key → the cited document and who cites it (each citing
    document once; see module docstring)."""
    copies = [_copy(p, data) for p, data in outputs]
    key_of = {c.path: key for key, group in group_copies(copies).items() for c in group}
    graph: dict[str, CitedDocument] = {}
    for (p, data), cp in zip(outputs, copies):
        doc = data.get("document") or {}
        own = doc.get("id") or cp.stem or p.stem
        src = cp.path
        for r in data["references"]:
            if not isinstance(r, dict) or not r.get("id"):
                continue
            key = reference_key(r["id"])
            node = graph.get(key)
            if node is None:
                node = graph[key] = CitedDocument(id=r["id"])
            node.type = node.type or r.get("type")
            node.date = node.date or r.get("date")
            node.issuer = node.issuer or r.get("issuer")
            node.title = node.title or r.get("title")
            node.citations.append(Citation(own, src, r.get("relation") or "cites",
                                           [m for m in r.get("mentions") or [] if isinstance(m, dict)],
                                           key=key_of[src], format=cp.format))
    for node in graph.values():
        node.citations = _one_per_document(node.citations)
    return graph


def _one_per_document(citations: list[Citation]) -> list[Citation]:
    """The citation of each citing document's most original copy, in the
    order the documents were read."""
    best: dict[str, Citation] = {}
    counts: dict[str, int] = {}
    for c in citations:
        counts[c.key] = counts.get(c.key, 0) + 1
        cur = best.get(c.key)
        if cur is None or (source_rank(c.format), c.path) < (source_rank(cur.format), cur.path):
            best[c.key] = c
    for key, c in best.items():
        c.copies = counts[key]
    return sorted(best.values(), key=lambda c: c.path)


def citing(graph: dict[str, CitedDocument], ref_id: str) -> CitedDocument | None:
    return graph.get(reference_key(ref_id))


def most_cited(graph: dict[str, CitedDocument], limit: int | None = None) -> list[CitedDocument]:
    ranked = sorted(graph.values(), key=lambda n: (-n.citing_count, -len(n.citations), n.id))
    return ranked[:limit] if limit else ranked
