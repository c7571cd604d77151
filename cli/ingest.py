"""``vanban ingest [PATH ...]``: the batch job, a run of ``flows.ingest.ingest_flow``.

Its options and its ``run`` stay with the flow (``flows/ingest.py``, on the
same floor as this shell): they set the flow's process-wide state (progress,
SIGTERM handling, the Prefect server) before Prefect is imported."""

from __future__ import annotations

from flows.ingest import add_arguments, run

__all__ = ["add_arguments", "run"]
