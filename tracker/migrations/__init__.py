"""Alembic migrations of the query index (run by ``pipeline.store.Store`` on open)."""
