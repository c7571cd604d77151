"""Alembic migrations of the query index (run by ``tracker.store.Store`` on open)."""
