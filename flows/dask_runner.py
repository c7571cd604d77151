"""A Dask task runner for the ingest flow (``vanban ingest --dask ADDRESS``).

Pinned with prefect 3.8.8: prefect-dask 0.3.7, dask 2026.8.0, distributed
2026.8.0.
"""

from __future__ import annotations


def task_runner_for(address: str | None):
    """``DaskTaskRunner`` on the running cluster at ``address``
    ("tcp://host:8786"); ``None`` starts a temporary local cluster."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner()
