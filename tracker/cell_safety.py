"""Cells that stay text in spreadsheets (CSV and XLSX formula injection).

Obligation texts come from documents anyone can send; a cell that starts with
``=``, ``+``, ``-``, ``@`` (or a tab / carriage return, which some programs
strip before one of those) is read by Excel and LibreOffice as a formula, and
``=HYPERLINK("http://…","z")`` becomes a live link.  OWASP's advice for CSV is
to prefix such a cell with a single quote, which spreadsheets show as text;
XLSX cells are written with the string type instead, so the visible text is
exactly the document's.
"""

from __future__ import annotations

from typing import Any, Mapping

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_cell(value: Any) -> Any:
    """``value`` for a CSV cell: text a spreadsheet would run as a formula gets a leading "'"."""
    return "'" + value if is_formula_like(value) else value


def csv_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: csv_cell(v) for k, v in row.items()}


def keep_text(cell: Any) -> Any:
    """An openpyxl cell holding formula-like text is typed as a string (not a formula);
    returns the cell.  Formulas vanban writes itself are set after, on purpose, elsewhere."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
    return cell


def keep_text_row(ws: Any, row: int) -> None:
    """Every cell of worksheet row ``row`` (after ``ws.append``) keeps its text."""
    for cell in ws[row]:
        keep_text(cell)
