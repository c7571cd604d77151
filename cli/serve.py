"""``vanban serve``: the ingest and reminders flows as scheduled Prefect
deployments, served until interrupted.

Its options and its ``run`` stay with the flow (``flows/serve.py``, on the
same floor as this shell): they set the flow's process-wide state (progress,
SIGTERM handling, the Prefect server) before Prefect is imported."""

from __future__ import annotations

from flows.serve import add_arguments, run

__all__ = ["add_arguments", "run"]
