"""Assembly: run every extractor over one ``Document`` and build the JSON of
CONTRACT.md (schema_version "1").

An extractor that fails on a document (a bug, never bad input) does not lose
the document: its part stays empty and a warning ``extractor_failed`` names it
(``timeout`` when a time limit stopped it; ``generator.degraded`` then lists
the code, and ``vanban ingest`` redoes the document).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

from pipeline import SCHEMA_VERSION, __version__
from core.model import (
    CriteriaResult,
    Document,
    DocumentHeader,
    Paragraph,
    Table,
    Warning,
)
from pipeline import budget
from core.errors import DocumentError
from core.serialize import loc_dict, to_jsonable
from core.textutil import DEGRADED_CODES, TIMEOUT_CODE, is_transient
from extractors import criteria as criteria_x
from extractors import header as header_x
from extractors import obligations as obligations_x
from extractors import references as references_x
from extractors import units as units_x
from parsers import parse

T = TypeVar("T")


def _run(name: str, fn: Callable[[], T], fallback: T, warnings: list[Warning]) -> T:
    try:
        with budget.interruptible():
            return fn()
    except budget.BudgetExceeded:  # the document's budget is spent: this part and the next are left out
        warnings.append(Warning(budget.BUDGET_CODE, f"{name}: left out, {budget.spent() or 'budget spent'}"))
        return fallback
    except Exception as exc:  # keep the document; say which part is missing
        code = TIMEOUT_CODE if is_transient(exc) else "extractor_failed"
        warnings.append(Warning(code, f"{name}: {type(exc).__name__}: {exc}"))
        return fallback


def build_output(doc: Document, *, content: bool = True) -> dict[str, Any]:
    """The contract JSON for one parsed document."""
    warnings: list[Warning] = list(doc.warnings)
    units_x.forget_reads()  # the unit readers' answers are one document's (``extractors.units``)
    with budget.document_budget():
        header = _run("header", lambda: header_x.extract_header(doc), DocumentHeader(), warnings)
        refs, unnumbered = _run("references", lambda: references_x.extract_references(doc, header), ([], []), warnings)
        obligations, units = _run("obligations", lambda: obligations_x.extract_obligations(doc, header), ([], []),
                                  warnings)
        criteria = _run("criteria", lambda: criteria_x.extract_criteria(doc), CriteriaResult(), warnings)
    warnings.extend(criteria.warnings)

    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "vanban", "version": __version__, "degraded": degraded_codes(warnings)},
        "source": to_jsonable(doc.source),
        "document": _header_dict(header),
        "references": to_jsonable(refs),
        "unnumbered_references": to_jsonable(unnumbered),
        "obligations": to_jsonable(obligations),
        "units": to_jsonable(units),
        "criteria": to_jsonable(criteria.criteria),
        "criteria_total": to_jsonable(criteria.total),
        "pages": to_jsonable(doc.pages),
        "warnings": to_jsonable(warnings),
    }
    if content:
        out["content"] = content_dict(doc)
    return out


def degraded_codes(warnings: list[Warning]) -> list[str]:
    """The warning codes that make an output incomplete for a passing reason
    (a time limit hit under load) or to the document's budget (``pipeline.budget``):
    such an output is redone, never cached."""
    return sorted({w.code for w in warnings if w.code in DEGRADED_CODES or w.code == budget.BUDGET_CODE})


def _header_dict(h: DocumentHeader) -> dict[str, Any]:
    d = to_jsonable(h)
    d["locs"] = {k: loc_dict(v) for k, v in h.locs.items()}
    return d


def content_dict(doc: Document) -> dict[str, Any]:
    """The document model itself, compact, so every ``loc`` can be resolved
    from the JSON alone (``blocks[loc.block]``, its ``cells`` for a table)."""
    return {
        "blocks": [_block_dict(b) for b in doc.blocks],
        "footnotes": to_jsonable(doc.footnotes),
        "furniture": [_block_dict(p) for p in doc.furniture],
    }


def _block_dict(b: Paragraph | Table) -> dict[str, Any]:
    if isinstance(b, Paragraph):
        d: dict[str, Any] = {"kind": "paragraph", "index": b.index, "page": b.page, "text": b.text}
        style = {k: v for k, v in to_jsonable(b.style).items() if v not in (None, False)}
        if style:
            d["style"] = style
        if b.role != "body":
            d["role"] = b.role
        if b.footnote_refs:
            d["footnote_refs"] = to_jsonable(b.footnote_refs)
        return d
    return {
        "kind": "table",
        "index": b.index,
        "table_index": b.table_index,
        "page": b.page,
        "n_rows": b.n_rows,
        "n_cols": b.n_cols,
        "header_rows": b.header_rows,
        "continuations": to_jsonable(b.continuations),
        "cells": [
            {
                "row": c.row, "col": c.col, "row_span": c.row_span, "col_span": c.col_span,
                "text": c.text, "bold": c.bold,
                **({"tables": [_block_dict(t) for t in c.tables]} if c.tables else {}),
            }
            for row in b.rows for c in row
        ],
    }


def extract_file(path: str | Path, *, content: bool = True) -> dict[str, Any]:
    """Parse one file and extract everything: the contract JSON.
    Raises ``DocumentError`` when the file cannot be read."""
    # one budget for the parse and the extraction (``pipeline.budget``)
    with budget.document_budget():
        try:
            with budget.interruptible():
                doc = parse(path)
        except budget.BudgetExceeded:
            raise DocumentError(str(path), f"{budget.spent() or 'budget spent'} while parsing") from None
        return build_output(doc, content=content)
