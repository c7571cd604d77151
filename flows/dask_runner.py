"""A Dask task runner for the ingest flow (``vanban ingest --dask ADDRESS``).

Pinned with prefect 3.8.8: prefect-dask 0.3.7, dask 2026.8.0, distributed
2026.8.0.
"""

from __future__ import annotations


def task_runner_for(address: str | None, *, workers: int | None = None):
    """``DaskTaskRunner`` on the running cluster at ``address``
    ("tcp://host:8786"; its workers set how much runs at once); ``None``
    starts a temporary local cluster of one single-threaded worker process
    per core (``workers`` to choose), so that no document competes with
    another for its process's CPU time (the regex time limits count it)."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    from flows.ingest import worker_count

    n = workers or worker_count()
    return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True})
