"""``vanban server``: the Prefect server (API and UI) on vanban's Prefect home.

Its options and its ``run`` stay with the server helpers (``flows/server.py``,
on the same floor as this shell)."""

from __future__ import annotations

from flows.server import add_arguments, run

__all__ = ["add_arguments", "run"]
